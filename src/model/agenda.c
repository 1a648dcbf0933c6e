/*
 * The agenda of a meeting (include/suivi/agenda.h): what its window's
 * data says, read through the store API (annexes in force, values,
 * targets, computed values, the window's requests, disputes, actions;
 * store_agenda.h for what needs SQL of its own), judged with the grid's
 * rules (value_status) and said in French.
 */
#include "suivi/agenda.h"
#include "suivi/contract.h"
#include "suivi/date.h"
#include "suivi/meeting.h"
#include "suivi/request.h"
#include "suivi/store_agenda.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/store_request.h"
#include "suivi/store_sync.h"
#include "suivi/strbuf.h"
#include "suivi/sync_words.h"
#include "suivi/workdays.h"
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

void agenda_free(struct agenda_item *v, size_t n)
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
static int uid_on(struct store *st, const struct agenda_window *w,
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
static int window_periods(struct store *st, const struct agenda_window *w,
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
static int values(struct store *st, const struct agenda_window *w,
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
static int launch(struct store *st, const struct agenda_window *w,
		  struct list *l, struct err *e)
{
	char planned_uid[STORE_UID_LEN], planned_on[DATE_ISO_LEN];
	bool held;
	struct agenda_item *it;

	if (w->is_launch)
		return 0;
	if (store_agenda_launch(st, w, &held, planned_uid, planned_on, e) != 0)
		return -1;
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

static int requests(struct store *st, const struct agenda_window *w,
		    struct list *l, struct err *e)
{
	struct agenda_request *r = NULL;
	size_t n = 0;
	long received = 0, closed = 0, late = 0;
	struct datetime meeting_end = { w->dto, 23, 59 };
	struct list lates = { NULL, 0, 0 };
	char ffrom[DATE_ISO_LEN];

	if (store_agenda_requests(st, w, &r, &n, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct agenda_request *q = &r[i];
		struct datetime rec, ack, res, ans, end;
		bool has_ack, has_end, in_window, open_at_meeting;
		double ack_days, res_days;
		struct strbuf why;
		char day[DATE_ISO_LEN];

		if (!q->has_received)
			continue;
		rec = q->received;
		in_window = date_cmp(rec.d, w->dfrom) >= 0;
		/* cancelled by the meeting: not counted at all (as the
		 * indicators computed from the log never count one) */
		if (q->has_cancelled &&
		    datetime_cmp(q->cancelled, meeting_end) <= 0)
			continue;
		received += in_window;
		ack = q->acknowledged;
		has_ack = q->has_acknowledged &&
			  datetime_cmp(ack, meeting_end) <= 0;
		has_end = false;
		res = q->resolved;
		if (q->has_resolved && datetime_cmp(res, meeting_end) <= 0) {
			end = res;
			has_end = true;
		}
		ans = q->answered;
		if (q->has_answered && datetime_cmp(ans, meeting_end) <= 0 &&
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
			date_format_fr(rec.d, day);
			it = push(&lates, AGENDA_REQUEST_LATE, xasprintf(
				"Saisine « %s » reçue le %s : %s",
				q->object ? q->object : "", day, why.buf));
			it->late = true;
			snprintf(it->ref_uid, sizeof it->ref_uid, "%s", q->uid);
		}
		strbuf_release(&why);
	}
	store_agenda_requests_free(r, n);
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
static int disputes(struct store *st, const struct agenda_window *w,
		    struct list *l, struct err *e)
{
	char (*uids)[STORE_UID_LEN] = NULL;
	size_t n = 0;
	int ret = -1;

	if (store_agenda_disputes(st, w, &uids, &n, e) != 0)
		return -1;
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

static int actions(struct store *st, const struct agenda_window *w,
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
static int sync_conflicts(struct store *st, const struct agenda_window *w,
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

int agenda_load(struct store *st, const char *meeting_uid,
		const char *today, struct agenda_item **out, size_t *n,
		struct err *e)
{
	struct list all = { NULL, 0, 0 }, missed = { NULL, 0, 0 };
	struct list reviewed = { NULL, 0, 0 }, disagree = { NULL, 0, 0 };
	struct agenda_window w;

	*out = NULL;
	*n = 0;
	err_clear(e);
	if (store_agenda_window(st, meeting_uid, &w, e) != 0)
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
	agenda_free(all.v, all.n);
	agenda_free(missed.v, missed.n);
	agenda_free(disagree.v, disagree.n);
	agenda_free(reviewed.v, reviewed.n);
	return -1;
}
