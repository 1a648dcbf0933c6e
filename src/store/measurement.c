/*
 * Measurements, their history, targets, the quarterly choice (drafts:
 * draft.c).
 * Each write is one BEGIN IMMEDIATE … COMMIT holding the row and its
 * history row: acknowledged means on disk.
 */
#include "store_internal.h"
#include "suivi/date.h"
#include "suivi/limits.h"
#include "suivi/store_measurement.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* value.c owns struct value; the few lines needed here stay local so the
 * store does not depend on the parser. */
static void val_clear(struct value *v)
{
	free(v->text);
	memset(v, 0, sizeof *v);
}

static void val_read(sqlite3_stmt *s, int i, struct value *v)
{
	memset(v, 0, sizeof *v);
	v->has_num = sqlite3_column_type(s, i) != SQLITE_NULL;
	v->num = v->has_num ? sqlite3_column_double(s, i) : 0;
	v->has_den = sqlite3_column_type(s, i + 1) != SQLITE_NULL;
	v->den = v->has_den ? sqlite3_column_double(s, i + 1) : 0;
	v->text = store_col_dup(s, i + 2);
}

static void val_bind(sqlite3_stmt *s, const struct value *v)
{
	if (v && v->has_num)
		store_bind_double(s, ":num", v->num);
	else
		store_bind_null(s, ":num");
	if (v && v->has_den)
		store_bind_double(s, ":den", v->den);
	else
		store_bind_null(s, ":den");
	store_bind_text(s, ":text", v ? v->text : NULL);
}

static void copy_key(char *out, size_t n, sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	snprintf(out, n, "%s", t ? t : "");
}

void store_measurement_release(struct measurement *m)
{
	if (!m)
		return;
	free(m->criticality);
	val_clear(&m->value);
	free(m->comment);
	free(m->author);
	free(m->updated_at);
	free(m->validated_on);
	memset(m, 0, sizeof *m);
}

void store_measurement_list_free(struct measurement *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_measurement_release(&v[i]);
	free(v);
}

void store_measurement_before_release(struct measurement_before *b)
{
	if (b)
		val_clear(&b->value);
}

#define MEASUREMENT_COLUMNS                                                 \
	"indicator_uid, period, criticality, num, den, text, comment,"      \
	" is_override, author, updated_at,"                                 \
	" (SELECT held_on FROM meeting WHERE uid = validated_meeting_uid)"

static void read_row(sqlite3_stmt *s, struct measurement *m)
{
	memset(m, 0, sizeof *m);
	copy_key(m->indicator_uid, sizeof m->indicator_uid, s, 0);
	copy_key(m->period, sizeof m->period, s, 1);
	m->criticality = store_col_dup(s, 2);
	if (!m->criticality)
		m->criticality = xstrdup("");
	val_read(s, 3, &m->value);
	m->comment = store_col_dup(s, 6);
	m->is_override = sqlite3_column_int(s, 7) != 0;
	m->author = store_col_dup(s, 8);
	m->updated_at = store_col_dup(s, 9);
	m->validated_on = store_col_dup(s, 10);
}

int store_measurements_range(struct store *st, const char *indicator_uid,
			     const char *from, const char *to,
			     struct measurement **out, size_t *n,
			     struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " MEASUREMENT_COLUMNS " FROM measurement"
		" WHERE indicator_uid = :i AND period >= :from AND period < :to"
		" ORDER BY period, criticality", e);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	store_bind_text(s, ":from", from);
	store_bind_text(s, ":to", to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		read_row(s, &(*out)[(*n)++]);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les valeurs", e) != 0) {
		store_measurement_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int store_measurement_get(struct store *st, const char *indicator_uid,
			  const char *period, const char *criticality,
			  struct measurement *out, bool *found,
			  struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " MEASUREMENT_COLUMNS " FROM measurement"
		" WHERE indicator_uid = :i AND period = :p"
		" AND criticality = :c", e);
	int rc;

	*found = false;
	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	store_bind_text(s, ":p", period);
	store_bind_text(s, ":c", criticality ? criticality : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_row(s, out);
		*found = true;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire une valeur", e);
}

/* The uid of the row of a cell, creating it (empty) when asked; "" and 0
 * when it does not exist and create is false. */
static int cell_row(struct store *st, const char *indicator_uid,
		    const char *period, const char *crit, bool create,
		    char uid[STORE_UID_LEN], struct measurement_before *before,
		    struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT uid, num, den, text, is_override FROM measurement"
		" WHERE indicator_uid = :i AND period = :p AND criticality = :c",
		e);
	int rc;
	char now[32];

	uid[0] = '\0';
	if (before)
		memset(before, 0, sizeof *before);
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	store_bind_text(s, ":p", period);
	store_bind_text(s, ":c", crit);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		copy_key(uid, STORE_UID_LEN, s, 0);
		if (before) {
			val_read(s, 1, &before->value);
			before->is_override = sqlite3_column_int(s, 4) != 0;
			before->existed = true;
		}
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire une valeur", e) != 0)
		return -1;
	if (uid[0] || !create)
		return 0;
	s = store_stmt(st,
		"INSERT INTO measurement (uid, indicator_uid, period, criticality,"
		" author, updated_at) VALUES (:u, :i, :p, :c, :a, :t)", e);
	if (!s)
		return -1;
	/* named by its cell: the same cell created on two laptops is one
	 * row once their sync files are exchanged */
	store_uid_stable(uid, "measurement", indicator_uid, period, crit, NULL);
	store_now(now);
	store_bind_text(s, ":u", uid);
	store_bind_text(s, ":i", indicator_uid);
	store_bind_text(s, ":p", period);
	store_bind_text(s, ":c", crit);
	store_bind_text(s, ":a", store_author(st));
	store_bind_text(s, ":t", now);
	return store_exec_stmt(st, s, e);
}

static int history(struct store *st, const char *measurement_uid,
		   const char *action, const struct value *v,
		   const char *comment, const char *reason, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO measurement_history (uid, measurement_uid, action,"
		" num, den, text, comment, reason, author, at) VALUES (:u, :m,"
		" :action, :num, :den, :text, :comment, :r, :a, :t)", e);
	char uid[STORE_UID_LEN], now[32];

	if (!s)
		return -1;
	store_uid_new(uid);
	store_now(now);
	store_bind_text(s, ":u", uid);
	store_bind_text(s, ":m", measurement_uid);
	store_bind_text(s, ":action", action);
	val_bind(s, v);
	store_bind_text(s, ":comment", comment);
	store_bind_text(s, ":r", reason);
	store_bind_text(s, ":a", store_author(st));
	store_bind_text(s, ":t", now);
	return store_exec_stmt(st, s, e);
}

static int write_value(struct store *st, const char *uid,
		       const struct value *v, bool is_override, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE measurement SET num = :num, den = :den, text = :text,"
		" is_override = :o, author = :a, updated_at = :t WHERE uid = :u",
		e);
	char now[32];

	if (!s)
		return -1;
	store_now(now);
	val_bind(s, v);
	store_bind_int(s, ":o", is_override);
	store_bind_text(s, ":a", store_author(st));
	store_bind_text(s, ":t", now);
	store_bind_text(s, ":u", uid);
	return store_exec_stmt(st, s, e);
}

/* One change of a cell in its own transaction. */
static int change(struct store *st, const char *indicator_uid,
		  const char *period, const char *criticality,
		  const char *action, const struct value *v, bool is_override,
		  bool must_exist, const char *reason,
		  struct measurement_before *before, struct err *e)
{
	char uid[STORE_UID_LEN];
	struct measurement_before b;
	const char *crit = criticality ? criticality : "";

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	if (cell_row(st, indicator_uid, period, crit, !must_exist, uid, &b,
		     e) != 0)
		goto fail;
	if (!uid[0]) {
		err_set(e, ERR_NOTFOUND, "cette case n'a pas de valeur");
		goto fail;
	}
	if (write_value(st, uid, v, is_override, e) != 0 ||
	    history(st, uid, action, v, NULL, reason, e) != 0 ||
	    store_commit(st, e) != 0)
		goto fail;
	if (before)
		*before = b;
	else
		val_clear(&b.value);
	return 0;
fail:
	val_clear(&b.value);
	store_rollback(st);
	return -1;
}

/* The span of an indicator's version: in force from, until the next
 * version of its domain ("" when none, exclusive), whether it is the
 * domain's first, and the indicator's code. ERR_NOTFOUND for an unknown
 * indicator. */
struct version_span {
	char from[DATE_ISO_LEN], until[DATE_ISO_LEN], code[64];
	bool first;
};

static int version_span(struct store *st, const char *indicator_uid,
			struct version_span *v, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT a.in_force_from, (SELECT min(a3.in_force_from)"
		"  FROM annex a3 WHERE a3.domain_uid = a.domain_uid"
		"  AND a3.in_force_from > a.in_force_from),"
		" NOT EXISTS (SELECT 1 FROM annex a4"
		"  WHERE a4.domain_uid = a.domain_uid"
		"  AND a4.in_force_from < a.in_force_from), i.code"
		" FROM indicator i JOIN annex a ON a.uid = i.annex_uid"
		" WHERE i.uid = :i", e);
	bool found = false;
	int rc;

	memset(v, 0, sizeof *v);
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *c0 = (const char *)sqlite3_column_text(s, 0);
		const char *c1 = (const char *)sqlite3_column_text(s, 1);
		const char *c3 = (const char *)sqlite3_column_text(s, 3);

		found = true;
		snprintf(v->from, sizeof v->from, "%s", c0 ? c0 : "");
		snprintf(v->until, sizeof v->until, "%s", c1 ? c1 : "");
		v->first = sqlite3_column_int(s, 2) != 0;
		snprintf(v->code, sizeof v->code, "%s", c3 ? c3 : "");
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire la version de l'indicateur", e) != 0)
		return -1;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "indicateur introuvable");
		return -1;
	}
	return 0;
}

/* "en vigueur du 01/01/2020 au 01/07/2021 (exclu)", or "en vigueur à
 * partir du 01/07/2021, jamais avant", for messages. */
static void span_words(const struct version_span *v, char *buf, size_t n)
{
	char f[DATE_ISO_LEN], u[DATE_ISO_LEN];

	date_iso_fr(v->from, f);
	date_iso_fr(v->until, u);
	if (v->until[0])
		snprintf(buf, n, "en vigueur du %s au %s (exclu)", f, u);
	else
		snprintf(buf, n, "en vigueur à partir du %s, jamais avant", f);
}

/* A value belongs to the version of its indicator that covers its
 * period, as the grid decides (dashboard.c): the annex in force on the
 * period's first day or, before the domain's first version, the one
 * beginning within the period. Anything else is refused, naming the
 * dates: an annex never applies before its date. */
static int period_covered(struct store *st, const char *indicator_uid,
			  const char *period, struct err *e)
{
	struct version_span v;
	struct period p;
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN], label[64], span[128];

	if (period_parse(period, &p) != 0) {
		err_set(e, ERR_INPUT, "période « %s » invalide", period);
		return -1;
	}
	if (version_span(st, indicator_uid, &v, e) != 0)
		return -1;
	date_format_iso(period_first_day(p), first);
	date_format_iso(period_last_day(p), last);
	if (strcmp(v.from, first) <= 0 ? !v.until[0] || strcmp(v.until, first) > 0
	    : v.first && strcmp(v.from, last) <= 0 &&
	      (!v.until[0] || strcmp(v.until, last) > 0))
		return 0;
	period_label(p, label, sizeof label);
	span_words(&v, span, sizeof span);
	err_set(e, ERR_INPUT, "%s : %s n'est pas dans la version de l'annexe "
		"de cet indicateur, %s", v.code, label, span);
	return -1;
}

int store_measurement_change(struct store *st, const char *indicator_uid,
			     const char *period, const char *criticality,
			     const struct value *v, bool is_override,
			     const char *reason, struct measurement_before *before,
			     struct err *e)
{
	char *why = store_clean_text(reason);
	int rc = -1;

	err_clear(e);
	if (text_check(TEXT_LONG, "raison", why, e) != 0)
		goto out;
	if (v) {
		if (text_check(TEXT_VALUE, "valeur", v->text, e) != 0 ||
		    period_covered(st, indicator_uid, period, e) != 0)
			goto out;
		rc = change(st, indicator_uid, period, criticality, "set", v,
			    is_override, false, why, before, e);
	} else {
		struct measurement m;
		bool found;

		if (store_measurement_get(st, indicator_uid, period,
					  criticality, &m, &found, e) != 0)
			goto out;
		if (!found || (!m.value.has_num && !m.value.has_den &&
			       !m.value.text)) {
			store_measurement_release(&m);
			err_set(e, ERR_NOTFOUND, "cette case n'a pas de valeur à "
				"effacer");
			goto out;
		}
		store_measurement_release(&m);
		rc = change(st, indicator_uid, period, criticality, "clear",
			    NULL, false, true, why, before, e);
	}
out:
	free(why);
	return rc;
}

int store_measurement_set(struct store *st, const char *indicator_uid,
			  const char *period, const char *criticality,
			  const struct value *v, bool is_override,
			  struct measurement_before *before, struct err *e)
{
	return store_measurement_change(st, indicator_uid, period, criticality,
					v, is_override, NULL, before, e);
}

int store_measurement_clear(struct store *st, const char *indicator_uid,
			    const char *period, const char *criticality,
			    struct measurement_before *before, struct err *e)
{
	return store_measurement_change(st, indicator_uid, period, criticality,
					NULL, false, NULL, before, e);
}

int store_measurement_restore(struct store *st, const char *indicator_uid,
			      const char *period, const char *criticality,
			      const struct measurement_before *before,
			      struct err *e)
{
	return change(st, indicator_uid, period, criticality, "undo",
		      &before->value, before->is_override, false, NULL, NULL,
		      e);
}

int store_measurement_comment(struct store *st, const char *indicator_uid,
			      const char *period, const char *criticality,
			      const char *comment, struct err *e)
{
	char uid[STORE_UID_LEN], now[32];
	const char *crit = criticality ? criticality : "";
	sqlite3_stmt *s;

	if (comment && !*comment)
		comment = NULL;
	err_clear(e);
	if (text_check(TEXT_LONG, "commentaire", comment, e) != 0)
		return -1;
	if (store_begin(st, e) != 0)
		return -1;
	if (cell_row(st, indicator_uid, period, crit, true, uid, NULL, e) != 0)
		goto fail;
	s = store_stmt(st, "UPDATE measurement SET comment = :comment,"
			   " author = :a, updated_at = :t WHERE uid = :u", e);
	if (!s)
		goto fail;
	store_now(now);
	store_bind_text(s, ":comment", comment);
	store_bind_text(s, ":a", store_author(st));
	store_bind_text(s, ":t", now);
	store_bind_text(s, ":u", uid);
	if (store_exec_stmt(st, s, e) != 0 ||
	    history(st, uid, "comment", NULL, comment, NULL, e) != 0 ||
	    store_commit(st, e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int store_measurement_history(struct store *st, const char *indicator_uid,
			      const char *period, const char *criticality,
			      struct measurement_event **out, size_t *n,
			      struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT h.action, h.num, h.den, h.text, h.comment, h.reason,"
		" h.author, h.at FROM measurement_history h JOIN measurement m"
		" ON m.uid = h.measurement_uid WHERE m.indicator_uid = :i"
		" AND m.period = :p AND m.criticality = :c"
		" ORDER BY h.rowid", e);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	store_bind_text(s, ":p", period);
	store_bind_text(s, ":c", criticality ? criticality : "");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct measurement_event *ev;

		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		ev = &(*out)[(*n)++];
		memset(ev, 0, sizeof *ev);
		ev->action = store_col_dup(s, 0);
		val_read(s, 1, &ev->value);
		ev->comment = store_col_dup(s, 4);
		ev->reason = store_col_dup(s, 5);
		ev->author = store_col_dup(s, 6);
		ev->at = store_col_dup(s, 7);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire l'historique", e) != 0) {
		store_measurement_history_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void store_measurement_history_free(struct measurement_event *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].action);
		val_clear(&v[i].value);
		free(v[i].comment);
		free(v[i].reason);
		free(v[i].author);
		free(v[i].at);
	}
	free(v);
}

/* ------------------------------------------------------------------ */
/* Targets                                                             */

/* A target is for a year the indicator's version is in force in (some
 * of it): never for a year before the version, nor after the next one
 * began. ERR_INPUT naming the dates otherwise. */
static int year_covered(struct store *st, const char *indicator_uid, int year,
			struct err *e)
{
	struct version_span v;
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN], span[128];

	if (version_span(st, indicator_uid, &v, e) != 0)
		return -1;
	snprintf(first, sizeof first, "%04d-01-01", year);
	snprintf(last, sizeof last, "%04d-12-31", year);
	if (strcmp(v.from, last) <= 0 &&
	    (!v.until[0] || strcmp(v.until, first) > 0))
		return 0;
	span_words(&v, span, sizeof span);
	err_set(e, ERR_INPUT, "%s : pas de cible pour %d, hors de la version de "
		"l'annexe de cet indicateur, %s", v.code, year, span);
	return -1;
}

int store_target_set(struct store *st, const char *indicator_uid, int year,
		     const char *criticality, const struct value *target,
		     int better, struct err *e)
{
	sqlite3_stmt *s;
	char uid[STORE_UID_LEN], now[32];
	bool empty = !target || (!target->has_num && !target->has_den &&
				 !target->text);

	err_clear(e);
	if (value_not_applicable(target)) {
		err_set(e, ERR_INPUT, "une cible ne peut pas être « sans objet » "
			"(c'est une période qui peut l'être ; pour ne pas fixer "
			"de cible, effacez-la)");
		return -1;
	}
	if (!empty && text_check(TEXT_VALUE, "cible", target->text, e) != 0)
		return -1;
	if (!empty && year_covered(st, indicator_uid, year, e) != 0)
		return -1;
	if (store_begin(st, e) != 0)
		return -1;
	if (empty) {
		s = store_stmt(st, "DELETE FROM target WHERE indicator_uid = :i"
				   " AND year = :y AND criticality = :c", e);
	} else {
		s = store_stmt(st,
			"INSERT INTO target (uid, indicator_uid, year, criticality,"
			" num, den, text, better, author, updated_at) VALUES (:u,"
			" :i, :y, :c, :num, :den, :text, :b, :a, :t)"
			" ON CONFLICT (indicator_uid, year, criticality) DO UPDATE"
			" SET num = excluded.num, den = excluded.den,"
			" text = excluded.text, better = excluded.better,"
			" author = excluded.author, updated_at = excluded.updated_at",
			e);
	}
	if (!s)
		goto fail;
	store_bind_text(s, ":i", indicator_uid);
	store_bind_int(s, ":y", year);
	store_bind_text(s, ":c", criticality ? criticality : "");
	if (!empty) {
		char y[24];

		snprintf(y, sizeof y, "%d", year);
		store_uid_stable(uid, "target", indicator_uid, y,
				 criticality ? criticality : "", NULL);
		store_now(now);
		store_bind_text(s, ":u", uid);
		val_bind(s, target);
		store_bind_text(s, ":b", better >= 0 && better < BETTER_COUNT
					  ? better_vocab[better].db : NULL);
		store_bind_text(s, ":a", store_author(st));
		store_bind_text(s, ":t", now);
	}
	if (store_exec_stmt(st, s, e) != 0 || store_commit(st, e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int store_target_value(struct store *st, const char *indicator_uid,
		       int year, const char *criticality, struct value *out,
		       int *better, bool *found, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT num, den, text, better FROM target WHERE"
		" indicator_uid = :i AND year = :y AND criticality = :c", e);
	int rc;

	*found = false;
	*better = -1;
	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	store_bind_int(s, ":y", year);
	store_bind_text(s, ":c", criticality ? criticality : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *b = (const char *)sqlite3_column_text(s, 3);

		val_read(s, 0, out);
		*better = b ? vocab_from_db(better_vocab, BETTER_COUNT, b) : -1;
		*found = true;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire la cible", e);
}

/* ------------------------------------------------------------------ */
/* Quarterly choice                                                    */

int store_indicator_quarterly(struct store *st, const char *indicator_uid,
			      bool *quarterly, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT quarterly FROM indicator_choice WHERE indicator_uid = :i",
		e);
	int rc;

	*quarterly = false;
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*quarterly = sqlite3_column_int(s, 0) != 0;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire le choix de périodicité", e);
}

int store_indicator_set_quarterly(struct store *st, const char *indicator_uid,
				  bool quarterly, struct err *e)
{
	sqlite3_stmt *s;
	char now[32];

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	s = store_stmt(st,
		"INSERT INTO indicator_choice (indicator_uid, quarterly, author,"
		" updated_at) VALUES (:i, :q, :a, :t) ON CONFLICT (indicator_uid)"
		" DO UPDATE SET quarterly = excluded.quarterly,"
		" author = excluded.author, updated_at = excluded.updated_at", e);
	if (!s)
		goto fail;
	store_now(now);
	store_bind_text(s, ":i", indicator_uid);
	store_bind_int(s, ":q", quarterly);
	store_bind_text(s, ":a", store_author(st));
	store_bind_text(s, ":t", now);
	if (store_exec_stmt(st, s, e) != 0 || store_commit(st, e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

/* ------------------------------------------------------------------ */
/* Indicators by code                                                  */

/* Why an indicator is not found on date: not in the contract at all,
 * or in an annex not in force on that date (the dates it is in force
 * from). ERR_NOTFOUND either way; -1. */
static int not_in_force(struct store *st, const char *contract_uid,
			const char *code, const char *date, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT min(a.in_force_from) FROM domain d"
		" JOIN annex a ON a.domain_uid = d.uid"
		" JOIN indicator i ON i.annex_uid = a.uid"
		" WHERE d.contract_uid = :c AND (i.code = :code"
		"  OR d.code || '/' || i.code = :code)", e);
	char first[DATE_ISO_LEN] = "";
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":code", code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		snprintf(first, sizeof first, "%s", t ? t : "");
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "chercher l'indicateur", e) != 0)
		return -1;
	if (!first[0]) {
		err_set(e, ERR_NOTFOUND, "aucun indicateur « %s » dans ce contrat",
			code);
	} else {
		char on[DATE_ISO_LEN], from[DATE_ISO_LEN];

		date_iso_fr(date, on);
		date_iso_fr(first, from);
		if (strcmp(first, date) <= 0)
			err_set(e, ERR_NOTFOUND, "l'indicateur « %s » n'est plus "
				"dans l'annexe en vigueur le %s (un avenant l'a "
				"retiré)", code, on);
		else
			err_set(e, ERR_NOTFOUND, "l'indicateur « %s » n'est dans "
				"aucune annexe en vigueur le %s : son annexe l'est "
				"à partir du %s, jamais avant", code, on, from);
	}
	return -1;
}

int store_indicator_by_code(struct store *st, const char *contract_uid,
			    const char *code, const char *date,
			    char uid[STORE_UID_LEN], struct err *e)
{
	/* An indicator's code is digits and dots, a domain's has no "/"
	 * (suivi-contrat(5)): "nsi/3.3.2" can only be that domain's, and
	 * the domain's key finds it without looking at the others (the
	 * view across communes asks every contract). */
	const char *slash = strchr(code, '/');
	char dom[64];
	bool by_domain = slash && (size_t)(slash - code) < sizeof dom;
	sqlite3_stmt *s = by_domain
		? store_stmt(st,
		"SELECT i.uid, d.code FROM domain d JOIN annex a ON a.uid ="
		" " STORE_ANNEX_IN_FORCE("d.uid")
		" JOIN indicator i ON i.annex_uid = a.uid"
		" WHERE d.contract_uid = :c AND d.code = :dom"
		" AND i.code = :icode", e)
		: store_stmt(st,
		"SELECT i.uid, d.code FROM domain d JOIN annex a ON a.uid ="
		" " STORE_ANNEX_IN_FORCE("d.uid")
		" JOIN indicator i ON i.annex_uid = a.uid"
		" WHERE d.contract_uid = :c AND (i.code = :code"
		"  OR d.code || '/' || i.code = :code)", e);
	int rc, hits = 0;

	uid[0] = '\0';
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	if (by_domain) {
		snprintf(dom, sizeof dom, "%.*s", (int)(slash - code), code);
		store_bind_text(s, ":dom", dom);
		store_bind_text(s, ":icode", slash + 1);
	} else {
		store_bind_text(s, ":code", code);
	}
	store_bind_text(s, ":date", date);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!hits++)
			copy_key(uid, STORE_UID_LEN, s, 0);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "chercher l'indicateur", e) != 0)
		return -1;
	if (!hits)
		return not_in_force(st, contract_uid, code, date, e);
	if (hits > 1) {
		uid[0] = '\0';
		err_set(e, ERR_INPUT, "« %s » désigne plusieurs indicateurs : "
			"précisez le domaine (par exemple nsi/%s)", code, code);
		return -1;
	}
	return 0;
}

int store_measurement_rows(struct store *st, const char *contract_uid,
			   int year, measurement_row_fn fn, void *ctx,
			   struct err *e)
{
	/* Driven from the contracts down to each indicator's values by the
	 * (indicator, period) key: the cost is the commune-year's, not the
	 * file's (a scan of every value took 40 ms on ten years of 28
	 * communes, this takes 5). */
#define ROWS_SELECT                                                         \
	"SELECT co.name, co.insee, c.identifier, d.code, i.code, i.label,"  \
	" m.criticality, m.period, i.unit, m.comment, m.author,"            \
	" m.updated_at, i.value_kind, ifnull(i.scale_min, 0),"              \
	" ifnull(i.scale_max, 0), m.num, m.den, m.text, m.is_override"      \
	" FROM contract c JOIN commune co ON co.uid = c.commune_uid"        \
	" JOIN domain d ON d.contract_uid = c.uid"                          \
	" JOIN annex a ON a.domain_uid = d.uid"                             \
	" JOIN indicator i ON i.annex_uid = a.uid"                          \
	" JOIN measurement m ON m.indicator_uid = i.uid"                    \
	" AND m.period >= :from AND m.period < :to"                         \
	" WHERE (m.num IS NOT NULL OR m.den IS NOT NULL"                    \
	" OR m.text IS NOT NULL OR m.comment IS NOT NULL)"
#define ROWS_ORDER                                                          \
	" ORDER BY co.name, c.identifier, d.rowid, i.position, m.period,"   \
	" m.criticality"
	sqlite3_stmt *s = contract_uid
		? store_stmt(st, ROWS_SELECT " AND c.uid = :c" ROWS_ORDER, e)
		: store_stmt(st, ROWS_SELECT ROWS_ORDER, e);
	char from[16], to[16];
	int rc, stop = 0;

	if (!s)
		return -1;
	snprintf(from, sizeof from, "%d", year);
	snprintf(to, sizeof to, "%d", year + 1);
	if (contract_uid)
		store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":from", from);
	store_bind_text(s, ":to", to);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct measurement_row r;
		const char *kind = (const char *)sqlite3_column_text(s, 12);
		int k = kind ? vocab_from_db(value_kind_vocab, VALUE_KIND_COUNT,
					     kind) : -1;

		memset(&r, 0, sizeof r);
		r.commune = (const char *)sqlite3_column_text(s, 0);
		r.insee = (const char *)sqlite3_column_text(s, 1);
		r.contract = (const char *)sqlite3_column_text(s, 2);
		r.domain_code = (const char *)sqlite3_column_text(s, 3);
		r.code = (const char *)sqlite3_column_text(s, 4);
		r.label = (const char *)sqlite3_column_text(s, 5);
		r.criticality = (const char *)sqlite3_column_text(s, 6);
		r.period = (const char *)sqlite3_column_text(s, 7);
		r.unit = (const char *)sqlite3_column_text(s, 8);
		r.comment = (const char *)sqlite3_column_text(s, 9);
		r.author = (const char *)sqlite3_column_text(s, 10);
		r.updated_at = (const char *)sqlite3_column_text(s, 11);
		r.kind = k >= 0 ? (enum value_kind)k : VALUE_TEXT;
		r.scale_min = sqlite3_column_int(s, 13);
		r.scale_max = sqlite3_column_int(s, 14);
		/* text columns first: a later sqlite3_column_text on a
		 * number column would not move them, but keep one order */
		val_read(s, 15, &r.value);
		r.is_override = sqlite3_column_int(s, 18) != 0;
		stop = fn(&r, ctx);
		val_clear(&r.value);
	}
	sqlite3_reset(s);
	if (stop)
		return stop;
	return store_done(st, rc, "lire les valeurs", e);
}
