/*
 * The layers that ask or show something over a screen: a one-line prompt
 * (on the status line, or over a cell of the grid), a yes/no question, a
 * list to choose from (type-ahead), a box of text. Each is a layer of the
 * one loop (loop.c): a drawing and a key handler; the functions below
 * push it and return its answer.
 */
#include "ui_internal.h"
#include "suivi/date.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_enter(const struct key *k)
{
	return (k->special && k->code == KEY_ENTER) ||
	       (!k->special && !k->alt && (k->code == '\r' || k->code == '\n'));
}

static bool is_cancel(const struct key *k)
{
	return !k->special && !k->alt && (k->code == 27 || k->code == KEY_CTRL('c'));
}

int ui_overlay_width(const struct uiterm *t)
{
	return t->cols - 4 > 110 ? 110 : t->cols - 4;
}

/* ------------------------------------------------------------------ */
/* Prompts                                                             */

struct prompt {
	struct layer layer;
	struct edit *ed;
	bool inline_;
	int y, x, w;
	const char *label;
	const char *hint;	/* inline: what to type, on the status line */
	prompt_change_fn on_change;
	void *ctx;
	bool ok;
	bool stale;		/* on_change not told of the last keys yet */
};

static void prompt_draw(struct ui *ui, struct layer *l)
{
	struct prompt *p = (struct prompt *)l;
	const struct uiterm *t = &ui->term;
	int y = p->inline_ ? p->y : t->rows - 1;
	int x = p->inline_ ? p->x : 0;
	int w = p->inline_ ? p->w : t->cols, hw = 0, lw = 0;
	const char *hint = ui->message;

	if (p->inline_) {
		/* the hint (or what was refused) on the status line */
		draw_fill(t, t->rows - 1, 0, t->cols, PAINT_STATUS);
		ui_status_text(t, 1, t->cols - 2,
			       hint[0] && ui->message_error ? PAINT_ERROR
							    : PAINT_STATUS,
			       PAINT_STATUS,
			       hint[0] ? hint : p->hint ? p->hint : "");
	} else if (hint[0]) {
		/* what on_change said (a count, "introuvable", a refusal)
		 * beside what is typed */
		hw = draw_width(t, hint) + 2;
		if (hw > t->cols / 2)
			hw = t->cols / 2;
	}
	if (x + w > t->cols)
		w = t->cols - x;
	draw_fill(t, y, x, w, p->inline_ ? PAINT_SELECTED : PAINT_NORMAL);
	if (hw)
		draw_text(t, y, t->cols - hw, hw - 1,
			  ui->message_error ? PAINT_ERROR : PAINT_MESSAGE, hint);
	if (p->label) {
		/* the question whole when it leaves a third for the answer */
		lw = draw_width(t, p->label);
		if (lw > (w - hw) * 2 / 3)
			lw = (w - hw) * 2 / 3;
		draw_text(t, y, x, lw, PAINT_MESSAGE, p->label);
	}
	ui_field_draw(ui, p->ed, y, x + lw, w - hw - lw - 1, 1,
		      p->inline_ ? PAINT_SELECTED : PAINT_MESSAGE, true);
}

static int prompt_key(struct ui *ui, struct layer *l, const struct key *k)
{
	struct prompt *p = (struct prompt *)l;
	enum field_result fr;

	/* the message (the reason the last try was refused) stays until
	 * a key is typed */
	ui->message[0] = '\0';
	if (k->special && k->code == KEY_F(1)) {
		ui_field_help(ui);
		return LAYER_STAY;
	}
	fr = ui_field_key(ui, p->ed, k, p->w);
	if (fr == FIELD_CHANGED) {
		/* a search runs once the keys waiting are typed */
		p->stale = true;
		if (!term_input_pending() && p->on_change) {
			p->stale = false;
			p->on_change(ui, edit_text(p->ed), p->ctx);
		}
		return LAYER_STAY;
	}
	if (p->stale && p->on_change) {
		p->stale = false;
		p->on_change(ui, edit_text(p->ed), p->ctx);
	}
	if (fr != FIELD_NOT_MINE)
		return LAYER_STAY;
	if (is_enter(k)) {
		p->ok = true;
		return LAYER_DONE;
	}
	if (is_cancel(k))
		return LAYER_DONE;
	return LAYER_STAY;
}

static bool run_prompt(struct ui *ui, struct prompt *p)
{
	p->layer.draw = prompt_draw;
	p->layer.key = prompt_key;
	p->ok = false;
	ui_loop(ui, &p->layer);
	if (!ui->gone)
		ui->message[0] = '\0';
	return p->ok && !ui->gone;
}

bool ui_prompt_edit(struct ui *ui, const char *label, struct edit *ed,
		    prompt_change_fn on_change, void *ctx)
{
	struct prompt p = { .ed = ed, .label = label, .w = ui->term.cols,
			    .on_change = on_change, .ctx = ctx };

	return run_prompt(ui, &p);
}

/* A prompt on a caller's buffer: an editor limited to its size. */
static bool prompt_buf(struct ui *ui, struct prompt *p, char *text,
		       size_t size)
{
	struct edit ed;
	bool ok;

	edit_init_max(&ed, size - 1, false, text);
	p->ed = &ed;
	ok = run_prompt(ui, p);
	snprintf(text, size, "%s", edit_text(&ed));
	edit_release(&ed);
	return ok;
}

bool ui_prompt(struct ui *ui, const char *label, char *text, size_t size,
	       prompt_change_fn on_change, void *ctx)
{
	struct prompt p = { .label = label, .w = ui->term.cols,
			    .on_change = on_change, .ctx = ctx };

	return prompt_buf(ui, &p, text, size);
}

bool ui_edit(struct ui *ui, int y, int x, int w, const char *hint,
	     char *text, size_t size)
{
	struct prompt p = { .inline_ = true, .y = y, .x = x, .w = w,
			    .hint = hint };

	return prompt_buf(ui, &p, text, size);
}

/* ------------------------------------------------------------------ */
/* Yes / no                                                            */

struct confirm {
	struct layer layer;
	const char *question;
	bool yes;
};

static void confirm_draw(struct ui *ui, struct layer *l)
{
	struct confirm *c = (struct confirm *)l;
	const struct uiterm *t = &ui->term;

	draw_fill(t, t->rows - 1, 0, t->cols, PAINT_ERROR);
	/* a long question takes two lines: its (o/N) must show */
	ui_status_text(t, 1, t->cols - 2, PAINT_ERROR, PAINT_ERROR, c->question);
}

static int confirm_key(struct ui *ui, struct layer *l, const struct key *k)
{
	struct confirm *c = (struct confirm *)l;

	(void)ui;
	c->yes = !k->special && !k->alt && (k->code == 'o' || k->code == 'O');
	return LAYER_DONE;
}

bool ui_confirm(struct ui *ui, const char *question)
{
	struct confirm c = { .question = question };

	c.layer.draw = confirm_draw;
	c.layer.key = confirm_key;
	ui->message[0] = '\0';
	ui_loop(ui, &c.layer);
	return c.yes && !ui->gone;
}

/* ------------------------------------------------------------------ */
/* A box of text                                                       */

struct overlay {
	struct layer layer;
	const char *title;
	char **lines;
	size_t n, top;
	int body;		/* rows of text shown, at the last drawing */
	bool at_end;		/* open on the last lines (a history) */
	enum action closed_by;
};

static void overlay_draw(struct ui *ui, struct layer *l)
{
	struct overlay *o = (struct overlay *)l;
	const struct uiterm *t = &ui->term;
	int w = ui_overlay_width(t);
	int h = (int)o->n + 3 < t->rows - 4 ? (int)o->n + 3 : t->rows - 4;
	int x = (t->cols - w) / 2, y = 2;

	o->body = h - 3 > 0 ? h - 3 : 0;
	if (h <= 2 || t->rows < UI_MIN_ROWS || t->cols < UI_MIN_COLS)
		return;
	if (o->at_end) {
		o->top = o->n > (size_t)o->body ? o->n - (size_t)o->body : 0;
		o->at_end = false;
	}
	if (o->n > (size_t)o->body && o->top > o->n - (size_t)o->body)
		o->top = o->n - (size_t)o->body;
	for (int i = 0; i < h; i++)
		draw_fill(t, y + i, x, w, PAINT_NORMAL);
	draw_box(t, y, x, h, w);
	draw_text(t, y, x + 2, w - 4, PAINT_TITLE, o->title);
	for (int i = 0; i < o->body && o->top + (size_t)i < o->n; i++)
		draw_text(t, y + 1 + i, x + 2, w - 4, PAINT_NORMAL,
			  o->lines[o->top + (size_t)i]);
	if (o->n > (size_t)o->body) {
		char foot[96];

		snprintf(foot, sizeof foot, t->ascii
			 ? " lignes %zu-%zu/%zu  Haut Bas PgPrec PgSuiv defiler  une autre touche ferme "
			 : " lignes %zu-%zu/%zu · ↑↓ PgPréc PgSuiv défiler · une autre touche ferme ",
			 o->top + 1, o->top + (size_t)o->body, o->n);
		draw_text(t, y + h - 1, x + 2, w - 4, PAINT_DIM, foot);
	} else {
		draw_text(t, y + h - 1, x + 2, w - 4, PAINT_DIM,
			  " une touche ferme ");
	}
}

static int overlay_key(struct ui *ui, struct layer *l, const struct key *k)
{
	struct overlay *o = (struct overlay *)l;
	enum action a = keys_action(k);
	size_t page = o->body > 1 ? (size_t)o->body : 1;
	size_t last = o->n > page ? o->n - page : 0;

	(void)ui;
	switch (a) {
	case ACT_DOWN:
		if (o->top < last)
			o->top++;
		return LAYER_STAY;
	case ACT_UP:
		if (o->top > 0)
			o->top--;
		return LAYER_STAY;
	case ACT_PGDN:
		o->top = o->top + page < last ? o->top + page : last;
		return LAYER_STAY;
	case ACT_PGUP:
		o->top = o->top > page ? o->top - page : 0;
		return LAYER_STAY;
	case ACT_HOME:
		if (o->n > page) {
			o->top = 0;
			return LAYER_STAY;
		}
		break;
	case ACT_END:
		if (o->n > page) {
			o->top = last;
			return LAYER_STAY;
		}
		break;
	default:
		break;
	}
	o->closed_by = a;
	return LAYER_DONE;
}

static enum action overlay_run(struct ui *ui, const char *title, char **lines,
			       size_t n, bool at_end)
{
	struct overlay o = { .title = title, .lines = lines, .n = n,
			     .at_end = at_end };

	o.layer.draw = overlay_draw;
	o.layer.key = overlay_key;
	if (!ui_loop(ui, &o.layer))
		return ACT_QUIT;
	return o.closed_by;
}

enum action ui_overlay(struct ui *ui, const char *title, char **lines,
		       size_t n)
{
	return overlay_run(ui, title, lines, n, false);
}

void ui_show_whole(struct ui *ui, const char *title, const char *text)
{
	char **lines = NULL;
	size_t n = text_wrap(text && *text ? text : "(vide)",
			     ui_overlay_width(&ui->term) - 4, &lines);

	ui_overlay(ui, title, lines, n);
	text_lines_free(lines, n);
}

/* ------------------------------------------------------------------ */
/* A list to choose from                                               */

struct chooser {
	struct layer layer;
	const char *title;
	const char *const *labels;
	char **folded;
	size_t n, *vis, nv;
	struct ui_list list;
	struct edit filter;
	int chosen;
};

static void chooser_filter(struct chooser *c, size_t keep)
{
	char *want = text_fold(edit_text(&c->filter));

	c->nv = 0;
	c->list.cur = 0;
	for (size_t i = 0; i < c->n; i++)
		if (!*want || strstr(c->folded[i], want)) {
			if (i == keep)
				c->list.cur = c->nv;
			c->vis[c->nv++] = i;
		}
	c->list.n = c->nv;
	free(want);
}

static void chooser_draw(struct ui *ui, struct layer *l)
{
	struct chooser *c = (struct chooser *)l;
	const struct uiterm *t = &ui->term;
	int w = t->cols - 4 > 70 ? 70 : t->cols - 4;
	int list_rows = (int)c->nv < t->rows - 8 ? (int)c->nv : t->rows - 8;
	int h, x = (t->cols - w) / 2, y = 3;
	char line[512];

	if (t->rows < UI_MIN_ROWS || t->cols < UI_MIN_COLS)
		return;
	if (list_rows < 1)
		list_rows = 1;
	h = list_rows + 3;
	c->list.rows = list_rows;
	ui_list_scroll(&c->list);
	for (int i = 0; i < h + 1; i++)
		draw_fill(t, y + i, x, w, PAINT_NORMAL);
	draw_box(t, y, x, h + 1, w);
	snprintf(line, sizeof line, " %s (%zu/%zu) ", c->title, c->nv, c->n);
	draw_text(t, y, x + 2, w - 4, PAINT_TITLE, line);
	draw_text(t, y + 1, x + 2, 11, PAINT_DIM, "Chercher :");
	ui_field_draw(ui, &c->filter, y + 1, x + 13, w - 15, 1, PAINT_NORMAL,
		      true);
	if (!c->nv)
		draw_text(t, y + 2, x + 2, w - 4, PAINT_DIM,
			  "(aucun choix ne contient ce texte)");
	for (int i = 0; i < list_rows && c->list.top + (size_t)i < c->nv; i++) {
		size_t v = c->list.top + (size_t)i;

		ui_list_row(ui, &c->list, v, y + 2 + i, x + 1, w - 2,
			    c->labels[c->vis[v]]);
	}
	draw_text(t, y + h, x + 2, w - 4, PAINT_DIM,
		  t->ascii ? " Entree choisit  Echap laisse  tapez pour chercher "
			   : " Entrée choisit · Échap laisse · tapez pour chercher ");
}

static int chooser_key(struct ui *ui, struct layer *l, const struct key *k)
{
	struct chooser *c = (struct chooser *)l;

	ui->message[0] = '\0';
	/* letters search here: only keys that cannot be text move */
	if (k->special && ui_list_key(&c->list, keys_action(k)))
		return LAYER_STAY;
	if (is_enter(k)) {
		if (c->nv) {
			c->chosen = (int)c->vis[c->list.cur];
			return LAYER_DONE;
		}
		ui_message(ui, true, "Aucun choix ne contient « %s »",
			   edit_text(&c->filter));
		return LAYER_STAY;
	}
	if (is_cancel(k))
		return LAYER_DONE;
	if (ui_field_key(ui, &c->filter, k, 60) == FIELD_CHANGED)
		chooser_filter(c, c->nv ? c->vis[c->list.cur] : 0);
	return LAYER_STAY;
}

int ui_choose(struct ui *ui, const char *title, const char *const *labels,
	      size_t n, int current, int first_cp)
{
	struct chooser c = { .title = title, .labels = labels, .n = n,
			     .chosen = -1 };
	struct err e;

	c.folded = xcalloc(n ? n : 1, sizeof *c.folded);
	c.vis = xcalloc(n ? n : 1, sizeof *c.vis);
	for (size_t i = 0; i < n; i++)
		c.folded[i] = text_fold(labels[i]);
	edit_init_max(&c.filter, 200, false, NULL);
	if (first_cp && edit_insert_cp(&c.filter, (unsigned long)first_cp, &e) < 0)
		edit_set(&c.filter, "");
	chooser_filter(&c, current >= 0 ? (size_t)current : 0);
	c.layer.draw = chooser_draw;
	c.layer.key = chooser_key;
	ui_loop(ui, &c.layer);
	edit_release(&c.filter);
	for (size_t i = 0; i < n; i++)
		free(c.folded[i]);
	free(c.folded);
	free(c.vis);
	return ui->gone ? -1 : c.chosen;
}

/* ------------------------------------------------------------------ */
/* A reason                                                            */

char *ui_ask_reason(struct ui *ui, const char *label, const char *needed)
{
	struct edit ed;
	char *reason = NULL;

	/* a long text (limits.h), typed on the status line */
	edit_init(&ed, TEXT_LONG, NULL);
	ed.multiline = false;
	for (;;) {
		char *t;

		if (!ui_prompt_edit(ui, label, &ed, NULL, NULL))
			break;
		t = xstrdup(edit_text(&ed));
		if (*text_trim(t)) {
			reason = t;
			break;
		}
		free(t);
		ui_message(ui, true, "La raison est nécessaire : %s", needed);
	}
	edit_release(&ed);
	return reason;
}

/* ------------------------------------------------------------------ */
/* A history                                                           */

void ui_show_changes(struct ui *ui, const char *title,
		     const struct store_change *v, size_t n)
{
	char **lines = NULL;
	size_t nl = 0, cap = 0;
	int w = ui_overlay_width(&ui->term) - 4;

	for (size_t i = 0; i < n; i++) {
		const char *part[3] = { v[i].before, v[i].after, v[i].reason };
		static const char *const word[3] = { "avant", "après", "raison" };

		char when[DATE_STAMP_LEN];

		/* when, in the user's local time */
		date_stamp_local(v[i].at ? v[i].at : "", when);
		lines = xgrow(lines, &cap, nl + 1, sizeof *lines);
		lines[nl++] = xasprintf("%s · %s · %s", when,
					v[i].author ? v[i].author : "",
					v[i].what ? v[i].what : "");
		/* each text whole, wrapped under its heading */
		for (int k = 0; k < 3; k++) {
			char **wl = NULL, *t;
			size_t nw;

			if (!part[k])
				continue;
			t = xasprintf("  %s : %s", word[k], part[k]);
			nw = text_wrap(t, w, &wl);
			for (size_t j = 0; j < nw; j++) {
				lines = xgrow(lines, &cap, nl + 1, sizeof *lines);
				lines[nl++] = j ? xasprintf("    %s", wl[j])
						: xstrdup(wl[j]);
			}
			text_lines_free(wl, nw);
			free(t);
		}
	}
	if (!n) {
		lines = xgrow(lines, &cap, 1, sizeof *lines);
		lines[nl++] = xstrdup("Aucune modification enregistrée.");
	}
	/* the latest changes in view; ↑ and PgPréc go back in time */
	overlay_run(ui, title, lines, nl, true);
	text_lines_free(lines, nl);
}
