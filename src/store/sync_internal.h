/*
 * sync_internal.h - what store.c asks of the sync log (store/sync.c):
 * a session records every write of users' records on the connection;
 * the outermost commit turns it into log entries, in the same
 * transaction, so nothing committed is ever missing from a sync file.
 */
#ifndef SUIVI_SYNC_INTERNAL_H
#define SUIVI_SYNC_INTERNAL_H

#include "store_internal.h"

/* Start recording (a writable database at the sync schema); 0 when there
 * is nothing to record, -1 on failure. */
int sync_session_start(struct store *st, struct err *e);
/* Forget what was recorded (after a commit or a rollback). */
void sync_session_reset(struct store *st);
void sync_session_end(struct store *st);
/* Before the outermost COMMIT: what the session recorded, as log
 * entries (one per contract touched), with their stamps. */
int sync_capture(struct store *st, struct err *e);
/* After migration 14: what the database held before, as entries made
 * here (so that a first file carries it). */
int sync_baseline(struct store *st, struct err *e);


/* What sync.c, sync_apply.c and sync_query.c share. */
#include <sqlite3.h>

#include "suivi/strbuf.h"
#include "suivi/sync_file.h"

enum { SYNC_MAX_COLS = 32 };

/* A table that travels, and how to find the contract a row belongs to:
 * the column `via` names its owner; owner_sql (":k" bound to it) gives
 * the owner's contract, or NULL when `via` is the contract itself. */
struct synced_table {
	const char *name;
	const char *via;
	const char *owner_sql;
	bool append_only;	/* history lines: written once, never changed */
};

struct tmeta {
	const struct synced_table *def;
	int ncol;
	char *cols[SYNC_MAX_COLS];
	unsigned char pk[SYNC_MAX_COLS];
	int via_col;
	sqlite3_stmt *sel, *ins, *upd, *del;	/* by primary key */
};

struct sync_meta {
	struct tmeta *t;
	size_t n;
	char self[SYNC_ID_LEN];
};

/* One column's latest write: col -1 every column ("*"), -2 the row's
 * deletion ("d"); origin an index in sync_origin (0: unknown). */
struct cstamp {
	int col;
	long long stamp, origin, number;
};

struct stamps {
	struct cstamp v[SYNC_MAX_COLS + 2];
	size_t n;
	unsigned char *image;	/* a deleted row's last values, or NULL */
	size_t image_len;
};

void sync_stamps_free(struct stamps *s);
/* A row's values as a one-row changeset (an insert), and back (the
 * values dup'ed into out, ncol of them). */
void sync_encode_row(const struct tmeta *t, sqlite3_value **vals,
		     struct strbuf *out);
int sync_decode_row(const struct tmeta *t, const unsigned char *blob,
		    size_t len, sqlite3_value **out);

int sync_meta_load(struct store *st, struct err *e);
/* In a write transaction: a copy of the database file takes a new id
 * (see sync.c). */
int sync_identity(struct store *st, struct err *e);
struct tmeta *sync_table(struct store *st, const char *name);
/* The primary key of a row as text ("uid", or "a|b"), from values. */
void sync_pk_text(const struct tmeta *t, sqlite3_value **vals, struct strbuf *out);
int sync_stamps_get(struct store *st, const char *tbl, const char *pk,
		    struct stamps *out, bool *found, struct err *e);
int sync_stamps_put(struct store *st, const char *tbl, const char *pk,
		    const struct stamps *s, struct err *e);
const struct cstamp *sync_stamp_of(const struct stamps *s, int col);
/* The entry of col itself (-1 "*", -2 "d"), NULL when none. */
const struct cstamp *sync_stamp_exact(const struct stamps *s, int col);
void sync_stamp_set(struct stamps *s, int col, long long stamp,
		    long long origin, long long number);
/* The index of a database id in sync_origin, added when new. */
int sync_origin_idx(struct store *st, const char *db_id, long long *idx,
		    struct err *e);
int sync_origin_id(struct store *st, long long idx, char out[SYNC_ID_LEN],
		   struct err *e);
/* The hybrid clock: a stamp for a change made now (and kept), or the
 * clock moved past a stamp seen. */
int sync_clock_next(struct store *st, long long *stamp, struct err *e);
int sync_clock_seen(struct store *st, long long stamp, struct err *e);
/* Entry `number` of origin for the contract is applied here. */
int sync_vector_advance(struct store *st, const char *origin,
			const char *contract_uid, long long number,
			struct err *e);
/* "origin:number,…": what of the contract this database has applied,
 * but for `except` (an origin, or NULL). Heap string. */
int sync_applied_vector(struct store *st, const char *contract_uid,
			const char *except, char **out, struct err *e);
/* A session again after reset could not make one (memory): before the
 * next write, or that write fails. */
int sync_session_ensure(struct store *st, struct err *e);

#endif
