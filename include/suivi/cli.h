/*
 * cli.h - git-style commands (suivi COMMAND …), one file each under
 * src/cli/, dispatched from the table in src/cli/cli.c. The only code
 * that writes to stdout. Messages go to stderr in French; the exit status
 * is EXIT_OK, EXIT_DATA (bad data or file, refused change) or EXIT_USAGE.
 */
#ifndef SUIVI_CLI_H
#define SUIVI_CLI_H

#include <stdio.h>

#include "suivi/across.h"
#include "suivi/run.h"
#include "suivi/store.h"

/* argv[0] is the command name. */
int cli_dispatch(struct app *app, int argc, char **argv);
void cli_usage(FILE *out);

int cmd_import(struct app *app, int argc, char **argv);
int cmd_validate(struct app *app, int argc, char **argv);
int cmd_check(struct app *app, int argc, char **argv);
int cmd_backup(struct app *app, int argc, char **argv);
int cmd_restore(struct app *app, int argc, char **argv);
int cmd_export(struct app *app, int argc, char **argv);
int cmd_summary(struct app *app, int argc, char **argv);
int cmd_set(struct app *app, int argc, char **argv);
/* suivi meeting add|action|decision|close (src/cli/cmd_meeting.c),
 * suivi report minutes (src/cli/cmd_report.c). */
int cmd_meeting(struct app *app, int argc, char **argv);
int cmd_report(struct app *app, int argc, char **argv);
int cmd_evaluation(struct app *app, int argc, char **argv);
/* suivi sync export|import|status|conflicts|review (src/cli/cmd_sync.c) */
int cmd_sync(struct app *app, int argc, char **argv);

/* Shared by the commands: print e on stderr prefixed "suivi : ", return
 * the exit status its code calls for. */
int cli_fail(const struct err *e);
/* --name VALUE or --name=VALUE at argv[*i] into *slot: 1 when it is
 * that option (*i then on its value), 0 when not, -1 when its value is
 * missing (said: "CMD : NAME attend une valeur", usage). */
int cli_option(int argc, char **argv, int *i, const char *name,
	       const char **slot, const char *cmd);
/* Every line a command prints (stdout or stderr, but the data of an
 * export or a report) goes through here: fprintf's output with each text
 * argument neutralised (text_vformat), so that a path, a name or a value
 * from outside prints as one visible line whatever bytes it holds.
 * Returns the bytes written, -1 on a write error. */
int cli_printf(FILE *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "suivi : " + message (neutralised as cli_printf's) on stderr,
 * EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Import the files (contracts before amendments) in one transaction into
 * st, printing one line per file on out; all or nothing. */
int cli_import_files(struct store *st, char **files, int n, FILE *out,
		     struct err *e);

/* suivi import requests FILE.csv [--commune C] (argv[0] is "requests"):
 * the requests of a CSV file with export requests' columns, all or
 * nothing, every problem as FILE:LINE. Returns the exit status. */
int cli_import_requests(struct app *app, int argc, char **argv);
/* The --period (required) and --sort (NULL: by commune) of the views
 * across communes (export communes, report communes; what is "export
 * communes"): 0, or the exit status of a usage error saying what is
 * wrong. */
int cli_across_args(const char *what, const char *period_arg,
		    const char *sort_arg, struct period *p,
		    enum across_sort *by, bool *descending);

/* Open the configured database. When this creates it (first run), the
 * bundled contracts are imported into it, and a line says so on stderr. */
int cli_open_store(struct app *app, enum store_mode mode, struct store **out,
		   struct err *e);
/* The store's notice (store_notice), if any, on stderr. */
void cli_say_notice(const struct store *st);

struct lock;

/* The interactive instance: take the lock of the database (one such
 * instance per database), then open it (created on first run). A lock
 * file that cannot even be created (read-only folder) is only warned
 * about: nothing can be written there anyway. An existing database is
 * opened in mode existing (STORE_READ for the interface, STORE_VIEW for
 * the summary, which only reads). */
int cli_open_interactive(struct app *app, enum store_mode existing,
			 struct store **st, struct lock *lk, struct err *e);

/* The command line's word for a wait on a database another program
 * holds (store_on_busy's fn): said on stderr. */
void cli_busy_said(void *ctx, const char *path, int seconds_left);

#endif
