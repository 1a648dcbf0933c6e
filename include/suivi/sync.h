/*
 * sync.h - two laptops, one truth (suivi sync, the Synchronisation
 * screen): the operations on sync files, once for the command line and
 * the interface.
 *
 * A file written for a peer carries what this database recorded or
 * received since the last file written for that peer (every change with
 * all): the peer is the one named, else the commune of `commune`, else
 * "tous" (every contract). Applying a file twice, or files out of order,
 * changes nothing more; when both sides changed the same thing, the
 * latest change wins everywhere and the other is listed as a conflict to
 * review (store_sync.h).
 */
#ifndef SUIVI_SYNC_H
#define SUIVI_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/store_sync.h"

struct sync_export_opts {
	const char *path;	/* the file to write, or a folder: the file
				 * is then named there (sync_file_name) */
	const char *commune;	/* NULL: every contract */
	const char *peer;	/* NULL: the commune's, or every contract */
	bool all;		/* from the start, not since the last file */
	bool force;		/* write over an existing file */
};

struct sync_export_result {
	size_t entries;
	long long rows;
	size_t contracts;
	char *peer;		/* the peer the file was written for */
	char *path;		/* the file written */
};

int sync_export(struct store *st, const struct sync_export_opts *o,
		struct sync_export_result *r, struct err *e);
void sync_export_result_release(struct sync_export_result *r);

/* Read, check and apply the file at path (one transaction). */
int sync_import(struct store *st, const char *path, struct sync_receipt *r,
		struct err *e);

/* The file name a sync file for `peer` written by database `source`
 * gets in dir, made at `stamp` (ISO UTC):
 * "suivi-<peer>-<source's first 8 digits>-AAAAMMJJ-HHMMSS.sync", the
 * peer's letters and digits only ("tous", "33200-2017"). Heap string. */
char *sync_file_name(const char *dir, const char *peer, const char *source,
		     const char *stamp);

/* What importing one file of a folder gave. */
struct sync_folder_item {
	char *path;
	bool own;		/* written by this database: left alone */
	int rc;			/* 0 applied, -1 refused (msg says why) */
	struct sync_receipt r;
	char msg[ERR_MSG_MAX];
};

/* Import every "*.sync" file of dir, oldest first (each whole or not at
 * all; one refused does not stop the others), but those this database
 * wrote. -1 only when the folder cannot be read. */
int sync_import_folder(struct store *st, const char *dir,
		       struct sync_folder_item **out, size_t *n,
		       struct err *e);
void sync_folder_items_free(struct sync_folder_item *v, size_t n);

/* The record a conflict is about, in words ("valeur 1.1.1 de mars
 * 2026"), heap string. */
char *sync_conflict_what(const struct sync_conflict *c);
/* A version of a conflict in words ("valeur : 8 ; commentaire : …";
 * "(supprimé)" for NULL), heap string. */
char *sync_conflict_version(const char *v);
/* "les deux côtés l'ont modifié", …: the kind of a conflict in words. */
const char *sync_conflict_kind(const struct sync_conflict *c);
/* A receipt in words: "3 changements reçus, 3 appliqués, …" (heap). */
char *sync_receipt_words(const struct sync_receipt *r);

#endif
