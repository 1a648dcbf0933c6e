/*
 * What the référent types about an evaluation's record, read before the
 * store sees it (src/model/evaluation_record.c): the store receives
 * dates, never text (issue 18). The record's rules: test_store_evaluation.c.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "suivi/evaluation_record.h"

Test(evaluation_record, reads_french_and_iso_dates)
{
	struct evaluation_record_input in = { "Revoir", "15/03/2026",
					      " 2026-04-02 " };
	struct evaluation_record_change c;
	struct err e;

	cr_assert_eq(evaluation_record_read(&in, &c, &e), 0, "%s", e.msg);
	cr_expect_str_eq(c.adjustments, "Revoir");
	cr_expect_eq(c.sent, RECORD_DATE_SET);
	cr_expect_eq(c.sent_on.year, 2026);
	cr_expect_eq(c.sent_on.month, 3);
	cr_expect_eq(c.sent_on.day, 15);
	cr_expect_eq(c.presented, RECORD_DATE_SET);
	cr_expect_eq(c.presented_on.month, 4);
	cr_expect_eq(c.presented_on.day, 2);
}

Test(evaluation_record, null_keeps_blank_clears)
{
	struct evaluation_record_input in = { NULL, NULL, "  " };
	struct evaluation_record_change c;
	struct err e;

	cr_assert_eq(evaluation_record_read(&in, &c, &e), 0, "%s", e.msg);
	cr_expect_null(c.adjustments);
	cr_expect_eq(c.sent, RECORD_DATE_KEEP);
	cr_expect_eq(c.presented, RECORD_DATE_CLEAR);
}

Test(evaluation_record, an_unreadable_date_is_said_as_typed)
{
	static const struct {
		struct evaluation_record_input in;
		const char *msg;
	} cases[] = {
		{ { NULL, " 31/02/2026 ", NULL },
		  "date d'envoi à la commune illisible : « 31/02/2026 » "
		  "(attendu JJ/MM/AAAA)" },
		{ { NULL, "01/03/2026", "demain" },
		  "date de présentation aux instances délibératives "
		  "communales illisible : « demain » (attendu JJ/MM/AAAA)" },
		{ { NULL, "2026-13-01", NULL },
		  "date d'envoi à la commune illisible : « 2026-13-01 »" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct evaluation_record_change c;
		struct err e;

		cr_expect_eq(evaluation_record_read(&cases[i].in, &c, &e), -1,
			     "case %zu", i);
		cr_expect_eq(e.code, ERR_INPUT, "case %zu", i);
		cr_expect(!strncmp(e.msg, cases[i].msg, strlen(cases[i].msg)),
			  "case %zu: %s", i, e.msg);
	}
}
