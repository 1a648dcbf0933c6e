# tests/stress/input.sh - hostile request CSV files.
# Sourced by tests/stress/run.sh; s_input is the section (STRESS_ONLY="input").

# no sanitizer report (ASan, UBSan, LSan) on the last command's stderr
no_san() { ! grep -q 'Sanitizer\|runtime error' "$W/err"; }

s_input() {
	local before h i
	fresh
	mkdir -p "$W/home/.config/suivi"
	printf '[suivi]\nreferent = Marie Martin\n' >"$W/home/.config/suivi/suivi.ini"
	cli --db "$W/s.db"
	before=$(sum "$W/s.db")
	h='objet,reçue,nature de saisine,forme,domaine,décision,décidé par,décidé le,coût estimé'

	{
		seq 1 100000 | awk '{ print (NR % 3 == 0 ? " \t" : (NR % 3 == 1 ? "" : ",,,,")) }'
		echo "$h"
		echo 'Une étude,2026-05-04 08:30,exceptionnelle,note,nsi,Acceptée,DGA,2026-05-05,"1 500,50 €"'
	} >"$W/blank.csv"
	cli --db "$W/s.db" import requests --commune 33069 "$W/blank.csv"
	check "input: 100 000 blank lines before the header: skipped, the request imported" \
		'[ "$rc" = 0 ] && err_has "1 saisie importée" && no_san'

	{
		printf '%s\r' "$h"
		seq 1 4000 | awk '{ printf "\"Demande\r%d\",2026-05-04 08:30,exceptionnelle,note,nsi,Acceptée,DGA,2026-05-05,\"%d,%02d\"\r", $1, $1, $1 % 100 }'
	} >"$W/cr.csv"
	cli --db "$W/s.db" import requests --commune 33069 "$W/cr.csv"
	check "input: 4000 requests with lone CRs (old Mac), texts on two lines: imported" \
		'[ "$rc" = 0 ] && err_has "4000 saisies importées" && no_san'
	cli --db "$W/s.db" export requests -o "$W/e1.csv"
	cp "$W/s.db" "$W/t.db"
	before=$(sum "$W/t.db")

	if command -v iconv >/dev/null 2>&1; then
		{
			echo "$h"
			seq 1 4000 | awk '{ printf "Demande %d,2026-05-04 08:30,ordinaire,note,nsi,,,,\n", $1 }'
		} | iconv -f UTF-8 -t UTF-16 >"$W/u16.csv"
		cli --db "$W/t.db" import requests --commune 33069 "$W/u16.csv"
		check "input: a UTF-16 file of 4000 lines: said once, naming UTF-16, nothing written" \
			'[ "$rc" = 1 ] && [ "$(grep -c "u16.csv:" "$W/err")" = 1 ] && err_has "u16.csv:1: fichier en UTF-16 : enregistrez-le en UTF-8" && [ "$(sum "$W/t.db")" = "$before" ] && no_san'
	else
		skip "input: UTF-16 (iconv absent)"
	fi

	{
		echo "$h"
		seq 1 4000 | awk '{ split("1,005|0,0001|1.500|1,500|1.500,25|-3|12345678901234567|abc", v, "|"); printf "Demande %d,2026-05-04 08:30,exceptionnelle,note,nsi,Acceptée,DGA,2026-05-05,\"%s\"\n", $1, v[($1 - 1) % 8 + 1] }'
	} >"$W/amounts.csv"
	cli --db "$W/t.db" import requests --commune 33069 "$W/amounts.csv"
	check "input: 4000 amounts past cents or ambiguous: each on its line, reading stopped at 50, nothing written" \
		'[ "$rc" = 1 ] && err_has "amounts.csv:2: coût estimé « 1,005 » : au plus deux décimales (les centimes)" && err_has "amounts.csv:4: coût estimé « 1.500 » ambigu" && err_has "(lecture arrêtée)" && [ "$(sum "$W/t.db")" = "$before" ] && no_san'

	for i in 1 2 3 4 5 6; do
		{
			echo "$h"
			head -c 20000 /dev/urandom
		} >"$W/rand.csv"
		cli --db "$W/t.db" import requests --commune 33069 "$W/rand.csv"
		check "input: random bytes after the header ($i): refused or not, no crash, nothing written when refused" \
			'{ [ "$rc" = 0 ] || { [ "$rc" = 1 ] && [ "$(sum "$W/t.db")" = "$before" ]; }; } && no_san'
		[ "$rc" = 0 ] && cp "$W/s.db" "$W/t.db"
	done

	mkdir -p "$W/fresh"
	cli --db "$W/fresh/u.db"
	cli --db "$W/fresh/u.db" import requests "$W/e1.csv"
	check "input: the export of 4000 amounts imports into a fresh database" \
		'[ "$rc" = 0 ] && err_has "4001 saisies importées" && no_san'
	cli --db "$W/fresh/u.db" export requests -o "$W/e2.csv"
	check "input: exported again, every amount the same" \
		'[ "$rc" = 0 ] && cmp -s <(sed "1d; s/,[^,]*,[^,]*\r\$//" "$W/e1.csv" | sort) <(sed "1d; s/,[^,]*,[^,]*\r\$//" "$W/e2.csv" | sort)'
}
