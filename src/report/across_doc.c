/*
 * The view across communes as a document (include/suivi/across_report.h).
 */
#include "suivi/across_report.h"
#include "suivi/date.h"
#include "suivi/evaluation.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The grid's tone (as the evaluation's cells), muted for hors annexe. */
static enum doc_tone status_tone(const struct across_row *r)
{
	return r->in_force ? evaluation_cell_tone(r->cell.status) : TONE_MUTED;
}

/* "Cible atteinte : 12 · cible manquée : 3 · … · hors annexe : 2": the
 * rows by status, in the order they call for attention. */
static void counts_para(struct doc *d, const struct across *a)
{
	static const enum value_status order[] = {
		STATUS_MISSED, STATUS_MISSING, STATUS_NO_TARGET, STATUS_MET,
		STATUS_NOT_APPLICABLE, STATUS_NOT_DUE,
	};
	size_t by[STATUS_COUNT] = { 0 }, out = 0;
	struct strbuf sb;

	for (size_t i = 0; i < a->n; i++) {
		if (a->rows[i].in_force)
			by[a->rows[i].cell.status]++;
		else
			out++;
	}
	strbuf_init(&sb);
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
		if (by[order[k]])
			strbuf_addf(&sb, "%s%s : %zu", sb.len ? " · " : "",
				    dashboard_status_label[order[k]],
				    by[order[k]]);
	if (out)
		strbuf_addf(&sb, "%s%s : %zu", sb.len ? " · " : "",
			    ACROSS_OUT_OF_ANNEX, out);
	if (sb.len) {
		/* a capital to begin the sentence */
		if (sb.buf[0] >= 'a' && sb.buf[0] <= 'z')
			sb.buf[0] = (char)(sb.buf[0] - 'a' + 'A');
		doc_para(d, "%s.", sb.buf);
	}
	strbuf_release(&sb);
}

/* The code as the contract writes it, without its domain. */
static const char *bare_code(const char *code)
{
	const char *slash = strrchr(code, '/');

	return slash ? slash + 1 : code;
}

static void indicator_part(struct doc *d, const struct across *a,
			   bool with_heading)
{
	bool crit = false;
	struct doc_table *t;
	size_t nc = 0;
	const char *heads[9];
	char buf[VALUE_TEXT_MAX + 64];

	/* one criticality asked for: the title says it */
	for (size_t i = 0; i < a->n && !a->criticality; i++)
		crit |= a->rows[i].in_force && a->rows[i].criticality[0];
	heads[nc++] = "Commune";
	if (crit)
		heads[nc++] = "Criticité";
	heads[nc++] = "Période";
	heads[nc++] = "Valeur";
	heads[nc++] = "Cible";
	heads[nc++] = "Statut";
	heads[nc++] = "Valeur précédente";
	heads[nc++] = "Tendance";
	heads[nc++] = "Remarque";
	if (with_heading)
		doc_heading(d, 1, "%s", a->label);
	counts_para(d, a);
	t = doc_table(d, bare_code(a->code), nc, heads);
	for (size_t i = 0; i < a->n; i++) {
		const struct across_row *r = &a->rows[i];
		int j = across_trend_judgement(r);

		doc_row(t);
		doc_text(t, r->commune, TONE_NONE);
		if (crit)
			doc_text(t, r->in_force ? r->criticality : NULL,
				 TONE_NONE);
		if (r->in_force) {
			period_label(r->cell.period, buf, sizeof buf);
			doc_text(t, buf, TONE_NONE);
		} else {
			doc_text(t, NULL, TONE_NONE);
		}
		across_value_text(r, buf, sizeof buf);
		if (r->has_num && value_kind_numeric(r->spec.kind))
			doc_num(t, r->num, buf, status_tone(r));
		else
			doc_text(t, buf, status_tone(r));
		across_target_text(r, buf, sizeof buf);
		doc_text(t, buf, TONE_NONE);
		doc_text(t, across_status_text(r), status_tone(r));
		across_prev_text(r, buf, sizeof buf);
		if (r->has_prev_num && value_kind_numeric(r->spec.kind))
			doc_num(t, r->prev_num, buf, TONE_NONE);
		else
			doc_text(t, buf, TONE_NONE);
		snprintf(buf, sizeof buf, "%s%s%s", across_trend_arrow[r->trend],
			 r->trend != ACROSS_TREND_NONE ? " " : "",
			 across_trend_label[r->trend]);
		doc_text(t, buf, j > 0 ? TONE_MET : j < 0 ? TONE_MISSED
						 : TONE_NONE);
		doc_text(t, !r->in_force ? r->why
			    : r->cell.computed ? "calculée depuis les saisines"
			    : NULL, TONE_NONE);
	}
}

static const char note_text[] =
	"Pour la Conférence territoriale : l'indicateur dans chaque commune "
	"suivie par la base. Valeur, cible de l'année et statut sont ceux du "
	"tableau de bord de la commune (la valeur saisie, sinon celle que "
	"calcule le journal des saisines ; la version de l'annexe en vigueur "
	"au premier jour de la période). Tendance : la valeur comparée à celle "
	"de la période précédente de même durée (↗ en hausse, ↘ en baisse, → "
	"stable), marquée atteinte quand elle va dans le sens voulu par "
	"l'indicateur et manquée sinon. « Hors annexe » : aucune annexe de la "
	"commune en vigueur à cette période n'a l'indicateur (la remarque dit "
	"pourquoi). Une commune qui mesure l'indicateur sur une autre durée "
	"donne la période de sa périodicité qui contient la fin de la période "
	"du rapport (le trimestre d'un mois, le dernier mois d'une année).";

int across_report_build(struct store *st, const struct across_report_opts *o,
			const char *today, struct doc *out, struct err *e)
{
	char label[64], today_fr[DATE_ISO_LEN];
	char **codes = NULL, *name = NULL, *title = NULL, *subtitle;
	size_t n = 0, communes = 0;
	struct across *all = NULL;
	struct date td;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (!o->indicator == !o->domain) {
		err_set(e, ERR_USAGE, "donnez un indicateur (--indicator) ou un "
			"domaine (--domain), l'un des deux");
		return -1;
	}
	if (o->domain && o->criticality) {
		err_set(e, ERR_USAGE, "--criticite ne sert qu'avec un indicateur "
			"(--indicator) : un domaine donne toutes les "
			"criticités");
		return -1;
	}
	if (date_parse(today, &td) != 0) {
		err_set(e, ERR_INPUT, "date du jour illisible : %s", today);
		return -1;
	}
	date_format_fr(td, today_fr);
	period_label(o->period, label, sizeof label);
	if (o->domain) {
		if (across_domain_codes(st, o->domain, o->period, &codes, &n,
					&name, e) != 0)
			return -1;
	} else {
		codes = xcalloc(1, sizeof *codes);
		codes[0] = xstrdup(o->indicator);
		n = 1;
	}
	all = n ? xcalloc(n, sizeof *all) : NULL;
	for (size_t i = 0; i < n; i++) {
		if (across_load(st, codes[i], o->criticality, o->period, today,
				&all[i], e) != 0)
			goto out;
		across_sort(&all[i], o->sort, o->descending);
	}
	if (n) {
		/* the communes: every contract has a row in each view */
		for (size_t i = 0; i < all[0].n; i++) {
			bool seen = false;

			for (size_t j = 0; j < i && !seen; j++)
				seen = !strcmp(all[0].rows[j].contract_uid,
					       all[0].rows[i].contract_uid);
			communes += !seen;
		}
	}
	if (o->domain)
		title = xasprintf("%s (%s) — toutes les communes — %s", name,
				  o->domain, label);
	else
		title = xasprintf("%s%s%s%s — toutes les communes — %s",
				  all[0].label, o->criticality ? " [" : "",
				  o->criticality ? o->criticality : "",
				  o->criticality ? "]" : "", label);
	subtitle = communes
		? xasprintf("%zu commune%s suivie%s par la base · valeurs au %s",
			    communes, communes > 1 ? "s" : "",
			    communes > 1 ? "s" : "", today_fr)
		: xasprintf("Valeurs au %s", today_fr);
	doc_init(out, title, subtitle);
	free(subtitle);
	doc_note(out, "%s", note_text);
	if (o->domain && !n)
		doc_para(out, "Aucun indicateur du domaine « %s » n'est en "
			 "vigueur en %s dans les contrats de la base.",
			 o->domain, label);
	for (size_t i = 0; i < n; i++)
		indicator_part(out, &all[i], o->domain != NULL);
	{
		char *footer = xasprintf("Établi par suivi le %s", today_fr);

		doc_set_footer(out, footer);
		free(footer);
	}
	rc = 0;
out:
	for (size_t i = 0; i < n; i++)
		across_release(&all[i]);
	free(all);
	text_lines_free(codes, n);
	free(name);
	free(title);
	if (rc != 0)
		doc_release(out);
	return rc;
}
