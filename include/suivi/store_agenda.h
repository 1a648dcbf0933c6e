/*
 * store_agenda.h - what the agenda of a meeting (agenda.h) reads with SQL
 * of its own, as typed rows: its window, the launch meetings, the
 * requests of the window, the disputes open on its date. Only what the
 * window needs is read, on a database of ten years.
 */
#ifndef SUIVI_STORE_AGENDA_H
#define SUIVI_STORE_AGENDA_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/date.h"
#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/workdays.h"

/* The data a meeting reviews: from the previous meeting of the contract
 * (the latest not cancelled held before it) or, for the first one, the
 * contract's start; to the meeting's date. */
struct agenda_window {
	char meeting_uid[STORE_UID_LEN];
	char contract_uid[STORE_UID_LEN];
	bool is_launch;			/* the meeting is a launch meeting */
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];	/* ISO */
	struct date dfrom, dto;
};

/* ERR_NOTFOUND "réunion inconnue : UID" for an unknown meeting. */
int store_agenda_window(struct store *st, const char *meeting_uid,
			struct agenda_window *w, struct err *e);

/* The launch meetings of the contract, not cancelled, but w's own:
 * *held when one was closed on or before w->to; else the first other
 * one (by date) as planned_uid / planned_on (ISO), "" when none. */
int store_agenda_launch(struct store *st, const struct agenda_window *w,
			bool *held, char planned_uid[STORE_UID_LEN],
			char planned_on[DATE_ISO_LEN], struct err *e);

/* A request as the agenda judges it: its times (has_…: false when none
 * or unreadable). */
struct agenda_request {
	char uid[STORE_UID_LEN];
	char *object;			/* heap, NULL when none */
	struct datetime received, acknowledged, resolved, answered,
			cancelled;
	bool has_received, has_acknowledged, has_resolved, has_answered,
	     has_cancelled;
};

/* The requests the window can say something of, oldest first: those
 * received in it (up to the end of the meeting's day), and those
 * received before it neither resolved, answered nor cancelled before
 * its start. */
int store_agenda_requests(struct store *st, const struct agenda_window *w,
			  struct agenda_request **out, size_t *n,
			  struct err *e);
void store_agenda_requests_free(struct agenda_request *v, size_t n);

/* The uids of the disputes open on w->to, oldest first (*out heap). */
int store_agenda_disputes(struct store *st, const struct agenda_window *w,
			  char (**out)[STORE_UID_LEN], size_t *n,
			  struct err *e);

#endif
