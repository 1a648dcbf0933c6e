/*
 * One indicator across every commune (src/model/across.c) and its report
 * (src/report/across_doc.c), on a database holding the bundled contracts
 * (Le Bouscat and its amendment, Le Haillan), Exempleville (3.3.2 annual,
 * a level, by criticality), Testville (its 1.1.2 taken out by an
 * amendment in 2021) and Autreville-sur-Jalle (3.3.2 quarterly, not by
 * criticality, and a rh/3.3.2 that makes "3.3.2" ambiguous there), with
 * "today" pinned: rows, periods, values, targets and statuses as the
 * grid gives them, hors annexe and why, trend, sorting, bad input.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/across.h"
#include "suivi/across_report.h"
#include "helpers.h"
#include "suivi/contract.h"
#include "suivi/dashboard.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_measurement.h"

#define TODAY "2026-11-23"

static struct store *st;

static const char *const with_autreville[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	"tests/cli/fixtures/exempleville.ini",
	"tests/fixtures/across-autreville.ini",
	"tests/fixtures/across-autreville-avenant-1.ini",
	NULL,
};

static void open_db(const char *const *list)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	st = t_store_with("across.db", list);
	store_set_author(st, "Marie Martin");
}

static void setup(void)
{
	open_db(with_autreville);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
}

static struct period per(const char *s)
{
	struct period p;

	cr_assert_eq(period_parse(s, &p), 0, "%s", s);
	return p;
}

/* The uid and spec of commune's indicator code for period p. */
static void indicator(const char *commune, const char *code, struct period p,
		      char uid[STORE_UID_LEN], struct indicator *ind)
{
	char c[STORE_UID_LEN];
	struct err e;

	cr_assert_eq(store_contract_find(st, commune, c, &e), 0, "%s", e.msg);
	cr_assert_eq(dashboard_indicator_at(st, c, code, p, uid, &e), 0,
		     "%s %s: %s", commune, code, e.msg);
	cr_assert_eq(store_indicator_get(st, uid, ind, &e), 0, "%s", e.msg);
}

/* text parsed as a value of commune's indicator code at period p. */
static void parsed(const char *commune, const char *code, struct period p,
		   const char *text, char uid[STORE_UID_LEN], struct value *v)
{
	struct indicator ind;
	struct err e;

	indicator(commune, code, p, uid, &ind);
	{
		struct value_spec spec = { ind.value_kind, ind.scale_min,
					   ind.scale_max, ind.unit };

		cr_assert_eq(value_parse(&spec, text, v, &e), 0, "%s", e.msg);
	}
	indicator_release(&ind);
}

static void set(const char *commune, const char *code, const char *period,
		const char *crit, const char *text)
{
	char uid[STORE_UID_LEN], key[PERIOD_KEY_LEN];
	struct value v;
	struct err e;
	struct period p = per(period);

	parsed(commune, code, p, text, uid, &v);
	period_key(p, key);
	cr_assert_eq(store_measurement_set(st, uid, key, crit, &v, false, NULL,
					   &e), 0, "%s", e.msg);
	value_release(&v);
}

static void target(const char *commune, const char *code, int year,
		   const char *crit, const char *text)
{
	char uid[STORE_UID_LEN];
	struct value v;
	struct err e;

	parsed(commune, code, (struct period){ year, 0, 0 }, text, uid, &v);
	cr_assert_eq(store_target_set(st, uid, year, crit, &v, -1, &e), 0, "%s",
		     e.msg);
	value_release(&v);
}

static void load(struct across *a, const char *code, const char *crit,
		 const char *period)
{
	struct err e;

	cr_assert_eq(across_load(st, code, crit, per(period), TODAY, a, &e), 0,
		     "%s", e.msg);
}

static const struct across_row *row_of(const struct across *a,
				       const char *commune, const char *crit)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->rows[i].commune, commune) &&
		    (!crit || (a->rows[i].criticality &&
			       !strcmp(a->rows[i].criticality, crit))))
			return &a->rows[i];
	cr_assert_fail("no row for %s %s", commune, crit ? crit : "");
	return NULL;
}

static const char *value_of(const struct across_row *r)
{
	static char buf[256];

	across_value_text(r, buf, sizeof buf);
	return buf;
}

TestSuite(across, .init = setup, .fini = teardown);

Test(across, one_row_per_commune_in_commune_order)
{
	struct across a;
	const char *order[] = { "Autreville-sur-Jalle", "Exempleville",
				"Le Bouscat", "Le Haillan" };

	load(&a, "nsi/3.3.2", "critique", "2018-03");
	cr_assert_eq(a.n, 4);
	for (size_t i = 0; i < 4; i++)
		cr_assert_str_eq(a.rows[i].commune, order[i]);
	cr_assert_str_eq(a.label, "3.3.2 Délai de résolution des incidents "
			 "par criticité");
	/* Autreville's 3.3.2 is not followed by criticality */
	cr_assert_not(row_of(&a, "Autreville-sur-Jalle", NULL)->in_force);
	cr_assert(strstr(row_of(&a, "Autreville-sur-Jalle", NULL)->why,
			 "pas suivi par criticité"));
	cr_assert_eq(a.n_in_force, 3);
	across_release(&a);
}

Test(across, every_criticality_without_one_asked)
{
	struct across a;

	load(&a, "nsi/3.3.2", NULL, "2018-03");
	/* Autreville 1, Exempleville 3, Le Bouscat 3, Le Haillan 3 */
	cr_assert_eq(a.n, 10);
	cr_assert_str_eq(a.rows[1].criticality, "critique");
	cr_assert_str_eq(a.rows[2].criticality, "majeure");
	cr_assert_str_eq(a.rows[3].criticality, "mineure");
	cr_assert_str_eq(row_of(&a, "Autreville-sur-Jalle", NULL)->criticality,
			 "");
	across_release(&a);
}

Test(across, a_row_takes_the_period_of_its_periodicity)
{
	struct across a;

	load(&a, "nsi/3.3.2", NULL, "2018-03");
	/* quarterly: the quarter holding March */
	cr_assert_str_eq(row_of(&a, "Autreville-sur-Jalle", NULL)->cell.key,
			 "2018-T1");
	/* annual: the year */
	cr_assert_str_eq(row_of(&a, "Exempleville", "critique")->cell.key,
			 "2018");
	/* monthly until the référent chose otherwise */
	cr_assert_str_eq(row_of(&a, "Le Haillan", "critique")->cell.key,
			 "2018-03");
	across_release(&a);
	/* a year for a monthly indicator: its last month */
	load(&a, "nsi/3.3.2", "critique", "2018");
	cr_assert_str_eq(row_of(&a, "Le Haillan", NULL)->cell.key, "2018-12");
	across_release(&a);
}

Test(across, the_quarterly_choice_of_a_commune_decides)
{
	struct across a;
	char uid[STORE_UID_LEN];
	struct indicator ind;
	struct err e;

	indicator("Le Haillan", "3.3.2", per("2018-03"), uid, &ind);
	indicator_release(&ind);
	cr_assert_eq(store_indicator_set_quarterly(st, uid, true, &e), 0, "%s",
		     e.msg);
	set("Le Haillan", "3.3.2", "2018-T1", "critique", "5");
	load(&a, "nsi/3.3.2", "critique", "2018-02");
	cr_assert_str_eq(row_of(&a, "Le Haillan", NULL)->cell.key, "2018-T1");
	cr_assert_str_eq(value_of(row_of(&a, "Le Haillan", NULL)), "5 h");
	cr_assert_str_eq(row_of(&a, "Le Bouscat", NULL)->cell.key, "2018-02");
	across_release(&a);
}

Test(across, values_targets_and_statuses_are_the_grids)
{
	struct across a;
	struct dashboard d;
	char c[STORE_UID_LEN], t[64];
	struct err e;

	set("Le Haillan", "3.3.2", "2018-03", "critique", "4");
	target("Le Haillan", "3.3.2", 2018, "critique", "3");
	set("Le Bouscat", "3.3.2", "2018-03", "critique", "2,5 h");
	target("Le Bouscat", "3.3.2", 2018, "critique", "3");
	set("Exempleville", "3.3.2", "2018", "critique", "s/o");
	load(&a, "nsi/3.3.2", "critique", "2018-03");
	{
		const struct across_row *h = row_of(&a, "Le Haillan", NULL);
		const struct across_row *b = row_of(&a, "Le Bouscat", NULL);
		const struct across_row *x = row_of(&a, "Exempleville", NULL);

		cr_assert_str_eq(value_of(h), "4 h");
		cr_assert_eq(h->cell.status, STATUS_MISSED);
		across_target_text(h, t, sizeof t);
		cr_assert_str_eq(t, "≤ 3 h");
		cr_assert_str_eq(across_status_text(h), "cible manquée");
		cr_assert_str_eq(value_of(b), "2,5 h");
		cr_assert_eq(b->cell.status, STATUS_MET);
		cr_assert_str_eq(value_of(x), "sans objet");
		cr_assert_eq(x->cell.status, STATUS_NOT_APPLICABLE);
		cr_assert_not(x->has_num);
		/* the same cell in Le Haillan's tableau de bord */
		cr_assert_eq(store_contract_find(st, "Le Haillan", c, &e), 0);
		cr_assert_eq(dashboard_load(st, c, 2018, TODAY, NULL, &d, &e), 0,
			     "%s", e.msg);
		cr_assert_eq(dashboard_fill_all(st, &d, &e), 0, "%s", e.msg);
		for (size_t i = 0; i < d.n_rows; i++)
			if (d.rows[i].kind == DASH_INDICATOR &&
			    !strcmp(d.rows[i].code, "3.3.2") &&
			    !strcmp(d.rows[i].criticality, "critique")) {
				cr_assert_eq(d.rows[i].cells[2].status,
					     h->cell.status);
				cr_assert(value_equal(&d.rows[i].cells[2].value,
						      &h->cell.value));
			}
		dashboard_release(&d);
		/* not entered, due: missing */
		cr_assert_eq(row_of(&a, "Autreville-sur-Jalle", NULL)->in_force,
			     false);
	}
	across_release(&a);
	/* a period not over yet: not due */
	load(&a, "nsi/3.3.2", "critique", "2026-11");
	cr_assert_eq(row_of(&a, "Le Haillan", NULL)->cell.status,
		     STATUS_NOT_DUE);
	across_release(&a);
}

Test(across, trend_against_the_period_before)
{
	struct across a;

	set("Le Haillan", "3.3.2", "2018-02", "critique", "6");
	set("Le Haillan", "3.3.2", "2018-03", "critique", "4");
	set("Le Bouscat", "3.3.2", "2018-02", "critique", "2");
	set("Le Bouscat", "3.3.2", "2018-03", "critique", "2");
	set("Exempleville", "3.3.2", "2017", "critique", "2");
	set("Exempleville", "3.3.2", "2018", "critique", "4");
	load(&a, "nsi/3.3.2", "critique", "2018-03");
	{
		const struct across_row *h = row_of(&a, "Le Haillan", NULL);
		const struct across_row *b = row_of(&a, "Le Bouscat", NULL);
		const struct across_row *x = row_of(&a, "Exempleville", NULL);
		char prev[64];

		cr_assert_eq(h->trend, ACROSS_TREND_DOWN);
		/* hours: lower is better */
		cr_assert_eq(across_trend_judgement(h), 1);
		across_prev_text(h, prev, sizeof prev);
		cr_assert_str_eq(prev, "6 h");
		cr_assert_str_eq(h->prev.key, "2018-02");
		cr_assert_eq(b->trend, ACROSS_TREND_STABLE);
		cr_assert_eq(across_trend_judgement(b), 0);
		/* a level, higher is better: up over the year before */
		cr_assert_eq(x->trend, ACROSS_TREND_UP);
		cr_assert_str_eq(x->prev.key, "2017");
		cr_assert_eq(across_trend_judgement(x), 1);
	}
	across_release(&a);
	/* nothing the month before: no trend */
	load(&a, "nsi/3.3.2", "critique", "2018-05");
	cr_assert_eq(row_of(&a, "Le Haillan", NULL)->trend, ACROSS_TREND_NONE);
	across_release(&a);
}

Test(across, no_trend_across_the_start_of_an_annex)
{
	struct across a;

	/* Le Bouscat's nsi annex is in force from 01/01/2018: December
	 * 2017 has no version to compare with */
	set("Le Bouscat", "3.3.2", "2018-01", "critique", "2");
	load(&a, "nsi/3.3.2", "critique", "2018-01");
	cr_assert_eq(row_of(&a, "Le Bouscat", NULL)->trend, ACROSS_TREND_NONE);
	cr_assert_str_eq(row_of(&a, "Le Bouscat", NULL)->prev.uid, "");
	across_release(&a);
}

Test(across, hors_annexe_says_why)
{
	struct across a;
	const struct across_row *r;

	/* before Le Bouscat's amendment */
	load(&a, "nsi/3.3.2", "critique", "2017-03");
	r = row_of(&a, "Le Bouscat", NULL);
	cr_assert_not(r->in_force);
	cr_assert(strstr(r->why, "à partir du 01/01/2018"), "%s", r->why);
	cr_assert_str_eq(across_status_text(r), "hors annexe");
	cr_assert(row_of(&a, "Le Haillan", NULL)->in_force);
	across_release(&a);
	/* not in the contract at all */
	load(&a, "eco/1", NULL, "2018");
	r = row_of(&a, "Exempleville", NULL);
	cr_assert_not(r->in_force);
	cr_assert(strstr(r->why, "aucun indicateur"), "%s", r->why);
	cr_assert(row_of(&a, "Le Haillan", NULL)->in_force);
	across_release(&a);
	/* Autreville's rh/3.3.2, taken out by its amendment in 2020 */
	load(&a, "rh/3.3.2", NULL, "2021-03");
	r = row_of(&a, "Autreville-sur-Jalle", NULL);
	cr_assert_not(r->in_force);
	cr_assert(strstr(r->why, "n'est plus"), "%s", r->why);
	across_release(&a);
	load(&a, "rh/3.3.2", NULL, "2019-12");
	cr_assert(row_of(&a, "Autreville-sur-Jalle", NULL)->in_force);
	across_release(&a);
}

Test(across, sorts_by_each_column_hors_annexe_last)
{
	struct across a;

	set("Le Haillan", "3.3.2", "2018-02", "critique", "6");
	set("Le Haillan", "3.3.2", "2018-03", "critique", "4");
	target("Le Haillan", "3.3.2", 2018, "critique", "3");
	set("Le Bouscat", "3.3.2", "2018-02", "critique", "1");
	set("Le Bouscat", "3.3.2", "2018-03", "critique", "2,5");
	target("Le Bouscat", "3.3.2", 2018, "critique", "3");
	load(&a, "nsi/3.3.2", "critique", "2018-03");
	/* each sort, both ways: the rows' communes in order (Autreville is
	 * hors annexe: last whatever the sort) */
	{
		static const struct {
			enum across_sort by;
			bool desc;
			const char *order;
		} cases[] = {
			/* Exempleville has no value: after those with one */
			{ ACROSS_SORT_VALUE, false, "Le Bouscat,Le Haillan,"
			  "Exempleville,Autreville-sur-Jalle" },
			{ ACROSS_SORT_VALUE, true, "Le Haillan,Le Bouscat,"
			  "Exempleville,Autreville-sur-Jalle" },
			/* missed, missing, met */
			{ ACROSS_SORT_STATUS, false, "Le Haillan,Exempleville,"
			  "Le Bouscat,Autreville-sur-Jalle" },
			{ ACROSS_SORT_STATUS, true, "Le Bouscat,Exempleville,"
			  "Le Haillan,Autreville-sur-Jalle" },
			/* down, up, then none */
			{ ACROSS_SORT_TREND, false, "Le Haillan,Le Bouscat,"
			  "Exempleville,Autreville-sur-Jalle" },
			{ ACROSS_SORT_TREND, true, "Le Bouscat,Le Haillan,"
			  "Exempleville,Autreville-sur-Jalle" },
			{ ACROSS_SORT_COMMUNE, true, "Le Haillan,Le Bouscat,"
			  "Exempleville,Autreville-sur-Jalle" },
			{ ACROSS_SORT_COMMUNE, false, "Exempleville,Le Bouscat,"
			  "Le Haillan,Autreville-sur-Jalle" },
		};

		for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
			char got[256] = "";

			across_sort(&a, cases[k].by, cases[k].desc);
			for (size_t i = 0; i < a.n; i++)
				snprintf(got + strlen(got), sizeof got - strlen(got),
					 "%s%s", i ? "," : "", a.rows[i].commune);
			cr_assert_str_eq(got, cases[k].order, "%s %s",
					 across_sort_name[cases[k].by],
					 cases[k].desc ? "desc" : "asc");
		}
	}
	cr_assert_eq(a.sort, ACROSS_SORT_COMMUNE);
	cr_assert_not(a.descending);
	across_release(&a);
}

Test(across, sort_names_parse)
{
	enum across_sort by;
	bool desc;

	cr_assert_eq(across_sort_parse("valeur", &by, &desc), 0);
	cr_assert_eq(by, ACROSS_SORT_VALUE);
	cr_assert_not(desc);
	cr_assert_eq(across_sort_parse("-Statut", &by, &desc), 0);
	cr_assert_eq(by, ACROSS_SORT_STATUS);
	cr_assert(desc);
	cr_assert_eq(across_sort_parse("TENDANCE", &by, &desc), 0);
	cr_assert_eq(by, ACROSS_SORT_TREND);
	cr_assert_eq(across_sort_parse("commune", &by, &desc), 0);
	cr_assert_eq(by, ACROSS_SORT_COMMUNE);
	cr_assert_eq(across_sort_parse("cible", &by, &desc), -1);
	cr_assert_eq(across_sort_parse("", &by, &desc), -1);
	cr_assert_eq(across_sort_parse(NULL, &by, &desc), -1);
}

Test(across, bad_input_is_refused_with_nothing_loaded)
{
	struct across a;
	struct err e;

	cr_assert_eq(across_load(st, "9.9.9", NULL, per("2018-03"), TODAY, &a,
				 &e), -1);
	cr_assert_eq(e.code, ERR_NOTFOUND);
	cr_assert(strstr(e.msg, "aucun contrat de la base n'a d'indicateur "
			 "« 9.9.9 »"), "%s", e.msg);
	cr_assert_eq(a.n, 0);
	cr_assert_null(a.rows);
	cr_assert_eq(across_load(st, "", NULL, per("2018-03"), TODAY, &a, &e),
		     -1);
	cr_assert_eq(e.code, ERR_INPUT);
	cr_assert(strstr(e.msg, "vide"), "%s", e.msg);
	cr_assert_eq(across_load(st, "3.3\x1b[2J", NULL, per("2018-03"), TODAY,
				 &a, &e), -1);
	cr_assert_eq(e.code, ERR_INPUT);
	/* 3.3.2 is nsi/3.3.2 and rh/3.3.2 in Autreville */
	cr_assert_eq(across_load(st, "3.3.2", NULL, per("2018-03"), TODAY, &a,
				 &e), -1);
	cr_assert_eq(e.code, ERR_INPUT);
	cr_assert(strstr(e.msg, "précisez le domaine"), "%s", e.msg);
	cr_assert_eq(across_load(st, "nsi/3.3.2", "fatale", per("2018-03"),
				 TODAY, &a, &e), -1);
	cr_assert_eq(e.code, ERR_INPUT);
	cr_assert(strstr(e.msg, "criticité « fatale » inconnue"), "%s", e.msg);
	cr_assert_eq(across_load(st, "nsi/3.3.2", NULL,
				 (struct period){ 1800, 3, 0 }, TODAY, &a, &e),
		     -1);
	cr_assert_eq(e.code, ERR_INPUT);
	/* rh/3.3.2 alone is Autreville's */
	load(&a, "rh/3.3.2", NULL, "2018-03");
	cr_assert_eq(a.n_in_force, 1);
	cr_assert_str_eq(a.label, "3.3.2 Taux de bulletins émis à la date "
			 "prévue");
	across_release(&a);
	/* once the amendment took it out, 3.3.2 names one indicator */
	load(&a, "3.3.2", "critique", "2021-03");
	cr_assert_eq(a.n_in_force, 3);
	across_release(&a);
}

Test(across, known_but_in_force_nowhere_gives_hors_annexe_rows)
{
	struct across a;

	load(&a, "nsi/3.3.2", "critique", "2010-03");
	cr_assert_eq(a.n, 4);
	cr_assert_eq(a.n_in_force, 0);
	for (size_t i = 0; i < a.n; i++)
		cr_assert_not(a.rows[i].in_force);
	across_release(&a);
}

Test(across, a_domains_codes_in_their_numbering)
{
	char **codes, *name;
	size_t n;
	struct err e;

	cr_assert_eq(across_domain_codes(st, "nsi", per("2018"), &codes, &n,
					 &name, &e), 0, "%s", e.msg);
	cr_assert_str_eq(name, "Numérique et systèmes d'information");
	cr_assert_gt(n, 5);
	cr_assert_str_eq(codes[0], "nsi/1.1.1");
	for (size_t i = 1; i < n; i++)
		cr_assert_neq(strcmp(codes[i - 1], codes[i]), 0);
	{
		bool has = false;

		for (size_t i = 0; i < n; i++)
			has |= !strcmp(codes[i], "nsi/3.3.2");
		cr_assert(has);
	}
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	free(name);
	cr_assert_eq(across_domain_codes(st, "zzz", per("2018"), &codes, &n,
					 &name, &e), -1);
	cr_assert_eq(e.code, ERR_NOTFOUND);
	cr_assert_eq(across_domain_codes(st, "", per("2018"), &codes, &n,
					 &name, &e), -1);
	cr_assert_eq(e.code, ERR_INPUT);
}

Test(across, the_report_for_the_conference)
{
	struct across_report_opts o = { "nsi/3.3.2", NULL, "critique",
					{ 2018, 3, 0 }, ACROSS_SORT_STATUS,
					false };
	struct doc d;
	struct err e;
	char *path = t_path("r.md"), *md;

	set("Le Haillan", "3.3.2", "2018-03", "critique", "4");
	target("Le Haillan", "3.3.2", 2018, "critique", "3");
	cr_assert_eq(across_report_build(st, &o, TODAY, &d, &e), 0, "%s",
		     e.msg);
	cr_assert(strstr(d.title, "3.3.2 Délai de résolution des incidents "
			 "par criticité [critique] — toutes les communes — "
			 "mars 2018"), "%s", d.title);
	cr_assert_eq(doc_save(path, &d, DOC_MD, false, &e), 0, "%s", e.msg);
	doc_release(&d);
	md = t_read(path, NULL);
	cr_assert(strstr(md, "| Le Haillan | mars 2018 | 4 h | ≤ 3 h | cible "
			 "manquée |"), "%s", md);
	cr_assert(strstr(md, "hors annexe"));
	cr_assert(strstr(md, "Cible manquée : 1"), "%s", md);
	free(md);
	free(path);
	/* a domain: every indicator, one part each */
	o = (struct across_report_opts){ NULL, "nsi", NULL, { 2018, 0, 0 },
					 ACROSS_SORT_COMMUNE, false };
	cr_assert_eq(across_report_build(st, &o, TODAY, &d, &e), 0, "%s",
		     e.msg);
	cr_assert(strstr(d.title, "Numérique et systèmes d'information (nsi)"));
	doc_release(&d);
	/* both, or neither: refused */
	o.indicator = "nsi/3.3.2";
	cr_assert_eq(across_report_build(st, &o, TODAY, &d, &e), -1);
	cr_assert_eq(e.code, ERR_USAGE);
	o.indicator = o.domain = NULL;
	cr_assert_eq(across_report_build(st, &o, TODAY, &d, &e), -1);
	cr_assert_eq(e.code, ERR_USAGE);
	doc_release(&d);
}

Test(across_one, a_database_of_one_contract)
{
	static const char *const one[] = {
		"share/suivi/contrats/le-haillan.ini", NULL
	};
	struct across a;

	open_db(one);
	load(&a, "3.3.2", "critique", "2018-03");
	cr_assert_eq(a.n, 1);
	cr_assert(a.rows[0].in_force);
	across_release(&a);
	teardown();
}
