/*
 * sample.c - one document written in every format, for the real clients
 * of tests/reports/clients.sh (Chromium, LibreOffice, poppler, Python).
 *
 *   report-sample DIR     writes DIR/rapport.html rapport.fodt
 *                         tableaux.fods rapport.md tableaux.csv
 *
 * The document has every block kind, French accents, a chart with a
 * missing point and a target, numbers (negative, decimal) and hostile
 * text the user could type: markup, formulas, quotes, a line feed, a
 * control character and an invalid UTF-8 byte. clients.sh knows these
 * texts: change one here, change it there.
 */
#include <stdio.h>
#include <stdlib.h>

#include "suivi/doc.h"
#include "suivi/err.h"

static void sample(struct doc *d)
{
	static const char *const heads[] = { "Indicateur", "Valeur", "Cible",
					     "Commentaire" };
	static const char *const heads2[] = { "Mois", "Demandes" };
	struct doc_table *t;
	struct doc_chart *c;
	static const char *const months[] = { "janv.", "févr.", "mars",
					      "avr.", "mai", "juin" };
	static const double v[] = { 1.5, 2, 0, 1.25, 3, 2.5 };

	doc_init(d, "Évaluation annuelle 2025 — Mérignac",
		 "Contrat d'engagement : Bordeaux Métropole & la commune");
	doc_set_footer(d, "Établi par suivi le 29/11/2026");
	doc_heading(d, 1, "Synthèse des engagements");
	doc_para(d, "Délai à respecter : le rapport est dû au %s.",
		 "31/03/2026");
	doc_para(d, "Texte hostile : <script>alert(1)</script> & \"guillemets\""
		    " 'apostrophes'\nseconde ligne\x01 fin \xff octet");
	doc_note(d, "Remarque : # pas un titre | pas une colonne");
	doc_list(d);
	doc_item(d, "Engagements tenus : 3");
	doc_item(d, "- pas une sous-liste <b>gras</b>");
	doc_heading(d, 2, "Indicateurs [2025] : délais / qualité");
	t = doc_table(d, "Délais [2025] : prise en compte / résolution", 4,
		      heads);
	doc_row(t);
	doc_text(t, "3.3.1 Délai de prise en compte", TONE_STRONG);
	doc_num(t, 12.5, "12,5 %", TONE_MET);
	doc_num(t, 10, "10 %", TONE_NONE);
	doc_text(t, "=SUM(A1)", TONE_NONE);
	doc_row(t);
	doc_text(t, "3.3.2 Écart", TONE_NONE);
	doc_num(t, -3, "-3 j", TONE_MISSED);
	doc_text(t, "—", TONE_MUTED);
	doc_text(t, "a | b, \"c\"", TONE_MISSING);
	t = doc_table(d, "Saisines", 2, heads2);
	doc_row(t);
	doc_text(t, "janvier", TONE_NONE);
	doc_num(t, 1250, "1 250", TONE_NONE);
	c = doc_chart(d, "Délai moyen de résolution", "j", 6);
	for (size_t i = 0; i < 6; i++)
		doc_chart_point(c, i, months[i], i != 2, v[i]);
	doc_chart_target(c, 2);
}

int main(int argc, char **argv)
{
	static const struct {
		enum doc_format fmt;
		const char *name;
	} out[] = {
		{ DOC_HTML, "rapport.html" }, { DOC_FODT, "rapport.fodt" },
		{ DOC_FODS, "tableaux.fods" }, { DOC_MD, "rapport.md" },
		{ DOC_CSV, "tableaux.csv" },
	};
	struct doc d;
	struct err e;
	int rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage : report-sample DOSSIER\n");
		return 2;
	}
	sample(&d);
	for (size_t i = 0; i < sizeof out / sizeof *out; i++) {
		char path[4096];

		snprintf(path, sizeof path, "%s/%s", argv[1], out[i].name);
		if (doc_save(path, &d, out[i].fmt, true, &e) != 0) {
			err_print(&e, stderr);
			rc = 1;
		}
	}
	doc_release(&d);
	return rc;
}
