/*
 * The annual evaluation (src/report/evaluation.c) and the observations
 * it prints (src/store/observation.c): on a year of Le Bouscat seeded
 * through the store API (values, targets, requests, meetings and actions,
 * observations), with "today" pinned: statuses of indicators over the
 * year and of commitments, the summary, request counts and delays
 * (medians, means, rounding), the action plan, the deadline; the
 * document's tables against the database; observations set, replaced,
 * deleted and attached to the domain across an amendment.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "helpers.h"
#include "suivi/contract.h"
#include "suivi/contract_file.h"
#include "suivi/dashboard.h"
#include "suivi/doc.h"
#include "suivi/evaluation.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/evaluation_record.h"
#include "suivi/store_evaluation.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/store_observation.h"
#include "suivi/store_request.h"
#include "suivi/xalloc.h"

#define TODAY "2026-11-23"
#define YEAR 2025

struct fixture {
	struct store *st;
	char contract[STORE_UID_LEN];
	char nsi[STORE_UID_LEN];
	struct dashboard d;	/* to seed by code: uids and specs */
};

static const char *const bundled[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	NULL,
};

static void import_path(struct store *st, const char *path)
{
	struct contract_doc *doc;
	struct diag_list d;
	enum import_outcome outcome;
	struct err e;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s: %s", path,
		     d.n ? d.v[0].msg : "");
	cr_assert_eq(store_contract_import(st, doc, &outcome, &e), 0, "%s: %s",
		     path, e.msg);
	contract_doc_free(doc);
	diag_list_release(&d);
}

static void import(struct store *st, const char *rel)
{
	char *path = t_top(rel);

	import_path(st, path);
	free(path);
}

static void open_store(struct fixture *f)
{
	char *db = t_path("evaluation.db");
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	cr_assert_eq(store_open(db, STORE_WRITE, &f->st, &e), 0, "%s", e.msg);
	free(db);
	store_set_author(f->st, "Marie Martin");
}

static void open_bouscat(struct fixture *f)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	f->st = t_store_with("evaluation.db", bundled);
	store_set_author(f->st, "Marie Martin");
	cr_assert_eq(store_contract_find(f->st, "Le Bouscat", f->contract, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->contract, "nsi", f->nsi, &e),
		     0, "%s", e.msg);
	cr_assert_eq(dashboard_load(f->st, f->contract, YEAR, TODAY, NULL,
				    &f->d, &e), 0, "%s", e.msg);
	cr_assert_eq(dashboard_fill_all(f->st, &f->d, &e), 0, "%s", e.msg);
}

static void done(struct fixture *f)
{
	dashboard_release(&f->d);
	store_close(f->st);
}

static const struct dash_row *row_of(struct fixture *f, const char *code,
				     const char *crit)
{
	for (size_t i = 0; i < f->d.n_rows; i++) {
		const struct dash_row *r = &f->d.rows[i];

		if (r->kind == DASH_INDICATOR && !strcmp(r->code, code) &&
		    !strcmp(r->criticality, crit))
			return r;
	}
	cr_assert_fail("no row %s [%s]", code, crit);
	return NULL;
}

static void set(struct fixture *f, const char *code, const char *crit,
		const char *period, const char *text)
{
	const struct dash_row *r = row_of(f, code, crit);
	struct value v;
	struct err e;

	memset(&v, 0, sizeof v);
	cr_assert_eq(value_parse(&r->spec, text, &v, &e), 0, "%s: %s", text,
		     e.msg);
	cr_assert_eq(store_measurement_set(f->st, r->uid, period, crit, &v,
					   false, NULL, &e), 0, "%s", e.msg);
	value_release(&v);
}

static void target(struct fixture *f, const char *code, const char *crit,
		   const char *text)
{
	const struct dash_row *r = row_of(f, code, crit);
	struct value v;
	struct err e;

	memset(&v, 0, sizeof v);
	cr_assert_eq(value_parse(&r->spec, text, &v, &e), 0, "%s", e.msg);
	cr_assert_eq(store_target_set(f->st, r->uid, YEAR, crit, &v, -1, &e),
		     0, "%s", e.msg);
	value_release(&v);
}

/*
 * The year's values and targets, and the yearly status each row gets:
 *   1.1.1  oui (better yes)                     met
 *   1.2.1  2, target 3 (higher)                 missed
 *   2.1.1  200/180 in January, no target        no target
 *   2.1.2  2/3, target 3/3 (higher)             missed
 *   2.2.1  nothing                              not measured
 *   3.1.1  20, target 16,7 (higher)             met
 *   3.2.1  a text                               no target
 *   3.3.1  0,5 and 1 (Jan, Mar), target 1       met (2 of 12)
 *   3.3.2  critique 3 and 6, target 4           missed
 *          majeure nothing                      not measured
 *          mineure 10 in June, target 24        met
 *   4.1.1  nothing                              not measured
 *   4.1.2  2 in January, no target              no target
 *   4.2.1  1, target 1 (lower)                  met
 *   4.2.2  nothing                              not measured
 * Commitments: 1.1 met, 1.2 missed, 2.1 missed, 2.2 not measured, 3.1
 * met, 3.2 not measured, 3.3 missed, 4.1 not measured, 4.2 met.
 */
static void seed_values(struct fixture *f)
{
	set(f, "1.1.1", "", "2025", "oui");
	set(f, "1.2.1", "", "2025", "2");
	target(f, "1.2.1", "", "3");
	set(f, "2.1.1", "", "2025-01", "200/180");
	set(f, "2.1.2", "", "2025", "2/3");
	target(f, "2.1.2", "", "3/3");
	set(f, "3.1.1", "", "2025", "20");
	target(f, "3.1.1", "", "16,7");
	set(f, "3.2.1", "", "2025", "8h30 – 12h <lundi> & \"vendredi\"");
	set(f, "3.3.1", "", "2025-01", "0,5");
	set(f, "3.3.1", "", "2025-03", "1");
	target(f, "3.3.1", "", "1");
	set(f, "3.3.2", "critique", "2025-01", "3");
	set(f, "3.3.2", "critique", "2025-02", "6");
	target(f, "3.3.2", "critique", "4");
	set(f, "3.3.2", "mineure", "2025-06", "10");
	target(f, "3.3.2", "mineure", "24");
	set(f, "4.1.2", "", "2025-01", "2");
	set(f, "4.2.1", "", "2025", "1");
	target(f, "4.2.1", "", "1");
}

struct rq {
	enum request_kind kind;
	const char *nature, *object, *rcv, *ack, *res, *can;
};

/*
 * Requests of the contract's domain (an ordinary or urgent request
 * concerns a mutualised function), so that they feed its computed
 * indicators too (3.3.1 in June, 4.1.2 in March and June):
 *   ordinary demand   ack 1 h,    resolved 1 working day
 *   ordinary demand   ack 3,5 h,  resolved 3 working days
 *   ordinary incident ack 0,25 h, resolved 5 working days
 *   ordinary demand   nothing yet
 *   ordinary demand   cancelled (ack 100 h: must not count)
 *   urgent incident   ack 0,75 h, resolved 1 working day
 *   urgent incident   ack 1 h,    resolved the same day (0)
 *   urgent incident   cancelled
 *   two requests outside the year
 */
static const struct rq year_requests[] = {
	{ REQUEST_ORDINARY, "demand", "Compte messagerie", "2025-03-03T09:00",
	  "2025-03-03T10:00", "2025-03-04T09:00", NULL },
	{ REQUEST_ORDINARY, "demand", "Droits réseau", "2025-03-03T09:00",
	  "2025-03-03T12:30", "2025-03-06T09:00", NULL },
	{ REQUEST_ORDINARY, "incident", "Imprimante", "2025-03-03T09:00",
	  "2025-03-03T09:15", "2025-03-10T09:00", NULL },
	{ REQUEST_ORDINARY, "demand", "Écran", "2025-04-01T09:00", NULL, NULL,
	  NULL },
	{ REQUEST_ORDINARY, "demand", "Doublon", "2025-05-05T09:00",
	  "2025-05-09T13:00", "2025-05-20T09:00", "2025-05-21T09:00" },
	{ REQUEST_URGENT, "incident", "Serveur arrêté", "2025-06-02T08:00",
	  "2025-06-02T08:45", "2025-06-03T10:00", NULL },
	{ REQUEST_URGENT, "incident", "Réseau coupé", "2025-06-02T08:00",
	  "2025-06-02T09:00", "2025-06-02T17:00", NULL },
	{ REQUEST_URGENT, "incident", "Fausse alerte", "2025-06-04T08:00",
	  "2025-06-04T08:10", NULL, "2025-06-04T09:00" },
	{ REQUEST_ORDINARY, "demand", "L'an passé", "2024-12-31T10:00",
	  "2024-12-31T11:00", NULL, NULL },
	{ REQUEST_URGENT, "incident", "L'an prochain", "2026-01-01T10:00",
	  "2026-01-01T11:00", NULL, NULL },
};

static void add_request(struct fixture *f, const struct rq *r)
{
	struct request_input in;
	struct err e;

	memset(&in, 0, sizeof in);
	in.kind = r->kind;
	in.form = "email";
	in.nature = r->nature;
	in.domain_uid = f->nsi;
	in.object = r->object;
	in.received_at = r->rcv;
	in.acknowledged_at = r->ack;
	in.resolved_at = r->res;
	in.cancelled_at = r->can;
	cr_assert_eq(store_request_add(f->st, f->contract, &in, NULL, &e), 0,
		     "%s: %s", r->object, e.msg);
}

static void seed_requests(struct fixture *f)
{
	for (size_t i = 0; i < sizeof year_requests / sizeof *year_requests;
	     i++)
		add_request(f, &year_requests[i]);
}

static void meeting(struct fixture *f, const char *held_on,
		    char uid[STORE_UID_LEN])
{
	struct meeting_input in = { MEETING_FOLLOW_UP, held_on, NULL, NULL };
	struct err e;

	cr_assert_eq(store_meeting_create(f->st, f->contract, &in, uid, &e), 0,
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

/*
 * Meetings: 15/11/2024 (one action still open, due 31/01/2025: carried
 * and late; one done: not carried), 10/03/2025 (one done on 15/06/2025,
 * one open without due date), 12/09/2025 cancelled (its action is not
 * listed), 10/02/2026 (after the year: not listed).
 */
static void seed_meetings(struct fixture *f)
{
	char m[STORE_UID_LEN], a[STORE_UID_LEN];
	struct err e;

	meeting(f, "2024-11-15", m);
	action(f, m, "Inventaire du parc", "DSI", "2025-01-31", a);
	action(f, m, "Ancienne action finie", "DGS", "2024-12-15", a);
	cr_assert_eq(store_action_set_status(f->st, a, ACTION_DONE,
					     "2024-12-10", &e), 0, "%s", e.msg);
	meeting(f, "2025-03-10", m);
	action(f, m, "Former les agents", "RH", "2025-06-30", a);
	cr_assert_eq(store_action_set_status(f->st, a, ACTION_DONE,
					     "2025-06-15", &e), 0, "%s", e.msg);
	action(f, m, "Mettre à jour le schéma", NULL, NULL, a);
	meeting(f, "2025-09-12", m);
	action(f, m, "Action d'une réunion annulée", "DSI", "2025-10-01", a);
	cr_assert_eq(store_meeting_cancel(f->st, m, &e), 0, "%s", e.msg);
	meeting(f, "2026-02-10", m);
	action(f, m, "Action de l'année suivante", "DSI", "2026-03-01", a);
}

static const char observation_text[] =
	"Année de transition : <b>bons</b> délais & \"réactivité\".\n"
	"Second paragraphe, accentué : été, à, œ.";

static void seed(struct fixture *f)
{
	struct err e;

	seed_values(f);
	seed_requests(f);
	seed_meetings(f);
	cr_assert_eq(store_observation_set(f->st, f->nsi, YEAR,
					   observation_text, &e), 0, "%s",
		     e.msg);
}

static void load(struct fixture *f, const char *today, struct evaluation *ev)
{
	struct err e;

	cr_assert_eq(evaluation_load(f->st, f->contract, YEAR, today, ev, &e),
		     0, "%s", e.msg);
}

static const struct eval_indicator *ind_of(const struct evaluation *ev,
					   const char *code, const char *crit)
{
	for (size_t i = 0; i < ev->n_domains; i++)
		for (size_t c = 0; c < ev->domains[i].n_commitments; c++) {
			const struct eval_commitment *cm =
				&ev->domains[i].commitments[c];

			for (size_t k = 0; k < cm->n_indicators; k++)
				if (!strcmp(cm->indicators[k].code, code) &&
				    !strcmp(cm->indicators[k].criticality,
					    crit))
					return &cm->indicators[k];
		}
	cr_assert_fail("no indicator %s [%s]", code, crit);
	return NULL;
}

static const struct eval_commitment *cm_of(const struct evaluation *ev,
					   const char *code)
{
	for (size_t i = 0; i < ev->n_domains; i++)
		for (size_t c = 0; c < ev->domains[i].n_commitments; c++)
			if (!strcmp(ev->domains[i].commitments[c].code, code))
				return &ev->domains[i].commitments[c];
	cr_assert_fail("no commitment %s", code);
	return NULL;
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

static size_t tables_named(const struct doc *d, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		n += d->blocks[i].kind == DOC_TABLE &&
		     !strcmp(d->blocks[i].table->name, name);
	return n;
}

static size_t col_of(const struct doc_table *t, const char *head)
{
	for (size_t c = 0; c < t->n_cols; c++)
		if (!strcmp(t->heads[c], head))
			return c;
	cr_assert_fail("table %s: no column %s", t->name, head);
	return 0;
}

static const struct doc_cell *cell(const struct doc_table *t, size_t row,
				   const char *head)
{
	cr_assert_lt(row, t->n_rows);
	return &t->cells[row * t->n_cols + col_of(t, head)];
}

/* The row whose column `head` reads text (the first). */
static size_t row_where(const struct doc_table *t, const char *head,
			const char *text)
{
	size_t c = col_of(t, head);

	for (size_t r = 0; r < t->n_rows; r++)
		if (t->cells[r * t->n_cols + c].text &&
		    !strcmp(t->cells[r * t->n_cols + c].text, text))
			return r;
	cr_assert_fail("table %s: no row with %s = %s", t->name, head, text);
	return 0;
}

/* The Indicateurs row of code and criticality. */
static size_t ind_row(const struct doc_table *t, const char *code,
		      const char *crit)
{
	size_t cc = col_of(t, "Code"), ck = col_of(t, "Criticité");

	for (size_t r = 0; r < t->n_rows; r++)
		if (!strcmp(t->cells[r * t->n_cols + cc].text, code) &&
		    !strcmp(t->cells[r * t->n_cols + ck].text, crit))
			return r;
	cr_assert_fail("no Indicateurs row %s [%s]", code, crit);
	return 0;
}

static void expect_text(const struct doc_cell *c, const char *want)
{
	cr_expect_str_eq(c->text ? c->text : "(null)", want);
}

static void expect_count(const struct doc_cell *c, double want)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%.0f", want);
	cr_expect(c->has_num, "%s is not a number", c->text);
	cr_expect(fabs(c->num - want) < 1e-9, "%g, want %g", c->num, want);
	expect_text(c, buf);
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

static const struct doc_chart *chart_of(const struct doc *d,
					const char *title)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->blocks[i].kind == DOC_CHART &&
		    !strcmp(d->blocks[i].chart->title, title))
			return d->blocks[i].chart;
	return NULL;
}

/* ---------------------------------------------------------------- */
/* Figures                                                           */

Test(evaluation, rounds_to_one_decimal_half_away_from_zero)
{
	static const struct { double v; const char *want; } cases[] = {
		{ 2.25, "2,3" }, { 0.875, "0,9" }, { 0.05, "0,1" },
		{ 1.5833333, "1,6" }, { 3, "3,0" }, { 0, "0,0" },
		{ 0.04, "0,0" }, { 0.95, "1,0" }, { 12.449, "12,4" },
		{ 100.05, "100,1" }, { -2.25, "-2,3" }, { 2.0 / 3, "0,7" },
	};
	char buf[32];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		evaluation_format_decimal(cases[i].v, buf, sizeof buf);
		cr_expect_str_eq(buf, cases[i].want, "%.10g", cases[i].v);
	}
	cr_expect(fabs(evaluation_round1(2.25) - 2.3) < 1e-12);
	cr_expect(fabs(evaluation_round1(0.875) - 0.9) < 1e-12);
}

Test(evaluation, median_and_mean_of_odd_even_and_no_count)
{
	double odd[] = { 3.5, 0.25, 1 }, even[] = { 1, 3.5, 0.75, 1 };
	double one[] = { 7 }, med = -1, mean = -1;

	cr_assert(evaluation_median_mean(odd, 3, &med, &mean));
	cr_expect(fabs(med - 1) < 1e-12, "%g", med);
	cr_expect(fabs(mean - 4.75 / 3) < 1e-12, "%g", mean);
	cr_assert(evaluation_median_mean(even, 4, &med, &mean));
	cr_expect(fabs(med - 1) < 1e-12, "%g", med);
	cr_expect(fabs(mean - 1.5625) < 1e-12, "%g", mean);
	{
		double two[] = { 3.5, 1 };

		cr_assert(evaluation_median_mean(two, 2, &med, &mean));
		cr_expect(fabs(med - 2.25) < 1e-12, "%g", med);
	}
	cr_assert(evaluation_median_mean(one, 1, &med, &mean));
	cr_expect(med == 7 && mean == 7);
	med = mean = -1;
	cr_expect(!evaluation_median_mean(NULL, 0, &med, &mean));
	cr_expect(med == -1 && mean == -1, "untouched");
}

/* ---------------------------------------------------------------- */
/* Aggregation                                                       */

Test(evaluation, yearly_status_of_each_indicator)
{
	struct fixture f;
	struct evaluation ev;
	const struct eval_indicator *x;

	open_bouscat(&f);
	seed(&f);
	load(&f, TODAY, &ev);
	cr_expect_eq(ind_of(&ev, "1.1.1", "")->status, EVAL_MET);
	cr_expect_eq(ind_of(&ev, "1.2.1", "")->status, EVAL_MISSED);
	cr_expect_eq(ind_of(&ev, "2.1.1", "")->status, EVAL_NO_TARGET);
	cr_expect_eq(ind_of(&ev, "2.1.2", "")->status, EVAL_MISSED);
	cr_expect_eq(ind_of(&ev, "2.2.1", "")->status, EVAL_NOT_MEASURED);
	cr_expect_eq(ind_of(&ev, "3.1.1", "")->status, EVAL_MET);
	cr_expect_eq(ind_of(&ev, "3.2.1", "")->status, EVAL_NO_TARGET);
	cr_expect_eq(ind_of(&ev, "3.3.1", "")->status, EVAL_MET);
	cr_expect_eq(ind_of(&ev, "3.3.2", "critique")->status, EVAL_MISSED);
	cr_expect_eq(ind_of(&ev, "3.3.2", "majeure")->status,
		     EVAL_NOT_MEASURED);
	cr_expect_eq(ind_of(&ev, "3.3.2", "mineure")->status, EVAL_MET);
	cr_expect_eq(ind_of(&ev, "4.1.1", "")->status, EVAL_NOT_MEASURED);
	cr_expect_eq(ind_of(&ev, "4.1.2", "")->status, EVAL_NO_TARGET);
	cr_expect_eq(ind_of(&ev, "4.2.1", "")->status, EVAL_MET);
	cr_expect_eq(ind_of(&ev, "4.2.2", "")->status, EVAL_NOT_MEASURED);

	/* missing months do not turn a met year into a missed one */
	x = ind_of(&ev, "3.3.1", "");
	cr_expect_eq(x->n_cells, 12);
	cr_expect_eq(x->n_measured, 3, "January, March typed, June computed");
	cr_expect_eq(x->n_expected, 12);
	cr_expect_eq(x->n_met, 3);
	cr_expect_eq(x->n_missing, 9);
	cr_expect_str_eq(x->cells[0].value, "0,5");
	cr_expect(x->cells[0].has_num && x->cells[0].num == 0.5);
	cr_expect_eq(x->cells[0].status, STATUS_MET);
	cr_expect_null(x->cells[1].value);
	cr_expect_eq(x->cells[1].status, STATUS_MISSING);
	cr_expect_str_eq(x->target, "1 j");
	cr_expect_eq(x->better, BETTER_LOWER);
	cr_expect_str_eq(x->baseline,
			 "Lendemain au maximum (sauf cas de force majeure)");

	x = ind_of(&ev, "3.3.2", "critique");
	cr_expect_eq(x->n_met, 1);
	cr_expect_eq(x->n_missed, 1);
	cr_expect_eq(x->cells[1].status, STATUS_MISSED);
	/* the trend: the 12 months of 2025, as the dashboard's */
	cr_expect_str_eq(x->trend_label[0], "janvier 2025");
	cr_expect_str_eq(x->trend_label[11], "décembre 2025");
	cr_expect(x->trend_has[0] && x->trend[0] == 3);
	cr_expect(x->trend_has[1] && x->trend[1] == 6);
	cr_expect(!x->trend_has[2]);

	/* a ratio: text, not a number; yes/no and text too */
	x = ind_of(&ev, "2.1.2", "");
	cr_expect_str_eq(x->cells[0].value, "2/3");
	cr_expect(!x->cells[0].has_num);
	cr_expect_str_eq(ind_of(&ev, "3.2.1", "")->cells[0].value,
			 "8h30 – 12h <lundi> & \"vendredi\"");
	evaluation_release(&ev);
	done(&f);
}

Test(evaluation, commitments_and_summary)
{
	struct fixture f;
	struct evaluation ev;

	open_bouscat(&f);
	seed(&f);
	load(&f, TODAY, &ev);
	cr_expect_eq(cm_of(&ev, "1.1")->status, EVAL_MET);
	cr_expect_eq(cm_of(&ev, "1.2")->status, EVAL_MISSED);
	cr_expect_eq(cm_of(&ev, "2.1")->status, EVAL_MISSED,
		     "a missed indicator beside one without target");
	cr_expect_eq(cm_of(&ev, "2.2")->status, EVAL_NOT_MEASURED);
	cr_expect_eq(cm_of(&ev, "3.1")->status, EVAL_MET);
	cr_expect_eq(cm_of(&ev, "3.2")->status, EVAL_NOT_MEASURED,
		     "values without a target judge nothing");
	cr_expect_eq(cm_of(&ev, "3.3")->status, EVAL_MISSED);
	cr_expect_eq(cm_of(&ev, "4.1")->status, EVAL_NOT_MEASURED);
	cr_expect_eq(cm_of(&ev, "4.2")->status, EVAL_MET,
		     "met beside a not measured one");
	cr_expect_eq(cm_of(&ev, "3.3")->n_indicators, 4);
	cr_expect_str_eq(cm_of(&ev, "3.3")->title,
			 "Assurer la prise en compte de la demande ou de "
			 "l'incident dans les meilleurs délais");

	cr_expect_eq(ev.n_commitments, 9);
	cr_expect_eq(ev.commitments[EVAL_MET], 3);
	cr_expect_eq(ev.commitments[EVAL_MISSED], 3);
	cr_expect_eq(ev.commitments[EVAL_NOT_MEASURED], 3);
	cr_expect_eq(ev.commitments[EVAL_NO_TARGET], 0);
	cr_expect_eq(ev.n_indicators, 15);
	cr_expect_eq(ev.indicators[EVAL_MET], 5);
	cr_expect_eq(ev.indicators[EVAL_MISSED], 3);
	cr_expect_eq(ev.indicators[EVAL_NO_TARGET], 3);
	cr_expect_eq(ev.indicators[EVAL_NOT_MEASURED], 4);

	cr_expect_str_eq(ev.commune, "Le Bouscat");
	cr_expect_str_eq(ev.identifier, "33069-2016");
	cr_expect_eq(ev.n_domains, 1);
	cr_expect_str_eq(ev.domains[0].code, "nsi");
	cr_expect_str_eq(ev.domains[0].uid, f.nsi);
	evaluation_release(&ev);
	done(&f);
}

Test(evaluation, an_empty_year_is_not_measured)
{
	struct fixture f;
	struct evaluation ev;
	const struct eval_delays *a;

	open_bouscat(&f);
	load(&f, TODAY, &ev);
	cr_expect_eq(ev.n_commitments, 9);
	cr_expect_eq(ev.commitments[EVAL_NOT_MEASURED], 9);
	/* 1.1.1 is oui/non with "oui est meilleur": nothing typed, not
	 * measured like the others */
	cr_expect_eq(ev.indicators[EVAL_NOT_MEASURED], 15);
	cr_expect_eq(ev.requests.total, 0);
	cr_expect_eq(ev.requests.total_cancelled, 0);
	a = &ev.requests.delay_all;
	cr_expect_eq(a->n_ack, 0);
	cr_expect_eq(a->n_resolved, 0);
	cr_expect_eq(ev.n_actions, 0);
	cr_expect_null(ev.domains[0].observation);
	evaluation_release(&ev);
	done(&f);
}

Test(evaluation, request_counts_by_kind_and_nature)
{
	struct fixture f;
	struct evaluation ev;
	const struct eval_requests *q;

	open_bouscat(&f);
	seed_requests(&f);
	load(&f, TODAY, &ev);
	q = &ev.requests;
	cr_expect_eq(q->count[REQUEST_ORDINARY][NATURE_DEMAND], 3);
	cr_expect_eq(q->count[REQUEST_ORDINARY][NATURE_INCIDENT], 1);
	cr_expect_eq(q->count[REQUEST_URGENT][NATURE_DEMAND], 0);
	cr_expect_eq(q->count[REQUEST_URGENT][NATURE_INCIDENT], 2);
	cr_expect_eq(q->count[REQUEST_EXCEPTIONAL][NATURE_DEMAND], 0);
	cr_expect_eq(q->by_kind[REQUEST_ORDINARY], 4);
	cr_expect_eq(q->by_kind[REQUEST_URGENT], 2);
	cr_expect_eq(q->by_kind[REQUEST_EXCEPTIONAL], 0);
	cr_expect_eq(q->by_nature[NATURE_DEMAND], 3);
	cr_expect_eq(q->by_nature[NATURE_INCIDENT], 3);
	cr_expect_eq(q->total, 6, "outside the year and cancelled apart");
	cr_expect_eq(q->cancelled[REQUEST_ORDINARY], 1);
	cr_expect_eq(q->cancelled[REQUEST_URGENT], 1);
	cr_expect_eq(q->total_cancelled, 2);
	evaluation_release(&ev);
	done(&f);
}

static void expect_delays(const struct eval_delays *d, size_t n,
			  size_t n_ack, const char *ack_med,
			  const char *ack_mean, size_t n_res,
			  const char *res_med, const char *res_mean)
{
	char buf[32];

	cr_expect_eq(d->n, n);
	cr_expect_eq(d->n_ack, n_ack);
	cr_expect_eq(d->n_resolved, n_res);
	if (ack_med) {
		evaluation_format_decimal(d->ack_median, buf, sizeof buf);
		cr_expect_str_eq(buf, ack_med);
		evaluation_format_decimal(d->ack_mean, buf, sizeof buf);
		cr_expect_str_eq(buf, ack_mean);
	}
	if (res_med) {
		evaluation_format_decimal(d->res_median, buf, sizeof buf);
		cr_expect_str_eq(buf, res_med);
		evaluation_format_decimal(d->res_mean, buf, sizeof buf);
		cr_expect_str_eq(buf, res_mean);
	}
}

Test(evaluation, delays_median_mean_and_rounding)
{
	struct fixture f;
	struct evaluation ev;
	const struct eval_requests *q;

	open_bouscat(&f);
	seed_requests(&f);
	load(&f, TODAY, &ev);
	q = &ev.requests;
	/* ordinary: ack 0,25 1 3,5 (odd) ; resolution 1 3 5 */
	expect_delays(&q->delay_kind[REQUEST_ORDINARY], 4, 3, "1,0", "1,6", 3,
		      "3,0", "3,0");
	cr_expect(fabs(q->delay_kind[REQUEST_ORDINARY].ack_mean - 4.75 / 3) <
		  1e-9, "kept exact");
	/* urgent: ack 0,75 1 (even: 0,875 rounds up) ; resolution 1 0 */
	expect_delays(&q->delay_kind[REQUEST_URGENT], 2, 2, "0,9", "0,9", 2,
		      "0,5", "0,5");
	/* none */
	expect_delays(&q->delay_kind[REQUEST_EXCEPTIONAL], 0, 0, NULL, NULL,
		      0, NULL, NULL);
	/* demands: ack 1 3,5 (median 2,25 -> 2,3) ; resolution 1 3 */
	expect_delays(&q->delay_nature[NATURE_DEMAND], 3, 2, "2,3", "2,3", 2,
		      "2,0", "2,0");
	/* incidents: ack 0,25 0,75 1 ; resolution 5 1 0 */
	expect_delays(&q->delay_nature[NATURE_INCIDENT], 3, 3, "0,8", "0,7",
		      3, "1,0", "2,0");
	/* all: ack 0,25 0,75 1 1 3,5 ; resolution 0 1 1 3 5 */
	expect_delays(&q->delay_all, 6, 5, "1,0", "1,3", 5, "1,0", "2,0");
	evaluation_release(&ev);
	done(&f);
}

Test(evaluation, action_plan_of_the_year)
{
	struct fixture f;
	struct evaluation ev;

	open_bouscat(&f);
	seed_meetings(&f);
	load(&f, TODAY, &ev);
	cr_assert_eq(ev.n_actions, 3);
	cr_expect_str_eq(ev.actions[0].what, "Inventaire du parc");
	cr_expect(ev.actions[0].carried);
	cr_expect(ev.actions[0].late);
	cr_expect_eq(ev.actions[0].status, ACTION_OPEN);
	cr_expect_str_eq(ev.actions[0].owner, "DSI");
	cr_expect_str_eq(ev.actions[0].due_on, "2025-01-31");
	cr_expect_str_eq(ev.actions[0].meeting_held_on, "2024-11-15");
	cr_expect_str_eq(ev.actions[1].what, "Former les agents");
	cr_expect(!ev.actions[1].carried);
	cr_expect(!ev.actions[1].late);
	cr_expect_eq(ev.actions[1].status, ACTION_DONE);
	cr_expect_str_eq(ev.actions[1].done_on, "2025-06-15");
	cr_expect_str_eq(ev.actions[2].what, "Mettre à jour le schéma");
	cr_expect_null(ev.actions[2].owner);
	cr_expect_null(ev.actions[2].due_on);
	cr_expect(!ev.actions[2].late);
	evaluation_release(&ev);

	/* on 20/01/2025 the carried action is not late yet */
	cr_assert_eq(evaluation_load(f.st, f.contract, YEAR, "2025-01-20", &ev,
				     &(struct err){ 0 }), 0);
	cr_expect(!ev.actions[0].late);
	evaluation_release(&ev);
	done(&f);
}

Test(evaluation, deadline_is_31_march_of_the_next_year)
{
	struct fixture f;
	struct evaluation ev;
	struct doc d;
	const struct doc_block *b;

	open_bouscat(&f);
	load(&f, "2026-03-31", &ev);
	cr_expect_str_eq(ev.deadline, "2026-03-31");
	cr_expect(!ev.deadline_passed, "the day itself is in time");
	evaluation_doc(&ev, &d);
	b = block_with(&d, DOC_NOTE, "À transmettre");
	cr_assert_not_null(b);
	cr_expect_str_eq(b->text, "À transmettre à la commune au plus tard le "
			 "31/03/2026, puis à présenter aux instances "
			 "délibératives communales pour information.");
	cr_expect_null(block_with(&d, DOC_NOTE, "dépassée"));
	cr_expect_str_eq(d.footer, "Établi par suivi le 31/03/2026");
	doc_release(&d);
	evaluation_release(&ev);

	load(&f, "2026-04-01", &ev);
	cr_expect(ev.deadline_passed);
	evaluation_doc(&ev, &d);
	cr_expect_not_null(block_with(&d, DOC_NOTE,
				      "Échéance dépassée : le 31/03/2026"));
	doc_release(&d);
	evaluation_release(&ev);

	load(&f, "2025-06-01", &ev);
	cr_expect(!ev.deadline_passed, "during the year");
	evaluation_release(&ev);
	done(&f);
}

Test(evaluation, refuses_a_bad_year_and_an_unknown_contract)
{
	struct fixture f;
	struct evaluation ev;
	struct doc d;
	struct err e;

	open_bouscat(&f);
	cr_expect_eq(evaluation_load(f.st, f.contract, 1899, TODAY, &ev, &e),
		     -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_eq(ev.n_domains, 0);
	cr_expect_eq(evaluation_build(f.st, "00000000000000000000000000000000",
				      YEAR, TODAY, &d, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND, "%d %s", e.code, e.msg);
	cr_expect_eq(d.n, 0);
	done(&f);
}

/* ---------------------------------------------------------------- */
/* The document                                                      */

Test(evaluation, document_title_summary_and_order)
{
	struct fixture f;
	struct doc d;
	struct err e;
	const struct doc_table *t;
	size_t r;
	ssize_t at_summary = -1, at_domain = -1, at_requests = -1,
		at_actions = -1, at_all = -1;

	open_bouscat(&f);
	seed(&f);
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	cr_expect_str_eq(d.title, "Évaluation annuelle 2025 — Le Bouscat");
	cr_expect_str_eq(d.footer, "Établi par suivi le 23/11/2026");
	cr_assert_gt(d.n, 2);
	cr_expect_eq(d.blocks[0].kind, DOC_NOTE, "the deadline first");
	for (size_t i = 0; i < d.n; i++) {
		const struct doc_block *b = &d.blocks[i];

		if (b->kind != DOC_HEADING || b->level != 1)
			continue;
		if (!strcmp(b->text, "Synthèse"))
			at_summary = (ssize_t)i;
		else if (!strcmp(b->text,
				 "Numérique et systèmes d'information"))
			at_domain = (ssize_t)i;
		else if (!strcmp(b->text, "Saisines"))
			at_requests = (ssize_t)i;
		else if (!strcmp(b->text, "Plan d'actions"))
			at_actions = (ssize_t)i;
		else if (!strcmp(b->text, "Annexe : tous les indicateurs"))
			at_all = (ssize_t)i;
	}
	cr_expect(at_summary >= 0 && at_summary < at_domain &&
		  at_domain < at_requests && at_requests < at_actions &&
		  at_actions < at_all, "%zd %zd %zd %zd %zd", at_summary,
		  at_domain, at_requests, at_actions, at_all);

	t = table_of(&d, "Synthèse");
	r = row_where(t, "Niveau", "Engagements");
	expect_count(cell(t, r, "Atteints"), 3);
	cr_expect_eq(cell(t, r, "Atteints")->tone, TONE_MET);
	expect_count(cell(t, r, "Non atteints"), 3);
	expect_text(cell(t, r, "Sans cible"), "—");
	expect_count(cell(t, r, "Non mesurés"), 3);
	expect_count(cell(t, r, "Total"), 9);
	r = row_where(t, "Niveau", "Indicateurs");
	expect_count(cell(t, r, "Atteints"), 5);
	expect_count(cell(t, r, "Non atteints"), 3);
	expect_count(cell(t, r, "Sans cible"), 3);
	expect_count(cell(t, r, "Non mesurés"), 4);
	expect_count(cell(t, r, "Total"), 15);
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH,
		"Engagements : 3 atteints, 3 non atteints, 3 non mesurés, "
		"sur 9."));
	/* the rules are printed */
	{
		bool found = false;

		for (size_t i = 0; i < d.n; i++)
			if (d.blocks[i].kind == DOC_LIST)
				for (size_t k = 0; k < d.blocks[i].n_items; k++)
					found |= !strncmp(d.blocks[i].items[k],
						"Statut annuel d'un indicateur",
						29);
		cr_expect(found);
	}
	/* one table per commitment, one Indicateurs for all, and the
	 * sheets of the brief, once each */
	cr_expect_eq(tables_named(&d, "Engagement 3.3 (nsi)"), 1);
	cr_expect_eq(tables_named(&d, "Indicateurs"), 1);
	cr_expect_eq(tables_named(&d, "Synthèse"), 1);
	cr_expect_eq(tables_named(&d, "Saisines"), 1);
	cr_expect_eq(tables_named(&d, "Délais"), 1);
	cr_expect_eq(tables_named(&d, "Plan d'actions"), 1);
	doc_release(&d);
	done(&f);
}

Test(evaluation, commitment_table_and_chart)
{
	struct fixture f;
	struct doc d;
	struct err e;
	const struct doc_table *t;
	const struct doc_chart *ch;
	size_t r;

	open_bouscat(&f);
	seed(&f);
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	t = table_of(&d, "Engagement 3.3 (nsi)");
	/* Indicateur, Cible, Niveau constaté, 12 months, Relevés, Statut */
	cr_expect_eq(t->n_cols, 17);
	cr_expect_str_eq(t->heads[3], "janv.");
	cr_expect_str_eq(t->heads[14], "déc.");
	cr_expect_eq(t->n_rows, 4);
	r = row_where(t, "Indicateur", "3.3.2 [critique] Délai de résolution "
		      "des incidents par criticité");
	expect_text(cell(t, r, "Cible"), "≤ 4 h");
	expect_text(cell(t, r, "janv."), "3");
	cr_expect_eq(cell(t, r, "janv.")->tone, TONE_MET);
	cr_expect(cell(t, r, "janv.")->has_num &&
		  cell(t, r, "janv.")->num == 3);
	expect_text(cell(t, r, "févr."), "6");
	cr_expect_eq(cell(t, r, "févr.")->tone, TONE_MISSED);
	expect_text(cell(t, r, "mars"), "manquante");
	cr_expect_eq(cell(t, r, "mars")->tone, TONE_MISSING);
	expect_text(cell(t, r, "Relevés"), "2/12");
	expect_text(cell(t, r, "Statut annuel"), "non atteint");
	cr_expect_eq(cell(t, r, "Statut annuel")->tone, TONE_MISSED);
	r = row_where(t, "Indicateur", "3.3.2 [majeure] Délai de résolution "
		      "des incidents par criticité");
	expect_text(cell(t, r, "Cible"), "—");
	expect_text(cell(t, r, "Statut annuel"), "non mesuré");

	/* an annual commitment: one "Année" column */
	t = table_of(&d, "Engagement 4.2 (nsi)");
	cr_expect_eq(t->n_cols, 6);
	r = row_where(t, "Indicateur", "4.2.1 Délais de restauration");
	expect_text(cell(t, r, "Année"), "1");
	expect_text(cell(t, r, "Niveau constaté"), "1 jour");
	expect_text(cell(t, r, "Statut annuel"), "atteint");
	/* a monthly and an annual indicator: months, then Année */
	t = table_of(&d, "Engagement 2.1 (nsi)");
	cr_expect_eq(t->n_cols, 3 + 12 + 1 + 2);
	r = row_where(t, "Indicateur", "2.1.1 Charge consacrée aux projets");
	expect_text(cell(t, r, "janv."), "200/180");
	cr_expect(!cell(t, r, "janv.")->has_num, "a workload stays text");
	expect_text(cell(t, r, "Année"), "");
	cr_expect_eq(cell(t, r, "Année")->tone, TONE_MUTED);

	/* charts: numeric indicators with values, the target as a line */
	ch = chart_of(&d, "3.3.2 [critique] Délai de résolution des "
		      "incidents par criticité");
	cr_assert_not_null(ch);
	cr_expect_eq(ch->n, 12);
	cr_expect_str_eq(ch->unit, "h");
	cr_expect(ch->has[0] && ch->values[0] == 3);
	cr_expect(ch->has[1] && ch->values[1] == 6);
	cr_expect(!ch->has[2]);
	cr_expect(ch->has_target && ch->target == 4);
	cr_expect_str_eq(ch->labels[0], "janv. 25");
	ch = chart_of(&d, "2.1.2 Taux de réalisation des projets conformément "
		      "au Schéma numérique communal");
	cr_assert_not_null(ch, "a ratio is charted in percent");
	cr_expect_str_eq(ch->unit, "%");
	/* 12 years back, less 2014 and 2015: the contract began on
	 * 15/02/2016 */
	cr_assert_eq(ch->n, 10);
	cr_expect_str_eq(ch->labels[0], "2016");
	cr_expect_str_eq(ch->labels[9], "2025");
	cr_expect(ch->has[9] && fabs(ch->values[9] - 200.0 / 3) < 1e-9, "%g",
		  ch->values[9]);
	cr_expect(!ch->has[0]);
	cr_expect(ch->has_target && fabs(ch->target - 100) < 1e-9);
	cr_expect_null(chart_of(&d, "1.1.1 Elaboration et mise à jour "
				"annuelle d'un schéma Numérique communal "
				"(sur 3 ans)"), "no chart of oui/non");
	cr_expect_null(chart_of(&d, "4.2.2 Durée maximum d'enregistrement des "
				"données qu'il est acceptable de perdre"),
		       "no chart without values");
	doc_release(&d);
	done(&f);
}

Test(evaluation, observation_text_goes_through_verbatim)
{
	struct fixture f;
	struct doc d;
	struct err e;
	bool found = false;

	open_bouscat(&f);
	seed(&f);
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	for (size_t i = 0; i < d.n; i++)
		if (d.blocks[i].kind == DOC_PARAGRAPH &&
		    !strcmp(d.blocks[i].text, observation_text)) {
			found = true;
			cr_expect_eq(d.blocks[i - 1].kind, DOC_HEADING);
			cr_expect_str_eq(d.blocks[i - 1].text, "Observations");
		}
	cr_expect(found, "the observation, byte for byte");
	/* a text value too */
	{
		const struct doc_table *t = table_of(&d, "Indicateurs");

		expect_text(cell(t, ind_row(t, "3.2.1", ""), "Année"),
			    "8h30 – 12h <lundi> & \"vendredi\"");
	}
	doc_release(&d);
	done(&f);
}

/* The value of an indicator in the annex version in force on the
 * period's first day, as the store gives it (entered, else computed),
 * in the grid's short form; "" when none. */
static void store_cell(struct fixture *f, const char *code,
		       const char *crit, const char *key, char *buf, size_t n)
{
	struct period p;
	struct date first;
	char iso[DATE_ISO_LEN], uid[STORE_UID_LEN];
	struct indicator ind;
	struct measurement m;
	struct value_spec spec;
	bool found = false;
	struct err e;

	buf[0] = '\0';
	cr_assert_eq(period_parse(key, &p), 0);
	first = period_first_day(p);
	date_format_iso(first, iso);
	cr_assert_eq(store_indicator_find(f->st, f->contract, "nsi", code, iso,
					  uid, &e), 0, "%s", e.msg);
	cr_assert_eq(store_indicator_get(f->st, uid, &ind, &e), 0, "%s",
		     e.msg);
	spec = (struct value_spec){ ind.value_kind, ind.scale_min,
				    ind.scale_max, ind.unit };
	cr_assert_eq(store_measurement_get(f->st, uid, key, crit, &m, &found,
					   &e), 0, "%s", e.msg);
	if (found && !value_empty(&m.value)) {
		value_format(&spec, &m.value, false, buf, n);
	} else if (ind.computed_from >= 0) {
		struct value v;
		bool has = false;

		cr_assert_eq(store_computed_value(f->st, uid, p, crit, &v, &has,
						  &e), 0, "%s", e.msg);
		if (has) {
			value_format(&spec, &v, false, buf, n);
			value_release(&v);
		}
	}
	if (found)
		store_measurement_release(&m);
	indicator_release(&ind);
}

Test(evaluation, every_figure_equals_the_database)
{
	struct fixture f;
	struct doc d;
	struct err e;
	const struct doc_table *t;
	size_t checked = 0, values = 0;

	open_bouscat(&f);
	seed(&f);
	/* requests of the domain feed the computed indicators too */
	add_request(&f, &(struct rq){ REQUEST_ORDINARY, "demand", "Poste",
		"2025-09-01T09:00", "2025-09-02T09:00", NULL, NULL });
	add_request(&f, &(struct rq){ REQUEST_ORDINARY, "incident", "Wifi",
		"2025-09-03T09:00", "2025-09-03T10:00", "2025-09-03T15:00",
		NULL });
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);

	/* every period cell of Indicateurs against the store */
	t = table_of(&d, "Indicateurs");
	cr_expect_eq(t->n_rows, 15);
	for (size_t r = 0; r < t->n_rows; r++) {
		const char *code = cell(t, r, "Code")->text;
		const char *crit = cell(t, r, "Criticité")->text;
		const char *per = cell(t, r, "Périodicité")->text;
		bool quarterly = !strcmp(per, "trimestrielle");
		bool annual = !strcmp(per, "annuelle");
		char key[PERIOD_KEY_LEN], want[VALUE_TEXT_MAX + 64];
		const char *h;

		for (int i = 0; i < (annual ? 1 : quarterly ? 4 : 12); i++) {
			const struct doc_cell *c;
			struct period p = { YEAR, 0, 0 };

			if (!annual && !quarterly)
				p.month = i + 1;
			else if (quarterly)
				p.quarter = i + 1;
			period_key(p, key);
			h = annual ? "Année" : period_heading(p);
			c = cell(t, r, h);
			store_cell(&f, code, crit, key, want, sizeof want);
			if (*want) {
				expect_text(c, want);
				values++;
			} else {
				cr_expect(!strcmp(c->text, "manquante") ||
					  !strcmp(c->text, "à venir") ||
					  !strcmp(c->text, "hors annexe"),
					  "%s %s %s: %s", code, crit, key,
					  c->text);
			}
			checked++;
		}
		/* the target */
		{
			char uid[STORE_UID_LEN];
			struct indicator ind;
			struct value tv;
			int better;
			bool found;
			struct value_spec spec;

			cr_assert_eq(store_indicator_find(f.st, f.contract,
				"nsi", code, "2025-12-31", uid, &e), 0);
			cr_assert_eq(store_indicator_get(f.st, uid, &ind, &e),
				     0);
			spec = (struct value_spec){ ind.value_kind,
				ind.scale_min, ind.scale_max, ind.unit };
			cr_assert_eq(store_target_value(f.st, uid, YEAR, crit,
				&tv, &better, &found, &e), 0);
			if (found)
				value_format(&spec, &tv, false, want,
					     sizeof want);
			else
				want[0] = '\0';
			expect_text(cell(t, r, "Cible"), want);
			value_release(&tv);
			indicator_release(&ind);
		}
	}
	cr_expect_eq(checked, 1 + 1 + 12 + 1 + 1 + 1 + 1 + 12 + 3 * 12 + 12 +
			      12 + 1 + 1);
	/* the 13 values typed, and those computed for June (3.3.1),
	 * March and June (4.1.2) and September (3.3.1 and 4.1.2; 3.3.2
	 * counts incidents of its criticality only) */
	cr_expect_eq(values, 13 + 3 + 2, "%zu", values);
	{
		size_t r = ind_row(t, "3.3.1", "");

		/* 3.3.1: mean ack of September's two requests, in working
		 * days: (1 + 0) / 2 */
		expect_text(cell(t, r, "sept."), "0,5");
		expect_text(cell(t, r, "Relevés"), "4/12");
	}

	/* Saisines against a count of the store's list */
	{
		struct request_filter flt;
		struct request *v;
		size_t n;
		size_t want[REQUEST_KIND_COUNT][NATURE_COUNT + 1] = { { 0 } };

		request_filter_init(&flt);
		flt.from = "2025-01-01";
		flt.to = "2025-12-31";
		cr_assert_eq(store_request_list(f.st, f.contract, &flt, &v, &n,
						NULL, &e), 0);
		for (size_t i = 0; i < n; i++) {
			if (v[i].status == REQ_CANCELLED)
				want[v[i].kind][NATURE_COUNT]++;
			else
				want[v[i].kind][v[i].nature]++;
		}
		store_request_list_free(v, n);
		t = table_of(&d, "Saisines");
		cr_expect_eq(t->n_rows, REQUEST_KIND_COUNT + 1);
		for (int k = 0; k < REQUEST_KIND_COUNT; k++) {
			size_t r = row_where(t, "Type de saisine",
					     request_kind_vocab[k].label);

			expect_count(cell(t, r, "Demandes"),
				     (double)want[k][NATURE_DEMAND]);
			expect_count(cell(t, r, "Incidents"),
				     (double)want[k][NATURE_INCIDENT]);
			expect_count(cell(t, r, "Total"),
				     (double)(want[k][NATURE_DEMAND] +
					      want[k][NATURE_INCIDENT]));
			expect_count(cell(t, r, "Annulées"),
				     (double)want[k][NATURE_COUNT]);
		}
		expect_count(cell(t, row_where(t, "Type de saisine", "Total"),
				  "Total"), 8);
	}

	/* Délais: the figures, rounded, as numbers too */
	t = table_of(&d, "Délais");
	{
		size_t r = row_where(t, "Catégorie", "Ensemble");
		const struct doc_cell *c;

		expect_count(cell(t, r, "Nombre"), 8);
		expect_count(cell(t, r, "Prises en compte"), 7);
		/* the units of Le Bouscat's computed indicators: 3.3.1 in
		 * working days, 3.3.2 in hours */
		for (size_t k = 0; k < t->n_cols; k++)
			cr_expect(strcmp(t->heads[k],
					 "Prise en compte : médiane (h)") != 0);
		/* ack in working days 0 0 0 0 0 0 1 */
		c = cell(t, r, "Prise en compte : médiane (j ouvrés)");
		expect_text(c, "0,0");
		c = cell(t, r, "Prise en compte : moyenne (j ouvrés)");
		expect_text(c, "0,1");	/* 1 / 7 */
		cr_expect(c->has_num && fabs(c->num - 0.1) < 1e-9);
		/* resolution in hours 6 9 24 26 72 168 */
		expect_count(cell(t, r, "Résolues"), 6);
		expect_text(cell(t, r, "Résolution : médiane (h)"), "25,0");
		c = cell(t, r, "Résolution : moyenne (h)");
		expect_text(c, "50,8");	/* 305 / 6 */
		cr_expect(c->has_num && fabs(c->num - 50.8) < 1e-9, "%g",
			  c->num);
		r = row_where(t, "Catégorie", "exceptionnelle");
		expect_text(cell(t, r, "Prise en compte : médiane (j ouvrés)"),
			    "—");
		cr_expect(!cell(t, r, "Prise en compte : médiane (j ouvrés)")
				   ->has_num);
		r = row_where(t, "Catégorie", "demandes");
		expect_text(cell(t, r, "Prise en compte : médiane (j ouvrés)"),
			    "0,0");
	}
	/* the struct keeps both units: hours to acknowledge (0,25 0,75 1 1
	 * 1 3,5 24), working days to resolve (0 0 1 1 3 5) */
	{
		struct evaluation ev;

		cr_assert_eq(evaluation_load(f.st, f.contract, YEAR, TODAY, &ev,
					     &e), 0, "%s", e.msg);
		cr_expect(ev.requests.ack_in_days);
		cr_expect_not(ev.requests.res_in_days);
		cr_expect(fabs(ev.requests.delay_all.ack_median - 1) < 1e-9);
		cr_expect(fabs(ev.requests.delay_all.ack_mean - 4.5) < 1e-9);
		cr_expect(fabs(ev.requests.delay_all.res_median - 1) < 1e-9);
		evaluation_release(&ev);
	}

	/* Plan d'actions */
	t = table_of(&d, "Plan d'actions");
	cr_expect_eq(t->n_rows, 3);
	expect_text(cell(t, 0, "Action"), "Inventaire du parc");
	expect_text(cell(t, 0, "Échéance"), "31/01/2025");
	expect_text(cell(t, 0, "Réunion"), "15/11/2024");
	expect_text(cell(t, 0, "Retard"), "en retard");
	cr_expect_eq(cell(t, 0, "Retard")->tone, TONE_MISSED);
	expect_text(cell(t, 1, "Statut"), "faite le 15/06/2025");
	expect_text(cell(t, 2, "Responsable"), "—");
	expect_text(cell(t, 2, "Statut"), "à faire");
	doc_release(&d);
	done(&f);
}

/* ---------------------------------------------------------------- */
/* Observations                                                      */

Test(observation, set_replace_and_delete)
{
	struct fixture f;
	struct observation *v;
	size_t n;
	struct err e;

	open_bouscat(&f);
	cr_assert_eq(store_observation_list(f.st, f.contract, YEAR, TODAY, &v,
					    &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].domain_uid, f.nsi);
	cr_expect_str_eq(v[0].domain_code, "nsi");
	cr_expect_str_eq(v[0].domain_name, "Numérique et systèmes d'information");
	cr_expect_null(v[0].text);
	cr_expect_null(v[0].author);
	store_observation_list_free(v, n);

	cr_assert_eq(store_observation_set(f.st, f.nsi, YEAR, observation_text,
					   &e), 0, "%s", e.msg);
	cr_assert_eq(store_observation_list(f.st, f.contract, YEAR, TODAY, &v,
					    &n, &e), 0);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].text, observation_text);
	cr_expect_str_eq(v[0].author, "Marie Martin");
	cr_expect_not_null(v[0].updated_at);
	store_observation_list_free(v, n);

	/* another year is another observation */
	cr_assert_eq(store_observation_list(f.st, f.contract, YEAR - 1, TODAY,
					    &v, &n, &e), 0);
	cr_expect_null(v[0].text);
	store_observation_list_free(v, n);

	/* replaced, by someone else */
	store_set_author(f.st, "Paul Durand");
	cr_assert_eq(store_observation_set(f.st, f.nsi, YEAR, "  Nouveau  ",
					   &e), 0);
	cr_assert_eq(store_observation_list(f.st, f.contract, YEAR, TODAY, &v,
					    &n, &e), 0);
	cr_expect_str_eq(v[0].text, "  Nouveau  ", "verbatim");
	cr_expect_str_eq(v[0].author, "Paul Durand");
	store_observation_list_free(v, n);

	/* blank deletes; deleting nothing is fine */
	cr_assert_eq(store_observation_set(f.st, f.nsi, YEAR, " \n\t ", &e), 0);
	cr_assert_eq(store_observation_list(f.st, f.contract, YEAR, TODAY, &v,
					    &n, &e), 0);
	cr_expect_null(v[0].text);
	store_observation_list_free(v, n);
	cr_expect_eq(store_observation_set(f.st, f.nsi, YEAR, NULL, &e), 0);
	cr_expect_eq(store_observation_set(f.st, f.nsi, YEAR, "", &e), 0);
	done(&f);
}

Test(observation, refuses_bad_input_and_writes_nothing)
{
	struct fixture f;
	struct observation *v;
	size_t n;
	struct err e;
	char *huge = xmalloc(OBSERVATION_TEXT_MAX + 2);

	memset(huge, 'a', OBSERVATION_TEXT_MAX + 1);
	huge[OBSERVATION_TEXT_MAX + 1] = '\0';
	open_bouscat(&f);
	cr_assert_eq(store_observation_set(f.st, f.nsi, YEAR, "avant", &e), 0);
	cr_expect_eq(store_observation_set(f.st, f.nsi, YEAR, "\xff\xfe", &e),
		     -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_eq(store_observation_set(f.st, f.nsi, YEAR, "bip\a", &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_eq(store_observation_set(f.st, f.nsi, YEAR, huge, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_eq(store_observation_set(f.st, f.nsi, 1899, "x", &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_eq(store_observation_set(f.st,
		"00000000000000000000000000000000", YEAR, "x", &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	huge[OBSERVATION_TEXT_MAX] = '\0';
	cr_expect_eq(store_observation_set(f.st, f.nsi, YEAR - 1, huge, &e), 0,
		     "the largest text fits: %s", e.msg);
	cr_assert_eq(store_observation_list(f.st, f.contract, YEAR, TODAY, &v,
					    &n, &e), 0);
	cr_expect_str_eq(v[0].text, "avant", "unchanged");
	store_observation_list_free(v, n);
	free(huge);
	done(&f);
}

/* The test contract and an amendment of its own, in force 01/07/2021,
 * that renames the domain nsi. */
static void open_amended(struct fixture *f)
{
	char *src = t_top("tests/fixtures/test-avenant-1.ini");
	char *text = t_read(src, NULL), *path, *p;
	struct err e;

	cr_assert_not_null(text);
	p = strstr(text, "en_vigueur = 2021-01-01");
	cr_assert_not_null(p);
	memcpy(p + strlen("en_vigueur = 2021-"), "07", 2);
	p = strstr(text, "[domaine nsi]\nnom = Numérique et systèmes "
		   "d'information");
	cr_assert_not_null(p, "the fixture's domain section");
	{
		char *renamed = xasprintf("%.*s[domaine nsi]\nnom = Numérique "
			"révisé%s", (int)(p - text), text,
			p + strlen("[domaine nsi]\nnom = Numérique et systèmes "
				   "d'information"));

		path = t_write("avenant-juillet.ini", renamed);
		free(renamed);
	}
	open_store(f);
	import(f->st, "tests/fixtures/test-contrat.ini");
	import_path(f->st, path);
	cr_assert_eq(store_contract_find(f->st, "Testville", f->contract, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->contract, "nsi", f->nsi, &e),
		     0, "%s", e.msg);
	free(path);
	free(text);
	free(src);
}

Test(observation, domain_of_an_amended_year)
{
	struct fixture f;
	struct observation *v;
	size_t n;
	struct err e;
	struct evaluation ev;
	const struct eval_indicator *x;

	open_amended(&f);
	cr_assert_eq(store_observation_set(f.st, f.nsi, 2021, "Avenant en "
					   "juillet", &e), 0, "%s", e.msg);
	/* 2020: the contract's annex */
	cr_assert_eq(store_observation_list(f.st, f.contract, 2020, TODAY, &v,
					    &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].domain_name,
			 "Numérique et systèmes d'information");
	cr_expect_null(v[0].text);
	store_observation_list_free(v, n);
	/* 2021: the amendment's, in force on 31/12 — the same domain */
	cr_assert_eq(store_observation_list(f.st, f.contract, 2021, TODAY, &v,
					    &n, &e), 0);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].domain_uid, f.nsi);
	cr_expect_str_eq(v[0].domain_name, "Numérique révisé");
	cr_expect_str_eq(v[0].text, "Avenant en juillet");
	store_observation_list_free(v, n);
	/* seen on 01/03/2021, the amendment is not in force yet */
	cr_assert_eq(store_observation_list(f.st, f.contract, 2021,
					    "2021-03-01", &v, &n, &e), 0);
	cr_expect_str_eq(v[0].domain_name,
			 "Numérique et systèmes d'information");
	cr_expect_str_eq(v[0].text, "Avenant en juillet");
	store_observation_list_free(v, n);

	/* the evaluation of 2021 follows the amended annex: 1.1.4 is new
	 * and the year's only period (from 01/01) was under the contract's
	 * annex, which has no 1.1.4 */
	cr_assert_eq(evaluation_load(f.st, f.contract, 2021, TODAY, &ev, &e),
		     0, "%s", e.msg);
	cr_assert_eq(ev.n_domains, 1);
	cr_expect_str_eq(ev.domains[0].name, "Numérique révisé");
	cr_expect_str_eq(ev.domains[0].observation, "Avenant en juillet");
	x = ind_of(&ev, "1.1.4", "");
	cr_expect(!x->cells[0].applicable);
	cr_expect_eq(x->status, EVAL_NOT_MEASURED);
	{
		struct doc d;
		const struct doc_table *t;

		evaluation_doc(&ev, &d);
		t = table_of(&d, "Indicateurs");
		expect_text(cell(t, ind_row(t, "1.1.4", ""), "Année"),
			    "hors annexe");
		doc_release(&d);
	}
	evaluation_release(&ev);
	store_close(f.st);
}

/* A period recorded "sans objet" is neither measured nor expected: an
 * indicator whose periods all are is "sans objet", and so is a
 * commitment whose indicators all are; one with a period missing stays
 * "non mesuré". */
Test(evaluation, sans_objet_is_neither_measured_nor_missing)
{
	struct fixture f;
	struct evaluation ev;
	const struct eval_indicator *x;
	struct err e;

	open_bouscat(&f);
	set(&f, "1.1.1", "", "2025", "s/o");
	set(&f, "3.3.1", "", "2025-01", "sans objet");
	cr_assert_eq(evaluation_load(f.st, f.contract, YEAR, TODAY, &ev, &e),
		     0, "%s", e.msg);
	x = ind_of(&ev, "1.1.1", "");
	cr_expect(x->cells[0].not_applicable);
	cr_expect_not(x->cells[0].has_value);
	cr_expect_eq(x->n_measured, 0);
	cr_expect_eq(x->n_expected, 0);
	cr_expect_eq(x->n_not_applicable, 1);
	cr_expect_eq(x->status, EVAL_NOT_APPLICABLE);
	cr_expect_eq(cm_of(&ev, "1.1")->status, EVAL_NOT_APPLICABLE,
		     "1.1's only indicator is sans objet");
	x = ind_of(&ev, "3.3.1", "");
	cr_expect_eq(x->n_not_applicable, 1);
	cr_expect_eq(x->n_expected, 11, "12 months, one sans objet");
	cr_expect_eq(x->status, EVAL_NOT_MEASURED, "the other months missing");
	cr_expect_eq(ev.indicators[EVAL_NOT_APPLICABLE], 1);
	{
		struct doc d;
		const struct doc_table *t;

		evaluation_doc(&ev, &d);
		t = table_of(&d, "Indicateurs");
		expect_text(cell(t, ind_row(t, "1.1.1", ""), "Année"),
			    "sans objet");
		expect_text(cell(t, ind_row(t, "1.1.1", ""), "Statut annuel"),
			    "sans objet");
		doc_release(&d);
	}
	evaluation_release(&ev);
	done(&f);
}

/* For a computed indicator the évaluation says which values it used: the
 * log's, or the typed ones, naming those the log does not give. */
Test(evaluation, says_which_value_it_used)
{
	struct fixture f;
	struct doc d;
	struct err e;
	const struct doc_block *b;

	open_bouscat(&f);
	seed_requests(&f);
	/* March 2025: the log gives 0 working days; 2 typed */
	set(&f, "3.3.1", "", "2025-03", "2");
	/* June 2025: typed as the log gives it (no acknowledgement in
	 * another day) */
	set(&f, "3.3.1", "", "2025-06", "0");
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	b = block_with(&d, DOC_PARAGRAPH, "3.3.1 : ");
	cr_assert_not_null(b);
	cr_expect(strstr(b->text, "2 saisies"), "%s", b->text);
	cr_expect(strstr(b->text, "la valeur saisie est retenue"), "%s",
		  b->text);
	cr_expect(strstr(b->text, "mars 2025 : saisie 2 j, calcul 0 j"), "%s",
		  b->text);
	cr_expect(!strstr(b->text, "juin 2025"), "%s", b->text);
	{
		/* the follow-up's choices marked in the annex table */
		const struct doc_table *t = table_of(&d, "Indicateurs");
		size_t r = ind_row(t, "3.3.1", "");

		expect_text(cell(t, r, "Type de valeur"), "durée en jours *");
		expect_text(cell(t, r, "Unité"), "jours ouvrés *");
		expect_text(cell(t, r, "Sens"), "baisse *");
		cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "« * » : un "
					      "choix du suivi"));
	}
	doc_release(&d);
	done(&f);
}

/* What became of it: sent (after the deadline here), presented, the
 * adjustments; and what a year with nothing recorded says. */
Test(evaluation, says_when_it_was_sent_and_presented)
{
	struct fixture f;
	struct doc d;
	struct err e;
	struct evaluation_record_input in = { "Revoir la cible de 3.3.2",
					      "2026-04-02", "2026-05-12" };

	open_bouscat(&f);
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Envoi à la commune : "
				      "pas encore enregistré (échéance : "
				      "31/03/2026)."));
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Présentation aux "
				      "instances délibératives communales : "
				      "pas encore enregistrée."));
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Ajustements proposés "
				      "pour 2026 : aucun saisi."));
	doc_release(&d);
	cr_assert_eq(evaluation_record_set(f.st, f.contract, YEAR, &in,
						 TODAY, &e), 0, "%s", e.msg);
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Envoyée à la commune "
				      "le 02/04/2026, après l'échéance "
				      "(échéance : 31/03/2026)."));
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Présentée aux "
				      "instances délibératives communales le "
				      "12/05/2026."));
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Ajustements proposés "
				      "pour 2026 : Revoir la cible de 3.3.2"));
	doc_release(&d);
	done(&f);
}

/* Article 5: the observations formulated by the parties, each its own;
 * one written before parties were said is kept apart. */
Test(evaluation, observations_by_party)
{
	struct fixture f;
	struct observation *v;
	size_t n;
	struct doc d;
	struct err e;

	open_bouscat(&f);
	cr_assert_eq(store_observation_set_by(f.st, f.nsi, YEAR, OBS_COMMUNE,
					      "Service rendu", &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_observation_set_by(f.st, f.nsi, YEAR,
					      OBS_METROPOLE, "Délais tenus",
					      &e), 0, "%s", e.msg);
	/* again: replaces that party's only */
	cr_assert_eq(store_observation_set_by(f.st, f.nsi, YEAR, OBS_COMMUNE,
					      "Service bien rendu", &e), 0);
	cr_assert_eq(store_observation_list(f.st, f.contract, YEAR, TODAY, &v,
					    &n, &e), 0);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].by[OBS_COMMUNE], "Service bien rendu");
	cr_expect_str_eq(v[0].by[OBS_METROPOLE], "Délais tenus");
	cr_expect_null(v[0].text);
	store_observation_list_free(v, n);
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "De la commune : "
				      "Service bien rendu"));
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "De Bordeaux "
				      "Métropole : Délais tenus"));
	doc_release(&d);
	/* one whose party was not said (older databases) */
	cr_assert_eq(store_observation_set(f.st, f.nsi, YEAR, "Ancienne", &e),
		     0);
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	cr_expect_not_null(block_with(&d, DOC_PARAGRAPH, "Partie non "
				      "précisée : Ancienne"));
	doc_release(&d);
	/* cleared: that party's only */
	cr_assert_eq(store_observation_set_by(f.st, f.nsi, YEAR, OBS_METROPOLE,
					      " ", &e), 0);
	cr_assert_eq(store_observation_list(f.st, f.contract, YEAR, TODAY, &v,
					    &n, &e), 0);
	cr_expect_null(v[0].by[OBS_METROPOLE]);
	cr_expect_str_eq(v[0].by[OBS_COMMUNE], "Service bien rendu");
	store_observation_list_free(v, n);
	done(&f);
}

/* The renderers (doc.h) take the document in every format. */
Test(evaluation, renders_in_every_format)
{
	struct fixture f;
	struct doc d;
	struct err e;

	open_bouscat(&f);
	seed(&f);
	cr_assert_eq(evaluation_build(f.st, f.contract, YEAR, TODAY, &d, &e),
		     0, "%s", e.msg);
	for (int fmt = 0; fmt < DOC_FORMAT_COUNT; fmt++) {
		char *name = xasprintf("evaluation.%s",
				       doc_format_ext((enum doc_format)fmt));
		char *path = t_path(name);
		char *text;
		size_t len = 0;

		cr_expect_eq(doc_save(path, &d, (enum doc_format)fmt, false,
				      &e), 0, "%s: %s", name, e.msg);
		text = t_read(path, &len);
		cr_expect_not_null(text);
		cr_expect_gt(len, 0, "%s", name);
		free(text);
		free(path);
		free(name);
	}
	doc_release(&d);
	done(&f);
}
