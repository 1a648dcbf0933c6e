/*
 * restore.c - a backup put back in place of the database (suivi restore).
 *
 * What cp would do, made safe: the backup is checked whole before
 * anything is touched; the file it replaces is kept under another name,
 * with its journal beside it under the matching name (a journal of that
 * file never meets the backup); the backup takes the database's name in
 * one rename, so the name always holds one whole database.
 */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "suivi/atomic.h"
#include "suivi/xalloc.h"

/* The backup, read whole, sound (integrity and references). */
static int check_backup(const char *backup, struct err *e)
{
	struct store *b;
	struct store_check r;
	int rc = -1;

	if (store_open(backup, STORE_INSPECT, &b, e) != 0) {
		char *why = xstrdup(e->msg);

		err_set(e, e->code, "restauration refusée : %s", why);
		free(why);
		return -1;
	}
	if (store_check(b, &r, e) != 0) {
		char *why = xstrdup(e->msg);

		err_set(e, ERR_CORRUPT, "restauration refusée : la sauvegarde %s "
			"ne se lit pas en entier (%s). La base n'a pas changé.",
			backup, why);
		free(why);
	} else if (!r.integrity_ok || !r.foreign_keys_ok) {
		err_set(e, ERR_CORRUPT, "restauration refusée : la sauvegarde %s "
			"est endommagée (%s). La base n'a pas changé ; essayez "
			"une autre sauvegarde.", backup,
			!r.integrity_ok ? "intégrité"
					: "des lignes renvoient à des données "
					  "absentes");
		store_check_release(&r);
	} else {
		store_check_release(&r);
		rc = 0;
	}
	store_close(b);
	return rc;
}

/* The whole file from, appended to to. */
static int copy_file(const char *from, FILE *to)
{
	int fd = open(from, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	int rc;

	if (fd < 0)
		return -1;
	rc = store_copy_bytes(fd, to, -1);
	close(fd);
	return rc;
}

/* The current file keeps the name kept, its journal the matching one. */
static int keep_current(const char *path, const char *kept, struct err *e)
{
	char *j = journal_name(path), *kj = journal_name(kept);
	struct stat sb;
	int rc = 0;

	if (link(path, kept) != 0) {
		/* no hard links (FAT): a copy, the original replaced below */
		struct atomic_file af;

		if (atomic_open(&af, kept, false, e) != 0 ||
		    copy_file(path, af.fp) != 0) {
			if (af.fp)
				atomic_abort(&af);
			err_set(e, ERR_IO, "restauration impossible : la base "
				"actuelle ne peut pas être gardée sous %s (%s). "
				"Rien n'a changé.", kept, err_errno_fr(errno));
			rc = -1;
		} else if (atomic_commit(&af, e) != 0) {
			rc = -1;
		}
	}
	if (rc == 0 && stat(j, &sb) == 0 && rename(j, kj) != 0) {
		err_set(e, ERR_IO, "restauration impossible : le journal %s ne "
			"peut pas suivre la base gardée (%s). Rien n'a changé.",
			j, err_errno_fr(errno));
		unlink(kept);
		rc = -1;
	}
	free(j);
	free(kj);
	return rc;
}

int store_restore(const char *backup, const char *path, char **kept,
		  struct err *e)
{
	struct stat bs, ps;
	struct atomic_file af;
	bool exists;

	*kept = NULL;
	if (stat(backup, &bs) != 0) {
		err_set(e, ERR_NOTFOUND, "la sauvegarde %s n'existe pas", backup);
		return -1;
	}
	exists = stat(path, &ps) == 0;
	if (exists && ps.st_dev == bs.st_dev && ps.st_ino == bs.st_ino) {
		err_set(e, ERR_USAGE, "%s est la base elle-même : donnez le "
			"fichier de la sauvegarde", backup);
		return -1;
	}
	if (check_backup(backup, e) != 0)
		return -1;
	if (exists && journal_examine(path) == JOURNAL_LIVE) {
		err_set(e, ERR_BUSY, "restauration impossible : un autre "
			"programme enregistre dans %s en ce moment. Réessayez "
			"dans un instant ; rien n'a changé.", path);
		return -1;
	}
	if (atomic_open(&af, path, true, e) != 0)
		return -1;
	if (copy_file(backup, af.fp) != 0) {
		err_set(e, ERR_IO, "restauration impossible : copie de %s (%s). "
			"Rien n'a changé.", backup, err_errno_fr(errno));
		atomic_abort(&af);
		return -1;
	}
	if (exists) {
		*kept = store_dated_name(path, "avant-restauration");
		if (!*kept) {
			err_set(e, ERR_IO, "restauration impossible : aucun nom "
				"libre pour garder la base actuelle. Rien n'a "
				"changé.");
			atomic_abort(&af);
			return -1;
		}
		if (keep_current(path, *kept, e) != 0) {
			free(*kept);
			*kept = NULL;
			atomic_abort(&af);
			return -1;
		}
	}
	if (atomic_commit(&af, e) != 0) {
		char *why = xstrdup(e->msg);

		if (*kept) {
			/* the file stays: its journal goes back beside it */
			char *j = journal_name(path), *kj = journal_name(*kept);

			if (access(kj, F_OK) == 0)
				(void)rename(kj, j);
			free(j);
			free(kj);
		}

		err_set(e, e->code, "restauration impossible : %s. La base n'a "
			"pas changé%s%s.", why, *kept ? " ; une copie en est "
			"gardée sous " : "", *kept ? *kept : "");
		free(why);
		return -1;
	}
	return 0;
}
