/*
 * Forms: a column of labelled fields over the screen area, filled with
 * the keyboard. Tab / ↓ next field, Maj+Tab / ↑ previous, typing edits a
 * text field (Retour arrière, Ctrl+U), ← → or Espace change a choice,
 * Entrée saves (the caller's check may refuse, with its reason on the
 * status line, and the form stays), Échap leaves — asking first when
 * something was typed. A panel under the fields (the contact to call…)
 * is the caller's, refreshed after each change.
 */
#include "ui_internal.h"
#include "suivi/store_measurement.h"
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

static void step(struct form *f, int dir)
{
	size_t i = f->cur;

	for (size_t k = 0; k < f->n; k++) {
		i = (i + f->n + (size_t)(dir > 0 ? 1 : f->n - 1)) % f->n;
		if (shown(&f->fields[i]) && f->fields[i].kind != FIELD_LABEL) {
			f->cur = i;
			return;
		}
	}
}

static void draw_form(struct ui *ui, struct form *f)
{
	const struct uiterm *t = &ui->term;
	int top = 2, lw = 0, x, y;
	int rows = t->rows - 3;
	char **aside = NULL;
	size_t n_aside = 0, first = 0, pos = 0, n_shown = 0;
	int room, aside_rows;

	for (int r = 0; r < rows; r++)
		draw_fill(t, top + r, 0, t->cols, PAINT_NORMAL);
	draw_text(t, top, 0, t->cols, PAINT_TITLE, f->title);
	for (size_t i = 0; i < f->n; i++)
		if (shown(&f->fields[i])) {
			int w = draw_width(t, f->fields[i].label);

			if (w > lw)
				lw = w;
			if (i == f->cur)
				pos = n_shown;
			n_shown++;
		}
	if (lw > t->cols / 3)
		lw = t->cols / 3;
	x = lw + 3;
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
	if (pos >= (size_t)room)
		first = pos - (size_t)room + 1;
	y = top + 2;
	for (size_t i = 0, k = 0; i < f->n && y < top + 2 + room; i++) {
		const struct form_field *fd = &f->fields[i];
		char buf[1024];
		bool cur = i == f->cur;

		if (!shown(fd))
			continue;
		if (k++ < first)
			continue;
		if (fd->kind == FIELD_LABEL) {
			draw_text(t, y++, 0, t->cols, PAINT_DIM, fd->label);
			continue;
		}
		draw_text(t, y, 1, lw, cur ? PAINT_TITLE : PAINT_NORMAL,
			  fd->label);
		if (fd->required)
			draw_text(t, y, lw + 1, 1, PAINT_DIM, "*");
		if (fd->kind == FIELD_CHOICE)
			snprintf(buf, sizeof buf, "%s %s %s",
				 t->ascii ? "<" : "‹",
				 fd->choice >= 0 && (size_t)fd->choice < fd->n_choices
					 ? fd->choices[fd->choice] : "—",
				 t->ascii ? ">" : "›");
		else
			snprintf(buf, sizeof buf, "%s%s", fd->text ? fd->text : "",
				 cur ? "_" : "");
		if (cur)
			draw_fill(t, y, x, t->cols - x - 1, PAINT_SELECTED);
		draw_text(t, y, x, t->cols - x - 1,
			  cur ? PAINT_SELECTED : PAINT_NORMAL, buf);
		y++;
	}
	if (first)
		draw_text(t, top + 1, t->cols - 12, 11, PAINT_DIM,
			  t->ascii ? "^ plus haut" : "↑ plus haut");
	y = top + 2 + room + 1;
	for (size_t i = 0; i < n_aside && (int)i < aside_rows; i++)
		draw_text(t, y++, 1, t->cols - 2, PAINT_MESSAGE, aside[i]);
	text_lines_free(aside, n_aside);
}

static void put_utf8(char **text, int cp)
{
	char enc[5] = "";
	size_t len = *text ? strlen(*text) : 0;

	if (cp < 0x80) {
		enc[0] = (char)cp;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xC0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xE0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		enc[0] = (char)(0xF0 | (cp >> 18));
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[3] = (char)(0x80 | (cp & 0x3F));
	}
	if (len + strlen(enc) > FORM_TEXT_MAX)
		return;
	*text = xrealloc(*text, len + strlen(enc) + 1);
	memcpy(*text + len, enc, strlen(enc) + 1);
}

static void drop_last(char *s)
{
	size_t len = s ? strlen(s) : 0;

	while (len > 0 && ((unsigned char)s[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	if (s)
		s[len] = '\0';
}

bool ui_form_run(struct ui *ui, struct form *f, form_check_fn check,
		 void *ctx)
{
	if (!shown(&f->fields[f->cur]) || f->fields[f->cur].kind == FIELD_LABEL)
		step(f, 1);
	ui->gone = false;
	for (;;) {
		struct key k;
		struct form_field *fd = &f->fields[f->cur];
		int r;
		char hint[sizeof ui->message];

		snprintf(hint, sizeof hint, "%s", ui->message);
		ui->message[0] = '\0';
		ui_draw(ui);
		draw_form(ui, f);
		snprintf(ui->message, sizeof ui->message, "%s", hint);
		draw_fill(&ui->term, ui->term.rows - 1, 0, ui->term.cols,
			  PAINT_STATUS);
		draw_text(&ui->term, ui->term.rows - 1, 1, ui->term.cols - 2,
			  hint[0] && ui->message_error ? PAINT_ERROR : PAINT_STATUS,
			  hint[0] ? hint
				  : fd->hint ? fd->hint
					     : "Tab champ suivant · Entrée "
					       "enregistre · Échap abandonne");
		refresh();
		do {
			r = term_read_key(&ui->term, &k, 250);
			if (r < 0 || term_should_quit()) {
				ui->gone = true;
				return false;
			}
		} while (r == 0);
		ui->message[0] = '\0';
		if (k.special && k.code == KEY_RESIZE)
			continue;
		if (!k.special && !k.alt && (k.code == '\t')) {
			step(f, 1);
			continue;
		}
		/* only keys that cannot be text move between fields: a
		 * letter (k, j…) is always typed */
		if ((k.special && k.code == KEY_BTAB) ||
		    (k.special && k.code == KEY_UP)) {
			step(f, -1);
			continue;
		}
		if (k.special && k.code == KEY_DOWN) {
			step(f, 1);
			continue;
		}
		if (!k.special && (k.code == '\r' || k.code == '\n')) {
			char err[512] = "";

			if (!check || check(f, ctx, err, sizeof err))
				return true;
			ui_message(ui, true, "%s", err);
			continue;
		}
		if (!k.special && k.code == 27) {
			if (!f->dirty || ui_confirm(ui, "Abandonner ce qui a été "
						    "tapé ? (o/N)"))
				return false;
			if (ui->gone)
				return false;
			continue;
		}
		if (fd->kind == FIELD_CHOICE) {
			int dir = 0;

			if ((k.special && k.code == KEY_RIGHT) ||
			    (!k.special && k.code == ' '))
				dir = 1;
			else if (k.special && k.code == KEY_LEFT)
				dir = -1;
			if (dir && fd->n_choices) {
				fd->choice = (int)(((size_t)(fd->choice + dir) +
						    fd->n_choices) % fd->n_choices);
				f->dirty = true;
				if (f->on_change)
					f->on_change(f, f->cur, ctx);
			}
			continue;
		}
		if (k.special && k.code == KEY_BACKSPACE) {
			drop_last(fd->text);
		} else if (!k.special && (k.code == 127 || k.code == 8)) {
			drop_last(fd->text);
		} else if (!k.special && k.code == 0x15) {
			form_field_set(fd, "");
		} else if (!k.special && !k.alt && k.code >= 0x20 &&
			   k.code != 0x7F && !(k.code >= 0x80 && k.code < 0xA0)) {
			put_utf8(&fd->text, k.code);
		} else {
			continue;
		}
		f->dirty = true;
		if (f->on_change)
			f->on_change(f, f->cur, ctx);
	}
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
	struct err e;
	char *text;

	if (!ui->gone || !f->dirty)
		return;
	text = form_serialize(f);
	/* the terminal is gone: nobody to tell if this fails */
	(void)store_draft_save(ui->st, slot, ctx, text, &e);
	free(text);
}
