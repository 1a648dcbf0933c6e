/*
 * Applying a sync file (suivi sync import): its entries are kept in the
 * log, then applied in an order that respects how they were made: an
 * entry waits for the entries of its origin before it, and for what its
 * writer had applied of the contract (deps). One transaction for all.
 *
 * The merge keeps, column by column, the latest write (the higher stamp,
 * then the higher database id): every database that has applied the
 * same entries holds the same rows, whatever the order of the files. A
 * deletion wins over a change made without knowing of it. When both
 * sides changed the same thing without knowing of the other's change,
 * the version set aside is listed in sync_conflict, to be reviewed.
 *
 * The apply is ours rather than sqlite3changeset_apply_v2's: the latter
 * applies an update whose "before" values match the row without asking,
 * which is wrong when this database wrote the same values back later
 * (a value set, then undone) than the other side's change.
 */
#include "sync_internal.h"

#include "suivi/store_sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/xalloc.h"

/* One origin's number in a deps list or the applied vector. */
struct vec_item {
	char origin[SYNC_ID_LEN];
	char contract[SYNC_ID_LEN];
	long long number;
};

struct vec {
	struct vec_item *v;
	size_t n, cap;
};

static long long vec_get(const struct vec *v, const char *origin,
			 const char *contract)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].origin, origin) &&
		    (!contract || !strcmp(v->v[i].contract, contract)))
			return v->v[i].number;
	return 0;
}

static void vec_set(struct vec *v, const char *origin, const char *contract,
		    long long number)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].origin, origin) &&
		    !strcmp(v->v[i].contract, contract)) {
			if (number > v->v[i].number)
				v->v[i].number = number;
			return;
		}
	v->v = xgrow(v->v, &v->cap, v->n + 1, sizeof *v->v);
	snprintf(v->v[v->n].origin, SYNC_ID_LEN, "%s", origin);
	snprintf(v->v[v->n].contract, SYNC_ID_LEN, "%s", contract);
	v->v[v->n++].number = number;
}

/* "origin:number,…" (a contract's deps); false when malformed. */
static bool deps_parse(const char *text, const char *contract, struct vec *out)
{
	const char *p = text;

	out->n = 0;
	while (*p) {
		char origin[SYNC_ID_LEN];
		char *end;
		long long n;

		if (strlen(p) < 34 || p[32] != ':')
			return false;
		memcpy(origin, p, 32);
		origin[32] = '\0';
		if (strspn(origin, "0123456789abcdef") != 32)
			return false;
		n = strtoll(p + 33, &end, 10);
		if (end == p + 33 || n < 0)
			return false;
		vec_set(out, origin, contract, n);
		p = end;
		if (*p == ',')
			p++;
		else if (*p)
			return false;
	}
	return true;
}

/* What an entry being applied brings. */
struct incoming {
	const char *origin;
	long long origin_idx;
	const char *contract;
	long long number, stamp;
	const char *author, *at;
	struct vec deps;
};

struct applier {
	struct store *st;
	struct sync_receipt *r;
	struct err *e;
	char now[32];
	/* origin index → id, for tie-breaks and deps */
	struct {
		long long idx;
		char id[SYNC_ID_LEN];
	} *ids;
	size_t n_ids, cap_ids;
};

static const char *id_of(struct applier *a, long long idx)
{
	for (size_t i = 0; i < a->n_ids; i++)
		if (a->ids[i].idx == idx)
			return a->ids[i].id;
	a->ids = xgrow(a->ids, &a->cap_ids, a->n_ids + 1, sizeof *a->ids);
	a->ids[a->n_ids].idx = idx;
	if (sync_origin_id(a->st, idx, a->ids[a->n_ids].id, a->e) != 0)
		a->ids[a->n_ids].id[0] = '\0';
	return a->ids[a->n_ids++].id;
}

/* Was the local write ls known to the writer of `in`? */
static bool concurrent(struct applier *a, const struct incoming *in,
		       const struct cstamp *ls)
{
	const char *o;

	if (!ls || ls->origin == 0 || ls->origin == in->origin_idx)
		return false;
	o = id_of(a, ls->origin);
	return vec_get(&in->deps, o, NULL) < ls->number;
}

/* Is the incoming write later than ls? */
static bool later(struct applier *a, const struct incoming *in,
		  const struct cstamp *ls)
{
	if (!ls)
		return true;
	if (in->stamp != ls->stamp)
		return in->stamp > ls->stamp;
	return strcmp(in->origin, id_of(a, ls->origin)) > 0;
}

static bool same_value(sqlite3_value *x, sqlite3_value *y)
{
	int tx = x ? sqlite3_value_type(x) : SQLITE_NULL;
	int ty = y ? sqlite3_value_type(y) : SQLITE_NULL;

	if (tx == SQLITE_NULL || ty == SQLITE_NULL)
		return tx == ty;
	if ((tx == SQLITE_INTEGER || tx == SQLITE_FLOAT) &&
	    (ty == SQLITE_INTEGER || ty == SQLITE_FLOAT))
		return sqlite3_value_double(x) == sqlite3_value_double(y) &&
		       (tx != SQLITE_INTEGER || ty != SQLITE_INTEGER ||
			sqlite3_value_int64(x) == sqlite3_value_int64(y));
	if (tx != ty || sqlite3_value_bytes(x) != sqlite3_value_bytes(y))
		return false;
	return !memcmp(tx == SQLITE_TEXT ? (const void *)sqlite3_value_text(x)
					 : sqlite3_value_blob(x),
		       ty == SQLITE_TEXT ? (const void *)sqlite3_value_text(y)
					 : sqlite3_value_blob(y),
		       (size_t)sqlite3_value_bytes(x));
}

/* Who changed a row and when: bookkeeping, not what the users argue
 * about. */
static bool bookkeeping(const char *col)
{
	return !strcmp(col, "author") || !strcmp(col, "updated_at") ||
	       !strcmp(col, "created_at");
}

static void value_text(struct strbuf *b, sqlite3_value *v)
{
	int t = v ? sqlite3_value_type(v) : SQLITE_NULL;

	if (t == SQLITE_NULL)
		strbuf_addstr(b, "");
	else if (t == SQLITE_INTEGER)
		strbuf_addf(b, "%lld", sqlite3_value_int64(v));
	else if (t == SQLITE_FLOAT)
		strbuf_addf(b, "%.15g", sqlite3_value_double(v));
	else if (t == SQLITE_TEXT)
		strbuf_addstr(b, (const char *)sqlite3_value_text(v));
	else
		strbuf_addf(b, "%d", sqlite3_value_bytes(v));
}

/* Who wrote the local write ls, and when: its log entry. */
static void local_who(struct applier *a, const struct cstamp *ls,
		      const char *contract, char **by, char **at)
{
	sqlite3_stmt *s;

	*by = *at = NULL;
	if (!ls || !ls->origin)
		return;
	s = store_stmt(a->st, "SELECT author, at FROM sync_change WHERE"
		       " origin = :o AND contract_uid = :c AND number = :n",
		       a->e);
	if (!s)
		return;
	store_bind_text(s, ":o", id_of(a, ls->origin));
	store_bind_text(s, ":c", contract);
	store_bind_int(s, ":n", ls->number);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*by = store_col_dup(s, 0);
		*at = store_col_dup(s, 1);
	}
	sqlite3_reset(s);
}

static int note_conflict(struct applier *a, const struct incoming *in,
			 const struct tmeta *t, const char *pk,
			 const char *kind, bool incoming_kept,
			 const char *local_text, const char *in_text,
			 const struct cstamp *ls)
{
	sqlite3_stmt *s = store_stmt(a->st,
		"INSERT INTO sync_conflict (noted_at, contract_uid, tbl, pk,"
		" kind, kept, kept_by, kept_at, lost, lost_by, lost_at) VALUES"
		" (:now, :c, :t, :pk, :kind, :kept, :kept_by, :kept_at, :lost,"
		" :lost_by, :lost_at)", a->e);
	char *by, *at;
	int rc;

	if (!s)
		return -1;
	local_who(a, ls, in->contract, &by, &at);
	store_bind_text(s, ":now", a->now);
	store_bind_text(s, ":c", in->contract);
	store_bind_text(s, ":t", t->def->name);
	store_bind_text(s, ":pk", pk);
	store_bind_text(s, ":kind", kind);
	store_bind_text(s, ":kept", incoming_kept ? in_text : local_text);
	store_bind_text(s, ":kept_by", incoming_kept ? in->author : by);
	store_bind_text(s, ":kept_at", incoming_kept ? in->at : at);
	store_bind_text(s, ":lost", incoming_kept ? local_text : in_text);
	store_bind_text(s, ":lost_by", incoming_kept ? by : in->author);
	store_bind_text(s, ":lost_at", incoming_kept ? at : in->at);
	rc = store_exec_stmt(a->st, s, a->e);
	free(by);
	free(at);
	if (rc == 0)
		a->r->conflicts++;
	return rc;
}

static void bind_key(const struct tmeta *t, sqlite3_stmt *s,
		     sqlite3_value **key)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	for (int c = 0; c < t->ncol; c++)
		if (t->pk[c])
			sqlite3_bind_value(s, c + 1, key[c]);
}

static int step_done(struct applier *a, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(a->st, rc, "appliquer le fichier de synchronisation",
			   a->e);
		return -1;
	}
	return 0;
}

/* Merge the defined columns of `new` into row, each only when the
 * incoming write is the later one; *changed when a value changed. With
 * making (an insert), the row's making becomes the incoming one when
 * later, the columns that kept their value keeping their own stamp. A
 * change both sides made without knowing of the other's is noted. */
static int merge(struct applier *a, const struct incoming *in,
		 const struct tmeta *t, const char *pk, sqlite3_value **row,
		 sqlite3_value **new, struct stamps *ss, bool making,
		 bool *changed)
{
	struct strbuf mine, theirs;
	bool conflict = false, kept_in = false, have_star;
	struct cstamp conflict_stamp = { 0 }, star = { 0 };
	const struct cstamp *sp = sync_stamp_exact(ss, -1);
	int rc = 0;

	*changed = false;
	have_star = sp != NULL;
	if (sp)
		star = *sp;
	strbuf_init(&mine);
	strbuf_init(&theirs);
	for (int c = 0; c < t->ncol; c++) {
		const struct cstamp *ls;
		struct cstamp copy = { 0 };
		bool newer, differ;

		if (t->pk[c] || !new[c])
			continue;
		ls = sync_stamp_of(ss, c);
		if (ls)
			copy = *ls, ls = &copy;
		newer = later(a, in, ls);
		differ = !same_value(row[c], new[c]);
		if (differ && !bookkeeping(t->cols[c]) && concurrent(a, in, ls)) {
			conflict = true;
			kept_in = newer;
			conflict_stamp = copy;
			strbuf_addf(&mine, "%s%s" SYNC_SEP_VALUE,
				    mine.len ? SYNC_SEP_COLUMN : "", t->cols[c]);
			value_text(&mine, row[c]);
			strbuf_addf(&theirs, "%s%s" SYNC_SEP_VALUE,
				    theirs.len ? SYNC_SEP_COLUMN : "",
				    t->cols[c]);
			value_text(&theirs, new[c]);
		}
		if (newer) {
			if (differ) {
				sqlite3_value_free(row[c]);
				row[c] = sqlite3_value_dup(new[c]);
				*changed = true;
			}
			sync_stamp_set(ss, c, in->stamp, in->origin_idx,
				       in->number);
		} else if (making && have_star && !sync_stamp_exact(ss, c)) {
			/* keeps the row's making's stamp when that moves */
			sync_stamp_set(ss, c, star.stamp, star.origin,
				       star.number);
		}
	}
	if (making && (!have_star || later(a, in, &star))) {
		struct cstamp c = { -1, in->stamp, in->origin_idx, in->number };
		bool set = false;

		for (size_t i = 0; i < ss->n; i++)
			if (ss->v[i].col == -1)
				ss->v[i] = c, set = true;
		if (!set && ss->n < sizeof ss->v / sizeof *ss->v)
			ss->v[ss->n++] = c;
	}
	if (conflict)
		rc = note_conflict(a, in, t, pk, "both_changed", kept_in,
				   mine.buf, theirs.buf,
				   conflict_stamp.origin ? &conflict_stamp
							 : NULL);
	strbuf_release(&mine);
	strbuf_release(&theirs);
	return rc;
}

/* A dispute may name a like one of any contract (store_dispute.h): one
 * this database does not hold (the commune's laptop has its contract
 * only) is not named here. Every other reference is of the same
 * contract, and checked at the commit. */
static bool optional_ref_missing(struct applier *a, const struct tmeta *t,
				 int c, sqlite3_value *v)
{
	sqlite3_stmt *s;
	bool missing = false;

	if (strcmp(t->def->name, "dispute") || strcmp(t->cols[c], "like_uid") ||
	    !v || sqlite3_value_type(v) == SQLITE_NULL)
		return false;
	s = store_stmt(a->st, "SELECT 1 FROM dispute WHERE uid = :u", a->e);
	if (!s)
		return false;
	sqlite3_bind_value(s, sqlite3_bind_parameter_index(s, ":u"), v);
	missing = sqlite3_step(s) != SQLITE_ROW;
	sqlite3_reset(s);
	return missing;
}

static int write_row(struct applier *a, const struct tmeta *t,
		     sqlite3_stmt *q, sqlite3_value **row)
{
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	for (int c = 0; c < t->ncol; c++)
		if (!optional_ref_missing(a, t, c, row[c]))
			sqlite3_bind_value(q, c + 1, row[c]);
	a->r->rows++;
	return step_done(a, q);
}

static void row_text(const struct tmeta *t, sqlite3_value **v,
		     struct strbuf *b)
{
	for (int c = 0; c < t->ncol; c++) {
		if (t->pk[c] || !v[c] || bookkeeping(t->cols[c]))
			continue;
		strbuf_addf(b, "%s%s" SYNC_SEP_VALUE,
			    b->len ? SYNC_SEP_COLUMN : "", t->cols[c]);
		value_text(b, v[c]);
	}
}

/* A deleted row's values, kept with its stamps. */
static int keep_image(struct applier *a, const struct tmeta *t,
		      const char *pk, sqlite3_value **row, struct stamps *ss)
{
	struct strbuf img;
	int rc;

	strbuf_init(&img);
	sync_encode_row(t, row, &img);
	sync_stamps_free(ss);
	ss->image = (unsigned char *)img.buf;
	ss->image_len = img.len;
	rc = sync_stamps_put(a->st, t->def->name, pk, ss, a->e);
	ss->image = NULL;
	ss->image_len = 0;
	strbuf_release(&img);
	return rc;
}

/* Deleted here, changed there without knowing: the change is set aside. */
static int note_deleted(struct applier *a, const struct incoming *in,
			const struct tmeta *t, const char *pk,
			sqlite3_value **new, const struct cstamp *tomb)
{
	struct strbuf b;
	int rc;

	strbuf_init(&b);
	row_text(t, new, &b);
	rc = note_conflict(a, in, t, pk, "deleted_changed", false, NULL,
			   b.buf, tomb);
	strbuf_release(&b);
	return rc;
}

/* A change to a row here: merged, written when a value changed. */
static int merge_present(struct applier *a, const struct incoming *in,
			 const struct tmeta *t, const char *pk,
			 sqlite3_value **row, sqlite3_value **new,
			 struct stamps *ss, bool making)
{
	bool changed;
	int rc = merge(a, in, t, pk, row, new, ss, making, &changed);

	if (rc == 0 && changed)
		rc = write_row(a, t, t->upd, row);
	if (rc == 0)
		rc = sync_stamps_put(a->st, t->def->name, pk, ss, a->e);
	return rc;
}

/* A change to a row deleted here: merged into its last values (image),
 * kept for when it is made again; set aside as a conflict when its
 * writer did not know of the deletion. */
static int merge_deleted(struct applier *a, const struct incoming *in,
			 const struct tmeta *t, const char *pk,
			 sqlite3_value **row, sqlite3_value **new,
			 struct stamps *ss, bool making, bool have_image)
{
	struct cstamp tomb = *sync_stamp_exact(ss, -2);
	bool changed;
	int rc = 0;

	if (have_image) {
		rc = merge(a, in, t, pk, row, new, ss, making, &changed);
		if (rc == 0)
			rc = keep_image(a, t, pk, row, ss);
	}
	if (rc == 0 && concurrent(a, in, &tomb))
		rc = note_deleted(a, in, t, pk, new, &tomb);
	return rc;
}

static int apply_change(struct applier *a, const struct incoming *in,
			sqlite3_changeset_iter *it)
{
	const char *name;
	int ncol, op, indirect, rc = 0;
	unsigned char *abpk;
	sqlite3_value *old[SYNC_MAX_COLS] = { 0 }, *new[SYNC_MAX_COLS] = { 0 },
		      *row[SYNC_MAX_COLS] = { 0 }, **key;
	struct tmeta *t;
	struct strbuf pk;
	struct stamps ss = { 0 };
	bool present = false, stamped, have_image = false, changed;
	const struct cstamp *tomb;

	sqlite3changeset_op(it, &name, &ncol, &op, &indirect);
	sqlite3changeset_pk(it, &abpk, &ncol);
	t = sync_table(a->st, name);
	for (int c = 0; c < ncol; c++) {
		if (op != SQLITE_INSERT)
			sqlite3changeset_old(it, c, &old[c]);
		if (op != SQLITE_DELETE)
			sqlite3changeset_new(it, c, &new[c]);
	}
	key = op == SQLITE_INSERT ? new : old;
	strbuf_init(&pk);
	sync_pk_text(t, key, &pk);
	bind_key(t, t->sel, key);
	if (sqlite3_step(t->sel) == SQLITE_ROW) {
		present = true;
		for (int c = 0; c < t->ncol; c++)
			row[c] = sqlite3_value_dup(sqlite3_column_value(t->sel, c));
	}
	sqlite3_reset(t->sel);
	if (sync_stamps_get(a->st, t->def->name, pk.buf, &ss, &stamped, a->e) != 0) {
		rc = -1;
		goto out;
	}
	/* a row exists or not as its latest making or deletion says (the
	 * later stamp); a deleted row keeps its last values (image), and
	 * what is written to it meanwhile, for when it is made again */
	tomb = sync_stamp_exact(&ss, -2);
	if (!present && ss.image && op != SQLITE_DELETE &&
	    sync_decode_row(t, ss.image, ss.image_len, row) == 0)
		have_image = true;
	switch (op) {
	case SQLITE_INSERT:
		if (present) {
			if (!t->def->append_only)
				rc = merge_present(a, in, t, pk.buf, row, new,
						   &ss, true);
			break;
		}
		if (tomb && !later(a, in, tomb)) {
			/* deleted here after it was made there: stays so */
			rc = merge_deleted(a, in, t, pk.buf, row, new, &ss, true,
					   have_image);
			break;
		}
		if (have_image) {
			/* made again: its last values, and the later writes */
			rc = merge(a, in, t, pk.buf, row, new, &ss, true,
				   &changed);
			if (rc == 0)
				rc = write_row(a, t, t->ins, row);
		} else {
			rc = write_row(a, t, t->ins, new);
			sync_stamp_set(&ss, -1, in->stamp, in->origin_idx,
				       in->number);
		}
		if (rc == 0 && !t->def->append_only) {
			sync_stamps_free(&ss);
			rc = sync_stamps_put(a->st, t->def->name, pk.buf, &ss,
					     a->e);
		}
		break;
	case SQLITE_UPDATE:
		if (present)
			rc = merge_present(a, in, t, pk.buf, row, new, &ss,
					   false);
		else if (tomb)
			rc = merge_deleted(a, in, t, pk.buf, row, new, &ss,
					   false, have_image);
		break;
	case SQLITE_DELETE:
		if (!present) {
			/* the latest deletion is what a late making meets */
			if (!tomb || later(a, in, tomb)) {
				sync_stamp_set(&ss, -2, in->stamp,
					       in->origin_idx, in->number);
				rc = sync_stamps_put(a->st, t->def->name, pk.buf,
						     &ss, a->e);
			}
			break;
		}
		{
			const struct cstamp *star = sync_stamp_exact(&ss, -1);
			const struct cstamp *ls = NULL;
			struct cstamp copy;

			if (star && !later(a, in, star)) {
				/* made again here after that deletion */
				if (concurrent(a, in, star)) {
					struct strbuf b;

					copy = *star;
					strbuf_init(&b);
					row_text(t, row, &b);
					rc = note_conflict(a, in, t, pk.buf,
							   "changed_deleted",
							   true, b.buf, NULL,
							   &copy);
					strbuf_release(&b);
				}
				break;
			}
			/* a change here the deleter did not know of is set
			 * aside with the row */
			for (size_t i = 0; i < ss.n; i++)
				if (ss.v[i].col != -2 &&
				    concurrent(a, in, &ss.v[i]))
					ls = &ss.v[i];
			if (ls) {
				struct strbuf b;

				copy = *ls;
				strbuf_init(&b);
				row_text(t, row, &b);
				rc = note_conflict(a, in, t, pk.buf,
						   "changed_deleted", true,
						   b.buf, NULL, &copy);
				strbuf_release(&b);
			}
		}
		bind_key(t, t->del, key);
		if (rc == 0)
			rc = step_done(a, t->del);
		a->r->rows++;
		if (rc == 0 && !t->def->append_only) {
			struct strbuf img;

			strbuf_init(&img);
			sync_encode_row(t, row, &img);
			sync_stamp_set(&ss, -2, in->stamp, in->origin_idx,
				       in->number);
			sync_stamps_free(&ss);
			ss.image = (unsigned char *)img.buf;
			ss.image_len = img.len;
			rc = sync_stamps_put(a->st, t->def->name, pk.buf, &ss,
					     a->e);
			strbuf_release(&img);
			ss.image = NULL;
		}
		break;
	}
out:
	for (int c = 0; c < SYNC_MAX_COLS; c++)
		sqlite3_value_free(row[c]);
	sync_stamps_free(&ss);
	strbuf_release(&pk);
	return rc;
}

static int apply_entry(struct applier *a, struct incoming *in,
		       const void *blob, int size)
{
	sqlite3_changeset_iter *it;
	int rc, step;

	if (sqlite3changeset_start(&it, size, (void *)blob) != SQLITE_OK) {
		err_set(a->e, ERR_INPUT, "changements illisibles");
		return -1;
	}
	rc = 0;
	while (rc == 0 && (step = sqlite3changeset_next(it)) == SQLITE_ROW)
		rc = apply_change(a, in, it);
	if (rc == 0 && step != SQLITE_DONE) {
		err_set(a->e, ERR_INPUT, "changements illisibles");
		rc = -1;
	}
	sqlite3changeset_finalize(it);
	return rc;
}

/* A table of a changeset as this database has it (sync_changeset_check's
 * question). */
static int known_table(const char *name, int ncol, const unsigned char *pk,
		       void *ctx)
{
	struct tmeta *t = sync_table(ctx, name);

	if (!t || ncol != t->ncol)
		return -1;
	for (int c = 0; c < ncol; c++)
		if (!pk[c] != !t->pk[c])
			return -1;
	return 0;
}

/* Every changeset well formed, of tables we know with the columns we
 * have, checked byte by byte before SQLite reads any (its reader trusts
 * its input). A table shaped otherwise: a file from another version. */
static int check_entry(struct store *st, const struct sync_entry *x,
		       const char *name, struct err *e)
{
	const char *why;

	if (sync_changeset_check(x->blob, x->size, known_table, st, &why) == 0)
		return 0;
	if (!strcmp(why, "table inconnue"))
		err_set(e, ERR_NEWER, "%s : ses changements portent sur des "
			"tables qui n'ont pas ici la même forme : fichier écrit "
			"par une autre version de suivi ; mettez suivi à jour des "
			"deux côtés. Rien n'a été importé.", name);
	else
		err_set(e, ERR_INPUT, "%s : fichier de synchronisation "
			"endommagé (changements illisibles : %s). Rien n'a été "
			"importé.", name, why);
	return -1;
}

static int check_file(struct store *st, const struct sync_file *f,
		      const char *name, struct err *e)
{
	sqlite3_stmt *s;

	if (!strcmp(f->source, st->sync->self)) {
		err_set(e, ERR_INPUT, "%s a été écrit par cette base-ci : il "
			"est fait pour l'autre ordinateur. Rien n'a été importé.",
			name);
		return -1;
	}
	for (size_t i = 0; i < f->n_entries; i++) {
		const struct sync_entry *x = &f->entries[i];
		struct vec deps = { 0 };
		bool known = false, ok;
		int rc;

		ok = deps_parse(x->deps, x->contract_uid, &deps);
		free(deps.v);
		if (!ok) {
			err_set(e, ERR_INPUT, "%s : fichier de synchronisation "
				"endommagé (dépendances illisibles). Rien n'a été "
				"importé.", name);
			return -1;
		}
		if (!(s = store_stmt(st, "SELECT 1 FROM contract WHERE uid = :c",
				     e)))
			return -1;
		store_bind_text(s, ":c", x->contract_uid);
		rc = sqlite3_step(s);
		known = rc == SQLITE_ROW;
		sqlite3_reset(s);
		if (!known) {
			const char *ident = NULL;

			for (size_t k = 0; k < f->n_contracts; k++)
				if (!strcmp(f->contracts[k].uid, x->contract_uid))
					ident = f->contracts[k].identifier;
			err_set(e, ERR_INPUT, "%s concerne le contrat %s, absent "
				"de cette base : importez d'abord son fichier de "
				"contrat (suivi import). Rien n'a été importé.",
				name, ident ? ident : x->contract_uid);
			return -1;
		}
		if (check_entry(st, x, name, e) != 0)
			return -1;
	}
	return 0;
}

/* Keep the file's entries we do not have yet, waiting to be applied. */
static int store_entries(struct applier *a, const struct sync_file *f)
{
	for (size_t i = 0; i < f->n_entries; i++) {
		const struct sync_entry *x = &f->entries[i];
		sqlite3_stmt *s = store_stmt(a->st,
			"INSERT INTO sync_change (origin, contract_uid, number,"
			" stamp, deps, at, author, rows, changeset, applied,"
			" received_at) VALUES (:o, :c, :n, :s, :d, :at, :a, :r,"
			" :cs, 0, :now) ON CONFLICT (origin, contract_uid,"
			" number) DO NOTHING", a->e);

		if (!s)
			return -1;
		store_bind_text(s, ":o", x->origin);
		store_bind_text(s, ":c", x->contract_uid);
		store_bind_int(s, ":n", x->number);
		store_bind_int(s, ":s", x->stamp);
		store_bind_text(s, ":d", x->deps);
		store_bind_text(s, ":at", x->at ? x->at : a->now);
		store_bind_text(s, ":a", x->author);
		store_bind_int(s, ":r", x->rows);
		sqlite3_bind_blob(s, sqlite3_bind_parameter_index(s, ":cs"),
				  x->blob, (int)x->size, SQLITE_STATIC);
		store_bind_text(s, ":now", a->now);
		if (store_exec_stmt(a->st, s, a->e) != 0)
			return -1;
		if (sqlite3_changes(a->st->db))
			a->r->received++;
		else
			a->r->duplicates++;
		if (sync_clock_seen(a->st, x->stamp, a->e) != 0)
			return -1;
	}
	return 0;
}

static int load_applied(struct applier *a, struct vec *v)
{
	sqlite3_stmt *s = store_stmt(a->st, "SELECT origin, contract_uid,"
				     " number FROM sync_vector", a->e);
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		vec_set(v, (const char *)sqlite3_column_text(s, 0),
			(const char *)sqlite3_column_text(s, 1),
			sqlite3_column_int64(s, 2));
	sqlite3_reset(s);
	return store_done(a->st, rc, "lire l'état de synchronisation", a->e);
}

/* Apply every waiting entry whose predecessors are applied, until none
 * is left that can be. */
static int apply_waiting(struct applier *a)
{
	struct vec applied = { 0 };
	bool progress = true;
	int rc = load_applied(a, &applied);

	while (rc == 0 && progress) {
		sqlite3_stmt *s = store_stmt(a->st,
			"SELECT seq, origin, contract_uid, number, stamp, deps,"
			" author, at, changeset FROM sync_change WHERE NOT"
			" applied ORDER BY origin, contract_uid, number", a->e);
		long long *ready = NULL;
		size_t n_ready = 0, cap = 0;

		progress = false;
		if (!s) {
			rc = -1;
			break;
		}
		/* first the list (the applies below use other statements) */
		while (sqlite3_step(s) == SQLITE_ROW) {
			const char *o = (const char *)sqlite3_column_text(s, 1);
			const char *c = (const char *)sqlite3_column_text(s, 2);
			long long n = sqlite3_column_int64(s, 3);

			if (vec_get(&applied, o, c) == n - 1) {
				ready = xgrow(ready, &cap, n_ready + 1,
					      sizeof *ready);
				ready[n_ready++] = sqlite3_column_int64(s, 0);
				/* the next of that origin may follow at once */
				vec_set(&applied, o, c, n);
			}
		}
		sqlite3_reset(s);
		/* the list assumed each applies: take it back, then apply
		 * each whose deps are met, in order */
		applied.n = 0;
		if (load_applied(a, &applied) != 0) {
			free(ready);
			rc = -1;
			break;
		}
		for (size_t i = 0; rc == 0 && i < n_ready; i++) {
			struct incoming in = { 0 };
			char origin[SYNC_ID_LEN], contract[SYNC_ID_LEN];
			char *deps, *author, *at;
			void *blob;
			int size;
			bool met = true;

			if (!(s = store_stmt(a->st, "SELECT origin, contract_uid,"
					     " number, stamp, deps, author, at,"
					     " changeset FROM sync_change WHERE"
					     " seq = :q", a->e))) {
				rc = -1;
				break;
			}
			store_bind_int(s, ":q", ready[i]);
			if (sqlite3_step(s) != SQLITE_ROW) {
				sqlite3_reset(s);
				continue;
			}
			store_col_uid(origin, s, 0);
			store_col_uid(contract, s, 1);
			in.origin = origin;
			in.contract = contract;
			in.number = sqlite3_column_int64(s, 2);
			in.stamp = sqlite3_column_int64(s, 3);
			deps = store_col_dup(s, 4);
			author = store_col_dup(s, 5);
			at = store_col_dup(s, 6);
			size = sqlite3_column_bytes(s, 7);
			blob = xmalloc(size ? (size_t)size : 1);
			if (size)
				memcpy(blob, sqlite3_column_blob(s, 7),
				       (size_t)size);
			sqlite3_reset(s);
			in.author = author;
			in.at = at;
			deps_parse(deps ? deps : "", contract, &in.deps);
			if (vec_get(&applied, origin, contract) != in.number - 1)
				met = false;
			for (size_t k = 0; met && k < in.deps.n; k++)
				if (vec_get(&applied, in.deps.v[k].origin,
					    contract) < in.deps.v[k].number)
					met = false;
			if (met) {
				rc = sync_origin_idx(a->st, origin,
						     &in.origin_idx, a->e);
				if (rc == 0)
					rc = apply_entry(a, &in, blob, size);
				if (rc == 0 &&
				    (s = store_stmt(a->st, "UPDATE sync_change"
						    " SET applied = 1 WHERE seq ="
						    " :q", a->e))) {
					store_bind_int(s, ":q", ready[i]);
					rc = store_exec_stmt(a->st, s, a->e);
					if (rc == 0)
						rc = sync_vector_advance(
							a->st, origin, contract,
							in.number, a->e);
				} else if (rc == 0) {
					rc = -1;
				}
				if (rc == 0) {
					vec_set(&applied, origin, contract,
						in.number);
					a->r->applied++;
					progress = true;
				}
			}
			free(in.deps.v);
			free(deps);
			free(author);
			free(at);
			free(blob);
		}
		free(ready);
	}
	free(applied.v);
	return rc;
}

static int count_waiting(struct applier *a)
{
	sqlite3_stmt *s = store_stmt(a->st, "SELECT count(*) FROM sync_change"
				     " WHERE NOT applied", a->e);

	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		a->r->pending = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return 0;
}

static int note_source(struct applier *a, const struct sync_file *f,
		       const char *name)
{
	struct strbuf have, named;
	sqlite3_stmt *s;
	int rc;

	strbuf_init(&have);
	strbuf_init(&named);
	for (size_t i = 0; i < f->n_contracts; i++)
		strbuf_addf(&named, "%s%s", i ? "," : "", f->contracts[i].uid);
	for (size_t i = 0; i < f->n_have; i++)
		strbuf_addf(&have, "%s%s/%s:%lld", i ? "," : "",
			    f->have[i].origin, f->have[i].contract_uid,
			    f->have[i].number);
	s = store_stmt(a->st, "INSERT INTO sync_source (db_id, label,"
		       " imported_at, file, created, have, contracts) VALUES"
		       " (:d, :l, :now, :f, :c, :h, :n) ON CONFLICT (db_id) DO"
		       " UPDATE SET label = excluded.label, imported_at ="
		       " excluded.imported_at, file = excluded.file, created ="
		       " excluded.created, have = excluded.have, contracts ="
		       " excluded.contracts", a->e);
	if (!s) {
		strbuf_release(&have);
		strbuf_release(&named);
		return -1;
	}
	store_bind_text(s, ":d", f->source);
	store_bind_text(s, ":l", f->label);
	store_bind_text(s, ":now", a->now);
	store_bind_text(s, ":f", name);
	store_bind_text(s, ":c", f->created);
	store_bind_text(s, ":h", have.buf);
	store_bind_text(s, ":n", named.buf);
	rc = store_exec_stmt(a->st, s, a->e);
	strbuf_release(&have);
	strbuf_release(&named);
	return rc;
}

int store_sync_receive(struct store *st, const struct sync_file *f,
		       const char *name, struct sync_receipt *r,
		       struct err *e)
{
	struct applier a = { .st = st, .r = r, .e = e };
	int rc;

	memset(r, 0, sizeof *r);
	err_clear(e);
	if (sync_meta_load(st, e) != 0)
		return -1;
	store_now(a.now);
	if (store_begin(st, e) != 0)
		return -1;
	if (sync_identity(st, e) != 0 || check_file(st, f, name, e) != 0) {
		store_rollback(st);
		return -1;
	}
	/* what is applied is the other database's, already in its log:
	 * not recorded again as this one's */
	st->applying = true;
	if (st->session)
		sqlite3session_enable(st->session, 0);
	rc = sqlite3_exec(st->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL,
			  NULL) == SQLITE_OK
		     ? 0
		     : -1;
	if (rc != 0)
		store_fail(st, sqlite3_errcode(st->db), "importer", e);
	if (rc == 0)
		rc = store_entries(&a, f);
	if (rc == 0)
		rc = apply_waiting(&a);
	if (rc == 0)
		rc = count_waiting(&a);
	if (rc == 0)
		rc = note_source(&a, f, name);
	if (st->session)
		sqlite3session_enable(st->session, 1);
	if (rc == 0) {
		int fks = 0, hi = 0;

		/* a reference this database cannot satisfy (an indicator of an
		 * amendment not imported here): said before the commit */
		sqlite3_db_status(st->db, SQLITE_DBSTATUS_DEFERRED_FKS, &fks, &hi,
				  0);
		if (fks > 0) {
			err_set(e, ERR_INPUT, "%s : ses changements portent "
				"sur des éléments du contrat que cette base n'a "
				"pas (un avenant non importé ici ?) : importez les "
				"mêmes fichiers de contrat et d'avenant des deux "
				"côtés. Rien n'a été importé.", name);
			store_rollback(st);
			rc = -1;
		} else {
			rc = store_commit(st, e);
		}
	} else {
		store_rollback(st);
	}
	st->applying = false;
	free(a.ids);
	return rc;
}
