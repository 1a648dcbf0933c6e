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
 * the order they were recorded in here, store.h) with dispute_state_add,
 * closed when closed_on is set.
 *
 * Texts are checked against limits.h, trimmed, whatever the route: the
 * object, the arbitrated solution, a step's participants, positions and
 * notes, a reason, the Mayor's instruction are TEXT_LONG ("objet",
 * "solution arbitrée", "participants", "positions", "notes", "raison",
 * "instruction du Maire"); who gave the instruction TEXT_LINE ("donnée
 * par").
 *
 * The Mayor's instruction (article 4: « en cas de divergence sur le
 * fond, les instructions du Maire sont appliquées en dernière
 * instance »): a dispute of substance closes at level 3 only with it
 * recorded whole — its text, who gave it, its date, not before the
 * dispute's first level-3 step nor after its closure; no other dispute
 * has one (dispute_instruction_refusal says why, ERR_INPUT, nothing
 * written). A dispute closed before it was recorded (an older database,
 * an import) stays as it is, read and listed; it does not count as
 * settled by the Mayor's instruction
 * (store_dispute_has_instruction).
 *
 * Corrections: what was recorded (a step, the closure) may be corrected
 * or removed, and a closed dispute reopened; each correction keeps its
 * history row with the reason given. On a closed dispute every
 * correction requires a reason (ERR_INPUT "le litige est clos depuis le
 * JJ/MM/AAAA : donnez la raison du changement", nothing written); on an
 * open one it is optional (NULL or blank: none), kept when given.
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
	char *instruction, *instruction_by;	/* the Mayor's (closed, on
						 * substance, at level 3),
						 * NULL when none */
	char *instruction_on;		/* ISO date, NULL when none */
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

/* Closed with the Mayor's instruction recorded (its text, who, when):
 * what the summary counts as settled by it. */
bool store_dispute_has_instruction(const struct dispute *d);
/* Closed at level 3 on substance without it: a dispute closed before
 * article 4 was enforced ("instruction du Maire non enregistrée"). */
bool store_dispute_instruction_missing(const struct dispute *d);

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
/* The Mayor's instruction as typed: text, who gave it, its date
 * (JJ/MM/AAAA or ISO); NULL or blank: not given. */
struct instruction_input {
	const char *text, *by, *on;
};
/* Close with its arbitrated solution (dispute_close_refusal decides).
 * closed_on NULL or "": today (date_today); not before the opening nor
 * the last step. A dispute of substance at level 3 needs the Mayor's
 * instruction (above); store_dispute_close gives none, so it is refused
 * there, with the reason. History "close": "clos le JJ/MM/AAAA ·
 * solution : … · instruction du Maire : … · donnée par : … · donnée le :
 * JJ/MM/AAAA" (the instruction's parts when there is one). */
int store_dispute_close(struct store *st, const char *dispute_uid,
			const char *closed_on, const char *solution,
			struct err *e);
int store_dispute_close_with(struct store *st, const char *dispute_uid,
			     const char *closed_on, const char *solution,
			     const struct instruction_input *mayor,
			     struct err *e);
/* Correct step step_uid (ERR_NOTFOUND when none) with what in says:
 * in->level 0 keeps the step's level, otherwise the level it is to have;
 * blank participants are article 4's for that level. Refused (ERR_INPUT,
 * nothing written): a date before the opening or, when the dispute is
 * closed, after its closure; a sequence of steps (in their order, the
 * corrected one at its new date) the rules refuse, replayed with
 * dispute_replay (the rule's French reason, "après ce changement, l'étape
 * du JJ/MM/AAAA (niveau N) ne suivrait plus les règles : …" when a later
 * step is the one refused); on a closed dispute, a sequence that no
 * longer allows its closure (dispute_close_refusal: "après ce changement,
 * le litige ne pourrait plus être clos : …"); a missing reason (above).
 * History "step_update" ("étape modifiée"): the step before and after as
 * store_dispute_history spells a step. When nothing changes, nothing is
 * written. On a closed dispute with the Mayor's instruction, its date may
 * not come to precede the first level-3 step ("après ce changement,
 * l'instruction du Maire (JJ/MM/AAAA) précéderait la première étape au
 * niveau 3 (JJ/MM/AAAA)"); the same for a step removed. */
int store_dispute_update_step(struct store *st, const char *step_uid,
			      const struct step_input *in, const char *reason,
			      struct err *e);
/* Remove step step_uid, under the same replay: a step a later one
 * depends on (an escalation followed by a step at the next level) is
 * refused. History "step_delete" ("étape supprimée"): before the step, no
 * after. */
int store_dispute_delete_step(struct store *st, const char *step_uid,
			      const char *reason, struct err *e);
/* Correct the closure of a closed dispute (ERR_INPUT "le litige n'est
 * pas clos" otherwise): closed_on NULL or "" keeps the date recorded;
 * the solution is required (dispute_close_refusal); the date not before
 * the opening nor the last step; the reason required. History
 * "close_update" ("clôture modifiée"): "clos le : A · solution : B", the
 * fields that changed ("instruction du Maire", "donnée par", "donnée le"
 * too, "(vide)" when there was none). When nothing changes, nothing is
 * written. store_dispute_update_closure keeps the Mayor's instruction as
 * recorded; _with replaces it with mayor (NULL: keep it), and the
 * corrected closure must have it whole on substance at level 3 (the way
 * to record it on a dispute closed without it). */
int store_dispute_update_closure(struct store *st, const char *dispute_uid,
				 const char *closed_on, const char *solution,
				 const char *reason, struct err *e);
int store_dispute_update_closure_with(struct store *st,
				      const char *dispute_uid,
				      const char *closed_on,
				      const char *solution,
				      const struct instruction_input *mayor,
				      const char *reason, struct err *e);
/* Reopen a closed dispute (ERR_INPUT "le litige n'est pas clos"
 * otherwise): closed_on, solution and the Mayor's instruction become
 * NULL, so the solution leaves the arbitrated solutions and their
 * search; the reason is required. History "reopen" ("réouverture"):
 * before "clos le JJ/MM/AAAA · solution : …" (and the instruction), after
 * the state as a step's before reads it ("en cours · niveau 2 · …"). */
int store_dispute_reopen(struct store *st, const char *dispute_uid,
			 const char *reason, struct err *e);

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

/* Every change of a dispute, in the order written (store.h): what ("ouverture",
 * "modification", "étape", "clôture", "lien", "étape modifiée", "étape
 * supprimée", "clôture modifiée", "réouverture"), who, when, before and
 * after (texts, NULL when none: an opening has no before, a link no
 * before, an unlink or a step removed no after), and the reason given
 * (NULL when none). The texts list the fields that changed, "objet : A
 * · nature : fond"; a step reads "niveau 2 · 12/03/2026 · escalade au
 * niveau suivant · participants : …". Disputes written without this API
 * (an import, the benchmark generator) have none. */
int store_dispute_history(struct store *st, const char *uid,
			  struct store_change **out, size_t *n,
			  struct err *e);

/* The disputes of a year (opened in it; 0: every year) of a contract
 * (NULL: every contract), oldest first, with their state and solution
 * (steps not loaded), for the annual summary and `suivi export
 * disputes`. */
int store_dispute_year(struct store *st, const char *contract_uid, int year,
		       struct dispute **out, size_t *n, struct err *e);

#endif
