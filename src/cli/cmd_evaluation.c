/*
 * suivi evaluation COMMUNE ANNÉE [--envoyee-le DATE]
 *     [--presentee-le DATE] [--ajustements TEXTE]
 *
 * What became of a year's annual evaluation (article 5): the date it was
 * sent to the commune, the date the commune presented it to its
 * instances délibératives communales, and the adjustments proposed for
 * the next year. Without an option, prints what is recorded; with
 * options, records them (one transaction; "" clears a field) and prints
 * the result. The Rapports screen records the same (store_evaluation.h).
 */
#include "suivi/cli.h"
#include "suivi/date.h"
#include "suivi/evaluation.h"
#include "suivi/evaluation_record.h"
#include "suivi/store_contract.h"
#include "suivi/store_evaluation.h"
#include "suivi/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"evaluation : usage : suivi evaluation COMMUNE ANNÉE "
	"[--envoyee-le DATE] [--presentee-le DATE] [--ajustements TEXTE]";

static void show_date(const char *label, const char *iso)
{
	char d[DATE_ISO_LEN];

	date_iso_fr(iso, d);
	cli_printf(stdout, "%s : %s\n", label, iso ? d : "—");
}

/* A year before the contract's start has no evaluation: said, as
 * report evaluation says it. */
static int check_year(struct store *st, const char *uid, int year,
		      struct err *e)
{
	struct contract_info *cs;
	size_t n;
	int rc = 0;

	if (store_contract_list(st, &cs, &n, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(cs[i].uid, uid))
			rc = evaluation_check_year(EVAL_CALENDAR, year,
						   cs[i].starts_on,
						   cs[i].commune, e);
	store_contract_list_free(cs, n);
	return rc;
}

int cmd_evaluation(struct app *app, int argc, char **argv)
{
	struct evaluation_record_input in = { 0 };
	struct evaluation_record r = { 0 };
	const char *pos[2] = { NULL, NULL };
	int npos = 0, year;
	bool change = false;
	struct store *st = NULL;
	char uid[STORE_UID_LEN];
	struct err e;
	int rc;

	for (int i = 1; i < argc; i++) {
		int t;

		if ((t = cli_option(argc, argv, &i, "--envoyee-le",
				    &in.sent_on, "evaluation")) ||
		    (t = cli_option(argc, argv, &i, "--presentee-le",
				    &in.presented_on, "evaluation")) ||
		    (t = cli_option(argc, argv, &i, "--ajustements",
				    &in.adjustments, "evaluation"))) {
			if (t < 0)
				return EXIT_USAGE;
			change = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error("evaluation : option inconnue "
					       "« %s »", argv[i]);
		} else if (npos < 2) {
			pos[npos++] = argv[i];
		} else {
			return cli_usage_error("evaluation : argument de trop "
					       "« %s »", argv[i]);
		}
	}
	if (npos < 2)
		return cli_usage_error("%s", usage);
	{
		char *end;
		long y = strtol(pos[1], &end, 10);

		if (*end || end == pos[1] || y < 1900 || y > 2199)
			return cli_usage_error("evaluation : année « %s » "
					       "invalide (par exemple 2026)",
					       pos[1]);
		year = (int)y;
	}
	if (in.adjustments &&
	    !text_utf8_valid(in.adjustments, strlen(in.adjustments), NULL))
		return cli_usage_error("evaluation : les ajustements ne sont pas "
				       "de l'UTF-8 valide");
	err_clear(&e);
	if (cli_open_store(app, change ? STORE_WRITE : STORE_VIEW, &st,
			   &e) != 0)
		return cli_fail(&e);
	if (store_contract_find(st, pos[0], uid, &e) != 0 ||
	    check_year(st, uid, year, &e) != 0 ||
	    (change && evaluation_record_set(st, uid, year, &in, NULL, &e) != 0) ||
	    store_evaluation_record_get(st, uid, year, &r, &e) != 0) {
		rc = cli_fail(&e);
		goto out;
	}
	if (change)
		cli_printf(stdout, "Enregistré.\n");
	cli_printf(stdout, "Évaluation %d\n", year);
	show_date("envoyée à la commune le", r.sent_on);
	show_date("présentée aux instances délibératives communales le",
		  r.presented_on);
	cli_printf(stdout, "ajustements proposés pour %d : %s\n", year + 1,
	       r.adjustments ? r.adjustments : "—");
	rc = EXIT_OK;
out:
	evaluation_record_release(&r);
	store_close(st);
	return rc;
}
