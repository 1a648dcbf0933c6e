# tests/e2e/sync.sh - the Synchronisation screen (issue 19), sourced by
# run.sh: the other laptop is the command line on a second database, the
# exchange folder ~/usb (suivi.ini [synchronisation] dossier).

# other ARGS…: suivi on the other laptop's database.
other() {
	suivi_cli --db "$E2E_DIR/other.db" "$@"
}

s_sync() {
	e2e_start -s 120x30 -c $'[suivi]\nreferent = Marie Martin\n[synchronisation]\ndossier = ~/usb'
	mkdir -p "$E2E_DIR/home/usb"
	wait_for "Identifiant : 33069-2016"
	# the other laptop: the same contracts, a value typed there
	other >/dev/null
	other set "Le Haillan" 4.1.1 2026-03 5 >/dev/null
	other sync export -o "$E2E_DIR/home/usb" >/dev/null
	keys M-7
	expect "synchro : l'écran" "Synchronisation de cette base"
	expect "synchro : le dossier d'échange de suivi.ini" "dossier d'échange : ~/usb"
	expect "synchro : les touches sur la ligne d'état" "e écrire le fichier"
	expect "synchro : rien reçu encore" "Aucun fichier reçu"
	keys i
	expect "i : le fichier de l'autre ordinateur importé" "1 fichier importé : 1 changement nouveau, 0 conflit à examiner"
	expect "i : d'où il vient" "Reçu de Marie Martin"
	if suivi_cli export measurements --commune "Le Haillan" --year 2026 | grep -q '4.1.1.*5 h'; then
		ok "i : la valeur de l'autre ordinateur est dans la base"
	else
		not_ok "i : la valeur de l'autre ordinateur manque"
	fi
	keys i
	expect "i deux fois : rien de plus" "1 fichier importé : 0 changement nouveau"
	# a value typed here goes to the other laptop
	keys M-2
	wait_for "Tableau de bord"
	suivi_cli set "Le Bouscat" 1.1.1 2026 oui >/dev/null
	keys M-7
	keys e
	expect "e : une commune ou toutes" "toutes les communes de cette base"
	keys Down Enter
	expect "e : le fichier écrit dans le dossier" "changement"
	expect "e : pour tous" "pour « tous »"
	if other sync import "$E2E_DIR/home/usb" | grep -q "1 changement reçu"; then
		ok "e : l'autre ordinateur reçoit ce qui a changé ici"
	else
		not_ok "e : l'autre ordinateur ne reçoit rien : $(other sync import "$E2E_DIR/home/usb")"
	fi
	# both change the same value: a conflict, listed and reviewed
	suivi_cli set "Le Haillan" 4.1.1 2026-03 8 >/dev/null
	sleep 0.05
	other set "Le Haillan" 4.1.1 2026-03 6 >/dev/null
	rm -f "$E2E_DIR/home/usb"/*.sync
	other sync export -o "$E2E_DIR/home/usb" >/dev/null
	keys C
	text "Haillan"
	keys Enter
	keys M-7
	keys i
	expect "conflit : annoncé à l'import" "1 conflit à examiner"
	expect "conflit : listé" "valeur 4.1.1 de mars 2026 — modifié des deux côtés"
	expect "conflit : la version gardée et l'autre" "gardé : valeur : 6"
	keys v
	expect "v : le conflit en entier" "Conflit n°1"
	keys Escape
	keys r
	expect "r : examiné" "Conflit n°1 examiné"
	expect "r : plus à examiner" "Aucun conflit à examiner."
	# a folder that does not exist: said, nothing changes
	keys o C-u
	text "/nulle/part"
	keys Enter
	keys i
	expect "i sur un dossier absent : dit" "impossible de lire le dossier /nulle/part"
	keys '?'
	expect "? : l'aide de l'écran" "Deux référents, deux ordinateurs"
	keys Escape
	keys q
	expect_exit "q : statut 0" 0
	e2e_stop
}
