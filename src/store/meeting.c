/*
 * Meetings in the database (include/suivi/store_meeting.h): the meeting
 * and its life, attendees, decisions, action items carried from meeting
 * to meeting, the cadence of article 5, and the validation of values at
 * closing. The agenda is src/model/agenda.c (its rows: agenda.c here).
 */
#include "store_internal.h"
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
static int parse_date(const char *s, const char *what,
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
static struct date today_of(const char *today)
{
	struct date d;

	if (!today || date_parse(today, &d) != 0)
		date_today(&d);
	return d;
}

/* Status, date and contract of a meeting; ERR_NOTFOUND when none. */
static int meeting_state(struct store *st, const char *uid,
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
static int editable(struct store *st, const char *uid,
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
	date_format_iso(today_of(today), t);
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
	struct date t = today_of(today);
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
	return read_actions(st, s, today_of(today), out, n, e);
}

int store_meeting_on(struct store *st, const char *contract_uid,
		     const char *date, char uid_out[STORE_UID_LEN],
		     struct err *e)
{
	sqlite3_stmt *s;
	char iso[DATE_ISO_LEN], f[DATE_ISO_LEN];
	int rc, found = 0;

	uid_out[0] = '\0';
	if (parse_date(date, "de la réunion", iso, e) != 0)
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
static int record(struct store *st, const char *meeting_uid,
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
static void attendee_text(const char *name, const char *function, int side,
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
static void decision_text(int position, const char *text, struct strbuf *sb)
{
	strbuf_addf(sb, "décision %d : %s", position, text ? text : "");
}

/* "action : … · responsable : … · échéance : 12/03/2026 · à faire" */
static void action_text(const char *what, const char *owner,
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

/* What a meeting says, for its history. */
struct meeting_fields {
	enum meeting_kind kind;
	char held_on[DATE_ISO_LEN];
	const char *place, *notes;
};

enum { MF_KIND, MF_DATE, MF_PLACE, MF_NOTES, MF_COUNT };

static void meeting_field_text(const struct meeting_fields *f, int k,
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

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool meeting_field_same(const struct meeting_fields *a,
			       const struct meeting_fields *b, int k)
{
	switch (k) {
	case MF_KIND:
		return a->kind == b->kind;
	case MF_DATE:
		return !strcmp(a->held_on, b->held_on);
	case MF_PLACE:
		return same_text(a->place, b->place);
	default:
		return same_text(a->notes, b->notes);
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
static int correctable(struct store *st, const char *meeting_uid,
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
static int finish(struct store *st, sqlite3_stmt *s, const char *meeting_uid,
		  const char *what, const char *before, const char *after,
		  const char *reason, struct err *e)
{
	if ((s && store_exec_stmt(st, s, e) != 0) ||
	    record(st, meeting_uid, what, before, after, reason, e) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, e);	/* it ends the transaction either way */
}

/* ------------------------------------------------------------------ */
/* Writing meetings                                                    */

static int check_input(const struct meeting_input *in,
		       char iso[DATE_ISO_LEN], char **place, char **notes,
		       struct err *e)
{
	*place = store_clean_text(in->place);
	*notes = store_clean_text(in->notes);
	if ((int)in->kind < 0 || in->kind >= MEETING_KIND_COUNT) {
		err_set(e, ERR_INPUT, "type de réunion inconnu");
		return -1;
	}
	if (parse_date(in->held_on, "de la réunion", iso, e) != 0 ||
	    text_check(TEXT_LINE, "lieu", *place, e) != 0 ||
	    text_check(TEXT_LONG, "notes", *notes, e) != 0)
		return -1;
	return 0;
}

int store_meeting_create(struct store *st, const char *contract_uid,
			 const struct meeting_input *in,
			 char uid_out[STORE_UID_LEN], struct err *e)
{
	char iso[DATE_ISO_LEN], uid[STORE_UID_LEN], now[32];
	char *place = NULL, *notes = NULL;
	struct meeting_fields mf;
	struct strbuf after;
	sqlite3_stmt *s;
	int rc, ret = -1;

	err_clear(e);
	strbuf_init(&after);
	if (check_input(in, iso, &place, &notes, e) != 0)
		goto out;
	if (!(s = store_stmt(st, "SELECT 1 FROM contract WHERE uid = :c", e)))
		goto out;
	store_bind_text(s, ":c", contract_uid);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE) {
		err_set(e, ERR_NOTFOUND, "contrat inconnu : %s", contract_uid);
		goto out;
	}
	if (rc != SQLITE_ROW) {
		store_done(st, rc, "lire le contrat", e);
		goto out;
	}
	mf = (struct meeting_fields){ in->kind, "", place, notes };
	memcpy(mf.held_on, iso, sizeof mf.held_on);
	for (int k = 0; k < MF_COUNT; k++)
		if ((k != MF_PLACE || place) && (k != MF_NOTES || notes))
			meeting_field_text(&mf, k, &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "INSERT INTO meeting (uid, contract_uid, kind,"
		       " held_on, status, place, notes, author, created_at)"
		       " VALUES (:u, :c, :k, :h, 'planned', :p, :n, :a, :t)",
		       e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_uid_new(uid);
	store_now(now);
	store_bind_text(s, ":u", uid);
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":k", meeting_kind_vocab[in->kind].db);
	store_bind_text(s, ":h", iso);
	store_bind_text(s, ":p", place);
	store_bind_text(s, ":n", notes);
	store_bind_text(s, ":a", store_author(st));
	store_bind_text(s, ":t", now);
	if (finish(st, s, uid, "create", NULL, after.buf, NULL, e) != 0)
		goto out;
	if (uid_out)
		snprintf(uid_out, STORE_UID_LEN, "%s", uid);
	ret = 0;
out:
	strbuf_release(&after);
	free(place);
	free(notes);
	return ret;
}

int store_meeting_update(struct store *st, const char *uid,
			 const struct meeting_input *in, struct err *e)
{
	char iso[DATE_ISO_LEN];
	char *place = NULL, *notes = NULL;
	struct meeting m;
	struct meeting_fields now, was;
	struct strbuf before, after;
	sqlite3_stmt *s;
	int ret = -1;

	err_clear(e);
	memset(&m, 0, sizeof m);
	strbuf_init(&before);
	strbuf_init(&after);
	if (check_input(in, iso, &place, &notes, e) != 0 ||
	    editable(st, uid, NULL, e) != 0 ||
	    store_meeting_get(st, uid, NULL, &m, e) != 0)
		goto out;
	was = (struct meeting_fields){ m.kind, "", m.place, m.notes };
	snprintf(was.held_on, sizeof was.held_on, "%s",
		 m.held_on ? m.held_on : "");
	now = (struct meeting_fields){ in->kind, "", place, notes };
	memcpy(now.held_on, iso, sizeof now.held_on);
	for (int k = 0; k < MF_COUNT; k++) {
		if (meeting_field_same(&was, &now, k))
			continue;
		meeting_field_text(&was, k, &before);
		meeting_field_text(&now, k, &after);
	}
	if (!after.len) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE meeting SET kind = :k, held_on = :h,"
		       " place = :p, notes = :n WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":k", meeting_kind_vocab[in->kind].db);
	store_bind_text(s, ":h", iso);
	store_bind_text(s, ":p", place);
	store_bind_text(s, ":n", notes);
	store_bind_text(s, ":u", uid);
	ret = finish(st, s, uid, "update", before.buf, after.buf, NULL, e);
out:
	store_meeting_release(&m);
	strbuf_release(&before);
	strbuf_release(&after);
	free(place);
	free(notes);
	return ret;
}

/* Status from -> to, with its history row (after: extra, when not NULL,
 * follows the status). */
static int set_status(struct store *st, const char *uid,
		      enum meeting_status from, enum meeting_status to,
		      const char *what, const char *extra, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE meeting SET status = :s"
				     " WHERE uid = :u", e);
	char *after;
	int ret;

	if (!s)
		return -1;
	store_bind_text(s, ":s", meeting_status_vocab[to].db);
	store_bind_text(s, ":u", uid);
	if (store_exec_stmt(st, s, e) != 0)
		return -1;
	after = xasprintf("%s%s%s", meeting_status_vocab[to].label,
			  extra ? " · " : "", extra ? extra : "");
	ret = record(st, uid, what, meeting_status_vocab[from].label, after,
		     NULL, e);
	free(after);
	return ret;
}

int store_meeting_cancel(struct store *st, const char *uid, struct err *e)
{
	enum meeting_status status;

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	if (editable(st, uid, NULL, e) != 0 ||
	    meeting_state(st, uid, &status, NULL, NULL, e) != 0 ||
	    set_status(st, uid, status, MEETING_CANCELLED, "cancel", NULL,
		       e) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, e);
}

int store_meeting_open(struct store *st, const char *uid, struct err *e)
{
	enum meeting_status status;

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	if (meeting_state(st, uid, &status, NULL, NULL, e) != 0)
		goto fail;
	if (status != MEETING_PLANNED) {
		err_set(e, ERR_INPUT, "seule une réunion prévue s'ouvre ;"
			" celle-ci est %s", meeting_status_vocab[status].label);
		goto fail;
	}
	if (set_status(st, uid, status, MEETING_OPEN, "open", NULL, e) != 0)
		goto fail;
	return store_commit(st, e);
fail:
	store_rollback(st);
	return -1;
}

/* The values to validate: of the contract, not cleared, not validated. */
struct pending {
	char uid[STORE_UID_LEN];
	char period[PERIOD_KEY_LEN];
	struct value v;
};

static int validate_values(struct store *st, const char *meeting_uid,
			   const char *contract_uid, const char *held_on,
			   size_t *count, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT ms.uid, ms.period, ms.num, ms.den, ms.text"
		" FROM measurement ms JOIN indicator i ON i.uid = ms.indicator_uid"
		" JOIN annex a ON a.uid = i.annex_uid"
		" JOIN domain d ON d.uid = a.domain_uid"
		" WHERE d.contract_uid = :c AND ms.validated_meeting_uid IS NULL"
		" AND (ms.num IS NOT NULL OR ms.den IS NOT NULL"
		" OR ms.text IS NOT NULL)", e);
	struct pending *v = NULL;
	size_t n = 0, cap = 0;
	struct date meeting_day = { 0, 0, 0 };	/* unreadable: nothing */
	char now[32];
	int rc, ret = -1;

	*count = 0;
	if (!s)
		return -1;
	date_parse(held_on, &meeting_day);
	store_bind_text(s, ":c", contract_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct pending *p;
		struct period per;
		char key[PERIOD_KEY_LEN];

		const char *k = (const char *)sqlite3_column_text(s, 1);

		snprintf(key, sizeof key, "%s", k ? k : "");
		if (period_parse(key, &per) != 0 ||
		    date_cmp(period_last_day(per), meeting_day) >= 0)
			continue;
		v = xgrow(v, &cap, n + 1, sizeof *v);
		p = &v[n++];
		memset(p, 0, sizeof *p);
		store_col_uid(p->uid, s, 0);
		snprintf(p->period, sizeof p->period, "%s", key);
		p->v.has_num = sqlite3_column_type(s, 2) != SQLITE_NULL;
		p->v.num = sqlite3_column_double(s, 2);
		p->v.has_den = sqlite3_column_type(s, 3) != SQLITE_NULL;
		p->v.den = sqlite3_column_double(s, 3);
		p->v.text = store_col_dup(s, 4);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les valeurs à valider", e) != 0)
		goto out;
	store_now(now);
	for (size_t i = 0; i < n; i++) {
		char uid[STORE_UID_LEN];

		s = store_stmt(st, "UPDATE measurement SET"
			       " validated_meeting_uid = :m WHERE uid = :u", e);
		if (!s)
			goto out;
		store_bind_text(s, ":m", meeting_uid);
		store_bind_text(s, ":u", v[i].uid);
		if (store_exec_stmt(st, s, e) != 0)
			goto out;
		s = store_stmt(st, "INSERT INTO measurement_history (uid,"
			       " measurement_uid, action, num, den, text,"
			       " author, at) VALUES (:u, :m, 'validate', :num,"
			       " :den, :text, :a, :t)", e);
		if (!s)
			goto out;
		store_uid_new(uid);
		store_bind_text(s, ":u", uid);
		store_bind_text(s, ":m", v[i].uid);
		if (v[i].v.has_num)
			store_bind_double(s, ":num", v[i].v.num);
		else
			store_bind_null(s, ":num");
		if (v[i].v.has_den)
			store_bind_double(s, ":den", v[i].v.den);
		else
			store_bind_null(s, ":den");
		store_bind_text(s, ":text", v[i].v.text);
		store_bind_text(s, ":a", store_author(st));
		store_bind_text(s, ":t", now);
		if (store_exec_stmt(st, s, e) != 0)
			goto out;
	}
	*count = n;
	ret = 0;
out:
	for (size_t i = 0; i < n; i++)
		free(v[i].v.text);
	free(v);
	return ret;
}

int store_meeting_close(struct store *st, const char *uid, size_t *validated,
			struct err *e)
{
	enum meeting_status status;
	char held_on[DATE_ISO_LEN], contract_uid[STORE_UID_LEN];
	char *extra = NULL;
	size_t count = 0;

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	if (meeting_state(st, uid, &status, held_on, contract_uid, e) != 0)
		goto fail;
	if (status == MEETING_CLOSED || status == MEETING_CANCELLED) {
		err_set(e, ERR_INPUT, "la réunion est déjà %s",
			meeting_status_vocab[status].label);
		goto fail;
	}
	{
		/* it validates what it reviewed: it must have taken place */
		struct date today;
		char iso[DATE_ISO_LEN], f[DATE_ISO_LEN];

		date_today(&today);
		date_format_iso(today, iso);
		if (strcmp(held_on, iso) > 0) {
			date_iso_fr(held_on, f);
			err_set(e, ERR_INPUT, "la réunion du %s n'a pas encore eu "
				"lieu : elle se clôt le jour même ou après", f);
			goto fail;
		}
	}
	if (validate_values(st, uid, contract_uid, held_on, &count, e) != 0)
		goto fail;
	extra = count ? xasprintf("%zu valeur%s validée%s", count,
				  count > 1 ? "s" : "", count > 1 ? "s" : "")
		      : xstrdup("aucune valeur à valider");
	if (set_status(st, uid, status, MEETING_CLOSED, "close", extra, e) != 0)
		goto fail;
	free(extra);
	if (store_commit(st, e) != 0)
		return -1;
	if (validated)
		*validated = count;
	return 0;
fail:
	free(extra);
	store_rollback(st);
	return -1;
}

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
	    editable(st, meeting_uid, NULL, e) != 0)
		goto out;
	attendee_text(n, f, side, &after);
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
	if (finish(st, s, meeting_uid, "attendee_add", NULL, after.buf, NULL,
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
	    correctable(st, a.meeting_uid, reason, &why, e) != 0)
		goto out;
	attendee_text(a.name, a.function, a.side, &before);
	attendee_text(n, f, side, &after);
	if (same_text(a.name, n) && same_text(a.function, f) && a.side == side) {
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
	ret = finish(st, s, a.meeting_uid, "attendee_update", before.buf,
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
	    correctable(st, a.meeting_uid, reason, &why, e) != 0)
		goto out;
	attendee_text(a.name, a.function, a.side, &before);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "DELETE FROM meeting_attendee WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":u", uid);
	ret = finish(st, s, a.meeting_uid, "attendee_remove", before.buf, NULL,
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
	    editable(st, meeting_uid, NULL, e) != 0 ||
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
	decision_text(position, t, &after);
	s = store_stmt(st, "INSERT INTO decision (uid, meeting_uid, position,"
		       " text) VALUES (:u, :m, :p, :t)", e);
	if (!s)
		goto fail;
	store_uid_new(uid);
	store_bind_text(s, ":u", uid);
	store_bind_text(s, ":m", meeting_uid);
	store_bind_int(s, ":p", position);
	store_bind_text(s, ":t", t);
	if (finish(st, s, meeting_uid, "decision_add", NULL, after.buf, NULL,
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
	    correctable(st, d.meeting_uid, reason, &why, e) != 0)
		goto out;
	if (same_text(d.text, t)) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	decision_text(d.position, d.text, &before);
	decision_text(d.position, t, &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE decision SET text = :t WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":t", t);
	store_bind_text(s, ":u", uid);
	ret = finish(st, s, d.meeting_uid, "decision_update", before.buf,
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
	    correctable(st, d.meeting_uid, reason, &why, e) != 0)
		goto out;
	decision_text(d.position, d.text, &before);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "DELETE FROM decision WHERE uid = :u", e);
	if (!s)
		goto fail;
	store_bind_text(s, ":u", uid);
	if (store_exec_stmt(st, s, e) != 0 ||
	    renumber_decisions(st, d.meeting_uid, e) != 0)
		goto fail;
	ret = finish(st, NULL, d.meeting_uid, "decision_delete", before.buf,
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
	if (*has_due && parse_date(in->due_on, "d'échéance", due, e) != 0)
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
	    editable(st, meeting_uid, NULL, e) != 0)
		goto out;
	action_text(what, owner, has_due ? due : NULL, ACTION_OPEN, NULL,
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
	if (finish(st, s, meeting_uid, "action_add", NULL, after.buf, NULL,
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
	    correctable(st, a.meeting_uid, reason, &why, e) != 0)
		goto out;
	action_text(a.what, a.owner, a.due_on, a.status, a.done_on, &before);
	action_text(what, owner, has_due ? due : NULL, a.status, a.done_on,
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
	ret = finish(st, s, a.meeting_uid, "action_update", before.buf,
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
	    correctable(st, a.meeting_uid, reason, &why, e) != 0)
		goto out;
	action_text(a.what, a.owner, a.due_on, a.status, a.done_on, &before);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "DELETE FROM action_item WHERE uid = :u", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":u", uid);
	ret = finish(st, s, a.meeting_uid, "action_delete", before.buf, NULL,
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
			if (parse_date(done_on, "de réalisation", day, e) != 0)
				goto out;
		} else {
			struct date t;

			date_today(&t);
			date_format_iso(t, day);
		}
	}
	if (read_action(st, action_uid, &a, e) != 0)
		goto out;
	action_text(a.what, a.owner, a.due_on, a.status, a.done_on, &before);
	action_text(a.what, a.owner, a.due_on, status,
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
	ret = finish(st, s, a.meeting_uid, "action_status", before.buf,
		     after.buf, NULL, e);
out:
	action_row_release(&a);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
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
	in.today = today_of(today);
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
