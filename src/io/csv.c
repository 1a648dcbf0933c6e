#include "suivi/csv.h"

#include <string.h>

void csv_init(struct csv *c, FILE *out)
{
	c->out = out;
	c->col = 0;
}

/* True when t, past its leading apostrophes, begins with what a
 * spreadsheet would run as a formula. */
static int formula_ahead(const char *t)
{
	while (*t == '\'')
		t++;
	return *t && strchr("=+-@\t\r", *t);
}

char *csv_unneutralise(char *s)
{
	if (s[0] == '\'' && formula_ahead(s))
		memmove(s, s + 1, strlen(s));
	return s;
}

void csv_cell(struct csv *c, const char *text)
{
	const char *t = text ? text : "";
	/* apostrophes already before such a character get one more:
	 * csv_unneutralise removes one, so the text comes back */
	int neutralise = formula_ahead(t);
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
