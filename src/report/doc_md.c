/*
 * A doc as Markdown (doc.h), CommonMark with GitHub's pipe tables.
 *
 * The doc's title is the "#" heading; a heading of level n has n + 1
 * "#". Notes are block quotes (a warning's text in bold), tables are preceded by their name in bold,
 * a column of numbers is aligned right. A chart is one paragraph: its
 * title, a sparkline of its values (· where one is missing), then the
 * values themselves on a second line.
 */
#include "doc_internal.h"
#include "doc_esc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const spark[] = {
	"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
	"\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88",
};
#define SPARK_MISSING "\xC2\xB7"	/* · */

/* One line of the user's text, cleaned and escaped with flags. */
static void put_line(FILE *fp, const char *s, int flags)
{
	char *c = esc_clean(s, false);

	esc_md_line(fp, c, flags);
	free(c);
}

/* A paragraph of the user's text, line breaks kept; cont starts each
 * continuation line. */
static void put_para(FILE *fp, const char *s, const char *cont)
{
	char *c = esc_clean(s, true);

	esc_md(fp, c, ESC_MD_BLOCK, cont);
	free(c);
}

/* "**s**", or nothing for an empty s (four stars would be a rule). */
static bool strong(FILE *fp, const char *s)
{
	char *c = esc_clean(s, false);
	bool any = *c != '\0';

	if (any) {
		fputs("**", fp);
		esc_md_line(fp, c, 0);
		fputs("**", fp);
	}
	free(c);
	return any;
}

static void table(FILE *fp, const struct doc_table *t, const char *caption)
{
	if (strong(fp, caption))
		fputs("\n\n", fp);
	if (!t->n_cols)
		return;
	for (size_t i = 0; i < t->n_cols; i++) {
		fputs("| ", fp);
		put_line(fp, t->heads[i], 0);
		fputc(' ', fp);
	}
	fputs("|\n", fp);
	for (size_t i = 0; i < t->n_cols; i++) {
		bool nums = t->n_rows > 0;

		for (size_t r = 0; r < t->n_rows && nums; r++)
			nums = t->cells[r * t->n_cols + i].has_num;
		fputs(nums ? "| ---: " : "| --- ", fp);
	}
	fputs("|\n", fp);
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t i = 0; i < t->n_cols; i++) {
			const struct doc_cell *c = &t->cells[r * t->n_cols + i];

			fputs("| ", fp);
			put_line(fp, c->text, 0);
			if (c->mark) {
				fputs(" — ", fp);
				strong(fp, c->mark);
			}
			fputc(' ', fp);
		}
		fputs("|\n", fp);
	}
	fputc('\n', fp);
}

static void sparkline(FILE *fp, const struct doc_chart *c)
{
	double lo = 0, hi = 0;
	bool any = false;

	for (size_t i = 0; i < c->n; i++) {
		if (!c->has[i])
			continue;
		if (!any || c->values[i] < lo)
			lo = c->values[i];
		if (!any || c->values[i] > hi)
			hi = c->values[i];
		any = true;
	}
	for (size_t i = 0; i < c->n; i++) {
		long k = 3;

		if (!c->has[i]) {
			fputs(SPARK_MISSING, fp);
			continue;
		}
		if (hi > lo)
			k = lround((c->values[i] - lo) / (hi - lo) * 7);
		fputs(spark[k < 0 ? 0 : k > 7 ? 7 : k], fp);
	}
}

static void chart(FILE *fp, const struct doc_chart *c)
{
	char *values = doc_chart_values(c);

	if (!strong(fp, c->title))
		fputs("**" DOC_CHART_DEFAULT "**", fp);
	if (c->n) {
		fputs(" : ", fp);
		sparkline(fp, c);
	}
	fputs("  \n", fp);
	put_line(fp, values, ESC_MD_BLOCK);
	fputs("\n\n", fp);
	free(values);
}

static void block(FILE *fp, const struct doc *d, size_t at)
{
	const struct doc_block *b = &d->blocks[at];

	switch (b->kind) {
	case DOC_HEADING:
		fprintf(fp, "%.*s ", b->level + 1, "####");
		put_line(fp, b->text, ESC_MD_HASH);
		fputs("\n\n", fp);
		break;
	case DOC_PARAGRAPH:
		put_para(fp, b->text, NULL);
		fputs("\n\n", fp);
		break;
	case DOC_NOTE:
		fputs("> ", fp);
		put_para(fp, b->text, "> ");
		fputs("\n\n", fp);
		break;
	case DOC_LIST:
		if (!b->n_items)
			break;
		for (size_t i = 0; i < b->n_items; i++) {
			char cont[32];
			int w;

			if (!b->ordered) {
				fputs("- ", fp);
				put_line(fp, b->items[i], ESC_MD_BLOCK);
				fputc('\n', fp);
				continue;
			}
			/* the next lines indented as the item's text */
			w = fprintf(fp, "%zu. ", i + 1);
			snprintf(cont, sizeof cont, "%*s", w > 0 ? w : 0, "");
			put_para(fp, b->items[i], cont);
			fputc('\n', fp);
		}
		fputc('\n', fp);
		break;
	case DOC_FIELDS:
		for (size_t i = 0; i < b->n_items; i++) {
			fprintf(fp, "- **%s** : ", b->items[i]);
			put_line(fp, b->values[i], 0);
			fputc('\n', fp);
		}
		fputc('\n', fp);
		break;
	case DOC_NOTHING:
		fputc('_', fp);
		put_line(fp, b->text, 0);
		fputs("_\n\n", fp);
		break;
	case DOC_WARNING:
		fputs("> ", fp);
		strong(fp, b->text);
		fputs("\n\n", fp);
		break;
	case DOC_TABLE:
		if (b->table)
			table(fp, b->table, doc_caption(d, at));
		break;
	case DOC_CHART:
		if (b->chart)
			chart(fp, b->chart);
		break;
	}
}

void doc_md_render(FILE *fp, const struct doc *d)
{
	fputs("# ", fp);
	put_line(fp, d->title, ESC_MD_HASH);
	fputs("\n\n", fp);
	if (d->subtitle) {
		char *c = esc_clean(d->subtitle, false);

		if (*c) {
			fputc('_', fp);
			esc_md_line(fp, c, 0);
			fputs("_\n\n", fp);
		}
		free(c);
	}
	for (size_t i = 0; i < d->n; i++)
		block(fp, d, i);
	if (d->footer) {
		char *c = esc_clean(d->footer, false);

		if (*c) {
			fputs("---\n\n_", fp);
			esc_md_line(fp, c, 0);
			fputs("_\n", fp);
		}
		free(c);
	}
}
