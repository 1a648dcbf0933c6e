/*
 * The état récapitulatif annuel (src/report/summary.c): what summary_load
 * gathers from a seeded year on Le Haillan and Le Bouscat, the document
 * summary_doc lays out (its blocks, tables and cells), and the CSV of
 * `suivi export summary` made from it (export_summary_csv).
 *
 * The seeded data (year 2025 unless said):
 *   Le Haillan  exceptional requests R1 01/01 00:00 (accepted, 2 500 €),
 *               R2 10/06 (refused, 1 200,5 €), R3 31/12 23:59 (no
 *               decision yet); R4 31/12/2024 23:59 and R5 01/01/2026
 *               00:00 outside; an ordinary request of 2025;
 *               disputes D1 03/02 on substance, escalated to level 3,
 *               closed with its solution and the Mayor's instruction
 *               (recorded as article 4 requires); D2
 *               12/05 on programming, escalated to level 2, open; D3
 *               31/12/2024 and D4 01/01/2026 outside.
 *   Le Bouscat  R6 03/03 (accord, 0 €, cancelled); D5 31/12 on
 *               programming, compromise and closed in January 2026.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/export.h"
#include "suivi/contract_file.h"
#include "suivi/csv.h"
#include "suivi/date.h"
#include "suivi/doc.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_request.h"
#include "suivi/summary.h"

#define NBSP "\u00a0"
#define TODAY "2026-11-23"

/* ------------------------------------------------------------------ */
/* The seeded year                                                     */

enum { R1, R2, R3, R4, R5, R6, N_REQ };
enum { D1, D2, D3, D4, D5, N_DISP };

struct fixture {
	struct store *st;
	char *db;
	char haillan[STORE_UID_LEN], bouscat[STORE_UID_LEN];
	char nsi[STORE_UID_LEN], bouscat_nsi[STORE_UID_LEN];
	char req[N_REQ][STORE_UID_LEN];
	char disp[N_DISP][STORE_UID_LEN];
	char ordinary[STORE_UID_LEN];
};

static void add_request(struct fixture *f, const char *contract,
			enum request_kind kind, const char *received,
			const char *object, char uid[STORE_UID_LEN])
{
	struct request_input in = {
		.kind = kind, .form = "letter", .nature = "demand",
		.object = object, .received_at = received,
		/* but an exceptional one, a request concerns a domain */
		.domain_uid = kind == REQUEST_EXCEPTIONAL ? NULL : f->nsi,
	};
	struct err e;

	cr_assert_eq(store_request_add(f->st, contract, &in, uid, &e), 0,
		     "%s", e.msg);
}

static void set_exceptional(struct fixture *f, const char *uid,
			    const struct exceptional_input *x)
{
	struct err e;

	cr_assert_eq(store_exceptional_set(f->st, uid, x, &e), 0, "%s", e.msg);
}

static void open_dispute(struct fixture *f, const char *contract,
			 const char *domain, const char *opened,
			 const char *object, enum dispute_nature nature,
			 char uid[STORE_UID_LEN])
{
	struct dispute_input in = { .opened_on = opened, .object = object,
				    .nature = nature, .domain_uid = domain };
	struct err e;

	cr_assert_eq(store_dispute_open(f->st, contract, &in, uid, &e), 0,
		     "%s", e.msg);
}

static void step(struct fixture *f, const char *uid, const char *held,
		 enum step_outcome o)
{
	struct step_input in = { .held_on = held, .outcome = o };
	struct err e;

	cr_assert_eq(store_dispute_add_step(f->st, uid, &in, &e), 0, "%s",
		     e.msg);
}

static void close_dispute(struct fixture *f, const char *uid,
			  const char *on, const char *solution)
{
	struct err e;

	cr_assert_eq(store_dispute_close(f->st, uid, on, solution, &e), 0,
		     "%s", e.msg);
}

static const char S_D1[] = "Le logiciel choisi par la commune est retenu ; "
			   "la Métropole en assure l'hébergement";
static const char S_D3[] = "Compromis trouvé avant l'arbitrage";
static const char S_D5[] = "Intervention reprogrammée un samedi";
static const char O_D1[] = "Choix du logiciel de gestion des écoles";
static const struct instruction_input I_D1 = {
	"Retenir le logiciel de la commune", "M. le Maire", "20/03/2025",
};
static const char O_D2[] = "Calendrier du renouvellement des postes";
static const char O_D5[] = "Coupure du réseau de la mairie, « en urgence »";
static const char O_R1[] = "Sonorisation de la fête de la musique";
static const char O_R2[] = "Ouverture du service le dimanche des élections";
static const char O_R3[] = "Écrans pour le conseil municipal";
static const char O_R6[] = "Prêt de matériel pour le forum, de l'emploi";

static void seed(struct fixture *f)
{
	struct err e;
	struct exceptional_input x1 = {
		.asked = "Une sonorisation et deux techniciens le 21 juin",
		.proposal = "Renfort du pôle territorial par l'équipe "
			    "événementielle",
		.decision = "Acceptée avec compensation",
		.decided_by = "Adjoint au DGT",
		.decided_on = "15/01/2025",
		.has_cost = true, .estimated_cost = 2500,
		.compensation = "Ajustement de l'attribution de compensation",
	};
	struct exceptional_input x2 = {
		.asked = "Un technicien présent le dimanche",
		.decision = "Refusée : hors des moyens du service",
		.decided_by = "Adjoint au DGT",
		.decided_on = "2025-06-20",
		.has_cost = true, .estimated_cost = 1200.5,
	};
	struct exceptional_input x6 = {
		.asked = "Dix ordinateurs portables",
		.decision = "Accord",
		.decided_by = "DGS",
		.decided_on = "2025-03-04",
		.has_cost = true, .estimated_cost = 0,
	};
	struct exceptional_input x4 = { .asked = "Hors année", .decision =
					"Acceptée", .decided_by = "DGS",
					.decided_on = "2026-01-10",
					.has_cost = true,
					.estimated_cost = 999 };

	/* requests */
	add_request(f, f->haillan, REQUEST_EXCEPTIONAL, "2025-01-01T00:00",
		    O_R1, f->req[R1]);
	set_exceptional(f, f->req[R1], &x1);
	add_request(f, f->haillan, REQUEST_EXCEPTIONAL, "10/06/2025 14:30",
		    O_R2, f->req[R2]);
	set_exceptional(f, f->req[R2], &x2);
	add_request(f, f->haillan, REQUEST_EXCEPTIONAL, "2025-12-31T23:59",
		    O_R3, f->req[R3]);
	add_request(f, f->haillan, REQUEST_EXCEPTIONAL, "2024-12-31T23:59",
		    "La veille de l'année", f->req[R4]);
	set_exceptional(f, f->req[R4], &x4);
	add_request(f, f->haillan, REQUEST_EXCEPTIONAL, "2026-01-01T00:00",
		    "Le lendemain de l'année", f->req[R5]);
	set_exceptional(f, f->req[R5], &x4);
	add_request(f, f->haillan, REQUEST_ORDINARY, "2025-04-01T09:00",
		    "Une saisine ordinaire", f->ordinary);
	add_request(f, f->bouscat, REQUEST_EXCEPTIONAL, "2025-03-03T10:00",
		    O_R6, f->req[R6]);
	set_exceptional(f, f->req[R6], &x6);
	cr_assert_eq(store_request_cancel(f->st, f->req[R6], "2025-03-05T10:00",
					  "Forum annulé", &e), 0, "%s", e.msg);

	/* disputes */
	open_dispute(f, f->haillan, f->nsi, "2025-02-03", O_D1,
		     DISPUTE_SUBSTANCE, f->disp[D1]);
	step(f, f->disp[D1], "2025-02-10", OUTCOME_ESCALATED);
	step(f, f->disp[D1], "2025-03-01", OUTCOME_ESCALATED);
	step(f, f->disp[D1], "2025-03-20", OUTCOME_DECIDED);
	cr_assert_eq(store_dispute_close_with(f->st, f->disp[D1], "2025-03-25",
					      S_D1, &I_D1, &e), 0, "%s",
		     e.msg);

	open_dispute(f, f->haillan, f->nsi, "2025-05-12", O_D2,
		     DISPUTE_PROGRAMMING, f->disp[D2]);
	step(f, f->disp[D2], "2025-05-20", OUTCOME_ESCALATED);

	open_dispute(f, f->haillan, NULL, "2024-12-31",
		     "Litige de la veille", DISPUTE_PROGRAMMING, f->disp[D3]);
	close_dispute(f, f->disp[D3], "2025-01-02", S_D3);
	open_dispute(f, f->haillan, NULL, "2026-01-01",
		     "Litige du lendemain", DISPUTE_SUBSTANCE, f->disp[D4]);

	open_dispute(f, f->bouscat, NULL, "31/12/2025", O_D5,
		     DISPUTE_PROGRAMMING, f->disp[D5]);
	step(f, f->disp[D5], "2026-01-05", OUTCOME_COMPROMISE);
	close_dispute(f, f->disp[D5], "2026-01-06", S_D5);
}

static const char *const three_contracts[] = {
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	NULL,
};

static void open_store(struct fixture *f)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	memset(f, 0, sizeof *f);
	f->db = t_path("summary.db");
	f->st = t_store_with("summary.db", three_contracts);
	store_set_author(f->st, "Référent test");
	cr_assert_eq(store_contract_find(f->st, "Le Haillan", f->haillan, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_contract_find(f->st, "Le Bouscat", f->bouscat, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->haillan, "nsi", f->nsi, &e),
		     0, "%s", e.msg);
	seed(f);
}

static void close_store(struct fixture *f)
{
	store_close(f->st);
	free(f->db);
}

/* ------------------------------------------------------------------ */
/* Looking into a doc                                                  */

static size_t count_tables(const struct doc *d, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		if (d->blocks[i].kind == DOC_TABLE &&
		    !strcmp(d->blocks[i].table->name, name))
			n++;
	return n;
}

static size_t count_kind(const struct doc *d, enum doc_block_kind k)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		n += d->blocks[i].kind == k;
	return n;
}

static const struct doc_table *table(const struct doc *d, const char *name)
{
	cr_assert_eq(count_tables(d, name), 1, "table « %s »: %zu", name,
		     count_tables(d, name));
	for (size_t i = 0; i < d->n; i++)
		if (d->blocks[i].kind == DOC_TABLE &&
		    !strcmp(d->blocks[i].table->name, name))
			return d->blocks[i].table;
	return NULL;
}

static const struct doc_cell *at(const struct doc_table *t, size_t row,
				 size_t col)
{
	cr_assert_lt(row, t->n_rows, "%s: row %zu of %zu", t->name, row,
		     t->n_rows);
	cr_assert_lt(col, t->n_cols);
	return &t->cells[row * t->n_cols + col];
}

static const char *txt(const struct doc_table *t, size_t row, size_t col)
{
	const char *s = at(t, row, col)->text;

	return s ? s : "(null)";
}

/* The row's cells are exactly want (n_cols of them). */
static void expect_row(const struct doc_table *t, size_t row,
		       const char *const *want)
{
	for (size_t c = 0; c < t->n_cols; c++)
		cr_expect_str_eq(txt(t, row, c), want[c],
				 "%s row %zu col %zu (%s): « %s », want « %s »",
				 t->name, row, c, t->heads[c], txt(t, row, c),
				 want[c]);
}

static void expect_heads(const struct doc_table *t, const char *const *want,
			 size_t n)
{
	cr_assert_eq(t->n_cols, n, "%s: %zu columns", t->name, t->n_cols);
	for (size_t c = 0; c < n; c++)
		cr_expect_str_eq(t->heads[c], want[c]);
}

/* A paragraph, note or heading holding text, or a list item. */
static bool has_text(const struct doc *d, enum doc_block_kind k,
		     const char *text)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (b->kind != k)
			continue;
		if (b->text && strstr(b->text, text))
			return true;
		for (size_t j = 0; j < b->n_items; j++)
			if (strstr(b->items[j], text))
				return true;
	}
	return false;
}

static void build(struct fixture *f, const char *contract, int year,
		  struct doc *d)
{
	struct err e;

	cr_assert_eq(summary_build(f->st, contract, year, TODAY, d, &e), 0,
		     "%s", e.msg);
}

/* ------------------------------------------------------------------ */
/* The data                                                            */

static void expect_totals(const struct summary_totals *t,
			  const size_t want[15], double cost)
{
	const size_t got[15] = {
		t->requests, t->decided, t->accepted, t->refused, t->cancelled,
		t->with_cost, t->disputes, t->by_nature[DISPUTE_PROGRAMMING],
		t->by_nature[DISPUTE_SUBSTANCE], t->by_level[0],
		t->by_level[1], t->by_level[2], t->mayor_final, t->open,
		t->closed,
	};

	for (int i = 0; i < 15; i++)
		cr_expect_eq(got[i], want[i], "figure %d: %zu, want %zu", i,
			     got[i], want[i]);
	cr_expect_eq(t->cost, cost, "cost %g, want %g", t->cost, cost);
}

/* requests, decided, accepted, refused, cancelled, with cost; disputes,
 * programming, substance, level 1 2 3, Mayor, open, closed */
static const size_t T_HAILLAN[15] = { 3, 2, 1, 1, 0, 2, 2, 1, 1, 0, 1, 1,
				      1, 1, 1 };
static const size_t T_BOUSCAT[15] = { 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0,
				      0, 0, 1 };
static const size_t T_ALL[15] = { 4, 3, 2, 1, 1, 3, 3, 2, 1, 1, 1, 1, 1,
				  1, 2 };

Test(summary, one_commune_holds_its_year_only, .timeout = 30)
{
	struct fixture f;
	struct summary s;
	struct err e;

	open_store(&f);
	cr_assert_eq(summary_load(f.st, f.haillan, 2025, &s, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(s.year, 2025);
	cr_expect(!s.all);
	cr_assert_eq(s.n_contracts, 1);
	cr_expect_str_eq(s.contracts[0].uid, f.haillan);
	cr_expect_str_eq(s.contracts[0].commune, "Le Haillan");
	cr_expect_str_eq(s.contracts[0].identifier, "33200-2017");
	/* 01/01 00:00 and 31/12 23:59 in, 31/12 of the year before and
	 * 01/01 of the year after out; the ordinary request out */
	cr_assert_eq(s.contracts[0].n_requests, 3);
	cr_expect_str_eq(s.contracts[0].requests[0].uid, f.req[R1]);
	cr_expect_str_eq(s.contracts[0].requests[1].uid, f.req[R2]);
	cr_expect_str_eq(s.contracts[0].requests[2].uid, f.req[R3]);
	cr_assert_eq(s.contracts[0].n_disputes, 2);
	cr_expect_str_eq(s.contracts[0].disputes[0].uid, f.disp[D1]);
	cr_expect_str_eq(s.contracts[0].disputes[1].uid, f.disp[D2]);
	expect_totals(&s.contracts[0].totals, T_HAILLAN, 3700.5);
	expect_totals(&s.totals, T_HAILLAN, 3700.5);
	cr_expect(summary_mayor_final(&s.contracts[0].disputes[0]));
	cr_expect(!summary_mayor_final(&s.contracts[0].disputes[1]));
	summary_release(&s);
	cr_expect_eq(s.n_contracts, 0);
	summary_release(&s);	/* twice: harmless */

	/* the years around: the boundaries' other side */
	cr_assert_eq(summary_load(f.st, f.haillan, 2024, &s, &e), 0);
	cr_assert_eq(s.contracts[0].n_requests, 1);
	cr_expect_str_eq(s.contracts[0].requests[0].uid, f.req[R4]);
	cr_assert_eq(s.contracts[0].n_disputes, 1);
	cr_expect_str_eq(s.contracts[0].disputes[0].uid, f.disp[D3]);
	summary_release(&s);
	cr_assert_eq(summary_load(f.st, f.haillan, 2026, &s, &e), 0);
	cr_assert_eq(s.contracts[0].n_requests, 1);
	cr_expect_str_eq(s.contracts[0].requests[0].uid, f.req[R5]);
	cr_assert_eq(s.contracts[0].n_disputes, 1);
	cr_expect_str_eq(s.contracts[0].disputes[0].uid, f.disp[D4]);
	summary_release(&s);
	close_store(&f);
}

Test(summary, every_commune_by_name_with_totals, .timeout = 30)
{
	struct fixture f;
	struct summary s;
	struct err e;

	open_store(&f);
	cr_assert_eq(summary_load(f.st, NULL, 2025, &s, &e), 0, "%s", e.msg);
	cr_expect(s.all);
	cr_assert_eq(s.n_contracts, 2);
	cr_expect_str_eq(s.contracts[0].commune, "Le Bouscat");
	cr_expect_str_eq(s.contracts[1].commune, "Le Haillan");
	cr_assert_eq(s.contracts[0].n_requests, 1);
	cr_expect_str_eq(s.contracts[0].requests[0].uid, f.req[R6]);
	cr_expect_eq(s.contracts[0].requests[0].status, REQ_CANCELLED);
	cr_assert_eq(s.contracts[0].n_disputes, 1);
	cr_expect_str_eq(s.contracts[0].disputes[0].uid, f.disp[D5]);
	expect_totals(&s.contracts[0].totals, T_BOUSCAT, 0);
	expect_totals(&s.contracts[1].totals, T_HAILLAN, 3700.5);
	expect_totals(&s.totals, T_ALL, 3700.5);
	summary_release(&s);

	/* "" is every contract too; a year with nothing keeps every
	 * contract, at zero */
	cr_assert_eq(summary_load(f.st, "", 2023, &s, &e), 0, "%s", e.msg);
	cr_expect(s.all);
	cr_assert_eq(s.n_contracts, 2);
	cr_expect_eq(s.totals.requests + s.totals.disputes, 0);
	summary_release(&s);
	close_store(&f);
}

Test(summary, refusals, .timeout = 30)
{
	struct fixture f;
	struct summary s;
	struct doc d;
	struct err e;

	open_store(&f);
	cr_expect_eq(summary_load(f.st, NULL, 1850, &s, &e), -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect_eq(s.n_contracts, 0);
	cr_expect_eq(summary_load(f.st, "0123456789abcdef0123456789abcdef",
				  2025, &s, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(summary_build(f.st, f.haillan, 2025, "le 3 mai", &d, &e),
		     -1);
	cr_expect_eq(e.code, ERR_INPUT);
	cr_expect(strstr(e.msg, "le 3 mai"), "%s", e.msg);
	doc_release(&d);	/* harmless after a failure */
	close_store(&f);
}

Test(summary, decisions_read_as_accepted_or_refused)
{
	static const struct {
		const char *decision;
		enum summary_decision want;
	} cases[] = {
		{ NULL, DECISION_NONE }, { "", DECISION_NONE },
		{ "  \n", DECISION_NONE },
		{ "Acceptée", DECISION_ACCEPTED },
		{ "ACCEPTÉE avec compensation", DECISION_ACCEPTED },
		{ "  accord de principe", DECISION_ACCEPTED },
		{ "Avis favorable", DECISION_ACCEPTED },
		{ "Refusée", DECISION_REFUSED },
		{ "refus : hors contrat", DECISION_REFUSED },
		{ "Rejetée", DECISION_REFUSED },
		{ "Défavorable", DECISION_REFUSED },
		{ "Avis défavorable", DECISION_REFUSED },
		{ "Désaccord", DECISION_OTHER },
		{ "Reportée à 2026", DECISION_OTHER },
		{ "Non acceptée", DECISION_OTHER },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct request r = { .decision = (char *)cases[i].decision };

		cr_expect_eq(summary_decision_of(&r), cases[i].want,
			     "« %s »: %d, want %d",
			     cases[i].decision ? cases[i].decision : "NULL",
			     summary_decision_of(&r), cases[i].want);
	}
}

/* ------------------------------------------------------------------ */
/* The document of one commune                                         */

static const char *const REQ_HEADS[] = {
	"Reçue le", "Objet", "Demande",
	"Proposition d'adaptation de l'organisation des moyens", "Décision",
	"Décidée par", "Décidée le", "Coût estimé", "Compensation", "Statut",
};
static const char *const DISP_HEADS[] = {
	"Ouvert le", "Objet", "Nature", "Domaine", "Niveau atteint",
	"Instruction du Maire", "Statut", "Clos le", "Solution arbitrée",
};

Test(summary_doc, one_commune_title_note_totals_and_footer, .timeout = 30)
{
	static const char *const synth[][2] = {
		{ "Demandes exceptionnelles de l'année", "3" },
		{ "dont décidées", "2" },
		{ "dont acceptées", "1" },
		{ "dont refusées", "1" },
		{ "dont annulées", "0" },
		{ "Coût estimé des demandes exceptionnelles",
		  "3" NBSP "700,50" NBSP "€" },
		{ "Litiges de l'année", "2" },
		{ "sur la programmation des travaux", "1" },
		{ "sur le fond", "1" },
		{ "niveau atteint : 1 — autorités hiérarchiques", "0" },
		{ "niveau atteint : 2 — directeurs généraux", "1" },
		{ "niveau atteint : 3 — le Maire et le Président", "1" },
		{ "tranchés par l'instruction du Maire (fond)", "1" },
		{ "en cours", "1" },
		{ "clos, avec leur solution arbitrée", "1" },
	};
	static const double nums[] = { 3, 2, 1, 1, 0, 3700.5, 2, 1, 1, 0, 1,
				       1, 1, 1, 1 };
	struct fixture f;
	struct doc d;
	const struct doc_table *t;

	open_store(&f);
	build(&f, f.haillan, 2025, &d);
	cr_expect_str_eq(d.title, "État récapitulatif 2025 — Le Haillan");
	cr_expect_str_eq(d.subtitle, "Contrat d'engagement 33200-2017 · "
			 "demandes reçues et litiges ouverts du 01/01/2025 au "
			 "31/12/2025 · litiges dans leur état au 23/11/2026");
	cr_expect_str_eq(d.footer, "Établi par suivi le 23/11/2026");
	cr_assert_gt(d.n, 0);
	cr_expect_eq(d.blocks[0].kind, DOC_NOTE);
	cr_expect(has_text(&d, DOC_NOTE, "Article 4"));
	cr_expect(has_text(&d, DOC_NOTE, "demandes exceptionnelles et les "
			   "litiges et de capitaliser les solutions "
			   "arbitrées"));
	cr_expect(has_text(&d, DOC_NOTE, "Il est présenté en Conférence "
			   "territoriale."));
	/* one commune: no word about the all-communes layout */
	cr_expect(!has_text(&d, DOC_PARAGRAPH, "colonne « Commune »"));
	cr_expect_eq(count_kind(&d, DOC_TABLE), 3);

	t = table(&d, "Synthèse");
	cr_assert_eq(t->n_rows, 15);
	cr_assert_eq(t->n_cols, 2);
	for (size_t i = 0; i < 15; i++) {
		expect_row(t, i, synth[i]);
		cr_expect(at(t, i, 1)->has_num);
		cr_expect_eq(at(t, i, 1)->num, nums[i], "row %zu: %g", i,
			     at(t, i, 1)->num);
	}
	cr_expect_eq(at(t, 0, 0)->tone, TONE_STRONG);
	cr_expect_eq(at(t, 6, 1)->tone, TONE_STRONG);
	cr_expect_eq(at(t, 1, 1)->tone, TONE_NONE);
	doc_release(&d);
	close_store(&f);
}

Test(summary_doc, one_commune_requests_in_date_order, .timeout = 30)
{
	static const char *const rows[][10] = {
		{ "01/01/2025", O_R1,
		  "Une sonorisation et deux techniciens le 21 juin",
		  "Renfort du pôle territorial par l'équipe événementielle",
		  "Acceptée avec compensation", "Adjoint au DGT",
		  "15/01/2025", "2" NBSP "500" NBSP "€",
		  "Ajustement de l'attribution de compensation", "nouvelle" },
		{ "10/06/2025", O_R2, "Un technicien présent le dimanche",
		  "—", "Refusée : hors des moyens du service",
		  "Adjoint au DGT", "20/06/2025", "1" NBSP "200,50" NBSP "€",
		  "—", "nouvelle" },
		{ "31/12/2025", O_R3, "—", "—", "en attente", "—", "—", "—",
		  "—", "nouvelle" },
	};
	struct fixture f;
	struct doc d;
	const struct doc_table *t;

	open_store(&f);
	build(&f, f.haillan, 2025, &d);
	t = table(&d, "Demandes exceptionnelles");
	expect_heads(t, REQ_HEADS, 10);
	cr_assert_eq(t->n_rows, 3);
	for (size_t i = 0; i < 3; i++)
		expect_row(t, i, rows[i]);
	cr_expect(at(t, 0, 7)->has_num && at(t, 0, 7)->num == 2500);
	cr_expect(at(t, 1, 7)->has_num && at(t, 1, 7)->num == 1200.5);
	cr_expect(!at(t, 2, 7)->has_num);
	cr_expect_eq(at(t, 2, 4)->tone, TONE_MISSING);
	cr_expect_eq(at(t, 2, 2)->tone, TONE_MUTED);
	doc_release(&d);
	close_store(&f);
}

Test(summary_doc, one_commune_disputes_with_solutions_open_says_so,
     .timeout = 30)
{
	static const char *const rows[][9] = {
		{ "03/02/2025", O_D1, "fond",
		  "Numérique et systèmes d’information",
		  "3 — le Maire et le Président",
		  "Retenir le logiciel de la commune — donnée le 20/03/2025 "
		  "par M. le Maire", "clos", "25/03/2025", S_D1 },
		{ "12/05/2025", O_D2, "programmation des travaux",
		  "Numérique et systèmes d’information",
		  "2 — directeurs généraux", "non", "en cours", "—",
		  "Litige en cours : pas encore de solution arbitrée" },
	};
	struct fixture f;
	struct doc d;
	const struct doc_table *t;

	open_store(&f);
	build(&f, f.haillan, 2025, &d);
	t = table(&d, "Litiges");
	expect_heads(t, DISP_HEADS, 9);
	cr_assert_eq(t->n_rows, 2);
	for (size_t i = 0; i < 2; i++)
		expect_row(t, i, rows[i]);
	cr_expect_str_eq(summary_open_solution,
			 "Litige en cours : pas encore de solution arbitrée");
	cr_expect_eq(at(t, 1, 6)->tone, TONE_MISSING);
	cr_expect_eq(at(t, 1, 8)->tone, TONE_MISSING);
	cr_expect(has_text(&d, DOC_NOTE, "1 litige est encore en cours au "
			   "23/11/2026 : il n'a pas encore de solution "
			   "arbitrée."));
	/* article 4's levels, and the Mayor's instruction on substance */
	cr_expect(has_text(&d, DOC_LIST, "niveau 3 : en dernier recours, le "
			   "Maire et le Président"));
	cr_expect(has_text(&d, DOC_LIST, "sur le fond, les instructions du "
			   "Maire sont appliquées en dernière instance"));
	doc_release(&d);
	close_store(&f);
}

/* The Bouscat's dispute opened on 31/12 and closed in January: in 2025,
 * with its solution; the year after does not show it again. */
Test(summary_doc, dispute_of_31_december_closed_in_january, .timeout = 30)
{
	static const char *const row[] = {
		"31/12/2025", O_D5, "programmation des travaux", "—",
		"1 — autorités hiérarchiques", "non", "clos", "06/01/2026",
		S_D5,
	};
	static const char *const req[] = {
		"03/03/2025", O_R6, "Dix ordinateurs portables", "—", "Accord",
		"DGS", "04/03/2025", "0" NBSP "€", "—", "annulée",
	};
	struct fixture f;
	struct doc d;
	const struct doc_table *t;

	open_store(&f);
	build(&f, f.bouscat, 2025, &d);
	cr_expect_str_eq(d.title, "État récapitulatif 2025 — Le Bouscat");
	t = table(&d, "Litiges");
	cr_assert_eq(t->n_rows, 1);
	expect_row(t, 0, row);
	cr_expect(!has_text(&d, DOC_NOTE, "encore en cours"));
	t = table(&d, "Demandes exceptionnelles");
	cr_assert_eq(t->n_rows, 1);
	expect_row(t, 0, req);
	cr_expect(at(t, 0, 7)->has_num && at(t, 0, 7)->num == 0);
	cr_expect_eq(at(t, 0, 9)->tone, TONE_MUTED);
	doc_release(&d);

	build(&f, f.bouscat, 2026, &d);
	cr_expect_eq(count_tables(&d, "Litiges"), 0);
	cr_expect(has_text(&d, DOC_PARAGRAPH, "Aucun litige ouvert en 2026."));
	doc_release(&d);
	close_store(&f);
}

Test(summary_doc, empty_year_says_so, .timeout = 30)
{
	struct fixture f;
	struct doc d;
	const struct doc_table *t;

	open_store(&f);
	build(&f, f.haillan, 2023, &d);
	cr_expect_eq(count_kind(&d, DOC_TABLE), 1);
	cr_expect(has_text(&d, DOC_PARAGRAPH, "Aucune demande exceptionnelle "
			   "reçue en 2023."));
	cr_expect(has_text(&d, DOC_PARAGRAPH, "Aucun litige ouvert en 2023."));
	t = table(&d, "Synthèse");
	cr_expect_str_eq(txt(t, 0, 1), "0");
	/* no estimate at all: a dash, not 0 € */
	cr_expect_str_eq(txt(t, 5, 1), "—");
	cr_expect(!at(t, 5, 1)->has_num);
	cr_expect(!has_text(&d, DOC_NOTE, "encore en cours"));
	doc_release(&d);
	close_store(&f);
}

Test(summary_doc, large_amounts_grouped_by_thousands, .timeout = 30)
{
	struct fixture f;
	struct doc d;
	struct exceptional_input x = { .asked = "Un gymnase", .has_cost = true,
				       .estimated_cost = 1234567.5 };
	char uid[STORE_UID_LEN];

	open_store(&f);
	add_request(&f, f.haillan, REQUEST_EXCEPTIONAL, "2022-05-05T10:00",
		    "Un gros chantier", uid);
	set_exceptional(&f, uid, &x);
	build(&f, f.haillan, 2022, &d);
	cr_expect_str_eq(txt(table(&d, "Demandes exceptionnelles"), 0, 7),
			 "1" NBSP "234" NBSP "567,50" NBSP "€");
	cr_expect_str_eq(txt(table(&d, "Synthèse"), 5, 1),
			 "1" NBSP "234" NBSP "567,50" NBSP "€");
	doc_release(&d);
	close_store(&f);
}

/* ------------------------------------------------------------------ */
/* The document of every commune                                       */

Test(summary_doc, every_commune_one_table_of_each_kind, .timeout = 30)
{
	static const char *const heads[] = {
		"Commune", "Demandes exceptionnelles", "Décidées", "Acceptées",
		"Refusées", "Annulées", "Coût estimé", "Litiges",
		"Programmation", "Fond", "Niveau 1", "Niveau 2", "Niveau 3",
		"Instruction du Maire", "En cours", "Clos",
	};
	static const char *const synth[][16] = {
		{ "Le Bouscat", "1", "1", "1", "0", "1", "0" NBSP "€", "1",
		  "1", "0", "1", "0", "0", "0", "0", "1" },
		{ "Le Haillan", "3", "2", "1", "1", "0",
		  "3" NBSP "700,50" NBSP "€", "2", "1", "1", "0", "1", "1",
		  "1", "1", "1" },
		{ "Total", "4", "3", "2", "1", "1", "3" NBSP "700,50" NBSP "€",
		  "3", "2", "1", "1", "1", "1", "1", "1", "2" },
	};
	struct fixture f;
	struct doc d;
	const struct doc_table *t;

	open_store(&f);
	build(&f, NULL, 2025, &d);
	cr_expect_str_eq(d.title,
			 "État récapitulatif 2025 — toutes les communes");
	cr_expect_str_eq(d.subtitle, "2 contrats d'engagement · demandes "
			 "reçues et litiges ouverts du 01/01/2025 au "
			 "31/12/2025 · litiges dans leur état au 23/11/2026");
	cr_expect_str_eq(d.footer, "Établi par suivi le 23/11/2026");
	/* the header says why one table of each kind */
	cr_expect(has_text(&d, DOC_PARAGRAPH, "un seul tableau par rubrique, "
			   "avec une colonne « Commune »"));
	cr_expect_eq(count_kind(&d, DOC_TABLE), 3);

	t = table(&d, "Synthèse");
	expect_heads(t, heads, 16);
	cr_assert_eq(t->n_rows, 3);
	for (size_t i = 0; i < 3; i++)
		expect_row(t, i, synth[i]);
	for (size_t c = 0; c < 16; c++)
		cr_expect_eq(at(t, 2, c)->tone, TONE_STRONG);

	t = table(&d, "Demandes exceptionnelles");
	cr_assert_eq(t->n_cols, 11);
	cr_expect_str_eq(t->heads[0], "Commune");
	for (size_t c = 1; c < 11; c++)
		cr_expect_str_eq(t->heads[c], REQ_HEADS[c - 1]);
	cr_assert_eq(t->n_rows, 4);
	/* by commune, then date */
	cr_expect_str_eq(txt(t, 0, 0), "Le Bouscat");
	cr_expect_str_eq(txt(t, 0, 2), O_R6);
	cr_expect_str_eq(txt(t, 1, 0), "Le Haillan");
	cr_expect_str_eq(txt(t, 1, 2), O_R1);
	cr_expect_str_eq(txt(t, 2, 2), O_R2);
	cr_expect_str_eq(txt(t, 3, 2), O_R3);
	cr_expect_str_eq(txt(t, 3, 1), "31/12/2025");

	t = table(&d, "Litiges");
	cr_assert_eq(t->n_cols, 10);
	cr_expect_str_eq(t->heads[0], "Commune");
	for (size_t c = 1; c < 10; c++)
		cr_expect_str_eq(t->heads[c], DISP_HEADS[c - 1]);
	cr_assert_eq(t->n_rows, 3);
	cr_expect_str_eq(txt(t, 0, 0), "Le Bouscat");
	cr_expect_str_eq(txt(t, 0, 9), S_D5);
	cr_expect_str_eq(txt(t, 1, 0), "Le Haillan");
	cr_expect_str_eq(txt(t, 1, 9), S_D1);
	cr_expect_str_eq(txt(t, 2, 2), O_D2);
	cr_expect_str_eq(txt(t, 2, 7), "en cours");
	cr_expect_str_eq(txt(t, 2, 9), summary_open_solution);
	cr_expect(has_text(&d, DOC_NOTE, "1 litige est encore en cours"));
	doc_release(&d);
	close_store(&f);
}

/* ------------------------------------------------------------------ */
/* Every figure equals the database's                                  */

static void fr_day(const char *iso, char out[DATE_ISO_LEN])
{
	struct date dt;
	char day[DATE_ISO_LEN];

	snprintf(day, sizeof day, "%.10s", iso);
	cr_assert_eq(date_parse(day, &dt), 0, "%s", iso);
	date_format_fr(dt, out);
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "—";
}

/* The requests and disputes of year read another way than summary_load
 * does (the log's filter; every dispute, sorted out here), compared
 * cell by cell with the all-communes document, then the totals. */
Test(summary_doc, every_figure_equals_the_database, .timeout = 30)
{
	const char *contracts[2];
	const char *communes[2] = { "Le Bouscat", "Le Haillan" };
	struct fixture f;
	struct doc d;
	const struct doc_table *rt, *dt, *st;
	size_t rrow = 0, drow = 0;
	size_t all_req = 0, all_disp = 0, all_open = 0, all_l3 = 0;
	double all_cost = 0;
	struct err e;

	open_store(&f);
	contracts[0] = f.bouscat;
	contracts[1] = f.haillan;
	build(&f, NULL, 2025, &d);
	rt = table(&d, "Demandes exceptionnelles");
	dt = table(&d, "Litiges");
	st = table(&d, "Synthèse");
	for (size_t k = 0; k < 2; k++) {
		struct request_filter flt;
		struct request *r;
		struct dispute *v;
		size_t n, nv, nd = 0, open = 0, l3 = 0;
		double cost = 0;
		char day[DATE_ISO_LEN];

		request_filter_init(&flt);
		flt.kind = REQUEST_EXCEPTIONAL;
		flt.from = "2025-01-01";
		flt.to = "2025-12-31";
		flt.sort = SORT_RECEIVED_ASC;
		cr_assert_eq(store_request_list(f.st, contracts[k], &flt, &r,
						&n, NULL, &e), 0, "%s", e.msg);
		for (size_t i = 0; i < n; i++, rrow++) {
			cr_expect_str_eq(txt(rt, rrow, 0), communes[k]);
			fr_day(r[i].received_at, day);
			cr_expect_str_eq(txt(rt, rrow, 1), day);
			cr_expect_str_eq(txt(rt, rrow, 2), r[i].object);
			cr_expect_str_eq(txt(rt, rrow, 3), or_dash(r[i].asked));
			cr_expect_str_eq(txt(rt, rrow, 5),
					 r[i].decision ? r[i].decision
						       : "en attente");
			cr_expect_str_eq(txt(rt, rrow, 6),
					 or_dash(r[i].decided_by));
			cr_expect_eq(at(rt, rrow, 8)->has_num, r[i].has_cost);
			if (r[i].has_cost) {
				cr_expect_eq(at(rt, rrow, 8)->num,
					     r[i].estimated_cost);
				cost += r[i].estimated_cost;
			}
			cr_expect_str_eq(txt(rt, rrow, 10),
				request_status_vocab[r[i].status].label);
		}
		/* the Synthèse row of the commune */
		cr_expect_str_eq(txt(st, k, 0), communes[k]);
		cr_expect_eq(at(st, k, 1)->num, (double)n);
		cr_expect_eq(at(st, k, 6)->num, cost);
		all_req += n;
		all_cost += cost;
		store_request_list_free(r, n);

		cr_assert_eq(store_dispute_list(f.st, contracts[k], false, NULL,
						&v, &nv, &e), 0, "%s", e.msg);
		/* newest first: walk back for oldest first */
		for (size_t i = nv; i-- > 0;) {
			if (strncmp(v[i].opened_on, "2025-", 5))
				continue;
			nd++;
			cr_expect_str_eq(txt(dt, drow, 0), communes[k]);
			fr_day(v[i].opened_on, day);
			cr_expect_str_eq(txt(dt, drow, 1), day);
			cr_expect_str_eq(txt(dt, drow, 2), v[i].object);
			cr_expect_str_eq(txt(dt, drow, 3),
				dispute_nature_vocab[v[i].nature].label);
			cr_expect_str_eq(txt(dt, drow, 4),
					 or_dash(v[i].domain_name));
			cr_expect_eq(txt(dt, drow, 5)[0],
				     '0' + v[i].state.level);
			cr_expect_str_eq(txt(dt, drow, 7),
					 v[i].closed_on ? "clos" : "en cours");
			if (v[i].closed_on) {
				fr_day(v[i].closed_on, day);
				cr_expect_str_eq(txt(dt, drow, 8), day);
				cr_expect_str_eq(txt(dt, drow, 9),
						 v[i].solution);
			} else {
				open++;
				cr_expect_str_eq(txt(dt, drow, 9),
						 summary_open_solution);
			}
			l3 += v[i].state.level == 3;
			drow++;
		}
		cr_expect_eq(at(st, k, 7)->num, (double)nd);
		cr_expect_eq(at(st, k, 12)->num, (double)l3);
		cr_expect_eq(at(st, k, 14)->num, (double)open);
		all_disp += nd;
		all_open += open;
		all_l3 += l3;
		store_dispute_list_free(v, nv);
	}
	cr_expect_eq(rt->n_rows, rrow);
	cr_expect_eq(dt->n_rows, drow);
	cr_expect_eq(all_req, 4);
	cr_expect_eq(all_disp, 3);
	cr_expect_eq(at(st, 2, 1)->num, (double)all_req);
	cr_expect_eq(at(st, 2, 6)->num, all_cost);
	cr_expect_eq(at(st, 2, 7)->num, (double)all_disp);
	cr_expect_eq(at(st, 2, 12)->num, (double)all_l3);
	cr_expect_eq(at(st, 2, 14)->num, (double)all_open);
	doc_release(&d);
	close_store(&f);
}

/* ------------------------------------------------------------------ */
/* The CSV of `suivi export summary`                                   */

Test(summary_csv, export_merges_every_commune_by_date, .timeout = 30)
{
	static const char want[] =
		"type,date,commune,objet,décision/solution,"
		"décidé par / niveau,coût estimé\r\n"
		"demande exceptionnelle,2025-01-01,Le Haillan,"
		"Sonorisation de la fête de la musique,"
		"Acceptée avec compensation,Adjoint au DGT,2500\r\n"
		"litige,2025-02-03,Le Haillan,"
		"Choix du logiciel de gestion des écoles,"
		"Le logiciel choisi par la commune est retenu ; la Métropole "
		"en assure l'hébergement,niveau 3 : le Maire et le Président "
		"(instruction du Maire),\r\n"
		"demande exceptionnelle,2025-03-03,Le Bouscat,"
		"\"Prêt de matériel pour le forum, de l'emploi\",Accord,DGS,0"
		"\r\n"
		"litige,2025-05-12,Le Haillan,"
		"Calendrier du renouvellement des postes,,"
		"niveau 2 : directeurs généraux,\r\n"
		"demande exceptionnelle,2025-06-10,Le Haillan,"
		"Ouverture du service le dimanche des élections,"
		"Refusée : hors des moyens du service,Adjoint au DGT,"
		"\"1200,5\"\r\n"
		/* the same day: the request first */
		"demande exceptionnelle,2025-12-31,Le Haillan,"
		"Écrans pour le conseil municipal,,,\r\n"
		"litige,2025-12-31,Le Bouscat,"
		"\"Coupure du réseau de la mairie, « en urgence »\","
		"Intervention reprogrammée un samedi,"
		"niveau 1 : autorités hiérarchiques,\r\n";
	struct fixture f;
	struct csv c;
	struct err e;
	char *path, *got;
	FILE *out;

	open_store(&f);
	path = t_path("summary.csv");
	cr_assert_not_null(out = fopen(path, "w"));
	csv_init(&c, out);
	cr_assert_eq(export_summary_csv(f.st, NULL, 2025, &c, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(fclose(out), 0);
	got = t_read(path, NULL);
	cr_assert_not_null(got);
	cr_expect_str_eq(got, want);
	free(got);

	/* one commune: its rows only */
	cr_assert_not_null(out = fopen(path, "w"));
	csv_init(&c, out);
	cr_assert_eq(export_summary_csv(f.st, f.bouscat, 2025, &c, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(fclose(out), 0);
	got = t_read(path, NULL);
	cr_expect_str_eq(got,
		"type,date,commune,objet,décision/solution,"
		"décidé par / niveau,coût estimé\r\n"
		"demande exceptionnelle,2025-03-03,Le Bouscat,"
		"\"Prêt de matériel pour le forum, de l'emploi\",Accord,DGS,0"
		"\r\n"
		"litige,2025-12-31,Le Bouscat,"
		"\"Coupure du réseau de la mairie, « en urgence »\","
		"Intervention reprogrammée un samedi,"
		"niveau 1 : autorités hiérarchiques,\r\n");
	free(got);
	free(path);
	close_store(&f);
}

/* A dispute on substance closed at level 3 without the Mayor's
 * instruction (a database from before article 4 was enforced): listed
 * with its solution, not counted as settled by the instruction, its row
 * says the instruction was not recorded. */
Test(summary, a_closure_without_the_mayors_instruction_does_not_count,
     .timeout = 30)
{
	struct fixture f;
	struct summary s;
	struct doc d;
	const struct doc_table *t;
	sqlite3 *db;
	char *sql;
	struct err e;

	open_store(&f);
	store_close(f.st);
	cr_assert_eq(sqlite3_open(f.db, &db), SQLITE_OK);
	sql = sqlite3_mprintf("UPDATE dispute SET mayor_instruction = NULL,"
			      " mayor_instruction_by = NULL,"
			      " mayor_instruction_on = NULL WHERE uid = %Q",
			      f.disp[D1]);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
	cr_assert_eq(store_open(f.db, STORE_WRITE, &f.st, &e), 0, "%s", e.msg);
	cr_assert_eq(summary_load(f.st, f.haillan, 2025, &s, &e), 0, "%s",
		     e.msg);
	cr_expect(!summary_mayor_final(&s.contracts[0].disputes[0]));
	cr_expect(store_dispute_instruction_missing(
		&s.contracts[0].disputes[0]));
	cr_expect_eq(s.totals.mayor_final, 0);
	cr_expect_eq(s.totals.by_level[2], 1, "level 3 reached all the same");
	cr_expect_eq(s.totals.closed, 1);
	summary_release(&s);
	build(&f, f.haillan, 2025, &d);
	t = table(&d, "Litiges");
	cr_expect_str_eq(at(t, 0, 5)->text, "non enregistrée");
	cr_expect_eq(at(t, 0, 5)->tone, TONE_MISSING);
	cr_expect_str_eq(at(t, 0, 8)->text, S_D1);
	t = table(&d, "Synthèse");
	cr_expect_str_eq(at(t, 12, 0)->text, "tranchés par l'instruction du "
			 "Maire (fond)");
	cr_expect_str_eq(at(t, 12, 1)->text, "0");
	doc_release(&d);
	close_store(&f);
}
