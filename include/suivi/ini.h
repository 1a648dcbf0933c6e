/*
 * ini.h - INI files read safely with iniparser 4.1.
 *
 * iniparser drops an unquoted value's text after ';' or '#', keeps the
 * last of duplicate keys silently, rejects a whole file for one line over
 * 1023 bytes, lowercases names, and has crash bugs on hostile input. So
 * ini_read first scans the bytes itself (UTF-8, line length, quoting,
 * duplicates, syntax) and reports every problem with its line; only a file
 * that passes is handed to iniparser, from an in-memory copy of exactly
 * the bytes scanned, and every value iniparser returns is checked against
 * the scan. Values are only ever read as strings.
 *
 * An ini_file owns all its strings. Section names keep the case written
 * in the file; keys are lowercase ASCII.
 */
#ifndef SUIVI_INI_H
#define SUIVI_INI_H

#include <stddef.h>

#include "suivi/err.h"

#define INI_LINE_MAX 1000		/* bytes, without the newline */
#define INI_FILE_MAX (4u << 20)		/* bytes */

struct ini_entry {
	char *key;
	char *value;
	int line;
};

struct ini_section {
	char *name;		/* as written, e.g. "indicateur nsi/3.3.2" */
	int line;
	struct ini_entry *entries;
	size_t n, cap;
};

struct ini_file {
	char *path;
	char *text;		/* the file's bytes, NUL-terminated */
	size_t len;
	struct ini_section *sections;
	size_t n, cap;
};

/* Read path into f. Every problem is added to diags as FILE:LINE: message.
 * Returns 0 when the file was read without problem, -1 otherwise (f is
 * then still valid to release, possibly partly filled). */
int ini_read(const char *path, struct ini_file *f, struct diag_list *diags);
void ini_file_release(struct ini_file *f);

/* The entry for key in s, or NULL. */
const struct ini_entry *ini_get(const struct ini_section *s, const char *key);

#endif
