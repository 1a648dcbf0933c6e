/* wcwidth is X/Open: the Makefile's own feature macros do not declare it
 * (pkg-config's ncursesw flags may already define _XOPEN_SOURCE). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "suivi/text.h"
#include "suivi/strbuf.h"
#include "suivi/xalloc.h"

#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* utf8_decode's code point for a byte that does not start a valid
 * sequence; it stands for that one byte. */
#define TEXT_BAD UINT32_MAX

/* The one UTF-8 decoder of the project: the code point starting at s (len
 * bytes available, len > 0) in *cp, and its length. A byte that does not
 * start a well-formed sequence (overlong, surrogate, above U+10FFFF,
 * truncated) gives TEXT_BAD and length 1, so callers resynchronise on the
 * next byte. */
static size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n;
	uint32_t v;

	*cp = TEXT_BAD;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		v = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		v = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		v = s[0] & 0x07;
	} else {
		return 1;
	}
	if (n > len)
		return 1;
	for (size_t k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 1;
		v = (v << 6) | (s[k] & 0x3F);
	}
	if ((n == 3 && v < 0x800) || (n == 4 && v < 0x10000) ||
	    v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 1;
	*cp = v;
	return n;
}

bool text_utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (cp == TEXT_BAD) {
			if (bad)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

bool text_has_control(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c < 0x20 && c != '\t') || c == 0x7F)
			return true;
	}
	return false;
}

/* Bidirectional formatting characters: they reorder what follows on the
 * screen (a path "x\u202Efdp.exe" reads "xexe.pdf"), so a message or a
 * screen shows each as "?", as a control character. */
static bool is_bidi(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* The one rule of what may not reach a terminal raw, for text_defang and
 * for the glyphs of text_fit (where it becomes "?" too). */
static bool is_hostile(uint32_t cp)
{
	return cp == TEXT_BAD || is_control(cp) || is_bidi(cp);
}

char *text_defang(char *s)
{
	size_t len = strlen(s), r = 0, w = 0;

	while (r < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + r, len - r, &cp);

		if (is_hostile(cp)) {
			s[w++] = '?';
		} else {
			memmove(s + w, s + r, n);
			w += n;
		}
		r += n;
	}
	s[w] = '\0';
	return s;
}

/* One conversion of text_vformat's format, without '*': printed alone.
 * The format was checked by the compiler at the caller's call (text_format
 * and err_set carry the printf attribute); spec is a piece of it, so not
 * a literal here: gcc lets that pass, clang says it (the fuzz build). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void add_conv(struct strbuf *sb, bool defang, const char *spec, ...)
{
	char small[256], *out = small;
	va_list ap;
	int n;

	va_start(ap, spec);
	n = vsnprintf(small, sizeof small, spec, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small) {
		out = xmalloc((size_t)n + 1);
		va_start(ap, spec);
		vsnprintf(out, (size_t)n + 1, spec, ap);
		va_end(ap);
	}
	if (defang)
		text_defang(out);
	strbuf_addstr(sb, out);
	if (out != small)
		free(out);
}
#pragma GCC diagnostic pop

enum conv_len { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T,
		LEN_BIG_L };

/* The conversion at fmt ('%'), its arguments taken from *ap, appended to
 * sb; returns what follows it in fmt. */
static const char *format_conv(struct strbuf *sb, const char *fmt,
			       va_list *ap)
{
	const char *q = fmt + 1, *flags, *mod;
	char spec[64], *end;
	size_t nflags, nmod;
	int width = -1, prec = -1, n;
	bool star_width = false;
	enum conv_len len = LEN_NONE;
	char c;

	if (*q == '%') {
		strbuf_addch(sb, '%');
		return q + 1;
	}
	flags = q;
	nflags = strspn(q, "-+ #0'");
	q += nflags;
	if (*q == '*') {
		width = va_arg(*ap, int);
		star_width = true;
		q++;
	} else if (*q >= '1' && *q <= '9') {
		width = (int)strtol(q, &end, 10);
		q = end;
	}
	if (*q == '.') {
		q++;
		if (*q == '*') {
			prec = va_arg(*ap, int);
			q++;
		} else {
			prec = (int)strtol(q, &end, 10);
			q = end;
		}
	}
	mod = q;
	switch (*q) {
	case 'h': len = q[1] == 'h' ? LEN_HH : LEN_H; break;
	case 'l': len = q[1] == 'l' ? LEN_LL : LEN_L; break;
	case 'z': len = LEN_Z; break;
	case 'j': len = LEN_J; break;
	case 't': len = LEN_T; break;
	case 'L': len = LEN_BIG_L; break;
	default: break;
	}
	nmod = len == LEN_NONE ? 0 : len == LEN_HH || len == LEN_LL ? 2 : 1;
	q += nmod;
	c = *q;
	if (!c || nflags > 8) {
		strbuf_add(sb, fmt, (size_t)(q - fmt));
		return q;
	}
	q++;
	/* the spec again, each '*' replaced by the number it took (a
	 * negative width is a '-' flag, a negative precision none) */
	n = snprintf(spec, sizeof spec, "%%%.*s%s", (int)nflags, flags,
		     star_width && width < 0 ? "-" : "");
	if (star_width && width < 0)
		width = width == INT_MIN ? INT_MAX : -width;
	if (width >= 0)
		n += snprintf(spec + n, sizeof spec - (size_t)n, "%d", width);
	if (prec >= 0)
		n += snprintf(spec + n, sizeof spec - (size_t)n, ".%d", prec);
	snprintf(spec + n, sizeof spec - (size_t)n, "%.*s%c", (int)nmod, mod,
		 c);
	switch (c) {
	case 'd': case 'i':
		switch (len) {
		case LEN_L: add_conv(sb, false, spec, va_arg(*ap, long)); break;
		case LEN_LL:
			add_conv(sb, false, spec, va_arg(*ap, long long));
			break;
		case LEN_Z: add_conv(sb, false, spec, va_arg(*ap, ssize_t)); break;
		case LEN_J: add_conv(sb, false, spec, va_arg(*ap, intmax_t)); break;
		case LEN_T:
			add_conv(sb, false, spec, va_arg(*ap, ptrdiff_t));
			break;
		default: add_conv(sb, false, spec, va_arg(*ap, int)); break;
		}
		break;
	case 'u': case 'o': case 'x': case 'X':
		switch (len) {
		case LEN_L:
			add_conv(sb, false, spec, va_arg(*ap, unsigned long));
			break;
		case LEN_LL:
			add_conv(sb, false, spec,
				 va_arg(*ap, unsigned long long));
			break;
		case LEN_Z: add_conv(sb, false, spec, va_arg(*ap, size_t)); break;
		case LEN_J:
			add_conv(sb, false, spec, va_arg(*ap, uintmax_t));
			break;
		case LEN_T:
			add_conv(sb, false, spec, va_arg(*ap, ptrdiff_t));
			break;
		default:
			add_conv(sb, false, spec, va_arg(*ap, unsigned int));
			break;
		}
		break;
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
	case 'a': case 'A':
		if (len == LEN_BIG_L)
			add_conv(sb, false, spec, va_arg(*ap, long double));
		else
			add_conv(sb, false, spec, va_arg(*ap, double));
		break;
	case 'c':
		add_conv(sb, true, spec, va_arg(*ap, int));
		break;
	case 's':
		add_conv(sb, true, spec, va_arg(*ap, const char *));
		break;
	case 'p':
		add_conv(sb, false, spec, va_arg(*ap, void *));
		break;
	case 'n':
		/* never in a message of ours: its pointer taken, nothing
		 * written through it */
		(void)va_arg(*ap, void *);
		break;
	default:
		strbuf_add(sb, fmt, (size_t)(q - fmt));
		break;
	}
	return q;
}

char *text_vformat(const char *fmt, va_list ap)
{
	struct strbuf sb;
	va_list aq;

	strbuf_init(&sb);
	va_copy(aq, ap);
	while (*fmt) {
		const char *pct = strchr(fmt, '%');

		if (!pct) {
			strbuf_addstr(&sb, fmt);
			break;
		}
		strbuf_add(&sb, fmt, (size_t)(pct - fmt));
		fmt = format_conv(&sb, pct, &aq);
	}
	va_end(aq);
	return strbuf_detach(&sb);
}

char *text_format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = text_vformat(fmt, ap);
	va_end(ap);
	return s;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *text_lf(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		if (*r != '\r') {
			*w++ = *r;
			continue;
		}
		*w++ = '\n';
		if (r[1] == '\n')
			r++;
	}
	*w = '\0';
	return s;
}

char *text_trim(char *s)
{
	size_t n = strlen(s), start = 0;

	while (n > 0 && blank(s[n - 1]))
		n--;
	while (start < n && blank(s[start]))
		start++;
	memmove(s, s + start, n - start);
	s[n - start] = '\0';
	return s;
}

bool text_blank(const char *s)
{
	for (; s && *s; s++)
		if (!blank(*s))
			return false;
	return true;
}

bool text_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Transliteration shared by text_fold (lower-cased) and text_ascii, sorted
 * by code point for bsearch. Latin letters go to their base letter; the
 * punctuation is what French typography puts in our texts. */
struct translit {
	uint32_t cp;
	const char *ascii;
};

static const struct translit translit_table[] = {
	{ 0x00A0, " " }, { 0x00AB, "\"" }, { 0x00B0, "o" }, { 0x00B2, "2" },
	{ 0x00B7, "-" }, { 0x00BB, "\"" },
	{ 0x00C0, "A" }, { 0x00C1, "A" }, { 0x00C2, "A" }, { 0x00C3, "A" },
	{ 0x00C4, "A" }, { 0x00C5, "A" }, { 0x00C6, "AE" }, { 0x00C7, "C" },
	{ 0x00C8, "E" }, { 0x00C9, "E" }, { 0x00CA, "E" }, { 0x00CB, "E" },
	{ 0x00CC, "I" }, { 0x00CD, "I" }, { 0x00CE, "I" }, { 0x00CF, "I" },
	{ 0x00D0, "D" }, { 0x00D1, "N" }, { 0x00D2, "O" }, { 0x00D3, "O" },
	{ 0x00D4, "O" }, { 0x00D5, "O" }, { 0x00D6, "O" }, { 0x00D7, "x" }, { 0x00D8, "O" },
	{ 0x00D9, "U" }, { 0x00DA, "U" }, { 0x00DB, "U" }, { 0x00DC, "U" },
	{ 0x00DD, "Y" }, { 0x00DE, "TH" }, { 0x00DF, "ss" }, { 0x00E0, "a" },
	{ 0x00E1, "a" }, { 0x00E2, "a" }, { 0x00E3, "a" }, { 0x00E4, "a" },
	{ 0x00E5, "a" }, { 0x00E6, "ae" }, { 0x00E7, "c" }, { 0x00E8, "e" },
	{ 0x00E9, "e" }, { 0x00EA, "e" }, { 0x00EB, "e" }, { 0x00EC, "i" },
	{ 0x00ED, "i" }, { 0x00EE, "i" }, { 0x00EF, "i" }, { 0x00F0, "d" },
	{ 0x00F1, "n" }, { 0x00F2, "o" }, { 0x00F3, "o" }, { 0x00F4, "o" },
	{ 0x00F5, "o" }, { 0x00F6, "o" }, { 0x00F7, "/" }, { 0x00F8, "o" }, { 0x00F9, "u" },
	{ 0x00FA, "u" }, { 0x00FB, "u" }, { 0x00FC, "u" }, { 0x00FD, "y" },
	{ 0x00FE, "th" }, { 0x00FF, "y" }, { 0x0100, "A" }, { 0x0101, "a" },
	{ 0x0102, "A" }, { 0x0103, "a" }, { 0x0104, "A" }, { 0x0105, "a" },
	{ 0x0106, "C" }, { 0x0107, "c" }, { 0x0108, "C" }, { 0x0109, "c" },
	{ 0x010A, "C" }, { 0x010B, "c" }, { 0x010C, "C" }, { 0x010D, "c" },
	{ 0x010E, "D" }, { 0x010F, "d" }, { 0x0110, "D" }, { 0x0111, "d" },
	{ 0x0112, "E" }, { 0x0113, "e" }, { 0x0114, "E" }, { 0x0115, "e" },
	{ 0x0116, "E" }, { 0x0117, "e" }, { 0x0118, "E" }, { 0x0119, "e" },
	{ 0x011A, "E" }, { 0x011B, "e" }, { 0x011C, "G" }, { 0x011D, "g" },
	{ 0x011E, "G" }, { 0x011F, "g" }, { 0x0120, "G" }, { 0x0121, "g" },
	{ 0x0122, "G" }, { 0x0123, "g" }, { 0x0124, "H" }, { 0x0125, "h" },
	{ 0x0126, "H" }, { 0x0127, "h" }, { 0x0128, "I" }, { 0x0129, "i" },
	{ 0x012A, "I" }, { 0x012B, "i" }, { 0x012C, "I" }, { 0x012D, "i" },
	{ 0x012E, "I" }, { 0x012F, "i" }, { 0x0130, "I" }, { 0x0131, "i" },
	{ 0x0132, "IJ" }, { 0x0133, "ij" }, { 0x0134, "J" }, { 0x0135, "j" },
	{ 0x0136, "K" }, { 0x0137, "k" }, { 0x0138, "k" }, { 0x0139, "L" },
	{ 0x013A, "l" }, { 0x013B, "L" }, { 0x013C, "l" }, { 0x013D, "L" },
	{ 0x013E, "l" }, { 0x013F, "L" }, { 0x0140, "l" }, { 0x0141, "L" },
	{ 0x0142, "l" }, { 0x0143, "N" }, { 0x0144, "n" }, { 0x0145, "N" },
	{ 0x0146, "n" }, { 0x0147, "N" }, { 0x0148, "n" }, { 0x0149, "'n" },
	{ 0x014A, "N" }, { 0x014B, "n" }, { 0x014C, "O" }, { 0x014D, "o" },
	{ 0x014E, "O" }, { 0x014F, "o" }, { 0x0150, "O" }, { 0x0151, "o" },
	{ 0x0152, "OE" }, { 0x0153, "oe" }, { 0x0154, "R" }, { 0x0155, "r" },
	{ 0x0156, "R" }, { 0x0157, "r" }, { 0x0158, "R" }, { 0x0159, "r" },
	{ 0x015A, "S" }, { 0x015B, "s" }, { 0x015C, "S" }, { 0x015D, "s" },
	{ 0x015E, "S" }, { 0x015F, "s" }, { 0x0160, "S" }, { 0x0161, "s" },
	{ 0x0162, "T" }, { 0x0163, "t" }, { 0x0164, "T" }, { 0x0165, "t" },
	{ 0x0166, "T" }, { 0x0167, "t" }, { 0x0168, "U" }, { 0x0169, "u" },
	{ 0x016A, "U" }, { 0x016B, "u" }, { 0x016C, "U" }, { 0x016D, "u" },
	{ 0x016E, "U" }, { 0x016F, "u" }, { 0x0170, "U" }, { 0x0171, "u" },
	{ 0x0172, "U" }, { 0x0173, "u" }, { 0x0174, "W" }, { 0x0175, "w" },
	{ 0x0176, "Y" }, { 0x0177, "y" }, { 0x0178, "Y" }, { 0x0179, "Z" },
	{ 0x017A, "z" }, { 0x017B, "Z" }, { 0x017C, "z" }, { 0x017D, "Z" },
	{ 0x017E, "z" }, { 0x017F, "s" },
	{ 0x2009, " " }, { 0x2010, "-" }, { 0x2011, "-" }, { 0x2013, "-" },
	{ 0x2014, "-" }, { 0x2018, "'" }, { 0x2019, "'" }, { 0x201C, "\"" },
	{ 0x201D, "\"" }, { 0x2022, "*" }, { 0x2026, "..." }, { 0x202F, " " },
	{ 0x2039, "<" }, { 0x203A, ">" }, { 0x20AC, "EUR" }, { 0x2190, "<-" },
	{ 0x2191, "^" }, { 0x2192, "->" }, { 0x2193, "v" }, { 0x2197, "^" }, { 0x2198, "v" },
	{ 0x2212, "-" }, { 0x2264, "<=" }, { 0x2265, ">=" },
	{ 0x2500, "-" }, { 0x2502, "|" }, { 0x25B8, ">" },
};

static int translit_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	uint32_t other = ((const struct translit *)elem)->cp;

	return (cp > other) - (cp < other);
}

/* The ASCII for a non-ASCII code point: "" for a combining accent, NULL
 * when it has no mapping. */
static const char *translit(uint32_t cp)
{
	const struct translit *t;

	if (cp >= 0x0300 && cp <= 0x036F)
		return "";
	t = bsearch(&cp, translit_table,
		    sizeof translit_table / sizeof translit_table[0],
		    sizeof translit_table[0], translit_cmp);
	return t ? t->ascii : NULL;
}

/* What glues emoji into one picture: the zero width joiner (U+200D),
 * variation selectors (U+FE00-U+FE0F, U+E0100-U+E01EF: VS16 asks for an
 * emoji of two columns), skin tone modifiers (U+1F3FB-U+1F3FF) and tag
 * characters (U+E0000-U+E007F, subdivision flags). Terminals disagree on
 * the width of the result (tmux draws 👩‍💻 in 2 columns where wcwidth,
 * and so curses, counts 4; others widen ❤️ to 2 where wcwidth says 1), and
 * the cells curses believes written are then not the terminal's: stale
 * letters stay. Dropped from what is drawn, the pieces keep widths every
 * terminal agrees on (👩💻, ❤). */
static bool is_emoji_joiner(uint32_t cp)
{
	return cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
	       (cp >= 0xE0000 && cp <= 0xE007F) ||
	       (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* One decoded character as the terminal will show it. */
struct glyph {
	size_t len;		/* bytes taken from the source */
	const char *out;	/* bytes to show: the source, or a replacement */
	size_t out_len;
	int cols;
};

/* The character at s (s < end), shown on a UTF-8 terminal or, when ascii,
 * transliterated. Anything that could drive the terminal becomes "?". */
static void glyph_next(const char *s, const char *end, bool ascii,
		       struct glyph *g)
{
	uint32_t cp;
	int w;

	g->len = utf8_decode(s, (size_t)(end - s), &cp);
	g->out = s;
	g->out_len = g->len;
	if (is_hostile(cp)) {
		w = -1;
	} else if (is_emoji_joiner(cp)) {
		g->out = "";
		g->out_len = 0;
		w = 0;
	} else if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
		/* a regional indicator: wcwidth says 1, terminals draw a
		 * pair as one flag of 2 columns, a lone one in 1 or 2; its
		 * letter (🇫🇷 -> FR) has one width everywhere */
		g->out = &"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[cp - 0x1F1E6];
		g->out_len = 1;
		w = 1;
	} else if (cp < 0x80) {
		w = 1;
	} else if (ascii) {
		g->out = translit(cp);
		w = g->out ? (int)strlen(g->out) : -1;
		g->out_len = (size_t)w;
	} else {
		w = wcwidth((wchar_t)cp);
	}
	if (w < 0) {
		g->out = "?";
		g->out_len = 1;
		w = 1;
	}
	g->cols = w;
}

int text_glyph(const char *s, size_t len, bool ascii, size_t *bytes)
{
	struct glyph g;

	glyph_next(s, s + len, ascii, &g);
	*bytes = g.len;
	return g.cols;
}

size_t text_decode(const char *s, size_t len, unsigned long *cp)
{
	uint32_t v;
	size_t n = utf8_decode(s, len, &v);

	*cp = v == TEXT_BAD ? TEXT_CP_BAD : v;
	return n;
}

int text_width(const char *s)
{
	const char *end = s + strlen(s);
	struct glyph g;
	int cols = 0;

	for (; s < end; s += g.len) {
		glyph_next(s, end, false, &g);
		cols += g.cols;
	}
	return cols;
}

/* Write into out the glyphs of s[0..end) while they fit in cols columns
 * and room bytes; *taken receives the source bytes used, *cols_out the
 * columns. Returns the bytes written (no NUL). */
static size_t fit_run(const char *s, const char *end, bool ascii, int cols,
		      size_t room, char *out, size_t *taken, int *cols_out)
{
	const char *p = s;
	size_t len = 0;
	int used = 0;
	struct glyph g;

	for (; p < end; p += g.len) {
		glyph_next(p, end, ascii, &g);
		if (used + g.cols > cols || len + g.out_len > room)
			break;
		memcpy(out + len, g.out, g.out_len);
		len += g.out_len;
		used += g.cols;
	}
	*taken = (size_t)(p - s);
	*cols_out = used;
	return len;
}

int text_fit(const char *s, int cols, bool ascii, char *buf, size_t n)
{
	const char *end = s + strlen(s);
	const char *ell = ascii ? "..." : "\xE2\x80\xA6";
	int ell_cols = ascii ? (cols < 3 ? cols : 3) : 1;
	size_t ell_len = ascii ? (size_t)ell_cols : strlen(ell);
	size_t len, taken;
	int used;

	if (n == 0)
		return 0;
	buf[0] = '\0';
	if (cols <= 0)
		return 0;
	len = fit_run(s, end, ascii, cols, n - 1, buf, &taken, &used);
	if (s + taken < end && ell_len <= n - 1) {
		len = fit_run(s, end, ascii, cols - ell_cols, n - 1 - ell_len,
			      buf, &taken, &used);
		memcpy(buf + len, ell, ell_len);
		len += ell_len;
		used += ell_cols;
	}
	buf[len] = '\0';
	return used;
}

/* text_wrap's state: the lines so far and the one being filled. */
struct wrap {
	char **lines;
	size_t n, cap;
	struct strbuf line;
	int cols, width;	/* the limit, the columns in line */
	bool has_word;		/* line holds a word (width may be 0) */
};

static void wrap_flush(struct wrap *w)
{
	w->lines = xgrow(w->lines, &w->cap, w->n + 1, sizeof *w->lines);
	w->lines[w->n++] = strbuf_detach(&w->line);
	w->width = 0;
	w->has_word = false;
}

/* Columns of the word at s, which ends at the next space, '\n' or end. */
static size_t word_measure(const char *s, const char *end, int *cols)
{
	const char *p = s;
	struct glyph g;

	*cols = 0;
	for (; p < end && *p != ' ' && *p != '\n'; p += g.len) {
		glyph_next(p, end, false, &g);
		*cols += g.cols;
	}
	return (size_t)(p - s);
}

/* Append the word s[0..len) to a line that has room for it or, when it is
 * wider than a line, cut it into lines of w->cols columns. */
static void wrap_word(struct wrap *w, const char *s, size_t len)
{
	const char *end = s + len;
	struct glyph g;

	for (; s < end; s += g.len) {
		glyph_next(s, end, false, &g);
		if (w->width + g.cols > w->cols && w->has_word)
			wrap_flush(w);
		strbuf_add(&w->line, g.out, g.out_len);
		w->width += g.cols;
		w->has_word = true;
	}
}

/* Wrap one paragraph, s[0..end) without '\n', into at least one line. */
static void wrap_paragraph(struct wrap *w, const char *s, const char *end)
{
	while (s < end) {
		size_t gap = strspn(s, " "), len;
		int cols;

		if (s + gap >= end)
			break;
		len = word_measure(s + gap, end, &cols);
		if ((size_t)w->width + gap + (size_t)cols <= (size_t)w->cols) {
			strbuf_add(&w->line, s, gap);
			w->width += (int)gap;
		} else if (w->has_word) {
			wrap_flush(w);
		}
		wrap_word(w, s + gap, len);
		s += gap + len;
	}
	wrap_flush(w);
}

size_t text_wrap(const char *s, int cols, char ***lines)
{
	const char *end = s + strlen(s);
	struct wrap w = { .cols = cols < 1 ? 1 : cols };

	strbuf_init(&w.line);
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;

		wrap_paragraph(&w, s, stop);
		s = nl ? nl + 1 : end;
	}
	strbuf_release(&w.line);
	*lines = w.lines;
	return w.n;
}

void text_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

char *text_fold(const char *s)
{
	const char *end = s + strlen(s), *t;
	struct strbuf sb;
	uint32_t cp;

	strbuf_init(&sb);
	for (size_t len; s < end; s += len) {
		len = utf8_decode(s, (size_t)(end - s), &cp);
		if (cp == TEXT_BAD)
			strbuf_addch(&sb, '?');
		else if (cp < 0x80)
			strbuf_addch(&sb, ascii_lower(*s));
		else if (!(t = translit(cp)))
			strbuf_add(&sb, s, len);
		else
			while (*t)
				strbuf_addch(&sb, ascii_lower(*t++));
	}
	return strbuf_detach(&sb);
}

char *text_ascii(const char *s)
{
	const char *end = s + strlen(s);
	struct strbuf sb;
	struct glyph g;

	strbuf_init(&sb);
	for (; s < end; s += g.len) {
		glyph_next(s, end, true, &g);
		strbuf_add(&sb, g.out, g.out_len);
	}
	return strbuf_detach(&sb);
}

char *text_slug(const char *s)
{
	/* transliterated (œ -> oe), then lower case */
	char *f = text_ascii(s), *o = f;
	bool dash = false;

	for (char *p = f; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	for (const char *p = f; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			if (dash && o != f)
				*o++ = '-';
			*o++ = *p;
			dash = false;
		} else {
			dash = true;
		}
	}
	*o = '\0';
	return f;
}

bool text_list_has(const char *list, const char *word)
{
	size_t len = strlen(word);

	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, ", ");

		if (n == len && !strncmp(p, word, len))
			return true;
		p += n;
		p += strspn(p, ", ");
	}
	return false;
}
