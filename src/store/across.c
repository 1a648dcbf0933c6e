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

/* The domain's name in the first contract that has it (by commune),
 * NULL when none has it. */
static int domain_name(struct store *st, const char *domain_code,
		       char **name, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT d.name FROM domain d JOIN contract c"
		" ON c.uid = d.contract_uid JOIN commune co"
		" ON co.uid = c.commune_uid WHERE d.code = :dom"
		" ORDER BY co.name LIMIT 1", e);
	int rc;

	*name = NULL;
	if (!s)
		return -1;
	store_bind_text(s, ":dom", domain_code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*name = store_col_dup(s, 0);
		if (!*name)
			*name = xstrdup(domain_code);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "chercher le domaine", e);
}

int store_domain_indicator_codes(struct store *st, const char *domain_code,
				 const char *first, const char *last,
				 char ***codes, size_t *n, char **name,
				 struct err *e)
{
	/* The annex in force on a date is STORE_ANNEX_IN_FORCE's: the two
	 * dates in one query, under the one name it binds, would not do. */
	sqlite3_stmt *s = store_stmt(st,
		"SELECT DISTINCT i.code FROM domain d"
		" JOIN indicator i ON i.annex_uid ="
		" " STORE_ANNEX_IN_FORCE("d.uid")
		" WHERE d.code = :dom ORDER BY i.code", e);
	size_t cap = 0;
	int rc = SQLITE_DONE;

	*codes = NULL;
	*n = 0;
	if (!s || domain_name(st, domain_code, name, e) != 0)
		return -1;
	for (int k = 0; k < 2 && rc == SQLITE_DONE; k++) {
		store_bind_text(s, ":dom", domain_code);
		store_bind_text(s, ":date", k ? last : first);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(s, 0);
			size_t i;

			for (i = 0; i < *n && strcmp((*codes)[i], c ? c : ""); i++)
				;
			if (i < *n)
				continue;	/* in force on both dates */
			*codes = xgrow(*codes, &cap, *n + 1, sizeof **codes);
			(*codes)[(*n)++] = xstrdup(c ? c : "");
		}
		sqlite3_reset(s);
	}
	if (store_done(st, rc, "lire les indicateurs du domaine", e) != 0) {
		for (size_t i = 0; i < *n; i++)
			free((*codes)[i]);
		free(*codes);
		*codes = NULL;
		*n = 0;
		free(*name);
		*name = NULL;
		return -1;
	}
	return 0;
}
