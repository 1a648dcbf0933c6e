/*
 * store_measurement.h - the values of the tableau de bord, their history,
 * the targets and the quarterly choice (drafts: store_draft.h).
 *
 * A measurement is one value of one indicator (by uid: the indicator of
 * the annex version in force for that period) for one period key
 * ("2018-03", "2018-T1", "2018") and one criticality ("" when the
 * indicator is not split). Every change is its own transaction: the row
 * and its history row are committed together, and a function returning 0
 * means the change is on disk. A cleared value keeps its row, every value
 * NULL, so that its history stays attached.
 */
#ifndef SUIVI_STORE_MEASUREMENT_H
#define SUIVI_STORE_MEASUREMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/value.h"

struct measurement {
	char indicator_uid[STORE_UID_LEN];
	char period[PERIOD_KEY_LEN];
	char *criticality;	/* "" when not split */
	struct value value;	/* empty when cleared */
	char *comment;		/* NULL when none */
	bool is_override;	/* a computed indicator's value typed over */
	char *author, *updated_at;
	/* the date (ISO) of the meeting that validated it (store_meeting.h),
	 * NULL while provisional */
	char *validated_on;
};

void store_measurement_release(struct measurement *m);
void store_measurement_list_free(struct measurement *v, size_t n);

/* The measurements of an indicator whose period key k satisfies
 * from <= k < to (string order: "2018" < "2018-01" < … < "2018-12" <
 * "2018-T1" < "2019"), by period then criticality. */
int store_measurements_range(struct store *st, const char *indicator_uid,
			     const char *from, const char *to,
			     struct measurement **out, size_t *n,
			     struct err *e);

/* One measurement; *found false when there is no row. */
int store_measurement_get(struct store *st, const char *indicator_uid,
			  const char *period, const char *criticality,
			  struct measurement *out, bool *found,
			  struct err *e);

/* What a change replaced, for undo: the value before (empty when there
 * was none) and whether it was an override. */
struct measurement_before {
	struct value value;
	bool is_override;
	bool existed;
};
void store_measurement_before_release(struct measurement_before *b);

/* Set a value (history action "set"); v must be a value of the
 * indicator's kind (value_parse). before (may be NULL) receives what it
 * replaced. */
int store_measurement_set(struct store *st, const char *indicator_uid,
			  const char *period, const char *criticality,
			  const struct value *v, bool is_override,
			  struct measurement_before *before, struct err *e);
/* Set (v) or clear (v NULL) a value, the change's history row keeping
 * reason (trimmed; NULL or blank: none). The rule that a value validated
 * at a meeting changes only with a reason is the model's (cell.h). */
int store_measurement_change(struct store *st, const char *indicator_uid,
			     const char *period, const char *criticality,
			     const struct value *v, bool is_override,
			     const char *reason, struct measurement_before *before,
			     struct err *e);
/* Clear a value (history action "clear"); ERR_NOTFOUND when there is
 * nothing to clear. */
int store_measurement_clear(struct store *st, const char *indicator_uid,
			    const char *period, const char *criticality,
			    struct measurement_before *before, struct err *e);
/* Put back what a change replaced (history action "undo"). */
int store_measurement_restore(struct store *st, const char *indicator_uid,
			      const char *period, const char *criticality,
			      const struct measurement_before *before,
			      struct err *e);
/* Comment a cell (NULL or "" removes the comment; history "comment").
 * The row is created, empty, when the cell has no value yet. */
int store_measurement_comment(struct store *st, const char *indicator_uid,
			      const char *period, const char *criticality,
			      const char *comment, struct err *e);

struct measurement_event {
	char *action;		/* "set", "clear", "comment", "undo" … */
	struct value value;
	char *comment, *reason, *author, *at;
};
/* Every change of a cell, in the order written (store.h), whatever the
 * stamps: the last is the current value. */
int store_measurement_history(struct store *st, const char *indicator_uid,
			      const char *period, const char *criticality,
			      struct measurement_event **out, size_t *n,
			      struct err *e);
void store_measurement_history_free(struct measurement_event *v, size_t n);

/* Targets: the value agreed for a year (a value of the indicator's
 * kind) and, when it differs from the contract's, the better direction.
 * better < 0 keeps the contract's. An empty value removes the target. */
int store_target_set(struct store *st, const char *indicator_uid, int year,
		     const char *criticality, const struct value *target,
		     int better, struct err *e);
/* The target as a value; *found false when none. *better is the
 * direction recorded with it, or -1. */
int store_target_value(struct store *st, const char *indicator_uid,
		       int year, const char *criticality, struct value *out,
		       int *better, bool *found, struct err *e);

/* The recorded choice of a "mensuelle ou trimestrielle" indicator. */
int store_indicator_quarterly(struct store *st, const char *indicator_uid,
			      bool *quarterly, struct err *e);
int store_indicator_set_quarterly(struct store *st, const char *indicator_uid,
				  bool quarterly, struct err *e);

/* Every value of a year (periods "Y", "Y-MM", "Y-Tn"), for exports:
 * the contract's (NULL: every contract), by commune, domain, indicator,
 * period, criticality. Cleared cells without comment are skipped.
 * Strings are valid during the callback only; a callback returning
 * non-zero stops the walk (returned as is). */
struct measurement_row {
	const char *commune, *insee, *contract, *domain_code, *code, *label;
	const char *criticality, *period, *unit, *comment, *author, *updated_at;
	enum value_kind kind;
	int scale_min, scale_max;
	struct value value;
	bool is_override;
};
typedef int (*measurement_row_fn)(const struct measurement_row *r, void *ctx);
int store_measurement_rows(struct store *st, const char *contract_uid,
			   int year, measurement_row_fn fn, void *ctx,
			   struct err *e);

/* Find an indicator of a contract by its code ("3.3.2", or "eco/1" with
 * the domain code) in the annex in force on date (ISO). ERR_NOTFOUND when
 * none, ERR_INPUT when the code is ambiguous between domains. */
int store_indicator_by_code(struct store *st, const char *contract_uid,
			    const char *code, const char *date,
			    char uid[STORE_UID_LEN], struct err *e);

#endif
