/*
 * suivi export …: the options, the output file (a temporary file
 * renamed, or standard output) and the messages; the rows are written by
 * src/report/export*.c (export.h).
 */
#include "suivi/across.h"
#include "suivi/atomic.h"
#include "suivi/cli.h"
#include "suivi/csv.h"
#include "suivi/date.h"
#include "suivi/export.h"
#include "suivi/store_contract.h"
#include "suivi/value.h"

#include <stdbool.h>
#include <errno.h>
#include <stdio.h>

#include <string.h>

/* What every export takes: --commune, a date, a year or a range of
 * dates (--from, --to), -o, --force. */
struct export_opts {
	const char *what;		/* "indicators" */
	const char *commune, *out_path, *date_arg, *year_arg, *from_arg,
		   *to_arg;
	/* export communes: the indicator, its period, a criticality, the
	 * sort */
	const char *indicator_arg, *period_arg, *crit_arg, *sort_arg;
	bool force, takes_date, takes_year, takes_range, takes_across;
};

static int parse_opts(int argc, char **argv, struct export_opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		const char *eq = strchr(a, '=');
		size_t name_len = eq ? (size_t)(eq - a) : strlen(a);

		if (!strcmp(a, "--force")) {
			o->force = true;
			continue;
		}
		if (!strncmp(a, "--commune", name_len) && name_len == 9)
			slot = &o->commune;
		else if (o->takes_date && !strncmp(a, "--date", name_len) &&
			 name_len == 6)
			slot = &o->date_arg;
		else if (o->takes_year && !strncmp(a, "--year", name_len) &&
			 name_len == 6)
			slot = &o->year_arg;
		else if (o->takes_range && !strncmp(a, "--from", name_len) &&
			 name_len == 6)
			slot = &o->from_arg;
		else if (o->takes_range && !strncmp(a, "--to", name_len) &&
			 name_len == 4)
			slot = &o->to_arg;
		else if (o->takes_across && !strncmp(a, "--indicator",
							name_len) &&
			 name_len == 11)
			slot = &o->indicator_arg;
		else if (o->takes_across &&
			 ((!strncmp(a, "--period", name_len) && name_len == 8) ||
			  (!strncmp(a, "--periode", name_len) && name_len == 9)))
			slot = &o->period_arg;
		else if (o->takes_across &&
			 !strncmp(a, "--criticite", name_len) && name_len == 11)
			slot = &o->crit_arg;
		else if (o->takes_across && !strncmp(a, "--sort", name_len) &&
			 name_len == 6)
			slot = &o->sort_arg;
		else if (!strcmp(a, "-o") || !strcmp(a, "--output") ||
			 !strncmp(a, "--output=", 9))
			slot = &o->out_path;
		if (!slot)
			return cli_usage_error("export %s : argument inconnu « %s »",
					       o->what, a);
		if (eq && a[0] == '-' && a[1] == '-') {
			*slot = eq + 1;
		} else {
			if (i + 1 >= argc)
				return cli_usage_error("export : %s attend une "
						       "valeur", a);
			*slot = argv[++i];
		}
	}
	if (o->out_path && !strcmp(o->out_path, "-"))
		o->out_path = NULL;	/* "-o -": standard output */
	return 0;
}

/* Writes the rows of an export: > 0 when the output failed. */
typedef int (*export_fn)(struct store *st, const char *contract_uid,
			 struct csv *c, void *ctx, struct err *e);

/* Open the database, check the commune, write through a temporary file
 * (or to stdout), say where it went. */
static int run_export(struct app *app, const struct export_opts *o,
		      export_fn fn, void *ctx, const char *done_msg)
{
	struct atomic_file af;
	struct store *st;
	struct csv c;
	struct err e;
	FILE *out = stdout;
	char uid[STORE_UID_LEN] = "";
	int rc, werr;

	err_clear(&e);
	if (cli_open_store(app, STORE_VIEW, &st, &e) != 0)
		return cli_fail(&e);
	/* an unknown commune is said before anything is written */
	if (o->commune && store_contract_find(st, o->commune, uid, &e) != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	if (o->out_path) {
		if (atomic_open(&af, o->out_path, o->force, &e) != 0) {
			store_close(st);
			return cli_fail(&e);
		}
		out = af.fp;
	}
	csv_init(&c, out);
	rc = fn(st, o->commune ? uid : NULL, &c, ctx, &e);
	werr = errno;	/* why the output failed, when it did */
	store_close(st);
	if (rc != 0) {
		if (o->out_path)
			atomic_abort(&af);
		if (rc > 0)
			err_set(&e, ERR_IO, "impossible d'écrire %s : %s ; "
				"l'export est abandonné%s",
				o->out_path ? o->out_path : "la sortie",
				err_errno_fr(werr),
				o->out_path ? ", rien n'a été écrit" : "");
		return cli_fail(&e);
	}
	if (o->out_path) {
		if (atomic_commit(&af, &e) != 0)
			return cli_fail(&e);
		cli_printf(stderr, "suivi : %s dans %s\n", done_msg, o->out_path);
	} else if (fflush(stdout) != 0) {
		err_set(&e, ERR_IO, "écriture impossible sur la sortie");
		return cli_fail(&e);
	}
	return EXIT_OK;
}

static int write_indicators(struct store *st, const char *contract_uid,
			    struct csv *c, void *ctx, struct err *e)
{
	(void)contract_uid;
	const struct export_opts *o = ctx;

	/* the commune as typed */
	return export_indicators_csv(st, o->commune, o->date_arg, c, e);
}

static int export_indicators(struct app *app, int argc, char **argv)
{
	struct export_opts o = { .what = "indicators", .takes_date = true };
	char iso[DATE_ISO_LEN];
	struct date d;
	int rc = parse_opts(argc, argv, &o);

	if (rc)
		return rc;
	if (o.date_arg) {
		if (date_parse(o.date_arg, &d) != 0)
			return cli_usage_error("export : date « %s » invalide "
					       "(JJ/MM/AAAA ou AAAA-MM-JJ)",
					       o.date_arg);
	} else {
		date_today(&d);
	}
	date_format_iso(d, iso);
	o.date_arg = iso;
	return run_export(app, &o, write_indicators, &o,
			  "indicateurs exportés");
}

/* ------------------------------------------------------------------ */
/* Measurements                                                        */

static int write_measurements(struct store *st, const char *contract_uid,
			      struct csv *c, void *ctx, struct err *e)
{
	return export_measurements_csv(st, contract_uid, *(int *)ctx, c, e);
}

static int export_measurements(struct app *app, int argc, char **argv)
{
	struct export_opts o = { .what = "measurements", .takes_year = true };
	int rc = parse_opts(argc, argv, &o), year;

	if (rc)
		return rc;
	if (o.year_arg) {
		struct period p;

		if (period_parse(o.year_arg, &p) != 0 || p.month || p.quarter)
			return cli_usage_error("export : année « %s » invalide "
					       "(AAAA)", o.year_arg);
		year = p.year;
	} else {
		struct date d;

		date_today(&d);
		year = d.year;
	}
	return run_export(app, &o, write_measurements, &year,
			  "valeurs exportées");
}

/* Requests (the rows: report/export_requests.c)                     */
/* Requests (the rows: report/export_requests.c)                               */

struct request_range {
	const char *from, *to;	/* ISO dates or NULL */
};

static int write_requests(struct store *st, const char *contract_uid,
			  struct csv *c, void *ctx, struct err *e)
{
	const struct request_range *r = ctx;

	return export_requests_csv(st, contract_uid, r->from, r->to, c, e);
}

/* An option's date as ISO into buf; 0, or the usage error's status. */
static int iso_date_arg(const char *opt, const char *arg,
			char buf[DATE_ISO_LEN])
{
	struct date d;

	if (date_parse(arg, &d) != 0)
		return cli_usage_error("export : %s « %s » invalide (JJ/MM/AAAA "
				       "ou AAAA-MM-JJ)", opt, arg);
	date_format_iso(d, buf);
	return 0;
}

static int export_requests(struct app *app, int argc, char **argv)
{
	struct export_opts o = { .what = "requests", .takes_year = true,
				 .takes_range = true };
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct request_range range = { NULL, NULL };
	int rc = parse_opts(argc, argv, &o);

	if (rc)
		return rc;
	if (o.year_arg && (o.from_arg || o.to_arg))
		return cli_usage_error("export : --year ou --from/--to, pas "
				       "les deux");
	if (o.year_arg) {
		struct period p;

		if (period_parse(o.year_arg, &p) != 0 || p.month || p.quarter)
			return cli_usage_error("export : année « %s » invalide "
					       "(AAAA)", o.year_arg);
		date_format_iso((struct date){ p.year, 1, 1 }, from);
		date_format_iso((struct date){ p.year, 12, 31 }, to);
		range.from = from;
		range.to = to;
	}
	if (o.from_arg) {
		if ((rc = iso_date_arg("--from", o.from_arg, from)) != 0)
			return rc;
		range.from = from;
	}
	if (o.to_arg) {
		if ((rc = iso_date_arg("--to", o.to_arg, to)) != 0)
			return rc;
		range.to = to;
	}
	if (range.from && range.to && strcmp(range.from, range.to) > 0)
		return cli_usage_error("export : --from %s est après --to %s",
				       o.from_arg, o.to_arg);
	return run_export(app, &o, write_requests, &range,
			  "saisines exportées");
}

/* ------------------------------------------------------------------ */
/* Disputes and the annual summary (the rows: report/export_disputes.c) */

/* --year AAAA into *year; 0, or the usage error's status. */
static int year_arg(const char *arg, int *year)
{
	struct period p;

	if (period_parse(arg, &p) != 0 || p.month || p.quarter)
		return cli_usage_error("export : année « %s » invalide (AAAA)",
				       arg);
	*year = p.year;
	return 0;
}

static int write_disputes(struct store *st, const char *contract_uid,
			  struct csv *c, void *ctx, struct err *e)
{
	return export_disputes_csv(st, contract_uid, *(int *)ctx, c, e);
}

static int export_disputes(struct app *app, int argc, char **argv)
{
	struct export_opts o = { .what = "disputes", .takes_year = true };
	int rc = parse_opts(argc, argv, &o), year = 0;

	if (rc)
		return rc;
	/* no --year: every year */
	if (o.year_arg && (rc = year_arg(o.year_arg, &year)) != 0)
		return rc;
	return run_export(app, &o, write_disputes, &year,
			  "litiges exportés");
}

static int write_summary(struct store *st, const char *contract_uid,
			 struct csv *c, void *ctx, struct err *e)
{
	return export_summary_csv(st, contract_uid, *(int *)ctx, c, e);
}

static int export_summary(struct app *app, int argc, char **argv)
{
	struct export_opts o = { .what = "summary", .takes_year = true };
	int rc = parse_opts(argc, argv, &o), year = 0;

	if (rc)
		return rc;
	if (!o.year_arg)
		return cli_usage_error("export summary : --year AAAA est "
				       "obligatoire (l'état récapitulatif "
				       "est annuel)");
	if ((rc = year_arg(o.year_arg, &year)) != 0)
		return rc;
	return run_export(app, &o, write_summary, &year,
			  "état récapitulatif exporté");
}

/* ------------------------------------------------------------------ */
/* One indicator across every commune (src/model/across.c)             */

static int write_communes(struct store *st, const char *contract_uid,
			  struct csv *c, void *ctx, struct err *e)
{
	char today[DATE_ISO_LEN];
	struct date d;

	(void)contract_uid;
	date_today(&d);
	date_format_iso(d, today);
	return export_communes_csv(st, ctx, today, c, e);
}

static int export_communes(struct app *app, int argc, char **argv)
{
	struct export_opts o = { .what = "communes", .takes_across = true };
	struct export_communes x = { .sort = ACROSS_SORT_COMMUNE };
	int rc = parse_opts(argc, argv, &o);

	if (rc)
		return rc;
	if (o.commune)
		return cli_usage_error("export communes : --commune est de trop "
				       "(l'export couvre toutes les communes)");
	if (!o.indicator_arg || !*o.indicator_arg)
		return cli_usage_error("export communes : --indicator CODE est "
				       "obligatoire (3.3.2, ou nsi/3.3.2)");
	if ((rc = cli_across_args("export communes", o.period_arg, o.sort_arg,
				  &x.period, &x.sort, &x.descending)) != 0)
		return rc;
	x.code = o.indicator_arg;
	x.crit = o.crit_arg;
	return run_export(app, &o, write_communes, &x,
			  "indicateur exporté pour toutes les communes");
}

int cmd_export(struct app *app, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("export : que faut-il exporter ? "
				       "(indicators, measurements, requests, "
				       "disputes, summary, communes)");
	if (!strcmp(argv[1], "indicators"))
		return export_indicators(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "measurements"))
		return export_measurements(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "requests"))
		return export_requests(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "disputes"))
		return export_disputes(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "summary"))
		return export_summary(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "communes"))
		return export_communes(app, argc - 1, argv + 1);
	return cli_usage_error("export : « %s » inconnu (exports possibles : "
			       "indicators, measurements, requests, disputes, "
			       "summary, communes)", argv[1]);
}
