#include "suivi/evaluation.h"

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

const char *const eval_status_label[EVAL_STATUS_COUNT] = {
	[EVAL_MET] = "atteint",
	[EVAL_MISSED] = "non atteint",
	[EVAL_NO_TARGET] = "sans cible",
	[EVAL_NOT_MEASURED] = "non mesuré",
	[EVAL_NOT_APPLICABLE] = "sans objet",
};

const char *const evaluation_rules_text[] = {
	"Statut annuel d'un indicateur : non atteint dès qu'une valeur de "
	"l'année manque la cible ; sinon atteint si une valeur au moins "
	"l'atteint (toutes les périodes mesurées l'atteignent, les périodes "
	"sans valeur apparaissent dans la colonne Relevés) ; sinon sans cible "
	"si des valeurs ont été relevées sans cible pour les juger ; sinon "
	"non mesuré ; sans objet quand toutes ses périodes sans valeur ont "
	"été déclarées sans objet (rien à mesurer : s/o), une période sans "
	"objet n'étant ni relevée ni attendue. Un indicateur suivi par "
	"criticité compte une fois par criticité.",
	"Statut d'un engagement : non atteint dès qu'un de ses indicateurs "
	"est non atteint ; sinon atteint si un indicateur au moins est "
	"atteint (tous ceux qui ont une cible et une valeur le sont) ; sinon "
	"sans objet si tous ses indicateurs le sont ; sinon non mesuré "
	"(aucun indicateur jugé par rapport à une cible).",
	"Valeurs : celles saisies ou, pour les indicateurs calculés, celles "
	"du journal des saisines ; chaque période relève de la version de "
	"l'annexe en vigueur à son premier jour ; la cible est celle de "
	"l'année.",
	"Saisines : reçues sur la période évaluée ; les saisines "
	"annulées sont comptées à part et n'entrent dans aucun autre "
	"chiffre. Délais sur les saisines qui ont les dates, dans les unités "
	"des indicateurs que les annexes calculent depuis les saisines (à "
	"défaut : prise en compte en heures, résolution en jours ouvrés) ; "
	"médiane (moyenne "
	"des deux valeurs centrales pour un nombre pair) et moyenne, "
	"arrondies à une décimale.",
	"Réunions : une réunion est tenue quand elle est close. Réunions de "
	"suivi : une échéance un mois après la précédente réunion tenue (ou "
	"le début du contrat) pendant la première année du contrat, trois "
	"mois après ensuite ; une échéance passée sans réunion est manquée, "
	"et la suivante court à partir d'elle. Réunions avec les Maires : "
	"au moins deux par an.",
	"Comités : ceux des versions des annexes en vigueur sur la période, "
	"avec la fréquence que l'annexe écrit ; attendus au prorata des "
	"jours de la période que couvre chaque version (arrondi à l'unité "
	"la plus proche) ; tenus : les réunions closes du type qui "
	"enregistre le comité (comité numérique communal pour un « Comité "
	"numérique … », réunion thématique pour une « Réunion thématique "
	"… », réunion de suivi pour un « Comité de suivi … »).",
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
	free(x->choices);
	free(x->target);
	free(x->target_short);
	free(x->target_years);
	free(x->baseline);
	for (int i = 0; i < x->n_cells; i++) {
		free(x->cells[i].value);
		free(x->cells[i].computed_value);
		free(x->cells[i].typed_value);
	}
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
		free(d->observation_commune);
		free(d->observation_metropole);
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
	for (size_t i = 0; i < ev->n_annexes; i++) {
		free(ev->annexes[i].domain_code);
		free(ev->annexes[i].domain_name);
	}
	free(ev->annexes);
	for (size_t i = 0; i < ev->n_committees; i++) {
		free(ev->committees[i].domain_code);
		free(ev->committees[i].name);
		free(ev->committees[i].frequency);
	}
	free(ev->committees);
	free(ev->meetings.dues);
	free(ev->meetings.mayors);
	store_request_list_free(ev->exceptional, ev->n_exceptional);
	store_dispute_list_free(ev->disputes, ev->n_disputes);
	free(ev->commune);
	free(ev->identifier);
	free(ev->title);
	free(ev->sender);
	free(ev->sender_function);
	free(ev->sent_on);
	free(ev->presented_on);
	free(ev->adjustments);
	memset(ev, 0, sizeof *ev);
}

/* ------------------------------------------------------------------ */
/* Indicators, from the tableau de bord                                */

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
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

/* The value of row r (of the tableau de bord of year) for period p in
 * its trend, if it has one there. */
static bool trend_value(const struct dash_row *r, int year, struct date today,
			struct period p, double *v)
{
	struct period q;

	if (!r || r->per != (p.month ? PERIOD_MONTHLY : p.quarter
			     ? PERIOD_QUARTERLY : PERIOD_ANNUAL))
		return false;
	q = trend_last(r->per, year, today);
	for (int k = 11; k >= 0; k--, q = period_prev(q))
		if (!period_cmp(q, p)) {
			*v = r->trend[k];
			return r->trend_has[k];
		}
	return false;
}

/* One indicator of the period. Its cells: for the calendar year, the
 * row's own; for the anniversary period, the periods of main's
 * periodicity that end within it, each read from the row of the year it
 * belongs to (main, of year main_year, or other, of the other year; a
 * period neither has is not applicable). */
static void fill_indicator(struct eval_indicator *x, const struct evaluation *ev,
			   const struct dash_row *main, int main_year,
			   const struct dash_row *other, int other_year,
			   struct date today)
{
	char buf[VALUE_TEXT_MAX + 64];
	struct date from;
	const struct dash_row *r = main;

	memset(x, 0, sizeof *x);
	date_parse(ev->from, &from);
	x->code = xstrdup(r->code);
	x->criticality = xstrdup(r->criticality ? r->criticality : "");
	x->label = xstrdup(r->ind->label ? r->ind->label : "");
	x->kind = r->spec.kind;
	x->unit = dup_or_null(r->ind->unit);
	x->computed_from = r->ind->computed_from;
	x->choices = dup_or_null(r->ind->choices);
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
	if (ev->period == EVAL_CALENDAR) {
		x->n_cells = r->n_cells;
	} else {
		x->n_cells = r->per == PERIOD_MONTHLY ? 12
			   : r->per == PERIOD_QUARTERLY ? 4 : 1;
		/* each year's target, when they differ */
		if (other && (other->has_target != r->has_target ||
			      (r->has_target &&
			       !value_equal(&r->target, &other->target)))) {
			const struct dash_row *first = main_year < other_year
						       ? main : other;
			const struct dash_row *second = first == main ? other
								      : main;
			char a[VALUE_TEXT_MAX + 8] = "—", b[VALUE_TEXT_MAX + 8] = "—";

			if (first->has_target)
				value_format(&first->spec, &first->target, true,
					     a, sizeof a);
			if (second->has_target)
				value_format(&second->spec, &second->target,
					     true, b, sizeof b);
			x->target_years = xasprintf(
				"%s%s (%d) ; %s%s (%d)",
				first->has_target ? value_better_sign(first->better)
						  : "", a,
				main_year < other_year ? main_year : other_year,
				second->has_target ? value_better_sign(second->better)
						   : "", b,
				main_year < other_year ? other_year : main_year);
		}
	}
	for (int i = 0; i < x->n_cells; i++) {
		const struct dash_cell *c = NULL;
		struct eval_cell *o = &x->cells[i];
		const struct dash_row *from_row = r;

		if (ev->period == EVAL_CALENDAR) {
			c = &r->cells[i];
		} else {
			struct period p = period_containing(r->per, from);

			for (int k = 0; k < i; k++)
				p = period_next(p);
			o->period = p;
			period_key(p, o->key);
			from_row = p.year == main_year ? main
				 : p.year == other_year ? other : NULL;
			if (from_row && from_row->per == r->per)
				for (int k = 0; k < from_row->n_cells; k++)
					if (!period_cmp(from_row->cells[k].period,
							p))
						c = &from_row->cells[k];
			if (!c) {
				/* no row, or none of this periodicity, that
				 * year: not applicable */
				o->status = STATUS_NOT_DUE;
				continue;
			}
		}
		o->period = c->period;
		memcpy(o->key, c->key, sizeof o->key);
		o->applicable = c->uid[0] != '\0';
		o->not_applicable = o->applicable &&
				    value_not_applicable(&c->value);
		o->has_value = o->applicable && !o->not_applicable &&
			       !value_empty(&c->value);
		o->computed = o->has_value && c->computed;
		if (o->has_value && c->disagrees) {
			value_format(&from_row->spec, &c->computed_value, true,
				     buf, sizeof buf);
			o->disagrees = true;
			o->computed_value = xstrdup(buf);
			value_format(&from_row->spec, &c->value, true, buf,
				     sizeof buf);
			o->typed_value = xstrdup(buf);
		}
		o->status = c->status;
		if (o->has_value) {
			value_format(&from_row->spec, &c->value, false, buf,
				     sizeof buf);
			o->value = xstrdup(buf);
			o->has_num = value_kind_numeric(x->kind) &&
				     value_scalar(&from_row->spec, &c->value,
						  &o->num);
			x->n_measured++;
		}
		if (o->not_applicable)
			x->n_not_applicable++;
		else if (o->applicable && (c->due || o->has_value))
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
		  : x->n_measured ? EVAL_NO_TARGET
		  : x->n_not_applicable && !x->n_missing ? EVAL_NOT_APPLICABLE
		  : EVAL_NOT_MEASURED;
	{
		/* the 12 periods ending with the period's last one (the
		 * calendar year: the dashboard's trend) */
		struct period p = ev->period == EVAL_CALENDAR
			? trend_last(r->per, main_year, today)
			: x->cells[x->n_cells - 1].period;

		for (int k = 11; k >= 0; k--) {
			x->trend_period[k] = p;
			period_label(p, x->trend_label[k],
				     sizeof x->trend_label[k]);
			if (ev->period == EVAL_CALENDAR) {
				x->trend[k] = r->trend[k];
				x->trend_has[k] = r->trend_has[k];
			} else {
				x->trend_has[k] =
					trend_value(main, main_year, today, p,
						    &x->trend[k]) ||
					trend_value(other, other_year, today, p,
						    &x->trend[k]);
			}
			p = period_prev(p);
		}
	}
}

/* Whether a cell of x is in its version (an anniversary row without one
 * is left out). */
static bool any_applicable(const struct eval_indicator *x)
{
	for (int i = 0; i < x->n_cells; i++)
		if (x->cells[i].applicable)
			return true;
	return false;
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

/* The commitment of ed that indicator ind belongs to, added (with its
 * title from annex a) when the domain has none yet. */
static struct eval_commitment *commitment_of(struct eval_domain *ed,
					     const struct indicator *ind,
					     const struct annex *a)
{
	struct eval_commitment *cm;
	const char *title = "";

	for (size_t c = 0; c < ed->n_commitments; c++)
		if (!strcmp(ed->commitments[c].code, ind->commitment))
			return &ed->commitments[c];
	for (size_t c = 0; c < a->n_commitments; c++)
		if (!strcmp(a->commitments[c].code, ind->commitment))
			title = a->commitments[c].title;
	ed->commitments = xrealloc(ed->commitments, (ed->n_commitments + 1) *
				   sizeof *ed->commitments);
	cm = &ed->commitments[ed->n_commitments++];
	memset(cm, 0, sizeof *cm);
	cm->code = xstrdup(ind->commitment);
	cm->title = xstrdup(title ? title : "");
	return cm;
}

/* The row of d with the same domain, code and criticality as r, or
 * NULL. */
static const struct dash_row *same_row(const struct dashboard *d,
				       const struct browse_source *src,
				       const struct browse_domain *dom,
				       const struct dash_row *r)
{
	for (size_t i = 0; i < d->n_rows; i++) {
		const struct dash_row *o = &d->rows[i];
		const struct annex *a;

		if (o->kind != DASH_INDICATOR || strcmp(o->code, r->code) ||
		    strcmp(o->criticality ? o->criticality : "",
			   r->criticality ? r->criticality : ""))
			continue;
		if (domain_of(src, o->ind, &a) == dom)
			return o;
	}
	return NULL;
}

/* The indicators: one tableau de bord (the calendar year) or two (the
 * anniversary period: its two calendar years), sharing src. */
static int load_indicators(struct store *st, struct evaluation *ev,
			   const struct browse_source *src, size_t *dom_cap,
			   struct err *e)
{
	struct dashboard d[2];
	int nd = ev->period == EVAL_CALENDAR ? 1 : 2;
	struct date today;
	int rc = -1, loaded = 0;

	memset(d, 0, sizeof d);
	for (int k = 0; k < nd; k++) {
		if (dashboard_load(st, ev->contract_uid, ev->year + k, ev->today,
				   src, &d[k], e) != 0)
			goto out;
		loaded++;
		if (dashboard_fill_all(st, &d[k], e) != 0)
			goto out;
	}
	date_parse(ev->today, &today);
	/* the later year's rows, then the earlier year's it no longer has */
	for (int k = nd - 1; k >= 0; k--) {
		for (size_t i = 0; i < d[k].n_rows; i++) {
			const struct dash_row *r = &d[k].rows[i];
			const struct dash_row *other = NULL;
			const struct browse_domain *dom;
			const struct annex *a = NULL;
			struct eval_domain *ed;
			struct eval_commitment *cm;
			struct eval_indicator x;

			if (r->kind != DASH_INDICATOR)
				continue;
			dom = domain_of(src, r->ind, &a);
			if (!dom) {
				err_set(e, ERR_DB, "indicateur %s sans domaine",
					r->code);
				goto out;
			}
			if (nd == 2) {
				other = same_row(&d[1 - k], src, dom, r);
				if (k == 0 && other)
					continue;	/* listed with year + 1 */
			}
			fill_indicator(&x, ev, r, ev->year + k, other,
				       ev->year + (1 - k), today);
			if (nd == 2 && !any_applicable(&x)) {
				indicator_free(&x);
				continue;
			}
			ed = domain_by_code(ev, dom, dom_cap);
			cm = commitment_of(ed, r->ind, a);
			cm->indicators = xrealloc(cm->indicators,
						  (cm->n_indicators + 1) *
						  sizeof *cm->indicators);
			cm->indicators[cm->n_indicators++] = x;
		}
	}
	rc = 0;
out:
	for (int k = 0; k < loaded; k++)
		dashboard_release(&d[k]);
	return rc;
}

static void summarise(struct evaluation *ev)
{
	for (size_t i = 0; i < ev->n_domains; i++)
		for (size_t c = 0; c < ev->domains[i].n_commitments; c++) {
			struct eval_commitment *cm =
				&ev->domains[i].commitments[c];
			bool met = false, missed = false, all_na = true;

			for (size_t k = 0; k < cm->n_indicators; k++) {
				enum eval_status s = cm->indicators[k].status;

				met |= s == EVAL_MET;
				missed |= s == EVAL_MISSED;
				all_na &= s == EVAL_NOT_APPLICABLE;
				ev->indicators[s]++;
				ev->n_indicators++;
			}
			cm->status = missed ? EVAL_MISSED
				   : met ? EVAL_MET
				   : all_na && cm->n_indicators ? EVAL_NOT_APPLICABLE
				   : EVAL_NOT_MEASURED;
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
		c->frequency = dup_or_null(cm->frequency);
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
		out->commune = dup_or_null(src.contract->commune);
		out->identifier = dup_or_null(src.contract->identifier);
		out->title = dup_or_null(src.contract->title);
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
		d->observation_commune = dup_or_null(obs[i].by[OBS_COMMUNE]);
		d->observation_metropole =
			dup_or_null(obs[i].by[OBS_METROPOLE]);
	}
	store_observation_list_free(obs, n_obs);
	if (store_meeting_list(st, contract_uid, out->today, &m, &n_m, e) != 0)
		goto fail;
	if (load_indicators(st, out, &src, &dom_cap, e) != 0 ||
	    load_requests(st, out, e) != 0 ||
	    load_actions(st, out, m, n_m, e) != 0 ||
	    load_exceptional(st, out, e) != 0 || load_disputes(st, out, e) != 0)
		goto fail;
	load_meetings(out, m, n_m);
	load_annexes(out, &src, m, n_m);
	summarise(out);
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

/* ------------------------------------------------------------------ */
/* The document                                                        */


enum doc_tone evaluation_cell_tone(enum value_status s)
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
	     : s == EVAL_NOT_MEASURED ? TONE_MISSING
	     : s == EVAL_NOT_APPLICABLE ? TONE_MUTED : TONE_NONE;
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
	char own[17][24];	/* the anniversary period's headings */
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

/* The headings: the calendar year's "janv." … "déc.", "T1" … "T4",
 * "Année"; the anniversary period's periods with their year ("févr.
 * 2017" … "janv. 2018", "T1 2017" …, "2017"), from its first day on. */
static void columns_close(struct columns *c, const struct evaluation *ev)
{
	static const enum periodicity pers[3] = { PERIOD_MONTHLY,
						  PERIOD_QUARTERLY,
						  PERIOD_ANNUAL };
	const bool want[3] = { c->months, c->quarters, c->year };
	const int count[3] = { 12, 4, 1 };
	struct date from;

	c->n = 0;
	date_parse(ev->from, &from);
	for (int k = 0; k < 3; k++) {
		struct period p = period_containing(pers[k], from);

		if (!want[k])
			continue;
		for (int i = 0; i < count[k]; i++, p = period_next(p)) {
			if (ev->period == EVAL_ANNIVERSARY) {
				if (k == 2)
					snprintf(c->own[c->n], sizeof c->own[0],
						 "%d", p.year);
				else
					snprintf(c->own[c->n], sizeof c->own[0],
						 "%s %d", period_heading(p),
						 p.year);
				c->heads[c->n] = c->own[c->n];
			} else {
				c->heads[c->n] = k == 2 ? "Année"
						 : period_heading(p);
			}
			c->n++;
		}
	}
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
			doc_text(t, "hors annexe", TONE_MUTED);
		else if (cell->not_applicable)
			doc_text(t, "sans objet", TONE_MUTED);
		else if (cell->has_value && cell->has_num)
			doc_num(t, cell->num, cell->value,
				evaluation_cell_tone(cell->status));
		else if (cell->has_value)
			doc_text(t, cell->value, evaluation_cell_tone(cell->status));
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

/* "≤ 4 h": the target with the direction that judges it; each year's
 * when an anniversary period's years differ. */
static char *target_text(const struct eval_indicator *x)
{
	if (x->target_years)
		return xstrdup(x->target_years);
	if (!x->has_target)
		return xstrdup("—");
	return xasprintf("%s%s", value_better_sign(x->better), x->target);
}

static void commitment_table(struct doc *d, const struct evaluation *ev,
			     const struct eval_domain *dom,
			     const struct eval_commitment *cm)
{
	struct columns c = { 0 };
	const char *heads[4 + 17 + 2];
	size_t n = 0;
	struct doc_table *t;
	char *name;

	for (size_t k = 0; k < cm->n_indicators; k++)
		columns_add(&c, &cm->indicators[k]);
	columns_close(&c, ev);
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
		doc_text(t, target, x->has_target || x->target_years
			 ? TONE_NONE : TONE_MUTED);
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
		"Non mesurés", "Sans objet", "Total",
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
	if (ev->commitments[EVAL_NOT_APPLICABLE] ||
	    ev->indicators[EVAL_NOT_APPLICABLE])
		doc_para(d, "Sans objet (rien à mesurer sur la période) : %zu "
			 "engagement%s, %zu indicateur%s.",
			 ev->commitments[EVAL_NOT_APPLICABLE],
			 plural(ev->commitments[EVAL_NOT_APPLICABLE]),
			 ev->indicators[EVAL_NOT_APPLICABLE],
			 plural(ev->indicators[EVAL_NOT_APPLICABLE]));
	t = doc_table(d, "Synthèse", 7, heads);
	doc_row(t);
	doc_text(t, "Engagements", TONE_STRONG);
	count_cell(t, ev->commitments[EVAL_MET], TONE_MET);
	count_cell(t, ev->commitments[EVAL_MISSED], TONE_MISSED);
	doc_text(t, "—", TONE_MUTED);
	count_cell(t, ev->commitments[EVAL_NOT_MEASURED], TONE_MISSING);
	count_cell(t, ev->commitments[EVAL_NOT_APPLICABLE], TONE_MUTED);
	count_cell(t, ev->n_commitments, TONE_STRONG);
	doc_row(t);
	doc_text(t, "Indicateurs", TONE_STRONG);
	count_cell(t, ev->indicators[EVAL_MET], TONE_MET);
	count_cell(t, ev->indicators[EVAL_MISSED], TONE_MISSED);
	count_cell(t, ev->indicators[EVAL_NO_TARGET], TONE_NONE);
	count_cell(t, ev->indicators[EVAL_NOT_MEASURED], TONE_MISSING);
	count_cell(t, ev->indicators[EVAL_NOT_APPLICABLE], TONE_MUTED);
	count_cell(t, ev->n_indicators, TONE_STRONG);
	doc_heading(d, 3, "Règles de calcul");
	doc_list(d);
	for (const char *const *p = evaluation_rules_text; *p; p++)
		doc_item(d, "%s", *p);
}

static const char *plural(size_t n);

/* For an indicator the request log computes: which values the tables
 * use, the log's or the typed ones, and the typed ones it does not give. */
static void computed_note(struct doc *d, const struct eval_indicator *x)
{
	int from_log = 0, typed = 0;
	struct strbuf diff;

	if (x->computed_from < 0)
		return;
	strbuf_init(&diff);
	for (int i = 0; i < x->n_cells; i++) {
		const struct eval_cell *c = &x->cells[i];
		char label[32];

		if (!c->has_value)
			continue;
		if (c->computed) {
			from_log++;
			continue;
		}
		typed++;
		if (!c->disagrees)
			continue;
		period_label(c->period, label, sizeof label);
		strbuf_addf(&diff, "%s%s : saisie %s, calcul %s",
			    diff.len ? " ; " : "", label, c->typed_value,
			    c->computed_value);
	}
	if (from_log || typed)
		doc_para(d, "%s%s%s : %d valeur%s calculée%s depuis le journal "
			 "des saisines, %d saisie%s%s%s%s.", x->code,
			 *x->criticality ? " " : "", x->criticality, from_log,
			 plural((size_t)from_log), plural((size_t)from_log),
			 typed, plural((size_t)typed),
			 diff.len ? " ; la valeur saisie est retenue là où le "
				    "calcul donne autre chose (" : "",
			 diff.buf, diff.len ? ")" : "");
	strbuf_release(&diff);
}

static void domain_part(struct doc *d, const struct evaluation *ev,
			const struct eval_domain *dom)
{
	doc_heading(d, 1, "%s", dom->name);
	doc_heading(d, 2, "Observations");
	if (dom->observation_commune)
		doc_para(d, "De la commune : %s", dom->observation_commune);
	if (dom->observation_metropole)
		doc_para(d, "De Bordeaux Métropole : %s",
			 dom->observation_metropole);
	if (dom->observation)
		doc_para(d, "%s%s", dom->observation_commune ||
				     dom->observation_metropole
					     ? "Partie non précisée : " : "",
			 dom->observation);
	if (!dom->observation && !dom->observation_commune &&
	    !dom->observation_metropole)
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
		commitment_table(d, ev, dom, cm);
		for (size_t k = 0; k < cm->n_indicators; k++)
			computed_note(d, &cm->indicators[k]);
		for (size_t k = 0; k < cm->n_indicators; k++)
			indicator_chart(d, ev, &cm->indicators[k]);
	}
}

static void delay_row(struct doc_table *t, const struct eval_requests *q,
		      const char *label, const struct eval_delays *x,
		      enum doc_tone tone)
{
	doc_row(t);
	doc_text(t, label, tone);
	count_cell(t, x->n, tone);
	count_cell(t, x->n_ack, tone);
	decimal_cell(t, x->n_ack > 0,
		     q->ack_in_days ? x->ack_days_median : x->ack_median);
	decimal_cell(t, x->n_ack > 0,
		     q->ack_in_days ? x->ack_days_mean : x->ack_mean);
	count_cell(t, x->n_resolved, tone);
	decimal_cell(t, x->n_resolved > 0,
		     q->res_in_days ? x->res_median : x->res_hours_median);
	decimal_cell(t, x->n_resolved > 0,
		     q->res_in_days ? x->res_mean : x->res_hours_mean);
}

static void requests_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const count_heads[] = {
		"Type de saisine", "Demandes", "Incidents", "Total", "Annulées",
	};
	const char *delay_heads[] = {
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

	if (q->ack_in_days) {
		delay_heads[3] = "Prise en compte : médiane (j ouvrés)";
		delay_heads[4] = "Prise en compte : moyenne (j ouvrés)";
	}
	if (!q->res_in_days) {
		delay_heads[6] = "Résolution : médiane (h)";
		delay_heads[7] = "Résolution : moyenne (h)";
	}
	doc_heading(d, 2, "Délais");
	doc_para(d, "Prise en compte : de la réception à la prise en compte, "
		 "%s. Résolution : de la réception à la résolution, %s. Les "
		 "unités sont celles des indicateurs calculés depuis les "
		 "saisines quand les annexes en ont. Sur les saisines non "
		 "annulées qui ont ces dates ; arrondi à une décimale ; « — » : "
		 "aucune saisine.",
		 q->ack_in_days ? "en jours ouvrés" : "en heures",
		 q->res_in_days ? "en jours ouvrés" : "en heures");
	t = doc_table(d, "Délais", 8, delay_heads);
	for (int k = 0; k < REQUEST_KIND_COUNT; k++)
		delay_row(t, q, request_kind_vocab[k].label, &q->delay_kind[k],
			  TONE_NONE);
	for (int k = 0; k < NATURE_COUNT; k++)
		delay_row(t, q, nature_plural[k], &q->delay_nature[k],
			  TONE_NONE);
	delay_row(t, q, "Ensemble", &q->delay_all, TONE_STRONG);
}

static void actions_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Action", "Responsable", "Échéance", "Statut", "Réunion",
		"Retard",
	};
	struct doc_table *t;
	char today[DATE_ISO_LEN];

	date_iso_fr(ev->today, today);
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

		date_iso_fr(a->due_on, due);
		date_iso_fr(a->meeting_held_on, held);
		date_iso_fr(a->done_on, done);
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


/* An attribute, marked « * » when the follow-up chose it (the contract
 * does not say it: [choix] in its file). */
static void chosen_cell(struct doc_table *t, const struct eval_indicator *x,
			const char *key, const char *text)
{
	if (text && *text && text_list_has(x->choices, key)) {
		char *s = xasprintf("%s *", text);

		doc_text(t, s, TONE_NONE);
		free(s);
	} else {
		doc_text(t, text ? text : "", TONE_NONE);
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
	columns_close(&c, ev);
	for (size_t k = 0; k < N_FIRST; k++)
		heads[n++] = first[k];
	for (size_t k = 0; k < c.n; k++)
		heads[n++] = c.heads[k];
	heads[n++] = "Relevés";
	heads[n++] = "Statut annuel";
	doc_heading(d, 1, "Annexe : tous les indicateurs");
	doc_para(d, "Les valeurs des tableaux par engagement, un indicateur "
		 "par ligne (par criticité pour les indicateurs suivis par "
		 "criticité). « * » : un choix du suivi, que le contrat ne dit "
		 "pas (type de valeur, unité, sens : section [choix] du "
		 "fichier du contrat).");
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
				chosen_cell(t, x, "type_valeur",
					    value_kind_vocab[x->kind].label);
				chosen_cell(t, x, "unite", x->unit);
				doc_text(t, periodicity_vocab[x->per].label,
					 TONE_NONE);
				if (!x->has_target)
					doc_text(t, "", TONE_MUTED);
				else if (value_kind_numeric(x->kind) &&
					 x->target_has_num)
					doc_num(t, x->target_num,
						x->target_short, TONE_NONE);
				else
					doc_text(t, x->target_short, TONE_NONE);
				chosen_cell(t, x, "meilleur",
					    better_vocab[x->better].file);
				doc_text(t, x->baseline ? x->baseline : "",
					 TONE_NONE);
				period_cells(t, &c, x);
				tail_cells(t, x);
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* The period, the sender, the annexes in force                        */

static void period_part(struct doc *d, const struct evaluation *ev)
{
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN], start[DATE_ISO_LEN];

	date_iso_fr(ev->from, from);
	date_iso_fr(ev->to, to);
	date_iso_fr(ev->starts_on, start);
	if (ev->period == EVAL_ANNIVERSARY)
		doc_para(d, "Période évaluée : du %s au %s, d'une date "
			 "anniversaire du contrat à la suivante (le contrat a "
			 "pris effet le %s).", from, to, start);
	else
		doc_para(d, "Période évaluée : du %s au %s (année civile).",
			 from, to);
	if (ev->starts_on[0] && strcmp(ev->starts_on, ev->from) > 0 &&
	    strcmp(ev->starts_on, ev->to) <= 0)
		doc_para(d, "Le contrat a pris effet le %s : la période est "
			 "suivie à partir de cette date.", start);
	if (ev->sender && ev->sender_function)
		doc_para(d, "Expéditeur : %s, %s.", ev->sender,
			 ev->sender_function);
	else if (ev->sender)
		doc_note(d, "Expéditeur : %s (fonction non renseignée : "
			 "« fonction = … » dans la section [evaluation] de "
			 "suivi.ini).", ev->sender);
	else
		doc_note(d, "Expéditeur non renseigné : indiquez son nom et sa "
			 "fonction dans la section [evaluation] de suivi.ini "
			 "(« expediteur = … », « fonction = … »).");
}

/* Article 5: sent to the commune by the deadline, presented to its
 * instances délibératives communales; the adjustments proposed. */
static void record_part(struct doc *d, const struct evaluation *ev)
{
	char on[DATE_ISO_LEN], deadline[DATE_ISO_LEN];

	doc_heading(d, 2, "Transmission et suites");
	date_iso_fr(ev->deadline, deadline);
	if (ev->sent_on) {
		date_iso_fr(ev->sent_on, on);
		doc_para(d, "Envoyée à la commune le %s%s (échéance : %s).", on,
			 strcmp(ev->sent_on, ev->deadline) > 0
				 ? ", après l'échéance" : "", deadline);
	} else {
		doc_para(d, "Envoi à la commune : pas encore enregistré "
			 "(échéance : %s).", deadline);
	}
	if (ev->presented_on) {
		date_iso_fr(ev->presented_on, on);
		doc_para(d, "Présentée aux instances délibératives communales "
			 "le %s.", on);
	} else {
		doc_para(d, "Présentation aux instances délibératives "
			 "communales : pas encore enregistrée.");
	}
	if (ev->adjustments)
		doc_para(d, "Ajustements proposés pour %d : %s", ev->year + 1,
			 ev->adjustments);
	else
		doc_para(d, "Ajustements proposés pour %d : aucun saisi.",
			 ev->year + 1);
}

/* "avenant n°1, en vigueur à partir du 01/01/2018", "annexe du contrat,
 * en vigueur à partir du 15/02/2016", "aucune annexe transcrite". */
static char *annex_words(const struct eval_annex *a)
{
	char on[DATE_ISO_LEN];

	if (a->version < 0)
		return xstrdup("aucune annexe transcrite en vigueur");
	date_iso_fr(a->in_force_from, on);
	if (a->version == 0)
		return xasprintf("annexe du contrat, en vigueur à partir du %s",
				 on);
	return xasprintf("avenant n°%d, en vigueur à partir du %s", a->version,
			 on);
}

static void annexes_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Domaine", "Annexe", "Version", "En vigueur à partir du",
		"Sur la période, du", "au",
	};
	struct doc_table *t;

	doc_heading(d, 1, "Annexes en vigueur");
	if (!ev->n_annexes) {
		doc_para(d, "Aucune annexe transcrite pour ce contrat.");
		return;
	}
	doc_para(d, "Les valeurs de chaque période relèvent de la version de "
		 "l'annexe en vigueur à son premier jour ; un avenant remplace "
		 "une annexe à partir de sa date, jamais avant.");
	doc_list(d);
	for (size_t i = 0; i < ev->n_annexes;) {
		const char *code = ev->annexes[i].domain_code;
		struct strbuf sb;
		size_t j = i;

		strbuf_init(&sb);
		for (; j < ev->n_annexes && !strcmp(ev->annexes[j].domain_code,
						    code); j++) {
			const struct eval_annex *a = &ev->annexes[j];
			char *w = annex_words(a);
			char f[DATE_ISO_LEN], to[DATE_ISO_LEN];

			date_iso_fr(a->from, f);
			date_iso_fr(a->to, to);
			if (sb.len)
				strbuf_addstr(&sb, " ; ");
			if (a->whole)
				strbuf_addf(&sb, "%s, sur toute la période", w);
			else
				strbuf_addf(&sb, "%s, du %s au %s", w, f, to);
			free(w);
		}
		doc_item(d, "%s : %s.", ev->annexes[i].domain_name, sb.buf);
		strbuf_release(&sb);
		i = j;
	}
	t = doc_table(d, "Annexes en vigueur", 6, heads);
	for (size_t i = 0; i < ev->n_annexes; i++) {
		const struct eval_annex *a = &ev->annexes[i];
		char on[DATE_ISO_LEN], f[DATE_ISO_LEN], to[DATE_ISO_LEN];
		char *w;

		date_iso_fr(a->in_force_from, on);
		date_iso_fr(a->from, f);
		date_iso_fr(a->to, to);
		doc_row(t);
		doc_text(t, a->domain_name, TONE_NONE);
		w = a->version < 0 ? xstrdup("aucune")
		  : a->version == 0 ? xstrdup("annexe du contrat")
		  : xasprintf("avenant n°%d", a->version);
		doc_text(t, w, a->version < 0 ? TONE_MUTED : TONE_NONE);
		free(w);
		if (a->version < 0) {
			doc_text(t, "—", TONE_MUTED);
			doc_text(t, "—", TONE_MUTED);
		} else {
			char v[16];

			snprintf(v, sizeof v, "%d", a->version);
			doc_num(t, a->version, v, TONE_NONE);
			doc_text(t, on, TONE_NONE);
		}
		doc_text(t, f, TONE_NONE);
		doc_text(t, to, TONE_NONE);
	}
}

/* ------------------------------------------------------------------ */
/* Article 5: meetings and committees                                  */

static void follow_up_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const due_heads[] = {
		"Échéance", "Règle", "Réunion tenue le", "Constat",
	};
	static const char *const committee_heads[] = {
		"Domaine", "Annexe", "Comité", "Fréquence prévue par l'annexe",
		"Du", "Au", "Attendues", "Tenues", "Constat",
	};
	const struct eval_meetings *x = &ev->meetings;
	char on[DATE_ISO_LEN], fye[DATE_ISO_LEN];
	struct doc_table *t;

	doc_heading(d, 1, "Suivi du contrat (article 5)");
	doc_para(d, "Une réunion compte quand elle est tenue, c'est-à-dire "
		 "close ; les réunions prévues, en cours ou annulées ne "
		 "comptent pas.");
	doc_heading(d, 2, "Réunion de lancement");
	date_iso_fr(x->launch_on, on);
	if (x->launch_held)
		doc_para(d, "Réunion de lancement tenue le %s.", on);
	else if (x->launch_on[0])
		doc_note(d, "Réunion de lancement pas encore tenue (prévue le "
			 "%s) : l'article 5 la prévoit avec les parties "
			 "prenantes.", on);
	else
		doc_note(d, "Réunion de lancement pas encore tenue ni prévue : "
			 "l'article 5 la prévoit avec les parties prenantes.");

	doc_heading(d, 2, "Réunions de suivi");
	date_iso_fr(x->first_year_end, fye);
	doc_para(d, "Article 5 : des rencontres mensuelles des responsables du "
		 "suivi du contrat la première année (jusqu'au %s), au moins "
		 "trimestrielles ensuite. %zu réunion%s de suivi tenue%s sur la "
		 "période ; %zu échéance%s manquée%s.", fye, x->n_follow_ups,
		 plural(x->n_follow_ups), plural(x->n_follow_ups), x->n_missed,
		 plural(x->n_missed), plural(x->n_missed));
	if (x->n_dues) {
		t = doc_table(d, "Réunions de suivi", 4, due_heads);
		for (size_t i = 0; i < x->n_dues; i++) {
			const struct cadence_due *c = &x->dues[i];
			char due[DATE_ISO_LEN], held[DATE_ISO_LEN];

			date_format_fr(c->due, due);
			doc_row(t);
			doc_text(t, due, TONE_NONE);
			doc_text(t, c->monthly ? "mensuelle (première année)"
				 : "trimestrielle", TONE_NONE);
			if (c->kept) {
				date_format_fr(c->held, held);
				doc_text(t, held, TONE_NONE);
				doc_text(t, "tenue", TONE_MET);
			} else {
				doc_text(t, "—", TONE_MUTED);
				doc_text(t, "manquée", TONE_MISSED);
			}
		}
	}

	doc_heading(d, 2, "Réunions avec les Maires");
	if (!x->n_mayors) {
		doc_para(d, "Aucune réunion avec les Maires tenue sur la "
			 "période, pour au moins %d par an (article 5).",
			 x->mayors_required);
	} else {
		struct strbuf sb;

		strbuf_init(&sb);
		for (size_t i = 0; i < x->n_mayors; i++) {
			date_iso_fr(x->mayors[i], on);
			strbuf_addf(&sb, "%s%s", i ? ", " : "", on);
		}
		doc_para(d, "%zu réunion%s avec les Maires tenue%s sur la "
			 "période (%s), pour au moins %d par an (article 5)%s",
			 x->n_mayors, plural(x->n_mayors), plural(x->n_mayors),
			 sb.buf, x->mayors_required,
			 (int)x->n_mayors >= x->mayors_required ? "."
			 : " : il en manque.");
		strbuf_release(&sb);
	}

	doc_heading(d, 2, "Comités des annexes");
	if (!ev->n_committees) {
		doc_para(d, "Aucun comité prévu par les annexes en vigueur sur "
			 "la période.");
		return;
	}
	doc_para(d, "La comitologie des annexes en vigueur, avec la fréquence "
		 "qu'elles prévoient. Les réunions tenues sont celles du type "
		 "qui enregistre le comité (comité numérique communal, réunion "
		 "thématique, réunion de suivi) ; un comité qu'aucun type de "
		 "réunion n'enregistre n'est pas suivi.");
	t = doc_table(d, "Comités", 9, committee_heads);
	for (size_t i = 0; i < ev->n_committees; i++) {
		const struct eval_committee *c = &ev->committees[i];
		char f[DATE_ISO_LEN], to[DATE_ISO_LEN], n[32], *annex;
		const char *finding;
		enum doc_tone tone;

		date_iso_fr(c->from, f);
		date_iso_fr(c->to, to);
		annex = c->annex_version == 0 ? xstrdup("annexe du contrat")
			: xasprintf("avenant n°%d", c->annex_version);
		doc_row(t);
		doc_text(t, c->domain_code, TONE_NONE);
		doc_text(t, annex, TONE_NONE);
		free(annex);
		doc_text(t, c->name, TONE_NONE);
		doc_text(t, c->frequency ? c->frequency : "non précisée",
			 c->frequency ? TONE_NONE : TONE_MUTED);
		doc_text(t, f, TONE_NONE);
		doc_text(t, to, TONE_NONE);
		if (c->expected >= 0) {
			snprintf(n, sizeof n, "%d", c->expected);
			doc_num(t, c->expected, n, TONE_NONE);
		} else {
			doc_text(t, "—", TONE_MUTED);
		}
		if (c->held >= 0) {
			snprintf(n, sizeof n, "%d", c->held);
			doc_num(t, c->held, n, TONE_NONE);
		} else {
			doc_text(t, "non suivi", TONE_MUTED);
		}
		if (c->held < 0) {
			finding = "non suivi : aucun type de réunion ne "
				  "l'enregistre";
			tone = TONE_MUTED;
		} else if (c->expected < 0) {
			finding = "fréquence non précisée par l'annexe";
			tone = TONE_MUTED;
		} else if (c->held >= c->expected) {
			finding = "tenu";
			tone = TONE_MET;
		} else if (!c->over) {
			finding = "en cours";
			tone = TONE_MISSING;
		} else {
			finding = "non tenu";
			tone = TONE_MISSED;
		}
		doc_text(t, finding, tone);
	}
}

/* ------------------------------------------------------------------ */
/* Exceptional requests and disputes                                   */

static void exceptional_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Reçue le", "Objet", "Demande", "Décision", "Décidée par",
		"Décidée le", "Coût estimé", "Statut",
	};
	struct doc_table *t;
	char total[96];

	doc_heading(d, 1, "Demandes exceptionnelles");
	if (!ev->n_exceptional) {
		doc_para(d, "Aucune demande exceptionnelle reçue sur la "
			 "période.");
		return;
	}
	number_format_euros(ev->cost_total, total, sizeof total);
	doc_para(d, "%zu demande%s exceptionnelle%s reçue%s sur la période "
		 "(hors du champ du contrat, traitées avec l'adjoint au "
		 "directeur général des territoires en charge du pôle "
		 "territorial, article 4) ; coût estimé : %s (%zu chiffrée%s).",
		 ev->n_exceptional, plural(ev->n_exceptional),
		 plural(ev->n_exceptional), plural(ev->n_exceptional),
		 ev->n_with_cost ? total : "aucun", ev->n_with_cost,
		 plural(ev->n_with_cost));
	t = doc_table(d, "Demandes exceptionnelles", 8, heads);
	for (size_t i = 0; i < ev->n_exceptional; i++) {
		const struct request *r = &ev->exceptional[i];
		char rcv[DATE_ISO_LEN], on[DATE_ISO_LEN], cost[96];
		bool decided = r->decision && *r->decision;

		{
			char day[DATE_ISO_LEN];

			snprintf(day, sizeof day, "%.10s",
				 r->received_at ? r->received_at : "");
			date_iso_fr(day, rcv);
		}
		date_iso_fr(r->decided_on, on);
		doc_row(t);
		doc_text(t, rcv, TONE_NONE);
		doc_text(t, r->object, TONE_NONE);
		doc_text(t, r->asked ? r->asked : "—",
			 r->asked ? TONE_NONE : TONE_MUTED);
		doc_text(t, decided ? r->decision : "en attente",
			 decided ? TONE_NONE : TONE_MISSING);
		doc_text(t, r->decided_by ? r->decided_by : "—",
			 r->decided_by ? TONE_NONE : TONE_MUTED);
		doc_text(t, r->decided_on ? on : "—",
			 r->decided_on ? TONE_NONE : TONE_MUTED);
		if (r->has_cost) {
			number_format_euros(r->estimated_cost, cost,
					    sizeof cost);
			doc_num(t, r->estimated_cost, cost, TONE_NONE);
		} else {
			doc_text(t, "—", TONE_MUTED);
		}
		doc_text(t, request_status_vocab[r->status].label,
			 r->status == REQ_CANCELLED ? TONE_MUTED : TONE_NONE);
	}
	if (ev->n_with_cost) {
		doc_row(t);
		doc_text(t, "Total", TONE_STRONG);
		for (int k = 0; k < 5; k++)
			doc_text(t, "", TONE_NONE);
		doc_num(t, ev->cost_total, total, TONE_STRONG);
		doc_text(t, "", TONE_NONE);
	}
}

static void disputes_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Ouvert le", "Objet", "Nature", "Domaine", "Niveau atteint",
		"Instruction du Maire", "Où il en est", "Clos le",
		"Solution arbitrée",
	};
	struct doc_table *t;
	char today[DATE_ISO_LEN];

	doc_heading(d, 1, "Litiges");
	if (!ev->n_disputes) {
		doc_para(d, "Aucun litige sur la période.");
		return;
	}
	date_iso_fr(ev->today, today);
	doc_para(d, "Les litiges ouverts sur la période, et ceux ouverts avant "
		 "et encore en cours à son début ; niveau atteint et issue au "
		 "%s. Niveaux d'arbitrage (article 4) : 1, les autorités "
		 "hiérarchiques ; 2, les directeurs généraux ; 3, le Maire et "
		 "le Président ; sur le fond, les instructions du Maire sont "
		 "appliquées en dernière instance.", today);
	t = doc_table(d, "Litiges", 9, heads);
	for (size_t i = 0; i < ev->n_disputes; i++) {
		const struct dispute *x = &ev->disputes[i];
		char opened[DATE_ISO_LEN], closed[DATE_ISO_LEN], level[160];
		int lv = x->state.level;

		if (lv < 1 || lv > ARBITRATION_LEVELS)
			lv = 1;
		snprintf(level, sizeof level, "%d — %s", lv,
			 dispute_level_name[lv - 1]);
		date_iso_fr(x->opened_on, opened);
		date_iso_fr(x->closed_on, closed);
		doc_row(t);
		doc_text(t, opened, TONE_NONE);
		doc_text(t, x->object, TONE_NONE);
		doc_text(t, dispute_nature_vocab[x->nature].label, TONE_NONE);
		doc_text(t, x->domain_name ? x->domain_name : "—",
			 x->domain_name ? TONE_NONE : TONE_MUTED);
		doc_text(t, level, TONE_NONE);
		doc_text(t, summary_mayor_final(x) ? "oui" : "non", TONE_NONE);
		if (x->closed_on) {
			doc_text(t, "clos", TONE_MET);
			doc_text(t, closed, TONE_NONE);
			doc_text(t, x->solution ? x->solution : "—", TONE_NONE);
		} else {
			char *where = x->state.last_outcome_set
				? xasprintf("en cours, dernière étape : %s",
					    step_outcome_vocab[
						x->state.last_outcome].label)
				: xstrdup("en cours, aucune étape tenue");

			doc_text(t, where, TONE_MISSING);
			free(where);
			doc_text(t, "—", TONE_MUTED);
			doc_text(t, "pas encore arbitré", TONE_MISSING);
		}
	}
}

int evaluation_doc(const struct evaluation *ev, struct doc *out)
{
	char deadline[DATE_ISO_LEN], today[DATE_ISO_LEN];
	char *title, *subtitle;

	date_iso_fr(ev->deadline, deadline);
	date_iso_fr(ev->today, today);
	if (ev->period == EVAL_ANNIVERSARY) {
		char f[DATE_ISO_LEN], t[DATE_ISO_LEN];

		date_iso_fr(ev->from, f);
		date_iso_fr(ev->to, t);
		title = xasprintf("Évaluation annuelle du %s au %s — %s", f, t,
				  ev->commune ? ev->commune : "");
	} else {
		title = xasprintf("Évaluation annuelle %d — %s", ev->year,
				  ev->commune ? ev->commune : "");
	}
	subtitle = ev->identifier
		? xasprintf("%s (%s)", ev->title ? ev->title : "",
			    ev->identifier)
		: NULL;
	doc_init(out, title, subtitle);
	free(title);
	free(subtitle);
	doc_note(out, "À transmettre à la commune au plus tard le %s, puis à "
		 "présenter aux instances délibératives communales pour "
		 "information.", deadline);
	if (ev->deadline_passed)
		doc_note(out, "Échéance dépassée : le %s est passé.", deadline);
	period_part(out, ev);
	record_part(out, ev);
	summary_part(out, ev);
	annexes_part(out, ev);
	for (size_t i = 0; i < ev->n_domains; i++)
		domain_part(out, ev, &ev->domains[i]);
	follow_up_part(out, ev);
	requests_part(out, ev);
	exceptional_part(out, ev);
	disputes_part(out, ev);
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
	return evaluation_build_opts(st, contract_uid, year, NULL, today, out,
				     e);
}

int evaluation_build_opts(struct store *st, const char *contract_uid,
			  int year, const struct eval_options *opts,
			  const char *today, struct doc *out, struct err *e)
{
	struct evaluation ev;

	memset(out, 0, sizeof *out);
	if (evaluation_load_opts(st, contract_uid, year, opts, today, &ev,
				 e) != 0)
		return -1;
	evaluation_doc(&ev, out);
	evaluation_release(&ev);
	return 0;
}
