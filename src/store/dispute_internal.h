/*
 * dispute_internal.h - what the three files of disputes share:
 * dispute.c (reading, lists, search, history), dispute_write.c (open,
 * update, steps, closing) and dispute_fix.c (corrections: a step changed
 * or removed, a closure changed, a dispute reopened, linked requests).
 * Never included outside src/store/.
 */
#ifndef SUIVI_DISPUTE_INTERNAL_H
#define SUIVI_DISPUTE_INTERNAL_H

#include "store_internal.h"
#include "suivi/date.h"
#include "suivi/dispute.h"
#include "suivi/store_dispute.h"
#include "suivi/strbuf.h"

extern const char *const dispute_instruction_word[3];

/* The Mayor's instruction of a closure, checked: heap texts, NULL and
 * "" when none (instruction_release). */
struct dispute_instruction {
	char *text, *by;
	char on[DATE_ISO_LEN];
};

/* What a step says, checked: participants blank are article 4's for the
 * level. Texts are heap copies (step_fields_release). */
struct dispute_step_fields {
	int level;
	char held[DATE_ISO_LEN];
	enum step_outcome outcome;
	char *participants, *positions, *notes;
};

/* s, or NULL when it is NULL or "". */
const char *dispute_opt(const char *s);

/* JJ/MM/AAAA or ISO into iso; what names the date in the message. */
int dispute_parse_date(const char *s, const char *what,
		      char iso[DATE_ISO_LEN], struct err *e);

/* The full-text index of disputes brought up to date. */
int dispute_reindex(struct store *st, struct err *e);

/* The history row of a change; reason NULL when none was given. */
int dispute_record_why(struct store *st, const char *dispute_uid,
		      const char *what, const char *before, const char *after,
		      const char *reason, struct err *e);

int dispute_record(struct store *st, const char *dispute_uid,
		  const char *what, const char *before, const char *after,
		  struct err *e);

/* The steps in order give the state; kept in d->steps when keep. */
int dispute_load_steps(struct store *st, struct dispute *d, bool keep,
		      struct err *e);

/* *found: whether dispute uid exists. */
bool dispute_exists(struct store *st, const char *uid, bool *found,
		    struct err *e);

/* Two texts alike, NULL and "" the same. */
bool dispute_same(const char *a, const char *b);

/* "en cours · niveau 2 · 1 étape · dernière issue : …" */
void dispute_state_text(const struct dispute_state *s, struct strbuf *sb);

/* "niveau 2 · 12/03/2026 · escalade au niveau suivant · participants :
 * … · positions : … · notes : …" */
void dispute_step_text(enum dispute_nature nature, int level,
		      const char *held_on, enum step_outcome outcome,
		      const char *participants, const char *positions,
		      const char *notes, struct strbuf *sb);

void dispute_instruction_release(struct dispute_instruction *m);

/* Part k of the instruction (0 text, 1 by, 2 the date as JJ/MM/AAAA in
 * day); NULL when not given. */
const char *dispute_instruction_part(const struct dispute_instruction *m, int k,
				    char day[DATE_ISO_LEN]);

/* " · instruction du Maire : … · donnée par : … · donnée le : …", the
 * parts given. */
void dispute_instruction_text(const struct dispute_instruction *m, struct strbuf *sb);

/* "clos le 12/03/2026 · solution : …" and the instruction, if any. */
void dispute_closure_text(const char *closed_on, const char *solution,
			 const struct dispute_instruction *m, struct strbuf *sb);

/* The instruction recorded on d, as check_instruction gives it. */
void dispute_instruction_of(const struct dispute *d, struct dispute_instruction *m);

/* The first level-3 step of d (loaded with its steps), or NULL. */
const struct dispute_step *dispute_first_level3(const struct dispute *d);

/* in (NULL: none given) checked for the closure of d on closed_on (ISO):
 * the rule (dispute_instruction_refusal), the texts, the date — not
 * before the first level-3 step nor after the closure. */
int dispute_check_instruction(const struct dispute *d,
			     const struct instruction_input *in,
			     const char *closed_on, struct dispute_instruction *m,
			     struct err *e);

/* :instruction, :instruction_by, :instruction_on of s. */
void dispute_bind_instruction(sqlite3_stmt *s,
			      const struct dispute_instruction *m);

void dispute_step_fields_release(struct dispute_step_fields *f);

/* The texts and the date of in, level given by the caller (checked by
 * the rules' replay). */
int dispute_check_step(const struct step_input *in, int level,
		      struct dispute_step_fields *f, struct err *e);

/* A closure dated on (ISO) before the opening or the last step is
 * refused (ERR_INPUT, the dates said): true then. */
bool dispute_closure_date_refused(const struct dispute *d, const char *on,
				 struct err *e);

#endif
