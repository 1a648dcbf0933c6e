/*
 * Reading what the référent typed about an evaluation's record
 * (include/suivi/evaluation_record.h): the store takes dates, not text.
 */
#include "suivi/evaluation_record.h"
#include "suivi/date.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Blank as text_trim sees it. */
static bool blank(const char *s)
{
	char *t = text_trim(xstrdup(s));
	bool empty = !*t;

	free(t);
	return empty;
}

/* One typed date: NULL keeps it, blank clears it, else it must read. */
static int read_date(const char *field, const char *what,
		     enum record_date_change *how, struct date *d,
		     struct err *e)
{
	char *t;

	*how = RECORD_DATE_KEEP;
	if (!field)
		return 0;
	if (blank(field)) {
		*how = RECORD_DATE_CLEAR;
		return 0;
	}
	if (date_parse(field, d) == 0) {
		*how = RECORD_DATE_SET;
		return 0;
	}
	/* said trimmed, as typed */
	t = text_trim(xstrdup(field));
	err_set(e, ERR_INPUT, "date %s illisible : « %s » (attendu "
		"JJ/MM/AAAA)", what, t);
	free(t);
	return -1;
}

int evaluation_record_read(const struct evaluation_record_input *in,
			   struct evaluation_record_change *out,
			   struct err *e)
{
	memset(out, 0, sizeof *out);
	err_clear(e);
	out->adjustments = in->adjustments;
	if (read_date(in->sent_on, "d'envoi à la commune", &out->sent,
		      &out->sent_on, e) != 0 ||
	    read_date(in->presented_on, "de présentation aux instances "
		      "délibératives communales", &out->presented,
		      &out->presented_on, e) != 0)
		return -1;
	return 0;
}

int evaluation_record_set(struct store *st, const char *contract_uid,
			  int year, const struct evaluation_record_input *in,
			  const char *today, struct err *e)
{
	struct evaluation_record_change c;

	if (evaluation_record_read(in, &c, e) != 0)
		return -1;
	return store_evaluation_record_set(st, contract_uid, year, &c, today,
					   e);
}
