#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/ini.h"

/* Read content; expect exactly one problem, on line `line`, whose message
 * contains `words`. */
static void expect_problem(const char *content, int line, const char *words)
{
	char *p = t_write("t.ini", content);
	struct ini_file f;
	struct diag_list d;

	diag_list_init(&d);
	cr_assert_eq(ini_read(p, &f, &d), -1, "accepted: %s", content);
	cr_assert_geq(d.n, 1);
	cr_assert_eq(d.v[0].line, line, "line %d for « %s »: %s", d.v[0].line,
		     content, d.v[0].msg);
	cr_assert(strstr(d.v[0].msg, words), "« %s » not in « %s »", words,
		  d.v[0].msg);
	cr_assert_str_eq(d.v[0].file, p);
	ini_file_release(&f);
	diag_list_release(&d);
	free(p);
}

Test(ini, reads_sections_keys_and_quoted_values_with_lines)
{
	char *p = t_write("ok.ini",
		"; comment\n"
		"[Domaine NSI]\n"
		"nom = Numérique et systèmes\n"
		"texte = \"a ; b # c\"\n"
		"vide =\n"
		"apostrophe = l'année\n"
		"\n"
		"[autre]\r\n"
		"egal = a=b\r\n");
	struct ini_file f;
	struct diag_list d;

	diag_list_init(&d);
	cr_assert_eq(ini_read(p, &f, &d), 0, "%s", d.n ? d.v[0].msg : "");
	cr_assert_eq(f.n, 2);
	cr_assert_str_eq(f.sections[0].name, "Domaine NSI");
	cr_assert_eq(f.sections[0].line, 2);
	cr_assert_str_eq(ini_get(&f.sections[0], "nom")->value,
			 "Numérique et systèmes");
	cr_assert_eq(ini_get(&f.sections[0], "nom")->line, 3);
	cr_assert_str_eq(ini_get(&f.sections[0], "texte")->value, "a ; b # c");
	cr_assert_str_eq(ini_get(&f.sections[0], "vide")->value, "");
	cr_assert_str_eq(ini_get(&f.sections[0], "apostrophe")->value,
			 "l'année");
	cr_assert_str_eq(ini_get(&f.sections[1], "egal")->value, "a=b");
	cr_assert_null(ini_get(&f.sections[1], "absent"));
	ini_file_release(&f);
	diag_list_release(&d);
	free(p);
}

Test(ini, refuses_what_iniparser_would_swallow)
{
	expect_problem("[s]\nnom = Dupont #2\n", 2, "serait perdu");
	expect_problem("[s]\nnom = a ; b\n", 2, "serait perdu");
	expect_problem("[s]\nnom = a\nnom = b\n", 3, "déjà donnée ligne 2");
	expect_problem("[s]\n[S]\n", 2, "déjà ouverte ligne 1");
	expect_problem("[s]\nnom = \"a\" b\n", 2, "guillemet");
	expect_problem("[s]\nnom = 'a' b\n", 2, "apostrophe");
	expect_problem("[s]\nnom = \"a\"b\"\n", 2, "guillemets");
	expect_problem("[s]\nnom = a \\\n", 2, "continuation");
	expect_problem("nom = a\n", 1, "hors de toute section");
	expect_problem("[s]\njuste du texte\n", 2, "incomprise");
	expect_problem("[s]\nNom = a\n", 2, "minuscules");
	expect_problem("[s\n", 1, "mal fermée");
	expect_problem("[a:b]\n", 1, "interdits");
	expect_problem("[s]\n= a\n", 2, "clé manquante");
	expect_problem("[s]\nnom = a\x1b[2Jb\n", 2, "contrôle");
	expect_problem("[s]\nnom = caf\xe9\n", 2, "UTF-8");
}

Test(ini, refuses_long_lines_that_iniparser_would_reject_whole)
{
	char *content = malloc(2000);
	size_t head;

	strcpy(content, "[s]\nok = 1\nlong = ");
	head = strlen(content);
	memset(content + head, 'x', 1100);
	content[head + 1100] = '\0';
	strcat(content, "\n");
	expect_problem(content, 3, "trop longue");
	free(content);
}

Test(ini, reports_every_problem_not_only_the_first)
{
	char *p = t_write("many.ini", "[s]\na = 1 ; x\nb = \xff\n[s]\n");
	struct ini_file f;
	struct diag_list d;

	diag_list_init(&d);
	cr_assert_eq(ini_read(p, &f, &d), -1);
	cr_assert_eq(d.n, 3);
	cr_assert_eq(d.v[0].line, 2);
	cr_assert_eq(d.v[1].line, 3);
	cr_assert_eq(d.v[2].line, 4);
	ini_file_release(&f);
	diag_list_release(&d);
	free(p);
}

Test(ini, refuses_missing_file_nul_bytes_and_directories)
{
	struct ini_file f;
	struct diag_list d;
	char *p = t_path("absent.ini");
	FILE *w;

	diag_list_init(&d);
	cr_assert_eq(ini_read(p, &f, &d), -1);
	cr_assert(strstr(d.v[0].msg, "introuvable"), "%s", d.v[0].msg);
	ini_file_release(&f);
	cr_assert_eq(ini_read(t_dir(), &f, &d), -1);
	ini_file_release(&f);
	free(p);
	p = t_path("nul.ini");
	w = fopen(p, "wb");
	fwrite("[s]\na = b\0c\n", 1, 12, w);
	fclose(w);
	cr_assert_eq(ini_read(p, &f, &d), -1);
	cr_assert(strstr(d.v[2].msg, "nul"), "%s", d.v[2].msg);
	ini_file_release(&f);
	diag_list_release(&d);
	free(p);
}

Test(ini, accepts_a_byte_order_mark)
{
	char *p = t_write("bom.ini", "\xEF\xBB\xBF[s]\na = 1\n");
	struct ini_file f;
	struct diag_list d;

	diag_list_init(&d);
	cr_assert_eq(ini_read(p, &f, &d), 0);
	cr_assert_str_eq(f.sections[0].name, "s");
	ini_file_release(&f);
	diag_list_release(&d);
	free(p);
}
