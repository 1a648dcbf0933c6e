/*
 * store_across.h - what the view across communes (across.h) asks of every
 * contract of the database at once. The rest of that view goes through
 * the grid's own functions (dashboard.h), contract by contract.
 *
 * An indicator code is what the contract files write ("3.3.2") or the
 * same with its domain's code ("nsi/3.3.2"), as store_indicator_by_code
 * takes it.
 */
#ifndef SUIVI_STORE_ACROSS_H
#define SUIVI_STORE_ACROSS_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/store.h"

/* Whether any contract has, in any version of its annexes, an indicator
 * with that code. */
int store_indicator_code_known(struct store *st, const char *code,
			       bool *known, struct err *e);

/* The codes of the indicators of the domain whose code is domain_code
 * ("nsi"), in every contract, in the annex versions in force on first or
 * on last (ISO dates: a period's first and last days), once each, in no
 * particular order; a heap array of heap strings (text_lines_free). *name is the domain's
 * name in the first contract (by commune) that has the domain (heap),
 * NULL when no contract has it. */
int store_domain_indicator_codes(struct store *st, const char *domain_code,
				 const char *first, const char *last,
				 char ***codes, size_t *n, char **name,
				 struct err *e);

#endif
