/*
 * store.h - the database: opening, schema, transactions, maintenance.
 *
 * The only module with SQL (src/store/). One struct store per open file.
 *
 * Opening (store_open) never damages what it is given: a file that is not
 * a suivi database, was written by a newer suivi, or is corrupted is
 * refused with a French message before anything is written to it. A
 * missing file is created 0600 (its missing parent folders 0700) before
 * SQLite sees it. A path is always a file name, never an SQLite URI.
 *
 * Durability: rollback journal, synchronous=FULL, so the .db file alone is
 * complete whenever no save is running; each write happens inside
 * store_begin (BEGIN IMMEDIATE) / store_commit, and a save is acknowledged
 * only when store_commit returned 0. Foreign keys are enforced, and a
 * writer waits up to STORE_BUSY_MS for another one.
 *
 * Histories (of a cell, a request, a dispute, a meeting) and a dispute's
 * steps on the same day are in the order their rows were written in this
 * database (rowid), never in the order of their time stamps: a clock set
 * back (the autumn change on a machine that keeps local time, a laptop
 * set by hand) must not put a later change first, and the last change
 * is the current value. A change received from another laptop (suivi
 * sync) takes its place when it is applied here; its stamp is shown as
 * recorded there.
 */
#ifndef SUIVI_STORE_H
#define SUIVI_STORE_H

#include <stdbool.h>

#include "suivi/err.h"

#define STORE_APPLICATION_ID 0x73756976	/* "suiv" */
#define STORE_BUSY_MS 5000
#define STORE_BUSY_SAY_MS 300	/* a wait this long is said */
#define STORE_UID_LEN 33		/* 32 hex digits + NUL */

struct store;

enum store_mode {
	STORE_READ,	/* read-write when the file allows it, else read-only */
	STORE_WRITE,	/* must be writable; created when missing */
	STORE_VIEW,	/* a command that only reads (summary, export,
			 * report…): the file is never written — read-only
			 * unless the journal of a save cut short must be
			 * played back, no change of journal mode (a file
			 * another tool left in WAL stays so). One write
			 * remains: an older schema brought to the current
			 * one, as every open does. */
	STORE_INSPECT,	/* read-only, no quick_check refusal, no migration:
			 * for `suivi check` to report what is damaged (a
			 * journal left by a crash is played back first,
			 * which needs write access, then query_only) */
};

int store_open(const char *path, enum store_mode mode, struct store **out,
	       struct err *e);

/* Fills a database this open creates (or finds empty), inside the same
 * transaction as the schema: a first run interrupted at any point leaves
 * an empty file that the next run fills again. */
typedef int (*store_seed_fn)(struct store *st, void *ctx, struct err *e);

int store_open_seeded(const char *path, enum store_mode mode,
		      store_seed_fn seed, void *ctx, struct store **out,
		      struct err *e);
void store_close(struct store *st);

const char *store_path(const struct store *st);
/* What the open did that the user must be told (a journal that was not
 * the file's own, set aside), or NULL. The command line prints it on
 * stderr, the interface on its status line. */
const char *store_notice(const struct store *st);
/* The open found the journal of a save cut short, the file's own, and
 * SQLite played it back: the file is back at its last saved state. */
bool store_journal_played(const struct store *st);
/* True when this open created the file (first run). */
bool store_created(const struct store *st);
bool store_readonly(const struct store *st);
/* The file is writable but its folder is not: SQLite cannot create the
 * journal a save needs, so every save fails (SQLITE_CANTOPEN). */
bool store_folder_readonly(const struct store *st);
/* Who is recorded as author of changes (the référent's name). */
void store_set_author(struct store *st, const char *author);
const char *store_author(const struct store *st);

/* Told, once per wait, that another program holds the database and
 * this one waits (path, seconds left at most): after STORE_BUSY_SAY_MS,
 * from inside the wait (no store call may be made from fn). One for the
 * process: the command line says it on stderr, the interface on its
 * status line. NULL: nothing said. */
typedef void (*store_busy_fn)(void *ctx, const char *path, int seconds_left);
void store_on_busy(store_busy_fn fn, void *ctx);

/* Schema version of the code, and of the open file. */
int store_schema_latest(void);
int store_schema_version(struct store *st);


/* A fresh random key, 32 lowercase hex digits: records users create
 * once (a request, a meeting, a history line). */
void store_uid_new(char out[STORE_UID_LEN]);
/* The key of a row named by what it is and its natural key (a contract's
 * identifier, a domain's code, an indicator's code in an annex, a value's
 * indicator × period × criticality): the first 128 bits of SHA-256 of
 * kind and parts, 32 lowercase hex digits. Every database holding the
 * same contracts gives the same row the same key, whatever the order of
 * its imports, so that sync files (suivi sync) name rows alike. Unused
 * trailing parts are NULL (store_uid_stable); a NULL part inside the
 * list is a part of its own. */
void store_uid_stable(char out[STORE_UID_LEN], const char *kind,
		      const char *a, const char *b, const char *c,
		      const char *d);
void store_uid_stablev(char out[STORE_UID_LEN], const char *kind, int n,
		       const char *const *parts);

struct store_check {
	bool integrity_ok;
	bool foreign_keys_ok;
	char *integrity;	/* first problems reported, or "ok" */
	int fk_problems;	/* rows whose reference is broken */
	long pages, page_size;
};

/* integrity_check and foreign_key_check. Fills *r (release with
 * store_check_release) and returns 0 when both could run. */
int store_check(struct store *st, struct store_check *r, struct err *e);
void store_check_release(struct store_check *r);

/* Copy the open database to dest: its bytes, read inside a read
 * transaction (no save can write the file meanwhile), so the copy is one
 * saved state, byte for byte; written as atomic.h writes (0600, whole or
 * not at all, nothing left behind by a kill). An existing dest is refused
 * unless force, and the database itself (or its journal) always. */
int store_backup(struct store *st, const char *dest, bool force,
		 struct err *e);

/* Put the backup in place of the database at path (suivi restore). The
 * backup is read whole first: refused, nothing changed, when it is not a
 * suivi database, is newer, damaged or has broken references. The file it
 * replaces is kept as *kept ("<path>.avant-restauration-DATE", heap; NULL
 * when there was none), with its journal, if any, under the matching
 * name: a journal of that file is never played onto the backup. The
 * backup then takes the name in one rename. The caller holds the
 * database's lock (no interface has it open); a save under way by
 * another program is refused (ERR_BUSY). */
int store_restore(const char *backup, const char *path, char **kept,
		  struct err *e);

/* Open a database for tests at a given schema version (0 = empty file). */
int store_open_at_version(const char *path, int version, struct store **out,
			  struct err *e);

/* A change of a record in its history (disputes, meetings, requests):
 * what (French words), who, when (ISO 8601 UTC), before and after (NULL
 * when none), the reason given (NULL when none). Heap strings, oldest
 * first; each module's *_history says what its words and texts are. */
struct store_change {
	char *what, *author, *at, *before, *after, *reason;
};
void store_changes_free(struct store_change *v, size_t n);

#endif
