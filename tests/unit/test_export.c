/*
 * The CSV exports (src/report/export*.c): each writes its header row
 * then its rows on an open csv; a refusal of the store is -1 with its
 * message. (The whole files, byte for byte: tests/cli, t_export_*.)
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/csv.h"
#include "suivi/dashboard.h"
#include "suivi/export.h"
#include "suivi/request_columns.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_measurement.h"
#include "suivi/value.h"

static struct store *st;
static char bouscat[STORE_UID_LEN];

static const char *const files[] = {
	"share/suivi/contrats/le-bouscat.ini",
	"share/suivi/contrats/le-haillan.ini",
	"share/suivi/contrats/le-bouscat-avenant-1.ini",
	NULL,
};

static void setup(void)
{
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	st = t_store_with("export.db", files);
	store_set_author(st, "Marie Martin");
	cr_assert_eq(store_contract_find(st, "Le Bouscat", bouscat, &e), 0,
		     "%s", e.msg);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
}

TestSuite(export, .init = setup, .fini = teardown);

/* What one export wrote, and what it returned. */
struct out {
	char *text;
	size_t len;
	FILE *fp;
	struct csv c;
};

static void out_open(struct out *o)
{
	memset(o, 0, sizeof *o);
	cr_assert_not_null(o->fp = open_memstream(&o->text, &o->len));
	csv_init(&o->c, o->fp);
}

static void out_close(struct out *o)
{
	cr_assert_eq(fclose(o->fp), 0);
}

/* The first line (without its CRLF) of text, heap. */
static char *first_line(const char *text)
{
	const char *end = strstr(text, "\r\n");

	cr_assert_not_null(end, "no CRLF in « %s »", text);
	return strndup(text, (size_t)(end - text));
}

static size_t count_rows(const char *text)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, "\r\n")); p += 2)
		n++;
	return n;
}

Test(export, requests_header_is_the_column_table_in_order)
{
	struct out o;
	struct err e;
	char *line, want[2048] = "";

	for (int i = 0; i < C_COUNT; i++) {
		if (i)
			strcat(want, ",");
		cr_assert_null(strchr(request_columns[i].name, ','),
			       "a column name needing quotes: %s",
			       request_columns[i].name);
		strcat(want, request_columns[i].name);
	}
	out_open(&o);
	cr_assert_eq(export_requests_csv(st, NULL, NULL, NULL, &o.c, &e), 0,
		     "%s", e.msg);
	out_close(&o);
	line = first_line(o.text);
	cr_expect_str_eq(line, want);
	cr_expect_eq(count_rows(o.text), 1, "no request: the header only");
	free(line);
	free(o.text);
}

Test(export, indicators_of_one_commune_on_a_date)
{
	struct out o;
	struct err e;
	char *line;

	out_open(&o);
	cr_assert_eq(export_indicators_csv(st, "Le Bouscat", "2026-01-01",
					   &o.c, &e), 0, "%s", e.msg);
	out_close(&o);
	line = first_line(o.text);
	cr_expect(!strncmp(line, "commune,insee,contrat,domaine,", 30), "%s",
		  line);
	free(line);
	cr_expect_not_null(strstr(o.text, "\r\nLe Bouscat,33069,33069-2016,"
					  "nsi,"));
	cr_expect_null(strstr(o.text, "Le Haillan"));
	cr_expect_gt(count_rows(o.text), 10);
	free(o.text);
}

Test(export, measurements_of_a_year_with_the_value_as_shown)
{
	struct out o;
	struct err e;
	struct value v = { 0 };
	struct period p;
	char uid[STORE_UID_LEN];

	cr_assert_eq(period_parse("2026", &p), 0);
	cr_assert_eq(dashboard_indicator_at(st, bouscat, "1.1.1", p, uid, &e),
		     0, "%s", e.msg);
	v.has_num = true;
	v.num = 1;
	cr_assert_eq(store_measurement_set(st, uid, "2026", "", &v, false,
					   NULL, &e), 0, "%s", e.msg);
	out_open(&o);
	cr_assert_eq(export_measurements_csv(st, bouscat, 2026, &o.c, &e), 0,
		     "%s", e.msg);
	out_close(&o);
	cr_expect_eq(count_rows(o.text), 2, "%s", o.text);
	cr_expect_not_null(strstr(o.text, "\r\nLe Bouscat,33069,33069-2016,"
					  "nsi,1.1.1,"), "%s", o.text);
	cr_expect_not_null(strstr(o.text, ",2026,oui,1,,,non,,Marie Martin,"),
			   "%s", o.text);
	free(o.text);

	/* another year: the header only */
	out_open(&o);
	cr_assert_eq(export_measurements_csv(st, bouscat, 2025, &o.c, &e), 0,
		     "%s", e.msg);
	out_close(&o);
	cr_expect_eq(count_rows(o.text), 1, "%s", o.text);
	free(o.text);
}

Test(export, disputes_and_summary_without_any_are_their_header)
{
	struct out o;
	struct err e;

	out_open(&o);
	cr_assert_eq(export_disputes_csv(st, NULL, 0, &o.c, &e), 0, "%s",
		     e.msg);
	out_close(&o);
	cr_expect(!strncmp(o.text, "commune,contrat,ouvert le,objet,", 32));
	cr_expect_eq(count_rows(o.text), 1);
	free(o.text);

	out_open(&o);
	cr_assert_eq(export_summary_csv(st, bouscat, 2026, &o.c, &e), 0, "%s",
		     e.msg);
	out_close(&o);
	cr_expect_str_eq(o.text, "type,date,commune,objet,décision/solution,"
				 "décidé par / niveau,coût estimé\r\n");
	free(o.text);
}

Test(export, communes_refused_writes_nothing)
{
	struct export_communes x = { .code = "9.9.9",
				     .sort = ACROSS_SORT_COMMUNE };
	struct out o;
	struct err e;

	cr_assert_eq(period_parse("2026", &x.period), 0);
	out_open(&o);
	cr_expect_eq(export_communes_csv(st, &x, "2026-06-01", &o.c, &e), -1);
	out_close(&o);
	cr_expect_eq(o.len, 0, "%s", o.text);
	cr_expect_neq(e.msg[0], '\0');
	free(o.text);
}

Test(export, communes_one_row_per_commune_following_it)
{
	struct export_communes x = { .code = "1.1.1",
				     .sort = ACROSS_SORT_COMMUNE };
	struct out o;
	struct err e;

	cr_assert_eq(period_parse("2026", &x.period), 0);
	out_open(&o);
	cr_assert_eq(export_communes_csv(st, &x, "2026-06-01", &o.c, &e), 0,
		     "%s", e.msg);
	out_close(&o);
	cr_expect(!strncmp(o.text, "commune,insee,contrat,indicateur,", 33));
	cr_expect_not_null(strstr(o.text, "\r\nLe Bouscat,33069,"), "%s",
			   o.text);
	free(o.text);
}
