#include "suivi/store_observation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "suivi/date.h"
#include "suivi/limits.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

static char *col_text(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	return t ? xstrdup(t) : NULL;
}


static int domain_exists(struct store *st, const char *domain_uid,
			 struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM domain WHERE uid = :u",
				     e);
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":u", domain_uid);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE) {
		err_set(e, ERR_NOTFOUND, "domaine inconnu : %s", domain_uid);
		return -1;
	}
	store_fail(st, rc, "chercher le domaine", e);
	return -1;
}

const char *const obs_party_label[OBS_PARTY_COUNT] = {
	[OBS_UNSAID] = "partie non précisée",
	[OBS_COMMUNE] = "la commune",
	[OBS_METROPOLE] = "Bordeaux Métropole",
};

static const char *const party_db[OBS_PARTY_COUNT] = {
	[OBS_UNSAID] = NULL, [OBS_COMMUNE] = "commune",
	[OBS_METROPOLE] = "metropole",
};

int store_observation_set_by(struct store *st, const char *domain_uid,
			     int year, enum obs_party party, const char *text,
			     struct err *e)
{
	bool drop = text_blank(text);
	sqlite3_stmt *s;
	char uid[STORE_UID_LEN], now[32], y[24];

	err_clear(e);
	if ((unsigned)party >= OBS_PARTY_COUNT) {
		err_set(e, ERR_INPUT, "partie inconnue");
		return -1;
	}
	if (year < 1900 || year > 2199) {
		err_set(e, ERR_INPUT, "année invalide : %d (1900 à 2199)", year);
		return -1;
	}
	if (!drop && text_check(TEXT_LONG, "observation", text, e) != 0)
		return -1;
	if (store_begin(st, e) != 0)
		return -1;
	if (domain_exists(st, domain_uid, e) != 0)
		goto fail;
	/* one per domain, year and party, named by them (store_uid_stable):
	 * written over in place, so that a sync file carries a change of
	 * that row, not a new one */
	snprintf(y, sizeof y, "%d", year);
	store_uid_stable(uid, "observation", domain_uid, y,
			 party_db[party] ? party_db[party] : "", NULL);
	if (drop) {
		s = store_stmt(st, "DELETE FROM observation WHERE domain_uid = :d"
			       " AND year = :y AND party IS :p", e);
		if (!s)
			goto fail;
		store_bind_text(s, ":d", domain_uid);
		store_bind_int(s, ":y", year);
		store_bind_text(s, ":p", party_db[party]);
	} else {
		s = store_stmt(st,
			"INSERT INTO observation (uid, domain_uid, year, party,"
			" text, author, updated_at) VALUES (:u, :d, :y, :p, :t,"
			" :a, :now) ON CONFLICT (uid) DO UPDATE SET"
			" text = excluded.text, author = excluded.author,"
			" updated_at = excluded.updated_at", e);
		if (!s)
			goto fail;
		store_now(now);
		store_bind_text(s, ":u", uid);
		store_bind_text(s, ":d", domain_uid);
		store_bind_int(s, ":y", year);
		store_bind_text(s, ":p", party_db[party]);
		store_bind_text(s, ":t", text);
		store_bind_text(s, ":a", store_author(st));
		store_bind_text(s, ":now", now);
	}
	if (store_exec_stmt(st, s, e) != 0)
		goto fail;
	if (store_commit(st, e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int store_observation_set(struct store *st, const char *domain_uid, int year,
			  const char *text, struct err *e)
{
	return store_observation_set_by(st, domain_uid, year, OBS_UNSAID, text,
					e);
}

void store_observation_list_free(struct observation *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].domain_code);
		free(v[i].domain_name);
		free(v[i].text);
		free(v[i].by[OBS_COMMUNE]);
		free(v[i].by[OBS_METROPOLE]);
		free(v[i].author);
		free(v[i].updated_at);
	}
	free(v);
}

int store_observation_list(struct store *st, const char *contract_uid,
			   int year, const char *today,
			   struct observation **out, size_t *n,
			   struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT d.uid, d.code, a.domain_name, o.text, o.author,"
		" o.updated_at,"
		" (SELECT text FROM observation WHERE domain_uid = d.uid"
		"  AND year = :y AND party = 'commune'),"
		" (SELECT text FROM observation WHERE domain_uid = d.uid"
		"  AND year = :y AND party = 'metropole')"
		" FROM domain d JOIN annex a"
		" ON a.uid = " STORE_ANNEX_IN_FORCE("d.uid")
		" LEFT JOIN observation o ON o.domain_uid = d.uid"
		" AND o.year = :y AND o.party IS NULL"
		" WHERE d.contract_uid = :c ORDER BY d.rowid", e);
	struct date t;
	char date[DATE_ISO_LEN];
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	if (!today || date_parse(today, &t) != 0)
		date_today(&t);
	/* the dashboard's date: today in the current year, else 31/12 */
	if (t.year == year)
		date_format_iso(t, date);
	else
		snprintf(date, sizeof date, "%04d-12-31", year);
	store_bind_text(s, ":c", contract_uid);
	store_bind_int(s, ":y", year);
	store_bind_text(s, ":date", date);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct observation *o;
		const char *u = (const char *)sqlite3_column_text(s, 0);

		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		o = &(*out)[(*n)++];
		memset(o, 0, sizeof *o);
		snprintf(o->domain_uid, sizeof o->domain_uid, "%s", u ? u : "");
		o->domain_code = col_text(s, 1);
		o->domain_name = col_text(s, 2);
		o->text = col_text(s, 3);
		o->author = col_text(s, 4);
		o->updated_at = col_text(s, 5);
		o->by[OBS_UNSAID] = o->text;
		o->by[OBS_COMMUNE] = col_text(s, 6);
		o->by[OBS_METROPOLE] = col_text(s, 7);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les observations", e) != 0) {
		store_observation_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
