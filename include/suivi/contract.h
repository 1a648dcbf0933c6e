/*
 * contract.h - a contract or amendment file as read, before storage.
 *
 * struct contract_doc is what io/contract_file.c builds from a validated
 * file and store/contract.c writes to the database. It owns every string
 * and array it points to; contract_doc_free releases all of it. Optional
 * texts are NULL when absent. Codes keep the case written in the file.
 */
#ifndef SUIVI_CONTRACT_H
#define SUIVI_CONTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/model.h"

struct activity {
	char *heading;		/* rubrique, or NULL */
	char *text;
};

struct subdomain {
	char *letter;		/* "A" */
	char *name;
	char *note;
	struct activity *activities;
	size_t n_activities;
};

struct role {
	enum side side;
	char *title;
	char *holder;
};

struct contact {
	char *subdomain;	/* letter, or NULL: every sub-domain */
	enum request_kind kind;
	char *commune;
	char *shared;
};

enum annex_item_kind {
	ITEM_PRIORITY,
	ITEM_MUTUAL_COMMITMENT	/* "engagement de service réciproque" */
};

struct annex_item {
	enum annex_item_kind kind;
	char *text;
	bool removed;		/* struck out by an amendment */
	int line;		/* in the file, for the importer's messages */
};

struct committee {
	char *name, *purpose, *members_commune, *members_shared, *frequency;
};

struct commitment {
	char *code;		/* "3.3" */
	char *subdomain;	/* letter or NULL */
	char *title;
};

struct indicator {
	char *uid;		/* database key once stored, NULL from a file */
	char *code;		/* "3.3.2" */
	char *commitment;	/* commitment code */
	char *label;
	char *definition;
	enum periodicity periodicity;
	char *source;
	char *baseline;
	char *conditions;
	enum value_kind value_kind;
	char *unit;
	int scale_min, scale_max;	/* VALUE_LEVEL only */
	enum better better;
	char *criticalities;	/* "critique, majeure, mineure" or NULL */
	int computed_from;	/* enum computed_from */
	/* Which of the attributes above are the follow-up's choices, not
	 * the contract's text ([choix CODE/NUM] in the file): their file
	 * keys, ", "-separated ("type_valeur, echelle, meilleur"), or NULL. */
	char *choices;
};

/* The annex of one domain, as one file gives it. */
struct annex {
	char *domain_code;	/* "nsi" */
	char *domain_name;
	/* A domain the contract has whose annex is not transcribed
	 * ([domaine CODE] with transcrite = non): only the code and the
	 * name, no content; nothing of it is in force until an amendment
	 * replaces it. */
	bool untranscribed;
	char *title;
	char *preamble, *means, *implementation, *operation, *notes;
	char *volume_note;
	struct subdomain *subdomains;
	size_t n_subdomains;
	struct role *roles;
	size_t n_roles;
	struct contact *contacts;
	size_t n_contacts;
	struct annex_item *items;
	size_t n_items;
	struct committee *committees;
	size_t n_committees;
	struct commitment *commitments;
	size_t n_commitments;
	struct indicator *indicators;
	size_t n_indicators;
};

struct article {
	int number;
	char *title;
	char *summary;
	char *text;
};

enum doc_kind { DOC_CONTRACT, DOC_AMENDMENT };

struct contract_doc {
	enum doc_kind kind;
	char *path;
	char *source;		/* the whole file, as read */

	/* DOC_CONTRACT */
	char *identifier;
	char *commune, *insee;
	char *title;
	char *starts_on;	/* ISO date */
	char *signed_on;	/* ISO date or NULL */
	char *duration;
	char *metropole_signatory, *mayor_signatory;
	char *preamble;
	/* Header facts the follow-up chose or assumed (a [choix] section):
	 * file keys, ", "-separated ("insee, debut"), or NULL. */
	char *choices;
	struct article *articles;
	size_t n_articles;

	/* DOC_AMENDMENT */
	char *contract_identifier;
	int number;
	char *in_force_from;	/* ISO date */
	char *object;
	char **replaces;	/* codes of domains the contract has */
	size_t n_replaces;
	char **adds;		/* codes of domains it adds */
	size_t n_adds;

	struct annex *annexes;
	size_t n_annexes;

	/* Lines of the file, for messages about what the database refuses
	 * (an identifier already used, an unknown contract, a date). */
	int line_header, line_identifier, line_insee, line_contract_ref,
	    line_in_force, line_replaces, line_adds;

	/* What the file says that is allowed but worth a look (a signature
	 * after the date in force), as FILE:LINE: attention : message. */
	struct diag_list warnings;
};

void contract_doc_free(struct contract_doc *doc);
/* Free an annex allocated on its own (store_annex_load); NULL is a no-op. */
/* Free an indicator's strings (the struct itself stays). */
void indicator_release(struct indicator *d);
void annex_free(struct annex *a);

/* The levels of a criticality list as the contract writes it
 * ("critique, majeure, mineure"): each trimmed (text_trim), empty ones
 * skipped, heap strings in *out (contract_levels_free); their number
 * (0 for NULL or ""). */
size_t contract_levels(const char *list, char ***out);
void contract_levels_free(char **v, size_t n);

#endif
