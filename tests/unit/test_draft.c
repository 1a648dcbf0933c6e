/* Drafts kept when the database cannot take them (issue 17, 5). */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "suivi/draft.h"
#include "suivi/store.h"
#include "suivi/store_draft.h"

static void runtime_dir(void)
{
	char *run = t_path("run");

	cr_assert_eq(mkdir(run, 0700), 0);
	setenv("XDG_RUNTIME_DIR", run, 1);
	free(run);
}

/* The database refuses every draft (what a full disk does to a save). */
static void refuse_drafts(const char *path, bool refuse)
{
	sqlite3 *db;

	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, refuse
			? "CREATE TRIGGER full BEFORE INSERT ON draft BEGIN"
			  " SELECT RAISE(FAIL, 'database or disk is full'); END"
			: "DROP TRIGGER full", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static struct store *open_db(const char *path)
{
	struct store *st;
	struct err e;

	cr_assert_eq(store_open(path, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	return st;
}

Test(draft, kept_in_the_database_when_it_can)
{
	char *p = t_path("d.db"), *where = (char *)"x", *ctx, *text;
	struct store *st;
	struct err e;
	bool found;

	runtime_dir();
	st = open_db(p);
	cr_assert_eq(draft_keep(st, "saisine", "nouvelle", "Objet\ntexte",
				&where, &e), 0, "%s", e.msg);
	cr_assert_null(where);
	cr_assert_eq(store_draft_get(st, "saisine", &ctx, &text, &found, &e), 0);
	cr_assert(found);
	cr_assert_str_eq(text, "Objet\ntexte");
	free(ctx);
	free(text);
	store_close(st);
	free(p);
}

Test(draft, a_database_that_refuses_sends_it_to_a_file_then_back)
{
	char *p = t_path("d.db"), *where = NULL, *ctx = NULL, *text = NULL;
	const char *typed = "Panne du serveur\nà 8 h 30 ; « urgent »";
	struct store *st;
	struct err e;
	bool found;

	runtime_dir();
	st = open_db(p);
	store_close(st);
	refuse_drafts(p, true);
	st = open_db(p);
	cr_assert_eq(draft_keep(st, "saisine", "nouvelle\nligne", typed, &where,
				&e), 1, "%s", e.msg);
	cr_assert_not_null(where);
	cr_assert_eq(t_mode(where), 0600);
	{
		char *dir = draft_dir();

		cr_assert_eq(strncmp(where, dir, strlen(dir)), 0, "%s", where);
		cr_assert_eq(t_mode(dir), 0700);
		free(dir);
	}
	/* still refused: kept in its file, said */
	cr_assert_eq(draft_recover(st, &e), -1);
	cr_assert(strstr(e.msg, where), "%s", e.msg);
	cr_assert_eq(access(where, F_OK), 0);
	store_close(st);
	refuse_drafts(p, false);
	/* the next start with room: into the database, the file gone */
	st = open_db(p);
	cr_assert_eq(draft_recover(st, &e), 1, "%s", e.msg);
	cr_assert_neq(access(where, F_OK), 0);
	cr_assert_eq(store_draft_get(st, "saisine", &ctx, &text, &found, &e), 0);
	cr_assert(found);
	cr_assert_str_eq(ctx, "nouvelle\nligne");
	cr_assert_str_eq(text, typed);
	cr_assert_eq(draft_recover(st, &e), 0);
	free(ctx);
	free(text);
	free(where);
	store_close(st);
	free(p);
}

/* A copy of the database does not take the original's drafts. */
Test(draft, a_file_belongs_to_its_database_only)
{
	char *p = t_path("d.db"), *q = t_path("copie.db"), *where = NULL;
	struct store *st;
	struct err e;

	runtime_dir();
	st = open_db(p);
	store_close(st);
	refuse_drafts(p, true);
	st = open_db(p);
	cr_assert_eq(draft_keep(st, "valeur", "c", "4,5", &where, &e), 1);
	store_close(st);
	refuse_drafts(p, false);
	cr_assert_eq(t_copy(p, q), 0);
	st = open_db(q);
	cr_assert_eq(draft_recover(st, &e), 0);
	store_close(st);
	cr_assert_eq(access(where, F_OK), 0);
	free(where);
	free(p);
	free(q);
}

/* Nowhere to keep it: said, with the text, for stderr. */
Test(draft, nowhere_to_keep_it_is_said)
{
	char *p = t_path("d.db"), *where = NULL, *bad = t_write("run", "");
	struct store *st;
	struct err e;

	setenv("XDG_RUNTIME_DIR", bad, 1);	/* a file, not a folder */
	st = open_db(p);
	store_close(st);
	refuse_drafts(p, true);
	st = open_db(p);
	cr_assert_eq(draft_keep(st, "valeur", "c", "4,5", &where, &e), -1);
	cr_assert_null(where);
	cr_assert(strstr(e.msg, "brouillon perdu"), "%s", e.msg);
	store_close(st);
	free(bad);
	free(p);
}
