/*
 * value.h - indicator values as référents type and read them, and the
 * periods they are measured for. Plain C, no I/O, locale-independent.
 *
 * A value is stored as num / den / text (the measurement table):
 *   yes/no      num 1 (oui) or 0 (non)
 *   count       num, a whole number >= 0
 *   percent     num in [0, 100]
 *   ratio       num / den, whole numbers, 0 <= num <= den, den > 0
 *   workload    num = actual person-days, den = planned (optional), >= 0;
 *               typed in the contracts' order prévu/réalisé: "200/180"
 *               is den 200 (planned), num 180 (actual); "180" is actual
 *   hours       num >= 0 (hours), typed "4", "4 h" or "2h30" (at most
 *               999999h59)
 *   days        num >= 0 (days)
 *   level       num, a whole number in [scale_min, scale_max]
 *   text        text (trimmed UTF-8, no control character)
 * and, for every kind, "sans objet" (nothing to measure for the period,
 * typed "s/o", "so" or "sans objet"): the text VALUE_NA_TEXT and no
 * number, a value that is never missing and never judged.
 * Parsing accepts the decimal comma and point, and refuses impossible
 * values with a French message saying why (e.g. "un pourcentage ne
 * dépasse pas 100"); *out is untouched on failure.
 */
#ifndef SUIVI_VALUE_H
#define SUIVI_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/date.h"
#include "suivi/err.h"
#include "suivi/model.h"

struct value {
	bool has_num, has_den;
	double num, den;
	char *text;		/* heap; VALUE_TEXT only */
};

/* What values of an indicator look like. */
struct value_spec {
	enum value_kind kind;
	int scale_min, scale_max;	/* VALUE_LEVEL only */
	const char *unit;		/* "h", "j*h", "%"…, may be NULL */
};

/* What a period with nothing to measure holds (value_not_applicable). */
#define VALUE_NA_TEXT "sans objet"

/* Largest text value, in bytes. */
#define VALUE_TEXT_MAX 2000

/* Parse what the user typed. 0: *out filled (release with value_release;
 * what it held before is overwritten, not released); -1: e holds a French
 * message (ERR_INPUT), *out untouched. */
int value_parse(const struct value_spec *s, const char *input,
		struct value *out, struct err *e);
void value_release(struct value *v);
/* A deep copy; dst is overwritten, not released. */
void value_copy(struct value *dst, const struct value *src);
/* True when both hold the same value (text compared byte for byte). */
bool value_equal(const struct value *a, const struct value *b);
/* True when the value holds nothing (a cleared cell). */
bool value_empty(const struct value *v);
/* True when the value says the period had nothing to measure ("sans
 * objet"): not empty, not missing, never compared with a target. */
bool value_not_applicable(const struct value *v);

/* French display: "oui", "12", "12,5 %", "3/3", "prévu 200, réalisé 180
 * j*h" (or "180 j*h" without planned), "4 h", "1 j", "3", text as is.
 * Counts, ratios and workloads add the indicator's unit when it has one
 * ("3/3 projets"). with_unit false gives the short form for grid cells
 * ("12", "3/3", "200/180" planned/actual as typed, "4", "1"; percent
 * keeps "%": "12,5 %"). An empty value gives "". Numbers with at most 2
 * decimals. */
void value_format(const struct value_spec *s, const struct value *v,
		  bool with_unit, char *buf, size_t n);
/* What to put in the editor for an existing value: value_parse gives
 * the same value back. */
void value_edit_text(const struct value_spec *s, const struct value *v,
		     char *buf, size_t n);

/* The number a value is compared and charted by: the count, percentage,
 * hours, days or level; 1/0 for yes/no; num/den for a ratio (a fraction,
 * 0..1) and actual/planned for a workload with both; the actual workload
 * alone otherwise. false for text and empty values. */
bool value_scalar(const struct value_spec *s, const struct value *v,
		  double *out);

/* A cell's state, shown by colour and by a sign (never colour alone). */
enum value_status {
	STATUS_NOT_DUE,		/* nothing expected yet */
	STATUS_MISSING,		/* due and not entered */
	STATUS_NO_TARGET,	/* entered, nothing to compare with */
	STATUS_MET,
	STATUS_MISSED,
	STATUS_NOT_APPLICABLE,	/* "sans objet": nothing to measure */
	STATUS_COUNT
};

/* Status of v against target (NULL or empty: none) for an indicator
 * whose better direction is better. due says whether the period is over
 * (or current); an entered value is judged whatever due says. The
 * scalars are compared (1e-9 tolerance), except for a workload where v
 * or target lacks the planned load: then the actual loads are. BETTER_YES:
 * met when the value is oui, whatever the target. BETTER_NONE and text
 * values: STATUS_NO_TARGET once entered. */
enum value_status value_status(const struct value_spec *s,
			       enum better better, const struct value *v,
			       const struct value *target, bool due);

/* Whether a kind's short French form is its scalar as a number (count,
 * percentage, hours, days, level): a spreadsheet may add it up. */
bool value_kind_numeric(enum value_kind k);

/* "≥ " or "≤ ": the direction that judges a target, written before it
 * ("≥ 4 h"); "" for the others (oui, none). */
const char *value_better_sign(enum better b);

/* Whether v is far outside the indicator's own history (the scalars of
 * its earlier values, n of them): with at least 4 earlier values, true
 * when v is more than 3 times the spread (interquartile range, at least
 * 10 % of the median's magnitude, at least 1) away from the median. */
bool value_outlier(const struct value_spec *s, const struct value *v,
		   const double *history, size_t n);

/* ---------------------------------------------------------------- */
/* Periods: a month, a quarter or a year. */

struct period {
	int year;
	int month;		/* 1-12, or 0 */
	int quarter;		/* 1-4, or 0; never both month and quarter */
};

#define PERIOD_KEY_LEN 8	/* "2018-03", "2018-T1", "2018" + NUL */

/* "2018-03", "03/2018", "2018-T1", "T1 2018", "2018" (case-insensitive
 * t). 0 or -1. */
int period_parse(const char *s, struct period *out);
/* The stored key: "2018-03", "2018-T1", "2018". */
void period_key(struct period p, char buf[PERIOD_KEY_LEN]);
/* For people: "mars 2018", "T1 2018", "2018". */
void period_label(struct period p, char *buf, size_t n);
/* Short column heading: "janv.", "févr." … "déc.", "T1" … "T4", "année". */
const char *period_heading(struct period p);
/* First and last day. */
struct date period_first_day(struct period p);
struct date period_last_day(struct period p);
/* The period of periodicity per (PERIOD_MONTHLY, _QUARTERLY or _ANNUAL)
 * that contains d. */
struct period period_containing(enum periodicity per, struct date d);
/* The period before p, of the same length. */
struct period period_prev(struct period p);
/* The period after p, of the same length. */
struct period period_next(struct period p);
/* Periods of one length, in order and without repeats, as a person reads
 * them: runs of consecutive periods joined by " – ", runs apart by ", ";
 * months by their short heading, the year written once when a run stays
 * within it: "mars – mai 2019, sept. 2019", "mars 2017 – janv. 2018",
 * "T4 2018 – T1 2019", "2017 – 2019". n 0: "". Heap string. */
char *period_ranges(const struct period *v, size_t n);
int period_cmp(struct period a, struct period b);

#endif
