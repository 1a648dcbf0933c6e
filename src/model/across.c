/*
 * One indicator across every commune (include/suivi/across.h): each
 * contract's cell of the period, found and judged by the grid's rules.
 */
#include "suivi/across.h"
#include "suivi/contract.h"
#include "suivi/store_across.h"
#include "suivi/store_contract.h"
#include "suivi/store_measurement.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const across_trend_arrow[ACROSS_TREND_COUNT] = {
	[ACROSS_TREND_NONE] = "",
	[ACROSS_TREND_DOWN] = "↘",
	[ACROSS_TREND_STABLE] = "→",
	[ACROSS_TREND_UP] = "↗",
};

const char *const across_trend_label[ACROSS_TREND_COUNT] = {
	[ACROSS_TREND_NONE] = "",
	[ACROSS_TREND_DOWN] = "en baisse",
	[ACROSS_TREND_STABLE] = "stable",
	[ACROSS_TREND_UP] = "en hausse",
};

const char *const across_sort_name[ACROSS_SORT_COUNT] = {
	[ACROSS_SORT_COMMUNE] = "commune",
	[ACROSS_SORT_VALUE] = "valeur",
	[ACROSS_SORT_STATUS] = "statut",
	[ACROSS_SORT_TREND] = "tendance",
};

static void row_release(struct across_row *r)
{
	free(r->commune);
	free(r->insee);
	free(r->identifier);
	free(r->why);
	free(r->label);
	free(r->criticality);
	free(r->unit);
	dashboard_cell_release(&r->cell);
	dashboard_cell_release(&r->prev);
	value_release(&r->target);
}

void across_release(struct across *a)
{
	for (size_t i = 0; i < a->n; i++)
		row_release(&a->rows[i]);
	free(a->rows);
	free(a->code);
	free(a->criticality);
	free(a->label);
	memset(a, 0, sizeof *a);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

struct loader {
	struct store *st;
	struct across *a;
	size_t cap;
	struct date today;
	bool found;		/* a contract has the indicator in force */
	bool crit_seen;		/* one has the criticality asked for */
};

static struct across_row *push(struct loader *l, const struct contract_info *c)
{
	struct across_row *r;

	l->a->rows = xgrow(l->a->rows, &l->cap, l->a->n + 1,
			   sizeof *l->a->rows);
	r = &l->a->rows[l->a->n];
	memset(r, 0, sizeof *r);
	r->order = l->a->n++;
	snprintf(r->contract_uid, sizeof r->contract_uid, "%s", c->uid);
	r->commune = xstrdup(c->commune ? c->commune : "");
	r->insee = xstrdup(c->insee ? c->insee : "");
	r->identifier = xstrdup(c->identifier ? c->identifier : "");
	return r;
}

static void out_of_annex(struct loader *l, const struct contract_info *c,
			 char *why)
{
	push(l, c)->why = why;
}

/* The period of periodicity per that holds p's last day. */
static struct period row_period(enum periodicity per, struct period p)
{
	return period_containing(per, period_last_day(p));
}

/* A cell of version uid for period p, judged (target NULL for the
 * period before, whose status nobody reads). */
static int read_cell(struct loader *l, const char *uid,
		     const struct dash_judge *j, struct period p,
		     struct dash_cell *c, struct err *e)
{
	struct measurement m;
	bool found;
	int rc;

	dashboard_cell_init(c, p, l->today);
	snprintf(c->uid, sizeof c->uid, "%s", uid);
	if (store_measurement_get(l->st, uid, c->key, j->criticality, &m,
				  &found, e) != 0)
		return -1;
	rc = dashboard_cell_judge(l->st, j, found ? &m : NULL, c, e);
	if (found)
		store_measurement_release(&m);
	return rc;
}

/* One row in force: indicator ind (version uid) of contract c. */
static int load_row(struct loader *l, const struct contract_info *c,
		    const struct indicator *ind, const char *uid,
		    enum periodicity per, const char *crit, struct err *e)
{
	struct across_row *r = push(l, c);
	struct dash_judge j;

	r->in_force = true;
	snprintf(r->indicator_uid, sizeof r->indicator_uid, "%s", uid);
	r->label = xstrdup(ind->label ? ind->label : "");
	r->criticality = xstrdup(crit);
	r->unit = ind->unit ? xstrdup(ind->unit) : NULL;
	r->spec = (struct value_spec){ ind->value_kind, ind->scale_min,
				       ind->scale_max, r->unit };
	r->per = per;
	l->a->n_in_force++;
	{
		struct period rp = row_period(per, l->a->period);

		if (dashboard_target(l->st, uid, rp.year, crit, ind->better,
				     &r->target, &r->has_target, &r->better,
				     e) != 0)
			return -1;
		j = (struct dash_judge){ &r->spec, r->better,
					 ind->computed_from >= 0, crit,
					 r->has_target ? &r->target : NULL };
		if (read_cell(l, uid, &j, rp, &r->cell, e) != 0)
			return -1;
	}
	r->has_num = value_scalar(&r->spec, &r->cell.value, &r->num);
	/* the period before: a computed indicator's log too */
	{
		struct dash_judge pj = j;
		struct period pp = period_prev(r->cell.period);
		char puid[STORE_UID_LEN];
		struct err ignore;

		dashboard_cell_init(&r->prev, pp, l->today);
		if (dashboard_indicator_at(l->st, c->uid, l->a->code, pp, puid,
					   &ignore) != 0)
			return 0;	/* nothing in force then: no trend */
		if (strcmp(puid, uid)) {
			struct indicator pind;
			bool same;

			if (store_indicator_get(l->st, puid, &pind, e) != 0)
				return -1;
			same = pind.value_kind == ind->value_kind;
			pj.computed = pind.computed_from >= 0;
			indicator_release(&pind);
			if (!same)
				return 0;	/* another kind of value */
		}
		pj.target = NULL;
		if (read_cell(l, puid, &pj, pp, &r->prev, e) != 0)
			return -1;
	}
	r->has_prev_num = value_scalar(&r->spec, &r->prev.value, &r->prev_num);
	if (r->has_num && r->has_prev_num)
		r->trend = fabs(r->num - r->prev_num) <= 1e-9
				   ? ACROSS_TREND_STABLE
			   : r->num > r->prev_num ? ACROSS_TREND_UP
						  : ACROSS_TREND_DOWN;
	return 0;
}

/* The criticality of list that is want (folded), copied into out; false
 * when none is. */
static bool crit_match(char **list, size_t n, const char *want,
		       const char **out)
{
	char *w = text_fold(want);
	bool found = false;

	for (size_t i = 0; i < n && !found; i++) {
		char *f = text_fold(list[i]);

		if (!strcmp(f, w)) {
			*out = list[i];
			found = true;
		}
		free(f);
	}
	free(w);
	return found;
}

/* The rows of contract c: its indicator's version of the period, or why
 * it has none. */
static int load_contract(struct loader *l, const struct contract_info *c,
			 struct err *e)
{
	const char *want = l->a->criticality;
	char uid[STORE_UID_LEN];
	struct indicator ind;
	enum periodicity per;
	struct err why;
	char **crits = NULL;
	size_t nc = 0;
	int rc = -1;

	memset(&ind, 0, sizeof ind);
	if (dashboard_indicator_at(l->st, c->uid, l->a->code, l->a->period,
				   uid, &why) != 0) {
		if (why.code != ERR_NOTFOUND) {
			*e = why;
			return -1;
		}
		out_of_annex(l, c, xstrdup(why.msg));
		return 0;
	}
	if (store_indicator_get(l->st, uid, &ind, e) != 0 ||
	    dashboard_periodicity(l->st, uid, ind.periodicity, &per, e) != 0)
		goto out;
	{
		/* the row's period may be another (a longer one, or the last
		 * of a shorter periodicity): its own version */
		struct period rp = row_period(per, l->a->period);
		char ruid[STORE_UID_LEN];

		if (period_cmp(rp, l->a->period) &&
		    dashboard_indicator_at(l->st, c->uid, l->a->code, rp, ruid,
					   &why) == 0 && strcmp(ruid, uid)) {
			indicator_release(&ind);
			memset(&ind, 0, sizeof ind);
			snprintf(uid, sizeof uid, "%s", ruid);
			if (store_indicator_get(l->st, uid, &ind, e) != 0 ||
			    dashboard_periodicity(l->st, uid, ind.periodicity,
						  &per, e) != 0)
				goto out;
		}
	}
	nc = dashboard_criticalities(ind.criticalities, &crits);
	l->found = true;
	if (want) {
		const char *crit;

		if (!ind.criticalities || !*ind.criticalities) {
			out_of_annex(l, c, xasprintf("%s n'y est pas suivi par "
						     "criticité", ind.code));
		} else if (!crit_match(crits, nc, want, &crit)) {
			out_of_annex(l, c, xasprintf("%s n'y a pas la criticité "
						     "« %s » (%s)", ind.code,
						     want, ind.criticalities));
		} else {
			l->crit_seen = true;
			if (load_row(l, c, &ind, uid, per, crit, e) != 0)
				goto out;
		}
	} else {
		for (size_t i = 0; i < nc; i++)
			if (load_row(l, c, &ind, uid, per, crits[i], e) != 0)
				goto out;
	}
	rc = 0;
out:
	text_lines_free(crits, nc);
	indicator_release(&ind);
	return rc;
}

int across_load(struct store *st, const char *code, const char *criticality,
		struct period p, const char *today, struct across *out,
		struct err *e)
{
	struct contract_info *k = NULL;
	size_t nk = 0;
	struct loader l = { st, out, 0, { 1970, 1, 1 }, false, false };
	bool known;

	memset(out, 0, sizeof *out);
	if (!code || !*code || strlen(code) > 64 ||
	    !text_utf8_valid(code, strlen(code), NULL) ||
	    text_has_control(code)) {
		err_set(e, ERR_INPUT, "code d'indicateur %s : donnez-le comme "
			"les annexes l'écrivent (3.3.2, ou nsi/3.3.2)",
			code && *code ? "illisible" : "vide");
		return -1;
	}
	if (p.year < 1900 || p.year > 2199) {
		err_set(e, ERR_INPUT, "année %d hors limites (1900 à 2199)",
			p.year);
		return -1;
	}
	if (criticality && (!text_utf8_valid(criticality, strlen(criticality),
					     NULL) ||
			    text_has_control(criticality))) {
		err_set(e, ERR_INPUT, "criticité illisible");
		return -1;
	}
	if (date_parse(today, &l.today) != 0) {
		err_set(e, ERR_INPUT, "date du jour illisible : %s", today);
		return -1;
	}
	if (store_indicator_code_known(st, code, &known, e) != 0)
		return -1;
	if (store_contract_list(st, &k, &nk, e) != 0)
		return -1;
	if (!nk) {
		err_set(e, ERR_NOTFOUND, "aucun contrat dans la base : "
			"importez-en avec « suivi import FICHIER »");
		goto fail;
	}
	if (!known) {
		err_set(e, ERR_NOTFOUND, "aucun contrat de la base n'a "
			"d'indicateur « %s » (les codes sont ceux des annexes : "
			"3.3.2, ou nsi/3.3.2)", code);
		goto fail;
	}
	out->code = xstrdup(code);
	out->criticality = criticality && *criticality ? xstrdup(criticality)
						       : NULL;
	out->period = p;
	snprintf(out->today, sizeof out->today, "%s", today);
	for (size_t i = 0; i < nk; i++)
		if (load_contract(&l, &k[i], e) != 0)
			goto fail;
	if (out->criticality && l.found && !l.crit_seen) {
		/* no commune has it: a typing mistake, not a column of
		 * « hors annexe » */
		err_set(e, ERR_INPUT, "criticité « %s » inconnue pour %s dans "
			"toutes les communes", criticality, code);
		goto fail;
	}
	{
		/* the label most communes give it (the first on a tie) */
		const struct across_row *best = NULL;
		size_t best_n = 0;

		for (size_t i = 0; i < out->n; i++) {
			size_t n = 0;

			if (!out->rows[i].in_force)
				continue;
			for (size_t j = 0; j < out->n; j++)
				n += out->rows[j].in_force &&
				     !strcmp(out->rows[j].label,
					     out->rows[i].label);
			if (n > best_n) {
				best = &out->rows[i];
				best_n = n;
			}
		}
		{
			const char *slash = strrchr(code, '/');

			out->label = best ? xasprintf("%s %s", slash ? slash + 1
						      : code, best->label)
					  : xstrdup(code);
		}
	}
	store_contract_list_free(k, nk);
	return 0;
fail:
	store_contract_list_free(k, nk);
	across_release(out);
	return -1;
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */

/* What calls for attention first. */
static int status_rank(enum value_status s)
{
	switch (s) {
	case STATUS_MISSED:
		return 0;
	case STATUS_MISSING:
		return 1;
	case STATUS_NO_TARGET:
		return 2;
	case STATUS_MET:
		return 3;
	case STATUS_NOT_APPLICABLE:
		return 4;
	default:
		return 5;
	}
}

/* The group of a row (compared first, never reversed) and, within it, a
 * comparison that descending reverses. */
static int group_of(const struct across_row *r, enum across_sort by)
{
	if (!r->in_force)
		return 9;
	switch (by) {
	case ACROSS_SORT_VALUE:
		return r->has_num ? 0 : !value_empty(&r->cell.value) ? 1 : 2;
	case ACROSS_SORT_TREND:
		return r->trend == ACROSS_TREND_NONE ? 1 : 0;
	default:
		return 0;
	}
}

static int fold_cmp(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	int c = strcmp(fa, fb);

	free(fa);
	free(fb);
	return c;
}

static int within(const struct across_row *a, const struct across_row *b,
		  enum across_sort by)
{
	switch (by) {
	case ACROSS_SORT_COMMUNE:
		return fold_cmp(a->commune, b->commune);
	case ACROSS_SORT_VALUE:
		if (a->has_num && b->has_num)
			return (a->num > b->num) - (a->num < b->num);
		if (!a->has_num && !b->has_num && !value_empty(&a->cell.value) &&
		    !value_empty(&b->cell.value)) {
			char x[VALUE_TEXT_MAX + 64], y[VALUE_TEXT_MAX + 64];

			across_value_text(a, x, sizeof x);
			across_value_text(b, y, sizeof y);
			return fold_cmp(x, y);
		}
		return 0;
	case ACROSS_SORT_STATUS:
		return status_rank(a->cell.status) - status_rank(b->cell.status);
	case ACROSS_SORT_TREND:
		return (int)a->trend - (int)b->trend;
	default:
		return 0;
	}
}

static int row_cmp(const struct across_row *a, const struct across_row *b,
		   enum across_sort by, bool descending)
{
	int ga = group_of(a, by), gb = group_of(b, by), c;

	if (ga != gb)
		return ga - gb;
	if (ga == 9)	/* hors annexe: by commune, always */
		c = fold_cmp(a->commune, b->commune);
	else
		c = descending ? within(b, a, by) : within(a, b, by);
	if (c)
		return c;
	/* ties: by commune (accents aside), then criticality */
	if ((c = fold_cmp(a->commune, b->commune)) != 0)
		return c;
	return (a->order > b->order) - (a->order < b->order);
}

void across_sort(struct across *a, enum across_sort by, bool descending)
{
	/* a few dozen rows: insertion sort, stable */
	for (size_t i = 1; i < a->n; i++) {
		struct across_row t = a->rows[i];
		size_t j = i;

		while (j > 0 && row_cmp(&t, &a->rows[j - 1], by, descending) < 0) {
			a->rows[j] = a->rows[j - 1];
			j--;
		}
		a->rows[j] = t;
	}
	a->sort = by;
	a->descending = descending;
}

int across_sort_parse(const char *word, enum across_sort *by,
		      bool *descending)
{
	char *f;
	int found = -1;

	if (!word)
		return -1;
	*descending = word[0] == '-';
	f = text_fold(word + (*descending ? 1 : 0));
	for (int i = 0; i < ACROSS_SORT_COUNT; i++)
		if (!strcmp(f, across_sort_name[i]))
			found = i;
	free(f);
	if (found < 0)
		return -1;
	*by = (enum across_sort)found;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Texts                                                               */

void across_value_text(const struct across_row *r, char *buf, size_t n)
{
	buf[0] = '\0';
	if (r->in_force)
		value_format(&r->spec, &r->cell.value, true, buf, n);
}

void across_prev_text(const struct across_row *r, char *buf, size_t n)
{
	buf[0] = '\0';
	if (r->in_force && r->prev.uid[0])
		value_format(&r->spec, &r->prev.value, true, buf, n);
}

void across_target_text(const struct across_row *r, char *buf, size_t n)
{
	char v[VALUE_TEXT_MAX + 64];

	buf[0] = '\0';
	if (!r->in_force || !r->has_target)
		return;
	value_format(&r->spec, &r->target, true, v, sizeof v);
	snprintf(buf, n, "%s%s", value_better_sign(r->better), v);
}

const char *across_status_text(const struct across_row *r)
{
	return r->in_force ? dashboard_status_label[r->cell.status]
			   : ACROSS_OUT_OF_ANNEX;
}

int across_trend_judgement(const struct across_row *r)
{
	if (!r->in_force || (r->trend != ACROSS_TREND_UP &&
			     r->trend != ACROSS_TREND_DOWN))
		return 0;
	if (r->better == BETTER_HIGHER || r->better == BETTER_YES)
		return r->trend == ACROSS_TREND_UP ? 1 : -1;
	if (r->better == BETTER_LOWER)
		return r->trend == ACROSS_TREND_DOWN ? 1 : -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* A domain's indicators                                               */

/* Codes as people number them: "3.3.2" before "3.10.1", digits by
 * value. */
static int code_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			unsigned long x = strtoul(a, &ea, 10);
			unsigned long y = strtoul(b, &eb, 10);

			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
		} else {
			if (*a != *b)
				return (unsigned char)*a - (unsigned char)*b;
			a++;
			b++;
		}
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int across_domain_codes(struct store *st, const char *domain_code,
			struct period p, char ***codes, size_t *n,
			char **name, struct err *e)
{
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN];
	char **plain;
	size_t np;

	*codes = NULL;
	*n = 0;
	*name = NULL;
	if (!domain_code || !*domain_code || strchr(domain_code, '/') ||
	    !text_utf8_valid(domain_code, strlen(domain_code), NULL) ||
	    text_has_control(domain_code)) {
		err_set(e, ERR_INPUT, "code de domaine %s : donnez-le comme les "
			"contrats l'écrivent (nsi, eco…)",
			domain_code && *domain_code ? "illisible" : "vide");
		return -1;
	}
	date_format_iso(period_first_day(p), first);
	date_format_iso(period_last_day(p), last);
	if (store_domain_indicator_codes(st, domain_code, first, last, &plain,
					 &np, name, e) != 0)
		return -1;
	if (!*name) {
		text_lines_free(plain, np);
		err_set(e, ERR_NOTFOUND, "aucun contrat de la base n'a de "
			"domaine « %s »", domain_code);
		return -1;
	}
	/* in the annexes' numbering: a handful, by insertion */
	for (size_t i = 1; i < np; i++)
		for (size_t j = i; j > 0 && code_cmp(plain[j], plain[j - 1]) < 0;
		     j--) {
			char *t = plain[j];

			plain[j] = plain[j - 1];
			plain[j - 1] = t;
		}
	*codes = np ? xcalloc(np, sizeof **codes) : NULL;
	for (size_t i = 0; i < np; i++)
		(*codes)[i] = xasprintf("%s/%s", domain_code, plain[i]);
	*n = np;
	text_lines_free(plain, np);
	return 0;
}
