#include "suivi/cli.h"
#include "suivi/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct command {
	const char *name;
	int (*run)(struct app *app, int argc, char **argv);
	const char *args;
	const char *help;
};

static const struct command commands[] = {
	{ "import", cmd_import, "FICHIER…",
	  "importe des contrats et avenants (tout ou rien)" },
	/* for the help only: the row above dispatches, cmd_import hands
	 * "requests" on */
	{ "import", cmd_import, "requests FICHIER.csv",
	  "importe des saisines (CSV, tout ou rien)" },
	{ "validate", cmd_validate, "FICHIER…",
	  "vérifie des fichiers de contrat sans rien importer" },
	{ "check", cmd_check, "",
	  "vérifie l'intégrité de la base" },
	{ "backup", cmd_backup, "FICHIER [--force]",
	  "copie la base (un état enregistré, entier)" },
	{ "restore", cmd_restore, "SAUVEGARDE",
	  "remet une sauvegarde en place (l'ancienne base gardée)" },
	{ "export", cmd_export, "QUOI [OPTIONS]",
	  "exporte en CSV : indicators, measurements, requests" },
	/* for the help only, as import requests above */
	{ "export", cmd_export, "disputes [OPTIONS]",
	  "exporte les litiges (CSV)" },
	{ "export", cmd_export, "summary --year AAAA",
	  "exporte l'état récapitulatif annuel (CSV)" },
	{ "export", cmd_export, "communes --indicator C --period P",
	  "un indicateur dans toutes les communes (CSV)" },
	{ "report", cmd_report, "minutes [OPTIONS]",
	  "compte rendu d'une réunion (Markdown, HTML)" },
	/* for the help only, as import requests above */
	{ "report", cmd_report, "evaluation [OPTIONS]",
	  "évaluation annuelle (HTML, ODT, ODS, Markdown, CSV)" },
	{ "report", cmd_report, "summary [OPTIONS]",
	  "état récapitulatif annuel (mêmes formats)" },
	{ "report", cmd_report, "communes [OPTIONS]",
	  "un indicateur ou un domaine dans toutes les communes" },
	{ "evaluation", cmd_evaluation, "COMMUNE ANNÉE",
	  "envoi, présentation, ajustements d'une évaluation" },
	{ "set", cmd_set, "COMMUNE INDICATEUR PÉRIODE VALEUR",
	  "enregistre une valeur du tableau de bord" },
	{ "meeting", cmd_meeting, "add --commune C --kind K --date D",
	  "crée une réunion (suivi, maires, numerique…)" },
	{ "meeting", cmd_meeting, "action|decision|close --meeting R",
	  "complète ou clôt une réunion" },
	{ "sync", cmd_sync, "export -o FICHIER [--commune C]",
	  "fichier de synchronisation pour l'autre ordinateur" },
	{ "sync", cmd_sync, "import|status|conflicts|review",
	  "applique un fichier reçu ; état ; conflits à examiner" },
	{ "summary", cmd_summary, "",
	  "résume le contenu de la base (commande par défaut)" },
};

void cli_usage(FILE *out)
{
	fputs("usage : suivi [--db FICHIER] [--config FICHIER] [COMMANDE …]\n"
	      "        suivi --help | --version\n\n"
	      "Sans commande, suivi ouvre l'interface plein écran (dans un\n"
	      "terminal) ou résume le contenu de la base.\n\n"
	      "Commandes :\n", out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char left[64];
		int width = 0;

		snprintf(left, sizeof left, "%s %s", commands[i].name,
			 commands[i].args);
		/* pad by characters, not bytes ("…" is three bytes) */
		for (const char *p = left; *p; p++)
			width += ((unsigned char)*p & 0xC0) != 0x80;
		fprintf(out, "  %s%*s %s\n", left, width < 32 ? 32 - width : 0,
			"", commands[i].help);
	}
	fputs("\nOptions :\n"
	      "  --db FICHIER       la base à utiliser (par défaut celle de "
	      "suivi.ini,\n"
	      "                     sinon $XDG_DATA_HOME/suivi/suivi.db)\n"
	      "  --config FICHIER   le fichier de réglages (par défaut\n"
	      "                     $XDG_CONFIG_HOME/suivi/suivi.ini)\n"
	      "  -h, --help         cette aide\n"
	      "  -V, --version      la version\n\n"
	      "Voir suivi(1), suivi.ini(5) et suivi-contrat(5).\n", out);
}

int cli_fail(const struct err *e)
{
	fputs("suivi : ", stderr);
	err_print(e, stderr);
	return e->code == ERR_USAGE ? EXIT_USAGE : EXIT_DATA;
}

int cli_printf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int rc;

	va_start(ap, fmt);
	s = text_vformat(fmt, ap);
	va_end(ap);
	rc = fputs(s, out) == EOF ? -1 : (int)strlen(s);
	free(s);
	return rc;
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = text_vformat(fmt, ap);
	va_end(ap);
	fprintf(stderr, "suivi : %s\n(suivi --help pour l'aide)\n", s);
	free(s);
	return EXIT_USAGE;
}

int cli_option(int argc, char **argv, int *i, const char *name,
	       const char **slot, const char *cmd)
{
	const char *a = argv[*i];
	size_t n = strlen(name);

	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*slot = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		cli_usage_error("%s : %s attend une valeur", cmd, name);
		return -1;
	}
	*slot = argv[++*i];
	return 1;
}

int cli_dispatch(struct app *app, int argc, char **argv)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[0], commands[i].name))
			return commands[i].run(app, argc, argv);
	return cli_usage_error("commande inconnue « %s »", argv[0]);
}

int cli_across_args(const char *what, const char *period_arg,
		    const char *sort_arg, struct period *p,
		    enum across_sort *by, bool *descending)
{
	*by = ACROSS_SORT_COMMUNE;
	*descending = false;
	if (!period_arg)
		return cli_usage_error("%s : --period PÉRIODE est obligatoire "
				       "(2018-03, 2018-T1 ou 2018)", what);
	if (period_parse(period_arg, p) != 0)
		return cli_usage_error("%s : période « %s » invalide (2018-03, "
				       "2018-T1 ou 2018)", what, period_arg);
	if (sort_arg && across_sort_parse(sort_arg, by, descending) != 0)
		return cli_usage_error("%s : tri « %s » inconnu (commune, "
				       "valeur, statut ou tendance ; -valeur pour "
				       "l'ordre décroissant)", what, sort_arg);
	return 0;
}
