/*
 * request_import.c - requests from a CSV file, as `suivi import requests`
 * reads them: the columns by name in any order (request_columns.h, the
 * export's), each cell read as the form reads it, every row saved as the
 * form saves it (record_request_save), all in one transaction: every
 * problem of the file reported as FILE:LINE (up to
 * REQUEST_IMPORT_MAX_PROBLEMS), then nothing written if there was any.
 */
#include "suivi/store_tx.h"
#include "suivi/request_import.h"

#include "suivi/csv.h"
#include "suivi/csv_read.h"
#include "suivi/date.h"
#include "suivi/number.h"
#include "suivi/records.h"
#include "suivi/request.h"
#include "suivi/request_columns.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_request.h"
#include "suivi/text.h"
#include "suivi/workdays.h"
#include "suivi/xalloc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* ------------------------------------------------------------------ */
/* Import                                                              */

struct import {
	struct store *st;
	const char *path;
	const char *commune;		/* as typed (--commune), or NULL */
	const char *commune_uid;	/* its contract, every row's */
	int at[C_COUNT];		/* column -> field index, or -1 */
	size_t n_fields;		/* of the header */
	struct diag_list diags;
	bool stop;			/* too many problems, or a failure
					 * that is not the file's */
	size_t imported;
};

static void problem(struct import *im, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct import *im, int line, const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	/* up to the limit, as said: a row of many bad cells does not
	 * carry the list past it */
	if (im->diags.n >= REQUEST_IMPORT_MAX_PROBLEMS) {
		im->stop = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(&im->diags, im->path, line, "%s", msg);
	if (im->diags.n >= REQUEST_IMPORT_MAX_PROBLEMS)
		im->stop = true;
}

/* A refusal of the store: the file's problem when it is about the
 * request (nothing was written, the transaction goes on); anything else
 * ends the import. */
static void store_problem(struct import *im, int line, const struct err *e)
{
	problem(im, line, "%s", e->msg);
	if (e->code != ERR_INPUT && e->code != ERR_NOTFOUND)
		im->stop = true;
}

/* The text of a cell as the user meant it: the apostrophe csv.h puts
 * before what a spreadsheet would run as a formula removed, blanks
 * trimmed. */
static void clean_cell(char *s)
{
	/* line breaks of a spreadsheet (CR LF, CR) are the "\n" of a long text */
	text_trim(text_lf(csv_unneutralise(s)));
}

/* The cell of column c, NULL when the column is absent or the cell
 * blank. */
static const char *cell(const struct import *im,
			const struct csv_record *rec, enum request_col c)
{
	const char *s;

	if (im->at[c] < 0 || (size_t)im->at[c] >= rec->n)
		return NULL;
	s = rec->field[im->at[c]];
	return *s ? s : NULL;
}

static bool same_folded(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	bool same = !strcmp(fa, fb);

	free(fa);
	free(fb);
	return same;
}

/* The entry of v that s names: its file word, its label or its code,
 * accents and case aside; -1 when none. */
static int word_index(const struct vocab *v, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (same_folded(s, v[i].file) || same_folded(s, v[i].label) ||
		    !strcmp(s, v[i].db))
			return i;
	return -1;
}

static int vocab_cell(struct import *im, int line, const char *s,
		      const struct vocab *v, int n, const char *what)
{
	char list[256];
	int i = word_index(v, n, s);

	if (i < 0)
		problem(im, line, "%s « %s » inconnue (%s)", what, s,
			vocab_file_list(v, n, list, sizeof list));
	return i;
}

static int read_header(struct import *im, struct csv_record *rec)
{
	size_t before = im->diags.n;

	for (int c = 0; c < C_COUNT; c++)
		im->at[c] = -1;
	im->n_fields = rec->n;
	for (size_t i = 0; i < rec->n; i++) {
		int c;

		clean_cell(rec->field[i]);
		for (c = 0; c < C_COUNT; c++)
			if (same_folded(rec->field[i], request_columns[c].name))
				break;
		if (!*rec->field[i])
			problem(im, rec->line, "la colonne %zu de l'en-tête n'a "
				"pas de nom", i + 1);
		else if (c == C_COUNT)
			problem(im, rec->line, "colonne inconnue « %s »",
				rec->field[i]);
		else if (im->at[c] >= 0)
			problem(im, rec->line, "colonne « %s » en double",
				request_columns[c].name);
		else
			im->at[c] = (int)i;
	}
	for (int c = 0; c < C_COUNT; c++)
		if ((request_columns[c].flags & COL_REQUIRED) && im->at[c] < 0)
			problem(im, rec->line, "colonne « %s » absente (elle est "
				"obligatoire)", request_columns[c].name);
	if (!im->commune && im->at[C_COMMUNE] < 0 && im->at[C_CONTRACT] < 0)
		problem(im, rec->line, "ni colonne « commune » ni colonne "
			"« contrat » : donnez la commune avec --commune");
	return im->diags.n > before ? -1 : 0;
}

/* The row's contract: --commune for every row, else the contrat cell
 * (exact) or the commune cell. A row naming another contract than
 * --commune is refused. */
static int row_contract(struct import *im, const struct csv_record *rec,
			char uid[STORE_UID_LEN])
{
	const char *key = cell(im, rec, C_CONTRACT);
	struct err e;

	if (!key)
		key = cell(im, rec, C_COMMUNE);
	err_clear(&e);
	if (!key) {
		if (im->commune) {
			memcpy(uid, im->commune_uid, STORE_UID_LEN);
			return 0;
		}
		problem(im, rec->line, "commune manquante (colonne « commune »"
			" ou « contrat », ou --commune)");
		return -1;
	}
	if (store_contract_find(im->st, key, uid, &e) != 0) {
		store_problem(im, rec->line, &e);
		return -1;
	}
	if (im->commune && strcmp(uid, im->commune_uid)) {
		problem(im, rec->line, "« %s » n'est pas le contrat de "
			"--commune %s", key, im->commune);
		return -1;
	}
	return 0;
}

/* The criticality among the levels of the domain's annex (d), or of any
 * domain's when the domain is unknown (every bad word of a row is said):
 * the store checks it again, this says it with the row's other
 * problems. */
static void row_criticality(struct import *im, const struct csv_record *rec,
			    const struct domain_choice *v, size_t n,
			    const struct domain_choice *d, const char *fr)
{
	const char *crit = cell(im, rec, C_CRITICALITY);
	struct strbuf known;
	bool found = false;

	if (!crit)
		return;
	strbuf_init(&known);
	for (size_t i = 0; i < n; i++) {
		if (d && &v[i] != d)
			continue;
		for (size_t k = 0; k < v[i].n_criticalities; k++) {
			const char *l = v[i].criticalities[k];

			found = found || same_folded(crit, l);
			if (!strstr(known.buf ? known.buf : "", l))
				strbuf_addf(&known, "%s%s",
					    known.len ? ", " : "", l);
		}
	}
	if (!found)
		problem(im, rec->line, "criticité « %s » inconnue %s le %s (%s)",
			crit, d ? "de l'annexe de ce domaine"
				: "des annexes de ce contrat", fr,
			known.len ? known.buf : "aucun niveau de criticité");
	strbuf_release(&known);
}

/* Domain by code, sub-domain by letter, among the contract's domains in
 * force on the day the request was received. */
static int row_domain(struct import *im, const struct csv_record *rec,
		      const char *contract_uid, struct datetime received,
		      char domain[STORE_UID_LEN], char sub[STORE_UID_LEN])
{
	const char *code = cell(im, rec, C_DOMAIN);
	const char *letter = cell(im, rec, C_SUBDOMAIN);
	struct domain_choice *v = NULL;
	const struct domain_choice *d = NULL;
	char iso[DATE_ISO_LEN], fr[DATE_ISO_LEN];
	struct strbuf known;
	size_t n = 0;
	struct err e;
	int ret = -1;

	domain[0] = sub[0] = '\0';
	if (!code) {
		if (!letter)
			return 0;
		problem(im, rec->line, "un sous-domaine (« %s ») ne va pas "
			"sans son domaine", letter);
		return -1;
	}
	date_format_iso(received.d, iso);
	date_format_fr(received.d, fr);
	err_clear(&e);
	if (store_domain_choices(im->st, contract_uid, iso, &v, &n, &e) != 0) {
		store_problem(im, rec->line, &e);
		return -1;
	}
	strbuf_init(&known);
	for (size_t i = 0; i < n; i++) {
		if (same_folded(code, v[i].code))
			d = &v[i];
		strbuf_addf(&known, "%s%s", i ? ", " : "", v[i].code);
	}
	row_criticality(im, rec, v, n, d, fr);
	if (!d) {
		problem(im, rec->line, "domaine « %s » inconnu de ce contrat le "
			"%s (%s)", code, fr, n ? known.buf : "aucun domaine");
		goto out;
	}
	memcpy(domain, d->uid, STORE_UID_LEN);
	if (letter) {
		const struct subdomain_choice *s = NULL;

		strbuf_reset(&known);
		for (size_t i = 0; i < d->n_subdomains; i++) {
			if (same_folded(letter, d->subdomains[i].letter))
				s = &d->subdomains[i];
			strbuf_addf(&known, "%s%s", i ? ", " : "",
				    d->subdomains[i].letter);
		}
		if (!s) {
			problem(im, rec->line, "sous-domaine « %s » inconnu du "
				"domaine %s le %s (%s)", letter, d->code, fr,
				d->n_subdomains ? known.buf : "aucun");
			goto out;
		}
		memcpy(sub, s->uid, STORE_UID_LEN);
	}
	ret = 0;
out:
	strbuf_release(&known);
	store_domain_choices_free(v, n);
	return ret;
}

/* The fields of an exceptional request; *any when one is given. */
static int row_exceptional(struct import *im, const struct csv_record *rec,
			   bool exceptional, struct exceptional_input *x,
			   char decided_on[DATE_ISO_LEN], bool *any)
{
	const char *cost = cell(im, rec, C_COST);
	const char *on = cell(im, rec, C_DECIDED_ON);
	size_t before = im->diags.n;

	memset(x, 0, sizeof *x);
	*any = false;
	for (int c = 0; c < C_COUNT; c++) {
		if (!(request_columns[c].flags & COL_EXCEPTIONAL) || !cell(im, rec, c))
			continue;
		if (!exceptional) {
			problem(im, rec->line, "« %s » ne concerne qu'une saisine"
				" exceptionnelle", request_columns[c].name);
			return -1;
		}
		*any = true;
	}
	x->asked = cell(im, rec, C_ASKED);
	x->proposal = cell(im, rec, C_PROPOSAL);
	x->decision = cell(im, rec, C_DECISION);
	x->decided_by = cell(im, rec, C_DECIDED_BY);
	x->compensation = cell(im, rec, C_COMPENSATION);
	if (on) {
		struct date d;

		if (date_parse(on, &d) != 0)
			problem(im, rec->line, "date de décision illisible : "
				"« %s » (AAAA-MM-JJ ou JJ/MM/AAAA)", on);
		else
			date_format_iso(d, decided_on);
		x->decided_on = decided_on;
	}
	if (cost) {
		struct err e;

		err_clear(&e);
		if (number_parse_amount(cost, "coût estimé", &x->estimated_cost,
					&e) != 0)
			problem(im, rec->line, "%s", e.msg);
		x->has_cost = true;
	}
	return im->diags.n > before ? -1 : 0;
}

static void import_row(struct import *im, struct csv_record *rec)
{
	struct request_input in;
	struct exceptional_input x;
	struct datetime received;
	char contract[STORE_UID_LEN], domain[STORE_UID_LEN],
	     sub[STORE_UID_LEN], uid[STORE_UID_LEN], decided_on[DATE_ISO_LEN];
	const char *s;
	size_t before = im->diags.n;
	bool has_received = false, any_exceptional = false;
	int kind = -1, form = -1, nature = NATURE_DEMAND;
	struct err e;

	for (size_t i = 0; i < rec->n; i++)
		clean_cell(rec->field[i]);
	if (rec->n == 1 && !*rec->field[0])
		return;		/* a blank line */
	if (rec->n != im->n_fields) {
		problem(im, rec->line, "%zu champ%s au lieu de %zu (ceux de "
			"l'en-tête)", rec->n, rec->n > 1 ? "s" : "",
			im->n_fields);
		return;
	}
	memset(&in, 0, sizeof in);
	if (row_contract(im, rec, contract) != 0)
		contract[0] = '\0';
	if ((s = cell(im, rec, C_KIND)))
		kind = vocab_cell(im, rec->line, s, request_kind_vocab,
				  REQUEST_KIND_COUNT, "nature de saisine");
	else
		problem(im, rec->line, "nature de saisine manquante (ordinaire,"
			" urgence ou exceptionnelle)");
	if ((s = cell(im, rec, C_FORM)))
		form = vocab_cell(im, rec->line, s, request_form_vocab,
				  FORM_COUNT, "forme");
	else
		problem(im, rec->line, "forme de la saisine manquante");
	if ((s = cell(im, rec, C_NATURE)))
		nature = vocab_cell(im, rec->line, s, request_nature_vocab,
				    NATURE_COUNT, "nature");
	/* the store takes it among the levels of the domain's annex */
	in.criticality = cell(im, rec, C_CRITICALITY);
	in.urgent_priority = cell(im, rec, C_PRIORITY);
	in.urgent_delay = cell(im, rec, C_DELAY);
	if (!(s = cell(im, rec, C_RECEIVED)))
		problem(im, rec->line, "date de réception manquante");
	else if (datetime_parse(s, &received) != 0)
		problem(im, rec->line, "date de réception illisible : « %s » "
			"(AAAA-MM-JJ HH:MM, JJ/MM/AAAA HH:MM ou une date seule)",
			s);
	else
		has_received = true;
	if (contract[0] && has_received)
		row_domain(im, rec, contract, received, domain, sub);
	/* an unknown kind is reported once, not once per exceptional cell */
	row_exceptional(im, rec, kind < 0 || kind == REQUEST_EXCEPTIONAL, &x,
			decided_on, &any_exceptional);
	/* the store checks the rest (object, follow-up dates) only when
	 * what it needs is sound */
	if (im->diags.n > before || im->stop)
		return;
	in.kind = (enum request_kind)kind;
	in.form = request_form_vocab[form].db;
	in.domain_uid = domain;
	in.subdomain_uid = sub;
	in.nature = request_nature_vocab[nature].db;
	in.requester = cell(im, rec, C_REQUESTER);
	in.object = cell(im, rec, C_OBJECT);
	in.received_at = cell(im, rec, C_RECEIVED);
	in.acknowledged_at = cell(im, rec, C_ACK);
	in.intervention_at = cell(im, rec, C_INTERVENTION);
	in.resolved_at = cell(im, rec, C_RESOLVED);
	in.answered_at = cell(im, rec, C_ANSWERED);
	in.cancelled_at = cell(im, rec, C_CANCELLED);
	in.cancel_reason = cell(im, rec, C_CANCEL_REASON);
	err_clear(&e);
	if (record_request_save(im->st, contract, NULL, &in,
				any_exceptional ? &x : NULL, uid, &e) != 0) {
		store_problem(im, rec->line, &e);
		return;
	}
	im->imported++;
}

/* Every record after the header, until the end or too many problems. */
static void import_rows(struct import *im, struct csv_reader *r,
			struct csv_record *rec)
{
	struct err e;
	int rc;

	err_clear(&e);
	while (!im->stop && (rc = csv_read_record(r, rec, &e)) != 0) {
		if (rc < 0) {
			problem(im, e.line, "%s", e.msg);
			if (e.code == ERR_IO)
				im->stop = true;
			continue;
		}
		import_row(im, rec);
	}
}

int request_import(struct store *st, FILE *in, const char *path,
		   const char *commune, const char *commune_uid,
		   struct request_import *r, struct err *e)
{
	struct import im;
	struct csv_reader rd;
	struct csv_record rec;
	int rc = 1;

	memset(r, 0, sizeof *r);
	diag_list_init(&r->problems);
	memset(&im, 0, sizeof im);
	im.st = st;
	im.path = path;
	im.commune = commune_uid ? commune : NULL;
	im.commune_uid = commune_uid;
	diag_list_init(&im.diags);
	csv_record_init(&rec);
	csv_reader_init(&rd, in, path);
	err_clear(e);
	switch (csv_read_record(&rd, &rec, e)) {
	case 0:
		problem(&im, 1, "fichier vide (ou que des lignes vides) : il "
			"faut une ligne d'en-tête (les noms des colonnes)");
		goto out;
	case -1:
		problem(&im, e->line, "%s", e->msg);
		err_clear(e);
		goto out;
	}
	if (read_header(&im, &rec) != 0)
		goto out;
	if (store_begin(st, e) != 0) {
		rc = -1;
		goto out;
	}
	import_rows(&im, &rd, &rec);
	if (im.diags.n || im.stop) {
		store_rollback(st);
		if (!im.diags.n)
			rc = -1;	/* a failure that is not the file's */
		goto out;
	}
	if (store_commit(st, e) != 0) {
		rc = -1;
		goto out;
	}
	r->imported = im.imported;
	rc = 0;
out:
	r->problems = im.diags;
	r->stopped = im.diags.n >= REQUEST_IMPORT_MAX_PROBLEMS;
	csv_record_release(&rec);
	csv_reader_release(&rd);
	return rc;
}

void request_import_release(struct request_import *r)
{
	diag_list_release(&r->problems);
	memset(r, 0, sizeof *r);
}
