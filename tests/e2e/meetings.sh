# tests/e2e/meetings.sh - the Réunions screen, and the launch.
# Scenarios of tests/e2e/run.sh (s_* functions; markers after "{": see run.sh).

# Réunions: plan a meeting, close it (its values validated), then the next
# one: its agenda built from the data (a value missing, the requests and
# the late one, the action carried), attendees, a decision, two actions,
# the jump to the grid cell and back, the minutes written and what they
# say; a decision typed when the terminal closes comes back.
s_meetings() {
	local cr
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	suivi_cli set "Le Bouscat" 3.3.1 2026-09 1 >/dev/null
	printf '%s\r\n' \
		'commune,nature de saisine,forme,domaine,sous-domaine,nature,objet,reçue,prise en compte,résolue' \
		'Le Bouscat,ordinaire,courriel,nsi,A,demande,Poste à installer,2026-10-20 09:00,2026-10-20 10:00,' \
		'Le Bouscat,ordinaire,téléphone,nsi,A,demande,Mot de passe,2026-11-02 09:00,2026-11-02 09:30,2026-11-02 11:00' \
		>"$E2E_DIR/rq.csv"
	suivi_cli import requests "$E2E_DIR/rq.csv" >/dev/null
	keys 5
	expect "l'écran des réunions, vide" "Aucune réunion : n pour en prévoir une."
	expect "la cadence de l'article 5 n'est pas tenue" "la cadence de l'article 5 n'est pas tenue"
	keys n
	expect "n : prévoir une réunion" "Prévoir une réunion"
	expect "la date du jour proposée" "23/11/2026"
	keys Tab C-u
	text "15/10/2026"
	keys Enter
	expect "prévue, sa page s'ouvre" "Réunion de suivi du 15/10/2026 · prévue"
	keys a
	expect "a : une action" "Ajouter une action au plan"
	text "Relancer l'opérateur"
	keys Tab
	text "M. Martin"
	keys Tab
	text "01/11/2026"
	keys Enter
	expect "l'action ajoutée" "Action ajoutée : Relancer l'opérateur"
	keys c
	expect "c : clore, en le demandant" "Clore la réunion du 15/10/2026 et valider les valeurs revues ?"
	keys o
	expect "close : la valeur de septembre validée" "Réunion close : 1 valeur validée"
	keys Escape
	expect "Échap : la liste" "15/10/2026  réunion de suivi"
	expect "la prochaine réunion de suivi due" "Prochaine réunion de suivi au plus tard le 15/01/2027"
	keys n
	wait_for "Prévoir une réunion"
	keys Tab C-u
	text "20/11/2026"
	keys Tab
	text "Mairie du Bouscat"
	keys Enter
	expect "la seconde réunion" "Réunion de suivi du 20/11/2026 · prévue · Mairie du Bouscat"
	expect "l'ordre du jour depuis la précédente" "tiré des données du 15/10/2026 au 20/11/2026"
	expect "une valeur attendue et manquante, par indicateur" "2.1.1 Charge consacrée aux projets : 1 mois manquant, oct. 2026"
	expect "une valeur calculée des saisines" "3.3.1 Délai de prise en compte des demandes — octobre 2026 : 0 j (calculée)"
	keys G
	expect "les saisines de la période" "Saisines depuis le 15/10/2026 : 2 reçues, 1 résolue ou répondue, 1 en retard"
	expect "la saisine en retard" "Saisine « Poste à installer » reçue le 20/10/2026"
	expect "l'action reportée" "Action « Relancer l'opérateur », M. Martin, échéance le 01/11/2026 (réunion du 15/10/2026)"
	expect "… en retard dans le plan" "EN RETARD · à faire · Relancer l'opérateur · M. Martin · pour le 01/11/2026 (réunion du 15/10/2026)"
	keys Escape
	expect "Échap : la liste, deux réunions" "20/11/2026  réunion de suivi"
	keys t
	expect "t : les réunions d'un type" "Réunions : réunion de suivi (2)"
	keys t
	expect "t : le type suivant" "Réunions : réunion avec les Maires (0)"
	expect "… aucune" "Aucune réunion de ce type"
	keys F
	expect "F : tous les types" "Réunions : tous les types (2)"
	keys Enter
	expect "Entrée : la plus récente" "Réunion de suivi du 20/11/2026 · prévue"
	keys p
	expect "p : un participant" "Ajouter un participant"
	text "Marie Durand"
	keys Tab
	text "DGS"
	keys Tab
	text commune
	keys Enter Enter
	expect "participant ajouté" "Participant ajouté : Marie Durand"
	keys d
	expect "d : une décision" "Noter une décision"
	text "Étaler le renouvellement des postes sur deux ans"
	keys Enter
	expect "décision enregistrée" "Décision n° 1 enregistrée"
	expect "la décision sur la page" "1. Étaler le renouvellement des postes sur deux ans"
	keys a
	wait_for "Ajouter une action au plan"
	text "Saisir les valeurs d'octobre"
	keys Tab
	text "Mme Roux"
	keys Tab
	text "30/11/2026"
	keys Enter
	expect "première action" "Action ajoutée : Saisir les valeurs d'octobre"
	keys a
	wait_for "Ajouter une action au plan"
	text "Chiffrer le renouvellement"
	keys Tab Tab
	text "31/02/2026"
	keys Enter
	expect "une date impossible refusée, le formulaire reste" "Ajouter une action au plan"
	keys C-u
	text "15/01/2027"
	keys Enter
	expect "seconde action" "Action ajoutée : Chiffrer le renouvellement"
	expect "le plan : deux actions, une reportée" "Plan d'actions (2 de cette réunion, 1 reportée)"
	keys /
	text "2.1.1 charge"
	keys Enter
	keys Enter
	expect "Entrée sur la ligne : la case du tableau de bord" "2.1.1 · octobre 2026 : — · attendue, non saisie"
	expect "comment revenir" "Alt+5 : retour à la réunion"
	keys Down Down Down Down Down Left
	expect "la valeur validée à la réunion du 15/10" "3.3.1 · septembre 2026 : 1 j"
	expect "… le dit" "validée en réunion le 15/10/2026"
	keys 2 Enter
	expect "la changer demande la raison" "Valeur validée en réunion le 15/10/2026 : raison du changement :"
	keys Escape
	expect "Échap : la valeur tapée reste à corriger" "2"
	keys Enter
	wait_for "raison du changement"
	text "Erreur de report"
	keys Enter
	expect "avec la raison : enregistrée" "Enregistré : 3.3.1 · septembre 2026 = 2 j"
	keys k h
	expect "l'historique : la validation" "validée en réunion : 1 j"
	expect "l'historique : la raison" "saisie 2 j · raison : Erreur de report"
	keys Escape
	keys M-5
	expect "Alt+5 : la réunion" "Réunion de suivi du 20/11/2026 · prévue"
	keys /
	text "poste a installer"
	keys Enter Enter
	expect "Entrée sur la saisine en retard : sa fiche" "Modifier la saisine"
	expect "… celle-là" "* Poste à installer"
	keys Escape
	keys M-5
	expect "Alt+5 : de nouveau la réunion" "Réunion de suivi du 20/11/2026 · prévue"
	keys /
	text "saisines depuis"
	keys Enter Enter
	expect "Entrée sur la ligne des saisines : celles de la période" "Saisines reçues du 15/10/2026 au 20/11/2026 : 2"
	keys M-5
	wait_for "Réunion de suivi du 20/11/2026 · prévue"
	keys m
	cr="$E2E_DIR/home/Documents/suivi/compte-rendu-le-bouscat-2026-11-20"
	expect "m : le compte rendu écrit" "Écrit dans ~/Documents/suivi : compte-rendu-le-bouscat-2026-11-20.md et .html"
	if grep -qF "Marie Durand | DGS" "$cr.md" &&
		grep -qF "1. Étaler le renouvellement des postes sur deux ans" "$cr.md" &&
		grep -qF "| Saisir les valeurs d'octobre | Mme Roux | 30/11/2026 | à faire |" "$cr.md" &&
		grep -qF "| Chiffrer le renouvellement | à désigner | 15/01/2027 | à faire |" "$cr.md" &&
		grep -qF "Relancer l'opérateur" "$cr.md" &&
		grep -qF "| nsi/2.1.1 | Charge consacrée aux projets | — | 1 | oct. 2026 |" "$cr.md" &&
		grep -qF "2 reçues, 1 résolue ou répondue, 1 en retard" "$cr.md" &&
		grep -qF "provisoire" "$cr.md" &&
		grep -qF "<td>Marie Durand</td>" "$cr.html" &&
		[ "$(stat -c %a "$cr.md")" = 600 ]; then
		ok "le compte rendu dit les participants, l'ordre du jour, la décision et les actions (Markdown et HTML, 0600)"
	else
		not_ok "le compte rendu : $(head -c 3000 "$cr.md" 2>&1)"
	fi
	keys m
	expect "m à nouveau : remplacer, en le demandant" "existe déjà"
	keys n
	keys d
	wait_for "Noter une décision"
	text "Décision dictée en séance"
	wait_for "Décision dictée en séance"
	kill -HUP "$(suivi_pid)"
	expect_exit "SIGHUP pendant une décision : suivi s'arrête" 0
	e2e_restart
	expect "au démarrage, la décision est proposée" "Saisie non enregistrée à la fermeture (décision)"
	keys o
	expect "o : le formulaire revient avec le texte" "Décision dictée en séance"
	keys Enter
	expect "enregistrée" "Décision n° 2 enregistrée"
	keys c o
	expect "la réunion close" "Réunion close"
	keys d
	expect "close : plus de décision" "Réunion close : elle ne change plus"
	e2e_stop
}

# The launch meeting of article 5, reminded until one is held: above the
# list of meetings and on every agenda; Enter on the agenda's line says
# how to plan it, then leads to the one planned; once held, nothing.
s_launch() {
	e2e_start -s 100x30 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	suivi_cli meeting add --commune "Le Bouscat" --kind suivi --date 10/11/2026 >/dev/null
	keys 5
	expect "la réunion de lancement rappelée au-dessus des réunions" "Réunion de lancement pas encore tenue ni prévue (article 5)"
	keys Enter
	expect "… et dans l'ordre du jour, en premier" "Réunion de lancement pas encore tenue ni prévue : l'article 5"
	keys /
	text "lancement pas encore"
	keys Enter Enter
	expect "Entrée sur la ligne : comment la prévoir" "Prévoir la réunion de lancement : Échap pour la liste, puis n"
	keys Escape
	suivi_cli meeting add --commune "Le Bouscat" --kind lancement --date 20/11/2026 >/dev/null
	keys 1 5
	expect "prévue : le rappel dit sa date" "Réunion de lancement pas encore tenue : prévue le 20/11/2026"
	keys G Enter
	expect "la réunion de suivi" "Réunion de suivi du 10/11/2026"
	expect "… son ordre du jour aussi" "Réunion de lancement pas encore tenue (prévue le 20/11/2026)"
	keys /
	text "lancement pas encore"
	keys Enter Enter
	expect "Entrée sur la ligne : la réunion de lancement" "Réunion de lancement du 20/11/2026 · prévue"
	keys Escape
	suivi_cli meeting close --meeting 20/11/2026 --commune "Le Bouscat" >/dev/null
	keys 1 5
	expect "tenue : la liste le montre" "20/11/2026  réunion de lancement"
	expect_not "… et ne la rappelle plus" "Réunion de lancement pas encore tenue"
	e2e_stop
}
