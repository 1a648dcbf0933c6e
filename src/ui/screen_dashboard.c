/*
 * The tableau de bord: indicators × the periods of a year, filled like a
 * spreadsheet. The row headers (code, label) and the column headers
 * (months) stay in place while the grid scrolls; the cell under the
 * cursor is detailed on the two lines above the status line.
 *
 * Every confirmed value goes to the store at once (its own transaction)
 * and is acknowledged on the status line; this session's changes can be
 * undone one by one (u), each undo being recorded too. What is being
 * typed when the terminal goes away is kept as a draft (store_draft_*)
 * that the next start offers back.
 */
#include "suivi/dashboard.h"
#include "ui_internal.h"
#include "suivi/cell.h"
#include "suivi/date.h"
#include "suivi/store_draft.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DRAFT_SLOT "tableau"
#define LABEL_MIN 18
#define CELL_W 8
#define TARGET_W 10
#define BASE_W 14
#define TREND_W 13
#define N_COLS 15		/* 12 months, target, baseline, trend */

struct undo {
	char uid[STORE_UID_LEN];
	char key[PERIOD_KEY_LEN];
	char *crit;
	char *what;			/* "3.3.2 · mars 2026" */
	struct measurement_before before;
};

struct dash_screen {
	struct dashboard d;
	bool loaded;
	char error[ERR_MSG_MAX];
	int year;
	size_t row, top;
	int month;			/* cursor column, 0-11 */
	int hcol;			/* first scrolled column shown */
	int body_rows;
	int label_w;
	int cell_y, cell_x, cell_w;	/* where the cursor cell is drawn */
	struct undo *undo;
	size_t n_undo, cap_undo;
	bool draft_offered;
};

static void undo_free(struct undo *u)
{
	free(u->crit);
	free(u->what);
	store_measurement_before_release(&u->before);
}

static void dash_screen_free(struct dash_screen *ds)
{
	if (!ds)
		return;
	dashboard_release(&ds->d);
	for (size_t i = 0; i < ds->n_undo; i++)
		undo_free(&ds->undo[i]);
	free(ds->undo);
	free(ds);
}

static struct date today_of(const struct ui *ui)
{
	struct date d = { 2000, 1, 1 };

	date_parse(ui->today, &d);
	return d;
}

static bool is_ind(const struct dash_screen *ds, size_t i)
{
	return i < ds->d.n_rows && ds->d.rows[i].kind == DASH_INDICATOR;
}

static struct dash_row *cur_row(struct dash_screen *ds)
{
	return is_ind(ds, ds->row) ? &ds->d.rows[ds->row] : NULL;
}

static struct dash_cell *cur_cell(struct dash_screen *ds)
{
	struct dash_row *r = cur_row(ds);

	return r ? dashboard_cell_at(r, ds->month) : NULL;
}

static int cell_index(const struct dash_row *r, const struct dash_cell *c)
{
	return (int)(c - r->cells);
}

/* "3.3.2 · critique · mars 2026" */
static char *cell_name(const struct dash_row *r, const struct dash_cell *c)
{
	char label[64];

	period_label(c->period, label, sizeof label);
	if (r->criticality && *r->criticality)
		return xasprintf("%s · %s · %s", r->ind->code, r->criticality,
				 label);
	return xasprintf("%s · %s", r->ind->code, label);
}

static void first_indicator(struct dash_screen *ds)
{
	for (size_t i = 0; i < ds->d.n_rows; i++)
		if (is_ind(ds, i)) {
			ds->row = i;
			return;
		}
	ds->row = 0;
}

static int load(struct ui *ui, struct dash_screen *ds)
{
	struct err e;
	char code[64] = "", crit[64] = "";
	size_t keep = ds->row;

	if (ds->loaded && is_ind(ds, ds->row)) {
		/* the row's own copy: the source ind points into may be
		 * gone (the contract screen reloaded it) */
		snprintf(code, sizeof code, "%s", ds->d.rows[ds->row].code);
		snprintf(crit, sizeof crit, "%s",
			 ds->d.rows[ds->row].criticality);
	}
	dashboard_release(&ds->d);
	ds->loaded = false;
	ds->error[0] = '\0';
	if (!ui->n_contracts) {
		snprintf(ds->error, sizeof ds->error, "Aucun contrat dans la "
			 "base : importez-en un avec « suivi import FICHIER ».");
		return -1;
	}
	if (dashboard_load(ui->st, ui->contracts[ui->contract].uid, ds->year,
			   ui->today, contract_screen_source(ui), &ds->d,
			   &e) != 0) {
		snprintf(ds->error, sizeof ds->error, "%s", e.msg);
		return -1;
	}
	ds->loaded = true;
	/* stay on the same indicator when the year or commune changes */
	ds->row = keep;
	if (code[0]) {
		for (size_t i = 0; i < ds->d.n_rows; i++)
			if (is_ind(ds, i) && !strcmp(ds->d.rows[i].code, code) &&
			    !strcmp(ds->d.rows[i].criticality, crit))
				ds->row = i;
	}
	if (!is_ind(ds, ds->row))
		first_indicator(ds);
	return 0;
}

static void reload_row(struct ui *ui, struct dash_screen *ds, size_t row)
{
	struct err e;

	if (dashboard_reload_row(ui->st, &ds->d, row, &e) != 0)
		ui_message(ui, true, "%s", e.msg);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

const char *ui_status_sign(const struct uiterm *t, enum value_status s)
{
	switch (s) {
	case STATUS_MET:
		return t->ascii ? "+" : "✓";
	case STATUS_MISSED:
		return t->ascii ? "x" : "×";
	case STATUS_MISSING:
		return "?";
	default:
		return " ";
	}
}

enum paint ui_status_paint(enum value_status s)
{
	switch (s) {
	case STATUS_MET:
		return PAINT_MET;
	case STATUS_MISSED:
		return PAINT_MISSED;
	case STATUS_MISSING:
		return PAINT_MISSING;
	default:
		return PAINT_NORMAL;
	}
}

static void cell_text(const struct uiterm *t, const struct dash_row *r,
		      const struct dash_cell *c, char *buf, size_t n)
{
	char v[64];

	if (!c->uid[0]) {
		snprintf(buf, n, " %s", t->ascii ? "-" : "–");
		return;
	}
	value_format(&r->spec, &c->value, false, v, sizeof v);
	if (!v[0] && c->status == STATUS_NOT_DUE) {
		/* where a value will go, not yet expected */
		snprintf(buf, n, " %s%s", t->ascii ? "." : "·",
			 c->comment ? "*" : "");
		return;
	}
	snprintf(buf, n, "%s%s%s%s%s", ui_status_sign(t, c->status),
		 c->computed ? (t->ascii ? "~" : "≈") : "", v,
		 c->is_override || c->disagrees ? "!" : "",
		 c->comment ? "*" : "");
}

static void sparkline(const struct uiterm *t, const struct dash_row *r,
		      char *buf, size_t n)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆",
					    "▇", "█" };
	static const char ascii_bars[] = "_.-~=+*#";
	double lo = 0, hi = 0;
	bool any = false;
	size_t len = 0;

	for (int i = 0; i < 12; i++)
		if (r->trend_has[i]) {
			if (!any || r->trend[i] < lo)
				lo = r->trend[i];
			if (!any || r->trend[i] > hi)
				hi = r->trend[i];
			any = true;
		}
	buf[0] = '\0';
	if (!any)
		return;
	for (int i = 0; i < 12 && len + 4 < n; i++) {
		int level = 0;

		if (r->trend_has[i] && hi > lo)
			level = (int)((r->trend[i] - lo) / (hi - lo) * 7 + 0.5);
		else if (r->trend_has[i])
			level = 3;
		if (!r->trend_has[i]) {
			buf[len++] = ' ';
		} else if (t->ascii) {
			buf[len++] = ascii_bars[level];
		} else {
			memcpy(buf + len, bars[level], strlen(bars[level]));
			len += strlen(bars[level]);
		}
		buf[len] = '\0';
	}
}

static int col_width(int col)
{
	return col < 12 ? CELL_W : col == 12 ? TARGET_W
	       : col == 13 ? BASE_W : TREND_W;
}

/* The columns shown: from hcol while they fit in w; keeps the cursor's
 * month in view. Returns the last column shown. */
static int last_col(const struct dash_screen *ds, int w)
{
	int x = 0, c = ds->hcol;

	while (c < N_COLS && x + col_width(c) <= w) {
		x += col_width(c);
		c++;
	}
	return c - 1;
}

/* The columns in view: the cursor's month always; at December, the
 * target, baseline and trend columns too; and as many columns on the left
 * as fit. */
static void scroll_to_cursor(struct dash_screen *ds, int w)
{
	int need = ds->month == 11 ? N_COLS - 1 : ds->month;

	if (ds->month < ds->hcol)
		ds->hcol = ds->month;
	while (last_col(ds, w) < need && ds->hcol < ds->month)
		ds->hcol++;
	while (ds->hcol > 0) {
		ds->hcol--;
		if (last_col(ds, w) < need) {
			ds->hcol++;
			break;
		}
	}
}

static void draw_detail(struct ui *ui, struct dash_screen *ds, int y, int w)
{
	const struct uiterm *t = &ui->term;
	struct dash_row *r = cur_row(ds);
	struct dash_cell *c = cur_cell(ds);
	struct strbuf sb;
	char v[128], tg[128];

	if (!r || !c)
		return;
	strbuf_init(&sb);
	{
		char *name = cell_name(r, c);

		strbuf_addstr(&sb, name);
		free(name);
	}
	if (!c->uid[0]) {
		strbuf_addstr(&sb, " : pas dans l'annexe en vigueur alors");
	} else {
		value_format(&r->spec, &c->value, true, v, sizeof v);
		strbuf_addf(&sb, " : %s", v[0] ? v : "—");
		if (c->computed)
			strbuf_addstr(&sb, " (calculée depuis les saisines)");
		if (c->is_override) {
			char cv[64] = "";

			if (c->has_computed)
				value_format(&r->spec, &c->computed_value, true,
					     cv, sizeof cv);
			strbuf_addf(&sb, " (forcée%s%s)", cv[0] ? ", calcul : " : "",
				    cv);
		} else if (c->disagrees) {
			char cv[64];

			value_format(&r->spec, &c->computed_value, true, cv,
				     sizeof cv);
			strbuf_addf(&sb, " (saisie ; calcul : %s)", cv);
		}
		strbuf_addf(&sb, " · %s", dashboard_status_label[c->status]);
		if (c->validated_on[0]) {
			char d[32];

			ui_date(ui, c->validated_on, d, sizeof d);
			strbuf_addf(&sb, " · validée en réunion le %s", d);
		} else if (c->entered) {
			strbuf_addstr(&sb, " · provisoire");
		}
	}
	draw_text(t, y, 0, w, PAINT_TITLE, sb.buf);
	strbuf_release(&sb);
	strbuf_init(&sb);
	value_format(&r->spec, &r->target, true, tg, sizeof tg);
	strbuf_addf(&sb, "Cible %d : %s (%s)", ds->year,
		    r->has_target ? tg : "non fixée", better_vocab[r->better].label);
	strbuf_addf(&sb, " · %s", value_kind_vocab[r->spec.kind].label);
	if (r->choosable)
		strbuf_addf(&sb, " · %s (p pour changer)",
			    r->per == PERIOD_QUARTERLY ? "suivi par trimestre"
						       : "suivi par mois");
	if (c->comment)
		strbuf_addf(&sb, " · commentaire : %s", c->comment);
	draw_text(t, y + 1, 0, w, PAINT_NORMAL, sb.buf);
	strbuf_release(&sb);
}

static void draw(struct ui *ui, int top, int rows, int cols)
{
	struct dash_screen *ds = ui->ds;
	const struct uiterm *t = &ui->term;
	struct date today = today_of(ui);
	int lw, gw, lc, y;
	char title[256];

	if (!ds || !ds->loaded) {
		draw_text(t, top + 1, 2, cols - 4, PAINT_ERROR,
			  ds && ds->error[0] ? ds->error : "Chargement…");
		return;
	}
	lw = cols / 4;
	if (lw < LABEL_MIN)
		lw = LABEL_MIN;
	if (lw > 44)
		lw = 44;
	ds->label_w = lw;
	gw = cols - lw - 1;
	scroll_to_cursor(ds, gw);
	lc = last_col(ds, gw);
	snprintf(title, sizeof title, "Tableau de bord %d%s · a : les valeurs "
		 "à saisir", ds->year,
		 ds->year == today.year ? " (année en cours)" : "");
	draw_text(t, top, 0, cols, PAINT_TITLE, title);
	/* column headers, fixed */
	y = top + 1;
	draw_text(t, y, 0, lw, PAINT_DIM, "Indicateur");
	{
		int x = lw + 1;

		for (int c = ds->hcol; c <= lc; c++) {
			char h[32];
			enum paint p = PAINT_DIM;

			if (c < 12) {
				struct period pm = { ds->year, c + 1, 0 };

				snprintf(h, sizeof h, " %s", period_heading(pm));
				if (ds->year == today.year && today.month == c + 1)
					p = PAINT_CURRENT;
				if (c == ds->month)
					p = PAINT_TITLE;
			} else {
				snprintf(h, sizeof h, " %s", c == 12 ? "Cible"
					 : c == 13 ? "Constaté" : "Tendance");
			}
			draw_text(t, y, x, col_width(c), p, h);
			x += col_width(c);
		}
	}
	draw_hline(t, y + 1, 0, cols);
	if (!ds->d.n_rows) {
		/* no annex in force in that year: say from when there is one */
		char msg[512], from[32] = "";
		const struct browse_source *src = ds->d.src;

		for (size_t i = 0; src && i < src->n_domains; i++)
			if (src->domains[i].n_versions &&
			    (!from[0] || strcmp(src->domains[i].versions[0].info
						.in_force_from, from) < 0))
				snprintf(from, sizeof from, "%s", src->domains[i]
					 .versions[0].info.in_force_from);
		if (from[0]) {
			char shown[32];

			ui_date(ui, from, shown, sizeof shown);
			snprintf(msg, sizeof msg, "Aucune annexe en vigueur en "
				 "%d : rien à mesurer (la première l'est à partir "
				 "du %s)", ds->year, shown);
		} else {
			snprintf(msg, sizeof msg, "Aucune annexe transcrite dans ce "
				 "contrat : rien à mesurer.");
		}
		draw_text(t, y + 3, 2, cols - 4, PAINT_DIM, msg);
	}
	/* body */
	/* title, headers, rule | body | rule, two detail lines */
	ds->body_rows = rows - 6;
	if (ds->body_rows < 1)
		ds->body_rows = 1;
	if (ds->row < ds->top)
		ds->top = ds->row;
	if (ds->row >= ds->top + (size_t)ds->body_rows)
		ds->top = ds->row - (size_t)ds->body_rows + 1;
	/* keep the heading of the first row's group in view when possible */
	if (ds->top > 0 && ds->row - ds->top + 2 < (size_t)ds->body_rows &&
	    !is_ind(ds, ds->top - 1))
		ds->top--;
	for (int k = 0; k < ds->body_rows; k++) {
		size_t i = ds->top + (size_t)k;
		struct dash_row *r;
		int x = lw + 1;

		y = top + 3 + k;
		if (i >= ds->d.n_rows)
			break;
		r = &ds->d.rows[i];
		if (r->kind == DASH_INDICATOR && !r->filled) {
			struct err e;

			/* read when first on screen */
			if (dashboard_fill(ui->st, &ds->d, i, &e) != 0)
				ui_message(ui, true, "%s", e.msg);
		}
		if (r->kind != DASH_INDICATOR) {
			draw_text(t, y, 0, cols,
				  r->kind == DASH_DOMAIN ? PAINT_TITLE : PAINT_DIM,
				  r->label);
			continue;
		}
		draw_text(t, y, 0, lw, i == ds->row ? PAINT_SELECTED_DIM
						    : PAINT_NORMAL, r->label);
		draw_vline(t, y, lw, 1);
		for (int c = ds->hcol; c <= lc; c++) {
			char buf[128];

			if (c < 12) {
				struct dash_cell *cell = dashboard_cell_at(r, c);
				int span = 0, cw;
				bool sel = i == ds->row && cell ==
					   dashboard_cell_at(r, ds->month);
				enum paint p;

				if (!cell)
					continue;
				/* draw a cell once, over the months it spans */
				if (c != cell->first_month && c != ds->hcol) {
					x += CELL_W;
					continue;
				}
				for (int m = c; m < cell->first_month +
				     cell->n_months && m <= lc && m < 12; m++)
					span++;
				cw = span * CELL_W;
				cell_text(t, r, cell, buf, sizeof buf);
				p = sel ? PAINT_SELECTED : ui_status_paint(cell->status);
				if (sel) {
					ds->cell_y = y;
					ds->cell_x = x;
					ds->cell_w = cw;
					draw_fill(t, y, x, cw - 1, p);
				} else if (cell->current) {
					p = cell->status == STATUS_NO_TARGET ||
					    cell->status == STATUS_NOT_DUE
						? PAINT_CURRENT : p;
				}
				draw_text(t, y, x, cw - 1, p, buf);
				x += CELL_W;
				continue;
			}
			if (c == 12)
				value_format(&r->spec, &r->target, false, buf,
					     sizeof buf);
			else if (c == 13)
				snprintf(buf, sizeof buf, "%s",
					 r->ind->baseline ? r->ind->baseline : "");
			else
				sparkline(t, r, buf, sizeof buf);
			draw_text(t, y, x + 1, col_width(c) - 1, PAINT_NORMAL, buf);
			x += col_width(c);
		}
	}
	draw_hline(t, top + rows - 2 - 1, 0, cols);
	draw_detail(ui, ds, top + rows - 2, cols);
}

/* ------------------------------------------------------------------ */
/* Moving                                                              */

static void move_rows(struct dash_screen *ds, long delta)
{
	long i = (long)ds->row;
	long step = delta > 0 ? 1 : -1;
	long left = labs(delta);

	while (left > 0) {
		long j = i + step;

		while (j >= 0 && j < (long)ds->d.n_rows && !is_ind(ds, (size_t)j))
			j += step;
		if (j < 0 || j >= (long)ds->d.n_rows)
			break;
		i = j;
		left--;
	}
	ds->row = (size_t)i;
}

static void move_cols(struct dash_screen *ds, int dir)
{
	struct dash_row *r = cur_row(ds);
	struct dash_cell *c = cur_cell(ds);

	if (!r || !c) {
		ds->month += dir;
	} else if (dir > 0) {
		ds->month = c->first_month + c->n_months;
	} else {
		ds->month = c->first_month - 1;
		if (ds->month >= 0 && (c = dashboard_cell_at(r, ds->month)))
			ds->month = c->first_month;
	}
	if (ds->month < 0)
		ds->month = 0;
	if (ds->month > 11)
		ds->month = 11;
	/* land on the first month of a wide cell */
	if (r && (c = dashboard_cell_at(r, ds->month)) && dir < 0)
		ds->month = c->first_month;
}

/* ------------------------------------------------------------------ */
/* Entry                                                               */

static const char *kind_hint(const struct value_spec *s, char *buf, size_t n)
{
	switch (s->kind) {
	case VALUE_YES_NO:
		return "oui ou non";
	case VALUE_COUNT:
		return "un nombre entier : 12";
	case VALUE_PERCENT:
		return "un pourcentage de 0 à 100 : 12,5 ou 12,5 %";
	case VALUE_RATIO:
		return "un rapport : 3/4 ou 3 sur 4";
	case VALUE_WORKLOAD:
		return "charge en j*h : réalisé (180) ou prévu/réalisé (200/180)";
	case VALUE_HOURS:
		return "une durée en heures : 4, 4 h ou 2h30";
	case VALUE_DAYS:
		return "une durée en jours : 1 ou 0,5 j";
	case VALUE_LEVEL:
		snprintf(buf, n, "un niveau de %d à %d", s->scale_min,
			 s->scale_max);
		return buf;
	default:
		return "un texte";
	}
}

static void push_undo(struct dash_screen *ds, const struct dash_row *r,
		      const struct dash_cell *c, struct measurement_before *b)
{
	struct undo *u;

	ds->undo = xgrow(ds->undo, &ds->cap_undo, ds->n_undo + 1,
			 sizeof *ds->undo);
	u = &ds->undo[ds->n_undo++];
	memset(u, 0, sizeof *u);
	snprintf(u->uid, sizeof u->uid, "%s", c->uid);
	snprintf(u->key, sizeof u->key, "%s", c->key);
	u->crit = xstrdup(r->criticality);
	u->what = cell_name(r, c);
	u->before = *b;
}

static void save_draft(struct ui *ui, struct dash_screen *ds, int cell,
		       const char *what, const char *text)
{
	char ctx[512];

	if (!text[0])
		return;
	dashboard_cell_context(&ds->d, ds->row, cell, what, ctx, sizeof ctx);
	ui_keep_draft(ui, DRAFT_SLOT, ctx, text);
}

/* A value validated at a meeting changes only with a reason (kept in
 * its history). False when none was given (Échap, or the terminal went
 * away); an empty one is asked again. */
static char *ask_reason(struct ui *ui, const struct dash_cell *c)
{
	char d[32], label[160], needed[160];

	ui_date(ui, c->validated_on, d, sizeof d);
	snprintf(label, sizeof label, "Valeur validée en réunion le %s : raison "
		 "du changement : ", d);
	snprintf(needed, sizeof needed, "la valeur a été validée en réunion "
		 "le %s", d);
	return ui_ask_reason(ui, label, needed);
}

/* Edit the cursor cell, starting from text (or its value). Returns true
 * when a value was saved. */
static bool edit_cell_with(struct ui *ui, struct dash_screen *ds,
			   const char *start, char **reasonp)
{
	struct dash_row *r = cur_row(ds);
	struct dash_cell *c = cur_cell(ds);
	char text[VALUE_TEXT_MAX + 1] = "", hintbuf[64], hint[256];
#define reason (*reasonp)

	if (!r || !c)
		return false;
	if (!c->uid[0]) {
		ui_message(ui, true, "Pas d'indicateur %s dans l'annexe en vigueur "
			   "à cette période : rien à saisir", r->ind->code);
		return false;
	}
	if (start)
		snprintf(text, sizeof text, "%s", start);
	else if (c->entered)
		value_edit_text(&r->spec, &c->value, text, sizeof text);
	snprintf(hint, sizeof hint, "%s · Entrée enregistre, Échap annule",
		 kind_hint(&r->spec, hintbuf, sizeof hintbuf));
	for (;;) {
		struct value v;
		struct measurement_before before;
		struct err e;
		char shown[128];
		int w = ds->cell_w < 24 ? 24 : ds->cell_w;

		if (!ui_edit(ui, ds->cell_y, ds->cell_x, w, hint, text,
			     sizeof text)) {
			if (ui->gone)
				save_draft(ui, ds, cell_index(r, c), "valeur", text);
			return false;
		}
		if (value_parse(&r->spec, text, &v, &e) != 0) {
			ui_message(ui, true, "%s", e.msg);
			continue;	/* what was typed stays, to correct */
		}
		if (value_outlier(&r->spec, &v, r->history, r->n_history)) {
			char q[256];

			value_format(&r->spec, &v, true, shown, sizeof shown);
			snprintf(q, sizeof q, "%s est très loin des valeurs "
				 "habituelles de %s : enregistrer quand même ? "
				 "(o/N)", shown, r->ind->code);
			if (!ui_confirm(ui, q)) {
				value_release(&v);
				if (ui->gone) {
					save_draft(ui, ds, cell_index(r, c),
						   "valeur", text);
					return false;
				}
				continue;
			}
		}
		free(reason);
		reason = NULL;
		if (c->validated_on[0] && !(reason = ask_reason(ui, c))) {
			value_release(&v);
			if (ui->gone) {
				save_draft(ui, ds, cell_index(r, c), "valeur", text);
				return false;
			}
			continue;	/* back to the value, as typed */
		}
		if (cell_set(ui->st, c->uid, c->key, r->criticality, &v,
			     c->has_computed, reason, NULL, &before, &e) != 0) {
			value_release(&v);
			ui_message(ui, true, "Non enregistré : %s", e.msg);
			continue;
		}
		value_format(&r->spec, &v, true, shown, sizeof shown);
		value_release(&v);
		{
			char *name = cell_name(r, c);

			ui_ack_log("valeur", r->code, c->key, r->criticality,
				   shown, (const char *)NULL);
			ui_message(ui, false, "Enregistré : %s = %s", name, shown);
			free(name);
		}
		push_undo(ds, r, c, &before);
		reload_row(ui, ds, ds->row);
		return true;
	}
}

#undef reason

static bool edit_cell(struct ui *ui, struct dash_screen *ds, const char *start)
{
	char *reason = NULL;
	bool saved = edit_cell_with(ui, ds, start, &reason);

	free(reason);
	return saved;
}

static void comment_cell(struct ui *ui, struct dash_screen *ds,
			 const char *start)
{
	struct dash_row *r = cur_row(ds);
	struct dash_cell *c = cur_cell(ds);
	char label[256];
	char *name;
	struct edit ed;
	struct err e;

	if (!r || !c || !c->uid[0])
		return;
	edit_init(&ed, TEXT_LONG, start ? start : c->comment ? c->comment : "");
	ed.multiline = false;
	name = cell_name(r, c);
	snprintf(label, sizeof label, "Commentaire %s : ", name);
	free(name);
	if (!ui_prompt_edit(ui, label, &ed, NULL, NULL)) {
		if (ui->gone)
			save_draft(ui, ds, cell_index(r, c), "commentaire",
				   edit_text(&ed));
		edit_release(&ed);
		return;
	}
	if (store_measurement_comment(ui->st, c->uid, c->key, r->criticality,
				      edit_text(&ed), &e) != 0) {
		ui_message(ui, true, "Non enregistré : %s", e.msg);
		edit_release(&ed);
		return;
	}
	ui_message(ui, false, edit_text(&ed)[0] ? "Commentaire enregistré"
						: "Commentaire retiré");
	edit_release(&ed);
	reload_row(ui, ds, ds->row);
}

static void clear_cell(struct ui *ui, struct dash_screen *ds)
{
	struct dash_row *r = cur_row(ds);
	struct dash_cell *c = cur_cell(ds);
	struct measurement_before before;
	struct err e;
	char *reason = NULL;

	if (!r || !c || !c->uid[0])
		return;
	if (!c->entered) {
		ui_message(ui, true, c->computed ? "Valeur calculée : rien de saisi "
			   "à effacer" : "Rien à effacer ici");
		return;
	}
	if (c->validated_on[0] && !(reason = ask_reason(ui, c)))
		return;
	if (cell_clear(ui->st, c->uid, c->key, r->criticality, reason,
		       &before, &e) != 0) {
		free(reason);
		ui_message(ui, true, "Non effacé : %s", e.msg);
		return;
	}
	free(reason);
	push_undo(ds, r, c, &before);
	{
		char *name = cell_name(r, c);

		ui_message(ui, false, "Effacé : %s (u pour annuler)", name);
		free(name);
	}
	reload_row(ui, ds, ds->row);
}

static void undo_last(struct ui *ui, struct dash_screen *ds)
{
	struct undo *u;
	struct err e;

	if (!ds->n_undo) {
		ui_message(ui, true, "Rien à annuler dans cette séance");
		return;
	}
	u = &ds->undo[ds->n_undo - 1];
	if (store_measurement_restore(ui->st, u->uid, u->key, u->crit,
				      &u->before, &e) != 0) {
		ui_message(ui, true, "Non annulé : %s", e.msg);
		return;
	}
	ui_message(ui, false, "Annulé : %s (%zu modification%s encore "
		   "annulable%s)", u->what, ds->n_undo - 1,
		   ds->n_undo - 1 > 1 ? "s" : "", ds->n_undo - 1 > 1 ? "s" : "");
	undo_free(u);
	ds->n_undo--;
	/* the row undone may be anywhere: every row is read again when
	 * next shown */
	dashboard_forget(&ds->d);
}

static void show_history(struct ui *ui, struct dash_screen *ds)
{
	struct dash_row *r = cur_row(ds);
	struct dash_cell *c = cur_cell(ds);
	struct measurement_event *ev;
	size_t n;
	struct err e;
	char **lines;
	char *name, title[256];

	if (!r || !c || !c->uid[0])
		return;
	if (store_measurement_history(ui->st, c->uid, c->key, r->criticality,
				      &ev, &n, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	lines = xcalloc(n + 1, sizeof *lines);
	for (size_t i = 0; i < n; i++) {
		char v[128], when[DATE_STAMP_LEN];
		const char *what = !strcmp(ev[i].action, "set") ? "saisie"
			: !strcmp(ev[i].action, "clear") ? "effacée"
			: !strcmp(ev[i].action, "undo") ? "annulation, revient à"
			: !strcmp(ev[i].action, "comment") ? "commentaire"
			: !strcmp(ev[i].action, "validate") ? "validée en réunion :"
			: ev[i].action;

		value_format(&r->spec, &ev[i].value, true, v, sizeof v);
		/* stored in UTC, read in the user's local time */
		date_stamp_local(ev[i].at, when);
		if (!strcmp(ev[i].action, "comment"))
			lines[i] = xasprintf("%s · %s · %s : %s", when,
					     ev[i].author, what,
					     ev[i].comment ? ev[i].comment
							   : "(retiré)");
		else
			lines[i] = xasprintf("%s · %s · %s %s%s%s", when,
					     ev[i].author, what, v[0] ? v : "(vide)",
					     ev[i].reason ? " · raison : " : "",
					     ev[i].reason ? ev[i].reason : "");
	}
	if (!n)
		lines[n++] = xstrdup("Aucune modification enregistrée.");
	name = cell_name(r, c);
	snprintf(title, sizeof title, " Historique : %s ", name);
	free(name);
	ui_overlay(ui, title, lines, n);
	text_lines_free(lines, n);
	store_measurement_history_free(ev, n == 1 && !ev ? 0 : n);
}

static void set_target(struct ui *ui, struct dash_screen *ds)
{
	struct dash_row *r = cur_row(ds);
	char text[256] = "", label[256], dir[8] = "";
	struct value v = { 0 };
	struct err e;
	int better = -1;

	if (!r)
		return;
	if (r->has_target)
		value_edit_text(&r->spec, &r->target, text, sizeof text);
	snprintf(label, sizeof label, "Cible %d de %s%s%s (vide : aucune) : ",
		 ds->year, r->ind->code, *r->criticality ? " · " : "",
		 r->criticality);
	for (;;) {
		if (!ui_prompt(ui, label, text, sizeof text, NULL, NULL))
			return;
		if (!text[0] || value_parse(&r->spec, text, &v, &e) == 0)
			break;
		ui_message(ui, true, "%s", e.msg);
	}
	snprintf(label, sizeof label, "Sens : + plus haut est meilleur, - plus "
		 "bas, Entrée : celui du contrat (%s) : ",
		 better_vocab[r->ind->better].label);
	for (;;) {
		if (!ui_prompt(ui, label, dir, sizeof dir, NULL, NULL)) {
			value_release(&v);
			return;
		}
		if (!dir[0] || !strcmp(dir, "+") || !strcmp(dir, "-"))
			break;
		ui_message(ui, true, "+, - ou rien");
	}
	if (dir[0])
		better = dir[0] == '+' ? BETTER_HIGHER : BETTER_LOWER;
	if (store_target_set(ui->st, r->uid, ds->year, r->criticality,
			     text[0] ? &v : NULL, better, &e) != 0)
		ui_message(ui, true, "Cible non enregistrée : %s", e.msg);
	else
		ui_message(ui, false, text[0] ? "Cible %d enregistrée"
					      : "Cible %d retirée", ds->year);
	value_release(&v);
	reload_row(ui, ds, ds->row);
}

static void toggle_periodicity(struct ui *ui, struct dash_screen *ds)
{
	struct dash_row *r = cur_row(ds);
	bool quarterly;
	struct err e;

	if (!r)
		return;
	if (!r->choosable) {
		ui_message(ui, true, "%s est suivi %s : le contrat ne laisse pas "
			   "le choix", r->ind->code,
			   periodicity_vocab[r->ind->periodicity].label);
		return;
	}
	quarterly = r->per != PERIOD_QUARTERLY;
	if (store_indicator_set_quarterly(ui->st, r->uid, quarterly, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	for (size_t i = 0; i < ds->d.n_rows; i++)
		if (is_ind(ds, i) && ds->d.rows[i].ind == r->ind)
			reload_row(ui, ds, i);
	ui_message(ui, false, "%s : suivi par %s (les valeurs déjà saisies "
		   "restent enregistrées)", r->ind->code,
		   quarterly ? "trimestre" : "mois");
}

static void go_to(struct dash_screen *ds, size_t row, int cell)
{
	ds->row = row;
	ds->month = ds->d.rows[row].cells[cell].first_month;
}

/* À saisir: the list, then, on Entrée, each cell in turn. */
static void todo(struct ui *ui, struct dash_screen *ds)
{
	/* up to the month under the cursor: what is due is due anyway */
	struct dash_todo *list;
	struct err e;
	size_t n;

	if (dashboard_fill_all(ui->st, &ds->d, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	n = dashboard_todo(&ds->d, ds->month, &list);
	char **lines, title[128];
	enum action a;

	if (!n) {
		free(list);
		ui_message(ui, false, "Rien à saisir jusqu'à ce mois : toutes "
			   "les valeurs attendues sont là");
		return;
	}
	lines = xcalloc(n, sizeof *lines);
	for (size_t i = 0; i < n; i++) {
		struct dash_row *r = &ds->d.rows[list[i].row];
		char *name = cell_name(r, &r->cells[list[i].cell]);

		lines[i] = xasprintf("%s  %s", name, r->ind->label);
		free(name);
	}
	snprintf(title, sizeof title, " À saisir : %zu valeur%s (Entrée : "
		 "les saisir dans l'ordre) ", n, n > 1 ? "s" : "");
	a = ui_overlay(ui, title, lines, n);
	text_lines_free(lines, n);
	if (a == ACT_OPEN || a == ACT_EDIT) {
		for (size_t i = 0; i < n; i++) {
			go_to(ds, list[i].row, list[i].cell);
			ui_draw(ui);
			if (!edit_cell(ui, ds, NULL))
				break;
		}
	}
	free(list);
}

static void change_year(struct ui *ui, struct dash_screen *ds, int year)
{
	if (!ui_year_ok(ui, year))
		return;
	ds->year = year;
	load(ui, ds);
	ui_message(ui, false, "Année %d", year);
}

static void ask_year(struct ui *ui, struct dash_screen *ds)
{
	int y;

	if (ui_ask_year(ui, &y))
		change_year(ui, ds, y);
}

/* ------------------------------------------------------------------ */
/* Drafts                                                              */

static void offer_draft(struct ui *ui, struct dash_screen *ds)
{
	char *ctx = NULL, *text = NULL;
	bool found;
	struct err e;
	char *parts[6] = { 0 };
	char *save = NULL, *copy;
	int np = 0;

	ds->draft_offered = true;
	if (store_draft_get(ui->st, DRAFT_SLOT, &ctx, &text, &found, &e) != 0 ||
	    !found)
		return;
	copy = xstrdup(ctx);
	/* contract|year|code|criticality|period|what; criticality may be "" */
	for (char *p = copy, *bar; np < 6; p = bar + 1) {
		bar = strchr(p, '|');
		parts[np++] = p;
		if (!bar)
			break;
		*bar = '\0';
	}
	(void)save;
	/* the draft may belong to another commune than the one opened */
	if (np == 6 && strcmp(parts[0], ui->contracts[ui->contract].uid)) {
		bool known = false;

		for (size_t i = 0; i < ui->n_contracts; i++)
			if (!strcmp(ui->contracts[i].uid, parts[0])) {
				ui->contract = i;
				known = true;
			}
		if (known)
			load(ui, ds);
		else
			np = 0;		/* its contract is gone: drop it */
	}
	if (np != 6) {
		store_draft_delete(ui->st, DRAFT_SLOT, &e);
	} else {
		char q[512];
		int year = atoi(parts[1]);

		snprintf(q, sizeof q, "Saisie non enregistrée à la fermeture : "
			 "« %.60s » (%s %s, %s). La reprendre ? (o/N)", text,
			 parts[2], parts[4], parts[5]);
		if (ui_confirm(ui, q)) {
			bool cell_found = false;

			if (year != ds->year)
				change_year(ui, ds, year);
			for (size_t i = 0; i < ds->d.n_rows; i++) {
				struct dash_row *r = &ds->d.rows[i];

				if (!is_ind(ds, i) || strcmp(r->ind->code, parts[2]) ||
				    strcmp(r->criticality, parts[3]))
					continue;
				for (int k = 0; k < r->n_cells; k++)
					if (!strcmp(r->cells[k].key, parts[4])) {
						go_to(ds, i, k);
						cell_found = true;
					}
			}
			store_draft_delete(ui->st, DRAFT_SLOT, &e);
			ui_draw(ui);
			if (!cell_found)
				ui_message(ui, true, "La case du brouillon n'est plus "
					   "dans le tableau de bord : « %.60s » n'est "
					   "pas repris", text);
			else if (!strcmp(parts[5], "commentaire"))
				comment_cell(ui, ds, text);
			else
				edit_cell(ui, ds, text);
		} else if (!ui->gone) {
			store_draft_delete(ui->st, DRAFT_SLOT, &e);
			ui_message(ui, false, "Brouillon abandonné");
		}
	}
	free(copy);
	free(ctx);
	free(text);
}

/* ------------------------------------------------------------------ */

static void enter(struct ui *ui)
{
	struct dash_screen *ds = ui->ds;

	if (!ds) {
		ds = ui->ds = xcalloc(1, sizeof *ds);
		ds->year = today_of(ui).year;
		ds->month = today_of(ui).month - 1;
	}
	/* always from the database: a command (suivi set) may have written
	 * meanwhile, and a year of one contract loads in milliseconds */
	load(ui, ds);
}

static void leave(struct ui *ui)
{
	(void)ui;
}

/* A jump to the cell of an indicator version's period (and
 * criticality). */
static void show(struct ui *ui, const struct ui_ref *ref)
{
	const char *indicator_uid = ref->uid, *criticality = ref->criticality,
		   *period = ref->period;
	struct dash_screen *ds = ui->ds;
	struct period p;
	struct err e;

	if (!ds || period_parse(period, &p) != 0)
		return;
	if (p.year != ds->year)
		change_year(ui, ds, p.year);
	if (!ds->loaded)
		return;
	/* the cell belongs to the version in force at its period: look at
	 * the cells, not at the rows' own versions */
	for (size_t i = 0; i < ds->d.n_rows; i++) {
		struct dash_row *r = &ds->d.rows[i];

		if (!is_ind(ds, i) ||
		    strcmp(r->criticality, criticality ? criticality : ""))
			continue;
		if (dashboard_fill(ui->st, &ds->d, i, &e) != 0) {
			ui_message(ui, true, "%s", e.msg);
			return;
		}
		for (int k = 0; k < r->n_cells; k++)
			if (!strcmp(r->cells[k].uid, indicator_uid) &&
			    !strcmp(r->cells[k].key, period)) {
				go_to(ds, i, k);
				return;
			}
	}
	ui_message(ui, true, "Cette valeur n'est plus dans le tableau de bord "
		   "de %d", p.year);
}

/* T: the indicator and period under the cursor across every commune
 * (the criticality of the row, when it is split). */
static void open_across(struct ui *ui, struct dash_screen *ds)
{
	struct dash_row *r = cur_row(ds);
	struct dash_cell *c = cur_cell(ds);
	const struct browse_domain *dom = r ? dashboard_row_domain(&ds->d, r)
					    : NULL;
	char code[128];

	if (ui->n_contracts < 2) {
		ui_message(ui, false, "Une seule commune dans la base (%s) : "
			   "« toutes les communes » compare les communes "
			   "d'une base qui en suit plusieurs",
			   ui->contracts[ui->contract].commune);
		return;
	}
	if (!r || !c || !dom) {
		ui_message(ui, true, "Placez le curseur sur un indicateur pour "
			   "le voir dans toutes les communes");
		return;
	}
	/* with its domain: a code may be in several domains */
	snprintf(code, sizeof code, "%s/%s", dom->code, r->code);
	ui_across_open(ui, code, r->criticality, &c->period);
}

/* Keys typed straight into a cell rather than obeyed. On a text cell
 * every printable key is text (its commands are then the Alt ones): a
 * word typed there never opens the history or clears the cell. */
static bool typed(const struct dash_screen *ds, enum action a,
		  const struct key *k)
{
	const struct dash_row *r = is_ind(ds, ds->row) ? &ds->d.rows[ds->row]
						       : NULL;

	if (k->special || k->alt || k->code < 0x20 || k->code == 0x7F ||
	    (k->code >= 0x80 && k->code < 0xA0))
		return false;
	if (r && r->spec.kind == VALUE_TEXT)
		return true;
	/* on a yes/no cell, the first letters of its French words (oui,
	 * non, vrai, faux) are typed, v included; y stays the year (yes is
	 * typed after Entrée) */
	if (r && r->spec.kind == VALUE_YES_NO && k->code < 0x80 &&
	    strchr("oOnNvVfF", k->code))
		return true;
	switch (a) {
	case ACT_NONE:
	case ACT_SCREEN_1: case ACT_SCREEN_2: case ACT_SCREEN_3:
	case ACT_SCREEN_4: case ACT_SCREEN_5: case ACT_SCREEN_6:
	case ACT_SCREEN_7:
	case ACT_NEXT: case ACT_PREV: case ACT_SEARCH: case ACT_DATE:
		return true;
	default:
		return false;
	}
}

static int handle(struct ui *ui, enum action a, const struct key *k)
{
	struct dash_screen *ds = ui->ds;
	int page;

	if (!ds || !ds->loaded)
		return UI_NOTHING;
	if (!ds->draft_offered)
		offer_draft(ui, ds);
	{
		struct err e;

		if (dashboard_fill(ui->st, &ds->d, ds->row, &e) != 0)
			ui_message(ui, true, "%s", e.msg);
	}
	page = ds->body_rows > 1 ? ds->body_rows - 1 : 1;
	if (typed(ds, a, k)) {
		char start[8] = "";
		int cp = k->code;

		/* the key typed is the first character of the value */
		if (cp < 0x80) {
			start[0] = (char)cp;
		} else if (cp < 0x800) {
			start[0] = (char)(0xC0 | (cp >> 6));
			start[1] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			start[0] = (char)(0xE0 | (cp >> 12));
			start[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			start[2] = (char)(0x80 | (cp & 0x3F));
		}
		/* like a spreadsheet: saved, then the cell below */
		if (edit_cell(ui, ds, start))
			move_rows(ds, 1);
		return UI_REDRAW;
	}
	switch (a) {
	case ACT_UP:
		move_rows(ds, -1);
		return UI_REDRAW;
	case ACT_DOWN:
		move_rows(ds, 1);
		return UI_REDRAW;
	case ACT_PGUP:
		move_rows(ds, -page);
		return UI_REDRAW;
	case ACT_PGDN:
		move_rows(ds, page);
		return UI_REDRAW;
	case ACT_FIRST_ROW:
		first_indicator(ds);
		return UI_REDRAW;
	case ACT_LAST_ROW:
		move_rows(ds, (long)ds->d.n_rows);
		return UI_REDRAW;
	case ACT_LEFT:
	case ACT_BACK:
		move_cols(ds, -1);
		return UI_REDRAW;
	case ACT_RIGHT:
	case ACT_TAB:
		move_cols(ds, 1);
		return UI_REDRAW;
	case ACT_EDIT:
	case ACT_OPEN:
		if (edit_cell(ui, ds, NULL))
			move_rows(ds, 1);
		return UI_REDRAW;
	case ACT_FIRST_COL:
		ds->month = 0;
		return UI_REDRAW;
	case ACT_LAST_COL:
		ds->month = 11;
		move_cols(ds, -1);
		move_cols(ds, 1);
		return UI_REDRAW;
	case ACT_COMMENT:
		comment_cell(ui, ds, NULL);
		return UI_REDRAW;
	case ACT_CLEAR:
		clear_cell(ui, ds);
		return UI_REDRAW;
	case ACT_UNDO:
		undo_last(ui, ds);
		return UI_REDRAW;
	case ACT_HISTORY:
		show_history(ui, ds);
		return UI_REDRAW;
	case ACT_TARGET:
		set_target(ui, ds);
		return UI_REDRAW;
	case ACT_PERIODICITY:
		toggle_periodicity(ui, ds);
		return UI_REDRAW;
	case ACT_TODO:
		todo(ui, ds);
		return UI_REDRAW;
	case ACT_YEAR_PREV:
		change_year(ui, ds, ds->year - 1);
		return UI_REDRAW;
	case ACT_YEAR_NEXT:
		change_year(ui, ds, ds->year + 1);
		return UI_REDRAW;
	case ACT_YEAR:
		ask_year(ui, ds);
		return UI_REDRAW;
	case ACT_ACROSS:
		open_across(ui, ds);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

static bool dash_screen_pending_draft(struct ui *ui)
{
	return ui_draft_pending(ui, DRAFT_SLOT);
}

static void dash_screen_offer_draft(struct ui *ui)
{
	if (ui->ds && ui->ds->loaded && !ui->ds->draft_offered)
		offer_draft(ui, ui->ds);
}

/* On a text cell, letters are typed: the status line says so, and which
 * keys are the commands there. */
static const char *status_hint(struct ui *ui)
{
	const struct dash_screen *ds = ui->ds;

	if (!ds || !ds->loaded || !is_ind(ds, ds->row) ||
	    ds->d.rows[ds->row].spec.kind != VALUE_TEXT)
		return NULL;
	return ui->term.ascii
		? "Case de texte : tapez le texte (les lettres s'y ecrivent)  "
		  "Entree saisir  Alt+m commenter  Suppr effacer  Alt+u annuler"
		  "  Alt+h historique"
		: "Case de texte : tapez le texte (les lettres s'y écrivent)  "
		  "Entrée saisir  Alt+m commenter  Suppr effacer  Alt+u annuler"
		  "  Alt+h historique";
}

static const enum action keys[] = {
	ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PGUP, ACT_PGDN,
	ACT_FIRST_ROW, ACT_LAST_ROW, ACT_FIRST_COL, ACT_LAST_COL, ACT_EDIT, ACT_COMMENT, ACT_CLEAR, ACT_UNDO, ACT_HISTORY,
	ACT_TARGET, ACT_PERIODICITY, ACT_TODO, ACT_YEAR_PREV, ACT_YEAR_NEXT,
	ACT_YEAR, ACT_ACROSS, ACT_NONE
};

static const enum action status_keys[] = {
	ACT_EDIT, ACT_ACROSS, ACT_COMMENT, ACT_CLEAR, ACT_UNDO, ACT_HISTORY,
	ACT_TARGET, ACT_TODO, ACT_YEAR_PREV, ACT_YEAR_NEXT, ACT_NONE
};

/* v: the cell under the cursor, its indicator, value and comment whole. */
static char *whole(struct ui *ui, char **title)
{
	struct dash_screen *ds = ui->ds;
	struct dash_row *r = ds && ds->loaded ? cur_row(ds) : NULL;
	struct dash_cell *c = r ? cur_cell(ds) : NULL;
	struct strbuf sb;
	char shown[VALUE_TEXT_MAX + 64];
	char *name;

	if (!r || !c)
		return NULL;
	name = cell_name(r, c);
	*title = xasprintf(" %s ", name);
	free(name);
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s\n\n", r->label);
	if (c->entered || c->computed) {
		value_format(&r->spec, &c->value, true, shown, sizeof shown);
		strbuf_addf(&sb, "Valeur : %s%s\n", shown,
			    c->computed && !c->entered ? " (calculée)" : "");
	} else {
		strbuf_addstr(&sb, "Valeur : (aucune)\n");
	}
	if (c->comment && *c->comment)
		strbuf_addf(&sb, "\nCommentaire : %s\n", c->comment);
	return strbuf_detach(&sb);
}

static void free_state(struct ui *ui)
{
	dash_screen_free(ui->ds);
	ui->ds = NULL;
}

const struct screen_ops screen_dashboard = {
	.free = free_state,
	.show = show,
	.whole = whole,
	.pending_draft = dash_screen_pending_draft,
	.offer_draft = dash_screen_offer_draft,
	.title = "Tableau de bord",
	.short_title = "Tableau",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.handle = handle,
	.keys = keys,
	.status_keys = status_keys,
	.keymap = KEYMAP_GRID,
	.status_hint = status_hint,
	.help_text = "Tapez une valeur sur une case (ou Entrée) : elle est "
		     "enregistrée dès Entrée. Signes : ✓ cible atteinte, × cible "
		     "manquée, ? attendue et non saisie, ≈ calculée depuis les "
		     "saisines, ! valeur saisie qui diffère du calcul, * commentaire, – "
		     "hors de l'annexe en vigueur. Couleurs : vert atteinte, rouge "
		     "manquée, magenta à saisir ; la période en cours est soulignée. "
		     "Les chiffres se tapent dans les cases : Alt+1 à Alt+6 "
		     "changent d'écran. Sur une case de texte, toutes les "
		     "lettres s'écrivent dans la case : les commandes y sont "
		     "Entrée, Suppr, les flèches et Alt+lettre (Alt+m "
		     "commenter, Alt+h historique, Alt+u annuler, Alt+t "
		     "cible…), valables sur toutes les cases. Sur une case "
		     "oui/non, les lettres de oui, non, vrai, faux (o, n, v, f) "
		     "s'y écrivent aussi.",
};
