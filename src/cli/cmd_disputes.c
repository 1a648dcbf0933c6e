/*
 * The rows of two exports (options and files: cmd_export.c):
 *
 *   suivi export disputes [--commune C] [--year AAAA]
 *       one row per dispute, oldest first;
 *   suivi export summary --year AAAA [--commune C]
 *       the year's état récapitulatif (article 4): the exceptional
 *       requests and the disputes in one table, by date, a first column
 *       saying which is which.
 *
 * Dates are ISO, as in the other exports.
 */
#include "suivi/cli.h"
#include "suivi/csv.h"
#include "suivi/number.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_request.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const dispute_header[] = {
	"commune", "contrat", "ouvert le", "objet", "nature", "domaine",
	"niveau atteint", "étapes", "dernière issue", "instruction du Maire",
	"clos le", "solution", "comme", "demandes liées", "auteur", NULL
};

static const char *const summary_header[] = {
	"type", "date", "commune", "objet", "décision/solution",
	"décidé par / niveau", "coût estimé", NULL
};

static void header_row(struct csv *c, const char *const *h)
{
	for (int i = 0; h[i]; i++)
		csv_cell(c, h[i]);
	csv_end_row(c);
}

/* The commune and identifier of a contract, from the list. */
static const struct contract_info *contract_of(const struct contract_info *k,
					       size_t nk, const char *uid)
{
	for (size_t i = 0; i < nk; i++)
		if (!strcmp(k[i].uid, uid))
			return &k[i];
	return NULL;
}

/* On substance, closed at level 3: the Mayor's instruction prevailed. */
static bool mayor_instruction(const struct dispute *d)
{
	return d->state.closed && dispute_mayor_final(d->nature,
						      d->state.level);
}

static void dispute_row(struct csv *c, const struct contract_info *k,
			const struct dispute *d)
{
	csv_cell(c, k ? k->commune : NULL);
	csv_cell(c, k ? k->identifier : NULL);
	csv_cell(c, d->opened_on);
	csv_cell(c, d->object);
	csv_cell(c, dispute_nature_vocab[d->nature].label);
	csv_cell(c, d->domain_code);
	csv_cell_int(c, d->state.level);
	csv_cell_int(c, (long long)d->state.n_steps);
	csv_cell(c, d->state.last_outcome_set ?
		    step_outcome_vocab[d->state.last_outcome].label : NULL);
	csv_cell(c, mayor_instruction(d) ? "oui" : "non");
	csv_cell(c, d->closed_on);
	csv_cell(c, d->solution);
	csv_cell(c, d->like_object);
	csv_cell_int(c, (long long)d->n_linked);
	csv_cell(c, d->author);
	csv_end_row(c);
}

int cli_disputes_write(struct store *st, const char *contract_uid, int year,
		       struct csv *c, struct err *e)
{
	struct contract_info *k = NULL;
	struct dispute *v = NULL;
	size_t nk = 0, n = 0;
	int ret = -1;

	header_row(c, dispute_header);
	if (store_contract_list(st, &k, &nk, e) != 0)
		return -1;
	if (store_dispute_year(st, contract_uid, year, &v, &n, e) != 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		dispute_row(c, contract_of(k, nk, v[i].contract_uid), &v[i]);
	ret = ferror(c->out) ? 1 : 0;
out:
	store_dispute_list_free(v, n);
	store_contract_list_free(k, nk);
	return ret;
}

static void request_summary_row(struct csv *c, const struct contract_info *k,
				const struct request *r)
{
	char day[16] = "", cost[64] = "";

	if (r->received_at)
		snprintf(day, sizeof day, "%.10s", r->received_at);
	if (r->has_cost)
		number_format(r->estimated_cost, 2, cost, sizeof cost);
	csv_cell(c, "demande exceptionnelle");
	csv_cell(c, day);
	csv_cell(c, k ? k->commune : NULL);
	csv_cell(c, r->object);
	csv_cell(c, r->decision);
	csv_cell(c, r->decided_by);
	csv_cell(c, cost);
	csv_end_row(c);
}

static void dispute_summary_row(struct csv *c, const struct contract_info *k,
				const struct dispute *d)
{
	char level[160];

	snprintf(level, sizeof level, "niveau %d : %s%s", d->state.level,
		 dispute_level_name[d->state.level - 1],
		 mayor_instruction(d) ? " (instruction du Maire)" : "");
	csv_cell(c, "litige");
	csv_cell(c, d->opened_on);
	csv_cell(c, k ? k->commune : NULL);
	csv_cell(c, d->object);
	csv_cell(c, d->solution);
	csv_cell(c, level);
	csv_cell(c, NULL);
	csv_end_row(c);
}

int cli_summary_write(struct store *st, const char *contract_uid, int year,
		      struct csv *c, struct err *e)
{
	struct contract_info *k = NULL;
	struct request *r = NULL;
	struct dispute *d = NULL;
	size_t nk = 0, nr = 0, nd = 0, i = 0, j = 0;
	int ret = -1;

	header_row(c, summary_header);
	if (store_contract_list(st, &k, &nk, e) != 0)
		return -1;
	if (store_exceptional_list(st, contract_uid, year, &r, &nr, e) != 0 ||
	    store_dispute_year(st, contract_uid, year, &d, &nd, e) != 0)
		goto out;
	/* both lists are oldest first: merge them by date, a request before
	 * a dispute of the same day */
	while (i < nr || j < nd) {
		bool take_request = j >= nd ||
			(i < nr && strncmp(r[i].received_at ? r[i].received_at
							     : "",
					   d[j].opened_on ? d[j].opened_on : "",
					   10) <= 0);

		if (take_request) {
			request_summary_row(c, contract_of(k, nk,
							   r[i].contract_uid),
					    &r[i]);
			i++;
		} else {
			dispute_summary_row(c, contract_of(k, nk,
							   d[j].contract_uid),
					    &d[j]);
			j++;
		}
	}
	ret = ferror(c->out) ? 1 : 0;
out:
	store_dispute_list_free(d, nd);
	store_request_list_free(r, nr);
	store_contract_list_free(k, nk);
	return ret;
}
