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
	if (app_open_store(app, STORE_READ, &st, &e) != 0)
		return cli_fail(&e);
	if (store_check(st, &r, &e) != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	printf("Base : %s (schéma %d, %ld pages de %ld octets)\n",
	       store_path(st), store_schema_version(st), r.pages, r.page_size);
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
				      "sauvegarde (suivi backup en fait)");
	store_check_release(&r);
	store_close(st);
	return ok ? EXIT_OK : EXIT_DATA;
}
