# tests/cli/reports.sh - report evaluation, summary, communes.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# suivi report evaluation | summary: the annual documents

t_report_annual() {
	set_db
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2025 "12,5 %"
	check "annual: a value of 2025" 'st 0'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2025 -o "$T/ev.md"
	check "report evaluation .md: exit 0, said on stderr, nothing on stdout" 'st 0 && out_empty && err_has "suivi : évaluation annuelle écrite dans $T/ev.md"'
	check "report evaluation: 0600" 'mode_is 600 "$T/ev.md"'
	check "evaluation md: its title" 'grep -qF "Évaluation annuelle 2025 — Le Bouscat" "$T/ev.md"'
	check "evaluation md: the deadline of article 5" 'grep -qF "31/03/2026" "$T/ev.md"'
	check "evaluation md: the value of 2025" 'grep -qF "12,5 %" "$T/ev.md"'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2025 -o "$T/ev.md"
	check "report evaluation: an existing file is refused without --force" 'st 1 && err_has "--force"'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2025 -o "$T/ev.md" --force
	check "report evaluation --force replaces it" 'st 0'
	for f in html fodt fods csv; do
		run --db "$T/s.db" report evaluation --commune 33069 --year 2025 -o "$T/ev.$f"
		check "report evaluation .$f: exit 0, a file" 'st 0 && [ -s "$T/ev.'$f'" ]'
	done
	check "evaluation html: one document, no external resource" 'grep -qF "<!DOCTYPE html>" "$T/ev.html" && ! grep -qiE "<script|<link|src=\"http|href=\"http" "$T/ev.html"'
	check "evaluation fodt: an OpenDocument text" 'grep -qF "application/vnd.oasis.opendocument.text" "$T/ev.fodt"'
	check "evaluation fods: an OpenDocument spreadsheet" 'grep -qF "application/vnd.oasis.opendocument.spreadsheet" "$T/ev.fods"'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2025 --format odt -o -
	check "report evaluation --format odt -o -: on stdout" 'st 0 && out_has "opendocument.text"'
	run --db "$T/s.db" report summary --year 2025 -o "$T/sum.md"
	check "report summary without --commune: every commune" 'st 0 && grep -qF "État récapitulatif 2025 — toutes les communes" "$T/sum.md"'
	run --db "$T/s.db" report summary --year 2025 --commune "le haillan" -o "$T/sum1.csv"
	check "report summary --commune: one commune, CSV" 'st 0 && [ -s "$T/sum1.csv" ]'

	run --db "$T/s.db" report evaluation --year 2025 -o "$T/x.md"
	check "report evaluation without --commune: usage (exit 2)" 'st 2 && err_has "--commune est obligatoire" && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" -o "$T/x.md"
	check "report evaluation without --year: usage" 'st 2 && err_has "--year AAAA est obligatoire"'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 20x5 -o "$T/x.md"
	check "report evaluation --year 20x5: usage, the value quoted" 'st 2 && err_has "pas « 20x5 »"'
	run --db "$T/s.db" report summary --year 2025 -o "$T/x.odt"
	check "report summary .odt: usage (the flat .fodt is written)" 'st 2 && err_has ".fodt" && [ ! -e "$T/x.odt" ]'
	run --db "$T/s.db" report summary --year 2025 --format pdf -o "$T/x.pdf"
	check "report summary --format pdf: usage" 'st 2 && err_has "format « pdf » inconnu"'
	run --db "$T/s.db" report summary --year 2025 -o -
	check "report summary -o - without --format: usage" 'st 2 && err_has "précisez --format"'
	run --db "$T/s.db" report evaluation --commune Nulle-Part --year 2025 -o "$T/x.md"
	check "report evaluation of an unknown commune: exit 1" 'st 1 && [ ! -e "$T/x.md" ]'
	mkdir -p "$T/dossier.md"
	run --db "$T/s.db" report summary --year 2025 -o "$T/dossier.md"
	check "report summary onto a folder: refused (exit 1)" 'st 1 && [ -d "$T/dossier.md" ]'
}

# One indicator across every commune (issue 19, part 6): export communes
# and report communes, on the bundled contracts plus Exempleville (3.3.2
# annual, by criticality) and Autreville-sur-Jalle (3.3.2 quarterly; a
# rh/3.3.2 until its amendment of 2020, which makes "3.3.2" ambiguous).
CMHEADER="commune,insee,contrat,indicateur,intitulé,criticité,période,valeur,nombre,cible,statut,période précédente,valeur précédente,tendance,remarque"

communes_db() {
	set_db
	run --db "$T/s.db" import "$FIX/exempleville.ini" "$TOP/tests/fixtures/across-autreville.ini" "$TOP/tests/fixtures/across-autreville-avenant-1.ini"
	run --db "$T/s.db" set "Le Haillan" 3.3.2 2018-02 6 --criticite critique
	run --db "$T/s.db" set "Le Haillan" 3.3.2 2018-03 4 --criticite critique
	run --db "$T/s.db" set "Le Bouscat" 3.3.2 2018-03 "2,5" --criticite critique
	run --db "$T/s.db" set Exempleville 3.3.2 2018 s/o --criticite critique
	run --db "$T/s.db" set Autreville-sur-Jalle nsi/3.3.2 2018-T1 3
	check "communes: the values set" 'st 0'
}

# csv_line N: line N of stdout, without its CR.
csv_line() { sed -n "${1}p" "$T/stdout" | tr -d '\r'; }

t_export_communes() { # every locale
	communes_db
	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 2018-03 --criticite critique
	check "export communes: exit 0, nothing on stderr" 'st 0 && err_empty'
	check "export communes: the header" '[ "$(csv_line 1)" = "$CMHEADER" ]'
	check "export communes: one row per commune, by commune, hors annexe last" '[ "$(lines "$T/stdout")" = 5 ] && [ "$(sed 1d "$T/stdout" | cut -d, -f1 | tr "\n" " ")" = "Exempleville Le Bouscat Le Haillan Autreville-sur-Jalle " ]'
	check "export communes: Le Haillan's value, its trend against February" '[ "$(csv_line 4)" = "Le Haillan,33200,33200-2017,nsi/3.3.2,Délai de résolution des incidents par criticité,critique,2018-03,4 h,4,,pas de cible,2018-02,6 h,en baisse," ]'
	check "export communes: a decimal comma, quoted" 'out_has "2018-03,\"2,5 h\",\"2,5\",,pas de cible,2018-02,,,"'
	check "export communes: « sans objet » as recorded, in its own period (annual)" 'out_has ",critique,2018,sans objet,,,rien à mesurer,2017,,,"'
	check "export communes: hors annexe with the reason" 'out_has "Autreville-sur-Jalle,33777,33777-2016,nsi/3.3.2,,,,,,,hors annexe,,,,3.3.2 n'"'"'y est pas suivi par criticité"'

	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 2018-03
	check "export communes without --criticite: every criticality, Autreville's quarter" 'st 0 && [ "$(lines "$T/stdout")" = 11 ] && out_has ",2018-T1,3 h,3,,pas de cible,2017-T4,,,"'
	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 2018-03 --criticite critique --sort -valeur
	check "export communes --sort -valeur: the highest first, hors annexe last" 'st 0 && [ "$(sed 1d "$T/stdout" | cut -d, -f1 | tr "\n" " ")" = "Le Haillan Le Bouscat Exempleville Autreville-sur-Jalle " ]'
	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 2018-03 --criticite critique --sort tendance
	check "export communes --sort tendance: down first" 'st 0 && [ "$(csv_line 2 | cut -d, -f1)" = "Le Haillan" ]'
	run --db "$T/s.db" export communes --indicator 3.1.1 --period 2017 -o "$T/c.csv"
	check "export communes -o: written, said on stderr, 0600" 'st 0 && out_empty && err_has "indicateur exporté pour toutes les communes dans $T/c.csv" && mode_is 600 "$T/c.csv"'
	check "export communes: before Le Bouscat's annex, hors annexe with its date" 'grep -qF "son annexe l'"'"'est à partir du 01/01/2018" "$T/c.csv"'
	run --db "$T/s.db" export communes --indicator 3.1.1 --period 2017 -o "$T/c.csv"
	check "export communes -o over a file: refused without --force" 'st 1 && err_has "--force"'
	if [ -n "$PY" ]; then
		"$PY" -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],newline=""),strict=True)); sys.exit(0 if len(r)==5 and {len(x) for x in r}=={15} else 1)' "$T/c.csv"
		rc=$?
		check "export communes: python csv reads 5 records of 15 fields" 'st 0'
	fi

	# Bad input: a message, exit status, nothing written.
	cp "$T/s.db" "$T/before"
	unchanged='out_empty && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" export communes --indicator 9.9.9 --period 2018-03
	check "export communes of an unknown indicator: exit 1, says so, writes nothing" "st 1 && err_has \"aucun contrat de la base n'a d'indicateur « 9.9.9 »\" && $unchanged"
	run --db "$T/s.db" export communes --indicator 3.3.2 --period 2018-03
	check "export communes of an ambiguous code: exit 1, asks for the domain" "st 1 && err_has \"précisez le domaine (par exemple nsi/3.3.2)\" && $unchanged"
	run --db "$T/s.db" export communes --indicator 3.3.2 --period 2021-03 --criticite critique
	check "export communes: once the amendment took rh/3.3.2 out, 3.3.2 is nsi's" 'st 0 && [ "$(lines "$T/stdout")" = 5 ]'
	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 2018-13
	check "export communes --period 2018-13: usage (exit 2)" "st 2 && err_has \"période « 2018-13 » invalide (2018-03, 2018-T1 ou 2018)\" && $unchanged"
	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 1800
	check "export communes --period 1800: usage (exit 2)" "st 2 && err_has \"période « 1800 » invalide\" && $unchanged"
	run --db "$T/s.db" export communes --period 2018-03
	check "export communes without --indicator: usage" "st 2 && err_has \"--indicator CODE est obligatoire\" && $unchanged"
	run --db "$T/s.db" export communes --indicator nsi/3.3.2
	check "export communes without --period: usage" "st 2 && err_has \"--period PÉRIODE est obligatoire\" && $unchanged"
	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 2018-03 --sort cible
	check "export communes --sort cible: usage, the columns" "st 2 && err_has \"tri « cible » inconnu (commune, valeur, statut ou tendance\" && $unchanged"
	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 2018-03 --criticite fatale
	check "export communes --criticite fatale: exit 1" "st 1 && err_has \"criticité « fatale » inconnue pour nsi/3.3.2\" && $unchanged"
	run --db "$T/s.db" export communes --indicator nsi/3.3.2 --period 2018-03 --commune "Le Haillan"
	check "export communes --commune: usage (every commune)" "st 2 && err_has \"--commune est de trop\" && $unchanged"
	run --db "$T/s.db" export communes --indicator "$(printf '3.3\033[2J')" --period 2018-03
	check "export communes of a code with an escape sequence: refused, the terminal safe" "st 1 && ! grep -q \"$(printf '\033')\" \"\$T/stderr\" && $unchanged"
	run --db "$T/s.db" export nothing
	check "export: the list of exports names communes" 'st 2 && err_has "disputes, summary, communes)"'
}

t_report_communes() {
	communes_db
	run --db "$T/s.db" report communes --indicator nsi/3.3.2 --criticite critique --period 2018-03 -o "$T/c.md"
	check "report communes .md: exit 0, said on stderr" 'st 0 && out_empty && err_has "suivi : rapport de toutes les communes écrit dans $T/c.md"'
	check "report communes: 0600" 'mode_is 600 "$T/c.md"'
	check "report communes md: its title" 'grep -qF "3.3.2 Délai de résolution des incidents par criticité \\[critique\\] — toutes les communes — mars 2018" "$T/c.md"'
	check "report communes md: Le Haillan's row" 'grep -qF "| Le Haillan | mars 2018 | 4 h |  | pas de cible | 6 h | ↘ en baisse |  |" "$T/c.md"'
	check "report communes md: hors annexe and why" 'grep -qF "| hors annexe |  |  | 3.3.2 n'"'"'y est pas suivi par criticité |" "$T/c.md"'
	for f in html fodt fods csv; do
		run --db "$T/s.db" report communes --domain nsi --period 2018 -o "$T/d.$f"
		check "report communes --domain .$f: exit 0, a file" 'st 0 && [ -s "$T/d.'$f'" ]'
	done
	check "report communes html: one document, no external resource" 'grep -qF "<!DOCTYPE html>" "$T/d.html" && ! grep -qiE "<script|<link|src=\"http|href=\"http" "$T/d.html"'
	tr -d '\r' <"$T/d.csv" >"$T/d.txt"
	check "report communes --domain: every indicator of nsi, in their numbering" 'grep -qF "Numérique et systèmes d&#39;information (nsi) — toutes les communes — 2018" "$T/d.html" && [ "$(grep -c "^3\.3\.2$" "$T/d.txt")" = 1 ] && [ "$(grep -n "^1\.1\.1$" "$T/d.txt" | cut -d: -f1)" -lt "$(grep -n "^4\.2\.2$" "$T/d.txt" | cut -d: -f1)" ]'
	run --db "$T/s.db" report communes --indicator nsi/3.3.2 --period 2018-03 --sort statut --format md -o -
	check "report communes -o - --format md: on stdout" 'st 0 && out_has "| Commune | Criticité | Période |"'

	run --db "$T/s.db" report communes --period 2018 -o "$T/x.md"
	check "report communes without --indicator or --domain: usage" 'st 2 && err_has "--indicator CODE (3.3.2, ou nsi/3.3.2) ou --domain CODE" && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report communes --indicator nsi/3.3.2 --domain nsi --period 2018 -o "$T/x.md"
	check "report communes with both: usage" 'st 2 && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report communes --domain nsi --criticite critique --period 2018 -o "$T/x.md"
	check "report communes --domain --criticite: usage" 'st 2 && err_has "--criticite ne sert qu'"'"'avec --indicator" && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report communes --indicator nsi/3.3.2 -o "$T/x.md"
	check "report communes without --period: usage" 'st 2 && err_has "--period PÉRIODE est obligatoire" && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report communes --indicator nsi/3.3.2 --period T5-2018 -o "$T/x.md"
	check "report communes --period T5-2018: usage" 'st 2 && err_has "période « T5-2018 » invalide" && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report communes --domain zzz --period 2018 -o "$T/x.md"
	check "report communes of an unknown domain: exit 1, nothing written" 'st 1 && err_has "aucun contrat de la base n'"'"'a de domaine « zzz »" && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report communes --indicator 9.9.9 --period 2018 -o "$T/x.md"
	check "report communes of an unknown indicator: exit 1, nothing written" 'st 1 && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report communes --indicator nsi/3.3.2 --period 2018 -o "$T/x.pdf"
	check "report communes .pdf: usage" 'st 2 && err_has "ne dit pas le format" && [ ! -e "$T/x.pdf" ]'
	run --db "$T/s.db" report communes --indicator nsi/3.3.2 --period 2018 --year 2018 -o "$T/x.md"
	check "report communes --year: usage (the period says it)" 'st 2 && err_has "sont de trop" && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report summary --year 2018 --indicator 3.3.2 -o "$T/x.md"
	check "report summary --indicator: usage" 'st 2 && err_has "ne servent qu'"'"'au rapport de toutes les communes" && [ ! -e "$T/x.md" ]'
}

# The évaluation annuelle and article 5 (issue 16, part 4): the annex
# versions in force, the period (calendar year or anniversary date), the
# sender from suivi.ini, meetings and committees, the year's exceptional
# requests and disputes; a year before the contract refused.
# has_lines FILE LINE…: each LINE is a whole line of FILE.
has_lines() {
	_f=$1
	shift
	for _l in "$@"; do
		grep -qxF -- "$_l" "$_f" || return 1
	done
}

t_report_evaluation_article5() {
	NBSP=$(printf '\302\240')
	set_db
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2018 -o "$T/ev18.md"
	check "evaluation 2018: written" 'st 0 && out_empty'
	check "evaluation 2018: amendment n°1 in force from 01/01/2018" 'grep -qxF -- "- Numérique et systèmes d'"'"'information : avenant n°1, en vigueur à partir du 01/01/2018, sur toute la période." "$T/ev18.md"'
	check "evaluation 2018: the calendar year said" 'grep -qxF "Période évaluée : du 01/01/2018 au 31/12/2018 (année civile)." "$T/ev18.md"'
	check "evaluation 2018: the sender not set, said" 'grep -qF "Expéditeur non renseigné : indiquez son nom et sa fonction dans la section \[evaluation\] de suivi.ini" "$T/ev18.md"'
	check "evaluation 2018: the contract's words" 'grep -qF "instances délibératives communales" "$T/ev18.md" && ! grep -qF "conseil municipal" "$T/ev18.md"'
	check "evaluation 2018: the follow-up of article 5" 'has_lines "$T/ev18.md" "## Suivi du contrat (article 5)" "### Réunion de lancement" "### Réunions de suivi" "### Réunions avec les Maires" "### Comités des annexes" "## Demandes exceptionnelles" "## Litiges" "## Annexes en vigueur"'
	check "evaluation 2018: the committees as the amendment writes them" 'grep -qF "| nsi | avenant n°1 | Comité numérique stratégique communal | annuel à bi-annuel | 01/01/2018 | 31/12/2018 | 1 | 0 | non tenu |" "$T/ev18.md" && grep -qF "| Point d'"'"'avancement opérationnel | non précisée |" "$T/ev18.md"'
	check "evaluation 2018: the follow-ups missed, quarterly after the first year" 'grep -qF "| 15/02/2018 | trimestrielle | — | manquée |" "$T/ev18.md"'

	# the anniversary period, and a sender
	printf '[suivi]\nreferent = Marie Martin\n[evaluation]\nexpediteur = Marie Durand\nfonction = "Directrice ; pôle territorial"\n' >"$XDG_CONFIG_HOME/suivi/suivi.ini"
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2017 --periode anniversaire -o "$T/ev17.md"
	check "evaluation --periode anniversaire: written" 'st 0 && out_empty && err_has "évaluation annuelle écrite dans $T/ev17.md"'
	check "evaluation --periode anniversaire: its dates in the title" 'grep -qxF "# Évaluation annuelle du 15/02/2017 au 14/02/2018 — Le Bouscat" "$T/ev17.md"'
	check "evaluation --periode anniversaire: deadline the next 31 March" 'grep -qF "au plus tard le 31/03/2018" "$T/ev17.md"'
	check "evaluation --periode anniversaire: both annex states with their dates" 'grep -qxF -- "- Numérique et systèmes d'"'"'information : aucune annexe transcrite en vigueur, du 15/02/2017 au 31/12/2017 ; avenant n°1, en vigueur à partir du 01/01/2018, du 01/01/2018 au 14/02/2018." "$T/ev17.md"'
	check "evaluation --periode anniversaire: months with their year" 'grep -qF "| févr. 2017 | mars 2017 |" "$T/ev17.md" && grep -qF "| janv. 2018 |" "$T/ev17.md"'
	check "evaluation: the sender from suivi.ini" 'grep -qxF "Expéditeur : Marie Durand, Directrice ; pôle territorial." "$T/ev17.md"'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2017 --periode=annee -o "$T/ev17c.md"
	check "evaluation --periode=annee: the calendar year" 'st 0 && grep -qxF "# Évaluation annuelle 2017 — Le Bouscat" "$T/ev17c.md"'

	# refusals, nothing written
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2015 -o "$T/ev15.md"
	check "evaluation of a year before the contract: refused (1), the dates named" 'st 1 && err_has "suivi : pas d'"'"'évaluation pour 2015 : le contrat de Le Bouscat commence le 15/02/2016 (première évaluation : 2016, du 01/01/2016 au 31/12/2016)" && [ ! -e "$T/ev15.md" ]'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2015 --periode anniversaire -o "$T/ev15.md"
	check "evaluation --periode anniversaire before the contract: refused, the period named" 'st 1 && err_has "pas d'"'"'évaluation pour la période du 15/02/2015 au 14/02/2016" && [ ! -e "$T/ev15.md" ]'
	run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2017 --periode mois -o "$T/x.md"
	check "evaluation --periode mois: usage (2)" 'st 2 && err_has "période « mois » inconnue (annee ou anniversaire)" && [ ! -e "$T/x.md" ]'
	run --db "$T/s.db" report summary --year 2017 --periode anniversaire -o "$T/x.md"
	check "summary --periode: usage (2), for the evaluation only" 'st 2 && err_has "--periode ne sert qu'"'"'à l'"'"'évaluation" && [ ! -e "$T/x.md" ]'

	# meetings, an exceptional request and a dispute of Le Haillan's 2017
	run --db "$T/s.db" meeting add --commune "Le Haillan" --kind lancement --date 10/01/2017
	run --db "$T/s.db" meeting close --meeting 10/01/2017 --commune "Le Haillan"
	run --db "$T/s.db" meeting add --commune "Le Haillan" --kind numerique --date 04/04/2017
	run --db "$T/s.db" meeting close --meeting 04/04/2017 --commune "Le Haillan"
	check "meetings of Le Haillan held" 'st 0'
	printf '%s\r\n' \
		'objet,reçue,nature de saisine,forme,commune,domaine,sous-domaine,nature,demande,proposition,décision,décidé par,décidé le,coût estimé' \
		"Étude de raccordement de l'école,2017-04-01 10:00,exceptionnelle,courrier,Le Haillan,,,demande,Une étude,5 jours,Acceptée,DGA pôle territorial,15/04/2017,\"1 500,50 €\"" \
		>"$T/exc.csv"
	run --db "$T/s.db" import requests "$T/exc.csv"
	check "an exceptional request of 2017 imported" 'st 0'
	if [ -n "$PY" ]; then
		# no command opens a dispute: written as another program would
		"$PY" - "$T/s.db" <<'PYEOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
k = dict(c.execute("SELECT identifier, uid FROM contract"))["33200-2017"]
c.execute("INSERT INTO dispute (uid, contract_uid, opened_on, object, nature,"
          " author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          ("c" * 32, k, "2017-03-01", "Priorités du parc", "programming", "T",
           "2017-03-01 10:00"))
c.commit()
PYEOF
	fi
	run --db "$T/s.db" report evaluation --commune "Le Haillan" --year 2017 -o "$T/evh.md"
	check "evaluation Le Haillan 2017: written" 'st 0'
	check "evaluation: the launch meeting held" 'grep -qxF "Réunion de lancement tenue le 10/01/2017." "$T/evh.md"'
	check "evaluation: the digital committee held once of the two asked" 'grep -qF "| nsi | annexe du contrat | Comité numérique communal | bi-annuel | 01/01/2017 | 31/12/2017 | 2 | 1 | non tenu |" "$T/evh.md"'
	check "evaluation: a committee no meeting records is not tracked" 'grep -qF "| Revues des contrats d’engagements | non précisée | 01/01/2017 | 31/12/2017 | — | non suivi | non suivi : aucun type de réunion ne l'"'"'enregistre |" "$T/evh.md"'
	check "evaluation: the exceptional request, its decision and cost" 'grep -qF "| 01/04/2017 | Étude de raccordement de l'"'"'école | Une étude | Acceptée | DGA pôle territorial | 15/04/2017 | 1${NBSP}500,50${NBSP}€ |" "$T/evh.md"'
	[ -n "$PY" ] && check "evaluation: the dispute, its level and where it stands" 'grep -qF "| 01/03/2017 | Priorités du parc | programmation des travaux |" "$T/evh.md" && grep -F "Priorités du parc" "$T/evh.md" | grep -qF "| 1 — autorités hiérarchiques | non | en cours, aucune étape tenue |"'
	run --db "$T/s.db" report evaluation --commune "Le Haillan" --year 2017 -o "$T/evh.csv"
	tr -d '\r' <"$T/evh.csv" >"$T/evh.txt"
	check "evaluation csv: the tables of article 5 for spreadsheets" 'st 0 && has_lines "$T/evh.txt" "Annexes en vigueur" "Réunions de suivi" "Comités" "Demandes exceptionnelles" "Litiges"'
}
