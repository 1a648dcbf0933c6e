/*
 * Indicators computed from the request log (src/store/computed.c) and the
 * requests they read (src/store/request.c), on the bundled contracts:
 * Le Haillan's 3.3.1 (acknowledgement, working days), 3.3.2 (resolution
 * by criticality, hours), 4.1.1 (intervention), 4.1.2 (restore) and
 * eco/1 (treated / received).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/store_tx.h"
#include "suivi/contract_file.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_request.h"

struct fixture {
	struct store *st;
	char contract[STORE_UID_LEN];	/* Le Haillan */
	char nsi[STORE_UID_LEN], eco[STORE_UID_LEN];
	char other_nsi[STORE_UID_LEN];	/* Le Bouscat's */
	char other_contract[STORE_UID_LEN];
};

static const char *const bundled[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	NULL,
};

static void open_store(struct fixture *f)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	f->st = t_store_with("computed.db", bundled);
	store_set_author(f->st, "Référent test");
	cr_assert_eq(store_contract_find(f->st, "Le Haillan", f->contract, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->contract, "nsi", f->nsi, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->contract, "eco", f->eco, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_contract_find(f->st, "Le Bouscat",
					 f->other_contract, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->other_contract, "nsi",
				      f->other_nsi, &e), 0, "%s", e.msg);
}

static void indicator(struct fixture *f, const char *domain,
		      const char *code, char uid[STORE_UID_LEN])
{
	struct err e;

	cr_assert_eq(store_indicator_find(f->st, f->contract, domain, code,
					  "2018-06-01", uid, &e), 0, "%s",
		     e.msg);
}

/* One request: dates in any accepted form, NULL when none. */
struct req {
	const char *dom;	/* a domain uid, or NULL */
	const char *nat, *crit;	/* nature, criticality */
	const char *rcv, *ack, *itv, *res, *ans, *can;
	/* received, acknowledged, intervention, resolved, answered,
	 * cancelled */
};

static void add_to(struct fixture *f, const char *contract,
		   const struct req *r)
{
	struct request_input in;
	char uid[STORE_UID_LEN] = "";
	struct err e;

	memset(&in, 0, sizeof in);
	/* an ordinary request concerns a domain; one of none is outside
	 * the contract's scope: exceptional */
	in.kind = r->dom ? REQUEST_ORDINARY : REQUEST_EXCEPTIONAL;
	in.form = "email";
	in.domain_uid = r->dom;
	in.nature = r->nat;
	in.criticality = r->crit;
	in.requester = "Service des écoles";
	in.object = "Poste de travail en panne";
	in.received_at = r->rcv;
	in.acknowledged_at = r->ack;
	in.intervention_at = r->itv;
	in.resolved_at = r->res;
	in.answered_at = r->ans;
	in.cancelled_at = r->can;
	cr_assert_eq(store_request_add(f->st, contract, &in, uid, &e), 0,
		     "%s: %s", r->rcv, e.msg);
	cr_assert_eq(strlen(uid), 32);
}

static void add(struct fixture *f, const struct req *r)
{
	add_to(f, f->contract, r);
}

static void add_all(struct fixture *f, const struct req *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		add(f, &v[i]);
}

static struct period month(int y, int m)
{
	struct period p = { y, m, 0 };

	return p;
}

static struct period quarter(int y, int q)
{
	struct period p = { y, 0, q };

	return p;
}

static struct period year(int y)
{
	struct period p = { y, 0, 0 };

	return p;
}

/* The computed value, which must exist. */
static struct value computed(struct fixture *f, const char *uid,
			     struct period p, const char *crit)
{
	struct value v;
	bool found = false;
	struct err e;

	memset(&v, 0, sizeof v);
	cr_assert_eq(store_computed_value(f->st, uid, p, crit, &v, &found,
					  &e), 0, "%s", e.msg);
	cr_assert(found, "no value for %d-%d-T%d", p.year, p.month,
		  p.quarter);
	cr_assert_null(v.text);
	return v;
}

static void expect_num(struct fixture *f, const char *uid, struct period p,
		       const char *crit, double want)
{
	struct value v = computed(f, uid, p, crit);

	cr_expect(v.has_num && !v.has_den, "%d-%d-T%d", p.year, p.month,
		  p.quarter);
	cr_expect(fabs(v.num - want) < 1e-9, "%d-%d-T%d [%s]: %.6f, want %.6f",
		  p.year, p.month, p.quarter, crit ? crit : "", v.num, want);
}

static void expect_none(struct fixture *f, const char *uid, struct period p,
			const char *crit)
{
	struct value v = { .has_num = true, .num = -7 };
	bool found = true;
	struct err e;

	cr_assert_eq(store_computed_value(f->st, uid, p, crit, &v, &found,
					  &e), 0, "%s", e.msg);
	cr_expect(!found, "%d-%d-T%d has a value", p.year, p.month,
		  p.quarter);
	cr_expect(v.has_num && v.num == -7, "*out was touched");
}

static long n_requests(struct fixture *f)
{
	struct store_totals t;
	struct err e;

	cr_assert_eq(store_totals(f->st, &t, &e), 0, "%s", e.msg);
	return t.requests;
}

/* ---------------------------------------------------------------- */

Test(computed, ack_delay_in_working_days_for_a_month)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	const struct req reqs[] = {
		/* Friday evening, Monday morning: 1 */
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-03-09T16:00",
		  .ack = "2018-03-12T09:00" },
		/* same day: 0 */
		{ .dom = f.nsi, .nat = "incident", .crit = "mineure",
		  .rcv = "2018-03-12T10:00", .ack = "2018-03-12T11:00" },
		/* over Easter Monday (2 April 2018): 2 */
		{ .dom = f.nsi, .nat = "demand", .rcv = "29/03/2018 10:00",
		  .ack = "03/04/2018 9h00" },
		/* Wednesday to Friday: 2 */
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-03-14",
		  .ack = "2018-03-16T08:00" },
		/* not acknowledged: does not count */
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-03-20T10:00" },
	};

	open_store(&f);
	indicator(&f, "nsi", "3.3.1", uid);
	add_all(&f, reqs, sizeof reqs / sizeof reqs[0]);
	expect_num(&f, uid, month(2018, 3), NULL, (1 + 0 + 2 + 2) / 4.0);
	expect_num(&f, uid, month(2018, 3), "", 1.25);
	expect_none(&f, uid, month(2018, 2), NULL);
	expect_none(&f, uid, month(2018, 4), NULL);
	store_close(f.st);
}

Test(computed, ack_delay_for_a_quarter)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	const struct req reqs[] = {
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-01-02T09:00",
		  .ack = "2018-01-04T09:00" },
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-02-15T09:00",
		  .ack = "2018-02-16T09:00" },
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-03-30T09:00",
		  .ack = "2018-04-04T09:00" },
		/* the quarter before and the one after */
		{ .dom = f.nsi, .nat = "demand", .rcv = "2017-12-29T09:00",
		  .ack = "2018-01-02T09:00" },
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-04-03T09:00",
		  .ack = "2018-04-13T09:00" },
	};

	open_store(&f);
	indicator(&f, "nsi", "3.3.1", uid);
	add_all(&f, reqs, sizeof reqs / sizeof reqs[0]);
	/* 2 + 1 + 2 (Easter Monday 2 April) */
	expect_num(&f, uid, quarter(2018, 1), NULL, 1.67);
	expect_num(&f, uid, month(2018, 1), NULL, 2);
	/* Friday 29 December to Tuesday 2 January: 1 January is off */
	expect_num(&f, uid, quarter(2017, 4), NULL, 1);
	expect_num(&f, uid, quarter(2018, 2), NULL, 8);
	expect_none(&f, uid, quarter(2018, 3), NULL);
	/* the whole year: (2 + 1 + 2 + 8) / 4 */
	expect_num(&f, uid, year(2018), NULL, 3.25);
	store_close(f.st);
}

Test(computed, resolution_delay_in_hours_by_criticality)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	const struct req reqs[] = {
		/* critique: 4 h and 1 h 20 */
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-05T08:00", .res = "2018-03-05T12:00" },
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-06T09:00", .res = "2018-03-06T10:20" },
		/* majeure: a whole day, over midnight */
		{ .dom = f.nsi, .nat = "incident", .crit = "majeure",
		  .rcv = "2018-03-07T09:00", .res = "2018-03-08T09:00" },
		/* not resolved yet */
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-08T09:00" },
		/* a demand is not an incident */
		{ .dom = f.nsi, .nat = "demand", .crit = "critique",
		  .rcv = "2018-03-09T09:00", .res = "2018-03-09T19:00" },
	};

	open_store(&f);
	indicator(&f, "nsi", "3.3.2", uid);
	add_all(&f, reqs, sizeof reqs / sizeof reqs[0]);
	/* (4 + 4/3) / 2 = 2.666… */
	expect_num(&f, uid, month(2018, 3), "critique", 2.67);
	expect_num(&f, uid, month(2018, 3), "majeure", 24);
	expect_none(&f, uid, month(2018, 3), "mineure");
	/* every incident: (4 + 4/3 + 24) / 3 = 9.777… */
	expect_num(&f, uid, month(2018, 3), "", 9.78);
	expect_num(&f, uid, month(2018, 3), NULL, 9.78);
	expect_num(&f, uid, quarter(2018, 1), "critique", 2.67);
	store_close(f.st);
}

Test(computed, intervention_and_restore_delays)
{
	struct fixture f;
	char interv[STORE_UID_LEN], restore[STORE_UID_LEN];
	const struct req reqs[] = {
		/* an evening incident: intervention 3 h 30 later, over
		 * midnight, service back the next morning (12 h) */
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-31T22:00", .itv = "2018-04-01T01:30",
		  .res = "2018-04-01T10:00" },
		/* a demand with an intervention: 1 h, but no restore */
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-03-12T08:00",
		  .itv = "2018-03-12T09:00", .res = "2018-03-12T17:00" },
		/* an incident resolved without an intervention: 2 h 30 */
		{ .dom = f.nsi, .nat = "incident", .crit = "mineure",
		  .rcv = "2018-03-01T10:00", .res = "2018-03-01T12:30" },
		/* neither */
		{ .dom = f.nsi, .nat = "incident", .crit = "majeure",
		  .rcv = "2018-03-02T10:00" },
	};

	open_store(&f);
	indicator(&f, "nsi", "4.1.1", interv);
	indicator(&f, "nsi", "4.1.2", restore);
	add_all(&f, reqs, sizeof reqs / sizeof reqs[0]);
	expect_num(&f, interv, month(2018, 3), "", (3.5 + 1) / 2);
	expect_num(&f, restore, month(2018, 3), "", (12 + 2.5) / 2);
	/* received on 31 March: March's, not April's */
	expect_none(&f, interv, month(2018, 4), "");
	expect_none(&f, restore, month(2018, 4), "");
	store_close(f.st);
}

Test(computed, treated_ratio_counts_resolved_or_answered)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct value v;
	const struct req reqs[] = {
		{ .dom = f.eco, .nat = "demand", .rcv = "2018-02-01T10:00",
		  .res = "2018-02-10T10:00" },
		{ .dom = f.eco, .nat = "demand", .rcv = "2018-05-01T10:00",
		  .ans = "2018-05-03T10:00" },
		{ .dom = f.eco, .nat = "demand", .rcv = "2018-11-20T10:00",
		  .res = "2018-11-21T10:00", .ans = "2018-11-22T10:00" },
		/* received, not treated (yet) */
		{ .dom = f.eco, .nat = "demand", .rcv = "2018-12-31T23:59" },
		/* cancelled, another year, another domain, no domain */
		{ .dom = f.eco, .nat = "demand", .rcv = "2018-06-01T10:00",
		  .can = "2018-06-02T10:00" },
		{ .dom = f.eco, .nat = "demand", .rcv = "2017-12-31T23:59",
		  .res = "2018-01-02T10:00" },
		{ .dom = f.eco, .nat = "demand", .rcv = "2019-01-01T00:00" },
		{ .dom = f.nsi, .nat = "demand", .rcv = "2018-03-01T10:00",
		  .res = "2018-03-01T11:00" },
		{ .nat = "demand", .rcv = "2018-03-01T10:00",
		  .res = "2018-03-01T11:00" },
	};

	open_store(&f);
	indicator(&f, "eco", "1", uid);
	add_all(&f, reqs, sizeof reqs / sizeof reqs[0]);
	v = computed(&f, uid, year(2018), "");
	cr_expect(v.has_num && v.has_den);
	cr_expect_eq(v.num, 3);
	cr_expect_eq(v.den, 4);
	v = computed(&f, uid, quarter(2018, 4), "");
	cr_expect(v.num == 1 && v.den == 2, "%g/%g", v.num, v.den);
	v = computed(&f, uid, year(2017), "");
	cr_expect(v.num == 1 && v.den == 1, "%g/%g", v.num, v.den);
	/* June had only the cancelled one */
	expect_none(&f, uid, month(2018, 6), "");
	store_close(f.st);
}

Test(computed, cancelled_requests_do_not_count)
{
	struct fixture f;
	char ack[STORE_UID_LEN], res[STORE_UID_LEN];
	const struct req reqs[] = {
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-05T08:00", .ack = "2018-03-05T08:00",
		  .res = "2018-03-05T10:00" },
		/* cancelled after being acknowledged and resolved */
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-06T08:00", .ack = "2018-03-08T08:00",
		  .res = "2018-03-06T20:00", .can = "2018-03-09T08:00" },
		/* cancelled the next month: still never counts */
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-07T08:00", .ack = "2018-03-09T08:00",
		  .res = "2018-03-07T20:00", .can = "2018-04-09T08:00" },
	};

	open_store(&f);
	indicator(&f, "nsi", "3.3.1", ack);
	indicator(&f, "nsi", "3.3.2", res);
	add_all(&f, reqs, sizeof reqs / sizeof reqs[0]);
	expect_num(&f, ack, month(2018, 3), NULL, 0);
	expect_num(&f, res, month(2018, 3), "critique", 2);
	cr_expect_eq(n_requests(&f), 3);
	store_close(f.st);
}

Test(computed, other_domains_contracts_and_months_do_not_count)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	const struct req mine[] = {
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-01T00:00", .res = "2018-03-01T01:00" },
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-03-31T23:59", .res = "2018-04-01T02:59" },
		/* the months around */
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-02-28T23:59", .res = "2018-03-01T23:59" },
		{ .dom = f.nsi, .nat = "incident", .crit = "critique",
		  .rcv = "2018-04-01T00:00", .res = "2018-04-02T00:00" },
		/* another domain of the contract, no domain: neither has
		 * the nsi annex's levels (a criticality is one of its
		 * domain's), so none here */
		{ .dom = f.eco, .nat = "incident",
		  .rcv = "2018-03-10T00:00", .res = "2018-03-12T00:00" },
		{ .nat = "incident",
		  .rcv = "2018-03-10T00:00", .res = "2018-03-12T00:00" },
	};
	/* Le Bouscat's nsi, same codes, same month */
	const struct req theirs = { .dom = f.other_nsi, .nat = "incident",
					    .crit = "critique",
					    .rcv = "2018-03-15T00:00",
					    .res = "2018-03-20T00:00" };

	open_store(&f);
	indicator(&f, "nsi", "3.3.2", uid);
	add_all(&f, mine, sizeof mine / sizeof mine[0]);
	add_to(&f, f.other_contract, &theirs);
	expect_num(&f, uid, month(2018, 3), "critique", (1 + 3) / 2.0);
	expect_num(&f, uid, month(2018, 2), "critique", 24);
	expect_num(&f, uid, month(2018, 4), "critique", 24);
	cr_expect_eq(n_requests(&f), 7);
	store_close(f.st);
}

Test(computed, no_request_means_no_value)
{
	struct fixture f;
	static const char *const codes[] = { "3.3.1", "3.3.2", "4.1.1",
					     "4.1.2" };
	char uid[STORE_UID_LEN];

	open_store(&f);
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		indicator(&f, "nsi", codes[i], uid);
		expect_none(&f, uid, month(2018, 3), "");
		expect_none(&f, uid, quarter(2018, 1), "critique");
		expect_none(&f, uid, year(2018), NULL);
	}
	indicator(&f, "eco", "1", uid);
	expect_none(&f, uid, year(2018), "");
	store_close(f.st);
}

Test(computed, refuses_indicators_that_are_not_computed)
{
	struct fixture f;
	char uid[STORE_UID_LEN];
	struct value v;
	bool found = true;
	struct err e;
	struct period bad = { 2018, 13, 0 };

	open_store(&f);
	indicator(&f, "nsi", "1.1.1", uid);
	cr_expect_eq(store_computed_value(f.st, uid, month(2018, 3), "", &v,
					  &found, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, "1.1.1") != NULL, "%s", e.msg);
	cr_expect(!found);
	cr_expect_eq(store_computed_value(f.st, "0123456789abcdef0123456789"
					  "abcdef", month(2018, 3), "", &v,
					  &found, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	indicator(&f, "nsi", "3.3.1", uid);
	cr_expect_eq(store_computed_value(f.st, uid, bad, "", &v, &found, &e),
		     -1);
	cr_expect_eq(e.code, ERR_INPUT);
	store_close(f.st);
}

Test(computed, finds_indicators_and_domains)
{
	struct fixture f;
	char uid[STORE_UID_LEN], again[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	indicator(&f, "nsi", "3.3.2", uid);
	cr_expect_eq(store_indicator_find(f.st, f.contract, "nsi", "3.3.2",
					  NULL, again, &e), 0, "%s", e.msg);
	cr_expect_str_eq(uid, again);
	/* before the contract's first annex: nothing in force */
	cr_expect_eq(store_indicator_find(f.st, f.contract, "nsi", "3.3.2",
					  "2000-01-01", again, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(store_indicator_find(f.st, f.contract, "nsi", "9.9.9",
					  NULL, again, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(store_indicator_find(f.st, f.contract, "xyz", "3.3.2",
					  NULL, again, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(store_domain_uid(f.st, f.contract, "xyz", again, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_str_neq(f.nsi, f.other_nsi);
	store_close(f.st);
}

/* A valid request to spoil one field at a time. */
static struct request_input good_input(struct fixture *f)
{
	struct request_input in;

	memset(&in, 0, sizeof in);
	in.kind = REQUEST_URGENT;
	in.form = "phone";
	in.domain_uid = f->nsi;
	in.nature = "incident";
	in.criticality = "critique";
	in.object = "Serveur de fichiers arrêté";
	in.received_at = "2018-03-15T09:00";
	in.acknowledged_at = "2018-03-15T09:10";
	in.resolved_at = "2018-03-15T11:00";
	return in;
}

static void expect_refused(struct fixture *f, const struct request_input *in,
			   enum err_code code, const char *says)
{
	char uid[STORE_UID_LEN] = "unchanged";
	struct err e;

	err_clear(&e);
	cr_expect_eq(store_request_add(f->st, f->contract, in, uid, &e), -1,
		     "accepted, should say %s", says);
	cr_expect_eq(e.code, code, "%s", e.msg);
	cr_expect(strstr(e.msg, says) != NULL, "« %s » not in « %s »", says,
		  e.msg);
	cr_expect_str_eq(uid, "unchanged");
}

Test(computed, add_refuses_bad_input_and_writes_nothing)
{
	struct fixture f;
	struct request_input in;
	char other_sd[STORE_UID_LEN] = "0123456789abcdef0123456789abcdef";

	open_store(&f);
	in = good_input(&f);
	in.object = "  \t ";
	expect_refused(&f, &in, ERR_INPUT, "objet");
	in = good_input(&f);
	in.object = NULL;
	expect_refused(&f, &in, ERR_INPUT, "objet");
	in = good_input(&f);
	in.resolved_at = "2018-03-15T08:59";
	expect_refused(&f, &in, ERR_INPUT, "résolution (15/03/2018 08:59) "
		       "précède la réception de la saisine (15/03/2018 09:00)");
	in = good_input(&f);
	in.acknowledged_at = "14/03/2018";
	expect_refused(&f, &in, ERR_INPUT, "prise en compte");
	in = good_input(&f);
	in.intervention_at = "2018-03-14T23:00";
	expect_refused(&f, &in, ERR_INPUT, "intervention");
	in = good_input(&f);
	in.received_at = "31/02/2018 10:00";
	expect_refused(&f, &in, ERR_INPUT, "réception illisible");
	in = good_input(&f);
	in.received_at = NULL;
	expect_refused(&f, &in, ERR_INPUT, "réception est obligatoire");
	in = good_input(&f);
	in.answered_at = "demain";
	expect_refused(&f, &in, ERR_INPUT, "« demain »");
	in = good_input(&f);
	in.form = "pigeon";
	expect_refused(&f, &in, ERR_INPUT, "forme");
	in = good_input(&f);
	in.nature = "plainte";
	expect_refused(&f, &in, ERR_INPUT, "nature");
	in = good_input(&f);
	in.kind = REQUEST_KIND_COUNT;
	expect_refused(&f, &in, ERR_INPUT, "type");
	in = good_input(&f);
	in.domain_uid = f.other_nsi;
	expect_refused(&f, &in, ERR_INPUT, "domaine du contrat");
	in = good_input(&f);
	in.domain_uid = NULL;
	expect_refused(&f, &in, ERR_INPUT, "une saisine en urgence concerne "
		       "une fonction mutualisée : son domaine est obligatoire");
	in.kind = REQUEST_ORDINARY;
	expect_refused(&f, &in, ERR_INPUT, "une saisine ordinaire concerne "
		       "une fonction mutualisée");
	in.kind = REQUEST_EXCEPTIONAL;	/* may have none, but a sub-domain
					 * goes with its domain */
	in.subdomain_uid = other_sd;
	expect_refused(&f, &in, ERR_INPUT, "sans son domaine");
	in = good_input(&f);
	in.subdomain_uid = other_sd;
	expect_refused(&f, &in, ERR_INPUT, "sous-domaine");
	cr_expect_eq(n_requests(&f), 0);
	{
		struct err e;

		in = good_input(&f);
		cr_expect_eq(store_request_add(f.st, "nope", &in, NULL, &e),
			     -1);
		cr_expect_eq(e.code, ERR_NOTFOUND);
	}
	cr_expect_eq(n_requests(&f), 0);
	store_close(f.st);
}

Test(computed, add_accepts_follow_ups_at_receipt_and_optional_fields)
{
	struct fixture f;
	struct request_input in;
	char uid[STORE_UID_LEN], ind[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	in = good_input(&f);
	/* acknowledged the minute it came in; empty strings are "none" */
	in.acknowledged_at = "15/03/2018 09:00";
	in.resolved_at = "";
	in.criticality = "";
	in.requester = "";
	in.kind = REQUEST_EXCEPTIONAL;
	in.form = "shared_tool";
	cr_assert_eq(store_request_add(f.st, f.contract, &in, uid, &e), 0,
		     "%s", e.msg);
	/* no criticality was stored: counted for "" only */
	indicator(&f, "nsi", "3.3.1", ind);
	expect_num(&f, ind, month(2018, 3), "", 0);
	expect_none(&f, ind, month(2018, 3), "critique");
	cr_expect_eq(n_requests(&f), 1);
	store_close(f.st);
}

Test(computed, a_refusal_leaves_the_callers_transaction_usable)
{
	struct fixture f;
	struct request_input in;
	struct err e;

	open_store(&f);
	cr_assert_eq(store_begin(f.st, &e), 0, "%s", e.msg);
	in = good_input(&f);
	cr_assert_eq(store_request_add(f.st, f.contract, &in, NULL, &e), 0,
		     "%s", e.msg);
	in.object = "";
	cr_assert_eq(store_request_add(f.st, f.contract, &in, NULL, &e), -1);
	cr_assert_eq(store_commit(f.st, &e), 0, "%s", e.msg);
	cr_expect_eq(n_requests(&f), 1);
	store_close(f.st);
}
