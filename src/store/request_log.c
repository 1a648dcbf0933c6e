/*
 * The read side of the request log: the list with its filters, sorts,
 * window and full-text search; one request; the exceptional requests of
 * a year; the contact to call; the domains a request form offers. The
 * writes are in request.c.
 */
#include "store_internal.h"
#include "suivi/contract.h"
#include "suivi/request.h"
#include "suivi/store_request.h"
#include "suivi/text.h"
#include "suivi/workdays.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Bounds for received_at when a filter leaves a side open: every stored
 * date-time sorts between them. */
#define FROM_ANY ""
#define TO_ANY "9999-99"

/* request_status (src/core/request.c) in SQL, as the enumeration's
 * values: the list filters and sorts on it. */
_Static_assert(REQ_NEW == 0 && REQ_ACKNOWLEDGED == 1 &&
	       REQ_IN_PROGRESS == 2 && REQ_RESOLVED == 3 && REQ_CLOSED == 4 &&
	       REQ_CANCELLED == 5, "STATUS_SQL spells the status values");
#define STATUS_SQL                                                          \
	"(CASE WHEN coalesce(r.cancelled_at, '') <> '' THEN 5"              \
	" WHEN coalesce(r.answered_at, '') <> '' THEN 4"                    \
	" WHEN coalesce(r.resolved_at, '') <> '' THEN 3"                    \
	" WHEN coalesce(r.intervention_at, '') <> '' THEN 2"                \
	" WHEN coalesce(r.acknowledged_at, '') <> '' THEN 1 ELSE 0 END)"

/* A request as struct request holds it; exceptional fields only while
 * the request is exceptional (request.c indexes them the same way). */
#define REQUEST_COLUMNS                                                     \
	"r.uid, r.contract_uid, r.kind, r.form, r.nature, r.domain_uid,"    \
	" d.code, d.name, r.subdomain_uid, sd.letter, sd.name,"             \
	" r.criticality, r.requester, r.object, r.received_at,"             \
	" r.acknowledged_at, r.intervention_at, r.resolved_at,"             \
	" r.answered_at, r.cancelled_at, r.cancel_reason, r.author,"        \
	" r.created_at, r.updated_at, x.asked, x.proposal, x.decision,"     \
	" x.decided_by, x.decided_on, x.estimated_cost, x.compensation,"    \
	" r.urgent_priority, r.urgent_delay_min"
#define REQUEST_FROM                                                        \
	" FROM request r LEFT JOIN domain d ON d.uid = r.domain_uid"        \
	" LEFT JOIN subdomain sd ON sd.uid = r.subdomain_uid"               \
	" LEFT JOIN exceptional_request x ON x.request_uid = r.uid"         \
	" AND r.kind = 'exceptional'"

enum {
	C_UID, C_CONTRACT, C_KIND, C_FORM, C_NATURE, C_DOMAIN_UID,
	C_DOMAIN_CODE, C_DOMAIN_NAME, C_SUB_UID, C_SUB_LETTER, C_SUB_NAME,
	C_CRITICALITY, C_REQUESTER, C_OBJECT, C_RECEIVED, C_ACK,
	C_INTERVENTION, C_RESOLVED, C_ANSWERED, C_CANCELLED, C_REASON,
	C_AUTHOR, C_CREATED, C_UPDATED, C_ASKED, C_PROPOSAL, C_DECISION,
	C_DECIDED_BY, C_DECIDED_ON, C_COST, C_COMPENSATION, C_PRIORITY,
	C_DELAY
};

/* The list's filters. The received_at range comes first so that the
 * (contract_uid, received_at) index serves it; the text goes through the
 * FTS index once, as a set of uids. */
#define LIST_WHERE                                                          \
	" WHERE r.contract_uid = :c AND r.received_at >= :from"             \
	" AND r.received_at < :to"                                          \
	" AND (:kind IS NULL OR r.kind = :kind)"                            \
	" AND (:status IS NULL OR " STATUS_SQL " = :status)"                \
	" AND (:domain IS NULL OR r.domain_uid = :domain)"                  \
	" AND (:match IS NULL OR r.uid IN (SELECT request_doc.request_uid"  \
	" FROM request_fts JOIN request_doc"                                \
	" ON request_doc.id = request_fts.rowid"                            \
	" WHERE request_fts MATCH :match))"

/* Newest first breaks every tie, then the uid so that a window never
 * shows a row twice. The total is a count of its own: count(*) OVER ()
 * would read and sort every row of the contract for each page, where
 * newest first walks the index and stops at the window (0.4 ms instead
 * of 29 for a page of 50 among 5 000 requests). */
#define LIST_SQL(order)                                                     \
	"SELECT " REQUEST_COLUMNS REQUEST_FROM LIST_WHERE                   \
	" ORDER BY " order " LIMIT :limit OFFSET :offset"
#define NEWEST "r.received_at DESC, r.uid DESC"

static const char *const list_sql[SORT_COUNT] = {
	[SORT_RECEIVED_DESC] = LIST_SQL(NEWEST),
	[SORT_RECEIVED_ASC] = LIST_SQL("r.received_at, r.uid"),
	[SORT_STATUS] = LIST_SQL(STATUS_SQL ", " NEWEST),
	[SORT_KIND] = LIST_SQL("CASE r.kind WHEN 'ordinary' THEN 0"
			       " WHEN 'urgent' THEN 1 ELSE 2 END, " NEWEST),
	/* domains in the contract's order (contract_query.c), none last */
	[SORT_DOMAIN] = LIST_SQL("r.domain_uid IS NULL, d.rowid,"
				 " sd.letter IS NULL, sd.letter, " NEWEST),
	[SORT_RESOLUTION_DELAY] = LIST_SQL(
		"r.resolved_at IS NULL, suivi_hours(r.received_at,"
		" r.resolved_at) DESC, " NEWEST),
};

static const char list_count_sql[] =
	"SELECT count(*) FROM request r" LIST_WHERE;


static void read_request(sqlite3_stmt *s, struct request *r)
{
	struct request_dates dates;

	memset(r, 0, sizeof *r);
	store_col_uid(r->uid, s, C_UID);
	store_col_uid(r->contract_uid, s, C_CONTRACT);
	r->kind = (enum request_kind)store_col_vocab(s, C_KIND, request_kind_vocab,
					       REQUEST_KIND_COUNT);
	r->form = (enum request_form)store_col_vocab(s, C_FORM, request_form_vocab,
					       FORM_COUNT);
	r->nature = (enum request_nature)store_col_vocab(
		s, C_NATURE, request_nature_vocab, NATURE_COUNT);
	r->domain_uid = store_col_text(s, C_DOMAIN_UID);
	r->domain_code = store_col_text(s, C_DOMAIN_CODE);
	r->domain_name = store_col_text(s, C_DOMAIN_NAME);
	r->subdomain_uid = store_col_text(s, C_SUB_UID);
	r->subdomain_letter = store_col_text(s, C_SUB_LETTER);
	r->subdomain_name = store_col_text(s, C_SUB_NAME);
	r->criticality = store_col_text(s, C_CRITICALITY);
	r->requester = store_col_text(s, C_REQUESTER);
	r->object = store_col_text(s, C_OBJECT);
	r->received_at = store_col_text(s, C_RECEIVED);
	r->acknowledged_at = store_col_text(s, C_ACK);
	r->intervention_at = store_col_text(s, C_INTERVENTION);
	r->resolved_at = store_col_text(s, C_RESOLVED);
	r->answered_at = store_col_text(s, C_ANSWERED);
	r->cancelled_at = store_col_text(s, C_CANCELLED);
	r->cancel_reason = store_col_text(s, C_REASON);
	r->author = store_col_text(s, C_AUTHOR);
	r->created_at = store_col_text(s, C_CREATED);
	r->updated_at = store_col_text(s, C_UPDATED);
	r->asked = store_col_text(s, C_ASKED);
	r->proposal = store_col_text(s, C_PROPOSAL);
	r->decision = store_col_text(s, C_DECISION);
	r->decided_by = store_col_text(s, C_DECIDED_BY);
	r->decided_on = store_col_text(s, C_DECIDED_ON);
	r->has_cost = sqlite3_column_type(s, C_COST) != SQLITE_NULL;
	r->estimated_cost = r->has_cost ? sqlite3_column_double(s, C_COST)
					: 0;
	r->compensation = store_col_text(s, C_COMPENSATION);
	r->urgent_priority = store_col_text(s, C_PRIORITY);
	r->has_urgent_delay = sqlite3_column_type(s, C_DELAY) != SQLITE_NULL;
	r->urgent_delay_min = r->has_urgent_delay
		? sqlite3_column_int(s, C_DELAY) : 0;

	dates = (struct request_dates){
		.received = r->received_at,
		.acknowledged = r->acknowledged_at,
		.intervention = r->intervention_at,
		.resolved = r->resolved_at,
		.answered = r->answered_at,
		.cancelled = r->cancelled_at,
	};
	r->status = request_status(&dates);
	r->has_ack = request_delay(r->received_at, r->acknowledged_at,
				   &r->ack_hours, &r->ack_days);
	r->has_intervention = request_delay(r->received_at,
					    r->intervention_at,
					    &r->intervention_hours,
					    &r->intervention_days);
	r->has_resolution = request_delay(r->received_at, r->resolved_at,
					  &r->resolution_hours,
					  &r->resolution_days);
}

void store_request_release(struct request *r)
{
	if (!r)
		return;
	free(r->domain_uid);
	free(r->domain_code);
	free(r->domain_name);
	free(r->subdomain_uid);
	free(r->subdomain_letter);
	free(r->subdomain_name);
	free(r->criticality);
	free(r->requester);
	free(r->object);
	free(r->received_at);
	free(r->acknowledged_at);
	free(r->intervention_at);
	free(r->resolved_at);
	free(r->answered_at);
	free(r->cancelled_at);
	free(r->cancel_reason);
	free(r->author);
	free(r->created_at);
	free(r->updated_at);
	free(r->asked);
	free(r->proposal);
	free(r->decision);
	free(r->decided_by);
	free(r->decided_on);
	free(r->compensation);
	free(r->urgent_priority);
	memset(r, 0, sizeof *r);
}

void store_request_list_free(struct request *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_request_release(&v[i]);
	free(v);
}

void request_filter_init(struct request_filter *f)
{
	memset(f, 0, sizeof *f);
	f->kind = -1;
	f->status = -1;
	f->sort = SORT_RECEIVED_DESC;
}

/* received_at bounds for dates from..to (ISO, inclusive): from's first
 * minute, and the day after to (a date-time of to sorts before it). */
static int date_bounds(const char *from, const char *to,
		       char lo[DATE_ISO_LEN], char hi[DATE_ISO_LEN],
		       struct err *e)
{
	struct date d;

	snprintf(lo, DATE_ISO_LEN, "%s", FROM_ANY);
	snprintf(hi, DATE_ISO_LEN, "%s", TO_ANY);
	if (from && *from) {
		if (date_parse(from, &d) != 0) {
			err_set(e, ERR_INPUT, "date de début illisible : « %s »",
				from);
			return -1;
		}
		date_format_iso(d, lo);
	}
	if (to && *to) {
		if (date_parse(to, &d) != 0) {
			err_set(e, ERR_INPUT, "date de fin illisible : « %s »",
				to);
			return -1;
		}
		/* the day after: d + 1 */
		if (d.day < date_days_in_month(d.year, d.month)) {
			d.day++;
		} else if (d.month < 12) {
			d.month++;
			d.day = 1;
		} else {
			d.year++;
			d.month = 1;
			d.day = 1;
		}
		date_format_iso(d, hi);
	}
	return 0;
}

static void bind_filter(sqlite3_stmt *s, const char *contract_uid,
			const struct request_filter *f, const char *lo,
			const char *hi, const char *match)
{
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":from", lo);
	store_bind_text(s, ":to", hi);
	if (f->kind >= 0)
		store_bind_text(s, ":kind", request_kind_vocab[f->kind].db);
	else
		store_bind_null(s, ":kind");
	if (f->status >= 0)
		store_bind_int(s, ":status", f->status);
	else
		store_bind_null(s, ":status");
	store_bind_text(s, ":domain", f->domain_uid && *f->domain_uid ?
					     f->domain_uid : NULL);
	store_bind_text(s, ":match", match);
}

static int list_count(struct store *st, const char *contract_uid,
		      const struct request_filter *f, const char *lo,
		      const char *hi, const char *match, size_t *total,
		      struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, list_count_sql, e);
	int rc;

	if (!s)
		return -1;
	bind_filter(s, contract_uid, f, lo, hi, match);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*total = (size_t)sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_done(st, rc, "compter les saisines", e);
}

int store_request_list(struct store *st, const char *contract_uid,
		       const struct request_filter *f, struct request **out,
		       size_t *n, size_t *total, struct err *e)
{
	char lo[DATE_ISO_LEN], hi[DATE_ISO_LEN];
	char *match = NULL;
	struct request *v = NULL;
	size_t cap = 0, k = 0, count = 0;
	sqlite3_stmt *s;
	int rc, ret = -1;

	*out = NULL;
	*n = 0;
	if (total)
		*total = 0;
	if (f->kind >= REQUEST_KIND_COUNT || f->status >= REQ_STATUS_COUNT ||
	    (int)f->sort < 0 || f->sort >= SORT_COUNT) {
		err_set(e, ERR_INPUT, "filtre de saisines invalide");
		return -1;
	}
	if (date_bounds(f->from, f->to, lo, hi, e) != 0)
		return -1;
	match = store_match_query(f->text);
	if (match && !store_readonly(st)) {
		struct err ignored;

		/* Entries marked by writers outside this API; when that
		 * fails (busy), the index as it is still answers. */
		store_request_reindex(st, &ignored);
	}
	if (!(s = store_stmt(st, list_sql[f->sort], e)))
		goto out;
	bind_filter(s, contract_uid, f, lo, hi, match);
	store_bind_int(s, ":limit", f->limit ? (long long)f->limit : -1);
	store_bind_int(s, ":offset", (long long)f->offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		read_request(s, &v[k++]);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lister les saisines", e) != 0)
		goto out;
	count = k;
	if (total && (f->limit || f->offset) &&
	    list_count(st, contract_uid, f, lo, hi, match, &count, e) != 0)
		goto out;
	*out = v;
	*n = k;
	if (total)
		*total = count;
	v = NULL;
	k = 0;
	ret = 0;
out:
	store_request_list_free(v, k);
	free(match);
	return ret;
}

int store_request_get(struct store *st, const char *uid, struct request *out,
		      struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " REQUEST_COLUMNS
				     REQUEST_FROM " WHERE r.uid = :uid", e);
	bool found = false;
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	store_bind_text(s, ":uid", uid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_request(s, out);
		found = true;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lire la saisine", e) != 0)
		return -1;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "saisine introuvable");
		return -1;
	}
	return 0;
}

int store_exceptional_list(struct store *st, const char *contract_uid,
			   int year, struct request **out, size_t *n,
			   struct err *e)
{
	sqlite3_stmt *s;
	char lo[DATE_ISO_LEN], hi[DATE_ISO_LEN];
	struct request *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (year != 0 && (year < 1900 || year > 2199)) {
		err_set(e, ERR_INPUT, "année invalide : %d", year);
		return -1;
	}
	snprintf(lo, sizeof lo, "%s", FROM_ANY);
	snprintf(hi, sizeof hi, "%s", TO_ANY);
	if (year) {
		snprintf(lo, sizeof lo, "%04d-01-01", year);
		snprintf(hi, sizeof hi, "%04d-01-01", year + 1);
	}
	s = store_stmt(st, "SELECT " REQUEST_COLUMNS REQUEST_FROM
		       " WHERE r.kind = 'exceptional'"
		       " AND r.received_at >= :from AND r.received_at < :to"
		       " AND (:c IS NULL OR r.contract_uid = :c)"
		       " ORDER BY r.received_at, r.uid", e);
	if (!s)
		return -1;
	store_bind_text(s, ":from", lo);
	store_bind_text(s, ":to", hi);
	store_bind_text(s, ":c", contract_uid && *contract_uid ? contract_uid
							       : NULL);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		read_request(s, &v[k++]);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lister les demandes exceptionnelles", e) != 0) {
		store_request_list_free(v, k);
		return -1;
	}
	*out = v;
	*n = k;
	return 0;
}

/* :date for STORE_ANNEX_IN_FORCE: the date of an ISO date or date-time, the
 * latest version when NULL. */
static int in_force_date(const char *date, char out[DATE_ISO_LEN],
			 struct err *e)
{
	struct datetime t;

	if (!date || !*date) {
		snprintf(out, DATE_ISO_LEN, "9999-12-31");
		return 0;
	}
	if (datetime_parse(date, &t) != 0) {
		err_set(e, ERR_INPUT, "date illisible : « %s »", date);
		return -1;
	}
	date_format_iso(t.d, out);
	return 0;
}

int store_request_contact(struct store *st, const char *domain_uid,
			  const char *subdomain_letter, enum request_kind kind,
			  const char *date, char **commune_side,
			  char **shared_side, struct err *e)
{
	char on[DATE_ISO_LEN];
	char *side_holder[SIDE_COUNT] = { NULL, NULL };
	sqlite3_stmt *s;
	bool found = false;
	int rc;

	*commune_side = NULL;
	*shared_side = NULL;
	if ((int)kind < 0 || kind >= REQUEST_KIND_COUNT) {
		err_set(e, ERR_INPUT, "type de saisine inconnu");
		return -1;
	}
	if (in_force_date(date, on, e) != 0)
		return -1;
	if (!(s = store_stmt(st, "SELECT 1 FROM domain WHERE uid = :d", e)))
		return -1;
	store_bind_text(s, ":d", domain_uid);
	rc = sqlite3_step(s);
	found = rc == SQLITE_ROW;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && store_done(st, rc, "chercher le domaine", e) != 0)
		return -1;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "domaine introuvable");
		return -1;
	}
	/* Per side, the sub-domain's cell before the domain's general row. */
	s = store_stmt(st,
		"SELECT c.side, c.holder FROM contact c"
		" LEFT JOIN subdomain s ON s.uid = c.subdomain_uid"
		" WHERE c.annex_uid = " STORE_ANNEX_IN_FORCE(":d")
		" AND c.kind = :kind"
		" AND (c.subdomain_uid IS NULL OR s.letter = :letter)"
		" ORDER BY c.side, c.subdomain_uid IS NULL", e);
	if (!s)
		return -1;
	store_bind_text(s, ":d", domain_uid);
	store_bind_text(s, ":date", on);
	store_bind_text(s, ":kind", request_kind_vocab[kind].db);
	store_bind_text(s, ":letter", subdomain_letter && *subdomain_letter ?
					      subdomain_letter : NULL);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *side = (const char *)sqlite3_column_text(s, 0);
		int i = side ? vocab_from_db(side_vocab, SIDE_COUNT, side) : -1;

		if (i >= 0 && !side_holder[i])
			side_holder[i] = store_col_text(s, 1);
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "chercher le contact", e) != 0) {
		free(side_holder[SIDE_COMMUNE]);
		free(side_holder[SIDE_SHARED]);
		return -1;
	}
	/* Article 4: the commune calls the pole's deputy director general. */
	if (kind == REQUEST_EXCEPTIONAL) {
		free(side_holder[SIDE_COMMUNE]);
		side_holder[SIDE_COMMUNE] =
			xstrdup(request_exceptional_contact);
	}
	*commune_side = side_holder[SIDE_COMMUNE];
	*shared_side = side_holder[SIDE_SHARED];
	return 0;
}

int store_domain_choices(struct store *st, const char *contract_uid,
			 const char *date, struct domain_choice **out,
			 size_t *n, struct err *e)
{
	char on[DATE_ISO_LEN];
	struct domain_choice *v = NULL;
	size_t cap = 0, k = 0, sub_cap = 0;
	sqlite3_stmt *s;
	int rc;

	*out = NULL;
	*n = 0;
	if (in_force_date(date, on, e) != 0)
		return -1;
	s = store_stmt(st,
		"SELECT d.uid, d.code, coalesce(a.domain_name, d.name),"
		" sd.uid, sd.letter, sd.name FROM domain d"
		" LEFT JOIN annex a ON a.uid = " STORE_ANNEX_IN_FORCE("d.uid")
		" LEFT JOIN subdomain sd ON sd.annex_uid = a.uid"
		" WHERE d.contract_uid = :c"
		" ORDER BY d.rowid, sd.position, sd.letter", e);
	if (!s)
		return -1;
	store_bind_text(s, ":c", contract_uid);
	store_bind_text(s, ":date", on);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *uid = (const char *)sqlite3_column_text(s, 0);
		struct domain_choice *d;

		if (!k || strcmp(v[k - 1].uid, uid ? uid : "")) {
			v = xgrow(v, &cap, k + 1, sizeof *v);
			d = &v[k++];
			memset(d, 0, sizeof *d);
			store_col_uid(d->uid, s, 0);
			d->code = store_col_dup(s, 1);
			d->name = store_col_dup(s, 2);
			sub_cap = 0;
		}
		d = &v[k - 1];
		if (sqlite3_column_type(s, 3) != SQLITE_NULL) {
			struct subdomain_choice *c;

			d->subdomains = xgrow(d->subdomains, &sub_cap,
					      d->n_subdomains + 1,
					      sizeof *d->subdomains);
			c = &d->subdomains[d->n_subdomains++];
			store_col_uid(c->uid, s, 3);
			c->letter = store_col_dup(s, 4);
			c->name = store_col_dup(s, 5);
		}
	}
	sqlite3_reset(s);
	if (store_done(st, rc, "lister les domaines", e) != 0) {
		store_domain_choices_free(v, k);
		return -1;
	}
	for (size_t i = 0; i < k; i++)
		if (store_domain_criticalities(st, v[i].uid, on,
					       &v[i].criticalities,
					       &v[i].n_criticalities, e) != 0) {
			store_domain_choices_free(v, k);
			return -1;
		}
	*out = v;
	*n = k;
	return 0;
}

int store_domain_criticalities(struct store *st, const char *domain_uid,
			       const char *date, char ***out, size_t *n,
			       struct err *e)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT i.criticalities FROM indicator i WHERE i.annex_uid ="
		" " STORE_ANNEX_IN_FORCE(":d") " AND i.criticalities IS NOT NULL"
		" ORDER BY i.position", e);
	char **keys = NULL;
	size_t cap = 0, kcap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	store_bind_text(s, ":d", domain_uid);
	store_bind_text(s, ":date", date);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char *list = store_col_dup(s, 0), **lv;
		size_t nl = contract_levels(list, &lv);

		for (size_t i = 0; i < nl; i++) {
			const char *t = lv[i];
			char *key;
			bool seen = false;

			key = text_fold(t);
			for (size_t k = 0; k < *n && !seen; k++)
				seen = !strcmp(keys[k], key);
			if (seen) {
				free(key);
				continue;
			}
			keys = xgrow(keys, &kcap, *n + 1, sizeof *keys);
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			keys[*n] = key;
			(*out)[(*n)++] = xstrdup(t);
		}
		contract_levels_free(lv, nl);
		free(list);
	}
	sqlite3_reset(s);
	text_lines_free(keys, *n);
	if (store_done(st, rc, "lire les criticités", e) != 0) {
		text_lines_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void store_domain_choices_free(struct domain_choice *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		text_lines_free(v[i].criticalities, v[i].n_criticalities);
		free(v[i].code);
		free(v[i].name);
		for (size_t j = 0; j < v[i].n_subdomains; j++) {
			free(v[i].subdomains[j].letter);
			free(v[i].subdomains[j].name);
		}
		free(v[i].subdomains);
	}
	free(v);
}
