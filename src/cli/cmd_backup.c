#include "suivi/cli.h"

#include <string.h>

int cmd_backup(struct app *app, int argc, char **argv)
{
	const char *dest = NULL;
	bool force = false;
	struct store *st;
	struct err e;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--force"))
			force = true;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("backup : option inconnue « %s »",
					       argv[i]);
		else if (dest)
			return cli_usage_error("backup : un seul fichier de "
					       "destination");
		else
			dest = argv[i];
	}
	if (!dest)
		return cli_usage_error("backup : donnez le fichier de destination");
	err_clear(&e);
	if (cli_open_store(app, STORE_VIEW, &st, &e) != 0)
		return cli_fail(&e);
	if (!strcmp(dest, store_path(st))) {
		store_close(st);
		return cli_usage_error("backup : la copie ne peut pas remplacer "
				       "la base elle-même");
	}
	if (store_backup(st, dest, force, &e) != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	cli_printf(stderr, "suivi : base copiée dans %s\n", dest);
	store_close(st);
	return EXIT_OK;
}
