/*
 * A sync conflict in words (sync_words.h): the record, the kind, each
 * version, for the Synchronisation screen, suivi sync and the agenda.
 */
#include "suivi/sync_words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/date.h"
#include "suivi/strbuf.h"
#include "suivi/value.h"
#include "suivi/xalloc.h"

/* The parts of the record ("a|b|c") as strings; up to 3. */
static int parts(const char *what, char out[3][256])
{
	int n = 0;
	const char *p = what;

	while (p && n < 3) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		snprintf(out[n++], 256, "%.*s", (int)(len > 255 ? 255 : len), p);
		p = bar ? bar + 1 : NULL;
	}
	return n;
}

static void period_words(const char *key, char *buf, size_t n)
{
	struct period p;

	if (period_parse(key, &p) == 0)
		period_label(p, buf, n);
	else
		snprintf(buf, n, "%s", key);
}

static const struct {
	const char *table, *words;
} table_words[] = {
	{ "measurement", "une valeur" },
	{ "target", "une cible" },
	{ "indicator_choice", "un choix de périodicité" },
	{ "request", "une saisine" },
	{ "exceptional_request", "une demande exceptionnelle" },
	{ "request_change", "l'historique d'une saisine" },
	{ "dispute", "un litige" },
	{ "dispute_request", "le lien d'un litige à une saisine" },
	{ "arbitration_step", "une étape d'arbitrage" },
	{ "dispute_change", "l'historique d'un litige" },
	{ "meeting", "une réunion" },
	{ "meeting_attendee", "un participant à une réunion" },
	{ "decision", "une décision de réunion" },
	{ "action_item", "une action de réunion" },
	{ "meeting_change", "l'historique d'une réunion" },
	{ "observation", "des observations" },
	{ "evaluation_record", "le suivi d'une évaluation" },
};

char *sync_words_what(const char *table, const char *what)
{
	char p[3][256], d[DATE_ISO_LEN], per[300];
	int n = what ? parts(what, p) : 0;

	if (!strcmp(table, "measurement") && n >= 2) {
		period_words(p[1], per, sizeof per);
		return xasprintf("valeur %s de %s%s%s", p[0], per,
				 n > 2 && *p[2] ? ", criticité " : "",
				 n > 2 ? p[2] : "");
	}
	if (!strcmp(table, "target") && n >= 2)
		return xasprintf("cible %s de %s%s%s", p[0], p[1],
				 n > 2 && *p[2] ? ", criticité " : "",
				 n > 2 ? p[2] : "");
	if (!strcmp(table, "indicator_choice") && n >= 1)
		return xasprintf("périodicité suivie de %s", p[0]);
	if (!strcmp(table, "request") && n >= 1)
		return xasprintf("saisine « %s »", p[0]);
	if (!strcmp(table, "exceptional_request") && n >= 1)
		return xasprintf("demande exceptionnelle « %s »", p[0]);
	if (!strcmp(table, "dispute") && n >= 1)
		return xasprintf("litige « %s »", p[0]);
	if (!strcmp(table, "arbitration_step") && n >= 2)
		return xasprintf("étape de niveau %s du litige « %s »", p[1],
				 p[0]);
	if (!strcmp(table, "meeting") && n >= 1) {
		date_iso_fr(p[0], d);
		return xasprintf("réunion du %s", d);
	}
	if ((!strcmp(table, "meeting_attendee") ||
	     !strcmp(table, "action_item") ||
	     !strcmp(table, "decision")) && n >= 2) {
		date_iso_fr(p[0], d);
		return xasprintf("%s %s%s%s de la réunion du %s",
				 !strcmp(table, "decision") ? "décision n°"
				 : !strcmp(table, "action_item")
					 ? "action « "
					 : "participant « ",
				 p[1],
				 !strcmp(table, "decision") ? "" : " »", "",
				 d);
	}
	if (!strcmp(table, "observation") && n >= 2)
		return xasprintf("observations %s %s%s%s", p[0], p[1],
				 n > 2 && *p[2] ? " de " : "",
				 n > 2 && *p[2] ? (!strcmp(p[2], "commune")
							   ? "la commune"
							   : "Bordeaux Métropole")
						: "");
	if (!strcmp(table, "evaluation_record") && n >= 1)
		return xasprintf("suivi de l'évaluation %s", p[0]);
	for (size_t i = 0; i < sizeof table_words / sizeof *table_words; i++)
		if (!strcmp(table_words[i].table, table))
			return xasprintf("%s (qui n'existe plus ici)",
					 table_words[i].words);
	return xasprintf("%s", table);
}

/* The columns users know, in their words; the others as they are. */
static const struct {
	const char *col, *words;
} col_words[] = {
	{ "num", "valeur" }, { "den", "dénominateur" }, { "text", "texte" },
	{ "comment", "commentaire" }, { "is_override", "forcée" },
	{ "validated_meeting_uid", "validée en réunion" },
	{ "better", "sens" }, { "quarterly", "trimestrielle" },
	{ "kind", "type" }, { "form", "forme" }, { "nature", "nature" },
	{ "criticality", "criticité" }, { "requester", "demandeur" },
	{ "object", "objet" }, { "received_at", "reçue le" },
	{ "acknowledged_at", "accusé de réception" },
	{ "intervention_at", "intervention" }, { "resolved_at", "résolue le" },
	{ "answered_at", "réponse le" }, { "cancelled_at", "annulée le" },
	{ "cancel_reason", "motif d'annulation" },
	{ "urgent_priority", "priorité" }, { "urgent_delay_min", "délai (min)" },
	{ "asked", "demande" }, { "proposal", "proposition" },
	{ "decision", "décision" }, { "decided_by", "décidée par" },
	{ "decided_on", "décidée le" }, { "estimated_cost", "coût estimé" },
	{ "compensation", "compensation" }, { "opened_on", "ouvert le" },
	{ "solution", "solution" }, { "closed_on", "clos le" },
	{ "mayor_instruction", "instruction du maire" },
	{ "level", "niveau" }, { "held_on", "date" },
	{ "participants", "participants" }, { "positions", "positions" },
	{ "outcome", "issue" }, { "notes", "notes" }, { "status", "état" },
	{ "place", "lieu" }, { "name", "nom" }, { "function", "fonction" },
	{ "side", "partie" }, { "position", "rang" }, { "what", "action" },
	{ "owner", "responsable" }, { "due_on", "échéance" },
	{ "done_on", "faite le" }, { "year", "année" },
	{ "adjustments", "ajustements" }, { "sent_on", "envoyée le" },
	{ "presented_on", "présentée le" },
};

char *sync_words_version(const char *v)
{
	struct strbuf b;
	const char *p = v;

	if (!v)
		return xstrdup("(supprimé)");
	strbuf_init(&b);
	while (*p) {
		const char *sep = strstr(p, SYNC_SEP_VALUE);
		const char *end = strstr(p, SYNC_SEP_COLUMN);
		const char *words = NULL;
		size_t nlen;

		if (!end)
			end = p + strlen(p);
		if (!sep || sep > end)
			sep = end;
		nlen = (size_t)(sep - p);
		for (size_t i = 0; i < sizeof col_words / sizeof *col_words; i++)
			if (strlen(col_words[i].col) == nlen &&
			    !strncmp(col_words[i].col, p, nlen))
				words = col_words[i].words;
		if (b.len)
			strbuf_addstr(&b, " ; ");
		if (words)
			strbuf_addstr(&b, words);
		else
			strbuf_add(&b, p, nlen);
		strbuf_addstr(&b, " : ");
		if (sep < end && sep + 1 < end)
			strbuf_add(&b, sep + 1, (size_t)(end - sep - 1));
		else
			strbuf_addstr(&b, "(vide)");
		p = *end ? end + 1 : end;
	}
	return strbuf_detach(&b);
}

const char *sync_words_kind(const char *kind)
{
	if (!strcmp(kind, "deleted_changed"))
		return "supprimé ici, modifié de l'autre côté";
	if (!strcmp(kind, "changed_deleted"))
		return "modifié ici, supprimé de l'autre côté";
	return "modifié des deux côtés";
}

