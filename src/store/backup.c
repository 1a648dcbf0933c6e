/*
 * backup.c - the whole file checked (suivi check) and copied (suivi
 * backup).
 */
#include "store_internal.h"

#include "suivi/atomic.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Maintenance                                                         */

int store_check(struct store *st, struct store_check *r, struct err *e)
{
	sqlite3_stmt *s;
	int rc, lines = 0;
	size_t len = 0;

	memset(r, 0, sizeof *r);
	rc = sqlite3_prepare_v2(st->db, "PRAGMA integrity_check(20)", -1, &s,
				NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	for (; rc == SQLITE_ROW; rc = sqlite3_step(s)) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		size_t tl = t ? strlen(t) : 0;

		r->integrity = xrealloc(r->integrity, len + tl + 2);
		if (lines++)
			r->integrity[len++] = '\n';
		memcpy(r->integrity + len, t ? t : "", tl);
		len += tl;
		r->integrity[len] = '\0';
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "vérifier l'intégrité", e);
		store_check_release(r);
		return -1;
	}
	r->integrity_ok = r->integrity && !strcmp(r->integrity, "ok");
	rc = sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s,
				NULL);
	if (rc == SQLITE_OK)
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			r->fk_problems++;
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "vérifier les références", e);
		store_check_release(r);
		return -1;
	}
	r->foreign_keys_ok = r->fk_problems == 0;
	{
		int pages = 0, size = 0;

		store_pragma_int(st, "PRAGMA page_count", &pages, NULL);
		store_pragma_int(st, "PRAGMA page_size", &size, NULL);
		r->pages = pages;
		r->page_size = size;
	}
	return 0;
}

void store_check_release(struct store_check *r)
{
	free(r->integrity);
	r->integrity = NULL;
}

/* Is b the file a (or a's journal or lock)? Compared by inode. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	static const char *const beside[] = { "", "-journal", "-wal", ".lock" };

	if (stat(b, &sb) != 0)
		return false;
	for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
		char *p = xasprintf("%s%s", a, beside[i]);
		bool same = stat(p, &sa) == 0 && sa.st_dev == sb.st_dev &&
			    sa.st_ino == sb.st_ino;

		free(p);
		if (same)
			return true;
	}
	return false;
}

int store_copy_bytes(int fd, FILE *fp, long long n)
{
	static char buf[1 << 16];

	for (off_t off = 0; n < 0 || off < n;) {
		size_t want = n >= 0 && n - off < (long long)sizeof buf
				      ? (size_t)(n - off)
				      : sizeof buf;
		ssize_t r = pread(fd, buf, want, off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0 && n < 0)
			break;		/* the end of the file */
		if (r <= 0) {
			if (r == 0)
				errno = EIO;	/* shorter than it says */
			return -1;
		}
		if (fwrite(buf, 1, (size_t)r, fp) != (size_t)r)
			return -1;
		off += r;
	}
	return 0;
}

int store_backup(struct store *st, const char *dest, bool force,
		 struct err *e)
{
	struct atomic_file af;
	int pages = 0, size = 0, fd, ret = -1, sys = 0;

	if (same_file(st->path, dest)) {
		err_set(e, ERR_USAGE, "%s est la base elle-même : choisissez un "
			"autre fichier pour la copie", dest);
		return -1;
	}
	if (atomic_open(&af, dest, force, e) != 0)
		return -1;
	/* The file's bytes, read under a read transaction: no save can
	 * write the file meanwhile (rollback journal), so the copy is one
	 * saved state, as a cp between two saves would be. The descriptor
	 * is closed once the transaction is over: closing one drops the
	 * process's POSIX locks on the file, SQLite's included. */
	fd = open(st->path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		err_set(e, ERR_IO, "sauvegarde impossible : %s illisible (%s)",
			st->path, err_errno_fr(errno));
		atomic_abort(&af);
		return -1;
	}
	if (store_exec(st, "BEGIN", "sauvegarder la base", e) != 0)
		goto out;
	if (store_pragma_int(st, "PRAGMA page_count", &pages, e) != 0 ||
	    store_pragma_int(st, "PRAGMA page_size", &size, e) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	if (store_copy_bytes(fd, af.fp, (long long)pages * size) != 0)
		sys = errno ? errno : EIO;
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (sys) {
		if (sys == ENOSPC || sys == EDQUOT)
			err_set(e, ERR_IO, "sauvegarde impossible : disque plein "
				"(%s). Libérez de la place et recommencez ; la "
				"base n'a pas changé.", dest);
		else
			err_set(e, ERR_IO, "sauvegarde impossible : erreur "
				"d'écriture de %s (%s) ; la base n'a pas changé.",
				dest, sys == EFBIG ? "taille de fichier maximale "
				"atteinte, limite ulimit -f" : err_errno_fr(sys));
		goto out;
	}
	close(fd);
	fd = -1;
	if (atomic_commit(&af, e) != 0) {
		char *why = xstrdup(e->msg);

		err_set(e, e->code, "sauvegarde impossible : %s ; la base n'a "
			"pas changé.", why);
		free(why);
		return -1;
	}
	return 0;
out:
	if (fd >= 0)
		close(fd);
	atomic_abort(&af);
	return ret;
}

