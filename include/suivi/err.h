/*
 * err.h - how failures travel from the layer that detects them to the one
 * that shows them.
 *
 * A function that can fail returns 0 or -1 and fills a caller-provided
 * struct err: a code, a French message meant for the user and, when the
 * failure is about a file, the file and line. Storage and I/O never print;
 * the CLI prints err_print(), the UI shows err.msg.
 *
 * A diag_list collects several problems at once (validation reports every
 * problem of a file, not only the first).
 */
#ifndef SUIVI_ERR_H
#define SUIVI_ERR_H

#include <stddef.h>
#include <stdio.h>

enum err_code {
	ERR_NONE = 0,
	ERR_USAGE,	/* bad command line: exit status 2 */
	ERR_INPUT,	/* bad file or value given by the user */
	ERR_IO,		/* the system refused (open, write, disk full…) */
	ERR_DB,		/* the database refused or is unusable */
	ERR_BUSY,	/* another process holds the database */
	ERR_NEWER,	/* database written by a newer suivi */
	ERR_FOREIGN,	/* not a suivi database */
	ERR_CORRUPT,	/* database damaged */
	ERR_EXISTS,	/* would overwrite */
	ERR_NOTFOUND,
};

#define ERR_MSG_MAX 1024
#define ERR_FILE_MAX 512

struct err {
	enum err_code code;
	char msg[ERR_MSG_MAX];
	char file[ERR_FILE_MAX];	/* empty when not about a file */
	int line;			/* 0 when not about a line */
};

/* Fill e (if not NULL) with code and a printf-style message. The format
 * must be a literal of ours; user text goes in arguments only, and each
 * text argument is neutralised as it is put in (text_vformat: a control
 * character, '\n' included, an invalid byte or a bidirectional override
 * shows as "?"), the file name too, so that e.msg and e.file can be
 * printed or drawn as they are. A message longer than ERR_MSG_MAX - 1
 * bytes is cut at a character and ends with "…". */
void err_set(struct err *e, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same, attached to a file and line (line 0: whole file). */
void err_set_at(struct err *e, enum err_code code, const char *file, int line,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void err_clear(struct err *e);
/* "FILE:LINE: message" or "FILE: message" or "message", with a newline. */
void err_print(const struct err *e, FILE *out);

/* A French sentence for a system error number (strerror follows
 * LC_MESSAGES, which may be English). */
const char *err_errno_fr(int errnum);

struct diag {
	char *file;
	int line;
	char *msg;
};

struct diag_list {
	struct diag *v;
	size_t n, cap;
};

void diag_list_init(struct diag_list *d);
void diag_list_release(struct diag_list *d);
/* A problem, its message and file neutralised as err_set's. */
void diag_add(struct diag_list *d, const char *file, int line,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Sort by file (stable) then line, and print "FILE:LINE: message". */
void diag_list_print(struct diag_list *d, FILE *out);

#endif
