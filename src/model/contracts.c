#include "suivi/store_tx.h"
#include "suivi/contracts.h"

#include <stdlib.h>
#include <string.h>

#include "suivi/store.h"
#include "suivi/xalloc.h"

/* Contracts before amendments, amendments by number: an amendment needs
 * its contract, whatever order the files were given in. */
static int cmp_doc(const struct contract_doc *x, const struct contract_doc *y)
{
	if (x->kind != y->kind)
		return x->kind == DOC_CONTRACT ? -1 : 1;
	if (x->kind == DOC_AMENDMENT && x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return 0;
}

int contracts_import(struct store *st, char *const *files, int n,
		     struct contracts_import *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	diag_list_init(&r->problems);
	r->docs = xcalloc((size_t)n + 1, sizeof *r->docs);
	r->outcomes = xcalloc((size_t)n + 1, sizeof *r->outcomes);
	r->n = n;
	err_clear(e);
	for (int i = 0; i < n; i++)
		(void)contract_file_read(files[i], &r->docs[i], &r->problems);
	if (r->problems.n) {
		err_set(e, ERR_INPUT, "%zu problème%s : rien n'a été importé",
			r->problems.n, r->problems.n > 1 ? "s" : "");
		return -1;
	}
	/* stable order among equals: a simple insertion sort */
	for (int i = 1; i < n; i++)
		for (int k = i; k > 0 && cmp_doc(r->docs[k - 1], r->docs[k]) > 0;
		     k--) {
			struct contract_doc *t = r->docs[k];

			r->docs[k] = r->docs[k - 1];
			r->docs[k - 1] = t;
		}
	if (store_begin(st, e) != 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (store_contract_import(st, r->docs[i], &r->outcomes[i], e) !=
		    0) {
			store_rollback(st);
			return -1;
		}
	return store_commit(st, e);
}

void contracts_import_release(struct contracts_import *r)
{
	for (int i = 0; i < r->n; i++)
		contract_doc_free(r->docs[i]);
	free(r->docs);
	free(r->outcomes);
	diag_list_release(&r->problems);
	memset(r, 0, sizeof *r);
}
