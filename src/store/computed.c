#include "store_internal.h"
#include "suivi/store_request.h"
#include "suivi/workdays.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int store_indicator_find(struct store *st, const char *contract_uid,
			 const char *domain_code, const char *code,
			 const char *date, char uid_out[STORE_UID_LEN],
			 struct err *e)
{
	/* The annex in force on :date (STORE_ANNEX_IN_FORCE). */
	sqlite3_stmt *s = store_stmt(st,
		"SELECT i.uid FROM domain d JOIN indicator i ON i.annex_uid ="
		" " STORE_ANNEX_IN_FORCE("d.uid")
		" WHERE d.contract_uid = :c AND d.code = :dom"
		" AND i.code = :code", e);
	int rc;

	uid_out[0] = '\0';
	if (!s)
		return -1;
	store_bind_text(s, ":date", date ? date : "9999-12-31");
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":dom", domain_code);
	store_bind_text(s, ":code", code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		snprintf(uid_out, STORE_UID_LEN, "%s", t ? t : "");
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "chercher l'indicateur", e);
		return -1;
	}
	if (!uid_out[0]) {
		err_set(e, ERR_NOTFOUND, "le domaine « %s » du contrat n'a pas "
			"d'indicateur %s", domain_code, code);
		return -1;
	}
	return 0;
}

/* Columns of the request query below. */
enum {
	COL_NATURE,
	COL_CRITICALITY,
	COL_RECEIVED,
	COL_ACK,
	COL_INTERVENTION,
	COL_RESOLVED,
	COL_ANSWERED,
};

/* Each computation: the date-time a delay runs to (-1: the ratio), and
 * whether only incidents count. */
static const struct {
	int end;
	bool incidents_only;
} rules[COMPUTED_COUNT] = {
	[COMPUTED_ACK_DELAY] = { COL_ACK, false },
	[COMPUTED_RESOLUTION_DELAY] = { COL_RESOLVED, true },
	[COMPUTED_INTERVENTION_DELAY] = { COL_INTERVENTION, false },
	[COMPUTED_RESTORE_DELAY] = { COL_RESOLVED, true },
	[COMPUTED_TREATED_RATIO] = { -1, false },
};

struct indicator_calc {
	enum computed_from from;
	enum value_kind kind;
	char domain_uid[STORE_UID_LEN], contract_uid[STORE_UID_LEN];
};

static int read_indicator(struct store *st, const char *indicator_uid,
			  struct indicator_calc *ic, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT i.computed_from, i.value_kind, a.domain_uid,"
		" d.contract_uid, i.code FROM indicator i"
		" JOIN annex a ON a.uid = i.annex_uid"
		" JOIN domain d ON d.uid = a.domain_uid WHERE i.uid = :i", e);
	char code[64] = "";
	int rc, from = -1, kind = -1;
	bool found = false;

	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *cf = (const char *)sqlite3_column_text(s, 0);
		const char *vk = (const char *)sqlite3_column_text(s, 1);
		const char *c = (const char *)sqlite3_column_text(s, 4);

		found = true;
		from = cf ? vocab_from_db(computed_vocab, COMPUTED_COUNT, cf)
			  : -1;
		kind = vk ? vocab_from_db(value_kind_vocab, VALUE_KIND_COUNT,
					  vk)
			  : -1;
		store_col_uid(ic->domain_uid, s, 2);
		store_col_uid(ic->contract_uid, s, 3);
		snprintf(code, sizeof code, "%s", c ? c : "");
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "lire l'indicateur", e);
		return -1;
	}
	if (!found) {
		err_set(e, ERR_NOTFOUND, "indicateur introuvable");
		return -1;
	}
	if (from < 0) {
		err_set(e, ERR_INPUT, "l'indicateur %s ne se calcule pas "
			"depuis le journal des saisines", code);
		return -1;
	}
	ic->from = (enum computed_from)from;
	ic->kind = (enum value_kind)kind;
	if (ic->from == COMPUTED_TREATED_RATIO ?
		    kind != VALUE_RATIO && kind != VALUE_PERCENT :
		    kind != VALUE_HOURS && kind != VALUE_DAYS) {
		err_set(e, ERR_INPUT, "l'indicateur %s ne peut pas être "
			"calculé avec son type de valeur", code);
		return -1;
	}
	return 0;
}

static bool period_ok(struct period p)
{
	return p.year >= 1900 && p.year <= 2199 && p.month >= 0 &&
	       p.month <= 12 && p.quarter >= 0 && p.quarter <= 4 &&
	       !(p.month && p.quarter);
}

static struct date next_day(struct date d)
{
	if (d.day < date_days_in_month(d.year, d.month)) {
		d.day++;
	} else if (d.month < 12) {
		d.month++;
		d.day = 1;
	} else {
		d.year++;
		d.month = 1;
		d.day = 1;
	}
	return d;
}

static double round2(double x)
{
	return round(x * 100.0) / 100.0;
}

static bool is_null(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL;
}

/* A stored date-time of column i, which store_request_add normalised. */
static int column_at(sqlite3_stmt *s, int i, struct datetime *t,
		     struct err *e)
{
	const char *v = (const char *)sqlite3_column_text(s, i);

	if (v && datetime_parse(v, t) == 0)
		return 0;
	err_set(e, ERR_CORRUPT, "date illisible dans le journal des saisines "
		": « %s »", v ? v : "");
	return -1;
}

int store_computed_value(struct store *st, const char *indicator_uid,
			 struct period p, const char *criticality,
			 struct value *out, bool *found, struct err *e)
{
	struct indicator_calc ic;
	char from[DATE_ISO_LEN], end[DATE_ISO_LEN];
	sqlite3_stmt *s;
	long n = 0, treated = 0;
	double sum = 0;
	int rc, end_col;
	bool incidents_only, by_crit = criticality && *criticality;

	*found = false;
	if (!period_ok(p)) {
		err_set(e, ERR_INPUT, "période invalide");
		return -1;
	}
	if (read_indicator(st, indicator_uid, &ic, e) != 0)
		return -1;
	end_col = rules[ic.from].end;
	incidents_only = rules[ic.from].incidents_only;
	/* received_at is "AAAA-MM-JJTHH:MM": from the first day (a prefix
	 * sorts first) to before the day after the last. */
	date_format_iso(period_first_day(p), from);
	date_format_iso(next_day(period_last_day(p)), end);
	s = store_stmt(st,
		"SELECT nature, criticality, received_at, acknowledged_at,"
		" intervention_at, resolved_at, answered_at FROM request"
		" WHERE contract_uid = :c AND received_at >= :from"
		" AND received_at < :end AND domain_uid = :d"
		" AND cancelled_at IS NULL", e);
	if (!s)
		return -1;
	store_bind_text(s, ":c", ic.contract_uid);
	store_bind_text(s, ":from", from);
	store_bind_text(s, ":end", end);
	store_bind_text(s, ":d", ic.domain_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *nature =
			(const char *)sqlite3_column_text(s, COL_NATURE);
		const char *crit =
			(const char *)sqlite3_column_text(s, COL_CRITICALITY);
		struct datetime received, done;

		if (by_crit && (!crit || strcmp(crit, criticality)))
			continue;
		if (incidents_only && (!nature || strcmp(nature, "incident")))
			continue;
		if (end_col < 0) {
			n++;
			treated += !is_null(s, COL_RESOLVED) ||
				   !is_null(s, COL_ANSWERED);
			continue;
		}
		if (is_null(s, end_col))
			continue;
		if (column_at(s, COL_RECEIVED, &received, e) != 0 ||
		    column_at(s, end_col, &done, e) != 0) {
			sqlite3_reset(s);
			return -1;
		}
		sum += ic.kind == VALUE_DAYS
			       ? datetime_workdays_between(received, done)
			       : datetime_hours_between(received, done);
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "calculer l'indicateur", e);
		return -1;
	}
	if (n == 0)
		return 0;
	memset(out, 0, sizeof *out);
	out->has_num = true;
	if (end_col >= 0) {
		out->num = round2(sum / (double)n);
	} else if (ic.kind == VALUE_PERCENT) {
		out->num = round2(100.0 * (double)treated / (double)n);
	} else {
		out->num = (double)treated;
		out->den = (double)n;
		out->has_den = true;
	}
	*found = true;
	return 0;
}
