/*
 * meeting_internal.h - what the files of meetings share: meeting.c
 * (reading, history, the cadence, validation), meeting_write.c (a
 * meeting created, changed, held, closed) and meeting_items.c
 * (attendees, decisions, action items). Never included outside
 * src/store/.
 */
#ifndef SUIVI_MEETING_INTERNAL_H
#define SUIVI_MEETING_INTERNAL_H

#include "store_internal.h"
#include "suivi/date.h"
#include "suivi/store_meeting.h"
#include "suivi/strbuf.h"

/* What a meeting says, for its history. */
enum { MF_KIND, MF_DATE, MF_PLACE, MF_NOTES, MF_COUNT };

struct meeting_fields {
	enum meeting_kind kind;
	char held_on[DATE_ISO_LEN];
	const char *place, *notes;
};

/* "action : … · responsable : … · échéance : 12/03/2026 · à faire" */
void meeting_action_text(const char *what, const char *owner,
			const char *due_on, enum action_status status,
			const char *done_on, struct strbuf *sb);

/* "Marie Dupont (DGS, commune)" */
void meeting_attendee_text(const char *name, const char *function, int side,
			  struct strbuf *sb);

/* May the records of a meeting (attendees, decisions, actions) be
 * corrected? Never once cancelled; once closed, with a reason only. The
 * reason, trimmed, goes to *why (NULL when none; the caller frees). */
int meeting_correctable(struct store *st, const char *meeting_uid,
		       const char *reason, char **why, struct err *e);

/* "décision 2 : …" */
void meeting_decision_text(int position, const char *text, struct strbuf *sb);

/* A meeting that may still change: neither closed nor cancelled. */
int meeting_editable(struct store *st, const char *uid,
		    char held_on[DATE_ISO_LEN], struct err *e);

/* A statement bound by the caller and its history row, in one
 * transaction begun by the caller. */
int meeting_finish(struct store *st, sqlite3_stmt *s, const char *meeting_uid,
		  const char *what, const char *before, const char *after,
		  const char *reason, struct err *e);

bool meeting_field_same(const struct meeting_fields *a,
			       const struct meeting_fields *b, int k);

void meeting_field_text(const struct meeting_fields *f, int k,
			       struct strbuf *sb);

/* Status, date and contract of a meeting; ERR_NOTFOUND when none. */
int meeting_state(struct store *st, const char *uid,
			 enum meeting_status *status,
			 char held_on[DATE_ISO_LEN],
			 char contract_uid[STORE_UID_LEN], struct err *e);

/* JJ/MM/AAAA or ISO into iso; what names the date in the message. A
 * blank date is a missing one, not an unreadable one. */
int meeting_parse_date(const char *s, const char *what,
		      char iso[DATE_ISO_LEN], struct err *e);

/* The history row of a change of the meeting's records (before, after,
 * reason: NULL or "" when none). */
int meeting_record(struct store *st, const char *meeting_uid,
		  const char *what, const char *before, const char *after,
		  const char *reason, struct err *e);

bool meeting_same_text(const char *a, const char *b);

/* today as given, or date_today(). */
struct date meeting_today_of(const char *today);

#endif
