/*
 * request_import.h - requests from a CSV file (suivi import requests): the
 * export's columns, named in a header row in any order; all or nothing.
 */
#ifndef SUIVI_REQUEST_IMPORT_H
#define SUIVI_REQUEST_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "suivi/err.h"

struct store;

#define REQUEST_IMPORT_MAX_PROBLEMS 50	/* reading stops there */

struct request_import {
	size_t imported;		/* requests written (all or none) */
	struct diag_list problems;	/* FILE:LINE, the file's problems */
	bool stopped;			/* reading stopped at the limit */
};

/* The requests of the CSV file read from in (path names it in the
 * problems) into st, each in the contract of its `contrat` or `commune`
 * column, or, when commune_uid is not NULL, in that one for every row
 * (commune: how it was named, for messages). 0: every one
 * imported (r->imported); 1: the file has problems (r->problems),
 * nothing written; -1: a failure that is not the file's (e), nothing
 * written. Release r in every case. */
int request_import(struct store *st, FILE *in, const char *path,
		   const char *commune, const char *commune_uid,
		   struct request_import *r, struct err *e);
void request_import_release(struct request_import *r);

#endif
