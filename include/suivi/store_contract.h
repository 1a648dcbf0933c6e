/*
 * store_contract.h - contracts, amendments and annex versions in the
 * database: import and the read side used by the CLI (and later the UI).
 *
 * Import rules (suivi-contrat(5)):
 *  - a contract is identified by its identifiant; importing the same file
 *    again changes nothing (IMPORT_UNCHANGED); a different file with the
 *    same identifiant is refused: changes go through an amendment;
 *  - an amendment N puts version N of each annex it replaces in force from
 *    its date; earlier versions stay, with the values measured under them.
 * store_contract_import must run inside store_begin/store_commit, so that
 * several files import all or nothing.
 *
 * Read functions return caller-owned arrays; free them with the matching
 * _free function.
 */
#ifndef SUIVI_STORE_CONTRACT_H
#define SUIVI_STORE_CONTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/contract.h"
#include "suivi/err.h"
#include "suivi/store.h"

enum import_outcome { IMPORT_NEW, IMPORT_UNCHANGED };

int store_contract_import(struct store *st, const struct contract_doc *doc,
			  enum import_outcome *outcome, struct err *e);

struct contract_info {
	char uid[STORE_UID_LEN];
	char *identifier, *commune, *insee, *title, *starts_on;
	int n_amendments;
};

/* Every contract, by commune name. */
int store_contract_list(struct store *st, struct contract_info **out,
			size_t *n, struct err *e);
void store_contract_list_free(struct contract_info *v, size_t n);

struct annex_info {
	char uid[STORE_UID_LEN];
	char *domain_code, *domain_name;
	int version;		/* 0: the contract's own annex */
	char *in_force_from;
	int n_subdomains, n_activities, n_roles, n_contacts, n_priorities,
	    n_removed_priorities, n_mutual, n_committees, n_commitments,
	    n_indicators;
};

/* The annexes of a contract in force on date (ISO): for each domain the
 * latest version whose date is not after it; none for a domain before its
 * first version (an annex never applies before its date). */
int store_annexes_in_force(struct store *st, const char *contract_uid,
			   const char *date, struct annex_info **out,
			   size_t *n, struct err *e);
/* Every version of every annex of a contract, by domain then version. */
int store_annex_versions(struct store *st, const char *contract_uid,
			 struct annex_info **out, size_t *n, struct err *e);
void store_annex_list_free(struct annex_info *v, size_t n);
/* The names of the committees of the contract's annexes in force on
 * date (ISO), in annex then file order; free with text_lines_free. */
int store_committee_names(struct store *st, const char *contract_uid,
			  const char *date, char ***out, size_t *n,
			  struct err *e);

/* Totals of what users have added, for the summary. */
struct store_totals {
	long contracts, amendments, measurements, targets, requests,
	     disputes, meetings, action_items;
};
int store_totals(struct store *st, struct store_totals *t, struct err *e);

/* One indicator with its context, for exports. Strings are valid only
 * during the callback. */
struct indicator_row {
	const char *commune, *insee, *contract, *domain_code, *domain_name;
	int annex_version;
	const char *in_force_from;
	const char *subdomain, *subdomain_name;
	const char *commitment, *commitment_title;
	const char *code, *label, *definition, *periodicity, *source,
		*baseline, *conditions, *value_kind, *unit, *better,
		*criticalities, *computed_from;
	const char *choices;	/* struct indicator: file keys, or NULL */
	int scale_min, scale_max;	/* -1 when not a level */
};

typedef int (*indicator_row_fn)(const struct indicator_row *row, void *ctx);

/* Indicators of the annexes in force on date, for every contract or for
 * the one whose identifier, INSEE code or commune name is `contract`
 * (NULL: all), in contract order. fn returning non-zero stops the walk
 * and is returned. */
int store_indicator_rows(struct store *st, const char *contract,
			 const char *date, indicator_row_fn fn, void *ctx,
			 struct err *e);

struct amendment_info {
	int number;
	char *in_force_from, *signed_on, *object;
	char *replaces;		/* "nsi, eco": codes of the annexes it replaces */
	char *adds;		/* codes of the domains it adds, or NULL */
};

/* A contract's own texts, for the contract browser. */
struct contract_view {
	char uid[STORE_UID_LEN];
	char *identifier, *commune, *insee, *title, *starts_on, *signed_on,
	     *duration, *metropole_signatory, *mayor_signatory, *preamble;
	char *choices;		/* header facts the follow-up chose, or NULL
				 * (struct contract_doc) */
	struct article *articles;
	size_t n_articles;
	struct amendment_info *amendments;
	size_t n_amendments;
};

int store_contract_load(struct store *st, const char *uid,
			struct contract_view **out, struct err *e);
void store_contract_view_free(struct contract_view *v);

/* One indicator by uid (free its strings with indicator_release). */
int store_indicator_get(struct store *st, const char *uid,
			struct indicator *out, struct err *e);

/* One version of an annex, whole, as the model describes it (indicators
 * carry their uid). Free with annex_free. */
int store_annex_load(struct store *st, const char *annex_uid,
		     struct annex **out, struct err *e);

/* The target agreed for an indicator and a year ('' criticality when the
 * indicator is not split). *found false when none. */
struct target_value {
	double num, den;
	bool has_num, has_den;
	char *text;		/* heap or NULL */
	char *better;		/* db code overriding the indicator's, or NULL */
};
int store_target_get(struct store *st, const char *indicator_uid, int year,
		     const char *criticality, struct target_value *out,
		     bool *found, struct err *e);
void store_target_release(struct target_value *t);

/* Find a contract by identifier, INSEE code or commune name
 * (case-insensitive); ERR_NOTFOUND when none. */
int store_contract_find(struct store *st, const char *key,
			char uid[STORE_UID_LEN], struct err *e);

#endif
