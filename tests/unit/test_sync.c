/*
 * Sync files (issue 19): two and three databases, random operations on
 * each (values, comments, targets, clears, undos, requests, disputes and
 * steps, meetings, decisions, actions, observations), files exchanged in
 * random orders, twice, late: every database ends with the same content,
 * and every value acknowledged on any of them is there or in the
 * history. Conflicts on values, comments, a record deleted on one side
 * and changed on the other. Damaged, truncated, foreign, future and
 * unknown-contract files refused, the database unchanged.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/store_tx.h"
#include "suivi/contract.h"
#include "suivi/contract_file.h"
#include "suivi/meeting.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_dispute.h"
#include "suivi/store_measurement.h"
#include "suivi/store_meeting.h"
#include "suivi/store_observation.h"
#include "suivi/store_request.h"
#include "suivi/store_sync.h"
#include "suivi/sync.h"
#include "suivi/sync_file.h"
#include "suivi/value.h"

static const char *const bundled[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
};

struct node {
	char *path;
	struct store *st;
	char haillan[STORE_UID_LEN];
	char ind[4][STORE_UID_LEN];	/* hours indicators of Le Haillan */
	char nsi[STORE_UID_LEN];
	char id[SYNC_ID_LEN];
};

static const char *const codes[4] = { "4.1.1", "4.1.2", "3.3.1", "2.1.1" };

static void node_open(struct node *n, const char *name, int order)
{
	struct err e;

	n->path = t_path(name);
	cr_assert_eq(store_open(n->path, STORE_WRITE, &n->st, &e), 0, "%s",
		     e.msg);
	if (order) {
		t_import(n->st, bundled[1]);
		t_import(n->st, bundled[0]);
	} else {
		t_import(n->st, bundled[0]);
		t_import(n->st, bundled[1]);
	}
	t_import(n->st, bundled[2]);
	store_set_author(n->st, name);
	cr_assert_eq(store_contract_find(n->st, "Le Haillan", n->haillan, &e),
		     0, "%s", e.msg);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(store_indicator_by_code(n->st, n->haillan, codes[i],
						     "2026-01-01", n->ind[i], &e),
			     0, "%s: %s", codes[i], e.msg);
	cr_assert_eq(store_domain_uid(n->st, n->haillan, "nsi", n->nsi, &e), 0,
		     "%s", e.msg);
}

static __attribute__((unused)) void node_close(struct node *n)
{
	store_close(n->st);
	free(n->path);
}

/* xorshift64*: reproducible per seed. */
static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

/* Every value acknowledged anywhere: indicator index, period, value. */
struct acked {
	int ind;
	char period[8];
	double num;
};
static struct acked acked[4096];
static size_t n_acked;

/* A record of the contract, by query (the test reads the database). */
static bool pick_uid(struct node *n, const char *sql, char out[STORE_UID_LEN])
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int count = 0;
	bool found = false;

	cr_assert_eq(sqlite3_open_v2(n->path, &db, SQLITE_OPEN_READONLY, NULL),
		     SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK,
		     "%s", sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW)
		count++;
	sqlite3_reset(s);
	if (count) {
		int k = (int)rnd((unsigned)count);

		while (sqlite3_step(s) == SQLITE_ROW)
			if (k-- == 0) {
				snprintf(out, STORE_UID_LEN, "%s",
					 (const char *)sqlite3_column_text(s, 0));
				found = true;
				break;
			}
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return found;
}

static void random_op(struct node *n)
{
	struct err e;
	char period[8], uid[STORE_UID_LEN];
	int ind = (int)rnd(4);
	unsigned op = rnd(14);

	snprintf(period, sizeof period, "2026-0%u", 1 + rnd(3));
	switch (op) {
	case 0:
	case 1:
	case 2: {
		struct value v = { .has_num = true, .num = 1 + rnd(6) };

		if (store_measurement_set(n->st, n->ind[ind], period, NULL, &v,
					  false, NULL, &e) == 0) {
			cr_assert_lt(n_acked, sizeof acked / sizeof *acked);
			acked[n_acked].ind = ind;
			snprintf(acked[n_acked].period, 8, "%s", period);
			acked[n_acked++].num = v.num;
		}
		break;
	}
	case 3:
		(void)store_measurement_clear(n->st, n->ind[ind], period, NULL,
					      NULL, &e);
		break;
	case 4: {
		static const char *const words[] = { "vu", "à revoir", NULL };

		(void)store_measurement_comment(n->st, n->ind[ind], period, NULL,
						words[rnd(3)], &e);
		break;
	}
	case 5: {
		/* a change, then its undo */
		struct value v = { .has_num = true, .num = 10 + rnd(3) };
		struct measurement_before b = { 0 };

		if (store_measurement_set(n->st, n->ind[ind], period, NULL, &v,
					  false, &b, &e) == 0) {
			acked[n_acked].ind = ind;
			snprintf(acked[n_acked].period, 8, "%s", period);
			acked[n_acked++].num = v.num;
			(void)store_measurement_restore(n->st, n->ind[ind],
							period, NULL, &b, &e);
		}
		store_measurement_before_release(&b);
		break;
	}
	case 6: {
		struct value v = { .has_num = true, .num = rnd(2) ? 4 : 8 };

		(void)store_target_set(n->st, n->ind[ind], 2026, NULL,
				       rnd(3) ? &v : NULL, -1, &e);
		break;
	}
	case 7: {
		static const char *const objects[] = {
			"Imprimante du 2e étage", "Badge perdu", "Wifi école",
		};
		struct request_input in = {
			.kind = REQUEST_ORDINARY, .form = "email",
			.domain_uid = n->nsi, .nature = "incident",
			.criticality = "mineure", .object = objects[rnd(3)],
			.received_at = "2026-02-03 10:00",
		};

		(void)store_request_add(n->st, n->haillan, &in, uid, &e);
		break;
	}
	case 8:
		if (pick_uid(n, "SELECT uid FROM request ORDER BY uid", uid)) {
			struct request_input in = {
				.kind = REQUEST_ORDINARY, .form = "phone",
				.domain_uid = n->nsi, .nature = "demand",
				.object = rnd(2) ? "Objet corrigé" : "Autre objet",
				.received_at = "2026-02-04 09:00",
				.resolved_at = rnd(2) ? "2026-02-05 09:00" : NULL,
			};

			(void)store_request_update(n->st, uid, &in, &e);
		}
		break;
	case 9: {
		struct meeting_input in = { .kind = MEETING_FOLLOW_UP,
					    .held_on = "2026-03-10",
					    .place = rnd(2) ? "Mairie" : NULL };

		(void)store_meeting_create(n->st, n->haillan, &in, uid, &e);
		break;
	}
	case 10:
		if (pick_uid(n, "SELECT uid FROM meeting WHERE status IN"
			     " ('planned', 'open') ORDER BY uid", uid)) {
			char d[STORE_UID_LEN];

			if (rnd(2))
				(void)store_meeting_add_decision(
					n->st, uid, rnd(2) ? "Décision A"
							   : "Décision B",
					d, &e);
			else {
				struct action_input a = { .what = "Relancer" };

				(void)store_meeting_add_action(n->st, uid, &a, d,
							       &e);
			}
		}
		break;
	case 11:
		if (pick_uid(n, "SELECT d.uid FROM decision d JOIN meeting m"
			     " ON m.uid = d.meeting_uid WHERE m.status IN"
			     " ('planned', 'open') ORDER BY d.uid", uid))
			(void)store_meeting_delete_decision(n->st, uid, NULL, &e);
		break;
	case 12: {
		static const char *const texts[] = { "Bon suivi.", "À suivre.",
						     "" };

		enum obs_party party = rnd(2) ? OBS_COMMUNE : OBS_METROPOLE;

		(void)store_observation_set_by(n->st, n->nsi, 2025, party,
					       texts[rnd(3)], &e);
		break;
	}
	case 13:
		if (rnd(2) || !pick_uid(n, "SELECT uid FROM dispute WHERE"
					" closed_on IS NULL ORDER BY uid", uid)) {
			struct dispute_input in = {
				.opened_on = "2026-02-01", .object = "Délai",
				.nature = DISPUTE_PROGRAMMING,
				.domain_uid = n->nsi,
			};

			(void)store_dispute_open(n->st, n->haillan, &in, uid, &e);
		} else {
			struct step_input s = { .held_on = "2026-02-10",
						.outcome = OUTCOME_ESCALATED };

			(void)store_dispute_add_step(n->st, uid, &s, &e);
		}
		break;
	}
}

/* Every synced table's rows, sorted: what must be equal everywhere. */
static const char *const tables[] = {
	"request", "exceptional_request", "request_change", "dispute",
	"dispute_request", "arbitration_step", "dispute_change", "meeting",
	"meeting_attendee", "decision", "action_item", "meeting_change",
	"indicator_choice", "target", "measurement", "measurement_history",
	"observation", "evaluation_record",
};

static char *content(const char *path)
{
	sqlite3 *db;
	size_t cap = 1 << 14, len = 0;
	char *out = malloc(cap);

	out[0] = '\0';
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
		     SQLITE_OK);
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		char sql[256];
		sqlite3_stmt *s;

		snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY 1, 2",
			 tables[t]);
		cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL),
			     SQLITE_OK, "%s", sqlite3_errmsg(db));
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(s); c++) {
				const char *v = (const char *)sqlite3_column_text(s, c);
				size_t n = strlen(tables[t]) + (v ? strlen(v) : 4) + 4;

				while (len + n + 2 > cap)
					out = realloc(out, cap *= 2);
				len += (size_t)sprintf(out + len, "%s%s%s",
						       c ? "|" : tables[t],
						       c ? "" : ":",
						       v ? v : "NULL");
			}
			out[len++] = '\n';
			out[len] = '\0';
		}
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return out;
}

static int file_no;

/* from writes a file for to (peer named after it), kept in *kept. */
static char *write_for(struct node *from, struct node *to, bool all)
{
	struct sync_export_opts o = { 0 };
	struct sync_export_result r;
	struct err e;
	char name[32];
	char *path;

	snprintf(name, sizeof name, "f%d.sync", file_no++);
	path = t_path(name);
	o.path = path;
	cr_assert_eq(store_sync_id(to->st, to->id, &e), 0);
	o.peer = to->id;
	o.all = all;
	cr_assert_eq(sync_export(from->st, &o, &r, &e), 0, "%s", e.msg);
	sync_export_result_release(&r);
	return path;
}

static void apply(struct node *to, const char *file)
{
	struct sync_receipt r;
	struct err e;

	cr_assert_eq(sync_import(to->st, file, &r, &e), 0, "%s: %s", file,
		     e.msg);

}

static void check_converged(struct node *n, size_t count)
{
	char *first = content(n[0].path);

	for (size_t i = 1; i < count; i++) {
		char *other = content(n[i].path);

		if (strcmp(first, other) != 0) {
			/* the first difference, for the report */
			size_t k = 0;

			while (first[k] && first[k] == other[k])
				k++;
			while (k > 0 && first[k - 1] != '\n')
				k--;
			cr_assert_fail("database %zu differs from database 0 at:"
				       "\n%.300s\n---\n%.300s", i, first + k,
				       other + k);
		}
		free(other);
	}
	free(first);
}

/* Each value acknowledged anywhere is the cell's value or in its
 * history, on every database. */
static void check_acked(struct node *n, size_t count)
{
	for (size_t d = 0; d < count; d++) {
		sqlite3 *db;
		sqlite3_stmt *s;

		cr_assert_eq(sqlite3_open_v2(n[d].path, &db,
					     SQLITE_OPEN_READONLY, NULL),
			     SQLITE_OK);
		cr_assert_eq(sqlite3_prepare_v2(db,
			"SELECT (SELECT count(*) FROM measurement m WHERE"
			" m.indicator_uid = ?1 AND m.period = ?2 AND m.num = ?3)"
			" + (SELECT count(*) FROM measurement_history h JOIN"
			" measurement m ON m.uid = h.measurement_uid WHERE"
			" m.indicator_uid = ?1 AND m.period = ?2 AND h.num = ?3)",
			-1, &s, NULL), SQLITE_OK);
		for (size_t i = 0; i < n_acked; i++) {
			sqlite3_reset(s);
			sqlite3_bind_text(s, 1, n[d].ind[acked[i].ind], -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(s, 2, acked[i].period, -1,
					  SQLITE_STATIC);
			sqlite3_bind_double(s, 3, acked[i].num);
			cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
			cr_assert_gt(sqlite3_column_int(s, 0), 0,
				     "value %g of %s %s lost on database %zu",
				     acked[i].num, codes[acked[i].ind],
				     acked[i].period, d);
		}
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
}

static void run_seed(unsigned long long seed, size_t count, int rounds)
{
	struct node n[3];
	char *late[64];
	size_t late_to[64], n_late = 0;
	char name[16];

	setlocale(LC_CTYPE, "C.UTF-8");
	rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
	n_acked = 0;
	for (size_t i = 0; i < count; i++) {
		snprintf(name, sizeof name, "s%llu-%zu.db", seed, i);
		node_open(&n[i], name, (int)i % 2);
	}
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < 6; k++)
			random_op(&n[rnd((unsigned)count)]);
		if (rnd(3) == 0) {
			size_t a = rnd((unsigned)count), b = rnd((unsigned)count);
			char *f;

			if (a == b)
				continue;
			f = write_for(&n[a], &n[b], rnd(8) == 0);
			if (rnd(10) == 0) {
				free(f);	/* lost on the way */
			} else if (rnd(4) == 0 && n_late < 64) {
				late[n_late] = f;	/* applied later */
				late_to[n_late++] = b;
			} else {
				apply(&n[b], f);
				if (rnd(4) == 0)
					apply(&n[b], f);	/* twice */
				if (rnd(3) == 0 && n_late < 64) {
					late[n_late] = f;	/* again, late */
					late_to[n_late++] = b;
				} else {
					free(f);
				}
			}
		}
		if (n_late && rnd(5) == 0) {
			size_t k = rnd((unsigned)n_late);

			apply(&n[late_to[k]], late[k]);
			free(late[k]);
			late_to[k] = late_to[n_late - 1];
			late[k] = late[--n_late];
		}
	}
	/* the late ones, newest first, then everyone tells everyone: the
	 * first round tells each what the others have, the next ones send
	 * again what was lost */
	while (n_late) {
		n_late--;
		apply(&n[late_to[n_late]], late[n_late]);
		free(late[n_late]);
	}
	for (int pass = 0; pass < 3; pass++)
		for (size_t a = 0; a < count; a++)
			for (size_t b = 0; b < count; b++) {
				char *f;

				if (a == b)
					continue;
				f = write_for(&n[a], &n[b], false);
				apply(&n[b], f);
				free(f);
			}
	for (size_t i = 0; i < count; i++) {
		struct sync_status s;
		struct err e;

		cr_assert_eq(store_sync_status(n[i].st, &s, &e), 0, "%s", e.msg);
		cr_assert_eq(s.pending, 0, "database %zu: %lld entries waiting",
			     i, s.pending);
		sync_status_release(&s);
	}
	for (size_t i = 0; i < count; i++)
		store_close(n[i].st), n[i].st = NULL;
	check_converged(n, count);
	check_acked(n, count);
	for (size_t i = 0; i < count; i++)
		free(n[i].path);
}

/* SYNC_SEEDS=N runs N seeds of each (a longer search). */
static unsigned long long seeds(void)
{
	const char *n = getenv("SYNC_SEEDS");

	return n && atoi(n) > 0 ? (unsigned long long)atoi(n) : 4;
}

Test(sync, two_databases_converge, .timeout = 600)
{
	for (unsigned long long seed = 1; seed <= seeds(); seed++)
		run_seed(seed, 2, 40);
}

Test(sync, three_databases_converge, .timeout = 600)
{
	for (unsigned long long seed = 1001; seed <= 1000 + seeds(); seed++)
		run_seed(seed, 3, 40);
}

/* --- Conflicts, one by one ------------------------------------------- */

static void exchange(struct node *a, struct node *b)
{
	char *fa = write_for(a, b, false), *fb = write_for(b, a, false);

	apply(b, fa);
	apply(a, fb);
	free(fa);
	free(fb);
}

static struct sync_conflict *conflicts_of(struct node *n, size_t *count)
{
	struct sync_conflict *v;
	struct err e;

	cr_assert_eq(store_sync_conflicts(n->st, NULL, false, &v, count, &e), 0,
		     "%s", e.msg);
	return v;
}

static void pair(struct node n[2], const char *tag)
{
	char name[32];

	setlocale(LC_CTYPE, "C.UTF-8");
	snprintf(name, sizeof name, "%s-a.db", tag);
	node_open(&n[0], name, 0);
	snprintf(name, sizeof name, "%s-b.db", tag);
	node_open(&n[1], name, 1);
}

static double value_of(struct node *n, int ind, const char *period)
{
	struct measurement m;
	bool found;
	struct err e;
	double v;

	cr_assert_eq(store_measurement_get(n->st, n->ind[ind], period, NULL, &m,
					   &found, &e), 0, "%s", e.msg);
	cr_assert(found);
	v = m.value.num;
	store_measurement_release(&m);
	return v;
}

Test(sync, conflict_on_a_value_keeps_the_later_and_lists_the_other)
{
	struct node n[2];
	struct value v5 = { .has_num = true, .num = 5 },
		     v8 = { .has_num = true, .num = 8 },
		     v6 = { .has_num = true, .num = 6 };
	struct sync_conflict *c;
	size_t count;
	struct err e;
	char *kept, *lost, *what;

	pair(n, "value");
	cr_assert_eq(store_measurement_set(n[0].st, n[0].ind[0], "2026-03", NULL,
					   &v5, false, NULL, &e), 0, "%s", e.msg);
	exchange(&n[0], &n[1]);
	cr_assert_eq(value_of(&n[1], 0, "2026-03"), 5);
	/* both change it without knowing of the other: b's is the later */
	cr_assert_eq(store_measurement_set(n[0].st, n[0].ind[0], "2026-03", NULL,
					   &v8, false, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_set(n[1].st, n[1].ind[0], "2026-03", NULL,
					   &v6, false, NULL, &e), 0, "%s", e.msg);
	exchange(&n[0], &n[1]);
	cr_assert_eq(value_of(&n[0], 0, "2026-03"), 6);
	cr_assert_eq(value_of(&n[1], 0, "2026-03"), 6);
	for (int k = 0; k < 2; k++) {
		c = conflicts_of(&n[k], &count);
		cr_assert_eq(count, 1, "database %d: %zu conflicts", k, count);
		kept = sync_conflict_version(c[0].kept);
		lost = sync_conflict_version(c[0].lost);
		what = sync_conflict_what(&c[0]);
		cr_assert_str_eq(kept, "valeur : 6");
		cr_assert_str_eq(lost, "valeur : 8");
		cr_assert_str_eq(what, "valeur 4.1.1 de mars 2026");
		cr_assert_str_eq(sync_conflict_kind(&c[0]), "modifié des deux côtés");
		cr_assert_str_eq(c[0].kept_by, "value-b.db");
		cr_assert_str_eq(c[0].lost_by, "value-a.db");
		free(kept), free(lost), free(what);
		sync_conflicts_free(c, count);
	}
	/* the version set aside is in the history too */
	{
		struct measurement_event *h;
		size_t nh;
		bool eight = false;

		cr_assert_eq(store_measurement_history(n[1].st, n[1].ind[0],
						       "2026-03", NULL, &h, &nh,
						       &e), 0, "%s", e.msg);
		for (size_t i = 0; i < nh; i++)
			eight = eight || (h[i].value.has_num && h[i].value.num == 8);
		cr_assert(eight, "8 is not in the history");
		store_measurement_history_free(h, nh);
	}
	/* reviewed: no longer listed */
	{
		long long marked;

		cr_assert_eq(store_sync_conflict_reviewed(n[0].st, 0, NULL,
							  &marked, &e), 0);
		cr_assert_eq(marked, 1);
		c = conflicts_of(&n[0], &count);
		cr_assert_eq(count, 0);
		sync_conflicts_free(c, count);
		cr_assert_eq(store_sync_conflict_reviewed(n[0].st, 99, NULL,
							  &marked, &e), -1);
		cr_assert_eq(e.code, ERR_NOTFOUND);
	}
	store_close(n[0].st), store_close(n[1].st);
	free(n[0].path), free(n[1].path);
}

Test(sync, a_comment_on_one_side_and_a_value_on_the_other_both_stay)
{
	struct node n[2];
	struct value v5 = { .has_num = true, .num = 5 },
		     v7 = { .has_num = true, .num = 7 };
	struct measurement m;
	bool found;
	size_t count;
	struct sync_conflict *c;
	struct err e;

	pair(n, "comment");
	cr_assert_eq(store_measurement_set(n[0].st, n[0].ind[1], "2026-02", NULL,
					   &v5, false, NULL, &e), 0, "%s", e.msg);
	exchange(&n[0], &n[1]);
	cr_assert_eq(store_measurement_comment(n[0].st, n[0].ind[1], "2026-02",
					       NULL, "relevé manuel", &e), 0);
	cr_assert_eq(store_measurement_set(n[1].st, n[1].ind[1], "2026-02", NULL,
					   &v7, false, NULL, &e), 0);
	exchange(&n[0], &n[1]);
	for (int k = 0; k < 2; k++) {
		cr_assert_eq(store_measurement_get(n[k].st, n[k].ind[1],
						   "2026-02", NULL, &m, &found,
						   &e), 0);
		cr_assert_eq(m.value.num, 7);
		cr_assert_str_eq(m.comment, "relevé manuel");
		store_measurement_release(&m);
		/* different columns: nothing to review */
		c = conflicts_of(&n[k], &count);
		cr_assert_eq(count, 0);
		sync_conflicts_free(c, count);
	}
	/* now the comment on both sides */
	cr_assert_eq(store_measurement_comment(n[0].st, n[0].ind[1], "2026-02",
					       NULL, "version A", &e), 0);
	cr_assert_eq(store_measurement_comment(n[1].st, n[1].ind[1], "2026-02",
					       NULL, "version B", &e), 0);
	exchange(&n[0], &n[1]);
	for (int k = 0; k < 2; k++) {
		char *lost;

		cr_assert_eq(store_measurement_get(n[k].st, n[k].ind[1],
						   "2026-02", NULL, &m, &found,
						   &e), 0);
		cr_assert_str_eq(m.comment, "version B");
		store_measurement_release(&m);
		c = conflicts_of(&n[k], &count);
		cr_assert_eq(count, 1);
		lost = sync_conflict_version(c[0].lost);
		cr_assert_str_eq(lost, "commentaire : version A");
		free(lost);
		sync_conflicts_free(c, count);
	}
	store_close(n[0].st), store_close(n[1].st);
	free(n[0].path), free(n[1].path);
}

Test(sync, deleted_on_one_side_changed_on_the_other)
{
	struct node n[2];
	struct meeting_input in = { .kind = MEETING_FOLLOW_UP,
				    .held_on = "2026-03-10" };
	char meeting[STORE_UID_LEN], decision[STORE_UID_LEN];
	struct sync_conflict *c;
	size_t count;
	struct err e;

	pair(n, "deleted");
	cr_assert_eq(store_meeting_create(n[0].st, n[0].haillan, &in, meeting,
					  &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(n[0].st, meeting, "Acheter",
						decision, &e), 0, "%s", e.msg);
	exchange(&n[0], &n[1]);
	cr_assert_eq(store_meeting_delete_decision(n[0].st, decision, NULL, &e),
		     0, "%s", e.msg);
	cr_assert_eq(store_meeting_update_decision(n[1].st, decision,
						   "Acheter deux", NULL, &e),
		     0, "%s", e.msg);
	exchange(&n[0], &n[1]);
	for (int k = 0; k < 2; k++) {
		struct meeting m;
		char *lost, *kept;

		cr_assert_eq(store_meeting_get(n[k].st, meeting, "2026-12-01",
					       &m, &e), 0, "%s", e.msg);
		cr_assert_eq(m.n_decisions, 0, "database %d keeps it", k);
		store_meeting_release(&m);
		c = conflicts_of(&n[k], &count);
		cr_assert_eq(count, 1, "database %d: %zu", k, count);
		kept = sync_conflict_version(c[0].kept);
		lost = sync_conflict_version(c[0].lost);
		cr_assert_str_eq(kept, "(supprimé)");
		cr_assert(strstr(lost, "Acheter deux"), "%s", lost);
		cr_assert_str_eq(c[0].kind, k == 0 ? "deleted_changed"
						   : "changed_deleted");
		free(kept), free(lost);
		sync_conflicts_free(c, count);
	}
	store_close(n[0].st), store_close(n[1].st);
	free(n[0].path), free(n[1].path);
}

Test(sync, a_transaction_of_two_contracts_is_two_entries)
{
	struct node n[2];
	char bouscat[STORE_UID_LEN], ind[STORE_UID_LEN];
	struct value v = { .has_num = true, .num = 3 };
	struct sync_export_opts o = { 0 };
	struct sync_export_result r;
	struct sync_file f;
	struct err e;
	char *path = t_path("haillan-only.sync");

	pair(n, "two");
	cr_assert_eq(store_contract_find(n[0].st, "Le Bouscat", bouscat, &e), 0);
	cr_assert_eq(store_indicator_by_code(n[0].st, bouscat, "1.1.1",
					     "2026-01-01", ind, &e), 0, "%s", e.msg);
	cr_assert_eq(store_begin(n[0].st, &e), 0);
	cr_assert_eq(store_measurement_set(n[0].st, n[0].ind[0], "2026-01", NULL,
					   &v, false, NULL, &e), 0, "%s", e.msg);
	{
		struct value yes = { .has_num = true, .num = 1 };

		cr_assert_eq(store_measurement_set(n[0].st, ind, "2026", NULL,
						   &yes, false, NULL, &e),
			     0, "%s", e.msg);
	}
	cr_assert_eq(store_commit(n[0].st, &e), 0);
	o.path = path;
	o.commune = "Le Haillan";
	cr_assert_eq(sync_export(n[0].st, &o, &r, &e), 0, "%s", e.msg);
	cr_assert_eq(r.entries, 1);
	cr_assert_str_eq(r.peer, "33200-2017");
	sync_export_result_release(&r);
	cr_assert_eq(sync_file_read(path, &f, &e), 0, "%s", e.msg);
	cr_assert_eq(f.n_entries, 1);
	cr_assert_str_eq(f.entries[0].contract_uid, n[0].haillan);
	cr_assert_eq(f.entries[0].rows, 2);	/* the value and its history */
	cr_assert_eq(f.n_contracts, 1);
	cr_assert_str_eq(f.contracts[0].identifier, "33200-2017");
	sync_file_release(&f);
	/* the same again: nothing new for that peer */
	o.force = true;
	cr_assert_eq(sync_export(n[0].st, &o, &r, &e), 0, "%s", e.msg);
	cr_assert_eq(r.entries, 0);
	sync_export_result_release(&r);
	/* without --force the file is not written over */
	o.force = false;
	cr_assert_eq(sync_export(n[0].st, &o, &r, &e), -1);
	cr_assert_eq(e.code, ERR_EXISTS);
	cr_assert_eq(t_mode(path), 0600);
	store_close(n[0].st), store_close(n[1].st);
	free(n[0].path), free(n[1].path), free(path);
}

/* --- Files refused, the database unchanged --------------------------- */

static void refused(struct node *n, const char *file, int code,
		    const char *words)
{
	struct sync_receipt r;
	struct err e;
	char *copy = t_path("before.db");

	store_close(n->st);
	cr_assert_eq(t_copy(n->path, copy), 0);
	cr_assert_eq(store_open(n->path, STORE_WRITE, &n->st, &e), 0);
	cr_assert_eq(sync_import(n->st, file, &r, &e), -1, "%s accepted", file);
	cr_assert_eq(e.code, code, "%s: code %d: %s", file, e.code, e.msg);
	cr_assert(strstr(e.msg, words), "%s: « %s »", file, e.msg);
	store_close(n->st);
	cr_assert(t_same_bytes(n->path, copy), "%s changed the database", file);
	cr_assert_eq(store_open(n->path, STORE_WRITE, &n->st, &e), 0);
	free(copy);
}

Test(sync, bad_files_are_refused_and_change_nothing)
{
	struct node n[2], bouscat_only;
	struct value v = { .has_num = true, .num = 2 };
	struct err e;
	char *good, *bad = t_path("bad.sync");
	size_t len;
	unsigned char *bytes;
	FILE *fp;

	pair(n, "bad");
	cr_assert_eq(store_measurement_set(n[0].st, n[0].ind[0], "2026-01", NULL,
					   &v, false, NULL, &e), 0);
	good = write_for(&n[0], &n[1], false);
	bytes = (unsigned char *)t_read(good, &len);
	cr_assert_gt(len, 300);

	/* one byte changed in the middle */
	bytes[len / 2] ^= 0x20;
	fp = fopen(bad, "wb");
	fwrite(bytes, 1, len, fp);
	fclose(fp);
	refused(&n[1], bad, ERR_INPUT, "endommagé");
	bytes[len / 2] ^= 0x20;
	/* cut short */
	fp = fopen(bad, "wb");
	fwrite(bytes, 1, len - 40, fp);
	fclose(fp);
	refused(&n[1], bad, ERR_INPUT, "endommagé");
	fp = fopen(bad, "wb");
	fwrite(bytes, 1, 30, fp);
	fclose(fp);
	refused(&n[1], bad, ERR_INPUT, "endommagé");
	/* not a sync file */
	fp = fopen(bad, "wb");
	fputs("commune;reçue;objet\nLe Haillan;2026-01-01;x\n", fp);
	fclose(fp);
	refused(&n[1], bad, ERR_INPUT, "n'est pas un fichier de synchronisation");
	/* empty */
	fp = fopen(bad, "wb");
	fclose(fp);
	refused(&n[1], bad, ERR_INPUT, "n'est pas un fichier de synchronisation");
	/* from a newer suivi */
	fp = fopen(bad, "wb");
	fputs("suivi-sync 2\n", fp);
	fwrite(bytes + 13, 1, len - 13, fp);
	fclose(fp);
	refused(&n[1], bad, ERR_NEWER, "plus récent");
	/* written here */
	refused(&n[0], good, ERR_INPUT, "écrit par cette base-ci");
	/* of a contract this database lacks */
	setlocale(LC_CTYPE, "C.UTF-8");
	bouscat_only.path = t_path("bouscat-only.db");
	cr_assert_eq(store_open(bouscat_only.path, STORE_WRITE, &bouscat_only.st,
				&e), 0);
	t_import(bouscat_only.st, bundled[0]);
	refused(&bouscat_only, good, ERR_INPUT, "absent de cette base");
	cr_assert(strstr(e.msg, "") != NULL);
	/* a missing file */
	{
		struct sync_receipt r;

		cr_assert_eq(sync_import(n[1].st, "/nonexistent/x.sync", &r, &e),
			     -1);
		cr_assert_eq(e.code, ERR_NOTFOUND);
	}
	/* and the good one still applies */
	apply(&n[1], good);
	cr_assert_eq(value_of(&n[1], 0, "2026-01"), 2);
	free(bytes);
	free(good);
	free(bad);
	store_close(bouscat_only.st);
	free(bouscat_only.path);
	store_close(n[0].st), store_close(n[1].st);
	free(n[0].path), free(n[1].path);
}

Test(sync, a_file_about_an_amendment_this_database_lacks_is_refused)
{
	struct node n[2], plain;
	char bouscat[STORE_UID_LEN], ind[STORE_UID_LEN];
	struct value yes = { .has_num = true, .num = 1 };
	struct sync_receipt r;
	struct err e;
	char *f, *copy = t_path("plain-before.db");

	pair(n, "amend");
	cr_assert_eq(store_contract_find(n[0].st, "Le Bouscat", bouscat, &e), 0);
	cr_assert_eq(store_indicator_by_code(n[0].st, bouscat, "1.1.1",
					     "2026-01-01", ind, &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_set(n[0].st, ind, "2026", NULL, &yes,
					   false, NULL, &e), 0, "%s", e.msg);
	f = write_for(&n[0], &n[1], false);
	/* the same contracts but the amendment */
	plain.path = t_path("plain.db");
	cr_assert_eq(store_open(plain.path, STORE_WRITE, &plain.st, &e), 0);
	t_import(plain.st, bundled[0]);
	t_import(plain.st, bundled[1]);
	store_close(plain.st);
	cr_assert_eq(t_copy(plain.path, copy), 0);
	cr_assert_eq(store_open(plain.path, STORE_WRITE, &plain.st, &e), 0);
	cr_assert_eq(sync_import(plain.st, f, &r, &e), -1);
	cr_assert(strstr(e.msg, "avenant non importé ici"), "%s", e.msg);
	store_close(plain.st);
	cr_assert(t_same_bytes(plain.path, copy));
	free(f), free(copy), free(plain.path);
	store_close(n[0].st), store_close(n[1].st);
	free(n[0].path), free(n[1].path);
}

/* A copy of the file (cp, a backup put back, the file carried to start
 * the other laptop) is another database from its first write: the copy
 * and the original never number their changes alike. */
Test(sync, a_copy_of_the_file_is_another_database)
{
	struct node n[2], c;
	struct value v1 = { .has_num = true, .num = 1 },
		     v9 = { .has_num = true, .num = 9 },
		     v3 = { .has_num = true, .num = 3 };
	char id_a[SYNC_ID_LEN], id_c[SYNC_ID_LEN];
	struct err e;
	char *f;

	pair(n, "copy");
	cr_assert_eq(store_measurement_set(n[0].st, n[0].ind[0], "2026-01", NULL,
					   &v1, false, NULL, &e), 0, "%s", e.msg);
	exchange(&n[0], &n[1]);
	c = n[0];
	c.path = t_path("copy-c.db");
	cr_assert_eq(t_copy(n[0].path, c.path), 0);
	cr_assert_eq(store_open(c.path, STORE_WRITE, &c.st, &e), 0, "%s", e.msg);
	store_set_author(c.st, "copy-c.db");
	cr_assert_eq(store_measurement_set(c.st, c.ind[0], "2026-02", NULL, &v9,
					   false, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_measurement_set(n[0].st, n[0].ind[0], "2026-03", NULL,
					   &v3, false, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_sync_id(n[0].st, id_a, &e), 0);
	cr_assert_eq(store_sync_id(c.st, id_c, &e), 0);
	cr_assert_str_neq(id_a, id_c, "the copy kept the original's id");
	f = write_for(&c, &n[1], false);
	apply(&n[1], f);
	free(f);
	f = write_for(&n[0], &n[1], false);
	apply(&n[1], f);
	free(f);
	cr_assert_eq(value_of(&n[1], 0, "2026-02"), 9);
	cr_assert_eq(value_of(&n[1], 0, "2026-03"), 3);
	/* and the original takes the copy's changes as another's */
	f = write_for(&c, &n[0], false);
	apply(&n[0], f);
	free(f);
	cr_assert_eq(value_of(&n[0], 0, "2026-02"), 9);
	store_close(c.st);
	free(c.path);
	store_close(n[0].st), store_close(n[1].st);
	free(n[0].path), free(n[1].path);
}
