#include "suivi/err.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void vset(struct err *e, enum err_code code, const char *file,
		 int line, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));

static void vset(struct err *e, enum err_code code, const char *file,
		 int line, const char *fmt, va_list ap)
{
	if (!e)
		return;
	e->code = code;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	if (file)
		snprintf(e->file, sizeof e->file, "%s", file);
	else
		e->file[0] = '\0';
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

/* One message line, with what could drive a terminal (a name or a value
 * quoted from the input) neutralised. */
static void print_line(FILE *out, const char *file, int line, const char *msg)
{
	char *s;

	if (file && line > 0)
		s = xasprintf("%s:%d: %s", file, line, msg);
	else if (file)
		s = xasprintf("%s: %s", file, msg);
	else
		s = xstrdup(msg);
	fprintf(out, "%s\n", text_defang(s));
	free(s);
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
	char msg[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	d->v[d->n].file = xstrdup_or_null(file);
	d->v[d->n].line = line;
	d->v[d->n].msg = xstrdup(msg);
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
