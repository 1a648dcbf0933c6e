#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "suivi/number.h"

struct ok_case {
	const char *in;
	double want;
};

static const struct ok_case accepted[] = {
	{ "0", 0 }, { "12", 12 }, { "12,5", 12.5 }, { "12.5", 12.5 },
	{ "-3", -3 }, { "+4", 4 }, { " 7 ", 7 }, { "1 234,56", 1234.56 },
	{ "1\xC2\xA0" "234", 1234 }, { "1\xE2\x80\xAF" "234,5", 1234.5 },
	{ "12 345 678", 12345678 }, { "08", 8 }, { "0,5", 0.5 },
	{ "0.25", 0.25 }, { "-0", 0 }, { "1234.56", 1234.56 },
};

static const char *const refused[] = {
	"", " ", "abc", "12a", "1,2,3", "1.2.3", ",5", "5,", "1 23",
	"12 3456", "1234 567", "--1", "+", "1e5", "inf", "nan", "0x10",
	"12 %", "1 000,", "9999999999999999",
};

Test(number, parses_french_and_international_forms)
{
	for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
		double v = -999;

		cr_assert_eq(number_parse(accepted[i].in, &v), 0, "« %s »",
			     accepted[i].in);
		cr_assert(fabs(v - accepted[i].want) < 1e-9, "« %s » -> %g",
			  accepted[i].in, v);
	}
}

Test(number, refuses_malformed_input_and_leaves_output_untouched)
{
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		double v = 42;

		cr_assert_eq(number_parse(refused[i], &v), -1, "« %s »",
			     refused[i]);
		cr_assert_eq(v, 42);
	}
}

/* Found by fuzzing (tests/fuzz/regressions/fuzz_value/decimals-16): more
 * than 15 decimals were accepted, and no text of 15 decimals gives such a
 * number back, so the editor showed another value than the one typed. */
Test(number, refuses_a_significant_digit_past_15_decimals)
{
	static const char *const refused16[] = {
		"0,0000000000000001",
		"000000000000000000000000000000000000.00000000000001111111110000",
		"1,1234567890123456",
	};
	static const struct ok_case ok[] = {
		{ "0,000000000000001", 1e-15 },
		{ "0,100000000000000", 0.1 },
		{ "0,123456789012345", 0.123456789012345 },
	};

	for (size_t i = 0; i < sizeof refused16 / sizeof refused16[0]; i++) {
		double v = 42;

		cr_assert_eq(number_parse(refused16[i], &v), -1, "« %s »",
			     refused16[i]);
		cr_assert_eq(v, 42);
	}
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		double v = 42;

		cr_assert_eq(number_parse(ok[i].in, &v), 0, "« %s »", ok[i].in);
		cr_assert(fabs(v - ok[i].want) < 1e-18, "« %s » -> %.17g",
			  ok[i].in, v);
	}
}

Test(number, parses_unsigned_with_leading_zeros_and_bounds)
{
	unsigned long v;

	cr_assert_eq(number_parse_uint("08", 100, &v), 0);
	cr_assert_eq(v, 8);
	cr_assert_eq(number_parse_uint("101", 100, &v), -1);
	cr_assert_eq(number_parse_uint("", 100, &v), -1);
	cr_assert_eq(number_parse_uint("1a", 100, &v), -1);
	cr_assert_eq(number_parse_uint("99999999999999999999999", 1000, &v), -1);
}

Test(number, formats_with_decimal_comma)
{
	char buf[32];

	number_format(12.5, 2, buf, sizeof buf);
	cr_assert_str_eq(buf, "12,5");
	number_format(3, 2, buf, sizeof buf);
	cr_assert_str_eq(buf, "3");
	number_format(-0.004, 2, buf, sizeof buf);
	cr_assert_str_eq(buf, "0");
	number_format(-1.25, 1, buf, sizeof buf);
	cr_assert_str_eq(buf, "-1,3");
	number_format(1234567.891, 2, buf, sizeof buf);
	cr_assert_str_eq(buf, "1234567,89");
	number_format(NAN, 2, buf, sizeof buf);
	cr_assert_str_eq(buf, "?");
}

/* The Makefile runs the "locale" suite again under fr_FR.UTF-8 (when the
 * machine has it): strtod would read "1234.56" as 1234 there. */
Test(locale, numbers_do_not_depend_on_lc_numeric)
{
	double v;
	char buf[32];

	setlocale(LC_ALL, "");
	cr_assert_eq(number_parse("1234.56", &v), 0);
	cr_assert(fabs(v - 1234.56) < 1e-9);
	cr_assert_eq(number_parse("1234,56", &v), 0);
	cr_assert(fabs(v - 1234.56) < 1e-9);
	number_format(0.5, 2, buf, sizeof buf);
	cr_assert_str_eq(buf, "0,5");
}

Test(number, formats_euros_the_french_way)
{
	static const struct {
		double v;
		const char *want;
	} cases[] = {
		{ 0, "0\u00a0€" }, { 12000, "12\u00a0000\u00a0€" },
		{ 1234.5, "1\u00a0234,50\u00a0€" }, { 1500.5, "1\u00a0500,50\u00a0€" },
		{ 999, "999\u00a0€" }, { 1234567.89, "1\u00a0234\u00a0567,89\u00a0€" },
		{ -2500, "-2\u00a0500\u00a0€" }, { 0.05, "0,05\u00a0€" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char buf[64];

		number_format_euros(cases[i].v, buf, sizeof buf);
		cr_expect_str_eq(buf, cases[i].want, "%g", cases[i].v);
	}
}

/* Issue 17, 10: a dot or a comma before exactly three digits reads as a
 * decimal mark or a thousands separator alike. */
Test(number, knows_an_ambiguous_thousands_separator)
{
	static const char *const ambiguous[] = {
		"1,500", "1.500", "12,000", "999.999", "-1,500", "+1.000",
		" 1,500 ",
	};
	static const char *const clear[] = {
		"0,500", "0.500", "1,5", "1,50", "1,5000", "1500", "1 500",
		"1000,500", "1 000,500", "1,500,000", "1,500.25", "1,50 0",
		"abc", "", "1,5001", "-0,500",
	};

	for (size_t i = 0; i < sizeof ambiguous / sizeof *ambiguous; i++)
		cr_expect(number_is_ambiguous(ambiguous[i]), "« %s »",
			  ambiguous[i]);
	for (size_t i = 0; i < sizeof clear / sizeof *clear; i++)
		cr_expect(!number_is_ambiguous(clear[i]), "« %s »", clear[i]);
}

struct amount_ok {
	const char *in;
	long long cents;
};

Test(number, parses_amounts_in_cents)
{
	static const struct amount_ok ok[] = {
		{ "0", 0 }, { "12", 1200 }, { "12,5", 1250 }, { "12,50", 1250 },
		{ "12.5", 1250 }, { "0,01", 1 }, { "0,10", 10 }, { "0,500", 50 },
		{ "1,5000", 150 }, { "1234,56", 123456 },
		{ "48 500", 4850000 }, { "48 500,50", 4850050 },
		{ "48\xC2\xA0" "500,50", 4850050 },
		{ "48\xE2\x80\xAF" "500", 4850000 },
		{ "1 500,50 \xE2\x82\xAC", 150050 },
		{ "1500\xE2\x82\xAC", 150000 },
		{ " 7 ", 700 }, { "-0", 0 }, { "1000,000", 100000 },
		{ "999999999999,99", 99999999999999LL },
		{ "0,07", 7 }, { "1,15", 115 }, { "4,35", 435 },
	};

	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		struct err e = { 0 };
		double v = -1;

		cr_assert_eq(number_parse_amount(ok[i].in, "coût estimé", &v,
						 &e), 0, "« %s »: %s", ok[i].in,
			     e.msg);
		cr_assert_eq(llround(v * 100), ok[i].cents, "« %s » -> %.17g",
			     ok[i].in, v);
		/* exactly the cents, as the store checks */
		cr_assert(number_is_cents(v), "« %s » -> %.17g", ok[i].in, v);
		cr_assert_eq(v, (double)ok[i].cents / 100, "« %s »", ok[i].in);
	}
}

struct amount_bad {
	const char *in, *msg;
};

Test(number, refuses_amounts_past_cents_or_ambiguous_with_the_rule)
{
	static const struct amount_bad bad[] = {
		{ "0,0001", "coût estimé « 0,0001 » : au plus deux décimales "
			    "(les centimes)" },
		{ "1,005", "coût estimé « 1,005 » : au plus deux décimales "
			   "(les centimes) ; pour des milliers, écrivez 1005" },
		{ "12,345", "au plus deux décimales" },
		{ "0,001", "au plus deux décimales (les centimes)" },
		{ "1234,567", "au plus deux décimales" },
		{ "1,500", "coût estimé « 1,500 » ambigu (milliers ou "
			   "décimales ?) : écrivez 1500 pour des milliers, "
			   "1,5 pour des décimales" },
		{ "1.500", "écrivez 1500 pour des milliers, 1,5 pour des "
			   "décimales" },
		{ "12,000", "écrivez 12000 pour des milliers, 12 pour des "
			    "décimales" },
		{ "1,500 \xE2\x82\xAC", "ambigu" },
		{ "1.500,25", "« 1.500,25 » : les milliers se séparent par une "
			      "espace ou pas du tout, la virgule est pour les "
			      "centimes : écrivez 1500,25" },
		{ "1,500.25", "écrivez 1500,25" },
		{ "1.500.000", "écrivez 1500000" },
		{ "1,500,000", "écrivez 1500000" },
		{ "-5", "un montant ne peut pas être négatif" },
		{ "-1,50", "négatif" },
		{ "abc", "« abc » illisible : un montant en euros, par exemple "
			 "1 500,50" },
		{ "", "illisible" },
		{ "\xE2\x82\xAC", "illisible" },
		{ "12 €€", "illisible" },
		{ "1e5", "illisible" },
		{ "1.500.5", "illisible" },
		{ "1000000000000", "au plus 999 999 999 999,99 €" },
		{ "12345678901234567", "au plus 999 999 999 999,99 €" },
	};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct err e = { 0 };
		double v = 42;

		cr_assert_eq(number_parse_amount(bad[i].in, "coût estimé", &v,
						 &e), -1, "« %s »", bad[i].in);
		cr_assert_eq(v, 42, "« %s »", bad[i].in);
		cr_assert_eq(e.code, ERR_INPUT, "« %s »", bad[i].in);
		cr_assert_not_null(strstr(e.msg, bad[i].msg),
				   "« %s »: « %s » lacks « %s »", bad[i].in,
				   e.msg, bad[i].msg);
	}
}

Test(number, quotes_a_long_amount_cut_on_a_character)
{
	struct err e = { 0 };
	double v;
	char in[200];

	memset(in, '9', 39);
	snprintf(in + 39, sizeof in - 39, "\xC3\xA9%s", "xxxxxxxxxxxxxxxxxxxxx");
	cr_assert_eq(number_parse_amount(in, "coût", &v, &e), -1);
	cr_assert_not_null(strstr(e.msg, "999999999999999999999999999999999999999…"),
			   "%s", e.msg);
}

Test(number, amounts_format_back_to_the_same_text)
{
	static const char *const texts[] = {
		"0", "0,01", "0,1", "1500,5", "1234,56", "999999999999,99",
		"48500", "4,35",
	};
	char buf[64];

	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct err e = { 0 };
		double v, back;

		cr_assert_eq(number_parse_amount(texts[i], "c", &v, &e), 0,
			     "« %s »", texts[i]);
		number_format_amount(v, buf, sizeof buf);
		cr_expect_str_eq(buf, texts[i]);
		cr_assert_eq(number_parse_amount(buf, "c", &back, &e), 0);
		cr_assert_eq(back, v, "« %s »", texts[i]);
	}
	/* stored before cents were the rule: not rounded on the way out */
	number_format_amount(0.0001, buf, sizeof buf);
	cr_expect_str_eq(buf, "0,0001");
	number_format_amount(1.005, buf, sizeof buf);
	cr_expect_str_eq(buf, "1,005");
	cr_assert(!number_is_cents(0.0001));
	cr_assert(!number_is_cents(NAN));
	cr_assert(number_is_cents(1500.5));
}
