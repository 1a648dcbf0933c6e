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

# On the Saisines screen: a new request, the cursor on its object.
typing_request_object() {
	keys n
	wait_for "Nouvelle saisine"
	keys Tab Tab Tab Tab Tab Tab
}

# From any screen, the Litiges screen (none yet), a new dispute, the
# cursor on its object.
typing_dispute_object() {
	keys M-4
	wait_for "Litiges : 0"
	keys n
	wait_for "Ouvrir un litige"
	keys Tab
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
	expect "… et que F10 quitte (q s'y écrit)" "F10 quitter"
	text "horaires : lundi-vendredi 8h30-12h, 13h-17h; xcu $TYPING_ASCII"
	keys Enter
	expect "case de texte : enregistrée" "Enregistré : 3.2.1"
	typing_same "case de texte : la valeur telle que tapée" \
		"SELECT m.text FROM measurement m JOIN indicator i ON i.uid = m.indicator_uid WHERE i.code = '3.2.1'" \
		"horaires : lundi-vendredi 8h30-12h, 13h-17h; xcu $TYPING_ASCII"
	# a yes/no cell: vrai, yes are typed (v and y are commands elsewhere)
	typing_grid_to 1.1.1
	text "vrai"
	keys Enter
	expect "case oui/non : « vrai » tapé, pas de boîte ouverte" "Enregistré : 1.1.1"
	expect "… et lu oui" "= oui"
	# on a text cell the commands are Alt+letter
	typing_grid_to 3.2.1
	keys M-h
	expect "Alt+h : l'historique de la case de texte" "Historique"
	keys Escape
	e2e_stop
}

# Every form and text cell: the same text typed in each field, saved, and
# what the database holds compared byte for byte.
# Keys that reach suivi in one read (a fast typist, a loaded machine, a
# macro): the text typed in a field, then Tab, stays in that field.
s_typing_batched() {
	if ! command -v python3 >/dev/null; then
		echo "# skip - s_typing_batched : python3 absent"
		return
	fi
	e2e_start -s 120x40 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys M-3
	wait_for "Saisines : 0"
	keys n
	wait_for "Nouvelle saisine"
	# one tmux command: every byte in one write
	tm send-keys -t e2e Tab Tab Tab Tab Tab "Mme Durand" Tab \
		"Serveur de messagerie en panne" Tab C-u "02/11/2026 09:00" \
		BTab BTab "!" Enter
	expect "tout d'un coup : enregistrée" "Saisine enregistrée : Serveur de messagerie en panne"
	typing_same "tout d'un coup : chaque texte dans son champ" \
		"SELECT requester || '|' || object || '|' || received_at FROM request" \
		"Mme Durand!|Serveur de messagerie en panne|2026-11-02T09:00"
	e2e_stop
}

s_typing_forms() {
	local T="<$TYPING_ALL>"
	if ! command -v python3 >/dev/null; then
		echo "# skip - s_typing_forms : python3 absent"
		return
	fi
	e2e_start -s 120x40 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	# litiges: opening, a step, the closure
	typing_dispute_object
	text "$T"
	keys Tab
	text fond
	keys Enter Enter
	expect "litige : ouvert" "Litige ouvert"
	typing_same "litige : l'objet tel que tapé" "SELECT object FROM dispute" "$T"
	keys a
	wait_for "Étape au niveau 1"
	keys Tab Tab
	text "P$T"
	keys Tab
	text "N$T"
	keys Tab
	text compromis
	keys Enter Enter
	expect "étape : enregistrée" "Étape enregistrée au niveau 1"
	typing_same "étape : positions et notes telles que tapées" \
		"SELECT positions, notes FROM arbitration_step" "P$T" "N$T"
	keys c
	wait_for "Clore le litige"
	keys Tab
	text "S$T"
	keys Enter
	expect "clôture : enregistrée" "Litige clos"
	typing_same "clôture : la solution telle que tapée" "SELECT solution FROM dispute" "S$T"
	# réunions: the meeting, a participant, a decision, an action
	keys 5
	wait_for "Aucune réunion"
	keys n
	wait_for "Prévoir une réunion"
	keys Tab Tab
	text "L$T"
	keys Tab
	text "N$T"
	keys Enter
	expect "réunion : prévue" "Réunion de suivi du 23/11/2026"
	typing_same "réunion : lieu et notes tels que tapés" "SELECT place, notes FROM meeting" "L$T" "N$T"
	keys p
	wait_for "Ajouter un participant"
	text "M$T"
	keys Tab
	text "F$T"
	keys Enter
	expect "participant : ajouté" "Participant ajouté"
	typing_same "participant : nom et fonction tels que tapés" \
		"SELECT name, function FROM meeting_attendee" "M$T" "F$T"
	keys d
	wait_for "Décision"
	text "D$T"
	keys Enter
	expect "décision : notée" "Décision"
	typing_same "décision : le texte tel que tapé" "SELECT text FROM decision" "D$T"
	keys a
	wait_for "Ajouter une action au plan"
	text "A$T"
	keys Tab
	text "Q$T"
	keys Enter
	expect "action : ajoutée" "Action ajoutée"
	typing_same "action : quoi et qui tels que tapés" "SELECT what, owner FROM action_item" "A$T" "Q$T"
	# rapports: the observations of a domain
	keys 6
	wait_for "format :"
	keys j j j Enter
	wait_for "Observations 2026"
	text "O$T"
	keys Enter
	expect "observations : enregistrées" "enregistrées"
	typing_same "observations : le texte tel que tapé" "SELECT text FROM observation" "O$T"
	# the grid: a comment
	keys 2
	wait_for "Tableau de bord 2026"
	typing_grid_to 3.3.1
	keys c
	wait_for "Commentaire"
	text "C$T"
	keys Enter
	expect "commentaire : enregistré" "Commentaire enregistré"
	typing_same "commentaire : le texte tel que tapé" \
		"SELECT comment FROM measurement WHERE comment IS NOT NULL" "C$T"
	# saisines (Alt+3: in the grid a digit is a value): an exceptional
	# request's own fields
	keys M-3
	wait_for "Saisines : 0"
	keys n
	wait_for "Nouvelle saisine"
	text exc
	keys Enter
	wait_for "Ce qui est demandé"
	keys Tab Tab Tab Tab Tab
	text "R$T"
	keys Tab
	text "O$T"
	keys Tab Tab Tab Tab Tab Tab
	text "W$T"
	keys Tab
	text "P$T"
	keys Tab
	text "D$T"
	keys Tab
	text "B$T"
	keys Tab
	text "06/11/2026"
	keys Enter
	expect "demande exceptionnelle : enregistrée" "Saisine enregistrée"
	typing_same "demande exceptionnelle : ses textes tels que tapés" \
		"SELECT r.requester, r.object, x.asked, x.proposal, x.decision, x.decided_by FROM request r JOIN exceptional_request x ON x.request_uid = r.uid" \
		"R$T" "O$T" "W$T" "P$T" "D$T" "B$T"
	e2e_stop
}

# The field editor: the caret moves, text goes in where it is; long
# texts wrap and take line breaks; a bracketed paste goes in whole (64 Kio
# in a form, 1 Mio in under a second); a resize storm while typing loses
# nothing; Ctrl+C asks before dropping; Ctrl+Z suspends and fg comes back.
s_typing_editor() {
	local big t0 t1
	if ! command -v python3 >/dev/null; then
		echo "# skip - s_typing_editor : python3 absent"
		return
	fi
	e2e_start -s 100x30 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	typing_dispute_object
	text "début fin"
	keys Left Left Left
	text "milieu "
	keys Home
	text "["
	keys End
	text "]"
	keys C-Left C-Left
	text "x"
	keys C-w
	text "très "
	keys C-e BSpace C-a Delete
	text "("
	keys End
	text ")"
	expect "l'objet corrigé au milieu" "(début très milieu fin)"
	# a line break in a long text, the caret on the second row
	keys C-j
	text "seconde ligne"
	expect "Ctrl+J : une seconde ligne" "seconde ligne"
	local cy
	cy=$(tm display -p -t e2e '#{cursor_y}')
	[ "$(tm display -p -t e2e '#{cursor_flag}')" = 1 ] && ok "le curseur est visible dans le champ" ||
		not_ok "le curseur est visible dans le champ"
	# a resize storm while typing keeps every character
	for i in 1 2 3 4 5 6; do
		resize $((80 + i * 7)) $((24 + i))
		text "$i"
	done
	resize 100 30
	keys Tab
	text fond
	keys Enter Enter
	expect "le litige s'ouvre" "Litige ouvert"
	typing_same "l'objet : édité au milieu, deux lignes, rien perdu dans les redimensionnements" \
		"SELECT object FROM dispute" "(début très milieu fin)
seconde ligne123456"
	# 64 Kio pasted (bracketed) into the solution
	keys c
	wait_for "Clore le litige"
	keys Tab
	big=$(python3 -c 'import sys; sys.stdout.write(("é€日 abc\n" * 8000)[:32768] + "FIN")')
	printf '%s' "$big" >"$E2E_DIR/paste64"
	tm load-buffer -b p64 "$E2E_DIR/paste64"
	tm paste-buffer -p -b p64 -t e2e
	keys Enter
	expect "64 Kio collés : enregistrés" "Litige clos"
	typing_same "64 Kio collés : la solution octet pour octet" "SELECT solution FROM dispute" "$big"
	# Ctrl+C in a form asks when something was typed
	keys 3
	wait_for "Saisines : 0"
	typing_request_object
	text "abc"
	keys C-c
	expect "Ctrl+C dans un formulaire : comme Échap, demande" "Abandonner ce qui a été tapé ? (o/N)"
	keys n
	expect "n : le formulaire reste" "Nouvelle saisine"
	# Ctrl+Z without job control: said, nothing lost
	keys C-z
	expect "Ctrl+Z sans shell qui reprend : la ligne d'état le dit" "pas de suspension ici"
	# 1 Mio pasted into the object: in under a second
	keys C-u
	# just under 1 Mio of UTF-8 (the limit of a long text), lines and
	# accents included
	python3 -c 'import sys
b = ("Ligne de texte collé, avec des accents éèà et 日本.\n" * 30000).encode()[:1048000]
sys.stdout.write(b.decode(errors="ignore"))' >"$E2E_DIR/paste1m"
	tm load-buffer -b p1m "$E2E_DIR/paste1m"
	t0=$(now_ms)
	tm paste-buffer -p -b p1m -t e2e
	text "FIN"
	if poll_for "FIN"; then
		t1=$(now_ms)
		echo "# 1 Mio collé et affiché en $((t1 - t0)) ms"
		[ $((t1 - t0)) -lt 3000 ] && ok "1 Mio collé en $((t1 - t0)) ms" ||
			not_ok "1 Mio collé en $((t1 - t0)) ms (> 3 s)"
	else
		not_ok "1 Mio collé : jamais affiché"
	fi
	keys Enter
	expect "1 Mio collé : la saisine enregistrée" "Saisine enregistrée"
	if [ "$(typing_db "SELECT length(CAST(object AS BLOB)) FROM request")" = "$(($(wc -c <"$E2E_DIR/paste1m") + 3))" ]; then
		ok "1 Mio collé : l'objet entier dans la base"
	else
		not_ok "1 Mio collé : la base a $(typing_db "SELECT length(CAST(object AS BLOB)) FROM request") octets"
	fi
	# 100 000 é sent as keys, without the paste's brackets (a terminal
	# that has not the mode): every one kept, in seconds
	typing_request_object
	python3 -c 'import sys; sys.stdout.write("é" * 100000 + "FIN")' >"$E2E_DIR/keys100k"
	tm load-buffer -b k100k "$E2E_DIR/keys100k"
	t0=$(now_ms)
	tm paste-buffer -b k100k -t e2e
	if poll_for "FIN"; then
		t1=$(now_ms)
		echo "# 100 000 é tapés (sans crochets de collage) en $((t1 - t0)) ms"
		ok "100 000 é en touches : affichés en $((t1 - t0)) ms"
	else
		not_ok "100 000 é en touches : jamais affichés"
	fi
	keys Enter
	wait_for "Saisine enregistrée"
	typing_same "100 000 é en touches : tous dans la base" \
		"SELECT CAST(count(*) AS TEXT) FROM request WHERE object = replace(hex(zeroblob(100000)), '00', 'é') || 'FIN'" \
		1
	# more than the limit: refused whole, said, the text kept
	typing_request_object
	text "gardé"
	tm paste-buffer -p -b p1m -t e2e
	tm paste-buffer -p -b p1m -t e2e
	expect "2 Mio collés : refusés, la limite dite" "1 Mio (1 048 576 octets) au plus"
	keys End
	text "!"
	expect "… et le texte d'avant reste" "!"
	e2e_stop
}

# Ctrl+Z under a shell with job control: suspended, fg brings the form
# back as it was.
s_typing_suspend() {
	e2e_start -s 100x30 "${E2E_EXTRA[@]}" -- --version
	wait_for "[[exit="
	tm respawn-pane -k -t e2e "env -i PATH=$PATH HOME=$E2E_DIR/home TERM=tmux-256color LANG=$E2E_LOCALE PS1='$ ' bash --norc --noprofile -i"
	sleep 0.3
	text "SUIVI_DATADIR=$E2E_TOP/share/suivi SUIVI_TODAY=2026-11-23 $SUIVI"
	keys Enter
	wait_for "Identifiant : 33069-2016"
	keys 3 n
	wait_for "Nouvelle saisine"
	keys Tab Tab Tab Tab Tab Tab
	text "Objet avant Ctrl+Z"
	keys C-z
	expect "Ctrl+Z : suivi suspendu, le shell reprend la main" "[1]+"
	text "fg"
	keys Enter
	expect "fg : le formulaire revient avec le texte" "Objet avant Ctrl+Z"
	expect "… et le dit" "De retour : rien n'a été perdu"
	keys Enter
	expect "… et s'enregistre" "Saisine enregistrée : Objet avant Ctrl+Z"
	keys q
	wait_for "$ "
	e2e_cleanup
}

# Correcting what was recorded: a decision and an action of a meeting
# (corrected, deleted; once the meeting is closed, with a reason), steps
# and the closure of a dispute, an exceptional request's decision; every
# change in the history.
s_corrections() {
	if ! command -v python3 >/dev/null; then
		echo "# skip - s_corrections : python3 absent"
		return
	fi
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	suivi_cli meeting add --commune "Le Bouscat" --kind suivi --date 20/11/2026 >/dev/null
	suivi_cli meeting decision --meeting 20/11/2026 --commune "Le Bouscat" --text "Décision mal tapée" >/dev/null
	suivi_cli meeting action --meeting 20/11/2026 --commune "Le Bouscat" --what "Action en trop" --owner "M. Martin" >/dev/null
	suivi_cli meeting action --meeting 20/11/2026 --commune "Le Bouscat" --what "Action à garder" >/dev/null
	keys M-5
	wait_for "20/11/2026"
	keys Enter
	wait_for "Réunion de suivi du 20/11/2026"
	keys /
	text "mal tapée"
	keys Enter
	keys e
	expect "e sur une décision : le formulaire de correction" "Corriger la décision n° 1"
	keys C-u
	text "Décision corrigée"
	keys Enter
	expect "décision corrigée" "Décision n° 1 corrigée"
	typing_same "la décision corrigée dans la base" "SELECT text FROM decision" "Décision corrigée"
	keys /
	text "en trop"
	keys Enter
	keys DC
	expect "Suppr sur une action : demande d'abord" "Supprimer l'action « Action en trop » du plan ? (o/N)"
	keys o
	expect "action supprimée" "Action supprimée du plan"
	typing_same "une action reste" "SELECT what FROM action_item" "Action à garder"
	keys c
	wait_for "Clore la réunion"
	keys o
	wait_for "Réunion close"
	keys /
	text "corrigée"
	keys Enter
	keys e
	wait_for "Corriger la décision n° 1"
	keys End
	text " (bis)"
	keys Enter
	expect "réunion close : la raison est demandée" "Réunion du 20/11/2026 close : raison du changement"
	keys Enter
	expect "une raison vide est redemandée" "La raison est nécessaire"
	text "faute de frappe"
	keys Enter
	expect "corrigée avec sa raison" "Décision n° 1 corrigée"
	typing_same "la décision corrigée après la clôture" "SELECT text FROM decision" "Décision corrigée (bis)"
	keys h
	expect "h : l'historique de la réunion" "Historique de la réunion du 20/11/2026"
	expect "… la décision modifiée" "décision modifiée"
	expect "… l'action supprimée" "action supprimée"
	expect "… la raison" "raison : faute de frappe"
	keys Escape

	# a dispute: two steps, the first corrected, the second deleted, the
	# closure corrected, then reopened
	keys M-4
	wait_for "Litiges : 0"
	keys n
	wait_for "Ouvrir un litige"
	keys Tab
	text "Litige à corriger"
	keys Tab
	text fond
	keys Enter Enter
	wait_for "Litige ouvert"
	keys a
	wait_for "Étape au niveau 1"
	keys Enter
	wait_for "Étape enregistrée au niveau 1"
	keys a
	wait_for "Étape au niveau 2"
	keys Tab Tab Tab Tab
	text compromis
	keys Enter Enter
	wait_for "Étape enregistrée au niveau 2"
	keys e
	expect "e sur la page : choisir l'étape" "Corriger (2/2)"
	keys Up Enter
	expect "le formulaire de l'étape 1" "Corriger l'étape 1 (niveau 1)"
	keys Tab Tab
	text "Positions précisées"
	keys Enter
	expect "étape corrigée" "Étape corrigée"
	typing_same "l'étape corrigée dans la base" "SELECT positions FROM arbitration_step WHERE level = 1" "Positions précisées"
	keys DC
	wait_for "Supprimer une étape"
	keys Up Enter
	wait_for "Supprimer l'étape 1"
	keys o
	expect "l'étape 1 ne se supprime pas : la suivante en dépend" "ne suivrait plus les règles"
	keys c
	wait_for "Clore le litige"
	keys Tab
	text "Solution première"
	keys Enter
	wait_for "Litige clos"
	keys e
	wait_for "Corriger (3/3)"
	keys Enter
	expect "e : corriger la clôture" "Corriger la clôture"
	keys Tab C-u
	text "Solution corrigée"
	keys Enter
	expect "litige clos : la raison demandée" "raison du changement"
	text "mot oublié"
	keys Enter
	expect "clôture corrigée" "Clôture corrigée"
	typing_same "la solution corrigée" "SELECT solution FROM dispute" "Solution corrigée"
	keys R
	expect "R : rouvrir, en le demandant" "Rouvrir le litige"
	keys o
	wait_for "raison de la réouverture"
	text "nouvel élément"
	keys Enter
	expect "rouvert" "Litige rouvert"
	typing_same "rouvert : plus de solution" "SELECT coalesce(solution, 'aucune') FROM dispute" "aucune"
	keys h
	expect "h : l'historique, la clôture modifiée" "clôture modifiée"
	expect "… la réouverture" "réouverture"
	expect "… sa raison" "raison : nouvel élément"
	keys Escape

	# an exceptional request's decision, erased
	printf '%s\r\n' "commune,nature de saisine,forme,domaine,nature,objet,reçue,demande,décision,décidé par,décidé le" \
		"Le Bouscat,exceptionnelle,courrier,nsi,demande,Caméras,2026-11-06 09:00,Trois caméras,Accordé,DGA,2026-11-10" >"$E2E_DIR/exc.csv"
	suivi_cli import requests "$E2E_DIR/exc.csv" >/dev/null
	keys M-3
	wait_for "Caméras"
	keys DC
	expect "Suppr : effacer la décision, en le demandant" "Effacer la décision « Accordé »"
	keys o
	expect "décision effacée" "Décision effacée"
	typing_same "la décision effacée dans la base" "SELECT coalesce(decision, 'aucune') || coalesce(decided_by, '') FROM exceptional_request" "aucune"
	keys h
	expect "h : l'historique de la saisine" "décision effacée"
	expect "… avant : la décision" "Accordé"
	keys Escape
	e2e_stop
}

# An annex is in force from its date, never before (issue 16): Le
# Bouscat's Numérique annex comes with amendment 1, from 01/01/2018.
s_in_force() {
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys d
	wait_for "Annexes en vigueur le"
	text "31/12/2017"
	keys Enter
	expect "31/12/2017 : l'en-tête dit qu'aucune annexe n'est en vigueur" \
		"aucune annexe en vigueur au 31/12/2017"
	expect "… la carte aussi, et depuis quand il y en a une" \
		"transcrite en vigueur le 31/12/2017 (la première"
	keys d
	wait_for "Annexes en vigueur le"
	keys C-u
	text "01/01/2018"
	keys Enter
	expect "01/01/2018 : l'avenant n°1 en vigueur" "avenant n°1 au 01/01/2018"
	keys 2
	wait_for "Tableau de bord 2026"
	keys y
	wait_for "Année"
	text "2017"
	keys Enter
	expect "la grille de 2017 : aucune ligne, et pourquoi" \
		"Aucune annexe en vigueur en 2017 : rien à mesurer (la première l'est à partir du 01/01/2018)"
	expect_not "… pas de ligne du domaine" "1.1.1 Elaboration"
	keys ]
	expect "la grille de 2018 : les indicateurs de l'avenant" "1.1.1 Elaboration"
	e2e_stop
}
