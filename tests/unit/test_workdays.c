/*
 * Working days and date-times (src/core/workdays.c): Easter and the
 * French public holidays, working days between two dates as the
 * contracts count delays, date-times as référents type them.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "suivi/workdays.h"

static struct date D(int y, int m, int d)
{
	struct date x = { y, m, d };

	return x;
}

static struct datetime T(int y, int m, int d, int h, int mi)
{
	struct datetime x = { { y, m, d }, h, mi };

	return x;
}

Test(workdays, easter_of_known_years)
{
	static const struct date known[] = {
		{ 1900, 4, 15 }, { 1913, 3, 23 }, { 1943, 4, 25 },
		{ 2000, 4, 23 }, { 2008, 3, 23 }, { 2011, 4, 24 },
		{ 2016, 3, 27 }, { 2018, 4, 1 }, { 2019, 4, 21 },
		{ 2024, 3, 31 }, { 2025, 4, 20 }, { 2038, 4, 25 },
		{ 2100, 3, 28 }, { 2160, 3, 23 }, { 2199, 4, 14 },
	};

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		struct date e = workdays_easter(known[i].year);

		cr_expect_eq(date_cmp(e, known[i]), 0,
			     "%d: %04d-%02d-%02d", known[i].year, e.year,
			     e.month, e.day);
	}
}

Test(workdays, holidays_of_2018)
{
	static const struct date want[WORKDAYS_HOLIDAYS] = {
		{ 2018, 1, 1 }, { 2018, 4, 2 }, { 2018, 5, 1 },
		{ 2018, 5, 8 }, { 2018, 5, 10 }, { 2018, 5, 21 },
		{ 2018, 7, 14 }, { 2018, 8, 15 }, { 2018, 11, 1 },
		{ 2018, 11, 11 }, { 2018, 12, 25 },
	};
	struct date got[WORKDAYS_HOLIDAYS];
	int n = 0;

	workdays_holidays(2018, got);
	for (int i = 0; i < WORKDAYS_HOLIDAYS; i++) {
		cr_expect_eq(date_cmp(got[i], want[i]), 0,
			     "#%d: %04d-%02d-%02d", i, got[i].year,
			     got[i].month, got[i].day);
		cr_expect(workdays_is_holiday(want[i]));
	}
	/* and no other day of the year */
	for (struct date d = D(2018, 1, 1); d.year == 2018;) {
		n += workdays_is_holiday(d);
		if (++d.day > date_days_in_month(d.year, d.month)) {
			d.day = 1;
			if (++d.month > 12) {
				d.month = 1;
				d.year++;
			}
		}
	}
	cr_expect_eq(n, WORKDAYS_HOLIDAYS);
	cr_expect(!workdays_is_holiday(D(2018, 4, 1)));	/* Easter Sunday */
	cr_expect(!workdays_is_holiday(D(2018, 12, 26)));
}

Test(workdays, working_days_are_weekdays_off_holidays)
{
	cr_expect(workdays_is_working_day(D(2018, 3, 9)));	/* Friday */
	cr_expect(!workdays_is_working_day(D(2018, 3, 10)));	/* Saturday */
	cr_expect(!workdays_is_working_day(D(2018, 3, 11)));	/* Sunday */
	cr_expect(!workdays_is_working_day(D(2018, 4, 2)));	/* Easter */
	cr_expect(!workdays_is_working_day(D(2017, 7, 14)));	/* Friday */
	cr_expect(workdays_is_working_day(D(2018, 12, 24)));
	cr_expect(!workdays_is_working_day(D(2018, 12, 25)));
}

Test(workdays, counts_working_days_after_from_up_to_to)
{
	static const struct {
		struct date from, to;
		long want;
	} cases[] = {
		/* same day, backwards: none */
		{ { 2018, 3, 12 }, { 2018, 3, 12 }, 0 },
		{ { 2018, 3, 12 }, { 2018, 3, 9 }, 0 },
		/* Friday to Monday: the weekend does not count */
		{ { 2018, 3, 9 }, { 2018, 3, 12 }, 1 },
		{ { 2018, 3, 10 }, { 2018, 3, 12 }, 1 },
		{ { 2018, 3, 10 }, { 2018, 3, 11 }, 0 },
		{ { 2018, 3, 5 }, { 2018, 3, 19 }, 10 },
		/* 14 July 2017 was a Friday */
		{ { 2017, 7, 13 }, { 2017, 7, 17 }, 1 },
		{ { 2017, 7, 13 }, { 2017, 7, 14 }, 0 },
		/* Christmas and New Year 2018 */
		{ { 2018, 12, 24 }, { 2018, 12, 26 }, 1 },
		{ { 2018, 12, 21 }, { 2019, 1, 2 }, 6 },
		/* Easter Monday 2018 */
		{ { 2018, 3, 29 }, { 2018, 4, 3 }, 2 },
		/* 2008: Ascension on 1 May, one day off, not two */
		{ { 2008, 4, 30 }, { 2008, 5, 2 }, 1 },
		/* the whole of 2018: 261 weekdays, 9 holidays on them */
		{ { 2017, 12, 31 }, { 2018, 12, 31 }, 252 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(workdays_between(cases[i].from, cases[i].to),
			     cases[i].want, "#%zu: %ld", i,
			     workdays_between(cases[i].from, cases[i].to));
}

static struct date add_days(struct date d, int n)
{
	while (n-- > 0) {
		if (++d.day > date_days_in_month(d.year, d.month)) {
			d.day = 1;
			if (++d.month > 12) {
				d.month = 1;
				d.year++;
			}
		}
	}
	return d;
}

/* The computed count agrees with counting day by day, from and to on
 * every weekday, over the whole range of years. */
Test(workdays, computed_count_matches_day_by_day)
{
	unsigned seed = 12345;

	for (int k = 0; k < 400; k++) {
		struct date from, to, d;
		long slow = 0;
		int span;

		seed = seed * 1103515245u + 12345u;
		from = add_days(D(1900, 1, 1), (int)(seed >> 8) % 109000);
		seed = seed * 1103515245u + 12345u;
		span = (int)(seed >> 8) % 800;
		to = add_days(from, span);
		if (to.year > 2199)
			continue;
		for (d = add_days(from, 1); date_cmp(d, to) <= 0;
		     d = add_days(d, 1))
			slow += workdays_is_working_day(d);
		cr_assert_eq(workdays_between(from, to), slow,
			     "%04d-%02d-%02d + %d: %ld != %ld", from.year,
			     from.month, from.day, span,
			     workdays_between(from, to), slow);
	}
}

Test(workdays, parses_date_times)
{
	static const struct {
		const char *in;
		struct datetime want;
		const char *iso;
	} good[] = {
		{ "2018-03-15", { { 2018, 3, 15 }, 0, 0 }, "2018-03-15T00:00" },
		{ "2018-03-15T09:30", { { 2018, 3, 15 }, 9, 30 },
		  "2018-03-15T09:30" },
		{ "2018-03-15 23:59", { { 2018, 3, 15 }, 23, 59 },
		  "2018-03-15T23:59" },
		{ "15/03/2018 08:05", { { 2018, 3, 15 }, 8, 5 },
		  "2018-03-15T08:05" },
		{ "15/03/2018", { { 2018, 3, 15 }, 0, 0 }, "2018-03-15T00:00" },
		{ "5/3/2018 9:05", { { 2018, 3, 5 }, 9, 5 },
		  "2018-03-05T09:05" },
		{ "15/03/2018 14h30", { { 2018, 3, 15 }, 14, 30 },
		  "2018-03-15T14:30" },
		{ "  2016-02-29T00:00  ", { { 2016, 2, 29 }, 0, 0 },
		  "2016-02-29T00:00" },
	};
	static const char *const bad[] = {
		"", "   ", "T10:00", "2018-03-15T", "2018-03-15T ",
		"2018-03-15T24:00", "2018-03-15T12:60", "2018-03-15T12:5",
		"2018-03-15T12:30:00", "2018-03-15T12:30Z", "2018-03-15 12:30x",
		"2018-02-30T10:00", "31/04/2018 10:00", "15/03/18 10:00",
		"2018-03-15T123:00", "2018-03-15T-1:00", "15/03/2018 10",
		"2018-03-15T10:00 extra", "1899-12-31T10:00",
	};
	struct datetime t;
	char buf[DATETIME_ISO_LEN];

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		cr_assert_eq(datetime_parse(good[i].in, &t), 0, "« %s »",
			     good[i].in);
		cr_expect_eq(datetime_cmp(t, good[i].want), 0, "« %s »",
			     good[i].in);
		datetime_format_iso(t, buf);
		cr_expect_str_eq(buf, good[i].iso);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct datetime keep = T(2001, 2, 3, 4, 5);

		t = keep;
		cr_expect_eq(datetime_parse(bad[i], &t), -1, "« %s »", bad[i]);
		cr_expect_eq(datetime_cmp(t, keep), 0, "« %s » touched",
			     bad[i]);
	}
}

Test(workdays, orders_date_times)
{
	cr_expect_lt(datetime_cmp(T(2018, 3, 15, 9, 30), T(2018, 3, 15, 9, 31)),
		     0);
	cr_expect_lt(datetime_cmp(T(2018, 3, 15, 23, 59), T(2018, 3, 16, 0, 0)),
		     0);
	cr_expect_gt(datetime_cmp(T(2018, 3, 15, 10, 0), T(2018, 3, 15, 9, 59)),
		     0);
	cr_expect_eq(datetime_cmp(T(2018, 3, 15, 10, 0), T(2018, 3, 15, 10, 0)),
		     0);
}

Test(workdays, hours_between_across_midnight_and_month_ends)
{
	static const struct {
		struct datetime a, b;
		double want;
	} cases[] = {
		{ { { 2018, 3, 15 }, 9, 0 }, { { 2018, 3, 15 }, 13, 30 }, 4.5 },
		{ { { 2018, 3, 15 }, 22, 0 }, { { 2018, 3, 16 }, 2, 0 }, 4 },
		{ { { 2018, 3, 31 }, 22, 0 }, { { 2018, 4, 1 }, 2, 0 }, 4 },
		{ { { 2018, 2, 28 }, 23, 30 }, { { 2018, 3, 1 }, 0, 15 },
		  0.75 },
		{ { { 2016, 2, 28 }, 12, 0 }, { { 2016, 3, 1 }, 12, 0 }, 48 },
		{ { { 2018, 12, 31 }, 23, 0 }, { { 2019, 1, 1 }, 1, 0 }, 2 },
		/* wall clock: summer time (25 March 2018) changes nothing */
		{ { { 2018, 3, 25 }, 1, 0 }, { { 2018, 3, 25 }, 3, 0 }, 2 },
		/* b before a */
		{ { { 2019, 1, 1 }, 1, 0 }, { { 2018, 12, 31 }, 23, 0 }, -2 },
		{ { { 2018, 3, 15 }, 9, 0 }, { { 2018, 3, 15 }, 9, 0 }, 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double h = datetime_hours_between(cases[i].a, cases[i].b);

		cr_expect(fabs(h - cases[i].want) < 1e-9, "#%zu: %g", i, h);
	}
}

Test(workdays, working_days_between_date_times_ignore_the_hours)
{
	/* Friday evening to Monday morning: one working day */
	cr_expect_eq(datetime_workdays_between(T(2018, 3, 9, 18, 0),
					       T(2018, 3, 12, 8, 0)), 1);
	cr_expect_eq(datetime_workdays_between(T(2018, 3, 12, 8, 0),
					       T(2018, 3, 12, 18, 0)), 0);
	cr_expect_eq(datetime_workdays_between(T(2018, 3, 12, 8, 0),
					       T(2018, 3, 9, 18, 0)), 0);
	cr_expect_eq(datetime_workdays_between(T(2018, 12, 21, 17, 0),
					       T(2019, 1, 2, 9, 0)), 6);
}

/* ---------------------------------------------------------------- */
/* Issue 17, 8: changes of summer time. Delays are real elapsed time in
 * the user's zone; the zone is set here, never the machine's: Europe/Paris
 * from tzdata, and the same rule spelt in POSIX (no tzdata needed). */

static const char *const paris_zones[] = {
	"Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3",
};

static void zone(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

Test(workdays, hours_between_are_real_across_the_changes_of_time)
{
	static const struct {
		struct datetime a, b;
		double want;
	} cases[] = {
		/* spring: 02:00 becomes 03:00, an hour less */
		{ { { 2026, 3, 28 }, 22, 0 }, { { 2026, 3, 29 }, 4, 0 }, 5 },
		{ { { 2026, 3, 29 }, 1, 59 }, { { 2026, 3, 29 }, 3, 0 },
		  1.0 / 60 },
		{ { { 2026, 3, 27 }, 12, 0 }, { { 2026, 3, 30 }, 12, 0 }, 71 },
		/* autumn: 03:00 becomes 02:00, an hour more */
		{ { { 2026, 10, 24 }, 22, 0 }, { { 2026, 10, 25 }, 4, 0 }, 7 },
		{ { { 2026, 10, 25 }, 1, 0 }, { { 2026, 10, 25 }, 3, 0 }, 3 },
		/* 02:30 shown twice: its first occurrence (summer time) */
		{ { { 2026, 10, 25 }, 2, 30 }, { { 2026, 10, 25 }, 3, 0 },
		  1.5 },
		{ { { 2026, 10, 25 }, 1, 30 }, { { 2026, 10, 25 }, 2, 30 }, 1 },
		/* backwards: negative, the same size */
		{ { { 2026, 3, 29 }, 4, 0 }, { { 2026, 3, 28 }, 22, 0 }, -5 },
		/* no change between: as the clocks read */
		{ { { 2026, 7, 1 }, 9, 0 }, { { 2026, 7, 2 }, 9, 30 }, 24.5 },
		{ { { 2026, 1, 5 }, 22, 0 }, { { 2026, 1, 6 }, 4, 0 }, 6 },
	};

	for (size_t z = 0; z < 2; z++) {
		zone(paris_zones[z]);
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			double h = datetime_hours_between(cases[i].a,
							  cases[i].b);

			cr_expect(fabs(h - cases[i].want) < 1e-9,
				  "%s #%zu: %g, not %g", paris_zones[z], i, h,
				  cases[i].want);
		}
	}
}

Test(workdays, a_zone_without_summer_time_counts_as_the_clocks_read)
{
	zone("UTC");
	cr_expect(fabs(datetime_hours_between(T(2026, 3, 28, 22, 0),
					      T(2026, 3, 29, 4, 0)) - 6) < 1e-9);
	cr_expect_eq(datetime_local_kind(T(2026, 3, 29, 2, 30)),
		     DATETIME_LOCAL_ONCE);
	cr_expect_eq(datetime_instant(T(2026, 3, 29, 2, 30)), 1774751400LL);
}

Test(workdays, skipped_and_twice_shown_local_times)
{
	static const struct {
		struct datetime t;
		enum datetime_local want;
	} cases[] = {
		{ { { 2026, 3, 29 }, 1, 59 }, DATETIME_LOCAL_ONCE },
		{ { { 2026, 3, 29 }, 2, 0 }, DATETIME_LOCAL_SKIPPED },
		{ { { 2026, 3, 29 }, 2, 30 }, DATETIME_LOCAL_SKIPPED },
		{ { { 2026, 3, 29 }, 2, 59 }, DATETIME_LOCAL_SKIPPED },
		{ { { 2026, 3, 29 }, 3, 0 }, DATETIME_LOCAL_ONCE },
		{ { { 2026, 3, 28 }, 2, 30 }, DATETIME_LOCAL_ONCE },
		{ { { 2026, 10, 25 }, 1, 59 }, DATETIME_LOCAL_ONCE },
		{ { { 2026, 10, 25 }, 2, 0 }, DATETIME_LOCAL_TWICE },
		{ { { 2026, 10, 25 }, 2, 30 }, DATETIME_LOCAL_TWICE },
		{ { { 2026, 10, 25 }, 2, 59 }, DATETIME_LOCAL_TWICE },
		{ { { 2026, 10, 25 }, 3, 0 }, DATETIME_LOCAL_ONCE },
		{ { { 2025, 3, 30 }, 2, 15 }, DATETIME_LOCAL_SKIPPED },
		{ { { 2025, 10, 26 }, 2, 15 }, DATETIME_LOCAL_TWICE },
	};

	for (size_t z = 0; z < 2; z++) {
		zone(paris_zones[z]);
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
			cr_expect_eq(datetime_local_kind(cases[i].t),
				     cases[i].want, "%s #%zu", paris_zones[z],
				     i);
		/* 02:30 twice: the first, 00:30 UTC (summer time) */
		cr_expect_eq(datetime_instant(T(2026, 10, 25, 2, 30)),
			     1792888200LL, "%s", paris_zones[z]);
		/* skipped 02:30 read at winter time: 01:30 UTC, 03:30 CEST */
		cr_expect_eq(datetime_instant(T(2026, 3, 29, 2, 30)),
			     1774747800LL, "%s", paris_zones[z]);
	}
}

Test(workdays, a_skipped_time_is_refused_with_a_french_message)
{
	struct err e;

	zone("Europe/Paris");
	cr_assert_eq(datetime_check(T(2026, 3, 29, 2, 30), &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "l'heure 02:30 n'existe pas le 29/03/2026 "
			 "(passage à l'heure d'été)");
	cr_expect_eq(datetime_check(T(2026, 3, 29, 3, 0), &e), 0);
	cr_expect_eq(datetime_check(T(2026, 10, 25, 2, 30), &e), 0,
		     "shown twice, not refused");
	zone("UTC");
	cr_expect_eq(datetime_check(T(2026, 3, 29, 2, 30), &e), 0);
}

Test(workdays, working_days_are_dates_across_the_changes_of_time)
{
	zone("Europe/Paris");
	/* Friday evening to Monday morning around both changes */
	cr_expect_eq(datetime_workdays_between(T(2026, 3, 27, 18, 0),
					       T(2026, 3, 30, 8, 0)), 1);
	cr_expect_eq(datetime_workdays_between(T(2026, 10, 23, 18, 0),
					       T(2026, 10, 26, 8, 0)), 1);
	cr_expect_eq(datetime_workdays_between(T(2026, 10, 24, 23, 30),
					       T(2026, 10, 25, 2, 30)), 0);
}
