/*
 * minutes.h - the compte rendu of one meeting, as a doc (doc.h) written
 * by the doc renderers: Markdown, one self-contained HTML file (UTF-8,
 * lang="fr", inline CSS with a print stylesheet for A4, no script, no
 * external resource) or a flat OpenDocument text (.fodt) to edit.
 *
 * What it says, in French and in this order:
 *   - the title: the kind of meeting and its date, the commune; then the
 *     commune, the contract, the date, the place, the status and the
 *     window of data reviewed; "provisoire" (title and a notice) when
 *     the meeting is not closed;
 *   - the notes of the meeting, when it has some;
 *   - the attendees: commune side, Bordeaux Métropole side, side not
 *     said, each with their function;
 *   - what was reviewed, the agenda of agenda_load grouped by
 *     kind under agenda_kind_heading[] (every heading, "Néant." when
 *     empty, but the launch meeting's, only there while it is due):
 *     the launch meeting not held yet; missing values as a table, one
 *     row per indicator and criticality (code, label, criticality, how
 *     many periods, which: "mars 2017 – janv. 2018"); the other values
 *     as a table (indicator code and label, period in French,
 *     criticality, value, target), the requests line with its counts,
 *     late requests, open disputes, actions carried;
 *   - the decisions, numbered;
 *   - the action plan: the meeting's own actions, then the unfinished
 *     ones carried from earlier meetings (what, owner, due date
 *     JJ/MM/AAAA, status, "en retard" for late ones);
 *   - a footer with the date it was written and the meeting's uid.
 *
 * Every text (users' and ours) is escaped for the format: in HTML & < >
 * " ' as entities; in Markdown the characters that would make markup
 * (\ ` * _ [ ] | ~, < that would open a tag, & that would open an
 * entity, a block marker such as # > - + = or "1." at the start of a
 * line). Line breaks are kept only in notes and decisions; other control
 * characters become spaces and invalid UTF-8 becomes U+FFFD, so the file
 * is always valid UTF-8.
 *
 * No curses, no SQL: minutes_load reads through the store API.
 */
#ifndef SUIVI_MINUTES_H
#define SUIVI_MINUTES_H

#include <stdbool.h>
#include <stdio.h>

#include "suivi/agenda.h"
#include "suivi/date.h"
#include "suivi/err.h"
#include "suivi/store.h"
#include "suivi/store_meeting.h"

enum minutes_format { MINUTES_MARKDOWN, MINUTES_HTML, MINUTES_ODT };

struct doc;

/* Everything the minutes say. Owned by the struct: minutes_release
 * frees every pointer (a caller filling one by hand gives heap copies). */
struct minutes {
	char *commune;			/* commune name */
	char *contract;			/* contract identifier, NULL: none */
	char *contract_title;		/* NULL when none */
	struct meeting meeting;		/* with attendees, decisions, actions
					 * and carried actions */
	char *kind_name;		/* what the contract calls its kind
					 * (meeting_kind_name) */
	struct agenda_item *items;	/* agenda_load */
	size_t n_items;
	char **labels;			/* n_items indicator labels (NULL
					 * entries, or labels NULL: none) */
	char from[DATE_ISO_LEN];	/* the agenda's window, ISO */
	char to[DATE_ISO_LEN];
	char written_on[DATE_ISO_LEN];	/* ISO date of the footer */
};

/* Everything the minutes of meeting_uid say; today (ISO, NULL:
 * date_today) decides which actions are late and dates the footer.
 * ERR_NOTFOUND for an unknown meeting. *out is zeroed on failure. */
int minutes_load(struct store *st, const char *meeting_uid,
		 const char *today, struct minutes *out, struct err *e);
void minutes_release(struct minutes *m);

/* The minutes as a doc, in the order above (d is initialised here;
 * doc_release it). */
void minutes_doc(const struct minutes *m, struct doc *d);

/* Write them to out; ERR_IO when writing failed. */
int minutes_write(FILE *out, const struct minutes *m,
		  enum minutes_format fmt, struct err *e);

/* Write them to path through atomic_open (temporary file, 0600, fsync,
 * rename): an existing path is refused (ERR_EXISTS) unless force, a
 * path that is not a regular file always (ERR_IO). */
int minutes_save(const char *path, const struct minutes *m,
		 enum minutes_format fmt, bool force, struct err *e);

/* The format a file name asks for: ".md" / ".markdown" Markdown,
 * ".html" / ".htm" HTML, ".fodt" ODF (case-insensitive); -1 otherwise
 * (.odt too: that is a zipped file, suivi writes the flat form). */
int minutes_format_of_path(const char *path);
/* The format a word names: "md" / "markdown", "html" / "htm", "odt" /
 * "fodt" (case-insensitive); -1 otherwise. */
int minutes_format_parse(const char *word);

#endif
