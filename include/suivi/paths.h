/*
 * paths.h - where suivi's files live (XDG base directories) and where its
 * bundled data is found.
 */
#ifndef SUIVI_PATHS_H
#define SUIVI_PATHS_H

#include "suivi/err.h"

/* $XDG_CONFIG_HOME/suivi/suivi.ini (default ~/.config/…). Heap string,
 * NULL when neither XDG_CONFIG_HOME nor HOME is usable. */
char *paths_default_config(void);
/* $XDG_DATA_HOME/suivi/suivi.db (default ~/.local/share/…), or NULL. */
char *paths_default_db(void);
/* "~/x" expanded with HOME; a relative path made relative to the folder
 * of `relative_to` (a file) when given. Heap string. */
char *paths_expand(const char *path, const char *relative_to);
/* The folder of bundled data (contracts, example config): $SUIVI_DATADIR,
 * else share/suivi beside the executable (build tree), else the
 * installed SUIVI_DATADIR. Heap string, NULL when none exists. */
char *paths_datadir(void);

/* Where reports and minutes go by default: ~/Documents/suivi, or NULL
 * without HOME. Heap string. */
char *paths_default_reports(void);
/* mkdir -p, new folders 0700; 0, or -1 with a French message in e. */
int paths_mkdirs(const char *dir, struct err *e);

#endif
