#include "suivi/cli.h"

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
	app_say_notice(st);
	if (store_check(st, &r, &e) != 0) {
		printf("Base : %s\nIntégrité : PROBLÈMES\n%s\nVerdict : base "
		       "endommagée : restaurez une sauvegarde\n", store_path(st),
		       e.msg);
		store_close(st);
		return EXIT_DATA;
	}
	printf("Base : %s (schéma %d, %ld pages de %ld octets)\n",
	       store_path(st), store_schema_version(st), r.pages, r.page_size);
	if (store_journal_played(st))
		printf("Journal : un enregistrement interrompu a été annulé "
		       "(son journal rejoué) ; la base est à son dernier état "
		       "enregistré\n");
	if (r.integrity_ok)
		printf("Intégrité : correcte\n");
	else
		printf("Intégrité : PROBLÈMES\n%s\n", r.integrity);
	if (r.foreign_keys_ok)
		printf("Références : correctes\n");
	else
		printf("Références : %d ligne%s renvoie%s à une donnée absente\n",
		       r.fk_problems, r.fk_problems > 1 ? "s" : "",
		       r.fk_problems > 1 ? "nt" : "");
	ok = r.integrity_ok && r.foreign_keys_ok;
	printf("Verdict : %s\n", ok ? "base saine"
				    : "base endommagée : restaurez une "
				      "sauvegarde (faite avec suivi backup)");
	store_check_release(&r);
	store_close(st);
	return ok ? EXIT_OK : EXIT_DATA;
}
