/*
 * The one list widget: a cursor over n rows of which `rows` show. Every
 * list of the interface moves with the same keys (↑ ↓ or k j, PgPréc
 * PgSuiv, Début Fin or g G) and marks the row under the cursor the same
 * way (a "›" and the selection's colour). What a row says is the
 * screen's.
 */
#include "ui_internal.h"
#include "suivi/text.h"

#include <stdlib.h>
#include <string.h>

#include <stdio.h>

void ui_list_scroll(struct ui_list *l)
{
	size_t rows = l->rows > 0 ? (size_t)l->rows : 1;

	if (l->n == 0) {
		l->cur = l->top = 0;
		return;
	}
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + rows)
		l->top = l->cur - rows + 1;
	/* no empty rows at the end when the list could fill them */
	if (l->top + rows > l->n)
		l->top = l->n > rows ? l->n - rows : 0;
}

bool ui_list_key(struct ui_list *l, enum action a)
{
	size_t page = l->rows > 1 ? (size_t)l->rows - 1 : 1;

	switch (a) {
	case ACT_UP:
		if (l->cur > 0)
			l->cur--;
		break;
	case ACT_DOWN:
		if (l->cur + 1 < l->n)
			l->cur++;
		break;
	case ACT_PGUP:
		l->cur = l->cur > page ? l->cur - page : 0;
		break;
	case ACT_PGDN:
		l->cur = l->cur + page < l->n ? l->cur + page
					      : l->n ? l->n - 1 : 0;
		break;
	case ACT_HOME:
	case ACT_FIRST_ROW:
		l->cur = 0;
		break;
	case ACT_END:
	case ACT_LAST_ROW:
		l->cur = l->n ? l->n - 1 : 0;
		break;
	default:
		return false;
	}
	ui_list_scroll(l);
	return true;
}

int ui_list_mark(struct ui *ui, int y, int cols, bool on)
{
	const struct uiterm *t = &ui->term;

	if (on) {
		draw_fill(t, y, 0, cols, PAINT_SELECTED);
		draw_text(t, y, 0, 2, PAINT_SELECTED, t->ascii ? ">" : "›");
	}
	return UI_LIST_INDENT;
}

void ui_list_row(struct ui *ui, const struct ui_list *l, size_t i, int y,
		 int x, int w, const char *text)
{
	const struct uiterm *t = &ui->term;
	bool on = i == l->cur;
	char line[2048];

	snprintf(line, sizeof line, "%s %s",
		 on ? (t->ascii ? ">" : "›") : " ", text ? text : "");
	if (on)
		draw_fill(t, y, x, w, PAINT_SELECTED);
	draw_text(t, y, x, w, on ? PAINT_SELECTED : PAINT_NORMAL, line);
}

bool ui_list_nav(size_t *cur, size_t *top, size_t n, int rows, enum action a)
{
	struct ui_list l = { n, *cur, *top, rows };

	if (!ui_list_key(&l, a))
		return false;
	*cur = l.cur;
	*top = l.top;
	return true;
}

struct find_ctx {
	size_t *cur, n, from;
	ui_row_text_fn text;
	void *ctx;
};

static void find_change(struct ui *ui, const char *typed, void *arg)
{
	struct find_ctx *fc = arg;
	char *want = text_fold(typed);

	if (*want) {
		size_t i;
		bool hit = false;

		for (size_t k = 0; k < fc->n && !hit; k++) {
			char *row, *folded;

			i = (fc->from + k) % fc->n;
			row = fc->text(ui, i, fc->ctx);
			folded = text_fold(row ? row : "");
			hit = strstr(folded, want) != NULL;
			free(folded);
			free(row);
			if (hit)
				*fc->cur = i;
		}
		if (!hit)
			ui_message(ui, true, "introuvable");
	}
	free(want);
}

void ui_list_find(struct ui *ui, size_t *cur, size_t n, ui_row_text_fn text,
		  void *ctx)
{
	struct find_ctx fc = { cur, n, *cur, text, ctx };
	char typed[128] = "";

	if (!n)
		return;
	if (!ui_prompt(ui, "Chercher dans la liste : ", typed, sizeof typed,
		       find_change, &fc))
		*cur = fc.from;
}
