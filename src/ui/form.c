/*
 * Forms: a column of labelled fields over the screen area, filled with
 * the keyboard. Tab / ↓ next field, Maj+Tab / ↑ previous, typing edits a
 * text field (the field editor's keys, field.c; a long text takes
 * several rows and line breaks), Espace, ← →, F4 or a letter open a
 * choice's list,
 * Entrée saves (the caller's check may refuse, with its reason on the
 * status line, and the form stays), Échap leaves — asking first when
 * something was typed. A panel under the fields (the contact to call…)
 * is the caller's, refreshed after each change.
 */
#include "ui_internal.h"
#include "suivi/draft.h"
#include "suivi/limits.h"
#include "suivi/store_draft.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void form_fields_init(struct form_field *f, size_t n)
{
	memset(f, 0, n * sizeof *f);
	for (size_t i = 0; i < n; i++) {
		f[i].kind = FIELD_TEXT;
		f[i].text = xstrdup("");
	}
}

const char *form_text(const struct form *f, size_t i)
{
	const char *s = f->fields[i].text;

	return s && *s ? s : NULL;
}

void form_field_set(struct form_field *f, const char *text)
{
	free(f->text);
	f->text = xstrdup(text ? text : "");
}

void form_release(struct form *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->fields[i].text);
	free(f->aside);
	f->aside = NULL;
}

static bool shown(const struct form_field *f)
{
	return !f->hidden;
}

static bool is_long(const struct form_field *f)
{
	return f->kind == FIELD_TEXT && text_kind_multiline(f->tkind);
}

/* The editor follows the field under the cursor: loaded when the cursor
 * comes to a text field, and again when the caller changed that field's
 * text (on_change may fill one field from another). */
static void editor_sync(struct form *f)
{
	struct form_field *fd = &f->fields[f->cur];

	if (fd->kind != FIELD_TEXT) {
		if (f->ed_live)
			edit_release(&f->ed);
		f->ed_live = false;
		return;
	}
	if (f->ed_live && f->ed_of == f->cur &&
	    !strcmp(edit_text(&f->ed), fd->text ? fd->text : ""))
		return;
	if (f->ed_live)
		edit_release(&f->ed);
	edit_init(&f->ed, fd->tkind, fd->text);
	f->ed_live = true;
	f->ed_of = f->cur;
}

static void step(struct form *f, int dir)
{
	size_t i = f->cur;

	for (size_t k = 0; k < f->n; k++) {
		i = (i + f->n + (size_t)(dir > 0 ? 1 : f->n - 1)) % f->n;
		if (shown(&f->fields[i]) && f->fields[i].kind != FIELD_LABEL) {
			f->cur = i;
			break;
		}
	}
	editor_sync(f);
	/* a long text is entered at its end, as a short one */
	if (f->ed_live)
		edit_bottom(&f->ed);
}

#define LONG_ROWS_CUR 8		/* rows a long text grows to, with focus */
#define LONG_ROWS_OTHER 3	/* … without */

/* The first rows of a long text at width w, enough to show
 * LONG_ROWS_OTHER and to know there are more: only its head is wrapped
 * (a field without focus may hold a mebibyte). */
static size_t wrap_head(const char *text, int w, char ***lines)
{
	size_t len = text ? strlen(text) : 0;
	size_t head = (size_t)(LONG_ROWS_OTHER + 1) * (size_t)(w > 0 ? w : 1) * 4;
	char *part;
	size_t n;

	if (len <= head)
		return text_wrap(text ? text : "", w - 1, lines);
	/* never half a character */
	while (head > 0 && ((unsigned char)text[head] & 0xC0) == 0x80)
		head--;
	part = xstrndup(text, head);
	n = text_wrap(part, w - 1, lines);
	free(part);
	/* the head is cut: at least one row more than shown */
	if (n <= LONG_ROWS_OTHER) {
		*lines = xrealloc(*lines, (LONG_ROWS_OTHER + 1) * sizeof **lines);
		while (n <= LONG_ROWS_OTHER)
			(*lines)[n++] = xstrdup("");
	}
	return n;
}

/* Rows field i takes on screen at width w. */
static int field_rows(struct ui *ui, struct form *f, size_t i, int w)
{
	const struct form_field *fd = &f->fields[i];

	if (!is_long(fd))
		return 1;
	if (i == f->cur && f->ed_live)
		return ui_field_rows(ui, &f->ed, w, LONG_ROWS_CUR);
	{
		char **lines = NULL;
		size_t n = wrap_head(fd->text, w, &lines);

		text_lines_free(lines, n);
		return n < 1 ? 1 : n > LONG_ROWS_OTHER ? LONG_ROWS_OTHER : (int)n;
	}
}

/* A long text without focus: its first rows, "…" when there is more. */
static void draw_long(const struct uiterm *t, const char *text, int y, int x,
		      int w, int h)
{
	char **lines = NULL;
	size_t n = wrap_head(text, w, &lines);

	for (int r = 0; r < h && (size_t)r < n; r++) {
		char *l = lines[r];

		if (r == h - 1 && (size_t)h < n)
			l = xasprintf("%s …", lines[r]);
		draw_text(t, y + r, x, w, PAINT_NORMAL, l);
		if (l != lines[r])
			free(l);
	}
	text_lines_free(lines, n);
}

static void draw_form(struct ui *ui, struct form *f)
{
	const struct uiterm *t = &ui->term;
	int top = 2, lw = 0, x, y, w;
	int rows = t->rows - 3;
	char **aside = NULL;
	size_t n_aside = 0, first = 0;
	int room, aside_rows, above;

	for (int r = 0; r < rows; r++)
		draw_fill(t, top + r, 0, t->cols, PAINT_NORMAL);
	draw_text(t, top, 0, t->cols, PAINT_TITLE, f->title);
	for (size_t i = 0; i < f->n; i++)
		if (shown(&f->fields[i])) {
			int lwi = draw_width(t, f->fields[i].label);

			if (lwi > lw)
				lw = lwi;
		}
	if (lw > t->cols / 3)
		lw = t->cols / 3;
	x = lw + 3;
	w = t->cols - x - 1;
	/* the caller's panel (who to call…) under the fields: up to a third
	 * of the height; the fields scroll to keep the cursor in view */
	if (f->aside)
		n_aside = text_wrap(f->aside, t->cols - 2, &aside);
	aside_rows = (int)n_aside;
	if (aside_rows > rows / 3)
		aside_rows = rows / 3;
	room = rows - 2 - (aside_rows ? aside_rows + 1 : 0);
	if (room < 1)
		room = 1;
	/* the first field shown: the cursor's field must fit whole */
	above = 0;
	for (size_t i = 0; i <= f->cur && i < f->n; i++)
		if (shown(&f->fields[i]))
			above += field_rows(ui, f, i, w);
	for (size_t i = 0; i < f->n && above > room; i++)
		if (shown(&f->fields[i])) {
			above -= field_rows(ui, f, i, w);
			first = i + 1;
		}
	y = top + 2;
	for (size_t i = first; i < f->n && y < top + 2 + room; i++) {
		struct form_field *fd = &f->fields[i];
		bool cur = i == f->cur;
		int h;

		if (!shown(fd))
			continue;
		if (fd->kind == FIELD_LABEL) {
			draw_text(t, y++, 0, t->cols, PAINT_DIM, fd->label);
			continue;
		}
		h = field_rows(ui, f, i, w);
		if (y + h > top + 2 + room)
			h = top + 2 + room - y;
		draw_text(t, y, 1, lw, cur ? PAINT_TITLE : PAINT_NORMAL,
			  fd->label);
		if (fd->required)
			draw_text(t, y, lw + 1, 1, PAINT_DIM, "*");
		if (fd->kind == FIELD_CHOICE) {
			char buf[1024];

			snprintf(buf, sizeof buf, "%s %s %s",
				 t->ascii ? "<" : "‹",
				 fd->choice >= 0 && (size_t)fd->choice < fd->n_choices
					 ? fd->choices[fd->choice] : "—",
				 t->ascii ? ">" : "›");
			if (cur)
				draw_fill(t, y, x, w, PAINT_SELECTED);
			draw_text(t, y, x, w, cur ? PAINT_SELECTED : PAINT_NORMAL,
				  buf);
		} else if (cur && f->ed_live) {
			ui_field_draw(ui, &f->ed, y, x, w, h, PAINT_SELECTED, true);
		} else if (is_long(fd)) {
			draw_long(t, fd->text, y, x, w, h);
		} else {
			draw_text(t, y, x, w, PAINT_NORMAL, fd->text);
		}
		y += h;
	}
	if (first)
		draw_text(t, top + 1, t->cols - 12, 11, PAINT_DIM,
			  t->ascii ? "^ plus haut" : "↑ plus haut");
	y = top + 2 + room + 1;
	for (size_t i = 0; i < n_aside && (int)i < aside_rows; i++)
		draw_text(t, y++, 1, t->cols - 2, PAINT_MESSAGE, aside[i]);
	text_lines_free(aside, n_aside);
}

/* The width a text field is laid out in (as draw_form computes it). */
static int field_width(const struct ui *ui, const struct form *f)
{
	int lw = 0;

	for (size_t i = 0; i < f->n; i++)
		if (shown(&f->fields[i])) {
			int w = draw_width(&ui->term, f->fields[i].label);

			if (w > lw)
				lw = w;
		}
	if (lw > ui->term.cols / 3)
		lw = ui->term.cols / 3;
	return ui->term.cols - (lw + 3) - 1;
}

static const char *default_hint(const struct form_field *fd, bool ascii)
{
	if (fd->kind == FIELD_CHOICE)
		return ascii ? "Espace ou une lettre : la liste  Tab champ suivant  "
			       "Entree enregistre  Echap abandonne  F1 aide"
			     : "Espace ou une lettre : la liste · Tab champ suivant · "
			       "Entrée enregistre · Échap abandonne · F1 aide";
	if (is_long(fd))
		return ascii ? "Texte long : Ctrl+J saut de ligne  Tab champ suivant  "
			       "Entree enregistre  Echap abandonne  F1 aide"
			     : "Texte long : Ctrl+J saut de ligne · Tab champ suivant · "
			       "Entrée enregistre · Échap abandonne · F1 aide";
	return ascii ? "Tab champ suivant  Entree enregistre  Echap abandonne  "
		       "F1 aide"
		     : "Tab champ suivant · Entrée enregistre · Échap abandonne · "
		       "F1 aide";
}

/* A choice field's list, opened by Espace, ← →, F4 or a letter
 * (which starts the search). */
static void choose(struct ui *ui, struct form *f, void *ctx, int first_cp)
{
	struct form_field *fd = &f->fields[f->cur];
	int c;

	if (!fd->n_choices)
		return;
	c = ui_choose(ui, fd->label, fd->choices, fd->n_choices, fd->choice,
		      first_cp);
	if (c >= 0 && c != fd->choice) {
		fd->choice = c;
		f->dirty = true;
		if (f->on_change)
			f->on_change(f, f->cur, ctx);
	}
}

static bool is_enter(const struct key *k)
{
	return (k->special && k->code == KEY_ENTER) ||
	       (!k->special && !k->alt && k->code == '\r');
}

/* A form is a layer of the one loop. */
struct form_layer {
	struct layer layer;
	struct form *f;
	form_check_fn check;
	void *ctx;
	bool saved;
	bool stale;		/* the editor holds text its field has not */
};

/* The field under the cursor takes the editor's text, and the caller
 * hears of the change. */
static void flush(struct form_layer *fl)
{
	struct form *f = fl->f;
	struct form_field *fd = &f->fields[f->cur];

	if (!fl->stale)
		return;
	fl->stale = false;
	/* the editor is the field's under the cursor, never another's */
	if (!f->ed_live || fd->kind != FIELD_TEXT || f->ed_of != f->cur)
		return;
	free(fd->text);
	fd->text = xstrdup(edit_text(&f->ed));
	if (f->on_change)
		f->on_change(f, f->cur, fl->ctx);
	editor_sync(f);
}

static void form_layer_draw(struct ui *ui, struct layer *l)
{
	struct form_layer *fl = (struct form_layer *)l;
	struct form *f = fl->f;
	const struct form_field *fd = &f->fields[f->cur];

	draw_form(ui, f);
	draw_fill(&ui->term, ui->term.rows - 1, 0, ui->term.cols, PAINT_STATUS);
	/* a refusal too long for the line takes the one above as well */
	ui_status_text(&ui->term, 1, ui->term.cols - 2,
		       ui->message[0] && ui->message_error ? PAINT_ERROR
							   : PAINT_STATUS,
		       PAINT_STATUS,
		       ui->message[0] ? ui->message
				      : fd->hint ? fd->hint
						 : default_hint(fd, ui->term.ascii));
}

static int form_layer_key(struct ui *ui, struct layer *l, const struct key *k)
{
	struct form_layer *fl = (struct form_layer *)l;
	struct form *f = fl->f;
	struct form_field *fd = &f->fields[f->cur];
	enum field_result fr;

	ui->message[0] = '\0';
	if (k->special && k->code == KEY_F(1)) {
		ui_field_help(ui);
		return LAYER_STAY;
	}
	/* the keys that cannot be text move between fields, the text typed
	 * so far (keys read in one go are flushed only after the last)
	 * kept in the field it was typed in */
	if (!k->special && !k->alt && k->code == '\t') {
		flush(fl);
		step(f, 1);
		return LAYER_STAY;
	}
	if (k->special && k->code == KEY_BTAB) {
		flush(fl);
		step(f, -1);
		return LAYER_STAY;
	}
	if (fd->kind == FIELD_TEXT && f->ed_live) {
		fr = ui_field_key(ui, &f->ed, k, field_width(ui, f));
		if (fr == FIELD_CHANGED) {
			f->dirty = true;
			fl->stale = true;
			/* more keys waiting (a paste without brackets): the
			 * field's text and the caller hear of it after the
			 * last one, not 100 000 times */
			if (!term_input_pending())
				flush(fl);
		}
		if (fr != FIELD_NOT_MINE)
			return LAYER_STAY;
	}
	/* any other key sees the text as typed */
	flush(fl);
	if (k->special && k->code == KEY_UP) {
		step(f, -1);
		return LAYER_STAY;
	}
	if (k->special && k->code == KEY_DOWN) {
		step(f, 1);
		return LAYER_STAY;
	}
	if (is_enter(k)) {
		char err[512] = "";

		if (!fl->check || fl->check(f, fl->ctx, err, sizeof err)) {
			fl->saved = true;
			return LAYER_DONE;
		}
		ui_message(ui, true, "%s", err);
		return LAYER_STAY;
	}
	if (!k->special && !k->alt &&
	    (k->code == 27 || k->code == KEY_CTRL('c'))) {
		/* Ctrl+C is Échap: asks first when something was typed */
		if (!f->dirty || ui_confirm(ui, "Abandonner ce qui a été tapé ? "
					    "(o/N)") || ui->gone)
			return LAYER_DONE;
		return LAYER_STAY;
	}
	if (fd->kind == FIELD_CHOICE) {
		if ((k->special && (k->code == KEY_RIGHT || k->code == KEY_LEFT ||
				    k->code == KEY_F(4))) ||
		    (!k->special && !k->alt && k->code == ' '))
			choose(ui, f, fl->ctx, 0);
		else if (!k->special && !k->alt && k->code > 0x20 &&
			 k->code != 0x7F && !(k->code >= 0x80 && k->code < 0xA0))
			choose(ui, f, fl->ctx, k->code);
		if (ui->gone)
			return LAYER_DONE;
	}
	return LAYER_STAY;
}

bool ui_form_run(struct ui *ui, struct form *f, form_check_fn check,
		 void *ctx)
{
	struct form_layer fl = { .f = f, .check = check, .ctx = ctx };

	if (!shown(&f->fields[f->cur]) || f->fields[f->cur].kind == FIELD_LABEL)
		step(f, 1);
	editor_sync(f);
	fl.layer.draw = form_layer_draw;
	fl.layer.key = form_layer_key;
	ui_loop(ui, &fl.layer);
	/* the terminal gone in the middle of a paste: the draft has it all */
	flush(&fl);
	if (f->ed_live)
		edit_release(&f->ed);
	f->ed_live = false;
	return fl.saved && !ui->gone;
}

/* ------------------------------------------------------------------ */
/* Drafts: a form as one text                                          */

#define SEP '\x1e'	/* between fields: never typed (controls are not) */

char *form_serialize(const struct form *f)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < f->n; i++) {
		if (i)
			strbuf_addch(&sb, SEP);
		if (f->fields[i].kind == FIELD_CHOICE)
			strbuf_addf(&sb, "c%d", f->fields[i].choice);
		else
			strbuf_addf(&sb, "t%s", f->fields[i].text ? f->fields[i].text
								 : "");
	}
	/* and where the cursor was */
	strbuf_addf(&sb, "%cp%zu", SEP, f->cur);
	return strbuf_detach(&sb);
}

void form_restore(struct form *f, const char *text)
{
	const char *p = text;

	for (size_t i = 0; i <= f->n && p; i++) {
		const char *end = strchr(p, SEP);
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *v = xstrndup(p, len);

		if (i == f->n) {
			if (v[0] == 'p' && (size_t)atoi(v + 1) < f->n)
				f->cur = (size_t)atoi(v + 1);
		} else if (v[0] == 'c' && f->fields[i].kind == FIELD_CHOICE) {
			int c = atoi(v + 1);

			if (c >= 0 && (size_t)c < f->fields[i].n_choices)
				f->fields[i].choice = c;
		} else if (v[0] == 't' && f->fields[i].kind == FIELD_TEXT) {
			form_field_set(&f->fields[i], v + 1);
		}
		free(v);
		p = end ? end + 1 : NULL;
	}
	f->dirty = true;
}

void form_draft_excerpt(const char *text, int field, char *buf, size_t n)
{
	const char *p = text;
	size_t len;

	if (n == 0)
		return;
	buf[0] = '\0';
	/* field given: skip to it; else the first text field */
	for (int i = 0; field >= 0 && i < field && p; i++) {
		p = strchr(p, SEP);
		if (p)
			p++;
	}
	while (p && *p != 't' && field < 0) {
		p = strchr(p, SEP);
		if (p)
			p++;
	}
	if (!p || *p != 't')
		return;
	p++;
	len = strcspn(p, (const char[]){ SEP, '\0' });
	if (len >= n) {
		len = n - 1;
		/* never half a character */
		while (len && ((unsigned char)p[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, p, len);
	buf[len] = '\0';
}

bool ui_draft_pending(struct ui *ui, const char *slot)
{
	char *ctx = NULL, *text = NULL;
	bool found = false;
	struct err e;

	if (store_draft_get(ui->st, slot, &ctx, &text, &found, &e) != 0)
		return false;
	free(ctx);
	free(text);
	return found;
}

void ui_form_keep_draft(struct ui *ui, const struct form *f, const char *slot,
			const char *ctx)
{
	char *text;

	if (!ui->gone || !f->dirty)
		return;
	text = form_serialize(f);
	ui_keep_draft(ui, slot, ctx, text);
	free(text);
}

void ui_keep_draft(struct ui *ui, const char *slot, const char *ctx,
		   const char *text)
{
	struct err e;
	char *where = NULL, *said = NULL;

	switch (draft_keep(ui->st, slot, ctx, text, &where, &e)) {
	case 0:
		return;
	case 1:
		said = xasprintf("suivi : la base n'a pas pu garder ce qui était "
				 "en cours de saisie ; il est gardé dans %s et "
				 "sera proposé au prochain démarrage.", where);
		break;
	default:
		/* the text itself, where the user may still find it */
		said = xasprintf("suivi : %s. Ce qui était tapé : %s", e.msg,
				 text);
		break;
	}
	free(where);
	text_defang(said);	/* one line, whatever was typed */
	if (ui->draft_said) {
		char *both = xasprintf("%s\n%s", ui->draft_said, said);

		free(ui->draft_said);
		free(said);
		said = both;
	}
	ui->draft_said = said;
}
