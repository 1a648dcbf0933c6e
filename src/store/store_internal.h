/*
 * store_internal.h - what the files of src/store/ share: the connection,
 * the statement cache and error mapping. Never included outside src/store.
 */
#ifndef SUIVI_STORE_INTERNAL_H
#define SUIVI_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/store_tx.h"

#define STMT_CACHE_SIZE 96

struct stmt_slot {
	const char *sql;	/* a literal: compared by address, then text */
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	char *author;
	bool created;
	bool readonly;
	bool folder_readonly;	/* no journal can be created beside it */
	int depth;		/* store_begin nesting */
	int fail_depth;		/* levels 1..fail_depth must fail at their
				 * commit: one of their steps rolled back */
	struct stmt_slot cache[STMT_CACHE_SIZE];
	int n_cache;
	struct sqlite3_session *session;	/* records writes (sync.c) */
	bool applying;		/* a sync file is being applied: not ours */
	bool sync_on;		/* the session records (sync schema, writable) */
	long long busy_since;	/* busy_wait: when this wait began (ms) */
	bool busy_said;		/* ... and whether it was said */
	struct sync_meta *sync;	/* tables' columns, statements (sync.c) */
	char *notice;		/* what the open did that the user must hear */
	long long changes_at_begin;	/* sqlite3_total_changes64 then */
	bool schema_written;	/* a migration ran in this transaction */
	bool journal_played;	/* a save cut short was undone at the open */
};

/* journal.c: a rollback journal left beside the file, judged before
 * SQLite plays it. LIVE: a writer holds it now; OURS: it is the file's
 * own (or playing it changes nothing); FOREIGN: the file was replaced
 * after the crash, the journal must never be played. */
enum journal_state { JOURNAL_NONE, JOURNAL_LIVE, JOURNAL_OURS, JOURNAL_FOREIGN };
char *journal_name(const char *path);
enum journal_state journal_examine(const char *path);
/* A name beside path, "<path>.WHAT-AAAAMMJJ-HHMMSS" (then "-2"…), that
 * neither a file nor its journal uses (heap), or NULL. */
char *store_dated_name(const char *path, const char *what);
/* Renames it to store_dated_name(path, "journal-etranger") (*aside,
 * heap). */
int journal_set_aside(const char *path, char **aside, struct err *e);

extern const char *const store_migrations[];
extern const int store_schema_version_latest;
int store_schema_version_of_choices(void);
int store_schema_version_of_sync(void);

/* A prepared statement for sql (a string literal), reset and unbound;
 * NULL with e filled on failure. Owned by the cache.
 *
 * The rule: a statement is valid until the next store_stmt. Asking for
 * the same sql again resets it (its rows are gone), and a full cache
 * (STMT_CACHE_SIZE) finalizes its oldest statement. So step a statement
 * to its end, or copy what its rows hold, before calling anything that
 * may prepare another; never keep one across a call into another store
 * function. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct err *e);

/* Bind by name (":name"); NULL text binds NULL. */
void store_bind_text(sqlite3_stmt *s, const char *name, const char *v);
void store_bind_int(sqlite3_stmt *s, const char *name, long long v);
void store_bind_double(sqlite3_stmt *s, const char *name, double v);
void store_bind_null(sqlite3_stmt *s, const char *name);

/* sql (one or more statements of ours, no user value) run at once;
 * store_fail's message for `doing` on failure. */
int store_exec(struct store *st, const char *sql, const char *doing,
	       struct err *e);
/* The file of fd from its start into fp: n bytes (fewer is an error,
 * EIO), or up to its end when n < 0. */
int store_copy_bytes(int fd, FILE *fp, long long n);
/* The single integer an SQL query or PRAGMA returns. */
int store_pragma_int(struct store *st, const char *sql, int *out,
		     struct err *e);

/* Step a statement expected to finish (INSERT/UPDATE/DELETE). */
int store_exec_stmt(struct store *st, sqlite3_stmt *s, struct err *e);
/* The n statements of sql, in order, in one transaction (rolled back at
 * the first failure). */
int store_exec_all(struct store *st, const char *const *sql, size_t n,
		   struct err *e);

/* The FTS5 query for what the user typed: each word a quoted string
 * (its quotes doubled) taken as a prefix, "mot"*, the words joined by
 * AND. Quoting leaves no operator, column filter or bracket to FTS5: a
 * word is only ever tokens. NULL when there is no word (heap string). A
 * word with no letter or digit is a phrase of no token, which FTS5
 * ignores beside others and, alone, matches nothing. */
char *store_match_query(const char *text);

/* Copy of column i as a heap string (NULL stays NULL). */
char *store_col_dup(sqlite3_stmt *s, int i);
struct vocab;
/* The index in v (n words) of column i's code; 0 when it is NULL or
 * unknown (the schema's CHECK constraints keep codes known). */
int store_col_vocab(sqlite3_stmt *s, int i, const struct vocab *v, int n);
/* A heap copy of column i, NULL when it is NULL or empty. */
char *store_col_text(sqlite3_stmt *s, int i);
/* Column i into a uid buffer ("" when NULL). */
void store_col_uid(char out[STORE_UID_LEN], sqlite3_stmt *s, int i);
/* After the last sqlite3_step of a statement: 0 when rc is SQLITE_DONE,
 * else -1 with store_fail's message for `doing` ("lire les valeurs"). */
int store_done(struct store *st, int rc, const char *doing, struct err *e);
/* A trimmed heap copy of a text the user gave, or NULL when it is NULL or
 * blank. */
char *store_clean_text(const char *s);

/* Fill e from an SQLite result code, in French, saying what was being
 * done (`doing`, e.g. "importer le contrat"). */
void store_fail(struct store *st, int rc, const char *doing, struct err *e);
/* "Rien n'y a été modifié", or that a journal was played back at the
 * open (the only change then made), for messages of refusal. */
const char *store_unchanged(const struct store *st);

/* Current UTC time as ISO 8601, "2026-11-23T19:03:00Z" (date_now_stamp:
 * SUIVI_NOW pins it). */
void store_now(char out[32]);

/* The db word of a change and the French words the history shows. */
struct change_word {
	const char *db, *word;
};
/* Write one history row with the INSERT sql (its parameters :uid,
 * :owner, :what, :author, :at, :before, :after, :reason): a new uid,
 * now, the store's author; before, after and reason NULL when blank. */
int store_change_write(struct store *st, const char *sql, const char *owner,
		       const char *what, const char *before,
		       const char *after, const char *reason, struct err *e);
/* The rows s selects (what, author, at, before, after, reason; its
 * parameters bound) as a history, what spelled through words; doing
 * names the reading in an error ("lire l'historique du litige"). */
int store_changes_read(struct store *st, sqlite3_stmt *s,
		       const struct change_word *words, size_t n_words,
		       const char *doing, struct store_change **out,
		       size_t *n, struct err *e);

/* The annex of domain d (an SQL expression) in force on :date: the
 * latest version whose in_force_from is not after it. Before the first
 * version nothing of the domain is in force (NULL): an annex never
 * applies before its date (suivi-contrat(5), an amendment's article 4). */
#define STORE_ANNEX_IN_FORCE(d)                                            \
	"(SELECT a2.uid FROM annex a2 WHERE a2.domain_uid = " d            \
	" AND a2.in_force_from <= :date"                                   \
	" ORDER BY a2.in_force_from DESC, a2.version DESC LIMIT 1)"

#endif
