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

char *evaluation_dup(const char *s)
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
	x->unit = evaluation_dup(r->ind->unit);
	x->computed_from = r->ind->computed_from;
	x->choices = evaluation_dup(r->ind->choices);
	x->per = r->per;
	x->better = r->better;
	x->baseline = evaluation_dup(r->ind->baseline);
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
int evaluation_load_indicators(struct store *st, struct evaluation *ev,
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

void evaluation_summarise(struct evaluation *ev)
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

