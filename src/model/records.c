#include "suivi/store_tx.h"
#include "suivi/records.h"

#include <stdio.h>

#include "suivi/store_dispute.h"
#include "suivi/store_request.h"

int record_request_save(struct store *st, const char *contract_uid,
			const char *editing, const struct request_input *in,
			const struct exceptional_input *x,
			char uid_out[STORE_UID_LEN], struct err *e)
{
	char uid[STORE_UID_LEN];

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	if (editing) {
		if (store_request_update(st, editing, in, e) != 0)
			goto fail;
		snprintf(uid, sizeof uid, "%s", editing);
	} else if (store_request_add(st, contract_uid, in, uid, e) != 0) {
		goto fail;
	}
	if ((x && store_exceptional_set(st, uid, x, e) != 0) ||
	    store_commit(st, e) != 0)
		goto fail;
	if (uid_out)
		snprintf(uid_out, STORE_UID_LEN, "%s", uid);
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int record_dispute_open(struct store *st, const char *contract_uid,
			const struct dispute_input *in,
			const char *request_uid, char uid_out[STORE_UID_LEN],
			struct err *e)
{
	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	if (store_dispute_open(st, contract_uid, in, uid_out, e) != 0 ||
	    (request_uid &&
	     store_dispute_link(st, uid_out, request_uid, true, e) != 0) ||
	    store_commit(st, e) != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}
