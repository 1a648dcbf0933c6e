/*
 * The compte rendu of a meeting (include/suivi/minutes.h).
 *
 * One walk over the minutes writes both formats: the walk says "a
 * heading", "a table row", "a list item", and the emitters below turn
 * that into Markdown or HTML, so that both always say the same things.
 * Every text goes through put(), which cleans it (UTF-8, control
 * characters) and escapes it for the format (doc_esc.h, shared with the
 * doc renderers).
 */
#include "suivi/minutes.h"
#include "doc_esc.h"
#include "suivi/atomic.h"
#include "suivi/contract.h"
#include "suivi/store_contract.h"
#include "suivi/value.h"
#include "suivi/text.h"
#include "suivi/date.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Loading                                                             */

void minutes_release(struct minutes *m)
{
	if (!m)
		return;
	free(m->commune);
	free(m->contract);
	free(m->contract_title);
	free(m->kind_name);
	store_meeting_release(&m->meeting);
	if (m->labels)
		for (size_t i = 0; i < m->n_items; i++)
			free(m->labels[i]);
	free(m->labels);
	store_agenda_free(m->items, m->n_items);
	memset(m, 0, sizeof *m);
}

static int contract_of(struct store *st, struct minutes *m, struct err *e)
{
	struct contract_info *k = NULL;
	size_t n = 0;

	if (store_contract_list(st, &k, &n, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(k[i].uid, m->meeting.contract_uid))
			continue;
		m->commune = xstrdup_or_null(k[i].commune);
		m->contract = xstrdup_or_null(k[i].identifier);
		m->contract_title = xstrdup_or_null(k[i].title);
		break;
	}
	store_contract_list_free(k, n);
	if (!m->commune)
		m->commune = xstrdup("");
	return 0;
}

/* The labels of the indicators the agenda names. */
static int labels_of(struct store *st, struct minutes *m, struct err *e)
{
	m->labels = xcalloc(m->n_items ? m->n_items : 1, sizeof *m->labels);
	for (size_t i = 0; i < m->n_items; i++) {
		const struct agenda_item *it = &m->items[i];
		struct indicator ind;

		if (!it->code || !it->indicator_uid[0])
			continue;
		memset(&ind, 0, sizeof ind);
		if (store_indicator_get(st, it->indicator_uid, &ind, e) != 0)
			return -1;
		m->labels[i] = xstrdup_or_null(ind.label);
		indicator_release(&ind);
	}
	return 0;
}

/* The kind under the name the annexes in force on the meeting's date
 * give it (a comité numérique under its own name). */
static int kind_of(struct store *st, struct minutes *m, struct err *e)
{
	char **names = NULL;
	size_t n = 0;

	if (store_committee_names(st, m->meeting.contract_uid,
				  m->meeting.held_on, &names, &n, e) != 0)
		return -1;
	m->kind_name = meeting_kind_name(m->meeting.kind, names, n);
	text_lines_free(names, n);
	return 0;
}

int minutes_load(struct store *st, const char *meeting_uid,
		 const char *today, struct minutes *out, struct err *e)
{
	struct date d;

	memset(out, 0, sizeof *out);
	err_clear(e);
	if (today && date_parse(today, &d) == 0)
		date_format_iso(d, out->written_on);
	else {
		date_today(&d);
		date_format_iso(d, out->written_on);
	}
	if (store_meeting_get(st, meeting_uid, out->written_on, &out->meeting,
			      e) != 0) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	if (contract_of(st, out, e) != 0 || kind_of(st, out, e) != 0 ||
	    store_meeting_window(st, meeting_uid, out->from, out->to, e) != 0 ||
	    store_meeting_agenda(st, meeting_uid, out->written_on, &out->items,
				 &out->n_items, e) != 0 ||
	    labels_of(st, out, e) != 0)
		goto fail;
	return 0;
fail:
	minutes_release(out);
	return -1;
}

int minutes_format_parse(const char *word)
{
	if (!word)
		return -1;
	if (!strcasecmp(word, "md") || !strcasecmp(word, "markdown"))
		return MINUTES_MARKDOWN;
	if (!strcasecmp(word, "html") || !strcasecmp(word, "htm"))
		return MINUTES_HTML;
	return -1;
}

int minutes_format_of_path(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	const char *dot = path ? strrchr(slash ? slash : path, '.') : NULL;

	/* a dot file (".md") has no extension */
	if (!dot || dot == (slash ? slash + 1 : path))
		return -1;
	return minutes_format_parse(dot + 1);
}

/* ------------------------------------------------------------------ */
/* Emitters                                                            */

struct out {
	FILE *fp;
	enum minutes_format fmt;
};

/* How put() escapes. */
enum {
	PUT_MULTILINE = 1,	/* keep line breaks (<br>, or a hard break
				 * and an indent in Markdown) */
	PUT_BLOCK = 2,		/* Markdown: the text starts a line, so a
				 * block marker at its start is escaped */
};

/* Text for the format; indent: Markdown columns of the list item a
 * multiline text continues in. */
static void put_indented(struct out *o, const char *s, int flags, int indent)
{
	char *c = esc_clean(s, flags & PUT_MULTILINE);

	if (o->fmt == MINUTES_HTML) {
		esc_xml(o->fp, c, "<br>\n");
	} else {
		char cont[64];

		snprintf(cont, sizeof cont, "%*s", indent, "");
		esc_md(o->fp, c, flags & PUT_BLOCK ? ESC_MD_BLOCK : 0, cont);
	}
	free(c);
}

static void put(struct out *o, const char *s, int flags)
{
	put_indented(o, s, flags, 0);
}

/* Our own markup-free text (labels), written as is in both formats:
 * only for literals of this file. */
static void raw(struct out *o, const char *s)
{
	fputs(s, o->fp);
}

static void heading(struct out *o, int level, const char *s)
{
	if (o->fmt == MINUTES_MARKDOWN) {
		fprintf(o->fp, "%.*s ", level, "######");
		put(o, s, 0);
		fputs("\n\n", o->fp);
	} else {
		fprintf(o->fp, "<h%d>", level);
		put(o, s, 0);
		fprintf(o->fp, "</h%d>\n", level);
	}
}

static void section_open(struct out *o, const char *title)
{
	if (o->fmt == MINUTES_HTML)
		fputs("<section>\n", o->fp);
	heading(o, 2, title);
}

static void section_close(struct out *o)
{
	if (o->fmt == MINUTES_HTML)
		fputs("</section>\n", o->fp);
}

/* A paragraph saying there is nothing. */
static void none(struct out *o, const char *what)
{
	if (o->fmt == MINUTES_MARKDOWN)
		fprintf(o->fp, "_%s_\n\n", what);
	else
		fprintf(o->fp, "<p class=\"none\">%s</p>\n", what);
}

static void paragraph(struct out *o, const char *s)
{
	if (o->fmt == MINUTES_HTML)
		raw(o, "<p>");
	put(o, s, PUT_MULTILINE | PUT_BLOCK);
	raw(o, o->fmt == MINUTES_HTML ? "</p>\n" : "\n\n");
}

static void list_open(struct out *o, bool ordered)
{
	if (o->fmt == MINUTES_HTML)
		fputs(ordered ? "<ol>\n" : "<ul>\n", o->fp);
}

static void list_close(struct out *o, bool ordered)
{
	if (o->fmt == MINUTES_HTML)
		fputs(ordered ? "</ol>\n" : "</ul>\n", o->fp);
	else
		fputc('\n', o->fp);
}

/* One list item of text; number > 0 for an ordered list. */
static void list_item(struct out *o, int number, const char *s, int flags,
		      bool late)
{
	if (o->fmt == MINUTES_MARKDOWN) {
		int w = number > 0 ? fprintf(o->fp, "%d. ", number)
				   : fprintf(o->fp, "- ");

		put_indented(o, s, flags | PUT_BLOCK, w);
		fputc('\n', o->fp);
	} else {
		fputs(late ? "<li class=\"late\">" : "<li>", o->fp);
		put(o, s, flags);
		fputs("</li>\n", o->fp);
	}
}

/* A key and its value, in the list under the title. */
static void field(struct out *o, const char *key, const char *value)
{
	if (o->fmt == MINUTES_MARKDOWN) {
		fprintf(o->fp, "- **%s** : ", key);
		put(o, value, 0);
		fputc('\n', o->fp);
	} else {
		fprintf(o->fp, "<tr><th scope=\"row\">%s</th><td>", key);
		put(o, value, 0);
		fputs("</td></tr>\n", o->fp);
	}
}

struct cell {
	const char *text;	/* NULL or blank: "—" */
	bool late;		/* followed by the "en retard" mark */
};

static void table_open(struct out *o, const char *const *head, int n)
{
	if (o->fmt == MINUTES_MARKDOWN) {
		for (int i = 0; i < n; i++)
			fprintf(o->fp, "| %s ", head[i]);
		fputs("|\n", o->fp);
		for (int i = 0; i < n; i++)
			fputs("| --- ", o->fp);
		fputs("|\n", o->fp);
	} else {
		fputs("<table>\n<thead><tr>", o->fp);
		for (int i = 0; i < n; i++)
			fprintf(o->fp, "<th scope=\"col\">%s</th>", head[i]);
		fputs("</tr></thead>\n<tbody>\n", o->fp);
	}
}

static void table_row(struct out *o, const struct cell *c, int n, bool late)
{
	if (o->fmt == MINUTES_HTML)
		fputs(late ? "<tr class=\"late\">" : "<tr>", o->fp);
	for (int i = 0; i < n; i++) {
		char *t = esc_clean(c[i].text, false);
		const char *shown = *t ? t : "—";

		if (o->fmt == MINUTES_MARKDOWN) {
			fputs("| ", o->fp);
			esc_md_line(o->fp, shown, 0);
			if (c[i].late)
				fputs(" — **en retard**", o->fp);
			fputc(' ', o->fp);
		} else {
			fputs("<td>", o->fp);
			esc_xml(o->fp, shown, "<br>\n");
			if (c[i].late)
				fputs(" <strong class=\"late-mark\">en retard"
				      "</strong>", o->fp);
			fputs("</td>", o->fp);
		}
		free(t);
	}
	fputs(o->fmt == MINUTES_MARKDOWN ? "|\n" : "</tr>\n", o->fp);
}

static void table_close(struct out *o)
{
	fputs(o->fmt == MINUTES_MARKDOWN ? "\n" : "</tbody>\n</table>\n",
	      o->fp);
}

/* The print stylesheet: A4, black on white, tables that do not split a
 * row across pages, late items readable without colour. */
static const char css[] =
	"body{font-family:\"DejaVu Sans\",Arial,Helvetica,sans-serif;"
	"font-size:11pt;line-height:1.4;color:#111;background:#fff;"
	"max-width:48em;margin:2em auto;padding:0 1em}\n"
	"h1{font-size:1.5em;margin:0 0 .5em;border-bottom:2px solid #333}\n"
	"h2{font-size:1.2em;margin:1.5em 0 .5em;"
	"border-bottom:1px solid #999}\n"
	"h3{font-size:1em;margin:1em 0 .4em}\n"
	"table{border-collapse:collapse;width:100%;margin:.3em 0 1em}\n"
	"th,td{border:1px solid #999;padding:.25em .45em;text-align:left;"
	"vertical-align:top}\n"
	"thead th{background:#eee}\n"
	"table.meta th{width:11em;background:#f5f5f5;font-weight:600}\n"
	".notice{border-left:4px solid #b35c00;background:#fff4e5;"
	"padding:.4em .8em}\n"
	".late{color:#a00000}\n"
	".late-mark{font-weight:bold}\n"
	".none{font-style:italic;color:#555}\n"
	"footer{margin-top:2em;border-top:1px solid #999;font-size:.85em;"
	"color:#444}\n"
	"@page{size:A4;margin:18mm 16mm 20mm}\n"
	"@media print{body{font-size:10pt;max-width:none;margin:0;padding:0}"
	"h2,h3{break-after:avoid;page-break-after:avoid}"
	"tr,li{break-inside:avoid;page-break-inside:avoid}"
	"thead{display:table-header-group}"
	"thead th,table.meta th{background:none}"
	".notice{background:none;border:1px solid #000}"
	".late{color:#000}}\n";

/* ------------------------------------------------------------------ */
/* The minutes                                                         */


static bool provisional(const struct meeting *m)
{
	return m->status != MEETING_CLOSED;
}

static char *title_of(const struct minutes *m)
{
	char held[DATE_ISO_LEN];

	date_iso_fr(m->meeting.held_on, held);
	return xasprintf("Compte rendu — %s du %s — %s%s",
			 m->kind_name ? m->kind_name
				      : meeting_kind_vocab[m->meeting.kind].label,
			 held,
			 m->commune ? m->commune : "",
			 provisional(&m->meeting) ? " (provisoire)" : "");
}

static void head(struct out *o, const struct minutes *m)
{
	const struct meeting *mt = &m->meeting;
	char held[DATE_ISO_LEN], from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	char *title = title_of(m), *s;
	struct date d;

	if (o->fmt == MINUTES_HTML) {
		raw(o, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, "
		    "initial-scale=1\">\n<title>");
		put(o, title, 0);
		fprintf(o->fp, "</title>\n<style>\n%s</style>\n</head>\n"
			"<body>\n<header>\n<h1>", css);
		put(o, title, 0);
		raw(o, "</h1>\n");
	} else {
		raw(o, "# ");
		put(o, title, 0);
		raw(o, "\n\n");
	}
	free(title);
	if (provisional(mt)) {
		s = xasprintf("Compte rendu provisoire : la réunion est %s, "
			      "ce qu'il dit peut encore changer.",
			      meeting_status_vocab[mt->status].label);
		if (o->fmt == MINUTES_HTML) {
			raw(o, "<p class=\"notice\"><strong>");
			put(o, s, 0);
			raw(o, "</strong></p>\n");
		} else {
			raw(o, "> **");
			put(o, s, 0);
			raw(o, "**\n\n");
		}
		free(s);
	}
	if (o->fmt == MINUTES_HTML)
		raw(o, "<table class=\"meta\">\n");
	field(o, "Commune", m->commune);
	if (m->contract) {
		s = m->contract_title
			    ? xasprintf("%s — %s", m->contract,
					m->contract_title)
			    : xstrdup(m->contract);
		field(o, "Contrat", s);
		free(s);
	}
	field(o, "Réunion", m->kind_name ? m->kind_name
					 : meeting_kind_vocab[mt->kind].label);
	date_iso_fr(mt->held_on, held);
	if (mt->held_on && date_parse(mt->held_on, &d) == 0)
		s = xasprintf("%s %s", date_weekday_name[date_weekday(d)], held);
	else
		s = xstrdup(held);
	field(o, "Date", s);
	free(s);
	field(o, "Lieu", mt->place ? mt->place : "non précisé");
	s = xasprintf("%s%s", meeting_status_vocab[mt->status].label,
		      provisional(mt) ? " (compte rendu provisoire)" : "");
	field(o, "État", s);
	free(s);
	if (m->from[0] && m->to[0]) {
		date_iso_fr(m->from, from);
		date_iso_fr(m->to, to);
		s = xasprintf("du %s au %s", from, to);
		field(o, "Données examinées", s);
		free(s);
	}
	raw(o, o->fmt == MINUTES_HTML ? "</table>\n</header>\n<main>\n" : "\n");
}

static void notes(struct out *o, const struct meeting *m)
{
	if (!m->notes)
		return;
	section_open(o, "Notes");
	paragraph(o, m->notes);
	section_close(o);
}

static void attendees(struct out *o, const struct meeting *m)
{
	static const struct {
		int side;
		const char *title;
	} sides[] = {
		{ SIDE_COMMUNE, "Pour la commune" },
		{ SIDE_SHARED, "Pour Bordeaux Métropole (service commun)" },
		{ -1, "Côté non précisé" },
	};
	static const char *const cols[] = { "Nom", "Fonction" };

	section_open(o, "Participants");
	if (!m->n_attendees)
		none(o, "Aucun participant enregistré.");
	for (size_t s = 0; s < sizeof sides / sizeof *sides; s++) {
		bool any = false;

		for (size_t i = 0; i < m->n_attendees; i++) {
			const struct meeting_attendee *a = &m->attendees[i];
			int side = a->side == SIDE_COMMUNE ||
						   a->side == SIDE_SHARED
					   ? a->side
					   : -1;
			struct cell c[2] = { { a->name, false },
					     { a->function, false } };

			if (side != sides[s].side)
				continue;
			if (!any) {
				heading(o, 3, sides[s].title);
				table_open(o, cols, 2);
				any = true;
			}
			table_row(o, c, 2, false);
		}
		if (any)
			table_close(o);
	}
	section_close(o);
}

static void value_rows(struct out *o, const struct minutes *m,
		       enum agenda_kind k)
{
	static const char *const cols[] = { "Indicateur", "Intitulé",
					    "Période", "Criticité", "Valeur",
					    "Cible" };
	static const char *const cols_disagree[] = {
		"Indicateur", "Intitulé", "Période", "Criticité",
		"Valeur saisie", "Calcul (journal des saisines)" };

	table_open(o, k == AGENDA_DISAGREE ? cols_disagree : cols, 6);
	for (size_t i = 0; i < m->n_items; i++) {
		const struct agenda_item *it = &m->items[i];
		char label[64];
		struct period p;
		struct cell c[6];

		if (it->kind != k)
			continue;
		if (period_parse(it->period, &p) == 0)
			period_label(p, label, sizeof label);
		else
			snprintf(label, sizeof label, "%s", it->period);
		c[0] = (struct cell){ it->code, false };
		c[1] = (struct cell){ m->labels ? m->labels[i] : NULL, false };
		c[2] = (struct cell){ label, false };
		c[3] = (struct cell){ it->criticality, false };
		c[4] = (struct cell){ it->value_text, false };
		c[5] = (struct cell){ it->target_text, false };
		table_row(o, c, 6, false);
	}
	table_close(o);
}

/* The values missing, one row per indicator and criticality: how many
 * periods and which. */
static void missing_rows(struct out *o, const struct minutes *m)
{
	static const char *const cols[] = { "Indicateur", "Intitulé",
					    "Criticité", "Manquantes",
					    "Périodes" };

	table_open(o, cols, 5);
	for (size_t i = 0; i < m->n_items; i++) {
		const struct agenda_item *it = &m->items[i];
		char count[32];
		struct cell c[5];

		if (it->kind != AGENDA_MISSING)
			continue;
		snprintf(count, sizeof count, "%zu", it->n_periods);
		c[0] = (struct cell){ it->code, false };
		c[1] = (struct cell){ m->labels ? m->labels[i] : NULL, false };
		c[2] = (struct cell){ it->criticality, false };
		c[3] = (struct cell){ count, false };
		c[4] = (struct cell){ it->periods_text, false };
		table_row(o, c, 5, false);
	}
	table_close(o);
}

static void reviewed(struct out *o, const struct minutes *m)
{
	section_open(o, "Points examinés");
	for (int k = 0; k < AGENDA_KIND_COUNT; k++) {
		size_t n = 0;

		bool cells = false;

		for (size_t i = 0; i < m->n_items; i++) {
			if ((int)m->items[i].kind != k)
				continue;
			n++;
			cells = cells || m->items[i].code;
		}
		/* the launch meeting is said only while it is due, values
		 * the log disagrees with and sync conflicts only when there
		 * are some */
		if (!n && (k == AGENDA_LAUNCH || k == AGENDA_DISAGREE ||
			   k == AGENDA_SYNC_CONFLICT))
			continue;
		heading(o, 3, agenda_kind_heading[k]);
		if (!n) {
			none(o, "Néant.");
			continue;
		}
		if (k == AGENDA_MISSING) {
			missing_rows(o, m);
			continue;
		}
		/* the kinds about grid cells, as a table of their figures */
		if (cells) {
			value_rows(o, m, (enum agenda_kind)k);
			continue;
		}
		list_open(o, false);
		for (size_t i = 0; i < m->n_items; i++) {
			const struct agenda_item *it = &m->items[i];

			if ((int)it->kind == k)
				list_item(o, 0, it->text, 0, it->late);
		}
		list_close(o, false);
	}
	section_close(o);
}

static void decisions(struct out *o, const struct meeting *m)
{
	section_open(o, "Décisions");
	if (!m->n_decisions) {
		none(o, "Aucune décision.");
	} else {
		list_open(o, true);
		for (size_t i = 0; i < m->n_decisions; i++)
			list_item(o, (int)i + 1, m->decisions[i].text,
				  PUT_MULTILINE, false);
		list_close(o, true);
	}
	section_close(o);
}

static void action_rows(struct out *o, const struct meeting_action *v,
			size_t n, bool carried)
{
	static const char *const cols[] = { "Action", "Responsable",
					    "Échéance", "État",
					    "Décidée le" };

	table_open(o, cols, carried ? 5 : 4);
	for (size_t i = 0; i < n; i++) {
		const struct meeting_action *a = &v[i];
		char due[DATE_ISO_LEN] = "", done[DATE_ISO_LEN];
		char held[DATE_ISO_LEN];
		char *status;
		struct cell c[5];

		if (a->due_on)
			date_iso_fr(a->due_on, due);
		if (a->status == ACTION_DONE && a->done_on) {
			date_iso_fr(a->done_on, done);
			status = xasprintf("%s le %s",
					   action_status_vocab[a->status].label,
					   done);
		} else {
			status = xstrdup(action_status_vocab[a->status].label);
		}
		date_iso_fr(a->meeting_held_on, held);
		c[0] = (struct cell){ a->what, false };
		c[1] = (struct cell){ a->owner ? a->owner : "à désigner",
				      false };
		c[2] = (struct cell){ due, false };
		c[3] = (struct cell){ status, a->late };
		c[4] = (struct cell){ held, false };
		table_row(o, c, carried ? 5 : 4, a->late);
		free(status);
	}
	table_close(o);
}

static void action_plan(struct out *o, const struct meeting *m)
{
	section_open(o, "Plan d'actions");
	if (!m->n_actions && !m->n_carried)
		none(o, "Aucune action.");
	if (m->n_actions) {
		heading(o, 3, "Actions décidées lors de cette réunion");
		action_rows(o, m->actions, m->n_actions, false);
	}
	if (m->n_carried) {
		heading(o, 3, "Actions des réunions précédentes, non terminées");
		action_rows(o, m->carried, m->n_carried, true);
	}
	section_close(o);
}

static void foot(struct out *o, const struct minutes *m)
{
	char on[DATE_ISO_LEN];
	char *s;

	date_iso_fr(m->written_on, on);
	s = xasprintf("Compte rendu établi par suivi le %s (réunion %s).", on,
		      m->meeting.uid);
	if (o->fmt == MINUTES_HTML) {
		raw(o, "</main>\n<footer>\n<p>");
		put(o, s, 0);
		raw(o, "</p>\n</footer>\n</body>\n</html>\n");
	} else {
		raw(o, "---\n\n_");
		put(o, s, 0);
		raw(o, "_\n");
	}
	free(s);
}

int minutes_write(FILE *fp, const struct minutes *m,
		  enum minutes_format fmt, struct err *e)
{
	struct out o = { fp, fmt };

	head(&o, m);
	notes(&o, &m->meeting);
	attendees(&o, &m->meeting);
	reviewed(&o, m);
	decisions(&o, &m->meeting);
	action_plan(&o, &m->meeting);
	foot(&o, m);
	if (fflush(fp) != 0 || ferror(fp)) {
		err_set(e, ERR_IO, "écriture du compte rendu impossible : %s",
			err_errno_fr(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

int minutes_save(const char *path, const struct minutes *m,
		 enum minutes_format fmt, bool force, struct err *e)
{
	struct atomic_file af;

	if (atomic_open(&af, path, force, e) != 0)
		return -1;
	if (minutes_write(af.fp, m, fmt, e) != 0) {
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, e);
}
