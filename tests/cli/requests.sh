# tests/cli/requests.sh - suivi import requests, export requests.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# suivi import requests, export requests

RQHEADER="commune,contrat,nature de saisine,forme,domaine,sous-domaine,nature,criticité,priorité (urgence),délai d'intervention (urgence),demandeur,objet,reçue,prise en compte,intervention,résolue,réponse,annulée,motif d'annulation,statut,délai de prise en compte (h),délai de prise en compte (jours ouvrés),délai de résolution (h),délai de résolution (jours ouvrés),demande,proposition,décision,décidé par,décidé le,coût estimé,compensation,auteur,modifiée le"

# rq_csv FILE: header + 3 requests, CRLF, columns in an order of their
# own: an ordinary demand, an urgent incident with its criticality and
# its follow-up, an exceptional request with its own fields (and an
# object a spreadsheet would take for a formula).
rq_csv() {
	printf '%s\r\n' \
		'objet,reçue,nature de saisine,forme,commune,domaine,sous-domaine,nature,criticité,demandeur,prise en compte,intervention,résolue,réponse,demande,proposition,décision,décidé par,décidé le,coût estimé,compensation' \
		'Nouveau poste,2026-03-02 09:00,ordinaire,courriel,Le Bouscat,nsi,A,demande,,Mme Durand,2026-03-02 14:00,,,,,,,,,,' \
		'"Serveur « fichiers », ""en panne""",02/03/2026 10:15,urgence,téléphone,le bouscat,NSI,c,incident,Critique,M. Martin,02/03/2026 10:30,02/03/2026 11:00,03/03/2026 16:00,04/03/2026 09:00,,,,,,,' \
		'=SOMME(A1),2026-04-01,exceptionnelle,courrier,33200,eco,,demande,,Le maire,,,,,Une étude de marché,5 jours de prestation,Acceptée,DGA,15/04/2026,"1 500,50 €",Aucune' \
		>"$1"
}

# rqfacts FILE: what python's csv module makes of a request export: the
# record count, the field counts, the line ends, then one line per data
# row, its cells but the last two (author, time) joined by "|".
rqfacts() {
	"$PY" - "$1" >"$T/facts" <<'PYEOF2'
import csv, io, sys
data = open(sys.argv[1], "rb").read()
rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))
print("records=%d" % len(rows))
print("widths=" + ",".join(sorted(set(str(len(r)) for r in rows))))
print("crlf=" + ("yes" if data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n") else "no"))
for r in rows[1:]:
    print("|".join(r[:-2]))
    print("author=" + r[-2])
PYEOF2
}

# Data rows of a request export without their last two cells (author and
# time of the change: neither holds a comma).
rq_rows() { sed '1d; s/,[^,]*,[^,]*\r$//' "$1"; }

t_requests() { # every locale
	set_db
	rq_csv "$T/rq.csv"
	run --db "$T/s.db" import requests rq.csv
	check "import requests: exit 0, nothing on stdout" 'st 0 && out_empty'
	check "import requests: says how many, from which file" 'err_has "suivi : 3 saisies importées de rq.csv"'
	printf 'objet,reçue,nature de saisine,forme,domaine\nAccès VPN,2026-05-04 08:30,ordinaire,note,nsi\n' >"$T/bouscat.csv"
	run --db "$T/s.db" import requests --commune 33069 bouscat.csv
	check "import requests --commune: a file without a commune column" 'st 0 && err_has "suivi : 1 saisie importée de bouscat.csv"'

	run --db "$T/s.db" export requests
	cp "$T/stdout" "$T/all.csv"
	check "export requests: exit 0, nothing on stderr" 'st 0 && err_empty'
	check "export requests: the header line" '[ "$(head -n 1 "$T/all.csv" | tr -d "\r")" = "$RQHEADER" ]'
	check "export requests: 4 rows + header" '[ "$(lines "$T/all.csv")" = 5 ]'
	check "export requests: by contract, oldest first" 'sed -n 2p "$T/all.csv" | grep -q "^Le Bouscat,33069-2016,ordinaire," && sed -n 4p "$T/all.csv" | grep -q "^Le Bouscat,33069-2016,ordinaire,note," && sed -n 5p "$T/all.csv" | grep -q "^Le Haillan,33200-2017,exceptionnelle,"'
	if [ -n "$PY" ]; then
		rqfacts "$T/all.csv"
		check "export requests: python csv reads 5 records of 33 fields, CRLF" 'fact records=5 && fact widths=33 && fact crlf=yes'
		check "export requests: the ordinary demand, its delay to acknowledge" 'fact "Le Bouscat|33069-2016|ordinaire|courriel|nsi|A|demande||||Mme Durand|Nouveau poste|2026-03-02 09:00|2026-03-02 14:00||||||prise en compte|5|0|||||||||"'
		check "export requests: the urgent incident, criticality, dates, delays with a decimal comma" 'fact "Le Bouscat|33069-2016|urgence|telephone|nsi|C|incident|critique|||M. Martin|Serveur « fichiers », \"en panne\"|2026-03-02 10:15|2026-03-02 10:30|2026-03-02 11:00|2026-03-03 16:00|2026-03-04 09:00|||close|0,25|0|29,75|1|||||||"'
		check "export requests: the exceptional request, its fields, the formula neutralised" "fact \"Le Haillan|33200-2017|exceptionnelle|courrier|eco||demande||||Le maire|'=SOMME(A1)|2026-04-01 00:00|||||||nouvelle|||||Une étude de marché|5 jours de prestation|Acceptée|DGA|2026-04-15|1500,5|Aucune\""
		check "export requests: the author is the référent" 'fact "author=Marie Martin"'
	fi

	run --db "$T/s.db" export requests --commune "le haillan"
	check "export requests --commune: its one request" 'st 0 && [ "$(lines "$T/stdout")" = 2 ] && grep -q "^Le Haillan," "$T/stdout"'
	run --db "$T/s.db" export requests --year 2026
	check "export requests --year 2026: every request" 'st 0 && same_file "$T/stdout" "$T/all.csv"'
	run --db "$T/s.db" export requests --year 2025
	check "export requests --year 2025: the header alone" 'st 0 && [ "$(lines "$T/stdout")" = 1 ]'
	run --db "$T/s.db" export requests --from 2026-03-02 --to 02/03/2026
	check "export requests --from --to, both days included" 'st 0 && [ "$(lines "$T/stdout")" = 3 ]'
	run --db "$T/s.db" export requests --from 2026-04-01
	check "export requests --from alone" 'st 0 && [ "$(lines "$T/stdout")" = 3 ] && grep -q "^Le Haillan," "$T/stdout"'
	run --db "$T/s.db" export requests --year 2026 --from 2026-01-01
	check "export requests --year with --from: exit 2, no CSV" 'st 2 && out_empty'
	run --db "$T/s.db" export requests --from 2026-02-30
	check "export requests --from 2026-02-30: exit 2" 'st 2 && err_has "export : --from « 2026-02-30 » invalide" && out_empty'
	run --db "$T/s.db" export requests --date 2026-01-01
	check "export requests --date: not an option of this export (2)" 'st 2 && err_has "argument inconnu « --date »"'
	run --db "$T/s.db" export requests --commune Nulle-Part
	check "export requests --commune unknown: exit 1, no CSV" 'st 1 && out_empty && err_has "aucun contrat ne correspond à « Nulle-Part »"'

	run --db "$T/s.db" export requests -o "$T/out.csv"
	check "export requests -o: exit 0, says where, 0600" 'st 0 && out_empty && err_has "suivi : saisines exportées dans $T/out.csv" && same_file "$T/out.csv" "$T/all.csv" && mode_is 600 "$T/out.csv"'
	echo "ancien" >"$T/old.csv"
	run --db "$T/s.db" export requests -o "$T/old.csv"
	check "export requests -o over an existing file: exit 1, asks for --force" 'st 1 && err_has "$T/old.csv existe déjà : ajoutez --force"'
	check "export requests -o over an existing file: unchanged, no temporary left" '[ "$(cat "$T/old.csv")" = ancien ] && [ "$(ls "$T" | grep -c "tmp-")" = 0 ]'
	run --db "$T/s.db" export requests -o "$T/old.csv" --force
	check "export requests -o --force: replaces it" 'st 0 && same_file "$T/old.csv" "$T/all.csv"'
}

# Export, import into a fresh database, export again: the same requests.
t_requests_round_trip() { # every locale
	set_db
	rq_csv "$T/rq.csv"
	run --db "$T/s.db" import requests rq.csv
	# a cancelled request, and a text on two lines
	printf '%s\r\n' 'commune,objet,reçue,nature de saisine,forme,domaine,annulée,motif d'"'"'annulation' \
		'Le Bouscat,"Deux lignes :' 'la seconde",2026-06-01 08:00,ordinaire,orale,nsi,2026-06-02 12:00,-doublon' >"$T/more.csv"
	run --db "$T/s.db" import requests more.csv
	check "round trip: a cancelled request on two lines imports" 'st 0 && err_has "1 saisie importée de more.csv"'
	run --db "$T/s.db" export requests -o "$T/e1.csv"
	make_db "$T/t.db"
	run --db "$T/t.db" import requests e1.csv
	check "round trip: the export imports into a fresh database" 'st 0 && err_has "suivi : 4 saisies importées de e1.csv"'
	run --db "$T/t.db" export requests -o "$T/e2.csv"
	check "round trip: exported again" 'st 0'
	rq_rows "$T/e1.csv" >"$T/r1"
	rq_rows "$T/e2.csv" >"$T/r2"
	check "round trip: the same rows but author and time" 'same_file "$T/r1" "$T/r2" && [ "$(grep -c "^Le " "$T/r1")" = 4 ]'
	check "round trip: the cancelled request, its reason kept as typed" 'grep -q "2026-06-02 12:00,'"'"'-doublon,annulée," "$T/e2.csv"'
	run --db "$T/t.db" import requests e2.csv
	check "round trip: importing again adds the requests again" 'st 0 && err_has "4 saisies importées de e2.csv"'
}

t_requests_refusals() {
	set_db
	H='commune,nature de saisine,forme,domaine,nature,criticité,objet,reçue,résolue'
	OK='Le Bouscat,ordinaire,courriel,nsi,demande,,Un poste,2026-03-02 09:00,'
	nothing='[ "$(lines "$T/after.csv")" = 1 ]'

	printf '%s\n' "$H,couleur" "$OK,bleu" >"$T/col.csv"
	run --db "$T/s.db" import requests col.csv
	check "import requests, an unknown column: exit 1, named on line 1" 'st 1 && err_has "col.csv:1: colonne inconnue « couleur »" && err_has "suivi : 1 problème : rien n'"'"'a été importé"'
	printf '%s\n' 'commune,nature de saisine,forme,objet' "Le Bouscat,ordinaire,courriel,x" >"$T/req.csv"
	run --db "$T/s.db" import requests req.csv
	check "import requests without the column reçue: exit 1" 'st 1 && err_has "req.csv:1: colonne « reçue » absente"'
	printf '%s\n' "$H" "$OK" 'Le Bouscat,ordinaire,courriel,nsi,demande,,Autre,2026-02-30 09:00,' >"$T/date.csv"
	run --db "$T/s.db" import requests date.csv
	check "import requests, a bad date on line 3: exit 1, FILE:3" 'st 1 && err_at "date.csv:3: " "date de réception illisible : « 2026-02-30 09:00 »"'
	printf '%s\n' "$H" 'Le Bouscat,ordinaire,courriel,nsi,demande,,"Sur deux' 'lignes",2026-03-02 09:00,' 'Le Bouscat,ordinaire,courriel,nsi,demande,,Autre,hier,' >"$T/multi.csv"
	run --db "$T/s.db" import requests multi.csv
	check "import requests: the line counts the lines of a quoted field (FILE:4)" 'st 1 && err_at "multi.csv:4: " "« hier »"'
	printf '%s\n' "$H" 'Nulle-Part,ordinaire,courriel,nsi,demande,,Un poste,2026-03-02 09:00,' >"$T/commune.csv"
	run --db "$T/s.db" import requests commune.csv
	check "import requests, an unknown commune: exit 1" 'st 1 && err_at "commune.csv:2: " "aucun contrat ne correspond à « Nulle-Part »"'
	printf '%s\n' "$H" 'Le Bouscat,ordinaire,courriel,nsi,demande,,  ,2026-03-02 09:00,' >"$T/empty.csv"
	run --db "$T/s.db" import requests empty.csv
	check "import requests, an empty object: exit 1" 'st 1 && err_at "empty.csv:2: " "l'"'"'objet de la saisine est obligatoire"'
	printf '%s\n' "$H" 'Le Bouscat,urgence,courriel,nsi,incident,critique,Panne,2026-03-02 09:00,2026-03-01 09:00' >"$T/before.csv"
	run --db "$T/s.db" import requests before.csv
	check "import requests, resolved before received: exit 1" 'st 1 && err_at "before.csv:2: " "la date de résolution (01/03/2026 09:00) précède la réception"'

	# All of them in one file: every problem listed, on its line.
	printf '%s\n' "$H" "$OK" \
		'Le Bouscat,ordinaire,courriel,nsi,demande,,Autre,2026-02-30 09:00,' \
		'Nulle-Part,ordinaire,courriel,nsi,demande,,Un poste,2026-03-02 09:00,' \
		'Le Bouscat,ordinaire,courriel,nsi,demande,,,2026-03-02 09:00,' \
		'Le Bouscat,urgence,courriel,nsi,incident,critique,Panne,2026-03-02 09:00,2026-03-01 09:00' \
		'Le Bouscat,urgente,fax,xyz,demande,grave,Panne,2026-03-02 09:00,' \
		'Le Bouscat,ordinaire,courriel,nsi,demande' >"$T/all.csv"
	run --db "$T/s.db" import requests all.csv
	check "import requests, many problems: exit 1, nothing on stdout" 'st 1 && out_empty'
	check "import requests, many problems: one line each, on its line" 'err_at "all.csv:3: " "illisible" && err_at "all.csv:4: " "Nulle-Part" && err_at "all.csv:5: " "objet" && err_at "all.csv:6: " "précède" && err_at "all.csv:8: " "5 champs au lieu de 9"'
	check "import requests, many problems: every bad word of a row" 'err_at "all.csv:7: " "nature de saisine « urgente » inconnue" && err_at "all.csv:7: " "forme « fax » inconnue" && err_at "all.csv:7: " "domaine « xyz » inconnu" && err_at "all.csv:7: " "criticité « grave » inconnue"'
	check "import requests, many problems: counted, nothing imported" '[ "$(err_count "all.csv:")" = 9 ] && err_has "suivi : 9 problèmes : rien n'"'"'a été importé"'
	printf '%s\n' "$H,décision" "$OK,Acceptée" >"$T/exc.csv"
	run --db "$T/s.db" import requests exc.csv
	check "import requests: a decision for an ordinary request is refused" 'st 1 && err_at "exc.csv:2: " "« décision » ne concerne qu'"'"'une saisine exceptionnelle"'
	printf '%s\n' "$H" 'Le Bouscat,ordinaire,courriel,nsi,demande,,"ouvert,2026-03-02 09:00,' >"$T/quote.csv"
	run --db "$T/s.db" import requests quote.csv
	check "import requests: a quote never closed, on its line" 'st 1 && err_at "quote.csv:2: " "guillemet ouvert jamais fermé"'
	printf 'commune,objet,reçue,nature de saisine,forme\n33069,\351t\351,2026-03-02,ordinaire,note\n' >"$T/latin1.csv"
	run --db "$T/s.db" import requests latin1.csv
	check "import requests: Latin-1 text refused, on its line" 'st 1 && err_at "latin1.csv:2: " "UTF-8"'
	printf '%s\n' "$H" 'Le Haillan,ordinaire,courriel,nsi,demande,,Un poste,2026-03-02 09:00,' >"$T/haillan.csv"
	run --db "$T/s.db" import requests haillan.csv --commune "Le Bouscat"
	check "import requests --commune with a row of another commune: exit 1" 'st 1 && err_at "haillan.csv:2: " "n'"'"'est pas le contrat de --commune Le Bouscat"'
	run --db "$T/s.db" export requests -o "$T/after.csv"
	check "import requests refused: nothing imported (export has no rows)" "st 0 && $nothing"

	run --db "$T/s.db" import requests absent.csv
	check "import requests, a missing file: exit 1" 'st 1 && err_has "absent.csv: lecture impossible : fichier ou dossier introuvable"'
	run --db "$T/s.db" import requests
	check "import requests without a file: exit 2" 'st 2 && err_has "import requests : usage"'
	run --db "$T/s.db" import requests date.csv col.csv
	check "import requests with two files: exit 2" 'st 2 && err_has "un seul fichier"'
	run --db "$T/s.db" import requests date.csv --vite
	check "import requests with an unknown option: exit 2" 'st 2 && err_has "option inconnue « --vite »"'
	run --db "$T/s.db" import requests date.csv --commune
	check "import requests --commune without its value: exit 2" 'st 2'
	run --db "$T/s.db" import requests haillan.csv --commune Nulle-Part
	check "import requests --commune unknown: exit 1" 'st 1 && err_has "aucun contrat ne correspond à « Nulle-Part »"'
	run --db "$T/absente.db" import requests date.csv
	check "import requests into a missing database: refused, nothing created" 'st 1 && [ ! -e "$T/absente.db" ]'
	run --db "$T/s.db" export requests -o "$T/after.csv" --force
	check "import requests refused, every time: still no rows" "st 0 && $nothing"
}

# Issue 17, 10: an amount is whole cents; more decimals, an ambiguous
# thousands separator, a point between thousands are refused with the
# value and the rule, on their line, nothing written; what is exported
# imports back the same.
t_requests_amounts() { # every locale
	set_db
	HX='commune,nature de saisine,forme,domaine,objet,reçue,décision,décidé par,décidé le,coût estimé'
	row() { printf 'Le Haillan,exceptionnelle,courrier,eco,%s,2026-04-01,Acceptée,DGA,2026-04-02,%s\n' "$1" "$2"; }
	cp "$T/s.db" "$T/before"
	for bad in '"0,0001"|coût estimé « 0,0001 » : au plus deux décimales (les centimes)' \
		'"1,005"|coût estimé « 1,005 » : au plus deux décimales (les centimes) ; pour des milliers, écrivez 1005' \
		'1.500|coût estimé « 1.500 » ambigu (milliers ou décimales ?) : écrivez 1500 pour des milliers, 1,5 pour des décimales' \
		'"1,500"|coût estimé « 1,500 » ambigu (milliers ou décimales ?) : écrivez 1500 pour des milliers, 1,5 pour des décimales' \
		'"1.500,25 €"|coût estimé « 1.500,25 € » : les milliers se séparent par une espace ou pas du tout, la virgule est pour les centimes : écrivez 1500,25' \
		'-5|coût estimé « -5 » : un montant ne peut pas être négatif' \
		'1000000000000|coût estimé « 1000000000000 » : au plus 999 999 999 999,99 €'; do
		v=${bad%%|*}
		msg=${bad#*|}
		{ echo "$HX"; row Bon 12; row Mauvais "$v"; } >"$T/am.csv"
		run --db "$T/s.db" import requests am.csv
		check "import requests, coût estimé $v: refused on line 3, named with the rule" 'st 1 && out_empty && err_at "am.csv:3: " "$msg" && err_has "suivi : 1 problème : rien n'"'"'a été importé"'
		check "import requests, coût estimé $v: the database byte for byte unchanged" 'same_file "$T/s.db" "$T/before"'
	done

	{ echo "$HX"; row A '"48 500,50"'; row B '"1 500,5 €"'; row C '"0,07"'; row D '"0,500"'; row E '"1234,56"'; row F 999999999999.99; row G '"12,50"'; } >"$T/ok.csv"
	run --db "$T/s.db" import requests ok.csv
	check "import requests: amounts with spaces between thousands, €, cents" 'st 0 && err_has "7 saisies importées de ok.csv"'
	run --db "$T/s.db" export requests -o "$T/e1.csv"
	check "export requests: each amount exactly, in cents" 'st 0 && grep -q ",A,.*,\"48500,5\"," "$T/e1.csv" && grep -q ",B,.*,\"1500,5\"," "$T/e1.csv" && grep -q ",C,.*,\"0,07\"," "$T/e1.csv" && grep -q ",D,.*,\"0,5\"," "$T/e1.csv" && grep -q ",E,.*,\"1234,56\"," "$T/e1.csv" && grep -q ",F,.*,\"999999999999,99\"," "$T/e1.csv" && grep -q ",G,.*,\"12,5\"," "$T/e1.csv"'
	make_db "$T/t.db"
	run --db "$T/t.db" import requests e1.csv
	check "amounts round trip: the export imports into a fresh database" 'st 0 && err_has "7 saisies importées de e1.csv"'
	run --db "$T/t.db" export requests -o "$T/e2.csv"
	# same day of receipt: the order between them is the store's
	rq_rows "$T/e1.csv" | sort >"$T/r1"
	rq_rows "$T/e2.csv" | sort >"$T/r2"
	check "amounts round trip: exported again, the same amounts" 'st 0 && same_file "$T/r1" "$T/r2" && [ "$(lines "$T/r1")" = 7 ]'
}

# Issue 17, 12: blank lines anywhere, a file of lone CRs, UTF-16.
t_requests_csv_shapes() {
	set_db
	HX='commune,nature de saisine,forme,domaine,objet,reçue'
	R1='Le Bouscat,ordinaire,courriel,nsi,Un poste,2026-03-02 09:00'
	R2='Le Bouscat,ordinaire,courriel,nsi,  Deux postes	,2026-03-03 09:00'
	printf '\n \t\n%s\n\n%s\n,,,,,\n   \n%s\n\n' "$HX" "$R1" "$R2" >"$T/blank.csv"
	run --db "$T/s.db" import requests blank.csv
	check "import requests: blank lines before the header, between rows, a spreadsheet's empty row, at the end" 'st 0 && err_has "suivi : 2 saisies importées de blank.csv"'
	run --db "$T/s.db" export requests
	check "import requests: blanks around a cell trimmed" 'st 0 && grep -q ",Deux postes,2026-03-03 09:00," "$T/stdout"'
	printf '%s\r%s\r"Sur deux\rlignes",x\r' "$HX" "$R1" | sed 's/"Sur deux/Le Bouscat,ordinaire,courriel,nsi,"Sur deux/; s/",x/",2026-03-04 09:00/' >"$T/cr.csv"
	run --db "$T/s.db" import requests cr.csv
	check "import requests: a file of lone CRs (old Mac) reads, a text on two lines too" 'st 0 && err_has "suivi : 2 saisies importées de cr.csv"'
	run --db "$T/s.db" export requests
	check "import requests, lone CRs: the two lines of a text kept" 'st 0 && grep -q "\"Sur deux" "$T/stdout"'
	printf '%s\r%s\r%s\r' "$HX" "$R1" 'Le Bouscat,ordinaire,courriel,nsi,Autre,hier' >"$T/crbad.csv"
	run --db "$T/s.db" import requests crbad.csv
	check "import requests, lone CRs: a problem on its line (3)" 'st 1 && err_at "crbad.csv:3: " "« hier »"'

	cp "$T/s.db" "$T/before"
	printf '%s\n%s\n%s\n' "$HX" "$R1" "$R2" >"$T/u8.csv"
	if command -v iconv >/dev/null 2>&1; then
		iconv -f UTF-8 -t UTF-16 "$T/u8.csv" >"$T/u16.csv"
		iconv -f UTF-8 -t UTF-16BE "$T/u8.csv" >"$T/u16be.csv"
		for f in u16.csv u16be.csv; do
			run --db "$T/s.db" import requests $f
			check "import requests, $f: said once, naming UTF-16, nothing written" 'st 1 && out_empty && [ "$(err_count "$f:")" = 1 ] && err_at "$f:1: " "fichier en UTF-16 : enregistrez-le en UTF-8" && err_has "suivi : 1 problème : rien n'"'"'a été importé" && same_file "$T/s.db" "$T/before"'
		done
	fi
	printf '\357\273\277\r\n%s\r\n%s\r\n' "$HX" "$R1" >"$T/bom.csv"
	run --db "$T/s.db" import requests bom.csv
	check "import requests: a UTF-8 mark, then a blank line, then the header" 'st 0 && err_has "suivi : 1 saisie importée de bom.csv"'
	cp "$T/s.db" "$T/before"
	printf '\n  \n\n' >"$T/blanks.csv"
	run --db "$T/s.db" import requests blanks.csv
	check "import requests: only blank lines, no header: said, nothing written" 'st 1 && err_at "blanks.csv:1: " "fichier vide (ou que des lignes vides)" && same_file "$T/s.db" "$T/before"'
}
