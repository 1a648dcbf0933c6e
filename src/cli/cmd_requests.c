/*
 * The request log as CSV, both ways:
 *
 *   suivi export requests [...]             rows written by export_requests_csv
 *                                           (src/report/export_requests.c)
 *   suivi import requests FILE.csv [--commune C]
 *
 * One table of columns (request_columns.h) serves both: the export
 * writes them in its order, the import takes them by name in any order,
 * so that an export imported into another database gives the same
 * requests back. What follows from the dates (status, delays) and who
 * saved a request when are written for the reader and ignored on
 * import.
 *
 * An import is all or nothing (src/model/request_import.c): this file
 * reads the command line and says what happened.
 */
#include "suivi/cli.h"
#include "suivi/request_import.h"
#include "suivi/csv.h"
#include "suivi/csv_read.h"
#include "suivi/date.h"
#include "suivi/number.h"
#include "suivi/request.h"
#include "suivi/request_columns.h"
#include "suivi/store_contract.h"
#include "suivi/store_request.h"
#include "suivi/text.h"
#include "suivi/workdays.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_args(int argc, char **argv, const char **file,
		      const char **commune)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--commune")) {
			if (i + 1 >= argc)
				return cli_usage_error("import requests : "
						       "--commune attend une "
						       "valeur");
			*commune = argv[++i];
		} else if (!strncmp(a, "--commune=", 10)) {
			*commune = a + 10;
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error("import requests : option "
					       "inconnue « %s »", a);
		} else if (*file) {
			return cli_usage_error("import requests : un seul "
					       "fichier à la fois (« %s » est "
					       "de trop)", a);
		} else {
			*file = a;
		}
	}
	if (!*file)
		return cli_usage_error("import requests : usage : suivi import "
				       "requests FICHIER.csv [--commune C]");
	return 0;
}

int cli_import_requests(struct app *app, int argc, char **argv)
{
	struct request_import r;
	struct store *st = NULL;
	struct err e;
	FILE *in;
	const char *file = NULL, *commune = NULL;
	char commune_uid[STORE_UID_LEN];
	int rc;

	if ((rc = parse_args(argc, argv, &file, &commune)) != 0)
		return rc;
	err_clear(&e);
	in = fopen(file, "rb");
	if (!in) {
		err_set_at(&e, ERR_IO, file, 0, "lecture impossible : %s",
			   err_errno_fr(errno));
		return cli_fail(&e);
	}
	/* requests go into an existing database: a mistyped --db must not
	 * create a new one */
	if (cli_open_store(app, STORE_READ, &st, &e) != 0 ||
	    (commune &&
	     store_contract_find(st, commune, commune_uid, &e) != 0)) {
		cli_fail(&e);
		fputs("suivi : rien n'a été importé\n", stderr);
		fclose(in);
		store_close(st);
		return EXIT_DATA;
	}
	rc = request_import(st, in, file, commune, commune ? commune_uid : NULL,
			    &r, &e);
	if (rc == 0) {
		cli_printf(stderr, "suivi : %zu saisie%s importée%s de %s\n",
			   r.imported, r.imported > 1 ? "s" : "",
			   r.imported > 1 ? "s" : "", file);
	} else if (rc > 0) {
		diag_list_print(&r.problems, stderr);
		cli_printf(stderr, "suivi : %zu problème%s%s : rien n'a été "
			   "importé\n", r.problems.n, r.problems.n > 1 ? "s" : "",
			   r.stopped ? " (lecture arrêtée)" : "");
	} else {
		cli_fail(&e);
		fputs("suivi : rien n'a été importé\n", stderr);
	}
	request_import_release(&r);
	fclose(in);
	store_close(st);
	return rc == 0 ? EXIT_OK : EXIT_DATA;
}
