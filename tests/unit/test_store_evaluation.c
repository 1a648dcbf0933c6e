/*
 * What became of a year's evaluation (store_evaluation.h): sent, then
 * presented, and the adjustments proposed; each refusal changes nothing.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/contract_file.h"
#include "suivi/store_contract.h"
#include "suivi/evaluation_record.h"
#include "suivi/store_evaluation.h"

static struct store *open_with_test_contract(char contract[STORE_UID_LEN])
{
	char *db = t_path("e.db"), *path = t_top("tests/fixtures/test-contrat.ini");
	struct store *st;
	struct contract_doc *doc;
	struct diag_list d;
	enum import_outcome outcome;
	struct err e;

	cr_assert_eq(store_open(db, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	store_set_author(st, "Marie Martin");
	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0);
	cr_assert_eq(store_contract_import(st, doc, &outcome, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_contract_find(st, "test-2020", contract, &e), 0);
	contract_doc_free(doc);
	diag_list_release(&d);
	free(db);
	free(path);
	return st;
}

static void expect_refused(struct store *st, const char *contract, int year,
			   const struct evaluation_record_input *in,
			   const char *words)
{
	struct evaluation_record before, after;
	struct err e;

	cr_assert_eq(store_evaluation_record_get(st, contract, year, &before,
						 &e), 0);
	cr_assert_eq(evaluation_record_set(st, contract, year, in,
						 "2026-11-23", &e), -1, "%s",
		     words);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, words), "« %s » not in « %s »", words, e.msg);
	cr_assert_eq(store_evaluation_record_get(st, contract, year, &after,
						 &e), 0);
	cr_expect_eq(before.found, after.found, "nothing written");
	cr_expect((!before.sent_on && !after.sent_on) ||
		  (before.sent_on && after.sent_on &&
		   !strcmp(before.sent_on, after.sent_on)));
	evaluation_record_release(&before);
	evaluation_record_release(&after);
}

Test(store_evaluation, sent_presented_and_adjustments)
{
	char c[STORE_UID_LEN];
	struct store *st = open_with_test_contract(c);
	struct evaluation_record r;
	struct evaluation_record_input in = { 0 };
	struct err e;

	cr_assert_eq(store_evaluation_record_get(st, c, 2025, &r, &e), 0);
	cr_expect_not(r.found, "nothing recorded yet");
	evaluation_record_release(&r);

	in.sent_on = "15/01/2026";
	in.adjustments = "  Revoir la cible de 1.1.2\n(trop basse)  ";
	cr_assert_eq(evaluation_record_set(st, c, 2025, &in, "2026-11-23",
						 &e), 0, "%s", e.msg);
	cr_assert_eq(store_evaluation_record_get(st, c, 2025, &r, &e), 0);
	cr_expect(r.found);
	cr_expect_str_eq(r.sent_on, "2026-01-15");
	cr_expect_null(r.presented_on);
	cr_expect_str_eq(r.adjustments, "Revoir la cible de 1.1.2\n(trop basse)");
	cr_expect_str_eq(r.author, "Marie Martin");
	evaluation_record_release(&r);

	/* a NULL field is left as it is */
	memset(&in, 0, sizeof in);
	in.presented_on = "2026-02-10";
	cr_assert_eq(evaluation_record_set(st, c, 2025, &in, "2026-11-23",
						 &e), 0, "%s", e.msg);
	cr_assert_eq(store_evaluation_record_get(st, c, 2025, &r, &e), 0);
	cr_expect_str_eq(r.sent_on, "2026-01-15");
	cr_expect_str_eq(r.presented_on, "2026-02-10");
	cr_expect_str_eq(r.adjustments, "Revoir la cible de 1.1.2\n(trop basse)");
	evaluation_record_release(&r);

	/* refusals: nothing changes */
	memset(&in, 0, sizeof in);
	in.presented_on = "2026-01-10";
	expect_refused(st, c, 2025, &in, "avant d'être envoyée à la commune");
	in.presented_on = "2027-01-10";
	expect_refused(st, c, 2025, &in, "est à venir");
	in.presented_on = "31/02/2026";
	expect_refused(st, c, 2025, &in, "date de présentation aux instances "
		       "délibératives communales illisible");
	memset(&in, 0, sizeof in);
	in.sent_on = "2024-12-31";
	expect_refused(st, c, 2025, &in, "avant l'année qu'elle évalue");
	in.sent_on = "2020-02-01";
	expect_refused(st, c, 2019, &in, "le contrat commence en 2020");
	memset(&in, 0, sizeof in);
	in.adjustments = "un \x1b[31m code";
	expect_refused(st, c, 2025, &in, "ajustements proposés");
	memset(&in, 0, sizeof in);
	in.sent_on = "";
	expect_refused(st, c, 2025, &in, "donnez d'abord la date d'envoi");

	/* everything cleared: the record goes */
	in.sent_on = "";
	in.presented_on = "";
	in.adjustments = " ";
	cr_assert_eq(evaluation_record_set(st, c, 2025, &in, "2026-11-23",
						 &e), 0, "%s", e.msg);
	cr_assert_eq(store_evaluation_record_get(st, c, 2025, &r, &e), 0);
	cr_expect_not(r.found);
	evaluation_record_release(&r);

	cr_expect_eq(evaluation_record_set(st, "nope", 2025, &in,
						 "2026-11-23", &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	store_close(st);
}
