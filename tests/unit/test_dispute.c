/*
 * Disputes: the rules of article 4 without the database (src/core/
 * dispute.c) and the disputes in the database (src/store/dispute.c:
 * open, update, steps, close, links, history, lists, search, a year's),
 * on the bundled contracts of Le Haillan and Le Bouscat.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/contract_file.h"
#include "suivi/dispute.h"
#include "suivi/limits.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_request.h"

#define C OUTCOME_COMPROMISE
#define X OUTCOME_ESCALATED
#define D OUTCOME_DECIDED

/* ------------------------------------------------------------------ */
/* Rules                                                               */

Test(dispute, vocabularies_spell_codes_words_and_labels)
{
	static const char *const nature[][3] = {
		{ "programming", "programmation", "programmation des travaux" },
		{ "substance", "fond", "fond" },
	};
	static const char *const outcome[][3] = {
		{ "compromise", "compromis", "compromis trouvé" },
		{ "escalated", "escalade", "escalade au niveau suivant" },
		{ "decided", "decision", "décision prise" },
	};

	for (int i = 0; i < DISPUTE_NATURE_COUNT; i++) {
		cr_expect_str_eq(dispute_nature_vocab[i].db, nature[i][0]);
		cr_expect_str_eq(dispute_nature_vocab[i].file, nature[i][1]);
		cr_expect_str_eq(dispute_nature_vocab[i].label, nature[i][2]);
	}
	for (int i = 0; i < OUTCOME_COUNT; i++) {
		cr_expect_str_eq(step_outcome_vocab[i].db, outcome[i][0]);
		cr_expect_str_eq(step_outcome_vocab[i].file, outcome[i][1]);
		cr_expect_str_eq(step_outcome_vocab[i].label, outcome[i][2]);
	}
	cr_expect_str_eq(dispute_level_participants[0],
			 "Directeur général des services de la commune, "
			 "directeurs généraux adjoints, adjoint au directeur "
			 "général des territoires en charge du pôle "
			 "territorial");
	cr_expect_str_eq(dispute_level_participants[1],
			 "Les directeurs généraux");
	cr_expect_str_eq(dispute_level_participants[2],
			 "Le Maire et le Président");
	cr_expect_str_eq(dispute_level_name[2], "le Maire et le Président");
}

/* The steps before (outcomes, -1 ends), whether closed, then a step of
 * level/outcome: allowed (NULL) or refused with a reason containing
 * `why`. */
static const struct {
	int before[5];
	bool closed;
	int level;
	enum step_outcome outcome;
	const char *why;
} transitions[] = {
	/* a dispute just opened: level 1, any outcome */
	{ { -1 }, false, 1, C, NULL },
	{ { -1 }, false, 1, X, NULL },
	{ { -1 }, false, 1, D, NULL },
	{ { -1 }, false, 2, D, "aucun niveau n'est sauté" },
	{ { -1 }, false, 3, D, "le niveau 3 vient après le niveau 2" },
	{ { -1 }, false, 0, D, "va de 1 à 3" },
	{ { -1 }, false, 4, D, "pas de niveau au-dessus du 3" },
	{ { -1 }, false, 1, (enum step_outcome)7, "issue d'étape inconnue" },
	/* without escalation, steps repeat at the same level */
	{ { C, -1 }, false, 1, C, NULL },
	{ { C, D, -1 }, false, 1, X, NULL },
	{ { C, -1 }, false, 2, C, "le niveau 2 vient après une escalade" },
	/* after an escalation, the next level */
	{ { X, -1 }, false, 2, C, NULL },
	{ { X, -1 }, false, 2, X, NULL },
	{ { X, -1 }, false, 1, C, "on ne revient pas au niveau 1" },
	{ { X, -1 }, false, 3, C, "le niveau 3 vient après une escalade" },
	{ { X, C, -1 }, false, 2, D, NULL },
	{ { X, C, -1 }, false, 3, D, "aucun niveau n'est sauté" },
	{ { X, X, -1 }, false, 3, C, NULL },
	{ { X, X, -1 }, false, 3, D, NULL },
	{ { X, X, -1 }, false, 2, D, "on ne revient pas au niveau 2" },
	{ { X, X, -1 }, false, 1, D, "on ne revient pas au niveau 1" },
	/* nothing above 3 */
	{ { X, X, -1 }, false, 3, X, "pas de niveau au-dessus du 3" },
	{ { X, X, C, -1 }, false, 3, X, "pas de niveau au-dessus du 3" },
	{ { X, X, C, -1 }, false, 4, C, "pas de niveau au-dessus du 3" },
	/* a closed dispute refuses everything */
	{ { -1 }, true, 1, C, "le litige est clos" },
	{ { X, -1 }, true, 2, D, "le litige est clos" },
	{ { X, X, D, -1 }, true, 3, D, "le litige est clos" },
};

static struct dispute_state state_of(const int *before, bool closed)
{
	struct dispute_state s;

	dispute_state_init(&s);
	for (int i = 0; before[i] >= 0; i++)
		dispute_state_add(&s, (enum step_outcome)before[i]);
	s.closed = closed;
	return s;
}

Test(dispute, step_transitions_allowed_and_refused)
{
	for (size_t i = 0; i < sizeof transitions / sizeof *transitions; i++) {
		struct dispute_state s = state_of(transitions[i].before,
						  transitions[i].closed);
		const char *why = dispute_step_refusal(&s, transitions[i].level,
						       transitions[i].outcome);

		if (!transitions[i].why)
			cr_expect_null(why, "case %zu refused: %s", i, why);
		else
			cr_expect(why && strstr(why, transitions[i].why),
				  "case %zu: « %s », want « %s »", i,
				  why ? why : "(allowed)", transitions[i].why);
	}
}

Test(dispute, state_follows_the_steps)
{
	struct dispute_state s, z;

	dispute_state_init(&s);
	cr_expect_eq(s.level, 1);
	cr_expect_not(s.closed);
	cr_expect_not(s.last_outcome_set);
	cr_expect_eq(s.n_steps, 0);
	dispute_state_add(&s, C);
	cr_expect_eq(s.level, 1);
	dispute_state_add(&s, X);
	cr_expect_eq(s.level, 2);
	dispute_state_add(&s, D);
	cr_expect_eq(s.level, 2);
	dispute_state_add(&s, X);
	cr_expect_eq(s.level, 3);
	cr_expect_eq(s.n_steps, 4);
	cr_expect(s.last_outcome_set);
	cr_expect_eq(s.last_outcome, X);
	/* a zeroed state is a dispute just opened */
	memset(&z, 0, sizeof z);
	cr_expect_null(dispute_step_refusal(&z, 1, C));
	cr_expect_not_null(dispute_step_refusal(&z, 2, C));
}

static const struct {
	int before[5];
	bool closed;
	const char *solution;
	const char *why;
} closings[] = {
	/* no step: a compromise found informally */
	{ { -1 }, false, "Accord trouvé au téléphone", NULL },
	{ { C, -1 }, false, "Calendrier révisé", NULL },
	{ { D, -1 }, false, "Décision", NULL },
	{ { X, C, -1 }, false, "Solution des DG", NULL },
	{ { X, X, D, -1 }, false, "Instruction du Maire", NULL },
	{ { X, X, C, -1 }, false, "Accord", NULL },
	/* escalated and the next level not held */
	{ { X, -1 }, false, "Solution", "porté au niveau 2" },
	{ { X, C, X, -1 }, false, "Solution", "porté au niveau 3" },
	/* a solution is required */
	{ { D, -1 }, false, NULL, "solution arbitrée est obligatoire" },
	{ { D, -1 }, false, "", "solution arbitrée est obligatoire" },
	{ { D, -1 }, false, " \t\n ", "solution arbitrée est obligatoire" },
	{ { -1 }, false, NULL, "solution arbitrée est obligatoire" },
	/* once */
	{ { D, -1 }, true, "Encore", "déjà clos" },
	{ { -1 }, true, NULL, "déjà clos" },
};

Test(dispute, closing_rules)
{
	for (size_t i = 0; i < sizeof closings / sizeof *closings; i++) {
		struct dispute_state s = state_of(closings[i].before,
						  closings[i].closed);
		const char *why = dispute_close_refusal(&s,
							closings[i].solution);

		if (!closings[i].why)
			cr_expect_null(why, "case %zu refused: %s", i, why);
		else
			cr_expect(why && strstr(why, closings[i].why),
				  "case %zu: « %s », want « %s »", i,
				  why ? why : "(allowed)", closings[i].why);
	}
}

Test(dispute, mayor_final_on_substance_at_level_3_only)
{
	static const struct {
		enum dispute_nature nature;
		int level;
		bool want;
	} cases[] = {
		{ DISPUTE_SUBSTANCE, 3, true },
		{ DISPUTE_SUBSTANCE, 2, false },
		{ DISPUTE_SUBSTANCE, 1, false },
		{ DISPUTE_PROGRAMMING, 3, false },
		{ DISPUTE_PROGRAMMING, 1, false },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		cr_expect_eq(dispute_mayor_final(cases[i].nature,
						 cases[i].level),
			     cases[i].want, "case %zu", i);
}

/* ------------------------------------------------------------------ */
/* In the database                                                     */

struct fixture {
	struct store *st;
	char *db;
	char haillan[STORE_UID_LEN], bouscat[STORE_UID_LEN];
	char nsi[STORE_UID_LEN], bouscat_nsi[STORE_UID_LEN];
	char req[STORE_UID_LEN], other_req[STORE_UID_LEN];
};

static void add_request(struct fixture *f, const char *contract,
			const char *domain, const char *object,
			char uid[STORE_UID_LEN])
{
	struct request_input in = {
		.kind = REQUEST_ORDINARY, .form = "email", .nature = "demand",
		.domain_uid = domain, .object = object,
		.received_at = "2026-03-02T09:00",
	};
	struct err e;

	cr_assert_eq(store_request_add(f->st, contract, &in, uid, &e), 0,
		     "%s", e.msg);
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
	f->db = t_path("dispute.db");
	f->st = t_store_with("dispute.db", three_contracts);
	store_set_author(f->st, "Référent test");
	cr_assert_eq(store_contract_find(f->st, "Le Haillan", f->haillan, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_contract_find(f->st, "Le Bouscat", f->bouscat, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->haillan, "nsi", f->nsi, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_domain_uid(f->st, f->bouscat, "nsi",
				      f->bouscat_nsi, &e), 0, "%s", e.msg);
	add_request(f, f->haillan, f->nsi, "Écrans de l'école", f->req);
	add_request(f, f->bouscat, f->bouscat_nsi, "Serveur du Bouscat",
		    f->other_req);
}

static void close_store(struct fixture *f)
{
	store_close(f->st);
	free(f->db);
}

static void open_one(struct fixture *f, const char *contract,
		     const char *opened, const char *object,
		     enum dispute_nature nature, char uid[STORE_UID_LEN])
{
	struct dispute_input in = { .opened_on = opened, .object = object,
				    .nature = nature };
	struct err e;

	cr_assert_eq(store_dispute_open(f->st, contract, &in, uid, &e), 0,
		     "%s", e.msg);
}

static int step(struct fixture *f, const char *uid, const char *held,
		enum step_outcome o, struct err *e)
{
	struct step_input in = { .held_on = held, .outcome = o };

	return store_dispute_add_step(f->st, uid, &in, e);
}

#define REFUSED(call, e, want)                                              \
	do {                                                                \
		cr_expect_neq((call), 0, "accepted, want « %s »", want);    \
		cr_expect_eq((e).code, ERR_INPUT, "code %d: %s", (e).code,  \
			     (e).msg);                                      \
		cr_expect(strstr((e).msg, want), "« %s », want « %s »",     \
			  (e).msg, want);                                   \
	} while (0)

static size_t count_changes(struct fixture *f, const char *uid)
{
	struct store_change *h;
	size_t n;
	struct err e;

	cr_assert_eq(store_dispute_history(f->st, uid, &h, &n, &e), 0, "%s",
		     e.msg);
	store_changes_free(h, n);
	return n;
}

Test(store_dispute, open_and_read_back)
{
	struct fixture f;
	struct dispute_input in = {
		.opened_on = "12/03/2026", .object = "  Priorité des écoles  ",
		.nature = DISPUTE_SUBSTANCE,
	};
	struct dispute d;
	char uid[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	in.domain_uid = f.nsi;
	cr_assert_eq(store_dispute_open(f.st, f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_str_eq(d.uid, uid);
	cr_expect_str_eq(d.contract_uid, f.haillan);
	cr_expect_str_eq(d.opened_on, "2026-03-12");
	cr_expect_str_eq(d.object, "Priorité des écoles");
	cr_expect_eq(d.nature, DISPUTE_SUBSTANCE);
	cr_expect_str_eq(d.domain_uid, f.nsi);
	cr_expect_str_eq(d.domain_code, "nsi");
	cr_expect_null(d.solution);
	cr_expect_null(d.closed_on);
	cr_expect_str_eq(d.author, "Référent test");
	cr_expect_eq(d.state.level, 1);
	cr_expect_not(d.state.closed);
	cr_expect_eq(d.n_steps, 0);
	cr_expect_eq(d.n_requests, 0);
	store_dispute_release(&d);
	close_store(&f);
}

Test(store_dispute, open_refuses_bad_input)
{
	struct fixture f;
	struct dispute_input in = { .opened_on = "2026-03-12", .object = "x" };
	char uid[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	in.opened_on = NULL;
	REFUSED(store_dispute_open(f.st, f.haillan, &in, uid, &e), e,
		"date d'ouverture du litige est obligatoire");
	in.opened_on = "31/02/2026";
	REFUSED(store_dispute_open(f.st, f.haillan, &in, uid, &e), e,
		"illisible");
	in.opened_on = "2026-03-12";
	in.object = "   ";
	REFUSED(store_dispute_open(f.st, f.haillan, &in, uid, &e), e,
		"l'objet du litige est obligatoire");
	in.object = "x";
	in.nature = (enum dispute_nature)5;
	REFUSED(store_dispute_open(f.st, f.haillan, &in, uid, &e), e,
		"nature de litige inconnue");
	in.nature = DISPUTE_PROGRAMMING;
	in.domain_uid = f.bouscat_nsi;
	REFUSED(store_dispute_open(f.st, f.haillan, &in, uid, &e), e,
		"pas un domaine du contrat");
	in.domain_uid = NULL;
	in.like_uid = "0123";
	REFUSED(store_dispute_open(f.st, f.haillan, &in, uid, &e), e,
		"litige de référence est introuvable");
	in.like_uid = NULL;
	cr_expect_neq(store_dispute_open(f.st, "nope", &in, uid, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	{
		struct dispute *v;
		size_t n;

		cr_assert_eq(store_dispute_list(f.st, NULL, false, NULL, &v,
						&n, &e), 0, "%s", e.msg);
		cr_expect_eq(n, 0, "nothing written");
		store_dispute_list_free(v, n);
	}
	close_store(&f);
}

Test(store_dispute, update_changes_fields_and_records_before_after)
{
	struct fixture f;
	struct dispute_input in = { .opened_on = "2026-03-12",
				    .object = "Objet A" };
	struct store_change *h;
	struct dispute d;
	char uid[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_store(&f);
	cr_assert_eq(store_dispute_open(f.st, f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	in.object = "Objet B";
	in.nature = DISPUTE_SUBSTANCE;
	in.domain_uid = f.nsi;
	cr_assert_eq(store_dispute_update(f.st, uid, &in, &e), 0, "%s",
		     e.msg);
	/* the same again: nothing written */
	cr_assert_eq(store_dispute_update(f.st, uid, &in, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_str_eq(d.object, "Objet B");
	cr_expect_eq(d.nature, DISPUTE_SUBSTANCE);
	cr_expect_str_eq(d.domain_code, "nsi");
	store_dispute_release(&d);
	cr_assert_eq(store_dispute_history(f.st, uid, &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(h[0].what, "ouverture");
	cr_expect_null(h[0].before);
	cr_expect_str_eq(h[0].after, "ouvert le : 12/03/2026 · objet : "
			 "Objet A · nature : programmation des travaux");
	cr_expect_str_eq(h[1].what, "modification");
	cr_expect_str_eq(h[1].author, "Référent test");
	cr_expect_not_null(h[1].at);
	cr_expect_str_eq(h[1].before, "objet : Objet A · nature : "
			 "programmation des travaux · domaine : aucun");
	cr_expect(strstr(h[1].after, "objet : Objet B · nature : fond · "
			 "domaine : nsi ("), "%s", h[1].after);
	store_changes_free(h, n);
	close_store(&f);
}

Test(store_dispute, steps_through_levels_1_2_3_with_escalations)
{
	struct fixture f;
	struct dispute d;
	struct store_change *h;
	char uid[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Programmation d'été",
		 DISPUTE_SUBSTANCE, uid);
	cr_assert_eq(step(&f, uid, "05/03/2026", C, &e), 0, "%s", e.msg);
	cr_assert_eq(step(&f, uid, "2026-03-09", X, &e), 0, "%s", e.msg);
	cr_assert_eq(step(&f, uid, "2026-03-20", X, &e), 0, "%s", e.msg);
	/* the same day as the previous step is not before it */
	cr_assert_eq(step(&f, uid, "2026-03-20", D, &e), 0, "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_steps, 4);
	cr_expect_eq(d.steps[0].level, 1);
	cr_expect_str_eq(d.steps[0].held_on, "2026-03-05");
	cr_expect_eq(d.steps[1].level, 1);
	cr_expect_eq(d.steps[2].level, 2);
	cr_expect_eq(d.steps[3].level, 3);
	cr_expect_eq(d.steps[3].outcome, D);
	cr_expect_str_eq(d.steps[0].participants,
			 dispute_level_participants[0]);
	cr_expect_str_eq(d.steps[3].participants, "Le Maire et le Président");
	cr_expect_not(d.steps[2].mayor_final);
	cr_expect(d.steps[3].mayor_final);
	cr_expect_eq(d.state.level, 3);
	cr_expect_eq(d.state.n_steps, 4);
	cr_expect_eq(d.state.last_outcome, D);
	store_dispute_release(&d);
	cr_assert_eq(store_dispute_history(f.st, uid, &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 5);
	cr_expect_str_eq(h[1].what, "étape");
	cr_expect_str_eq(h[1].before, "en cours · niveau 1 · aucune étape");
	cr_expect_str_eq(h[1].after, "niveau 1 · 05/03/2026 · compromis "
			 "trouvé · participants : Directeur général des "
			 "services de la commune, directeurs généraux "
			 "adjoints, adjoint au directeur général des "
			 "territoires en charge du pôle territorial");
	cr_expect_str_eq(h[3].before, "en cours · niveau 2 · 2 étapes · "
			 "dernière issue : escalade au niveau suivant");
	cr_expect_str_eq(h[3].after, "niveau 2 · 20/03/2026 · escalade au "
			 "niveau suivant · participants : Les directeurs "
			 "généraux");
	cr_expect(strstr(h[4].after, "niveau 3 · 20/03/2026 · décision prise"
			 " · participants : Le Maire et le Président · "
			 "instruction du Maire"), "%s", h[4].after);
	store_changes_free(h, n);
	close_store(&f);
}

Test(store_dispute, step_keeps_participants_positions_and_notes)
{
	struct fixture f;
	struct step_input in = {
		.held_on = "2026-03-05", .participants = " DGS ; DGA ",
		.positions = "La commune veut juillet", .notes = "Tendu",
		.outcome = C,
	};
	struct dispute d;
	char uid[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Objet", DISPUTE_PROGRAMMING,
		 uid);
	cr_assert_eq(store_dispute_add_step(f.st, uid, &in, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_steps, 1);
	cr_expect_str_eq(d.steps[0].participants, "DGS ; DGA");
	cr_expect_str_eq(d.steps[0].positions, "La commune veut juillet");
	cr_expect_str_eq(d.steps[0].notes, "Tendu");
	cr_expect_str_eq(d.steps[0].author, "Référent test");
	store_dispute_release(&d);
	close_store(&f);
}

Test(store_dispute, step_refusals_write_nothing)
{
	struct fixture f;
	struct step_input in = { .held_on = "2026-03-10", .outcome = C };
	char uid[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Objet", DISPUTE_PROGRAMMING,
		 uid);
	/* a skip: the form says level 2, the dispute is at 1 */
	in.level = 2;
	REFUSED(store_dispute_add_step(f.st, uid, &in, &e), e,
		"aucun niveau n'est sauté");
	in.level = 0;
	REFUSED(step(&f, uid, "2026-03-01", C, &e), e,
		"précède l'ouverture du litige (02/03/2026)");
	REFUSED(step(&f, uid, NULL, C, &e), e, "obligatoire");
	REFUSED(step(&f, uid, "demain", C, &e), e, "illisible");
	cr_assert_eq(step(&f, uid, "2026-03-10", X, &e), 0, "%s", e.msg);
	REFUSED(step(&f, uid, "2026-03-09", C, &e), e,
		"précède l'étape précédente (10/03/2026)");
	cr_assert_eq(step(&f, uid, "2026-03-11", X, &e), 0, "%s", e.msg);
	/* above 3 */
	REFUSED(step(&f, uid, "2026-03-12", X, &e), e,
		"pas de niveau au-dessus du 3");
	cr_assert_eq(step(&f, uid, "2026-03-12", D, &e), 0, "%s", e.msg);
	cr_expect_neq(step(&f, "nope", "2026-03-12", D, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_eq(count_changes(&f, uid), 4);
	close_store(&f);
}

Test(store_dispute, close_requires_solution_and_refuses_after)
{
	struct fixture f;
	struct dispute_input in = { .opened_on = "2026-03-02",
				    .object = "Objet" };
	struct store_change *h;
	struct dispute d;
	char uid[STORE_UID_LEN], other[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Objet", DISPUTE_PROGRAMMING,
		 uid);
	cr_assert_eq(step(&f, uid, "2026-03-05", X, &e), 0, "%s", e.msg);
	REFUSED(store_dispute_close(f.st, uid, "2026-03-20", "Accord", &e), e,
		"porté au niveau 2");
	cr_assert_eq(step(&f, uid, "2026-03-10", C, &e), 0, "%s", e.msg);
	REFUSED(store_dispute_close(f.st, uid, "2026-03-20", "  ", &e), e,
		"solution arbitrée est obligatoire");
	REFUSED(store_dispute_close(f.st, uid, "2026-03-09", "Accord", &e), e,
		"précède la dernière étape d'arbitrage (10/03/2026)");
	cr_assert_eq(store_dispute_close(f.st, uid, "20/03/2026",
					 " Calendrier révisé ", &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_str_eq(d.closed_on, "2026-03-20");
	cr_expect_str_eq(d.solution, "Calendrier révisé");
	cr_expect(d.state.closed);
	cr_expect_eq(d.state.level, 2);
	store_dispute_release(&d);
	/* a closed dispute refuses everything */
	REFUSED(step(&f, uid, "2026-03-21", C, &e), e, "le litige est clos");
	REFUSED(store_dispute_close(f.st, uid, NULL, "Encore", &e), e,
		"déjà clos");
	REFUSED(store_dispute_update(f.st, uid, &in, &e), e,
		"le litige est clos");
	REFUSED(store_dispute_link(f.st, uid, f.req, true, &e), e,
		"le litige est clos");
	cr_assert_eq(store_dispute_history(f.st, uid, &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 4);
	cr_expect_str_eq(h[3].what, "clôture");
	cr_expect_str_eq(h[3].before, "en cours · niveau 2 · 2 étapes · "
			 "dernière issue : compromis trouvé");
	cr_expect_str_eq(h[3].after, "clos le 20/03/2026 · solution : "
			 "Calendrier révisé");
	store_changes_free(h, n);
	/* without any step (a compromise found informally), today */
	open_one(&f, f.haillan, "2026-03-02", "Autre", DISPUTE_PROGRAMMING,
		 other);
	REFUSED(store_dispute_close(f.st, other, "2026-03-01", "Accord", &e),
		e, "précède l'ouverture du litige");
	cr_assert_eq(store_dispute_close(f.st, other, NULL, "Accord", &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, other, &d, &e), 0, "%s", e.msg);
	cr_expect_not_null(d.closed_on);
	cr_expect_eq(d.state.n_steps, 0);
	store_dispute_release(&d);
	close_store(&f);
}

Test(store_dispute, link_and_unlink_requests_of_the_same_contract)
{
	struct fixture f;
	struct store_change *h;
	struct dispute d;
	struct dispute *v;
	char uid[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Objet", DISPUTE_PROGRAMMING,
		 uid);
	cr_assert_eq(store_dispute_link(f.st, uid, f.req, true, &e), 0, "%s",
		     e.msg);
	REFUSED(store_dispute_link(f.st, uid, f.req, true, &e), e,
		"déjà liée");
	REFUSED(store_dispute_link(f.st, uid, f.other_req, true, &e), e,
		"d'un autre contrat");
	cr_expect_neq(store_dispute_link(f.st, uid, "nope", true, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_requests, 1);
	cr_expect_str_eq(d.request_uids[0], f.req);
	cr_expect_eq(d.n_linked, 1);
	store_dispute_release(&d);
	cr_assert_eq(store_dispute_list(f.st, f.haillan, false, NULL, &v, &n,
					&e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_eq(v[0].n_linked, 1);
	cr_expect_null(v[0].request_uids);
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_link(f.st, uid, f.req, false, &e), 0, "%s",
		     e.msg);
	REFUSED(store_dispute_link(f.st, uid, f.req, false, &e), e,
		"n'est pas liée");
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_eq(d.n_requests, 0);
	store_dispute_release(&d);
	cr_assert_eq(store_dispute_history(f.st, uid, &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(h[1].what, "lien");
	cr_expect_null(h[1].before);
	cr_expect_str_eq(h[1].after, "saisine du 02/03/2026 : Écrans de "
			 "l'école");
	cr_expect_str_eq(h[2].what, "lien");
	cr_expect_str_eq(h[2].before, h[1].after);
	cr_expect_null(h[2].after);
	store_changes_free(h, n);
	close_store(&f);
}

/* The objects listed, in order, compared with want (NULL ends). */
static void expect_objects(struct dispute *v, size_t n,
			   const char *const *want)
{
	size_t i;

	for (i = 0; want[i]; i++) {
		cr_assert_lt(i, n, "%zu rows, want more", n);
		cr_expect_str_eq(v[i].object, want[i], "row %zu", i);
	}
	cr_expect_eq(i, n, "%zu rows, want %zu", n, i);
}

#define OBJECTS(v, n, ...)                                                  \
	expect_objects(v, n, (const char *const[]){ __VA_ARGS__, NULL })

struct several {
	struct fixture f;
	char a[STORE_UID_LEN], b[STORE_UID_LEN], c[STORE_UID_LEN],
	     other[STORE_UID_LEN];
};

/* Le Haillan: a (2025, closed), b (2026, open), c (2026, closed);
 * Le Bouscat: other (2026, closed). */
static void open_several(struct several *s)
{
	struct fixture *f = &s->f;
	struct err e;

	open_store(f);
	open_one(f, f->haillan, "2025-06-01", "Éclairage du STADE",
		 DISPUTE_PROGRAMMING, s->a);
	open_one(f, f->haillan, "2026-02-01", "Calendrier des écoles",
		 DISPUTE_SUBSTANCE, s->b);
	open_one(f, f->haillan, "2026-04-01", "Licences bureautiques",
		 DISPUTE_PROGRAMMING, s->c);
	open_one(f, f->bouscat, "2026-01-15", "Serveurs du Bouscat",
		 DISPUTE_PROGRAMMING, s->other);
	cr_assert_eq(store_dispute_close(f->st, s->a, "2025-07-01",
					 "Coût partagé à parts égales", &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_dispute_close(f->st, s->c, "2026-04-20",
					 "Renfort ponctuel « été »", &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_close(f->st, s->other, "2026-05-01",
					 "Coût pris en charge", &e), 0, "%s",
		     e.msg);
}

Test(store_dispute, list_newest_first_and_open_only)
{
	struct several s;
	struct dispute *v;
	size_t n;
	struct err e;

	open_several(&s);
	cr_assert_eq(store_dispute_list(s.f.st, s.f.haillan, false, NULL, &v,
					&n, &e), 0, "%s", e.msg);
	OBJECTS(v, n, "Licences bureautiques", "Calendrier des écoles",
		"Éclairage du STADE");
	cr_expect(v[0].state.closed);
	cr_expect_null(v[0].steps);
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_list(s.f.st, s.f.haillan, true, NULL, &v,
					&n, &e), 0, "%s", e.msg);
	OBJECTS(v, n, "Calendrier des écoles");
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_list(s.f.st, NULL, false, NULL, &v, &n,
					&e), 0, "%s", e.msg);
	OBJECTS(v, n, "Licences bureautiques", "Calendrier des écoles",
		"Serveurs du Bouscat", "Éclairage du STADE");
	store_dispute_list_free(v, n);
	close_store(&s.f);
}

Test(store_dispute, solutions_search_ignores_accents_and_case_and_prefixes)
{
	struct several s;
	struct dispute *v;
	size_t n;
	struct err e;

	open_several(&s);
	cr_assert_eq(store_dispute_solutions(s.f.st, s.f.haillan, NULL, &v,
					     &n, &e), 0, "%s", e.msg);
	OBJECTS(v, n, "Licences bureautiques", "Éclairage du STADE");
	store_dispute_list_free(v, n);
	/* accents and case, in the object */
	cr_assert_eq(store_dispute_solutions(s.f.st, s.f.haillan, "ECLAIRAGE",
					     &v, &n, &e), 0, "%s", e.msg);
	OBJECTS(v, n, "Éclairage du STADE");
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_solutions(s.f.st, s.f.haillan, "stade",
					     &v, &n, &e), 0, "%s", e.msg);
	OBJECTS(v, n, "Éclairage du STADE");
	store_dispute_list_free(v, n);
	/* a prefix, in the solution; every contract */
	cr_assert_eq(store_dispute_solutions(s.f.st, NULL, "coû", &v, &n,
					     &e), 0, "%s", e.msg);
	OBJECTS(v, n, "Serveurs du Bouscat", "Éclairage du STADE");
	store_dispute_list_free(v, n);
	/* two words: both */
	cr_assert_eq(store_dispute_solutions(s.f.st, NULL, "cout egal", &v,
					     &n, &e), 0, "%s", e.msg);
	OBJECTS(v, n, "Éclairage du STADE");
	store_dispute_list_free(v, n);
	/* an open dispute is no solution, but the list finds it */
	cr_assert_eq(store_dispute_solutions(s.f.st, NULL, "calendrier", &v,
					     &n, &e), 0, "%s", e.msg);
	cr_expect_eq(n, 0);
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_list(s.f.st, s.f.haillan, false,
					"CALENDRIER", &v, &n, &e), 0, "%s",
		     e.msg);
	OBJECTS(v, n, "Calendrier des écoles");
	store_dispute_list_free(v, n);
	/* an update is searched at once */
	{
		struct dispute_input in = { .opened_on = "2026-02-01",
					    .object = "Horaires du gymnase",
					    .nature = DISPUTE_SUBSTANCE };

		cr_assert_eq(store_dispute_update(s.f.st, s.b, &in, &e), 0,
			     "%s", e.msg);
		cr_assert_eq(store_dispute_list(s.f.st, NULL, false,
						"gymnase", &v, &n, &e), 0,
			     "%s", e.msg);
		OBJECTS(v, n, "Horaires du gymnase");
		store_dispute_list_free(v, n);
		cr_assert_eq(store_dispute_list(s.f.st, NULL, false,
						"calendrier", &v, &n, &e), 0,
			     "%s", e.msg);
		cr_expect_eq(n, 0);
		store_dispute_list_free(v, n);
	}
	close_store(&s.f);
}

Test(store_dispute, search_survives_fts_syntax)
{
	static const char *const inputs[] = {
		"\"", "*", "été\"", "\"renfort", "coût*", "NOT", "a OR b",
		"object:stade", "(", ")", "^", "-", "NEAR(a b)", "« été »",
		"'", "   ",
	};
	struct several s;
	struct dispute *v;
	size_t n;
	struct err e;

	open_several(&s);
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		cr_expect_eq(store_dispute_solutions(s.f.st, NULL, inputs[i],
						     &v, &n, &e), 0,
			     "« %s »: %s", inputs[i], e.msg);
		store_dispute_list_free(v, n);
		cr_expect_eq(store_dispute_list(s.f.st, s.f.haillan, true,
						inputs[i], &v, &n, &e), 0,
			     "« %s »: %s", inputs[i], e.msg);
		store_dispute_list_free(v, n);
	}
	/* a quote inside a word is a character of the word */
	cr_assert_eq(store_dispute_solutions(s.f.st, NULL, "\"renfort", &v,
					     &n, &e), 0, "%s", e.msg);
	OBJECTS(v, n, "Licences bureautiques");
	store_dispute_list_free(v, n);
	/* blank text: no filter */
	cr_assert_eq(store_dispute_solutions(s.f.st, NULL, "   ", &v, &n, &e),
		     0, "%s", e.msg);
	cr_expect_eq(n, 3);
	store_dispute_list_free(v, n);
	close_store(&s.f);
}

Test(store_dispute, like_a_past_dispute)
{
	struct several s;
	struct dispute_input in = { .opened_on = "2026-05-01",
				    .object = "Éclairage du gymnase" };
	struct dispute d;
	struct store_change *h;
	char uid[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_several(&s);
	in.like_uid = s.a;
	cr_assert_eq(store_dispute_open(s.f.st, s.f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_get(s.f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_str_eq(d.like_uid, s.a);
	cr_expect_str_eq(d.like_object, "Éclairage du STADE");
	store_dispute_release(&d);
	cr_assert_eq(store_dispute_history(s.f.st, uid, &h, &n, &e), 0);
	cr_assert_eq(n, 1);
	cr_expect(strstr(h[0].after, " · comme : Éclairage du STADE"), "%s",
		  h[0].after);
	store_changes_free(h, n);
	/* itself, a later one */
	in.like_uid = uid;
	REFUSED(store_dispute_update(s.f.st, uid, &in, &e), e,
		"comme lui-même");
	in.like_uid = s.c;
	in.opened_on = "2026-03-01";
	REFUSED(store_dispute_update(s.f.st, uid, &in, &e), e,
		"postérieur à celui-ci");
	close_store(&s.f);
}

Test(store_dispute, update_refuses_an_opening_after_the_first_step)
{
	struct fixture f;
	struct dispute_input in = { .opened_on = "2026-03-06",
				    .object = "Objet" };
	char uid[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Objet", DISPUTE_PROGRAMMING,
		 uid);
	cr_assert_eq(step(&f, uid, "2026-03-05", C, &e), 0, "%s", e.msg);
	REFUSED(store_dispute_update(f.st, uid, &in, &e), e,
		"suit la première étape d'arbitrage (05/03/2026)");
	in.opened_on = "2026-03-05";
	cr_expect_eq(store_dispute_update(f.st, uid, &in, &e), 0, "%s",
		     e.msg);
	cr_expect_neq(store_dispute_update(f.st, "nope", &in, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	close_store(&f);
}

Test(store_dispute, year_lists_the_disputes_opened_in_it)
{
	struct several s;
	struct dispute *v;
	size_t n;
	struct err e;

	open_several(&s);
	cr_assert_eq(store_dispute_year(s.f.st, NULL, 2026, &v, &n, &e), 0,
		     "%s", e.msg);
	OBJECTS(v, n, "Serveurs du Bouscat", "Calendrier des écoles",
		"Licences bureautiques");
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_year(s.f.st, s.f.haillan, 2026, &v, &n, &e),
		     0, "%s", e.msg);
	OBJECTS(v, n, "Calendrier des écoles", "Licences bureautiques");
	cr_expect_str_eq(v[1].solution, "Renfort ponctuel « été »");
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_year(s.f.st, s.f.haillan, 2025, &v, &n, &e),
		     0, "%s", e.msg);
	OBJECTS(v, n, "Éclairage du STADE");
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_year(s.f.st, NULL, 0, &v, &n, &e), 0);
	cr_expect_eq(n, 4);
	store_dispute_list_free(v, n);
	cr_expect_neq(store_dispute_year(s.f.st, NULL, 99, &v, &n, &e), 0);
	cr_expect_eq(e.code, ERR_INPUT);
	close_store(&s.f);
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

/* A writer with its own SQL (the benchmark generator): the triggers
 * mark, the next search indexes; the state comes from the steps. */
Test(store_dispute, rows_written_with_raw_sql)
{
	struct fixture f;
	struct dispute *v;
	size_t n;
	char *sql = NULL;
	struct err e;

	open_store(&f);
	store_close(f.st);
	cr_assert(asprintf(&sql,
		"INSERT INTO dispute (uid, contract_uid, opened_on, object,"
		" nature, author, created_at) VALUES ('d1', '%s',"
		" '2026-01-05', 'Câblage du gymnase', 'substance', 'x', 'now');"
		"INSERT INTO arbitration_step (uid, dispute_uid, level,"
		" held_on, outcome, author, created_at) VALUES"
		" ('s1', 'd1', 1, '2026-01-06', 'escalated', 'x', 'now'),"
		" ('s2', 'd1', 2, '2026-01-07', 'escalated', 'x', 'now');",
		f.haillan) > 0);
	raw_sql(f.db, sql);
	free(sql);
	cr_assert_eq(store_open(f.db, STORE_WRITE, &f.st, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_list(f.st, NULL, true, "cablage", &v, &n,
					&e), 0, "%s", e.msg);
	OBJECTS(v, n, "Câblage du gymnase");
	cr_expect_eq(v[0].state.level, 3);
	cr_expect_eq(v[0].state.n_steps, 2);
	store_dispute_list_free(v, n);
	cr_expect_eq(count_changes(&f, "d1"), 0);
	cr_assert_eq(step(&f, "d1", "2026-01-08", D, &e), 0, "%s", e.msg);
	close_store(&f);
}

/* Disputes written before the index existed (schema 4) are found. */
Test(store_dispute, migration_indexes_existing_disputes)
{
	char *p = t_path("v4.db");
	struct store *st;
	struct dispute *v;
	size_t n;
	char contract[STORE_UID_LEN];
	char *sql = NULL;
	struct err e;

	cr_assert_eq(store_open_at_version(p, 4, &st, &e), 0, "%s", e.msg);
	t_import(st, "share/suivi/contrats/le-haillan.ini");
	cr_assert_eq(store_contract_find(st, "Le Haillan", contract, &e), 0);
	store_close(st);
	cr_assert(asprintf(&sql,
		"INSERT INTO dispute (uid, contract_uid, opened_on, object,"
		" nature, solution, closed_on, author, created_at) VALUES"
		" ('d1', '%s', '2020-01-05', 'Écoles', 'programming',"
		" 'Renfort d''été', '2020-02-01', 'x', 'now');", contract) > 0);
	raw_sql(p, sql);
	free(sql);
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema_version(st), store_schema_latest());
	cr_assert_eq(store_dispute_solutions(st, NULL, "ete", &v, &n, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0].uid, "d1");
	store_dispute_list_free(v, n);
	store_close(st);
	free(p);
}

/* ------------------------------------------------------------------ */
/* Correcting what was recorded                                        */

Test(dispute, replay_accepts_the_rules_and_names_the_first_refused_step)
{
	const struct step_rule ok[] = { { 1, C }, { 1, X }, { 2, X },
					{ 3, D } };
	const struct step_rule skip[] = { { 1, X }, { 3, D } };
	const struct step_rule back[] = { { 1, X }, { 2, C }, { 1, C } };
	struct dispute_state s;
	size_t bad = 99;
	const char *why;

	cr_assert_null(dispute_replay(ok, 4, &s, &bad));
	cr_expect_eq(s.level, 3);
	cr_expect_eq(s.n_steps, 4);
	cr_expect_not(s.closed);
	cr_expect_eq(s.last_outcome, D);
	cr_expect_null(dispute_replay(NULL, 0, &s, NULL));
	cr_expect_eq(s.level, 1);
	why = dispute_replay(skip, 2, NULL, &bad);
	cr_expect(why && strstr(why, "aucun niveau n'est sauté"), "%s", why);
	cr_expect_eq(bad, 1);
	why = dispute_replay(back, 3, NULL, &bad);
	cr_expect(why && strstr(why, "on ne revient pas au niveau 1"), "%s",
		  why);
	cr_expect_eq(bad, 2);
}

/* The uid of step i of a dispute (in order). */
static void step_uid(struct fixture *f, const char *dispute, size_t i,
		     char out[STORE_UID_LEN])
{
	struct dispute d;
	struct err e;

	cr_assert_eq(store_dispute_get(f->st, dispute, &d, &e), 0, "%s",
		     e.msg);
	cr_assert_lt(i, d.n_steps);
	memcpy(out, d.steps[i].uid, STORE_UID_LEN);
	store_dispute_release(&d);
}

/* The last history row of a dispute, as what / before / after /
 * reason; the caller frees with store_changes_free(h, n). */
static struct store_change *last_change(struct fixture *f, const char *uid,
					  struct store_change **h,
					  size_t *n)
{
	struct err e;

	cr_assert_eq(store_dispute_history(f->st, uid, h, n, &e), 0, "%s",
		     e.msg);
	cr_assert_gt(*n, 0);
	return &(*h)[*n - 1];
}

Test(store_dispute, step_update_keeps_before_after_and_the_optional_reason)
{
	struct fixture f;
	struct step_input in = { .held_on = "06/03/2026", .outcome = C,
				 .positions = "La commune veut l'été",
				 .notes = "  Relevé signé  " };
	struct store_change *h, *c;
	struct dispute d;
	char uid[STORE_UID_LEN], s0[STORE_UID_LEN];
	size_t n, before;
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Programmation d'été",
		 DISPUTE_PROGRAMMING, uid);
	cr_assert_eq(step(&f, uid, "2026-03-05", C, &e), 0, "%s", e.msg);
	cr_assert_eq(step(&f, uid, "2026-03-09", X, &e), 0, "%s", e.msg);
	step_uid(&f, uid, 0, s0);
	cr_assert_eq(store_dispute_update_step(f.st, s0, &in, NULL, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_steps, 2);
	cr_expect_str_eq(d.steps[0].uid, s0);
	cr_expect_str_eq(d.steps[0].held_on, "2026-03-06");
	cr_expect_eq(d.steps[0].level, 1);
	cr_expect_str_eq(d.steps[0].notes, "Relevé signé");
	cr_expect_str_eq(d.steps[0].participants,
			 dispute_level_participants[0]);
	cr_expect_str_eq(d.steps[0].author, "Référent test");
	cr_expect_eq(d.state.level, 2, "the state follows the steps");
	store_dispute_release(&d);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->what, "étape modifiée");
	cr_expect_str_eq(c->author, "Référent test");
	cr_expect_not_null(c->at);
	cr_expect(strstr(c->before, "niveau 1 · 05/03/2026 · compromis "
			 "trouvé · participants : "), "%s", c->before);
	cr_expect_null(strstr(c->before, "notes"));
	cr_expect(strstr(c->after, "niveau 1 · 06/03/2026 · compromis trouvé"
			 " · participants : "), "%s", c->after);
	cr_expect(strstr(c->after, " · positions : La commune veut l'été · "
			 "notes : Relevé signé"), "%s", c->after);
	cr_expect_null(c->reason, "an open dispute needs no reason");
	before = n;
	store_changes_free(h, n);
	/* the same again writes nothing; a reason given is kept */
	cr_assert_eq(store_dispute_update_step(f.st, s0, &in, NULL, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(count_changes(&f, uid), before);
	in.notes = "Relevé signé par les deux";
	cr_assert_eq(store_dispute_update_step(f.st, s0, &in, "  coquille ",
					       &e), 0, "%s", e.msg);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->reason, "coquille");
	store_changes_free(h, n);
	cr_expect_neq(store_dispute_update_step(f.st, "nope", &in, NULL, &e),
		      0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	close_store(&f);
}

Test(store_dispute, step_update_that_breaks_escalation_writes_nothing)
{
	struct fixture f;
	struct step_input in = { .held_on = "2026-03-05", .outcome = C };
	struct dispute d;
	char uid[STORE_UID_LEN], s0[STORE_UID_LEN], s1[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Calendrier", DISPUTE_SUBSTANCE,
		 uid);
	cr_assert_eq(step(&f, uid, "2026-03-05", X, &e), 0, "%s", e.msg);
	cr_assert_eq(step(&f, uid, "2026-03-20", C, &e), 0, "%s", e.msg);
	step_uid(&f, uid, 0, s0);
	step_uid(&f, uid, 1, s1);
	n = count_changes(&f, uid);
	/* no escalation any more: the level-2 step would come after a
	 * compromise at level 1 */
	REFUSED(store_dispute_update_step(f.st, s0, &in, NULL, &e), e,
		"après ce changement, l'étape du 20/03/2026 (niveau 2) ne "
		"suivrait plus les règles : aucun niveau n'est sauté");
	/* moved before the escalation, the level-2 step comes first */
	in.held_on = "2026-03-04";
	in.outcome = C;
	REFUSED(store_dispute_update_step(f.st, s1, &in, NULL, &e), e,
		"aucun niveau n'est sauté");
	/* a level that is not the one the sequence has there */
	in.held_on = "2026-03-20";
	in.level = 3;
	REFUSED(store_dispute_update_step(f.st, s1, &in, NULL, &e), e,
		"aucun niveau n'est sauté");
	/* before the opening */
	in.level = 0;
	in.held_on = "2026-03-01";
	REFUSED(store_dispute_update_step(f.st, s0, &in, NULL, &e), e,
		"l'étape d'arbitrage (01/03/2026) précède l'ouverture du "
		"litige (02/03/2026)");
	/* a text over its limit */
	in.held_on = "2026-03-20";
	in.notes = "bip\a";
	REFUSED(store_dispute_update_step(f.st, s1, &in, NULL, &e), e,
		"notes : caractère de contrôle refusé");
	cr_expect_eq(count_changes(&f, uid), n, "no history row");
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_str_eq(d.steps[0].held_on, "2026-03-05");
	cr_expect_eq(d.steps[0].outcome, X);
	cr_expect_str_eq(d.steps[1].held_on, "2026-03-20");
	cr_expect_eq(d.steps[1].level, 2);
	cr_expect_null(d.steps[1].notes);
	store_dispute_release(&d);
	/* the level-2 step escalated in turn: allowed, the state moves on */
	in.notes = NULL;
	in.outcome = X;
	cr_assert_eq(store_dispute_update_step(f.st, s1, &in, NULL, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_eq(d.state.level, 3);
	store_dispute_release(&d);
	close_store(&f);
}

Test(store_dispute, delete_of_a_step_a_later_one_depends_on_is_refused)
{
	struct fixture f;
	struct store_change *h, *c;
	struct dispute d;
	char uid[STORE_UID_LEN], s1[STORE_UID_LEN], s2[STORE_UID_LEN];
	size_t n, before;
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Horaires", DISPUTE_SUBSTANCE,
		 uid);
	cr_assert_eq(step(&f, uid, "2026-03-05", X, &e), 0, "%s", e.msg);
	cr_assert_eq(step(&f, uid, "2026-03-10", X, &e), 0, "%s", e.msg);
	cr_assert_eq(step(&f, uid, "2026-03-20", D, &e), 0, "%s", e.msg);
	step_uid(&f, uid, 1, s1);
	step_uid(&f, uid, 2, s2);
	before = count_changes(&f, uid);
	REFUSED(store_dispute_delete_step(f.st, s1, NULL, &e), e,
		"après ce changement, l'étape du 20/03/2026 (niveau 3) ne "
		"suivrait plus les règles : aucun niveau n'est sauté");
	cr_expect_eq(count_changes(&f, uid), before);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_eq(d.n_steps, 3, "nothing deleted");
	store_dispute_release(&d);
	/* the last one, then the middle one: nothing depends on them */
	cr_assert_eq(store_dispute_delete_step(f.st, s2, NULL, &e), 0, "%s",
		     e.msg);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->what, "étape supprimée");
	cr_expect(strstr(c->before, "niveau 3 · 20/03/2026 · décision prise"),
		  "%s", c->before);
	cr_expect(strstr(c->before, "instruction du Maire"), "%s", c->before);
	cr_expect_null(c->after);
	store_changes_free(h, n);
	cr_assert_eq(store_dispute_delete_step(f.st, s1, NULL, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_eq(d.n_steps, 1);
	cr_expect_eq(d.state.level, 2);
	store_dispute_release(&d);
	cr_expect_neq(store_dispute_delete_step(f.st, s1, NULL, &e), 0);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	close_store(&f);
}

Test(store_dispute, a_closed_dispute_asks_the_reason_of_every_correction)
{
	struct fixture f;
	struct step_input in = { .held_on = "2026-03-06", .outcome = D };
	struct store_change *h, *c;
	struct dispute d;
	char uid[STORE_UID_LEN], s0[STORE_UID_LEN], s1[STORE_UID_LEN];
	size_t n, before;
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Réseau", DISPUTE_PROGRAMMING,
		 uid);
	cr_assert_eq(step(&f, uid, "2026-03-05", X, &e), 0, "%s", e.msg);
	cr_assert_eq(step(&f, uid, "2026-03-12", D, &e), 0, "%s", e.msg);
	cr_assert_eq(store_dispute_close(f.st, uid, "25/03/2026", "Accord",
					 &e), 0, "%s", e.msg);
	step_uid(&f, uid, 0, s0);
	step_uid(&f, uid, 1, s1);
	before = count_changes(&f, uid);
	in.held_on = "2026-03-13";
	REFUSED(store_dispute_update_step(f.st, s1, &in, NULL, &e), e,
		"le litige est clos depuis le 25/03/2026 : donnez la raison "
		"du changement");
	REFUSED(store_dispute_update_step(f.st, s1, &in, " \t ", &e), e,
		"donnez la raison du changement");
	REFUSED(store_dispute_delete_step(f.st, s1, NULL, &e), e,
		"le litige est clos depuis le 25/03/2026");
	REFUSED(store_dispute_update_closure(f.st, uid, NULL, "Autre", NULL,
					     &e), e, "donnez la raison");
	REFUSED(store_dispute_reopen(f.st, uid, "", &e), e,
		"donnez la raison");
	/* after the closure */
	in.held_on = "2026-03-26";
	REFUSED(store_dispute_update_step(f.st, s1, &in, "date", &e), e,
		"l'étape d'arbitrage (26/03/2026) suit la clôture du litige "
		"(25/03/2026)");
	/* the closure would follow an escalation not held */
	in.held_on = "2026-03-12";
	in.outcome = X;
	REFUSED(store_dispute_update_step(f.st, s1, &in, "issue", &e), e,
		"après ce changement, le litige ne pourrait plus être clos : "
		"le litige a été porté au niveau 3");
	/* removing the level-2 step: closed right after an escalation */
	REFUSED(store_dispute_delete_step(f.st, s1, "doublon", &e), e,
		"le litige ne pourrait plus être clos");
	cr_expect_eq(count_changes(&f, uid), before, "nothing written");
	/* with a reason */
	in.outcome = C;
	in.held_on = "13/03/2026";
	cr_assert_eq(store_dispute_update_step(f.st, s1, &in,
		"Le compte rendu dit le 13", &e), 0, "%s", e.msg);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->what, "étape modifiée");
	cr_expect_str_eq(c->reason, "Le compte rendu dit le 13");
	cr_expect(strstr(c->after, "niveau 2 · 13/03/2026 · compromis trouvé"),
		  "%s", c->after);
	store_changes_free(h, n);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect(d.state.closed, "still closed");
	cr_expect_str_eq(d.solution, "Accord");
	store_dispute_release(&d);
	/* a step still refused on a closed dispute: adding one */
	REFUSED(step(&f, uid, "2026-03-20", C, &e), e, "le litige est clos");
	(void)s0;
	close_store(&f);
}

Test(store_dispute, closure_corrected_then_reopened)
{
	struct fixture f;
	struct store_change *h, *c;
	struct dispute d, *v;
	char uid[STORE_UID_LEN];
	size_t n, before;
	struct err e;

	open_store(&f);
	open_one(&f, f.haillan, "2026-03-02", "Badges", DISPUTE_PROGRAMMING,
		 uid);
	cr_assert_eq(step(&f, uid, "2026-03-12", D, &e), 0, "%s", e.msg);
	REFUSED(store_dispute_update_closure(f.st, uid, NULL, "x", "r", &e), e,
		"le litige n'est pas clos");
	REFUSED(store_dispute_reopen(f.st, uid, "r", &e), e,
		"le litige n'est pas clos");
	cr_assert_eq(store_dispute_close(f.st, uid, "25/03/2026",
					 "Badges livrés en avril", &e), 0,
		     "%s", e.msg);
	before = count_changes(&f, uid);
	REFUSED(store_dispute_update_closure(f.st, uid, "2026-03-10", "x",
					     "r", &e), e,
		"la clôture (10/03/2026) précède la dernière étape "
		"d'arbitrage (12/03/2026)");
	REFUSED(store_dispute_update_closure(f.st, uid, NULL, "  ", "r", &e),
		e, "la solution arbitrée est obligatoire");
	REFUSED(store_dispute_update_closure(f.st, uid, "2026-02-30", "x",
					     "r", &e), e, "illisible");
	/* nothing changes: nothing written */
	cr_assert_eq(store_dispute_update_closure(f.st, uid, NULL,
		"Badges livrés en avril", "r", &e), 0, "%s", e.msg);
	cr_expect_eq(count_changes(&f, uid), before);
	cr_assert_eq(store_dispute_update_closure(f.st, uid, "28/03/2026",
		"Badges livrés en mai", "Date du relevé", &e), 0, "%s", e.msg);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->what, "clôture modifiée");
	cr_expect_str_eq(c->before, "clos le : 25/03/2026 · solution : Badges "
			 "livrés en avril");
	cr_expect_str_eq(c->after, "clos le : 28/03/2026 · solution : Badges "
			 "livrés en mai");
	cr_expect_str_eq(c->reason, "Date du relevé");
	store_changes_free(h, n);
	/* the search follows the solution */
	cr_assert_eq(store_dispute_solutions(f.st, NULL, "mai", &v, &n, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(n, 1);
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_solutions(f.st, NULL, "avril", &v, &n, &e),
		     0, "%s", e.msg);
	cr_expect_eq(n, 0);
	store_dispute_list_free(v, n);

	cr_assert_eq(store_dispute_reopen(f.st, uid, "Les badges ne marchent"
					  " pas", &e), 0, "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_null(d.closed_on);
	cr_expect_null(d.solution);
	cr_expect_not(d.state.closed);
	cr_expect_eq(d.n_steps, 1);
	store_dispute_release(&d);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->what, "réouverture");
	cr_expect_str_eq(c->before, "clos le 28/03/2026 · solution : Badges "
			 "livrés en mai");
	cr_expect_str_eq(c->after, "en cours · niveau 1 · 1 étape · dernière "
			 "issue : décision prise");
	cr_expect_str_eq(c->reason, "Les badges ne marchent pas");
	store_changes_free(h, n);
	/* no longer an arbitrated solution, nor found by its words */
	cr_assert_eq(store_dispute_solutions(f.st, NULL, NULL, &v, &n, &e), 0,
		     "%s", e.msg);
	cr_expect_eq(n, 0);
	store_dispute_list_free(v, n);
	cr_assert_eq(store_dispute_list(f.st, NULL, true, "mai", &v, &n, &e),
		     0, "%s", e.msg);
	cr_expect_eq(n, 0);
	store_dispute_list_free(v, n);
	/* open again: steps, then a closure */
	cr_assert_eq(step(&f, uid, "2026-04-02", C, &e), 0, "%s", e.msg);
	cr_assert_eq(store_dispute_close(f.st, uid, "2026-04-03", "Remplacés",
					 &e), 0, "%s", e.msg);
	close_store(&f);
}

/* A dispute's object of len bytes of 'a'. */
static char *long_text(size_t len)
{
	char *s = malloc(len + 1);

	cr_assert_not_null(s);
	memset(s, 'a', len);
	s[len] = '\0';
	return s;
}

Test(store_dispute, texts_up_to_the_long_limit)
{
	struct fixture f;
	struct dispute_input in = { .opened_on = "2026-03-02" };
	struct dispute *v;
	struct dispute d;
	char uid[STORE_UID_LEN];
	char *big = long_text(TEXT_LONG_MAX + 1);
	size_t n;
	struct err e;

	open_store(&f);
	in.object = big;
	REFUSED(store_dispute_open(f.st, f.haillan, &in, uid, &e), e,
		"objet : texte trop long (1048577 octets, 1 Mio");
	cr_expect(strstr(e.msg, "1 de trop"), "%s", e.msg);
	cr_assert_eq(store_dispute_list(f.st, NULL, false, NULL, &v, &n, &e),
		     0, "%s", e.msg);
	cr_expect_eq(n, 0, "nothing written");
	store_dispute_list_free(v, n);
	big[TEXT_LONG_MAX] = '\0';
	cr_assert_eq(store_dispute_open(f.st, f.haillan, &in, uid, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_eq(strlen(d.object), TEXT_LONG_MAX);
	store_dispute_release(&d);
	/* the solution too, and a line break is fine in it */
	big[TEXT_LONG_MAX] = 'a';
	REFUSED(store_dispute_close(f.st, uid, "2026-03-03", big, &e), e,
		"solution arbitrée : texte trop long");
	cr_expect_eq(store_dispute_close(f.st, uid, "2026-03-03", "l1\nl2",
					 &e), 0, "%s", e.msg);
	free(big);
	close_store(&f);
}

/* A database of schema 6 keeps its dispute history through migration
 * 7 (the table is rebuilt), in order, and gains the reason. */
Test(store_dispute, migration_7_keeps_the_dispute_history)
{
	char *p = t_path("v6.db");
	struct store *st;
	struct store_change *h;
	char contract[STORE_UID_LEN], s1[STORE_UID_LEN];
	struct step_input in = { .held_on = "2026-01-06", .outcome = D,
				 .notes = "corrigé" };
	struct dispute d;
	char *sql = NULL;
	size_t n;
	struct err e;

	cr_assert_eq(store_open_at_version(p, 6, &st, &e), 0, "%s", e.msg);
	t_import(st, "share/suivi/contrats/le-haillan.ini");
	cr_assert_eq(store_contract_find(st, "Le Haillan", contract, &e), 0);
	store_close(st);
	cr_assert(asprintf(&sql,
		"INSERT INTO dispute (uid, contract_uid, opened_on, object,"
		" nature, solution, closed_on, author, created_at) VALUES"
		" ('d1', '%s', '2026-01-05', 'Écoles', 'programming',"
		" 'Renfort', '2026-02-01', 'x', 'now');"
		"INSERT INTO arbitration_step (uid, dispute_uid, level,"
		" held_on, outcome, author, created_at) VALUES"
		" ('s1', 'd1', 1, '2026-01-06', 'decided', 'x', 'now');"
		"INSERT INTO dispute_change (uid, dispute_uid, what, author,"
		" at, before, after) VALUES"
		" ('c1', 'd1', 'open', 'Alice', '2026-01-05T10:00:00Z', NULL,"
		" 'objet : Écoles'),"
		" ('c2', 'd1', 'step', 'Alice', '2026-01-06T10:00:00Z',"
		" 'en cours', 'niveau 1'),"
		" ('c3', 'd1', 'close', 'Bob', '2026-01-06T10:00:00Z',"
		" 'en cours', 'clos le 01/02/2026');", contract) > 0);
	raw_sql(p, sql);
	free(sql);
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema_version(st), store_schema_latest());
	cr_assert_geq(store_schema_latest(), 7);
	cr_assert_eq(store_dispute_history(st, "d1", &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(h[0].what, "ouverture");
	cr_expect_str_eq(h[0].author, "Alice");
	cr_expect_str_eq(h[0].after, "objet : Écoles");
	cr_expect_str_eq(h[1].what, "étape", "same time: in their order");
	cr_expect_str_eq(h[2].what, "clôture");
	cr_expect_str_eq(h[2].author, "Bob");
	for (size_t i = 0; i < n; i++)
		cr_expect_null(h[i].reason);
	store_changes_free(h, n);
	/* the new kinds are accepted by the rebuilt table */
	store_set_author(st, "Référent test");
	memcpy(s1, "s1", 3);
	cr_assert_eq(store_dispute_update_step(st, s1, &in, "relu", &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_reopen(st, "d1", "rouvert", &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_history(st, "d1", &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 5);
	cr_expect_str_eq(h[3].what, "étape modifiée");
	cr_expect_str_eq(h[3].reason, "relu");
	cr_expect_str_eq(h[4].what, "réouverture");
	store_changes_free(h, n);
	cr_assert_eq(store_dispute_get(st, "d1", &d, &e), 0, "%s", e.msg);
	cr_expect_not(d.state.closed);
	store_dispute_release(&d);
	store_close(st);
	free(p);
}

/* ------------------------------------------------------------------ */
/* Article 4, enforced (issue 16): « en cas de divergence sur le fond,
 * les instructions du Maire sont appliquées en dernière instance »    */

Test(dispute, instruction_refusal_names_what_is_missing)
{
	static const struct {
		enum dispute_nature nature;
		int level;
		bool text, by, on;
		const char *want;	/* NULL: allowed */
	} cases[] = {
		{ DISPUTE_SUBSTANCE, 3, true, true, true, NULL },
		{ DISPUTE_SUBSTANCE, 3, false, false, false,
		  "sur le fond, au niveau 3 (le Maire et le Président), le "
		  "litige ne se clôt qu'avec l'instruction du Maire : il manque "
		  "son texte, qui l'a donnée et sa date" },
		{ DISPUTE_SUBSTANCE, 3, true, false, false,
		  "il manque qui l'a donnée et sa date" },
		{ DISPUTE_SUBSTANCE, 3, true, true, false,
		  "il manque sa date" },
		{ DISPUTE_SUBSTANCE, 3, false, true, true,
		  "il manque son texte" },
		{ DISPUTE_SUBSTANCE, 3, true, false, true,
		  "il manque qui l'a donnée" },
		{ DISPUTE_SUBSTANCE, 3, false, false, true,
		  "il manque son texte et qui l'a donnée" },
		{ DISPUTE_SUBSTANCE, 3, false, true, false,
		  "il manque son texte et sa date" },
		{ DISPUTE_SUBSTANCE, 2, false, false, false, NULL },
		{ DISPUTE_SUBSTANCE, 2, true, true, true,
		  "seul un litige sur le fond clos au niveau 3 (le Maire et le "
		  "Président) porte l'instruction du Maire" },
		{ DISPUTE_PROGRAMMING, 3, false, false, false, NULL },
		{ DISPUTE_PROGRAMMING, 3, false, true, false,
		  "seul un litige sur le fond" },
		{ DISPUTE_PROGRAMMING, 1, false, false, false, NULL },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *why = dispute_instruction_refusal(
			cases[i].nature, cases[i].level, cases[i].text,
			cases[i].by, cases[i].on);

		if (!cases[i].want)
			cr_expect_null(why, "case %zu: « %s »", i, why);
		else
			cr_expect(why && strstr(why, cases[i].want),
				  "case %zu: « %s », want « %s »", i,
				  why ? why : "(null)", cases[i].want);
	}
}

/* A dispute on substance taken to level 3: held on 10/03, 20/03 and
 * (level 3) 01/04/2026, the last one decided. */
static void at_level_3(struct fixture *f, enum dispute_nature nature,
		       char uid[STORE_UID_LEN])
{
	struct err e;

	open_one(f, f->haillan, "2026-03-02", "Choix du logiciel des écoles",
		 nature, uid);
	cr_assert_eq(step(f, uid, "2026-03-10", X, &e), 0, "%s", e.msg);
	cr_assert_eq(step(f, uid, "2026-03-20", X, &e), 0, "%s", e.msg);
	cr_assert_eq(step(f, uid, "2026-04-01", D, &e), 0, "%s", e.msg);
}

Test(store_dispute, substance_closes_at_level_3_only_with_the_mayors_instruction)
{
	struct fixture f;
	struct instruction_input mi = { NULL, NULL, NULL };
	struct store_change *h, *c;
	struct dispute d;
	char uid[STORE_UID_LEN], *big;
	size_t n, before;
	struct err e;

	open_store(&f);
	at_level_3(&f, DISPUTE_SUBSTANCE, uid);
	before = count_changes(&f, uid);
	REFUSED(store_dispute_close(f.st, uid, "2026-04-05", "Logiciel "
				    "retenu", &e), e,
		"le litige ne se clôt qu'avec l'instruction du Maire : il manque "
		"son texte, qui l'a donnée et sa date");
	REFUSED(store_dispute_close_with(f.st, uid, "2026-04-05", "Logiciel "
					 "retenu", &mi, &e), e,
		"il manque son texte, qui l'a donnée et sa date");
	mi.text = "  Retenir le logiciel de la commune  ";
	REFUSED(store_dispute_close_with(f.st, uid, "2026-04-05", "Logiciel "
					 "retenu", &mi, &e), e,
		"il manque qui l'a donnée et sa date");
	mi.by = "M. le Maire";
	mi.on = "   ";
	REFUSED(store_dispute_close_with(f.st, uid, "2026-04-05", "Logiciel "
					 "retenu", &mi, &e), e,
		"il manque sa date");
	mi.on = "31/02/2026";
	REFUSED(store_dispute_close_with(f.st, uid, "2026-04-05", "Logiciel "
					 "retenu", &mi, &e), e,
		"date de l'instruction du Maire illisible : « 31/02/2026 »");
	/* its date: not before the level-3 step, not after the closure */
	mi.on = "2026-03-31";
	REFUSED(store_dispute_close_with(f.st, uid, "2026-04-05", "Logiciel "
					 "retenu", &mi, &e), e,
		"l'instruction du Maire (31/03/2026) précède la première étape "
		"au niveau 3 (01/04/2026)");
	mi.on = "06/04/2026";
	REFUSED(store_dispute_close_with(f.st, uid, "2026-04-05", "Logiciel "
					 "retenu", &mi, &e), e,
		"l'instruction du Maire (06/04/2026) suit la clôture du litige "
		"(05/04/2026)");
	/* its texts: the limits of limits.h */
	mi.on = "02/04/2026";
	mi.by = "M. le\nMaire";
	REFUSED(store_dispute_close_with(f.st, uid, "2026-04-05", "Logiciel "
					 "retenu", &mi, &e), e,
		"donnée par : pas de retour à la ligne");
	mi.by = "M. le Maire";
	big = malloc(TEXT_LONG_MAX + 2);
	cr_assert_not_null(big);
	memset(big, 'i', TEXT_LONG_MAX + 1);
	big[TEXT_LONG_MAX + 1] = '\0';
	mi.text = big;
	REFUSED(store_dispute_close_with(f.st, uid, "2026-04-05", "Logiciel "
					 "retenu", &mi, &e), e,
		"instruction du Maire : texte trop long");
	free(big);
	cr_expect_eq(count_changes(&f, uid), before, "nothing written");
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect(!d.state.closed);
	store_dispute_release(&d);

	mi.text = "  Retenir le logiciel de la commune  ";
	cr_assert_eq(store_dispute_close_with(f.st, uid, "2026-04-05",
					      "Logiciel retenu", &mi, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect(d.state.closed);
	cr_expect_str_eq(d.instruction, "Retenir le logiciel de la commune");
	cr_expect_str_eq(d.instruction_by, "M. le Maire");
	cr_expect_str_eq(d.instruction_on, "2026-04-02");
	cr_expect(store_dispute_has_instruction(&d));
	cr_expect(!store_dispute_instruction_missing(&d));
	store_dispute_release(&d);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->what, "clôture");
	cr_expect_str_eq(c->after, "clos le 05/04/2026 · solution : Logiciel "
			 "retenu · instruction du Maire : Retenir le logiciel "
			 "de la commune · donnée par : M. le Maire · donnée le : "
			 "02/04/2026");
	store_changes_free(h, n);
	close_store(&f);
}

Test(store_dispute, no_other_dispute_takes_the_mayors_instruction)
{
	struct fixture f;
	struct instruction_input mi = { "Instruction", "M. le Maire",
					"2026-04-02" };
	struct dispute d;
	char prog[STORE_UID_LEN], sub[STORE_UID_LEN];
	struct err e;

	open_store(&f);
	/* programming, at level 3: the President and the Mayor find a
	 * solution; no instruction prevails */
	at_level_3(&f, DISPUTE_PROGRAMMING, prog);
	REFUSED(store_dispute_close_with(f.st, prog, "2026-04-05", "Accord",
					 &mi, &e), e,
		"seul un litige sur le fond clos au niveau 3 (le Maire et le "
		"Président) porte l'instruction du Maire");
	cr_assert_eq(store_dispute_close(f.st, prog, "2026-04-05", "Accord",
					 &e), 0, "%s", e.msg);
	/* substance, settled at level 2 */
	open_one(&f, f.haillan, "2026-03-02", "Priorité", DISPUTE_SUBSTANCE,
		 sub);
	cr_assert_eq(step(&f, sub, "2026-03-10", X, &e), 0, "%s", e.msg);
	cr_assert_eq(step(&f, sub, "2026-03-20", C, &e), 0, "%s", e.msg);
	mi.on = "2026-03-20";
	REFUSED(store_dispute_close_with(f.st, sub, "2026-03-25", "Accord",
					 &mi, &e), e, "seul un litige sur le fond");
	cr_assert_eq(store_dispute_close_with(f.st, sub, "2026-03-25",
					      "Accord", NULL, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_dispute_get(f.st, sub, &d, &e), 0, "%s", e.msg);
	cr_expect_null(d.instruction);
	cr_expect(!store_dispute_has_instruction(&d));
	cr_expect(!store_dispute_instruction_missing(&d));
	store_dispute_release(&d);
	/* a correction of its closure cannot add one either */
	REFUSED(store_dispute_update_closure_with(f.st, sub, NULL, "Accord",
						  &mi, "relu", &e), e,
		"seul un litige sur le fond");
	close_store(&f);
}

Test(store_dispute, closure_corrected_with_the_instruction_then_reopened)
{
	struct fixture f;
	struct instruction_input mi = { "Retenir le logiciel", "M. le Maire",
					"2026-04-02" };
	struct store_change *h, *c;
	struct dispute d;
	char uid[STORE_UID_LEN], s3[STORE_UID_LEN];
	struct step_input in = { .held_on = "2026-04-03", .outcome = D };
	size_t n, before;
	struct err e;

	open_store(&f);
	at_level_3(&f, DISPUTE_SUBSTANCE, uid);
	cr_assert_eq(store_dispute_close_with(f.st, uid, "2026-04-05",
					      "Logiciel retenu", &mi, &e), 0,
		     "%s", e.msg);
	before = count_changes(&f, uid);
	/* the instruction kept (NULL) or given again the same: nothing */
	cr_assert_eq(store_dispute_update_closure(f.st, uid, NULL,
		"Logiciel retenu", "r", &e), 0, "%s", e.msg);
	cr_assert_eq(store_dispute_update_closure_with(f.st, uid, NULL,
		"Logiciel retenu", &mi, "r", &e), 0, "%s", e.msg);
	cr_expect_eq(count_changes(&f, uid), before);
	/* a correction must keep it whole, dated within the arbitration */
	mi.by = " ";
	REFUSED(store_dispute_update_closure_with(f.st, uid, NULL,
		"Logiciel retenu", &mi, "r", &e), e,
		"il manque qui l'a donnée");
	mi.by = "Mme la Maire";
	REFUSED(store_dispute_update_closure_with(f.st, uid, "2026-04-01",
		"Logiciel retenu", &mi, "r", &e), e,
		"l'instruction du Maire (02/04/2026) suit la clôture du litige "
		"(01/04/2026)");
	REFUSED(store_dispute_update_closure_with(f.st, uid, NULL,
		"Logiciel retenu", &mi, NULL, &e), e,
		"donnez la raison du changement");
	cr_expect_eq(count_changes(&f, uid), before, "nothing written");
	mi.on = "03/04/2026";
	cr_assert_eq(store_dispute_update_closure_with(f.st, uid, NULL,
		"Logiciel retenu", &mi, "la Maire a signé le 3", &e), 0, "%s",
		e.msg);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->what, "clôture modifiée");
	cr_expect_str_eq(c->before, "donnée par : M. le Maire · donnée le : "
			 "02/04/2026");
	cr_expect_str_eq(c->after, "donnée par : Mme la Maire · donnée le : "
			 "03/04/2026");
	cr_expect_str_eq(c->reason, "la Maire a signé le 3");
	store_changes_free(h, n);

	/* a step moved after the instruction is refused */
	step_uid(&f, uid, 2, s3);
	in.held_on = "2026-04-04";
	REFUSED(store_dispute_update_step(f.st, s3, &in, "relu", &e), e,
		"après ce changement, l'instruction du Maire (03/04/2026) "
		"précéderait la première étape au niveau 3 (04/04/2026)");
	in.held_on = "2026-04-03";
	cr_assert_eq(store_dispute_update_step(f.st, s3, &in, "relu", &e), 0,
		     "%s", e.msg);

	/* reopened: the instruction goes with the closure */
	cr_assert_eq(store_dispute_reopen(f.st, uid, "nouvel élément", &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_expect_null(d.instruction);
	cr_expect_null(d.instruction_by);
	cr_expect_null(d.instruction_on);
	store_dispute_release(&d);
	c = last_change(&f, uid, &h, &n);
	cr_expect_str_eq(c->what, "réouverture");
	cr_expect_str_eq(c->before, "clos le 05/04/2026 · solution : Logiciel "
			 "retenu · instruction du Maire : Retenir le logiciel · "
			 "donnée par : Mme la Maire · donnée le : 03/04/2026");
	store_changes_free(h, n);
	/* closing again needs it again */
	REFUSED(store_dispute_close(f.st, uid, "2026-04-10", "Logiciel retenu",
				    &e), e, "il manque son texte");
	close_store(&f);
}

/* A database of schema 8 with a dispute on substance closed at level 3
 * (nothing asked for the instruction then): readable, listed, not
 * counted as settled by the Mayor's instruction; its closure corrected
 * takes it. */
Test(store_dispute, migration_9_keeps_closures_without_the_instruction)
{
	char *p = t_path("v8.db");
	struct store *st;
	struct dispute d, *v;
	struct store_change *h;
	struct instruction_input mi = { "Retenir le logiciel", "M. le Maire",
					"2026-04-01" };
	char contract[STORE_UID_LEN];
	char *sql = NULL;
	size_t n;
	struct err e;

	cr_assert_eq(store_open_at_version(p, 8, &st, &e), 0, "%s", e.msg);
	t_import(st, "share/suivi/contrats/le-haillan.ini");
	cr_assert_eq(store_contract_find(st, "Le Haillan", contract, &e), 0);
	store_close(st);
	cr_assert(asprintf(&sql,
		"INSERT INTO dispute (uid, contract_uid, opened_on, object,"
		" nature, solution, closed_on, author, created_at) VALUES"
		" ('d1', '%s', '2026-03-02', 'Logiciel', 'substance',"
		" 'Logiciel retenu', '2026-04-05', 'x', 'now');"
		"INSERT INTO arbitration_step (uid, dispute_uid, level,"
		" held_on, outcome, author, created_at) VALUES"
		" ('s1', 'd1', 1, '2026-03-10', 'escalated', 'x', 'now'),"
		" ('s2', 'd1', 2, '2026-03-20', 'escalated', 'x', 'now'),"
		" ('s3', 'd1', 3, '2026-04-01', 'decided', 'x', 'now');",
		contract) > 0);
	raw_sql(p, sql);
	free(sql);
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema_version(st), store_schema_latest());
	store_set_author(st, "Référent test");
	cr_assert_eq(store_dispute_get(st, "d1", &d, &e), 0, "%s", e.msg);
	cr_expect(d.state.closed);
	cr_expect_eq(d.state.level, 3);
	cr_expect_null(d.instruction);
	cr_expect(!store_dispute_has_instruction(&d));
	cr_expect(store_dispute_instruction_missing(&d));
	store_dispute_release(&d);
	cr_assert_eq(store_dispute_solutions(st, NULL, "logiciel", &v, &n, &e),
		     0, "%s", e.msg);
	cr_expect_eq(n, 1, "still an arbitrated solution");
	store_dispute_list_free(v, n);
	/* a correction of its closure asks for the instruction */
	REFUSED(store_dispute_update_closure(st, "d1", NULL, "Logiciel "
					     "retenu, hébergé", "r", &e), e,
		"il manque son texte, qui l'a donnée et sa date");
	cr_assert_eq(store_dispute_update_closure_with(st, "d1", NULL,
		"Logiciel retenu", &mi, "instruction retrouvée", &e), 0, "%s",
		e.msg);
	cr_assert_eq(store_dispute_get(st, "d1", &d, &e), 0, "%s", e.msg);
	cr_expect(store_dispute_has_instruction(&d));
	store_dispute_release(&d);
	cr_assert_eq(store_dispute_history(st, "d1", &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(h[0].before, "instruction du Maire : (vide) · donnée "
			 "par : (vide) · donnée le : (vide)");
	cr_expect_str_eq(h[0].after, "instruction du Maire : Retenir le "
			 "logiciel · donnée par : M. le Maire · donnée le : "
			 "01/04/2026");
	store_changes_free(h, n);
	store_close(st);
	free(p);
}

/* Issue 17, 8: the clock goes back between two steps of the same day
 * (set back by hand, or by a time server): the steps and the history
 * stay in the order written, and the state is the last step's. */
Test(store_dispute, clock_going_back_keeps_steps_and_history_in_order)
{
	struct fixture f;
	struct dispute d;
	struct store_change *h;
	char uid[STORE_UID_LEN];
	size_t n;
	struct err e;

	open_store(&f);
	setenv("SUIVI_NOW", "2026-03-20T10:00:00Z", 1);
	open_one(&f, f.haillan, "2026-03-02", "Programmation d'été",
		 DISPUTE_PROGRAMMING, uid);
	cr_assert_eq(step(&f, uid, "2026-03-20", X, &e), 0, "%s", e.msg);
	setenv("SUIVI_NOW", "2026-03-20T09:00:00Z", 1);	/* an hour back */
	cr_assert_eq(step(&f, uid, "2026-03-20", C, &e), 0, "%s", e.msg);
	unsetenv("SUIVI_NOW");
	cr_assert_eq(store_dispute_get(f.st, uid, &d, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_steps, 2);
	cr_expect_eq(d.steps[0].level, 1);
	cr_expect_eq(d.steps[0].outcome, X);
	cr_expect_eq(d.steps[1].level, 2, "the escalation came first");
	cr_expect_eq(d.steps[1].outcome, C);
	cr_expect_eq(d.state.level, 2);
	cr_expect_eq(d.state.last_outcome, C);
	store_dispute_release(&d);
	cr_assert_eq(store_dispute_history(f.st, uid, &h, &n, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(h[0].what, "ouverture");
	cr_expect(strstr(h[1].after, "niveau 1 · 20/03/2026 · escalade"),
		  "%s", h[1].after);
	cr_expect(strstr(h[2].after, "niveau 2 · 20/03/2026 · compromis"),
		  "%s", h[2].after);
	cr_expect_str_eq(h[2].at, "2026-03-20T09:00:00Z", "stamp as recorded");
	store_changes_free(h, n);
	close_store(&f);
}
