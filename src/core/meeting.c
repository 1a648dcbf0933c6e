/*
 * The rules of article 5 for meetings (include/suivi/meeting.h).
 */
#include "suivi/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/text.h"
#include "suivi/xalloc.h"

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

	out->launch_due = !in->launch_held;
	if (out->launch_due && in->launch_planned) {
		date_format_fr(in->launch_on, fr);
		snprintf(out->launch_warning, sizeof out->launch_warning,
			 "Réunion de lancement pas encore tenue : prévue le %s",
			 fr);
	} else if (out->launch_due) {
		snprintf(out->launch_warning, sizeof out->launch_warning,
			 "Réunion de lancement pas encore tenue ni prévue "
			 "(article 5)");
	}

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

/* ------------------------------------------------------------------ */
/* The cadence over a period                                           */

static int cmp_date(const void *a, const void *b)
{
	return date_cmp(*(const struct date *)a, *(const struct date *)b);
}

/* A bound on the walk: a due date a month apart at least, from 1900 to
 * 2200, is under 4 000 steps. */
#define REVIEW_STEPS_MAX 100000

size_t meeting_cadence_review(const struct cadence_input *in,
			      struct date from, struct date to,
			      struct cadence_due **out, size_t *n_missed)
{
	struct date *held = NULL, ref = in->starts_on;
	struct date first_year_end = date_add_months(in->starts_on, 12);
	size_t n_held = 0, i = 0, n = 0, cap = 0, missed = 0;

	*out = NULL;
	for (size_t k = 0; k < in->n_follow_ups; k++) {
		if (date_cmp(in->follow_ups[k], in->today) > 0)
			continue;
		held = xrealloc(held, (n_held + 1) * sizeof *held);
		held[n_held++] = in->follow_ups[k];
	}
	if (n_held)
		qsort(held, n_held, sizeof *held, cmp_date);
	for (int step = 0; step < REVIEW_STEPS_MAX && date_cmp(ref, to) <= 0;
	     step++) {
		struct date monthly = date_add_months(ref, 1);
		struct cadence_due d = { 0 };
		bool in_range;

		d.monthly = date_cmp(monthly, first_year_end) <= 0;
		d.due = d.monthly ? monthly
				  : date_add_months(ref, CADENCE_AFTER_MONTHS);
		/* meetings on or before the reference answer nothing more */
		while (i < n_held && date_cmp(held[i], ref) <= 0)
			i++;
		if (i < n_held && date_cmp(held[i], d.due) <= 0) {
			d.kept = true;
			d.held = held[i++];
			ref = d.held;
			in_range = date_cmp(d.held, from) >= 0 &&
				   date_cmp(d.held, to) <= 0;
		} else if (date_cmp(d.due, in->today) >= 0) {
			break;	/* not missed yet */
		} else {
			ref = d.due;
			in_range = date_cmp(d.due, from) >= 0 &&
				   date_cmp(d.due, to) <= 0;
		}
		if (!in_range)
			continue;
		*out = xgrow(*out, &cap, n + 1, sizeof **out);
		(*out)[n++] = d;
		missed += !d.kept;
	}
	free(held);
	if (n_missed)
		*n_missed = missed;
	return n;
}

/* ------------------------------------------------------------------ */
/* The annexes' committees                                             */

/* Folded words -> meetings a year; the first that the text holds wins,
 * so a range comes before its ends and "bimensuel" before "mensuel". */
static const struct {
	const char *words;
	int per_year;
} frequencies[] = {
	{ "annuel a bi-annuel", 1 }, { "annuel a biannuel", 1 },
	{ "annuel a semestriel", 1 },
	{ "bi-annuel", 2 }, { "biannuel", 2 }, { "semestriel", 2 },
	{ "deux fois par an", 2 },
	{ "bimensuel", 24 }, { "bi-mensuel", 24 },
	{ "bimestriel", 6 }, { "bi-mestriel", 6 },
	{ "trimestriel", 4 }, { "tous les trimestres", 4 },
	{ "chaque trimestre", 4 },
	{ "mensuel", 12 }, { "tous les mois", 12 }, { "chaque mois", 12 },
	{ "hebdomadaire", 52 }, { "toutes les semaines", 52 },
	{ "annuel", 1 }, { "une fois par an", 1 }, { "chaque annee", 1 },
};

int committee_frequency_per_year(const char *text)
{
	char *f;
	int ret = -1;

	if (!text || !*text)
		return -1;
	f = text_fold(text);
	for (size_t i = 0; i < sizeof frequencies / sizeof *frequencies; i++)
		if (strstr(f, frequencies[i].words)) {
			ret = frequencies[i].per_year;
			break;
		}
	free(f);
	return ret;
}

/* Folded beginnings of a committee's name -> the kind of meeting that
 * records it. */
static const struct {
	const char *start;
	enum meeting_kind kind;
} committee_kinds[] = {
	{ "comite numerique", MEETING_DIGITAL },
	{ "reunion thematique", MEETING_THEMATIC },
	{ "comite de suivi", MEETING_FOLLOW_UP },
};

int committee_meeting_kind(const char *name)
{
	char *f;
	const char *p;
	int ret = -1;

	if (!name)
		return -1;
	f = text_fold(name);
	for (p = f; *p == ' '; p++)
		;
	for (size_t i = 0; i < sizeof committee_kinds / sizeof *committee_kinds;
	     i++)
		if (!strncmp(p, committee_kinds[i].start,
			     strlen(committee_kinds[i].start))) {
			ret = (int)committee_kinds[i].kind;
			break;
		}
	free(f);
	return ret;
}

char *meeting_kind_name(enum meeting_kind k, char *const *committees,
			size_t n)
{
	if (k == MEETING_DIGITAL)
		for (size_t i = 0; i < n; i++) {
			const char *c = committees[i];
			char *out;

			if (committee_meeting_kind(c) != (int)k)
				continue;
			while (*c == ' ')
				c++;
			out = xstrdup(c);
			/* "Comité" -> "comité": the labels' case */
			if (!strncmp(out, "Comit\xc3\xa9", 7))
				out[0] = 'c';
			return out;
		}
	return xstrdup(meeting_kind_vocab[k].label);
}
