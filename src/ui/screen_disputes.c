/*
 * The litiges: disagreements between the commune and the shared service
 * and their arbitration as article 4 sets it (dispute.h). A list (open
 * ones first, or all), a dispute's page with the timeline of its steps
 * level by level, forms to open one (possibly "like" a past one), to add
 * a step and to close it with its solution, the history of every change,
 * and the arbitrated solutions, searchable. A form left open when the
 * terminal goes away is kept as a draft (slot "litige") that the next
 * start offers back.
 */
#include "ui_internal.h"
#include "suivi/records.h"
#include "suivi/date.h"
#include "suivi/dispute.h"
#include "suivi/store_dispute.h"
#include "suivi/store_draft.h"
#include "suivi/store_request.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum dis_view { VIEW_LIST, VIEW_DETAIL, VIEW_SOLUTIONS };

#define DRAFT_SLOT "litige"

/* What a form is for, in a draft's context
 * "<contract uid>|<what>|<dispute uid, or the one opened like, or empty>". */
enum draft_what { D_OPEN, D_STEP, D_CLOSE, D_COUNT };
static const char *const draft_word[D_COUNT] = {
	"ouverture", "etape", "cloture",
};
static const char *const draft_label[D_COUNT] = {
	"ouverture d'un litige", "étape d'arbitrage", "clôture d'un litige",
};

struct dis_screen {
	char contract_uid[STORE_UID_LEN];
	enum dis_view view, back;	/* back: where Échap returns */
	bool open_only;
	char text[256];
	struct dispute *rows;
	size_t n, cursor, top;
	int body_rows;
	struct dispute cur;		/* the dispute on its page */
	bool has_cur;
	char **lines;			/* its page, wrapped */
	size_t n_lines;
	int scroll;
	char error[ERR_MSG_MAX];
};

static void dis_screen_free(struct dis_screen *ds)
{
	if (!ds)
		return;
	store_dispute_list_free(ds->rows, ds->n);
	if (ds->has_cur)
		store_dispute_release(&ds->cur);
	text_lines_free(ds->lines, ds->n_lines);
	free(ds);
}

static void reload(struct ui *ui, struct dis_screen *ds)
{
	struct err e;
	int rc;

	store_dispute_list_free(ds->rows, ds->n);
	ds->rows = NULL;
	ds->n = 0;
	ds->error[0] = '\0';
	if (!ui->n_contracts) {
		snprintf(ds->error, sizeof ds->error, "Aucun contrat dans la base.");
		return;
	}
	if (ds->view == VIEW_SOLUTIONS)
		rc = store_dispute_solutions(ui->st, ui->contracts[ui->contract].uid,
					     ds->text[0] ? ds->text : NULL,
					     &ds->rows, &ds->n, &e);
	else
		rc = store_dispute_list(ui->st, ui->contracts[ui->contract].uid,
					ds->open_only, ds->text[0] ? ds->text : NULL,
					&ds->rows, &ds->n, &e);
	if (rc != 0)
		snprintf(ds->error, sizeof ds->error, "%s", e.msg);
	if (ds->cursor >= ds->n)
		ds->cursor = ds->n ? ds->n - 1 : 0;
}

static void date_fr(const struct ui *ui, const char *iso, char *buf, size_t n)
{
	if (!iso) {
		snprintf(buf, n, "—");
		return;
	}
	ui_date(ui, iso, buf, n);
}

/* The page of a dispute: what it is, then its timeline. */
static void build_page(struct ui *ui, struct dis_screen *ds, int cols)
{
	const struct dispute *d = &ds->cur;
	struct strbuf sb;
	char a[32];
	int level = 0;

	text_lines_free(ds->lines, ds->n_lines);
	ds->lines = NULL;
	ds->n_lines = 0;
	strbuf_init(&sb);
	date_fr(ui, d->opened_on, a, sizeof a);
	strbuf_addf(&sb, "%s\n\nOuvert le %s · nature : %s%s%s\n", d->object, a,
		    dispute_nature_vocab[d->nature].label,
		    d->domain_name ? " · domaine : " : "",
		    d->domain_name ? d->domain_name : "");
	if (d->like_object)
		strbuf_addf(&sb, "Ouvert comme « %s »\n", d->like_object);
	if (d->n_requests)
		strbuf_addf(&sb, "Saisines liées : %zu\n", d->n_requests);
	if (d->nature == DISPUTE_SUBSTANCE)
		strbuf_addstr(&sb, "Litige sur le fond : en dernière instance, les "
			      "instructions du Maire s'appliquent (article 4).\n");
	strbuf_addstr(&sb, "\nArbitrage :\n");
	if (!d->n_steps)
		strbuf_addstr(&sb, "(aucune étape encore)\n");
	for (size_t i = 0; i < d->n_steps; i++) {
		const struct dispute_step *s = &d->steps[i];

		if (s->level != level) {
			level = s->level;
			strbuf_addf(&sb, "\nNiveau %d — %s\n", level,
				    dispute_level_participants[level - 1]);
		}
		date_fr(ui, s->held_on, a, sizeof a);
		strbuf_addf(&sb, "• %s · %s%s\n", a,
			    s->mayor_final ? "instruction du Maire, dernière "
					     "instance : "
					   : "",
			    step_outcome_vocab[s->outcome].label);
		if (s->participants)
			strbuf_addf(&sb, "  Participants : %s\n", s->participants);
		if (s->positions)
			strbuf_addf(&sb, "  Positions : %s\n", s->positions);
		if (s->notes)
			strbuf_addf(&sb, "  Notes : %s\n", s->notes);
	}
	if (d->closed_on) {
		date_fr(ui, d->closed_on, a, sizeof a);
		strbuf_addf(&sb, "\nClos le %s.\nSolution arbitrée : %s\n", a,
			    d->solution ? d->solution : "");
		if (store_dispute_has_instruction(d)) {
			date_fr(ui, d->instruction_on, a, sizeof a);
			strbuf_addf(&sb, "Instruction du Maire, appliquée en "
				    "dernière instance : %s\nDonnée le %s par "
				    "%s.\n", d->instruction, a,
				    d->instruction_by);
		} else if (store_dispute_instruction_missing(d)) {
			strbuf_addstr(&sb, "Instruction du Maire non enregistrée "
				      "(litige clos sans elle) : e, sur la "
				      "clôture, l'ajoute.\n");
		}
	} else {
		strbuf_addf(&sb, "\nEn cours au niveau %d (%s).\n",
			    d->state.level ? d->state.level : 1,
			    dispute_level_participants[(d->state.level ? d->state.level
								      : 1) - 1]);
	}
	ds->n_lines = text_wrap(sb.buf, cols > 4 ? cols - 2 : 2, &ds->lines);
	strbuf_release(&sb);
}

static bool open_page(struct ui *ui, struct dis_screen *ds, const char *uid)
{
	struct err e;
	char keep[STORE_UID_LEN];

	snprintf(keep, sizeof keep, "%s", uid);
	if (ds->has_cur)
		store_dispute_release(&ds->cur);
	ds->has_cur = false;
	if (store_dispute_get(ui->st, keep, &ds->cur, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return false;
	}
	ds->has_cur = true;
	ds->scroll = 0;
	build_page(ui, ds, ui->term.cols);
	return true;
}

/* ------------------------------------------------------------------ */

static void draw(struct ui *ui, int top, int rows, int cols)
{
	struct dis_screen *ds = ui->dis;
	const struct uiterm *t = &ui->term;
	char title[512];

	if (!ds)
		return;
	if (ds->error[0]) {
		draw_text(t, top + 1, 2, cols - 4, PAINT_ERROR, ds->error);
		return;
	}
	if (ds->view == VIEW_DETAIL && ds->has_cur) {
		int body = rows - 1;

		snprintf(title, sizeof title, "Litige : %s%s", ds->cur.object,
			 ds->cur.closed_on ? " (clos)" : "");
		draw_text(t, top, 0, cols, PAINT_TITLE, title);
		if (ds->scroll > (int)ds->n_lines - body)
			ds->scroll = (int)ds->n_lines - body;
		if (ds->scroll < 0)
			ds->scroll = 0;
		for (int r = 0; r < body; r++) {
			size_t i = (size_t)(ds->scroll + r);

			if (i >= ds->n_lines)
				break;
			draw_text(t, top + 1 + r, 1, cols - 2,
				  strncmp(ds->lines[i], "Niveau ", 7) ? PAINT_NORMAL
								     : PAINT_TITLE,
				  ds->lines[i]);
		}
		return;
	}
	snprintf(title, sizeof title, "%s : %zu%s%s%s",
		 ds->view == VIEW_SOLUTIONS ? "Solutions arbitrées" : "Litiges",
		 ds->n,
		 ds->view == VIEW_LIST ? (ds->open_only ? " ouverts" : " (tous)") : "",
		 ds->text[0] ? " · « " : "", ds->text[0] ? ds->text : "");
	if (ds->text[0])
		strncat(title, " »", sizeof title - strlen(title) - 1);
	draw_text(t, top, 0, cols, PAINT_TITLE, title);
	draw_text(t, top + 1, 0, cols, PAINT_DIM,
		  ds->view == VIEW_SOLUTIONS
			  ? "  Clos le     Nature        Objet — solution"
			  : "  Ouvert le   Nature        Dom.   Niveau Statut   Objet");
	draw_hline(t, top + 2, 0, cols);
	ds->body_rows = rows - 3;
	if (ds->cursor < ds->top)
		ds->top = ds->cursor;
	if (ds->body_rows > 0 && ds->cursor >= ds->top + (size_t)ds->body_rows)
		ds->top = ds->cursor - (size_t)ds->body_rows + 1;
	if (!ds->n)
		draw_text(t, top + 3, 2, cols - 4, PAINT_DIM,
			  ds->view == VIEW_SOLUTIONS
				  ? "Aucune solution arbitrée ne correspond."
				  : "Aucun litige : n pour en ouvrir un, S pour "
				    "les solutions arbitrées.");
	for (int k = 0; k < ds->body_rows; k++) {
		size_t i = ds->top + (size_t)k;
		const struct dispute *d;
		char line[1024], a[32];
		enum paint p;

		if (i >= ds->n)
			break;
		d = &ds->rows[i];
		if (ds->view == VIEW_SOLUTIONS) {
			date_fr(ui, d->closed_on, a, sizeof a);
			snprintf(line, sizeof line, "%-11s %-13.13s %s — %s", a,
				 dispute_nature_vocab[d->nature].label, d->object,
				 d->solution ? d->solution : "");
		} else {
			date_fr(ui, d->opened_on, a, sizeof a);
			snprintf(line, sizeof line, "%-11s %-13.13s %-6.6s %-6d %-8s %s",
				 a, dispute_nature_vocab[d->nature].label,
				 d->domain_code ? d->domain_code : "",
				 d->state.level ? d->state.level : 1,
				 d->closed_on ? "clos" : "ouvert", d->object);
		}
		p = i == ds->cursor ? PAINT_SELECTED
		    : d->closed_on && ds->view == VIEW_LIST ? PAINT_DIM : PAINT_NORMAL;
		draw_text(t, top + 3 + k, ui_list_mark(ui, top + 3 + k, cols,
						       i == ds->cursor),
			  cols - UI_LIST_INDENT, p, line);
	}
}

/* ------------------------------------------------------------------ */
/* Forms                                                               */

struct open_ctx {
	struct ui *ui;
	const char *like;
	struct domain_choice *doms;
	size_t n_doms;
	struct request *reqs;
	size_t n_reqs;
	char uid[STORE_UID_LEN];
};

enum { O_DATE, O_OBJECT, O_NATURE, O_DOMAIN, O_REQUEST, O_COUNT };

static bool save_open(struct form *f, void *ctx, char *err, size_t n)
{
	struct open_ctx *oc = ctx;
	struct dispute_input in = { 0 };
	struct err e;
	int dom = f->fields[O_DOMAIN].choice - 1;
	int req = f->fields[O_REQUEST].choice - 1;

	in.opened_on = form_text(f, O_DATE);
	in.object = form_text(f, O_OBJECT);
	in.nature = (enum dispute_nature)f->fields[O_NATURE].choice;
	in.domain_uid = dom >= 0 ? oc->doms[dom].uid : NULL;
	in.like_uid = oc->like;
	if (!in.object) {
		snprintf(err, n, "L'objet du litige est obligatoire");
		return false;
	}
	if (record_dispute_open(oc->ui->st,
				oc->ui->contracts[oc->ui->contract].uid, &in,
				req >= 0 ? oc->reqs[req].uid : NULL, oc->uid,
				&e) != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

static void today_fr(const struct ui *ui, char *buf, size_t n)
{
	ui_date(ui, ui->today, buf, n);
}

/* After a form was left: kept as a draft when the terminal went away. */
static void keep_draft(struct ui *ui, const struct form *f,
		       enum draft_what what, const char *uid)
{
	char *ctx = xasprintf("%s|%s|%s", ui->contracts[ui->contract].uid,
			      draft_word[what], uid ? uid : "");

	ui_form_keep_draft(ui, f, DRAFT_SLOT, ctx);
	free(ctx);
}

static void open_form(struct ui *ui, struct dis_screen *ds,
		      const struct dispute *like, const char *draft)
{
	struct open_ctx oc = { ui, like ? like->uid : NULL, NULL, 0, NULL, 0, "" };
	struct form_field fields[O_COUNT];
	struct form f = { 0 };
	const char **dom_labels, **req_labels;
	static const char *nat_labels[DISPUTE_NATURE_COUNT];
	struct request_filter rf;
	struct err e;
	char today[32];

	for (int i = 0; i < DISPUTE_NATURE_COUNT; i++)
		nat_labels[i] = dispute_nature_vocab[i].label;
	store_domain_choices(ui->st, ui->contracts[ui->contract].uid, ui->today,
			     &oc.doms, &oc.n_doms, &e);
	request_filter_init(&rf);
	rf.limit = 30;
	store_request_list(ui->st, ui->contracts[ui->contract].uid, &rf, &oc.reqs,
			   &oc.n_reqs, NULL, &e);
	dom_labels = xcalloc(oc.n_doms + 1, sizeof *dom_labels);
	dom_labels[0] = "—";
	for (size_t i = 0; i < oc.n_doms; i++)
		dom_labels[i + 1] = oc.doms[i].name;
	req_labels = xcalloc(oc.n_reqs + 1, sizeof *req_labels);
	req_labels[0] = "—";
	for (size_t i = 0; i < oc.n_reqs; i++)
		req_labels[i + 1] = oc.reqs[i].object ? oc.reqs[i].object : "";
	form_fields_init(fields, O_COUNT);
	fields[O_DATE].label = "Ouvert le";
	fields[O_DATE].required = true;
	today_fr(ui, today, sizeof today);
	form_field_set(&fields[O_DATE], today);
	fields[O_OBJECT].label = "Objet du litige";
	fields[O_OBJECT].required = true;
	fields[O_OBJECT].tkind = TEXT_LONG;
	fields[O_NATURE].label = "Nature";
	fields[O_NATURE].kind = FIELD_CHOICE;
	fields[O_NATURE].choices = nat_labels;
	fields[O_NATURE].n_choices = DISPUTE_NATURE_COUNT;
	fields[O_DOMAIN].label = "Domaine";
	fields[O_DOMAIN].kind = FIELD_CHOICE;
	fields[O_DOMAIN].choices = dom_labels;
	fields[O_DOMAIN].n_choices = oc.n_doms + 1;
	fields[O_REQUEST].label = "Né de la saisine";
	fields[O_REQUEST].kind = FIELD_CHOICE;
	fields[O_REQUEST].choices = req_labels;
	fields[O_REQUEST].n_choices = oc.n_reqs + 1;
	if (like) {
		fields[O_NATURE].choice = like->nature;
		for (size_t i = 0; i < oc.n_doms; i++)
			if (like->domain_uid && !strcmp(oc.doms[i].uid, like->domain_uid))
				fields[O_DOMAIN].choice = (int)i + 1;
		f.aside = xasprintf("Comme le litige « %s », clos avec la solution : "
				    "%s", like->object,
				    like->solution ? like->solution : "—");
	} else {
		f.aside = xstrdup("Le litige s'ouvre au niveau 1 : les autorités "
				  "hiérarchiques cherchent un compromis.");
	}
	f.title = like ? "Ouvrir un litige comme un autre" : "Ouvrir un litige";
	f.fields = fields;
	f.n = O_COUNT;
	if (draft)
		form_restore(&f, draft);
	if (ui_form_run(ui, &f, save_open, &oc)) {
		ui_ack_log("litige", oc.uid, form_text(&f, O_OBJECT),
			   (const char *)NULL);
		ui_message(ui, false, "Litige ouvert : %s", form_text(&f, O_OBJECT));
		ds->view = VIEW_DETAIL;
		ds->back = VIEW_LIST;
		open_page(ui, ds, oc.uid);
	} else {
		keep_draft(ui, &f, D_OPEN, oc.like);
	}
	form_release(&f);
	free(dom_labels);
	free(req_labels);
	store_domain_choices_free(oc.doms, oc.n_doms);
	store_request_list_free(oc.reqs, oc.n_reqs);
}

enum { S_DATE, S_PARTICIPANTS, S_POSITIONS, S_NOTES, S_OUTCOME, S_COUNT };

struct step_ctx {
	struct ui *ui;
	const char *uid;
	int n_outcomes;
};

static bool save_step(struct form *f, void *ctx, char *err, size_t n)
{
	struct step_ctx *sc = ctx;
	struct step_input in = { 0 };
	struct err e;

	in.held_on = form_text(f, S_DATE);
	in.participants = form_text(f, S_PARTICIPANTS);
	in.positions = form_text(f, S_POSITIONS);
	in.notes = form_text(f, S_NOTES);
	in.outcome = (enum step_outcome)f->fields[S_OUTCOME].choice;
	if (store_dispute_add_step(sc->ui->st, sc->uid, &in, &e) != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

static void step_form(struct ui *ui, struct dis_screen *ds, const char *draft)
{
	const struct dispute *d = &ds->cur;
	int level = d->state.n_steps && d->state.last_outcome_set &&
			    d->state.last_outcome == OUTCOME_ESCALATED
		    ? d->state.level : (d->state.level ? d->state.level : 1);
	struct form_field fields[S_COUNT];
	struct form f = { 0 };
	static const char *outcomes[OUTCOME_COUNT];
	struct step_ctx sc = { ui, NULL, OUTCOME_COUNT };
	char today[32], title[256];
	const char *refusal;

	if (d->closed_on) {
		ui_message(ui, true, "Le litige est clos : plus d'étape possible");
		return;
	}
	refusal = dispute_step_refusal(&d->state, level, OUTCOME_DECIDED);
	if (refusal) {
		ui_message(ui, true, "%s", refusal);
		return;
	}
	for (int i = 0; i < OUTCOME_COUNT; i++)
		outcomes[i] = step_outcome_vocab[i].label;
	sc.uid = d->uid;
	form_fields_init(fields, S_COUNT);
	fields[S_DATE].label = "Tenue le";
	fields[S_DATE].required = true;
	today_fr(ui, today, sizeof today);
	form_field_set(&fields[S_DATE], today);
	fields[S_PARTICIPANTS].label = "Participants";
	fields[S_PARTICIPANTS].tkind = TEXT_LONG;
	fields[S_POSITIONS].tkind = TEXT_LONG;
	fields[S_NOTES].tkind = TEXT_LONG;
	form_field_set(&fields[S_PARTICIPANTS],
		       dispute_level_participants[level - 1]);
	fields[S_POSITIONS].label = "Positions";
	fields[S_NOTES].label = dispute_mayor_final(d->nature, level)
		? "Instruction du Maire" : "Notes";
	fields[S_OUTCOME].label = "Issue";
	fields[S_OUTCOME].kind = FIELD_CHOICE;
	fields[S_OUTCOME].choices = outcomes;
	/* at level 3 there is nothing to escalate to */
	fields[S_OUTCOME].n_choices = OUTCOME_COUNT;
	fields[S_OUTCOME].choice = level < ARBITRATION_LEVELS ? OUTCOME_ESCALATED
							      : OUTCOME_DECIDED;
	snprintf(title, sizeof title, "Étape au niveau %d : %s", level,
		 level == 1 ? "les autorités hiérarchiques"
		 : level == 2 ? "les directeurs généraux"
			      : "le Maire et le Président");
	f.title = title;
	f.fields = fields;
	f.n = S_COUNT;
	f.aside = dispute_mayor_final(d->nature, level)
		? xstrdup("Litige sur le fond au dernier niveau : l'instruction "
			  "du Maire s'applique en dernière instance (article 4).")
		: xstrdup("Escalade : le niveau suivant s'ouvre (aucun n'est "
			  "sauté). Compromis ou décision : le litige peut être "
			  "clos avec sa solution (c).");
	if (draft)
		form_restore(&f, draft);
	if (ui_form_run(ui, &f, save_step, &sc)) {
		ui_message(ui, false, "Étape enregistrée au niveau %d", level);
		open_page(ui, ds, d->uid);
	} else {
		keep_draft(ui, &f, D_STEP, d->uid);
	}
	form_release(&f);
}

enum { C_DATE, C_SOLUTION, C_INSTRUCTION, C_INSTRUCTION_BY,
       C_INSTRUCTION_ON, C_COUNT };

/* The Mayor's instruction as the closure form holds it; NULL when the
 * form does not ask for it (not a dispute of substance at level 3). */
static const struct instruction_input *typed_instruction(
	const struct form *f, struct instruction_input *mi)
{
	if (f->fields[C_INSTRUCTION].hidden)
		return NULL;
	mi->text = form_text(f, C_INSTRUCTION);
	mi->by = form_text(f, C_INSTRUCTION_BY);
	mi->on = form_text(f, C_INSTRUCTION_ON);
	return mi;
}

static bool save_close(struct form *f, void *ctx, char *err, size_t n)
{
	struct step_ctx *sc = ctx;
	struct instruction_input mi;
	struct err e;

	if (store_dispute_close_with(sc->ui->st, sc->uid, form_text(f, C_DATE),
				     form_text(f, C_SOLUTION),
				     typed_instruction(f, &mi), &e) != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

/* The fields of a closure (the form to close, the one to correct): the
 * date and solution; on substance at level 3 the Mayor's instruction,
 * without which the dispute does not close (article 4). */
static void closure_fields(struct form_field *fields, const struct dispute *d)
{
	bool mayor = dispute_mayor_final(d->nature, d->state.level);

	form_fields_init(fields, C_COUNT);
	fields[C_DATE].label = "Clos le";
	fields[C_DATE].required = true;
	fields[C_SOLUTION].label = "Solution arbitrée";
	fields[C_SOLUTION].required = true;
	fields[C_SOLUTION].tkind = TEXT_LONG;
	fields[C_INSTRUCTION].label = "Instruction du Maire";
	fields[C_INSTRUCTION].tkind = TEXT_LONG;
	fields[C_INSTRUCTION_BY].label = "Donnée par";
	fields[C_INSTRUCTION_BY].hint = "qui a donné l'instruction (le Maire, "
					"par son nom) · Tab champ suivant · "
					"Entrée enregistre";
	fields[C_INSTRUCTION_ON].label = "Donnée le";
	fields[C_INSTRUCTION_ON].hint = "JJ/MM/AAAA · Tab champ suivant · "
					"Entrée enregistre";
	for (int i = C_INSTRUCTION; i <= C_INSTRUCTION_ON; i++) {
		fields[i].required = mayor;
		fields[i].hidden = !mayor;
	}
}

/* The last step at level 3 is held before the Mayor: its notes are the
 * instruction's text (the step form names them so), its date the
 * instruction's; offered in the closure's fields. */
static void instruction_from_steps(const struct ui *ui,
				   struct form_field *fields,
				   const struct dispute *d)
{
	const struct dispute_step *l3 = NULL;
	char day[32];

	for (size_t i = 0; i < d->n_steps; i++)
		if (d->steps[i].level == ARBITRATION_LEVELS)
			l3 = &d->steps[i];
	if (!l3)
		return;
	form_field_set(&fields[C_INSTRUCTION], l3->notes);
	ui_date(ui, l3->held_on, day, sizeof day);
	form_field_set(&fields[C_INSTRUCTION_ON], day);
}

static void close_form(struct ui *ui, struct dis_screen *ds, const char *draft)
{
	struct form_field fields[C_COUNT];
	struct form f = { 0 };
	struct step_ctx sc = { ui, ds->cur.uid, 0 };
	char today[32];
	const char *refusal = dispute_close_refusal(&ds->cur.state, "x");

	if (ds->cur.closed_on) {
		ui_message(ui, true, "Le litige est déjà clos");
		return;
	}
	if (refusal) {
		ui_message(ui, true, "%s", refusal);
		return;
	}
	closure_fields(fields, &ds->cur);
	today_fr(ui, today, sizeof today);
	form_field_set(&fields[C_DATE], today);
	if (!fields[C_INSTRUCTION].hidden)
		instruction_from_steps(ui, fields, &ds->cur);
	f.title = "Clore le litige";
	f.fields = fields;
	f.n = C_COUNT;
	f.aside = fields[C_INSTRUCTION].hidden
		? xstrdup("La solution est gardée et se retrouve par S (solutions "
			  "arbitrées) pour les litiges à venir.")
		: xstrdup("Litige sur le fond au niveau 3 : les instructions du "
			  "Maire s'appliquent en dernière instance (article 4). "
			  "Il ne se clôt qu'avec elles : leur texte, qui les a "
			  "données, leur date. La solution est gardée et se "
			  "retrouve par S.");
	if (draft)
		form_restore(&f, draft);
	if (ui_form_run(ui, &f, save_close, &sc)) {
		ui_message(ui, false, "Litige clos");
		open_page(ui, ds, ds->cur.uid);
	} else {
		keep_draft(ui, &f, D_CLOSE, ds->cur.uid);
	}
	form_release(&f);
}

static void show_history(struct ui *ui, struct dis_screen *ds)
{
	struct store_change *ch;
	size_t n;
	struct err e;

	if (store_dispute_history(ui->st, ds->cur.uid, &ch, &n, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_show_changes(ui, " Historique du litige ", ch, n);
	store_changes_free(ch, n);
}

/* The reason a change to a closed dispute needs; NULL (and a message)
 * when none was given. */
static char *closed_reason(struct ui *ui, const struct dispute *d,
			   const char *what)
{
	char day[32], label[200], needed[160];

	ui_date(ui, d->closed_on, day, sizeof day);
	snprintf(label, sizeof label, "Litige clos le %s : raison %s : ", day,
		 what);
	snprintf(needed, sizeof needed, "le litige est clos depuis le %s", day);
	return ui_ask_reason(ui, label, needed);
}

/* Choose a step of the dispute on its page (and, with closure, its
 * closure as the last choice): its index, n_steps for the closure, -1
 * when left. */
static int choose_step(struct ui *ui, const struct dispute *d, bool closure,
		       const char *title)
{
	size_t n = d->n_steps + (closure && d->closed_on ? 1 : 0);
	char **labels;
	int c;

	if (!n) {
		ui_message(ui, true, "Ce litige n'a encore aucune étape");
		return -1;
	}
	labels = xcalloc(n, sizeof *labels);
	for (size_t i = 0; i < d->n_steps; i++) {
		char day[32];

		ui_date(ui, d->steps[i].held_on, day, sizeof day);
		labels[i] = xasprintf("Étape %zu : niveau %d, le %s, %s", i + 1,
				      d->steps[i].level, day,
				      step_outcome_vocab[d->steps[i].outcome].label);
	}
	if (n > d->n_steps) {
		char day[32];

		ui_date(ui, d->closed_on, day, sizeof day);
		labels[d->n_steps] = xasprintf("Clôture du %s : %s", day,
					       d->solution ? d->solution : "");
	}
	c = ui_choose(ui, title, (const char *const *)labels, n,
		      (int)n - 1, 0);
	text_lines_free(labels, n);
	return c;
}

struct fix_ctx {
	struct ui *ui;
	const struct dispute *d;
	const char *step_uid;	/* NULL: the closure */
	char *reason;
};

static bool fix_reason(struct fix_ctx *fc, char *err, size_t n)
{
	if (!fc->d->closed_on || fc->reason)
		return true;
	fc->reason = closed_reason(fc->ui, fc->d, "du changement");
	if (!fc->reason)
		snprintf(err, n, "Le litige est clos : sans raison, rien n'est "
			 "changé");
	return fc->reason != NULL;
}

static bool save_fixed_step(struct form *f, void *ctx, char *err, size_t n)
{
	struct fix_ctx *fc = ctx;
	struct step_input in = { 0 };
	struct err e;

	if (!fix_reason(fc, err, n))
		return false;
	in.held_on = form_text(f, S_DATE);
	in.participants = form_text(f, S_PARTICIPANTS);
	in.positions = form_text(f, S_POSITIONS);
	in.notes = form_text(f, S_NOTES);
	in.outcome = (enum step_outcome)f->fields[S_OUTCOME].choice;
	if (store_dispute_update_step(fc->ui->st, fc->step_uid, &in, fc->reason,
				      &e) != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

static bool save_fixed_closure(struct form *f, void *ctx, char *err, size_t n)
{
	struct fix_ctx *fc = ctx;
	struct instruction_input mi;
	struct err e;

	if (!fix_reason(fc, err, n))
		return false;
	if (store_dispute_update_closure_with(fc->ui->st, fc->d->uid,
					      form_text(f, C_DATE),
					      form_text(f, C_SOLUTION),
					      typed_instruction(f, &mi),
					      fc->reason, &e) != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

/* e on a dispute's page: correct one of its steps, or its closure. */
static void correct(struct ui *ui, struct dis_screen *ds)
{
	const struct dispute *d = &ds->cur;
	struct fix_ctx fc = { ui, d, NULL, NULL };
	struct form_field fields[S_COUNT];
	struct form f = { 0 };
	static const char *outcomes[OUTCOME_COUNT];
	char day[32], title[128];
	int c = choose_step(ui, d, true, "Corriger");
	bool ok;

	if (c < 0)
		return;
	if ((size_t)c == d->n_steps) {
		closure_fields(fields, d);
		ui_date(ui, d->closed_on, day, sizeof day);
		form_field_set(&fields[C_DATE], day);
		form_field_set(&fields[C_SOLUTION], d->solution);
		form_field_set(&fields[C_INSTRUCTION], d->instruction);
		form_field_set(&fields[C_INSTRUCTION_BY], d->instruction_by);
		if (d->instruction_on) {
			ui_date(ui, d->instruction_on, day, sizeof day);
			form_field_set(&fields[C_INSTRUCTION_ON], day);
		}
		f.title = "Corriger la clôture";
		f.fields = fields;
		f.n = C_COUNT;
		if (store_dispute_instruction_missing(d)) {
			instruction_from_steps(ui, fields, d);
			f.aside = xstrdup("Instruction du Maire non enregistrée : "
					  "sur le fond au niveau 3, la clôture "
					  "corrigée la demande (son texte, qui "
					  "l'a donnée, sa date).");
		}
		ok = ui_form_run(ui, &f, save_fixed_closure, &fc);
	} else {
		const struct dispute_step *st = &d->steps[c];

		for (int i = 0; i < OUTCOME_COUNT; i++)
			outcomes[i] = step_outcome_vocab[i].label;
		fc.step_uid = st->uid;
		form_fields_init(fields, S_COUNT);
		fields[S_DATE].label = "Tenue le";
		fields[S_DATE].required = true;
		ui_date(ui, st->held_on, day, sizeof day);
		form_field_set(&fields[S_DATE], day);
		fields[S_PARTICIPANTS].label = "Participants";
		fields[S_PARTICIPANTS].tkind = TEXT_LONG;
		form_field_set(&fields[S_PARTICIPANTS], st->participants);
		fields[S_POSITIONS].label = "Positions";
		fields[S_POSITIONS].tkind = TEXT_LONG;
		form_field_set(&fields[S_POSITIONS], st->positions);
		fields[S_NOTES].label = dispute_mayor_final(d->nature, st->level)
			? "Instruction du Maire" : "Notes";
		fields[S_NOTES].tkind = TEXT_LONG;
		form_field_set(&fields[S_NOTES], st->notes);
		fields[S_OUTCOME].label = "Issue";
		fields[S_OUTCOME].kind = FIELD_CHOICE;
		fields[S_OUTCOME].choices = outcomes;
		fields[S_OUTCOME].n_choices = OUTCOME_COUNT;
		fields[S_OUTCOME].choice = (int)st->outcome;
		snprintf(title, sizeof title, "Corriger l'étape %d (niveau %d)",
			 c + 1, st->level);
		f.title = title;
		f.fields = fields;
		f.n = S_COUNT;
		f.aside = xstrdup("Les étapes suivantes doivent toujours suivre "
				  "les règles de l'article 4 : sinon la "
				  "correction est refusée, avec la raison.");
		ok = ui_form_run(ui, &f, save_fixed_step, &fc);
	}
	if (ok) {
		ui_message(ui, false, (size_t)c == d->n_steps ? "Clôture corrigée"
							      : "Étape corrigée");
		open_page(ui, ds, ds->cur.uid);
	}
	free(fc.reason);
	form_release(&f);
}

/* Suppr on a dispute's page: remove one of its steps, asking first. */
static void delete_step(struct ui *ui, struct dis_screen *ds)
{
	const struct dispute *d = &ds->cur;
	char q[256], uid[STORE_UID_LEN], *reason = NULL;
	int c = choose_step(ui, d, false, "Supprimer une étape");
	struct err e;

	if (c < 0)
		return;
	snprintf(q, sizeof q, "Supprimer l'étape %d (niveau %d) ? (o/N)", c + 1,
		 d->steps[c].level);
	if (!ui_confirm(ui, q))
		return;
	if (d->closed_on && !(reason = closed_reason(ui, d, "de la suppression")))
		return;
	snprintf(uid, sizeof uid, "%s", d->steps[c].uid);
	if (store_dispute_delete_step(ui->st, uid, reason, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
	} else {
		ui_message(ui, false, "Étape supprimée");
		open_page(ui, ds, ds->cur.uid);
	}
	free(reason);
}

/* R on a closed dispute's page: reopen it, with the reason. */
static void reopen(struct ui *ui, struct dis_screen *ds)
{
	char q[128], *reason;
	struct err e;

	if (!ds->cur.closed_on) {
		ui_message(ui, true, "Le litige n'est pas clos");
		return;
	}
	snprintf(q, sizeof q, "Rouvrir le litige (sa solution quitte les "
		 "solutions arbitrées) ? (o/N)");
	if (!ui_confirm(ui, q))
		return;
	reason = closed_reason(ui, &ds->cur, "de la réouverture");
	if (!reason)
		return;
	if (store_dispute_reopen(ui->st, ds->cur.uid, reason, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
	} else {
		ui_message(ui, false, "Litige rouvert");
		open_page(ui, ds, ds->cur.uid);
	}
	free(reason);
}

/* ------------------------------------------------------------------ */

static void enter(struct ui *ui)
{
	struct dis_screen *ds = ui->dis;

	if (!ds) {
		ds = ui->dis = xcalloc(1, sizeof *ds);
		ds->open_only = false;
	}
	if (ui->n_contracts &&
	    strcmp(ds->contract_uid, ui->contracts[ui->contract].uid)) {
		snprintf(ds->contract_uid, sizeof ds->contract_uid, "%s",
			 ui->contracts[ui->contract].uid);
		ds->view = VIEW_LIST;
		ds->cursor = ds->top = 0;
	}
	reload(ui, ds);
	if (ds->view == VIEW_DETAIL && ds->has_cur)
		open_page(ui, ds, ds->cur.uid);
}

static void leave(struct ui *ui)
{
	(void)ui;
}

/* A jump to a dispute's page. */
static void show(struct ui *ui, const struct ui_ref *ref)
{
	const char *uid = ref->uid;
	struct dis_screen *ds = ui->dis;

	if (!ds)
		return;
	for (size_t i = 0; i < ds->n; i++)
		if (!strcmp(ds->rows[i].uid, uid))
			ds->cursor = i;
	ds->back = VIEW_LIST;
	if (open_page(ui, ds, uid))
		ds->view = VIEW_DETAIL;
}

static void on_search(struct ui *ui, const char *text, void *ctx)
{
	struct dis_screen *ds = ctx;

	snprintf(ds->text, sizeof ds->text, "%s", text);
	ds->cursor = ds->top = 0;
	reload(ui, ds);
}

static int handle(struct ui *ui, enum action a, const struct key *k)
{
	struct dis_screen *ds = ui->dis;

	(void)k;
	if (!ds)
		return UI_NOTHING;
	if (ds->view == VIEW_DETAIL) {
		int page = ds->body_rows > 2 ? ds->body_rows - 1 : 1;

		switch (a) {
		case ACT_UP:
			ds->scroll--;
			return UI_REDRAW;
		case ACT_DOWN:
			ds->scroll++;
			return UI_REDRAW;
		case ACT_PGUP:
			ds->scroll -= page;
			return UI_REDRAW;
		case ACT_PGDN:
			ds->scroll += page;
			return UI_REDRAW;
		case ACT_HOME:
			ds->scroll = 0;
			return UI_REDRAW;
		case ACT_END:
			ds->scroll = 1 << 20;
			return UI_REDRAW;
		case ACT_BACK:
			ds->view = ds->back;
			reload(ui, ds);
			return UI_REDRAW;
		case ACT_STEP:
			step_form(ui, ds, NULL);
			return UI_REDRAW;
		case ACT_CLOSE_DISPUTE:
			close_form(ui, ds, NULL);
			return UI_REDRAW;
		case ACT_HISTORY:
			show_history(ui, ds);
			return UI_REDRAW;
		case ACT_MODIFY:
			correct(ui, ds);
			return UI_REDRAW;
		case ACT_DELETE:
			delete_step(ui, ds);
			return UI_REDRAW;
		case ACT_REOPEN:
			reopen(ui, ds);
			return UI_REDRAW;
		case ACT_LIKE:
			if (ds->cur.closed_on)
				open_form(ui, ds, &ds->cur, NULL);
			else
				ui_message(ui, true, "« Comme » part d'un litige clos "
					   "et de sa solution");
			return UI_REDRAW;
		default:
			return UI_NOTHING;
		}
	}
	if (ui_list_nav(&ds->cursor, &ds->top, ds->n, ds->body_rows, a))
		return UI_REDRAW;
	switch (a) {
	case ACT_NEW:
		open_form(ui, ds, NULL, NULL);
		return UI_REDRAW;
	case ACT_OPEN:
	case ACT_MODIFY:
		if (ds->n) {
			ds->back = ds->view;
			if (open_page(ui, ds, ds->rows[ds->cursor].uid))
				ds->view = VIEW_DETAIL;
		}
		return UI_REDRAW;
	case ACT_LIKE:
		if (ds->view == VIEW_SOLUTIONS && ds->n)
			open_form(ui, ds, &ds->rows[ds->cursor], NULL);
		else
			ui_message(ui, true, "« Comme » : choisissez d'abord une "
				   "solution arbitrée (S)");
		return UI_REDRAW;
	case ACT_FILTER_STATUS:
		ds->open_only = !ds->open_only;
		ds->cursor = ds->top = 0;
		reload(ui, ds);
		return UI_REDRAW;
	case ACT_SOLUTIONS:
		ds->view = ds->view == VIEW_SOLUTIONS ? VIEW_LIST : VIEW_SOLUTIONS;
		ds->cursor = ds->top = 0;
		reload(ui, ds);
		return UI_REDRAW;
	case ACT_BACK:
		if (ds->view == VIEW_SOLUTIONS) {
			ds->view = VIEW_LIST;
			reload(ui, ds);
			return UI_REDRAW;
		}
		return UI_NOTHING;
	case ACT_SEARCH: {
		char buf[sizeof ds->text];

		snprintf(buf, sizeof buf, "%s", ds->text);
		if (!ui_prompt(ui, "Chercher (objet, solution) : ", buf, sizeof buf,
			       on_search, ds))
			buf[0] = '\0';
		if (!ui->gone)
			on_search(ui, buf, ds);
		return UI_REDRAW;
	}
	default:
		return UI_NOTHING;
	}
}

/* ------------------------------------------------------------------ */
/* Drafts                                                              */

static bool dis_screen_pending_draft(struct ui *ui)
{
	return ui_draft_pending(ui, DRAFT_SLOT);
}

static void dis_screen_offer_draft(struct ui *ui)
{
	struct dis_screen *ds = ui->dis;
	char *ctx = NULL, *text = NULL, *part[3] = { NULL, NULL, NULL };
	char q[512], ex[61];
	struct dispute like;
	bool found, has_like = false;
	size_t k = ui->n_contracts;
	int what = -1;
	struct err e;

	if (!ds || store_draft_get(ui->st, DRAFT_SLOT, &ctx, &text, &found, &e)
		       != 0 || !found)
		return;
	part[0] = ctx;
	for (int i = 1; i < 3 && part[i - 1]; i++) {
		part[i] = strchr(part[i - 1], '|');
		if (part[i])
			*part[i]++ = '\0';
	}
	for (int w = 0; part[1] && w < D_COUNT; w++)
		if (!strcmp(part[1], draft_word[w]))
			what = w;
	for (size_t i = 0; i < ui->n_contracts; i++)
		if (!strcmp(ui->contracts[i].uid, part[0]))
			k = i;
	/* its contract, and its dispute for a step or a closure, must still
	 * be there; else the draft has nothing to go back to */
	if (what < 0 || k == ui->n_contracts || !part[2] ||
	    (what != D_OPEN && store_dispute_get(ui->st, part[2], &like, &e) != 0)) {
		store_draft_delete(ui->st, DRAFT_SLOT, &e);
		goto out;
	}
	if (what != D_OPEN)
		store_dispute_release(&like);
	if (k != ui->contract) {
		ui->contract = k;
		enter(ui);
	}
	if (what != D_OPEN) {
		ds->view = VIEW_DETAIL;
		ds->back = VIEW_LIST;
		open_page(ui, ds, part[2]);
		snprintf(ex, sizeof ex, "%s", ds->cur.object ? ds->cur.object : "");
	} else {
		has_like = part[2][0] &&
			   store_dispute_get(ui->st, part[2], &like, &e) == 0;
		form_draft_excerpt(text, O_OBJECT, ex, sizeof ex);
	}
	ui_draw(ui);
	snprintf(q, sizeof q, "Saisie non enregistrée à la fermeture (%s) : "
		 "« %s ». La reprendre ? (o/N)", draft_label[what], ex);
	if (!ui_confirm(ui, q)) {
		if (!ui->gone) {
			store_draft_delete(ui->st, DRAFT_SLOT, &e);
			ui_message(ui, false, "Brouillon abandonné");
		}
		goto out;
	}
	store_draft_delete(ui->st, DRAFT_SLOT, &e);
	switch (what) {
	case D_OPEN:
		open_form(ui, ds, has_like ? &like : NULL, text);
		break;
	case D_STEP:
		step_form(ui, ds, text);
		break;
	default:
		close_form(ui, ds, text);
		break;
	}
out:
	if (has_like)
		store_dispute_release(&like);
	free(ctx);
	free(text);
}

static const enum action keys[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_NEW,
	ACT_MODIFY, ACT_BACK, ACT_STEP, ACT_CLOSE_DISPUTE, ACT_DELETE,
	ACT_REOPEN, ACT_HISTORY, ACT_LIKE, ACT_FILTER_STATUS, ACT_SOLUTIONS,
	ACT_SEARCH, ACT_NONE
};

static const enum action status_keys[] = {
	ACT_NEW, ACT_MODIFY, ACT_STEP, ACT_CLOSE_DISPUTE, ACT_SOLUTIONS,
	ACT_SEARCH, ACT_NONE
};

static const struct action_word words[] = {
	{ ACT_NEW, "nouveau litige" },
	{ ACT_MODIFY, "voir le litige (sur sa page : corriger une étape ou "
		      "la clôture)" },
	{ ACT_DELETE, "supprimer une étape (sur la page du litige)" },
	{ ACT_NONE, NULL },
};

/* v: the dispute under the cursor (or on its page), every text whole. */
static char *whole(struct ui *ui, char **title)
{
	struct dis_screen *ds = ui->dis;
	const struct dispute *d;
	struct strbuf sb;

	if (!ds)
		return NULL;
	if (ds->view == VIEW_DETAIL && ds->has_cur)
		d = &ds->cur;
	else if (ds->n && ds->cursor < ds->n)
		d = &ds->rows[ds->cursor];
	else
		return NULL;
	*title = xstrdup(" Litige ");
	strbuf_init(&sb);
	strbuf_addf(&sb, "Objet : %s\n", d->object ? d->object : "");
	for (size_t i = 0; i < d->n_steps; i++) {
		const struct dispute_step *s = &d->steps[i];

		strbuf_addf(&sb, "\nÉtape au niveau %d, le %s\n", s->level,
			    s->held_on);
		if (s->participants)
			strbuf_addf(&sb, "Participants : %s\n", s->participants);
		if (s->positions)
			strbuf_addf(&sb, "Positions : %s\n", s->positions);
		if (s->notes)
			strbuf_addf(&sb, "Notes : %s\n", s->notes);
	}
	if (d->solution)
		strbuf_addf(&sb, "\nSolution arbitrée : %s\n", d->solution);
	if (d->instruction)
		strbuf_addf(&sb, "\nInstruction du Maire : %s\n",
			    d->instruction);
	if (d->instruction_by)
		strbuf_addf(&sb, "Donnée par : %s\n", d->instruction_by);
	if (d->instruction_on) {
		char day[32];

		ui_date(ui, d->instruction_on, day, sizeof day);
		strbuf_addf(&sb, "Donnée le : %s\n", day);
	}
	return strbuf_detach(&sb);
}

static void free_state(struct ui *ui)
{
	dis_screen_free(ui->dis);
	ui->dis = NULL;
}

const struct screen_ops screen_disputes = {
	.free = free_state,
	.show = show,
	.whole = whole,
	.pending_draft = dis_screen_pending_draft,
	.offer_draft = dis_screen_offer_draft,
	.title = "Litiges",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.handle = handle,
	.keys = keys,
	.status_keys = status_keys,
	.keymap = KEYMAP_LIST,
	.words = words,
	.help_text = "Article 4 : un litige s'ouvre au niveau 1 (les autorités "
		     "hiérarchiques), s'élève au niveau 2 (les directeurs "
		     "généraux) puis 3 (le Maire et le Président) ; aucun niveau "
		     "n'est sauté. Sur le fond, les instructions du Maire "
		     "s'appliquent en dernière instance : au niveau 3, le "
		     "litige ne se clôt qu'avec l'instruction du Maire (son "
		     "texte, qui l'a donnée, sa date). Clore demande la "
		     "solution arbitrée ; S montre toutes les solutions, / y "
		     "cherche, L ouvre un litige comme celui choisi. Ce qui a "
		     "été enregistré se corrige sur la page du litige : e une "
		     "étape ou la clôture, Suppr une étape (les étapes qui "
		     "restent doivent suivre les règles), R rouvre un litige "
		     "clos ; sur un litige clos, chaque changement demande sa "
		     "raison, gardée dans l'historique (h).",
};
