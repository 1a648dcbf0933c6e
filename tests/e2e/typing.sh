# tests/e2e/typing.sh - typing is never a command (sourced by run.sh).
#
# Every printable character typed in a text field or a text cell is
# text: what the database holds afterwards is compared byte for byte
# with what was typed (python3's sqlite3 reads it; skipped without it).

# Every printable ASCII character, accented, wide, combining and emoji.
TYPING_ASCII=' !"#$%&'"'"'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~'
TYPING_ALL="${TYPING_ASCII} éèêàçùœ ÉÀÇŒ « » – € 日本語 é 👍🏽 👨‍👩‍👧"

# typing_db SQL: the rows SQL selects, each field on its own line as
# python's repr (bytes for bytes).
typing_db() {
	python3 -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    for v in r: print(repr(v))' "$E2E_DIR/home/.local/share/suivi/suivi.db" "$1"
}

# typing_same NAME SQL WANT…: the fields SQL selects are WANT, in order.
typing_same() {
	local name=$1 sql=$2 got want
	shift 2
	got=$(typing_db "$sql")
	want=$(python3 -c 'import sys
for v in sys.argv[1:]: print(repr(v))' "$@")
	if [ "$got" = "$want" ]; then
		ok "$name"
	else
		not_ok "$name : la base a
$got
au lieu de
$want"
	fi
}

# The grid's cursor on indicator CODE (first criticality), from the top.
typing_grid_to() {
	local i
	keys g
	for i in $(seq 1 40); do
		screen | grep -q "^$1 · " && return 0
		keys Down
		sleep 0.03
	done
	not_ok "curseur sur $1"
}

s_typing_letters() {
	if ! command -v python3 >/dev/null; then
		echo "# skip - s_typing_letters : python3 absent"
		return
	fi
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	# a request whose requester and object hold the letters that were
	# commands in forms (k: previous field, j…)
	keys 3
	wait_for "Saisines : 0"
	keys n
	wait_for "Nouvelle saisine"
	keys Tab Tab Tab Tab Tab
	text "jkl hjkl qgG"
	keys Tab
	text "abckdef $TYPING_ALL"
	keys Enter
	expect "formulaire : enregistrée" "Saisine enregistrée : abckdef"
	typing_same "formulaire : le demandeur et l'objet tels que tapés (k, j, h, l, q, g, G compris)" \
		"SELECT requester, object FROM request" \
		"jkl hjkl qgG" "abckdef $TYPING_ALL"
	# a text cell of the grid: a word starting with h (the history), o,
	# x (clear), c (comment), u (undo) is typed into the cell
	keys 2
	wait_for "Tableau de bord 2026"
	typing_grid_to 3.2.1
	expect "case de texte : la ligne d'état dit que les lettres s'y écrivent" \
		"Case de texte : tapez le texte"
	text "horaires : lundi-vendredi 8h30-12h, 13h-17h; xcu $TYPING_ASCII"
	keys Enter
	expect "case de texte : enregistrée" "Enregistré : 3.2.1"
	typing_same "case de texte : la valeur telle que tapée" \
		"SELECT m.text FROM measurement m JOIN indicator i ON i.uid = m.indicator_uid WHERE i.code = '3.2.1'" \
		"horaires : lundi-vendredi 8h30-12h, 13h-17h; xcu $TYPING_ASCII"
	# on a text cell the commands are Alt+letter
	typing_grid_to 3.2.1
	keys M-h
	expect "Alt+h : l'historique de la case de texte" "Historique"
	keys Escape
	e2e_stop
}
