/*
 * export.h - the CSV exports (suivi export …, and any screen that wants
 * one): each writes its header row, then its rows, on an open csv
 * (csv.h), reading through the store. Where the file goes (a temporary
 * file renamed, standard output) is the caller's.
 *
 * Every function returns 0; -1 with e when the store refused or failed
 * (the header row may already be written: the caller drops the output);
 * or 1 when writing failed (errno says why).
 *
 * Dates are ISO, as stored. contract_uid NULL means every contract.
 */
#ifndef SUIVI_EXPORT_H
#define SUIVI_EXPORT_H

#include <stdbool.h>

#include "suivi/across.h"
#include "suivi/csv.h"
#include "suivi/err.h"
#include "suivi/model.h"
#include "suivi/store.h"

/* export indicators: the indicators of the annexes in force on date
 * (ISO) of the commune as typed (name, INSEE or identifier; NULL: every
 * commune). */
int export_indicators_csv(struct store *st, const char *commune,
			  const char *date, struct csv *c, struct err *e);

/* export measurements: every value of year (store_measurement_rows). */
int export_measurements_csv(struct store *st, const char *contract_uid,
			    int year, struct csv *c, struct err *e);

/* export requests: the requests received from `from` to `to` (ISO
 * dates, inclusive, NULL: open), oldest first, in the columns of
 * request_columns.h. */
int export_requests_csv(struct store *st, const char *contract_uid,
			const char *from, const char *to, struct csv *c,
			struct err *e);

/* export disputes: the disputes opened in year (0: every year), oldest
 * first. */
int export_disputes_csv(struct store *st, const char *contract_uid, int year,
			struct csv *c, struct err *e);

/* export summary: the year's état récapitulatif (summary.h), the
 * exceptional requests and the disputes in one table by date, a request
 * before a dispute of the same day. */
int export_summary_csv(struct store *st, const char *contract_uid, int year,
		       struct csv *c, struct err *e);

/* export communes: one indicator (code, "3.3.2" or "nsi/3.3.2") across
 * every commune for period, criticality crit (NULL: the indicator's
 * own), sorted; today (ISO) judges what is due. Loaded whole before the
 * header: a refusal writes nothing. */
struct export_communes {
	const char *code, *crit;
	struct period period;
	enum across_sort sort;
	bool descending;
};
int export_communes_csv(struct store *st, const struct export_communes *x,
			const char *today, struct csv *c, struct err *e);

#endif
