/*
 * fuzz_contract.c - contract and amendment files: the path of
 * `suivi validate FILE` (contract_file_read: ini_read's pre-scan, then
 * iniparser, then the format's checks), then, for a file found valid,
 * the importer (store_contract_import) in a transaction that is rolled
 * back, so that every run sees the same database.
 *
 * The database is made once per process in a temporary folder, with the
 * bundled contracts imported ($SUIVI_DATADIR/contrats, else
 * share/suivi/contrats from the current folder; none found: an empty
 * database), so that amendments find their contract.
 */
#include "fuzz.h"

#include <dirent.h>
#include <stdbool.h>

#include "suivi/store_tx.h"
#include "suivi/contract_file.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/xalloc.h"

static struct store *st;
static char dir[64];
static FILE *devnull;

static void cleanup(void)
{
	char *p;

	if (st)
		store_close(st);
	st = NULL;
	if (!dir[0])
		return;
	p = xasprintf("%s/fuzz.db", dir);
	unlink(p);
	free(p);
	p = xasprintf("%s/fuzz.db-journal", dir);
	unlink(p);
	free(p);
	rmdir(dir);
}

static void seed(const char *contrats)
{
	DIR *d = opendir(contrats);
	struct dirent *ent;
	struct err e;

	if (!d)
		return;
	/* contracts first, then amendments: their names say which */
	for (int pass = 0; pass < 2; pass++) {
		rewinddir(d);
		while ((ent = readdir(d))) {
			size_t len = strlen(ent->d_name);
			bool amendment = strstr(ent->d_name, "avenant") != NULL;
			struct diag_list diags;
			struct contract_doc *doc;
			enum import_outcome out;
			char *path;

			if (len < 5 || strcmp(ent->d_name + len - 4, ".ini") ||
			    amendment != (pass == 1))
				continue;
			path = xasprintf("%s/%s", contrats, ent->d_name);
			diag_list_init(&diags);
			err_clear(&e);
			if (contract_file_read(path, &doc, &diags) == 0) {
				if (store_begin(st, &e) == 0 &&
				    store_contract_import(st, doc, &out, &e) == 0)
					store_commit(st, &e);
				else
					store_rollback(st);
				contract_doc_free(doc);
			}
			diag_list_release(&diags);
			free(path);
		}
	}
	closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *datadir = getenv("SUIVI_DATADIR");
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm"
							 : getenv("TMPDIR");
	struct err e;
	char *db, *contrats;

	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	snprintf(dir, sizeof dir, "%s/suivi-fuzz-XXXXXX", tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("fuzz_contract: mkdtemp");
		abort();
	}
	atexit(cleanup);
	db = xasprintf("%s/fuzz.db", dir);
	err_clear(&e);
	if (store_open(db, STORE_WRITE, &st, &e) != 0) {
		fprintf(stderr, "fuzz_contract: %s\n", e.msg);
		abort();
	}
	store_set_author(st, "fuzz");
	free(db);
	contrats = xasprintf("%s/contrats", datadir && *datadir
						   ? datadir : "share/suivi");
	seed(contrats);
	free(contrats);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct contract_doc *doc = NULL;
	struct diag_list diags;
	char path[64];
	int fd = fuzz_memfd(data, size, path, sizeof path);

	if (fd < 0)
		return 0;
	diag_list_init(&diags);
	if (contract_file_read(path, &doc, &diags) == 0) {
		enum import_outcome out;
		struct err e;

		FUZZ_CHECK(doc != NULL && diags.n == 0, "valid without a document");
		err_clear(&e);
		if (store_begin(st, &e) == 0) {
			store_contract_import(st, doc, &out, &e);
			store_rollback(st);
		}
		contract_doc_free(doc);
	} else {
		FUZZ_CHECK(doc == NULL && diags.n > 0,
			   "refused without a problem (%zu)", diags.n);
	}
	diag_list_print(&diags, devnull);
	diag_list_release(&diags);
	close(fd);
	return 0;
}
