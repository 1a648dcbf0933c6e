/*
 * The état récapitulatif annuel (summary.h): gathered through the store
 * API, then laid out as a doc.
 */
#include "suivi/summary.h"

#include "suivi/date.h"
#include "suivi/number.h"
#include "suivi/store_contract.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char summary_open_solution[] =
	"Litige en cours : pas encore de solution arbitrée";

/* ------------------------------------------------------------------ */
/* Gathering                                                           */

/* How decisions read, on the folded text (text_fold), by prefix. */
static const struct {
	const char *prefix;
	enum summary_decision reads;
} decision_words[] = {
	{ "accept", DECISION_ACCEPTED },
	{ "accord", DECISION_ACCEPTED },
	{ "favorable", DECISION_ACCEPTED },
	{ "avis favorable", DECISION_ACCEPTED },
	{ "refus", DECISION_REFUSED },
	{ "rejet", DECISION_REFUSED },
	{ "defavorable", DECISION_REFUSED },
	{ "avis defavorable", DECISION_REFUSED },
};


enum summary_decision summary_decision_of(const struct request *r)
{
	enum summary_decision reads = DECISION_OTHER;
	const char *p;
	char *folded;

	if (text_blank(r->decision))
		return DECISION_NONE;
	folded = text_fold(r->decision);
	for (p = folded; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
	     p++)
		;
	for (size_t i = 0; i < sizeof decision_words / sizeof *decision_words;
	     i++)
		if (text_starts_with(p, decision_words[i].prefix)) {
			reads = decision_words[i].reads;
			break;
		}
	free(folded);
	return reads;
}

/* Closed at level 3 on substance (a closed dispute's last step was held
 * at its level, dispute_close_refusal, so level 3 was held) with the
 * Mayor's instruction recorded: one closed before article 4 was enforced
 * has none, and does not count. */
bool summary_mayor_final(const struct dispute *d)
{
	return d->state.closed &&
	       dispute_mayor_final(d->nature, d->state.level) &&
	       store_dispute_has_instruction(d);
}

static void count_request(struct summary_totals *t, const struct request *r)
{
	enum summary_decision reads = summary_decision_of(r);

	t->requests++;
	if (reads != DECISION_NONE)
		t->decided++;
	if (reads == DECISION_ACCEPTED)
		t->accepted++;
	if (reads == DECISION_REFUSED)
		t->refused++;
	if (r->status == REQ_CANCELLED)
		t->cancelled++;
	if (r->has_cost) {
		t->with_cost++;
		t->cost += r->estimated_cost;
	}
}

static void count_dispute(struct summary_totals *t, const struct dispute *d)
{
	int level = d->state.level;

	t->disputes++;
	if ((int)d->nature >= 0 && d->nature < DISPUTE_NATURE_COUNT)
		t->by_nature[d->nature]++;
	if (level >= 1 && level <= ARBITRATION_LEVELS)
		t->by_level[level - 1]++;
	if (summary_mayor_final(d))
		t->mayor_final++;
	if (d->state.closed)
		t->closed++;
	else
		t->open++;
}

static void add_totals(struct summary_totals *to,
		       const struct summary_totals *t)
{
	to->requests += t->requests;
	to->decided += t->decided;
	to->accepted += t->accepted;
	to->refused += t->refused;
	to->cancelled += t->cancelled;
	to->with_cost += t->with_cost;
	to->cost += t->cost;
	to->disputes += t->disputes;
	for (int i = 0; i < DISPUTE_NATURE_COUNT; i++)
		to->by_nature[i] += t->by_nature[i];
	for (int i = 0; i < ARBITRATION_LEVELS; i++)
		to->by_level[i] += t->by_level[i];
	to->mayor_final += t->mayor_final;
	to->open += t->open;
	to->closed += t->closed;
}

static struct summary_contract *contract_in(struct summary *s,
					     const char *uid)
{
	for (size_t i = 0; i < s->n_contracts; i++)
		if (!strcmp(s->contracts[i].uid, uid))
			return &s->contracts[i];
	return NULL;
}

/* Hand each record to its contract, in the order given (oldest first).
 * The records are moved (struct copies): the arrays are then freed
 * without their contents. */
static int distribute(struct summary *s, struct request *r, size_t nr,
		      struct dispute *d, size_t nd, struct err *e)
{
	struct summary_contract *c;

	for (size_t i = 0; i < nr; i++)
		if (!contract_in(s, r[i].contract_uid))
			goto orphan;
	for (size_t i = 0; i < nd; i++)
		if (!contract_in(s, d[i].contract_uid))
			goto orphan;
	for (size_t i = 0; i < nr; i++)
		contract_in(s, r[i].contract_uid)->n_requests++;
	for (size_t i = 0; i < nd; i++)
		contract_in(s, d[i].contract_uid)->n_disputes++;
	for (size_t i = 0; i < s->n_contracts; i++) {
		c = &s->contracts[i];
		if (c->n_requests)
			c->requests = xcalloc(c->n_requests, sizeof *r);
		if (c->n_disputes)
			c->disputes = xcalloc(c->n_disputes, sizeof *d);
		c->n_requests = c->n_disputes = 0;
	}
	for (size_t i = 0; i < nr; i++) {
		c = contract_in(s, r[i].contract_uid);
		c->requests[c->n_requests++] = r[i];
		count_request(&c->totals, &r[i]);
	}
	for (size_t i = 0; i < nd; i++) {
		c = contract_in(s, d[i].contract_uid);
		c->disputes[c->n_disputes++] = d[i];
		count_dispute(&c->totals, &d[i]);
	}
	for (size_t i = 0; i < s->n_contracts; i++)
		add_totals(&s->totals, &s->contracts[i].totals);
	free(r);
	free(d);
	return 0;
orphan:
	/* foreign keys make this impossible; a damaged file is not shown
	 * with rows missing */
	err_set(e, ERR_DB, "état récapitulatif : une demande ou un litige "
		"appartient à un contrat absent de la base (lancez « suivi "
		"check »)");
	store_request_list_free(r, nr);
	store_dispute_list_free(d, nd);
	return -1;
}

int summary_load(struct store *st, const char *contract_uid, int year,
		 struct summary *out, struct err *e)
{
	struct contract_info *k = NULL;
	struct request *r = NULL;
	struct dispute *d = NULL;
	size_t nk = 0, nr = 0, nd = 0;
	bool all = !contract_uid || !*contract_uid;

	memset(out, 0, sizeof *out);
	if (year < 1900 || year > 2199) {
		err_set(e, ERR_INPUT, "état récapitulatif : année invalide : %d "
			"(de 1900 à 2199)", year);
		return -1;
	}
	if (store_contract_list(st, &k, &nk, e) != 0)
		return -1;
	out->year = year;
	out->all = all;
	out->contracts = nk ? xcalloc(nk, sizeof *out->contracts) : NULL;
	for (size_t i = 0; i < nk; i++) {
		struct summary_contract *c;

		if (!all && strcmp(k[i].uid, contract_uid))
			continue;
		c = &out->contracts[out->n_contracts++];
		memcpy(c->uid, k[i].uid, sizeof c->uid);
		c->commune = xstrdup_or_null(k[i].commune);
		c->identifier = xstrdup_or_null(k[i].identifier);
	}
	store_contract_list_free(k, nk);
	if (!all && out->n_contracts == 0) {
		err_set(e, ERR_NOTFOUND, "état récapitulatif : aucun contrat "
			"« %s » dans la base", contract_uid);
		goto fail;
	}
	if (store_exceptional_list(st, all ? NULL : contract_uid, year, &r,
				   &nr, e) != 0)
		goto fail;
	if (store_dispute_year(st, all ? NULL : contract_uid, year, &d, &nd,
			       e) != 0) {
		store_request_list_free(r, nr);
		goto fail;
	}
	if (distribute(out, r, nr, d, nd, e) != 0)
		goto fail;
	return 0;
fail:
	summary_release(out);
	return -1;
}

void summary_release(struct summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_contracts; i++) {
		struct summary_contract *c = &s->contracts[i];

		free(c->commune);
		free(c->identifier);
		store_request_list_free(c->requests, c->n_requests);
		store_dispute_list_free(c->disputes, c->n_disputes);
	}
	free(s->contracts);
	memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------------ */
/* Words and figures as the document shows them                        */

#define NONE_TEXT "—"

/* "JJ/MM/AAAA" of a stored ISO date or date-time; the text itself when
 * it does not read as one; NULL stays NULL. */
static const char *day_fr(const char *iso, char buf[DATE_ISO_LEN + 32])
{
	char day[DATE_ISO_LEN];
	struct date dt;

	if (!iso)
		return NULL;
	snprintf(day, sizeof day, "%.10s", iso);
	if (date_parse(day, &dt) != 0) {
		snprintf(buf, DATE_ISO_LEN + 32, "%s", iso);
		return buf;
	}
	date_format_fr(dt, buf);
	return buf;
}

/* An amount in euros, French style: "12 000 €", "1 234,50 €" (no-break
 * spaces between groups of three and before the sign; cents only when
 * there are some). */
static void euros(double v, char *buf, size_t n)
{
	char num[64], *comma;
	size_t len, int_len, start, j = 0;
	struct strbuf sb;

	number_format(v, 2, num, sizeof num);
	comma = strchr(num, ',');
	len = strlen(num);
	int_len = comma ? (size_t)(comma - num) : len;
	start = num[0] == '-' ? 1 : 0;
	strbuf_init(&sb);
	strbuf_add(&sb, num, start);
	for (j = start; j < int_len; j++) {
		if (j > start && (int_len - j) % 3 == 0)
			strbuf_addstr(&sb, "\u00a0");
		strbuf_addch(&sb, num[j]);
	}
	if (comma) {
		strbuf_addstr(&sb, comma);
		if (len - int_len == 2)		/* ",5" -> ",50" */
			strbuf_addch(&sb, '0');
	}
	strbuf_addstr(&sb, "\u00a0€");
	snprintf(buf, n, "%s", sb.buf ? sb.buf : "");
	strbuf_release(&sb);
}

static void cell(struct doc_table *t, const char *text)
{
	doc_text(t, text_blank(text) ? NONE_TEXT : text,
		 text_blank(text) ? TONE_MUTED : TONE_NONE);
}

static void count_cell(struct doc_table *t, size_t v, enum doc_tone tone)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", v);
	doc_num(t, (double)v, buf, tone);
}

static void cost_cell(struct doc_table *t, bool has, double v,
		      enum doc_tone tone)
{
	char buf[96];

	if (!has) {
		doc_text(t, NONE_TEXT, TONE_MUTED);
		return;
	}
	euros(v, buf, sizeof buf);
	doc_num(t, v, buf, tone);
}

/* The commune as a row names it; a commune with several contracts in
 * scope gets the contract's identifier too. */
static char *commune_label(const struct summary *s,
			   const struct summary_contract *c)
{
	for (size_t i = 0; i < s->n_contracts; i++) {
		const struct summary_contract *o = &s->contracts[i];

		if (o != c && o->commune && c->commune &&
		    !strcmp(o->commune, c->commune))
			return xasprintf("%s (%s)", c->commune,
					 c->identifier ? c->identifier : "?");
	}
	return xstrdup(c->commune ? c->commune : "?");
}

/* ------------------------------------------------------------------ */
/* The totals                                                          */

/* One line of the totals: its label as a row (one contract), its head
 * as a column (every contract), whether it is money. */
enum figure {
	FIG_REQUESTS, FIG_DECIDED, FIG_ACCEPTED, FIG_REFUSED, FIG_CANCELLED,
	FIG_COST, FIG_DISPUTES, FIG_PROGRAMMING, FIG_SUBSTANCE, FIG_LEVEL1,
	FIG_LEVEL2, FIG_LEVEL3, FIG_MAYOR, FIG_OPEN, FIG_CLOSED, FIG_COUNT
};

static const struct {
	const char *label, *head;
} figures[FIG_COUNT] = {
	[FIG_REQUESTS] = { "Demandes exceptionnelles de l'année",
			   "Demandes exceptionnelles" },
	[FIG_DECIDED] = { "dont décidées", "Décidées" },
	[FIG_ACCEPTED] = { "dont acceptées", "Acceptées" },
	[FIG_REFUSED] = { "dont refusées", "Refusées" },
	[FIG_CANCELLED] = { "dont annulées", "Annulées" },
	[FIG_COST] = { "Coût estimé des demandes exceptionnelles",
		       "Coût estimé" },
	[FIG_DISPUTES] = { "Litiges de l'année", "Litiges" },
	[FIG_PROGRAMMING] = { "sur la programmation des travaux",
			      "Programmation" },
	[FIG_SUBSTANCE] = { "sur le fond", "Fond" },
	[FIG_LEVEL1] = { "niveau atteint : 1 — autorités hiérarchiques",
			 "Niveau 1" },
	[FIG_LEVEL2] = { "niveau atteint : 2 — directeurs généraux",
			 "Niveau 2" },
	[FIG_LEVEL3] = { "niveau atteint : 3 — le Maire et le Président",
			 "Niveau 3" },
	[FIG_MAYOR] = { "tranchés par l'instruction du Maire (fond)",
			"Instruction du Maire" },
	[FIG_OPEN] = { "en cours", "En cours" },
	[FIG_CLOSED] = { "clos, avec leur solution arbitrée", "Clos" },
};

static size_t figure_count(const struct summary_totals *x, enum figure f)
{
	switch (f) {
	case FIG_REQUESTS: return x->requests;
	case FIG_DECIDED: return x->decided;
	case FIG_ACCEPTED: return x->accepted;
	case FIG_REFUSED: return x->refused;
	case FIG_CANCELLED: return x->cancelled;
	case FIG_DISPUTES: return x->disputes;
	case FIG_PROGRAMMING: return x->by_nature[DISPUTE_PROGRAMMING];
	case FIG_SUBSTANCE: return x->by_nature[DISPUTE_SUBSTANCE];
	case FIG_LEVEL1: return x->by_level[0];
	case FIG_LEVEL2: return x->by_level[1];
	case FIG_LEVEL3: return x->by_level[2];
	case FIG_MAYOR: return x->mayor_final;
	case FIG_OPEN: return x->open;
	case FIG_CLOSED: return x->closed;
	case FIG_COST:
	case FIG_COUNT:
		break;
	}
	return 0;
}

static void figure_cell(struct doc_table *t, const struct summary_totals *x,
			enum figure f, enum doc_tone tone)
{
	if (f == FIG_COST)
		/* no estimate at all: nothing to add up, not "0 €" */
		cost_cell(t, x->with_cost > 0, x->cost, tone);
	else
		count_cell(t, figure_count(x, f), tone);
}

static void totals_one(struct doc *d, const struct summary_totals *x)
{
	static const char *const heads[] = { "Rubrique", "Valeur" };
	struct doc_table *t = doc_table(d, "Synthèse", 2, heads);

	for (int f = 0; f < FIG_COUNT; f++) {
		enum doc_tone tone = f == FIG_REQUESTS || f == FIG_DISPUTES ?
				     TONE_STRONG : TONE_NONE;

		doc_row(t);
		doc_text(t, figures[f].label, tone);
		figure_cell(t, x, (enum figure)f, tone);
	}
}

static void totals_all(struct doc *d, const struct summary *s)
{
	const char *heads[1 + FIG_COUNT];
	struct doc_table *t;

	heads[0] = "Commune";
	for (int f = 0; f < FIG_COUNT; f++)
		heads[1 + f] = figures[f].head;
	t = doc_table(d, "Synthèse", 1 + FIG_COUNT, heads);
	for (size_t i = 0; i < s->n_contracts; i++) {
		char *name = commune_label(s, &s->contracts[i]);

		doc_row(t);
		doc_text(t, name, TONE_NONE);
		for (int f = 0; f < FIG_COUNT; f++)
			figure_cell(t, &s->contracts[i].totals,
				    (enum figure)f, TONE_NONE);
		free(name);
	}
	doc_row(t);
	doc_text(t, "Total", TONE_STRONG);
	for (int f = 0; f < FIG_COUNT; f++)
		figure_cell(t, &s->totals, (enum figure)f, TONE_STRONG);
}

/* ------------------------------------------------------------------ */
/* The lists                                                           */

static const char *const request_heads[] = {
	"Commune", "Reçue le", "Objet", "Demande", "Proposition d'adaptation "
	"de l'organisation des moyens", "Décision", "Décidée par",
	"Décidée le", "Coût estimé", "Compensation", "Statut",
};
#define REQUEST_COLS (sizeof request_heads / sizeof *request_heads)

static const char *const dispute_heads[] = {
	"Commune", "Ouvert le", "Objet", "Nature", "Domaine",
	"Niveau atteint", "Instruction du Maire", "Statut", "Clos le",
	"Solution arbitrée",
};
#define DISPUTE_COLS (sizeof dispute_heads / sizeof *dispute_heads)

static void request_row(struct doc_table *t, const char *commune,
			const struct request *r)
{
	char day[DATE_ISO_LEN + 32], on[DATE_ISO_LEN + 32];
	enum summary_decision reads = summary_decision_of(r);

	doc_row(t);
	if (commune)
		doc_text(t, commune, TONE_NONE);
	cell(t, day_fr(r->received_at, day));
	cell(t, r->object);
	cell(t, r->asked);
	cell(t, r->proposal);
	if (reads == DECISION_NONE)
		doc_text(t, "en attente", TONE_MISSING);
	else
		doc_text(t, r->decision, TONE_NONE);
	cell(t, r->decided_by);
	cell(t, day_fr(r->decided_on, on));
	cost_cell(t, r->has_cost, r->estimated_cost, TONE_NONE);
	cell(t, r->compensation);
	doc_text(t, request_status_vocab[r->status].label,
		 r->status == REQ_CANCELLED ? TONE_MUTED : TONE_NONE);
}

/* The Mayor's instruction: "text — donnée le JJ/MM/AAAA par who"; "non
 * enregistrée" for a dispute that should have one and was closed
 * without (an older database); "non" for the others. */
static void instruction_cell(struct doc_table *t, const struct dispute *x)
{
	char on[DATE_ISO_LEN + 32];
	char *text;

	if (summary_mayor_final(x)) {
		text = xasprintf("%s — donnée le %s par %s", x->instruction,
				 day_fr(x->instruction_on, on),
				 x->instruction_by);
		doc_text(t, text, TONE_NONE);
		free(text);
	} else if (store_dispute_instruction_missing(x)) {
		doc_text(t, "non enregistrée", TONE_MISSING);
	} else {
		doc_text(t, "non", TONE_NONE);
	}
}

static void dispute_row(struct doc_table *t, const char *commune,
			const struct dispute *x)
{
	char day[DATE_ISO_LEN + 32], closed[DATE_ISO_LEN + 32], level[160];
	int lv = x->state.level;

	if (lv < 1 || lv > ARBITRATION_LEVELS)
		lv = 1;
	snprintf(level, sizeof level, "%d — %s", lv,
		 dispute_level_name[lv - 1]);
	doc_row(t);
	if (commune)
		doc_text(t, commune, TONE_NONE);
	cell(t, day_fr(x->opened_on, day));
	cell(t, x->object);
	doc_text(t, dispute_nature_vocab[x->nature].label, TONE_NONE);
	cell(t, x->domain_name);
	doc_text(t, level, TONE_NONE);
	instruction_cell(t, x);
	if (x->state.closed) {
		doc_text(t, "clos", TONE_NONE);
		cell(t, day_fr(x->closed_on, closed));
		cell(t, x->solution);
	} else {
		doc_text(t, "en cours", TONE_MISSING);
		doc_text(t, NONE_TEXT, TONE_MUTED);
		doc_text(t, summary_open_solution, TONE_MISSING);
	}
}

/* One table of each kind: in the all scope with the Commune column,
 * every contract's rows one after the other (by commune, then date). */
static void requests_part(struct doc *d, const struct summary *s)
{
	size_t first = s->all ? 0 : 1;
	struct doc_table *t;

	doc_heading(d, 1, "Demandes exceptionnelles");
	doc_para(d, "Saisines hors du champ du contrat, traitées avec "
		 "l'adjoint au directeur général des territoires en charge du "
		 "pôle territorial, qui peut proposer d'adapter l'organisation "
		 "usuelle des moyens (article 4).");
	if (s->totals.requests == 0) {
		doc_para(d, "Aucune demande exceptionnelle reçue en %d.",
			 s->year);
		return;
	}
	t = doc_table(d, "Demandes exceptionnelles", REQUEST_COLS - first,
		      request_heads + first);
	for (size_t i = 0; i < s->n_contracts; i++) {
		const struct summary_contract *c = &s->contracts[i];
		char *name = s->all ? commune_label(s, c) : NULL;

		for (size_t j = 0; j < c->n_requests; j++)
			request_row(t, name, &c->requests[j]);
		free(name);
	}
}

static void disputes_part(struct doc *d, const struct summary *s,
			  const char *today_fr)
{
	size_t first = s->all ? 0 : 1;
	struct doc_table *t;

	doc_heading(d, 1, "Litiges et solutions arbitrées");
	doc_para(d, "Divergences sur la programmation des travaux ou sur le "
		 "fond, et leur arbitrage (article 4) :");
	doc_list(d);
	for (int i = 0; i < ARBITRATION_LEVELS; i++)
		doc_item(d, "niveau %d : %s ;", i + 1,
			 arbitration_level_label[i]);
	doc_item(d, "sur le fond, les instructions du Maire sont appliquées "
		 "en dernière instance.");
	if (s->totals.disputes == 0) {
		doc_para(d, "Aucun litige ouvert en %d.", s->year);
		return;
	}
	t = doc_table(d, "Litiges", DISPUTE_COLS - first,
		      dispute_heads + first);
	for (size_t i = 0; i < s->n_contracts; i++) {
		const struct summary_contract *c = &s->contracts[i];
		char *name = s->all ? commune_label(s, c) : NULL;

		for (size_t j = 0; j < c->n_disputes; j++)
			dispute_row(t, name, &c->disputes[j]);
		free(name);
	}
	if (s->totals.open == 1)
		doc_note(d, "1 litige est encore en cours au %s : il n'a pas "
			 "encore de solution arbitrée.", today_fr);
	else if (s->totals.open > 1)
		doc_note(d, "%zu litiges sont encore en cours au %s : ils "
			 "n'ont pas encore de solution arbitrée.",
			 s->totals.open, today_fr);
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

int summary_doc(const struct summary *s, const char *today, struct doc *out)
{
	char today_fr[DATE_ISO_LEN], from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct date now;
	char *title, *subtitle, *footer;

	if (today && *today) {
		if (date_parse(today, &now) != 0) {
			memset(out, 0, sizeof *out);
			return -1;
		}
	} else {
		date_today(&now);	/* an invalid pin: the local date */
	}
	date_format_fr(now, today_fr);
	date_format_fr((struct date){ s->year, 1, 1 }, from);
	date_format_fr((struct date){ s->year, 12, 31 }, to);
	if (s->all) {
		title = xasprintf("État récapitulatif %d — toutes les communes",
				  s->year);
		subtitle = xasprintf("%zu contrat%s d'engagement · demandes "
				     "reçues et litiges ouverts du %s au %s · "
				     "litiges dans leur état au %s",
				     s->n_contracts,
				     s->n_contracts > 1 ? "s" : "", from, to,
				     today_fr);
	} else {
		const struct summary_contract *c =
			s->n_contracts ? &s->contracts[0] : NULL;

		title = xasprintf("État récapitulatif %d — %s", s->year,
				  c && c->commune ? c->commune : "?");
		subtitle = xasprintf("Contrat d'engagement %s · demandes reçues "
				     "et litiges ouverts du %s au %s · litiges "
				     "dans leur état au %s",
				     c && c->identifier ? c->identifier : "?",
				     from, to, today_fr);
	}
	doc_init(out, title, subtitle);
	free(title);
	free(subtitle);

	doc_note(out, "Article 4 du contrat d'engagement : un état "
		 "récapitulatif annuel est dressé afin d'inventorier les "
		 "demandes exceptionnelles et les litiges et de capitaliser "
		 "les solutions arbitrées. Il est présenté en Conférence "
		 "territoriale.");
	if (s->all)
		doc_para(out, "Toutes les communes sont réunies dans un seul "
			 "tableau par rubrique, avec une colonne « Commune » : "
			 "un tableur les trie et les filtre d'un coup, les "
			 "communes se comparent ligne à ligne, et le classeur "
			 "garde trois feuilles (Synthèse, Demandes "
			 "exceptionnelles, Litiges) quel que soit le nombre de "
			 "communes.");

	doc_heading(out, 1, "Synthèse");
	if (s->all)
		totals_all(out, s);
	else
		totals_one(out, &s->totals);
	requests_part(out, s);
	disputes_part(out, s, today_fr);

	footer = xasprintf("Établi par suivi le %s", today_fr);
	doc_set_footer(out, footer);
	free(footer);
	return 0;
}

int summary_build(struct store *st, const char *contract_uid, int year,
		  const char *today, struct doc *out, struct err *e)
{
	struct summary s;
	struct date dt;
	int rc;

	memset(out, 0, sizeof *out);
	if (today && *today && date_parse(today, &dt) != 0) {
		err_set(e, ERR_INPUT, "état récapitulatif : date du jour "
			"illisible : « %s »", today);
		return -1;
	}
	if (summary_load(st, contract_uid, year, &s, e) != 0)
		return -1;
	rc = summary_doc(&s, today, out);
	summary_release(&s);
	return rc;
}
