# tests/cli/export.sh - export indicators, suivi.ini, the locale.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# export indicators

HEADER="commune,insee,contrat,domaine,nom du domaine,version de l'annexe,en vigueur depuis,sous-domaine,engagement,intitulé de l'engagement,indicateur,intitulé,définition,périodicité,source,niveau constaté,conditions,type de valeur,unité,échelle,sens,criticités,calcul,choix du suivi"

# csv_facts FILE: what python's csv module makes of it.
csv_facts() {
	"$PY" - "$1" >"$T/facts" <<'EOF'
import csv, io, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")
rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
print("records=%d" % len(rows))
print("widths=" + ",".join(sorted(set(str(len(r)) for r in rows))))
print("crlf=" + ("yes" if data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n") else "no"))
for r in rows[1:]:
    if r[10] == "3.3.2" and r[0] == "Exempleville":
        print("label=" + r[11])
        print("source=" + r[14])
        print("baseline=" + r[15])
EOF
}
fact() { grep -qxF -- "$1" "$T/facts"; }

t_export() { # every locale
	make_db "$T/s.db"
	run --db "$T/s.db" export indicators
	cp "$T/stdout" "$T/all.csv"
	check "export indicators: exit 0" 'st 0'
	check "export indicators: nothing on stderr" 'err_empty'
	check "export indicators: the header line" '[ "$(head -n 1 "$T/all.csv" | tr -d "\r")" = "$HEADER" ]'
	check "export indicators: 26 indicator rows + header" '[ "$(lines "$T/all.csv")" = 27 ]'
	check "export indicators: CRLF line ends (as many CR as lines, CRLF at the end)" \
		'[ "$(tr -cd "\r" <"$T/all.csv" | wc -c | tr -d " ")" = 27 ] && [ "$(tail -c 2 "$T/all.csv" | od -An -c | tr -d " ")" = "\r\n" ]'
	check "export indicators: Le Bouscat has 13 rows of version 1 since 2018-01-01" '[ "$(count_rows "$T/all.csv" "Le Bouscat,nsi,1,2018-01-01")" = 13 ]'
	check "export indicators: Le Haillan has 12 nsi rows of version 0" '[ "$(count_rows "$T/all.csv" "Le Haillan,nsi,0,2017-01-01")" = 12 ]'
	check "export indicators: Le Haillan has 1 eco row of version 0" '[ "$(count_rows "$T/all.csv" "Le Haillan,eco,0,2017-01-01")" = 1 ]'
	if [ -n "$PY" ]; then
		csv_facts "$T/all.csv"
		check "export indicators: python csv reads 27 records of 24 fields" 'fact records=27 && fact widths=24 && fact crlf=yes'
	fi

	run --db "$T/s.db" export indicators --commune "Le Haillan"
	cp "$T/stdout" "$T/haillan.csv"
	check "export --commune \"Le Haillan\": exit 0, 13 rows" 'st 0 && [ "$(lines "$T/haillan.csv")" = 14 ]'
	check "export --commune \"Le Haillan\": only Le Haillan" '[ "$(rows "$T/haillan.csv" | grep -c "^Le Haillan,")" = 13 ]'
	run --db "$T/s.db" export indicators --commune 33200
	check "export --commune 33200 (INSEE): the same 13 rows" 'st 0 && same_file "$T/stdout" "$T/haillan.csv"'
	run --db "$T/s.db" export indicators --commune 33069-2016
	check "export --commune 33069-2016 (identifiant): Le Bouscat's 13 rows" 'st 0 && [ "$(lines "$T/stdout")" = 14 ]'

	run --db "$T/s.db" export indicators --commune Nulle-Part
	check "export --commune unknown: exit 1" 'st 1'
	check "export --commune unknown: says no contract matches" 'err_has "aucun contrat ne correspond à « Nulle-Part »"'
	check "export --commune unknown: no CSV on stdout" 'out_empty'
	run --db "$T/s.db" export indicators --commune Nulle-Part -o "$T/nul.csv"
	check "export -o with an unknown commune: no file, no temporary left" 'st 1 && [ ! -e "$T/nul.csv" ] && [ "$(ls "$T" | grep -c "tmp-")" = 0 ]'

	run --db "$T/s.db" export indicators -o "$T/out.csv"
	check "export -o: exit 0" 'st 0'
	check "export -o: says where" 'err_has "suivi : indicateurs exportés dans $T/out.csv"'
	check "export -o: the file is 0600" 'mode_is 600 "$T/out.csv"'
	check "export -o: same content as on stdout" 'same_file "$T/out.csv" "$T/all.csv"'
	check "export -o: nothing on stdout" 'out_empty'
	echo "ancien" >"$T/old.csv"
	run --db "$T/s.db" export indicators -o "$T/old.csv"
	check "export -o over an existing file: exit 1" 'st 1'
	check "export -o over an existing file: asks for --force" 'err_has "existe déjà : ajoutez --force"'
	check "export -o over an existing file: file unchanged" '[ "$(cat "$T/old.csv")" = ancien ]'
	run --db "$T/s.db" export indicators -o "$T/old.csv" --force
	check "export -o --force: replaces it" 'st 0 && same_file "$T/old.csv" "$T/all.csv" && mode_is 600 "$T/old.csv"'
	run --db "$T/s.db" export indicators -o -
	check "export -o - writes to standard output" 'st 0 && [ ! -e "$T/-" ] && same_file "$T/stdout" "$T/all.csv"'
	run --db "$T/absente.db" export indicators
	check "export from a missing database: exit 1, not created" 'st 1 && [ ! -e "$T/absente.db" ] && out_empty'
	run --db "$T/s.db" export indicators -o "$T/pas/de/dossier.csv"
	check "export -o into a missing folder: exit 1, in French" 'st 1 && err_has "fichier ou dossier introuvable"'

	# Quoting: a comma, a quote, a would-be formula.
	run --db "$T/s.db" import "$FIX/exempleville.ini"
	run --db "$T/s.db" export indicators --commune Exempleville -o "$T/ex.csv"
	check "export: a cell with a comma and quotes is quoted, quotes doubled" 'st 0 && grep -qF "\"Délai \"\"moyen\"\", en jours, des demandes\"" "$T/ex.csv"'
	check "export: a cell with a comma is quoted" 'grep -qF ",\"Enquête, puis bilan\"," "$T/ex.csv"'
	check "export: a cell starting with = is neutralised with an apostrophe" "grep -qF \",'=1+1,\" \"\$T/ex.csv\""
	if [ -n "$PY" ]; then
		csv_facts "$T/ex.csv"
		check "export: python csv parses it, 24 fields on every line" 'fact records=4 && fact widths=24 && fact crlf=yes'
		check "export: python csv gets the quoted cells back" 'fact "label=Délai \"moyen\", en jours, des demandes" && fact "source=Enquête, puis bilan" && fact "baseline='"'"'=1+1"'
	fi
}

t_export_latest() {
	make_db "$T/s.db"
	run --db "$T/s.db" import "$FIX/exempleville.ini" "$FIX/exempleville-2021.ini"
	check "two contracts of one commune import" 'st 0'
	run --db "$T/s.db" export indicators --commune Exempleville
	check "--commune NAME with two contracts: the one that starts last" 'st 0 && [ "$(lines "$T/stdout")" = 2 ] && grep -q "^Exempleville,33999,33999-2021," "$T/stdout"'
	run --db "$T/s.db" export indicators --commune 33999-2017
	check "--commune IDENTIFIANT: that very contract" 'st 0 && [ "$(lines "$T/stdout")" = 4 ] && [ "$(grep -c "^Exempleville,33999,33999-2017," "$T/stdout")" = 3 ]'
	run --db "$T/s.db" export indicators
	check "export of all contracts: 26 + 3 + 1 rows" 'st 0 && [ "$(lines "$T/stdout")" = 31 ]'
}

# --------------------------------------------------------------------------
# suivi.ini

t_config() { # every locale
	make_db "$T/s.db"
	printf '[suivi]\nreferent = Marie Martin\ninconnue = 1\n\n[ecran]\ntaille = 3\n' >"$T/reglages.ini"
	run --config "$T/reglages.ini" --db "$T/s.db" check
	check "config with an unknown key: the command succeeds" 'st 0 && out_has "Verdict : base saine"'
	check "config with an unknown key: warning with FILE:LINE" 'err_at "$T/reglages.ini:3: " "avertissement : clé « inconnue » inconnue"'
	check "config with an unknown section: warning with FILE:LINE" 'err_at "$T/reglages.ini:5: " "section [ecran] inconnue"'

	printf '[suivi]\nreferent = Marie Martin\n\n[affichage]\ncouleurs = peut-être\n' >"$T/mauvais.ini"
	run --config "$T/mauvais.ini" --db "$T/neuve.db"
	check "config couleurs = peut-être: exit 1" 'st 1'
	check "config couleurs = peut-être: FILE:LINE and the allowed values" 'err_at "$T/mauvais.ini:5: " "« couleurs » vaut oui, non ou auto, pas « peut-être »"'
	check "config refused: the command does not run" 'out_empty && [ ! -e "$T/neuve.db" ]'

	run --config "$T/absent.ini" --db "$T/s.db" check
	check "missing --config file: exit 1" 'st 1'
	check "missing --config file: named" 'err_at "$T/absent.ini: " "lecture impossible"'

	# base = …, relative to the folder of the configuration file.
	mkdir "$T/conf"
	printf '[suivi]\nbase = donnees/suivi.db\n' >"$T/conf/suivi.ini"
	run --config "$T/conf/suivi.ini"
	check "config base = donnees/suivi.db: exit 0" 'st 0'
	check "config base: the database is beside the configuration file" '[ -f "$T/conf/donnees/suivi.db" ] && out_has "Base : $T/conf/donnees/suivi.db"'
	check "config base: not in XDG_DATA_HOME" '[ ! -e "$XDG_DATA_HOME/suivi/suivi.db" ]'
	run --config "$T/conf/suivi.ini" --db "$T/s.db" check
	check "--db wins over base =" 'st 0 && out_has "Base : $T/s.db "'

	env -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME "$SUIVI" >"$T/stdout" 2>"$T/stderr"
	rc=$?
	check "no HOME, no XDG_DATA_HOME, no base =: exit 2 asking for --db" 'st 2 && err_has "utilisez --db FICHIER"'
	env -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME "$SUIVI" --db "$T/s.db" check >"$T/stdout" 2>"$T/stderr"
	rc=$?
	check "no HOME, no XDG_DATA_HOME: --db FILE is enough" 'st 0 && out_has "Verdict : base saine"'
	XDG_DATA_HOME=relatif "$SUIVI" >"$T/stdout" 2>"$T/stderr"
	rc=$?
	check "a relative XDG_DATA_HOME is ignored (HOME/.local/share)" 'st 0 && [ -f "$HOME/.local/share/suivi/suivi.db" ] && [ ! -e "$T/relatif" ]'

	# The default configuration file, ~ in base, ISO dates.
	mkdir -p "$XDG_CONFIG_HOME/suivi"
	printf '[suivi]\nbase = ~/ma-base.db\n\n[affichage]\nformat_date = aaaa-mm-jj\n' >"$XDG_CONFIG_HOME/suivi/suivi.ini"
	run
	check "default config: base = ~/ma-base.db is in HOME" 'st 0 && [ -f "$HOME/ma-base.db" ]'
	check "default config: format_date = aaaa-mm-jj shows ISO dates" 'out_has "depuis le 2016-02-15, 1 avenant" && out_has "annexes en vigueur le 2026-11-23"'
}

# --------------------------------------------------------------------------
# The same results whatever the locale (numbers and dates are ours)

t_locale() { # every locale
	make_db "$T/s.db"
	run --db "$T/s.db" import "$FIX/exempleville.ini" "$FIX/exempleville-avenant-1.ini"
	cp "$BAD/plusieurs.ini" "$T/plusieurs.ini"
	# Relative names (cwd is $T), so that word splitting of $cmd is safe.
	for cmd in summary "export indicators" "export indicators --date 31/12/2019" \
		"validate plusieurs.ini" "validate ligne.ini" check; do
		case $cmd in *ligne.ini)
			awk 'BEGIN { printf "[contrat]\nmaire = %s\n", "\303\251\303\251" }' >"$T/ligne.ini" ;;
		esac
		# shellcheck disable=SC2086
		run_in C --db s.db $cmd
		cp "$T/stdout" "$T/c.out"
		cp "$T/stderr" "$T/c.err"
		c_rc=$rc
		# shellcheck disable=SC2086
		run --db s.db $cmd
		check "same output as under LC_ALL=C: suivi $cmd" '[ "$rc" = "$c_rc" ] && same_file "$T/stdout" "$T/c.out" && same_file "$T/stderr" "$T/c.err"'
	done
	run --db "$T/s.db" export indicators --date 2019-12-31
	cp "$T/stdout" "$T/iso.csv"
	run --db "$T/s.db" export indicators --date 31/12/2019
	check "export --date 31/12/2019 equals --date 2019-12-31" 'st 0 && same_file "$T/stdout" "$T/iso.csv"'
	run --db "$T/s.db" export indicators --date 1/1/2020
	check "export --date 1/1/2020 (one digit) is accepted" 'st 0 && [ "$(count_rows "$T/stdout" "Exempleville,nsi,1,2020-01-01")" = 3 ]'
	run --db "$T/s.db"
	check "summary shows dates as JJ/MM/AAAA" 'st 0 && out_has "depuis le 01/01/2017" && out_has "annexes en vigueur le 23/11/2026"'
}
