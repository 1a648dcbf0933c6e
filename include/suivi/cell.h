/*
 * cell.h - a cell of the tableau de bord changed, as the grid and
 * `suivi set` change it: one operation, one transaction.
 *
 * The rule of validated values lives here: a value a closed meeting
 * validated changes (or is cleared) only with a reason, kept in the
 * change's history row; without one, ERR_INPUT « cette valeur a été
 * validée en réunion le JJ/MM/AAAA : donnez la raison du changement »
 * and nothing is written.
 */
#ifndef SUIVI_CELL_H
#define SUIVI_CELL_H

#include <stdbool.h>

#include "suivi/err.h"

struct store;
struct value;
struct measurement_before;

/* Set v (a value of the indicator's kind, value_parse) in the cell
 * (indicator, period, criticality ""/NULL for none); is_override when it
 * replaces a value computed from the request log; reason may be NULL;
 * comment NULL leaves the comment as it is, "" removes it, otherwise
 * replaces it, in the same transaction. before (may be NULL) receives
 * what the value replaced, for undo, filled only on success. */
int cell_set(struct store *st, const char *indicator_uid, const char *period,
	     const char *criticality, const struct value *v, bool is_override,
	     const char *reason, const char *comment,
	     struct measurement_before *before, struct err *e);

/* Clear the cell's value under the same rule. ERR_NOTFOUND when it has
 * none. */
int cell_clear(struct store *st, const char *indicator_uid, const char *period,
	       const char *criticality, const char *reason,
	       struct measurement_before *before, struct err *e);

#endif
