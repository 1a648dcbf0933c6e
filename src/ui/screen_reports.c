/*
 * The rapports: the two yearly documents of the contract, written into
 * the reports folder (suivi.ini: rapports) in the format chosen — the
 * évaluation annuelle of the commune (article 5: to the commune by 31
 * March of the next year, then to its instances délibératives communales;
 * for the calendar year or from the contract's anniversary date, p; the
 * sender from suivi.ini [evaluation]) and the état récapitulatif
 * of exceptional requests and disputes (article 4), of the commune or of
 * every commune — and, below them, the year's qualitative observations,
 * one per domain, that the evaluation prints.
 *
 * What is typed in an observation when the terminal goes away is kept as
 * a draft (slot "rapport") that the next start offers back.
 */
#include "ui_internal.h"
#include "suivi/date.h"
#include "suivi/doc.h"
#include "suivi/evaluation.h"
#include "suivi/evaluation_record.h"
#include "suivi/paths.h"
#include "suivi/store_draft.h"
#include "suivi/store_evaluation.h"
#include "suivi/store_observation.h"
#include "suivi/summary.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DRAFT_SLOT "rapport"

/* The documents, in the order of the list. */
enum rp_doc { RP_EVALUATION, RP_SUMMARY_ONE, RP_SUMMARY_ALL, RP_DOC_COUNT };

struct rp_screen {
	char contract_uid[STORE_UID_LEN];
	int year;
	enum eval_period_kind period;	/* of the evaluation */
	enum doc_format fmt;
	struct observation *obs;	/* the domains of the year */
	size_t n_obs;
	struct evaluation_record rec;	/* what became of the evaluation */
	/* the observation rows: each domain, for the commune and for
	 * Bordeaux Métropole (and one whose party was not said, when
	 * there is one) */
	struct orow { size_t obs; enum obs_party party; } *orows;
	size_t n_orows;
	size_t cursor, top;		/* documents first, then domains */
	int body_rows;
	char error[ERR_MSG_MAX];
};

static void rp_screen_free(struct rp_screen *rs)
{
	if (!rs)
		return;
	evaluation_record_release(&rs->rec);
	free(rs->orows);
	store_observation_list_free(rs->obs, rs->n_obs);
	free(rs);
}

static const char *commune(const struct ui *ui)
{
	return ui->contracts[ui->contract].commune;
}

static const char *starts_on(const struct ui *ui)
{
	return ui->n_contracts ? ui->contracts[ui->contract].starts_on : NULL;
}

/* The evaluation's period of the year chosen, as ISO dates. */
static void eval_period(const struct ui *ui, const struct rp_screen *rs,
			char from[DATE_ISO_LEN], char to[DATE_ISO_LEN])
{
	if (evaluation_period(rs->period, rs->year, starts_on(ui), from,
			      to) != 0)
		evaluation_period(EVAL_CALENDAR, rs->year, NULL, from, to);
}

static struct date today_of(const struct ui *ui)
{
	struct date d = { 2000, 1, 1 };

	date_parse(ui->today, &d);
	return d;
}

static void reload(struct ui *ui, struct rp_screen *rs)
{
	struct err e;

	store_observation_list_free(rs->obs, rs->n_obs);
	rs->obs = NULL;
	rs->n_obs = 0;
	free(rs->orows);
	rs->orows = NULL;
	rs->n_orows = 0;
	evaluation_record_release(&rs->rec);
	rs->error[0] = '\0';
	if (!ui->n_contracts) {
		snprintf(rs->error, sizeof rs->error, "Aucun contrat dans la "
			 "base : importez-en un avec « suivi import FICHIER ».");
		return;
	}
	if (store_observation_list(ui->st, rs->contract_uid, rs->year,
				   ui->today, &rs->obs, &rs->n_obs, &e) != 0 ||
	    store_evaluation_record_get(ui->st, rs->contract_uid, rs->year,
					&rs->rec, &e) != 0)
		ui_message(ui, true, "%s", e.msg);
	free(rs->orows);
	rs->orows = xcalloc(3 * rs->n_obs + 1, sizeof *rs->orows);
	rs->n_orows = 0;
	for (size_t i = 0; i < rs->n_obs; i++) {
		rs->orows[rs->n_orows++] = (struct orow){ i, OBS_COMMUNE };
		rs->orows[rs->n_orows++] = (struct orow){ i, OBS_METROPOLE };
		if (rs->obs[i].text)
			rs->orows[rs->n_orows++] =
				(struct orow){ i, OBS_UNSAID };
	}
	if (rs->cursor >= RP_DOC_COUNT + rs->n_orows)
		rs->cursor = 0;
}

static size_t n_rows(const struct rp_screen *rs)
{
	return RP_DOC_COUNT + rs->n_orows;
}

/* The observation of row r (0: the first observation row): its domain
 * and party; its text is o->by[party]. */
static const struct observation *orow_obs(const struct rp_screen *rs,
					  size_t r, enum obs_party *party)
{
	*party = rs->orows[r].party;
	return &rs->obs[rs->orows[r].obs];
}

/* "~/Documents/suivi" for HOME/Documents/suivi. */
static const char *const fmt_label[DOC_FORMAT_COUNT] = {
	[DOC_HTML] = "HTML (à imprimer)",
	[DOC_FODT] = "OpenDocument texte (.fodt, modifiable)",
	[DOC_FODS] = "OpenDocument tableur (.fods)",
	[DOC_MD] = "Markdown",
	[DOC_CSV] = "CSV",
};

/* The file name of a document: evaluation-le-bouscat-2026.html … */
static char *file_name(const struct ui *ui, const struct rp_screen *rs,
		       enum rp_doc d)
{
	char *slug = text_slug(commune(ui)), *name;

	name = xasprintf("%s-%s-%d%s.%s",
			 d == RP_EVALUATION ? "evaluation" : "etat-recapitulatif",
			 d == RP_SUMMARY_ALL ? "toutes-communes" : slug, rs->year,
			 d == RP_EVALUATION && rs->period == EVAL_ANNIVERSARY
			 ? "-anniversaire" : "", doc_format_ext(rs->fmt));
	free(slug);
	return name;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void deadline_line(const struct ui *ui, const struct rp_screen *rs,
			  char *buf, size_t n, bool *late)
{
	struct date due, today = today_of(ui), end;
	char d[32], iso[DATE_ISO_LEN], from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	long days;
	struct err e;

	if (evaluation_check_year(rs->period, rs->year, starts_on(ui),
				  commune(ui), &e) != 0) {
		/* "Pas d'évaluation pour 2015 : …", cut at a character */
		size_t k = strlen(e.msg);

		if (k >= n)
			for (k = n - 1; k > 0 &&
			     ((unsigned char)e.msg[k] & 0xC0) == 0x80; k--)
				;
		memcpy(buf, e.msg, k);
		buf[k] = '\0';
		if (buf[0] == 'p')
			buf[0] = 'P';
		*late = true;
		return;
	}
	eval_period(ui, rs, from, to);
	evaluation_deadline(to, iso);
	date_parse(iso, &due);
	date_parse(to, &end);
	ui_date(ui, iso, d, sizeof d);
	days = date_diff_days(today, due);
	*late = days < 0;
	if (rs->rec.sent_on) {
		char sent[32], pres[32];

		ui_date(ui, rs->rec.sent_on, sent, sizeof sent);
		if (rs->rec.presented_on)
			ui_date(ui, rs->rec.presented_on, pres, sizeof pres);
		*late = strcmp(rs->rec.sent_on, iso) > 0;
		snprintf(buf, n, "Évaluation %d : envoyée à la commune le %s%s, "
			 "%s%s (t)", rs->year, sent,
			 *late ? " (après l'échéance)" : "",
			 rs->rec.presented_on ? "présentée le "
					      : "présentation pas encore "
						"enregistrée",
			 rs->rec.presented_on ? pres : "");
		return;
	}
	if (days < 0)
		snprintf(buf, n, "Évaluation %d : l'échéance du %s (article 5) est "
			 "passée depuis %ld jour%s", rs->year, d, -days,
			 -days > 1 ? "s" : "");
	else if (date_cmp(today, end) <= 0)
		snprintf(buf, n, "Évaluation %d : à transmettre à la commune au plus "
			 "tard le %s (article 5), %s", rs->year, d,
			 rs->period == EVAL_ANNIVERSARY ? "la période finie"
							: "l'année finie");
	else
		snprintf(buf, n, "Évaluation %d : à transmettre à la commune au plus "
			 "tard le %s (article 5), dans %ld jour%s", rs->year, d,
			 days, days > 1 ? "s" : "");
}

static void draw(struct ui *ui, int top, int rows, int cols)
{
	struct rp_screen *rs = ui->rp;
	const struct uiterm *t = &ui->term;
	char line[512], dir[256];
	bool late;

	if (!rs)
		return;
	if (rs->error[0]) {
		draw_text(t, top + 1, 2, cols - 4, PAINT_ERROR, rs->error);
		return;
	}
	deadline_line(ui, rs, line, sizeof line, &late);
	draw_text(t, top, 0, cols, late ? PAINT_ERROR : PAINT_TITLE, line);
	ui_shown_dir(ui->app->cfg.reports_dir ? ui->app->cfg.reports_dir : "?",
		  dir, sizeof dir);
	snprintf(line, sizeof line, "Année %d · format : %s (f) · dossier : %s",
		 rs->year, fmt_label[rs->fmt], dir);
	draw_text(t, top + 1, 0, cols, PAINT_DIM, line);
	if (rs->period == EVAL_ANNIVERSARY) {
		char from[DATE_ISO_LEN], to[DATE_ISO_LEN], f[32], t2[32];

		eval_period(ui, rs, from, to);
		ui_date(ui, from, f, sizeof f);
		ui_date(ui, to, t2, sizeof t2);
		snprintf(line, sizeof line, "Évaluation du %s au %s, d'une date "
			 "anniversaire du contrat à la suivante (p : l'année "
			 "civile)", f, t2);
	} else {
		snprintf(line, sizeof line, "Évaluation sur l'année civile (p : "
			 "d'une date anniversaire du contrat à la suivante)");
	}
	draw_text(t, top + 2, 0, cols, PAINT_DIM, line);
	draw_hline(t, top + 3, 0, cols);
	rs->body_rows = rows - 4;
	if (rs->cursor < rs->top)
		rs->top = rs->cursor;
	if (rs->body_rows > 2 &&
	    rs->cursor + 2 >= rs->top + (size_t)rs->body_rows)
		rs->top = rs->cursor + 3 - (size_t)rs->body_rows;
	for (int r = 0, y = top + 4; r < rs->body_rows; r++) {
		size_t i = rs->top + (size_t)r;
		enum paint p;

		if (i >= n_rows(rs) || y >= top + rows)
			break;
		if (i == RP_DOC_COUNT) {
			/* the heading of the observations, not a row */
			if (y + 1 >= top + rows)
				break;
			draw_text(t, y++, 0, cols, PAINT_TITLE,
				  "Observations de l'année, par domaine et "
				  "par partie (Entrée : les écrire, x : les "
				  "effacer)");
		}
		if (i < RP_DOC_COUNT) {
			static const char *const what[RP_DOC_COUNT] = {
				"Évaluation annuelle", "État récapitulatif",
				"État récapitulatif",
			};
			char *name = file_name(ui, rs, (enum rp_doc)i);

			if (i == RP_EVALUATION &&
			    rs->period == EVAL_ANNIVERSARY) {
				char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
				char f[32], t2[32];

				eval_period(ui, rs, from, to);
				ui_date(ui, from, f, sizeof f);
				ui_date(ui, to, t2, sizeof t2);
				snprintf(line, sizeof line, "%s du %s au %s — %s  "
					 "→  %s", what[i], f, t2, commune(ui),
					 name);
			} else {
				snprintf(line, sizeof line, "%s %d — %s  →  %s",
					 what[i], rs->year,
					 i == RP_SUMMARY_ALL
					 ? "toutes les communes" : commune(ui),
					 name);
			}
			free(name);
		} else {
			enum obs_party party;
			const struct observation *o =
				orow_obs(rs, i - RP_DOC_COUNT, &party);
			const char *text = o->by[party];
			char excerpt[200] = "";

			if (text) {
				/* the first line, as the list shows it */
				size_t len = strcspn(text, "\n");

				snprintf(excerpt, sizeof excerpt, "%.*s%s",
					 (int)(len > 150 ? 150 : len), text,
					 text[len] ? " …" : "");
			}
			snprintf(line, sizeof line, "  %s %s — %s : %s",
				 o->domain_code, o->domain_name,
				 obs_party_label[party],
				 text ? excerpt : "(aucune)");
		}
		if (i >= RP_DOC_COUNT) {
			enum obs_party party;
			const struct observation *o =
				orow_obs(rs, i - RP_DOC_COUNT, &party);

			p = i == rs->cursor ? PAINT_SELECTED
			    : !o->by[party] ? PAINT_DIM : PAINT_NORMAL;
		} else {
			p = i == rs->cursor ? PAINT_SELECTED : PAINT_NORMAL;
		}
		draw_text(t, y, ui_list_mark(ui, y, cols, i == rs->cursor),
			  cols - UI_LIST_INDENT, p, line);
		y++;
	}
}

/* ------------------------------------------------------------------ */
/* Writing the documents                                               */

static void write_doc(struct ui *ui, struct rp_screen *rs, enum rp_doc which)
{
	const char *dir = ui->app->cfg.reports_dir;
	char *name, *path, shown[256];
	struct doc d;
	struct err e;
	int rc;

	if (!dir) {
		ui_message(ui, true, "Pas de dossier pour les rapports : réglez "
			   "« rapports » dans suivi.ini");
		return;
	}
	if (paths_mkdirs(dir, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "Préparation du document…");
	ui_draw(ui);
	rc = which == RP_EVALUATION
		? evaluation_build_opts(ui->st, rs->contract_uid, rs->year,
				   &(struct eval_options){
					   rs->period,
					   ui->app->cfg.sender,
					   ui->app->cfg.sender_function },
				   ui->today, &d, &e)
		: summary_build(ui->st, which == RP_SUMMARY_ALL ? NULL
				: rs->contract_uid, rs->year, ui->today, &d, &e);
	if (rc != 0) {
		ui_message(ui, true, "Document non écrit : %s", e.msg);
		return;
	}
	name = file_name(ui, rs, which);
	path = xasprintf("%s/%s", dir, name);
	rc = doc_save(path, &d, rs->fmt, false, &e);
	if (rc != 0 && e.code == ERR_EXISTS) {
		char q[512];

		snprintf(q, sizeof q, "%s existe déjà : le remplacer ? (o/N)", name);
		if (ui_confirm(ui, q))
			rc = doc_save(path, &d, rs->fmt, true, &e);
		else
			e.msg[0] = '\0';
	}
	ui_shown_dir(dir, shown, sizeof shown);
	if (rc == 0)
		ui_message(ui, false, "Écrit dans %s : %s", shown, name);
	else if (e.msg[0])
		ui_message(ui, true, "Document non écrit : %s", e.msg);
	else
		ui_message(ui, false, "Rien d'écrit");
	free(path);
	free(name);
	doc_release(&d);
}

/* ------------------------------------------------------------------ */
/* Observations                                                        */

struct octx {
	struct ui *ui;
	struct rp_screen *rs;
	const struct observation *o;
	enum obs_party party;
};

static bool save_observation(struct form *f, void *ctx, char *err, size_t n)
{
	struct octx *c = ctx;
	struct err e;

	if (store_observation_set_by(c->ui->st, c->o->domain_uid, c->rs->year,
				     c->party, f->fields[0].text, &e) != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

static void edit_observation(struct ui *ui, struct rp_screen *rs, size_t r,
			     const char *draft)
{
	enum obs_party party;
	const struct observation *o = orow_obs(rs, r, &party);
	struct form_field field;
	struct form f = { 0 };
	struct octx c = { ui, rs, o, party };
	char title[256];

	memset(&field, 0, sizeof field);
	field.label = "Observations";
	field.kind = FIELD_TEXT;
	field.text = xstrdup("");
	field.tkind = TEXT_LONG;
	field.hint = "Ce que l'année a montré pour ce domaine · Ctrl+J saut "
		     "de ligne · Entrée enregistre, Échap abandonne";
	form_field_set(&field, draft ? draft : o->by[party] ? o->by[party]
							    : "");
	snprintf(title, sizeof title, "Observations %d de %s : %s %s",
		 rs->year, obs_party_label[party], o->domain_code,
		 o->domain_name);
	f.title = title;
	f.fields = &field;
	f.n = 1;
	f.dirty = draft != NULL;
	if (ui_form_run(ui, &f, save_observation, &c)) {
		ui_message(ui, false, "Observations %s %d enregistrées",
			   o->domain_code, rs->year);
		reload(ui, rs);
	} else if (ui->gone && f.dirty) {
		char ctx[128];
		struct err e;

		snprintf(ctx, sizeof ctx, "%s|%d|%s|%d", rs->contract_uid,
			 rs->year, o->domain_code, (int)party);
		/* the terminal is gone: nobody to tell if this fails */
		(void)store_draft_save(ui->st, DRAFT_SLOT, ctx, field.text, &e);
	}
	form_release(&f);
}

/* What became of the evaluation: sent, presented, the adjustments. */
enum { REC_SENT, REC_PRESENTED, REC_ADJUSTMENTS, REC_COUNT };
#define RECORD_DRAFT "#transmission"

struct rctx {
	struct ui *ui;
	struct rp_screen *rs;
};

static bool save_record(struct form *f, void *ctx, char *err, size_t n)
{
	struct rctx *c = ctx;
	struct evaluation_record_input in = {
		f->fields[REC_ADJUSTMENTS].text, f->fields[REC_SENT].text,
		f->fields[REC_PRESENTED].text
	};
	struct err e;

	if (evaluation_record_set(c->ui->st, c->rs->contract_uid,
				  c->rs->year, &in, c->ui->today, &e) != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

static void edit_record(struct ui *ui, struct rp_screen *rs,
			const char *draft)
{
	struct form_field fields[REC_COUNT];
	struct form f = { 0 };
	struct rctx c = { ui, rs };
	char title[128], adj[64], d[32];

	form_fields_init(fields, REC_COUNT);
	fields[REC_SENT].label = "Envoyée à la commune le";
	fields[REC_SENT].hint = "JJ/MM/AAAA · vide : pas encore envoyée";
	fields[REC_PRESENTED].label = "Présentée aux instances le";
	fields[REC_PRESENTED].hint = "Aux instances délibératives communales : "
				     "JJ/MM/AAAA, après l'envoi · vide : pas "
				     "encore présentée";
	snprintf(adj, sizeof adj, "Ajustements proposés pour %d",
		 rs->year + 1);
	fields[REC_ADJUSTMENTS].label = adj;
	fields[REC_ADJUSTMENTS].tkind = TEXT_LONG;
	fields[REC_ADJUSTMENTS].hint = "Ce que les parties proposent de "
				       "changer · Ctrl+J saut de ligne";
	if (rs->rec.sent_on) {
		date_iso_fr(rs->rec.sent_on, d);
		form_field_set(&fields[REC_SENT], d);
	}
	if (rs->rec.presented_on) {
		date_iso_fr(rs->rec.presented_on, d);
		form_field_set(&fields[REC_PRESENTED], d);
	}
	form_field_set(&fields[REC_ADJUSTMENTS],
		       rs->rec.adjustments ? rs->rec.adjustments : "");
	snprintf(title, sizeof title, "Évaluation %d : transmission et "
		 "ajustements", rs->year);
	f.title = title;
	f.fields = fields;
	f.n = REC_COUNT;
	if (draft) {
		form_restore(&f, draft);
		f.dirty = true;
	}
	if (ui_form_run(ui, &f, save_record, &c)) {
		ui_message(ui, false, "Évaluation %d : transmission et "
			   "ajustements enregistrés", rs->year);
		reload(ui, rs);
	} else {
		char ctx[128];

		snprintf(ctx, sizeof ctx, "%s|%d|%s", rs->contract_uid,
			 rs->year, RECORD_DRAFT);
		ui_form_keep_draft(ui, &f, DRAFT_SLOT, ctx);
	}
	form_release(&f);
}

static void clear_observation(struct ui *ui, struct rp_screen *rs, size_t r)
{
	enum obs_party party;
	const struct observation *o = orow_obs(rs, r, &party);
	char q[256];
	struct err e;

	if (!o->by[party]) {
		ui_message(ui, true, "Pas d'observations à effacer pour %s",
			   o->domain_code);
		return;
	}
	snprintf(q, sizeof q, "Effacer les observations %d de %s (%s) ? (o/N)",
		 rs->year, o->domain_code, obs_party_label[party]);
	if (!ui_confirm(ui, q))
		return;
	if (store_observation_set_by(ui->st, o->domain_uid, rs->year, party, "",
				     &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "Observations %s %d effacées", o->domain_code,
		   rs->year);
	reload(ui, rs);
}

static bool rp_screen_pending_draft(struct ui *ui)
{
	return ui_draft_pending(ui, DRAFT_SLOT);
}

static void rp_screen_offer_draft(struct ui *ui)
{
	struct rp_screen *rs = ui->rp;
	char *ctx = NULL, *text = NULL, *p[3] = { 0 }, q[512], *p3;
	enum obs_party want = OBS_COMMUNE;
	bool found;
	size_t at = (size_t)-1;
	struct err e;

	if (!rs || store_draft_get(ui->st, DRAFT_SLOT, &ctx, &text, &found, &e)
		       != 0 || !found)
		return;
	/* contract|year|domain code */
	p[0] = ctx;
	if ((p[1] = strchr(p[0], '|')))
		*p[1]++ = '\0';
	if (p[1] && (p[2] = strchr(p[1], '|')))
		*p[2]++ = '\0';
	/* contract|year|domain code|party (older drafts: no party, the
	 * commune's) */
	if (p[2] && (p3 = strchr(p[2], '|'))) {
		*p3++ = '\0';
		want = (enum obs_party)atoi(p3);
	}
	if (p[2]) {
		for (size_t i = 0; i < ui->n_contracts; i++)
			if (!strcmp(ui->contracts[i].uid, p[0]) &&
			    i != ui->contract) {
				ui->contract = i;
				ui->screen->enter(ui);
			}
		if (!strcmp(rs->contract_uid, p[0])) {
			rs->year = atoi(p[1]);
			reload(ui, rs);
			for (size_t i = 0; i < rs->n_orows; i++)
				if (!strcmp(rs->obs[rs->orows[i].obs].domain_code,
					    p[2]) &&
				    rs->orows[i].party == want)
					at = i;
		}
	}
	if (p[2] && !strcmp(p[2], RECORD_DRAFT) &&
	    !strcmp(rs->contract_uid, p[0])) {
		char ex[64];

		form_draft_excerpt(text, -1, ex, sizeof ex);
		ui_draw(ui);
		snprintf(q, sizeof q, "Transmission de l'évaluation %d non "
			 "enregistrée à la fermeture%s%s%s. La reprendre ? (o/N)",
			 rs->year, *ex ? " : « " : "", ex, *ex ? " »" : "");
		store_draft_delete(ui->st, DRAFT_SLOT, &e);
		if (ui_confirm(ui, q))
			edit_record(ui, rs, text);
		else if (!ui->gone)
			ui_message(ui, false, "Brouillon abandonné");
		goto out;
	}
	if (at == (size_t)-1) {
		store_draft_delete(ui->st, DRAFT_SLOT, &e);
		goto out;
	}
	rs->cursor = RP_DOC_COUNT + at;
	ui_draw(ui);
	snprintf(q, sizeof q, "Observations non enregistrées à la fermeture "
		 "(%s %d, %s) : « %.60s ». Les reprendre ? (o/N)", p[2],
		 rs->year, obs_party_label[want], text);
	if (!ui_confirm(ui, q)) {
		if (!ui->gone) {
			store_draft_delete(ui->st, DRAFT_SLOT, &e);
			ui_message(ui, false, "Brouillon abandonné");
		}
		goto out;
	}
	store_draft_delete(ui->st, DRAFT_SLOT, &e);
	edit_observation(ui, rs, at, text);
out:
	free(ctx);
	free(text);
}

/* ------------------------------------------------------------------ */

static void change_year(struct ui *ui, struct rp_screen *rs, int year)
{
	if (!ui_year_ok(ui, year))
		return;
	rs->year = year;
	reload(ui, rs);
	ui_message(ui, false, "Rapports de %d", year);
}

static void ask_year(struct ui *ui, struct rp_screen *rs)
{
	int y;

	if (ui_ask_year(ui, &y))
		change_year(ui, rs, y);
}

static void enter(struct ui *ui)
{
	struct rp_screen *rs = ui->rp;

	if (!rs) {
		struct date d = today_of(ui);

		rs = ui->rp = xcalloc(1, sizeof *rs);
		/* before the 31 March deadline, last year's evaluation is the
		 * one to write */
		rs->year = d.month <= 3 ? d.year - 1 : d.year;
		rs->fmt = DOC_HTML;
	}
	if (ui->n_contracts)
		snprintf(rs->contract_uid, sizeof rs->contract_uid, "%s",
			 ui->contracts[ui->contract].uid);
	reload(ui, rs);
}

static void leave(struct ui *ui)
{
	(void)ui;
}

/* A row of the list in words, for / : a document, or a domain and its
 * observations. */
static char *row_words(struct ui *ui, size_t i, void *ctx)
{
	struct rp_screen *rs = ctx;
	static const char *const what[RP_DOC_COUNT] = {
		"Évaluation annuelle", "État récapitulatif",
		"État récapitulatif toutes les communes",
	};
	const struct observation *o;
	enum obs_party party;

	(void)ui;
	if (i < RP_DOC_COUNT)
		return xstrdup(what[i]);
	o = orow_obs(rs, i - RP_DOC_COUNT, &party);
	return xasprintf("%s %s %s %s", o->domain_code, o->domain_name,
			 obs_party_label[party],
			 o->by[party] ? o->by[party] : "");
}

static int handle(struct ui *ui, enum action a, const struct key *k)
{
	struct rp_screen *rs = ui->rp;

	(void)k;
	if (!rs || rs->error[0])
		return UI_NOTHING;
	if (ui_list_nav(&rs->cursor, &rs->top, n_rows(rs), rs->body_rows, a))
		return UI_REDRAW;
	switch (a) {
	case ACT_SEARCH:
		ui_list_find(ui, &rs->cursor, n_rows(rs), row_words, rs);
		return UI_REDRAW;
	case ACT_OPEN:
		if (rs->cursor < RP_DOC_COUNT)
			write_doc(ui, rs, (enum rp_doc)rs->cursor);
		else
			edit_observation(ui, rs, rs->cursor - RP_DOC_COUNT, NULL);
		return UI_REDRAW;
	case ACT_CLEAR_OBSERVATION:
		if (rs->cursor < RP_DOC_COUNT)
			ui_message(ui, true, "x efface les observations d'un "
				   "domaine : placez-y le curseur");
		else
			clear_observation(ui, rs, rs->cursor - RP_DOC_COUNT);
		return UI_REDRAW;
	case ACT_REPORT_FORMAT:
		rs->fmt = (enum doc_format)((rs->fmt + 1) % DOC_FORMAT_COUNT);
		ui_message(ui, false, "Format : %s", fmt_label[rs->fmt]);
		return UI_REDRAW;
	case ACT_EVAL_RECORD:
		edit_record(ui, rs, NULL);
		return UI_REDRAW;
	case ACT_REPORT_PERIOD:
		rs->period = (enum eval_period_kind)((rs->period + 1) %
						     EVAL_PERIOD_COUNT);
		ui_message(ui, false, "Évaluation : %s",
			   eval_period_label[rs->period]);
		return UI_REDRAW;
	case ACT_YEAR_PREV:
		change_year(ui, rs, rs->year - 1);
		return UI_REDRAW;
	case ACT_YEAR_NEXT:
		change_year(ui, rs, rs->year + 1);
		return UI_REDRAW;
	case ACT_YEAR:
		ask_year(ui, rs);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

static const enum action keys[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_OPEN,
	ACT_SEARCH, ACT_REPORT_FORMAT, ACT_REPORT_PERIOD, ACT_YEAR_PREV,
	ACT_YEAR_NEXT, ACT_YEAR, ACT_CLEAR_OBSERVATION, ACT_EVAL_RECORD,
	ACT_NONE
};

static const enum action status_keys[] = {
	ACT_OPEN, ACT_EVAL_RECORD, ACT_REPORT_FORMAT, ACT_REPORT_PERIOD,
	ACT_YEAR_PREV,
	ACT_YEAR_NEXT, ACT_NONE
};

static const struct action_word words[] = {
	{ ACT_OPEN, "écrire le document / les observations" },
	{ ACT_HOME, "premier" },
	{ ACT_NONE, NULL },
};

/* v: the observations of the domain under the cursor, whole. */
static char *whole(struct ui *ui, char **title)
{
	struct rp_screen *rs = ui->rp;
	const struct observation *o;
	enum obs_party party;

	if (!rs || rs->cursor < RP_DOC_COUNT ||
	    rs->cursor >= RP_DOC_COUNT + rs->n_orows)
		return NULL;
	o = orow_obs(rs, rs->cursor - RP_DOC_COUNT, &party);
	*title = xasprintf(" Observations %d de %s : %s %s ", rs->year,
			   obs_party_label[party], o->domain_code,
			   o->domain_name);
	return xstrdup(o->by[party] ? o->by[party] : "(aucune observation)");
}

static void free_state(struct ui *ui)
{
	rp_screen_free(ui->rp);
	ui->rp = NULL;
}

const struct screen_ops screen_reports = {
	.free = free_state,
	.whole = whole,
	.pending_draft = rp_screen_pending_draft,
	.offer_draft = rp_screen_offer_draft,
	.title = "Rapports",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.handle = handle,
	.keys = keys,
	.status_keys = status_keys,
	.keymap = KEYMAP_REPORTS,
	.words = words,
	.help_text = "Article 5 : l'évaluation annuelle est transmise à la "
		     "commune au plus tard le 31 mars de l'année suivante, puis "
		     "présentée aux instances délibératives communales ; p la "
		     "fait porter sur l'année civile ou d'une date anniversaire "
		     "du contrat à la suivante ; l'expéditeur (nom, fonction) "
		     "vient de suivi.ini, section [evaluation] ; t enregistre "
		     "quand elle a été envoyée à la commune et présentée, et "
		     "les ajustements proposés pour l'année suivante (dans "
		     "l'évaluation). Article 4 : l'état "
		     "récapitulatif des demandes exceptionnelles et des litiges, "
		     "avec les solutions arbitrées, va à la Conférence "
		     "territoriale. Entrée écrit le document choisi dans le "
		     "dossier des rapports (rapports = … dans suivi.ini), au "
		     "format choisi avec f : HTML à imprimer, OpenDocument "
		     "texte (.fodt) que la commune peut modifier, tableur "
		     "(.fods), Markdown ou CSV. Les observations de chaque "
		     "domaine figurent dans l'évaluation.",
};
