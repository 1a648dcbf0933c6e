#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/value.h"

/* The specs the tables use: units as the bundled contracts spell them. */
static const struct value_spec specs[VALUE_KIND_COUNT] = {
	[VALUE_YES_NO] = { VALUE_YES_NO, 0, 0, NULL },
	[VALUE_COUNT] = { VALUE_COUNT, 0, 0, NULL },
	[VALUE_PERCENT] = { VALUE_PERCENT, 0, 0, "%" },
	[VALUE_RATIO] = { VALUE_RATIO, 0, 0, "projets" },
	[VALUE_WORKLOAD] = { VALUE_WORKLOAD, 0, 0, "j*h" },
	[VALUE_HOURS] = { VALUE_HOURS, 0, 0, "h" },
	[VALUE_DAYS] = { VALUE_DAYS, 0, 0, "jours ouvrés" },
	[VALUE_LEVEL] = { VALUE_LEVEL, 0, 5, NULL },
	[VALUE_TEXT] = { VALUE_TEXT, 0, 0, NULL },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* struct value.text is not const: writable strings for literal values. */
static char text_delai[] = "Délai – 1 j", text_x[] = "x", text_blank[] = "";
#define NNBSP "\xE2\x80\xAF"
#define NBSP "\xC2\xA0"

/* ---------------------------------------------------------------- */
/* Accepted input */

struct ok_case {
	enum value_kind kind;
	const char *in;
	double num;
	bool has_den;
	double den;
};

static const struct ok_case accepted[] = {
	{ VALUE_YES_NO, "oui", 1, false, 0 },
	{ VALUE_YES_NO, "OUI", 1, false, 0 },
	{ VALUE_YES_NO, " Oui ", 1, false, 0 },
	{ VALUE_YES_NO, "o", 1, false, 0 },
	{ VALUE_YES_NO, "Yes", 1, false, 0 },
	{ VALUE_YES_NO, "y", 1, false, 0 },
	{ VALUE_YES_NO, "1", 1, false, 0 },
	{ VALUE_YES_NO, "vrai", 1, false, 0 },
	{ VALUE_YES_NO, "VRAI", 1, false, 0 },
	{ VALUE_YES_NO, "ouï", 1, false, 0 },
	{ VALUE_YES_NO, "non", 0, false, 0 },
	{ VALUE_YES_NO, "NON", 0, false, 0 },
	{ VALUE_YES_NO, "n", 0, false, 0 },
	{ VALUE_YES_NO, "No", 0, false, 0 },
	{ VALUE_YES_NO, "0", 0, false, 0 },
	{ VALUE_YES_NO, "faux", 0, false, 0 },
	{ VALUE_YES_NO, "Faux", 0, false, 0 },

	{ VALUE_COUNT, "12", 12, false, 0 },
	{ VALUE_COUNT, "0", 0, false, 0 },
	{ VALUE_COUNT, "  7\t", 7, false, 0 },
	{ VALUE_COUNT, "1 200", 1200, false, 0 },
	{ VALUE_COUNT, "1" NNBSP "000", 1000, false, 0 },
	{ VALUE_COUNT, "12,0", 12, false, 0 },
	{ VALUE_COUNT, "12.00", 12, false, 0 },
	{ VALUE_COUNT, "+3", 3, false, 0 },
	/* not ambiguous (issue 17, 10): no thousands group starts with 0, a
	 * fourth decimal or digit says which mark it is */
	{ VALUE_COUNT, "0,000", 0, false, 0 },
	{ VALUE_COUNT, "1,0000", 1, false, 0 },
	{ VALUE_COUNT, "1000,000", 1000, false, 0 },
	{ VALUE_COUNT, "1 000,000", 1000, false, 0 },

	{ VALUE_PERCENT, "12,5", 12.5, false, 0 },
	{ VALUE_PERCENT, "12.5 %", 12.5, false, 0 },
	{ VALUE_PERCENT, "12,5%", 12.5, false, 0 },
	{ VALUE_PERCENT, "12,5" NNBSP "%", 12.5, false, 0 },
	{ VALUE_PERCENT, "12,5" NBSP "%", 12.5, false, 0 },
	{ VALUE_PERCENT, "0", 0, false, 0 },
	{ VALUE_PERCENT, "0 %", 0, false, 0 },
	{ VALUE_PERCENT, "100", 100, false, 0 },
	{ VALUE_PERCENT, "100%", 100, false, 0 },
	{ VALUE_PERCENT, "0,5", 0.5, false, 0 },
	{ VALUE_PERCENT, "16,667", 16.667, false, 0 },
	/* a fractional kind keeps the decimal comma (or point): what an
	 * export writes imports back */
	{ VALUE_PERCENT, "1,500", 1.5, false, 0 },
	{ VALUE_PERCENT, "1.500", 1.5, false, 0 },

	{ VALUE_RATIO, "3/5", 3, true, 5 },
	{ VALUE_RATIO, "3 / 5", 3, true, 5 },
	{ VALUE_RATIO, "3 sur 5", 3, true, 5 },
	{ VALUE_RATIO, "3 SUR 5", 3, true, 5 },
	{ VALUE_RATIO, "3/3", 3, true, 3 },
	{ VALUE_RATIO, "0/3", 0, true, 3 },
	{ VALUE_RATIO, "3/5 projets", 3, true, 5 },
	{ VALUE_RATIO, "3 projets sur 5 projets", 3, true, 5 },
	{ VALUE_RATIO, "1 200/1 500", 1200, true, 1500 },
	{ VALUE_RATIO, "3,0/5", 3, true, 5 },

	/* workload: planned/actual, stored den = planned, num = actual */
	{ VALUE_WORKLOAD, "180", 180, false, 0 },
	{ VALUE_WORKLOAD, "200/180", 180, true, 200 },
	{ VALUE_WORKLOAD, "200 / 180", 180, true, 200 },
	{ VALUE_WORKLOAD, "200/180 j*h", 180, true, 200 },
	{ VALUE_WORKLOAD, "200 j*h / 180 j*h", 180, true, 200 },
	{ VALUE_WORKLOAD, "200/250", 250, true, 200 },
	{ VALUE_WORKLOAD, "180 j*h", 180, false, 0 },
	{ VALUE_WORKLOAD, "180 J*H", 180, false, 0 },
	{ VALUE_WORKLOAD, "180jh", 180, false, 0 },
	{ VALUE_WORKLOAD, "180 j.h", 180, false, 0 },
	{ VALUE_WORKLOAD, "180 j", 180, false, 0 },
	{ VALUE_WORKLOAD, "0,5 j*h", 0.5, false, 0 },
	{ VALUE_WORKLOAD, "0", 0, false, 0 },

	{ VALUE_HOURS, "4", 4, false, 0 },
	{ VALUE_HOURS, "4 h", 4, false, 0 },
	{ VALUE_HOURS, "4h", 4, false, 0 },
	{ VALUE_HOURS, "4 H", 4, false, 0 },
	{ VALUE_HOURS, "4 heures", 4, false, 0 },
	{ VALUE_HOURS, "1 heure", 1, false, 0 },
	{ VALUE_HOURS, "2,5 h", 2.5, false, 0 },
	{ VALUE_HOURS, "2h30", 2.5, false, 0 },
	{ VALUE_HOURS, "2 h 30", 2.5, false, 0 },
	{ VALUE_HOURS, "0h45", 0.75, false, 0 },
	{ VALUE_HOURS, "2h00", 2, false, 0 },
	{ VALUE_HOURS, "0", 0, false, 0 },
	{ VALUE_HOURS, "24", 24, false, 0 },

	{ VALUE_DAYS, "1", 1, false, 0 },
	{ VALUE_DAYS, "1 j", 1, false, 0 },
	{ VALUE_DAYS, "1j", 1, false, 0 },
	{ VALUE_DAYS, "0,5 j", 0.5, false, 0 },
	{ VALUE_DAYS, "1 jour", 1, false, 0 },
	{ VALUE_DAYS, "2 jours", 2, false, 0 },
	{ VALUE_DAYS, "3 jours ouvrés", 3, false, 0 },
	{ VALUE_DAYS, "3 JOURS OUVRES", 3, false, 0 },
	{ VALUE_DAYS, "1 journée", 1, false, 0 },
	{ VALUE_DAYS, "0", 0, false, 0 },
	{ VALUE_DAYS, "1,125 j", 1.125, false, 0 },

	{ VALUE_LEVEL, "0", 0, false, 0 },
	{ VALUE_LEVEL, "3", 3, false, 0 },
	{ VALUE_LEVEL, "5", 5, false, 0 },
	{ VALUE_LEVEL, "3,0", 3, false, 0 },
};

Test(value, accepts_each_kind_as_typed)
{
	for (size_t i = 0; i < N(accepted); i++) {
		const struct ok_case *c = &accepted[i];
		struct value v;
		struct err e = { 0 };

		cr_assert_eq(value_parse(&specs[c->kind], c->in, &v, &e), 0,
			     "kind %d « %s » : %s", c->kind, c->in, e.msg);
		cr_assert(v.has_num, "« %s »", c->in);
		cr_assert(fabs(v.num - c->num) < 1e-9, "« %s » -> %g", c->in,
			  v.num);
		cr_assert_eq(v.has_den, c->has_den, "« %s »", c->in);
		if (c->has_den)
			cr_assert(fabs(v.den - c->den) < 1e-9, "« %s » -> /%g",
				  c->in, v.den);
		cr_assert_null(v.text, "« %s »", c->in);
		value_release(&v);
	}
}

Test(value, keeps_text_trimmed_and_verbatim)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "bonjour", "bonjour" },
		{ "  Délai – 1 jour\t", "Délai – 1 jour" },
		{ "8h30 12h / 13– 17h", "8h30 12h / 13– 17h" },
		{ "« oui »", "« oui »" },
	};

	for (size_t i = 0; i < N(cases); i++) {
		struct value v;
		struct err e = { 0 };

		cr_assert_eq(value_parse(&specs[VALUE_TEXT], cases[i].in, &v,
					 &e), 0, "« %s » : %s", cases[i].in,
			     e.msg);
		cr_assert_str_eq(v.text, cases[i].want);
		cr_assert(!v.has_num && !v.has_den);
		value_release(&v);
	}
}

Test(value, accepts_text_of_exactly_the_limit)
{
	char *s = malloc(VALUE_TEXT_MAX + 1);
	struct value v;
	struct err e = { 0 };

	memset(s, 'a', VALUE_TEXT_MAX);
	s[VALUE_TEXT_MAX] = '\0';
	cr_assert_eq(value_parse(&specs[VALUE_TEXT], s, &v, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(strlen(v.text), VALUE_TEXT_MAX);
	value_release(&v);
	free(s);
}

/* ---------------------------------------------------------------- */
/* Refused input */

struct bad_case {
	enum value_kind kind;
	const char *in;
	const char *msg;	/* expected substring, NULL: any */
};

static const struct bad_case refused[] = {
	{ VALUE_YES_NO, "abc", "oui ou non" },
	{ VALUE_YES_NO, "peut-être", NULL },
	{ VALUE_YES_NO, "2", NULL },
	{ VALUE_YES_NO, "ouii", NULL },
	{ VALUE_YES_NO, "-1", NULL },

	{ VALUE_COUNT, "abc", "« abc » n'est pas un nombre" },
	{ VALUE_COUNT, "-1", "négatif" },
	{ VALUE_COUNT, "12,5", "un nombre entier est attendu" },
	{ VALUE_COUNT, "1e5", "n'est pas un nombre" },
	{ VALUE_COUNT, "1,2,3", NULL },
	{ VALUE_COUNT, "12 h", NULL },
	{ VALUE_COUNT, "101 %", NULL },
	{ VALUE_COUNT, "5/3", NULL },
	{ VALUE_COUNT, "9999999999999999", NULL },
	/* issue 17, 10: "1,000" was read as 1 and "2.000" as 2 */
	{ VALUE_COUNT, "1,000", "« 1,000 » ambigu (milliers ou décimales ?) : "
				"pour des milliers, écrivez 1000" },
	{ VALUE_COUNT, "2.000", "écrivez 2000" },
	{ VALUE_COUNT, "1.500", "ambigu" },
	{ VALUE_COUNT, " 12,000 ", "« 12,000 » ambigu" },

	{ VALUE_PERCENT, "abc", "n'est pas un nombre" },
	{ VALUE_PERCENT, "-1", "un pourcentage va de 0 à 100" },
	{ VALUE_PERCENT, "101 %", "un pourcentage va de 0 à 100" },
	{ VALUE_PERCENT, "100,01", "un pourcentage va de 0 à 100" },
	{ VALUE_PERCENT, "1e5", NULL },
	{ VALUE_PERCENT, "%", NULL },
	{ VALUE_PERCENT, "12 %%", NULL },
	{ VALUE_PERCENT, "3/0", NULL },

	{ VALUE_RATIO, "5/3", "le numérateur (5) dépasse le dénominateur (3)" },
	{ VALUE_RATIO, "5 sur 3", "le numérateur (5) dépasse" },
	{ VALUE_RATIO, "3/0", "le dénominateur doit être positif" },
	{ VALUE_RATIO, "0/0", "le dénominateur doit être positif" },
	{ VALUE_RATIO, "-1/3", "négatif" },
	{ VALUE_RATIO, "1,5/3", "un nombre entier est attendu" },
	{ VALUE_RATIO, "3", "3/5 ou 3 sur 5" },
	{ VALUE_RATIO, "abc", NULL },
	{ VALUE_RATIO, "-1", NULL },
	{ VALUE_RATIO, "3/", NULL },
	{ VALUE_RATIO, "/3", NULL },
	{ VALUE_RATIO, "3/5/7", NULL },
	{ VALUE_RATIO, "1e5/1e6", NULL },
	{ VALUE_RATIO, "101 %", NULL },
	{ VALUE_RATIO, "1,000/2,000", "ambigu" },
	{ VALUE_RATIO, "3/1.000", "écrivez 1000" },

	{ VALUE_WORKLOAD, "abc", "prévu/réalisé" },
	{ VALUE_WORKLOAD, "-1", "négative" },
	{ VALUE_WORKLOAD, "200/-1", "négative" },
	{ VALUE_WORKLOAD, "0/10", "la charge prévue doit être positive" },
	{ VALUE_WORKLOAD, "200/180/5", NULL },
	{ VALUE_WORKLOAD, "200 sur 180", NULL },
	{ VALUE_WORKLOAD, "1e5", NULL },
	{ VALUE_WORKLOAD, "12 h", NULL },
	{ VALUE_WORKLOAD, "/180", NULL },
	{ VALUE_WORKLOAD, "101 %", NULL },

	{ VALUE_HOURS, "abc", "4 ou 4 h ou 2h30" },
	{ VALUE_HOURS, "-1", "négative" },
	{ VALUE_HOURS, "-2h30", "négative" },
	{ VALUE_HOURS, "1 j", "en heures : 4 ou 4 h ou 2h30" },
	{ VALUE_HOURS, "2 jours", "en heures : 4 ou 4 h ou 2h30" },
	{ VALUE_HOURS, "1 Jour", "en heures : 4 ou 4 h ou 2h30" },
	{ VALUE_HOURS, "2h60", "les minutes vont de 00 à 59" },
	/* found by fuzzing (tests/fuzz/regressions/fuzz_value/hours-minutes):
	 * the minutes were lost, and the editor showed another value */
	{ VALUE_HOURS, "800008000080001h05", "au plus 999 999 heures" },
	{ VALUE_HOURS, "1000000h00", "au plus 999 999 heures" },
	{ VALUE_HOURS, "2h3", NULL },
	{ VALUE_HOURS, "2h300", NULL },
	{ VALUE_HOURS, "2,5h30", NULL },
	{ VALUE_HOURS, "h30", NULL },
	{ VALUE_HOURS, "h", NULL },
	{ VALUE_HOURS, "1e5", NULL },
	{ VALUE_HOURS, "101 %", NULL },

	{ VALUE_DAYS, "abc", "1 ou 0,5 j" },
	{ VALUE_DAYS, "-1", "négative" },
	{ VALUE_DAYS, "-0,5 j", "négative" },
	{ VALUE_DAYS, "4 h", "en jours : 1 ou 0,5 j" },
	{ VALUE_DAYS, "2 heures", "en jours" },
	{ VALUE_DAYS, "2 semaines", NULL },
	{ VALUE_DAYS, "1e5", NULL },
	{ VALUE_DAYS, "j", NULL },

	{ VALUE_LEVEL, "abc", "n'est pas un nombre" },
	{ VALUE_LEVEL, "-1", "un niveau va de 0 à 5" },
	{ VALUE_LEVEL, "6", "un niveau va de 0 à 5" },
	{ VALUE_LEVEL, "2,5", "un nombre entier est attendu" },
	{ VALUE_LEVEL, "1e5", NULL },
	{ VALUE_LEVEL, "5/3", NULL },
	{ VALUE_LEVEL, "101 %", NULL },
	{ VALUE_LEVEL, "1,000", "ambigu" },

	{ VALUE_TEXT, "a\tb", "contrôle" },
	{ VALUE_TEXT, "a\nb", "contrôle" },
	{ VALUE_TEXT, "a\x1b[31mb", "contrôle" },
	{ VALUE_TEXT, "a\xC2\x85" "b", "contrôle" },
};

/* Every kind refuses these the same way. */
static const struct {
	const char *in, *msg;
} refused_everywhere[] = {
	{ "", "aucune valeur tapée" },
	{ "  ", "aucune valeur tapée" },
	{ "\t\r\n", "aucune valeur tapée" },
	{ "\xff", "UTF-8" },
	{ "oui\xff", "UTF-8" },
	{ "12\xC3", "UTF-8" },
	{ "\xC0\xAF", "UTF-8" },
	{ "1\x01", "contrôle" },
	{ "1\x7f", "contrôle" },
	{ "1\n2", "contrôle" },
};

/* A value that parsing must leave alone. */
static char sentinel_text[] = "sentinelle";

static void fill_sentinel(struct value *v)
{
	v->has_num = true;
	v->has_den = false;
	v->num = -777;
	v->den = -888;
	v->text = sentinel_text;
}

static void assert_refused(enum value_kind kind, const char *in,
			   const char *msg)
{
	struct value v;
	struct err e = { 0 };

	fill_sentinel(&v);
	cr_assert_eq(value_parse(&specs[kind], in, &v, &e), -1,
		     "kind %d « %s » accepted", kind, in);
	cr_assert_eq(e.code, ERR_INPUT, "kind %d « %s »", kind, in);
	cr_assert_neq(e.msg[0], '\0', "kind %d « %s »: no message", kind, in);
	if (msg)
		cr_assert_not_null(strstr(e.msg, msg),
				   "kind %d « %s »: « %s » lacks « %s »", kind,
				   in, e.msg, msg);
	cr_assert(v.has_num && !v.has_den && v.num == -777 && v.den == -888 &&
		  v.text == sentinel_text, "kind %d « %s »: out changed", kind,
		  in);
}

Test(value, refuses_impossible_values_with_a_reason)
{
	for (size_t i = 0; i < N(refused); i++)
		assert_refused(refused[i].kind, refused[i].in, refused[i].msg);
}

Test(value, refuses_empty_invalid_utf8_and_controls_for_every_kind)
{
	for (int k = 0; k < VALUE_KIND_COUNT; k++)
		for (size_t i = 0; i < N(refused_everywhere); i++)
			assert_refused((enum value_kind)k,
				       refused_everywhere[i].in,
				       refused_everywhere[i].msg);
}

Test(value, refuses_text_over_the_limit_and_says_it)
{
	char *s = malloc(3001);

	memset(s, 'a', 3000);
	s[3000] = '\0';
	assert_refused(VALUE_TEXT, s, "2000");
	memset(s, 'a', VALUE_TEXT_MAX + 1);
	s[VALUE_TEXT_MAX + 1] = '\0';
	assert_refused(VALUE_TEXT, s, "2000");
	free(s);
}

Test(value, quotes_long_input_without_cutting_a_character)
{
	char s[400] = "";
	struct value v = { 0 };
	struct err e = { 0 };

	for (int i = 0; i < 60; i++)
		strcat(s, "é");
	cr_assert_eq(value_parse(&specs[VALUE_COUNT], s, &v, &e), -1);
	cr_assert_lt(strlen(e.msg), 120);
	cr_assert_not_null(strstr(e.msg, "éé…"));
}

Test(value, tolerates_a_null_input_and_an_unknown_kind)
{
	struct value_spec bad = { VALUE_KIND_COUNT, 0, 0, NULL };
	struct value v;
	struct err e = { 0 };

	fill_sentinel(&v);
	cr_assert_eq(value_parse(&specs[VALUE_COUNT], NULL, &v, &e), -1);
	cr_assert_eq(value_parse(&bad, "1", &v, &e), -1);
	cr_assert_eq(v.text, sentinel_text);
}

/* ---------------------------------------------------------------- */
/* Formatting */

struct fmt_case {
	struct value_spec spec;
	struct value v;
	const char *shrt, *full;
};

#define NUM(x) { true, false, (x), 0, NULL }
#define FRAC(a, b) { true, true, (a), (b), NULL }

static const struct fmt_case formats[] = {
	{ { VALUE_YES_NO, 0, 0, NULL }, NUM(1), "oui", "oui" },
	{ { VALUE_YES_NO, 0, 0, NULL }, NUM(0), "non", "non" },
	{ { VALUE_COUNT, 0, 0, NULL }, NUM(12), "12", "12" },
	{ { VALUE_COUNT, 0, 0, NULL }, NUM(1200), "1200", "1200" },
	{ { VALUE_COUNT, 0, 0, "demandes" }, NUM(12), "12", "12 demandes" },
	{ { VALUE_PERCENT, 0, 0, "%" }, NUM(12.5), "12,5 %", "12,5 %" },
	{ { VALUE_PERCENT, 0, 0, NULL }, NUM(100), "100 %", "100 %" },
	{ { VALUE_PERCENT, 0, 0, "%" }, NUM(16.6667), "16,67 %",
	  "16,67 %" },
	{ { VALUE_RATIO, 0, 0, NULL }, FRAC(3, 3), "3/3", "3/3" },
	{ { VALUE_RATIO, 0, 0, "projets" }, FRAC(3, 5), "3/5",
	  "3/5 projets" },
	{ { VALUE_WORKLOAD, 0, 0, "j*h" }, FRAC(180, 200), "200/180",
	  "prévu 200, réalisé 180 j*h" },
	{ { VALUE_WORKLOAD, 0, 0, NULL }, FRAC(180, 200), "200/180",
	  "prévu 200, réalisé 180 j*h" },
	{ { VALUE_WORKLOAD, 0, 0, "j*h" }, NUM(180), "180", "180 j*h" },
	{ { VALUE_WORKLOAD, 0, 0, NULL }, NUM(0.5), "0,5", "0,5 j*h" },
	{ { VALUE_HOURS, 0, 0, "h" }, NUM(4), "4", "4 h" },
	{ { VALUE_HOURS, 0, 0, NULL }, NUM(2.5), "2,5", "2,5 h" },
	{ { VALUE_HOURS, 0, 0, "h" }, NUM(1.0 / 3), "0,33", "0,33 h" },
	{ { VALUE_DAYS, 0, 0, "jours ouvrés" }, NUM(1), "1", "1 j" },
	{ { VALUE_DAYS, 0, 0, "jours" }, NUM(0.5), "0,5", "0,5 j" },
	{ { VALUE_LEVEL, 0, 5, NULL }, NUM(3), "3", "3" },
	{ { VALUE_TEXT, 0, 0, NULL }, { false, false, 0, 0, text_delai },
	  "Délai – 1 j", "Délai – 1 j" },
};

Test(value, formats_each_kind_short_and_with_unit)
{
	for (size_t i = 0; i < N(formats); i++) {
		const struct fmt_case *c = &formats[i];
		char buf[64];

		value_format(&c->spec, &c->v, false, buf, sizeof buf);
		cr_assert_str_eq(buf, c->shrt, "case %zu", i);
		value_format(&c->spec, &c->v, true, buf, sizeof buf);
		cr_assert_str_eq(buf, c->full, "case %zu", i);
	}
}

Test(value, formats_an_empty_value_as_nothing)
{
	struct value empty = { 0 };

	for (int k = 0; k < VALUE_KIND_COUNT; k++) {
		char buf[16] = "x", edit[16] = "x";

		value_format(&specs[k], &empty, true, buf, sizeof buf);
		cr_assert_str_eq(buf, "", "kind %d", k);
		value_format(&specs[k], NULL, false, buf, sizeof buf);
		cr_assert_str_eq(buf, "", "kind %d", k);
		value_edit_text(&specs[k], &empty, edit, sizeof edit);
		cr_assert_str_eq(edit, "", "kind %d", k);
	}
}

Test(value, formatting_truncates_to_the_buffer)
{
	struct value v = FRAC(180, 200);
	char buf[8];

	value_format(&specs[VALUE_WORKLOAD], &v, true, buf, sizeof buf);
	cr_assert_eq(strlen(buf), sizeof buf - 1);
	value_format(&specs[VALUE_WORKLOAD], &v, true, buf, 0);
}

/* ---------------------------------------------------------------- */
/* Editing */

static void assert_round_trip(const struct value_spec *s,
			      const struct value *v, const char *what)
{
	char edit[VALUE_TEXT_MAX + 1];
	struct value back;
	struct err e = { 0 };

	value_edit_text(s, v, edit, sizeof edit);
	cr_assert_eq(value_parse(s, edit, &back, &e), 0,
		     "%s: « %s » refused: %s", what, edit, e.msg);
	cr_assert(value_equal(v, &back), "%s: « %s » gives %.17g/%.17g",
		  what, edit, back.num, back.den);
	value_release(&back);
}

Test(value, edit_text_round_trips_for_every_kind)
{
	for (size_t i = 0; i < N(accepted); i++) {
		struct value v;
		struct err e = { 0 };

		cr_assert_eq(value_parse(&specs[accepted[i].kind],
					 accepted[i].in, &v, &e), 0);
		assert_round_trip(&specs[accepted[i].kind], &v,
				  accepted[i].in);
		value_release(&v);
	}
	for (size_t i = 0; i < N(formats); i++)
		assert_round_trip(&formats[i].spec, &formats[i].v, "format");
}

Test(value, edit_text_round_trips_long_text)
{
	char *s = malloc(VALUE_TEXT_MAX + 1);
	struct value v;
	struct err e = { 0 };

	memset(s, 'z', VALUE_TEXT_MAX);
	s[VALUE_TEXT_MAX] = '\0';
	cr_assert_eq(value_parse(&specs[VALUE_TEXT], s, &v, &e), 0);
	assert_round_trip(&specs[VALUE_TEXT], &v, "long text");
	value_release(&v);
	free(s);
}

Test(value, edit_text_keeps_every_typed_decimal)
{
	static const struct {
		enum value_kind kind;
		const char *in, *edit;
	} cases[] = {
		{ VALUE_PERCENT, "12,345 %", "12,345" },
		{ VALUE_PERCENT, "0,1234567", "0,1234567" },
		{ VALUE_WORKLOAD, "200/180 j*h", "200/180" },
		{ VALUE_WORKLOAD, "180", "180" },
		{ VALUE_RATIO, "3 sur 5", "3/5" },
		{ VALUE_HOURS, "2h30", "2,5" },
		{ VALUE_HOURS, "2h20", "2h20" },
		{ VALUE_HOURS, "0h05", "0h05" },
		{ VALUE_HOURS, "999999h59", "999999h59" },
		{ VALUE_DAYS, "0,5 j", "0,5" },
		{ VALUE_YES_NO, "Vrai", "oui" },
		{ VALUE_YES_NO, "n", "non" },
		{ VALUE_COUNT, "1 200", "1200" },
	};

	for (size_t i = 0; i < N(cases); i++) {
		struct value v;
		struct err e = { 0 };
		char edit[64];

		cr_assert_eq(value_parse(&specs[cases[i].kind], cases[i].in,
					 &v, &e), 0, "« %s »", cases[i].in);
		value_edit_text(&specs[cases[i].kind], &v, edit, sizeof edit);
		cr_assert_str_eq(edit, cases[i].edit);
		assert_round_trip(&specs[cases[i].kind], &v, cases[i].in);
		value_release(&v);
	}
}

/* Found by fuzzing (tests/fuzz/regressions/fuzz_value/decimals-16): a
 * percentage typed with 23 decimals was accepted and edited as
 * "0,000000000000011", another value. Such input is refused now, and what
 * is accepted at the limit edits back to itself. */
Test(value, edit_text_round_trips_at_the_decimals_limit)
{
	const struct value_spec *pc = &specs[VALUE_PERCENT];
	struct value v = NUM(7);
	struct err e = { 0 };

	cr_assert_eq(value_parse(pc, "0,00000000000001111111110000 %", &v, &e),
		     -1);
	cr_assert_eq(v.num, 7);
	cr_assert_eq(value_parse(pc, "0,000000000000111 %", &v, &e), 0,
		     "%s", e.msg);
	assert_round_trip(pc, &v, "15 decimals");
	value_release(&v);
}

Test(value, edit_text_of_computed_hours_round_trips)
{
	/* a delay computed from timestamps, not typed: 20 minutes */
	struct value v = NUM(1.0 / 3);
	char edit[32];

	value_edit_text(&specs[VALUE_HOURS], &v, edit, sizeof edit);
	cr_assert_str_eq(edit, "0h20");
	assert_round_trip(&specs[VALUE_HOURS], &v, "1/3 h");
}

/* ---------------------------------------------------------------- */
/* Copy, equality, emptiness */

Test(value, copies_deeply_and_compares)
{
	struct value a, b, c = NUM(3);
	struct err e = { 0 };

	cr_assert_eq(value_parse(&specs[VALUE_TEXT], "texte", &a, &e), 0);
	value_copy(&b, &a);
	cr_assert_neq(a.text, b.text);
	cr_assert(value_equal(&a, &b));
	b.text[0] = 'T';
	cr_assert_not(value_equal(&a, &b));
	cr_assert_not(value_equal(&a, &c));
	value_release(&a);
	value_release(&b);
	cr_assert(value_empty(&a));
	cr_assert_null(a.text);
	value_release(&a);
	value_release(NULL);

	struct value r1 = FRAC(3, 5), r2 = FRAC(3, 5), r3 = FRAC(3, 4);
	struct value n3 = NUM(3);

	cr_assert(value_equal(&r1, &r2));
	cr_assert_not(value_equal(&r1, &r3));
	cr_assert_not(value_equal(&r1, &n3));
	value_copy(&r1, &r1);
	cr_assert(value_equal(&r1, &r2));
}

Test(value, knows_an_empty_value)
{
	struct value empty = { 0 }, blank = { false, false, 0, 0, text_blank };
	struct value zero = NUM(0);

	cr_assert(value_empty(NULL));
	cr_assert(value_empty(&empty));
	cr_assert(value_empty(&blank));
	cr_assert_not(value_empty(&zero));
}

/* ---------------------------------------------------------------- */
/* Scalars, status, outliers */

Test(value, gives_the_scalar_each_kind_is_compared_by)
{
	static const struct {
		enum value_kind kind;
		struct value v;
		bool ok;
		double want;
	} cases[] = {
		{ VALUE_YES_NO, NUM(1), true, 1 },
		{ VALUE_YES_NO, NUM(0), true, 0 },
		{ VALUE_COUNT, NUM(12), true, 12 },
		{ VALUE_PERCENT, NUM(12.5), true, 12.5 },
		{ VALUE_RATIO, FRAC(3, 4), true, 0.75 },
		{ VALUE_RATIO, NUM(3), false, 0 },
		{ VALUE_RATIO, FRAC(3, 0), false, 0 },
		{ VALUE_WORKLOAD, FRAC(180, 200), true, 0.9 },
		{ VALUE_WORKLOAD, NUM(180), true, 180 },
		{ VALUE_WORKLOAD, FRAC(180, 0), false, 0 },
		{ VALUE_HOURS, NUM(2.5), true, 2.5 },
		{ VALUE_DAYS, NUM(0.5), true, 0.5 },
		{ VALUE_LEVEL, NUM(3), true, 3 },
		{ VALUE_TEXT, { false, false, 0, 0, text_x }, false, 0 },
		{ VALUE_COUNT, { false, false, 0, 0, NULL }, false, 0 },
	};

	for (size_t i = 0; i < N(cases); i++) {
		double x = -1;

		cr_assert_eq(value_scalar(&specs[cases[i].kind], &cases[i].v,
					  &x), cases[i].ok, "case %zu", i);
		if (cases[i].ok)
			cr_assert(fabs(x - cases[i].want) < 1e-9,
				  "case %zu: %g", i, x);
	}
}

struct status_case {
	enum value_kind kind;
	enum better better;
	const char *v, *target;	/* typed; NULL: none */
	bool due;
	enum value_status want;
};

static const struct status_case statuses[] = {
	/* nothing entered */
	{ VALUE_COUNT, BETTER_HIGHER, NULL, "10", true, STATUS_MISSING },
	{ VALUE_COUNT, BETTER_HIGHER, NULL, "10", false, STATUS_NOT_DUE },
	{ VALUE_TEXT, BETTER_NONE, NULL, NULL, true, STATUS_MISSING },
	{ VALUE_YES_NO, BETTER_YES, NULL, NULL, false, STATUS_NOT_DUE },
	/* higher is better */
	{ VALUE_COUNT, BETTER_HIGHER, "12", "10", true, STATUS_MET },
	{ VALUE_COUNT, BETTER_HIGHER, "10", "10", true, STATUS_MET },
	{ VALUE_COUNT, BETTER_HIGHER, "9", "10", true, STATUS_MISSED },
	{ VALUE_COUNT, BETTER_HIGHER, "9", NULL, true, STATUS_NO_TARGET },
	{ VALUE_COUNT, BETTER_HIGHER, "12", "10", false, STATUS_MET },
	{ VALUE_PERCENT, BETTER_HIGHER, "16,7 %", "16,7", true, STATUS_MET },
	{ VALUE_PERCENT, BETTER_HIGHER, "16,6", "16,7", true, STATUS_MISSED },
	{ VALUE_RATIO, BETTER_HIGHER, "3/3", "3/3", true, STATUS_MET },
	{ VALUE_RATIO, BETTER_HIGHER, "6/6", "3/3", true, STATUS_MET },
	{ VALUE_RATIO, BETTER_HIGHER, "3/4", "3/3", true, STATUS_MISSED },
	{ VALUE_LEVEL, BETTER_HIGHER, "4", "3", true, STATUS_MET },
	{ VALUE_YES_NO, BETTER_HIGHER, "non", "oui", true, STATUS_MISSED },
	/* workload: rates when both hold planned, else actual loads */
	{ VALUE_WORKLOAD, BETTER_HIGHER, "200/180", "200/200", true,
	  STATUS_MISSED },
	{ VALUE_WORKLOAD, BETTER_HIGHER, "100/100", "200/200", true,
	  STATUS_MET },
	{ VALUE_WORKLOAD, BETTER_HIGHER, "180", "200", true, STATUS_MISSED },
	{ VALUE_WORKLOAD, BETTER_HIGHER, "200/210", "200", true, STATUS_MET },
	{ VALUE_WORKLOAD, BETTER_HIGHER, "190", "200/200", true,
	  STATUS_MISSED },
	/* lower is better */
	{ VALUE_HOURS, BETTER_LOWER, "4 h", "8", true, STATUS_MET },
	{ VALUE_HOURS, BETTER_LOWER, "8", "8 h", true, STATUS_MET },
	{ VALUE_HOURS, BETTER_LOWER, "8h30", "8", true, STATUS_MISSED },
	{ VALUE_DAYS, BETTER_LOWER, "1 j", "1", true, STATUS_MET },
	{ VALUE_DAYS, BETTER_LOWER, "1,5 j", "1", true, STATUS_MISSED },
	{ VALUE_DAYS, BETTER_LOWER, "2", NULL, true, STATUS_NO_TARGET },
	{ VALUE_DAYS, BETTER_LOWER, "2", "", true, STATUS_NO_TARGET },
	/* oui is better, whatever the target */
	{ VALUE_YES_NO, BETTER_YES, "oui", NULL, true, STATUS_MET },
	{ VALUE_YES_NO, BETTER_YES, "oui", "non", true, STATUS_MET },
	{ VALUE_YES_NO, BETTER_YES, "non", "non", true, STATUS_MISSED },
	{ VALUE_YES_NO, BETTER_YES, "non", NULL, false, STATUS_MISSED },
	/* no direction, text */
	{ VALUE_COUNT, BETTER_NONE, "5", "3", true, STATUS_NO_TARGET },
	{ VALUE_TEXT, BETTER_NONE, "8h30 12h", NULL, true,
	  STATUS_NO_TARGET },
	{ VALUE_TEXT, BETTER_HIGHER, "b", "a", true, STATUS_NO_TARGET },
};

static void parse_or_empty(const struct value_spec *s, const char *in,
			   struct value *v)
{
	struct err e = { 0 };

	*v = (struct value){ 0 };
	if (in && *in)
		cr_assert_eq(value_parse(s, in, v, &e), 0, "« %s » : %s", in,
			     e.msg);
}

Test(value, status_follows_the_better_direction)
{
	for (size_t i = 0; i < N(statuses); i++) {
		const struct status_case *c = &statuses[i];
		struct value v, t;

		parse_or_empty(&specs[c->kind], c->v, &v);
		parse_or_empty(&specs[c->kind], c->target, &t);
		cr_assert_eq(value_status(&specs[c->kind], c->better,
					  c->v ? &v : NULL,
					  c->target ? &t : NULL, c->due),
			     c->want, "case %zu (« %s » vs « %s »)", i,
			     c->v ? c->v : "-", c->target ? c->target : "-");
		value_release(&v);
		value_release(&t);
	}
}

Test(value, status_tolerates_rounding)
{
	struct value v = NUM(0.1 + 0.2), t = NUM(0.3);

	cr_assert_eq(value_status(&specs[VALUE_DAYS], BETTER_LOWER, &v, &t,
				  true), STATUS_MET);
	v.num = 0.3;
	t.num = 0.1 + 0.2;
	cr_assert_eq(value_status(&specs[VALUE_DAYS], BETTER_HIGHER, &v, &t,
				  true), STATUS_MET);
}

Test(value, flags_outliers_against_the_history)
{
	static const double hist[] = { 10, 11, 12, 10, 11 };
	static const double flat[] = { 5, 5, 5, 5 };
	static const double big[] = { 100, 101, 99, 100 };
	static const double holes[] = { 10, NAN, 11, INFINITY, 12 };
	const struct value_spec *count = &specs[VALUE_COUNT];
	struct value v = NUM(110), text = { false, false, 0, 0, text_x };

	cr_assert(value_outlier(count, &v, hist, N(hist)));
	v.num = 12;
	cr_assert_not(value_outlier(count, &v, hist, N(hist)));
	v.num = 9;
	cr_assert_not(value_outlier(count, &v, hist, N(hist)));
	/* median 11, spread max(IQR 1, 1,1, 1): more than 3,3 away */
	v.num = 7;
	cr_assert(value_outlier(count, &v, hist, N(hist)));
	/* fewer than 4 earlier values: never */
	v.num = 1000;
	cr_assert_not(value_outlier(count, &v, hist, 3));
	cr_assert_not(value_outlier(count, &v, NULL, 0));
	cr_assert_not(value_outlier(count, &v, holes, N(holes)));
	/* a flat history still allows a spread of 1 */
	v.num = 7;
	cr_assert_not(value_outlier(count, &v, flat, N(flat)));
	v.num = 8.5;
	cr_assert(value_outlier(count, &v, flat, N(flat)));
	/* 10 % of the median: 100 ± 30 is normal, 0 is not */
	v.num = 75;
	cr_assert_not(value_outlier(count, &v, big, N(big)));
	v.num = 0;
	cr_assert(value_outlier(count, &v, big, N(big)));
	/* ratios compare by their fraction */
	struct value r = FRAC(1, 100);
	static const double rates[] = { 0.9, 1, 0.95, 1 };

	cr_assert_not(value_outlier(&specs[VALUE_RATIO], &r, rates,
				    N(rates)));
	cr_assert_not(value_outlier(&specs[VALUE_TEXT], &text, hist,
				    N(hist)));
}

/* ---------------------------------------------------------------- */
/* Periods */

struct period_case {
	const char *in;
	int year, month, quarter;
	const char *key;
};

static const struct period_case period_ok[] = {
	{ "2018-03", 2018, 3, 0, "2018-03" },
	{ "2018-3", 2018, 3, 0, "2018-03" },
	{ "2018-12", 2018, 12, 0, "2018-12" },
	{ "03/2018", 2018, 3, 0, "2018-03" },
	{ "3/2018", 2018, 3, 0, "2018-03" },
	{ "2018-T1", 2018, 0, 1, "2018-T1" },
	{ "2018-t4", 2018, 0, 4, "2018-T4" },
	{ "T1 2018", 2018, 0, 1, "2018-T1" },
	{ "t2 2018", 2018, 0, 2, "2018-T2" },
	{ "T3-2018", 2018, 0, 3, "2018-T3" },
	{ "2018", 2018, 0, 0, "2018" },
	{ " 2018-01 ", 2018, 1, 0, "2018-01" },
	{ "1900", 1900, 0, 0, "1900" },
	{ "2199-T4", 2199, 0, 4, "2199-T4" },
	{ "12/2199", 2199, 12, 0, "2199-12" },
};

static const char *const period_bad[] = {
	"", " ", "18", "218", "20180", "2018-", "2018-13", "2018-0",
	"2018-00", "2018-003", "13/2018", "0/2018", "00/2018", "3/18",
	"2018-T5", "2018-T0", "2018-T", "T5 2018", "T0 2018", "T1", "T12018",
	"T1 18", "2018 T1", "1899", "2200", "1899-12", "T1 2200",
	"2018-03-01", "2018/03", "mars 2018", "abc", "2018-Q1", "-2018",
	"2018-03x",
};

Test(period, parses_every_accepted_form)
{
	for (size_t i = 0; i < N(period_ok); i++) {
		const struct period_case *c = &period_ok[i];
		struct period p = { -1, -1, -1 }, back;
		char key[PERIOD_KEY_LEN];

		cr_assert_eq(period_parse(c->in, &p), 0, "« %s »", c->in);
		cr_assert(p.year == c->year && p.month == c->month &&
			  p.quarter == c->quarter, "« %s » -> %d/%d/%d", c->in,
			  p.year, p.month, p.quarter);
		period_key(p, key);
		cr_assert_str_eq(key, c->key);
		cr_assert_eq(period_parse(key, &back), 0);
		cr_assert_eq(period_cmp(p, back), 0);
	}
}

Test(period, refuses_anything_else_and_leaves_output_untouched)
{
	for (size_t i = 0; i < N(period_bad); i++) {
		struct period p = { 1, 2, 3 };

		cr_assert_eq(period_parse(period_bad[i], &p), -1, "« %s »",
			     period_bad[i]);
		cr_assert(p.year == 1 && p.month == 2 && p.quarter == 3);
	}
}

Test(period, labels_in_french)
{
	static const char *const months[12] = {
		"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre",
		"décembre"
	};
	char buf[32], want[32];

	for (int m = 1; m <= 12; m++) {
		period_label((struct period){ 2018, m, 0 }, buf, sizeof buf);
		snprintf(want, sizeof want, "%s 2018", months[m - 1]);
		cr_assert_str_eq(buf, want);
	}
	period_label((struct period){ 2018, 0, 1 }, buf, sizeof buf);
	cr_assert_str_eq(buf, "T1 2018");
	period_label((struct period){ 2019, 0, 4 }, buf, sizeof buf);
	cr_assert_str_eq(buf, "T4 2019");
	period_label((struct period){ 2018, 0, 0 }, buf, sizeof buf);
	cr_assert_str_eq(buf, "2018");
	period_label((struct period){ 2018, 9, 0 }, buf, 5);
	cr_assert_str_eq(buf, "sept");
}

Test(period, headings_are_short)
{
	static const char *const months[12] = {
		"janv.", "févr.", "mars", "avr.", "mai", "juin",
		"juil.", "août", "sept.", "oct.", "nov.", "déc."
	};
	static const char *const quarters[4] = { "T1", "T2", "T3", "T4" };

	for (int m = 1; m <= 12; m++)
		cr_assert_str_eq(period_heading((struct period){ 2018, m, 0 }),
				 months[m - 1]);
	for (int q = 1; q <= 4; q++)
		cr_assert_str_eq(period_heading((struct period){ 2018, 0, q }),
				 quarters[q - 1]);
	cr_assert_str_eq(period_heading((struct period){ 2018, 0, 0 }),
			 "année");
}

static void assert_span(const char *key, const char *first, const char *last)
{
	struct period p;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	cr_assert_eq(period_parse(key, &p), 0, "%s", key);
	date_format_iso(period_first_day(p), a);
	date_format_iso(period_last_day(p), b);
	cr_assert_str_eq(a, first, "%s", key);
	cr_assert_str_eq(b, last, "%s", key);
}

Test(period, knows_its_first_and_last_day)
{
	assert_span("2018-01", "2018-01-01", "2018-01-31");
	assert_span("2018-04", "2018-04-01", "2018-04-30");
	assert_span("2018-02", "2018-02-01", "2018-02-28");
	assert_span("2016-02", "2016-02-01", "2016-02-29");
	assert_span("2000-02", "2000-02-01", "2000-02-29");
	assert_span("2100-02", "2100-02-01", "2100-02-28");
	assert_span("2018-12", "2018-12-01", "2018-12-31");
	assert_span("2018-T1", "2018-01-01", "2018-03-31");
	assert_span("2018-T2", "2018-04-01", "2018-06-30");
	assert_span("2018-T3", "2018-07-01", "2018-09-30");
	assert_span("2018-T4", "2018-10-01", "2018-12-31");
	assert_span("2018", "2018-01-01", "2018-12-31");
}

static void assert_containing(enum periodicity per, const char *day,
			      const char *want)
{
	struct date d;
	char key[PERIOD_KEY_LEN];

	cr_assert_eq(date_parse(day, &d), 0);
	period_key(period_containing(per, d), key);
	cr_assert_str_eq(key, want, "%d %s", per, day);
}

Test(period, finds_the_period_containing_a_day)
{
	assert_containing(PERIOD_MONTHLY, "2018-03-15", "2018-03");
	assert_containing(PERIOD_MONTHLY, "2016-02-29", "2016-02");
	assert_containing(PERIOD_MONTHLY, "2018-12-31", "2018-12");
	assert_containing(PERIOD_QUARTERLY, "2018-01-01", "2018-T1");
	assert_containing(PERIOD_QUARTERLY, "2018-03-31", "2018-T1");
	assert_containing(PERIOD_QUARTERLY, "2018-04-01", "2018-T2");
	assert_containing(PERIOD_QUARTERLY, "2018-09-30", "2018-T3");
	assert_containing(PERIOD_QUARTERLY, "2018-12-31", "2018-T4");
	assert_containing(PERIOD_ANNUAL, "2018-07-14", "2018");
	assert_containing(PERIOD_MONTHLY_OR_QUARTERLY, "2018-05-02",
			  "2018-05");
}

Test(period, steps_back_across_years)
{
	static const struct {
		const char *from, *want;
	} cases[] = {
		{ "2018-03", "2018-02" }, { "2018-01", "2017-12" },
		{ "2018-12", "2018-11" }, { "2018-T3", "2018-T2" },
		{ "2018-T1", "2017-T4" }, { "2018", "2017" },
		{ "2000-01", "1999-12" },
	};

	for (size_t i = 0; i < N(cases); i++) {
		struct period p;
		char key[PERIOD_KEY_LEN];

		cr_assert_eq(period_parse(cases[i].from, &p), 0);
		period_key(period_prev(p), key);
		cr_assert_str_eq(key, cases[i].want);
	}
}

static struct period P(const char *s)
{
	struct period p = { 0, 0, 0 };

	cr_assert_eq(period_parse(s, &p), 0, "%s", s);
	return p;
}

Test(period, steps_forward_across_years)
{
	static const struct {
		const char *from, *want;
	} cases[] = {
		{ "2018-02", "2018-03" }, { "2017-12", "2018-01" },
		{ "2018-T2", "2018-T3" }, { "2017-T4", "2018-T1" },
		{ "2017", "2018" }, { "1999-12", "2000-01" },
	};

	for (size_t i = 0; i < N(cases); i++) {
		char key[PERIOD_KEY_LEN];

		period_key(period_next(P(cases[i].from)), key);
		cr_assert_str_eq(key, cases[i].want);
	}
}

Test(period, ranges_read_as_a_person_reads_them)
{
	static const struct {
		const char *periods[16];
		const char *want;
	} cases[] = {
		{ { NULL }, "" },
		{ { "2019-09" }, "sept. 2019" },
		{ { "2019-03", "2019-04", "2019-05", "2019-09" },
		  "mars – mai 2019, sept. 2019" },
		{ { "2017-03", "2017-04", "2017-05", "2017-06", "2017-07",
		    "2017-08", "2017-09", "2017-10", "2017-11", "2017-12",
		    "2018-01" }, "mars 2017 – janv. 2018" },
		{ { "2025-06", "2025-08" }, "juin 2025, août 2025" },
		{ { "2025-06", "2025-07" }, "juin – juil. 2025" },
		{ { "2018-T4", "2019-T1" }, "T4 2018 – T1 2019" },
		{ { "2019-T1", "2019-T2", "2019-T4" }, "T1 – T2 2019, T4 2019" },
		{ { "2017", "2018", "2019", "2021" }, "2017 – 2019, 2021" },
		{ { "2020" }, "2020" },
	};

	for (size_t i = 0; i < N(cases); i++) {
		struct period v[16];
		size_t n = 0;
		char *got;

		while (cases[i].periods[n]) {
			v[n] = P(cases[i].periods[n]);
			n++;
		}
		got = period_ranges(v, n);
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
		free(got);
	}
}

Test(period, orders_by_first_day_then_length)
{
	/* month < quarter < year when they start the same day */
	cr_assert_lt(period_cmp(P("2018-01"), P("2018-T1")), 0);
	cr_assert_lt(period_cmp(P("2018-T1"), P("2018")), 0);
	cr_assert_gt(period_cmp(P("2018"), P("2018-01")), 0);
	cr_assert_eq(period_cmp(P("2018-03"), P("03/2018")), 0);
	cr_assert_eq(period_cmp(P("T1 2018"), P("2018-t1")), 0);
	cr_assert_lt(period_cmp(P("2017-12"), P("2018-01")), 0);
	cr_assert_lt(period_cmp(P("2017-T4"), P("2018-T1")), 0);
	cr_assert_lt(period_cmp(P("2017"), P("2017-02")), 0);
}

Test(period, sorted_list_is_consistent)
{
	/* in period_cmp order: by first day, then month, quarter, year */
	static const char *const sorted[] = {
		"2017", "2017-T4", "2017-12", "2018-01", "2018-T1", "2018",
		"2018-02", "2018-03", "2018-04", "2018-T2", "2018-12",
		"2019-T1",
	};

	for (size_t i = 0; i < N(sorted); i++)
		for (size_t j = 0; j < N(sorted); j++) {
			int c = period_cmp(P(sorted[i]), P(sorted[j]));

			if (i < j)
				cr_assert_lt(c, 0, "%s < %s", sorted[i],
					     sorted[j]);
			else if (i > j)
				cr_assert_gt(c, 0, "%s > %s", sorted[i],
					     sorted[j]);
			else
				cr_assert_eq(c, 0);
		}
}

/* "Sans objet": for every kind, typed in its usual spellings; shown
 * short in a cell and whole elsewhere; edited back as itself; never
 * missing, never judged, not a number. */
Test(value, sans_objet_for_every_kind)
{
	static const char *const spellings[] = {
		"s/o", "S/O", "so", "s.o.", " sans objet ", "Sans Objet",
		"SANS-OBJET", "sans  objet",
	};

	for (int k = 0; k < VALUE_KIND_COUNT; k++) {
		for (size_t i = 0; i < N(spellings); i++) {
			struct value v, back, t;
			struct err e = { 0 };
			char buf[64];
			double x;

			cr_assert_eq(value_parse(&specs[k], spellings[i], &v, &e),
				     0, "kind %d « %s »: %s", k, spellings[i],
				     e.msg);
			cr_assert(value_not_applicable(&v), "kind %d « %s »", k,
				  spellings[i]);
			cr_assert_not(value_empty(&v));
			value_format(&specs[k], &v, false, buf, sizeof buf);
			cr_assert_str_eq(buf, "s/o");
			value_format(&specs[k], &v, true, buf, sizeof buf);
			cr_assert_str_eq(buf, "sans objet");
			value_edit_text(&specs[k], &v, buf, sizeof buf);
			cr_assert_eq(value_parse(&specs[k], buf, &back, &e), 0);
			cr_assert(value_equal(&v, &back), "kind %d", k);
			cr_assert_not(value_scalar(&specs[k], &v, &x));
			parse_or_empty(&specs[k], k == VALUE_YES_NO ? "oui"
					       : k == VALUE_TEXT ? "x"
					       : k == VALUE_RATIO ? "1/2" : "1",
				       &t);
			cr_assert_eq(value_status(&specs[k], BETTER_LOWER, &v,
						  &t, true),
				     STATUS_NOT_APPLICABLE);
			cr_assert_eq(value_status(&specs[k], BETTER_LOWER, &v,
						  NULL, false),
				     STATUS_NOT_APPLICABLE);
			value_release(&v);
			value_release(&back);
			value_release(&t);
		}
	}
	/* not mistaken for it */
	{
		struct value v;
		struct err e = { 0 };

		cr_assert_eq(value_parse(&specs[VALUE_TEXT], "sans objet précis",
					 &v, &e), 0);
		cr_assert_not(value_not_applicable(&v));
		value_release(&v);
		cr_assert_eq(value_parse(&specs[VALUE_COUNT], "s", &v, &e), -1);
		cr_assert_eq(value_parse(&specs[VALUE_COUNT], "sans", &v, &e),
			     -1);
	}
}
