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

/* Parse a decimal number: optional sign, digits with optional thousands
 * separators (space, no-break space U+00A0, narrow no-break space U+202F)
 * between groups of three, one decimal separator (comma or point).
 * Surrounding blanks are allowed; anything else is refused (returns -1,
 * *out untouched). At most 15 significant digits and 15 decimals,
 * trailing zeros aside ("0,0000000000000001" is refused). */
int number_parse(const char *s, double *out);

/* Parse a non-negative integer made only of ASCII digits (leading zeros
 * allowed: "08" is 8). Refuses overflow past max. */
int number_parse_uint(const char *s, unsigned long max, unsigned long *out);

/* Format v with at most `decimals` decimals (trailing zeros dropped),
 * decimal comma, no thousands separator: 12.5 -> "12,5", 3 -> "3".
 * Writes at most n bytes including the NUL. */
void number_format(double v, int decimals, char *buf, size_t n);
/* An amount in euros, French style: "12 000 €", "1 234,50 €" (no-break
 * spaces U+00A0 between groups of three and before the sign; cents only
 * when there are some, then always two). Writes at most n bytes. */
void number_format_euros(double v, char *buf, size_t n);

#endif
