#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "suivi/text.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static void utf8_locale(void)
{
	cr_assert_not_null(setlocale(LC_CTYPE, "C.UTF-8"));
}

TestSuite(text_layout, .init = utf8_locale);

/* UTF-8 for one code point, for the tests that sweep Unicode. */
static size_t encode(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static bool printable_ascii(const char *s)
{
	for (; *s; s++)
		if (*s < 0x20 || *s > 0x7E)
			return false;
	return true;
}

/* No C0 control, DEL or C1 control (as UTF-8) in s. */
static bool no_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return false;
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return false;
	}
	return true;
}

Test(text_layout, width_counts_terminal_columns)
{
	static const struct {
		const char *s;
		int cols;
	} cases[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "Numérique", 9 },
		{ "ÀÉÈÊËÎÏÔÖÙÛÜŸÇŒÆ àéèêëîïôöùûüÿçœæ", 33 },
		{ "e\xCC\x81t\xCC\x81", 2 },		/* e + U+0301, t + U+0301 */
		{ "\xCC\x81", 0 },			/* a lone combining mark */
		{ "日本語", 6 },
		{ "a日b", 4 },
		{ "\xF0\x9F\x98\x80", 2 },		/* U+1F600 */
		{ "ok \xF0\x9F\x91\x8D", 5 },		/* U+1F44D */
		{ "«\xC2\xA0oui\xC2\xA0»", 7 },	/* no-break spaces */
		{ "a\xFF" "b", 3 },			/* invalid byte */
		{ "\xE2\x82", 2 },			/* truncated sequence */
		{ "a\tb\x1b", 4 },			/* controls */
		{ "\xC2\x9B", 1 },			/* C1 CSI */
	};

	for (size_t i = 0; i < N_OF(cases); i++)
		cr_expect_eq(text_width(cases[i].s), cases[i].cols,
			     "%zu: \"%s\" is %d columns, expected %d", i,
			     cases[i].s, text_width(cases[i].s), cases[i].cols);
}

Test(text_layout, fit_truncates_with_ellipsis)
{
	static const struct {
		const char *s;
		int cols;
		bool ascii;
		const char *out;
		int ret;
	} cases[] = {
		/* exact fit, one column short */
		{ "abc", 3, false, "abc", 3 },
		{ "abcd", 3, false, "ab…", 3 },
		{ "Numérique", 9, false, "Numérique", 9 },
		{ "Numérique", 8, false, "Numériq…", 8 },
		{ "Numérique", 20, false, "Numérique", 9 },
		{ "cafe\xCC\x81", 4, false, "cafe\xCC\x81", 4 },
		{ "cafe\xCC\x81s", 4, false, "caf…", 4 },
		/* wide characters at the limit are dropped, never split */
		{ "日本", 4, false, "日本", 4 },
		{ "日本", 3, false, "日…", 3 },
		{ "ab日", 3, false, "ab…", 3 },
		{ "a日b", 2, false, "a…", 2 },
		{ "ab日本", 4, false, "ab…", 3 },
		{ "日本語", 1, false, "…", 1 },
		{ "\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 3, false,
		  "\xF0\x9F\x98\x80…", 3 },
		/* small widths */
		{ "abc", 0, false, "", 0 },
		{ "abc", -4, false, "", 0 },
		{ "abc", 1, false, "…", 1 },
		{ "abc", 2, false, "a…", 2 },
		{ "a", 1, false, "a", 1 },
		{ "ab", 2, false, "ab", 2 },
		{ "", 5, false, "", 0 },
		/* ascii: dots and transliteration */
		{ "abcdef", 6, true, "abcdef", 6 },
		{ "abcdef", 5, true, "ab...", 5 },
		{ "abcdef", 3, true, "...", 3 },
		{ "abcdef", 2, true, "..", 2 },
		{ "abcdef", 1, true, ".", 1 },
		{ "abcdef", 0, true, "", 0 },
		{ "Délai – 1 jour", 14, true, "Delai - 1 jour", 14 },
		{ "Délai – 1 jour", 10, true, "Delai -...", 10 },
		{ "Œuvre", 6, true, "OEuvre", 6 },
		{ "Œuvre", 5, true, "OE...", 5 },
		{ "«\xC2\xA0oui\xC2\xA0»…", 9, true, "\" oui ...", 9 },
		{ "日本", 4, true, "??", 2 },
		{ "e\xCC\x81t\xC3\xA9", 3, true, "ete", 3 },
		/* nothing raw reaches the terminal */
		{ "\x1b[2Jabc", 10, false, "?[2Jabc", 7 },
		{ "\x1b[2Jabc", 10, true, "?[2Jabc", 7 },
		{ "a\xFF" "b", 3, false, "a?b", 3 },
		{ "a\xFF" "b", 3, true, "a?b", 3 },
		{ "\xE2\x82" "x", 5, false, "??x", 3 },
		{ "a\tb\r\n", 5, false, "a?b??", 5 },
		{ "\x7f\xC2\x9B" "1m", 9, false, "??1m", 4 },
		{ "\x1b\x1b\x1b\x1b", 3, false, "??…", 3 },
	};

	for (size_t i = 0; i < N_OF(cases); i++) {
		char buf[64];
		int ret = text_fit(cases[i].s, cases[i].cols, cases[i].ascii,
				   buf, sizeof buf);

		cr_expect_str_eq(buf, cases[i].out, "%zu: \"%s\"", i, buf);
		cr_expect_eq(ret, cases[i].ret, "%zu: %d columns", i, ret);
	}
}

Test(text_layout, fit_lets_no_control_character_through)
{
	static const char *const nasty[] = {
		"\x1b[2J", "avant\x1b]0;titre\x07" "apres", "\x1b" "c",
		"a\r\nb\tc\bd\x7f", "\xC2\x9B" "31m rouge", "\xC2\x85\xC2\x9D",
		"\xC0\x9B\xE0\x80\x9B\xF0\x80\x80\x9B",	/* overlong ESC */
		"\xED\xA0\x80\x1b",			/* surrogate */
	};

	for (size_t i = 0; i < N_OF(nasty); i++) {
		for (int cols = 0; cols < 30; cols++) {
			for (int ascii = 0; ascii < 2; ascii++) {
				char buf[128];
				int ret = text_fit(nasty[i], cols, ascii, buf,
						   sizeof buf);

				cr_assert(!strchr(buf, 0x1b), "%zu/%d", i, cols);
				cr_assert(no_control(buf), "%zu/%d", i, cols);
				cr_assert(text_utf8_valid(buf, strlen(buf),
							  NULL));
				cr_assert_leq(ret, cols);
				cr_assert_eq(text_width(buf), ret);
			}
		}
	}
}

Test(text_layout, fit_respects_a_small_buffer)
{
	static const char *const inputs[] = {
		"Numérique", "日本語のテキスト", "e\xCC\x81t\xCC\x81\xC3\xA9",
		"\xF0\x9F\x98\x80 ok", "Délai – 1 jour",
	};

	for (size_t i = 0; i < N_OF(inputs); i++) {
		for (size_t n = 1; n < 40; n++) {
			for (int ascii = 0; ascii < 2; ascii++) {
				char buf[48];
				int ret;

				memset(buf, 'Z', sizeof buf);
				ret = text_fit(inputs[i], 100, ascii, buf, n);
				cr_assert_lt(strlen(buf), n, "%zu/%zu", i, n);
				cr_assert_eq(buf[n], 'Z', "%zu/%zu", i, n);
				cr_assert(text_utf8_valid(buf, strlen(buf),
							  NULL),
					  "%zu/%zu: cut sequence", i, n);
				cr_assert_eq(text_width(buf), ret, "%zu/%zu",
					     i, n);
			}
		}
	}
}

Test(text_layout, fit_buffer_cases)
{
	char buf[16] = "intact";

	cr_expect_eq(text_fit("abc", 10, false, buf, 0), 0);
	cr_expect_str_eq(buf, "intact");
	cr_expect_eq(text_fit("abc", 10, false, buf, 1), 0);
	cr_expect_str_eq(buf, "");
	/* room for the ellipsis (3 bytes) and one letter */
	cr_expect_eq(text_fit("abcdef", 10, false, buf, 5), 2);
	cr_expect_str_eq(buf, "a…");
	/* too small for "…": a plain prefix, never half of "é" */
	cr_expect_eq(text_fit("aébc", 10, false, buf, 3), 1);
	cr_expect_str_eq(buf, "a");
	cr_expect_eq(text_fit("abc", 3, false, buf, 4), 3);
	cr_expect_str_eq(buf, "abc");
	cr_expect_eq(text_fit("abcdef", 10, true, buf, 6), 5);
	cr_expect_str_eq(buf, "ab...");
}

static void expect_lines(const char *s, int cols, const char *const *want,
			 size_t n_want)
{
	char **lines = (char **)0x1;
	size_t n = text_wrap(s, cols, &lines);

	cr_expect_eq(n, n_want, "\"%s\" at %d: %zu lines, expected %zu", s,
		     cols, n, n_want);
	for (size_t i = 0; i < n && i < n_want; i++)
		cr_expect_str_eq(lines[i], want[i], "\"%s\" at %d, line %zu",
				 s, cols, i);
	if (n == 0)
		cr_expect_null(lines);
	text_lines_free(lines, n);
}

#define EXPECT_LINES(s, cols, ...)                                      \
	do {                                                            \
		static const char *const want_[] = { __VA_ARGS__ };    \
		expect_lines(s, cols, want_, N_OF(want_));              \
	} while (0)

Test(text_layout, wrap_french_paragraph_within_width)
{
	static const char para[] =
		"Le titulaire rétablit le service dans un délai de quatre "
		"heures ouvrées à compter de la déclaration de l’incident ; "
		"à défaut, une pénalité de 150 € par heure de retard "
		"s’applique, dans la limite de 10 % du montant annuel « hors "
		"taxes » du marché. Anticonstitutionnellement.";
	char **lines;
	size_t n = text_wrap(para, 20, &lines);
	char *joined = calloc(2, sizeof para);

	cr_assert_gt(n, 5);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(lines[i]);

		cr_expect_leq(text_width(lines[i]), 20, "line %zu: %s", i,
			      lines[i]);
		cr_expect(len > 0 && lines[i][0] != ' ' &&
			  lines[i][len - 1] != ' ', "line %zu: '%s'", i,
			  lines[i]);
		/* greedy: the next line's first word did not fit here */
		if (i + 1 < n) {
			char *word = strndup(lines[i + 1],
					     strcspn(lines[i + 1], " "));

			cr_expect_gt(text_width(lines[i]) + 1 +
				     text_width(word), 20, "line %zu", i);
			free(word);
		}
		if (i)
			strcat(joined, " ");
		strcat(joined, lines[i]);
	}
	/* the one word longer than a line is cut, not lost */
	cr_expect_str_eq(lines[n - 2], "Anticonstitutionnell");
	cr_expect_str_eq(lines[n - 1], "ement.");
	joined[strlen(joined) - strlen(" ement.")] = '\0';
	strcat(joined, "ement.");
	cr_expect_str_eq(joined, para);
	free(joined);
	text_lines_free(lines, n);
}

Test(text_layout, wrap_cuts_words_longer_than_a_line)
{
	EXPECT_LINES("anticonstitutionnellement", 10, "anticonsti",
		     "tutionnell", "ement");
	EXPECT_LINES("abcdefgh ij", 5, "abcde", "fgh", "ij");
	EXPECT_LINES("abcdefg h", 5, "abcde", "fg h");
	EXPECT_LINES("xx abcdefgh", 5, "xx", "abcde", "fgh");
	EXPECT_LINES("ab日", 3, "ab", "日");
	EXPECT_LINES("日本語日本", 3, "日", "本", "語", "日", "本");
	EXPECT_LINES("日本語", 4, "日本", "語");
	EXPECT_LINES("élémentaire", 4, "élém", "enta", "ire");
	/* combining marks stay with their letter */
	EXPECT_LINES("e\xCC\x81t\xCC\x81", 1, "e\xCC\x81", "t\xCC\x81");
	/* cols < 1 counts as 1; a wide character still gets a line */
	EXPECT_LINES("ab", 0, "a", "b");
	EXPECT_LINES("ab", -3, "a", "b");
	EXPECT_LINES("日本", 1, "日", "本");
}

Test(text_layout, wrap_keeps_blank_lines)
{
	char **lines = (char **)0x1;

	cr_expect_eq(text_wrap("", 10, &lines), 0);
	cr_expect_null(lines);
	EXPECT_LINES("\n", 10, "");
	EXPECT_LINES("a\n", 10, "a");
	EXPECT_LINES("a\n\nb", 10, "a", "", "b");
	EXPECT_LINES("a\n\n\nb\n", 10, "a", "", "", "b");
	EXPECT_LINES("\n\na", 10, "", "", "a");
	EXPECT_LINES("a\n   \nb", 10, "a", "", "b");
	EXPECT_LINES("un deux\ntrois quatre", 7, "un deux", "trois",
		     "quatre");
}

Test(text_layout, wrap_drops_spaces_at_breaks_only)
{
	EXPECT_LINES("abc   ", 10, "abc");
	EXPECT_LINES("   ", 10, "");
	EXPECT_LINES("abc   def", 5, "abc", "def");
	EXPECT_LINES("abc def   ", 7, "abc def");
	EXPECT_LINES("abc def   \nx", 7, "abc def", "x");
	EXPECT_LINES("a  b", 10, "a  b");
	EXPECT_LINES("  retrait", 10, "  retrait");
	EXPECT_LINES("    retrait", 10, "retrait");
	EXPECT_LINES("abc de", 6, "abc de");
	EXPECT_LINES("abc de", 5, "abc", "de");
	/* no-break spaces do not break */
	EXPECT_LINES("«\xC2\xA0oui\xC2\xA0» x", 7, "«\xC2\xA0oui\xC2\xA0»",
		     "x");
}

Test(text_layout, wrap_replaces_control_characters)
{
	EXPECT_LINES("a\tb\r\nc\x1b[2J", 10, "a?b?", "c?[2J");
	EXPECT_LINES("a\xFF" "b", 10, "a?b");
}

Test(text_layout, fold_ignores_case_and_accents)
{
	static const struct {
		const char *s, *fold, *ascii;
	} cases[] = {
		{ "", "", "" },
		{ "Numérique", "numerique", "Numerique" },
		{ "NUMERIQUE", "numerique", "NUMERIQUE" },
		{ "NUMÉRIQUE", "numerique", "NUMERIQUE" },
		{ "Délai – 1 jour", "delai - 1 jour", "Delai - 1 jour" },
		{ "Œuvre, Æther, cœur", "oeuvre, aether, coeur",
		  "OEuvre, AEther, coeur" },
		{ "l’été ‘x’", "l'ete 'x'", "l'ete 'x'" },
		{ "«\xC2\xA0oui\xC2\xA0» “non”", "\" oui \" \"non\"",
		  "\" oui \" \"non\"" },
		{ "a–b—c−d‐e", "a-b-c-d-e", "a-b-c-d-e" },
		{ "Suite…", "suite...", "Suite..." },
		{ "10\xE2\x80\xAF%", "10 %", "10 %" },
		{ "Ñandú Straße", "nandu strasse", "Nandu Strasse" },
		{ "Łódź Dvořák", "lodz dvorak", "Lodz Dvorak" },
		/* decomposed accents */
		{ "E\xCC\x81te\xCC\x81", "ete", "Ete" },
		/* no mapping */
		{ "日本", "日本", "??" },
		{ "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", "?" },
		{ "2×3", "2x3", "2x3" },
		/* what the interface draws: bullets, arrows, n°, box lines */
		{ "• n°1 · A › B ▸", "* no1 - a > b >", "* no1 - A > B >" },
		{ "← → ↑ ↓ │─", "<- -> ^ v |-", "<- -> ^ v |-" },
		{ "12 €", "12 eur", "12 EUR" },
		/* invalid bytes and control characters */
		{ "a\xFF" "b\xE2\x82", "a?b??", "a?b??" },
		{ "A\tB\x1b", "a\tb\x1b", "A?B?" },
		{ "\xC2\x9B", "\xC2\x9B", "?" },
	};

	for (size_t i = 0; i < N_OF(cases); i++) {
		char *fold = text_fold(cases[i].s);
		char *ascii = text_ascii(cases[i].s);

		cr_expect_str_eq(fold, cases[i].fold, "%zu: fold \"%s\"", i,
				 fold);
		cr_expect_str_eq(ascii, cases[i].ascii, "%zu: ascii \"%s\"", i,
				 ascii);
		free(fold);
		free(ascii);
	}
}

Test(text_layout, fold_maps_every_french_letter)
{
	static const struct {
		const char *upper, *lower, *base;
	} letters[] = {
		{ "À", "à", "a" }, { "Â", "â", "a" }, { "Ä", "ä", "a" },
		{ "Ç", "ç", "c" }, { "É", "é", "e" }, { "È", "è", "e" },
		{ "Ê", "ê", "e" }, { "Ë", "ë", "e" }, { "Î", "î", "i" },
		{ "Ï", "ï", "i" }, { "Ô", "ô", "o" }, { "Ö", "ö", "o" },
		{ "Ù", "ù", "u" }, { "Û", "û", "u" }, { "Ü", "ü", "u" },
		{ "Ÿ", "ÿ", "y" }, { "Ñ", "ñ", "n" }, { "Œ", "œ", "oe" },
		{ "Æ", "æ", "ae" },
	};

	for (size_t i = 0; i < N_OF(letters); i++) {
		char *fu = text_fold(letters[i].upper);
		char *fl = text_fold(letters[i].lower);
		char *au = text_ascii(letters[i].upper);
		char *al = text_ascii(letters[i].lower);
		char upper[4] = "";

		for (size_t k = 0; letters[i].base[k]; k++)
			upper[k] = (char)(letters[i].base[k] - 'a' + 'A');
		cr_expect_str_eq(fu, letters[i].base, "%s", letters[i].upper);
		cr_expect_str_eq(fl, letters[i].base, "%s", letters[i].lower);
		cr_expect_str_eq(au, upper, "%s: %s", letters[i].upper, au);
		cr_expect_str_eq(al, letters[i].base, "%s", letters[i].lower);
		free(fu);
		free(fl);
		free(au);
		free(al);
	}
}

Test(text_layout, ascii_output_is_printable_ascii_for_every_code_point)
{
	char s[5];

	for (unsigned cp = 1; cp <= 0x10FFFF; cp++) {
		char *a, fit[16];

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		s[encode(cp, s)] = '\0';
		a = text_ascii(s);
		cr_assert(printable_ascii(a), "U+%04X", cp);
		free(a);
		text_fit(s, 3, true, fit, sizeof fit);
		cr_assert(printable_ascii(fit), "U+%04X", cp);
		text_fit(s, 3, false, fit, sizeof fit);
		cr_assert(no_control(fit), "U+%04X", cp);
	}
}

Test(text_layout, one_megabyte_goes_through_quickly, .timeout = 20)
{
	static const char chunk[] = "Numérique – é日\xF0\x9F\x98\x80 \xFF\x1b ";
	size_t size = 1 << 20, clen = sizeof chunk - 1, n = 0;
	char *big = malloc(size + 1), buf[512], *fold, **lines;

	cr_assert_not_null(big);
	size_t nl;

	while (n + clen <= size) {
		memcpy(big + n, chunk, clen);
		n += clen;
	}
	memset(big + n, 'x', size - n);
	big[size] = '\0';

	/* a two-column emoji straddles column 79: dropped before the "…" */
	cr_expect_eq(text_fit(big, 80, false, buf, sizeof buf), 79);
	cr_expect_eq(text_width(buf), 79);
	cr_expect_eq(text_fit(big, 81, false, buf, sizeof buf), 81);
	cr_expect_leq(text_fit(big, 200, true, buf, sizeof buf), 200);
	fold = text_fold(big);
	cr_expect_eq(strncmp(fold, "numerique - e日", strlen("numerique - e日")),
		     0);
	cr_expect_gt(strlen(fold), size / 2);
	free(fold);
	fold = text_ascii(big);
	cr_expect(printable_ascii(fold));
	free(fold);
	cr_expect_gt(text_width(big), 0);
	nl = text_wrap(big, 80, &lines);
	cr_expect_gt(nl, 1000);
	text_lines_free(lines, nl);
	free(big);
}

/* The columns curses gives s (wcswidth of its code points), -1 when a
 * code point has none. */
static int curses_width(const char *s)
{
	wchar_t w[256];
	size_t n = mbstowcs(w, s, N_OF(w));

	cr_assert_neq(n, (size_t)-1, "\"%s\" is not UTF-8", s);
	return wcswidth(w, n);
}

/* Emoji sequences whose width terminals disagree on (the status line kept
 * stale letters after them): drawn without their glue, each piece of a
 * width wcwidth and every terminal agree on. */
Test(text_layout, emoji_sequences_are_drawn_in_widths_terminals_agree_on)
{
	static const struct {
		const char *s, *drawn;
		int cols;
	} cases[] = {
		/* 👩‍💻 woman + ZWJ + laptop */
		{ "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
		  "\xF0\x9F\x91\xA9\xF0\x9F\x92\xBB", 4 },
		/* 👨‍👩‍👧 family */
		{ "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
		  "\xF0\x9F\x91\xA7",
		  "\xF0\x9F\x91\xA8\xF0\x9F\x91\xA9\xF0\x9F\x91\xA7", 6 },
		/* 🇫🇷 a flag: its letters */
		{ "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", "FR", 2 },
		{ "drapeau \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 !", "drapeau FR !", 12 },
		/* 👍🏽 a skin tone modifier */
		{ "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "\xF0\x9F\x91\x8D", 2 },
		/* ❤️ VS16 */
		{ "\xE2\x9D\xA4\xEF\xB8\x8F", "\xE2\x9D\xA4", 1 },
		/* 1️⃣ keycap: the enclosing mark is a combining mark */
		{ "1\xEF\xB8\x8F\xE2\x83\xA3", "1\xE2\x83\xA3", 1 },
		/* 🏴 with the tags of Scotland */
		{ "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB3"
		  "\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4\xF3\xA0\x81\xBF",
		  "\xF0\x9F\x8F\xB4", 2 },
		/* 🧑🏽‍🚀 modifier and ZWJ together */
		{ "\xF0\x9F\xA7\x91\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x9A\x80",
		  "\xF0\x9F\xA7\x91\xF0\x9F\x9A\x80", 4 },
		/* a bidi override: a "?" like a control */
		{ "x\xE2\x80\xAE" "fdp", "x?fdp", 5 },
	};

	for (size_t i = 0; i < N_OF(cases); i++) {
		char buf[128];
		int ret;

		cr_expect_eq(text_width(cases[i].s), cases[i].cols, "%zu: %d", i,
			     text_width(cases[i].s));
		ret = text_fit(cases[i].s, 40, false, buf, sizeof buf);
		cr_expect_str_eq(buf, cases[i].drawn, "%zu", i);
		cr_expect_eq(ret, cases[i].cols, "%zu", i);
		/* what curses will count is what we counted */
		cr_expect_eq(curses_width(buf), ret, "%zu", i);
	}
}

/* Cut anywhere, a line holding such sequences is still measured as
 * curses measures it, and the ASCII rendering drops the glue too. */
Test(text_layout, emoji_sequences_cut_anywhere_keep_their_width)
{
	const char *s = "Poste \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB "
			"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 \xE2\x9D\xA4\xEF\xB8\x8F "
			"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD fin";
	char **lines;
	size_t n;

	for (int cols = 0; cols < 24; cols++) {
		char buf[128];
		int ret = text_fit(s, cols, false, buf, sizeof buf);

		cr_assert_leq(ret, cols);
		cr_assert_eq(curses_width(buf), ret, "cols %d: \"%s\"", cols, buf);
		cr_assert_null(strstr(buf, "\xE2\x80\x8D"), "cols %d", cols);
		ret = text_fit(s, cols, true, buf, sizeof buf);
		cr_assert(printable_ascii(buf), "cols %d: \"%s\"", cols, buf);
		cr_assert_eq((int)strlen(buf), ret, "cols %d", cols);
	}
	cr_assert_eq(text_width(s), 22);
	n = text_wrap(s, 9, &lines);
	for (size_t i = 0; i < n; i++) {
		cr_assert_leq(curses_width(lines[i]), 9, "%zu: %s", i, lines[i]);
		cr_assert_eq(curses_width(lines[i]), text_width(lines[i]));
		cr_assert_null(strstr(lines[i], "\xE2\x80\x8D"));
	}
	text_lines_free(lines, n);
}
