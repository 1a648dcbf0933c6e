#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>

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
