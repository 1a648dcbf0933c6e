/*
 * fuzz_sync.c - sync files as `suivi sync import` reads them (a file that
 * travelled on a USB key or by e-mail: anything may arrive). The container
 * (sync_file_parse: header, entries, SHA-256) and, for a file it accepts,
 * each entry's changeset as the import checks it before any database sees
 * it (sync_changeset_check), then SQLite's readers on what passed
 * (sqlite3changegroup_add, the iterator over every change and value):
 * SQLite 3.40's reader faults on some malformed changesets, so nothing
 * unchecked may reach it.
 *
 * Properties checked: a file refused says why; a file accepted has ids
 * of 32 hex digits and numbers ≥ 1; a changeset the check passes SQLite
 * accepts and reads to the end without a fault. The checksum makes most mutations fail early: the corpus
 * holds valid files (suivi sync export) for the fuzzer to start from, and
 * an input whose checksum line is "end -" is given a correct one before
 * parsing, so that the fuzzer reaches the entries.
 */
#include "fuzz.h"

#include <sqlite3.h>
#include <stdbool.h>

#include "suivi/sha256.h"
#include "suivi/sync_file.h"

static bool is_id(const char *s)
{
	return strlen(s) == 32 && strspn(s, "0123456789abcdef") == 32;
}

static int any_table(const char *name, int ncol, const unsigned char *pk,
		     void *ctx)
{
	(void)name, (void)ncol, (void)pk, (void)ctx;
	return 0;
}

/* What the import does before applying: the check, then SQLite's own
 * readers, which must then never fault. */
static void walk_changeset(const struct sync_entry *x)
{
	sqlite3_changegroup *g;
	sqlite3_changeset_iter *it;
	const char *why;

	if (x->size > 0x7fffffff ||
	    sync_changeset_check(x->blob, x->size, any_table, NULL, &why) != 0)
		return;
	if (sqlite3changegroup_new(&g) != SQLITE_OK)
		return;
	FUZZ_CHECK(sqlite3changegroup_add(g, (int)x->size, x->blob) ==
			   SQLITE_OK,
		   "a changeset checked that SQLite refuses");
	sqlite3changegroup_delete(g);
	if (sqlite3changeset_start(&it, (int)x->size, x->blob) != SQLITE_OK)
		return;
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tbl;
		int ncol, op, indirect;
		unsigned char *pk;

		sqlite3changeset_op(it, &tbl, &ncol, &op, &indirect);
		sqlite3changeset_pk(it, &pk, &ncol);
		for (int c = 0; c < ncol; c++) {
			sqlite3_value *v = NULL;

			if (op != SQLITE_INSERT &&
			    sqlite3changeset_old(it, c, &v) == SQLITE_OK && v)
				(void)sqlite3_value_bytes(v);
			if (op != SQLITE_DELETE &&
			    sqlite3changeset_new(it, c, &v) == SQLITE_OK && v)
				(void)sqlite3_value_text(v);
		}
	}
	sqlite3changeset_finalize(it);
}

/* "…\nend -\n" at the end: the right checksum put in its place. */
static unsigned char *with_checksum(const uint8_t *data, size_t size,
				    size_t *out)
{
	static const char tail[] = "end -\n";
	size_t n = sizeof tail - 1;
	struct sha256 c;
	unsigned char d[32], *buf;

	if (size < n || memcmp(data + size - n, tail, n) != 0)
		return NULL;
	buf = malloc(size - n + 69);
	memcpy(buf, data, size - n);
	sha256_init(&c);
	sha256_update(&c, data, size - n);
	sha256_final(&c, d);
	memcpy(buf + size - n, "end ", 4);
	for (int i = 0; i < 32; i++)
		snprintf((char *)buf + size - n + 4 + 2 * i, 3, "%02x", d[i]);
	buf[size - n + 68] = '\n';
	*out = size - n + 69;
	return buf;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sync_file f;
	struct err e;
	size_t n = size;
	unsigned char *fixed = with_checksum(data, size, &n);
	const unsigned char *in = fixed ? fixed : data;

	if (sync_file_parse(in, n, "fuzz.sync", &f, &e) != 0) {
		FUZZ_CHECK(e.msg[0], "refused without a message");
		free(fixed);
		return 0;
	}
	FUZZ_CHECK(is_id(f.source), "source %s", f.source);
	for (size_t i = 0; i < f.n_entries; i++) {
		const struct sync_entry *x = &f.entries[i];

		FUZZ_CHECK(is_id(x->origin) && is_id(x->contract_uid),
			   "entry %zu ids", i);
		FUZZ_CHECK(x->number >= 1, "entry %zu number %lld", i,
			   x->number);
		walk_changeset(x);
	}
	sync_file_release(&f);
	free(fixed);
	return 0;
}
