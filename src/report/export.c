/*
 * The exports of the follow-up itself: the indicators of the annexes,
 * the values of a year, one indicator across every commune. (Requests:
 * export_requests.c; disputes and the summary: export_disputes.c.)
 */
#include "suivi/across.h"
#include "suivi/csv.h"
#include "suivi/date.h"
#include "suivi/export.h"
#include "suivi/model.h"
#include "suivi/number.h"
#include "suivi/store_contract.h"
#include "suivi/store_measurement.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/value.h"

#include <stdbool.h>
#include <stdio.h>

static const char *label(const struct vocab *v, int n, const char *db)
{
	int i;

	if (!db)
		return NULL;
	i = vocab_from_db(v, n, db);
	return i < 0 ? db : v[i].label;
}

/* "type_valeur, meilleur" as the names of this export's columns ("type
 * de valeur, sens"): which cells of the row are the follow-up's choices. */
static void choices_cell(struct csv *c, const char *choices)
{
	static const char *const names[][2] = {
		{ "type_valeur", "type de valeur" }, { "unite", "unité" },
		{ "echelle", "échelle" }, { "meilleur", "sens" },
		{ "criticites", "criticités" }, { "calcul", "calcul" },
	};
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if (text_list_has(choices, names[k][0]))
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", names[k][1]);
	csv_cell(c, sb.len ? sb.buf : NULL);
	strbuf_release(&sb);
}

static int row(const struct indicator_row *r, void *ctx)
{
	struct csv *c = ctx;
	char scale[32] = "";

	if (r->scale_min >= 0)
		snprintf(scale, sizeof scale, "%d-%d", r->scale_min,
			 r->scale_max);
	csv_cell(c, r->commune);
	csv_cell(c, r->insee);
	csv_cell(c, r->contract);
	csv_cell(c, r->domain_code);
	csv_cell(c, r->domain_name);
	csv_cell_int(c, r->annex_version);
	csv_cell(c, r->in_force_from);
	csv_cell(c, r->subdomain);
	csv_cell(c, r->commitment);
	csv_cell(c, r->commitment_title);
	csv_cell(c, r->code);
	csv_cell(c, r->label);
	csv_cell(c, r->definition);
	csv_cell(c, label(periodicity_vocab, PERIODICITY_COUNT, r->periodicity));
	csv_cell(c, r->source);
	csv_cell(c, r->baseline);
	csv_cell(c, r->conditions);
	csv_cell(c, label(value_kind_vocab, VALUE_KIND_COUNT, r->value_kind));
	csv_cell(c, r->unit);
	csv_cell(c, scale);
	csv_cell(c, label(better_vocab, BETTER_COUNT, r->better));
	csv_cell(c, r->criticalities);
	csv_cell(c, label(computed_vocab, COMPUTED_COUNT, r->computed_from));
	choices_cell(c, r->choices);
	csv_end_row(c);
	return ferror(c->out) ? 1 : 0;
}

static const char *const header[] = {
	"commune", "insee", "contrat", "domaine", "nom du domaine",
	"version de l'annexe", "en vigueur depuis", "sous-domaine",
	"engagement", "intitulé de l'engagement", "indicateur", "intitulé",
	"définition", "périodicité", "source", "niveau constaté",
	"conditions", "type de valeur", "unité", "échelle", "sens",
	"criticités", "calcul", "choix du suivi", NULL
};

static void header_row(struct csv *c, const char *const *h)
{
	for (int i = 0; h[i]; i++)
		csv_cell(c, h[i]);
	csv_end_row(c);
}

int export_indicators_csv(struct store *st, const char *commune,
			  const char *date, struct csv *c, struct err *e)
{
	header_row(c, header);
	/* store_indicator_rows takes the commune as typed */
	return store_indicator_rows(st, commune, date, row, c, e);
}

static const char *const measurement_header[] = {
	"commune", "insee", "contrat", "domaine", "indicateur", "intitulé",
	"criticité", "période", "valeur", "nombre", "dénominateur", "texte",
	"forcée", "commentaire", "auteur", "modifiée le", NULL
};

static void number_cell(struct csv *c, bool has, double v)
{
	char buf[64];

	if (!has) {
		csv_cell(c, NULL);
		return;
	}
	number_format(v, 6, buf, sizeof buf);
	csv_cell(c, buf);
}

static int measurement_row(const struct measurement_row *r, void *ctx)
{
	struct csv *c = ctx;
	struct value_spec spec = { r->kind, r->scale_min, r->scale_max,
				   r->unit };
	char shown[VALUE_TEXT_MAX + 64];

	value_format(&spec, &r->value, true, shown, sizeof shown);
	csv_cell(c, r->commune);
	csv_cell(c, r->insee);
	csv_cell(c, r->contract);
	csv_cell(c, r->domain_code);
	csv_cell(c, r->code);
	csv_cell(c, r->label);
	csv_cell(c, r->criticality);
	csv_cell(c, r->period);
	csv_cell(c, shown);
	number_cell(c, r->value.has_num, r->value.num);
	number_cell(c, r->value.has_den, r->value.den);
	csv_cell(c, r->value.text);
	csv_cell(c, r->is_override ? "oui" : "non");
	csv_cell(c, r->comment);
	csv_cell(c, r->author);
	csv_cell(c, r->updated_at);
	csv_end_row(c);
	return ferror(c->out) ? 1 : 0;
}

int export_measurements_csv(struct store *st, const char *contract_uid,
			    int year, struct csv *c, struct err *e)
{
	header_row(c, measurement_header);
	return store_measurement_rows(st, contract_uid, year, measurement_row,
				      c, e);
}

static const char *const communes_header[] = {
	"commune", "insee", "contrat", "indicateur", "intitulé", "criticité",
	"période", "valeur", "nombre", "cible", "statut",
	"période précédente", "valeur précédente", "tendance", "remarque",
	NULL
};

int export_communes_csv(struct store *st, const struct export_communes *x,
			const char *today, struct csv *c, struct err *e)
{
	char buf[VALUE_TEXT_MAX + 64];
	struct across a;

	/* loaded whole before the first line: a refusal writes nothing */
	if (across_load(st, x->code, x->crit, x->period, today, &a, e) != 0)
		return -1;
	across_sort(&a, x->sort, x->descending);
	header_row(c, communes_header);
	for (size_t i = 0; i < a.n; i++) {
		const struct across_row *r = &a.rows[i];

		csv_cell(c, r->commune);
		csv_cell(c, r->insee);
		csv_cell(c, r->identifier);
		csv_cell(c, a.code);
		csv_cell(c, r->label);
		csv_cell(c, r->criticality);
		csv_cell(c, r->in_force ? r->cell.key : NULL);
		across_value_text(r, buf, sizeof buf);
		csv_cell(c, buf);
		number_cell(c, r->has_num, r->num);
		across_target_text(r, buf, sizeof buf);
		csv_cell(c, buf);
		csv_cell(c, across_status_text(r));
		csv_cell(c, r->in_force ? r->prev.key : NULL);
		across_prev_text(r, buf, sizeof buf);
		csv_cell(c, buf);
		csv_cell(c, across_trend_label[r->trend]);
		csv_cell(c, !r->in_force ? r->why
			    : r->cell.computed ? "calculée depuis les saisines"
			    : NULL);
		csv_end_row(c);
	}
	across_release(&a);
	return ferror(c->out) ? 1 : 0;
}
