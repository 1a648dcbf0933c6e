/*
 * The read side of the contract model for the browser: a contract's texts
 * and a whole annex version, rebuilt into the structs of contract.h.
 */
#include "store_internal.h"
#include "suivi/store_contract.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

int store_contract_load(struct store *st, const char *uid,
			struct contract_view **out, struct err *e)
{
	struct contract_view *v;
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*out = NULL;
	s = store_stmt(st,
		"SELECT c.identifier, co.name, co.insee, c.title, c.starts_on,"
		" c.signed_on, c.duration, c.metropole_signatory,"
		" c.mayor_signatory, c.preamble, c.choices FROM contract c"
		" JOIN commune co ON co.uid = c.commune_uid WHERE c.uid = :c", e);
	if (!s)
		return -1;
	store_bind_text(s, ":c", uid);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			err_set(e, ERR_NOTFOUND, "contrat introuvable");
		else
			store_fail(st, rc, "lire le contrat", e);
		return -1;
	}
	v = xcalloc(1, sizeof *v);
	snprintf(v->uid, sizeof v->uid, "%s", uid);
	v->identifier = store_col_dup(s, 0);
	v->commune = store_col_dup(s, 1);
	v->insee = store_col_dup(s, 2);
	v->title = store_col_dup(s, 3);
	v->starts_on = store_col_dup(s, 4);
	v->signed_on = store_col_dup(s, 5);
	v->duration = store_col_dup(s, 6);
	v->metropole_signatory = store_col_dup(s, 7);
	v->mayor_signatory = store_col_dup(s, 8);
	v->preamble = store_col_dup(s, 9);
	v->choices = store_col_dup(s, 10);
	sqlite3_reset(s);

	if (!(s = store_stmt(st, "SELECT number, title, summary, body FROM"
			     " article WHERE contract_uid = :c ORDER BY number",
			     e)))
		goto fail;
	store_bind_text(s, ":c", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct article *a;

		v->articles = xgrow(v->articles, &cap, v->n_articles + 1,
				    sizeof *v->articles);
		a = &v->articles[v->n_articles++];
		a->number = sqlite3_column_int(s, 0);
		a->title = store_col_dup(s, 1);
		a->summary = store_col_dup(s, 2);
		a->text = store_col_dup(s, 3);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les articles", e) != 0)
		goto fail;

	cap = 0;
	if (!(s = store_stmt(st,
		"SELECT am.number, am.in_force_from, am.signed_on, am.object,"
		" (SELECT group_concat(d.code, ', ') FROM annex a JOIN domain d"
		"  ON d.uid = a.domain_uid WHERE a.amendment_uid = am.uid"
		"  AND instr(', ' || ifnull(am.adds, '') || ',',"
		"            ', ' || d.code || ',') = 0),"
		" am.adds"
		" FROM amendment am WHERE am.contract_uid = :c"
		" ORDER BY am.in_force_from, am.number", e)))
		goto fail;
	store_bind_text(s, ":c", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct amendment_info *a;

		v->amendments = xgrow(v->amendments, &cap, v->n_amendments + 1,
				      sizeof *v->amendments);
		a = &v->amendments[v->n_amendments++];
		a->number = sqlite3_column_int(s, 0);
		a->in_force_from = store_col_dup(s, 1);
		a->signed_on = store_col_dup(s, 2);
		a->object = store_col_dup(s, 3);
		a->replaces = store_col_dup(s, 4);
		a->adds = store_col_dup(s, 5);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les avenants", e) != 0)
		goto fail;
	*out = v;
	return 0;
fail:
	store_contract_view_free(v);
	return -1;
}

void store_contract_view_free(struct contract_view *v)
{
	if (!v)
		return;
	free(v->identifier);
	free(v->commune);
	free(v->insee);
	free(v->title);
	free(v->starts_on);
	free(v->signed_on);
	free(v->duration);
	free(v->metropole_signatory);
	free(v->mayor_signatory);
	free(v->preamble);
	free(v->choices);
	for (size_t i = 0; i < v->n_articles; i++) {
		free(v->articles[i].title);
		free(v->articles[i].summary);
		free(v->articles[i].text);
	}
	free(v->articles);
	for (size_t i = 0; i < v->n_amendments; i++) {
		free(v->amendments[i].in_force_from);
		free(v->amendments[i].signed_on);
		free(v->amendments[i].object);
		free(v->amendments[i].replaces);
		free(v->amendments[i].adds);
	}
	free(v->amendments);
	free(v);
}

static int enum_of(const struct vocab *v, int n, sqlite3_stmt *s, int col)
{
	const char *t = (const char *)sqlite3_column_text(s, col);
	int i = t ? vocab_from_db(v, n, t) : -1;

	return i < 0 ? 0 : i;
}

#define INDICATOR_COLUMNS                                                   \
	"i.uid, i.code, c.code, i.label, i.definition, i.periodicity,"      \
	" i.source, i.baseline, i.conditions, i.value_kind, i.unit,"        \
	" ifnull(i.scale_min, 0), ifnull(i.scale_max, 0), i.better,"        \
	" i.criticalities, i.computed_from, i.choices"

static void read_indicator(sqlite3_stmt *s, struct indicator *d)
{
	const char *calc = (const char *)sqlite3_column_text(s, 15);

	memset(d, 0, sizeof *d);
	d->uid = store_col_dup(s, 0);
	d->code = store_col_dup(s, 1);
	d->commitment = store_col_dup(s, 2);
	d->label = store_col_dup(s, 3);
	d->definition = store_col_dup(s, 4);
	d->periodicity = (enum periodicity)enum_of(periodicity_vocab,
						   PERIODICITY_COUNT, s, 5);
	d->source = store_col_dup(s, 6);
	d->baseline = store_col_dup(s, 7);
	d->conditions = store_col_dup(s, 8);
	d->value_kind = (enum value_kind)enum_of(value_kind_vocab,
						 VALUE_KIND_COUNT, s, 9);
	d->unit = store_col_dup(s, 10);
	d->scale_min = sqlite3_column_int(s, 11);
	d->scale_max = sqlite3_column_int(s, 12);
	d->better = (enum better)enum_of(better_vocab, BETTER_COUNT, s, 13);
	d->criticalities = store_col_dup(s, 14);
	d->choices = store_col_dup(s, 16);
	d->computed_from = calc ? vocab_from_db(computed_vocab, COMPUTED_COUNT,
						calc)
				: COMPUTED_NONE;
}

int store_indicator_get(struct store *st, const char *uid,
			struct indicator *out, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " INDICATOR_COLUMNS " FROM indicator i JOIN commitment c"
		" ON c.uid = i.commitment_uid WHERE i.uid = :u", e);
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	store_bind_text(s, ":u", uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_indicator(s, out);
		rc = SQLITE_DONE;
	} else if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		err_set(e, ERR_NOTFOUND, "indicateur introuvable");
		return -1;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire l'indicateur", e);
}

/* Each loader appends rows of one query to the annex. */
static int load_subdomains(struct store *st, const char *uid, struct annex *a,
			   struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT uid, letter, name, note FROM subdomain"
		" WHERE annex_uid = :a ORDER BY position", e);
	size_t cap = 0;
	int rc;
	char (*uids)[STORE_UID_LEN] = NULL;

	if (!s)
		return -1;
	store_bind_text(s, ":a", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct subdomain *sd;

		a->subdomains = xgrow(a->subdomains, &cap, a->n_subdomains + 1,
				      sizeof *a->subdomains);
		uids = xrealloc(uids, cap * STORE_UID_LEN);
		sd = &a->subdomains[a->n_subdomains];
		memset(sd, 0, sizeof *sd);
		snprintf(uids[a->n_subdomains], STORE_UID_LEN, "%s",
			 (const char *)sqlite3_column_text(s, 0));
		sd->letter = store_col_dup(s, 1);
		sd->name = store_col_dup(s, 2);
		sd->note = store_col_dup(s, 3);
		a->n_subdomains++;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les sous-domaines", e) != 0) {
		free(uids);
		return -1;
	}
	for (size_t i = 0; i < a->n_subdomains; i++) {
		struct subdomain *sd = &a->subdomains[i];
		size_t acap = 0;

		if (!(s = store_stmt(st, "SELECT heading, text FROM activity"
				     " WHERE subdomain_uid = :s ORDER BY position",
				     e)))
			break;
		store_bind_text(s, ":s", uids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			sd->activities = xgrow(sd->activities, &acap,
					       sd->n_activities + 1,
					       sizeof *sd->activities);
			sd->activities[sd->n_activities].heading =
				store_col_dup(s, 0);
			sd->activities[sd->n_activities].text =
				store_col_dup(s, 1);
			sd->n_activities++;
		}
		sqlite3_reset(s);
		if (store_done(st, rc, "lire les activités", e) != 0) {
			s = NULL;
			break;
		}
	}
	free(uids);
	return s ? 0 : -1;
}

static int load_rest(struct store *st, const char *uid, struct annex *a,
		     struct err *e)
{
	sqlite3_stmt *s;
	size_t cap;
	int rc;

	/* roles */
	cap = 0;
	if (!(s = store_stmt(st, "SELECT side, title, holder FROM role WHERE"
			     " annex_uid = :a ORDER BY position", e)))
		return -1;
	store_bind_text(s, ":a", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct role *r;

		a->roles = xgrow(a->roles, &cap, a->n_roles + 1, sizeof *a->roles);
		r = &a->roles[a->n_roles++];
		r->side = (enum side)enum_of(side_vocab, SIDE_COUNT, s, 0);
		r->title = store_col_dup(s, 1);
		r->holder = store_col_dup(s, 2);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les rôles", e) != 0)
		return -1;

	/* contacts: both sides of a cell on one row */
	cap = 0;
	if (!(s = store_stmt(st,
		"SELECT sd.letter, c.kind,"
		" max(CASE WHEN c.side = 'commune' THEN c.holder END),"
		" max(CASE WHEN c.side = 'shared' THEN c.holder END)"
		" FROM contact c LEFT JOIN subdomain sd ON sd.uid = c.subdomain_uid"
		" WHERE c.annex_uid = :a GROUP BY c.subdomain_uid, c.kind"
		" ORDER BY sd.position, CASE c.kind WHEN 'ordinary' THEN 0"
		" WHEN 'urgent' THEN 1 ELSE 2 END", e)))
		return -1;
	store_bind_text(s, ":a", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct contact *c;

		a->contacts = xgrow(a->contacts, &cap, a->n_contacts + 1,
				    sizeof *a->contacts);
		c = &a->contacts[a->n_contacts++];
		c->subdomain = store_col_dup(s, 0);
		c->kind = (enum request_kind)enum_of(request_kind_vocab,
						     REQUEST_KIND_COUNT, s, 1);
		c->commune = store_col_dup(s, 2);
		c->shared = store_col_dup(s, 3);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les contacts", e) != 0)
		return -1;

	/* priorities and reciprocal commitments */
	cap = 0;
	if (!(s = store_stmt(st, "SELECT kind, text, removed FROM priority"
			     " WHERE annex_uid = :a ORDER BY position", e)))
		return -1;
	store_bind_text(s, ":a", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct annex_item *it;

		a->items = xgrow(a->items, &cap, a->n_items + 1, sizeof *a->items);
		it = &a->items[a->n_items++];
		it->kind = strcmp((const char *)sqlite3_column_text(s, 0),
				  "priority") == 0 ? ITEM_PRIORITY
						   : ITEM_MUTUAL_COMMITMENT;
		it->text = store_col_dup(s, 1);
		it->removed = sqlite3_column_int(s, 2) != 0;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les priorités", e) != 0)
		return -1;

	/* committees */
	cap = 0;
	if (!(s = store_stmt(st, "SELECT name, purpose, members_commune,"
			     " members_shared, frequency FROM committee"
			     " WHERE annex_uid = :a ORDER BY position", e)))
		return -1;
	store_bind_text(s, ":a", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct committee *c;

		a->committees = xgrow(a->committees, &cap, a->n_committees + 1,
				      sizeof *a->committees);
		c = &a->committees[a->n_committees++];
		c->name = store_col_dup(s, 0);
		c->purpose = store_col_dup(s, 1);
		c->members_commune = store_col_dup(s, 2);
		c->members_shared = store_col_dup(s, 3);
		c->frequency = store_col_dup(s, 4);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les comités", e) != 0)
		return -1;

	/* commitments */
	cap = 0;
	if (!(s = store_stmt(st, "SELECT c.code, sd.letter, c.title FROM"
			     " commitment c LEFT JOIN subdomain sd ON"
			     " sd.uid = c.subdomain_uid WHERE c.annex_uid = :a"
			     " ORDER BY c.position", e)))
		return -1;
	store_bind_text(s, ":a", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct commitment *c;

		a->commitments = xgrow(a->commitments, &cap,
				       a->n_commitments + 1,
				       sizeof *a->commitments);
		c = &a->commitments[a->n_commitments++];
		c->code = store_col_dup(s, 0);
		c->subdomain = store_col_dup(s, 1);
		c->title = store_col_dup(s, 2);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les engagements", e) != 0)
		return -1;

	/* indicators */
	cap = 0;
	if (!(s = store_stmt(st,
		"SELECT " INDICATOR_COLUMNS " FROM indicator i JOIN commitment c"
		" ON c.uid = i.commitment_uid WHERE i.annex_uid = :a"
		" ORDER BY i.position", e)))
		return -1;
	store_bind_text(s, ":a", uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->indicators = xgrow(a->indicators, &cap, a->n_indicators + 1,
				      sizeof *a->indicators);
		read_indicator(s, &a->indicators[a->n_indicators++]);
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire les indicateurs", e);
}

int store_annex_load(struct store *st, const char *annex_uid,
		     struct annex **out, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT d.code, a.domain_name, a.title, a.preamble, a.means,"
		" a.implementation, a.operation, a.notes, a.volume_note"
		" FROM annex a JOIN domain d ON d.uid = a.domain_uid"
		" WHERE a.uid = :a", e);
	struct annex *a;
	int rc;

	*out = NULL;
	if (!s)
		return -1;
	store_bind_text(s, ":a", annex_uid);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			err_set(e, ERR_NOTFOUND, "annexe introuvable");
		else
			store_fail(st, rc, "lire l'annexe", e);
		return -1;
	}
	a = xcalloc(1, sizeof *a);
	a->domain_code = store_col_dup(s, 0);
	a->domain_name = store_col_dup(s, 1);
	a->title = store_col_dup(s, 2);
	a->preamble = store_col_dup(s, 3);
	a->means = store_col_dup(s, 4);
	a->implementation = store_col_dup(s, 5);
	a->operation = store_col_dup(s, 6);
	a->notes = store_col_dup(s, 7);
	a->volume_note = store_col_dup(s, 8);
	sqlite3_reset(s);
	if (load_subdomains(st, annex_uid, a, e) != 0 ||
	    load_rest(st, annex_uid, a, e) != 0) {
		annex_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

int store_target_get(struct store *st, const char *indicator_uid, int year,
		     const char *criticality, struct target_value *out,
		     bool *found, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT num, den, text, better FROM target WHERE"
		" indicator_uid = :i AND year = :y AND criticality = :c", e);
	int rc;

	memset(out, 0, sizeof *out);
	*found = false;
	if (!s)
		return -1;
	store_bind_text(s, ":i", indicator_uid);
	store_bind_int(s, ":y", year);
	store_bind_text(s, ":c", criticality ? criticality : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = true;
		out->has_num = sqlite3_column_type(s, 0) != SQLITE_NULL;
		out->num = sqlite3_column_double(s, 0);
		out->has_den = sqlite3_column_type(s, 1) != SQLITE_NULL;
		out->den = sqlite3_column_double(s, 1);
		out->text = store_col_dup(s, 2);
		out->better = store_col_dup(s, 3);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire la cible", e);
}

void store_target_release(struct target_value *t)
{
	free(t->text);
	free(t->better);
	t->text = t->better = NULL;
}
