/*
 * suivi set COMMUNE INDICATOR PERIOD VALUE [--criticite C] [--comment T]
 *     [--raison T] (required to change a value validated at a meeting)
 *
 * Scripted entry of one value, with the grid's parsing and checks: the
 * commune by name (accents optional), INSEE code or contract identifier;
 * the indicator by its code in the annex in force at the period; the
 * period as 2018-03, 2018-T1 or 2018, matching the indicator's
 * periodicity. One transaction, like a value confirmed in the grid.
 */
#include "suivi/cli.h"
#include "suivi/cell.h"
#include "suivi/dashboard.h"
#include "suivi/store_meeting.h"
#include "suivi/date.h"
#include "suivi/store_contract.h"
#include "suivi/store_measurement.h"
#include "suivi/store_request.h"
#include "suivi/text.h"
#include "suivi/value.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether a period fits an indicator's periodicity. */
static bool period_fits(enum periodicity per, struct period p)
{
	switch (per) {
	case PERIOD_MONTHLY:
		return p.month != 0;
	case PERIOD_QUARTERLY:
		return p.quarter != 0;
	case PERIOD_ANNUAL:
		return !p.month && !p.quarter;
	default:
		return p.month != 0 || p.quarter != 0;
	}
}

/* The criticality given, as the contract spells it ("" when the
 * indicator is not split). */
static int pick_criticality(const struct indicator *ind, const char *given,
			    char *out, size_t n, struct err *e)
{
	char *want, **lv;
	size_t nl;
	bool found = false;

	out[0] = '\0';
	if (!ind->criticalities || !*ind->criticalities) {
		if (given) {
			err_set(e, ERR_USAGE, "%s n'est pas suivi par criticité : "
				"--criticite est de trop", ind->code);
			return -1;
		}
		return 0;
	}
	if (!given) {
		err_set(e, ERR_USAGE, "%s se saisit par criticité : "
			"--criticite %s", ind->code, ind->criticalities);
		return -1;
	}
	want = text_fold(given);
	nl = contract_levels(ind->criticalities, &lv);
	for (size_t i = 0; i < nl && !found; i++) {
		char *f = text_fold(lv[i]);

		if (!strcmp(f, want)) {
			snprintf(out, n, "%s", lv[i]);
			found = true;
		}
		free(f);
	}
	contract_levels_free(lv, nl);
	free(want);
	if (!found) {
		err_set(e, ERR_USAGE, "criticité « %s » inconnue pour %s (%s)",
			given, ind->code, ind->criticalities);
		return -1;
	}
	return 0;
}

int cmd_set(struct app *app, int argc, char **argv)
{
	const char *pos[4] = { 0 }, *comment = NULL, *crit_arg = NULL;
	const char *reason = NULL;
	int npos = 0;
	struct period p;
	struct store *st = NULL;
	struct indicator ind;
	struct value v = { 0 };
	struct err e;
	char uid[STORE_UID_LEN], iuid[STORE_UID_LEN];
	char key[PERIOD_KEY_LEN], crit[128], shown[256], label[64];
	int rc = EXIT_DATA;

	memset(&ind, 0, sizeof ind);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--comment") || !strcmp(a, "--commentaire") ||
		    !strcmp(a, "--criticite") || !strcmp(a, "--criticité") ||
		    !strcmp(a, "--raison")) {
			if (i + 1 >= argc)
				return cli_usage_error("set : %s attend une "
						       "valeur", a);
			if (!strncmp(a, "--crit", 6))
				crit_arg = argv[++i];
			else if (!strcmp(a, "--raison"))
				reason = argv[++i];
			else
				comment = argv[++i];
		} else if (!strncmp(a, "--raison=", 9)) {
			reason = a + 9;
		} else if (!strncmp(a, "--comment=", 10)) {
			comment = a + 10;
		} else if (!strncmp(a, "--criticite=", 12)) {
			crit_arg = a + 12;
		} else if (a[0] == '-' && a[1] == '-') {
			return cli_usage_error("set : option inconnue « %s »", a);
		} else if (npos < 4) {
			pos[npos++] = a;
		} else {
			return cli_usage_error("set : argument de trop « %s »", a);
		}
	}
	if (npos < 4)
		return cli_usage_error("set : usage : suivi set COMMUNE INDICATEUR "
				       "PÉRIODE VALEUR [--criticite C] "
				       "[--comment TEXTE] [--raison TEXTE]");
	if (period_parse(pos[2], &p) != 0)
		return cli_usage_error("set : période « %s » invalide (2018-03, "
				       "2018-T1 ou 2018)", pos[2]);
	if (comment && !text_utf8_valid(comment, strlen(comment), NULL))
		return cli_usage_error("set : le commentaire n'est pas de "
				       "l'UTF-8 valide");
	if (reason && !text_utf8_valid(reason, strlen(reason), NULL))
		return cli_usage_error("set : la raison n'est pas de l'UTF-8 "
				       "valide");
	err_clear(&e);
	/* a value goes into an existing database: a mistyped --db must not
	 * create a new one */
	if (cli_open_store(app, STORE_READ, &st, &e) != 0)
		return cli_fail(&e);
	if (store_contract_find(st, pos[0], uid, &e) != 0)
		goto fail;
	/* the version of the period, as the grid finds it */
	if (dashboard_indicator_at(st, uid, pos[1], p, iuid, &e) != 0)
		goto fail;
	if (store_indicator_get(st, iuid, &ind, &e) != 0)
		goto fail;
	period_key(p, key);
	period_label(p, label, sizeof label);
	if (ind.periodicity == PERIOD_MONTHLY_OR_QUARTERLY) {
		/* the référent's recorded choice decides (p in the grid) */
		bool quarterly;

		if (store_indicator_quarterly(st, iuid, &quarterly, &e) != 0)
			goto fail;
		if (quarterly != (p.quarter != 0)) {
			err_set(&e, ERR_INPUT, "%s est suivi par %s (choix "
				"enregistré, p dans le tableau de bord) : « %s » "
				"n'en est pas une période", pos[1],
				quarterly ? "trimestre" : "mois", pos[2]);
			goto fail;
		}
	}
	if (!period_fits(ind.periodicity, p)) {
		err_set(&e, ERR_INPUT, "%s a une périodicité %s : « %s » n'en "
			"est pas une période", ind.code,
			periodicity_vocab[ind.periodicity].label, pos[2]);
		goto fail;
	}
	if (pick_criticality(&ind, crit_arg, crit, sizeof crit, &e) != 0)
		goto fail;
	{
		struct value_spec spec = { ind.value_kind, ind.scale_min,
					   ind.scale_max, ind.unit };

		if (value_parse(&spec, pos[3], &v, &e) != 0)
			goto fail;
		struct value computed = { 0 };
		bool has_computed = false;

		/* typed over what the request log gives: an override */
		if (ind.computed_from >= 0 &&
		    store_computed_value(st, iuid, p, crit, &computed,
					 &has_computed, &e) != 0)
			goto fail;
		value_release(&computed);
		/* the value and its comment together, or nothing; a value
		 * validated at a meeting changes only with a reason */
		if (cell_set(st, iuid, key, crit, &v, has_computed, reason,
			     comment, NULL, &e) != 0)
			goto fail;
		value_format(&spec, &v, true, shown, sizeof shown);
	}
	cli_printf(stdout, "%s%s%s · %s = %s\n", pos[1], crit[0] ? " · " : "", crit,
	       label, shown);
	if (fflush(stdout) != 0)
		cli_printf(stderr, "suivi : écriture impossible sur la sortie "
			"(la valeur est enregistrée)\n");
	rc = EXIT_OK;
	goto out;
fail:
	rc = cli_fail(&e);
out:
	value_release(&v);
	indicator_release(&ind);
	store_close(st);
	return rc;
}
