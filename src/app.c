#include "build_config.h"
#include "suivi/app.h"
#include "suivi/cli.h"
#include "suivi/date.h"
#include "suivi/lock.h"
#include "suivi/ui.h"
#include "suivi/paths.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <dirent.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* No command: the full-screen interface on a terminal, the summary when
 * the output is not one (a script, a pipe). */
static int interactive(struct app *app)
{
	char *summary_argv[] = { (char *)"summary", NULL };
	struct lock lk;
	struct store *st;
	struct err e;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cmd_summary(app, 1, summary_argv);
	err_clear(&e);
	if (cli_open_interactive(app, STORE_READ, &st, &lk, &e) != 0) {
		rc = cli_fail(&e);
		if (st)
			store_close(st);
		if (lk.fd >= 0)
			lock_release(&lk);
		return rc;
	}
	rc = ui_run(app, st);
	store_close(st);
	if (lk.fd >= 0)
		lock_release(&lk);
	return rc;
}

static int option_value(int argc, char **argv, int *i, const char *name,
			const char **out)
{
	size_t len = strlen(name);
	const char *a = argv[*i];

	if (!strncmp(a, name, len) && a[len] == '=') {
		*out = a + len + 1;
		return 1;
	}
	if (strcmp(a, name) != 0)
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*out = argv[++*i];
	return 1;
}

int app_main(int argc, char **argv)
{
	struct app app;
	struct diag_list warnings, errors;
	int i, rc;

	memset(&app, 0, sizeof app);
	/* A file grown past RLIMIT_FSIZE (ulimit -f) would kill us with
	 * SIGXFSZ in the middle of a save; ignored, the write fails with
	 * EFBIG, SQLite rolls back and the error reaches the user. */
	signal(SIGXFSZ, SIG_IGN);
	/* Text in the user's locale; numbers are parsed and written by our
	 * own code (number.h), and whatever a printf of a double writes
	 * (figures for scripts) stays the same in every locale. */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			cli_usage(stdout);
			return EXIT_OK;
		}
		if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
			cli_printf(stdout, "suivi %s\n", SUIVI_VERSION);
			return EXIT_OK;
		}
		if ((r = option_value(argc, argv, &i, "--db", &app.db_option)) ||
		    (r = option_value(argc, argv, &i, "--config",
				      &app.config_option))) {
			if (r < 0 || !*(app.db_option ? app.db_option : "x") ||
			    !*(app.config_option ? app.config_option : "x"))
				return cli_usage_error("%s attend un fichier", a);
			continue;
		}
		if (!strcmp(a, "--"))
			i++;
		else if (a[0] == '-' && a[1])
			return cli_usage_error("option inconnue « %s »", a);
		break;
	}
	diag_list_init(&warnings);
	diag_list_init(&errors);
	rc = config_load(app.config_option, &app.cfg, &warnings, &errors);
	diag_list_print(&warnings, stderr);
	if (rc != 0) {
		fputs("suivi : réglages refusés :\n", stderr);
		diag_list_print(&errors, stderr);
		diag_list_release(&warnings);
		diag_list_release(&errors);
		config_release(&app.cfg);
		return EXIT_DATA;
	}
	diag_list_release(&warnings);
	diag_list_release(&errors);
	app.db_path = app.db_option ? app.db_option : app.cfg.db_path;
	store_on_busy(cli_busy_said, NULL);
	if (!app.db_path) {
		fputs("suivi : impossible de choisir où ranger la base : ni HOME "
		      "ni XDG_DATA_HOME ne sont définis ; utilisez --db FICHIER\n",
		      stderr);
		config_release(&app.cfg);
		return EXIT_USAGE;
	}
	{
		struct date today;
		const char *pin = getenv("SUIVI_TODAY");

		if (date_today(&today) != 0)
			cli_printf(stderr, "suivi : avertissement : SUIVI_TODAY « %s » "
				"n'est pas une date AAAA-MM-JJ, ignoré\n", pin);
	}
	if (i < argc)
		rc = cli_dispatch(&app, argc - i, argv + i);
	else
		rc = interactive(&app);
	config_release(&app.cfg);
	return rc;
}
