/*
 * Toutes les communes: the indicator under the tableau de bord's cursor
 * across every commune of the database, for the cursor's period
 * (across.h). A view of the tableau de bord (its tab stays lit), opened
 * with T and left with Échap, back on the grid at the view's period.
 *
 * One row per commune (and criticality): value, target, status, trend;
 * ← → move by one period, [ ] by a year, r changes the column sorted by
 * and R its order, Entrée opens that commune's tableau de bord on the
 * cell. What the selected row says in full (its computed value, the
 * period before, why it is hors annexe) is on the two lines at the
 * bottom. The view reads what it shows once per period: a few queries
 * per commune.
 */
#include "suivi/across.h"
#include "ui_internal.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PERIOD_W 11
#define VALUE_W 14
#define TARGET_W 12
#define STATUS_W 24
#define TREND_W 12		/* "↘ en baisse" */
#define TREND_NARROW_W 4	/* "↘", below WIDE_COLS columns */
#define WIDE_COLS 96
#define TARGET_COLS 72		/* below, no target column (the detail
				 * line at the bottom gives it) */

struct across_screen {
	char code[128];
	char crit[128];			/* "" : every criticality */
	struct period period;		/* as asked */
	struct across a;
	bool loaded;
	char error[ERR_MSG_MAX];
	struct ui_list l;
	enum across_sort sort;
	bool descending;
};

static void as_free(struct across_screen *as)
{
	if (!as)
		return;
	if (as->loaded)
		across_release(&as->a);
	free(as);
}

/* The row under the cursor: its contract and criticality, to find it
 * again after a reload or a sort. */
struct cursor_row {
	char uid[STORE_UID_LEN];
	char crit[128];
};

static void cursor_keep(const struct across_screen *as, struct cursor_row *k)
{
	k->uid[0] = k->crit[0] = '\0';
	if (!as->loaded || as->l.cur >= as->a.n)
		return;
	snprintf(k->uid, sizeof k->uid, "%s",
		 as->a.rows[as->l.cur].contract_uid);
	snprintf(k->crit, sizeof k->crit, "%s",
		 as->a.rows[as->l.cur].criticality
			 ? as->a.rows[as->l.cur].criticality : "");
}

static void cursor_back(struct across_screen *as, const struct cursor_row *k)
{
	as->l.cur = 0;
	for (size_t i = 0; i < as->a.n; i++)
		if (!strcmp(as->a.rows[i].contract_uid, k->uid) &&
		    (!k->crit[0] || !as->a.rows[i].criticality ||
		     !strcmp(as->a.rows[i].criticality, k->crit))) {
			as->l.cur = i;
			break;
		}
	ui_list_scroll(&as->l);
}

/* Read the view again for the period in as (the cursor stays on the
 * same commune). */
static void load(struct ui *ui, struct across_screen *as)
{
	struct cursor_row keep;
	struct err e;

	cursor_keep(as, &keep);
	if (!keep.uid[0] && ui->n_contracts)
		/* first time: on the commune in view */
		snprintf(keep.uid, sizeof keep.uid, "%s",
			 ui->contracts[ui->contract].uid);
	if (as->loaded)
		across_release(&as->a);
	as->loaded = false;
	as->error[0] = '\0';
	if (across_load(ui->st, as->code, as->crit[0] ? as->crit : NULL,
			as->period, ui->today, &as->a, &e) != 0) {
		snprintf(as->error, sizeof as->error, "%s", e.msg);
		as->l.n = 0;
		return;
	}
	as->loaded = true;
	across_sort(&as->a, as->sort, as->descending);
	as->l.n = as->a.n;
	cursor_back(as, &keep);
}

/* Sort again, the cursor staying on its row. */
static void resort(struct across_screen *as)
{
	struct cursor_row keep;

	if (!as->loaded)
		return;
	cursor_keep(as, &keep);
	across_sort(&as->a, as->sort, as->descending);
	cursor_back(as, &keep);
}

void ui_across_open(struct ui *ui, const char *code, const char *criticality,
		    const struct period *p)
{
	struct across_screen *as = ui->as;

	if (!as)
		as = ui->as = xcalloc(1, sizeof *as);
	if (as->loaded)
		across_release(&as->a);
	as->loaded = false;
	snprintf(as->code, sizeof as->code, "%s", code);
	snprintf(as->crit, sizeof as->crit, "%s",
		 criticality ? criticality : "");
	as->period = *p;
	as->l = (struct ui_list){ 0 };
	ui->screen->leave(ui);
	ui->screen = &screen_across;
	ui->screen->enter(ui);
}

static void enter(struct ui *ui)
{
	if (ui->as)
		load(ui, ui->as);
}

static void leave(struct ui *ui)
{
	(void)ui;
}

static void free_state(struct ui *ui)
{
	as_free(ui->as);
	ui->as = NULL;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

/* The grid's sign and colour; dimmed when nothing is expected, and
 * for hors annexe (a dash). */
static enum paint status_paint(const struct across_row *r)
{
	if (!r->in_force || r->cell.status == STATUS_NOT_DUE ||
	    r->cell.status == STATUS_NOT_APPLICABLE)
		return PAINT_DIM;
	return ui_status_paint(r->cell.status);
}

static const char *status_sign(const struct uiterm *t,
			       const struct across_row *r)
{
	if (!r->in_force)
		return t->ascii ? "-" : "–";
	return ui_status_sign(t, r->cell.status);
}

/* The arrow, and its words when there is room. */
static void trend_text(const struct across_row *r, bool words, char *buf,
		       size_t n)
{
	if (r->trend == ACROSS_TREND_NONE)
		snprintf(buf, n, "%s", r->in_force ? "—" : "");
	else
		snprintf(buf, n, "%s%s%s", across_trend_arrow[r->trend],
			 words ? " " : "", words ? across_trend_label[r->trend]
						 : "");
}

/* A period in a column: "déc. 2018", "T4 2018", "2018". */
static void short_period(struct period p, char *buf, size_t n)
{
	if (p.month || p.quarter)
		snprintf(buf, n, "%s %d", period_heading(p), p.year);
	else
		snprintf(buf, n, "%d", p.year);
}

/* Whether a row's period is not the one asked for (another
 * periodicity): the view then shows a period column. */
static bool periods_differ(const struct across *a)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->rows[i].in_force &&
		    period_cmp(a->rows[i].cell.period, a->period))
			return true;
	return false;
}

/* "Le Haillan", with its criticality when the view shows several. */
static void commune_text(const struct across_screen *as,
			 const struct across_row *r, char *buf, size_t n)
{
	if (!as->crit[0] && r->criticality && *r->criticality)
		snprintf(buf, n, "%s · %s", r->commune, r->criticality);
	else
		snprintf(buf, n, "%s", r->commune);
}

static void draw_detail(struct ui *ui, struct across_screen *as, int y,
			int w)
{
	const struct uiterm *t = &ui->term;
	const struct across_row *r;
	struct strbuf sb;
	char v[VALUE_TEXT_MAX + 64], label[64];

	if (as->l.cur >= as->a.n)
		return;
	r = &as->a.rows[as->l.cur];
	strbuf_init(&sb);
	commune_text(as, r, v, sizeof v);
	strbuf_addstr(&sb, v);
	if (!r->in_force) {
		strbuf_addf(&sb, " : hors annexe — %s", r->why ? r->why : "");
		draw_text(t, y, 0, w, PAINT_TITLE, sb.buf);
		strbuf_release(&sb);
		return;
	}
	period_label(r->cell.period, label, sizeof label);
	across_value_text(r, v, sizeof v);
	strbuf_addf(&sb, " · %s : %s", label, v[0] ? v : "—");
	if (r->cell.computed)
		strbuf_addstr(&sb, " (calculée depuis les saisines)");
	strbuf_addf(&sb, " · %s", dashboard_status_label[r->cell.status]);
	if (r->cell.validated_on[0]) {
		char d[32];

		ui_date(ui, r->cell.validated_on, d, sizeof d);
		strbuf_addf(&sb, " · validée en réunion le %s", d);
	} else if (r->cell.entered) {
		strbuf_addstr(&sb, " · provisoire");
	}
	draw_text(t, y, 0, w, PAINT_TITLE, sb.buf);
	strbuf_release(&sb);
	strbuf_init(&sb);
	period_label(r->prev.period, label, sizeof label);
	across_prev_text(r, v, sizeof v);
	strbuf_addf(&sb, "Avant (%s) : %s", label,
		    !r->prev.uid[0] ? "pas dans l'annexe en vigueur alors"
		    : v[0] ? v : "aucune valeur");
	if (r->trend != ACROSS_TREND_NONE) {
		int j = across_trend_judgement(r);

		strbuf_addf(&sb, " · %s%s", across_trend_label[r->trend],
			    j > 0 ? " (dans le bon sens)"
			    : j < 0 ? " (dans le mauvais sens)" : "");
	}
	across_target_text(r, v, sizeof v);
	strbuf_addf(&sb, " · cible %d : %s", r->cell.period.year,
		    v[0] ? v : "non fixée");
	strbuf_addf(&sb, " · %s", r->label);
	draw_text(t, y + 1, 0, w, PAINT_NORMAL, sb.buf);
	strbuf_release(&sb);
}

/* The indicator's label as the commune in view has it, else as the
 * first commune that has it ("" when none does). */
static const char *view_label(const struct ui *ui,
			      const struct across_screen *as)
{
	for (size_t i = 0; i < as->a.n; i++)
		if (as->a.rows[i].in_force &&
		    !strcmp(as->a.rows[i].contract_uid,
			    ui->contracts[ui->contract].uid))
			return as->a.rows[i].label;
	for (size_t i = 0; i < as->a.n; i++)
		if (as->a.rows[i].in_force)
			return as->a.rows[i].label;
	return "";
}

static void draw(struct ui *ui, int top, int rows, int cols)
{
	struct across_screen *as = ui->as;
	const struct uiterm *t = &ui->term;
	char title[512], label[64], buf[VALUE_TEXT_MAX + 64];
	bool with_period;
	int cw, tw, gw, x, y, body;

	if (!as) {
		draw_text(t, top + 1, 2, cols - 4, PAINT_ERROR, "Chargement…");
		return;
	}
	period_label(as->period, label, sizeof label);
	{
		const char *slash = strrchr(as->code, '/');

		/* the period first: a long label is what gets cut */
		snprintf(title, sizeof title, "Toutes les communes · %s · %s%s%s%s"
			 " %s", label, slash ? slash + 1 : as->code,
			 as->crit[0] ? " [" : "", as->crit,
			 as->crit[0] ? "]" : "",
			 as->loaded ? view_label(ui, as) : "");
	}
	draw_text(t, top, 0, cols, PAINT_TITLE, title);
	if (!as->loaded) {
		draw_text(t, top + 2, 2, cols - 4, PAINT_ERROR, as->error[0]
			  ? as->error : "Chargement…");
		return;
	}
	{
		size_t in_force = 0;

		/* communes (not rows: criticalities) where it is in force */
		for (size_t i = 0; i < as->a.n; i++) {
			bool seen = false;

			for (size_t j = 0; j < i && !seen; j++)
				seen = as->a.rows[j].in_force &&
				       !strcmp(as->a.rows[j].contract_uid,
					       as->a.rows[i].contract_uid);
			in_force += as->a.rows[i].in_force && !seen;
		}
		snprintf(title, sizeof title, "%zu communes, l'indicateur en "
			 "vigueur dans %zu · tri : %s, ordre %s",
			 ui->n_contracts, in_force,
			 across_sort_name[as->sort],
			 as->descending ? "décroissant" : "croissant");
		draw_text(t, top + 1, 0, cols, PAINT_DIM, title);
	}
	with_period = periods_differ(&as->a);
	/* narrow: the trend's arrow only, for the communes' names */
	tw = cols >= WIDE_COLS ? TREND_W : TREND_NARROW_W;
	gw = cols >= TARGET_COLS ? TARGET_W : 0;
	cw = cols - UI_LIST_INDENT - VALUE_W - gw - STATUS_W - tw -
	     (with_period ? PERIOD_W : 0);
	if (cw < 12)
		cw = 12;
	/* column headers */
	y = top + 2;
	x = UI_LIST_INDENT;
	draw_text(t, y, x, cw - 1, PAINT_DIM, "Commune");
	x += cw;
	if (with_period) {
		draw_text(t, y, x, PERIOD_W - 1, PAINT_DIM, "Période");
		x += PERIOD_W;
	}
	draw_text(t, y, x, VALUE_W - 1, PAINT_DIM, "Valeur");
	x += VALUE_W;
	draw_text(t, y, x, gw - 1, PAINT_DIM, "Cible");
	x += gw;
	draw_text(t, y, x, STATUS_W - 1, PAINT_DIM, "Statut");
	x += STATUS_W;
	draw_text(t, y, x, tw, PAINT_DIM, tw == TREND_W ? "Tendance" : "Tend");
	draw_hline(t, top + 3, 0, cols);
	/* title, counts, headers, rule | body | rule, two detail lines */
	body = rows - 7;
	if (body < 1)
		body = 1;
	as->l.rows = body;
	ui_list_scroll(&as->l);
	for (int k = 0; k < body; k++) {
		size_t i = as->l.top + (size_t)k;
		const struct across_row *r;
		bool on;

		if (i >= as->a.n)
			break;
		r = &as->a.rows[i];
		on = i == as->l.cur;
		y = top + 4 + k;
		x = ui_list_mark(ui, y, cols, on);
		commune_text(as, r, buf, sizeof buf);
		draw_text(t, y, x, cw - 1, on ? PAINT_SELECTED
			  : r->in_force ? PAINT_NORMAL : PAINT_DIM, buf);
		x += cw;
		if (with_period) {
			if (r->in_force) {
				short_period(r->cell.period, buf, sizeof buf);
				draw_text(t, y, x, PERIOD_W - 1,
					  on ? PAINT_SELECTED : PAINT_NORMAL, buf);
			}
			x += PERIOD_W;
		}
		/* ≈ before a value computed from the request log */
		{
			int sw = r->in_force && r->cell.computed ? 1 : 0;

			if (sw)
				draw_text(t, y, x, 1, on ? PAINT_SELECTED
					  : PAINT_NORMAL, t->ascii ? "~" : "≈");
			across_value_text(r, buf, sizeof buf);
			draw_text(t, y, x + sw, VALUE_W - 1 - sw,
				  on ? PAINT_SELECTED : PAINT_NORMAL, buf);
		}
		x += VALUE_W;
		across_target_text(r, buf, sizeof buf);
		draw_text(t, y, x, gw - 1, on ? PAINT_SELECTED
			  : PAINT_NORMAL, buf);
		x += gw;
		snprintf(buf, sizeof buf, "%s %s", status_sign(t, r),
			 across_status_text(r));
		draw_text(t, y, x, STATUS_W - 1, on ? PAINT_SELECTED
			  : status_paint(r), buf);
		x += STATUS_W;
		trend_text(r, tw == TREND_W, buf, sizeof buf);
		{
			int j = across_trend_judgement(r);

			draw_text(t, y, x, tw, on ? PAINT_SELECTED
				  : j > 0 ? PAINT_MET : j < 0 ? PAINT_MISSED
				  : PAINT_NORMAL, buf);
		}
	}
	draw_hline(t, top + rows - 3, 0, cols);
	draw_detail(ui, as, top + rows - 2, cols);
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */

/* The row's cell in its commune's tableau de bord. */
static bool ref_of(const struct across_row *r, struct ui_ref *ref)
{
	if (!r->in_force)
		return false;
	*ref = (struct ui_ref){ r->indicator_uid, r->criticality,
				r->cell.key, NULL, NULL };
	return true;
}

/* Échap: the grid, on the view's period for the commune in view. */
static void back(struct ui *ui, struct across_screen *as)
{
	struct ui_ref ref;

	for (size_t i = 0; as->loaded && i < as->a.n; i++) {
		const struct across_row *r = &as->a.rows[i];

		if (strcmp(r->contract_uid, ui->contracts[ui->contract].uid) ||
		    (as->crit[0] && strcmp(r->criticality, as->crit)) ||
		    !ref_of(r, &ref))
			continue;
		ui_goto_ref(ui, UI_SCREEN_DASHBOARD, &ref);
		return;
	}
	ui_goto(ui, UI_SCREEN_DASHBOARD);
}

/* Entrée: that commune's tableau de bord, on the row's cell. */
static void open_row(struct ui *ui, struct across_screen *as)
{
	const struct across_row *r;
	struct ui_ref ref;

	if (!as->loaded || as->l.cur >= as->a.n)
		return;
	r = &as->a.rows[as->l.cur];
	for (size_t i = 0; i < ui->n_contracts; i++)
		if (!strcmp(ui->contracts[i].uid, r->contract_uid))
			ui->contract = i;
	if (ref_of(r, &ref)) {
		ui_goto_ref(ui, UI_SCREEN_DASHBOARD, &ref);
	} else {
		char *why = xstrdup(r->why ? r->why : "");

		ui_goto(ui, UI_SCREEN_DASHBOARD);
		ui_message(ui, false, "%s : hors annexe — %s",
			   ui->contracts[ui->contract].commune, why);
		free(why);
	}
}

static void move_period(struct ui *ui, struct across_screen *as, int dir,
			bool year)
{
	struct period p = as->period;

	if (year)
		p.year += dir;
	else
		p = dir < 0 ? period_prev(p) : period_next(p);
	if (!ui_year_ok(ui, p.year))
		return;
	as->period = p;
	load(ui, as);
}

static void ask_period(struct ui *ui, struct across_screen *as)
{
	char text[32] = "";
	struct period p;

	if (!ui_prompt(ui, "Période (2018-03, 2018-T1 ou 2018) : ", text,
		       sizeof text, NULL, NULL) || !*text)
		return;
	if (period_parse(text, &p) != 0) {
		ui_message(ui, true, "« %s » n'est pas une période : 2018-03, "
			   "03/2018, 2018-T1 ou 2018", text);
		return;
	}
	if (!ui_year_ok(ui, p.year))
		return;
	as->period = p;
	load(ui, as);
}

static char *row_words(struct ui *ui, size_t i, void *ctx)
{
	struct across_screen *as = ctx;

	(void)ui;
	return xasprintf("%s %s", as->a.rows[i].commune,
			 as->a.rows[i].criticality ? as->a.rows[i].criticality
						   : "");
}

static int handle(struct ui *ui, enum action a, const struct key *k)
{
	struct across_screen *as = ui->as;

	(void)k;
	if (!as)
		return UI_NOTHING;
	if (ui_list_key(&as->l, a))
		return UI_REDRAW;
	switch (a) {
	case ACT_BACK:
		back(ui, as);
		return UI_REDRAW;
	case ACT_OPEN:
		open_row(ui, as);
		return UI_REDRAW;
	case ACT_LEFT:
	case ACT_RIGHT:
		move_period(ui, as, a == ACT_LEFT ? -1 : 1, false);
		return UI_REDRAW;
	case ACT_YEAR_PREV:
	case ACT_YEAR_NEXT:
		move_period(ui, as, a == ACT_YEAR_PREV ? -1 : 1, true);
		return UI_REDRAW;
	case ACT_FILTER_PERIOD:
		ask_period(ui, as);
		return UI_REDRAW;
	case ACT_SORT:
		as->sort = (enum across_sort)((as->sort + 1) % ACROSS_SORT_COUNT);
		as->descending = false;
		resort(as);
		ui_message(ui, false, "Tri par %s (R inverse l'ordre)",
			   across_sort_name[as->sort]);
		return UI_REDRAW;
	case ACT_SORT_REVERSE:
		as->descending = !as->descending;
		resort(as);
		ui_message(ui, false, "Tri par %s, ordre %s",
			   across_sort_name[as->sort],
			   as->descending ? "décroissant" : "croissant");
		return UI_REDRAW;
	case ACT_SEARCH:
		if (as->loaded)
			ui_list_find(ui, &as->l.cur, as->a.n, row_words, as);
		ui_list_scroll(&as->l);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

/* v: the selected row whole. */
static char *whole(struct ui *ui, char **title)
{
	struct across_screen *as = ui->as;
	const struct across_row *r;
	struct strbuf sb;
	char v[VALUE_TEXT_MAX + 64], label[64];

	if (!as || !as->loaded || as->l.cur >= as->a.n)
		return NULL;
	r = &as->a.rows[as->l.cur];
	*title = xasprintf(" %s ", r->commune);
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s\n\n", as->a.label);
	if (!r->in_force) {
		strbuf_addf(&sb, "Hors annexe : %s\n", r->why ? r->why : "");
		return strbuf_detach(&sb);
	}
	if (r->criticality[0])
		strbuf_addf(&sb, "Criticité : %s\n", r->criticality);
	period_label(r->cell.period, label, sizeof label);
	across_value_text(r, v, sizeof v);
	strbuf_addf(&sb, "Période : %s\nValeur : %s%s\n", label,
		    v[0] ? v : "(aucune)",
		    r->cell.computed ? " (calculée depuis les saisines)" : "");
	across_target_text(r, v, sizeof v);
	strbuf_addf(&sb, "Cible : %s\nStatut : %s\n", v[0] ? v : "non fixée",
		    across_status_text(r));
	period_label(r->prev.period, label, sizeof label);
	across_prev_text(r, v, sizeof v);
	strbuf_addf(&sb, "Période précédente (%s) : %s\nTendance : %s\n", label,
		    v[0] ? v : "(aucune valeur)",
		    r->trend != ACROSS_TREND_NONE ? across_trend_label[r->trend]
						  : "(aucune)");
	if (r->cell.comment && *r->cell.comment)
		strbuf_addf(&sb, "\nCommentaire : %s\n", r->cell.comment);
	return strbuf_detach(&sb);
}

static const enum action keys[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_LEFT,
	ACT_RIGHT, ACT_YEAR_PREV, ACT_YEAR_NEXT, ACT_FILTER_PERIOD, ACT_SORT,
	ACT_SORT_REVERSE, ACT_OPEN, ACT_BACK, ACT_SEARCH, ACT_NONE
};

static const enum action status_keys[] = {
	ACT_LEFT, ACT_RIGHT, ACT_SORT, ACT_SORT_REVERSE, ACT_OPEN, ACT_BACK,
	ACT_YEAR_PREV, ACT_YEAR_NEXT, ACT_NONE
};

static const struct action_word words[] = {
	{ ACT_LEFT, "période précédente" },
	{ ACT_RIGHT, "période suivante" },
	{ ACT_YEAR_PREV, "un an avant" },
	{ ACT_YEAR_NEXT, "un an après" },
	{ ACT_FILTER_PERIOD, "aller à une période" },
	{ ACT_SORT, "trier (colonne suivante)" },
	{ ACT_SORT_REVERSE, "inverser l'ordre" },
	{ ACT_OPEN, "tableau de bord de la commune" },
	{ ACT_BACK, "retour" },
	{ ACT_SEARCH, "chercher une commune" },
	{ ACT_NONE, NULL },
};

/* ← → move the period here: not among the keys that open and go back */
static const struct action_keys key_labels[] = {
	{ ACT_LEFT, "←", "<-", "←", "<-" },
	{ ACT_RIGHT, "→", "->", "→", "->" },
	{ ACT_OPEN, "Entrée", "Entree", "Entrée l", "Entree l" },
	{ ACT_BACK, "Échap", "Echap", "Échap h Retour arr.",
	  "Echap h Retour arr." },
	{ ACT_NONE, NULL, NULL, NULL, NULL },
};

const struct screen_ops screen_across = {
	.title = "Toutes les communes",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.handle = handle,
	.keys = keys,
	.status_keys = status_keys,
	.keymap = KEYMAP_ACROSS,
	.words = words,
	.key_labels = key_labels,
	.whole = whole,
	.free = free_state,
	.tab = &screen_dashboard,
	.help_text = "L'indicateur du tableau de bord dans chaque commune de "
		     "la base, pour une période : une ligne par commune (et par "
		     "criticité), avec la valeur de la période, la cible de "
		     "l'année, le statut et la tendance, calculés comme dans le "
		     "tableau de bord de chaque commune. Tendance : la valeur "
		     "comparée à la période précédente de même durée (↗ en "
		     "hausse, ↘ en baisse, → stable) ; en vert quand elle va "
		     "dans le sens voulu par l'indicateur, en rouge sinon. "
		     "Signes : ✓ cible atteinte, × cible manquée, ? attendue et "
		     "non saisie, ≈ calculée depuis les saisines. « hors annexe "
		     "» : aucune annexe de cette commune en vigueur à cette "
		     "période n'a l'indicateur (la raison s'affiche en bas) ; "
		     "ces communes viennent en dernier, quel que soit le tri. "
		     "Une commune qui suit l'indicateur par trimestre ou par an "
		     "montre la période qui contient la fin de celle affichée "
		     "(colonne Période). Tri (r, puis R pour l'ordre) : "
		     "commune ; valeur ; statut (manquée, à saisir, sans cible, "
		     "atteinte, sans objet, pas encore attendue) ; tendance. "
		     "Entrée ouvre le tableau de bord de la commune sur cette "
		     "case ; Échap revient au tableau de bord.",
};
