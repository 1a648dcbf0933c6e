/*
 * Drawing primitives: every text goes through text_fit (width-aware,
 * ellipsis, controls neutralised, ASCII when the terminal is not UTF-8).
 * Each role has a colour pair and a monochrome attribute, so that no state
 * is shown by colour alone.
 */
#include "ui_internal.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdlib.h>

struct paint_style {
	short pair;
	attr_t mono;	/* used with or without colour */
};

static const struct paint_style styles[PAINT_COUNT] = {
	[PAINT_NORMAL] = { 0, A_NORMAL },
	[PAINT_HEADER] = { 1, A_BOLD },
	[PAINT_TAB] = { 1, A_NORMAL },
	[PAINT_TAB_ACTIVE] = { 0, A_REVERSE | A_BOLD },
	[PAINT_SELECTED] = { 2, A_REVERSE },
	[PAINT_SELECTED_DIM] = { 0, A_UNDERLINE },
	[PAINT_TITLE] = { 3, A_BOLD },
	[PAINT_DIM] = { 6, A_DIM },
	[PAINT_STATUS] = { 1, A_REVERSE },
	[PAINT_MESSAGE] = { 0, A_BOLD },
	[PAINT_ERROR] = { 4, A_BOLD },
	[PAINT_MATCH] = { 5, A_UNDERLINE | A_BOLD },
	[PAINT_BORDER] = { 6, A_NORMAL },
	[PAINT_MET] = { 7, A_NORMAL },
	[PAINT_MISSED] = { 4, A_BOLD },
	[PAINT_MISSING] = { 8, A_UNDERLINE },
	[PAINT_CURRENT] = { 3, A_BOLD | A_UNDERLINE },
};

static attr_t attr_of(const struct uiterm *t, enum paint r)
{
	attr_t a = styles[r].mono;

	if (t->color && styles[r].pair) {
		/* with colour, reverse video would undo the pair */
		if (r == PAINT_SELECTED || r == PAINT_STATUS)
			a &= ~(attr_t)A_REVERSE;
		a |= COLOR_PAIR(styles[r].pair);
	}
	return a;
}

void draw_text(const struct uiterm *t, int y, int x, int cols, enum paint r,
	       const char *s)
{
	char buf[2048];
	attr_t a = attr_of(t, r);

	if (cols <= 0 || y < 0 || y >= t->rows || x >= t->cols)
		return;
	if (x + cols > t->cols)
		cols = t->cols - x;
	text_fit(s ? s : "", cols, t->ascii, buf, sizeof buf);
	attron(a);
	mvaddstr(y, x, buf);
	attroff(a);
}

void draw_fill(const struct uiterm *t, int y, int x, int cols, enum paint r)
{
	attr_t a = attr_of(t, r);

	if (y < 0 || y >= t->rows || x >= t->cols)
		return;
	if (x + cols > t->cols)
		cols = t->cols - x;
	attron(a);
	mvhline(y, x, ' ', cols);
	attroff(a);
}

void draw_hline(const struct uiterm *t, int y, int x, int cols)
{
	attr_t a = attr_of(t, PAINT_BORDER);

	if (x + cols > t->cols)
		cols = t->cols - x;
	attron(a);
	mvhline(y, x, t->ascii ? '-' : ACS_HLINE, cols);
	attroff(a);
}

void draw_vline(const struct uiterm *t, int y, int x, int rows)
{
	attr_t a = attr_of(t, PAINT_BORDER);

	if (y + rows > t->rows)
		rows = t->rows - y;
	attron(a);
	mvvline(y, x, t->ascii ? '|' : ACS_VLINE, rows);
	attroff(a);
}

void draw_box(const struct uiterm *t, int y, int x, int rows, int cols)
{
	attr_t a = attr_of(t, PAINT_BORDER);

	if (rows < 2 || cols < 2 || y + rows > t->rows || x + cols > t->cols)
		return;
	draw_hline(t, y, x + 1, cols - 2);
	draw_hline(t, y + rows - 1, x + 1, cols - 2);
	draw_vline(t, y + 1, x, rows - 2);
	draw_vline(t, y + 1, x + cols - 1, rows - 2);
	attron(a);
	mvaddch(y, x, t->ascii ? '+' : ACS_ULCORNER);
	mvaddch(y, x + cols - 1, t->ascii ? '+' : ACS_URCORNER);
	mvaddch(y + rows - 1, x, t->ascii ? '+' : ACS_LLCORNER);
	/* the bottom-right cell of the screen cannot be written without
	 * scrolling: the box never reaches it (the status line is below) */
	mvaddch(y + rows - 1, x + cols - 1, t->ascii ? '+' : ACS_LRCORNER);
	attroff(a);
}

int draw_width(const struct uiterm *t, const char *s)
{
	if (t->ascii) {
		char *a = text_ascii(s);
		int w = text_width(a);

		free(a);
		return w;
	}
	return text_width(s);
}
