/*
 * Stable identities (issue 19): SHA-256 against FIPS 180-4's vectors,
 * store_uid_stable, the same uids in two databases whatever the order of
 * their imports, and migration 13 renaming a database whose rows had
 * random uids without changing what it holds.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/contract.h"
#include "suivi/contract_file.h"
#include "suivi/sha256.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_draft.h"
#include "suivi/store_measurement.h"
#include "suivi/store_observation.h"
#include "suivi/store_request.h"
#include "suivi/value.h"

static void hex(const unsigned char *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static void digest_of(const char *s, size_t n, char out[65])
{
	struct sha256 c;
	unsigned char d[32];

	sha256_init(&c);
	sha256_update(&c, s, n);
	sha256_final(&c, d);
	hex(d, 32, out);
}

Test(identity, sha256_vectors)
{
	char out[65];
	char *million = malloc(1000000);
	struct sha256 c;
	unsigned char d[32];

	digest_of("abc", 3, out);
	cr_assert_str_eq(out, "ba7816bf8f01cfea414140de5dae2223"
			      "b00361a396177a9cb410ff61f20015ad");
	digest_of("", 0, out);
	cr_assert_str_eq(out, "e3b0c44298fc1c149afbf4c8996fb924"
			      "27ae41e4649b934ca495991b7852b855");
	digest_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  56, out);
	cr_assert_str_eq(out, "248d6a61d20638b8e5c026930c3e6039"
			      "a33ce45964ff2167f6ecedd419db06c1");
	/* a million 'a', fed in uneven pieces */
	memset(million, 'a', 1000000);
	sha256_init(&c);
	for (size_t at = 0, step = 1; at < 1000000; at += step, step = step * 3 % 997 + 1)
		sha256_update(&c, million + at, at + step > 1000000 ? 1000000 - at : step);
	sha256_final(&c, d);
	hex(d, 32, out);
	cr_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67"
			      "f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

Test(identity, stable_uid_is_a_function_of_its_parts)
{
	char a[STORE_UID_LEN], b[STORE_UID_LEN];
	const char *parts[] = { "x", NULL, "y" };

	store_uid_stable(a, "indicator", "annex", "1.1.1", NULL, NULL);
	store_uid_stable(b, "indicator", "annex", "1.1.1", NULL, NULL);
	cr_assert_str_eq(a, b);
	cr_assert_eq(strlen(a), 32);
	cr_assert_eq(strspn(a, "0123456789abcdef"), 32);
	/* kind, each part and their boundaries all count */
	store_uid_stable(b, "commitment", "annex", "1.1.1", NULL, NULL);
	cr_assert_str_neq(a, b);
	store_uid_stable(b, "indicator", "annex", "1.1.2", NULL, NULL);
	cr_assert_str_neq(a, b);
	store_uid_stable(a, "k", "a:b", "c", NULL, NULL);
	store_uid_stable(b, "k", "a", "b:c", NULL, NULL);
	cr_assert_str_neq(a, b);
	store_uid_stable(a, "k", "1:a;", NULL, NULL, NULL);
	store_uid_stable(b, "k", "a", NULL, NULL, NULL);
	cr_assert_str_neq(a, b);
	/* an empty part is not a missing one, nor a NULL inside the list */
	store_uid_stable(a, "k", "x", "", NULL, NULL);
	store_uid_stable(b, "k", "x", NULL, NULL, NULL);
	cr_assert_str_neq(a, b);
	store_uid_stablev(a, "k", 3, parts);
	store_uid_stable(b, "k", "x", "", "y", NULL);
	cr_assert_str_neq(a, b);
}

static const char *const bundled[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
};

/* Every key of the contract model and of the cells, one line each,
 * sorted: what two databases must agree on. */
static const char keys_sql[] =
	"SELECT 'commune ' || uid || ' ' || insee FROM commune"
	" UNION ALL SELECT 'contract ' || uid || ' ' || commune_uid FROM contract"
	" UNION ALL SELECT 'article ' || uid || ' ' || contract_uid FROM article"
	" UNION ALL SELECT 'amendment ' || uid || ' ' || contract_uid FROM amendment"
	" UNION ALL SELECT 'domain ' || uid || ' ' || contract_uid FROM domain"
	" UNION ALL SELECT 'annex ' || uid || ' ' || domain_uid || ' '"
	"  || ifnull(amendment_uid, '-') FROM annex"
	" UNION ALL SELECT 'subdomain ' || uid || ' ' || annex_uid FROM subdomain"
	" UNION ALL SELECT 'activity ' || uid || ' ' || subdomain_uid FROM activity"
	" UNION ALL SELECT 'role ' || uid || ' ' || annex_uid FROM role"
	" UNION ALL SELECT 'contact ' || uid || ' ' || annex_uid || ' '"
	"  || ifnull(subdomain_uid, '-') FROM contact"
	" UNION ALL SELECT 'priority ' || uid || ' ' || annex_uid FROM priority"
	" UNION ALL SELECT 'committee ' || uid || ' ' || annex_uid FROM committee"
	" UNION ALL SELECT 'commitment ' || uid || ' ' || annex_uid || ' '"
	"  || ifnull(subdomain_uid, '-') FROM commitment"
	" UNION ALL SELECT 'indicator ' || uid || ' ' || annex_uid || ' '"
	"  || commitment_uid FROM indicator"
	" UNION ALL SELECT 'target ' || uid || ' ' || indicator_uid || ' '"
	"  || num FROM target"
	" UNION ALL SELECT 'measurement ' || uid || ' ' || indicator_uid || ' '"
	"  || ifnull(num, '-') FROM measurement"
	" UNION ALL SELECT 'history ' || measurement_uid || ' ' || action"
	"  FROM measurement_history"
	" UNION ALL SELECT 'observation ' || uid || ' ' || domain_uid || ' '"
	"  || text FROM observation"
	" UNION ALL SELECT 'request ' || contract_uid || ' '"
	"  || ifnull(domain_uid, '-') || ' ' || object FROM request"
	" UNION ALL SELECT 'draft ' || context FROM draft"
	" ORDER BY 1";

static char *keys_of(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	size_t cap = 1 << 16, len = 0;
	char *out = malloc(cap);

	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, keys_sql, -1, &s, NULL), SQLITE_OK,
		     "%s", sqlite3_errmsg(db));
	out[0] = '\0';
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		size_t n = strlen(t);

		while (len + n + 2 > cap)
			out = realloc(out, cap *= 2);
		memcpy(out + len, t, n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return out;
}

static void fill(struct store *st)
{
	char contract[STORE_UID_LEN], ind[STORE_UID_LEN], dom[STORE_UID_LEN];
	struct value v = { .has_num = true, .num = 42 };
	struct err e;

	cr_assert_eq(store_contract_find(st, "Le Bouscat", contract, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_indicator_by_code(st, contract, "1.1.1",
					     "2026-01-01", ind, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_measurement_set(st, ind, "2026-03", NULL, &v, false,
					   NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_target_set(st, ind, 2026, NULL, &v, -1, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_domain_uid(st, contract, "nsi", dom, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_observation_set_by(st, dom, 2025, OBS_COMMUNE,
					      "Bon suivi.", &e), 0, "%s", e.msg);
	cr_assert_eq(store_draft_save(st, "grid", contract, "12", &e), 0,
		     "%s", e.msg);
}

Test(identity, same_uids_whatever_the_order_of_imports)
{
	char *p1 = t_path("a.db"), *p2 = t_path("b.db"), *k1, *k2;
	struct store *st;
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	cr_assert_eq(store_open(p1, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	t_import(st, bundled[0]);
	t_import(st, bundled[1]);
	t_import(st, bundled[2]);
	fill(st);
	store_close(st);
	cr_assert_eq(store_open(p2, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	t_import(st, bundled[1]);
	t_import(st, bundled[0]);
	t_import(st, bundled[2]);
	fill(st);
	store_close(st);
	k1 = keys_of(p1);
	k2 = keys_of(p2);
	cr_assert_gt(strlen(k1), 10000);
	cr_assert_str_eq(k1, k2);
	free(k1), free(k2), free(p1), free(p2);
}

/* What a database written before migration 13 looked like: every key
 * drawn at random. Rewritten here through a map, references included,
 * as the first releases wrote them. */
static const char *const scramble_tables[][4] = {
	{ "commune", "uid" }, { "contract", "uid", "commune_uid" },
	{ "article", "uid", "contract_uid" },
	{ "amendment", "uid", "contract_uid" },
	{ "domain", "uid", "contract_uid" },
	{ "annex", "uid", "domain_uid", "amendment_uid" },
	{ "subdomain", "uid", "annex_uid" },
	{ "activity", "uid", "subdomain_uid" },
	{ "role", "uid", "annex_uid" },
	{ "contact", "uid", "annex_uid", "subdomain_uid" },
	{ "priority", "uid", "annex_uid" },
	{ "committee", "uid", "annex_uid" },
	{ "commitment", "uid", "annex_uid", "subdomain_uid" },
	{ "indicator", "uid", "annex_uid", "commitment_uid" },
	{ "indicator_choice", "indicator_uid" },
	{ "target", "uid", "indicator_uid" },
	{ "measurement", "uid", "indicator_uid" },
	{ "measurement_history", "measurement_uid" },
	{ "request", "contract_uid", "domain_uid", "subdomain_uid" },
	{ "dispute", "contract_uid", "domain_uid" },
	{ "meeting", "contract_uid" },
	{ "observation", "uid", "domain_uid" },
	{ "evaluation_record", "uid", "contract_uid" },
};

static void exec_ok(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK,
		     "%s: %s", sql, msg ? msg : "");
}

static void scramble(const char *path)
{
	sqlite3 *db;
	char sql[512];

	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	exec_ok(db, "PRAGMA foreign_keys = ON; BEGIN;"
		    " PRAGMA defer_foreign_keys = ON;"
		    " CREATE TEMP TABLE m (old TEXT PRIMARY KEY, new TEXT);");
	for (size_t t = 0; t < sizeof scramble_tables / sizeof *scramble_tables;
	     t++) {
		if (strcmp(scramble_tables[t][1], "uid") != 0)
			continue;
		snprintf(sql, sizeof sql, "INSERT INTO m SELECT uid,"
			 " lower(hex(randomblob(16))) FROM %s",
			 scramble_tables[t][0]);
		exec_ok(db, sql);
	}
	for (size_t t = 0; t < sizeof scramble_tables / sizeof *scramble_tables;
	     t++)
		for (int c = 1; c < 4 && scramble_tables[t][c]; c++) {
			snprintf(sql, sizeof sql, "UPDATE %s SET %s = ifnull("
				 "(SELECT new FROM m WHERE old = %s), %s)",
				 scramble_tables[t][0], scramble_tables[t][c],
				 scramble_tables[t][c], scramble_tables[t][c]);
			exec_ok(db, sql);
		}
	exec_ok(db, "UPDATE draft SET context = (SELECT new FROM m"
		    " WHERE old = context) WHERE context IN (SELECT old FROM m);"
		    " COMMIT;");
	sqlite3_close(db);
}

Test(identity, migration_13_gives_old_rows_their_stable_names)
{
	char *fresh = t_path("fresh.db"), *old = t_path("old.db");
	char *k_fresh, *k_old_before, *k_old;
	struct store *st;
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	cr_assert_eq(store_open(fresh, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	for (size_t i = 0; i < 3; i++)
		t_import(st, bundled[i]);
	fill(st);
	store_close(st);

	cr_assert_eq(store_open_at_version(old, 12, &st, &e), 0, "%s", e.msg);
	t_import(st, bundled[1]);
	t_import(st, bundled[0]);
	t_import(st, bundled[2]);
	fill(st);
	store_close(st);
	k_old_before = keys_of(old);
	scramble(old);
	k_old = keys_of(old);
	cr_assert_str_neq(k_old, k_old_before, "the scramble changed nothing");
	free(k_old);

	cr_assert_eq(store_open(old, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema_version(st), store_schema_latest());
	store_close(st);
	k_fresh = keys_of(fresh);
	k_old = keys_of(old);
	cr_assert_str_eq(k_old, k_fresh);
	cr_assert_str_eq(k_old, k_old_before);
	free(k_fresh), free(k_old), free(k_old_before), free(fresh), free(old);
}
