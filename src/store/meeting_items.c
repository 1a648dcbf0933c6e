/*
 * meeting_items.c - what a meeting records: its attendees, its numbered
 * decisions and its action items (carried from meeting to meeting), each
 * change with its meeting_change row.
 */
#include "meeting_internal.h"
#include "suivi/limits.h"
#include "suivi/store_measurement.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Attendees, decisions, actions                                       */

/* An attendee's name, function and side checked; name and function
 * trimmed heap copies. */
static int check_attendee(const char *name, const char *function, int side,
			  char **n, char **f, struct err *e)
{
	*n = store_clean_text(name);
	*f = store_clean_text(function);
	if (!*n) {
		err_set(e, ERR_INPUT, "le nom du participant est obligatoire");
		return -1;
	}
	if (side >= SIDE_COUNT || side < -1) {
		err_set(e, ERR_INPUT, "côté inconnu");
		return -1;
	}
	if (text_check(TEXT_LINE, "nom", *n, e) != 0 ||
	    text_check(TEXT_LINE, "fonction", *f, e) != 0)
		return -1;
	return 0;
}

int store_meeting_add_attendee(struct store *st, const char *meeting_uid,
			       const char *name, const char *function,
			       int side, char uid_out[STORE_UID_LEN],
			       struct err *e)
{
	char *n = NULL, *f = NULL;
	char uid[STORE_UID_LEN];
	struct strbuf after;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	strbuf_init(&after);
	if (check_attendee(name, function, side, &n, &f, e) != 0 ||
	    meeting_editable(st, meeting_uid, NULL, e) != 0)
		goto out;
	meeting_attendee_text(n, f, side, &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "INSERT INTO meeting_attendee (uid, meeting_uid,"
		       " name, function, side) VALUES (:u, :m, :n, :f, :s)", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_uid_new(uid);
	store_bind_text(s, ":u", uid);
	store_bind_text(s, ":m", meeting_uid);
	store_bind_text(s, ":n", n);
	store_bind_text(s, ":f", f);
	store_bind_text(s, ":s", side >= 0 ? side_vocab[side].db : NULL);
	if (meeting_finish(st, s, meeting_uid, "attendee_add", NULL, after.buf, NULL,
		   e) != 0)
		goto out;
	if (uid_out)
		snprintf(uid_out, STORE_UID_LEN, "%s", uid);
	ret = 0;
out:
	strbuf_release(&after);
	free(n);
	free(f);
	return ret;
}

/* An attendee as stored. */
struct attendee_row {
	char meeting_uid[STORE_UID_LEN];
	char *name, *function;
	int side;
};

static void attendee_row_release(struct attendee_row *a)
{
	free(a->name);
	free(a->function);
	memset(a, 0, sizeof *a);
}

static int read_attendee(struct store *st, const char *uid,
			 struct attendee_row *a, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT meeting_uid, name, function,"
				     " side FROM meeting_attendee"
				     " WHERE uid = :u", e);
	int rc;

	memset(a, 0, sizeof *a);
	if (!s)
		return -1;
	store_bind_text(s, ":u", uid ? uid : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *side = (const char *)sqlite3_column_text(s, 3);

		store_col_uid(a->meeting_uid, s, 0);
		a->name = store_col_text(s, 1);
		a->function = store_col_text(s, 2);
		a->side = side ? vocab_from_db(side_vocab, SIDE_COUNT, side)
			       : -1;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire un participant", e) != 0)
		return -1;
	if (!a->meeting_uid[0]) {
		err_set(e, ERR_NOTFOUND, "participant inconnu : %s",
			uid ? uid : "");
		return -1;
	}
	return 0;
}

int store_meeting_update_attendee(struct store *st, const char *uid,
				  const char *name, const char *function,
				  int side, const char *reason, struct err *e)
{
	struct attendee_row a;
	struct strbuf before, after;
	char *n = NULL, *f = NULL, *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	memset(&a, 0, sizeof a);
	strbuf_init(&before);
	strbuf_init(&after);
	if (check_attendee(name, function, side, &n, &f, e) != 0 ||
	    read_attendee(st, uid, &a, e) != 0 ||
	    meeting_correctable(st, a.meeting_uid, reason, &why, e) != 0)
		goto out;
	meeting_attendee_text(a.name, a.function, a.side, &before);
	meeting_attendee_text(n, f, side, &after);
	if (meeting_same_text(a.name, n) && meeting_same_text(a.function, f) && a.side == side) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE meeting_attendee SET name = :n,"
		       " function = :f, side = :s WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":n", n);
	store_bind_text(s, ":f", f);
	store_bind_text(s, ":s", side >= 0 ? side_vocab[side].db : NULL);
	store_bind_text(s, ":u", uid);
	ret = meeting_finish(st, s, a.meeting_uid, "attendee_update", before.buf,
		     after.buf, why, e);
out:
	attendee_row_release(&a);
	strbuf_release(&before);
	strbuf_release(&after);
	free(n);
	free(f);
	free(why);
	return ret;
}

int store_meeting_remove_attendee_reason(struct store *st, const char *uid,
					 const char *reason, struct err *e)
{
	struct attendee_row a;
	struct strbuf before;
	char *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	strbuf_init(&before);
	if (read_attendee(st, uid, &a, e) != 0 ||
	    meeting_correctable(st, a.meeting_uid, reason, &why, e) != 0)
		goto out;
	meeting_attendee_text(a.name, a.function, a.side, &before);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "DELETE FROM meeting_attendee WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":u", uid);
	ret = meeting_finish(st, s, a.meeting_uid, "attendee_remove", before.buf, NULL,
		     why, e);
out:
	attendee_row_release(&a);
	strbuf_release(&before);
	free(why);
	return ret;
}

int store_meeting_remove_attendee(struct store *st, const char *uid,
				  struct err *e)
{
	return store_meeting_remove_attendee_reason(st, uid, NULL, e);
}

static int check_decision(const char *text, char **t, struct err *e)
{
	*t = store_clean_text(text);
	if (!*t) {
		err_set(e, ERR_INPUT, "le texte de la décision est obligatoire");
		return -1;
	}
	return text_check(TEXT_LONG, "décision", *t, e);
}

int store_meeting_add_decision(struct store *st, const char *meeting_uid,
			       const char *text, char uid_out[STORE_UID_LEN],
			       struct err *e)
{
	char *t = NULL;
	char uid[STORE_UID_LEN];
	struct strbuf after;
	sqlite3_stmt *s;
	int rc, position = 1, ret = -1;

	err_clear(e);
	strbuf_init(&after);
	if (check_decision(text, &t, e) != 0 ||
	    meeting_editable(st, meeting_uid, NULL, e) != 0 ||
	    store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "SELECT ifnull(max(position), 0) + 1 FROM decision"
		       " WHERE meeting_uid = :m", e);
	if (!s)
		goto fail;
	store_bind_text(s, ":m", meeting_uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		position = sqlite3_column_int(s, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "numéroter la décision", e) != 0)
		goto fail;
	meeting_decision_text(position, t, &after);
	s = store_stmt(st, "INSERT INTO decision (uid, meeting_uid, position,"
		       " text) VALUES (:u, :m, :p, :t)", e);
	if (!s)
		goto fail;
	store_uid_new(uid);
	store_bind_text(s, ":u", uid);
	store_bind_text(s, ":m", meeting_uid);
	store_bind_int(s, ":p", position);
	store_bind_text(s, ":t", t);
	if (meeting_finish(st, s, meeting_uid, "decision_add", NULL, after.buf, NULL,
		   e) != 0)
		goto out;
	if (uid_out)
		snprintf(uid_out, STORE_UID_LEN, "%s", uid);
	ret = 0;
	goto out;
fail:
	store_rollback(st);
out:
	strbuf_release(&after);
	free(t);
	return ret;
}

/* A decision as stored. */
struct decision_row {
	char meeting_uid[STORE_UID_LEN];
	int position;
	char *text;
};

static int read_decision(struct store *st, const char *uid,
			 struct decision_row *d, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT meeting_uid, position, text"
				     " FROM decision WHERE uid = :u", e);
	int rc;

	memset(d, 0, sizeof *d);
	if (!s)
		return -1;
	store_bind_text(s, ":u", uid ? uid : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		store_col_uid(d->meeting_uid, s, 0);
		d->position = sqlite3_column_int(s, 1);
		d->text = store_col_text(s, 2);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire une décision", e) != 0)
		return -1;
	if (!d->meeting_uid[0]) {
		err_set(e, ERR_NOTFOUND, "décision inconnue : %s",
			uid ? uid : "");
		return -1;
	}
	return 0;
}

int store_meeting_update_decision(struct store *st, const char *uid,
				  const char *text, const char *reason,
				  struct err *e)
{
	struct decision_row d = { .text = NULL };
	struct strbuf before, after;
	char *t = NULL, *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	strbuf_init(&before);
	strbuf_init(&after);
	if (check_decision(text, &t, e) != 0 ||
	    read_decision(st, uid, &d, e) != 0 ||
	    meeting_correctable(st, d.meeting_uid, reason, &why, e) != 0)
		goto out;
	if (meeting_same_text(d.text, t)) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	meeting_decision_text(d.position, d.text, &before);
	meeting_decision_text(d.position, t, &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE decision SET text = :t WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":t", t);
	store_bind_text(s, ":u", uid);
	ret = meeting_finish(st, s, d.meeting_uid, "decision_update", before.buf,
		     after.buf, why, e);
out:
	free(d.text);
	strbuf_release(&before);
	strbuf_release(&after);
	free(t);
	free(why);
	return ret;
}

/* The meeting's decisions numbered 1..n again, in their order. */
static int renumber_decisions(struct store *st, const char *meeting_uid,
			      struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT uid, position FROM decision"
				     " WHERE meeting_uid = :m"
				     " ORDER BY position, rowid", e);
	char (*uids)[STORE_UID_LEN] = NULL;
	int *positions = NULL;
	size_t cap = 0, cap_p = 0, n = 0;
	int rc, ret = -1;

	if (!s)
		return -1;
	store_bind_text(s, ":m", meeting_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		uids = xgrow(uids, &cap, n + 1, sizeof *uids);
		positions = xgrow(positions, &cap_p, n + 1, sizeof *positions);
		store_col_uid(uids[n], s, 0);
		positions[n++] = sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "numéroter les décisions", e) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (positions[i] == (int)i + 1)
			continue;
		s = store_stmt(st, "UPDATE decision SET position = :p"
			       " WHERE uid = :u", e);
		if (!s)
			goto out;
		store_bind_int(s, ":p", (long long)i + 1);
		store_bind_text(s, ":u", uids[i]);
		if (store_exec_stmt(st, s, e) != 0)
			goto out;
	}
	ret = 0;
out:
	free(uids);
	free(positions);
	return ret;
}

int store_meeting_delete_decision(struct store *st, const char *uid,
				  const char *reason, struct err *e)
{
	struct decision_row d = { .text = NULL };
	struct strbuf before;
	char *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	strbuf_init(&before);
	if (read_decision(st, uid, &d, e) != 0 ||
	    meeting_correctable(st, d.meeting_uid, reason, &why, e) != 0)
		goto out;
	meeting_decision_text(d.position, d.text, &before);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "DELETE FROM decision WHERE uid = :u", e);
	if (!s)
		goto fail;
	store_bind_text(s, ":u", uid);
	if (store_exec_stmt(st, s, e) != 0 ||
	    renumber_decisions(st, d.meeting_uid, e) != 0)
		goto fail;
	ret = meeting_finish(st, NULL, d.meeting_uid, "decision_delete", before.buf,
		     NULL, why, e);
	goto out;
fail:
	store_rollback(st);
out:
	free(d.text);
	strbuf_release(&before);
	free(why);
	return ret;
}

/* An action's what, owner and due date checked; heap copies. */
static int check_action(const struct action_input *in, char **what,
			char **owner, char due[DATE_ISO_LEN], bool *has_due,
			struct err *e)
{
	*what = store_clean_text(in->what);
	*owner = store_clean_text(in->owner);
	*has_due = !text_blank(in->due_on);
	if (!*what) {
		err_set(e, ERR_INPUT, "dites ce que l'action doit faire");
		return -1;
	}
	if (text_check(TEXT_LONG, "action", *what, e) != 0 ||
	    text_check(TEXT_LINE, "responsable", *owner, e) != 0)
		return -1;
	if (*has_due && meeting_parse_date(in->due_on, "d'échéance", due, e) != 0)
		return -1;
	return 0;
}

int store_meeting_add_action(struct store *st, const char *meeting_uid,
			     const struct action_input *in,
			     char uid_out[STORE_UID_LEN], struct err *e)
{
	char *what = NULL, *owner = NULL;
	char due[DATE_ISO_LEN], uid[STORE_UID_LEN], now[32];
	struct strbuf after;
	bool has_due;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	strbuf_init(&after);
	if (check_action(in, &what, &owner, due, &has_due, e) != 0 ||
	    meeting_editable(st, meeting_uid, NULL, e) != 0)
		goto out;
	meeting_action_text(what, owner, has_due ? due : NULL, ACTION_OPEN, NULL,
		    &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "INSERT INTO action_item (uid, meeting_uid, what,"
		       " owner, due_on, status, updated_at) VALUES (:u, :m, :w,"
		       " :o, :d, 'open', :t)", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_uid_new(uid);
	store_now(now);
	store_bind_text(s, ":u", uid);
	store_bind_text(s, ":m", meeting_uid);
	store_bind_text(s, ":w", what);
	store_bind_text(s, ":o", owner);
	store_bind_text(s, ":d", has_due ? due : NULL);
	store_bind_text(s, ":t", now);
	if (meeting_finish(st, s, meeting_uid, "action_add", NULL, after.buf, NULL,
		   e) != 0)
		goto out;
	if (uid_out)
		snprintf(uid_out, STORE_UID_LEN, "%s", uid);
	ret = 0;
out:
	strbuf_release(&after);
	free(what);
	free(owner);
	return ret;
}

/* An action as stored. */
struct action_row {
	char meeting_uid[STORE_UID_LEN];
	char *what, *owner, *due_on, *done_on;
	enum action_status status;
};

static void action_row_release(struct action_row *a)
{
	free(a->what);
	free(a->owner);
	free(a->due_on);
	free(a->done_on);
	memset(a, 0, sizeof *a);
}

static int read_action(struct store *st, const char *uid,
		       struct action_row *a, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT meeting_uid, what, owner,"
				     " due_on, status, done_on FROM action_item"
				     " WHERE uid = :u", e);
	int rc;

	memset(a, 0, sizeof *a);
	if (!s)
		return -1;
	store_bind_text(s, ":u", uid ? uid : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		store_col_uid(a->meeting_uid, s, 0);
		a->what = store_col_text(s, 1);
		a->owner = store_col_text(s, 2);
		a->due_on = store_col_text(s, 3);
		a->status = (enum action_status)store_col_vocab(
			s, 4, action_status_vocab, ACTION_STATUS_COUNT);
		a->done_on = store_col_text(s, 5);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire une action", e) != 0)
		return -1;
	if (!a->meeting_uid[0]) {
		err_set(e, ERR_NOTFOUND, "action inconnue : %s", uid ? uid : "");
		return -1;
	}
	return 0;
}

int store_action_update(struct store *st, const char *uid,
			const struct action_input *in, const char *reason,
			struct err *e)
{
	struct action_row a;
	struct strbuf before, after;
	char *what = NULL, *owner = NULL, *why = NULL;
	char due[DATE_ISO_LEN], now[32];
	bool has_due;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	memset(&a, 0, sizeof a);
	strbuf_init(&before);
	strbuf_init(&after);
	if (check_action(in, &what, &owner, due, &has_due, e) != 0 ||
	    read_action(st, uid, &a, e) != 0 ||
	    meeting_correctable(st, a.meeting_uid, reason, &why, e) != 0)
		goto out;
	meeting_action_text(a.what, a.owner, a.due_on, a.status, a.done_on, &before);
	meeting_action_text(what, owner, has_due ? due : NULL, a.status, a.done_on,
		    &after);
	if (!strcmp(before.buf, after.buf)) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE action_item SET what = :w, owner = :o,"
		       " due_on = :d, updated_at = :t WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_now(now);
	store_bind_text(s, ":w", what);
	store_bind_text(s, ":o", owner);
	store_bind_text(s, ":d", has_due ? due : NULL);
	store_bind_text(s, ":t", now);
	store_bind_text(s, ":u", uid);
	ret = meeting_finish(st, s, a.meeting_uid, "action_update", before.buf,
		     after.buf, why, e);
out:
	action_row_release(&a);
	strbuf_release(&before);
	strbuf_release(&after);
	free(what);
	free(owner);
	free(why);
	return ret;
}

int store_action_delete(struct store *st, const char *uid,
			const char *reason, struct err *e)
{
	struct action_row a;
	struct strbuf before;
	char *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	memset(&a, 0, sizeof a);
	strbuf_init(&before);
	if (read_action(st, uid, &a, e) != 0 ||
	    meeting_correctable(st, a.meeting_uid, reason, &why, e) != 0)
		goto out;
	meeting_action_text(a.what, a.owner, a.due_on, a.status, a.done_on, &before);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "DELETE FROM action_item WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":u", uid);
	ret = meeting_finish(st, s, a.meeting_uid, "action_delete", before.buf, NULL,
		     why, e);
out:
	action_row_release(&a);
	strbuf_release(&before);
	free(why);
	return ret;
}

int store_action_set_status(struct store *st, const char *action_uid,
			    enum action_status status, const char *done_on,
			    struct err *e)
{
	struct action_row a;
	struct strbuf before, after;
	char day[DATE_ISO_LEN], now[32];
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	memset(&a, 0, sizeof a);
	strbuf_init(&before);
	strbuf_init(&after);
	if ((int)status < 0 || status >= ACTION_STATUS_COUNT) {
		err_set(e, ERR_INPUT, "état d'action inconnu");
		goto out;
	}
	if (status == ACTION_DONE) {
		if (!text_blank(done_on)) {
			if (meeting_parse_date(done_on, "de réalisation", day, e) != 0)
				goto out;
		} else {
			struct date t;

			date_today(&t);
			date_format_iso(t, day);
		}
	}
	if (read_action(st, action_uid, &a, e) != 0)
		goto out;
	meeting_action_text(a.what, a.owner, a.due_on, a.status, a.done_on, &before);
	meeting_action_text(a.what, a.owner, a.due_on, status,
		    status == ACTION_DONE ? day : NULL, &after);
	if (!strcmp(before.buf, after.buf)) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE action_item SET status = :s, done_on = :d,"
		       " updated_at = :t WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_now(now);
	store_bind_text(s, ":s", action_status_vocab[status].db);
	store_bind_text(s, ":d", status == ACTION_DONE ? day : NULL);
	store_bind_text(s, ":t", now);
	store_bind_text(s, ":u", action_uid);
	ret = meeting_finish(st, s, a.meeting_uid, "action_status", before.buf,
		     after.buf, NULL, e);
out:
	action_row_release(&a);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}

