#include "store_internal.h"

#include "suivi/atomic.h"
#include "sync_internal.h"
#include "suivi/date.h"
#include "suivi/model.h"
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

	/* a programming error: the SQL and the code disagree (the
	 * terminal restored first, as for exhausted memory) */
	if (i == 0)
		xfatal("suivi : paramètre SQL inconnu %s", name);
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

int store_exec(struct store *st, const char *sql, const char *doing,
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
	return store_exec(st, sql, "enregistrer", e);
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
	if (store_exec(st, "BEGIN IMMEDIATE", "enregistrer", e) != 0) {
		st->depth = 0;
		return -1;
	}
	if (store_exec(st, "PRAGMA application_id = " APPLICATION_ID_TEXT,
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
	if (store_exec(st, "COMMIT", "enregistrer", e) != 0) {
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

int store_col_vocab(sqlite3_stmt *s, int i, const struct vocab *v, int n)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	int k = t ? vocab_from_db(v, n, t) : -1;

	/* the CHECK constraints keep the codes known */
	return k < 0 ? 0 : k;
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
