/*
 * config.h - suivi.ini, the user's settings (suivi.ini(5)).
 *
 * Read once at start-up, never written by the program. Search order:
 * --config FILE, else $XDG_CONFIG_HOME/suivi/suivi.ini (default
 * ~/.config/suivi/suivi.ini); a missing default file means defaults, a
 * missing --config file is an error. Unknown keys and sections are
 * warnings (warnings list); a bad value is an error with FILE:LINE.
 */
#ifndef SUIVI_CONFIG_H
#define SUIVI_CONFIG_H

#include <stdbool.h>

#include "suivi/err.h"

enum config_color { COLOR_AUTO, COLOR_ON, COLOR_OFF };
enum config_date_format { DATEFMT_FR, DATEFMT_ISO };

struct config {
	char *path;		/* the file read, or NULL when none */
	char *db_path;		/* NULL when neither the file nor XDG/HOME
				 * says where: then --db is required */
	char *referent;		/* NULL when unset */
	char *commune;		/* default commune, NULL when unset */
	char *reports_dir;	/* where the screens write reports and
				 * minutes; NULL without HOME nor setting */
	/* [evaluation]: who sends the évaluation annuelle to the commune
	 * (expediteur, fonction), NULL when unset or empty */
	char *sender, *sender_function;
	/* [synchronisation] dossier: where sync files are written and read
	 * (a USB key, a shared folder); NULL: the reports' folder */
	char *sync_dir;
	enum config_color color;
	enum config_date_format date_format;
};

/* explicit: the --config argument or NULL. Returns 0, or -1 with every
 * error in errors. Warnings go to warnings in both cases. */
int config_load(const char *explicit, struct config *cfg,
		struct diag_list *warnings, struct diag_list *errors);
void config_release(struct config *cfg);

#endif
