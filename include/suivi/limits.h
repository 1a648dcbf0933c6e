/*
 * limits.h - one limit per kind of text, the same by every route.
 *
 * Every text a user gives (a form, a grid cell, a prompt, a CSV import, a
 * command's argument) belongs to one kind below. The kind says how long
 * it may be and which characters it may hold; the store checks it on
 * every write (whatever the route), the field editor stops at the same
 * limit with a message, so nothing typed, pasted or imported is ever cut
 * silently. suivi(1), section LIMITES, lists them.
 *
 *   TEXT_LINE   one line: names, persons, functions, places, the one who
 *               decided, an action's owner; no control character at all
 *   TEXT_LONG   long texts: objects, decisions, solutions, positions,
 *               notes, observations, comments, reasons, what an action is;
 *               line breaks ('\n') and tabs allowed, no other control
 *   TEXT_VALUE  the text of a grid value (value.h, VALUE_TEXT_MAX): one
 *               line, no control character
 *
 * Sizes are in bytes of UTF-8 (an accented letter takes 2, an emoji 4).
 * Locale-independent.
 */
#ifndef SUIVI_LIMITS_H
#define SUIVI_LIMITS_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"

enum text_kind { TEXT_LINE, TEXT_LONG, TEXT_VALUE, TEXT_KIND_COUNT };

#define TEXT_LINE_MAX 1000
#define TEXT_LONG_MAX (1024u * 1024u)	/* 1 Mio */
#define TEXT_VALUE_MAX 2000		/* = VALUE_TEXT_MAX */

/* The byte limit of a kind. */
size_t text_kind_max(enum text_kind k);
/* Whether a kind takes line breaks (and tabs). */
bool text_kind_multiline(enum text_kind k);
/* The limit said in French for messages: "1 000 octets", "1 Mio". */
const char *text_kind_max_label(enum text_kind k);

/* Check s (NUL-terminated) against its kind: valid UTF-8, no control
 * character the kind refuses, at most its limit. what names the field
 * in the message ("objet", "décision"…). 0 when fine; -1 with ERR_INPUT
 * and a French message that says which field, which limit and by how
 * much it is exceeded, or which character at which place is refused. */
int text_check(enum text_kind k, const char *what, const char *s,
	       struct err *e);
/* The same on len bytes (s may hold a NUL: refused as a control). */
int text_check_n(enum text_kind k, const char *what, const char *s,
		 size_t len, struct err *e);

#endif
