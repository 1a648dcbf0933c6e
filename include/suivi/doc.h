/*
 * doc.h - a document to circulate, as data: headings, paragraphs, notes,
 * lists, tables and charts, in order. The annual reports (evaluation.h,
 * summary.h) build one; the renderers write it in each format the
 * contract's readers use:
 *
 *   DOC_HTML  one self-contained file: UTF-8, lang="fr", inline CSS with
 *             a print stylesheet for A4, charts as inline SVG, no script,
 *             no external resource;
 *   DOC_FODT  a flat OpenDocument text (one XML file, .fodt) the commune
 *             can edit before its council: headings, paragraphs, tables
 *             with their tones, charts as embedded SVG images (the very
 *             SVG of the HTML) followed by their values as text; A4;
 *   DOC_FODS  a flat OpenDocument spreadsheet (.fods): one sheet per
 *             table (its name), its header row first, numbers as numbers
 *             (office:value-type="float", the cell's text shown as is);
 *             a doc without tables gets one sheet holding its title;
 *   DOC_MD    Markdown: tables as pipe tables, charts as a sparkline line
 *             (▁▂▃▄▅▆▇█, · where a value is missing) with their values;
 *   DOC_CSV   the tables, RFC 4180 (csv.h: formulas neutralised), one
 *             after the other: a row holding the table's name alone, its
 *             header row, its rows, then an empty row.
 *
 * Numbers. A has_num cell keeps its text in HTML, FODT and Markdown; in
 * FODS it is a float cell whose value is num; in CSV it is written as num
 * alone, in the form a French spreadsheet reads as a number: decimal
 * comma, no unit, no thousands separator, at most 6 decimals ("12,5",
 * "-3", "1250"; quoted when it has a comma, never neutralised: a number
 * is not a formula). Other cells are their text.
 *
 * Sheet names (FODS sheets, and FODT table names): the table's name on
 * one line, [ ] made ( ), each of * ? : / \ made "-", apostrophes at
 * either end dropped, at most 31 characters; empty: "Tableau N" (N its
 * rank among the tables); a name already taken (compared without case
 * or accents) gets " (2)", " (3)"…, shortened to stay within 31.
 *
 * Charts (HTML, FODT): a 640 × 260 SVG line chart: the title, the y axis
 * with round ticks (from zero unless the values are far from it) and the
 * unit, the labels under the x axis (one in k beyond 12 points), the
 * series as a line broken where a value is missing, a dot per point with
 * its value (up to 12 points), the target as a dashed red line labelled
 * "cible …"; no value at all: "aucune valeur". Its text fallback: the
 * SVG's <title> and <desc>, and a line of the values under it
 * ("janv. : 12 j ; févr. : — ; … ; cible : 10 j").
 *
 * Every text is the caller's, UTF-8; renderers escape it for their format
 * (entities in XML/HTML, backslashes in Markdown, quotes in CSV), turn
 * control characters but line feeds into spaces and invalid UTF-8 into
 * U+FFFD, so that any text the user typed comes out as text. Line feeds
 * are kept in paragraphs and notes (a new line), spaces elsewhere.
 *
 * Documents of record (the minutes of a meeting, minutes.h) also use:
 * fields, the facts under the title as "key : value" (HTML a table of
 * class "meta", Markdown "- **key** : value", FODT one paragraph each);
 * a nothing paragraph saying a part is empty (HTML class "none",
 * Markdown in italics); a warning, a note in bold (HTML class "notice");
 * numbered lists, whose items keep their line feeds; flagged rows and
 * list items, late ones (HTML class "late"); and a cell's mark, a word
 * in bold after its text (" — **en retard**" in Markdown, HTML <strong
 * class="late-mark">, " — en retard" in FODT, FODS and CSV).
 *
 * The doc owns every string and array it holds (copies of what it was
 * given); doc_release frees them.
 */
#ifndef SUIVI_DOC_H
#define SUIVI_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "suivi/err.h"

enum doc_format { DOC_HTML, DOC_FODT, DOC_FODS, DOC_MD, DOC_CSV,
		  DOC_FORMAT_COUNT };

/* How a cell reads beside its neighbours (HTML/FODT/FODS colour it, MD
 * and CSV write the text only). */
enum doc_tone {
	TONE_NONE,
	TONE_MET,	/* target met: green */
	TONE_MISSED,	/* target missed: red */
	TONE_MISSING,	/* due and missing: amber */
	TONE_MUTED,	/* not due, not applicable: grey */
	TONE_STRONG,	/* a total, a heading cell: bold */
};

struct doc_cell {
	char *text;		/* as shown: "12,5 %", "—" */
	char *mark;		/* a word after it, in bold: "en retard";
				 * NULL: none */
	bool has_num;		/* a number a spreadsheet can add up */
	double num;
	enum doc_tone tone;
};

struct doc_table {
	char *name;		/* sheet name (FODS), table title (CSV);
				 * also a caption in HTML/FODT/MD */
	size_t n_cols;
	char **heads;		/* n_cols */
	struct doc_cell *cells;	/* n_rows × n_cols, row after row */
	bool *flagged;		/* n_rows: true for a late row (NULL: none
				 * is) */
	size_t n_rows, cap, cap_flagged;
};

/* A line chart of one series (a trend): points may be missing; an
 * optional target is drawn as a horizontal line. */
struct doc_chart {
	char *title;		/* "3.3.1 Délai de prise en compte" */
	char *unit;		/* "j", "%", "" */
	size_t n;
	char **labels;		/* n: "janv.", "T1", "2025" */
	double *values;		/* n */
	bool *has;		/* n: false where there is no value */
	bool has_target;
	double target;
};

/* The doc's title is the top heading (HTML <h1>, Markdown "#", the FODT
 * Title paragraph); a heading of level n sits under it (<h(n+1)>, n + 1
 * "#", FODT outline level n). */
enum doc_block_kind {
	DOC_HEADING,		/* level 1 (title of a part) to 3; others
				 * are clamped */
	DOC_PARAGRAPH,
	DOC_NOTE,		/* set apart: a deadline, a warning */
	DOC_LIST,		/* items, one per line */
	DOC_TABLE,
	DOC_CHART,
	DOC_FIELDS,		/* key : value lines (items, values) */
	DOC_NOTHING,		/* a part is empty: "Aucune décision." */
	DOC_WARNING,		/* a note in bold: "provisoire" */
};

struct doc_block {
	enum doc_block_kind kind;
	int level;		/* headings */
	char *text;		/* headings, paragraphs, notes */
	char **items;		/* lists; the keys of fields */
	char **values;		/* fields: n_items values */
	bool *flagged;		/* lists: n_items, true for a late item */
	bool ordered;		/* lists: numbered */
	size_t n_items, cap_items;
	struct doc_table *table;
	struct doc_chart *chart;
};

struct doc {
	char *title;		/* the document's title (<title>, first
				 * heading, file metadata) */
	char *subtitle;		/* a line under it, or NULL */
	char *footer;		/* "Établi par suivi le 29/11/2026", or NULL */
	struct doc_block *blocks;
	size_t n, cap;
};

void doc_init(struct doc *d, const char *title, const char *subtitle);
void doc_release(struct doc *d);
void doc_set_footer(struct doc *d, const char *footer);

void doc_heading(struct doc *d, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void doc_para(struct doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void doc_note(struct doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void doc_warning(struct doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A paragraph saying a part is empty ("Aucune décision."). */
void doc_nothing(struct doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A "key : value" line, added to the fields block that ends the doc (a
 * new one when the last block is something else). key is ours, never
 * the user's (written as is in Markdown's bold). */
void doc_field(struct doc *d, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A new list (doc_list_numbered: numbered 1., 2. …, its items keeping
 * their line feeds); items are added to the last list of the doc. */
void doc_list(struct doc *d);
void doc_list_numbered(struct doc *d);
void doc_item(struct doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Flag the last item of the last list (late). */
void doc_item_flag(struct doc *d);

/* A new table with its headings (copied; heads NULL: empty headings);
 * rows are added with doc_row then one doc_text/doc_num per column, in
 * order. A cell with no row yet, or past the last column, starts a new
 * row; a cell left unset is empty; a table of 0 columns takes no cell. */
struct doc_table *doc_table(struct doc *d, const char *name, size_t n_cols,
			    const char *const *heads);
void doc_row(struct doc_table *t);
/* The next cell of the last row: text (NULL: empty). */
void doc_text(struct doc_table *t, const char *text, enum doc_tone tone);
/* A number, shown as text (the French form, "12,5 %"; NULL: num with a
 * decimal comma), stored as num. A num that is not finite is no number:
 * the cell is its text only. */
void doc_num(struct doc_table *t, double num, const char *text,
	     enum doc_tone tone);

/* Mark the last cell written (mark NULL: none). */
void doc_mark(struct doc_table *t, const char *mark);
/* Flag the last row of t (late). */
void doc_row_flag(struct doc_table *t);

/* A chart of n points, values all missing until set with
 * doc_chart_point (i >= n is ignored; a value that is not finite is
 * missing). */
struct doc_chart *doc_chart(struct doc *d, const char *title,
			    const char *unit, size_t n);
void doc_chart_point(struct doc_chart *c, size_t i, const char *label,
		     bool has, double value);
void doc_chart_target(struct doc_chart *c, double target);

/* Render d in fmt to out; ERR_IO when writing failed. */
int doc_write(FILE *out, const struct doc *d, enum doc_format fmt,
	      struct err *e);
/* Render d in fmt to path through atomic_open (temporary file, 0600,
 * fsync, rename): an existing file is refused (ERR_EXISTS) unless force,
 * a path that is not a regular file always (ERR_IO). */
int doc_save(const char *path, const struct doc *d, enum doc_format fmt,
	     bool force, struct err *e);

/* "html" / "htm", "odt" / "fodt", "ods" / "fods", "md" / "markdown",
 * "csv" (case-insensitive) → the format, -1 otherwise. */
int doc_format_parse(const char *word);
/* The format a file name asks for (.html .htm .fodt .fods .md .markdown
 * .csv, case-insensitive), -1 otherwise (.odt and .ods too: those are
 * zipped, suivi writes the flat forms). */
int doc_format_of_path(const char *path);
/* The usual extension of a format: "html", "fodt", "fods", "md", "csv"
 * ("" for a value that is not a format). */
const char *doc_format_ext(enum doc_format fmt);

#endif
