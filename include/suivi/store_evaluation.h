/*
 * store_evaluation.h - what happens to a year's annual evaluation once
 * written (article 5: it is sent to the commune, which presents it to
 * its instances délibératives communales), and the adjustments the
 * parties propose for the next year. One record per contract and year,
 * entered in the Rapports screen or with « suivi evaluation », printed in
 * the évaluation itself (evaluation.h).
 *
 * Dates are ISO ("AAAA-MM-JJ"); the texts are the référents', verbatim.
 */
#ifndef SUIVI_STORE_EVALUATION_H
#define SUIVI_STORE_EVALUATION_H

#include <stdbool.h>

#include "suivi/date.h"
#include "suivi/err.h"
#include "suivi/store.h"

struct evaluation_record {
	bool found;		/* false: nothing recorded for that year */
	char *adjustments;	/* proposed for the next year, or NULL */
	char *sent_on;		/* sent to the commune, or NULL */
	char *presented_on;	/* presented to its instances, or NULL */
	char *author, *updated_at;	/* NULL when !found */
};

/* What to change, typed (what the référent typed is read by
 * evaluation_record.h): adjustments NULL is left as it is, blank clears
 * it; each date is kept, cleared or set. */
enum record_date_change { RECORD_DATE_KEEP, RECORD_DATE_CLEAR,
			  RECORD_DATE_SET };
struct evaluation_record_change {
	const char *adjustments;
	enum record_date_change sent, presented;
	struct date sent_on, presented_on;	/* when RECORD_DATE_SET */
};

/*
 * Change the record of the contract's evaluation of year, in one
 * transaction (nested in the caller's), authored by store_author(st) and
 * stamped now; a record left with nothing is deleted. Refused with
 * ERR_INPUT and a French message, nothing written: a year outside
 * 1900-2199 or before the contract's start year, a date after today (today ISO, NULL: date_today(): a record says
 * what happened), a sending before the evaluated year began, a
 * presentation before the sending, adjustments TEXT_LONG refuses
 * (limits.h, "ajustements proposés"). ERR_NOTFOUND: unknown contract.
 */
int store_evaluation_record_set(struct store *st, const char *contract_uid,
				int year,
				const struct evaluation_record_change *in,
				const char *today, struct err *e);

/* The record (out->found false when none). Release with
 * evaluation_record_release. */
int store_evaluation_record_get(struct store *st, const char *contract_uid,
				int year, struct evaluation_record *out,
				struct err *e);
void evaluation_record_release(struct evaluation_record *r);

#endif
