#include "helpers.h"
#include "suivi/contract_file.h"
#include "suivi/store_contract.h"

#include <criterion/criterion.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[512];

static int rm_one(const char *p, const struct stat *sb, int flag,
		  struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static void cleanup(void)
{
	if (dir[0])
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *t_dir(void)
{
	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof dir, "%s/suivi-unit-XXXXXX",
			 tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
		atexit(cleanup);
	}
	return dir;
}

char *t_path(const char *name)
{
	char *p;

	if (asprintf(&p, "%s/%s", t_dir(), name) < 0)
		abort();
	return p;
}

char *t_write(const char *name, const char *content)
{
	char *p = t_path(name);
	FILE *f = fopen(p, "wb");

	if (!f)
		abort();
	fwrite(content, 1, strlen(content), f);
	fclose(f);
	return p;
}

char *t_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;
	int c;

	if (!f)
		return NULL;
	while ((c = fgetc(f)) != EOF) {
		if (n + 2 > cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
		}
		buf[n++] = (char)c;
	}
	fclose(f);
	if (!buf)
		buf = malloc(1);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

bool t_same_bytes(const char *a, const char *b)
{
	size_t la, lb;
	char *x = t_read(a, &la), *y = t_read(b, &lb);
	bool same = x && y && la == lb && memcmp(x, y, la) == 0;

	free(x);
	free(y);
	return same;
}

int t_copy(const char *from, const char *to)
{
	size_t n;
	char *data = t_read(from, &n);
	FILE *f;

	if (!data)
		return -1;
	f = fopen(to, "wb");
	if (!f) {
		free(data);
		return -1;
	}
	fwrite(data, 1, n, f);
	fclose(f);
	free(data);
	return 0;
}

char *t_top(const char *rel)
{
	const char *top = getenv("SUIVI_TOP");
	char *p;

	if (asprintf(&p, "%s/%s", top && *top ? top : ".", rel) < 0)
		abort();
	return p;
}

int t_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -1;
	return (int)(st.st_mode & 07777);
}

void t_import(struct store *st, const char *rel)
{
	char *path = t_top(rel);
	struct contract_doc *doc;
	struct diag_list d;
	enum import_outcome outcome;
	struct err e;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s: %s", path,
		     d.n ? d.v[0].msg : "");
	cr_assert_eq(store_contract_import(st, doc, &outcome, &e), 0, "%s: %s",
		     path, e.msg);
	contract_doc_free(doc);
	diag_list_release(&d);
	free(path);
}

/* A file copied in blocks (t_copy reads byte by byte). */
static int copy_blocks(const char *from, const char *to)
{
	char buf[1 << 16];
	FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
	size_t n;
	int rc = 0;

	if (!in || !out)
		rc = -1;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	return rc;
}

struct store *t_store_cached(const char *name, const char *key,
			     void (*fill)(struct store *st, void *ctx),
			     void *ctx)
{
	const char *cache = getenv("SUIVI_TEST_CACHE");
	char *p = t_path(name);
	struct store *st;
	struct err e;

	if (cache && *cache) {
		char *tpl, *tmp;

		if (asprintf(&tpl, "%s/%s.db", cache, key) < 0 ||
		    asprintf(&tmp, "%s/%s.%ld.tmp", cache, key,
			     (long)getpid()) < 0)
			abort();
		if (access(tpl, F_OK) != 0) {
			/* the first test of the run makes it; several at
			 * once each make theirs, the last rename wins */
			cr_assert_eq(store_open(tmp, STORE_WRITE, &st, &e), 0,
				     "%s", e.msg);
			fill(st, ctx);
			store_close(st);
			cr_assert_eq(rename(tmp, tpl), 0);
		}
		cr_assert_eq(copy_blocks(tpl, p), 0, "%s", tpl);
		free(tpl);
		free(tmp);
		cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s",
			     e.msg);
	} else {
		cr_assert_eq(store_open(p, STORE_WRITE, &st, &e), 0, "%s",
			     e.msg);
		fill(st, ctx);
	}
	free(p);
	return st;
}

static void import_list(struct store *st, void *ctx)
{
	for (const char *const *f = ctx; *f; f++)
		t_import(st, *f);
}

struct store *t_store_with(const char *name, const char *const *files)
{
	/* the key: the files' names, which are the tree's (constant) */
	unsigned long long h = 1469598103934665603ULL;
	char key[32];

	for (const char *const *f = files; *f; f++)
		for (const char *c = *f; ; c++) {
			h = (h ^ (unsigned char)*c) * 1099511628211ULL;
			if (!*c)
				break;
		}
	snprintf(key, sizeof key, "files-%016llx", h);
	return t_store_cached(name, key, import_list, (void *)files);
}
