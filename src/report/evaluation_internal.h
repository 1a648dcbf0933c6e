/*
 * evaluation_internal.h - what the files of the évaluation share:
 * evaluation.c (figures, release, the indicators from the tableau de
 * bord), evaluation_load.c (requests, actions, annexes, exceptional
 * requests and disputes, the load), evaluation_doc.c (the document and
 * its indicator tables) and evaluation_parts.c (the period, article 5,
 * exceptional requests and disputes in the document). Never included
 * outside src/report/.
 */
#ifndef SUIVI_EVALUATION_INTERNAL_H
#define SUIVI_EVALUATION_INTERNAL_H

#include <stddef.h>

#include "suivi/doc.h"
#include "suivi/evaluation.h"

struct store;
struct browse_source;

/* A heap copy of s, NULL for NULL or "". */
char *evaluation_dup(const char *s);

/* The indicators: one tableau de bord (the calendar year) or two (the
 * anniversary period: its two calendar years), sharing src. */
int evaluation_load_indicators(struct store *st, struct evaluation *ev,
			   const struct browse_source *src, size_t *dom_cap,
			   struct err *e);

/* The commitments' and indicators' counts by status. */
void evaluation_summarise(struct evaluation *ev);

/* "s" when n > 1. */
const char *evaluation_plural(size_t n);

/* The parts of the document, in their order (evaluation_doc.c). */
void evaluation_summary_part(struct doc *d, const struct evaluation *ev);

void evaluation_domain_part(struct doc *d, const struct evaluation *ev,
			const struct eval_domain *dom);

void evaluation_requests_part(struct doc *d, const struct evaluation *ev);

void evaluation_actions_part(struct doc *d, const struct evaluation *ev);

void evaluation_indicators_part(struct doc *d, const struct evaluation *ev);

#endif
