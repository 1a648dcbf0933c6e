#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/contract_file.h"

static char *fixture_text(const char *name)
{
	char *rel, *path, *text;

	if (asprintf(&rel, "tests/fixtures/%s", name) < 0)
		abort();
	path = t_top(rel);
	text = t_read(path, NULL);
	cr_assert_not_null(text, "fixture %s", path);
	free(rel);
	free(path);
	return text;
}

/* text with the first `from` replaced by `to` (heap). */
static char *replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	char *out;

	cr_assert_not_null(at, "« %s » not in fixture", from);
	out = malloc(strlen(text) + strlen(to) + 1);
	memcpy(out, text, (size_t)(at - text));
	strcpy(out + (at - text), to);
	strcat(out, at + strlen(from));
	return out;
}

static int line_of(const char *text, const char *marker)
{
	const char *at = strstr(text, marker);
	int line = 1;

	cr_assert_not_null(at, "marker « %s »", marker);
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

struct bad_case {
	const char *fixture;
	const char *from, *to;	/* edit applied to the valid fixture */
	const char *marker;	/* text on the line the problem is reported on */
	const char *words;	/* in the message */
};

#define C "test-contrat.ini"
#define A "test-avenant-1.ini"

static const struct bad_case cases[] = {
	{ C, "[comite nsi/1]", "[bidule x]\n[comite nsi/1]", "[bidule x]",
	  "section inconnue" },
	{ C, "frequence = bi-annuel", "frequence = bi-annuel\ncouleur = bleu",
	  "couleur = bleu", "clé inconnue « couleur »" },
	{ C, "source = Livrable\n", "", "[indicateur nsi/1.1.1]",
	  "obligatoire « source »" },
	{ C, "intitule = Schéma numérique à jour\n",
	  "intitule = Schéma numérique à jour\nintitule = Autre\n",
	  "intitule = Autre", "déjà donnée" },
	{ C, "[indicateur nsi/1.1.3]", "[indicateur NSI/1.1.2]",
	  "[indicateur NSI/1.1.2]", "déjà ouverte" },
	{ C, "engagement = 1.1\nintitule = Maturité",
	  "engagement = 9.9\nintitule = Maturité", "engagement = 9.9",
	  "engagement « 9.9 » inconnu" },
	{ C, "sous_domaine = A", "sous_domaine = Z", "sous_domaine = Z",
	  "sous-domaine « Z » inconnu" },
	{ C, "periodicite = annuelle\nsource = Audit",
	  "periodicite = semestrielle\nsource = Audit", "semestrielle",
	  "périodicité « semestrielle »" },
	{ C, "type_valeur = niveau", "type_valeur = couleur", "couleur",
	  "type de valeur « couleur »" },
	{ C, "echelle = 0-5\n", "", "[indicateur nsi/1.1.3]", "echelle" },
	{ C, "echelle = 0-5", "echelle = 5-0", "echelle = 5-0", "échelle" },
	{ C, "debut = 2020-01-01", "debut = 2020-02-30", "debut =",
	  "date « 2020-02-30 »" },
	{ C, "insee = 33999", "insee = 3399", "insee =", "INSEE" },
	{ C, "identifiant = test-2020", "identifiant = Test 2020",
	  "identifiant =", "identifiant" },
	{ C, "[contact nsi/A/ordinaire]", "[contact nsi/Q/ordinaire]",
	  "[contact nsi/Q/ordinaire]", "sous-domaine Q" },
	{ C, "[contact nsi/urgence]", "[contact nsi/urgente]",
	  "[contact nsi/urgente]", "type de saisine" },
	{ C, "[comite nsi/1]", "[comite rh/1]", "[comite rh/1]",
	  "domaine « rh »" },
	{ C, "cote = service commun", "cote = mairie", "cote = mairie",
	  "côté" },
	{ C, "meilleur = hausse", "meilleur  = oui", "meilleur  = oui",
	  "ne vaut que" },
	{ C, "criticites = critique, majeure, mineure",
	  "criticites = critique, critique", "criticites =",
	  "deux niveaux distincts" },
	{ C, "calcul = delai_resolution", "calcul = au_doigt",
	  "calcul = au_doigt", "calcul « au_doigt »" },
	{ C, "activite.1.rubrique", "activite.3.rubrique",
	  "activite.3.rubrique", "sans « activite.3 »" },
	{ C, "priorite.2.supprimee = oui", "priorite.2.supprimee = peut-être",
	  "peut-être", "oui ou non" },
	{ C, "[contrat]", "[domaine x]\nnom = y\n[contrat]", "[domaine x]",
	  "commencer par [contrat]" },
	{ C, "[article 4]", "[article 0]", "[article 0]", "mal nommée" },
	{ C, "[engagement nsi/1.1]", "[engagement nsi/1..1]",
	  "[engagement nsi/1..1]", "mal nommée" },
	{ C, "[comite nsi/1]", "[avenant]\n[comite nsi/1]", "[avenant]",
	  "qu'une fois" },
	{ C, "intitule = Produire un plan d'actions",
	  "intitule = Produire un plan ; d'actions", "Produire un plan ;",
	  "serait perdu" },
	{ C, "source = Audit", "source = Au\xe9" "dit", "source = Au",
	  "UTF-8" },
	{ A, "remplace = nsi", "remplace = nsi, eco", "remplace =",
	  "ne la donne pas" },
	{ A, "remplace = nsi", "remplace = eco", "[avenant]",
	  "ni dans « remplace » ni dans « ajoute »" },
	{ A, "remplace = nsi", "remplace = nsi,", "remplace =",
	  "élément vide dans « remplace »" },
	{ A, "remplace = nsi", "remplace = ,nsi", "remplace =",
	  "élément vide dans « remplace »" },
	{ A, "remplace = nsi", "remplace =", "remplace =",
	  "« remplace » est vide" },
	{ A, "remplace = nsi", "ajoute = eco", "[avenant]",
	  "ni dans « remplace » ni dans « ajoute »" },
	{ A, "remplace = nsi", "remplace = nsi\najoute = nsi", "ajoute =",
	  "à la fois dans « remplace » et dans « ajoute »" },
	{ A, "remplace = nsi\n", "", "[avenant]",
	  "ni quelles annexes il remplace" },
	{ A, "[domaine nsi]\n", "[domaine nsi]\ntranscrite = non\n",
	  "transcrite = non", "ne va que dans un contrat" },
	{ C, "[indicateur nsi/1.1.2]", "[indicateur nsi/01.1.2]",
	  "[indicateur nsi/01.1.2]", "écrire « 1.1.2 »" },
	{ C, "[indicateur nsi/1.1.2]", "[indicateur nsi/1.001.2]",
	  "[indicateur nsi/1.001.2]", "écrire « 1.1.2 »" },
	{ C, "[indicateur nsi/1.1.2]", "[choix nsi/9.9]\nunite = h\n"
	  "[indicateur nsi/1.1.2]", "[choix nsi/9.9]",
	  "pas de section [indicateur nsi/9.9]" },
	{ C, "[indicateur nsi/1.1.2]", "[choix nsi/1.1.2]\nunite = j\n"
	  "[indicateur nsi/1.1.2]", "unite = j",
	  "à la fois dans [indicateur nsi/1.1.2] et dans [choix nsi/1.1.2]" },
	{ C, "[indicateur nsi/1.1.2]", "[choix nsi/1.1.2]\ninsee = 33001\n"
	  "[indicateur nsi/1.1.2]", "insee = 33001",
	  "n'est pas un attribut d'indicateur" },
	{ C, "[indicateur nsi/1.1.2]", "[choix nsi/1.1.2]\nsource = x\n"
	  "[indicateur nsi/1.1.2]", "source = x",
	  "clé inconnue « source » dans [choix nsi/1.1.2]" },
	{ C, "[indicateur nsi/1.1.2]", "[choix]\nunite = h\n"
	  "[indicateur nsi/1.1.2]", "unite = h",
	  "n'est pas un fait d'en-tête" },
	{ C, "type_valeur = oui_non\n", "", "[indicateur nsi/1.1.1]",
	  "clé obligatoire « type_valeur » manquante" },
	{ C, "insee = 33999\n", "", "[contrat]",
	  "clé obligatoire « insee » manquante ou vide dans [contrat] (ni "
	  "dans [choix])" },
	{ A, "[domaine nsi]", "[choix]\ninsee = 33001\n[domaine nsi]",
	  "[choix]", "[choix] sans numéro ne va que dans un contrat" },
	{ C, "criticites = critique, majeure, mineure",
	  "criticites = critique, majeure, CRITIQUE", "criticites =",
	  "le niveau « CRITIQUE » répète" },
	{ C, "criticites = critique, majeure, mineure",
	  "criticites = critique, majeure, Mineure, minéure", "criticites =",
	  "le niveau « minéure » répète" },
	{ A, "numero = 1", "numero = zéro", "numero =", "numéro d'avenant" },
	{ A, "[domaine nsi]", "[article 1]\ntitre = t\nresume = r\n[domaine nsi]",
	  "[article 1]", "pas de [article]" },
	{ A, "contrat = test-2020\n", "", "[avenant]", "obligatoire « contrat »" },
};

Test(contract_file, reports_each_problem_at_its_line)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct bad_case *c = &cases[i];
		char *text = fixture_text(c->fixture);
		char *bad = replaced(text, c->from, c->to);
		char *path = t_write("bad.ini", bad);
		struct contract_doc *doc;
		struct diag_list d;
		int want = line_of(bad, c->marker);
		bool found = false;

		diag_list_init(&d);
		cr_assert_eq(contract_file_read(path, &doc, &d), -1,
			     "case %zu accepted", i);
		cr_assert_null(doc);
		for (size_t k = 0; k < d.n; k++)
			if (d.v[k].line == want && strstr(d.v[k].msg, c->words))
				found = true;
		if (!found)
			for (size_t k = 0; k < d.n; k++)
				cr_log_error("case %zu: %d: %s", i, d.v[k].line,
					     d.v[k].msg);
		cr_assert(found, "case %zu: want line %d « %s »", i, want,
			  c->words);
		diag_list_release(&d);
		free(text);
		free(bad);
		free(path);
	}
}

Test(contract_file, adds_and_untranscribed_annexes)
{
	char *text = fixture_text(A);
	char *adds = replaced(text, "remplace = nsi", "ajoute = nsi");
	char *signed_late = replaced(text, "en_vigueur = 2021-01-01",
				     "en_vigueur = 2021-01-01\n"
				     "signature = 2021-02-01");
	char *p1 = t_write("adds.ini", adds);
	char *p2 = t_write("late.ini", signed_late);
	char *p3 = t_write("nt.ini", "[contrat]\nidentifiant = nt\n"
			   "commune = N\ninsee = 33001\nintitule = C\n"
			   "debut = 2016-01-01\n[domaine nsi]\nnom = Numérique\n"
			   "transcrite = non\n");
	struct contract_doc *doc;
	struct diag_list d;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(p1, &doc, &d), 0);
	cr_assert_eq(doc->n_adds, 1);
	cr_assert_eq(doc->n_replaces, 0);
	cr_assert_str_eq(doc->adds[0], "nsi");
	cr_assert_eq(doc->warnings.n, 0);
	contract_doc_free(doc);

	/* a signature after the date in force is a warning, not a refusal */
	cr_assert_eq(contract_file_read(p2, &doc, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(doc->warnings.n, 1);
	cr_assert(strstr(doc->warnings.v[0].msg, "signé le 01/02/2021, après "
			 "son entrée en vigueur le 01/01/2021"), "%s",
		  doc->warnings.v[0].msg);
	cr_assert_eq(doc->warnings.v[0].line,
		     line_of(signed_late, "signature ="));
	contract_doc_free(doc);

	cr_assert_eq(contract_file_read(p3, &doc, &d), 0, "%s",
		     d.n ? d.v[0].msg : "");
	cr_assert_eq(doc->n_annexes, 1);
	cr_assert(doc->annexes[0].untranscribed);
	cr_assert_str_eq(doc->annexes[0].domain_name, "Numérique");
	contract_doc_free(doc);
	diag_list_release(&d);
	free(text);
	free(adds);
	free(signed_late);
	free(p1);
	free(p2);
	free(p3);
}

Test(contract_file, choices_of_the_follow_up)
{
	char *text = fixture_text(C);
	/* 1.1.2's value kind and unit move to its [choix]; the INSEE code
	 * and the start date to the contract's */
	char *a = replaced(text, "type_valeur = duree_heures\nunite = h\n", "");
	char *b = replaced(a, "[indicateur nsi/1.1.3]",
			   "[choix nsi/1.1.2]\ntype_valeur = duree_heures\n"
			   "unite = h\n\n[indicateur nsi/1.1.3]");
	char *c2 = replaced(b, "debut = 2020-01-01\n", "");
	char *d2 = replaced(c2, "[article 4]",
			    "[choix]\ndebut = 2020-01-01\n\n[article 4]");
	char *path = t_write("choix.ini", d2);
	struct contract_doc *doc;
	struct diag_list d;
	const struct indicator *ind = NULL;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s",
		     d.n ? d.v[0].msg : "");
	cr_assert_str_eq(doc->starts_on, "2020-01-01");
	cr_assert_str_eq(doc->choices, "debut");
	for (size_t i = 0; i < doc->annexes[0].n_indicators; i++)
		if (!strcmp(doc->annexes[0].indicators[i].code, "1.1.2"))
			ind = &doc->annexes[0].indicators[i];
	cr_assert_not_null(ind);
	cr_assert_eq(ind->value_kind, VALUE_HOURS);
	cr_assert_str_eq(ind->unit, "h");
	cr_assert_str_eq(ind->choices, "type_valeur, unite");
	cr_assert_null(doc->annexes[0].indicators[0].choices);
	contract_doc_free(doc);
	diag_list_release(&d);
	free(text);
	free(a);
	free(b);
	free(c2);
	free(d2);
	free(path);
}

Test(contract_file, reports_all_problems_of_a_file)
{
	char *text = fixture_text(C);
	char *one = replaced(text, "debut = 2020-01-01", "debut = demain");
	char *two = replaced(one, "type_valeur = niveau", "type_valeur = x");
	char *path = t_write("two.ini", two);
	struct contract_doc *doc;
	struct diag_list d;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), -1);
	cr_assert_geq(d.n, 2);
	diag_list_release(&d);
	free(text);
	free(one);
	free(two);
	free(path);
}

Test(contract_file, refuses_empty_and_missing_files)
{
	char *empty = t_write("empty.ini", "; rien\n");
	char *missing = t_path("absent.ini");
	struct contract_doc *doc;
	struct diag_list d;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(empty, &doc, &d), -1);
	cr_assert(strstr(d.v[0].msg, "vide"), "%s", d.v[0].msg);
	cr_assert_eq(contract_file_read(missing, &doc, &d), -1);
	cr_assert_str_eq(d.v[1].file, missing);
	diag_list_release(&d);
	free(empty);
	free(missing);
}

Test(contract_file, builds_the_model_of_a_valid_contract)
{
	char *path = t_top("tests/fixtures/" C);
	struct contract_doc *doc;
	struct diag_list d;
	const struct annex *a;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s",
		     d.n ? d.v[0].msg : "");
	cr_assert_eq(doc->kind, DOC_CONTRACT);
	cr_assert_str_eq(doc->identifier, "test-2020");
	cr_assert_str_eq(doc->starts_on, "2020-01-01");
	cr_assert_str_eq(doc->signed_on, "2019-12-15");
	cr_assert_eq(doc->n_articles, 1);
	cr_assert_str_eq(doc->articles[0].summary,
			 "Trois natures de saisine ; trois niveaux d'arbitrage.");
	cr_assert_eq(doc->n_annexes, 1);
	a = &doc->annexes[0];
	cr_assert_str_eq(a->preamble, "Premier paragraphe.\n\nSecond paragraphe.");
	cr_assert_str_eq(a->subdomains[0].activities[0].text,
			 "Veille technologique");
	cr_assert_str_eq(a->subdomains[0].activities[0].heading, "Études");
	cr_assert_null(a->subdomains[0].activities[1].heading);
	cr_assert_eq(a->n_contacts, 2);
	cr_assert_null(a->contacts[1].subdomain);
	cr_assert_eq(a->contacts[1].kind, REQUEST_URGENT);
	cr_assert_eq(a->n_items, 3);
	cr_assert(a->items[1].removed);
	cr_assert_eq(a->items[2].kind, ITEM_MUTUAL_COMMITMENT);
	cr_assert_eq(a->n_indicators, 3);
	cr_assert_eq(a->indicators[1].periodicity, PERIOD_MONTHLY_OR_QUARTERLY);
	cr_assert_eq(a->indicators[1].computed_from, COMPUTED_RESOLUTION_DELAY);
	cr_assert_str_eq(a->indicators[1].criticalities,
			 "critique, majeure, mineure");
	cr_assert_eq(a->indicators[2].scale_max, 5);
	cr_assert_eq(a->indicators[0].computed_from, COMPUTED_NONE);
	contract_doc_free(doc);
	diag_list_release(&d);
	free(path);
}
