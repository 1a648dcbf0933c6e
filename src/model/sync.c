/*
 * Sync files (sync.h): export and import, once for suivi sync and the
 * Synchronisation screen; conflicts and receipts in words.
 */
#include "suivi/sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/date.h"
#include "suivi/store_contract.h"
#include "suivi/strbuf.h"
#include "suivi/sync_file.h"
#include "suivi/value.h"
#include "suivi/xalloc.h"

#define PEER_ALL "tous"

int sync_export(struct store *st, const struct sync_export_opts *o,
		struct sync_export_result *r, struct err *e)
{
	struct sync_file f;
	char uid[STORE_UID_LEN];
	const char *contract = NULL;
	char *peer;
	int rc;

	memset(r, 0, sizeof *r);
	err_clear(e);
	if (!o->path || !*o->path) {
		err_set(e, ERR_USAGE, "indiquez le fichier à écrire (-o FICHIER)");
		return -1;
	}
	if (o->commune) {
		if (store_contract_find(st, o->commune, uid, e) != 0)
			return -1;
		contract = uid;
	}
	if (o->peer && !*o->peer) {
		err_set(e, ERR_USAGE, "nom de destinataire vide");
		return -1;
	}
	peer = xstrdup(o->peer ? o->peer
		       : o->commune ? o->commune : PEER_ALL);
	if (store_sync_outgoing(st, peer, contract,
				o->commune ? o->commune : "*", o->all, &f,
				e) != 0) {
		free(peer);
		return -1;
	}
	rc = sync_file_write(&f, o->path, o->force, e);
	if (rc == 0)
		rc = store_sync_sent(st, peer, &f, o->path, e);
	if (rc == 0) {
		r->entries = f.n_entries;
		for (size_t i = 0; i < f.n_entries; i++)
			r->rows += f.entries[i].rows;
		r->contracts = f.n_contracts;
		r->peer = peer;
		peer = NULL;
	}
	free(peer);
	sync_file_release(&f);
	return rc;
}

void sync_export_result_release(struct sync_export_result *r)
{
	free(r->peer);
	memset(r, 0, sizeof *r);
}

int sync_import(struct store *st, const char *path, struct sync_receipt *r,
		struct err *e)
{
	struct sync_file f;
	int rc;

	memset(r, 0, sizeof *r);
	err_clear(e);
	if (sync_file_read(path, &f, e) != 0)
		return -1;
	rc = store_sync_receive(st, &f, path, r, e);
	sync_file_release(&f);
	return rc;
}

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

char *sync_conflict_what(const struct sync_conflict *c)
{
	char p[3][256], d[DATE_ISO_LEN], per[300];
	int n = c->what ? parts(c->what, p) : 0;

	if (!strcmp(c->table, "measurement") && n >= 2) {
		period_words(p[1], per, sizeof per);
		return xasprintf("valeur %s de %s%s%s", p[0], per,
				 n > 2 && *p[2] ? ", criticité " : "",
				 n > 2 ? p[2] : "");
	}
	if (!strcmp(c->table, "target") && n >= 2)
		return xasprintf("cible %s de %s%s%s", p[0], p[1],
				 n > 2 && *p[2] ? ", criticité " : "",
				 n > 2 ? p[2] : "");
	if (!strcmp(c->table, "indicator_choice") && n >= 1)
		return xasprintf("périodicité suivie de %s", p[0]);
	if (!strcmp(c->table, "request") && n >= 1)
		return xasprintf("saisine « %s »", p[0]);
	if (!strcmp(c->table, "exceptional_request") && n >= 1)
		return xasprintf("demande exceptionnelle « %s »", p[0]);
	if (!strcmp(c->table, "dispute") && n >= 1)
		return xasprintf("litige « %s »", p[0]);
	if (!strcmp(c->table, "arbitration_step") && n >= 2)
		return xasprintf("étape de niveau %s du litige « %s »", p[1],
				 p[0]);
	if (!strcmp(c->table, "meeting") && n >= 1) {
		date_iso_fr(p[0], d);
		return xasprintf("réunion du %s", d);
	}
	if ((!strcmp(c->table, "meeting_attendee") ||
	     !strcmp(c->table, "action_item") ||
	     !strcmp(c->table, "decision")) && n >= 2) {
		date_iso_fr(p[0], d);
		return xasprintf("%s %s%s%s de la réunion du %s",
				 !strcmp(c->table, "decision") ? "décision n°"
				 : !strcmp(c->table, "action_item")
					 ? "action « "
					 : "participant « ",
				 p[1],
				 !strcmp(c->table, "decision") ? "" : " »", "",
				 d);
	}
	if (!strcmp(c->table, "observation") && n >= 2)
		return xasprintf("observations %s %s%s%s", p[0], p[1],
				 n > 2 && *p[2] ? " de " : "",
				 n > 2 && *p[2] ? (!strcmp(p[2], "commune")
							   ? "la commune"
							   : "Bordeaux Métropole")
						: "");
	if (!strcmp(c->table, "evaluation_record") && n >= 1)
		return xasprintf("suivi de l'évaluation %s", p[0]);
	for (size_t i = 0; i < sizeof table_words / sizeof *table_words; i++)
		if (!strcmp(table_words[i].table, c->table))
			return xasprintf("%s (qui n'existe plus ici)",
					 table_words[i].words);
	return xasprintf("%s", c->table);
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

char *sync_conflict_version(const char *v)
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

const char *sync_conflict_kind(const struct sync_conflict *c)
{
	if (!strcmp(c->kind, "deleted_changed"))
		return "supprimé ici, modifié de l'autre côté";
	if (!strcmp(c->kind, "changed_deleted"))
		return "modifié ici, supprimé de l'autre côté";
	return "modifié des deux côtés";
}

static void count(struct strbuf *b, long long n, const char *one,
		  const char *many)
{
	strbuf_addf(b, "%s%lld %s", b->len ? ", " : "", n, n > 1 ? many : one);
}

char *sync_receipt_words(const struct sync_receipt *r)
{
	struct strbuf b;

	strbuf_init(&b);
	count(&b, r->received, "changement reçu", "changements reçus");
	if (r->duplicates)
		count(&b, r->duplicates, "déjà là", "déjà là");
	count(&b, r->applied, "appliqué", "appliqués");
	count(&b, r->rows, "ligne écrite", "lignes écrites");
	if (r->pending)
		count(&b, r->pending, "en attente d'un fichier antérieur",
		      "en attente d'un fichier antérieur");
	count(&b, r->conflicts, "conflit à examiner", "conflits à examiner");
	return strbuf_detach(&b);
}
