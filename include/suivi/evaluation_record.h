/*
 * evaluation_record.h - what happened to a year's annual evaluation, as
 * the référent types it (the Rapports screen, suivi evaluation): the
 * typed fields read here (dates in French or ISO), then recorded
 * through the store (store_evaluation.h), which receives dates only.
 */
#ifndef SUIVI_EVALUATION_RECORD_H
#define SUIVI_EVALUATION_RECORD_H

#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/store_evaluation.h"

/* What was typed: a NULL field is left as it is; "" (or blanks) clears
 * it. Dates in any form date_parse reads (JJ/MM/AAAA, AAAA-MM-JJ). */
struct evaluation_record_input {
	const char *adjustments;
	const char *sent_on;
	const char *presented_on;
};

/* in read into *out (out->adjustments points into in's text). A date
 * that does not read: ERR_INPUT "date d'envoi à la commune illisible :
 * « … » (attendu JJ/MM/AAAA)" (or "de présentation aux instances
 * délibératives communales"), nothing else said. */
int evaluation_record_read(const struct evaluation_record_input *in,
			   struct evaluation_record_change *out,
			   struct err *e);

/* Read in, then store_evaluation_record_set (its refusals and their
 * messages; today ISO, NULL: date_today()). */
int evaluation_record_set(struct store *st, const char *contract_uid,
			  int year, const struct evaluation_record_input *in,
			  const char *today, struct err *e);

#endif
