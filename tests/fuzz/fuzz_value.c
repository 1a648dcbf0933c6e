/*
 * fuzz_value.c - what référents type: value_parse for every value kind
 * (with units and level scales the contracts use), the numbers, dates,
 * date-times and periods under it, and the text helpers every screen
 * draws with (text_fold, text_ascii, text_slug, text_wrap, text_fit…).
 *
 * The first two bytes choose the indicator's unit and scale and the
 * widths; the rest, up to its first NUL, is what was typed.
 *
 * Properties checked, each one documented in the headers: a parsed value
 * edited (value_edit_text) parses back to the same value; a copy is
 * equal; dates, date-times and periods written in their stored form parse
 * back the same; text_ascii is ASCII, text_slug only a-z 0-9 and inner
 * dashes; text_fit and text_wrap never exceed their width and let no
 * control character or invalid byte through.
 */
#include "fuzz.h"

#include <locale.h>
#include <stdbool.h>

#include "suivi/date.h"
#include "suivi/number.h"
#include "suivi/text.h"
#include "suivi/value.h"
#include "suivi/workdays.h"

static const char *const units[] = {
	NULL, "", "h", "j", "j*h", "%", "projets", "demandes", "jours ouvrés",
	"heures", "sur", "/",
};
#define N_UNITS (sizeof units / sizeof units[0])

/* What reaches a terminal: well-formed UTF-8, no control character. */
static bool shown_safely(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!text_utf8_valid(s, strlen(s), NULL))
		return false;
	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return false;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return false;
	}
	return true;
}

static void check_value(const struct value_spec *spec, const char *in)
{
	static const double history[] = { 1, 2, 3, 4, 5, 1e300, -1 };
	struct value v, back, copy;
	struct err e;
	/* as large as the grid's editor (screen_dashboard.c) */
	char buf[VALUE_TEXT_MAX + 1], tiny[6];
	double x;

	err_clear(&e);
	if (value_parse(spec, in, &v, &e) != 0) {
		FUZZ_CHECK(e.code == ERR_INPUT && e.msg[0], "no message");
		FUZZ_CHECK(text_utf8_valid(e.msg, strlen(e.msg), NULL),
			   "message not UTF-8: %s", e.msg);
		return;
	}
	value_format(spec, &v, true, buf, sizeof buf);
	value_format(spec, &v, false, buf, sizeof buf);
	value_format(spec, &v, true, tiny, sizeof tiny);
	(void)value_scalar(spec, &v, &x);
	value_copy(&copy, &v);
	FUZZ_CHECK(value_equal(&copy, &v), "copy differs");
	for (int b = 0; b < BETTER_COUNT; b++) {
		(void)value_status(spec, (enum better)b, &v, &copy, true);
		(void)value_status(spec, (enum better)b, &v, NULL, false);
	}
	(void)value_outlier(spec, &v, history,
			    sizeof history / sizeof history[0]);
	value_edit_text(spec, &v, buf, sizeof buf);
	err_clear(&e);
	FUZZ_CHECK(value_parse(spec, buf, &back, &e) == 0,
		   "kind %d unit %s: « %s » edited as « %s », refused: %s",
		   (int)spec->kind, spec->unit ? spec->unit : "(null)", in, buf,
		   e.msg);
	FUZZ_CHECK(value_equal(&back, &v),
		   "kind %d unit %s: « %s » (%.17g/%.17g) edited as « %s » "
		   "(%.17g/%.17g)", (int)spec->kind,
		   spec->unit ? spec->unit : "(null)", in, v.num, v.den, buf,
		   back.num, back.den);
	value_release(&back);
	value_release(&copy);
	value_release(&v);
}

static void check_numbers(const char *s, unsigned char sel)
{
	double x;
	unsigned long u;
	char buf[64], tiny[4];

	if (number_parse(s, &x) == 0) {
		FUZZ_CHECK(x == x, "NaN from « %s »", s);
		number_format(x, sel % 8, buf, sizeof buf);
		number_format(x, 2, tiny, sizeof tiny);
	}
	(void)number_parse_uint(s, sel % 2 ? 9999 : (unsigned long)-1, &u);
}

static void check_dates(const char *s)
{
	struct date d, back;
	struct datetime t, tback;
	char iso[DATE_ISO_LEN], fr[DATE_ISO_LEN], dt[DATETIME_ISO_LEN];

	if (date_parse(s, &d) == 0) {
		FUZZ_CHECK(date_valid(d.year, d.month, d.day), "%s", s);
		date_format_iso(d, iso);
		date_format_fr(d, fr);
		FUZZ_CHECK(date_parse(iso, &back) == 0 && !date_cmp(d, back),
			   "« %s » -> %s", s, iso);
		FUZZ_CHECK(date_parse(fr, &back) == 0 && !date_cmp(d, back),
			   "« %s » -> %s", s, fr);
		FUZZ_CHECK(date_weekday(d) >= 0 && date_weekday(d) <= 6, "%s", s);
		back = date_prev_day(d);
		FUZZ_CHECK(date_valid(back.year, back.month, back.day) &&
			   date_diff_days(back, d) == 1, "%s", s);
		(void)workdays_is_working_day(d);
		(void)workdays_between(back, d);
	}
	if (datetime_parse(s, &t) == 0) {
		datetime_format_iso(t, dt);
		FUZZ_CHECK(datetime_parse(dt, &tback) == 0 &&
			   !datetime_cmp(t, tback), "« %s » -> %s", s, dt);
	}
}

static void check_period(const char *s)
{
	struct period p, back;
	char key[PERIOD_KEY_LEN], label[32];
	struct date first, last;

	if (period_parse(s, &p) != 0)
		return;
	period_key(p, key);
	FUZZ_CHECK(period_parse(key, &back) == 0 && !period_cmp(p, back) &&
		   back.month == p.month && back.quarter == p.quarter,
		   "« %s » -> %s", s, key);
	period_label(p, label, sizeof label);
	(void)period_heading(p);
	first = period_first_day(p);
	last = period_last_day(p);
	FUZZ_CHECK(date_valid(first.year, first.month, first.day) &&
		   date_valid(last.year, last.month, last.day) &&
		   date_cmp(first, last) <= 0, "%s", key);
	back = period_containing(p.month ? PERIOD_MONTHLY : p.quarter
			? PERIOD_QUARTERLY : PERIOD_ANNUAL, last);
	FUZZ_CHECK(!period_cmp(p, back), "%s", key);
	back = period_prev(p);
	FUZZ_CHECK(period_cmp(back, p) < 0, "%s", key);
}

static void check_text(const char *s, unsigned char sel)
{
	int cols = sel % 40 - 2;	/* -2 to 37 */
	bool ascii = sel & 0x40;
	char *t, **lines;
	char buf[64], tiny[5];
	size_t n, bad;
	int w;

	(void)text_utf8_valid(s, strlen(s), &bad);
	(void)text_has_control(s);
	(void)text_starts_with(s, "T");
	free(text_fold(s));

	t = text_ascii(s);
	for (const char *p = t; *p; p++)
		FUZZ_CHECK((unsigned char)*p < 0x80, "text_ascii");
	free(t);

	t = text_slug(s);
	for (const char *p = t; *p; p++)
		FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			   (*p == '-' && p != t && p[1]), "text_slug: %s", t);
	free(t);

	t = strdup(s);
	if (!t)
		abort();
	text_trim(t);
	free(t);

	(void)text_width(s);
	w = text_fit(s, cols, ascii, buf, sizeof buf);
	FUZZ_CHECK(w == (cols > 0 ? text_width(buf) : 0) &&
		   w <= (cols > 0 ? cols : 0),
		   "text_fit %d cols: %d, « %s »", cols, w, buf);
	FUZZ_CHECK(shown_safely(buf), "text_fit let through « %s »", buf);
	if (ascii)
		for (const char *p = buf; *p; p++)
			FUZZ_CHECK((unsigned char)*p < 0x80, "text_fit ascii");
	w = text_fit(s, cols, ascii, tiny, sizeof tiny);
	FUZZ_CHECK(shown_safely(tiny) && w <= (cols > 0 ? cols : 0),
		   "text_fit small buffer: « %s »", tiny);

	n = text_wrap(s, cols, &lines);
	for (size_t i = 0; i < n; i++) {
		int lw = text_width(lines[i]);

		FUZZ_CHECK(shown_safely(lines[i]), "text_wrap line « %s »",
			   lines[i]);
		FUZZ_CHECK(lw <= (cols < 1 ? 1 : cols) ||
			   (cols <= 1 && lw == 2),
			   "text_wrap %d cols: line %zu of %d columns « %s »",
			   cols, i, lw, lines[i]);
	}
	text_lines_free(lines, n);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* text_width, text_fit and text_wrap need a UTF-8 LC_CTYPE */
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		fprintf(stderr, "fuzz_value: no C.UTF-8 locale\n");
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char a = size > 0 ? data[0] : 0, b = size > 1 ? data[1] : 0;
	char *s = fuzz_str(data + (size > 2 ? 2 : size), size > 2 ? size - 2 : 0);
	struct value_spec spec = { 0 };

	spec.unit = units[a % N_UNITS];
	spec.scale_min = (int)(b % 8) - 2;
	spec.scale_max = spec.scale_min + (int)(a >> 4);
	for (int k = 0; k < VALUE_KIND_COUNT; k++) {
		spec.kind = (enum value_kind)k;
		check_value(&spec, s);
	}
	check_numbers(s, a);
	check_dates(s);
	check_period(s);
	check_text(s, b);
	free(s);
	return 0;
}
