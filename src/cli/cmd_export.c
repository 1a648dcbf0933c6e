#include "suivi/atomic.h"
#include "suivi/cli.h"
#include "suivi/csv.h"
#include "suivi/date.h"
#include "suivi/model.h"
#include "suivi/store_contract.h"

#include <string.h>

static const char *label(const struct vocab *v, int n, const char *db)
{
	int i;

	if (!db)
		return NULL;
	i = vocab_from_db(v, n, db);
	return i < 0 ? db : v[i].label;
}

static int row(const struct indicator_row *r, void *ctx)
{
	struct csv *c = ctx;
	char scale[32] = "";

	if (r->scale_min >= 0)
		snprintf(scale, sizeof scale, "%d-%d", r->scale_min,
			 r->scale_max);
	csv_cell(c, r->commune);
	csv_cell(c, r->insee);
	csv_cell(c, r->contract);
	csv_cell(c, r->domain_code);
	csv_cell(c, r->domain_name);
	csv_cell_int(c, r->annex_version);
	csv_cell(c, r->in_force_from);
	csv_cell(c, r->subdomain);
	csv_cell(c, r->commitment);
	csv_cell(c, r->commitment_title);
	csv_cell(c, r->code);
	csv_cell(c, r->label);
	csv_cell(c, r->definition);
	csv_cell(c, label(periodicity_vocab, PERIODICITY_COUNT, r->periodicity));
	csv_cell(c, r->source);
	csv_cell(c, r->baseline);
	csv_cell(c, r->conditions);
	csv_cell(c, label(value_kind_vocab, VALUE_KIND_COUNT, r->value_kind));
	csv_cell(c, r->unit);
	csv_cell(c, scale);
	csv_cell(c, label(better_vocab, BETTER_COUNT, r->better));
	csv_cell(c, r->criticalities);
	csv_cell(c, label(computed_vocab, COMPUTED_COUNT, r->computed_from));
	csv_end_row(c);
	return ferror(c->out) ? 1 : 0;
}

static const char *const header[] = {
	"commune", "insee", "contrat", "domaine", "nom du domaine",
	"version de l'annexe", "en vigueur depuis", "sous-domaine",
	"engagement", "intitulé de l'engagement", "indicateur", "intitulé",
	"définition", "périodicité", "source", "niveau constaté",
	"conditions", "type de valeur", "unité", "échelle", "sens",
	"criticités", "calcul", NULL
};

static int export_indicators(struct app *app, int argc, char **argv)
{
	const char *commune = NULL, *out_path = NULL, *date_arg = NULL;
	bool force = false;
	char iso[DATE_ISO_LEN];
	struct date d;
	struct atomic_file af;
	struct store *st;
	struct csv c;
	struct err e;
	FILE *out = stdout;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		const char *eq = strchr(a, '=');
		size_t name_len = eq ? (size_t)(eq - a) : strlen(a);

		if (!strcmp(a, "--force")) {
			force = true;
			continue;
		}
		if (!strncmp(a, "--commune", name_len) && name_len == 9)
			slot = &commune;
		else if (!strncmp(a, "--date", name_len) && name_len == 6)
			slot = &date_arg;
		else if (!strcmp(a, "-o") || !strcmp(a, "--output") ||
			 !strncmp(a, "--output=", 9))
			slot = &out_path;
		if (!slot)
			return cli_usage_error("export indicators : argument "
					       "inconnu « %s »", a);
		if (eq && a[0] == '-' && a[1] == '-') {
			*slot = eq + 1;
		} else {
			if (i + 1 >= argc)
				return cli_usage_error("export : %s attend une "
						       "valeur", a);
			*slot = argv[++i];
		}
	}
	if (out_path && !strcmp(out_path, "-"))
		out_path = NULL;	/* "-o -": standard output */
	if (date_arg) {
		if (date_parse(date_arg, &d) != 0)
			return cli_usage_error("export : date « %s » invalide "
					       "(JJ/MM/AAAA ou AAAA-MM-JJ)",
					       date_arg);
	} else {
		date_today(&d);
	}
	date_format_iso(d, iso);
	err_clear(&e);
	if (app_open_store(app, STORE_READ, &st, &e) != 0)
		return cli_fail(&e);
	if (commune) {
		/* an unknown commune is said before anything is written */
		char uid[STORE_UID_LEN];

		if (store_contract_find(st, commune, uid, &e) != 0) {
			store_close(st);
			return cli_fail(&e);
		}
	}
	if (out_path) {
		if (atomic_open(&af, out_path, force, &e) != 0) {
			store_close(st);
			return cli_fail(&e);
		}
		out = af.fp;
	}
	csv_init(&c, out);
	for (int i = 0; header[i]; i++)
		csv_cell(&c, header[i]);
	csv_end_row(&c);
	rc = store_indicator_rows(st, commune, iso, row, &c, &e);
	store_close(st);
	if (rc != 0) {
		if (out_path)
			atomic_abort(&af);
		if (rc > 0)
			err_set(&e, ERR_IO, "écriture de l'export interrompue");
		return cli_fail(&e);
	}
	if (out_path) {
		if (atomic_commit(&af, &e) != 0)
			return cli_fail(&e);
		fprintf(stderr, "suivi : indicateurs exportés dans %s\n",
			out_path);
	} else if (fflush(stdout) != 0) {
		err_set(&e, ERR_IO, "écriture impossible sur la sortie");
		return cli_fail(&e);
	}
	return EXIT_OK;
}

int cmd_export(struct app *app, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("export : que faut-il exporter ? "
				       "(indicators)");
	if (!strcmp(argv[1], "indicators"))
		return export_indicators(app, argc - 1, argv + 1);
	return cli_usage_error("export : « %s » inconnu (exports possibles : "
			       "indicators)", argv[1]);
}
