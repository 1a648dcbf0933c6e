#include "suivi/cli.h"
#include "suivi/contract_file.h"
#include "suivi/store_contract.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Contracts before amendments, amendments by number: an amendment needs
 * its contract, whatever order the files were given in. */
static int cmp_doc(const void *a, const void *b)
{
	const struct contract_doc *x = *(struct contract_doc *const *)a;
	const struct contract_doc *y = *(struct contract_doc *const *)b;

	if (x->kind != y->kind)
		return x->kind == DOC_CONTRACT ? -1 : 1;
	if (x->kind == DOC_AMENDMENT && x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return 0;
}

int cli_import_files(struct store *st, char **files, int n, FILE *out,
		     struct err *e)
{
	struct contract_doc **docs = xcalloc((size_t)n + 1, sizeof *docs);
	enum import_outcome *outcomes = NULL;
	struct diag_list diags;
	int ret = -1;

	diag_list_init(&diags);
	for (int i = 0; i < n; i++)
		if (contract_file_read(files[i], &docs[i], &diags) == 0)
			diag_list_print(&docs[i]->warnings, stderr);
	if (diags.n) {
		diag_list_print(&diags, stderr);
		err_set(e, ERR_INPUT, "%zu problème%s : rien n'a été importé",
			diags.n, diags.n > 1 ? "s" : "");
		goto out;
	}
	/* stable order among equals: a simple insertion sort */
	for (int i = 1; i < n; i++)
		for (int k = i; k > 0 && cmp_doc(&docs[k - 1], &docs[k]) > 0; k--) {
			struct contract_doc *t = docs[k];

			docs[k] = docs[k - 1];
			docs[k - 1] = t;
		}
	outcomes = xcalloc((size_t)n + 1, sizeof *outcomes);
	if (store_begin(st, e) != 0)
		goto out;
	for (int i = 0; i < n; i++) {
		if (store_contract_import(st, docs[i], &outcomes[i], e) != 0) {
			store_rollback(st);
			goto out;
		}
	}
	if (store_commit(st, e) != 0)
		goto out;
	/* Only now is anything imported: say so. */
	for (int i = 0; i < n; i++) {
		const char *what = outcomes[i] == IMPORT_NEW
					   ? "importé"
					   : "déjà importé, inchangé";

		if (docs[i]->kind == DOC_CONTRACT)
			cli_printf(out, "%s : contrat %s (%s) %s\n", docs[i]->path,
				docs[i]->identifier, docs[i]->commune, what);
		else
			cli_printf(out, "%s : avenant n°%d du contrat %s %s\n",
				docs[i]->path, docs[i]->number,
				docs[i]->contract_identifier, what);
	}
	ret = 0;
out:
	for (int i = 0; i < n; i++)
		contract_doc_free(docs[i]);
	free(docs);
	free(outcomes);
	diag_list_release(&diags);
	return ret;
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
	if (app_open_store(app, STORE_WRITE, &st, &e) != 0)
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
