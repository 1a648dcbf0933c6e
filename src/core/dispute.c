/*
 * The rules of article 4 for disputes (include/suivi/dispute.h). The
 * reasons are whole French sentences in tables, so that a refusal is a
 * constant string the caller may keep.
 */
#include "suivi/dispute.h"

const struct vocab dispute_nature_vocab[DISPUTE_NATURE_COUNT] = {
	[DISPUTE_PROGRAMMING] = { "programming", "programmation",
				  "programmation des travaux" },
	[DISPUTE_SUBSTANCE] = { "substance", "fond", "fond" },
};

const struct vocab step_outcome_vocab[OUTCOME_COUNT] = {
	[OUTCOME_COMPROMISE] = { "compromise", "compromis",
				 "compromis trouvé" },
	[OUTCOME_ESCALATED] = { "escalated", "escalade",
				"escalade au niveau suivant" },
	[OUTCOME_DECIDED] = { "decided", "decision", "décision prise" },
};

const char *const dispute_level_name[ARBITRATION_LEVELS] = {
	"autorités hiérarchiques",
	"directeurs généraux",
	"le Maire et le Président",
};

const char *const dispute_level_participants[ARBITRATION_LEVELS] = {
	"Directeur général des services de la commune, directeurs généraux "
	"adjoints, adjoint au directeur général des territoires en charge du "
	"pôle territorial",
	"Les directeurs généraux",
	"Le Maire et le Président",
};

/* [current level - 1][asked level - 1], for a step at another level than
 * the current one. */
static const char *const wrong_level[ARBITRATION_LEVELS][ARBITRATION_LEVELS] = {
	{ NULL,
	  "aucun niveau n'est sauté : le niveau 2 vient après une escalade "
	  "au niveau 1",
	  "aucun niveau n'est sauté : le niveau 3 vient après le niveau 2" },
	{ "le litige est au niveau 2 : on ne revient pas au niveau 1",
	  NULL,
	  "aucun niveau n'est sauté : le niveau 3 vient après une escalade "
	  "au niveau 2" },
	{ "le litige est au niveau 3 : on ne revient pas au niveau 1",
	  "le litige est au niveau 3 : on ne revient pas au niveau 2",
	  NULL },
};

/* Closing right after an escalation to level - 1. */
static const char *const not_held[ARBITRATION_LEVELS] = {
	NULL,
	"le litige a été porté au niveau 2 (les directeurs généraux) : une "
	"étape à ce niveau doit avoir lieu avant de le clore",
	"le litige a été porté au niveau 3 (le Maire et le Président) : une "
	"étape à ce niveau doit avoir lieu avant de le clore",
};

void dispute_state_init(struct dispute_state *s)
{
	*s = (struct dispute_state){ .level = 1 };
}

/* A zeroed state is a dispute just opened too. */
static int level_of(const struct dispute_state *s)
{
	if (s->level < 1)
		return 1;
	return s->level > ARBITRATION_LEVELS ? ARBITRATION_LEVELS : s->level;
}

const char *dispute_step_refusal(const struct dispute_state *s, int level,
				 enum step_outcome outcome)
{
	int cur = level_of(s);

	if (s->closed)
		return "le litige est clos";
	if ((int)outcome < 0 || outcome >= OUTCOME_COUNT)
		return "issue d'étape inconnue";
	if (level > ARBITRATION_LEVELS)
		return "il n'y a pas de niveau au-dessus du 3 (le Maire et le "
		       "Président)";
	if (level < 1)
		return "le niveau d'arbitrage va de 1 à 3";
	if (level != cur)
		return wrong_level[cur - 1][level - 1];
	if (level == ARBITRATION_LEVELS && outcome == OUTCOME_ESCALATED)
		return "il n'y a pas de niveau au-dessus du 3 (le Maire et le "
		       "Président) : le litige ne peut plus être escaladé";
	return NULL;
}

void dispute_state_add(struct dispute_state *s, enum step_outcome outcome)
{
	int cur = level_of(s);

	s->level = cur;
	if (outcome == OUTCOME_ESCALATED && cur < ARBITRATION_LEVELS)
		s->level = cur + 1;
	s->last_outcome_set = true;
	s->last_outcome = outcome;
	s->n_steps++;
}

static bool blank(const char *t)
{
	if (!t)
		return true;
	for (; *t; t++)
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r' &&
		    *t != '\f' && *t != '\v')
			return false;
	return true;
}

const char *dispute_close_refusal(const struct dispute_state *s,
				  const char *solution)
{
	if (s->closed)
		return "le litige est déjà clos";
	/* An escalation at level 3 is refused, so level_of(s) > 1 here. */
	if (s->last_outcome_set && s->last_outcome == OUTCOME_ESCALATED &&
	    level_of(s) > 1)
		return not_held[level_of(s) - 1];
	if (blank(solution))
		return "la solution arbitrée est obligatoire pour clore le "
		       "litige";
	return NULL;
}

const char *dispute_replay(const struct step_rule *steps, size_t n,
			   struct dispute_state *out, size_t *bad)
{
	struct dispute_state s;
	const char *why;

	dispute_state_init(&s);
	for (size_t i = 0; i < n; i++) {
		if ((why = dispute_step_refusal(&s, steps[i].level,
						steps[i].outcome))) {
			if (bad)
				*bad = i;
			return why;
		}
		dispute_state_add(&s, steps[i].outcome);
	}
	if (out)
		*out = s;
	return NULL;
}

bool dispute_mayor_final(enum dispute_nature nature, int level)
{
	return nature == DISPUTE_SUBSTANCE && level == ARBITRATION_LEVELS;
}

#define NEEDS_INSTRUCTION                                                   \
	"sur le fond, au niveau 3 (le Maire et le Président), le litige ne " \
	"se clôt qu'avec l'instruction du Maire : il manque "

/* [missing parts: 1 the text, 2 who gave it, 4 its date] */
static const char *const instruction_missing[8] = {
	NULL,
	NEEDS_INSTRUCTION "son texte",
	NEEDS_INSTRUCTION "qui l'a donnée",
	NEEDS_INSTRUCTION "son texte et qui l'a donnée",
	NEEDS_INSTRUCTION "sa date",
	NEEDS_INSTRUCTION "son texte et sa date",
	NEEDS_INSTRUCTION "qui l'a donnée et sa date",
	NEEDS_INSTRUCTION "son texte, qui l'a donnée et sa date",
};

const char *dispute_instruction_refusal(enum dispute_nature nature,
					int level, bool has_text,
					bool has_by, bool has_on)
{
	if (dispute_mayor_final(nature, level))
		return instruction_missing[(has_text ? 0 : 1) |
					   (has_by ? 0 : 2) |
					   (has_on ? 0 : 4)];
	if (has_text || has_by || has_on)
		return "seul un litige sur le fond clos au niveau 3 (le Maire "
		       "et le Président) porte l'instruction du Maire";
	return NULL;
}
