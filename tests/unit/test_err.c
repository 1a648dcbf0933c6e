#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/err.h"

/* What err_print writes, as a heap string. */
static char *printed(const struct err *e)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	cr_assert_not_null(f);
	err_print(e, f);
	cr_assert_eq(fclose(f), 0);
	return buf;
}

Test(err, set_neutralises_the_values_quoted)
{
	struct err e;
	char *s;

	err_set(&e, ERR_IO, "écriture impossible dans %s : %s",
		"x\x1b]0;pwned\x07\n\xFF.csv", "disque plein");
	cr_assert_eq(e.code, ERR_IO);
	cr_assert_str_eq(e.msg, "écriture impossible dans x?]0;pwned???.csv : "
				"disque plein");
	s = printed(&e);
	cr_assert_str_eq(s, "écriture impossible dans x?]0;pwned???.csv : "
			    "disque plein\n");
	free(s);
}

Test(err, set_at_neutralises_the_file_name)
{
	struct err e;
	char *s;

	err_set_at(&e, ERR_INPUT, "a\x1b[2J\nb\xE2\x80\xAE.ini", 12,
		   "valeur « %s » inconnue", "\x07oui");
	s = printed(&e);
	cr_assert_str_eq(s, "a?[2J?b?.ini:12: valeur « ?oui » inconnue\n");
	free(s);
}

Test(err, a_message_too_long_is_cut_at_a_character_and_says_so)
{
	struct err e;
	char big[3000];

	/* "é" is two bytes: the cut must not split one */
	for (size_t i = 0; i + 2 < sizeof big; i += 2)
		memcpy(big + i, "\xC3\xA9", 2);
	big[sizeof big - 2] = '\0';
	err_set(&e, ERR_INPUT, "x%s", big);
	cr_assert_lt(strlen(e.msg), sizeof e.msg);
	cr_assert_eq(strcmp(e.msg + strlen(e.msg) - 3, "\xE2\x80\xA6"), 0);
	/* before the ellipsis, whole characters only */
	cr_assert_eq((strlen(e.msg) - 3 - 1) % 2, 0);
}

Test(err, diag_neutralises_message_and_file)
{
	struct diag_list d;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	cr_assert_not_null(f);
	diag_list_init(&d);
	diag_add(&d, "f\x1b.csv", 3, "objet « %s »", "a\rb\xC2\x9B");
	diag_list_print(&d, f);
	cr_assert_eq(fclose(f), 0);
	cr_assert_str_eq(buf, "f?.csv:3: objet « a?b? »\n");
	free(buf);
	diag_list_release(&d);
}
