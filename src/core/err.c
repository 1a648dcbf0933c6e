#include "suivi/err.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Copy src into dst (size n > 0) whole or, when it does not fit, cut at
 * a character boundary with "…" at the end: the limit says so. */
static void copy_cut(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src), keep;

	if (len < n) {
		memcpy(dst, src, len + 1);
		return;
	}
	keep = n - 4;	/* room for "…" (3 bytes) and the NUL */
	while (keep > 0 && ((unsigned char)src[keep] & 0xC0) == 0x80)
		keep--;
	memcpy(dst, src, keep);
	memcpy(dst + keep, "\xE2\x80\xA6", 4);
}

/* The message and the file name go through text_vformat and
 * text_defang here, once, so that whatever shows or prints an err (the
 * CLI, the status line) has nothing raw left to neutralise. */
static void vset(struct err *e, enum err_code code, const char *file,
		 int line, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));

static void vset(struct err *e, enum err_code code, const char *file,
		 int line, const char *fmt, va_list ap)
{
	char *s;

	if (!e)
		return;
	e->code = code;
	s = text_vformat(fmt, ap);
	copy_cut(e->msg, sizeof e->msg, s);
	free(s);
	if (file) {
		s = text_defang(xstrdup(file));
		copy_cut(e->file, sizeof e->file, s);
		free(s);
	} else {
		e->file[0] = '\0';
	}
	e->line = line;
}

void err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(e, code, NULL, 0, fmt, ap);
	va_end(ap);
}

void err_set_at(struct err *e, enum err_code code, const char *file, int line,
		const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(e, code, file, line, fmt, ap);
	va_end(ap);
}

void err_clear(struct err *e)
{
	if (!e)
		return;
	e->code = ERR_NONE;
	e->msg[0] = e->file[0] = '\0';
	e->line = 0;
}

/* One message line: file and msg were neutralised when they were set. */
static void print_line(FILE *out, const char *file, int line, const char *msg)
{
	if (file && line > 0)
		fprintf(out, "%s:%d: %s\n", file, line, msg);
	else if (file)
		fprintf(out, "%s: %s\n", file, msg);
	else
		fprintf(out, "%s\n", msg);
}

void err_print(const struct err *e, FILE *out)
{
	print_line(out, e->file[0] ? e->file : NULL, e->line, e->msg);
}

void diag_list_init(struct diag_list *d)
{
	d->v = NULL;
	d->n = d->cap = 0;
}

void diag_list_release(struct diag_list *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	diag_list_init(d);
}

void diag_add(struct diag_list *d, const char *file, int line,
	      const char *fmt, ...)
{
	char msg[ERR_MSG_MAX], *s;
	va_list ap;

	va_start(ap, fmt);
	s = text_vformat(fmt, ap);
	va_end(ap);
	copy_cut(msg, sizeof msg, s);
	free(s);
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	d->v[d->n].msg = xstrdup(msg);
	d->v[d->n].file = file ? text_defang(xstrdup(file)) : NULL;
	d->v[d->n].line = line;
	d->n++;
}

static int cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	/* keep insertion order: compare addresses (qsort is not stable) */
	return x < y ? -1 : x > y;
}

void diag_list_print(struct diag_list *d, FILE *out)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, cmp_diag);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		print_line(out, g->file, g->line, g->msg);
	}
}

const char *err_errno_fr(int errnum)
{
	switch (errnum) {
	case ENOENT: return "fichier ou dossier introuvable";
	case EACCES: return "permission refusée";
	case EPERM: return "opération non permise";
	case EISDIR: return "c'est un dossier, pas un fichier";
	case ENOTDIR: return "un élément du chemin n'est pas un dossier";
	case ENOSPC: return "disque plein";
	case EDQUOT: return "quota disque dépassé";
	case EFBIG: return "fichier trop gros";
	case EROFS: return "système de fichiers en lecture seule";
	case EIO: return "erreur d'entrée-sortie du disque";
	case EEXIST: return "le fichier existe déjà";
	case ENAMETOOLONG: return "nom de fichier trop long";
	case ELOOP: return "trop de liens symboliques";
	case EMFILE: case ENFILE: return "trop de fichiers ouverts";
	case EWOULDBLOCK: return "ressource occupée";
	case ENOMEM: return "mémoire insuffisante";
	case EXDEV: return "déplacement entre systèmes de fichiers impossible";
	default: return "erreur système";
	}
}
