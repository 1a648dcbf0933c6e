# tests/e2e/reliability.sh - what fault and hostile-input tests found
# (issue 17), sourced by run.sh.

# One interactive suivi per database file, whatever its name: the
# interface holds the file; a second suivi through a hard link or a
# symbolic link to it is refused, and opens once the first has quit.
s_lock_names() {
	local db out
	e2e_start
	wait_for "Identifiant : 33069-2016"
	db="$E2E_DIR/home/.local/share/suivi/suivi.db"
	ln "$db" "$E2E_DIR/hard.db"
	ln -s "$db" "$E2E_DIR/soft.db"
	out=$(suivi_cli --db "$E2E_DIR/hard.db" 2>&1; echo "rc=$?")
	if grep -q "rc=1" <<<"$out" && grep -q "déjà ouverte par un autre suivi" "$E2E_DIR/cli.err"; then
		ok "verrou : par un lien physique, refusé pendant que l'interface tient la base"
	else
		not_ok "verrou : par un lien physique : $out $(cat "$E2E_DIR/cli.err")"
	fi
	: >"$E2E_DIR/cli.err"
	out=$(suivi_cli --db "$E2E_DIR/soft.db" 2>&1; echo "rc=$?")
	if grep -q "rc=1" <<<"$out" && grep -q "déjà ouverte par un autre suivi" "$E2E_DIR/cli.err"; then
		ok "verrou : par un lien symbolique, refusé"
	else
		not_ok "verrou : par un lien symbolique : $out $(cat "$E2E_DIR/cli.err")"
	fi
	keys q
	expect_exit "q : statut 0" 0
	out=$(suivi_cli --db "$E2E_DIR/hard.db"; echo "rc=$?")
	if grep -q "rc=0" <<<"$out" && grep -q "2 contrats" <<<"$out"; then
		ok "verrou : l'interface fermée, le lien ouvre la base"
	else
		not_ok "verrou : après la fermeture : $out"
	fi
	e2e_stop
}

# "Now" is now: the day changes while the interface runs (SUIVI_TODAY=@FILE
# is read at each use): the header, the tableau de bord's current month
# and a new request's date follow it.
s_midnight() {
	local today
	today=$(mktemp "${TMPDIR:-/tmp}/suivi-today.XXXXXX")
	echo 2026-06-30 >"$today"
	e2e_start -s 120x30 "SUIVI_TODAY=@$today"
	wait_for "Identifiant : 33069-2016"
	expect "minuit : l'en-tête dit le jour du départ" "mardi 30/06/2026"
	keys M-2
	wait_for "Tableau de bord 2026"
	echo 2026-07-01 >"$today"
	expect "minuit : l'en-tête suit le jour" "mercredi 01/07/2026"
	expect_not "minuit : l'ancien jour n'est plus dit" "mardi 30/06/2026"
	keys M-3
	wait_for "Saisines"
	keys n
	expect "minuit : une nouvelle saisine est reçue le jour même" "01/07/2026 "
	keys Escape
	keys q
	e2e_stop
	rm -f "$today"
}

# An amount is whole cents (issue 17, 10): the request form refuses
# « 1,005 » and an ambiguous « 1.500 », says the value and the rule, keeps
# the form and what was typed; « 1 500,50 € » is saved as 1500,5.
s_amounts() {
	local out
	e2e_start
	wait_for "Identifiant : 33069-2016"
	keys M-3
	wait_for "Saisines"
	keys n
	wait_for "Nouvelle saisine"
	text exc
	keys Enter
	wait_for "Coût estimé"
	keys Tab Tab Tab Tab Tab Tab
	text "Étude de coût"
	keys Tab Tab Tab Tab Tab Tab
	text "Caméras"
	keys Tab Tab Tab Tab Tab
	text "1,005"
	keys Enter
	expect "montant : 1,005 refusé, la règle des centimes dite" \
		"coût estimé « 1,005 » : au plus deux décimales (les centimes)"
	expect "montant refusé : le formulaire reste, ce qui est tapé aussi" "Caméras"
	keys C-u
	text "1.500"
	keys Enter
	expect "montant : 1.500 refusé comme ambigu" \
		"coût estimé « 1.500 » ambigu (milliers ou décimales ?)"
	keys C-u
	text "1 500,50 €"
	keys Enter
	expect "montant : 1 500,50 € enregistré" "Saisine enregistrée : Étude de coût"
	keys q
	expect_exit "q : statut 0" 0
	out=$(suivi_cli export requests)
	if grep -q ",Étude de coût,.*,\"1500,5\"," <<<"$out"; then
		ok "montant : exporté en centimes exacts (1500,5)"
	else
		not_ok "montant : l'export dit $(grep "Étude" <<<"$out")"
	fi
	e2e_stop
}

# Times (issue 17, 8), in the users' zone whatever the machine's: the
# request form refuses a time the clocks skip (29/03/2026 02:30) with a
# French message and keeps what was typed; delays are real elapsed time
# across the change; when the clock goes back (SUIVI_NOW=@FILE, read at
# each write) the history of a cell stays in the order written and the
# value shown is the last written.
s_summer_time() {
	local now line3 line4
	now=$(mktemp "${TMPDIR:-/tmp}/suivi-now.XXXXXX")
	echo 2026-10-25T01:40:00Z >"$now"
	e2e_start -s 110x34 TZ=Europe/Paris "SUIVI_NOW=@$now"
	wait_for "Identifiant : 33069-2016"
	keys 3
	wait_for "Saisines : 0"
	keys n
	wait_for "Nouvelle saisine"
	keys Tab Tab Tab Tab Tab Tab
	text "Panne au changement d'heure"
	keys Tab C-u
	text "29/03/2026 02:30"
	keys Tab Tab Tab
	text "29/03/2026 04:00"
	keys Enter
	expect "heure d'été : 02:30 le 29/03/2026 refusée, en français" \
		"date de réception : l'heure 02:30 n'existe pas le 29/03/2026 (passage à l'heure d'été)"
	expect "heure d'été : le formulaire reste ouvert avec ce qui a été tapé" "29/03/2026 02:30"
	keys BTab BTab BTab C-u
	text "29/03/2026 01:30"
	expect "heure d'été : 01:30 à 04:00 le 29/03 dure 1,5 h, pas 2,5" \
		"Statut : résolue · résolue en 1,5 h (0 j ouvré)"
	keys Enter
	expect "heure d'été : enregistrée" "Saisine enregistrée : Panne au changement d'heure"
	keys 2
	wait_for "Tableau de bord 2026"
	keys g Down Down Down Down Down Down Down Home
	wait_for "3.3.1 · janvier 2026"
	text "3"
	keys Enter
	wait_for "Enregistré"
	# the clock goes back 50 minutes (02:40 winter time, then 02:50
	# summer time: the autumn's hour shown twice)
	echo 2026-10-25T00:50:00Z >"$now"
	keys k
	text "4"
	keys Enter
	wait_for "= 4 j"
	keys k
	expect "horloge reculée : la valeur est la dernière écrite" "3.3.1 · janvier 2026 : 4 j"
	keys h
	wait_for "Historique : 3.3.1 · janvier 2026"
	line3=$(screen | grep -n "saisie 3 j" | head -n 1 | cut -d: -f1)
	line4=$(screen | grep -n "saisie 4 j" | head -n 1 | cut -d: -f1)
	if [ -n "$line3" ] && [ -n "$line4" ] && [ "$line3" -lt "$line4" ]; then
		ok "horloge reculée : l'historique dans l'ordre des écritures (3 j, puis 4 j)"
	else
		not_ok "horloge reculée : l'ordre de l'historique (3 j ligne $line3, 4 j ligne $line4)"
	fi
	expect "horloge reculée : l'heure enregistrée est montrée telle quelle" \
		"25/10/2026 02:50"
	keys Escape
	keys q
	expect_exit "q : statut 0" 0
	e2e_stop
	rm -f "$now"
}

# A request's object holding emoji sequences (ZWJ 👩‍💻 and 👨‍👩‍👧, a flag
# 🇫🇷, VS16 ❤️, a skin tone 👍🏽): terminals and curses disagreed on their
# width, so that after the status line had said "Saisine modifiée : …"
# the keys drawn next kept stale letters until Ctrl+L. Drawn without their
# glue (👩💻, the flag as FR), every cell is where curses believes it is:
# the screen equals the same screen redrawn whole (Ctrl+L).
# same_after_redraw NAME: the pane equals itself redrawn whole (Ctrl+L):
# no cell holds what curses no longer believes is there.
same_after_redraw() {
	local before after
	before=$(screen)
	keys C-l
	sleep 0.3
	after=$(screen)
	if [ "$before" = "$after" ]; then
		ok "$1"
	else
		not_ok "$1 : avant Ctrl+L : $(diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep '^[<>]' | tr '\n' ' ')"
	fi
}

s_emoji_status() {
	local csv
	csv=$(mktemp "${TMPDIR:-/tmp}/suivi-emoji.XXXXXX")
	printf 'commune,nature de saisine,forme,domaine,nature,demandeur,objet,reçue\r\n%s\r\n' \
		"Le Bouscat,ordinaire,courriel,nsi,demande,Mme 👩‍💻 Durand,Poste 👩‍💻 famille 👨‍👩‍👧 🇫🇷 ❤️ 👍🏽 à réparer avant lundi matin,2026-11-02 09:00" >"$csv"
	# the first run creates the database; the requests are imported
	# into it while no interface holds it
	e2e_start
	wait_for "Identifiant : 33069-2016"
	keys q
	expect_exit "emoji : première ouverture, statut 0" 0
	suivi_cli import requests "$csv" >/dev/null
	e2e_restart
	wait_for "Identifiant : 33069-2016"
	keys M-3
	wait_for "Saisines : 1"
	expect "emoji : la liste dessine 👩‍💻 sans le ZWJ" "Poste 👩💻 f"
	keys Enter
	wait_for "Entrée enregistre"
	keys Enter
	wait_for "Saisine modifiée"
	expect "emoji : le message dessine la séquence sans sa colle, le drapeau en lettres" "Saisine modifiée : Poste 👩💻 famille 👨👩👧 FR ❤ 👍 à réparer"
	same_after_redraw "emoji : le message dit, aucune lettre périmée autour de lui"
	keys Down
	wait_gone "Saisine modifiée"
	same_after_redraw "emoji : le message parti, aucune lettre restée"
	keys q
	expect_exit "emoji : q, statut 0" 0
	e2e_stop
	rm -f "$csv"
}

# A journal that is not the file's own (issue 17, 2): the interface,
# started on a backup copied over a file whose save was cut short,
# says on its status line that the journal was set aside, not played,
# and shows the backup's value.
s_foreign_journal() {
	local d
	d=$(mktemp -d "${TMPDIR:-/tmp}/suivi-journal.XXXXXX")
	if ! command -v python3 >/dev/null 2>&1; then
		skip "journal étranger : python3 absent"
		return
	fi
	(cd "$E2E_TOP" && env HOME="$d" SUIVI_DATADIR="$E2E_TOP/share/suivi" \
		"$SUIVI" --db "$d/s.db" summary &&
		env HOME="$d" "$SUIVI" --db "$d/s.db" set "Le Bouscat" 3.3.1 2026-10 "2,5" &&
		env HOME="$d" "$SUIVI" --db "$d/s.db" backup "$d/bk.db" &&
		env HOME="$d" "$SUIVI" --db "$d/s.db" set "Le Bouscat" 3.3.1 2026-10 "7") \
		>/dev/null 2>&1
	python3 -c 'import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA cache_size = 5")
c.execute("BEGIN IMMEDIATE")
c.execute("PRAGMA application_id = 1937074550")
c.execute("CREATE TABLE spill(x)")
c.execute("INSERT INTO spill WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 300) SELECT randomblob(3000) FROM r")
os._exit(0)' "$d/s.db"
	cp "$d/bk.db" "$d/s.db"
	e2e_start -s 120x30 -- --db "$d/s.db"
	expect "journal étranger : la ligne d'état le dit" "qui ne correspond pas à ce fichier"
	if ls "$d" | grep -q '^s.db.journal-etranger-' && [ ! -e "$d/s.db-journal" ]; then
		ok "journal étranger : mis de côté, pas rejoué"
	else
		not_ok "journal étranger : $(ls "$d")"
	fi
	keys M-2
	expect "journal étranger : la valeur de la sauvegarde (2,5)" "2,5"
	keys q
	expect_exit "q : statut 0" 0
	e2e_stop
	rm -rf "$d"
}
