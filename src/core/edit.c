/*
 * The field editor (edit.h). The text is one buffer: insertion at the
 * caret moves what follows (a 1 MiB text moves in well under a
 * millisecond), and typing at the end, the common case, moves nothing.
 * Character boundaries are found by looking at a few code points around
 * the caret, never by scanning the text from its start.
 */
#include "suivi/edit.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Code points and characters                                          */

static unsigned long cp_at(const struct edit *ed, size_t i, size_t *n)
{
	unsigned long cp;
	size_t k = text_decode(ed->buf + i, ed->len - i, &cp);

	if (n)
		*n = k;
	return cp;
}

/* Start of the code point before i (i > 0). */
static size_t cp_before(const struct edit *ed, size_t i)
{
	size_t j = i - 1;

	while (j > 0 && i - j < 4 &&
	       ((unsigned char)ed->buf[j] & 0xC0) == 0x80)
		j--;
	/* a stray continuation byte is a character of its own */
	if (text_decode(ed->buf + j, ed->len - j, &(unsigned long){ 0 }) !=
	    i - j)
		j = i - 1;
	return j;
}

static bool is_regional(unsigned long cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* A code point that belongs to the character before it: combining marks,
 * variation selectors, the zero-width joiner, emoji modifiers, tags. */
static bool is_extend(unsigned long cp)
{
	if (cp == TEXT_CP_BAD || cp < 0x300)
		return false;
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       cp == 0x200D || cp == 0x200C || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
	       (cp >= 0xE0020 && cp <= 0xE007F) ||
	       (cp >= 0xE0100 && cp <= 0xE01EF) ||
	       /* marks of scripts: those glibc gives no width */
	       (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0x0591 && cp <= 0x05BD) ||
	       (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) ||
	       (cp >= 0x0900 && cp <= 0x0903) || (cp >= 0x093A && cp <= 0x094F) ||
	       (cp >= 0x3099 && cp <= 0x309A);
}

/* End of the character starting at i (i < len). */
static size_t char_end(const struct edit *ed, size_t i)
{
	size_t n;
	unsigned long cp = cp_at(ed, i, &n), prev = cp;
	size_t j = i + n;

	if (cp == '\n' || cp == TEXT_CP_BAD)
		return j;
	if (cp == '\r' && j < ed->len && ed->buf[j] == '\n')
		return j + 1;
	if (is_regional(cp) && j < ed->len) {
		unsigned long c2 = cp_at(ed, j, &n);

		if (is_regional(c2))
			return j + n;
		return j;
	}
	while (j < ed->len) {
		unsigned long c2 = cp_at(ed, j, &n);

		if (!is_extend(c2) && prev != 0x200D)
			break;
		if (c2 == '\n' || c2 == TEXT_CP_BAD)
			break;
		prev = c2;
		j += n;
	}
	return j;
}

/* Start of the character that ends at i (i > 0). */
static size_t char_start(const struct edit *ed, size_t i)
{
	size_t j = cp_before(ed, i);

	for (;;) {
		unsigned long cp = cp_at(ed, j, NULL);
		size_t p;
		unsigned long pc;

		if (j == 0 || cp == '\n' || cp == TEXT_CP_BAD)
			break;
		p = cp_before(ed, j);
		pc = cp_at(ed, p, NULL);
		if (is_extend(cp) || pc == 0x200D) {
			if (pc == '\n' || pc == TEXT_CP_BAD)
				break;
			j = p;
			continue;
		}
		if (is_regional(cp) && is_regional(pc)) {
			/* pairs from the left: count the run before */
			size_t k = p, run = 1;

			while (k > 0) {
				size_t q = cp_before(ed, k);

				if (!is_regional(cp_at(ed, q, NULL)))
					break;
				run++;
				k = q;
			}
			if (run % 2 == 1)
				j = p;
		}
		break;
	}
	return j;
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

static void reserve(struct edit *ed, size_t need)
{
	if (need + 1 > ed->cap) {
		size_t cap = ed->cap ? ed->cap : 64;

		while (cap < need + 1)
			cap *= 2;
		ed->buf = xrealloc(ed->buf, cap);
		ed->cap = cap;
	}
}

void edit_init_max(struct edit *ed, size_t max, bool multiline,
		   const char *text)
{
	memset(ed, 0, sizeof *ed);
	ed->lay_version = (unsigned long)-1;
	ed->max = max;
	ed->multiline = multiline;
	ed->goal = -1;
	ed->max_label = NULL;
	edit_set(ed, text);
}

void edit_init(struct edit *ed, enum text_kind kind, const char *text)
{
	edit_init_max(ed, text_kind_max(kind), text_kind_multiline(kind), text);
	ed->max_label = text_kind_max_label(kind);
}

void edit_release(struct edit *ed)
{
	free(ed->buf);
	free(ed->lay);
	ed->buf = NULL;
	ed->lay = NULL;
	ed->len = ed->cap = ed->caret = 0;
	ed->lay_n = ed->lay_cap = 0;
}

void edit_set(struct edit *ed, const char *text)
{
	size_t n = text ? strlen(text) : 0;

	reserve(ed, n);
	if (n)
		memcpy(ed->buf, text, n);
	ed->buf[n] = '\0';
	ed->len = n;
	ed->caret = n;
	ed->scroll = 0;
	ed->goal = -1;
	ed->version++;
}

/* ------------------------------------------------------------------ */
/* Insertion                                                           */

static void say_limit(const struct edit *ed, struct err *e, size_t adding)
{
	char label[64];

	if (ed->max_label) {
		snprintf(label, sizeof label, "%s", ed->max_label);
	} else {
		/* grouped by thousands, as French writes them: 2 000 */
		char digits[32];
		size_t n, k = 0;

		n = (size_t)snprintf(digits, sizeof digits, "%zu", ed->max);
		for (size_t i = 0; i < n; i++) {
			if (i && (n - i) % 3 == 0)
				label[k++] = ' ';
			label[k++] = digits[i];
		}
		snprintf(label + k, sizeof label - k, " octets");
	}
	if (adding <= 4)
		err_set(e, ERR_INPUT, "Limite du champ atteinte (%s au plus) : "
			"rien n'est ajouté, le texte reste tel quel", label);
	else
		err_set(e, ERR_INPUT, "Trop long pour ce champ (%s au plus) : "
			"ces %zu octets en feraient %zu de trop ; rien n'a été "
			"inséré", label, adding,
			ed->len + adding - ed->max);
}

int edit_insert(struct edit *ed, const char *s, size_t n, struct err *e)
{
	size_t bad, out = 0, dropped = 0, replaced = 0;
	char *clean;

	err_clear(e);
	if (!text_utf8_valid(s, n, &bad)) {
		err_set(e, ERR_INPUT, "Texte refusé : UTF-8 invalide (octet %zu)",
			bad + 1);
		return -1;
	}
	clean = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r' || c == '\n' || c == '\t') {
			if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
			if (ed->multiline) {
				clean[out++] = c == '\t' ? '\t' : '\n';
			} else {
				clean[out++] = ' ';
				replaced++;
			}
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			dropped++;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F) {
			i++;
			dropped++;
			continue;
		}
		clean[out++] = (char)c;
	}
	if (ed->len + out > ed->max) {
		say_limit(ed, e, out);
		free(clean);
		return -1;
	}
	reserve(ed, ed->len + out);
	memmove(ed->buf + ed->caret + out, ed->buf + ed->caret,
		ed->len - ed->caret + 1);
	memcpy(ed->buf + ed->caret, clean, out);
	ed->len += out;
	ed->caret += out;
	ed->goal = -1;
	ed->version++;
	free(clean);
	if (dropped && replaced)
		err_set(e, ERR_INPUT, "%zu caractère%s de contrôle ôté%s, "
			"retours à la ligne remplacés par des espaces (champ "
			"d'une ligne)", dropped, dropped > 1 ? "s" : "",
			dropped > 1 ? "s" : "");
	else if (dropped)
		err_set(e, ERR_INPUT, "%zu caractère%s de contrôle ôté%s : le "
			"reste est inséré", dropped, dropped > 1 ? "s" : "",
			dropped > 1 ? "s" : "");
	else if (replaced)
		err_set(e, ERR_INPUT, "Champ d'une ligne : retours à la ligne "
			"et tabulations remplacés par des espaces");
	return dropped || replaced ? 1 : 0;
}

int edit_insert_cp(struct edit *ed, unsigned long cp, struct err *e)
{
	char enc[4];
	size_t n;

	if (cp < 0x80) {
		enc[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xC0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xE0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else if (cp <= 0x10FFFF) {
		enc[0] = (char)(0xF0 | (cp >> 18));
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	} else {
		err_set(e, ERR_INPUT, "Caractère invalide");
		return -1;
	}
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
		if (!(cp == '\n' && ed->multiline)) {
			err_set(e, ERR_INPUT, "Caractère de contrôle refusé "
				"(U+%04lX) : rien n'est ajouté", cp);
			return -1;
		}
	}
	return edit_insert(ed, enc, n, e);
}

/* ------------------------------------------------------------------ */
/* Moves                                                               */

bool edit_left(struct edit *ed)
{
	ed->goal = -1;
	if (ed->caret == 0)
		return false;
	ed->caret = char_start(ed, ed->caret);
	return true;
}

bool edit_right(struct edit *ed)
{
	ed->goal = -1;
	if (ed->caret >= ed->len)
		return false;
	ed->caret = char_end(ed, ed->caret);
	return true;
}

/* A character of a word: not a blank, not ASCII punctuation. */
static bool wordish(const struct edit *ed, size_t i)
{
	unsigned char c = (unsigned char)ed->buf[i];

	if (c >= 0x80)
		return cp_at(ed, i, NULL) != 0xA0 && cp_at(ed, i, NULL) != 0x202F;
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z') || c == '_';
}

static size_t word_start(const struct edit *ed, size_t i)
{
	while (i > 0 && !wordish(ed, char_start(ed, i)))
		i = char_start(ed, i);
	while (i > 0 && wordish(ed, char_start(ed, i)))
		i = char_start(ed, i);
	return i;
}

bool edit_word_left(struct edit *ed)
{
	size_t i = word_start(ed, ed->caret);

	ed->goal = -1;
	if (i == ed->caret)
		return false;
	ed->caret = i;
	return true;
}

bool edit_word_right(struct edit *ed)
{
	size_t i = ed->caret;

	ed->goal = -1;
	while (i < ed->len && !wordish(ed, i))
		i = char_end(ed, i);
	while (i < ed->len && wordish(ed, i))
		i = char_end(ed, i);
	if (i == ed->caret)
		return false;
	ed->caret = i;
	return true;
}

static size_t line_start(const struct edit *ed, size_t i)
{
	while (i > 0 && ed->buf[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct edit *ed, size_t i)
{
	const char *nl = memchr(ed->buf + i, '\n', ed->len - i);

	return nl ? (size_t)(nl - ed->buf) : ed->len;
}

bool edit_home(struct edit *ed)
{
	size_t i = line_start(ed, ed->caret);

	ed->goal = -1;
	if (i == ed->caret)
		return false;
	ed->caret = i;
	return true;
}

bool edit_end(struct edit *ed)
{
	size_t i = line_end(ed, ed->caret);

	ed->goal = -1;
	if (i == ed->caret)
		return false;
	ed->caret = i;
	return true;
}

void edit_top(struct edit *ed)
{
	ed->caret = 0;
	ed->goal = -1;
}

void edit_bottom(struct edit *ed)
{
	ed->caret = ed->len;
	ed->goal = -1;
}

/* ------------------------------------------------------------------ */
/* Erases                                                              */

static bool cut(struct edit *ed, size_t from, size_t to)
{
	if (from >= to)
		return false;
	memmove(ed->buf + from, ed->buf + to, ed->len - to + 1);
	ed->len -= to - from;
	ed->caret = from;
	ed->goal = -1;
	ed->version++;
	return true;
}

bool edit_backspace(struct edit *ed)
{
	return ed->caret > 0 && cut(ed, char_start(ed, ed->caret), ed->caret);
}

bool edit_delete(struct edit *ed)
{
	return ed->caret < ed->len && cut(ed, ed->caret, char_end(ed, ed->caret));
}

bool edit_kill_word(struct edit *ed)
{
	return cut(ed, word_start(ed, ed->caret), ed->caret);
}

bool edit_kill_home(struct edit *ed)
{
	size_t s = line_start(ed, ed->caret);

	/* at the start of a line: the line break before it */
	if (s == ed->caret && s > 0)
		s--;
	return cut(ed, s, ed->caret);
}

bool edit_kill_end(struct edit *ed)
{
	size_t e = line_end(ed, ed->caret);
	size_t c = ed->caret;

	if (e == c && e < ed->len)
		e++;
	if (!cut(ed, c, e))
		return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */

/* Columns of the character at i, and its end in *next. */
static int char_cols(const struct edit *ed, size_t i, bool ascii, size_t *next)
{
	size_t end = char_end(ed, i);
	int cols = 0;

	for (size_t j = i; j < end;) {
		size_t n;

		cols += text_glyph(ed->buf + j, end - j, ascii, &n);
		j += n;
	}
	*next = end;
	return cols;
}

int edit_cols(const struct edit *ed, size_t from, size_t to, bool ascii)
{
	int cols = 0;

	while (from < to) {
		size_t n;

		cols += char_cols(ed, from, ascii, &n);
		from = n;
	}
	return cols;
}

/* Wrap the whole text into ed->lay (see edit_layout). */
static void relayout(struct edit *ed, int cols, bool ascii)
{
	size_t n = 0, start = 0, i = 0, brk = 0;
	int w = cols - 1 > 1 ? cols - 1 : 1, used = 0;

	for (;;) {
		bool end_row = false, hard = false;
		size_t row_end = 0, next_start = 0;

		if (i >= ed->len) {
			row_end = next_start = ed->len;
			end_row = true;
		} else if (ed->buf[i] == '\n') {
			row_end = i;
			next_start = i + 1;
			end_row = hard = true;
		} else {
			size_t nx;
			int cw = char_cols(ed, i, ascii, &nx);

			if (used + cw > w && i > start) {
				/* after the last space of the row, if any */
				row_end = next_start = brk > start ? brk : i;
				end_row = true;
			} else {
				used += cw;
				if (ed->buf[i] == ' ')
					brk = nx;
				i = nx;
			}
		}
		if (!end_row)
			continue;
		ed->lay = xgrow(ed->lay, &ed->lay_cap, n + 2, sizeof *ed->lay);
		ed->lay[n].start = start;
		ed->lay[n].end = row_end;
		n++;
		if (!hard && row_end == ed->len)
			break;
		start = brk = i = next_start;
		used = 0;
		if (hard && start == ed->len) {
			/* a final line break: an empty last row */
			ed->lay[n].start = ed->lay[n].end = start;
			n++;
			break;
		}
	}
	ed->lay_n = n;
	ed->lay_cols = cols;
	ed->lay_ascii = ascii;
	ed->lay_version = ed->version;
}

size_t edit_layout(struct edit *ed, int cols, bool ascii,
		   const struct edit_row **rows, size_t *caret_row,
		   int *caret_col)
{
	size_t lo = 0, hi;

	if (ed->lay_version != ed->version || ed->lay_cols != cols ||
	    ed->lay_ascii != ascii || !ed->lay)
		relayout(ed, cols, ascii);
	/* the caret's row: the last one starting at or before it (a soft
	 * break belongs to the row after it; the end of a row ended by a
	 * line break, to that row) */
	hi = ed->lay_n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (ed->lay[mid].start <= ed->caret)
			lo = mid;
		else
			hi = mid;
	}
	if (caret_row)
		*caret_row = lo;
	if (caret_col)
		*caret_col = edit_cols(ed, ed->lay[lo].start, ed->caret, ascii);
	if (rows)
		*rows = ed->lay;
	return ed->lay_n;
}

/* The byte of row r nearest to column col. */
static size_t at_col(const struct edit *ed, const struct edit_row *r, int col,
		     bool ascii)
{
	size_t i = r->start;
	int c = 0;

	while (i < r->end) {
		size_t nx;
		int cw = char_cols(ed, i, ascii, &nx);

		if (c + cw > col)
			break;
		c += cw;
		i = nx;
	}
	return i;
}

static bool vertical(struct edit *ed, int cols, bool ascii, int dir)
{
	const struct edit_row *rows;
	size_t row, n = edit_layout(ed, cols, ascii, &rows, &row, NULL);
	int goal = ed->goal;
	bool moved = false;

	if (goal < 0)
		goal = edit_cols(ed, rows[row].start, ed->caret, ascii);
	if ((dir < 0 && row > 0) || (dir > 0 && row + 1 < n)) {
		size_t to = dir < 0 ? row - 1 : row + 1;

		ed->caret = at_col(ed, &rows[to], goal, ascii);
		/* a soft row ends where the next starts: stay on it */
		if (ed->caret == rows[to].end && to + 1 < n &&
		    rows[to + 1].start == rows[to].end && ed->caret > rows[to].start)
			ed->caret = char_start(ed, ed->caret);
		moved = true;
	}
	ed->goal = goal;
	return moved;
}

bool edit_up(struct edit *ed, int cols, bool ascii)
{
	return vertical(ed, cols, ascii, -1);
}

bool edit_down(struct edit *ed, int cols, bool ascii)
{
	return vertical(ed, cols, ascii, 1);
}

void edit_view(struct edit *ed, int cols, bool ascii, size_t *first,
	       int *caret_col)
{
	int w = cols > 1 ? cols - 1 : 1;

	if (ed->scroll > ed->caret || ed->scroll > ed->len)
		ed->scroll = ed->caret;
	/* the scroll must sit on a character boundary */
	if (ed->scroll > 0 && ed->scroll < ed->len &&
	    char_end(ed, char_start(ed, ed->scroll)) != ed->scroll)
		ed->scroll = char_start(ed, ed->scroll);
	/* back from the caret: keep a little context on the left */
	if (edit_cols(ed, ed->scroll, ed->caret, ascii) > w) {
		size_t s = ed->caret;
		int c = 0;

		while (s > 0) {
			size_t p = char_start(ed, s);
			size_t nx;
			int cw = char_cols(ed, p, ascii, &nx);

			if (c + cw > w * 3 / 4)
				break;
			c += cw;
			s = p;
		}
		ed->scroll = s;
	}
	*first = ed->scroll;
	*caret_col = edit_cols(ed, ed->scroll, ed->caret, ascii);
}
