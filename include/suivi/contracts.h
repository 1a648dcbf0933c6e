/*
 * contracts.h - contract and amendment files imported into a database, as
 * `suivi import` and the first run do: every file read and checked first
 * (any problem: nothing imported), then contracts before amendments,
 * amendments by number, whatever the order given, in one transaction.
 */
#ifndef SUIVI_CONTRACTS_H
#define SUIVI_CONTRACTS_H

#include "suivi/contract_file.h"
#include "suivi/err.h"
#include "suivi/store_contract.h"

struct store;

struct contracts_import {
	struct contract_doc **docs;	/* in import order; each doc's own
					 * warnings in docs[i]->warnings */
	enum import_outcome *outcomes;	/* new, or already there unchanged */
	int n;
	struct diag_list problems;	/* FILE:LINE problems of reading */
};

/* 0 when every file was imported (r says how, in order); -1 with e
 * filled otherwise: r->problems holds the reading problems when there
 * were (e then « N problème(s) : rien n'a été importé »), else e says
 * what the store refused. Release r in every case. */
int contracts_import(struct store *st, char *const *files, int n,
		     struct contracts_import *r, struct err *e);
void contracts_import_release(struct contracts_import *r);

#endif
