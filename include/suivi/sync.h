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
	const char *path;	/* the file to write */
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
};

int sync_export(struct store *st, const struct sync_export_opts *o,
		struct sync_export_result *r, struct err *e);
void sync_export_result_release(struct sync_export_result *r);

/* Read, check and apply the file at path (one transaction). */
int sync_import(struct store *st, const char *path, struct sync_receipt *r,
		struct err *e);

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
