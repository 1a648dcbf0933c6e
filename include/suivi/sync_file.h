/*
 * sync_file.h - the file that carries changes from one database to
 * another (suivi sync export / import): a short text header, the changes
 * as SQLite changesets (the session extension's format), and a SHA-256
 * of everything before it, so that a truncated or damaged file is
 * refused whole.
 *
 *   suivi-sync 1
 *   source <database id>          who wrote it
 *   label <text>                  the author there, for messages
 *   created <ISO 8601 UTC>
 *   scope <* | INSEE code>        every contract, or one commune's
 *   range <first> <last>          the writer's own numbering of its log
 *   contract <uid> <identifier>   each contract the file names
 *   have <origin> <contract uid> <number>
 *                                 what the writer had applied (repeated)
 *   entries <N>
 *   entry <origin> <contract uid> <number> <stamp> <rows> <bytes> <at> <deps>
 *   author <text>
 *   <bytes of changeset>\n        (N times: entry, author, bytes)
 *   end <sha256 hex of every byte before this line>
 *
 * Text fields are one line (controls become spaces); deps is "-" or
 * "origin:number,…". A format number above SYNC_FILE_FORMAT is refused
 * as newer.
 */
#ifndef SUIVI_SYNC_FILE_H
#define SUIVI_SYNC_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"

#define SYNC_FILE_FORMAT 1
#define SYNC_ID_LEN 33

/* One transaction of one contract, as its database recorded it. */
struct sync_entry {
	char origin[SYNC_ID_LEN];	/* database that made the change */
	char contract_uid[SYNC_ID_LEN];
	long long number;		/* 1, 2, … per origin and contract */
	long long stamp;		/* hybrid clock, milliseconds */
	long long rows;			/* changed rows in it */
	char *at;			/* ISO 8601 UTC */
	char *author;
	char *deps;			/* "" or "origin:number,…" */
	unsigned char *blob;		/* the changeset */
	size_t size;
};

struct sync_contract_name {
	char uid[SYNC_ID_LEN];
	char *identifier;
};

struct sync_have {
	char origin[SYNC_ID_LEN];
	char contract_uid[SYNC_ID_LEN];
	long long number;
};

struct sync_file {
	int format;
	char source[SYNC_ID_LEN];
	char *label;
	char *created;
	char *scope;
	long long first, last;
	struct sync_contract_name *contracts;
	size_t n_contracts;
	struct sync_have *have;
	size_t n_have;
	struct sync_entry *entries;
	size_t n_entries;
};

void sync_file_init(struct sync_file *f);
void sync_file_release(struct sync_file *f);
void sync_entry_release(struct sync_entry *x);

/* Write f to path atomically, mode 0600; an existing file is refused
 * (ERR_EXISTS) unless force. */
int sync_file_write(const struct sync_file *f, const char *path, bool force,
		    struct err *e);
/* Read and check path: ERR_INPUT with a French message for a file that
 * is not a sync file, truncated, damaged or from a newer format
 * (ERR_NEWER); nothing is returned then. */
int sync_file_read(const char *path, struct sync_file *f, struct err *e);
/* A changeset as the session extension writes it, checked byte by byte
 * before SQLite reads it (its own reader trusts what it is given): each
 * table's header ('T', a column count of 1 to 64, one 0/1 flag per
 * column, a name), then changes: an operation (insert 18, update 23,
 * delete 9), an indirect flag 0/1, the records the operation has, each
 * value a known type with its bytes inside the buffer (undefined only
 * in an update's records, text in valid UTF-8). table() is called at each
 * header and refuses (non-zero) a table it does not know with that shape.
 * 0, or -1 with what is wrong in why. */
typedef int (*sync_table_fn)(const char *name, int ncol,
			     const unsigned char *pk, void *ctx);
int sync_changeset_check(const unsigned char *p, size_t n, sync_table_fn table,
			 void *ctx, const char **why);

/* The same from memory (tests, fuzzing). */
int sync_file_parse(const unsigned char *buf, size_t len, const char *name,
		    struct sync_file *f, struct err *e);

#endif
