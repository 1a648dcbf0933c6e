#include "store_internal.h"
#include "suivi/date.h"
#include "suivi/store_contract.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Import                                                              */

struct importer {
	struct store *st;
	const struct contract_doc *doc;
	struct err *e;
	char now[32];
};

/* Run a cached statement to completion; -1 with e filled. */
static int run(struct importer *im, sqlite3_stmt *s, const char *doing)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(im->st, rc, doing, im->e);
		return -1;
	}
	return 0;
}

/* First column of a one-row query as a copy into out (uid-sized), or
 * empty when no row. */
static int lookup_uid(struct importer *im, sqlite3_stmt *s,
		      char out[STORE_UID_LEN])
{
	int rc = sqlite3_step(s);

	out[0] = '\0';
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		snprintf(out, STORE_UID_LEN, "%s", t ? t : "");
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(im->st, rc, "lire la base", im->e);
		return -1;
	}
	return 0;
}

/* The follow-up's choices of a contract or an indicator just inserted.
 * A separate statement, and only when there are some and a column for
 * them: only the migration tests import into a database at an older
 * schema version (store_open_at_version); store_open always migrates
 * first. */
static int set_choices(struct importer *im, const char *table,
		       const char *uid, const char *choices)
{
	sqlite3_stmt *s;

	if (!choices ||
	    store_schema_version(im->st) < store_schema_version_of_choices())
		return 0;
	s = !strcmp(table, "contract")
		    ? store_stmt(im->st, "UPDATE contract SET choices = :ch"
				 " WHERE uid = :uid", im->e)
		    : store_stmt(im->st, "UPDATE indicator SET choices = :ch"
				 " WHERE uid = :uid", im->e);
	if (!s)
		return -1;
	store_bind_text(s, ":ch", choices);
	store_bind_text(s, ":uid", uid);
	return run(im, s, "enregistrer les choix du suivi");
}

static const char *side_db(enum side s)
{
	return side_vocab[s].db;
}

static int insert_annex_content(struct importer *im, const char *annex_uid,
				const struct annex *a)
{
	struct store *st = im->st;
	char (*sd_uid)[STORE_UID_LEN] =
		xcalloc(a->n_subdomains ? a->n_subdomains : 1, STORE_UID_LEN);
	char (*cm_uid)[STORE_UID_LEN] =
		xcalloc(a->n_commitments ? a->n_commitments : 1, STORE_UID_LEN);
	sqlite3_stmt *s;
	int ret = -1;

#define STMT(sql) do { if (!(s = store_stmt(st, (sql), im->e))) goto out; } while (0)
	for (size_t i = 0; i < a->n_subdomains; i++) {
		const struct subdomain *sd = &a->subdomains[i];

		store_uid_stable(sd_uid[i], "subdomain", annex_uid, sd->letter,
				 NULL, NULL);
		STMT("INSERT INTO subdomain (uid, annex_uid, letter, name, note,"
		     " position) VALUES (:uid, :annex, :letter, :name, :note, :pos)");
		store_bind_text(s, ":uid", sd_uid[i]);
		store_bind_text(s, ":annex", annex_uid);
		store_bind_text(s, ":letter", sd->letter);
		store_bind_text(s, ":name", sd->name);
		store_bind_text(s, ":note", sd->note);
		store_bind_int(s, ":pos", (long long)i + 1);
		if (run(im, s, "importer un sous-domaine") != 0)
			goto out;
		for (size_t k = 0; k < sd->n_activities; k++) {
			char uid[STORE_UID_LEN], pos[24];

			snprintf(pos, sizeof pos, "%zu", k + 1);
			store_uid_stable(uid, "activity", sd_uid[i], pos, NULL,
					 NULL);
			STMT("INSERT INTO activity (uid, subdomain_uid, position,"
			     " heading, text) VALUES (:uid, :sd, :pos, :heading,"
			     " :text)");
			store_bind_text(s, ":uid", uid);
			store_bind_text(s, ":sd", sd_uid[i]);
			store_bind_int(s, ":pos", (long long)k + 1);
			store_bind_text(s, ":heading", sd->activities[k].heading);
			store_bind_text(s, ":text", sd->activities[k].text);
			if (run(im, s, "importer une activité") != 0)
				goto out;
		}
	}
	for (size_t i = 0; i < a->n_roles; i++) {
		char uid[STORE_UID_LEN], pos[24];

		snprintf(pos, sizeof pos, "%zu", i + 1);
		store_uid_stable(uid, "role", annex_uid, pos, NULL, NULL);
		STMT("INSERT INTO role (uid, annex_uid, position, side, title,"
		     " holder) VALUES (:uid, :annex, :pos, :side, :title, :holder)");
		store_bind_text(s, ":uid", uid);
		store_bind_text(s, ":annex", annex_uid);
		store_bind_int(s, ":pos", (long long)i + 1);
		store_bind_text(s, ":side", side_db(a->roles[i].side));
		store_bind_text(s, ":title", a->roles[i].title);
		store_bind_text(s, ":holder", a->roles[i].holder);
		if (run(im, s, "importer un rôle") != 0)
			goto out;
	}
	for (size_t i = 0; i < a->n_contacts; i++) {
		const struct contact *c = &a->contacts[i];
		const char *sd = NULL;

		for (size_t k = 0; c->subdomain && k < a->n_subdomains; k++)
			if (!strcmp(a->subdomains[k].letter, c->subdomain))
				sd = sd_uid[k];
		for (int side = 0; side < SIDE_COUNT; side++) {
			char uid[STORE_UID_LEN];

			store_uid_stable(uid, "contact", annex_uid, sd ? sd : "",
					 request_kind_vocab[c->kind].db,
					 side_db((enum side)side));
			STMT("INSERT INTO contact (uid, annex_uid, subdomain_uid,"
			     " kind, side, holder) VALUES (:uid, :annex, :sd,"
			     " :kind, :side, :holder)");
			store_bind_text(s, ":uid", uid);
			store_bind_text(s, ":annex", annex_uid);
			store_bind_text(s, ":sd", sd);
			store_bind_text(s, ":kind", request_kind_vocab[c->kind].db);
			store_bind_text(s, ":side", side_db((enum side)side));
			store_bind_text(s, ":holder", side == SIDE_COMMUNE
							      ? c->commune
							      : c->shared);
			if (run(im, s, "importer un contact") != 0)
				goto out;
		}
	}
	for (size_t i = 0; i < a->n_items; i++) {
		char uid[STORE_UID_LEN], pos[24];

		snprintf(pos, sizeof pos, "%zu", i + 1);
		store_uid_stable(uid, "priority", annex_uid, pos, NULL, NULL);
		STMT("INSERT INTO priority (uid, annex_uid, position, kind, text,"
		     " removed) VALUES (:uid, :annex, :pos, :kind, :text, :removed)");
		store_bind_text(s, ":uid", uid);
		store_bind_text(s, ":annex", annex_uid);
		store_bind_int(s, ":pos", (long long)i + 1);
		store_bind_text(s, ":kind", a->items[i].kind == ITEM_PRIORITY
						    ? "priority"
						    : "mutual_commitment");
		store_bind_text(s, ":text", a->items[i].text);
		store_bind_int(s, ":removed", a->items[i].removed);
		if (run(im, s, "importer une priorité") != 0)
			goto out;
	}
	for (size_t i = 0; i < a->n_committees; i++) {
		const struct committee *c = &a->committees[i];
		char uid[STORE_UID_LEN], pos[24];

		snprintf(pos, sizeof pos, "%zu", i + 1);
		store_uid_stable(uid, "committee", annex_uid, pos, NULL, NULL);
		STMT("INSERT INTO committee (uid, annex_uid, position, name,"
		     " purpose, members_commune, members_shared, frequency)"
		     " VALUES (:uid, :annex, :pos, :name, :purpose, :mc, :ms,"
		     " :freq)");
		store_bind_text(s, ":uid", uid);
		store_bind_text(s, ":annex", annex_uid);
		store_bind_int(s, ":pos", (long long)i + 1);
		store_bind_text(s, ":name", c->name);
		store_bind_text(s, ":purpose", c->purpose);
		store_bind_text(s, ":mc", c->members_commune);
		store_bind_text(s, ":ms", c->members_shared);
		store_bind_text(s, ":freq", c->frequency);
		if (run(im, s, "importer un comité") != 0)
			goto out;
	}
	for (size_t i = 0; i < a->n_commitments; i++) {
		const struct commitment *c = &a->commitments[i];
		const char *sd = NULL;

		for (size_t k = 0; c->subdomain && k < a->n_subdomains; k++)
			if (!strcmp(a->subdomains[k].letter, c->subdomain))
				sd = sd_uid[k];
		store_uid_stable(cm_uid[i], "commitment", annex_uid, c->code,
				 NULL, NULL);
		STMT("INSERT INTO commitment (uid, annex_uid, subdomain_uid, code,"
		     " title, position) VALUES (:uid, :annex, :sd, :code, :title,"
		     " :pos)");
		store_bind_text(s, ":uid", cm_uid[i]);
		store_bind_text(s, ":annex", annex_uid);
		store_bind_text(s, ":sd", sd);
		store_bind_text(s, ":code", c->code);
		store_bind_text(s, ":title", c->title);
		store_bind_int(s, ":pos", (long long)i + 1);
		if (run(im, s, "importer un engagement") != 0)
			goto out;
	}
	for (size_t i = 0; i < a->n_indicators; i++) {
		const struct indicator *d = &a->indicators[i];
		const char *cm = NULL;
		char uid[STORE_UID_LEN];

		for (size_t k = 0; k < a->n_commitments; k++)
			if (!strcmp(a->commitments[k].code, d->commitment))
				cm = cm_uid[k];
		store_uid_stable(uid, "indicator", annex_uid, d->code, NULL,
				 NULL);
		STMT("INSERT INTO indicator (uid, annex_uid, commitment_uid, code,"
		     " label, definition, periodicity, source, baseline,"
		     " conditions, value_kind, unit, scale_min, scale_max, better,"
		     " criticalities, computed_from, position) VALUES (:uid,"
		     " :annex, :cm, :code, :label, :def, :per, :source, :base,"
		     " :cond, :kind, :unit, :smin, :smax, :better, :crit, :calc,"
		     " :pos)");
		store_bind_text(s, ":uid", uid);
		store_bind_text(s, ":annex", annex_uid);
		store_bind_text(s, ":cm", cm);
		store_bind_text(s, ":code", d->code);
		store_bind_text(s, ":label", d->label);
		store_bind_text(s, ":def", d->definition);
		store_bind_text(s, ":per", periodicity_vocab[d->periodicity].db);
		store_bind_text(s, ":source", d->source);
		store_bind_text(s, ":base", d->baseline);
		store_bind_text(s, ":cond", d->conditions);
		store_bind_text(s, ":kind", value_kind_vocab[d->value_kind].db);
		store_bind_text(s, ":unit", d->unit);
		if (d->value_kind == VALUE_LEVEL) {
			store_bind_int(s, ":smin", d->scale_min);
			store_bind_int(s, ":smax", d->scale_max);
		} else {
			store_bind_null(s, ":smin");
			store_bind_null(s, ":smax");
		}
		store_bind_text(s, ":better", better_vocab[d->better].db);
		store_bind_text(s, ":crit", d->criticalities);
		store_bind_text(s, ":calc", d->computed_from >= 0
				? computed_vocab[d->computed_from].db : NULL);
		store_bind_int(s, ":pos", (long long)i + 1);
		if (run(im, s, "importer un indicateur") != 0 ||
		    set_choices(im, "indicator", uid, d->choices) != 0)
			goto out;
	}
#undef STMT
	ret = 0;
out:
	free(sd_uid);
	free(cm_uid);
	return ret;
}

/* Insert version `version` of the annex a for contract_uid, creating its
 * domain when new. */
static int insert_annex(struct importer *im, const char *contract_uid,
			const struct annex *a, int version,
			const char *amendment_uid, const char *in_force_from)
{
	struct store *st = im->st;
	char domain_uid[STORE_UID_LEN], annex_uid[STORE_UID_LEN];
	sqlite3_stmt *s;

	if (!(s = store_stmt(st, "SELECT uid FROM domain WHERE contract_uid ="
			     " :c AND code = :code", im->e)))
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":code", a->domain_code);
	if (lookup_uid(im, s, domain_uid) != 0)
		return -1;
	if (!domain_uid[0]) {
		store_uid_stable(domain_uid, "domain", contract_uid,
				 a->domain_code, NULL, NULL);
		if (!(s = store_stmt(st, "INSERT INTO domain (uid, contract_uid,"
				     " code, name) VALUES (:uid, :c, :code,"
				     " :name)", im->e)))
			return -1;
		store_bind_text(s, ":uid", domain_uid);
		store_bind_text(s, ":c", contract_uid);
		store_bind_text(s, ":code", a->domain_code);
		store_bind_text(s, ":name", a->domain_name);
		if (run(im, s, "importer un domaine") != 0)
			return -1;
		if (a->untranscribed)
			return 0;
	} else {
		/* two versions in force the same day would be ambiguous */
		char other[STORE_UID_LEN];

		if (!(s = store_stmt(st, "SELECT uid FROM annex WHERE domain_uid"
				     " = :d AND in_force_from = :date", im->e)))
			return -1;
		store_bind_text(s, ":d", domain_uid);
		store_bind_text(s, ":date", in_force_from);
		if (lookup_uid(im, s, other) != 0)
			return -1;
		if (other[0]) {
			err_set_at(im->e, ERR_INPUT, im->doc->path,
				   im->doc->line_in_force, "une autre version de "
				   "l'annexe « %s » entre déjà en vigueur le %s",
				   a->domain_code, in_force_from);
			return -1;
		}
	}
	{
		char v[24];

		snprintf(v, sizeof v, "%d", version);
		store_uid_stable(annex_uid, "annex", domain_uid, v, NULL, NULL);
	}
	if (!(s = store_stmt(st, "INSERT INTO annex (uid, domain_uid, version,"
			     " amendment_uid, in_force_from, domain_name, title,"
			     " preamble, means, implementation, operation, notes,"
			     " volume_note) VALUES (:uid, :d, :v, :am, :date,"
			     " :name, :title, :pre, :means, :impl, :op, :notes,"
			     " :vol)", im->e)))
		return -1;
	store_bind_text(s, ":uid", annex_uid);
	store_bind_text(s, ":d", domain_uid);
	store_bind_int(s, ":v", version);
	store_bind_text(s, ":am", amendment_uid);
	store_bind_text(s, ":date", in_force_from);
	store_bind_text(s, ":name", a->domain_name);
	store_bind_text(s, ":title", a->title);
	store_bind_text(s, ":pre", a->preamble);
	store_bind_text(s, ":means", a->means);
	store_bind_text(s, ":impl", a->implementation);
	store_bind_text(s, ":op", a->operation);
	store_bind_text(s, ":notes", a->notes);
	store_bind_text(s, ":vol", a->volume_note);
	if (run(im, s, "importer une annexe") != 0)
		return -1;
	return insert_annex_content(im, annex_uid, a);
}

/* Same identifier already there: same text means nothing to do. */
static int compare_source(struct importer *im, sqlite3_stmt *s,
			  const struct contract_doc *doc, bool *found,
			  const char *what, int line)
{
	int rc = sqlite3_step(s);

	*found = false;
	if (rc == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(s, 0);
		const char *name = (const char *)sqlite3_column_text(s, 1);

		*found = true;
		if (!text || strcmp(text, doc->source) != 0) {
			err_set_at(im->e, ERR_INPUT, doc->path, line,
				   "%s est déjà importé (depuis %s) avec un "
				   "contenu différent : une révision passe par "
				   "un avenant", what, name ? name : "?");
			sqlite3_reset(s);
			return -1;
		}
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(im->st, rc, "lire la base", im->e);
		return -1;
	}
	return 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Two communes of one name would be one in every list, export and
 * report: a contract for a commune already known under another INSEE
 * code is refused. */
static int same_name_elsewhere(struct importer *im,
			       const struct contract_doc *doc)
{
	sqlite3_stmt *s = store_stmt(im->st, "SELECT insee FROM commune WHERE"
				     " name = :name AND insee <> :insee", im->e);
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":name", doc->commune);
	store_bind_text(s, ":insee", doc->insee);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		err_set_at(im->e, ERR_INPUT, doc->path, doc->line_insee,
			   "la commune « %s » est déjà dans la base avec le code "
			   "INSEE %s, pas %s : un même nom ne peut désigner deux "
			   "communes (corrigez le code, ou distinguez les noms)",
			   doc->commune, (const char *)sqlite3_column_text(s, 0),
			   doc->insee);
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(im->st, rc, "lire les communes", im->e);
		return -1;
	}
	return 0;
}

static int import_contract(struct importer *im, const struct contract_doc *doc,
			   enum import_outcome *outcome)
{
	struct store *st = im->st;
	char commune_uid[STORE_UID_LEN], contract_uid[STORE_UID_LEN];
	char what[256];
	sqlite3_stmt *s;
	bool found;

	snprintf(what, sizeof what, "le contrat « %s »", doc->identifier);
	if (!(s = store_stmt(st, "SELECT source_text, source_name FROM contract"
			     " WHERE identifier = :id", im->e)))
		return -1;
	store_bind_text(s, ":id", doc->identifier);
	if (compare_source(im, s, doc, &found, what, doc->line_identifier) != 0)
		return -1;
	if (found) {
		*outcome = IMPORT_UNCHANGED;
		return 0;
	}
	if (!(s = store_stmt(st, "SELECT uid, name FROM commune WHERE insee ="
			     " :insee", im->e)))
		return -1;
	store_bind_text(s, ":insee", doc->insee);
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 1);

		snprintf(commune_uid, sizeof commune_uid, "%s",
			 (const char *)sqlite3_column_text(s, 0));
		if (strcmp(name, doc->commune) != 0) {
			err_set_at(im->e, ERR_INPUT, doc->path, doc->line_insee,
				   "le code INSEE %s est déjà celui de la commune "
				   "« %s », pas « %s »", doc->insee, name,
				   doc->commune);
			sqlite3_reset(s);
			return -1;
		}
		sqlite3_reset(s);
	} else {
		sqlite3_reset(s);
		if (same_name_elsewhere(im, doc) != 0)
			return -1;
		store_uid_stable(commune_uid, "commune", doc->insee, NULL, NULL,
				 NULL);
		if (!(s = store_stmt(st, "INSERT INTO commune (uid, insee, name)"
				     " VALUES (:uid, :insee, :name)", im->e)))
			return -1;
		store_bind_text(s, ":uid", commune_uid);
		store_bind_text(s, ":insee", doc->insee);
		store_bind_text(s, ":name", doc->commune);
		if (run(im, s, "importer la commune") != 0)
			return -1;
	}
	store_uid_stable(contract_uid, "contract", doc->identifier, NULL, NULL,
			 NULL);
	if (!(s = store_stmt(st, "INSERT INTO contract (uid, commune_uid,"
			     " identifier, title, starts_on, signed_on, duration,"
			     " metropole_signatory, mayor_signatory, preamble,"
			     " source_name, source_text, imported_at) VALUES"
			     " (:uid, :commune, :id, :title, :start, :signed,"
			     " :dur, :metro, :mayor, :pre, :name, :text, :now)",
			     im->e)))
		return -1;
	store_bind_text(s, ":uid", contract_uid);
	store_bind_text(s, ":commune", commune_uid);
	store_bind_text(s, ":id", doc->identifier);
	store_bind_text(s, ":title", doc->title);
	store_bind_text(s, ":start", doc->starts_on);
	store_bind_text(s, ":signed", doc->signed_on);
	store_bind_text(s, ":dur", doc->duration);
	store_bind_text(s, ":metro", doc->metropole_signatory);
	store_bind_text(s, ":mayor", doc->mayor_signatory);
	store_bind_text(s, ":pre", doc->preamble);
	store_bind_text(s, ":name", base_name(doc->path));
	store_bind_text(s, ":text", doc->source);
	store_bind_text(s, ":now", im->now);
	if (run(im, s, "importer le contrat") != 0 ||
	    set_choices(im, "contract", contract_uid, doc->choices) != 0)
		return -1;
	for (size_t i = 0; i < doc->n_articles; i++) {
		const struct article *a = &doc->articles[i];
		char uid[STORE_UID_LEN], n[24];

		snprintf(n, sizeof n, "%d", a->number);
		store_uid_stable(uid, "article", contract_uid, n, NULL, NULL);
		if (!(s = store_stmt(st, "INSERT INTO article (uid, contract_uid,"
				     " number, title, summary, body) VALUES (:uid,"
				     " :c, :n, :title, :summary, :body)", im->e)))
			return -1;
		store_bind_text(s, ":uid", uid);
		store_bind_text(s, ":c", contract_uid);
		store_bind_int(s, ":n", a->number);
		store_bind_text(s, ":title", a->title);
		store_bind_text(s, ":summary", a->summary);
		store_bind_text(s, ":body", a->text);
		if (run(im, s, "importer un article") != 0)
			return -1;
	}
	for (size_t i = 0; i < doc->n_annexes; i++)
		if (insert_annex(im, contract_uid, &doc->annexes[i], 0, NULL,
				 doc->starts_on) != 0)
			return -1;
	*outcome = IMPORT_NEW;
	return 0;
}

/* Amendments apply in the order of their numbers: n°2 cannot come into
 * force before n°1, nor after n°3. */
static int check_order(struct importer *im, const char *contract_uid)
{
	const struct contract_doc *doc = im->doc;
	sqlite3_stmt *s = store_stmt(im->st, "SELECT number, in_force_from"
		" FROM amendment WHERE contract_uid = :c AND ((number < :n AND"
		" in_force_from > :date) OR (number > :n AND in_force_from <"
		" :date)) ORDER BY number LIMIT 1", im->e);
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_int(s, ":n", doc->number);
	store_bind_text(s, ":date", doc->in_force_from);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		int other = sqlite3_column_int(s, 0);
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

		date_iso_fr(doc->in_force_from, a);
		date_iso_fr((const char *)sqlite3_column_text(s, 1), b);
		err_set_at(im->e, ERR_INPUT, doc->path, doc->line_in_force,
			   "l'avenant n°%d entre en vigueur le %s, %s l'avenant "
			   "n°%d (en vigueur le %s) : les avenants s'appliquent "
			   "dans l'ordre de leurs numéros", doc->number, a,
			   other < doc->number ? "avant" : "après", other, b);
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(im->st, rc, "lire les avenants", im->e);
		return -1;
	}
	return 0;
}

/* « remplace » names domains the contract has (transcribed or not),
 * « ajoute » domains it has not. */
static int check_domains(struct importer *im, const char *contract_uid)
{
	const struct contract_doc *doc = im->doc;
	sqlite3_stmt *s;

	for (size_t k = 0; k < doc->n_replaces + doc->n_adds; k++) {
		bool adds = k >= doc->n_replaces;
		const char *code = adds ? doc->adds[k - doc->n_replaces]
					: doc->replaces[k];
		char uid[STORE_UID_LEN];

		if (!(s = store_stmt(im->st, "SELECT uid FROM domain WHERE"
				     " contract_uid = :c AND code = :code", im->e)))
			return -1;
		store_bind_text(s, ":c", contract_uid);
		store_bind_text(s, ":code", code);
		if (lookup_uid(im, s, uid) != 0)
			return -1;
		if (!adds && !uid[0]) {
			err_set_at(im->e, ERR_INPUT, doc->path, doc->line_replaces,
				   "l'avenant remplace l'annexe du domaine « %s », "
				   "que le contrat « %s » n'a pas : un domaine "
				   "nouveau s'écrit « ajoute = %s » (et une annexe "
				   "du contrat non transcrite se déclare dans le "
				   "contrat, « transcrite = non »)", code,
				   doc->contract_identifier, code);
			return -1;
		}
		if (adds && uid[0]) {
			err_set_at(im->e, ERR_INPUT, doc->path, doc->line_adds,
				   "l'avenant ajoute le domaine « %s », que le "
				   "contrat « %s » a déjà : une nouvelle version de "
				   "son annexe s'écrit « remplace = %s »", code,
				   doc->contract_identifier, code);
			return -1;
		}
	}
	return 0;
}

/* A priority the amendment strikes out was one of the version it
 * replaces, when that version is transcribed. */
static int check_struck(struct importer *im, const char *contract_uid)
{
	const struct contract_doc *doc = im->doc;

	for (size_t k = 0; k < doc->n_annexes; k++) {
		const struct annex *a = &doc->annexes[k];
		sqlite3_stmt *s;
		char previous[STORE_UID_LEN], from[DATE_ISO_LEN];
		char **texts = NULL;
		size_t n = 0, cap = 0;
		int rc;

		if (!(s = store_stmt(im->st, "SELECT a.uid, a.in_force_from"
				     " FROM annex a JOIN domain d ON d.uid ="
				     " a.domain_uid WHERE d.contract_uid = :c AND"
				     " d.code = :code AND a.in_force_from < :date"
				     " ORDER BY a.in_force_from DESC, a.version DESC"
				     " LIMIT 1", im->e)))
			return -1;
		store_bind_text(s, ":c", contract_uid);
		store_bind_text(s, ":code", a->domain_code);
		store_bind_text(s, ":date", doc->in_force_from);
		rc = sqlite3_step(s);
		previous[0] = '\0';
		if (rc == SQLITE_ROW) {
			snprintf(previous, sizeof previous, "%s",
				 (const char *)sqlite3_column_text(s, 0));
			date_iso_fr((const char *)sqlite3_column_text(s, 1), from);
		}
		sqlite3_reset(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			store_fail(im->st, rc, "lire les annexes", im->e);
			return -1;
		}
		if (!previous[0])
			continue;	/* nothing transcribed to compare with */
		if (!(s = store_stmt(im->st, "SELECT text FROM priority WHERE"
				     " annex_uid = :a AND kind = 'priority'", im->e)))
			return -1;
		store_bind_text(s, ":a", previous);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			texts = xgrow(texts, &cap, n + 1, sizeof *texts);
			texts[n++] = text_fold((const char *)
					       sqlite3_column_text(s, 0));
		}
		sqlite3_reset(s);
		rc = store_done(im->st, rc, "lire les priorités", im->e);
		for (size_t i = 0; rc == 0 && i < a->n_items; i++) {
			const struct annex_item *it = &a->items[i];
			char *key;
			bool found = false;

			if (it->kind != ITEM_PRIORITY || !it->removed)
				continue;
			key = text_fold(it->text);
			for (size_t j = 0; j < n && !found; j++)
				found = !strcmp(texts[j], key);
			free(key);
			if (!found) {
				err_set_at(im->e, ERR_INPUT, doc->path, it->line,
					   "l'avenant barre une priorité que la "
					   "version précédente de l'annexe « %s » "
					   "(en vigueur le %s) n'a pas : une priorité "
					   "barrée est recopiée telle qu'elle y "
					   "figure", a->domain_code, from);
				rc = -1;
			}
		}
		for (size_t j = 0; j < n; j++)
			free(texts[j]);
		free(texts);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int import_amendment(struct importer *im,
			    const struct contract_doc *doc,
			    enum import_outcome *outcome)
{
	struct store *st = im->st;
	char contract_uid[STORE_UID_LEN], amendment_uid[STORE_UID_LEN];
	char starts_on[16];
	char what[256];
	sqlite3_stmt *s;
	bool found;

	if (!(s = store_stmt(st, "SELECT uid, starts_on FROM contract WHERE"
			     " identifier = :id", im->e)))
		return -1;
	store_bind_text(s, ":id", doc->contract_identifier);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		err_set_at(im->e, ERR_INPUT, doc->path, doc->line_contract_ref,
			   "l'avenant porte sur le contrat « %s », absent de la "
			   "base : importez d'abord le contrat",
			   doc->contract_identifier);
		return -1;
	}
	snprintf(contract_uid, sizeof contract_uid, "%s",
		 (const char *)sqlite3_column_text(s, 0));
	snprintf(starts_on, sizeof starts_on, "%s",
		 (const char *)sqlite3_column_text(s, 1));
	sqlite3_reset(s);
	snprintf(what, sizeof what, "l'avenant n°%d du contrat « %s »",
		 doc->number, doc->contract_identifier);
	if (!(s = store_stmt(st, "SELECT source_text, source_name FROM amendment"
			     " WHERE contract_uid = :c AND number = :n", im->e)))
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_int(s, ":n", doc->number);
	if (compare_source(im, s, doc, &found, what, doc->line_identifier) != 0)
		return -1;
	if (found) {
		*outcome = IMPORT_UNCHANGED;
		return 0;
	}
	if (strcmp(doc->in_force_from, starts_on) < 0) {
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

		date_iso_fr(doc->in_force_from, a);
		date_iso_fr(starts_on, b);
		err_set_at(im->e, ERR_INPUT, doc->path, doc->line_in_force,
			   "l'avenant entre en vigueur le %s, avant le début du "
			   "contrat (%s)", a, b);
		return -1;
	}
	if (check_order(im, contract_uid) != 0 ||
	    check_domains(im, contract_uid) != 0 ||
	    check_struck(im, contract_uid) != 0)
		return -1;
	{
		char n[24];

		snprintf(n, sizeof n, "%d", doc->number);
		store_uid_stable(amendment_uid, "amendment", contract_uid, n,
				 NULL, NULL);
	}
	if (!(s = store_stmt(st, "INSERT INTO amendment (uid, contract_uid,"
			     " number, in_force_from, signed_on, object, adds,"
			     " source_name, source_text, imported_at) VALUES"
			     " (:uid, :c, :n, :date, :signed, :object, :adds,"
			     " :name, :text, :now)", im->e)))
		return -1;
	if (doc->n_adds) {
		struct strbuf adds;

		strbuf_init(&adds);
		for (size_t i = 0; i < doc->n_adds; i++)
			strbuf_addf(&adds, "%s%s", i ? ", " : "", doc->adds[i]);
		store_bind_text(s, ":adds", adds.buf);
		strbuf_release(&adds);
	}
	store_bind_text(s, ":uid", amendment_uid);
	store_bind_text(s, ":c", contract_uid);
	store_bind_int(s, ":n", doc->number);
	store_bind_text(s, ":date", doc->in_force_from);
	store_bind_text(s, ":signed", doc->signed_on);
	store_bind_text(s, ":object", doc->object);
	store_bind_text(s, ":name", base_name(doc->path));
	store_bind_text(s, ":text", doc->source);
	store_bind_text(s, ":now", im->now);
	if (run(im, s, "importer l'avenant") != 0)
		return -1;
	for (size_t i = 0; i < doc->n_annexes; i++)
		if (insert_annex(im, contract_uid, &doc->annexes[i], doc->number,
				 amendment_uid, doc->in_force_from) != 0)
			return -1;
	*outcome = IMPORT_NEW;
	return 0;
}

int store_contract_import(struct store *st, const struct contract_doc *doc,
			  enum import_outcome *outcome, struct err *e)
{
	struct importer im = { .st = st, .doc = doc, .e = e };
	int rc;

	store_now(im.now);
	/* A savepoint, so that a failed file leaves the caller's
	 * transaction as it was. */
	if (sqlite3_exec(st->db, "SAVEPOINT import", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		store_fail(st, sqlite3_errcode(st->db), "importer", e);
		return -1;
	}
	rc = doc->kind == DOC_CONTRACT ? import_contract(&im, doc, outcome)
				       : import_amendment(&im, doc, outcome);
	if (rc != 0)
		sqlite3_exec(st->db, "ROLLBACK TO import", NULL, NULL, NULL);
	sqlite3_exec(st->db, "RELEASE import", NULL, NULL, NULL);
	return rc;
}
