/*
 * open.c - the database as the configuration names it, opened for a
 * command or the interface: created with the bundled contracts on the
 * first run, the interactive lock, what the open must say on stderr.
 */
#include "suivi/cli.h"
#include "suivi/lock.h"
#include "suivi/paths.h"
#include "suivi/xalloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The bundled contract files (*.ini of DATADIR/contrats), sorted. */
static char **bundled_contracts(int *n)
{
	char *data = paths_datadir();
	char *dir;
	char **v = NULL;
	size_t cap = 0, k = 0;
	DIR *d;
	struct dirent *de;

	*n = 0;
	if (!data)
		return NULL;
	dir = xasprintf("%s/contrats", data);
	free(data);
	d = opendir(dir);
	if (!d) {
		free(dir);
		return NULL;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (len > 4 && !strcmp(de->d_name + len - 4, ".ini")) {
			v = xgrow(v, &cap, k + 1, sizeof *v);
			v[k++] = xasprintf("%s/%s", dir, de->d_name);
		}
	}
	closedir(d);
	free(dir);
	if (k > 1)
		qsort(v, k, sizeof *v, cmp_str);
	*n = (int)k;
	return v;
}

/* First run: the bundled contracts, in the transaction that creates the
 * schema. */
static int seed_bundled(struct store *st, void *ctx, struct err *e)
{
	struct app *app = ctx;
	int n, rc = 0;
	char **files = bundled_contracts(&n);

	cli_printf(stderr, "suivi : nouvelle base %s\n", app->db_path);
	if (n == 0)
		cli_printf(stderr, "suivi : contrats fournis introuvables "
			"(SUIVI_DATADIR) : base créée vide\n");
	else
		rc = cli_import_files(st, files, n, stderr, e);
	for (int i = 0; i < n; i++)
		free(files[i]);
	free(files);
	return rc;
}

void cli_say_notice(const struct store *st)
{
	if (store_notice(st))
		cli_printf(stderr, "suivi : %s\n", store_notice(st));
}

int cli_open_store(struct app *app, enum store_mode mode, struct store **out,
		   struct err *e)
{
	if (store_open_seeded(app->db_path, mode, seed_bundled, app, out,
			      e) != 0) {
		if (e->code == ERR_NOTFOUND && mode != STORE_WRITE)
			err_set(e, ERR_NOTFOUND, "la base %s n'existe pas encore : "
				"lancez « suivi » une première fois pour la créer",
				app->db_path);
		return -1;
	}
	cli_say_notice(*out);
	store_set_author(*out, app->cfg.referent ? app->cfg.referent
						 : getenv("USER"));
	return 0;
}

/* The command line: a wait said on stderr (where a person may be
 * watching a command that seems stuck). */
void cli_busy_said(void *ctx, const char *path, int seconds)
{
	(void)ctx;
	cli_printf(stderr, "suivi : la base %s est occupée par un autre "
		   "programme ; suivi attend qu'elle se libère (%d s au "
		   "plus)…\n", path, seconds);
}

/* A lock that cannot even be created (read-only folder) does not stop a
 * reader: nothing can be written there anyway. */
static int take_lock(const char *db, struct lock *lk, struct err *e)
{
	if (lock_acquire(db, lk, e) == 0 || e->code == ERR_BUSY ||
	    e->code == ERR_INPUT)
		return lk->fd >= 0 ? 0 : -1;
	cli_printf(stderr, "suivi : avertissement : %s\n", e->msg);
	err_clear(e);
	return 0;
}

int cli_open_interactive(struct app *app, enum store_mode existing,
			 struct store **st, struct lock *lk, struct err *e)
{
	*st = NULL;
	lk->fd = lk->db_fd = -1;
	lk->path = NULL;
	/* Locked before the database is opened (and possibly upgraded); a
	 * new database is created first, its folder with it. */
	if (access(app->db_path, F_OK) == 0)
		return take_lock(app->db_path, lk, e) != 0 ||
		       cli_open_store(app, existing, st, e) != 0 ? -1 : 0;
	return cli_open_store(app, STORE_WRITE, st, e) != 0 ||
	       take_lock(app->db_path, lk, e) != 0 ? -1 : 0;
}

