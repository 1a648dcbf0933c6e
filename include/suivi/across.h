/*
 * across.h - one indicator across every commune of the database, for one
 * period: the Métropole's référent follows many communes in one file and
 * compares them (the tableau de bord's "Toutes les communes" view, `suivi
 * export communes`, `suivi report communes` for the Conférence
 * territoriale). No SQL and no curses: read through the store API, judged
 * with the grid's own rules (dashboard.h), so that a value, its target
 * and its status read here exactly as in each commune's tableau de bord.
 *
 * The indicator is named by its code as the contract files write it
 * ("3.3.2"), or with its domain's code ("nsi/3.3.2") when the code names
 * indicators of several domains; in each contract it is found as `suivi
 * set` finds it (dashboard_indicator_at): the version of the annex in
 * force on the period's first day, or the one beginning within it.
 *
 * Rows: one per contract, in the store's order (by commune name), and
 * for an indicator followed by criticality one per criticality (in the
 * contract's order), or only the criticality asked for (compared without
 * accents or case, written as the contract does).
 *
 * « Hors annexe »: a contract whose annexes in force at the period have
 * no such indicator (not in its contract at all, before its annex, taken
 * out by an amendment, or without the criticality asked for) keeps its
 * row, not in force, with the reason (the store's words): the Métropole
 * sees every commune it follows, and which ones the indicator does not
 * concern. Such rows come last whatever the sort.
 *
 * The period of a row: the period of the commune's periodicity for that
 * indicator (the annex's, or the référent's choice for a "mensuelle ou
 * trimestrielle" one) that holds the last day of the period asked for:
 * the period itself when they match; the quarter or year that holds a
 * month asked for (a quarterly commune shown for « mars 2018 » gives T1
 * 2018); the last month or quarter of a longer period asked for (the
 * December value of a monthly indicator for the year 2018). Each row
 * says its period.
 *
 * The cell of the row's period is the grid's (dashboard_cell_judge): the
 * value typed, else the one the request log computes; the target is the
 * one of that period's year, with its direction (the target's, else the
 * contract's); the status is value_status's, as of today: met, missed,
 * due and missing, no target, not due yet, or « sans objet » when the
 * period was recorded so (never judged).
 *
 * Trend: the row's value against the value of the period before it, of
 * the same length (period_prev), in the annex version in force then
 * (values of another kind of value are not compared): up, down or
 * stable (within 1e-9) on their scalars (value_scalar); none when either
 * has no scalar (empty, sans objet, text). Up is not always better:
 * across_trend_judgement says whether the change goes the way the
 * indicator's direction wants.
 *
 * Sorting (across_sort), ties by commune (accents and case aside), then
 * by the load order (criticality); hors annexe rows last in every case:
 *   commune    by commune name (accents and case aside);
 *   value      the values with a scalar by number, then the other values
 *              by their text (sans objet, texts), then the empty ones;
 *   status     what calls for attention first: missed, due and missing,
 *              no target, met, sans objet, not due yet;
 *   trend      down, stable, up, then none;
 * descending reverses the order within those groups, never the groups.
 *
 * The struct owns everything it holds; across_release frees it.
 */
#ifndef SUIVI_ACROSS_H
#define SUIVI_ACROSS_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/dashboard.h"
#include "suivi/date.h"
#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/value.h"

enum across_trend {
	ACROSS_TREND_NONE,
	ACROSS_TREND_DOWN,
	ACROSS_TREND_STABLE,
	ACROSS_TREND_UP,
	ACROSS_TREND_COUNT
};

/* "↘" "→" "↗" ("" for none) and the words ("en baisse", "stable", "en
 * hausse", "" for none). */
extern const char *const across_trend_arrow[ACROSS_TREND_COUNT];
extern const char *const across_trend_label[ACROSS_TREND_COUNT];

enum across_sort {
	ACROSS_SORT_COMMUNE,
	ACROSS_SORT_VALUE,
	ACROSS_SORT_STATUS,
	ACROSS_SORT_TREND,
	ACROSS_SORT_COUNT
};

/* The French names of the columns one sorts by: "commune", "valeur",
 * "statut", "tendance". */
extern const char *const across_sort_name[ACROSS_SORT_COUNT];

/* What a row's status is called when it is not in force. */
#define ACROSS_OUT_OF_ANNEX "hors annexe"

struct across_row {
	char contract_uid[STORE_UID_LEN];
	char *commune, *insee, *identifier;
	size_t order;			/* place in the load order */
	bool in_force;
	char *why;			/* not in force: the reason, else NULL */
	/* in force only */
	char indicator_uid[STORE_UID_LEN];	/* the version of the period */
	char *label;			/* the indicator's, in that version */
	char *criticality;		/* "" when not split */
	char *unit;			/* spec.unit points here */
	struct value_spec spec;
	enum periodicity per;		/* monthly, quarterly or annual */
	struct dash_cell cell;		/* cell.period is the row's period */
	struct value target;
	bool has_target;
	enum better better;
	struct dash_cell prev;		/* the period before; prev.uid "" when
					 * no version or another kind */
	bool has_num, has_prev_num;
	double num, prev_num;		/* the scalars compared */
	enum across_trend trend;
};

struct across {
	char *code;			/* as asked */
	char *criticality;		/* as asked, NULL: every one */
	struct period period;		/* as asked */
	char today[DATE_ISO_LEN];
	char *label;			/* "3.3.2 Délai de …": the code without
					 * its domain, and the label most
					 * rows in force give; else the code */
	struct across_row *rows;
	size_t n, n_in_force;
	enum across_sort sort;		/* as last sorted */
	bool descending;
};

/* Load the view of indicator code (criticality NULL or "": every one)
 * for period p (years 1900-2199), today ISO deciding what is due; rows
 * by commune (across_sort to change). Errors, with nothing loaded:
 * ERR_INPUT for an empty or malformed code, a year out of range, a code
 * naming indicators of several domains (say which with nsi/CODE), or a
 * criticality no commune's indicator has; ERR_NOTFOUND when the database
 * holds no contract or no contract has such an indicator in any version.
 * A code known but in force nowhere at p gives rows all hors annexe. */
int across_load(struct store *st, const char *code, const char *criticality,
		struct period p, const char *today, struct across *out,
		struct err *e);
void across_release(struct across *a);
void across_sort(struct across *a, enum across_sort by, bool descending);
/* "valeur" or "-valeur" (descending), accents and case aside: 0, or -1
 * for another word. */
int across_sort_parse(const char *word, enum across_sort *by,
		      bool *descending);

/* The texts of a row, as the grid writes them: the value with its unit
 * ("4,5 h", "sans objet", "" when none or hors annexe), the value of the
 * period before (the same way), the target with its direction ("≤ 4 h",
 * "" when none); the status in words (dashboard_status_label, or
 * ACROSS_OUT_OF_ANNEX). */
void across_value_text(const struct across_row *r, char *buf, size_t n);
void across_prev_text(const struct across_row *r, char *buf, size_t n);
void across_target_text(const struct across_row *r, char *buf, size_t n);
const char *across_status_text(const struct across_row *r);
/* Whether the trend goes the way the direction wants: 1 better (up for
 * "plus haut est mieux", down for "plus bas est mieux"), -1 worse, 0
 * neither (stable, none, another direction). */
int across_trend_judgement(const struct across_row *r);

/* The indicator codes of domain domain_code ("nsi") in force at period p
 * in any contract, in the annexes' numbering ("3.3.2" before "3.10.1"),
 * each prefixed with the domain
 * ("nsi/3.3.2"): heap strings (text_lines_free); *name the domain's name
 * (heap). ERR_INPUT for an empty or malformed code, ERR_NOTFOUND when no
 * contract has that domain; none in force gives *n 0. */
int across_domain_codes(struct store *st, const char *domain_code,
			struct period p, char ***codes, size_t *n,
			char **name, struct err *e);

#endif
