/*
 * across_report.h - the view across communes (across.h) as a document to
 * circulate (doc.h), for the Conférence territoriale: one indicator, or
 * every indicator of a domain, in every commune of the database for one
 * period, in every format of the annual reports (`suivi report communes`).
 *
 * The document, in French:
 *   title     "<code> <label> — toutes les communes — <period>" for one
 *             indicator ("3.3.2 Délai de résolution… [critique] — …"),
 *             "<domain name> (<code>) — toutes les communes — <period>"
 *             for a domain;
 *   subtitle  how many communes (contracts) the database follows and the
 *             date the values are read at;
 *   a note    what it is for and how to read it: the grid's rules (value,
 *             target of the year, status), the trend against the period
 *             before, « hors annexe », a commune's own period when it
 *             measures the indicator over another length of time;
 *   per indicator (a domain: each of its indicators in force at the
 *   period in any contract, in their numbering; one followed by
 *   criticality: a row per commune and criticality, or the criticality
 *   asked for):
 *     a heading "<code> <label>" (a domain's), a sentence counting the rows by
 *     status ("Cible atteinte : 12 · cible manquée : 3 · …"), and the
 *     table named after the code (its FODS sheet): Commune, Criticité
 *     (when a row has one, unless one was asked for: the title says
 *     it), Période, Valeur, Cible, Statut, Valeur
 *     précédente, Tendance, Remarque (why a commune is hors annexe, or
 *     that a value is computed from the request log); rows in the order
 *     asked for (across_sort); values of numeric kinds as numbers; tones:
 *     the status's as in the evaluation (met, missed, due and missing,
 *     muted for not due and hors annexe), the trend's (met when it goes the way the
 *     indicator wants, missed when not);
 *   a domain with no indicator in force at the period: a sentence;
 *   footer    "Établi par suivi le JJ/MM/AAAA".
 *
 * No SQL and no curses: across_load reads through the store API.
 */
#ifndef SUIVI_ACROSS_REPORT_H
#define SUIVI_ACROSS_REPORT_H

#include <stdbool.h>

#include "suivi/across.h"
#include "suivi/doc.h"
#include "suivi/err.h"
#include "suivi/store.h"

struct across_report_opts {
	const char *indicator;		/* a code, or NULL… */
	const char *domain;		/* …and a domain code ("nsi") */
	const char *criticality;	/* one indicator only; NULL: every one */
	struct period period;
	enum across_sort sort;
	bool descending;
};

/* Build the document; today ISO (what is due, the date it is written).
 * Errors of across_load and across_domain_codes (ERR_INPUT,
 * ERR_NOTFOUND), ERR_USAGE when neither or both of indicator and domain
 * are given, or a criticality with a domain. On failure *out is zeroed
 * (doc_release on it is harmless). */
int across_report_build(struct store *st, const struct across_report_opts *o,
			const char *today, struct doc *out, struct err *e);

#endif
