/*
 * fuzz_csv.c - CSV files as `suivi import requests` reads them: every
 * record through csv_read_record, then each cell through what the import
 * does to it before the database sees it: the apostrophe of a neutralised
 * formula and the blanks removed, the folded form vocabularies are
 * matched on (kind, form, nature, criticality), date-times (reçue…),
 * dates (décidé le), amounts ("1 500,50 €", number_parse_amount), an urgent request's
 * intervention delay ("2h30") and the delays between two date-times.
 * Then the whole file through the real importer (request_import, the
 * code `suivi import requests` runs) into a database holding the bundled
 * contracts, inside a transaction rolled back after each input: it
 * imports all or reports problems, never crashes, never leaks.
 *
 * Properties checked: a record read without problem holds only
 * well-formed UTF-8 without NUL; records start on increasing lines; csv.h
 * writes a record that reads back with no cell a spreadsheet would run,
 * and csv_unneutralise gives each cell back as it was; a parsed date or date-time written in
 * its stored form parses back to the same.
 */
#include "fuzz.h"

#include <stdbool.h>

#include "suivi/contracts.h"
#include "suivi/csv.h"
#include "suivi/csv_read.h"
#include "suivi/request_import.h"
#include "suivi/store.h"
#include "suivi/store_tx.h"
#include "suivi/date.h"
#include "suivi/number.h"
#include "suivi/request.h"
#include "suivi/text.h"
#include "suivi/workdays.h"
#include "suivi/xalloc.h"

/* The words cells are matched on, folded once here (the import folds
 * them for every cell: six times slower under the fuzzer, same result). */
#define MAX_WORDS 64
static char *words[MAX_WORDS];
static size_t n_words;

static void add_words(const struct vocab *v, int n)
{
	for (int i = 0; i < n && n_words + 2 <= MAX_WORDS; i++) {
		words[n_words++] = text_fold(v[i].file);
		words[n_words++] = text_fold(v[i].label);
	}
}

/* The database the real importer writes into (then rolled back). */
static struct store *st;
static char dir[256];

static void cleanup(void)
{
	char *p;

	store_close(st);
	st = NULL;
	for (const char *const *f = (const char *const[]){ "fuzz.db",
			"fuzz.db-journal", "fuzz.db.lock", NULL }; *f; f++) {
		p = xasprintf("%s/%s", dir, *f);
		unlink(p);
		free(p);
	}
	rmdir(dir);
}

/* The bundled contracts (SUIVI_DATADIR, else share/suivi from the
 * current folder), so that rows name communes that exist. */
static void open_store(void)
{
	const char *datadir = getenv("SUIVI_DATADIR");
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm"
							 : getenv("TMPDIR");
	char *files[3], *db, *base = xstrdup(datadir && *datadir ? datadir
								: "share/suivi");
	struct contracts_import r;
	struct err e;

	snprintf(dir, sizeof dir, "%s/suivi-fuzz-XXXXXX", tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("fuzz_csv: mkdtemp");
		abort();
	}
	atexit(cleanup);
	db = xasprintf("%s/fuzz.db", dir);
	err_clear(&e);
	if (store_open(db, STORE_WRITE, &st, &e) != 0) {
		fprintf(stderr, "fuzz_csv: %s\n", e.msg);
		abort();
	}
	free(db);
	store_set_author(st, "fuzz");
	files[0] = xasprintf("%s/contrats/le-haillan.ini", base);
	files[1] = xasprintf("%s/contrats/le-bouscat.ini", base);
	files[2] = xasprintf("%s/contrats/le-bouscat-avenant-1.ini", base);
	(void)contracts_import(st, files, 3, &r, &e);	/* none: still fuzzed */
	contracts_import_release(&r);
	for (int i = 0; i < 3; i++)
		free(files[i]);
	free(base);
}

/* The file through request_import, rolled back. */
static void real_import(FILE *in)
{
	struct request_import r;
	struct err e;
	int rc;

	if (fseek(in, 0, SEEK_SET) != 0)
		return;
	err_clear(&e);
	if (store_begin(st, &e) != 0)
		return;
	rc = request_import(st, in, "fuzz.csv", NULL, NULL, &r, &e);
	FUZZ_CHECK(rc >= -1 && rc <= 1, "request_import: %d", rc);
	FUZZ_CHECK(rc != 0 || r.problems.n == 0, "imported with problems");
	FUZZ_CHECK(rc != 1 || (r.problems.n > 0 && r.imported == 0),
		   "refused: %zu problems, %zu imported", r.problems.n,
		   r.imported);
	FUZZ_CHECK(r.problems.n <= REQUEST_IMPORT_MAX_PROBLEMS,
		   "%zu problems", r.problems.n);
	request_import_release(&r);
	store_rollback(st);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	open_store();
	add_words(request_kind_vocab, REQUEST_KIND_COUNT);
	add_words(request_form_vocab, FORM_COUNT);
	add_words(request_nature_vocab, NATURE_COUNT);
	/* criticality levels are the contract file's: a few of them */
	for (const char *const *w = (const char *const[]){ "critique",
			"majeure", "mineure", "bloquante", NULL };
	     *w && n_words < MAX_WORDS; w++)
		words[n_words++] = text_fold(*w);
	return 0;
}

/* cmd_requests.c's word_index, on every word. */
static int word_index(const char *s)
{
	char *f = text_fold(s);
	int found = -1;

	for (size_t i = 0; i < n_words && found < 0; i++)
		if (!strcmp(f, words[i]))
			found = (int)i;
	free(f);
	return found;
}

/* csv.h's writing of rec, read back with csv_read. */
static void round_trip(const struct csv_record *rec)
{
	struct csv_reader r;
	struct csv_record back;
	struct csv c;
	struct err e;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	FILE *in;
	int rc;

	if (!out)
		abort();
	csv_init(&c, out);
	for (size_t i = 0; i < rec->n; i++)
		csv_cell(&c, rec->field[i]);
	csv_end_row(&c);
	if (fclose(out) != 0)
		abort();
	in = fmemopen(buf, len, "rb");
	if (!in)
		abort();
	csv_reader_init(&r, in, "retour");
	csv_record_init(&back);
	err_clear(&e);
	rc = csv_read_record(&r, &back, &e);
	FUZZ_CHECK(rc == 1, "written record read back: %d %s", rc, e.msg);
	FUZZ_CHECK(back.n == rec->n, "%zu fields back, %zu written", back.n,
		   rec->n);
	/* csv.h: no cell read back begins with what a spreadsheet runs as a
	 * formula, and csv_unneutralise (the importer) gives the text back */
	for (size_t i = 0; i < rec->n; i++) {
		const char *f = rec->field[i];
		char *g = xstrdup(back.field[i]);

		FUZZ_CHECK(!g[0] || !strchr("=+-@\t\r", g[0]),
			   "field %zu: « %s » written as a formula", i, f);
		FUZZ_CHECK(!strcmp(csv_unneutralise(g), f),
			   "field %zu: « %s » back as « %s »", i, f, g);
		free(g);
	}
	FUZZ_CHECK(csv_read_record(&r, &back, &e) == 0, "more than one record");
	csv_record_release(&back);
	csv_reader_release(&r);
	fclose(in);
	free(buf);
}

/* What the import does with one cell, whatever its column. */
static void cell(const char *raw, struct datetime *prev, bool *has_prev)
{
	char *s = xstrdup(raw);
	struct datetime t;
	struct date d;
	double x;
	char list[256];

	/* cmd_requests.c's clean_cell */
	text_trim(csv_unneutralise(s));
	(void)word_index(s);
	(void)vocab_file_list(request_form_vocab, FORM_COUNT, list,
			      sizeof list);
	if (datetime_parse(s, &t) == 0) {
		char iso[DATETIME_ISO_LEN];
		struct datetime u;

		datetime_format_iso(t, iso);
		FUZZ_CHECK(datetime_parse(iso, &u) == 0 &&
			   datetime_cmp(t, u) == 0, "« %s » -> %s", s, iso);
		if (*has_prev) {
			char a[DATETIME_ISO_LEN];
			double h, w;

			datetime_format_iso(*prev, a);
			FUZZ_CHECK(request_delay(a, iso, &h, &w),
				   "delay %s %s", a, iso);
			FUZZ_CHECK(w >= 0, "negative working days %g", w);
		}
		*prev = t;
		*has_prev = true;
	}
	if (date_parse(s, &d) == 0) {
		char iso[DATE_ISO_LEN], fr[DATE_ISO_LEN];
		struct date a, b;

		date_format_iso(d, iso);
		date_format_fr(d, fr);
		FUZZ_CHECK(date_parse(iso, &a) == 0 && date_cmp(a, d) == 0 &&
			   date_parse(fr, &b) == 0 && date_cmp(b, d) == 0,
			   "« %s » -> %s, %s", s, iso, fr);
	}
	{
		/* an urgent request's intervention delay ("2h30"): what it
		 * reads is written back to the same minutes */
		int m, again;
		char buf[32];
		struct err e;

		if (request_urgent_delay_parse(s, &m, &e) == 0) {
			request_urgent_delay_format(m, buf, sizeof buf);
			FUZZ_CHECK(m >= 1 && request_urgent_delay_parse(
						     buf, &again, &e) == 0 &&
					   again == m,
				   "delay « %s » -> %d min, « %s »", s, m, buf);
		}
	}
	{
		struct err e;
		char buf[64];
		double back;

		/* "1 500,50 €": an amount is whole cents, and what an export
		 * writes reads back the same */
		if (number_parse_amount(s, "coût estimé", &x, &e) == 0) {
			number_format_amount(x, buf, sizeof buf);
			FUZZ_CHECK(number_is_cents(x) && x >= 0 &&
					   number_parse_amount(buf, "c", &back,
							       &e) == 0 &&
					   back == x,
				   "amount « %s » -> « %s »", s, buf);
		}
	}
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r;
	struct csv_record rec;
	struct datetime prev;
	bool has_prev = false;
	struct err e;
	char path[64];
	int fd = fuzz_memfd(data, size, path, sizeof path);
	int rc, last_line = 0;
	FILE *in;

	if (fd < 0)
		return 0;
	lseek(fd, 0, SEEK_SET);
	in = fdopen(fd, "rb");
	if (!in) {
		close(fd);
		return 0;
	}
	csv_reader_init(&r, in, "fuzz.csv");
	csv_record_init(&rec);
	err_clear(&e);
	while ((rc = csv_read_record(&r, &rec, &e)) != 0) {
		if (rc < 0) {
			FUZZ_CHECK(e.code == ERR_INPUT && e.line >= 1,
				   "code %d line %d", (int)e.code, e.line);
			err_clear(&e);
			/* a quote never closed ends the input */
			continue;
		}
		FUZZ_CHECK(rec.n >= 1 && rec.line > last_line,
			   "record of %zu fields on line %d after %d", rec.n,
			   rec.line, last_line);
		last_line = rec.line;
		for (size_t i = 0; i < rec.n; i++)
			FUZZ_CHECK(text_utf8_valid(rec.field[i],
						   strlen(rec.field[i]), NULL),
				   "field %zu not UTF-8", i);
		/* a mark at the start of a file is not text (csv_read.h) */
		if (strncmp(rec.field[0], "\xEF\xBB\xBF", 3) != 0)
			round_trip(&rec);
		for (size_t i = 0; i < rec.n; i++)
			cell(rec.field[i], &prev, &has_prev);
	}
	csv_record_release(&rec);
	csv_reader_release(&r);
	real_import(in);
	fclose(in);
	return 0;
}
