#include "store_internal.h"
#include "suivi/text.h"
#include "suivi/store_contract.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

static int finish(struct store *st, int rc, const char *doing, struct err *e)
{
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, doing, e);
		return -1;
	}
	return 0;
}

int store_contract_list(struct store *st, struct contract_info **out,
			size_t *n, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT c.uid, c.identifier, co.name, co.insee, c.title,"
		" c.starts_on, (SELECT count(*) FROM amendment a"
		" WHERE a.contract_uid = c.uid)"
		" FROM contract c JOIN commune co ON co.uid = c.commune_uid"
		" ORDER BY co.name COLLATE NOCASE, c.starts_on", e);
	struct contract_info *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		store_col_uid(v[k].uid, s, 0);
		v[k].identifier = store_col_dup(s, 1);
		v[k].commune = store_col_dup(s, 2);
		v[k].insee = store_col_dup(s, 3);
		v[k].title = store_col_dup(s, 4);
		v[k].starts_on = store_col_dup(s, 5);
		v[k].n_amendments = sqlite3_column_int(s, 6);
		k++;
	}
	sqlite3_reset(s);
	if (finish(st, rc, "lister les contrats", e) != 0) {
		store_contract_list_free(v, k);
		return -1;
	}
	*out = v;
	*n = k;
	return 0;
}

void store_contract_list_free(struct contract_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].identifier);
		free(v[i].commune);
		free(v[i].insee);
		free(v[i].title);
		free(v[i].starts_on);
	}
	free(v);
}

#define ANNEX_COLUMNS                                                       \
	"a.uid, d.code, a.domain_name, a.version, a.in_force_from,"          \
	" (SELECT count(*) FROM subdomain x WHERE x.annex_uid = a.uid),"     \
	" (SELECT count(*) FROM activity x JOIN subdomain y ON"              \
	"  y.uid = x.subdomain_uid WHERE y.annex_uid = a.uid),"              \
	" (SELECT count(*) FROM role x WHERE x.annex_uid = a.uid),"          \
	" (SELECT count(*) FROM contact x WHERE x.annex_uid = a.uid),"       \
	" (SELECT count(*) FROM priority x WHERE x.annex_uid = a.uid"        \
	"  AND x.kind = 'priority'),"                                        \
	" (SELECT count(*) FROM priority x WHERE x.annex_uid = a.uid"        \
	"  AND x.kind = 'priority' AND x.removed),"                          \
	" (SELECT count(*) FROM priority x WHERE x.annex_uid = a.uid"        \
	"  AND x.kind = 'mutual_commitment'),"                               \
	" (SELECT count(*) FROM committee x WHERE x.annex_uid = a.uid),"     \
	" (SELECT count(*) FROM commitment x WHERE x.annex_uid = a.uid),"    \
	" (SELECT count(*) FROM indicator x WHERE x.annex_uid = a.uid)"

static int annex_rows(struct store *st, sqlite3_stmt *s,
		      struct annex_info **out, size_t *n, struct err *e)
{
	struct annex_info *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		store_col_uid(v[k].uid, s, 0);
		v[k].domain_code = store_col_dup(s, 1);
		v[k].domain_name = store_col_dup(s, 2);
		v[k].version = sqlite3_column_int(s, 3);
		v[k].in_force_from = store_col_dup(s, 4);
		v[k].n_subdomains = sqlite3_column_int(s, 5);
		v[k].n_activities = sqlite3_column_int(s, 6);
		v[k].n_roles = sqlite3_column_int(s, 7);
		v[k].n_contacts = sqlite3_column_int(s, 8);
		v[k].n_priorities = sqlite3_column_int(s, 9);
		v[k].n_removed_priorities = sqlite3_column_int(s, 10);
		v[k].n_mutual = sqlite3_column_int(s, 11);
		v[k].n_committees = sqlite3_column_int(s, 12);
		v[k].n_commitments = sqlite3_column_int(s, 13);
		v[k].n_indicators = sqlite3_column_int(s, 14);
		k++;
	}
	sqlite3_reset(s);
	if (finish(st, rc, "lire les annexes", e) != 0) {
		store_annex_list_free(v, k);
		return -1;
	}
	*out = v;
	*n = k;
	return 0;
}

int store_annexes_in_force(struct store *st, const char *contract_uid,
			   const char *date, struct annex_info **out,
			   size_t *n, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " ANNEX_COLUMNS " FROM domain d JOIN annex a"
		" ON a.uid = " STORE_ANNEX_IN_FORCE("d.uid")
		" WHERE d.contract_uid = :c ORDER BY d.rowid", e);

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":date", date);
	return annex_rows(st, s, out, n, e);
}

int store_annex_versions(struct store *st, const char *contract_uid,
			 struct annex_info **out, size_t *n, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " ANNEX_COLUMNS " FROM domain d JOIN annex a"
		" ON a.domain_uid = d.uid WHERE d.contract_uid = :c"
		" ORDER BY d.rowid, a.in_force_from, a.version", e);

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	return annex_rows(st, s, out, n, e);
}

int store_committee_names(struct store *st, const char *contract_uid,
			  const char *date, char ***out, size_t *n,
			  struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT cm.name FROM domain d JOIN annex a"
		" ON a.uid = " STORE_ANNEX_IN_FORCE("d.uid")
		" JOIN committee cm ON cm.annex_uid = a.uid"
		" WHERE d.contract_uid = :c ORDER BY d.rowid, cm.position", e);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":date", date);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = store_col_dup(s, 0);
	}
	sqlite3_reset(s);
	if (finish(st, rc, "lire les comités", e) != 0) {
		text_lines_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void store_annex_list_free(struct annex_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].domain_code);
		free(v[i].domain_name);
		free(v[i].in_force_from);
	}
	free(v);
}

int store_totals(struct store *st, struct store_totals *t, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT (SELECT count(*) FROM contract),"
		" (SELECT count(*) FROM amendment),"
		" (SELECT count(*) FROM measurement),"
		" (SELECT count(*) FROM target),"
		" (SELECT count(*) FROM request),"
		" (SELECT count(*) FROM dispute),"
		" (SELECT count(*) FROM meeting),"
		" (SELECT count(*) FROM action_item)", e);
	int rc;

	memset(t, 0, sizeof *t);
	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		t->contracts = sqlite3_column_int64(s, 0);
		t->amendments = sqlite3_column_int64(s, 1);
		t->measurements = sqlite3_column_int64(s, 2);
		t->targets = sqlite3_column_int64(s, 3);
		t->requests = sqlite3_column_int64(s, 4);
		t->disputes = sqlite3_column_int64(s, 5);
		t->meetings = sqlite3_column_int64(s, 6);
		t->action_items = sqlite3_column_int64(s, 7);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return finish(st, rc, "compter", e);
}

int store_contract_find(struct store *st, const char *key,
			char uid[STORE_UID_LEN], struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT c.uid FROM contract c JOIN commune co"
		" ON co.uid = c.commune_uid WHERE c.identifier = :k"
		" OR co.insee = :k OR co.name = :k COLLATE NOCASE"
		" ORDER BY c.starts_on DESC", e);
	int rc, count = 0;

	uid[0] = '\0';
	if (!s)
		return -1;
	store_bind_text(s, ":k", key);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (count++ == 0)
			store_col_uid(uid, s, 0);
	}
	sqlite3_reset(s);
	if (finish(st, rc, "chercher le contrat", e) != 0)
		return -1;
	if (!count) {
		/* the commune's name typed without its accents, or with
		 * other capitals: "le bouscat", "Meriadeck" */
		char *want = text_fold(key);

		s = store_stmt(st, "SELECT c.uid, co.name FROM contract c JOIN"
			       " commune co ON co.uid = c.commune_uid"
			       " ORDER BY c.starts_on DESC", e);
		if (!s) {
			free(want);
			return -1;
		}
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			char *name = text_fold(
				(const char *)sqlite3_column_text(s, 1));

			if (!strcmp(name, want) && count++ == 0)
				store_col_uid(uid, s, 0);
			free(name);
		}
		sqlite3_reset(s);
		free(want);
		if (finish(st, rc, "chercher le contrat", e) != 0)
			return -1;
	}
	if (!count) {
		err_set(e, ERR_NOTFOUND, "aucun contrat ne correspond à « %s » "
			"(identifiant, code INSEE ou nom de commune)", key);
		return -1;
	}
	return 0;
}

int store_indicator_rows(struct store *st, const char *contract,
			 const char *date, indicator_row_fn fn, void *ctx,
			 struct err *e)
{
	char uid[STORE_UID_LEN] = "";
	sqlite3_stmt *s;
	int rc, stop = 0;

	if (contract && store_contract_find(st, contract, uid, e) != 0)
		return -1;
	s = store_stmt(st,
		"SELECT co.name, co.insee, c.identifier, d.code, a.domain_name,"
		" a.version, a.in_force_from, sd.letter, sd.name, cm.code,"
		" cm.title, i.code, i.label, i.definition, i.periodicity,"
		" i.source, i.baseline, i.conditions, i.value_kind, i.unit,"
		" i.better, i.criticalities, i.computed_from,"
		" ifnull(i.scale_min, -1), ifnull(i.scale_max, -1), i.choices"
		" FROM contract c JOIN commune co ON co.uid = c.commune_uid"
		" JOIN domain d ON d.contract_uid = c.uid"
		" JOIN annex a ON a.uid = " STORE_ANNEX_IN_FORCE("d.uid")
		" JOIN indicator i ON i.annex_uid = a.uid"
		" JOIN commitment cm ON cm.uid = i.commitment_uid"
		" LEFT JOIN subdomain sd ON sd.uid = cm.subdomain_uid"
		" WHERE (:c = '' OR c.uid = :c)"
		" ORDER BY co.name COLLATE NOCASE, c.starts_on, d.rowid,"
		" i.position", e);
	if (!s)
		return -1;
	store_bind_text(s, ":c", uid);
	store_bind_text(s, ":date", date);
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* copies: nothing outside store/ sees a column pointer */
		char *col[23], *choices;
		struct indicator_row r;

		for (int i = 0; i < 23; i++)
			col[i] = store_col_dup(s, i);
		r.commune = col[0];
		r.insee = col[1];
		r.contract = col[2];
		r.domain_code = col[3];
		r.domain_name = col[4];
		r.annex_version = atoi(col[5] ? col[5] : "0");
		r.in_force_from = col[6];
		r.subdomain = col[7];
		r.subdomain_name = col[8];
		r.commitment = col[9];
		r.commitment_title = col[10];
		r.code = col[11];
		r.label = col[12];
		r.definition = col[13];
		r.periodicity = col[14];
		r.source = col[15];
		r.baseline = col[16];
		r.conditions = col[17];
		r.value_kind = col[18];
		r.unit = col[19];
		r.better = col[20];
		r.criticalities = col[21];
		r.computed_from = col[22];
		r.scale_min = sqlite3_column_int(s, 23);
		r.scale_max = sqlite3_column_int(s, 24);
		choices = store_col_dup(s, 25);
		r.choices = choices;
		stop = fn(&r, ctx);
		for (int i = 0; i < 23; i++)
			free(col[i]);
		free(choices);
	}
	sqlite3_reset(s);
	if (stop)
		return stop;
	return finish(st, rc, "lire les indicateurs", e);
}
