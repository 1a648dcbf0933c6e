#include "suivi/number.h"
#include "suivi/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of a thousands separator at s, or 0. */
static size_t thousands_sep(const unsigned char *s)
{
	if (s[0] == ' ')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
		return 3;
	return 0;
}

int number_parse(const char *str, double *out)
{
	const unsigned char *s = (const unsigned char *)str;
	double ip = 0, frac = 0, scale = 1;
	int sign = 1, digits = 0, group = 0, sig = 0, decimals = 0;
	bool grouped = false;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		s++;
	}
	if (!(*s >= '0' && *s <= '9'))
		return -1;
	for (;;) {
		size_t sep;

		if (*s >= '0' && *s <= '9') {
			ip = ip * 10 + (*s - '0');
			if (sig || *s != '0')
				sig++;
			digits++;
			group++;
			s++;
			continue;
		}
		sep = thousands_sep(s);
		if (sep && s[sep] >= '0' && s[sep] <= '9') {
			/* a separator must close a group of 1-3 digits (first)
			 * or exactly 3, and be followed by exactly 3 digits */
			if (group > 3 || (grouped && group != 3))
				return -1;
			grouped = true;
			group = 0;
			s += sep;
			continue;
		}
		break;
	}
	if (grouped && group != 3)
		return -1;
	if (*s == ',' || *s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return -1;
		for (int place = 1; *s >= '0' && *s <= '9'; place++) {
			scale /= 10;
			frac += (*s - '0') * scale;
			if (sig || *s != '0')
				sig++;
			/* trailing zeros aside, as in "1,50" */
			if (*s != '0')
				decimals = place;
			s++;
		}
	}
	while (*s == ' ' || *s == '\t')
		s++;
	/* past 15 decimals, no text of 15 decimals gives the number back:
	 * the editor (value_edit_text) could not show what was typed */
	if (*s != '\0' || digits == 0 || sig > 15 || decimals > 15)
		return -1;
	*out = sign * (ip + frac);
	/* -0 reads as 0 */
	if (*out == 0)
		*out = 0;
	return 0;
}

int number_parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (unsigned long)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
	}
	*out = v;
	return 0;
}

void number_format(double v, int decimals, char *buf, size_t n)
{
	char tmp[64];
	long long scaled;
	double p = 1;
	int neg = v < 0;
	unsigned long long ip, fp;
	int len;

	if (n == 0)
		return;
	if (!isfinite(v)) {
		snprintf(buf, n, "?");
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	for (int i = 0; i < decimals; i++)
		p *= 10;
	if (fabs(v) * p >= 9e18) {
		snprintf(buf, n, "?");
		return;
	}
	scaled = llround(fabs(v) * p);
	ip = (unsigned long long)scaled / (unsigned long long)p;
	fp = (unsigned long long)scaled % (unsigned long long)p;
	neg = neg && scaled != 0;
	len = snprintf(tmp, sizeof tmp, "%s%llu", neg ? "-" : "", ip);
	if (decimals > 0 && fp > 0) {
		char f[32];
		int k = decimals;

		snprintf(f, sizeof f, "%0*llu", decimals, fp);
		while (k > 0 && f[k - 1] == '0')
			k--;
		f[k] = '\0';
		snprintf(tmp + len, sizeof tmp - (size_t)len, ",%s", f);
	}
	snprintf(buf, n, "%s", tmp);
}

void number_format_amount(double v, char *buf, size_t n)
{
	number_format(v, number_is_cents(v) ? 2 : 6, buf, n);
}

void number_format_euros(double v, char *buf, size_t n)
{
	char num[64], out[128];
	const char *comma;
	size_t len, int_len, start, j, o = 0;

	number_format(v, 2, num, sizeof num);
	comma = strchr(num, ',');
	len = strlen(num);
	int_len = comma ? (size_t)(comma - num) : len;
	start = num[0] == '-' ? 1 : 0;
	if (start)
		out[o++] = '-';
	for (j = start; j < int_len && o + 8 < sizeof out; j++) {
		if (j > start && (int_len - j) % 3 == 0) {
			memcpy(out + o, "\xc2\xa0", 2);	/* U+00A0 */
			o += 2;
		}
		out[o++] = num[j];
	}
	if (comma && o + len - int_len + 2 < sizeof out) {
		memcpy(out + o, comma, len - int_len);
		o += len - int_len;
		if (len - int_len == 2)		/* ",5" -> ",50" */
			out[o++] = '0';
	}
	out[o] = '\0';
	snprintf(buf, n, "%s\xc2\xa0\xe2\x82\xac", out);
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

bool number_is_ambiguous(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	int lead = 0, tail = 0;

	while (is_blank(*s))
		s++;
	if (*s == '+' || *s == '-')
		s++;
	if (*s == '0')
		return false;
	while (is_digit(s[lead]))
		lead++;
	if (lead < 1 || lead > 3 || (s[lead] != '.' && s[lead] != ','))
		return false;
	s += lead + 1;
	while (is_digit(s[tail]))
		tail++;
	if (tail != 3)
		return false;
	for (s += tail; is_blank(*s); s++)
		;
	return *s == '\0';
}

bool number_is_cents(double v)
{
	return isfinite(v) && fabs(v) < 1e15 && llround(v * 100) / 100.0 == v;
}

/* What number_parse_amount quotes: the text, cut past 40 bytes (on a
 * character boundary) so that a whole CSV field does not fill the
 * message. */
static const char *amount_quote(const char *s, char *buf, size_t n)
{
	size_t len = strlen(s), cut = 40;

	if (len <= cut || n < cut + 4) {
		snprintf(buf, n, "%s", s);
		return buf;
	}
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(buf, n, "%.*s…", (int)cut, s);
	return buf;
}

/* "1.500,25", "1,500.25", "1.500.000", "1,500,000": digits with points
 * or commas between groups of three, which number_parse refuses. Writes
 * in buf the same number with the thousands marks removed and a decimal
 * comma, for the message. s has no trailing blank. */
static bool thousands_marks(const char *s, char *buf, size_t n)
{
	const char *p, *last = NULL;
	size_t marks = 0, o = 0, group = 0, first = 0;
	bool all_same = true;

	while (is_blank((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		s++;
	for (p = s; *p; p++) {
		if (is_digit((unsigned char)*p)) {
			group++;
			continue;
		}
		if (*p != '.' && *p != ',')
			return false;
		if (!last)
			first = group;
		else if (group != 3)
			return false;
		else if (*p != *last)
			all_same = false;
		group = 0;
		marks++;
		last = p;
	}
	if (marks < 2 || first < 1 || first > 3 || group == 0)
		return false;
	/* the last mark is a decimal one unless it is like the others and
	 * followed by three digits, as in "1.500.000" */
	if (all_same && group != 3)
		return false;	/* "1.500.5": not groups of thousands */
	if (all_same)
		last = NULL;
	for (p = s; *p && o + 2 < n; p++) {
		if (is_digit((unsigned char)*p))
			buf[o++] = *p;
		else if (p == last)
			buf[o++] = ',';
	}
	buf[o] = '\0';
	return true;
}

int number_parse_amount(const char *str, const char *what, double *out,
			struct err *e)
{
	char q[64], sugg[64];
	char *t = xstrdup(str);
	size_t len = strlen(t);
	double x = 0;
	const char *mark;
	int decimals = 0, ret = -1;

	amount_quote(str, q, sizeof q);
	while (len && is_blank((unsigned char)t[len - 1]))
		t[--len] = '\0';
	/* "1 500,50 €" */
	if (len >= 3 && !strcmp(t + len - 3, "\xE2\x82\xAC")) {
		t[len -= 3] = '\0';
		while (len && is_blank((unsigned char)t[len - 1]))
			t[--len] = '\0';
	}
	if (number_is_ambiguous(t)) {
		char thousands[16], dec[16];
		size_t k = 0;

		for (const char *p = t; *p && k + 1 < sizeof thousands; p++)
			if (is_digit((unsigned char)*p) || *p == '-')
				thousands[k++] = *p;
		thousands[k] = '\0';
		(void)number_parse(t, &x);
		number_format(x, 3, dec, sizeof dec);
		/* "1,005" is no amount as a decimal: the rule of cents first */
		if (llround(fabs(x) * 1000) % 10 != 0)
			err_set(e, ERR_INPUT, "%s « %s » : au plus deux décimales"
				" (les centimes) ; pour des milliers, écrivez %s",
				what, q, thousands);
		else
			err_set(e, ERR_INPUT, "%s « %s » ambigu (milliers ou "
				"décimales ?) : écrivez %s pour des milliers, %s "
				"pour des décimales", what, q, thousands, dec);
		goto out;
	}
	if (thousands_marks(t, sugg, sizeof sugg)) {
		err_set(e, ERR_INPUT, "%s « %s » : les milliers se séparent par "
			"une espace ou pas du tout, la virgule est pour les "
			"centimes : écrivez %s", what, q, sugg);
		goto out;
	}
	if (number_parse(t, &x) != 0) {
		size_t digits = 0;

		for (const char *p = t; *p; p++)
			digits += is_digit((unsigned char)*p);
		if (digits > 15 && strspn(t, "0123456789 ,.+") == len)
			err_set(e, ERR_INPUT, "%s « %s » : au plus "
				"999 999 999 999,99 €", what, q);
		else
			err_set(e, ERR_INPUT, "%s « %s » illisible : un montant "
				"en euros, par exemple 1 500,50", what, q);
		goto out;
	}
	if (x < 0) {
		err_set(e, ERR_INPUT, "%s « %s » : un montant ne peut pas être "
			"négatif", what, q);
		goto out;
	}
	mark = strpbrk(t, ".,");
	if (mark) {
		int place = 0;

		for (const char *p = mark + 1; is_digit((unsigned char)*p); p++) {
			place++;
			if (*p != '0')
				decimals = place;
		}
	}
	if (decimals > 2) {
		err_set(e, ERR_INPUT, "%s « %s » : au plus deux décimales (les "
			"centimes)", what, q);
		goto out;
	}
	if (x > NUMBER_AMOUNT_MAX) {
		err_set(e, ERR_INPUT, "%s « %s » : au plus 999 999 999 999,99 €",
			what, q);
		goto out;
	}
	*out = llround(x * 100) / 100.0;
	ret = 0;
out:
	free(t);
	return ret;
}
