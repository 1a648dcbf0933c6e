#include "suivi/dashboard.h"
#include "suivi/store_contract.h"
#include "suivi/store_measurement.h"
#include "suivi/store_request.h"
#include "suivi/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which row of the tree a row's indicator lives in: the domain, for the
 * version lookups of its cells. */
struct row_ctx {
	const struct browse_domain *dom;
};

void dashboard_cell_release(struct dash_cell *c)
{
	value_release(&c->value);
	value_release(&c->computed_value);
	free(c->comment);
	c->comment = NULL;
}

static void row_release(struct dash_row *r)
{
	for (int i = 0; i < r->n_cells; i++)
		dashboard_cell_release(&r->cells[i]);
	free(r->label);
	free(r->code);
	free(r->criticality);
	value_release(&r->target);
	free(r->history);
}

void dashboard_release(struct dashboard *d)
{
	for (size_t i = 0; i < d->n_rows; i++)
		row_release(&d->rows[i]);
	free(d->rows);
	browse_source_release(&d->own);
	memset(d, 0, sizeof *d);
}

const struct browse_domain *dashboard_row_domain(const struct dashboard *d,
						const struct dash_row *r)
{
	for (size_t i = 0; i < d->src->n_domains; i++) {
		const struct browse_domain *dom = &d->src->domains[i];

		for (size_t v = 0; v < dom->n_versions; v++)
			for (size_t k = 0; k < dom->versions[v].annex->n_indicators;
			     k++)
				if (&dom->versions[v].annex->indicators[k] == r->ind)
					return dom;
	}
	return NULL;
}

/* The uid of the indicator with code in the version of dom in force on
 * the first day of p (before the first version: the one beginning within
 * p), or "" when that version has none or no version covers p. */
static void uid_for(const struct browse_domain *dom, const char *code,
		    struct period p, char uid[STORE_UID_LEN])
{
	char iso[DATE_ISO_LEN];
	const struct annex *a;

	uid[0] = '\0';
	size_t v;

	date_format_iso(period_first_day(p), iso);
	v = browse_in_force(dom, iso);
	if (v == BROWSE_NONE) {
		/* the first version may begin within the period (a contract
		 * starting in March, a year measured whole): that one */
		date_format_iso(period_last_day(p), iso);
		v = browse_in_force(dom, iso);
	}
	if (v == BROWSE_NONE)
		return;		/* before the annex: nothing to measure */
	a = dom->versions[v].annex;
	for (size_t i = 0; i < a->n_indicators; i++)
		if (!strcmp(a->indicators[i].code, code) && a->indicators[i].uid) {
			snprintf(uid, STORE_UID_LEN, "%s", a->indicators[i].uid);
			return;
		}
}

/* Every measurement of the row's code in any version, over the years a
 * row shows: its year and those its trend of 12 periods reaches. */
struct loaded {
	struct measurement *m;
	size_t n;
};

static int load_values(struct store *st, const struct browse_domain *dom,
		       const char *code, int year, int years_back,
		       struct loaded *out, struct err *e)
{
	char from[16], to[16];

	snprintf(from, sizeof from, "%d", year - years_back);
	snprintf(to, sizeof to, "%d", year + 1);
	out->m = NULL;
	out->n = 0;
	for (size_t v = 0; v < dom->n_versions; v++) {
		const struct annex *a = dom->versions[v].annex;

		for (size_t i = 0; i < a->n_indicators; i++) {
			struct measurement *m;
			size_t n;

			if (strcmp(a->indicators[i].code, code) ||
			    !a->indicators[i].uid)
				continue;
			if (store_measurements_range(st, a->indicators[i].uid,
						     from, to, &m, &n, e) != 0)
				return -1;
			if (n) {
				out->m = xrealloc(out->m,
						  (out->n + n) * sizeof *m);
				memcpy(out->m + out->n, m, n * sizeof *m);
				out->n += n;
			}
			free(m);
		}
	}
	return 0;
}

static const struct measurement *find(const struct loaded *l,
				      const char *uid, const char *key,
				      const char *crit)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->m[i].indicator_uid, uid) &&
		    !strcmp(l->m[i].period, key) &&
		    !strcmp(l->m[i].criticality, crit))
			return &l->m[i];
	return NULL;
}

static struct date iso_date(const char *iso)
{
	struct date d = { 1970, 1, 1 };

	date_parse(iso, &d);
	return d;
}

/* The last period the trend shows: the one holding today in the current
 * year, else the year's last. */
static struct period trend_end(enum periodicity per, int year,
			       struct date today)
{
	struct date end = { year, 12, 31 };

	if (today.year == year)
		end = today;
	return period_containing(per, end);
}

const char *const dashboard_status_label[STATUS_COUNT] = {
	[STATUS_NOT_DUE] = "pas encore attendue",
	[STATUS_MISSING] = "attendue, non saisie",
	[STATUS_NO_TARGET] = "pas de cible",
	[STATUS_MET] = "cible atteinte",
	[STATUS_MISSED] = "cible manquée",
	[STATUS_NOT_APPLICABLE] = "rien à mesurer",
};

int dashboard_indicator_at(struct store *st, const char *contract_uid,
			   const char *code, struct period p,
			   char uid[STORE_UID_LEN], struct err *e)
{
	char iso[DATE_ISO_LEN];
	struct err e2;

	date_format_iso(period_first_day(p), iso);
	if (store_indicator_by_code(st, contract_uid, code, iso, uid, e) == 0)
		return 0;
	if (e->code != ERR_NOTFOUND)
		return -1;
	/* before the annex's first version, the one beginning within the
	 * period; else the first day's reason stands */
	date_format_iso(period_last_day(p), iso);
	if (store_indicator_by_code(st, contract_uid, code, iso, uid, &e2) == 0)
		return 0;
	uid[0] = '\0';
	return -1;
}

int dashboard_periodicity(struct store *st, const char *uid,
			  enum periodicity declared, enum periodicity *out,
			  struct err *e)
{
	bool quarterly = false;

	*out = declared;
	if (declared != PERIOD_MONTHLY_OR_QUARTERLY)
		return 0;
	if (store_indicator_quarterly(st, uid, &quarterly, e) != 0)
		return -1;
	*out = quarterly ? PERIOD_QUARTERLY : PERIOD_MONTHLY;
	return 0;
}

int dashboard_target(struct store *st, const char *uid, int year,
		     const char *criticality, enum better declared,
		     struct value *target, bool *has_target,
		     enum better *better, struct err *e)
{
	int target_better;
	bool found;

	if (store_target_value(st, uid, year, criticality, target,
			       &target_better, &found, e) != 0)
		return -1;
	*has_target = found && !value_empty(target);
	*better = target_better >= 0 ? (enum better)target_better : declared;
	return 0;
}

void dashboard_cell_init(struct dash_cell *c, struct period p,
			 struct date today)
{
	struct date first = period_first_day(p), last = period_last_day(p);

	memset(c, 0, sizeof *c);
	c->period = p;
	period_key(p, c->key);
	c->due = date_cmp(last, today) < 0;
	c->current = date_cmp(first, today) <= 0 && date_cmp(today, last) <= 0;
	c->status = STATUS_NOT_DUE;
}

int dashboard_cell_judge(struct store *st, const struct dash_judge *j,
			 const struct measurement *m, struct dash_cell *c,
			 struct err *e)
{
	if (m && !value_empty(&m->value)) {
		value_copy(&c->value, &m->value);
		c->entered = true;
		c->is_override = m->is_override;
	}
	if (m && m->comment)
		c->comment = xstrdup(m->comment);
	snprintf(c->validated_on, sizeof c->validated_on, "%s",
		 m && m->validated_on ? m->validated_on : "");
	if (j->computed && (c->due || c->current)) {
		if (store_computed_value(st, c->uid, c->period, j->criticality,
					 &c->computed_value, &c->has_computed,
					 e) != 0)
			return -1;
		if (c->has_computed && !c->entered) {
			value_copy(&c->value, &c->computed_value);
			c->computed = true;
		}
		if (c->has_computed && c->entered) {
			char a[64], b[64];

			value_format(j->spec, &c->value, false, a, sizeof a);
			value_format(j->spec, &c->computed_value, false, b,
				     sizeof b);
			c->disagrees = strcmp(a, b) != 0;
		}
	}
	c->status = value_status(j->spec, j->better, &c->value, j->target,
				 c->due);
	return 0;
}

static int fill_row(struct store *st, const struct dashboard *d,
		    struct dash_row *r, struct err *e)
{
	const struct browse_domain *dom = dashboard_row_domain(d, r);
	struct date today = iso_date(d->today);
	struct loaded l = { NULL, 0 };
	struct dash_judge judge;
	int rc = -1;

	for (int i = 0; i < r->n_cells; i++)
		dashboard_cell_release(&r->cells[i]);
	value_release(&r->target);
	free(r->history);
	r->history = NULL;
	r->n_history = 0;
	r->has_target = false;
	if (!dom) {
		err_set(e, ERR_DB, "indicateur %s sans domaine", r->ind->code);
		return -1;
	}
	r->choosable = r->ind->periodicity == PERIOD_MONTHLY_OR_QUARTERLY;
	if (dashboard_periodicity(st, r->uid, r->ind->periodicity, &r->per,
				  e) != 0)
		return -1;
	r->n_cells = r->per == PERIOD_MONTHLY ? 12
		   : r->per == PERIOD_QUARTERLY ? 4 : 1;
	/* the year and what the trend's 12 periods reach back to */
	if (load_values(st, dom, r->ind->code, d->year,
			r->per == PERIOD_MONTHLY ? 1
			: r->per == PERIOD_QUARTERLY ? 3 : 11, &l, e) != 0)
		goto out;
	/* the target and the direction it is judged by */
	if (dashboard_target(st, r->uid, d->year, r->criticality,
			     r->ind->better, &r->target, &r->has_target,
			     &r->better, e) != 0)
		goto out;
	judge = (struct dash_judge){ &r->spec, r->better,
				     r->ind->computed_from >= 0,
				     r->criticality,
				     r->has_target ? &r->target : NULL };
	for (int i = 0; i < r->n_cells; i++) {
		struct dash_cell *c = &r->cells[i];
		struct period p = { d->year, 0, 0 };

		if (r->n_cells == 12)
			p.month = i + 1;
		else if (r->n_cells == 4)
			p.quarter = i + 1;
		dashboard_cell_init(c, p, today);
		c->first_month = 12 / r->n_cells * i;
		c->n_months = 12 / r->n_cells;
		uid_for(dom, r->ind->code, c->period, c->uid);
		if (!c->uid[0])
			continue;
		if (dashboard_cell_judge(st, &judge,
					 find(&l, c->uid, c->key, r->criticality),
					 c, e) != 0)
			goto out;
	}
	/* trend: the last 12 periods, and every scalar for the outlier check */
	{
		struct period p = trend_end(r->per, d->year, today);

		for (int k = 11; k >= 0; k--) {
			char uid[STORE_UID_LEN], key[PERIOD_KEY_LEN];
			const struct measurement *m;

			uid_for(dom, r->ind->code, p, uid);
			period_key(p, key);
			m = uid[0] ? find(&l, uid, key, r->criticality) : NULL;
			r->trend_has[k] = m && value_scalar(&r->spec, &m->value,
							    &r->trend[k]);
			if (!r->trend_has[k]) {
				/* a computed value of this year counts too */
				for (int i = 0; i < r->n_cells; i++)
					if (!strcmp(r->cells[i].key, key) &&
					    r->cells[i].computed)
						r->trend_has[k] = value_scalar(
							&r->spec,
							&r->cells[i].value,
							&r->trend[k]);
			}
			p = period_prev(p);
		}
		r->history = xcalloc(l.n + 1, sizeof *r->history);
		for (size_t i = 0; i < l.n; i++)
			if (!strcmp(l.m[i].criticality, r->criticality) &&
			    value_scalar(&r->spec, &l.m[i].value,
					 &r->history[r->n_history]))
				r->n_history++;
	}
	rc = 0;
out:
	store_measurement_list_free(l.m, l.n);
	return rc;
}

static struct dash_row *push(struct dashboard *d, size_t *cap,
			     enum dash_row_kind kind, char *label)
{
	struct dash_row *r;

	d->rows = xgrow(d->rows, cap, d->n_rows + 1, sizeof *d->rows);
	r = &d->rows[d->n_rows++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->label = label;
	return r;
}

size_t dashboard_criticalities(const char *list, char ***out)
{
	*out = NULL;
	if (!list || !*list) {
		*out = xmalloc(sizeof **out);
		(*out)[0] = xstrdup("");
		return 1;
	}
	return contract_levels(list, out);
}

int dashboard_load(struct store *st, const char *contract_uid, int year,
		   const char *today, const struct browse_source *shared,
		   struct dashboard *out, struct err *e)
{
	char date[32];
	struct date t = iso_date(today);
	size_t cap = 0;

	memset(out, 0, sizeof *out);
	snprintf(out->contract_uid, sizeof out->contract_uid, "%s",
		 contract_uid);
	snprintf(out->today, sizeof out->today, "%s", today);
	out->year = year;
	/* the rows: the annexes in force at the end of the year, or today */
	if (t.year == year)
		snprintf(date, sizeof date, "%s", today);
	else
		snprintf(date, sizeof date, "%04d-12-31", year);
	if (shared) {
		out->src = shared;
	} else {
		if (browse_load(st, contract_uid, date, &out->own, e) != 0)
			return -1;
		out->src = &out->own;
	}
	for (size_t i = 0; i < out->src->n_domains; i++) {
		const struct browse_domain *dom = &out->src->domains[i];
		size_t in_force = browse_in_force(dom, date);
		const struct browse_version *v;
		const struct annex *a;

		/* no annex of the domain in force yet: no row for it */
		if (in_force == BROWSE_NONE)
			continue;
		v = &dom->versions[in_force];
		a = v->annex;

		if (!a->n_indicators)
			continue;
		push(out, &cap, DASH_DOMAIN, xstrdup(v->info.domain_name));
		for (size_t c = 0; c < a->n_commitments; c++) {
			const struct commitment *cm = &a->commitments[c];
			bool any = false;

			for (size_t k = 0; k < a->n_indicators; k++)
				any |= !strcmp(a->indicators[k].commitment,
					       cm->code);
			if (!any)
				continue;
			push(out, &cap, DASH_COMMITMENT,
			     xasprintf("%s %s", cm->code, cm->title));
			for (size_t k = 0; k < a->n_indicators; k++) {
				const struct indicator *ind = &a->indicators[k];
				char **crits;
				size_t nc;

				if (strcmp(ind->commitment, cm->code))
					continue;
				nc = dashboard_criticalities(ind->criticalities, &crits);
				for (size_t q = 0; q < nc; q++) {
					struct dash_row *r = push(
						out, &cap, DASH_INDICATOR,
						*crits[q] ? xasprintf("%s [%s] %s",
							ind->code, crits[q],
							ind->label)
							  : xasprintf("%s %s",
							ind->code, ind->label));

					r->ind = ind;
					r->code = xstrdup(ind->code);
					snprintf(r->uid, sizeof r->uid, "%s",
						 ind->uid ? ind->uid : "");
					r->criticality = crits[q];
					r->spec.kind = ind->value_kind;
					r->spec.scale_min = ind->scale_min;
					r->spec.scale_max = ind->scale_max;
					r->spec.unit = ind->unit;
				}
				free(crits);
			}
		}
	}
	return 0;
}

int dashboard_reload_row(struct store *st, struct dashboard *d, size_t row,
			 struct err *e)
{
	if (row >= d->n_rows || d->rows[row].kind != DASH_INDICATOR)
		return 0;
	if (fill_row(st, d, &d->rows[row], e) != 0)
		return -1;
	d->rows[row].filled = true;
	return 0;
}

int dashboard_fill(struct store *st, struct dashboard *d, size_t row,
		   struct err *e)
{
	if (row >= d->n_rows || d->rows[row].filled)
		return 0;
	return dashboard_reload_row(st, d, row, e);
}

int dashboard_fill_all(struct store *st, struct dashboard *d, struct err *e)
{
	for (size_t i = 0; i < d->n_rows; i++)
		if (dashboard_fill(st, d, i, e) != 0)
			return -1;
	return 0;
}

void dashboard_forget(struct dashboard *d)
{
	for (size_t i = 0; i < d->n_rows; i++)
		d->rows[i].filled = false;
}

struct dash_cell *dashboard_cell_at(struct dash_row *r, int month)
{
	for (int i = 0; i < r->n_cells; i++)
		if (month >= r->cells[i].first_month &&
		    month < r->cells[i].first_month + r->cells[i].n_months)
			return &r->cells[i];
	return NULL;
}

size_t dashboard_todo(const struct dashboard *d, int month,
		      struct dash_todo **out)
{
	size_t n = 0, cap = 0;

	*out = NULL;
	/* by period first, then in grid order: a meeting goes month by
	 * month */
	for (int m = 0; m <= month && m < 12; m++)
		for (size_t i = 0; i < d->n_rows; i++) {
			const struct dash_row *r = &d->rows[i];

			if (r->kind != DASH_INDICATOR)
				continue;
			for (int k = 0; k < r->n_cells; k++) {
				const struct dash_cell *c = &r->cells[k];

				if (c->first_month + c->n_months - 1 != m ||
				    !c->uid[0] || !c->due ||
				    c->status != STATUS_MISSING)
					continue;
				*out = xgrow(*out, &cap, n + 1, sizeof **out);
				(*out)[n].row = i;
				(*out)[n].cell = k;
				n++;
			}
		}
	return n;
}

void dashboard_cell_context(const struct dashboard *d, size_t row, int cell,
			    const char *what, char *buf, size_t n)
{
	const struct dash_row *r = &d->rows[row];

	snprintf(buf, n, "%s|%d|%s|%s|%s|%s", d->contract_uid, d->year,
		 r->ind ? r->ind->code : "", r->criticality ? r->criticality : "",
		 cell >= 0 && cell < r->n_cells ? r->cells[cell].key : "", what);
}
