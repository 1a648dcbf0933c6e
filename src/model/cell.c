#include "suivi/store_tx.h"
#include "suivi/cell.h"

#include <stdlib.h>
#include <string.h>

#include "suivi/date.h"
#include "suivi/store.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/text.h"

/* A reason given: not NULL and not only blanks. */
static bool given(const char *reason)
{
	for (const char *p = reason; p && *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return true;
	return false;
}

/* Refused, e filled, when the cell was validated and no reason is
 * given. */
static int validated_needs_reason(struct store *st, const char *indicator_uid,
				  const char *period, const char *criticality,
				  const char *reason, struct err *e)
{
	char meeting[STORE_UID_LEN], held_on[DATE_ISO_LEN], day[DATE_ISO_LEN];
	bool validated;

	if (store_measurement_validated(st, indicator_uid, period, criticality,
					meeting, &validated, e) != 0)
		return -1;
	if (!validated || given(reason))
		return 0;
	if (store_meeting_held_on(st, meeting, held_on, e) != 0)
		return -1;
	date_iso_fr(held_on, day);
	err_set(e, ERR_INPUT, "cette valeur a été validée en réunion le %s : "
		"donnez la raison du changement", day);
	return -1;
}

static int change(struct store *st, const char *indicator_uid,
		  const char *period, const char *criticality,
		  const struct value *v, bool is_override, const char *reason,
		  const char *comment, struct measurement_before *before,
		  struct err *e)
{
	const char *crit = criticality ? criticality : "";

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	if (validated_needs_reason(st, indicator_uid, period, crit, reason,
				   e) != 0 ||
	    store_measurement_change(st, indicator_uid, period, crit, v,
				     is_override, reason, before, e) != 0)
		goto fail;
	if (comment &&
	    store_measurement_comment(st, indicator_uid, period, crit, comment,
				      e) != 0) {
		if (before)
			store_measurement_before_release(before);
		goto fail;
	}
	if (store_commit(st, e) != 0) {
		if (before)
			store_measurement_before_release(before);
		goto fail;
	}
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int cell_set(struct store *st, const char *indicator_uid, const char *period,
	     const char *criticality, const struct value *v, bool is_override,
	     const char *reason, const char *comment,
	     struct measurement_before *before, struct err *e)
{
	return change(st, indicator_uid, period, criticality, v, is_override,
		      reason, comment, before, e);
}

int cell_clear(struct store *st, const char *indicator_uid, const char *period,
	       const char *criticality, const char *reason,
	       struct measurement_before *before, struct err *e)
{
	return change(st, indicator_uid, period, criticality, NULL, false,
		      reason, NULL, before, e);
}
