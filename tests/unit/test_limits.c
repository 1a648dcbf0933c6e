/*
 * Text limits (src/core/limits.c): one limit per kind of text, the
 * characters each kind takes, and the French messages that say which
 * field, which limit and by how much; text_lf, which an import applies
 * before the check.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/limits.h"
#include "suivi/text.h"

/* A heap string of n bytes of c. */
static char *filled(size_t n, char c)
{
	char *s = malloc(n + 1);

	cr_assert_not_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void expect_refused(enum text_kind k, const char *s,
			   const char *words)
{
	struct err e;

	err_clear(&e);
	cr_assert_eq(text_check(k, "objet", s, &e), -1, "kind %d: %s", k,
		     words);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, words), "kind %d: \"%s\" lacks \"%s\"", k,
		  e.msg, words);
}

Test(limits, each_kind_has_its_size_and_label)
{
	cr_expect_eq(text_kind_max(TEXT_LINE), 1000);
	cr_expect_eq(text_kind_max(TEXT_LONG), 1048576);
	cr_expect_eq(text_kind_max(TEXT_VALUE), 2000);
	cr_expect_not(text_kind_multiline(TEXT_LINE));
	cr_expect(text_kind_multiline(TEXT_LONG));
	cr_expect_not(text_kind_multiline(TEXT_VALUE));
	cr_expect_str_eq(text_kind_max_label(TEXT_LINE), "1 000 octets");
	cr_expect(strstr(text_kind_max_label(TEXT_LONG), "1 Mio"));
}

Test(limits, the_exact_limit_is_accepted_one_more_byte_refused)
{
	for (int k = 0; k < TEXT_KIND_COUNT; k++) {
		size_t max = text_kind_max((enum text_kind)k);
		char *s = filled(max + 1, 'a');
		struct err e;

		err_clear(&e);
		cr_expect_eq(text_check((enum text_kind)k, "objet", s, &e), -1,
			     "kind %d", k);
		cr_expect_eq(e.code, ERR_INPUT);
		/* the field, the size, the limit and what is too much */
		cr_expect(strstr(e.msg, "objet : texte trop long"), "%s",
			  e.msg);
		cr_expect(strstr(e.msg, text_kind_max_label((enum text_kind)k)),
			  "%s", e.msg);
		cr_expect(strstr(e.msg, "1 de trop"), "%s", e.msg);
		cr_expect(strstr(e.msg, "rien n'a été enregistré"), "%s", e.msg);
		s[max] = '\0';
		cr_expect_eq(text_check((enum text_kind)k, "objet", s, &e), 0,
			     "kind %d: %s", k, e.msg);
		free(s);
	}
}

Test(limits, sizes_count_bytes_not_characters)
{
	/* 500 "é" are 1 000 bytes: the limit; one more letter is over */
	char *s = malloc(1002);
	struct err e;

	for (int i = 0; i < 500; i++)
		memcpy(s + 2 * i, "\xC3\xA9", 2);
	s[1000] = '\0';
	cr_expect_eq(text_check(TEXT_LINE, "nom", s, &e), 0, "%s", e.msg);
	strcat(s, "x");
	cr_expect_eq(text_check(TEXT_LINE, "nom", s, &e), -1);
	cr_expect(strstr(e.msg, "1001 octets"), "%s", e.msg);
	free(s);
}

Test(limits, line_breaks_only_in_long_texts)
{
	struct err e;

	cr_expect_eq(text_check(TEXT_LONG, "notes", "l1\nl2\tcol", &e), 0,
		     "%s", e.msg);
	expect_refused(TEXT_LINE, "l1\nl2", "pas de retour à la ligne dans ce "
		       "champ (caractère 3)");
	expect_refused(TEXT_VALUE, "l1\nl2", "pas de retour à la ligne");
	expect_refused(TEXT_LINE, "l1\rl2", "pas de retour à la ligne");
	expect_refused(TEXT_LINE, "a\tb", "caractère de contrôle refusé "
		       "(U+0009, caractère 2)");
	/* a CR is no line break in a long text: a control like any other */
	expect_refused(TEXT_LONG, "l1\r\nl2", "caractère de contrôle refusé "
		       "(U+000D, caractère 3)");
}

Test(limits, control_characters_are_refused_where_they_are)
{
	static const char *const bad[] = {
		"bip\a", "\x1b[2J", "nul\x01", "del\x7f",
	};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		for (int k = 0; k < TEXT_KIND_COUNT; k++)
			expect_refused((enum text_kind)k, bad[i],
				       "caractère de contrôle refusé");
	/* the position is in characters: "é" counts one */
	expect_refused(TEXT_LONG, "été\x1b", "(U+001B, caractère 4)");
}

Test(limits, c1_controls_are_refused)
{
	/* U+0085 (NEL) and U+009B (CSI), encoded C2 85 and C2 9B */
	expect_refused(TEXT_LONG, "a\xC2\x85z", "(U+0085, caractère 2)");
	expect_refused(TEXT_LINE, "\xC2\x9B" "2J", "(U+009B, caractère 1)");
	/* U+00A0 (no-break space) and U+00E9 are no controls */
	cr_expect_eq(text_check(TEXT_LINE, "nom", "a\xC2\xA0z \xC3\xA9", NULL),
		     0);
}

Test(limits, invalid_utf8_is_refused_with_its_byte)
{
	expect_refused(TEXT_LONG, "ab\xE9", "objet : texte UTF-8 invalide "
		       "(octet 3)");
	expect_refused(TEXT_LINE, "\xC0\xAF", "UTF-8 invalide (octet 1)");
	expect_refused(TEXT_VALUE, "ok\xED\xA0\x80", "(octet 3)");
}

Test(limits, a_nul_inside_the_length_is_a_control)
{
	struct err e;

	cr_expect_eq(text_check_n(TEXT_LONG, "objet", "a\0b", 3, &e), -1);
	cr_expect(strstr(e.msg, "U+0000"), "%s", e.msg);
	cr_expect_eq(text_check_n(TEXT_LONG, "objet", "ab", 2, &e), 0);
}

Test(limits, nothing_given_is_an_empty_text)
{
	cr_expect_eq(text_check(TEXT_LINE, "nom", NULL, NULL), 0);
	cr_expect_eq(text_check(TEXT_LONG, "objet", "", NULL), 0);
}

Test(limits, the_field_name_is_the_one_given)
{
	struct err e;

	cr_assert_eq(text_check(TEXT_LINE, "décidé par", "a\nb", &e), -1);
	cr_expect(!strncmp(e.msg, "décidé par : ", strlen("décidé par : ")),
		  "%s", e.msg);
}

Test(limits, text_lf_turns_crlf_and_lone_cr_into_lf)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "a\r\nb", "a\nb" },
		{ "a\rb", "a\nb" },
		{ "a\r\r\nb\n", "a\n\nb\n" },
		{ "\r\n\r\n", "\n\n" },
		{ "sans", "sans" },
		{ "é\r\nè", "é\nè" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = strdup(cases[i].in);

		cr_expect_str_eq(text_lf(s), cases[i].out, "case %zu", i);
		cr_expect_eq(text_check(TEXT_LONG, "objet", s, NULL), 0,
			     "case %zu", i);
		free(s);
	}
}
