#include "suivi/evaluation.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/browse.h"
#include "suivi/dashboard.h"
#include "suivi/store_contract.h"
#include "suivi/store_meeting.h"
#include "suivi/store_observation.h"
#include "suivi/store_request.h"
#include "suivi/xalloc.h"

const char *const eval_status_label[EVAL_STATUS_COUNT] = {
	[EVAL_MET] = "atteint",
	[EVAL_MISSED] = "non atteint",
	[EVAL_NO_TARGET] = "sans cible",
	[EVAL_NOT_MEASURED] = "non mesuré",
};

const char *const evaluation_rules_text[] = {
	"Statut annuel d'un indicateur : non atteint dès qu'une valeur de "
	"l'année manque la cible ; sinon atteint si une valeur au moins "
	"l'atteint (toutes les périodes mesurées l'atteignent, les périodes "
	"sans valeur apparaissent dans la colonne Relevés) ; sinon sans cible "
	"si des valeurs ont été relevées sans cible pour les juger ; sinon "
	"non mesuré. Un indicateur suivi par criticité compte une fois par "
	"criticité.",
	"Statut d'un engagement : non atteint dès qu'un de ses indicateurs "
	"est non atteint ; sinon atteint si un indicateur au moins est "
	"atteint (tous ceux qui ont une cible et une valeur le sont) ; sinon "
	"non mesuré (aucun indicateur jugé par rapport à une cible).",
	"Valeurs : celles saisies ou, pour les indicateurs calculés, celles "
	"du journal des saisines ; chaque période relève de la version de "
	"l'annexe en vigueur à son premier jour ; la cible est celle de "
	"l'année.",
	"Saisines : reçues du 1er janvier au 31 décembre ; les saisines "
	"annulées sont comptées à part et n'entrent dans aucun autre "
	"chiffre. Délais sur les saisines qui ont les dates : prise en "
	"compte en heures, résolution en jours ouvrés ; médiane (moyenne "
	"des deux valeurs centrales pour un nombre pair) et moyenne, "
	"arrondies à une décimale.",
	NULL,
};

/* ------------------------------------------------------------------ */
/* Figures                                                             */

double evaluation_round1(double v)
{
	/* a hair away from zero so that 2.25, stored as 2.2499999…, reads
	 * as a person rounds it */
	double t = v * 10.0;

	return round(t + (t >= 0 ? 1e-9 : -1e-9)) / 10.0;
}

void evaluation_format_decimal(double v, char *buf, size_t n)
{
	double r = evaluation_round1(v);
	long long tenths = llround(fabs(r) * 10.0);

	snprintf(buf, n, "%s%lld,%lld", r < 0 && tenths ? "-" : "",
		 tenths / 10, tenths % 10);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

bool evaluation_median_mean(double *v, size_t n, double *median,
			    double *mean)
{
	double sum = 0;

	if (!n)
		return false;
	qsort(v, n, sizeof *v, cmp_double);
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	*mean = sum / (double)n;
	*median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
	return true;
}

/* ------------------------------------------------------------------ */
/* Release                                                             */

static void indicator_free(struct eval_indicator *x)
{
	free(x->code);
	free(x->criticality);
	free(x->label);
	free(x->unit);
	free(x->target);
	free(x->target_short);
	free(x->baseline);
	for (int i = 0; i < x->n_cells; i++)
		free(x->cells[i].value);
}

void evaluation_release(struct evaluation *ev)
{
	for (size_t i = 0; i < ev->n_domains; i++) {
		struct eval_domain *d = &ev->domains[i];

		for (size_t c = 0; c < d->n_commitments; c++) {
			struct eval_commitment *cm = &d->commitments[c];

			for (size_t k = 0; k < cm->n_indicators; k++)
				indicator_free(&cm->indicators[k]);
			free(cm->indicators);
			free(cm->code);
			free(cm->title);
		}
		free(d->commitments);
		free(d->code);
		free(d->name);
		free(d->observation);
	}
	free(ev->domains);
	for (size_t i = 0; i < ev->n_actions; i++) {
		struct eval_action *a = &ev->actions[i];

		free(a->what);
		free(a->owner);
		free(a->due_on);
		free(a->done_on);
		free(a->meeting_held_on);
	}
	free(ev->actions);
	free(ev->commune);
	free(ev->identifier);
	free(ev->title);
	memset(ev, 0, sizeof *ev);
}

/* ------------------------------------------------------------------ */
/* Indicators, from the tableau de bord                                */

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

/* Whether a kind's short French form is its scalar as a number. */
static bool kind_numeric(enum value_kind k)
{
	return k == VALUE_COUNT || k == VALUE_PERCENT || k == VALUE_HOURS ||
	       k == VALUE_DAYS || k == VALUE_LEVEL;
}

/* The domain of the source whose versions hold ind, and that annex. */
static const struct browse_domain *domain_of(const struct browse_source *src,
					     const struct indicator *ind,
					     const struct annex **annex)
{
	for (size_t i = 0; i < src->n_domains; i++) {
		const struct browse_domain *dom = &src->domains[i];

		for (size_t v = 0; v < dom->n_versions; v++) {
			const struct annex *a = dom->versions[v].annex;

			for (size_t k = 0; k < a->n_indicators; k++)
				if (&a->indicators[k] == ind) {
					*annex = a;
					return dom;
				}
		}
	}
	return NULL;
}

/* The dashboard's trend ends with the period holding today in the
 * current year, else the year's last (dashboard.c trend_end). */
static struct period trend_last(enum periodicity per, int year,
				struct date today)
{
	struct date end = { year, 12, 31 };

	if (today.year == year)
		end = today;
	return period_containing(per, end);
}

static void fill_indicator(struct eval_indicator *x, const struct dash_row *r,
			   int year, struct date today)
{
	char buf[VALUE_TEXT_MAX + 64];

	memset(x, 0, sizeof *x);
	x->code = xstrdup(r->code);
	x->criticality = xstrdup(r->criticality ? r->criticality : "");
	x->label = xstrdup(r->ind->label ? r->ind->label : "");
	x->kind = r->spec.kind;
	x->unit = dup_or_null(r->ind->unit);
	x->per = r->per;
	x->better = r->better;
	x->baseline = dup_or_null(r->ind->baseline);
	x->has_target = r->has_target;
	if (r->has_target) {
		value_format(&r->spec, &r->target, true, buf, sizeof buf);
		x->target = xstrdup(buf);
		value_format(&r->spec, &r->target, false, buf, sizeof buf);
		x->target_short = xstrdup(buf);
		x->target_has_num = value_scalar(&r->spec, &r->target,
						 &x->target_num);
	}
	x->n_cells = r->n_cells;
	for (int i = 0; i < r->n_cells; i++) {
		const struct dash_cell *c = &r->cells[i];
		struct eval_cell *o = &x->cells[i];

		o->period = c->period;
		memcpy(o->key, c->key, sizeof o->key);
		o->applicable = c->uid[0] != '\0';
		o->has_value = o->applicable && !value_empty(&c->value);
		o->computed = o->has_value && c->computed;
		o->status = c->status;
		if (o->has_value) {
			value_format(&r->spec, &c->value, false, buf,
				     sizeof buf);
			o->value = xstrdup(buf);
			o->has_num = kind_numeric(x->kind) &&
				     value_scalar(&r->spec, &c->value, &o->num);
			x->n_measured++;
		}
		if (o->applicable && (c->due || o->has_value))
			x->n_expected++;
		if (!o->applicable)
			continue;
		if (c->status == STATUS_MET)
			x->n_met++;
		else if (c->status == STATUS_MISSED)
			x->n_missed++;
		else if (c->status == STATUS_MISSING)
			x->n_missing++;
	}
	x->status = x->n_missed ? EVAL_MISSED
		  : x->n_met ? EVAL_MET
		  : x->n_measured ? EVAL_NO_TARGET : EVAL_NOT_MEASURED;
	{
		struct period p = trend_last(r->per, year, today);

		for (int k = 11; k >= 0; k--) {
			x->trend_period[k] = p;
			period_label(p, x->trend_label[k],
				     sizeof x->trend_label[k]);
			x->trend[k] = r->trend[k];
			x->trend_has[k] = r->trend_has[k];
			p = period_prev(p);
		}
	}
}

static struct eval_domain *domain_by_code(struct evaluation *ev,
					  const struct browse_domain *dom,
					  size_t *cap)
{
	struct eval_domain *d;

	for (size_t i = 0; i < ev->n_domains; i++)
		if (!strcmp(ev->domains[i].code, dom->code))
			return &ev->domains[i];
	/* not listed by the store (cannot happen: both read every domain
	 * of the contract); kept rather than dropped */
	ev->domains = xgrow(ev->domains, cap, ev->n_domains + 1,
			    sizeof *ev->domains);
	d = &ev->domains[ev->n_domains++];
	memset(d, 0, sizeof *d);
	d->code = xstrdup(dom->code);
	d->name = xstrdup(dom->name ? dom->name : dom->code);
	return d;
}

static int load_indicators(struct store *st, struct evaluation *ev,
			   size_t *dom_cap, struct err *e)
{
	struct dashboard d;
	struct date today;
	int rc = -1;

	if (dashboard_load(st, ev->contract_uid, ev->year, ev->today, NULL, &d,
			   e) != 0)
		return -1;
	if (dashboard_fill_all(st, &d, e) != 0)
		goto out;
	date_parse(ev->today, &today);
	if (d.src->contract) {
		ev->commune = dup_or_null(d.src->contract->commune);
		ev->identifier = dup_or_null(d.src->contract->identifier);
		ev->title = dup_or_null(d.src->contract->title);
		snprintf(ev->starts_on, sizeof ev->starts_on, "%s",
			 d.src->contract->starts_on
				 ? d.src->contract->starts_on : "");
	}
	for (size_t i = 0; i < d.n_rows; i++) {
		const struct dash_row *r = &d.rows[i];
		const struct browse_domain *dom;
		const struct annex *a = NULL;
		struct eval_domain *ed;
		struct eval_commitment *cm;

		if (r->kind != DASH_INDICATOR)
			continue;
		dom = domain_of(d.src, r->ind, &a);
		if (!dom) {
			err_set(e, ERR_DB, "indicateur %s sans domaine",
				r->code);
			goto out;
		}
		ed = domain_by_code(ev, dom, dom_cap);
		cm = ed->n_commitments ? &ed->commitments[ed->n_commitments - 1]
				       : NULL;
		/* the dashboard lists a commitment's indicators together */
		if (!cm || strcmp(cm->code, r->ind->commitment)) {
			const char *title = "";

			for (size_t c = 0; c < a->n_commitments; c++)
				if (!strcmp(a->commitments[c].code,
					    r->ind->commitment))
					title = a->commitments[c].title;
			ed->commitments = xrealloc(ed->commitments,
				(ed->n_commitments + 1) *
				sizeof *ed->commitments);
			cm = &ed->commitments[ed->n_commitments++];
			memset(cm, 0, sizeof *cm);
			cm->code = xstrdup(r->ind->commitment);
			cm->title = xstrdup(title ? title : "");
		}
		cm->indicators = xrealloc(cm->indicators,
					  (cm->n_indicators + 1) *
					  sizeof *cm->indicators);
		fill_indicator(&cm->indicators[cm->n_indicators++], r,
			       ev->year, today);
	}
	rc = 0;
out:
	dashboard_release(&d);
	return rc;
}

static void summarise(struct evaluation *ev)
{
	for (size_t i = 0; i < ev->n_domains; i++)
		for (size_t c = 0; c < ev->domains[i].n_commitments; c++) {
			struct eval_commitment *cm =
				&ev->domains[i].commitments[c];
			bool met = false, missed = false;

			for (size_t k = 0; k < cm->n_indicators; k++) {
				enum eval_status s = cm->indicators[k].status;

				met |= s == EVAL_MET;
				missed |= s == EVAL_MISSED;
				ev->indicators[s]++;
				ev->n_indicators++;
			}
			cm->status = missed ? EVAL_MISSED
				   : met ? EVAL_MET : EVAL_NOT_MEASURED;
			ev->commitments[cm->status]++;
			ev->n_commitments++;
		}
}

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

static void delays_of(struct eval_delays *d, struct samples *ack,
		      struct samples *res)
{
	d->n_ack = ack->n;
	d->n_resolved = res->n;
	evaluation_median_mean(ack->v, ack->n, &d->ack_median, &d->ack_mean);
	evaluation_median_mean(res->v, res->n, &d->res_median, &d->res_mean);
	free(ack->v);
	free(res->v);
}

static int load_requests(struct store *st, struct evaluation *ev,
			 struct err *e)
{
	/* groups: the kinds, the natures, all */
	enum { G_KIND = 0, G_NATURE = REQUEST_KIND_COUNT,
	       G_ALL = REQUEST_KIND_COUNT + NATURE_COUNT, G_COUNT };
	struct samples ack[G_COUNT], res[G_COUNT];
	struct eval_requests *q = &ev->requests;
	struct request_filter f;
	struct request *v;
	size_t n;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];

	request_filter_init(&f);
	snprintf(from, sizeof from, "%04d-01-01", ev->year);
	snprintf(to, sizeof to, "%04d-12-31", ev->year);
	f.from = from;
	f.to = to;
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
			if (r->has_ack)
				sample_add(&ack[g[k]], r->ack_hours);
			if (r->has_resolution)
				sample_add(&res[g[k]], r->resolution_days);
		}
	}
	store_request_list_free(v, n);
	for (int k = 0; k < REQUEST_KIND_COUNT; k++) {
		q->delay_kind[k].n = q->by_kind[k];
		delays_of(&q->delay_kind[k], &ack[G_KIND + k], &res[G_KIND + k]);
	}
	for (int k = 0; k < NATURE_COUNT; k++) {
		q->delay_nature[k].n = q->by_nature[k];
		delays_of(&q->delay_nature[k], &ack[G_NATURE + k],
			  &res[G_NATURE + k]);
	}
	q->delay_all.n = q->total;
	delays_of(&q->delay_all, &ack[G_ALL], &res[G_ALL]);
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
	x->owner = dup_or_null(a->owner);
	x->due_on = dup_or_null(a->due_on);
	x->done_on = dup_or_null(a->done_on);
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

static int load_actions(struct store *st, struct evaluation *ev,
			struct err *e)
{
	struct meeting *m = NULL;
	struct meeting_action *open = NULL;
	size_t n = 0, n_open = 0, cap = 0;
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN];
	int rc = -1;

	snprintf(first, sizeof first, "%04d-01-01", ev->year);
	snprintf(last, sizeof last, "%04d-12-31", ev->year);
	if (store_meeting_list(st, ev->contract_uid, ev->today, &m, &n, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct meeting full;

		if (m[i].status == MEETING_CANCELLED || !m[i].held_on ||
		    strcmp(m[i].held_on, first) < 0 ||
		    strcmp(m[i].held_on, last) > 0 || !m[i].n_actions)
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
		    strcmp(open[k].meeting_held_on, first) < 0)
			action_add(ev, &cap, &open[k], true);
	if (ev->n_actions)
		qsort(ev->actions, ev->n_actions, sizeof *ev->actions,
		      cmp_action);
	rc = 0;
out:
	store_meeting_actions_free(open, n_open);
	store_meeting_list_free(m, n);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Load                                                                */

int evaluation_load(struct store *st, const char *contract_uid, int year,
		    const char *today, struct evaluation *out, struct err *e)
{
	struct observation *obs = NULL;
	struct date t;
	size_t n_obs = 0, dom_cap = 0;

	memset(out, 0, sizeof *out);
	err_clear(e);
	if (year < 1900 || year > 2198) {
		err_set(e, ERR_INPUT, "année invalide : %d (1900 à 2198)", year);
		return -1;
	}
	if (!today || date_parse(today, &t) != 0)
		date_today(&t);
	snprintf(out->contract_uid, sizeof out->contract_uid, "%s",
		 contract_uid);
	out->year = year;
	date_format_iso(t, out->today);
	{
		struct date dl = { year + 1, EVALUATION_DEADLINE_MONTH,
				   EVALUATION_DEADLINE_DAY };

		date_format_iso(dl, out->deadline);
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
	}
	store_observation_list_free(obs, n_obs);
	if (load_indicators(st, out, &dom_cap, e) != 0 ||
	    load_requests(st, out, e) != 0 || load_actions(st, out, e) != 0)
		goto fail;
	summarise(out);
	return 0;
fail:
	evaluation_release(out);
	return -1;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

static void fr_date(const char *iso, char buf[DATE_ISO_LEN])
{
	struct date d;

	if (iso && date_parse(iso, &d) == 0)
		date_format_fr(d, buf);
	else
		snprintf(buf, DATE_ISO_LEN, "%s", iso ? iso : "");
}

static enum doc_tone cell_tone(enum value_status s)
{
	switch (s) {
	case STATUS_MET:
		return TONE_MET;
	case STATUS_MISSED:
		return TONE_MISSED;
	case STATUS_MISSING:
		return TONE_MISSING;
	case STATUS_NOT_DUE:
		return TONE_MUTED;
	default:
		return TONE_NONE;
	}
}

static enum doc_tone status_tone(enum eval_status s)
{
	return s == EVAL_MET ? TONE_MET
	     : s == EVAL_MISSED ? TONE_MISSED
	     : s == EVAL_NOT_MEASURED ? TONE_MISSING : TONE_NONE;
}

static void count_cell(struct doc_table *t, size_t n, enum doc_tone tone)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", n);
	doc_num(t, (double)n, buf, tone);
}

static void decimal_cell(struct doc_table *t, bool has, double v)
{
	char buf[32];

	if (!has) {
		doc_text(t, "—", TONE_MUTED);
		return;
	}
	evaluation_format_decimal(v, buf, sizeof buf);
	doc_num(t, evaluation_round1(v), buf, TONE_NONE);
}

/* Which period columns a set of indicators needs. */
struct columns {
	bool months, quarters, year;
	size_t n;
	const char *heads[17];
};

static void columns_add(struct columns *c, const struct eval_indicator *x)
{
	if (x->n_cells == 12)
		c->months = true;
	else if (x->n_cells == 4)
		c->quarters = true;
	else
		c->year = true;
}

static void columns_close(struct columns *c, int year)
{
	c->n = 0;
	if (c->months)
		for (int m = 1; m <= 12; m++)
			c->heads[c->n++] = period_heading(
				(struct period){ year, m, 0 });
	if (c->quarters)
		for (int q = 1; q <= 4; q++)
			c->heads[c->n++] = period_heading(
				(struct period){ year, 0, q });
	if (c->year)
		c->heads[c->n++] = "Année";
}

/* The column of cell i of an indicator, among c's. */
static size_t column_of(const struct columns *c, const struct eval_indicator *x,
			int i)
{
	size_t base = 0;

	if (x->n_cells == 12)
		return (size_t)i;
	if (c->months)
		base += 12;
	if (x->n_cells == 4)
		return base + (size_t)i;
	if (c->quarters)
		base += 4;
	return base;
}

static void period_cells(struct doc_table *t, const struct columns *c,
			 const struct eval_indicator *x)
{
	for (size_t col = 0; col < c->n; col++) {
		const struct eval_cell *cell = NULL;

		for (int i = 0; i < x->n_cells; i++)
			if (column_of(c, x, i) == col)
				cell = &x->cells[i];
		if (!cell)
			doc_text(t, "", TONE_MUTED);
		else if (!cell->applicable)
			doc_text(t, "sans objet", TONE_MUTED);
		else if (cell->has_value && cell->has_num)
			doc_num(t, cell->num, cell->value,
				cell_tone(cell->status));
		else if (cell->has_value)
			doc_text(t, cell->value, cell_tone(cell->status));
		else if (cell->status == STATUS_MISSING)
			doc_text(t, "manquante", TONE_MISSING);
		else
			doc_text(t, "à venir", TONE_MUTED);
	}
}

static void tail_cells(struct doc_table *t, const struct eval_indicator *x)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%d/%d", x->n_measured, x->n_expected);
	doc_text(t, buf, TONE_NONE);
	doc_text(t, eval_status_label[x->status], status_tone(x->status));
}

static char *indicator_title(const struct eval_indicator *x)
{
	return *x->criticality ? xasprintf("%s [%s] %s", x->code,
					   x->criticality, x->label)
			       : xasprintf("%s %s", x->code, x->label);
}

/* "≤ 4 h": the target with the direction that judges it. */
static char *target_text(const struct eval_indicator *x)
{
	if (!x->has_target)
		return xstrdup("—");
	switch (x->better) {
	case BETTER_HIGHER:
		return xasprintf("≥ %s", x->target);
	case BETTER_LOWER:
		return xasprintf("≤ %s", x->target);
	default:
		return xstrdup(x->target);
	}
}

static void commitment_table(struct doc *d, const struct eval_domain *dom,
			     const struct eval_commitment *cm, int year)
{
	struct columns c = { 0 };
	const char *heads[4 + 17 + 2];
	size_t n = 0;
	struct doc_table *t;
	char *name;

	for (size_t k = 0; k < cm->n_indicators; k++)
		columns_add(&c, &cm->indicators[k]);
	columns_close(&c, year);
	heads[n++] = "Indicateur";
	heads[n++] = "Cible";
	heads[n++] = "Niveau constaté";
	for (size_t k = 0; k < c.n; k++)
		heads[n++] = c.heads[k];
	heads[n++] = "Relevés";
	heads[n++] = "Statut annuel";
	name = xasprintf("Engagement %s (%s)", cm->code, dom->code);
	t = doc_table(d, name, n, heads);
	free(name);
	for (size_t k = 0; k < cm->n_indicators; k++) {
		const struct eval_indicator *x = &cm->indicators[k];
		char *title = indicator_title(x), *target = target_text(x);

		doc_row(t);
		doc_text(t, title, TONE_NONE);
		doc_text(t, target, x->has_target ? TONE_NONE : TONE_MUTED);
		doc_text(t, x->baseline ? x->baseline : "—",
			 x->baseline ? TONE_NONE : TONE_MUTED);
		period_cells(t, &c, x);
		tail_cells(t, x);
		free(title);
		free(target);
	}
}

static void indicator_chart(struct doc *d, const struct evaluation *ev,
			    const struct eval_indicator *x)
{
	struct date start;
	int from = 0;
	double scale = x->kind == VALUE_RATIO ? 100.0 : 1.0;
	/* the units value_format writes */
	const char *unit = x->kind == VALUE_RATIO ? "%"
			 : x->kind == VALUE_PERCENT ? "%"
			 : x->kind == VALUE_HOURS ? "h"
			 : x->kind == VALUE_DAYS ? "j"
			 : x->unit ? x->unit : "";
	struct doc_chart *ch;
	char *title;
	bool any = false;

	if (x->kind == VALUE_TEXT || x->kind == VALUE_YES_NO)
		return;
	/* periods over before the contract began say nothing */
	if (date_parse(ev->starts_on, &start) == 0)
		while (from < 11 && !x->trend_has[from] &&
		       date_cmp(period_last_day(x->trend_period[from]),
				start) < 0)
			from++;
	for (int k = from; k < 12; k++)
		any |= x->trend_has[k];
	if (!any)
		return;
	title = indicator_title(x);
	ch = doc_chart(d, title, unit, (size_t)(12 - from));
	free(title);
	for (int k = from; k < 12; k++) {
		/* short, so that twelve fit under the axis: "janv. 25", "T1 25",
		 * "2025" */
		struct period p = x->trend_period[k];
		char label[24];

		if (p.month || p.quarter)
			snprintf(label, sizeof label, "%s %02d",
				 period_heading(p), p.year % 100);
		else
			snprintf(label, sizeof label, "%d", p.year);
		doc_chart_point(ch, (size_t)(k - from), label,
				x->trend_has[k], x->trend[k] * scale);
	}
	if (x->target_has_num)
		doc_chart_target(ch, x->target_num * scale);
}

static const char *plural(size_t n)
{
	return n > 1 ? "s" : "";
}

static void summary_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Niveau", "Atteints", "Non atteints", "Sans cible",
		"Non mesurés", "Total",
	};
	struct doc_table *t;

	doc_heading(d, 1, "Synthèse");
	doc_para(d, "Engagements : %zu atteint%s, %zu non atteint%s, %zu non "
		 "mesuré%s, sur %zu. Indicateurs : %zu atteint%s, %zu non "
		 "atteint%s, %zu sans cible, %zu non mesuré%s, sur %zu.",
		 ev->commitments[EVAL_MET], plural(ev->commitments[EVAL_MET]),
		 ev->commitments[EVAL_MISSED],
		 plural(ev->commitments[EVAL_MISSED]),
		 ev->commitments[EVAL_NOT_MEASURED],
		 plural(ev->commitments[EVAL_NOT_MEASURED]), ev->n_commitments,
		 ev->indicators[EVAL_MET], plural(ev->indicators[EVAL_MET]),
		 ev->indicators[EVAL_MISSED],
		 plural(ev->indicators[EVAL_MISSED]),
		 ev->indicators[EVAL_NO_TARGET],
		 ev->indicators[EVAL_NOT_MEASURED],
		 plural(ev->indicators[EVAL_NOT_MEASURED]), ev->n_indicators);
	t = doc_table(d, "Synthèse", 6, heads);
	doc_row(t);
	doc_text(t, "Engagements", TONE_STRONG);
	count_cell(t, ev->commitments[EVAL_MET], TONE_MET);
	count_cell(t, ev->commitments[EVAL_MISSED], TONE_MISSED);
	doc_text(t, "—", TONE_MUTED);
	count_cell(t, ev->commitments[EVAL_NOT_MEASURED], TONE_MISSING);
	count_cell(t, ev->n_commitments, TONE_STRONG);
	doc_row(t);
	doc_text(t, "Indicateurs", TONE_STRONG);
	count_cell(t, ev->indicators[EVAL_MET], TONE_MET);
	count_cell(t, ev->indicators[EVAL_MISSED], TONE_MISSED);
	count_cell(t, ev->indicators[EVAL_NO_TARGET], TONE_NONE);
	count_cell(t, ev->indicators[EVAL_NOT_MEASURED], TONE_MISSING);
	count_cell(t, ev->n_indicators, TONE_STRONG);
	doc_heading(d, 3, "Règles de calcul");
	doc_list(d);
	for (const char *const *p = evaluation_rules_text; *p; p++)
		doc_item(d, "%s", *p);
}

static void domain_part(struct doc *d, const struct evaluation *ev,
			const struct eval_domain *dom)
{
	doc_heading(d, 1, "%s", dom->name);
	doc_heading(d, 2, "Observations");
	if (dom->observation)
		doc_para(d, "%s", dom->observation);
	else
		doc_para(d, "Aucune observation saisie pour %d.", ev->year);
	if (!dom->n_commitments)
		doc_para(d, "Aucun indicateur suivi dans ce domaine en %d.",
			 ev->year);
	for (size_t c = 0; c < dom->n_commitments; c++) {
		const struct eval_commitment *cm = &dom->commitments[c];

		if (*cm->title)
			doc_heading(d, 2, "Engagement %s — %s (%s)", cm->code,
				    cm->title, eval_status_label[cm->status]);
		else
			doc_heading(d, 2, "Engagement %s (%s)", cm->code,
				    eval_status_label[cm->status]);
		commitment_table(d, dom, cm, ev->year);
		for (size_t k = 0; k < cm->n_indicators; k++)
			indicator_chart(d, ev, &cm->indicators[k]);
	}
}

static void delay_row(struct doc_table *t, const char *label,
		      const struct eval_delays *x, enum doc_tone tone)
{
	doc_row(t);
	doc_text(t, label, tone);
	count_cell(t, x->n, tone);
	count_cell(t, x->n_ack, tone);
	decimal_cell(t, x->n_ack > 0, x->ack_median);
	decimal_cell(t, x->n_ack > 0, x->ack_mean);
	count_cell(t, x->n_resolved, tone);
	decimal_cell(t, x->n_resolved > 0, x->res_median);
	decimal_cell(t, x->n_resolved > 0, x->res_mean);
}

static void requests_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const count_heads[] = {
		"Type de saisine", "Demandes", "Incidents", "Total", "Annulées",
	};
	static const char *const delay_heads[] = {
		"Catégorie", "Nombre", "Prises en compte",
		"Prise en compte : médiane (h)",
		"Prise en compte : moyenne (h)", "Résolues",
		"Résolution : médiane (j ouvrés)",
		"Résolution : moyenne (j ouvrés)",
	};
	static const char *const nature_plural[NATURE_COUNT] = {
		[NATURE_DEMAND] = "demandes", [NATURE_INCIDENT] = "incidents",
	};
	const struct eval_requests *q = &ev->requests;
	struct doc_table *t;

	doc_heading(d, 1, "Saisines");
	doc_para(d, "%zu saisine%s reçue%s en %d, hors %zu annulée%s.",
		 q->total, plural(q->total), plural(q->total), ev->year,
		 q->total_cancelled, plural(q->total_cancelled));
	t = doc_table(d, "Saisines", 5, count_heads);
	for (int k = 0; k < REQUEST_KIND_COUNT; k++) {
		doc_row(t);
		doc_text(t, request_kind_vocab[k].label, TONE_NONE);
		count_cell(t, q->count[k][NATURE_DEMAND], TONE_NONE);
		count_cell(t, q->count[k][NATURE_INCIDENT], TONE_NONE);
		count_cell(t, q->by_kind[k], TONE_STRONG);
		count_cell(t, q->cancelled[k], TONE_MUTED);
	}
	doc_row(t);
	doc_text(t, "Total", TONE_STRONG);
	count_cell(t, q->by_nature[NATURE_DEMAND], TONE_STRONG);
	count_cell(t, q->by_nature[NATURE_INCIDENT], TONE_STRONG);
	count_cell(t, q->total, TONE_STRONG);
	count_cell(t, q->total_cancelled, TONE_STRONG);

	doc_heading(d, 2, "Délais");
	doc_para(d, "Prise en compte : de la réception à la prise en compte, "
		 "en heures. Résolution : de la réception à la résolution, en "
		 "jours ouvrés. Sur les saisines non annulées qui ont ces "
		 "dates ; arrondi à une décimale ; « — » : aucune saisine.");
	t = doc_table(d, "Délais", 8, delay_heads);
	for (int k = 0; k < REQUEST_KIND_COUNT; k++)
		delay_row(t, request_kind_vocab[k].label, &q->delay_kind[k],
			  TONE_NONE);
	for (int k = 0; k < NATURE_COUNT; k++)
		delay_row(t, nature_plural[k], &q->delay_nature[k], TONE_NONE);
	delay_row(t, "Ensemble", &q->delay_all, TONE_STRONG);
}

static void actions_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Action", "Responsable", "Échéance", "Statut", "Réunion",
		"Retard",
	};
	struct doc_table *t;
	char today[DATE_ISO_LEN];

	fr_date(ev->today, today);
	doc_heading(d, 1, "Plan d'actions");
	if (!ev->n_actions)
		doc_para(d, "Aucune action en %d.", ev->year);
	else
		doc_para(d, "Les actions décidées aux réunions de %d et celles "
			 "des années précédentes qui ne sont pas terminées ; "
			 "statuts au %s.", ev->year, today);
	t = doc_table(d, "Plan d'actions", 6, heads);
	for (size_t i = 0; i < ev->n_actions; i++) {
		const struct eval_action *a = &ev->actions[i];
		char due[DATE_ISO_LEN], held[DATE_ISO_LEN], done[DATE_ISO_LEN];
		char status[64];
		enum doc_tone tone = a->status == ACTION_DONE ? TONE_MET
				   : a->status == ACTION_DROPPED ? TONE_MUTED
				   : TONE_NONE;

		fr_date(a->due_on, due);
		fr_date(a->meeting_held_on, held);
		fr_date(a->done_on, done);
		if (a->status == ACTION_DONE && a->done_on)
			snprintf(status, sizeof status, "%s le %s",
				 action_status_vocab[a->status].label, done);
		else
			snprintf(status, sizeof status, "%s",
				 action_status_vocab[a->status].label);
		doc_row(t);
		doc_text(t, a->what, TONE_NONE);
		doc_text(t, a->owner ? a->owner : "—",
			 a->owner ? TONE_NONE : TONE_MUTED);
		doc_text(t, a->due_on ? due : "—",
			 a->due_on ? TONE_NONE : TONE_MUTED);
		doc_text(t, status, tone);
		doc_text(t, held, TONE_NONE);
		doc_text(t, a->late ? "en retard" : "",
			 a->late ? TONE_MISSED : TONE_NONE);
	}
}

static void indicators_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const first[] = {
		"Domaine", "Engagement", "Code", "Criticité", "Indicateur",
		"Type de valeur", "Unité", "Périodicité", "Cible", "Sens",
		"Niveau constaté",
	};
	enum { N_FIRST = sizeof first / sizeof *first };
	const char *heads[N_FIRST + 17 + 2];
	struct columns c = { 0 };
	struct doc_table *t;
	size_t n = 0;

	for (size_t i = 0; i < ev->n_domains; i++)
		for (size_t j = 0; j < ev->domains[i].n_commitments; j++)
			for (size_t k = 0;
			     k < ev->domains[i].commitments[j].n_indicators; k++)
				columns_add(&c, &ev->domains[i].commitments[j]
							 .indicators[k]);
	columns_close(&c, ev->year);
	for (size_t k = 0; k < N_FIRST; k++)
		heads[n++] = first[k];
	for (size_t k = 0; k < c.n; k++)
		heads[n++] = c.heads[k];
	heads[n++] = "Relevés";
	heads[n++] = "Statut annuel";
	doc_heading(d, 1, "Annexe : tous les indicateurs");
	doc_para(d, "Les valeurs des tableaux par engagement, un indicateur "
		 "par ligne (par criticité pour les indicateurs suivis par "
		 "criticité).");
	t = doc_table(d, "Indicateurs", n, heads);
	for (size_t i = 0; i < ev->n_domains; i++) {
		const struct eval_domain *dom = &ev->domains[i];

		for (size_t j = 0; j < dom->n_commitments; j++) {
			const struct eval_commitment *cm = &dom->commitments[j];

			for (size_t k = 0; k < cm->n_indicators; k++) {
				const struct eval_indicator *x =
					&cm->indicators[k];

				doc_row(t);
				doc_text(t, dom->name, TONE_NONE);
				doc_text(t, cm->code, TONE_NONE);
				doc_text(t, x->code, TONE_NONE);
				doc_text(t, x->criticality, TONE_NONE);
				doc_text(t, x->label, TONE_NONE);
				doc_text(t, value_kind_vocab[x->kind].label,
					 TONE_NONE);
				doc_text(t, x->unit ? x->unit : "", TONE_NONE);
				doc_text(t, periodicity_vocab[x->per].label,
					 TONE_NONE);
				if (!x->has_target)
					doc_text(t, "", TONE_MUTED);
				else if (kind_numeric(x->kind) &&
					 x->target_has_num)
					doc_num(t, x->target_num,
						x->target_short, TONE_NONE);
				else
					doc_text(t, x->target_short, TONE_NONE);
				doc_text(t, better_vocab[x->better].file,
					 TONE_NONE);
				doc_text(t, x->baseline ? x->baseline : "",
					 TONE_NONE);
				period_cells(t, &c, x);
				tail_cells(t, x);
			}
		}
	}
}

int evaluation_doc(const struct evaluation *ev, struct doc *out)
{
	char deadline[DATE_ISO_LEN], today[DATE_ISO_LEN];
	char *title, *subtitle;

	fr_date(ev->deadline, deadline);
	fr_date(ev->today, today);
	title = xasprintf("Évaluation annuelle %d — %s", ev->year,
			  ev->commune ? ev->commune : "");
	subtitle = ev->identifier
		? xasprintf("%s (%s)", ev->title ? ev->title : "",
			    ev->identifier)
		: NULL;
	doc_init(out, title, subtitle);
	free(title);
	free(subtitle);
	doc_note(out, "À transmettre à la commune au plus tard le %s, puis à "
		 "présenter à son conseil municipal.", deadline);
	if (ev->deadline_passed)
		doc_note(out, "Échéance dépassée : le %s est passé.", deadline);
	summary_part(out, ev);
	for (size_t i = 0; i < ev->n_domains; i++)
		domain_part(out, ev, &ev->domains[i]);
	requests_part(out, ev);
	actions_part(out, ev);
	indicators_part(out, ev);
	{
		char *footer = xasprintf("Établi par suivi le %s", today);

		doc_set_footer(out, footer);
		free(footer);
	}
	return 0;
}

int evaluation_build(struct store *st, const char *contract_uid, int year,
		     const char *today, struct doc *out, struct err *e)
{
	struct evaluation ev;

	memset(out, 0, sizeof *out);
	if (evaluation_load(st, contract_uid, year, today, &ev, e) != 0)
		return -1;
	evaluation_doc(&ev, out);
	evaluation_release(&ev);
	return 0;
}
