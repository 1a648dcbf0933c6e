/*
 * A doc as one self-contained HTML file (doc.h): the styles inline, the
 * charts as inline SVG, no script and no URL of any kind, so that the
 * file reads the same offline, mailed, or printed to PDF.
 *
 * The doc's title is the <h1>; a heading of level n is an <h(n+1)>.
 */
#include "doc_internal.h"
#include "doc_esc.h"

#include <stdlib.h>

/* Screen and print (A4). Tones are classes; in print, browsers drop
 * backgrounds unless told otherwise, and a tone must survive printing:
 * print-color-adjust keeps them, and a tone also has its own text colour
 * and weight for a black and white printer. */
static const char css[] =
	"body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,"
	"sans-serif;font-size:11pt;line-height:1.4;color:#111;"
	"background:#fff;max-width:52em;margin:2em auto;padding:0 1em}\n"
	"h1{font-size:1.6em;margin:0 0 .3em;border-bottom:2px solid #333}\n"
	".subtitle{margin:0 0 1.2em;color:#444}\n"
	"h2{font-size:1.3em;margin:1.6em 0 .5em;"
	"border-bottom:1px solid #999}\n"
	"h3{font-size:1.1em;margin:1.2em 0 .4em}\n"
	"h4{font-size:1em;margin:1em 0 .3em}\n"
	".note{border-left:4px solid #b35c00;background:#fff4e5;"
	"padding:.4em .8em}\n"
	"table{border-collapse:collapse;width:100%;margin:.3em 0 1.2em}\n"
	/* the months of a year: smaller, so that they fit the page */
	"table.wide{font-size:.72em}\n"
	"table.wide th,table.wide td{padding:.2em .25em}\n"
	".scroll{overflow-x:auto}\n"
	"caption{text-align:left;font-weight:bold;padding:.2em 0}\n"
	"th,td{border:1px solid #999;padding:.25em .45em;text-align:left;"
	"vertical-align:top}\n"
	"thead th{background:#eee}\n"
	"td.num{text-align:right;white-space:nowrap}\n"
	"td.met{background:#e2f1de;color:#1b4d12}\n"
	"td.missed{background:#fbdcdc;color:#8a0d0d;font-weight:bold}\n"
	"td.missing{background:#fff0cc;color:#6b4700;font-style:italic}\n"
	"td.muted{color:#6a6a6a}\n"
	"td.strong{font-weight:bold}\n"
	"table.meta th{width:11em;background:#f5f5f5;font-weight:600}\n"
	".notice{border-left:4px solid #b35c00;background:#fff4e5;"
	"padding:.4em .8em}\n"
	".late{color:#a00000}\n"
	".late-mark{font-weight:bold}\n"
	".none{font-style:italic;color:#555}\n"
	"figure.chart{margin:1em 0}\n"
	"figure.chart svg{max-width:100%;height:auto}\n"
	"figcaption{font-size:.85em;color:#333}\n"
	"footer{margin-top:2em;border-top:1px solid #999;font-size:.85em;"
	"color:#444}\n"
	"@page{size:A4;margin:18mm 16mm 20mm}\n"
	"@media print{body{font-size:10pt;max-width:none;margin:0;padding:0}"
	"h2,h3,h4{break-after:avoid;page-break-after:avoid}"
	"tr,li,figure{break-inside:avoid;page-break-inside:avoid}"
	"thead{display:table-header-group}"
	".scroll{overflow:visible}table.wide{font-size:6.5pt}"
	"td,th,.note{-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}"
	"table.meta th{background:none}"
	".notice{background:none;border:1px solid #000}"
	".late{color:#000}}\n";

static const char *const tone_class[] = {
	[TONE_NONE] = NULL,	   [TONE_MET] = "met",
	[TONE_MISSED] = "missed",  [TONE_MISSING] = "missing",
	[TONE_MUTED] = "muted",	   [TONE_STRONG] = "strong",
};

/* The user's text s, cleaned and escaped; line feeds as <br> when
 * multiline. */
static void put(FILE *fp, const char *s, bool multiline)
{
	char *c = esc_clean(s, multiline);

	esc_xml(fp, c, "<br>\n");
	free(c);
}

#define WIDE_COLS 8	/* more columns than this: table.wide */

static void table(FILE *fp, const struct doc_table *t, const char *caption)
{
	fputs(t->n_cols > WIDE_COLS ? "<div class=\"scroll\"><table class=\"wide\">\n"
				    : "<div class=\"scroll\"><table>\n", fp);
	if (caption) {
		fputs("<caption>", fp);
		put(fp, caption, false);
		fputs("</caption>\n", fp);
	}
	fputs("<thead><tr>", fp);
	for (size_t i = 0; i < t->n_cols; i++) {
		fputs("<th scope=\"col\">", fp);
		put(fp, t->heads[i], false);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t r = 0; r < t->n_rows; r++) {
		fputs(t->flagged && t->flagged[r] ? "<tr class=\"late\">"
						  : "<tr>", fp);
		for (size_t i = 0; i < t->n_cols; i++) {
			const struct doc_cell *c = &t->cells[r * t->n_cols + i];
			const char *tone = (unsigned)c->tone <
						   sizeof tone_class /
							   sizeof *tone_class
						   ? tone_class[c->tone]
						   : NULL;

			fputs("<td", fp);
			if (c->has_num || tone)
				fprintf(fp, " class=\"%s%s%s\"",
					c->has_num ? "num" : "",
					c->has_num && tone ? " " : "",
					tone ? tone : "");
			fputc('>', fp);
			put(fp, c->text, false);
			if (c->mark) {
				fputs(" <strong class=\"late-mark\">", fp);
				put(fp, c->mark, false);
				fputs("</strong>", fp);
			}
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table></div>\n", fp);
}

static void chart(FILE *fp, const struct doc_chart *c)
{
	struct strbuf sb;
	char *values = doc_chart_values(c);

	strbuf_init(&sb);
	doc_svg_chart(&sb, c, false);
	fputs("<figure class=\"chart\">\n", fp);
	fputs(sb.buf, fp);
	fputs("\n<figcaption>", fp);
	put(fp, c->title, false);
	fputs(" — ", fp);
	put(fp, values, false);
	fputs("</figcaption>\n</figure>\n", fp);
	strbuf_release(&sb);
	free(values);
}

static void block(FILE *fp, const struct doc *d, size_t at)
{
	const struct doc_block *b = &d->blocks[at];

	switch (b->kind) {
	case DOC_HEADING:
		fprintf(fp, "<h%d>", b->level + 1);
		put(fp, b->text, false);
		fprintf(fp, "</h%d>\n", b->level + 1);
		break;
	case DOC_PARAGRAPH:
		fputs("<p>", fp);
		put(fp, b->text, true);
		fputs("</p>\n", fp);
		break;
	case DOC_NOTE:
		fputs("<p class=\"note\">", fp);
		put(fp, b->text, true);
		fputs("</p>\n", fp);
		break;
	case DOC_LIST:
		if (!b->n_items)
			break;
		fputs(b->ordered ? "<ol>\n" : "<ul>\n", fp);
		for (size_t i = 0; i < b->n_items; i++) {
			fputs(b->flagged && b->flagged[i] ? "<li class=\"late\">"
							  : "<li>", fp);
			put(fp, b->items[i], b->ordered);
			fputs("</li>\n", fp);
		}
		fputs(b->ordered ? "</ol>\n" : "</ul>\n", fp);
		break;
	case DOC_FIELDS:
		fputs("<table class=\"meta\">\n", fp);
		for (size_t i = 0; i < b->n_items; i++) {
			fputs("<tr><th scope=\"row\">", fp);
			put(fp, b->items[i], false);
			fputs("</th><td>", fp);
			put(fp, b->values[i], false);
			fputs("</td></tr>\n", fp);
		}
		fputs("</table>\n", fp);
		break;
	case DOC_NOTHING:
		fputs("<p class=\"none\">", fp);
		put(fp, b->text, false);
		fputs("</p>\n", fp);
		break;
	case DOC_WARNING:
		fputs("<p class=\"notice\"><strong>", fp);
		put(fp, b->text, false);
		fputs("</strong></p>\n", fp);
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

void doc_html_render(FILE *fp, const struct doc *d)
{
	fputs("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"suivi\">\n<title>", fp);
	put(fp, d->title, false);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
		"<header>\n<h1>", css);
	put(fp, d->title, false);
	fputs("</h1>\n", fp);
	if (d->subtitle) {
		fputs("<p class=\"subtitle\">", fp);
		put(fp, d->subtitle, false);
		fputs("</p>\n", fp);
	}
	fputs("</header>\n<main>\n", fp);
	for (size_t i = 0; i < d->n; i++)
		block(fp, d, i);
	fputs("</main>\n", fp);
	if (d->footer) {
		fputs("<footer>\n<p>", fp);
		put(fp, d->footer, false);
		fputs("</p>\n</footer>\n", fp);
	}
	fputs("</body>\n</html>\n", fp);
}
