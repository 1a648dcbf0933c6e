/*
 * store_draft.h - drafts in the database: text typed and not confirmed
 * when the terminal went away, one per slot.
 *
 * slot names the place ("dashboard", "requests" …); context says where
 * it was typed and is opaque to the store; a new save in a slot replaces
 * the previous one. Each write is its own transaction: 0 means on disk.
 * What to do when the database cannot take a draft: draft.h.
 */
#ifndef SUIVI_STORE_DRAFT_H
#define SUIVI_STORE_DRAFT_H

#include <stdbool.h>

#include "suivi/err.h"
#include "suivi/store.h"

int store_draft_save(struct store *st, const char *slot, const char *context,
		     const char *text, struct err *e);
/* *found false (and *context, *text NULL) when the slot holds none;
 * otherwise both heap strings for the caller. */
int store_draft_get(struct store *st, const char *slot, char **context,
		    char **text, bool *found, struct err *e);
/* Removing an empty slot is not an error. */
int store_draft_delete(struct store *st, const char *slot, struct err *e);

#endif
