/*
 * lock.h - one interactive suivi per database.
 *
 * An flock() on "<database>.lock" beside the database, and on the
 * database file itself, held for the
 * process's life (the kernel drops it when the process dies, even with
 * kill -9, so it never goes stale). The holder writes its PID in the file
 * so a second instance can say who holds it; the PID is information only,
 * the lock is the flock.
 */
#ifndef SUIVI_LOCK_H
#define SUIVI_LOCK_H

#include "suivi/err.h"

struct lock {
	int fd;
	char *path;
	int db_fd;	/* the database file, flocked too (-1: none) */
};

/* 0 when acquired; -1 with ERR_BUSY (naming the holder's PID when known,
 * or that it holds the file under another name), ERR_INPUT (the path is
 * a folder, a device, a FIFO: nothing is created beside it) or ERR_IO.
 * The database file itself, when it exists, is flocked too: every name
 * of one file (hard links, symbolic links) shares that lock. */
int lock_acquire(const char *db_path, struct lock *lk, struct err *e);
/* Only once the database is closed (closing a descriptor of its file
 * drops the process's POSIX locks on it). */
void lock_release(struct lock *lk);

#endif
