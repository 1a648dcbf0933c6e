/*
 * atomic.h - files we write (exports, reports) appear whole or not at all:
 * written to a temporary file beside the destination (created 0600),
 * flushed, fsync'ed, then renamed over it. An existing destination is
 * refused unless force: at the open, and again at the commit, where the
 * file takes its name by link(2), which never replaces one (a file that
 * appeared meanwhile, another export writing the same name, is kept). On
 * a file system without hard links (FAT on a USB stick) the commit checks
 * again and renames.
 */
#ifndef SUIVI_ATOMIC_H
#define SUIVI_ATOMIC_H

#include <stdbool.h>
#include <stdio.h>

#include "suivi/err.h"

struct atomic_file {
	FILE *fp;
	char *tmp;	/* the temporary name, NULL for an unnamed file */
	char *dest;
	char *dir;	/* dest's folder */
	bool force;
};

int atomic_open(struct atomic_file *af, const char *dest, bool force,
		struct err *e);
/* Finish: 0 when dest now holds everything written; on failure the
 * temporary file is removed and dest is untouched. */
int atomic_commit(struct atomic_file *af, struct err *e);
void atomic_abort(struct atomic_file *af);

#endif
