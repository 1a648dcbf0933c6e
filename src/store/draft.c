/*
 * Drafts: one row per slot, replaced on each save. Each write is its own
 * transaction, so that a draft said kept is on disk.
 */
#include "store_internal.h"
#include "suivi/store_draft.h"


int store_draft_save(struct store *st, const char *slot, const char *context,
		     const char *text, struct err *e)
{
	sqlite3_stmt *s;
	char now[32];

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	s = store_stmt(st,
		"INSERT INTO draft (slot, context, text, saved_at) VALUES (:s, :c,"
		" :x, :t) ON CONFLICT (slot) DO UPDATE SET context = excluded.context,"
		" text = excluded.text, saved_at = excluded.saved_at", e);
	if (!s)
		goto fail;
	store_now(now);
	store_bind_text(s, ":s", slot);
	store_bind_text(s, ":c", context);
	store_bind_text(s, ":x", text);
	store_bind_text(s, ":t", now);
	if (store_exec_stmt(st, s, e) != 0 || store_commit(st, e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int store_draft_get(struct store *st, const char *slot, char **context,
		    char **text, bool *found, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT context, text FROM draft WHERE slot = :s", e);
	int rc;

	*found = false;
	*context = *text = NULL;
	if (!s)
		return -1;
	store_bind_text(s, ":s", slot);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*context = store_col_dup(s, 0);
		*text = store_col_dup(s, 1);
		*found = true;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire le brouillon", e);
}

int store_draft_delete(struct store *st, const char *slot, struct err *e)
{
	sqlite3_stmt *s;

	err_clear(e);
	if (store_begin(st, e) != 0)
		return -1;
	s = store_stmt(st, "DELETE FROM draft WHERE slot = :s", e);
	if (!s)
		goto fail;
	store_bind_text(s, ":s", slot);
	if (store_exec_stmt(st, s, e) != 0 || store_commit(st, e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}
