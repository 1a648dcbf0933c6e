/*
 * Meetings in the database (include/suivi/store_meeting.h): reading
 * them, their history, the cadence of article 5 and the validation of
 * values; meeting_write.c writes a meeting's life, meeting_items.c its
 * attendees, decisions and action items. The agenda is
 * src/model/agenda.c (its rows: agenda.c here).
 */
#include "meeting_internal.h"
#include "suivi/date.h"
#include "suivi/limits.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */


/* JJ/MM/AAAA or ISO into iso; what names the date in the message. A
 * blank date is a missing one, not an unreadable one. */
int meeting_parse_date(const char *s, const char *what,
		      char iso[DATE_ISO_LEN], struct err *e)
{
	struct date d;

	if (text_blank(s)) {
		err_set(e, ERR_INPUT, "la date %s est obligatoire", what);
		return -1;
	}
	if (date_parse(s, &d) != 0) {
		err_set(e, ERR_INPUT, "date %s illisible : « %s » (attendu "
			"JJ/MM/AAAA ou AAAA-MM-JJ)", what, s);
		return -1;
	}
	date_format_iso(d, iso);
	return 0;
}

/* today as given, or date_today(). */
struct date meeting_today_of(const char *today)
{
	struct date d;

	if (!today || date_parse(today, &d) != 0)
		date_today(&d);
	return d;
}

/* Status, date and contract of a meeting; ERR_NOTFOUND when none. */
int meeting_state(struct store *st, const char *uid,
			 enum meeting_status *status,
			 char held_on[DATE_ISO_LEN],
			 char contract_uid[STORE_UID_LEN], struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT status, held_on,"
				     " contract_uid FROM meeting"
				     " WHERE uid = :u", e);
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":u", uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(s, 1);

		*status = (enum meeting_status)store_col_vocab(
			s, 0, meeting_status_vocab, MEETING_STATUS_COUNT);
		if (held_on)
			snprintf(held_on, DATE_ISO_LEN, "%s", h ? h : "");
		if (contract_uid)
			store_col_uid(contract_uid, s, 2);
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE) {
		err_set(e, ERR_NOTFOUND, "réunion inconnue : %s", uid);
		return -1;
	}
	return store_done(st, rc, "lire une réunion", e);
}

/* A meeting that may still change: neither closed nor cancelled. */
int meeting_editable(struct store *st, const char *uid,
		    char held_on[DATE_ISO_LEN], struct err *e)
{
	enum meeting_status status;

	if (meeting_state(st, uid, &status, held_on, NULL, e) != 0)
		return -1;
	if (status == MEETING_CLOSED || status == MEETING_CANCELLED) {
		err_set(e, ERR_INPUT, "la réunion est %s : elle ne change plus",
			meeting_status_vocab[status].label);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

void store_meeting_actions_free(struct meeting_action *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].meeting_held_on);
		free(v[i].what);
		free(v[i].owner);
		free(v[i].due_on);
		free(v[i].done_on);
	}
	free(v);
}

void store_meeting_release(struct meeting *m)
{
	if (!m)
		return;
	free(m->held_on);
	free(m->place);
	free(m->notes);
	free(m->author);
	free(m->created_at);
	for (size_t i = 0; i < m->n_attendees && m->attendees; i++) {
		free(m->attendees[i].name);
		free(m->attendees[i].function);
	}
	free(m->attendees);
	for (size_t i = 0; i < m->n_decisions && m->decisions; i++)
		free(m->decisions[i].text);
	free(m->decisions);
	if (m->actions)
		store_meeting_actions_free(m->actions, m->n_actions);
	store_meeting_actions_free(m->carried, m->n_carried);
	memset(m, 0, sizeof *m);
}

void store_meeting_list_free(struct meeting *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_meeting_release(&v[i]);
	free(v);
}

#define MEETING_COLUMNS                                                     \
	"m.uid, m.contract_uid, m.kind, m.status, m.held_on, m.place,"      \
	" m.notes, m.author, m.created_at,"                                 \
	" (SELECT count(*) FROM meeting_attendee a"                         \
	" WHERE a.meeting_uid = m.uid),"                                    \
	" (SELECT count(*) FROM decision d WHERE d.meeting_uid = m.uid),"   \
	" (SELECT count(*) FROM action_item x WHERE x.meeting_uid = m.uid),"\
	" (SELECT count(*) FROM action_item x WHERE x.meeting_uid = m.uid"  \
	" AND x.status IN ('open', 'in_progress') AND x.due_on < :today)"

static void read_meeting(sqlite3_stmt *s, struct meeting *m)
{
	memset(m, 0, sizeof *m);
	store_col_uid(m->uid, s, 0);
	store_col_uid(m->contract_uid, s, 1);
	m->kind = (enum meeting_kind)store_col_vocab(s, 2, meeting_kind_vocab,
					       MEETING_KIND_COUNT);
	m->status = (enum meeting_status)store_col_vocab(
		s, 3, meeting_status_vocab, MEETING_STATUS_COUNT);
	m->held_on = store_col_text(s, 4);
	m->place = store_col_text(s, 5);
	m->notes = store_col_text(s, 6);
	m->author = store_col_text(s, 7);
	m->created_at = store_col_text(s, 8);
	m->n_attendees = (size_t)sqlite3_column_int64(s, 9);
	m->n_decisions = (size_t)sqlite3_column_int64(s, 10);
	m->n_actions = (size_t)sqlite3_column_int64(s, 11);
	m->n_late = (size_t)sqlite3_column_int64(s, 12);
}

int store_meeting_list(struct store *st, const char *contract_uid,
		       const char *today, struct meeting **out, size_t *n,
		       struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " MEETING_COLUMNS
				     " FROM meeting m WHERE m.contract_uid = :c"
				     " ORDER BY m.held_on DESC, m.rowid"
				     " DESC, m.uid", e);
	char t[DATE_ISO_LEN];
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	date_format_iso(meeting_today_of(today), t);
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":today", t);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		read_meeting(s, &(*out)[(*n)++]);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les réunions", e) != 0) {
		store_meeting_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

#define ACTION_COLUMNS                                                      \
	"x.uid, x.meeting_uid, m.held_on, x.what, x.owner, x.due_on,"       \
	" x.status, x.done_on FROM action_item x"                           \
	" JOIN meeting m ON m.uid = x.meeting_uid"
#define ACTION_ORDER                                                        \
	" ORDER BY x.due_on IS NULL, x.due_on, m.held_on, x.rowid"

static int read_actions(struct store *st, sqlite3_stmt *s, struct date today,
			struct meeting_action **out, size_t *n, struct err *e)
{
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct meeting_action *a;
		struct date due;

		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		a = &(*out)[(*n)++];
		memset(a, 0, sizeof *a);
		store_col_uid(a->uid, s, 0);
		store_col_uid(a->meeting_uid, s, 1);
		a->meeting_held_on = store_col_text(s, 2);
		a->what = store_col_text(s, 3);
		a->owner = store_col_text(s, 4);
		a->due_on = store_col_text(s, 5);
		a->status = (enum action_status)store_col_vocab(
			s, 6, action_status_vocab, ACTION_STATUS_COUNT);
		a->done_on = store_col_text(s, 7);
		a->late = a->due_on && date_parse(a->due_on, &due) == 0 &&
			  action_is_late(a->status, &due, today);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les actions", e) != 0) {
		store_meeting_actions_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* The unfinished actions of meetings of the contract held before date. */
static int carried_actions(struct store *st, const char *contract_uid,
			   const char *meeting_uid, const char *held_on,
			   struct date today, struct meeting_action **out,
			   size_t *n, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " ACTION_COLUMNS
				     " WHERE m.contract_uid = :c"
				     " AND m.held_on < :h AND m.uid <> :m"
				     " AND x.status IN ('open', 'in_progress')"
				     ACTION_ORDER, e);

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":h", held_on);
	store_bind_text(s, ":m", meeting_uid);
	return read_actions(st, s, today, out, n, e);
}

int store_meeting_get(struct store *st, const char *uid, const char *today,
		      struct meeting *out, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " MEETING_COLUMNS
				     " FROM meeting m WHERE m.uid = :u", e);
	struct date t = meeting_today_of(today);
	char tiso[DATE_ISO_LEN];
	size_t cap = 0, n;
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	date_format_iso(t, tiso);
	store_bind_text(s, ":u", uid);
	store_bind_text(s, ":today", tiso);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_meeting(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE) {
		err_set(e, ERR_NOTFOUND, "réunion inconnue : %s", uid);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return store_done(st, rc, "lire une réunion", e);

	/* attendees, commune side first */
	s = store_stmt(st, "SELECT uid, name, function, side FROM"
		       " meeting_attendee WHERE meeting_uid = :m ORDER BY"
		       " CASE side WHEN 'commune' THEN 0 WHEN 'shared' THEN 1"
		       " ELSE 2 END, rowid", e);
	if (!s)
		goto fail;
	store_bind_text(s, ":m", uid);
	n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct meeting_attendee *a;
		const char *side = (const char *)sqlite3_column_text(s, 3);

		out->attendees = xgrow(out->attendees, &cap, n + 1,
				       sizeof *out->attendees);
		a = &out->attendees[n++];
		store_col_uid(a->uid, s, 0);
		a->name = store_col_text(s, 1);
		a->function = store_col_text(s, 2);
		a->side = side ? vocab_from_db(side_vocab, SIDE_COUNT, side)
			       : -1;
		out->n_attendees = n;
	}
	out->n_attendees = n;
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les participants", e) != 0)
		goto fail;

	s = store_stmt(st, "SELECT uid, position, text FROM decision"
		       " WHERE meeting_uid = :m ORDER BY position, rowid", e);
	if (!s)
		goto fail;
	store_bind_text(s, ":m", uid);
	cap = 0;
	n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct meeting_decision *d;

		out->decisions = xgrow(out->decisions, &cap, n + 1,
				       sizeof *out->decisions);
		d = &out->decisions[n++];
		store_col_uid(d->uid, s, 0);
		d->position = sqlite3_column_int(s, 1);
		d->text = store_col_text(s, 2);
		out->n_decisions = n;
	}
	out->n_decisions = n;
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les décisions", e) != 0)
		goto fail;

	s = store_stmt(st, "SELECT " ACTION_COLUMNS
		       " WHERE x.meeting_uid = :m" ACTION_ORDER, e);
	if (!s)
		goto fail;
	store_bind_text(s, ":m", uid);
	out->n_actions = 0;
	if (read_actions(st, s, t, &out->actions, &out->n_actions, e) != 0 ||
	    carried_actions(st, out->contract_uid, out->uid, out->held_on, t,
			    &out->carried, &out->n_carried, e) != 0)
		goto fail;
	return 0;
fail:
	store_meeting_release(out);
	return -1;
}

int store_meeting_open_actions(struct store *st, const char *contract_uid,
			       const char *today, struct meeting_action **out,
			       size_t *n, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " ACTION_COLUMNS
				     " WHERE m.contract_uid = :c"
				     " AND x.status IN ('open', 'in_progress')"
				     ACTION_ORDER, e);

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	return read_actions(st, s, meeting_today_of(today), out, n, e);
}

int store_meeting_on(struct store *st, const char *contract_uid,
		     const char *date, char uid_out[STORE_UID_LEN],
		     struct err *e)
{
	sqlite3_stmt *s;
	char iso[DATE_ISO_LEN], f[DATE_ISO_LEN];
	int rc, found = 0;

	uid_out[0] = '\0';
	if (meeting_parse_date(date, "de la réunion", iso, e) != 0)
		return -1;
	s = store_stmt(st, "SELECT uid FROM meeting WHERE contract_uid = :c"
		       " AND held_on = :d AND status <> 'cancelled'", e);
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":d", iso);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (found++ == 0)
			store_col_uid(uid_out, s, 0);
	sqlite3_reset(s);
	if (store_done(st, rc, "chercher une réunion", e) != 0)
		return -1;
	date_iso_fr(iso, f);
	if (!found) {
		err_set(e, ERR_NOTFOUND, "aucune réunion le %s", f);
		return -1;
	}
	if (found > 1) {
		uid_out[0] = '\0';
		err_set(e, ERR_INPUT, "%d réunions le %s : donnez l'identifiant"
			" de la réunion", found, f);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* History                                                             */

static const struct change_word change_words[] = {
	{ "create", "réunion prévue" },
	{ "update", "réunion modifiée" },
	{ "open", "réunion ouverte" },
	{ "close", "réunion close" },
	{ "cancel", "réunion annulée" },
	{ "attendee_add", "participant ajouté" },
	{ "attendee_update", "participant modifié" },
	{ "attendee_remove", "participant retiré" },
	{ "decision_add", "décision ajoutée" },
	{ "decision_update", "décision modifiée" },
	{ "decision_delete", "décision supprimée" },
	{ "action_add", "action ajoutée" },
	{ "action_update", "action modifiée" },
	{ "action_status", "état de l'action changé" },
	{ "action_delete", "action supprimée" },
};

/* The history row of a change of the meeting's records (before, after,
 * reason: NULL or "" when none). */
int meeting_record(struct store *st, const char *meeting_uid,
		  const char *what, const char *before, const char *after,
		  const char *reason, struct err *e)
{
	return store_change_write(st,
		"INSERT INTO meeting_change (uid, meeting_uid, what, author,"
		" at, before, after, reason) VALUES (:uid, :owner, :what,"
		" :author, :at, :before, :after, :reason)", meeting_uid, what,
		before, after, reason, e);
}

/* "Marie Dupont (DGS, commune)" */
void meeting_attendee_text(const char *name, const char *function, int side,
			  struct strbuf *sb)
{
	bool has_side = side >= 0 && side < SIDE_COUNT;

	strbuf_addstr(sb, name ? name : "");
	if (!function && !has_side)
		return;
	strbuf_addf(sb, " (%s%s%s)", function ? function : "",
		    function && has_side ? ", " : "",
		    has_side ? side_vocab[side].label : "");
}

/* "décision 2 : …" */
void meeting_decision_text(int position, const char *text, struct strbuf *sb)
{
	strbuf_addf(sb, "décision %d : %s", position, text ? text : "");
}

/* "action : … · responsable : … · échéance : 12/03/2026 · à faire" */
void meeting_action_text(const char *what, const char *owner,
			const char *due_on, enum action_status status,
			const char *done_on, struct strbuf *sb)
{
	char d[DATE_ISO_LEN];

	strbuf_addf(sb, "action : %s", what ? what : "");
	if (owner)
		strbuf_addf(sb, " · responsable : %s", owner);
	if (due_on) {
		date_iso_fr(due_on, d);
		strbuf_addf(sb, " · échéance : %s", d);
	}
	strbuf_addf(sb, " · %s", action_status_vocab[status].label);
	if (status == ACTION_DONE && done_on) {
		date_iso_fr(done_on, d);
		strbuf_addf(sb, " le %s", d);
	}
}



void meeting_field_text(const struct meeting_fields *f, int k,
			       struct strbuf *sb)
{
	char d[DATE_ISO_LEN];

	if (sb->len)
		strbuf_addstr(sb, " · ");
	switch (k) {
	case MF_KIND:
		strbuf_addstr(sb, meeting_kind_vocab[f->kind].label);
		break;
	case MF_DATE:
		date_iso_fr(f->held_on, d);
		strbuf_addf(sb, "le %s", d);
		break;
	case MF_PLACE:
		strbuf_addf(sb, "lieu : %s", f->place ? f->place : "aucun");
		break;
	case MF_NOTES:
		strbuf_addf(sb, "notes : %s", f->notes ? f->notes : "aucune");
		break;
	}
}

bool meeting_same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

bool meeting_field_same(const struct meeting_fields *a,
			       const struct meeting_fields *b, int k)
{
	switch (k) {
	case MF_KIND:
		return a->kind == b->kind;
	case MF_DATE:
		return !strcmp(a->held_on, b->held_on);
	case MF_PLACE:
		return meeting_same_text(a->place, b->place);
	default:
		return meeting_same_text(a->notes, b->notes);
	}
}

int store_meeting_history(struct store *st, const char *meeting_uid,
			  struct store_change **out, size_t *n,
			  struct err *e)
{
	enum meeting_status status;
	sqlite3_stmt *s;

	*out = NULL;
	*n = 0;
	if (meeting_state(st, meeting_uid, &status, NULL, NULL, e) != 0)
		return -1;
	s = store_stmt(st, "SELECT what, author, at, before, after, reason"
		       " FROM meeting_change WHERE meeting_uid = :m"
		       " ORDER BY rowid", e);
	if (!s)
		return -1;
	store_bind_text(s, ":m", meeting_uid);
	return store_changes_read(st, s, change_words,
				  sizeof change_words / sizeof *change_words,
				  "lire l'historique de la réunion", out, n, e);
}

/* May the records of a meeting (attendees, decisions, actions) be
 * corrected? Never once cancelled; once closed, with a reason only. The
 * reason, trimmed, goes to *why (NULL when none; the caller frees). */
int meeting_correctable(struct store *st, const char *meeting_uid,
		       const char *reason, char **why, struct err *e)
{
	enum meeting_status status;
	char held_on[DATE_ISO_LEN], f[DATE_ISO_LEN];

	*why = store_clean_text(reason);
	if (text_check(TEXT_LONG, "raison", *why, e) != 0 ||
	    meeting_state(st, meeting_uid, &status, held_on, NULL, e) != 0)
		goto fail;
	if (status == MEETING_CANCELLED) {
		err_set(e, ERR_INPUT, "la réunion est %s : elle ne change plus",
			meeting_status_vocab[status].label);
		goto fail;
	}
	if (status == MEETING_CLOSED && !*why) {
		date_iso_fr(held_on, f);
		err_set(e, ERR_INPUT, "la réunion du %s est close : donnez la "
			"raison du changement", f);
		goto fail;
	}
	return 0;
fail:
	free(*why);
	*why = NULL;
	return -1;
}

/* A statement bound by the caller and its history row, in one
 * transaction begun by the caller. */
int meeting_finish(struct store *st, sqlite3_stmt *s, const char *meeting_uid,
		  const char *what, const char *before, const char *after,
		  const char *reason, struct err *e)
{
	if ((s && store_exec_stmt(st, s, e) != 0) ||
	    meeting_record(st, meeting_uid, what, before, after, reason, e) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, e);	/* it ends the transaction either way */
}

/* ------------------------------------------------------------------ */
/* Cadence                                                             */

int store_meeting_cadence(struct store *st, const char *contract_uid,
			  const char *today, struct cadence *out,
			  struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT starts_on FROM contract"
				     " WHERE uid = :c", e);
	struct cadence_input in = { 0 };
	struct date *fu = NULL, *my = NULL;
	size_t cap_fu = 0, cap_my = 0;
	int rc, ret = -1;

	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		if (!t || date_parse(t, &in.starts_on) != 0)
			in.starts_on = (struct date){ 1970, 1, 1 };
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE) {
		err_set(e, ERR_NOTFOUND, "contrat inconnu : %s", contract_uid);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return store_done(st, rc, "lire le contrat", e);
	in.today = meeting_today_of(today);
	s = store_stmt(st, "SELECT kind, held_on, status FROM meeting"
		       " WHERE contract_uid = :c AND status <> 'cancelled'"
		       " AND kind IN ('follow_up', 'mayors', 'launch')"
		       " ORDER BY held_on", e);
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 0);
		const char *h = (const char *)sqlite3_column_text(s, 1);
		const char *t = (const char *)sqlite3_column_text(s, 2);
		bool closed = t && !strcmp(t, "closed");
		struct date d;

		if (!k || !h || date_parse(h, &d) != 0)
			continue;
		if (!strcmp(k, "launch")) {
			/* held once closed (by today); else the first one to
			 * come */
			if (closed && date_cmp(d, in.today) <= 0)
				in.launch_held = true;
			else if (!in.launch_planned) {
				in.launch_planned = true;
				in.launch_on = d;
			}
		} else if (!closed) {
			continue;
		} else if (!strcmp(k, "follow_up")) {
			fu = xgrow(fu, &cap_fu, in.n_follow_ups + 1, sizeof *fu);
			fu[in.n_follow_ups++] = d;
		} else {
			my = xgrow(my, &cap_my, in.n_mayors + 1, sizeof *my);
			my[in.n_mayors++] = d;
		}
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les réunions", e) != 0)
		goto out;
	in.follow_ups = fu;
	in.mayors = my;
	meeting_cadence(&in, out);
	ret = 0;
out:
	free(fu);
	free(my);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

int store_measurement_validated(struct store *st, const char *indicator_uid,
				const char *period, const char *criticality,
				char meeting_uid_out[STORE_UID_LEN],
				bool *validated, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT validated_meeting_uid"
				     " FROM measurement WHERE indicator_uid = :i"
				     " AND period = :p AND criticality = :c", e);
	int rc;

	*validated = false;
	if (meeting_uid_out)
		meeting_uid_out[0] = '\0';
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	store_bind_text(s, ":p", period);
	store_bind_text(s, ":c", criticality ? criticality : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*validated = sqlite3_column_type(s, 0) != SQLITE_NULL;
		if (meeting_uid_out && *validated)
			store_col_uid(meeting_uid_out, s, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire une valeur", e);
}

int store_meeting_held_on(struct store *st, const char *uid,
			  char held_on[DATE_ISO_LEN], struct err *e)
{
	enum meeting_status status;

	return meeting_state(st, uid, &status, held_on, NULL, e);
}

