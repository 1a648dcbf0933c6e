/*
 * The agenda of a meeting split in two (issue 18): the rows the store
 * reads with SQL of its own (src/store/agenda.c, store_agenda.h), typed;
 * what they mean, in French (src/model/agenda.c, agenda.h). The agenda's
 * whole behaviour on seeded data: test_meeting.c.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/agenda.h"
#include "suivi/meeting.h"
#include "suivi/store.h"
#include "suivi/store_agenda.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_meeting.h"
#include "suivi/store_request.h"

static struct store *st;
static char *db;
static char contract[STORE_UID_LEN], nsi[STORE_UID_LEN];
static char m0[STORE_UID_LEN], m1[STORE_UID_LEN];

static void meeting(enum meeting_kind kind, const char *date,
		    char uid[STORE_UID_LEN])
{
	struct meeting_input in = { kind, date, "Salle", NULL };
	struct err e;

	cr_assert_eq(store_meeting_create(st, contract, &in, uid, &e), 0, "%s",
		     e.msg);
}

static void request(const char *received, const char *ack,
		    const char *resolved, const char *object)
{
	struct request_input in = { 0 };
	struct err e;

	in.kind = REQUEST_ORDINARY;
	in.form = "email";
	in.domain_uid = nsi;
	in.nature = "incident";
	in.object = object;
	in.received_at = received;
	in.acknowledged_at = ack;
	in.resolved_at = resolved;
	cr_assert_eq(store_request_add(st, contract, &in, NULL, &e), 0, "%s",
		     e.msg);
}

static void setup(void)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	db = t_path("agenda.db");
	cr_assert_eq(store_open(db, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	t_import(st, "tests/fixtures/test-contrat.ini");
	store_set_author(st, "Référent test");
	cr_assert_eq(store_contract_find(st, "test-2020", contract, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_domain_uid(st, contract, "nsi", nsi, &e), 0, "%s",
		     e.msg);
	meeting(MEETING_FOLLOW_UP, "2025-10-15", m0);
	meeting(MEETING_FOLLOW_UP, "2026-01-15", m1);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	free(db);
	db = NULL;
}

TestSuite(agenda, .init = setup, .fini = teardown);

Test(agenda, window_from_the_previous_meeting_to_this_one)
{
	struct agenda_window w;
	struct err e;

	cr_assert_eq(store_agenda_window(st, m1, &w, &e), 0, "%s", e.msg);
	cr_expect_str_eq(w.from, "2025-10-15");
	cr_expect_str_eq(w.to, "2026-01-15");
	cr_expect_eq(w.dfrom.year, 2025);
	cr_expect_eq(w.dfrom.month, 10);
	cr_expect_eq(w.dto.day, 15);
	cr_expect_str_eq(w.contract_uid, contract);
	cr_expect_not(w.is_launch);
	cr_expect_eq(store_agenda_window(st, "0123456789abcdef0123456789abcdef",
					 &w, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect(strstr(e.msg, "réunion inconnue"), "%s", e.msg);
}

Test(agenda, requests_of_the_window_as_typed_times)
{
	struct agenda_window w;
	struct agenda_request *r;
	size_t n;
	struct err e;

	request("2026-01-05T09:00", NULL, NULL, "Imprimante");
	/* before the window, still open at its start */
	request("2025-06-02T09:00", "2025-06-02T10:00", NULL, "Réseau");
	/* before the window and resolved before it: never read */
	request("2025-05-05T09:00", "2025-05-05T10:00", "2025-05-06T09:00",
		"Ancienne");
	/* after the meeting's day */
	request("2026-01-16T09:00", NULL, NULL, "Plus tard");
	cr_assert_eq(store_agenda_window(st, m1, &w, &e), 0, "%s", e.msg);
	cr_assert_eq(store_agenda_requests(st, &w, &r, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(r[0].object, "Réseau");
	cr_expect(r[0].has_received && r[0].has_acknowledged);
	cr_expect_not(r[0].has_resolved || r[0].has_answered ||
		      r[0].has_cancelled);
	cr_expect_eq(r[0].acknowledged.hour, 10);
	cr_expect_str_eq(r[1].object, "Imprimante");
	cr_expect_eq(r[1].received.d.year, 2026);
	cr_expect_eq(r[1].received.d.day, 5);
	cr_expect_eq(r[1].received.hour, 9);
	cr_expect_not(r[1].has_acknowledged);
	store_agenda_requests_free(r, n);
}

Test(agenda, launch_planned_then_held)
{
	struct agenda_window w;
	char launch[STORE_UID_LEN], planned[STORE_UID_LEN],
		on[DATE_ISO_LEN];
	bool held;
	struct err e;

	cr_assert_eq(store_agenda_window(st, m1, &w, &e), 0, "%s", e.msg);
	cr_assert_eq(store_agenda_launch(st, &w, &held, planned, on, &e), 0,
		     "%s", e.msg);
	cr_expect_not(held);
	cr_expect_str_eq(planned, "");
	meeting(MEETING_LAUNCH, "2026-02-01", launch);
	cr_assert_eq(store_agenda_launch(st, &w, &held, planned, on, &e), 0,
		     "%s", e.msg);
	cr_expect_not(held);
	cr_expect_str_eq(planned, launch);
	cr_expect_str_eq(on, "2026-02-01");
}

Test(agenda, disputes_open_on_the_meeting_date)
{
	struct dispute_input d = { "2025-12-01", "Priorités",
				   DISPUTE_SUBSTANCE, NULL, NULL };
	struct agenda_window w;
	char uid[STORE_UID_LEN], (*uids)[STORE_UID_LEN];
	size_t n;
	struct err e;

	cr_assert_eq(store_dispute_open(st, contract, &d, uid, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_agenda_window(st, m1, &w, &e), 0, "%s", e.msg);
	cr_assert_eq(store_agenda_disputes(st, &w, &uids, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(uids[0], uid);
	free(uids);
	/* the earlier meeting's date: not open yet */
	cr_assert_eq(store_agenda_window(st, m0, &w, &e), 0, "%s", e.msg);
	cr_assert_eq(store_agenda_disputes(st, &w, &uids, &n, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(n, 0);
	free(uids);
}

Test(agenda, load_says_it_in_french_in_the_kinds_order)
{
	struct agenda_item *v;
	size_t n;
	struct err e;
	int last = -1;
	const struct agenda_item *line = NULL, *late = NULL;

	request("2026-01-05T09:00", NULL, NULL, "Imprimante <HS>");
	cr_assert_eq(agenda_load(st, m1, "2026-01-20", &v, &n, &e), 0, "%s",
		     e.msg);
	for (size_t i = 0; i < n; i++) {
		cr_expect_geq((int)v[i].kind, last, "item %zu out of order", i);
		last = (int)v[i].kind;
		if (v[i].kind == AGENDA_REQUESTS)
			line = &v[i];
		if (v[i].kind == AGENDA_REQUEST_LATE)
			late = &v[i];
	}
	cr_assert_not_null(line);
	cr_expect_str_eq(line->text, "Saisines depuis le 15/10/2025 : 1 reçue, "
				     "0 résolue ou répondue, 1 en retard");
	cr_expect_eq(line->n_received, 1);
	cr_expect_eq(line->n_late, 1);
	cr_assert_not_null(late);
	cr_expect(late->late);
	cr_expect(!strncmp(late->text, "Saisine « Imprimante <HS> » reçue le "
				       "05/01/2026 : ", 50), "%s", late->text);
	cr_expect_eq(v[0].kind, AGENDA_LAUNCH);
	cr_expect(v[0].late);
	cr_expect_str_eq(agenda_kind_heading[AGENDA_MISSING],
			 "Valeurs attendues et manquantes");
	agenda_free(v, n);
}
