/*
 * workdays.h - working days in France, and the date-times delays are
 * measured between. Plain C, no I/O, independent of the locale; the
 * date-times read the time zone (TZ), the working days do not.
 *
 * A working day (jour ouvré) is Monday to Friday and not a public
 * holiday. The public holidays are computed, not listed: 1 January,
 * Easter Monday, 1 May, 8 May, Ascension (Easter + 39), Whit Monday
 * (Easter + 50), 14 July, 15 August, 1 November, 11 November and
 * 25 December; Easter Sunday by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Years 1900-2199, as date.h. Alsace-Moselle's
 * extra days are not holidays here: the contracts are Bordeaux's.
 *
 * A struct datetime is a local time as the référent reads it on a clock
 * (no zone written with it), in the time zone of the process (TZ and
 * tzdata; the users are in Europe/Paris). Delays in hours are real
 * elapsed time: from Saturday 28/03/2026 22:00 to Sunday 29/03/2026 04:00
 * is 5 h, the clocks going forward at 02:00. A local time the clocks skip
 * (29/03/2026 02:30) does not exist: datetime_check refuses it. A local
 * time the clocks show twice (25/10/2026 02:30, before and after going
 * back at 03:00) is read as its first occurrence, summer time: one
 * instant for each local time, so local order is real order. Working
 * days count dates, which the change of time does not move.
 */
#ifndef SUIVI_WORKDAYS_H
#define SUIVI_WORKDAYS_H

#include <stdbool.h>

#include "suivi/date.h"
#include "suivi/err.h"

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
/* How local time t reads in the process's time zone. */
enum datetime_local {
	DATETIME_LOCAL_ONCE,	/* an ordinary time */
	DATETIME_LOCAL_TWICE,	/* shown twice as the clocks go back */
	DATETIME_LOCAL_SKIPPED,	/* skipped as the clocks go forward */
};
enum datetime_local datetime_local_kind(struct datetime t);
/* The instant of local time t, in seconds since 1970-01-01 00:00 UTC: the
 * first occurrence of a time shown twice; a skipped time (stored before
 * it was refused) read at the offset in force before the change, 02:30
 * then being 03:30 summer time. */
long long datetime_instant(struct datetime t);
/* 0 when t exists; -1 with a French message (ERR_INPUT) for a skipped
 * time: « l'heure 02:30 n'existe pas le 29/03/2026 (passage à l'heure
 * d'été) ». Every date-time typed or imported goes through it. */
int datetime_check(struct datetime t, struct err *e);
/* Real elapsed hours from a to b (b - a, negative when b is earlier),
 * across a change of time as well: datetime_instant. */
double datetime_hours_between(struct datetime a, struct datetime b);
/* Working days from a's date to b's (workdays_between): the times of
 * day do not count, and it is 0 when b's date is not after a's. */
double datetime_workdays_between(struct datetime a, struct datetime b);

#endif
