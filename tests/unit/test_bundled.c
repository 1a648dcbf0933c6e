/*
 * The bundled contracts (share/suivi/contrats) against the seeds they
 * transcribe: counts per annex, and exact texts. The expected texts are
 * copied from the seeds (PDF damage repaired for Le Haillan: ƒ -> /,
 * ‡ -> *, − -> -); when the seeds are beside the project (../shared/seeds,
 * as in CI) the test also checks they still contain them.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/contract_file.h"

static struct contract_doc *bundled(const char *name)
{
	char *rel, *path;
	struct contract_doc *doc;
	struct diag_list d;

	if (asprintf(&rel, "share/suivi/contrats/%s", name) < 0)
		abort();
	path = t_top(rel);
	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s: %s", path,
		     d.n ? d.v[0].msg : "");
	diag_list_release(&d);
	free(rel);
	free(path);
	return doc;
}

static const struct annex *annex(const struct contract_doc *doc,
				 const char *code)
{
	for (size_t i = 0; i < doc->n_annexes; i++)
		if (!strcmp(doc->annexes[i].domain_code, code))
			return &doc->annexes[i];
	cr_assert_fail("no annex %s", code);
	return NULL;
}

static const struct indicator *indicator(const struct annex *a,
					 const char *code)
{
	for (size_t i = 0; i < a->n_indicators; i++)
		if (!strcmp(a->indicators[i].code, code))
			return &a->indicators[i];
	cr_assert_fail("no indicator %s", code);
	return NULL;
}

static const struct contact *contact(const struct annex *a,
				     const char *letter,
				     enum request_kind kind)
{
	for (size_t i = 0; i < a->n_contacts; i++) {
		const struct contact *c = &a->contacts[i];

		if (c->kind == kind && ((!letter && !c->subdomain) ||
					(letter && c->subdomain &&
					 !strcmp(letter, c->subdomain))))
			return c;
	}
	cr_assert_fail("no contact %s/%d", letter ? letter : "*", kind);
	return NULL;
}

struct counts {
	size_t subdomains, activities, roles, contacts, priorities, removed,
	       mutual, committees, commitments, indicators;
};

static void expect_counts(const struct annex *a, struct counts want)
{
	struct counts got = { 0 };

	got.subdomains = a->n_subdomains;
	for (size_t i = 0; i < a->n_subdomains; i++)
		got.activities += a->subdomains[i].n_activities;
	got.roles = a->n_roles;
	got.contacts = a->n_contacts;
	for (size_t i = 0; i < a->n_items; i++) {
		if (a->items[i].kind == ITEM_PRIORITY) {
			got.priorities++;
			got.removed += a->items[i].removed;
		} else {
			got.mutual++;
		}
	}
	got.committees = a->n_committees;
	got.commitments = a->n_commitments;
	got.indicators = a->n_indicators;
	cr_assert_eq(memcmp(&got, &want, sizeof got), 0,
		     "%s: sd %zu act %zu roles %zu contacts %zu prio %zu "
		     "removed %zu mutual %zu comités %zu eng %zu ind %zu",
		     a->domain_code, got.subdomains, got.activities, got.roles,
		     got.contacts, got.priorities, got.removed, got.mutual,
		     got.committees, got.commitments, got.indicators);
}

/* Seed text with the Le Haillan PDF damage that is mechanical repaired. */
static char *seed(const char *name)
{
	char *rel, *path, *text, *out, *o;

	if (asprintf(&rel, "../shared/seeds/%s", name) < 0)
		abort();
	path = t_top(rel);
	text = t_read(path, NULL);
	free(rel);
	free(path);
	if (!text)
		return NULL;
	out = malloc(strlen(text) + 1);
	o = out;
	for (const char *p = text; *p;) {
		if (!strncmp(p, "ƒ", strlen("ƒ"))) {
			*o++ = '/';
			p += strlen("ƒ");
		} else if (!strncmp(p, "‡", strlen("‡"))) {
			*o++ = '*';
			p += strlen("‡");
		} else if (!strncmp(p, "−", strlen("−"))) {
			*o++ = '-';
			p += strlen("−");
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	free(text);
	return out;
}

static void expect_text(const char *got, const char *want, const char *seed_text)
{
	cr_assert_str_eq(got, want);
	if (seed_text)
		cr_assert_not_null(strstr(seed_text, want),
				   "« %s » not in the seed", want);
}

Test(bundled, le_haillan_has_every_part_of_both_annexes)
{
	struct contract_doc *doc = bundled("le-haillan.ini");
	char *s = seed("000_4c08945825d54ad6.txt");
	const struct annex *nsi = annex(doc, "nsi"), *eco = annex(doc, "eco");

	cr_assert_eq(doc->kind, DOC_CONTRACT);
	cr_assert_str_eq(doc->identifier, "33200-2017");
	cr_assert_str_eq(doc->insee, "33200");
	cr_assert_eq(doc->n_articles, 7);
	cr_assert_eq(doc->n_annexes, 2);
	expect_counts(nsi, (struct counts){ 4, 38, 2, 12, 5, 0, 0, 3, 9, 12 });
	expect_counts(eco, (struct counts){ 2, 2, 2, 3, 3, 0, 6, 0, 1, 1 });
	expect_text(indicator(nsi, "2.1.1")->baseline,
		    "XX j*h consacrés chaque année aux projets", s);
	expect_text(indicator(nsi, "3.1.1")->baseline,
		    "20 % des postes de travail sont renouvelés chaque année. "
		    "Renouvellement concernant l’infrastructure ou les "
		    "progiciels font l’objet de projets spécifiques", s);
	cr_assert_eq(indicator(nsi, "2.1.1")->periodicity,
		     PERIOD_MONTHLY_OR_QUARTERLY);
	/* 3.3.2 shares the merged cells of 3.3.1 */
	cr_assert_str_eq(indicator(nsi, "3.3.2")->source,
			 "Centre d’assistance et de support utilisateurs");
	cr_assert_not_null(indicator(nsi, "3.3.2")->criticalities);
	cr_assert_str_eq(contact(nsi, "D", REQUEST_EXCEPTIONAL)->shared,
			 "Adjoint au directeur général en charge de la "
			 "stratégie et des systèmes d’information");
	cr_assert_str_eq(contact(nsi, "B", REQUEST_URGENT)->commune,
			 "Comitologie projets spécifique");
	cr_assert_str_eq(contact(nsi, "C", REQUEST_ORDINARY)->shared,
			 "Centre d’appel");
	cr_assert_str_eq(indicator(eco, "1")->label,
			 "Nombre de demandes traitées / nombre de demandes "
			 "reçues");
	cr_assert_eq(indicator(eco, "1")->value_kind, VALUE_RATIO);
	cr_assert_eq(indicator(nsi, "1.2.1")->value_kind, VALUE_LEVEL);
	contract_doc_free(doc);
	free(s);
}

Test(bundled, le_bouscat_amendment_replaces_the_digital_annex)
{
	struct contract_doc *base = bundled("le-bouscat.ini");
	struct contract_doc *doc = bundled("le-bouscat-avenant-1.ini");
	char *s = seed("001_cd226cb75b6f032f.txt");
	const struct annex *nsi = annex(doc, "nsi");

	cr_assert_eq(base->kind, DOC_CONTRACT);
	cr_assert_str_eq(base->signed_on, "2016-02-15");
	cr_assert_eq(doc->kind, DOC_AMENDMENT);
	cr_assert_eq(doc->number, 1);
	cr_assert_str_eq(doc->contract_identifier, base->identifier);
	cr_assert_str_eq(doc->in_force_from, "2018-01-01");
	cr_assert_eq(doc->n_replaces, 1);
	cr_assert_str_eq(doc->replaces[0], "nsi");
	expect_counts(nsi, (struct counts){ 4, 38, 2, 12, 6, 1, 0, 3, 9, 13 });
	expect_text(indicator(nsi, "3.1.1")->baseline,
		    "Renouvellement d'1/6 du parc par an", s);
	expect_text(indicator(nsi, "3.3.1")->baseline,
		    "Lendemain au maximum (sauf cas de force majeure)", s);
	expect_text(indicator(nsi, "4.2.1")->baseline, "1 jour", s);
	expect_text(indicator(nsi, "2.1.2")->baseline,
		    "3 projets réalisés sur 3 sur 2015", s);
	expect_text(indicator(nsi, "3.2.1")->baseline,
		    "Interface web + assistance continue sur les horaires "
		    "d'ouverture de la Mairie : 8h30 12h / 13– 17h du lundi "
		    "au vendredi", s);
	expect_text(contact(nsi, "C", REQUEST_EXCEPTIONAL)->commune,
		    "Responsable de suivi du contrat d'engagement et Directeur "
		    "général des services", s);
	expect_text(nsi->items[5].text,
		    "Assurer le transfert de compétence en matière de gestion, "
		    "alarmes et de la télésurveillance et vidéosurveillance aux "
		    "équipes mutualisées en charge de ces activités (portées par "
		    "l'équipe bâtiment).", s);
	cr_assert(nsi->items[5].removed);
	cr_assert_eq(indicator(nsi, "2.1.2")->value_kind, VALUE_RATIO);
	cr_assert_eq(indicator(nsi, "1.1.1")->value_kind, VALUE_YES_NO);
	contract_doc_free(base);
	contract_doc_free(doc);
	free(s);
}
