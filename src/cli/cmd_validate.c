#include "suivi/cli.h"
#include "suivi/contract_file.h"

int cmd_validate(struct app *app, int argc, char **argv)
{
	struct diag_list diags;
	int bad = 0;

	(void)app;
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("validate : option inconnue « %s »",
					       argv[i]);
	if (argc < 2)
		return cli_usage_error("validate : donnez au moins un fichier");
	diag_list_init(&diags);
	for (int i = 1; i < argc; i++) {
		struct contract_doc *doc;
		size_t indicators = 0, annexes = 0, untranscribed = 0;
		char more[64] = "";

		if (contract_file_read(argv[i], &doc, &diags) != 0) {
			bad++;
			diag_list_print(&diags, stderr);
			diag_list_release(&diags);
			diag_list_init(&diags);
			continue;
		}
		diag_list_print(&doc->warnings, stderr);
		for (size_t k = 0; k < doc->n_annexes; k++) {
			indicators += doc->annexes[k].n_indicators;
			if (doc->annexes[k].untranscribed)
				untranscribed++;
			else
				annexes++;
		}
		if (untranscribed)
			snprintf(more, sizeof more, " (+ %zu non transcrite%s)",
				 untranscribed, untranscribed > 1 ? "s" : "");
		if (doc->kind == DOC_CONTRACT)
			cli_printf(stdout, "%s : valide (contrat %s, %zu annexe%s%s, %zu "
			       "indicateur%s)\n", argv[i], doc->identifier,
			       annexes, annexes > 1 ? "s" : "", more,
			       indicators, indicators > 1 ? "s" : "");
		else
			cli_printf(stdout, "%s : valide (avenant n°%d du contrat %s, %zu "
			       "annexe%s, %zu indicateur%s)\n", argv[i],
			       doc->number, doc->contract_identifier,
			       annexes, annexes > 1 ? "s" : "",
			       indicators, indicators > 1 ? "s" : "");
		contract_doc_free(doc);
	}
	diag_list_release(&diags);
	if (bad) {
		cli_printf(stderr, "suivi : %d fichier%s invalide%s\n", bad,
			bad > 1 ? "s" : "", bad > 1 ? "s" : "");
		return EXIT_DATA;
	}
	return EXIT_OK;
}
