#include "suivi/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	return month == 2 && leap(year) ? 29 : days[month - 1];
}

bool date_valid(int year, int month, int day)
{
	return year >= 1900 && year <= 2199 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= date_days_in_month(year, month);
}

/* Read exactly between min and max ASCII digits; returns chars read or 0. */
static int digits(const char *s, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && s[n] >= '0' && s[n] <= '9') {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n < min)
		return 0;
	*out = v;
	return n;
}

int date_parse(const char *s, struct date *out)
{
	struct date d;
	int n;

	while (*s == ' ')
		s++;
	if ((n = digits(s, 4, 4, &d.year)) && s[n] == '-') {
		s += n + 1;
		if (!(n = digits(s, 2, 2, &d.month)) || s[n] != '-')
			return -1;
		s += n + 1;
		if (!(n = digits(s, 2, 2, &d.day)))
			return -1;
		s += n;
	} else if ((n = digits(s, 1, 2, &d.day)) && s[n] == '/') {
		s += n + 1;
		if (!(n = digits(s, 1, 2, &d.month)) || s[n] != '/')
			return -1;
		s += n + 1;
		if (!(n = digits(s, 4, 4, &d.year)))
			return -1;
		s += n;
	} else {
		return -1;
	}
	while (*s == ' ')
		s++;
	if (*s || !date_valid(d.year, d.month, d.day))
		return -1;
	*out = d;
	return 0;
}

void date_format_iso(struct date d, char buf[DATE_ISO_LEN])
{
	snprintf(buf, DATE_ISO_LEN, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
		 (unsigned)d.month % 100u, (unsigned)d.day % 100u);
}

void date_format_fr(struct date d, char buf[DATE_ISO_LEN])
{
	snprintf(buf, DATE_ISO_LEN, "%02u/%02u/%04u", (unsigned)d.day % 100u,
		 (unsigned)d.month % 100u, (unsigned)d.year % 10000u);
}

void date_iso_fr(const char *iso, char buf[DATE_ISO_LEN])
{
	char day[DATE_ISO_LEN];
	struct date d;

	/* the date part of "AAAA-MM-JJTHH:MM" too */
	snprintf(day, sizeof day, "%s", iso ? iso : "");
	if (date_parse(day, &d) == 0)
		date_format_fr(d, buf);
	else
		snprintf(buf, DATE_ISO_LEN, "%s", day);
}

int date_cmp(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

const char *const date_weekday_name[7] = {
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"
};

int date_weekday(struct date d)
{
	/* Sakamoto: 0 = Sunday */
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int y = d.year - (d.month < 3);
	int w = (y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day) % 7;

	return (w + 6) % 7;
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days_from_civil(struct date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

long date_diff_days(struct date from, struct date to)
{
	return days_from_civil(to) - days_from_civil(from);
}

/* SUIVI_TODAY=@FILE: the date is FILE's first line, read at each call
 * (tests that move the clock while the interface runs). */
static int pinned_from_file(const char *file, struct date *out)
{
	char line[32] = "";
	FILE *fp = fopen(file, "r");
	int rc = -1;

	if (!fp)
		return -1;
	if (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "\r\n")] = '\0';
		rc = date_parse(line, out);
	}
	fclose(fp);
	return rc;
}

int date_today(struct date *out)
{
	const char *pin = getenv("SUIVI_TODAY");
	time_t t = time(NULL);
	struct tm tm;

	if (pin && pin[0] == '@' && pinned_from_file(pin + 1, out) == 0)
		return 0;
	if (pin && *pin && date_parse(pin, out) == 0)
		return 0;
	localtime_r(&t, &tm);
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	return pin && *pin ? -1 : 0;
}

/* A stamp "2026-11-23T19:03:00Z" into tm (UTC); -1 when it is not one. */
static int stamp_parse(const char *stamp, struct tm *tm)
{
	int y, mo, d, h, mi, sec, n = 0;

	if (!stamp || sscanf(stamp, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d,
			     &h, &mi, &sec, &n) != 6 || n != 20 ||
	    stamp[n] != '\0' || !date_valid(y, mo, d) || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || sec < 0 || sec > 60)
		return -1;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = sec;
	return 0;
}

void date_now_stamp(char out[DATE_UTC_LEN])
{
	const char *pin = getenv("SUIVI_NOW");
	char line[32] = "";
	struct tm tm;
	time_t t;

	if (pin && pin[0] == '@') {
		FILE *fp = fopen(pin + 1, "r");

		if (fp) {
			if (!fgets(line, sizeof line, fp))
				line[0] = '\0';
			line[strcspn(line, "\r\n")] = '\0';
			fclose(fp);
		}
		pin = line;
	}
	if (pin && stamp_parse(pin, &tm) == 0) {
		snprintf(out, DATE_UTC_LEN, "%s", pin);
		return;
	}
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(out, DATE_UTC_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int date_stamp_local(const char *stamp, char buf[DATE_STAMP_LEN])
{
	struct tm tm;
	time_t t;

	if (stamp_parse(stamp, &tm) != 0) {
		snprintf(buf, DATE_STAMP_LEN, "%s", stamp ? stamp : "");
		return -1;
	}
	t = timegm(&tm);
	localtime_r(&t, &tm);
	/* the modulos only tell the compiler the widths: years 1900-2199 */
	snprintf(buf, DATE_STAMP_LEN, "%02u/%02u/%04u %02u:%02u",
		 (unsigned)tm.tm_mday % 100, (unsigned)(tm.tm_mon + 1) % 100,
		 (unsigned)(tm.tm_year + 1900) % 10000,
		 (unsigned)tm.tm_hour % 100, (unsigned)tm.tm_min % 100);
	return 0;
}

struct date date_prev_day(struct date d)
{
	if (d.day > 1) {
		d.day--;
	} else if (d.month > 1) {
		d.month--;
		d.day = date_days_in_month(d.year, d.month);
	} else {
		d.year--;
		d.month = 12;
		d.day = 31;
	}
	return d;
}
