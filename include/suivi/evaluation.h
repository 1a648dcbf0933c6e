/*
 * evaluation.h - the évaluation annuelle of a contract (article 5): for
 * one year, commitments against results, quantitative (indicators and the
 * request log) and qualitative (the observations per domain), with the
 * action plan. The Métropole sends it to the commune by 31 March of the
 * next year; the commune presents it to its council. As data (struct
 * evaluation), then as a document (doc.h) the renderers write in every
 * format.
 *
 * No SQL and no curses here: evaluation_load reads through the store API
 * and reuses the tableau de bord (dashboard.h) for the grid's rules: the
 * rows are the indicators of the annexes in force at the end of the year
 * (today in the current year), per criticality for split indicators; a
 * cell belongs to the annex version in force on its first day; values
 * are entered or computed from the request log; targets are the year's;
 * cell statuses are value_status's.
 *
 * Rules (also printed in the report, EVALUATION_RULES_TEXT):
 *
 *  Yearly status of an indicator (one row: an indicator split by
 *  criticality gives one row, and one count, per criticality), over the
 *  cells of the year whose annex version has the indicator:
 *    EVAL_MISSED        one value at least misses the target;
 *    EVAL_MET           else, one value at least meets it (every measured
 *                       period meets it: missing periods do not turn a
 *                       met year into a missed one, they show in
 *                       n_measured / n_expected);
 *    EVAL_NO_TARGET     else, values without a target to judge them
 *                       (no target for the year, a text value, a
 *                       direction "aucun");
 *    EVAL_NOT_MEASURED  no value at all.
 *
 *  Status of a commitment, from its indicators' yearly statuses:
 *    EVAL_MISSED        one indicator is missed;
 *    EVAL_MET           else, one indicator at least is met (every
 *                       indicator with a target and a value is met);
 *    EVAL_NOT_MEASURED  otherwise: no indicator judged against a target
 *                       (no value, or values without a target).
 *  A commitment is never EVAL_NO_TARGET.
 *
 *  Requests: those of the contract received from 1 January to
 *  31 December of the year (store_request_list, reception dates
 *  inclusive). Cancelled requests are counted apart (per kind) and in no
 *  other figure. Delays, by kind, by nature and for all, over the
 *  requests not cancelled that have the dates: acknowledgement
 *  (acknowledged - received) in wall-clock hours; resolution (resolved -
 *  received) in working days (request.h, workdays.h). Median: the middle
 *  value of the sorted delays, the mean of the two middle ones for an
 *  even count; mean: sum / count. Figures are kept exact in the struct
 *  and shown rounded to one decimal, half away from zero, with a decimal
 *  comma and always one decimal ("2,0"; evaluation_format_decimal); no
 *  request with the dates gives "—".
 *
 *  Action plan: the actions created by the year's meetings (held from
 *  1 January to 31 December, not cancelled), whatever their status, and
 *  the actions of earlier meetings still unfinished (à faire, en cours)
 *  today; status and late flag as of today (meeting.h). Sorted by due
 *  date (none last), then meeting date.
 *
 *  Deadline: 31 March of year + 1 (model.h EVALUATION_DEADLINE_*);
 *  passed when today is after it.
 *
 * The document (evaluation_doc), in this order:
 *   title "Évaluation annuelle <year> — <commune>", the contract as
 *   subtitle, the deadline note (and a second note once it has passed);
 *   "Synthèse": a sentence, the table "Synthèse" (commitments and
 *   indicators by status) and the rules above in words;
 *   one part per domain: its observation (verbatim) or a line saying
 *   there is none, then per commitment a heading, its table (named
 *   "Engagement <code> (<domain code>)": indicator, target with its
 *   direction, baseline, one column per period of the periodicities
 *   present in the commitment, values with their tone, "Relevés"
 *   measured/expected, yearly status) and one chart per indicator with
 *   numeric values (its 12-period trend without the periods that ended
 *   before the contract's start, the target as a line);
 *   "Saisines": the tables "Saisines" (counts by kind and nature,
 *   cancelled apart) and "Délais" (median and mean delays);
 *   "Plan d'actions": the table "Plan d'actions";
 *   "Annexe : tous les indicateurs": the table "Indicateurs".
 *
 * Why both per-commitment tables and "Indicateurs": a reader of the
 * printed report (HTML, FODT, Markdown) goes domain by domain, commitment
 * by commitment, and needs the target, the baseline and the values of
 * those few indicators side by side; a spreadsheet user (FODS, CSV) wants
 * one sheet with every indicator of the year, one row each, with the
 * domain, commitment, code, criticality and label in separate columns to
 * sort, filter and pivot. The doc model has no table shown in one kind of
 * format only, so the full table is an annex of the text: it repeats the
 * same cells (same texts, numbers and tones) as the commitments' tables.
 * Period columns are the same everywhere: the months ("janv." … "déc.")
 * when a monthly indicator is present, then the quarters ("T1" … "T4"),
 * then "Année", so that a column always means the same period; a cell of
 * another periodicity is empty and muted. Cells hold numbers
 * (doc_num) only where the text is that number in French form (counts,
 * percentages, hours, days, levels, request figures); ratios, workloads,
 * yes/no and texts stay text.
 *
 * The struct owns everything it holds; evaluation_release frees it.
 */
#ifndef SUIVI_EVALUATION_H
#define SUIVI_EVALUATION_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/date.h"
#include "suivi/doc.h"
#include "suivi/err.h"
#include "suivi/meeting.h"
#include "suivi/model.h"
#include "suivi/request.h"
#include "suivi/store.h"
#include "suivi/value.h"

enum eval_status {
	EVAL_MET,
	EVAL_MISSED,
	EVAL_NO_TARGET,
	EVAL_NOT_MEASURED,
	EVAL_STATUS_COUNT
};

/* "atteint", "non atteint", "sans cible", "non mesuré". */
extern const char *const eval_status_label[EVAL_STATUS_COUNT];

/* The rules of the header, in French, as the report prints them. */
extern const char *const evaluation_rules_text[];	/* NULL-terminated */

/* One period of the year of an indicator. */
struct eval_cell {
	struct period period;
	char key[PERIOD_KEY_LEN];	/* "2025-03", "2025-T1", "2025" */
	bool applicable;	/* the annex version of the period has it */
	bool has_value;		/* entered or computed */
	bool computed;		/* from the request log */
	char *value;		/* short French form ("12,5 %", "3/3", "4"),
				 * NULL when none */
	bool has_num;		/* value is a number shown as such */
	double num;
	enum value_status status;	/* value_status (dashboard) */
};

struct eval_indicator {
	char *code;		/* "3.3.2" */
	char *criticality;	/* "" when not split */
	char *label;
	enum value_kind kind;
	char *unit;		/* NULL when none */
	enum periodicity per;	/* effective: monthly, quarterly, annual */
	bool has_target;
	char *target;		/* French with unit ("4 h"), NULL when none */
	char *target_short;	/* the grid's short form ("4") */
	bool target_has_num;	/* scalar of the target (value_scalar) */
	double target_num;
	enum better better;	/* the target's direction, else the
				 * contract's */
	char *baseline;		/* niveau de service constaté, NULL when
				 * none */
	struct eval_cell cells[12];
	int n_cells;		/* 12, 4 or 1 */
	int n_measured;		/* cells with a value */
	int n_expected;		/* applicable cells due or with a value */
	int n_met, n_missed, n_missing;
	enum eval_status status;	/* yearly status */
	/* the last 12 periods (oldest first), ending with the year's last
	 * (or today's, in the current year): the dashboard's trend */
	struct period trend_period[12];
	char trend_label[12][24];	/* "janvier 2025", "T1 2025", "2025" */
	double trend[12];		/* value_scalar */
	bool trend_has[12];
};

struct eval_commitment {
	char *code;		/* "3.3" */
	char *title;
	struct eval_indicator *indicators;
	size_t n_indicators;
	enum eval_status status;	/* met, missed or not measured */
};

struct eval_domain {
	char uid[STORE_UID_LEN];
	char *code, *name;	/* the annex in force names it */
	char *observation;	/* verbatim, NULL when none */
	struct eval_commitment *commitments;
	size_t n_commitments;
};

/* Delays of a set of requests; n_ack / n_resolved 0: no figure. */
struct eval_delays {
	size_t n;		/* requests in the set (not cancelled) */
	size_t n_ack;		/* with acknowledged_at */
	double ack_median, ack_mean;		/* hours */
	size_t n_resolved;	/* with resolved_at */
	double res_median, res_mean;		/* working days */
};

struct eval_requests {
	size_t count[REQUEST_KIND_COUNT][NATURE_COUNT];	/* not cancelled */
	size_t by_kind[REQUEST_KIND_COUNT];		/* not cancelled */
	size_t by_nature[NATURE_COUNT];			/* not cancelled */
	size_t total;					/* not cancelled */
	size_t cancelled[REQUEST_KIND_COUNT];
	size_t total_cancelled;
	struct eval_delays delay_kind[REQUEST_KIND_COUNT];
	struct eval_delays delay_nature[NATURE_COUNT];
	struct eval_delays delay_all;
};

struct eval_action {
	char *what, *owner, *due_on, *done_on;	/* ISO dates; NULL when none */
	char *meeting_held_on;			/* ISO */
	enum action_status status;
	bool late;		/* due before today and not finished */
	bool carried;		/* from a meeting before the year */
};

struct evaluation {
	char contract_uid[STORE_UID_LEN];
	char *commune, *identifier, *title;
	char starts_on[DATE_ISO_LEN];	/* the contract's start, "" unknown */
	int year;
	char today[DATE_ISO_LEN];
	char deadline[DATE_ISO_LEN];	/* year+1-03-31 */
	bool deadline_passed;		/* today after the deadline */
	struct eval_domain *domains;	/* every domain in force, contract
					 * order */
	size_t n_domains;
	struct eval_requests requests;
	struct eval_action *actions;
	size_t n_actions;
	/* the summary */
	size_t commitments[EVAL_STATUS_COUNT];	/* NO_TARGET stays 0 */
	size_t n_commitments;
	size_t indicators[EVAL_STATUS_COUNT];
	size_t n_indicators;
};

/* Load the evaluation of a contract for a year; today (ISO, NULL:
 * date_today()) decides what is due, late and whether the deadline has
 * passed. ERR_NOTFOUND for an unknown contract, ERR_INPUT for a year
 * outside 1900-2198. On failure *out is left empty (release-safe). */
int evaluation_load(struct store *st, const char *contract_uid, int year,
		    const char *today, struct evaluation *out, struct err *e);
void evaluation_release(struct evaluation *ev);

/* The French document of an evaluation (see above); out is initialised
 * here and owned by the caller (doc_release). 0. */
int evaluation_doc(const struct evaluation *ev, struct doc *out);

/* evaluation_load then evaluation_doc; out is left released on failure. */
int evaluation_build(struct store *st, const char *contract_uid, int year,
		     const char *today, struct doc *out, struct err *e);

/* A figure as the report shows it: rounded to one decimal, half away from
 * zero, decimal comma, always one decimal: 2.25 -> "2,3", 3 -> "3,0". */
void evaluation_format_decimal(double v, char *buf, size_t n);
/* The same rounding as a number (what the doc's cell holds). */
double evaluation_round1(double v);

/* Median and mean of n values (sorted in place); false when n is 0. */
bool evaluation_median_mean(double *v, size_t n, double *median,
			    double *mean);

#endif
