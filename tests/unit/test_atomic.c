#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
