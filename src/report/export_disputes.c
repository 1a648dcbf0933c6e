/*
 * The rows of two exports (options and files: src/cli/cmd_export.c):
 *
 *   suivi export disputes [--commune C] [--year AAAA]
 *       one row per dispute, oldest first;
 *   suivi export summary --year AAAA [--commune C]
 *       the year's état récapitulatif (article 4), as summary_load
 *       gathers it (src/report/summary.c): the exceptional requests and
 *       the disputes in one table, by date, a first column saying which
 *       is which. (suivi report summary writes it as a document.)
 *
 * Dates are ISO, as in the other exports. The Mayor's instruction of a
 * dispute (article 4) is "oui" with its text, who gave it and its date;
 * "non enregistrée" for a dispute of substance closed at level 3 without
 * it (an older database); "non" otherwise.
 */
#include "suivi/csv.h"
#include "suivi/export.h"
#include "suivi/number.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_request.h"
#include "suivi/summary.h"
#include "suivi/xalloc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const dispute_header[] = {
	"commune", "contrat", "ouvert le", "objet", "nature", "domaine",
	"niveau atteint", "étapes", "dernière issue", "instruction du Maire",
	"texte de l'instruction", "instruction donnée par",
	"instruction donnée le", "clos le", "solution", "comme",
	"demandes liées", "auteur", NULL
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
	csv_cell(c, summary_mayor_final(d) ? "oui"
		    : store_dispute_instruction_missing(d) ? "non enregistrée"
							    : "non");
	csv_cell(c, d->instruction);
	csv_cell(c, d->instruction_by);
	csv_cell(c, d->instruction_on);
	csv_cell(c, d->closed_on);
	csv_cell(c, d->solution);
	csv_cell(c, d->like_object);
	csv_cell_int(c, (long long)d->n_linked);
	csv_cell(c, d->author);
	csv_end_row(c);
}

int export_disputes_csv(struct store *st, const char *contract_uid, int year,
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

static void request_summary_row(struct csv *c, const char *commune,
				const struct request *r)
{
	char day[16] = "", cost[64] = "";

	if (r->received_at)
		snprintf(day, sizeof day, "%.10s", r->received_at);
	if (r->has_cost)
		number_format_amount(r->estimated_cost, cost, sizeof cost);
	csv_cell(c, "demande exceptionnelle");
	csv_cell(c, day);
	csv_cell(c, commune);
	csv_cell(c, r->object);
	csv_cell(c, r->decision);
	csv_cell(c, r->decided_by);
	csv_cell(c, cost);
	csv_end_row(c);
}

static void dispute_summary_row(struct csv *c, const char *commune,
				const struct dispute *d)
{
	char level[160];

	snprintf(level, sizeof level, "niveau %d : %s%s", d->state.level,
		 dispute_level_name[d->state.level - 1],
		 summary_mayor_final(d) ? " (instruction du Maire)"
		 : store_dispute_instruction_missing(d)
			 ? " (instruction du Maire non enregistrée)" : "");
	csv_cell(c, "litige");
	csv_cell(c, d->opened_on);
	csv_cell(c, commune);
	csv_cell(c, d->object);
	csv_cell(c, d->solution);
	csv_cell(c, level);
	csv_cell(c, NULL);
	csv_end_row(c);
}

/* A row of the summary, with the commune it belongs to. */
struct summary_item {
	const char *commune;
	const char *day, *uid;		/* the order: day, then uid */
	const struct request *r;	/* one of r, d */
	const struct dispute *d;
};

static int item_cmp(const void *a, const void *b)
{
	const struct summary_item *x = a, *y = b;
	int c = strcmp(x->day ? x->day : "", y->day ? y->day : "");

	return c ? c : strcmp(x->uid, y->uid);
}

/* Every contract's records of one kind, in the store's order (date then
 * uid, as store_exceptional_list and store_dispute_year sort them over
 * every contract). */
static struct summary_item *summary_items(const struct summary *s,
					  bool requests, size_t *n)
{
	struct summary_item *v;
	size_t k = 0;

	*n = requests ? s->totals.requests : s->totals.disputes;
	v = xcalloc(*n ? *n : 1, sizeof *v);
	for (size_t i = 0; i < s->n_contracts; i++) {
		const struct summary_contract *sc = &s->contracts[i];
		size_t m = requests ? sc->n_requests : sc->n_disputes;

		for (size_t j = 0; j < m && k < *n; j++, k++) {
			v[k].commune = sc->commune;
			if (requests) {
				v[k].r = &sc->requests[j];
				v[k].day = v[k].r->received_at;
				v[k].uid = v[k].r->uid;
			} else {
				v[k].d = &sc->disputes[j];
				v[k].day = v[k].d->opened_on;
				v[k].uid = v[k].d->uid;
			}
		}
	}
	*n = k;
	qsort(v, k, sizeof *v, item_cmp);
	return v;
}

int export_summary_csv(struct store *st, const char *contract_uid, int year,
		       struct csv *c, struct err *e)
{
	struct summary s;
	struct summary_item *r, *d;
	size_t nr, nd, i = 0, j = 0;
	int ret;

	header_row(c, summary_header);
	if (summary_load(st, contract_uid, year, &s, e) != 0)
		return -1;
	r = summary_items(&s, true, &nr);
	d = summary_items(&s, false, &nd);
	/* both lists are oldest first: merge them by date, a request before
	 * a dispute of the same day */
	while (i < nr || j < nd) {
		bool take_request = j >= nd ||
			(i < nr && strncmp(r[i].day ? r[i].day : "",
					   d[j].day ? d[j].day : "", 10) <= 0);

		if (take_request) {
			request_summary_row(c, r[i].commune, r[i].r);
			i++;
		} else {
			dispute_summary_row(c, d[j].commune, d[j].d);
			j++;
		}
	}
	ret = ferror(c->out) ? 1 : 0;
	free(d);
	free(r);
	summary_release(&s);
	return ret;
}
