/*
 * xalloc.h - allocation that never returns NULL.
 *
 * Out of memory is fatal: the registered hook (the UI restores the
 * terminal) runs, a French message goes to stderr and the process aborts.
 */
#ifndef SUIVI_XALLOC_H
#define SUIVI_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array so that it holds at least need elements. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* xstrdup that maps NULL to NULL. */
char *xstrdup_or_null(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

typedef void (*xalloc_fail_fn)(void);
void xalloc_set_fail_hook(xalloc_fail_fn fn);

/* What cannot go on (memory exhausted, the code disagreeing with itself):
 * the hook runs first (the terminal restored), then the message on
 * stderr, then abort. */
_Noreturn void xfatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif
