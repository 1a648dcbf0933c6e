# tests/cli/usage.sh - the command line: usage, help, the first run.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# Command line

help_lists_commands() {
	for c in import validate check backup export summary; do
		grep -q "^  $c " "$T/stdout" || return 1
	done
}

# The descriptions of the commands start in the same column (characters,
# not bytes: "FICHIER…" is 8 characters wide).
help_aligned() {
	"$PY" - "$T/stdout" <<'EOF'
import re, sys
cols = set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^  ((?:import|validate|check|backup|export|summary)\b.*?)\s{2,}(\S)", line)
    if m:
        cols.add(m.start(2))
sys.exit(0 if len(cols) == 1 else 1)
EOF
}

t_usage() { # every locale
	run --help
	check "--help exits 0" 'st 0'
	check "--help lists every command" 'help_lists_commands'
	check "--help prints the usage line" 'out_has "usage : suivi [--db FICHIER] [--config FICHIER] [COMMANDE …]"'
	check "--help writes nothing on stderr" 'err_empty'
	if [ -n "$PY" ]; then
		check "--help aligns the command descriptions in one column" 'help_aligned'
	fi
	run -h
	check "-h exits 0 with the usage" 'st 0 && out_has "usage : suivi"'
	check "--help creates no database" '[ ! -e "$XDG_DATA_HOME/suivi/suivi.db" ]'

	run --version
	check "--version exits 0" 'st 0'
	check "--version prints 'suivi X.Y.Z'" 'grep -qx "suivi [0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*" "$T/stdout" && [ "$(lines "$T/stdout")" = 1 ]'
	run -V
	check "-V prints the version" 'st 0 && grep -qx "suivi [0-9.]*" "$T/stdout"'

	run --bogus
	check "unknown option exits 2" 'st 2'
	check "unknown option is named in French" 'err_has "suivi : option inconnue « --bogus »" && err_has "suivi --help"'
	check "unknown option prints nothing on stdout" 'out_empty'

	run frobnicate
	check "unknown command exits 2" 'st 2'
	check "unknown command is named" 'err_has "commande inconnue « frobnicate »"'

	run import
	check "import without a file exits 2" 'st 2'
	check "import without a file says so" 'err_has "import : donnez au moins un fichier"'
	check "import without a file creates no database" '[ ! -e "$XDG_DATA_HOME/suivi/suivi.db" ]'

	run --db
	check "--db without a value exits 2" 'st 2'
	check "--db without a value says so" 'err_has "--db attend un fichier"'
	run --config
	check "--config without a value exits 2" 'st 2 && err_has "--config attend un fichier"'

	run validate
	check "validate without a file exits 2" 'st 2 && err_has "validate : donnez au moins un fichier"'
	run import --quiet "$FIX/exempleville.ini"
	check "import with an unknown option exits 2" 'st 2 && err_has "option inconnue « --quiet »"'
	run export
	check "export without a kind exits 2" 'st 2 && err_has "indicators"'
	run export indicators --date 2019-02-30
	check "export with an impossible date exits 2" 'st 2 && err_has "date « 2019-02-30 » invalide"'
	run check extra
	check "check with an argument exits 2" 'st 2'
	run check --db "$T/s.db"
	check "an option after the command is a usage error (2)" 'st 2 && [ ! -e "$T/s.db" ]'
	run --db="$T/egal.db" -- check
	check "--db=FILE and -- are understood" 'st 1 && err_has "la base $T/egal.db n'"'"'existe pas"'
	run backup
	check "backup without a destination exits 2" 'st 2 && err_has "backup : donnez le fichier de destination"'
}

# --------------------------------------------------------------------------
# First run

t_first_run() { # every locale
	db=$T/sub/dir/s.db
	run --db "$db"
	check "first run exits 0" 'st 0'
	check "first run creates the missing folders 0700" 'mode_is 700 "$T/sub" && mode_is 700 "$T/sub/dir"'
	check "first run creates the database 0600" 'mode_is 600 "$db"'
	check "first run says it created the database" 'err_has "suivi : nouvelle base $db"'
	check "first run imports le-bouscat.ini" 'err_has "$BUNDLED/le-bouscat.ini : contrat 33069-2016 (Le Bouscat) importé"'
	check "first run imports le-haillan.ini" 'err_has "$BUNDLED/le-haillan.ini : contrat 33200-2017 (Le Haillan) importé"'
	check "first run imports the avenant n°1" 'err_has "$BUNDLED/le-bouscat-avenant-1.ini : avenant n°1 du contrat 33069-2016 importé"'
	check "summary counts two contracts" 'out_has "2 contrats"'
	check "summary shows Le Haillan" 'out_has "Le Haillan (INSEE 33200) : contrat 33200-2017, depuis le 01/01/2017, 0 avenant"'
	check "summary shows Le Bouscat with its avenant" 'out_has "Le Bouscat (INSEE 33069) : contrat 33069-2016, depuis le 15/02/2016, 1 avenant"'
	check "summary shows the annex of the avenant n°1 in force" 'out_has "(nsi), avenant n°1, depuis le 01/01/2018"'
	check "summary counts the indicators in force" 'out_has "13 indicateurs" && out_has "12 indicateurs" && out_has ", 1 indicateur"'
	check "summary dates are those of SUIVI_TODAY" 'out_has "annexes en vigueur le 23/11/2026"'
	cp "$db" "$T/after-first"

	run --db "$db"
	check "second run exits 0" 'st 0'
	check "second run does not create again" '! err_has "nouvelle base"'
	check "second run does not re-import" '! err_has "importé" && out_has "2 contrats"'
	check "second run leaves the database byte for byte" 'same_file "$db" "$T/after-first"'
}

t_default_location() {
	run
	check "without --db the database goes to XDG_DATA_HOME/suivi/suivi.db" 'st 0 && [ -f "$XDG_DATA_HOME/suivi/suivi.db" ]'
	check "the default database is 0600 in a 0700 folder" 'mode_is 600 "$XDG_DATA_HOME/suivi/suivi.db" && mode_is 700 "$XDG_DATA_HOME/suivi"'
}

t_no_bundled() {
	SUIVI_DATADIR=$T/nulle-part
	run --db "$T/s.db"
	SUIVI_DATADIR=$TOP/share/suivi
	check "SUIVI_DATADIR without contracts: the database is created empty" 'st 0 && out_has "0 contrat" && mode_is 600 "$T/s.db"'
	check "SUIVI_DATADIR without contracts: says so" 'err_has "contrats fournis introuvables (SUIVI_DATADIR) : base créée vide"'
}

t_first_run_failed() {
	SUIVI_DATADIR=$FIX/datadir-casse
	run --db "$T/s.db"
	SUIVI_DATADIR=$TOP/share/suivi
	check "first run with a broken bundled contract exits 1" 'st 1'
	check "first run names the broken bundled file and line" 'err_at "$FIX/datadir-casse/contrats/casse.ini:18: " "périodicité"'
	check "a failed first run leaves no half-made database behind" '[ ! -e "$T/s.db" ]'
	run --db "$T/s.db"
	check "the next first run imports the bundled contracts" 'st 0 && err_has "nouvelle base" && out_has "2 contrats"'
}
