/*
 * records.h - records saved as the forms and the commands save them: the
 * operations that compose several store calls, each in one transaction
 * (all or nothing). Screens and commands gather what was typed and call
 * these; the store writes.
 */
#ifndef SUIVI_RECORDS_H
#define SUIVI_RECORDS_H

#include "suivi/err.h"
#include "suivi/store.h"

struct request_input;
struct exceptional_input;
struct dispute_input;

/* A request added to the contract (editing NULL) or the request editing
 * updated, with its exceptional part when x is not NULL (an exceptional
 * request's asked, proposal, decision… fields). uid_out receives the
 * request's uid. */
int record_request_save(struct store *st, const char *contract_uid,
			const char *editing, const struct request_input *in,
			const struct exceptional_input *x,
			char uid_out[STORE_UID_LEN], struct err *e);

/* A dispute opened on the contract, linked to the request request_uid
 * when not NULL (the request it arose from). uid_out receives its uid. */
int record_dispute_open(struct store *st, const char *contract_uid,
			const struct dispute_input *in,
			const char *request_uid, char uid_out[STORE_UID_LEN],
			struct err *e);

#endif
