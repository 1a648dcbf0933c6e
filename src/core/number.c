#include "suivi/number.h"

#include <math.h>
#include <stdio.h>
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
