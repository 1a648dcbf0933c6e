/*
 * meeting_write.c - a meeting created, changed, cancelled, opened again,
 * held and closed; closing validates the values the meeting could
 * review, in the same transaction.
 */
#include "meeting_internal.h"
#include "suivi/limits.h"
#include "suivi/store_measurement.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

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
	if (meeting_parse_date(in->held_on, "de la réunion", iso, e) != 0 ||
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
	if (meeting_finish(st, s, uid, "create", NULL, after.buf, NULL, e) != 0)
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
	    meeting_editable(st, uid, NULL, e) != 0 ||
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
	ret = meeting_finish(st, s, uid, "update", before.buf, after.buf, NULL, e);
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
	ret = meeting_record(st, uid, what, meeting_status_vocab[from].label, after,
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
	if (meeting_editable(st, uid, NULL, e) != 0 ||
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

