/*
 * dispute.h - the rules of article 4 for disagreements (litiges), with
 * no database: the three levels of arbitration, what may follow what.
 *
 *   level 1  the hierarchical authorities: the commune's DGS, the deputy
 *            DGs, the deputy director general in charge of the
 *            territorial pole — they look for a compromise;
 *   level 2  the directors general — they find a solution;
 *   level 3  the Mayor and the President, as a last resort.
 *
 * A dispute opens at level 1. Each step is held at the current level and
 * ends with an outcome: a compromise found or a decision taken (the
 * dispute may then be closed, with its solution), or escalated (the next
 * level opens; none is skipped; there is nothing above 3). On a dispute
 * of substance, the Mayor's instructions prevail at the last instance: a
 * level-3 step of a substance dispute is held before the Mayor, and the
 * dispute closes there only with the Mayor's instruction recorded (its
 * text, who gave it, when: dispute_instruction_refusal). A closed
 * dispute takes no more steps and no change.
 */
#ifndef SUIVI_DISPUTE_H
#define SUIVI_DISPUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/model.h"

enum dispute_nature { DISPUTE_PROGRAMMING, DISPUTE_SUBSTANCE,
		      DISPUTE_NATURE_COUNT };
enum step_outcome { OUTCOME_COMPROMISE, OUTCOME_ESCALATED, OUTCOME_DECIDED,
		    OUTCOME_COUNT };
enum dispute_status { DISPUTE_OPEN, DISPUTE_CLOSED };

/* db code / file word / label:
 *   programming / programmation / "programmation des travaux",
 *   substance / fond / "fond";
 *   compromise / compromis / "compromis trouvé",
 *   escalated / escalade / "escalade au niveau suivant",
 *   decided / decision / "décision prise". */
extern const struct vocab dispute_nature_vocab[DISPUTE_NATURE_COUNT];
extern const struct vocab step_outcome_vocab[OUTCOME_COUNT];
/* Index level - 1. Short names for a cell or a title ("autorités
 * hiérarchiques", "directeurs généraux", "le Maire et le Président"; the
 * sentence is model.h's arbitration_level_label) and who takes part, as
 * article 4 names them (a step's default participants). */
extern const char *const dispute_level_name[ARBITRATION_LEVELS];
extern const char *const dispute_level_participants[ARBITRATION_LEVELS];

/* Where a dispute stands, from its steps (in order): start from
 * dispute_state_init, then dispute_state_add each step. */
struct dispute_state {
	int level;		/* the level of the next step, 1..3: after an
				 * escalation the next one, else the same */
	bool closed;
	bool last_outcome_set;	/* false while no step was held */
	enum step_outcome last_outcome;
	size_t n_steps;
};

/* A dispute just opened: level 1, open, no step. */
void dispute_state_init(struct dispute_state *s);

/* May a step of `level` with `outcome` be added? NULL if so, else the
 * French reason ("le litige est clos", "aucun niveau n'est sauté : le
 * niveau 2 vient après le niveau 1", "il n'y a pas de niveau au-dessus
 * du 3 (le Maire et le Président)"…). */
const char *dispute_step_refusal(const struct dispute_state *s, int level,
				 enum step_outcome outcome);
/* The state after such a step (allowed): an escalation below level 3
 * moves to the next level. */
void dispute_state_add(struct dispute_state *s, enum step_outcome outcome);
/* May it be closed with that solution? NULL if so, else why (already
 * closed; the last step escalated and the next level has not been held;
 * no solution, or a blank one). A dispute with no step may be closed: a
 * compromise found informally, before any arbitration was held, is
 * recorded by its solution alone. */
const char *dispute_close_refusal(const struct dispute_state *s,
				  const char *solution);
/* One step as the rules see it: its level and outcome. */
struct step_rule {
	int level;
	enum step_outcome outcome;
};
/* Replay steps[0..n), in order, from a dispute just opened (a correction
 * of a recorded step, or its deletion, must leave a sequence the rules
 * accept): NULL when each step is allowed in turn, *out (may be NULL)
 * then the state after them (open); else the refusal of the first step
 * that is not (dispute_step_refusal's French reason), *bad (may be NULL)
 * its index. */
const char *dispute_replay(const struct step_rule *steps, size_t n,
			   struct dispute_state *out, size_t *bad);

/* On substance, the level-3 outcome is the Mayor's final instruction. */
bool dispute_mayor_final(enum dispute_nature nature, int level);

/* The Mayor's instruction at a closure, as the parts given (a text, who
 * gave it, its date): NULL when they suit the closure of a dispute of
 * nature at level, else the French reason (a constant string). A dispute
 * of substance closed at level 3 needs all three (« sur le fond, au
 * niveau 3 (le Maire et le Président), le litige ne se clôt qu'avec
 * l'instruction du Maire : il manque qui l'a donnée et sa date »); any
 * other dispute has none (« seul un litige sur le fond clos au niveau 3
 * … porte l'instruction du Maire »). */
const char *dispute_instruction_refusal(enum dispute_nature nature,
					int level, bool has_text,
					bool has_by, bool has_on);

#endif
