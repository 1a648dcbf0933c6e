/*
 * dashboard.h - the tableau de bord as data: rows of indicators grouped
 * by domain and commitment, one cell per period of the year, targets,
 * statuses, trends and computed values. No curses, no SQL: it is loaded
 * through the store API and drawn by screen_dashboard.c.
 *
 * The rows are the indicators of the annexes in force at the end of the
 * year (or today, in the current year). Each cell belongs to the
 * indicator of the same code in the annex version in force on the cell's
 * first day: values measured before an amendment stay with the version
 * they were measured under. A cell whose version has no such indicator
 * is not applicable.
 *
 * Loading builds the rows only; a row's cells, target and trend are read
 * when it is first needed (dashboard_fill: the rows on screen), so that
 * opening the grid costs what the screen shows, not the whole contract.
 */
#ifndef SUIVI_DASHBOARD_H
#define SUIVI_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/browse.h"
#include "suivi/date.h"
#include "suivi/store.h"
#include "suivi/value.h"

enum dash_row_kind { DASH_DOMAIN, DASH_COMMITMENT, DASH_INDICATOR };

struct dash_cell {
	struct period period;
	char key[PERIOD_KEY_LEN];
	char uid[STORE_UID_LEN];	/* "" when not applicable */
	int first_month, n_months;	/* the columns it spans (0-based) */
	struct value value;		/* what is shown: entered or computed */
	bool entered;			/* a value typed (or imported) */
	bool computed;			/* value comes from the request log */
	bool is_override;		/* typed over a computed value */
	struct value computed_value;	/* what the log gives, if any */
	bool has_computed;
	/* a value typed for a computed indicator that the request log,
	 * as it stands now, does not give (compared as shown, at two
	 * decimals): to look at, with the computed one beside it */
	bool disagrees;
	char *comment;
	/* the date (ISO) of the meeting that validated the value, "" while
	 * provisional: changing it then takes a reason */
	char validated_on[DATE_ISO_LEN];
	bool due;			/* the period is over */
	bool current;			/* today is in it */
	enum value_status status;
};

struct dash_row {
	enum dash_row_kind kind;
	char *label;			/* heading, or "3.3.2 Délai de …" */
	/* indicators only */
	const struct indicator *ind;	/* in the row's annex version (valid
					 * while the source it was loaded
					 * from is) */
	char *code;			/* its code, owned: outlives ind */
	char uid[STORE_UID_LEN];	/* that version's uid */
	char *criticality;		/* "" or one criticality */
	struct value_spec spec;
	enum periodicity per;		/* effective: monthly/quarterly/annual */
	bool choosable;			/* "mensuelle ou trimestrielle" */
	struct dash_cell cells[12];
	int n_cells;
	struct value target;
	bool has_target;
	enum better better;		/* the target's, else the contract's */
	double trend[12];		/* last 12 periods, oldest first */
	bool trend_has[12];
	double *history;		/* scalars of every value loaded */
	size_t n_history;
	bool filled;			/* cells, target, trend read */
};

struct dashboard {
	char contract_uid[STORE_UID_LEN];
	int year;
	char today[DATE_ISO_LEN];
	struct browse_source own;		/* loaded here, or empty… */
	const struct browse_source *src;	/* …when borrowed */
	struct dash_row *rows;
	size_t n_rows;
};

/* Load the tableau de bord of a contract for a year; today (ISO) decides
 * what is due and current. shared, when not NULL, is that contract's
 * texts and annexes already loaded (by the contract screen): used as is,
 * not copied, so it must outlive out. */
int dashboard_load(struct store *st, const char *contract_uid, int year,
		   const char *today, const struct browse_source *shared,
		   struct dashboard *out, struct err *e);
void dashboard_release(struct dashboard *d);
/* Read a row's cells, target and trend if not done yet; all rows. */
int dashboard_fill(struct store *st, struct dashboard *d, size_t row,
		   struct err *e);
int dashboard_fill_all(struct store *st, struct dashboard *d, struct err *e);
/* Read them again after a change (now), or later (forget: every row is
 * read again when next needed). */
int dashboard_reload_row(struct store *st, struct dashboard *d, size_t row,
			 struct err *e);
void dashboard_forget(struct dashboard *d);

/* The domain (of d's source) whose annex versions hold row r's
 * indicator, or NULL. */
const struct browse_domain *dashboard_row_domain(const struct dashboard *d,
						const struct dash_row *r);

/* The cell of a row covering month (0-11), or NULL. */
struct dash_cell *dashboard_cell_at(struct dash_row *r, int month);

/* Cells due and missing up to and including month (0-11) of the year, in
 * grid order: (row, cell) pairs. Only filled rows count: fill them all
 * first. */
struct dash_todo {
	size_t row;
	int cell;
};
size_t dashboard_todo(const struct dashboard *d, int month,
		      struct dash_todo **out);

/* ---------------------------------------------------------------- */
/* The grid's rules for one cell, on their own: the rows above are
 * filled with them, and the view across communes (across.h) judges one
 * cell per commune with them, so that a value, its target and its status
 * read the same in both. */

struct measurement;

/* What the detail line says of a status ("cible atteinte"…). */
extern const char *const dashboard_status_label[STATUS_COUNT];

/* The uid of indicator code ("3.3.2", or "nsi/3.3.2" with its domain) of
 * a contract for period p: in the annex version in force on p's first
 * day or, before the annex's first version, in the one beginning within
 * p (as a cell belongs to its version). -1 with store_indicator_by_code's
 * error: ERR_NOTFOUND saying why (not in the contract, not yet or no
 * longer in force on p's first day), ERR_INPUT when the code names
 * indicators of several domains. */
int dashboard_indicator_at(struct store *st, const char *contract_uid,
			   const char *code, struct period p,
			   char uid[STORE_UID_LEN], struct err *e);
/* The periodicity a version is followed by: its own, or for a
 * "mensuelle ou trimestrielle" one the référent's recorded choice
 * (monthly until p is pressed). */
int dashboard_periodicity(struct store *st, const char *uid,
			  enum periodicity declared, enum periodicity *out,
			  struct err *e);
/* The target of a year for a version and criticality ("" when not
 * split), *has_target false when none (target then empty), and the
 * direction that judges it: the target's own, else declared (the
 * contract's). target is overwritten, not released. */
int dashboard_target(struct store *st, const char *uid, int year,
		     const char *criticality, enum better declared,
		     struct value *target, bool *has_target,
		     enum better *better, struct err *e);
/* The criticalities of a ", "-list as the grid splits an indicator's
 * rows (trimmed, empty ones dropped), or one "" when list is NULL or
 * empty: *out and its strings are the caller's to free. */
size_t dashboard_criticalities(const char *list, char ***out);
/* A cell of period p, empty, with its key and whether p is over (due) or
 * holds today (current); status STATUS_NOT_DUE. Overwrites c. */
void dashboard_cell_init(struct dash_cell *c, struct period p,
			 struct date today);
/* What judges a cell: its indicator's spec, the direction, whether the
 * request log computes it, the criticality ("" when not split) and the
 * target of the cell's year (NULL: none). */
struct dash_judge {
	const struct value_spec *spec;
	enum better better;
	bool computed;
	const char *criticality;
	const struct value *target;
};
/* Fill a cell made by dashboard_cell_init whose uid is set (the version
 * of its period) from its measurement m (NULL: none): the value typed,
 * else what the request log computes (computed indicators, periods due
 * or current), the comment, the validation, whether a typed value
 * disagrees with the log, and the status (value_status). */
int dashboard_cell_judge(struct store *st, const struct dash_judge *j,
			 const struct measurement *m, struct dash_cell *c,
			 struct err *e);
/* What a cell holds, released (the cell stays usable, empty). */
void dashboard_cell_release(struct dash_cell *c);

/* The context string of a cell for drafts, and back. */
void dashboard_cell_context(const struct dashboard *d, size_t row, int cell,
			    const char *what, char *buf, size_t n);

#endif
