#include "suivi/cli.h"
#include "suivi/contracts.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

int cli_import_files(struct store *st, char **files, int n, FILE *out,
		     struct err *e)
{
	struct contracts_import r;
	int rc = contracts_import(st, files, n, &r, e);

	/* what a file warns about is said even when another is refused */
	for (int i = 0; i < r.n; i++)
		if (r.docs[i])
			diag_list_print(&r.docs[i]->warnings, stderr);
	diag_list_print(&r.problems, stderr);
	/* Only now is anything imported: say so. */
	for (int i = 0; rc == 0 && i < r.n; i++) {
		const struct contract_doc *d = r.docs[i];
		const char *what = r.outcomes[i] == IMPORT_NEW
					   ? "importé"
					   : "déjà importé, inchangé";

		if (d->kind == DOC_CONTRACT)
			cli_printf(out, "%s : contrat %s (%s) %s\n", d->path,
				   d->identifier, d->commune, what);
		else
			cli_printf(out, "%s : avenant n°%d du contrat %s %s\n",
				   d->path, d->number, d->contract_identifier,
				   what);
	}
	contracts_import_release(&r);
	return rc;
}

int cmd_import(struct app *app, int argc, char **argv)
{
	struct store *st;
	struct err e;
	int rc;

	if (argc >= 2 && !strcmp(argv[1], "requests"))
		return cli_import_requests(app, argc - 1, argv + 1);
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("import : option inconnue « %s »",
					       argv[i]);
	if (argc < 2)
		return cli_usage_error("import : donnez au moins un fichier");
	err_clear(&e);
	if (cli_open_store(app, STORE_WRITE, &st, &e) != 0)
		return cli_fail(&e);
	rc = cli_import_files(st, argv + 1, argc - 1, stdout, &e);
	store_close(st);
	if (rc != 0) {
		cli_fail(&e);
		if (!strstr(e.msg, "rien n'a été importé"))
			fputs("suivi : rien n'a été importé\n", stderr);
		return EXIT_DATA;
	}
	return EXIT_OK;
}
