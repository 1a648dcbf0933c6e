/*
 * store_observation.h - the yearly qualitative observations, one per
 * domain of a contract and year (article 5: the evaluation rests "sur la
 * base des indicateurs contenus dans le contrat et des observations
 * formulées par les parties"). Entered in the Rapports screen, printed in
 * the annual evaluation (evaluation.h).
 *
 * An observation belongs to the domain row (table domain: one per
 * contract and domain code), not to an annex version: an amendment that
 * replaces the annex of a domain keeps its observations. Which domains a
 * year shows, and under which name, is decided by the annex versions in
 * force at the end of that year (31 December) or, in the current year,
 * today: the rule of the tableau de bord (dashboard.h).
 *
 * The text is the référent's, kept verbatim (line feeds included): it is
 * escaped by whoever renders it, never here.
 */
#ifndef SUIVI_STORE_OBSERVATION_H
#define SUIVI_STORE_OBSERVATION_H

#include <stddef.h>

#include "suivi/err.h"
#include "suivi/limits.h"
#include "suivi/store.h"

/* Largest observation, in bytes: a long text's (limits.h). */
#define OBSERVATION_TEXT_MAX TEXT_LONG_MAX

/*
 * Set the observation of a domain for a year, in one transaction (nested
 * in the caller's, if any), authored by store_author(st) and stamped now.
 * A text NULL, empty or only blanks (space, tab, CR, LF) deletes it
 * (deleting none is not an error). Refused with ERR_INPUT and a French
 * message, nothing written: a year outside 1900-2199, a text TEXT_LONG
 * refuses (limits.h, "observation": not valid UTF-8, a control character
 * other than tab and LF — a CR too —, longer than TEXT_LONG_MAX bytes).
 * ERR_NOTFOUND for an unknown domain.
 */
int store_observation_set(struct store *st, const char *domain_uid, int year,
			  const char *text, struct err *e);

/* Whose observations: the parties of article 5, or not said (those
 * written before observations had a party, and store_observation_set's). */
enum obs_party { OBS_UNSAID, OBS_COMMUNE, OBS_METROPOLE, OBS_PARTY_COUNT };
/* "la commune", "Bordeaux Métropole", "partie non précisée". */
extern const char *const obs_party_label[OBS_PARTY_COUNT];

/* store_observation_set for one party's observation. */
int store_observation_set_by(struct store *st, const char *domain_uid,
			     int year, enum obs_party party, const char *text,
			     struct err *e);

/* One domain of a contract for a year, and its observation. */
struct observation {
	char domain_uid[STORE_UID_LEN];
	char *domain_code;	/* "nsi" */
	char *domain_name;	/* as the annex in force names it */
	char *text;		/* party not said; NULL when none */
	char *by[OBS_PARTY_COUNT];	/* by party (by[OBS_UNSAID] is text);
					 * NULL when none */
	char *author;		/* NULL when none */
	char *updated_at;	/* ISO 8601 UTC, NULL when none */
};

/*
 * Every domain of the contract's annexes in force at the end of year (or
 * on today when today is in year; today ISO, NULL: date_today()), in
 * contract order, each with its observation for year. A contract without
 * domains gives none (0, *n = 0). Free with store_observation_list_free.
 */
int store_observation_list(struct store *st, const char *contract_uid,
			   int year, const char *today,
			   struct observation **out, size_t *n,
			   struct err *e);
void store_observation_list_free(struct observation *v, size_t n);

#endif
