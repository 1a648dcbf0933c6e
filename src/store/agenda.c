/*
 * The agenda of a meeting (include/suivi/store_meeting.h): what its
 * window's data says, through the store API (annexes in force, values,
 * targets, computed values, disputes, actions), judged with the grid's
 * rules (value_status). SQL of its own reads only what the window needs
 * on a database of ten years: the window, the requests received in it or
 * still open at its start, the uids of the disputes open on the
 * meeting's date.
 */
#include "store_internal.h"
#include "suivi/store_sync.h"
#include "suivi/contract.h"
#include "suivi/request.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/store_request.h"
#include "suivi/strbuf.h"
#include "suivi/workdays.h"
#include "suivi/date.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *const agenda_kind_heading[AGENDA_KIND_COUNT] = {
	[AGENDA_LAUNCH] = "Réunion de lancement",
	[AGENDA_MISSING] = "Valeurs attendues et manquantes",
	[AGENDA_MISSED] = "Valeurs qui manquent leur cible",
	[AGENDA_DISAGREE] = "Valeurs saisies que le calcul ne donne pas",
	[AGENDA_VALUE] = "Autres valeurs examinées",
	[AGENDA_REQUESTS] = "Saisines",
	[AGENDA_REQUEST_LATE] = "Saisines en retard",
	[AGENDA_DISPUTE] = "Litiges ouverts",
	[AGENDA_ACTION] = "Plan d'actions en cours",
	[AGENDA_SYNC_CONFLICT] = "Conflits de synchronisation à examiner",
};

void store_agenda_free(struct agenda_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].criticality);
		free(v[i].code);
		free(v[i].periods_text);
		free(v[i].value_text);
		free(v[i].target_text);
	}
	free(v);
}

struct list {
	struct agenda_item *v;
	size_t n, cap;
};

static struct agenda_item *push(struct list *l, enum agenda_kind kind,
				char *text)
{
	struct agenda_item *it;

	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->text = text;
	return it;
}


/* ------------------------------------------------------------------ */
/* The window                                                          */

struct window {
	char meeting_uid[STORE_UID_LEN];
	char contract_uid[STORE_UID_LEN];
	bool is_launch;			/* the meeting is a launch meeting */
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct date dfrom, dto;
};

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

static int window_of(struct store *st, const char *meeting_uid,
		     struct window *w, struct err *e)
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
	struct window w;

	if (window_of(st, meeting_uid, &w, e) != 0)
		return -1;
	snprintf(from, DATE_ISO_LEN, "%s", w.from);
	snprintf(to, DATE_ISO_LEN, "%s", w.to);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

/* The criticalities of an indicator, "" alone when it is not split (as
 * the grid splits them). */
static size_t split(const char *list, char ***out)
{
	size_t n = 0;
	char *copy, *save = NULL;

	*out = NULL;
	if (!list || !*list) {
		*out = xmalloc(sizeof **out);
		(*out)[n++] = xstrdup("");
		return n;
	}
	copy = xstrdup(list);
	for (char *t = strtok_r(copy, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		for (size_t k = strlen(t); k > 0 && t[k - 1] == ' '; k--)
			t[k - 1] = '\0';
		if (!*t)
			continue;
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n++] = xstrdup(t);
	}
	free(copy);
	return n;
}

/* A value typed for a computed indicator that the log, as it stands,
 * does not give (compared as shown, like the grid's « ! »). */
static int check_computed(struct store *st, const char *uid,
			  const char *domain_code, const struct indicator *ind,
			  const char *crit, struct period p,
			  const struct value_spec *spec,
			  const struct value *typed, struct list *disagree,
			  struct err *e)
{
	struct value computed = { 0 };
	bool found = false;
	char a[128], b[128], label[64], key[PERIOD_KEY_LEN];
	struct agenda_item *it;

	if (store_computed_value(st, uid, p, crit, &computed, &found, e) != 0)
		return -1;
	if (!found) {
		value_release(&computed);
		return 0;
	}
	value_format(spec, typed, false, a, sizeof a);
	value_format(spec, &computed, false, b, sizeof b);
	if (!strcmp(a, b)) {
		value_release(&computed);
		return 0;
	}
	value_format(spec, typed, true, a, sizeof a);
	value_format(spec, &computed, true, b, sizeof b);
	value_release(&computed);
	period_label(p, label, sizeof label);
	period_key(p, key);
	it = push(disagree, AGENDA_DISAGREE, xasprintf(
		"%s%s%s%s %s — %s : saisie %s, le journal des saisines donne %s",
		ind->code, *crit ? " [" : "", crit, *crit ? "]" : "",
		ind->label, label, a, b));
	it->value_text = xstrdup(a);
	it->target_text = xstrdup(b);
	snprintf(it->indicator_uid, sizeof it->indicator_uid, "%s", uid);
	snprintf(it->period, sizeof it->period, "%s", key);
	it->criticality = xstrdup(crit);
	it->code = xasprintf("%s/%s", domain_code, ind->code);
	return 0;
}

/* One cell: a value missing its target, or any other value, goes on its
 * list; a missing one is only said (*missing), for the caller to group
 * per indicator. */
static int judge_cell(struct store *st, const char *uid,
		      const char *domain_code, const struct indicator *ind,
		      const char *crit, struct period p, struct list *missed,
		      struct list *disagree, struct list *reviewed,
		      bool *missing, struct err *e)
{
	struct value_spec spec = { ind->value_kind, ind->scale_min,
				   ind->scale_max, ind->unit };
	char key[PERIOD_KEY_LEN], label[64];
	struct measurement m;
	struct value value = { 0 }, target = { 0 };
	bool found, has_target = false, entered = false;
	int target_better, ret = -1;
	enum value_status status;
	enum better better;

	*missing = false;
	if (!*uid)
		return 0;	/* not applicable in that version */
	period_key(p, key);
	if (store_measurement_get(st, uid, key, crit, &m, &found, e) != 0)
		return -1;
	if (found && !value_empty(&m.value)) {
		value_copy(&value, &m.value);
		entered = true;
	}
	if (found)
		store_measurement_release(&m);
	if (!entered && ind->computed_from >= 0 &&
	    store_computed_value(st, uid, p, crit, &value, &found, e) != 0)
		goto out;
	if (entered && ind->computed_from >= 0 &&
	    check_computed(st, uid, domain_code, ind, crit, p, &spec, &value,
			   disagree, e) != 0)
		goto out;
	if (store_target_value(st, uid, p.year, crit, &target, &target_better,
			       &has_target, e) != 0)
		goto out;
	has_target = has_target && !value_empty(&target);
	better = target_better >= 0 ? (enum better)target_better : ind->better;
	status = value_status(&spec, better, &value,
			      has_target ? &target : NULL, true);
	if (status == STATUS_MISSING) {
		*missing = true;
	} else if (status != STATUS_NOT_DUE) {
		struct agenda_item *it;
		char v[128] = "", t[128] = "";
		const char *open = *crit ? " [" : "", *close = *crit ? "]" : "";

		period_label(p, label, sizeof label);
		if (status == STATUS_MISSED) {
			value_format(&spec, &value, true, v, sizeof v);
			value_format(&spec, &target, true, t, sizeof t);
			it = push(missed, AGENDA_MISSED, xasprintf(
				"%s%s%s%s %s — %s : %s pour une cible de %s",
				ind->code, open, crit, close, ind->label,
				label, v, t));
			it->value_text = xstrdup(v);
			it->target_text = xstrdup(t);
		} else {
			value_format(&spec, &value, true, v, sizeof v);
			if (has_target)
				value_format(&spec, &target, true, t, sizeof t);
			it = push(reviewed, AGENDA_VALUE, has_target
				? xasprintf("%s%s%s%s %s — %s : %s (cible %s%s)",
					    ind->code, open, crit, close,
					    ind->label, label, v, t,
					    status == STATUS_MET ? ", atteinte"
								 : "")
				: xasprintf("%s%s%s%s %s — %s : %s%s",
					    ind->code, open, crit, close,
					    ind->label, label, v,
					    entered ? "" : " (calculée)"));
			it->value_text = xstrdup(v);
			if (has_target)
				it->target_text = xstrdup(t);
		}
		snprintf(it->indicator_uid, sizeof it->indicator_uid, "%s", uid);
		snprintf(it->period, sizeof it->period, "%s", key);
		it->criticality = xstrdup(crit);
		it->code = xasprintf("%s/%s", domain_code, ind->code);
	}
	ret = 0;
out:
	value_release(&value);
	value_release(&target);
	return ret;
}

/* "11 mois manquants", "1 trimestre manquant", "2 années manquantes". */
static void count_words(size_t n, struct period p, char *buf, size_t len)
{
	const char *s = n > 1 ? "s" : "";

	if (p.month)
		snprintf(buf, len, "%zu mois manquant%s", n, s);
	else if (p.quarter)
		snprintf(buf, len, "%zu trimestre%s manquant%s", n, s, s);
	else
		snprintf(buf, len, "%zu année%s manquante%s", n, s, s);
}

/* The missing periods of one indicator (and criticality) as one line:
 * "2.1.1 Charge consacrée aux projets : 11 mois manquants, mars 2017 –
 * janv. 2018". It leads to the first of them (in its version). */
static void push_missing(struct list *l, const char *domain_code,
			 const struct indicator *ind, const char *crit,
			 const struct period *ps, size_t n,
			 const char first_uid[STORE_UID_LEN])
{
	const char *open = *crit ? " [" : "", *close = *crit ? "]" : "";
	struct agenda_item *it;
	char words[64];

	count_words(n, ps[0], words, sizeof words);
	it = push(l, AGENDA_MISSING, NULL);
	it->periods_text = period_ranges(ps, n);
	it->n_periods = n;
	it->text = xasprintf("%s%s%s%s %s : %s, %s", ind->code, open, crit,
			     close, ind->label, words, it->periods_text);
	snprintf(it->indicator_uid, sizeof it->indicator_uid, "%s", first_uid);
	period_key(ps[0], it->period);
	it->criticality = xstrdup(crit);
	it->code = xasprintf("%s/%s", domain_code, ind->code);
}

/* The uid of the indicator in the annex version in force on p's first
 * day, "" when that version has no such indicator. */
static int uid_on(struct store *st, const struct window *w,
		  const char *domain_code, const char *code, struct period p,
		  char uid[STORE_UID_LEN], struct err *e)
{
	char first[DATE_ISO_LEN];

	date_format_iso(period_first_day(p), first);
	if (store_indicator_find(st, w->contract_uid, domain_code, code,
				 first, uid, e) == 0)
		return 0;
	uid[0] = '\0';
	if (e->code != ERR_NOTFOUND)
		return -1;
	err_clear(e);
	return 0;
}

/* The periods of periodicity per ended in the window, and the uid of
 * the indicator for each. The version in force only moves forward with
 * the date: when the first and the last period see the same one, every
 * period between does, and two look-ups serve them all (instead of one
 * per period and criticality). */
static int window_periods(struct store *st, const struct window *w,
			  const char *domain_code, const char *code,
			  enum periodicity per, struct period **ps,
			  char (**uids)[STORE_UID_LEN], size_t *n,
			  struct err *e)
{
	size_t cap_p = 0, cap_u = 0;

	*ps = NULL;
	*uids = NULL;
	*n = 0;
	for (struct period p = period_containing(per, w->dfrom);
	     date_cmp(period_last_day(p), w->dto) < 0; p = period_next(p)) {
		if (date_cmp(period_last_day(p), w->dfrom) < 0)
			continue;
		*ps = xgrow(*ps, &cap_p, *n + 1, sizeof **ps);
		*uids = xgrow(*uids, &cap_u, *n + 1, sizeof **uids);
		(*ps)[(*n)++] = p;
	}
	if (!*n)
		return 0;
	if (uid_on(st, w, domain_code, code, (*ps)[0], (*uids)[0], e) != 0 ||
	    (*n > 1 && uid_on(st, w, domain_code, code, (*ps)[*n - 1],
			      (*uids)[*n - 1], e) != 0))
		return -1;
	for (size_t i = 1; i + 1 < *n; i++) {
		if ((*uids)[0][0] && !strcmp((*uids)[0], (*uids)[*n - 1]))
			memcpy((*uids)[i], (*uids)[0], STORE_UID_LEN);
		else if (uid_on(st, w, domain_code, code, (*ps)[i],
				(*uids)[i], e) != 0)
			return -1;
	}
	return 0;
}

/* The cells of the window's ended periods, per indicator in force on
 * the meeting's date: the missing ones grouped per indicator and
 * criticality, then those missing their target, then the others. */
static int values(struct store *st, const struct window *w,
		  struct list *missing, struct list *missed,
		  struct list *disagree, struct list *reviewed, struct err *e)
{
	struct annex_info *ann = NULL;
	size_t n_ann = 0;
	int ret = -1;

	if (store_annexes_in_force(st, w->contract_uid, w->to, &ann, &n_ann,
				   e) != 0)
		return -1;
	for (size_t a = 0; a < n_ann; a++) {
		struct annex *x = NULL;

		if (store_annex_load(st, ann[a].uid, &x, e) != 0)
			goto out;
		for (size_t k = 0; k < x->n_indicators; k++) {
			const struct indicator *ind = &x->indicators[k];
			enum periodicity per = ind->periodicity;
			struct period *ps, *gone;
			char (*pu)[STORE_UID_LEN];
			char first[STORE_UID_LEN];
			char **crits;
			size_t nc, np;
			int rc = 0;

			if (!ind->uid)
				continue;
			if (per == PERIOD_MONTHLY_OR_QUARTERLY) {
				bool q = false;

				if (store_indicator_quarterly(st, ind->uid, &q,
							      e) != 0) {
					annex_free(x);
					goto out;
				}
				per = q ? PERIOD_QUARTERLY : PERIOD_MONTHLY;
			}
			if (window_periods(st, w, ann[a].domain_code,
					   ind->code, per, &ps, &pu, &np,
					   e) != 0) {
				free(ps);
				free(pu);
				annex_free(x);
				goto out;
			}
			gone = xcalloc(np ? np : 1, sizeof *gone);
			nc = split(ind->criticalities, &crits);
			for (size_t c = 0; c < nc; c++) {
				size_t n_gone = 0;

				for (size_t i = 0; rc == 0 && i < np; i++) {
					bool is_missing = false;

					rc = judge_cell(st, pu[i],
							ann[a].domain_code,
							ind, crits[c], ps[i],
							missed, disagree,
							reviewed, &is_missing,
							e);
					if (rc == 0 && is_missing) {
						if (!n_gone)
							memcpy(first, pu[i],
							       sizeof first);
						gone[n_gone++] = ps[i];
					}
				}
				if (rc == 0 && n_gone)
					push_missing(missing, ann[a].domain_code,
						     ind, crits[c], gone, n_gone,
						     first);
				free(crits[c]);
			}
			free(crits);
			free(gone);
			free(ps);
			free(pu);
			if (rc != 0) {
				annex_free(x);
				goto out;
			}
		}
		annex_free(x);
	}
	ret = 0;
out:
	store_annex_list_free(ann, n_ann);
	return ret;
}

/* ------------------------------------------------------------------ */
/* The launch meeting                                                  */

/* Article 5: a launch meeting shares the contract's aims and ways of
 * working with the parties. Until one is held (closed) on or before the
 * meeting's date, every other meeting's agenda says so, with the one
 * planned if any (its uid as the reference). */
static int launch(struct store *st, const struct window *w, struct list *l,
		  struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT uid, held_on, status"
				     " FROM meeting WHERE contract_uid = :c"
				     " AND kind = 'launch'"
				     " AND status <> 'cancelled'"
				     " ORDER BY held_on, uid", e);
	char planned_uid[STORE_UID_LEN] = "", planned_on[DATE_ISO_LEN] = "";
	bool held = false;
	struct agenda_item *it;
	int rc;

	if (!s)
		return -1;
	if (w->is_launch)
		return 0;
	store_bind_text(s, ":c", w->contract_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(s, 0);
		const char *h = (const char *)sqlite3_column_text(s, 1);
		const char *t = (const char *)sqlite3_column_text(s, 2);

		if (!u || !h || !t || !strcmp(u, w->meeting_uid))
			continue;
		if (!strcmp(t, "closed") && strcmp(h, w->to) <= 0) {
			held = true;
		} else if (!planned_uid[0]) {
			/* to come (or held after this meeting: to come
			 * then) */
			snprintf(planned_uid, sizeof planned_uid, "%s", u);
			snprintf(planned_on, sizeof planned_on, "%.10s", h);
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "lire les réunions de lancement", e);
		return -1;
	}
	if (held)
		return 0;
	if (planned_uid[0]) {
		char day[DATE_ISO_LEN];

		date_iso_fr(planned_on, day);
		it = push(l, AGENDA_LAUNCH, xasprintf(
			"Réunion de lancement pas encore tenue (prévue le %s) : "
			"l'article 5 la prévoit avec les parties prenantes "
			"pour partager les objectifs du contrat et les "
			"procédures de travail, et s'accorder sur un plan "
			"d'actions", day));
		snprintf(it->ref_uid, sizeof it->ref_uid, "%s", planned_uid);
	} else {
		it = push(l, AGENDA_LAUNCH, xstrdup(
			"Réunion de lancement pas encore tenue ni prévue : "
			"l'article 5 la prévoit avec les parties prenantes "
			"pour partager les objectifs du contrat et les "
			"procédures de travail, et s'accorder sur un plan "
			"d'actions"));
	}
	it->late = true;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Requests                                                            */

static bool parse_dt(const char *s, struct datetime *t)
{
	return s && *s && datetime_parse(s, t) == 0;
}

/* What the agenda needs of a request (heap strings, NULL when none). */
struct req_row {
	char uid[STORE_UID_LEN];
	char *object, *received_at, *acknowledged_at, *resolved_at,
	     *answered_at, *cancelled_at;
};

static void req_rows_free(struct req_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].object);
		free(v[i].received_at);
		free(v[i].acknowledged_at);
		free(v[i].resolved_at);
		free(v[i].answered_at);
		free(v[i].cancelled_at);
	}
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
static int window_requests(struct store *st, const struct window *w,
			   struct req_row **out, size_t *n, struct err *e)
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
		struct req_row *r;
		const char *u = (const char *)sqlite3_column_text(s, 0);

		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		r = &(*out)[(*n)++];
		snprintf(r->uid, sizeof r->uid, "%s", u ? u : "");
		r->object = store_col_dup(s, 1);
		r->received_at = store_col_dup(s, 2);
		r->acknowledged_at = store_col_dup(s, 3);
		r->resolved_at = store_col_dup(s, 4);
		r->answered_at = store_col_dup(s, 5);
		r->cancelled_at = store_col_dup(s, 6);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "lire les saisines", e);
		req_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

static int requests(struct store *st, const struct window *w,
		    struct list *l, struct err *e)
{
	struct req_row *r = NULL;
	size_t n = 0;
	long received = 0, closed = 0, late = 0;
	struct datetime meeting_end = { w->dto, 23, 59 };
	struct list lates = { NULL, 0, 0 };
	char ffrom[DATE_ISO_LEN];

	if (window_requests(st, w, &r, &n, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct req_row *q = &r[i];
		struct datetime rec, ack, res, ans, end;
		bool has_ack, has_end, in_window, open_at_meeting;
		double ack_days, res_days;
		struct strbuf why;
		char day[DATE_ISO_LEN];

		if (!parse_dt(q->received_at, &rec))
			continue;
		in_window = date_cmp(rec.d, w->dfrom) >= 0;
		/* cancelled by the meeting: not counted at all (as the
		 * indicators computed from the log never count one) */
		if (q->cancelled_at) {
			struct datetime c;

			if (parse_dt(q->cancelled_at, &c) &&
			    datetime_cmp(c, meeting_end) <= 0)
				continue;
		}
		received += in_window;
		has_ack = parse_dt(q->acknowledged_at, &ack) &&
			  datetime_cmp(ack, meeting_end) <= 0;
		has_end = false;
		if (parse_dt(q->resolved_at, &res) &&
		    datetime_cmp(res, meeting_end) <= 0) {
			end = res;
			has_end = true;
		}
		if (parse_dt(q->answered_at, &ans) &&
		    datetime_cmp(ans, meeting_end) <= 0 &&
		    (!has_end || datetime_cmp(ans, end) < 0)) {
			end = ans;
			has_end = true;
		}
		if (has_end && date_cmp(end.d, w->dfrom) >= 0)
			closed++;
		/* resolved or answered without an acknowledgement: that was
		 * the acknowledgement */
		if (!has_ack && has_end) {
			ack = end;
			has_ack = true;
		}
		open_at_meeting = !has_end;
		if (!in_window && !open_at_meeting)
			continue;
		ack_days = datetime_workdays_between(
			rec, has_ack ? ack : meeting_end);
		res_days = datetime_workdays_between(
			rec, has_end ? end : meeting_end);
		strbuf_init(&why);
		if (ack_days > AGENDA_LATE_ACK_WORKDAYS)
			strbuf_addf(&why, has_ack
				    ? "prise en compte en %.0f jours ouvrés"
				    : "non prise en compte après %.0f jours "
				      "ouvrés", ack_days);
		if (res_days > AGENDA_LATE_RESOLUTION_WORKDAYS) {
			if (why.len)
				strbuf_addstr(&why, " ; ");
			strbuf_addf(&why, has_end
				    ? "traitée en %.0f jours ouvrés"
				    : "non résolue après %.0f jours ouvrés",
				    res_days);
		}
		if (why.len) {
			struct agenda_item *it;

			late++;
			date_iso_fr(q->received_at, day);
			it = push(&lates, AGENDA_REQUEST_LATE, xasprintf(
				"Saisine « %s » reçue le %s : %s",
				q->object ? q->object : "", day, why.buf));
			it->late = true;
			snprintf(it->ref_uid, sizeof it->ref_uid, "%s", q->uid);
		}
		strbuf_release(&why);
	}
	req_rows_free(r, n);
	date_iso_fr(w->from, ffrom);
	{
		struct agenda_item *it = push(l, AGENDA_REQUESTS, xasprintf(
			"Saisines depuis le %s : %ld reçue%s, %ld résolue%s ou "
			"répondue%s, %ld en retard", ffrom, received,
			received > 1 ? "s" : "", closed, closed > 1 ? "s" : "",
			closed > 1 ? "s" : "", late));

		it->n_received = received;
		it->n_closed = closed;
		it->n_late = late;
		it->late = late > 0;
	}
	for (size_t i = 0; i < lates.n; i++)
		*push(l, AGENDA_REQUEST_LATE, NULL) = lates.v[i];
	free(lates.v);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Disputes and actions                                                */

/* The disputes open on the meeting date, oldest first: their uids
 * through the contract's (contract_uid, opened_on) index, then each one
 * read with its steps (its level). Not every dispute of the contract
 * with its steps, ten years of them on a large database. */
static int disputes(struct store *st, const struct window *w,
		    struct list *l, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT uid FROM dispute"
				     " WHERE contract_uid = :c"
				     " AND opened_on <= :to"
				     " AND (closed_on IS NULL OR closed_on > :to)"
				     " ORDER BY opened_on, uid", e);
	char (*uids)[STORE_UID_LEN] = NULL;
	size_t n = 0, cap = 0;
	int rc, ret = -1;

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
		goto out;
	}
	for (size_t k = 0; k < n; k++) {
		struct dispute x;
		char day[DATE_ISO_LEN];
		struct agenda_item *it;

		if (store_dispute_get(st, uids[k], &x, e) != 0)
			goto out;
		date_iso_fr(x.opened_on, day);
		it = push(l, AGENDA_DISPUTE, xasprintf(
			"Litige « %s » ouvert le %s (%s, niveau %d)",
			x.object ? x.object : "", day,
			dispute_nature_vocab[x.nature].label, x.state.level));
		snprintf(it->ref_uid, sizeof it->ref_uid, "%s", x.uid);
		store_dispute_release(&x);
	}
	ret = 0;
out:
	free(uids);
	return ret;
}

static int actions(struct store *st, const struct window *w,
		   const char *today, struct list *l, struct err *e)
{
	struct meeting m;

	if (store_meeting_get(st, w->meeting_uid, today, &m, e) != 0)
		return -1;
	for (size_t i = 0; i < m.n_carried; i++) {
		const struct meeting_action *a = &m.carried[i];
		char due[DATE_ISO_LEN] = "", held[DATE_ISO_LEN];
		struct agenda_item *it;

		date_iso_fr(a->meeting_held_on, held);
		if (a->due_on)
			date_iso_fr(a->due_on, due);
		it = push(l, AGENDA_ACTION, xasprintf(
			"Action « %s »%s%s%s%s (réunion du %s) : %s%s",
			a->what ? a->what : "", a->owner ? ", " : "",
			a->owner ? a->owner : "",
			a->due_on ? ", échéance le " : "", due, held,
			action_status_vocab[a->status].label,
			a->late ? ", en retard" : ""));
		it->late = a->late;
		snprintf(it->ref_uid, sizeof it->ref_uid, "%s", a->uid);
	}
	store_meeting_release(&m);
	return 0;
}

/* The changes both sides made, listed by suivi sync and not yet
 * reviewed, noted by the meeting's date. */
static int sync_conflicts(struct store *st, const struct window *w,
			  struct list *l, struct err *e)
{
	struct sync_conflict *c;
	size_t n;

	if (store_sync_conflicts(st, w->contract_uid, false, &c, &n, e) != 0)
		return -1;
	for (size_t i = n; i-- > 0;) {
		char *what, *kept, *lost;

		if (c[i].noted_at && strncmp(c[i].noted_at, w->to, 10) > 0)
			continue;
		what = sync_words_what(c[i].table, c[i].what);
		kept = sync_words_version(c[i].kept);
		lost = sync_words_version(c[i].lost);
		push(l, AGENDA_SYNC_CONFLICT, xasprintf(
			"%s (%s) : gardé %s (%s), écarté %s (%s)", what,
			sync_words_kind(c[i].kind), kept,
			c[i].kept_by ? c[i].kept_by : "?", lost,
			c[i].lost_by ? c[i].lost_by : "?"));
		free(what), free(kept), free(lost);
	}
	sync_conflicts_free(c, n);
	return 0;
}

int store_meeting_agenda(struct store *st, const char *meeting_uid,
			 const char *today, struct agenda_item **out,
			 size_t *n, struct err *e)
{
	struct list all = { NULL, 0, 0 }, missed = { NULL, 0, 0 };
	struct list reviewed = { NULL, 0, 0 }, disagree = { NULL, 0, 0 };
	struct window w;

	*out = NULL;
	*n = 0;
	err_clear(e);
	if (window_of(st, meeting_uid, &w, e) != 0)
		return -1;
	if (launch(st, &w, &all, e) != 0 ||
	    values(st, &w, &all, &missed, &disagree, &reviewed, e) != 0)
		goto fail;
	for (size_t i = 0; i < missed.n; i++)
		*push(&all, AGENDA_MISSED, NULL) = missed.v[i];
	for (size_t i = 0; i < disagree.n; i++)
		*push(&all, AGENDA_DISAGREE, NULL) = disagree.v[i];
	for (size_t i = 0; i < reviewed.n; i++)
		*push(&all, AGENDA_VALUE, NULL) = reviewed.v[i];
	free(missed.v);
	free(disagree.v);
	free(reviewed.v);
	missed.v = disagree.v = reviewed.v = NULL;
	missed.n = disagree.n = reviewed.n = 0;
	if (requests(st, &w, &all, e) != 0 || disputes(st, &w, &all, e) != 0 ||
	    actions(st, &w, today, &all, e) != 0 ||
	    sync_conflicts(st, &w, &all, e) != 0)
		goto fail;
	*out = all.v;
	*n = all.n;
	return 0;
fail:
	store_agenda_free(all.v, all.n);
	store_agenda_free(missed.v, missed.n);
	store_agenda_free(disagree.v, disagree.n);
	store_agenda_free(reviewed.v, reviewed.n);
	return -1;
}
