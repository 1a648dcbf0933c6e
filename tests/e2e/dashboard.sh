# tests/e2e/dashboard.sh - the tableau de bord: the grid, values typed, drafts, history, tools.
# Scenarios of tests/e2e/run.sh (s_* functions; markers after "{": see run.sh).

# ---------------------------------------------------------------- dashboard
# Le Bouscat 2026 rows: 1.1.1 1.2.1 2.1.1 2.1.2 2.2.1 3.1.1 3.2.1 3.3.1
# 3.3.2[critique] 3.3.2[majeure] 3.3.2[mineure] 4.1.1 4.1.2 4.2.1 4.2.2.
# g goes to the first, Home to January; a value typed then Entrée saves
# it and goes down a row, like a spreadsheet.

dash_open() {
	e2e_start -s 100x30 "$@" "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys 2
	wait_for "Tableau de bord 2026"
}

# A value typed for January, then January's requests logged: the log
# gives another value, and the cell says so.
s_dash_disagree() {
	e2e_start -s 100x30 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	suivi_cli set "Le Bouscat" 3.3.1 2026-01 3 >/dev/null
	printf '%s\n' 'commune,nature de saisine,forme,domaine,nature,objet,reçue,prise en compte' \
		'Le Bouscat,ordinaire,courriel,nsi,demande,Installer un logiciel,2026-01-05 09:00,2026-01-06 09:00' \
		>"$E2E_DIR/janvier.csv"
	suivi_cli import requests "$E2E_DIR/janvier.csv" >/dev/null
	keys 2
	wait_for "Tableau de bord 2026"
	keys g Down Down Down Down Down Down Down Home
	expect "3.3.1 de janvier : la valeur saisie, marquée" "3!"
	expect "la ligne d'état : saisie, et le calcul à côté" \
		"3.3.1 · janvier 2026 : 3 j (saisie ; calcul : 1 j)"
	e2e_stop
}

# "s/o" typed on a cell: the period had nothing to measure; it leaves
# the values to enter, and is shown as such.
s_dash_sans_objet() {
	dash_open
	keys g Down Down Down Down Down Down Down Home
	wait_for "3.3.1 · janvier 2026"
	keys a
	expect "a : janvier est à saisir" "3.3.1 · janvier 2026"
	keys Escape
	text "s/o"
	keys Enter
	expect "s/o tapé sur la case : enregistré" "Enregistré"
	expect "la case dit s/o" " s/o"
	keys Up
	expect "la ligne d'état : sans objet, rien à mesurer" \
		"3.3.1 · janvier 2026 : sans objet · rien à mesurer"
	[ "$(exported "2026-01,sans objet,")" = 1 ] &&
		ok "l'export dit « sans objet »" ||
		not_ok "l'export dit « sans objet »"
	e2e_stop
}

# the number of value rows of the CSV export of Le Bouscat 2026
exported() {
	suivi_cli export measurements --commune "Le Bouscat" --year 2026 | tail -n +2 | grep -c "$1"
}

s_dash_fill() {
	local m v
	dash_open
	expect "le tableau de bord : le mois en cours en vue" "nov."
	expect "le tableau de bord : les indicateurs groupés par engagement" \
		"3.3 Assurer la prise en compte"
	expect "le tableau de bord : une ligne par criticité" "3.3.2 [critique]"
	keys g Down Down Down Down Down Down Down Home
	expect "curseur sur 3.3.1, janvier" "3.3.1 · janvier 2026"
	# three months × five indicators (3.3.1, 3.3.2 ×3, 4.1.1)
	for m in 1 2 3; do
		for v in 1 2 3 4 5; do
			text "$m,$v"
			keys Enter
			wait_for "Enregistré :"
		done
		[ "$m" = 3 ] && expect "la dernière valeur est acquittée" "= 3,5 h"
		keys k k k k k Right
	done
	expect "les valeurs dans la grille" "3,5"
	keys q
	expect_exit "q : sortie, statut 0" 0
	e2e_restart
	wait_for "Identifiant : 33069-2016"
	keys 2
	wait_for "Tableau de bord 2026"
	keys Home
	expect "rouvert : les valeurs sont là (janvier)" "1,1"
	expect "rouvert : les valeurs sont là (mars, 4.1.1)" "3,5"
	if [ "$(exported "2026-0[123]")" = 15 ]; then
		ok "rouvert : 15 valeurs dans la base (export)"
	else
		not_ok "rouvert : 15 valeurs dans la base (export : $(exported "2026-0[123]"))"
	fi
	e2e_stop
}

s_dash_bad() {
	dash_open
	keys g Down Down Down Down Down Down Down Home
	wait_for "3.3.1 · janvier 2026"
	text "-3"
	keys Enter
	expect "une durée négative est refusée, avec la raison" "négati"
	expect "ce qui est tapé reste, à corriger" "-3"
	keys BSpace BSpace
	text "abc"
	keys Enter
	expect "un texte dans une durée est refusé" "n'est pas"
	keys Escape
	expect_not "Échap : la saisie est abandonnée" "abc"
	if [ "$(exported 3.3.1)" = 0 ]; then ok "rien n'a été enregistré"; else not_ok "rien n'a été enregistré"; fi
	# a percentage over 100 (3.1.1, annual)
	keys g j j j j j
	wait_for "3.1.1 · 2026"
	text "101"
	keys Enter
	expect "un pourcentage au-delà de 100 est refusé" "de 0 à 100"
	keys Escape
	e2e_stop
}

s_dash_kill() {
	local pid
	dash_open
	keys g Down Down Down Down Down Down Down Home
	wait_for "3.3.1 · janvier 2026"
	text "2,5"
	keys Enter
	wait_for "Enregistré : 3.3.1 · janvier 2026 = 2,5 j"
	pid=$(suivi_pid)
	kill -9 "$pid"
	expect_exit "kill -9 : suivi tué" 137
	if [ "$(exported '3.3.1.*2026-01.*2,5')" = 1 ]; then
		ok "kill -9 juste après l'acquittement : la valeur est dans la base"
	else
		not_ok "kill -9 juste après l'acquittement : la valeur est dans la base"
	fi
	if suivi_cli check | grep -q "base saine"; then ok "kill -9 : base saine"; else not_ok "kill -9 : base saine"; fi
	e2e_restart
	wait_for "Identifiant : 33069-2016"
	keys 2
	wait_for "Tableau de bord 2026"
	keys Home
	expect "rouvert après kill -9 : la valeur est affichée" "2,5"
	e2e_stop
}

# dash_draft SIGNAL: a value being typed when SIGNAL comes is offered back
# once at the next start.
dash_draft() {
	local sig=$1
	dash_open
	keys g Down Down Down Down Down Down Down Home
	wait_for "3.3.1 · janvier 2026"
	text "7,5"
	wait_for "7,5"
	kill -s "$sig" "$(suivi_pid)"
	expect_exit "SIG$sig pendant une saisie : suivi s'arrête" 0
	e2e_restart
	expect "au démarrage suivant, la saisie est proposée" "Saisie non enregistrée à la fermeture"
	expect "le brouillon dit ce qui était tapé et où" "« 7,5 » (3.3.1 2026-01"
	keys o
	expect "o : la saisie reprend dans sa case" "7,5"
	keys Enter
	expect "Entrée : enregistrée" "Enregistré : 3.3.1 · janvier 2026 = 7,5 j"
	keys q
	expect_exit "q : statut 0" 0
	e2e_restart
	wait_for "Identifiant : 33069-2016"
	expect_not "le brouillon n'est proposé qu'une fois" "Saisie non enregistrée"
	e2e_stop
}

s_dash_draft() {
	dash_draft HUP
	dash_draft TERM
}

s_dash_history() {
	local m v=2
	dash_open
	for m in 01 02 03 04 05; do
		suivi_cli set "Le Bouscat" 3.3.1 "2026-$m" "$v" >/dev/null
		v=$((5 - v))
	done
	keys M-1
	wait_for "Identifiant : 33069-2016"
	keys 2
	wait_for "Tableau de bord 2026"
	keys g Down Down Down Down Down Down Down Home Right Right Right Right Right
	wait_for "3.3.1 · juin 2026"
	text "300"
	keys Enter
	expect "une valeur très loin de l'historique demande confirmation" "très loin des valeurs habituelles"
	keys n
	expect "n : rien d'enregistré, ce qui est tapé reste" "300"
	keys Escape
	expect_not "Échap : abandon" "300"
	text "2"
	keys Enter
	expect "une valeur habituelle s'enregistre sans question" "Enregistré : 3.3.1 · juin 2026 = 2 j"
	keys k End
	expect "Fin : décembre, avec la cible, le niveau constaté et la tendance" "Tendance"
	expect "la tendance des 12 dernières périodes" "▁█▁█▁▁"
	e2e_stop
}

# The grid borrows what the contract screen loaded: going back and forth,
# changing the date there, switching commune here must stay right (and
# clean under the sanitizers).
s_dash_screens() {
	dash_open
	keys M-1
	wait_for "Identifiant : 33069-2016"
	keys d
	wait_for "Annexes en vigueur le"
	text "15/06/2017"
	keys Enter
	wait_for "au 15/06/2017"
	keys 2
	expect "le tableau de bord après un changement de date au contrat" "Tableau de bord 2026"
	expect "ses lignes sont là" "3.3.2 [critique]"
	keys C
	wait_for "Changer de commune"
	keys Down Enter
	expect "changer de commune depuis le tableau de bord" "Le Haillan · contrat 33200-2017"
	expect "le tableau de bord de l'autre commune" "Numérique et systèmes d’information"
	keys M-1
	expect "retour au contrat de l'autre commune" "Animation économique et emploi"
	keys 2
	expect "et de nouveau la grille" "Tableau de bord 2026"
	keys q
	expect_exit "q : statut 0" 0
	e2e_stop
}

s_dash_tools() {
	local tz=CET-1CEST,M3.5.0,M10.5.0/3
	dash_open TZ=$tz
	keys g Down Down Down Down Down Down Down Home
	wait_for "3.3.1 · janvier 2026"
	text "3"
	keys Enter
	wait_for "Enregistré"
	keys k
	text "4"
	keys Enter
	wait_for "= 4 j"
	keys k
	keys h
	expect "h : l'historique de la case" "Historique : 3.3.1 · janvier 2026"
	expect "l'historique : chaque valeur" "saisie 3 j"
	expect "l'historique : la dernière aussi" "saisie 4 j"
	expect "l'historique : à l'heure de l'utilisateur (TZ), pas en UTC" \
		"$(TZ=$tz date +'%d/%m/%Y %H:')"
	keys Escape
	keys u
	expect "u : la dernière modification est annulée" "Annulé : 3.3.1 · janvier 2026"
	expect "u : la valeur d'avant revient" "3.3.1 · janvier 2026 : 3 j"
	keys h
	expect "l'annulation est dans l'historique" "annulation, revient à 3 j"
	keys Escape
	keys c
	expect "c : le commentaire" "Commentaire 3.3.1 · janvier 2026"
	text "panne du serveur"
	keys Enter
	expect "commentaire enregistré" "Commentaire enregistré"
	expect "la case commentée porte une marque" " 3*"
	keys t
	expect "t : la cible de l'année" "Cible 2026 de 3.3.1"
	text "2"
	keys Enter
	expect "puis le sens d'amélioration" "Sens :"
	keys Enter
	expect "cible enregistrée" "Cible 2026 enregistrée"
	expect "3 j pour une cible de 2 j (plus bas est meilleur) : manquée" "cible manquée"
	keys x
	expect "x : la valeur est effacée" "Effacé : 3.3.1 · janvier 2026"
	expect "effacée : attendue, non saisie" "attendue, non saisie"
	keys u
	expect "u après x : la valeur revient" "3.3.1 · janvier 2026 : 3 j"
	keys p
	expect "p : 3.3.1 passe au trimestre" "suivi par trimestre"
	expect "les colonnes du trimestre" "3.3.1 · T"
	keys p
	expect "p : retour au mois" "suivi par mois"
	keys ]
	expect "] : l'année suivante" "Tableau de bord 2027"
	keys [ [
	expect "[ : l'année précédente" "Tableau de bord 2025"
	keys a
	expect "a : la liste à saisir" "À saisir :"
	keys Escape
	keys ] Home a
	expect "en 2026, janvier : ce qui est attendu" "À saisir : 6 valeurs"
	keys Enter
	expect "Entrée : la première valeur à saisir s'ouvre" "2.1.1 · janvier 2026"
	text "10"
	keys Enter
	expect "saisie, puis la suivante s'ouvre" "3.3.2 · critique · janvier 2026"
	keys Escape
	expect_not "Échap arrête la saisie en série" "_ "
	keys '?'
	expect "? : l'aide du tableau de bord" "Aide : Tableau de bord"
	keys NPage
	expect "l'aide : la légende des signes" "cible atteinte"
	keys Escape
	keys M-1
	expect "Alt+1 : retour au contrat" "Identifiant : 33069-2016"
	e2e_stop
}
