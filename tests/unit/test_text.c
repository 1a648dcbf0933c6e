#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/csv.h"
#include "suivi/text.h"

Test(text, accepts_valid_utf8)
{
	static const char *const good[] = {
		"", "abc", "Numérique", "œ « » ’", "\xF0\x9F\x98\x80",
		"\xEF\xBF\xBD",
	};

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		cr_assert(text_utf8_valid(good[i], strlen(good[i]), NULL), "%zu", i);
}

Test(text, refuses_invalid_utf8_with_offset)
{
	static const struct {
		const char *s;
		size_t bad;
	} cases[] = {
		{ "ab\xE9", 2 },		/* Latin-1 é */
		{ "\xC0\xAF", 0 },		/* overlong / */
		{ "x\xED\xA0\x80", 1 },		/* surrogate */
		{ "\xF4\x90\x80\x80", 0 },	/* above U+10FFFF */
		{ "\xE2\x82", 0 },		/* truncated */
		{ "ok\x80", 2 },		/* lone continuation */
		{ "\xFF", 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t at = 99;

		cr_assert(!text_utf8_valid(cases[i].s, strlen(cases[i].s), &at),
			  "%zu", i);
		cr_assert_eq(at, cases[i].bad, "%zu: %zu", i, at);
	}
}

Test(text, trims_and_detects_control_characters)
{
	char s[] = " \t a b \r\n";

	cr_assert_str_eq(text_trim(s), "a b");
	cr_assert(text_has_control("a\x1b[2Jb"));
	cr_assert(text_has_control("a\x7f"));
	cr_assert(!text_has_control("a\tb é"));
}

static char *csv_of(const char *const *cells, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csv c;

	csv_init(&c, f);
	for (size_t i = 0; i < n; i++)
		csv_cell(&c, cells[i]);
	csv_end_row(&c);
	csv_cell_int(&c, -5);
	csv_end_row(&c);
	fclose(f);
	return buf;
}

Test(csv, quotes_per_rfc4180_and_neutralises_formulas)
{
	static const char *const cells[] = {
		"simple", "a,b", "dit \"oui\"", "deux\nlignes", NULL,
		"=1+1", "+33", "-2", "@SUM(A1)", "é",
	};
	char *out = csv_of(cells, sizeof cells / sizeof cells[0]);

	cr_assert_str_eq(out,
		"simple,\"a,b\",\"dit \"\"oui\"\"\",\"deux\nlignes\",,"
		"'=1+1,'+33,'-2,'@SUM(A1),é\r\n-5\r\n");
	free(out);
}

/* What the importer does to a cell (csv_unneutralise) gives back what was
 * written, apostrophes included: "''=x" came back as "'=x" before the
 * writer counted every leading apostrophe (found while fuzzing). */
Test(csv, unneutralise_gives_every_written_cell_back)
{
	static const char *const cells[] = {
		"=1+1", "'=1+1", "''=1+1", "'''@SUM", "'", "''", "'texte",
		"'\tx", "a'=b", "", "+", "'+",
	};
	static const char *const written[] = {
		"'=1+1", "''=1+1", "'''=1+1", "''''@SUM", "'", "''", "'texte",
		"''\tx", "a'=b", "", "'+", "''+",
	};

	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		char *out = csv_of(&cells[i], 1);
		size_t n = strlen(written[i]);

		cr_assert(!strncmp(out, written[i], n) &&
			  !strcmp(out + n, "\r\n-5\r\n"),
			  "« %s » written « %s »", cells[i], out);
		out[n] = '\0';
		cr_assert_str_eq(csv_unneutralise(out), cells[i]);
		free(out);
	}
}

Test(text, slug_makes_a_file_name)
{
	static const char *const cases[][2] = {
		{ "Le Bouscat", "le-bouscat" },
		{ "Saint-Médard-en-Jalles", "saint-medard-en-jalles" },
		{ "  Ambarès & Lagrave ", "ambares-lagrave" },
		{ "Œuvre n°1", "oeuvre-no1" },
		{ "", "" },
		{ "---", "" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = text_slug(cases[i][0]);

		cr_expect_str_eq(s, cases[i][1], "« %s » gives « %s »", cases[i][0], s);
		free(s);
	}
}

Test(text, list_has_an_item_not_a_part_of_one)
{
	cr_expect(text_list_has("nsi, eco", "eco"));
	cr_expect(text_list_has("nsi, eco", "nsi"));
	cr_expect(text_list_has("type_valeur,unite", "unite"));
	cr_expect_not(text_list_has("nsi, eco", "ns"));
	cr_expect_not(text_list_has("nsi, eco", "eco2"));
	cr_expect_not(text_list_has("", "nsi"));
	cr_expect_not(text_list_has(NULL, "nsi"));
}

Test(text, defang_shows_every_hostile_character_as_a_question_mark)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "plain é 😀 «»", "plain é 😀 «»" },
		{ "a\x1b[2Jb", "a?[2Jb" },
		{ "t\x1b]0;x\x07", "t?]0;x?" },
		{ "line\nbreak\ttab\rcr", "line?break?tab?cr" },
		{ "del\x7f", "del?" },
		{ "c1 \xC2\x9B" "31m \xC2\x85", "c1 ?31m ?" },
		{ "bad \xFF\xFE end", "bad ?? end" },
		{ "cut \xE2\x82", "cut ??" },
		{ "x\xE2\x80\xAE" "fdp.exe", "x?fdp.exe" },	/* U+202E RLO */
		{ "\xE2\x81\xA6" "a\xE2\x81\xA9", "?a?" },	/* U+2066, U+2069 */
		{ "\xE2\x80\x8F\xD8\x9C", "??" },		/* RLM, ALM */
		{ "zwj \xE2\x80\x8D ok", "zwj \xE2\x80\x8D ok" },	/* not a control */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[64];

		snprintf(buf, sizeof buf, "%s", cases[i].in);
		cr_expect_str_eq(text_defang(buf), cases[i].out, "%zu", i);
	}
}

Test(text, format_defangs_the_values_not_the_format)
{
	char *s = text_format("suivi : base copiée dans %s\nsuite %d\n",
			      "a\x1b[2Jb\x07\nc\xFF.db", 3);

	cr_assert_str_eq(s, "suivi : base copiée dans a?[2Jb??c?.db\nsuite 3\n");
	free(s);
	s = text_format("%c%c|%5s|%-4s|%.3s|%*s|%-*s|%.*s|%%|%s", 'a', '\x1b',
			"ab", "x", "abcdef", 3, "y", 3, "z", 2, "\x07zzz",
			(const char *)"fin");
	cr_assert_str_eq(s, "a?|   ab|x   |abc|  y|z  |?z|%|fin");
	free(s);
	s = text_format("%d %i %ld %lld %zu %u %x %X %o %05d %+d %hd %hhu %jd "
			"%td %.2f %g %e",
			-1, 2, -3L, 4LL, (size_t)5, 6u, 255u, 255u, 8u, 42, 7,
			(short)-9, (unsigned char)200, (intmax_t)-10,
			(ptrdiff_t)11, 3.14159, 0.5, 1e10);
	cr_assert_str_eq(s, "-1 2 -3 4 5 6 ff FF 10 00042 +7 -9 200 -10 11 "
			    "3.14 0.5 1.000000e+10");
	free(s);
	/* a negative '*' width pads on the right; a negative precision is
	 * none */
	s = text_format("[%*d][%.*s]", -4, 1, -1, "abc");
	cr_assert_str_eq(s, "[1   ][abc]");
	free(s);
}

Test(text, format_takes_a_long_value_whole)
{
	size_t n = 100000;
	char *big = malloc(n + 1), *s;

	cr_assert_not_null(big);
	memset(big, 'x', n);
	big[n] = '\0';
	big[n / 2] = '\x1b';
	s = text_format("[%s]", big);
	cr_assert_eq(strlen(s), n + 2);
	cr_assert_eq(s[n / 2 + 1], '?');
	cr_assert_null(strchr(s, '\x1b'));
	free(s);
	free(big);
}
