/*
 * dispute_write.c - a dispute opened or its fields changed, its
 * arbitration steps added, its closing: each checked against the
 * database and written with its dispute_change row in one transaction.
 */
#include "dispute_internal.h"
#include "suivi/limits.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

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
	if (dispute_parse_date(in->opened_on, "d'ouverture du litige", f->opened,
		       e) != 0)
		return -1;
	if (!(f->object = store_clean_text(in->object))) {
		err_set(e, ERR_INPUT, "l'objet du litige est obligatoire");
		return -1;
	}
	if (text_check(TEXT_LONG, "objet", f->object, e) != 0)
		return -1;
	f->domain_uid = dispute_opt(in->domain_uid);
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
	f->like_uid = dispute_opt(in->like_uid);
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

bool dispute_same(const char *a, const char *b)
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
		return dispute_same(a->object, b->object);
	case F_NATURE:
		return a->nature == b->nature;
	case F_DOMAIN:
		return dispute_same(a->domain_uid, b->domain_uid);
	case F_LIKE:
		return dispute_same(a->like_uid, b->like_uid);
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
	    dispute_record(st, uid, "open", NULL, after.buf, e) != 0 ||
	    dispute_reindex(st, e) != 0)
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
	    dispute_record(st, uid, "update", before.buf, after.buf, e) != 0 ||
	    dispute_reindex(st, e) != 0)
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
void dispute_state_text(const struct dispute_state *s, struct strbuf *sb)
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
void dispute_step_text(enum dispute_nature nature, int level,
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


void dispute_instruction_release(struct dispute_instruction *m)
{
	free(m->text);
	free(m->by);
	memset(m, 0, sizeof *m);
}

/* The parts of an instruction the history lists: [0] the text, [1] who,
 * [2] the date (JJ/MM/AAAA in day); NULL when not given. */
const char *const dispute_instruction_word[3] = {
	"instruction du Maire", "donnée par", "donnée le",
};

const char *dispute_instruction_part(const struct dispute_instruction *m, int k,
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
void dispute_instruction_text(const struct dispute_instruction *m, struct strbuf *sb)
{
	char day[DATE_ISO_LEN];

	for (int k = 0; k < 3; k++) {
		const char *t = dispute_instruction_part(m, k, day);

		if (t)
			strbuf_addf(sb, " · %s : %s", dispute_instruction_word[k], t);
	}
}

/* "clos le 12/03/2026 · solution : …" and the instruction, if any. */
void dispute_closure_text(const char *closed_on, const char *solution,
			 const struct dispute_instruction *m, struct strbuf *sb)
{
	char a[DATE_ISO_LEN];

	date_iso_fr(closed_on, a);
	strbuf_addf(sb, "clos le %s · solution : %s", a,
		    solution ? solution : "");
	if (m)
		dispute_instruction_text(m, sb);
}

/* The instruction recorded on d, as check_instruction gives it. */
void dispute_instruction_of(const struct dispute *d, struct dispute_instruction *m)
{
	memset(m, 0, sizeof *m);
	m->text = xstrdup_or_null(d->instruction);
	m->by = xstrdup_or_null(d->instruction_by);
	snprintf(m->on, sizeof m->on, "%s",
		 d->instruction_on ? d->instruction_on : "");
}

/* The first level-3 step of d (loaded with its steps), or NULL. */
const struct dispute_step *dispute_first_level3(const struct dispute *d)
{
	for (size_t i = 0; i < d->n_steps; i++)
		if (d->steps[i].level == ARBITRATION_LEVELS)
			return &d->steps[i];
	return NULL;
}

/* in (NULL: none given) checked for the closure of d on closed_on (ISO):
 * the rule (dispute_instruction_refusal), the texts, the date — not
 * before the first level-3 step nor after the closure. */
int dispute_check_instruction(const struct dispute *d,
			     const struct instruction_input *in,
			     const char *closed_on, struct dispute_instruction *m,
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
			rc = dispute_parse_date(on, "de l'instruction du Maire", m->on,
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
	if ((l3 = dispute_first_level3(d)) && strcmp(m->on, l3->held_on) < 0) {
		date_iso_fr(m->on, a);
		date_iso_fr(l3->held_on, b);
		err_set(e, ERR_INPUT, "l'instruction du Maire (%s) précède la "
			"première étape au niveau 3 (%s), où le Maire et le "
			"Président sont saisis", a, b);
		goto fail;
	}
	return 0;
fail:
	dispute_instruction_release(m);
	return -1;
}

void dispute_bind_instruction(sqlite3_stmt *s, const struct dispute_instruction *m)
{
	store_bind_text(s, ":instruction", m->text);
	store_bind_text(s, ":instruction_by", m->by);
	store_bind_text(s, ":instruction_on", m->on[0] ? m->on : NULL);
}


void dispute_step_fields_release(struct dispute_step_fields *f)
{
	free(f->participants);
	free(f->positions);
	free(f->notes);
}

/* The texts and the date of in, level given by the caller (checked by
 * the rules' replay). */
int dispute_check_step(const struct step_input *in, int level,
		      struct dispute_step_fields *f, struct err *e)
{
	memset(f, 0, sizeof *f);
	f->level = level;
	f->outcome = in->outcome;
	if (dispute_parse_date(in->held_on, "de l'étape d'arbitrage", f->held, e) != 0)
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
	struct dispute_step_fields f;
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
	if (dispute_check_step(in, level, &f, e) != 0)
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
	dispute_state_text(&d.state, &before);
	dispute_step_text(d.nature, level, f.held, f.outcome, f.participants,
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
	    dispute_record(st, dispute_uid, "step", before.buf, after.buf, e) != 0)
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
	dispute_step_fields_release(&f);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}

/* A closure dated on (ISO) before the opening or the last step is
 * refused (ERR_INPUT, the dates said): true then. */
bool dispute_closure_date_refused(const struct dispute *d, const char *on,
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
	struct dispute_instruction m;
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
	if (dispute_opt(closed_on)) {
		if (dispute_parse_date(closed_on, "de clôture", on, e) != 0)
			goto out;
	} else {
		struct date today;

		date_today(&today);
		date_format_iso(today, on);
	}
	if (dispute_closure_date_refused(&d, on, e))
		goto out;
	sol = store_clean_text(solution);
	if (text_check(TEXT_LONG, "solution arbitrée", sol, e) != 0 ||
	    dispute_check_instruction(&d, mayor, on, &m, e) != 0)
		goto out;
	dispute_state_text(&d.state, &before);
	dispute_closure_text(on, sol, &m, &after);
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
	dispute_bind_instruction(s, &m);
	store_bind_text(s, ":uid", dispute_uid);
	if (store_exec_stmt(st, s, e) != 0 ||
	    dispute_record(st, dispute_uid, "close", before.buf, after.buf, e) != 0 ||
	    dispute_reindex(st, e) != 0)
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
	dispute_instruction_release(&m);
	free(sol);
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}
