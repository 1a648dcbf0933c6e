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

end=$(date +%s)
[ "$skipped" -gt 0 ] && echo "# $skipped skipped"
echo "# $((end - start)) s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
