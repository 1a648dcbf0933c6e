/*
 * store_request.h - requests (saisines) in the database, and the
 * indicator values computed from them.
 *
 * A request belongs to one contract and to one of its domains (and a
 * sub-domain of that domain): an ordinary or urgent request concerns a
 * mutualised function, so its domain is required; an exceptional one,
 * outside the contract's scope, may have none. It is received on or
 * after the contract's start, and on or after the first annex of its
 * domain is in force (an annex never applies before its date). An urgent
 * request may carry the priority and intervention delay article 4 says
 * it imposes on the shared service. Its follow-up is a set of
 * date-times: received (required), acknowledged, intervention, resolved,
 * answered, cancelled. They are stored normalised as "AAAA-MM-JJTHH:MM"
 * (workdays.h: datetime_format_iso), wall-clock time, so that text order
 * is time order and the received_at index serves period queries.
 *
 * The log (listing with filters, sorting and full-text search, editing,
 * cancelling, exceptional requests, the contact to call) is below the
 * write side.
 */
#ifndef SUIVI_STORE_REQUEST_H
#define SUIVI_STORE_REQUEST_H

#include <stdbool.h>

#include "suivi/err.h"
#include "suivi/model.h"
#include "suivi/request.h"
#include "suivi/store.h"
#include "suivi/value.h"

/* What a new request says. Strings are the caller's; NULL or "" means
 * "none" for the optional ones. Date-times in any form datetime_parse
 * accepts ("AAAA-MM-JJTHH:MM", "JJ/MM/AAAA HH:MM", a date alone = 00:00). */
struct request_input {
	enum request_kind kind;
	const char *form;	/* db code: letter, note, email, phone, oral,
				 * shared_tool */
	const char *domain_uid;		/* of the contract; required but
					 * for an exceptional request */
	const char *subdomain_uid;	/* optional; of that domain */
	const char *nature;		/* "demand" or "incident" */
	const char *criticality;	/* optional, e.g. "critique" */
	const char *requester;		/* optional */
	const char *object;		/* required, trimmed */
	const char *received_at;	/* required */
	const char *acknowledged_at, *intervention_at, *resolved_at,
		   *answered_at, *cancelled_at;
	const char *cancel_reason;	/* optional */
	/* urgent requests only (article 4), optional: their specific
	 * priority (a short text) and intervention delay, hours as
	 * request_urgent_delay_parse reads them ("4 h", "2h30") */
	const char *urgent_priority, *urgent_delay;
};

/* Record a new request of the contract, in one transaction (nested in
 * the caller's, if any), authored by store_author(st). Refused with
 * ERR_INPUT and a French message, nothing written: unknown kind, form or
 * nature, empty object, a date-time that does not parse, a follow-up
 * date-time (acknowledged, intervention, resolved, answered, cancelled)
 * before received, received before the contract's start ("la saisine
 * est reçue le 14/02/2016, avant le début du contrat 33069-2016 (le
 * 15/02/2016)"), an ordinary or urgent request without a domain ("une
 * saisine ordinaire concerne une fonction mutualisée : son domaine est
 * obligatoire", adding "(aucun domaine du contrat n'a d'annexe en
 * vigueur le JJ/MM/AAAA)" when that is so), a domain of another
 * contract, a domain received before its first annex is in force ("le
 * domaine « Numérique et systèmes d'information » n'a aucune annexe en
 * vigueur le 31/12/2017 : sa première l'est à partir du 01/01/2018"), a
 * sub-domain without its domain or of another domain, a priority or a
 * delay on a request that is not urgent, a delay
 * request_urgent_delay_parse refuses, a text over its limit or holding a
 * character its kind refuses (limits.h: object and cancel reason
 * TEXT_LONG, "objet", "motif d'annulation"; requester, criticality and
 * priority TEXT_LINE, "demandeur", "criticité", "priorité"; texts are
 * checked trimmed).
 * ERR_NOTFOUND for an unknown contract.
 * uid_out (may be NULL) receives the new request's uid. */
int store_request_add(struct store *st, const char *contract_uid,
		      const struct request_input *in,
		      char uid_out[STORE_UID_LEN], struct err *e);

/* The uid of the contract's domain whose code is domain_code ("nsi");
 * ERR_NOTFOUND when none. */
int store_domain_uid(struct store *st, const char *contract_uid,
		     const char *domain_code, char out[STORE_UID_LEN],
		     struct err *e);

/* The uid of indicator `code` ("3.3.2") of the contract's domain
 * domain_code, in the annex version in force on date (ISO "AAAA-MM-JJ"):
 * the latest version not after it (before the first version nothing is
 * in force: ERR_NOTFOUND); NULL date: the latest version. ERR_NOTFOUND
 * when none. */
int store_indicator_find(struct store *st, const char *contract_uid,
			 const char *domain_code, const char *code,
			 const char *date, char uid_out[STORE_UID_LEN],
			 struct err *e);

/*
 * The value of a computed indicator (one with a `calcul`) for period p,
 * from the requests of the indicator's contract and domain (requests of
 * another domain or of none do not count) received from p's first day
 * 00:00 to its last day 23:59, and not cancelled (a cancelled request
 * never counts, whenever it was cancelled). Follow-up date-times count
 * whenever they happened, even after the period.
 *
 * criticality: NULL or "" counts every request; otherwise only requests
 * of that criticality (exact match) count. Indicators split by
 * criticality (3.3.2) are asked once per criticality.
 *
 *   ack_delay           mean of acknowledged - received, over the
 *                       requests (demands and incidents) acknowledged
 *   resolution_delay    mean of resolved - received, over the incidents
 *                       resolved
 *   intervention_delay  mean of intervention - received, over the
 *                       requests with an intervention
 *   restore_delay       mean of resolved - received, over the incidents
 *                       resolved
 *   treated_ratio       num: requests resolved or answered; den: requests
 *                       received
 *
 * A delay is in the indicator's value kind: 'hours' wall-clock hours
 * (datetime_hours_between), 'days' working days (jours ouvrés,
 * datetime_workdays_between, times of day ignored); mean rounded to two
 * decimals, in num. treated_ratio fills num and den for a 'ratio'
 * indicator, and num = 100 * treated / received (two decimals) for a
 * 'percent' one. Any other value kind, or an indicator without
 * `calcul`, is ERR_INPUT; an unknown indicator ERR_NOTFOUND.
 *
 * *found is false, and *out untouched, when no request counts (no
 * request received for the ratio). Otherwise *out is filled (text NULL);
 * release it with value_release.
 */
int store_computed_value(struct store *st, const char *indicator_uid,
			 struct period p, const char *criticality,
			 struct value *out, bool *found, struct err *e);

/* ------------------------------------------------------------------ */
/* The log                                                             */

/* One request as the log shows it. Strings are heap copies (NULL when
 * empty); delays from received, when the end date is set. */
struct request {
	char uid[STORE_UID_LEN];
	char contract_uid[STORE_UID_LEN];
	enum request_kind kind;
	enum request_form form;
	enum request_nature nature;
	enum request_status status;
	char *domain_uid, *domain_code, *domain_name;
	char *subdomain_uid, *subdomain_letter, *subdomain_name;
	char *criticality, *requester, *object;
	char *received_at, *acknowledged_at, *intervention_at, *resolved_at,
	     *answered_at, *cancelled_at, *cancel_reason;
	char *author, *created_at, *updated_at;
	/* urgent requests (article 4): their specific priority and
	 * intervention delay, in minutes (request_urgent_delay_format) */
	char *urgent_priority;
	bool has_urgent_delay;
	int urgent_delay_min;
	/* received → acknowledged / intervention / resolved */
	bool has_ack, has_intervention, has_resolution;
	double ack_hours, ack_days, intervention_hours, intervention_days,
	       resolution_hours, resolution_days;
	/* exceptional requests (kind REQUEST_EXCEPTIONAL): their own fields */
	char *asked, *proposal, *decision, *decided_by, *decided_on,
	     *compensation;
	bool has_cost;
	double estimated_cost;
};

void store_request_release(struct request *r);
void store_request_list_free(struct request *v, size_t n);

enum request_sort {
	SORT_RECEIVED_DESC,	/* newest first (default) */
	SORT_RECEIVED_ASC,
	SORT_STATUS,		/* then newest first */
	SORT_KIND,
	SORT_DOMAIN,
	SORT_RESOLUTION_DELAY,	/* longest first, unresolved last */
	SORT_COUNT
};

/* Which requests: every field optional (-1 or NULL: any). from/to are
 * dates (ISO "AAAA-MM-JJ") of reception, both inclusive. text is what
 * the user typed: every word must appear (prefixes match), accents and
 * case ignored, in the object, requester, cancel reason or the
 * exceptional fields (FTS5). */
struct request_filter {
	int kind;		/* enum request_kind */
	int status;		/* enum request_status */
	const char *domain_uid;
	const char *from, *to;
	const char *text;
	enum request_sort sort;
	size_t offset, limit;	/* a window of the sorted list; limit 0: all */
};
void request_filter_init(struct request_filter *f);

/* The contract's requests matching f, sorted, the window asked;
 * *total (may be NULL) is how many match in all. A text that FTS5 cannot
 * read is searched as plain words (never an error). */
int store_request_list(struct store *st, const char *contract_uid,
		       const struct request_filter *f, struct request **out,
		       size_t *n, size_t *total, struct err *e);
int store_request_get(struct store *st, const char *uid, struct request *out,
		      struct err *e);
/* Replace what a request says (same checks as store_request_add; an
 * unknown uid is ERR_NOTFOUND); its contract and author (who recorded
 * it) do not change, updated_at does. A request that stops being
 * exceptional keeps its exceptional fields, unseen until it is again. */
int store_request_update(struct store *st, const char *uid,
			 const struct request_input *in, struct err *e);
/* Cancel (when: a date-time, NULL now: today's date, date_today, at the
 * local time of day) with a reason (NULL keeps the one already written;
 * TEXT_LONG, "motif d'annulation"); ERR_INPUT when already cancelled or
 * when before the reception. */
int store_request_cancel(struct store *st, const char *uid, const char *when,
			 const char *reason, struct err *e);

/* The fields of an exceptional request (NULL or "": none). decided_on a
 * date (JJ/MM/AAAA or ISO); estimated_cost >= 0 when has_cost. Texts
 * (limits.h, checked trimmed): asked, proposal, decision, compensation
 * TEXT_LONG ("demande", "proposition", "décision", "compensation"),
 * decided_by TEXT_LINE ("décidé par"). Refused (ERR_INPUT, nothing
 * written) for a request that is not exceptional, or a field its rules
 * refuse; a decision needs who decided and when ("une décision dit qui
 * l'a prise et quand : « décidé par » et « décidé le » manquent"). */
struct exceptional_input {
	const char *asked, *proposal, *decision, *decided_by, *decided_on,
		   *compensation;
	bool has_cost;
	double estimated_cost;
};
/* Replace every field with x's, in one transaction (nested in the
 * caller's) with its history row: "exceptional_set" the first time (no
 * before; after lists the fields given), then "exceptional_update"
 * (before and after list the fields that changed, "décision : A ·
 * décidé par : B", an emptied one "(vide)"). When nothing changes,
 * nothing is written. */
int store_exceptional_set(struct store *st, const char *request_uid,
			  const struct exceptional_input *x, struct err *e);
/* The same, with the reason of the change (NULL or blank: none; TEXT_LONG,
 * "raison"), kept trimmed in the history row. */
int store_exceptional_set_with_reason(struct store *st,
				      const char *request_uid,
				      const struct exceptional_input *x,
				      const char *reason, struct err *e);
/* Remove the decision of an exceptional request: decision, decided_by
 * and decided_on become NULL (the other fields stay), with a history row
 * "decision_clear" (before: the decision's fields, no after) keeping the
 * reason (optional, as above). ERR_INPUT when it has no decision (none of
 * the three), or is not exceptional; ERR_NOTFOUND for an unknown
 * request. */
int store_exceptional_clear_decision(struct store *st,
				     const char *request_uid,
				     const char *reason, struct err *e);

/* A change of a request's exceptional fields, in the order written
 * (store.h): what
 * ("fiche exceptionnelle renseignée", "fiche exceptionnelle modifiée",
 * "décision effacée"), who (store_author), when (ISO 8601 UTC), before
 * and after (NULL when none), and the reason (NULL when none given).
 * Heap strings. Requests written without this API (an import's raw SQL,
 * a database before schema 7) have none. */
/* ERR_NOTFOUND for an unknown request. */
int store_request_history(struct store *st, const char *request_uid,
			  struct store_change **out, size_t *n,
			  struct err *e);
/* The exceptional requests received in year (0: every year) of a
 * contract (NULL: every contract), oldest first; cancelled ones too
 * (their status says so). Those without their fields yet have them
 * NULL. */
int store_exceptional_list(struct store *st, const char *contract_uid,
			   int year, struct request **out, size_t *n,
			   struct err *e);

/* The contact to call for a request of kind on a sub-domain (letter, or
 * NULL: the domain's general row) of a domain, in the annex version in
 * force on date (ISO): the commune side and the shared-service side of
 * that cell of the contract's matrix (heap strings, NULL when the
 * contract names none). An exceptional request gives the deputy
 * director general in charge of the territorial pole (article 4) on the
 * commune side. */
int store_request_contact(struct store *st, const char *domain_uid,
			  const char *subdomain_letter, enum request_kind kind,
			  const char *date, char **commune_side,
			  char **shared_side, struct err *e);

/* The full-text index follows the requests: triggers mark what changed,
 * this brings the marked entries up to date (in one transaction, nested
 * in the caller's; nothing to do costs one indexed read). Every write of
 * this API calls it before it commits, and store_request_list before a
 * text search; code that writes requests or exceptional requests with
 * its own SQL (a bulk import) may call it once at the end. */
int store_request_reindex(struct store *st, struct err *e);

/* The domains of a contract and their sub-domains, in the annex version
 * in force on date: what a request form offers. */
struct subdomain_choice {
	char uid[STORE_UID_LEN];
	char *letter, *name;
};
struct domain_choice {
	char uid[STORE_UID_LEN];
	char *code, *name;
	struct subdomain_choice *subdomains;
	size_t n_subdomains;
	/* the criticality levels of its annex (store_domain_criticalities) */
	char **criticalities;
	size_t n_criticalities;
};
int store_domain_choices(struct store *st, const char *contract_uid,
			 const char *date, struct domain_choice **out,
			 size_t *n, struct err *e);
void store_domain_choices_free(struct domain_choice *v, size_t n);

/* The criticality levels a request of the domain can have on date (ISO
 * "AAAA-MM-JJ"): those the annex in force then gives its indicators
 * (« criticites »), in the annex's order, each once (case and accents
 * aside), spelt as the annex spells them; none when the annex has none
 * or nothing is in force. Free with text_lines_free. */
int store_domain_criticalities(struct store *st, const char *domain_uid,
			       const char *date, char ***out, size_t *n,
			       struct err *e);

#endif
