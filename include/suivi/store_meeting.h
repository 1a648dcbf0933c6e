/*
 * store_meeting.h - follow-up meetings in the database: the meeting, its
 * attendees, decisions and action items, the action plan carried from
 * meeting to meeting, the cadence of article 5, the validation of the
 * values a meeting reviewed, and the window of data it reviews (its
 * agenda: agenda.h).
 *
 * The rules are meeting.h's. Each change is one transaction (nested in
 * the caller's); refusals are ERR_INPUT with a French reason and nothing
 * written; ERR_NOTFOUND for a meeting, contract or action that does not
 * exist. Dates are taken as JJ/MM/AAAA or AAAA-MM-JJ and stored ISO.
 * `today` arguments are ISO dates; NULL means date_today().
 *
 * Life of a meeting: prévue → en cours → close, or annulée (from prévue
 * or en cours). A closed or cancelled meeting takes no new attendee,
 * decision or action, and what it says (kind, date, place, notes) no
 * longer changes; its action items still move on (their status), since
 * they are followed until done.
 *
 * Correcting the records: attendees, decisions and actions may be
 * changed or removed (store_meeting_update_attendee and the others
 * below). Never on a cancelled meeting ("la réunion est annulée : elle
 * ne change plus"); on a closed one only with a reason, NULL or blank
 * refused (ERR_INPUT "la réunion du JJ/MM/AAAA est close : donnez la
 * raison du changement", nothing written); on a planned or open one the
 * reason is optional. A reason given is kept, trimmed, in the history.
 * A correction that changes nothing writes nothing.
 *
 * History: every change of a meeting and of its records is one
 * meeting_change row, in the change's transaction: who (store_author),
 * when, before and after (short French texts: "Marie Dupont (DGS,
 * commune)", "décision 2 : …", "action : … · responsable : … · échéance :
 * 12/03/2026 · à faire"; a status "prévue" → "en cours") and the reason.
 * An action's history is its own meeting's, even when later meetings
 * carry it.
 *
 * Texts (limits.h), checked trimmed on every write: place, an attendee's
 * name and function, an action's owner TEXT_LINE ("lieu", "nom",
 * "fonction", "responsable"); notes, a decision, what an action is, a
 * reason TEXT_LONG ("notes", "décision", "action", "raison").
 *
 * Validation: closing a meeting validates, in the same transaction,
 * every value (not cleared) of the contract not validated yet whose
 * period ended before the meeting's date — the values the meeting could
 * review — and writes a 'validate' history row for each. A validated
 * value keeps the meeting that validated it, even when changed later:
 * cell_set (cell.h) then requires the reason, which the
 * history keeps.
 */
#ifndef SUIVI_STORE_MEETING_H
#define SUIVI_STORE_MEETING_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/meeting.h"
#include "suivi/store.h"
#include "suivi/store_measurement.h"
#include "suivi/value.h"

struct meeting_input {
	enum meeting_kind kind;
	const char *held_on;		/* required */
	const char *place, *notes;	/* optional (NULL or blank: none) */
};

struct meeting_attendee {
	char uid[STORE_UID_LEN];
	char *name, *function;		/* function NULL when none */
	int side;			/* enum side, -1 when not said */
};

struct meeting_decision {
	char uid[STORE_UID_LEN];
	int position;			/* 1, 2, … in the order written */
	char *text;
};

struct meeting_action {
	char uid[STORE_UID_LEN];
	char meeting_uid[STORE_UID_LEN];	/* the meeting that created it */
	char *meeting_held_on;			/* ISO */
	char *what, *owner, *due_on, *done_on;	/* NULL when none */
	enum action_status status;
	bool late;		/* due before today and not finished */
};

struct meeting {
	char uid[STORE_UID_LEN];
	char contract_uid[STORE_UID_LEN];
	enum meeting_kind kind;
	enum meeting_status status;
	char *held_on;			/* ISO */
	char *place, *notes;		/* NULL when none */
	char *author, *created_at;
	size_t n_attendees, n_decisions, n_actions;	/* every read */
	size_t n_late;			/* its own actions that are late */
	/* store_meeting_get only: */
	struct meeting_attendee *attendees;	/* commune side first */
	struct meeting_decision *decisions;	/* by position */
	struct meeting_action *actions;		/* its own, by due date */
	struct meeting_action *carried;		/* unfinished actions of
						 * earlier meetings */
	size_t n_carried;
};

void store_meeting_release(struct meeting *m);
void store_meeting_list_free(struct meeting *v, size_t n);
void store_meeting_actions_free(struct meeting_action *v, size_t n);

int store_meeting_create(struct store *st, const char *contract_uid,
			 const struct meeting_input *in,
			 char uid_out[STORE_UID_LEN], struct err *e);
/* Change kind, date, place and notes of a meeting not closed nor
 * cancelled. */
int store_meeting_update(struct store *st, const char *uid,
			 const struct meeting_input *in, struct err *e);
int store_meeting_cancel(struct store *st, const char *uid, struct err *e);
/* prévue → en cours. */
int store_meeting_open(struct store *st, const char *uid, struct err *e);
/* prévue or en cours → close, once held (its date not after today),
 * validating the values it reviewed
 * (*validated, may be NULL: how many). */
int store_meeting_close(struct store *st, const char *uid, size_t *validated,
			struct err *e);

/* Attendees: name required; side an enum side or -1. */
int store_meeting_add_attendee(struct store *st, const char *meeting_uid,
			       const char *name, const char *function,
			       int side, char uid_out[STORE_UID_LEN],
			       struct err *e);
/* Correct an attendee (same checks as adding one; ERR_NOTFOUND for an
 * unknown uid). History "attendee_update": the attendee before and
 * after. */
int store_meeting_update_attendee(struct store *st, const char *uid,
				  const char *name, const char *function,
				  int side, const char *reason, struct err *e);
/* Remove an attendee; history "attendee_remove" (before, no after). */
int store_meeting_remove_attendee_reason(struct store *st, const char *uid,
					 const char *reason, struct err *e);
/* The same without a reason (refused once the meeting is closed). */
int store_meeting_remove_attendee(struct store *st, const char *uid,
				  struct err *e);
/* Decisions, numbered in the order written. */
int store_meeting_add_decision(struct store *st, const char *meeting_uid,
			       const char *text, char uid_out[STORE_UID_LEN],
			       struct err *e);
/* Correct the text of a decision (required); its number stays. History
 * "decision_update": "décision 2 : …" before and after. ERR_NOTFOUND for
 * an unknown uid. */
int store_meeting_update_decision(struct store *st, const char *uid,
				  const char *text, const char *reason,
				  struct err *e);
/* Remove a decision; the remaining ones are numbered 1..n again, in
 * their order. History "decision_delete" (before, no after). */
int store_meeting_delete_decision(struct store *st, const char *uid,
				  const char *reason, struct err *e);

struct action_input {
	const char *what;		/* required */
	const char *owner;		/* optional */
	const char *due_on;		/* optional date (NULL or blank:
					 * none) */
};
/* A new action item (à faire) of a meeting not closed nor cancelled. */
int store_meeting_add_action(struct store *st, const char *meeting_uid,
			     const struct action_input *in,
			     char uid_out[STORE_UID_LEN], struct err *e);
/* Move an action on, whatever its meeting's status. done_on: for
 * ACTION_DONE, the day it was done (NULL: today); ignored otherwise
 * (cleared). History "action_status" (no reason needed: following an
 * action up is no correction). */
int store_action_set_status(struct store *st, const char *action_uid,
			    enum action_status status, const char *done_on,
			    struct err *e);
/* Correct what an action is, its owner and its due date (same checks as
 * adding one); its status stays. The rule is its own meeting's, even
 * when later meetings carry it. History "action_update". ERR_NOTFOUND
 * for an unknown uid. */
int store_action_update(struct store *st, const char *uid,
			const struct action_input *in, const char *reason,
			struct err *e);
/* Remove an action (also from the meetings that carry it: it is the
 * same row). History "action_delete" on its own meeting. */
int store_action_delete(struct store *st, const char *uid,
			const char *reason, struct err *e);

/* One change of a meeting or of its records, in the order written
 * (store.h): what, in
 * French — "réunion prévue", "réunion modifiée", "réunion ouverte",
 * "réunion close", "réunion annulée", "participant ajouté", "participant
 * modifié", "participant retiré", "décision ajoutée", "décision
 * modifiée", "décision supprimée", "action ajoutée", "action modifiée",
 * "état de l'action changé", "action supprimée" —, who, when (ISO 8601
 * UTC), before and after (NULL when none: an addition has no before, a
 * removal no after) and the reason (NULL when none). Heap strings.
 * Meetings written before schema 7 or without this API have none. */
/* ERR_NOTFOUND for an unknown meeting. */
int store_meeting_history(struct store *st, const char *meeting_uid,
			  struct store_change **out, size_t *n,
			  struct err *e);

/* The meetings of a contract, newest first, with their counts (nothing
 * but counts loaded). */
int store_meeting_list(struct store *st, const char *contract_uid,
		       const char *today, struct meeting **out, size_t *n,
		       struct err *e);
/* One meeting with its attendees, decisions, actions and the actions
 * carried from earlier meetings. */
int store_meeting_get(struct store *st, const char *uid, const char *today,
		      struct meeting *out, struct err *e);
/* The meeting of a contract held on date (JJ/MM/AAAA or ISO), not
 * cancelled; ERR_NOTFOUND when none, ERR_INPUT when several (the uid
 * must then be given). */
int store_meeting_on(struct store *st, const char *contract_uid,
		     const char *date, char uid_out[STORE_UID_LEN],
		     struct err *e);
/* The unfinished actions of a contract (the action plan), by due date
 * (none last), then by meeting. */
int store_meeting_open_actions(struct store *st, const char *contract_uid,
			       const char *today, struct meeting_action **out,
			       size_t *n, struct err *e);

/* The cadence of article 5 for a contract on today (meeting_cadence
 * from its start, its closed follow-up and Mayors' meetings, and its
 * launch meetings: held when one is closed, else the first not cancelled
 * as the one planned). */
int store_meeting_cadence(struct store *st, const char *contract_uid,
			  const char *today, struct cadence *out,
			  struct err *e);

/* ------------------------------------------------------------------ */
/* Validation                                                          */

/* Whether a value was validated, and by which meeting (meeting_uid_out
 * "" when not; may be NULL). A cell without a row is not validated. */
int store_measurement_validated(struct store *st, const char *indicator_uid,
				const char *period, const char *criticality,
				char meeting_uid_out[STORE_UID_LEN],
				bool *validated, struct err *e);
/* The day a meeting was (to be) held (ISO), for messages. */
int store_meeting_held_on(struct store *st, const char *uid,
			  char held_on[DATE_ISO_LEN], struct err *e);

/* ------------------------------------------------------------------ */
/* The agenda (what a meeting reviews: agenda.h, model/agenda.c)       */

/* The agenda's window as ISO dates (from inclusive, to = the meeting's
 * date). */
int store_meeting_window(struct store *st, const char *meeting_uid,
			 char from[DATE_ISO_LEN], char to[DATE_ISO_LEN],
			 struct err *e);

#endif
