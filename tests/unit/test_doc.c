/*
 * The document model and its renderers (src/report/doc*.c): the builder
 * copies and orders what it is given; each format's exact fragments;
 * hostile text in every block kind comes out as text in every format;
 * sheet names; numbers as numbers; the formats' names; doc_save's modes
 * and refusals. The real clients (Chromium, LibreOffice, Python) read
 * the same documents in tests/reports/clients.sh.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "suivi/doc.h"
#include "suivi/text.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* d rendered in fmt, as a heap string. */
static char *render(const struct doc *d, enum doc_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct err e;

	cr_assert(fp);
	cr_assert_eq(doc_write(fp, d, fmt, &e), 0, "%s", e.msg);
	cr_assert_eq(fclose(fp), 0);
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

#define assert_has(out, frag)                                               \
	cr_assert(strstr((out), (frag)), "missing: %s", (frag))
#define assert_lacks(out, frag)                                             \
	cr_assert(!strstr((out), (frag)), "unexpected: %s", (frag))

/* The part of s from the first "from" to the end of the next "to". */
static char *slice(const char *s, const char *from, const char *to)
{
	const char *a = strstr(s, from), *b;

	cr_assert(a, "no %s", from);
	b = strstr(a, to);
	cr_assert(b, "no %s", to);
	return strndup(a, (size_t)(b - a) + strlen(to));
}

static const char *const heads2[] = { "Nom", "Valeur" };

/* A small doc: one of each block. */
static void small(struct doc *d)
{
	struct doc_table *t;
	struct doc_chart *c;

	doc_init(d, "Rapport", "Sous-titre");
	doc_set_footer(d, "Pied");
	doc_heading(d, 1, "Partie %d", 1);
	doc_para(d, "Un paragraphe.");
	doc_note(d, "Une note.");
	doc_list(d);
	doc_item(d, "Premier");
	doc_item(d, "Second");
	t = doc_table(d, "Tableau A", 2, heads2);
	doc_row(t);
	doc_text(t, "Taux", TONE_STRONG);
	doc_num(t, 12.5, "12,5 %", TONE_MET);
	doc_row(t);
	doc_text(t, "Écart", TONE_NONE);
	doc_num(t, -3, "-3 j", TONE_MISSED);
	c = doc_chart(d, "Courbe", "j", 3);
	doc_chart_point(c, 0, "janv.", true, 1);
	doc_chart_point(c, 1, "févr.", false, 0);
	doc_chart_point(c, 2, "mars", true, 3);
	doc_chart_target(c, 2);
}

/* ------------------------------------------------------------------ */
/* The builder                                                         */

Test(doc_build, copies_every_string)
{
	char title[] = "Titre", name[] = "Feuille", head[] = "Colonne";
	char cell[] = "cellule", label[] = "janv.";
	const char *heads[] = { head };
	struct doc d;
	struct doc_table *t;
	struct doc_chart *c;

	doc_init(&d, title, NULL);
	t = doc_table(&d, name, 1, heads);
	doc_row(t);
	doc_text(t, cell, TONE_NONE);
	c = doc_chart(&d, title, "%", 1);
	doc_chart_point(c, 0, label, true, 4);
	title[0] = name[0] = head[0] = cell[0] = label[0] = 'X';
	cr_assert_str_eq(d.title, "Titre");
	cr_assert_null(d.subtitle);
	cr_assert_str_eq(t->name, "Feuille");
	cr_assert_str_eq(t->heads[0], "Colonne");
	cr_assert_str_eq(t->cells[0].text, "cellule");
	cr_assert_str_eq(c->labels[0], "janv.");
	cr_assert_str_eq(c->title, "Titre");
	doc_release(&d);
	cr_assert_null(d.blocks);
	doc_release(&d);	/* twice: still nothing to free */
}

Test(doc_build, keeps_blocks_in_order_and_formats_text)
{
	struct doc d;

	doc_init(&d, "T", "S");
	doc_heading(&d, 0, "h%d", 0);
	doc_heading(&d, 9, "h%s", "9");
	doc_para(&d, "%s et %d %%", "p", 2);
	doc_note(&d, "n");
	doc_set_footer(&d, "f1");
	doc_set_footer(&d, "f2");
	cr_assert_eq(d.n, 4);
	cr_assert_eq(d.blocks[0].kind, DOC_HEADING);
	cr_assert_eq(d.blocks[0].level, 1, "level clamped to 1..3");
	cr_assert_eq(d.blocks[1].level, 3);
	cr_assert_str_eq(d.blocks[1].text, "h9");
	cr_assert_eq(d.blocks[2].kind, DOC_PARAGRAPH);
	cr_assert_str_eq(d.blocks[2].text, "p et 2 %");
	cr_assert_eq(d.blocks[3].kind, DOC_NOTE);
	cr_assert_str_eq(d.footer, "f2");
	doc_release(&d);
}

Test(doc_build, items_go_to_the_last_list)
{
	struct doc d;

	doc_init(&d, "T", NULL);
	doc_item(&d, "sans liste");	/* makes one */
	doc_list(&d);
	doc_item(&d, "a%d", 1);
	doc_para(&d, "entre");
	doc_item(&d, "b");		/* still the last list */
	cr_assert_eq(d.n, 3);
	cr_assert_eq(d.blocks[0].n_items, 1);
	cr_assert_eq(d.blocks[1].n_items, 2);
	cr_assert_str_eq(d.blocks[1].items[0], "a1");
	cr_assert_str_eq(d.blocks[1].items[1], "b");
	doc_release(&d);
}

Test(doc_build, cells_fill_rows_in_order)
{
	struct doc d;
	struct doc_table *t, *z;

	doc_init(&d, "T", NULL);
	t = doc_table(&d, "t", 2, NULL);
	cr_assert_str_eq(t->heads[0], "", "no headings: empty ones");
	doc_text(t, "a", TONE_NONE);	/* no doc_row yet: starts one */
	doc_text(t, NULL, TONE_MUTED);	/* NULL: an empty cell */
	doc_text(t, "c", TONE_NONE);	/* row full: starts the next */
	doc_row(t);			/* a row left empty */
	doc_row(t);
	doc_num(t, NAN, "n/d", TONE_NONE);
	doc_num(t, 2.5, NULL, TONE_NONE);
	cr_assert_eq(t->n_rows, 4);
	cr_assert_str_eq(t->cells[0].text, "a");
	cr_assert_str_eq(t->cells[1].text, "");
	cr_assert_eq(t->cells[1].tone, TONE_MUTED);
	cr_assert_str_eq(t->cells[2].text, "c");
	cr_assert_null(t->cells[3].text, "the cell left unset");
	cr_assert_null(t->cells[4].text);
	cr_assert_not(t->cells[6].has_num, "NaN is not a number to add");
	cr_assert_str_eq(t->cells[6].text, "n/d");
	cr_assert(t->cells[7].has_num);
	cr_assert_str_eq(t->cells[7].text, "2,5", "NULL text: French form");
	z = doc_table(&d, "z", 0, NULL);
	doc_text(z, "perdu", TONE_NONE);	/* no column: nothing */
	cr_assert_eq(z->n_rows, 0);
	doc_release(&d);
}

Test(doc_build, chart_points)
{
	struct doc d;
	struct doc_chart *c;

	doc_init(&d, "T", NULL);
	c = doc_chart(&d, "c", "%", 2);
	cr_assert_not(c->has[0]);
	cr_assert_str_eq(c->labels[1], "");
	doc_chart_point(c, 0, "a", true, 1.5);
	doc_chart_point(c, 1, "b", true, INFINITY);
	doc_chart_point(c, 2, "hors", true, 1);	/* past the end: ignored */
	doc_chart_target(c, NAN);
	cr_assert(c->has[0]);
	cr_assert_eq(c->values[0], 1.5);
	cr_assert_not(c->has[1], "a value that is not finite is missing");
	cr_assert_not(c->has_target);
	doc_chart_target(c, 95);
	cr_assert(c->has_target);
	cr_assert_eq(c->target, 95);
	doc_release(&d);
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */

Test(doc_format, words_paths_and_extensions)
{
	static const struct {
		const char *s;
		int parse, path;
	} v[] = {
		{ "html", DOC_HTML, -1 },     { "HTM", DOC_HTML, -1 },
		{ "odt", DOC_FODT, -1 },      { "fodt", DOC_FODT, -1 },
		{ "ODS", DOC_FODS, -1 },      { "fods", DOC_FODS, -1 },
		{ "md", DOC_MD, -1 },	      { "Markdown", DOC_MD, -1 },
		{ "csv", DOC_CSV, -1 },	      { "pdf", -1, -1 },
		{ "", -1, -1 },		      { "r.html", -1, DOC_HTML },
		{ "r.HTM", -1, DOC_HTML },    { "d/r.fodt", -1, DOC_FODT },
		{ "r.odt", -1, -1 },	      { "r.ods", -1, -1 },
		{ "r.FODS", -1, DOC_FODS },   { "r.markdown", -1, DOC_MD },
		{ "r.md", -1, DOC_MD },	      { "r.csv", -1, DOC_CSV },
		{ ".md", -1, -1 },	      { "dir.md/r", -1, -1 },
		{ "r", -1, -1 },	      { "d/.csv", -1, -1 },
	};

	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		cr_assert_eq(doc_format_parse(v[i].s), v[i].parse, "%s",
			     v[i].s);
		cr_assert_eq(doc_format_of_path(v[i].s), v[i].path, "%s",
			     v[i].s);
	}
	cr_assert_eq(doc_format_parse(NULL), -1);
	cr_assert_eq(doc_format_of_path(NULL), -1);
	cr_assert_str_eq(doc_format_ext(DOC_HTML), "html");
	cr_assert_str_eq(doc_format_ext(DOC_FODT), "fodt");
	cr_assert_str_eq(doc_format_ext(DOC_FODS), "fods");
	cr_assert_str_eq(doc_format_ext(DOC_MD), "md");
	cr_assert_str_eq(doc_format_ext(DOC_CSV), "csv");
	/* each extension leads back to its format */
	for (int f = 0; f < DOC_FORMAT_COUNT; f++) {
		char path[32];

		snprintf(path, sizeof path, "x.%s", doc_format_ext(f));
		cr_assert_eq(doc_format_of_path(path), f);
	}
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */

Test(doc_html, one_self_contained_file)
{
	struct doc d;
	char *out;

	small(&d);
	out = render(&d, DOC_HTML);
	cr_assert(text_starts_with(out, "<!DOCTYPE html>\n<html lang=\"fr\">\n"
					"<head>\n<meta charset=\"utf-8\">\n"));
	assert_has(out, "<title>Rapport</title>");
	assert_has(out, "<style>\n");
	assert_has(out, "@page{size:A4");
	assert_has(out, "@media print{");
	assert_has(out, "<h1>Rapport</h1>\n<p class=\"subtitle\">Sous-titre"
			"</p>");
	assert_has(out, "<h2>Partie 1</h2>\n<p>Un paragraphe.</p>\n"
			"<p class=\"note\">Une note.</p>\n"
			"<ul>\n<li>Premier</li>\n<li>Second</li>\n</ul>\n");
	assert_has(out, "<div class=\"scroll\"><table>\n<caption>Tableau A</caption>\n"
			"<thead><tr><th scope=\"col\">Nom</th>"
			"<th scope=\"col\">Valeur</th></tr></thead>\n<tbody>\n"
			"<tr><td class=\"strong\">Taux</td>"
			"<td class=\"num met\">12,5 %</td></tr>\n"
			"<tr><td>Écart</td><td class=\"num missed\">-3 j</td>"
			"</tr>\n</tbody>\n</table></div>\n");
	assert_has(out, "<footer>\n<p>Pied</p>\n</footer>\n</body>\n"
			"</html>\n");
	/* no script, no resource, no URL of any kind */
	assert_lacks(out, "<script");
	assert_lacks(out, "://");
	assert_lacks(out, "src=");
	assert_lacks(out, "href");
	assert_lacks(out, "url(");
	assert_lacks(out, "@import");
	assert_lacks(out, "<link");
	free(out);
	doc_release(&d);
}

Test(doc_html, tones_are_classes_with_colours_that_print)
{
	struct doc d;
	struct doc_table *t;
	char *out;

	doc_init(&d, "T", NULL);
	t = doc_table(&d, "", 5, NULL);
	doc_text(t, "a", TONE_MET);
	doc_text(t, "b", TONE_MISSED);
	doc_text(t, "c", TONE_MISSING);
	doc_text(t, "d", TONE_MUTED);
	doc_text(t, "e", TONE_STRONG);
	out = render(&d, DOC_HTML);
	assert_has(out, "<tr><td class=\"met\">a</td><td class=\"missed\">b"
			"</td><td class=\"missing\">c</td>"
			"<td class=\"muted\">d</td><td class=\"strong\">e</td>"
			"</tr>");
	assert_lacks(out, "<caption>");	/* no name: no caption */
	assert_has(out, "td.met{background:");
	assert_has(out, "td.missed{background:");
	assert_has(out, "td.missing{background:");
	assert_has(out, "print-color-adjust:exact");
	free(out);
	doc_release(&d);
}

Test(doc_html, chart_is_inline_svg_with_axes_target_and_fallback)
{
	struct doc d;
	char *out, *svg;

	small(&d);
	out = render(&d, DOC_HTML);
	assert_has(out, "<figure class=\"chart\">\n<svg class=\"chart\" "
			"width=\"640\" height=\"260\" viewBox=\"0 0 640 260\" "
			"role=\"img\"");
	svg = slice(out, "<svg", "</svg>");
	assert_lacks(svg, "xmlns");	/* inline: no namespace URL */
	assert_has(svg, "<title>Courbe</title>");
	assert_has(svg, "<desc>janv. : 1 j ; févr. : — ; mars : 3 j ; "
			"cible : 2 j</desc>");
	/* x labels, y ticks (0 to 3 by 1) and the unit */
	assert_has(svg, ">janv.</text>");
	assert_has(svg, ">févr.</text>");
	assert_has(svg, ">mars</text>");
	assert_has(svg, "text-anchor=\"end\">0</text>");
	assert_has(svg, "text-anchor=\"end\">3</text>");
	assert_has(svg, "text-anchor=\"end\">j</text>");
	/* the target, dashed, with its label */
	assert_has(svg, "stroke-dasharray=\"6 4\"");
	assert_has(svg, ">cible 2 j</text>");
	/* two points and no line through the missing one: two moves */
	cr_assert_eq(count(svg, "<circle "), 2);
	assert_has(svg, "<path class=\"series\" d=\"M82.0 158.7 M602.0 44.0\"");
	/* the text fallback under it */
	assert_has(out, "</svg>\n<figcaption>Courbe — janv. : 1 j ; "
			"févr. : — ; mars : 3 j ; cible : 2 j</figcaption>\n"
			"</figure>\n");
	free(svg);
	free(out);
	doc_release(&d);
}

Test(doc_html, chart_without_values)
{
	struct doc d;
	char *out;

	doc_init(&d, "T", NULL);
	doc_chart(&d, "Vide", "", 2);
	doc_chart(&d, "Rien", "", 0);
	out = render(&d, DOC_HTML);
	cr_assert_eq(count(out, ">aucune valeur</text>"), 2);
	assert_lacks(out, "<circle");
	assert_lacks(out, "<path");
	assert_has(out, "<figcaption>Rien — aucune valeur</figcaption>");
	free(out);
	doc_release(&d);
}

Test(doc_html, chart_axis_ticks)
{
	struct doc d;
	struct doc_chart *c;
	char *out;

	doc_init(&d, "T", NULL);
	/* one small value: from zero, ticks with the decimals they need */
	c = doc_chart(&d, "Un", "", 1);
	doc_chart_point(c, 0, "2025", true, 0.004);
	out = render(&d, DOC_HTML);
	assert_has(out, "text-anchor=\"end\">0</text>");
	assert_has(out, "text-anchor=\"end\">0,001</text>");
	assert_has(out, "text-anchor=\"end\">0,004</text>");
	free(out);
	doc_release(&d);
	/* negative values: the axis goes below zero */
	doc_init(&d, "T", NULL);
	c = doc_chart(&d, "Écart", "j", 2);
	doc_chart_point(c, 0, "a", true, -3);
	doc_chart_point(c, 1, "b", true, 1.25);
	out = render(&d, DOC_HTML);
	assert_has(out, "text-anchor=\"end\">-4</text>");
	assert_has(out, "text-anchor=\"end\">2</text>");
	free(out);
	doc_release(&d);
}

/* ------------------------------------------------------------------ */
/* Flat ODT                                                            */

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Base64 text (whitespace skipped) decoded, as a heap string. */
static char *unbase64(const char *s, const char *end)
{
	char *out = malloc((size_t)(end - s) + 1), *o = out;
	unsigned v = 0;
	int bits = 0;

	cr_assert(out);
	for (; s < end && *s != '='; s++) {
		const char *p = strchr(b64, *s);

		if (*s == '\n' || *s == ' ')
			continue;
		cr_assert(p && *s, "bad base64 character %d", *s);
		v = v << 6 | (unsigned)(p - b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			*o++ = (char)(v >> bits & 0xFF);
		}
	}
	*o = '\0';
	return out;
}

Test(doc_fodt, flat_text_document)
{
	struct doc d;
	char *out;

	small(&d);
	out = render(&d, DOC_FODT);
	cr_assert(text_starts_with(out, "<?xml version=\"1.0\" "
					"encoding=\"UTF-8\"?>\n"
					"<office:document\n"));
	assert_has(out, " office:mimetype=\"application/vnd.oasis."
			"opendocument.text\">");
	assert_has(out, "<dc:title>Rapport</dc:title>");
	assert_has(out, "<dc:language>fr-FR</dc:language>");
	assert_has(out, "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\"");
	assert_has(out, "<style:style style:name=\"Heading_20_1\"");
	assert_has(out, "<style:style style:name=\"ce-met\" "
			"style:family=\"table-cell\">");
	assert_has(out, "<text:p text:style-name=\"Title\">Rapport</text:p>\n"
			"<text:p text:style-name=\"Subtitle\">Sous-titre"
			"</text:p>\n"
			"<text:h text:style-name=\"Heading_20_1\" "
			"text:outline-level=\"1\">Partie 1</text:h>\n"
			"<text:p text:style-name=\"Text_20_body\">Un paragraphe."
			"</text:p>\n"
			"<text:p text:style-name=\"Note\">Une note.</text:p>\n"
			"<text:list text:style-name=\"Bullets\">\n"
			"<text:list-item><text:p text:style-name=\"List_20_Item\">"
			"Premier</text:p></text:list-item>\n");
	assert_has(out, "<text:p text:style-name=\"Caption\">Tableau A"
			"</text:p>\n<table:table table:name=\"Tableau A\" "
			"table:style-name=\"Tbl\">\n"
			"<table:table-column table:style-name=\"c0-0\"/>\n"
			"<table:table-column table:style-name=\"c0-1\"/>\n"
			"<table:table-header-rows>\n<table:table-row>\n"
			"<table:table-cell table:style-name=\"ce-head\" "
			"office:value-type=\"string\"><text:p "
			"text:style-name=\"P-head\">Nom</text:p>"
			"</table:table-cell>\n");
	assert_has(out, "<table:table-cell table:style-name=\"ce-met\" "
			"office:value-type=\"float\" office:value=\"12.5\">"
			"<text:p text:style-name=\"N-met\">12,5 %</text:p>"
			"</table:table-cell>\n");
	assert_has(out, "<table:table-cell table:style-name=\"ce-strong\" "
			"office:value-type=\"string\"><text:p "
			"text:style-name=\"P-strong\">Taux</text:p>");
	assert_has(out, "<text:p text:style-name=\"Closing\">Pied</text:p>\n"
			"</office:text>\n</office:body>\n</office:document>\n");
	free(out);
	doc_release(&d);
}

Test(doc_fodt, chart_is_the_html_svg_as_an_image)
{
	struct doc d;
	char *odt, *html, *data, *svg, *inline_svg, *with_ns;
	const char *a, *b;

	small(&d);
	odt = render(&d, DOC_FODT);
	html = render(&d, DOC_HTML);
	assert_has(odt, "<draw:frame draw:style-name=\"fr\" "
			"draw:name=\"Graphique 1\" text:anchor-type=\"as-char\" "
			"svg:width=\"170mm\" svg:height=\"69mm\"");
	assert_has(odt, "<draw:image draw:mime-type=\"image/svg+xml\">"
			"<office:binary-data>\n");
	assert_has(odt, "<svg:title>Courbe</svg:title>\n<svg:desc>janv. : "
			"1 j ; févr. : — ; mars : 3 j ; cible : 2 j</svg:desc>");
	/* the values as text under it, for readers and for search */
	assert_has(odt, "</draw:frame></text:p>\n<text:p text:style-name="
			"\"Chart_20_Text\">janv. : 1 j ; févr. : — ; mars : 3 j ;"
			" cible : 2 j</text:p>\n");
	a = strstr(odt, "<office:binary-data>\n") + strlen("<office:binary-data>\n");
	b = strstr(a, "</office:binary-data>");
	data = strndup(a, (size_t)(b - a));
	svg = unbase64(a, b);
	/* the same drawing as the HTML's, with its namespace */
	inline_svg = slice(html, "<svg", "</svg>");
	cr_assert(text_starts_with(svg, "<svg xmlns=\"http://www.w3.org/2000/"
					"svg\" version=\"1.1\" class=\"chart\""));
	with_ns = malloc(strlen(inline_svg) + 64);
	sprintf(with_ns, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
			 "version=\"1.1\"%s", inline_svg + 4);
	cr_assert_str_eq(svg, with_ns);
	/* lines of 76 */
	for (const char *p = data; *p;) {
		const char *nl = strchr(p, '\n');

		cr_assert(nl);
		cr_assert_leq(nl - p, 76);
		p = nl + 1;
	}
	free(with_ns);
	free(inline_svg);
	free(svg);
	free(data);
	free(html);
	free(odt);
	doc_release(&d);
}

Test(doc_fodt, line_breaks_and_runs_of_spaces_are_kept)
{
	struct doc d;
	char *out;

	doc_init(&d, "T", NULL);
	doc_para(&d, "a  b\n  c\r\nd");
	doc_note(&d, "x\ry");
	doc_item(&d, "i\nj");	/* items: one line */
	out = render(&d, DOC_FODT);
	assert_has(out, ">a <text:s/>b<text:line-break/><text:s text:c=\"2\"/>"
			"c<text:line-break/>d</text:p>");
	assert_has(out, ">x<text:line-break/>y</text:p>");
	assert_has(out, ">i j</text:p>");
	free(out);
	doc_release(&d);
}

/* ------------------------------------------------------------------ */
/* Flat ODS                                                            */

Test(doc_fods, sheets_with_header_numbers_and_strings)
{
	struct doc d;
	char *out;

	small(&d);
	out = render(&d, DOC_FODS);
	assert_has(out, " office:mimetype=\"application/vnd.oasis."
			"opendocument.spreadsheet\">");
	cr_assert_eq(count(out, "<table:table "), 1, "one sheet per table");
	assert_has(out, "<office:spreadsheet>\n<table:table "
			"table:name=\"Tableau A\">\n"
			"<table:table-column table:style-name=\"c0-0\"/>\n"
			"<table:table-column table:style-name=\"c0-1\"/>\n"
			"<table:table-header-rows>\n<table:table-row>\n"
			"<table:table-cell table:style-name=\"ce-head\" "
			"office:value-type=\"string\"><text:p>Nom</text:p>"
			"</table:table-cell>\n");
	assert_has(out, "<table:table-cell table:style-name=\"ce-met\" "
			"office:value-type=\"float\" office:value=\"12.5\">"
			"<text:p>12,5 %</text:p></table:table-cell>\n");
	assert_has(out, "<table:table-cell table:style-name=\"ce-missed\" "
			"office:value-type=\"float\" office:value=\"-3\">"
			"<text:p>-3 j</text:p></table:table-cell>\n");
	assert_has(out, "<table:table-cell table:style-name=\"ce-none\" "
			"office:value-type=\"string\"><text:p>Écart</text:p>");
	assert_has(out, "<style:style style:name=\"ce-missed\" "
			"style:family=\"table-cell\">\n"
			"<style:table-cell-properties "
			"fo:background-color=\"#fbdcdc\"/>\n");
	/* text blocks are not in the spreadsheet */
	assert_lacks(out, "Un paragraphe");
	assert_lacks(out, "Courbe");
	free(out);
	doc_release(&d);
}

Test(doc_fods, numbers_as_numbers)
{
	static const struct {
		double v;
		const char *value;	/* NULL: a string cell */
	} v[] = {
		{ 12.5, "12.5" }, { -3, "-3" }, { 0.1, "0.1" },
		{ 1250, "1250" }, { 1e20, "1e+20" }, { 1.0 / 3, "0.333333333333333" },
		{ NAN, NULL }, { INFINITY, NULL },
	};
	struct doc d;
	struct doc_table *t;
	char *out;

	doc_init(&d, "T", NULL);
	t = doc_table(&d, "n", 1, NULL);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		doc_num(t, v[i].v, "texte", TONE_NONE);
	out = render(&d, DOC_FODS);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		char frag[128];

		if (!v[i].value)
			continue;
		snprintf(frag, sizeof frag, "office:value-type=\"float\" "
			 "office:value=\"%s\">", v[i].value);
		assert_has(out, frag);
	}
	cr_assert_eq(count(out, "office:value-type=\"float\""), 6);
	/* the two that are not numbers: strings, with their text */
	cr_assert_eq(count(out, "office:value-type=\"string\"><text:p>texte"),
		     2);
	free(out);
	doc_release(&d);
}

Test(doc_fods, sheet_names_are_valid_and_unique)
{
	static const char *const names[] = {
		"Délais [2025] : prise / résolution",
		"'cité'",
		"",
		"a*b?c\\d",
		"Évaluation des engagements de la commune de Mérignac",
		"Saisines",
		"saisines",
		"SAISINES",
		"Évaluation des engagements de la commune de Mérignac",
		"  \t ",
		"ligne\nsuivante",
	};
	static const char *const want[] = {
		"Délais (2025) - prise - résolut",
		"cité",
		"Tableau 3",
		"a-b-c-d",
		"Évaluation des engagements de l",
		"Saisines",
		"saisines (2)",
		"SAISINES (3)",
		"Évaluation des engagements (2)",
		"Tableau 10",
		"ligne suivante",
	};
	struct doc d;
	char *out, *p;
	size_t i = 0;

	doc_init(&d, "T", NULL);
	for (i = 0; i < sizeof names / sizeof *names; i++)
		doc_table(&d, names[i], 1, NULL);
	out = render(&d, DOC_FODS);
	p = out;
	for (i = 0; i < sizeof want / sizeof *want; i++) {
		const char *a = strstr(p, "<table:table table:name=\"");
		const char *b;
		char *got;

		cr_assert(a, "sheet %zu missing", i);
		a += strlen("<table:table table:name=\"");
		b = strchr(a, '"');
		got = strndup(a, (size_t)(b - a));
		cr_assert_str_eq(got, want[i]);
		free(got);
		p = (char *)b;
	}
	/* the same names in the text document */
	free(out);
	out = render(&d, DOC_FODT);
	assert_has(out, "<table:table table:name=\"SAISINES (3)\"");
	assert_has(out, "<text:p text:style-name=\"Caption\">SAISINES</text:p>");
	free(out);
	doc_release(&d);
}

Test(doc_fods, a_doc_without_table_still_has_a_sheet)
{
	struct doc d;
	char *out;

	doc_init(&d, "Seul & unique", NULL);
	doc_para(&d, "p");
	out = render(&d, DOC_FODS);
	assert_has(out, "<table:table table:name=\"Document\">");
	assert_has(out, "<text:p>Seul &amp; unique</text:p>");
	free(out);
	doc_release(&d);
}

/* ------------------------------------------------------------------ */
/* Markdown                                                            */

Test(doc_md, whole_small_doc)
{
	struct doc d;
	char *out;

	small(&d);
	out = render(&d, DOC_MD);
	cr_assert_str_eq(out,
		"# Rapport\n\n"
		"_Sous-titre_\n\n"
		"## Partie 1\n\n"
		"Un paragraphe.\n\n"
		"> Une note.\n\n"
		"- Premier\n"
		"- Second\n\n"
		"**Tableau A**\n\n"
		"| Nom | Valeur |\n"
		"| --- | ---: |\n"
		"| Taux | 12,5 % |\n"
		"| Écart | -3 j |\n\n"
		"**Courbe** : ▁·█  \n"
		"janv. : 1 j ; févr. : — ; mars : 3 j ; cible : 2 j\n\n"
		"---\n\n"
		"_Pied_\n");
	free(out);
	doc_release(&d);
}

Test(doc_md, multiline_paragraphs_and_notes)
{
	struct doc d;
	char *out;

	doc_init(&d, "T", NULL);
	doc_heading(&d, 3, "Niveau 3");
	doc_para(&d, "un\n\ndeux\n- trois");
	doc_note(&d, "a\n# b");
	out = render(&d, DOC_MD);
	assert_has(out, "#### Niveau 3\n\n");
	assert_has(out, "\nun  \ndeux  \n\\- trois\n\n");
	assert_has(out, "\n> a  \n> \\# b\n\n");
	free(out);
	doc_release(&d);
}

Test(doc_md, sparkline_levels)
{
	struct doc d;
	struct doc_chart *c;
	char *out;

	doc_init(&d, "T", NULL);
	c = doc_chart(&d, "S", "", 9);
	for (size_t i = 0; i < 8; i++)
		doc_chart_point(c, i, "x", true, (double)i);
	c = doc_chart(&d, "Plat", "", 2);
	doc_chart_point(c, 0, "a", true, 5);
	doc_chart_point(c, 1, "b", true, 5);
	doc_chart(&d, "", "", 0);
	out = render(&d, DOC_MD);
	assert_has(out, "**S** : ▁▂▃▄▅▆▇█·  \n");
	assert_has(out, "**Plat** : ▄▄  \n");
	assert_has(out, "**Graphique**  \naucune valeur\n");
	free(out);
	doc_release(&d);
}

/* ------------------------------------------------------------------ */
/* CSV                                                                 */

Test(doc_csv, tables_one_after_the_other)
{
	struct doc d;
	struct doc_table *t;
	char *out;

	small(&d);
	t = doc_table(&d, "B, \"deux\"", 3, (const char *const[]){ "x", "y",
								    "z" });
	doc_num(t, 1234.5678, "1 234,57", TONE_NONE);
	doc_num(t, 0.1234567, "0,12", TONE_NONE);
	doc_num(t, -0.5, "-0,5", TONE_NONE);
	doc_text(t, "=SUM(A1)", TONE_NONE);
	doc_text(t, "+33 5 56", TONE_NONE);
	doc_text(t, "@moi", TONE_NONE);
	doc_num(t, NAN, "-", TONE_NONE);
	doc_text(t, "ligne\nsuite", TONE_NONE);
	doc_text(t, "x\x01y", TONE_NONE);
	out = render(&d, DOC_CSV);
	cr_assert_str_eq(out,
		"Tableau A\r\n"
		"Nom,Valeur\r\n"
		"Taux,\"12,5\"\r\n"
		"Écart,-3\r\n"
		"\r\n"
		"\"B, \"\"deux\"\"\"\r\n"
		"x,y,z\r\n"
		"\"1234,5678\",\"0,123457\",\"-0,5\"\r\n"
		"'=SUM(A1),'+33 5 56,'@moi\r\n"
		"'-,ligne suite,x y\r\n"
		"\r\n");
	free(out);
	doc_release(&d);
}

Test(doc_csv, no_table_no_output)
{
	struct doc d;
	char *out;

	doc_init(&d, "T", "S");
	doc_para(&d, "p");
	out = render(&d, DOC_CSV);
	cr_assert_str_eq(out, "");
	free(out);
	doc_release(&d);
}

/* ------------------------------------------------------------------ */
/* Hostile text, every block kind, every format                        */

/* Markup of every format, quotes, a formula, a line feed, control
 * characters, an invalid byte, a non-character, accents. */
#define HOSTILE "<script>alert('x')</script> & \"q\" =SUM(A1) | # titre " \
		"*gras* [l](u) &amp;\nligne 2\x01\x1b" "é \xff\xef\xbf\xbf fin"

/* A doc with text in every place a user's text can go. */
static void every_place(struct doc *d, const char *s)
{
	const char *heads[] = { s, s };
	struct doc_table *t;
	struct doc_chart *c;

	doc_init(d, s, s);
	doc_set_footer(d, s);
	doc_heading(d, 1, "%s", s);
	doc_para(d, "%s", s);
	doc_note(d, "%s", s);
	doc_list(d);
	doc_item(d, "%s", s);
	t = doc_table(d, s, 2, heads);
	doc_text(t, s, TONE_MISSED);
	doc_num(t, 1, s, TONE_MET);
	c = doc_chart(d, s, s, 2);
	doc_chart_point(c, 0, s, true, 1);
	doc_chart_point(c, 1, s, true, 2);
	doc_chart_target(c, 1.5);
}

/* out is valid UTF-8 without control characters but LF (and CR before
 * LF in CSV). */
static void assert_clean_bytes(const char *out, bool crlf)
{
	size_t bad;

	cr_assert(text_utf8_valid(out, strlen(out), &bad),
		  "invalid UTF-8 at %zu", bad);
	for (const char *p = out; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\r' && crlf && p[1] == '\n')
			continue;
		cr_assert(c == '\n' || (c >= 0x20 && c != 0x7f),
			  "control character %#x at %td", c, p - out);
	}
	/* U+FFFF is not an XML character */
	assert_lacks(out, "\xef\xbf\xbf");
}

/* Markup made by the renderer only: the hostile doc and a doc with a
 * harmless text of the same shape have as many '<' (every tag is
 * ours), and the hostile text is there, escaped. */
static void assert_same_markup(enum doc_format fmt)
{
	struct doc h, p;
	char *oh, *op;

	every_place(&h, HOSTILE);
	every_place(&p, "a\nb\x01\x01" "c");
	oh = render(&h, fmt);
	op = render(&p, fmt);
	cr_assert_eq(count(oh, "<"), count(op, "<"),
		     "the user's text made markup (%zu, %zu)", count(oh, "<"), count(op, "<"));
	assert_clean_bytes(oh, false);
	assert_lacks(oh, "<script");
	assert_lacks(oh, "'x'");
	assert_lacks(oh, "\"q\"");
	assert_lacks(oh, "& ");
	assert_has(oh, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
		       "&amp; &quot;q&quot; =SUM(A1) | # titre *gras* [l](u) "
		       "&amp;amp;");
	assert_has(oh, "é \xef\xbf\xbd\xef\xbf\xbd fin");
	free(oh);
	free(op);
	doc_release(&h);
	doc_release(&p);
}

Test(doc_hostile, html)
{
	struct doc d;
	char *out;

	assert_same_markup(DOC_HTML);
	every_place(&d, HOSTILE);
	out = render(&d, DOC_HTML);
	/* line feed kept in paragraphs and notes, a space elsewhere;
	 * control characters are spaces */
	assert_has(out, "<p>&lt;script&gt;");
	assert_has(out, "&amp;amp;<br>\nligne 2  é");
	assert_has(out, "<h2>&lt;script&gt;");
	assert_has(out, "&amp;amp; ligne 2  é \xef\xbf\xbd\xef\xbf\xbd fin</h2>");
	assert_has(out, "<title>&lt;script&gt;alert(&#39;x&#39;)");
	free(out);
	doc_release(&d);
}

Test(doc_hostile, fodt)
{
	struct doc d;
	char *out;

	assert_same_markup(DOC_FODT);
	every_place(&d, HOSTILE);
	out = render(&d, DOC_FODT);
	assert_has(out, "&amp;amp;<text:line-break/>ligne 2 <text:s/>é");
	assert_has(out, "<dc:title>&lt;script&gt;");
	assert_has(out, "table:name=\"&lt;script&gt;alert(&#39;x&#39;)");
	free(out);
	doc_release(&d);
}

Test(doc_hostile, fods)
{
	struct doc d;
	char *out;

	assert_same_markup(DOC_FODS);
	every_place(&d, HOSTILE);
	out = render(&d, DOC_FODS);
	/* the sheet name: no ] or / or : or * or ?, 31 characters */
	assert_has(out, "table:name=\"&lt;script&gt;alert(&#39;x&#39;)&lt;-"
			"script&gt; &amp; &quot;\"");
	/* a formula typed by the user is a string, never a formula */
	assert_lacks(out, "table:formula");
	assert_has(out, "office:value-type=\"float\" office:value=\"1\">"
			"<text:p>&lt;script&gt;");
	free(out);
	doc_release(&d);
}

Test(doc_hostile, markdown)
{
	struct doc d;
	char *out;

	every_place(&d, HOSTILE);
	out = render(&d, DOC_MD);
	assert_clean_bytes(out, false);
	/* the title: every # escaped, one line */
	cr_assert(text_starts_with(out,
		"# \\<script>alert('x')\\</script> & \"q\" =SUM(A1) \\| \\# titre "
		"\\*gras\\* \\[l\\](u) \\&amp; ligne 2  é \xef\xbf\xbd\xef\xbf\xbd "
		"fin\n\n"), "%s", out);
	/* a paragraph: the line break kept (hard break), both lines
	 * escaped as starting a line */
	assert_has(out, "\n\\<script>alert('x')\\</script> & \"q\" =SUM(A1) \\| "
			"# titre \\*gras\\* \\[l\\](u) \\&amp;  \nligne 2  é "
			"\xef\xbf\xbd\xef\xbf\xbd fin\n\n");
	assert_has(out, "\n> \\<script>");
	assert_has(out, "&amp;  \n> ligne 2");
	assert_has(out, "\n- \\<script>");
	/* a table cell: | escaped, one line */
	assert_has(out, "| \\<script>alert('x')\\</script> & \"q\" =SUM(A1) \\| "
			"# titre \\*gras\\* \\[l\\](u) \\&amp; ligne 2  é "
			"\xef\xbf\xbd\xef\xbf\xbd fin |");
	/* nothing that makes a tag or an entity */
	assert_lacks(out, " <script");
	assert_lacks(out, " &amp;");
	free(out);
	doc_release(&d);
}

Test(doc_hostile, markdown_block_markers)
{
	static const char *const in[] = { "# t", "> q", "- l", "+ l", "=== ",
					  "1. n", "12) n", "    code", "~~~",
					  "```", "<div>", "&copy;" };
	static const char *const want[] = { "\\# t", "\\> q", "\\- l",
					    "\\+ l", "\\===", "1\\. n",
					    "12\\) n", "code", "\\~\\~\\~",
					    "\\`\\`\\`", "\\<div>",
					    "\\&copy;" };
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		struct doc d;
		char *out, frag[64];

		doc_init(&d, "T", NULL);
		doc_para(&d, "%s", in[i]);
		doc_item(&d, "%s", in[i]);
		out = render(&d, DOC_MD);
		snprintf(frag, sizeof frag, "\n\n%s\n\n", want[i]);
		assert_has(out, frag);
		snprintf(frag, sizeof frag, "\n- %s\n", want[i]);
		assert_has(out, frag);
		free(out);
		doc_release(&d);
	}
}

Test(doc_hostile, csv)
{
	struct doc d;
	char *out;

	every_place(&d, HOSTILE);
	out = render(&d, DOC_CSV);
	assert_clean_bytes(out, true);
	/* one line per cell text: name row, header row, the row, empty */
	cr_assert_eq(count(out, "\r\n"), 4);
	assert_has(out, "\"<script>alert('x')</script> & \"\"q\"\" =SUM(A1) | "
			"# titre *gras* [l](u) &amp; ligne 2  é "
			"\xef\xbf\xbd\xef\xbf\xbd fin\",1\r\n");
	free(out);
	doc_release(&d);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

Test(doc_save, writes_0600_and_refuses_to_overwrite)
{
	struct doc d;
	struct err e;
	char *path = t_path("r.md"), *got;

	small(&d);
	cr_assert_eq(doc_save(path, &d, DOC_MD, false, &e), 0, "%s", e.msg);
	cr_assert_eq(t_mode(path), 0600);
	got = t_read(path, NULL);
	cr_assert(text_starts_with(got, "# Rapport\n"));
	free(got);
	/* there now: refused, untouched */
	doc_release(&d);
	doc_init(&d, "Autre", NULL);
	cr_assert_eq(doc_save(path, &d, DOC_MD, false, &e), -1);
	cr_assert_eq(e.code, ERR_EXISTS);
	cr_assert(strstr(e.msg, "--force"), "%s", e.msg);
	got = t_read(path, NULL);
	cr_assert(text_starts_with(got, "# Rapport\n"));
	free(got);
	/* forced: replaced */
	cr_assert_eq(doc_save(path, &d, DOC_MD, true, &e), 0, "%s", e.msg);
	got = t_read(path, NULL);
	cr_assert_str_eq(got, "# Autre\n\n");
	cr_assert_eq(t_mode(path), 0600);
	free(got);
	doc_release(&d);
	free(path);
}

Test(doc_save, refuses_what_is_not_a_regular_file)
{
	struct doc d;
	struct err e;
	char *dir = t_path("dossier");
	struct stat sb;

	cr_assert_eq(mkdir(dir, 0700), 0);
	doc_init(&d, "T", NULL);
	cr_assert_eq(doc_save(dir, &d, DOC_HTML, true, &e), -1);
	cr_assert_eq(e.code, ERR_IO);
	cr_assert(stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode));
	cr_assert_eq(doc_save("/dev/null", &d, DOC_CSV, true, &e), -1);
	cr_assert_eq(e.code, ERR_IO);
	/* a folder that does not exist */
	free(dir);
	dir = t_path("absent/r.html");
	cr_assert_eq(doc_save(dir, &d, DOC_HTML, false, &e), -1);
	cr_assert_eq(e.code, ERR_IO);
	doc_release(&d);
	free(dir);
}

Test(doc_save, every_format_and_no_temporary_left)
{
	struct doc d;
	struct err e;

	small(&d);
	for (int f = 0; f < DOC_FORMAT_COUNT; f++) {
		char name[32], *path, *got;

		snprintf(name, sizeof name, "r.%s", doc_format_ext(f));
		path = t_path(name);
		cr_assert_eq(doc_save(path, &d, f, false, &e), 0, "%s", e.msg);
		got = t_read(path, NULL);
		cr_assert(got && *got);
		free(got);
		free(path);
	}
	cr_assert_eq(doc_save("x", &d, (enum doc_format)DOC_FORMAT_COUNT,
			      true, &e), -1);
	doc_release(&d);
	{
		/* the five files in the folder, no temporary one */
		DIR *dir = opendir(t_dir());
		struct dirent *de;
		int n = 0;

		cr_assert(dir);
		while ((de = readdir(dir)))
			n += de->d_name[0] != '.';
		closedir(dir);
		cr_assert_eq(n, DOC_FORMAT_COUNT);
	}
}

Test(doc_write, reports_a_write_error)
{
	struct doc d;
	struct err e;
	FILE *fp = fopen("/dev/full", "w");

	if (!fp)
		cr_skip_test("no /dev/full");
	small(&d);
	cr_assert_eq(doc_write(fp, &d, DOC_HTML, &e), -1);
	cr_assert_eq(e.code, ERR_IO);
	fclose(fp);
	doc_release(&d);
}

/* Under fr_FR (check-unit runs the locale suite again in it), numbers for
 * machines keep their point and numbers for people their comma. */
Test(locale, doc_numbers_do_not_depend_on_lc_numeric)
{
	struct doc d;
	struct doc_table *t;
	char *ods, *csv;

	setlocale(LC_ALL, "");
	doc_init(&d, "T", NULL);
	t = doc_table(&d, "n", 2, NULL);
	doc_num(t, 12.5, NULL, TONE_NONE);
	doc_num(t, -0.25, "-0,25 %", TONE_NONE);
	ods = render(&d, DOC_FODS);
	csv = render(&d, DOC_CSV);
	assert_has(ods, "office:value=\"12.5\"><text:p>12,5</text:p>");
	assert_has(ods, "office:value=\"-0.25\"><text:p>-0,25 %</text:p>");
	assert_has(csv, "\"12,5\",\"-0,25\"\r\n");
	free(ods);
	free(csv);
	doc_release(&d);
}

Test(doc_caption, a_table_under_a_heading_of_its_name_has_no_caption)
{
	struct doc d;
	static const char *const heads[] = { "A" };
	struct doc_table *t;
	char *html, *md, *fodt;

	doc_init(&d, "Titre", NULL);
	doc_heading(&d, 1, "Synthèse");
	t = doc_table(&d, "Synthèse", 1, heads);
	doc_row(t);
	doc_text(t, "x", TONE_NONE);
	doc_heading(&d, 1, "Autre partie");
	t = doc_table(&d, "Feuille B", 1, heads);
	doc_row(t);
	doc_text(t, "y", TONE_NONE);
	html = render(&d, DOC_HTML);
	md = render(&d, DOC_MD);
	fodt = render(&d, DOC_FODT);
	cr_expect_null(strstr(html, "<caption>Synthèse</caption>"));
	cr_expect(strstr(html, "<caption>Feuille B</caption>"));
	cr_expect_null(strstr(md, "**Synthèse**"));
	cr_expect(strstr(md, "**Feuille B**"));
	cr_expect(strstr(fodt, ">Feuille B</text:p>"));
	cr_expect_null(strstr(fodt, "\"Caption\">Synthèse"));
	free(html);
	free(md);
	free(fodt);
	doc_release(&d);
}

Test(doc_fodt, columns_as_wide_as_what_they_hold_small_type_when_many)
{
	struct doc d;
	static const char *const two[] = { "Nom", "Très longue colonne" };
	static const char *const heads9[] = { "a", "b", "c", "d", "e", "f",
					      "g", "h", "i" };
	struct doc_table *t;
	char *fodt, *fods;

	doc_init(&d, "Titre", NULL);
	t = doc_table(&d, "A", 2, two);
	doc_row(t);
	doc_text(t, "x", TONE_NONE);
	doc_text(t, "un texte de plus de vingt-quatre caractères", TONE_NONE);
	t = doc_table(&d, "B", 9, heads9);
	doc_row(t);
	for (int i = 0; i < 9; i++)
		doc_num(t, i, NULL, TONE_MET);
	fodt = render(&d, DOC_FODT);
	fods = render(&d, DOC_FODS);
	/* "Nom" and "x": the minimum 3; the long text: its longest word or
	 * half its length, up to 12; plus one each */
	cr_expect(strstr(fodt, "style:rel-column-width=\"400*\"/>"));
	cr_expect(strstr(fodt, "style:rel-column-width=\"1300*\"/>"));
	/* and absolute widths sharing the portrait page, 17 cm */
	cr_expect(strstr(fodt, "<style:table-column-properties "
			       "style:column-width=\"4.000cm\" "
			       "style:rel-column-width=\"400*\"/>"));
	cr_expect(strstr(fodt, "fo:page-width=\"21cm\""));
	/* nine columns: the small paragraph styles */
	cr_expect(strstr(fodt, "<text:p text:style-name=\"n-met\">"));
	cr_expect(strstr(fodt, "<text:p text:style-name=\"p-head\">a"));
	cr_expect_null(strstr(fodt, "text:style-name=\"p-head\">Nom"));
	cr_expect(strstr(fodt, "fo:font-size=\"7.5pt\""));
	/* sheets: absolute widths */
	cr_expect(strstr(fods, "style:name=\"c1-0\" style:family=\"table-"
			       "column\">\n<style:table-column-properties "
			       "style:column-width=\"1.80cm\"/>"));
	free(fodt);
	free(fods);
	doc_release(&d);
}

Test(doc_fodt, landscape_when_a_table_does_not_fit_the_portrait_page)
{
	struct doc d;
	const char *heads[20];
	struct doc_table *t;
	char *fodt;

	for (int i = 0; i < 20; i++)
		heads[i] = "Programmation";
	doc_init(&d, "Titre", NULL);
	t = doc_table(&d, "Large", 20, heads);
	doc_row(t);
	for (int i = 0; i < 20; i++)
		doc_text(t, "x", TONE_NONE);
	fodt = render(&d, DOC_FODT);
	cr_expect(strstr(fodt, "fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" "
			       "style:print-orientation=\"landscape\""));
	cr_expect(strstr(fodt, "style:width=\"25.7cm\""));
	free(fodt);
	doc_release(&d);
}

/* What the minutes of a meeting use (issue 18): fields, a nothing
 * paragraph, a warning, a numbered list keeping its line feeds, flagged
 * items and rows, a cell's mark. */
static void record(struct doc *d)
{
	struct doc_table *t;
	static const char *const heads[] = { "Action", "État" };

	doc_init(d, "Compte rendu", NULL);
	doc_warning(d, "Provisoire <%s>", "x");
	doc_field(d, "Commune", "%s", "Le <Bouscat> | 2");
	doc_field(d, "Lieu", "%s", "Salle");
	doc_nothing(d, "Néant.");
	doc_list_numbered(d);
	doc_item(d, "Valider");
	doc_item(d, "Reporter\n1. la revue");
	doc_list(d);
	doc_item(d, "à l'heure");
	doc_item(d, "en retard");
	doc_item_flag(d);
	t = doc_table(d, NULL, 2, heads);
	doc_text(t, "Relancer", TONE_NONE);
	doc_text(t, "à faire", TONE_NONE);
	doc_mark(t, "en retard");
	doc_row_flag(t);
	doc_text(t, "Former", TONE_NONE);
	doc_text(t, "en cours", TONE_NONE);
}

Test(doc_md, fields_nothing_warning_numbered_list_and_marks)
{
	struct doc d;
	char *md;

	record(&d);
	md = render(&d, DOC_MD);
	cr_expect_str_eq(md,
		"# Compte rendu\n\n"
		"> **Provisoire \\<x>**\n\n"
		"- **Commune** : Le \\<Bouscat> \\| 2\n"
		"- **Lieu** : Salle\n\n"
		"_Néant._\n\n"
		"1. Valider\n"
		"2. Reporter  \n   1\\. la revue\n\n"
		"- à l'heure\n"
		"- en retard\n\n"
		"| Action | État |\n| --- | --- |\n"
		"| Relancer | à faire — **en retard** |\n"
		"| Former | en cours |\n\n");
	free(md);
	doc_release(&d);
}

Test(doc_html, fields_nothing_warning_numbered_list_and_marks)
{
	struct doc d;
	char *html;

	record(&d);
	html = render(&d, DOC_HTML);
	cr_expect(strstr(html, "<p class=\"notice\"><strong>Provisoire "
			       "&lt;x&gt;</strong></p>\n"), "%s", html);
	cr_expect(strstr(html, "<table class=\"meta\">\n"
			       "<tr><th scope=\"row\">Commune</th><td>Le "
			       "&lt;Bouscat&gt; | 2</td></tr>\n"
			       "<tr><th scope=\"row\">Lieu</th><td>Salle</td>"
			       "</tr>\n</table>\n"), "%s", html);
	cr_expect(strstr(html, "<p class=\"none\">Néant.</p>\n"));
	cr_expect(strstr(html, "<ol>\n<li>Valider</li>\n<li>Reporter<br>\n"
			       "1. la revue</li>\n</ol>\n"), "%s", html);
	cr_expect(strstr(html, "<ul>\n<li>à l&#39;heure</li>\n"
			       "<li class=\"late\">en retard</li>\n</ul>\n"),
		  "%s", html);
	cr_expect(strstr(html, "<tr class=\"late\"><td>Relancer</td><td>à "
			       "faire <strong class=\"late-mark\">en retard"
			       "</strong></td></tr>\n<tr><td>Former</td>"),
		  "%s", html);
	cr_expect(strstr(html, ".late{"));
	free(html);
	doc_release(&d);
}

Test(doc_fodt, fields_numbered_items_and_marks_as_text)
{
	struct doc d;
	char *x;

	record(&d);
	x = render(&d, DOC_FODT);
	cr_expect(strstr(x, ">Commune : Le &lt;Bouscat&gt; | 2</text:p>"),
		  "%s", x);
	cr_expect(strstr(x, ">1. Valider</text:p>"));
	cr_expect(strstr(x, ">à faire — en retard</text:p>"));
	cr_expect(strstr(x, "Néant."));
	free(x);
	doc_release(&d);
}

Test(doc_csv, a_mark_follows_its_cell)
{
	struct doc d;
	char *csv;

	record(&d);
	csv = render(&d, DOC_CSV);
	cr_expect(strstr(csv, "Relancer,à faire — en retard\r\n"), "%s", csv);
	free(csv);
	doc_release(&d);
}
