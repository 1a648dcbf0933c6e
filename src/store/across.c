/*
 * The few queries the view across communes makes over every contract
 * (include/suivi/store_across.h).
 */
#include "store_internal.h"
#include "suivi/store_across.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

int store_indicator_code_known(struct store *st, const char *code,
			       bool *known, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT 1 FROM domain d JOIN annex a ON a.domain_uid = d.uid"
		" JOIN indicator i ON i.annex_uid = a.uid"
		" WHERE i.code = :code OR d.code || '/' || i.code = :code"
		" LIMIT 1", e);
	int rc;

	*known = false;
	if (!s)
		return -1;
	store_bind_text(s, ":code", code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*known = true;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "chercher l'indicateur", e);
}

static int domain_known(struct store *st, const char *domain_code,
			bool *known, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT 1 FROM domain WHERE code = :dom LIMIT 1", e);
	int rc;

	*known = false;
	if (!s)
		return -1;
	store_bind_text(s, ":dom", domain_code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*known = true;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "chercher le domaine", e);
}

int store_domain_indicator_codes(struct store *st, const char *domain_code,
				 const char *first, const char *last,
				 char ***codes, size_t *n, bool *domain_known_out,
				 struct err *e)
{
	/* The annex in force on a date is STORE_ANNEX_IN_FORCE's; the two
	 * dates are bound in turn under the one name it uses. */
	sqlite3_stmt *s = store_stmt(st,
		"SELECT i.code, min(i.position) FROM domain d"
		" JOIN indicator i ON i.annex_uid ="
		" " STORE_ANNEX_IN_FORCE("d.uid")
		" WHERE d.code = :dom GROUP BY i.code", e);
	size_t cap = 0;
	long *pos = NULL;	/* each code's position, to order them */
	int rc = SQLITE_DONE;

	*codes = NULL;
	*n = 0;
	if (domain_known(st, domain_code, domain_known_out, e) != 0)
		return -1;
	if (!s)
		return -1;
	for (int k = 0; k < 2 && rc == SQLITE_DONE; k++) {
		store_bind_text(s, ":dom", domain_code);
		store_bind_text(s, ":date", k ? last : first);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(s, 0);
			long p = (long)sqlite3_column_int64(s, 1);
			size_t i;

			for (i = 0; i < *n && strcmp((*codes)[i], c ? c : ""); i++)
				;
			if (i < *n) {
				if (p < pos[i])
					pos[i] = p;
				continue;
			}
			*codes = xgrow(*codes, &cap, *n + 1, sizeof **codes);
			pos = xrealloc(pos, cap * sizeof *pos);
			(*codes)[*n] = xstrdup(c ? c : "");
			pos[(*n)++] = p;
		}
		sqlite3_reset(s);
	}
	if (store_done(st, rc, "lire les indicateurs du domaine", e) != 0) {
		for (size_t i = 0; i < *n; i++)
			free((*codes)[i]);
		free(*codes);
		free(pos);
		*codes = NULL;
		*n = 0;
		return -1;
	}
	/* by position, then code: a handful, sorted by insertion */
	for (size_t i = 1; i < *n; i++)
		for (size_t j = i; j > 0 && (pos[j] < pos[j - 1] ||
		     (pos[j] == pos[j - 1] &&
		      strcmp((*codes)[j], (*codes)[j - 1]) < 0)); j--) {
			char *tc = (*codes)[j];
			long tp = pos[j];

			(*codes)[j] = (*codes)[j - 1];
			(*codes)[j - 1] = tc;
			pos[j] = pos[j - 1];
			pos[j - 1] = tp;
		}
	free(pos);
	return 0;
}
