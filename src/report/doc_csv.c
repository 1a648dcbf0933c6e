/*
 * A doc's tables as CSV (doc.h): for each table its name alone on a row,
 * its header row, its rows, then an empty row. Text cells go through
 * csv.h (quotes, formulas neutralised); a number cell is written as the
 * number alone, in the French form a French spreadsheet reads as a
 * number: decimal comma, no unit, no thousands separator ("12,5", "-3").
 */
#include "doc_internal.h"
#include "doc_esc.h"
#include "suivi/csv.h"
#include "suivi/number.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

static void text_cell(struct csv *c, const char *s)
{
	char *t = esc_clean(s, false);

	csv_cell(c, t);
	free(t);
}

/* A number is never a formula, even negative: not neutralised (csv.h
 * would turn "-3" into the text "'-3"); quoted for its comma. */
static void num_cell(struct csv *c, const char *num)
{
	if (c->col++)
		fputc(',', c->out);
	if (strchr(num, ','))
		fprintf(c->out, "\"%s\"", num);
	else
		fputs(num, c->out);
}

void doc_csv_render(FILE *fp, const struct doc *d)
{
	struct csv c;

	csv_init(&c, fp);
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_table *t = d->blocks[i].table;

		if (d->blocks[i].kind != DOC_TABLE || !t)
			continue;
		text_cell(&c, t->name);
		csv_end_row(&c);
		for (size_t k = 0; k < t->n_cols; k++)
			text_cell(&c, t->heads[k]);
		csv_end_row(&c);
		for (size_t r = 0; r < t->n_rows; r++) {
			for (size_t k = 0; k < t->n_cols; k++) {
				const struct doc_cell *x =
					&t->cells[r * t->n_cols + k];
				char num[64];

				/* 6 decimals: what the figure holds, not
				 * what the text rounds it to */
				if (x->has_num)
					number_format(x->num, 6, num,
						      sizeof num);
				if (x->has_num && strcmp(num, "?")) {
					num_cell(&c, num);
				} else if (x->mark) {
					char *m = xasprintf("%s — %s", x->text,
							    x->mark);

					text_cell(&c, m);
					free(m);
				} else {
					text_cell(&c, x->text);
				}
			}
			csv_end_row(&c);
		}
		csv_end_row(&c);
	}
}
