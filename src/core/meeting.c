/*
 * The rules of article 5 for meetings (include/suivi/meeting.h).
 */
#include "suivi/meeting.h"

#include <stdio.h>

const struct vocab meeting_kind_vocab[MEETING_KIND_COUNT] = {
	[MEETING_FOLLOW_UP] = { "follow_up", "suivi", "réunion de suivi" },
	[MEETING_MAYORS] = { "mayors", "maires", "réunion avec les Maires" },
	[MEETING_DIGITAL] = { "digital_committee", "numerique",
			      "comité numérique communal" },
	[MEETING_THEMATIC] = { "thematic", "thematique",
			       "réunion thématique" },
	[MEETING_LAUNCH] = { "launch", "lancement", "réunion de lancement" },
	[MEETING_ANNUAL_REVIEW] = { "annual_review", "evaluation",
				    "évaluation annuelle" },
};

const struct vocab meeting_status_vocab[MEETING_STATUS_COUNT] = {
	[MEETING_PLANNED] = { "planned", "prevue", "prévue" },
	[MEETING_OPEN] = { "open", "en-cours", "en cours" },
	[MEETING_CLOSED] = { "closed", "close", "close" },
	[MEETING_CANCELLED] = { "cancelled", "annulee", "annulée" },
};

const struct vocab action_status_vocab[ACTION_STATUS_COUNT] = {
	[ACTION_OPEN] = { "open", "a-faire", "à faire" },
	[ACTION_IN_PROGRESS] = { "in_progress", "en-cours", "en cours" },
	[ACTION_DONE] = { "done", "faite", "faite" },
	[ACTION_DROPPED] = { "dropped", "abandonnee", "abandonnée" },
};

bool action_is_finished(enum action_status s)
{
	return s == ACTION_DONE || s == ACTION_DROPPED;
}

bool action_is_late(enum action_status s, const struct date *due_on,
		    struct date today)
{
	return due_on && !action_is_finished(s) &&
	       date_cmp(*due_on, today) < 0;
}

struct date date_add_months(struct date d, int n)
{
	int m = d.year * 12 + (d.month - 1) + n;
	struct date r;

	r.year = m / 12;
	r.month = m % 12 + 1;
	r.day = d.day;
	if (r.day > date_days_in_month(r.year, r.month))
		r.day = date_days_in_month(r.year, r.month);
	return r;
}

/* The latest of dates on or before today; false when none. */
static bool latest(const struct date *v, size_t n, struct date today,
		   struct date *out)
{
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		if (date_cmp(v[i], today) > 0)
			continue;
		if (!any || date_cmp(v[i], *out) > 0)
			*out = v[i];
		any = true;
	}
	return any;
}

void meeting_cadence(const struct cadence_input *in, struct cadence *out)
{
	struct date ref, first_year_end, monthly;
	char fr[DATE_ISO_LEN];
	int missing, months_left;

	*out = (struct cadence){ 0 };
	out->has_last = latest(in->follow_ups, in->n_follow_ups, in->today,
			       &out->last);
	ref = out->has_last ? out->last : in->starts_on;
	first_year_end = date_add_months(in->starts_on, 12);
	monthly = date_add_months(ref, CADENCE_FIRST_YEAR_MONTHS);
	out->first_year = date_cmp(monthly, first_year_end) <= 0;
	out->next_due = out->first_year
		? monthly : date_add_months(ref, CADENCE_AFTER_MONTHS);
	out->late = date_cmp(out->next_due, in->today) < 0;
	date_format_fr(out->next_due, fr);
	snprintf(out->next, sizeof out->next,
		 "Prochaine réunion de suivi au plus tard le %s", fr);
	if (out->late)
		snprintf(out->follow_up_warning, sizeof out->follow_up_warning,
			 "La réunion de suivi était due le %s : la cadence "
			 "de l'article 5 n'est pas tenue", fr);

	out->year = in->today.year;
	out->mayors_required = CADENCE_MAYORS_PER_YEAR;
	for (size_t i = 0; i < in->n_mayors; i++)
		if (in->mayors[i].year == out->year &&
		    date_cmp(in->mayors[i], in->today) <= 0)
			out->mayors_held++;
	missing = out->mayors_required - out->mayors_held;
	months_left = 12 - in->today.month + 1;
	out->mayors_possible = missing <= months_left;
	if (missing > 0)
		snprintf(out->mayors_warning, sizeof out->mayors_warning,
			 "%d réunion%s avec les Maires en %d sur les %d "
			 "prévues par l'article 5%s", out->mayors_held,
			 out->mayors_held > 1 ? "s" : "", out->year,
			 out->mayors_required,
			 out->mayors_possible ? ""
			 : " : l'année ne permet plus de les tenir");
}
