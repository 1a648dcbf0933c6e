/*
 * evaluation_parts.c - parts of the évaluation's document: the period,
 * the sender, the annexes in force, article 5 (meetings, committees),
 * exceptional requests and disputes.
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
/* The period, the sender, the annexes in force                        */

static void period_part(struct doc *d, const struct evaluation *ev)
{
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN], start[DATE_ISO_LEN];

	date_iso_fr(ev->from, from);
	date_iso_fr(ev->to, to);
	date_iso_fr(ev->starts_on, start);
	if (ev->period == EVAL_ANNIVERSARY)
		doc_para(d, "Période évaluée : du %s au %s, d'une date "
			 "anniversaire du contrat à la suivante (le contrat a "
			 "pris effet le %s).", from, to, start);
	else
		doc_para(d, "Période évaluée : du %s au %s (année civile).",
			 from, to);
	if (ev->starts_on[0] && strcmp(ev->starts_on, ev->from) > 0 &&
	    strcmp(ev->starts_on, ev->to) <= 0)
		doc_para(d, "Le contrat a pris effet le %s : la période est "
			 "suivie à partir de cette date.", start);
	if (ev->sender && ev->sender_function)
		doc_para(d, "Expéditeur : %s, %s.", ev->sender,
			 ev->sender_function);
	else if (ev->sender)
		doc_note(d, "Expéditeur : %s (fonction non renseignée : "
			 "« fonction = … » dans la section [evaluation] de "
			 "suivi.ini).", ev->sender);
	else
		doc_note(d, "Expéditeur non renseigné : indiquez son nom et sa "
			 "fonction dans la section [evaluation] de suivi.ini "
			 "(« expediteur = … », « fonction = … »).");
}

/* Article 5: sent to the commune by the deadline, presented to its
 * instances délibératives communales; the adjustments proposed. */
static void record_part(struct doc *d, const struct evaluation *ev)
{
	char on[DATE_ISO_LEN], deadline[DATE_ISO_LEN];

	doc_heading(d, 2, "Transmission et suites");
	date_iso_fr(ev->deadline, deadline);
	if (ev->sent_on) {
		date_iso_fr(ev->sent_on, on);
		doc_para(d, "Envoyée à la commune le %s%s (échéance : %s).", on,
			 strcmp(ev->sent_on, ev->deadline) > 0
				 ? ", après l'échéance" : "", deadline);
	} else {
		doc_para(d, "Envoi à la commune : pas encore enregistré "
			 "(échéance : %s).", deadline);
	}
	if (ev->presented_on) {
		date_iso_fr(ev->presented_on, on);
		doc_para(d, "Présentée aux instances délibératives communales "
			 "le %s.", on);
	} else {
		doc_para(d, "Présentation aux instances délibératives "
			 "communales : pas encore enregistrée.");
	}
	if (ev->adjustments)
		doc_para(d, "Ajustements proposés pour %d : %s", ev->year + 1,
			 ev->adjustments);
	else
		doc_para(d, "Ajustements proposés pour %d : aucun saisi.",
			 ev->year + 1);
}

/* "avenant n°1, en vigueur à partir du 01/01/2018", "annexe du contrat,
 * en vigueur à partir du 15/02/2016", "aucune annexe transcrite". */
static char *annex_words(const struct eval_annex *a)
{
	char on[DATE_ISO_LEN];

	if (a->version < 0)
		return xstrdup("aucune annexe transcrite en vigueur");
	date_iso_fr(a->in_force_from, on);
	if (a->version == 0)
		return xasprintf("annexe du contrat, en vigueur à partir du %s",
				 on);
	return xasprintf("avenant n°%d, en vigueur à partir du %s", a->version,
			 on);
}

static void annexes_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Domaine", "Annexe", "Version", "En vigueur à partir du",
		"Sur la période, du", "au",
	};
	struct doc_table *t;

	doc_heading(d, 1, "Annexes en vigueur");
	if (!ev->n_annexes) {
		doc_para(d, "Aucune annexe transcrite pour ce contrat.");
		return;
	}
	doc_para(d, "Les valeurs de chaque période relèvent de la version de "
		 "l'annexe en vigueur à son premier jour ; un avenant remplace "
		 "une annexe à partir de sa date, jamais avant.");
	doc_list(d);
	for (size_t i = 0; i < ev->n_annexes;) {
		const char *code = ev->annexes[i].domain_code;
		struct strbuf sb;
		size_t j = i;

		strbuf_init(&sb);
		for (; j < ev->n_annexes && !strcmp(ev->annexes[j].domain_code,
						    code); j++) {
			const struct eval_annex *a = &ev->annexes[j];
			char *w = annex_words(a);
			char f[DATE_ISO_LEN], to[DATE_ISO_LEN];

			date_iso_fr(a->from, f);
			date_iso_fr(a->to, to);
			if (sb.len)
				strbuf_addstr(&sb, " ; ");
			if (a->whole)
				strbuf_addf(&sb, "%s, sur toute la période", w);
			else
				strbuf_addf(&sb, "%s, du %s au %s", w, f, to);
			free(w);
		}
		doc_item(d, "%s : %s.", ev->annexes[i].domain_name, sb.buf);
		strbuf_release(&sb);
		i = j;
	}
	t = doc_table(d, "Annexes en vigueur", 6, heads);
	for (size_t i = 0; i < ev->n_annexes; i++) {
		const struct eval_annex *a = &ev->annexes[i];
		char on[DATE_ISO_LEN], f[DATE_ISO_LEN], to[DATE_ISO_LEN];
		char *w;

		date_iso_fr(a->in_force_from, on);
		date_iso_fr(a->from, f);
		date_iso_fr(a->to, to);
		doc_row(t);
		doc_text(t, a->domain_name, TONE_NONE);
		w = a->version < 0 ? xstrdup("aucune")
		  : a->version == 0 ? xstrdup("annexe du contrat")
		  : xasprintf("avenant n°%d", a->version);
		doc_text(t, w, a->version < 0 ? TONE_MUTED : TONE_NONE);
		free(w);
		if (a->version < 0) {
			doc_text(t, "—", TONE_MUTED);
			doc_text(t, "—", TONE_MUTED);
		} else {
			char v[16];

			snprintf(v, sizeof v, "%d", a->version);
			doc_num(t, a->version, v, TONE_NONE);
			doc_text(t, on, TONE_NONE);
		}
		doc_text(t, f, TONE_NONE);
		doc_text(t, to, TONE_NONE);
	}
}

/* ------------------------------------------------------------------ */
/* Article 5: meetings and committees                                  */

static void follow_up_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const due_heads[] = {
		"Échéance", "Règle", "Réunion tenue le", "Constat",
	};
	static const char *const committee_heads[] = {
		"Domaine", "Annexe", "Comité", "Fréquence prévue par l'annexe",
		"Du", "Au", "Attendues", "Tenues", "Constat",
	};
	const struct eval_meetings *x = &ev->meetings;
	char on[DATE_ISO_LEN], fye[DATE_ISO_LEN];
	struct doc_table *t;

	doc_heading(d, 1, "Suivi du contrat (article 5)");
	doc_para(d, "Une réunion compte quand elle est tenue, c'est-à-dire "
		 "close ; les réunions prévues, en cours ou annulées ne "
		 "comptent pas.");
	doc_heading(d, 2, "Réunion de lancement");
	date_iso_fr(x->launch_on, on);
	if (x->launch_held)
		doc_para(d, "Réunion de lancement tenue le %s.", on);
	else if (x->launch_on[0])
		doc_note(d, "Réunion de lancement pas encore tenue (prévue le "
			 "%s) : l'article 5 la prévoit avec les parties "
			 "prenantes.", on);
	else
		doc_note(d, "Réunion de lancement pas encore tenue ni prévue : "
			 "l'article 5 la prévoit avec les parties prenantes.");

	doc_heading(d, 2, "Réunions de suivi");
	date_iso_fr(x->first_year_end, fye);
	doc_para(d, "Article 5 : des rencontres mensuelles des responsables du "
		 "suivi du contrat la première année (jusqu'au %s), au moins "
		 "trimestrielles ensuite. %zu réunion%s de suivi tenue%s sur la "
		 "période ; %zu échéance%s manquée%s.", fye, x->n_follow_ups,
		 evaluation_plural(x->n_follow_ups), evaluation_plural(x->n_follow_ups), x->n_missed,
		 evaluation_plural(x->n_missed), evaluation_plural(x->n_missed));
	if (x->n_dues) {
		t = doc_table(d, "Réunions de suivi", 4, due_heads);
		for (size_t i = 0; i < x->n_dues; i++) {
			const struct cadence_due *c = &x->dues[i];
			char due[DATE_ISO_LEN], held[DATE_ISO_LEN];

			date_format_fr(c->due, due);
			doc_row(t);
			doc_text(t, due, TONE_NONE);
			doc_text(t, c->monthly ? "mensuelle (première année)"
				 : "trimestrielle", TONE_NONE);
			if (c->kept) {
				date_format_fr(c->held, held);
				doc_text(t, held, TONE_NONE);
				doc_text(t, "tenue", TONE_MET);
			} else {
				doc_text(t, "—", TONE_MUTED);
				doc_text(t, "manquée", TONE_MISSED);
			}
		}
	}

	doc_heading(d, 2, "Réunions avec les Maires");
	if (!x->n_mayors) {
		doc_para(d, "Aucune réunion avec les Maires tenue sur la "
			 "période, pour au moins %d par an (article 5).",
			 x->mayors_required);
	} else {
		struct strbuf sb;

		strbuf_init(&sb);
		for (size_t i = 0; i < x->n_mayors; i++) {
			date_iso_fr(x->mayors[i], on);
			strbuf_addf(&sb, "%s%s", i ? ", " : "", on);
		}
		doc_para(d, "%zu réunion%s avec les Maires tenue%s sur la "
			 "période (%s), pour au moins %d par an (article 5)%s",
			 x->n_mayors, evaluation_plural(x->n_mayors), evaluation_plural(x->n_mayors),
			 sb.buf, x->mayors_required,
			 (int)x->n_mayors >= x->mayors_required ? "."
			 : " : il en manque.");
		strbuf_release(&sb);
	}

	doc_heading(d, 2, "Comités des annexes");
	if (!ev->n_committees) {
		doc_para(d, "Aucun comité prévu par les annexes en vigueur sur "
			 "la période.");
		return;
	}
	doc_para(d, "La comitologie des annexes en vigueur, avec la fréquence "
		 "qu'elles prévoient. Les réunions tenues sont celles du type "
		 "qui enregistre le comité (comité numérique communal, réunion "
		 "thématique, réunion de suivi) ; un comité qu'aucun type de "
		 "réunion n'enregistre n'est pas suivi.");
	t = doc_table(d, "Comités", 9, committee_heads);
	for (size_t i = 0; i < ev->n_committees; i++) {
		const struct eval_committee *c = &ev->committees[i];
		char f[DATE_ISO_LEN], to[DATE_ISO_LEN], n[32], *annex;
		const char *finding;
		enum doc_tone tone;

		date_iso_fr(c->from, f);
		date_iso_fr(c->to, to);
		annex = c->annex_version == 0 ? xstrdup("annexe du contrat")
			: xasprintf("avenant n°%d", c->annex_version);
		doc_row(t);
		doc_text(t, c->domain_code, TONE_NONE);
		doc_text(t, annex, TONE_NONE);
		free(annex);
		doc_text(t, c->name, TONE_NONE);
		doc_text(t, c->frequency ? c->frequency : "non précisée",
			 c->frequency ? TONE_NONE : TONE_MUTED);
		doc_text(t, f, TONE_NONE);
		doc_text(t, to, TONE_NONE);
		if (c->expected >= 0) {
			snprintf(n, sizeof n, "%d", c->expected);
			doc_num(t, c->expected, n, TONE_NONE);
		} else {
			doc_text(t, "—", TONE_MUTED);
		}
		if (c->held >= 0) {
			snprintf(n, sizeof n, "%d", c->held);
			doc_num(t, c->held, n, TONE_NONE);
		} else {
			doc_text(t, "non suivi", TONE_MUTED);
		}
		if (c->held < 0) {
			finding = "non suivi : aucun type de réunion ne "
				  "l'enregistre";
			tone = TONE_MUTED;
		} else if (c->expected < 0) {
			finding = "fréquence non précisée par l'annexe";
			tone = TONE_MUTED;
		} else if (c->held >= c->expected) {
			finding = "tenu";
			tone = TONE_MET;
		} else if (!c->over) {
			finding = "en cours";
			tone = TONE_MISSING;
		} else {
			finding = "non tenu";
			tone = TONE_MISSED;
		}
		doc_text(t, finding, tone);
	}
}

/* ------------------------------------------------------------------ */
/* Exceptional requests and disputes                                   */

static void exceptional_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Reçue le", "Objet", "Demande", "Décision", "Décidée par",
		"Décidée le", "Coût estimé", "Statut",
	};
	struct doc_table *t;
	char total[96];

	doc_heading(d, 1, "Demandes exceptionnelles");
	if (!ev->n_exceptional) {
		doc_para(d, "Aucune demande exceptionnelle reçue sur la "
			 "période.");
		return;
	}
	number_format_euros(ev->cost_total, total, sizeof total);
	doc_para(d, "%zu demande%s exceptionnelle%s reçue%s sur la période "
		 "(hors du champ du contrat, traitées avec l'adjoint au "
		 "directeur général des territoires en charge du pôle "
		 "territorial, article 4) ; coût estimé : %s (%zu chiffrée%s).",
		 ev->n_exceptional, evaluation_plural(ev->n_exceptional),
		 evaluation_plural(ev->n_exceptional), evaluation_plural(ev->n_exceptional),
		 ev->n_with_cost ? total : "aucun", ev->n_with_cost,
		 evaluation_plural(ev->n_with_cost));
	t = doc_table(d, "Demandes exceptionnelles", 8, heads);
	for (size_t i = 0; i < ev->n_exceptional; i++) {
		const struct request *r = &ev->exceptional[i];
		char rcv[DATE_ISO_LEN], on[DATE_ISO_LEN], cost[96];
		bool decided = r->decision && *r->decision;

		{
			char day[DATE_ISO_LEN];

			snprintf(day, sizeof day, "%.10s",
				 r->received_at ? r->received_at : "");
			date_iso_fr(day, rcv);
		}
		date_iso_fr(r->decided_on, on);
		doc_row(t);
		doc_text(t, rcv, TONE_NONE);
		doc_text(t, r->object, TONE_NONE);
		doc_text(t, r->asked ? r->asked : "—",
			 r->asked ? TONE_NONE : TONE_MUTED);
		doc_text(t, decided ? r->decision : "en attente",
			 decided ? TONE_NONE : TONE_MISSING);
		doc_text(t, r->decided_by ? r->decided_by : "—",
			 r->decided_by ? TONE_NONE : TONE_MUTED);
		doc_text(t, r->decided_on ? on : "—",
			 r->decided_on ? TONE_NONE : TONE_MUTED);
		if (r->has_cost) {
			number_format_euros(r->estimated_cost, cost,
					    sizeof cost);
			doc_num(t, r->estimated_cost, cost, TONE_NONE);
		} else {
			doc_text(t, "—", TONE_MUTED);
		}
		doc_text(t, request_status_vocab[r->status].label,
			 r->status == REQ_CANCELLED ? TONE_MUTED : TONE_NONE);
	}
	if (ev->n_with_cost) {
		doc_row(t);
		doc_text(t, "Total", TONE_STRONG);
		for (int k = 0; k < 5; k++)
			doc_text(t, "", TONE_NONE);
		doc_num(t, ev->cost_total, total, TONE_STRONG);
		doc_text(t, "", TONE_NONE);
	}
}

static void disputes_part(struct doc *d, const struct evaluation *ev)
{
	static const char *const heads[] = {
		"Ouvert le", "Objet", "Nature", "Domaine", "Niveau atteint",
		"Instruction du Maire", "Où il en est", "Clos le",
		"Solution arbitrée",
	};
	struct doc_table *t;
	char today[DATE_ISO_LEN];

	doc_heading(d, 1, "Litiges");
	if (!ev->n_disputes) {
		doc_para(d, "Aucun litige sur la période.");
		return;
	}
	date_iso_fr(ev->today, today);
	doc_para(d, "Les litiges ouverts sur la période, et ceux ouverts avant "
		 "et encore en cours à son début ; niveau atteint et issue au "
		 "%s. Niveaux d'arbitrage (article 4) : 1, les autorités "
		 "hiérarchiques ; 2, les directeurs généraux ; 3, le Maire et "
		 "le Président ; sur le fond, les instructions du Maire sont "
		 "appliquées en dernière instance.", today);
	t = doc_table(d, "Litiges", 9, heads);
	for (size_t i = 0; i < ev->n_disputes; i++) {
		const struct dispute *x = &ev->disputes[i];
		char opened[DATE_ISO_LEN], closed[DATE_ISO_LEN], level[160];
		int lv = x->state.level;

		if (lv < 1 || lv > ARBITRATION_LEVELS)
			lv = 1;
		snprintf(level, sizeof level, "%d — %s", lv,
			 dispute_level_name[lv - 1]);
		date_iso_fr(x->opened_on, opened);
		date_iso_fr(x->closed_on, closed);
		doc_row(t);
		doc_text(t, opened, TONE_NONE);
		doc_text(t, x->object, TONE_NONE);
		doc_text(t, dispute_nature_vocab[x->nature].label, TONE_NONE);
		doc_text(t, x->domain_name ? x->domain_name : "—",
			 x->domain_name ? TONE_NONE : TONE_MUTED);
		doc_text(t, level, TONE_NONE);
		doc_text(t, summary_mayor_final(x) ? "oui" : "non", TONE_NONE);
		if (x->closed_on) {
			doc_text(t, "clos", TONE_MET);
			doc_text(t, closed, TONE_NONE);
			doc_text(t, x->solution ? x->solution : "—", TONE_NONE);
		} else {
			char *where = x->state.last_outcome_set
				? xasprintf("en cours, dernière étape : %s",
					    step_outcome_vocab[
						x->state.last_outcome].label)
				: xstrdup("en cours, aucune étape tenue");

			doc_text(t, where, TONE_MISSING);
			free(where);
			doc_text(t, "—", TONE_MUTED);
			doc_text(t, "pas encore arbitré", TONE_MISSING);
		}
	}
}

int evaluation_doc(const struct evaluation *ev, struct doc *out)
{
	char deadline[DATE_ISO_LEN], today[DATE_ISO_LEN];
	char *title, *subtitle;

	date_iso_fr(ev->deadline, deadline);
	date_iso_fr(ev->today, today);
	if (ev->period == EVAL_ANNIVERSARY) {
		char f[DATE_ISO_LEN], t[DATE_ISO_LEN];

		date_iso_fr(ev->from, f);
		date_iso_fr(ev->to, t);
		title = xasprintf("Évaluation annuelle du %s au %s — %s", f, t,
				  ev->commune ? ev->commune : "");
	} else {
		title = xasprintf("Évaluation annuelle %d — %s", ev->year,
				  ev->commune ? ev->commune : "");
	}
	subtitle = ev->identifier
		? xasprintf("%s (%s)", ev->title ? ev->title : "",
			    ev->identifier)
		: NULL;
	doc_init(out, title, subtitle);
	free(title);
	free(subtitle);
	doc_note(out, "À transmettre à la commune au plus tard le %s, puis à "
		 "présenter aux instances délibératives communales pour "
		 "information.", deadline);
	if (ev->deadline_passed)
		doc_note(out, "Échéance dépassée : le %s est passé.", deadline);
	period_part(out, ev);
	record_part(out, ev);
	evaluation_summary_part(out, ev);
	annexes_part(out, ev);
	for (size_t i = 0; i < ev->n_domains; i++)
		evaluation_domain_part(out, ev, &ev->domains[i]);
	follow_up_part(out, ev);
	evaluation_requests_part(out, ev);
	exceptional_part(out, ev);
	disputes_part(out, ev);
	evaluation_actions_part(out, ev);
	evaluation_indicators_part(out, ev);
	{
		char *footer = xasprintf("Établi par suivi le %s", today);

		doc_set_footer(out, footer);
		free(footer);
	}
	return 0;
}

int evaluation_build(struct store *st, const char *contract_uid, int year,
		     const char *today, struct doc *out, struct err *e)
{
	return evaluation_build_opts(st, contract_uid, year, NULL, today, out,
				     e);
}

int evaluation_build_opts(struct store *st, const char *contract_uid,
			  int year, const struct eval_options *opts,
			  const char *today, struct doc *out, struct err *e)
{
	struct evaluation ev;

	memset(out, 0, sizeof *out);
	if (evaluation_load_opts(st, contract_uid, year, opts, today, &ev,
				 e) != 0)
		return -1;
	evaluation_doc(&ev, out);
	evaluation_release(&ev);
	return 0;
}

