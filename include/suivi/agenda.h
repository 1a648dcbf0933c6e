/*
 * agenda.h - what a meeting reviews, built from the data of its window
 * and judged with the grid's rules (no curses, no SQL: the store gives
 * the rows, store_agenda.h and the store API; this says what they mean,
 * in French).
 */
#ifndef SUIVI_AGENDA_H
#define SUIVI_AGENDA_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/value.h"

/*
 * What a meeting reviews, from the data of its window: from the
 * previous meeting of the contract (the latest not cancelled held before
 * it) or, for the first one, the contract's start, however long ago
 * (everything since the start is reviewed once); to the meeting's date.
 *
 *   AGENDA_LAUNCH       one line while no launch meeting (réunion de
 *                       lancement, article 5) was held — closed on or
 *                       before the meeting's date — unless the meeting
 *                       is itself one: "Réunion de lancement pas encore
 *                       tenue (prévue le JJ/MM/AAAA) : …" with the first
 *                       launch meeting not cancelled as ref_uid, or "…
 *                       pas encore tenue ni prévue : …" (late: true)
 *   AGENDA_MISSING      values due and missing, one line per indicator
 *                       and criticality: the periods (month, quarter,
 *                       year: the indicator's periodicity, the recorded
 *                       quarterly choice for a "mensuelle ou
 *                       trimestrielle" one) that ended in the window
 *                       (last day on or after the window's start and
 *                       before the meeting date) of an indicator of the
 *                       annexes in force on the meeting date, in the
 *                       annex version in force on the period's first
 *                       day, without an entered value nor one computed
 *                       from the requests (the grid's rules:
 *                       value_status says STATUS_MISSING). The text
 *                       counts and groups them (period_ranges): "2.1.1
 *                       Charge consacrée aux projets : 11 mois
 *                       manquants, mars 2017 – janv. 2018", "… : 2 mois
 *                       manquants, juin 2025, août 2025", "1 trimestre
 *                       manquant", "2 années manquantes"; the cell
 *                       (indicator_uid, period) is the first missing
 *                       one, where the jump leads
 *   AGENDA_MISSED       a value of such a period that misses its target
 *                       (value_status STATUS_MISSED, the target of the
 *                       period's year)
 *   AGENDA_DISAGREE     a value typed for a computed indicator that the
 *                       request log, as it stands, does not give (the
 *                       grid's « ! »): value_text the typed one,
 *                       target_text what the log gives
 *   AGENDA_VALUE        any other value of such a period (entered or
 *                       computed): what was reviewed, with its figures
 *   AGENDA_REQUESTS     one line: requests received in the window, those
 *                       resolved or answered in it, those late (requests
 *                       cancelled by the meeting date count in none)
 *   AGENDA_REQUEST_LATE a late request: not cancelled, received before
 *                       the meeting date, and either acknowledged more
 *                       than 1 working day after it was received (or not
 *                       acknowledged after 1 working day), or not
 *                       resolved nor answered after 5 working days (as
 *                       of its resolution, or of the meeting date);
 *                       listed when received in the window or still open
 *                       at the meeting
 *   AGENDA_DISPUTE      a dispute open on the meeting date
 *   AGENDA_ACTION       an unfinished action of an earlier meeting
 *                       (late: due before today)
 *   AGENDA_SYNC_CONFLICT a change both référents made without knowing
 *                       of the other's (suivi sync), not yet reviewed,
 *                       noted by the meeting date: the record, the
 *                       version kept and the one set aside
 *
 * Items come in that order, values by domain, indicator, criticality
 * and period. The reference lets a screen jump to the cell, request,
 * dispute or action.
 */
enum agenda_kind {
	AGENDA_LAUNCH,
	AGENDA_MISSING,
	AGENDA_MISSED,
	AGENDA_DISAGREE,
	AGENDA_VALUE,
	AGENDA_REQUESTS,
	AGENDA_REQUEST_LATE,
	AGENDA_DISPUTE,
	AGENDA_ACTION,
	AGENDA_SYNC_CONFLICT,
	AGENDA_KIND_COUNT
};

/* Headings for the kinds ("Valeurs manquantes", …). */
extern const char *const agenda_kind_heading[AGENDA_KIND_COUNT];

#define AGENDA_LATE_ACK_WORKDAYS 1
#define AGENDA_LATE_RESOLUTION_WORKDAYS 5

struct agenda_item {
	enum agenda_kind kind;
	char *text;		/* French, one line */
	bool late;		/* requests and actions */
	/* values: the cell */
	char indicator_uid[STORE_UID_LEN];
	char period[PERIOD_KEY_LEN];
	char *criticality;	/* "" when not split; NULL for other kinds */
	char *code;		/* "nsi/3.3.2"; NULL for other kinds */
	/* AGENDA_MISSING: how many periods are missing and which
	 * ("mars 2017 – janv. 2018") */
	size_t n_periods;
	char *periods_text;
	char *value_text, *target_text;	/* formatted, NULL when none
					 * (AGENDA_MISSED, AGENDA_VALUE) */
	/* a request, dispute or action; the launch meeting planned */
	char ref_uid[STORE_UID_LEN];
	/* AGENDA_REQUESTS */
	long n_received, n_closed, n_late;
};

void agenda_free(struct agenda_item *v, size_t n);

/* The agenda of meeting_uid; today (ISO, NULL: date_today) decides
 * which actions are late. ERR_NOTFOUND for an unknown meeting. */
int agenda_load(struct store *st, const char *meeting_uid,
		const char *today, struct agenda_item **out, size_t *n,
		struct err *e);

#endif
