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
