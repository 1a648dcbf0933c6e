/*
 * Values of the tableau de bord in the store (src/store/measurement.c),
 * on the bundled contracts: a value and its history, clear and undo,
 * comments, criticalities, the order of period keys, targets, the
 * quarterly choice, drafts, indicators found by code, the rows of a
 * year for exports, and a refused write that leaves nothing behind.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/contract.h"
#include "suivi/contract_file.h"
#include "suivi/limits.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_draft.h"
#include "suivi/store_measurement.h"
#include "suivi/value.h"

#define AUTHOR "Marie Martin"

struct fixture {
	struct store *st;
	char bouscat[STORE_UID_LEN], haillan[STORE_UID_LEN];
};

static const char *const bundled[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	NULL,
};

static void open_store(struct fixture *f)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	f->st = t_store_with("measurement.db", bundled);
	store_set_author(f->st, AUTHOR);
	cr_assert_eq(store_contract_find(f->st, "Le Bouscat", f->bouscat, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_contract_find(f->st, "Le Haillan", f->haillan, &e),
		     0, "%s", e.msg);
}

/* The uid of an indicator of a contract, in the annex in force in 2026. */
static void ind(struct fixture *f, const char *contract, const char *code,
		char uid[STORE_UID_LEN])
{
	struct err e;

	cr_assert_eq(store_indicator_by_code(f->st, contract, code,
					     "2026-01-01", uid, &e), 0,
		     "%s: %s", code, e.msg);
	cr_assert_eq(strlen(uid), 32, "%s", code);
}

/* What the user typed, as a value of the indicator's kind. */
static struct value parse(struct fixture *f, const char *uid,
			  const char *text)
{
	struct indicator d;
	struct value_spec spec;
	struct value v;
	struct err e;

	memset(&v, 0, sizeof v);
	cr_assert_eq(store_indicator_get(f->st, uid, &d, &e), 0, "%s", e.msg);
	spec.kind = d.value_kind;
	spec.scale_min = d.scale_min;
	spec.scale_max = d.scale_max;
	spec.unit = d.unit;
	cr_assert_eq(value_parse(&spec, text, &v, &e), 0, "%s: %s", text,
		     e.msg);
	indicator_release(&d);
	return v;
}

static void set(struct fixture *f, const char *uid, const char *period,
		const char *crit, const char *text)
{
	struct value v = parse(f, uid, text);
	struct err e;

	cr_assert_eq(store_measurement_set(f->st, uid, period, crit, &v, false,
					   NULL, &e), 0, "%s %s: %s", period,
		     text, e.msg);
	value_release(&v);
}

/* The cell's measurement, which must exist. */
static struct measurement get(struct fixture *f, const char *uid,
			      const char *period, const char *crit)
{
	struct measurement m;
	bool found = false;
	struct err e;

	cr_assert_eq(store_measurement_get(f->st, uid, period, crit, &m,
					   &found, &e), 0, "%s", e.msg);
	cr_assert(found, "no row for %s [%s]", period, crit ? crit : "");
	return m;
}

static bool exists(struct fixture *f, const char *uid, const char *period,
		   const char *crit)
{
	struct measurement m;
	bool found = true;
	struct err e;

	cr_assert_eq(store_measurement_get(f->st, uid, period, crit, &m,
					   &found, &e), 0, "%s", e.msg);
	store_measurement_release(&m);
	return found;
}

static size_t n_history(struct fixture *f, const char *uid,
			const char *period, const char *crit)
{
	struct measurement_event *ev;
	size_t n;
	struct err e;

	cr_assert_eq(store_measurement_history(f->st, uid, period, crit, &ev,
					       &n, &e), 0, "%s", e.msg);
	store_measurement_history_free(ev, n);
	return n;
}

/* Rows of an indicator whose key is in [from, to). */
static size_t n_range(struct fixture *f, const char *uid, const char *from,
		      const char *to)
{
	struct measurement *m;
	size_t n;
	struct err e;

	cr_assert_eq(store_measurements_range(f->st, uid, from, to, &m, &n, &e),
		     0, "%s", e.msg);
	store_measurement_list_free(m, n);
	return n;
}

static long n_measurements(struct fixture *f)
{
	struct store_totals t;
	struct err e;

	cr_assert_eq(store_totals(f->st, &t, &e), 0, "%s", e.msg);
	return t.measurements;
}

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

/* ---------------------------------------------------------------- */
/* A value, its history, clear and undo                              */

Test(measurement, set_then_get)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement m;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", uid);
	set(&f, uid, "2026", "", "12,5 %");
	m = get(&f, uid, "2026", "");
	cr_expect_str_eq(m.indicator_uid, uid);
	cr_expect_str_eq(m.period, "2026");
	cr_expect_str_eq(m.criticality, "");
	cr_expect(m.value.has_num && near(m.value.num, 12.5));
	cr_expect(!m.value.has_den);
	cr_expect_null(m.value.text);
	cr_expect_null(m.comment);
	cr_expect(!m.is_override);
	cr_expect_str_eq(m.author, AUTHOR);
	cr_expect_not_null(m.updated_at);
	store_measurement_release(&m);
	/* NULL criticality is the same cell as "" */
	m = get(&f, uid, "2026", NULL);
	cr_expect(near(m.value.num, 12.5));
	store_measurement_release(&m);
	/* another period has nothing */
	cr_expect(!exists(&f, uid, "2025", ""));
	store_close(f.st);
}

Test(measurement, ratio_and_text_round_trip)
{
	struct fixture f;
	char ratio[STORE_UID_LEN], text[STORE_UID_LEN];
	struct measurement m;

	open_store(&f);
	ind(&f, f.bouscat, "2.1.2", ratio);
	ind(&f, f.bouscat, "3.2.1", text);
	set(&f, ratio, "2026", "", "3/4");
	set(&f, text, "2026", "", "Du lundi au vendredi, 8 h - 18 h");
	m = get(&f, ratio, "2026", "");
	cr_expect(m.value.has_num && m.value.has_den);
	cr_expect(near(m.value.num, 3) && near(m.value.den, 4));
	store_measurement_release(&m);
	m = get(&f, text, "2026", "");
	cr_expect(!m.value.has_num && !m.value.has_den);
	cr_expect_str_eq(m.value.text, "Du lundi au vendredi, 8 h - 18 h");
	store_measurement_release(&m);
	store_close(f.st);
}

Test(measurement, set_twice_keeps_both_in_history)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement_event *ev;
	struct measurement_before before;
	struct value v;
	size_t n;
	struct err e;
	struct measurement m;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", uid);
	v = parse(&f, uid, "10");
	cr_assert_eq(store_measurement_set(f.st, uid, "2026", "", &v, false,
					   &before, &e), 0, "%s", e.msg);
	cr_expect(!before.existed, "first value: nothing before");
	cr_expect(value_empty(&before.value));
	store_measurement_before_release(&before);
	value_release(&v);

	store_set_author(f.st, "Paul Durand");
	v = parse(&f, uid, "20");
	cr_assert_eq(store_measurement_set(f.st, uid, "2026", "", &v, false,
					   &before, &e), 0, "%s", e.msg);
	cr_expect(before.existed);
	cr_expect(before.value.has_num && near(before.value.num, 10),
		  "before holds the value replaced");
	store_measurement_before_release(&before);
	value_release(&v);

	m = get(&f, uid, "2026", "");
	cr_expect(near(m.value.num, 20));
	cr_expect_str_eq(m.author, "Paul Durand", "the last author");
	store_measurement_release(&m);

	cr_assert_eq(store_measurement_history(f.st, uid, "2026", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(ev[0].action, "set");
	cr_expect_str_eq(ev[1].action, "set");
	cr_expect(ev[0].value.has_num && near(ev[0].value.num, 10),
		  "oldest first");
	cr_expect(ev[1].value.has_num && near(ev[1].value.num, 20));
	cr_expect_str_eq(ev[0].author, AUTHOR);
	cr_expect_str_eq(ev[1].author, "Paul Durand");
	cr_assert_not_null(ev[0].at);
	cr_assert_not_null(ev[1].at);
	/* "AAAA-MM-JJTHH:MM:SSZ", in order */
	cr_expect_eq(strlen(ev[0].at), 20, "%s", ev[0].at);
	cr_expect_eq(ev[0].at[4], '-');
	cr_expect_eq(ev[0].at[10], 'T');
	cr_expect(strcmp(ev[0].at, ev[1].at) <= 0, "%s then %s", ev[0].at,
		  ev[1].at);
	store_measurement_history_free(ev, n);
	store_close(f.st);
}

/* Issue 17, 8: the clock goes back between two writes (set back by
 * hand, or by a time server): the history stays in the order written, and
 * the value shown is the last written, each stamp as recorded. */
Test(measurement, history_in_order_written_when_the_clock_goes_back)
{
	static const struct {
		const char *now, *value;
	} writes[] = {
		{ "2026-10-25T01:40:00Z", "10" },
		{ "2026-10-25T01:10:00Z", "20" },	/* earlier stamp */
		{ "2026-10-24T23:00:00Z", "30" },	/* earlier still */
	};
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement_event *ev;
	struct measurement_before before;
	struct measurement m;
	struct value v;
	size_t n;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", uid);
	for (size_t i = 0; i < sizeof writes / sizeof writes[0]; i++) {
		setenv("SUIVI_NOW", writes[i].now, 1);
		v = parse(&f, uid, writes[i].value);
		cr_assert_eq(store_measurement_set(f.st, uid, "2026", "", &v,
						   false, &before, &e), 0,
			     "%s", e.msg);
		store_measurement_before_release(&before);
		value_release(&v);
	}
	unsetenv("SUIVI_NOW");
	m = get(&f, uid, "2026", "");
	cr_expect(near(m.value.num, 30), "the last written is the value");
	store_measurement_release(&m);
	cr_assert_eq(store_measurement_history(f.st, uid, "2026", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 3);
	for (size_t i = 0; i < n; i++) {
		cr_expect(near(ev[i].value.num, atof(writes[i].value)),
			  "#%zu: %g", i, ev[i].value.num);
		cr_expect_str_eq(ev[i].at, writes[i].now, "the stamp kept");
	}
	store_measurement_history_free(ev, n);
	store_close(f.st);
}

Test(measurement, clear_empties_the_cell_and_keeps_its_history)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement_event *ev;
	struct measurement_before before;
	struct measurement m;
	size_t n;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", uid);
	set(&f, uid, "2026", "", "42");
	cr_assert_eq(store_measurement_clear(f.st, uid, "2026", "", &before,
					     &e), 0, "%s", e.msg);
	cr_expect(before.existed);
	cr_expect(before.value.has_num && near(before.value.num, 42));
	store_measurement_before_release(&before);

	/* the row stays, empty, with its history */
	m = get(&f, uid, "2026", "");
	cr_expect(value_empty(&m.value));
	store_measurement_release(&m);
	cr_assert_eq(store_measurement_history(f.st, uid, "2026", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(ev[0].action, "set");
	cr_expect_str_eq(ev[1].action, "clear");
	cr_expect(value_empty(&ev[1].value));
	cr_expect_str_eq(ev[1].author, AUTHOR);
	store_measurement_history_free(ev, n);
	store_close(f.st);
}

Test(measurement, clearing_an_empty_cell_is_not_found_and_writes_nothing)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	long before;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", uid);
	before = n_measurements(&f);

	/* no row at all */
	err_clear(&e);
	cr_expect_eq(store_measurement_clear(f.st, uid, "2026", "", NULL, &e),
		     -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_neq(e.msg[0], '\0', "a message for the user");
	cr_expect(!exists(&f, uid, "2026", ""), "no row created");
	cr_expect_eq(n_measurements(&f), before);

	/* a row already cleared */
	set(&f, uid, "2025", "", "50");
	cr_assert_eq(store_measurement_clear(f.st, uid, "2025", "", NULL, &e),
		     0, "%s", e.msg);
	cr_expect_eq(store_measurement_clear(f.st, uid, "2025", "", NULL, &e),
		     -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(n_history(&f, uid, "2025", ""), 2,
		     "the refused clear is not in the history");

	/* a row with a comment only */
	cr_assert_eq(store_measurement_comment(f.st, uid, "2024", "", "Audit",
					       &e), 0, "%s", e.msg);
	cr_expect_eq(store_measurement_clear(f.st, uid, "2024", "", NULL, &e),
		     -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(n_history(&f, uid, "2024", ""), 1);
	store_close(f.st);
}

Test(measurement, restore_puts_back_the_previous_value)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement_event *ev;
	struct measurement_before before;
	struct measurement m;
	struct value v;
	size_t n;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", uid);
	set(&f, uid, "2026", "", "30");
	v = parse(&f, uid, "35");
	cr_assert_eq(store_measurement_set(f.st, uid, "2026", "", &v, false,
					   &before, &e), 0, "%s", e.msg);
	value_release(&v);

	cr_assert_eq(store_measurement_restore(f.st, uid, "2026", "", &before,
					       &e), 0, "%s", e.msg);
	store_measurement_before_release(&before);
	m = get(&f, uid, "2026", "");
	cr_expect(m.value.has_num && near(m.value.num, 30));
	store_measurement_release(&m);

	cr_assert_eq(store_measurement_history(f.st, uid, "2026", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(ev[2].action, "undo");
	cr_expect(ev[2].value.has_num && near(ev[2].value.num, 30),
		  "the history says what was put back");
	cr_expect_str_eq(ev[2].author, AUTHOR);
	store_measurement_history_free(ev, n);

	/* undo a clear: the value comes back */
	cr_assert_eq(store_measurement_clear(f.st, uid, "2026", "", &before,
					     &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_restore(f.st, uid, "2026", "", &before,
					       &e), 0, "%s", e.msg);
	store_measurement_before_release(&before);
	m = get(&f, uid, "2026", "");
	cr_expect(m.value.has_num && near(m.value.num, 30));
	store_measurement_release(&m);
	store_close(f.st);
}

Test(measurement, restore_of_a_value_that_did_not_exist_empties_the_cell)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement_before before;
	struct measurement_event *ev;
	struct measurement m;
	struct value v;
	size_t n;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", uid);
	v = parse(&f, uid, "80");
	cr_assert_eq(store_measurement_set(f.st, uid, "2026", "", &v, false,
					   &before, &e), 0, "%s", e.msg);
	value_release(&v);
	cr_expect(!before.existed);

	cr_assert_eq(store_measurement_restore(f.st, uid, "2026", "", &before,
					       &e), 0, "%s", e.msg);
	store_measurement_before_release(&before);
	m = get(&f, uid, "2026", "");
	cr_expect(value_empty(&m.value), "undoing the first value empties it");
	cr_expect(!m.is_override);
	store_measurement_release(&m);
	cr_assert_eq(store_measurement_history(f.st, uid, "2026", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(ev[1].action, "undo");
	cr_expect(value_empty(&ev[1].value));
	store_measurement_history_free(ev, n);
	store_close(f.st);
}

Test(measurement, restore_keeps_the_override_flag)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement_before before;
	struct measurement m;
	struct value v;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.3.1", uid);
	v = parse(&f, uid, "2");
	cr_assert_eq(store_measurement_set(f.st, uid, "2026-03", "", &v, true,
					   NULL, &e), 0, "%s", e.msg);
	value_release(&v);
	m = get(&f, uid, "2026-03", "");
	cr_expect(m.is_override);
	store_measurement_release(&m);

	v = parse(&f, uid, "3");
	cr_assert_eq(store_measurement_set(f.st, uid, "2026-03", "", &v, false,
					   &before, &e), 0, "%s", e.msg);
	value_release(&v);
	cr_expect(before.is_override);
	cr_assert_eq(store_measurement_restore(f.st, uid, "2026-03", "",
					       &before, &e), 0, "%s", e.msg);
	store_measurement_before_release(&before);
	m = get(&f, uid, "2026-03", "");
	cr_expect(near(m.value.num, 2));
	cr_expect(m.is_override, "the override comes back with its value");
	store_measurement_release(&m);
	store_close(f.st);
}

/* ---------------------------------------------------------------- */
/* Comments, criticalities, keys                                     */

Test(measurement, comment_on_an_empty_cell_creates_the_row)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement_event *ev;
	struct measurement m;
	size_t n;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.3.1", uid);
	cr_assert(!exists(&f, uid, "2026-02", ""));
	cr_assert_eq(store_measurement_comment(f.st, uid, "2026-02", "",
					       "Outil en panne tout le mois",
					       &e), 0, "%s", e.msg);
	m = get(&f, uid, "2026-02", "");
	cr_expect(value_empty(&m.value), "a comment gives no value");
	cr_expect_str_eq(m.comment, "Outil en panne tout le mois");
	cr_expect_str_eq(m.author, AUTHOR);
	store_measurement_release(&m);

	/* a value afterwards keeps the comment */
	set(&f, uid, "2026-02", "", "1");
	m = get(&f, uid, "2026-02", "");
	cr_expect_str_eq(m.comment, "Outil en panne tout le mois");
	cr_expect(near(m.value.num, 1));
	store_measurement_release(&m);

	cr_assert_eq(store_measurement_history(f.st, uid, "2026-02", "", &ev,
					       &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(ev[0].action, "comment");
	cr_expect_str_eq(ev[0].comment, "Outil en panne tout le mois");
	cr_expect_str_eq(ev[1].action, "set");
	store_measurement_history_free(ev, n);
	store_close(f.st);
}

Test(measurement, comment_removed_by_null_or_empty)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement_event *ev;
	struct measurement m;
	size_t n;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", uid);
	set(&f, uid, "2026", "", "60");
	cr_assert_eq(store_measurement_comment(f.st, uid, "2026", "", "Premier",
					       &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_comment(f.st, uid, "2026", "", "", &e),
		     0, "%s", e.msg);
	m = get(&f, uid, "2026", "");
	cr_expect_null(m.comment, "\"\" removes the comment");
	cr_expect(near(m.value.num, 60), "the value stays");
	store_measurement_release(&m);

	cr_assert_eq(store_measurement_comment(f.st, uid, "2026", "", "Second",
					       &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_comment(f.st, uid, "2026", "", NULL, &e),
		     0, "%s", e.msg);
	m = get(&f, uid, "2026", "");
	cr_expect_null(m.comment, "NULL removes the comment");
	store_measurement_release(&m);

	cr_assert_eq(store_measurement_history(f.st, uid, "2026", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 5);
	cr_expect_str_eq(ev[2].action, "comment");
	cr_expect_null(ev[2].comment, "the removal is recorded without text");
	store_measurement_history_free(ev, n);
	store_close(f.st);
}

Test(measurement, criticality_keeps_cells_apart)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement *v;
	struct measurement m;
	size_t n;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.3.2", uid);
	set(&f, uid, "2026-03", "critique", "4");
	set(&f, uid, "2026-03", "majeure", "2h30");
	m = get(&f, uid, "2026-03", "critique");
	cr_expect(near(m.value.num, 4));
	cr_expect_str_eq(m.criticality, "critique");
	store_measurement_release(&m);
	m = get(&f, uid, "2026-03", "majeure");
	cr_expect(near(m.value.num, 2.5));
	cr_expect_str_eq(m.criticality, "majeure");
	store_measurement_release(&m);
	cr_expect(!exists(&f, uid, "2026-03", "mineure"));
	cr_expect(!exists(&f, uid, "2026-03", ""),
		  "the unsplit cell is another one");
	cr_expect_eq(n_history(&f, uid, "2026-03", "critique"), 1);
	cr_expect_eq(n_history(&f, uid, "2026-03", "majeure"), 1);

	cr_assert_eq(store_measurements_range(f.st, uid, "2026-03", "2026-04",
					      &v, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(v[0].criticality, "critique");
	cr_expect_str_eq(v[1].criticality, "majeure");
	store_measurement_list_free(v, n);

	/* clearing one leaves the other */
	cr_assert_eq(store_measurement_clear(f.st, uid, "2026-03", "critique",
					     NULL, &e), 0, "%s", e.msg);
	m = get(&f, uid, "2026-03", "majeure");
	cr_expect(near(m.value.num, 2.5));
	store_measurement_release(&m);
	store_close(f.st);
}

Test(measurement, range_follows_the_order_of_period_keys)
{
	static const char *const scrambled[] = {
		"2019", "2018-T1", "2018-12", "2020-12", "2018", "2018-01",
	};
	static const char *const ordered[] = {
		"2018", "2018-01", "2018-12", "2018-T1", "2019",
	};
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct measurement *v;
	size_t n;
	struct err e;

	open_store(&f);
	/* the store does not check periodicities: any key goes */
	ind(&f, f.bouscat, "3.3.1", uid);
	for (size_t i = 0; i < sizeof scrambled / sizeof *scrambled; i++)
		set(&f, uid, scrambled[i], "", "1");

	cr_assert_eq(store_measurements_range(f.st, uid, "2018", "2020", &v, &n,
					      &e), 0, "%s", e.msg);
	cr_assert_eq(n, 5);
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(v[i].period, ordered[i], "rank %zu", i);
	store_measurement_list_free(v, n);

	/* a year: its months and quarters, not the next year */
	cr_expect_eq(n_range(&f, uid, "2018", "2019"), 4);
	/* from is included, to is not */
	cr_expect_eq(n_range(&f, uid, "2018-01", "2018-T1"), 2);
	cr_expect_eq(n_range(&f, uid, "2018-12", "2019"), 2);
	cr_expect_eq(n_range(&f, uid, "2021", "2030"), 0);
	cr_expect_eq(n_range(&f, uid, "2020", "2030"), 1);
	cr_expect_eq(n_range(&f, uid, "2000", "2030"), 6);
	store_close(f.st);
}

/* ---------------------------------------------------------------- */
/* Targets, the quarterly choice, drafts                             */

Test(measurement, targets_set_get_replace_remove)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct value t, got;
	int better;
	bool found = true;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.3.1", uid);
	cr_assert_eq(store_target_value(f.st, uid, 2026, "", &got, &better,
					&found, &e), 0, "%s", e.msg);
	cr_expect(!found);
	cr_expect_eq(better, -1);

	/* the contract's direction kept */
	t = parse(&f, uid, "2");
	cr_assert_eq(store_target_set(f.st, uid, 2026, "", &t, -1, &e), 0,
		     "%s", e.msg);
	value_release(&t);
	cr_assert_eq(store_target_value(f.st, uid, 2026, "", &got, &better,
					&found, &e), 0, "%s", e.msg);
	cr_expect(found);
	cr_expect(got.has_num && near(got.num, 2));
	cr_expect_eq(better, -1, "-1: the contract's direction");
	value_release(&got);

	/* replaced, with a direction of its own */
	t = parse(&f, uid, "1,5");
	cr_assert_eq(store_target_set(f.st, uid, 2026, "", &t, BETTER_HIGHER,
				      &e), 0, "%s", e.msg);
	value_release(&t);
	cr_assert_eq(store_target_value(f.st, uid, 2026, "", &got, &better,
					&found, &e), 0, "%s", e.msg);
	cr_expect(found);
	cr_expect(near(got.num, 1.5));
	cr_expect_eq(better, BETTER_HIGHER);
	value_release(&got);

	/* replaced again without one: back to the contract's */
	t = parse(&f, uid, "3");
	cr_assert_eq(store_target_set(f.st, uid, 2026, "", &t, -1, &e), 0,
		     "%s", e.msg);
	value_release(&t);
	cr_assert_eq(store_target_value(f.st, uid, 2026, "", &got, &better,
					&found, &e), 0, "%s", e.msg);
	cr_expect(near(got.num, 3));
	cr_expect_eq(better, -1);
	value_release(&got);

	/* other years have none */
	cr_assert_eq(store_target_value(f.st, uid, 2025, "", &got, &better,
					&found, &e), 0, "%s", e.msg);
	cr_expect(!found);

	/* an empty value removes it */
	memset(&t, 0, sizeof t);
	cr_assert_eq(store_target_set(f.st, uid, 2026, "", &t, -1, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_target_value(f.st, uid, 2026, "", &got, &better,
					&found, &e), 0, "%s", e.msg);
	cr_expect(!found, "removed");
	/* and so does NULL; removing what is not there is fine */
	cr_expect_eq(store_target_set(f.st, uid, 2026, "", NULL, -1, &e), 0,
		     "%s", e.msg);
	store_close(f.st);
}

Test(measurement, targets_by_criticality)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct value t, got;
	int better;
	bool found;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.3.2", uid);
	t = parse(&f, uid, "4");
	cr_assert_eq(store_target_set(f.st, uid, 2026, "critique", &t, -1, &e),
		     0, "%s", e.msg);
	value_release(&t);
	t = parse(&f, uid, "24");
	cr_assert_eq(store_target_set(f.st, uid, 2026, "mineure", &t,
				      BETTER_LOWER, &e), 0, "%s", e.msg);
	value_release(&t);

	cr_assert_eq(store_target_value(f.st, uid, 2026, "critique", &got,
					&better, &found, &e), 0, "%s", e.msg);
	cr_expect(found && near(got.num, 4) && better == -1);
	value_release(&got);
	cr_assert_eq(store_target_value(f.st, uid, 2026, "mineure", &got,
					&better, &found, &e), 0, "%s", e.msg);
	cr_expect(found && near(got.num, 24) && better == BETTER_LOWER);
	value_release(&got);
	cr_assert_eq(store_target_value(f.st, uid, 2026, "majeure", &got,
					&better, &found, &e), 0, "%s", e.msg);
	cr_expect(!found);
	store_close(f.st);
}

Test(measurement, quarterly_choice)
{
	struct fixture f;
	char uid[STORE_UID_LEN], other[STORE_UID_LEN];
	bool q = true;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.3.1", uid);
	ind(&f, f.bouscat, "4.1.1", other);
	cr_assert_eq(store_indicator_quarterly(f.st, uid, &q, &e), 0, "%s",
		     e.msg);
	cr_expect(!q, "monthly until chosen otherwise");

	cr_assert_eq(store_indicator_set_quarterly(f.st, uid, true, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_indicator_quarterly(f.st, uid, &q, &e), 0, "%s",
		     e.msg);
	cr_expect(q);
	cr_assert_eq(store_indicator_quarterly(f.st, other, &q, &e), 0, "%s",
		     e.msg);
	cr_expect(!q, "a choice per indicator");

	cr_assert_eq(store_indicator_set_quarterly(f.st, uid, false, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_indicator_quarterly(f.st, uid, &q, &e), 0, "%s",
		     e.msg);
	cr_expect(!q, "back to monthly");
	store_close(f.st);
}

Test(measurement, drafts_save_get_overwrite_delete)
{
	struct fixture f;
	char *ctx = NULL, *text = NULL;
	bool found = true;
	struct err e;

	open_store(&f);
	cr_assert_eq(store_draft_get(f.st, "dashboard", &ctx, &text, &found,
				     &e), 0, "%s", e.msg);
	cr_expect(!found);
	cr_expect_null(ctx);
	cr_expect_null(text);

	cr_assert_eq(store_draft_save(f.st, "dashboard", "abc|2026|3.3.1",
				      "1,5", &e), 0, "%s", e.msg);
	cr_assert_eq(store_draft_get(f.st, "dashboard", &ctx, &text, &found,
				     &e), 0, "%s", e.msg);
	cr_expect(found);
	cr_expect_str_eq(ctx, "abc|2026|3.3.1");
	cr_expect_str_eq(text, "1,5");
	free(ctx);
	free(text);

	cr_assert_eq(store_draft_save(f.st, "dashboard", "abc|2026|3.3.2",
				      "Réseau coupé, « long » texte é", &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_draft_save(f.st, "comment", "x", "autre", &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_draft_get(f.st, "dashboard", &ctx, &text, &found,
				     &e), 0, "%s", e.msg);
	cr_expect(found);
	cr_expect_str_eq(ctx, "abc|2026|3.3.2", "overwritten");
	cr_expect_str_eq(text, "Réseau coupé, « long » texte é");
	free(ctx);
	free(text);

	cr_assert_eq(store_draft_delete(f.st, "dashboard", &e), 0, "%s", e.msg);
	cr_assert_eq(store_draft_get(f.st, "dashboard", &ctx, &text, &found,
				     &e), 0, "%s", e.msg);
	cr_expect(!found, "deleted");
	cr_assert_eq(store_draft_get(f.st, "comment", &ctx, &text, &found, &e),
		     0, "%s", e.msg);
	cr_expect(found, "the other slot stays");
	free(ctx);
	free(text);
	cr_expect_eq(store_draft_delete(f.st, "dashboard", &e), 0,
		     "deleting nothing is fine: %s", e.msg);
	store_close(f.st);
}

/* ---------------------------------------------------------------- */
/* Indicators by code                                                */

Test(measurement, indicator_by_code)
{
	struct fixture f;
	char uid[STORE_UID_LEN], again[STORE_UID_LEN], eco[STORE_UID_LEN];
	struct indicator d;
	struct err e;

	open_store(&f);
	cr_assert_eq(store_indicator_by_code(f.st, f.bouscat, "3.3.2",
					     "2026-03-01", uid, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_indicator_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_str_eq(d.code, "3.3.2");
	cr_expect_str_eq(d.criticalities, "critique, majeure, mineure");
	indicator_release(&d);

	/* eco/1 with its domain code, in Le Haillan */
	cr_assert_eq(store_indicator_by_code(f.st, f.haillan, "eco/1",
					     "2026-03-01", eco, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_indicator_get(f.st, eco, &d, &e), 0, "%s", e.msg);
	cr_expect_str_eq(d.code, "1");
	cr_expect_eq(d.value_kind, VALUE_RATIO);
	indicator_release(&d);
	/* nsi/3.3.2 names the same as 3.3.2 */
	cr_assert_eq(store_indicator_by_code(f.st, f.bouscat, "nsi/3.3.2",
					     "2026-03-01", again, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(again, uid);
	/* Le Haillan's 3.3.2 is another indicator */
	cr_assert_eq(store_indicator_by_code(f.st, f.haillan, "3.3.2",
					     "2026-03-01", again, &e), 0, "%s",
		     e.msg);
	cr_expect_str_neq(again, uid);

	err_clear(&e);
	cr_expect_eq(store_indicator_by_code(f.st, f.bouscat, "9.9.9",
					     "2026-03-01", uid, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect(strstr(e.msg, "9.9.9") != NULL, "%s", e.msg);
	cr_expect_str_eq(uid, "");
	/* eco/1 is not Le Bouscat's */
	cr_expect_eq(store_indicator_by_code(f.st, f.bouscat, "eco/1",
					     "2026-03-01", uid, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	store_close(f.st);
}

Test(measurement, indicator_by_code_follows_the_annex_in_force)
{
	static const char *const files[] = {
		"tests/fixtures/test-contrat.ini",
		"tests/fixtures/test-avenant-1.ini",
		NULL,
	};
	struct store *st;
	char *db = t_path("versions.db");
	char c[STORE_UID_LEN], v0[STORE_UID_LEN], v1[STORE_UID_LEN];
	char x[STORE_UID_LEN];
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	cr_assert_eq(store_open(db, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	free(db);
	for (const char *const *p = files; *p; p++)
		t_import(st, *p);
	cr_assert_eq(store_contract_find(st, "Testville", c, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_indicator_by_code(st, c, "1.1.1", "2020-06-01", v0,
					     &e), 0, "%s", e.msg);
	cr_assert_eq(store_indicator_by_code(st, c, "1.1.1", "2021-01-01", v1,
					     &e), 0, "%s", e.msg);
	cr_expect_str_neq(v0, v1, "one uid per annex version");
	/* 1.1.2 was removed by the amendment, 1.1.4 added */
	cr_expect_eq(store_indicator_by_code(st, c, "1.1.2", "2020-12-31", x,
					     &e), 0, "%s", e.msg);
	cr_expect_eq(store_indicator_by_code(st, c, "1.1.2", "2021-01-01", x,
					     &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(store_indicator_by_code(st, c, "1.1.4", "2020-12-31", x,
					     &e), -1);
	cr_expect_eq(store_indicator_by_code(st, c, "1.1.4", "2021-01-01", x,
					     &e), 0, "%s", e.msg);
	store_close(st);
}

/* Two domains with an indicator 1.1 each. */
static const char two_domains[] =
	"[contrat]\n"
	"identifiant = 33888-2020\n"
	"commune = Doubleville\n"
	"insee = 33888\n"
	"intitule = Contrat à deux domaines\n"
	"debut = 2020-01-01\n"
	"\n[domaine nsi]\nnom = Numérique\n"
	"\n[engagement nsi/1]\nintitule = Tenir les délais\n"
	"\n[indicateur nsi/1.1]\nengagement = 1\nintitule = Délai\n"
	"periodicite = annuelle\nsource = Outil\n"
	"type_valeur = duree_jours\nmeilleur = baisse\n"
	"\n[domaine eco]\nnom = Économie\n"
	"\n[engagement eco/1]\nintitule = Répondre\n"
	"\n[indicateur eco/1.1]\nengagement = 1\nintitule = Réponses\n"
	"periodicite = trimestrielle\nsource = Outil\n"
	"type_valeur = nombre\nmeilleur = hausse\n";

Test(measurement, indicator_by_code_ambiguous_between_domains)
{
	struct fixture f;
	char *path = NULL;
	char c[STORE_UID_LEN], nsi[STORE_UID_LEN], eco[STORE_UID_LEN];
	char uid[STORE_UID_LEN];
	struct contract_doc *doc;
	struct diag_list d;
	enum import_outcome outcome;
	struct indicator ind_nsi, ind_eco;
	struct err e;

	open_store(&f);
	path = t_write("doubleville.ini", two_domains);
	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s",
		     d.n ? d.v[0].msg : "");
	cr_assert_eq(store_contract_import(f.st, doc, &outcome, &e), 0, "%s",
		     e.msg);
	contract_doc_free(doc);
	diag_list_release(&d);
	free(path);
	cr_assert_eq(store_contract_find(f.st, "Doubleville", c, &e), 0, "%s",
		     e.msg);

	err_clear(&e);
	strcpy(uid, "x");
	cr_expect_eq(store_indicator_by_code(f.st, c, "1.1", "2026-01-01", uid,
					     &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, "nsi/1.1") != NULL, "%s", e.msg);
	cr_expect_str_eq(uid, "");

	cr_assert_eq(store_indicator_by_code(f.st, c, "nsi/1.1", "2026-01-01",
					     nsi, &e), 0, "%s", e.msg);
	cr_assert_eq(store_indicator_by_code(f.st, c, "eco/1.1", "2026-01-01",
					     eco, &e), 0, "%s", e.msg);
	cr_expect_str_neq(nsi, eco);
	cr_assert_eq(store_indicator_get(f.st, nsi, &ind_nsi, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_indicator_get(f.st, eco, &ind_eco, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(ind_nsi.value_kind, VALUE_DAYS);
	cr_expect_eq(ind_eco.value_kind, VALUE_COUNT);
	indicator_release(&ind_nsi);
	indicator_release(&ind_eco);
	store_close(f.st);
}

/* ---------------------------------------------------------------- */
/* The rows of a year                                                */

struct collected {
	size_t n;
	char lines[32][160];
	int stop_after;		/* 0: never */
};

static int collect(const struct measurement_row *r, void *ctx)
{
	struct collected *c = ctx;

	if (c->n < 32)
		snprintf(c->lines[c->n], sizeof c->lines[c->n],
			 "%s|%s|%s|%s|%s|%s|%s|%s", r->commune, r->domain_code,
			 r->code, r->criticality, r->period,
			 r->comment ? r->comment : "-",
			 r->author ? r->author : "-",
			 r->is_override ? "forcée" : "saisie");
	c->n++;
	if (c->stop_after && (int)c->n >= c->stop_after)
		return 7;
	return 0;
}

static bool has_line(const struct collected *c, const char *line)
{
	for (size_t i = 0; i < c->n && i < 32; i++)
		if (!strcmp(c->lines[i], line))
			return true;
	return false;
}

static void dump(const struct collected *c)
{
	for (size_t i = 0; i < c->n && i < 32; i++)
		cr_log_info("  row %zu: %s", i, c->lines[i]);
}

Test(measurement, rows_of_a_year_by_contract)
{
	struct fixture f;
	char b311[STORE_UID_LEN], b331[STORE_UID_LEN], b332[STORE_UID_LEN];
	char h311[STORE_UID_LEN], eco[STORE_UID_LEN];
	struct collected c;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.1.1", b311);
	ind(&f, f.bouscat, "3.3.1", b331);
	ind(&f, f.bouscat, "3.3.2", b332);
	ind(&f, f.haillan, "3.1.1", h311);
	ind(&f, f.haillan, "eco/1", eco);

	set(&f, b311, "2026", "", "50");
	set(&f, b331, "2026-01", "", "2");
	set(&f, b331, "2026-T2", "", "3");
	set(&f, b332, "2026-03", "mineure", "10");
	set(&f, b332, "2026-03", "critique", "4");
	/* other years */
	set(&f, b331, "2025-12", "", "5");
	set(&f, b311, "2027", "", "70");
	/* cleared: skipped, unless commented */
	set(&f, b331, "2026-02", "", "9");
	cr_assert_eq(store_measurement_clear(f.st, b331, "2026-02", "", NULL,
					     &e), 0, "%s", e.msg);
	set(&f, b331, "2026-04", "", "9");
	cr_assert_eq(store_measurement_clear(f.st, b331, "2026-04", "", NULL,
					     &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_comment(f.st, b331, "2026-04", "",
					       "Pas de demande", &e), 0, "%s",
		     e.msg);
	/* the other contract */
	set(&f, h311, "2026", "", "40");
	set(&f, eco, "2026", "", "3/4");

	memset(&c, 0, sizeof c);
	cr_assert_eq(store_measurement_rows(f.st, f.bouscat, 2026, collect, &c,
					    &e), 0, "%s", e.msg);
	dump(&c);
	cr_assert_eq(c.n, 6);
	/* by domain, indicator, period, criticality */
	cr_expect_str_eq(c.lines[0], "Le Bouscat|nsi|3.1.1||2026|-|" AUTHOR
			 "|saisie");
	cr_expect_str_eq(c.lines[1], "Le Bouscat|nsi|3.3.1||2026-01|-|" AUTHOR
			 "|saisie");
	cr_expect_str_eq(c.lines[2], "Le Bouscat|nsi|3.3.1||2026-04|"
			 "Pas de demande|" AUTHOR "|saisie");
	cr_expect_str_eq(c.lines[3], "Le Bouscat|nsi|3.3.1||2026-T2|-|" AUTHOR
			 "|saisie");
	cr_expect_str_eq(c.lines[4], "Le Bouscat|nsi|3.3.2|critique|2026-03|-|"
			 AUTHOR "|saisie");
	cr_expect_str_eq(c.lines[5], "Le Bouscat|nsi|3.3.2|mineure|2026-03|-|"
			 AUTHOR "|saisie");

	/* every contract */
	memset(&c, 0, sizeof c);
	cr_assert_eq(store_measurement_rows(f.st, NULL, 2026, collect, &c, &e),
		     0, "%s", e.msg);
	dump(&c);
	cr_expect_eq(c.n, 8);
	cr_expect(has_line(&c, "Le Haillan|nsi|3.1.1||2026|-|" AUTHOR
			   "|saisie"));
	cr_expect(has_line(&c, "Le Haillan|eco|1||2026|-|" AUTHOR "|saisie"));
	cr_expect(!strncmp(c.lines[0], "Le Bouscat|", 11), "by commune");

	/* Le Haillan alone, another year */
	memset(&c, 0, sizeof c);
	cr_assert_eq(store_measurement_rows(f.st, f.haillan, 2026, collect, &c,
					    &e), 0, "%s", e.msg);
	cr_expect_eq(c.n, 2);
	memset(&c, 0, sizeof c);
	cr_assert_eq(store_measurement_rows(f.st, f.bouscat, 2025, collect, &c,
					    &e), 0, "%s", e.msg);
	cr_expect_eq(c.n, 1);
	cr_expect_str_eq(c.lines[0], "Le Bouscat|nsi|3.3.1||2025-12|-|" AUTHOR
			 "|saisie");
	memset(&c, 0, sizeof c);
	cr_assert_eq(store_measurement_rows(f.st, f.bouscat, 2024, collect, &c,
					    &e), 0, "%s", e.msg);
	cr_expect_eq(c.n, 0);
	store_close(f.st);
}

Test(measurement, rows_give_the_value_and_stop_when_asked)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct collected c;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "2.1.1", uid);
	for (int m = 1; m <= 5; m++) {
		char key[PERIOD_KEY_LEN];

		snprintf(key, sizeof key, "2026-%02d", m);
		set(&f, uid, key, "", "200/180");
	}
	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	cr_expect_eq(store_measurement_rows(f.st, f.bouscat, 2026, collect, &c,
					    &e), 7, "the callback's code");
	cr_expect_eq(c.n, 2, "no row after the stop");
	/* the store still works after a stopped walk */
	set(&f, uid, "2026-06", "", "10");
	memset(&c, 0, sizeof c);
	cr_expect_eq(store_measurement_rows(f.st, f.bouscat, 2026, collect, &c,
					    &e), 0, "%s", e.msg);
	cr_expect_eq(c.n, 6);
	store_close(f.st);
}

struct one_value {
	int n;
	enum value_kind kind;
	struct value v;
	char unit[32];
};

static int take_value(const struct measurement_row *r, void *ctx)
{
	struct one_value *o = ctx;

	o->n++;
	o->kind = r->kind;
	o->v.has_num = r->value.has_num;
	o->v.num = r->value.num;
	o->v.has_den = r->value.has_den;
	o->v.den = r->value.den;
	snprintf(o->unit, sizeof o->unit, "%s", r->unit ? r->unit : "");
	return 0;
}

Test(measurement, rows_carry_kind_unit_and_numbers)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct one_value o;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "2.1.1", uid);
	set(&f, uid, "2026-03", "", "200/180");
	memset(&o, 0, sizeof o);
	cr_assert_eq(store_measurement_rows(f.st, f.bouscat, 2026, take_value,
					    &o, &e), 0, "%s", e.msg);
	cr_assert_eq(o.n, 1);
	cr_expect_eq(o.kind, VALUE_WORKLOAD);
	cr_expect_str_eq(o.unit, "j*h");
	/* "200/180" is planned/actual: den 200, num 180 */
	cr_expect(o.v.has_num && near(o.v.num, 180));
	cr_expect(o.v.has_den && near(o.v.den, 200));
	store_close(f.st);
}

/* ---------------------------------------------------------------- */
/* Refused writes                                                    */

Test(measurement, failed_write_leaves_nothing_behind)
{
	static const char ghost[] = "0123456789abcdef0123456789abcdef";
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct value v = { .has_num = true, .num = 3 };
	struct measurement_before before;
	long total;
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.3.1", uid);
	set(&f, uid, "2026-01", "", "1");
	total = n_measurements(&f);

	err_clear(&e);
	cr_expect_eq(store_measurement_set(f.st, ghost, "2026-01", "", &v,
					   false, &before, &e), -1,
		     "an unknown indicator is refused (foreign key)");
	cr_expect_neq(e.code, ERR_NONE);
	cr_expect_neq(e.msg[0], '\0');
	cr_expect_eq(n_range(&f, ghost, "0", "9999"), 0);
	cr_expect_eq(n_history(&f, ghost, "2026-01", ""), 0);
	cr_expect_eq(n_measurements(&f), total);

	cr_expect_eq(store_measurement_comment(f.st, ghost, "2026-02", "",
					       "Rien", &e), -1);
	cr_expect_eq(n_range(&f, ghost, "0", "9999"), 0);
	cr_expect_eq(store_target_set(f.st, ghost, 2026, "", &v, -1, &e), -1);
	cr_expect_eq(n_measurements(&f), total);

	/* the store is usable afterwards: no transaction left open */
	set(&f, uid, "2026-02", "", "2");
	cr_expect_eq(n_range(&f, uid, "2026", "2027"), 2);
	cr_expect_eq(n_measurements(&f), total + 1);
	store_close(f.st);
}

/* limits.h: a value's text is a grid value (one line), a comment a long
 * text; refused, nothing is written. */
Test(measurement, texts_follow_their_limits)
{
	struct fixture f;
	char text[STORE_UID_LEN];
	struct value v = { .text = (char *)"Lundi\nmardi" };
	char *big = malloc(TEXT_LONG_MAX + 2);
	struct err e;

	open_store(&f);
	ind(&f, f.bouscat, "3.2.1", text);
	cr_expect_neq(store_measurement_set(f.st, text, "2026", "", &v, false,
					    NULL, &e), 0);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, "valeur : pas de retour à la ligne"), "%s",
		  e.msg);
	cr_expect_not(exists(&f, text, "2026", ""), "nothing written");
	cr_expect_neq(store_target_set(f.st, text, 2026, "", &v, -1, &e), 0);
	cr_expect(strstr(e.msg, "cible : pas de retour à la ligne"), "%s",
		  e.msg);
	memset(big, 'c', TEXT_LONG_MAX + 1);
	big[TEXT_LONG_MAX + 1] = '\0';
	cr_expect_neq(store_measurement_comment(f.st, text, "2026", "", big,
						&e), 0);
	cr_expect(strstr(e.msg, "commentaire : texte trop long (1048577 "
			 "octets"), "%s", e.msg);
	cr_expect_not(exists(&f, text, "2026", ""), "nothing written");
	big[TEXT_LONG_MAX] = '\0';
	cr_expect_eq(store_measurement_comment(f.st, text, "2026", "", big,
					       &e), 0, "%s", e.msg);
	cr_expect_eq(store_measurement_comment(f.st, text, "2026", "",
					       "Deux\nlignes", &e), 0, "%s",
		     e.msg);
	cr_expect_eq(n_history(&f, text, "2026", ""), 2);
	free(big);
	store_close(f.st);
}
