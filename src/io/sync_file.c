/* The sync file's container (sync_file.h): written whole through
 * atomic.h, read whole and checked before anything is returned. */
#include "suivi/sync_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "suivi/atomic.h"
#include "suivi/text.h"
#include "suivi/sha256.h"
#include "suivi/strbuf.h"
#include "suivi/xalloc.h"

/* A file this size is not ours: a sync file of ten years of one commune
 * is a few megabytes. */
#define SYNC_FILE_MAX (1024L * 1024 * 1024)

void sync_file_init(struct sync_file *f)
{
	memset(f, 0, sizeof *f);
	f->format = SYNC_FILE_FORMAT;
}

void sync_entry_release(struct sync_entry *x)
{
	free(x->at);
	free(x->author);
	free(x->deps);
	free(x->blob);
	memset(x, 0, sizeof *x);
}

void sync_file_release(struct sync_file *f)
{
	free(f->label);
	free(f->created);
	free(f->scope);
	for (size_t i = 0; i < f->n_contracts; i++)
		free(f->contracts[i].identifier);
	free(f->contracts);
	free(f->have);
	for (size_t i = 0; i < f->n_entries; i++)
		sync_entry_release(&f->entries[i]);
	free(f->entries);
	sync_file_init(f);
}

/* One line of text: controls (a newline) become spaces. */
static void add_text(struct strbuf *sb, const char *s)
{
	if (!s || !*s) {
		strbuf_addch(sb, '-');
		return;
	}
	for (; *s; s++)
		strbuf_addch(sb, (unsigned char)*s < 0x20 || *s == 0x7f ? ' '
									  : *s);
}

static void hex(const unsigned char d[32], char out[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void digest(const void *buf, size_t len, char out[65])
{
	struct sha256 c;
	unsigned char d[32];

	sha256_init(&c);
	sha256_update(&c, buf, len);
	sha256_final(&c, d);
	hex(d, out);
}

int sync_file_write(const struct sync_file *f, const char *path, bool force,
		    struct err *e)
{
	struct strbuf sb;
	struct atomic_file af;
	char sum[65];
	int rc = 0;

	strbuf_init(&sb);
	strbuf_addf(&sb, "suivi-sync %d\nsource %s\nlabel ", SYNC_FILE_FORMAT,
		    f->source);
	add_text(&sb, f->label);
	strbuf_addstr(&sb, "\ncreated ");
	add_text(&sb, f->created);
	strbuf_addstr(&sb, "\nscope ");
	add_text(&sb, f->scope);
	strbuf_addf(&sb, "\nrange %lld %lld\n", f->first, f->last);
	for (size_t i = 0; i < f->n_contracts; i++) {
		strbuf_addf(&sb, "contract %s ", f->contracts[i].uid);
		add_text(&sb, f->contracts[i].identifier);
		strbuf_addch(&sb, '\n');
	}
	for (size_t i = 0; i < f->n_have; i++)
		strbuf_addf(&sb, "have %s %s %lld\n", f->have[i].origin,
			    f->have[i].contract_uid, f->have[i].number);
	strbuf_addf(&sb, "entries %zu\n", f->n_entries);
	for (size_t i = 0; i < f->n_entries; i++) {
		const struct sync_entry *x = &f->entries[i];

		strbuf_addf(&sb, "entry %s %s %lld %lld %lld %zu ", x->origin,
			    x->contract_uid, x->number, x->stamp, x->rows,
			    x->size);
		add_text(&sb, x->at);
		strbuf_addch(&sb, ' ');
		add_text(&sb, x->deps);
		strbuf_addstr(&sb, "\nauthor ");
		add_text(&sb, x->author);
		strbuf_addch(&sb, '\n');
		strbuf_add(&sb, x->blob, x->size);
		strbuf_addch(&sb, '\n');
	}
	digest(sb.buf, sb.len, sum);
	strbuf_addf(&sb, "end %s\n", sum);
	if (atomic_open(&af, path, force, e) != 0) {
		strbuf_release(&sb);
		return -1;
	}
	if (fwrite(sb.buf, 1, sb.len, af.fp) != sb.len) {
		err_set(e, ERR_IO, "impossible d'écrire %s : %s", path,
			err_errno_fr(errno));
		atomic_abort(&af);
		rc = -1;
	} else if (atomic_commit(&af, e) != 0) {
		rc = -1;
	}
	strbuf_release(&sb);
	return rc;
}

/* The reader: a cursor over the bytes, each line taken whole. */
struct reader {
	const unsigned char *p, *end;
	const char *name;
	struct err *e;
};

static int damaged(struct reader *r, const char *what)
{
	err_set(r->e, ERR_INPUT, "%s : fichier de synchronisation endommagé ou "
		"incomplet (%s). Rien n'a été importé ; demandez un nouveau "
		"fichier.", r->name, what);
	return -1;
}

/* The next line, NUL-terminated in a heap copy; NULL at the end or on a
 * NUL byte inside it. */
static char *line(struct reader *r)
{
	const unsigned char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	char *s;

	if (!nl || memchr(r->p, '\0', (size_t)(nl - r->p)))
		return NULL;
	s = xstrndup((const char *)r->p, (size_t)(nl - r->p));
	r->p = nl + 1;
	return s;
}

static bool is_id(const char *s)
{
	return strlen(s) == 32 && strspn(s, "0123456789abcdef") == 32;
}

/* "key rest": rest after the key and one space, or NULL. */
static const char *after(const char *l, const char *key)
{
	size_t n = strlen(key);

	return !strncmp(l, key, n) && l[n] == ' ' ? l + n + 1 : NULL;
}

static char *text_field(const char *s)
{
	return strcmp(s, "-") ? xstrdup(s) : NULL;
}

static bool number(const char *s, long long *out)
{
	char *end;

	errno = 0;
	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return false;
	*out = strtoll(s, &end, 10);
	return !errno && !*end;
}

/* "id id n n n n word word" into its fields. */
static int parse_entry(struct reader *r, const char *rest, struct sync_entry *x)
{
	char origin[40], contract[40], at[64], deps[4096];
	long long n, stamp, rows, size;
	char tail;

	if (strlen(rest) > 4000 ||
	    sscanf(rest, "%39s %39s %lld %lld %lld %lld %63s %4095s%c", origin,
		   contract, &n, &stamp, &rows, &size, at, deps, &tail) != 8 ||
	    !is_id(origin) || !is_id(contract) || n < 1 || stamp < 0 ||
	    rows < 0 || size < 0 || size > r->end - r->p)
		return damaged(r, "entrée illisible");
	memcpy(x->origin, origin, SYNC_ID_LEN);
	memcpy(x->contract_uid, contract, SYNC_ID_LEN);
	x->number = n;
	x->stamp = stamp;
	x->rows = rows;
	x->size = (size_t)size;
	x->at = text_field(at);
	x->deps = xstrdup(strcmp(deps, "-") ? deps : "");
	return 0;
}

int sync_file_parse(const unsigned char *buf, size_t len, const char *name,
		    struct sync_file *f, struct err *e)
{
	struct reader r = { buf, buf + len, name, e };
	const unsigned char *end_line;
	char *l = NULL, sum[65];
	const char *v;
	long long n_entries;
	int format;
	size_t cap_c = 0, cap_h = 0;

	sync_file_init(f);
	if (len < 11 || memcmp(buf, "suivi-sync ", 11) != 0) {
		err_set(e, ERR_INPUT, "%s n'est pas un fichier de synchronisation "
			"de suivi (il commence par « suivi-sync »). Rien n'a été "
			"importé.", name);
		return -1;
	}
	l = line(&r);
	if (!l || sscanf(l, "suivi-sync %d", &format) != 1 || format < 1) {
		free(l);
		return damaged(&r, "en-tête");
	}
	free(l);
	l = NULL;
	if (format > SYNC_FILE_FORMAT) {
		err_set(e, ERR_NEWER, "%s est au format de synchronisation %d, "
			"plus récent que celui de ce suivi (%d) : mettez suivi à "
			"jour sur cet ordinateur. Rien n'a été importé.", name,
			format, SYNC_FILE_FORMAT);
		return -1;
	}
	/* the checksum first: nothing below is trusted before it */
	if (len < 69 || buf[len - 1] != '\n')
		return damaged(&r, "fin du fichier absente");
	end_line = buf + len - 69;
	if (memcmp(end_line, "end ", 4) != 0 ||
	    (end_line > buf && end_line[-1] != '\n'))
		return damaged(&r, "fin du fichier absente");
	digest(buf, (size_t)(end_line - buf), sum);
	if (memcmp(end_line + 4, sum, 64) != 0)
		return damaged(&r, "somme de contrôle fausse");
	r.end = end_line;
	f->format = format;
#define NEXT(key)                                                         \
	do {                                                              \
		free(l);                                                  \
		if (!(l = line(&r)) || !(v = after(l, key))) {            \
			free(l);                                          \
			sync_file_release(f);                             \
			return damaged(&r, "ligne « " key " » attendue"); \
		}                                                         \
	} while (0)
	NEXT("source");
	if (!is_id(v)) {
		free(l);
		sync_file_release(f);
		return damaged(&r, "source");
	}
	memcpy(f->source, v, SYNC_ID_LEN);
	NEXT("label");
	f->label = text_field(v);
	NEXT("created");
	f->created = text_field(v);
	NEXT("scope");
	f->scope = text_field(v);
	NEXT("range");
	if (sscanf(v, "%lld %lld", &f->first, &f->last) != 2) {
		free(l);
		sync_file_release(f);
		return damaged(&r, "range");
	}
	for (;;) {
		free(l);
		if (!(l = line(&r))) {
			sync_file_release(f);
			return damaged(&r, "en-tête incomplet");
		}
		if ((v = after(l, "contract"))) {
			struct sync_contract_name *c;

			if (strlen(v) < 34 || v[32] != ' ') {
				free(l);
				sync_file_release(f);
				return damaged(&r, "contrat");
			}
			f->contracts = xgrow(f->contracts, &cap_c,
					     f->n_contracts + 1, sizeof *c);
			c = &f->contracts[f->n_contracts++];
			memcpy(c->uid, v, 32);
			c->uid[32] = '\0';
			c->identifier = xstrdup(v + 33);
			if (!is_id(c->uid)) {
				free(l);
				sync_file_release(f);
				return damaged(&r, "contrat");
			}
		} else if ((v = after(l, "have"))) {
			struct sync_have *h;
			char o[40], c[40], tail;
			long long num;

			if (sscanf(v, "%39s %39s %lld%c", o, c, &num, &tail) != 3 ||
			    !is_id(o) || !is_id(c) || num < 0) {
				free(l);
				sync_file_release(f);
				return damaged(&r, "have");
			}
			f->have = xgrow(f->have, &cap_h, f->n_have + 1,
					sizeof *h);
			h = &f->have[f->n_have++];
			memcpy(h->origin, o, SYNC_ID_LEN);
			memcpy(h->contract_uid, c, SYNC_ID_LEN);
			h->number = num;
		} else if ((v = after(l, "entries"))) {
			break;
		} else {
			free(l);
			sync_file_release(f);
			return damaged(&r, "ligne inconnue");
		}
	}
	if (!number(v, &n_entries) || n_entries > (r.end - r.p) / 8 + 1) {
		free(l);
		sync_file_release(f);
		return damaged(&r, "nombre d'entrées");
	}
	free(l);
	l = NULL;
	f->entries = n_entries ? xcalloc((size_t)n_entries, sizeof *f->entries)
			       : NULL;
	for (long long i = 0; i < n_entries; i++) {
		struct sync_entry *x = &f->entries[i];

		f->n_entries = (size_t)i + 1;
		NEXT("entry");
		if (parse_entry(&r, v, x) != 0) {
			free(l);
			sync_file_release(f);
			return -1;
		}
		NEXT("author");
		x->author = text_field(v);
		if ((size_t)(r.end - r.p) < x->size + 1 ||
		    r.p[x->size] != '\n') {
			free(l);
			sync_file_release(f);
			return damaged(&r, "changements tronqués");
		}
		x->blob = xmalloc(x->size ? x->size : 1);
		memcpy(x->blob, r.p, x->size);
		r.p += x->size + 1;
	}
#undef NEXT
	free(l);
	if (r.p != r.end) {
		sync_file_release(f);
		return damaged(&r, "octets en trop");
	}
	return 0;
}

int sync_file_read(const char *path, struct sync_file *f, struct err *e)
{
	FILE *fp;
	struct stat sb;
	unsigned char *buf;
	size_t got;
	int rc;

	sync_file_init(f);
	fp = fopen(path, "rb");
	if (!fp) {
		err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
			"impossible de lire %s : %s", path, err_errno_fr(errno));
		return -1;
	}
	if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		err_set(e, ERR_INPUT, "%s n'est pas un fichier ordinaire", path);
		fclose(fp);
		return -1;
	}
	if (sb.st_size > SYNC_FILE_MAX) {
		err_set(e, ERR_INPUT, "%s est trop gros pour un fichier de "
			"synchronisation (%lld octets, au plus %ld)", path,
			(long long)sb.st_size, SYNC_FILE_MAX);
		fclose(fp);
		return -1;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	got = fread(buf, 1, (size_t)sb.st_size + 1, fp);
	if (ferror(fp)) {
		err_set(e, ERR_IO, "impossible de lire %s : %s", path,
			err_errno_fr(errno));
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	rc = sync_file_parse(buf, got, path, f, e);
	free(buf);
	return rc;
}

/* --- Changesets, checked -------------------------------------------- */

/* SQLite's varint: big-endian groups of 7 bits, the high bit set on all
 * but the last; the 9th byte, when reached, gives 8 bits. */
static bool varint(const unsigned char *p, size_t n, size_t *at,
		   unsigned long long *v)
{
	*v = 0;
	for (int i = 0; i < 9; i++) {
		if (*at >= n)
			return false;
		if (i == 8) {
			*v = (*v << 8) | p[(*at)++];
			return true;
		}
		*v = (*v << 7) | (p[*at] & 0x7f);
		if (!(p[(*at)++] & 0x80))
			return true;
	}
	return false;
}

static bool value(const unsigned char *p, size_t n, size_t *at,
		  bool undefined_ok)
{
	unsigned char type;
	unsigned long long len;

	if (*at >= n)
		return false;
	type = p[(*at)++];
	switch (type) {
	case 0:			/* undefined */
		return undefined_ok;
	case 1:			/* integer */
	case 2:			/* real */
		if (n - *at < 8)
			return false;
		*at += 8;
		return true;
	case 3:			/* text */
	case 4:			/* blob */
		if (!varint(p, n, at, &len) || len > n - *at || len > 0x7fffffff)
			return false;
		if (type == 3 && !text_utf8_valid((const char *)p + *at,
						  (size_t)len, NULL))
			return false;
		*at += (size_t)len;
		return true;
	case 5:			/* NULL */
		return true;
	default:
		return false;
	}
}

/* A record of ncol values. An update's old record has its key, its new
 * one has not (pk: the table's flags; which: 0 insert or delete, 1 an
 * update's old record, 2 its new one). */
static bool record(const unsigned char *p, size_t n, size_t *at, int ncol,
		   const unsigned char *pk, int which)
{
	for (int c = 0; c < ncol; c++) {
		size_t before = *at;

		if (!value(p, n, at, which != 0))
			return false;
		if (which == 1 && pk[c] && p[before] == 0)
			return false;
		if (which == 2 && pk[c] && p[before] != 0)
			return false;
	}
	return true;
}

int sync_changeset_check(const unsigned char *p, size_t n, sync_table_fn table,
			 void *ctx, const char **why)
{
	size_t at = 0;
	int ncol = 0;
	const unsigned char *pk = NULL;

	*why = NULL;
	if (n == 0)
		return 0;
	while (at < n) {
		if (p[at] == 'T') {
			unsigned long long nc;
			const unsigned char *name, *nul;

			at++;
			if (!varint(p, n, &at, &nc) || nc < 1 || nc > 64 ||
			    nc > n - at) {
				*why = "en-tête de table";
				return -1;
			}
			ncol = (int)nc;
			for (int c = 0; c < ncol; c++)
				if (p[at + (size_t)c] > 1) {
					*why = "clé de table";
					return -1;
				}
			name = p + at + ncol;
			nul = memchr(name, '\0', n - at - (size_t)ncol);
			if (!nul || nul == name ||
			    !text_utf8_valid((const char *)name,
					     (size_t)(nul - name), NULL)) {
				*why = "nom de table";
				return -1;
			}
			pk = p + at;
			if (table((const char *)name, ncol, pk, ctx) != 0) {
				*why = "table inconnue";
				return -1;
			}
			at = (size_t)(nul - p) + 1;
			continue;
		}
		if (!ncol || n - at < 2 || p[at + 1] > 1) {
			*why = "changement";
			return -1;
		}
		switch (p[at]) {
		case 18:	/* insert: the new record */
			at += 2;
			if (!record(p, n, &at, ncol, pk, 0)) {
				*why = "ligne ajoutée";
				return -1;
			}
			break;
		case 9:		/* delete: the old record */
			at += 2;
			if (!record(p, n, &at, ncol, pk, 0)) {
				*why = "ligne supprimée";
				return -1;
			}
			break;
		case 23:	/* update: old then new */
			at += 2;
			if (!record(p, n, &at, ncol, pk, 1) ||
			    !record(p, n, &at, ncol, pk, 2)) {
				*why = "ligne modifiée";
				return -1;
			}
			break;
		default:
			*why = "opération inconnue";
			return -1;
		}
	}
	return 0;
}
