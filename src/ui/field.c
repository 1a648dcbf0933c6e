/*
 * The field editor on screen: an edit (suivi/edit.h) drawn in a box with
 * its caret, and the keys that edit it. Forms, the grid's cell editor,
 * prompts and searches all go through here, so every text field has the
 * same keys:
 *
 *   ← → (Ctrl+← Ctrl+→, Alt+b Alt+f by words)   Début Fin (Ctrl+A Ctrl+E)
 *   Retour arrière, Suppr (Ctrl+D), Ctrl+W the word before, Ctrl+U to the
 *   start of the line, Ctrl+K to its end; in a long text ↑ ↓ between rows
 *   and Ctrl+J or Alt+Entrée for a line break; a paste goes in whole.
 *
 * Every printable key is text. What is not an editing key is left to
 * the caller (Tab, Entrée, Échap, F-keys…).
 */
#include "ui_internal.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static void say(struct ui *ui, const struct err *e)
{
	if (e->msg[0])
		ui_message(ui, true, "%s", e->msg);
}

/* A line break in a long text (not a key of a one-line field). */
static enum field_result line_break(struct ui *ui, struct edit *ed)
{
	struct err e;
	int r;

	if (!ed->multiline)
		return FIELD_NOT_MINE;
	err_clear(&e);
	r = edit_insert_cp(ed, '\n', &e);
	say(ui, &e);
	return r >= 0 ? FIELD_CHANGED : FIELD_STAYED;
}

enum field_result ui_field_key(struct ui *ui, struct edit *ed,
			       const struct key *k, int cols)
{
	struct err e;
	bool ascii = ui->term.ascii;
	int r;

	err_clear(&e);
	if (k->special) {
		switch (k->code) {
		case KEY_LEFT:
			return (k->ctrl ? edit_word_left(ed) : edit_left(ed))
				? FIELD_MOVED : FIELD_STAYED;
		case KEY_RIGHT:
			return (k->ctrl ? edit_word_right(ed) : edit_right(ed))
				? FIELD_MOVED : FIELD_STAYED;
		case KEY_HOME:
			edit_home(ed);
			return FIELD_MOVED;
		case KEY_END:
			edit_end(ed);
			return FIELD_MOVED;
		case KEY_BACKSPACE:
			return edit_backspace(ed) ? FIELD_CHANGED : FIELD_STAYED;
		case KEY_DC:
			return edit_delete(ed) ? FIELD_CHANGED : FIELD_STAYED;
		case KEY_UP:
			if (ed->multiline && edit_up(ed, cols, ascii))
				return FIELD_MOVED;
			return FIELD_NOT_MINE;
		case KEY_DOWN:
			if (ed->multiline && edit_down(ed, cols, ascii))
				return FIELD_MOVED;
			return FIELD_NOT_MINE;
		case TERM_KEY_PASTE: {
			size_t n;
			const char *p = term_paste(&n);

			r = edit_insert(ed, p, n, &e);
			say(ui, &e);
			return r >= 0 ? FIELD_CHANGED : FIELD_STAYED;
		}
		default:
			return FIELD_NOT_MINE;
		}
	}
	if (k->alt) {
		switch (k->code) {
		case 'b':
			edit_word_left(ed);
			return FIELD_MOVED;
		case 'f':
			edit_word_right(ed);
			return FIELD_MOVED;
		case 127:
			return edit_kill_word(ed) ? FIELD_CHANGED : FIELD_STAYED;
		case '\r':	/* Alt+Entrée */
			return line_break(ui, ed);
		default:
			return FIELD_NOT_MINE;
		}
	}
	switch (k->code) {
	case KEY_CTRL('a'):
		edit_home(ed);
		return FIELD_MOVED;
	case KEY_CTRL('e'):
		edit_end(ed);
		return FIELD_MOVED;
	case KEY_CTRL('b'):
		return edit_left(ed) ? FIELD_MOVED : FIELD_STAYED;
	case KEY_CTRL('f'):
		return edit_right(ed) ? FIELD_MOVED : FIELD_STAYED;
	case KEY_CTRL('d'):
		return edit_delete(ed) ? FIELD_CHANGED : FIELD_STAYED;
	case KEY_CTRL('h'):
	case 127:
		return edit_backspace(ed) ? FIELD_CHANGED : FIELD_STAYED;
	case KEY_CTRL('w'):
		return edit_kill_word(ed) ? FIELD_CHANGED : FIELD_STAYED;
	case KEY_CTRL('u'):
		return edit_kill_home(ed) ? FIELD_CHANGED : FIELD_STAYED;
	case KEY_CTRL('k'):
		return edit_kill_end(ed) ? FIELD_CHANGED : FIELD_STAYED;
	case '\n':	/* Ctrl+J */
		return line_break(ui, ed);
	default:
		break;
	}
	if (k->code < 0x20 || k->code == 0x7F ||
	    (k->code >= 0x80 && k->code < 0xA0))
		return FIELD_NOT_MINE;
	r = edit_insert_cp(ed, (unsigned long)k->code, &e);
	say(ui, &e);
	return r >= 0 ? FIELD_CHANGED : FIELD_STAYED;
}

int ui_field_rows(struct ui *ui, struct edit *ed, int w, int max)
{
	size_t n;

	if (!ed->multiline || max <= 1)
		return 1;
	n = edit_layout(ed, w, ui->term.ascii, NULL, NULL, NULL);
	return n < (size_t)max ? (int)n : max;
}

/* Bytes [a, b) of ed as a string (heap). */
static char *slice(const struct edit *ed, size_t a, size_t b)
{
	return xstrndup(ed->buf + a, b - a);
}

void ui_field_draw(struct ui *ui, struct edit *ed, int y, int x, int w, int h,
		   enum paint p, bool focus)
{
	const struct uiterm *t = &ui->term;

	if (w < 2 || h < 1)
		return;
	if (!ed->multiline || h == 1) {
		size_t first;
		int col;
		char *s;

		edit_view(ed, w, t->ascii, &first, &col);
		s = slice(ed, first, ed->len < first + 65536 ? ed->len
							   : first + 65536);
		draw_fill(t, y, x, w, p);
		draw_text(t, y, x, w, p, s);
		free(s);
		if (focus)
			ui_caret(ui, y, x + col);
		return;
	}
	{
		const struct edit_row *rows;
		size_t row, n = edit_layout(ed, w, t->ascii, &rows, &row, NULL);
		int col = 0;

		/* ed->scroll: the first row shown, moved to keep the caret
		 * in view */
		if (ed->scroll > row)
			ed->scroll = row;
		if (row >= ed->scroll + (size_t)h)
			ed->scroll = row - (size_t)h + 1;
		if (ed->scroll >= n)
			ed->scroll = 0;
		for (int i = 0; i < h; i++) {
			size_t r = ed->scroll + (size_t)i;

			draw_fill(t, y + i, x, w, p);
			if (r < n) {
				char *s = slice(ed, rows[r].start, rows[r].end);

				draw_text(t, y + i, x, w, p, s);
				free(s);
			}
		}
		if (focus && row >= ed->scroll && row < ed->scroll + (size_t)h) {
			col = edit_cols(ed, rows[row].start, ed->caret, t->ascii);
			ui_caret(ui, y + (int)(row - ed->scroll), x + col);
		}
		/* more above or below: said in the margin */
		if (ed->scroll > 0)
			draw_text(t, y, x + w - 1, 1, PAINT_DIM,
				  t->ascii ? "^" : "↑");
		if (ed->scroll + (size_t)h < n)
			draw_text(t, y + h - 1, x + w - 1, 1, PAINT_DIM,
				  t->ascii ? "v" : "↓");
	}
}

const char ui_field_keys_text[] =
	"Dans un champ de texte (formulaire, case, saisie, recherche), toute "
	"touche imprimable s'écrit : lettres, chiffres, espace, ponctuation, "
	"tout caractère. Les commandes y sont des touches qui ne sont pas du "
	"texte : Tab et Maj+Tab (champ suivant, précédent), Entrée "
	"(enregistrer), Échap ou Ctrl+C (abandonner, en demandant si quelque "
	"chose a été tapé), ← → (caractère), Ctrl+← Ctrl+→ ou Alt+b Alt+f "
	"(mot), Début Fin ou Ctrl+A Ctrl+E (début, fin de ligne), Retour "
	"arrière et Suppr, Ctrl+W (efface le mot avant), Ctrl+U (jusqu'au "
	"début de la ligne), Ctrl+K (jusqu'à la fin), ↑ ↓ (ligne d'un texte "
	"long, sinon champ), Ctrl+J ou Alt+Entrée (saut de ligne dans un texte "
	"long), F1 (cette aide). Un choix s'ouvre en liste par Espace, ← →, F4 "
	"ou une lettre (qui cherche). Un collage entre d'un coup ; au-delà de "
	"la limite du champ il est refusé, avec la limite dite, et rien de ce "
	"qui était tapé n'est perdu. Ctrl+Z suspend suivi (fg le reprend).";

void ui_field_help(struct ui *ui)
{
	ui_show_whole(ui, " Aide : champs de texte ", ui_field_keys_text);
}
