/*
 * request_columns.h - the columns of the requests CSV (export requests
 * writes them in this order; import requests takes them by name, in any
 * order), so that an export imported into another database gives the
 * same requests back.
 */
#ifndef SUIVI_REQUEST_COLUMNS_H
#define SUIVI_REQUEST_COLUMNS_H

enum request_col {
	C_COMMUNE, C_CONTRACT, C_KIND, C_FORM, C_DOMAIN, C_SUBDOMAIN,
	C_NATURE, C_CRITICALITY, C_PRIORITY, C_DELAY, C_REQUESTER, C_OBJECT,
	C_RECEIVED, C_ACK,
	C_INTERVENTION, C_RESOLVED, C_ANSWERED, C_CANCELLED, C_CANCEL_REASON,
	C_STATUS, C_ACK_HOURS, C_ACK_DAYS, C_RES_HOURS, C_RES_DAYS, C_ASKED,
	C_PROPOSAL, C_DECISION, C_DECIDED_BY, C_DECIDED_ON, C_COST,
	C_COMPENSATION, C_AUTHOR, C_UPDATED, C_COUNT
};

enum {
	COL_REQUIRED = 1,	/* an import without it is refused */
	COL_DERIVED = 2,	/* written, ignored on import */
	COL_EXCEPTIONAL = 4,	/* only for an exceptional request */
};

struct request_column {
	const char *name;	/* the header's French name */
	unsigned flags;
};

extern const struct request_column request_columns[C_COUNT];

#endif
