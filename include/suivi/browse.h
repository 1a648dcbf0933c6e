/*
 * browse.h - the contract as a tree to browse (no curses, no SQL).
 *
 * browse_build turns what the store loaded (a contract's texts, every
 * version of every annex) into a tree of nodes, each with a label for the
 * list and a detail text (French, with line breaks) for the detail pane.
 * The tree owns all its strings; browse_free releases it. browse_load
 * gets what the tree is built from through the store API (never SQL). Search works on
 * each node's folded text (accent- and case-insensitive).
 */
#ifndef SUIVI_BROWSE_H
#define SUIVI_BROWSE_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/contract.h"
#include "suivi/store_contract.h"
#include "suivi/strbuf.h"

enum node_kind {
	NODE_ROOT, NODE_INFO, NODE_RULES, NODE_ARTICLES, NODE_ARTICLE,
	NODE_DOMAIN, NODE_SUBDOMAINS, NODE_SUBDOMAIN, NODE_ACTIVITY,
	NODE_COMMITMENTS, NODE_COMMITMENT, NODE_INDICATOR, NODE_ROLES,
	NODE_CONTACTS, NODE_PRIORITIES, NODE_COMMITTEES, NODE_COMMITTEE,
	NODE_TEXTS, NODE_VERSIONS, NODE_VERSION, NODE_AMENDMENTS,
	NODE_AMENDMENT
};

struct node {
	enum node_kind kind;
	char *label;
	char *detail;
	char *folded;		/* label and detail, folded, for search;
				 * NULL until the first search */
	struct node *parent;
	struct node **kids;
	size_t n_kids, cap;
	int domain;		/* index in browse_input.domains, or -1 */
	int version;		/* NODE_VERSION: index of the version */
	bool pending;		/* a domain whose levels are not built yet */
	struct browse_input *in;	/* the root's copy of its input */
};

struct browse_version {
	struct annex_info info;
	struct annex *annex;
};

struct browse_domain {
	char *code, *name;
	struct browse_version *versions;	/* by date */
	size_t n_versions;
	size_t shown;		/* the version on view */
	size_t in_force;	/* the version in force on the date, or
				 * BROWSE_NONE before the first one */
};

/* No version of a domain is in force (the date comes before them all). */
#define BROWSE_NONE ((size_t)-1)

/* Text of the target of an indicator for the year, or NULL (heap). */
typedef char *(*browse_target_fn)(void *ctx, int year,
				  const struct indicator *d,
				  const char *criticality);

struct browse_input {
	const struct contract_view *contract;
	const struct browse_domain *domains;
	size_t n_domains;
	const char *date;	/* ISO: annexes in force on it */
	int year;		/* targets shown for this year */
	bool iso_dates;		/* AAAA-MM-JJ rather than JJ/MM/AAAA */
	browse_target_fn target;
	void *ctx;
};

/* What a tree is built from: a contract's texts and every version of
 * every annex, grouped by domain, with the version in force on a date. */
struct browse_source {
	struct contract_view *contract;
	struct browse_domain *domains;
	size_t n_domains;
};

int browse_load(struct store *st, const char *contract_uid, const char *date,
		struct browse_source *out, struct err *e);
void browse_source_release(struct browse_source *src);
/* The version of a domain in force on date (ISO): the latest whose date
 * is not after it; BROWSE_NONE before the first (an annex never applies
 * before its date: STORE_ANNEX_IN_FORCE's rule). */
size_t browse_in_force(const struct browse_domain *d, const char *date);
/* A browse_target_fn reading the targets from the store (ctx: the store). */
char *browse_store_target(void *ctx, int year, const struct indicator *d,
			  const char *criticality);

/* The tree: the contract's texts and one node per domain; a domain's
 * levels (sub-domains, commitments, versions…) are built when it is
 * first opened (browse_expand) or searched. in's pointers must stay valid
 * as long as the tree. */
struct node *browse_build(const struct browse_input *in);
/* Build the levels under a pending domain node (no-op otherwise). */
void browse_expand(struct node *n);
/* Whether a node has (or will have) levels under it. */
bool browse_has_kids(const struct node *n);
void browse_free(struct node *root);

/* The next (or previous) node after `from` in reading order whose folded
 * text contains the folded query, wrapping around; NULL when none. */
struct node *browse_find(struct node *root, struct node *from,
			 const char *folded_query, bool forward);
/* How many nodes match the folded query; *rank (if not NULL) is the
 * position of `at` among them in reading order (1-based), 0 if it is not
 * one of them. */
size_t browse_count(struct node *root, const char *folded_query,
		    const struct node *at, size_t *rank);
/* Index of n among its parent's children. */
size_t browse_index(const struct node *n);

/* What changed from one version of an annex to the next (French text). */
void browse_diff(const struct annex *before, const struct annex *after,
		 struct strbuf *out);

#endif
