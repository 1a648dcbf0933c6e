/*
 * dispute_fix.c - corrections: a step changed or removed, a closure
 * changed, a dispute reopened (each with its reason, the sequence of
 * steps checked again), and the requests linked to a dispute.
 */
#include "dispute_internal.h"
#include "suivi/limits.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

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
			  const char *uid, const struct dispute_step_fields *f,
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
	    dispute_record_why(st, dispute_uid, what, before, after, reason, e) != 0 ||
	    (solution && dispute_reindex(st, e) != 0)) {
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
	struct dispute_step_fields f;
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
	if (dispute_check_step(in, in->level ? in->level : p->level, &f, e) != 0 ||
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
	dispute_step_text(d.nature, p->level, p->held_on, p->outcome, p->participants,
		  p->positions, p->notes, &before);
	dispute_step_text(d.nature, f.level, f.held, f.outcome, f.participants,
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
	dispute_step_fields_release(&f);
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
	dispute_step_text(d.nature, p->level, p->held_on, p->outcome, p->participants,
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
	struct dispute_instruction cur, m;
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
	if (dispute_opt(closed_on)) {
		if (dispute_parse_date(closed_on, "de clôture", on, e) != 0)
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
	if (dispute_closure_date_refused(&d, on, e))
		goto out;
	dispute_instruction_of(&d, &cur);
	if (!mayor) {
		kept = (struct instruction_input){ d.instruction,
						   d.instruction_by,
						   d.instruction_on };
		mayor = &kept;
	}
	if (dispute_check_instruction(&d, mayor, on, &m, e) != 0)
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
		const char *ta = dispute_instruction_part(&cur, k, da);
		const char *tb = dispute_instruction_part(&m, k, db);

		if (ta == tb || (ta && tb && !strcmp(ta, tb)))
			continue;
		strbuf_addf(&before, "%s%s : %s", before.len ? " · " : "",
			    dispute_instruction_word[k], ta ? ta : "(vide)");
		strbuf_addf(&after, "%s%s : %s", after.len ? " · " : "",
			    dispute_instruction_word[k], tb ? tb : "(vide)");
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
	dispute_bind_instruction(s, &m);
	store_bind_text(s, ":uid", dispute_uid);
	ret = write_change(st, s, dispute_uid, "close_update", before.buf,
			   after.buf, why, true, e);
out:
	store_dispute_release(&d);
out_strbuf:
	dispute_instruction_release(&cur);
	dispute_instruction_release(&m);
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
	struct dispute_instruction m;
	struct dispute_state open_state;
	struct strbuf before, after;
	char *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	strbuf_init(&before);
	strbuf_init(&after);
	if (closed_dispute(st, dispute_uid, reason, &d, &why, e) != 0)
		goto out_strbuf;
	dispute_instruction_of(&d, &m);
	dispute_closure_text(d.closed_on, d.solution, &m, &before);
	dispute_instruction_release(&m);
	open_state = d.state;
	open_state.closed = false;
	dispute_state_text(&open_state, &after);
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
	    dispute_record(st, dispute_uid, link ? "link" : "unlink",
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
