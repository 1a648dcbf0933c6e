/*
 * doc_internal.h - between the document model (doc.c) and its renderers,
 * one file per format (doc_html.c, doc_odf.c, doc_md.c, doc_csv.c), and
 * what they share: the SVG of a chart (doc_svg.c), numbers as text.
 *
 * A renderer writes the whole document to fp and never fails by itself:
 * doc_write checks the stream afterwards. Every text of the doc goes
 * through esc_clean and the format's escaper (doc_esc.h).
 */
#ifndef SUIVI_DOC_INTERNAL_H
#define SUIVI_DOC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "suivi/doc.h"
#include "suivi/strbuf.h"

/* The caption a table shows in the text formats (HTML, FODT, Markdown):
 * its name, or NULL when it has none or when the block before it is a
 * heading saying the same ("Synthèse" under "Synthèse"). The name still
 * names the sheet (FODS) and the CSV section. */
const char *doc_caption(const struct doc *d, size_t block);

void doc_html_render(FILE *fp, const struct doc *d);
void doc_fodt_render(FILE *fp, const struct doc *d);
void doc_fods_render(FILE *fp, const struct doc *d);
void doc_md_render(FILE *fp, const struct doc *d);
void doc_csv_render(FILE *fp, const struct doc *d);

/* The chart as an SVG line chart, appended to sb: a title, the y axis
 * with its ticks and the unit, the x labels, the series as a line
 * (broken where a value is missing) with a dot per point, the target as
 * a dashed line. standalone adds the SVG namespace (a file, an ODF
 * image); inline in HTML it is left out, so that no URL appears. The
 * drawing is DOC_SVG_W x DOC_SVG_H user units. */
#define DOC_SVG_W 640
#define DOC_SVG_H 260
void doc_svg_chart(struct strbuf *sb, const struct doc_chart *c,
		   bool standalone);

/* The chart's values as a line of text, the text fallback of the
 * drawing: "janv. : 12 j ; févr. : — ; mars : 15 j ; cible : 10 j".
 * Raw (not cleaned): labels are the caller's. Heap string. */
char *doc_chart_values(const struct doc_chart *c);

/* v in French, as a person reads it: decimal comma, at most 3 decimals,
 * no thousands separator ("12,5", "-3"). */
void doc_num_fr(double v, char *buf, size_t n);

/* v for a machine (office:value, xsd:double): decimal point whatever
 * LC_NUMERIC says, 15 significant digits ("12.5", "-3", "1e+20"). False
 * when v is not finite (then the cell is written as text). */
bool doc_num_c(double v, char *buf, size_t n);

/* The label of a block's table or chart index (1-based), for names that
 * must not be empty: "Tableau 3", "Graphique 2". */
#define DOC_TABLE_DEFAULT "Tableau"
#define DOC_CHART_DEFAULT "Graphique"

#endif
