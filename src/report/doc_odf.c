/*
 * A doc as flat OpenDocument (doc.h): a text (.fodt) to edit before the
 * council, a spreadsheet (.fods) of its tables. One XML file each, the
 * styles inside (office:styles, office:automatic-styles), so that they
 * need no zip and no other file.
 *
 * Text goes through odf_text: entities, a line feed as <text:line-break/>,
 * a run of spaces as <text:s/> (ODF collapses white space otherwise).
 * Tables of both have their names made into valid, unique sheet names
 * (sheet_names), so that the spreadsheet's tabs and the text's table
 * names are the same.
 */
#include "doc_internal.h"
#include "doc_esc.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define NS_COMMON                                                            \
	" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"\n" \
	" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"\n"   \
	" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"\n"     \
	" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"\n"   \
	" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"\n"  \
	" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:"                   \
	"xsl-fo-compatible:1.0\"\n"                                            \
	" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:"                  \
	"svg-compatible:1.0\"\n"                                               \
	" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"                     \
	" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"\n"

#define SHEET_NAME_MAX 31	/* characters, as spreadsheets allow */

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* Clean text s as ODF paragraph content. */
static void odf_text(FILE *fp, const char *s)
{
	int spaces = 0;		/* pending spaces after the first one */
	bool after_space = true;	/* a space here would be dropped */

	for (;; s++) {
		if (*s == ' ') {
			if (after_space)
				spaces++;
			else
				fputc(' ', fp);
			after_space = true;
			continue;
		}
		if (spaces) {
			if (spaces == 1)
				fputs("<text:s/>", fp);
			else
				fprintf(fp, "<text:s text:c=\"%d\"/>", spaces);
			spaces = 0;
		}
		if (!*s)
			break;
		after_space = false;
		if (*s == '\n') {
			fputs("<text:line-break/>", fp);
			after_space = true;
		} else {
			char one[2] = { *s, '\0' };

			esc_xml(fp, one, NULL);
		}
	}
}

/* The user's text s, cleaned, as paragraph content. */
static void put(FILE *fp, const char *s, bool multiline)
{
	char *c = esc_clean(s, multiline);

	odf_text(fp, c);
	free(c);
}

/* The user's text s, cleaned, in an attribute value. */
static void put_attr(FILE *fp, const char *s)
{
	char *c = esc_clean(s, false);

	esc_xml(fp, c, NULL);
	free(c);
}

/* <text:p text:style-name="style">s</text:p> */
static void para(FILE *fp, const char *style, const char *s, bool multiline)
{
	fprintf(fp, "<text:p text:style-name=\"%s\">", style);
	put(fp, s, multiline);
	fputs("</text:p>\n", fp);
}

static void meta(FILE *fp, const struct doc *d)
{
	fputs("<office:meta>\n<meta:generator>suivi</meta:generator>\n"
	      "<dc:title>", fp);
	put_attr(fp, d->title);
	fputs("</dc:title>\n", fp);
	if (d->subtitle) {
		fputs("<dc:subject>", fp);
		put_attr(fp, d->subtitle);
		fputs("</dc:subject>\n", fp);
	}
	fputs("<dc:language>fr-FR</dc:language>\n</office:meta>\n", fp);
}

/* ------------------------------------------------------------------ */
/* Sheet names                                                         */

/* Count of characters (code points) of clean UTF-8. */
static size_t chars_of(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Cut clean UTF-8 s to at most max characters, in place. */
static void cut_chars(char *s, size_t max)
{
	size_t n = 0;

	for (char *p = s; *p; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80 && n++ == max) {
			*p = '\0';
			return;
		}
	}
}

/* name as a sheet name: clean, one line; [ ] become ( ), * ? : / \
 * become "-", apostrophes at either end dropped (spreadsheets refuse
 * them there), blanks trimmed, at most SHEET_NAME_MAX characters; empty:
 * "Tableau n". Heap string. */
static char *sheet_name(const char *name, size_t n)
{
	char *c = esc_clean(name, false), *p;

	for (p = c; *p; p++) {
		if (*p == '[')
			*p = '(';
		else if (*p == ']')
			*p = ')';
		else if (strchr("*?:/\\", *p))
			*p = '-';
	}
	for (;;) {
		size_t len;

		text_trim(c);
		len = strlen(c);
		if (len && c[len - 1] == '\'')
			c[len - 1] = '\0';
		else if (c[0] == '\'')
			memmove(c, c + 1, len);
		else
			break;
	}
	cut_chars(c, SHEET_NAME_MAX);
	text_trim(c);
	if (!*c) {
		free(c);
		c = xasprintf(DOC_TABLE_DEFAULT " %zu", n);
	}
	return c;
}

/* True when a and b name the same sheet: spreadsheets compare names
 * without case; folding accents too errs on the safe side. */
static bool same_sheet(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	bool same = !strcmp(fa, fb);

	free(fa);
	free(fb);
	return same;
}

/* The sheet name of each table of d, in order, unique: a name already
 * taken gets " (2)", " (3)"…, its base shortened so that the whole still
 * fits. Heap array of heap strings, *n of them. */
static char **sheet_names(const struct doc *d, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < d->n; i++) {
		char *base, *name;
		bool taken;
		unsigned k = 1;

		if (d->blocks[i].kind != DOC_TABLE || !d->blocks[i].table)
			continue;
		base = sheet_name(d->blocks[i].table->name, *n + 1);
		name = xstrdup(base);
		do {
			taken = false;
			for (size_t j = 0; j < *n && !taken; j++)
				taken = same_sheet(names[j], name);
			if (taken) {
				char suffix[32];
				size_t room;

				snprintf(suffix, sizeof suffix, " (%u)", ++k);
				room = SHEET_NAME_MAX - strlen(suffix);
				free(name);
				name = xstrdup(base);
				if (chars_of(name) > room) {
					cut_chars(name, room);
					text_trim(name);
				}
				free(base);
				base = xstrdup(name);
				free(name);
				name = xasprintf("%s%s", base, suffix);
			}
		} while (taken);
		free(base);
		names = xgrow(names, &cap, *n + 1, sizeof *names);
		names[(*n)++] = name;
	}
	return names;
}

static void names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ------------------------------------------------------------------ */
/* Cells, shared by both                                               */

static const char *const tone_name[] = {
	[TONE_NONE] = "none",	  [TONE_MET] = "met",
	[TONE_MISSED] = "missed", [TONE_MISSING] = "missing",
	[TONE_MUTED] = "muted",	  [TONE_STRONG] = "strong",
};

static const char *tone_of(enum doc_tone t)
{
	return (unsigned)t < sizeof tone_name / sizeof *tone_name
		       ? tone_name[t]
		       : "none";
}

/* A tone's look: the cell's background, the text's colour and weight. */
static const struct {
	const char *tone, *bg, *fg, *weight, *style;
} looks[] = {
	{ "head", "#e6e6e6", "#111111", "bold", "normal" },
	{ "none", NULL, "#111111", "normal", "normal" },
	{ "met", "#e2f1de", "#1b4d12", "normal", "normal" },
	{ "missed", "#fbdcdc", "#8a0d0d", "bold", "normal" },
	{ "missing", "#fff0cc", "#6b4700", "normal", "italic" },
	{ "muted", NULL, "#6a6a6a", "normal", "normal" },
	{ "strong", NULL, "#111111", "bold", "normal" },
};

/* The automatic styles of table cells "ce-TONE", one per look. A text
 * document takes the text's look from the paragraph, not the cell:
 * there, paragraph styles "P-TONE" (text) and "N-TONE" (a number,
 * aligned right) too, and cells have borders. */
/* Tables of more columns than this are set smaller in the text. */
#define WIDE_COLS 7
#define SMALL_SIZE "7.5pt"
/* The width of the text tables (style "Tbl": the A4 page inside its
 * margins), portrait or landscape, and what a character and a cell's
 * padding take there (DejaVu Sans: about 0.6 em a character). */
#define PORTRAIT_WIDTH_CM 17.0
#define LANDSCAPE_WIDTH_CM 25.7
#define CHAR_CM_SMALL 0.16	/* 7.5 pt */
#define CHAR_CM 0.22		/* 10.5 pt */
#define PAD_CM 0.2

/* The page of the text document being written. */
static double table_width_cm = PORTRAIT_WIDTH_CM;

static size_t column_weight(const struct doc_table *t, size_t col);

/* The width the widest table needs for none of its words to be cut. */
static double widest_table_cm(const struct doc *d)
{
	double widest = 0;

	for (size_t i = 0; i < d->n; i++) {
		const struct doc_table *t = d->blocks[i].table;
		double cm = 0;

		if (d->blocks[i].kind != DOC_TABLE || !t)
			continue;
		for (size_t c = 0; c < t->n_cols; c++)
			cm += (double)column_weight(t, c) *
			      (t->n_cols > WIDE_COLS ? CHAR_CM_SMALL : CHAR_CM) +
			      PAD_CM;
		if (cm > widest)
			widest = cm;
	}
	return widest;
}

static void cell_styles(FILE *fp, bool text_doc)
{
	for (size_t i = 0; i < sizeof looks / sizeof *looks; i++) {
		char props[160];

		snprintf(props, sizeof props,
			 "<style:text-properties fo:color=\"%s\" "
			 "fo:font-weight=\"%s\" fo:font-style=\"%s\"/>\n",
			 looks[i].fg, looks[i].weight, looks[i].style);
		fprintf(fp, "<style:style style:name=\"ce-%s\" "
			"style:family=\"table-cell\">\n"
			"<style:table-cell-properties "
			"fo:background-color=\"%s\"%s/>\n%s"
			"</style:style>\n",
			looks[i].tone, looks[i].bg ? looks[i].bg : "transparent",
			text_doc ? " fo:border=\"0.5pt solid #999999\" "
				   "fo:padding=\"0.08cm\""
				 : "",
			text_doc ? "" : props);
		if (!text_doc)
			continue;
		fprintf(fp, "<style:style style:name=\"P-%s\" "
			"style:family=\"paragraph\" "
			"style:parent-style-name=\"Table_20_Contents\">\n%s"
			"</style:style>\n"
			"<style:style style:name=\"N-%s\" "
			"style:family=\"paragraph\" "
			"style:parent-style-name=\"Table_20_Number\">\n%s"
			"</style:style>\n",
			looks[i].tone, props, looks[i].tone, props);
		/* the same, smaller, for the tables of many columns */
		snprintf(props, sizeof props,
			 "<style:text-properties fo:color=\"%s\" "
			 "fo:font-weight=\"%s\" fo:font-style=\"%s\" "
			 "fo:font-size=\"" SMALL_SIZE "\"/>\n",
			 looks[i].fg, looks[i].weight, looks[i].style);
		fprintf(fp, "<style:style style:name=\"p-%s\" "
			"style:family=\"paragraph\" "
			"style:parent-style-name=\"Table_20_Contents\">\n%s"
			"</style:style>\n"
			"<style:style style:name=\"n-%s\" "
			"style:family=\"paragraph\" "
			"style:parent-style-name=\"Table_20_Number\">\n%s"
			"</style:style>\n",
			looks[i].tone, props, looks[i].tone, props);
	}
}

/* One cell of a table (FODT: its paragraph styled for a number). */
static void cell(FILE *fp, const struct doc_cell *c, bool text_doc,
		 bool small)
{
	char num[64];

	fprintf(fp, "<table:table-cell table:style-name=\"ce-%s\"",
		tone_of(c->tone));
	if (c->has_num && doc_num_c(c->num, num, sizeof num))
		fprintf(fp, " office:value-type=\"float\" office:value=\"%s\"",
			num);
	else
		fputs(" office:value-type=\"string\"", fp);
	fputs(">", fp);
	if (text_doc)
		fprintf(fp, "<text:p text:style-name=\"%c-%s\">",
			c->has_num ? (small ? 'n' : 'N') : (small ? 'p' : 'P'),
			tone_of(c->tone));
	else
		fputs("<text:p>", fp);
	put(fp, c->text, false);
	if (c->mark) {
		fputs(" — ", fp);
		put(fp, c->mark, false);
	}
	fputs("</text:p></table:table-cell>\n", fp);
}

/* table:table with its columns, a header row and the rows. */
/* The longest word of s, in characters (a number cell is one word: it
 * never wraps). */
static size_t longest_word(const char *s, bool whole)
{
	size_t w = 0, word = 0;

	for (; s && *s; s++) {
		if (*s == ' ' && !whole) {
			word = 0;
			continue;
		}
		if (((unsigned char)*s & 0xC0) != 0x80 && ++word > w)
			w = word;
	}
	return w;
}

/* How wide a column wants to be, in characters: wide enough for its
 * longest word, heading included, so that no word is cut; and for half
 * its longest text (up to 24 characters), which may wrap. At least 3,
 * plus one. */
static size_t column_weight(const struct doc_table *t, size_t col)
{
	size_t w = longest_word(t->heads[col], false);

	for (size_t r = 0; r < t->n_rows; r++) {
		const struct doc_cell *c = &t->cells[r * t->n_cols + col];
		size_t word = longest_word(c->text, c->has_num);
		size_t half = (longest_word(c->text, true) + 1) / 2;

		if (half > 12)
			half = 12;
		if (word > w)
			w = word;
		if (half > w)
			w = half;
	}
	/* one more: the cell's padding and the wrapping's slack */
	return (w < 3 ? 3 : w) + 1;
}

/* The column styles of table number tno: "c<tno>-<col>", a width
 * relative to what each column holds (text) or absolute (sheet). */
static void column_styles(FILE *fp, const struct doc_table *t, size_t tno,
			  bool text_doc)
{
	size_t sum = 0;

	for (size_t i = 0; i < t->n_cols; i++)
		sum += column_weight(t, i);
	for (size_t i = 0; i < t->n_cols; i++) {
		size_t w = column_weight(t, i);

		fprintf(fp, "<style:style style:name=\"c%zu-%zu\" "
			"style:family=\"table-column\">\n", tno, i);
		/* LibreOffice lays text tables out by the absolute widths:
		 * the page's width shared by weight */
		if (text_doc)
			fprintf(fp, "<style:table-column-properties "
				"style:column-width=\"%.3fcm\" "
				"style:rel-column-width=\"%zu*\"/>\n",
				table_width_cm * (double)w / (double)sum, w * 100);
		else
			fprintf(fp, "<style:table-column-properties "
				"style:column-width=\"%.2fcm\"/>\n",
				w < 8 ? 1.8 : w > 40 ? 9.0 : 0.22 * (double)w);
		fputs("</style:style>\n", fp);
	}
}

/* Every table's column styles, tables numbered in order from 0. */
static void all_column_styles(FILE *fp, const struct doc *d, bool text_doc)
{
	size_t tno = 0;

	for (size_t i = 0; i < d->n; i++)
		if (d->blocks[i].kind == DOC_TABLE && d->blocks[i].table)
			column_styles(fp, d->blocks[i].table, tno++, text_doc);
}

static void table(FILE *fp, const struct doc_table *t, const char *name,
		  bool text_doc, size_t tno)
{
	size_t cols = t->n_cols ? t->n_cols : 1;
	bool small = text_doc && t->n_cols > WIDE_COLS;

	fputs("<table:table table:name=\"", fp);
	put_attr(fp, name);
	fprintf(fp, "\"%s>\n", text_doc ? " table:style-name=\"Tbl\"" : "");
	if (t->n_cols)
		for (size_t i = 0; i < t->n_cols; i++)
			fprintf(fp, "<table:table-column table:style-name="
				"\"c%zu-%zu\"/>\n", tno, i);
	else
		fputs("<table:table-column table:style-name=\"co\"/>\n", fp);
	fputs("<table:table-header-rows>\n<table:table-row>\n", fp);
	for (size_t i = 0; i < cols; i++) {
		fputs("<table:table-cell table:style-name=\"ce-head\" "
		      "office:value-type=\"string\">", fp);
		fputs(!text_doc ? "<text:p>"
		      : small ? "<text:p text:style-name=\"p-head\">"
			      : "<text:p text:style-name=\"P-head\">", fp);
		put(fp, i < t->n_cols ? t->heads[i] : "", false);
		fputs("</text:p></table:table-cell>\n", fp);
	}
	fputs("</table:table-row>\n</table:table-header-rows>\n", fp);
	for (size_t r = 0; r < t->n_rows; r++) {
		fputs("<table:table-row>\n", fp);
		for (size_t i = 0; i < t->n_cols; i++)
			cell(fp, &t->cells[r * t->n_cols + i], text_doc,
			     small);
		if (!t->n_cols)
			fputs("<table:table-cell/>\n", fp);
		fputs("</table:table-row>\n", fp);
	}
	fputs("</table:table>\n", fp);
}

/* ------------------------------------------------------------------ */
/* Text document                                                       */

static const char fodt_styles[] =
	"<office:styles>\n"
	"<style:default-style style:family=\"paragraph\">\n"
	"<style:paragraph-properties fo:orphans=\"2\" fo:widows=\"2\"/>\n"
	"<style:text-properties fo:font-family=\"'DejaVu Sans'\" fo:font-size=\"10.5pt\" "
	"fo:language=\"fr\" fo:country=\"FR\" fo:hyphenate=\"false\"/>\n"
	"</style:default-style>\n"
	"<style:style style:name=\"Standard\" style:family=\"paragraph\" "
	"style:class=\"text\"/>\n"
	"<style:style style:name=\"Text_20_body\" style:display-name=\"Text "
	"body\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
	"style:class=\"text\">\n"
	"<style:paragraph-properties fo:margin-top=\"0cm\" "
	"fo:margin-bottom=\"0.2cm\" fo:line-height=\"120%\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Title\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:class=\"chapter\">\n"
	"<style:paragraph-properties fo:margin-bottom=\"0.2cm\" "
	"fo:border-bottom=\"1.5pt solid #333333\" fo:padding-bottom=\"0.1cm\"/>\n"
	"<style:text-properties fo:font-size=\"20pt\" fo:font-weight=\"bold\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Subtitle\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:class=\"chapter\">\n"
	"<style:paragraph-properties fo:margin-bottom=\"0.4cm\"/>\n"
	"<style:text-properties fo:font-size=\"12pt\" fo:color=\"#444444\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Heading\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:next-style-name="
	"\"Text_20_body\" style:class=\"text\">\n"
	"<style:paragraph-properties fo:margin-top=\"0.45cm\" "
	"fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>\n"
	"<style:text-properties fo:font-weight=\"bold\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading "
	"1\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
	"style:default-outline-level=\"1\" style:class=\"text\">\n"
	"<style:paragraph-properties fo:border-bottom=\"0.5pt solid #999999\" "
	"fo:padding-bottom=\"0.05cm\"/>\n"
	"<style:text-properties fo:font-size=\"15pt\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading "
	"2\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
	"style:default-outline-level=\"2\" style:class=\"text\">\n"
	"<style:text-properties fo:font-size=\"13pt\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Heading_20_3\" style:display-name=\"Heading "
	"3\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
	"style:default-outline-level=\"3\" style:class=\"text\">\n"
	"<style:text-properties fo:font-size=\"11pt\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Note\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Text_20_body\" style:class=\"text\">\n"
	"<style:paragraph-properties fo:background-color=\"#fff4e5\" "
	"fo:border-left=\"3pt solid #b35c00\" fo:padding=\"0.15cm\" "
	"fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.3cm\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"List_20_Item\" style:display-name=\"List "
	"Item\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
	"style:class=\"list\">\n"
	"<style:paragraph-properties fo:margin-bottom=\"0.1cm\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Caption\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:class=\"extra\">\n"
	"<style:paragraph-properties fo:margin-top=\"0.2cm\" "
	"fo:margin-bottom=\"0.15cm\" fo:keep-with-next=\"always\"/>\n"
	"<style:text-properties fo:font-weight=\"bold\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Chart_20_Text\" style:display-name=\"Chart "
	"Text\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
	"style:class=\"extra\">\n"
	"<style:paragraph-properties fo:margin-bottom=\"0.3cm\"/>\n"
	"<style:text-properties fo:font-size=\"9pt\" fo:color=\"#333333\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Chart\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:class=\"extra\">\n"
	"<style:paragraph-properties fo:margin-top=\"0.2cm\" "
	"fo:keep-with-next=\"always\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Table_20_Contents\" style:display-name="
	"\"Table Contents\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:class=\"extra\"/>\n"
	"<style:style style:name=\"Table_20_Number\" style:display-name="
	"\"Table Number\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">\n"
	"<style:paragraph-properties fo:text-align=\"end\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Table_20_Heading\" style:display-name="
	"\"Table Heading\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">\n"
	"<style:text-properties fo:font-weight=\"bold\"/>\n"
	"</style:style>\n"
	"<style:style style:name=\"Closing\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\" style:class=\"extra\">\n"
	"<style:paragraph-properties fo:margin-top=\"0.6cm\" "
	"fo:border-top=\"0.5pt solid #999999\" fo:padding-top=\"0.1cm\"/>\n"
	"<style:text-properties fo:font-size=\"9pt\" fo:color=\"#444444\"/>\n"
	"</style:style>\n"
	"<text:list-style style:name=\"Bullets\">\n"
	"<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\">\n"
	"<style:list-level-properties text:list-level-position-and-space-mode="
	"\"label-alignment\">\n"
	"<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
	"text:list-tab-stop-position=\"0.6cm\" fo:text-indent=\"-0.4cm\" "
	"fo:margin-left=\"0.6cm\"/>\n"
	"</style:list-level-properties>\n"
	"</text:list-level-style-bullet>\n"
	"</text:list-style>\n"
	"</office:styles>\n";

/* The page (A4, portrait or landscape) and the tables' width: %s %s
 * orientation, %.1f the width inside the margins. */
static const char fodt_page_fmt[] =
	"<style:page-layout style:name=\"A4\">\n"
	"<style:page-layout-properties fo:page-width=\"%s\" "
	"fo:page-height=\"%s\" style:print-orientation=\"%s\" "
	"fo:margin-top=\"1.8cm\" fo:margin-bottom=\"1.8cm\" "
	"fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>\n"
	"</style:page-layout>\n"
	"<style:style style:name=\"Tbl\" style:family=\"table\">\n"
	"<style:table-properties style:width=\"%.1fcm\" "
	"table:align=\"margins\" fo:margin-bottom=\"0.3cm\"/>\n"
	"</style:style>\n";

static const char fodt_page[] =
	"<style:style style:name=\"co\" style:family=\"table-column\"/>\n"
	"<style:style style:name=\"fr\" style:family=\"graphic\">\n"
	"<style:graphic-properties style:vertical-pos=\"top\" "
	"style:vertical-rel=\"baseline\" fo:border=\"none\"/>\n"
	"</style:style>\n";

static void chart(FILE *fp, const struct doc_chart *c, size_t n)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct strbuf sb;
	const unsigned char *p;
	char *values = doc_chart_values(c);
	size_t i;
	const double width_cm = 17.0;

	strbuf_init(&sb);
	doc_svg_chart(&sb, c, true);
	para(fp, "Caption", c->title, false);
	fprintf(fp, "<text:p text:style-name=\"Chart\"><draw:frame "
		"draw:style-name=\"fr\" draw:name=\"" DOC_CHART_DEFAULT
		" %zu\" text:anchor-type=\"as-char\" svg:width=\"%.0fmm\" "
		"svg:height=\"%.0fmm\" draw:z-index=\"0\">\n"
		"<draw:image draw:mime-type=\"image/svg+xml\">"
		"<office:binary-data>\n", n, width_cm * 10,
		width_cm * 10 * DOC_SVG_H / DOC_SVG_W);
	p = (const unsigned char *)sb.buf;
	for (i = 0; i + 2 < sb.len; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 |
			     p[i + 2];

		fputc(b64[v >> 18 & 63], fp);
		fputc(b64[v >> 12 & 63], fp);
		fputc(b64[v >> 6 & 63], fp);
		fputc(b64[v & 63], fp);
		if ((i / 3 + 1) % 19 == 0)
			fputc('\n', fp);	/* lines of 76 */
	}
	if (i < sb.len) {
		unsigned v = (unsigned)p[i] << 16 |
			     (i + 1 < sb.len ? (unsigned)p[i + 1] << 8 : 0);

		fputc(b64[v >> 18 & 63], fp);
		fputc(b64[v >> 12 & 63], fp);
		fputc(i + 1 < sb.len ? b64[v >> 6 & 63] : '=', fp);
		fputc('=', fp);
	}
	fputs("\n</office:binary-data></draw:image>\n<svg:title>", fp);
	put_attr(fp, c->title);
	fputs("</svg:title>\n<svg:desc>", fp);
	put_attr(fp, values);
	fputs("</svg:desc>\n</draw:frame></text:p>\n", fp);
	para(fp, "Chart_20_Text", values, false);
	free(values);
	strbuf_release(&sb);
}

static void list(FILE *fp, const struct doc_block *b)
{
	if (!b->n_items)
		return;
	fputs("<text:list text:style-name=\"Bullets\">\n", fp);
	for (size_t i = 0; i < b->n_items; i++) {
		fputs("<text:list-item>", fp);
		fputs("<text:p text:style-name=\"List_20_Item\">", fp);
		/* numbered by hand: one list style serves both */
		if (b->ordered)
			fprintf(fp, "%zu. ", i + 1);
		put(fp, b->items[i], b->ordered);
		fputs("</text:p></text:list-item>\n", fp);
	}
	fputs("</text:list>\n", fp);
}

void doc_fodt_render(FILE *fp, const struct doc *d)
{
	size_t n_names, t = 0, charts = 0;
	char **names = sheet_names(d, &n_names);

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<office:document\n" NS_COMMON
	      " office:version=\"1.3\"\n"
	      " office:mimetype=\"application/vnd.oasis.opendocument.text\">\n",
	      fp);
	meta(fp, d);
	fputs(fodt_styles, fp);
	fputs("<office:automatic-styles>\n", fp);
	{
		/* landscape when a table would not fit the portrait page
		 * without cutting its words */
		bool wide = widest_table_cm(d) > PORTRAIT_WIDTH_CM;

		table_width_cm = wide ? LANDSCAPE_WIDTH_CM : PORTRAIT_WIDTH_CM;
		fprintf(fp, fodt_page_fmt, wide ? "29.7cm" : "21cm",
			wide ? "21cm" : "29.7cm", wide ? "landscape" : "portrait",
			table_width_cm);
	}
	fputs(fodt_page, fp);
	cell_styles(fp, true);
	all_column_styles(fp, d, true);
	fputs("</office:automatic-styles>\n<office:master-styles>\n"
	      "<style:master-page style:name=\"Standard\" "
	      "style:page-layout-name=\"A4\"/>\n</office:master-styles>\n"
	      "<office:body>\n<office:text>\n", fp);
	para(fp, "Title", d->title, false);
	if (d->subtitle)
		para(fp, "Subtitle", d->subtitle, false);
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];

		switch (b->kind) {
		case DOC_HEADING:
			fprintf(fp, "<text:h text:style-name=\"Heading_20_%d\" "
				"text:outline-level=\"%d\">", b->level,
				b->level);
			put(fp, b->text, false);
			fputs("</text:h>\n", fp);
			break;
		case DOC_PARAGRAPH:
			para(fp, "Text_20_body", b->text, true);
			break;
		case DOC_NOTE:
			para(fp, "Note", b->text, true);
			break;
		case DOC_WARNING:
			para(fp, "Note", b->text, false);
			break;
		case DOC_NOTHING:
			para(fp, "Text_20_body", b->text, false);
			break;
		case DOC_FIELDS:
			for (size_t k = 0; k < b->n_items; k++) {
				fputs("<text:p text:style-name=\"Text_20_body\">",
				      fp);
				put(fp, b->items[k], false);
				fputs(" : ", fp);
				put(fp, b->values[k], false);
				fputs("</text:p>\n", fp);
			}
			break;
		case DOC_LIST:
			list(fp, b);
			break;
		case DOC_TABLE:
			if (!b->table)
				break;
			if (doc_caption(d, i))
				para(fp, "Caption", doc_caption(d, i), false);
			if (b->table->n_cols)
				table(fp, b->table, names[t], true, t);
			t++;
			break;
		case DOC_CHART:
			if (b->chart)
				chart(fp, b->chart, ++charts);
			break;
		}
	}
	if (d->footer)
		para(fp, "Closing", d->footer, false);
	fputs("</office:text>\n</office:body>\n</office:document>\n", fp);
	names_free(names, n_names);
}

/* ------------------------------------------------------------------ */
/* Spreadsheet                                                         */

void doc_fods_render(FILE *fp, const struct doc *d)
{
	size_t n_names, t = 0;
	char **names = sheet_names(d, &n_names);

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<office:document\n" NS_COMMON
	      " office:version=\"1.3\"\n"
	      " office:mimetype=\"application/vnd.oasis.opendocument."
	      "spreadsheet\">\n", fp);
	meta(fp, d);
	fputs("<office:styles>\n"
	      "<style:default-style style:family=\"table-cell\">\n"
	      "<style:text-properties fo:language=\"fr\" fo:country=\"FR\"/>\n"
	      "</style:default-style>\n</office:styles>\n"
	      "<office:automatic-styles>\n"
	      "<style:style style:name=\"co\" style:family=\"table-column\">\n"
	      "<style:table-column-properties style:column-width=\"4cm\"/>\n"
	      "</style:style>\n", fp);
	cell_styles(fp, false);
	all_column_styles(fp, d, false);
	fputs("</office:automatic-styles>\n"
	      "<office:body>\n<office:spreadsheet>\n", fp);
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (b->kind != DOC_TABLE || !b->table)
			continue;
		table(fp, b->table, names[t], false, t);
		t++;
	}
	if (!n_names) {
		/* a spreadsheet has at least one sheet: the title */
		fputs("<table:table table:name=\"Document\">\n"
		      "<table:table-column table:style-name=\"co\"/>\n"
		      "<table:table-row><table:table-cell "
		      "office:value-type=\"string\"><text:p>", fp);
		put(fp, d->title, false);
		fputs("</text:p></table:table-cell></table:table-row>\n"
		      "</table:table>\n", fp);
	}
	fputs("</office:spreadsheet>\n</office:body>\n</office:document>\n",
	      fp);
	names_free(names, n_names);
}
