/*
 * Disputes in the database (include/suivi/store_dispute.h): open,
 * update, arbitration steps, closing, linked requests, the history of
 * every change, the lists with their full-text search, a year's
 * disputes. The rules are src/core/dispute.c's; this file checks what
 * needs the database (dates against the opening and the steps, the
 * contract of a domain or a request) and writes each change with its
 * dispute_change row in one transaction.
 */
#include "dispute_internal.h"
#include "suivi/date.h"
#include "suivi/limits.h"
#include "suivi/store_dispute.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

const char *dispute_opt(const char *s)
{
	return s && *s ? s : NULL;
}

/* JJ/MM/AAAA or ISO into iso; what names the date in the message. */
int dispute_parse_date(const char *s, const char *what,
		      char iso[DATE_ISO_LEN], struct err *e)
{
	struct date d;

	if (!s || !*s) {
		err_set(e, ERR_INPUT, "la date %s est obligatoire", what);
		return -1;
	}
	if (date_parse(s, &d) != 0) {
		err_set(e, ERR_INPUT, "date %s illisible : « %s » (attendu "
			"JJ/MM/AAAA ou AAAA-MM-JJ)", what, s);
		return -1;
	}
	date_format_iso(d, iso);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Full-text index                                                     */

/* Drop the stale entries, forget the disputes that are gone, index the
 * others as they are now, mark them done (request.c does the same). */
static const char *const reindex_steps[] = {
	"DELETE FROM dispute_fts WHERE rowid IN"
	" (SELECT id FROM dispute_doc WHERE stale)",
	"DELETE FROM dispute_doc WHERE stale AND NOT EXISTS"
	" (SELECT 1 FROM dispute x WHERE x.uid = dispute_doc.dispute_uid)",
	"INSERT INTO dispute_fts (rowid, object, solution)"
	" SELECT d.id, x.object, x.solution FROM dispute_doc d"
	" JOIN dispute x ON x.uid = d.dispute_uid WHERE d.stale",
	"UPDATE dispute_doc SET stale = 0 WHERE stale",
};

int dispute_reindex(struct store *st, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM dispute_doc"
				     " WHERE stale LIMIT 1", e);
	int rc;

	if (!s)
		return -1;
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return store_done(st, rc, "indexer les litiges", e);
	return store_exec_all(st, reindex_steps,
			      sizeof reindex_steps / sizeof *reindex_steps, e);
}

/* Before a search: entries marked by writers outside this API. When that
 * fails (busy, read-only), the index as it is still answers. */
static void reindex_for_search(struct store *st)
{
	struct err ignored;

	if (!store_readonly(st))
		dispute_reindex(st, &ignored);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

#define DISPUTE_COLUMNS                                                     \
	"x.uid, x.contract_uid, x.domain_uid, dm.code, dm.name,"            \
	" x.opened_on, x.object, x.nature, x.solution, x.closed_on,"        \
	" x.like_uid, lk.object, x.author, x.created_at,"                   \
	" (SELECT count(*) FROM dispute_request q"                          \
	" WHERE q.dispute_uid = x.uid), x.mayor_instruction,"               \
	" x.mayor_instruction_by, x.mayor_instruction_on"
#define DISPUTE_FROM                                                        \
	" FROM dispute x LEFT JOIN domain dm ON dm.uid = x.domain_uid"      \
	" LEFT JOIN dispute lk ON lk.uid = x.like_uid"

enum {
	C_UID, C_CONTRACT, C_DOMAIN_UID, C_DOMAIN_CODE, C_DOMAIN_NAME,
	C_OPENED, C_OBJECT, C_NATURE, C_SOLUTION, C_CLOSED, C_LIKE_UID,
	C_LIKE_OBJECT, C_AUTHOR, C_CREATED, C_LINKED, C_INSTRUCTION,
	C_INSTRUCTION_BY, C_INSTRUCTION_ON
};

static void read_dispute(sqlite3_stmt *s, struct dispute *d)
{
	memset(d, 0, sizeof *d);
	store_col_uid(d->uid, s, C_UID);
	store_col_uid(d->contract_uid, s, C_CONTRACT);
	d->domain_uid = store_col_text(s, C_DOMAIN_UID);
	d->domain_code = store_col_text(s, C_DOMAIN_CODE);
	d->domain_name = store_col_text(s, C_DOMAIN_NAME);
	d->opened_on = store_col_text(s, C_OPENED);
	d->object = store_col_text(s, C_OBJECT);
	d->nature = (enum dispute_nature)store_col_vocab(
		s, C_NATURE, dispute_nature_vocab, DISPUTE_NATURE_COUNT);
	d->solution = store_col_text(s, C_SOLUTION);
	d->closed_on = store_col_text(s, C_CLOSED);
	d->like_uid = store_col_text(s, C_LIKE_UID);
	d->like_object = store_col_text(s, C_LIKE_OBJECT);
	d->author = store_col_text(s, C_AUTHOR);
	d->created_at = store_col_text(s, C_CREATED);
	d->n_linked = (size_t)sqlite3_column_int64(s, C_LINKED);
	d->instruction = store_col_text(s, C_INSTRUCTION);
	d->instruction_by = store_col_text(s, C_INSTRUCTION_BY);
	d->instruction_on = store_col_text(s, C_INSTRUCTION_ON);
	dispute_state_init(&d->state);
	d->state.closed = d->closed_on != NULL;
}

static void step_release(struct dispute_step *p)
{
	free(p->held_on);
	free(p->participants);
	free(p->positions);
	free(p->notes);
	free(p->author);
	free(p->created_at);
}

void store_dispute_release(struct dispute *d)
{
	if (!d)
		return;
	free(d->domain_uid);
	free(d->domain_code);
	free(d->domain_name);
	free(d->opened_on);
	free(d->object);
	free(d->solution);
	free(d->closed_on);
	free(d->like_uid);
	free(d->like_object);
	free(d->author);
	free(d->created_at);
	free(d->instruction);
	free(d->instruction_by);
	free(d->instruction_on);
	for (size_t i = 0; i < d->n_steps; i++)
		step_release(&d->steps[i]);
	free(d->steps);
	for (size_t i = 0; d->request_uids && i < d->n_requests; i++)
		free(d->request_uids[i]);
	free(d->request_uids);
	memset(d, 0, sizeof *d);
}

void store_dispute_list_free(struct dispute *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_dispute_release(&v[i]);
	free(v);
}

bool store_dispute_has_instruction(const struct dispute *d)
{
	return d->state.closed && d->instruction && d->instruction_by &&
	       d->instruction_on;
}

bool store_dispute_instruction_missing(const struct dispute *d)
{
	return d->state.closed &&
	       dispute_mayor_final(d->nature, d->state.level) &&
	       !store_dispute_has_instruction(d);
}

/* The steps in order give the state; kept in d->steps when keep. */
int dispute_load_steps(struct store *st, struct dispute *d, bool keep,
		      struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT uid, level, held_on, participants, positions, notes,"
		" outcome, author, created_at FROM arbitration_step"
		" WHERE dispute_uid = :d ORDER BY held_on, rowid",
		e);
	size_t cap = 0;
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":d", d->uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		enum step_outcome o = (enum step_outcome)store_col_vocab(
			s, 6, step_outcome_vocab, OUTCOME_COUNT);
		struct dispute_step *p;

		dispute_state_add(&d->state, o);
		if (!keep)
			continue;
		d->steps = xgrow(d->steps, &cap, d->n_steps + 1,
				 sizeof *d->steps);
		p = &d->steps[d->n_steps++];
		memset(p, 0, sizeof *p);
		store_col_uid(p->uid, s, 0);
		p->level = sqlite3_column_int(s, 1);
		p->held_on = store_col_text(s, 2);
		p->participants = store_col_text(s, 3);
		p->positions = store_col_text(s, 4);
		p->notes = store_col_text(s, 5);
		p->outcome = o;
		p->mayor_final = dispute_mayor_final(d->nature, p->level);
		p->author = store_col_text(s, 7);
		p->created_at = store_col_text(s, 8);
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire les étapes d'arbitrage", e);
}

static int load_requests(struct store *st, struct dispute *d, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT q.request_uid FROM dispute_request q"
		" LEFT JOIN request r ON r.uid = q.request_uid"
		" WHERE q.dispute_uid = :d ORDER BY r.received_at, q.request_uid",
		e);
	size_t cap = 0;
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":d", d->uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		d->request_uids = xgrow(d->request_uids, &cap,
					d->n_requests + 1,
					sizeof *d->request_uids);
		d->request_uids[d->n_requests++] = store_col_dup(s, 0);
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire les saisines liées", e);
}

int store_dispute_get(struct store *st, const char *uid, struct dispute *out,
		      struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " DISPUTE_COLUMNS
				     DISPUTE_FROM " WHERE x.uid = :uid", e);
	bool found = false;
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	store_bind_text(s, ":uid", uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_dispute(s, out);
		found = true;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire le litige", e) != 0)
		return -1;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "litige introuvable");
		return -1;
	}
	if (dispute_load_steps(st, out, true, e) != 0 ||
	    load_requests(st, out, e) != 0) {
		store_dispute_release(out);
		return -1;
	}
	return 0;
}

/* The rows of a bound list statement, each with its state. */
static int run_list(struct store *st, sqlite3_stmt *s, const char *doing,
		    struct dispute **out, size_t *n, struct err *e)
{
	struct dispute *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		read_dispute(s, &v[k++]);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, doing, e) != 0)
		goto fail;
	for (size_t i = 0; i < k; i++)
		if (dispute_load_steps(st, &v[i], false, e) != 0)
			goto fail;
	*out = v;
	*n = k;
	return 0;
fail:
	store_dispute_list_free(v, k);
	return -1;
}

/* The text filter: the disputes whose object or solution matches. */
#define MATCH_FILTER                                                        \
	" AND (:match IS NULL OR x.uid IN (SELECT dispute_doc.dispute_uid"  \
	" FROM dispute_fts JOIN dispute_doc"                                \
	" ON dispute_doc.id = dispute_fts.rowid"                            \
	" WHERE dispute_fts MATCH :match))"

/* One statement per case, so that each walks its index (schema.c,
 * migration 5) in the order it returns: with a contract and without. */
static const char *const list_sql[2] = {
	"SELECT " DISPUTE_COLUMNS DISPUTE_FROM
	" WHERE (:open = 0 OR x.closed_on IS NULL)" MATCH_FILTER
	" ORDER BY x.opened_on DESC, x.uid DESC",
	"SELECT " DISPUTE_COLUMNS DISPUTE_FROM
	" WHERE x.contract_uid = :c AND (:open = 0 OR x.closed_on IS NULL)"
	MATCH_FILTER " ORDER BY x.opened_on DESC, x.uid DESC",
};

static const char *const solutions_sql[2] = {
	"SELECT " DISPUTE_COLUMNS DISPUTE_FROM
	" WHERE x.closed_on IS NOT NULL" MATCH_FILTER
	" ORDER BY x.closed_on DESC, x.uid DESC",
	"SELECT " DISPUTE_COLUMNS DISPUTE_FROM
	" WHERE x.contract_uid = :c AND x.closed_on IS NOT NULL" MATCH_FILTER
	" ORDER BY x.closed_on DESC, x.uid DESC",
};

static const char *const year_sql[2] = {
	"SELECT " DISPUTE_COLUMNS DISPUTE_FROM
	" WHERE x.opened_on >= :from AND x.opened_on < :to"
	" ORDER BY x.opened_on, x.uid",
	"SELECT " DISPUTE_COLUMNS DISPUTE_FROM
	" WHERE x.contract_uid = :c AND x.opened_on >= :from"
	" AND x.opened_on < :to ORDER BY x.opened_on, x.uid",
};

static int search(struct store *st, const char *const sql[2],
		  const char *contract_uid, bool open_only, const char *text,
		  struct dispute **out, size_t *n, struct err *e)
{
	char *match = store_match_query(text);
	bool by_contract = dispute_opt(contract_uid) != NULL;
	sqlite3_stmt *s;
	int ret = -1;

	*out = NULL;
	*n = 0;
	if (match)
		reindex_for_search(st);
	if (!(s = store_stmt(st, sql[by_contract], e)))
		goto out;
	if (by_contract)
		store_bind_text(s, ":c", contract_uid);
	if (sql == list_sql)
		store_bind_int(s, ":open", open_only);
	store_bind_text(s, ":match", match);
	ret = run_list(st, s, "lister les litiges", out, n, e);
out:
	free(match);
	return ret;
}

int store_dispute_list(struct store *st, const char *contract_uid,
		       bool open_only, const char *text,
		       struct dispute **out, size_t *n, struct err *e)
{
	return search(st, list_sql, contract_uid, open_only, text, out, n, e);
}

int store_dispute_solutions(struct store *st, const char *contract_uid,
			    const char *text, struct dispute **out, size_t *n,
			    struct err *e)
{
	return search(st, solutions_sql, contract_uid, false, text, out, n,
		      e);
}

int store_dispute_year(struct store *st, const char *contract_uid, int year,
		       struct dispute **out, size_t *n, struct err *e)
{
	char lo[DATE_ISO_LEN], hi[DATE_ISO_LEN];
	bool by_contract = dispute_opt(contract_uid) != NULL;
	sqlite3_stmt *s;

	*out = NULL;
	*n = 0;
	if (year != 0 && (year < 1900 || year > 2199)) {
		err_set(e, ERR_INPUT, "année invalide : %d", year);
		return -1;
	}
	/* every stored ISO date sorts between "" and "9999" */
	snprintf(lo, sizeof lo, "%s", "");
	snprintf(hi, sizeof hi, "%s", "9999");
	if (year) {
		snprintf(lo, sizeof lo, "%04d-01-01", year);
		snprintf(hi, sizeof hi, "%04d-01-01", year + 1);
	}
	if (!(s = store_stmt(st, year_sql[by_contract], e)))
		return -1;
	if (by_contract)
		store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":from", lo);
	store_bind_text(s, ":to", hi);
	return run_list(st, s, "lister les litiges de l'année", out, n, e);
}

/* ------------------------------------------------------------------ */
/* History                                                             */

static const struct change_word change_words[] = {
	{ "open", "ouverture" }, { "update", "modification" },
	{ "step", "étape" }, { "close", "clôture" }, { "link", "lien" },
	{ "unlink", "lien" }, { "step_update", "étape modifiée" },
	{ "step_delete", "étape supprimée" },
	{ "close_update", "clôture modifiée" }, { "reopen", "réouverture" },
};

/* The history row of a change; reason NULL when none was given. */
int dispute_record_why(struct store *st, const char *dispute_uid,
		      const char *what, const char *before, const char *after,
		      const char *reason, struct err *e)
{
	return store_change_write(st,
		"INSERT INTO dispute_change (uid, dispute_uid, what, author,"
		" at, before, after, reason) VALUES (:uid, :owner, :what,"
		" :author, :at, :before, :after, :reason)", dispute_uid, what,
		before, after, reason, e);
}

int dispute_record(struct store *st, const char *dispute_uid,
		  const char *what, const char *before, const char *after,
		  struct err *e)
{
	return dispute_record_why(st, dispute_uid, what, before, after, NULL, e);
}

bool dispute_exists(struct store *st, const char *uid, bool *found,
			   struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM dispute"
				     " WHERE uid = :uid", e);
	int rc;

	if (!s)
		return false;
	store_bind_text(s, ":uid", uid);
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && store_done(st, rc, "chercher le litige", e) != 0)
		return false;
	return true;
}

int store_dispute_history(struct store *st, const char *uid,
			  struct store_change **out, size_t *n,
			  struct err *e)
{
	sqlite3_stmt *s;
	bool found;

	*out = NULL;
	*n = 0;
	if (!dispute_exists(st, uid, &found, e))
		return -1;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "litige introuvable");
		return -1;
	}
	s = store_stmt(st, "SELECT what, author, at, before, after, reason"
		       " FROM dispute_change WHERE dispute_uid = :d"
		       " ORDER BY rowid", e);
	if (!s)
		return -1;
	store_bind_text(s, ":d", uid);
	return store_changes_read(st, s, change_words,
				  sizeof change_words / sizeof *change_words,
				  "lire l'historique du litige", out, n, e);
}

