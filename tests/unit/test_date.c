#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "suivi/date.h"

Test(date, parses_iso_and_french_forms)
{
	struct date d;
	char buf[DATE_ISO_LEN];

	cr_assert_eq(date_parse("2018-01-01", &d), 0);
	cr_assert(d.year == 2018 && d.month == 1 && d.day == 1);
	cr_assert_eq(date_parse("15/02/2016", &d), 0);
	cr_assert(d.year == 2016 && d.month == 2 && d.day == 15);
	cr_assert_eq(date_parse("1/3/2017", &d), 0);
	date_format_iso(d, buf);
	cr_assert_str_eq(buf, "2017-03-01");
	date_format_fr(d, buf);
	cr_assert_str_eq(buf, "01/03/2017");
	cr_assert_eq(date_parse("29/02/2024", &d), 0);
}

Test(date, refuses_impossible_or_malformed_dates)
{
	static const char *const bad[] = {
		"", "2018", "2018-1-01", "2018-13-01", "2018-02-30",
		"29/02/2023", "31/04/2020", "00/01/2020", "2018-01-01x",
		"01/01/18", "1899-12-31", "2200-01-01", "2018/01/01",
		"aa/bb/cccc", "2100-02-29",
	};
	struct date d = { 1, 2, 3 };

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_eq(date_parse(bad[i], &d), -1, "« %s »", bad[i]);
		cr_assert(d.year == 1 && d.month == 2 && d.day == 3);
	}
}

Test(date, today_is_pinned_by_suivi_today)
{
	struct date d;

	setenv("SUIVI_TODAY", "2019-03-31", 1);
	cr_assert_eq(date_today(&d), 0);
	cr_assert(d.year == 2019 && d.month == 3 && d.day == 31);
	setenv("SUIVI_TODAY", "n'importe quoi", 1);
	cr_assert_eq(date_today(&d), -1);
	unsetenv("SUIVI_TODAY");
	cr_assert_eq(date_today(&d), 0);
	cr_assert(date_valid(d.year, d.month, d.day));
}

Test(date, compares_and_counts_days)
{
	struct date a = { 2018, 1, 1 }, b = { 2018, 1, 2 };

	cr_assert_lt(date_cmp(a, b), 0);
	cr_assert_gt(date_cmp(b, a), 0);
	cr_assert_eq(date_cmp(a, a), 0);
	cr_assert_eq(date_days_in_month(2024, 2), 29);
	cr_assert_eq(date_days_in_month(2023, 2), 28);
	cr_assert_eq(date_days_in_month(2000, 2), 29);
	cr_assert_eq(date_days_in_month(1900, 2), 28);
}

Test(date, knows_the_day_of_the_week)
{
	cr_assert_eq(date_weekday((struct date){ 2026, 11, 23 }), 0);
	cr_assert_str_eq(date_weekday_name[date_weekday((struct date){ 2018, 1, 1 })],
			 "lundi");
	cr_assert_eq(date_weekday((struct date){ 2000, 2, 29 }), 1);
	cr_assert_eq(date_weekday((struct date){ 2017, 12, 31 }), 6);
}

Test(date, prev_day)
{
	static const struct {
		const char *d, *prev;
	} cases[] = {
		{ "2021-01-01", "2020-12-31" }, { "2020-03-01", "2020-02-29" },
		{ "2021-03-01", "2021-02-28" }, { "2100-03-01", "2100-02-28" },
		{ "2000-03-01", "2000-02-29" }, { "2018-05-01", "2018-04-30" },
		{ "2018-05-17", "2018-05-16" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date d;
		char buf[DATE_ISO_LEN];

		cr_assert_eq(date_parse(cases[i].d, &d), 0);
		date_format_iso(date_prev_day(d), buf);
		cr_expect_str_eq(buf, cases[i].prev, "before %s", cases[i].d);
	}
}

Test(date, days_between_two_dates)
{
	struct date a = { 2026, 11, 29 }, b = { 2027, 3, 31 };
	struct date c = { 2024, 2, 28 }, d = { 2024, 3, 1 };
	struct date e = { 1999, 12, 31 }, f = { 2000, 1, 1 };

	cr_expect_eq(date_diff_days(a, b), 122);
	cr_expect_eq(date_diff_days(b, a), -122);
	cr_expect_eq(date_diff_days(c, d), 2, "leap year");
	cr_expect_eq(date_diff_days(e, f), 1);
	cr_expect_eq(date_diff_days(a, a), 0);
}

/* The history shows when a value changed in the user's local time, not
 * the UTC the store keeps (it said "19:03 UTC" to people in Bordeaux). A
 * POSIX TZ rule: no tzdata needed. */
Test(date, stamp_in_local_time)
{
	static const char *const bad[] = {
		"", "2026-11-23", "2026-11-23T19:03:00", "2026-11-23 19:03:00Z",
		"2026-02-30T10:00:00Z", "2026-11-23T24:00:00Z",
		"2026-11-23T19:03:00Zx", "2026-11-23T19:60:00Z",
	};
	char buf[DATE_STAMP_LEN];

	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tzset();
	cr_assert_eq(date_stamp_local("2026-11-23T19:03:00Z", buf), 0);
	cr_assert_str_eq(buf, "23/11/2026 20:03");
	cr_assert_eq(date_stamp_local("2026-07-01T22:30:59Z", buf), 0);
	cr_assert_str_eq(buf, "02/07/2026 00:30");
	cr_assert_eq(date_stamp_local("2026-12-31T23:00:00Z", buf), 0);
	cr_assert_str_eq(buf, "01/01/2027 00:00");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_eq(date_stamp_local(bad[i], buf), -1, "« %s »", bad[i]);
		cr_assert(!strncmp(buf, bad[i], DATE_STAMP_LEN - 1));
	}
	cr_assert_eq(date_stamp_local(NULL, buf), -1);
	cr_assert_str_eq(buf, "");
}

Test(date, iso_as_messages_show_it)
{
	char buf[DATE_ISO_LEN];

	date_iso_fr("2018-01-01", buf);
	cr_expect_str_eq(buf, "01/01/2018");
	date_iso_fr("2025-03-02T09:00", buf);
	cr_expect_str_eq(buf, "02/03/2025", "the date part of a stamp");
	date_iso_fr("bientôt", buf);
	cr_expect_str_eq(buf, "bientôt", "itself when it does not parse");
	date_iso_fr(NULL, buf);
	cr_expect_str_eq(buf, "");
}

Test(date, today_read_from_a_file_at_each_call)
{
	char *f = t_write("today", "2026-06-30\n");
	char *pin = NULL;
	struct date d;

	if (asprintf(&pin, "@%s", f) < 0)
		cr_assert_fail();
	setenv("SUIVI_TODAY", pin, 1);
	cr_assert_eq(date_today(&d), 0);
	cr_assert(d.year == 2026 && d.month == 6 && d.day == 30);
	free(t_write("today", "2026-07-01\n"));
	cr_assert_eq(date_today(&d), 0);
	cr_assert(d.year == 2026 && d.month == 7 && d.day == 1);
	unsetenv("SUIVI_TODAY");
	free(pin);
	free(f);
}

/* SUIVI_NOW pins the store's stamps (tests where the clock goes back);
 * @FILE is read at each call; anything else is ignored. */
Test(date, now_stamp_honours_suivi_now)
{
	char buf[DATE_UTC_LEN];
	char *file = t_write("now", "2026-10-25T00:59:00Z\n");
	char *at = NULL;

	setenv("SUIVI_NOW", "2026-10-25T01:30:00Z", 1);
	date_now_stamp(buf);
	cr_expect_str_eq(buf, "2026-10-25T01:30:00Z");
	cr_assert(asprintf(&at, "@%s", file) > 0);
	setenv("SUIVI_NOW", at, 1);
	date_now_stamp(buf);
	cr_expect_str_eq(buf, "2026-10-25T00:59:00Z");
	free(t_write("now", "2026-10-24T23:00:00Z\n"));
	date_now_stamp(buf);
	cr_expect_str_eq(buf, "2026-10-24T23:00:00Z", "read again");
	setenv("SUIVI_NOW", "demain", 1);
	date_now_stamp(buf);
	cr_expect_eq(strlen(buf), 20, "%s", buf);
	cr_expect_eq(buf[10], 'T');
	cr_expect_neq(strcmp(buf, "demain"), 0);
	free(at);
	free(file);
}
