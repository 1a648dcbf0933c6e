#include "suivi/draft.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suivi/atomic.h"
#include "suivi/store.h"
#include "suivi/store_draft.h"
#include "suivi/xalloc.h"

#define DRAFT_MAGIC "suivi-brouillon 1\n"

char *draft_dir(void)
{
	const char *run = getenv("XDG_RUNTIME_DIR");

	if (run && run[0] == '/')
		return xasprintf("%s/suivi", run);
	return xasprintf("/tmp/suivi-%lu", (unsigned long)geteuid());
}

/* The folder, made 0700 when missing; refused when it is not a folder of
 * ours that only we can enter (another user could read the drafts). */
static int own_dir(const char *dir)
{
	struct stat sb;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) ||
	    sb.st_uid != geteuid() || (sb.st_mode & 077) != 0) {
		errno = EACCES;
		return -1;
	}
	return 0;
}

/* "<dev>-<ino>-" of the database file: the prefix of its draft files. */
static char *prefix_of(struct store *st)
{
	struct stat sb;

	if (stat(store_path(st), &sb) != 0)
		return NULL;
	return xasprintf("%llx-%llx-", (unsigned long long)sb.st_dev,
			 (unsigned long long)sb.st_ino);
}

/* Slots are short words of ours ("valeur", "saisine", "litige"…). */
static bool slot_ok(const char *slot)
{
	if (!*slot || strlen(slot) > 32)
		return false;
	for (const char *p = slot; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '_'))
			return false;
	return true;
}

static int keep_in_file(struct store *st, const char *slot,
			const char *context, const char *text, char **where,
			struct err *e)
{
	char *dir = draft_dir(), *prefix = prefix_of(st), *path = NULL;
	struct atomic_file af;
	int rc = -1;

	if (!prefix || !slot_ok(slot)) {
		err_set(e, ERR_IO, "brouillon non gardé : base introuvable");
		goto out;
	}
	if (own_dir(dir) != 0) {
		err_set(e, ERR_IO, "brouillon non gardé : dossier %s (%s)", dir,
			err_errno_fr(errno));
		goto out;
	}
	path = xasprintf("%s/%s%s", dir, prefix, slot);
	if (atomic_open(&af, path, true, e) != 0)
		goto out;
	fprintf(af.fp, DRAFT_MAGIC "%zu\n%s\n%s", strlen(context), context,
		text);
	if (atomic_commit(&af, e) != 0)
		goto out;
	*where = path;
	path = NULL;
	rc = 0;
out:
	free(path);
	free(prefix);
	free(dir);
	return rc;
}

int draft_keep(struct store *st, const char *slot, const char *context,
	       const char *text, char **where, struct err *e)
{
	struct err db;

	*where = NULL;
	if (store_draft_save(st, slot, context, text, &db) == 0)
		return 0;
	if (keep_in_file(st, slot, context, text, where, e) == 0)
		return 1;
	{
		char *why = xstrdup(e->msg);

		err_set(e, ERR_IO, "brouillon perdu : ni la base (%s) ni un "
			"fichier (%s) n'ont pu le garder", db.msg, why);
		free(why);
	}
	return -1;
}

/* The draft in file path: its context and text (heap), or -1. */
static int read_draft(const char *path, char **context, char **text)
{
	FILE *fp = fopen(path, "re");
	char *all = NULL;
	size_t n = 0, cap = 0, got, clen;
	char *p, *end;
	int rc = -1;

	if (!fp)
		return -1;
	do {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			all = xrealloc(all, cap);
		}
		got = fread(all + n, 1, cap - n - 1, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	if (!all)
		return -1;
	all[n] = '\0';
	if (strncmp(all, DRAFT_MAGIC, strlen(DRAFT_MAGIC)) != 0)
		goto out;
	p = all + strlen(DRAFT_MAGIC);
	errno = 0;
	clen = strtoul(p, &end, 10);
	if (errno || end == p || *end != '\n' ||
	    clen > n - (size_t)(end + 1 - all))
		goto out;
	p = end + 1;
	if (p[clen] != '\n')
		goto out;
	*context = xstrndup(p, clen);
	*text = xstrdup(p + clen + 1);
	rc = 0;
out:
	free(all);
	return rc;
}

int draft_recover(struct store *st, struct err *e)
{
	char *dir = draft_dir(), *prefix = prefix_of(st);
	size_t plen = prefix ? strlen(prefix) : 0;
	DIR *d;
	struct dirent *de;
	int moved = 0, rc = 0;

	if (!prefix || !(d = opendir(dir))) {
		free(prefix);
		free(dir);
		return 0;
	}
	while ((de = readdir(d))) {
		char *path, *context = NULL, *text = NULL;
		const char *slot = de->d_name + plen;

		if (strncmp(de->d_name, prefix, plen) != 0 || !slot_ok(slot))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (read_draft(path, &context, &text) == 0) {
			if (store_draft_save(st, slot, context, text, e) == 0) {
				unlink(path);
				moved++;
			} else {
				char *why = xstrdup(e->msg);

				err_set(e, ERR_IO, "un brouillon est gardé dans %s : "
					"la base ne peut pas encore le reprendre "
					"(%s)", path, why);
				free(why);
				rc = -1;
			}
		}
		free(context);
		free(text);
		free(path);
	}
	closedir(d);
	free(prefix);
	free(dir);
	return rc < 0 ? -1 : moved;
}
