/*
 * ui.h - the full-screen interface (src/ui/, the only code with curses).
 *
 * ui_run takes the terminal, runs the screens until the user quits or the
 * terminal goes away (SIGHUP, SIGTERM, SIGINT, end of input), and gives
 * the terminal back as it found it. It never exits the process itself.
 */
#ifndef SUIVI_UI_H
#define SUIVI_UI_H

#include "suivi/run.h"
#include "suivi/store.h"

/* Returns the exit status: EXIT_OK, or EXIT_DATA when the terminal could
 * not be used (the reason is printed on stderr). */
int ui_run(struct app *app, struct store *st);

#endif
