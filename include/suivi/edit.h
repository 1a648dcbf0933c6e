/*
 * edit.h - the one field editor: a text, a caret, a limit.
 *
 * Every place where the user types text (form fields, the grid's cell
 * editor, prompts, searches) edits a struct edit; the UI only draws it
 * and maps keys to these calls. No curses here: the editor is tested in
 * process.
 *
 * Invariants: buf is valid UTF-8, NUL-terminated, len bytes, at most max
 * bytes (a text set from outside may be longer: it is kept whole, and
 * only insertions are refused); no control character but '\n' and tab in
 * a multi-line editor, none in a one-line one; caret is a byte offset on
 * the boundary of a user-perceived character (a base and its combining
 * marks, an emoji with its modifiers and zero-width-joined partners, a
 * pair of regional indicators), so that moves and erases take such a
 * character as one.
 *
 * Widths are display columns as text_fit draws them (text.h), ascii
 * selecting the transliterated spelling; they need a UTF-8 LC_CTYPE.
 */
#ifndef SUIVI_EDIT_H
#define SUIVI_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/limits.h"

/* A row of text on screen: bytes [start, end) of buf. */
struct edit_row {
	size_t start, end;
};

struct edit {
	char *buf;
	size_t len, cap;
	size_t caret;
	size_t max;		/* bytes */
	bool multiline;		/* '\n' may be inserted */
	const char *max_label;	/* the limit said in French */
	size_t scroll;		/* first byte (one line) or row shown */
	int goal;		/* column kept by up / down (-1: none) */
	/* the last layout, kept until the text changes (edit_layout) */
	unsigned long version, lay_version;
	struct edit_row *lay;
	size_t lay_n, lay_cap;
	int lay_cols;
	bool lay_ascii;
};

/* An editor of a kind of text (limits.h) holding text (NULL: empty),
 * caret at its end. */
void edit_init(struct edit *ed, enum text_kind kind, const char *text);
/* The same with a limit of its own (a date, a year: a few bytes). */
void edit_init_max(struct edit *ed, size_t max, bool multiline,
		   const char *text);
void edit_release(struct edit *ed);
/* Replace the text (caret at its end). */
void edit_set(struct edit *ed, const char *text);
static inline const char *edit_text(const struct edit *ed)
{
	return ed->buf;
}

/*
 * Insert n bytes at the caret (typed or pasted), caret after them.
 *  - In a multi-line editor CR LF and CR become '\n'; in a one-line one
 *    line breaks and tabs become spaces.
 *  - Other control characters (C0, DEL, C1) are left out.
 *  - Invalid UTF-8 is refused whole.
 *  - When the result would pass the limit, nothing is inserted.
 * Returns 0 when inserted as given; 1 when inserted with a change said
 * in e (line breaks replaced, controls left out); -1 when nothing was
 * inserted, the French reason in e (ERR_INPUT).
 */
int edit_insert(struct edit *ed, const char *s, size_t n, struct err *e);
/* One code point (a key): same rules. */
int edit_insert_cp(struct edit *ed, unsigned long cp, struct err *e);

/* Moves (false when the caret could not move). */
bool edit_left(struct edit *ed);
bool edit_right(struct edit *ed);
bool edit_word_left(struct edit *ed);
bool edit_word_right(struct edit *ed);
/* Start / end of the line (of the logical line: '\n' to '\n'). */
bool edit_home(struct edit *ed);
bool edit_end(struct edit *ed);
/* Start / end of the whole text. */
void edit_top(struct edit *ed);
void edit_bottom(struct edit *ed);

/* Erases (false when nothing was erased). */
bool edit_backspace(struct edit *ed);	/* the character before */
bool edit_delete(struct edit *ed);	/* the character after */
bool edit_kill_word(struct edit *ed);	/* Ctrl-W: the word before */
bool edit_kill_home(struct edit *ed);	/* Ctrl-U: to the line's start */
bool edit_kill_end(struct edit *ed);	/* Ctrl-K: to the line's end */


/*
 * Wrap the text into rows of at most cols - 1 columns (the last column
 * keeps room for the caret), breaking after a space when the row has one,
 * else between characters; '\n' ends a row. *rows (may be NULL) points
 * to the editor's own copy, valid until the text changes: a layout is
 * made once per change, not once per drawing. Returns the count (>= 1:
 * an empty text has one empty row). *caret_row and *caret_col (may be
 * NULL) say where the caret is.
 */
size_t edit_layout(struct edit *ed, int cols, bool ascii,
		   const struct edit_row **rows, size_t *caret_row,
		   int *caret_col);
/* Up / down a row of that layout, keeping the column the caret had
 * (false at the first / last row). */
bool edit_up(struct edit *ed, int cols, bool ascii);
bool edit_down(struct edit *ed, int cols, bool ascii);
/* A one-line view cols columns wide: the first byte shown, moved just
 * enough for the caret to be seen (ed->scroll keeps it from a call to the
 * next, so the view does not jump), and the caret's column in it. */
void edit_view(struct edit *ed, int cols, bool ascii, size_t *first,
	       int *caret_col);
/* The columns of buf[from, to). */
int edit_cols(const struct edit *ed, size_t from, size_t to, bool ascii);

#endif
