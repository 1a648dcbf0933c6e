/*
 * meeting.h - the rules of article 5 for follow-up meetings, with no
 * database: the words of a meeting's kind and status and of an action's
 * status, and the cadence the contract sets.
 *
 * Article 5: the référents meet every month during the first year of the
 * contract (CADENCE_FIRST_YEAR_MONTHS), then at least every quarter
 * (CADENCE_AFTER_MONTHS); at least CADENCE_MAYORS_PER_YEAR meetings a
 * year are held with the Mayors (model.h).
 */
#ifndef SUIVI_MEETING_H
#define SUIVI_MEETING_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/date.h"
#include "suivi/model.h"

enum meeting_kind {
	MEETING_FOLLOW_UP,	/* réunion de suivi */
	MEETING_MAYORS,		/* réunion avec les Maires */
	MEETING_DIGITAL,	/* comité numérique communal */
	MEETING_THEMATIC,	/* réunion thématique */
	MEETING_LAUNCH,		/* réunion de lancement */
	MEETING_ANNUAL_REVIEW,	/* évaluation annuelle */
	MEETING_KIND_COUNT
};

enum meeting_status {
	MEETING_PLANNED,	/* prévue */
	MEETING_OPEN,		/* en cours */
	MEETING_CLOSED,		/* close: its values are validated */
	MEETING_CANCELLED,	/* annulée */
	MEETING_STATUS_COUNT
};

enum action_status {
	ACTION_OPEN,		/* à faire */
	ACTION_IN_PROGRESS,	/* en cours */
	ACTION_DONE,		/* faite */
	ACTION_DROPPED,		/* abandonnée */
	ACTION_STATUS_COUNT
};

/* db code / word typed on the command line / label shown. The command
 * line words: suivi, maires, numerique, thematique, lancement,
 * evaluation; prevue, en-cours, close, annulee; a-faire, en-cours,
 * faite, abandonnee. */
extern const struct vocab meeting_kind_vocab[MEETING_KIND_COUNT];
extern const struct vocab meeting_status_vocab[MEETING_STATUS_COUNT];
extern const struct vocab action_status_vocab[ACTION_STATUS_COUNT];

/* An action is finished when done or dropped; it stays on the action
 * plan of every meeting until then. */
bool action_is_finished(enum action_status s);
/* Late: due before today and not finished (due_on NULL: never late). */
bool action_is_late(enum action_status s, const struct date *due_on,
		    struct date today);

/* d plus n months, the day clamped to the month's length (31 January
 * plus one month is 28 or 29 February). */
struct date date_add_months(struct date d, int n);

/* What the cadence is computed from. Dates in any order; only those on
 * or before today count. */
struct cadence_input {
	struct date starts_on;		/* the contract's start */
	const struct date *follow_ups;	/* follow-up meetings held (closed) */
	size_t n_follow_ups;
	const struct date *mayors;	/* meetings with the Mayors held */
	size_t n_mayors;
	struct date today;
};

#define CADENCE_TEXT_MAX 256

struct cadence {
	bool has_last;			/* a follow-up was held */
	struct date last;		/* the latest one held */
	struct date next_due;		/* the next follow-up is due by then */
	bool first_year;		/* next_due is under the monthly rule */
	bool late;			/* next_due is before today */
	int year;			/* today's year */
	int mayors_held;		/* meetings with the Mayors that year */
	int mayors_required;		/* CADENCE_MAYORS_PER_YEAR */
	bool mayors_possible;		/* the year can still make it */
	/* French, "" when nothing to say:
	 *   next: "Prochaine réunion de suivi au plus tard le 15/03/2026"
	 *   follow_up_warning: "La réunion de suivi était due le
	 *     15/03/2026 : la cadence de l'article 5 n'est pas tenue"
	 *   mayors_warning: "1 réunion avec les Maires en 2026 sur les 2
	 *     prévues par l'article 5" (+ " : l'année ne permet plus de les
	 *     tenir" when it cannot make it any more) */
	char next[CADENCE_TEXT_MAX];
	char follow_up_warning[CADENCE_TEXT_MAX];
	char mayors_warning[CADENCE_TEXT_MAX];
};

/*
 * The cadence of article 5 on today.
 *
 * The reference is the latest follow-up held, or the contract's start
 * when none was. While the reference plus one month is within the first
 * year (up to the start plus twelve months, inclusive), the next
 * follow-up is due one month after the reference: a gap of more than a
 * month is late. Afterwards it is due three months after the reference.
 * late: next_due is before today (a meeting due today is not late).
 *
 * Mayors: the meetings held in today's year; the year can still make it
 * when the meetings missing are no more than the months left, the
 * current one included (one meeting a month at most: a meeting with the
 * Mayors takes preparing).
 */
void meeting_cadence(const struct cadence_input *in, struct cadence *out);

#endif
