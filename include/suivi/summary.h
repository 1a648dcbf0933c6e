/*
 * summary.h - the état récapitulatif annuel (article 4 of the contract):
 * the year's exceptional requests and disputes, with their arbitrated
 * solutions, of one contract or of every contract of the database, for
 * the Conférence territoriale. As data (struct summary), then
 * as a document (doc.h) that the renderers write in every format.
 *
 * What belongs to a year (store_exceptional_list, store_dispute_year):
 * the exceptional requests received from 1 January 00:00 to 31 December
 * 23:59, cancelled ones included (their status says so); the disputes
 * opened from 1 January to 31 December, with where they stand when the
 * summary is made (a dispute opened in December and closed in January
 * shows its solution; one opened the year before does not appear).
 *
 * Totals count what the lists hold:
 *   requests      every exceptional request listed;
 *   decided       those whose decision is written (not blank);
 *   accepted,     those whose decision reads as one: it begins (accents
 *   refused       and case ignored) with "accept", "accord", "favorable",
 *                 "avis favorable" / "refus", "rejet", "défavorable",
 *                 "avis défavorable" (summary_decision_of); any other
 *                 decision is decided but neither;
 *   cancelled     those cancelled;
 *   with_cost,    those with an estimated cost, and the sum of every
 *   cost          estimated cost listed (the column of the table adds up
 *                 to it);
 *   disputes      every dispute listed, by nature, by the highest level
 *                 reached (dispute_state.level: after an escalation, the
 *                 next level), closed or open;
 *   mayor_final   closed at level 3 on substance with the Mayor's
 *                 instruction recorded (its text, who, when): applied at
 *                 the last instance (summary_mayor_final); one closed
 *                 without it (an older database) does not count, and its
 *                 row says "non enregistrée".
 *
 * The struct owns everything it holds; summary_release frees it. No SQL
 * and no curses here: summary_load reads through the store API.
 */
#ifndef SUIVI_SUMMARY_H
#define SUIVI_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/dispute.h"
#include "suivi/doc.h"
#include "suivi/err.h"
#include "suivi/model.h"
#include "suivi/store.h"
#include "suivi/store_dispute.h"
#include "suivi/store_request.h"

/* How an exceptional request's decision reads. */
enum summary_decision {
	DECISION_NONE,		/* no decision written yet */
	DECISION_ACCEPTED,
	DECISION_REFUSED,
	DECISION_OTHER,		/* written, neither accepted nor refused */
};

struct summary_totals {
	size_t requests, decided, accepted, refused, cancelled, with_cost;
	double cost;
	size_t disputes;
	size_t by_nature[DISPUTE_NATURE_COUNT];
	size_t by_level[ARBITRATION_LEVELS];	/* index level - 1 */
	size_t mayor_final, open, closed;
};

/* One contract in scope: the store's records, oldest first (requests by
 * received_at then uid, disputes by opened_on then uid). */
struct summary_contract {
	char uid[STORE_UID_LEN];
	char *commune, *identifier;
	struct request *requests;	/* exceptional requests of the year */
	size_t n_requests;
	struct dispute *disputes;	/* disputes of the year, state
					 * computed, steps not loaded */
	size_t n_disputes;
	struct summary_totals totals;
};

struct summary {
	int year;
	bool all;			/* every contract of the database */
	struct summary_contract *contracts;	/* by commune name; in the
						 * all scope every contract,
						 * even those with nothing
						 * that year */
	size_t n_contracts;
	struct summary_totals totals;	/* over every contract in scope */
};

/* Gather the summary of year (1900-2199, else ERR_INPUT) for the
 * contract contract_uid (ERR_NOTFOUND when there is none) or, NULL or "",
 * for every contract. On failure *out holds nothing to release. */
int summary_load(struct store *st, const char *contract_uid, int year,
		 struct summary *out, struct err *e);
void summary_release(struct summary *s);

enum summary_decision summary_decision_of(const struct request *r);
bool summary_mayor_final(const struct dispute *d);

/*
 * The document, in French:
 *   title     "État récapitulatif AAAA — <commune>" (one contract) or
 *             "État récapitulatif AAAA — toutes les communes";
 *   subtitle  the contract (or how many), the period, the date the
 *             disputes' state is taken at;
 *   a note    what it is for (article 4), and in the all scope a
 *             paragraph saying why each kind is one table with a Commune
 *             column;
 *   "Synthèse"                  the totals: one contract, a two-column
 *                               table (Rubrique, Valeur); every contract,
 *                               one row per commune then a "Total" row;
 *   "Demandes exceptionnelles"  one row per request (and a Commune
 *                               column first in the all scope);
 *   "Litiges"                   one row per dispute, with its arbitrated
 *                               solution; an open one says it is still
 *                               being arbitrated; the column
 *                               "Instruction du Maire" gives it ("texte —
 *                               donnée le JJ/MM/AAAA par qui"), "non
 *                               enregistrée" or "non";
 *   an empty kind is a sentence ("Aucune … en AAAA."), not a table;
 *   footer    "Établi par suivi le JJ/MM/AAAA".
 * The table names are the sheet names of the spreadsheet (FODS).
 * today: ISO or JJ/MM/AAAA, NULL or "": date_today(). Returns -1 (and
 * *out zeroed) only when today does not parse (summary_build says so in
 * its err); else 0, and *out is the caller's to doc_release.
 */
int summary_doc(const struct summary *s, const char *today, struct doc *out);

/* summary_load then summary_doc; ERR_INPUT for a today that does not
 * parse. On failure *out is zeroed (doc_release on it is harmless). */
int summary_build(struct store *st, const char *contract_uid, int year,
		  const char *today, struct doc *out, struct err *e);

/* The strings of the document, for whoever shows the same thing. */
extern const char summary_open_solution[];	/* an open dispute's
						 * solution cell */

#endif
