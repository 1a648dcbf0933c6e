#include "store_internal.h"

#include "suivi/atomic.h"
#include "sync_internal.h"
#include "suivi/date.h"
#include "suivi/paths.h"
#include "suivi/request.h"
#include "suivi/sha256.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

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

int store_schema_latest(void)
{
	return store_schema_version_latest;
}

void store_now(char out[32])
{
	date_now_stamp(out);
}

static void hex32(char out[STORE_UID_LEN], const unsigned char raw[16]);

void store_uid_new(char out[STORE_UID_LEN])
{
	unsigned char raw[16];

	sqlite3_randomness(sizeof raw, raw);
	hex32(out, raw);
}

static void hex32(char out[STORE_UID_LEN], const unsigned char raw[16])
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < 16; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[32] = '\0';
}

/* Each part as "<length>:<bytes>;" so that no two lists of parts give
 * the same text (a code holding ':' or ';' included); NULL is "-;". */
static void stable_part(struct sha256 *c, const char *part)
{
	char len[24];

	if (!part) {
		sha256_update(c, "-;", 2);
		return;
	}
	snprintf(len, sizeof len, "%zu:", strlen(part));
	sha256_update(c, len, strlen(len));
	sha256_update(c, part, strlen(part));
	sha256_update(c, ";", 1);
}

void store_uid_stablev(char out[STORE_UID_LEN], const char *kind, int n,
		       const char *const *parts)
{
	struct sha256 c;
	unsigned char digest[32];

	sha256_init(&c);
	sha256_update(&c, "suivi-uid-1;", 12);
	stable_part(&c, kind);
	for (int i = 0; i < n; i++)
		stable_part(&c, parts[i]);
	sha256_final(&c, digest);
	hex32(out, digest);	/* the first 128 bits */
}

void store_uid_stable(char out[STORE_UID_LEN], const char *kind,
		      const char *a, const char *b, const char *c,
		      const char *d)
{
	const char *parts[4] = { a, b, c, d };
	int n = d ? 4 : c ? 3 : b ? 2 : a ? 1 : 0;

	store_uid_stablev(out, kind, n, parts);
}

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

/* "de lire", "d'importer", "d'écrire": the preposition before `doing`. */
static const char *de(const char *doing)
{
	static const char *const vowels[] = { "a", "e", "i", "o", "u", "h",
					      "é", "è", "ê", "â", "î", "ô" };

	for (size_t i = 0; i < sizeof vowels / sizeof vowels[0]; i++)
		if (!strncmp(doing, vowels[i], strlen(vowels[i])))
			return "d'";
	return "de ";
}

#define APPLICATION_ID_TEXT "1937074550"
_Static_assert(STORE_APPLICATION_ID == 1937074550,
	       "APPLICATION_ID_TEXT is STORE_APPLICATION_ID in decimal");

const char *store_unchanged(const struct store *st)
{
	return st && st->journal_played
		       ? "Un enregistrement interrompu y a d'abord été annulé "
			 "(son journal rejoué) ; rien d'autre n'y a été modifié"
		       : "Rien n'y a été modifié";
}

/* SQLite's message, in French: its usual sentences translated (the
 * names they quote kept), any other one as its code only: no English
 * inside a French message. */
static void sqlite_words(const char *msg, int rc, char *out, size_t n)
{
	static const struct {
		const char *en, *fr;
	} prefix[] = {
		{ "no such table: ", "table absente : " },
		{ "no such column: ", "colonne absente : " },
		{ "no such index: ", "index absent : " },
		{ "no such function: ", "fonction absente : " },
		{ "duplicate column name: ", "colonne en double : " },
		{ "UNIQUE constraint failed: ", "valeur déjà présente : " },
		{ "NOT NULL constraint failed: ", "valeur manquante : " },
		{ "CHECK constraint failed: ", "valeur hors des règles : " },
		{ "FOREIGN KEY constraint failed",
		  "référence à une donnée absente" },
		{ "database is locked", "base verrouillée" },
		{ "database table is locked", "table verrouillée" },
		{ "database or disk is full", "disque plein" },
		{ "disk I/O error", "erreur d'entrée-sortie" },
		{ "database disk image is malformed", "base endommagée" },
		{ "file is not a database", "fichier qui n'est pas une base" },
		{ "attempt to write a readonly database",
		  "base en lecture seule" },
		{ "unable to open database file",
		  "fichier de la base impossible à ouvrir" },
		{ "out of memory", "mémoire insuffisante" },
		{ "interrupted", "interrompu" },
	};
	const char *exists = msg ? strstr(msg, " already exists") : NULL;

	for (size_t i = 0; msg && i < sizeof prefix / sizeof prefix[0]; i++) {
		size_t len = strlen(prefix[i].en);

		if (!strncmp(msg, prefix[i].en, len)) {
			snprintf(out, n, "%s%s", prefix[i].fr, msg + len);
			return;
		}
	}
	/* "table x already exists", "index x already exists" */
	if (exists && exists[15] == '\0') {
		const char *name = strchr(msg, ' ');

		if (name && name < exists) {
			snprintf(out, n, "%.*s existe déjà", (int)(exists - name - 1),
				 name + 1);
			return;
		}
	}
	snprintf(out, n, "code SQLite %d", rc);
}

void store_fail(struct store *st, int rc, const char *doing, struct err *e)
{
	int last_errno = errno;	/* before anything else can change it */
	char detail[256];
	const char *path = st ? st->path : "";
	const char *d = de(doing);
	/* What the system said to SQLite's failed write: a full disk can
	 * reach us as an I/O error (a quota, a file-size limit). SQLite
	 * keeps it only on some paths; errno, untouched since the failed
	 * call, says it on the others (only these three are trusted). */
	int sys = st && st->db ? sqlite3_system_errno(st->db) : 0;

	sqlite_words(st && st->db ? sqlite3_errmsg(st->db) : NULL, rc, detail,
		     sizeof detail);
	if (!sys && (last_errno == ENOSPC || last_errno == EDQUOT ||
		     last_errno == EFBIG))
		sys = last_errno;

	if ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		rc = SQLITE_FULL;
	/* The reason first, the file last: in the interface the message is
	 * cut to the width of the terminal. */
	switch (rc & 0xff) {
	case SQLITE_FULL:
		err_set(e, ERR_IO, "impossible %s%s : disque plein. Rien n'a été "
			"enregistré ; libérez de la place et recommencez (%s).",
			d, doing, path);
		break;
	case SQLITE_IOERR:
		if (sys == EFBIG)
			err_set(e, ERR_IO, "impossible %s%s : taille de fichier "
				"maximale atteinte (limite ulimit -f). Rien n'a "
				"été enregistré (%s).", d, doing, path);
		else
			err_set(e, ERR_IO, "impossible %s%s : erreur "
				"d'entrée-sortie%s%s%s. Rien n'a été enregistré "
				"(%s).", d, doing, sys ? " (" : "",
				sys ? err_errno_fr(sys) : "", sys ? ")" : "", path);
		break;
	case SQLITE_READONLY:
		if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT)
			err_set(e, ERR_DB, "impossible %s%s : dossier de la base en "
				"lecture seule, SQLite ne peut pas y créer son "
				"journal (%s).", d, doing, path);
		else if (rc == SQLITE_READONLY_ROLLBACK)
			err_set(e, ERR_DB, "impossible %s%s : base en lecture "
				"seule, et un enregistrement interrompu doit y "
				"être annulé : rendez-la modifiable et relancez "
				"suivi (%s).", d, doing, path);
		else
			err_set(e, ERR_DB, "impossible %s%s : base en lecture "
				"seule (%s).", d, doing, path);
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		err_set(e, ERR_BUSY, "impossible %s%s : base occupée par un autre "
			"programme depuis plus de %d s ; réessayez (%s).", d,
			doing, STORE_BUSY_MS / 1000, path);
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		/* SQLite's own words are English: `suivi check` details */
		err_set(e, ERR_CORRUPT, "impossible %s%s : base endommagée (%s). "
			"%s ; « suivi check » donne le détail ; restaurez une "
			"sauvegarde (suivi restore).", d, doing, path,
			store_unchanged(st));
		break;
	case SQLITE_CANTOPEN:
		err_set(e, ERR_IO, "impossible %s%s : fichier ou journal "
			"impossible à ouvrir, dossier en lecture seule ? (%s)",
			d, doing, path);
		break;
	case SQLITE_CONSTRAINT:
		err_set(e, ERR_INPUT, "impossible %s%s : donnée refusée par "
			"la base (%s).", d, doing, detail);
		break;
	default:
		err_set(e, ERR_DB, "impossible %s%s : erreur de la base (%s ; "
			"%s).", d, doing, detail, path);
		break;
	}
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	for (int i = 0; i < st->n_cache; i++) {
		if (st->cache[i].sql == sql || !strcmp(st->cache[i].sql, sql)) {
			s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	}
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
				NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, "préparer une requête", e);
		return NULL;
	}
	if (st->n_cache == STMT_CACHE_SIZE) {
		/* full: drop the oldest */
		sqlite3_finalize(st->cache[0].stmt);
		memmove(st->cache, st->cache + 1,
			(STMT_CACHE_SIZE - 1) * sizeof st->cache[0]);
		st->n_cache--;
	}
	st->cache[st->n_cache].sql = sql;
	st->cache[st->n_cache].stmt = s;
	st->n_cache++;
	return s;
}

static int param(sqlite3_stmt *s, const char *name)
{
	int i = sqlite3_bind_parameter_index(s, name);

	if (i == 0) {
		/* a programming error: the SQL and the code disagree */
		fprintf(stderr, "suivi: paramètre SQL inconnu %s\n", name);
		abort();
	}
	return i;
}

void store_bind_text(sqlite3_stmt *s, const char *name, const char *v)
{
	if (v)
		sqlite3_bind_text(s, param(s, name), v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, param(s, name));
}

void store_bind_int(sqlite3_stmt *s, const char *name, long long v)
{
	sqlite3_bind_int64(s, param(s, name), v);
}

void store_bind_double(sqlite3_stmt *s, const char *name, double v)
{
	sqlite3_bind_double(s, param(s, name), v);
}

void store_bind_null(sqlite3_stmt *s, const char *name)
{
	sqlite3_bind_null(s, param(s, name));
}

int store_exec_stmt(struct store *st, sqlite3_stmt *s, struct err *e)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_fail(st, rc, "enregistrer", e);
		return -1;
	}
	return 0;
}

int store_exec_all(struct store *st, const char *const *sql, size_t n,
		   struct err *e)
{
	sqlite3_stmt *s;

	if (store_begin(st, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!(s = store_stmt(st, sql[i], e)) ||
		    store_exec_stmt(st, s, e) != 0) {
			store_rollback(st);
			return -1;
		}
	}
	return store_commit(st, e);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

char *store_match_query(const char *text)
{
	struct strbuf q;
	const char *p = text;

	if (!text)
		return NULL;
	strbuf_init(&q);
	while (*p) {
		while (is_blank(*p))
			p++;
		if (!*p)
			break;
		if (q.len)
			strbuf_addch(&q, ' ');
		strbuf_addch(&q, '"');
		for (; *p && !is_blank(*p); p++) {
			if (*p == '"')
				strbuf_addch(&q, '"');
			strbuf_addch(&q, *p);
		}
		strbuf_addstr(&q, "\"*");
	}
	if (!q.len) {
		strbuf_release(&q);
		return NULL;
	}
	return strbuf_detach(&q);
}

char *store_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? xstrdup((const char *)t) : NULL;
}

static int exec(struct store *st, const char *sql, const char *doing,
		struct err *e)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		store_fail(st, rc, doing, e);
		return -1;
	}
	return 0;
}

/* Transactions nest: the outermost level is the SQLite transaction, an
 * inner one a savepoint in it. A failure at an inner level undoes that
 * level's writes, and the levels above then fail too (st->fail_depth), so
 * nothing half-done is ever committed; the outer one may still read and
 * try its other steps (an import reporting every bad row). No level ever
 * writes outside the transaction: once SQLite has ended it (a full disk
 * rolls it back by itself), an inner level is refused. */
static int inner_level(struct store *st, const char *verb, struct err *e)
{
	char sql[48];

	if (sqlite3_get_autocommit(st->db)) {
		err_set(e, ERR_DB, "enregistrement annulé : une étape a échoué");
		return -1;
	}
	snprintf(sql, sizeof sql, "%s s%d", verb, st->depth);
	return exec(st, sql, "enregistrer", e);
}

int store_begin(struct store *st, struct err *e)
{
	if (st->depth > 0) {
		if (inner_level(st, "SAVEPOINT", e) != 0)
			return -1;
		st->depth++;
		return 0;
	}
	st->depth++;
	st->fail_depth = 0;
	if (sync_session_ensure(st, e) != 0) {
		st->depth = 0;
		return -1;
	}
	/* Page 1 written first, so that it is the journal's first page:
	 * a journal left by a crash then says at once which state of the
	 * file it belongs to (journal.c). Its value does not change. */
	if (exec(st, "BEGIN IMMEDIATE", "enregistrer", e) != 0) {
		st->depth = 0;
		return -1;
	}
	if (exec(st, "PRAGMA application_id = " APPLICATION_ID_TEXT,
		 "enregistrer", e) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		st->depth = 0;
		return -1;
	}
	st->changes_at_begin = sqlite3_total_changes64(st->db);
	st->schema_written = false;
	/* A write made outside a transaction (none should be) is logged
	 * now, before this one's. */
	if (st->session && !sqlite3session_isempty(st->session)) {
		if (sync_capture(st, e) != 0) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			st->depth = 0;
			return -1;
		}
		sync_session_reset(st);
	}
	return 0;
}

int store_commit(struct store *st, struct err *e)
{
	if (st->depth <= 0)
		return 0;
	if (st->depth > 1) {
		struct err ignored;
		bool failed = st->depth <= st->fail_depth;

		st->depth--;
		if (failed) {
			(void)inner_level(st, "RELEASE", &ignored);
			err_set(e, ERR_DB, "enregistrement annulé : une étape a "
				"échoué");
			return -1;
		}
		return inner_level(st, "RELEASE", e);
	}
	if (st->fail_depth > 0) {
		/* a step failed: the whole transaction goes */
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		sync_session_reset(st);
		st->depth = 0;
		st->fail_depth = 0;
		err_set(e, ERR_DB, "enregistrement annulé : une étape a échoué");
		return -1;
	}
	st->depth = 0;
	/* what changed, into the sync log, in this same transaction */
	if (sync_capture(st, e) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		sync_session_reset(st);
		return -1;
	}
	/* Nothing changed (an import of a file already there, a value
	 * saved as it was): the transaction ends without touching the file,
	 * whose page 1 store_begin dirtied. */
	if (sqlite3_total_changes64(st->db) == st->changes_at_begin &&
	    !st->schema_written) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		sync_session_reset(st);
		return 0;
	}
	if (exec(st, "COMMIT", "enregistrer", e) != 0) {
		/* A failed COMMIT may leave the transaction open: end it. */
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		sync_session_reset(st);
		return -1;
	}
	sync_session_reset(st);
	return 0;
}

void store_rollback(struct store *st)
{
	struct err ignored;

	if (st->depth <= 0)
		return;
	if (st->depth > 1) {
		/* this level's writes undone, the transaction kept */
		st->depth--;
		if (inner_level(st, "ROLLBACK TO", &ignored) == 0)
			(void)inner_level(st, "RELEASE", &ignored);
		/* the levels still open fail at their commit; a sibling
		 * level begun later does not */
		if (st->fail_depth < st->depth)
			st->fail_depth = st->depth;
		return;
	}
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	sync_session_reset(st);
	st->depth = 0;
	st->fail_depth = 0;
}

const char *store_notice(const struct store *st)
{
	return st->notice;
}

bool store_journal_played(const struct store *st)
{
	return st->journal_played;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

bool store_created(const struct store *st)
{
	return st->created;
}

bool store_readonly(const struct store *st)
{
	return st->readonly;
}

bool store_folder_readonly(const struct store *st)
{
	return st->folder_readonly;
}

void store_set_author(struct store *st, const char *author)
{
	free(st->author);
	st->author = xstrdup(author && *author ? author : "inconnu");
}

const char *store_author(const struct store *st)
{
	return st->author;
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

static int pragma_int(struct store *st, const char *sql, int *out,
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

	pragma_int(st, "PRAGMA user_version", &v, NULL);
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
		rc = exec(st, store_migrations[v - 1], "mettre à jour le schéma",
			  e);
	if (from > 0)
		sqlite3_exec(st->db, "PRAGMA cache_size = -2000;"
			     " PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
	if (rc != 0)
		return -1;
	/* Numbers of ours, not user data: safe to format into the PRAGMA. */
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; "
		 "PRAGMA user_version = %d", STORE_APPLICATION_ID, to);
	return exec(st, sql, "mettre à jour le schéma", e);
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
		rc = exec(st, "PRAGMA journal_mode = DELETE",
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
		st->notice = xasprintf("la base %s avait à côté d'elle le journal "
				       "d'un enregistrement interrompu qui ne "
				       "correspond pas à ce fichier (remplacé "
				       "depuis, sans doute, par une copie ou une "
				       "sauvegarde) : "
				       "il n'a pas été rejoué, la base est telle "
				       "que le fichier la donne ; le journal est "
				       "gardé sous %s.", st->path, aside);
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

	if (pragma_int(st, "SELECT count(*) FROM sqlite_schema", &tables,
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
	if (exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL",
		 "configurer la base", e) != 0)
		goto fail;
	if (mode == STORE_INSPECT &&
	    exec(st, "PRAGMA query_only = ON", "configurer la base", e) != 0)
		goto fail;
	if (kind == HEADER_PLAIN_SQLITE) {
		if (pragma_int(st, "SELECT count(*) FROM sqlite_schema",
			       &tables, e) != 0)
			goto fail;
		if (tables > 0) {
			err_set(e, ERR_FOREIGN, "%s est une base SQLite d'un autre "
				"programme, pas une base suivi. Rien n'y a été "
				"modifié.", path);
			goto fail;
		}
	}
	if (pragma_int(st, "PRAGMA user_version", &version, e) != 0)
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

/* ------------------------------------------------------------------ */
/* Maintenance                                                         */

int store_check(struct store *st, struct store_check *r, struct err *e)
{
	sqlite3_stmt *s;
	int rc, lines = 0;
	size_t len = 0;

	memset(r, 0, sizeof *r);
	rc = sqlite3_prepare_v2(st->db, "PRAGMA integrity_check(20)", -1, &s,
				NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	for (; rc == SQLITE_ROW; rc = sqlite3_step(s)) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		size_t tl = t ? strlen(t) : 0;

		r->integrity = xrealloc(r->integrity, len + tl + 2);
		if (lines++)
			r->integrity[len++] = '\n';
		memcpy(r->integrity + len, t ? t : "", tl);
		len += tl;
		r->integrity[len] = '\0';
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "vérifier l'intégrité", e);
		store_check_release(r);
		return -1;
	}
	r->integrity_ok = r->integrity && !strcmp(r->integrity, "ok");
	rc = sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s,
				NULL);
	if (rc == SQLITE_OK)
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			r->fk_problems++;
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "vérifier les références", e);
		store_check_release(r);
		return -1;
	}
	r->foreign_keys_ok = r->fk_problems == 0;
	{
		int pages = 0, size = 0;

		pragma_int(st, "PRAGMA page_count", &pages, NULL);
		pragma_int(st, "PRAGMA page_size", &size, NULL);
		r->pages = pages;
		r->page_size = size;
	}
	return 0;
}

void store_check_release(struct store_check *r)
{
	free(r->integrity);
	r->integrity = NULL;
}

/* Is b the file a (or a's journal or lock)? Compared by inode. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	static const char *const beside[] = { "", "-journal", "-wal", ".lock" };

	if (stat(b, &sb) != 0)
		return false;
	for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
		char *p = xasprintf("%s%s", a, beside[i]);
		bool same = stat(p, &sa) == 0 && sa.st_dev == sb.st_dev &&
			    sa.st_ino == sb.st_ino;

		free(p);
		if (same)
			return true;
	}
	return false;
}

/* n bytes of fd into fp. */
static int copy_bytes(int fd, FILE *fp, long long n)
{
	static char buf[1 << 16];

	for (off_t off = 0; off < n;) {
		size_t want = n - off < (long long)sizeof buf ? (size_t)(n - off)
							       : sizeof buf;
		ssize_t r = pread(fd, buf, want, off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = EIO;	/* shorter than it says */
			return -1;
		}
		if (fwrite(buf, 1, (size_t)r, fp) != (size_t)r)
			return -1;
		off += r;
	}
	return 0;
}

int store_backup(struct store *st, const char *dest, bool force,
		 struct err *e)
{
	struct atomic_file af;
	int pages = 0, size = 0, fd, ret = -1, sys = 0;

	if (same_file(st->path, dest)) {
		err_set(e, ERR_USAGE, "%s est la base elle-même : choisissez un "
			"autre fichier pour la copie", dest);
		return -1;
	}
	if (atomic_open(&af, dest, force, e) != 0)
		return -1;
	/* The file's bytes, read under a read transaction: no save can
	 * write the file meanwhile (rollback journal), so the copy is one
	 * saved state, as a cp between two saves would be. The descriptor
	 * is closed once the transaction is over: closing one drops the
	 * process's POSIX locks on the file, SQLite's included. */
	fd = open(st->path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		err_set(e, ERR_IO, "sauvegarde impossible : %s illisible (%s)",
			st->path, err_errno_fr(errno));
		atomic_abort(&af);
		return -1;
	}
	if (exec(st, "BEGIN", "sauvegarder la base", e) != 0)
		goto out;
	if (pragma_int(st, "PRAGMA page_count", &pages, e) != 0 ||
	    pragma_int(st, "PRAGMA page_size", &size, e) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	if (copy_bytes(fd, af.fp, (long long)pages * size) != 0)
		sys = errno ? errno : EIO;
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (sys) {
		if (sys == ENOSPC || sys == EDQUOT)
			err_set(e, ERR_IO, "sauvegarde impossible : disque plein "
				"(%s). Libérez de la place et recommencez ; la "
				"base n'a pas changé.", dest);
		else
			err_set(e, ERR_IO, "sauvegarde impossible : erreur "
				"d'écriture de %s (%s) ; la base n'a pas changé.",
				dest, sys == EFBIG ? "taille de fichier maximale "
				"atteinte, limite ulimit -f" : err_errno_fr(sys));
		goto out;
	}
	close(fd);
	fd = -1;
	if (atomic_commit(&af, e) != 0) {
		char *why = xstrdup(e->msg);

		err_set(e, e->code, "sauvegarde impossible : %s ; la base n'a "
			"pas changé.", why);
		free(why);
		return -1;
	}
	return 0;
out:
	if (fd >= 0)
		close(fd);
	atomic_abort(&af);
	return ret;
}

char *store_col_text(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	return t && *t ? xstrdup(t) : NULL;
}

void store_col_uid(char out[STORE_UID_LEN], sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	snprintf(out, STORE_UID_LEN, "%s", t ? t : "");
}

int store_done(struct store *st, int rc, const char *doing, struct err *e)
{
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, doing, e);
		return -1;
	}
	return 0;
}

char *store_clean_text(const char *s)
{
	char *c;

	if (!s)
		return NULL;
	c = text_trim(xstrdup(s));
	if (!*c) {
		free(c);
		return NULL;
	}
	return c;
}

/* ------------------------------------------------------------------ */
/* Histories                                                           */

void store_changes_free(struct store_change *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].what);
		free(v[i].author);
		free(v[i].at);
		free(v[i].before);
		free(v[i].after);
		free(v[i].reason);
	}
	free(v);
}

static const char *unless_blank(const char *s)
{
	return s && *s ? s : NULL;
}

int store_change_write(struct store *st, const char *sql, const char *owner,
		       const char *what, const char *before,
		       const char *after, const char *reason, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	char uid[STORE_UID_LEN], now[32];

	if (!s)
		return -1;
	store_uid_new(uid);
	store_now(now);
	store_bind_text(s, ":uid", uid);
	store_bind_text(s, ":owner", owner);
	store_bind_text(s, ":what", what);
	store_bind_text(s, ":author", store_author(st));
	store_bind_text(s, ":at", now);
	store_bind_text(s, ":before", unless_blank(before));
	store_bind_text(s, ":after", unless_blank(after));
	store_bind_text(s, ":reason", unless_blank(reason));
	return store_exec_stmt(st, s, e);
}

int store_changes_read(struct store *st, sqlite3_stmt *s,
		       const struct change_word *words, size_t n_words,
		       const char *doing, struct store_change **out,
		       size_t *n, struct err *e)
{
	struct store_change *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *w = (const char *)sqlite3_column_text(s, 0);
		const char *word = w ? w : "";
		struct store_change *c;

		for (size_t i = 0; w && i < n_words; i++)
			if (!strcmp(w, words[i].db))
				word = words[i].word;
		v = xgrow(v, &cap, k + 1, sizeof *v);
		c = &v[k++];
		c->what = xstrdup(word);
		c->author = store_col_text(s, 1);
		c->at = store_col_text(s, 2);
		c->before = store_col_text(s, 3);
		c->after = store_col_text(s, 4);
		c->reason = store_col_text(s, 5);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, doing, e) != 0) {
		store_changes_free(v, k);
		return -1;
	}
	*out = v;
	*n = k;
	return 0;
}
