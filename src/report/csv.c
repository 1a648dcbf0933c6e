#include "suivi/csv.h"

#include <string.h>

void csv_init(struct csv *c, FILE *out)
{
	c->out = out;
	c->col = 0;
}

void csv_cell(struct csv *c, const char *text)
{
	const char *t = text ? text : "";
	int neutralise = strchr("=+-@\t\r", t[0]) && t[0];
	int quote = strpbrk(t, ",\"\r\n") != NULL;

	if (c->col++)
		fputc(',', c->out);
	if (quote)
		fputc('"', c->out);
	if (neutralise)
		fputc('\'', c->out);
	for (; *t; t++) {
		if (*t == '"')
			fputc('"', c->out);
		fputc(*t, c->out);
	}
	if (quote)
		fputc('"', c->out);
}

void csv_cell_int(struct csv *c, long long v)
{
	/* a number is never a formula: written as is */
	if (c->col++)
		fputc(',', c->out);
	fprintf(c->out, "%lld", v);
}

void csv_end_row(struct csv *c)
{
	fputs("\r\n", c->out);
	c->col = 0;
}
