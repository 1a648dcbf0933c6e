/*
 * evaluation_load.c - the évaluation loaded: requests, the action plan,
 * annexes and their committees, exceptional requests and disputes.
 */
#include "suivi/evaluation.h"
#include "evaluation_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/browse.h"
#include "suivi/dashboard.h"
#include "suivi/store_contract.h"
#include "suivi/store_evaluation.h"
#include "suivi/store_meeting.h"
#include "suivi/store_observation.h"
#include "suivi/store_request.h"
#include "suivi/number.h"
#include "suivi/strbuf.h"
#include "suivi/summary.h"
#include "suivi/text.h"
#include "suivi/date.h"
#include "suivi/xalloc.h"

/* ------------------------------------------------------------------ */
/* Requests                                                            */

struct samples {
	double *v;
	size_t n, cap;
};

static void sample_add(struct samples *s, double v)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = v;
}

/* ack[0] hours, ack[1] working days; res[0] working days, res[1] hours */
static void delays_of(struct eval_delays *d, struct samples ack[2],
		      struct samples res[2])
{
	d->n_ack = ack[0].n;
	d->n_resolved = res[0].n;
	evaluation_median_mean(ack[0].v, ack[0].n, &d->ack_median,
			       &d->ack_mean);
	evaluation_median_mean(ack[1].v, ack[1].n, &d->ack_days_median,
			       &d->ack_days_mean);
	evaluation_median_mean(res[0].v, res[0].n, &d->res_median,
			       &d->res_mean);
	evaluation_median_mean(res[1].v, res[1].n, &d->res_hours_median,
			       &d->res_hours_mean);
	for (int k = 0; k < 2; k++) {
		free(ack[k].v);
		free(res[k].v);
	}
}

/* Whether the annexes compute `from` into a duration in days (true), in
 * hours (false), or do not compute it (dflt). */
static bool unit_in_days(const struct evaluation *ev, int from, bool dflt)
{
	for (size_t i = 0; i < ev->n_domains; i++)
		for (size_t c = 0; c < ev->domains[i].n_commitments; c++) {
			const struct eval_commitment *cm =
				&ev->domains[i].commitments[c];

			for (size_t k = 0; k < cm->n_indicators; k++)
				if (cm->indicators[k].computed_from == from)
					return cm->indicators[k].kind ==
					       VALUE_DAYS;
		}
	return dflt;
}

static int load_requests(struct store *st, struct evaluation *ev,
			 struct err *e)
{
	/* groups: the kinds, the natures, all */
	enum { G_KIND = 0, G_NATURE = REQUEST_KIND_COUNT,
	       G_ALL = REQUEST_KIND_COUNT + NATURE_COUNT, G_COUNT };
	struct samples ack[G_COUNT][2], res[G_COUNT][2];
	struct eval_requests *q = &ev->requests;
	struct request_filter f;
	struct request *v;
	size_t n;

	q->ack_in_days = unit_in_days(ev, COMPUTED_ACK_DELAY, false);
	q->res_in_days = unit_in_days(ev, COMPUTED_RESOLUTION_DELAY, true);
	request_filter_init(&f);
	f.from = ev->from;
	f.to = ev->to;
	f.sort = SORT_RECEIVED_ASC;
	if (store_request_list(st, ev->contract_uid, &f, &v, &n, NULL, e) != 0)
		return -1;
	memset(ack, 0, sizeof ack);
	memset(res, 0, sizeof res);
	for (size_t i = 0; i < n; i++) {
		const struct request *r = &v[i];
		int g[3] = { G_KIND + (int)r->kind, G_NATURE + (int)r->nature,
			     G_ALL };

		if ((int)r->kind < 0 || r->kind >= REQUEST_KIND_COUNT ||
		    (int)r->nature < 0 || r->nature >= NATURE_COUNT)
			continue;
		if (r->status == REQ_CANCELLED) {
			q->cancelled[r->kind]++;
			q->total_cancelled++;
			continue;
		}
		q->count[r->kind][r->nature]++;
		q->by_kind[r->kind]++;
		q->by_nature[r->nature]++;
		q->total++;
		for (int k = 0; k < 3; k++) {
			if (r->has_ack) {
				sample_add(&ack[g[k]][0], r->ack_hours);
				sample_add(&ack[g[k]][1], r->ack_days);
			}
			if (r->has_resolution) {
				sample_add(&res[g[k]][0], r->resolution_days);
				sample_add(&res[g[k]][1], r->resolution_hours);
			}
		}
	}
	store_request_list_free(v, n);
	for (int k = 0; k < REQUEST_KIND_COUNT; k++) {
		q->delay_kind[k].n = q->by_kind[k];
		delays_of(&q->delay_kind[k], ack[G_KIND + k], res[G_KIND + k]);
	}
	for (int k = 0; k < NATURE_COUNT; k++) {
		q->delay_nature[k].n = q->by_nature[k];
		delays_of(&q->delay_nature[k], ack[G_NATURE + k],
			  res[G_NATURE + k]);
	}
	q->delay_all.n = q->total;
	delays_of(&q->delay_all, ack[G_ALL], res[G_ALL]);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The action plan                                                     */

static void action_add(struct evaluation *ev, size_t *cap,
		       const struct meeting_action *a, bool carried)
{
	struct eval_action *x;

	ev->actions = xgrow(ev->actions, cap, ev->n_actions + 1,
			    sizeof *ev->actions);
	x = &ev->actions[ev->n_actions++];
	memset(x, 0, sizeof *x);
	x->what = xstrdup(a->what ? a->what : "");
	x->owner = evaluation_dup(a->owner);
	x->due_on = evaluation_dup(a->due_on);
	x->done_on = evaluation_dup(a->done_on);
	x->meeting_held_on = xstrdup(a->meeting_held_on ? a->meeting_held_on
							: "");
	x->status = a->status;
	x->late = a->late;
	x->carried = carried;
}

static int cmp_action(const void *pa, const void *pb)
{
	const struct eval_action *a = pa, *b = pb;
	int c;

	if (!a->due_on != !b->due_on)
		return a->due_on ? -1 : 1;
	if (a->due_on && (c = strcmp(a->due_on, b->due_on)))
		return c;
	return strcmp(a->meeting_held_on, b->meeting_held_on);
}

/* The meetings of the period, their actions, and what they say of
 * article 5 (m: every meeting of the contract, newest first). */
static int load_actions(struct store *st, struct evaluation *ev,
			const struct meeting *m, size_t n, struct err *e)
{
	struct meeting_action *open = NULL;
	size_t n_open = 0, cap = 0;
	int rc = -1;

	for (size_t i = 0; i < n; i++) {
		struct meeting full;

		if (m[i].status == MEETING_CANCELLED || !m[i].held_on ||
		    strcmp(m[i].held_on, ev->from) < 0 ||
		    strcmp(m[i].held_on, ev->to) > 0 || !m[i].n_actions)
			continue;
		if (store_meeting_get(st, m[i].uid, ev->today, &full, e) != 0)
			goto out;
		for (size_t k = 0; k < full.n_actions; k++)
			action_add(ev, &cap, &full.actions[k], false);
		store_meeting_release(&full);
	}
	if (store_meeting_open_actions(st, ev->contract_uid, ev->today, &open,
				       &n_open, e) != 0)
		goto out;
	for (size_t k = 0; k < n_open; k++)
		if (open[k].meeting_held_on &&
		    strcmp(open[k].meeting_held_on, ev->from) < 0)
			action_add(ev, &cap, &open[k], true);
	if (ev->n_actions)
		qsort(ev->actions, ev->n_actions, sizeof *ev->actions,
		      cmp_action);
	rc = 0;
out:
	store_meeting_actions_free(open, n_open);
	return rc;
}

/* A meeting held (closed, by today) of kind within from..to (ISO). */
static bool held_within(const struct meeting *m, enum meeting_kind kind,
			const char *from, const char *to, const char *today)
{
	return m->kind == kind && m->status == MEETING_CLOSED && m->held_on &&
	       strcmp(m->held_on, from) >= 0 && strcmp(m->held_on, to) <= 0 &&
	       strcmp(m->held_on, today) <= 0;
}

/* Article 5 over the period: the launch meeting, the follow-ups against
 * the cadence, the meetings with the Mayors. */
static void load_meetings(struct evaluation *ev, const struct meeting *m,
			  size_t n)
{
	struct eval_meetings *x = &ev->meetings;
	struct cadence_input in = { 0 };
	struct date *fu = NULL, from, to, start;
	size_t cap = 0;

	x->mayors_required = CADENCE_MAYORS_PER_YEAR;
	date_parse(ev->today, &in.today);
	date_parse(ev->from, &from);
	date_parse(ev->to, &to);
	if (date_parse(ev->starts_on, &start) != 0)
		start = from;
	in.starts_on = start;
	date_format_iso(date_prev_day(date_add_months(start, 12)),
			x->first_year_end);
	/* oldest first: m is newest first */
	for (size_t k = n; k-- > 0;) {
		const struct meeting *mt = &m[k];
		struct date d;

		if (!mt->held_on || mt->status == MEETING_CANCELLED ||
		    date_parse(mt->held_on, &d) != 0)
			continue;
		if (mt->kind == MEETING_LAUNCH) {
			if (held_within(mt, MEETING_LAUNCH, "0000",
					"9999", ev->today) &&
			    !x->launch_held) {
				x->launch_held = true;
				snprintf(x->launch_on, sizeof x->launch_on,
					 "%s", mt->held_on);
			} else if (!x->launch_held && !x->launch_on[0]) {
				snprintf(x->launch_on, sizeof x->launch_on,
					 "%s", mt->held_on);
			}
		}
		if (held_within(mt, MEETING_FOLLOW_UP, "0000", "9999",
				ev->today)) {
			fu = xgrow(fu, &cap, in.n_follow_ups + 1, sizeof *fu);
			fu[in.n_follow_ups++] = d;
			x->n_follow_ups += held_within(mt, MEETING_FOLLOW_UP,
						       ev->from, ev->to,
						       ev->today);
		}
		if (held_within(mt, MEETING_MAYORS, ev->from, ev->to,
				ev->today)) {
			x->mayors = xrealloc(x->mayors, (x->n_mayors + 1) *
					     sizeof *x->mayors);
			snprintf(x->mayors[x->n_mayors++], DATE_ISO_LEN, "%s",
				 mt->held_on);
		}
	}
	in.follow_ups = fu;
	x->n_dues = meeting_cadence_review(&in, from, to, &x->dues,
					   &x->n_missed);
	free(fu);
}

/* ------------------------------------------------------------------ */
/* Annexes and their committees                                        */

static void annex_add(struct evaluation *ev, size_t *cap,
		      const struct browse_domain *dom, int version,
		      const char *in_force_from,
		      struct date from, struct date to)
{
	struct eval_annex *a;

	ev->annexes = xgrow(ev->annexes, cap, ev->n_annexes + 1,
			    sizeof *ev->annexes);
	a = &ev->annexes[ev->n_annexes++];
	memset(a, 0, sizeof *a);
	a->domain_code = xstrdup(dom->code ? dom->code : "");
	a->domain_name = xstrdup(dom->name ? dom->name : a->domain_code);
	a->version = version;
	snprintf(a->in_force_from, sizeof a->in_force_from, "%s",
		 in_force_from ? in_force_from : "");
	date_format_iso(from, a->from);
	date_format_iso(to, a->to);
	a->whole = !strcmp(a->from, ev->from) && !strcmp(a->to, ev->to);
}

static void committees_add(struct evaluation *ev, size_t *cap,
			   const struct browse_domain *dom,
			   const struct browse_version *v, struct date from,
			   struct date to, const struct meeting *m, size_t n)
{
	struct date pfrom, pto, today;
	long period_days, days;

	date_parse(ev->from, &pfrom);
	date_parse(ev->to, &pto);
	date_parse(ev->today, &today);
	period_days = date_diff_days(pfrom, pto) + 1;
	days = date_diff_days(from, to) + 1;
	for (size_t k = 0; k < v->annex->n_committees; k++) {
		const struct committee *cm = &v->annex->committees[k];
		struct eval_committee *c;

		ev->committees = xgrow(ev->committees, cap,
				       ev->n_committees + 1,
				       sizeof *ev->committees);
		c = &ev->committees[ev->n_committees++];
		memset(c, 0, sizeof *c);
		c->domain_code = xstrdup(dom->code ? dom->code : "");
		c->name = xstrdup(cm->name ? cm->name : "");
		c->frequency = evaluation_dup(cm->frequency);
		c->annex_version = v->info.version;
		date_format_iso(from, c->from);
		date_format_iso(to, c->to);
		c->over = date_cmp(to, today) < 0;
		c->kind = committee_meeting_kind(cm->name);
		c->per_year = committee_frequency_per_year(cm->frequency);
		c->expected = c->per_year < 0 ? -1
			: (int)floor((double)c->per_year * (double)days /
				     (double)period_days + 0.5);
		c->held = c->kind < 0 ? -1 : 0;
		for (size_t i = 0; c->kind >= 0 && i < n; i++)
			c->held += held_within(&m[i], (enum meeting_kind)c->kind,
					       c->from, c->to, ev->today);
	}
}

/* Per domain, the versions in force on a day of the period and the part
 * of it each covers, with their committees. */
static void load_annexes(struct evaluation *ev, const struct browse_source *src,
			 const struct meeting *m, size_t n)
{
	struct date from, to;
	size_t cap_a = 0, cap_c = 0;

	date_parse(ev->from, &from);
	date_parse(ev->to, &to);
	for (size_t i = 0; i < src->n_domains; i++) {
		const struct browse_domain *dom = &src->domains[i];
		struct date first;

		if (!dom->n_versions)
			continue;
		if (date_parse(dom->versions[0].info.in_force_from, &first) == 0 &&
		    date_cmp(first, from) > 0)
			annex_add(ev, &cap_a, dom, -1, NULL, from,
				  date_cmp(first, to) <= 0 ? date_prev_day(first)
							   : to);
		for (size_t v = 0; v < dom->n_versions; v++) {
			const struct browse_version *bv = &dom->versions[v];
			struct date vf, vt, a, b;

			if (date_parse(bv->info.in_force_from, &vf) != 0)
				continue;
			if (v + 1 < dom->n_versions &&
			    date_parse(dom->versions[v + 1].info.in_force_from,
				       &vt) == 0)
				vt = date_prev_day(vt);
			else
				vt = to;
			a = date_cmp(vf, from) > 0 ? vf : from;
			b = date_cmp(vt, to) < 0 ? vt : to;
			if (date_cmp(a, b) > 0)
				continue;	/* not in force in the period */
			annex_add(ev, &cap_a, dom, bv->info.version,
				  bv->info.in_force_from, a, b);
			committees_add(ev, &cap_c, dom, bv, a, b, m, n);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Exceptional requests and disputes                                   */

static bool day_within(const char *iso, const char *from, const char *to)
{
	return iso && strncmp(iso, from, 10) >= 0 && strncmp(iso, to, 10) <= 0;
}

/* The exceptional requests received in the period: those of its one or
 * two calendar years, kept when within it. */
static int load_exceptional(struct store *st, struct evaluation *ev,
			    struct err *e)
{
	size_t cap = 0;
	int last = atoi(ev->to);

	for (int y = ev->year; y <= last; y++) {
		struct request *v = NULL;
		size_t n = 0;

		if (store_exceptional_list(st, ev->contract_uid, y, &v, &n,
					   e) != 0)
			return -1;
		for (size_t i = 0; i < n; i++) {
			if (!day_within(v[i].received_at, ev->from, ev->to)) {
				store_request_release(&v[i]);
				continue;
			}
			ev->exceptional = xgrow(ev->exceptional, &cap,
						ev->n_exceptional + 1,
						sizeof *ev->exceptional);
			ev->exceptional[ev->n_exceptional++] = v[i];
			if (v[i].has_cost) {
				ev->n_with_cost++;
				ev->cost_total += v[i].estimated_cost;
			}
		}
		free(v);
	}
	return 0;
}

/* The disputes opened in the period, or before it and still open at its
 * start. */
static int load_disputes(struct store *st, struct evaluation *ev,
			 struct err *e)
{
	struct dispute *v = NULL;
	size_t n = 0, cap = 0;

	if (store_dispute_year(st, ev->contract_uid, 0, &v, &n, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct dispute *x = &v[i];
		bool keep = x->opened_on && strncmp(x->opened_on, ev->to, 10) <= 0 &&
			    (strncmp(x->opened_on, ev->from, 10) >= 0 ||
			     !x->closed_on ||
			     strncmp(x->closed_on, ev->from, 10) >= 0);

		if (!keep) {
			store_dispute_release(&v[i]);
			continue;
		}
		ev->disputes = xgrow(ev->disputes, &cap, ev->n_disputes + 1,
				     sizeof *ev->disputes);
		ev->disputes[ev->n_disputes++] = v[i];
	}
	free(v);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Load                                                                */

const char *const eval_period_label[EVAL_PERIOD_COUNT] = {
	[EVAL_CALENDAR] = "année civile",
	[EVAL_ANNIVERSARY] = "date anniversaire du contrat",
};

int evaluation_period_parse(const char *word)
{
	char *f;
	int ret = -1;

	if (!word)
		return -1;
	f = text_fold(word);
	if (!strcmp(f, "annee") || !strcmp(f, "civile") ||
	    !strcmp(f, "annee-civile") || !strcmp(f, "calendaire"))
		ret = EVAL_CALENDAR;
	else if (!strcmp(f, "anniversaire"))
		ret = EVAL_ANNIVERSARY;
	free(f);
	return ret;
}

int evaluation_period(enum eval_period_kind kind, int year,
		      const char *starts_on, char from[DATE_ISO_LEN],
		      char to[DATE_ISO_LEN])
{
	struct date start, f, t;

	if (kind != EVAL_ANNIVERSARY) {
		snprintf(from, DATE_ISO_LEN, "%04d-01-01", year);
		snprintf(to, DATE_ISO_LEN, "%04d-12-31", year);
		return 0;
	}
	if (!starts_on || date_parse(starts_on, &start) != 0)
		return -1;
	/* from the start, whole years on: 29 February falls back to the
	 * 28th in other years */
	f = date_add_months(start, 12 * (year - start.year));
	t = date_prev_day(date_add_months(start, 12 * (year + 1 - start.year)));
	date_format_iso(f, from);
	date_format_iso(t, to);
	return 0;
}

void evaluation_deadline(const char *to, char out[DATE_ISO_LEN])
{
	struct date t = { 2000, 1, 1 }, dl;

	date_parse(to, &t);
	dl = (struct date){ t.year, EVALUATION_DEADLINE_MONTH,
			    EVALUATION_DEADLINE_DAY };
	if (date_cmp(dl, t) <= 0)
		dl.year++;
	date_format_iso(dl, out);
}

int evaluation_check_year(enum eval_period_kind kind, int year,
			  const char *starts_on, const char *commune,
			  struct err *e)
{
	struct date start;
	char sfr[DATE_ISO_LEN], ffr[DATE_ISO_LEN], tfr[DATE_ISO_LEN];
	char first_from[DATE_ISO_LEN], first_to[DATE_ISO_LEN];

	if (!starts_on || date_parse(starts_on, &start) != 0 ||
	    year >= start.year)
		return 0;
	evaluation_period(kind, start.year, starts_on, first_from, first_to);
	date_iso_fr(starts_on, sfr);
	date_iso_fr(first_from, ffr);
	date_iso_fr(first_to, tfr);
	if (kind == EVAL_ANNIVERSARY) {
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
		char ask_from[DATE_ISO_LEN], ask_to[DATE_ISO_LEN];

		evaluation_period(kind, year, starts_on, ask_from, ask_to);
		date_iso_fr(ask_from, a);
		date_iso_fr(ask_to, b);
		err_set(e, ERR_INPUT, "pas d'évaluation pour la période du %s au "
			"%s : le contrat de %s commence le %s (première "
			"évaluation : %d, du %s au %s)", a, b,
			commune ? commune : "?", sfr, start.year, ffr, tfr);
	} else {
		err_set(e, ERR_INPUT, "pas d'évaluation pour %d : le contrat de "
			"%s commence le %s (première évaluation : %d, du %s au "
			"%s)", year, commune ? commune : "?", sfr, start.year,
			ffr, tfr);
	}
	return -1;
}

int evaluation_load(struct store *st, const char *contract_uid, int year,
		    const char *today, struct evaluation *out, struct err *e)
{
	return evaluation_load_opts(st, contract_uid, year, NULL, today, out,
				    e);
}

int evaluation_load_opts(struct store *st, const char *contract_uid,
			 int year, const struct eval_options *opts,
			 const char *today, struct evaluation *out,
			 struct err *e)
{
	static const struct eval_options calendar = { EVAL_CALENDAR, NULL,
						      NULL };
	struct browse_source src;
	struct observation *obs = NULL;
	struct meeting *m = NULL;
	struct date t;
	size_t n_obs = 0, dom_cap = 0, n_m = 0;
	bool has_src = false;

	memset(out, 0, sizeof *out);
	err_clear(e);
	if (!opts)
		opts = &calendar;
	if (year < 1900 || year > 2198) {
		err_set(e, ERR_INPUT, "année invalide : %d (1900 à 2198)", year);
		return -1;
	}
	if (!today || date_parse(today, &t) != 0)
		date_today(&t);
	snprintf(out->contract_uid, sizeof out->contract_uid, "%s",
		 contract_uid);
	out->year = year;
	out->period = opts->period == EVAL_ANNIVERSARY ? EVAL_ANNIVERSARY
						       : EVAL_CALENDAR;
	out->sender = opts->sender && *opts->sender ? xstrdup(opts->sender)
						    : NULL;
	out->sender_function = opts->sender_function &&
			       *opts->sender_function
		? xstrdup(opts->sender_function) : NULL;
	date_format_iso(t, out->today);
	{
		struct evaluation_record r;

		if (store_evaluation_record_get(st, contract_uid, year, &r,
						e) != 0)
			goto fail;
		out->sent_on = r.sent_on;
		out->presented_on = r.presented_on;
		out->adjustments = r.adjustments;
		r.sent_on = r.presented_on = r.adjustments = NULL;
		evaluation_record_release(&r);
	}
	/* the contract, its texts and every annex version, read once */
	if (browse_load(st, contract_uid, out->today, &src, e) != 0)
		goto fail;
	has_src = true;
	if (src.contract) {
		out->commune = evaluation_dup(src.contract->commune);
		out->identifier = evaluation_dup(src.contract->identifier);
		out->title = evaluation_dup(src.contract->title);
		snprintf(out->starts_on, sizeof out->starts_on, "%s",
			 src.contract->starts_on ? src.contract->starts_on : "");
	}
	if (evaluation_check_year(out->period, year, out->starts_on,
				  out->commune, e) != 0)
		goto fail;
	if (evaluation_period(out->period, year, out->starts_on, out->from,
			      out->to) != 0) {
		/* no start date to have an anniversary: the calendar year */
		out->period = EVAL_CALENDAR;
		evaluation_period(EVAL_CALENDAR, year, NULL, out->from,
				  out->to);
	}
	{
		struct date dl;

		evaluation_deadline(out->to, out->deadline);
		date_parse(out->deadline, &dl);
		out->deadline_passed = date_cmp(t, dl) > 0;
	}
	/* the domains and their observations, then the indicators */
	if (store_observation_list(st, contract_uid, year, out->today, &obs,
				   &n_obs, e) != 0)
		goto fail;
	if (n_obs) {
		out->domains = xcalloc(n_obs, sizeof *out->domains);
		dom_cap = n_obs;
	}
	for (size_t i = 0; i < n_obs; i++) {
		struct eval_domain *d = &out->domains[out->n_domains++];

		memcpy(d->uid, obs[i].domain_uid, sizeof d->uid);
		d->code = xstrdup(obs[i].domain_code ? obs[i].domain_code : "");
		d->name = xstrdup(obs[i].domain_name ? obs[i].domain_name : "");
		d->observation = obs[i].text ? xstrdup(obs[i].text) : NULL;
		d->observation_commune = evaluation_dup(obs[i].by[OBS_COMMUNE]);
		d->observation_metropole =
			evaluation_dup(obs[i].by[OBS_METROPOLE]);
	}
	store_observation_list_free(obs, n_obs);
	if (store_meeting_list(st, contract_uid, out->today, &m, &n_m, e) != 0)
		goto fail;
	if (evaluation_load_indicators(st, out, &src, &dom_cap, e) != 0 ||
	    load_requests(st, out, e) != 0 ||
	    load_actions(st, out, m, n_m, e) != 0 ||
	    load_exceptional(st, out, e) != 0 || load_disputes(st, out, e) != 0)
		goto fail;
	load_meetings(out, m, n_m);
	load_annexes(out, &src, m, n_m);
	evaluation_summarise(out);
	store_meeting_list_free(m, n_m);
	browse_source_release(&src);
	return 0;
fail:
	store_meeting_list_free(m, n_m);
	if (has_src)
		browse_source_release(&src);
	evaluation_release(out);
	return -1;
}

