/*
 * The request log: the rules without the database (src/core/request.c:
 * status, delays, words) and the log in the database (src/store/
 * request.c and request_log.c: list, search, update, cancel, exceptional
 * requests, the contact to call, the domains a form offers), on the
 * bundled contracts and the test contract with an amendment written here.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "suivi/store_tx.h"
#include "suivi/records.h"
#include "suivi/contract_file.h"
#include "suivi/limits.h"
#include "suivi/request.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_request.h"
#include "suivi/text.h"

/* ------------------------------------------------------------------ */
/* Rules                                                               */

static const struct {
	struct request_dates d;
	enum request_status want;
} statuses[] = {
	{ { "2018-03-15T09:00", NULL, NULL, NULL, NULL, NULL }, REQ_NEW },
	{ { "2018-03-15T09:00", "", "", "", "", "" }, REQ_NEW },
	{ { "2018-03-15T09:00", "2018-03-15T10:00", NULL, NULL, NULL, NULL },
	  REQ_ACKNOWLEDGED },
	{ { "2018-03-15T09:00", "2018-03-15T10:00", "2018-03-15T11:00", NULL,
	    NULL, NULL }, REQ_IN_PROGRESS },
	/* an intervention without acknowledgement is still en cours */
	{ { "2018-03-15T09:00", NULL, "2018-03-15T11:00", NULL, NULL, NULL },
	  REQ_IN_PROGRESS },
	{ { "2018-03-15T09:00", "2018-03-15T10:00", "2018-03-15T11:00",
	    "2018-03-15T12:00", NULL, NULL }, REQ_RESOLVED },
	{ { "2018-03-15T09:00", NULL, NULL, "2018-03-15T12:00", NULL, NULL },
	  REQ_RESOLVED },
	{ { "2018-03-15T09:00", "2018-03-15T10:00", "2018-03-15T11:00",
	    "2018-03-15T12:00", "2018-03-16T08:00", NULL }, REQ_CLOSED },
	/* answered without being resolved (a demand): close */
	{ { "2018-03-15T09:00", NULL, NULL, NULL, "2018-03-16T08:00", NULL },
	  REQ_CLOSED },
	{ { "2018-03-15T09:00", "2018-03-15T10:00", NULL, NULL, NULL,
	    "2018-03-15T10:30" }, REQ_CANCELLED },
	/* cancelled wins over everything */
	{ { "2018-03-15T09:00", "2018-03-15T10:00", "2018-03-15T11:00",
	    "2018-03-15T12:00", "2018-03-16T08:00", "2018-03-17T08:00" },
	  REQ_CANCELLED },
	{ { "2018-03-15T09:00", NULL, NULL, NULL, NULL, "2018-03-15T09:00" },
	  REQ_CANCELLED },
};

Test(request, status_is_the_last_step_reached_and_cancelled_wins)
{
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
		cr_expect_eq(request_status(&statuses[i].d), statuses[i].want,
			     "case %zu: %d, want %d", i,
			     request_status(&statuses[i].d),
			     statuses[i].want);
}

Test(request, vocabularies_spell_codes_words_and_labels)
{
	static const char *const status_labels[REQ_STATUS_COUNT] = {
		"nouvelle", "prise en compte", "en cours", "résolue", "close",
		"annulée",
	};
	static const char *const status_db[REQ_STATUS_COUNT] = {
		"new", "acknowledged", "in_progress", "resolved", "closed",
		"cancelled",
	};
	static const char *const form_db[FORM_COUNT] = {
		"letter", "note", "email", "phone", "oral", "shared_tool",
	};
	static const char *const form_file[FORM_COUNT] = {
		"courrier", "note", "courriel", "telephone", "orale", "outil",
	};
	static const char *const form_labels[FORM_COUNT] = {
		"courrier", "note", "courriel", "téléphone", "orale",
		"outil partagé",
	};

	for (int i = 0; i < REQ_STATUS_COUNT; i++) {
		cr_expect_str_eq(request_status_vocab[i].label,
				 status_labels[i]);
		cr_expect_str_eq(request_status_vocab[i].db, status_db[i]);
	}
	for (int i = 0; i < FORM_COUNT; i++) {
		cr_expect_str_eq(request_form_vocab[i].db, form_db[i]);
		cr_expect_str_eq(request_form_vocab[i].file, form_file[i]);
		cr_expect_str_eq(request_form_vocab[i].label, form_labels[i]);
	}
	cr_expect_eq(vocab_from_file(request_form_vocab, FORM_COUNT,
				     "telephone"), FORM_PHONE);
	cr_expect_str_eq(request_nature_vocab[NATURE_DEMAND].db, "demand");
	cr_expect_str_eq(request_nature_vocab[NATURE_DEMAND].label,
			 "demande");
	cr_expect_str_eq(request_nature_vocab[NATURE_INCIDENT].db,
			 "incident");
}

static const struct {
	const char *from, *to;
	double hours, days;
	const char *why;
} delays[] = {
	{ "2018-03-15T09:00", "2018-03-15T17:30", 8.5, 0, "same day" },
	{ "2018-03-16T17:00", "2018-03-19T09:00", 64, 1,
	  "Friday evening to Monday morning: the weekend does not count" },
	{ "2018-03-17T10:00", "2018-03-19T10:00", 48, 1,
	  "Saturday to Monday" },
	{ "2017-07-13T10:00", "2017-07-17T10:00", 96, 1,
	  "Thursday to Monday over 14 July (a Friday)" },
	{ "2018-03-30T10:00", "2018-04-03T10:00", 96, 1,
	  "Good Friday to Tuesday over Easter Monday (2 April 2018)" },
	{ "2018-05-07T10:00", "2018-05-11T10:00", 96, 2,
	  "Monday to Friday over 8 May and Ascension (10 May 2018)" },
	{ "2018-12-31T16:00", "2019-01-02T09:00", 41, 1,
	  "31 December to 2 January over New Year's Day" },
	{ "15/03/2018 09:00", "2018-03-16 9h30", 24.5, 1,
	  "the other accepted forms" },
};

Test(request, delays_in_hours_and_working_days)
{
	for (size_t i = 0; i < sizeof delays / sizeof *delays; i++) {
		double h = -1, d = -1;

		cr_assert(request_delay(delays[i].from, delays[i].to, &h, &d),
			  "%s", delays[i].why);
		cr_expect(fabs(h - delays[i].hours) < 1e-9,
			  "%s: %.2f h, want %.2f", delays[i].why, h,
			  delays[i].hours);
		cr_expect(fabs(d - delays[i].days) < 1e-9,
			  "%s: %.2f days, want %.2f", delays[i].why, d,
			  delays[i].days);
	}
}

Test(request, no_delay_without_both_dates)
{
	double h = -7, d = -7;

	cr_expect(!request_delay(NULL, "2018-03-15T09:00", &h, &d));
	cr_expect(!request_delay("2018-03-15T09:00", NULL, &h, &d));
	cr_expect(!request_delay("2018-03-15T09:00", "demain", &h, &d));
	cr_expect(h == -7 && d == -7, "outputs touched");
	/* backwards: negative hours, never negative days */
	cr_assert(request_delay("2018-03-16T09:00", "2018-03-15T09:00", &h,
				&d));
	cr_expect(h == -24 && d == 0);
}

/* The wording of article 4, as the contract writes it (after "avec l’"). */
Test(request, exceptional_contact_is_article_4s_wording)
{
	char *path = t_top("share/suivi/contrats/le-haillan.ini");
	char *text = t_read(path, NULL);
	char *lower;

	cr_assert_not_null(text);
	lower = strdup(request_exceptional_contact);
	lower[0] = 'a';
	cr_expect_eq(request_exceptional_contact[0], 'A');
	cr_expect(strstr(text, "la commune prend contact avec l’") != NULL);
	{
		char *want = NULL;

		cr_assert(asprintf(&want, "prend contact avec l’%s.", lower) >
			  0);
		cr_expect(strstr(text, want) != NULL, "« %s » not in article 4",
			  want);
		free(want);
	}
	free(lower);
	free(text);
	free(path);
}

/* ------------------------------------------------------------------ */
/* The log in the database                                             */

/* Amendment 1 of the test contract, as written here: from 2021 the
 * sub-domain A's ordinary contact changes and a sub-domain B appears. */
static const char amendment[] =
	"[avenant]\n"
	"contrat = test-2020\n"
	"numero = 1\n"
	"en_vigueur = 2021-01-01\n"
	"objet = Nouveau référent\n"
	"remplace = nsi\n"
	"\n"
	"[domaine nsi]\n"
	"nom = Numérique et systèmes d'information\n"
	"\n"
	"[sous-domaine nsi/A]\n"
	"nom = Stratégie numérique\n"
	"activite.1 = Veille technologique\n"
	"\n"
	"[sous-domaine nsi/B]\n"
	"nom = Infrastructures\n"
	"activite.1 = Réseaux\n"
	"\n"
	"[contact nsi/A/ordinaire]\n"
	"commune = Nouveau référent du contrat\n"
	"service_commun = Référent communal\n"
	"\n"
	"[contact nsi/urgence]\n"
	"commune = DGA\n"
	"service_commun = Adjoints au DG\n";

struct fixture {
	struct store *st;
	char *db;
	char haillan[STORE_UID_LEN], bouscat[STORE_UID_LEN],
	     test[STORE_UID_LEN];
	char nsi[STORE_UID_LEN], eco[STORE_UID_LEN];	/* Le Haillan's */
	char bouscat_nsi[STORE_UID_LEN], test_nsi[STORE_UID_LEN];
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
	cr_assert_eq(store_begin(st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_contract_import(st, doc, &outcome, &e), 0, "%s: %s",
		     path, e.msg);
	cr_assert_eq(store_commit(st, &e), 0, "%s", e.msg);
	contract_doc_free(doc);
	diag_list_release(&d);
}

static void import(struct store *st, const char *rel)
{
	char *path = t_top(rel);

	import_path(st, path);
	free(path);
}

static void find(struct fixture *f, const char *key, const char *domain,
		 char contract[STORE_UID_LEN], char dom[STORE_UID_LEN])
{
	struct err e;

	cr_assert_eq(store_contract_find(f->st, key, contract, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_domain_uid(f->st, contract, domain, dom, &e), 0,
		     "%s", e.msg);
}

/* The contracts every test of this file reads. */
static void fill_contracts(struct store *st, void *ctx)
{
	char *am;

	(void)ctx;
	import(st, "share/suivi/contrats/le-haillan.ini");
	import(st, "share/suivi/contrats/le-bouscat.ini");
	import(st, "share/suivi/contrats/le-bouscat-avenant-1.ini");
	import(st, "tests/fixtures/test-contrat.ini");
	am = t_write("avenant-test.ini", amendment);
	import_path(st, am);
	free(am);
}

static void open_store(struct fixture *f)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	f->db = t_path("request.db");
	f->st = t_store_cached("request.db", "request", fill_contracts, NULL);
	store_set_author(f->st, "Référent test");
	find(f, "Le Haillan", "nsi", f->haillan, f->nsi);
	cr_assert_eq(store_domain_uid(f->st, f->haillan, "eco", f->eco, &e),
		     0, "%s", e.msg);
	find(f, "Le Bouscat", "nsi", f->bouscat, f->bouscat_nsi);
	find(f, "test-2020", "nsi", f->test, f->test_nsi);
}

static void close_store(struct fixture *f)
{
	store_close(f->st);
	free(f->db);
}

/* ---- the contact to call ---- */

static void expect_contact(struct fixture *f, const char *domain,
			   const char *letter, enum request_kind kind,
			   const char *date, const char *commune,
			   const char *shared)
{
	char *c = (char *)"x", *s = (char *)"x";
	struct err e;

	cr_assert_eq(store_request_contact(f->st, domain, letter, kind, date,
					   &c, &s, &e), 0, "%s", e.msg);
	if (commune)
		cr_expect(c && !strcmp(c, commune), "%s/%s on %s: « %s », "
			  "want « %s »", letter ? letter : "-",
			  request_kind_vocab[kind].file, date ? date : "-",
			  c ? c : "(null)", commune);
	else
		cr_expect_null(c, "« %s »", c);
	if (shared)
		cr_expect(s && !strcmp(s, shared), "%s/%s on %s: « %s », "
			  "want « %s »", letter ? letter : "-",
			  request_kind_vocab[kind].file, date ? date : "-",
			  s ? s : "(null)", shared);
	else
		cr_expect_null(s, "« %s »", s);
	free(c);
	free(s);
}

Test(request, contact_of_a_cell_of_the_matrix)
{
	struct fixture f;

	open_store(&f);
	expect_contact(&f, f.nsi, "C", REQUEST_URGENT, "2018-03-15",
		       "Chef de service de l’utilisateur",
		       "Chef de service centre d’appel et pilotage");
	expect_contact(&f, f.nsi, "D", REQUEST_ORDINARY, "2018-03-15T09:30",
		       "Responsable applicatif métier",
		       "Chefs de service de la direction des infrastructures "
		       "et de la production");
	/* eco has one row per kind for every sub-domain */
	expect_contact(&f, f.eco, "A", REQUEST_URGENT, NULL,
		       "Directeur général des services et le chef du pôle "
		       "technique et aménagement",
		       "Chargé de mission développement économique");
	expect_contact(&f, f.eco, NULL, REQUEST_URGENT, NULL,
		       "Directeur général des services et le chef du pôle "
		       "technique et aménagement",
		       "Chargé de mission développement économique");
	close_store(&f);
}

Test(request, contact_falls_back_to_the_domains_general_row)
{
	struct fixture f;

	open_store(&f);
	/* A has an ordinary cell; urgent only the general row */
	expect_contact(&f, f.test_nsi, "A", REQUEST_ORDINARY, "2020-06-01",
		       "Référent du contrat", "Référent communal");
	expect_contact(&f, f.test_nsi, "A", REQUEST_URGENT, "2020-06-01",
		       "DGA", "Adjoints au DG");
	expect_contact(&f, f.test_nsi, "Z", REQUEST_URGENT, "2020-06-01",
		       "DGA", "Adjoints au DG");
	/* no general ordinary row: nothing for the domain as a whole */
	expect_contact(&f, f.test_nsi, NULL, REQUEST_ORDINARY, "2020-06-01",
		       NULL, NULL);
	close_store(&f);
}

Test(request, contact_of_the_annex_version_in_force_on_the_date)
{
	struct fixture f;

	open_store(&f);
	expect_contact(&f, f.test_nsi, "A", REQUEST_ORDINARY, "2020-12-31",
		       "Référent du contrat", "Référent communal");
	expect_contact(&f, f.test_nsi, "A", REQUEST_ORDINARY, "2021-01-01",
		       "Nouveau référent du contrat", "Référent communal");
	expect_contact(&f, f.test_nsi, "A", REQUEST_ORDINARY, NULL,
		       "Nouveau référent du contrat", "Référent communal");
	/* before the contract's first annex: no annex, no contact */
	expect_contact(&f, f.test_nsi, "A", REQUEST_ORDINARY, "2010-01-01",
		       NULL, NULL);
	/* Le Bouscat: only amendment 1's annex is known, in force from
	 * 01/01/2018: nothing before, never that annex ahead of its date */
	expect_contact(&f, f.bouscat_nsi, "C", REQUEST_URGENT, "2017-12-31",
		       NULL, NULL);
	expect_contact(&f, f.bouscat_nsi, "C", REQUEST_URGENT, "2018-01-01",
		       "Chef de service de l'utilisateur",
		       "Chef de service centre d'appel et pilotage");
	expect_contact(&f, f.bouscat_nsi, "B", REQUEST_URGENT, "2019-06-01",
		       "Directeur métier",
		       "Directeur des programmes numériques concerné");
	close_store(&f);
}

Test(request, exceptional_contact_is_the_poles_deputy_director)
{
	struct fixture f;
	char *c, *s;
	struct err e;

	open_store(&f);
	expect_contact(&f, f.nsi, "A", REQUEST_EXCEPTIONAL, "2018-03-15",
		       request_exceptional_contact,
		       "Directeur général du service commun.");
	/* no matrix: still the pole's deputy director general */
	expect_contact(&f, f.test_nsi, "A", REQUEST_EXCEPTIONAL, "2018-03-15",
		       request_exceptional_contact, NULL);
	cr_expect_eq(store_request_contact(f.st, "00", "A", REQUEST_URGENT,
					   NULL, &c, &s, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(store_request_contact(f.st, f.nsi, "A", REQUEST_URGENT,
					   "demain", &c, &s, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	close_store(&f);
}

/* ---- the domains a form offers ---- */

Test(request, domain_choices_follow_the_annex_in_force)
{
	struct fixture f;
	struct domain_choice *v;
	size_t n;
	struct err e;

	open_store(&f);
	cr_assert_eq(store_domain_choices(f.st, f.test, "2020-06-01", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].code, "nsi");
	cr_expect_str_eq(v[0].uid, f.test_nsi);
	cr_assert_eq(v[0].n_subdomains, 1);
	cr_expect_str_eq(v[0].subdomains[0].letter, "A");
	store_domain_choices_free(v, n);

	cr_assert_eq(store_domain_choices(f.st, f.test, "2021-02-01", &v, &n,
					  &e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_assert_eq(v[0].n_subdomains, 2);
	cr_expect_str_eq(v[0].subdomains[0].letter, "A");
	cr_expect_str_eq(v[0].subdomains[1].letter, "B");
	cr_expect_str_eq(v[0].subdomains[1].name, "Infrastructures");
	store_domain_choices_free(v, n);

	cr_assert_eq(store_domain_choices(f.st, f.haillan, "2018-01-01", &v,
					  &n, &e), 0, "%s", e.msg);
	cr_assert_geq(n, 2);
	cr_expect_str_eq(v[0].code, "nsi");
	cr_expect_str_eq(v[0].name, "Numérique et systèmes d’information");
	cr_assert_eq(v[0].n_subdomains, 4);
	for (size_t i = 0; i < 4; i++) {
		char want[2] = { (char)('A' + i), 0 };

		cr_expect_str_eq(v[0].subdomains[i].letter, want);
		cr_expect_not_null(v[0].subdomains[i].name);
	}
	cr_expect_str_eq(v[1].code, "eco");
	store_domain_choices_free(v, n);
	close_store(&f);
}

/* ---- writing and listing ---- */

struct rq {
	enum request_kind kind;
	const char *form, *dom, *letter, *nat, *crit, *requester, *object;
	const char *rcv, *ack, *itv, *res, *ans, *can;
};

/* The uid of sub-domain letter of domain dom in force on date. */
static void subdomain_uid(struct fixture *f, const char *contract,
			  const char *dom, const char *letter,
			  const char *date, char out[STORE_UID_LEN])
{
	struct domain_choice *v;
	size_t n;
	struct err e;

	out[0] = '\0';
	cr_assert_eq(store_domain_choices(f->st, contract, date, &v, &n, &e),
		     0, "%s", e.msg);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < v[i].n_subdomains; j++)
			if (!strcmp(v[i].uid, dom) &&
			    !strcmp(v[i].subdomains[j].letter, letter))
				memcpy(out, v[i].subdomains[j].uid,
				       STORE_UID_LEN);
	store_domain_choices_free(v, n);
	cr_assert(out[0], "no sub-domain %s", letter);
}

static void fill(struct fixture *f, const char *contract, const struct rq *r,
		 struct request_input *in, char sd[STORE_UID_LEN])
{
	memset(in, 0, sizeof *in);
	in->kind = r->kind;
	in->form = r->form ? r->form : "email";
	in->domain_uid = r->dom;
	if (r->letter) {
		subdomain_uid(f, contract, r->dom, r->letter, r->rcv, sd);
		in->subdomain_uid = sd;
	}
	in->nature = r->nat ? r->nat : "demand";
	in->criticality = r->crit;
	in->requester = r->requester;
	in->object = r->object;
	in->received_at = r->rcv;
	in->acknowledged_at = r->ack;
	in->intervention_at = r->itv;
	in->resolved_at = r->res;
	in->answered_at = r->ans;
	in->cancelled_at = r->can;
}

static void add_to(struct fixture *f, const char *contract,
		   const struct rq *r, char uid[STORE_UID_LEN])
{
	struct request_input in;
	char sd[STORE_UID_LEN];
	struct err e;

	fill(f, contract, r, &in, sd);
	cr_assert_eq(store_request_add(f->st, contract, &in, uid, &e), 0,
		     "%s: %s", r->object, e.msg);
}

/* Le Haillan's log for the list tests, in received order. */
enum { R_PHONE, R_SERVERS, R_ECO, R_URGENT, R_EXC, R_CANCELLED, R_NONE,
       R_NEWYEAR, N_LOG };

struct log {
	struct fixture f;
	char uid[N_LOG][STORE_UID_LEN];
};

static void open_log(struct log *l)
{
	struct fixture *f = &l->f;
	const struct rq rows[N_LOG] = {
		[R_PHONE] = { REQUEST_ORDINARY, "phone", f->nsi, "C",
			"incident", "majeure", "Mairie annexe",
			"Téléphone muet à l'accueil", "2018-03-05T09:00",
			"2018-03-05T10:00", "2018-03-05T14:00",
			"2018-03-06T09:00", NULL, NULL },
		[R_SERVERS] = { REQUEST_ORDINARY, "email", f->nsi, "D",
			"incident", "critique", "DSI",
			"Les SERVEURS de fichiers sont arrêtés",
			"2018-03-12T08:00", "2018-03-12T08:30", NULL, NULL,
			NULL, NULL },
		[R_ECO] = { REQUEST_ORDINARY, "letter", f->eco, NULL,
			"demand", NULL, "Élu à l'emploi",
			"Forum de l’emploi : réservation de salle",
			"2018-04-02T11:00", NULL, NULL, NULL, NULL, NULL },
		[R_URGENT] = { REQUEST_URGENT, "oral", f->nsi, "A", "incident",
			"critique", NULL, "Panne réseau de l'école",
			"2018-05-07T10:00", "2018-05-07T10:05",
			"2018-05-07T10:30", "2018-05-11T10:00",
			"2018-05-14T09:00", NULL },
		[R_EXC] = { REQUEST_EXCEPTIONAL, "note", f->nsi, "B",
			"demand", NULL, "Cabinet du Maire",
			"Vidéoprojection pour la fête de la ville",
			"2018-06-20T15:00", NULL, NULL, NULL, NULL, NULL },
		[R_CANCELLED] = { REQUEST_ORDINARY, "email", f->nsi, "C",
			"demand", NULL, NULL, "Doublon d'une demande",
			"2018-07-02T09:00", NULL, NULL, NULL, NULL,
			"2018-07-02T09:10" },
		/* an exceptional request, outside the contract's scope:
		 * the only kind that may have no domain */
		[R_NONE] = { REQUEST_EXCEPTIONAL, "shared_tool", NULL, NULL,
			"demand", NULL, NULL, "Question générale",
			"2018-09-03T09:00", "2018-09-04T09:00", NULL, NULL,
			NULL, NULL },
		[R_NEWYEAR] = { REQUEST_URGENT, "phone", f->nsi, "C",
			"incident", "majeure", NULL,
			"Serveur de messagerie hors service",
			"2018-12-31T16:00", "2018-12-31T16:30",
			"2019-01-02T08:00", "2019-01-02T09:00", NULL, NULL },
	};
	char other[STORE_UID_LEN];
	const struct rq bouscat = { REQUEST_EXCEPTIONAL, "email", NULL, NULL,
		"demand", NULL, NULL, "Téléphone pour le Bouscat",
		"2018-03-01T09:00", NULL, NULL, NULL, NULL, NULL };

	open_store(f);
	for (int i = 0; i < N_LOG; i++)
		add_to(f, f->haillan, &rows[i], l->uid[i]);
	/* another contract's request never shows in Le Haillan's list */
	add_to(f, f->bouscat, &bouscat, other);
}

/* The uids listed by f, in order, compared with want (indexes, -1 ends). */
static size_t list_of(struct log *l, const struct request_filter *flt,
		      const int *want, size_t *total)
{
	struct request *v;
	size_t n, i;
	struct err e;

	cr_assert_eq(store_request_list(l->f.st, l->f.haillan, flt, &v, &n,
					total, &e), 0, "%s", e.msg);
	for (i = 0; want[i] >= 0; i++) {
		cr_assert_lt(i, n, "%zu rows, want more", n);
		cr_expect_str_eq(v[i].uid, l->uid[want[i]],
				 "row %zu: « %s », want « %s »", i,
				 v[i].object, "see want");
	}
	cr_expect_eq(i, n, "%zu rows, want %zu", n, i);
	store_request_list_free(v, n);
	return n;
}

#define LIST(l, flt, total, ...)                                            \
	list_of(l, flt, (const int[]){ __VA_ARGS__, -1 }, total)

Test(request, list_newest_first_with_every_field)
{
	struct log l;
	struct request_filter flt;
	struct request *v;
	size_t n, total = 0;
	struct err e;
	const struct request *r;

	open_log(&l);
	request_filter_init(&flt);
	LIST(&l, &flt, &total, R_NEWYEAR, R_NONE, R_CANCELLED, R_EXC,
	     R_URGENT, R_ECO, R_SERVERS, R_PHONE);
	cr_expect_eq(total, N_LOG);

	cr_assert_eq(store_request_list(l.f.st, l.f.haillan, &flt, &v, &n,
					NULL, &e), 0, "%s", e.msg);
	r = &v[N_LOG - 1 - R_PHONE];
	cr_expect_str_eq(r->contract_uid, l.f.haillan);
	cr_expect_eq(r->kind, REQUEST_ORDINARY);
	cr_expect_eq(r->form, FORM_PHONE);
	cr_expect_eq(r->nature, NATURE_INCIDENT);
	cr_expect_eq(r->status, REQ_RESOLVED);
	cr_expect_str_eq(r->domain_code, "nsi");
	cr_expect_str_eq(r->domain_name, "Numérique et systèmes d’information");
	cr_expect_str_eq(r->subdomain_letter, "C");
	cr_expect_not_null(r->subdomain_name);
	cr_expect_str_eq(r->criticality, "majeure");
	cr_expect_str_eq(r->requester, "Mairie annexe");
	cr_expect_str_eq(r->received_at, "2018-03-05T09:00");
	cr_expect_str_eq(r->author, "Référent test");
	cr_expect_not_null(r->created_at);
	cr_expect(r->has_ack && r->has_intervention && r->has_resolution);
	cr_expect(fabs(r->ack_hours - 1) < 1e-9 && r->ack_days == 0);
	cr_expect(fabs(r->intervention_hours - 5) < 1e-9);
	cr_expect(fabs(r->resolution_hours - 24) < 1e-9 &&
		  r->resolution_days == 1);
	cr_expect_null(r->asked);
	cr_expect(!r->has_cost);
	/* the new year's incident: 31 December to 2 January, 1 working day */
	r = &v[0];
	cr_expect_eq(r->status, REQ_RESOLVED);
	cr_expect(fabs(r->resolution_hours - 41) < 1e-9);
	cr_expect(fabs(r->resolution_days - 1) < 1e-9);
	/* no domain */
	r = &v[N_LOG - 1 - R_NONE];
	cr_expect_null(r->domain_uid);
	cr_expect_null(r->domain_code);
	cr_expect_null(r->subdomain_letter);
	cr_expect_eq(r->form, FORM_SHARED_TOOL);
	cr_expect(r->has_ack && !r->has_resolution);
	store_request_list_free(v, n);
	close_store(&l.f);
}

Test(request, list_filters_by_kind_status_domain_and_period)
{
	struct log l;
	struct request_filter flt;
	size_t total;

	open_log(&l);
	request_filter_init(&flt);
	flt.kind = REQUEST_URGENT;
	LIST(&l, &flt, &total, R_NEWYEAR, R_URGENT);
	flt.kind = REQUEST_EXCEPTIONAL;
	LIST(&l, &flt, &total, R_NONE, R_EXC);

	request_filter_init(&flt);
	flt.status = REQ_NEW;
	LIST(&l, &flt, &total, R_EXC, R_ECO);
	flt.status = REQ_ACKNOWLEDGED;
	LIST(&l, &flt, &total, R_NONE, R_SERVERS);
	flt.status = REQ_RESOLVED;
	LIST(&l, &flt, &total, R_NEWYEAR, R_PHONE);
	flt.status = REQ_CLOSED;
	LIST(&l, &flt, &total, R_URGENT);
	flt.status = REQ_CANCELLED;
	LIST(&l, &flt, &total, R_CANCELLED);
	flt.status = REQ_IN_PROGRESS;
	cr_expect_eq(LIST(&l, &flt, &total, -1), 0);
	cr_expect_eq(total, 0);

	request_filter_init(&flt);
	flt.domain_uid = l.f.eco;
	LIST(&l, &flt, &total, R_ECO);

	request_filter_init(&flt);
	flt.from = "2018-05-07";
	flt.to = "2018-07-02";	/* both days included */
	LIST(&l, &flt, &total, R_CANCELLED, R_EXC, R_URGENT);
	flt.from = "07/05/2018";	/* French dates too */
	flt.to = "2018-12-31";
	flt.kind = REQUEST_URGENT;
	flt.domain_uid = l.f.nsi;
	LIST(&l, &flt, &total, R_NEWYEAR, R_URGENT);
	cr_expect_eq(total, 2);
	close_store(&l.f);
}

Test(request, list_status_filter_agrees_with_request_status)
{
	struct log l;
	struct request_filter flt;
	struct request *v;
	size_t n, sum = 0;
	struct err e;

	open_log(&l);
	request_filter_init(&flt);
	for (int s = 0; s < REQ_STATUS_COUNT; s++) {
		flt.status = s;
		cr_assert_eq(store_request_list(l.f.st, l.f.haillan, &flt, &v,
						&n, NULL, &e), 0, "%s", e.msg);
		for (size_t i = 0; i < n; i++)
			cr_expect_eq(v[i].status, (enum request_status)s);
		sum += n;
		store_request_list_free(v, n);
	}
	cr_expect_eq(sum, N_LOG);
	close_store(&l.f);
}

Test(request, list_refuses_a_bad_filter)
{
	struct log l;
	struct request_filter flt;
	struct request *v;
	size_t n;
	struct err e;

	open_log(&l);
	request_filter_init(&flt);
	flt.from = "hier";
	cr_expect_eq(store_request_list(l.f.st, l.f.haillan, &flt, &v, &n,
					NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	request_filter_init(&flt);
	flt.status = REQ_STATUS_COUNT;
	cr_expect_eq(store_request_list(l.f.st, l.f.haillan, &flt, &v, &n,
					NULL, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	close_store(&l.f);
}

Test(request, text_search_ignores_accents_and_case_and_matches_prefixes)
{
	struct log l;
	struct request_filter flt;
	size_t total;

	open_log(&l);
	request_filter_init(&flt);
	flt.text = "telephone";
	LIST(&l, &flt, &total, R_PHONE);	/* not Le Bouscat's */
	flt.text = "TÉLÉPHONE";
	LIST(&l, &flt, &total, R_PHONE);
	flt.text = "serveur";
	LIST(&l, &flt, &total, R_NEWYEAR, R_SERVERS);
	flt.text = "  serveur   FICHIERS ";	/* every word must appear */
	LIST(&l, &flt, &total, R_SERVERS);
	flt.text = "serv mess";
	LIST(&l, &flt, &total, R_NEWYEAR);
	flt.text = "emploi";	/* object and requester ("Élu à l'emploi") */
	LIST(&l, &flt, &total, R_ECO);
	flt.text = "elu";
	LIST(&l, &flt, &total, R_ECO);
	flt.text = "annexe";	/* requester */
	LIST(&l, &flt, &total, R_PHONE);
	flt.text = "l’emploi";	/* typographic apostrophe */
	LIST(&l, &flt, &total, R_ECO);
	flt.text = "   ";	/* no word: no text filter */
	cr_expect_eq(LIST(&l, &flt, &total, R_NEWYEAR, R_NONE, R_CANCELLED,
			  R_EXC, R_URGENT, R_ECO, R_SERVERS, R_PHONE), N_LOG);
	flt.text = "introuvable";
	cr_expect_eq(LIST(&l, &flt, &total, -1), 0);
	/* with other filters */
	flt.text = "serveur";
	flt.kind = REQUEST_URGENT;
	LIST(&l, &flt, &total, R_NEWYEAR);
	cr_expect_eq(total, 1);
	close_store(&l.f);
}

Test(request, text_search_survives_fts_syntax)
{
	static const char *const texts[] = {
		"\"", "*", "serveur*", "\"serveur", "serveur\"", "a\"b",
		"(", ")", "serveur OR", "OR", "AND", "NOT serveur", "NEAR(",
		"-serveur", "+", "^serveur", "col:serveur", "object:serveur",
		"{object}", ":", "''", "«", "« serveur »", "\\", "%", "_",
		"serveur\t\"*\"", "**", "\"\"",
	};
	struct log l;
	struct request_filter flt;
	struct request *v;
	size_t n;
	struct err e;

	open_log(&l);
	request_filter_init(&flt);
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		flt.text = texts[i];
		cr_expect_eq(store_request_list(l.f.st, l.f.haillan, &flt, &v,
						&n, NULL, &e), 0, "« %s »: %s",
			     texts[i], e.msg);
		store_request_list_free(v, n);
	}
	/* the quote and the star are only characters of the word */
	flt.text = "serveur*";
	LIST(&l, &flt, NULL, R_NEWYEAR, R_SERVERS);
	flt.text = "\"serveurs\"";
	LIST(&l, &flt, NULL, R_SERVERS);
	flt.text = "« serveur »";
	LIST(&l, &flt, NULL, R_NEWYEAR, R_SERVERS);
	flt.text = "object:serveur";	/* not a column filter */
	cr_expect_eq(LIST(&l, &flt, NULL, -1), 0);
	close_store(&l.f);
}

Test(request, list_sort_orders)
{
	struct log l;
	struct request_filter flt;

	open_log(&l);
	request_filter_init(&flt);
	flt.sort = SORT_RECEIVED_ASC;
	LIST(&l, &flt, NULL, R_PHONE, R_SERVERS, R_ECO, R_URGENT, R_EXC,
	     R_CANCELLED, R_NONE, R_NEWYEAR);
	/* nouvelle, prise en compte, résolue, close, annulée; newest first
	 * within */
	flt.sort = SORT_STATUS;
	LIST(&l, &flt, NULL, R_EXC, R_ECO, R_NONE, R_SERVERS, R_NEWYEAR,
	     R_PHONE, R_URGENT, R_CANCELLED);
	/* ordinaire, en urgence, exceptionnelle */
	flt.sort = SORT_KIND;
	LIST(&l, &flt, NULL, R_CANCELLED, R_ECO, R_SERVERS, R_PHONE,
	     R_NEWYEAR, R_URGENT, R_NONE, R_EXC);
	/* nsi (by sub-domain letter) then eco, no domain last */
	flt.sort = SORT_DOMAIN;
	LIST(&l, &flt, NULL, R_URGENT, R_EXC, R_NEWYEAR, R_CANCELLED,
	     R_PHONE, R_SERVERS, R_ECO, R_NONE);
	/* 96 h, 41 h, 24 h, then the unresolved newest first */
	flt.sort = SORT_RESOLUTION_DELAY;
	LIST(&l, &flt, NULL, R_URGENT, R_NEWYEAR, R_PHONE, R_NONE,
	     R_CANCELLED, R_EXC, R_ECO, R_SERVERS);
	close_store(&l.f);
}

Test(request, list_window_and_total)
{
	struct log l;
	struct request_filter flt;
	size_t total = 0;

	open_log(&l);
	request_filter_init(&flt);
	flt.limit = 3;
	LIST(&l, &flt, &total, R_NEWYEAR, R_NONE, R_CANCELLED);
	cr_expect_eq(total, N_LOG);
	flt.offset = 3;
	LIST(&l, &flt, &total, R_EXC, R_URGENT, R_ECO);
	cr_expect_eq(total, N_LOG);
	flt.offset = 6;
	LIST(&l, &flt, &total, R_SERVERS, R_PHONE);
	cr_expect_eq(total, N_LOG);
	/* past the end: no row, the total still */
	flt.offset = 20;
	cr_expect_eq(LIST(&l, &flt, &total, -1), 0);
	cr_expect_eq(total, N_LOG);
	/* the window applies after the filters */
	flt.offset = 1;
	flt.limit = 1;
	flt.kind = REQUEST_URGENT;
	LIST(&l, &flt, &total, R_URGENT);
	cr_expect_eq(total, 2);
	flt.text = "serveur";
	flt.kind = -1;
	flt.offset = 0;
	LIST(&l, &flt, &total, R_NEWYEAR);
	cr_expect_eq(total, 2);
	close_store(&l.f);
}

/* ---- get, update, cancel ---- */

Test(request, get_one_request_or_not_found)
{
	struct log l;
	struct request r;
	struct err e;

	open_log(&l);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_URGENT], &r, &e), 0,
		     "%s", e.msg);
	cr_expect_str_eq(r.uid, l.uid[R_URGENT]);
	cr_expect_eq(r.status, REQ_CLOSED);
	cr_expect_eq(r.kind, REQUEST_URGENT);
	cr_expect_eq(r.form, FORM_ORAL);
	/* 7 May (Mon) to 11 May (Fri) 2018 over 8 May and Ascension */
	cr_expect(fabs(r.resolution_days - 2) < 1e-9, "%f",
		  r.resolution_days);
	cr_expect(fabs(r.resolution_hours - 96) < 1e-9);
	store_request_release(&r);
	cr_expect_eq(store_request_get(l.f.st, "0123", &r, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	close_store(&l.f);
}

Test(request, update_replaces_what_the_request_says)
{
	struct log l;
	struct request_input in;
	struct request r;
	char sd[STORE_UID_LEN];
	struct err e;
	const struct rq changed = { REQUEST_URGENT, "phone", NULL, NULL,
		"incident", "critique", "Police municipale",
		"  Caméra de la place hors service  ", "2018-03-12 08:00",
		"12/03/2018 8h15", NULL, NULL, NULL, NULL };

	open_log(&l);
	fill(&l.f, l.f.haillan, &changed, &in, sd);
	in.domain_uid = l.f.nsi;
	cr_assert_eq(store_request_update(l.f.st, l.uid[R_SERVERS], &in, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_SERVERS], &r, &e), 0);
	cr_expect_str_eq(r.object, "Caméra de la place hors service");
	cr_expect_str_eq(r.requester, "Police municipale");
	cr_expect_eq(r.kind, REQUEST_URGENT);
	cr_expect_eq(r.form, FORM_PHONE);
	cr_expect_null(r.subdomain_uid);
	cr_expect_str_eq(r.acknowledged_at, "2018-03-12T08:15");
	cr_expect_str_eq(r.contract_uid, l.f.haillan);
	cr_expect_str_eq(r.author, "Référent test");
	cr_expect_not_null(r.updated_at);
	store_request_release(&r);
	close_store(&l.f);
}

Test(request, update_refuses_what_add_refuses)
{
	struct log l;
	struct request_input in;
	struct request r;
	char sd[STORE_UID_LEN];
	struct err e;
	const struct rq base = { REQUEST_ORDINARY, "email", NULL, NULL,
		"demand", NULL, NULL, "Objet", "2018-03-12T08:00", NULL, NULL,
		NULL, NULL, NULL };

	open_log(&l);
	fill(&l.f, l.f.haillan, &base, &in, sd);
	in.object = "   ";
	cr_expect_eq(store_request_update(l.f.st, l.uid[R_ECO], &in, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	fill(&l.f, l.f.haillan, &base, &in, sd);
	in.resolved_at = "2018-03-11T08:00";
	cr_expect_eq(store_request_update(l.f.st, l.uid[R_ECO], &in, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, "précède"), "%s", e.msg);
	fill(&l.f, l.f.haillan, &base, &in, sd);
	in.form = "pigeon";
	cr_expect_eq(store_request_update(l.f.st, l.uid[R_ECO], &in, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	fill(&l.f, l.f.haillan, &base, &in, sd);
	in.domain_uid = l.f.bouscat_nsi;	/* another contract's */
	cr_expect_eq(store_request_update(l.f.st, l.uid[R_ECO], &in, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	fill(&l.f, l.f.haillan, &base, &in, sd);
	cr_expect_eq(store_request_update(l.f.st, "0123", &in, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	/* nothing changed */
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_ECO], &r, &e), 0);
	cr_expect_str_eq(r.object, "Forum de l’emploi : réservation de salle");
	cr_expect_str_eq(r.domain_uid, l.f.eco);
	store_request_release(&r);
	close_store(&l.f);
}

Test(request, cancel_once_with_a_reason)
{
	struct log l;
	struct request r;
	struct err e;

	open_log(&l);
	cr_expect_eq(store_request_cancel(l.f.st, l.uid[R_ECO],
					  "2018-04-01T10:00", "Erreur", &e),
		     -1);
	cr_expect_eq(e.code, ERR_INPUT);	/* before the reception */
	cr_assert_eq(store_request_cancel(l.f.st, l.uid[R_ECO],
					  "03/04/2018 10:00",
					  "  Salle trouvée par la commune ",
					  &e), 0, "%s", e.msg);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_ECO], &r, &e), 0);
	cr_expect_eq(r.status, REQ_CANCELLED);
	cr_expect_str_eq(r.cancelled_at, "2018-04-03T10:00");
	cr_expect_str_eq(r.cancel_reason, "Salle trouvée par la commune");
	store_request_release(&r);
	cr_expect_eq(store_request_cancel(l.f.st, l.uid[R_ECO], NULL, NULL,
					  &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, "déjà annulée"), "%s", e.msg);
	cr_expect_eq(store_request_cancel(l.f.st, "0123", NULL, NULL, &e),
		     -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	close_store(&l.f);
}

Test(request, cancel_now_is_today)
{
	struct log l;
	struct request r;
	struct err e;

	setenv("SUIVI_TODAY", "2019-02-01", 1);
	open_log(&l);
	cr_assert_eq(store_request_cancel(l.f.st, l.uid[R_SERVERS], NULL,
					  NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_SERVERS], &r, &e), 0);
	cr_expect(!strncmp(r.cancelled_at, "2019-02-01T", 11), "%s",
		  r.cancelled_at);
	cr_expect_null(r.cancel_reason);
	store_request_release(&r);
	close_store(&l.f);
}

/* ---- exceptional requests ---- */

Test(request, exceptional_fields_set_and_read_back)
{
	struct log l;
	struct request r;
	struct err e;
	struct exceptional_input x = {
		.asked = "Un vidéoprojecteur et un technicien le 14 juillet",
		.proposal = "Prêt du matériel de la médiathèque",
		.decision = "Accord",
		.decided_by = "Adjoint au DGT",
		.decided_on = "25/06/2018",
		.has_cost = true,
		.estimated_cost = 350.5,
		.compensation = "Refacturation",
	};

	open_log(&l);
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_EXC], &r, &e), 0);
	cr_expect_str_eq(r.asked, x.asked);
	cr_expect_str_eq(r.proposal, x.proposal);
	cr_expect_str_eq(r.decision, "Accord");
	cr_expect_str_eq(r.decided_by, "Adjoint au DGT");
	cr_expect_str_eq(r.decided_on, "2018-06-25");
	cr_expect(r.has_cost && r.estimated_cost == 350.5);
	cr_expect_str_eq(r.compensation, "Refacturation");
	store_request_release(&r);

	/* set again: replaced, not added */
	x = (struct exceptional_input){ .asked = "Un vidéoprojecteur" };
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_EXC], &r, &e), 0);
	cr_expect_str_eq(r.asked, "Un vidéoprojecteur");
	cr_expect_null(r.proposal);
	cr_expect_null(r.decided_on);
	cr_expect(!r.has_cost);
	store_request_release(&r);
	close_store(&l.f);
}

Test(request, exceptional_fields_refused_on_an_ordinary_request)
{
	struct log l;
	struct err e;
	struct exceptional_input x = { .asked = "Quelque chose" };

	open_log(&l);
	cr_expect_eq(store_exceptional_set(l.f.st, l.uid[R_PHONE], &x, &e),
		     -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_eq(store_exceptional_set(l.f.st, "0123", &x, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	x.decided_on = "le 3 mai";
	cr_expect_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	x.decided_on = NULL;
	x.has_cost = true;
	x.estimated_cost = -1;
	cr_expect_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	close_store(&l.f);
}

/* Issue 17, 10: an amount past cents was kept, and exported rounded (two
 * decimals), so the export did not import back the same. */
Test(request, estimated_cost_is_refused_past_cents)
{
	struct log l;
	struct err e;
	struct request r;
	struct exceptional_input x = { .asked = "Étude", .has_cost = true };

	open_log(&l);
	x.estimated_cost = 0.0001;
	cr_expect_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_str_eq(e.msg, "le coût estimé se compte en centimes : au "
		"plus deux décimales");
	x.estimated_cost = 1.005;
	cr_expect_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), -1);
	x.estimated_cost = 1234.56;
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_EXC], &r, &e), 0);
	cr_expect(r.has_cost && r.estimated_cost == 1234.56);
	store_request_release(&r);
	close_store(&l.f);
}

Test(request, exceptional_list_by_year_and_contract)
{
	struct log l;
	struct request *v;
	size_t n;
	struct err e;
	char uid2019[STORE_UID_LEN];
	const struct rq next = { REQUEST_EXCEPTIONAL, "letter", NULL, NULL,
		"demand", NULL, NULL, "Prêt de barrières", "2019-01-10T09:00",
		NULL, NULL, NULL, NULL, NULL };
	struct exceptional_input x = { .asked = "Vingt barrières" };

	open_log(&l);
	add_to(&l.f, l.f.haillan, &next, uid2019);
	cr_assert_eq(store_exceptional_set(l.f.st, uid2019, &x, &e), 0);

	cr_assert_eq(store_exceptional_list(l.f.st, l.f.haillan, 2018, &v, &n,
					    &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(v[0].uid, l.uid[R_EXC]);
	cr_expect_null(v[0].asked);	/* not written yet */
	cr_expect_str_eq(v[1].uid, l.uid[R_NONE]);
	store_request_list_free(v, n);

	cr_assert_eq(store_exceptional_list(l.f.st, l.f.haillan, 0, &v, &n,
					    &e), 0);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(v[0].uid, l.uid[R_EXC]);
	cr_expect_str_eq(v[2].uid, uid2019);
	cr_expect_str_eq(v[2].asked, "Vingt barrières");
	store_request_list_free(v, n);

	/* every contract: Le Bouscat's of March 2018 first */
	cr_assert_eq(store_exceptional_list(l.f.st, NULL, 2018, &v, &n, &e),
		     0);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(v[0].contract_uid, l.f.bouscat);
	cr_expect_str_eq(v[1].uid, l.uid[R_EXC]);
	store_request_list_free(v, n);

	cr_assert_eq(store_exceptional_list(l.f.st, NULL, 2020, &v, &n, &e),
		     0);
	cr_expect_eq(n, 0);
	store_request_list_free(v, n);
	cr_expect_eq(store_exceptional_list(l.f.st, NULL, 12, &v, &n, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	close_store(&l.f);
}

/* ---- the index follows the log ---- */

Test(request, search_follows_updates_cancels_and_exceptional_fields)
{
	struct log l;
	struct request_filter flt;
	struct request_input in;
	char sd[STORE_UID_LEN];
	struct err e;
	const struct rq changed = { REQUEST_ORDINARY, "phone", l.f.nsi, NULL,
		"incident", NULL, "Accueil", "Standard injoignable",
		"2018-03-05T09:00", NULL, NULL, NULL, NULL, NULL };
	struct exceptional_input x = { .asked = "Sonorisation",
				       .compensation = "Convention" };

	open_log(&l);
	fill(&l.f, l.f.haillan, &changed, &in, sd);
	cr_assert_eq(store_request_update(l.f.st, l.uid[R_PHONE], &in, &e), 0,
		     "%s", e.msg);
	request_filter_init(&flt);
	flt.text = "telephone";
	cr_expect_eq(LIST(&l, &flt, NULL, -1), 0);
	flt.text = "injoignable";
	LIST(&l, &flt, NULL, R_PHONE);
	flt.text = "mairie annexe";	/* the old requester is gone too */
	cr_expect_eq(LIST(&l, &flt, NULL, -1), 0);

	cr_assert_eq(store_request_cancel(l.f.st, l.uid[R_SERVERS], NULL,
					  "Doublon avec le ticket 4512", &e),
		     0, "%s", e.msg);
	flt.text = "ticket 4512";
	LIST(&l, &flt, NULL, R_SERVERS);

	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0);
	flt.text = "sonorisation";
	LIST(&l, &flt, NULL, R_EXC);
	flt.text = "convention";
	LIST(&l, &flt, NULL, R_EXC);
	x.asked = "Éclairage";
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0);
	flt.text = "sonorisation";
	cr_expect_eq(LIST(&l, &flt, NULL, -1), 0);
	flt.text = "eclairage";
	LIST(&l, &flt, NULL, R_EXC);
	close_store(&l.f);
}

static void raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s",
		     msg ? msg : "");
	sqlite3_close(db);
}

/* A writer with its own SQL (a bulk import, the benchmark generator):
 * the triggers mark, the next search indexes. */
Test(request, search_sees_rows_written_with_raw_sql)
{
	struct log l;
	struct request_filter flt;
	struct err e;

	open_log(&l);
	store_close(l.f.st);
	{
		char *sql = NULL;

		cr_assert(asprintf(&sql,
			"INSERT INTO exceptional_request (uid, request_uid,"
			" asked) VALUES ('x1', '%s', 'Chapiteau');"
			"UPDATE request SET object = 'Imprimante bloquée'"
			" WHERE uid = '%s';", l.uid[R_EXC], l.uid[R_ECO]) > 0);
		raw_sql(l.f.db, sql);
		free(sql);
	}
	cr_assert_eq(store_open(l.f.db, STORE_WRITE, &l.f.st, &e), 0, "%s",
		     e.msg);
	request_filter_init(&flt);
	flt.text = "chapiteau";
	LIST(&l, &flt, NULL, R_EXC);
	flt.text = "imprimante";
	LIST(&l, &flt, NULL, R_ECO);
	flt.text = "forum";
	cr_expect_eq(LIST(&l, &flt, NULL, -1), 0);
	close_store(&l.f);
}

/* Requests written before the index existed (schema 3) are found. */
Test(request, migration_indexes_existing_requests)
{
	char *p = t_path("v3.db");
	struct store *st;
	struct request_filter flt;
	struct request *v;
	size_t n, total;
	char contract[STORE_UID_LEN];
	struct err e;

	cr_assert_eq(store_open_at_version(p, 3, &st, &e), 0, "%s", e.msg);
	import(st, "tests/fixtures/test-contrat.ini");
	cr_assert_eq(store_contract_find(st, "test-2020", contract, &e), 0);
	store_close(st);
	{
		char *sql = NULL;

		cr_assert(asprintf(&sql,
			"INSERT INTO request (uid, contract_uid, kind, form,"
			" nature, object, received_at, author, created_at,"
			" updated_at) VALUES ('r1', '%s', 'ordinary', 'email',"
			" 'demand', 'Écran cassé', '2020-02-03T09:00', 'x',"
			" 'now', 'now'), ('r2', '%s', 'exceptional', 'note',"
			" 'demand', 'Fête', '2020-02-04T09:00', 'x', 'now',"
			" 'now');"
			"INSERT INTO exceptional_request (uid, request_uid,"
			" asked) VALUES ('x2', 'r2', 'Guirlandes');",
			contract, contract) > 0);
		raw_sql(p, sql);
		free(sql);
	}
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema_version(st), store_schema_latest());
	request_filter_init(&flt);
	flt.text = "ecran";
	cr_assert_eq(store_request_list(st, contract, &flt, &v, &n, &total,
					&e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].uid, "r1");
	store_request_list_free(v, n);
	flt.text = "guirlande";
	cr_assert_eq(store_request_list(st, contract, &flt, &v, &n, &total,
					&e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].uid, "r2");
	cr_expect_str_eq(v[0].asked, "Guirlandes");
	store_request_list_free(v, n);
	store_close(st);
	free(p);
}

/* ------------------------------------------------------------------ */
/* Limits and the history of exceptional requests                      */

static char *filled(size_t len, char c)
{
	char *s = malloc(len + 1);

	cr_assert_not_null(s);
	memset(s, c, len);
	s[len] = '\0';
	return s;
}

static size_t count_requests(struct fixture *f)
{
	struct request_filter flt;
	struct request *v;
	size_t n, total;
	struct err e;

	request_filter_init(&flt);
	flt.limit = 1;
	cr_assert_eq(store_request_list(f->st, f->haillan, &flt, &v, &n,
					&total, &e), 0, "%s", e.msg);
	store_request_list_free(v, n);
	return total;
}

#define REFUSED(call, e, want)                                              \
	do {                                                                \
		cr_expect_neq((call), 0, "accepted, want « %s »", want);    \
		cr_expect_eq((e).code, ERR_INPUT, "code %d: %s", (e).code,  \
			     (e).msg);                                      \
		cr_expect(strstr((e).msg, want), "« %s », want « %s »",     \
			  (e).msg, want);                                   \
	} while (0)

Test(request, every_text_has_its_limit_and_nothing_is_written)
{
	struct fixture f;
	struct request_input in = {
		.kind = REQUEST_ORDINARY, .form = "email", .nature = "demand",
		.received_at = "2026-03-02T09:00",
	};
	struct request r;
	char uid[STORE_UID_LEN];
	char *big = filled(TEXT_LONG_MAX + 1, 'o');
	char *line = filled(TEXT_LINE_MAX + 1, 'd');
	size_t n;
	struct err e;

	open_store(&f);
	in.domain_uid = f.nsi;
	n = count_requests(&f);
	in.object = big;
	REFUSED(store_request_add(f.st, f.haillan, &in, uid, &e), e,
		"objet : texte trop long (1048577 octets");
	cr_expect(strstr(e.msg, "1 de trop"), "%s", e.msg);
	cr_expect_eq(count_requests(&f), n, "nothing written");
	big[TEXT_LONG_MAX] = '\0';
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_eq(strlen(r.object), TEXT_LONG_MAX);
	store_request_release(&r);
	cr_expect_eq(count_requests(&f), n + 1);

	/* an object takes line breaks, a requester does not */
	in.object = "Deux\nlignes\tet une tabulation";
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	in.requester = "Mme\nX";
	REFUSED(store_request_add(f.st, f.haillan, &in, uid, &e), e,
		"demandeur : pas de retour à la ligne dans ce champ");
	in.requester = line;
	REFUSED(store_request_add(f.st, f.haillan, &in, uid, &e), e,
		"demandeur : texte trop long (1001 octets, 1 000 octets au "
		"plus, 1 de trop)");
	line[TEXT_LINE_MAX] = '\0';
	cr_expect_eq(store_request_add(f.st, f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	in.requester = NULL;
	in.criticality = "crit\x1b[2J";
	REFUSED(store_request_add(f.st, f.haillan, &in, uid, &e), e,
		"criticité : caractère de contrôle refusé (U+001B");
	in.criticality = NULL;
	in.cancel_reason = "\xC2\x9B";
	REFUSED(store_request_add(f.st, f.haillan, &in, uid, &e), e,
		"motif d'annulation : caractère de contrôle refusé (U+009B");
	/* a CR is no line break for the store: an import turns it into
	 * one (text_lf) */
	in.cancel_reason = NULL;
	in.object = "Deux\r\nlignes";
	REFUSED(store_request_add(f.st, f.haillan, &in, uid, &e), e,
		"objet : caractère de contrôle refusé (U+000D");
	/* updating and cancelling: the same rules */
	in.object = "ab\xE9";
	REFUSED(store_request_update(f.st, uid, &in, &e), e,
		"objet : texte UTF-8 invalide");
	REFUSED(store_request_cancel(f.st, uid, NULL, "bip\a", &e), e,
		"motif d'annulation : caractère de contrôle refusé");
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_null(r.cancelled_at, "nothing written");
	store_request_release(&r);
	cr_expect_eq(count_requests(&f), n + 3);
	free(big);
	free(line);
	close_store(&f);
}

static struct store_change *history_of(struct fixture *f, const char *uid,
					 size_t *n)
{
	struct store_change *h;
	struct err e;

	cr_assert_eq(store_request_history(f->st, uid, &h, n, &e), 0, "%s",
		     e.msg);
	return h;
}

Test(request, exceptional_fields_keep_a_history_of_what_changed)
{
	struct log l;
	struct store_change *h;
	struct exceptional_input x = {
		.asked = "Un vidéoprojecteur",
		.decision = "Accord",
		.decided_by = "Adjoint au DGT",
		.decided_on = "25/06/2018",
		.has_cost = true,
		.estimated_cost = 350.5,
	};
	size_t n;
	struct err e;

	open_log(&l);
	h = history_of(&l.f, l.uid[R_EXC], &n);
	cr_expect_eq(n, 0);
	store_changes_free(h, n);
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	x.decision = "Refus";
	x.decided_by = "DGT";
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	/* the same again: nothing written */
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	x.has_cost = false;
	x.proposal = "Prêt de la médiathèque";
	cr_assert_eq(store_exceptional_set_with_reason(l.f.st, l.uid[R_EXC],
		&x, "  devis retiré ", &e), 0, "%s", e.msg);
	h = history_of(&l.f, l.uid[R_EXC], &n);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(h[0].what, "fiche exceptionnelle renseignée");
	cr_expect_null(h[0].before);
	cr_expect_str_eq(h[0].after, "demande : Un vidéoprojecteur · décision"
			 " : Accord · décidé par : Adjoint au DGT · décidé le "
			 ": 25/06/2018 · coût estimé : 350,5 €");
	cr_expect_str_eq(h[0].author, "Référent test");
	cr_expect_not_null(h[0].at);
	cr_expect_null(h[0].reason);
	cr_expect_str_eq(h[1].what, "fiche exceptionnelle modifiée");
	cr_expect_str_eq(h[1].before, "décision : Accord · décidé par : "
			 "Adjoint au DGT");
	cr_expect_str_eq(h[1].after, "décision : Refus · décidé par : DGT");
	cr_expect_str_eq(h[2].before, "proposition : (vide) · coût estimé : "
			 "350,5 €");
	cr_expect_str_eq(h[2].after, "proposition : Prêt de la médiathèque · "
			 "coût estimé : (vide)");
	cr_expect_str_eq(h[2].reason, "devis retiré");
	store_changes_free(h, n);
	cr_expect_neq(store_request_history(l.f.st, "nope", &h, &n, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	close_store(&l.f);
}

Test(request, exceptional_decision_cleared_with_its_history)
{
	struct log l;
	struct store_change *h;
	struct request r;
	struct request_filter flt;
	struct request *v;
	struct exceptional_input x = {
		.asked = "Un vidéoprojecteur",
		.decision = "Refus motivé",
		.decided_by = "DGT",
		.decided_on = "2018-06-25",
		.compensation = "Aucune",
	};
	char *big = filled(TEXT_LONG_MAX + 1, 'x');
	size_t n;
	struct err e;

	open_log(&l);
	REFUSED(store_exceptional_clear_decision(l.f.st, l.uid[R_EXC], NULL,
						 &e), e,
		"cette demande exceptionnelle n'a pas de décision à effacer");
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	/* a decision over the limit: refused, nothing written */
	x.decision = big;
	REFUSED(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), e,
		"décision : texte trop long (1048577 octets");
	x.decision = "Refus motivé";
	x.decided_by = "D\nGT";
	REFUSED(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), e,
		"décidé par : pas de retour à la ligne");
	h = history_of(&l.f, l.uid[R_EXC], &n);
	cr_expect_eq(n, 1, "only the first one");
	store_changes_free(h, n);
	big[TEXT_LONG_MAX] = '\0';
	x.decision = big;
	x.decided_by = "DGT";
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	x.decision = "Refus motivé";
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);

	cr_assert_eq(store_exceptional_clear_decision(l.f.st, l.uid[R_EXC],
		"saisie sur la mauvaise fiche", &e), 0, "%s", e.msg);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_EXC], &r, &e), 0);
	cr_expect_null(r.decision);
	cr_expect_null(r.decided_by);
	cr_expect_null(r.decided_on);
	cr_expect_str_eq(r.asked, "Un vidéoprojecteur", "the others stay");
	cr_expect_str_eq(r.compensation, "Aucune");
	store_request_release(&r);
	h = history_of(&l.f, l.uid[R_EXC], &n);
	cr_assert_eq(n, 4);
	cr_expect_str_eq(h[3].what, "décision effacée");
	cr_expect_str_eq(h[3].before, "décision : Refus motivé · décidé par : "
			 "DGT · décidé le : 25/06/2018");
	cr_expect_null(h[3].after);
	cr_expect_str_eq(h[3].reason, "saisie sur la mauvaise fiche");
	store_changes_free(h, n);
	/* the search no longer finds the decision's words */
	request_filter_init(&flt);
	flt.text = "motive";
	cr_assert_eq(store_request_list(l.f.st, l.f.haillan, &flt, &v, &n,
					NULL, &e), 0, "%s", e.msg);
	cr_expect_eq(n, 0);
	store_request_list_free(v, n);
	REFUSED(store_exceptional_clear_decision(l.f.st, l.uid[R_EXC], NULL,
						 &e), e, "pas de décision");
	REFUSED(store_exceptional_clear_decision(l.f.st, l.uid[R_PHONE], NULL,
						 &e), e,
		"seule une saisine exceptionnelle");
	cr_expect_neq(store_exceptional_clear_decision(l.f.st, "nope", NULL,
						       &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	free(big);
	close_store(&l.f);
}

/* ------------------------------------------------------------------ */
/* Article 4, enforced (issue 16): urgent requests' priority and delay,
 * the domain of a mutualised function, the dates of the contract, who
 * decided an exceptional request and when                            */

static const struct {
	const char *typed;
	int minutes;		/* -1: refused */
	const char *says;	/* the refusal, or how it reads back */
} urgent_delays[] = {
	{ "4", 240, "4 h" },
	{ "4 h", 240, "4 h" },
	{ " 4H ", 240, "4 h" },
	{ "2h30", 150, "2h30" },
	{ "2 h 30", 150, "2h30" },
	{ "1,5", 90, "1h30" },
	{ "1.25 h", 75, "1h15" },
	{ "0h20", 20, "0h20" },
	{ "0h01", 1, "0h01" },
	{ "8760", 8760 * 60, "8760 h" },
	{ "8 760 h", 8760 * 60, "8760 h" },
	{ "8760h01", -1, "au plus 8 760 h (un an)" },
	{ "0", -1, "au moins une minute" },
	{ "0h00", -1, "au moins une minute" },
	{ "1,51", -1, "minutes entières" },
	{ "0,001", -1, "minutes entières" },
	{ "-2", -1, "délai d'intervention « -2 »" },
	{ "2h5", -1, "délai d'intervention « 2h5 »" },
	{ "2h75", -1, "les minutes vont de 00 à 59" },
	{ "deux heures", -1, "une durée en heures" },
	{ "1 j", -1, "délai d'intervention « 1 j »" },
	{ "", -1, "aucune valeur tapée" },
};

Test(request, urgent_delay_parsed_in_whole_minutes)
{
	for (size_t i = 0; i < sizeof urgent_delays / sizeof *urgent_delays;
	     i++) {
		int m = -7;
		struct err e;
		char buf[32];

		err_clear(&e);
		if (urgent_delays[i].minutes < 0) {
			cr_expect_eq(request_urgent_delay_parse(
					     urgent_delays[i].typed, &m, &e), -1,
				     "« %s » accepted", urgent_delays[i].typed);
			cr_expect_eq(e.code, ERR_INPUT);
			cr_expect(strstr(e.msg, urgent_delays[i].says),
				  "« %s »: « %s », want « %s »",
				  urgent_delays[i].typed, e.msg,
				  urgent_delays[i].says);
			cr_expect_eq(m, -7, "untouched");
			continue;
		}
		cr_expect_eq(request_urgent_delay_parse(urgent_delays[i].typed,
							&m, &e), 0, "« %s »: %s",
			     urgent_delays[i].typed, e.msg);
		cr_expect_eq(m, urgent_delays[i].minutes, "« %s »: %d",
			     urgent_delays[i].typed, m);
		request_urgent_delay_format(m, buf, sizeof buf);
		cr_expect_str_eq(buf, urgent_delays[i].says);
		/* what is shown reads back to the same */
		cr_expect_eq(request_urgent_delay_parse(buf, &m, &e), 0, "%s",
			     e.msg);
		cr_expect_eq(m, urgent_delays[i].minutes);
	}
}

/* Requests of a contract, by a query of their own (every kind). */
static size_t count_of(struct fixture *f, const char *contract)
{
	struct request_filter flt;
	struct request *v;
	size_t n, total;
	struct err e;

	request_filter_init(&flt);
	flt.limit = 1;
	cr_assert_eq(store_request_list(f->st, contract, &flt, &v, &n, &total,
					&e), 0, "%s", e.msg);
	store_request_list_free(v, n);
	return total;
}

Test(request, urgent_priority_and_delay_recorded_on_urgent_requests_only)
{
	struct fixture f;
	struct request_input in = {
		.kind = REQUEST_URGENT, .form = "phone", .nature = "incident",
		.criticality = "critique", .object = "Serveur arrêté",
		.received_at = "2018-03-15T09:00",
		.urgent_priority = "  P1 : avant toute autre demande  ",
		.urgent_delay = "2h30",
	};
	struct request r;
	char uid[STORE_UID_LEN], line[TEXT_LINE_MAX + 2];
	size_t n;
	struct err e;

	open_store(&f);
	in.domain_uid = f.nsi;
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, uid, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_str_eq(r.urgent_priority, "P1 : avant toute autre demande");
	cr_expect(r.has_urgent_delay);
	cr_expect_eq(r.urgent_delay_min, 150);
	store_request_release(&r);
	n = count_of(&f, f.haillan);

	/* another kind has neither: refused, the kind said, nothing
	 * written */
	in.kind = REQUEST_ORDINARY;
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"une priorité et un délai d'intervention spécifiques ne vont "
		"qu'à une saisine en urgence (article 4) : celle-ci est "
		"ordinaire");
	in.urgent_priority = NULL;	/* the delay alone */
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"ne vont qu'à une saisine en urgence");
	in.kind = REQUEST_EXCEPTIONAL;
	in.urgent_delay = NULL;
	in.urgent_priority = "P2";
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"celle-ci est exceptionnelle");
	/* a blank one is none */
	in.urgent_priority = "   ";
	in.urgent_delay = "";
	in.kind = REQUEST_ORDINARY;
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, NULL, &e), 0,
		     "%s", e.msg);
	n++;
	/* bad values, on an urgent request */
	in.kind = REQUEST_URGENT;
	in.urgent_delay = "1,51 h";
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"délai d'intervention « 1,51 h » : il se compte en minutes "
		"entières");
	in.urgent_delay = "demain";
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"délai d'intervention « demain »");
	in.urgent_delay = NULL;
	in.urgent_priority = "P1\nP2";
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"priorité : pas de retour à la ligne");
	memset(line, 'p', sizeof line - 1);
	line[sizeof line - 1] = '\0';
	in.urgent_priority = line;
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"priorité : texte trop long");
	cr_expect_eq(count_of(&f, f.haillan), n, "nothing written");

	/* updated: changed, then cleared; a kind that stops being urgent
	 * with them is refused, without them accepted */
	in = (struct request_input){
		.kind = REQUEST_URGENT, .form = "phone", .nature = "incident",
		.domain_uid = f.nsi, .object = "Serveur arrêté",
		.received_at = "2018-03-15T09:00", .urgent_priority = "P2",
		.urgent_delay = "4",
	};
	cr_assert_eq(store_request_update(f.st, uid, &in, &e), 0, "%s", e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_str_eq(r.urgent_priority, "P2");
	cr_expect_eq(r.urgent_delay_min, 240);
	store_request_release(&r);
	in.kind = REQUEST_ORDINARY;
	REFUSED(store_request_update(f.st, uid, &in, &e), e,
		"celle-ci est ordinaire");
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_eq(r.kind, REQUEST_URGENT, "unchanged");
	cr_expect_str_eq(r.urgent_priority, "P2");
	store_request_release(&r);
	in.urgent_priority = in.urgent_delay = NULL;
	cr_assert_eq(store_request_update(f.st, uid, &in, &e), 0, "%s", e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_eq(r.kind, REQUEST_ORDINARY);
	cr_expect_null(r.urgent_priority);
	cr_expect(!r.has_urgent_delay);
	store_request_release(&r);
	close_store(&f);
}

Test(request, ordinary_and_urgent_requests_need_their_domain)
{
	struct fixture f;
	struct request_input in = {
		.kind = REQUEST_ORDINARY, .form = "email", .nature = "demand",
		.object = "Question", .received_at = "2018-03-15T09:00",
	};
	struct request r;
	char uid[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_store(&f);
	n = count_of(&f, f.haillan);
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"une saisine ordinaire concerne une fonction mutualisée : son "
		"domaine est obligatoire");
	cr_expect_null(strstr(e.msg, "aucun domaine"), "%s", e.msg);
	in.kind = REQUEST_URGENT;
	in.domain_uid = "";
	REFUSED(store_request_add(f.st, f.haillan, &in, NULL, &e), e,
		"une saisine en urgence concerne une fonction mutualisée");
	cr_expect_eq(count_of(&f, f.haillan), n, "nothing written");
	/* outside the contract's scope: an exceptional request may have
	 * none */
	in.kind = REQUEST_EXCEPTIONAL;
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, uid, &e), 0, "%s",
		     e.msg);
	/* and keeps none only while exceptional */
	in.kind = REQUEST_ORDINARY;
	REFUSED(store_request_update(f.st, uid, &in, &e), e,
		"son domaine est obligatoire");
	in.domain_uid = f.eco;
	cr_assert_eq(store_request_update(f.st, uid, &in, &e), 0, "%s", e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_str_eq(r.domain_code, "eco");
	store_request_release(&r);
	/* Le Bouscat in 2017: no domain has an annex in force, it says so */
	in.domain_uid = NULL;
	in.received_at = "2017-06-01T10:00";
	REFUSED(store_request_add(f.st, f.bouscat, &in, NULL, &e), e,
		"son domaine est obligatoire (aucun domaine du contrat n'a "
		"d'annexe en vigueur le 01/06/2017)");
	close_store(&f);
}

/* Le Bouscat's contract starts on 15/02/2016; its Numérique annex is
 * the amendment's, in force from 01/01/2018 (the real files). */
Test(request, received_outside_the_contract_or_its_annex_is_refused)
{
	struct fixture f;
	struct request_input in = {
		.kind = REQUEST_EXCEPTIONAL, .form = "letter", .nature = "demand",
		.object = "Une demande", .received_at = "14/02/2016 17:00",
	};
	struct request r;
	char uid[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_store(&f);
	n = count_of(&f, f.bouscat);
	REFUSED(store_request_add(f.st, f.bouscat, &in, NULL, &e), e,
		"la saisine est reçue le 14/02/2016, avant le début du contrat "
		"33069-2016 (le 15/02/2016)");
	in.received_at = "2016-02-15T00:00";	/* its first day */
	cr_assert_eq(store_request_add(f.st, f.bouscat, &in, uid, &e), 0, "%s",
		     e.msg);
	n++;
	/* with the domain: not before its first annex */
	in.kind = REQUEST_ORDINARY;
	in.domain_uid = f.bouscat_nsi;
	in.received_at = "31/12/2017 23:59";
	REFUSED(store_request_add(f.st, f.bouscat, &in, NULL, &e), e,
		"le domaine « Numérique et systèmes d'information » n'a aucune "
		"annexe en vigueur le 31/12/2017 : sa première l'est à partir "
		"du 01/01/2018");
	in.kind = REQUEST_EXCEPTIONAL;	/* whatever the kind */
	REFUSED(store_request_add(f.st, f.bouscat, &in, NULL, &e), e,
		"n'a aucune annexe en vigueur le 31/12/2017");
	/* an update is refused the same way, the request unchanged */
	REFUSED(store_request_update(f.st, uid, &in, &e), e,
		"sa première l'est à partir du 01/01/2018");
	in.domain_uid = NULL;
	in.received_at = "2016-02-14T23:59";
	REFUSED(store_request_update(f.st, uid, &in, &e), e,
		"avant le début du contrat 33069-2016 (le 15/02/2016)");
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_str_eq(r.received_at, "2016-02-15T00:00");
	store_request_release(&r);
	cr_expect_eq(count_of(&f, f.bouscat), n, "nothing written");
	in.kind = REQUEST_ORDINARY;
	in.domain_uid = f.bouscat_nsi;
	in.received_at = "01/01/2018 00:00";
	cr_assert_eq(store_request_add(f.st, f.bouscat, &in, NULL, &e), 0,
		     "%s", e.msg);
	/* the test contract starts on 01/01/2020 */
	in.domain_uid = f.test_nsi;
	in.received_at = "2019-12-31T12:00";
	REFUSED(store_request_add(f.st, f.test, &in, NULL, &e), e,
		"la saisine est reçue le 31/12/2019, avant le début du contrat "
		"test-2020 (le 01/01/2020)");
	close_store(&f);
}

Test(request, exceptional_decision_says_who_decided_and_when)
{
	struct log l;
	struct request r;
	struct store_change *h;
	struct exceptional_input x = { .asked = "Un vidéoprojecteur",
				       .decision = "Accord" };
	size_t n;
	struct err e;

	open_log(&l);
	REFUSED(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), e,
		"une décision dit qui l'a prise et quand : « décidé par » et "
		"« décidé le » manquent");
	x.decided_by = "  ";
	x.decided_on = "25/06/2018";
	REFUSED(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), e,
		"quand : « décidé par » manque");
	x.decided_by = "Adjoint au DGT";
	x.decided_on = "";
	REFUSED(store_exceptional_set_with_reason(l.f.st, l.uid[R_EXC], &x,
						  "relu", &e), e,
		"quand : « décidé le » manque");
	h = history_of(&l.f, l.uid[R_EXC], &n);
	cr_expect_eq(n, 0, "nothing written");
	store_changes_free(h, n);
	/* the fields without a decision: no decision to qualify */
	x.decision = NULL;
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	x.decision = "Accord";
	x.decided_on = "2018-06-25";
	cr_assert_eq(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_EXC], &r, &e), 0);
	cr_expect_str_eq(r.decision, "Accord");
	cr_expect_str_eq(r.decided_by, "Adjoint au DGT");
	cr_expect_str_eq(r.decided_on, "2018-06-25");
	store_request_release(&r);
	/* a change that drops who decided is refused, the record kept */
	x.decided_by = NULL;
	REFUSED(store_exceptional_set(l.f.st, l.uid[R_EXC], &x, &e), e,
		"« décidé par » manque");
	cr_assert_eq(store_request_get(l.f.st, l.uid[R_EXC], &r, &e), 0);
	cr_expect_str_eq(r.decided_by, "Adjoint au DGT");
	store_request_release(&r);
	close_store(&l.f);
}

/* A database of schema 8: its requests read as before, with no priority
 * or delay, and take them once urgent. */
Test(request, migration_9_keeps_requests_and_adds_the_urgent_fields)
{
	char *p = t_path("v8.db");
	struct store *st;
	struct request r;
	struct request_input in;
	char contract[STORE_UID_LEN], nsi[STORE_UID_LEN];
	char *sql = NULL;
	struct err e;

	cr_assert_eq(store_open_at_version(p, 8, &st, &e), 0, "%s", e.msg);
	import(st, "tests/fixtures/test-contrat.ini");
	cr_assert_eq(store_contract_find(st, "test-2020", contract, &e), 0);
	cr_assert_eq(store_domain_uid(st, contract, "nsi", nsi, &e), 0);
	store_close(st);
	cr_assert(asprintf(&sql,
		"INSERT INTO request (uid, contract_uid, kind, form, domain_uid,"
		" nature, object, received_at, author, created_at, updated_at)"
		" VALUES ('r1', '%s', 'urgent', 'phone', '%s', 'incident',"
		" 'Serveur', '2020-02-03T09:00', 'x', 'now', 'now');",
		contract, nsi) > 0);
	raw_sql(p, sql);
	free(sql);
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema_version(st), store_schema_latest());
	cr_assert_eq(store_request_get(st, "r1", &r, &e), 0, "%s", e.msg);
	cr_expect_eq(r.kind, REQUEST_URGENT);
	cr_expect_null(r.urgent_priority);
	cr_expect(!r.has_urgent_delay);
	store_request_release(&r);
	in = (struct request_input){
		.kind = REQUEST_URGENT, .form = "phone", .nature = "incident",
		.domain_uid = nsi, .object = "Serveur",
		.received_at = "2020-02-03T09:00", .urgent_priority = "P1",
		.urgent_delay = "0h45",
	};
	cr_assert_eq(store_request_update(st, "r1", &in, &e), 0, "%s", e.msg);
	cr_assert_eq(store_request_get(st, "r1", &r, &e), 0, "%s", e.msg);
	cr_expect_str_eq(r.urgent_priority, "P1");
	cr_expect_eq(r.urgent_delay_min, 45);
	store_request_release(&r);
	store_close(st);
	free(p);
}

/* A request's criticality is one of the levels its domain's annex in
 * force gives (the contract file's own, "bloquante, gênante" here),
 * stored as the annex spells them; never a fixed list. */
Test(request, criticality_from_the_contract_file)
{
	static const char ini[] =
		"[contrat]\nidentifiant = vert-2020\ncommune = Verteville\n"
		"insee = 33990\nintitule = Contrat\ndebut = 2020-01-01\n\n"
		"[domaine ev]\nnom = Espaces verts\n\n"
		"[engagement ev/1]\nintitule = Entretenir\n\n"
		"[indicateur ev/1.1]\nengagement = 1\nintitule = Délai\n"
		"periodicite = mensuelle\nsource = Outil\n"
		"type_valeur = duree_heures\nmeilleur = baisse\n"
		"criticites = bloquante, gênante\n"
		"calcul = delai_resolution\n\n"
		"[domaine ach]\nnom = Achats\n\n"
		"[engagement ach/1]\nintitule = Acheter\n\n"
		"[indicateur ach/1.1]\nengagement = 1\nintitule = Montant\n"
		"periodicite = annuelle\nsource = Outil\n"
		"type_valeur = nombre\nmeilleur = baisse\n";
	struct fixture f;
	char *path, contract[STORE_UID_LEN], ev[STORE_UID_LEN],
	     ach[STORE_UID_LEN], uid[STORE_UID_LEN];
	struct request_input in = {
		.kind = REQUEST_ORDINARY, .form = "email", .nature = "incident",
		.object = "Arbre tombé", .received_at = "2021-03-15T09:00",
	};
	struct request r;
	char **levels;
	size_t n;
	struct err e;

	open_store(&f);
	path = t_write("vert.ini", ini);
	import_path(f.st, path);
	free(path);
	cr_assert_eq(store_contract_find(f.st, "vert-2020", contract, &e), 0);
	cr_assert_eq(store_domain_uid(f.st, contract, "ev", ev, &e), 0);
	cr_assert_eq(store_domain_uid(f.st, contract, "ach", ach, &e), 0);
	cr_assert_eq(store_domain_criticalities(f.st, ev, "2021-03-15", &levels,
						&n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(levels[0], "bloquante");
	cr_expect_str_eq(levels[1], "gênante");
	text_lines_free(levels, n);

	in.domain_uid = ev;
	in.criticality = "GENANTE";
	cr_assert_eq(store_request_add(f.st, contract, &in, uid, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0);
	cr_expect_str_eq(r.criticality, "gênante", "as the annex spells it");
	store_request_release(&r);
	in.criticality = "critique";
	REFUSED(store_request_add(f.st, contract, &in, NULL, &e), e,
		"criticité « critique » inconnue : l'annexe du domaine en "
		"vigueur le 15/03/2021 a bloquante, gênante");
	in.domain_uid = ach;
	in.criticality = "bloquante";
	REFUSED(store_request_add(f.st, contract, &in, NULL, &e), e,
		"n'a pas de niveaux de criticité");
	in.kind = REQUEST_EXCEPTIONAL;
	in.domain_uid = NULL;
	REFUSED(store_request_add(f.st, contract, &in, NULL, &e), e,
		"donnez d'abord le domaine");
	/* Le Haillan's nsi: critique, majeure, mineure, from its file */
	in.kind = REQUEST_ORDINARY;
	in.domain_uid = f.nsi;
	in.received_at = "2018-03-15T09:00";
	in.criticality = "Majeure";
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, uid, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0);
	cr_expect_str_eq(r.criticality, "majeure");
	store_request_release(&r);
	close_store(&f);
}

/* ------------------------------------------------------------------ */
/* Issue 17, 8: changes of summer time, in the user's zone (set here,
 * never the machine's)                                                */

Test(request, a_skipped_local_time_is_refused_and_nothing_written)
{
	struct fixture f;
	struct request_input in = {
		.kind = REQUEST_ORDINARY, .form = "email", .nature = "demand",
		.object = "Poste", .received_at = "29/03/2026 02:30",
	};
	struct request r;
	char uid[STORE_UID_LEN];
	size_t n;
	struct err e;

	setenv("TZ", "Europe/Paris", 1);
	tzset();
	open_store(&f);
	in.domain_uid = f.nsi;
	n = count_requests(&f);
	REFUSED(store_request_add(f.st, f.haillan, &in, uid, &e), e,
		"date de réception : l'heure 02:30 n'existe pas le 29/03/2026 "
		"(passage à l'heure d'été)");
	in.received_at = "2026-03-28T22:00";
	in.resolved_at = "2026-03-29 02:00";
	REFUSED(store_request_add(f.st, f.haillan, &in, uid, &e), e,
		"date de résolution : l'heure 02:00 n'existe pas le "
		"29/03/2026");
	cr_expect_eq(count_requests(&f), n, "nothing written");

	/* 22:00 to 04:00 across the change: 5 h; the autumn's 02:30,
	 * shown twice, is accepted */
	in.resolved_at = "2026-03-29T04:00";
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect(r.has_resolution);
	cr_expect(fabs(r.resolution_hours - 5) < 1e-9, "%g",
		  r.resolution_hours);
	store_request_release(&r);
	in.resolved_at = "2026-03-29T02:59";
	REFUSED(store_request_update(f.st, uid, &in, &e), e,
		"l'heure 02:59 n'existe pas le 29/03/2026");
	REFUSED(store_request_cancel(f.st, uid, "29/03/2026 02:15", NULL, &e),
		e, "date d'annulation : l'heure 02:15 n'existe pas");
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect_str_eq(r.resolved_at, "2026-03-29T04:00", "unchanged");
	cr_expect_null(r.cancelled_at);
	store_request_release(&r);
	in.received_at = "2026-10-25T02:30";
	in.resolved_at = "2026-10-25T03:00";
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_request_get(f.st, uid, &r, &e), 0, "%s", e.msg);
	cr_expect(fabs(r.resolution_hours - 1.5) < 1e-9,
		  "the first 02:30 (summer time): %g", r.resolution_hours);
	store_request_release(&r);
	close_store(&f);
}

/* The list sorted by resolution delay agrees with the delays it shows:
 * 22:00 to 04:00 across the spring change (5 h) is shorter than 5 h 30
 * on an ordinary night, though the clocks read 6 h. */
Test(request, sort_by_delay_counts_real_hours)
{
	struct fixture f;
	struct request_input in = {
		.kind = REQUEST_ORDINARY, .form = "email", .nature = "demand",
	};
	struct request_filter flt;
	struct request *v;
	char a[STORE_UID_LEN], b[STORE_UID_LEN];
	size_t n, total;
	struct err e;

	setenv("TZ", "Europe/Paris", 1);
	tzset();
	open_store(&f);
	in.domain_uid = f.nsi;
	in.object = "Au changement d'heure";
	in.received_at = "2026-03-28T22:00";
	in.resolved_at = "2026-03-29T04:00";
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, a, &e), 0, "%s",
		     e.msg);
	in.object = "Une nuit ordinaire";
	in.received_at = "2026-03-20T22:00";
	in.resolved_at = "2026-03-21T03:30";
	cr_assert_eq(store_request_add(f.st, f.haillan, &in, b, &e), 0, "%s",
		     e.msg);
	request_filter_init(&flt);
	flt.sort = SORT_RESOLUTION_DELAY;
	cr_assert_eq(store_request_list(f.st, f.haillan, &flt, &v, &n, &total,
					&e), 0, "%s", e.msg);
	cr_assert_geq(n, 2);
	cr_expect_str_eq(v[0].uid, b, "5 h 30 first");
	cr_expect_str_eq(v[1].uid, a, "then 5 h");
	store_request_list_free(v, n);
	close_store(&f);
}

/* Nested saves (an import of many rows in one transaction): a step that
 * fails undoes its own writes only, the steps after it save into the same
 * transaction, the outer level then fails and nothing at all is written;
 * no write ever escapes the transaction. The model's record_request_save
 * is the step, as import requests uses it. */
Test(request, a_failed_step_poisons_the_transaction_not_its_siblings)
{
	struct fixture f;
	struct request_input in;
	struct rq ok = { .kind = REQUEST_ORDINARY, .object = "Écran",
			 .rcv = "2026-05-04 08:30" };
	struct rq bad = { .kind = REQUEST_ORDINARY, .object = "Serveur",
			  .rcv = "2026-05-04 08:30",
			  .ack = "2026-05-01 08:00" };
	char sd[STORE_UID_LEN], uid[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	ok.dom = bad.dom = f.nsi;
	cr_assert_eq(store_begin(f.st, &e), 0, "%s", e.msg);
	fill(&f, f.haillan, &ok, &in, sd);
	cr_assert_eq(record_request_save(f.st, f.haillan, NULL, &in, NULL, uid,
					 &e), 0, "%s", e.msg);
	fill(&f, f.haillan, &bad, &in, sd);
	cr_assert_eq(record_request_save(f.st, f.haillan, NULL, &in, NULL, uid,
					 &e), -1);
	cr_assert(strstr(e.msg, "précède la réception"), "%s", e.msg);
	/* a sibling after the failure: its own verdict, not the other's */
	fill(&f, f.haillan, &ok, &in, sd);
	cr_assert_eq(record_request_save(f.st, f.haillan, NULL, &in, NULL, uid,
					 &e), 0, "%s", e.msg);
	cr_assert_eq(count_requests(&f), 2, "read inside the transaction");
	cr_assert_eq(store_commit(f.st, &e), -1);
	cr_assert(strstr(e.msg, "enregistrement annulé"), "%s", e.msg);
	store_rollback(f.st);	/* harmless after the failed commit */
	cr_assert_eq(count_requests(&f), 0, "nothing written at all");
	/* the next transaction is a fresh one */
	fill(&f, f.haillan, &ok, &in, sd);
	cr_assert_eq(record_request_save(f.st, f.haillan, NULL, &in, NULL, uid,
					 &e), 0, "%s", e.msg);
	cr_assert_eq(count_requests(&f), 1);
	close_store(&f);
}
