/*
 * The write side of the request log: add, update, cancel, the fields of
 * an exceptional request, and the full-text index they keep up to date.
 * Each change is one transaction (nested in the caller's) that holds the
 * row and its index entry. The read side is request_log.c.
 */
#include "store_internal.h"
#include "suivi/limits.h"
#include "suivi/number.h"
#include "suivi/store_request.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/workdays.h"
#include "suivi/date.h"
#include "suivi/xalloc.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The follow-up date-times, which cannot precede the receipt. */
static const struct {
	size_t offset;
	const char *param;	/* in the INSERT below */
	const char *what;	/* "la date <what>" */
} follow_ups[] = {
	{ offsetof(struct request_input, acknowledged_at), ":ack",
	  "de prise en compte" },
	{ offsetof(struct request_input, intervention_at), ":interv",
	  "d'intervention" },
	{ offsetof(struct request_input, resolved_at), ":resolved",
	  "de résolution" },
	{ offsetof(struct request_input, answered_at), ":answered",
	  "de réponse" },
	{ offsetof(struct request_input, cancelled_at), ":cancelled",
	  "d'annulation" },
};
#define N_FOLLOW_UPS (sizeof follow_ups / sizeof follow_ups[0])

/* "15/03/2018 09:30", for messages. */
static void format_fr(struct datetime t, char buf[32])
{
	char d[DATE_ISO_LEN];

	date_format_fr(t.d, d);
	snprintf(buf, 32, "%s %02u:%02u", d, (unsigned)t.hour % 100u,
		 (unsigned)t.minute % 100u);
}

/* The normalised, checked values of a request_input. */
struct checked {
	char *object, *criticality, *requester, *cancel_reason;
	char *priority;			/* urgent only, NULL when none */
	int delay_min;			/* urgent only, 0 when none */
	char received[DATETIME_ISO_LEN];
	char follow[N_FOLLOW_UPS][DATETIME_ISO_LEN];
	bool has_follow[N_FOLLOW_UPS];
};

static void checked_release(struct checked *c)
{
	free(c->object);
	free(c->criticality);
	free(c->requester);
	free(c->cancel_reason);
	free(c->priority);
}

static int parse_at(const char *s, const char *what, struct datetime *t,
		    struct err *e)
{
	struct err why;

	if (datetime_parse(s, t) != 0) {
		err_set(e, ERR_INPUT, "date %s illisible : « %s » (attendu "
			"AAAA-MM-JJ HH:MM ou JJ/MM/AAAA HH:MM)", what, s);
		return -1;
	}
	if (datetime_check(*t, &why) != 0) {
		err_set(e, ERR_INPUT, "date %s : %s", what, why.msg);
		return -1;
	}
	return 0;
}

/* Article 4: the priority and intervention delay an urgent request
 * imposes; no other kind of request has them. */
static int check_urgent(const struct request_input *in, struct checked *c,
			struct err *e)
{
	char *delay = store_clean_text(in->urgent_delay);
	int ret = -1;

	if ((c->priority || delay) && in->kind != REQUEST_URGENT) {
		err_set(e, ERR_INPUT, "une priorité et un délai d'intervention "
			"spécifiques ne vont qu'à une saisine en urgence "
			"(article 4) : celle-ci est %s",
			request_kind_vocab[in->kind].label);
		goto out;
	}
	if (delay && request_urgent_delay_parse(delay, &c->delay_min, e) != 0)
		goto out;
	ret = 0;
out:
	free(delay);
	return ret;
}

/* Everything that can be checked without the database. */
static int check_input(const struct request_input *in, struct checked *c,
		       struct err *e)
{
	struct datetime received;

	if ((int)in->kind < 0 || in->kind >= REQUEST_KIND_COUNT) {
		err_set(e, ERR_INPUT, "type de saisine inconnu");
		return -1;
	}
	/* The CHECK constraints of request.form and request.nature, so that
	 * a wrong code is the user's error (ERR_INPUT), not the database's. */
	if (!in->form || vocab_from_db(request_form_vocab, FORM_COUNT,
				       in->form) < 0) {
		err_set(e, ERR_INPUT, "forme de saisine inconnue : « %s »",
			in->form ? in->form : "");
		return -1;
	}
	if (!in->nature || vocab_from_db(request_nature_vocab, NATURE_COUNT,
					 in->nature) < 0) {
		err_set(e, ERR_INPUT, "nature de saisine inconnue : « %s » "
			"(demande ou incident)", in->nature ? in->nature : "");
		return -1;
	}
	c->object = store_clean_text(in->object);
	if (!c->object) {
		err_set(e, ERR_INPUT, "l'objet de la saisine est obligatoire");
		return -1;
	}
	c->criticality = store_clean_text(in->criticality);
	c->requester = store_clean_text(in->requester);
	c->cancel_reason = store_clean_text(in->cancel_reason);
	c->priority = store_clean_text(in->urgent_priority);
	if (text_check(TEXT_LONG, "objet", c->object, e) != 0 ||
	    text_check(TEXT_LINE, "demandeur", c->requester, e) != 0 ||
	    text_check(TEXT_LINE, "criticité", c->criticality, e) != 0 ||
	    text_check(TEXT_LONG, "motif d'annulation", c->cancel_reason,
		       e) != 0 ||
	    text_check(TEXT_LINE, "priorité", c->priority, e) != 0)
		return -1;
	if (check_urgent(in, c, e) != 0)
		return -1;
	if (!in->received_at || !*in->received_at) {
		err_set(e, ERR_INPUT, "la date de réception est obligatoire");
		return -1;
	}
	if (parse_at(in->received_at, "de réception", &received, e) != 0)
		return -1;
	datetime_format_iso(received, c->received);
	for (size_t i = 0; i < N_FOLLOW_UPS; i++) {
		const char *s = *(const char *const *)((const char *)in +
						       follow_ups[i].offset);
		struct datetime t;
		char a[32], b[32];

		c->has_follow[i] = s && *s;
		if (!c->has_follow[i])
			continue;
		if (parse_at(s, follow_ups[i].what, &t, e) != 0)
			return -1;
		if (datetime_cmp(t, received) < 0) {
			format_fr(t, a);
			format_fr(received, b);
			err_set(e, ERR_INPUT, "la date %s (%s) précède la "
				"réception de la saisine (%s)",
				follow_ups[i].what, a, b);
			return -1;
		}
		datetime_format_iso(t, c->follow[i]);
	}
	return 0;
}

/* Whether a one-column query bound by the caller returns a row. */
static int exists(struct store *st, sqlite3_stmt *s, bool *found,
		  struct err *e)
{
	int rc = sqlite3_step(s);

	*found = rc == SQLITE_ROW;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(st, rc, "vérifier la saisine", e);
		return -1;
	}
	return 0;
}


/* Two text columns of a one-row query bound by the caller (heap copies,
 * NULL when NULL); *found false when there is no row. */
static int two_texts(struct store *st, sqlite3_stmt *s, char **a, char **b,
		     bool *found, struct err *e)
{
	int rc = sqlite3_step(s);

	*a = *b = NULL;
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		*a = store_col_dup(s, 0);
		*b = store_col_dup(s, 1);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "vérifier la saisine", e);
}

/* The contract's start: a request received before it is refused. */
static int check_contract(struct store *st, const char *contract_uid,
			  const struct checked *c, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT starts_on, identifier"
				     " FROM contract WHERE uid = :c", e);
	char *start = NULL, *ident = NULL;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	bool found;
	int ret = -1;

	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	if (two_texts(st, s, &start, &ident, &found, e) != 0)
		goto out;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "contrat introuvable");
		goto out;
	}
	if (start && strncmp(c->received, start, 10) < 0) {
		date_iso_fr(c->received, a);
		date_iso_fr(start, b);
		err_set(e, ERR_INPUT, "la saisine est reçue le %s, avant le "
			"début du contrat %s (le %s)", a, ident ? ident : "",
			b);
		goto out;
	}
	ret = 0;
out:
	free(start);
	free(ident);
	return ret;
}

/* An ordinary or urgent request concerns a mutualised function (article
 * 3: the shared services are called upon only for the functions the
 * commune mutualised): its domain is required. The message says when no
 * domain of the contract has an annex in force that day. */
static int check_domain_required(struct store *st, const char *contract_uid,
				 const struct request_input *in,
				 const struct checked *c, struct err *e)
{
	char day[DATE_ISO_LEN], iso[DATE_ISO_LEN];
	sqlite3_stmt *s;
	bool any;

	if (in->kind == REQUEST_EXCEPTIONAL ||
	    (in->domain_uid && *in->domain_uid))
		return 0;
	s = store_stmt(st, "SELECT 1 FROM domain dm WHERE dm.contract_uid = :c"
		       " AND " STORE_ANNEX_IN_FORCE("dm.uid") " IS NOT NULL"
		       " LIMIT 1", e);
	if (!s)
		return -1;
	snprintf(iso, sizeof iso, "%.10s", c->received);
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":date", iso);
	if (exists(st, s, &any, e) != 0)
		return -1;
	date_iso_fr(c->received, day);
	err_set(e, ERR_INPUT, "une saisine %s concerne une fonction mutualisée "
		": son domaine est obligatoire%s%s%s",
		request_kind_vocab[in->kind].label,
		any ? "" : " (aucun domaine du contrat n'a d'annexe en vigueur "
			   "le ", any ? "" : day, any ? "" : ")");
	return -1;
}

/* The references: contract (and its start), domain of that contract in
 * force on the day received, sub-domain of that domain. */
static int check_refs(struct store *st, const char *contract_uid,
		      const struct request_input *in,
		      const struct checked *c, struct err *e)
{
	sqlite3_stmt *s;
	bool found;

	if (check_contract(st, contract_uid, c, e) != 0 ||
	    check_domain_required(st, contract_uid, in, c, e) != 0)
		return -1;
	if (in->domain_uid && *in->domain_uid) {
		char *name = NULL, *first = NULL;
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
		int rc;

		s = store_stmt(st, "SELECT dm.name, (SELECT min(a.in_force_from)"
			       " FROM annex a WHERE a.domain_uid = dm.uid)"
			       " FROM domain dm WHERE dm.uid = :d"
			       " AND dm.contract_uid = :c", e);
		if (!s)
			return -1;
		store_bind_text(s, ":d", in->domain_uid);
		store_bind_text(s, ":c", contract_uid);
		if (two_texts(st, s, &name, &first, &found, e) != 0)
			return -1;
		rc = 0;
		if (!found) {
			err_set(e, ERR_INPUT, "ce domaine n'est pas un domaine "
				"du contrat");
			rc = -1;
		} else if (!first || strncmp(c->received, first, 10) < 0) {
			/* an annex is in force from its date, never before */
			date_iso_fr(c->received, a);
			date_iso_fr(first, b);
			err_set(e, ERR_INPUT, "le domaine « %s » n'a aucune "
				"annexe en vigueur le %s%s%s", name ? name : "",
				a, first ? " : sa première l'est à partir du "
					 : "", first ? b : "");
			rc = -1;
		}
		free(name);
		free(first);
		if (rc != 0)
			return -1;
	}
	if (in->subdomain_uid && *in->subdomain_uid) {
		if (!in->domain_uid || !*in->domain_uid) {
			err_set(e, ERR_INPUT, "un sous-domaine ne va pas sans "
				"son domaine");
			return -1;
		}
		s = store_stmt(st, "SELECT 1 FROM subdomain sd JOIN annex a"
			       " ON a.uid = sd.annex_uid WHERE sd.uid = :s"
			       " AND a.domain_uid = :d", e);
		if (!s)
			return -1;
		store_bind_text(s, ":s", in->subdomain_uid);
		store_bind_text(s, ":d", in->domain_uid);
		if (exists(st, s, &found, e) != 0)
			return -1;
		if (!found) {
			err_set(e, ERR_INPUT, "ce sous-domaine n'est pas un "
				"sous-domaine du domaine choisi");
			return -1;
		}
	}
	return 0;
}

/* A criticality is one of the levels the annex of the request's domain
 * in force on its reception gives (the contract file's, never a fixed
 * list), stored as the annex spells it. */
static int check_criticality(struct store *st, const struct request_input *in,
			     struct checked *c, struct err *e)
{
	char **levels = NULL, day[DATE_ISO_LEN], on[DATE_ISO_LEN];
	size_t n = 0;
	char *want;
	int ret = -1;

	if (!c->criticality)
		return 0;
	if (!in->domain_uid || !*in->domain_uid) {
		err_set(e, ERR_INPUT, "une criticité se choisit parmi les "
			"niveaux de l'annexe d'un domaine : donnez d'abord le "
			"domaine");
		return -1;
	}
	snprintf(day, sizeof day, "%.10s", c->received);
	if (store_domain_criticalities(st, in->domain_uid, day, &levels, &n,
				       e) != 0)
		return -1;
	want = text_fold(c->criticality);
	for (size_t i = 0; i < n && ret; i++) {
		char *f = text_fold(levels[i]);

		if (!strcmp(f, want)) {
			free(c->criticality);
			c->criticality = xstrdup(levels[i]);
			ret = 0;
		}
		free(f);
	}
	free(want);
	if (ret) {
		struct strbuf list;

		strbuf_init(&list);
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&list, "%s%s", i ? ", " : "", levels[i]);
		date_iso_fr(day, on);
		if (n)
			err_set(e, ERR_INPUT, "criticité « %s » inconnue : l'annexe "
				"du domaine en vigueur le %s a %s",
				c->criticality, on, list.buf);
		else
			err_set(e, ERR_INPUT, "criticité « %s » : l'annexe du "
				"domaine en vigueur le %s n'a pas de niveaux de "
				"criticité", c->criticality, on);
		strbuf_release(&list);
	}
	text_lines_free(levels, n);
	return ret;
}

static const char *opt_uid(const char *s)
{
	return s && *s ? s : NULL;
}

/* The columns add and update write, from checked input. */
static void bind_input(sqlite3_stmt *s,
		       const struct request_input *in,
		       const struct checked *c)
{
	char now[32];

	store_now(now);
	store_bind_text(s, ":kind", request_kind_vocab[in->kind].db);
	store_bind_text(s, ":form", in->form);
	store_bind_text(s, ":d", opt_uid(in->domain_uid));
	store_bind_text(s, ":sd", opt_uid(in->subdomain_uid));
	store_bind_text(s, ":nature", in->nature);
	store_bind_text(s, ":crit", c->criticality);
	store_bind_text(s, ":requester", c->requester);
	store_bind_text(s, ":object", c->object);
	store_bind_text(s, ":received", c->received);
	for (size_t i = 0; i < N_FOLLOW_UPS; i++)
		store_bind_text(s, follow_ups[i].param,
				c->has_follow[i] ? c->follow[i] : NULL);
	store_bind_text(s, ":reason", c->cancel_reason);
	store_bind_text(s, ":priority", c->priority);
	if (c->delay_min > 0)
		store_bind_int(s, ":delay", c->delay_min);
	else
		store_bind_null(s, ":delay");
	store_bind_text(s, ":now", now);
}

int store_request_add(struct store *st, const char *contract_uid,
		      const struct request_input *in,
		      char uid_out[STORE_UID_LEN], struct err *e)
{
	struct checked c;
	char uid[STORE_UID_LEN];
	sqlite3_stmt *s;
	int ret = -1;

	memset(&c, 0, sizeof c);
	/* Refusals before the transaction: a refused request leaves the
	 * caller's transaction, if any, as it was. */
	if (check_input(in, &c, e) != 0 ||
	    check_refs(st, contract_uid, in, &c, e) != 0 ||
	    check_criticality(st, in, &c, e) != 0)
		goto out;
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st,
		"INSERT INTO request (uid, contract_uid, kind, form,"
		" domain_uid, subdomain_uid, nature, criticality, requester,"
		" object, received_at, acknowledged_at, intervention_at,"
		" resolved_at, answered_at, cancelled_at, cancel_reason,"
		" urgent_priority, urgent_delay_min, author, created_at,"
		" updated_at) VALUES (:uid, :c, :kind, :form, :d, :sd,"
		" :nature, :crit, :requester, :object, :received, :ack,"
		" :interv, :resolved, :answered, :cancelled, :reason,"
		" :priority, :delay, :author, :now, :now)", e);
	if (!s)
		goto rollback;
	store_uid_new(uid);
	store_bind_text(s, ":uid", uid);
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":author", store_author(st));
	bind_input(s, in, &c);
	if (store_exec_stmt(st, s, e) != 0 ||
	    store_request_reindex(st, e) != 0)
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
	checked_release(&c);
	return ret;
}

/* What a change needs to know of the request it changes. */
struct current {
	char contract_uid[STORE_UID_LEN];
	char kind[16];
	char received[DATETIME_ISO_LEN];
	bool cancelled;
};

static int read_current(struct store *st, const char *uid,
			struct current *cur, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT contract_uid, kind, received_at,"
		" cancelled_at IS NOT NULL FROM request WHERE uid = :uid", e);
	int rc;
	bool found = false;

	memset(cur, 0, sizeof *cur);
	if (!s)
		return -1;
	store_bind_text(s, ":uid", uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(s, 0);
		const char *k = (const char *)sqlite3_column_text(s, 1);
		const char *r = (const char *)sqlite3_column_text(s, 2);

		snprintf(cur->contract_uid, sizeof cur->contract_uid, "%s",
			 c ? c : "");
		snprintf(cur->kind, sizeof cur->kind, "%s", k ? k : "");
		snprintf(cur->received, sizeof cur->received, "%s",
			 r ? r : "");
		cur->cancelled = sqlite3_column_int(s, 3) != 0;
		found = true;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "lire la saisine", e);
		return -1;
	}
	if (!found) {
		err_set(e, ERR_NOTFOUND, "saisine introuvable");
		return -1;
	}
	return 0;
}

int store_request_update(struct store *st, const char *uid,
			 const struct request_input *in, struct err *e)
{
	struct checked c;
	struct current cur;
	sqlite3_stmt *s;
	int ret = -1;

	memset(&c, 0, sizeof c);
	if (read_current(st, uid, &cur, e) != 0 ||
	    check_input(in, &c, e) != 0 ||
	    check_refs(st, cur.contract_uid, in, &c, e) != 0 ||
	    check_criticality(st, in, &c, e) != 0)
		goto out;
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st,
		"UPDATE request SET kind = :kind, form = :form,"
		" domain_uid = :d, subdomain_uid = :sd, nature = :nature,"
		" criticality = :crit, requester = :requester,"
		" object = :object, received_at = :received,"
		" acknowledged_at = :ack, intervention_at = :interv,"
		" resolved_at = :resolved, answered_at = :answered,"
		" cancelled_at = :cancelled, cancel_reason = :reason,"
		" urgent_priority = :priority, urgent_delay_min = :delay,"
		" updated_at = :now"
		" WHERE uid = :uid", e);
	if (!s)
		goto rollback;
	store_bind_text(s, ":uid", uid);
	bind_input(s, in, &c);
	if (store_exec_stmt(st, s, e) != 0 ||
	    store_request_reindex(st, e) != 0)
		goto rollback;
	if (store_commit(st, e) != 0)
		goto out;
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	checked_release(&c);
	return ret;
}

/* Now, as the wall-clock date-time requests are written in: today's date
 * (date_today, so SUIVI_TODAY pins it) at the local time of day. */
static void now_local(char out[DATETIME_ISO_LEN])
{
	struct datetime t;
	struct tm tm;
	time_t now = time(NULL);

	localtime_r(&now, &tm);
	date_today(&t.d);
	t.hour = tm.tm_hour;
	t.minute = tm.tm_min;
	datetime_format_iso(t, out);
}

int store_request_cancel(struct store *st, const char *uid, const char *when,
			 const char *reason, struct err *e)
{
	struct current cur;
	struct datetime at, received;
	char iso[DATETIME_ISO_LEN], now[32], a[32], b[32];
	char *why = NULL;
	sqlite3_stmt *s;
	int ret = -1;

	if (read_current(st, uid, &cur, e) != 0)
		return -1;
	if (cur.cancelled) {
		err_set(e, ERR_INPUT, "cette saisine est déjà annulée");
		return -1;
	}
	if (when && *when) {
		if (parse_at(when, "d'annulation", &at, e) != 0)
			return -1;
	} else {
		now_local(iso);
		datetime_parse(iso, &at);
	}
	if (datetime_parse(cur.received, &received) != 0) {
		err_set(e, ERR_CORRUPT, "date illisible dans le journal des "
			"saisines : « %s »", cur.received);
		return -1;
	}
	if (datetime_cmp(at, received) < 0) {
		format_fr(at, a);
		format_fr(received, b);
		err_set(e, ERR_INPUT, "la date d'annulation (%s) précède la "
			"réception de la saisine (%s)", a, b);
		return -1;
	}
	datetime_format_iso(at, iso);
	why = store_clean_text(reason);
	if (text_check(TEXT_LONG, "motif d'annulation", why, e) != 0)
		goto out;
	if (store_begin(st, e) != 0)
		goto out;
	/* No reason given keeps the one already written, if any. */
	s = store_stmt(st,
		"UPDATE request SET cancelled_at = :at,"
		" cancel_reason = coalesce(:reason, cancel_reason),"
		" updated_at = :now WHERE uid = :uid", e);
	if (!s)
		goto rollback;
	store_now(now);
	store_bind_text(s, ":at", iso);
	store_bind_text(s, ":reason", why);
	store_bind_text(s, ":now", now);
	store_bind_text(s, ":uid", uid);
	if (store_exec_stmt(st, s, e) != 0 ||
	    store_request_reindex(st, e) != 0)
		goto rollback;
	if (store_commit(st, e) != 0)
		goto out;
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	free(why);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Exceptional requests and their history                              */

/* The fields of an exceptional request, checked or as stored: NULL (or
 * "" for on) when none. */
enum xfield { X_ASKED, X_PROPOSAL, X_DECISION, X_BY, X_ON, X_COST, X_COMP,
	      X_COUNT };

struct xfields {
	bool exists;			/* a row is stored */
	char *text[X_COUNT];		/* X_ON and X_COST unused */
	char on[DATE_ISO_LEN];
	bool has_cost;
	double cost;
};

/* The field names of the form, for messages and the history. */
static const char *const xfield_name[X_COUNT] = {
	[X_ASKED] = "demande", [X_PROPOSAL] = "proposition",
	[X_DECISION] = "décision", [X_BY] = "décidé par",
	[X_ON] = "décidé le", [X_COST] = "coût estimé",
	[X_COMP] = "compensation",
};

static void xfields_release(struct xfields *f)
{
	for (int k = 0; k < X_COUNT; k++)
		free(f->text[k]);
	memset(f, 0, sizeof *f);
}

/* Field k as the history shows it, NULL when none. */
static const char *xfield_text(const struct xfields *f, enum xfield k,
			       char buf[64])
{
	struct date d;

	switch (k) {
	case X_ON:
		if (!f->on[0] || date_parse(f->on, &d) != 0)
			return f->on[0] ? f->on : NULL;
		date_format_fr(d, buf);
		return buf;
	case X_COST:
		if (!f->has_cost)
			return NULL;
		number_format(f->cost, 2, buf, 48);
		strcat(buf, " €");
		return buf;
	default:
		return f->text[k];
	}
}

/* The fields that differ between a and b (all of b's set ones when a is
 * NULL), "décision : A · décidé par : B" into before and after. */
static void xfields_diff(const struct xfields *a, const struct xfields *b,
			 struct strbuf *before, struct strbuf *after)
{
	for (int k = 0; k < X_COUNT; k++) {
		char ba[64], bb[64];
		const char *ta = a ? xfield_text(a, (enum xfield)k, ba) : NULL;
		const char *tb = xfield_text(b, (enum xfield)k, bb);

		if (ta == tb || (ta && tb && !strcmp(ta, tb)))
			continue;
		if (a) {
			if (before->len)
				strbuf_addstr(before, " · ");
			strbuf_addf(before, "%s : %s", xfield_name[k],
				    ta ? ta : "(vide)");
		}
		if (after->len)
			strbuf_addstr(after, " · ");
		strbuf_addf(after, "%s : %s", xfield_name[k],
			    tb ? tb : "(vide)");
	}
}

/* The request, which must be exceptional, and its stored fields. */
static int read_xfields(struct store *st, const char *request_uid,
			struct xfields *f, struct err *e)
{
	struct current cur;
	sqlite3_stmt *s;
	int rc;

	memset(f, 0, sizeof *f);
	if (read_current(st, request_uid, &cur, e) != 0)
		return -1;
	if (strcmp(cur.kind, request_kind_vocab[REQUEST_EXCEPTIONAL].db)) {
		err_set(e, ERR_INPUT, "seule une saisine exceptionnelle a une "
			"fiche de demande exceptionnelle");
		return -1;
	}
	s = store_stmt(st, "SELECT asked, proposal, decision, decided_by,"
		       " decided_on, estimated_cost, compensation"
		       " FROM exceptional_request WHERE request_uid = :r", e);
	if (!s)
		return -1;
	store_bind_text(s, ":r", request_uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *on = (const char *)sqlite3_column_text(s, 4);

		f->exists = true;
		f->text[X_ASKED] = store_col_text(s, 0);
		f->text[X_PROPOSAL] = store_col_text(s, 1);
		f->text[X_DECISION] = store_col_text(s, 2);
		f->text[X_BY] = store_col_text(s, 3);
		snprintf(f->on, sizeof f->on, "%s", on ? on : "");
		f->has_cost = sqlite3_column_type(s, 5) != SQLITE_NULL;
		f->cost = sqlite3_column_double(s, 5);
		f->text[X_COMP] = store_col_text(s, 6);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire la demande exceptionnelle", e) != 0) {
		xfields_release(f);
		return -1;
	}
	return 0;
}

/* x checked and normalised into f. */
static int check_xfields(const struct exceptional_input *x,
			 struct xfields *f, struct err *e)
{
	static const enum text_kind kinds[X_COUNT] = {
		[X_ASKED] = TEXT_LONG, [X_PROPOSAL] = TEXT_LONG,
		[X_DECISION] = TEXT_LONG, [X_BY] = TEXT_LINE,
		[X_COMP] = TEXT_LONG,
	};
	struct date on;

	memset(f, 0, sizeof *f);
	if (x->decided_on && *x->decided_on) {
		if (date_parse(x->decided_on, &on) != 0) {
			err_set(e, ERR_INPUT, "date de décision illisible : "
				"« %s » (attendu JJ/MM/AAAA)", x->decided_on);
			return -1;
		}
		date_format_iso(on, f->on);
	}
	if (x->has_cost && !(isfinite(x->estimated_cost) &&
			     x->estimated_cost >= 0)) {
		err_set(e, ERR_INPUT, "le coût estimé doit être un nombre "
			"positif ou nul");
		return -1;
	}
	/* what is exported (two decimals) must import back the same */
	if (x->has_cost && !number_is_cents(x->estimated_cost)) {
		err_set(e, ERR_INPUT, "le coût estimé se compte en centimes : "
			"au plus deux décimales");
		return -1;
	}
	f->has_cost = x->has_cost;
	f->cost = x->estimated_cost;
	f->text[X_ASKED] = store_clean_text(x->asked);
	f->text[X_PROPOSAL] = store_clean_text(x->proposal);
	f->text[X_DECISION] = store_clean_text(x->decision);
	f->text[X_BY] = store_clean_text(x->decided_by);
	f->text[X_COMP] = store_clean_text(x->compensation);
	for (int k = 0; k < X_COUNT; k++)
		if (k != X_ON && k != X_COST &&
		    text_check(kinds[k], xfield_name[k], f->text[k], e) != 0)
			return -1;
	/* who decided and when: a decision without them says nothing the
	 * annual summary can stand on */
	if (f->text[X_DECISION] && (!f->text[X_BY] || !f->on[0])) {
		bool no_by = !f->text[X_BY], no_on = !f->on[0];

		err_set(e, ERR_INPUT, "une décision dit qui l'a prise et quand : "
			"%s%s%s %s", no_by ? "« décidé par »" : "",
			no_by && no_on ? " et " : "",
			no_on ? "« décidé le »" : "",
			no_by && no_on ? "manquent" : "manque");
		return -1;
	}
	return 0;
}

static int record(struct store *st, const char *request_uid,
		  const char *what, const char *before, const char *after,
		  const char *reason, struct err *e)
{
	return store_change_write(st,
		"INSERT INTO request_change (uid, request_uid, what, author,"
		" at, before, after, reason) VALUES (:uid, :owner, :what,"
		" :author, :at, :before, :after, :reason)", request_uid, what,
		before, after, reason, e);
}

/* Write f as the request's fields, with its history row (what, before,
 * after, reason), in one transaction. */
static int write_xfields(struct store *st, const char *request_uid,
			 const struct xfields *f, const char *what,
			 const char *before, const char *after,
			 const char *reason, struct err *e)
{
	char uid[STORE_UID_LEN], now[32];
	sqlite3_stmt *s;

	if (store_begin(st, e) != 0)
		return -1;
	/* asked is NOT NULL in the schema: "" says "not written yet". */
	s = store_stmt(st,
		"INSERT INTO exceptional_request (uid, request_uid, asked,"
		" proposal, decision, decided_by, decided_on, estimated_cost,"
		" compensation) VALUES (:uid, :r, :asked, :proposal,"
		" :decision, :by, :on, :cost, :comp)"
		" ON CONFLICT (request_uid) DO UPDATE SET"
		" asked = excluded.asked, proposal = excluded.proposal,"
		" decision = excluded.decision,"
		" decided_by = excluded.decided_by,"
		" decided_on = excluded.decided_on,"
		" estimated_cost = excluded.estimated_cost,"
		" compensation = excluded.compensation", e);
	if (!s)
		goto rollback;
	store_uid_new(uid);
	store_bind_text(s, ":uid", uid);
	store_bind_text(s, ":r", request_uid);
	store_bind_text(s, ":asked",
			f->text[X_ASKED] ? f->text[X_ASKED] : "");
	store_bind_text(s, ":proposal", f->text[X_PROPOSAL]);
	store_bind_text(s, ":decision", f->text[X_DECISION]);
	store_bind_text(s, ":by", f->text[X_BY]);
	store_bind_text(s, ":on", f->on[0] ? f->on : NULL);
	if (f->has_cost)
		store_bind_double(s, ":cost", f->cost);
	else
		store_bind_null(s, ":cost");
	store_bind_text(s, ":comp", f->text[X_COMP]);
	if (store_exec_stmt(st, s, e) != 0)
		goto rollback;
	s = store_stmt(st, "UPDATE request SET updated_at = :now"
		       " WHERE uid = :uid", e);
	if (!s)
		goto rollback;
	store_now(now);
	store_bind_text(s, ":now", now);
	store_bind_text(s, ":uid", request_uid);
	if (store_exec_stmt(st, s, e) != 0 ||
	    record(st, request_uid, what, before, after, reason, e) != 0 ||
	    store_request_reindex(st, e) != 0)
		goto rollback;
	return store_commit(st, e);
rollback:
	store_rollback(st);
	return -1;
}

int store_exceptional_set_with_reason(struct store *st,
				      const char *request_uid,
				      const struct exceptional_input *x,
				      const char *reason, struct err *e)
{
	struct xfields cur, f;
	struct strbuf before, after;
	char *why = store_clean_text(reason);
	int ret = -1;

	memset(&f, 0, sizeof f);
	strbuf_init(&before);
	strbuf_init(&after);
	/* Refusals before the transaction: the caller's, if any, stays as
	 * it was. */
	if (read_xfields(st, request_uid, &cur, e) != 0)
		goto out_strbuf;
	if (check_xfields(x, &f, e) != 0 ||
	    text_check(TEXT_LONG, "raison", why, e) != 0)
		goto out;
	xfields_diff(cur.exists ? &cur : NULL, &f, &before, &after);
	if (cur.exists && !after.len) {
		ret = 0;	/* nothing changes: nothing written */
		goto out;
	}
	ret = write_xfields(st, request_uid, &f,
			    cur.exists ? "exceptional_update" : "exceptional_set",
			    before.buf, after.buf, why, e);
out:
	xfields_release(&cur);
out_strbuf:
	xfields_release(&f);
	strbuf_release(&before);
	strbuf_release(&after);
	free(why);
	return ret;
}

int store_exceptional_set(struct store *st, const char *request_uid,
			  const struct exceptional_input *x, struct err *e)
{
	return store_exceptional_set_with_reason(st, request_uid, x, NULL, e);
}

int store_exceptional_clear_decision(struct store *st,
				     const char *request_uid,
				     const char *reason, struct err *e)
{
	struct xfields cur, f;
	struct strbuf before, after;
	char *why = store_clean_text(reason);
	int ret = -1;

	memset(&f, 0, sizeof f);
	strbuf_init(&before);
	strbuf_init(&after);
	if (read_xfields(st, request_uid, &cur, e) != 0)
		goto out_strbuf;
	if (text_check(TEXT_LONG, "raison", why, e) != 0)
		goto out;
	if (!cur.text[X_DECISION] && !cur.text[X_BY] && !cur.on[0]) {
		err_set(e, ERR_INPUT, "cette demande exceptionnelle n'a pas de "
			"décision à effacer");
		goto out;
	}
	/* the same fields but the decision's */
	f.exists = true;
	for (int k = 0; k < X_COUNT; k++)
		if (k != X_DECISION && k != X_BY)
			f.text[k] = cur.text[k] ? xstrdup(cur.text[k]) : NULL;
	f.has_cost = cur.has_cost;
	f.cost = cur.cost;
	xfields_diff(&cur, &f, &before, &after);
	strbuf_reset(&after);	/* a deletion has no after */
	ret = write_xfields(st, request_uid, &f, "decision_clear", before.buf,
			    NULL, why, e);
out:
	xfields_release(&cur);
out_strbuf:
	xfields_release(&f);
	strbuf_release(&before);
	strbuf_release(&after);
	free(why);
	return ret;
}

static const struct change_word change_words[] = {
	{ "exceptional_set", "fiche exceptionnelle renseignée" },
	{ "exceptional_update", "fiche exceptionnelle modifiée" },
	{ "decision_clear", "décision effacée" },
};

int store_request_history(struct store *st, const char *request_uid,
			  struct store_change **out, size_t *n,
			  struct err *e)
{
	struct current cur;
	sqlite3_stmt *s;

	*out = NULL;
	*n = 0;
	if (read_current(st, request_uid, &cur, e) != 0)
		return -1;
	s = store_stmt(st, "SELECT what, author, at, before, after, reason"
		       " FROM request_change WHERE request_uid = :r"
		       " ORDER BY rowid", e);
	if (!s)
		return -1;
	store_bind_text(s, ":r", request_uid);
	return store_changes_read(st, s, change_words,
				  sizeof change_words / sizeof *change_words,
				  "lire l'historique de la saisine", out, n, e);
}

/* The steps of a reindex, in order: drop the stale entries, forget the
 * requests that are gone, index the others as they are now, mark them
 * done. The exceptional fields count only while the request is
 * exceptional (request_log.c shows them under the same condition). */
static const char *const reindex_steps[] = {
	"DELETE FROM request_fts WHERE rowid IN"
	" (SELECT id FROM request_doc WHERE stale)",
	"DELETE FROM request_doc WHERE stale AND NOT EXISTS"
	" (SELECT 1 FROM request r WHERE r.uid = request_doc.request_uid)",
	"INSERT INTO request_fts (rowid, object, requester, cancel_reason,"
	" asked, proposal, decision, compensation)"
	" SELECT d.id, r.object, r.requester, r.cancel_reason, x.asked,"
	" x.proposal, x.decision, x.compensation FROM request_doc d"
	" JOIN request r ON r.uid = d.request_uid"
	" LEFT JOIN exceptional_request x ON x.request_uid = r.uid"
	" AND r.kind = 'exceptional' WHERE d.stale",
	"UPDATE request_doc SET stale = 0 WHERE stale",
};

int store_request_reindex(struct store *st, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM request_doc"
				     " WHERE stale LIMIT 1", e);
	bool stale;

	if (!s || exists(st, s, &stale, e) != 0)
		return -1;
	if (!stale)
		return 0;
	return store_exec_all(st, reindex_steps,
			      sizeof reindex_steps / sizeof *reindex_steps, e);
}

int store_domain_uid(struct store *st, const char *contract_uid,
		     const char *domain_code, char out[STORE_UID_LEN],
		     struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT uid FROM domain WHERE"
				     " contract_uid = :c AND code = :code", e);
	int rc;

	out[0] = '\0';
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":code", domain_code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		snprintf(out, STORE_UID_LEN, "%s", t ? t : "");
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, rc, "chercher le domaine", e);
		return -1;
	}
	if (!out[0]) {
		err_set(e, ERR_NOTFOUND, "le contrat n'a pas de domaine « %s »",
			domain_code);
		return -1;
	}
	return 0;
}
