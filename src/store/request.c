#include "store_internal.h"
#include "suivi/store_request.h"
#include "suivi/text.h"
#include "suivi/workdays.h"
#include "suivi/xalloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The CHECK constraints of request.form and request.nature, so that a
 * wrong code is the user's error (ERR_INPUT) and not the database's. */
static const char *const forms[] = {
	"letter", "note", "email", "phone", "oral", "shared_tool",
};
static const char *const natures[] = { "demand", "incident" };

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

static bool in_list(const char *s, const char *const *v, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		if (!strcmp(s, v[i]))
			return true;
	return false;
}

/* A trimmed heap copy, or NULL when s is NULL or blank. */
static char *clean(const char *s)
{
	char *c;

	if (!s)
		return NULL;
	c = text_trim(xstrdup(s));
	if (!*c) {
		free(c);
		return NULL;
	}
	return c;
}

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
}

static int parse_at(const char *s, const char *what, struct datetime *t,
		    struct err *e)
{
	if (datetime_parse(s, t) == 0)
		return 0;
	err_set(e, ERR_INPUT, "date %s illisible : « %s » (attendu "
		"AAAA-MM-JJ HH:MM ou JJ/MM/AAAA HH:MM)", what, s);
	return -1;
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
	if (!in_list(in->form, forms, sizeof forms / sizeof forms[0])) {
		err_set(e, ERR_INPUT, "forme de saisine inconnue : « %s »",
			in->form ? in->form : "");
		return -1;
	}
	if (!in_list(in->nature, natures, sizeof natures / sizeof natures[0])) {
		err_set(e, ERR_INPUT, "nature de saisine inconnue : « %s » "
			"(demande ou incident)", in->nature ? in->nature : "");
		return -1;
	}
	c->object = clean(in->object);
	if (!c->object) {
		err_set(e, ERR_INPUT, "l'objet de la saisine est obligatoire");
		return -1;
	}
	c->criticality = clean(in->criticality);
	c->requester = clean(in->requester);
	c->cancel_reason = clean(in->cancel_reason);
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

/* The references: contract, domain of that contract, sub-domain of that
 * domain. */
static int check_refs(struct store *st, const char *contract_uid,
		      const struct request_input *in, struct err *e)
{
	sqlite3_stmt *s;
	bool found;

	if (!(s = store_stmt(st, "SELECT 1 FROM contract WHERE uid = :c", e)))
		return -1;
	store_bind_text(s, ":c", contract_uid);
	if (exists(st, s, &found, e) != 0)
		return -1;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "contrat introuvable");
		return -1;
	}
	if (in->domain_uid && *in->domain_uid) {
		if (!(s = store_stmt(st, "SELECT 1 FROM domain WHERE uid = :d"
				     " AND contract_uid = :c", e)))
			return -1;
		store_bind_text(s, ":d", in->domain_uid);
		store_bind_text(s, ":c", contract_uid);
		if (exists(st, s, &found, e) != 0)
			return -1;
		if (!found) {
			err_set(e, ERR_INPUT, "ce domaine n'est pas un domaine "
				"du contrat");
			return -1;
		}
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

static const char *opt_uid(const char *s)
{
	return s && *s ? s : NULL;
}

int store_request_add(struct store *st, const char *contract_uid,
		      const struct request_input *in,
		      char uid_out[STORE_UID_LEN], struct err *e)
{
	struct checked c;
	char uid[STORE_UID_LEN], now[32];
	sqlite3_stmt *s;
	int ret = -1;

	memset(&c, 0, sizeof c);
	/* Refusals before the transaction: a refused request leaves the
	 * caller's transaction, if any, as it was. */
	if (check_input(in, &c, e) != 0 ||
	    check_refs(st, contract_uid, in, e) != 0)
		goto out;
	if (store_begin(st, e) != 0)
		goto out;
	s = store_stmt(st,
		"INSERT INTO request (uid, contract_uid, kind, form,"
		" domain_uid, subdomain_uid, nature, criticality, requester,"
		" object, received_at, acknowledged_at, intervention_at,"
		" resolved_at, answered_at, cancelled_at, cancel_reason,"
		" author, created_at, updated_at) VALUES (:uid, :c, :kind,"
		" :form, :d, :sd, :nature, :crit, :requester, :object,"
		" :received, :ack, :interv, :resolved, :answered, :cancelled,"
		" :reason, :author, :now, :now)", e);
	if (!s)
		goto rollback;
	store_uid_new(uid);
	store_now(now);
	store_bind_text(s, ":uid", uid);
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":kind", request_kind_vocab[in->kind].db);
	store_bind_text(s, ":form", in->form);
	store_bind_text(s, ":d", opt_uid(in->domain_uid));
	store_bind_text(s, ":sd", opt_uid(in->subdomain_uid));
	store_bind_text(s, ":nature", in->nature);
	store_bind_text(s, ":crit", c.criticality);
	store_bind_text(s, ":requester", c.requester);
	store_bind_text(s, ":object", c.object);
	store_bind_text(s, ":received", c.received);
	for (size_t i = 0; i < N_FOLLOW_UPS; i++)
		store_bind_text(s, follow_ups[i].param,
				c.has_follow[i] ? c.follow[i] : NULL);
	store_bind_text(s, ":reason", c.cancel_reason);
	store_bind_text(s, ":author", store_author(st));
	store_bind_text(s, ":now", now);
	if (store_exec_stmt(st, s, e) != 0)
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
