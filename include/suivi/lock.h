/*
 * lock.h - one interactive suivi per database.
 *
 * An flock() on "<database>.lock" beside the database, held for the
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
};

/* 0 when acquired; -1 with ERR_BUSY (naming the holder's PID when known)
 * or ERR_IO. */
int lock_acquire(const char *db_path, struct lock *lk, struct err *e);
void lock_release(struct lock *lk);

#endif
