/*
 * The store: opening rules, migrations, import, versions, backup. Tests
 * may reach into the file with sqlite3 directly to build the situations
 * the program must refuse; the program itself never does outside store/.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "suivi/store_tx.h"
#include "suivi/cli.h"
#include "suivi/contract_file.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"

static struct store *open_new(const char *name)
{
	char *p = t_path(name);
	struct store *st;
	struct err e;

	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	free(p);
	return st;
}

static void sql(const char *path, const char *statement)
{
	sqlite3 *db;

	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, statement, NULL, NULL, NULL), SQLITE_OK,
		     "%s: %s", statement, sqlite3_errmsg(db));
	sqlite3_close(db);
}

static long sql_count(const char *path, const char *query)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long n = -1;

	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, query, -1, &s, NULL), SQLITE_OK,
		     "%s", sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static int import(struct store *st, const char *const *rel, int n,
		  struct err *e)
{
	char *files[8];
	FILE *devnull = fopen("/dev/null", "w");
	int rc;

	for (int i = 0; i < n; i++)
		files[i] = t_top(rel[i]);
	rc = cli_import_files(st, files, n, devnull, e);
	for (int i = 0; i < n; i++)
		free(files[i]);
	fclose(devnull);
	return rc;
}

static const char *const test_contract[] = { "tests/fixtures/test-contrat.ini" };
static const char *const test_amendment[] = { "tests/fixtures/test-avenant-1.ini" };
static const char *const bundled[] = {
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	"share/suivi/contrats/le-bouscat.ini",
};

Test(store, creates_a_private_file_at_the_latest_schema)
{
	char *dir = t_path("a/b");
	char *p = t_path("a/b/new.db");
	unsigned char h[100];
	struct store *st;
	struct err e;
	FILE *f;

	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert(store_created(st));
	cr_assert_eq(store_schema_version(st), store_schema_latest());
	store_close(st);
	cr_assert_eq(t_mode(p), 0600);
	cr_assert_eq(t_mode(dir), 0700);
	f = fopen(p, "rb");
	cr_assert_eq(fread(h, 1, sizeof h, f), sizeof h);
	fclose(f);
	cr_assert_eq((h[68] << 24 | h[69] << 16 | h[70] << 8 | h[71]),
		     STORE_APPLICATION_ID);
	free(dir);
	free(p);
}

Test(store, uses_the_rollback_journal_and_enforces_foreign_keys)
{
	struct store *st = open_new("j.db");
	char *p = t_path("j.db");
	sqlite3 *db;
	sqlite3_stmt *s;

	store_close(st);
	cr_assert_eq(sqlite3_open(p, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(s, 0), "delete");
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(p);
}

Test(store, migrates_from_every_earlier_version_keeping_data)
{
	for (int v = 0; v < store_schema_latest(); v++) {
		char name[32];
		char *p;
		struct store *st;
		struct contract_info *cs;
		size_t n;
		struct err e;

		snprintf(name, sizeof name, "v%d.db", v);
		p = t_path(name);
		cr_assert_eq(store_open_at_version(p, v, &st, &e), 0, "%s", e.msg);
		cr_assert_eq(store_schema_version(st), v);
		if (v >= 1)
			cr_assert_eq(import(st, test_contract, 1, &e), 0, "%s",
				     e.msg);
		store_close(st);
		cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "v%d: %s",
			     v, e.msg);
		cr_assert_eq(store_schema_version(st), store_schema_latest());
		cr_assert_eq(store_contract_list(st, &cs, &n, &e), 0);
		cr_assert_eq(n, v >= 1 ? 1u : 0u, "v%d", v);
		store_contract_list_free(cs, n);
		store_close(st);
		free(p);
	}
}

/* The file at p must be refused with code, and left byte for byte. */
static void expect_refused(const char *p, enum err_code code,
			   const char *words)
{
	char *copy = t_path("before.bin");
	struct store *st = NULL;
	struct err e;

	cr_assert_eq(t_copy(p, copy), 0);
	for (int mode = STORE_READ; mode <= STORE_WRITE; mode++) {
		err_clear(&e);
		cr_assert_eq(store_open(p, (enum store_mode)mode, &st, &e), -1);
		cr_assert_null(st);
		cr_assert_eq(e.code, code, "code %d: %s", e.code, e.msg);
		cr_assert(strstr(e.msg, words), "« %s » not in « %s »", words,
			  e.msg);
		cr_assert(t_same_bytes(p, copy), "file changed");
	}
	free(copy);
}

Test(store, refuses_a_newer_schema_untouched)
{
	struct store *st = open_new("newer.db");
	char *p = t_path("newer.db");

	store_close(st);
	sql(p, "PRAGMA user_version = 99");
	expect_refused(p, ERR_NEWER, "plus récente");
	free(p);
}

Test(store, refuses_foreign_and_damaged_files_untouched)
{
	char *foreign = t_path("foreign.db");
	char *other_app = t_path("other.db");
	char *junk = t_write("junk.db", "ceci n'est pas une base, juste du texte "
			     "assez long pour dépasser cent octets sans aucun "
			     "doute possible, vraiment.");
	char *good, *truncated, *data;
	size_t len;
	struct store *st;
	FILE *f;

	sql(foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	expect_refused(foreign, ERR_FOREIGN, "autre programme");
	sql(other_app, "PRAGMA application_id = 42; CREATE TABLE t (x)");
	expect_refused(other_app, ERR_FOREIGN, "autre programme");
	expect_refused(junk, ERR_FOREIGN, "pas une base suivi");

	st = open_new("good.db");
	store_close(st);
	good = t_path("good.db");
	data = t_read(good, &len);
	truncated = t_path("truncated.db");
	f = fopen(truncated, "wb");
	fwrite(data, 1, 60, f);
	fclose(f);
	expect_refused(truncated, ERR_CORRUPT, "endommagée");
	free(data);
	free(foreign);
	free(other_app);
	free(junk);
	free(good);
	free(truncated);
}

/* A database holding the bundled contracts, with its fourth page
 * overwritten by junk; returns its path. */
static char *corrupted_db(const char *name)
{
	struct store *st = open_new(name);
	char *p = t_path(name);
	char junk[4096];
	struct err e;
	FILE *f;

	cr_assert_eq(import(st, bundled, 3, &e), 0, "%s", e.msg);
	store_close(st);
	memset(junk, 0x5a, sizeof junk);
	f = fopen(p, "r+b");
	fseek(f, 4096 * 3, SEEK_SET);
	fwrite(junk, 1, sizeof junk, f);
	fclose(f);
	return p;
}

/* Opening does not read the whole file (that would cost in proportion
 * to ten years of data): a damaged page is met by whatever reads it, and
 * by `suivi check`; nothing is ever written to such a file. */
Test(store, damaged_pages_are_reported_by_the_check_and_never_written)
{
	char *p = corrupted_db("corrupt.db");
	char *copy = t_path("before.bin");
	struct store *st = NULL;
	struct store_check r;
	struct err e;

	cr_assert_eq(t_copy(p, copy), 0);
	if (store_open(p, STORE_READ, &st, &e) == 0) {
		/* reported either as problems or as a refusal to go on */
		if (store_check(st, &r, &e) == 0) {
			cr_expect(!r.integrity_ok, "the damage is reported: %s",
				  r.integrity);
			store_check_release(&r);
		} else {
			cr_expect_eq(e.code, ERR_CORRUPT, "%s", e.msg);
			cr_expect(strstr(e.msg, "endommagée"), "%s", e.msg);
		}
		store_close(st);
	} else {
		cr_expect_eq(e.code, ERR_CORRUPT, "%s", e.msg);
	}
	cr_assert(t_same_bytes(p, copy), "file changed");
	free(copy);
	free(p);
}

/* Before a migration rewrites the schema, the whole file is checked: a
 * damaged database of an older schema is refused untouched. */
Test(store, refuses_to_migrate_corrupted_pages)
{
	char *p = corrupted_db("corrupt-old.db");

	sql(p, "PRAGMA user_version = 2");
	expect_refused(p, ERR_CORRUPT, "endommagée");
	free(p);
}

Test(store, treats_file_colon_paths_as_file_names)
{
	char *cwd = getcwd(NULL, 0);
	struct store *st;
	struct err e;

	cr_assert_eq(chdir(t_dir()), 0);
	cr_assert_eq(store_open("file:x.db?mode=ro", STORE_WRITE, &st, &e), 0,
		     "%s", e.msg);
	store_close(st);
	cr_assert_eq(access("file:x.db?mode=ro", F_OK), 0);
	cr_assert_neq(access("x.db", F_OK), 0);
	cr_assert_eq(chdir(cwd), 0);
	free(cwd);
}

Test(store, accepts_an_empty_file_as_new)
{
	char *p = t_write("empty.db", "");
	struct store *st;
	struct err e;

	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema_version(st), store_schema_latest());
	store_close(st);
	free(p);
}

Test(store, read_mode_does_not_create)
{
	char *p = t_path("nothing.db");
	struct store *st;
	struct err e;

	cr_assert_eq(store_open(p, STORE_READ, &st, &e), -1);
	cr_assert_eq(e.code, ERR_NOTFOUND);
	cr_assert_neq(access(p, F_OK), 0);
	free(p);
}

Test(store, imports_all_or_nothing)
{
	struct store *st = open_new("aon.db");
	char *p = t_path("aon.db"), *copy = t_path("aon.before");
	static const char *const contract_then_orphan[] = {
		"tests/fixtures/test-contrat.ini",
		"tests/fixtures/orphan-avenant.ini",
	};
	char *orphan_rel = t_top("tests/fixtures/test-avenant-1.ini");
	char *orphan_text = t_read(orphan_rel, NULL);
	char *orphan, *fixture_path;
	struct err e;

	/* a valid amendment whose contract is unknown: refused inside the
	 * transaction, after the contract was written */
	orphan = strstr(orphan_text, "contrat = test-2020");
	memcpy(orphan, "contrat = zzzz-2020", strlen("contrat = zzzz-2020"));
	fixture_path = t_write("orphan-avenant.ini", orphan_text);
	cr_assert_eq(import(st, bundled, 3, &e), 0, "%s", e.msg);
	store_close(st);
	cr_assert_eq(t_copy(p, copy), 0);
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0);
	{
		char *files[2] = { t_top(contract_then_orphan[0]), fixture_path };
		FILE *devnull = fopen("/dev/null", "w");

		cr_assert_eq(cli_import_files(st, files, 2, devnull, &e), -1);
		cr_assert(strstr(e.msg, "importez d'abord le contrat"), "%s",
			  e.msg);
		fclose(devnull);
		free(files[0]);
	}
	store_close(st);
	cr_assert(t_same_bytes(p, copy), "database changed");
	cr_assert_eq(sql_count(p, "SELECT count(*) FROM contract"), 2);
	free(p);
	free(copy);
	free(orphan_rel);
	free(orphan_text);
	free(fixture_path);
}

Test(store, reimporting_the_same_file_changes_nothing)
{
	struct store *st = open_new("idem.db");
	char *p = t_path("idem.db"), *copy = t_path("idem.before");
	struct err e;

	cr_assert_eq(import(st, bundled, 3, &e), 0, "%s", e.msg);
	store_close(st);
	cr_assert_eq(t_copy(p, copy), 0);
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0);
	cr_assert_eq(import(st, bundled, 3, &e), 0, "%s", e.msg);
	store_close(st);
	cr_assert(t_same_bytes(p, copy), "database changed");
	free(p);
	free(copy);
}

Test(store, refuses_a_different_file_with_the_same_identifier)
{
	struct store *st = open_new("diff.db");
	char *src = t_top("tests/fixtures/test-contrat.ini");
	char *text = t_read(src, NULL);
	char *changed, *files[1];
	struct err e;

	free(src);

	cr_assert_eq(import(st, test_contract, 1, &e), 0, "%s", e.msg);
	changed = strstr(text, "Testville");
	memcpy(changed, "Testvill2", 9);
	files[0] = t_write("changed.ini", text);
	{
		FILE *devnull = fopen("/dev/null", "w");

		cr_assert_eq(cli_import_files(st, files, 1, devnull, &e), -1);
		fclose(devnull);
	}
	cr_assert(strstr(e.msg, "avenant"), "%s", e.msg);
	store_close(st);
	free(text);
	free(files[0]);
}

Test(store, amendment_puts_a_new_annex_version_in_force_from_its_date)
{
	struct store *st = open_new("versions.db");
	char *p = t_path("versions.db");
	struct contract_info *cs;
	struct annex_info *an;
	size_t n, na;
	struct err e;

	cr_assert_eq(import(st, test_contract, 1, &e), 0, "%s", e.msg);
	cr_assert_eq(store_contract_list(st, &cs, &n, &e), 0);
	store_close(st);
	/* a value measured under version 0 (the measurement API comes with
	 * the dashboard; the schema already holds it) */
	sql(p, "INSERT INTO measurement (uid, indicator_uid, period, num, author,"
	       " updated_at) SELECT 'm1', uid, '2020', 1, 't', 'now'"
	       " FROM indicator WHERE code = '1.1.1'");
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0);
	cr_assert_eq(import(st, test_amendment, 1, &e), 0, "%s", e.msg);

	cr_assert_eq(store_annexes_in_force(st, cs[0].uid, "2020-06-30", &an,
					    &na, &e), 0);
	cr_assert_eq(na, 1);
	cr_assert_eq(an[0].version, 0);
	cr_assert_eq(an[0].n_indicators, 3);
	store_annex_list_free(an, na);
	cr_assert_eq(store_annexes_in_force(st, cs[0].uid, "2021-01-01", &an,
					    &na, &e), 0);
	cr_assert_eq(an[0].version, 1);
	cr_assert_eq(an[0].n_indicators, 2);
	cr_assert_str_eq(an[0].in_force_from, "2021-01-01");
	store_annex_list_free(an, na);
	/* before the first version: no annex in force, never the first one
	 * ahead of its date */
	cr_assert_eq(store_annexes_in_force(st, cs[0].uid, "2019-01-01", &an,
					    &na, &e), 0);
	cr_assert_eq(na, 0);
	store_annex_list_free(an, na);
	cr_assert_eq(store_annex_versions(st, cs[0].uid, &an, &na, &e), 0);
	cr_assert_eq(na, 2);
	store_annex_list_free(an, na);
	store_contract_list_free(cs, n);
	store_close(st);
	/* the measurement still belongs to version 0's indicator */
	cr_assert_eq(sql_count(p, "SELECT a.version FROM measurement m"
			       " JOIN indicator i ON i.uid = m.indicator_uid"
			       " JOIN annex a ON a.uid = i.annex_uid"
			       " WHERE m.uid = 'm1'"), 0);
	cr_assert_eq(sql_count(p, "SELECT count(*) FROM indicator"
			       " WHERE code = '1.1.1'"), 2);
	free(p);
}

Test(store, refuses_an_amendment_in_force_before_its_contract)
{
	struct store *st = open_new("early.db");
	char *src = t_top("tests/fixtures/test-avenant-1.ini");
	char *text = t_read(src, NULL);
	char *at = strstr(text, "2021-01-01");
	char *files[1];
	FILE *devnull = fopen("/dev/null", "w");
	struct err e;

	memcpy(at, "2019-01-01", 10);
	files[0] = t_write("early.ini", text);
	cr_assert_eq(import(st, test_contract, 1, &e), 0, "%s", e.msg);
	cr_assert_eq(cli_import_files(st, files, 1, devnull, &e), -1);
	cr_assert(strstr(e.msg, "avant le début"), "%s", e.msg);
	fclose(devnull);
	store_close(st);
	free(text);
	free(src);
	free(files[0]);
}

Test(store, bundled_contracts_import_with_their_counts)
{
	struct store *st = open_new("bundled.db");
	struct contract_info *cs;
	struct annex_info *an;
	struct store_totals t;
	size_t n, na;
	struct err e;

	cr_assert_eq(import(st, bundled, 3, &e), 0, "%s", e.msg);
	cr_assert_eq(store_contract_list(st, &cs, &n, &e), 0);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(cs[0].commune, "Le Bouscat");
	cr_assert_eq(cs[0].n_amendments, 1);
	cr_assert_eq(store_annexes_in_force(st, cs[0].uid, "2018-01-01", &an,
					    &na, &e), 0);
	cr_assert_eq(na, 1);
	cr_assert_eq(an[0].version, 1);
	cr_assert_eq(an[0].n_contacts, 24);
	cr_assert_eq(an[0].n_indicators, 13);
	cr_assert_eq(an[0].n_removed_priorities, 1);
	store_annex_list_free(an, na);
	cr_assert_eq(store_annexes_in_force(st, cs[1].uid, "2026-11-23", &an,
					    &na, &e), 0);
	cr_assert_eq(na, 2);
	cr_assert_eq(an[0].n_activities + an[1].n_activities, 40);
	store_annex_list_free(an, na);
	cr_assert_eq(store_totals(st, &t, &e), 0);
	cr_assert_eq(t.contracts, 2);
	cr_assert_eq(t.amendments, 1);
	store_contract_list_free(cs, n);
	store_close(st);
}

Test(store, backup_is_a_sound_private_copy)
{
	struct store *st = open_new("orig.db");
	char *dest = t_path("copy.db");
	struct store *copy;
	struct store_check r;
	struct err e;

	cr_assert_eq(import(st, bundled, 3, &e), 0, "%s", e.msg);
	cr_assert_eq(store_backup(st, dest, false, &e), 0, "%s", e.msg);
	cr_assert_eq(t_mode(dest), 0600);
	cr_assert_eq(store_backup(st, dest, false, &e), -1);
	cr_assert_eq(e.code, ERR_EXISTS);
	cr_assert_eq(store_backup(st, dest, true, &e), 0, "%s", e.msg);
	store_close(st);
	cr_assert_eq(store_open(dest, STORE_READ, &copy, &e), 0, "%s", e.msg);
	cr_assert_eq(store_check(copy, &r, &e), 0);
	cr_assert(r.integrity_ok);
	cr_assert(r.foreign_keys_ok);
	store_check_release(&r);
	store_close(copy);
	free(dest);
}

Test(store, check_reports_broken_references)
{
	struct store *st = open_new("fk.db");
	char *p = t_path("fk.db");
	struct store_check r;
	struct err e;

	store_close(st);
	sql(p, "PRAGMA foreign_keys = OFF; INSERT INTO domain (uid,"
	       " contract_uid, code, name) VALUES ('d', 'nowhere', 'x', 'x')");
	cr_assert_eq(store_open(p, STORE_READ, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_check(st, &r, &e), 0);
	cr_assert(r.integrity_ok);
	cr_assert(!r.foreign_keys_ok);
	cr_assert_eq(r.fk_problems, 1);
	store_check_release(&r);
	store_close(st);
	free(p);
}

Test(store, keys_are_random_and_distinct)
{
	char a[STORE_UID_LEN], b[STORE_UID_LEN];

	store_uid_new(a);
	store_uid_new(b);
	cr_assert_eq(strlen(a), 32);
	cr_assert_str_neq(a, b);
	cr_assert_eq(strspn(a, "0123456789abcdef"), 32);
}

static int seed_one(struct store *st, void *ctx, struct err *e)
{
	(void)ctx;
	return import(st, test_contract, 1, e);
}

static int seed_fails(struct store *st, void *ctx, struct err *e)
{
	int rc = import(st, test_contract, 1, e);

	(void)ctx;
	cr_assert_eq(rc, 0);
	err_set(e, ERR_IO, "interrompu");
	return -1;
}

Test(store, first_fill_is_one_transaction_with_the_schema)
{
	char *p = t_path("seed.db");
	struct store *st;
	struct contract_info *cs;
	size_t n;
	struct err e;

	cr_assert_eq(store_open_seeded(p, STORE_WRITE, seed_fails, NULL, &st,
				       &e), -1);
	cr_assert_neq(access(p, F_OK), 0, "a failed first run left a file");
	/* an empty file (a first run killed before its commit) is filled */
	free(t_write("seed.db", ""));
	cr_assert_eq(store_open_seeded(p, STORE_WRITE, seed_fails, NULL, &st,
				       &e), -1);
	cr_assert_eq(t_mode(p) >= 0, 1);
	cr_assert_eq(store_open_seeded(p, STORE_WRITE, seed_one, NULL, &st, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_contract_list(st, &cs, &n, &e), 0);
	cr_assert_eq(n, 1);
	store_contract_list_free(cs, n);
	store_close(st);
	/* an existing database is not seeded again */
	cr_assert_eq(store_open_seeded(p, STORE_WRITE, seed_fails, NULL, &st,
				       &e), 0);
	store_close(st);
	free(p);
}

Test(store, an_inner_failure_cancels_the_whole_transaction)
{
	struct store *st = open_new("nest.db");
	struct contract_info *cs;
	size_t n;
	struct err e;

	cr_assert_eq(store_begin(st, &e), 0);
	cr_assert_eq(import(st, test_contract, 1, &e), 0);
	cr_assert_eq(store_begin(st, &e), 0);
	store_rollback(st);			/* inner failure */
	cr_assert_eq(store_commit(st, &e), -1);	/* outer cannot commit */
	cr_assert_eq(store_contract_list(st, &cs, &n, &e), 0);
	cr_assert_eq(n, 0);
	store_contract_list_free(cs, n);
	store_close(st);
}

Test(store, inspect_mode_opens_a_damaged_file_to_report_it)
{
	char *p = corrupted_db("inspect.db"), *copy = t_path("inspect.before");
	struct store *st;
	struct store_check r;
	struct err e;
	int rc;

	cr_assert_eq(t_copy(p, copy), 0);
	cr_assert_eq(store_open(p, STORE_INSPECT, &st, &e), 0, "%s", e.msg);
	rc = store_check(st, &r, &e);
	cr_assert(rc == -1 || !r.integrity_ok);
	if (rc == 0)
		store_check_release(&r);
	store_close(st);
	cr_assert(t_same_bytes(p, copy));
	free(p);
	free(copy);
}

Test(store, backup_never_replaces_the_database_itself)
{
	struct store *st = open_new("self.db");
	char *p = t_path("self.db");
	char *cwd = getcwd(NULL, 0);
	struct err e;

	cr_assert_eq(store_backup(st, p, true, &e), -1);
	cr_assert(strstr(e.msg, "la base elle-même"), "%s", e.msg);
	cr_assert_eq(chdir(t_dir()), 0);
	cr_assert_eq(store_backup(st, "./self.db", true, &e), -1);
	cr_assert_eq(chdir(cwd), 0);
	store_close(st);
	free(cwd);
	free(p);
}

Test(store, a_writer_waits_then_says_the_database_is_busy, .timeout = 30)
{
	struct store *st = open_new("busy.db");
	char *p = t_path("busy.db"), *copy = t_path("busy.before");
	sqlite3 *other;
	struct err e;

	store_close(st);
	cr_assert_eq(t_copy(p, copy), 0);
	cr_assert_eq(sqlite3_open(p, &other), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(import(st, test_contract, 1, &e), -1);
	cr_assert_eq(e.code, ERR_BUSY, "%d %s", e.code, e.msg);
	cr_assert(strstr(e.msg, "occupée par un autre programme"), "%s", e.msg);
	store_close(st);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	cr_assert(t_same_bytes(p, copy));
	free(p);
	free(copy);
}
