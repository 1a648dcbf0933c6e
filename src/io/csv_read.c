#include "suivi/csv_read.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void csv_reader_init(struct csv_reader *r, FILE *in, const char *name)
{
	memset(r, 0, sizeof *r);
	r->in = in;
	r->name = name;
	r->line = 1;
	strbuf_init(&r->field);
}

void csv_reader_release(struct csv_reader *r)
{
	strbuf_release(&r->field);
}

void csv_record_init(struct csv_record *rec)
{
	memset(rec, 0, sizeof *rec);
}

static void record_clear(struct csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->field[i]);
	rec->n = 0;
}

void csv_record_release(struct csv_record *rec)
{
	record_clear(rec);
	free(rec->field);
	csv_record_init(rec);
}

static int next_byte(struct csv_reader *r)
{
	if (r->n_back)
		return r->back[--r->n_back];
	return getc(r->in);
}

static void push_back(struct csv_reader *r, int c)
{
	if (c != EOF && r->n_back < (int)sizeof r->back)
		r->back[r->n_back++] = (unsigned char)c;
}

/* At the very start: EF BB BF is a byte order mark, not text; FF FE or
 * FE FF, or a NUL in one of the first two bytes but not both, is UTF-16
 * (what a spreadsheet writes as "Unicode text"), which would otherwise
 * read as a NUL byte on every line. */
static void skip_bom(struct csv_reader *r)
{
	static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
	int c[3];
	int n = 0;

	r->started = true;
	while (n < 3 && (c[n] = next_byte(r)) != EOF)
		n++;
	if (n == 3 && c[0] == bom[0] && c[1] == bom[1] && c[2] == bom[2])
		return;
	if (n >= 2 && ((c[0] == 0xFF && c[1] == 0xFE) ||
		       (c[0] == 0xFE && c[1] == 0xFF) ||
		       ((c[0] == 0) != (c[1] == 0)))) {
		r->utf16 = true;
		return;
	}
	/* not a mark: give back what was read, the first on top */
	for (int i = n - 1; i >= 0; i--)
		push_back(r, c[i]);
}

/* Only the first problem of a record is kept: it is the one to fix
 * first, and the others often follow from it. */
struct problems {
	struct err *e;
	bool any;
};

static void problem(struct csv_reader *r, struct problems *p, int line,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void problem(struct csv_reader *r, struct problems *p, int line,
		    const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	if (p->any)
		return;
	p->any = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set_at(p->e, ERR_INPUT, r->name, line, "%s", msg);
}

/* The line of byte `off` of a field that began on line `first`. */
static int line_of(const char *s, size_t off, int first)
{
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n'))
			first++;
	return first;
}

static void add_byte(struct csv_reader *r, struct problems *p, int c)
{
	if (c == 0) {
		problem(r, p, r->line, "octet nul : ce n'est pas un fichier "
			"texte");
		return;
	}
	strbuf_addch(&r->field, (char)c);
}

/* A line break inside a quoted field: kept as it is, counted. */
static void add_break(struct csv_reader *r, int c)
{
	strbuf_addch(&r->field, (char)c);
	if (c == '\r') {
		int d = next_byte(r);

		if (d == '\n')
			strbuf_addch(&r->field, '\n');
		else
			push_back(r, d);
	}
	r->line++;
}

static bool ends_field(int c)
{
	return c == ',' || c == '\r' || c == '\n' || c == EOF;
}

/* Read one field whose first byte is c; returns the byte that ended it
 * (a comma, a line end or EOF). */
static int read_field(struct csv_reader *r, struct problems *p, int c)
{
	int first_line = r->line;
	size_t bad;

	strbuf_reset(&r->field);
	if (c == '"') {
		for (;;) {
			c = next_byte(r);
			if (c == EOF) {
				problem(r, p, first_line, "guillemet ouvert "
					"jamais fermé (le champ court jusqu'à "
					"la fin du fichier)");
				break;
			}
			if (c == '"') {
				c = next_byte(r);
				if (c != '"')
					break;
				strbuf_addch(&r->field, '"');
			} else if (c == '\r' || c == '\n') {
				add_break(r, c);
			} else {
				add_byte(r, p, c);
			}
		}
		if (!ends_field(c))
			problem(r, p, r->line, "texte après le guillemet "
				"fermant d'un champ (dans un champ entre "
				"guillemets, un guillemet s'écrit \"\")");
	}
	/* unquoted, or what follows a closing quote (kept as text) */
	for (; !ends_field(c); c = next_byte(r)) {
		if (c == '"')
			problem(r, p, r->line, "guillemet dans un champ sans "
				"guillemets (mettez le champ entre guillemets "
				"et doublez ses guillemets)");
		add_byte(r, p, c);
	}
	if (!text_utf8_valid(r->field.buf, r->field.len, &bad))
		problem(r, p, line_of(r->field.buf, bad, first_line),
			"texte qui n'est pas de l'UTF-8 valide (octet 0x%02X) :"
			" enregistrez le fichier en UTF-8",
			(unsigned char)r->field.buf[bad]);
	return c;
}

/* Nothing but spaces and tabs in every field: a blank line, or the empty
 * row a spreadsheet writes as ",,,". */
static bool blank_record(const struct csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		if (rec->field[i][strspn(rec->field[i], " \t")] != '\0')
			return false;
	return true;
}

int csv_read_record(struct csv_reader *r, struct csv_record *rec,
		    struct err *e)
{
	struct problems p = { e, false };
	int c;

	record_clear(rec);
	if (!r->started)
		skip_bom(r);
	if (r->utf16) {
		/* said once for the whole file, then nothing more is read */
		if (r->utf16_said)
			return 0;
		r->utf16_said = true;
		err_set_at(e, ERR_INPUT, r->name, 1, "fichier en UTF-16 : "
			   "enregistrez-le en UTF-8 (dans un tableur : CSV, jeu "
			   "de caractères Unicode (UTF-8))");
		return -1;
	}
next:
	c = next_byte(r);
	if (c == EOF) {
		if (ferror(r->in)) {
			err_set_at(e, ERR_IO, r->name, 0, "lecture impossible : "
				   "%s", err_errno_fr(errno));
			return -1;
		}
		return 0;
	}
	rec->line = r->line;
	for (;;) {
		c = read_field(r, &p, c);
		rec->field = xgrow(rec->field, &rec->cap, rec->n + 1,
				   sizeof *rec->field);
		rec->field[rec->n++] = xstrndup(r->field.buf, r->field.len);
		if (c != ',')
			break;
		c = next_byte(r);
	}
	if (c == '\r') {
		c = next_byte(r);
		if (c != '\n')
			push_back(r, c);
		r->line++;
	} else if (c == '\n') {
		r->line++;
	} else if (ferror(r->in) && !p.any) {
		err_set_at(e, ERR_IO, r->name, r->line, "lecture impossible : "
			   "%s", err_errno_fr(errno));
		return -1;
	}
	if (!p.any && blank_record(rec)) {
		record_clear(rec);
		goto next;
	}
	return p.any ? -1 : 1;
}
