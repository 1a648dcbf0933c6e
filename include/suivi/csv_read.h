/*
 * csv_read.h - reading CSV as RFC 4180 describes it (and as csv.h writes
 * it): fields separated by commas, records by CRLF, LF or a lone CR;
 * a field in double quotes may hold commas, line breaks and doubled
 * quotes (""). A UTF-8 byte order mark at the very start is skipped.
 * A record whose fields hold nothing but spaces and tabs (an empty line,
 * a line of blanks, a spreadsheet's empty row ",,,") is skipped, before
 * the first record too: the caller never sees it.
 *
 * Every record carries the physical line it starts on, counting the
 * line breaks inside quoted fields, so that a caller can report
 * "FILE:LINE: message" on the line a text editor shows. Fields have no
 * size limit (they grow on the heap).
 *
 * Refused, with the line of the offending byte: a field that is not
 * well-formed UTF-8, a NUL byte, a quote inside an unquoted field,
 * anything but a comma or a line end after a closing quote, and a quote
 * never closed (reported on the line where it opened). Except for the
 * last, the reader still reads the record to its end, so the caller may
 * go on and report the problems of the following records too.
 *
 * A UTF-16 file (byte order mark FF FE or FE FF, or a NUL in one of its
 * first two bytes but not in both) is refused as a whole: the first read
 * returns -1 with one message on line 1, naming UTF-16, and every read
 * after it returns 0.
 */
#ifndef SUIVI_CSV_READ_H
#define SUIVI_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "suivi/err.h"
#include "suivi/strbuf.h"

struct csv_reader {
	FILE *in;		/* the caller's; never closed here */
	const char *name;	/* for messages; the caller's */
	int line;		/* physical line of the next byte, from 1 */
	bool started;		/* the byte order mark was looked for */
	bool utf16;		/* the file is UTF-16: refused as a whole */
	bool utf16_said;	/* and that was said */
	unsigned char back[4];	/* bytes read ahead, last pushed on top */
	int n_back;
	struct strbuf field;	/* the field being read */
};

/* One record. field[i] are heap strings owned by the record, which the
 * caller may edit in place until the next read. */
struct csv_record {
	char **field;
	size_t n, cap;
	int line;		/* physical line of its first byte */
};

void csv_reader_init(struct csv_reader *r, FILE *in, const char *name);
void csv_reader_release(struct csv_reader *r);

void csv_record_init(struct csv_record *rec);
void csv_record_release(struct csv_record *rec);

/* Read the next record into rec (its previous fields are freed).
 * 1: a record; 0: end of input (rec->n is 0); -1: a problem, e filled
 * with ERR_INPUT, name and line (ERR_IO when reading failed), rec holding
 * what was read. After -1 the next call reads the following record. */
int csv_read_record(struct csv_reader *r, struct csv_record *rec,
		    struct err *e);

#endif
