/*
 * csv.h - CSV as RFC 4180 says: comma-separated, CRLF line ends, fields
 * quoted when they hold a comma, a quote, CR or LF (quotes doubled), UTF-8
 * without byte order mark.
 *
 * A cell that begins with = + - @ (or tab/CR) is prefixed with an
 * apostrophe so that no spreadsheet runs it as a formula; so is one that
 * begins with apostrophes before one of those, so that csv_unneutralise
 * (what the requests importer does to each cell) gives the text back.
 */
#ifndef SUIVI_CSV_H
#define SUIVI_CSV_H

#include <stdio.h>

struct csv {
	FILE *out;
	int col;
};

void csv_init(struct csv *c, FILE *out);
/* NULL writes an empty cell. */
void csv_cell(struct csv *c, const char *text);
void csv_cell_int(struct csv *c, long long v);
void csv_end_row(struct csv *c);

/* The inverse of the apostrophe csv_cell puts: when s is one or more
 * apostrophes then = + - @ tab or CR, the first apostrophe is removed, in
 * place. Returns s. */
char *csv_unneutralise(char *s);

#endif
