/*
 * Text cleaning and escaping shared by the report writers
 * (src/report/doc_esc.h).
 */
#include "doc_esc.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define REPLACEMENT "\xEF\xBF\xBD"	/* U+FFFD */

/* Length of the UTF-8 sequence led by c (c known to start a valid one). */
static size_t seq_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* One valid sequence p[0..n) into sb, cleaned. */
static void clean_seq(struct strbuf *sb, const unsigned char *p, size_t n)
{
	if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0)
		strbuf_addch(sb, ' ');	/* C1 control */
	else if (n == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)
		strbuf_addstr(sb, REPLACEMENT);	/* not an XML character */
	else
		strbuf_add(sb, p, n);
}

char *esc_clean(const char *s, bool multiline)
{
	struct strbuf sb;
	size_t len = s ? strlen(s) : 0, off = 0;

	strbuf_init(&sb);
	while (off < len) {
		size_t good = len - off, i;

		if (!text_utf8_valid(s + off, len - off, &good) && good == 0) {
			strbuf_addstr(&sb, REPLACEMENT);
			off++;
			continue;
		}
		/* s[off .. off+good) is valid UTF-8 */
		for (i = 0; i < good;) {
			unsigned char c = (unsigned char)s[off + i];
			size_t n = seq_len(c);

			if (n > 1) {
				clean_seq(&sb,
					  (const unsigned char *)s + off + i, n);
				i += n;
				continue;
			}
			i++;
			if (c == '\r') {
				if (off + i < len && s[off + i] == '\n')
					continue;	/* CR LF: the LF says it */
				c = '\n';
			}
			if (c == '\n')
				strbuf_addch(&sb, multiline ? '\n' : ' ');
			else if (c < 0x20 || c == 0x7f)
				strbuf_addch(&sb, ' ');
			else
				strbuf_addch(&sb, (char)c);
		}
		off += good;
	}
	text_trim(sb.buf);
	return strbuf_detach(&sb);
}

static const char *xml_entity(char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return NULL;
	}
}

void esc_xml_sb(struct strbuf *sb, const char *s, const char *nl)
{
	for (; *s; s++) {
		const char *ent = xml_entity(*s);

		if (ent)
			strbuf_addstr(sb, ent);
		else if (*s == '\n')
			strbuf_addstr(sb, nl ? nl : " ");
		else
			strbuf_addch(sb, *s);
	}
}

void esc_xml(FILE *fp, const char *s, const char *nl)
{
	for (; *s; s++) {
		const char *ent = xml_entity(*s);

		if (ent)
			fputs(ent, fp);
		else if (*s == '\n')
			fputs(nl ? nl : " ", fp);
		else
			fputc(*s, fp);
	}
}

static bool ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

void esc_md_line(FILE *fp, const char *s, int flags)
{
	const char *p = s, *marked = NULL;

	while (*p == ' ')
		p++;	/* four spaces would make code */
	if (flags & ESC_MD_BLOCK) {
		const char *q = p;

		/* "#", ">", "-", "+", "=" open a block (or underline one);
		 * "1." and "1)" an ordered list */
		if (*q && strchr("#>-+=", *q)) {
			fputc('\\', fp);
			marked = q;
		} else {
			while (ascii_digit(*q))
				q++;
			if (q > p && (*q == '.' || *q == ')')) {
				fwrite(p, 1, (size_t)(q - p), fp);
				fputc('\\', fp);
				p = q;
			}
		}
	}
	for (; *p; p++) {
		char c = *p;
		bool tag = c == '<' && (ascii_alpha(p[1]) ||
					(p[1] && strchr("/!?", p[1])));
		bool entity = c == '&' && (ascii_alpha(p[1]) || p[1] == '#');
		bool hash = c == '#' && (flags & ESC_MD_HASH) && p != marked;

		if (strchr("\\`*_[]|~", c) || tag || entity || hash)
			fputc('\\', fp);
		fputc(c, fp);
	}
}

void esc_md(FILE *fp, const char *s, int flags, const char *cont)
{
	char *copy = xstrdup(s ? s : ""), *line = copy, *nl;
	bool first = true;

	do {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		text_trim(line);
		if (*line) {
			if (!first) {
				fputs("  \n", fp);
				if (cont)
					fputs(cont, fp);
			}
			esc_md_line(fp, line,
				    first ? flags : flags | ESC_MD_BLOCK);
			first = false;
		}
		line = nl ? nl + 1 : NULL;
	} while (line);
	free(copy);
}
