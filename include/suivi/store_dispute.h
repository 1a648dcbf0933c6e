/*
 * store_dispute.h - disputes (litiges), their arbitration steps, the
 * requests they arose from, the arbitrated solutions, and the history of
 * every change (who, when, before, after).
 *
 * The rules are dispute.h's: the store refuses (ERR_INPUT, French
 * reason, nothing written) what they refuse; ERR_NOTFOUND for a dispute,
 * contract or request that does not exist. Each change is one
 * transaction (nested in the caller's) with its history row. Dates are
 * taken as JJ/MM/AAAA or AAAA-MM-JJ and stored ISO.
 *
 * A dispute's state is computed from its steps in order (held_on, then
 * the order they were recorded in) with dispute_state_add, closed when
 * closed_on is set.
 */
#ifndef SUIVI_STORE_DISPUTE_H
#define SUIVI_STORE_DISPUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/dispute.h"
#include "suivi/err.h"
#include "suivi/store.h"

struct dispute_step {
	char uid[STORE_UID_LEN];
	int level;
	char *held_on;			/* ISO date */
	char *participants, *positions, *notes;
	enum step_outcome outcome;
	bool mayor_final;		/* substance, level 3 */
	char *author, *created_at;
};

struct dispute {
	char uid[STORE_UID_LEN];
	char contract_uid[STORE_UID_LEN];
	char *domain_uid, *domain_code, *domain_name;
	char *opened_on;		/* ISO date */
	char *object;
	enum dispute_nature nature;
	char *solution, *closed_on;	/* NULL while open */
	char *like_uid, *like_object;	/* opened "like" a past dispute */
	char *author, *created_at;
	struct dispute_state state;
	struct dispute_step *steps;	/* store_dispute_get only */
	size_t n_steps;
	char **request_uids;		/* linked requests (get only),
					 * oldest first */
	size_t n_requests;		/* of request_uids: 0 but in get */
	size_t n_linked;		/* linked requests: every read */
};

void store_dispute_release(struct dispute *d);
void store_dispute_list_free(struct dispute *v, size_t n);

struct dispute_input {
	const char *opened_on;		/* JJ/MM/AAAA or ISO; required */
	const char *object;		/* required */
	enum dispute_nature nature;
	const char *domain_uid;		/* optional, of the contract */
	const char *like_uid;		/* optional: a past dispute (of any
					 * contract, opened on or before
					 * this one, not itself) */
};

int store_dispute_open(struct store *st, const char *contract_uid,
		       const struct dispute_input *in,
		       char uid_out[STORE_UID_LEN], struct err *e);
/* Change what an open dispute says (not its steps). The opening date
 * may not follow the first step. When nothing changes, nothing is
 * written (no history row). */
int store_dispute_update(struct store *st, const char *uid,
			 const struct dispute_input *in, struct err *e);

struct step_input {
	const char *held_on;		/* required, not before opened_on
					 * nor before the previous step */
	const char *participants, *positions, *notes;
					/* blank participants: article 4's
					 * for the level
					 * (dispute_level_participants) */
	enum step_outcome outcome;
	int level;			/* 0: the dispute's current level;
					 * else the level the form showed,
					 * refused when it is not that one
					 * (another writer moved it on) */
};
/* A step at the dispute's current level (dispute_step_refusal decides). */
int store_dispute_add_step(struct store *st, const char *dispute_uid,
			   const struct step_input *in, struct err *e);
/* Close with its arbitrated solution (dispute_close_refusal decides).
 * closed_on NULL or "": today (date_today); not before the opening nor
 * the last step. */
int store_dispute_close(struct store *st, const char *dispute_uid,
			const char *closed_on, const char *solution,
			struct err *e);
/* Link / unlink a request of the same contract. Linking a request
 * already linked, or unlinking one that is not, is refused. */
int store_dispute_link(struct store *st, const char *dispute_uid,
		       const char *request_uid, bool link, struct err *e);

/* The contract's disputes (NULL: every contract), newest first; open
 * ones only when open_only; text: words of the object or the solution
 * (FTS5, accents and case ignored, prefixes), NULL none. Steps are not
 * loaded (state is). */
int store_dispute_list(struct store *st, const char *contract_uid,
		       bool open_only, const char *text,
		       struct dispute **out, size_t *n, struct err *e);
/* The arbitrated solutions: closed disputes, newest closed_on first,
 * text as above. */
int store_dispute_solutions(struct store *st, const char *contract_uid,
			    const char *text, struct dispute **out, size_t *n,
			    struct err *e);
int store_dispute_get(struct store *st, const char *uid, struct dispute *out,
		      struct err *e);

/* Every change of a dispute, oldest first: what ("ouverture",
 * "modification", "étape", "clôture", "lien"), who, when, before and
 * after (texts, NULL when none: an opening has no before, a link no
 * before, an unlink no after). The texts list the fields that changed,
 * "objet : A · nature : fond"; a step reads "niveau 2 · 12/03/2026 ·
 * escalade au niveau suivant · participants : …". Disputes written
 * without this API (an import, the benchmark generator) have none. */
struct dispute_change {
	char *what, *author, *at, *before, *after;
};
int store_dispute_history(struct store *st, const char *uid,
			  struct dispute_change **out, size_t *n,
			  struct err *e);
void store_dispute_history_free(struct dispute_change *v, size_t n);

/* The disputes of a year (opened in it; 0: every year) of a contract
 * (NULL: every contract), oldest first, with their state and solution
 * (steps not loaded), for the annual summary and `suivi export
 * disputes`. */
int store_dispute_year(struct store *st, const char *contract_uid, int year,
		       struct dispute **out, size_t *n, struct err *e);

#endif
