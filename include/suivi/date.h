/*
 * date.h - calendar dates as the users write them.
 *
 * Accepted: ISO "AAAA-MM-JJ" and French "JJ/MM/AAAA" (one- or two-digit
 * day and month), years 1900-2199. "Today" comes from one place,
 * date_today(), which honours SUIVI_TODAY (ISO) so tests are reproducible.
 */
#ifndef SUIVI_DATE_H
#define SUIVI_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct date {
	int year, month, day;
};

#define DATE_ISO_LEN 11	/* "2018-01-01" + NUL */

bool date_valid(int year, int month, int day);
int date_days_in_month(int year, int month);
/* 0 on success; -1 (out untouched) when s is not a valid date. */
int date_parse(const char *s, struct date *out);
void date_format_iso(struct date d, char buf[DATE_ISO_LEN]);
void date_format_fr(struct date d, char buf[DATE_ISO_LEN]);
/* An ISO date ("2018-01-01", or the date part of "2018-01-01T09:00") as
 * messages show it ("01/01/2018"); the text itself, cut to the buffer,
 * when it does not parse (NULL: ""). */
void date_iso_fr(const char *iso, char buf[DATE_ISO_LEN]);
int date_cmp(struct date a, struct date b);
/* Day of the week, 0 = Monday … 6 = Sunday. */
int date_weekday(struct date d);
/* Days from `from` to `to` (negative when to is earlier). */
long date_diff_days(struct date from, struct date to);
/* The day before d (d valid). */
struct date date_prev_day(struct date d);
/* "lundi" … "dimanche" */
extern const char *const date_weekday_name[7];
/* Today's date: SUIVI_TODAY when set to a valid ISO date, else local time.
 * Returns -1 when SUIVI_TODAY is set but invalid (out then holds the
 * local date). */
int date_today(struct date *out);

#define DATE_UTC_LEN 21	/* "2026-11-23T19:03:00Z" + NUL */
/* Now as the store stamps a change, in UTC: "2026-11-23T19:03:00Z". The
 * system clock, unless SUIVI_NOW holds such a stamp, or is @FILE whose
 * first line is one, read at each call: tests where the clock goes back
 * while the program runs. A SUIVI_NOW that is not a stamp is ignored. */
void date_now_stamp(char out[DATE_UTC_LEN]);

#define DATE_STAMP_LEN 17	/* "23/11/2026 20:03" + NUL */
/* A time stamp as the store writes it (UTC, "2026-11-23T19:03:00Z") in
 * the user's local time (TZ), "23/11/2026 20:03". Returns -1 when stamp
 * is not of that form, with buf a copy of it cut to the buffer. */
int date_stamp_local(const char *stamp, char buf[DATE_STAMP_LEN]);

#endif
