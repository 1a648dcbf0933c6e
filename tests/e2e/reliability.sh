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
