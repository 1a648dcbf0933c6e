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

static void import(struct store *st, const char *rel)
{
	char *path = t_top(rel);
	struct contract_doc *doc;
	struct diag_list d;
	enum import_outcome outcome;
	struct err e;

	diag_list_init(&d);
	cr_assert_eq(contract_file_read(path, &doc, &d), 0, "%s", path);
	cr_assert_eq(store_contract_import(st, doc, &outcome, &e), 0, "%s: %s",
		     path, e.msg);
	contract_doc_free(doc);
	diag_list_release(&d);
	free(path);
}

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
		import(n->st, bundled[1]);
		import(n->st, bundled[0]);
	} else {
		import(n->st, bundled[0]);
		import(n->st, bundled[1]);
	}
	import(n->st, bundled[2]);
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
