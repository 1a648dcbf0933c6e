#!/bin/sh
# tests/reports/clients.sh - the documents suivi writes (doc.h), read by the
# programs their readers use, not by our code:
#
#   - headless Chromium prints the HTML to PDF;
#   - LibreOffice converts the flat ODT and ODS to PDF, and the ODS to CSV
#     (one file per sheet, named after it);
#   - pdftotext finds the expected text in each PDF (accents, the hostile
#     text as text, the chart's drawn labels);
#   - Python's csv, xml.etree and html.parser read our CSV cell by cell,
#     parse the XML (and the SVG inside the ODT), and look for any script
#     or URL in the HTML (tests/reports/read.py).
#
#   SUIVI_SAMPLE=/abs/path/to/report-sample sh tests/reports/clients.sh
#
# The sample (tests/reports/sample.c) is written once; each client that is
# missing gives "skip" lines and the script still passes, so that `make
# check` works without them (.ci/run installs them). Clients run with a
# private HOME and profile, under a timeout. Output: "ok - NAME" or
# "FAIL - NAME" (what went wrong below it), then "N passed, N failed".
# Plain POSIX sh.

TOP=$(pwd)
if [ ! -f "$TOP/tests/reports/clients.sh" ]; then
	echo "clients.sh : à lancer depuis la racine du projet" >&2
	exit 2
fi
SAMPLE=${SUIVI_SAMPLE:-$TOP/build/out/report-sample}
if [ ! -x "$SAMPLE" ]; then
	echo "clients.sh : programme introuvable : $SAMPLE (SUIVI_SAMPLE)" >&2
	exit 2
fi
READ=$TOP/tests/reports/read.py
LIMIT=${SUIVI_CLIENT_TIMEOUT:-30}

PY=
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3
elif command -v python3 >/dev/null 2>&1; then PY=$(command -v python3)
fi
CHROMIUM=
for c in chromium chromium-browser; do
	if command -v "$c" >/dev/null 2>&1; then CHROMIUM=$(command -v "$c"); break; fi
done
SOFFICE=$(command -v soffice 2>/dev/null || :)
PDFTOTEXT=$(command -v pdftotext 2>/dev/null || :)

pass=0
fail=0
skipped=0
T=$(mktemp -d "${TMPDIR:-/tmp}/suivi-reports.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM
mkdir -p "$T/out" "$T/home" "$T/pdf" "$T/csv"

ok() { pass=$((pass + 1)); echo "ok - $1"; }
# FAIL - NAME, then the file $2 (if any) indented.
ko() {
	fail=$((fail + 1))
	echo "FAIL - $1"
	if [ -n "${2:-}" ] && [ -s "$2" ]; then sed -n '1,15s/^/    /p' "$2"; fi
}
skip() { skipped=$((skipped + 1)); echo "skip - $1"; }

# The text of a PDF on one line (pdftotext breaks lines where the layout
# does), in $T/NAME.txt; false when pdftotext fails.
pdf_text() {
	"$PDFTOTEXT" -enc UTF-8 "$1" "$T/$2.raw" 2>"$T/$2.err" || return 1
	tr -s ' \n\f\t' '    ' <"$T/$2.raw" >"$T/$2.txt"
}

# has_text NAME TEXT...: each TEXT in $T/NAME.txt.
has_text() {
	name=$1
	shift
	: >"$T/missing"
	for want in "$@"; do
		grep -qF -- "$want" "$T/$name.txt" || echo "absent : $want" >>"$T/missing"
	done
	if [ -s "$T/missing" ]; then
		ko "$name : textes attendus" "$T/missing"
	else
		ok "$name : textes attendus"
	fi
}

start=$(date +%s)

# ---------------------------------------------------------------- sample
out=$T/out
if "$SAMPLE" "$out" >"$T/sample.out" 2>"$T/sample.err" && [ ! -s "$T/sample.err" ]; then
	ok "exemple écrit dans chaque format"
else
	ko "exemple écrit dans chaque format" "$T/sample.err"
	echo "$pass passed, $fail failed"
	exit 1
fi
: >"$T/modes"
for f in rapport.html rapport.fodt tableaux.fods rapport.md tableaux.csv; do
	m=$(stat -c %a "$out/$f" 2>/dev/null)
	[ "$m" = 600 ] || echo "$f : mode ${m:-absent}" >>"$T/modes"
done
if [ -s "$T/modes" ]; then ko "fichiers créés en 0600" "$T/modes"; else ok "fichiers créés en 0600"; fi

# The texts every rendering of the whole document must show (sample.c).
# "cible 2 j" is drawn inside the SVG only (the text line says "cible : 2 j"):
# found, it proves the chart was drawn, not just its text fallback.
has_doc_text() {
	has_text "$1" 'Évaluation annuelle 2025 — Mérignac' \
		'<script>alert(1)</script> & "guillemets" '"'"'apostrophes'"'" \
		"seconde ligne" "=SUM(A1)" "12,5 %" 'a | b, "c"' \
		"Indicateurs [2025] : délais / qualité" "cible 2 j" \
		"janv. : 1,5 j ; févr. : 2 j ; mars : —" \
		"Établi par suivi le 29/11/2026"
}

# ---------------------------------------------------------------- python
# py CHECK FILE...: read.py's check on the files.
py() {
	check=$1
	shift
	if "$PY" "$READ" "$check" "$@" 2>"$T/py.err"; then
		ok "python : $check"
	else
		ko "python : $check" "$T/py.err"
	fi
}
if [ -n "$PY" ]; then
	py csv-ours "$out/tableaux.csv"
	py html "$out/rapport.html"
	py fodt "$out/rapport.fodt"
	py fods "$out/tableaux.fods"
else
	skip "python3 absent : lecture du CSV, du XML et du HTML"
fi

# ---------------------------------------------------------------- chromium
if [ -z "$CHROMIUM" ]; then
	skip "chromium absent : HTML -> PDF"
elif [ -z "$PDFTOTEXT" ]; then
	skip "pdftotext absent : HTML -> PDF"
else
	if HOME=$T/home timeout "$LIMIT" "$CHROMIUM" --headless --no-sandbox \
		--disable-gpu --no-first-run --disable-extensions \
		--disable-background-networking --disable-sync \
		--user-data-dir="$T/chromium" --no-pdf-header-footer \
		--print-to-pdf="$T/pdf/html.pdf" "file://$out/rapport.html" \
		>"$T/chromium.out" 2>"$T/chromium.err" && [ -s "$T/pdf/html.pdf" ]; then
		ok "chromium : HTML -> PDF"
		if pdf_text "$T/pdf/html.pdf" html; then
			has_doc_text html
		else
			ko "html : pdftotext" "$T/html.err"
		fi
	else
		ko "chromium : HTML -> PDF" "$T/chromium.err"
	fi
fi

# ---------------------------------------------------------------- libreoffice
LO_PROFILE="file://$T/lo-profile"
lo() {
	HOME=$T/home timeout "$LIMIT" "$SOFFICE" "-env:UserInstallation=$LO_PROFILE" \
		--headless --norestore --nolockcheck "$@"
}
if [ -z "$SOFFICE" ]; then
	skip "soffice absent : ODT et ODS -> PDF, ODS -> CSV"
else
	# one file a start: LibreOffice's "Error: source file could not be
	# loaded" does not say which file
	for f in rapport.fodt tableaux.fods; do
		base=${f%.*}
		lo --convert-to pdf --outdir "$T/pdf" "$out/$f" >"$T/lo.out" 2>"$T/lo.err"
		rc=$?
		if [ "$rc" -eq 0 ] && [ -s "$T/pdf/$base.pdf" ] && ! grep -q '^Error' "$T/lo.err"; then
			ok "libreoffice : $f -> PDF"
		else
			echo "code de sortie : $rc" >>"$T/lo.err"
			ko "libreoffice : $f -> PDF" "$T/lo.err"
			continue
		fi
		if [ -z "$PDFTOTEXT" ]; then
			skip "pdftotext absent : texte de $base.pdf"
		elif ! pdf_text "$T/pdf/$base.pdf" "$base"; then
			ko "$base : pdftotext" "$T/$base.err"
		elif [ "$base" = rapport ]; then
			has_doc_text rapport
		else
			has_text tableaux "Saisines" "janvier" "1250" "=SUM(A1)" \
				"3.3.2 Écart" 'a | b, "c"'
		fi
	done
	# every sheet (the last field, -1), comma, quote, UTF-8
	lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
		--outdir "$T/csv" "$out/tableaux.fods" >"$T/lo-csv.out" 2>"$T/lo-csv.err"
	rc=$?
	a="$T/csv/tableaux-Délais (2025) - prise en compte.csv"
	b="$T/csv/tableaux-Saisines.csv"
	if [ "$rc" -eq 0 ] && [ -s "$a" ] && [ -s "$b" ] && ! grep -q '^Error' "$T/lo-csv.err"; then
		ok "libreoffice : ODS -> CSV, une feuille par tableau, noms nettoyés"
		if [ -z "$PY" ]; then
			skip "python3 absent : lecture du CSV de LibreOffice"
		else
			py csv-lo "$a" "$b"
		fi
	else
		ls "$T/csv" >>"$T/lo-csv.err" 2>&1
		ko "libreoffice : ODS -> CSV, une feuille par tableau, noms nettoyés" "$T/lo-csv.err"
	fi
fi

# ---------------------------------------------------------------- the reports
# The évaluation annuelle and the état récapitulatif of a seeded year,
# written by suivi itself (SUIVI_BIN), read by the same clients: every
# format opens, and the figures seeded are the ones printed.
BIN=${SUIVI_BIN:-$TOP/suivi}
R=$T/reports
mkdir -p "$R"
sv() {
	HOME=$T/home SUIVI_TODAY=2026-11-23 SUIVI_DATADIR=$TOP/share/suivi \
		"$BIN" --db "$T/r.db" "$@"
}
if [ ! -x "$BIN" ]; then
	skip "suivi introuvable ($BIN) : rapports réels"
else
	printf '%s\r\n' \
		'objet,reçue,nature de saisine,forme,commune,domaine,sous-domaine,nature,demande,proposition,décision,décidé par,décidé le,coût estimé' \
		'Poste à installer,2025-03-03 09:00,ordinaire,courriel,Le Bouscat,nsi,A,demande,,,,,,' \
		"Étude de raccordement de l'école,2025-04-01 10:00,exceptionnelle,courrier,Le Bouscat,nsi,,demande,Une étude de la fibre,5 jours de prestation,Acceptée,DGA pôle territorial,15/04/2025,\"1 500,50 €\"" \
		>"$T/rq.csv"
	: >"$T/seed.err"
	{ sv summary && sv import requests "$T/rq.csv" &&
		sv set "Le Bouscat" 3.1.1 2025 "12,5 %" &&
		sv set "Le Bouscat" 1.1.1 2025 "s/o" &&
		sv evaluation "Le Bouscat" 2025 --envoyee-le 15/01/2026 \
			--ajustements "Revoir la cible"; } >/dev/null 2>>"$T/seed.err"
	for f in html fodt fods csv; do
		sv report evaluation --commune "Le Bouscat" --year 2025 \
			-o "$R/evaluation.$f" 2>>"$T/seed.err" &&
			sv report summary --year 2025 -o "$R/recap.$f" 2>>"$T/seed.err" ||
			echo "report $f : échec" >>"$T/seed.err"
	done
	# the anniversary period, with the sender of suivi.ini
	printf '[evaluation]\nexpediteur = Marie Durand\nfonction = Directrice du pôle territorial\n' \
		>"$T/suivi.ini"
	sv --config "$T/suivi.ini" report evaluation --commune "Le Bouscat" \
		--year 2025 --periode anniversaire -o "$R/anniversaire.html" \
		2>>"$T/seed.err" || echo "report anniversaire : échec" >>"$T/seed.err"
	if [ -s "$R/evaluation.html" ] && [ -s "$R/recap.fods" ] &&
		! grep -q "échec" "$T/seed.err"; then
		ok "rapports réels écrits (une année semée)"
	else
		ko "rapports réels écrits (une année semée)" "$T/seed.err"
	fi
	# the évaluation's sections of article 5 (issue 16, part 4) too
	EV_TEXT="Évaluation annuelle 2025 — Le Bouscat|31/03/2026|12,5 %|instances délibératives communales|Annexes en vigueur|avenant n°1, en vigueur à partir du 01/01/2018|Suivi du contrat (article 5)|Réunion de lancement pas encore tenue|Réunions de suivi|Comité numérique stratégique communal|annuel à bi-annuel|Demandes exceptionnelles|Étude de raccordement de l'école|Expéditeur non renseigné|Transmission et suites|Envoyée à la commune le 15/01/2026|Revoir la cible|sans objet"
	ANNIV_TEXT="Évaluation annuelle du 15/02/2025 au 14/02/2026 — Le Bouscat|Expéditeur : Marie Durand, Directrice du pôle territorial.|févr. 2025|janv. 2026"
	RECAP_TEXT="État récapitulatif 2025 — toutes les communes|Étude de raccordement de l'école|Acceptée"
	# report_text NAME PDF 'A|B|…'
	report_text() {
		if [ -z "$PDFTOTEXT" ]; then
			skip "pdftotext absent : texte de $1"
		elif pdf_text "$2" "$1"; then
			old_ifs=$IFS
			IFS='|'
			# shellcheck disable=SC2086 # split on |
			set -- "$1" $3
			IFS=$old_ifs
			has_text "$@"
		else
			ko "$1 : pdftotext" "$T/$1.err"
		fi
	}
	if [ -n "$PY" ]; then
		if "$PY" "$READ" csv-has "$R/evaluation.csv" "3.1.1" "12,5" \
			"Comités" "Comité numérique stratégique communal" \
			"annuel à bi-annuel" "Annexes en vigueur" "avenant n°1" \
			"Demandes exceptionnelles" "Acceptée" "1500,5" \
			"Réunions de suivi" "manquée" 2>"$T/py.err" &&
			"$PY" "$READ" csv-has "$R/recap.csv" \
				"Étude de raccordement de l'école" "Acceptée" \
				2>>"$T/py.err"; then
			ok "python : CSV des rapports, les chiffres semés"
		else
			ko "python : CSV des rapports, les chiffres semés" "$T/py.err"
		fi
	else
		skip "python3 absent : CSV des rapports"
	fi
	if [ -n "$CHROMIUM" ]; then
		for doc in evaluation recap anniversaire; do
			if HOME=$T/home timeout "$LIMIT" "$CHROMIUM" --headless \
				--no-sandbox --disable-gpu --no-first-run \
				--disable-extensions --disable-background-networking \
				--disable-sync --user-data-dir="$T/chromium" \
				--no-pdf-header-footer --print-to-pdf="$R/$doc-html.pdf" \
				"file://$R/$doc.html" >"$T/chromium.out" \
				2>"$T/chromium.err" && [ -s "$R/$doc-html.pdf" ]; then
				ok "chromium : $doc.html -> PDF"
				if [ "$doc" = evaluation ]; then
					report_text "$doc-html" "$R/$doc-html.pdf" "$EV_TEXT"
				elif [ "$doc" = anniversaire ]; then
					report_text "$doc-html" "$R/$doc-html.pdf" "$ANNIV_TEXT"
				else
					report_text "$doc-html" "$R/$doc-html.pdf" "$RECAP_TEXT"
				fi
			else
				ko "chromium : $doc.html -> PDF" "$T/chromium.err"
			fi
		done
	else
		skip "chromium absent : rapports HTML -> PDF"
	fi
	if [ -n "$SOFFICE" ]; then
		for doc in evaluation recap; do
			lo --convert-to pdf --outdir "$R" "$R/$doc.fodt" \
				>"$T/lo.out" 2>"$T/lo.err"
			if [ $? -eq 0 ] && [ -s "$R/$doc.pdf" ] && ! grep -q '^Error' "$T/lo.err"; then
				ok "libreoffice : $doc.fodt -> PDF"
				if [ "$doc" = evaluation ]; then
					report_text "$doc-odt" "$R/$doc.pdf" "$EV_TEXT"
				else
					report_text "$doc-odt" "$R/$doc.pdf" "$RECAP_TEXT"
				fi
			else
				ko "libreoffice : $doc.fodt -> PDF" "$T/lo.err"
			fi
		done
		mkdir -p "$R/csv"
		lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
			--outdir "$R/csv" "$R/evaluation.fods" >"$T/lo-csv.out" 2>"$T/lo-csv.err"
		sheet="$R/csv/evaluation-Indicateurs.csv"
		if [ -s "$sheet" ] && ! grep -q '^Error' "$T/lo-csv.err"; then
			ok "libreoffice : evaluation.fods -> CSV (feuille Indicateurs)"
			if [ -n "$PY" ]; then
				# the value, not its text: a number the sheet adds up
				if "$PY" "$READ" csv-has "$sheet" "12.5" 2>"$T/py.err"; then
					ok "python : la feuille Indicateurs dit la valeur semée"
				else
					ls "$R/csv" >>"$T/py.err"
					ko "python : la feuille Indicateurs dit la valeur semée" "$T/py.err"
				fi
			fi
		else
			ls "$R/csv" >>"$T/lo-csv.err" 2>&1
			ko "libreoffice : evaluation.fods -> CSV (feuille Indicateurs)" "$T/lo-csv.err"
		fi
	else
		skip "soffice absent : rapports ODT et ODS"
	fi
fi

end=$(date +%s)
[ "$skipped" -gt 0 ] && echo "# $skipped skipped"
echo "# $((end - start)) s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
