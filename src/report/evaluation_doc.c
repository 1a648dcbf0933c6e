/*
 * evaluation_doc.c - the évaluation as a document: its parts and the
 * indicator tables.
 */
#include "suivi/evaluation.h"
#include "evaluation_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/browse.h"
#include "suivi/dashboard.h"
#include "suivi/store_contract.h"
#include "suivi/store_evaluation.h"
#include "suivi/store_meeting.h"
#include "suivi/store_observation.h"
#include "suivi/store_request.h"
#include "suivi/number.h"
#include "suivi/strbuf.h"
#include "suivi/summary.h"
#include "suivi/text.h"
#include "suivi/date.h"
#include "suivi/xalloc.h"

/* ------------------------------------------------------------------ */
/* The document                                                        */


enum doc_tone evaluation_cell_tone(enum value_status s)
{
	switch (s) {
	case STATUS_MET:
		return TONE_MET;
	case STATUS_MISSED:
		return TONE_MISSED;
	case STATUS_MISSING:
		return TONE_MISSING;
	case STATUS_NOT_DUE:
		return TONE_MUTED;
	default:
		return TONE_NONE;
	}
}

static enum doc_tone status_tone(enum eval_status s)
{
	return s == EVAL_MET ? TONE_MET
	     : s == EVAL_MISSED ? TONE_MISSED
	     : s == EVAL_NOT_MEASURED ? TONE_MISSING
	     : s == EVAL_NOT_APPLICABLE ? TONE_MUTED : TONE_NONE;
}

static void count_cell(struct doc_table *t, size_t n, enum doc_tone tone)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", n);
	doc_num(t, (double)n, buf, tone);
}

static void decimal_cell(struct doc_table *t, bool has, double v)
{
	char buf[32];

	if (!has) {
		doc_text(t, "—", TONE_MUTED);
		return;
	}
	evaluation_format_decimal(v, buf, sizeof buf);
	doc_num(t, evaluation_round1(v), buf, TONE_NONE);
}

/* Which period columns a set of indicators needs. */
struct columns {
	bool months, quarters, year;
	size_t n;
	const char *heads[17];
	char own[17][24];	/* the anniversary period's headings */
};

static void columns_add(struct columns *c, const struct eval_indicator *x)
{
	if (x->n_cells == 12)
		c->months = true;
	else if (x->n_cells == 4)
		c->quarters = true;
	else
		c->year = true;
}

/* The headings: the calendar year's "janv." … "déc.", "T1" … "T4",
 * "Année"; the anniversary period's periods with their year ("févr.
 * 2017" … "janv. 2018", "T1 2017" …, "2017"), from its first day on. */
static void columns_close(struct columns *c, const struct evaluation *ev)
{
	static const enum periodicity pers[3] = { PERIOD_MONTHLY,
						  PERIOD_QUARTERLY,
						  PERIOD_ANNUAL };
	const bool want[3] = { c->months, c->quarters, c->year };
	const int count[3] = { 12, 4, 1 };
	struct date from;

	c->n = 0;
	date_parse(ev->from, &from);
	for (int k = 0; k < 3; k++) {
		struct period p = period_containing(pers[k], from);

		if (!want[k])
			continue;
		for (int i = 0; i < count[k]; i++, p = period_next(p)) {
			if (ev->period == EVAL_ANNIVERSARY) {
				if (k == 2)
					snprintf(c->own[c->n], sizeof c->own[0],
						 "%d", p.year);
				else
					snprintf(c->own[c->n], sizeof c->own[0],
						 "%s %d", period_heading(p),
						 p.year);
				c->heads[c->n] = c->own[c->n];
			} else {
				c->heads[c->n] = k == 2 ? "Année"
						 : period_heading(p);
			}
			c->n++;
		}
	}
}

/* The column of cell i of an indicator, among c's. */
static size_t column_of(const struct columns *c, const struct eval_indicator *x,
			int i)
{
	size_t base = 0;

	if (x->n_cells == 12)
		return (size_t)i;
	if (c->months)
		base += 12;
	if (x->n_cells == 4)
		return base + (size_t)i;
	if (c->quarters)
		base += 4;
	return base;
}

static void period_cells(struct doc_table *t, const struct columns *c,
			 const struct eval_indicator *x)
{
	for (size_t col = 0; col < c->n; col++) {
		const struct eval_cell *cell = NULL;

		for (int i = 0; i < x->n_cells; i++)
			if (column_of(c, x, i) == col)
				cell = &x->cells[i];
		if (!cell)
			doc_text(t, "", TONE_MUTED);
		else if (!cell->applicable)
			doc_text(t, "hors annexe", TONE_MUTED);
		else if (cell->not_applicable)
			doc_text(t, "sans objet", TONE_MUTED);
		else if (cell->has_value && cell->has_num)
			doc_num(t, cell->num, cell->value,
				evaluation_cell_tone(cell->status));
		else if (cell->has_value)
			doc_text(t, cell->value, evaluation_cell_tone(cell->status));
		else if (cell->status == STATUS_MISSING)
			doc_text(t, "manquante", TONE_MISSING);
		else
			doc_text(t, "à venir", TONE_MUTED);
	}
}

static void tail_cells(struct doc_table *t, const struct eval_indicator *x)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%d/%d", x->n_measured, x->n_expected);
	doc_text(t, buf, TONE_NONE);
	doc_text(t, eval_status_label[x->status], status_tone(x->status));
}

static char *indicator_title(const struct eval_indicator *x)
{
	return *x->criticality ? xasprintf("%s [%s] %s", x->code,
					   x->criticality, x->label)
			       : xasprintf("%s %s", x->code, x->label);
}

/* "≤ 4 h": the target with the direction that judges it; each year's
 * when an anniversary period's years differ. */
static char *target_text(const struct eval_indicator *x)
{
	if (x->target_years)
		return xstrdup(x->target_years);
	if (!x->has_target)
		return xstrdup("—");
	return xasprintf("%s%s", value_better_sign(x->better), x->target);
}

static void commitment_table(struct doc *d, const struct evaluation *ev,
			     const struct eval_domain *dom,
			     const struct eval_commitment *cm)
{
	struct columns c = { 0 };
	const char *heads[4 + 17 + 2];
	size_t n = 0;
	struct doc_table *t;
	char *name;

	for (size_t k = 0; k < cm->n_indicators; k++)
		columns_add(&c, &cm->indicators[k]);
	columns_close(&c, ev);
	heads[n++] = "Indicateur";
	heads[n++] = "Cible";
	heads[n++] = "Niveau constaté";
	for (size_t k = 0; k < c.n; k++)
		heads[n++] = c.heads[k];
	heads[n++] = "Relevés";
	heads[n++] = "Statut annuel";
	name = xasprintf("Engagement %s (%s)", cm->code, dom->code);
	t = doc_table(d, name, n, heads);
	free(name);
	for (size_t k = 0; k < cm->n_indicators; k++) {
		const struct eval_indicator *x = &cm->indicators[k];
		char *title = indicator_title(x), *target = target_text(x);

		doc_row(t);
		doc_text(t, title, TONE_NONE);
		doc_text(t, target, x->has_target || x->target_years
			 ? TONE_NONE : TONE_MUTED);
		doc_text(t, x->baseline ? x->baseline : "—",
			 x->baseline ? TONE_NONE : TONE_MUTED);
		period_cells(t, &c, x);
		tail_cells(t, x);
		free(title);
		free(target);
	}
}

static void indicator_chart(struct doc *d, const struct evaluation *ev,
			    const struct eval_indicator *x)
{
	struct date start;
	int from = 0;
	double scale = x->kind == VALUE_RATIO ? 100.0 : 1.0;
	/* the units value_format writes */
	const char *unit = x->kind == VALUE_RATIO ? "%"
			 : x->kind == VALUE_PERCENT ? "%"
			 : x->kind == VALUE_HOURS ? "h"
			 : x->kind == VALUE_DAYS ? "j"
			 : x->unit ? x->unit : "";
	struct doc_chart *ch;
	char *title;
	bool any = false;

	if (x->kind == VALUE_TEXT || x->kind == VALUE_YES_NO)
		return;
	/* periods over before the contract began say nothing */
	if (date_parse(ev->starts_on, &start) == 0)
		while (from < 11 && !x->trend_has[from] &&
		       date_cmp(period_last_day(x->trend_period[from]),
				start) < 0)
			from++;
	for (int k = from; k < 12; k++)
		any |= x->trend_has[k];
	if (!any)
		return;
	title = indicator_title(x);
	ch = doc_chart(d, title, unit, (size_t)(12 - from));
	free(title);
	for (int k = from; k < 12; k++) {
		/* short, so that twelve fit under the axis: "janv. 25", "T1 25",
		 * "2025" */
		struct period p = x->trend_period[k];
		char label[24];

		if (p.month || p.quarter)
			snprintf(label, sizeof label, "%s %02d",
				 period_heading(p), p.year % 100);
		else
			snprintf(label, sizeof label, "%d", p.year);
		doc_chart_point(ch, (size_t)(k - from), label,
				x->trend_has[k], x->trend[k] * scale);
	}
	if (x->target_has_num)
		doc_chart_target(ch, x->target_num * scale);
}

const char *evaluation_plural(size_t n)
{
	return n > 1 ? "s" : "";
}

void evaluation_summary_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Niveau", "Atteints", "Non atteints", "Sans cible",
		"Non mesurés", "Sans objet", "Total",
	};
	struct doc_table *t;

	doc_heading(d, 1, "Synthèse");
	doc_para(d, "Engagements : %zu atteint%s, %zu non atteint%s, %zu non "
		 "mesuré%s, sur %zu. Indicateurs : %zu atteint%s, %zu non "
		 "atteint%s, %zu sans cible, %zu non mesuré%s, sur %zu.",
		 ev->commitments[EVAL_MET], evaluation_plural(ev->commitments[EVAL_MET]),
		 ev->commitments[EVAL_MISSED],
		 evaluation_plural(ev->commitments[EVAL_MISSED]),
		 ev->commitments[EVAL_NOT_MEASURED],
		 evaluation_plural(ev->commitments[EVAL_NOT_MEASURED]), ev->n_commitments,
		 ev->indicators[EVAL_MET], evaluation_plural(ev->indicators[EVAL_MET]),
		 ev->indicators[EVAL_MISSED],
		 evaluation_plural(ev->indicators[EVAL_MISSED]),
		 ev->indicators[EVAL_NO_TARGET],
		 ev->indicators[EVAL_NOT_MEASURED],
		 evaluation_plural(ev->indicators[EVAL_NOT_MEASURED]), ev->n_indicators);
	if (ev->commitments[EVAL_NOT_APPLICABLE] ||
	    ev->indicators[EVAL_NOT_APPLICABLE])
		doc_para(d, "Sans objet (rien à mesurer sur la période) : %zu "
			 "engagement%s, %zu indicateur%s.",
			 ev->commitments[EVAL_NOT_APPLICABLE],
			 evaluation_plural(ev->commitments[EVAL_NOT_APPLICABLE]),
			 ev->indicators[EVAL_NOT_APPLICABLE],
			 evaluation_plural(ev->indicators[EVAL_NOT_APPLICABLE]));
	t = doc_table(d, "Synthèse", 7, heads);
	doc_row(t);
	doc_text(t, "Engagements", TONE_STRONG);
	count_cell(t, ev->commitments[EVAL_MET], TONE_MET);
	count_cell(t, ev->commitments[EVAL_MISSED], TONE_MISSED);
	doc_text(t, "—", TONE_MUTED);
	count_cell(t, ev->commitments[EVAL_NOT_MEASURED], TONE_MISSING);
	count_cell(t, ev->commitments[EVAL_NOT_APPLICABLE], TONE_MUTED);
	count_cell(t, ev->n_commitments, TONE_STRONG);
	doc_row(t);
	doc_text(t, "Indicateurs", TONE_STRONG);
	count_cell(t, ev->indicators[EVAL_MET], TONE_MET);
	count_cell(t, ev->indicators[EVAL_MISSED], TONE_MISSED);
	count_cell(t, ev->indicators[EVAL_NO_TARGET], TONE_NONE);
	count_cell(t, ev->indicators[EVAL_NOT_MEASURED], TONE_MISSING);
	count_cell(t, ev->indicators[EVAL_NOT_APPLICABLE], TONE_MUTED);
	count_cell(t, ev->n_indicators, TONE_STRONG);
	doc_heading(d, 3, "Règles de calcul");
	doc_list(d);
	for (const char *const *p = evaluation_rules_text; *p; p++)
		doc_item(d, "%s", *p);
}


/* For an indicator the request log computes: which values the tables
 * use, the log's or the typed ones, and the typed ones it does not give. */
static void computed_note(struct doc *d, const struct eval_indicator *x)
{
	int from_log = 0, typed = 0;
	struct strbuf diff;

	if (x->computed_from < 0)
		return;
	strbuf_init(&diff);
	for (int i = 0; i < x->n_cells; i++) {
		const struct eval_cell *c = &x->cells[i];
		char label[32];

		if (!c->has_value)
			continue;
		if (c->computed) {
			from_log++;
			continue;
		}
		typed++;
		if (!c->disagrees)
			continue;
		period_label(c->period, label, sizeof label);
		strbuf_addf(&diff, "%s%s : saisie %s, calcul %s",
			    diff.len ? " ; " : "", label, c->typed_value,
			    c->computed_value);
	}
	if (from_log || typed)
		doc_para(d, "%s%s%s : %d valeur%s calculée%s depuis le journal "
			 "des saisines, %d saisie%s%s%s%s.", x->code,
			 *x->criticality ? " " : "", x->criticality, from_log,
			 evaluation_plural((size_t)from_log), evaluation_plural((size_t)from_log),
			 typed, evaluation_plural((size_t)typed),
			 diff.len ? " ; la valeur saisie est retenue là où le "
				    "calcul donne autre chose (" : "",
			 diff.buf, diff.len ? ")" : "");
	strbuf_release(&diff);
}

void evaluation_domain_part(struct doc *d, const struct evaluation *ev,
			const struct eval_domain *dom)
{
	doc_heading(d, 1, "%s", dom->name);
	doc_heading(d, 2, "Observations");
	if (dom->observation_commune)
		doc_para(d, "De la commune : %s", dom->observation_commune);
	if (dom->observation_metropole)
		doc_para(d, "De Bordeaux Métropole : %s",
			 dom->observation_metropole);
	if (dom->observation)
		doc_para(d, "%s%s", dom->observation_commune ||
				     dom->observation_metropole
					     ? "Partie non précisée : " : "",
			 dom->observation);
	if (!dom->observation && !dom->observation_commune &&
	    !dom->observation_metropole)
		doc_para(d, "Aucune observation saisie pour %d.", ev->year);
	if (!dom->n_commitments)
		doc_para(d, "Aucun indicateur suivi dans ce domaine en %d.",
			 ev->year);
	for (size_t c = 0; c < dom->n_commitments; c++) {
		const struct eval_commitment *cm = &dom->commitments[c];

		if (*cm->title)
			doc_heading(d, 2, "Engagement %s — %s (%s)", cm->code,
				    cm->title, eval_status_label[cm->status]);
		else
			doc_heading(d, 2, "Engagement %s (%s)", cm->code,
				    eval_status_label[cm->status]);
		commitment_table(d, ev, dom, cm);
		for (size_t k = 0; k < cm->n_indicators; k++)
			computed_note(d, &cm->indicators[k]);
		for (size_t k = 0; k < cm->n_indicators; k++)
			indicator_chart(d, ev, &cm->indicators[k]);
	}
}

static void delay_row(struct doc_table *t, const struct eval_requests *q,
		      const char *label, const struct eval_delays *x,
		      enum doc_tone tone)
{
	doc_row(t);
	doc_text(t, label, tone);
	count_cell(t, x->n, tone);
	count_cell(t, x->n_ack, tone);
	decimal_cell(t, x->n_ack > 0,
		     q->ack_in_days ? x->ack_days_median : x->ack_median);
	decimal_cell(t, x->n_ack > 0,
		     q->ack_in_days ? x->ack_days_mean : x->ack_mean);
	count_cell(t, x->n_resolved, tone);
	decimal_cell(t, x->n_resolved > 0,
		     q->res_in_days ? x->res_median : x->res_hours_median);
	decimal_cell(t, x->n_resolved > 0,
		     q->res_in_days ? x->res_mean : x->res_hours_mean);
}

void evaluation_requests_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const count_heads[] = {
		"Type de saisine", "Demandes", "Incidents", "Total", "Annulées",
	};
	const char *delay_heads[] = {
		"Catégorie", "Nombre", "Prises en compte",
		"Prise en compte : médiane (h)",
		"Prise en compte : moyenne (h)", "Résolues",
		"Résolution : médiane (j ouvrés)",
		"Résolution : moyenne (j ouvrés)",
	};
	static const char *const nature_plural[NATURE_COUNT] = {
		[NATURE_DEMAND] = "demandes", [NATURE_INCIDENT] = "incidents",
	};
	const struct eval_requests *q = &ev->requests;
	struct doc_table *t;

	doc_heading(d, 1, "Saisines");
	doc_para(d, "%zu saisine%s reçue%s en %d, hors %zu annulée%s.",
		 q->total, evaluation_plural(q->total), evaluation_plural(q->total), ev->year,
		 q->total_cancelled, evaluation_plural(q->total_cancelled));
	t = doc_table(d, "Saisines", 5, count_heads);
	for (int k = 0; k < REQUEST_KIND_COUNT; k++) {
		doc_row(t);
		doc_text(t, request_kind_vocab[k].label, TONE_NONE);
		count_cell(t, q->count[k][NATURE_DEMAND], TONE_NONE);
		count_cell(t, q->count[k][NATURE_INCIDENT], TONE_NONE);
		count_cell(t, q->by_kind[k], TONE_STRONG);
		count_cell(t, q->cancelled[k], TONE_MUTED);
	}
	doc_row(t);
	doc_text(t, "Total", TONE_STRONG);
	count_cell(t, q->by_nature[NATURE_DEMAND], TONE_STRONG);
	count_cell(t, q->by_nature[NATURE_INCIDENT], TONE_STRONG);
	count_cell(t, q->total, TONE_STRONG);
	count_cell(t, q->total_cancelled, TONE_STRONG);

	if (q->ack_in_days) {
		delay_heads[3] = "Prise en compte : médiane (j ouvrés)";
		delay_heads[4] = "Prise en compte : moyenne (j ouvrés)";
	}
	if (!q->res_in_days) {
		delay_heads[6] = "Résolution : médiane (h)";
		delay_heads[7] = "Résolution : moyenne (h)";
	}
	doc_heading(d, 2, "Délais");
	doc_para(d, "Prise en compte : de la réception à la prise en compte, "
		 "%s. Résolution : de la réception à la résolution, %s. Les "
		 "unités sont celles des indicateurs calculés depuis les "
		 "saisines quand les annexes en ont. Sur les saisines non "
		 "annulées qui ont ces dates ; arrondi à une décimale ; « — » : "
		 "aucune saisine.",
		 q->ack_in_days ? "en jours ouvrés" : "en heures",
		 q->res_in_days ? "en jours ouvrés" : "en heures");
	t = doc_table(d, "Délais", 8, delay_heads);
	for (int k = 0; k < REQUEST_KIND_COUNT; k++)
		delay_row(t, q, request_kind_vocab[k].label, &q->delay_kind[k],
			  TONE_NONE);
	for (int k = 0; k < NATURE_COUNT; k++)
		delay_row(t, q, nature_plural[k], &q->delay_nature[k],
			  TONE_NONE);
	delay_row(t, q, "Ensemble", &q->delay_all, TONE_STRONG);
}

void evaluation_actions_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Action", "Responsable", "Échéance", "Statut", "Réunion",
		"Retard",
	};
	struct doc_table *t;
	char today[DATE_ISO_LEN];

	date_iso_fr(ev->today, today);
	doc_heading(d, 1, "Plan d'actions");
	if (!ev->n_actions)
		doc_para(d, "Aucune action en %d.", ev->year);
	else
		doc_para(d, "Les actions décidées aux réunions de %d et celles "
			 "des années précédentes qui ne sont pas terminées ; "
			 "statuts au %s.", ev->year, today);
	t = doc_table(d, "Plan d'actions", 6, heads);
	for (size_t i = 0; i < ev->n_actions; i++) {
		const struct eval_action *a = &ev->actions[i];
		char due[DATE_ISO_LEN], held[DATE_ISO_LEN], done[DATE_ISO_LEN];
		char status[64];
		enum doc_tone tone = a->status == ACTION_DONE ? TONE_MET
				   : a->status == ACTION_DROPPED ? TONE_MUTED
				   : TONE_NONE;

		date_iso_fr(a->due_on, due);
		date_iso_fr(a->meeting_held_on, held);
		date_iso_fr(a->done_on, done);
		if (a->status == ACTION_DONE && a->done_on)
			snprintf(status, sizeof status, "%s le %s",
				 action_status_vocab[a->status].label, done);
		else
			snprintf(status, sizeof status, "%s",
				 action_status_vocab[a->status].label);
		doc_row(t);
		doc_text(t, a->what, TONE_NONE);
		doc_text(t, a->owner ? a->owner : "—",
			 a->owner ? TONE_NONE : TONE_MUTED);
		doc_text(t, a->due_on ? due : "—",
			 a->due_on ? TONE_NONE : TONE_MUTED);
		doc_text(t, status, tone);
		doc_text(t, held, TONE_NONE);
		doc_text(t, a->late ? "en retard" : "",
			 a->late ? TONE_MISSED : TONE_NONE);
	}
}


/* An attribute, marked « * » when the follow-up chose it (the contract
 * does not say it: [choix] in its file). */
static void chosen_cell(struct doc_table *t, const struct eval_indicator *x,
			const char *key, const char *text)
{
	if (text && *text && text_list_has(x->choices, key)) {
		char *s = xasprintf("%s *", text);

		doc_text(t, s, TONE_NONE);
		free(s);
	} else {
		doc_text(t, text ? text : "", TONE_NONE);
	}
}

void evaluation_indicators_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const first[] = {
		"Domaine", "Engagement", "Code", "Criticité", "Indicateur",
		"Type de valeur", "Unité", "Périodicité", "Cible", "Sens",
		"Niveau constaté",
	};
	enum { N_FIRST = sizeof first / sizeof *first };
	const char *heads[N_FIRST + 17 + 2];
	struct columns c = { 0 };
	struct doc_table *t;
	size_t n = 0;

	for (size_t i = 0; i < ev->n_domains; i++)
		for (size_t j = 0; j < ev->domains[i].n_commitments; j++)
			for (size_t k = 0;
			     k < ev->domains[i].commitments[j].n_indicators; k++)
				columns_add(&c, &ev->domains[i].commitments[j]
							 .indicators[k]);
	columns_close(&c, ev);
	for (size_t k = 0; k < N_FIRST; k++)
		heads[n++] = first[k];
	for (size_t k = 0; k < c.n; k++)
		heads[n++] = c.heads[k];
	heads[n++] = "Relevés";
	heads[n++] = "Statut annuel";
	doc_heading(d, 1, "Annexe : tous les indicateurs");
	doc_para(d, "Les valeurs des tableaux par engagement, un indicateur "
		 "par ligne (par criticité pour les indicateurs suivis par "
		 "criticité). « * » : un choix du suivi, que le contrat ne dit "
		 "pas (type de valeur, unité, sens : section [choix] du "
		 "fichier du contrat).");
	t = doc_table(d, "Indicateurs", n, heads);
	for (size_t i = 0; i < ev->n_domains; i++) {
		const struct eval_domain *dom = &ev->domains[i];

		for (size_t j = 0; j < dom->n_commitments; j++) {
			const struct eval_commitment *cm = &dom->commitments[j];

			for (size_t k = 0; k < cm->n_indicators; k++) {
				const struct eval_indicator *x =
					&cm->indicators[k];

				doc_row(t);
				doc_text(t, dom->name, TONE_NONE);
				doc_text(t, cm->code, TONE_NONE);
				doc_text(t, x->code, TONE_NONE);
				doc_text(t, x->criticality, TONE_NONE);
				doc_text(t, x->label, TONE_NONE);
				chosen_cell(t, x, "type_valeur",
					    value_kind_vocab[x->kind].label);
				chosen_cell(t, x, "unite", x->unit);
				doc_text(t, periodicity_vocab[x->per].label,
					 TONE_NONE);
				if (!x->has_target)
					doc_text(t, "", TONE_MUTED);
				else if (value_kind_numeric(x->kind) &&
					 x->target_has_num)
					doc_num(t, x->target_num,
						x->target_short, TONE_NONE);
				else
					doc_text(t, x->target_short, TONE_NONE);
				chosen_cell(t, x, "meilleur",
					    better_vocab[x->better].file);
				doc_text(t, x->baseline ? x->baseline : "",
					 TONE_NONE);
				period_cells(t, &c, x);
				tail_cells(t, x);
			}
		}
	}
}

