/*
 * text.h - byte-level text rules shared by every file we read: UTF-8
 * validity and the control characters we refuse in one-line values.
 * Locale-independent: these never look at LC_CTYPE.
 */
#ifndef SUIVI_TEXT_H
#define SUIVI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF). On false, *bad (if not NULL) is the offset of
 * the first byte of the bad sequence. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad);

/* True when s holds a C0 control character other than tab, or DEL. */
bool text_has_control(const char *s);

/* Trim ASCII blanks (space, tab, CR, LF) at both ends, in place; returns s. */
char *text_trim(char *s);

/* Case-sensitive "s starts with prefix". */
bool text_starts_with(const char *s, const char *prefix);

#endif
