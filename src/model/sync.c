/*
 * Sync files (sync.h): export and import, once for suivi sync and the
 * Synchronisation screen; conflicts and receipts in words.
 */
#include "suivi/sync.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "suivi/date.h"
#include "suivi/store_contract.h"
#include "suivi/strbuf.h"
#include "suivi/sync_file.h"
#include "suivi/sync_words.h"
#include "suivi/value.h"
#include "suivi/xalloc.h"

#define PEER_ALL "tous"

int sync_export(struct store *st, const struct sync_export_opts *o,
		struct sync_export_result *r, struct err *e)
{
	struct sync_file f;
	char uid[STORE_UID_LEN];
	const char *contract = NULL;
	char *peer, *ident = NULL;
	int rc;

	memset(r, 0, sizeof *r);
	err_clear(e);
	if (!o->path || !*o->path) {
		err_set(e, ERR_USAGE, "indiquez le fichier à écrire (-o FICHIER)");
		return -1;
	}
	if (o->peer && !*o->peer) {
		err_set(e, ERR_USAGE, "nom de destinataire vide");
		return -1;
	}
	if (o->commune) {
		struct contract_info *cs;
		size_t n;

		if (store_contract_find(st, o->commune, uid, e) != 0 ||
		    store_contract_list(st, &cs, &n, e) != 0)
			return -1;
		contract = uid;
		/* the commune's peer is its contract, however it was named */
		for (size_t i = 0; i < n; i++)
			if (!strcmp(cs[i].uid, uid))
				ident = xstrdup(cs[i].identifier);
		store_contract_list_free(cs, n);
	}
	peer = xstrdup(o->peer ? o->peer : ident ? ident : PEER_ALL);
	if (store_sync_outgoing(st, peer, contract, ident ? ident : "*",
				o->all, &f, e) != 0) {
		free(ident);
		free(peer);
		return -1;
	}
	{
		struct stat sb;

		r->path = stat(o->path, &sb) == 0 && S_ISDIR(sb.st_mode)
				  ? sync_file_name(o->path, peer, f.source,
						   f.created)
				  : xstrdup(o->path);
	}
	rc = sync_file_write(&f, r->path, o->force, e);
	if (rc == 0)
		rc = store_sync_sent(st, peer, &f, r->path, e);
	if (rc == 0) {
		r->entries = f.n_entries;
		for (size_t i = 0; i < f.n_entries; i++)
			r->rows += f.entries[i].rows;
		r->contracts = f.n_contracts;
		r->peer = peer;
		peer = NULL;
	}
	free(peer);
	free(ident);
	if (rc != 0) {
		free(r->path);
		r->path = NULL;
	}
	sync_file_release(&f);
	return rc;
}

void sync_export_result_release(struct sync_export_result *r)
{
	free(r->peer);
	free(r->path);
	memset(r, 0, sizeof *r);
}

int sync_import(struct store *st, const char *path, struct sync_receipt *r,
		struct err *e)
{
	struct sync_file f;
	int rc;

	memset(r, 0, sizeof *r);
	err_clear(e);
	if (sync_file_read(path, &f, e) != 0)
		return -1;
	rc = store_sync_receive(st, &f, path, r, e);
	sync_file_release(&f);
	return rc;
}

char *sync_file_name(const char *dir, const char *peer, const char *source,
		     const char *stamp)
{
	struct strbuf b;
	bool dash = false;

	strbuf_init(&b);
	/* letters and digits of the peer, accents folded for a FAT key */
	for (const unsigned char *p = (const unsigned char *)peer; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			strbuf_addch(&b, (char)*p);
			dash = false;
		} else if (*p >= 'A' && *p <= 'Z') {
			strbuf_addch(&b, (char)(*p - 'A' + 'a'));
			dash = false;
		} else if (*p == 0xC3 && p[1]) {
			/* é è ê ë à â î ï ô ö û ù ü ç (and capitals) */
			static const char from[] = "\xa0\xa2\xa7\xa8\xa9\xaa"
				"\xab\xae\xaf\xb4\xb6\xb9\xbb\xbc"
				"\x80\x82\x87\x88\x89\x8a\x8b\x8e"
				"\x8f\x94\x96\x99\x9b\x9c";
			static const char to[] = "aaceeeeiioouuu"
						 "aaceeeeiioouuu";
			const char *at = memchr(from, p[1], sizeof from - 1);

			if (at) {
				strbuf_addch(&b, to[at - from]);
				dash = false;
			} else if (!dash && b.len) {
				strbuf_addch(&b, '-');
				dash = true;
			}
			p++;
		} else if (!dash && b.len) {
			strbuf_addch(&b, '-');
			dash = true;
		}
	}
	while (b.len && b.buf[b.len - 1] == '-')
		b.buf[--b.len] = '\0';
	if (!b.len)
		strbuf_addstr(&b, "base");
	{
		/* "2026-12-07T18:46:05Z" → "20261207-184605" */
		char when[16] = "";
		size_t k = 0;

		for (const char *p = stamp; *p && k < 15; p++) {
			if (*p >= '0' && *p <= '9')
				when[k++] = *p;
			if (k == 8 && *p == 'T')
				when[k++] = '-';
		}
		when[k] = '\0';
		{
			/* the source's first 8 digits: two laptops writing
			 * in the same folder the same second */
			char *name = xasprintf("%s/suivi-%s-%.8s-%s.sync", dir,
					       b.buf, source, when);

			strbuf_release(&b);
			return name;
		}
	}
}

static int by_time(const void *a, const void *b)
{
	const struct sync_folder_item *x = a, *y = b;
	struct stat sa, sb;

	if (stat(x->path, &sa) == 0 && stat(y->path, &sb) == 0 &&
	    sa.st_mtime != sb.st_mtime)
		return sa.st_mtime < sb.st_mtime ? -1 : 1;
	return strcmp(x->path, y->path);
}

int sync_import_folder(struct store *st, const char *dir,
		       struct sync_folder_item **out, size_t *n,
		       struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 0;
	char self[SYNC_ID_LEN];

	*out = NULL;
	*n = 0;
	err_clear(e);
	if (!d) {
		err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
			"impossible de lire le dossier %s : %s", dir,
			err_errno_fr(errno));
		return -1;
	}
	if (store_sync_id(st, self, e) != 0) {
		closedir(d);
		return -1;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		struct sync_folder_item *it;

		if (len < 6 || strcmp(de->d_name + len - 5, ".sync") ||
		    de->d_name[0] == '.')
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		it = &(*out)[(*n)++];
		memset(it, 0, sizeof *it);
		it->path = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, by_time);
	for (size_t i = 0; i < *n; i++) {
		struct sync_folder_item *it = &(*out)[i];
		struct sync_file f;
		struct err fe;

		if (sync_file_read(it->path, &f, &fe) == 0) {
			it->own = !strcmp(f.source, self);
			if (!it->own)
				it->rc = store_sync_receive(st, &f, it->path,
							    &it->r, &fe);
			sync_file_release(&f);
		} else {
			it->rc = -1;
		}
		if (it->rc != 0)
			snprintf(it->msg, sizeof it->msg, "%s", fe.msg);
	}
	return 0;
}

void sync_folder_items_free(struct sync_folder_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

char *sync_conflict_what(const struct sync_conflict *c)
{
	return sync_words_what(c->table, c->what);
}

char *sync_conflict_version(const char *v)
{
	return sync_words_version(v);
}

const char *sync_conflict_kind(const struct sync_conflict *c)
{
	return sync_words_kind(c->kind);
}

static void count(struct strbuf *b, long long n, const char *one,
		  const char *many)
{
	strbuf_addf(b, "%s%lld %s", b->len ? ", " : "", n, n > 1 ? many : one);
}

char *sync_receipt_words(const struct sync_receipt *r)
{
	struct strbuf b;

	strbuf_init(&b);
	count(&b, r->received, "changement reçu", "changements reçus");
	if (r->duplicates)
		count(&b, r->duplicates, "déjà là", "déjà là");
	count(&b, r->applied, "appliqué", "appliqués");
	count(&b, r->rows, "ligne écrite", "lignes écrites");
	if (r->pending)
		count(&b, r->pending, "en attente d'un fichier antérieur",
		      "en attente d'un fichier antérieur");
	count(&b, r->conflicts, "conflit à examiner", "conflits à examiner");
	return strbuf_detach(&b);
}
