/*
 * The key map: every key the interface answers, the action it names and
 * the French words the status line and the help overlay show. One table.
 */
#include "ui_internal.h"

#include <curses.h>

struct binding {
	int code;
	bool special;
	bool alt;
	enum action action;
};

#define CTRL(c) ((c) & 0x1f)

static const struct binding bindings[] = {
	{ KEY_UP, true, false, ACT_UP },
	{ 'k', false, false, ACT_UP },
	{ KEY_DOWN, true, false, ACT_DOWN },
	{ 'j', false, false, ACT_DOWN },
	{ KEY_PPAGE, true, false, ACT_PGUP },
	{ KEY_NPAGE, true, false, ACT_PGDN },
	{ KEY_HOME, true, false, ACT_HOME },
	{ 'g', false, false, ACT_HOME },
	{ KEY_END, true, false, ACT_END },
	{ 'G', false, false, ACT_END },
	{ '\r', false, false, ACT_OPEN },
	{ '\n', false, false, ACT_OPEN },
	{ KEY_ENTER, true, false, ACT_OPEN },
	{ KEY_RIGHT, true, false, ACT_OPEN },
	{ 'l', false, false, ACT_OPEN },
	{ 27, false, false, ACT_BACK },
	{ KEY_BACKSPACE, true, false, ACT_BACK },
	{ 127, false, false, ACT_BACK },
	{ CTRL('h'), false, false, ACT_BACK },
	{ KEY_LEFT, true, false, ACT_BACK },
	{ 'h', false, false, ACT_BACK },
	{ '\t', false, false, ACT_TAB },
	{ KEY_BTAB, true, false, ACT_BTAB },
	{ '/', false, false, ACT_SEARCH },
	{ 'n', false, false, ACT_NEXT },
	{ 'N', false, false, ACT_PREV },
	{ '?', false, false, ACT_HELP },
	{ KEY_F(1), true, false, ACT_HELP },
	{ 'q', false, false, ACT_QUIT },
	{ KEY_F(10), true, false, ACT_QUIT },
	{ CTRL('l'), false, false, ACT_REDRAW },
	{ '1', false, true, ACT_SCREEN_1 },
	{ '2', false, true, ACT_SCREEN_2 },
	{ '3', false, true, ACT_SCREEN_3 },
	{ '4', false, true, ACT_SCREEN_4 },
	{ '5', false, true, ACT_SCREEN_5 },
	{ '6', false, true, ACT_SCREEN_6 },
	{ '7', false, true, ACT_SCREEN_7 },
	/* plain digits too, where the screen does not take typing */
	{ '1', false, false, ACT_SCREEN_1 },
	{ '2', false, false, ACT_SCREEN_2 },
	{ '3', false, false, ACT_SCREEN_3 },
	{ '4', false, false, ACT_SCREEN_4 },
	{ '5', false, false, ACT_SCREEN_5 },
	{ '6', false, false, ACT_SCREEN_6 },
	{ '7', false, false, ACT_SCREEN_7 },
	{ 'c', false, true, ACT_COMMUNE },
	{ 'C', false, false, ACT_COMMUNE },
	{ 'd', false, false, ACT_DATE },
	{ 'v', false, false, ACT_WHOLE },
};

/* The grid's own keys, looked at before the common ones. */
static const struct binding grid_bindings[] = {
	{ KEY_LEFT, true, false, ACT_LEFT },
	{ KEY_RIGHT, true, false, ACT_RIGHT },
	{ 'l', false, false, ACT_RIGHT },
	{ '\r', false, false, ACT_EDIT },
	{ '\n', false, false, ACT_EDIT },
	{ KEY_ENTER, true, false, ACT_EDIT },
	{ 'c', false, false, ACT_COMMENT },
	{ 'x', false, false, ACT_CLEAR },
	{ KEY_DC, true, false, ACT_CLEAR },
	{ 'u', false, false, ACT_UNDO },
	{ 'h', false, false, ACT_HISTORY },
	{ 't', false, false, ACT_TARGET },
	{ 'p', false, false, ACT_PERIODICITY },
	{ 'a', false, false, ACT_TODO },
	{ '[', false, false, ACT_YEAR_PREV },
	{ ']', false, false, ACT_YEAR_NEXT },
	{ 'y', false, false, ACT_YEAR },
	{ KEY_HOME, true, false, ACT_FIRST_COL },
	{ KEY_END, true, false, ACT_LAST_COL },
	{ 'g', false, false, ACT_FIRST_ROW },
	{ 'G', false, false, ACT_LAST_ROW },
	/* the same with Alt: on a text cell, letters are typed into the
	 * cell, and these are the commands there */
	{ 'm', false, true, ACT_COMMENT },
	{ 'x', false, true, ACT_CLEAR },
	{ 'u', false, true, ACT_UNDO },
	{ 'h', false, true, ACT_HISTORY },
	{ 't', false, true, ACT_TARGET },
	{ 'p', false, true, ACT_PERIODICITY },
	{ 'a', false, true, ACT_TODO },
	{ '[', false, true, ACT_YEAR_PREV },
	{ ']', false, true, ACT_YEAR_NEXT },
	{ 'y', false, true, ACT_YEAR },
	{ 'g', false, true, ACT_FIRST_ROW },
	{ 'G', false, true, ACT_LAST_ROW },
	/* the indicator under the cursor across every commune */
	{ 'T', false, false, ACT_ACROSS },
	{ 'T', false, true, ACT_ACROSS },
};

/* The lists with forms (saisines): their own letters. */
static const struct binding list_bindings[] = {
	{ 'n', false, false, ACT_NEW },
	{ 'e', false, false, ACT_MODIFY },
	{ 'x', false, false, ACT_CANCEL_REQ },
	{ 't', false, false, ACT_FILTER_KIND },
	{ 's', false, false, ACT_FILTER_STATUS },
	{ 'o', false, false, ACT_FILTER_DOMAIN },
	{ 'p', false, false, ACT_FILTER_PERIOD },
	{ 'F', false, false, ACT_FILTER_CLEAR },
	{ 'r', false, false, ACT_SORT },
	{ 'E', false, false, ACT_EXCEPTIONAL },
	{ 'a', false, false, ACT_STEP },
	{ 'c', false, false, ACT_CLOSE_DISPUTE },
	{ 'L', false, false, ACT_LIKE },
	{ 'S', false, false, ACT_SOLUTIONS },
	{ 'h', false, false, ACT_HISTORY },
	{ 'h', false, true, ACT_HISTORY },
	{ KEY_DC, true, false, ACT_DELETE },
	{ 'R', false, false, ACT_REOPEN },
};

/* The réunions: a meeting's page fills like the minutes it becomes. */
static const struct binding meeting_bindings[] = {
	{ 'n', false, false, ACT_NEW },
	{ 'e', false, false, ACT_EDIT_MEETING },
	{ 'p', false, false, ACT_PARTICIPANT },
	{ 'd', false, false, ACT_DECISION },
	{ 'a', false, false, ACT_ADD_ACTION },
	{ 'f', false, false, ACT_ACTION_DONE },
	{ ' ', false, false, ACT_ACTION_STATUS },
	{ 'o', false, false, ACT_START_MEETING },
	{ 'c', false, false, ACT_CLOSE_MEETING },
	{ 'x', false, false, ACT_CANCEL_MEETING },
	{ 'm', false, false, ACT_MINUTES },
	{ 't', false, false, ACT_FILTER_KIND },
	{ 'F', false, false, ACT_FILTER_CLEAR },
	{ 'h', false, false, ACT_HISTORY },
	{ KEY_DC, true, false, ACT_DELETE },
};

/* The rapports: the year as in the grid, f the format, p the period of
 * the evaluation. */
static const struct binding reports_bindings[] = {
	{ '[', false, false, ACT_YEAR_PREV },
	{ ']', false, false, ACT_YEAR_NEXT },
	{ 'y', false, false, ACT_YEAR },
	{ 'f', false, false, ACT_REPORT_FORMAT },
	{ 'x', false, false, ACT_CLEAR_OBSERVATION },
	{ 'p', false, false, ACT_REPORT_PERIOD },
	{ 't', false, false, ACT_EVAL_RECORD },
};

/* The synchronisation's. */
static const struct binding sync_bindings[] = {
	{ 'e', false, false, ACT_SYNC_EXPORT },
	{ 'i', false, false, ACT_SYNC_IMPORT },
	{ 'r', false, false, ACT_SYNC_REVIEWED },
	{ 'o', false, false, ACT_SYNC_FOLDER },
};

/* Toutes les communes: ← → the period, [ ] the year, r R the sort, p a
 * period typed. */
static const struct binding across_bindings[] = {
	{ KEY_LEFT, true, false, ACT_LEFT },
	{ KEY_RIGHT, true, false, ACT_RIGHT },
	{ '[', false, false, ACT_YEAR_PREV },
	{ ']', false, false, ACT_YEAR_NEXT },
	{ 'r', false, false, ACT_SORT },
	{ 'R', false, false, ACT_SORT_REVERSE },
	{ 'p', false, false, ACT_FILTER_PERIOD },
};

static enum action lookup(const struct binding *b, size_t n,
			  const struct key *k)
{
	for (size_t i = 0; i < n; i++)
		if (b[i].code == k->code && b[i].special == k->special &&
		    b[i].alt == k->alt)
			return b[i].action;
	return ACT_NONE;
}

enum action keys_action_in(enum keymap map, const struct key *k)
{
	enum action a = ACT_NONE;

	if (map == KEYMAP_GRID)
		a = lookup(grid_bindings,
			   sizeof grid_bindings / sizeof grid_bindings[0], k);
	else if (map == KEYMAP_LIST)
		a = lookup(list_bindings,
			   sizeof list_bindings / sizeof list_bindings[0], k);
	else if (map == KEYMAP_MEETING)
		a = lookup(meeting_bindings,
			   sizeof meeting_bindings / sizeof meeting_bindings[0],
			   k);
	else if (map == KEYMAP_REPORTS)
		a = lookup(reports_bindings,
			   sizeof reports_bindings / sizeof reports_bindings[0],
			   k);
	else if (map == KEYMAP_SYNC)
		a = lookup(sync_bindings,
			   sizeof sync_bindings / sizeof sync_bindings[0], k);
	else if (map == KEYMAP_ACROSS)
		a = lookup(across_bindings,
			   sizeof across_bindings / sizeof across_bindings[0],
			   k);
	return a != ACT_NONE ? a : keys_action(k);
}

enum action keys_action(const struct key *k)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
		const struct binding *b = &bindings[i];

		if (b->code == k->code && b->special == k->special &&
		    b->alt == k->alt)
			return b->action;
	}
	return ACT_NONE;
}

bool keys_alt_bound(int code)
{
	/* the field editor's: Alt+b Alt+f by words, Alt+Retour arrière the
	 * word before, Alt+Entrée a line break */
	if (code == 'b' || code == 'f' || code == 127 || code == '\r')
		return true;
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].alt && bindings[i].code == code)
			return true;
	for (size_t i = 0; i < sizeof grid_bindings / sizeof grid_bindings[0];
	     i++)
		if (grid_bindings[i].alt && grid_bindings[i].code == code)
			return true;
	for (size_t i = 0; i < sizeof list_bindings / sizeof list_bindings[0];
	     i++)
		if (list_bindings[i].alt && list_bindings[i].code == code)
			return true;
	return false;
}

struct label {
	const char *utf8, *ascii, *what;
	const char *full;	/* every key, for the help (NULL: utf8) */
	const char *full_ascii;	/* the same in ASCII (NULL: ascii) */
};

static const struct label labels[ACT_COUNT] = {
	[ACT_UP] = { "↑ k", "Haut k", "monter", NULL, NULL },
	[ACT_DOWN] = { "↓ j", "Bas j", "descendre", NULL, NULL },
	[ACT_PGUP] = { "PgPréc", "PgPrec", "page précédente", NULL, NULL },
	[ACT_PGDN] = { "PgSuiv", "PgSuiv", "page suivante", NULL, NULL },
	[ACT_HOME] = { "Début g", "Debut g", "premier", NULL, NULL },
	[ACT_END] = { "Fin G", "Fin G", "dernier", NULL, NULL },
	[ACT_OPEN] = { "Entrée →", "Entree ->", "ouvrir", "Entrée → l",
		       "Entree -> l" },
	[ACT_BACK] = { "Échap ←", "Echap <-", "retour",
		       "Échap ← h Retour arr.", "Echap <- h Retour arr." },
	[ACT_TAB] = { "Tab", "Tab", "changer de volet", NULL, NULL },
	[ACT_BTAB] = { "Maj+Tab", "Maj+Tab", "volet précédent", NULL, NULL },
	[ACT_SEARCH] = { "/", "/", "chercher", NULL, NULL },
	[ACT_NEXT] = { "n", "n", "résultat suivant", NULL, NULL },
	[ACT_PREV] = { "N", "N", "résultat précédent", NULL, NULL },
	[ACT_HELP] = { "?", "?", "aide", "? F1", "? F1" },
	[ACT_QUIT] = { "q", "q", "quitter", "q F10", "q F10" },
	[ACT_REDRAW] = { "Ctrl+L", "Ctrl+L", "redessiner", NULL, NULL },
	[ACT_SCREEN_1] = { "1 Alt+1", "1 Alt+1", "écran Contrat", NULL, NULL },
	[ACT_SCREEN_2] = { "2 Alt+2", "2 Alt+2", "écran Tableau de bord", NULL,
			   NULL },
	[ACT_SCREEN_3] = { "3 Alt+3", "3 Alt+3", "écran Saisines", NULL, NULL },
	[ACT_SCREEN_4] = { "4 Alt+4", "4 Alt+4", "écran Litiges", NULL, NULL },
	[ACT_SCREEN_5] = { "5 Alt+5", "5 Alt+5", "écran Réunions", NULL, NULL },
	[ACT_SCREEN_6] = { "6 Alt+6", "6 Alt+6", "écran Rapports", NULL, NULL },
	[ACT_SCREEN_7] = { "7 Alt+7", "7 Alt+7", "écran Synchronisation", NULL,
			   NULL },
	[ACT_COMMUNE] = { "C Alt+c", "C Alt+c", "changer de commune", NULL,
			  NULL },
	[ACT_DATE] = { "d", "d", "annexes à une date", NULL, NULL },
	[ACT_WHOLE] = { "v", "v", "voir en entier",
			NULL, NULL },
	[ACT_LEFT] = { "←", "<-", "mois précédent", NULL, NULL },
	[ACT_RIGHT] = { "→ l", "-> l", "mois suivant", NULL, NULL },
	[ACT_EDIT] = { "Entrée", "Entree", "saisir (ou tapez la valeur)",
		       NULL, NULL },
	[ACT_COMMENT] = { "c", "c", "commenter", "c Alt+m", "c Alt+m" },
	[ACT_CLEAR] = { "x", "x", "effacer", "x Suppr Alt+x", "x Suppr Alt+x" },
	[ACT_UNDO] = { "u", "u", "annuler la dernière modification",
		       "u Alt+u", "u Alt+u" },
	[ACT_HISTORY] = { "h", "h", "historique de la case", "h Alt+h",
			  "h Alt+h" },
	[ACT_TARGET] = { "t", "t", "cible de l'année", "t Alt+t", "t Alt+t" },
	[ACT_PERIODICITY] = { "p", "p", "mensuel / trimestriel", "p Alt+p",
			      "p Alt+p" },
	[ACT_TODO] = { "a", "a", "à saisir", "a Alt+a", "a Alt+a" },
	[ACT_YEAR_PREV] = { "[", "[", "année précédente", NULL, NULL },
	[ACT_YEAR_NEXT] = { "]", "]", "année suivante", NULL, NULL },
	[ACT_YEAR] = { "y", "y", "aller à une année", NULL, NULL },
	[ACT_FIRST_COL] = { "Début", "Debut", "janvier", NULL, NULL },
	[ACT_LAST_COL] = { "Fin", "Fin", "décembre", NULL, NULL },
	[ACT_FIRST_ROW] = { "g", "g", "premier indicateur", NULL, NULL },
	[ACT_NEW] = { "n", "n", "nouvelle saisine", NULL, NULL },
	[ACT_MODIFY] = { "Entrée e", "Entree e", "voir et modifier", NULL,
			 NULL },
	[ACT_STEP] = { "a", "a", "étape d'arbitrage", NULL, NULL },
	[ACT_CLOSE_DISPUTE] = { "c", "c", "clore (avec la solution)", NULL,
				NULL },
	[ACT_LIKE] = { "L", "L", "ouvrir comme celui-ci", NULL, NULL },
	[ACT_SOLUTIONS] = { "S", "S", "solutions arbitrées", NULL, NULL },
	[ACT_CANCEL_REQ] = { "x", "x", "annuler la saisine", NULL, NULL },
	[ACT_FILTER_KIND] = { "t", "t", "filtre : nature de saisine", NULL,
			      NULL },
	[ACT_FILTER_STATUS] = { "s", "s", "filtre : statut", NULL, NULL },
	[ACT_FILTER_DOMAIN] = { "o", "o", "filtre : domaine", NULL, NULL },
	[ACT_FILTER_PERIOD] = { "p", "p", "filtre : période", NULL, NULL },
	[ACT_FILTER_CLEAR] = { "F", "F", "ôter les filtres", NULL, NULL },
	[ACT_SORT] = { "r", "r", "trier autrement", NULL, NULL },
	[ACT_EXCEPTIONAL] = { "E", "E", "demandes exceptionnelles", NULL,
			      NULL },
	[ACT_LAST_ROW] = { "G", "G", "dernier indicateur", NULL, NULL },
	[ACT_PARTICIPANT] = { "p", "p", "ajouter un participant", NULL, NULL },
	[ACT_DECISION] = { "d", "d", "noter une décision", NULL, NULL },
	[ACT_ADD_ACTION] = { "a", "a", "ajouter une action", NULL, NULL },
	[ACT_ACTION_DONE] = { "f", "f", "action faite", NULL, NULL },
	[ACT_ACTION_STATUS] = { "Espace", "Espace", "statut de l'action",
				NULL, NULL },
	[ACT_START_MEETING] = { "o", "o", "ouvrir la séance", NULL, NULL },
	[ACT_CLOSE_MEETING] = { "c", "c", "clore (valide les valeurs)", NULL,
				NULL },
	[ACT_CANCEL_MEETING] = { "x", "x", "annuler la réunion", NULL, NULL },
	[ACT_MINUTES] = { "m", "m", "écrire le compte rendu", NULL, NULL },
	[ACT_EDIT_MEETING] = { "e", "e", "modifier la réunion", NULL, NULL },
	[ACT_REPORT_FORMAT] = { "f", "f", "changer de format", NULL, NULL },
	[ACT_CLEAR_OBSERVATION] = { "x", "x", "effacer les observations",
				    NULL, NULL },
	[ACT_REPORT_PERIOD] = { "p", "p", "période : année civile ou date "
				"anniversaire", NULL, NULL },
	[ACT_EVAL_RECORD] = { "t", "t", "transmission et ajustements de "
			      "l'évaluation", NULL, NULL },
	[ACT_DELETE] = { "Suppr", "Suppr", "supprimer (demande d'abord)", NULL,
			 NULL },
	[ACT_REOPEN] = { "R", "R", "rouvrir (avec la raison)", NULL, NULL },
	[ACT_SYNC_EXPORT] = { "e", "e", "écrire le fichier", NULL, NULL },
	[ACT_SYNC_IMPORT] = { "i", "i", "importer", NULL, NULL },
	[ACT_SYNC_REVIEWED] = { "r", "r", "conflit examiné", NULL, NULL },
	[ACT_SYNC_FOLDER] = { "o", "o", "dossier", NULL, NULL },
	[ACT_ACROSS] = { "T", "T", "toutes les communes", "T Alt+T",
			 "T Alt+T" },
	[ACT_SORT_REVERSE] = { "R", "R", "inverser l'ordre", NULL, NULL },
};

const char *keys_label(enum action a, bool ascii)
{
	if (a <= ACT_NONE || a >= ACT_COUNT || !labels[a].utf8)
		return "";
	return ascii ? labels[a].ascii : labels[a].utf8;
}

const char *keys_full_label(enum action a, bool ascii)
{
	if (a <= ACT_NONE || a >= ACT_COUNT || !labels[a].utf8)
		return "";
	if (ascii)
		return labels[a].full_ascii ? labels[a].full_ascii
					    : labels[a].ascii;
	return labels[a].full ? labels[a].full : labels[a].utf8;
}

const char *keys_what(enum action a)
{
	if (a <= ACT_NONE || a >= ACT_COUNT || !labels[a].what)
		return "";
	return labels[a].what;
}
