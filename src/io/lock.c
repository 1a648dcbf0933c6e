#include "suivi/lock.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* The database file itself, locked too: a second name for it (a hard
 * link, a symbolic one) has a lock file of its own, not the same file. */
static int lock_file_itself(const char *db_path, struct lock *lk,
			    struct err *e)
{
	lk->db_fd = open(db_path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (lk->db_fd < 0)
		return 0;	/* nothing there yet: made under the lock file */
	if (flock(lk->db_fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno == EWOULDBLOCK) {
		err_set(e, ERR_BUSY, "la base %s est déjà ouverte par un autre "
			"suivi, sous un autre nom (un lien vers le même "
			"fichier) : fermez-le d'abord", db_path);
		return -1;
	}
	return 0;	/* flock refused (a network file system): the lock file
			 * alone */
}

int lock_acquire(const char *db_path, struct lock *lk, struct err *e)
{
	char buf[32];
	struct stat sb;

	lk->fd = lk->db_fd = -1;
	lk->path = NULL;
	/* a folder, a device, a FIFO: refused before anything is made
	 * beside it (and before opening a FIFO could wait forever) */
	if (stat(db_path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		err_set(e, ERR_INPUT, "%s n'est pas un fichier ordinaire : ce ne "
			"peut pas être une base suivi", db_path);
		return -1;
	}
	lk->path = xasprintf("%s.lock", db_path);
	lk->fd = open(lk->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lk->fd < 0) {
		err_set(e, ERR_IO, "impossible de créer le verrou %s : %s",
			lk->path, err_errno_fr(errno));
		goto fail;
	}
	if (flock(lk->fd, LOCK_EX | LOCK_NB) != 0) {
		ssize_t n = errno == EWOULDBLOCK ? pread(lk->fd, buf,
							 sizeof buf - 1, 0)
						 : -1;
		long pid = 0;

		if (n > 0) {
			buf[n] = '\0';
			pid = strtol(buf, NULL, 10);
		}
		if (pid > 0)
			err_set(e, ERR_BUSY, "la base %s est déjà ouverte par un "
				"autre suivi (processus %ld) : fermez-le d'abord",
				db_path, pid);
		else
			err_set(e, ERR_BUSY, "la base %s est déjà ouverte par un "
				"autre suivi : fermez-le d'abord", db_path);
		goto fail;
	}
	if (lock_file_itself(db_path, lk, e) != 0)
		goto fail;
	snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
	if (ftruncate(lk->fd, 0) != 0 ||
	    pwrite(lk->fd, buf, strlen(buf), 0) < 0) {
		/* the lock holds all the same; only the PID note is missing */
	}
	return 0;
fail:
	if (lk->fd >= 0)
		close(lk->fd);
	if (lk->db_fd >= 0)
		close(lk->db_fd);
	lk->fd = lk->db_fd = -1;
	free(lk->path);
	lk->path = NULL;
	return -1;
}

void lock_release(struct lock *lk)
{
	/* after the database is closed: closing a descriptor of the file
	 * drops the process's POSIX locks on it, SQLite's included */
	if (lk->db_fd >= 0)
		close(lk->db_fd);
	lk->db_fd = -1;
	if (lk->fd >= 0) {
		/* leave the file: unlinking it would race with a newcomer */
		if (ftruncate(lk->fd, 0) != 0) {
			/* nothing to do: the flock goes with close */
		}
		close(lk->fd);
	}
	lk->fd = -1;
	free(lk->path);
	lk->path = NULL;
}
