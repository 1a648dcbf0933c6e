#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "suivi/atomic.h"

/* Files in t_dir(). */
static int n_files(void)
{
	DIR *d = opendir(t_dir());
	struct dirent *de;
	int n = 0;

	cr_assert(d);
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

Test(atomic, writes_whole_0600_and_leaves_no_temporary)
{
	char *dest = t_path("export.csv"), *got;
	struct atomic_file af;
	struct err e;

	umask(0);
	cr_assert_eq(atomic_open(&af, dest, false, &e), 0, "%s", e.msg);
	fputs("a,b\r\n", af.fp);
	cr_assert_eq(atomic_commit(&af, &e), 0, "%s", e.msg);
	got = t_read(dest, NULL);
	cr_assert_str_eq(got, "a,b\r\n");
	cr_assert_eq(t_mode(dest), 0600);
	cr_assert_eq(n_files(), 1);
	free(got);
	free(dest);
}

Test(atomic, refuses_an_existing_file_without_force)
{
	char *dest = t_write("export.csv", "ancien"), *got;
	struct atomic_file af;
	struct err e;

	cr_assert_eq(atomic_open(&af, dest, false, &e), -1);
	cr_assert_eq(e.code, ERR_EXISTS);
	cr_assert(strstr(e.msg, "--force"), "%s", e.msg);
	cr_assert_eq(atomic_open(&af, dest, true, &e), 0, "%s", e.msg);
	fputs("nouveau", af.fp);
	cr_assert_eq(atomic_commit(&af, &e), 0, "%s", e.msg);
	got = t_read(dest, NULL);
	cr_assert_str_eq(got, "nouveau");
	cr_assert_eq(n_files(), 1);
	free(got);
	free(dest);
}

/* A file of that name created while the export was being written (another
 * export, another program) is never replaced without force: the check at
 * the open is not enough, the commit takes the name with link(2). */
Test(atomic, keeps_a_file_created_while_writing)
{
	char *dest = t_path("export.csv"), *got;
	struct atomic_file af;
	struct err e;

	cr_assert_eq(atomic_open(&af, dest, false, &e), 0, "%s", e.msg);
	fputs("le nôtre", af.fp);
	free(t_write("export.csv", "l'autre"));
	cr_assert_eq(atomic_commit(&af, &e), -1);
	cr_assert_eq(e.code, ERR_EXISTS);
	cr_assert(strstr(e.msg, "existe maintenant"), "%s", e.msg);
	got = t_read(dest, NULL);
	cr_assert_str_eq(got, "l'autre");
	cr_assert_eq(n_files(), 1, "the temporary file is removed");
	free(got);
	free(dest);
}

Test(atomic, abort_leaves_nothing)
{
	char *dest = t_path("rapport.html");
	struct atomic_file af;
	struct err e;

	cr_assert_eq(atomic_open(&af, dest, false, &e), 0, "%s", e.msg);
	fputs("<p>", af.fp);
	atomic_abort(&af);
	cr_assert_eq(n_files(), 0);
	free(dest);
}

/* While it is being written, the file has no name (O_TMPFILE here):
 * a write killed on the way would leave nothing behind. */
Test(atomic, the_file_being_written_has_no_name)
{
	char *dest = t_path("rapport.html");
	struct atomic_file af;
	struct err e;

	cr_assert_eq(atomic_open(&af, dest, false, &e), 0, "%s", e.msg);
	fputs("<p>", af.fp);
	fflush(af.fp);
	cr_assert_null(af.tmp, "O_TMPFILE is available on the test machine");
	cr_assert_eq(n_files(), 0);
	cr_assert_eq(atomic_commit(&af, &e), 0, "%s", e.msg);
	cr_assert_eq(n_files(), 1);
	cr_assert_eq(t_mode(dest), 0600);
	free(dest);
}

/* Replacing an existing file (--force) goes through a temporary name
 * for an instant only. */
Test(atomic, force_replaces_and_leaves_nothing_else)
{
	char *dest = t_write("rapport.html", "ancien"), *got;
	struct atomic_file af;
	struct err e;

	cr_assert_eq(atomic_open(&af, dest, true, &e), 0, "%s", e.msg);
	fputs("nouveau", af.fp);
	cr_assert_eq(atomic_commit(&af, &e), 0, "%s", e.msg);
	got = t_read(dest, NULL);
	cr_assert_str_eq(got, "nouveau");
	cr_assert_eq(n_files(), 1);
	free(got);
	free(dest);
}

/* Leftovers of killed writes of the same file (an older suivi, a file
 * system without O_TMPFILE): removed at the next write, unless a live
 * writer holds one (flock), or it is brand new, or it is not ours by
 * name. */
Test(atomic, the_next_write_removes_leftovers_of_killed_ones)
{
	char *dest = t_path("copie.db");
	char *old = t_write("copie.db.tmp-AbC123", "12 Mo"),
	     *held = t_write("copie.db.tmp-Zz9999", "en cours"),
	     *fresh = t_write("copie.db.tmp-Qq0000", "à l'instant"),
	     *other = t_write("copie.db.tmp-long-name", "autre"),
	     *mine = t_write("autre.db.tmp-AbC123", "autre");
	struct timespec past[2] = { { .tv_sec = 1700000000 },
				    { .tv_sec = 1700000000 } };
	struct atomic_file af;
	struct err e;
	int fd;

	cr_assert_eq(utimensat(AT_FDCWD, old, past, 0), 0);
	cr_assert_eq(utimensat(AT_FDCWD, held, past, 0), 0);
	cr_assert_eq(utimensat(AT_FDCWD, other, past, 0), 0);
	cr_assert_eq(utimensat(AT_FDCWD, mine, past, 0), 0);
	fd = open(held, O_RDONLY);
	cr_assert(fd >= 0);
	cr_assert_eq(flock(fd, LOCK_EX), 0);
	cr_assert_eq(atomic_open(&af, dest, false, &e), 0, "%s", e.msg);
	fputs("copie", af.fp);
	cr_assert_eq(atomic_commit(&af, &e), 0, "%s", e.msg);
	cr_assert_neq(access(old, F_OK), 0, "a leftover nobody holds: removed");
	cr_assert_eq(access(held, F_OK), 0, "a live writer's file: kept");
	cr_assert_eq(access(fresh, F_OK), 0, "a brand new one: kept");
	cr_assert_eq(access(other, F_OK), 0, "not a name of ours: kept");
	cr_assert_eq(access(mine, F_OK), 0, "another file's: kept");
	close(fd);
	free(dest);
	free(old);
	free(held);
	free(fresh);
	free(other);
	free(mine);
}
