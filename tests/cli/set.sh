# tests/cli/set.sh - suivi set, export measurements.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# suivi set, export measurements

MHEADER="commune,insee,contrat,domaine,indicateur,intitulé,criticité,période,valeur,nombre,dénominateur,texte,forcée,commentaire,auteur,modifiée le"

# A database with the bundled contracts, changes signed by a référent
# named in the default suivi.ini.
set_db() {
	mkdir -p "$XDG_CONFIG_HOME/suivi"
	printf '[suivi]\nreferent = Marie Martin\n' >"$XDG_CONFIG_HOME/suivi/suivi.ini"
	make_db "$T/s.db"
}

# set_says TEXT: stdout is exactly that one line.
set_says() { [ "$(lines "$T/stdout")" = 1 ] && [ "$(cat "$T/stdout")" = "$1" ]; }

# mfacts FILE: what python's csv module makes of a measurement export:
# the record count, the field counts, the line ends, whether every
# "modifiée le" is an ISO time stamp, then one line per data row,
# "commune|indicateur|criticité|période|valeur|nombre|dénominateur|texte|
# forcée|commentaire|auteur".
mfacts() {
	"$PY" - "$1" >"$T/facts" <<'PYEOF'
import csv, io, re, sys
data = open(sys.argv[1], "rb").read()
rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))
print("records=%d" % len(rows))
print("widths=" + ",".join(sorted(set(str(len(r)) for r in rows))))
print("crlf=" + ("yes" if data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n") else "no"))
stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
print("stamps=" + ("ok" if all(stamp.fullmatch(r[15]) for r in rows[1:]) else "bad"))
for r in rows[1:]:
    print("|".join(r[i] for i in (0, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14)))
PYEOF
}

t_set() { # every locale
	set_db
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 "12,5 %"
	check "set a percentage: exit 0, nothing on stderr" 'st 0 && err_empty'
	check "set a percentage: 12,5 % with a decimal comma" 'set_says "3.1.1 · 2026 = 12,5 %"'
	run --db "$T/s.db" set "Le Bouscat" 2.1.2 2026 3/4
	check "set a ratio: 3/4 with its unit" 'st 0 && set_says "2.1.2 · 2026 = 3/4 projets"'
	run --db "$T/s.db" set "Le Bouscat" 4.2.2 2026 2h30
	check "set hours: 2h30 is 2,5 h" 'st 0 && set_says "4.2.2 · 2026 = 2,5 h"'
	run --db "$T/s.db" set "Le Bouscat" 1.1.1 2026 oui
	check "set yes/no: oui" 'st 0 && set_says "1.1.1 · 2026 = oui"'
	run --db "$T/s.db" set "Le Bouscat" 2.1.1 2026-03 200/180
	check "set a workload: 200/180 is planned 200, actual 180" 'st 0 && set_says "2.1.1 · mars 2026 = prévu 200, réalisé 180 j*h"'
	run --db "$T/s.db" set "Le Bouscat" 3.3.2 03/2026 4 --criticite majeure
	check "set by criticality, period as MM/AAAA" 'st 0 && set_says "3.3.2 · majeure · mars 2026 = 4 h"'
	run --db "$T/s.db" set "Le Bouscat" 3.3.2 2026-03 1,5 --criticite=CRITIQUE
	check "set --criticite=CRITIQUE: spelt as the contract does" 'st 0 && set_says "3.3.2 · critique · mars 2026 = 1,5 h"'
	run --db "$T/s.db" set "Le Bouscat" 3.3.1 2026-T1 2
	check "set a quarter of a \"mensuelle ou trimestrielle\" indicator followed by month: refused (exit 1)" 'st 1 && err_has "3.3.1 est suivi par mois (choix enregistré"'
	run --db "$T/s.db" set "Le Bouscat" 3.3.1 2026-01 2
	check "set a month of a \"mensuelle ou trimestrielle\" indicator" 'st 0 && set_says "3.3.1 · janvier 2026 = 2 j"'

	# The commune by name without case or accents, INSEE, identifier.
	run --db "$T/s.db" set "le haillan" 3.1.1 2026 40
	check "set: \"le haillan\" finds Le Haillan" 'st 0 && set_says "3.1.1 · 2026 = 40 %"'
	run --db "$T/s.db" set "LE HAILLAN" eco/1 2025 3/4
	check "set: an indicator named with its domain (eco/1)" 'st 0 && set_says "eco/1 · 2025 = 3/4 demandes"'
	sed 's/^commune = Exempleville$/commune = Saint-Médard-en-Jalles/' "$FIX/exempleville.ini" >"$T/accents.ini"
	run --db "$T/s.db" import "$T/accents.ini"
	check "a commune with accents imports" 'st 0'
	run --db "$T/s.db" set saint-medard-en-jalles 3.3.1 2026-03 2
	check "set: saint-medard-en-jalles finds Saint-Médard-en-Jalles" 'st 0 && set_says "3.3.1 · mars 2026 = 2 j"'
	run --db "$T/s.db" set SAINT-MÉDARD-EN-JALLES 3.3.1 2026-04 3
	check "set: SAINT-MÉDARD-EN-JALLES too" 'st 0 && set_says "3.3.1 · avril 2026 = 3 j"'
	run --db "$T/s.db" set 33069 3.1.1 2026 13 --comment "Audit du parc, en mars"
	check "set by INSEE code with --comment: exit 0" 'st 0 && set_says "3.1.1 · 2026 = 13 %"'
	run --db "$T/s.db" set 33069-2016 3.3.1 2026-05 1 --comment="Sans « incident »"
	check "set by contract identifier with --comment=TEXT: exit 0" 'st 0 && set_says "3.3.1 · mai 2026 = 1 j"'

	# What was stored, as the export gives it.
	run --db "$T/s.db" export measurements --commune "Le Bouscat" --year 2026
	cp "$T/stdout" "$T/m.csv"
	check "set then export: exit 0" 'st 0 && err_empty'
	check "set then export: 9 values of Le Bouscat + header" '[ "$(lines "$T/m.csv")" = 10 ]'
	if [ -n "$PY" ]; then
		mfacts "$T/m.csv"
		check "set then export: python csv reads 10 records of 16 fields" 'fact records=10 && fact widths=16 && fact crlf=yes && fact stamps=ok'
		check "set: the percentage replaced, with its comment and author" 'fact "Le Bouscat|3.1.1||2026|13 %|13|||non|Audit du parc, en mars|Marie Martin"'
		check "set: the ratio as numerator and denominator" 'fact "Le Bouscat|2.1.2||2026|3/4 projets|3|4||non||Marie Martin"'
		check "set: the hours as a number" 'fact "Le Bouscat|4.2.2||2026|2,5 h|2,5|||non||Marie Martin"'
		check "set: oui stored as 1" 'fact "Le Bouscat|1.1.1||2026|oui|1|||non||Marie Martin"'
		check "set: the workload, actual over planned" 'fact "Le Bouscat|2.1.1||2026-03|prévu 200, réalisé 180 j*h|180|200||non||Marie Martin"'
		check "set: the criticalities kept apart" 'fact "Le Bouscat|3.3.2|critique|2026-03|1,5 h|1,5|||non||Marie Martin" && fact "Le Bouscat|3.3.2|majeure|2026-03|4 h|4|||non||Marie Martin"'
		check "set --comment=TEXT: the comment stored" 'fact "Le Bouscat|3.3.1||2026-05|1 j|1|||non|Sans « incident »|Marie Martin"'
	fi
	run --db "$T/s.db" export measurements --commune saint-médard-en-jalles --year 2026
	check "export --commune with accents: its 2 values" 'st 0 && [ "$(lines "$T/stdout")" = 3 ] && [ "$(grep -c "^Saint-Médard-en-Jalles,33999,33999-2017,nsi,3.3.1," "$T/stdout")" = 2 ]'
	run --db "$T/s.db" set "Le Bouscat" 3.3.1 2026-02 s/o
	check "set s/o: the period had nothing to measure" 'st 0 && set_says "3.3.1 · février 2026 = sans objet"'
	run --db "$T/s.db" set "Le Bouscat" 1.1.1 2025 "Sans objet"
	check "set « Sans objet » on a yes/no indicator" 'st 0 && set_says "1.1.1 · 2025 = sans objet"'
	run --db "$T/s.db" export measurements --commune "Le Bouscat" --year 2026
	check "set s/o then export measurements: « sans objet » in the value column" 'st 0 && grep -q "^Le Bouscat,33069,33069-2016,nsi,3\.3\.1,[^,]*,,2026-02,sans objet," "$T/stdout"'
}

t_set_refusals() {
	set_db
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 50
	check "refusals: a first value" 'st 0'
	cp "$T/s.db" "$T/before"
	unchanged='out_empty && same_file "$T/s.db" "$T/before"'

	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 "101 %"
	check "set 101 %: exit 1" 'st 1'
	check "set 101 %: says why" 'err_has "suivi : un pourcentage va de 0 à 100"'
	check "set 101 %: database unchanged" "$unchanged"
	run --db "$T/s.db" set "Le Bouscat" 2.1.2 2026 5/4
	check "set 5/4 for a ratio: exit 1, database unchanged" "st 1 && $unchanged"
	run --db "$T/s.db" set "Le Bouscat" 1.1.1 2026 peut-être
	check "set peut-être for oui/non: exit 1, database unchanged" "st 1 && $unchanged"
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 ""
	check "set an empty value: exit 1, database unchanged" "st 1 && $unchanged"

	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026-03 12
	check "set a month for an annual indicator: exit 1" 'st 1'
	check "set a month for an annual indicator: says the periodicity" 'err_has "3.1.1 a une périodicité annuelle : « 2026-03 »"'
	check "set a month for an annual indicator: database unchanged" "$unchanged"
	run --db "$T/s.db" set "Le Bouscat" 2.1.1 2026 200
	check "set a year for a monthly-or-quarterly indicator: exit 1, unchanged" "st 1 && err_has \"2.1.1 a une périodicité mensuelle ou trimestrielle : « 2026 »\" && $unchanged"

	run --db "$T/s.db" set Nulle-Part 3.1.1 2026 12
	check "set for an unknown commune: exit 1" 'st 1'
	check "set for an unknown commune: says so" 'err_has "aucun contrat ne correspond à « Nulle-Part »"'
	check "set for an unknown commune: database unchanged" "$unchanged"

	run --db "$T/s.db" set "Le Bouscat" 9.9.9 2026 12
	check "set an unknown indicator: exit 1" 'st 1'
	check "set an unknown indicator: says so" 'err_has "aucun indicateur « 9.9.9 » dans ce contrat"'
	check "set an unknown indicator: database unchanged" "$unchanged"
	run --db "$T/s.db" set "Le Bouscat" eco/1 2026 3/4
	check "set another contract's indicator (eco/1 in Le Bouscat): exit 1" "st 1 && err_has \"« eco/1 »\" && $unchanged"

	run --db "$T/s.db" set "Le Bouscat" 3.3.2 2026-03 4
	check "set 3.3.2 without --criticite: exit 2" 'st 2'
	check "set 3.3.2 without --criticite: lists the criticalities" 'err_has "3.3.2 se saisit par criticité : --criticite critique, majeure, mineure"'
	check "set 3.3.2 without --criticite: database unchanged" "$unchanged"
	run --db "$T/s.db" set "Le Bouscat" 3.3.2 2026-03 4 --criticite fatale
	check "set an unknown criticality: exit 2, unchanged" "st 2 && err_has \"criticité « fatale » inconnue pour 3.3.2\" && $unchanged"
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 4 --criticite critique
	check "set --criticite for an indicator not split: exit 2, unchanged" "st 2 && err_has \"--criticite est de trop\" && $unchanged"

	run --db "$T/s.db" set "Le Bouscat" 3.3.1 2026-13 2
	check "set for period 2026-13: exit 2" 'st 2'
	check "set for period 2026-13: says it is invalid" 'err_has "set : période « 2026-13 » invalide (2018-03, 2018-T1 ou 2018)"'
	check "set for period 2026-13: database unchanged" "$unchanged"
	run --db "$T/s.db" set "Le Bouscat" 3.3.1 2026-T5 2
	check "set for period 2026-T5: exit 2, unchanged" "st 2 && $unchanged"

	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026
	check "set with three arguments: exit 2" 'st 2'
	check "set with three arguments: prints the usage" 'err_has "set : usage : suivi set COMMUNE INDICATEUR PÉRIODE VALEUR"'
	check "set with three arguments: database unchanged" "$unchanged"
	run --db "$T/s.db" set
	check "set without arguments: exit 2, unchanged" "st 2 && err_has \"set : usage\" && $unchanged"
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 12 13
	check "set with five arguments: exit 2, unchanged" "st 2 && err_has \"argument de trop « 13 »\" && $unchanged"
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 12 --vite
	check "set with an unknown option: exit 2, unchanged" "st 2 && err_has \"option inconnue « --vite »\" && $unchanged"
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 12 --comment
	check "set --comment without its text: exit 2, unchanged" "st 2 && $unchanged"

	run --db "$T/absente.db" set "Le Bouscat" 3.1.1 2026 12
	check "set into a missing database: refused, nothing created (a mistyped --db)" 'st 1 && err_has "n'"'"'existe pas encore" && [ ! -e "$T/absente.db" ]'
}

t_export_measurements() { # every locale
	set_db
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 "12,5 %"
	run --db "$T/s.db" set "Le Bouscat" 3.3.1 2026-01 2 --comment "Outil en panne"
	run --db "$T/s.db" set "Le Bouscat" 3.3.1 2025-12 3
	run --db "$T/s.db" set "Le Haillan" 3.1.1 2026 40

	run --db "$T/s.db" export measurements --commune "Le Bouscat" --year 2026
	cp "$T/stdout" "$T/m.csv"
	check "export measurements: exit 0, nothing on stderr" 'st 0 && err_empty'
	check "export measurements: the header line" '[ "$(head -n 1 "$T/m.csv" | tr -d "\r")" = "$MHEADER" ]'
	check "export measurements: 2 rows of 2026, Le Bouscat only" '[ "$(lines "$T/m.csv")" = 3 ] && [ "$(grep -c "^Le Bouscat,33069,33069-2016,nsi," "$T/m.csv")" = 2 ]'
	check "export measurements: by indicator" 'sed -n 2p "$T/m.csv" | grep -q "^Le Bouscat,33069,33069-2016,nsi,3.1.1," && sed -n 3p "$T/m.csv" | grep -q ",3.3.1,"'
	if [ -n "$PY" ]; then
		mfacts "$T/m.csv"
		check "export measurements: python csv reads 3 records of 16 fields, CRLF" 'fact records=3 && fact widths=16 && fact crlf=yes && fact stamps=ok'
		check "export measurements: the value shown and its number" 'fact "Le Bouscat|3.1.1||2026|12,5 %|12,5|||non||Marie Martin"'
		check "export measurements: the comment given to set" 'fact "Le Bouscat|3.3.1||2026-01|2 j|2|||non|Outil en panne|Marie Martin"'
	fi
	run --db "$T/s.db" export measurements --commune "Le Bouscat"
	check "export measurements without --year: the year of today (2026)" 'st 0 && same_file "$T/stdout" "$T/m.csv"'
	run --db "$T/s.db" export measurements --commune "Le Bouscat" --year 2025
	check "export measurements --year 2025: its one value" 'st 0 && [ "$(lines "$T/stdout")" = 2 ] && grep -q ",3.3.1,.*,2025-12," "$T/stdout"'
	run --db "$T/s.db" export measurements --commune 33069 --year 2024
	check "export measurements of a year without values: the header alone" 'st 0 && [ "$(lines "$T/stdout")" = 1 ]'
	run --db "$T/s.db" export measurements --year 2026
	check "export measurements of every contract: 3 rows" 'st 0 && [ "$(lines "$T/stdout")" = 4 ] && grep -q "^Le Haillan,33200,33200-2017,nsi,3.1.1," "$T/stdout"'

	run --db "$T/s.db" export measurements --commune "Le Bouscat" --year 2026 -o "$T/out.csv"
	check "export measurements -o: exit 0, says where" 'st 0 && err_has "suivi : valeurs exportées dans $T/out.csv" && out_empty'
	check "export measurements -o: same content as on stdout, 0600" 'same_file "$T/out.csv" "$T/m.csv" && mode_is 600 "$T/out.csv"'
	echo "ancien" >"$T/old.csv"
	run --db "$T/s.db" export measurements --year 2026 -o "$T/old.csv"
	check "export measurements -o over an existing file: exit 1" 'st 1'
	check "export measurements -o over an existing file: asks for --force" 'err_has "$T/old.csv existe déjà : ajoutez --force"'
	check "export measurements -o over an existing file: file unchanged, no temporary left" '[ "$(cat "$T/old.csv")" = ancien ] && [ "$(ls "$T" | grep -c "tmp-")" = 0 ]'
	run --db "$T/s.db" export measurements --commune "Le Bouscat" --year 2026 -o "$T/old.csv" --force
	check "export measurements -o --force: replaces it" 'st 0 && same_file "$T/old.csv" "$T/m.csv"'

	run --db "$T/s.db" export measurements --year abc
	check "export measurements --year abc: exit 2" 'st 2'
	check "export measurements --year abc: says the year is invalid" 'err_has "export : année « abc » invalide (AAAA)"'
	check "export measurements --year abc: no CSV" 'out_empty'
	run --db "$T/s.db" export measurements --year 2026-03
	check "export measurements --year 2026-03: exit 2" 'st 2 && out_empty'
	run --db "$T/s.db" export measurements --year
	check "export measurements --year without a value: exit 2" 'st 2 && out_empty'
	run --db "$T/s.db" export measurements --date 2026-01-01
	check "export measurements --date: not an option of this export (2)" 'st 2 && err_has "argument inconnu « --date »"'
	run --db "$T/s.db" export measurements --commune Nulle-Part --year 2026
	check "export measurements --commune unknown: exit 1, no CSV" 'st 1 && out_empty && err_has "aucun contrat ne correspond à « Nulle-Part »"'
}
