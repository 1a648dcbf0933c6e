#include "suivi/cli.h"

#include <string.h>

/* SQLite's report, one problem a line: each line printed as a value. */
static void print_lines(const char *head, const char *text)
{
	cli_printf(stdout, "%s\n", head);
	while (text && *text) {
		size_t n = strcspn(text, "\n");

		cli_printf(stdout, "%.*s\n", (int)n, text);
		text += n + (text[n] == '\n');
	}
}

int cmd_check(struct app *app, int argc, char **argv)
{
	struct store *st;
	struct store_check r;
	struct err e;
	int ok;

	(void)argv;
	if (argc > 1)
		return cli_usage_error("check : aucun argument attendu");
	err_clear(&e);
	/* Read-only, and without the start-up refusal of a damaged file:
	 * this command is the one that says what is damaged. */
	if (store_open(app->db_path, STORE_INSPECT, &st, &e) != 0)
		return cli_fail(&e);
	cli_say_notice(st);
	if (store_check(st, &r, &e) != 0) {
		cli_printf(stdout, "Base : %s\nIntégrité : PROBLÈMES\n%s\nVerdict : base "
		       "endommagée : restaurez une sauvegarde\n", store_path(st),
		       e.msg);
		store_close(st);
		return EXIT_DATA;
	}
	cli_printf(stdout, "Base : %s (schéma %d, %ld pages de %ld octets)\n",
	       store_path(st), store_schema_version(st), r.pages, r.page_size);
	if (store_journal_played(st))
		printf("Journal : un enregistrement interrompu a été annulé "
		       "(son journal rejoué) ; la base est à son dernier état "
		       "enregistré\n");
	if (r.integrity_ok)
		cli_printf(stdout, "Intégrité : correcte\n");
	else
		print_lines("Intégrité : PROBLÈMES (détail de SQLite, en "
			    "anglais) :", r.integrity);
	if (r.foreign_keys_ok)
		cli_printf(stdout, "Références : correctes\n");
	else
		cli_printf(stdout, "Références : %d ligne%s renvoie%s à une donnée absente\n",
		       r.fk_problems, r.fk_problems > 1 ? "s" : "",
		       r.fk_problems > 1 ? "nt" : "");
	ok = r.integrity_ok && r.foreign_keys_ok;
	cli_printf(stdout, "Verdict : %s\n", ok ? "base saine"
				    : "base endommagée : restaurez une "
				      "sauvegarde (faite avec suivi backup)");
	store_check_release(&r);
	store_close(st);
	return ok ? EXIT_OK : EXIT_DATA;
}
