/*
 * Disputes in the database (include/suivi/store_dispute.h): open,
 * update, arbitration steps, closing, linked requests, the history of
 * every change, the lists with their full-text search, a year's
 * disputes. The rules are src/core/dispute.c's; this file checks what
 * needs the database (dates against the opening and the steps, the
 * contract of a domain or a request) and writes each change with its
 * dispute_change row in one transaction.
 */
#include "store_internal.h"
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

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

/* JJ/MM/AAAA or ISO into iso; what names the date in the message. */
static int parse_date(const char *s, const char *what,
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

static int reindex(struct store *st, struct err *e)
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
		reindex(st, &ignored);
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
static int load_steps(struct store *st, struct dispute *d, bool keep,
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
	if (load_steps(st, out, true, e) != 0 ||
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
		if (load_steps(st, &v[i], false, e) != 0)
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
	bool by_contract = opt(contract_uid) != NULL;
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
	bool by_contract = opt(contract_uid) != NULL;
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
static int record_why(struct store *st, const char *dispute_uid,
		      const char *what, const char *before, const char *after,
		      const char *reason, struct err *e)
{
	return store_change_write(st,
		"INSERT INTO dispute_change (uid, dispute_uid, what, author,"
		" at, before, after, reason) VALUES (:uid, :owner, :what,"
		" :author, :at, :before, :after, :reason)", dispute_uid, what,
		before, after, reason, e);
}

static int record(struct store *st, const char *dispute_uid,
		  const char *what, const char *before, const char *after,
		  struct err *e)
{
	return record_why(st, dispute_uid, what, before, after, NULL, e);
}

static bool dispute_exists(struct store *st, const char *uid, bool *found,
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

/* ------------------------------------------------------------------ */
/* Opening and changing what a dispute says                            */

/* What a dispute says, checked and as written in the history. */
struct fields {
	char opened[DATE_ISO_LEN];
	char *object;
	enum dispute_nature nature;
	const char *domain_uid, *like_uid;
	char *domain_text, *like_text;	/* "nsi (Numérique…)", the object */
};

static void fields_release(struct fields *f)
{
	free(f->object);
	free(f->domain_text);
	free(f->like_text);
}

/* One text column of a one-row query bound by the caller; *out NULL
 * when there is no row. */
static int one_text(struct store *st, sqlite3_stmt *s, char **out,
		    bool *found, struct err *e)
{
	int rc = sqlite3_step(s);

	*out = NULL;
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		*out = store_col_dup(s, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "vérifier le litige", e);
}

static int check_fields(struct store *st, const char *contract_uid,
			const char *self_uid, const struct dispute_input *in,
			struct fields *f, struct err *e)
{
	sqlite3_stmt *s;
	bool found;

	memset(f, 0, sizeof *f);
	if ((int)in->nature < 0 || in->nature >= DISPUTE_NATURE_COUNT) {
		err_set(e, ERR_INPUT, "nature de litige inconnue");
		return -1;
	}
	f->nature = in->nature;
	if (parse_date(in->opened_on, "d'ouverture du litige", f->opened,
		       e) != 0)
		return -1;
	if (!(f->object = store_clean_text(in->object))) {
		err_set(e, ERR_INPUT, "l'objet du litige est obligatoire");
		return -1;
	}
	if (text_check(TEXT_LONG, "objet", f->object, e) != 0)
		return -1;
	f->domain_uid = opt(in->domain_uid);
	if (f->domain_uid) {
		s = store_stmt(st, "SELECT code || ' (' || name || ')'"
			       " FROM domain WHERE uid = :d"
			       " AND contract_uid = :c", e);
		if (!s)
			return -1;
		store_bind_text(s, ":d", f->domain_uid);
		store_bind_text(s, ":c", contract_uid);
		if (one_text(st, s, &f->domain_text, &found, e) != 0)
			return -1;
		if (!found) {
			err_set(e, ERR_INPUT, "ce domaine n'est pas un domaine "
				"du contrat");
			return -1;
		}
	}
	f->like_uid = opt(in->like_uid);
	if (f->like_uid) {
		char *opened = NULL;
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
		int rc;

		if (self_uid && !strcmp(self_uid, f->like_uid)) {
			err_set(e, ERR_INPUT, "un litige ne peut pas être "
				"ouvert comme lui-même");
			return -1;
		}
		s = store_stmt(st, "SELECT opened_on, object FROM dispute"
			       " WHERE uid = :d", e);
		if (!s)
			return -1;
		store_bind_text(s, ":d", f->like_uid);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			opened = store_col_dup(s, 0);
			f->like_text = store_col_dup(s, 1);
			rc = SQLITE_DONE;
		}
		sqlite3_reset(s);
		if (store_done(st, rc, "chercher le litige de référence", e) != 0)
			return -1;
		if (!opened) {
			err_set(e, ERR_INPUT, "le litige de référence est "
				"introuvable");
			return -1;
		}
		if (strcmp(opened, f->opened) > 0) {
			date_iso_fr(opened, a);
			date_iso_fr(f->opened, b);
			err_set(e, ERR_INPUT, "le litige de référence (ouvert le "
				"%s) est postérieur à celui-ci (ouvert le %s)",
				a, b);
			free(opened);
			return -1;
		}
		free(opened);
	}
	return 0;
}

enum field { F_OPENED, F_OBJECT, F_NATURE, F_DOMAIN, F_LIKE, F_COUNT };

/* "ouvert le : 12/03/2026" and the others, for the history. */
static void field_text(const struct fields *f, enum field k,
		       struct strbuf *sb)
{
	char d[DATE_ISO_LEN];

	if (sb->len)
		strbuf_addstr(sb, " · ");
	switch (k) {
	case F_OPENED:
		date_iso_fr(f->opened, d);
		strbuf_addf(sb, "ouvert le : %s", d);
		break;
	case F_OBJECT:
		strbuf_addf(sb, "objet : %s", f->object);
		break;
	case F_NATURE:
		strbuf_addf(sb, "nature : %s",
			    dispute_nature_vocab[f->nature].label);
		break;
	case F_DOMAIN:
		strbuf_addf(sb, "domaine : %s",
			    f->domain_text ? f->domain_text : "aucun");
		break;
	case F_LIKE:
		strbuf_addf(sb, "comme : %s",
			    f->like_text ? f->like_text : "aucun");
		break;
	case F_COUNT:
		break;
	}
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool field_same(const struct fields *a, const struct fields *b,
		       enum field k)
{
	switch (k) {
	case F_OPENED:
		return !strcmp(a->opened, b->opened);
	case F_OBJECT:
		return same(a->object, b->object);
	case F_NATURE:
		return a->nature == b->nature;
	case F_DOMAIN:
		return same(a->domain_uid, b->domain_uid);
	case F_LIKE:
		return same(a->like_uid, b->like_uid);
	case F_COUNT:
		break;
	}
	return true;
}

static void bind_fields(sqlite3_stmt *s, const struct fields *f)
{
	store_bind_text(s, ":opened", f->opened);
	store_bind_text(s, ":object", f->object);
	store_bind_text(s, ":nature", dispute_nature_vocab[f->nature].db);
	store_bind_text(s, ":domain", f->domain_uid);
	store_bind_text(s, ":like", f->like_uid);
}

static int contract_exists(struct store *st, const char *contract_uid,
			   struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM contract"
				     " WHERE uid = :c", e);
	int rc;

	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid ? contract_uid : "");
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (store_done(st, rc, "chercher le contrat", e) != 0)
		return -1;
	err_set(e, ERR_NOTFOUND, "contrat introuvable");
	return -1;
}

int store_dispute_open(struct store *st, const char *contract_uid,
		       const struct dispute_input *in,
		       char uid_out[STORE_UID_LEN], struct err *e)
{
	struct fields f;
	struct strbuf after;
	char uid[STORE_UID_LEN], now[32];
	sqlite3_stmt *s;
	int ret = -1;

	memset(&f, 0, sizeof f);
	strbuf_init(&after);
	/* Refusals before the transaction: the caller's, if any, stays as
	 * it was. */
	if (contract_exists(st, contract_uid, e) != 0 ||
	    check_fields(st, contract_uid, NULL, in, &f, e) != 0)
		goto out;
	for (int k = 0; k < F_COUNT; k++)
		if ((k != F_DOMAIN || f.domain_uid) &&
		    (k != F_LIKE || f.like_uid))
			field_text(&f, (enum field)k, &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st,
		"INSERT INTO dispute (uid, contract_uid, domain_uid, opened_on,"
		" object, nature, like_uid, author, created_at) VALUES (:uid,"
		" :c, :domain, :opened, :object, :nature, :like, :author,"
		" :now)", e);
	if (!s)
		goto rollback;
	store_uid_new(uid);
	store_now(now);
	store_bind_text(s, ":uid", uid);
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":author", store_author(st));
	store_bind_text(s, ":now", now);
	bind_fields(s, &f);
	if (store_exec_stmt(st, s, e) != 0 ||
	    record(st, uid, "open", NULL, after.buf, e) != 0 ||
	    reindex(st, e) != 0)
		goto rollback;
	if (store_commit(st, e) != 0)
		goto out;
	if (uid_out)
		memcpy(uid_out, uid, STORE_UID_LEN);
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	strbuf_release(&after);
	fields_release(&f);
	return ret;
}

/* The fields a dispute has now, as check_fields gives them. */
static int current_fields(struct store *st, const struct dispute *d,
			  struct fields *f, struct err *e)
{
	struct dispute_input in = {
		.opened_on = d->opened_on,
		.object = d->object,
		.nature = d->nature,
		.domain_uid = d->domain_uid,
		.like_uid = d->like_uid,
	};
	sqlite3_stmt *s;
	bool found;

	/* not check_fields: what is stored is shown as it is */
	memset(f, 0, sizeof *f);
	snprintf(f->opened, sizeof f->opened, "%s",
		 d->opened_on ? d->opened_on : "");
	f->object = xstrdup_or_null(in.object);
	f->nature = in.nature;
	f->domain_uid = in.domain_uid;
	f->like_uid = in.like_uid;
	f->like_text = xstrdup_or_null(d->like_object);
	if (d->domain_uid) {
		s = store_stmt(st, "SELECT code || ' (' || name || ')'"
			       " FROM domain WHERE uid = :d", e);
		if (!s)
			return -1;
		store_bind_text(s, ":d", d->domain_uid);
		if (one_text(st, s, &f->domain_text, &found, e) != 0)
			return -1;
	}
	return 0;
}

int store_dispute_update(struct store *st, const char *uid,
			 const struct dispute_input *in, struct err *e)
{
	struct dispute d;
	struct fields f, cur;
	struct strbuf before, after;
	sqlite3_stmt *s;
	int ret = -1;

	memset(&f, 0, sizeof f);
	memset(&cur, 0, sizeof cur);
	strbuf_init(&before);
	strbuf_init(&after);
	if (store_dispute_get(st, uid, &d, e) != 0)
		goto out_strbuf;
	if (d.state.closed) {
		err_set(e, ERR_INPUT, "le litige est clos");
		goto out;
	}
	if (check_fields(st, d.contract_uid, d.uid, in, &f, e) != 0 ||
	    current_fields(st, &d, &cur, e) != 0)
		goto out;
	if (d.n_steps && strcmp(f.opened, d.steps[0].held_on) > 0) {
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

		date_iso_fr(f.opened, a);
		date_iso_fr(d.steps[0].held_on, b);
		err_set(e, ERR_INPUT, "la date d'ouverture (%s) suit la "
			"première étape d'arbitrage (%s)", a, b);
		goto out;
	}
	for (int k = 0; k < F_COUNT; k++) {
		if (field_same(&cur, &f, (enum field)k))
			continue;
		field_text(&cur, (enum field)k, &before);
		field_text(&f, (enum field)k, &after);
	}
	if (!after.len) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st,
		"UPDATE dispute SET opened_on = :opened, object = :object,"
		" nature = :nature, domain_uid = :domain, like_uid = :like"
		" WHERE uid = :uid", e);
	if (!s)
		goto rollback;
	store_bind_text(s, ":uid", uid);
	bind_fields(s, &f);
	if (store_exec_stmt(st, s, e) != 0 ||
	    record(st, uid, "update", before.buf, after.buf, e) != 0 ||
	    reindex(st, e) != 0)
		goto rollback;
	if (store_commit(st, e) != 0)
		goto out;
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	store_dispute_release(&d);
out_strbuf:
	fields_release(&f);
	fields_release(&cur);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Steps and closing                                                   */

/* "en cours · niveau 2 · 1 étape · dernière issue : …" */
static void state_text(const struct dispute_state *s, struct strbuf *sb)
{
	strbuf_addf(sb, "en cours · niveau %d · ", s->level);
	if (!s->n_steps)
		strbuf_addstr(sb, "aucune étape");
	else
		strbuf_addf(sb, "%zu étape%s · dernière issue : %s",
			    s->n_steps, s->n_steps > 1 ? "s" : "",
			    step_outcome_vocab[s->last_outcome].label);
}

/* "niveau 2 · 12/03/2026 · escalade au niveau suivant · participants :
 * … · positions : … · notes : …" */
static void step_text(enum dispute_nature nature, int level,
		      const char *held_on, enum step_outcome outcome,
		      const char *participants, const char *positions,
		      const char *notes, struct strbuf *sb)
{
	char a[DATE_ISO_LEN];

	date_iso_fr(held_on, a);
	strbuf_addf(sb, "niveau %d · %s · %s · participants : %s", level, a,
		    step_outcome_vocab[outcome].label,
		    participants ? participants : "");
	if (positions)
		strbuf_addf(sb, " · positions : %s", positions);
	if (notes)
		strbuf_addf(sb, " · notes : %s", notes);
	if (dispute_mayor_final(nature, level))
		strbuf_addstr(sb, " · instruction du Maire, appliquée en "
			      "dernière instance");
}

/* The Mayor's instruction of a closure, checked: heap texts, NULL and
 * "" when none (instruction_release). */
struct instruction {
	char *text, *by;
	char on[DATE_ISO_LEN];
};

static void instruction_release(struct instruction *m)
{
	free(m->text);
	free(m->by);
	memset(m, 0, sizeof *m);
}

/* The parts of an instruction the history lists: [0] the text, [1] who,
 * [2] the date (JJ/MM/AAAA in day); NULL when not given. */
static const char *const instruction_word[3] = {
	"instruction du Maire", "donnée par", "donnée le",
};

static const char *instruction_part(const struct instruction *m, int k,
				    char day[DATE_ISO_LEN])
{
	if (k == 0)
		return m->text;
	if (k == 1)
		return m->by;
	if (!m->on[0])
		return NULL;
	date_iso_fr(m->on, day);
	return day;
}

/* " · instruction du Maire : … · donnée par : … · donnée le : …", the
 * parts given. */
static void instruction_text(const struct instruction *m, struct strbuf *sb)
{
	char day[DATE_ISO_LEN];

	for (int k = 0; k < 3; k++) {
		const char *t = instruction_part(m, k, day);

		if (t)
			strbuf_addf(sb, " · %s : %s", instruction_word[k], t);
	}
}

/* "clos le 12/03/2026 · solution : …" and the instruction, if any. */
static void closure_text(const char *closed_on, const char *solution,
			 const struct instruction *m, struct strbuf *sb)
{
	char a[DATE_ISO_LEN];

	date_iso_fr(closed_on, a);
	strbuf_addf(sb, "clos le %s · solution : %s", a,
		    solution ? solution : "");
	if (m)
		instruction_text(m, sb);
}

/* The instruction recorded on d, as check_instruction gives it. */
static void instruction_of(const struct dispute *d, struct instruction *m)
{
	memset(m, 0, sizeof *m);
	m->text = xstrdup_or_null(d->instruction);
	m->by = xstrdup_or_null(d->instruction_by);
	snprintf(m->on, sizeof m->on, "%s",
		 d->instruction_on ? d->instruction_on : "");
}

/* The first level-3 step of d (loaded with its steps), or NULL. */
static const struct dispute_step *first_level3(const struct dispute *d)
{
	for (size_t i = 0; i < d->n_steps; i++)
		if (d->steps[i].level == ARBITRATION_LEVELS)
			return &d->steps[i];
	return NULL;
}

/* in (NULL: none given) checked for the closure of d on closed_on (ISO):
 * the rule (dispute_instruction_refusal), the texts, the date — not
 * before the first level-3 step nor after the closure. */
static int check_instruction(const struct dispute *d,
			     const struct instruction_input *in,
			     const char *closed_on, struct instruction *m,
			     struct err *e)
{
	const struct dispute_step *l3;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	const char *why;

	memset(m, 0, sizeof *m);
	if (in) {
		char *on = store_clean_text(in->on);	/* blank: none */
		int rc = 0;

		m->text = store_clean_text(in->text);
		m->by = store_clean_text(in->by);
		if (on)
			rc = parse_date(on, "de l'instruction du Maire", m->on,
					e);
		free(on);
		if (rc != 0 ||
		    text_check(TEXT_LONG, "instruction du Maire", m->text,
			       e) != 0 ||
		    text_check(TEXT_LINE, "donnée par", m->by, e) != 0)
			goto fail;
	}
	why = dispute_instruction_refusal(d->nature, d->state.level,
					  m->text != NULL, m->by != NULL,
					  m->on[0] != '\0');
	if (why) {
		err_set(e, ERR_INPUT, "%s", why);
		goto fail;
	}
	if (!m->on[0])
		return 0;
	if (strcmp(m->on, closed_on) > 0) {
		date_iso_fr(m->on, a);
		date_iso_fr(closed_on, b);
		err_set(e, ERR_INPUT, "l'instruction du Maire (%s) suit la "
			"clôture du litige (%s)", a, b);
		goto fail;
	}
	if ((l3 = first_level3(d)) && strcmp(m->on, l3->held_on) < 0) {
		date_iso_fr(m->on, a);
		date_iso_fr(l3->held_on, b);
		err_set(e, ERR_INPUT, "l'instruction du Maire (%s) précède la "
			"première étape au niveau 3 (%s), où le Maire et le "
			"Président sont saisis", a, b);
		goto fail;
	}
	return 0;
fail:
	instruction_release(m);
	return -1;
}

static void bind_instruction(sqlite3_stmt *s, const struct instruction *m)
{
	store_bind_text(s, ":instruction", m->text);
	store_bind_text(s, ":instruction_by", m->by);
	store_bind_text(s, ":instruction_on", m->on[0] ? m->on : NULL);
}

/* What a step says, checked: participants blank are article 4's for the
 * level. Texts are heap copies (step_fields_release). */
struct step_fields {
	int level;
	char held[DATE_ISO_LEN];
	enum step_outcome outcome;
	char *participants, *positions, *notes;
};

static void step_fields_release(struct step_fields *f)
{
	free(f->participants);
	free(f->positions);
	free(f->notes);
}

/* The texts and the date of in, level given by the caller (checked by
 * the rules' replay). */
static int check_step(const struct step_input *in, int level,
		      struct step_fields *f, struct err *e)
{
	memset(f, 0, sizeof *f);
	f->level = level;
	f->outcome = in->outcome;
	if (parse_date(in->held_on, "de l'étape d'arbitrage", f->held, e) != 0)
		return -1;
	f->participants = store_clean_text(in->participants);
	f->positions = store_clean_text(in->positions);
	f->notes = store_clean_text(in->notes);
	if (text_check(TEXT_LONG, "participants", f->participants, e) != 0 ||
	    text_check(TEXT_LONG, "positions", f->positions, e) != 0 ||
	    text_check(TEXT_LONG, "notes", f->notes, e) != 0)
		return -1;
	if (!f->participants && level >= 1 && level <= ARBITRATION_LEVELS)
		f->participants = xstrdup(dispute_level_participants[level - 1]);
	return 0;
}

int store_dispute_add_step(struct store *st, const char *dispute_uid,
			   const struct step_input *in, struct err *e)
{
	struct dispute d;
	struct step_fields f;
	struct strbuf before, after;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	char uid[STORE_UID_LEN], now[32];
	const char *why;
	sqlite3_stmt *s;
	int level, ret = -1;

	memset(&f, 0, sizeof f);
	strbuf_init(&before);
	strbuf_init(&after);
	if (store_dispute_get(st, dispute_uid, &d, e) != 0)
		goto out_strbuf;
	level = in->level ? in->level : d.state.level;
	if ((why = dispute_step_refusal(&d.state, level, in->outcome))) {
		err_set(e, ERR_INPUT, "%s", why);
		goto out;
	}
	if (check_step(in, level, &f, e) != 0)
		goto out;
	if (strcmp(f.held, d.opened_on ? d.opened_on : "") < 0) {
		date_iso_fr(f.held, a);
		date_iso_fr(d.opened_on, b);
		err_set(e, ERR_INPUT, "l'étape d'arbitrage (%s) précède "
			"l'ouverture du litige (%s)", a, b);
		goto out;
	}
	if (d.n_steps && strcmp(f.held, d.steps[d.n_steps - 1].held_on) < 0) {
		date_iso_fr(f.held, a);
		date_iso_fr(d.steps[d.n_steps - 1].held_on, b);
		err_set(e, ERR_INPUT, "l'étape d'arbitrage (%s) précède "
			"l'étape précédente (%s)", a, b);
		goto out;
	}
	state_text(&d.state, &before);
	step_text(d.nature, level, f.held, f.outcome, f.participants,
		  f.positions, f.notes, &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st,
		"INSERT INTO arbitration_step (uid, dispute_uid, level,"
		" held_on, participants, positions, outcome, notes, author,"
		" created_at) VALUES (:uid, :d, :level, :held, :participants,"
		" :positions, :outcome, :notes, :author, :now)", e);
	if (!s)
		goto rollback;
	store_uid_new(uid);
	store_now(now);
	store_bind_text(s, ":uid", uid);
	store_bind_text(s, ":d", dispute_uid);
	store_bind_int(s, ":level", level);
	store_bind_text(s, ":held", f.held);
	store_bind_text(s, ":participants", f.participants);
	store_bind_text(s, ":positions", f.positions);
	store_bind_text(s, ":outcome", step_outcome_vocab[f.outcome].db);
	store_bind_text(s, ":notes", f.notes);
	store_bind_text(s, ":author", store_author(st));
	store_bind_text(s, ":now", now);
	if (store_exec_stmt(st, s, e) != 0 ||
	    record(st, dispute_uid, "step", before.buf, after.buf, e) != 0)
		goto rollback;
	if (store_commit(st, e) != 0)
		goto out;
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	store_dispute_release(&d);
out_strbuf:
	step_fields_release(&f);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}

/* A closure dated on (ISO) before the opening or the last step is
 * refused (ERR_INPUT, the dates said): true then. */
static bool closure_date_refused(const struct dispute *d, const char *on,
				 struct err *e)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (strcmp(on, d->opened_on ? d->opened_on : "") < 0) {
		date_iso_fr(on, a);
		date_iso_fr(d->opened_on, b);
		err_set(e, ERR_INPUT, "la clôture (%s) précède l'ouverture du "
			"litige (%s)", a, b);
		return true;
	}
	if (d->n_steps && strcmp(on, d->steps[d->n_steps - 1].held_on) < 0) {
		date_iso_fr(on, a);
		date_iso_fr(d->steps[d->n_steps - 1].held_on, b);
		err_set(e, ERR_INPUT, "la clôture (%s) précède la dernière "
			"étape d'arbitrage (%s)", a, b);
		return true;
	}
	return false;
}

int store_dispute_close(struct store *st, const char *dispute_uid,
			const char *closed_on, const char *solution,
			struct err *e)
{
	return store_dispute_close_with(st, dispute_uid, closed_on, solution,
					NULL, e);
}

int store_dispute_close_with(struct store *st, const char *dispute_uid,
			     const char *closed_on, const char *solution,
			     const struct instruction_input *mayor,
			     struct err *e)
{
	struct dispute d;
	struct instruction m;
	struct strbuf before, after;
	char on[DATE_ISO_LEN];
	char *sol = NULL;
	const char *why;
	sqlite3_stmt *s;
	int ret = -1;

	memset(&m, 0, sizeof m);
	strbuf_init(&before);
	strbuf_init(&after);
	if (store_dispute_get(st, dispute_uid, &d, e) != 0)
		goto out_strbuf;
	if ((why = dispute_close_refusal(&d.state, solution))) {
		err_set(e, ERR_INPUT, "%s", why);
		goto out;
	}
	if (opt(closed_on)) {
		if (parse_date(closed_on, "de clôture", on, e) != 0)
			goto out;
	} else {
		struct date today;

		date_today(&today);
		date_format_iso(today, on);
	}
	if (closure_date_refused(&d, on, e))
		goto out;
	sol = store_clean_text(solution);
	if (text_check(TEXT_LONG, "solution arbitrée", sol, e) != 0 ||
	    check_instruction(&d, mayor, on, &m, e) != 0)
		goto out;
	state_text(&d.state, &before);
	closure_text(on, sol, &m, &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE dispute SET solution = :sol,"
		       " closed_on = :on, mayor_instruction = :instruction,"
		       " mayor_instruction_by = :instruction_by,"
		       " mayor_instruction_on = :instruction_on"
		       " WHERE uid = :uid", e);
	if (!s)
		goto rollback;
	store_bind_text(s, ":sol", sol);
	store_bind_text(s, ":on", on);
	bind_instruction(s, &m);
	store_bind_text(s, ":uid", dispute_uid);
	if (store_exec_stmt(st, s, e) != 0 ||
	    record(st, dispute_uid, "close", before.buf, after.buf, e) != 0 ||
	    reindex(st, e) != 0)
		goto rollback;
	if (store_commit(st, e) != 0)
		goto out;
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	store_dispute_release(&d);
out_strbuf:
	instruction_release(&m);
	free(sol);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Correcting steps and the closure                                    */

/* The reason of a correction, trimmed into *why (NULL when none): a
 * closed dispute requires one. */
static int check_reason(const struct dispute *d, const char *reason,
			char **why, struct err *e)
{
	char day[DATE_ISO_LEN];

	*why = store_clean_text(reason);
	if (text_check(TEXT_LONG, "raison", *why, e) != 0)
		return -1;
	if (d->state.closed && !*why) {
		date_iso_fr(d->closed_on, day);
		err_set(e, ERR_INPUT, "le litige est clos depuis le %s : donnez "
			"la raison du changement", day);
		return -1;
	}
	return 0;
}

/* A step in the order of load_steps: held_on, then rowid. */
struct step_key {
	char uid[STORE_UID_LEN];
	char held[DATE_ISO_LEN];
	sqlite3_int64 rowid;
	struct step_rule rule;
};

static int step_key_cmp(const void *pa, const void *pb)
{
	const struct step_key *a = pa, *b = pb;
	int c = strcmp(a->held, b->held);

	if (!c)
		c = (a->rowid > b->rowid) - (a->rowid < b->rowid);
	return c;
}

static int load_step_keys(struct store *st, const char *dispute_uid,
			  struct step_key **out, size_t *n, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT uid, held_on, rowid, level, outcome"
		" FROM arbitration_step WHERE dispute_uid = :d", e);
	struct step_key *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":d", dispute_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(s, 1);
		struct step_key *p;

		v = xgrow(v, &cap, k + 1, sizeof *v);
		p = &v[k++];
		memset(p, 0, sizeof *p);
		store_col_uid(p->uid, s, 0);
		snprintf(p->held, sizeof p->held, "%s", h ? h : "");
		p->rowid = sqlite3_column_int64(s, 2);
		p->rule.level = sqlite3_column_int(s, 3);
		p->rule.outcome = (enum step_outcome)store_col_vocab(
			s, 4, step_outcome_vocab, OUTCOME_COUNT);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les étapes d'arbitrage", e) != 0) {
		free(v);
		return -1;
	}
	*out = v;
	*n = k;
	return 0;
}

/* The dispute's steps once step `uid` is replaced by f (f NULL: deleted)
 * must satisfy the rules (dispute_replay) and, when the dispute is
 * closed, still allow its closure. */
static int check_sequence(struct store *st, const struct dispute *d,
			  const char *uid, const struct step_fields *f,
			  struct err *e)
{
	struct step_key *v;
	struct step_rule *rules = NULL;
	struct dispute_state state;
	size_t n, k = 0, bad = 0;
	const char *why;
	int ret = -1;

	if (load_step_keys(st, d->uid, &v, &n, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].uid, uid))
			continue;
		if (f) {
			memcpy(v[i].held, f->held, sizeof v[i].held);
			v[i].rule.level = f->level;
			v[i].rule.outcome = f->outcome;
		} else {
			v[i] = v[--n];
		}
		break;
	}
	qsort(v, n, sizeof *v, step_key_cmp);
	rules = xcalloc(n ? n : 1, sizeof *rules);
	for (size_t i = 0; i < n; i++)
		rules[k++] = v[i].rule;
	if ((why = dispute_replay(rules, n, &state, &bad))) {
		char day[DATE_ISO_LEN];

		if (f && !strcmp(v[bad].uid, uid)) {
			err_set(e, ERR_INPUT, "%s", why);
		} else {
			date_iso_fr(v[bad].held, day);
			err_set(e, ERR_INPUT, "après ce changement, l'étape du %s "
				"(niveau %d) ne suivrait plus les règles : %s",
				day, v[bad].rule.level, why);
		}
		goto out;
	}
	if (d->state.closed &&
	    (why = dispute_close_refusal(&state, d->solution))) {
		err_set(e, ERR_INPUT, "après ce changement, le litige ne "
			"pourrait plus être clos : %s", why);
		goto out;
	}
	for (size_t i = 0; d->state.closed && d->instruction_on && i < n;
	     i++) {
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

		if (v[i].rule.level != ARBITRATION_LEVELS)
			continue;
		if (strcmp(d->instruction_on, v[i].held) < 0) {
			date_iso_fr(d->instruction_on, a);
			date_iso_fr(v[i].held, b);
			err_set(e, ERR_INPUT, "après ce changement, "
				"l'instruction du Maire (%s) précéderait la "
				"première étape au niveau 3 (%s)", a, b);
			goto out;
		}
		break;
	}
	ret = 0;
out:
	free(rules);
	free(v);
	return ret;
}

/* The step uid of a dispute (loaded by store_dispute_get). */
static int find_step(struct store *st, const char *step_uid,
		     struct dispute *d, const struct dispute_step **step,
		     struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT dispute_uid FROM"
				     " arbitration_step WHERE uid = :u", e);
	char dispute_uid[STORE_UID_LEN] = "";
	int rc;

	memset(d, 0, sizeof *d);
	*step = NULL;
	if (!s)
		return -1;
	store_bind_text(s, ":u", step_uid ? step_uid : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		store_col_uid(dispute_uid, s, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "chercher l'étape d'arbitrage", e) != 0)
		return -1;
	if (!dispute_uid[0]) {
		err_set(e, ERR_NOTFOUND, "étape d'arbitrage introuvable");
		return -1;
	}
	if (store_dispute_get(st, dispute_uid, d, e) != 0)
		return -1;
	for (size_t i = 0; i < d->n_steps; i++)
		if (!strcmp(d->steps[i].uid, step_uid))
			*step = &d->steps[i];
	if (!*step) {	/* cannot happen: read in the same connection */
		store_dispute_release(d);
		err_set(e, ERR_NOTFOUND, "étape d'arbitrage introuvable");
		return -1;
	}
	return 0;
}

/* The history row and the change (a bound statement) in one
 * transaction; reindex when the solution changed. */
static int write_change(struct store *st, sqlite3_stmt *s,
			const char *dispute_uid, const char *what,
			const char *before, const char *after,
			const char *reason, bool solution, struct err *e)
{
	if (store_exec_stmt(st, s, e) != 0 ||
	    record_why(st, dispute_uid, what, before, after, reason, e) != 0 ||
	    (solution && reindex(st, e) != 0)) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, e);	/* it ends the transaction either way */
}

int store_dispute_update_step(struct store *st, const char *step_uid,
			      const struct step_input *in, const char *reason,
			      struct err *e)
{
	struct dispute d;
	const struct dispute_step *p;
	struct step_fields f;
	struct strbuf before, after;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	char *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	memset(&f, 0, sizeof f);
	strbuf_init(&before);
	strbuf_init(&after);
	if (find_step(st, step_uid, &d, &p, e) != 0)
		goto out_strbuf;
	if ((int)in->outcome < 0 || in->outcome >= OUTCOME_COUNT) {
		err_set(e, ERR_INPUT, "issue d'étape inconnue");
		goto out;
	}
	if (check_step(in, in->level ? in->level : p->level, &f, e) != 0 ||
	    check_reason(&d, reason, &why, e) != 0)
		goto out;
	if (strcmp(f.held, d.opened_on ? d.opened_on : "") < 0) {
		date_iso_fr(f.held, a);
		date_iso_fr(d.opened_on, b);
		err_set(e, ERR_INPUT, "l'étape d'arbitrage (%s) précède "
			"l'ouverture du litige (%s)", a, b);
		goto out;
	}
	if (d.closed_on && strcmp(f.held, d.closed_on) > 0) {
		date_iso_fr(f.held, a);
		date_iso_fr(d.closed_on, b);
		err_set(e, ERR_INPUT, "l'étape d'arbitrage (%s) suit la "
			"clôture du litige (%s)", a, b);
		goto out;
	}
	if (check_sequence(st, &d, step_uid, &f, e) != 0)
		goto out;
	step_text(d.nature, p->level, p->held_on, p->outcome, p->participants,
		  p->positions, p->notes, &before);
	step_text(d.nature, f.level, f.held, f.outcome, f.participants,
		  f.positions, f.notes, &after);
	if (!strcmp(before.buf, after.buf)) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE arbitration_step SET level = :level,"
		       " held_on = :held, participants = :participants,"
		       " positions = :positions, outcome = :outcome,"
		       " notes = :notes WHERE uid = :uid", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_int(s, ":level", f.level);
	store_bind_text(s, ":held", f.held);
	store_bind_text(s, ":participants", f.participants);
	store_bind_text(s, ":positions", f.positions);
	store_bind_text(s, ":outcome", step_outcome_vocab[f.outcome].db);
	store_bind_text(s, ":notes", f.notes);
	store_bind_text(s, ":uid", step_uid);
	ret = write_change(st, s, d.uid, "step_update", before.buf, after.buf,
			   why, false, e);
out:
	store_dispute_release(&d);
out_strbuf:
	step_fields_release(&f);
	strbuf_release(&before);
	strbuf_release(&after);
	free(why);
	return ret;
}

int store_dispute_delete_step(struct store *st, const char *step_uid,
			      const char *reason, struct err *e)
{
	struct dispute d;
	const struct dispute_step *p;
	struct strbuf before;
	char *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	strbuf_init(&before);
	if (find_step(st, step_uid, &d, &p, e) != 0)
		goto out_strbuf;
	if (check_reason(&d, reason, &why, e) != 0 ||
	    check_sequence(st, &d, step_uid, NULL, e) != 0)
		goto out;
	step_text(d.nature, p->level, p->held_on, p->outcome, p->participants,
		  p->positions, p->notes, &before);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "DELETE FROM arbitration_step WHERE uid = :uid", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":uid", step_uid);
	ret = write_change(st, s, d.uid, "step_delete", before.buf, NULL, why,
			   false, e);
out:
	store_dispute_release(&d);
out_strbuf:
	strbuf_release(&before);
	free(why);
	return ret;
}

/* The dispute, which must be closed, and the reason its change needs. */
static int closed_dispute(struct store *st, const char *dispute_uid,
			  const char *reason, struct dispute *d, char **why,
			  struct err *e)
{
	*why = NULL;
	if (store_dispute_get(st, dispute_uid, d, e) != 0)
		return -1;
	if (!d->state.closed) {
		err_set(e, ERR_INPUT, "le litige n'est pas clos");
		goto fail;
	}
	if (check_reason(d, reason, why, e) != 0)
		goto fail;
	return 0;
fail:
	store_dispute_release(d);
	free(*why);
	*why = NULL;
	return -1;
}

int store_dispute_update_closure(struct store *st, const char *dispute_uid,
				 const char *closed_on, const char *solution,
				 const char *reason, struct err *e)
{
	return store_dispute_update_closure_with(st, dispute_uid, closed_on,
						 solution, NULL, reason, e);
}

int store_dispute_update_closure_with(struct store *st,
				      const char *dispute_uid,
				      const char *closed_on,
				      const char *solution,
				      const struct instruction_input *mayor,
				      const char *reason, struct err *e)
{
	struct dispute d;
	struct dispute_state open_state;
	struct instruction cur, m;
	struct instruction_input kept;
	struct strbuf before, after;
	char on[DATE_ISO_LEN], a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	char *why = NULL, *sol = NULL;
	const char *refusal;
	sqlite3_stmt *s;
	int ret = -1;

	memset(&cur, 0, sizeof cur);
	memset(&m, 0, sizeof m);
	strbuf_init(&before);
	strbuf_init(&after);
	if (closed_dispute(st, dispute_uid, reason, &d, &why, e) != 0)
		goto out_strbuf;
	if (opt(closed_on)) {
		if (parse_date(closed_on, "de clôture", on, e) != 0)
			goto out;
	} else {
		snprintf(on, sizeof on, "%s", d.closed_on);
	}
	open_state = d.state;
	open_state.closed = false;
	if ((refusal = dispute_close_refusal(&open_state, solution))) {
		err_set(e, ERR_INPUT, "%s", refusal);
		goto out;
	}
	sol = store_clean_text(solution);
	if (text_check(TEXT_LONG, "solution arbitrée", sol, e) != 0)
		goto out;
	if (closure_date_refused(&d, on, e))
		goto out;
	instruction_of(&d, &cur);
	if (!mayor) {
		kept = (struct instruction_input){ d.instruction,
						   d.instruction_by,
						   d.instruction_on };
		mayor = &kept;
	}
	if (check_instruction(&d, mayor, on, &m, e) != 0)
		goto out;
	if (strcmp(on, d.closed_on)) {
		date_iso_fr(d.closed_on, a);
		date_iso_fr(on, b);
		strbuf_addf(&before, "clos le : %s", a);
		strbuf_addf(&after, "clos le : %s", b);
	}
	if (strcmp(sol, d.solution ? d.solution : "")) {
		strbuf_addf(&before, "%ssolution : %s", before.len ? " · " : "",
			    d.solution ? d.solution : "");
		strbuf_addf(&after, "%ssolution : %s", after.len ? " · " : "",
			    sol);
	}
	for (int k = 0; k < 3; k++) {
		char da[DATE_ISO_LEN], db[DATE_ISO_LEN];
		const char *ta = instruction_part(&cur, k, da);
		const char *tb = instruction_part(&m, k, db);

		if (ta == tb || (ta && tb && !strcmp(ta, tb)))
			continue;
		strbuf_addf(&before, "%s%s : %s", before.len ? " · " : "",
			    instruction_word[k], ta ? ta : "(vide)");
		strbuf_addf(&after, "%s%s : %s", after.len ? " · " : "",
			    instruction_word[k], tb ? tb : "(vide)");
	}
	if (!after.len) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE dispute SET solution = :sol,"
		       " closed_on = :on, mayor_instruction = :instruction,"
		       " mayor_instruction_by = :instruction_by,"
		       " mayor_instruction_on = :instruction_on"
		       " WHERE uid = :uid", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":sol", sol);
	store_bind_text(s, ":on", on);
	bind_instruction(s, &m);
	store_bind_text(s, ":uid", dispute_uid);
	ret = write_change(st, s, dispute_uid, "close_update", before.buf,
			   after.buf, why, true, e);
out:
	store_dispute_release(&d);
out_strbuf:
	instruction_release(&cur);
	instruction_release(&m);
	free(why);
	free(sol);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}

int store_dispute_reopen(struct store *st, const char *dispute_uid,
			 const char *reason, struct err *e)
{
	struct dispute d;
	struct instruction m;
	struct dispute_state open_state;
	struct strbuf before, after;
	char *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	strbuf_init(&before);
	strbuf_init(&after);
	if (closed_dispute(st, dispute_uid, reason, &d, &why, e) != 0)
		goto out_strbuf;
	instruction_of(&d, &m);
	closure_text(d.closed_on, d.solution, &m, &before);
	instruction_release(&m);
	open_state = d.state;
	open_state.closed = false;
	state_text(&open_state, &after);
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, "UPDATE dispute SET solution = NULL,"
		       " closed_on = NULL, mayor_instruction = NULL,"
		       " mayor_instruction_by = NULL,"
		       " mayor_instruction_on = NULL WHERE uid = :uid", e);
	if (!s) {
		store_rollback(st);
		goto out;
	}
	store_bind_text(s, ":uid", dispute_uid);
	ret = write_change(st, s, dispute_uid, "reopen", before.buf, after.buf,
			   why, true, e);
out:
	store_dispute_release(&d);
out_strbuf:
	free(why);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Linked requests                                                     */

int store_dispute_link(struct store *st, const char *dispute_uid,
		       const char *request_uid, bool link, struct err *e)
{
	struct dispute d;
	char *contract = NULL, *object = NULL, *received = NULL;
	char *text = NULL, day[DATE_ISO_LEN];
	bool linked = false;
	sqlite3_stmt *s;
	int rc, ret = -1;

	if (store_dispute_get(st, dispute_uid, &d, e) != 0)
		return -1;
	if (d.state.closed) {
		err_set(e, ERR_INPUT, "le litige est clos");
		goto out;
	}
	s = store_stmt(st, "SELECT contract_uid, object, received_at"
		       " FROM request WHERE uid = :r", e);
	if (!s)
		goto out;
	store_bind_text(s, ":r", request_uid ? request_uid : "");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		contract = store_col_dup(s, 0);
		object = store_col_dup(s, 1);
		received = store_col_dup(s, 2);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "chercher la saisine", e) != 0)
		goto out;
	if (!contract) {
		err_set(e, ERR_NOTFOUND, "saisine introuvable");
		goto out;
	}
	if (strcmp(contract, d.contract_uid)) {
		err_set(e, ERR_INPUT, "cette saisine est d'un autre contrat "
			"que le litige");
		goto out;
	}
	for (size_t i = 0; i < d.n_requests; i++)
		if (!strcmp(d.request_uids[i], request_uid))
			linked = true;
	if (link && linked) {
		err_set(e, ERR_INPUT, "cette saisine est déjà liée au litige");
		goto out;
	}
	if (!link && !linked) {
		err_set(e, ERR_INPUT, "cette saisine n'est pas liée au litige");
		goto out;
	}
	date_iso_fr(received, day);
	text = xasprintf("saisine du %s : %s", day, object ? object : "");
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st, link ? "INSERT INTO dispute_request (dispute_uid,"
				  " request_uid) VALUES (:d, :r)"
				: "DELETE FROM dispute_request WHERE"
				  " dispute_uid = :d AND request_uid = :r", e);
	if (!s)
		goto rollback;
	store_bind_text(s, ":d", dispute_uid);
	store_bind_text(s, ":r", request_uid);
	if (store_exec_stmt(st, s, e) != 0 ||
	    record(st, dispute_uid, link ? "link" : "unlink",
		   link ? NULL : text, link ? text : NULL, e) != 0)
		goto rollback;
	if (store_commit(st, e) != 0)
		goto out;
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	store_dispute_release(&d);
	free(contract);
	free(object);
	free(received);
	free(text);
	return ret;
}
