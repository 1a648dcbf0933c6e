# tests/e2e/requests.sh - the Saisines and Litiges screens: forms, drafts, lists.
# Scenarios of tests/e2e/run.sh (s_* functions; markers after "{": see run.sh).

# ---------------------------------------------------------------- saisines
# The domains and sub-domains a request form offers are those in force
# at the request's date: an amendment that renames a sub-domain shows.
s_request_version() {
	local f=$E2E_TOP/build/e2e-avenant.ini
	mkdir -p "$E2E_TOP/build"
	sed 's/^nom = Stratégie numérique$/nom = Stratégie et gouvernance/' \
		tests/fixtures/test-avenant-1.ini >"$f"
	e2e_start -s 110x34 -i "tests/fixtures/test-contrat.ini $f" "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys C
	wait_for "Testville"
	keys Down Down Enter
	wait_for "Testville · contrat test-2020"
	keys 3 n
	wait_for "Nouvelle saisine"
	keys Tab Tab Tab Right Down Enter
	expect "une saisine d'aujourd'hui : le sous-domaine de l'avenant" "A. Stratégie et gouvernance"
	keys Tab Tab Tab Tab C-u
	text "15/06/2020 10:00"
	expect "reçue en 2020 : le sous-domaine de l'annexe d'origine" "A. Stratégie numérique"
	keys Escape
	wait_for "Abandonner"
	keys o
	e2e_stop
	rm -f "$f"
}

# A request form left open when the terminal closes comes back.
s_request_draft() {
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys 3
	wait_for "Saisines : 0"
	keys n
	wait_for "Nouvelle saisine"
	text u
	wait_for "en urgence"
	keys Enter Tab Tab Tab Tab Tab Tab
	text "Imprimante bloquée"
	wait_for "Imprimante bloquée"
	kill -HUP "$(suivi_pid)"
	expect_exit "SIGHUP pendant le formulaire : suivi s'arrête" 0
	e2e_restart
	expect "au démarrage, le formulaire est proposé" "Un formulaire de saisine n'était pas enregistré"
	keys o
	expect "o : le formulaire revient, avec ce qui était tapé" "Imprimante bloquée"
	expect "… et les choix faits" "‹ en urgence ›"
	keys Enter
	expect "Entrée : enregistrée" "Saisine enregistrée : Imprimante bloquée"
	e2e_stop
}

# The dispute forms keep what was typed when the terminal goes away: the
# opening (resumed, saved), a step (its question on two lines at 80×24,
# dropped with n, never offered again), a closure (resumed, saved).
s_dispute_draft() {
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys M-4
	wait_for "Litiges : 0"
	keys n
	wait_for "Ouvrir un litige"
	keys Tab
	text "Désaccord sur le calendrier"
	keys Tab
	text fond
	keys Enter
	wait_for "‹ fond ›"
	kill -HUP "$(suivi_pid)"
	expect_exit "SIGHUP pendant l'ouverture d'un litige : suivi s'arrête" 0
	e2e_restart
	expect "au démarrage, le litige à ouvrir est proposé" \
		"Saisie non enregistrée à la fermeture (ouverture d'un litige) : « Désaccord sur le calendrier »"
	keys o
	expect "o : le formulaire revient avec ce qui était tapé" "Désaccord sur le calendrier"
	expect "… et le choix fait" "‹ fond ›"
	keys Enter
	expect "Entrée : le litige est ouvert" "Litige ouvert : Désaccord sur le calendrier"
	keys a
	wait_for "Étape au niveau 1"
	keys Tab Tab
	text "Positions opposées"
	wait_for "Positions opposées"
	kill -HUP "$(suivi_pid)"
	expect_exit "SIGHUP pendant une étape : suivi s'arrête" 0
	resize 80 24
	e2e_restart
	expect "au démarrage, l'étape est proposée, sur la page du litige" \
		"Saisie non enregistrée à la fermeture (étape d'arbitrage)"
	expect "la question tient sur deux lignes à 80 colonnes, (o/N) compris" "(o/N)"
	keys n
	expect "n : le brouillon est abandonné" "Brouillon abandonné"
	keys q
	expect_exit "q : suivi s'arrête" 0
	e2e_restart
	wait_for "Identifiant : 33069-2016"
	expect_not "un brouillon abandonné n'est plus proposé" "Saisie non enregistrée"
	keys M-4
	wait_for "Désaccord sur le calendrier"
	keys Enter
	wait_for "Arbitrage :"
	keys a
	wait_for "Étape au niveau 1"
	keys Tab Tab Tab Tab
	text compromis
	keys Enter
	wait_for "‹ compromis trouvé ›"
	keys Enter
	wait_for "Étape enregistrée au niveau 1"
	keys c
	wait_for "Clore le litige"
	keys Tab
	text "Chantier reporté en mars"
	wait_for "Chantier reporté en mars"
	kill -HUP "$(suivi_pid)"
	expect_exit "SIGHUP pendant la clôture : suivi s'arrête" 0
	e2e_restart
	expect "au démarrage, la clôture est proposée" "(clôture d'un litige)"
	keys o
	expect "o : la solution revient" "Chantier reporté en mars"
	keys Enter
	expect "Entrée : le litige est clos" "Litige clos"
	e2e_stop
}

s_requests() { # also ASCII
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys 3
	expect "l'écran des saisines, vide" "Saisines : 0"
	# an urgent incident on sub-domain C of the Numérique domain
	keys n
	expect "n : le formulaire" "Nouvelle saisine"
	text u
	expect "une lettre sur un choix : la liste, cherchée" "Nature de saisine (1/3)"
	keys Enter
	expect "nature de saisine : en urgence" "‹ en urgence ›"
	keys Tab Tab Tab Space
	expect "Espace : la liste des sous-domaines" "Sous-domaine ("
	text fourniture
	keys Enter
	expect "sous-domaine C choisi" "C. Fourniture des postes"
	expect "le formulaire montre qui saisir : le service commun" \
		"Service commun : Chef de service centre d'appel et pilotage"
	expect "… et la commune" "Commune : Chef de service de l'utilisateur"
	keys Tab Right
	expect "→ sur un choix : la liste" "Demande ou incident (2/2)"
	keys Down Enter
	expect "incident" "‹ incident ›"
	keys Tab Tab
	text "Mme Durand"
	keys Tab
	text "Serveur de messagerie en panne"
	keys Tab C-u
	text "02/11/2026 09:00"
	keys Tab
	text "02/11/2026 10:30"
	keys Tab
	text "02/11/2026 11:00"
	keys Tab
	text "03/11/2026 09:00"
	expect "le formulaire dit le statut et les délais" \
		"Statut : résolue · prise en compte en 1,5 h (0 j ouvré) · résolue en 24 h (1 j ouvré)"
	keys Enter
	expect "Entrée : enregistrée" "Saisine enregistrée : Serveur de messagerie en panne"
	expect "dans la liste" "Serveur de messagerie en panne"
	expect "son statut suit les dates" "résolue"
	expect "son délai de prise en compte" "pec 1,5 h"
	# an exceptional request, with its own fields
	keys n
	wait_for "Nouvelle saisine"
	text exc
	keys Enter
	expect "exceptionnelle : l'adjoint en charge du pôle territorial" "pôle territorial"
	expect "exceptionnelle : ses champs" "Ce qui est demandé"
	keys Tab Tab Tab Tab Tab Tab
	text "Vidéoprotection des écoles"
	keys Tab C-u
	text "05/11/2026 14:00"
	keys Tab Tab Tab Tab Tab
	text "Caméras devant trois écoles"
	keys Tab
	text "Renfort ponctuel d'un technicien"
	keys Tab
	text "Accordé"
	keys Enter
	expect "une décision sans qui ni quand : refusée, les deux nommés" \
		"« décidé par » et « décidé le » manquent"
	keys Tab
	text "Adjoint au DGT"
	keys Tab
	text "06/11/2026"
	keys Enter
	expect "exceptionnelle enregistrée" "Saisine enregistrée : Vidéoprotection des écoles"
	expect "deux saisines" "Saisines : 2"
	# filters, search, the exceptional view
	keys t
	expect "t : filtre ordinaire" "Saisines : 0"
	keys t
	expect "t : filtre en urgence" "Saisines : 1"
	keys F
	expect "F : filtres ôtés" "Saisines : 2"
	keys /
	text "MESSAGERIE"
	keys Enter
	expect "recherche sans accents ni majuscules" "Saisines : 1"
	keys F /
	text "video"
	keys Enter
	expect "« video » trouve « Vidéoprotection »" "Vidéoprotection des"
	expect "une seule" "Saisines : 1"
	keys F E
	expect "E : les demandes exceptionnelles" "Demandes exceptionnelles : 1"
	keys E
	# the computed delay in the tableau de bord (3.3.2 critique, nov.)
	keys 2
	wait_for "Tableau de bord 2026"
	expect "le délai de résolution calculé dans le tableau de bord" "≈24"
	keys M-3
	wait_for "Saisines : 2"
	keys x
	expect "x : annuler, avec un motif" "Motif"
	text "doublon"
	keys Enter
	expect "annulée" "Saisine annulée"
	keys s s s s s s
	expect "s : filtre par statut (annulée)" "annulée"
	e2e_stop
}

# ---------------------------------------------------------------- litiges
s_disputes() { # also ASCII
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys 4
	expect "l'écran des litiges, vide" "Litiges : 0"
	keys n
	expect "n : ouvrir un litige" "Ouvrir un litige"
	keys Tab
	text "Désaccord sur le renouvellement des postes"
	keys Tab
	text fond
	keys Enter
	expect "nature : sur le fond" "‹ fond ›"
	keys Enter
	expect "ouvert" "Litige ouvert : Désaccord sur le renouvellement des postes"
	expect "au niveau 1" "En cours au niveau 1"
	expect "la page dit la règle du fond" "les instructions du Maire s'appliquent"
	keys a
	expect "a : une étape au niveau 1" "Étape au niveau 1 : les autorités hiérarchiques"
	expect "les participants du niveau proposés" "Directeur général des services de la commune"
	keys Enter
	expect "étape enregistrée, escalade" "Étape enregistrée au niveau 1"
	expect "la chronologie : niveau 1" "Niveau 1 — Directeur général des services"
	expect "en cours au niveau 2" "En cours au niveau 2"
	keys a
	expect "l'étape suivante est au niveau 2 (aucun n'est sauté)" "Étape au niveau 2 : les directeurs généraux"
	keys Enter
	expect "en cours au niveau 3" "En cours au niveau 3"
	keys a
	expect "niveau 3 : le Maire et le Président" "Étape au niveau 3 : le Maire et le Président"
	expect "sur le fond, l'instruction du Maire" "Instruction du Maire"
	keys Tab Tab Tab
	text "Renouveler quarante postes en 2027"
	keys Enter
	expect "l'instruction du Maire est la dernière instance" "instruction du Maire, dernière instance"
	keys c
	expect "c : clore" "Clore le litige"
	expect "sur le fond au niveau 3 : l'instruction du Maire demandée" "Donnée par"
	expect "… son texte repris de l'étape au niveau 3" "Instruction du Maire* Renouveler quarante postes en 2027"
	keys Tab Enter
	expect "clore demande la solution" "obligatoire"
	text "Renouvellement étalé sur deux ans"
	keys Enter
	expect "sans qui l'a donnée : refusé, dit" "il manque qui l'a donnée"
	keys Tab Tab
	text "M. le Maire"
	keys Enter
	expect "clos" "Litige clos"
	expect "l'instruction du Maire sur la page" "Instruction du Maire, appliquée en dernière instance : Renouveler quarante postes"
	expect "… qui l'a donnée et quand" "Donnée le 23/11/2026 par M. le Maire."
	expect "la solution sur la page" "Solution arbitrée : Renouvellement étalé sur deux ans"
	keys a
	expect "clos : plus d'étape" "Le litige est clos"
	keys h
	expect "h : l'historique" "Historique du litige"
	expect "l'historique : la clôture" "clôture"
	keys Escape
	keys Escape
	expect "Échap : la liste" "Litiges : 1"
	keys S
	expect "S : les solutions arbitrées" "Solutions arbitrées : 1"
	keys /
	text "ETALE"
	keys Enter
	expect "chercher une solution sans accents ni majuscules" "Renouvellement étalé sur deux ans"
	keys L
	expect "L : un litige comme celui-ci" "Comme le litige « Désaccord sur le renouvellement des postes »"
	keys Escape
	e2e_stop
}
