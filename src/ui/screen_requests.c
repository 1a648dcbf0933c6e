/*
 * The saisines: the request log of the commune in view. A list (newest
 * first) with filters and sorting, a form to log or edit a request with
 * the contact to call for that kind and sub-domain (the contract's
 * matrix, in the annex version in force at the request's date), the
 * cancellation, and the exceptional requests' own view.
 */
#include "ui_internal.h"
#include "suivi/records.h"
#include "suivi/date.h"
#include "suivi/number.h"
#include "suivi/request.h"
#include "suivi/store_draft.h"
#include "suivi/store_request.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/workdays.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#define LIST_LIMIT 1000

struct req_screen {
	char contract_uid[STORE_UID_LEN];
	struct request_filter filter;
	char text[256], from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	int domain;			/* filter: index in domains, or -1 */
	struct domain_choice *domains;	/* in force today */
	size_t n_domains;
	struct request *rows;
	size_t n, total, cursor, top;
	int body_rows;
	bool exceptional;		/* the exceptional requests' view */
	bool loaded;
	char error[ERR_MSG_MAX];
};

static void req_screen_free(struct req_screen *rs)
{
	if (!rs)
		return;
	store_request_list_free(rs->rows, rs->n);
	store_domain_choices_free(rs->domains, rs->n_domains);
	free(rs);
}

/* Where each column of the list starts (the heading's words). */
static const int list_col_x[7] = { 2, 20, 31, 43, 51, 68, 87 };

static const char *kind_short[REQUEST_KIND_COUNT] = {
	[REQUEST_ORDINARY] = "ordinaire",
	[REQUEST_URGENT] = "urgence",
	[REQUEST_EXCEPTIONAL] = "exception.",
};

static void reload(struct ui *ui, struct req_screen *rs)
{
	struct err e;

	store_request_list_free(rs->rows, rs->n);
	rs->rows = NULL;
	rs->n = rs->total = 0;
	rs->error[0] = '\0';
	rs->loaded = false;
	if (!ui->n_contracts) {
		snprintf(rs->error, sizeof rs->error, "Aucun contrat dans la "
			 "base : importez-en un avec « suivi import FICHIER ».");
		return;
	}
	rs->filter.text = rs->text[0] ? rs->text : NULL;
	rs->filter.from = rs->from[0] ? rs->from : NULL;
	rs->filter.to = rs->to[0] ? rs->to : NULL;
	rs->filter.domain_uid = rs->domain >= 0 && (size_t)rs->domain < rs->n_domains
		? rs->domains[rs->domain].uid : NULL;
	rs->filter.limit = LIST_LIMIT;
	if (rs->exceptional)
		rs->filter.kind = REQUEST_EXCEPTIONAL;
	if (store_request_list(ui->st, ui->contracts[ui->contract].uid,
			       &rs->filter, &rs->rows, &rs->n, &rs->total,
			       &e) != 0) {
		snprintf(rs->error, sizeof rs->error, "%s", e.msg);
		return;
	}
	rs->loaded = true;
	if (rs->cursor >= rs->n)
		rs->cursor = rs->n ? rs->n - 1 : 0;
}

static void load_domains(struct ui *ui, struct req_screen *rs)
{
	struct err e;

	store_domain_choices_free(rs->domains, rs->n_domains);
	rs->domains = NULL;
	rs->n_domains = 0;
	rs->domain = -1;
	if (ui->n_contracts &&
	    store_domain_choices(ui->st, ui->contracts[ui->contract].uid,
				 ui->today, &rs->domains, &rs->n_domains, &e) != 0)
		ui_message(ui, true, "%s", e.msg);
}

/* "2026-11-23T14:30" -> "23/11/2026 14:30" (or the ISO form, as set) */
static void show_dt(const struct ui *ui, const char *iso, char *buf, size_t n)
{
	struct datetime t;
	char d[DATE_ISO_LEN];

	if (!iso || datetime_parse(iso, &t) != 0) {
		snprintf(buf, n, "%s", iso ? iso : "");
		return;
	}
	if (ui->app->cfg.date_format == DATEFMT_ISO)
		date_format_iso(t.d, d);
	else
		date_format_fr(t.d, d);
	snprintf(buf, n, "%s %02d:%02d", d, t.hour, t.minute);
}

/* An urgent request's priority and intervention delay (article 4),
 * each after sep: "priorité : P1 · délai d'intervention : 4 h". */
static void urgent_text(const struct request *r, const char *sep,
			struct strbuf *sb)
{
	char dl[32];

	if (r->urgent_priority)
		strbuf_addf(sb, "%spriorité : %s", sep, r->urgent_priority);
	if (r->has_urgent_delay) {
		request_urgent_delay_format(r->urgent_delay_min, dl, sizeof dl);
		strbuf_addf(sb, "%sdélai d'intervention : %s", sep, dl);
	}
}

static void delay_text(const struct request *r, char *buf, size_t n)
{
	char a[32] = "", b[32] = "";

	buf[0] = '\0';
	if (r->has_ack) {
		number_format(r->ack_hours, 1, a, sizeof a);
		snprintf(buf, n, "pec %s h", a);
	}
	if (r->has_resolution) {
		size_t len = strlen(buf);

		number_format(r->resolution_days, 1, b, sizeof b);
		snprintf(buf + len, n - len, "%srés %s j", len ? " · " : "", b);
	}
}

/* ------------------------------------------------------------------ */

static void draw(struct ui *ui, int top, int rows, int cols)
{
	struct req_screen *rs = ui->rs;
	const struct uiterm *t = &ui->term;
	struct strbuf sb;
	int y;

	if (!rs || !rs->loaded) {
		draw_text(t, top + 1, 2, cols - 4, PAINT_ERROR,
			  rs && rs->error[0] ? rs->error : "Chargement…");
		return;
	}
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s : %zu", rs->exceptional ? "Demandes exceptionnelles"
					    : "Saisines", rs->total);
	if (rs->total > rs->n)
		strbuf_addf(&sb, " (les %zu premières)", rs->n);
	strbuf_addstr(&sb, " · filtres :");
	if (rs->filter.kind >= 0 && !rs->exceptional)
		strbuf_addf(&sb, " %s", request_kind_vocab[rs->filter.kind].label);
	if (rs->filter.status >= 0)
		strbuf_addf(&sb, " %s", request_status_vocab[rs->filter.status].label);
	if (rs->domain >= 0)
		strbuf_addf(&sb, " %s", rs->domains[rs->domain].code);
	if (rs->from[0] || rs->to[0]) {
		char a[DATE_ISO_LEN] = "", b[DATE_ISO_LEN] = "";

		ui_date(ui, rs->from, a, sizeof a);
		ui_date(ui, rs->to, b, sizeof b);
		strbuf_addf(&sb, " du %s au %s", a[0] ? a : "…", b[0] ? b : "…");
	}
	if (rs->text[0])
		strbuf_addf(&sb, " « %s »", rs->text);
	if (rs->filter.kind < 0 && rs->filter.status < 0 && rs->domain < 0 &&
	    !rs->from[0] && !rs->to[0] && !rs->text[0])
		strbuf_addstr(&sb, " aucun");
	draw_text(t, top, 0, cols, PAINT_TITLE, sb.buf);
	strbuf_release(&sb);
	y = top + 1;
	draw_text(t, y, 0, cols, PAINT_DIM,
		  "  Reçue             Nature     Forme       Dom.    Statut           "
		  "Délais             Objet");
	draw_hline(t, y + 1, 0, cols);
	rs->body_rows = rows - 5;
	if (rs->body_rows < 1)
		rs->body_rows = 1;
	if (rs->cursor < rs->top)
		rs->top = rs->cursor;
	if (rs->cursor >= rs->top + (size_t)rs->body_rows)
		rs->top = rs->cursor - (size_t)rs->body_rows + 1;
	if (!rs->n)
		draw_text(t, top + 3, 2, cols - 4, PAINT_DIM,
			  rs->total ? "" : "Aucune saisine ne correspond : n pour en "
			  "enregistrer une, F pour ôter les filtres.");
	for (int k = 0; k < rs->body_rows; k++) {
		size_t i = rs->top + (size_t)k;
		const struct request *r;
		char when[32], dl[64], dom[32];
		const char *cell[7];
		enum paint p;

		if (i >= rs->n)
			break;
		r = &rs->rows[i];
		show_dt(ui, r->received_at, when, sizeof when);
		delay_text(r, dl, sizeof dl);
		snprintf(dom, sizeof dom, "%s%s%s", r->domain_code ? r->domain_code : "",
			 r->subdomain_letter ? "/" : "",
			 r->subdomain_letter ? r->subdomain_letter : "");
		cell[0] = when;
		cell[1] = kind_short[r->kind];
		cell[2] = request_form_vocab[r->form].label;
		cell[3] = dom;
		cell[4] = request_status_vocab[r->status].label;
		cell[5] = dl;
		cell[6] = r->object ? r->object : "";
		p = i == rs->cursor ? PAINT_SELECTED
		    : r->status == REQ_CANCELLED ? PAINT_DIM : PAINT_NORMAL;
		ui_list_mark(ui, top + 3 + k, cols, i == rs->cursor);
		/* one cell at a time: draw_text measures in columns, not
		 * bytes ("téléphone" is 9 columns, 11 bytes) */
		for (int c = 0; c < 7; c++) {
			int x = list_col_x[c];
			int w = c < 6 ? list_col_x[c + 1] - 1 - x : cols - x;

			draw_text(t, top + 3 + k, x, w, p, cell[c]);
		}
	}
	/* the selected request, in full */
	draw_hline(t, top + rows - 2, 0, cols);
	if (rs->n) {
		const struct request *r = &rs->rows[rs->cursor];

		strbuf_init(&sb);
		strbuf_addf(&sb, "%s · %s", request_kind_vocab[r->kind].label,
			    request_nature_vocab[r->nature].label);
		if (r->criticality)
			strbuf_addf(&sb, " %s", r->criticality);
		urgent_text(r, " · ", &sb);
		if (r->requester)
			strbuf_addf(&sb, " · demandeur : %s", r->requester);
		if (r->kind == REQUEST_EXCEPTIONAL)
			strbuf_addf(&sb, " · décision : %s", r->decision ? r->decision
									: "à prendre");
		if (r->cancel_reason)
			strbuf_addf(&sb, " · annulée : %s", r->cancel_reason);
		draw_text(t, top + rows - 1, 0, cols, PAINT_NORMAL, sb.buf);
		strbuf_release(&sb);
	}
}

/* ------------------------------------------------------------------ */
/* The form                                                            */

enum {
	F_KIND, F_FORM, F_DOMAIN, F_SUB, F_NATURE, F_CRIT, F_REQUESTER,
	F_OBJECT, F_RECEIVED, F_ACK, F_INTERVENTION, F_RESOLVED, F_ANSWERED,
	F_PRIORITY, F_DELAY, F_EXC_LABEL, F_ASKED, F_PROPOSAL, F_DECISION, F_DECIDED_BY,
	F_DECIDED_ON, F_COST, F_COMPENSATION, F_COUNT
};

struct req_form {
	struct ui *ui;
	struct req_screen *rs;
	struct form form;
	struct form_field fields[F_COUNT];
	const char *kind_labels[REQUEST_KIND_COUNT];
	const char *form_labels[FORM_COUNT];
	const char *nature_labels[NATURE_COUNT];
	const char **domain_labels;	/* "—" then each domain */
	const char **sub_labels;	/* "—" then each sub-domain */
	char **sub_strs;		/* "C. Fourniture…", owned */
	size_t n_sub;
	struct domain_choice *doms;	/* in force on doms_date */
	size_t n_doms;
	char doms_date[16];
	const char *editing;		/* uid, or NULL for a new one */
	char saved_uid[STORE_UID_LEN];
	/* the criticality chosen, by name: the list it was chosen in goes
	 * when the domains are read again for another date */
	char crit_keep[128];
};

static const struct domain_choice *chosen_domain(const struct req_form *rf)
{
	int i = rf->fields[F_DOMAIN].choice - 1;

	return i >= 0 && (size_t)i < rf->n_doms ? &rf->doms[i] : NULL;
}

static const struct subdomain_choice *chosen_sub(const struct req_form *rf)
{
	const struct domain_choice *d = chosen_domain(rf);
	int i = rf->fields[F_SUB].choice - 1;

	return d && i >= 0 && (size_t)i < d->n_subdomains ? &d->subdomains[i]
							  : NULL;
}

/* The criticalities offered: the levels of the chosen domain's annex
 * (the contract file's own), the one chosen kept by its name. */
static void set_crit_choices(struct req_form *rf)
{
	static const char *const none[] = { "—" };
	const struct domain_choice *d = chosen_domain(rf);
	struct form_field *c = &rf->fields[F_CRIT];
	const char *keep = rf->crit_keep;

	if (!d || !d->n_criticalities) {
		c->choices = none;
		c->n_choices = 1;
		c->choice = 0;
		return;
	}
	c->choices = (const char *const *)d->criticalities;
	c->n_choices = d->n_criticalities;
	c->choice = 0;
	for (size_t i = 0; i < d->n_criticalities; i++)
		if (!strcmp(d->criticalities[i], keep))
			c->choice = (int)i;
	snprintf(rf->crit_keep, sizeof rf->crit_keep, "%s",
		 d->criticalities[c->choice]);
}

static void set_sub_choices(struct req_form *rf)
{
	const struct domain_choice *d = chosen_domain(rf);
	size_t n = d ? d->n_subdomains : 0;

	set_crit_choices(rf);

	for (size_t i = 0; i < rf->n_sub; i++)
		free(rf->sub_strs[i]);
	free(rf->sub_strs);
	free(rf->sub_labels);
	rf->sub_strs = xcalloc(n + 1, sizeof *rf->sub_strs);
	rf->sub_labels = xcalloc(n + 1, sizeof *rf->sub_labels);
	rf->sub_labels[0] = "—";
	for (size_t i = 0; i < n; i++) {
		rf->sub_strs[i] = xasprintf("%s. %s", d->subdomains[i].letter,
					    d->subdomains[i].name);
		rf->sub_labels[i + 1] = rf->sub_strs[i];
	}
	rf->n_sub = n;
	rf->fields[F_SUB].choices = rf->sub_labels;
	rf->fields[F_SUB].n_choices = n + 1;
	if (rf->fields[F_SUB].choice > (int)n)
		rf->fields[F_SUB].choice = 0;
}

/* The domains and sub-domains offered: those of the annex versions in
 * force on the request's date (an amendment may have changed them). The
 * domain chosen stays by its code, the sub-domain by its letter. */
static void choices_for(struct req_form *rf, const char *date)
{
	struct domain_choice *v = NULL;
	size_t n = 0;
	struct err e;
	char code[64] = "", letter[16] = "";
	const struct domain_choice *d;
	const struct subdomain_choice *sd;

	if (rf->doms && !strcmp(rf->doms_date, date))
		return;
	if (store_domain_choices(rf->ui->st,
				 rf->ui->contracts[rf->ui->contract].uid, date,
				 &v, &n, &e) != 0) {
		ui_message(rf->ui, true, "%s", e.msg);
		return;
	}
	if ((d = chosen_domain(rf)))
		snprintf(code, sizeof code, "%s", d->code);
	if ((sd = chosen_sub(rf)))
		snprintf(letter, sizeof letter, "%s", sd->letter);
	store_domain_choices_free(rf->doms, rf->n_doms);
	rf->doms = v;
	rf->n_doms = n;
	snprintf(rf->doms_date, sizeof rf->doms_date, "%s", date);
	free(rf->domain_labels);
	rf->domain_labels = xcalloc(n + 1, sizeof *rf->domain_labels);
	rf->domain_labels[0] = "—";
	for (size_t i = 0; i < n; i++)
		rf->domain_labels[i + 1] = v[i].name;
	rf->fields[F_DOMAIN].choices = rf->domain_labels;
	rf->fields[F_DOMAIN].n_choices = n + 1;
	rf->fields[F_DOMAIN].choice = code[0] ? 0 : (n ? 1 : 0);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].code, code))
			rf->fields[F_DOMAIN].choice = (int)i + 1;
	rf->fields[F_SUB].choice = 0;
	set_sub_choices(rf);
	d = chosen_domain(rf);
	for (size_t i = 0; d && letter[0] && i < d->n_subdomains; i++)
		if (!strcmp(d->subdomains[i].letter, letter))
			rf->fields[F_SUB].choice = (int)i + 1;
}

/* "AAAA-MM-JJTHH:MM" of a typed date-time, or NULL. */
static const char *typed_dt(const struct req_form *rf, int i, char *buf)
{
	struct datetime t;
	const char *s = rf->fields[i].text;

	if (!s || !*s || datetime_parse(s, &t) != 0)
		return NULL;
	datetime_format_iso(t, buf);
	return buf;
}

/* Under the contact: the status and the delays the dates give. */
static void follow_up(struct req_form *rf)
{
	char rec[DATETIME_ISO_LEN], ack[DATETIME_ISO_LEN],
	     inter[DATETIME_ISO_LEN], res[DATETIME_ISO_LEN],
	     ans[DATETIME_ISO_LEN];
	struct request_dates d = {
		typed_dt(rf, F_RECEIVED, rec), typed_dt(rf, F_ACK, ack),
		typed_dt(rf, F_INTERVENTION, inter),
		typed_dt(rf, F_RESOLVED, res), typed_dt(rf, F_ANSWERED, ans),
		NULL,
	};
	struct strbuf sb;
	double h, w;
	char a[32], b[32];

	if (!d.received)
		return;
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s\n\nStatut : %s", rf->form.aside ? rf->form.aside : "",
		    request_status_vocab[request_status(&d)].label);
	if (request_delay(d.received, d.acknowledged, &h, &w)) {
		number_format(h, 1, a, sizeof a);
		number_format(w, 1, b, sizeof b);
		strbuf_addf(&sb, " · prise en compte en %s h (%s j ouvré%s)", a, b,
			    w > 1 ? "s" : "");
	}
	if (request_delay(d.received, d.resolved, &h, &w)) {
		number_format(h, 1, a, sizeof a);
		number_format(w, 1, b, sizeof b);
		strbuf_addf(&sb, " · résolue en %s h (%s j ouvré%s)", a, b,
			    w > 1 ? "s" : "");
	}
	free(rf->form.aside);
	rf->form.aside = strbuf_detach(&sb);
}

/* Show what depends on other fields: the criticality, the exceptional
 * fields, the contact to call, the status and delays. */
static void update_form(struct req_form *rf)
{
	struct form_field *f = rf->fields;
	bool exc = f[F_KIND].choice == REQUEST_EXCEPTIONAL;
	const struct domain_choice *d;
	const struct subdomain_choice *sd;
	struct datetime when;
	char date[16];
	char *commune = NULL, *shared = NULL;
	struct err e;

	/* a mutualised function: but for an exceptional request */
	f[F_DOMAIN].required = !exc;
	/* an urgent request's own; shown on another while they hold text,
	 * so that the store's refusal can be answered */
	for (int i = F_PRIORITY; i <= F_DELAY; i++)
		f[i].hidden = f[F_KIND].choice != REQUEST_URGENT &&
			      !(f[i].text && f[i].text[0]);
	for (int i = F_EXC_LABEL; i <= F_COMPENSATION; i++)
		f[i].hidden = !exc;
	free(rf->form.aside);
	rf->form.aside = NULL;
	if (datetime_parse(f[F_RECEIVED].text, &when) == 0)
		date_format_iso(when.d, date);
	else
		snprintf(date, sizeof date, "%s", rf->ui->today);
	choices_for(rf, date);
	d = chosen_domain(rf);
	sd = chosen_sub(rf);
	/* an incident's, among the levels of its domain's annex */
	f[F_CRIT].hidden = f[F_NATURE].choice != NATURE_INCIDENT || !d ||
			   !d->n_criticalities;
	if (!d && !exc) {
		rf->form.aside = xstrdup("Qui saisir : choisissez le domaine et "
					 "le sous-domaine.");
		follow_up(rf);
		return;
	}
	if (store_request_contact(rf->ui->st, d ? d->uid : NULL,
				  sd ? sd->letter : NULL,
				  (enum request_kind)f[F_KIND].choice, date,
				  &commune, &shared, &e) != 0) {
		rf->form.aside = xasprintf("Qui saisir : %s", e.msg);
		return;
	}
	rf->form.aside = xasprintf("Qui saisir (%s%s%s, saisine %s) :\n"
				   "• Commune : %s\n• Service commun : %s%s",
				   d ? d->code : "", sd ? "/" : "",
				   sd ? sd->letter : "",
				   request_kind_vocab[f[F_KIND].choice].label,
				   commune ? commune : "(le contrat ne le dit pas)",
				   shared ? shared : "(le contrat ne le dit pas)",
				   "");
	free(commune);
	free(shared);
	follow_up(rf);
}

static void on_change(struct form *f, size_t field, void *ctx)
{
	struct req_form *rf = ctx;

	(void)f;
	if (field == F_DOMAIN)
		set_sub_choices(rf);
	if (field == F_CRIT && rf->fields[F_CRIT].n_choices &&
	    chosen_domain(rf) && chosen_domain(rf)->n_criticalities)
		snprintf(rf->crit_keep, sizeof rf->crit_keep, "%s",
			 rf->fields[F_CRIT].choices[rf->fields[F_CRIT].choice]);
	update_form(rf);
}

static const char *txt(const struct req_form *rf, int i)
{
	return form_text(&rf->form, (size_t)i);
}

/* Save (the form's check): the request and, when exceptional, its own
 * fields, in one transaction; a refusal keeps the form open with it. */
static bool save(struct form *f, void *ctx, char *err, size_t n)
{
	struct req_form *rf = ctx;
	const struct domain_choice *d = chosen_domain(rf);
	const struct subdomain_choice *sd = chosen_sub(rf);
	struct request_input in;
	struct exceptional_input x;
	struct err e;
	char uid[STORE_UID_LEN];

	(void)f;
	memset(&in, 0, sizeof in);
	in.kind = (enum request_kind)rf->fields[F_KIND].choice;
	in.form = request_form_vocab[rf->fields[F_FORM].choice].db;
	in.domain_uid = d ? d->uid : NULL;
	in.subdomain_uid = sd ? sd->uid : NULL;
	in.nature = request_nature_vocab[rf->fields[F_NATURE].choice].db;
	in.criticality = rf->fields[F_NATURE].choice == NATURE_INCIDENT &&
			 d && d->n_criticalities
		? d->criticalities[rf->fields[F_CRIT].choice] : NULL;
	in.requester = txt(rf, F_REQUESTER);
	in.object = txt(rf, F_OBJECT);
	in.received_at = txt(rf, F_RECEIVED);
	in.acknowledged_at = txt(rf, F_ACK);
	in.intervention_at = txt(rf, F_INTERVENTION);
	in.resolved_at = txt(rf, F_RESOLVED);
	in.answered_at = txt(rf, F_ANSWERED);
	in.urgent_priority = txt(rf, F_PRIORITY);
	in.urgent_delay = txt(rf, F_DELAY);
	if (!in.object) {
		snprintf(err, n, "L'objet est obligatoire");
		return false;
	}
	if (!in.received_at) {
		snprintf(err, n, "La date de réception est obligatoire "
			 "(JJ/MM/AAAA HH:MM)");
		return false;
	}
	if (in.kind == REQUEST_EXCEPTIONAL) {
		double cost = 0;

		memset(&x, 0, sizeof x);
		x.asked = txt(rf, F_ASKED);
		x.proposal = txt(rf, F_PROPOSAL);
		x.decision = txt(rf, F_DECISION);
		x.decided_by = txt(rf, F_DECIDED_BY);
		x.decided_on = txt(rf, F_DECIDED_ON);
		x.compensation = txt(rf, F_COMPENSATION);
		if (txt(rf, F_COST)) {
			if (number_parse_amount(txt(rf, F_COST), "coût estimé",
						&cost, &e) != 0)
				goto fail;
			x.has_cost = true;
			x.estimated_cost = cost;
		}
	}
	if (record_request_save(rf->ui->st,
				rf->ui->contracts[rf->ui->contract].uid,
				rf->editing, &in,
				in.kind == REQUEST_EXCEPTIONAL ? &x : NULL, uid,
				&e) != 0)
		goto fail;
	snprintf(rf->saved_uid, sizeof rf->saved_uid, "%s", uid);
	return true;
fail:
	snprintf(err, n, "%s", e.msg);
	return false;
}

static void iso_to_field(const struct ui *ui, struct form_field *f,
			 const char *iso)
{
	char buf[64];

	show_dt(ui, iso, buf, sizeof buf);
	form_field_set(f, iso ? buf : "");
}

#define DRAFT_SLOT "saisine"

static void run_form(struct ui *ui, struct req_screen *rs,
		     const struct request *r, const char *draft)
{
	struct req_form *rf = xcalloc(1, sizeof *rf);
	struct form_field *f = rf->fields;
	static const char *const labels[F_COUNT] = {
		[F_KIND] = "Nature de saisine", [F_FORM] = "Forme",
		[F_DOMAIN] = "Domaine", [F_SUB] = "Sous-domaine",
		[F_NATURE] = "Demande ou incident", [F_CRIT] = "Criticité",
		[F_REQUESTER] = "Demandeur (commune)", [F_OBJECT] = "Objet",
		[F_RECEIVED] = "Reçue le", [F_ACK] = "Prise en compte le",
		[F_INTERVENTION] = "Intervention le",
		[F_RESOLVED] = "Résolue / remise en service le",
		[F_ANSWERED] = "Réponse à l'usager le",
		[F_PRIORITY] = "Priorité (urgence)",
		[F_DELAY] = "Délai d'intervention (urgence)",
		[F_EXC_LABEL] = "Demande exceptionnelle (hors du contrat) :",
		[F_ASKED] = "Ce qui est demandé",
		[F_PROPOSAL] = "Proposition d'adaptation des moyens",
		[F_DECISION] = "Décision", [F_DECIDED_BY] = "Décidée par",
		[F_DECIDED_ON] = "Décidée le", [F_COST] = "Coût estimé (€)",
		[F_COMPENSATION] = "Compensation",
	};

	rf->ui = ui;
	rf->rs = rs;
	rf->editing = r ? r->uid : NULL;
	form_fields_init(f, F_COUNT);
	for (int i = 0; i < F_COUNT; i++)
		f[i].label = labels[i];
	f[F_EXC_LABEL].kind = FIELD_LABEL;
	for (int i = 0; i < REQUEST_KIND_COUNT; i++)
		rf->kind_labels[i] = request_kind_vocab[i].label;
	for (int i = 0; i < FORM_COUNT; i++)
		rf->form_labels[i] = request_form_vocab[i].label;
	for (int i = 0; i < NATURE_COUNT; i++)
		rf->nature_labels[i] = request_nature_vocab[i].label;

	f[F_KIND].kind = FIELD_CHOICE;
	f[F_KIND].choices = rf->kind_labels;
	f[F_KIND].n_choices = REQUEST_KIND_COUNT;
	f[F_FORM].kind = FIELD_CHOICE;
	f[F_FORM].choices = rf->form_labels;
	f[F_FORM].n_choices = FORM_COUNT;
	f[F_FORM].choice = FORM_PHONE;
	f[F_DOMAIN].kind = FIELD_CHOICE;
	f[F_SUB].kind = FIELD_CHOICE;
	f[F_NATURE].kind = FIELD_CHOICE;
	f[F_NATURE].choices = rf->nature_labels;
	f[F_NATURE].n_choices = NATURE_COUNT;
	f[F_CRIT].kind = FIELD_CHOICE;
	f[F_OBJECT].required = true;
	f[F_OBJECT].tkind = TEXT_LONG;
	f[F_ASKED].tkind = TEXT_LONG;
	f[F_PROPOSAL].tkind = TEXT_LONG;
	f[F_DECISION].tkind = TEXT_LONG;
	f[F_COMPENSATION].tkind = TEXT_LONG;
	f[F_RECEIVED].required = true;
	for (int i = F_RECEIVED; i <= F_ANSWERED; i++)
		f[i].hint = "JJ/MM/AAAA HH:MM (ou AAAA-MM-JJ HH:MM) · Tab champ "
			    "suivant · Entrée enregistre · Échap abandonne";
	f[F_DECIDED_ON].hint = "JJ/MM/AAAA";
	f[F_PRIORITY].hint = "la priorité que l'urgence impose au service "
			     "commun (article 4) · Tab champ suivant · Entrée "
			     "enregistre";
	f[F_DELAY].hint = "en heures : 4, 4 h, 2h30 · Tab champ suivant · "
			  "Entrée enregistre";
	if (r) {
		f[F_KIND].choice = r->kind;
		f[F_FORM].choice = r->form;
		f[F_NATURE].choice = r->nature;
		form_field_set(&f[F_REQUESTER], r->requester);
		form_field_set(&f[F_OBJECT], r->object);
		iso_to_field(ui, &f[F_RECEIVED], r->received_at);
		iso_to_field(ui, &f[F_ACK], r->acknowledged_at);
		iso_to_field(ui, &f[F_INTERVENTION], r->intervention_at);
		iso_to_field(ui, &f[F_RESOLVED], r->resolved_at);
		iso_to_field(ui, &f[F_ANSWERED], r->answered_at);
		form_field_set(&f[F_PRIORITY], r->urgent_priority);
		if (r->has_urgent_delay) {
			char dl[32];

			request_urgent_delay_format(r->urgent_delay_min, dl,
						    sizeof dl);
			form_field_set(&f[F_DELAY], dl);
		}
		form_field_set(&f[F_ASKED], r->asked);
		form_field_set(&f[F_PROPOSAL], r->proposal);
		form_field_set(&f[F_DECISION], r->decision);
		form_field_set(&f[F_DECIDED_BY], r->decided_by);
		form_field_set(&f[F_DECIDED_ON], r->decided_on);
		form_field_set(&f[F_COMPENSATION], r->compensation);
		if (r->has_cost) {
			char c[64];

			number_format(r->estimated_cost, 2, c, sizeof c);
			form_field_set(&f[F_COST], c);
		}
	} else {
		/* received now, by default: the day of now (ui_clock), not
		 * of the start */
		char now[64];
		struct date d;

		if (ui_clock(ui))
			ui->day_changed = true;
		date_parse(ui->today, &d);
		{
			char ds[DATE_ISO_LEN];
			time_t tt = time(NULL);
			struct tm tmv;

			localtime_r(&tt, &tmv);
			if (ui->app->cfg.date_format == DATEFMT_ISO)
				date_format_iso(d, ds);
			else
				date_format_fr(d, ds);
			snprintf(now, sizeof now, "%s %02d:%02d", ds, tmv.tm_hour,
				 tmv.tm_min);
		}
		form_field_set(&f[F_RECEIVED], now);
	}
	{
		/* the choices of the request's date; its own domain and
		 * sub-domain selected */
		struct datetime when;
		char date[16];

		if (datetime_parse(f[F_RECEIVED].text, &when) == 0)
			date_format_iso(when.d, date);
		else
			snprintf(date, sizeof date, "%s", ui->today);
		choices_for(rf, date);
		for (size_t i = 0; r && r->domain_uid && i < rf->n_doms; i++)
			if (!strcmp(rf->doms[i].uid, r->domain_uid))
				f[F_DOMAIN].choice = (int)i + 1;
		set_sub_choices(rf);
		if (r && r->subdomain_uid) {
			const struct domain_choice *d = chosen_domain(rf);

			for (size_t i = 0; d && i < d->n_subdomains; i++)
				if (!strcmp(d->subdomains[i].uid,
					    r->subdomain_uid))
					f[F_SUB].choice = (int)i + 1;
		}
		if (r && r->criticality) {
			snprintf(rf->crit_keep, sizeof rf->crit_keep, "%s",
				 r->criticality);
			set_crit_choices(rf);
		}
	}
	rf->form.title = r ? "Modifier la saisine" : "Nouvelle saisine";
	rf->form.fields = f;
	rf->form.n = F_COUNT;
	rf->form.on_change = on_change;
	if (draft) {
		/* the domain first: it decides the sub-domains offered */
		form_restore(&rf->form, draft);
		set_sub_choices(rf);
		form_restore(&rf->form, draft);
		if (chosen_domain(rf) && chosen_domain(rf)->n_criticalities &&
		    (size_t)f[F_CRIT].choice < f[F_CRIT].n_choices)
			snprintf(rf->crit_keep, sizeof rf->crit_keep, "%s",
				 f[F_CRIT].choices[f[F_CRIT].choice]);
	}
	update_form(rf);
	if (ui_form_run(ui, &rf->form, save, rf)) {
		ui_ack_log("saisine", rf->saved_uid, txt(rf, F_OBJECT),
			   (const char *)NULL);
		ui_message(ui, false, "%s : %s", r ? "Saisine modifiée"
						 : "Saisine enregistrée",
			   txt(rf, F_OBJECT));
		reload(ui, rs);
		for (size_t i = 0; i < rs->n; i++)
			if (!strcmp(rs->rows[i].uid, rf->saved_uid))
				rs->cursor = i;
	} else {
		/* the terminal went away: what was typed is kept as a draft,
		 * offered back at the next start */
		char *ctx = xasprintf("%s|%s", ui->contracts[ui->contract].uid,
				      r ? r->uid : "");

		ui_form_keep_draft(ui, &rf->form, DRAFT_SLOT, ctx);
		free(ctx);
	}
	form_release(&rf->form);
	free(rf->domain_labels);
	store_domain_choices_free(rf->doms, rf->n_doms);
	for (size_t i = 0; i < rf->n_sub; i++)
		free(rf->sub_strs[i]);
	free(rf->sub_strs);
	free(rf->sub_labels);
	free(rf);
}

/* ------------------------------------------------------------------ */

/* Suppr on an exceptional request: its decision (what was decided, by
 * whom, when) erased, asking first; the history keeps it. */
static void clear_decision(struct ui *ui, struct req_screen *rs)
{
	const struct request *r;
	char q[256], uid[STORE_UID_LEN];
	struct err e;

	if (!rs->n)
		return;
	r = &rs->rows[rs->cursor];
	if (r->kind != REQUEST_EXCEPTIONAL || (!r->decision && !r->decided_by &&
					       !r->decided_on)) {
		ui_message(ui, true, "Suppr efface la décision d'une demande "
			   "exceptionnelle : celle-ci n'en a pas (x annule une "
			   "saisine)");
		return;
	}
	snprintf(q, sizeof q, "Effacer la décision « %.60s » de cette demande "
		 "exceptionnelle ? (o/N)", r->decision ? r->decision : "");
	if (!ui_confirm(ui, q))
		return;
	snprintf(uid, sizeof uid, "%s", r->uid);
	if (store_exceptional_clear_decision(ui->st, uid, NULL, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "Décision effacée (elle reste dans l'historique : "
		   "h)");
	reload(ui, rs);
}

/* h: the history of the request's exceptional fields. */
static void show_history(struct ui *ui, struct req_screen *rs)
{
	struct store_change *v = NULL;
	size_t n = 0;
	struct err e;

	if (!rs->n)
		return;
	if (store_request_history(ui->st, rs->rows[rs->cursor].uid, &v, &n,
				  &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_show_changes(ui, " Historique de la saisine ", v, n);
	store_changes_free(v, n);
}

static void cancel_request(struct ui *ui, struct req_screen *rs)
{
	struct edit reason;
	struct err e = { 0 };
	const struct request *r;
	bool ok;

	if (!rs->n)
		return;
	r = &rs->rows[rs->cursor];
	if (r->status == REQ_CANCELLED) {
		ui_message(ui, true, "Cette saisine est déjà annulée");
		return;
	}
	edit_init(&reason, TEXT_LONG, NULL);
	reason.multiline = false;
	ok = ui_prompt_edit(ui, "Annuler la saisine. Motif : ", &reason, NULL,
			    NULL) &&
	     store_request_cancel(ui->st, r->uid, NULL,
				  reason.len ? edit_text(&reason) : NULL, &e) == 0;
	if (!ok && !ui->gone && e.msg[0])
		ui_message(ui, true, "%s", e.msg);
	edit_release(&reason);
	if (!ok)
		return;
	ui_message(ui, false, "Saisine annulée");
	reload(ui, rs);
}

static void cycle(int *v, int n)
{
	*v = *v + 1 >= n ? -1 : *v + 1;
}

static void ask_period(struct ui *ui, struct req_screen *rs)
{
	char text[64] = "";
	struct period p;
	struct date a, b;
	char *dash;

	if (!ui_prompt(ui, "Période (2026, 2026-03, 2026-T1, ou JJ/MM/AAAA-"
		       "JJ/MM/AAAA ; vide : toutes) : ", text, sizeof text, NULL,
		       NULL))
		return;
	rs->from[0] = rs->to[0] = '\0';
	if (!text[0]) {
		reload(ui, rs);
		return;
	}
	if (period_parse(text, &p) == 0) {
		date_format_iso(period_first_day(p), rs->from);
		date_format_iso(period_last_day(p), rs->to);
	} else if ((dash = strchr(text, '-')) && strchr(text, '/') &&
		   (*dash = '\0', date_parse(text, &a) == 0) &&
		   date_parse(dash + 1, &b) == 0) {
		date_format_iso(a, rs->from);
		date_format_iso(b, rs->to);
	} else {
		ui_message(ui, true, "« %s » n'est pas une période", text);
		return;
	}
	rs->cursor = rs->top = 0;
	reload(ui, rs);
}

static void on_search(struct ui *ui, const char *text, void *ctx)
{
	struct req_screen *rs = ctx;

	/* one letter matches half the words of ten years of requests: the
	 * list follows the typing from the second letter (Entrée searches
	 * whatever was typed) */
	if (text[0] && !text[1 + (((unsigned char)text[0] & 0xE0) == 0xC0)]) {
		ui_message(ui, false, "une lettre de plus…");
		return;
	}
	snprintf(rs->text, sizeof rs->text, "%s", text);
	rs->cursor = rs->top = 0;
	reload(ui, rs);
	ui_message(ui, false, "%zu saisie%s", rs->total, rs->total > 1 ? "s" : "");
}

static void enter(struct ui *ui)
{
	struct req_screen *rs = ui->rs;

	if (!rs) {
		rs = ui->rs = xcalloc(1, sizeof *rs);
		request_filter_init(&rs->filter);
		rs->domain = -1;
	}
	if (ui->n_contracts &&
	    strcmp(rs->contract_uid, ui->contracts[ui->contract].uid)) {
		snprintf(rs->contract_uid, sizeof rs->contract_uid, "%s",
			 ui->contracts[ui->contract].uid);
		load_domains(ui, rs);
		rs->cursor = rs->top = 0;
	}
	reload(ui, rs);
}

static void leave(struct ui *ui)
{
	(void)ui;
}

static void show_request(struct ui *ui, const char *uid)
{
	struct req_screen *rs = ui->rs;
	struct request r;
	struct err e;

	if (!rs)
		return;
	for (size_t i = 0; i < rs->n; i++)
		if (!strcmp(rs->rows[i].uid, uid))
			rs->cursor = i;
	if (store_request_get(ui->st, uid, &r, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	run_form(ui, rs, &r, NULL);
	store_request_release(&r);
}

static void show_period(struct ui *ui, const char *from, const char *to)
{
	struct req_screen *rs = ui->rs;
	char f[32], t[32];

	if (!rs)
		return;
	snprintf(rs->from, sizeof rs->from, "%s", from);
	snprintf(rs->to, sizeof rs->to, "%s", to);
	rs->cursor = rs->top = 0;
	reload(ui, rs);
	ui_date(ui, from, f, sizeof f);
	ui_date(ui, to, t, sizeof t);
	ui_message(ui, false, "Saisines reçues du %s au %s : %zu (F ôte le "
		   "filtre, Alt+5 revient à la réunion)", f, t, rs->total);
}

/* A jump to a request (its form), or to the requests of a window. */
static void show(struct ui *ui, const struct ui_ref *ref)
{
	if (ref->uid)
		show_request(ui, ref->uid);
	else if (ref->from && ref->to)
		show_period(ui, ref->from, ref->to);
}

static int handle(struct ui *ui, enum action a, const struct key *k)
{
	struct req_screen *rs = ui->rs;

	(void)k;
	if (!rs)
		return UI_NOTHING;
	if (ui_list_nav(&rs->cursor, &rs->top, rs->n, rs->body_rows, a))
		return UI_REDRAW;
	switch (a) {
	case ACT_NEW:
		run_form(ui, rs, NULL, NULL);
		return UI_REDRAW;
	case ACT_OPEN:
	case ACT_MODIFY:
		if (rs->n)
			run_form(ui, rs, &rs->rows[rs->cursor], NULL);
		return UI_REDRAW;
	case ACT_CANCEL_REQ:
		cancel_request(ui, rs);
		return UI_REDRAW;
	case ACT_DELETE:
		clear_decision(ui, rs);
		return UI_REDRAW;
	case ACT_HISTORY:
		show_history(ui, rs);
		return UI_REDRAW;
	case ACT_SEARCH: {
		char buf[sizeof rs->text];

		/* the prompt edits its own copy; each change filters */
		snprintf(buf, sizeof buf, "%s", rs->text);
		if (!ui_prompt(ui, "Chercher dans les saisines : ", buf,
			       sizeof buf, on_search, rs))
			buf[0] = '\0';	/* Échap: no text filter */
		if (!ui->gone) {
			snprintf(rs->text, sizeof rs->text, "%s", buf);
			rs->cursor = rs->top = 0;
		}
		reload(ui, rs);
		return UI_REDRAW;
	}
	case ACT_FILTER_KIND:
		cycle(&rs->filter.kind, REQUEST_KIND_COUNT);
		rs->cursor = rs->top = 0;
		reload(ui, rs);
		return UI_REDRAW;
	case ACT_FILTER_STATUS:
		cycle(&rs->filter.status, REQ_STATUS_COUNT);
		rs->cursor = rs->top = 0;
		reload(ui, rs);
		return UI_REDRAW;
	case ACT_FILTER_DOMAIN:
		cycle(&rs->domain, (int)rs->n_domains);
		rs->cursor = rs->top = 0;
		reload(ui, rs);
		return UI_REDRAW;
	case ACT_FILTER_PERIOD:
		ask_period(ui, rs);
		return UI_REDRAW;
	case ACT_FILTER_CLEAR:
		request_filter_init(&rs->filter);
		rs->domain = -1;
		rs->text[0] = rs->from[0] = rs->to[0] = '\0';
		rs->exceptional = false;
		rs->cursor = rs->top = 0;
		reload(ui, rs);
		ui_message(ui, false, "Filtres ôtés");
		return UI_REDRAW;
	case ACT_SORT: {
		static const char *const names[SORT_COUNT] = {
			"les plus récentes d'abord", "les plus anciennes d'abord",
			"par statut", "par nature de saisine", "par domaine",
			"par délai de résolution",
		};

		rs->filter.sort = (enum request_sort)((rs->filter.sort + 1) %
						      SORT_COUNT);
		reload(ui, rs);
		ui_message(ui, false, "Tri : %s", names[rs->filter.sort]);
		return UI_REDRAW;
	}
	case ACT_EXCEPTIONAL:
		rs->exceptional = !rs->exceptional;
		rs->filter.kind = -1;
		rs->cursor = rs->top = 0;
		reload(ui, rs);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

static bool req_screen_pending_draft(struct ui *ui)
{
	return ui_draft_pending(ui, DRAFT_SLOT);
}

/* Offer back the request form left open when the terminal went away. */
static void req_screen_offer_draft(struct ui *ui)
{
	struct req_screen *rs = ui->rs;
	char *ctx = NULL, *text = NULL, *bar;
	bool found;
	struct err e;

	if (!rs || store_draft_get(ui->st, DRAFT_SLOT, &ctx, &text, &found,
				   &e) != 0 || !found)
		return;
	bar = strchr(ctx, '|');
	if (bar)
		*bar = '\0';
	for (size_t i = 0; i < ui->n_contracts; i++)
		if (!strcmp(ui->contracts[i].uid, ctx) && i != ui->contract) {
			ui->contract = i;
			enter(ui);
		}
	if (ui_confirm(ui, "Un formulaire de saisine n'était pas enregistré à la "
		       "fermeture. Le reprendre ? (o/N)")) {
		const struct request *r = NULL;

		store_draft_delete(ui->st, DRAFT_SLOT, &e);
		for (size_t i = 0; bar && bar[1] && i < rs->n; i++)
			if (!strcmp(rs->rows[i].uid, bar + 1))
				r = &rs->rows[i];
		run_form(ui, rs, r, text);
	} else if (!ui->gone) {
		store_draft_delete(ui->st, DRAFT_SLOT, &e);
		ui_message(ui, false, "Brouillon abandonné");
	}
	free(ctx);
	free(text);
}

static const enum action keys[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_NEW,
	ACT_MODIFY, ACT_CANCEL_REQ, ACT_DELETE, ACT_HISTORY, ACT_SEARCH,
	ACT_FILTER_KIND, ACT_FILTER_STATUS, ACT_FILTER_DOMAIN,
	ACT_FILTER_PERIOD, ACT_FILTER_CLEAR, ACT_SORT, ACT_EXCEPTIONAL, ACT_NONE
};

static const enum action status_keys[] = {
	ACT_NEW, ACT_MODIFY, ACT_SEARCH, ACT_FILTER_KIND, ACT_FILTER_STATUS,
	ACT_FILTER_PERIOD, ACT_SORT, ACT_EXCEPTIONAL, ACT_NONE
};

/* v: the request under the cursor, every text whole. */
static char *whole(struct ui *ui, char **title)
{
	struct req_screen *rs = ui->rs;
	const struct request *r;
	struct strbuf sb;

	if (!rs || !rs->n || rs->cursor >= rs->n)
		return NULL;
	r = &rs->rows[rs->cursor];
	*title = xstrdup(" Saisine ");
	strbuf_init(&sb);
	strbuf_addf(&sb, "Objet : %s\n", r->object ? r->object : "");
	if (r->requester)
		strbuf_addf(&sb, "Demandeur : %s\n", r->requester);
	if (r->domain_name)
		strbuf_addf(&sb, "Domaine : %s%s%s\n", r->domain_name,
			    r->subdomain_name ? " · " : "",
			    r->subdomain_name ? r->subdomain_name : "");
	if (r->urgent_priority)
		strbuf_addf(&sb, "Priorité (urgence) : %s\n",
			    r->urgent_priority);
	if (r->has_urgent_delay) {
		char dl[32];

		request_urgent_delay_format(r->urgent_delay_min, dl, sizeof dl);
		strbuf_addf(&sb, "Délai d'intervention (urgence) : %s\n", dl);
	}
	if (r->cancel_reason)
		strbuf_addf(&sb, "Motif d'annulation : %s\n", r->cancel_reason);
	if (r->asked)
		strbuf_addf(&sb, "\nCe qui est demandé : %s\n", r->asked);
	if (r->proposal)
		strbuf_addf(&sb, "Proposition : %s\n", r->proposal);
	if (r->decision)
		strbuf_addf(&sb, "Décision : %s\n", r->decision);
	if (r->decided_by)
		strbuf_addf(&sb, "Décidée par : %s\n", r->decided_by);
	if (r->decided_on) {
		char day[32];

		ui_date(ui, r->decided_on, day, sizeof day);
		strbuf_addf(&sb, "Décidée le : %s\n", day);
	}
	if (r->compensation)
		strbuf_addf(&sb, "Compensation : %s\n", r->compensation);
	return strbuf_detach(&sb);
}

static void free_state(struct ui *ui)
{
	req_screen_free(ui->rs);
	ui->rs = NULL;
}

const struct screen_ops screen_requests = {
	.free = free_state,
	.show = show,
	.whole = whole,
	.pending_draft = req_screen_pending_draft,
	.offer_draft = req_screen_offer_draft,
	.title = "Saisines",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.handle = handle,
	.keys = keys,
	.status_keys = status_keys,
	.keymap = KEYMAP_LIST,
	.help_text = "Le journal des saisines de la commune : n en enregistre "
		     "une (le formulaire montre qui saisir selon la nature de "
		     "saisine et le sous-domaine), Entrée la modifie, x l'annule. "
		     "Article 4 : une saisine ordinaire ou en urgence a son "
		     "domaine (une fonction mutualisée) ; une saisine en urgence "
		     "a sa priorité et son délai d'intervention (en heures : "
		     "4, 2h30) ; une décision exceptionnelle dit qui l'a prise "
		     "et quand. "
		     "Le statut suit les dates (nouvelle, prise en compte, en "
		     "cours, résolue, close). Délais : « pec » prise en compte "
		     "en heures, « rés » résolution en jours ouvrés (week-ends "
		     "et jours fériés exclus) ; ils alimentent les indicateurs "
		     "calculés du tableau de bord. La recherche ignore accents "
		     "et majuscules.",
};
