/*
 * text.h - text rules shared by every layer.
 *
 * Byte level: UTF-8 validity and the control characters we refuse in
 * one-line values. Layout: display width, truncation with an ellipsis and
 * word wrapping in terminal columns (wide-character aware), so that no
 * screen measures text with strlen. Folding: accent- and case-insensitive
 * search keys and a pure-ASCII rendering for terminals that are not UTF-8.
 *
 * All of them decode UTF-8 themselves and never trust the input: an
 * invalid byte is a character of its own, never a reason to fail. Only
 * text_width, text_fit and text_wrap look at LC_CTYPE (through wcwidth),
 * and they need a UTF-8 locale: the UI sets one at start-up, tests call
 * setlocale(LC_CTYPE, "C.UTF-8"). The others are locale-independent.
 * Strings returned as "heap" belong to the caller (free()).
 */
#ifndef SUIVI_TEXT_H
#define SUIVI_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF). On false, *bad (if not NULL) is the offset of
 * the first byte of the bad sequence. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad);

/* True when s holds a C0 control character other than tab, or DEL. */
bool text_has_control(const char *s);

/* Make s safe to print on a terminal, in place: each invalid byte, C0
 * control character ('\n' and tab included: a value quoted in a message
 * stays on its line), DEL, C1 control (U+0080-U+009F) and bidirectional
 * formatting character (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069, which reorder what follows) becomes one '?', so that
 * text quoted in a message cannot drive or disguise the terminal. The
 * same rule as text_fit's. Never longer; returns s. */
char *text_defang(char *s);

/* The formatting of every message (err_set, the CLI's output, the status
 * line): fmt is printf's (a literal of ours), and each text it takes
 * (%s, %c: a path, a value read from a file, SQLite's words) is put in
 * through text_defang, so that what the program wrote ('\n' included)
 * stays and what came from outside shows as one visible line. All of
 * printf's conversions but %n and wide ones (%ls, %lc) are supported.
 * Heap string; locale-independent. */
char *text_vformat(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));
char *text_format(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Line breaks as LF, in place: each CRLF and each lone CR becomes one
 * '\n' (a text read from a file written elsewhere, such as a CSV field,
 * before limits.h checks it: a long text takes '\n' and refuses CR).
 * Never longer; returns s. */
char *text_lf(char *s);

/* Trim ASCII blanks (space, tab, CR, LF) at both ends, in place; returns s. */
char *text_trim(char *s);

/* True when s is NULL or holds only blanks (text_trim's). */
bool text_blank(const char *s);

/* Case-sensitive "s starts with prefix". */
bool text_starts_with(const char *s, const char *prefix);

/* Display columns of the UTF-8 string s: wcwidth of each decoded code
 * point (combining marks 0, CJK and emoji 2). An invalid byte, a control
 * character, a bidirectional formatting character or a non-printable
 * code point counts 1: text_fit shows each as one "?". What glues emoji
 * into one picture, whose width terminals disagree on, counts 0 and is
 * not drawn: the zero width joiner, variation selectors (VS16 of ❤️),
 * skin tone modifiers and tag characters (👩‍💻 is drawn 👩💻, 4
 * columns; ❤️ is ❤, 1); a regional indicator counts 1 and is drawn as its
 * letter (🇫🇷 is FR). text_fit, text_wrap and text_glyph apply the same
 * rule, so that the width measured is the width curses and the terminal
 * draw. Needs a UTF-8 LC_CTYPE. */
int text_width(const char *s);

/* Write into buf (size n, always NUL-terminated when n > 0) the longest
 * prefix of s that fits in cols display columns. When s does not fit
 * whole, the prefix is shortened so that an ellipsis fits too: "…"
 * (1 column) or, when ascii is true, "..." (3 columns; if cols < 3, as
 * many dots as fit). A buffer too small for the result truncates it the
 * same way (ellipsis included when its bytes fit).
 *
 * Never cuts a UTF-8 sequence, never splits a wide character (one that
 * would straddle the limit is dropped, so the result may be narrower than
 * cols); combining marks stay with their base. Invalid bytes, C0/C1
 * control characters (tab, CR, LF and ESC included), DEL, bidirectional
 * formatting characters and non-printable code points each become "?":
 * nothing raw reaches the terminal; emoji glue is dropped and regional
 * indicators become letters, as text_width says. When
 * ascii is true the output is pure ASCII, transliterated as by text_ascii.
 * Returns the number of columns written; cols <= 0 gives "". Needs a UTF-8
 * LC_CTYPE. */
int text_fit(const char *s, int cols, bool ascii, char *buf, size_t n);

/* Wrap s into lines of at most cols display columns (cols < 1 counts as
 * 1). '\n' ends a line and a blank line stays blank; lines break at spaces
 * and the run of spaces at a break is dropped, as are spaces at the end of
 * a line (spaces inside a line and a paragraph's indentation are kept); a
 * word longer than cols is cut at cols columns, never inside a UTF-8
 * sequence or a wide character. The one exception to the width: a wide
 * character when cols is 1 gets a line of its own. No-break spaces do not
 * break. Invalid bytes and control characters other than '\n' become "?".
 *
 * Returns the number of lines; *lines receives a heap array of heap
 * strings (NULL when there are none), to free with text_lines_free. "" gives
 * 0 lines; a final '\n' does not add an empty line. Needs a UTF-8
 * LC_CTYPE. */
size_t text_wrap(const char *s, int cols, char ***lines);

/* The glyph at s (len > 0 bytes available) as text_fit draws it: its
 * length in bytes (*bytes, 1 for an invalid byte) and its columns (a
 * control character or an invalid byte: 1, drawn "?"; a combining mark
 * 0; a wide character 2; with ascii, the columns of its
 * transliteration). Needs a UTF-8 LC_CTYPE. */
int text_glyph(const char *s, size_t len, bool ascii, size_t *bytes);
/* The code point at s (len > 0 bytes available): its length in bytes;
 * *cp is TEXT_CP_BAD for a byte that does not start a valid sequence
 * (length 1). Locale-independent. */
#define TEXT_CP_BAD 0xFFFFFFFFu
size_t text_decode(const char *s, size_t len, unsigned long *cp);

/* Free the n strings of lines, then lines; (NULL, 0) is a no-op. */
void text_lines_free(char **lines, size_t n);

/* Search key for accent- and case-insensitive matching: ASCII letters
 * lower-cased; Latin letters with diacritics (U+00C0-U+00FF and Latin
 * Extended-A, both cases) mapped to their lower-case base letter (é è ê ë
 * -> e, ç -> c, œ Œ -> oe, æ Æ -> ae, ß -> ss...); combining accents
 * (U+0300-U+036F) dropped, so decomposed text folds the same way;
 * typographic punctuation to ASCII (’ ‘ -> ', « » “ ” -> ", ‐ ‑ – — − -> -,
 * … -> ..., no-break and thin spaces U+00A0 U+2009 U+202F -> space).
 * Other code points are copied as they are; an invalid byte becomes '?'.
 * "Numérique" and "NUMERIQUE" both give "numerique". Heap string;
 * locale-independent. */
char *text_fold(const char *s);
/* Whether word is an item of list, items separated by commas and
 * spaces ("nsi, eco", "type_valeur, unite"); NULL list: none. */
bool text_list_has(const char *list, const char *word);
/* A file name made of s: in ASCII (text_ascii) and lower case, runs of
 * anything but a-z and 0-9 become one "-", none at either end ("Le Bouscat" -> "le-bouscat",
 * "Saint-Médard-en-Jalles" -> "saint-medard-en-jalles"). Heap string. */
char *text_slug(const char *s);

/* The same mapping with case kept, for a terminal that is not UTF-8: the
 * result is pure ASCII; code points with no mapping, invalid bytes and
 * control characters (tab included) each become '?'. "Délai – 1 jour"
 * gives "Delai - 1 jour". Heap string; locale-independent. */
char *text_ascii(const char *s);

#endif
