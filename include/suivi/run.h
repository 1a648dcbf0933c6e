/*
 * run.h - what one run of suivi holds, from start-up to exit: the options
 * common to every command, the configuration, the database's path; and
 * the exit statuses. Types only: app.c fills it, the commands and the
 * interface read it. Nothing global.
 */
#ifndef SUIVI_RUN_H
#define SUIVI_RUN_H

#include "suivi/config.h"

struct app {
	const char *db_option;		/* --db, or NULL */
	const char *config_option;	/* --config, or NULL */
	struct config cfg;
	const char *db_path;		/* what is opened */
};

/* Exit statuses */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

#endif
