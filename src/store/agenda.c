/*
 * What the agenda of a meeting reads with SQL of its own (include/suivi/
 * store_agenda.h; model/agenda.c judges it): only what the window needs
 * on a database of ten years: the window, the launch meetings, the
 * requests received in it or still open at its start, the uids of the
 * disputes open on the meeting's date.
 */
#include "store_internal.h"
#include "suivi/contract.h"
#include "suivi/date.h"
#include "suivi/meeting.h"
#include "suivi/store_agenda.h"
#include "suivi/store_meeting.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The window                                                          */

static int one_text(struct store *st, sqlite3_stmt *s, char *out, size_t n,
		    bool *found, const char *doing, struct err *e)
{
	int rc = sqlite3_step(s);

	*found = false;
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		*found = t != NULL;
		snprintf(out, n, "%s", t ? t : "");
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, doing, e);
		return -1;
	}
	return 0;
}

int store_agenda_window(struct store *st, const char *meeting_uid,
			struct agenda_window *w, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT m.held_on || '|' ||"
				     " m.contract_uid || '|' || m.kind || '|' ||"
				     " c.starts_on"
				     " FROM meeting m JOIN contract c"
				     " ON c.uid = m.contract_uid"
				     " WHERE m.uid = :u", e);
	char row[160], prev[DATE_ISO_LEN];
	char *bar, *bar2, *bar3;
	struct date start;
	bool found;

	memset(w, 0, sizeof *w);
	if (!s)
		return -1;
	store_bind_text(s, ":u", meeting_uid);
	if (one_text(st, s, row, sizeof row, &found, "lire la réunion", e) != 0)
		return -1;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "réunion inconnue : %s", meeting_uid);
		return -1;
	}
	bar = strchr(row, '|');
	bar2 = bar ? strchr(bar + 1, '|') : NULL;
	bar3 = bar2 ? strchr(bar2 + 1, '|') : NULL;
	if (!bar3) {
		err_set(e, ERR_DB, "réunion illisible : %s", meeting_uid);
		return -1;
	}
	*bar = *bar2 = *bar3 = '\0';
	snprintf(w->meeting_uid, sizeof w->meeting_uid, "%s", meeting_uid);
	snprintf(w->to, sizeof w->to, "%.10s", row);
	snprintf(w->contract_uid, sizeof w->contract_uid, "%.32s", bar + 1);
	w->is_launch = !strcmp(bar2 + 1,
			       meeting_kind_vocab[MEETING_LAUNCH].db);
	if (date_parse(w->to, &w->dto) != 0 || date_parse(bar3 + 1, &start))
		start = w->dto;
	s = store_stmt(st, "SELECT max(held_on) FROM meeting"
		       " WHERE contract_uid = :c AND status <> 'cancelled'"
		       " AND held_on < :h", e);
	if (!s)
		return -1;
	store_bind_text(s, ":c", w->contract_uid);
	store_bind_text(s, ":h", w->to);
	if (one_text(st, s, prev, sizeof prev, &found,
		     "lire la réunion précédente", e) != 0)
		return -1;
	/* from the previous meeting, else from the contract's start: the
	 * first meeting reviews everything since, however long ago */
	if (!found || date_parse(prev, &w->dfrom) != 0)
		w->dfrom = start;
	date_format_iso(w->dfrom, w->from);
	return 0;
}

int store_meeting_window(struct store *st, const char *meeting_uid,
			 char from[DATE_ISO_LEN], char to[DATE_ISO_LEN],
			 struct err *e)
{
	struct agenda_window w;

	if (store_agenda_window(st, meeting_uid, &w, e) != 0)
		return -1;
	snprintf(from, DATE_ISO_LEN, "%s", w.from);
	snprintf(to, DATE_ISO_LEN, "%s", w.to);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The launch meeting                                                  */

int store_agenda_launch(struct store *st, const struct agenda_window *w,
			bool *held, char planned_uid[STORE_UID_LEN],
			char planned_on[DATE_ISO_LEN], struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT uid, held_on, status"
				     " FROM meeting WHERE contract_uid = :c"
				     " AND kind = 'launch'"
				     " AND status <> 'cancelled'"
				     " ORDER BY held_on, uid", e);
	int rc;

	*held = false;
	planned_uid[0] = planned_on[0] = '\0';
	if (!s)
		return -1;
	store_bind_text(s, ":c", w->contract_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(s, 0);
		const char *h = (const char *)sqlite3_column_text(s, 1);
		const char *t = (const char *)sqlite3_column_text(s, 2);

		if (!u || !h || !t || !strcmp(u, w->meeting_uid))
			continue;
		if (!strcmp(t, "closed") && strcmp(h, w->to) <= 0) {
			*held = true;
		} else if (!planned_uid[0]) {
			/* to come (or held after this meeting: to come
			 * then) */
			snprintf(planned_uid, STORE_UID_LEN, "%s", u);
			snprintf(planned_on, DATE_ISO_LEN, "%.10s", h);
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "lire les réunions de lancement", e);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Requests                                                            */

/* A stored time ("AAAA-MM-JJTHH:MM", ours) into *t; false when there is
 * none or it does not read. */
static bool col_time(sqlite3_stmt *s, int i, struct datetime *t)
{
	const char *v = (const char *)sqlite3_column_text(s, i);

	return v && *v && datetime_parse(v, t) == 0;
}

void store_agenda_requests_free(struct agenda_request *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].object);
	free(v);
}

/*
 * The requests the window can say something of, oldest first: those
 * received in it, and those received before it that were neither
 * resolved, answered nor cancelled before its start (still open then:
 * they may be late at the meeting or closed in the window). Requests
 * closed before the window, years of them on a large database, are
 * never read: the received_at index bounds the scan and the row test
 * discards them without building anything.
 */
int store_agenda_requests(struct store *st, const struct agenda_window *w,
			  struct agenda_request **out, size_t *n,
			  struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT uid, object, received_at, acknowledged_at,"
		" resolved_at, answered_at, cancelled_at FROM request"
		" WHERE contract_uid = :c AND received_at < :end"
		" AND (received_at >= :from"
		" OR ((resolved_at IS NULL OR resolved_at >= :from)"
		" AND (answered_at IS NULL OR answered_at >= :from)"
		" AND (cancelled_at IS NULL OR cancelled_at >= :from)))"
		" ORDER BY received_at, uid", e);
	char end[DATETIME_ISO_LEN + 2];
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	/* every time of the meeting's day: "AAAA-MM-JJT23:59" < this */
	snprintf(end, sizeof end, "%sT24", w->to);
	store_bind_text(s, ":c", w->contract_uid);
	store_bind_text(s, ":from", w->from);
	store_bind_text(s, ":end", end);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct agenda_request *r;
		const char *u = (const char *)sqlite3_column_text(s, 0);

		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		snprintf(r->uid, sizeof r->uid, "%s", u ? u : "");
		r->object = store_col_dup(s, 1);
		r->has_received = col_time(s, 2, &r->received);
		r->has_acknowledged = col_time(s, 3, &r->acknowledged);
		r->has_resolved = col_time(s, 4, &r->resolved);
		r->has_answered = col_time(s, 5, &r->answered);
		r->has_cancelled = col_time(s, 6, &r->cancelled);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "lire les saisines", e);
		store_agenda_requests_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}


/* ------------------------------------------------------------------ */
/* Disputes                                                            */

int store_agenda_disputes(struct store *st, const struct agenda_window *w,
			  char (**out)[STORE_UID_LEN], size_t *n_out,
			  struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT uid FROM dispute"
				     " WHERE contract_uid = :c"
				     " AND opened_on <= :to"
				     " AND (closed_on IS NULL OR closed_on > :to)"
				     " ORDER BY opened_on, uid", e);
	char (*uids)[STORE_UID_LEN] = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*n_out = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":c", w->contract_uid);
	store_bind_text(s, ":to", w->to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(s, 0);

		uids = xgrow(uids, &cap, n + 1, sizeof *uids);
		snprintf(uids[n++], STORE_UID_LEN, "%s", u ? u : "");
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "lire les litiges", e);
		free(uids);
		return -1;
	}
	*out = uids;
	*n_out = n;
	return 0;
}
