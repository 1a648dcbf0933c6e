/*
 * open.c - opening a database file: the checks made before SQLite sees
 * it (header, journals, a file that is not ours), the connection's
 * settings and SQL functions, migrations, closing.
 */
#include "store_internal.h"

#include "suivi/paths.h"
#include "suivi/request.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"
#include "sync_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* suivi_uid(kind, part…) in SQL: the migration that gave the existing
 * rows their stable identities (schema.c, migration 13) computes them
 * with the same function as the code. Integers are spelled in decimal
 * as the code spells them. */
static void sql_suivi_uid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *parts[8];
	char *text[8] = { 0 };
	char out[STORE_UID_LEN];

	if (argc < 1 || argc > 9) {
		sqlite3_result_error(ctx, "suivi_uid: 1 to 9 arguments", -1);
		return;
	}
	for (int i = 1; i < argc; i++) {
		sqlite3_value *v = argv[i];

		if (sqlite3_value_type(v) == SQLITE_NULL)
			parts[i - 1] = NULL;
		else if (sqlite3_value_type(v) == SQLITE_INTEGER)
			parts[i - 1] = text[i - 1] =
				xasprintf("%lld", sqlite3_value_int64(v));
		else
			parts[i - 1] = (const char *)sqlite3_value_text(v);
	}
	store_uid_stablev(out, (const char *)sqlite3_value_text(argv[0]),
			  argc - 1, parts);
	for (int i = 0; i < 8; i++)
		free(text[i]);
	sqlite3_result_text(ctx, out, 32, SQLITE_TRANSIENT);
}

/* suivi_hours(from, to) in SQL: the real hours between two stored
 * date-times (request_delay), so that a list sorted by delay agrees with
 * the delays it shows across a change of time; NULL when either is NULL
 * or unreadable. Not deterministic: it reads the time zone. */
static void sql_suivi_hours(sqlite3_context *ctx, int argc,
			    sqlite3_value **argv)
{
	double h;

	(void)argc;
	if (request_delay((const char *)sqlite3_value_text(argv[0]),
			  (const char *)sqlite3_value_text(argv[1]), &h, NULL))
		sqlite3_result_double(ctx, h);
	else
		sqlite3_result_null(ctx);
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static char *dir_of(const char *path)
{
	char *copy = xstrdup(path);
	char *d = xstrdup(dirname(copy));

	free(copy);
	return d;
}

/* Create path 0600, with missing parent folders 0700. */
static int create_file(const char *path, struct err *e)
{
	char *dir = dir_of(path);
	int fd, rc = 0;

	if (access(dir, F_OK) != 0 && paths_mkdirs(dir, e) != 0) {
		free(dir);
		return -1;
	}
	free(dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_set(e, ERR_IO, "impossible de créer la base %s : %s", path,
			err_errno_fr(errno));
		return -1;
	}
	if (close(fd) != 0)
		rc = -1;
	return rc;
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

enum header_kind { HEADER_EMPTY, HEADER_OURS, HEADER_PLAIN_SQLITE };

/* Look at the file's first 100 bytes ourselves, before SQLite does, so a
 * foreign, newer or damaged file is refused without being touched. */
static int check_header(const char *path, enum header_kind *kind,
			struct err *e)
{
	unsigned char h[100];
	struct stat stb;
	ssize_t n;
	/* O_NONBLOCK: a FIFO would wait forever for a writer */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	unsigned long app, version;

	if (fd < 0) {
		err_set(e, ERR_IO, "impossible d'ouvrir la base %s : %s", path,
			err_errno_fr(errno));
		return -1;
	}
	if (fstat(fd, &stb) != 0 || !S_ISREG(stb.st_mode)) {
		close(fd);
		err_set(e, ERR_INPUT, "%s n'est pas un fichier ordinaire : ce ne "
			"peut pas être une base suivi", path);
		return -1;
	}
	n = read(fd, h, sizeof h);
	close(fd);
	if (n == 0) {
		*kind = HEADER_EMPTY;
		return 0;
	}
	if (n < 0) {
		err_set(e, ERR_IO, "impossible de lire la base %s : %s", path,
			err_errno_fr(errno));
		return -1;
	}
	if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
		if (n >= 16 && memcmp(h, "SQLite format 3", 16) == 0)
			err_set(e, ERR_CORRUPT, "la base %s est tronquée ou "
				"endommagée. Rien n'y a été modifié ; restaurez "
				"une sauvegarde (suivi backup).", path);
		else
			err_set(e, ERR_FOREIGN, "%s n'est pas une base suivi (ce "
				"n'est pas un fichier SQLite, ou il est "
				"endommagé). Rien n'y a été modifié.", path);
		return -1;
	}
	{
		/* fields SQLite reads before anything else: a damaged one
		 * would make it refuse to write ("lecture seule") or misread
		 * every page */
		unsigned ps = (unsigned)h[16] << 8 | h[17];
		int bad = -1;

		if (!(ps == 1 || (ps >= 512 && ps <= 32768 && !(ps & (ps - 1)))))
			bad = 16;
		else if (h[18] != 1 && h[18] != 2)
			bad = 18;
		else if (h[19] != 1 && h[19] != 2)
			bad = 19;
		else if (h[21] != 64 || h[22] != 32 || h[23] != 32)
			bad = h[21] != 64 ? 21 : h[22] != 32 ? 22 : 23;
		else if (be32(h + 44) > 4)
			bad = 44;
		else if (be32(h + 56) > 3)
			bad = 56;
		if (bad >= 0) {
			err_set(e, ERR_CORRUPT, "l'en-tête de la base %s est "
				"endommagé (octet %d). Rien n'y a été modifié ; "
				"restaurez une sauvegarde (suivi restore).", path,
				bad);
			return -1;
		}
	}
	app = be32(h + 68);
	version = be32(h + 60);
	if (app == STORE_APPLICATION_ID) {
		if (version > (unsigned long)store_schema_version_latest) {
			err_set(e, ERR_NEWER, "la base %s a été écrite par une "
				"version plus récente de suivi (schéma %lu ; "
				"celle-ci connaît le schéma %d). Mettez suivi à "
				"jour ; rien n'y a été modifié.", path, version,
				store_schema_version_latest);
			return -1;
		}
		*kind = HEADER_OURS;
		return 0;
	}
	if (app == 0 && version == 0) {
		*kind = HEADER_PLAIN_SQLITE;
		return 0;
	}
	err_set(e, ERR_FOREIGN, "%s est une base SQLite d'un autre programme, "
		"pas une base suivi. Rien n'y a été modifié.", path);
	return -1;
}

int store_pragma_int(struct store *st, const char *sql, int *out,
		     struct err *e)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(s, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, "lire la base", e);
		return -1;
	}
	return 0;
}

int store_schema_version(struct store *st)
{
	int v = -1;

	store_pragma_int(st, "PRAGMA user_version", &v, NULL);
	return v;
}

static int quick_check(struct store *st, struct err *e)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check(1)", -1, &s,
				    NULL);
	char *verdict = NULL;

	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		verdict = store_col_dup(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, "vérifier la base", e);
		return -1;
	}
	if (!verdict || strcmp(verdict, "ok") != 0) {
		/* the verdict is SQLite's English: `suivi check` shows it,
		 * labelled as such */
		err_set(e, ERR_CORRUPT, "la base %s est endommagée (le contrôle "
			"d'intégrité de SQLite y trouve des problèmes). %s ; "
			"lancez « suivi check » pour le détail et restaurez une "
			"sauvegarde (suivi restore).", st->path,
			store_unchanged(st));
		free(verdict);
		return -1;
	}
	free(verdict);
	return 0;
}

/* Inside the caller's transaction. */
static int migrate_to(struct store *st, int from, int to, struct err *e)
{
	char sql[96];
	int rc = 0;

	/* A migration may rewrite every row of a large base (13 renames
	 * keys): a cache that holds its indexes, temporary tables in
	 * memory, for its time only. */
	if (from > 0)
		sqlite3_exec(st->db, "PRAGMA cache_size = -131072;"
			     " PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	st->schema_written = true;
	for (int v = from + 1; v <= to && rc == 0; v++)
		rc = store_exec(st, store_migrations[v - 1], "mettre à jour le schéma",
			  e);
	if (from > 0)
		sqlite3_exec(st->db, "PRAGMA cache_size = -2000;"
			     " PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
	if (rc != 0)
		return -1;
	/* Numbers of ours, not user data: safe to format into the PRAGMA. */
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; "
		 "PRAGMA user_version = %d", STORE_APPLICATION_ID, to);
	return store_exec(st, sql, "mettre à jour le schéma", e);
}

/* Rollback journal: the .db file alone is complete whenever no save is
 * running (users copy it onto USB sticks). Another tool may have switched
 * the file to WAL: switch it back. */
static int rollback_journal(struct store *st, struct err *e)
{
	sqlite3_stmt *s;
	char *mode = NULL;
	int rc = 0;

	if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1, &s, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		mode = store_col_dup(s, 0);
	sqlite3_finalize(s);
	if (!mode || strcmp(mode, "delete") != 0)
		rc = store_exec(st, "PRAGMA journal_mode = DELETE",
			  "configurer le journal de la base", e);
	free(mode);
	return rc;
}

static void global_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	/* "file:…" is a file name for us, never a URI (Debian enables URIs). */
	sqlite3_config(SQLITE_CONFIG_URI, 0);
}

/* Another name of this file (a hard link in its folder) under which a
 * save was cut short: SQLite looks for a journal under the name it is
 * given only, so that one would not be played back, and the file, half
 * written, would read as damaged. Refused, naming it. */
static int journal_of_another_name(const char *path, struct err *e)
{
	struct stat sb, o;
	char *dir;
	const char *base = strrchr(path, '/');
	DIR *d;
	struct dirent *de;
	int rc = 0;

	if (stat(path, &sb) != 0 || sb.st_nlink < 2)
		return 0;
	base = base ? base + 1 : path;
	dir = dir_of(path);
	d = opendir(dir);
	while (d && rc == 0 && (de = readdir(d))) {
		char *other, *journal;
		size_t len = strlen(de->d_name);

		if (!strcmp(de->d_name, base) ||
		    (len > 8 && !strcmp(de->d_name + len - 8, "-journal")))
			continue;
		other = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(other, &o) == 0 && S_ISREG(o.st_mode) &&
		    o.st_dev == sb.st_dev && o.st_ino == sb.st_ino) {
			journal = xasprintf("%s-journal", other);
			if (stat(journal, &o) == 0 && o.st_size > 0) {
				err_set(e, ERR_DB, "la base %s est aussi le fichier "
					"%s (un lien vers le même fichier), sous "
					"lequel un enregistrement a été interrompu "
					"(%s) : ouvrez-la sous ce nom-là pour qu'il "
					"soit repris, puis n'en gardez qu'un nom. Rien "
					"n'a été modifié.", path, other, journal);
				rc = -1;
			}
			free(journal);
		}
		free(other);
	}
	if (d)
		closedir(d);
	free(dir);
	return rc;
}

/* Who is told that a wait began (store_on_busy), process-wide. */
static store_busy_fn busy_fn;
static void *busy_ctx;

void store_on_busy(store_busy_fn fn, void *ctx)
{
	busy_fn = fn;
	busy_ctx = ctx;
}

static long long ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Another program holds the database: wait up to STORE_BUSY_MS, as
 * sqlite3_busy_timeout would, and say so once the wait is noticeable
 * (a user facing a still screen must know why). */
static int busy_wait(void *ctx, int n)
{
	struct store *st = ctx;
	long long waited;

	if (n == 0) {
		st->busy_since = ms_now();
		st->busy_said = false;
	}
	waited = ms_now() - st->busy_since;
	if (waited >= STORE_BUSY_MS)
		return 0;
	if (waited >= STORE_BUSY_SAY_MS && !st->busy_said) {
		st->busy_said = true;
		if (busy_fn)
			busy_fn(busy_ctx, st->path,
				(int)((STORE_BUSY_MS - waited + 999) / 1000));
	}
	sqlite3_sleep(n < 4 ? 2 : n < 10 ? 10 : 25);
	return 1;
}

/* A save interrupted by a crash leaves its rollback journal beside the
 * file; SQLite plays it back on the next read, which needs write access
 * even for `suivi check` (the only change it makes: the file goes back to
 * its last committed state). */
static bool hot_journal(const char *path)
{
	char *j = xasprintf("%s-journal", path);
	struct stat sb;
	bool hot = stat(j, &sb) == 0 && sb.st_size > 0 &&
		   access(path, W_OK) == 0 && access(j, W_OK) == 0;

	free(j);
	if (hot) {
		char *dir = dir_of(path);

		hot = access(dir, W_OK) == 0;
		free(dir);
	}
	return hot;
}

/* A journal left by a save cut short is played back by SQLite at the
 * first read: only when it is this file's own (journal.c). */
static int own_journal_only(struct store *st, struct err *e)
{
	char *aside;

	switch (journal_examine(st->path)) {
	case JOURNAL_FOREIGN:
		if (journal_set_aside(st->path, &aside, e) != 0)
			return -1;
		/* the reason first: the status line cuts the end */
		st->notice = xasprintf("journal non rejoué : celui d'un "
				       "enregistrement interrompu, qui ne "
				       "correspond pas à ce fichier (remplacé "
				       "depuis, sans doute, par une copie ou une "
				       "sauvegarde) ; la base est telle que le "
				       "fichier la donne, le journal est gardé "
				       "sous %s (base %s).", aside, st->path);
		free(aside);
		return 0;
	case JOURNAL_OURS:
		st->journal_played = hot_journal(st->path);
		return 0;
	default:
		return 0;
	}
}

/* Tables at schema 0 in a file bearing suivi's mark: another program's
 * (a first filling is all or nothing). True, e filled, then; false with
 * e cleared when the file holds no table (a first filling undone). */
static bool marked_but_foreign(struct store *st, struct err *e)
{
	int tables = 0;

	if (store_pragma_int(st, "SELECT count(*) FROM sqlite_schema", &tables,
		       e) != 0)
		return true;
	err_clear(e);
	if (tables == 0)
		return false;
	err_set(e, ERR_FOREIGN, "%s porte la marque de suivi mais ce n'en est "
		"pas une base (des tables, et aucun schéma de suivi) : le "
		"fichier d'un autre programme ? Rien n'y a été modifié.",
		st->path);
	return true;
}

/* A reader that must open the file for writing all the same: a file in
 * WAL mode (SQLite keeps its shared memory in a file beside it), or an
 * empty one (filled as a new base). The file itself is not written. */
static bool needs_writer(const char *path, enum header_kind kind)
{
	unsigned char h[20];
	bool wal = false;
	int fd;

	if (kind == HEADER_EMPTY)
		return true;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd >= 0) {
		wal = read(fd, h, sizeof h) == (ssize_t)sizeof h &&
		      (h[18] == 2 || h[19] == 2);
		close(fd);
	}
	return wal && access(path, W_OK) == 0;
}

static int open_at(const char *path, enum store_mode mode, int target,
		   store_seed_fn seed, void *ctx, struct store **out,
		   struct err *e)
{
	struct store *st;
	enum header_kind kind;
	bool exists;
	char *sqlpath;
	int rc, version = 0, tables = 0;
	bool made = false;	/* this call created the file */

	*out = NULL;
	global_init();
	if (!*path) {
		err_set(e, ERR_USAGE, "chemin de base vide");
		return -1;
	}
	exists = access(path, F_OK) == 0;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->author = xstrdup("inconnu");
	if (!exists) {
		if (mode != STORE_WRITE) {
			err_set(e, ERR_NOTFOUND, "la base %s n'existe pas", path);
			goto fail;
		}
		if (create_file(path, e) != 0)
			goto fail;
		st->created = made = true;
	}
	if (check_header(path, &kind, e) != 0 ||
	    journal_of_another_name(path, e) != 0 ||
	    own_journal_only(st, e) != 0)
		goto fail;
	if (kind == HEADER_EMPTY && mode == STORE_INSPECT) {
		err_set(e, ERR_NOTFOUND, "la base %s est vide", path);
		goto fail;
	}
	/* An empty file is a database never filled (or whose first filling
	 * was interrupted): fill it as a new one. */
	if (kind == HEADER_EMPTY)
		st->created = true;
	if (mode == STORE_WRITE) {
		char *dir = dir_of(path);
		int ok = access(dir, W_OK) == 0;

		free(dir);
		if (access(path, W_OK) != 0) {
			err_set(e, ERR_DB, "la base %s est en lecture seule : "
				"impossible d'y écrire", path);
			goto fail;
		}
		if (!ok) {
			err_set(e, ERR_DB, "le dossier de la base %s est en "
				"lecture seule : SQLite ne peut pas y créer son "
				"journal", path);
			goto fail;
		}
	}
	/* A relative "file:x" becomes "./file:x": never a URI, whatever
	 * the library's settings. */
	sqlpath = path[0] == '/' ? xstrdup(path) : xasprintf("./%s", path);
	rc = sqlite3_open_v2(sqlpath, &st->db,
			     ((mode == STORE_INSPECT || mode == STORE_VIEW) &&
			      !hot_journal(path) && !needs_writer(path, kind)) ||
					     (mode == STORE_READ &&
					      access(path, W_OK) != 0)
				     ? SQLITE_OPEN_READONLY
				     : SQLITE_OPEN_READWRITE,
			     NULL);
	free(sqlpath);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, "ouvrir la base", e);
		goto fail;
	}
	st->readonly = sqlite3_db_readonly(st->db, "main") == 1;
	{
		char *dir = dir_of(path);

		st->folder_readonly = access(dir, W_OK) != 0;
		free(dir);
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_create_function(st->db, "suivi_uid", -1,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					SQLITE_INNOCUOUS,
				NULL, sql_suivi_uid, NULL, NULL);
	sqlite3_create_function(st->db, "suivi_hours", 2,
				SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
				sql_suivi_hours, NULL, NULL);
	sqlite3_busy_handler(st->db, busy_wait, st);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	if (store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL",
		 "configurer la base", e) != 0)
		goto fail;
	if (mode == STORE_INSPECT &&
	    store_exec(st, "PRAGMA query_only = ON", "configurer la base", e) != 0)
		goto fail;
	if (kind == HEADER_PLAIN_SQLITE) {
		if (store_pragma_int(st, "SELECT count(*) FROM sqlite_schema",
			       &tables, e) != 0)
			goto fail;
		if (tables > 0) {
			err_set(e, ERR_FOREIGN, "%s est une base SQLite d'un autre "
				"programme, pas une base suivi. Rien n'y a été "
				"modifié.", path);
			goto fail;
		}
	}
	if (store_pragma_int(st, "PRAGMA user_version", &version, e) != 0)
		goto fail;
	if (mode == STORE_INSPECT) {
		if (kind == HEADER_OURS && version == 0 &&
		    marked_but_foreign(st, e))
			goto fail;
		*out = st;	/* the caller runs the full check */
		return 0;
	}
	/* A first filling killed during its COMMIT: the header read above
	 * was the new one, but SQLite has just played the journal back and
	 * the file holds nothing again. It is filled as a new one, not
	 * given an empty schema. */
	if (kind == HEADER_OURS && version == 0) {
		if (marked_but_foreign(st, e))
			goto fail;
		st->created = true;
	}
	if (mode == STORE_VIEW && version < target && st->readonly &&
	    !st->created) {
		/* the one write a reader makes: reopened to bring it up
		 * to date */
		store_close(st);
		return open_at(path, STORE_READ, target, seed, ctx, out, e);
	}
	/* The whole-file check costs time in proportion to the file (a
	 * quarter of a second for ten years of 28 communes): it runs before
	 * a migration rewrites the schema, and in `suivi check`; otherwise a
	 * damaged page is met by the query that reads it, which fails with
	 * ERR_CORRUPT and changes nothing. */
	if (kind != HEADER_EMPTY && version < target && quick_check(st, e) != 0)
		goto fail;
	if (!st->readonly && mode != STORE_VIEW && rollback_journal(st, e) != 0)
		goto fail;
	if (version < target && st->readonly) {
		err_set(e, ERR_DB, "la base %s doit être mise à jour (schéma %d "
			"vers %d) mais elle est en lecture seule", path, version,
			target);
		goto fail;
	}
	if (version < target || (st->created && seed)) {
		if (store_begin(st, e) != 0)
			goto fail;
		if ((version < target && migrate_to(st, version, target, e) != 0) ||
		    (!st->created && version < store_schema_version_of_sync() &&
		     target >= store_schema_version_of_sync() &&
		     sync_baseline(st, e) != 0) ||
		    (st->created && seed && seed(st, ctx, e) != 0) ||
		    store_commit(st, e) != 0) {
			store_rollback(st);
			goto fail;
		}
	}
	if (mode != STORE_INSPECT && mode != STORE_VIEW &&
	    sync_session_start(st, e) != 0)
		goto fail;
	*out = st;
	return 0;
fail:
	store_close(st);
	if (made)
		unlink(path);	/* the empty file we made and could not fill */
	return -1;
}

int store_open(const char *path, enum store_mode mode, struct store **out,
	       struct err *e)
{
	return open_at(path, mode, store_schema_version_latest, NULL, NULL, out,
		       e);
}

int store_open_seeded(const char *path, enum store_mode mode,
		      store_seed_fn seed, void *ctx, struct store **out,
		      struct err *e)
{
	return open_at(path, mode, store_schema_version_latest, seed, ctx, out,
		       e);
}

int store_open_at_version(const char *path, int version, struct store **out,
			  struct err *e)
{
	return open_at(path, STORE_WRITE, version, NULL, NULL, out, e);
}

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->session && !sqlite3session_isempty(st->session) &&
	    st->depth == 0) {
		/* a write made outside a transaction: logged before leaving */
		struct err e;

		if (store_begin(st, &e) == 0)
			(void)store_commit(st, &e);
	}
	sync_session_end(st);
	for (int i = 0; i < st->n_cache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	free(st->author);
	free(st->notice);
	free(st);
}

