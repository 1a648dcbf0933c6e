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
	bool launch_held;		/* a launch meeting was held (closed) */
	bool launch_planned;		/* else, one is planned (not
					 * cancelled)… */
	struct date launch_on;		/* …on that date (the first one) */
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
	/* Article 5's launch meeting, reminded until one is held:
	 *   launch_warning: "Réunion de lancement pas encore tenue : prévue
	 *     le 12/03/2026" or "Réunion de lancement pas encore tenue ni
	 *     prévue (article 5)"; "" once held. */
	bool launch_due;
	char launch_warning[CADENCE_TEXT_MAX];
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
 *
 * Launch: due (launch_due, launch_warning) until one is held, whatever
 * the date: the contract asks for one, not by when.
 */
void meeting_cadence(const struct cadence_input *in, struct cadence *out);

/* One follow-up article 5 asked for (meeting_cadence_review). */
struct cadence_due {
	struct date due;	/* one was due by then */
	bool monthly;		/* under the first year's monthly rule, else
				 * the quarterly one */
	bool kept;		/* one was held by then (on `held`)… */
	struct date held;	/* …else missed: none from the previous one
				 * to `due` */
};

/*
 * The follow-ups due between from and to (both inclusive), in order,
 * each kept by the meeting that answered it or missed. The walk starts
 * at the contract's start (in->starts_on) with meeting_cadence's rule:
 * from a reference (the start, then the latest follow-up held), the next
 * is due one month later while that falls within the first twelve
 * months, else three months later. The first follow-up held after the
 * reference and by the due date keeps it and becomes the reference; when
 * none is, that due date is missed and becomes the reference (the next
 * one is due a month or a quarter after it: a gap of three months in the
 * first year misses three). Only follow-ups held on or before in->today
 * count; a due date on or after today is not missed yet (not listed
 * unless kept). Listed: the kept ones held within from..to, the missed
 * ones due within it. *out is a heap array (NULL when none), *n_missed
 * (may be NULL) how many of them are missed. Returns how many.
 */
size_t meeting_cadence_review(const struct cadence_input *in,
			      struct date from, struct date to,
			      struct cadence_due **out, size_t *n_missed);

/*
 * The annexes' committees (comitologie): how often one meets, from the
 * words of the annex ("bi-annuel", "annuel à bi-annuel", "trimestriel",
 * "tous les mois"…; accents and case ignored): the fewest meetings a
 * year it asks for, -1 when the text says no frequency this table knows
 * (NULL or empty included). A range gives its low end ("annuel à
 * bi-annuel": 1). "bi-annuel", "biannuel", "semestriel": 2; "mensuel",
 * "tous les mois", "chaque mois": 12; "bimensuel": 24; "trimestriel",
 * "tous les trimestres", "chaque trimestre": 4; "bimestriel": 6;
 * "hebdomadaire": 52; "annuel", "une fois par an": 1.
 */
int committee_frequency_per_year(const char *text);
/* The kind of meeting that records a committee, from its name as the
 * annex writes it (accents and case ignored): "Comité numérique …" ->
 * MEETING_DIGITAL, "Réunion thématique …" -> MEETING_THEMATIC, "Comité de
 * suivi …" -> MEETING_FOLLOW_UP; -1 when no kind of meeting records it
 * (its meetings are not tracked). */
int committee_meeting_kind(const char *name);
/* What a meeting of kind k is called for a contract whose annexes in
 * force have these committees (their names as written): the comité
 * numérique under the annex's own name, first letter in lower case like
 * the vocabulary's labels ("comité numérique stratégique communal" at Le
 * Bouscat); every other kind, or none found, by its label
 * (meeting_kind_vocab). Heap string. */
char *meeting_kind_name(enum meeting_kind k, char *const *committees,
			size_t n);

#endif
