/*
 * doc_esc.h - text as the report writers emit it, internal to
 * src/report/ (minutes.c and the doc renderers doc_*.c).
 *
 * Two steps. esc_clean makes any text safe to write in any of our
 * formats: valid UTF-8 (an invalid byte becomes U+FFFD, as do U+FFFE and
 * U+FFFF, which XML forbids), no control character (CR LF and a lone CR
 * become LF, kept only when multiline; tab, the other C0 controls, DEL
 * and the C1 controls U+0080-U+009F become spaces), ASCII blanks trimmed
 * at both ends. The escapers then take clean text and make it inert in
 * their format: nothing the user typed can become markup.
 */
#ifndef SUIVI_DOC_ESC_H
#define SUIVI_DOC_ESC_H

#include <stdbool.h>
#include <stdio.h>

#include "suivi/strbuf.h"

/* s (NULL: "") cleaned as above. Heap string. */
char *esc_clean(const char *s, bool multiline);

/* XML and HTML: & < > " ' as entities (so the text is safe in element
 * content and in quoted attributes); each LF written as nl (NULL: a
 * space). s must be clean. */
void esc_xml(FILE *fp, const char *s, const char *nl);
void esc_xml_sb(struct strbuf *sb, const char *s, const char *nl);

/* How esc_md_line escapes, besides \ ` * _ [ ] | ~, a < that would open
 * a tag and a & that would open an entity (always). */
enum {
	ESC_MD_BLOCK = 1,	/* the text starts a line: a block marker at
				 * its start (# > - + = or "1." "1)") is
				 * escaped */
	ESC_MD_HASH = 2,	/* every # (a heading's text, where a closing
				 * run of # would be dropped) */
};

/* One line of Markdown text (s clean, without LF); leading spaces are
 * dropped (four would make code). */
void esc_md_line(FILE *fp, const char *s, int flags);

/* Clean Markdown text with its line breaks: each line trimmed, blank
 * lines dropped, each break a hard break ("  \n") followed by cont (the
 * indent of a list item, "> " in a quote; NULL: nothing). The first line
 * is escaped with flags, the next ones as starting a line. */
void esc_md(FILE *fp, const char *s, int flags, const char *cont);

#endif
