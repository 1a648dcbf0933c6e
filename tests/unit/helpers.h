/*
 * helpers.h - what the unit tests share: a private temporary folder per
 * test, files written from strings, byte-for-byte comparisons, and the
 * project's top folder (SUIVI_TOP, set by the Makefile).
 */
#ifndef SUIVI_TEST_HELPERS_H
#define SUIVI_TEST_HELPERS_H

#include <stdbool.h>
#include <stddef.h>

/* A fresh folder under $TMPDIR, removed at exit. */
const char *t_dir(void);
/* t_dir()/name, heap string. */
char *t_path(const char *name);
/* Write content to t_dir()/name; returns the path (heap). */
char *t_write(const char *name, const char *content);
/* Whole file as a heap string (NULL if unreadable); *len if not NULL. */
char *t_read(const char *path, size_t *len);
bool t_same_bytes(const char *a, const char *b);
int t_copy(const char *from, const char *to);
/* $SUIVI_TOP/rel (or ./rel), heap string. */
char *t_top(const char *rel);
/* Octal permission bits of path, or -1. */
int t_mode(const char *path);

struct store;
/* Import the contract or amendment file rel (under the top folder) into
 * st, as suivi import does; a file that does not read or import fails
 * the test. */
void t_import(struct store *st, const char *rel);

/* The database t_path(name), opened STORE_WRITE, as fill(st, ctx) makes
 * it from an empty one. When SUIVI_TEST_CACHE names a folder (make
 * valgrind sets one per run: there the schema and the imports are most
 * of each test's time), fill runs once per key in the run and each test
 * gets a copy; else fill runs here. key names what fill makes. */
struct store *t_store_cached(const char *name, const char *key,
			     void (*fill)(struct store *st, void *ctx),
			     void *ctx);
/* The same with the contract files (relative to the top folder, NULL
 * ended) imported in order; keyed by their names. */
struct store *t_store_with(const char *name, const char *const *files);

#endif
