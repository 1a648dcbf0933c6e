/*
 * number.h - numbers as French users type them, whatever LC_NUMERIC says.
 *
 * Under fr_FR.UTF-8, strtod("1234.56") stops at the point; nothing here
 * calls strtod or printf("%f") on user input or output: the parser and the
 * formatter below are ours and give the same result in every locale.
 */
#ifndef SUIVI_NUMBER_H
#define SUIVI_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"

/* Parse a decimal number: optional sign, digits with optional thousands
 * separators (space, no-break space U+00A0, narrow no-break space U+202F)
 * between groups of three, one decimal separator (comma or point).
 * Surrounding blanks are allowed; anything else is refused (returns -1,
 * *out untouched). At most 15 significant digits and 15 decimals,
 * trailing zeros aside ("0,0000000000000001" is refused). */
int number_parse(const char *s, double *out);

/* Whether s is "1.500", "1,500", "-12,000": one to three digits (the
 * first not 0), a point or a comma, exactly three digits, nothing else
 * but blanks around. Read as a decimal mark it is 1,5; read as a
 * thousands separator (English, or French by hand) it is 1500. Where a
 * whole number or an amount is expected, such a text is refused rather
 * than guessed; "0,500", "1,5", "1 500", "1500,000" are not ambiguous. */
bool number_is_ambiguous(const char *s);

/* The largest amount number_parse_amount takes, in euros. */
#define NUMBER_AMOUNT_MAX 999999999999.99

/* Parse an amount in euros, such as an estimated cost: number_parse's
 * forms, blanks around and an optional trailing "€" (after blanks or
 * not), positive or zero, at most two decimals once trailing zeros are
 * dropped ("12,50" and "12,5000" are 12,5; "1,005" is refused), at most
 * NUMBER_AMOUNT_MAX. Refused as well: an ambiguous text
 * (number_is_ambiguous) and a point or a comma between groups of
 * thousands ("1.500,25", "1,500,000"). On success *out is the exact
 * number of cents over 100 (so that x * 100 rounds to those cents);
 * otherwise -1, *out untouched, and e holds a French message that starts
 * with `what` (« coût estimé ») and quotes s. */
int number_parse_amount(const char *s, const char *what, double *out,
			struct err *e);

/* Whether v is a whole number of cents (what number_parse_amount gives). */
bool number_is_cents(double v);

/* Parse a non-negative integer made only of ASCII digits (leading zeros
 * allowed: "08" is 8). Refuses overflow past max. */
int number_parse_uint(const char *s, unsigned long max, unsigned long *out);

/* Format v with at most `decimals` decimals (trailing zeros dropped),
 * decimal comma, no thousands separator: 12.5 -> "12,5", 3 -> "3".
 * Writes at most n bytes including the NUL. */
void number_format(double v, int decimals, char *buf, size_t n);
/* An amount as a file writes it, for number_parse_amount to read back:
 * like number_format with 2 decimals ("1500,5"); an amount that is not a
 * whole number of cents (stored before cents were the rule) keeps up to
 * 6 decimals rather than being rounded on the way out, and importing it
 * again then says so. */
void number_format_amount(double v, char *buf, size_t n);
/* An amount in euros, French style: "12 000 €", "1 234,50 €" (no-break
 * spaces U+00A0 between groups of three and before the sign; cents only
 * when there are some, then always two). Writes at most n bytes. */
void number_format_euros(double v, char *buf, size_t n);

#endif
