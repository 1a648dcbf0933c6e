#include "suivi/lock.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int lock_acquire(const char *db_path, struct lock *lk, struct err *e)
{
	char buf[32];

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
	snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
	if (ftruncate(lk->fd, 0) != 0 ||
	    pwrite(lk->fd, buf, strlen(buf), 0) < 0) {
		/* the lock holds all the same; only the PID note is missing */
	}
	return 0;
fail:
	if (lk->fd >= 0)
		close(lk->fd);
	lk->fd = -1;
	free(lk->path);
	lk->path = NULL;
	return -1;
}

void lock_release(struct lock *lk)
{
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
