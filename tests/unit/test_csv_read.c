#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/csv.h"
#include "suivi/csv_read.h"

/* The input as a file: tmpfile() takes any bytes, NUL and empty included. */
static FILE *open_bytes(const char *s, size_t n)
{
	FILE *f = tmpfile();

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(s, 1, n, f), n);
	rewind(f);
	return f;
}

#define MAX_RECS 4
#define MAX_FIELDS 4

struct want_rec {
	int line;
	const char *f[MAX_FIELDS + 1];	/* NULL-terminated */
};

struct ok_case {
	const char *name;
	const char *in;
	struct want_rec rec[MAX_RECS];
	int n;
};

static const struct ok_case good[] = {
	{ "simple, CRLF", "a,b,c\r\nd,e,f\r\n",
	  { { 1, { "a", "b", "c" } }, { 2, { "d", "e", "f" } } }, 2 },
	{ "simple, LF", "a,b\nc,d\n",
	  { { 1, { "a", "b" } }, { 2, { "c", "d" } } }, 2 },
	{ "no final line end", "a,b\nc,d",
	  { { 1, { "a", "b" } }, { 2, { "c", "d" } } }, 2 },
	{ "a lone CR ends a line", "a\rb\r",
	  { { 1, { "a" } }, { 2, { "b" } } }, 2 },
	{ "quoted comma", "\"a,b\",c\n",
	  { { 1, { "a,b", "c" } } }, 1 },
	{ "doubled quotes", "\"il a dit \"\"oui\"\"\",x\n",
	  { { 1, { "il a dit \"oui\"", "x" } } }, 1 },
	{ "a field that is one quote", "\"\"\"\"\n",
	  { { 1, { "\"" } } }, 1 },
	{ "embedded CRLF counts one line", "\"l1\r\nl2\",x\r\ny,z\r\n",
	  { { 1, { "l1\r\nl2", "x" } }, { 3, { "y", "z" } } }, 2 },
	{ "embedded LFs and a blank line inside",
	  "\"a\n\nb\",c\nd\n",
	  { { 1, { "a\n\nb", "c" } }, { 4, { "d" } } }, 2 },
	{ "empty fields", "a,,b\n\"\",x\n,y\n",
	  { { 1, { "a", "", "b" } }, { 2, { "", "x" } },
	    { 3, { "", "y" } } }, 3 },
	/* issue 17, 12: blank lines are skipped, before the header too */
	{ "an empty line is skipped", "a\n\nb\n",
	  { { 1, { "a" } }, { 3, { "b" } } }, 2 },
	{ "blank lines before the first record", "\n\r\n  \t\na,b\n",
	  { { 4, { "a", "b" } } }, 1 },
	{ "a line of blanks, an empty row, a quoted blank",
	  "a\n \t \n,,\n\" \",\t\nb\n",
	  { { 1, { "a" } }, { 5, { "b" } } }, 2 },
	{ "blank lines after a mark, and at the end",
	  "\xEF\xBB\xBF\r\n\r\na\r\n\r\n  \r\n",
	  { { 3, { "a" } } }, 1 },
	{ "only blank lines", "\n \n,\n", { { 0, { NULL } } }, 0 },
	{ "blanks around a field are kept", " a ,\tb\n",
	  { { 1, { " a ", "\tb" } } }, 1 },
	/* issue 17, 12: a file of lone CRs (old Mac) reads as lines */
	{ "CR-only file, a quoted CR inside, a blank line",
	  "h1,h2\r\r\"x\ry\",z\rw,v\r",
	  { { 1, { "h1", "h2" } }, { 3, { "x\ry", "z" } },
	    { 5, { "w", "v" } } }, 3 },
	{ "a CR-only file with a mark", "\xEF\xBB\xBF" "a\rb",
	  { { 1, { "a" } }, { 2, { "b" } } }, 2 },
	{ "UTF-8 byte order mark skipped", "\xEF\xBB\xBF" "a,b\n",
	  { { 1, { "a", "b" } } }, 1 },
	{ "a mark elsewhere is text", "a\n\xEF\xBB\xBF" "b\n",
	  { { 1, { "a" } }, { 2, { "\xEF\xBB\xBF" "b" } } }, 2 },
	{ "accents and a formula guard kept", "Déjà vu,'=1+1\n",
	  { { 1, { "Déjà vu", "'=1+1" } } }, 1 },
	{ "empty input", "", { { 0, { NULL } } }, 0 },
	{ "only a mark", "\xEF\xBB\xBF", { { 0, { NULL } } }, 0 },
};

static void read_all_ok(const struct ok_case *k)
{
	FILE *f = open_bytes(k->in, strlen(k->in));
	struct csv_reader r;
	struct csv_record rec;
	struct err e;
	int n = 0, rc;

	csv_reader_init(&r, f, "t.csv");
	csv_record_init(&rec);
	err_clear(&e);
	while ((rc = csv_read_record(&r, &rec, &e)) == 1) {
		const struct want_rec *w = &k->rec[n];
		size_t nf = 0;

		cr_assert_lt(n, k->n, "%s: record %d of too many", k->name,
			     n + 1);
		while (w->f[nf])
			nf++;
		cr_assert_eq(rec.line, w->line, "%s: record %d on line %d, "
			     "not %d", k->name, n + 1, rec.line, w->line);
		cr_assert_eq(rec.n, nf, "%s: record %d has %zu fields", k->name,
			     n + 1, rec.n);
		for (size_t i = 0; i < nf; i++)
			cr_assert_str_eq(rec.field[i], w->f[i], "%s: record %d "
					 "field %zu", k->name, n + 1, i + 1);
		n++;
	}
	cr_assert_eq(rc, 0, "%s: %s", k->name, e.msg);
	cr_assert_eq(n, k->n, "%s: %d records", k->name, n);
	csv_record_release(&rec);
	csv_reader_release(&r);
	fclose(f);
}

Test(csv_read, reads_rfc4180_records_with_their_lines)
{
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		read_all_ok(&good[i]);
}

/* Problems: the error, its line, and what reading gives afterwards. */
struct bad_case {
	const char *name;
	const char *in;
	size_t len;		/* 0: strlen */
	int bad_record;		/* 1-based: which read fails */
	int line;		/* the line the error names */
	const char *says;
	int records_after;	/* good records read after the failure */
	int next_line;		/* line of the first of them */
};

static const struct bad_case bad[] = {
	{ "unterminated quote", "a,b\nc,\"de\nf\n", 0, 2, 2,
	  "guillemet ouvert jamais fermé", 0, 0 },
	{ "unterminated quote on line 3 of a multi-line record",
	  "x\n\"ok\nok\",y\nz,\"ab\ncd", 0, 3, 4,
	  "guillemet ouvert jamais fermé", 0, 0 },
	{ "invalid UTF-8 (Latin-1 é)", "a\nb\xE9z,c\nd\n", 0, 2, 2,
	  "pas de l'UTF-8 valide (octet 0xE9)", 1, 3 },
	{ "invalid UTF-8 on the second line of a quoted field",
	  "\"x\ny\xFF\",z\nw\n", 0, 1, 2, "octet 0xFF", 1, 3 },
	{ "a mark cut short", "\xEF\xBB", 0, 1, 1, "octet 0xEF", 0, 0 },
	{ "quote inside an unquoted field", "ab\"c,d\ne\n", 0, 1, 1,
	  "guillemet dans un champ sans guillemets", 1, 2 },
	{ "text after a closing quote", "\"ab\"c,d\ne\n", 0, 1, 1,
	  "texte après le guillemet fermant", 1, 2 },
	{ "NUL byte", "a\nb\0c\nd\n", 8, 2, 2, "octet nul", 1, 3 },
};

Test(csv_read, reports_problems_on_their_physical_line)
{
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const struct bad_case *k = &bad[i];
		size_t len = k->len ? k->len : strlen(k->in);
		FILE *f = open_bytes(k->in, len);
		struct csv_reader r;
		struct csv_record rec;
		struct err e;
		int rc, n = 0;

		csv_reader_init(&r, f, "t.csv");
		csv_record_init(&rec);
		err_clear(&e);
		while ((rc = csv_read_record(&r, &rec, &e)) == 1)
			n++;
		cr_assert_eq(rc, -1, "%s: no error", k->name);
		cr_assert_eq(n + 1, k->bad_record, "%s: failed at record %d",
			     k->name, n + 1);
		cr_assert_eq(e.code, ERR_INPUT, "%s", k->name);
		cr_assert_str_eq(e.file, "t.csv", "%s", k->name);
		cr_assert_eq(e.line, k->line, "%s: line %d, not %d", k->name,
			     e.line, k->line);
		cr_assert(strstr(e.msg, k->says), "%s: « %s »", k->name, e.msg);
		n = 0;
		while ((rc = csv_read_record(&r, &rec, &e)) == 1) {
			if (n == 0)
				cr_assert_eq(rec.line, k->next_line,
					     "%s: next record on line %d",
					     k->name, rec.line);
			n++;
		}
		cr_assert_eq(rc, 0, "%s: then %s", k->name, e.msg);
		cr_assert_eq(n, k->records_after, "%s: %d records after",
			     k->name, n);
		csv_record_release(&rec);
		csv_reader_release(&r);
		fclose(f);
	}
}

/* No fixed buffer: a 1 MB field with commas, quotes and line breaks. */
Test(csv_read, reads_a_one_megabyte_field)
{
	size_t big = 1024 * 1024;
	char *text = malloc(big + 1), *in = malloc(2 * big + 32);
	size_t n = 0, breaks = 0;
	struct csv_reader r;
	struct csv_record rec;
	struct err e;
	FILE *f;

	cr_assert(text && in);
	for (size_t i = 0; i < big; i++) {
		text[i] = "abc,\"\n"[i % 6];
		breaks += text[i] == '\n';
	}
	text[big] = '\0';
	in[n++] = '"';
	for (size_t i = 0; i < big; i++) {
		if (text[i] == '"')
			in[n++] = '"';
		in[n++] = text[i];
	}
	n += (size_t)sprintf(in + n, "\",x\r\nnext\r\n");
	f = open_bytes(in, n);
	csv_reader_init(&r, f, "big.csv");
	csv_record_init(&rec);
	cr_assert_eq(csv_read_record(&r, &rec, &e), 1);
	cr_assert_eq(rec.n, 2);
	cr_assert_eq(strlen(rec.field[0]), big);
	cr_assert(!memcmp(rec.field[0], text, big));
	cr_assert_str_eq(rec.field[1], "x");
	cr_assert_eq(csv_read_record(&r, &rec, &e), 1);
	cr_assert_eq(rec.line, (int)breaks + 2);
	cr_assert_str_eq(rec.field[0], "next");
	cr_assert_eq(csv_read_record(&r, &rec, &e), 0);
	csv_record_release(&rec);
	csv_reader_release(&r);
	fclose(f);
	free(text);
	free(in);
}

/* What csv.h writes, csv_read gives back. */
Test(csv_read, reads_back_what_csv_writes)
{
	static const char *const cells[] = {
		"simple", "a,b", "dit \"oui\"", "l1\r\nl2", "", "é è",
		"fin\n", NULL,
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct csv c;
	struct csv_reader r;
	struct csv_record rec;
	struct err e;
	FILE *in;

	cr_assert_not_null(out);
	csv_init(&c, out);
	for (int i = 0; cells[i]; i++)
		csv_cell(&c, cells[i]);
	csv_end_row(&c);
	csv_cell(&c, "2");
	csv_end_row(&c);
	cr_assert_eq(fclose(out), 0);
	in = open_bytes(buf, len);
	csv_reader_init(&r, in, "w.csv");
	csv_record_init(&rec);
	cr_assert_eq(csv_read_record(&r, &rec, &e), 1);
	cr_assert_eq(rec.n, 7);
	for (int i = 0; cells[i]; i++)
		cr_assert_str_eq(rec.field[i], cells[i]);
	cr_assert_eq(csv_read_record(&r, &rec, &e), 1);
	cr_assert_eq(rec.line, 4);
	cr_assert_eq(csv_read_record(&r, &rec, &e), 0);
	csv_record_release(&rec);
	csv_reader_release(&r);
	fclose(in);
	free(buf);
}

/* Issue 17, 12: a UTF-16 file was "octet nul" on every line; it is said
 * once, as what it is, and nothing else is read. */
Test(csv_read, refuses_utf16_once_naming_it)
{
	static const struct {
		const char *name, *in;
		size_t len;
	} cases[] = {
		{ "UTF-16 LE with its mark", "\xFF\xFE" "a\0,\0b\0\n\0c\0\n\0", 14 },
		{ "UTF-16 BE with its mark", "\xFE\xFF\0a\0,\0b\0\n\0c\0\n", 14 },
		{ "UTF-16 LE without a mark", "a\0,\0b\0\n\0", 8 },
		{ "UTF-16 BE without a mark", "\0a\0,\0b\0\n", 8 },
		{ "only the mark", "\xFF\xFE", 2 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		FILE *f = open_bytes(cases[i].in, cases[i].len);
		struct csv_reader r;
		struct csv_record rec;
		struct err e;

		csv_reader_init(&r, f, "u.csv");
		csv_record_init(&rec);
		err_clear(&e);
		cr_assert_eq(csv_read_record(&r, &rec, &e), -1, "%s",
			     cases[i].name);
		cr_assert_eq(e.code, ERR_INPUT);
		cr_assert_eq(e.line, 1);
		cr_assert_str_eq(e.msg, "fichier en UTF-16 : enregistrez-le en "
				 "UTF-8 (dans un tableur : CSV, jeu de "
				 "caractères Unicode (UTF-8))", "%s",
				 cases[i].name);
		err_clear(&e);
		cr_assert_eq(csv_read_record(&r, &rec, &e), 0, "%s: %s",
			     cases[i].name, e.msg);
		cr_assert_eq(csv_read_record(&r, &rec, &e), 0);
		cr_assert_eq(rec.n, 0);
		csv_record_release(&rec);
		csv_reader_release(&r);
		fclose(f);
	}
}

/* NUL bytes that are no UTF-16 pattern keep their message, per line. */
Test(csv_read, a_nul_later_is_still_a_nul_byte)
{
	FILE *f = open_bytes("\0\0a\n", 4);
	struct csv_reader r;
	struct csv_record rec;
	struct err e;

	csv_reader_init(&r, f, "n.csv");
	csv_record_init(&rec);
	cr_assert_eq(csv_read_record(&r, &rec, &e), -1);
	cr_assert(strstr(e.msg, "octet nul"), "%s", e.msg);
	csv_record_release(&rec);
	csv_reader_release(&r);
	fclose(f);
}
