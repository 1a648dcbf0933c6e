#define _GNU_SOURCE	/* O_TMPFILE, linkat's AT_SYMLINK_FOLLOW */
#include "suivi/atomic.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <stdio.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

static char *dir_of(const char *dest)
{
	char *dir = xstrdup(dest);
	char *slash = strrchr(dir, '/');

	if (!slash) {
		free(dir);
		return xstrdup(".");
	}
	slash[slash == dir ? 1 : 0] = '\0';
	return dir;
}

/* "<base>.tmp-XXXXXX", as mkstemp and take_name make them. */
static bool is_our_tmp(const char *name, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(name, base, n) != 0 || strncmp(name + n, ".tmp-", 5) != 0)
		return false;
	name += n + 5;
	for (int i = 0; i < 6; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		      (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9')))
			return false;
	return name[6] == '\0';
}

/* Temporary files of earlier writes of dest that were killed: removed.
 * A writer holds a flock on its file for as long as it lives, so a
 * file whose lock is free (and is not brand new: mkstemp comes just
 * before the lock) has no writer any more. */
static void remove_leftovers(const char *dir, const char *dest)
{
	const char *base = strrchr(dest, '/');
	DIR *d = opendir(dir);
	struct dirent *de;
	time_t now = time(NULL);

	base = base ? base + 1 : dest;
	while (d && (de = readdir(d))) {
		struct stat sb;
		char *p;
		int fd;

		if (!is_our_tmp(de->d_name, base))
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		fd = open(p, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
				     O_NOCTTY);
		if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    sb.st_uid == geteuid() && sb.st_mtime < now - 5 &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlink(p);
		if (fd >= 0)
			close(fd);
		free(p);
	}
	if (d)
		closedir(d);
}

/* A file with no name in dir (O_TMPFILE), named at the commit by
 * linkat: a write killed on the way leaves nothing. -1 where the file
 * system or the kernel has none (or no /proc to name it through). */
static int unnamed_file(const char *dir)
{
#ifdef O_TMPFILE
	int fd;

	if (access("/proc/self/fd", X_OK) != 0)
		return -1;
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	return fd;
#else
	(void)dir;
	return -1;
#endif
}

int atomic_open(struct atomic_file *af, const char *dest, bool force,
		struct err *e)
{
	int fd;

	memset(af, 0, sizeof *af);
	{
		/* only a regular file is ever replaced: renaming over a
		 * device (-o /dev/null --force) or a folder would destroy it */
		struct stat sb;

		if (lstat(dest, &sb) == 0 && !S_ISREG(sb.st_mode)) {
			err_set(e, ERR_IO, "%s n'est pas un fichier ordinaire : "
				"rien n'y est écrit (la sortie standard : -o -)",
				dest);
			return -1;
		}
	}
	if (!force && access(dest, F_OK) == 0) {
		err_set(e, ERR_EXISTS, "%s existe déjà : ajoutez --force pour le "
			"remplacer", dest);
		return -1;
	}
	af->dest = xstrdup(dest);
	af->dir = dir_of(dest);
	af->force = force;
	remove_leftovers(af->dir, dest);
	fd = unnamed_file(af->dir);
	if (fd < 0) {
		af->tmp = xasprintf("%s.tmp-XXXXXX", dest);
		fd = mkstemp(af->tmp);	/* 0600 */
		if (fd < 0) {
			err_set(e, ERR_IO, "impossible de créer %s : %s", dest,
				err_errno_fr(errno));
			goto fail;
		}
	}
	/* held until the end: remove_leftovers leaves a live file alone */
	(void)flock(fd, LOCK_EX | LOCK_NB);
	af->fp = fdopen(fd, "w");
	if (!af->fp) {
		close(fd);
		if (af->tmp)
			unlink(af->tmp);
		err_set(e, ERR_IO, "impossible d'écrire %s", dest);
		goto fail;
	}
	return 0;
fail:
	free(af->tmp);
	free(af->dest);
	free(af->dir);
	memset(af, 0, sizeof *af);
	return -1;
}

/* The unnamed file gets name (linkat through /proc: no privilege
 * needed); 0 or an errno. */
static int link_unnamed(const struct atomic_file *af, const char *name)
{
	char proc[64];

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(af->fp));
	return linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0
		       ? 0
		       : errno;
}

/* The unnamed file replaces dest: under a temporary name first (linkat
 * never replaces), renamed over dest at once. */
static int replace_with_unnamed(const struct atomic_file *af)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"
				  "QRSTUVWXYZ0123456789";
	struct timespec ts;
	unsigned long r;
	int err = EEXIST;

	clock_gettime(CLOCK_REALTIME, &ts);
	r = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16);
	for (int tries = 0; tries < 100 && err == EEXIST; tries++) {
		char suffix[7];
		char *name;

		for (int i = 0; i < 6; i++) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			suffix[i] = set[(r >> 33) % (sizeof set - 1)];
		}
		suffix[6] = '\0';
		name = xasprintf("%s.tmp-%s", af->dest, suffix);
		err = link_unnamed(af, name);
		if (err == 0 && rename(name, af->dest) != 0) {
			err = errno;
			unlink(name);
		}
		free(name);
	}
	return err;
}

/* The file written becomes dest: 0 or an errno (EEXIST when dest
 * exists and force was not given). */
static int take_name(const struct atomic_file *af)
{
	if (!af->tmp)
		return af->force ? replace_with_unnamed(af)
				 : link_unnamed(af, af->dest);
	if (af->force)
		return rename(af->tmp, af->dest) == 0 ? 0 : errno;
	if (link(af->tmp, af->dest) == 0) {
		unlink(af->tmp);
		return 0;
	}
	if (errno == EEXIST)
		return EEXIST;
	/* no hard links here (FAT, some network file systems): checked once
	 * more, then renamed; a file created in between would be replaced */
	if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP &&
	    errno != ENOSYS && errno != EXDEV && errno != EMLINK)
		return errno;
	if (access(af->dest, F_OK) == 0)
		return EEXIST;
	return rename(af->tmp, af->dest) == 0 ? 0 : errno;
}

static void release(struct atomic_file *af)
{
	if (af->fp)
		fclose(af->fp);
	if (af->tmp)
		unlink(af->tmp);
	free(af->tmp);
	free(af->dest);
	free(af->dir);
	memset(af, 0, sizeof *af);
}

int atomic_commit(struct atomic_file *af, struct err *e)
{
	int err = 0;
	int dfd;

	if (fflush(af->fp) != 0 || ferror(af->fp))
		err = errno ? errno : EIO;
	if (!err && fsync(fileno(af->fp)) != 0)
		err = errno;
	/* named while still open: an unnamed file dies with its last
	 * descriptor */
	if (!err)
		err = take_name(af);
	if (fclose(af->fp) != 0 && !err)
		err = errno ? errno : EIO;
	af->fp = NULL;
	if (err == EEXIST) {
		err_set(e, ERR_EXISTS, "%s existe maintenant (créé pendant "
			"l'écriture) : rien n'y est écrit ; ajoutez --force pour "
			"le remplacer", af->dest);
		release(af);
		return -1;
	}
	if (err) {
		err_set(e, ERR_IO, "impossible d'écrire %s : %s", af->dest,
			err_errno_fr(err));
		release(af);
		return -1;
	}
	dfd = open(af->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	if (af->tmp) {
		/* renamed or linked: the name is no longer ours to remove */
		free(af->tmp);
		af->tmp = NULL;
	}
	release(af);
	return 0;
}

void atomic_abort(struct atomic_file *af)
{
	release(af);
}
