/*
 * suivi report KIND … - documents to circulate, dispatched from the
 * table below (one row per kind of report):
 *
 *   suivi report minutes --meeting UID|JJ/MM/AAAA|AAAA-MM-JJ
 *         [--commune C] [--format md|html] -o FICHIER [--force]
 *       the compte rendu of a meeting (src/report/minutes.c), as
 *       Markdown or HTML; the format from --format, else from the
 *       extension of FICHIER; "-o -" writes to stdout.
 *
 * A date finds the meeting held that day (not cancelled), among the
 * contract of --commune or every contract; several: the message lists
 * them with their uid.
 *
 *   suivi report evaluation --commune C --year AAAA
 *         [--periode annee|anniversaire]
 *         [--format html|odt|ods|md|csv] -o FICHIER [--force]
 *       the évaluation annuelle of a contract (src/report/evaluation.c),
 *       for the calendar year or from the contract's anniversary date in
 *       that year (--periode anniversaire); the sender is suivi.ini's
 *       [evaluation] expediteur and fonction;
 *   suivi report summary --year AAAA [--commune C] [--format …]
 *         -o FICHIER [--force]
 *       the état récapitulatif (src/report/summary.c), of one commune or,
 *       without --commune, of every commune of the database.
 *   suivi report communes (--indicator CODE [--criticite C] | --domain D)
 *         --period PÉRIODE [--sort COL] [--format …] -o FICHIER [--force]
 *       one indicator, or every indicator of a domain, across every
 *       commune of the database for a period, for the Conférence
 *       territoriale (src/report/across_doc.c).
 *   These are documents (doc.h): the format from --format, else from the
 *   extension (.html .fodt .fods .md .csv); "-o -" writes to stdout.
 */
#include "suivi/across_report.h"
#include "suivi/cli.h"
#include "suivi/date.h"
#include "suivi/doc.h"
#include "suivi/evaluation.h"
#include "suivi/minutes.h"
#include "suivi/number.h"
#include "suivi/store_contract.h"
#include "suivi/store_meeting.h"
#include "suivi/summary.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* What the reports take; each report says which it accepts. */
struct report_opts {
	const char *what;		/* "minutes" */
	const char *meeting, *commune, *format, *out_path, *year, *period;
	/* report communes */
	const char *indicator, *domain, *criticality, *sort;
	bool force;
};

/* --name VALUE or --name=VALUE of the options this report takes. */
static int parse_opts(int argc, char **argv, struct report_opts *o)
{
	static const struct {
		const char *name;
		size_t off;
	} opts[] = {
		{ "--meeting", offsetof(struct report_opts, meeting) },
		{ "--commune", offsetof(struct report_opts, commune) },
		{ "--format", offsetof(struct report_opts, format) },
		{ "--output", offsetof(struct report_opts, out_path) },
		{ "--year", offsetof(struct report_opts, year) },
		{ "--annee", offsetof(struct report_opts, year) },
		{ "--periode", offsetof(struct report_opts, period) },
		{ "--period", offsetof(struct report_opts, period) },
		{ "-o", offsetof(struct report_opts, out_path) },
		{ "--indicator", offsetof(struct report_opts, indicator) },
		{ "--domain", offsetof(struct report_opts, domain) },
		{ "--criticite", offsetof(struct report_opts, criticality) },
		{ "--sort", offsetof(struct report_opts, sort) },
	};

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *eq = a[0] == '-' && a[1] == '-' ? strchr(a, '=')
							    : NULL;
		size_t name_len = eq ? (size_t)(eq - a) : strlen(a);
		const char **slot = NULL;

		if (!strcmp(a, "--force")) {
			o->force = true;
			continue;
		}
		for (size_t k = 0; k < sizeof opts / sizeof *opts; k++)
			if (strlen(opts[k].name) == name_len &&
			    !strncmp(a, opts[k].name, name_len))
				slot = (const char **)((char *)o + opts[k].off);
		if (!slot)
			return cli_usage_error("report %s : argument inconnu "
					       "« %s »", o->what, a);
		if (eq) {
			*slot = eq + 1;
		} else {
			if (i + 1 >= argc)
				return cli_usage_error("report %s : %s attend "
						       "une valeur", o->what, a);
			*slot = argv[++i];
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Minutes                                                             */

/* Digits and date separators only: the user meant a date, not a uid
 * (a uid is 32 hexadecimal digits, without separator). */
static bool looks_like_date(const char *s)
{
	bool sep = false;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s == '/' || *s == '-')
			sep = true;
		else if (*s < '0' || *s > '9')
			return false;
	}
	return sep;
}

/* Print the meetings (not cancelled) held on iso of the contracts k[]
 * (one when only is not NULL), for the user to choose one. */
static void list_candidates(struct store *st,
			    const struct contract_info *k, size_t nk,
			    const char *only, const char *iso)
{
	for (size_t c = 0; c < nk; c++) {
		struct meeting *v = NULL;
		size_t n = 0;
		struct err e;

		if (only && strcmp(k[c].uid, only))
			continue;
		if (store_meeting_list(st, k[c].uid, NULL, &v, &n, &e) != 0)
			continue;
		for (size_t i = 0; i < n; i++) {
			if (v[i].status == MEETING_CANCELLED ||
			    !v[i].held_on || strcmp(v[i].held_on, iso))
				continue;
			cli_printf(stderr, "  %s  %s, %s (%s)\n", v[i].uid,
				meeting_kind_vocab[v[i].kind].label,
				k[c].commune ? k[c].commune : "",
				meeting_status_vocab[v[i].status].label);
		}
		store_meeting_list_free(v, n);
	}
}

/* The meeting held on date d, in the contract contract_uid (NULL: any).
 * 0 with uid set, or the exit status (message printed). */
static int meeting_on(struct store *st, const char *contract_uid,
		      const char *commune, struct date d,
		      char uid[STORE_UID_LEN])
{
	struct contract_info *k = NULL;
	size_t nk = 0;
	char iso[DATE_ISO_LEN], fr[DATE_ISO_LEN];
	int found = 0, ret;
	struct err e;

	date_format_iso(d, iso);
	date_format_fr(d, fr);
	err_clear(&e);
	if (store_contract_list(st, &k, &nk, &e) != 0)
		return cli_fail(&e);
	for (size_t c = 0; c < nk && found < 2; c++) {
		char one[STORE_UID_LEN];

		if (contract_uid && strcmp(k[c].uid, contract_uid))
			continue;
		if (store_meeting_on(st, k[c].uid, iso, one, &e) == 0) {
			if (found++ == 0)
				memcpy(uid, one, STORE_UID_LEN);
		} else if (e.code == ERR_INPUT) {
			found = 2;	/* several in that contract */
		} else if (e.code != ERR_NOTFOUND) {
			store_contract_list_free(k, nk);
			return cli_fail(&e);
		}
		err_clear(&e);
	}
	if (found == 1) {
		ret = 0;
	} else if (found == 0) {
		if (commune)
			cli_printf(stderr, "suivi : aucune réunion le %s pour "
				"« %s »\n", fr, commune);
		else
			cli_printf(stderr, "suivi : aucune réunion le %s\n", fr);
		ret = EXIT_DATA;
	} else {
		cli_printf(stderr, "suivi : plusieurs réunions le %s : donnez "
			"l'identifiant de celle voulue (--meeting UID)%s :\n",
			fr, contract_uid ? "" : " ou la commune (--commune)");
		list_candidates(st, k, nk, contract_uid, iso);
		ret = EXIT_DATA;
	}
	store_contract_list_free(k, nk);
	return ret;
}

static int report_minutes(struct app *app, int argc, char **argv)
{
	struct report_opts o = { .what = "minutes" };
	char uid[STORE_UID_LEN] = "", contract_uid[STORE_UID_LEN] = "";
	struct minutes mn;
	struct store *st;
	struct date d;
	struct err e;
	bool by_date, to_stdout;
	int fmt, rc;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		return rc;
	if (!o.meeting || !*o.meeting)
		return cli_usage_error("report minutes : --meeting est "
				       "obligatoire (l'identifiant de la "
				       "réunion ou sa date, JJ/MM/AAAA)");
	if (!o.out_path || !*o.out_path)
		return cli_usage_error("report minutes : -o FICHIER est "
				       "obligatoire (.md, .html ou .fodt ; -o - "
				       "pour la sortie standard)");
	to_stdout = !strcmp(o.out_path, "-");
	if (o.format) {
		fmt = minutes_format_parse(o.format);
		if (fmt < 0)
			return cli_usage_error("report minutes : format « %s » "
					       "inconnu (md, html ou odt)", o.format);
	} else if (to_stdout) {
		return cli_usage_error("report minutes : avec -o -, précisez "
				       "--format md, html ou odt");
	} else {
		fmt = minutes_format_of_path(o.out_path);
		if (fmt < 0)
			return cli_usage_error("report minutes : l'extension de "
					       "%s ne dit pas le format (.md, "
					       ".html, .htm ou .fodt) : précisez "
					       "--format md, html ou odt",
					       o.out_path);
	}
	by_date = looks_like_date(o.meeting);
	if (by_date && date_parse(o.meeting, &d) != 0)
		return cli_usage_error("report minutes : date « %s » invalide "
				       "(JJ/MM/AAAA ou AAAA-MM-JJ)", o.meeting);

	err_clear(&e);
	if (cli_open_store(app, STORE_VIEW, &st, &e) != 0)
		return cli_fail(&e);
	if (o.commune &&
	    store_contract_find(st, o.commune, contract_uid, &e) != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	if (by_date) {
		rc = meeting_on(st, o.commune ? contract_uid : NULL, o.commune,
				d, uid);
		if (rc != 0) {
			store_close(st);
			return rc;
		}
	} else {
		snprintf(uid, sizeof uid, "%s", o.meeting);
	}
	if (minutes_load(st, uid, NULL, &mn, &e) != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	store_close(st);
	if (o.commune && strcmp(mn.meeting.contract_uid, contract_uid)) {
		cli_printf(stderr, "suivi : la réunion %s n'est pas du contrat de "
			"« %s »\n", uid, o.commune);
		minutes_release(&mn);
		return EXIT_DATA;
	}
	if (to_stdout)
		rc = minutes_write(stdout, &mn, (enum minutes_format)fmt, &e);
	else
		rc = minutes_save(o.out_path, &mn, (enum minutes_format)fmt,
				  o.force, &e);
	minutes_release(&mn);
	if (rc != 0)
		return cli_fail(&e);
	if (!to_stdout)
		cli_printf(stderr, "suivi : compte rendu écrit dans %s\n",
			o.out_path);
	return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* The annual evaluation and the annual summary                        */

/* What both take: --year, --format or the extension of -o, --commune
 * (required for the evaluation; the summary without it covers every
 * commune). 0, or the exit status of a usage error. */
/* The format: --format, else the extension of -o (required). 0, or the
 * exit status of a usage error. */
static int format_opts(const struct report_opts *o, int *fmt)
{
	if (!o->out_path || !*o->out_path)
		return cli_usage_error("report %s : -o FICHIER est obligatoire "
				       "(-o - pour la sortie standard)",
				       o->what);
	if (o->format) {
		*fmt = doc_format_parse(o->format);
		if (*fmt < 0)
			return cli_usage_error("report %s : format « %s » inconnu "
					       "(html, odt, ods, md ou csv)",
					       o->what, o->format);
	} else if (!strcmp(o->out_path, "-")) {
		return cli_usage_error("report %s : avec -o -, précisez --format "
				       "(html, odt, ods, md ou csv)", o->what);
	} else {
		*fmt = doc_format_of_path(o->out_path);
		if (*fmt < 0)
			return cli_usage_error("report %s : l'extension de %s ne "
					       "dit pas le format (.html, .fodt, "
					       ".fods, .md ou .csv) : précisez "
					       "--format", o->what, o->out_path);
	}
	return 0;
}

/* What both take: --year, --format or the extension of -o, --commune
 * (required for the evaluation; the summary without it covers every
 * commune). 0, or the exit status of a usage error. */
static int annual_opts(const struct report_opts *o, bool commune_required,
		       int *year, int *fmt)
{
	unsigned long y;

	if (commune_required && (!o->commune || !*o->commune))
		return cli_usage_error("report %s : --commune est obligatoire",
				       o->what);
	if (!o->year || number_parse_uint(o->year, 9999, &y) != 0 ||
	    y < 1900 || y > 2199)
		return cli_usage_error("report %s : --year AAAA est obligatoire "
				       "(une année de 1900 à 2199)%s%s%s",
				       o->what, o->year ? ", pas « " : "",
				       o->year ? o->year : "",
				       o->year ? " »" : "");
	*year = (int)y;
	return format_opts(o, fmt);
}

/* Write d in fmt to -o (or stdout), say where; the exit status. */
static int write_doc(const struct report_opts *o, struct doc *d, int fmt,
		     const char *done)
{
	struct err e;
	int rc;

	err_clear(&e);
	if (!strcmp(o->out_path, "-"))
		rc = doc_write(stdout, d, (enum doc_format)fmt, &e);
	else
		rc = doc_save(o->out_path, d, (enum doc_format)fmt, o->force,
			      &e);
	doc_release(d);
	if (rc != 0)
		return cli_fail(&e);
	if (strcmp(o->out_path, "-"))
		cli_printf(stderr, "suivi : %s dans %s\n", done, o->out_path);
	return EXIT_OK;
}

/* Build the document of a year: the caller's options, and the
 * application's settings (suivi.ini). */
typedef int (*annual_build_fn)(struct app *app, const struct report_opts *o,
			       struct store *st, const char *contract_uid,
			       int year, struct doc *out, struct err *e);

static int report_annual(struct app *app, int argc, char **argv,
			 const char *what, bool commune_required,
			 annual_build_fn build, const char *done)
{
	struct report_opts o = { .what = what };
	char contract_uid[STORE_UID_LEN] = "";
	struct store *st;
	struct doc d;
	struct err e;
	int year = 0, fmt = 0, rc;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		return rc;
	if (o.meeting)
		return cli_usage_error("report %s : --meeting ne sert qu'au "
				       "compte rendu (report minutes)", what);
	if (o.indicator || o.domain || o.criticality || o.sort)
		return cli_usage_error("report %s : --indicator, --domain, "
				       "--criticite et --sort ne servent qu'au "
				       "rapport de toutes les communes (report "
				       "communes)", what);
	if (o.period && strcmp(what, "evaluation"))
		return cli_usage_error("report %s : --periode ne sert qu'à "
				       "l'évaluation (report evaluation)", what);
	if (o.period && evaluation_period_parse(o.period) < 0)
		return cli_usage_error("report %s : période « %s » inconnue "
				       "(annee ou anniversaire)", what,
				       o.period);
	if ((rc = annual_opts(&o, commune_required, &year, &fmt)) != 0)
		return rc;
	err_clear(&e);
	if (cli_open_store(app, STORE_VIEW, &st, &e) != 0)
		return cli_fail(&e);
	if (o.commune &&
	    store_contract_find(st, o.commune, contract_uid, &e) != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	rc = build(app, &o, st, o.commune ? contract_uid : NULL, year, &d, &e);
	store_close(st);
	if (rc != 0)
		return cli_fail(&e);
	return write_doc(&o, &d, fmt, done);
}

static int build_evaluation(struct app *app, const struct report_opts *o,
			    struct store *st, const char *contract_uid,
			    int year, struct doc *out, struct err *e)
{
	struct eval_options opts = { EVAL_CALENDAR, app->cfg.sender,
				     app->cfg.sender_function };

	if (o->period)
		opts.period = (enum eval_period_kind)evaluation_period_parse(
			o->period);
	return evaluation_build_opts(st, contract_uid, year, &opts, NULL, out,
				     e);
}

static int build_summary(struct app *app, const struct report_opts *o,
			 struct store *st, const char *contract_uid, int year,
			 struct doc *out, struct err *e)
{
	(void)app;
	(void)o;
	return summary_build(st, contract_uid, year, NULL, out, e);
}

static int report_evaluation(struct app *app, int argc, char **argv)
{
	return report_annual(app, argc, argv, "evaluation", true,
			     build_evaluation, "évaluation annuelle écrite");
}

static int report_summary(struct app *app, int argc, char **argv)
{
	return report_annual(app, argc, argv, "summary", false, build_summary,
			     "état récapitulatif écrit");
}

/* ------------------------------------------------------------------ */
/* One indicator, or a domain's, across every commune                  */

static int report_communes(struct app *app, int argc, char **argv)
{
	struct report_opts o = { .what = "communes" };
	struct across_report_opts ao = { .sort = ACROSS_SORT_COMMUNE };
	char today[DATE_ISO_LEN];
	struct store *st;
	struct doc d;
	struct date now;
	struct err e;
	int fmt = 0, rc;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		return rc;
	if (o.meeting || o.commune || o.year)
		return cli_usage_error("report communes : --meeting, --commune "
				       "et --year sont de trop (toutes les "
				       "communes, pour la période de "
				       "--period)");
	if ((!o.indicator || !*o.indicator) == (!o.domain || !*o.domain))
		return cli_usage_error("report communes : --indicator CODE "
				       "(3.3.2, ou nsi/3.3.2) ou --domain CODE "
				       "(nsi), l'un des deux");
	if (o.domain && o.criticality)
		return cli_usage_error("report communes : --criticite ne sert "
				       "qu'avec --indicator");
	if ((rc = cli_across_args("report communes", o.period, o.sort,
				  &ao.period, &ao.sort, &ao.descending)) != 0)
		return rc;
	if ((rc = format_opts(&o, &fmt)) != 0)
		return rc;
	ao.indicator = o.indicator;
	ao.domain = o.domain;
	ao.criticality = o.criticality;
	err_clear(&e);
	if (cli_open_store(app, STORE_VIEW, &st, &e) != 0)
		return cli_fail(&e);
	date_today(&now);
	date_format_iso(now, today);
	rc = across_report_build(st, &ao, today, &d, &e);
	store_close(st);
	if (rc != 0)
		return cli_fail(&e);
	return write_doc(&o, &d, fmt, "rapport de toutes les communes écrit");
}

/* ------------------------------------------------------------------ */
/* The reports                                                         */

static const struct report {
	const char *name;
	int (*run)(struct app *app, int argc, char **argv);
} reports[] = {
	{ "minutes", report_minutes },
	{ "evaluation", report_evaluation },
	{ "summary", report_summary },
	{ "communes", report_communes },
};

#define N_REPORTS (sizeof reports / sizeof *reports)

/* "minutes, …" for the messages. */
static void report_names(char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < N_REPORTS && used < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%s", i ? ", " : "",
				 reports[i].name);

		if (w < 0)
			break;
		used += (size_t)w;
	}
}

int cmd_report(struct app *app, int argc, char **argv)
{
	char names[128];

	report_names(names, sizeof names);
	if (argc < 2)
		return cli_usage_error("report : quel rapport ? (%s)", names);
	for (size_t i = 0; i < N_REPORTS; i++)
		if (!strcmp(argv[1], reports[i].name))
			return reports[i].run(app, argc - 1, argv + 1);
	return cli_usage_error("report : « %s » inconnu (rapports possibles : "
			       "%s)", argv[1], names);
}
