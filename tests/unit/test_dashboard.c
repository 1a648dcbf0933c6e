/*
 * The tableau de bord as data (src/model/dashboard.c), loaded through the
 * store from the bundled contracts and the test fixtures, with "today"
 * pinned: its rows, the cells of each periodicity, what is due and
 * current, statuses against targets, the list of what is left to enter,
 * trends, values computed from the request log and typed over them, and
 * values that stay with the annex version they were measured under.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/dashboard.h"
#include "helpers.h"
#include "suivi/contract.h"
#include "suivi/contract_file.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_measurement.h"
#include "suivi/store_request.h"
#include "suivi/text.h"

#define TODAY "2026-11-23"	/* a Monday; November is the current month */

struct fixture {
	struct store *st;
	char contract[STORE_UID_LEN];
	struct dashboard d;
	bool loaded;
};

static const char *const bundled[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	NULL,
};

static const char *const amended[] = {
	"tests/fixtures/test-contrat.ini",
	"tests/fixtures/test-avenant-1.ini",
	NULL,
};

static void open_with(struct fixture *f, const char *const *files,
		      const char *commune)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	f->st = t_store_with("dashboard.db", files);
	store_set_author(f->st, "Marie Martin");
	cr_assert_eq(store_contract_find(f->st, commune, f->contract, &e), 0,
		     "%s", e.msg);
}

static void open_bouscat(struct fixture *f)
{
	open_with(f, bundled, "Le Bouscat");
}

/* (Re)load the tableau de bord of the fixture's contract. */
static void load(struct fixture *f, int year, const char *today)
{
	struct err e;

	if (f->loaded)
		dashboard_release(&f->d);
	f->loaded = false;
	cr_assert_eq(dashboard_load(f->st, f->contract, year, today, NULL, &f->d, &e),
		     0, "%s", e.msg);
	f->loaded = true;
	cr_assert_eq(f->d.year, year);
	cr_assert_str_eq(f->d.today, today);
	/* rows are read lazily: none yet, then all of them */
	for (size_t i = 0; i < f->d.n_rows; i++)
		cr_assert(!f->d.rows[i].filled);
	cr_assert_eq(dashboard_fill_all(f->st, &f->d, &e), 0, "%s", e.msg);
}

static void done(struct fixture *f)
{
	if (f->loaded)
		dashboard_release(&f->d);
	store_close(f->st);
}

/* The indicator row of code and criticality ("" when not split). */
static struct dash_row *row_of(struct fixture *f, const char *code,
			       const char *crit)
{
	for (size_t i = 0; i < f->d.n_rows; i++) {
		struct dash_row *r = &f->d.rows[i];

		if (r->kind == DASH_INDICATOR && !strcmp(r->ind->code, code) &&
		    !strcmp(r->criticality, crit))
			return r;
	}
	for (size_t i = 0; i < f->d.n_rows; i++)
		cr_log_error("  row %zu: %s", i, f->d.rows[i].label);
	cr_assert_fail("no row %s [%s]", code, crit);
	return NULL;
}

static size_t index_of(struct fixture *f, const struct dash_row *r)
{
	return (size_t)(r - f->d.rows);
}

/* A value of the row's kind, as typed. */
static struct value parse(const struct dash_row *r, const char *text)
{
	struct value v;
	struct err e;

	memset(&v, 0, sizeof v);
	cr_assert_eq(value_parse(&r->spec, text, &v, &e), 0, "%s: %s", text,
		     e.msg);
	return v;
}

static void set(struct fixture *f, const struct dash_row *r,
		const char *period, const char *text)
{
	struct value v = parse(r, text);
	struct err e;

	cr_assert_eq(store_measurement_set(f->st, r->uid, period,
					   r->criticality, &v, false, NULL,
					   &e), 0, "%s %s: %s", period, text,
		     e.msg);
	value_release(&v);
}

static void set_uid(struct fixture *f, const char *uid, const char *period,
		    const char *crit, const struct value_spec *spec,
		    const char *text, bool is_override)
{
	struct value v;
	struct err e;

	memset(&v, 0, sizeof v);
	cr_assert_eq(value_parse(spec, text, &v, &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_set(f->st, uid, period, crit, &v,
					   is_override, NULL, &e), 0, "%s",
		     e.msg);
	value_release(&v);
}

static void target(struct fixture *f, const struct dash_row *r,
		   const char *text, int better)
{
	struct value v = parse(r, text);
	struct err e;

	cr_assert_eq(store_target_set(f->st, r->uid, f->d.year, r->criticality,
				      &v, better, &e), 0, "%s", e.msg);
	value_release(&v);
}

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static bool num_is(const struct value *v, double want)
{
	return v->has_num && near(v->num, want);
}

/* ---------------------------------------------------------------- */
/* Rows                                                              */

Test(dashboard, rows_of_le_bouscat_2026)
{
	struct fixture f;
	size_t n_dom = 0, n_com = 0, n_ind = 0;
	struct dash_row *r;
	size_t at;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	for (size_t i = 0; i < f.d.n_rows; i++) {
		switch (f.d.rows[i].kind) {
		case DASH_DOMAIN:
			n_dom++;
			break;
		case DASH_COMMITMENT:
			n_com++;
			break;
		case DASH_INDICATOR:
			n_ind++;
			cr_expect_not_null(f.d.rows[i].ind);
			cr_expect_eq(strlen(f.d.rows[i].uid), 32, "%s",
				     f.d.rows[i].label);
			break;
		}
	}
	/* one domain (nsi), 9 commitments, 13 indicators of which 3.3.2
	 * is three rows */
	cr_expect_eq(n_dom, 1);
	cr_expect_eq(n_com, 9);
	cr_expect_eq(n_ind, 15);
	cr_expect_eq(f.d.n_rows, 25);

	cr_assert_eq(f.d.rows[0].kind, DASH_DOMAIN);
	cr_expect_str_eq(f.d.rows[0].label,
			 "Numérique et systèmes d'information");
	cr_assert_eq(f.d.rows[1].kind, DASH_COMMITMENT);
	cr_expect(text_starts_with(f.d.rows[1].label, "1.1 Produire"), "%s",
		  f.d.rows[1].label);
	cr_assert_eq(f.d.rows[2].kind, DASH_INDICATOR);
	cr_expect_str_eq(f.d.rows[2].ind->code, "1.1.1");
	cr_expect(text_starts_with(f.d.rows[2].label, "1.1.1 Elaboration"),
		  "%s", f.d.rows[2].label);
	cr_expect_str_eq(f.d.rows[2].criticality, "");

	/* 3.3.2: one row per criticality, in the contract's order, under
	 * the commitment 3.3 */
	r = row_of(&f, "3.3.2", "critique");
	at = index_of(&f, r);
	cr_expect_str_eq(r->label, "3.3.2 [critique] Délai de résolution des "
			 "incidents par criticité");
	cr_assert_lt(at + 2, f.d.n_rows);
	cr_expect_eq(f.d.rows[at + 1].kind, DASH_INDICATOR);
	cr_expect_str_eq(f.d.rows[at + 1].criticality, "majeure");
	cr_expect_str_eq(f.d.rows[at + 2].criticality, "mineure");
	cr_expect_str_eq(f.d.rows[at + 1].uid, r->uid, "one indicator");
	cr_expect_str_eq(f.d.rows[at + 2].uid, r->uid);
	cr_expect_eq(r->spec.kind, VALUE_HOURS);
	cr_expect_eq(r->better, BETTER_LOWER);
	{
		struct dash_row *a = row_of(&f, "3.3.1", "");
		size_t k = index_of(&f, a);

		cr_assert_gt(k, 0);
		cr_expect_eq(f.d.rows[k - 1].kind, DASH_COMMITMENT);
		cr_expect(text_starts_with(f.d.rows[k - 1].label, "3.3 "),
			  "%s", f.d.rows[k - 1].label);
		cr_expect_eq(k + 1, at, "3.3.2 right after 3.3.1");
	}
	/* nothing else is split */
	cr_expect_str_eq(row_of(&f, "4.1.1", "")->criticality, "");
	done(&f);
}

Test(dashboard, haillan_has_two_domains)
{
	struct fixture f;
	size_t n_dom = 0;

	open_with(&f, bundled, "Le Haillan");
	load(&f, 2026, TODAY);
	for (size_t i = 0; i < f.d.n_rows; i++)
		n_dom += f.d.rows[i].kind == DASH_DOMAIN;
	cr_expect_eq(n_dom, 2);
	cr_expect_eq(row_of(&f, "1", "")->spec.kind, VALUE_RATIO);
	done(&f);
}

/* ---------------------------------------------------------------- */
/* Cells                                                             */

Test(dashboard, monthly_or_quarterly_has_12_cells_then_4)
{
	struct fixture f;
	struct dash_row *r;
	struct err e;
	static const char *const keys[4] = {
		"2026-T1", "2026-T2", "2026-T3", "2026-T4"
	};

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->choosable);
	cr_expect_eq(r->per, PERIOD_MONTHLY, "monthly until chosen");
	cr_assert_eq(r->n_cells, 12);
	for (int i = 0; i < 12; i++) {
		char key[PERIOD_KEY_LEN];

		snprintf(key, sizeof key, "2026-%02d", i + 1);
		cr_expect_str_eq(r->cells[i].key, key);
		cr_expect_eq(r->cells[i].first_month, i);
		cr_expect_eq(r->cells[i].n_months, 1);
		cr_expect_eq(r->cells[i].period.month, i + 1);
		cr_expect_str_eq(r->cells[i].uid, r->uid);
	}

	cr_assert_eq(store_indicator_set_quarterly(f.st, r->uid, true, &e), 0,
		     "%s", e.msg);
	/* the row alone, then the whole board */
	cr_assert_eq(dashboard_reload_row(f.st, &f.d, index_of(&f, r), &e), 0,
		     "%s", e.msg);
	cr_expect_eq(r->per, PERIOD_QUARTERLY);
	cr_expect_eq(r->n_cells, 4);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->choosable);
	cr_expect_eq(r->per, PERIOD_QUARTERLY);
	cr_assert_eq(r->n_cells, 4);
	for (int i = 0; i < 4; i++) {
		cr_expect_str_eq(r->cells[i].key, keys[i]);
		cr_expect_eq(r->cells[i].first_month, 3 * i);
		cr_expect_eq(r->cells[i].n_months, 3);
		cr_expect_eq(r->cells[i].period.quarter, i + 1);
	}
	cr_expect_eq(dashboard_cell_at(r, 4), &r->cells[1]);
	cr_expect_eq(dashboard_cell_at(r, 11), &r->cells[3]);
	/* the other "mensuelle ou trimestrielle" stay monthly */
	cr_expect_eq(row_of(&f, "4.1.1", "")->n_cells, 12);
	done(&f);
}

Test(dashboard, annual_indicator_has_one_cell_over_12_months)
{
	struct fixture f;
	struct dash_row *r;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.1.1", "");
	cr_expect(!r->choosable);
	cr_expect_eq(r->per, PERIOD_ANNUAL);
	cr_assert_eq(r->n_cells, 1);
	cr_expect_str_eq(r->cells[0].key, "2026");
	cr_expect_eq(r->cells[0].first_month, 0);
	cr_expect_eq(r->cells[0].n_months, 12);
	for (int m = 0; m < 12; m++)
		cr_expect_eq(dashboard_cell_at(r, m), &r->cells[0], "month %d",
			     m);
	cr_expect_null(dashboard_cell_at(r, -1));
	cr_expect_null(dashboard_cell_at(r, 12));
	/* monthly: one cell per month */
	r = row_of(&f, "2.1.1", "");
	cr_expect_eq(dashboard_cell_at(r, 7), &r->cells[7]);
	done(&f);
}

Test(dashboard, due_and_current_follow_today)
{
	struct fixture f;
	struct dash_row *r;
	struct err e;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	for (int i = 0; i < 10; i++) {
		cr_expect(r->cells[i].due, "month %d is over", i + 1);
		cr_expect(!r->cells[i].current, "month %d", i + 1);
	}
	cr_expect(!r->cells[10].due, "November is not over");
	cr_expect(r->cells[10].current, "November holds today");
	cr_expect(!r->cells[11].due);
	cr_expect(!r->cells[11].current);
	/* the year is current, not due */
	r = row_of(&f, "3.1.1", "");
	cr_expect(!r->cells[0].due);
	cr_expect(r->cells[0].current);

	/* the last day of a month: still current; the day after: due */
	load(&f, 2026, "2026-10-31");
	r = row_of(&f, "3.3.1", "");
	cr_expect(!r->cells[9].due && r->cells[9].current);
	cr_expect(r->cells[8].due);
	load(&f, 2026, "2026-11-01");
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->cells[9].due && !r->cells[9].current);

	/* a quarter */
	cr_assert_eq(store_indicator_set_quarterly(f.st, r->uid, true, &e), 0,
		     "%s", e.msg);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->cells[2].due && !r->cells[2].current);
	cr_expect(!r->cells[3].due && r->cells[3].current, "T4 holds today");

	/* a past year is all due, a coming one nothing */
	load(&f, 2025, TODAY);
	r = row_of(&f, "4.1.1", "");
	for (int i = 0; i < r->n_cells; i++)
		cr_expect(r->cells[i].due && !r->cells[i].current);
	cr_expect(row_of(&f, "3.1.1", "")->cells[0].due);
	load(&f, 2027, TODAY);
	r = row_of(&f, "4.1.1", "");
	for (int i = 0; i < r->n_cells; i++)
		cr_expect(!r->cells[i].due && !r->cells[i].current);
	cr_expect_eq(r->cells[0].status, STATUS_NOT_DUE);
	done(&f);
}

/* ---------------------------------------------------------------- */
/* Statuses                                                          */

Test(dashboard, statuses_against_the_target)
{
	struct fixture f;
	struct dash_row *r;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect_eq(r->better, BETTER_LOWER, "a delay: lower is better");
	target(&f, r, "2", -1);
	set(&f, r, "2026-01", "1");
	set(&f, r, "2026-02", "3");
	set(&f, r, "2026-04", "2");
	set(&f, r, "2026-12", "5");
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->has_target);
	cr_expect(num_is(&r->target, 2));
	cr_expect_eq(r->better, BETTER_LOWER);
	cr_expect_eq(r->cells[0].status, STATUS_MET, "1 <= 2");
	cr_expect_eq(r->cells[1].status, STATUS_MISSED, "3 > 2");
	cr_expect_eq(r->cells[2].status, STATUS_MISSING, "March, due, empty");
	cr_expect_eq(r->cells[3].status, STATUS_MET, "equal to the target");
	cr_expect_eq(r->cells[9].status, STATUS_MISSING);
	cr_expect_eq(r->cells[10].status, STATUS_NOT_DUE,
		     "the current month is not due yet");
	cr_expect_eq(r->cells[11].status, STATUS_MISSED,
		     "a value entered ahead is judged all the same");
	cr_expect(r->cells[0].entered && !r->cells[0].computed);
	cr_expect(num_is(&r->cells[0].value, 1));
	cr_expect(!r->cells[2].entered);

	/* the target's own direction wins over the contract's */
	target(&f, r, "2", BETTER_HIGHER);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect_eq(r->better, BETTER_HIGHER);
	cr_expect_eq(r->cells[0].status, STATUS_MISSED);
	cr_expect_eq(r->cells[1].status, STATUS_MET);

	/* no target for another year: entered values have nothing to be
	 * compared with */
	load(&f, 2025, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(!r->has_target);
	cr_expect_eq(r->better, BETTER_LOWER);
	cr_expect_eq(r->cells[0].status, STATUS_MISSING);
	done(&f);
}

Test(dashboard, statuses_without_target_and_yes_no)
{
	struct fixture f;
	struct dash_row *r;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	set(&f, row_of(&f, "4.1.1", ""), "2026-05", "3");
	set(&f, row_of(&f, "1.1.1", ""), "2026", "oui");
	set(&f, row_of(&f, "3.2.1", ""), "2026", "8 h - 18 h");
	load(&f, 2026, TODAY);
	r = row_of(&f, "4.1.1", "");
	cr_expect(!r->has_target);
	cr_expect_eq(r->cells[4].status, STATUS_NO_TARGET);
	cr_expect_eq(r->cells[5].status, STATUS_MISSING);
	/* oui is met whatever the target */
	r = row_of(&f, "1.1.1", "");
	cr_expect_eq(r->better, BETTER_YES);
	cr_expect_eq(r->cells[0].status, STATUS_MET);
	/* text: nothing to compare */
	cr_expect_eq(row_of(&f, "3.2.1", "")->cells[0].status,
		     STATUS_NO_TARGET);
	/* an annual cell not due and empty */
	cr_expect_eq(row_of(&f, "3.1.1", "")->cells[0].status, STATUS_NOT_DUE);
	done(&f);
}

Test(dashboard, criticalities_have_their_own_values_and_targets)
{
	struct fixture f;
	struct dash_row *crit, *maj;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	crit = row_of(&f, "3.3.2", "critique");
	maj = row_of(&f, "3.3.2", "majeure");
	target(&f, crit, "4", -1);
	target(&f, maj, "8", -1);
	set(&f, crit, "2026-03", "6");
	set(&f, maj, "2026-03", "6");
	load(&f, 2026, TODAY);
	crit = row_of(&f, "3.3.2", "critique");
	maj = row_of(&f, "3.3.2", "majeure");
	cr_expect(num_is(&crit->target, 4));
	cr_expect(num_is(&maj->target, 8));
	cr_expect_eq(crit->cells[2].status, STATUS_MISSED);
	cr_expect_eq(maj->cells[2].status, STATUS_MET);
	cr_expect_eq(row_of(&f, "3.3.2", "mineure")->cells[2].status,
		     STATUS_MISSING);
	done(&f);
}

/* ---------------------------------------------------------------- */
/* What is left to enter                                             */

Test(dashboard, todo_lists_due_missing_cells_month_by_month)
{
	struct fixture f;
	struct dash_todo *todo;
	size_t n;
	struct dash_row *r;
	size_t r331, r211;
	int last_month = -1;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	/* 7 monthly rows (2.1.1, 3.3.1, 3.3.2 x3, 4.1.1, 4.1.2), January to
	 * October; the annual cells are not due */
	n = dashboard_todo(&f.d, 9, &todo);
	cr_expect_eq(n, 70);
	for (size_t i = 0; i < n; i++) {
		const struct dash_row *tr = &f.d.rows[todo[i].row];
		const struct dash_cell *c = &tr->cells[todo[i].cell];

		cr_assert_eq(tr->kind, DASH_INDICATOR);
		cr_expect(c->due);
		cr_expect_eq(c->status, STATUS_MISSING);
		cr_expect_eq(c->n_months, 1);
		cr_expect_geq(c->first_month, last_month, "by month first");
		last_month = c->first_month;
	}
	cr_expect_eq(f.d.rows[todo[0].row].cells[todo[0].cell].first_month, 0);
	free(todo);
	/* November is current and December to come: nothing more */
	n = dashboard_todo(&f.d, 11, &todo);
	cr_expect_eq(n, 70);
	free(todo);
	n = dashboard_todo(&f.d, 0, &todo);
	cr_expect_eq(n, 7, "January alone");
	free(todo);

	/* fill two, reload: they leave the list */
	set(&f, row_of(&f, "3.3.1", ""), "2026-03", "1");
	set(&f, row_of(&f, "2.1.1", ""), "2026-01", "200/180");
	load(&f, 2026, TODAY);
	r331 = index_of(&f, row_of(&f, "3.3.1", ""));
	r211 = index_of(&f, row_of(&f, "2.1.1", ""));
	n = dashboard_todo(&f.d, 9, &todo);
	cr_expect_eq(n, 68);
	for (size_t i = 0; i < n; i++) {
		cr_expect(!(todo[i].row == r331 && todo[i].cell == 2),
			  "3.3.1 March was filled");
		cr_expect(!(todo[i].row == r211 && todo[i].cell == 0),
			  "2.1.1 January was filled");
	}
	free(todo);

	/* quarterly: three quarters over by October */
	r = row_of(&f, "4.1.2", "");
	{
		struct err e;

		cr_assert_eq(store_indicator_set_quarterly(f.st, r->uid, true,
							   &e), 0, "%s", e.msg);
	}
	load(&f, 2026, TODAY);
	n = dashboard_todo(&f.d, 9, &todo);
	cr_expect_eq(n, 68 - 10 + 3);
	free(todo);
	n = dashboard_todo(&f.d, 1, &todo);
	cr_expect_eq(n, 6 * 2 - 1, "no quarter ends in January or February");
	free(todo);
	done(&f);
}

Test(dashboard, todo_of_a_past_year_counts_the_annual_cells)
{
	struct fixture f;
	struct dash_todo *todo;
	size_t n;

	open_bouscat(&f);
	load(&f, 2025, TODAY);
	n = dashboard_todo(&f.d, 11, &todo);
	/* 7 rows x 12 months + 8 annual cells */
	cr_expect_eq(n, 7 * 12 + 8);
	free(todo);
	n = dashboard_todo(&f.d, 10, &todo);
	cr_expect_eq(n, 7 * 11, "the year ends in December");
	free(todo);
	done(&f);
}

/* ---------------------------------------------------------------- */
/* Trend                                                             */

Test(dashboard, trend_ends_at_the_current_period)
{
	struct fixture f;
	struct dash_row *r;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	set(&f, r, "2025-11", "9");
	set(&f, r, "2025-12", "5");
	set(&f, r, "2026-01", "1");
	set(&f, r, "2026-06", "1,5");
	set(&f, r, "2026-11", "2");
	set(&f, r, "2026-12", "7");
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	/* December 2025 .. November 2026 */
	cr_expect(r->trend_has[11] && near(r->trend[11], 2), "November 2026");
	cr_expect(!r->trend_has[10], "October 2026");
	cr_expect(r->trend_has[6] && near(r->trend[6], 1.5), "June 2026");
	cr_expect(r->trend_has[1] && near(r->trend[1], 1), "January 2026");
	cr_expect(r->trend_has[0] && near(r->trend[0], 5), "December 2025");
	{
		int n = 0;

		for (int k = 0; k < 12; k++)
			n += r->trend_has[k];
		cr_expect_eq(n, 4, "neither November 2025 nor December 2026");
	}
	/* every value loaded counts for the outlier check */
	cr_expect_eq(r->n_history, 6);

	/* a past year: its last twelve months */
	load(&f, 2025, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->trend_has[11] && near(r->trend[11], 5), "December 2025");
	cr_expect(r->trend_has[10] && near(r->trend[10], 9), "November 2025");
	done(&f);
}

Test(dashboard, trend_of_an_annual_indicator_is_by_year)
{
	struct fixture f;
	struct dash_row *r;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.1.1", "");
	set(&f, r, "2024", "40");
	set(&f, r, "2026", "60");
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.1.1", "");
	cr_expect(r->trend_has[11] && near(r->trend[11], 60));
	cr_expect(!r->trend_has[10], "2025");
	cr_expect(r->trend_has[9] && near(r->trend[9], 40), "2024");
	done(&f);
}

/* ---------------------------------------------------------------- */
/* Computed values                                                   */

static void add_request(struct fixture *f, const char *dom,
			const char *received, const char *acknowledged)
{
	struct request_input in;
	struct err e;

	memset(&in, 0, sizeof in);
	in.kind = REQUEST_ORDINARY;
	in.form = "email";
	in.domain_uid = dom;
	in.nature = "demand";
	in.object = "Installer un logiciel";
	in.received_at = received;
	in.acknowledged_at = acknowledged;
	cr_assert_eq(store_request_add(f->st, f->contract, &in, NULL, &e), 0,
		     "%s: %s", received, e.msg);
}

Test(dashboard, computed_from_requests_then_typed_over)
{
	struct fixture f;
	char nsi[STORE_UID_LEN];
	struct dash_row *r;
	struct dash_cell *c;
	struct err e;

	open_bouscat(&f);
	cr_assert_eq(store_domain_uid(f.st, f.contract, "nsi", nsi, &e), 0,
		     "%s", e.msg);
	/* Monday to Wednesday: 2 working days; Tuesday to Wednesday: 1 */
	add_request(&f, nsi, "2026-03-02T09:00", "2026-03-04T09:00");
	add_request(&f, nsi, "2026-03-10T10:00", "2026-03-11T08:00");
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect_eq(r->ind->computed_from, COMPUTED_ACK_DELAY);
	c = &r->cells[2];
	cr_expect(c->computed, "March comes from the request log");
	cr_expect(c->has_computed);
	cr_expect(!c->entered);
	cr_expect(!c->is_override);
	cr_expect(num_is(&c->value, 1.5), "%g", c->value.num);
	cr_expect(num_is(&c->computed_value, 1.5));
	cr_expect_eq(c->status, STATUS_NO_TARGET);
	/* no request in February: still to enter */
	cr_expect(!r->cells[1].computed && !r->cells[1].has_computed);
	cr_expect_eq(r->cells[1].status, STATUS_MISSING);
	/* the computed value shows in the trend */
	cr_expect(r->trend_has[3] && near(r->trend[3], 1.5), "March 2026");
	{
		struct dash_todo *todo;
		size_t n = dashboard_todo(&f.d, 2, &todo);

		for (size_t i = 0; i < n; i++)
			cr_expect(!(todo[i].row == index_of(&f, r) &&
				    todo[i].cell == 2),
				  "a computed cell is not left to enter");
		cr_expect_eq(n, 7 * 3 - 1);
		free(todo);
	}
	/* judged against a target like a typed value */
	target(&f, r, "1", -1);
	cr_assert_eq(dashboard_reload_row(f.st, &f.d, index_of(&f, r), &e), 0,
		     "%s", e.msg);
	cr_expect_eq(r->cells[2].status, STATUS_MISSED, "1,5 > 1");

	/* typed over */
	set_uid(&f, r->uid, "2026-03", "", &r->spec, "3", true);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	c = &r->cells[2];
	cr_expect(!c->computed, "the typed value is shown");
	cr_expect(c->entered);
	cr_expect(c->is_override);
	cr_expect(num_is(&c->value, 3));
	cr_expect(c->has_computed, "the log's value is still known");
	cr_expect(num_is(&c->computed_value, 1.5));
	cr_expect_eq(c->status, STATUS_MISSED);
	cr_expect(r->trend_has[3] && near(r->trend[3], 3));
	done(&f);
}

/* A value typed before the requests of its period were logged: once the
 * log gives another value, the cell says it disagrees; the same value
 * (as shown) does not. */
Test(dashboard, typed_value_disagreeing_with_the_log_is_flagged)
{
	struct fixture f;
	char nsi[STORE_UID_LEN];
	struct dash_row *r;
	struct err e;

	open_bouscat(&f);
	cr_assert_eq(store_domain_uid(f.st, f.contract, "nsi", nsi, &e), 0,
		     "%s", e.msg);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	set_uid(&f, r->uid, "2026-03", "", &r->spec, "2", false);
	set_uid(&f, r->uid, "2026-04", "", &r->spec, "1", false);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(!r->cells[2].has_computed && !r->cells[2].disagrees,
		  "no request yet: nothing to disagree with");
	/* March: 2 working days then 1: 1,5 computed, 2 typed */
	add_request(&f, nsi, "2026-03-02T09:00", "2026-03-04T09:00");
	add_request(&f, nsi, "2026-03-10T10:00", "2026-03-11T08:00");
	/* April: 1 working day, as typed */
	add_request(&f, nsi, "2026-04-07T09:00", "2026-04-08T09:00");
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->cells[2].entered && r->cells[2].has_computed);
	cr_expect(r->cells[2].disagrees, "2 typed, 1,5 computed");
	cr_expect(!r->cells[2].is_override, "typed before any request");
	cr_expect(num_is(&r->cells[2].value, 2), "the typed value is shown");
	cr_expect(num_is(&r->cells[2].computed_value, 1.5));
	cr_expect(r->cells[3].has_computed && !r->cells[3].disagrees,
		  "1 typed, 1 computed: they agree");
	/* typed again as the log gives it: agrees */
	set_uid(&f, r->uid, "2026-03", "", &r->spec, "1,5", true);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(!r->cells[2].disagrees);
	done(&f);
}

/* A period with nothing to measure: recorded "sans objet", never due,
 * never a target's miss; a target cannot be "sans objet". */
Test(dashboard, sans_objet_is_neither_missing_nor_judged)
{
	struct fixture f;
	struct dash_row *r;
	struct dash_todo *todo;
	size_t before, after;
	struct value v;
	struct err e;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect_eq(r->cells[1].status, STATUS_MISSING);
	before = dashboard_todo(&f.d, 2, &todo);
	free(todo);
	target(&f, r, "1", -1);
	set_uid(&f, r->uid, "2026-02", "", &r->spec, "s/o", false);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->cells[1].entered);
	cr_expect(value_not_applicable(&r->cells[1].value));
	cr_expect_eq(r->cells[1].status, STATUS_NOT_APPLICABLE,
		     "judged against no target, not missing");
	after = dashboard_todo(&f.d, 2, &todo);
	for (size_t i = 0; i < after; i++)
		cr_expect(!(todo[i].row == index_of(&f, r) &&
			    todo[i].cell == 1), "not among the values to enter");
	free(todo);
	cr_expect_eq(after, before - 1);
	cr_expect(!r->trend_has[2], "no point in the trend for février");

	memset(&v, 0, sizeof v);
	cr_assert_eq(value_parse(&r->spec, "sans objet", &v, &e), 0);
	cr_expect_eq(store_target_set(f.st, r->uid, 2026, "", &v, -1, &e), -1);
	cr_expect(strstr(e.msg, "une cible ne peut pas être « sans objet »"),
		  "%s", e.msg);
	value_release(&v);
	done(&f);
}

Test(dashboard, computed_only_for_periods_begun)
{
	struct fixture f;
	char nsi[STORE_UID_LEN];
	struct dash_row *r;
	struct err e;

	open_bouscat(&f);
	cr_assert_eq(store_domain_uid(f.st, f.contract, "nsi", nsi, &e), 0,
		     "%s", e.msg);
	add_request(&f, nsi, "2026-11-02T09:00", "2026-11-03T09:00");
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.1", "");
	cr_expect(r->cells[10].computed, "the current month is computed");
	cr_expect(num_is(&r->cells[10].value, 1));
	/* seen on 1 October, November has not begun */
	load(&f, 2026, "2026-10-01");
	r = row_of(&f, "3.3.1", "");
	cr_expect(!r->cells[10].computed && !r->cells[10].has_computed);
	cr_expect_eq(r->cells[10].status, STATUS_NOT_DUE);
	done(&f);
}

/* ---------------------------------------------------------------- */
/* Annex versions                                                    */

static size_t codes(struct fixture *f, char *buf, size_t n)
{
	size_t k = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < f->d.n_rows; i++) {
		const struct dash_row *r = &f->d.rows[i];
		size_t len = strlen(buf);

		if (r->kind != DASH_INDICATOR)
			continue;
		snprintf(buf + len, n - len, "%s%s%s%s", k ? " " : "",
			 r->ind->code, *r->criticality ? "/" : "",
			 r->criticality);
		k++;
	}
	return k;
}

Test(dashboard, amendment_keeps_older_values_with_their_version)
{
	struct fixture f;
	char list[512], v0[STORE_UID_LEN], v1[STORE_UID_LEN];
	struct dash_row *r;
	struct err e;

	open_with(&f, amended, "Testville");
	cr_assert_eq(store_indicator_by_code(f.st, f.contract, "1.1.1",
					     "2020-06-01", v0, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_indicator_by_code(f.st, f.contract, "1.1.1",
					     "2021-06-01", v1, &e), 0, "%s",
		     e.msg);
	cr_assert_str_neq(v0, v1);

	/* 2020: the original annex */
	load(&f, 2020, TODAY);
	codes(&f, list, sizeof list);
	cr_expect_str_eq(list, "1.1.1 1.1.2/critique 1.1.2/majeure "
			 "1.1.2/mineure 1.1.3");
	r = row_of(&f, "1.1.1", "");
	cr_expect_str_eq(r->uid, v0);
	cr_expect_str_eq(r->cells[0].uid, v0);
	set(&f, r, "2020", "oui");

	/* 2021: the amended one */
	load(&f, 2021, TODAY);
	codes(&f, list, sizeof list);
	cr_expect_str_eq(list, "1.1.1 1.1.4");
	r = row_of(&f, "1.1.1", "");
	cr_expect_str_eq(r->uid, v1);
	cr_expect_str_eq(r->cells[0].uid, v1);
	cr_expect(!r->cells[0].entered, "the 2020 value is not 2021's");
	/* but it is in the trend, from the older version */
	cr_expect(r->trend_has[10] && near(r->trend[10], 1), "2020 in trend");
	cr_expect(!r->trend_has[11]);

	/* back to 2020: the value is where it was entered */
	load(&f, 2020, TODAY);
	r = row_of(&f, "1.1.1", "");
	cr_expect(r->cells[0].entered);
	cr_expect(num_is(&r->cells[0].value, 1));
	cr_expect_eq(r->cells[0].status, STATUS_MET);
	{
		struct measurement *m;
		size_t n;

		cr_assert_eq(store_measurements_range(f.st, v0, "2020", "2021",
						      &m, &n, &e), 0, "%s",
			     e.msg);
		cr_expect_eq(n, 1, "stored on the 2020 version's uid");
		store_measurement_list_free(m, n);
		cr_assert_eq(store_measurements_range(f.st, v1, "2000", "2100",
						      &m, &n, &e), 0, "%s",
			     e.msg);
		cr_expect_eq(n, 0);
		store_measurement_list_free(m, n);
	}
	done(&f);
}

Test(dashboard, cell_context_names_the_cell)
{
	struct fixture f;
	char buf[256], want[256];
	struct dash_row *r;

	open_bouscat(&f);
	load(&f, 2026, TODAY);
	r = row_of(&f, "3.3.2", "majeure");
	dashboard_cell_context(&f.d, index_of(&f, r), 2, "valeur", buf,
			       sizeof buf);
	snprintf(want, sizeof want, "%s|2026|3.3.2|majeure|2026-03|valeur",
		 f.contract);
	cr_expect_str_eq(buf, want);
	done(&f);
}

/* ---------------------------------------------------------------- */
/* An amendment in force in the middle of a year                     */

/* test-avenant-1.ini in force on 1 July 2021, keeping 1.1.2 (monthly,
 * after 1.1.4 in the file). */
static void import_midyear_amendment(struct fixture *f)
{
	char *orig = t_top("tests/fixtures/test-avenant-1.ini");
	char *text = t_read(orig, NULL), *at, *path;
	struct contract_doc *doc;
	struct diag_list d;
	enum import_outcome outcome;
	struct err e;
	char *all;
	static const char extra[] =
		"\n[indicateur nsi/1.1.2]\n"
		"engagement = 1.1\n"
		"intitule = Délai de résolution\n"
		"periodicite = mensuelle ou trimestrielle\n"
		"source = Centre d'appel\n"
		"type_valeur = duree_heures\n"
		"unite = h\n"
		"meilleur = baisse\n"
		"criticites = critique, majeure, mineure\n"
		"calcul = delai_resolution\n";

	cr_assert_not_null(text);
	at = strstr(text, "en_vigueur = 2021-01-01");
	cr_assert_not_null(at);
	memcpy(at + strlen("en_vigueur = 2021-"), "07", 2);
	all = malloc(strlen(text) + sizeof extra);
	cr_assert_not_null(all);
	strcpy(all, text);
	strcat(all, extra);
	path = t_write("avenant-juillet.ini", all);
	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s: %s", path,
		     d.n ? d.v[0].msg : "");
	cr_assert_eq(store_contract_import(f->st, doc, &outcome, &e), 0,
		     "%s: %s", path, e.msg);
	contract_doc_free(doc);
	diag_list_release(&d);
	free(path);
	free(all);
	free(text);
	free(orig);
}

Test(dashboard, midyear_amendment_splits_the_cells_of_a_year)
{
	static const char *const original[] = {
		"tests/fixtures/test-contrat.ini",
		NULL,
	};
	struct fixture f;
	char old[STORE_UID_LEN], new[STORE_UID_LEN], list[512];
	struct dash_row *r;
	struct err e;

	open_with(&f, original, "Testville");
	import_midyear_amendment(&f);
	cr_assert_eq(store_indicator_by_code(f.st, f.contract, "1.1.2",
					     "2021-06-30", old, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_indicator_by_code(f.st, f.contract, "1.1.2",
					     "2021-07-01", new, &e), 0, "%s",
		     e.msg);
	cr_assert_str_neq(old, new);

	/* 2021 seen afterwards: the rows of the annex in force at the end
	 * of the year, the cells of each version */
	load(&f, 2021, TODAY);
	codes(&f, list, sizeof list);
	cr_expect_str_eq(list, "1.1.1 1.1.4 1.1.2/critique 1.1.2/majeure "
			 "1.1.2/mineure");
	r = row_of(&f, "1.1.2", "critique");
	cr_expect_str_eq(r->uid, new);
	cr_assert_eq(r->n_cells, 12);
	for (int i = 0; i < 6; i++)
		cr_expect_str_eq(r->cells[i].uid, old, "month %d", i + 1);
	for (int i = 6; i < 12; i++)
		cr_expect_str_eq(r->cells[i].uid, new, "month %d", i + 1);
	set_uid(&f, old, "2021-03", "critique", &r->spec, "4", false);
	set_uid(&f, new, "2021-09", "critique", &r->spec, "6", false);
	/* a value for a period of the old version, under the new one: the
	 * store refuses it, naming the dates */
	{
		struct value v;

		memset(&v, 0, sizeof v);
		cr_assert_eq(value_parse(&r->spec, "99", &v, &e), 0, "%s", e.msg);
		cr_expect_eq(store_measurement_set(f.st, new, "2021-02", "critique",
						   &v, false, NULL, &e), -1);
		cr_expect(strstr(e.msg, "février 2021 n'est pas dans la version") &&
			  strstr(e.msg, "à partir du 01/07/2021, jamais avant"),
			  "%s", e.msg);
		value_release(&v);
		/* and the old version, after the new one began */
		cr_assert_eq(value_parse(&r->spec, "5", &v, &e), 0, "%s", e.msg);
		cr_expect_eq(store_measurement_set(f.st, old, "2021-08", "critique",
						   &v, false, NULL, &e), -1);
		cr_expect(strstr(e.msg, "au 01/07/2021 (exclu)"), "%s", e.msg);
		/* targets: for a year the version is in force in, some of it */
		cr_expect_eq(store_target_set(f.st, new, 2021, "critique", &v, -1,
					      &e), 0, "%s", e.msg);
		cr_expect_eq(store_target_set(f.st, old, 2021, "critique", &v, -1,
					      &e), 0, "%s", e.msg);
		cr_expect_eq(store_target_set(f.st, new, 2020, "critique", &v, -1,
					      &e), -1);
		cr_expect(strstr(e.msg, "pas de cible pour 2020") &&
			  strstr(e.msg, "à partir du 01/07/2021, jamais avant"),
			  "%s", e.msg);
		cr_expect_eq(store_target_set(f.st, old, 2022, "critique", &v, -1,
					      &e), -1);
		cr_expect(strstr(e.msg, "au 01/07/2021 (exclu)"), "%s", e.msg);
		/* clearing one is always possible */
		cr_expect_eq(store_target_set(f.st, old, 2022, "critique", NULL, -1,
					      &e), 0, "%s", e.msg);
		value_release(&v);
	}
	load(&f, 2021, TODAY);
	r = row_of(&f, "1.1.2", "critique");
	cr_expect(r->cells[2].entered && num_is(&r->cells[2].value, 4));
	cr_expect(r->cells[8].entered && num_is(&r->cells[8].value, 6));
	cr_expect(!r->cells[1].entered, "February belongs to the old version");
	/* 1.1.4 appeared on 1 July: the year 2021 began under the old
	 * version, which has no 1.1.4 */
	r = row_of(&f, "1.1.4", "");
	cr_expect_str_eq(r->cells[0].uid, "");
	cr_expect_eq(r->cells[0].status, STATUS_NOT_DUE);
	done(&f);
}

/* dashboard.h: "The rows are the indicators of the annexes in force at
 * the end of the year (or today, in the current year)". For a year still
 * to come, dashboard_load took the annexes in force on its 1 January
 * instead (rows 1.1.1 1.1.2 x3 1.1.3 here): skipped until the header or
 * the code says otherwise. */
Test(dashboard, rows_of_a_coming_year_are_those_at_its_end)
{
	static const char *const original[] = {
		"tests/fixtures/test-contrat.ini",
		NULL,
	};
	struct fixture f;
	char list[512];

	open_with(&f, original, "Testville");
	import_midyear_amendment(&f);
	load(&f, 2021, "2020-11-23");
	codes(&f, list, sizeof list);
	cr_expect_str_eq(list, "1.1.1 1.1.4 1.1.2/critique 1.1.2/majeure "
			 "1.1.2/mineure");
	done(&f);
}

/* Le Bouscat's Numérique annex exists only through amendment 1, in force
 * from 01/01/2018: on 31/12/2017 nothing of it is in force (no annex, no
 * row, no indicator, no contact), from 01/01/2018 everything is. */
Test(dashboard, bouscat_amendment_in_force_from_its_date_never_before)
{
	struct fixture f;
	struct annex_info *an;
	size_t na;
	char uid[STORE_UID_LEN];
	struct err e;
	struct browse_source src;

	open_bouscat(&f);
	cr_assert_eq(store_annexes_in_force(f.st, f.contract, "2017-12-31", &an,
					    &na, &e), 0, "%s", e.msg);
	cr_expect_eq(na, 0, "no annex in force on 31/12/2017");
	store_annex_list_free(an, na);
	cr_assert_eq(store_annexes_in_force(f.st, f.contract, "2018-01-01", &an,
					    &na, &e), 0, "%s", e.msg);
	cr_assert_eq(na, 1);
	cr_expect_eq(an[0].version, 1);
	cr_expect_str_eq(an[0].in_force_from, "2018-01-01");
	store_annex_list_free(an, na);
	/* 2.1.2 comes with the amendment */
	cr_expect_eq(store_indicator_by_code(f.st, f.contract, "2.1.2",
					     "2017-12-31", uid, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(store_indicator_by_code(f.st, f.contract, "2.1.2",
					     "2018-01-01", uid, &e), 0, "%s",
		     e.msg);
	/* the grid of 2017: no row; of 2018: the amendment's */
	load(&f, 2017, TODAY);
	cr_expect_eq(f.d.n_rows, 0, "2017: %zu rows", f.d.n_rows);
	load(&f, 2018, TODAY);
	cr_expect_eq(f.d.n_rows, 25);
	/* the map: the domain is there, not in force before its date */
	cr_assert_eq(browse_load(f.st, f.contract, "2017-12-31", &src, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(src.n_domains, 1);
	cr_expect_eq(src.domains[0].in_force, BROWSE_NONE);
	cr_expect_eq(src.domains[0].shown, 0);
	browse_source_release(&src);
	cr_assert_eq(browse_load(f.st, f.contract, "2018-01-01", &src, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(src.domains[0].in_force, 0);
	browse_source_release(&src);
	done(&f);
}

/* A contract starting on 01/03/2020: its annex is in force from then.
 * The annual cell of 2020 belongs to it (the year is measured whole, the
 * first version begins within it); 2019 has no row, 2020 has. */
Test(dashboard, first_version_beginning_within_a_period)
{
	struct fixture f;
	char *src = t_top("tests/fixtures/test-contrat.ini");
	char *text = t_read(src, NULL), *at, *path;
	struct contract_doc *doc;
	struct diag_list dl;
	enum import_outcome outcome;
	struct err e;
	bool found = false;

	cr_assert_not_null(text);
	at = strstr(text, "debut = 2020-01-01");
	cr_assert_not_null(at);
	memcpy(at, "debut = 2020-03-01", strlen("debut = 2020-03-01"));
	path = t_write("mars.ini", text);
	{
		char *db = t_path("dashboard.db");

		setlocale(LC_CTYPE, "C.UTF-8");
		memset(&f, 0, sizeof f);
		cr_assert_eq(store_open(db, STORE_WRITE, &f.st, &e), 0, "%s",
			     e.msg);
		free(db);
	}
	diag_list_init(&dl);
	cr_assert_eq(contract_file_read(path, &doc, &dl), 0, "%s",
		     dl.n ? dl.v[0].msg : "");
	cr_assert_eq(store_contract_import(f.st, doc, &outcome, &e), 0, "%s",
		     e.msg);
	contract_doc_free(doc);
	diag_list_release(&dl);
	cr_assert_eq(store_contract_find(f.st, "Testville", f.contract, &e), 0,
		     "%s", e.msg);
	load(&f, 2019, TODAY);
	cr_expect_eq(f.d.n_rows, 0, "2019: %zu rows", f.d.n_rows);
	load(&f, 2020, TODAY);
	for (size_t i = 0; i < f.d.n_rows; i++) {
		const struct dash_row *r = &f.d.rows[i];

		if (r->kind != DASH_INDICATOR || strcmp(r->ind->code, "1.1.1"))
			continue;
		found = true;
		cr_assert_eq(r->n_cells, 1, "annual: one cell");
		cr_expect_eq(strlen(r->cells[0].uid), 32,
			     "the 2020 cell belongs to the version begun in "
			     "March");
	}
	cr_expect(found);
	free(text);
	free(src);
	free(path);
	done(&f);
}
