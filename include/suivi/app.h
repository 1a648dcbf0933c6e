/*
 * app.h - start-up and teardown: options common to every command, the
 * configuration, the database as configured, then the terminal UI or a
 * command (src/cli/).
 *
 * struct app holds what lives for the whole run; nothing global.
 */
#ifndef SUIVI_APP_H
#define SUIVI_APP_H

#include "suivi/config.h"
#include "suivi/err.h"
#include "suivi/store.h"

struct app {
	const char *db_option;		/* --db, or NULL */
	const char *config_option;	/* --config, or NULL */
	struct config cfg;
	const char *db_path;		/* what is opened */
};

int app_main(int argc, char **argv);

/* Open the configured database. When this creates it (first run), the
 * bundled contracts are imported into it, and a line says so on stderr. */
int app_open_store(struct app *app, enum store_mode mode, struct store **out,
		   struct err *e);
/* The store's notice (store_notice), if any, on stderr. */
void app_say_notice(const struct store *st);

struct lock;

/* The interactive instance: take the lock of the database (one such
 * instance per database), then open it (created on first run). A lock
 * file that cannot even be created (read-only folder) is only warned
 * about: nothing can be written there anyway. An existing database is
 * opened in mode existing (STORE_READ for the interface, STORE_VIEW for
 * the summary, which only reads). */
int app_open_interactive(struct app *app, enum store_mode existing,
			 struct store **st, struct lock *lk, struct err *e);

/* Exit statuses */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

#endif
