# tests/e2e/article4.sh - article 4 of the contract, enforced (issue 16),
# through the interface; sourced by tests/e2e/run.sh (uses tests/lib/tmux.sh).
#
#   s_article4_requests  an urgent request with its priority and
#                        intervention delay (the fields only on one), a
#                        delay refused, an ordinary request without its
#                        domain, one dated before Le Bouscat's annex, an
#                        exceptional decision without who and when: each
#                        refused in the form with what is wrong, nothing
#                        saved; the list and v show priority and delay
#   s_article4_disputes  a dispute on substance closed at level 3: the
#                        form asks the Mayor's instruction (text offered
#                        from the level-3 step), refuses it without who or
#                        with a date after the closure, shows it on the
#                        page and in the history; a dispute closed before
#                        it was asked (an older database) says « non
#                        enregistrée » and takes it through e

# The request form at its object (Le Bouscat, today), kind chosen by its
# first letters.
a4_request_form() {
	keys n
	wait_for "Nouvelle saisine"
	text "$1"
	keys Enter
	keys Tab Tab Tab Tab Tab Tab
}

s_article4_requests() {
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys 3
	wait_for "Saisines : 0"
	keys n
	wait_for "Nouvelle saisine"
	expect_not "ordinaire : pas de priorité ni de délai d'urgence" "Priorité (urgence)"
	keys Escape
	wait_for "Saisines : 0"

	# urgent: priority and delay, the delay in whole minutes
	a4_request_form u
	expect "en urgence : la priorité et le délai d'intervention" "Délai d'intervention (urgence)"
	text "Serveur de fichiers arrêté"
	keys Tab Tab Tab Tab Tab Tab
	text "P1 : avant toute autre"
	keys Tab
	text "2,51"
	keys Enter
	expect "un délai de 2,51 h : refusé, en minutes entières" \
		"délai d'intervention « 2,51 » : il se compte en minutes entières"
	keys C-u
	text "2h30"
	keys Enter
	expect "urgence enregistrée" "Saisine enregistrée : Serveur de fichiers arrêté"
	expect "la ligne de la saisine choisie : priorité et délai" \
		"priorité : P1 : avant toute autre · délai d'intervention : 2h30"
	keys v
	expect "v : la priorité" "Priorité (urgence) : P1 : avant toute autre"
	expect "v : le délai" "Délai d'intervention (urgence) : 2h30"
	keys Escape
	# it stops being urgent with them: refused until they are emptied
	keys Enter
	wait_for "Modifier la saisine"
	expect "modifier : le délai relu tel qu'il s'écrit" "2h30"
	keys Space
	wait_for "Nature de saisine ("
	keys Home Enter
	wait_for "‹ ordinaire ›"
	keys Enter
	expect "ordinaire avec priorité : refusé" \
		"ne vont qu'à une saisine en urgence (article 4)"
	expect "… la nature dite" "celle-ci est ordinaire"
	keys Escape
	wait_for "Abandonner"
	keys o
	wait_for "Saisines : 1"

	# an ordinary request without its domain
	keys n
	wait_for "Nouvelle saisine"
	keys Tab Tab Space
	wait_for "Domaine ("
	keys Home Enter
	keys Tab Tab Tab Tab
	text "Sans domaine"
	keys Enter
	expect "sans domaine : refusé" \
		"une saisine ordinaire concerne une fonction mutualisée : son domaine est obligatoire"
	keys Escape
	wait_for "Abandonner"
	keys o
	wait_for "Saisines : 1"

	# before Le Bouscat's Numérique annex (01/01/2018)
	a4_request_form o
	text "Avant l'avenant"
	keys Tab C-u
	text "31/12/2017 10:00"
	keys Enter
	expect "reçue le 31/12/2017 : refusé, le domaine sans annexe ce jour-là" \
		"n'a aucune annexe en vigueur le 31/12/2017 : sa première"
	expect "… et depuis quand il en a une" "l'est à partir du 01/01/2018"
	keys C-u
	text "14/02/2016 10:00"
	keys Enter
	expect "reçue avant le contrat : refusé, les deux dates dites" \
		"la saisine est reçue le 14/02/2016, avant le début du contrat 33069-2016 (le 15/02/2016)"
	keys Escape
	wait_for "Abandonner"
	keys o
	wait_for "Saisines : 1"

	# an exceptional decision says who decided and when
	a4_request_form exc
	text "Caméras des écoles"
	keys Tab Tab Tab Tab Tab Tab Tab Tab
	text "Accordée"
	keys Tab
	text "DGA"
	keys Enter
	expect "une décision sans date : refusée, le champ nommé" \
		"une décision dit qui l'a prise et quand : « décidé le » manque"
	keys Tab
	text "10/11/2026"
	keys Enter
	expect "décision complète : enregistrée" "Saisine enregistrée : Caméras des écoles"
	expect "deux saisines, rien d'autre" "Saisines : 2"
	e2e_stop
}

s_article4_disputes() {
	local db
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	db=$E2E_DIR/home/.local/share/suivi/suivi.db
	keys M-4
	wait_for "Litiges : 0"
	keys n
	wait_for "Ouvrir un litige"
	keys Tab
	text "Choix du logiciel des écoles"
	keys Tab
	text fond
	keys Enter
	wait_for "‹ fond ›"
	keys Enter
	wait_for "Litige ouvert"
	keys a
	wait_for "Étape au niveau 1"
	keys Enter
	wait_for "En cours au niveau 2"
	keys a
	wait_for "Étape au niveau 2"
	keys Enter
	wait_for "En cours au niveau 3"
	keys a
	wait_for "Étape au niveau 3"
	keys Tab Tab Tab
	text "Retenir le logiciel de la commune"
	keys Enter
	wait_for "Étape enregistrée au niveau 3"
	keys c
	expect "clore au niveau 3 sur le fond : l'instruction du Maire demandée" \
		"Litige sur le fond au niveau 3 : les instructions du Maire"
	expect "… son texte offert, celui de l'étape" "Retenir le logiciel de la commune"
	keys Tab
	text "Logiciel de la commune, hébergé par la Métropole"
	keys Enter
	expect "sans qui l'a donnée : refusé" "il manque qui l'a donnée"
	keys Tab Tab
	text "M. le Maire"
	keys Tab C-u
	text "30/11/2026"
	keys Enter
	expect "datée après la clôture : refusée" \
		"l'instruction du Maire (30/11/2026) suit la clôture du litige (23/11/2026)"
	keys C-u
	text "23/11/2026"
	keys Enter
	expect "clos avec l'instruction" "Litige clos"
	expect "la page : l'instruction" \
		"Instruction du Maire, appliquée en dernière instance : Retenir le logiciel de la commune"
	expect "la page : qui et quand" "Donnée le 23/11/2026 par M. le Maire."
	keys h
	expect "l'historique : la clôture avec l'instruction" "donnée par : M. le Maire"
	keys Escape
	keys q
	expect_exit "q : suivi s'arrête" 0
	# as a database of before: the instruction was never asked
	python3 - "$db" <<'PYEOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE dispute SET mayor_instruction = NULL, mayor_instruction_by = NULL,"
          " mayor_instruction_on = NULL")
c.commit()
PYEOF
	e2e_restart
	wait_for "Identifiant : 33069-2016"
	keys M-4
	wait_for "Choix du logiciel des écoles"
	keys Enter
	expect "clos sans l'instruction : la page le dit" "Instruction du Maire non enregistrée"
	keys e
	wait_for "Corriger (4/4)"
	keys Enter
	expect "corriger la clôture : l'instruction demandée" \
		"Instruction du Maire non enregistrée : sur le fond au niveau 3, la clôture"
	keys Tab Tab Tab
	text "M. le Maire"
	keys Enter
	wait_for "raison du changement"
	text "instruction retrouvée"
	keys Enter
	expect "clôture corrigée" "Clôture corrigée"
	expect "la page : l'instruction enregistrée" "Donnée le 23/11/2026 par M. le Maire."
	e2e_stop
}
