/*
 * The contract browser's tree (src/model/browse.c), built through the store
 * from the bundled contracts and from the test fixtures: what a référent
 * looks for is where the map says, search folds accents and case, the
 * annex in force follows the date, and an amendment says what it changed.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/browse.h"
#include "helpers.h"
#include "suivi/contract_file.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/text.h"

struct fixture {
	struct store *st;
	struct browse_source src;
	struct node *root;
};

static void open_with(struct fixture *f, const char *const *files)
{
	char *db = t_path("browse.db");
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	cr_assert_eq(store_open(db, STORE_WRITE, &f->st, &e), 0, "%s", e.msg);
	for (const char *const *p = files; *p; p++)
		t_import(f->st, *p);
	free(db);
}

/* The tree of a contract (by commune, INSEE or identifier) on a date. */
static void build(struct fixture *f, const char *key, const char *date)
{
	char uid[STORE_UID_LEN];
	struct err e;
	struct browse_input in;

	browse_free(f->root);
	browse_source_release(&f->src);
	cr_assert_eq(store_contract_find(f->st, key, uid, &e), 0, "%s", e.msg);
	cr_assert_eq(browse_load(f->st, uid, date, &f->src, &e), 0, "%s",
		     e.msg);
	memset(&in, 0, sizeof in);
	in.contract = f->src.contract;
	in.domains = f->src.domains;
	in.n_domains = f->src.n_domains;
	in.date = date;
	in.year = atoi(date);
	in.target = browse_store_target;
	in.ctx = f->st;
	f->root = browse_build(&in);
	cr_assert_not_null(f->root);
}

static void done(struct fixture *f)
{
	browse_free(f->root);
	browse_source_release(&f->src);
	store_close(f->st);
}

/* The child of n whose label starts with prefix. */
static struct node *kid(struct node *n, const char *prefix)
{
	browse_expand(n);	/* a domain's levels are built when opened */
	for (size_t i = 0; i < n->n_kids; i++)
		if (text_starts_with(n->kids[i]->label, prefix))
			return n->kids[i];
	for (size_t i = 0; i < n->n_kids; i++)
		cr_log_error("  kid %zu: %s", i, n->kids[i]->label);
	cr_assert_fail("no child \"%s\" under \"%s\"", prefix, n->label);
	return NULL;
}

static void expect_in(const struct node *n, const char *text)
{
	cr_expect(strstr(n->detail, text) != NULL,
		  "\"%s\" not in the detail of \"%s\":\n%s", text, n->label,
		  n->detail);
}

static const char *const bundled[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	NULL,
};

Test(browse, haillan_urgent_contact_of_subdomain_c)
{
	struct fixture f;
	struct node *c;
	const char *urgent, *exceptional, *contact;

	open_with(&f, bundled);
	build(&f, "Le Haillan", "2026-11-23");
	c = kid(kid(kid(f.root, "Numérique"), "Sous-domaines"), "C.");
	urgent = strstr(c->detail, "Saisine en urgence");
	exceptional = strstr(c->detail, "Saisine exceptionnelle");
	contact = strstr(c->detail, "Service commun : Chef de service centre "
			 "d’appel et pilotage");
	cr_assert(urgent && exceptional && contact, "%s", c->detail);
	/* the contact is the urgent row's, not another's */
	cr_expect(urgent < contact && contact < exceptional, "%s", c->detail);
	expect_in(c, "Commune : Chef de service de l’utilisateur");
	/* the annex's roles, shown with each sub-domain */
	expect_in(c, "Rôles (pour tout le domaine) :");
	expect_in(c, "• Référent communal (service commun) : Responsable du "
		  "service commun");
	/* and the activities below it */
	cr_expect_eq(c->n_kids, 6);
	/* the same cell in the domain's contact matrix */
	expect_in(kid(kid(f.root, "Numérique"), "Contacts"),
		  "Chef de service centre d’appel et pilotage");
	done(&f);
}

Test(browse, bouscat_indicator_332_every_field)
{
	struct fixture f;
	struct node *i;

	open_with(&f, bundled);
	build(&f, "33069", "2026-11-23");
	i = kid(kid(kid(kid(f.root, "Numérique"), "Engagements"), "3.3 "),
		"3.3.2 ");
	expect_in(i, "Délai de résolution des incidents par criticité");
	expect_in(i, "Niveau de service constaté : A calculer sur la base "
		  "de l'existant");
	expect_in(i, "Périodicité : mensuelle ou trimestrielle");
	expect_in(i, "Source : Centre d'assistance et de support utilisateurs");
	expect_in(i, "Conditions de réalisation : ");
	/* what the annex does not say is the follow-up's choice, said so */
	expect_in(i, "Type de valeur : durée en heures — choix du suivi");
	expect_in(i, "Unité : h — choix du suivi");
	expect_in(i, "Sens : plus bas est meilleur — choix du suivi");
	expect_in(i, "Par criticité : critique, majeure, mineure — choix du "
		  "suivi");
	expect_in(i, "« choix du suivi » : le contrat ne le dit pas");
	expect_in(i, "Engagement 3.3 : Assurer la prise en compte");
	expect_in(i, "Sous-domaine : C.");
	/* no target agreed yet: said, per criticality */
	expect_in(i, "Cibles 2026");
	expect_in(i, "• critique : non fixée");
	done(&f);
}

Test(browse, rules_in_short)
{
	struct fixture f;
	struct node *r;

	open_with(&f, bundled);
	build(&f, "Le Haillan", "2026-11-23");
	r = kid(f.root, "L'essentiel");
	expect_in(r, "Saisine ordinaire");
	expect_in(r, "Saisine en urgence");
	expect_in(r, "Saisine exceptionnelle");
	expect_in(r, "1. les autorités hiérarchiques");
	expect_in(r, "2. les directeurs généraux");
	expect_in(r, "3. en dernier recours, le Maire et le Président");
	expect_in(r, "tous les mois la première année, puis au moins tous "
		  "les 3 mois");
	expect_in(r, "31 mars");
	/* the articles themselves are there too */
	cr_expect_gt(kid(f.root, "Articles")->n_kids, 4);
	done(&f);
}

Test(browse, search_folds_accents_and_case)
{
	struct fixture f;
	struct node *hit, *again;
	size_t n1, n2, rank;
	char *q1, *q2;

	open_with(&f, bundled);
	build(&f, "Le Bouscat", "2026-11-23");
	q1 = text_fold("numerique");
	q2 = text_fold("NUMÉRIQUE");
	cr_assert_str_eq(q1, q2);
	hit = browse_find(f.root, NULL, q1, true);
	cr_assert_not_null(hit);
	{
		char *folded = text_fold(hit->folded);

		cr_expect(strstr(folded, "numerique") != NULL);
		free(folded);
	}
	n1 = browse_count(f.root, q1, hit, &rank);
	n2 = browse_count(f.root, q2, NULL, NULL);
	cr_expect_gt(n1, 10);
	cr_expect_eq(n1, n2);
	cr_expect_eq(rank, 1);
	/* next, then previous, comes back; past the last wraps to the first */
	again = browse_find(f.root, hit, q1, true);
	cr_assert_not_null(again);
	cr_expect_neq(again, hit);
	cr_expect_eq(browse_find(f.root, again, q1, false), hit);
	{
		struct node *n = hit;

		for (size_t k = 0; k < n1; k++)
			n = browse_find(f.root, n, q1, true);
		cr_expect_eq(n, hit, "n1 steps forward come back to the first");
	}
	/* a word of a contact, typed without its apostrophe's curl */
	free(q1);
	q1 = text_fold("centre d'appel multicanal");
	cr_expect_not_null(browse_find(f.root, NULL, q1, true));
	free(q1);
	q1 = text_fold("zzz introuvable");
	cr_expect_null(browse_find(f.root, NULL, q1, true));
	cr_expect_eq(browse_count(f.root, q1, NULL, NULL), 0);
	cr_expect_null(browse_find(f.root, NULL, "", true));
	free(q1);
	free(q2);
	done(&f);
}

Test(browse, annex_in_force_follows_the_date)
{
	static const char *const files[] = {
		"tests/fixtures/test-contrat.ini",
		"tests/fixtures/test-avenant-1.ini",
		NULL,
	};
	struct fixture f;
	struct node *dom, *am;

	open_with(&f, files);
	build(&f, "Testville", "2020-06-01");
	cr_assert_eq(f.src.n_domains, 1);
	cr_expect_eq(f.src.domains[0].n_versions, 2);
	cr_expect_eq(f.src.domains[0].in_force, 0);
	dom = kid(f.root, "Numérique");
	cr_expect(strstr(dom->label, "avenant") == NULL, "%s", dom->label);
	expect_in(kid(kid(kid(dom, "Engagements"), "1.1 "), "1.1.1 "),
		  "Niveau de service constaté : Non formalisé");

	build(&f, "Testville", "2021-01-01");
	cr_expect_eq(f.src.domains[0].in_force, 1);
	dom = kid(f.root, "Numérique");
	cr_expect(strstr(dom->label, "avenant n°1") != NULL, "%s", dom->label);
	expect_in(kid(kid(kid(dom, "Engagements"), "1.1 "), "1.1.1 "),
		  "Niveau de service constaté : Existence : Oui");
	/* the older version can still be viewed */
	cr_expect_eq(kid(dom, "Versions")->n_kids, 2);

	/* what the amendment changed */
	am = kid(kid(f.root, "Avenants"), "Avenant n°1");
	expect_in(am, "Révision des niveaux de service");
	expect_in(am, "Annexes remplacées : Numérique et systèmes d'information");
	expect_in(am, "nouvel indicateur 1.1.4");
	expect_in(am, "1.1.2 retiré");
	expect_in(am, "Non formalisé");
	expect_in(am, "Existence : Oui");
	done(&f);
}

Test(browse, domains_are_built_when_opened)
{
	struct fixture f;
	struct node *dom;
	char *q;

	open_with(&f, bundled);
	build(&f, "Le Haillan", "2026-11-23");
	dom = kid(f.root, "Animation");
	cr_assert(dom->pending, "not built before it is opened");
	cr_expect_not_null(kid(dom, "Sous-domaines"));
	cr_assert(!dom->pending, "opened: built");
	/* the other domain is still pending, yet marked as having levels */
	dom = NULL;
	for (size_t i = 0; i < f.root->n_kids; i++)
		if (f.root->kids[i]->kind == NODE_DOMAIN &&
		    f.root->kids[i]->pending)
			dom = f.root->kids[i];
	cr_assert_not_null(dom);
	cr_expect(browse_has_kids(dom));
	cr_expect_eq(dom->n_kids, 0);
	/* a search reaches inside it: it gets built */
	q = text_fold("Chef de service centre d'appel et pilotage");
	cr_expect_not_null(browse_find(f.root, NULL, q, true));
	cr_expect(!dom->pending);
	cr_expect_gt(dom->n_kids, 0);
	free(q);
	done(&f);
}

Test(browse, in_force_by_date)
{
	struct browse_version v[3];
	struct browse_domain d;

	memset(v, 0, sizeof v);
	memset(&d, 0, sizeof d);
	v[0].info.in_force_from = (char *)"2016-02-15";
	v[1].info.in_force_from = (char *)"2018-01-01";
	v[2].info.in_force_from = (char *)"2021-07-01";
	d.versions = v;
	d.n_versions = 3;
	cr_expect_eq(browse_in_force(&d, "2010-01-01"), BROWSE_NONE,
		     "before the first version: none in force");
	cr_expect_eq(browse_in_force(&d, "2016-02-14"), BROWSE_NONE);
	cr_expect_eq(browse_in_force(&d, "2016-02-15"), 0);
	cr_expect_eq(browse_in_force(&d, "2017-12-31"), 0);
	cr_expect_eq(browse_in_force(&d, "2018-01-01"), 1, "from its date");
	cr_expect_eq(browse_in_force(&d, "2021-06-30"), 1);
	cr_expect_eq(browse_in_force(&d, "2030-01-01"), 2);
}
