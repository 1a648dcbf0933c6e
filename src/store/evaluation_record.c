#include "suivi/store_evaluation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "suivi/date.h"
#include "suivi/limits.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

void evaluation_record_release(struct evaluation_record *r)
{
	if (!r)
		return;
	free(r->adjustments);
	free(r->sent_on);
	free(r->presented_on);
	free(r->author);
	free(r->updated_at);
	memset(r, 0, sizeof *r);
}

int store_evaluation_record_get(struct store *st, const char *contract_uid,
				int year, struct evaluation_record *out,
				struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT adjustments, sent_on, presented_on, author, updated_at"
		" FROM evaluation_record WHERE contract_uid = :c AND year = :y",
		e);
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_int(s, ":y", year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->found = true;
		out->adjustments = store_col_dup(s, 0);
		out->sent_on = store_col_dup(s, 1);
		out->presented_on = store_col_dup(s, 2);
		out->author = store_col_dup(s, 3);
		out->updated_at = store_col_dup(s, 4);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire l'évaluation", e);
}

/* how: keep *cur, clear it, or set it to d (ISO in *cur), which must
 * not be after today (ISO): a record says what happened. */
static int take_date(enum record_date_change how, struct date d,
		     const char *what, char **cur, const char *today,
		     struct err *e)
{
	char iso[DATE_ISO_LEN], a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (how == RECORD_DATE_KEEP)
		return 0;
	free(*cur);
	*cur = NULL;
	if (how == RECORD_DATE_CLEAR)
		return 0;
	date_format_iso(d, iso);
	if (strcmp(iso, today) > 0) {
		date_iso_fr(iso, a);
		date_iso_fr(today, b);
		err_set(e, ERR_INPUT, "la date %s (%s) est à venir : on enregistre "
			"ce qui a eu lieu (aujourd'hui : %s)", what, a, b);
		return -1;
	}
	*cur = xstrdup(iso);
	return 0;
}

static int contract_start_year(struct store *st, const char *contract_uid,
			       int *year, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT starts_on FROM contract"
				     " WHERE uid = :c", e);
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		*year = t ? atoi(t) : 0;
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		err_set(e, ERR_NOTFOUND, "contrat introuvable");
	else
		store_fail(st, rc, "lire le contrat", e);
	return -1;
}

int store_evaluation_record_set(struct store *st, const char *contract_uid,
				int year,
				const struct evaluation_record_change *in,
				const char *today, struct err *e)
{
	struct evaluation_record r;
	char today_iso[DATE_ISO_LEN], uid[STORE_UID_LEN], now[32];
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	sqlite3_stmt *s;
	int start;

	err_clear(e);
	if (year < 1900 || year > 2199) {
		err_set(e, ERR_INPUT, "année invalide : %d (1900 à 2199)", year);
		return -1;
	}
	if (today) {
		snprintf(today_iso, sizeof today_iso, "%s", today);
	} else {
		struct date d;

		date_today(&d);
		date_format_iso(d, today_iso);
	}
	if (store_begin(st, e) != 0)
		return -1;
	if (contract_start_year(st, contract_uid, &start, e) != 0 ||
	    store_evaluation_record_get(st, contract_uid, year, &r, e) != 0)
		goto fail;
	if (year < start) {
		err_set(e, ERR_INPUT, "le contrat commence en %d : il n'y a pas "
			"d'évaluation de %d", start, year);
		goto fail_r;
	}
	if (take_date(in->sent, in->sent_on, "d'envoi à la commune",
		      &r.sent_on, today_iso, e) != 0 ||
	    take_date(in->presented, in->presented_on, "de présentation aux "
		      "instances délibératives communales", &r.presented_on,
		      today_iso, e) != 0)
		goto fail_r;
	if (in->adjustments) {
		free(r.adjustments);
		r.adjustments = text_trim(xstrdup(in->adjustments));
		if (!*r.adjustments) {
			free(r.adjustments);
			r.adjustments = NULL;
		} else if (text_check(TEXT_LONG, "ajustements proposés",
				      r.adjustments, e) != 0) {
			goto fail_r;
		}
	}
	if (r.sent_on && atoi(r.sent_on) < year) {
		date_iso_fr(r.sent_on, a);
		err_set(e, ERR_INPUT, "l'évaluation de %d ne peut pas être "
			"envoyée le %s, avant l'année qu'elle évalue", year, a);
		goto fail_r;
	}
	if (r.presented_on && r.sent_on &&
	    strcmp(r.presented_on, r.sent_on) < 0) {
		date_iso_fr(r.presented_on, a);
		date_iso_fr(r.sent_on, b);
		err_set(e, ERR_INPUT, "présentée le %s, avant d'être envoyée à "
			"la commune (le %s)", a, b);
		goto fail_r;
	}
	if (r.presented_on && !r.sent_on) {
		err_set(e, ERR_INPUT, "une évaluation est présentée aux instances "
			"délibératives communales après avoir été envoyée à la "
			"commune : donnez d'abord la date d'envoi");
		goto fail_r;
	}
	if (!r.adjustments && !r.sent_on && !r.presented_on) {
		s = store_stmt(st, "DELETE FROM evaluation_record WHERE"
			       " contract_uid = :c AND year = :y", e);
	} else {
		s = store_stmt(st,
			"INSERT INTO evaluation_record (uid, contract_uid, year,"
			" adjustments, sent_on, presented_on, author, updated_at)"
			" VALUES (:u, :c, :y, :adj, :sent, :pres, :a, :now)"
			" ON CONFLICT (contract_uid, year) DO UPDATE SET"
			" adjustments = excluded.adjustments,"
			" sent_on = excluded.sent_on,"
			" presented_on = excluded.presented_on,"
			" author = excluded.author,"
			" updated_at = excluded.updated_at", e);
		if (s) {
			char y[24];

			snprintf(y, sizeof y, "%d", year);
			store_uid_stable(uid, "evaluation", contract_uid, y,
					 NULL, NULL);
			store_now(now);
			store_bind_text(s, ":u", uid);
			store_bind_text(s, ":adj", r.adjustments);
			store_bind_text(s, ":sent", r.sent_on);
			store_bind_text(s, ":pres", r.presented_on);
			store_bind_text(s, ":a", store_author(st));
			store_bind_text(s, ":now", now);
		}
	}
	if (!s)
		goto fail_r;
	store_bind_text(s, ":c", contract_uid);
	store_bind_int(s, ":y", year);
	if (store_exec_stmt(st, s, e) != 0 || store_commit(st, e) != 0)
		goto fail_r;
	evaluation_record_release(&r);
	return 0;
fail_r:
	evaluation_record_release(&r);
fail:
	store_rollback(st);
	return -1;
}
