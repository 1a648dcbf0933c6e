/*
 * The compte rendu of a meeting (src/report/minutes.c): the exact text
 * of a meeting built by hand, in Markdown and in HTML, hostile text
 * escaped in both; the format from a file name; the atomic file; and
 * minutes_load on a database (tests/fixtures/test-contrat.ini).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suivi/store_tx.h"
#include "suivi/agenda.h"
#include "suivi/contract_file.h"
#include "suivi/minutes.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_meeting.h"
#include "suivi/xalloc.h"

/* ------------------------------------------------------------------ */
/* A meeting built by hand                                             */

#define UID_M "0123456789abcdef0123456789abcdef"
#define UID_K "fedcba9876543210fedcba9876543210"
#define UID_I "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static char *dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void attendee(struct meeting_attendee *a, const char *name,
		     const char *function, int side)
{
	memset(a, 0, sizeof *a);
	a->name = dup(name);
	a->function = dup(function);
	a->side = side;
}

static void action(struct meeting_action *a, const char *what,
		   const char *owner, const char *due, enum action_status st,
		   const char *done, bool late, const char *held)
{
	memset(a, 0, sizeof *a);
	snprintf(a->meeting_uid, sizeof a->meeting_uid, "%s", UID_M);
	a->meeting_held_on = dup(held);
	a->what = dup(what);
	a->owner = dup(owner);
	a->due_on = dup(due);
	a->done_on = dup(done);
	a->status = st;
	a->late = late;
}

static struct agenda_item *item(struct minutes *m, enum agenda_kind k,
				const char *text)
{
	struct agenda_item *it = &m->items[m->n_items++];

	memset(it, 0, sizeof *it);
	it->kind = k;
	it->text = dup(text);
	return it;
}

/* Hostile text everywhere a user types: tags, pipes, Markdown markers,
 * line breaks, an invalid byte. */
static void sample(struct minutes *m, enum meeting_status status)
{
	struct meeting *mt = &m->meeting;
	struct agenda_item *it;

	memset(m, 0, sizeof *m);
	m->commune = dup("Testville");
	m->contract = dup("test-2020");
	m->contract_title = dup("Contrat | test");
	snprintf(m->from, sizeof m->from, "2025-10-15");
	snprintf(m->to, sizeof m->to, "2026-01-15");
	snprintf(m->written_on, sizeof m->written_on, "2026-01-20");

	snprintf(mt->uid, sizeof mt->uid, "%s", UID_M);
	snprintf(mt->contract_uid, sizeof mt->contract_uid, "%s", UID_K);
	mt->kind = MEETING_FOLLOW_UP;
	mt->status = status;
	mt->held_on = dup("2026-01-15");
	mt->place = dup("Salle <script>alert(1)</script>");
	mt->notes = dup("Ordre du jour :\r\n# pas un titre\n- pas une liste");

	mt->n_attendees = 3;
	mt->attendees = xcalloc(3, sizeof *mt->attendees);
	attendee(&mt->attendees[0], "Mme Dupont", "DGS", SIDE_COMMUNE);
	attendee(&mt->attendees[1], "M. Martin | DSI", NULL, SIDE_SHARED);
	attendee(&mt->attendees[2], "Invité *spécial*", "Consultant\tRH", -1);

	mt->n_decisions = 2;
	mt->decisions = xcalloc(2, sizeof *mt->decisions);
	mt->decisions[0].position = 1;
	mt->decisions[0].text = dup("Valider le plan <2026> & suivre");
	mt->decisions[1].position = 2;
	mt->decisions[1].text = dup("Reporter\n1. la revue \xff");

	mt->n_actions = 2;
	mt->actions = xcalloc(2, sizeof *mt->actions);
	action(&mt->actions[0], "Relancer \"le\" prestataire & co", "DSI",
	       "2026-02-01", ACTION_OPEN, NULL, false, "2026-01-15");
	action(&mt->actions[1], "Clore <b>", NULL, NULL, ACTION_DONE,
	       "2026-01-10", false, "2026-01-15");
	mt->n_carried = 1;
	mt->carried = xcalloc(1, sizeof *mt->carried);
	action(&mt->carried[0], "Mettre à jour le schéma", "DSI", "2025-11-30",
	       ACTION_IN_PROGRESS, NULL, true, "2025-10-15");

	m->items = xcalloc(7, sizeof *m->items);
	m->labels = xcalloc(7, sizeof *m->labels);
	it = item(m, AGENDA_LAUNCH, "Réunion de lancement pas encore tenue ni "
		  "prévue : l'article 5 la prévoit");
	it->late = true;
	it = item(m, AGENDA_MISSING, "1.1.2 [mineure] Délai : 2 trimestres "
		  "manquants, T3 – T4 2025");
	snprintf(it->indicator_uid, sizeof it->indicator_uid, "%s", UID_I);
	snprintf(it->period, sizeof it->period, "2025-T3");
	it->criticality = dup("mineure");
	it->code = dup("nsi/1.1.2");
	it->n_periods = 2;
	it->periods_text = dup("T3 – T4 2025");
	m->labels[1] = dup("Délai de résolution");
	it = item(m, AGENDA_MISSED, "1.1.3 Maturité — 2025 : 2 pour une "
		  "cible de 4");
	snprintf(it->indicator_uid, sizeof it->indicator_uid, "%s", UID_I);
	snprintf(it->period, sizeof it->period, "2025-03");
	it->criticality = dup("");
	it->code = dup("nsi/1.1.3");
	it->value_text = dup("2 | 3");
	it->target_text = dup("4");
	m->labels[2] = dup("Maturité <ISO> 27001");
	it = item(m, AGENDA_REQUESTS, "Saisines depuis le 15/10/2025 : "
		  "2 reçues, 1 résolue ou répondue, 2 en retard");
	it->n_received = 2;
	it->n_closed = 1;
	it->n_late = 2;
	it->late = true;
	it = item(m, AGENDA_REQUEST_LATE, "Saisine « Imprimante <HS> » reçue "
		  "le 02/06/2025 : non résolue après 157 jours ouvrés");
	it->late = true;
	it = item(m, AGENDA_ACTION, "Action « Mettre à jour le schéma », DSI "
		  "(réunion du 15/10/2025) : en cours, en retard");
	it->late = true;
}

/* The minutes as a string (heap). */
static char *written(const struct minutes *m, enum minutes_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct err e;

	cr_assert_not_null(fp);
	cr_assert_eq(minutes_write(fp, m, fmt, &e), 0, "%s", e.msg);
	cr_assert_eq(fclose(fp), 0);
	return buf;
}

static const char want_md[] =
	"# Compte rendu — réunion de suivi du 15/01/2026 — Testville (provisoire)\n"
	"\n"
	"> **Compte rendu provisoire : la réunion est en cours, ce qu'il dit peut encore changer.**\n"
	"\n"
	"- **Commune** : Testville\n"
	"- **Contrat** : test-2020 — Contrat \\| test\n"
	"- **Réunion** : réunion de suivi\n"
	"- **Date** : jeudi 15/01/2026\n"
	"- **Lieu** : Salle \\<script>alert(1)\\</script>\n"
	"- **État** : en cours (compte rendu provisoire)\n"
	"- **Données examinées** : du 15/10/2025 au 15/01/2026\n"
	"\n"
	"## Notes\n"
	"\n"
	"Ordre du jour :  \n"
	"\\# pas un titre  \n"
	"\\- pas une liste\n"
	"\n"
	"## Participants\n"
	"\n"
	"### Pour la commune\n"
	"\n"
	"| Nom | Fonction |\n"
	"| --- | --- |\n"
	"| Mme Dupont | DGS |\n"
	"\n"
	"### Pour Bordeaux Métropole (service commun)\n"
	"\n"
	"| Nom | Fonction |\n"
	"| --- | --- |\n"
	"| M. Martin \\| DSI | — |\n"
	"\n"
	"### Côté non précisé\n"
	"\n"
	"| Nom | Fonction |\n"
	"| --- | --- |\n"
	"| Invité \\*spécial\\* | Consultant RH |\n"
	"\n"
	"## Points examinés\n"
	"\n"
	"### Réunion de lancement\n"
	"\n"
	"- Réunion de lancement pas encore tenue ni prévue : l'article 5 la prévoit\n"
	"\n"
	"### Valeurs attendues et manquantes\n"
	"\n"
	"| Indicateur | Intitulé | Criticité | Manquantes | Périodes |\n"
	"| --- | --- | --- | --- | --- |\n"
	"| nsi/1.1.2 | Délai de résolution | mineure | 2 | T3 – T4 2025 |\n"
	"\n"
	"### Valeurs qui manquent leur cible\n"
	"\n"
	"| Indicateur | Intitulé | Période | Criticité | Valeur | Cible |\n"
	"| --- | --- | --- | --- | --- | --- |\n"
	"| nsi/1.1.3 | Maturité \\<ISO> 27001 | mars 2025 | — | 2 \\| 3 | 4 |\n"
	"\n"
	"### Autres valeurs examinées\n"
	"\n"
	"_Néant._\n"
	"\n"
	"### Saisines\n"
	"\n"
	"- Saisines depuis le 15/10/2025 : 2 reçues, 1 résolue ou répondue, 2 en retard\n"
	"\n"
	"### Saisines en retard\n"
	"\n"
	"- Saisine « Imprimante \\<HS> » reçue le 02/06/2025 : non résolue après 157 jours ouvrés\n"
	"\n"
	"### Litiges ouverts\n"
	"\n"
	"_Néant._\n"
	"\n"
	"### Plan d'actions en cours\n"
	"\n"
	"- Action « Mettre à jour le schéma », DSI (réunion du 15/10/2025) : en cours, en retard\n"
	"\n"
	"## Décisions\n"
	"\n"
	"1. Valider le plan <2026> & suivre\n"
	"2. Reporter  \n"
	"   1\\. la revue \xef\xbf\xbd\n"
	"\n"
	"## Plan d'actions\n"
	"\n"
	"### Actions décidées lors de cette réunion\n"
	"\n"
	"| Action | Responsable | Échéance | État |\n"
	"| --- | --- | --- | --- |\n"
	"| Relancer \"le\" prestataire & co | DSI | 01/02/2026 | à faire |\n"
	"| Clore \\<b> | à désigner | — | faite le 10/01/2026 |\n"
	"\n"
	"### Actions des réunions précédentes, non terminées\n"
	"\n"
	"| Action | Responsable | Échéance | État | Décidée le |\n"
	"| --- | --- | --- | --- | --- |\n"
	"| Mettre à jour le schéma | DSI | 30/11/2025 | en cours — **en retard** | 15/10/2025 |\n"
	"\n"
	"---\n"
	"\n"
	"_Compte rendu établi par suivi le 20/01/2026 (réunion " UID_M ")._\n";

Test(minutes, markdown_says_everything_and_escapes_markup)
{
	struct minutes m;
	char *md;

	sample(&m, MEETING_OPEN);
	md = written(&m, MINUTES_MARKDOWN);
	cr_expect_str_eq(md, want_md);
	free(md);
	minutes_release(&m);
}

Test(minutes, a_closed_meeting_is_not_provisional)
{
	struct minutes m;
	char *md, *html;

	sample(&m, MEETING_CLOSED);
	md = written(&m, MINUTES_MARKDOWN);
	html = written(&m, MINUTES_HTML);
	cr_expect(strstr(md, "# Compte rendu — réunion de suivi du 15/01/2026 "
			 "— Testville\n"), "%s", md);
	cr_expect(strstr(md, "- **État** : close\n"), "%s", md);
	cr_expect_null(strstr(md, "provisoire"), "%s", md);
	cr_expect_null(strstr(html, "provisoire"));
	cr_expect_null(strstr(html, "class=\"notice\""));
	free(md);
	free(html);
	minutes_release(&m);
}

/* The body of the HTML between two markers, for exact comparisons. */
static char *between(const char *s, const char *from, const char *to)
{
	const char *a = strstr(s, from), *b;

	cr_assert_not_null(a, "%s missing", from);
	b = strstr(a, to);
	cr_assert_not_null(b, "%s missing", to);
	return xstrndup(a, (size_t)(b - a) + strlen(to));
}

Test(minutes, html_is_one_self_contained_escaped_page)
{
	struct minutes m;
	char *html, *part;

	sample(&m, MEETING_OPEN);
	html = written(&m, MINUTES_HTML);
	cr_expect(!strncmp(html, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
			   "<meta charset=\"utf-8\">\n", 60), "%.80s", html);
	cr_expect(strstr(html, "<title>Compte rendu — réunion de suivi du "
			 "15/01/2026 — Testville (provisoire)</title>"));
	cr_expect(strstr(html, "<style>"));
	cr_expect(strstr(html, "@page{size:A4"));
	cr_expect(strstr(html, "@media print{"));
	/* no script, no external resource of any kind */
	cr_expect_null(strstr(html, "<script"));
	cr_expect_null(strstr(html, "<link"));
	cr_expect_null(strstr(html, "src="));
	cr_expect_null(strstr(html, "href="));
	cr_expect_null(strstr(html, "url("));
	cr_expect_null(strstr(html, "@import"));
	cr_expect(strstr(html, "</body>\n</html>\n"));

	part = between(html, "<table class=\"meta\">", "</table>");
	cr_expect_str_eq(part,
		"<table class=\"meta\">\n"
		"<tr><th scope=\"row\">Commune</th><td>Testville</td></tr>\n"
		"<tr><th scope=\"row\">Contrat</th><td>test-2020 — Contrat | "
		"test</td></tr>\n"
		"<tr><th scope=\"row\">Réunion</th><td>réunion de suivi"
		"</td></tr>\n"
		"<tr><th scope=\"row\">Date</th><td>jeudi 15/01/2026</td></tr>\n"
		"<tr><th scope=\"row\">Lieu</th><td>Salle &lt;script&gt;alert(1)"
		"&lt;/script&gt;</td></tr>\n"
		"<tr><th scope=\"row\">État</th><td>en cours (compte rendu "
		"provisoire)</td></tr>\n"
		"<tr><th scope=\"row\">Données examinées</th><td>du 15/10/2025 "
		"au 15/01/2026</td></tr>\n"
		"</table>");
	free(part);
	cr_expect(strstr(html, "<p class=\"notice\"><strong>Compte rendu "
			 "provisoire : la réunion est en cours, ce qu&#39;il dit "
			 "peut encore changer.</strong></p>"));
	cr_expect(strstr(html, "<p>Ordre du jour :<br>\n# pas un titre<br>\n"
			 "- pas une liste</p>"), "%s", html);

	part = between(html, "<h3>Pour Bordeaux Métropole", "</table>");
	cr_expect_str_eq(part,
		"<h3>Pour Bordeaux Métropole (service commun)</h3>\n"
		"<div class=\"scroll\"><table>\n<thead><tr>"
		"<th scope=\"col\">Nom</th>"
		"<th scope=\"col\">Fonction</th></tr></thead>\n<tbody>\n"
		"<tr><td>M. Martin | DSI</td><td>—</td></tr>\n"
		"</tbody>\n</table>");
	free(part);

	part = between(html, "<h3>Valeurs attendues", "</table>");
	cr_expect_str_eq(part,
		"<h3>Valeurs attendues et manquantes</h3>\n"
		"<div class=\"scroll\"><table>\n<thead><tr>"
		"<th scope=\"col\">Indicateur</th>"
		"<th scope=\"col\">Intitulé</th><th scope=\"col\">Criticité"
		"</th><th scope=\"col\">Manquantes</th><th scope=\"col\">"
		"Périodes</th></tr></thead>\n<tbody>\n"
		"<tr><td>nsi/1.1.2</td><td>Délai de résolution</td>"
		"<td>mineure</td><td>2</td><td>T3 – T4 2025</td></tr>\n"
		"</tbody>\n</table>");
	free(part);
	cr_expect(strstr(html, "<h3>Réunion de lancement</h3>\n<ul>\n"
			 "<li class=\"late\">Réunion de lancement pas encore "
			 "tenue ni prévue : l&#39;article 5 la prévoit</li>"),
		  "%s", html);
	part = between(html, "<h3>Valeurs qui manquent", "</table>");
	cr_expect_str_eq(part,
		"<h3>Valeurs qui manquent leur cible</h3>\n"
		"<div class=\"scroll\"><table>\n<thead><tr>"
		"<th scope=\"col\">Indicateur</th>"
		"<th scope=\"col\">Intitulé</th><th scope=\"col\">Période</th>"
		"<th scope=\"col\">Criticité</th><th scope=\"col\">Valeur</th>"
		"<th scope=\"col\">Cible</th></tr></thead>\n<tbody>\n"
		"<tr><td>nsi/1.1.3</td><td>Maturité &lt;ISO&gt; 27001</td>"
		"<td>mars 2025</td><td>—</td><td>2 | 3</td><td>4</td></tr>\n"
		"</tbody>\n</table>");
	free(part);
	cr_expect(strstr(html, "<li class=\"late\">Saisine « Imprimante "
			 "&lt;HS&gt; » reçue le 02/06/2025 : non résolue après "
			 "157 jours ouvrés</li>"));
	cr_expect(strstr(html, "<h3>Litiges ouverts</h3>\n<p class=\"none\">"
			 "Néant.</p>"));

	part = between(html, "<h2>Décisions</h2>", "</ol>");
	cr_expect_str_eq(part,
		"<h2>Décisions</h2>\n<ol>\n"
		"<li>Valider le plan &lt;2026&gt; &amp; suivre</li>\n"
		"<li>Reporter<br>\n1. la revue \xef\xbf\xbd</li>\n"
		"</ol>");
	free(part);

	part = between(html, "<h3>Actions décidées", "</table>");
	cr_expect_str_eq(part,
		"<h3>Actions décidées lors de cette réunion</h3>\n"
		"<div class=\"scroll\"><table>\n<thead><tr>"
		"<th scope=\"col\">Action</th>"
		"<th scope=\"col\">Responsable</th><th scope=\"col\">Échéance"
		"</th><th scope=\"col\">État</th></tr></thead>\n<tbody>\n"
		"<tr><td>Relancer &quot;le&quot; prestataire &amp; co</td>"
		"<td>DSI</td><td>01/02/2026</td><td>à faire</td></tr>\n"
		"<tr><td>Clore &lt;b&gt;</td><td>à désigner</td><td>—</td>"
		"<td>faite le 10/01/2026</td></tr>\n"
		"</tbody>\n</table>");
	free(part);
	cr_expect(strstr(html, "<tr class=\"late\"><td>Mettre à jour le "
			 "schéma</td><td>DSI</td><td>30/11/2025</td><td>en "
			 "cours <strong class=\"late-mark\">en retard</strong>"
			 "</td><td>15/10/2025</td></tr>"), "%s", html);
	cr_expect(strstr(html, "<footer>\n<p>Compte rendu établi par suivi le "
			 "20/01/2026 (réunion " UID_M ").</p>\n</footer>"));
	/* users' text never opens a tag: every '<' is ours */
	cr_expect_null(strstr(html, "<ISO"));
	cr_expect_null(strstr(html, "<HS"));
	cr_expect_null(strstr(html, "<b>"));
	cr_expect_null(strstr(html, "<2026"));
	free(html);
	minutes_release(&m);
}

Test(minutes, nothing_to_say_is_said)
{
	struct minutes m;
	char *md;

	memset(&m, 0, sizeof m);
	m.commune = dup("Testville");
	m.meeting.kind = MEETING_MAYORS;
	m.meeting.status = MEETING_CANCELLED;
	m.meeting.held_on = dup("2026-06-12");
	snprintf(m.written_on, sizeof m.written_on, "2026-06-13");
	md = written(&m, MINUTES_MARKDOWN);
	cr_expect(strstr(md, "# Compte rendu — réunion avec les Maires du "
			 "12/06/2026 — Testville (provisoire)\n"), "%s", md);
	cr_expect(strstr(md, "la réunion est annulée"), "%s", md);
	cr_expect(strstr(md, "- **Lieu** : non précisé\n"), "%s", md);
	cr_expect(strstr(md, "_Aucun participant enregistré._"));
	cr_expect(strstr(md, "_Aucune décision._"));
	cr_expect(strstr(md, "_Aucune action._"));
	cr_expect_null(strstr(md, "Contrat"));
	cr_expect_null(strstr(md, "## Notes"));
	/* no launch meeting due: no heading for it, the others say
	 * "Néant." */
	cr_expect_null(strstr(md, "lancement"), "%s", md);
	cr_expect(strstr(md, "### Valeurs attendues et manquantes\n\n"
			 "_Néant._"), "%s", md);
	free(md);
	minutes_release(&m);
}

Test(minutes, markdown_escapes_block_markers_at_the_start_of_an_item)
{
	struct minutes m;
	char *md;

	memset(&m, 0, sizeof m);
	m.commune = dup("T");
	m.meeting.held_on = dup("2026-06-12");
	m.meeting.n_decisions = 5;
	m.meeting.decisions = xcalloc(5, sizeof *m.meeting.decisions);
	m.meeting.decisions[0].text = dup("# titre");
	m.meeting.decisions[1].text = dup("  > citation");
	m.meeting.decisions[2].text = dup("2026) année");
	m.meeting.decisions[3].text = dup("`code` [lien](x) ~~barré~~ _i_");
	m.meeting.decisions[4].text = dup("<!-- commentaire --> &amp; \\");
	md = written(&m, MINUTES_MARKDOWN);
	cr_expect(strstr(md, "1. \\# titre\n"
			 "2. \\> citation\n"
			 "3. 2026\\) année\n"
			 "4. \\`code\\` \\[lien\\](x) \\~\\~barré\\~\\~ \\_i\\_\n"
			 "5. \\<!-- commentaire --> \\&amp; \\\\\n"), "%s", md);
	free(md);
	minutes_release(&m);
}

/* ------------------------------------------------------------------ */
/* Formats and files                                                   */

Test(minutes, format_from_the_file_name_or_a_word)
{
	static const struct {
		const char *path;
		int want;
	} cases[] = {
		{ "cr.md", MINUTES_MARKDOWN },
		{ "dir.x/CR.MD", MINUTES_MARKDOWN },
		{ "cr.markdown", MINUTES_MARKDOWN },
		{ "cr.html", MINUTES_HTML },
		{ "cr.HTM", MINUTES_HTML },
		{ "cr.txt", -1 },
		{ "cr", -1 },
		{ "dir.md/cr", -1 },
		{ ".md", -1 },
		{ "cr.", -1 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		cr_expect_eq(minutes_format_of_path(cases[i].path),
			     cases[i].want, "%s", cases[i].path);
	cr_expect_eq(minutes_format_parse("md"), MINUTES_MARKDOWN);
	cr_expect_eq(minutes_format_parse("HTML"), MINUTES_HTML);
	cr_expect_eq(minutes_format_parse("pdf"), -1);
	cr_expect_eq(minutes_format_parse(NULL), -1);
}

Test(minutes, saved_atomically_0600_never_over_a_file_without_force)
{
	struct minutes m;
	struct err e;
	char *path = t_path("cr.html"), *text, *again;

	sample(&m, MEETING_CLOSED);
	cr_assert_eq(minutes_save(path, &m, MINUTES_HTML, false, &e), 0, "%s",
		     e.msg);
	cr_expect_eq(t_mode(path), 0600);
	text = t_read(path, NULL);
	cr_assert_not_null(text);
	cr_expect(strstr(text, "<!DOCTYPE html>"));

	cr_expect_eq(minutes_save(path, &m, MINUTES_MARKDOWN, false, &e), -1);
	cr_expect_eq(e.code, ERR_EXISTS);
	cr_expect(strstr(e.msg, "ajoutez --force"), "%s", e.msg);
	again = t_read(path, NULL);
	cr_expect_str_eq(again, text);
	free(again);

	cr_expect_eq(minutes_save(path, &m, MINUTES_MARKDOWN, true, &e), 0,
		     "%s", e.msg);
	again = t_read(path, NULL);
	cr_expect(!strncmp(again, "# Compte rendu", 14), "%.40s", again);
	free(again);

	/* a folder is not a file to write over, even with --force */
	cr_expect_eq(minutes_save(t_dir(), &m, MINUTES_MARKDOWN, true, &e), -1);
	cr_expect_eq(e.code, ERR_IO);
	free(text);
	free(path);
	minutes_release(&m);
}

/* ------------------------------------------------------------------ */
/* Loaded from a database                                              */

static struct store *test_store(char contract[STORE_UID_LEN])
{
	char *db = t_path("minutes.db"), *ini = t_top(
		"tests/fixtures/test-contrat.ini");
	struct contract_doc *doc;
	struct diag_list d;
	enum import_outcome outcome;
	struct store *st;
	struct err e;

	setlocale(LC_CTYPE, "C.UTF-8");
	cr_assert_eq(store_open(db, STORE_WRITE, &st, &e), 0, "%s", e.msg);
	diag_list_init(&d);
	cr_assert_eq(contract_file_read(ini, &doc, &d), 0, "%s", ini);
	cr_assert_eq(store_begin(st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_contract_import(st, doc, &outcome, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_commit(st, &e), 0, "%s", e.msg);
	contract_doc_free(doc);
	diag_list_release(&d);
	store_set_author(st, "Référent test");
	cr_assert_eq(store_contract_find(st, "test-2020", contract, &e), 0,
		     "%s", e.msg);
	free(ini);
	free(db);
	return st;
}

Test(minutes, loaded_from_the_store_with_its_commune_and_actions)
{
	char contract[STORE_UID_LEN], uid[STORE_UID_LEN];
	struct meeting_input in = { MEETING_FOLLOW_UP, "15/01/2026",
				    "Mairie | salle 2", NULL };
	struct action_input a = { "Former <les> agents", "RH", "2026-01-10" };
	struct store *st = test_store(contract);
	struct minutes m;
	struct err e;
	char *md;

	cr_assert_eq(store_meeting_create(st, contract, &in, uid, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(store_meeting_add_attendee(st, uid, "Mme A", "DGS",
						SIDE_COMMUNE, NULL, &e), 0,
		     "%s", e.msg);
	cr_assert_eq(store_meeting_add_decision(st, uid, "Tout | valider",
						NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meeting_add_action(st, uid, &a, NULL, &e), 0, "%s",
		     e.msg);
	cr_assert_eq(minutes_load(st, uid, "2026-01-20", &m, &e), 0, "%s",
		     e.msg);
	cr_expect_str_eq(m.commune, "Testville");
	cr_expect_str_eq(m.contract, "test-2020");
	cr_expect_str_eq(m.to, "2026-01-15");
	cr_expect_str_eq(m.written_on, "2026-01-20");
	md = written(&m, MINUTES_MARKDOWN);
	cr_expect(strstr(md, "- **Lieu** : Mairie \\| salle 2\n"), "%s", md);
	cr_expect(strstr(md, "| Mme A | DGS |\n"), "%s", md);
	cr_expect(strstr(md, "1. Tout \\| valider\n"), "%s", md);
	/* due on 10/01, written on 20/01: late */
	cr_expect(strstr(md, "| Former \\<les> agents | RH | 10/01/2026 | "
			 "à faire — **en retard** |\n"), "%s", md);
	cr_expect(strstr(md, "_Compte rendu établi par suivi le 20/01/2026 "
			 "(réunion "), "%s", md);
	free(md);
	minutes_release(&m);
	store_close(st);
}

Test(minutes, an_unknown_meeting_is_not_found)
{
	char contract[STORE_UID_LEN];
	struct store *st = test_store(contract);
	struct minutes m;
	struct err e;

	cr_expect_eq(minutes_load(st, UID_M, NULL, &m, &e), -1);
	cr_expect_eq(e.code, ERR_NOTFOUND);
	cr_expect_null(m.commune);
	minutes_release(&m);
	store_close(st);
}
