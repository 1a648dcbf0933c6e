/*
 * The compte rendu of a meeting (include/suivi/minutes.h).
 *
 * The minutes are built as a doc (doc.h), which the doc renderers write
 * in each format, so that every format says the same things and the
 * escaping is theirs.
 */
#include "suivi/minutes.h"
#include "suivi/contract.h"
#include "suivi/doc.h"
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
	agenda_free(m->items, m->n_items);
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
	    agenda_load(st, meeting_uid, out->written_on, &out->items,
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
	if (!strcasecmp(word, "odt") || !strcasecmp(word, "fodt"))
		return MINUTES_ODT;
	return -1;
}

int minutes_format_of_path(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	const char *dot = path ? strrchr(slash ? slash : path, '.') : NULL;

	/* a dot file (".md") has no extension */
	if (!dot || dot == (slash ? slash + 1 : path))
		return -1;
	/* .odt is zipped: suivi writes the flat form only */
	if (!strcasecmp(dot + 1, "odt"))
		return -1;
	return minutes_format_parse(dot + 1);
}

/* ------------------------------------------------------------------ */
/* The minutes as a doc                                                */

static bool provisional(const struct meeting *m)
{
	return m->status != MEETING_CLOSED;
}

/* Nothing to read in s (NULL, blanks, control characters): the cell
 * shows "—". */
static const char *shown(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
		if (*p > ' ' && *p != 0x7f)
			return s;
	return "—";
}

static void cells(struct doc_table *t, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		doc_text(t, shown(v[i]), TONE_NONE);
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

static void head(struct doc *d, const struct minutes *m)
{
	const struct meeting *mt = &m->meeting;
	char held[DATE_ISO_LEN], from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct date day;

	if (provisional(mt))
		doc_warning(d, "Compte rendu provisoire : la réunion est %s, "
			    "ce qu'il dit peut encore changer.",
			    meeting_status_vocab[mt->status].label);
	doc_field(d, "Commune", "%s", m->commune ? m->commune : "");
	if (m->contract) {
		if (m->contract_title)
			doc_field(d, "Contrat", "%s — %s", m->contract,
				  m->contract_title);
		else
			doc_field(d, "Contrat", "%s", m->contract);
	}
	doc_field(d, "Réunion", "%s",
		  m->kind_name ? m->kind_name
			       : meeting_kind_vocab[mt->kind].label);
	date_iso_fr(mt->held_on, held);
	if (mt->held_on && date_parse(mt->held_on, &day) == 0)
		doc_field(d, "Date", "%s %s",
			  date_weekday_name[date_weekday(day)], held);
	else
		doc_field(d, "Date", "%s", held);
	doc_field(d, "Lieu", "%s", mt->place ? mt->place : "non précisé");
	doc_field(d, "État", "%s%s", meeting_status_vocab[mt->status].label,
		  provisional(mt) ? " (compte rendu provisoire)" : "");
	if (m->from[0] && m->to[0]) {
		date_iso_fr(m->from, from);
		date_iso_fr(m->to, to);
		doc_field(d, "Données examinées", "du %s au %s", from, to);
	}
}

static void notes(struct doc *d, const struct meeting *m)
{
	if (!m->notes)
		return;
	doc_heading(d, 1, "Notes");
	doc_para(d, "%s", m->notes);
}

static void attendees(struct doc *d, const struct meeting *m)
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

	doc_heading(d, 1, "Participants");
	if (!m->n_attendees)
		doc_nothing(d, "Aucun participant enregistré.");
	for (size_t s = 0; s < sizeof sides / sizeof *sides; s++) {
		struct doc_table *t = NULL;

		for (size_t i = 0; i < m->n_attendees; i++) {
			const struct meeting_attendee *a = &m->attendees[i];
			int side = a->side == SIDE_COMMUNE ||
						   a->side == SIDE_SHARED
					   ? a->side
					   : -1;
			const char *v[2] = { a->name, a->function };

			if (side != sides[s].side)
				continue;
			if (!t) {
				doc_heading(d, 2, "%s", sides[s].title);
				t = doc_table(d, NULL, 2, cols);
			}
			cells(t, v, 2);
		}
	}
}

static void value_rows(struct doc *d, const struct minutes *m,
		       enum agenda_kind k)
{
	static const char *const cols[] = { "Indicateur", "Intitulé",
					    "Période", "Criticité", "Valeur",
					    "Cible" };
	static const char *const cols_disagree[] = {
		"Indicateur", "Intitulé", "Période", "Criticité",
		"Valeur saisie", "Calcul (journal des saisines)" };
	struct doc_table *t = doc_table(d, NULL, 6, k == AGENDA_DISAGREE
							    ? cols_disagree
							    : cols);

	for (size_t i = 0; i < m->n_items; i++) {
		const struct agenda_item *it = &m->items[i];
		char label[64];
		struct period p;

		if (it->kind != k)
			continue;
		if (period_parse(it->period, &p) == 0)
			period_label(p, label, sizeof label);
		else
			snprintf(label, sizeof label, "%s", it->period);
		{
			const char *v[6] = {
				it->code, m->labels ? m->labels[i] : NULL,
				label, it->criticality, it->value_text,
				it->target_text
			};

			cells(t, v, 6);
		}
	}
}

/* The values missing, one row per indicator and criticality: how many
 * periods and which. */
static void missing_rows(struct doc *d, const struct minutes *m)
{
	static const char *const cols[] = { "Indicateur", "Intitulé",
					    "Criticité", "Manquantes",
					    "Périodes" };
	struct doc_table *t = doc_table(d, NULL, 5, cols);

	for (size_t i = 0; i < m->n_items; i++) {
		const struct agenda_item *it = &m->items[i];
		char count[32];

		if (it->kind != AGENDA_MISSING)
			continue;
		snprintf(count, sizeof count, "%zu", it->n_periods);
		{
			const char *v[5] = {
				it->code, m->labels ? m->labels[i] : NULL,
				it->criticality, count, it->periods_text
			};

			cells(t, v, 5);
		}
	}
}

static void reviewed(struct doc *d, const struct minutes *m)
{
	doc_heading(d, 1, "Points examinés");
	for (int k = 0; k < AGENDA_KIND_COUNT; k++) {
		size_t n = 0;
		bool about_cells = false;

		for (size_t i = 0; i < m->n_items; i++) {
			if ((int)m->items[i].kind != k)
				continue;
			n++;
			about_cells = about_cells || m->items[i].code;
		}
		/* the launch meeting is said only while it is due, values
		 * the log disagrees with and sync conflicts only when there
		 * are some */
		if (!n && (k == AGENDA_LAUNCH || k == AGENDA_DISAGREE ||
			   k == AGENDA_SYNC_CONFLICT))
			continue;
		doc_heading(d, 2, "%s", agenda_kind_heading[k]);
		if (!n) {
			doc_nothing(d, "Néant.");
			continue;
		}
		if (k == AGENDA_MISSING) {
			missing_rows(d, m);
			continue;
		}
		/* the kinds about grid cells, as a table of their figures */
		if (about_cells) {
			value_rows(d, m, (enum agenda_kind)k);
			continue;
		}
		doc_list(d);
		for (size_t i = 0; i < m->n_items; i++) {
			const struct agenda_item *it = &m->items[i];

			if ((int)it->kind != k)
				continue;
			doc_item(d, "%s", it->text ? it->text : "");
			if (it->late)
				doc_item_flag(d);
		}
	}
}

static void decisions(struct doc *d, const struct meeting *m)
{
	doc_heading(d, 1, "Décisions");
	if (!m->n_decisions) {
		doc_nothing(d, "Aucune décision.");
		return;
	}
	doc_list_numbered(d);
	for (size_t i = 0; i < m->n_decisions; i++)
		doc_item(d, "%s", m->decisions[i].text ? m->decisions[i].text
						      : "");
}

static void action_rows(struct doc *d, const struct meeting_action *v,
			size_t n, bool carried)
{
	static const char *const cols[] = { "Action", "Responsable",
					    "Échéance", "État",
					    "Décidée le" };
	struct doc_table *t = doc_table(d, NULL, carried ? 5 : 4, cols);

	for (size_t i = 0; i < n; i++) {
		const struct meeting_action *a = &v[i];
		char due[DATE_ISO_LEN] = "", done[DATE_ISO_LEN];
		char held[DATE_ISO_LEN];
		char *status;

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
		doc_text(t, shown(a->what), TONE_NONE);
		doc_text(t, shown(a->owner ? a->owner : "à désigner"),
			 TONE_NONE);
		doc_text(t, shown(due), TONE_NONE);
		doc_text(t, shown(status), TONE_NONE);
		if (a->late) {
			doc_mark(t, "en retard");
			doc_row_flag(t);
		}
		if (carried)
			doc_text(t, shown(held), TONE_NONE);
		free(status);
	}
}

static void action_plan(struct doc *d, const struct meeting *m)
{
	doc_heading(d, 1, "Plan d'actions");
	if (!m->n_actions && !m->n_carried)
		doc_nothing(d, "Aucune action.");
	if (m->n_actions) {
		doc_heading(d, 2, "Actions décidées lors de cette réunion");
		action_rows(d, m->actions, m->n_actions, false);
	}
	if (m->n_carried) {
		doc_heading(d, 2,
			    "Actions des réunions précédentes, non terminées");
		action_rows(d, m->carried, m->n_carried, true);
	}
}

void minutes_doc(const struct minutes *m, struct doc *d)
{
	char on[DATE_ISO_LEN];
	char *title = title_of(m), *foot;

	doc_init(d, title, NULL);
	free(title);
	head(d, m);
	notes(d, &m->meeting);
	attendees(d, &m->meeting);
	reviewed(d, m);
	decisions(d, &m->meeting);
	action_plan(d, &m->meeting);
	date_iso_fr(m->written_on, on);
	foot = xasprintf("Compte rendu établi par suivi le %s (réunion %s).",
			 on, m->meeting.uid);
	doc_set_footer(d, foot);
	free(foot);
}

static enum doc_format doc_format_of(enum minutes_format fmt)
{
	return fmt == MINUTES_HTML ? DOC_HTML
	       : fmt == MINUTES_ODT ? DOC_FODT
				    : DOC_MD;
}

/* doc_write's failure said as before: "écriture du compte rendu
 * impossible : why". */
static void said_as_minutes(struct err *e)
{
	static const char doc_said[] = "écriture du document impossible : ";
	char why[ERR_MSG_MAX];

	if (!e || e->code != ERR_IO ||
	    strncmp(e->msg, doc_said, sizeof doc_said - 1))
		return;
	snprintf(why, sizeof why, "%s", e->msg + sizeof doc_said - 1);
	err_set(e, ERR_IO, "écriture du compte rendu impossible : %s", why);
}

int minutes_write(FILE *fp, const struct minutes *m,
		  enum minutes_format fmt, struct err *e)
{
	struct doc d;
	int rc;

	minutes_doc(m, &d);
	if ((rc = doc_write(fp, &d, doc_format_of(fmt), e)) != 0)
		said_as_minutes(e);
	doc_release(&d);
	return rc;
}

int minutes_save(const char *path, const struct minutes *m,
		 enum minutes_format fmt, bool force, struct err *e)
{
	struct doc d;
	int rc;

	minutes_doc(m, &d);
	if ((rc = doc_save(path, &d, doc_format_of(fmt), force, e)) != 0)
		said_as_minutes(e);
	doc_release(&d);
	return rc;
}
