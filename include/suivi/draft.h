/*
 * draft.h - what was being typed when the terminal went away, kept.
 *
 * A form or a cell being edited when the terminal closes is kept as a
 * draft, offered back at the next start. It is kept in the database
 * (store_draft_*); when the database cannot take it (a full disk, a
 * read-only file), in a file of its own elsewhere: the user's runtime
 * folder ($XDG_RUNTIME_DIR/suivi, usually in memory, so a full disk does
 * not stop it), else /tmp/suivi-UID; created 0700, the file 0600, named
 * after the database file's identity (device and inode: a copy of the
 * base has drafts of its own). The next start moves such files into the
 * database (draft_recover). When neither place can take it, the caller
 * is told and says it where it still can (stderr).
 */
#ifndef SUIVI_DRAFT_H
#define SUIVI_DRAFT_H

#include "suivi/err.h"

struct store;

/* Keeps (slot, context, text). 0: in the database; 1: in a file, whose
 * path is in *where (heap); -1: nowhere (e says why, for stderr). */
int draft_keep(struct store *st, const char *slot, const char *context,
	       const char *text, char **where, struct err *e);

/* Drafts of this database kept in files: moved into it (the file removed
 * once the database holds it). The number moved; -1 when one could not
 * be (e says which file keeps it). */
int draft_recover(struct store *st, struct err *e);

/* The folder of the draft files (heap), for tests and messages. */
char *draft_dir(void);

#endif
