/*
 * export requests: the request log, one row per request in the columns
 * of request_columns.h (import requests reads them back by name). What
 * follows from the dates (status, delays) is written for the reader.
 */
#include "suivi/csv.h"
#include "suivi/date.h"
#include "suivi/export.h"
#include "suivi/number.h"
#include "suivi/request.h"
#include "suivi/request_columns.h"
#include "suivi/store_contract.h"
#include "suivi/store_request.h"
#include "suivi/workdays.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Stored "AAAA-MM-JJTHH:MM" as "AAAA-MM-JJ HH:MM" (as stored when it
 * does not parse: never lose what is there). */
static const char *datetime_cell(const char *stored,
				 char buf[DATETIME_ISO_LEN])
{
	struct datetime t;

	if (!stored || datetime_parse(stored, &t) != 0)
		return stored;
	datetime_format_iso(t, buf);
	buf[10] = ' ';
	return buf;
}

static const char *number_cell(bool has, double v, char *buf, size_t n)
{
	if (!has)
		return NULL;
	number_format(v, 2, buf, n);
	return buf;
}

static const char *word(const struct vocab *v, int n, int i)
{
	return i >= 0 && i < n ? v[i].file : NULL;
}

static void write_row(struct csv *c, const struct contract_info *k,
		      const struct request *r)
{
	const char *cell[C_COUNT] = { 0 };
	char dates[6][DATETIME_ISO_LEN], nums[5][32], delay[32];
	bool exceptional = r->kind == REQUEST_EXCEPTIONAL;

	cell[C_COMMUNE] = k->commune;
	cell[C_CONTRACT] = k->identifier;
	cell[C_KIND] = word(request_kind_vocab, REQUEST_KIND_COUNT,
			    (int)r->kind);
	cell[C_FORM] = word(request_form_vocab, FORM_COUNT, (int)r->form);
	cell[C_DOMAIN] = r->domain_code;
	cell[C_SUBDOMAIN] = r->subdomain_letter;
	cell[C_NATURE] = word(request_nature_vocab, NATURE_COUNT,
			      (int)r->nature);
	cell[C_CRITICALITY] = r->criticality;
	cell[C_PRIORITY] = r->urgent_priority;
	if (r->has_urgent_delay) {
		request_urgent_delay_format(r->urgent_delay_min, delay,
					    sizeof delay);
		cell[C_DELAY] = delay;
	}
	cell[C_REQUESTER] = r->requester;
	cell[C_OBJECT] = r->object;
	cell[C_RECEIVED] = datetime_cell(r->received_at, dates[0]);
	cell[C_ACK] = datetime_cell(r->acknowledged_at, dates[1]);
	cell[C_INTERVENTION] = datetime_cell(r->intervention_at, dates[2]);
	cell[C_RESOLVED] = datetime_cell(r->resolved_at, dates[3]);
	cell[C_ANSWERED] = datetime_cell(r->answered_at, dates[4]);
	cell[C_CANCELLED] = datetime_cell(r->cancelled_at, dates[5]);
	cell[C_CANCEL_REASON] = r->cancel_reason;
	cell[C_STATUS] = (int)r->status >= 0 && r->status < REQ_STATUS_COUNT
				 ? request_status_vocab[r->status].label
				 : NULL;
	cell[C_ACK_HOURS] = number_cell(r->has_ack, r->ack_hours, nums[0],
					sizeof nums[0]);
	cell[C_ACK_DAYS] = number_cell(r->has_ack, r->ack_days, nums[1],
				       sizeof nums[1]);
	cell[C_RES_HOURS] = number_cell(r->has_resolution, r->resolution_hours,
					nums[2], sizeof nums[2]);
	cell[C_RES_DAYS] = number_cell(r->has_resolution, r->resolution_days,
				       nums[3], sizeof nums[3]);
	if (exceptional) {
		cell[C_ASKED] = r->asked;
		cell[C_PROPOSAL] = r->proposal;
		cell[C_DECISION] = r->decision;
		cell[C_DECIDED_BY] = r->decided_by;
		cell[C_DECIDED_ON] = r->decided_on;
		if (r->has_cost) {
			number_format_amount(r->estimated_cost, nums[4],
					     sizeof nums[4]);
			cell[C_COST] = nums[4];
		}
		cell[C_COMPENSATION] = r->compensation;
	}
	cell[C_AUTHOR] = r->author;
	cell[C_UPDATED] = r->updated_at;
	for (int i = 0; i < C_COUNT; i++)
		csv_cell(c, cell[i]);
	csv_end_row(c);
}

int export_requests_csv(struct store *st, const char *contract_uid,
			const char *from, const char *to, struct csv *c,
			struct err *e)
{
	struct contract_info *k = NULL;
	size_t nk = 0;
	int ret = 0;

	for (int i = 0; i < C_COUNT; i++)
		csv_cell(c, request_columns[i].name);
	csv_end_row(c);
	if (store_contract_list(st, &k, &nk, e) != 0)
		return -1;
	for (size_t i = 0; i < nk && !ret; i++) {
		struct request_filter f;
		struct request *v = NULL;
		size_t n = 0;

		if (contract_uid && strcmp(contract_uid, k[i].uid))
			continue;
		request_filter_init(&f);
		f.from = from;
		f.to = to;
		f.sort = SORT_RECEIVED_ASC;
		if (store_request_list(st, k[i].uid, &f, &v, &n, NULL, e) != 0) {
			ret = -1;
			break;
		}
		for (size_t j = 0; j < n; j++)
			write_row(c, &k[i], &v[j]);
		store_request_list_free(v, n);
		if (ferror(c->out))
			ret = 1;
	}
	store_contract_list_free(k, nk);
	return ret;
}
