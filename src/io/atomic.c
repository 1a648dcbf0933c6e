#include "suivi/atomic.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	af->force = force;
	af->tmp = xasprintf("%s.tmp-XXXXXX", dest);
	fd = mkstemp(af->tmp);
	if (fd < 0) {
		err_set(e, ERR_IO, "impossible de créer %s : %s", dest,
			err_errno_fr(errno));
		goto fail;
	}
	af->fp = fdopen(fd, "w");
	if (!af->fp) {
		close(fd);
		unlink(af->tmp);
		err_set(e, ERR_IO, "impossible d'écrire %s", dest);
		goto fail;
	}
	return 0;
fail:
	free(af->tmp);
	free(af->dest);
	memset(af, 0, sizeof *af);
	return -1;
}

/* The temporary file becomes dest: 0 or an errno (EEXIST when dest
 * exists and force was not given). */
static int take_name(const struct atomic_file *af)
{
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

int atomic_commit(struct atomic_file *af, struct err *e)
{
	int err = 0;
	char *dir, *slash;
	int dfd;

	if (fflush(af->fp) != 0 || ferror(af->fp))
		err = errno ? errno : EIO;
	if (!err && fsync(fileno(af->fp)) != 0)
		err = errno;
	if (fclose(af->fp) != 0 && !err)
		err = errno ? errno : EIO;
	af->fp = NULL;
	if (!err)
		err = take_name(af);
	if (err == EEXIST) {
		err_set(e, ERR_EXISTS, "%s existe maintenant (créé pendant "
			"l'écriture) : rien n'y est écrit ; ajoutez --force pour "
			"le remplacer", af->dest);
		unlink(af->tmp);
		free(af->tmp);
		free(af->dest);
		memset(af, 0, sizeof *af);
		return -1;
	}
	if (err) {
		err_set(e, ERR_IO, "impossible d'écrire %s : %s", af->dest,
			err_errno_fr(err));
		unlink(af->tmp);
		free(af->tmp);
		free(af->dest);
		memset(af, 0, sizeof *af);
		return -1;
	}
	dir = xstrdup(af->dest);
	slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	free(af->tmp);
	free(af->dest);
	memset(af, 0, sizeof *af);
	return 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->fp) {
		fclose(af->fp);
		unlink(af->tmp);
	}
	free(af->tmp);
	free(af->dest);
	memset(af, 0, sizeof *af);
}
