/*
 * store_request.h - requests (saisines) in the database, and the
 * indicator values computed from them.
 *
 * A request belongs to one contract and, when known, to one of its
 * domains (and a sub-domain of that domain). Its follow-up is a set of
 * date-times: received (required), acknowledged, intervention, resolved,
 * answered, cancelled. They are stored normalised as "AAAA-MM-JJTHH:MM"
 * (workdays.h: datetime_format_iso), wall-clock time, so that text order
 * is time order and the received_at index serves period queries.
 *
 * This is the minimal write side; the request log will add listing,
 * editing and cancelling.
 */
#ifndef SUIVI_STORE_REQUEST_H
#define SUIVI_STORE_REQUEST_H

#include <stdbool.h>

#include "suivi/err.h"
#include "suivi/model.h"
#include "suivi/store.h"
#include "suivi/value.h"

/* What a new request says. Strings are the caller's; NULL or "" means
 * "none" for the optional ones. Date-times in any form datetime_parse
 * accepts ("AAAA-MM-JJTHH:MM", "JJ/MM/AAAA HH:MM", a date alone = 00:00). */
struct request_input {
	enum request_kind kind;
	const char *form;	/* db code: letter, note, email, phone, oral,
				 * shared_tool */
	const char *domain_uid;		/* optional; of the contract */
	const char *subdomain_uid;	/* optional; of that domain */
	const char *nature;		/* "demand" or "incident" */
	const char *criticality;	/* optional, e.g. "critique" */
	const char *requester;		/* optional */
	const char *object;		/* required, trimmed */
	const char *received_at;	/* required */
	const char *acknowledged_at, *intervention_at, *resolved_at,
		   *answered_at, *cancelled_at;
	const char *cancel_reason;	/* optional */
};

/* Record a new request of the contract, in one transaction (nested in
 * the caller's, if any), authored by store_author(st). Refused with
 * ERR_INPUT and a French message, nothing written: unknown kind, form or
 * nature, empty object, a date-time that does not parse, a follow-up
 * date-time (acknowledged, intervention, resolved, answered, cancelled)
 * before received, a domain of another contract, a sub-domain without
 * its domain or of another domain. ERR_NOTFOUND for an unknown contract.
 * uid_out (may be NULL) receives the new request's uid. */
int store_request_add(struct store *st, const char *contract_uid,
		      const struct request_input *in,
		      char uid_out[STORE_UID_LEN], struct err *e);

/* The uid of the contract's domain whose code is domain_code ("nsi");
 * ERR_NOTFOUND when none. */
int store_domain_uid(struct store *st, const char *contract_uid,
		     const char *domain_code, char out[STORE_UID_LEN],
		     struct err *e);

/* The uid of indicator `code` ("3.3.2") of the contract's domain
 * domain_code, in the annex version in force on date (ISO "AAAA-MM-JJ"):
 * the latest version not after it, or the first when date precedes
 * them all; NULL date: the latest version. ERR_NOTFOUND when none. */
int store_indicator_find(struct store *st, const char *contract_uid,
			 const char *domain_code, const char *code,
			 const char *date, char uid_out[STORE_UID_LEN],
			 struct err *e);

/*
 * The value of a computed indicator (one with a `calcul`) for period p,
 * from the requests of the indicator's contract and domain (requests of
 * another domain or of none do not count) received from p's first day
 * 00:00 to its last day 23:59, and not cancelled (a cancelled request
 * never counts, whenever it was cancelled). Follow-up date-times count
 * whenever they happened, even after the period.
 *
 * criticality: NULL or "" counts every request; otherwise only requests
 * of that criticality (exact match) count. Indicators split by
 * criticality (3.3.2) are asked once per criticality.
 *
 *   ack_delay           mean of acknowledged - received, over the
 *                       requests (demands and incidents) acknowledged
 *   resolution_delay    mean of resolved - received, over the incidents
 *                       resolved
 *   intervention_delay  mean of intervention - received, over the
 *                       requests with an intervention
 *   restore_delay       mean of resolved - received, over the incidents
 *                       resolved
 *   treated_ratio       num: requests resolved or answered; den: requests
 *                       received
 *
 * A delay is in the indicator's value kind: 'hours' wall-clock hours
 * (datetime_hours_between), 'days' working days (jours ouvrés,
 * datetime_workdays_between, times of day ignored); mean rounded to two
 * decimals, in num. treated_ratio fills num and den for a 'ratio'
 * indicator, and num = 100 * treated / received (two decimals) for a
 * 'percent' one. Any other value kind, or an indicator without
 * `calcul`, is ERR_INPUT; an unknown indicator ERR_NOTFOUND.
 *
 * *found is false, and *out untouched, when no request counts (no
 * request received for the ratio). Otherwise *out is filled (text NULL);
 * release it with value_release.
 */
int store_computed_value(struct store *st, const char *indicator_uid,
			 struct period p, const char *criticality,
			 struct value *out, bool *found, struct err *e);

#endif
