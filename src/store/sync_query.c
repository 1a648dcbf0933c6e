/*
 * The sync log read: what a file for a peer carries, what each peer has
 * received, the conflicts to review (store_sync.h).
 */
#include "sync_internal.h"

#include "suivi/store_sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suivi/xalloc.h"

int store_sync_id(struct store *st, char out[SYNC_ID_LEN], struct err *e)
{
	out[0] = '\0';
	if (sync_meta_load(st, e) != 0)
		return -1;
	snprintf(out, SYNC_ID_LEN, "%s", st->sync->self);
	return 0;
}

static void add_contract(struct sync_file *f, size_t *cap, const char *uid,
			 const char *identifier)
{
	for (size_t i = 0; i < f->n_contracts; i++)
		if (!strcmp(f->contracts[i].uid, uid))
			return;
	f->contracts = xgrow(f->contracts, cap, f->n_contracts + 1,
			     sizeof *f->contracts);
	snprintf(f->contracts[f->n_contracts].uid, SYNC_ID_LEN, "%s", uid);
	f->contracts[f->n_contracts++].identifier = xstrdup(identifier);
}

/* The database a peer is, when it can be told: a name that is a known
 * database's id (or its first 8 digits or more), else the only database
 * files came from for that scope (the only one that sent this
 * contract alone, or the only one at all). "" when it cannot. */
static int peer_db(struct store *st, const char *peer,
		   const char *contract_uid, char out[SYNC_ID_LEN],
		   char **have, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT db_id, have, contracts FROM"
				     " sync_source ORDER BY db_id", e);
	int matches = 0, rc;
	size_t plen = strlen(peer);
	bool by_id = plen >= 8 && plen <= 32 &&
		     strspn(peer, "0123456789abcdef") == plen;

	out[0] = '\0';
	*have = NULL;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		const char *named = (const char *)sqlite3_column_text(s, 2);
		bool fits;

		if (by_id)
			fits = !strncmp(id, peer, plen);
		else if (contract_uid)
			fits = named && !strcmp(named, contract_uid);
		else
			fits = true;
		if (!fits)
			continue;
		if (++matches == 1) {
			snprintf(out, SYNC_ID_LEN, "%s", id);
			*have = store_col_dup(s, 1);
		}
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire l'état de synchronisation", e) != 0)
		return -1;
	if (matches != 1) {
		out[0] = '\0';
		free(*have);
		*have = NULL;
	}
	return 0;
}

/* Has the peer's "have" (origin/contract:number,…) got this entry? */
static bool has_entry(const char *have, const char *origin,
		      const char *contract, long long number)
{
	char key[2 * SYNC_ID_LEN + 2];
	const char *p;
	size_t n;

	if (!have)
		return false;
	n = (size_t)snprintf(key, sizeof key, "%s/%s:", origin, contract);
	for (p = strstr(have, key); p; p = strstr(p + 1, key))
		if (p == have || p[-1] == ',')
			return strtoll(p + n, NULL, 10) >= number;
	return false;
}

int store_sync_outgoing(struct store *st, const char *peer,
			const char *contract_uid, const char *scope, bool all,
			struct sync_file *f, struct err *e)
{
	char to[SYNC_ID_LEN];
	char *have = NULL;
	sqlite3_stmt *s;
	long long after = 0;
	size_t cap_e = 0, cap_c = 0, cap_h = 0;
	int rc;

	sync_file_init(f);
	if (sync_meta_load(st, e) != 0)
		return -1;
	/* a copy of the file writes under an id of its own */
	if (store_begin(st, e) != 0)
		return -1;
	if (sync_identity(st, e) != 0 || store_commit(st, e) != 0) {
		store_rollback(st);
		return -1;
	}
	if (!all) {
		if (!(s = store_stmt(st, "SELECT sent_seq FROM sync_peer WHERE"
				     " name = :p", e)))
			return -1;
		store_bind_text(s, ":p", peer);
		if (sqlite3_step(s) == SQLITE_ROW)
			after = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	if (peer_db(st, peer, contract_uid, to, &have, e) != 0)
		return -1;
	snprintf(f->source, SYNC_ID_LEN, "%s", st->sync->self);
	f->label = xstrdup(store_author(st));
	f->created = xmalloc(32);
	store_now(f->created);
	f->scope = xstrdup(scope);
	f->first = after + 1;
	/* the next file for this peer starts after the whole log as it is */
	if (!(s = store_stmt(st, "SELECT ifnull(max(seq), 0) FROM sync_change",
			     e)))
		goto fail;
	if (sqlite3_step(s) == SQLITE_ROW)
		f->last = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (contract_uid) {
		if (!(s = store_stmt(st, "SELECT identifier FROM contract WHERE"
				     " uid = :c", e)))
			goto fail;
		store_bind_text(s, ":c", contract_uid);
		if (sqlite3_step(s) == SQLITE_ROW)
			add_contract(f, &cap_c, contract_uid,
				     (const char *)sqlite3_column_text(s, 0));
		sqlite3_reset(s);
	}
	/* what came after the last file for this peer; and, when the peer
	 * is known by the files it sent, whatever it had not received then
	 * (a file lost on the way is sent again), but what it made */
	s = store_stmt(st, "SELECT x.origin, x.contract_uid, x.number, x.stamp,"
		       " x.rows, x.at, x.author, x.deps, x.changeset,"
		       " c.identifier, x.seq FROM sync_change x JOIN contract c"
		       " ON c.uid = x.contract_uid WHERE (x.seq > :after OR"
		       " :known) AND (:c IS NULL OR x.contract_uid = :c)"
		       " AND x.origin <> :to ORDER BY x.seq", e);
	if (!s)
		goto fail;
	store_bind_int(s, ":after", after);
	store_bind_int(s, ":known", to[0] && !all);
	store_bind_text(s, ":to", to);
	store_bind_text(s, ":c", contract_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sync_entry *x;
		int size = sqlite3_column_bytes(s, 8);

		if (to[0] && !all &&
		    has_entry(have, (const char *)sqlite3_column_text(s, 0),
			      (const char *)sqlite3_column_text(s, 1),
			      sqlite3_column_int64(s, 2)))
			continue;

		f->entries = xgrow(f->entries, &cap_e, f->n_entries + 1,
				   sizeof *f->entries);
		x = &f->entries[f->n_entries++];
		memset(x, 0, sizeof *x);
		store_col_uid(x->origin, s, 0);
		store_col_uid(x->contract_uid, s, 1);
		x->number = sqlite3_column_int64(s, 2);
		x->stamp = sqlite3_column_int64(s, 3);
		x->rows = sqlite3_column_int64(s, 4);
		x->at = store_col_dup(s, 5);
		x->author = store_col_dup(s, 6);
		x->deps = store_col_dup(s, 7);
		if (!x->deps)
			x->deps = xstrdup("");
		x->size = (size_t)size;
		x->blob = xmalloc(size ? (size_t)size : 1);
		if (size)
			memcpy(x->blob, sqlite3_column_blob(s, 8), (size_t)size);
		add_contract(f, &cap_c, x->contract_uid,
			     (const char *)sqlite3_column_text(s, 9));
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les changements à synchroniser", e) != 0)
		goto fail;
	s = store_stmt(st, "SELECT origin, contract_uid, number FROM"
		       " sync_vector WHERE (:c IS NULL OR contract_uid = :c)"
		       " ORDER BY 1, 2", e);
	if (!s)
		goto fail;
	store_bind_text(s, ":c", contract_uid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sync_have *h;

		f->have = xgrow(f->have, &cap_h, f->n_have + 1, sizeof *h);
		h = &f->have[f->n_have++];
		store_col_uid(h->origin, s, 0);
		store_col_uid(h->contract_uid, s, 1);
		h->number = sqlite3_column_int64(s, 2);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les changements à synchroniser", e) != 0)
		goto fail;
	free(have);
	return 0;
fail:
	free(have);
	sync_file_release(f);
	return -1;
}

int store_sync_sent(struct store *st, const char *peer,
		    const struct sync_file *f, const char *file,
		    struct err *e)
{
	sqlite3_stmt *s;
	char now[32];

	if (store_begin(st, e) != 0)
		return -1;
	s = store_stmt(st, "INSERT INTO sync_peer (name, sent_seq, exported_at,"
		       " entries, file) VALUES (:p, :seq, :now, :n, :f)"
		       " ON CONFLICT (name) DO UPDATE SET sent_seq ="
		       " max(sent_seq, excluded.sent_seq), exported_at ="
		       " excluded.exported_at, entries = excluded.entries,"
		       " file = excluded.file", e);
	if (!s) {
		store_rollback(st);
		return -1;
	}
	store_now(now);
	store_bind_text(s, ":p", peer);
	store_bind_int(s, ":seq", f->last);
	store_bind_text(s, ":now", now);
	store_bind_int(s, ":n", (long long)f->n_entries);
	store_bind_text(s, ":f", file);
	if (store_exec_stmt(st, s, e) != 0 || store_commit(st, e) != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

static long long count_of(struct store *st, const char *sql, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	long long n = -1;

	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

/* Of a source's "have" (origin/contract:number,…), how many of our
 * entries it had applied; and how many we have of the contracts it
 * follows (those its have or its file named: `contracts`, uids
 * ","-joined). */
static int source_has(struct store *st, const char *have,
		      const char *contracts, const char *self,
		      struct sync_source_seen *o, struct err *e)
{
	struct strbuf seen;
	const char *p = have;
	sqlite3_stmt *s;

	o->has_of_ours = o->ours = 0;
	strbuf_init(&seen);
	strbuf_addf(&seen, ",%s,", contracts ? contracts : "");
	while (p && *p) {
		char origin[SYNC_ID_LEN], contract[SYNC_ID_LEN];
		long long n;
		const char *next = strchr(p, ',');

		if (sscanf(p, "%32[0-9a-f]/%32[0-9a-f]:%lld", origin, contract,
			   &n) == 3) {
			if (!strcmp(origin, self))
				o->has_of_ours += n;
			if (!strstr(seen.buf, contract))
				strbuf_addf(&seen, "%s,", contract);
		}
		p = next ? next + 1 : NULL;
	}
	s = store_stmt(st, "SELECT contract_uid, number FROM sync_vector"
		       " WHERE origin = :o", e);
	if (!s) {
		strbuf_release(&seen);
		return -1;
	}
	store_bind_text(s, ":o", self);
	while (sqlite3_step(s) == SQLITE_ROW) {
		char key[SYNC_ID_LEN + 2];

		snprintf(key, sizeof key, ",%s,",
			 (const char *)sqlite3_column_text(s, 0));
		if (strstr(seen.buf, key))
			o->ours += sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	strbuf_release(&seen);
	return 0;
}

int store_sync_status(struct store *st, struct sync_status *out,
		      struct err *e)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (sync_meta_load(st, e) != 0)
		return -1;
	snprintf(out->db_id, SYNC_ID_LEN, "%s", st->sync->self);
	if ((out->entries = count_of(st, "SELECT count(*) FROM sync_change",
				     e)) < 0 ||
	    (out->pending = count_of(st, "SELECT count(*) FROM sync_change"
				     " WHERE NOT applied", e)) < 0 ||
	    (out->local_entries = count_of(st, "SELECT count(*) FROM"
					   " sync_change WHERE received_at IS"
					   " NULL", e)) < 0 ||
	    (out->conflicts_open = count_of(st, "SELECT count(*) FROM"
					    " sync_conflict WHERE reviewed_at"
					    " IS NULL", e)) < 0)
		goto fail;
	if (!(s = store_stmt(st, "SELECT name, exported_at, file, entries,"
			     " sent_seq FROM sync_peer ORDER BY exported_at"
			     " DESC", e)))
		goto fail;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sync_peer_sent *p;

		out->peers = xgrow(out->peers, &cap, out->n_peers + 1,
				   sizeof *p);
		p = &out->peers[out->n_peers++];
		p->name = store_col_dup(s, 0);
		p->exported_at = store_col_dup(s, 1);
		p->file = store_col_dup(s, 2);
		p->entries = sqlite3_column_int64(s, 3);
		p->last_seq = sqlite3_column_int64(s, 4);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire l'état de synchronisation", e) != 0)
		goto fail;
	cap = 0;
	if (!(s = store_stmt(st, "SELECT db_id, label, imported_at, file,"
			     " created, have, contracts FROM sync_source"
			     " ORDER BY imported_at DESC", e)))
		goto fail;
	{
		char **haves = NULL, **named = NULL;
		size_t cap_n = 0;
		size_t cap_h = 0, n_h = 0;

		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			struct sync_source_seen *o;

			out->sources = xgrow(out->sources, &cap,
					     out->n_sources + 1, sizeof *o);
			o = &out->sources[out->n_sources++];
			memset(o, 0, sizeof *o);
			store_col_uid(o->db_id, s, 0);
			o->label = store_col_dup(s, 1);
			o->imported_at = store_col_dup(s, 2);
			o->file = store_col_dup(s, 3);
			o->created = store_col_dup(s, 4);
			haves = xgrow(haves, &cap_h, n_h + 1, sizeof *haves);
			named = xgrow(named, &cap_n, n_h + 1, sizeof *named);
			named[n_h] = store_col_dup(s, 6);
			haves[n_h++] = store_col_dup(s, 5);
		}
		sqlite3_reset(s);
		if (store_done(st, rc, "lire l'état de synchronisation", e) == 0)
			rc = 0;
		else
			rc = -1;
		for (size_t i = 0; i < n_h; i++) {
			if (rc == 0)
				rc = source_has(st, haves[i], named[i],
						st->sync->self, &out->sources[i],
						e);
			free(haves[i]);
			free(named[i]);
		}
		free(haves);
		free(named);
		if (rc != 0)
			goto fail;
	}
	return 0;
fail:
	sync_status_release(out);
	return -1;
}

void sync_status_release(struct sync_status *s)
{
	for (size_t i = 0; i < s->n_peers; i++) {
		free(s->peers[i].name);
		free(s->peers[i].exported_at);
		free(s->peers[i].file);
	}
	free(s->peers);
	for (size_t i = 0; i < s->n_sources; i++) {
		free(s->sources[i].label);
		free(s->sources[i].imported_at);
		free(s->sources[i].file);
		free(s->sources[i].created);
	}
	free(s->sources);
	memset(s, 0, sizeof *s);
}

/* The record a conflict is about, as its parts ("code|period|…"): what
 * the words are made of (model/sync.c says them). NULL when it is gone. */
#define WHAT_SQL                                                              \
	"CASE x.tbl"                                                          \
	" WHEN 'measurement' THEN (SELECT i.code || '|' || m.period || '|' ||"\
	"  m.criticality FROM measurement m JOIN indicator i"                 \
	"  ON i.uid = m.indicator_uid WHERE m.uid = x.pk)"                    \
	" WHEN 'target' THEN (SELECT i.code || '|' || t.year || '|' ||"       \
	"  t.criticality FROM target t JOIN indicator i"                      \
	"  ON i.uid = t.indicator_uid WHERE t.uid = x.pk)"                    \
	" WHEN 'indicator_choice' THEN (SELECT i.code FROM indicator i"       \
	"  WHERE i.uid = x.pk)"                                               \
	" WHEN 'request' THEN (SELECT object FROM request WHERE uid = x.pk)"  \
	" WHEN 'exceptional_request' THEN (SELECT r.object FROM"              \
	"  exceptional_request e JOIN request r ON r.uid = e.request_uid"     \
	"  WHERE e.uid = x.pk)"                                               \
	" WHEN 'dispute' THEN (SELECT object FROM dispute WHERE uid = x.pk)"  \
	" WHEN 'arbitration_step' THEN (SELECT d.object || '|' || s.level"    \
	"  FROM arbitration_step s JOIN dispute d ON d.uid = s.dispute_uid"   \
	"  WHERE s.uid = x.pk)"                                               \
	" WHEN 'meeting' THEN (SELECT held_on FROM meeting WHERE uid = x.pk)" \
	" WHEN 'meeting_attendee' THEN (SELECT m.held_on || '|' || a.name"    \
	"  FROM meeting_attendee a JOIN meeting m ON m.uid = a.meeting_uid"   \
	"  WHERE a.uid = x.pk)"                                               \
	" WHEN 'decision' THEN (SELECT m.held_on || '|' || d.position"        \
	"  FROM decision d JOIN meeting m ON m.uid = d.meeting_uid"           \
	"  WHERE d.uid = x.pk)"                                               \
	" WHEN 'action_item' THEN (SELECT m.held_on || '|' || a.what"         \
	"  FROM action_item a JOIN meeting m ON m.uid = a.meeting_uid"        \
	"  WHERE a.uid = x.pk)"                                               \
	" WHEN 'observation' THEN (SELECT d.code || '|' || o.year || '|' ||"  \
	"  ifnull(o.party, '') FROM observation o JOIN domain d"              \
	"  ON d.uid = o.domain_uid WHERE o.uid = x.pk)"                       \
	" WHEN 'evaluation_record' THEN (SELECT year FROM evaluation_record"  \
	"  WHERE uid = x.pk)"                                                 \
	" END"

int store_sync_conflicts(struct store *st, const char *contract_uid,
			 bool all, struct sync_conflict **out, size_t *n,
			 struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT x.id, x.noted_at, c.identifier, cm.name, x.tbl, x.pk,"
		" x.kind, " WHAT_SQL ", x.kept, x.kept_by, x.kept_at, x.lost,"
		" x.lost_by, x.lost_at, x.reviewed_at FROM sync_conflict x"
		" JOIN contract c ON c.uid = x.contract_uid"
		" JOIN commune cm ON cm.uid = c.commune_uid"
		" WHERE (:c IS NULL OR x.contract_uid = :c)"
		" AND (:all OR x.reviewed_at IS NULL) ORDER BY x.id DESC", e);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_int(s, ":all", all);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sync_conflict *x;

		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		x = &(*out)[(*n)++];
		x->id = sqlite3_column_int64(s, 0);
		x->noted_at = store_col_dup(s, 1);
		x->contract = store_col_dup(s, 2);
		x->commune = store_col_dup(s, 3);
		x->table = store_col_dup(s, 4);
		x->pk = store_col_dup(s, 5);
		x->kind = store_col_dup(s, 6);
		x->what = store_col_dup(s, 7);
		x->kept = store_col_dup(s, 8);
		x->kept_by = store_col_dup(s, 9);
		x->kept_at = store_col_dup(s, 10);
		x->lost = store_col_dup(s, 11);
		x->lost_by = store_col_dup(s, 12);
		x->lost_at = store_col_dup(s, 13);
		x->reviewed_at = store_col_dup(s, 14);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire les conflits de synchronisation", e) != 0) {
		sync_conflicts_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void sync_conflicts_free(struct sync_conflict *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].noted_at);
		free(v[i].contract);
		free(v[i].commune);
		free(v[i].table);
		free(v[i].pk);
		free(v[i].kind);
		free(v[i].what);
		free(v[i].kept);
		free(v[i].kept_by);
		free(v[i].kept_at);
		free(v[i].lost);
		free(v[i].lost_by);
		free(v[i].lost_at);
		free(v[i].reviewed_at);
	}
	free(v);
}

int store_sync_conflict_reviewed(struct store *st, long long id,
				 const char *contract_uid, long long *marked,
				 struct err *e)
{
	sqlite3_stmt *s;
	char now[32];

	*marked = 0;
	if (store_begin(st, e) != 0)
		return -1;
	s = store_stmt(st, "UPDATE sync_conflict SET reviewed_at = :now"
		       " WHERE reviewed_at IS NULL AND (:id = 0 OR id = :id)"
		       " AND (:c IS NULL OR contract_uid = :c)", e);
	if (!s) {
		store_rollback(st);
		return -1;
	}
	store_now(now);
	store_bind_text(s, ":now", now);
	store_bind_int(s, ":id", id);
	store_bind_text(s, ":c", contract_uid);
	if (store_exec_stmt(st, s, e) != 0) {
		store_rollback(st);
		return -1;
	}
	*marked = sqlite3_changes(st->db);
	if (store_commit(st, e) != 0)
		return -1;
	if (id && !*marked) {
		err_set(e, ERR_NOTFOUND, "pas de conflit n°%lld à examiner", id);
		return -1;
	}
	return 0;
}
