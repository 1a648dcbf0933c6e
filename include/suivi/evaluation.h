/*
 * evaluation.h - the évaluation annuelle of a contract (article 5): for
 * one period, commitments against results, quantitative (indicators and
 * the request log) and qualitative (the observations per domain), with
 * the follow-up of the contract (meetings against article 5's cadence,
 * the annexes' committees), the year's exceptional requests and disputes,
 * the annex versions in force and the action plan. The Métropole sends it
 * to the commune by 31 March of the next year; the commune presents it to
 * its instances délibératives communales for information. As data
 * (struct evaluation), then as a document (doc.h) the renderers write in
 * every format.
 *
 * The period (struct eval_options):
 *   EVAL_CALENDAR     the calendar year: 1 January to 31 December;
 *   EVAL_ANNIVERSARY  from the contract's anniversary date in the year to
 *                     the day before the next one ("Une évaluation à la
 *                     date anniversaire du contrat"): Le Bouscat's
 *                     contract began on 15/02/2016, its 2017 period runs
 *                     from 15/02/2017 to 14/02/2018 (a start on 29
 *                     February gives 28 February in other years).
 * A year before the contract's start year is refused (ERR_INPUT, naming
 * the dates: "pas d'évaluation pour 2015 : le contrat de Le Bouscat
 * commence le 15/02/2016 (première évaluation : 2016, du 01/01/2016 au
 * 31/12/2016)"). A period that begins before the contract's start is
 * counted from the start for what the contract asks (meetings).
 *
 * No SQL and no curses here: evaluation_load reads through the store API
 * and reuses the tableau de bord (dashboard.h) for the grid's rules: the
 * rows are the indicators of the annexes in force at the end of the year
 * (today in the current year), per criticality for split indicators; a
 * cell belongs to the annex version in force on its first day; values
 * are entered or computed from the request log; targets are the year's;
 * cell statuses are value_status's. For the anniversary period, the
 * cells are the periods that end within it (twelve months, four
 * quarters, one year: for 15/02/2017 – 14/02/2018, February 2017 to
 * January 2018, T1 to T4 2017, 2017), read from the tableaux de bord of
 * both calendar years, each judged against the target of its own year;
 * the rows are those of the later year, then those of the earlier one
 * that the later one no longer has; a row without a cell of its version
 * in the period is left out; the target column gives each year's target
 * when they differ ("≥ 3 (2017) ; ≥ 4 (2018)").
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
 *    EVAL_NOT_MEASURED  no value at all;
 *    EVAL_NOT_APPLICABLE no value but periods recorded "sans objet", and
 *                       none missing.
 *  A period recorded "sans objet" is neither measured nor expected.
 *
 *  Status of a commitment, from its indicators' yearly statuses:
 *    EVAL_MISSED        one indicator is missed;
 *    EVAL_MET           else, one indicator at least is met (every
 *                       indicator with a target and a value is met);
 *    EVAL_NOT_APPLICABLE else, every indicator is "sans objet";
 *    EVAL_NOT_MEASURED  otherwise: no indicator judged against a target
 *                       (no value, or values without a target).
 *  A commitment is never EVAL_NO_TARGET.
 *
 *  Requests: those of the contract received within the period
 *  (store_request_list, reception dates inclusive). Cancelled requests are counted apart (per kind) and in no
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
 *  Action plan: the actions created by the period's meetings (held
 *  within it, not cancelled), whatever their status, and the actions of
 *  earlier meetings still unfinished (à faire, en cours) today; status
 *  and late flag as of today (meeting.h). Sorted by due date (none
 *  last), then meeting date.
 *
 *  Meetings (article 5): a meeting is held when it is closed. The launch
 *  meeting: held (its date) or not, planned (its date) or not. The
 *  follow-ups against the cadence: meeting_cadence_review over the
 *  period (monthly the contract's first year, at least quarterly after;
 *  each due date kept by a follow-up or missed). The meetings with the
 *  Mayors held within the period against CADENCE_MAYORS_PER_YEAR.
 *
 *  Committees: those of each annex version in force over the period
 *  ([comite] sections), for the part of the period that version covers,
 *  with their frequency as the annex writes it. Expected: the meetings a
 *  year the frequency gives (committee_frequency_per_year) times the days
 *  of that part over the days of the period, rounded half up (-1: the
 *  annex gives no frequency suivi reads). Held: the closed meetings of
 *  the kind that records the committee (committee_meeting_kind) within
 *  that part (-1: no kind records it: "non suivi").
 *
 *  Exceptional requests: those received within the period
 *  (store_exceptional_list), cancelled ones too, with their decision,
 *  who decided, when, and their estimated cost; the costs add up.
 *
 *  Disputes: those opened within the period, and those opened before it
 *  still open at its start (store_dispute_year), with the level reached
 *  and where they stand today (the last step's outcome, or closed with
 *  the arbitrated solution).
 *
 *  Annexes in force: per domain, each annex version in force on a day of
 *  the period, with its date and the days of the period it covers; the
 *  days before a domain's first version (nothing in force) are said.
 *
 *  Deadline: the first 31 March (model.h EVALUATION_DEADLINE_*) after
 *  the period's last day: 31 March of year + 1 for the calendar year;
 *  passed when today is after it.
 *
 * The document (evaluation_doc), in this order:
 *   title "Évaluation annuelle <year> — <commune>" (anniversary period:
 *   "Évaluation annuelle du 15/02/2017 au 14/02/2018 — Le Bouscat"), the
 *   contract as subtitle, the deadline note (and a second note once it
 *   has passed), the period ("Période évaluée : du … au … (année
 *   civile)" or "(d'une date anniversaire du contrat à la suivante …)"),
 *   the sender ("Expéditeur : Marie Durand, directrice …", or a note
 *   saying it is not set in suivi.ini, [evaluation] expediteur and
 *   fonction);
 *   "Transmission et suites": when it was sent to the commune (against
 *   the deadline) and presented to its instances délibératives
 *   communales, or that it is not recorded yet, and the adjustments
 *   proposed for the next year (store_evaluation.h);
 *   "Synthèse": a sentence, the table "Synthèse" (commitments and
 *   indicators by status) and the rules above in words;
 *   "Annexes en vigueur": one item per domain naming each version over
 *   the period with its dates ("avenant n°1, en vigueur à partir du
 *   01/01/2018"), and the table "Annexes en vigueur";
 *   one part per domain: its observations by party (the commune's,
 *   Bordeaux Métropole's, one whose party was not said), verbatim, or a
 *   line saying
 *   there is none, then per commitment a heading, its table (named
 *   "Engagement <code> (<domain code>)": indicator, target with its
 *   direction, baseline, one column per period of the periodicities
 *   present in the commitment, values with their tone, "Relevés"
 *   measured/expected, yearly status) and one chart per indicator with
 *   numeric values (its 12-period trend without the periods that ended
 *   before the contract's start, the target as a line);
 *   "Suivi du contrat (article 5)": the launch meeting; "Réunions de
 *   suivi" (a sentence, the table "Réunions de suivi": each due date,
 *   the rule, the meeting that kept it or "manquée"); "Réunions avec les
 *   Maires" (held against two); "Comités des annexes" (the table
 *   "Comités": domain, annex, committee, frequency as written, expected,
 *   held, finding; "non suivi" when no kind of meeting records it);
 *   "Saisines": the tables "Saisines" (counts by kind and nature,
 *   cancelled apart) and "Délais" (median and mean delays);
 *   "Demandes exceptionnelles": the table "Demandes exceptionnelles"
 *   (received, object, decision, by, on, estimated cost, status) and the
 *   total cost;
 *   "Litiges": the table "Litiges" (opened, object, nature, level
 *   reached, Mayor's instruction, where it stands, closed on, arbitrated
 *   solution);
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
#include "suivi/store_dispute.h"
#include "suivi/store_request.h"
#include "suivi/value.h"

enum eval_status {
	EVAL_MET,
	EVAL_MISSED,
	EVAL_NO_TARGET,
	EVAL_NOT_MEASURED,
	EVAL_NOT_APPLICABLE,	/* every period recorded "sans objet" */
	EVAL_STATUS_COUNT
};

/* "atteint", "non atteint", "sans cible", "non mesuré", "sans objet". */
extern const char *const eval_status_label[EVAL_STATUS_COUNT];

/* The rules of the header, in French, as the report prints them. */
extern const char *const evaluation_rules_text[];	/* NULL-terminated */

/* One period of the year of an indicator. */
struct eval_cell {
	struct period period;
	char key[PERIOD_KEY_LEN];	/* "2025-03", "2025-T1", "2025" */
	bool applicable;	/* the annex version of the period has it */
	bool has_value;		/* entered or computed, a measure */
	bool not_applicable;	/* recorded "sans objet" (value.h): neither
				 * a measure nor expected */
	bool computed;		/* from the request log */
	char *value;		/* short French form ("12,5 %", "3/3", "4"),
				 * NULL when none */
	bool has_num;		/* value is a number shown as such */
	double num;
	enum value_status status;	/* value_status (dashboard) */
	/* a typed value the request log does not give (dashboard.h
	 * disagrees): the typed one is used, computed_value (with its unit)
	 * is what the log gives, typed_value the typed one, both with their
	 * unit */
	bool disagrees;
	char *computed_value, *typed_value;
};

struct eval_indicator {
	char *code;		/* "3.3.2" */
	char *criticality;	/* "" when not split */
	char *label;
	enum value_kind kind;
	char *unit;		/* NULL when none */
	int computed_from;	/* enum computed_from, COMPUTED_NONE */
	char *choices;		/* the follow-up's choices among its
				 * attributes (struct indicator), or NULL */
	enum periodicity per;	/* effective: monthly, quarterly, annual */
	bool has_target;
	char *target;		/* French with unit ("4 h"), NULL when none */
	char *target_short;	/* the grid's short form ("4") */
	char *target_years;	/* anniversary period whose two years have
				 * different targets: "≥ 3 (2017) ; ≥ 4
				 * (2018)" (what the target column says),
				 * else NULL */
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
	int n_not_applicable;	/* periods recorded "sans objet" */
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
	char *observation;	/* verbatim, NULL when none: the party not
				 * said (those written before parties) */
	char *observation_commune, *observation_metropole;	/* by party */
	struct eval_commitment *commitments;
	size_t n_commitments;
};

/* Delays of a set of requests; n_ack / n_resolved 0: no figure. */
/* Delays in both units; the document shows those of the contract's
 * indicators computed from them (struct eval_requests ack_in_days,
 * res_in_days). */
struct eval_delays {
	size_t n;		/* requests in the set (not cancelled) */
	size_t n_ack;		/* with acknowledged_at */
	double ack_median, ack_mean;		/* hours */
	double ack_days_median, ack_days_mean;	/* working days */
	size_t n_resolved;	/* with resolved_at */
	double res_median, res_mean;		/* working days */
	double res_hours_median, res_hours_mean;	/* hours */
};

struct eval_requests {
	/* the units of the delays: those of the indicator computed from
	 * them when the annexes have one (3.3.1 in working days, 3.3.2 in
	 * hours), else hours to acknowledge, working days to resolve */
	bool ack_in_days, res_in_days;
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

enum eval_period_kind {
	EVAL_CALENDAR,		/* 1 January - 31 December */
	EVAL_ANNIVERSARY,	/* anniversary date - the day before the next */
	EVAL_PERIOD_COUNT
};

/* What the caller chooses beyond the contract and the year. */
struct eval_options {
	enum eval_period_kind period;
	/* suivi.ini [evaluation] expediteur and fonction; NULL or "": not
	 * set (the document says so) */
	const char *sender, *sender_function;
};

/* One annex version of a domain over part of the period. */
struct eval_annex {
	char *domain_code, *domain_name;
	int version;		/* 0: the contract's annex; N: amendment N;
				 * -1: none in force (before the first) */
	char in_force_from[DATE_ISO_LEN];	/* its date; "" for -1 */
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];	/* the days of the
							 * period it covers */
	bool whole;		/* it covers the whole period */
};

/* One committee of an annex version in force over part of the period. */
struct eval_committee {
	char *domain_code, *name;
	char *frequency;	/* as the annex writes it, NULL when none */
	int annex_version;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];	/* that part */
	int kind;		/* the meeting kind that records it, -1 none */
	int per_year;		/* committee_frequency_per_year */
	int expected;		/* over that part, -1 when per_year is */
	int held;		/* closed meetings of kind in it, -1 when
				 * kind is */
	bool over;		/* that part has ended by today */
};

/* The follow-up of the contract over the period (article 5). */
struct eval_meetings {
	bool launch_held;
	char launch_on[DATE_ISO_LEN];	/* held on, else the first planned
					 * (not cancelled), "" none */
	char first_year_end[DATE_ISO_LEN];	/* the monthly rule applies
						 * until then */
	size_t n_follow_ups;		/* follow-ups held in the period */
	struct cadence_due *dues;	/* meeting_cadence_review */
	size_t n_dues, n_missed;
	char (*mayors)[DATE_ISO_LEN];	/* Mayors' meetings held, in order */
	size_t n_mayors;
	int mayors_required;		/* CADENCE_MAYORS_PER_YEAR */
};

struct evaluation {
	char contract_uid[STORE_UID_LEN];
	char *commune, *identifier, *title;
	char starts_on[DATE_ISO_LEN];	/* the contract's start, "" unknown */
	int year;			/* the year the period begins in */
	enum eval_period_kind period;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];	/* the period, ISO,
							 * inclusive */
	char *sender, *sender_function;	/* NULL when not set */
	/* what became of it (store_evaluation.h): NULL when not recorded */
	char *sent_on, *presented_on;	/* ISO */
	char *adjustments;		/* proposed for the next year */
	char today[DATE_ISO_LEN];
	char deadline[DATE_ISO_LEN];	/* the first 31 March after `to` */
	bool deadline_passed;		/* today after the deadline */
	struct eval_domain *domains;	/* every domain in force, contract
					 * order */
	size_t n_domains;
	struct eval_requests requests;
	struct eval_action *actions;
	size_t n_actions;
	struct eval_annex *annexes;	/* by domain, then date */
	size_t n_annexes;
	struct eval_meetings meetings;
	struct eval_committee *committees;	/* by domain, version, order
						 * in the annex */
	size_t n_committees;
	struct request *exceptional;	/* store_request.h, oldest first */
	size_t n_exceptional;
	size_t n_with_cost;
	double cost_total;		/* of those with an estimated cost */
	struct dispute *disputes;	/* store_dispute.h, oldest first */
	size_t n_disputes;
	/* the summary */
	size_t commitments[EVAL_STATUS_COUNT];	/* NO_TARGET stays 0 */
	size_t n_commitments;
	size_t indicators[EVAL_STATUS_COUNT];
	size_t n_indicators;
};

/* Load the evaluation of a contract for the period of a year (opts NULL:
 * the calendar year, no sender); today (ISO, NULL: date_today()) decides
 * what is due, late and whether the deadline has passed. ERR_NOTFOUND
 * for an unknown contract; ERR_INPUT for a year outside 1900-2198 or
 * before the contract's start year (the message names the dates). On
 * failure *out is left empty (release-safe). */
int evaluation_load_opts(struct store *st, const char *contract_uid,
			 int year, const struct eval_options *opts,
			 const char *today, struct evaluation *out,
			 struct err *e);
/* The same for the calendar year, without a sender. */
int evaluation_load(struct store *st, const char *contract_uid, int year,
		    const char *today, struct evaluation *out, struct err *e);
void evaluation_release(struct evaluation *ev);

/* The period of a year for a contract that starts on starts_on (ISO),
 * as ISO dates; -1 when starts_on does not parse and the anniversary is
 * asked. */
int evaluation_period(enum eval_period_kind kind, int year,
		      const char *starts_on, char from[DATE_ISO_LEN],
		      char to[DATE_ISO_LEN]);
/* The first 31 March (EVALUATION_DEADLINE_*) after to (ISO), the
 * period's last day: when the evaluation is due. */
void evaluation_deadline(const char *to, char out[DATE_ISO_LEN]);
/* Whether a year has an evaluation for a contract that starts on
 * starts_on (ISO, "" or NULL: unknown, any year): -1 with ERR_INPUT and
 * the French reason naming the dates (commune names the contract) for a
 * year before the start year, else 0. evaluation_load_opts refuses with
 * the same. */
int evaluation_check_year(enum eval_period_kind kind, int year,
			  const char *starts_on, const char *commune,
			  struct err *e);
/* The words of a period kind: "annee" / "civile" and "anniversaire" (as
 * typed after --periode) -> the kind; -1 otherwise. */
int evaluation_period_parse(const char *word);
/* Its label: "année civile", "date anniversaire du contrat". */
extern const char *const eval_period_label[EVAL_PERIOD_COUNT];

/* The French document of an evaluation (see above); out is initialised
 * here and owned by the caller (doc_release). 0. */
int evaluation_doc(const struct evaluation *ev, struct doc *out);

/* evaluation_load_opts then evaluation_doc; out is left released on
 * failure. What the CLI and the Rapports screen call. */
int evaluation_build_opts(struct store *st, const char *contract_uid,
			  int year, const struct eval_options *opts,
			  const char *today, struct doc *out, struct err *e);
/* The same for the calendar year, without a sender. */
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

/* How a cell of the grid reads in a document: met, missed, due and
 * missing, muted when not due yet, none otherwise. */
enum doc_tone evaluation_cell_tone(enum value_status s);

#endif
