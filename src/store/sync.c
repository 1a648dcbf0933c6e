/*
 * The sync log (migration 14; suivi sync): what users record is captured
 * as SQLite changesets by a session on the connection, one log entry per
 * contract touched by a transaction, written in that transaction.
 *
 * A change is kept with its stamp (a hybrid clock: never behind the
 * wall clock, always past every stamp seen) and, for each row, which
 * write of each column is the latest (sync_stamp): merging a sync file
 * (sync_apply.c) keeps the latest write of each column, so that every
 * database reaches the same state whatever order the files come in.
 *
 * The session's changesets are split by contract here: a file for one
 * commune carries only its contract's entries. The split writes the
 * changeset format of SQLite's session extension (sqlite3session.c:
 * a table header 'T', the column count, the primary-key flags and the
 * name; then per change its operation, the indirect flag and the old
 * and/or new record, each value a type byte and its bytes).
 */
#include "sync_internal.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <time.h>

#include "suivi/xalloc.h"

#define OF_INDICATOR                                                     \
	"SELECT d.contract_uid FROM indicator i"                          \
	" JOIN annex a ON a.uid = i.annex_uid"                            \
	" JOIN domain d ON d.uid = a.domain_uid WHERE i.uid = :k"
#define OF_MEASUREMENT                                                   \
	"SELECT d.contract_uid FROM measurement m"                        \
	" JOIN indicator i ON i.uid = m.indicator_uid"                    \
	" JOIN annex a ON a.uid = i.annex_uid"                            \
	" JOIN domain d ON d.uid = a.domain_uid WHERE m.uid = :k"
#define OF_REQUEST "SELECT contract_uid FROM request WHERE uid = :k"
#define OF_DISPUTE "SELECT contract_uid FROM dispute WHERE uid = :k"
#define OF_MEETING "SELECT contract_uid FROM meeting WHERE uid = :k"
#define OF_DOMAIN "SELECT contract_uid FROM domain WHERE uid = :k"

/* Parents before children: the order of the session's tables, so the
 * order of a changeset's. */
static const struct synced_table synced[] = {
	{ "request", "contract_uid", NULL, false },
	{ "exceptional_request", "request_uid", OF_REQUEST, false },
	{ "request_change", "request_uid", OF_REQUEST, true },
	{ "dispute", "contract_uid", NULL, false },
	{ "dispute_request", "dispute_uid", OF_DISPUTE, false },
	{ "arbitration_step", "dispute_uid", OF_DISPUTE, false },
	{ "dispute_change", "dispute_uid", OF_DISPUTE, true },
	{ "meeting", "contract_uid", NULL, false },
	{ "meeting_attendee", "meeting_uid", OF_MEETING, false },
	{ "decision", "meeting_uid", OF_MEETING, false },
	{ "action_item", "meeting_uid", OF_MEETING, false },
	{ "meeting_change", "meeting_uid", OF_MEETING, true },
	{ "indicator_choice", "indicator_uid", OF_INDICATOR, false },
	{ "target", "indicator_uid", OF_INDICATOR, false },
	{ "measurement", "indicator_uid", OF_INDICATOR, false },
	{ "measurement_history", "measurement_uid", OF_MEASUREMENT, true },
	{ "observation", "domain_uid", OF_DOMAIN, false },
	{ "evaluation_record", "contract_uid", NULL, false },
};

#define N_SYNCED (sizeof synced / sizeof synced[0])

static bool has_sync_schema(struct store *st)
{
	sqlite3_stmt *s;
	bool yes = false;

	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sqlite_schema WHERE"
			       " type = 'table' AND name = 'sync_change'", -1,
			       &s, NULL) == SQLITE_OK)
		yes = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return yes;
}

static void meta_free(struct sync_meta *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		struct tmeta *t = &m->t[i];

		for (int c = 0; c < t->ncol; c++)
			free(t->cols[c]);
		sqlite3_finalize(t->sel);
		sqlite3_finalize(t->ins);
		sqlite3_finalize(t->upd);
		sqlite3_finalize(t->del);
	}
	free(m->t);
	free(m);
}

static int prepare(struct store *st, const char *sql, sqlite3_stmt **out,
		   struct err *e)
{
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
				    out, NULL);

	if (rc != SQLITE_OK) {
		store_fail(st, rc, "préparer la synchronisation", e);
		return -1;
	}
	return 0;
}

/* The columns of a table and its statements by primary key. Names are
 * ours (the list above, the schema's columns), never the user's. */
static int table_load(struct store *st, struct tmeta *t, struct err *e)
{
	struct strbuf q, where;
	sqlite3_stmt *s;
	char *sql;
	int rc, npk = 0;

	sql = xasprintf("SELECT name, pk FROM pragma_table_info('%s')"
			" ORDER BY cid", t->def->name);
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, "préparer la synchronisation", e);
		return -1;
	}
	t->via_col = -1;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (t->ncol == SYNC_MAX_COLS)
			break;
		t->cols[t->ncol] = xstrdup((const char *)sqlite3_column_text(s, 0));
		t->pk[t->ncol] = sqlite3_column_int(s, 1) > 0;
		npk += t->pk[t->ncol];
		if (!strcmp(t->cols[t->ncol], t->def->via))
			t->via_col = t->ncol;
		t->ncol++;
	}
	sqlite3_finalize(s);
	if (t->ncol == 0 || npk == 0 || t->via_col < 0) {
		err_set(e, ERR_DB, "table %s de la base inattendue : "
			"synchronisation impossible", t->def->name);
		return -1;
	}
	strbuf_init(&q);
	strbuf_init(&where);
	for (int c = 0, k = 0; c < t->ncol; c++)
		if (t->pk[c])
			strbuf_addf(&where, "%s%s = ?%d", k++ ? " AND " : "",
				    t->cols[c], c + 1);
	strbuf_addstr(&q, "SELECT ");
	for (int c = 0; c < t->ncol; c++)
		strbuf_addf(&q, "%s%s", c ? ", " : "", t->cols[c]);
	strbuf_addf(&q, " FROM %s WHERE %s", t->def->name, where.buf);
	rc = prepare(st, q.buf, &t->sel, e);
	strbuf_reset(&q);
	strbuf_addf(&q, "INSERT INTO %s (", t->def->name);
	for (int c = 0; c < t->ncol; c++)
		strbuf_addf(&q, "%s%s", c ? ", " : "", t->cols[c]);
	strbuf_addstr(&q, ") VALUES (");
	for (int c = 0; c < t->ncol; c++)
		strbuf_addf(&q, "%s?%d", c ? ", " : "", c + 1);
	strbuf_addch(&q, ')');
	if (rc == 0)
		rc = prepare(st, q.buf, &t->ins, e);
	strbuf_reset(&q);
	strbuf_addf(&q, "UPDATE %s SET ", t->def->name);
	for (int c = 0, k = 0; c < t->ncol; c++)
		if (!t->pk[c])
			strbuf_addf(&q, "%s%s = ?%d", k++ ? ", " : "",
				    t->cols[c], c + 1);
	if (npk == t->ncol)	/* nothing but the key: never updated */
		strbuf_addf(&q, "%s = %s", t->cols[0], t->cols[0]);
	strbuf_addf(&q, " WHERE %s", where.buf);
	if (rc == 0)
		rc = prepare(st, q.buf, &t->upd, e);
	strbuf_reset(&q);
	strbuf_addf(&q, "DELETE FROM %s WHERE %s", t->def->name, where.buf);
	if (rc == 0)
		rc = prepare(st, q.buf, &t->del, e);
	strbuf_release(&q);
	strbuf_release(&where);
	return rc;
}

int sync_meta_load(struct store *st, struct err *e)
{
	struct sync_meta *m;
	sqlite3_stmt *s;

	if (st->sync)
		return 0;
	m = xcalloc(1, sizeof *m);
	m->t = xcalloc(N_SYNCED, sizeof *m->t);
	m->n = N_SYNCED;
	for (size_t i = 0; i < N_SYNCED; i++) {
		m->t[i].def = &synced[i];
		if (table_load(st, &m->t[i], e) != 0) {
			meta_free(m);
			return -1;
		}
	}
	if (!(s = store_stmt(st, "SELECT db_id FROM sync_self WHERE id = 1", e))) {
		meta_free(m);
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		store_col_uid(m->self, s, 0);
	sqlite3_reset(s);
	if (!m->self[0]) {
		err_set(e, ERR_DB, "identifiant de la base absent : "
			"synchronisation impossible");
		meta_free(m);
		return -1;
	}
	st->sync = m;
	return 0;
}

/* A copy of a database (cp, a backup put back, the file carried to the
 * other laptop to start it) is another database: were it to keep the id,
 * both would number their changes alike and each would take the other's
 * for ones it has. The file's identity (device, inode) is kept with the
 * id; in a write transaction, a file that is not that one takes a new id
 * (its changes before stay under the old one, in its log). */
int sync_identity(struct store *st, struct err *e)
{
	struct stat sb;
	char file[64];
	char *kept = NULL;
	sqlite3_stmt *s;
	int rc = 0;

	if (!st->sync || sqlite3_get_autocommit(st->db) ||
	    stat(st->path, &sb) != 0)
		return 0;
	snprintf(file, sizeof file, "%llu:%llu", (unsigned long long)sb.st_dev,
		 (unsigned long long)sb.st_ino);
	if (!(s = store_stmt(st, "SELECT file FROM sync_self WHERE id = 1", e)))
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		kept = store_col_dup(s, 0);
	sqlite3_reset(s);
	if (kept && !strcmp(kept, file)) {
		free(kept);
		return 0;
	}
	s = store_stmt(st, kept ? "UPDATE sync_self SET file = :f, db_id ="
			   " lower(hex(randomblob(16))) WHERE id = 1"
			 : "UPDATE sync_self SET file = :f WHERE id = 1", e);
	free(kept);
	if (!s)
		return -1;
	store_bind_text(s, ":f", file);
	rc = store_exec_stmt(st, s, e);
	if (rc == 0 && (s = store_stmt(st, "SELECT db_id FROM sync_self"
				       " WHERE id = 1", e))) {
		if (sqlite3_step(s) == SQLITE_ROW)
			store_col_uid(st->sync->self, s, 0);
		sqlite3_reset(s);
	}
	return rc;
}

struct tmeta *sync_table(struct store *st, const char *name)
{
	for (size_t i = 0; st->sync && i < st->sync->n; i++)
		if (!strcmp(st->sync->t[i].def->name, name))
			return &st->sync->t[i];
	return NULL;
}

void sync_pk_text(const struct tmeta *t, sqlite3_value **vals,
		  struct strbuf *out)
{
	bool first = true;

	strbuf_reset(out);
	for (int c = 0; c < t->ncol; c++) {
		const unsigned char *v;

		if (!t->pk[c])
			continue;
		if (!first)
			strbuf_addch(out, '|');
		first = false;
		v = vals[c] ? sqlite3_value_text(vals[c]) : NULL;
		strbuf_addstr(out, v ? (const char *)v : "");
	}
}

/* --- The session ------------------------------------------------------ */

static int session_new(struct store *st, struct err *e)
{
	int rc = sqlite3session_create(st->db, "main", &st->session);

	for (size_t i = 0; rc == SQLITE_OK && i < N_SYNCED; i++)
		rc = sqlite3session_attach(st->session, synced[i].name);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, "préparer la synchronisation", e);
		if (st->session)
			sqlite3session_delete(st->session);
		st->session = NULL;
		return -1;
	}
	return 0;
}

/* The tables' statements are prepared at the first capture, not here:
 * opening stays as quick as it was (the first screen waits for it). */
int sync_session_start(struct store *st, struct err *e)
{
	if (st->session || st->readonly || !has_sync_schema(st))
		return 0;
	st->sync_on = true;
	if (session_new(st, e) != 0) {
		sync_session_end(st);
		return -1;
	}
	return 0;
}

void sync_session_end(struct store *st)
{
	if (st->session)
		sqlite3session_delete(st->session);
	st->session = NULL;
	st->sync_on = false;
	meta_free(st->sync);
	st->sync = NULL;
}

int sync_session_ensure(struct store *st, struct err *e)
{
	if (!st->sync_on || st->session)
		return 0;
	return session_new(st, e);
}

/* A session cannot be emptied: a new one replaces it. Should that fail
 * (memory), the next capture would carry this transaction again: the
 * entries a file carries are applied once, so it would do no harm. */
void sync_session_reset(struct store *st)
{
	struct err e;

	if (!st->session || sqlite3session_isempty(st->session))
		return;
	sqlite3session_delete(st->session);
	st->session = NULL;
	(void)session_new(st, &e);
}

/* --- Stamps ----------------------------------------------------------- */

static bool parse_stamps(const char *text, struct stamps *out)
{
	const char *p = text;

	out->n = 0;
	while (*p) {
		struct cstamp c;
		char *end;

		if (out->n == sizeof out->v / sizeof out->v[0])
			return false;
		if (*p == '*')
			c.col = -1, p++;
		else if (*p == 'd')
			c.col = -2, p++;
		else {
			c.col = (int)strtol(p, &end, 10);
			if (end == p || c.col < 0 || c.col >= SYNC_MAX_COLS)
				return false;
			p = end;
		}
		if (*p++ != '=')
			return false;
		c.stamp = strtoll(p, &end, 10);
		if (*end != '/')
			return false;
		c.origin = strtoll(end + 1, &end, 10);
		if (*end != '/')
			return false;
		c.number = strtoll(end + 1, &end, 10);
		p = end;
		if (*p == ';')
			p++;
		else if (*p)
			return false;
		out->v[out->n++] = c;
	}
	return true;
}

void sync_stamps_free(struct stamps *s)
{
	free(s->image);
	s->image = NULL;
	s->image_len = 0;
}

int sync_stamps_get(struct store *st, const char *tbl, const char *pk,
		    struct stamps *out, bool *found, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT stamps, image FROM sync_stamp"
				     " WHERE tbl = :t AND pk = :k", e);
	int rc;

	out->n = 0;
	out->image = NULL;
	out->image_len = 0;
	*found = false;
	if (!s)
		return -1;
	store_bind_text(s, ":t", tbl);
	store_bind_text(s, ":k", pk);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = true;
		if (!parse_stamps((const char *)sqlite3_column_text(s, 0), out))
			out->n = 0;	/* unreadable: as never stamped */
		if (sqlite3_column_bytes(s, 1) > 0) {
			out->image_len = (size_t)sqlite3_column_bytes(s, 1);
			out->image = xmalloc(out->image_len);
			memcpy(out->image, sqlite3_column_blob(s, 1),
			       out->image_len);
		}
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire l'état de synchronisation", e);
}

int sync_stamps_put(struct store *st, const char *tbl, const char *pk,
		    const struct stamps *s, struct err *e)
{
	struct strbuf b;
	sqlite3_stmt *q = store_stmt(st, "INSERT INTO sync_stamp (tbl, pk,"
				     " stamps, image) VALUES (:t, :k, :s, :i)"
				     " ON CONFLICT (tbl, pk) DO UPDATE SET"
				     " stamps = excluded.stamps, image ="
				     " excluded.image", e);
	int rc;

	if (!q)
		return -1;
	strbuf_init(&b);
	for (size_t i = 0; i < s->n; i++) {
		const struct cstamp *c = &s->v[i];

		if (i)
			strbuf_addch(&b, ';');
		if (c->col == -1)
			strbuf_addch(&b, '*');
		else if (c->col == -2)
			strbuf_addch(&b, 'd');
		else
			strbuf_addf(&b, "%d", c->col);
		strbuf_addf(&b, "=%lld/%lld/%lld", c->stamp, c->origin,
			    c->number);
	}
	store_bind_text(q, ":t", tbl);
	store_bind_text(q, ":k", pk);
	store_bind_text(q, ":s", b.buf);
	if (s->image)
		sqlite3_bind_blob(q, sqlite3_bind_parameter_index(q, ":i"),
				  s->image, (int)s->image_len, SQLITE_STATIC);
	else
		store_bind_null(q, ":i");
	rc = store_exec_stmt(st, q, e);
	strbuf_release(&b);
	return rc;
}

const struct cstamp *sync_stamp_exact(const struct stamps *s, int col)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].col == col)
			return &s->v[i];
	return NULL;
}

const struct cstamp *sync_stamp_of(const struct stamps *s, int col)
{
	const struct cstamp *all = NULL;

	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].col == col)
			return &s->v[i];
		if (s->v[i].col == -1)
			all = &s->v[i];
	}
	return all;
}

void sync_stamp_set(struct stamps *s, int col, long long stamp,
		    long long origin, long long number)
{
	struct cstamp c = { col, stamp, origin, number };

	if (col == -1) {
		/* a row made anew with every column: the columns' writes are
		 * its, the last deletion is kept (a later one decides
		 * against it) */
		size_t k = 0;

		for (size_t i = 0; i < s->n; i++)
			if (s->v[i].col == -2)
				s->v[k++] = s->v[i];
		s->n = k;
		s->v[s->n++] = c;
		return;
	}
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].col == col) {
			s->v[i] = c;
			return;
		}
	if (s->n < sizeof s->v / sizeof s->v[0])
		s->v[s->n++] = c;
}

int sync_origin_idx(struct store *st, const char *db_id, long long *idx,
		    struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT idx FROM sync_origin WHERE"
				     " db_id = :d", e);
	int rc;

	*idx = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":d", db_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*idx = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire l'état de synchronisation", e) != 0)
		return -1;
	if (!(s = store_stmt(st, "INSERT INTO sync_origin (db_id) VALUES (:d)",
			     e)))
		return -1;
	store_bind_text(s, ":d", db_id);
	if (store_exec_stmt(st, s, e) != 0)
		return -1;
	*idx = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int sync_origin_id(struct store *st, long long idx, char out[SYNC_ID_LEN],
		   struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT db_id FROM sync_origin WHERE"
				     " idx = :i", e);
	int rc;

	out[0] = '\0';
	if (!s)
		return -1;
	store_bind_int(s, ":i", idx);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		store_col_uid(out, s, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "lire l'état de synchronisation", e);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int clock_write(struct store *st, long long v, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE sync_self SET clock = :c"
				     " WHERE id = 1 AND clock < :c", e);

	if (!s)
		return -1;
	store_bind_int(s, ":c", v);
	return store_exec_stmt(st, s, e);
}

int sync_clock_next(struct store *st, long long *stamp, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT clock FROM sync_self"
				     " WHERE id = 1", e);
	long long last = 0, now = now_ms();

	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		last = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	*stamp = now > last ? now : last + 1;
	return clock_write(st, *stamp, e);
}

int sync_clock_seen(struct store *st, long long stamp, struct err *e)
{
	return clock_write(st, stamp, e);
}

int sync_vector_advance(struct store *st, const char *origin,
			const char *contract_uid, long long number,
			struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO sync_vector (origin,"
				     " contract_uid, number) VALUES (:o, :c, :n)"
				     " ON CONFLICT (origin, contract_uid) DO"
				     " UPDATE SET number = max(number,"
				     " excluded.number)", e);

	if (!s)
		return -1;
	store_bind_text(s, ":o", origin);
	store_bind_text(s, ":c", contract_uid);
	store_bind_int(s, ":n", number);
	return store_exec_stmt(st, s, e);
}

int sync_applied_vector(struct store *st, const char *contract_uid,
			const char *except, char **out, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT origin, number FROM sync_vector"
				     " WHERE contract_uid = :c ORDER BY origin",
				     e);
	struct strbuf b;
	int rc;

	*out = NULL;
	if (!s)
		return -1;
	strbuf_init(&b);
	store_bind_text(s, ":c", contract_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *o = (const char *)sqlite3_column_text(s, 0);

		if (except && !strcmp(o, except))
			continue;
		strbuf_addf(&b, "%s%s:%lld", b.len ? "," : "", o,
			    sqlite3_column_int64(s, 1));
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire l'état de synchronisation", e) != 0) {
		strbuf_release(&b);
		return -1;
	}
	*out = strbuf_detach(&b);
	return 0;
}

/* --- The changeset format, written ------------------------------------ */

static void put_varint(struct strbuf *b, unsigned long long v)
{
	unsigned char buf[10];
	int n = 0;

	if (v > 0x00ffffffffffffffULL) {
		unsigned char p[9];

		p[8] = (unsigned char)v;
		v >>= 8;
		for (int i = 7; i >= 0; i--) {
			p[i] = (unsigned char)((v & 0x7f) | 0x80);
			v >>= 7;
		}
		strbuf_add(b, p, 9);
		return;
	}
	do {
		buf[n++] = (unsigned char)((v & 0x7f) | 0x80);
		v >>= 7;
	} while (v);
	buf[0] &= 0x7f;
	for (int i = n - 1; i >= 0; i--)
		strbuf_add(b, &buf[i], 1);
}

static void put_u64(struct strbuf *b, unsigned long long v)
{
	unsigned char p[8];

	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
	strbuf_add(b, p, 8);
}

static void put_value(struct strbuf *b, sqlite3_value *v)
{
	unsigned char type;

	if (!v) {
		type = 0;	/* undefined: a column an update left alone */
		strbuf_add(b, &type, 1);
		return;
	}
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		type = SQLITE_INTEGER;
		strbuf_add(b, &type, 1);
		put_u64(b, (unsigned long long)sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT: {
		double d = sqlite3_value_double(v);
		unsigned long long u;

		memcpy(&u, &d, sizeof u);
		type = SQLITE_FLOAT;
		strbuf_add(b, &type, 1);
		put_u64(b, u);
		break;
	}
	case SQLITE_TEXT:
	case SQLITE_BLOB: {
		const void *p = sqlite3_value_type(v) == SQLITE_TEXT
				? (const void *)sqlite3_value_text(v)
				: sqlite3_value_blob(v);
		int n = sqlite3_value_bytes(v);

		type = (unsigned char)sqlite3_value_type(v);
		strbuf_add(b, &type, 1);
		put_varint(b, (unsigned long long)n);
		if (n)
			strbuf_add(b, p, (size_t)n);
		break;
	}
	default:
		type = SQLITE_NULL;
		strbuf_add(b, &type, 1);
		break;
	}
}

/* --- Capture ---------------------------------------------------------- */

/* What one contract's part of a transaction holds while it is split. */
struct part {
	char contract[STORE_UID_LEN];
	struct strbuf cs;		/* its changeset */
	const struct tmeta *last;	/* table of the last header written */
	long long rows;
	/* its rows, to stamp once its number is known */
	struct row_change {
		const struct tmeta *t;
		char *pk;
		int op;
		unsigned long long cols;	/* updated columns */
		struct strbuf image;		/* a deleted row's values */
	} *changes;
	size_t n_changes, cap;
};

static int owner_contract(struct store *st, const struct tmeta *t,
			  sqlite3_value *via, const char *pk_text,
			  char out[STORE_UID_LEN], struct err *e)
{
	const unsigned char *k = via ? sqlite3_value_text(via) : NULL;
	sqlite3_stmt *s;
	int rc;

	out[0] = '\0';
	if (!k) {
		/* an update that left the owner alone: the row has it */
		sqlite3_stmt *q = t->sel;
		sqlite3_reset(q);
		sqlite3_clear_bindings(q);
		/* single-column keys only reach here (composite keys are
		 * their owner) */
		for (int c = 0; c < t->ncol; c++)
			if (t->pk[c])
				sqlite3_bind_text(q, c + 1, pk_text, -1,
						  SQLITE_TRANSIENT);
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW && sqlite3_column_type(q, t->via_col) !=
					       SQLITE_NULL) {
			char *v = xstrdup((const char *)sqlite3_column_text(
				q, t->via_col));

			sqlite3_reset(q);
			if (!t->def->owner_sql) {
				snprintf(out, STORE_UID_LEN, "%s", v);
				free(v);
				return 0;
			}
			s = store_stmt(st, t->def->owner_sql, e);
			if (!s) {
				free(v);
				return -1;
			}
			store_bind_text(s, ":k", v);
			free(v);
			goto lookup;
		}
		sqlite3_reset(q);
		err_set(e, ERR_DB, "synchronisation : ligne %s de %s introuvable",
			pk_text, t->def->name);
		return -1;
	}
	if (!t->def->owner_sql) {
		snprintf(out, STORE_UID_LEN, "%s", (const char *)k);
		return 0;
	}
	if (!(s = store_stmt(st, t->def->owner_sql, e)))
		return -1;
	store_bind_text(s, ":k", (const char *)k);
lookup:
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		store_col_uid(out, s, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "préparer la synchronisation", e) != 0)
		return -1;
	if (!out[0]) {
		err_set(e, ERR_DB, "synchronisation : contrat de la ligne %s de "
			"%s introuvable", pk_text, t->def->name);
		return -1;
	}
	return 0;
}

static struct part *part_of(struct part **parts, size_t *n, size_t *cap,
			    const char *contract)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*parts)[i].contract, contract))
			return &(*parts)[i];
	*parts = xgrow(*parts, cap, *n + 1, sizeof **parts);
	memset(&(*parts)[*n], 0, sizeof **parts);
	snprintf((*parts)[*n].contract, STORE_UID_LEN, "%s", contract);
	strbuf_init(&(*parts)[*n].cs);
	return &(*parts)[(*n)++];
}

static void parts_free(struct part *parts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		strbuf_release(&parts[i].cs);
		for (size_t k = 0; k < parts[i].n_changes; k++) {
			free(parts[i].changes[k].pk);
			strbuf_release(&parts[i].changes[k].image);
		}
		free(parts[i].changes);
	}
	free(parts);
}

/* One change into a part: its table's header when the part's last
 * change was of another table, then op, indirect flag and records. */
static void encode_change(struct part *pt, const struct tmeta *t, int op,
			  sqlite3_value **old, sqlite3_value **new)
{
	unsigned char byte;

	if (pt->last != t) {
		strbuf_addch(&pt->cs, 'T');
		put_varint(&pt->cs, (unsigned long long)t->ncol);
		for (int c = 0; c < t->ncol; c++) {
			byte = t->pk[c] ? 1 : 0;
			strbuf_add(&pt->cs, &byte, 1);
		}
		strbuf_add(&pt->cs, t->def->name, strlen(t->def->name) + 1);
		pt->last = t;
	}
	byte = (unsigned char)op;
	strbuf_add(&pt->cs, &byte, 1);
	byte = 0;
	strbuf_add(&pt->cs, &byte, 1);
	if (op != SQLITE_INSERT)
		for (int c = 0; c < t->ncol; c++)
			put_value(&pt->cs, old[c]);
	if (op != SQLITE_DELETE)
		for (int c = 0; c < t->ncol; c++)
			put_value(&pt->cs, new[c]);
}

void sync_encode_row(const struct tmeta *t, sqlite3_value **vals,
		     struct strbuf *out)
{
	struct part pt;

	memset(&pt, 0, sizeof pt);
	pt.cs = *out;
	encode_change(&pt, t, SQLITE_INSERT, NULL, vals);
	*out = pt.cs;
}

int sync_decode_row(const struct tmeta *t, const unsigned char *blob,
		    size_t len, sqlite3_value **out)
{
	sqlite3_changeset_iter *it;
	int ok = -1;

	if (sqlite3changeset_start(&it, (int)len, (void *)blob) != SQLITE_OK)
		return -1;
	if (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *name;
		int ncol, op, indirect;

		sqlite3changeset_op(it, &name, &ncol, &op, &indirect);
		if (op == SQLITE_INSERT && ncol == t->ncol) {
			for (int c = 0; c < ncol; c++) {
				sqlite3_value *v = NULL;

				sqlite3changeset_new(it, c, &v);
				out[c] = v ? sqlite3_value_dup(v) : NULL;
			}
			ok = 0;
		}
	}
	sqlite3changeset_finalize(it);
	return ok;
}

/* Split one changeset by contract into parts. */
static int split(struct store *st, int n, void *p, struct part **parts,
		 size_t *n_parts, size_t *cap, struct err *e)
{
	sqlite3_changeset_iter *it;
	struct strbuf pk;
	int rc;

	if (sqlite3changeset_start(&it, n, p) != SQLITE_OK) {
		err_set(e, ERR_DB, "synchronisation : changements illisibles");
		return -1;
	}
	strbuf_init(&pk);
	while ((rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *name;
		int ncol, op, indirect;
		unsigned char *abpk;
		sqlite3_value *old[SYNC_MAX_COLS] = { 0 },
			      *new[SYNC_MAX_COLS] = { 0 }, **key;
		struct tmeta *t;
		struct part *pt;
		struct row_change *rcg;
		char contract[STORE_UID_LEN];

		sqlite3changeset_op(it, &name, &ncol, &op, &indirect);
		sqlite3changeset_pk(it, &abpk, &ncol);
		t = sync_table(st, name);
		if (!t || ncol != t->ncol) {
			err_set(e, ERR_DB, "synchronisation : table %s inattendue",
				name);
			goto fail;
		}
		for (int c = 0; c < ncol; c++) {
			if (op != SQLITE_INSERT)
				sqlite3changeset_old(it, c, &old[c]);
			if (op != SQLITE_DELETE)
				sqlite3changeset_new(it, c, &new[c]);
		}
		key = op == SQLITE_INSERT ? new : old;
		sync_pk_text(t, key, &pk);
		if (owner_contract(st, t,
				   op == SQLITE_INSERT ? new[t->via_col]
				   : op == SQLITE_DELETE
					   ? old[t->via_col]
					   : (new[t->via_col] ? new[t->via_col]
							      : old[t->via_col]),
				   pk.buf, contract, e) != 0)
			goto fail;
		pt = part_of(parts, n_parts, cap, contract);
		encode_change(pt, t, op, old, new);
		pt->rows++;
		pt->changes = xgrow(pt->changes, &pt->cap, pt->n_changes + 1,
				    sizeof *pt->changes);
		rcg = &pt->changes[pt->n_changes++];
		rcg->t = t;
		rcg->pk = xstrdup(pk.buf);
		rcg->op = op;
		rcg->cols = 0;
		strbuf_init(&rcg->image);
		if (op == SQLITE_DELETE && !t->def->append_only)
			sync_encode_row(t, old, &rcg->image);
		if (op == SQLITE_UPDATE)
			for (int c = 0; c < ncol; c++)
				if (new[c] && !t->pk[c])
					rcg->cols |= 1ULL << c;
	}
	if (rc != SQLITE_DONE) {
		err_set(e, ERR_DB, "synchronisation : changements illisibles");
		goto fail;
	}
	strbuf_release(&pk);
	sqlite3changeset_finalize(it);
	return 0;
fail:
	strbuf_release(&pk);
	sqlite3changeset_finalize(it);
	return -1;
}

/* The stamps of a part's rows, now that its number is known. */
static int stamp_rows(struct store *st, const struct part *pt, long long stamp,
		      long long self, long long number, struct err *e)
{
	for (size_t i = 0; i < pt->n_changes; i++) {
		const struct row_change *r = &pt->changes[i];
		struct stamps s;
		bool found;

		if (r->t->def->append_only)
			continue;	/* written once: nothing to merge */
		if (sync_stamps_get(st, r->t->def->name, r->pk, &s, &found, e) != 0)
			return -1;
		if (r->op == SQLITE_INSERT) {
			sync_stamp_set(&s, -1, stamp, self, number);
			sync_stamps_free(&s);
		} else if (r->op == SQLITE_DELETE) {
			sync_stamp_set(&s, -2, stamp, self, number);
			sync_stamps_free(&s);
			s.image = (unsigned char *)r->image.buf;
			s.image_len = r->image.len;
		} else {
			for (int c = 0; c < r->t->ncol; c++)
				if (r->cols & (1ULL << c))
					sync_stamp_set(&s, c, stamp, self, number);
		}
		if (sync_stamps_put(st, r->t->def->name, r->pk, &s, e) != 0) {
			if (r->op != SQLITE_DELETE)
				sync_stamps_free(&s);
			return -1;
		}
		if (r->op != SQLITE_DELETE)
			sync_stamps_free(&s);
	}
	return 0;
}

/* The stamp, this database's index and the time of the entries a
 * transaction writes. */
struct capture {
	long long stamp, self;
	char now[32];
};

static int capture_begin(struct store *st, struct capture *c, struct err *e)
{
	store_now(c->now);
	return sync_clock_next(st, &c->stamp, e) != 0 ||
			       sync_origin_idx(st, st->sync->self, &c->self, e) != 0
		       ? -1
		       : 0;
}

/* Log a part as this database's next entry of its contract, stamp its
 * rows, and empty it. */
static int log_part(struct store *st, const struct capture *c,
		    struct part *pt, struct err *e)
{
	sqlite3_stmt *s;
	long long number = 1;
	char *deps;
	int rc;

	if (!pt->rows)
		return 0;
	if (!(s = store_stmt(st, "SELECT number FROM sync_vector"
			     " WHERE origin = :o AND contract_uid = :c", e)))
		return -1;
	store_bind_text(s, ":o", st->sync->self);
	store_bind_text(s, ":c", pt->contract);
	if (sqlite3_step(s) == SQLITE_ROW)
		number = sqlite3_column_int64(s, 0) + 1;
	sqlite3_reset(s);
	if (sync_applied_vector(st, pt->contract, st->sync->self, &deps, e) != 0)
		return -1;
	s = store_stmt(st, "INSERT INTO sync_change (origin, contract_uid,"
		       " number, stamp, deps, at, author, rows, changeset,"
		       " applied) VALUES (:o, :c, :n, :s, :d, :at, :a, :r, :cs,"
		       " 1)", e);
	if (!s) {
		free(deps);
		return -1;
	}
	store_bind_text(s, ":o", st->sync->self);
	store_bind_text(s, ":c", pt->contract);
	store_bind_int(s, ":n", number);
	store_bind_int(s, ":s", c->stamp);
	store_bind_text(s, ":d", deps);
	store_bind_text(s, ":at", c->now);
	store_bind_text(s, ":a", store_author(st));
	store_bind_int(s, ":r", pt->rows);
	sqlite3_bind_blob(s, sqlite3_bind_parameter_index(s, ":cs"), pt->cs.buf,
			  (int)pt->cs.len, SQLITE_STATIC);
	rc = store_exec_stmt(st, s, e);
	free(deps);
	if (rc == 0)
		rc = sync_vector_advance(st, st->sync->self, pt->contract, number,
					 e);
	if (rc == 0)
		rc = stamp_rows(st, pt, c->stamp, c->self, number, e);
	strbuf_reset(&pt->cs);
	pt->last = NULL;
	pt->rows = 0;
	for (size_t k = 0; k < pt->n_changes; k++) {
		free(pt->changes[k].pk);
		strbuf_release(&pt->changes[k].image);
	}
	pt->n_changes = 0;
	return rc;
}

static int capture_changeset(struct store *st, int n, void *p, struct err *e)
{
	struct part *parts = NULL;
	size_t n_parts = 0, cap = 0;
	struct capture c;
	int rc;

	rc = split(st, n, p, &parts, &n_parts, &cap, e);
	if (rc == 0)
		rc = capture_begin(st, &c, e);
	for (size_t i = 0; rc == 0 && i < n_parts; i++)
		rc = log_part(st, &c, &parts[i], e);
	parts_free(parts, n_parts);
	return rc;
}

int sync_capture(struct store *st, struct err *e)
{
	void *p = NULL;
	int n = 0, rc;

	if (!st->session || st->applying || sqlite3session_isempty(st->session))
		return 0;
	if (sync_meta_load(st, e) != 0 || sync_identity(st, e) != 0)
		return -1;
	rc = sqlite3session_changeset(st->session, &n, &p);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, "enregistrer les changements à synchroniser", e);
		return -1;
	}
	/* the log's own writes must not be recorded */
	sqlite3session_enable(st->session, 0);
	rc = n > 0 ? capture_changeset(st, n, p, e) : 0;
	sqlite3session_enable(st->session, 1);
	sqlite3_free(p);
	return rc;
}

/* An entry of the baseline holds at most this many bytes: a large
 * database's first file is many entries, memory stays bounded. */
#define BASELINE_PART_MAX (4 << 20)

/* Migration 14 met a database already holding users' records: they are
 * this database's first changes, every row an insert, read table by
 * table (parents first) with the contract each belongs to. */
int sync_baseline(struct store *st, struct err *e)
{
	struct part *parts = NULL;
	size_t n_parts = 0, cap = 0;
	struct capture c;
	struct strbuf q, pk;
	int rc;

	if (sync_meta_load(st, e) != 0 || capture_begin(st, &c, e) != 0)
		return -1;
	strbuf_init(&q);
	strbuf_init(&pk);
	rc = 0;
	for (size_t i = 0; rc == 0 && i < st->sync->n; i++) {
		struct tmeta *t = &st->sync->t[i];
		sqlite3_stmt *s;
		int step;

		strbuf_reset(&q);
		strbuf_addstr(&q, "SELECT ");
		for (int k = 0; k < t->ncol; k++)
			strbuf_addf(&q, "x.%s, ", t->cols[k]);
		if (t->def->owner_sql) {
			/* the owner's query, correlated: ":k" is x.via */
			const char *o = t->def->owner_sql,
				   *k = strstr(o, ":k");

			strbuf_addch(&q, '(');
			strbuf_add(&q, o, (size_t)(k - o));
			strbuf_addf(&q, "x.%s%s)", t->def->via, k + 2);
		} else {
			strbuf_addf(&q, "x.%s", t->def->via);
		}
		strbuf_addf(&q, " FROM %s x ORDER BY x.rowid", t->def->name);
		if (sqlite3_prepare_v2(st->db, q.buf, -1, &s, NULL) != SQLITE_OK) {
			store_fail(st, sqlite3_errcode(st->db),
				   "préparer la synchronisation", e);
			rc = -1;
			break;
		}
		while (rc == 0 && (step = sqlite3_step(s)) == SQLITE_ROW) {
			sqlite3_value *row[SYNC_MAX_COLS];
			struct part *pt;
			struct row_change *rcg;
			const unsigned char *owner =
				sqlite3_column_text(s, t->ncol);

			if (!owner)
				continue;	/* orphan: nothing to carry */
			for (int k = 0; k < t->ncol; k++)
				row[k] = sqlite3_column_value(s, k);
			pt = part_of(&parts, &n_parts, &cap, (const char *)owner);
			encode_change(pt, t, SQLITE_INSERT, NULL, row);
			sync_pk_text(t, row, &pk);
			pt->rows++;
			pt->changes = xgrow(pt->changes, &pt->cap,
					    pt->n_changes + 1, sizeof *pt->changes);
			rcg = &pt->changes[pt->n_changes++];
			rcg->t = t;
			rcg->pk = xstrdup(pk.buf);
			rcg->op = SQLITE_INSERT;
			rcg->cols = 0;
			strbuf_init(&rcg->image);
			if (pt->cs.len > BASELINE_PART_MAX)
				rc = log_part(st, &c, pt, e);
		}
		if (rc == 0 && step != SQLITE_DONE) {
			store_fail(st, step, "préparer la synchronisation", e);
			rc = -1;
		}
		sqlite3_finalize(s);
	}
	for (size_t i = 0; rc == 0 && i < n_parts; i++)
		rc = log_part(st, &c, &parts[i], e);
	parts_free(parts, n_parts);
	strbuf_release(&q);
	strbuf_release(&pk);
	return rc;
}
