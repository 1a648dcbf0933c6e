/*
 * The évaluation annuelle and article 5 (src/report/evaluation.c): the
 * period (calendar year or the contract's anniversary date), a year
 * before the contract refused, the annex versions in force over the
 * period (Le Bouscat's amendment n°1 from 01/01/2018), the meetings held
 * against the cadence and the annexes' committees against their
 * frequency, the period's exceptional requests and disputes, the sender
 * from suivi.ini; on the bundled contracts, seeded through the store
 * API, "today" pinned.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/contract_file.h"
#include "suivi/doc.h"
#include "suivi/evaluation.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/store_request.h"

struct fx {
	struct store *st;
	char bouscat[STORE_UID_LEN], haillan[STORE_UID_LEN];
};

static void fx_open(struct fx *f)
{
	char *db = t_path("art5.db");
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	cr_assert_eq(store_open(db, STORE_WRITE, &f->st, &e), 0, "%s", e.msg);
	free(db);
	store_set_author(f->st, "Marie Martin");
	t_import(f->st, "share/suivi/contrats/le-bouscat.ini");
	t_import(f->st, "share/suivi/contrats/le-haillan.ini");
	t_import(f->st, "share/suivi/contrats/le-bouscat-avenant-1.ini");
	cr_assert_eq(store_contract_find(f->st, "Le Bouscat", f->bouscat, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_contract_find(f->st, "Le Haillan", f->haillan, &e),
		     0, "%s", e.msg);
	/* meetings close only once held: their dates are before this */
	setenv("SUIVI_TODAY", "2019-01-15", 1);
}

static void fx_close(struct fx *f)
{
	store_close(f->st);
	unsetenv("SUIVI_TODAY");
}

static void load(struct fx *f, const char *contract, int year,
		 enum eval_period_kind kind, const char *today,
		 struct evaluation *ev)
{
	struct eval_options o = { kind, NULL, NULL };
	struct err e;

	cr_assert_eq(evaluation_load_opts(f->st, contract, year, &o, today, ev,
					  &e), 0, "%s", e.msg);
}

static void meeting(struct fx *f, const char *contract, enum meeting_kind k,
		    const char *on, bool close)
{
	struct meeting_input in = { .kind = k, .held_on = on };
	char uid[STORE_UID_LEN];
	struct err e;

	cr_assert_eq(store_meeting_create(f->st, contract, &in, uid, &e), 0,
		     "%s", e.msg);
	if (close)
		cr_assert_eq(store_meeting_close(f->st, uid, NULL, &e), 0,
			     "%s: %s", on, e.msg);
}

/* ---------------------------------------------------------------- */
/* The doc, as data                                                  */

static const struct doc_table *table_of(const struct doc *d, const char *name)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->blocks[i].kind == DOC_TABLE &&
		    !strcmp(d->blocks[i].table->name, name))
			return d->blocks[i].table;
	cr_assert_fail("no table %s", name);
	return NULL;
}

static const char *cell(const struct doc_table *t, size_t row,
			const char *head)
{
	for (size_t c = 0; c < t->n_cols; c++)
		if (!strcmp(t->heads[c], head)) {
			cr_assert_lt(row, t->n_rows, "%s row %zu", t->name,
				     row);
			return t->cells[row * t->n_cols + c].text
				? t->cells[row * t->n_cols + c].text : "";
		}
	cr_assert_fail("table %s: no column %s", t->name, head);
	return NULL;
}

static const struct doc_block *block_with(const struct doc *d,
					  enum doc_block_kind kind,
					  const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->blocks[i].kind == kind && d->blocks[i].text &&
		    strstr(d->blocks[i].text, text))
			return &d->blocks[i];
	return NULL;
}

static bool item_is(const struct doc *d, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->blocks[i].kind == DOC_LIST)
			for (size_t k = 0; k < d->blocks[i].n_items; k++)
				if (!strcmp(d->blocks[i].items[k], text))
					return true;
	return false;
}

static ssize_t heading_at(const struct doc *d, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->blocks[i].kind == DOC_HEADING &&
		    !strcmp(d->blocks[i].text, text))
			return (ssize_t)i;
	return -1;
}

/* ---------------------------------------------------------------- */
/* The period                                                        */

Test(evaluation_period, calendar_year_or_anniversary_date)
{
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];

	cr_assert_eq(evaluation_period(EVAL_CALENDAR, 2018, "2016-02-15", from,
				       to), 0);
	cr_expect_str_eq(from, "2018-01-01");
	cr_expect_str_eq(to, "2018-12-31");
	cr_assert_eq(evaluation_period(EVAL_ANNIVERSARY, 2017, "2016-02-15",
				       from, to), 0);
	cr_expect_str_eq(from, "2017-02-15");
	cr_expect_str_eq(to, "2018-02-14");
	cr_assert_eq(evaluation_period(EVAL_ANNIVERSARY, 2016, "2016-02-15",
				       from, to), 0);
	cr_expect_str_eq(from, "2016-02-15");
	cr_expect_str_eq(to, "2017-02-14");
	/* a start on 29 February: the 28th in other years */
	cr_assert_eq(evaluation_period(EVAL_ANNIVERSARY, 2017, "2016-02-29",
				       from, to), 0);
	cr_expect_str_eq(from, "2017-02-28");
	cr_expect_str_eq(to, "2018-02-27");
	cr_assert_eq(evaluation_period(EVAL_ANNIVERSARY, 2020, "2016-02-29",
				       from, to), 0);
	cr_expect_str_eq(from, "2020-02-29");
	cr_expect_str_eq(to, "2021-02-27");
	/* a start on 1 January: the calendar year */
	cr_assert_eq(evaluation_period(EVAL_ANNIVERSARY, 2017, "2017-01-01",
				       from, to), 0);
	cr_expect_str_eq(from, "2017-01-01");
	cr_expect_str_eq(to, "2017-12-31");
	/* no start, no anniversary */
	cr_expect_eq(evaluation_period(EVAL_ANNIVERSARY, 2017, NULL, from, to),
		     -1);
	cr_expect_eq(evaluation_period(EVAL_ANNIVERSARY, 2017, "", from, to),
		     -1);
}

Test(evaluation_period, words_and_deadline)
{
	char d[DATE_ISO_LEN];

	cr_expect_eq(evaluation_period_parse("anniversaire"), EVAL_ANNIVERSARY);
	cr_expect_eq(evaluation_period_parse("ANNIVERSAIRE"), EVAL_ANNIVERSARY);
	cr_expect_eq(evaluation_period_parse("annee"), EVAL_CALENDAR);
	cr_expect_eq(evaluation_period_parse("année"), EVAL_CALENDAR);
	cr_expect_eq(evaluation_period_parse("civile"), EVAL_CALENDAR);
	cr_expect_eq(evaluation_period_parse("mois"), -1);
	cr_expect_eq(evaluation_period_parse(""), -1);
	cr_expect_eq(evaluation_period_parse(NULL), -1);
	cr_expect_str_eq(eval_period_label[EVAL_ANNIVERSARY],
			 "date anniversaire du contrat");
	/* the first 31 March after the period */
	evaluation_deadline("2018-12-31", d);
	cr_expect_str_eq(d, "2019-03-31");
	evaluation_deadline("2018-02-14", d);
	cr_expect_str_eq(d, "2018-03-31");
	evaluation_deadline("2018-03-31", d);
	cr_expect_str_eq(d, "2019-03-31");
	evaluation_deadline("2018-05-31", d);
	cr_expect_str_eq(d, "2019-03-31");
}

Test(evaluation_article5, a_year_before_the_contract_is_refused_naming_dates)
{
	struct fx f;
	struct evaluation ev;
	struct eval_options o = { EVAL_ANNIVERSARY, NULL, NULL };
	struct doc d;
	struct err e;

	fx_open(&f);
	cr_expect_eq(evaluation_load(f.st, f.bouscat, 2015, "2026-11-23", &ev,
				     &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "pas d'évaluation pour 2015 : le contrat de "
			 "Le Bouscat commence le 15/02/2016 (première "
			 "évaluation : 2016, du 01/01/2016 au 31/12/2016)");
	cr_expect_eq(ev.n_domains, 0);
	cr_expect_eq(evaluation_build_opts(f.st, f.bouscat, 2015, &o,
					   "2026-11-23", &d, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "pas d'évaluation pour la période du 15/02/2015 "
			 "au 14/02/2016 : le contrat de Le Bouscat commence le "
			 "15/02/2016 (première évaluation : 2016, du 15/02/2016 "
			 "au 14/02/2017)");
	cr_expect_eq(d.n, 0);
	cr_expect_eq(evaluation_load(f.st, f.haillan, 2016, "2026-11-23", &ev,
				     &e), -1);
	cr_expect(strstr(e.msg, "le contrat de Le Haillan commence le "
			 "01/01/2017"), "%s", e.msg);
	/* the start year is the first */
	load(&f, f.bouscat, 2016, EVAL_ANNIVERSARY, "2026-11-23", &ev);
	cr_expect_str_eq(ev.from, "2016-02-15");
	cr_expect_str_eq(ev.to, "2017-02-14");
	evaluation_release(&ev);
	cr_expect_eq(evaluation_check_year(EVAL_CALENDAR, 2016, "2016-02-15",
					   "X", &e), 0);
	cr_expect_eq(evaluation_check_year(EVAL_CALENDAR, 1990, NULL, "X", &e),
		     0, "no start: any year");
	fx_close(&f);
}

/* ---------------------------------------------------------------- */
/* The annexes in force                                              */

Test(evaluation_article5, le_bouscat_2018_names_its_amendment)
{
	struct fx f;
	struct evaluation ev;
	struct doc d;
	const struct doc_table *t;

	fx_open(&f);
	load(&f, f.bouscat, 2018, EVAL_CALENDAR, "2026-11-23", &ev);
	cr_assert_eq(ev.n_annexes, 1);
	cr_expect_str_eq(ev.annexes[0].domain_code, "nsi");
	cr_expect_eq(ev.annexes[0].version, 1);
	cr_expect_str_eq(ev.annexes[0].in_force_from, "2018-01-01");
	cr_expect(ev.annexes[0].whole);
	evaluation_doc(&ev, &d);
	cr_expect(item_is(&d, "Numérique et systèmes d'information : avenant "
			  "n°1, en vigueur à partir du 01/01/2018, sur toute "
			  "la période."));
	t = table_of(&d, "Annexes en vigueur");
	cr_expect_str_eq(cell(t, 0, "Annexe"), "avenant n°1");
	cr_expect_str_eq(cell(t, 0, "En vigueur à partir du"), "01/01/2018");
	cr_expect_str_eq(cell(t, 0, "Sur la période, du"), "01/01/2018");
	cr_expect_str_eq(cell(t, 0, "au"), "31/12/2018");
	/* before the domains */
	cr_expect_lt(heading_at(&d, "Annexes en vigueur"),
		     heading_at(&d, "Numérique et systèmes d'information"));
	doc_release(&d);
	evaluation_release(&ev);
	fx_close(&f);
}

Test(evaluation_article5, a_period_spanning_two_versions_names_both)
{
	struct fx f;
	struct evaluation ev;
	struct doc d;

	fx_open(&f);
	/* 2017: nothing of nsi in force yet */
	load(&f, f.bouscat, 2017, EVAL_CALENDAR, "2026-11-23", &ev);
	cr_assert_eq(ev.n_annexes, 1);
	cr_expect_eq(ev.annexes[0].version, -1);
	evaluation_doc(&ev, &d);
	cr_expect(item_is(&d, "Numérique et systèmes d'information : aucune "
			  "annexe transcrite en vigueur, sur toute la "
			  "période."));
	doc_release(&d);
	evaluation_release(&ev);
	/* 15/02/2017 - 14/02/2018: nothing, then the amendment */
	load(&f, f.bouscat, 2017, EVAL_ANNIVERSARY, "2026-11-23", &ev);
	cr_assert_eq(ev.n_annexes, 2);
	cr_expect_str_eq(ev.annexes[0].from, "2017-02-15");
	cr_expect_str_eq(ev.annexes[0].to, "2017-12-31");
	cr_expect_eq(ev.annexes[1].version, 1);
	cr_expect_str_eq(ev.annexes[1].from, "2018-01-01");
	cr_expect_str_eq(ev.annexes[1].to, "2018-02-14");
	evaluation_doc(&ev, &d);
	cr_expect(item_is(&d, "Numérique et systèmes d'information : aucune "
			  "annexe transcrite en vigueur, du 15/02/2017 au "
			  "31/12/2017 ; avenant n°1, en vigueur à partir du "
			  "01/01/2018, du 01/01/2018 au 14/02/2018."));
	doc_release(&d);
	evaluation_release(&ev);
	/* the contract's own annexes */
	load(&f, f.haillan, 2017, EVAL_CALENDAR, "2026-11-23", &ev);
	cr_expect_eq(ev.n_annexes, 2);
	cr_expect_eq(ev.annexes[0].version, 0);
	evaluation_doc(&ev, &d);
	cr_expect(item_is(&d, "Numérique et systèmes d’information : annexe "
			  "du contrat, en vigueur à partir du 01/01/2017, sur "
			  "toute la période.") ||
		  item_is(&d, "Numérique et systèmes d'information : annexe "
			  "du contrat, en vigueur à partir du 01/01/2017, sur "
			  "toute la période."));
	doc_release(&d);
	evaluation_release(&ev);
	fx_close(&f);
}

/* ---------------------------------------------------------------- */
/* The anniversary period's values                                   */

Test(evaluation_article5, anniversary_cells_are_the_periods_ending_in_it)
{
	struct fx f;
	struct evaluation ev;
	struct doc d;
	struct value one = { .has_num = true, .num = 1 };
	struct value two = { .has_num = true, .num = 2 };
	char uid[STORE_UID_LEN];
	const struct eval_indicator *x = NULL;
	const struct doc_table *t;
	struct err e;

	fx_open(&f);
	cr_assert_eq(store_indicator_find(f.st, f.bouscat, "nsi", "3.3.1",
					  "2018-01-01", uid, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_measurement_set(f.st, uid, "2018-01", "", &one,
					   false, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_target_set(f.st, uid, 2018, "", &one, -1, &e), 0,
		     "%s", e.msg);
	load(&f, f.bouscat, 2017, EVAL_ANNIVERSARY, "2026-11-23", &ev);
	cr_expect_str_eq(ev.deadline, "2018-03-31");
	for (size_t c = 0; c < ev.domains[0].n_commitments; c++)
		for (size_t k = 0; k < ev.domains[0].commitments[c].n_indicators;
		     k++)
			if (!strcmp(ev.domains[0].commitments[c].indicators[k]
					    .code, "3.3.1"))
				x = &ev.domains[0].commitments[c].indicators[k];
	cr_assert_not_null(x);
	cr_assert_eq(x->n_cells, 12);
	cr_expect_str_eq(x->cells[0].key, "2017-02");
	cr_expect_not(x->cells[0].applicable, "before the amendment");
	cr_expect_str_eq(x->cells[11].key, "2018-01");
	cr_expect(x->cells[11].applicable);
	cr_expect(x->cells[11].has_value);
	cr_expect_eq(x->cells[11].status, STATUS_MET);
	cr_expect_eq(x->n_measured, 1);
	cr_expect_eq(x->status, EVAL_MET);
	evaluation_doc(&ev, &d);
	cr_expect_str_eq(d.title, "Évaluation annuelle du 15/02/2017 au "
			 "14/02/2018 — Le Bouscat");
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Période évaluée : du "
				      "15/02/2017 au 14/02/2018, d'une date "
				      "anniversaire du contrat à la suivante"));
	t = table_of(&d, "Engagement 3.3 (nsi)");
	cr_expect_str_eq(cell(t, 0, "janv. 2018"), "1");
	cr_expect_str_eq(cell(t, 0, "févr. 2017"), "hors annexe");
	doc_release(&d);
	/* indicators without any cell of their version in the period are
	 * left out: 1.1.1 is annual, 2017 had no annex */
	for (size_t c = 0; c < ev.domains[0].n_commitments; c++)
		cr_expect_str_neq(ev.domains[0].commitments[c].code, "1.1");
	evaluation_release(&ev);

	/* 15/02/2018 - 14/02/2019: a target a year, both said when they
	 * differ */
	cr_assert_eq(store_target_set(f.st, uid, 2019, "", &two, -1, &e), 0,
		     "%s", e.msg);
	load(&f, f.bouscat, 2018, EVAL_ANNIVERSARY, "2026-11-23", &ev);
	evaluation_doc(&ev, &d);
	t = table_of(&d, "Engagement 3.3 (nsi)");
	cr_expect_str_eq(cell(t, 0, "Cible"), "≤ 1 j (2018) ; ≤ 2 j (2019)");
	cr_expect_str_eq(cell(t, 0, "févr. 2018"), "manquante");
	doc_release(&d);
	evaluation_release(&ev);
	fx_close(&f);
}

/* ---------------------------------------------------------------- */
/* Meetings and committees                                           */

/*
 * Le Haillan (start 01/01/2017, monthly until 01/01/2018): launch held
 * 10/01/2017; follow-ups held 01/02, 25/02, 10/05/2017 (one planned
 * 15/06, one cancelled): due 01/02 kept, 01/03 kept (25/02), 25/03 and
 * 25/04 missed, 25/05 kept (10/05), 10/06 to 10/12 missed; the Mayors
 * once; the digital committee twice (one more planned), one thematic
 * meeting.
 */
static void seed_haillan_meetings(struct fx *f)
{
	const char *h = f->haillan;

	meeting(f, h, MEETING_LAUNCH, "2017-01-10", true);
	meeting(f, h, MEETING_FOLLOW_UP, "2017-02-01", true);
	meeting(f, h, MEETING_FOLLOW_UP, "2017-02-25", true);
	meeting(f, h, MEETING_FOLLOW_UP, "2017-05-10", true);
	meeting(f, h, MEETING_FOLLOW_UP, "2017-06-15", false);
	meeting(f, h, MEETING_MAYORS, "2017-03-15", true);
	meeting(f, h, MEETING_DIGITAL, "2017-04-04", true);
	meeting(f, h, MEETING_DIGITAL, "2017-10-04", true);
	meeting(f, h, MEETING_DIGITAL, "2017-12-04", false);
	meeting(f, h, MEETING_THEMATIC, "2017-09-09", true);
	/* another contract's meetings count for it only */
	meeting(f, f->bouscat, MEETING_DIGITAL, "2017-05-05", true);
}

Test(evaluation_article5, meetings_held_against_the_cadence)
{
	struct fx f;
	struct evaluation ev;
	struct doc d;
	const struct doc_table *t;
	const struct eval_meetings *m;

	fx_open(&f);
	seed_haillan_meetings(&f);
	load(&f, f.haillan, 2017, EVAL_CALENDAR, "2018-01-15", &ev);
	m = &ev.meetings;
	cr_expect(m->launch_held);
	cr_expect_str_eq(m->launch_on, "2017-01-10");
	cr_expect_str_eq(m->first_year_end, "2017-12-31");
	cr_expect_eq(m->n_follow_ups, 3);
	cr_expect_eq(m->n_dues, 12);
	cr_expect_eq(m->n_missed, 9);
	cr_expect_eq(m->n_mayors, 1);
	cr_expect_eq(m->mayors_required, 2);
	evaluation_doc(&ev, &d);
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Réunion de lancement "
				      "tenue le 10/01/2017."));
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "3 réunions de suivi "
				      "tenues sur la période ; 9 échéances "
				      "manquées."));
	t = table_of(&d, "Réunions de suivi");
	cr_assert_eq(t->n_rows, 12);
	cr_expect_str_eq(cell(t, 0, "Échéance"), "01/02/2017");
	cr_expect_str_eq(cell(t, 0, "Réunion tenue le"), "01/02/2017");
	cr_expect_str_eq(cell(t, 0, "Constat"), "tenue");
	cr_expect_str_eq(cell(t, 0, "Règle"), "mensuelle (première année)");
	cr_expect_str_eq(cell(t, 2, "Échéance"), "25/03/2017");
	cr_expect_str_eq(cell(t, 2, "Constat"), "manquée");
	cr_expect_str_eq(cell(t, 4, "Réunion tenue le"), "10/05/2017");
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "1 réunion avec les "
				      "Maires tenue sur la période (15/03/2017),"
				      " pour au moins 2 par an (article 5) : il "
				      "en manque."));
	cr_expect_lt(heading_at(&d, "Suivi du contrat (article 5)"),
		     heading_at(&d, "Saisines"));
	doc_release(&d);
	evaluation_release(&ev);
	fx_close(&f);
}

Test(evaluation_article5, launch_not_held_is_said)
{
	struct fx f;
	struct evaluation ev;
	struct doc d;

	fx_open(&f);
	load(&f, f.bouscat, 2018, EVAL_CALENDAR, "2026-11-23", &ev);
	cr_expect_not(ev.meetings.launch_held);
	evaluation_doc(&ev, &d);
	cr_expect_not_null(block_with(&d, DOC_NOTE, "Réunion de lancement pas "
				      "encore tenue ni prévue"));
	doc_release(&d);
	evaluation_release(&ev);
	meeting(&f, f.bouscat, MEETING_LAUNCH, "2019-03-01", false);
	load(&f, f.bouscat, 2018, EVAL_CALENDAR, "2026-11-23", &ev);
	evaluation_doc(&ev, &d);
	cr_expect_not_null(block_with(&d, DOC_NOTE, "Réunion de lancement pas "
				      "encore tenue (prévue le 01/03/2019)"));
	doc_release(&d);
	evaluation_release(&ev);
	fx_close(&f);
}

Test(evaluation_article5, committees_against_the_frequency_of_the_annex)
{
	struct fx f;
	struct evaluation ev;
	struct doc d;
	const struct doc_table *t;

	fx_open(&f);
	seed_haillan_meetings(&f);
	load(&f, f.haillan, 2017, EVAL_CALENDAR, "2018-01-15", &ev);
	cr_assert_eq(ev.n_committees, 3);
	cr_expect_str_eq(ev.committees[0].name, "Comité numérique communal");
	cr_expect_str_eq(ev.committees[0].frequency, "bi-annuel");
	cr_expect_eq(ev.committees[0].kind, MEETING_DIGITAL);
	cr_expect_eq(ev.committees[0].expected, 2);
	cr_expect_eq(ev.committees[0].held, 2);
	cr_expect_null(ev.committees[1].frequency);
	cr_expect_eq(ev.committees[1].held, -1);
	cr_expect_eq(ev.committees[2].expected, 12);
	cr_expect_eq(ev.committees[2].held, 1);
	evaluation_doc(&ev, &d);
	t = table_of(&d, "Comités");
	cr_expect_str_eq(cell(t, 0, "Fréquence prévue par l'annexe"),
			 "bi-annuel");
	cr_expect_str_eq(cell(t, 0, "Attendues"), "2");
	cr_expect_str_eq(cell(t, 0, "Tenues"), "2");
	cr_expect_str_eq(cell(t, 0, "Constat"), "tenu");
	cr_expect_str_eq(cell(t, 1, "Tenues"), "non suivi");
	cr_expect_str_eq(cell(t, 1, "Constat"), "non suivi : aucun type de "
			 "réunion ne l'enregistre");
	cr_expect_str_eq(cell(t, 2, "Fréquence prévue par l'annexe"),
			 "tous les mois");
	cr_expect_str_eq(cell(t, 2, "Constat"), "non tenu");
	doc_release(&d);
	evaluation_release(&ev);
	/* the year not over yet: short of them is "en cours" */
	load(&f, f.haillan, 2017, EVAL_CALENDAR, "2017-10-10", &ev);
	evaluation_doc(&ev, &d);
	t = table_of(&d, "Comités");
	cr_expect_str_eq(cell(t, 2, "Constat"), "en cours");
	doc_release(&d);
	evaluation_release(&ev);
	fx_close(&f);
}

Test(evaluation_article5, committees_of_each_version_over_its_part)
{
	struct fx f;
	struct evaluation ev;

	fx_open(&f);
	meeting(&f, f.bouscat, MEETING_FOLLOW_UP, "2018-03-01", true);
	meeting(&f, f.bouscat, MEETING_FOLLOW_UP, "2018-06-01", true);
	/* the amendment's committees from 01/01/2018: a year of them */
	load(&f, f.bouscat, 2018, EVAL_CALENDAR, "2026-11-23", &ev);
	cr_assert_eq(ev.n_committees, 3);
	cr_expect_str_eq(ev.committees[0].name, "Comité numérique stratégique "
			 "communal");
	cr_expect_str_eq(ev.committees[0].frequency, "annuel à bi-annuel");
	cr_expect_eq(ev.committees[0].expected, 1);
	cr_expect_eq(ev.committees[0].held, 0);
	cr_expect_eq(ev.committees[0].annex_version, 1);
	cr_expect_str_eq(ev.committees[1].name, "Comité de suivi du contrat "
			 "d'engagement");
	cr_expect_eq(ev.committees[1].expected, 4);
	cr_expect_eq(ev.committees[1].held, 2);
	cr_expect_eq(ev.committees[2].held, -1);
	evaluation_release(&ev);
	/* 15/02/2017 - 14/02/2018: the 45 days of the amendment */
	load(&f, f.bouscat, 2017, EVAL_ANNIVERSARY, "2026-11-23", &ev);
	cr_assert_eq(ev.n_committees, 3);
	cr_expect_str_eq(ev.committees[1].from, "2018-01-01");
	cr_expect_str_eq(ev.committees[1].to, "2018-02-14");
	cr_expect_eq(ev.committees[1].expected, 0);	/* 4 × 45 / 365 */
	evaluation_release(&ev);
	fx_close(&f);
}

/* ---------------------------------------------------------------- */
/* Exceptional requests, disputes                                    */

static void exceptional(struct fx *f, const char *object, const char *rcv,
			const char *decision, const char *by, const char *on,
			bool has_cost, double cost)
{
	struct request_input in = { .kind = REQUEST_EXCEPTIONAL,
				    .form = "letter", .nature = "demand",
				    .object = object, .received_at = rcv };
	struct exceptional_input x = { .asked = "Étude", .decision = decision,
				       .decided_by = by, .decided_on = on,
				       .has_cost = has_cost,
				       .estimated_cost = cost };
	char uid[STORE_UID_LEN];
	struct err e;

	cr_assert_eq(store_request_add(f->st, f->haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_exceptional_set(f->st, uid, &x, &e), 0, "%s",
		     e.msg);
}

Test(evaluation_article5, exceptional_requests_with_decisions_and_costs)
{
	struct fx f;
	struct evaluation ev;
	struct doc d;
	const struct doc_table *t;

	fx_open(&f);
	exceptional(&f, "Raccordement de l'école", "2017-04-01T10:00",
		    "Acceptée", "DGA pôle territorial", "2017-04-15", true,
		    1500.5);
	exceptional(&f, "Salle informatique", "2017-09-01T10:00", NULL, NULL,
		    NULL, true, 200);
	exceptional(&f, "L'an suivant", "2018-01-10T10:00", NULL, NULL, NULL,
		    true, 99);
	load(&f, f.haillan, 2017, EVAL_CALENDAR, "2018-01-15", &ev);
	cr_assert_eq(ev.n_exceptional, 2);
	cr_expect_eq(ev.n_with_cost, 2);
	cr_expect(fabs(ev.cost_total - 1700.5) < 1e-9);
	evaluation_doc(&ev, &d);
	t = table_of(&d, "Demandes exceptionnelles");
	cr_assert_eq(t->n_rows, 3, "two requests and the total");
	cr_expect_str_eq(cell(t, 0, "Reçue le"), "01/04/2017");
	cr_expect_str_eq(cell(t, 0, "Objet"), "Raccordement de l'école");
	cr_expect_str_eq(cell(t, 0, "Décision"), "Acceptée");
	cr_expect_str_eq(cell(t, 0, "Décidée par"), "DGA pôle territorial");
	cr_expect_str_eq(cell(t, 0, "Décidée le"), "15/04/2017");
	cr_expect_str_eq(cell(t, 0, "Coût estimé"), "1\u00a0500,50\u00a0€");
	cr_expect_str_eq(cell(t, 1, "Décision"), "en attente");
	cr_expect_str_eq(cell(t, 2, "Reçue le"), "Total");
	cr_expect_str_eq(cell(t, 2, "Coût estimé"), "1\u00a0700,50\u00a0€");
	cr_expect(t->cells[2 * t->n_cols + 6].has_num);
	doc_release(&d);
	evaluation_release(&ev);
	/* the anniversary period of Le Haillan is its calendar year */
	load(&f, f.haillan, 2018, EVAL_CALENDAR, "2019-01-15", &ev);
	cr_expect_eq(ev.n_exceptional, 1);
	evaluation_doc(&ev, &d);
	cr_expect_null(block_with(&d, DOC_PARAGRAPH, "Aucune demande "
				  "exceptionnelle"));
	doc_release(&d);
	evaluation_release(&ev);
	load(&f, f.haillan, 2019, EVAL_CALENDAR, "2019-01-15", &ev);
	evaluation_doc(&ev, &d);
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Aucune demande "
				      "exceptionnelle reçue sur la période."));
	doc_release(&d);
	evaluation_release(&ev);
	fx_close(&f);
}

static void dispute(struct fx *f, const char *opened, const char *object,
		    char uid[STORE_UID_LEN])
{
	struct dispute_input in = { .opened_on = opened, .object = object,
				    .nature = DISPUTE_PROGRAMMING };
	struct err e;

	cr_assert_eq(store_dispute_open(f->st, f->haillan, &in, uid, &e), 0,
		     "%s", e.msg);
}

static void step(struct fx *f, const char *uid, const char *on,
		 enum step_outcome outcome)
{
	struct step_input in = { .held_on = on, .outcome = outcome };
	struct err e;

	cr_assert_eq(store_dispute_add_step(f->st, uid, &in, &e), 0, "%s",
		     e.msg);
}

Test(evaluation_article5, disputes_with_their_level_and_outcome)
{
	struct fx f;
	struct evaluation ev;
	struct doc d;
	const struct doc_table *t;
	char a[STORE_UID_LEN], b[STORE_UID_LEN], c[STORE_UID_LEN];
	struct err e;

	fx_open(&f);
	dispute(&f, "2017-03-01", "Priorités du parc", a);
	step(&f, a, "2017-03-10", OUTCOME_COMPROMISE);
	cr_assert_eq(store_dispute_close(f.st, a, "2017-05-01", "Étalement "
					 "sur deux ans", &e), 0, "%s", e.msg);
	dispute(&f, "2017-11-01", "Planning des travaux", b);
	step(&f, b, "2017-11-15", OUTCOME_ESCALATED);
	dispute(&f, "2018-02-01", "L'an suivant", c);
	load(&f, f.haillan, 2017, EVAL_CALENDAR, "2018-01-15", &ev);
	cr_assert_eq(ev.n_disputes, 2);
	evaluation_doc(&ev, &d);
	t = table_of(&d, "Litiges");
	cr_expect_str_eq(cell(t, 0, "Objet"), "Priorités du parc");
	cr_expect_str_eq(cell(t, 0, "Niveau atteint"), "1 — autorités "
			 "hiérarchiques");
	cr_expect_str_eq(cell(t, 0, "Où il en est"), "clos");
	cr_expect_str_eq(cell(t, 0, "Clos le"), "01/05/2017");
	cr_expect_str_eq(cell(t, 0, "Solution arbitrée"), "Étalement sur deux "
			 "ans");
	cr_expect_str_eq(cell(t, 1, "Niveau atteint"), "2 — directeurs "
			 "généraux");
	cr_expect_str_eq(cell(t, 1, "Où il en est"), "en cours, dernière "
			 "étape : escalade au niveau suivant");
	cr_expect_str_eq(cell(t, 1, "Solution arbitrée"), "pas encore arbitré");
	doc_release(&d);
	evaluation_release(&ev);
	/* 2018: the one still open from 2017, and the new one */
	load(&f, f.haillan, 2018, EVAL_CALENDAR, "2019-01-15", &ev);
	cr_assert_eq(ev.n_disputes, 2);
	cr_expect_str_eq(ev.disputes[0].object, "Planning des travaux");
	cr_expect_str_eq(ev.disputes[1].object, "L'an suivant");
	evaluation_release(&ev);
	load(&f, f.haillan, 2019, EVAL_CALENDAR, "2019-01-15", &ev);
	evaluation_doc(&ev, &d);
	cr_expect_eq(ev.n_disputes, 2, "both still open in 2019");
	doc_release(&d);
	evaluation_release(&ev);
	fx_close(&f);
}

/* ---------------------------------------------------------------- */
/* The sender                                                        */

Test(evaluation_article5, the_sender_or_that_it_is_not_set)
{
	struct fx f;
	struct doc d;
	struct err e;
	struct eval_options o = { EVAL_CALENDAR, "Marie Durand",
				  "directrice du pôle territorial" };

	fx_open(&f);
	cr_assert_eq(evaluation_build_opts(f.st, f.haillan, 2017, &o,
					   "2018-01-15", &d, &e), 0, "%s",
		     e.msg);
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Expéditeur : Marie "
				      "Durand, directrice du pôle "
				      "territorial."));
	cr_expect_null(block_with(&d, DOC_NOTE, "Expéditeur"));
	doc_release(&d);
	o.sender_function = "";
	cr_assert_eq(evaluation_build_opts(f.st, f.haillan, 2017, &o,
					   "2018-01-15", &d, &e), 0, "%s",
		     e.msg);
	cr_expect_not_null(block_with(&d, DOC_NOTE, "Expéditeur : Marie Durand "
				      "(fonction non renseignée"));
	doc_release(&d);
	cr_assert_eq(evaluation_build(f.st, f.haillan, 2017, "2018-01-15", &d,
				      &e), 0, "%s", e.msg);
	cr_expect_not_null(block_with(&d, DOC_NOTE, "Expéditeur non renseigné : "
				      "indiquez son nom et sa fonction dans la "
				      "section [evaluation] de suivi.ini"));
	cr_expect_not_null(block_with(&d, DOC_NOTE, "puis à présenter aux "
				      "instances délibératives communales"));
	doc_release(&d);
	fx_close(&f);
}
