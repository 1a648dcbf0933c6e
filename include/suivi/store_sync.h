/*
 * store_sync.h - the sync log in the database (suivi sync): what a file
 * for a peer carries, applying a file received, what each peer has, the
 * conflicts to review. See src/store/sync.c for the log and the merge
 * rule (the latest write of each column wins; a deletion wins over a
 * change made without knowing of it; the version set aside is listed).
 */
#ifndef SUIVI_STORE_SYNC_H
#define SUIVI_STORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/sync_file.h"
#include "suivi/sync_words.h"

/* This database's id (32 hex digits). */
int store_sync_id(struct store *st, char out[SYNC_ID_LEN], struct err *e);

/* What a file for `peer` carries: the log's entries that came after the
 * last file written for it (every one when all), of contract_uid only
 * when not NULL. f is filled (source, label, created, scope, range,
 * contracts named, what this database has applied, entries). */
int store_sync_outgoing(struct store *st, const char *peer,
			const char *contract_uid, const char *scope, bool all,
			struct sync_file *f, struct err *e);
/* The file for `peer` is written: the next starts after f->last. */
int store_sync_sent(struct store *st, const char *peer,
		    const struct sync_file *f, const char *file,
		    struct err *e);

struct sync_receipt {
	long long received;	/* entries new to this database */
	long long duplicates;	/* entries it had already */
	long long applied;	/* entries applied now (earlier ones too) */
	long long pending;	/* entries waiting for earlier ones */
	long long rows;		/* rows written */
	long long conflicts;	/* changes made on both sides, listed */
};

/* Keep and apply a file's entries, all in one transaction: nothing is
 * changed when it fails. Refused (ERR_INPUT, French message naming
 * `name`): a file this database wrote, an entry of a contract it lacks,
 * a changeset unreadable or of tables shaped otherwise (ERR_NEWER). */
int store_sync_receive(struct store *st, const struct sync_file *f,
		       const char *name, struct sync_receipt *r,
		       struct err *e);

/* What the sync status shows. */
struct sync_peer_sent {
	char *name;		/* "*" or a commune's INSEE code, or a name */
	char *exported_at, *file;
	long long entries, last_seq;
};

struct sync_source_seen {
	char db_id[SYNC_ID_LEN];
	char *label, *imported_at, *file, *created;
	long long has_of_ours;	/* our entries it had applied */
	long long ours;		/* our entries of those contracts */
};

struct sync_status {
	char db_id[SYNC_ID_LEN];
	long long entries, local_entries, pending, conflicts_open;
	struct sync_peer_sent *peers;
	size_t n_peers;
	struct sync_source_seen *sources;
	size_t n_sources;
};

int store_sync_status(struct store *st, struct sync_status *out,
		      struct err *e);
void sync_status_release(struct sync_status *s);

/* A conflict's versions: "column" SYNC_SEP_VALUE "value", the columns
 * joined by SYNC_SEP_COLUMN (sync_words.h); NULL for a record deleted.
 * The column is the database's name (sync_words_version says it in
 * words). */

struct sync_conflict {
	long long id;
	char *noted_at, *contract, *commune, *table, *pk, *kind;
	char *what;		/* the record, in words */
	char *kept, *kept_by, *kept_at, *lost, *lost_by, *lost_at;
	char *reviewed_at;	/* NULL: to review */
};

/* Conflicts, newest first: of contract_uid (NULL: every contract), the
 * reviewed ones too when all. */
int store_sync_conflicts(struct store *st, const char *contract_uid,
			 bool all, struct sync_conflict **out, size_t *n,
			 struct err *e);
void sync_conflicts_free(struct sync_conflict *v, size_t n);
/* Mark conflict id reviewed (id 0: every open one of contract_uid, or of
 * every contract when NULL); *marked how many. */
int store_sync_conflict_reviewed(struct store *st, long long id,
				 const char *contract_uid, long long *marked,
				 struct err *e);

#endif
