#include "suivi/workdays.h"

#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Dates as a count of days (Howard Hinnant's days_from_civil and its
 * inverse): mktime and timegm would bring the time zone in. Day 0 is
 * 1970-01-01. */
static long day_number(struct date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = d.month > 2 ? d.month - 3 : d.month + 9;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static struct date from_day_number(long z)
{
	long era, doe, yoe, doy, mp;
	struct date d;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

static long floor_div(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* 0 = Monday … 6 = Sunday: day 0 (1970-01-01) was a Thursday. */
static int weekday_of(long n)
{
	return (int)(n + 3 - floor_div(n + 3, 7) * 7);
}

/* Monday to Friday among the days numbered up to and including n,
 * counted from the Monday 1969-12-29 (day -3); negative before it. */
static long weekdays_upto(long n)
{
	long m = n + 3 + 1;	/* days from that Monday to n inclusive */
	long weeks = floor_div(m, 7);
	long rest = m - weeks * 7;

	return weeks * 5 + (rest < 5 ? rest : 5);
}

struct date workdays_easter(int year)
{
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;
	struct date easter = { year, n / 31, n % 31 + 1 };

	return easter;
}

void workdays_holidays(int year, struct date out[WORKDAYS_HOLIDAYS])
{
	static const struct { int month, day; } fixed[] = {
		{ 1, 1 }, { 5, 1 }, { 5, 8 }, { 7, 14 }, { 8, 15 },
		{ 11, 1 }, { 11, 11 }, { 12, 25 },
	};
	/* Days after Easter Sunday: Monday, Ascension, Whit Monday. */
	static const int moving[] = { 1, 39, 50 };
	long easter = day_number(workdays_easter(year));
	int n = 0;

	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		out[n].year = year;
		out[n].month = fixed[i].month;
		out[n++].day = fixed[i].day;
	}
	for (size_t i = 0; i < sizeof moving / sizeof moving[0]; i++)
		out[n++] = from_day_number(easter + moving[i]);
	/* Ascension falls between 30 April and 3 June: sort rather than
	 * place it. */
	for (int i = 1; i < n; i++) {
		struct date x = out[i];
		int j = i;

		for (; j > 0 && date_cmp(out[j - 1], x) > 0; j--)
			out[j] = out[j - 1];
		out[j] = x;
	}
}

bool workdays_is_holiday(struct date d)
{
	struct date h[WORKDAYS_HOLIDAYS];

	workdays_holidays(d.year, h);
	for (int i = 0; i < WORKDAYS_HOLIDAYS; i++)
		if (date_cmp(h[i], d) == 0)
			return true;
	return false;
}

bool workdays_is_working_day(struct date d)
{
	return date_weekday(d) < 5 && !workdays_is_holiday(d);
}

long workdays_between(struct date from, struct date to)
{
	long a = day_number(from), b = day_number(to);
	long n;

	if (b <= a)
		return 0;
	n = weekdays_upto(b) - weekdays_upto(a);
	for (int y = from.year; y <= to.year; y++) {
		struct date h[WORKDAYS_HOLIDAYS];

		workdays_holidays(y, h);
		for (int i = 0; i < WORKDAYS_HOLIDAYS; i++) {
			long x = day_number(h[i]);

			/* a day that is two holidays is off once */
			if (i > 0 && date_cmp(h[i - 1], h[i]) == 0)
				continue;
			if (x > a && x <= b && weekday_of(x) < 5)
				n--;
		}
	}
	return n;
}

/* ---------------------------------------------------------------- */
/* Date-times */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "H:MM", "HH:MM", "HhMM", "HHhMM" and nothing else. */
static int parse_time(const char *s, int *hour, int *minute)
{
	int h, n = 0;

	if (!is_digit(s[0]))
		return -1;
	h = s[n++] - '0';
	if (is_digit(s[n]))
		h = h * 10 + (s[n++] - '0');
	if (s[n] != ':' && s[n] != 'h')
		return -1;
	n++;
	if (!is_digit(s[n]) || !is_digit(s[n + 1]) || s[n + 2] != '\0')
		return -1;
	if (h > 23 || (s[n] - '0') * 10 + (s[n + 1] - '0') > 59)
		return -1;
	*hour = h;
	*minute = (s[n] - '0') * 10 + (s[n + 1] - '0');
	return 0;
}

int datetime_parse(const char *s, struct datetime *out)
{
	char buf[40];
	size_t len;
	char *start, *end, *sep;
	struct datetime t = { { 0, 0, 0 }, 0, 0 };

	len = strlen(s);
	if (len >= sizeof buf)
		return -1;
	memcpy(buf, s, len + 1);
	start = buf;
	while (*start == ' ' || *start == '\t')
		start++;
	end = start + strlen(start);
	while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	/* The date runs to the first 'T' or blank. */
	for (sep = start; *sep && *sep != 'T' && *sep != ' ' && *sep != '\t';
	     sep++)
		;
	if (*sep) {
		*sep++ = '\0';
		while (*sep == ' ' || *sep == '\t')
			sep++;
		if (parse_time(sep, &t.hour, &t.minute) != 0)
			return -1;
	}
	if (!*start || date_parse(start, &t.d) != 0)
		return -1;
	*out = t;
	return 0;
}

void datetime_format_iso(struct datetime t, char buf[DATETIME_ISO_LEN])
{
	snprintf(buf, DATETIME_ISO_LEN, "%04u-%02u-%02uT%02u:%02u",
		 (unsigned)t.d.year % 10000u, (unsigned)t.d.month % 100u,
		 (unsigned)t.d.day % 100u, (unsigned)t.hour % 100u,
		 (unsigned)t.minute % 100u);
}

int datetime_cmp(struct datetime a, struct datetime b)
{
	int c = date_cmp(a.d, b.d);

	if (c)
		return c;
	if (a.hour != b.hour)
		return a.hour < b.hour ? -1 : 1;
	if (a.minute != b.minute)
		return a.minute < b.minute ? -1 : 1;
	return 0;
}

/* Seconds of t's local reading as if it were UTC: the instant plus the
 * offset in force. */
static long long wall_seconds(struct datetime t)
{
	return (long long)day_number(t.d) * 86400 + t.hour * 3600 +
	       t.minute * 60;
}

/* The offset from UTC (seconds east) in force at instant u. localtime_r
 * and not tm_gmtoff, which C11 does not have: the offset is what the
 * local reading of u is ahead of u. */
static long long offset_at_dst(long long u, bool *is_dst)
{
	time_t tt = (time_t)u;
	struct tm tm;
	struct datetime t;

	*is_dst = false;
	if (!localtime_r(&tt, &tm))
		return 0;
	*is_dst = tm.tm_isdst > 0;
	t.d.year = tm.tm_year + 1900;
	t.d.month = tm.tm_mon + 1;
	t.d.day = tm.tm_mday;
	t.hour = tm.tm_hour;
	t.minute = tm.tm_min;
	return wall_seconds(t) + tm.tm_sec - u;
}

/* Delays are computed by the thousand (the request log): the offset of
 * a UTC day is remembered when it is the same at its start and its end
 * (no change of time that day), per time zone setting. */
#define OFFSET_DAYS 256

static struct offset_day {
	long long day, offset;
	bool known;
} offset_days[OFFSET_DAYS];
static char offset_tz[128];

static long long offset_at(long long u)
{
	const char *tz = getenv("TZ");
	long long day = u >= 0 ? u / 86400 : -((-u + 86399) / 86400);
	struct offset_day *d = &offset_days[(unsigned long long)day % OFFSET_DAYS];
	long long first, last;
	bool is_dst;

	if (strncmp(offset_tz, tz ? tz : "", sizeof offset_tz - 1) != 0 ||
	    (tz && strlen(tz) >= sizeof offset_tz)) {
		memset(offset_days, 0, sizeof offset_days);
		snprintf(offset_tz, sizeof offset_tz, "%s", tz ? tz : "");
	}
	if (d->known && d->day == day)
		return d->offset;
	first = offset_at_dst(day * 86400, &is_dst);
	last = offset_at_dst(day * 86400 + 86399, &is_dst);
	if (first != last)
		return offset_at_dst(u, &is_dst);
	d->day = day;
	d->offset = first;
	d->known = true;
	return first;
}

/* The offsets a day before and a day after local time t (as read in UTC)
 * are the candidates: a change of time moves the clocks by less than a
 * day, and no zone changes twice within two days. The instants where a
 * candidate gives back t: two when the clocks go back over t, none when
 * they skip it. Returns how many, the earlier first. */
static int instants_of(struct datetime t, long long out[2],
		       long long *before)
{
	long long w = wall_seconds(t);
	long long cand[2] = { offset_at(w - 86400), offset_at(w + 86400) };
	int n = 0;

	*before = cand[0];
	for (int i = 0; i < 2; i++) {
		long long u = w - cand[i];

		if (i == 1 && cand[1] == cand[0])
			break;
		if (offset_at(u) == cand[i])
			out[n++] = u;
	}
	if (n == 2 && out[1] < out[0]) {
		long long x = out[0];

		out[0] = out[1];
		out[1] = x;
	}
	return n;
}

enum datetime_local datetime_local_kind(struct datetime t)
{
	long long u[2], before;
	int n = instants_of(t, u, &before);

	return n == 0 ? DATETIME_LOCAL_SKIPPED
	       : n == 2 && u[0] != u[1] ? DATETIME_LOCAL_TWICE
					 : DATETIME_LOCAL_ONCE;
}

long long datetime_instant(struct datetime t)
{
	long long u[2], before;

	if (instants_of(t, u, &before) == 0)
		return wall_seconds(t) - before;
	return u[0];
}

int datetime_check(struct datetime t, struct err *e)
{
	long long u[2], before;
	char day[DATE_ISO_LEN];
	bool summer;

	if (instants_of(t, u, &before) > 0)
		return 0;
	date_format_fr(t.d, day);
	/* the clocks skip forward into summer time in Europe; any other
	 * jump (a zone's change of offset) is said plainly */
	offset_at_dst(wall_seconds(t) - before, &summer);
	err_set(e, ERR_INPUT, "l'heure %02u:%02u n'existe pas le %s (%s)",
		(unsigned)t.hour % 100u, (unsigned)t.minute % 100u, day,
		summer ? "passage à l'heure d'été" : "changement d'heure");
	return -1;
}

double datetime_hours_between(struct datetime a, struct datetime b)
{
	return (double)(datetime_instant(b) - datetime_instant(a)) / 3600.0;
}

double datetime_workdays_between(struct datetime a, struct datetime b)
{
	return (double)workdays_between(a.d, b.d);
}
