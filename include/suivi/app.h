/*
 * app.h - start-up and teardown: options common to every command, the
 * configuration, the database as configured, then the terminal UI or a
 * command (src/cli/). What a run holds: run.h.
 */
#ifndef SUIVI_APP_H
#define SUIVI_APP_H

#include "suivi/run.h"

int app_main(int argc, char **argv);

#endif
