/*
 * Meetings: the cadence of article 5 (src/core/meeting.c), meetings in
 * the database with their attendees, decisions and carried actions, the
 * validation of values at closing (src/store/meeting.c), the agenda
 * built from the data (src/model/agenda.c, its rows src/store/agenda.c)
 * and the minutes (src/report/minutes.c), on the test contract.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/store_tx.h"
#include "suivi/agenda.h"
#include "suivi/cell.h"
#include "suivi/contract_file.h"
#include "suivi/limits.h"
#include "suivi/meeting.h"
#include "suivi/minutes.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/store_request.h"

/* ------------------------------------------------------------------ */
/* Cadence                                                             */

#define D(y, m, d) ((struct date){ y, m, d })
#define NO_DATES { { 0, 0, 0 } }

static const struct {
	const char *name;
	struct date start;
	struct date fu[4];
	size_t n_fu;
	struct date today;
	struct date want_due;
	bool want_late, want_first_year;
} follow_cases[] = {
	{ "no meeting yet, a month after the start: due today, not late",
	  D(2025, 1, 10), NO_DATES, 0, D(2025, 2, 10), D(2025, 2, 10), false,
	  true },
	{ "no meeting, a month and a day after the start: late",
	  D(2025, 1, 10), NO_DATES, 0, D(2025, 2, 11), D(2025, 2, 10), true,
	  true },
	{ "first year: a month after the last one is on time",
	  D(2025, 1, 10), { D(2025, 2, 5), D(2025, 3, 4) }, 2, D(2025, 4, 4),
	  D(2025, 4, 4), false, true },
	{ "first year: a gap of more than a month is late",
	  D(2025, 1, 10), { D(2025, 3, 4), D(2025, 2, 5) }, 2, D(2025, 4, 5),
	  D(2025, 4, 4), true, true },
	{ "end of the first year, a month after still in it: monthly",
	  D(2025, 1, 10), { D(2025, 12, 10) }, 1, D(2026, 1, 11),
	  D(2026, 1, 10), true, true },
	{ "a month after would leave the first year: quarterly",
	  D(2025, 1, 10), { D(2025, 12, 20) }, 1, D(2026, 3, 1),
	  D(2026, 3, 20), false, false },
	{ "second year: three months after the last one is on time",
	  D(2025, 1, 10), { D(2026, 6, 30) }, 1, D(2026, 9, 30),
	  D(2026, 9, 30), false, false },
	{ "second year: a day more is late",
	  D(2025, 1, 10), { D(2026, 6, 30) }, 1, D(2026, 10, 1),
	  D(2026, 9, 30), true, false },
	{ "a meeting after today does not count",
	  D(2025, 1, 10), { D(2025, 2, 1), D(2025, 3, 20) }, 2, D(2025, 3, 5),
	  D(2025, 3, 1), true, true },
	{ "31 January plus a month is 28 February",
	  D(2025, 1, 31), NO_DATES, 0, D(2025, 2, 20), D(2025, 2, 28), false,
	  true },
	{ "across a year boundary, quarterly",
	  D(2020, 1, 1), { D(2025, 11, 15) }, 1, D(2026, 2, 16),
	  D(2026, 2, 15), true, false },
};

Test(meeting, cadence_is_monthly_the_first_year_then_quarterly)
{
	for (size_t i = 0; i < sizeof follow_cases / sizeof *follow_cases;
	     i++) {
		struct cadence_input in = { 0 };
		struct cadence c;

		in.starts_on = follow_cases[i].start;
		in.follow_ups = follow_cases[i].fu;
		in.n_follow_ups = follow_cases[i].n_fu;
		in.today = follow_cases[i].today;
		meeting_cadence(&in, &c);
		cr_expect_eq(date_cmp(c.next_due, follow_cases[i].want_due), 0,
			     "%s: due %d-%d-%d", follow_cases[i].name,
			     c.next_due.year, c.next_due.month,
			     c.next_due.day);
		cr_expect_eq(c.late, follow_cases[i].want_late, "%s",
			     follow_cases[i].name);
		cr_expect_eq(c.first_year, follow_cases[i].want_first_year,
			     "%s", follow_cases[i].name);
		cr_expect_eq(!!c.follow_up_warning[0], follow_cases[i].want_late,
			     "%s", follow_cases[i].name);
	}
}

Test(meeting, cadence_warns_in_french)
{
	struct cadence_input in = { 0 };
	struct cadence c;

	in.starts_on = D(2025, 1, 10);
	in.today = D(2025, 2, 11);
	meeting_cadence(&in, &c);
	cr_expect_str_eq(c.follow_up_warning, "La réunion de suivi était due "
			 "le 10/02/2025 : la cadence de l'article 5 n'est pas "
			 "tenue");
	cr_expect_str_eq(c.next, "Prochaine réunion de suivi au plus tard le "
			 "10/02/2025");
}

static const struct {
	const char *name;
	struct date mayors[3];
	size_t n;
	struct date today;
	int want_held;
	bool want_possible;
	const char *want;
} mayor_cases[] = {
	{ "one of two, time left", { D(2026, 3, 1) }, 1, D(2026, 11, 29), 1,
	  true, "1 réunion avec les Maires en 2026 sur les 2 prévues par "
	  "l'article 5" },
	{ "two held: nothing to say", { D(2026, 3, 1), D(2026, 9, 1) }, 2,
	  D(2026, 11, 29), 2, true, "" },
	{ "last year's do not count", { D(2025, 6, 1), D(2025, 11, 1) }, 2,
	  D(2026, 1, 5), 0, true, "0 réunion avec les Maires en 2026 sur les "
	  "2 prévues par l'article 5" },
	{ "December with none: the year cannot make it", NO_DATES, 0,
	  D(2026, 12, 15), 0, false, "0 réunion avec les Maires en 2026 sur "
	  "les 2 prévues par l'article 5 : l'année ne permet plus de les "
	  "tenir" },
	{ "November with none: still possible", NO_DATES, 0, D(2026, 11, 2),
	  0, true, "0 réunion avec les Maires en 2026 sur les 2 prévues par "
	  "l'article 5" },
	{ "a meeting planned later this year does not count yet",
	  { D(2026, 2, 1), D(2026, 12, 1) }, 2, D(2026, 11, 2), 1, true,
	  "1 réunion avec les Maires en 2026 sur les 2 prévues par "
	  "l'article 5" },
};

Test(meeting, cadence_counts_the_mayors_meetings_of_the_year)
{
	for (size_t i = 0; i < sizeof mayor_cases / sizeof *mayor_cases; i++) {
		struct cadence_input in = { 0 };
		struct cadence c;

		in.starts_on = D(2020, 1, 1);
		in.mayors = mayor_cases[i].mayors;
		in.n_mayors = mayor_cases[i].n;
		in.today = mayor_cases[i].today;
		meeting_cadence(&in, &c);
		cr_expect_eq(c.mayors_held, mayor_cases[i].want_held, "%s: %d",
			     mayor_cases[i].name, c.mayors_held);
		cr_expect_eq(c.mayors_required, 2);
		cr_expect_eq(c.mayors_possible, mayor_cases[i].want_possible,
			     "%s", mayor_cases[i].name);
		cr_expect_str_eq(c.mayors_warning, mayor_cases[i].want, "%s",
				 mayor_cases[i].name);
	}
}

Test(meeting, vocabularies_spell_codes_and_labels)
{
	static const char *const kinds[] = {
		"réunion de suivi", "réunion avec les Maires",
		"comité numérique communal", "réunion thématique",
		"réunion de lancement", "évaluation annuelle",
	};

	for (int i = 0; i < MEETING_KIND_COUNT; i++)
		cr_expect_str_eq(meeting_kind_vocab[i].label, kinds[i]);
	cr_expect_str_eq(meeting_kind_vocab[MEETING_DIGITAL].db,
			 "digital_committee");
	cr_expect_str_eq(meeting_status_vocab[MEETING_PLANNED].label, "prévue");
	cr_expect_str_eq(meeting_status_vocab[MEETING_CANCELLED].label,
			 "annulée");
	cr_expect_str_eq(action_status_vocab[ACTION_OPEN].label, "à faire");
	cr_expect_str_eq(action_status_vocab[ACTION_DROPPED].label,
			 "abandonnée");
	cr_expect_eq(vocab_from_file(meeting_kind_vocab, MEETING_KIND_COUNT,
				     "suivi"), MEETING_FOLLOW_UP);
}

/* ------------------------------------------------------------------ */
/* The database                                                        */

struct fixture {
	struct store *st;
	char *db;
	char test[STORE_UID_LEN], nsi[STORE_UID_LEN];
};

static void open_store(struct fixture *f)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	f->db = t_path("meeting.db");
	cr_assert_eq(store_open(f->db, STORE_WRITE, &f->st, &e), 0, "%s",
		     e.msg);
	t_import(f->st, "tests/fixtures/test-contrat.ini");
	store_set_author(f->st, "Référent test");
	cr_assert_eq(store_contract_find(f->st, "test-2020", f->test, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->test, "nsi", f->nsi, &e), 0,
		     "%s", e.msg);
}

static void close_store(struct fixture *f)
{
	store_close(f->st);
	free(f->db);
}

static void meeting(struct fixture *f, enum meeting_kind kind,
		    const char *date, char uid[STORE_UID_LEN])
{
	struct meeting_input in = { kind, date, "Salle du conseil", NULL };
	struct err e;

	cr_assert_eq(store_meeting_create(f->st, f->test, &in, uid, &e), 0,
		     "%s", e.msg);
}

static void action(struct fixture *f, const char *meeting_uid,
		   const char *what, const char *owner, const char *due,
		   char uid[STORE_UID_LEN])
{
	struct action_input in = { what, owner, due };
	struct err e;

	cr_assert_eq(store_meeting_add_action(f->st, meeting_uid, &in, uid,
					      &e), 0, "%s", e.msg);
}

static void indicator(struct fixture *f, const char *code, const char *date,
		      char uid[STORE_UID_LEN])
{
	struct err e;

	cr_assert_eq(store_indicator_find(f->st, f->test, "nsi", code, date,
					  uid, &e), 0, "%s", e.msg);
}

static void set_num(struct fixture *f, const char *uid, const char *period,
		    const char *crit, double num)
{
	struct value v = { .has_num = true, .num = num };
	struct err e;

	cr_assert_eq(store_measurement_set(f->st, uid, period, crit, &v,
					   false, NULL, &e), 0, "%s", e.msg);
}

Test(meeting, create_attendees_decisions_and_life)
{
	struct fixture f;
	char m[STORE_UID_LEN], a[STORE_UID_LEN];
	struct meeting got;
	struct meeting_input bad = { MEETING_FOLLOW_UP, "32/13/2026", NULL,
				     NULL };
	struct err e;

	open_store(&f);
	meeting(&f, MEETING_FOLLOW_UP, "15/01/2026", m);
	cr_assert_eq(store_meeting_create(f.st, f.test, &bad, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, "illisible"), "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, m, "M. Service",
		"chef de projet", SIDE_SHARED, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, m, "Mme Commune", "DGS",
		SIDE_COMMUNE, a, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, m, "  ", NULL, -1, NULL,
						&e), -1);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Premier point",
						NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Second point",
						NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_get(f.st, m, "2026-01-15", &got, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(got.kind, MEETING_FOLLOW_UP);
	cr_expect_eq(got.status, MEETING_PLANNED);
	cr_expect_str_eq(got.held_on, "2026-01-15");
	cr_expect_str_eq(got.place, "Salle du conseil");
	cr_assert_eq(got.n_attendees, 2);
	cr_expect_str_eq(got.attendees[0].name, "Mme Commune");
	cr_expect_eq(got.attendees[0].side, SIDE_COMMUNE);
	cr_assert_eq(got.n_decisions, 2);
	cr_expect_eq(got.decisions[1].position, 2);
	cr_expect_str_eq(got.decisions[1].text, "Second point");
	store_meeting_release(&got);

	cr_assert_eq(store_meeting_open(f.st, m, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_open(f.st, m, &e), -1);
	cr_assert_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Trop tard", NULL,
						&e), -1);
	cr_expect(strstr(e.msg, "close"), "%s", e.msg);
	cr_assert_eq(store_meeting_cancel(f.st, m, &e), -1);
	cr_assert_eq(store_meeting_remove_attendee(f.st, a, &e), -1);
	close_store(&f);
}

Test(meeting, actions_are_carried_until_done_and_late_ones_stand_out)
{
	struct fixture f;
	char m0[STORE_UID_LEN], m1[STORE_UID_LEN], m2[STORE_UID_LEN];
	char a1[STORE_UID_LEN], a2[STORE_UID_LEN], a3[STORE_UID_LEN];
	struct meeting got;
	struct meeting_action *open;
	struct meeting *list;
	size_t n;
	struct err e;

	open_store(&f);
	meeting(&f, MEETING_FOLLOW_UP, "2025-10-15", m0);
	action(&f, m0, "Mettre à jour le schéma", "DSI", "30/11/2025", a1);
	action(&f, m0, "Former les agents", "RH", "2026-03-01", a2);
	action(&f, m0, "Inventaire", NULL, NULL, a3);
	cr_assert_eq(store_action_set_status(f.st, a3, ACTION_DONE,
					     "2025-11-02", &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_close(f.st, m0, NULL, &e), 0, "%s", e.msg);
	/* a closed meeting's actions still move on */
	cr_assert_eq(store_action_set_status(f.st, a2, ACTION_IN_PROGRESS,
					     NULL, &e), 0, "%s", e.msg);
	meeting(&f, MEETING_FOLLOW_UP, "2026-01-15", m1);
	meeting(&f, MEETING_MAYORS, "2026-02-10", m2);

	cr_assert_eq(store_meeting_get(f.st, m1, "2026-01-15", &got, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(got.n_actions, 0);
	cr_assert_eq(got.n_carried, 2, "%zu", got.n_carried);
	cr_expect_str_eq(got.carried[0].uid, a1);
	cr_expect(got.carried[0].late);
	cr_expect_str_eq(got.carried[0].due_on, "2025-11-30");
	cr_expect_str_eq(got.carried[1].uid, a2);
	cr_expect_eq(got.carried[1].status, ACTION_IN_PROGRESS);
	cr_expect_not(got.carried[1].late);
	store_meeting_release(&got);

	cr_assert_eq(store_meeting_open_actions(f.st, f.test, "2026-03-02",
						&open, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect(open[0].late && open[1].late);
	store_meeting_actions_free(open, n);

	cr_assert_eq(store_action_set_status(f.st, a1, ACTION_DONE, NULL, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_meeting_open_actions(f.st, f.test, "2026-01-15",
						&open, &n, &e), 0, "%s", e.msg);
	cr_expect_eq(n, 1);
	store_meeting_actions_free(open, n);

	cr_assert_eq(store_meeting_list(f.st, f.test, "2026-01-15", &list, &n,
					&e), 0, "%s", e.msg);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(list[0].uid, m2);	/* newest first */
	cr_expect_str_eq(list[2].uid, m0);
	cr_expect_eq(list[2].n_actions, 3);
	store_meeting_list_free(list, n);

	cr_assert_eq(store_meeting_on(f.st, f.test, "15/01/2026", a3, &e), 0,
		     "%s", e.msg);
	cr_expect_str_eq(a3, m1);
	cr_assert_eq(store_meeting_on(f.st, f.test, "16/01/2026", a3, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	close_store(&f);
}

Test(meeting, cadence_from_the_database)
{
	struct fixture f;
	char m[STORE_UID_LEN];
	struct cadence c;
	struct err e;

	open_store(&f);
	meeting(&f, MEETING_FOLLOW_UP, "2026-06-30", m);
	/* planned only: it does not count */
	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-11-29", &c, &e),
		     0, "%s", e.msg);
	cr_expect_not(c.has_last);
	cr_assert_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);
	meeting(&f, MEETING_MAYORS, "2026-03-01", m);
	cr_assert_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-11-29", &c, &e),
		     0, "%s", e.msg);
	cr_expect(c.has_last);
	cr_expect(c.late);
	cr_expect_str_eq(c.follow_up_warning, "La réunion de suivi était due "
			 "le 30/09/2026 : la cadence de l'article 5 n'est pas "
			 "tenue");
	cr_expect_str_eq(c.mayors_warning, "1 réunion avec les Maires en 2026 "
			 "sur les 2 prévues par l'article 5");
	close_store(&f);
}

Test(meeting, closing_validates_values_and_a_change_needs_a_reason)
{
	struct fixture f;
	char m[STORE_UID_LEN], by[STORE_UID_LEN], ind[STORE_UID_LEN];
	struct measurement_event *h;
	struct value v = { .has_num = true, .num = 5 };
	size_t n, validated = 0;
	bool is;
	struct err e;

	open_store(&f);
	indicator(&f, "1.1.3", "2025-06-01", ind);
	set_num(&f, ind, "2025", "", 2);
	set_num(&f, ind, "2026", "", 3);	/* not ended at the meeting */
	meeting(&f, MEETING_FOLLOW_UP, "2026-01-15", m);
	cr_assert_eq(store_measurement_validated(f.st, ind, "2025", "", by, &is,
						 &e), 0, "%s", e.msg);
	cr_expect_not(is);
	/* provisional: a change needs no reason */
	cr_assert_eq(cell_set(f.st, ind, "2025", "",
		&v, false, NULL, NULL, NULL, &e), 0, "%s", e.msg);
	v.num = 2;
	cr_assert_eq(cell_set(f.st, ind, "2025", "",
		&v, false, NULL, NULL, NULL, &e), 0, "%s", e.msg);

	cr_assert_eq(store_meeting_close(f.st, m, &validated, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(validated, 1);
	cr_assert_eq(store_measurement_validated(f.st, ind, "2025", "", by, &is,
						 &e), 0, "%s", e.msg);
	cr_expect(is);
	cr_expect_str_eq(by, m);
	cr_assert_eq(store_measurement_validated(f.st, ind, "2026", "", by, &is,
						 &e), 0, "%s", e.msg);
	cr_expect_not(is);

	v.num = 4;
	cr_assert_eq(cell_set(f.st, ind, "2025", "",
		&v, false, "   ", NULL, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "cette valeur a été validée en réunion le "
			 "15/01/2026 : donnez la raison du changement");
	cr_assert_eq(cell_set(f.st, ind, "2025", "",
		&v, false, " Audit refait en février ", NULL, NULL, &e), 0, "%s",
		e.msg);

	cr_assert_eq(store_measurement_history(f.st, ind, "2025", "", &h, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 5, "%zu", n);
	cr_expect_str_eq(h[3].action, "validate");
	cr_expect_eq(h[3].value.num, 2);
	cr_expect_str_eq(h[4].action, "set");
	cr_expect_eq(h[4].value.num, 4);
	cr_assert_not_null(h[4].reason);
	cr_expect_str_eq(h[4].reason, "Audit refait en février");
	store_measurement_history_free(h, n);
	/* still validated by that meeting */
	cr_assert_eq(store_measurement_validated(f.st, ind, "2025", "", by, &is,
						 &e), 0, "%s", e.msg);
	cr_expect(is);
	close_store(&f);
}

/* ------------------------------------------------------------------ */
/* The agenda                                                          */

struct seeded {
	struct fixture f;
	char m0[STORE_UID_LEN], m1[STORE_UID_LEN];
	char late_action[STORE_UID_LEN], dispute[STORE_UID_LEN];
	char ind113[STORE_UID_LEN], ind112[STORE_UID_LEN];
};

static void request(struct fixture *f, const char *crit,
		    const char *received, const char *ack,
		    const char *resolved, const char *object)
{
	struct request_input in = { 0 };
	struct err e;

	in.kind = REQUEST_ORDINARY;
	in.form = "email";
	in.domain_uid = f->nsi;
	in.nature = "incident";
	in.criticality = crit;
	in.object = object;
	in.received_at = received;
	in.acknowledged_at = ack;
	in.resolved_at = resolved;
	cr_assert_eq(store_request_add(f->st, f->test, &in, NULL, &e), 0,
		     "%s", e.msg);
}

/* Previous meeting 15/10/2025; this one 15/01/2026: the window ends
 * 2025 (annual), 2025-T4 (1.1.2 followed by quarter). */
static void seed(struct seeded *s)
{
	struct fixture *f = &s->f;
	struct value target = { .has_num = true, .num = 4 };
	struct value yes = { .has_num = true, .num = 1 };
	struct dispute_input d = { "2025-12-01", "Priorités <du> « parc »",
				   DISPUTE_SUBSTANCE, NULL, NULL };
	struct dispute_input old = { "2025-03-01", "Ancien litige",
				     DISPUTE_PROGRAMMING, NULL, NULL };
	char old_uid[STORE_UID_LEN], ind111[STORE_UID_LEN];
	struct err e;

	open_store(f);
	meeting(f, MEETING_FOLLOW_UP, "2025-10-15", s->m0);
	action(f, s->m0, "Mettre à jour le schéma", "DSI", "2025-11-30",
	       s->late_action);
	action(f, s->m0, "Former les agents", "RH", "2026-03-01", NULL);
	cr_assert_eq(store_meeting_close(f->st, s->m0, NULL, &e), 0, "%s",
		     e.msg);
	meeting(f, MEETING_FOLLOW_UP, "2026-01-15", s->m1);

	indicator(f, "1.1.1", "2025-06-01", ind111);
	indicator(f, "1.1.2", "2025-06-01", s->ind112);
	indicator(f, "1.1.3", "2025-06-01", s->ind113);
	cr_assert_eq(store_indicator_set_quarterly(f->st, s->ind112, true, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_measurement_set(f->st, ind111, "2025", "", &yes,
					   false, NULL, &e), 0, "%s", e.msg);
	set_num(f, s->ind113, "2025", "", 2);
	cr_assert_eq(store_target_set(f->st, s->ind113, 2025, "", &target, -1,
				      &e), 0, "%s", e.msg);
	set_num(f, s->ind112, "2025-T4", "critique", 3);
	cr_assert_eq(store_target_set(f->st, s->ind112, 2025, "critique",
				      &target, -1, &e), 0, "%s", e.msg);
	/* majeure: computed from this incident; mineure: missing */
	request(f, "majeure", "2025-11-03T09:00", "2025-11-03T10:00",
		"2025-11-04T09:00", "Panne serveur");
	/* late: neither acknowledged nor resolved (a Monday) */
	request(f, NULL, "2026-01-05T09:00", NULL, NULL, "Imprimante <HS>");
	/* before the window, still open at the meeting: late */
	request(f, NULL, "2025-06-02T09:00", "2025-06-02T10:00", NULL,
		"Réseau lent");
	/* before the window and resolved: not on the agenda */
	request(f, NULL, "2025-05-05T09:00", "2025-05-05T10:00",
		"2025-05-06T09:00", "Ancienne panne");

	cr_assert_eq(store_dispute_open(f->st, f->test, &d, s->dispute, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_open(f->st, f->test, &old, old_uid, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_close(f->st, old_uid, "2025-04-01",
					 "Accord", &e), 0, "%s", e.msg);
}

static size_t count(const struct agenda_item *v, size_t n,
		    enum agenda_kind k)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += v[i].kind == k;
	return c;
}

static const struct agenda_item *first(const struct agenda_item *v,
				       size_t n, enum agenda_kind k)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == k)
			return &v[i];
	return NULL;
}

/* A value typed for a computed indicator that the log does not give is
 * listed apart, with both values, leading to its cell; one the log gives
 * as typed is not. */
Test(meeting, agenda_lists_typed_values_the_log_does_not_give)
{
	struct seeded s;
	struct agenda_item *v;
	const struct agenda_item *it;
	size_t n;
	struct err e;

	seed(&s);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(count(v, n, AGENDA_DISAGREE), 0, "nothing typed over "
		     "the log yet");
	agenda_free(v, n);
	/* majeure, T4 2025: the log gives 24 h; 5 typed */
	set_num(&s.f, s.ind112, "2025-T4", "majeure", 5);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(count(v, n, AGENDA_DISAGREE), 1);
	it = first(v, n, AGENDA_DISAGREE);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->text, "1.1.2 [majeure] Délai de résolution — T4 "
			 "2025 : saisie 5 h, le journal des saisines donne 24 h");
	cr_expect_str_eq(it->indicator_uid, s.ind112);
	cr_expect_str_eq(it->period, "2025-T4");
	cr_expect_str_eq(it->criticality, "majeure");
	cr_expect_str_eq(it->value_text, "5 h");
	cr_expect_str_eq(it->target_text, "24 h");
	agenda_free(v, n);
	/* typed as the log gives it: not listed */
	set_num(&s.f, s.ind112, "2025-T4", "majeure", 24);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(count(v, n, AGENDA_DISAGREE), 0);
	agenda_free(v, n);
	close_store(&s.f);
}

Test(meeting, agenda_is_built_from_the_data_of_the_window)
{
	struct seeded s;
	struct agenda_item *v;
	const struct agenda_item *it;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	size_t n;
	struct err e;

	seed(&s);
	cr_assert_eq(store_meeting_window(s.f.st, s.m1, from, to, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(from, "2025-10-15");
	cr_expect_str_eq(to, "2026-01-15");
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(count(v, n, AGENDA_MISSING), 1);
	it = first(v, n, AGENDA_MISSING);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->indicator_uid, s.ind112);
	cr_expect_str_eq(it->period, "2025-T4");
	cr_expect_str_eq(it->criticality, "mineure");
	cr_expect_str_eq(it->text, "1.1.2 [mineure] Délai de résolution : 1 "
			 "trimestre manquant, T4 2025");
	cr_expect_eq(it->n_periods, 1);
	cr_expect_str_eq(it->periods_text, "T4 2025");

	cr_expect_eq(count(v, n, AGENDA_MISSED), 1);
	it = first(v, n, AGENDA_MISSED);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->indicator_uid, s.ind113);
	cr_expect_str_eq(it->period, "2025");
	cr_expect_str_eq(it->value_text, "2");
	cr_expect_str_eq(it->target_text, "4");
	cr_expect_str_eq(it->text, "1.1.3 Maturité ISO 27001 — 2025 : 2 pour "
			 "une cible de 4");

	/* 1.1.1 oui, 1.1.2 critique 3 h (target 4 h), majeure computed */
	cr_expect_eq(count(v, n, AGENDA_VALUE), 3);
	it = first(v, n, AGENDA_VALUE);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->text, "1.1.1 Schéma numérique à jour — 2025 : oui");

	it = first(v, n, AGENDA_REQUESTS);
	cr_assert_not_null(it);
	cr_expect_eq(it->n_received, 2);
	cr_expect_eq(it->n_closed, 1);
	cr_expect_eq(it->n_late, 2);
	cr_expect_str_eq(it->text, "Saisines depuis le 15/10/2025 : 2 reçues, "
			 "1 résolue ou répondue, 2 en retard");
	cr_expect_eq(count(v, n, AGENDA_REQUEST_LATE), 2);
	it = first(v, n, AGENDA_REQUEST_LATE);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->text, "Saisine « Réseau lent » reçue le "
			 "02/06/2025 : non résolue après 157 jours ouvrés");

	cr_expect_eq(count(v, n, AGENDA_DISPUTE), 1);
	it = first(v, n, AGENDA_DISPUTE);
	cr_expect_str_eq(it->ref_uid, s.dispute);

	cr_expect_eq(count(v, n, AGENDA_ACTION), 2);
	it = first(v, n, AGENDA_ACTION);
	cr_expect_str_eq(it->ref_uid, s.late_action);
	cr_expect(it->late);
	cr_expect_str_eq(it->text, "Action « Mettre à jour le schéma », DSI, "
			 "échéance le 30/11/2025 (réunion du 15/10/2025) : "
			 "à faire, en retard");
	agenda_free(v, n);
	close_store(&s.f);
}

/* ------------------------------------------------------------------ */
/* Minutes                                                             */

static char *minutes_text(struct seeded *s, enum minutes_format fmt)
{
	struct minutes mn;
	struct err e;
	char *path = t_path(fmt == MINUTES_HTML ? "cr.html" : "cr.md");
	FILE *fp = fopen(path, "w");
	char *text;

	cr_assert_not_null(fp);
	cr_assert_eq(minutes_load(s->f.st, s->m1, "2026-01-15", &mn, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(minutes_write(fp, &mn, fmt, &e), 0, "%s", e.msg);
	minutes_release(&mn);
	cr_assert_eq(fclose(fp), 0);
	text = t_read(path, NULL);
	free(path);
	return text;
}

static void seed_minutes(struct seeded *s)
{
	struct err e;
	struct action_input a = { "Relancer \"le\" prestataire & co", "DSI",
				  "2026-02-01" };

	seed(s);
	cr_assert_eq(store_meeting_add_attendee(s->f.st, s->m1, "Mme <Commune>",
		"DGS", SIDE_COMMUNE, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(s->f.st, s->m1, "M. Service",
		"Chef de projet", SIDE_SHARED, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(s->f.st, s->m1,
		"Valider le plan <2026> & suivre", NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_action(s->f.st, s->m1, &a, NULL, &e), 0,
		     "%s", e.msg);
}

Test(meeting, minutes_in_markdown_say_what_was_reviewed)
{
	struct seeded s;
	char *md;

	seed_minutes(&s);
	md = minutes_text(&s, MINUTES_MARKDOWN);
	cr_assert_not_null(md);
	cr_expect(strstr(md, "# Compte rendu — réunion de suivi du 15/01/2026"),
		  "%s", md);
	cr_expect(strstr(md, "Testville"), "%s", md);
	cr_expect(strstr(md, "Salle du conseil"));
	/* Markdown escapes what would make markup (minutes.h) */
	cr_expect(strstr(md, "Mme \\<Commune>"), "%s", md);
	cr_expect(strstr(md, "| nsi/1.1.3 | Maturité ISO 27001 | 2025 | — | 2 "
			 "| 4 |"), "%s", md);
	cr_expect(strstr(md, "2 reçues, 1 résolue ou répondue, 2 en retard"));
	cr_expect(strstr(md, "1. Valider le plan <2026> & suivre"), "%s", md);
	cr_expect(strstr(md, "Relancer \"le\" prestataire & co"));
	cr_expect(strstr(md, "**en retard**"), "%s", md);
	free(md);
	close_store(&s.f);
}

Test(meeting, minutes_in_html_are_self_contained_and_escaped)
{
	struct seeded s;
	char *html;

	seed_minutes(&s);
	html = minutes_text(&s, MINUTES_HTML);
	cr_assert_not_null(html);
	cr_expect(strstr(html, "<!DOCTYPE html>"));
	cr_expect(strstr(html, "<style>"));
	cr_expect_null(strstr(html, "<link"));
	cr_expect_null(strstr(html, "<script"));
	cr_expect_null(strstr(html, "src="));
	cr_expect(strstr(html, "Mme &lt;Commune&gt;"), "%s", html);
	cr_expect_null(strstr(html, "<Commune>"));
	cr_expect(strstr(html, "Valider le plan &lt;2026&gt; &amp; suivre"));
	cr_expect(strstr(html, "Relancer &quot;le&quot; prestataire &amp; co"));
	cr_expect(strstr(html, "Imprimante &lt;HS&gt;"), "%s", html);
	cr_expect(strstr(html, "Priorités &lt;du&gt; « parc »"));
	cr_expect(strstr(html, "class=\"late\""));
	free(html);
	close_store(&s.f);
}

/* ================================================================== */
/* The back end of meetings, case by case: the cadence of article 5     */
/* (src/core/meeting.c), the life of a meeting and its action plan      */
/* (src/store/meeting.c), the validation of the values a meeting        */
/* reviewed, and the agenda built from the data (src/store/agenda.c).   */
/* Its helpers are prefixed mt_ and share nothing with those above.     */

#define MT_D(y, m, d) ((struct date){ (y), (m), (d) })

static void mt_expect_date(struct date got, struct date want,
			   const char *what)
{
	cr_expect(got.year == want.year && got.month == want.month &&
		  got.day == want.day, "%s: %04d-%02d-%02d, want %04d-%02d-%02d",
		  what, got.year, got.month, got.day, want.year, want.month,
		  want.day);
}

/* ------------------------------------------------------------------ */
/* date_add_months and action_is_late                                  */

Test(meeting_cadence, add_months_clamps_the_day_to_the_month)
{
	static const struct {
		struct date from;
		int n;
		struct date want;
	} cases[] = {
		{ MT_D(2025, 1, 31), 1, MT_D(2025, 2, 28) },
		{ MT_D(2024, 1, 31), 1, MT_D(2024, 2, 29) },	/* leap */
		{ MT_D(2000, 1, 31), 1, MT_D(2000, 2, 29) },	/* leap (400) */
		{ MT_D(2100, 1, 31), 1, MT_D(2100, 2, 28) },	/* not (100) */
		{ MT_D(2024, 3, 31), -1, MT_D(2024, 2, 29) },
		{ MT_D(2025, 5, 31), 1, MT_D(2025, 6, 30) },
		{ MT_D(2025, 11, 30), 3, MT_D(2026, 2, 28) },
		{ MT_D(2025, 12, 15), 1, MT_D(2026, 1, 15) },
		{ MT_D(2026, 1, 15), -12, MT_D(2025, 1, 15) },
		{ MT_D(2026, 1, 15), -1, MT_D(2025, 12, 15) },
		{ MT_D(2024, 2, 29), 12, MT_D(2025, 2, 28) },
		{ MT_D(2025, 8, 10), 0, MT_D(2025, 8, 10) },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char what[64];

		snprintf(what, sizeof what, "case %zu", i);
		mt_expect_date(date_add_months(cases[i].from, cases[i].n),
			       cases[i].want, what);
	}
}

Test(meeting_cadence, an_action_is_late_after_its_due_day_until_finished)
{
	struct date due = MT_D(2026, 1, 15);

	cr_expect_not(action_is_late(ACTION_OPEN, &due, MT_D(2026, 1, 15)));
	cr_expect(action_is_late(ACTION_OPEN, &due, MT_D(2026, 1, 16)));
	cr_expect(action_is_late(ACTION_IN_PROGRESS, &due, MT_D(2026, 2, 1)));
	cr_expect_not(action_is_late(ACTION_DONE, &due, MT_D(2026, 2, 1)));
	cr_expect_not(action_is_late(ACTION_DROPPED, &due, MT_D(2026, 2, 1)));
	cr_expect_not(action_is_late(ACTION_OPEN, NULL, MT_D(2099, 1, 1)));
	cr_expect(action_is_finished(ACTION_DONE));
	cr_expect(action_is_finished(ACTION_DROPPED));
	cr_expect_not(action_is_finished(ACTION_OPEN));
	cr_expect_not(action_is_finished(ACTION_IN_PROGRESS));
}

Test(meeting_cadence, vocabularies_give_db_codes_words_and_labels)
{
	static const char *const kind[][3] = {
		{ "follow_up", "suivi", "réunion de suivi" },
		{ "mayors", "maires", "réunion avec les Maires" },
		{ "digital_committee", "numerique", "comité numérique communal" },
		{ "thematic", "thematique", "réunion thématique" },
		{ "launch", "lancement", "réunion de lancement" },
		{ "annual_review", "evaluation", "évaluation annuelle" },
	};
	static const char *const status[][3] = {
		{ "planned", "prevue", "prévue" },
		{ "open", "en-cours", "en cours" },
		{ "closed", "close", "close" },
		{ "cancelled", "annulee", "annulée" },
	};
	static const char *const action[][3] = {
		{ "open", "a-faire", "à faire" },
		{ "in_progress", "en-cours", "en cours" },
		{ "done", "faite", "faite" },
		{ "dropped", "abandonnee", "abandonnée" },
	};

	for (int i = 0; i < MEETING_KIND_COUNT; i++) {
		cr_expect_str_eq(meeting_kind_vocab[i].db, kind[i][0]);
		cr_expect_str_eq(meeting_kind_vocab[i].file, kind[i][1]);
		cr_expect_str_eq(meeting_kind_vocab[i].label, kind[i][2]);
	}
	for (int i = 0; i < MEETING_STATUS_COUNT; i++) {
		cr_expect_str_eq(meeting_status_vocab[i].db, status[i][0]);
		cr_expect_str_eq(meeting_status_vocab[i].file, status[i][1]);
		cr_expect_str_eq(meeting_status_vocab[i].label, status[i][2]);
	}
	for (int i = 0; i < ACTION_STATUS_COUNT; i++) {
		cr_expect_str_eq(action_status_vocab[i].db, action[i][0]);
		cr_expect_str_eq(action_status_vocab[i].file, action[i][1]);
		cr_expect_str_eq(action_status_vocab[i].label, action[i][2]);
	}
}

/* ------------------------------------------------------------------ */
/* meeting_cadence                                                     */

static struct cadence mt_cadence(struct date start, const struct date *fu,
				 size_t n_fu, const struct date *my,
				 size_t n_my, struct date today)
{
	struct cadence_input in = { 0 };
	struct cadence c;

	in.starts_on = start;
	in.follow_ups = fu;
	in.n_follow_ups = n_fu;
	in.mayors = my;
	in.n_mayors = n_my;
	in.today = today;
	memset(&c, 0x5a, sizeof c);	/* meeting_cadence fills it all */
	meeting_cadence(&in, &c);
	return c;
}

Test(meeting_cadence, first_year_is_monthly_from_the_last_meeting)
{
	struct date fu[] = { MT_D(2025, 2, 5), MT_D(2025, 3, 5) };
	struct cadence c = mt_cadence(MT_D(2025, 1, 10), fu, 2, NULL, 0,
				      MT_D(2025, 4, 1));

	cr_expect(c.has_last);
	mt_expect_date(c.last, MT_D(2025, 3, 5), "last");
	mt_expect_date(c.next_due, MT_D(2025, 4, 5), "next due");
	cr_expect(c.first_year);
	cr_expect_not(c.late);
	cr_expect_eq(c.year, 2025);
	cr_expect_str_eq(c.next, "Prochaine réunion de suivi au plus tard le "
			 "05/04/2025");
	cr_expect_str_eq(c.follow_up_warning, "");
}

Test(meeting_cadence, due_today_is_not_late_the_day_after_is)
{
	struct date fu[] = { MT_D(2025, 3, 5) };
	struct cadence c = mt_cadence(MT_D(2025, 1, 10), fu, 1, NULL, 0,
				      MT_D(2025, 4, 5));

	cr_expect_not(c.late);
	cr_expect_str_eq(c.follow_up_warning, "");
	c = mt_cadence(MT_D(2025, 1, 10), fu, 1, NULL, 0, MT_D(2025, 4, 6));
	cr_expect(c.late);
	cr_expect_str_eq(c.follow_up_warning, "La réunion de suivi était due "
			 "le 05/04/2025 : la cadence de l'article 5 n'est pas "
			 "tenue");
	cr_expect_str_eq(c.next, "Prochaine réunion de suivi au plus tard le "
			 "05/04/2025");
}

Test(meeting_cadence, no_meeting_yet_counts_from_the_contract_start)
{
	struct cadence c = mt_cadence(MT_D(2025, 1, 10), NULL, 0, NULL, 0,
				      MT_D(2025, 1, 20));

	cr_expect_not(c.has_last);
	mt_expect_date(c.next_due, MT_D(2025, 2, 10), "next due");
	cr_expect(c.first_year);
	cr_expect_not(c.late);
	c = mt_cadence(MT_D(2025, 1, 10), NULL, 0, NULL, 0, MT_D(2025, 2, 11));
	cr_expect(c.late);
	cr_expect_str_eq(c.follow_up_warning, "La réunion de suivi était due "
			 "le 10/02/2025 : la cadence de l'article 5 n'est pas "
			 "tenue");
	/* the start a month from the end of January: clamped */
	c = mt_cadence(MT_D(2025, 1, 31), NULL, 0, NULL, 0, MT_D(2025, 2, 1));
	mt_expect_date(c.next_due, MT_D(2025, 2, 28), "clamped");
	c = mt_cadence(MT_D(2024, 1, 31), NULL, 0, NULL, 0, MT_D(2024, 2, 1));
	mt_expect_date(c.next_due, MT_D(2024, 2, 29), "clamped, leap");
}

Test(meeting_cadence, meetings_after_today_do_not_count)
{
	struct date fu[] = { MT_D(2025, 5, 2), MT_D(2025, 3, 5),
			     MT_D(2025, 4, 2) };
	struct cadence c = mt_cadence(MT_D(2025, 1, 10), fu, 3, NULL, 0,
				      MT_D(2025, 4, 1));

	cr_expect(c.has_last);
	mt_expect_date(c.last, MT_D(2025, 3, 5), "last held");
	mt_expect_date(c.next_due, MT_D(2025, 4, 5), "next due");
	/* only future ones: as if none */
	c = mt_cadence(MT_D(2025, 1, 10), fu, 1, NULL, 0, MT_D(2025, 4, 1));
	cr_expect_not(c.has_last);
	mt_expect_date(c.next_due, MT_D(2025, 2, 10), "from the start");
	cr_expect(c.late);
	/* a meeting held today counts */
	c = mt_cadence(MT_D(2025, 1, 10), fu, 3, NULL, 0, MT_D(2025, 4, 2));
	mt_expect_date(c.last, MT_D(2025, 4, 2), "held today");
	mt_expect_date(c.next_due, MT_D(2025, 5, 2), "a month after");
}

Test(meeting_cadence, after_the_first_year_quarterly)
{
	struct date fu[] = { MT_D(2024, 5, 31) };
	struct cadence c = mt_cadence(MT_D(2020, 1, 1), fu, 1, NULL, 0,
				      MT_D(2024, 7, 1));

	cr_expect_not(c.first_year);
	mt_expect_date(c.next_due, MT_D(2024, 8, 31), "quarterly");
	cr_expect_not(c.late);
	c = mt_cadence(MT_D(2020, 1, 1), fu, 1, NULL, 0, MT_D(2024, 8, 31));
	cr_expect_not(c.late);
	c = mt_cadence(MT_D(2020, 1, 1), fu, 1, NULL, 0, MT_D(2024, 9, 1));
	cr_expect(c.late);
	cr_expect_str_eq(c.follow_up_warning, "La réunion de suivi était due "
			 "le 31/08/2024 : la cadence de l'article 5 n'est pas "
			 "tenue");
	/* 30 November plus three months: 28 February */
	fu[0] = MT_D(2025, 11, 30);
	c = mt_cadence(MT_D(2020, 1, 1), fu, 1, NULL, 0, MT_D(2026, 1, 5));
	mt_expect_date(c.next_due, MT_D(2026, 2, 28), "clamped quarter");
}

Test(meeting_cadence, end_of_the_first_year_switches_to_quarterly)
{
	/* start 10/01/2025: the first year ends 10/01/2026 */
	struct date fu[] = { MT_D(2025, 12, 10) };
	struct cadence c = mt_cadence(MT_D(2025, 1, 10), fu, 1, NULL, 0,
				      MT_D(2025, 12, 20));

	cr_expect(c.first_year);
	mt_expect_date(c.next_due, MT_D(2026, 1, 10), "last monthly one");
	fu[0] = MT_D(2025, 12, 11);
	c = mt_cadence(MT_D(2025, 1, 10), fu, 1, NULL, 0, MT_D(2025, 12, 20));
	cr_expect_not(c.first_year);
	mt_expect_date(c.next_due, MT_D(2026, 3, 11), "first quarterly one");
	cr_expect_str_eq(c.next, "Prochaine réunion de suivi au plus tard le "
			 "11/03/2026");
	/* no meeting at all during a long-started contract: quarterly
	 * from the start, long late */
	c = mt_cadence(MT_D(2020, 1, 1), NULL, 0, NULL, 0, MT_D(2026, 1, 1));
	cr_expect(c.first_year);
	mt_expect_date(c.next_due, MT_D(2020, 2, 1), "monthly from start");
	cr_expect(c.late);
}

Test(meeting_cadence, mayors_two_a_year_and_whether_the_year_can_make_it)
{
	static const struct {
		struct date held[3];
		size_t n;
		struct date today;
		int want_held;
		bool want_possible;
		const char *want;
	} cases[] = {
		{ { { 0, 0, 0 } }, 0, MT_D(2026, 6, 15), 0, true,
		  "0 réunion avec les Maires en 2026 sur les 2 prévues par "
		  "l'article 5" },
		{ { MT_D(2026, 3, 1) }, 1, MT_D(2026, 6, 15), 1, true,
		  "1 réunion avec les Maires en 2026 sur les 2 prévues par "
		  "l'article 5" },
		{ { MT_D(2026, 3, 1), MT_D(2026, 6, 15) }, 2, MT_D(2026, 6, 15),
		  2, true, "" },
		{ { MT_D(2026, 3, 1), MT_D(2026, 5, 1), MT_D(2026, 6, 1) }, 3,
		  MT_D(2026, 6, 15), 3, true, "" },
		/* last year's and those after today do not count */
		{ { MT_D(2025, 6, 1), MT_D(2025, 11, 1), MT_D(2026, 9, 1) }, 3,
		  MT_D(2026, 6, 15), 0, true,
		  "0 réunion avec les Maires en 2026 sur les 2 prévues par "
		  "l'article 5" },
		/* November: two months left for two meetings */
		{ { { 0, 0, 0 } }, 0, MT_D(2026, 11, 30), 0, true,
		  "0 réunion avec les Maires en 2026 sur les 2 prévues par "
		  "l'article 5" },
		/* December: one month left for two */
		{ { { 0, 0, 0 } }, 0, MT_D(2026, 12, 1), 0, false,
		  "0 réunion avec les Maires en 2026 sur les 2 prévues par "
		  "l'article 5 : l'année ne permet plus de les tenir" },
		{ { MT_D(2026, 4, 1) }, 1, MT_D(2026, 12, 31), 1, true,
		  "1 réunion avec les Maires en 2026 sur les 2 prévues par "
		  "l'article 5" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct cadence c = mt_cadence(MT_D(2020, 1, 1), NULL, 0,
					      cases[i].held, cases[i].n,
					      cases[i].today);

		cr_expect_eq(c.year, cases[i].today.year, "case %zu", i);
		cr_expect_eq(c.mayors_required, 2, "case %zu", i);
		cr_expect_eq(c.mayors_held, cases[i].want_held,
			     "case %zu: %d held", i, c.mayors_held);
		cr_expect_eq(c.mayors_possible, cases[i].want_possible,
			     "case %zu", i);
		cr_expect_str_eq(c.mayors_warning, cases[i].want, "case %zu",
				 i);
	}
}

Test(meeting_cadence, launch_is_reminded_until_held)
{
	struct cadence_input in = { 0 };
	struct cadence c;

	in.starts_on = MT_D(2025, 1, 10);
	in.today = MT_D(2026, 4, 1);
	meeting_cadence(&in, &c);
	cr_expect(c.launch_due);
	cr_expect_str_eq(c.launch_warning, "Réunion de lancement pas encore "
			 "tenue ni prévue (article 5)");
	/* planned: said with its date, still due, however late */
	in.launch_planned = true;
	in.launch_on = MT_D(2026, 5, 12);
	meeting_cadence(&in, &c);
	cr_expect(c.launch_due);
	cr_expect_str_eq(c.launch_warning, "Réunion de lancement pas encore "
			 "tenue : prévue le 12/05/2026");
	/* held: nothing more to say */
	in.launch_held = true;
	meeting_cadence(&in, &c);
	cr_expect_not(c.launch_due);
	cr_expect_str_eq(c.launch_warning, "");
}

/* meeting_cadence_review: the follow-ups due over a period */
static size_t mt_review(struct date start, const struct date *fu, size_t n,
			struct date from, struct date to, struct date today,
			struct cadence_due **out, size_t *missed)
{
	struct cadence_input in = { 0 };

	in.starts_on = start;
	in.follow_ups = fu;
	in.n_follow_ups = n;
	in.today = today;
	return meeting_cadence_review(&in, from, to, out, missed);
}

Test(meeting_cadence, review_lists_each_due_date_kept_or_missed)
{
	/* start 01/01/2025: monthly until 01/01/2026. Held 20/01, 01/02
	 * (before its due 20/02: keeps it), then nothing until 15/05: due
	 * 01/03, 01/04, 01/05 missed, 15/05 keeps the one due 01/06; the
	 * one due 15/06 is missed. */
	struct date fu[] = { MT_D(2025, 5, 15), MT_D(2025, 1, 20),
			     MT_D(2025, 2, 1) };
	struct cadence_due *v;
	size_t missed = 99, n;

	n = mt_review(MT_D(2025, 1, 1), fu, 3, MT_D(2025, 1, 1),
		      MT_D(2025, 6, 30), MT_D(2025, 12, 31), &v, &missed);
	cr_assert_eq(n, 7);
	cr_expect_eq(missed, 4);
	mt_expect_date(v[0].due, MT_D(2025, 2, 1), "first due");
	cr_expect(v[0].kept);
	mt_expect_date(v[0].held, MT_D(2025, 1, 20), "kept by");
	cr_expect(v[0].monthly);
	mt_expect_date(v[1].due, MT_D(2025, 2, 20), "second due");
	mt_expect_date(v[1].held, MT_D(2025, 2, 1), "kept by");
	mt_expect_date(v[2].due, MT_D(2025, 3, 1), "missed");
	cr_expect_not(v[2].kept);
	mt_expect_date(v[3].due, MT_D(2025, 4, 1), "missed");
	mt_expect_date(v[4].due, MT_D(2025, 5, 1), "missed");
	mt_expect_date(v[5].due, MT_D(2025, 6, 1), "kept");
	mt_expect_date(v[5].held, MT_D(2025, 5, 15), "kept by");
	mt_expect_date(v[6].due, MT_D(2025, 6, 15), "missed");
	cr_expect_not(v[6].kept);
	free(v);
}

Test(meeting_cadence, review_turns_quarterly_after_the_first_year)
{
	/* start 15/02/2016, nothing held: monthly dues to 15/02/2017, then
	 * one a quarter; over 2018, four missed ones */
	struct cadence_due *v;
	size_t missed, n;

	n = mt_review(MT_D(2016, 2, 15), NULL, 0, MT_D(2018, 1, 1),
		      MT_D(2018, 12, 31), MT_D(2026, 11, 23), &v, &missed);
	cr_assert_eq(n, 4);
	cr_expect_eq(missed, 4);
	mt_expect_date(v[0].due, MT_D(2018, 2, 15), "Q1");
	cr_expect_not(v[0].monthly);
	mt_expect_date(v[3].due, MT_D(2018, 11, 15), "Q4");
	free(v);
	/* the first year: twelve monthly dues, the last on the first
	 * anniversary */
	n = mt_review(MT_D(2016, 2, 15), NULL, 0, MT_D(2016, 2, 15),
		      MT_D(2017, 2, 14), MT_D(2026, 11, 23), &v, &missed);
	cr_expect_eq(n, 11);
	cr_expect(v[0].monthly);
	mt_expect_date(v[0].due, MT_D(2016, 3, 15), "first");
	mt_expect_date(v[10].due, MT_D(2017, 1, 15), "eleventh");
	free(v);
}

Test(meeting_cadence, review_neither_counts_the_future_nor_due_today)
{
	struct date fu[] = { MT_D(2025, 1, 20), MT_D(2025, 3, 1) };
	struct cadence_due *v;
	size_t missed, n;

	/* today 20/02: the follow-up of 01/03 is not held yet, the one due
	 * on 20/02 is not missed yet */
	n = mt_review(MT_D(2025, 1, 1), fu, 2, MT_D(2025, 1, 1),
		      MT_D(2025, 12, 31), MT_D(2025, 2, 20), &v, &missed);
	cr_expect_eq(n, 1);
	cr_expect_eq(missed, 0);
	free(v);
	/* nothing in the period: none, NULL */
	n = mt_review(MT_D(2025, 1, 1), fu, 2, MT_D(2024, 1, 1),
		      MT_D(2024, 12, 31), MT_D(2025, 2, 20), &v, NULL);
	cr_expect_eq(n, 0);
	cr_expect_null(v);
}

Test(meeting_committees, frequency_as_the_annexes_write_it)
{
	static const struct {
		const char *text;
		int want;
	} cases[] = {
		{ "bi-annuel", 2 }, { "bi−annuel", 2 }, { "Biannuel", 2 },
		{ "annuel à bi-annuel", 1 }, { "semestriel", 2 },
		{ "trimestriel", 4 }, { "Trimestrielle", 4 },
		{ "tous les mois", 12 }, { "mensuel", 12 },
		{ "mensuelle", 12 }, { "bimensuel", 24 }, { "bimestriel", 6 },
		{ "hebdomadaire", 52 }, { "annuel", 1 }, { "ANNUELLE", 1 },
		{ "à la demande", -1 }, { "", -1 }, { NULL, -1 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		cr_expect_eq(committee_frequency_per_year(cases[i].text),
			     cases[i].want, "%s", cases[i].text ? cases[i].text
							       : "NULL");
}

Test(meeting_committees, the_kind_of_meeting_that_records_one)
{
	cr_expect_eq(committee_meeting_kind("Comité numérique communal"),
		     MEETING_DIGITAL);
	cr_expect_eq(committee_meeting_kind("Comité numérique stratégique "
					    "communal"), MEETING_DIGITAL);
	cr_expect_eq(committee_meeting_kind("COMITE NUMERIQUE"),
		     MEETING_DIGITAL);
	cr_expect_eq(committee_meeting_kind("Réunion thématique numérique"),
		     MEETING_THEMATIC);
	cr_expect_eq(committee_meeting_kind("Comité de suivi du contrat "
					    "d'engagement"), MEETING_FOLLOW_UP);
	cr_expect_eq(committee_meeting_kind("Revues des contrats "
					    "d’engagements"), -1);
	cr_expect_eq(committee_meeting_kind("Point d'avancement "
					    "opérationnel"), -1);
	cr_expect_eq(committee_meeting_kind(NULL), -1);
}

/* A comité numérique under the name the annex in force gives it; the
 * other kinds by their labels. */
Test(meeting_committees, a_kind_named_as_the_annex_names_it)
{
	char a[] = "Comité numérique stratégique communal";
	char b[] = "Comité de suivi du contrat d'engagement";
	char c[] = "Revues des contrats d’engagements";
	char *bouscat[] = { a, b };
	char *none[] = { c };
	char *s;

	s = meeting_kind_name(MEETING_DIGITAL, bouscat, 2);
	cr_expect_str_eq(s, "comité numérique stratégique communal");
	free(s);
	s = meeting_kind_name(MEETING_FOLLOW_UP, bouscat, 2);
	cr_expect_str_eq(s, meeting_kind_vocab[MEETING_FOLLOW_UP].label);
	free(s);
	s = meeting_kind_name(MEETING_DIGITAL, none, 1);
	cr_expect_str_eq(s, meeting_kind_vocab[MEETING_DIGITAL].label);
	free(s);
	s = meeting_kind_name(MEETING_DIGITAL, NULL, 0);
	cr_expect_str_eq(s, "comité numérique communal");
	free(s);
}

/* ------------------------------------------------------------------ */
/* A store with the bundled contracts and the test contract             */

struct mt_fx {
	struct store *st;
	char *db;
	char test[STORE_UID_LEN], nsi[STORE_UID_LEN];
	char haillan[STORE_UID_LEN], haillan_nsi[STORE_UID_LEN];
};

static void mt_import_path(struct store *st, const char *path)
{
	struct contract_doc *doc;
	struct diag_list d;
	enum import_outcome outcome;
	struct err e;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s: %s", path,
		     d.n ? d.v[0].msg : "");
	cr_assert_eq(store_begin(st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_contract_import(st, doc, &outcome, &e), 0, "%s: %s",
		     path, e.msg);
	cr_assert_eq(store_commit(st, &e), 0, "%s", e.msg);
	contract_doc_free(doc);
	diag_list_release(&d);
}

static void mt_import(struct store *st, const char *rel)
{
	char *path = t_top(rel);

	mt_import_path(st, path);
	free(path);
}

static const char *const mt_contracts[] = {
	"share/suivi/contrats/le-haillan.ini",
	"tests/fixtures/test-contrat.ini",
	NULL,
};

static void mt_open(struct mt_fx *f)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	f->db = t_path("mt.db");
	f->st = t_store_with("mt.db", mt_contracts);
	store_set_author(f->st, "Référent test");
	cr_assert_eq(store_contract_find(f->st, "test-2020", f->test, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->test, "nsi", f->nsi, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_contract_find(f->st, "Le Haillan", f->haillan, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->haillan, "nsi", f->haillan_nsi,
				      &e), 0, "%s", e.msg);
}

static void mt_close(struct mt_fx *f)
{
	store_close(f->st);
	free(f->db);
}

/* A number from SQL run on a connection of our own (read only). */
static long mt_count(struct mt_fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long n = -1;

	cr_assert_eq(sqlite3_open_v2(f->db, &db, SQLITE_OPEN_READONLY, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK,
		     "%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static void mt_meeting(struct mt_fx *f, const char *contract,
		       enum meeting_kind kind, const char *date,
		       char uid[STORE_UID_LEN])
{
	struct meeting_input in = { kind, date, NULL, NULL };
	struct err e;

	cr_assert_eq(store_meeting_create(f->st, contract, &in, uid, &e), 0,
		     "%s", e.msg);
}

static void mt_closed(struct mt_fx *f, const char *contract,
		      enum meeting_kind kind, const char *date,
		      char uid[STORE_UID_LEN])
{
	struct err e;

	mt_meeting(f, contract, kind, date, uid);
	cr_assert_eq(store_meeting_close(f->st, uid, NULL, &e), 0, "%s",
		     e.msg);
}

static void mt_action(struct mt_fx *f, const char *meeting_uid,
		      const char *what, const char *owner, const char *due,
		      char uid[STORE_UID_LEN])
{
	struct action_input in = { what, owner, due };
	struct err e;

	cr_assert_eq(store_meeting_add_action(f->st, meeting_uid, &in, uid,
					      &e), 0, "%s", e.msg);
}

static void mt_indicator(struct mt_fx *f, const char *code,
			 char uid[STORE_UID_LEN])
{
	struct err e;

	cr_assert_eq(store_indicator_find(f->st, f->test, "nsi", code,
					  "2025-06-01", uid, &e), 0, "%s",
		     e.msg);
}

static void mt_set(struct mt_fx *f, const char *ind, const char *period,
		   const char *crit, double num)
{
	struct value v = { .has_num = true, .num = num };
	struct err e;

	cr_assert_eq(store_measurement_set(f->st, ind, period, crit, &v, false,
					   NULL, &e), 0, "%s", e.msg);
}

/* ------------------------------------------------------------------ */
/* The life of a meeting                                               */

Test(meeting_store, create_refuses_a_bad_or_blank_date_and_writes_nothing)
{
	static const struct {
		const char *date;
		const char *msg;
	} bad[] = {
		{ "32/13/2026", "date de la réunion illisible : « 32/13/2026 » "
		  "(attendu JJ/MM/AAAA ou AAAA-MM-JJ)" },
		{ "2026-02-30", "date de la réunion illisible : « 2026-02-30 » "
		  "(attendu JJ/MM/AAAA ou AAAA-MM-JJ)" },
		{ "", "la date de la réunion est obligatoire" },
		{ "   ", "la date de la réunion est obligatoire" },
		{ NULL, "la date de la réunion est obligatoire" },
	};
	struct mt_fx f;
	char uid[STORE_UID_LEN];
	struct err e;

	mt_open(&f);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct meeting_input in = { MEETING_FOLLOW_UP, bad[i].date,
					    "Mairie", NULL };

		cr_expect_eq(store_meeting_create(f.st, f.test, &in, uid, &e),
			     -1, "case %zu", i);
		cr_expect_eq(e.code, ERR_INPUT, "case %zu", i);
		cr_expect_str_eq(e.msg, bad[i].msg, "case %zu", i);
	}
	{
		struct meeting_input in = { (enum meeting_kind)9, "2026-01-15",
					    NULL, NULL };

		cr_expect_eq(store_meeting_create(f.st, f.test, &in, uid, &e),
			     -1);
		cr_expect_eq(e.code, ERR_INPUT);
		cr_expect_str_eq(e.msg, "type de réunion inconnu");
		in.kind = MEETING_FOLLOW_UP;
		cr_expect_eq(store_meeting_create(f.st, "nope", &in, uid, &e),
			     -1);
		cr_expect_eq(e.code, ERR_NOTFOUND);
	}
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM meeting"), 0);
	mt_close(&f);
}

Test(meeting_store, create_update_and_read_back)
{
	struct mt_fx f;
	char uid[STORE_UID_LEN];
	struct meeting_input in = { MEETING_THEMATIC, "15/01/2026",
				    "  Salle du conseil ", "  " };
	struct meeting_input bad = { MEETING_FOLLOW_UP, "15/15/2026", "Ailleurs",
				     NULL };
	struct meeting m;
	struct err e;

	mt_open(&f);
	cr_assert_eq(store_meeting_create(f.st, f.test, &in, uid, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_meeting_get(f.st, uid, "2026-01-15", &m, &e), 0,
		     "%s", e.msg);
	cr_expect_str_eq(m.uid, uid);
	cr_expect_str_eq(m.contract_uid, f.test);
	cr_expect_eq(m.kind, MEETING_THEMATIC);
	cr_expect_eq(m.status, MEETING_PLANNED);
	cr_expect_str_eq(m.held_on, "2026-01-15");
	cr_expect_str_eq(m.place, "Salle du conseil");
	cr_expect_null(m.notes);
	cr_expect_str_eq(m.author, "Référent test");
	cr_expect_eq(m.n_attendees, 0);
	cr_expect_eq(m.n_decisions, 0);
	cr_expect_eq(m.n_actions, 0);
	cr_expect_eq(m.n_carried, 0);
	store_meeting_release(&m);

	in.kind = MEETING_FOLLOW_UP;
	in.held_on = "2026-01-20";
	in.place = NULL;
	in.notes = " Ordre du jour envoyé ";
	cr_assert_eq(store_meeting_update(f.st, uid, &in, &e), 0, "%s", e.msg);
	cr_expect_eq(store_meeting_update(f.st, uid, &bad, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "date de la réunion illisible : « 15/15/2026 » "
			 "(attendu JJ/MM/AAAA ou AAAA-MM-JJ)");
	cr_expect_eq(store_meeting_update(f.st, "nope", &in, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_assert_eq(store_meeting_get(f.st, uid, "2026-01-15", &m, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(m.kind, MEETING_FOLLOW_UP);
	cr_expect_str_eq(m.held_on, "2026-01-20");
	cr_expect_null(m.place);
	cr_expect_str_eq(m.notes, "Ordre du jour envoyé");
	store_meeting_release(&m);
	cr_expect_eq(store_meeting_get(f.st, "nope", NULL, &m, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	mt_close(&f);
}

Test(meeting_store, open_close_and_what_a_closed_meeting_refuses)
{
	struct mt_fx f;
	char uid[STORE_UID_LEN], att[STORE_UID_LEN], act[STORE_UID_LEN];
	struct meeting_input in = { MEETING_FOLLOW_UP, "2026-01-15", NULL,
				    NULL };
	struct action_input ai = { "Relancer", NULL, NULL };
	struct meeting m;
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", uid);
	cr_assert_eq(store_meeting_add_attendee(f.st, uid, "Mme Maire", NULL,
						SIDE_COMMUNE, att, &e), 0,
		     "%s", e.msg);
	mt_action(&f, uid, "Mettre à jour le schéma", "DSI", "2026-02-01",
		  act);
	cr_assert_eq(store_meeting_open(f.st, uid, &e), 0, "%s", e.msg);
	cr_expect_eq(store_meeting_open(f.st, uid, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "seule une réunion prévue s'ouvre ; celle-ci "
			 "est en cours");
	/* an open meeting still takes decisions */
	cr_assert_eq(store_meeting_add_decision(f.st, uid, "Valider", NULL,
						&e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_close(f.st, uid, NULL, &e), 0, "%s", e.msg);

	cr_expect_eq(store_meeting_add_attendee(f.st, uid, "M. Retard", NULL,
						-1, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "la réunion est close : elle ne change plus");
	cr_expect_eq(store_meeting_remove_attendee(f.st, att, &e), -1);
	cr_expect_str_eq(e.msg, "la réunion du 15/01/2026 est close : donnez "
			 "la raison du changement");
	cr_expect_eq(store_meeting_add_decision(f.st, uid, "Après coup", NULL,
						&e), -1);
	cr_expect_str_eq(e.msg, "la réunion est close : elle ne change plus");
	cr_expect_eq(store_meeting_add_action(f.st, uid, &ai, NULL, &e), -1);
	cr_expect_str_eq(e.msg, "la réunion est close : elle ne change plus");
	cr_expect_eq(store_meeting_update(f.st, uid, &in, &e), -1);
	cr_expect_str_eq(e.msg, "la réunion est close : elle ne change plus");
	cr_expect_eq(store_meeting_cancel(f.st, uid, &e), -1);
	cr_expect_str_eq(e.msg, "la réunion est close : elle ne change plus");
	cr_expect_eq(store_meeting_close(f.st, uid, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "la réunion est déjà close");
	cr_expect_eq(store_meeting_open(f.st, uid, &e), -1);
	cr_expect_str_eq(e.msg, "seule une réunion prévue s'ouvre ; celle-ci "
			 "est close");

	/* its action still moves on */
	cr_assert_eq(store_action_set_status(f.st, act, ACTION_IN_PROGRESS,
					     "2026-01-20", &e), 0, "%s", e.msg);
	cr_assert_eq(store_action_set_status(f.st, act, ACTION_DONE,
					     "20/01/2026", &e), 0, "%s", e.msg);
	cr_expect_eq(store_action_set_status(f.st, act, ACTION_DONE,
					     "2026-13-01", &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_eq(store_action_set_status(f.st, "nope", ACTION_DONE, NULL,
					     &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_assert_eq(store_meeting_get(f.st, uid, "2026-03-01", &m, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(m.status, MEETING_CLOSED);
	cr_expect_eq(m.n_attendees, 1);
	cr_expect_eq(m.n_decisions, 1);
	cr_assert_eq(m.n_actions, 1);
	cr_expect_eq(m.actions[0].status, ACTION_DONE);
	cr_expect_str_eq(m.actions[0].done_on, "2026-01-20");
	cr_expect_not(m.actions[0].late);
	store_meeting_release(&m);
	/* back to in progress: done_on cleared */
	cr_assert_eq(store_action_set_status(f.st, act, ACTION_IN_PROGRESS,
					     "2026-01-20", &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_get(f.st, uid, "2026-03-01", &m, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(m.actions[0].status, ACTION_IN_PROGRESS);
	cr_expect_null(m.actions[0].done_on);
	cr_expect(m.actions[0].late);
	cr_expect_eq(m.n_late, 1);
	store_meeting_release(&m);
	mt_close(&f);
}

Test(meeting_store, a_cancelled_meeting_refuses_changes)
{
	struct mt_fx f;
	char uid[STORE_UID_LEN], act[STORE_UID_LEN];
	struct action_input ai = { "Relancer", NULL, NULL };
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_MAYORS, "2026-01-15", uid);
	mt_action(&f, uid, "Préparer", NULL, "  ", act);	/* blank: none */
	cr_assert_eq(store_meeting_cancel(f.st, uid, &e), 0, "%s", e.msg);
	cr_expect_eq(store_meeting_add_attendee(f.st, uid, "M. X", NULL, -1,
						NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "la réunion est annulée : elle ne change plus");
	cr_expect_eq(store_meeting_add_decision(f.st, uid, "Rien", NULL, &e),
		     -1);
	cr_expect_str_eq(e.msg, "la réunion est annulée : elle ne change plus");
	cr_expect_eq(store_meeting_add_action(f.st, uid, &ai, NULL, &e), -1);
	cr_expect_str_eq(e.msg, "la réunion est annulée : elle ne change plus");
	cr_expect_eq(store_meeting_cancel(f.st, uid, &e), -1);
	cr_expect_eq(store_meeting_open(f.st, uid, &e), -1);
	cr_expect_eq(store_meeting_close(f.st, uid, NULL, &e), -1);
	cr_expect_str_eq(e.msg, "la réunion est déjà annulée");
	cr_expect_eq(store_action_set_status(f.st, act, ACTION_DROPPED, NULL,
					     &e), 0, "%s", e.msg);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM meeting_attendee"), 0);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM decision"), 0);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM action_item"), 1);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM meeting WHERE status"
			      " = 'cancelled'"), 1);
	mt_close(&f);
}

Test(meeting_store, attendees_commune_side_first_decisions_by_position)
{
	struct mt_fx f;
	char uid[STORE_UID_LEN], gone[STORE_UID_LEN];
	struct meeting m;
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", uid);
	cr_assert_eq(store_meeting_add_attendee(f.st, uid, "Invité", NULL, -1,
						NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, uid, " M. Service ",
		" Chef de projet ", SIDE_SHARED, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, uid, "Mme DGS", "DGS",
						SIDE_COMMUNE, NULL, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, uid, "M. Parti", NULL,
						SIDE_COMMUNE, gone, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, uid, "Mme Maire",
						"Maire", SIDE_COMMUNE, NULL,
						&e), 0, "%s", e.msg);
	cr_expect_eq(store_meeting_add_attendee(f.st, uid, "  ", NULL,
						SIDE_COMMUNE, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "le nom du participant est obligatoire");
	cr_expect_eq(store_meeting_add_attendee(f.st, uid, "X", NULL, 7, NULL,
						&e), -1);
	cr_expect_str_eq(e.msg, "côté inconnu");
	cr_expect_eq(store_meeting_add_attendee(f.st, "nope", "X", NULL, -1,
						NULL, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_assert_eq(store_meeting_remove_attendee(f.st, gone, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(store_meeting_remove_attendee(f.st, gone, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);

	cr_assert_eq(store_meeting_add_decision(f.st, uid, "Premier", NULL,
						&e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(f.st, uid, " Deuxième ", NULL,
						&e), 0, "%s", e.msg);
	cr_expect_eq(store_meeting_add_decision(f.st, uid, " ", NULL, &e), -1);
	cr_expect_str_eq(e.msg, "le texte de la décision est obligatoire");
	cr_assert_eq(store_meeting_add_decision(f.st, uid, "Troisième", NULL,
						&e), 0, "%s", e.msg);

	cr_assert_eq(store_meeting_get(f.st, uid, "2026-01-15", &m, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(m.n_attendees, 4);
	cr_expect_str_eq(m.attendees[0].name, "Mme DGS");
	cr_expect_str_eq(m.attendees[0].function, "DGS");
	cr_expect_eq(m.attendees[0].side, SIDE_COMMUNE);
	cr_expect_str_eq(m.attendees[1].name, "Mme Maire");
	cr_expect_eq(m.attendees[1].side, SIDE_COMMUNE);
	cr_expect_str_eq(m.attendees[2].name, "M. Service");
	cr_expect_str_eq(m.attendees[2].function, "Chef de projet");
	cr_expect_eq(m.attendees[2].side, SIDE_SHARED);
	cr_expect_str_eq(m.attendees[3].name, "Invité");
	cr_expect_null(m.attendees[3].function);
	cr_expect_eq(m.attendees[3].side, -1);
	cr_assert_eq(m.n_decisions, 3);
	for (int i = 0; i < 3; i++)
		cr_expect_eq(m.decisions[i].position, i + 1);
	cr_expect_str_eq(m.decisions[0].text, "Premier");
	cr_expect_str_eq(m.decisions[1].text, "Deuxième");
	cr_expect_str_eq(m.decisions[2].text, "Troisième");
	store_meeting_release(&m);
	mt_close(&f);
}

Test(meeting_store, meeting_on_a_date_none_one_or_several)
{
	struct mt_fx f;
	char a[STORE_UID_LEN], b[STORE_UID_LEN], c[STORE_UID_LEN];
	char got[STORE_UID_LEN];
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", a);
	mt_meeting(&f, f.test, MEETING_THEMATIC, "2026-02-10", b);
	mt_meeting(&f, f.test, MEETING_MAYORS, "2026-02-10", c);
	/* another contract's meeting that day does not count */
	mt_meeting(&f, f.haillan, MEETING_FOLLOW_UP, "2026-01-15", got);

	cr_assert_eq(store_meeting_on(f.st, f.test, "15/01/2026", got, &e), 0,
		     "%s", e.msg);
	cr_expect_str_eq(got, a);
	cr_expect_eq(store_meeting_on(f.st, f.test, "2026-01-16", got, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_str_eq(e.msg, "aucune réunion le 16/01/2026");
	cr_expect_str_eq(got, "");
	cr_expect_eq(store_meeting_on(f.st, f.test, "10/02/2026", got, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "2 réunions le 10/02/2026 : donnez "
			 "l'identifiant de la réunion");
	cr_expect_str_eq(got, "");
	cr_expect_eq(store_meeting_on(f.st, f.test, "demain", got, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	/* a cancelled one is not on that day any more */
	cr_assert_eq(store_meeting_cancel(f.st, b, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_on(f.st, f.test, "2026-02-10", got, &e), 0,
		     "%s", e.msg);
	cr_expect_str_eq(got, c);
	mt_close(&f);
}

Test(meeting_store, list_newest_first_with_counts)
{
	struct mt_fx f;
	char m0[STORE_UID_LEN], m1[STORE_UID_LEN], m2[STORE_UID_LEN];
	char x[STORE_UID_LEN];
	struct meeting *v;
	size_t n;
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m1);
	mt_meeting(&f, f.test, MEETING_LAUNCH, "2020-01-10", m0);
	mt_meeting(&f, f.test, MEETING_MAYORS, "2026-03-02", m2);
	mt_meeting(&f, f.haillan, MEETING_FOLLOW_UP, "2026-02-01", x);
	cr_assert_eq(store_meeting_add_attendee(f.st, m1, "A", NULL, -1, NULL,
						&e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, m1, "B", NULL, -1, NULL,
						&e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(f.st, m1, "D", NULL, &e), 0,
		     "%s", e.msg);
	mt_action(&f, m1, "En retard", NULL, "2026-02-01", NULL);
	mt_action(&f, m1, "À temps", NULL, "2026-03-01", NULL);
	mt_action(&f, m1, "Sans échéance", NULL, NULL, x);
	mt_action(&f, m1, "Faite", NULL, "2026-01-20", x);
	cr_assert_eq(store_action_set_status(f.st, x, ACTION_DONE, NULL, &e),
		     0, "%s", e.msg);

	cr_assert_eq(store_meeting_list(f.st, f.test, "2026-02-15", &v, &n, &e),
		     0, "%s", e.msg);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(v[0].uid, m2);
	cr_expect_eq(v[0].kind, MEETING_MAYORS);
	cr_expect_str_eq(v[1].uid, m1);
	cr_expect_str_eq(v[2].uid, m0);
	cr_expect_str_eq(v[2].held_on, "2020-01-10");
	cr_expect_eq(v[1].n_attendees, 2);
	cr_expect_eq(v[1].n_decisions, 1);
	cr_expect_eq(v[1].n_actions, 4);
	cr_expect_eq(v[1].n_late, 1);
	cr_expect_eq(v[0].n_actions, 0);
	cr_expect_null(v[1].attendees);
	cr_expect_null(v[1].actions);
	store_meeting_list_free(v, n);
	mt_close(&f);
}

Test(meeting_store, actions_of_earlier_meetings_are_carried_until_finished)
{
	struct mt_fx f;
	char m0[STORE_UID_LEN], m1[STORE_UID_LEN], m2[STORE_UID_LEN];
	char other[STORE_UID_LEN];
	char late[STORE_UID_LEN], ontime[STORE_UID_LEN], nodue[STORE_UID_LEN];
	char done[STORE_UID_LEN], dropped[STORE_UID_LEN];
	char own1[STORE_UID_LEN], own2[STORE_UID_LEN], later[STORE_UID_LEN];
	struct meeting m;
	struct meeting_action *v;
	size_t n;
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2025-10-15", m0);
	mt_action(&f, m0, "Sans échéance", NULL, NULL, nodue);
	mt_action(&f, m0, "Former les agents", "RH", "2026-03-01", ontime);
	mt_action(&f, m0, "Mettre à jour le schéma", "DSI", "30/11/2025",
		  late);
	mt_action(&f, m0, "Inventaire", NULL, "2025-11-01", done);
	mt_action(&f, m0, "Abandon", NULL, "2025-11-01", dropped);
	cr_assert_eq(store_meeting_close(f.st, m0, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_action_set_status(f.st, done, ACTION_DONE,
					     "2025-11-02", &e), 0, "%s", e.msg);
	cr_assert_eq(store_action_set_status(f.st, dropped, ACTION_DROPPED,
					     "2025-11-02", &e), 0, "%s", e.msg);
	cr_assert_eq(store_action_set_status(f.st, ontime, ACTION_IN_PROGRESS,
					     NULL, &e), 0, "%s", e.msg);
	/* another contract's action is never carried here */
	mt_meeting(&f, f.haillan, MEETING_FOLLOW_UP, "2025-09-01", other);
	mt_action(&f, other, "Ailleurs", NULL, "2025-09-30", NULL);

	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m1);
	mt_action(&f, m1, "Relancer le prestataire", "DSI", "2026-02-01",
		  own1);
	mt_action(&f, m1, "Écrire le compte rendu", NULL, "2026-01-20", own2);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-02-15", m2);
	mt_action(&f, m2, "Plus tard", NULL, "2026-01-01", later);

	cr_assert_eq(store_meeting_get(f.st, m1, "2026-01-25", &m, &e), 0,
		     "%s", e.msg);
	/* its own, by due date */
	cr_assert_eq(m.n_actions, 2);
	cr_expect_str_eq(m.actions[0].uid, own2);
	cr_expect(m.actions[0].late);
	cr_expect_str_eq(m.actions[0].due_on, "2026-01-20");
	cr_expect_str_eq(m.actions[0].meeting_uid, m1);
	cr_expect_str_eq(m.actions[1].uid, own1);
	cr_expect_str_eq(m.actions[1].owner, "DSI");
	cr_expect_not(m.actions[1].late);
	cr_expect_eq(m.n_late, 1);
	/* carried: unfinished ones of earlier meetings, by due date, none
	 * last */
	cr_assert_eq(m.n_carried, 3, "%zu", m.n_carried);
	cr_expect_str_eq(m.carried[0].uid, late);
	cr_expect_str_eq(m.carried[0].what, "Mettre à jour le schéma");
	cr_expect_str_eq(m.carried[0].due_on, "2025-11-30");
	cr_expect_str_eq(m.carried[0].meeting_uid, m0);
	cr_expect_str_eq(m.carried[0].meeting_held_on, "2025-10-15");
	cr_expect_eq(m.carried[0].status, ACTION_OPEN);
	cr_expect(m.carried[0].late);
	cr_expect_str_eq(m.carried[1].uid, ontime);
	cr_expect_eq(m.carried[1].status, ACTION_IN_PROGRESS);
	cr_expect_not(m.carried[1].late);
	cr_expect_str_eq(m.carried[2].uid, nodue);
	cr_expect_null(m.carried[2].due_on);
	cr_expect_null(m.carried[2].owner);
	cr_expect_not(m.carried[2].late);
	store_meeting_release(&m);

	/* late is relative to today */
	cr_assert_eq(store_meeting_get(f.st, m1, "2025-11-30", &m, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(m.n_carried, 3);
	cr_expect_not(m.carried[0].late);
	cr_expect_eq(m.n_late, 0);
	store_meeting_release(&m);
	cr_assert_eq(store_meeting_get(f.st, m1, "2026-03-02", &m, &e), 0,
		     "%s", e.msg);
	cr_expect(m.carried[0].late && m.carried[1].late);
	cr_expect_not(m.carried[2].late);
	cr_expect_eq(m.n_late, 2);
	store_meeting_release(&m);

	/* the first meeting carries nothing; the third carries both */
	cr_assert_eq(store_meeting_get(f.st, m0, "2026-01-25", &m, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(m.n_carried, 0);
	cr_expect_eq(m.n_actions, 5);
	store_meeting_release(&m);
	cr_assert_eq(store_action_set_status(f.st, late, ACTION_DONE, NULL,
					     &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_get(f.st, m2, "2026-01-25", &m, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(m.n_carried, 4);
	cr_expect_str_eq(m.carried[0].uid, own2);
	cr_expect_str_eq(m.carried[1].uid, own1);
	cr_expect_str_eq(m.carried[2].uid, ontime);
	cr_expect_str_eq(m.carried[3].uid, nodue);
	store_meeting_release(&m);

	/* the action plan of the contract */
	cr_assert_eq(store_meeting_open_actions(f.st, f.test, "2026-01-25", &v,
						&n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 5);
	cr_expect_str_eq(v[0].uid, later);
	cr_expect(v[0].late);
	cr_expect_str_eq(v[1].uid, own2);
	cr_expect_str_eq(v[2].uid, own1);
	cr_expect_str_eq(v[3].uid, ontime);
	cr_expect_str_eq(v[4].uid, nodue);
	store_meeting_actions_free(v, n);
	mt_close(&f);
}

/* ------------------------------------------------------------------ */
/* Cadence from the database                                           */

Test(meeting_store, cadence_counts_closed_follow_ups_and_mayors_only)
{
	struct mt_fx f;
	char u[STORE_UID_LEN];
	struct cadence c;
	struct err e;

	mt_open(&f);
	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-11-29", &c, &e),
		     0, "%s", e.msg);
	cr_expect_not(c.has_last);
	mt_expect_date(c.next_due, MT_D(2020, 2, 1), "from the start");
	cr_expect(c.late);
	cr_expect_eq(c.mayors_held, 0);

	mt_closed(&f, f.test, MEETING_FOLLOW_UP, "2026-06-30", u);
	mt_closed(&f, f.test, MEETING_FOLLOW_UP, "2026-03-31", u);
	mt_closed(&f, f.test, MEETING_MAYORS, "2026-03-01", u);
	/* none of these count */
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-09-15", u);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-10-01", u);
	cr_assert_eq(store_meeting_cancel(f.st, u, &e), 0, "%s", e.msg);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-10-05", u);
	cr_assert_eq(store_meeting_open(f.st, u, &e), 0, "%s", e.msg);
	mt_closed(&f, f.test, MEETING_THEMATIC, "2026-10-15", u);
	mt_closed(&f, f.test, MEETING_DIGITAL, "2026-10-16", u);
	mt_closed(&f, f.test, MEETING_ANNUAL_REVIEW, "2026-10-17", u);
	mt_meeting(&f, f.test, MEETING_MAYORS, "2026-10-20", u);
	mt_closed(&f, f.haillan, MEETING_FOLLOW_UP, "2026-11-01", u);
	mt_closed(&f, f.haillan, MEETING_MAYORS, "2026-11-02", u);
	/* held on 10/12 (closed then), seen from 29/11: not yet */
	setenv("SUIVI_TODAY", "2026-12-10", 1);
	mt_closed(&f, f.test, MEETING_FOLLOW_UP, "2026-12-10", u);
	unsetenv("SUIVI_TODAY");

	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-11-29", &c, &e),
		     0, "%s", e.msg);
	cr_expect(c.has_last);
	mt_expect_date(c.last, MT_D(2026, 6, 30), "last held");
	mt_expect_date(c.next_due, MT_D(2026, 9, 30), "next due");
	cr_expect_not(c.first_year);
	cr_expect(c.late);
	cr_expect_str_eq(c.follow_up_warning, "La réunion de suivi était due "
			 "le 30/09/2026 : la cadence de l'article 5 n'est pas "
			 "tenue");
	cr_expect_eq(c.mayors_held, 1);
	cr_expect_str_eq(c.mayors_warning, "1 réunion avec les Maires en 2026 "
			 "sur les 2 prévues par l'article 5");
	cr_expect_eq(store_meeting_cadence(f.st, "nope", NULL, &c, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	mt_close(&f);
}

Test(meeting_store, cadence_reminds_the_launch_meeting_until_one_is_held)
{
	struct mt_fx f;
	char u[STORE_UID_LEN], planned[STORE_UID_LEN];
	struct cadence c;
	struct err e;

	mt_open(&f);
	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-11-29", &c, &e),
		     0, "%s", e.msg);
	cr_expect(c.launch_due);
	cr_expect_str_eq(c.launch_warning, "Réunion de lancement pas encore "
			 "tenue ni prévue (article 5)");
	/* a cancelled one is none; another kind of meeting is none */
	mt_meeting(&f, f.test, MEETING_LAUNCH, "2026-10-01", u);
	cr_assert_eq(store_meeting_cancel(f.st, u, &e), 0, "%s", e.msg);
	mt_closed(&f, f.test, MEETING_FOLLOW_UP, "2026-10-02", u);
	/* another contract's launch is not this one's */
	mt_closed(&f, f.haillan, MEETING_LAUNCH, "2026-10-03", u);
	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-11-29", &c, &e),
		     0, "%s", e.msg);
	cr_expect(c.launch_due);
	/* planned (then opened): due, with its date */
	mt_meeting(&f, f.test, MEETING_LAUNCH, "2026-12-15", planned);
	mt_meeting(&f, f.test, MEETING_LAUNCH, "2027-01-15", u);
	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-11-29", &c, &e),
		     0, "%s", e.msg);
	cr_expect(c.launch_due);
	cr_expect_str_eq(c.launch_warning, "Réunion de lancement pas encore "
			 "tenue : prévue le 15/12/2026");
	/* held (closed on its day): no more reminder */
	setenv("SUIVI_TODAY", "2026-12-15", 1);
	cr_assert_eq(store_meeting_close(f.st, planned, NULL, &e), 0, "%s",
		     e.msg);
	unsetenv("SUIVI_TODAY");
	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-12-15", &c, &e),
		     0, "%s", e.msg);
	cr_expect_not(c.launch_due);
	cr_expect_str_eq(c.launch_warning, "");
	/* seen from before it was held, it was still due */
	cr_assert_eq(store_meeting_cadence(f.st, f.test, "2026-12-14", &c, &e),
		     0, "%s", e.msg);
	cr_expect(c.launch_due);
	mt_close(&f);
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

Test(meeting_validation, closing_validates_ended_periods_only)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], m2[STORE_UID_LEN], by[STORE_UID_LEN];
	char i112[STORE_UID_LEN], i113[STORE_UID_LEN], h[STORE_UID_LEN];
	struct measurement_event *ev;
	size_t n, count = 99;
	bool is;
	struct err e;

	mt_open(&f);
	mt_indicator(&f, "1.1.2", i112);
	mt_indicator(&f, "1.1.3", i113);
	cr_assert_eq(store_indicator_find(f.st, f.haillan, "nsi", "1.2.1",
					  "2025-06-01", h, &e), 0, "%s", e.msg);
	mt_set(&f, i113, "2025", "", 2);		/* ended: validated */
	mt_set(&f, i112, "2025-12", "majeure", 4);	/* ended: validated */
	mt_set(&f, i112, "2026-01", "critique", 3);	/* not ended */
	mt_set(&f, i112, "2025-11", "mineure", 5);	/* cleared */
	cr_assert_eq(store_measurement_clear(f.st, i112, "2025-11", "mineure",
					     NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_comment(f.st, i112, "2025-10",
					       "critique", "à voir", &e), 0,
		     "%s", e.msg);		/* a comment alone */
	mt_set(&f, h, "2025", "", 3);		/* another contract's */
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m);

	cr_assert_eq(store_measurement_validated(f.st, i113, "2025", "", by,
						 &is, &e), 0, "%s", e.msg);
	cr_expect_not(is);
	cr_expect_str_eq(by, "");
	cr_assert_eq(store_meeting_close(f.st, m, &count, &e), 0, "%s", e.msg);
	cr_expect_eq(count, 2);

	cr_assert_eq(store_measurement_validated(f.st, i113, "2025", "", by,
						 &is, &e), 0, "%s", e.msg);
	cr_expect(is);
	cr_expect_str_eq(by, m);
	cr_assert_eq(store_measurement_validated(f.st, i112, "2025-12",
						 "majeure", by, &is, &e), 0,
		     "%s", e.msg);
	cr_expect(is);
	cr_assert_eq(store_measurement_validated(f.st, i112, "2026-01",
						 "critique", by, &is, &e), 0,
		     "%s", e.msg);
	cr_expect_not(is);
	cr_assert_eq(store_measurement_validated(f.st, i112, "2025-11",
						 "mineure", NULL, &is, &e), 0,
		     "%s", e.msg);
	cr_expect_not(is);
	cr_assert_eq(store_measurement_validated(f.st, i112, "2025-10",
						 "critique", NULL, &is, &e), 0,
		     "%s", e.msg);
	cr_expect_not(is);
	cr_assert_eq(store_measurement_validated(f.st, h, "2025", "", NULL,
						 &is, &e), 0, "%s", e.msg);
	cr_expect_not(is);
	/* no row at all */
	cr_assert_eq(store_measurement_validated(f.st, i112, "2025-09",
						 "critique", by, &is, &e), 0,
		     "%s", e.msg);
	cr_expect_not(is);
	cr_expect_str_eq(by, "");

	/* a history row for each value validated, with the value */
	cr_assert_eq(store_measurement_history(f.st, i113, "2025", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(ev[0].action, "set");
	cr_expect_str_eq(ev[1].action, "validate");
	cr_expect(ev[1].value.has_num);
	cr_expect_eq(ev[1].value.num, 2);
	cr_expect_str_eq(ev[1].author, "Référent test");
	store_measurement_history_free(ev, n);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM measurement_history"
			      " WHERE action = 'validate'"), 2);

	/* a later meeting validates only what is not validated yet */
	mt_set(&f, i112, "2026-01", "majeure", 2);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-02-15", m2);
	cr_assert_eq(store_meeting_close(f.st, m2, &count, &e), 0, "%s", e.msg);
	cr_expect_eq(count, 2);
	cr_assert_eq(store_measurement_validated(f.st, i113, "2025", "", by,
						 &is, &e), 0, "%s", e.msg);
	cr_expect_str_eq(by, m);
	cr_assert_eq(store_measurement_validated(f.st, i112, "2026-01",
						 "critique", by, &is, &e), 0,
		     "%s", e.msg);
	cr_expect_str_eq(by, m2);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM measurement_history"
			      " WHERE action = 'validate'"), 4);
	mt_close(&f);
}

Test(meeting_validation, a_period_ending_on_the_meeting_day_is_not_reviewed)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], i112[STORE_UID_LEN];
	size_t count = 99;
	bool is;
	struct err e;

	mt_open(&f);
	mt_indicator(&f, "1.1.2", i112);
	mt_set(&f, i112, "2025-12", "critique", 4);
	mt_set(&f, i112, "2025-11", "critique", 4);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2025-12-31", m);
	cr_assert_eq(store_meeting_close(f.st, m, &count, &e), 0, "%s", e.msg);
	cr_expect_eq(count, 1);
	cr_assert_eq(store_measurement_validated(f.st, i112, "2025-12",
						 "critique", NULL, &is, &e), 0,
		     "%s", e.msg);
	cr_expect_not(is);
	cr_assert_eq(store_measurement_validated(f.st, i112, "2025-11",
						 "critique", NULL, &is, &e), 0,
		     "%s", e.msg);
	cr_expect(is);
	mt_close(&f);
}

Test(meeting_validation, a_validated_value_changes_only_with_a_reason)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], i113[STORE_UID_LEN], by[STORE_UID_LEN];
	struct value v = { .has_num = true, .num = 4 };
	struct measurement got;
	struct measurement_event *ev;
	size_t n;
	bool found, is;
	struct err e;

	mt_open(&f);
	mt_indicator(&f, "1.1.3", i113);
	mt_set(&f, i113, "2025", "", 2);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "15/01/2026", m);
	cr_assert_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);

	cr_expect_eq(cell_set(f.st, i113, "2025", "",
		&v, false, NULL, NULL, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "cette valeur a été validée en réunion le "
			 "15/01/2026 : donnez la raison du changement");
	cr_expect_eq(cell_set(f.st, i113, "2025", "",
		&v, false, "  \t ", NULL, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "cette valeur a été validée en réunion le "
			 "15/01/2026 : donnez la raison du changement");
	/* nothing changed */
	cr_assert_eq(store_measurement_get(f.st, i113, "2025", "", &got, &found,
					   &e), 0, "%s", e.msg);
	cr_assert(found);
	cr_expect_eq(got.value.num, 2);
	store_measurement_release(&got);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM measurement_history"),
		     2);

	cr_assert_eq(cell_set(f.st, i113, "2025", "",
		&v, false, " Audit refait en février ", NULL, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_get(f.st, i113, "2025", "", &got, &found,
					   &e), 0, "%s", e.msg);
	cr_expect_eq(got.value.num, 4);
	store_measurement_release(&got);
	cr_assert_eq(store_measurement_history(f.st, i113, "2025", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(ev[0].action, "set");
	cr_expect_null(ev[0].reason);
	cr_expect_str_eq(ev[1].action, "validate");
	cr_expect_null(ev[1].reason);
	cr_expect_str_eq(ev[2].action, "set");
	cr_expect_eq(ev[2].value.num, 4);
	cr_assert_not_null(ev[2].reason);
	cr_expect_str_eq(ev[2].reason, "Audit refait en février");
	store_measurement_history_free(ev, n);
	/* still validated, by that meeting: the next change asks again */
	cr_assert_eq(store_measurement_validated(f.st, i113, "2025", "", by,
						 &is, &e), 0, "%s", e.msg);
	cr_expect(is);
	cr_expect_str_eq(by, m);
	v.num = 5;
	cr_expect_eq(cell_set(f.st, i113, "2025", "",
		&v, false, NULL, NULL, NULL, &e), -1);
	mt_close(&f);
}

Test(meeting_validation, a_provisional_value_changes_without_a_reason)
{
	struct mt_fx f;
	char i112[STORE_UID_LEN], m[STORE_UID_LEN];
	struct value v = { .has_num = true, .num = 7 };
	struct measurement_event *ev;
	size_t n;
	struct err e;

	mt_open(&f);
	mt_indicator(&f, "1.1.2", i112);
	/* a new cell, then a change: no reason needed */
	cr_assert_eq(cell_set(f.st, i112, "2026-01",
		"critique", &v, false, NULL, NULL, NULL, &e), 0, "%s", e.msg);
	v.num = 8;
	cr_assert_eq(cell_set(f.st, i112, "2026-01",
		"critique", &v, false, "", NULL, NULL, &e), 0, "%s", e.msg);
	/* a reason given anyway is kept */
	v.num = 9;
	cr_assert_eq(cell_set(f.st, i112, "2026-01",
		"critique", &v, false, "Recompté", NULL, NULL, &e), 0, "%s", e.msg);
	/* a meeting whose date does not cover the month leaves it
	 * provisional */
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-31", m);
	cr_assert_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);
	v.num = 10;
	cr_assert_eq(cell_set(f.st, i112, "2026-01",
		"critique", &v, false, NULL, NULL, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_history(f.st, i112, "2026-01",
					       "critique", &ev, &n, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(n, 4);
	cr_expect_null(ev[0].reason);
	cr_expect_null(ev[1].reason);
	cr_assert_not_null(ev[2].reason);
	cr_expect_str_eq(ev[2].reason, "Recompté");
	cr_expect_null(ev[3].reason);
	cr_expect_eq(ev[3].value.num, 10);
	store_measurement_history_free(ev, n);
	/* the reason went to that cell's row, not a neighbour's */
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM measurement_history"
			      " WHERE reason IS NOT NULL"), 1);
	mt_close(&f);
}

/* ------------------------------------------------------------------ */
/* The agenda                                                          */

struct mt_seed {
	struct mt_fx f;
	char m0[STORE_UID_LEN], m1[STORE_UID_LEN], cancelled[STORE_UID_LEN];
	char i111[STORE_UID_LEN], i112[STORE_UID_LEN], i113[STORE_UID_LEN];
	char r_fixed[STORE_UID_LEN], r_printer[STORE_UID_LEN];
	char r_slow[STORE_UID_LEN], r_answered[STORE_UID_LEN];
	char r_old[STORE_UID_LEN], r_after[STORE_UID_LEN];
	char dispute[STORE_UID_LEN];
	char a_late[STORE_UID_LEN], a_ontime[STORE_UID_LEN];
};

static void mt_request(struct mt_fx *f, const char *contract,
		       const char *domain, const char *nature,
		       const char *crit, const char *object,
		       const char *received, const char *ack,
		       const char *resolved, const char *answered,
		       char uid[STORE_UID_LEN])
{
	struct request_input in = { 0 };
	struct err e;

	in.kind = REQUEST_ORDINARY;
	in.form = "email";
	in.domain_uid = domain;
	in.nature = nature;
	in.criticality = crit;
	in.object = object;
	in.received_at = received;
	in.acknowledged_at = ack;
	in.resolved_at = resolved;
	in.answered_at = answered;
	cr_assert_eq(store_request_add(f->st, contract, &in, uid, &e), 0, "%s",
		     e.msg);
}

/*
 * Test contract (start 2020-01-01). Meetings 15/10/2025 (closed),
 * 01/12/2025 (cancelled), 15/01/2026 (the one whose agenda is built):
 * the window is 15/10/2025 - 15/01/2026. Periods ended in it: 2025 for
 * the annual 1.1.1 and 1.1.3; October, November and December 2025 for
 * 1.1.2 (monthly, three criticalities). All filled but November's
 * mineure; November's majeure comes from a request; 1.1.3 (2 for a
 * target of 4) and December's critique (6 h for a target of 4 h) miss
 * their target.
 */
static void mt_seed(struct mt_seed *s)
{
	struct mt_fx *f = &s->f;
	struct value yes = { .has_num = true, .num = 1 };
	struct value four = { .has_num = true, .num = 4 };
	struct dispute_input d = { "2025-12-01", "Priorités du parc",
				   DISPUTE_SUBSTANCE, NULL, NULL };
	struct dispute_input old = { "2025-03-01", "Ancien litige",
				     DISPUTE_PROGRAMMING, NULL, NULL };
	struct dispute_input later = { "2026-02-01", "Litige suivant",
				       DISPUTE_PROGRAMMING, NULL, NULL };
	static const char *const months[] = { "2025-10", "2025-11",
					      "2025-12" };
	static const char *const crits[] = { "critique", "majeure",
					     "mineure" };
	char u[STORE_UID_LEN], m_other[STORE_UID_LEN];
	struct err e;

	mt_open(f);
	mt_meeting(f, f->test, MEETING_FOLLOW_UP, "2025-10-15", s->m0);
	mt_action(f, s->m0, "Mettre à jour le schéma", "DSI", "2025-11-30",
		  s->a_late);
	mt_action(f, s->m0, "Former les agents", "RH", "2026-03-01",
		  s->a_ontime);
	mt_action(f, s->m0, "Inventaire", NULL, "2025-11-01", u);
	cr_assert_eq(store_meeting_close(f->st, s->m0, NULL, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_action_set_status(f->st, u, ACTION_DONE,
					     "2025-11-02", &e), 0, "%s", e.msg);
	cr_assert_eq(store_action_set_status(f->st, s->a_ontime,
					     ACTION_IN_PROGRESS, NULL, &e), 0,
		     "%s", e.msg);
	mt_meeting(f, f->test, MEETING_FOLLOW_UP, "2025-12-01", s->cancelled);
	cr_assert_eq(store_meeting_cancel(f->st, s->cancelled, &e), 0, "%s",
		     e.msg);
	mt_meeting(f, f->test, MEETING_FOLLOW_UP, "2026-01-15", s->m1);
	/* another contract's meeting between them changes nothing */
	mt_closed(f, f->haillan, MEETING_FOLLOW_UP, "2025-12-15", m_other);
	mt_action(f, s->m1, "Action de cette réunion", NULL, "2026-01-01",
		  NULL);

	mt_indicator(f, "1.1.1", s->i111);
	mt_indicator(f, "1.1.2", s->i112);
	mt_indicator(f, "1.1.3", s->i113);
	cr_assert_eq(store_measurement_set(f->st, s->i111, "2025", "", &yes,
					   false, NULL, &e), 0, "%s", e.msg);
	mt_set(f, s->i113, "2025", "", 2);
	cr_assert_eq(store_target_set(f->st, s->i113, 2025, "", &four, -1, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_target_set(f->st, s->i112, 2025, "critique", &four,
				      -1, &e), 0, "%s", e.msg);
	for (size_t m = 0; m < 3; m++)
		for (size_t c = 0; c < 3; c++) {
			if (m == 1 && c > 0)
				continue;	/* from a request, missing */
			mt_set(f, s->i112, months[m], crits[c],
			       m == 2 && c == 0 ? 6 : 3);
		}

	/* in the window, resolved in a day: November's majeure */
	mt_request(f, f->test, f->nsi, "incident", "majeure", "Panne serveur",
		   "2025-11-03T09:00", "2025-11-03T10:00", "2025-11-04T09:00",
		   NULL, s->r_fixed);
	/* in the window, neither acknowledged nor resolved (a Monday) */
	mt_request(f, f->test, f->nsi, "demand", NULL, "Imprimante HS",
		   "2026-01-05T09:00", NULL, NULL, NULL, s->r_printer);
	/* before the window and still open at the meeting */
	mt_request(f, f->test, f->nsi, "demand", NULL, "Réseau lent",
		   "2025-06-02T09:00", "2025-06-02T10:00", NULL, NULL,
		   s->r_slow);
	/* answered in 7 working days, never acknowledged */
	mt_request(f, f->test, f->nsi, "demand", NULL, "Accès au parapheur",
		   "2025-12-01T09:00", NULL, NULL, "2025-12-10T09:00",
		   s->r_answered);
	/* before the window and resolved: not on the agenda */
	mt_request(f, f->test, f->nsi, "incident", "mineure", "Ancienne panne",
		   "2025-05-05T09:00", "2025-05-05T10:00", "2025-05-06T09:00",
		   NULL, s->r_old);
	/* after the meeting */
	mt_request(f, f->test, f->nsi, "demand", NULL, "Après la réunion",
		   "2026-01-20T09:00", NULL, NULL, NULL, s->r_after);
	/* another contract's */
	mt_request(f, f->haillan, f->haillan_nsi, "demand", NULL, "Ailleurs",
		   "2025-12-01T09:00", NULL, NULL, NULL, u);

	cr_assert_eq(store_dispute_open(f->st, f->test, &d, s->dispute, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_open(f->st, f->test, &old, u, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_close(f->st, u, "2025-04-01", "Accord", &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_dispute_open(f->st, f->test, &later, u, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_open(f->st, f->haillan, &d, u, &e), 0, "%s",
		     e.msg);
}

static size_t mt_n_kind(const struct agenda_item *v, size_t n,
			enum agenda_kind k)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += v[i].kind == k;
	return c;
}

/* The i-th item (from 0) of kind k, or NULL. */
static const struct agenda_item *mt_item(const struct agenda_item *v,
					 size_t n, enum agenda_kind k,
					 size_t i)
{
	for (size_t j = 0; j < n; j++)
		if (v[j].kind == k && i-- == 0)
			return &v[j];
	return NULL;
}

Test(meeting_agenda, window_from_the_previous_meeting_not_cancelled)
{
	struct mt_seed s;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct err e;

	mt_seed(&s);
	cr_assert_eq(store_meeting_window(s.f.st, s.m1, from, to, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(from, "2025-10-15");
	cr_expect_str_eq(to, "2026-01-15");
	/* the first meeting: from the contract's start (2020), however
	 * long ago */
	cr_assert_eq(store_meeting_window(s.f.st, s.m0, from, to, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(from, "2020-01-01");
	cr_expect_str_eq(to, "2025-10-15");
	/* the cancelled one has its window too */
	cr_assert_eq(store_meeting_window(s.f.st, s.cancelled, from, to, &e),
		     0, "%s", e.msg);
	cr_expect_str_eq(from, "2025-10-15");
	cr_expect_str_eq(to, "2025-12-01");
	cr_expect_eq(store_meeting_window(s.f.st, "nope", from, to, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	mt_close(&s.f);
}

static const char mt_young[] =
		"[contrat]\n"
		"identifiant = jeune-2025\n"
		"commune = Jeuneville\n"
		"insee = 33998\n"
		"intitule = Contrat récent\n"
		"debut = 2025-06-01\n"
		"[domaine nsi]\n"
		"nom = Numérique\n"
		"[sous-domaine nsi/A]\n"
		"nom = Stratégie\n"
		"activite.1 = Veille\n"
		"[engagement nsi/1.1]\n"
		"sous_domaine = A\n"
		"intitule = Produire\n"
		"[indicateur nsi/1.1.1]\n"
		"engagement = 1.1\n"
		"intitule = Rapport mensuel remis\n"
		"periodicite = mensuelle\n"
		"source = Livrable\n"
		"type_valeur = oui_non\n"
		"meilleur = oui\n";

Test(meeting_agenda, window_of_a_first_meeting_starts_with_the_contract)
{
	struct mt_fx f;
	char *path, young[STORE_UID_LEN], m[STORE_UID_LEN], ind[STORE_UID_LEN];
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct value yes = { .has_num = true, .num = 1 };
	struct agenda_item *v;
	const struct agenda_item *it;
	size_t n;
	struct err e;

	mt_open(&f);
	path = t_write("jeune.ini", mt_young);
	mt_import_path(f.st, path);
	free(path);
	cr_assert_eq(store_contract_find(f.st, "jeune-2025", young, &e), 0,
		     "%s", e.msg);
	mt_meeting(&f, young, MEETING_LAUNCH, "2025-09-10", m);
	cr_assert_eq(store_meeting_window(f.st, m, from, to, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(from, "2025-06-01");
	cr_expect_str_eq(to, "2025-09-10");
	cr_assert_eq(store_indicator_find(f.st, young, "nsi", "1.1.1",
					  "2025-06-01", ind, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_measurement_set(f.st, ind, "2025-07", "", &yes,
					   false, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(agenda_load(f.st, m, "2025-09-10", &v, &n, &e),
		     0, "%s", e.msg);
	/* June and August are missing, July is there, September is not
	 * over: one line for the indicator, that leads to June */
	cr_expect_eq(mt_n_kind(v, n, AGENDA_MISSING), 1);
	it = mt_item(v, n, AGENDA_MISSING, 0);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->period, "2025-06");
	cr_expect_str_eq(it->indicator_uid, ind);
	cr_expect_str_eq(it->criticality, "");
	cr_expect_str_eq(it->code, "nsi/1.1.1");
	cr_expect_eq(it->n_periods, 2);
	cr_expect_str_eq(it->periods_text, "juin 2025, août 2025");
	cr_expect_str_eq(it->text, "1.1.1 Rapport mensuel remis : 2 mois "
			 "manquants, juin 2025, août 2025");
	cr_expect_eq(mt_n_kind(v, n, AGENDA_MISSED), 0);
	it = mt_item(v, n, AGENDA_REQUESTS, 0);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->text, "Saisines depuis le 01/06/2025 : 0 reçue, "
			 "0 résolue ou répondue, 0 en retard");
	cr_expect_eq(mt_n_kind(v, n, AGENDA_REQUEST_LATE), 0);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_DISPUTE), 0);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_ACTION), 0);
	agenda_free(v, n);
	mt_close(&f);
}

Test(meeting_agenda, built_from_the_data_of_the_window_in_order)
{
	struct mt_seed s;
	struct agenda_item *v;
	const struct agenda_item *it;
	size_t n;
	struct err e;

	mt_seed(&s);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	/* kinds come in the documented order */
	for (size_t i = 1; i < n; i++)
		cr_expect_leq(v[i - 1].kind, v[i].kind, "item %zu: %s", i,
			      v[i].text);

	cr_expect_eq(mt_n_kind(v, n, AGENDA_MISSING), 1);
	it = mt_item(v, n, AGENDA_MISSING, 0);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->indicator_uid, s.i112);
	cr_expect_str_eq(it->period, "2025-11");
	cr_expect_str_eq(it->criticality, "mineure");
	cr_expect_str_eq(it->code, "nsi/1.1.2");
	cr_expect_null(it->value_text);
	cr_expect_str_eq(it->text, "1.1.2 [mineure] Délai de résolution : 1 "
			 "mois manquant, nov. 2025");

	cr_expect_eq(mt_n_kind(v, n, AGENDA_MISSED), 2);
	it = mt_item(v, n, AGENDA_MISSED, 0);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->indicator_uid, s.i112);
	cr_expect_str_eq(it->period, "2025-12");
	cr_expect_str_eq(it->criticality, "critique");
	cr_expect_str_eq(it->value_text, "6 h");
	cr_expect_str_eq(it->target_text, "4 h");
	cr_expect_str_eq(it->text, "1.1.2 [critique] Délai de résolution — "
			 "décembre 2025 : 6 h pour une cible de 4 h");
	it = mt_item(v, n, AGENDA_MISSED, 1);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->indicator_uid, s.i113);
	cr_expect_str_eq(it->period, "2025");
	cr_expect_str_eq(it->criticality, "");
	cr_expect_str_eq(it->value_text, "2");
	cr_expect_str_eq(it->target_text, "4");
	cr_expect_str_eq(it->text, "1.1.3 Maturité ISO 27001 — 2025 : 2 pour "
			 "une cible de 4");

	cr_expect_eq(mt_n_kind(v, n, AGENDA_REQUESTS), 1);
	it = mt_item(v, n, AGENDA_REQUESTS, 0);
	cr_assert_not_null(it);
	cr_expect_eq(it->n_received, 3);
	cr_expect_eq(it->n_closed, 2);
	cr_expect_eq(it->n_late, 3);
	cr_expect(it->late);
	cr_expect_str_eq(it->text, "Saisines depuis le 15/10/2025 : 3 reçues, "
			 "2 résolues ou répondues, 3 en retard");

	cr_assert_eq(mt_n_kind(v, n, AGENDA_REQUEST_LATE), 3);
	it = mt_item(v, n, AGENDA_REQUEST_LATE, 0);
	cr_expect_str_eq(it->ref_uid, s.r_slow);
	cr_expect(it->late);
	cr_expect_str_eq(it->text, "Saisine « Réseau lent » reçue le "
			 "02/06/2025 : non résolue après 157 jours ouvrés");
	it = mt_item(v, n, AGENDA_REQUEST_LATE, 1);
	cr_expect_str_eq(it->ref_uid, s.r_answered);
	cr_expect_str_eq(it->text, "Saisine « Accès au parapheur » reçue le "
			 "01/12/2025 : prise en compte en 7 jours ouvrés ; "
			 "traitée en 7 jours ouvrés");
	it = mt_item(v, n, AGENDA_REQUEST_LATE, 2);
	cr_expect_str_eq(it->ref_uid, s.r_printer);
	cr_expect_str_eq(it->text, "Saisine « Imprimante HS » reçue le "
			 "05/01/2026 : non prise en compte après 8 jours "
			 "ouvrés ; non résolue après 8 jours ouvrés");

	cr_assert_eq(mt_n_kind(v, n, AGENDA_DISPUTE), 1);
	it = mt_item(v, n, AGENDA_DISPUTE, 0);
	cr_expect_str_eq(it->ref_uid, s.dispute);
	cr_expect_str_eq(it->text, "Litige « Priorités du parc » ouvert le "
			 "01/12/2025 (fond, niveau 1)");

	cr_assert_eq(mt_n_kind(v, n, AGENDA_ACTION), 2);
	it = mt_item(v, n, AGENDA_ACTION, 0);
	cr_expect_str_eq(it->ref_uid, s.a_late);
	cr_expect(it->late);
	cr_expect_str_eq(it->text, "Action « Mettre à jour le schéma », DSI, "
			 "échéance le 30/11/2025 (réunion du 15/10/2025) : "
			 "à faire, en retard");
	it = mt_item(v, n, AGENDA_ACTION, 1);
	cr_expect_str_eq(it->ref_uid, s.a_ontime);
	cr_expect_not(it->late);
	cr_expect_str_eq(it->text, "Action « Former les agents », RH, "
			 "échéance le 01/03/2026 (réunion du 15/10/2025) : "
			 "en cours");
	agenda_free(v, n);
	mt_close(&s.f);
}

Test(meeting_agenda, a_cancelled_request_is_never_late)
{
	struct mt_seed s;
	struct agenda_item *v;
	char u[STORE_UID_LEN];
	size_t n;
	struct err e;

	mt_seed(&s);
	mt_request(&s.f, s.f.test, s.f.nsi, "demand", NULL, "Doublon",
		   "2025-11-10T09:00", NULL, NULL, NULL, u);
	cr_assert_eq(store_request_cancel(s.f.st, u, "2025-11-10T12:00",
					  "Doublon", &e), 0, "%s", e.msg);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_REQUEST_LATE), 3);
	/* nor counted as received */
	cr_expect_str_eq(mt_item(v, n, AGENDA_REQUESTS, 0)->text,
			 "Saisines depuis le 15/10/2025 : 3 reçues, 2 résolues "
			 "ou répondues, 3 en retard");
	for (size_t i = 0; i < n; i++)
		cr_expect_str_neq(v[i].ref_uid, u);
	agenda_free(v, n);
	/* cancelled after the meeting: it was open, and late, then */
	cr_assert_eq(store_request_cancel(s.f.st, s.r_printer,
					  "2026-01-16T09:00", "Doublon", &e),
		     0, "%s", e.msg);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_REQUEST_LATE), 3);
	cr_expect_eq(mt_item(v, n, AGENDA_REQUESTS, 0)->n_received, 3);
	agenda_free(v, n);
	mt_close(&s.f);
}

Test(meeting_agenda, a_cancelled_previous_meeting_does_not_open_the_window)
{
	struct mt_seed s;
	struct agenda_item *v;
	const struct agenda_item *it;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	size_t n;
	struct err e;

	mt_seed(&s);
	/* with the meeting of 01/12 held instead of cancelled, the window
	 * would start there; cancelled, it does not: October is reviewed */
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	it = mt_item(v, n, AGENDA_REQUESTS, 0);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->text, "Saisines depuis le 15/10/2025 : 3 reçues, "
			 "2 résolues ou répondues, 3 en retard");
	agenda_free(v, n);
	/* a meeting planned on 01/12 instead: the window starts there */
	mt_meeting(&s.f, s.f.test, MEETING_THEMATIC, "2025-12-01", s.cancelled);
	cr_assert_eq(store_meeting_window(s.f.st, s.m1, from, to, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(from, "2025-12-01");
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	/* November's mineure ended before the window: not missing here */
	cr_expect_eq(mt_n_kind(v, n, AGENDA_MISSING), 0);
	it = mt_item(v, n, AGENDA_REQUESTS, 0);
	cr_assert_not_null(it);
	cr_expect_eq(it->n_received, 2);
	agenda_free(v, n);
	mt_close(&s.f);
}

Test(meeting_agenda, unknown_meeting_is_not_found)
{
	struct mt_fx f;
	struct agenda_item *v = (struct agenda_item *)1;
	size_t n = 7;
	struct err e;

	mt_open(&f);
	cr_expect_eq(agenda_load(f.st, "nope", NULL, &v, &n, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_null(v);
	cr_expect_eq(n, 0);
	mt_close(&f);
}

Test(meeting_agenda, each_period_is_judged_in_the_version_in_force_then)
{
	static const char amendment[] =
		"[avenant]\n"
		"contrat = jeune-2025\n"
		"numero = 1\n"
		"en_vigueur = 2025-08-01\n"
		"objet = Révision\n"
		"remplace = nsi\n"
		"[domaine nsi]\n"
		"nom = Numérique\n"
		"[sous-domaine nsi/A]\n"
		"nom = Stratégie\n"
		"activite.1 = Veille\n"
		"[engagement nsi/1.1]\n"
		"sous_domaine = A\n"
		"intitule = Produire\n"
		"[indicateur nsi/1.1.1]\n"
		"engagement = 1.1\n"
		"intitule = Rapport mensuel remis à temps\n"
		"periodicite = mensuelle\n"
		"source = Livrable\n"
		"type_valeur = oui_non\n"
		"meilleur = oui\n";
	struct mt_fx f;
	char *path, young[STORE_UID_LEN], m[STORE_UID_LEN];
	char v1[STORE_UID_LEN], v2[STORE_UID_LEN];
	struct agenda_item *v;
	const struct agenda_item *it;
	size_t n;
	struct err e;

	mt_open(&f);
	path = t_write("jeune.ini", mt_young);
	mt_import_path(f.st, path);
	free(path);
	path = t_write("jeune-avenant.ini", amendment);
	mt_import_path(f.st, path);
	free(path);
	cr_assert_eq(store_contract_find(f.st, "jeune-2025", young, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_indicator_find(f.st, young, "nsi", "1.1.1",
					  "2025-06-01", v1, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_indicator_find(f.st, young, "nsi", "1.1.1",
					  "2025-08-01", v2, &e), 0, "%s",
		     e.msg);
	cr_assert_str_neq(v1, v2);
	/* June to November, nothing entered: six months missing, the
	 * first two in the contract's version, the others in the
	 * amendment's (named as it names the indicator: the annex in force
	 * at the meeting), on one line that leads to June in the first */
	mt_meeting(&f, young, MEETING_FOLLOW_UP, "2025-12-01", m);
	cr_assert_eq(agenda_load(f.st, m, "2025-12-01", &v, &n, &e),
		     0, "%s", e.msg);
	cr_assert_eq(mt_n_kind(v, n, AGENDA_MISSING), 1);
	it = mt_item(v, n, AGENDA_MISSING, 0);
	cr_expect_str_eq(it->period, "2025-06");
	cr_expect_str_eq(it->indicator_uid, v1);
	cr_expect_str_eq(it->text, "1.1.1 Rapport mensuel remis à temps : 6 "
			 "mois manquants, juin – nov. 2025");
	agenda_free(v, n);
	/* June in the contract's version, August in the amendment's: each
	 * cell is read in its own version; the line now leads to July */
	{
		struct value yes = { .has_num = true, .num = 1 };

		cr_assert_eq(store_measurement_set(f.st, v1, "2025-06", "",
						   &yes, false, NULL, &e), 0,
			     "%s", e.msg);
		cr_assert_eq(store_measurement_set(f.st, v2, "2025-08", "",
						   &yes, false, NULL, &e), 0,
			     "%s", e.msg);
	}
	cr_assert_eq(agenda_load(f.st, m, "2025-12-01", &v, &n, &e),
		     0, "%s", e.msg);
	cr_assert_eq(mt_n_kind(v, n, AGENDA_MISSING), 1);
	it = mt_item(v, n, AGENDA_MISSING, 0);
	cr_expect_str_eq(it->period, "2025-07");
	cr_expect_str_eq(it->indicator_uid, v1);
	cr_expect_str_eq(it->text, "1.1.1 Rapport mensuel remis à temps : 4 "
			 "mois manquants, juil. 2025, sept. – nov. 2025");
	cr_expect_eq(mt_n_kind(v, n, AGENDA_VALUE), 2);
	agenda_free(v, n);
	mt_close(&f);
}

Test(meeting_agenda, launch_meeting_is_on_every_agenda_until_held)
{
	struct mt_seed s;
	struct agenda_item *v;
	const struct agenda_item *it;
	char launch[STORE_UID_LEN];
	size_t n;
	struct err e;

	mt_seed(&s);
	/* none held nor planned: said first */
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_assert_gt(n, 0);
	cr_expect_eq(v[0].kind, AGENDA_LAUNCH);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_LAUNCH), 1);
	cr_expect(v[0].late);
	cr_expect_str_eq(v[0].ref_uid, "");
	cr_expect_str_eq(v[0].text, "Réunion de lancement pas encore tenue ni "
			 "prévue : l'article 5 la prévoit avec les parties "
			 "prenantes pour partager les objectifs du contrat et "
			 "les procédures de travail, et s'accorder sur un plan "
			 "d'actions");
	agenda_free(v, n);
	/* planned: said with its date, leads to it */
	mt_meeting(&s.f, s.f.test, MEETING_LAUNCH, "2026-02-10", launch);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	it = mt_item(v, n, AGENDA_LAUNCH, 0);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->ref_uid, launch);
	cr_expect(strstr(it->text, "Réunion de lancement pas encore tenue "
			 "(prévue le 10/02/2026) : "), "%s", it->text);
	agenda_free(v, n);
	/* the launch meeting's own agenda does not ask for itself */
	cr_assert_eq(agenda_load(s.f.st, launch, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_LAUNCH), 0);
	agenda_free(v, n);
	/* held after this meeting: this one's agenda still says it was to
	 * come; a later meeting's does not */
	setenv("SUIVI_TODAY", "2026-02-10", 1);
	cr_assert_eq(store_meeting_close(s.f.st, launch, NULL, &e), 0, "%s",
		     e.msg);
	unsetenv("SUIVI_TODAY");
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-02-10", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_LAUNCH), 1);
	agenda_free(v, n);
	{
		char later[STORE_UID_LEN];

		mt_meeting(&s.f, s.f.test, MEETING_FOLLOW_UP, "2026-03-10",
			   later);
		cr_assert_eq(agenda_load(s.f.st, later, "2026-03-10",
						  &v, &n, &e), 0, "%s", e.msg);
		cr_expect_eq(mt_n_kind(v, n, AGENDA_LAUNCH), 0);
		agenda_free(v, n);
	}
	mt_close(&s.f);
}

Test(meeting_agenda, disputes_open_on_the_meeting_date)
{
	struct mt_seed s;
	struct dispute_input today = { "2026-01-15", "Ouvert le jour même",
				       DISPUTE_PROGRAMMING, NULL, NULL };
	struct dispute_input after = { "2025-11-20", "Clos après la réunion",
				       DISPUTE_PROGRAMMING, NULL, NULL };
	struct dispute_input same = { "2025-11-21", "Clos le jour de la "
				      "réunion", DISPUTE_PROGRAMMING, NULL,
				      NULL };
	char u1[STORE_UID_LEN], u2[STORE_UID_LEN], u3[STORE_UID_LEN];
	struct agenda_item *v;
	size_t n;
	struct err e;

	mt_seed(&s);
	cr_assert_eq(store_dispute_open(s.f.st, s.f.test, &today, u1, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_open(s.f.st, s.f.test, &after, u2, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_close(s.f.st, u2, "2026-01-16", "Accord",
					 &e), 0, "%s", e.msg);
	cr_assert_eq(store_dispute_open(s.f.st, s.f.test, &same, u3, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_close(s.f.st, u3, "2026-01-15", "Accord",
					 &e), 0, "%s", e.msg);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	/* oldest first */
	cr_assert_eq(mt_n_kind(v, n, AGENDA_DISPUTE), 3);
	cr_expect_str_eq(mt_item(v, n, AGENDA_DISPUTE, 0)->ref_uid, u2);
	cr_expect_str_eq(mt_item(v, n, AGENDA_DISPUTE, 0)->text,
			 "Litige « Clos après la réunion » ouvert le 20/11/2025 "
			 "(programmation des travaux, niveau 1)");
	cr_expect_str_eq(mt_item(v, n, AGENDA_DISPUTE, 1)->ref_uid, s.dispute);
	cr_expect_str_eq(mt_item(v, n, AGENDA_DISPUTE, 2)->ref_uid, u1);
	agenda_free(v, n);
	mt_close(&s.f);
}

Test(meeting_agenda, values_reviewed_with_their_figures)
{
	struct mt_seed s;
	struct agenda_item *v;
	const struct agenda_item *it = NULL;
	size_t n;
	struct err e;

	mt_seed(&s);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	/* 1.1.1 2025, 1.1.2: October x3, November critique and majeure
	 * (computed), December majeure and mineure */
	cr_expect_eq(mt_n_kind(v, n, AGENDA_VALUE), 8);
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == AGENDA_VALUE &&
		    !strcmp(v[i].period, "2025-11") &&
		    !strcmp(v[i].criticality, "majeure"))
			it = &v[i];
	cr_assert_not_null(it);
	cr_expect_str_eq(it->indicator_uid, s.i112);
	cr_expect_str_eq(it->value_text, "24 h");
	agenda_free(v, n);
	mt_close(&s.f);
}

Test(meeting_store, schema_5_databases_gain_the_validation_mark)
{
	char *db = t_path("v5.db");
	struct store *st;
	struct err e;
	sqlite3 *raw;
	sqlite3_stmt *q;

	cr_assert_eq(store_open_at_version(db, 5, &st, &e), 0, "%s", e.msg);
	store_close(st);
	cr_assert_eq(store_open(db, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_expect_eq(store_schema_version(st), store_schema_latest());
	cr_expect_geq(store_schema_latest(), 6);
	store_close(st);
	cr_assert_eq(sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(raw, "SELECT validated_meeting_uid"
					" FROM measurement", -1, &q, NULL),
		     SQLITE_OK, "%s", sqlite3_errmsg(raw));
	sqlite3_finalize(q);
	cr_assert_eq(sqlite3_prepare_v2(raw, "SELECT count(*) FROM"
					" sqlite_master WHERE name IN"
					" ('meeting_attendee_of', 'decision_of',"
					" 'action_item_open')", -1, &q, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
	cr_expect_eq(sqlite3_column_int(q, 0), 3);
	sqlite3_finalize(q);
	sqlite3_close(raw);
	free(db);
}

Test(meeting_agenda, first_meeting_reviews_since_the_start_grouped)
{
	struct mt_seed s;
	struct agenda_item *v;
	const struct agenda_item *it;
	size_t n;
	struct err e;

	mt_seed(&s);
	/* window 01/01/2020 (the contract's start) - 15/10/2025, not twelve
	 * months back: 2020 to 2024 for the annual ones, January 2020 to
	 * September 2025 for 1.1.2, nothing entered then; May 2025's
	 * mineure comes from the request "Ancienne panne". One line per
	 * indicator and criticality. */
	cr_assert_eq(agenda_load(s.f.st, s.m0, "2025-10-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_MISSING), 2 + 3);
	it = mt_item(v, n, AGENDA_MISSING, 0);
	cr_expect_str_eq(it->text, "1.1.1 Schéma numérique à jour : 5 années "
			 "manquantes, 2020 – 2024");
	cr_expect_str_eq(it->period, "2020");
	/* 1.1.2 by criticality */
	it = mt_item(v, n, AGENDA_MISSING, 1);
	cr_expect_str_eq(it->period, "2020-01");
	cr_expect_str_eq(it->criticality, "critique");
	cr_expect_eq(it->n_periods, 69);
	cr_expect_str_eq(it->text, "1.1.2 [critique] Délai de résolution : 69 "
			 "mois manquants, janv. 2020 – sept. 2025");
	it = mt_item(v, n, AGENDA_MISSING, 2);
	cr_expect_str_eq(it->criticality, "majeure");
	/* May 2025 computed: two runs around it */
	it = mt_item(v, n, AGENDA_MISSING, 3);
	cr_expect_str_eq(it->criticality, "mineure");
	cr_expect_eq(it->n_periods, 68);
	cr_expect_str_eq(it->periods_text, "janv. 2020 – avr. 2025, juin – "
			 "sept. 2025");
	it = mt_item(v, n, AGENDA_MISSING, 4);
	cr_expect_str_eq(it->text, "1.1.3 Maturité ISO 27001 : 5 années "
			 "manquantes, 2020 – 2024");
	cr_expect_eq(mt_n_kind(v, n, AGENDA_VALUE), 1);
	it = mt_item(v, n, AGENDA_REQUESTS, 0);
	cr_assert_not_null(it);
	cr_expect_str_eq(it->text, "Saisines depuis le 01/01/2020 : 2 reçues, "
			 "1 résolue ou répondue, 1 en retard");
	cr_assert_eq(mt_n_kind(v, n, AGENDA_REQUEST_LATE), 1);
	cr_expect_str_eq(mt_item(v, n, AGENDA_REQUEST_LATE, 0)->ref_uid,
			 s.r_slow);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_DISPUTE), 0);
	cr_expect_eq(mt_n_kind(v, n, AGENDA_ACTION), 0);
	agenda_free(v, n);
	mt_close(&s.f);
}

Test(meeting_agenda, quarterly_choice_gives_quarters)
{
	struct mt_seed s;
	struct agenda_item *v;
	const struct agenda_item *it;
	size_t n;
	struct err e;

	mt_seed(&s);
	cr_assert_eq(store_indicator_set_quarterly(s.f.st, s.i112, true, &e),
		     0, "%s", e.msg);
	mt_set(&s.f, s.i112, "2025-T4", "critique", 2);
	mt_set(&s.f, s.i112, "2025-T4", "majeure", 2);
	cr_assert_eq(agenda_load(s.f.st, s.m1, "2026-01-15", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_assert_eq(mt_n_kind(v, n, AGENDA_MISSING), 1);
	it = mt_item(v, n, AGENDA_MISSING, 0);
	cr_expect_str_eq(it->period, "2025-T4");
	cr_expect_str_eq(it->criticality, "mineure");
	cr_expect_str_eq(it->text, "1.1.2 [mineure] Délai de résolution : 1 "
			 "trimestre manquant, T4 2025");
	cr_expect_eq(mt_n_kind(v, n, AGENDA_MISSED), 1);	/* 1.1.3 */
	agenda_free(v, n);
	mt_close(&s.f);
}

Test(meeting_store, changes_nest_in_the_callers_transaction)
{
	struct mt_fx f;
	char uid[STORE_UID_LEN];
	struct err e;

	mt_open(&f);
	cr_assert_eq(store_begin(f.st, &e), 0, "%s", e.msg);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", uid);
	mt_action(&f, uid, "Annulée avec le reste", NULL, NULL, NULL);
	store_rollback(f.st);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM meeting"), 0);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM action_item"), 0);
	mt_close(&f);
}

Test(meeting_store, today_defaults_to_suivi_today)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], a[STORE_UID_LEN];
	struct meeting got;
	struct cadence c;
	struct err e;

	setenv("SUIVI_TODAY", "2026-02-03", 1);
	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m);
	mt_action(&f, m, "Faire", NULL, "2026-02-02", a);
	cr_assert_eq(store_meeting_get(f.st, m, NULL, &got, &e), 0, "%s",
		     e.msg);
	cr_expect(got.actions[0].late);
	cr_expect_eq(got.n_late, 1);
	store_meeting_release(&got);
	cr_assert_eq(store_action_set_status(f.st, a, ACTION_DONE, NULL, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_meeting_get(f.st, m, NULL, &got, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(got.actions[0].done_on, "2026-02-03");
	cr_expect_not(got.actions[0].late);
	store_meeting_release(&got);
	cr_assert_eq(store_meeting_cadence(f.st, f.test, NULL, &c, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(c.year, 2026);
	mt_close(&f);
}

Test(meeting_validation, clearing_a_validated_value_needs_a_reason_too)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], i113[STORE_UID_LEN];
	struct value v = { .has_num = true, .num = 3 };
	struct measurement_before before;
	struct measurement got;
	struct measurement_event *ev;
	size_t n;
	bool found;
	struct err e;

	mt_open(&f);
	mt_indicator(&f, "1.1.3", i113);
	mt_set(&f, i113, "2025", "", 2);
	mt_set(&f, i113, "2024", "", 1);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m);
	cr_assert_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);

	cr_expect_eq(cell_clear(f.st, i113, "2025", "",
		" ", NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "cette valeur a été validée en réunion le "
			 "15/01/2026 : donnez la raison du changement");
	cr_assert_eq(store_measurement_get(f.st, i113, "2025", "", &got, &found,
					   &e), 0, "%s", e.msg);
	cr_expect(found && got.value.has_num && got.value.num == 2);
	store_measurement_release(&got);

	/* what it replaced comes back for undo */
	cr_assert_eq(cell_clear(f.st, i113, "2025", "",
		"Doublon de 2024", &before, &e), 0, "%s", e.msg);
	cr_expect(before.existed);
	cr_expect(before.value.has_num);
	cr_expect_eq(before.value.num, 2);
	store_measurement_before_release(&before);
	cr_assert_eq(store_measurement_history(f.st, i113, "2025", "", &ev, &n,
					       &e), 0, "%s", e.msg);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(ev[2].action, "clear");
	cr_assert_not_null(ev[2].reason);
	cr_expect_str_eq(ev[2].reason, "Doublon de 2024");
	store_measurement_history_free(ev, n);

	cr_assert_eq(cell_set(f.st, i113, "2024", "",
		&v, false, "Recompté", NULL, &before, &e), 0, "%s", e.msg);
	cr_expect(before.existed);
	cr_expect_eq(before.value.num, 1);
	store_measurement_before_release(&before);
	/* nothing to clear: as store_measurement_clear */
	cr_expect_eq(cell_clear(f.st, i113, "2023", "",
		NULL, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	mt_close(&f);
}

Test(meeting_store, a_meeting_not_held_yet_does_not_close)
{
	struct mt_fx f;
	char m[STORE_UID_LEN];
	struct meeting got;
	struct err e;

	setenv("SUIVI_TODAY", "2026-02-03", 1);
	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-02-04", m);
	cr_expect_eq(store_meeting_close(f.st, m, NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "la réunion du 04/02/2026 n'a pas encore eu "
			 "lieu : elle se clôt le jour même ou après");
	cr_assert_eq(store_meeting_get(f.st, m, NULL, &got, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(got.status, MEETING_PLANNED);
	store_meeting_release(&got);
	setenv("SUIVI_TODAY", "2026-02-04", 1);
	cr_expect_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);
	mt_close(&f);
}

/* ------------------------------------------------------------------ */
/* Correcting the records, and the history                             */

static struct store_change *mt_history(struct mt_fx *f, const char *uid,
					 size_t *n)
{
	struct store_change *h;
	struct err e;

	cr_assert_eq(store_meeting_history(f->st, uid, &h, n, &e), 0, "%s",
		     e.msg);
	return h;
}

#define MT_REFUSED(call, e, want)                                           \
	do {                                                                \
		cr_expect_neq((call), 0, "accepted, want « %s »", want);    \
		cr_expect_eq((e).code, ERR_INPUT, "code %d: %s", (e).code,  \
			     (e).msg);                                      \
		cr_expect(strstr((e).msg, want), "« %s », want « %s »",     \
			  (e).msg, want);                                   \
	} while (0)

Test(meeting_store, history_follows_the_meeting_and_its_records)
{
	struct mt_fx f;
	struct meeting_input in = { MEETING_FOLLOW_UP, "15/01/2026", "Salle A",
				    NULL };
	char m[STORE_UID_LEN], act[STORE_UID_LEN];
	struct store_change *h;
	static const char *const whats[] = {
		"réunion prévue", "participant ajouté", "réunion modifiée",
		"décision ajoutée", "action ajoutée", "réunion ouverte",
		"état de l'action changé", "réunion close",
	};
	size_t n;
	struct err e;

	mt_open(&f);
	cr_assert_eq(store_meeting_create(f.st, f.test, &in, m, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_meeting_add_attendee(f.st, m, "Marie Dupont", "DGS",
						SIDE_COMMUNE, NULL, &e), 0,
		     "%s", e.msg);
	in.place = "Salle B";
	cr_assert_eq(store_meeting_update(f.st, m, &in, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_update(f.st, m, &in, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Valider le "
						"calendrier", NULL, &e), 0,
		     "%s", e.msg);
	mt_action(&f, m, "Relancer l'opérateur", "DSI", "01/02/2026", act);
	cr_assert_eq(store_meeting_open(f.st, m, &e), 0, "%s", e.msg);
	cr_assert_eq(store_action_set_status(f.st, act, ACTION_IN_PROGRESS,
					     NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);
	h = mt_history(&f, m, &n);
	cr_assert_eq(n, sizeof whats / sizeof *whats, "%zu rows", n);
	for (size_t i = 0; i < n; i++) {
		cr_expect_str_eq(h[i].what, whats[i], "row %zu", i);
		cr_expect_str_eq(h[i].author, "Référent test");
		cr_expect_not_null(h[i].at);
		cr_expect_null(h[i].reason);
	}
	cr_expect_null(h[0].before);
	cr_expect_str_eq(h[0].after, "réunion de suivi · le 15/01/2026 · "
			 "lieu : Salle A");
	cr_expect_str_eq(h[1].after, "Marie Dupont (DGS, commune)");
	cr_expect_str_eq(h[2].before, "lieu : Salle A");
	cr_expect_str_eq(h[2].after, "lieu : Salle B");
	cr_expect_str_eq(h[3].after, "décision 1 : Valider le calendrier");
	cr_expect_str_eq(h[4].after, "action : Relancer l'opérateur · "
			 "responsable : DSI · échéance : 01/02/2026 · à faire");
	cr_expect_str_eq(h[5].before, "prévue");
	cr_expect_str_eq(h[5].after, "en cours");
	cr_expect_str_eq(h[6].before, "action : Relancer l'opérateur · "
			 "responsable : DSI · échéance : 01/02/2026 · à faire");
	cr_expect_str_eq(h[6].after, "action : Relancer l'opérateur · "
			 "responsable : DSI · échéance : 01/02/2026 · en cours");
	cr_expect_str_eq(h[7].before, "en cours");
	cr_expect_str_eq(h[7].after, "close · aucune valeur à valider");
	store_changes_free(h, n);
	/* its action moves on after the closing, and says so */
	cr_assert_eq(store_action_set_status(f.st, act, ACTION_DONE,
					     "2026-02-02", &e), 0, "%s", e.msg);
	h = mt_history(&f, m, &n);
	cr_assert_eq(n, 9);
	cr_expect(strstr(h[8].after, "· faite le 02/02/2026"), "%s",
		  h[8].after);
	store_changes_free(h, n);
	cr_expect_neq(store_meeting_history(f.st, "nope", &h, &n, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	mt_close(&f);
}

Test(meeting_store, records_of_an_open_meeting_corrected_without_reason)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], att[STORE_UID_LEN], act[STORE_UID_LEN];
	char d[3][STORE_UID_LEN];
	struct action_input ai = { "Relancer l'opérateur télécom", "  ",
				   "" };
	struct store_change *h;
	struct meeting got;
	size_t n;
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m);
	cr_assert_eq(store_meeting_add_attendee(f.st, m, "M. Service", NULL,
						-1, att, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Un", d[0], &e), 0);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Deux", d[1], &e), 0);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Trois", d[2], &e),
		     0);
	mt_action(&f, m, "Relancer", "DSI", "2026-02-01", act);

	cr_assert_eq(store_meeting_update_attendee(f.st, att, " Marc Service ",
		"chef de projet", SIDE_SHARED, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_update_decision(f.st, d[1], "Deux, relu",
						   NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_delete_decision(f.st, d[0], "doublon", &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_action_update(f.st, act, &ai, NULL, &e), 0, "%s",
		     e.msg);
	/* nothing changes: nothing written */
	cr_assert_eq(store_action_update(f.st, act, &ai, NULL, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_meeting_update_decision(f.st, d[1], "Deux, relu",
						   NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_get(f.st, m, "2026-01-20", &got, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(got.n_attendees, 1);
	cr_expect_str_eq(got.attendees[0].name, "Marc Service");
	cr_expect_str_eq(got.attendees[0].function, "chef de projet");
	cr_expect_eq(got.attendees[0].side, SIDE_SHARED);
	cr_assert_eq(got.n_decisions, 2);
	cr_expect_eq(got.decisions[0].position, 1, "renumbered");
	cr_expect_str_eq(got.decisions[0].text, "Deux, relu");
	cr_expect_eq(got.decisions[1].position, 2);
	cr_expect_str_eq(got.decisions[1].text, "Trois");
	cr_assert_eq(got.n_actions, 1);
	cr_expect_str_eq(got.actions[0].what, "Relancer l'opérateur télécom");
	cr_expect_null(got.actions[0].owner);
	cr_expect_null(got.actions[0].due_on);
	cr_expect_eq(got.actions[0].status, ACTION_OPEN, "its status stays");
	store_meeting_release(&got);
	h = mt_history(&f, m, &n);
	cr_assert_eq(n, 10);
	cr_expect_str_eq(h[6].what, "participant modifié");
	cr_expect_str_eq(h[6].before, "M. Service");
	cr_expect_str_eq(h[6].after, "Marc Service (chef de projet, service "
			 "commun)");
	cr_expect_null(h[6].reason);
	cr_expect_str_eq(h[7].what, "décision modifiée");
	cr_expect_str_eq(h[7].before, "décision 2 : Deux");
	cr_expect_str_eq(h[7].after, "décision 2 : Deux, relu");
	cr_expect_str_eq(h[8].what, "décision supprimée");
	cr_expect_str_eq(h[8].before, "décision 1 : Un");
	cr_expect_null(h[8].after);
	cr_expect_str_eq(h[8].reason, "doublon", "a reason given is kept");
	cr_expect_str_eq(h[9].what, "action modifiée");
	cr_expect_str_eq(h[9].after, "action : Relancer l'opérateur télécom · "
			 "à faire");
	store_changes_free(h, n);
	/* a new decision follows the renumbered ones */
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Quatre", NULL, &e),
		     0);
	cr_assert_eq(store_meeting_get(f.st, m, NULL, &got, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(got.decisions[2].position, 3);
	store_meeting_release(&got);
	cr_assert_eq(store_meeting_remove_attendee(f.st, att, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_action_delete(f.st, act, NULL, &e), 0, "%s", e.msg);
	h = mt_history(&f, m, &n);
	cr_assert_eq(n, 13);
	cr_expect_str_eq(h[11].what, "participant retiré");
	cr_expect_str_eq(h[11].before, "Marc Service (chef de projet, service "
			 "commun)");
	cr_expect_str_eq(h[12].what, "action supprimée");
	cr_expect_null(h[12].after);
	store_changes_free(h, n);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM action_item"), 0);
	/* unknown records; a blank text */
	cr_expect_neq(store_meeting_update_decision(f.st, "nope", "x", NULL,
						    &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_neq(store_action_delete(f.st, act, NULL, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_neq(store_meeting_update_attendee(f.st, att, "X", NULL, -1,
						    NULL, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	MT_REFUSED(store_meeting_update_decision(f.st, d[2], "  ", NULL, &e),
		   e, "le texte de la décision est obligatoire");
	mt_close(&f);
}

Test(meeting_store, a_closed_meeting_asks_the_reason_of_a_correction)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], att[STORE_UID_LEN], act[STORE_UID_LEN];
	char dec[STORE_UID_LEN];
	struct action_input ai = { "Relancer encore", "DSI", "2026-03-01" };
	struct store_change *h;
	struct meeting got;
	static const char want[] = "la réunion du 15/01/2026 est close : "
				   "donnez la raison du changement";
	long rows;
	size_t n;
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m);
	cr_assert_eq(store_meeting_add_attendee(f.st, m, "Mme Maire", NULL,
						SIDE_COMMUNE, att, &e), 0);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "Valider", dec, &e),
		     0);
	mt_action(&f, m, "Relancer", NULL, NULL, act);
	cr_assert_eq(store_meeting_close(f.st, m, NULL, &e), 0, "%s", e.msg);
	rows = mt_count(&f, "SELECT count(*) FROM meeting_change");

	cr_expect_neq(store_meeting_update_attendee(f.st, att, "Mme la Maire",
		NULL, SIDE_COMMUNE, NULL, &e), 0);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, want);
	MT_REFUSED(store_meeting_update_attendee(f.st, att, "Mme la Maire",
		NULL, SIDE_COMMUNE, " \t ", &e), e, want);
	MT_REFUSED(store_meeting_remove_attendee_reason(f.st, att, NULL, &e),
		   e, want);
	MT_REFUSED(store_meeting_update_decision(f.st, dec, "Valider tout",
						 "", &e), e, want);
	MT_REFUSED(store_meeting_delete_decision(f.st, dec, NULL, &e), e,
		   want);
	MT_REFUSED(store_action_update(f.st, act, &ai, NULL, &e), e, want);
	MT_REFUSED(store_action_delete(f.st, act, NULL, &e), e, want);
	/* adding is still refused */
	MT_REFUSED(store_meeting_add_decision(f.st, m, "Après coup", NULL, &e),
		   e, "la réunion est close : elle ne change plus");
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM meeting_change"), rows,
		     "no history row");
	cr_assert_eq(store_meeting_get(f.st, m, NULL, &got, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(got.attendees[0].name, "Mme Maire", "unchanged");
	cr_expect_str_eq(got.decisions[0].text, "Valider");
	cr_expect_str_eq(got.actions[0].what, "Relancer");
	store_meeting_release(&got);

	/* with a reason */
	cr_assert_eq(store_meeting_update_attendee(f.st, att, "Mme la Maire",
		NULL, SIDE_COMMUNE, " Nom mal écrit ", &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_update_decision(f.st, dec, "Valider tout",
		"Relu avec la commune", &e), 0, "%s", e.msg);
	cr_assert_eq(store_action_update(f.st, act, &ai, "Précisée", &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_action_delete(f.st, act, "Abandonnée en séance",
					 &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_delete_decision(f.st, dec, "Hors sujet",
						   &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_remove_attendee_reason(f.st, att,
		"Excusée", &e), 0, "%s", e.msg);
	h = mt_history(&f, m, &n);
	cr_assert_eq(n, (size_t)rows + 6);
	cr_expect_str_eq(h[rows].what, "participant modifié");
	cr_expect_str_eq(h[rows].before, "Mme Maire (commune)");
	cr_expect_str_eq(h[rows].after, "Mme la Maire (commune)");
	cr_expect_str_eq(h[rows].reason, "Nom mal écrit");
	cr_expect_str_eq(h[rows + 1].reason, "Relu avec la commune");
	cr_expect_str_eq(h[rows + 2].after, "action : Relancer encore · "
			 "responsable : DSI · échéance : 01/03/2026 · à faire");
	cr_expect_str_eq(h[rows + 3].reason, "Abandonnée en séance");
	cr_expect_str_eq(h[rows + 4].before, "décision 1 : Valider tout");
	cr_expect_str_eq(h[rows + 5].what, "participant retiré");
	cr_expect_str_eq(h[rows + 5].reason, "Excusée");
	store_changes_free(h, n);
	cr_assert_eq(store_meeting_get(f.st, m, NULL, &got, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(got.status, MEETING_CLOSED, "still closed");
	cr_expect_eq(got.n_attendees, 0);
	cr_expect_eq(got.n_decisions, 0);
	cr_expect_eq(got.n_actions, 0);
	store_meeting_release(&got);
	mt_close(&f);
}

Test(meeting_store, a_cancelled_meeting_refuses_every_correction)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], att[STORE_UID_LEN], act[STORE_UID_LEN];
	char dec[STORE_UID_LEN];
	struct action_input ai = { "Autre", NULL, NULL };
	static const char want[] = "la réunion est annulée : elle ne change "
				   "plus";
	long rows;
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m);
	cr_assert_eq(store_meeting_add_attendee(f.st, m, "M. X", NULL, -1, att,
						&e), 0);
	cr_assert_eq(store_meeting_add_decision(f.st, m, "D", dec, &e), 0);
	mt_action(&f, m, "A", NULL, NULL, act);
	cr_assert_eq(store_meeting_cancel(f.st, m, &e), 0, "%s", e.msg);
	rows = mt_count(&f, "SELECT count(*) FROM meeting_change");
	MT_REFUSED(store_meeting_update_attendee(f.st, att, "M. Y", NULL, -1,
						 "raison", &e), e, want);
	MT_REFUSED(store_meeting_remove_attendee_reason(f.st, att, "raison",
							&e), e, want);
	MT_REFUSED(store_meeting_update_decision(f.st, dec, "E", "raison", &e),
		   e, want);
	MT_REFUSED(store_meeting_delete_decision(f.st, dec, "raison", &e), e,
		   want);
	MT_REFUSED(store_action_update(f.st, act, &ai, "raison", &e), e, want);
	MT_REFUSED(store_action_delete(f.st, act, "raison", &e), e, want);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM meeting_change"), rows);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM meeting_attendee"
			      " WHERE name = 'M. X'"), 1);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM decision"), 1);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM action_item"), 1);
	mt_close(&f);
}

Test(meeting_store, deleting_an_action_carried_by_later_meetings)
{
	struct mt_fx f;
	char m1[STORE_UID_LEN], m2[STORE_UID_LEN], act[STORE_UID_LEN];
	struct store_change *h;
	struct meeting got;
	size_t n;
	struct err e;

	mt_open(&f);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-01-15", m1);
	mt_action(&f, m1, "Câbler la salle", "DSI", "2026-02-01", act);
	cr_assert_eq(store_meeting_close(f.st, m1, NULL, &e), 0, "%s", e.msg);
	mt_meeting(&f, f.test, MEETING_FOLLOW_UP, "2026-02-15", m2);
	cr_assert_eq(store_meeting_get(f.st, m2, "2026-02-15", &got, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(got.n_carried, 1);
	store_meeting_release(&got);
	/* its own meeting's rule: closed, so a reason */
	MT_REFUSED(store_action_delete(f.st, act, NULL, &e), e,
		   "la réunion du 15/01/2026 est close");
	cr_assert_eq(store_action_delete(f.st, act, "Faite avant la réunion",
					 &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_get(f.st, m2, "2026-02-15", &got, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(got.n_carried, 0);
	store_meeting_release(&got);
	h = mt_history(&f, m1, &n);
	cr_assert_geq(n, 1);
	cr_expect_str_eq(h[n - 1].what, "action supprimée");
	cr_expect_str_eq(h[n - 1].before, "action : Câbler la salle · "
			 "responsable : DSI · échéance : 01/02/2026 · à faire");
	store_changes_free(h, n);
	h = mt_history(&f, m2, &n);
	cr_expect_eq(n, 1, "only its creation");
	store_changes_free(h, n);
	mt_close(&f);
}

static char *mt_filled(size_t len, char c)
{
	char *s = malloc(len + 1);

	cr_assert_not_null(s);
	memset(s, c, len);
	s[len] = '\0';
	return s;
}

Test(meeting_store, texts_up_to_their_limits)
{
	struct mt_fx f;
	char m[STORE_UID_LEN], dec[STORE_UID_LEN];
	struct meeting_input in = { MEETING_FOLLOW_UP, "2026-01-15", NULL,
				    "Ordre du jour :\n- valeurs\n- actions" };
	struct action_input ai = { "Relancer", "D\nSI", NULL };
	char *big = mt_filled(TEXT_LONG_MAX + 1, 'd');
	char *line = mt_filled(TEXT_LINE_MAX + 1, 'l');
	struct meeting got;
	struct err e;

	mt_open(&f);
	cr_assert_eq(store_meeting_create(f.st, f.test, &in, m, &e), 0, "%s",
		     e.msg);
	/* a decision of 1 Mio fits, one byte more does not */
	MT_REFUSED(store_meeting_add_decision(f.st, m, big, NULL, &e), e,
		   "décision : texte trop long (1048577 octets, 1 Mio");
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM decision"), 0);
	big[TEXT_LONG_MAX] = '\0';
	cr_assert_eq(store_meeting_add_decision(f.st, m, big, dec, &e), 0,
		     "%s", e.msg);
	big[TEXT_LONG_MAX] = 'd';
	MT_REFUSED(store_meeting_update_decision(f.st, dec, big, NULL, &e), e,
		   "décision : texte trop long");
	cr_assert_eq(store_meeting_get(f.st, m, NULL, &got, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(strlen(got.decisions[0].text), TEXT_LONG_MAX);
	cr_expect_str_eq(got.notes, "Ordre du jour :\n- valeurs\n- actions");
	store_meeting_release(&got);
	/* one-line fields */
	MT_REFUSED(store_meeting_add_attendee(f.st, m, "Marie\nDupont", NULL,
					      -1, NULL, &e), e,
		   "nom : pas de retour à la ligne dans ce champ");
	MT_REFUSED(store_meeting_add_attendee(f.st, m, "Marie", line, -1, NULL,
					      &e), e,
		   "fonction : texte trop long (1001 octets");
	MT_REFUSED(store_meeting_add_action(f.st, m, &ai, NULL, &e), e,
		   "responsable : pas de retour à la ligne");
	in.place = line;
	MT_REFUSED(store_meeting_update(f.st, m, &in, &e), e,
		   "lieu : texte trop long");
	in.place = NULL;
	in.notes = "bip\a";
	MT_REFUSED(store_meeting_update(f.st, m, &in, &e), e,
		   "notes : caractère de contrôle refusé");
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM meeting_attendee"), 0);
	cr_expect_eq(mt_count(&f, "SELECT count(*) FROM action_item"), 0);
	free(big);
	free(line);
	mt_close(&f);
}

/* A database of schema 6: its meetings gain a history from now on. */
Test(meeting_store, migration_7_gives_meetings_a_history)
{
	char *db = t_path("v6m.db");
	struct store *st;
	struct store_change *h;
	char contract[STORE_UID_LEN];
	char *sql = NULL;
	size_t n;
	struct err e;
	sqlite3 *raw;

	cr_assert_eq(store_open_at_version(db, 6, &st, &e), 0, "%s", e.msg);
	mt_import(st, "tests/fixtures/test-contrat.ini");
	cr_assert_eq(store_contract_find(st, "test-2020", contract, &e), 0);
	store_close(st);
	cr_assert(asprintf(&sql,
		"INSERT INTO meeting (uid, contract_uid, kind, held_on, status,"
		" author, created_at) VALUES ('m1', '%s', 'follow_up',"
		" '2026-01-15', 'open', 'x', 'now');"
		"INSERT INTO decision (uid, meeting_uid, position, text) VALUES"
		" ('d1', 'm1', 1, 'Ancienne');", contract) > 0);
	cr_assert_eq(sqlite3_open(db, &raw), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	free(sql);
	cr_assert_eq(store_open(db, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_expect_geq(store_schema_version(st), 7);
	cr_assert_eq(store_meeting_history(st, "m1", &h, &n, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(n, 0);
	store_changes_free(h, n);
	cr_assert_eq(store_meeting_update_decision(st, "d1", "Corrigée", NULL,
						   &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_history(st, "m1", &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(h[0].before, "décision 1 : Ancienne");
	store_changes_free(h, n);
	store_close(st);
	free(db);
}
