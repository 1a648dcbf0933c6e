#include "suivi/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/number.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

/* Values that differ by less than this compare equal against a target:
 * 0.1 + 0.2 typed as a sum must still meet a target of 0.3. */
#define STATUS_EPSILON 1e-9

/* How much of the user's input an error message quotes. */
#define QUOTE_MAX 48

/* Copy s into buf for an error message, cut at a character boundary
 * (s is valid UTF-8 by then) with an ellipsis when it is too long: a
 * pasted paragraph must not fill the message. */
static const char *quote(const char *s, char *buf, size_t n)
{
	size_t len = strlen(s);

	if (len <= QUOTE_MAX && len < n) {
		memcpy(buf, s, len + 1);
		return buf;
	}
	len = QUOTE_MAX < n - 4 ? QUOTE_MAX : n - 4;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	memcpy(buf, s, len);
	memcpy(buf + len, "…", sizeof "…");
	return buf;
}

static int fail_not_number(const char *raw, struct err *e)
{
	char q[QUOTE_MAX + 8];

	err_set(e, ERR_INPUT, "« %s » n'est pas un nombre",
		quote(raw, q, sizeof q));
	return -1;
}

/* "1,000" or "2.500" where a whole number is expected: a decimal mark
 * would give 1 (or no whole number), a thousands separator 1000; the
 * grid does not guess (number_is_ambiguous). f is the number alone. */
static int check_ambiguous(const char *f, struct err *e)
{
	char digits[8], q[QUOTE_MAX + 8];
	size_t k = 0;

	if (!number_is_ambiguous(f))
		return 0;
	for (const char *p = f; *p && k + 1 < sizeof digits; p++)
		if ((*p >= '0' && *p <= '9') || *p == '-')
			digits[k++] = *p;
	digits[k] = '\0';
	err_set(e, ERR_INPUT, "« %s » ambigu (milliers ou décimales ?) : pour "
		"des milliers, écrivez %s, sans point ni virgule",
		quote(f, q, sizeof q), digits);
	return -1;
}

/* text_has_control lets tab through (it is a blank in files); a value is
 * one line shown in a grid cell, where a tab or a C1 control (U+0080 to
 * U+009F) would show as "?", so every control character is refused. */
static bool has_control(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return true;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return true;
	}
	return false;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return k > 0 && k < n && strcmp(s + n - k, suffix) == 0;
}

/* Cut one unit off the end of f (folded and trimmed, cut in place): the
 * indicator's own unit first, then the kind's spellings, longest first so
 * that "heures" is not read as "heure" + "s". At least one character is
 * left, so that a lone "h" is reported as it was typed. */
static void strip_unit(char *f, const char *spec_unit,
		       const char *const *units)
{
	if (spec_unit && *spec_unit) {
		char *u = text_trim(text_fold(spec_unit));
		bool cut = ends_with(f, u);

		if (cut)
			f[strlen(f) - strlen(u)] = '\0';
		free(u);
		if (cut) {
			text_trim(f);
			return;
		}
	}
	for (; units && *units; units++) {
		if (ends_with(f, *units)) {
			f[strlen(f) - strlen(*units)] = '\0';
			text_trim(f);
			return;
		}
	}
}

static bool has_unit(const char *f, const char *const *units)
{
	for (; *units; units++)
		if (ends_with(f, *units))
			return true;
	return false;
}

static bool is_whole(double x)
{
	return x == floor(x);
}

/* Folded spellings (text_fold: lower case, no accents, no-break spaces
 * as plain spaces). */
static const char *const hour_units[] = { "heures", "heure", "h", NULL };
static const char *const day_units[] = {
	"jours ouvres", "jour ouvre", "j ouvres", "j ouvre", "journees",
	"journee", "jours", "jour", "j", NULL
};
static const char *const workload_units[] = {
	"j*h", "j.h", "j-h", "jh", "j", NULL
};
static const char *const percent_units[] = { "%", NULL };

/* Whole hours of the "2h30" form. */
#define HOURS_WITH_MINUTES_MAX 999999

/* One parser per kind. raw is the trimmed input, for messages; f its
 * folded copy, which the parser may cut. */
typedef int value_parse_fn(const struct value_spec *s, const char *raw,
			   char *f, struct value *v, struct err *e);

static int parse_yes_no(const struct value_spec *s, const char *raw,
			char *f, struct value *v, struct err *e)
{
	static const struct {
		const char *word;
		int num;
	} words[] = {
		{ "oui", 1 }, { "o", 1 }, { "yes", 1 }, { "y", 1 },
		{ "1", 1 }, { "vrai", 1 }, { "non", 0 }, { "n", 0 },
		{ "no", 0 }, { "0", 0 }, { "faux", 0 },
	};
	char q[QUOTE_MAX + 8];

	(void)s;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strcmp(f, words[i].word) == 0) {
			v->has_num = true;
			v->num = words[i].num;
			return 0;
		}
	}
	err_set(e, ERR_INPUT, "« %s » : répondez oui ou non",
		quote(raw, q, sizeof q));
	return -1;
}

static int parse_count(const struct value_spec *s, const char *raw, char *f,
		       struct value *v, struct err *e)
{
	double x;

	strip_unit(f, s->unit, NULL);
	if (check_ambiguous(f, e) < 0)
		return -1;
	if (number_parse(f, &x) < 0)
		return fail_not_number(raw, e);
	if (x < 0) {
		err_set(e, ERR_INPUT, "un nombre ne peut pas être négatif");
		return -1;
	}
	if (!is_whole(x)) {
		err_set(e, ERR_INPUT, "un nombre entier est attendu");
		return -1;
	}
	v->has_num = true;
	v->num = x;
	return 0;
}

static int parse_percent(const struct value_spec *s, const char *raw,
			 char *f, struct value *v, struct err *e)
{
	double x;

	strip_unit(f, s->unit, percent_units);
	if (number_parse(f, &x) < 0)
		return fail_not_number(raw, e);
	if (x < 0 || x > 100) {
		err_set(e, ERR_INPUT, "un pourcentage va de 0 à 100");
		return -1;
	}
	v->has_num = true;
	v->num = x;
	return 0;
}

static int parse_ratio(const struct value_spec *s, const char *raw, char *f,
		       struct value *v, struct err *e)
{
	char *sep = strchr(f, '/'), *left = f, *right;
	char q[QUOTE_MAX + 8], a[32], b[32];
	double x, y;
	size_t seplen = 1;

	if (!sep) {
		sep = strstr(f, "sur");
		seplen = 3;
	}
	if (!sep)
		goto malformed;
	*sep = '\0';
	right = sep + seplen;
	text_trim(left);
	text_trim(right);
	strip_unit(left, s->unit, NULL);
	strip_unit(right, s->unit, NULL);
	if (check_ambiguous(left, e) < 0 || check_ambiguous(right, e) < 0)
		return -1;
	if (number_parse(left, &x) < 0 || number_parse(right, &y) < 0)
		goto malformed;
	if (x < 0 || y < 0) {
		err_set(e, ERR_INPUT, "un rapport ne peut pas être négatif");
		return -1;
	}
	if (!is_whole(x) || !is_whole(y)) {
		err_set(e, ERR_INPUT, "un nombre entier est attendu de part "
				      "et d'autre du rapport");
		return -1;
	}
	if (y == 0) {
		err_set(e, ERR_INPUT, "le dénominateur doit être positif");
		return -1;
	}
	if (x > y) {
		number_format(x, 0, a, sizeof a);
		number_format(y, 0, b, sizeof b);
		err_set(e, ERR_INPUT,
			"le numérateur (%s) dépasse le dénominateur (%s)", a,
			b);
		return -1;
	}
	v->has_num = v->has_den = true;
	v->num = x;
	v->den = y;
	return 0;
malformed:
	err_set(e, ERR_INPUT, "« %s » n'est pas un rapport : 3/5 ou 3 sur 5",
		quote(raw, q, sizeof q));
	return -1;
}

/* Typed in the order of the contracts' wording, "charge prévisionnelle /
 * réalisée": "200/180" is 200 planned (den) and 180 actual (num); a single
 * number is the actual workload alone. */
static int parse_workload(const struct value_spec *s, const char *raw,
			  char *f, struct value *v, struct err *e)
{
	char *sep = strchr(f, '/');
	char q[QUOTE_MAX + 8];
	double actual, planned = 0;

	if (sep) {
		*sep = '\0';
		text_trim(f);
		strip_unit(f, s->unit, workload_units);
		if (number_parse(f, &planned) < 0)
			goto malformed;
		f = text_trim(sep + 1);
	}
	strip_unit(f, s->unit, workload_units);
	if (number_parse(f, &actual) < 0)
		goto malformed;
	if (actual < 0 || planned < 0) {
		err_set(e, ERR_INPUT, "une charge ne peut pas être négative");
		return -1;
	}
	/* Planned 0 would make the actual/planned rate (value_scalar)
	 * meaningless. */
	if (sep && planned == 0) {
		err_set(e, ERR_INPUT, "la charge prévue doit être positive");
		return -1;
	}
	v->has_num = true;
	v->num = actual;
	if (sep) {
		v->has_den = true;
		v->den = planned;
	}
	return 0;
malformed:
	err_set(e, ERR_INPUT, "« %s » : une charge s'écrit 180 (réalisé) ou "
			      "200/180 (prévu/réalisé)",
		quote(raw, q, sizeof q));
	return -1;
}

static int fail_negative_duration(struct err *e)
{
	err_set(e, ERR_INPUT, "une durée ne peut pas être négative");
	return -1;
}

static int parse_hours(const struct value_spec *s, const char *raw, char *f,
		       struct value *v, struct err *e)
{
	char q[QUOTE_MAX + 8], *h;
	bool in_days = has_unit(f, day_units);
	double x;

	if (in_days)
		goto malformed;
	strip_unit(f, s->unit, hour_units);
	h = strchr(f, 'h');
	if (h) {
		/* "2h30", "2 h 30": whole hours and two-digit minutes, so
		 * that "2h5" is not silently read as 2 h 05 or 2,5 h. */
		char *min = h + 1;

		*h = '\0';
		text_trim(f);
		text_trim(min);
		if (!(min[0] >= '0' && min[0] <= '9' && min[1] >= '0' &&
		      min[1] <= '9' && min[2] == '\0') ||
		    number_parse(f, &x) < 0 || !is_whole(x))
			goto malformed;
		if (x < 0)
			return fail_negative_duration(e);
		/* past this, hours plus minutes lose the minutes' precision:
		 * the editor could not give the value back (value_edit_text) */
		if (x > HOURS_WITH_MINUTES_MAX) {
			err_set(e, ERR_INPUT, "au plus 999 999 heures avec des "
					      "minutes (999999h59)");
			return -1;
		}
		if (min[0] > '5') {
			err_set(e, ERR_INPUT, "les minutes vont de 00 à 59");
			return -1;
		}
		x += ((min[0] - '0') * 10 + (min[1] - '0')) / 60.0;
	} else if (number_parse(f, &x) < 0) {
		goto malformed;
	}
	if (x < 0)
		return fail_negative_duration(e);
	v->has_num = true;
	v->num = x;
	return 0;
malformed:
	if (in_days)
		err_set(e, ERR_INPUT, "la durée se compte en heures : "
				      "4 ou 4 h ou 2h30");
	else
		err_set(e, ERR_INPUT, "« %s » n'est pas une durée en heures : "
				      "4 ou 4 h ou 2h30",
			quote(raw, q, sizeof q));
	return -1;
}

static int parse_days(const struct value_spec *s, const char *raw, char *f,
		      struct value *v, struct err *e)
{
	char q[QUOTE_MAX + 8];
	double x;

	strip_unit(f, s->unit, day_units);
	if (number_parse(f, &x) < 0) {
		if (has_unit(f, hour_units))
			err_set(e, ERR_INPUT, "la durée se compte en jours : "
					      "1 ou 0,5 j");
		else
			err_set(e, ERR_INPUT, "« %s » n'est pas une durée en "
					      "jours : 1 ou 0,5 j",
				quote(raw, q, sizeof q));
		return -1;
	}
	if (x < 0)
		return fail_negative_duration(e);
	v->has_num = true;
	v->num = x;
	return 0;
}

static int parse_level(const struct value_spec *s, const char *raw, char *f,
		       struct value *v, struct err *e)
{
	double x;

	strip_unit(f, s->unit, NULL);
	if (check_ambiguous(f, e) < 0)
		return -1;
	if (number_parse(f, &x) < 0)
		return fail_not_number(raw, e);
	if (!is_whole(x)) {
		err_set(e, ERR_INPUT, "un nombre entier est attendu");
		return -1;
	}
	if (x < s->scale_min || x > s->scale_max) {
		err_set(e, ERR_INPUT, "un niveau va de %d à %d", s->scale_min,
			s->scale_max);
		return -1;
	}
	v->has_num = true;
	v->num = x;
	return 0;
}

static int parse_text(const struct value_spec *s, const char *raw, char *f,
		      struct value *v, struct err *e)
{
	size_t len = strlen(raw);

	(void)s;
	(void)f;
	if (len > VALUE_TEXT_MAX) {
		err_set(e, ERR_INPUT,
			"texte trop long : %zu octets, %d au plus", len,
			VALUE_TEXT_MAX);
		return -1;
	}
	v->text = xstrdup(raw);
	return 0;
}

static value_parse_fn *const parsers[VALUE_KIND_COUNT] = {
	[VALUE_YES_NO] = parse_yes_no,
	[VALUE_COUNT] = parse_count,
	[VALUE_PERCENT] = parse_percent,
	[VALUE_RATIO] = parse_ratio,
	[VALUE_WORKLOAD] = parse_workload,
	[VALUE_HOURS] = parse_hours,
	[VALUE_DAYS] = parse_days,
	[VALUE_LEVEL] = parse_level,
	[VALUE_TEXT] = parse_text,
};

/* "s/o", "so", "s.o.", "sans objet", "sans-objet", whatever the case,
 * accents and inner blanks. */
static bool is_not_applicable(const char *raw)
{
	static const char *const words[] = { "s/o", "so", "s.o.", "s.o",
					     "sansobjet", "sans-objet" };
	char *f = text_fold(raw), *w = f;
	bool na = false;

	for (const char *p = f; *p; p++)
		if (*p != ' ')
			*w++ = *p;
	*w = '\0';
	for (size_t i = 0; i < sizeof words / sizeof words[0] && !na; i++)
		na = !strcmp(f, words[i]);
	free(f);
	return na;
}

int value_parse(const struct value_spec *s, const char *input,
		struct value *out, struct err *e)
{
	struct value v = { 0 };
	char *raw, *f = NULL;
	int rc = -1;

	if (!input)
		input = "";
	if ((unsigned)s->kind >= VALUE_KIND_COUNT) {
		err_set(e, ERR_INPUT, "type de valeur inconnu");
		return -1;
	}
	if (!text_utf8_valid(input, strlen(input), NULL)) {
		err_set(e, ERR_INPUT, "la valeur n'est pas un texte UTF-8 "
				      "valide");
		return -1;
	}
	raw = text_trim(xstrdup(input));
	if (!*raw) {
		err_set(e, ERR_INPUT, "aucune valeur tapée");
		goto out;
	}
	if (has_control(raw)) {
		err_set(e, ERR_INPUT, "la valeur contient un caractère de "
				      "contrôle (tabulation, saut de ligne…)");
		goto out;
	}
	if (is_not_applicable(raw)) {
		v.text = xstrdup(VALUE_NA_TEXT);
		*out = v;
		rc = 0;
		goto out;
	}
	/* Texts are kept as typed; every other kind reads the folded form,
	 * so "OUI", "Vrai", "12,5 %" with a no-break space or "J*H" need no
	 * case of their own. */
	if (s->kind != VALUE_TEXT)
		f = text_trim(text_fold(raw));
	rc = parsers[s->kind](s, raw, f, &v, e);
	if (rc == 0)
		*out = v;
out:
	free(f);
	free(raw);
	return rc;
}

void value_release(struct value *v)
{
	if (!v)
		return;
	free(v->text);
	*v = (struct value){ 0 };
}

void value_copy(struct value *dst, const struct value *src)
{
	if (dst == src)
		return;
	*dst = *src;
	dst->text = xstrdup_or_null(src->text);
}

bool value_equal(const struct value *a, const struct value *b)
{
	const char *ta = a->text ? a->text : "", *tb = b->text ? b->text : "";

	if (a->has_num != b->has_num || a->has_den != b->has_den)
		return false;
	if (a->has_num && a->num != b->num)
		return false;
	if (a->has_den && a->den != b->den)
		return false;
	return strcmp(ta, tb) == 0;
}

bool value_empty(const struct value *v)
{
	return !v || (!v->has_num && !v->has_den && (!v->text || !*v->text));
}

bool value_not_applicable(const struct value *v)
{
	return v && !v->has_num && !v->has_den && v->text &&
	       !strcmp(v->text, VALUE_NA_TEXT);
}

/* The unit shown after a count, a ratio or a workload: the indicator's
 * own ("demandes", "projets"). Percent, hours and days always show "%",
 * "h" and "j": a unit such as "jours ouvrés" does not shorten well. */
static const char *spec_unit(const struct value_spec *s, const char *dflt)
{
	return s->unit && *s->unit ? s->unit : dflt;
}

void value_format(const struct value_spec *s, const struct value *v,
		  bool with_unit, char *buf, size_t n)
{
	char a[48], b[48];
	const char *unit = NULL;

	if (n == 0)
		return;
	buf[0] = '\0';
	if (value_empty(v))
		return;
	if (value_not_applicable(v)) {
		snprintf(buf, n, "%s", with_unit ? VALUE_NA_TEXT : "s/o");
		return;
	}
	if (s->kind == VALUE_TEXT) {
		snprintf(buf, n, "%s", v->text ? v->text : "");
		return;
	}
	if (!v->has_num)
		return;
	number_format(v->num, 2, a, sizeof a);
	switch (s->kind) {
	case VALUE_YES_NO:
		snprintf(buf, n, "%s", v->num != 0 ? "oui" : "non");
		return;
	case VALUE_PERCENT:
		snprintf(buf, n, "%s %%", a);
		return;
	case VALUE_RATIO:
		unit = spec_unit(s, NULL);
		if (!v->has_den)
			break;
		number_format(v->den, 2, b, sizeof b);
		if (with_unit && unit)
			snprintf(buf, n, "%s/%s %s", a, b, unit);
		else
			snprintf(buf, n, "%s/%s", a, b);
		return;
	case VALUE_WORKLOAD:
		unit = spec_unit(s, "j*h");
		if (!v->has_den)
			break;
		number_format(v->den, 2, b, sizeof b);
		/* Shown in the order it is typed: planned, then actual. */
		if (with_unit)
			snprintf(buf, n, "prévu %s, réalisé %s %s", b, a, unit);
		else
			snprintf(buf, n, "%s/%s", b, a);
		return;
	case VALUE_HOURS:
		unit = "h";
		break;
	case VALUE_DAYS:
		unit = "j";
		break;
	case VALUE_COUNT:
		unit = spec_unit(s, NULL);
		break;
	default:
		break;
	}
	if (with_unit && unit)
		snprintf(buf, n, "%s %s", a, unit);
	else
		snprintf(buf, n, "%s", a);
}

/* v with exactly decimals decimals (trailing zeros dropped), like
 * number_format but past its 6-decimal cap. false when v does not fit. */
static bool format_decimals(double v, int decimals, char *buf, size_t n)
{
	unsigned long long p = 1, scaled, ip, fp;
	char f[24];
	int len, k = decimals;

	for (int i = 0; i < decimals; i++)
		p *= 10;
	if (!isfinite(v) || fabs(v) * (double)p >= 9e18)
		return false;
	scaled = (unsigned long long)llround(fabs(v) * (double)p);
	ip = scaled / p;
	fp = scaled % p;
	len = snprintf(buf, n, "%s%llu", v < 0 && scaled ? "-" : "", ip);
	if (len < 0 || (size_t)len >= n)
		return false;
	if (decimals == 0 || fp == 0)
		return true;
	snprintf(f, sizeof f, "%0*llu", decimals, fp);
	while (k > 0 && f[k - 1] == '0')
		k--;
	f[k] = '\0';
	return snprintf(buf + len, n - (size_t)len, ",%s", f) <
	       (int)(n - (size_t)len);
}

/* The shortest decimal text number_parse reads back as exactly v, for the
 * editor: the grid's 2 decimals would change "12,345" on the way back.
 * A value that was computed rather than typed may have no such text; the
 * most precise one number_parse accepts (15 significant digits) is then
 * the closest. Returns whether the text is exact. */
static bool edit_number(double v, char *buf, size_t n)
{
	char t[48], best[48] = "0";

	for (int d = 0; d <= 15; d++) {
		double back;

		if (!format_decimals(v, d, t, sizeof t) ||
		    number_parse(t, &back) < 0)
			break;
		memcpy(best, t, sizeof best);
		if (back == v) {
			snprintf(buf, n, "%s", t);
			return true;
		}
	}
	snprintf(buf, n, "%s", best);
	return false;
}

/* Hours typed as "2h20" are 2 + 20/60, which no decimal text gives back
 * exactly: write them the way they were typed. */
static void edit_hours(double v, char *buf, size_t n)
{
	char t[48];
	double m, whole;

	if (edit_number(v, buf, n) || v < 0)
		return;
	m = round(v * 60);
	whole = floor(m / 60);
	if (fabs(v * 60 - m) > 1e-6 || whole >= 1e15)
		return;
	if (whole + (m - whole * 60) / 60.0 != v)
		return;
	number_format(whole, 0, t, sizeof t);
	snprintf(buf, n, "%sh%02d", t, (int)(m - whole * 60));
}

void value_edit_text(const struct value_spec *s, const struct value *v,
		     char *buf, size_t n)
{
	char a[48], b[48];

	if (n == 0)
		return;
	buf[0] = '\0';
	if (value_empty(v))
		return;
	if (value_not_applicable(v)) {
		snprintf(buf, n, "%s", VALUE_NA_TEXT);
		return;
	}
	if (s->kind == VALUE_TEXT) {
		snprintf(buf, n, "%s", v->text ? v->text : "");
		return;
	}
	if (!v->has_num)
		return;
	switch (s->kind) {
	case VALUE_YES_NO:
		snprintf(buf, n, "%s", v->num != 0 ? "oui" : "non");
		return;
	case VALUE_HOURS:
		edit_hours(v->num, buf, n);
		return;
	case VALUE_RATIO:
	case VALUE_WORKLOAD:
		if (v->has_den) {
			edit_number(v->num, a, sizeof a);
			edit_number(v->den, b, sizeof b);
			/* ratio num/den; workload planned/actual */
			if (s->kind == VALUE_RATIO)
				snprintf(buf, n, "%s/%s", a, b);
			else
				snprintf(buf, n, "%s/%s", b, a);
			return;
		}
		break;
	default:
		break;
	}
	edit_number(v->num, buf, n);
}

bool value_scalar(const struct value_spec *s, const struct value *v,
		  double *out)
{
	if (value_empty(v) || s->kind == VALUE_TEXT || !v->has_num)
		return false;
	switch (s->kind) {
	case VALUE_RATIO:
		if (!v->has_den || v->den <= 0)
			return false;
		*out = v->num / v->den;
		return true;
	case VALUE_WORKLOAD:
		if (v->has_den) {
			if (v->den <= 0)
				return false;
			*out = v->num / v->den;
			return true;
		}
		*out = v->num;
		return true;
	case VALUE_YES_NO:
		*out = v->num != 0 ? 1 : 0;
		return true;
	default:
		*out = v->num;
		return true;
	}
}

/* The two numbers value_status compares. A workload target is often the
 * planned load alone ("200"): a rate actual/planned cannot be compared
 * with it, so unless both hold planned and actual the actual loads are
 * compared. */
static bool status_scalars(const struct value_spec *s, const struct value *v,
			   const struct value *t, double *x, double *y)
{
	if (s->kind == VALUE_WORKLOAD && !(v->has_den && t->has_den)) {
		if (!v->has_num || !t->has_num)
			return false;
		*x = v->num;
		*y = t->num;
		return true;
	}
	return value_scalar(s, v, x) && value_scalar(s, t, y);
}

bool value_kind_numeric(enum value_kind k)
{
	return k == VALUE_COUNT || k == VALUE_PERCENT || k == VALUE_HOURS ||
	       k == VALUE_DAYS || k == VALUE_LEVEL;
}

const char *value_better_sign(enum better b)
{
	return b == BETTER_HIGHER ? "≥ " : b == BETTER_LOWER ? "≤ " : "";
}

enum value_status value_status(const struct value_spec *s,
			       enum better better, const struct value *v,
			       const struct value *target, bool due)
{
	double x, t;

	if (value_not_applicable(v))
		return STATUS_NOT_APPLICABLE;
	if (value_empty(v))
		return due ? STATUS_MISSING : STATUS_NOT_DUE;
	if (s->kind == VALUE_TEXT || better == BETTER_NONE ||
	    !value_scalar(s, v, &x))
		return STATUS_NO_TARGET;
	if (better == BETTER_YES)
		return x != 0 ? STATUS_MET : STATUS_MISSED;
	if (value_empty(target) || !status_scalars(s, v, target, &x, &t))
		return STATUS_NO_TARGET;
	switch (better) {
	case BETTER_HIGHER:
		return x >= t - STATUS_EPSILON ? STATUS_MET : STATUS_MISSED;
	case BETTER_LOWER:
		return x <= t + STATUS_EPSILON ? STATUS_MET : STATUS_MISSED;
	default:
		return STATUS_NO_TARGET;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Quantile q of the n sorted values, interpolated between neighbours. */
static double quantile(const double *sorted, size_t n, double q)
{
	double pos = q * (double)(n - 1);
	size_t i = (size_t)pos;
	double frac = pos - (double)i;

	if (i + 1 >= n)
		return sorted[n - 1];
	return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
}

bool value_outlier(const struct value_spec *s, const struct value *v,
		   const double *history, size_t n)
{
	double x, med, spread, *h;
	size_t m = 0;
	bool far;

	if (n < 4 || !value_scalar(s, v, &x))
		return false;
	h = xmalloc(n * sizeof *h);
	for (size_t i = 0; i < n; i++)
		if (isfinite(history[i]))
			h[m++] = history[i];
	if (m < 4) {
		free(h);
		return false;
	}
	qsort(h, m, sizeof *h, cmp_double);
	med = quantile(h, m, 0.5);
	/* Floors on the spread: a flat history (IQR 0) must not flag the
	 * first small change, whatever the scale of the numbers. */
	spread = quantile(h, m, 0.75) - quantile(h, m, 0.25);
	if (spread < 0.1 * fabs(med))
		spread = 0.1 * fabs(med);
	if (spread < 1)
		spread = 1;
	far = fabs(x - med) > 3 * spread;
	free(h);
	return far;
}

/* ---------------------------------------------------------------- */

static const char *const month_name[12] = {
	"janvier", "février", "mars", "avril", "mai", "juin",
	"juillet", "août", "septembre", "octobre", "novembre", "décembre"
};

static const char *const month_heading[12] = {
	"janv.", "févr.", "mars", "avr.", "mai", "juin",
	"juil.", "août", "sept.", "oct.", "nov.", "déc."
};

static const char *const quarter_heading[4] = { "T1", "T2", "T3", "T4" };

/* Read between min and max ASCII digits; returns how many, 0 if fewer
 * than min. */
static int read_digits(const char *s, int min, int max, int *out)
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

static bool is_quarter(const char *s)
{
	return (s[0] == 'T' || s[0] == 't') && s[1] >= '1' && s[1] <= '4';
}

int period_parse(const char *s, struct period *out)
{
	struct period p = { 0, 0, 0 };
	int n;

	while (*s == ' ' || *s == '\t')
		s++;
	if (is_quarter(s) && (s[2] == ' ' || s[2] == '-')) {
		/* "T1 2018", "T1-2018" */
		p.quarter = s[1] - '0';
		s += 3;
		while (*s == ' ')
			s++;
		if (!(n = read_digits(s, 4, 4, &p.year)))
			return -1;
		s += n;
	} else if ((n = read_digits(s, 4, 4, &p.year))) {
		/* "2018", "2018-03", "2018-3", "2018-T1" */
		s += n;
		if (*s == '-') {
			s++;
			if (is_quarter(s)) {
				p.quarter = s[1] - '0';
				s += 2;
			} else if ((n = read_digits(s, 1, 2, &p.month))) {
				s += n;
				if (p.month < 1 || p.month > 12)
					return -1;
			} else {
				return -1;
			}
		}
	} else if ((n = read_digits(s, 1, 2, &p.month)) && s[n] == '/') {
		/* "03/2018", "3/2018" */
		s += n + 1;
		if (p.month < 1 || p.month > 12 ||
		    !(n = read_digits(s, 4, 4, &p.year)))
			return -1;
		s += n;
	} else {
		return -1;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s || p.year < 1900 || p.year > 2199)
		return -1;
	*out = p;
	return 0;
}

void period_key(struct period p, char buf[PERIOD_KEY_LEN])
{
	unsigned y = (unsigned)p.year % 10000u;

	if (p.month)
		snprintf(buf, PERIOD_KEY_LEN, "%04u-%02u", y,
			 (unsigned)p.month % 100u);
	else if (p.quarter)
		snprintf(buf, PERIOD_KEY_LEN, "%04u-T%u", y,
			 (unsigned)p.quarter % 10u);
	else
		snprintf(buf, PERIOD_KEY_LEN, "%04u", y);
}

void period_label(struct period p, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (p.month >= 1 && p.month <= 12)
		snprintf(buf, n, "%s %d", month_name[p.month - 1], p.year);
	else if (p.quarter >= 1 && p.quarter <= 4)
		snprintf(buf, n, "T%d %d", p.quarter, p.year);
	else
		snprintf(buf, n, "%d", p.year);
}

const char *period_heading(struct period p)
{
	if (p.month >= 1 && p.month <= 12)
		return month_heading[p.month - 1];
	if (p.quarter >= 1 && p.quarter <= 4)
		return quarter_heading[p.quarter - 1];
	return "année";
}

/* First and last month of p. */
static void period_months(struct period p, int *first, int *last)
{
	if (p.month) {
		*first = *last = p.month;
	} else if (p.quarter) {
		*first = 3 * p.quarter - 2;
		*last = 3 * p.quarter;
	} else {
		*first = 1;
		*last = 12;
	}
}

struct date period_first_day(struct period p)
{
	int first, last;

	period_months(p, &first, &last);
	return (struct date){ p.year, first, 1 };
}

struct date period_last_day(struct period p)
{
	int first, last;

	period_months(p, &first, &last);
	return (struct date){ p.year, last, date_days_in_month(p.year, last) };
}

struct period period_containing(enum periodicity per, struct date d)
{
	struct period p = { d.year, 0, 0 };

	/* "Mensuelle ou trimestrielle" is entered at the finer grain. */
	switch (per) {
	case PERIOD_QUARTERLY:
		p.quarter = (d.month - 1) / 3 + 1;
		break;
	case PERIOD_ANNUAL:
		break;
	default:
		p.month = d.month;
		break;
	}
	return p;
}

struct period period_prev(struct period p)
{
	if (p.month) {
		if (--p.month == 0) {
			p.month = 12;
			p.year--;
		}
	} else if (p.quarter) {
		if (--p.quarter == 0) {
			p.quarter = 4;
			p.year--;
		}
	} else {
		p.year--;
	}
	return p;
}

/* Month, quarter, year: the shorter period sorts first among those that
 * start on the same day. */
static int period_length_rank(struct period p)
{
	return p.month ? 0 : p.quarter ? 1 : 2;
}

struct period period_next(struct period p)
{
	if (p.month) {
		if (++p.month > 12) {
			p.month = 1;
			p.year++;
		}
	} else if (p.quarter) {
		if (++p.quarter > 4) {
			p.quarter = 1;
			p.year++;
		}
	} else {
		p.year++;
	}
	return p;
}

/* One run first..last of a list: "sept. 2019", "mars – mai 2019", "mars
 * 2017 – janv. 2018", "T1 – T3 2019", "2017 – 2019". */
static void add_run(struct strbuf *sb, struct period first, struct period last)
{
	bool same = !period_cmp(first, last);

	if (!first.month && !first.quarter) {
		if (same)
			strbuf_addf(sb, "%d", first.year);
		else
			strbuf_addf(sb, "%d – %d", first.year, last.year);
		return;
	}
	if (same)
		strbuf_addf(sb, "%s %d", period_heading(first), first.year);
	else if (first.year == last.year)
		strbuf_addf(sb, "%s – %s %d", period_heading(first),
			    period_heading(last), last.year);
	else
		strbuf_addf(sb, "%s %d – %s %d", period_heading(first),
			    first.year, period_heading(last), last.year);
}

char *period_ranges(const struct period *v, size_t n)
{
	struct strbuf sb;
	size_t i = 0;

	strbuf_init(&sb);
	while (i < n) {
		size_t j = i;

		/* the run goes on while each period follows the one before */
		while (j + 1 < n && !period_cmp(v[j + 1], period_next(v[j])))
			j++;
		if (sb.len)
			strbuf_addstr(&sb, ", ");
		add_run(&sb, v[i], v[j]);
		i = j + 1;
	}
	return strbuf_detach(&sb);
}

int period_cmp(struct period a, struct period b)
{
	int c = date_cmp(period_first_day(a), period_first_day(b));
	int ra = period_length_rank(a), rb = period_length_rank(b);

	if (c)
		return c;
	return (ra > rb) - (ra < rb);
}
