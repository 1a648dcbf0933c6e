/*
 * The réunions: the follow-up meetings of article 5. A list (newest
 * first) under the cadence (the next follow-up due, warnings when it is
 * not kept, the launch meeting until one is held); a meeting's page (attendees, the agenda built from the
 * data, decisions, the action plan with what earlier meetings left
 * unfinished); forms to plan a meeting, add attendees, decisions and
 * actions; the jump from an agenda line to the grid cell, request or
 * dispute it is about (Alt+5 comes back to the same line); the minutes.
 *
 * What is typed in a form when the terminal goes away is kept as a
 * draft (slot "reunion") that the next start offers back.
 */
#include "ui_internal.h"
#include "suivi/agenda.h"
#include "suivi/date.h"
#include "suivi/meeting.h"
#include "suivi/minutes.h"
#include "suivi/paths.h"
#include "suivi/store_draft.h"
#include "suivi/store_meeting.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DRAFT_SLOT "reunion"

enum row_kind {
	ROW_HEAD, ROW_TEXT, ROW_ATTENDEE, ROW_AGENDA, ROW_DECISION, ROW_ACTION
};

struct page_row {
	enum row_kind kind;
	char *text;
	size_t index;		/* in attendees, agenda, decisions, or actions
				 * (own then carried) */
	bool late;
};

struct mt_screen {
	char contract_uid[STORE_UID_LEN];
	bool page;			/* a meeting's page, else the list */
	struct meeting *rows;		/* of the kind chosen */
	size_t n, cursor, top;
	int kind;			/* the list's filter, -1: every kind */
	int body_rows;
	struct cadence cadence;
	struct meeting cur;		/* the meeting on its page */
	bool has_cur;
	struct agenda_item *agenda;
	size_t n_agenda;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];	/* the agenda's window */
	struct page_row *prow;
	size_t n_prow, pcur, ptop;
	int page_rows;
	size_t search_from;		/* where / started */
	/* each kind as the contract calls it (meeting_kind_name: its
	 * comité numérique under the annex's name) */
	char *kind_name[MEETING_KIND_COUNT];
	char error[ERR_MSG_MAX];
};

static const char *kind_label(const struct mt_screen *ms, int k)
{
	return ms->kind_name[k] ? ms->kind_name[k]
				: meeting_kind_vocab[k].label;
}

static void kind_names_free(struct mt_screen *ms)
{
	for (int k = 0; k < MEETING_KIND_COUNT; k++) {
		free(ms->kind_name[k]);
		ms->kind_name[k] = NULL;
	}
}

static void page_free(struct mt_screen *ms)
{
	for (size_t i = 0; i < ms->n_prow; i++)
		free(ms->prow[i].text);
	free(ms->prow);
	ms->prow = NULL;
	ms->n_prow = 0;
	agenda_free(ms->agenda, ms->n_agenda);
	ms->agenda = NULL;
	ms->n_agenda = 0;
	if (ms->has_cur)
		store_meeting_release(&ms->cur);
	ms->has_cur = false;
}

static void mt_screen_free(struct mt_screen *ms)
{
	if (!ms)
		return;
	page_free(ms);
	store_meeting_list_free(ms->rows, ms->n);
	kind_names_free(ms);
	free(ms);
}

static const char *contract_uid(const struct ui *ui)
{
	return ui->contracts[ui->contract].uid;
}

static void reload(struct ui *ui, struct mt_screen *ms)
{
	struct err e;

	store_meeting_list_free(ms->rows, ms->n);
	ms->rows = NULL;
	ms->n = 0;
	ms->error[0] = '\0';
	memset(&ms->cadence, 0, sizeof ms->cadence);
	if (!ui->n_contracts) {
		snprintf(ms->error, sizeof ms->error, "Aucun contrat dans la "
			 "base : importez-en un avec « suivi import FICHIER ».");
		return;
	}
	{
		char **names = NULL;
		size_t nn = 0;

		kind_names_free(ms);
		if (store_committee_names(ui->st, contract_uid(ui), ui->today,
					  &names, &nn, &e) == 0) {
			for (int k = 0; k < MEETING_KIND_COUNT; k++)
				ms->kind_name[k] = meeting_kind_name(
					(enum meeting_kind)k, names, nn);
			text_lines_free(names, nn);
		}
	}
	if (store_meeting_list(ui->st, contract_uid(ui), ui->today, &ms->rows,
			       &ms->n, &e) != 0 ||
	    store_meeting_cadence(ui->st, contract_uid(ui), ui->today,
				  &ms->cadence, &e) != 0)
		snprintf(ms->error, sizeof ms->error, "%s", e.msg);
	if (ms->kind >= 0) {
		size_t k = 0;

		for (size_t i = 0; i < ms->n; i++) {
			if ((int)ms->rows[i].kind == ms->kind)
				ms->rows[k++] = ms->rows[i];
			else
				store_meeting_release(&ms->rows[i]);
		}
		ms->n = k;
	}
	if (ms->cursor >= ms->n)
		ms->cursor = ms->n ? ms->n - 1 : 0;
}

static void push_row(struct mt_screen *ms, size_t *cap, enum row_kind k,
		     char *text, size_t index, bool late)
{
	ms->prow = xgrow(ms->prow, cap, ms->n_prow + 1, sizeof *ms->prow);
	ms->prow[ms->n_prow].kind = k;
	ms->prow[ms->n_prow].text = text;
	ms->prow[ms->n_prow].index = index;
	ms->prow[ms->n_prow].late = late;
	ms->n_prow++;
}

static const struct meeting_action *action_at(const struct mt_screen *ms,
					      size_t i)
{
	if (i < ms->cur.n_actions)
		return &ms->cur.actions[i];
	i -= ms->cur.n_actions;
	return i < ms->cur.n_carried ? &ms->cur.carried[i] : NULL;
}

/* "EN RETARD · à faire · Relancer l'opérateur · Mme Y · pour le 30/04/2026" */
static char *action_line(const struct ui *ui, const struct meeting_action *a,
			 bool carried)
{
	struct strbuf sb;
	char d[32];

	strbuf_init(&sb);
	strbuf_addstr(&sb, "  ");
	if (a->late)
		strbuf_addstr(&sb, "EN RETARD · ");
	strbuf_addf(&sb, "%s · %s", action_status_vocab[a->status].label,
		    a->what);
	if (a->owner)
		strbuf_addf(&sb, " · %s", a->owner);
	if (a->due_on) {
		ui_date(ui, a->due_on, d, sizeof d);
		strbuf_addf(&sb, " · pour le %s", d);
	}
	if (a->done_on) {
		ui_date(ui, a->done_on, d, sizeof d);
		strbuf_addf(&sb, " · faite le %s", d);
	}
	if (carried && a->meeting_held_on) {
		ui_date(ui, a->meeting_held_on, d, sizeof d);
		strbuf_addf(&sb, " (réunion du %s)", d);
	}
	return strbuf_detach(&sb);
}

static bool editable(const struct mt_screen *ms)
{
	return ms->has_cur && (ms->cur.status == MEETING_PLANNED ||
			       ms->cur.status == MEETING_OPEN);
}

/* Build the page's rows from the meeting and its agenda. */
static void build_page(struct ui *ui, struct mt_screen *ms)
{
	size_t cap = 0;
	int last = -1;
	bool ed = editable(ms);

	for (size_t i = 0; i < ms->n_prow; i++)
		free(ms->prow[i].text);
	ms->n_prow = 0;
	push_row(ms, &cap, ROW_HEAD, xasprintf("Participants (%zu)%s",
		 ms->cur.n_attendees, ed ? " · p en ajoute, x ôte" : ""), 0,
		 false);
	for (size_t i = 0; i < ms->cur.n_attendees; i++) {
		const struct meeting_attendee *a = &ms->cur.attendees[i];

		push_row(ms, &cap, ROW_ATTENDEE,
			 xasprintf("  %s%s%s%s", a->name, a->function ? ", " : "",
				   a->function ? a->function : "",
				   a->side == SIDE_SHARED ? " (Bordeaux Métropole)"
				   : a->side == SIDE_COMMUNE ? " (commune)" : ""),
			 i, false);
	}
	{
		char f[32], t[32];

		ui_date(ui, ms->from, f, sizeof f);
		ui_date(ui, ms->to, t, sizeof t);
		push_row(ms, &cap, ROW_HEAD,
			 xasprintf("Ordre du jour, tiré des données du %s au %s "
				   "· Entrée : y aller", f, t), 0, false);
	}
	for (size_t i = 0; i < ms->n_agenda; i++) {
		const struct agenda_item *it = &ms->agenda[i];

		if ((int)it->kind != last) {
			push_row(ms, &cap, ROW_TEXT,
				 xasprintf(" %s", agenda_kind_heading[it->kind]),
				 0, false);
			last = (int)it->kind;
		}
		push_row(ms, &cap, ROW_AGENDA, xasprintf("  %s", it->text), i,
			 it->late);
	}
	if (!ms->n_agenda)
		push_row(ms, &cap, ROW_TEXT, xstrdup("  (rien à revoir)"), 0,
			 false);
	push_row(ms, &cap, ROW_HEAD, xasprintf("Décisions (%zu)%s",
		 ms->cur.n_decisions, ed ? " · d en ajoute" : ""), 0, false);
	for (size_t i = 0; i < ms->cur.n_decisions; i++)
		push_row(ms, &cap, ROW_DECISION,
			 xasprintf("  %d. %s", ms->cur.decisions[i].position,
				   ms->cur.decisions[i].text),
			 i, false);
	push_row(ms, &cap, ROW_HEAD,
		 xasprintf("Plan d'actions (%zu de cette réunion, %zu reportée%s)"
			   " · %sEspace statut, f faite", ms->cur.n_actions,
			   ms->cur.n_carried, ms->cur.n_carried > 1 ? "s" : "",
			   ed ? "a ajoute, " : ""), 0, false);
	for (size_t i = 0; i < ms->cur.n_actions + ms->cur.n_carried; i++) {
		const struct meeting_action *a = action_at(ms, i);

		if (i == ms->cur.n_actions && ms->cur.n_carried)
			push_row(ms, &cap, ROW_TEXT,
				 xstrdup(" Reportées des réunions précédentes"),
				 0, false);
		push_row(ms, &cap, ROW_ACTION,
			 action_line(ui, a, i >= ms->cur.n_actions), i, a->late);
	}
	if (ms->pcur >= ms->n_prow)
		ms->pcur = ms->n_prow ? ms->n_prow - 1 : 0;
}

static bool load_page(struct ui *ui, struct mt_screen *ms, const char *uid)
{
	char keep[STORE_UID_LEN];
	struct err e;

	snprintf(keep, sizeof keep, "%s", uid);
	page_free(ms);
	if (store_meeting_get(ui->st, keep, ui->today, &ms->cur, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return false;
	}
	ms->has_cur = true;
	if (store_meeting_window(ui->st, keep, ms->from, ms->to, &e) != 0 ||
	    agenda_load(ui->st, keep, ui->today, &ms->agenda,
				 &ms->n_agenda, &e) != 0)
		ui_message(ui, true, "%s", e.msg);
	build_page(ui, ms);
	return true;
}

static void open_page(struct ui *ui, struct mt_screen *ms, const char *uid)
{
	if (load_page(ui, ms, uid)) {
		ms->page = true;
		ms->pcur = ms->ptop = 0;
	}
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

/* Upper-case the first letter (ASCII, or é as in "évaluation"). */
static void capitalize(char *s)
{
	if (*s >= 'a' && *s <= 'z')
		*s = (char)(*s - 'a' + 'A');
	else if ((unsigned char)s[0] == 0xC3 && (unsigned char)s[1] == 0xA9)
		s[1] = (char)0x89;
}

static void draw_page(struct ui *ui, struct mt_screen *ms, int top, int rows,
		      int cols)
{
	const struct uiterm *t = &ui->term;
	char d[32];
	char *title;

	ui_date(ui, ms->cur.held_on, d, sizeof d);
	title = xasprintf("%s du %s · %s%s%s", kind_label(ms, ms->cur.kind),
			  d, meeting_status_vocab[ms->cur.status].label,
			  ms->cur.place ? " · " : "",
			  ms->cur.place ? ms->cur.place : "");
	/* the kind's label starts lower case: the title does not */
	capitalize(title);
	draw_text(t, top, 0, cols, PAINT_TITLE, title);
	free(title);
	draw_text(t, top + 1, 0, cols, PAINT_DIM,
		  ms->cur.status == MEETING_CLOSED
		  ? "Close : ses valeurs sont validées ; ses actions se suivent "
		    "jusqu'à leur fin."
		  : ms->cur.status == MEETING_CANCELLED ? "Annulée."
		  : ms->cur.status == MEETING_OPEN
		  ? "En cours : c la clôt et valide les valeurs revues."
		  : "Prévue : o ouvre la séance, c la clôt.");
	ms->page_rows = rows - 2;
	if (ms->pcur < ms->ptop)
		ms->ptop = ms->pcur;
	if (ms->page_rows > 0 && ms->pcur >= ms->ptop + (size_t)ms->page_rows)
		ms->ptop = ms->pcur - (size_t)ms->page_rows + 1;
	for (int r = 0; r < ms->page_rows; r++) {
		size_t i = ms->ptop + (size_t)r;
		const struct page_row *pr;
		enum paint p;

		if (i >= ms->n_prow)
			break;
		pr = &ms->prow[i];
		p = i == ms->pcur ? PAINT_SELECTED
		    : pr->kind == ROW_HEAD ? PAINT_TITLE
		    : pr->kind == ROW_TEXT ? PAINT_DIM
		    : pr->late ? PAINT_MISSED : PAINT_NORMAL;
		draw_text(t, top + 2 + r, ui_list_mark(ui, top + 2 + r, cols,
						       i == ms->pcur),
			  cols - UI_LIST_INDENT, p, pr->text);
	}
}

/* The list's columns: x and width (the last takes the rest). */
static const struct {
	const char *head;
	int w;
} list_cols[] = {
	{ "Date", 11 }, { "Type", 27 }, { "Statut", 9 },
	{ "Part.", 6 }, { "Déc.", 5 }, { "Actions", 0 },
};

static void draw_list(struct ui *ui, struct mt_screen *ms, int top, int rows,
		      int cols)
{
	const struct uiterm *t = &ui->term;
	const struct cadence *c = &ms->cadence;
	int x = UI_LIST_INDENT;

	draw_text(t, top, 0, cols, c->follow_up_warning[0] ? PAINT_ERROR
							  : PAINT_TITLE,
		  c->follow_up_warning[0] ? c->follow_up_warning : c->next);
	draw_text(t, top + 1, 0, cols, c->mayors_warning[0] ? PAINT_ERROR
							   : PAINT_DIM,
		  c->mayors_warning[0] ? c->mayors_warning
				       : "Réunions avec les Maires : la cadence "
					 "de l'article 5 est tenue cette année");
	/* the launch meeting, reminded until held: one more line */
	if (c->launch_warning[0]) {
		draw_text(t, top + 2, 0, cols, PAINT_ERROR, c->launch_warning);
		top++;
		rows--;
	}
	for (size_t k = 0; k < sizeof list_cols / sizeof list_cols[0]; k++) {
		int w = list_cols[k].w ? list_cols[k].w : cols - x;

		char head[128];

		snprintf(head, sizeof head, "%s%s%s", list_cols[k].head,
			 k == 1 && ms->kind >= 0 ? " : " : "",
			 k == 1 && ms->kind >= 0
			 ? kind_label(ms, ms->kind) : "");
		if (x < cols)
			draw_text(t, top + 2, x, w < cols - x ? w : cols - x,
				  k == 1 && ms->kind >= 0 ? PAINT_TITLE : PAINT_DIM,
				  head);
		x += w + 1;
	}
	draw_hline(t, top + 3, 0, cols);
	ms->body_rows = rows - 4;
	if (!ms->n)
		draw_text(t, top + 4, 2, cols - 4, PAINT_DIM,
			  ms->kind >= 0 ? "Aucune réunion de ce type (t : un "
					  "autre type, F : tous)."
					: "Aucune réunion : n pour en prévoir une.");
	if (ms->cursor < ms->top)
		ms->top = ms->cursor;
	if (ms->body_rows > 0 && ms->cursor >= ms->top + (size_t)ms->body_rows)
		ms->top = ms->cursor - (size_t)ms->body_rows + 1;
	for (int r = 0; r < ms->body_rows; r++) {
		size_t i = ms->top + (size_t)r;
		const struct meeting *m;
		char f[6][128];
		enum paint p;

		if (i >= ms->n)
			break;
		m = &ms->rows[i];
		ui_date(ui, m->held_on, f[0], sizeof f[0]);
		snprintf(f[1], sizeof f[1], "%s", kind_label(ms, m->kind));
		snprintf(f[2], sizeof f[2], "%s", meeting_status_vocab[m->status].label);
		snprintf(f[3], sizeof f[3], "%zu", m->n_attendees);
		snprintf(f[4], sizeof f[4], "%zu", m->n_decisions);
		snprintf(f[5], sizeof f[5], "%zu%s", m->n_actions,
			 m->n_late ? " (en retard)" : "");
		p = i == ms->cursor ? PAINT_SELECTED
		    : m->status == MEETING_CANCELLED ? PAINT_DIM
		    : m->n_late ? PAINT_MISSED : PAINT_NORMAL;
		x = ui_list_mark(ui, top + 4 + r, cols, i == ms->cursor);
		for (size_t k = 0; k < 6; k++) {
			int w = list_cols[k].w ? list_cols[k].w : cols - x;

			if (x < cols)
				draw_text(t, top + 4 + r, x,
					  w < cols - x ? w : cols - x, p, f[k]);
			x += w + 1;
		}
	}
}

static void draw(struct ui *ui, int top, int rows, int cols)
{
	struct mt_screen *ms = ui->mt;

	if (!ms)
		return;
	if (ms->error[0]) {
		draw_text(&ui->term, top + 1, 2, cols - 4, PAINT_ERROR, ms->error);
		return;
	}
	if (ms->page && ms->has_cur)
		draw_page(ui, ms, top, rows, cols);
	else
		draw_list(ui, ms, top, rows, cols);
}

/* ------------------------------------------------------------------ */
/* Forms                                                               */

struct mctx {
	struct ui *ui;
	struct mt_screen *ms;
	const char *editing;		/* the meeting changed, or NULL */
	char uid[STORE_UID_LEN];
	const char *record;		/* the attendee, decision or action
					 * corrected, NULL when adding one */
	const char *closed_on;		/* its meeting's date when that
					 * meeting is closed: a change then
					 * needs a reason */
	char *reason;			/* asked once, heap */
};

/* The reason a correction to a closed meeting needs, asked when the form
 * is saved (over it); false with err filled when none was given. */
static bool correction_reason(struct mctx *c, char *err, size_t n)
{
	char d[32], label[160], needed[160];

	if (!c->record || !c->closed_on || c->reason)
		return true;
	ui_date(c->ui, c->closed_on, d, sizeof d);
	snprintf(label, sizeof label, "Réunion du %s close : raison du "
		 "changement : ", d);
	snprintf(needed, sizeof needed, "la réunion du %s est close", d);
	c->reason = ui_ask_reason(c->ui, label, needed);
	if (!c->reason)
		snprintf(err, n, "La réunion du %s est close : sans raison, "
			 "rien n'est changé", d);
	return c->reason != NULL;
}

/* What a form is for, in a draft's context. */
enum form_what { W_MEETING, W_ATTENDEE, W_DECISION, W_ACTION, W_COUNT };
static const char *const what_word[W_COUNT] = {
	"reunion", "participant", "decision", "action",
};
static const char *const what_label[W_COUNT] = {
	"réunion", "participant", "décision", "action",
};

/* Run a form; when the terminal goes away, what it holds becomes the
 * draft ("<meeting uid or editing uid>|<what>"). */
static bool run_form(struct ui *ui, struct form *f, form_check_fn check,
		     struct mctx *c, enum form_what what, const char *uid)
{
	char ctx[128];

	if (ui_form_run(ui, f, check, c))
		return true;
	snprintf(ctx, sizeof ctx, "%s|%s", uid ? uid : "", what_word[what]);
	ui_form_keep_draft(ui, f, DRAFT_SLOT, ctx);
	return false;
}

enum { M_KIND, M_DATE, M_PLACE, M_NOTES, M_COUNT };

static bool save_meeting(struct form *f, void *ctx, char *err, size_t n)
{
	struct mctx *c = ctx;
	struct meeting_input in = { 0 };
	struct err e;
	int rc;

	in.kind = (enum meeting_kind)f->fields[M_KIND].choice;
	in.held_on = form_text(f, M_DATE);
	in.place = form_text(f, M_PLACE);
	in.notes = form_text(f, M_NOTES);
	if (c->editing) {
		rc = store_meeting_update(c->ui->st, c->editing, &in, &e);
		snprintf(c->uid, sizeof c->uid, "%s", c->editing);
	} else {
		rc = store_meeting_create(c->ui->st, contract_uid(c->ui), &in,
					  c->uid, &e);
	}
	if (rc != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

static void meeting_form(struct ui *ui, struct mt_screen *ms,
			 const struct meeting *m, const char *draft)
{
	struct form_field fields[M_COUNT];
	struct form f = { 0 };
	static const char *kinds[MEETING_KIND_COUNT];
	struct mctx c = { ui, ms, m ? m->uid : NULL, "", NULL, NULL, NULL };
	char d[32];

	for (int i = 0; i < MEETING_KIND_COUNT; i++)
		kinds[i] = kind_label(ms, i);
	form_fields_init(fields, M_COUNT);
	fields[M_KIND].label = "Type";
	fields[M_KIND].kind = FIELD_CHOICE;
	fields[M_KIND].choices = kinds;
	fields[M_KIND].n_choices = MEETING_KIND_COUNT;
	fields[M_DATE].label = "Date";
	fields[M_DATE].required = true;
	fields[M_DATE].hint = "JJ/MM/AAAA · Entrée enregistre, Échap annule";
	fields[M_PLACE].label = "Lieu";
	fields[M_NOTES].label = "Notes";
	fields[M_NOTES].tkind = TEXT_LONG;
	if (m) {
		fields[M_KIND].choice = (int)m->kind;
		ui_date(ui, m->held_on, d, sizeof d);
		form_field_set(&fields[M_DATE], d);
		form_field_set(&fields[M_PLACE], m->place ? m->place : "");
		form_field_set(&fields[M_NOTES], m->notes ? m->notes : "");
	} else {
		ui_date(ui, ui->today, d, sizeof d);
		form_field_set(&fields[M_DATE], d);
	}
	f.title = m ? "Modifier la réunion" : "Prévoir une réunion";
	f.fields = fields;
	f.n = M_COUNT;
	f.aside = xasprintf("%s%s%s%s%s%s%s", ms->cadence.next,
			    ms->cadence.follow_up_warning[0] ? "\n" : "",
			    ms->cadence.follow_up_warning,
			    ms->cadence.mayors_warning[0] ? "\n" : "",
			    ms->cadence.mayors_warning,
			    ms->cadence.launch_warning[0] ? "\n" : "",
			    ms->cadence.launch_warning);
	if (draft)
		form_restore(&f, draft);
	if (run_form(ui, &f, save_meeting, &c, W_MEETING, m ? m->uid : NULL)) {
		ui_message(ui, false, m ? "Réunion modifiée" : "Réunion prévue");
		reload(ui, ms);
		for (size_t i = 0; i < ms->n; i++)
			if (!strcmp(ms->rows[i].uid, c.uid))
				ms->cursor = i;
		if (ms->page || !m)
			open_page(ui, ms, c.uid);
	}
	form_release(&f);
}

enum { P_NAME, P_FUNCTION, P_SIDE, P_COUNT };

static bool save_attendee(struct form *f, void *ctx, char *err, size_t n)
{
	struct mctx *c = ctx;
	struct err e;
	/* choice 0 is "not said" */
	int side = f->fields[P_SIDE].choice - 1;
	int rc;

	if (!correction_reason(c, err, n))
		return false;
	rc = c->record
		? store_meeting_update_attendee(c->ui->st, c->record,
						form_text(f, P_NAME),
						form_text(f, P_FUNCTION), side,
						c->reason, &e)
		: store_meeting_add_attendee(c->ui->st, c->ms->cur.uid,
					     form_text(f, P_NAME),
					     form_text(f, P_FUNCTION), side,
					     c->uid, &e);
	if (rc != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

/* The date of the record's meeting when that meeting is closed (a
 * correction then needs a reason), else NULL. */
static const char *closed_on(const struct mt_screen *ms)
{
	return ms->cur.status == MEETING_CLOSED ? ms->cur.held_on : NULL;
}

/* Add an attendee, or correct one (edit). */
static void attendee_form(struct ui *ui, struct mt_screen *ms,
			  const char *draft, const struct meeting_attendee *edit)
{
	struct form_field fields[P_COUNT];
	struct form f = { 0 };
	static const char *const sides[] = {
		"non précisé", "commune", "Bordeaux Métropole (service commun)",
	};
	struct mctx c = { ui, ms, NULL, "", NULL, NULL, NULL };
	char record[STORE_UID_LEN] = "";

	form_fields_init(fields, P_COUNT);
	fields[P_NAME].label = "Nom";
	fields[P_NAME].required = true;
	fields[P_FUNCTION].label = "Fonction";
	fields[P_SIDE].label = "Côté";
	fields[P_SIDE].kind = FIELD_CHOICE;
	fields[P_SIDE].choices = sides;
	fields[P_SIDE].n_choices = 3;
	f.title = edit ? "Corriger le participant" : "Ajouter un participant";
	f.fields = fields;
	f.n = P_COUNT;
	if (edit) {
		snprintf(record, sizeof record, "%s", edit->uid);
		c.record = record;
		c.closed_on = closed_on(ms);
		form_field_set(&fields[P_NAME], edit->name);
		form_field_set(&fields[P_FUNCTION], edit->function);
		fields[P_SIDE].choice = edit->side + 1;
	}
	if (draft)
		form_restore(&f, draft);
	if (edit ? ui_form_run(ui, &f, save_attendee, &c)
		 : run_form(ui, &f, save_attendee, &c, W_ATTENDEE, ms->cur.uid)) {
		ui_message(ui, false, edit ? "Participant corrigé : %s"
					   : "Participant ajouté : %s",
			   form_text(&f, P_NAME));
		load_page(ui, ms, ms->cur.uid);
	}
	free(c.reason);
	form_release(&f);
}

static bool save_decision(struct form *f, void *ctx, char *err, size_t n)
{
	struct mctx *c = ctx;
	struct err e;
	int rc;

	if (!correction_reason(c, err, n))
		return false;
	rc = c->record
		? store_meeting_update_decision(c->ui->st, c->record,
						form_text(f, 0), c->reason, &e)
		: store_meeting_add_decision(c->ui->st, c->ms->cur.uid,
					     form_text(f, 0), c->uid, &e);
	if (rc != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

/* Note a decision, or correct one (edit). */
static void decision_form(struct ui *ui, struct mt_screen *ms,
			  const char *draft, const struct meeting_decision *edit)
{
	struct form_field fields[1];
	struct form f = { 0 };
	struct mctx c = { ui, ms, NULL, "", NULL, NULL, NULL };
	char record[STORE_UID_LEN] = "", title[64];

	form_fields_init(fields, 1);
	fields[0].label = "Décision";
	fields[0].required = true;
	fields[0].tkind = TEXT_LONG;
	f.title = "Noter une décision";
	f.fields = fields;
	f.n = 1;
	if (edit) {
		snprintf(record, sizeof record, "%s", edit->uid);
		snprintf(title, sizeof title, "Corriger la décision n° %d",
			 edit->position);
		f.title = title;
		c.record = record;
		c.closed_on = closed_on(ms);
		form_field_set(&fields[0], edit->text);
	}
	if (draft)
		form_restore(&f, draft);
	if (edit ? ui_form_run(ui, &f, save_decision, &c)
		 : run_form(ui, &f, save_decision, &c, W_DECISION, ms->cur.uid)) {
		if (edit)
			ui_message(ui, false, "Décision n° %d corrigée",
				   edit->position);
		else
			ui_message(ui, false, "Décision n° %zu enregistrée",
				   ms->cur.n_decisions + 1);
		load_page(ui, ms, ms->cur.uid);
	}
	free(c.reason);
	form_release(&f);
}

enum { A_WHAT, A_OWNER, A_DUE, A_COUNT };

static bool save_action(struct form *f, void *ctx, char *err, size_t n)
{
	struct mctx *c = ctx;
	struct action_input in = { form_text(f, A_WHAT), form_text(f, A_OWNER),
				   form_text(f, A_DUE) };
	struct err e;
	int rc;

	if (!correction_reason(c, err, n))
		return false;
	rc = c->record
		? store_action_update(c->ui->st, c->record, &in, c->reason, &e)
		: store_meeting_add_action(c->ui->st, c->ms->cur.uid, &in,
					   c->uid, &e);
	if (rc != 0) {
		snprintf(err, n, "%s", e.msg);
		return false;
	}
	return true;
}

/* Whether the meeting of an action (this one, or an earlier one for an
 * action carried) is closed: its date then, else NULL. */
static const char *action_closed_on(struct ui *ui, const struct mt_screen *ms,
				    const struct meeting_action *a, char *buf,
				    size_t n)
{
	struct meeting m;
	struct err e;
	bool closed;

	if (!strcmp(a->meeting_uid, ms->cur.uid))
		return closed_on(ms);
	if (store_meeting_get(ui->st, a->meeting_uid, ui->today, &m, &e) != 0)
		return NULL;
	closed = m.status == MEETING_CLOSED;
	snprintf(buf, n, "%s", m.held_on);
	store_meeting_release(&m);
	return closed ? buf : NULL;
}

/* Add an action to the plan, or correct one (edit). */
static void action_form(struct ui *ui, struct mt_screen *ms, const char *draft,
			const struct meeting_action *edit)
{
	struct form_field fields[A_COUNT];
	struct form f = { 0 };
	struct mctx c = { ui, ms, NULL, "", NULL, NULL, NULL };
	char record[STORE_UID_LEN] = "", held[DATE_ISO_LEN] = "", due[32] = "";

	form_fields_init(fields, A_COUNT);
	fields[A_WHAT].label = "Action";
	fields[A_WHAT].required = true;
	fields[A_WHAT].tkind = TEXT_LONG;
	fields[A_OWNER].label = "Qui";
	fields[A_DUE].label = "Pour le";
	fields[A_DUE].hint = "JJ/MM/AAAA (vide : sans échéance) · Entrée "
			     "enregistre";
	f.title = edit ? "Corriger l'action" : "Ajouter une action au plan";
	f.fields = fields;
	f.n = A_COUNT;
	if (edit) {
		snprintf(record, sizeof record, "%s", edit->uid);
		c.record = record;
		c.closed_on = action_closed_on(ui, ms, edit, held, sizeof held);
		form_field_set(&fields[A_WHAT], edit->what);
		form_field_set(&fields[A_OWNER], edit->owner);
		if (edit->due_on)
			ui_date(ui, edit->due_on, due, sizeof due);
		form_field_set(&fields[A_DUE], due);
	}
	if (draft)
		form_restore(&f, draft);
	if (edit ? ui_form_run(ui, &f, save_action, &c)
		 : run_form(ui, &f, save_action, &c, W_ACTION, ms->cur.uid)) {
		ui_message(ui, false, edit ? "Action corrigée : %s"
					   : "Action ajoutée : %s",
			   form_text(&f, A_WHAT));
		if (edit)
			snprintf(c.uid, sizeof c.uid, "%s", record);
		load_page(ui, ms, ms->cur.uid);
		/* the cursor on the action */
		for (size_t i = 0; i < ms->n_prow; i++)
			if (ms->prow[i].kind == ROW_ACTION &&
			    !strcmp(action_at(ms, ms->prow[i].index)->uid, c.uid))
				ms->pcur = i;
	}
	free(c.reason);
	form_release(&f);
}

/* ------------------------------------------------------------------ */
/* Actions on a meeting's page                                         */

static const struct page_row *cur_prow(const struct mt_screen *ms)
{
	return ms->n_prow ? &ms->prow[ms->pcur] : NULL;
}

static void action_status(struct ui *ui, struct mt_screen *ms, bool done)
{
	const struct page_row *pr = cur_prow(ms);
	const struct meeting_action *a;
	enum action_status next;
	char uid[STORE_UID_LEN];
	struct err e;

	if (!pr || pr->kind != ROW_ACTION) {
		ui_message(ui, true, "Placez le curseur sur une action du plan");
		return;
	}
	a = action_at(ms, pr->index);
	next = done ? ACTION_DONE
		    : (enum action_status)((a->status + 1) % ACTION_STATUS_COUNT);
	snprintf(uid, sizeof uid, "%s", a->uid);
	if (store_action_set_status(ui->st, uid, next, NULL, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "Action « %.60s » : %s", a->what,
		   action_status_vocab[next].label);
	load_page(ui, ms, ms->cur.uid);
	for (size_t i = 0; i < ms->n_prow; i++)
		if (ms->prow[i].kind == ROW_ACTION &&
		    !strcmp(action_at(ms, ms->prow[i].index)->uid, uid))
			ms->pcur = i;
}

/* Suppr (or x on an attendee): remove the attendee, decision or action
 * under the cursor, asking first, and the reason when its meeting is
 * closed; the history keeps it. */
static void delete_record(struct ui *ui, struct mt_screen *ms)
{
	const struct page_row *pr = cur_prow(ms);
	char q[256], uid[STORE_UID_LEN], held[DATE_ISO_LEN], d[32];
	const char *closed = closed_on(ms), *done;
	char *reason = NULL;
	struct err e;
	int rc;

	if (!pr || (pr->kind != ROW_ATTENDEE && pr->kind != ROW_DECISION &&
		    pr->kind != ROW_ACTION)) {
		ui_message(ui, true, "Placez le curseur sur un participant, une "
			   "décision ou une action pour la supprimer");
		return;
	}
	if (pr->kind == ROW_ATTENDEE) {
		const struct meeting_attendee *a = &ms->cur.attendees[pr->index];

		snprintf(q, sizeof q, "Ôter %.80s des participants ? (o/N)",
			 a->name);
		snprintf(uid, sizeof uid, "%s", a->uid);
		done = "Participant ôté";
	} else if (pr->kind == ROW_DECISION) {
		const struct meeting_decision *dc = &ms->cur.decisions[pr->index];

		snprintf(q, sizeof q, "Supprimer la décision n° %d « %.60s%s » ? "
			 "(o/N)", dc->position, dc->text,
			 strlen(dc->text) > 60 ? "…" : "");
		snprintf(uid, sizeof uid, "%s", dc->uid);
		done = "Décision supprimée (les suivantes sont renumérotées)";
	} else {
		const struct meeting_action *a = action_at(ms, pr->index);

		snprintf(q, sizeof q, "Supprimer l'action « %.60s%s » du plan ? "
			 "(o/N)", a->what, strlen(a->what) > 60 ? "…" : "");
		snprintf(uid, sizeof uid, "%s", a->uid);
		closed = action_closed_on(ui, ms, a, held, sizeof held);
		done = "Action supprimée du plan";
	}
	if (!ui_confirm(ui, q))
		return;
	if (closed) {
		char label[160], needed[160];

		ui_date(ui, closed, d, sizeof d);
		snprintf(label, sizeof label, "Réunion du %s close : raison de la "
			 "suppression : ", d);
		snprintf(needed, sizeof needed, "la réunion du %s est close", d);
		reason = ui_ask_reason(ui, label, needed);
		if (!reason)
			return;
	}
	rc = pr->kind == ROW_ATTENDEE
		? store_meeting_remove_attendee_reason(ui->st, uid, reason, &e)
		: pr->kind == ROW_DECISION
		? store_meeting_delete_decision(ui->st, uid, reason, &e)
		: store_action_delete(ui->st, uid, reason, &e);
	free(reason);
	if (rc != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "%s", done);
	load_page(ui, ms, ms->cur.uid);
}

/* e on a meeting's page: correct the attendee, decision or action under
 * the cursor; elsewhere on the page, the meeting itself. */
static void correct_record(struct ui *ui, struct mt_screen *ms)
{
	const struct page_row *pr = cur_prow(ms);

	if (pr && pr->kind == ROW_ATTENDEE)
		attendee_form(ui, ms, NULL, &ms->cur.attendees[pr->index]);
	else if (pr && pr->kind == ROW_DECISION)
		decision_form(ui, ms, NULL, &ms->cur.decisions[pr->index]);
	else if (pr && pr->kind == ROW_ACTION)
		action_form(ui, ms, NULL, action_at(ms, pr->index));
	else if (!editable(ms))
		ui_message(ui, true, "Réunion %s : elle ne change plus (ses "
			   "participants, décisions et actions se corrigent : e "
			   "sur leur ligne)",
			   meeting_status_vocab[ms->cur.status].label);
	else
		meeting_form(ui, ms, &ms->cur, NULL);
}

/* h: every change of the meeting and its records. */
static void show_history(struct ui *ui, struct mt_screen *ms)
{
	struct store_change *v = NULL;
	size_t n = 0;
	char title[96], d[32];
	struct err e;

	if (store_meeting_history(ui->st, ms->cur.uid, &v, &n, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_date(ui, ms->cur.held_on, d, sizeof d);
	snprintf(title, sizeof title, " Historique de la réunion du %s ", d);
	ui_show_changes(ui, title, v, n);
	store_changes_free(v, n);
}

static void start_meeting(struct ui *ui, struct mt_screen *ms)
{
	struct err e;

	if (store_meeting_open(ui->st, ms->cur.uid, &e) != 0)
		ui_message(ui, true, "%s", e.msg);
	else
		ui_message(ui, false, "Séance ouverte");
	load_page(ui, ms, ms->cur.uid);
}

static void close_meeting(struct ui *ui, struct mt_screen *ms)
{
	char q[256], d[32];
	size_t n = 0;
	struct err e;

	if (!editable(ms)) {
		ui_message(ui, true, "Cette réunion est déjà %s",
			   meeting_status_vocab[ms->cur.status].label);
		return;
	}
	ui_date(ui, ms->cur.held_on, d, sizeof d);
	snprintf(q, sizeof q, "Clore la réunion du %s et valider les valeurs "
		 "revues ? (o/N)", d);
	if (!ui_confirm(ui, q))
		return;
	if (store_meeting_close(ui->st, ms->cur.uid, &n, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "Réunion close : %zu valeur%s validée%s", n,
		   n > 1 ? "s" : "", n > 1 ? "s" : "");
	load_page(ui, ms, ms->cur.uid);
}

static void cancel_meeting(struct ui *ui, struct mt_screen *ms,
			   const char *uid, const char *held_on)
{
	char q[256], d[32], keep[STORE_UID_LEN];
	struct err e;

	ui_date(ui, held_on, d, sizeof d);
	snprintf(q, sizeof q, "Annuler la réunion du %s ? (o/N)", d);
	if (!ui_confirm(ui, q))
		return;
	snprintf(keep, sizeof keep, "%s", uid);
	if (store_meeting_cancel(ui->st, keep, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "Réunion du %s annulée", d);
	reload(ui, ms);
	if (ms->page)
		load_page(ui, ms, keep);
}

/* Where a jump lands: how to come back, unless something went wrong. */
static void back_hint(struct ui *ui)
{
	if (!ui->message_error || !ui->message[0])
		ui_message(ui, false, "Alt+5 : retour à la réunion");
}

/* From an agenda line to what it is about; Alt+5 comes back here. */
static void jump(struct ui *ui, struct mt_screen *ms)
{
	const struct page_row *pr = cur_prow(ms);
	const struct agenda_item *it;

	if (!pr || pr->kind != ROW_AGENDA) {
		ui_message(ui, true, "Entrée va à ce dont parle une ligne de "
			   "l'ordre du jour : placez-y le curseur");
		return;
	}
	it = &ms->agenda[pr->index];
	switch (it->kind) {
	case AGENDA_LAUNCH:
		/* to the launch meeting planned, else how to plan one */
		if (it->ref_uid[0])
			open_page(ui, ms, it->ref_uid);
		else
			ui_message(ui, false, "Prévoir la réunion de lancement : "
				   "Échap pour la liste, puis n (type : %s)",
				   meeting_kind_vocab[MEETING_LAUNCH].label);
		break;
	case AGENDA_MISSING:
	case AGENDA_MISSED:
	case AGENDA_DISAGREE:
	case AGENDA_VALUE:
		ui_goto_ref(ui, UI_SCREEN_DASHBOARD, &(struct ui_ref){
			.uid = it->indicator_uid, .criticality = it->criticality,
			.period = it->period });
		back_hint(ui);
		break;
	case AGENDA_REQUESTS:
		ui_goto_ref(ui, UI_SCREEN_REQUESTS, &(struct ui_ref){
			.from = ms->from, .to = ms->to });
		break;
	case AGENDA_REQUEST_LATE:
		ui_goto(ui, UI_SCREEN_REQUESTS);
		ui_draw(ui);
		ui_goto_ref(ui, UI_SCREEN_REQUESTS, &(struct ui_ref){
			.uid = it->ref_uid });
		back_hint(ui);
		break;
	case AGENDA_DISPUTE:
		ui_goto_ref(ui, UI_SCREEN_DISPUTES, &(struct ui_ref){
			.uid = it->ref_uid });
		back_hint(ui);
		break;
	case AGENDA_ACTION:
		for (size_t i = 0; i < ms->n_prow; i++)
			if (ms->prow[i].kind == ROW_ACTION &&
			    !strcmp(action_at(ms, ms->prow[i].index)->uid,
				    it->ref_uid))
				ms->pcur = i;
		break;
	case AGENDA_SYNC_CONFLICT:
		ui_goto(ui, UI_SCREEN_SYNC);
		back_hint(ui);
		break;
	default:
		break;
	}
}

/* The compte rendu as Markdown and HTML, side by side in the reports
 * folder (suivi.ini: rapports): compte-rendu-<commune>-<date>.md/.html.
 * Written again after a change, once the user agreed to replace them. */
static void write_minutes(struct ui *ui, struct mt_screen *ms)
{
	const char *dir = ui->app->cfg.reports_dir;
	struct minutes m;
	struct err e;
	char *name, *path[2];
	static const enum minutes_format fmt[2] = {
		MINUTES_MARKDOWN, MINUTES_HTML
	};
	static const char *const ext[2] = { "md", "html" };
	bool force = false;
	int i;

	if (!dir) {
		ui_message(ui, true, "Pas de dossier pour les rapports : réglez "
			   "« rapports » dans suivi.ini");
		return;
	}
	if (paths_mkdirs(dir, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	if (minutes_load(ui->st, ms->cur.uid, ui->today, &m, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	name = text_slug(ui->contracts[ui->contract].commune);
	for (i = 0; i < 2; i++)
		path[i] = xasprintf("%s/compte-rendu-%s-%s.%s", dir, name,
				    ms->cur.held_on, ext[i]);
	for (i = 0; i < 2; i++) {
		if (minutes_save(path[i], &m, fmt[i], force, &e) == 0)
			continue;
		if (e.code == ERR_EXISTS && !force) {
			char q[256], d[32];

			ui_date(ui, ms->cur.held_on, d, sizeof d);
			snprintf(q, sizeof q, "Le compte rendu du %s existe déjà "
				 "dans %s : le remplacer ? (o/N)", d, dir);
			if (!ui_confirm(ui, q))
				break;
			force = true;
			i--;
			continue;
		}
		ui_message(ui, true, "Compte rendu non écrit : %s", e.msg);
		break;
	}
	if (i == 2) {
		const char *home = getenv("HOME");
		size_t hl = home ? strlen(home) : 0;
		bool tilde = hl > 1 && !strncmp(dir, home, hl) &&
			     (dir[hl] == '/' || !dir[hl]);

		ui_message(ui, false, "Écrit dans %s%s : compte-rendu-%s-%s.md "
			   "et .html", tilde ? "~" : "", dir + (tilde ? hl : 0),
			   name, ms->cur.held_on);
	}
	else if (!ui->message_error || !ui->message[0])
		ui_message(ui, false, "Compte rendu non écrit");
	free(path[0]);
	free(path[1]);
	free(name);
	minutes_release(&m);
}

/* ------------------------------------------------------------------ */
/* Drafts                                                              */

static bool mt_screen_pending_draft(struct ui *ui)
{
	return ui_draft_pending(ui, DRAFT_SLOT);
}

static void mt_screen_offer_draft(struct ui *ui)
{
	struct mt_screen *ms = ui->mt;
	char *ctx = NULL, *text = NULL, *bar, q[512], ex[61];
	bool found;
	int what = -1;
	struct err e;

	if (!ms || store_draft_get(ui->st, DRAFT_SLOT, &ctx, &text, &found, &e)
		       != 0 || !found)
		return;
	bar = strchr(ctx, '|');
	if (bar) {
		*bar = '\0';
		for (int i = 0; i < W_COUNT; i++)
			if (!strcmp(bar + 1, what_word[i]))
				what = i;
	}
	/* the meeting it belongs to, when it still is there */
	if (what >= 0 && ctx[0]) {
		struct meeting m;

		if (store_meeting_get(ui->st, ctx, ui->today, &m, &e) != 0) {
			what = -1;
		} else {
			for (size_t i = 0; i < ui->n_contracts; i++)
				if (!strcmp(ui->contracts[i].uid, m.contract_uid)
				    && i != ui->contract) {
					ui->contract = i;
					ui->screen->enter(ui);
				}
			store_meeting_release(&m);
			open_page(ui, ms, ctx);
		}
	} else if (what != W_MEETING) {
		what = -1;
	}
	if (what < 0) {
		store_draft_delete(ui->st, DRAFT_SLOT, &e);
		goto out;
	}
	ui_draw(ui);
	form_draft_excerpt(text, -1, ex, sizeof ex);
	snprintf(q, sizeof q, "Saisie non enregistrée à la fermeture (%s) : "
		 "« %s ». La reprendre ? (o/N)", what_label[what], ex);
	if (!ui_confirm(ui, q)) {
		if (!ui->gone) {
			store_draft_delete(ui->st, DRAFT_SLOT, &e);
			ui_message(ui, false, "Brouillon abandonné");
		}
		goto out;
	}
	store_draft_delete(ui->st, DRAFT_SLOT, &e);
	switch (what) {
	case W_MEETING:
		meeting_form(ui, ms, ms->has_cur && ctx[0] ? &ms->cur : NULL,
			     text);
		break;
	case W_ATTENDEE:
		attendee_form(ui, ms, text, NULL);
		break;
	case W_DECISION:
		decision_form(ui, ms, text, NULL);
		break;
	case W_ACTION:
		action_form(ui, ms, text, NULL);
		break;
	}
out:
	free(ctx);
	free(text);
}

/* ------------------------------------------------------------------ */

static void enter(struct ui *ui)
{
	struct mt_screen *ms = ui->mt;

	if (!ms) {
		ms = ui->mt = xcalloc(1, sizeof *ms);
		ms->kind = -1;
	}
	if (ui->n_contracts && strcmp(ms->contract_uid, contract_uid(ui))) {
		snprintf(ms->contract_uid, sizeof ms->contract_uid, "%s",
			 contract_uid(ui));
		page_free(ms);
		ms->page = false;
		ms->cursor = ms->top = 0;
	}
	reload(ui, ms);
	/* back from a jump: the same line, its figures read again */
	if (ms->page && ms->has_cur) {
		size_t keep = ms->pcur;

		load_page(ui, ms, ms->cur.uid);
		ms->pcur = keep < ms->n_prow ? keep : 0;
	}
}

static void leave(struct ui *ui)
{
	(void)ui;
}

/* Incremental search in the page: the first row from where / started
 * (wrapping) holding the text, accents and case aside. */
static void on_search(struct ui *ui, const char *text, void *ctx)
{
	struct mt_screen *ms = ctx;
	char *q;

	(void)ui;
	if (!text[0] || !ms->n_prow) {
		ms->pcur = ms->search_from;
		return;
	}
	q = text_fold(text);
	for (size_t k = 0; k < ms->n_prow; k++) {
		size_t i = (ms->search_from + k) % ms->n_prow;
		char *f = text_fold(ms->prow[i].text);
		bool hit = strstr(f, q) != NULL;

		free(f);
		if (hit) {
			ms->pcur = i;
			break;
		}
	}
	free(q);
}

static void search_page(struct ui *ui, struct mt_screen *ms)
{
	char text[128] = "";

	ms->search_from = ms->pcur + 1 < ms->n_prow ? ms->pcur + 1 : 0;
	if (!ui_prompt(ui, "Chercher dans la page : ", text, sizeof text,
		       on_search, ms))
		ms->pcur = ms->search_from ? ms->search_from - 1
					   : ms->n_prow ? ms->n_prow - 1 : 0;
}

static int handle_page(struct ui *ui, struct mt_screen *ms, enum action a)
{
	const struct page_row *pr = cur_prow(ms);

	if (ui_list_nav(&ms->pcur, &ms->ptop, ms->n_prow, ms->page_rows, a))
		return UI_REDRAW;
	switch (a) {
	case ACT_BACK:
		ms->page = false;
		reload(ui, ms);
		return UI_REDRAW;
	case ACT_OPEN:
		jump(ui, ms);
		return UI_REDRAW;
	case ACT_EDIT_MEETING:
		correct_record(ui, ms);
		return UI_REDRAW;
	case ACT_DELETE:
		delete_record(ui, ms);
		return UI_REDRAW;
	case ACT_HISTORY:
		show_history(ui, ms);
		return UI_REDRAW;
	case ACT_PARTICIPANT:
	case ACT_DECISION:
	case ACT_ADD_ACTION:
		if (!editable(ms))
			ui_message(ui, true, "Réunion %s : elle ne change plus "
				   "(ses actions se suivent toujours : Espace, f)",
				   meeting_status_vocab[ms->cur.status].label);
		else if (a == ACT_PARTICIPANT)
			attendee_form(ui, ms, NULL, NULL);
		else if (a == ACT_DECISION)
			decision_form(ui, ms, NULL, NULL);
		else
			action_form(ui, ms, NULL, NULL);
		return UI_REDRAW;
	case ACT_ACTION_DONE:
		action_status(ui, ms, true);
		return UI_REDRAW;
	case ACT_ACTION_STATUS:
		action_status(ui, ms, false);
		return UI_REDRAW;
	case ACT_START_MEETING:
		start_meeting(ui, ms);
		return UI_REDRAW;
	case ACT_CLOSE_MEETING:
		close_meeting(ui, ms);
		return UI_REDRAW;
	case ACT_CANCEL_MEETING:
		if (pr && pr->kind == ROW_ATTENDEE)
			delete_record(ui, ms);
		else
			cancel_meeting(ui, ms, ms->cur.uid, ms->cur.held_on);
		return UI_REDRAW;
	case ACT_MINUTES:
		write_minutes(ui, ms);
		return UI_REDRAW;
	case ACT_SEARCH:
		search_page(ui, ms);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

/* A meeting of the list in words, for / . */
static char *meeting_words(struct ui *ui, size_t i, void *ctx)
{
	const struct mt_screen *ms = ctx;
	const struct meeting *m = &ms->rows[i];
	char d[32];

	ui_date(ui, m->held_on, d, sizeof d);
	return xasprintf("%s %s %s %s %s", d, kind_label(ms, m->kind),
			 meeting_status_vocab[m->status].label,
			 m->place ? m->place : "", m->notes ? m->notes : "");
}

static int handle(struct ui *ui, enum action a, const struct key *k)
{
	struct mt_screen *ms = ui->mt;

	(void)k;
	if (!ms || ms->error[0])
		return UI_NOTHING;
	if (ms->page && ms->has_cur)
		return handle_page(ui, ms, a);
	if (ui_list_nav(&ms->cursor, &ms->top, ms->n, ms->body_rows, a))
		return UI_REDRAW;
	switch (a) {
	case ACT_SEARCH:
		ui_list_find(ui, &ms->cursor, ms->n, meeting_words, ms);
		return UI_REDRAW;
	case ACT_NEW:
		meeting_form(ui, ms, NULL, NULL);
		return UI_REDRAW;
	case ACT_OPEN:
		if (ms->n)
			open_page(ui, ms, ms->rows[ms->cursor].uid);
		return UI_REDRAW;
	case ACT_EDIT_MEETING:
		if (!ms->n)
			return UI_REDRAW;
		if (ms->rows[ms->cursor].status == MEETING_CLOSED ||
		    ms->rows[ms->cursor].status == MEETING_CANCELLED)
			ui_message(ui, true, "Réunion %s : elle ne change plus",
				   meeting_status_vocab[ms->rows[ms->cursor]
							.status].label);
		else
			meeting_form(ui, ms, &ms->rows[ms->cursor], NULL);
		return UI_REDRAW;
	case ACT_CANCEL_MEETING:
		if (ms->n)
			cancel_meeting(ui, ms, ms->rows[ms->cursor].uid,
				       ms->rows[ms->cursor].held_on);
		return UI_REDRAW;
	case ACT_FILTER_KIND:
	case ACT_FILTER_CLEAR:
		ms->kind = a == ACT_FILTER_CLEAR || ms->kind + 1 >= MEETING_KIND_COUNT
			? -1 : ms->kind + 1;
		ms->cursor = ms->top = 0;
		reload(ui, ms);
		ui_message(ui, false, "Réunions : %s (%zu)", ms->kind < 0 ? "tous les "
			   "types" : kind_label(ms, ms->kind), ms->n);
		return UI_REDRAW;
	case ACT_MINUTES:
		if (ms->n) {
			open_page(ui, ms, ms->rows[ms->cursor].uid);
			if (ms->page)
				write_minutes(ui, ms);
		}
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

static const enum action keys[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_NEW,
	ACT_OPEN, ACT_EDIT_MEETING, ACT_BACK, ACT_PARTICIPANT, ACT_DECISION,
	ACT_ADD_ACTION, ACT_ACTION_STATUS, ACT_ACTION_DONE, ACT_START_MEETING,
	ACT_CLOSE_MEETING, ACT_CANCEL_MEETING, ACT_MINUTES, ACT_DELETE,
	ACT_HISTORY, ACT_SEARCH, ACT_FILTER_KIND, ACT_FILTER_CLEAR, ACT_NONE
};

static const enum action status_keys[] = {
	ACT_NEW, ACT_OPEN, ACT_PARTICIPANT, ACT_DECISION, ACT_ADD_ACTION,
	ACT_CLOSE_MEETING, ACT_MINUTES, ACT_NONE
};

static const struct action_word words[] = {
	{ ACT_NEW, "prévoir une réunion" },
	{ ACT_OPEN, "ouvrir, y aller" },
	{ ACT_SEARCH, "chercher (dans la liste, dans la page)" },
	{ ACT_FILTER_KIND, "filtre : type de réunion" },
	{ ACT_FILTER_CLEAR, "tous les types" },
	{ ACT_CANCEL_MEETING, "annuler la réunion (sur un participant : "
			      "l'ôter)" },
	{ ACT_EDIT_MEETING, "modifier la réunion, ou corriger la ligne "
			    "(participant, décision, action)" },
	{ ACT_DELETE, "supprimer la ligne (participant, décision, action)" },
	{ ACT_HISTORY, "historique de la réunion" },
	{ ACT_NONE, NULL },
};

/* v: the line under the cursor of a meeting's page (a decision, an
 * item of the agenda, an action), or the meeting of the list, whole. */
static char *whole(struct ui *ui, char **title)
{
	struct mt_screen *ms = ui->mt;

	if (!ms)
		return NULL;
	if (ms->page) {
		if (!ms->n_prow || ms->pcur >= ms->n_prow)
			return NULL;
		*title = xstrdup(" Réunion ");
		return xstrdup(ms->prow[ms->pcur].text ? ms->prow[ms->pcur].text
						       : "");
	}
	if (!ms->n || ms->cursor >= ms->n)
		return NULL;
	*title = xstrdup(" Réunion ");
	return xasprintf("%s%s%s%s%s", ms->rows[ms->cursor].place
			 ? "Lieu : " : "", ms->rows[ms->cursor].place
			 ? ms->rows[ms->cursor].place : "",
			 ms->rows[ms->cursor].place ? "\n" : "",
			 ms->rows[ms->cursor].notes ? "Notes : " : "",
			 ms->rows[ms->cursor].notes ? ms->rows[ms->cursor].notes
						    : "(ni lieu ni notes)");
}

static void free_state(struct ui *ui)
{
	mt_screen_free(ui->mt);
	ui->mt = NULL;
}

const struct screen_ops screen_meetings = {
	.free = free_state,
	.whole = whole,
	.pending_draft = mt_screen_pending_draft,
	.offer_draft = mt_screen_offer_draft,
	.title = "Réunions",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.handle = handle,
	.keys = keys,
	.status_keys = status_keys,
	.keymap = KEYMAP_MEETING,
	.words = words,
	.help_text = "Article 5 : une réunion de suivi chaque mois la première "
		     "année du contrat, puis au moins chaque trimestre ; au "
		     "moins deux réunions par an avec les Maires ; une réunion "
		     "de lancement, rappelée tant qu'elle n'est pas tenue. "
		     "L'ordre du jour est tiré des données depuis la réunion "
		     "précédente (la première : depuis le début du contrat) : "
		     "valeurs attendues et manquantes, une ligne par "
		     "indicateur, cibles manquées, "
		     "saisines, litiges ouverts, actions non faites (elles sont "
		     "reportées de réunion en réunion ; en retard, elles "
		     "ressortent). Entrée sur une ligne y va, Alt+5 revient. Clore "
		     "la réunion valide les valeurs des périodes finies avant "
		     "sa date ; les changer ensuite demande une raison. Sur la "
		     "page d'une réunion, e corrige le participant, la décision "
		     "ou l'action sous le curseur, Suppr la supprime (en le "
		     "demandant) ; une réunion close demande la raison du "
		     "changement, gardée dans l'historique (h). v lit une ligne "
		     "coupée en entier.",
};
