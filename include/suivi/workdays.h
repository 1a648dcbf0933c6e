/*
 * workdays.h - working days in France, and the date-times delays are
 * measured between. Plain C, no I/O, independent of TZ and locale.
 *
 * A working day (jour ouvré) is Monday to Friday and not a public
 * holiday. The public holidays are computed, not listed: 1 January,
 * Easter Monday, 1 May, 8 May, Ascension (Easter + 39), Whit Monday
 * (Easter + 50), 14 July, 15 August, 1 November, 11 November and
 * 25 December; Easter Sunday by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Years 1900-2199, as date.h. Alsace-Moselle's
 * extra days are not holidays here: the contracts are Bordeaux's.
 *
 * A struct datetime is a wall-clock time with no time zone: delays are
 * what a référent reads on the two timestamps of a request, so a change
 * of summer time does not add or remove an hour.
 */
#ifndef SUIVI_WORKDAYS_H
#define SUIVI_WORKDAYS_H

#include <stdbool.h>

#include "suivi/date.h"

#define WORKDAYS_HOLIDAYS 11	/* public holidays per year */

/* Easter Sunday of year. */
struct date workdays_easter(int year);
/* The year's public holidays, in calendar order. Ascension may fall on
 * 1 or 8 May (it did in 2008): that day is then listed twice. */
void workdays_holidays(int year, struct date out[WORKDAYS_HOLIDAYS]);
bool workdays_is_holiday(struct date d);
/* Monday to Friday and not a public holiday. */
bool workdays_is_working_day(struct date d);
/* The working days after from, up to and including to: a request
 * received on Friday and answered on Monday took 1 working day, the same
 * day 0, and from Saturday to Monday 1. 0 when to is not after from
 * (never negative). Computed, not counted day by day. */
long workdays_between(struct date from, struct date to);

/* ---------------------------------------------------------------- */
/* Date-times */

struct datetime {
	struct date d;
	int hour, minute;	/* 0-23, 0-59 */
};

#define DATETIME_ISO_LEN 17	/* "2018-03-15T09:30" + NUL */

/* "AAAA-MM-JJ", "AAAA-MM-JJTHH:MM", "AAAA-MM-JJ HH:MM", "JJ/MM/AAAA HH:MM"
 * or "JJ/MM/AAAA" (00:00 when no time). The hour may have one digit and
 * be followed by 'h' instead of ':' ("9h05"); blanks around are ignored.
 * 0, or -1 with *out untouched. */
int datetime_parse(const char *s, struct datetime *out);
/* The stored form "AAAA-MM-JJTHH:MM", which sorts as the time does. */
void datetime_format_iso(struct datetime t, char buf[DATETIME_ISO_LEN]);
int datetime_cmp(struct datetime a, struct datetime b);
/* Wall-clock hours from a to b (b - a, negative when b is earlier). */
double datetime_hours_between(struct datetime a, struct datetime b);
/* Working days from a's date to b's (workdays_between): the times of
 * day do not count, and it is 0 when b's date is not after a's. */
double datetime_workdays_between(struct datetime a, struct datetime b);

#endif
