/*
 * contract_file.h - contract and amendment files (suivi-contrat(5)).
 *
 * contract_file_read reads one file through ini_read, checks it against
 * the format (sections, keys, required keys, vocabularies, dates, codes,
 * cross-references) and builds a struct contract_doc. Every problem found
 * is added to diags as FILE:LINE: message; a file with any problem yields
 * no document. Nothing here touches the database: whether the contract an
 * amendment refers to exists is the importer's question.
 */
#ifndef SUIVI_CONTRACT_FILE_H
#define SUIVI_CONTRACT_FILE_H

#include "suivi/contract.h"
#include "suivi/err.h"

/* 0 and *out set (caller frees with contract_doc_free), or -1. */
int contract_file_read(const char *path, struct contract_doc **out,
		       struct diag_list *diags);

#endif
