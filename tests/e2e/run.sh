#!/bin/bash
# tests/e2e/run.sh - end-to-end tests: the real suivi in tmux.
#
#   SUIVI_BIN=/abs/path/to/suivi bash tests/e2e/run.sh    (from the project root)
#
# The scenarios run under each of fr_FR.UTF-8 (when `locale -a` has it),
# C.UTF-8, C, and fr_FR.UTF-8 (or C.UTF-8) with NO_COLOR set;
# SUIVI_TEST_LOCALES="C …" chooses the locales. Output: "ok - …" or
# "FAIL - …" per check (the pane below a failure), then "N passed, N failed".
# E2E_ONLY="s_meetings …" runs those scenarios alone, under E2E_LOCALE
# (default C.UTF-8).

if [ ! -f tests/e2e/lib.sh ]; then
	echo "run.sh : à lancer depuis la racine du projet" >&2
	exit 2
fi
if ! command -v tmux >/dev/null; then
	echo "run.sh : tmux est nécessaire (apt-get install tmux)" >&2
	exit 2
fi
. tests/e2e/lib.sh
. tests/e2e/typing.sh
. tests/e2e/article4.sh
. tests/e2e/sync.sh
. tests/e2e/reliability.sh
if [ ! -x "$SUIVI" ]; then
	echo "run.sh : programme introuvable : $SUIVI (SUIVI_BIN)" >&2
	exit 2
fi
trap e2e_cleanup EXIT
trap 'e2e_cleanup; exit 130' INT TERM HUP

# --------------------------------------------------------------------------
# Scenarios. Each starts its own suivi; E2E_LOCALE and E2E_EXTRA (NO_COLOR)
# are set by the loop at the bottom; under LANG=C (E2E_ASCII=1) the texts
# looked for are spelled in ASCII, as suivi draws them there (lib.sh).

s_open() {
	e2e_start "${E2E_EXTRA[@]}"
	expect "ouverture : l'en-tête nomme la commune et le contrat" \
		"Le Bouscat · contrat 33069-2016"
	expect "ouverture : l'annexe en vigueur est celle de l'avenant n°1" \
		"avenant n°1 en vigueur"
	expect "ouverture : la date du jour" "lundi 23/11/2026"
	expect "ouverture : les six écrans dans les onglets" \
		"[1 Contrat]  2 Tableau de bord   3 Saisines   4 Litiges   5 Réunions   6 Rapports"
	expect "ouverture : la ligne d'état dit les touches" "? aide"
	expect "ouverture : le contrat est affiché" "Identifiant : 33069-2016"
	keys 2
	expect "écran 2 : le tableau de bord" "Tableau de bord 2026"
	keys M-6
	expect "Alt+6 : Rapports, l'échéance de l'évaluation" \
		"au plus tard le 31/03/2027 (article 5)"
	keys 1
	expect "retour à l'écran Contrat" "Identifiant : 33069-2016"
	keys q
	expect_exit "q quitte sans question (rien à enregistrer), statut 0" 0
	expect_restored "le terminal est rendu (écran normal, curseur visible)"
	e2e_stop
}

s_indicator() {
	e2e_start "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	# Le contrat, L'essentiel, Numérique… (the domain), Avenants
	keys j j Enter
	expect "domaine ouvert : ses rubriques" "Engagements et indicateurs"
	keys j Enter
	expect "engagements : 3.3 listé" "3.3 Assurer la prise en compte"
	keys j j j j j j
	keys Enter
	expect "engagement 3.3 : ses indicateurs" "3.3.2 "
	keys Down Right
	expect "indicateur 3.3.2 : son intitulé" "Délai de résolution des incidents par criticité"
	expect "indicateur 3.3.2 : son niveau de service constaté" \
		"Niveau de service constaté : A calculer sur la base de"
	expect "indicateur 3.3.2 : sa périodicité" \
		"Périodicité : mensuelle ou trimestrielle"
	expect "indicateur 3.3.2 : sa source" "Source : Centre d'assistance et de support"
	expect "indicateur 3.3.2 : ses criticités, choix du suivi" \
		"Par criticité : critique, majeure, mineure — choix du"
	expect "indicateur 3.3.2 : son type de valeur, choix du suivi" \
		"Type de valeur : durée en heures — choix du suivi"
	keys BSpace
	expect "Retour arrière : le volet de liste reprend la main" "3.3.1 "
	keys BSpace
	expect "Retour arrière : revient aux engagements" "3.1 Assurer le renouvellement"
	keys Left Left
	expect "← : remonte jusqu'au contrat" "Avenants"
	e2e_stop
}

s_contact() {
	e2e_start -s 120x30 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys C
	expect "C : le sélecteur de communes" "Le Haillan (33200, contrat 33200-2017)"
	# typing narrows the list (accents and case ignored)
	text "HAI"
	expect "le sélecteur : taper cherche" "(1/2)"
	keys Enter
	expect "Le Haillan choisi : l'en-tête change" "Le Haillan · contrat 33200-2017"
	expect "Le Haillan : annexes d'origine" "annexes d'origine"
	expect "un long détail dit où on en est" "lignes 1-"
	keys Tab NPage
	expect "Tab puis PgSuiv : le détail défile" "lignes 2"
	keys End
	expect "Fin : le bas du détail" "convenu et arrêté ce qui suit"
	keys Home
	expect "Début : le haut du détail" "lignes 1-"
	keys Tab
	# Le contrat, L'essentiel, Articles, Numérique…
	keys j j j Enter
	expect "domaine Numérique ouvert" "Sous-domaines et activités"
	keys Enter
	expect "sous-domaines listés" "C. Fourniture des postes"
	keys j j
	expect "sous-domaine C : qui saisir" "Qui saisir"
	expect "sous-domaine C : la saisine en urgence" "Saisine en urgence"
	expect "sous-domaine C, urgence : le service commun" \
		"Service commun : Chef de service centre d’appel et pilotage"
	expect "sous-domaine C, urgence : la commune" \
		"Commune : Chef de service de l’utilisateur"
	keys Tab
	expect "Tab : le volet de détail a la main" "Tab changer de volet"
	keys End
	expect "Fin dans le détail : les activités" "Activités mutualisées"
	e2e_stop
}

s_search() {
	e2e_start "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys /
	expect "/ : l'invite de recherche" "Chercher :"
	text "numerique"
	expect "recherche incrémentale, sans accents : trouve « Numérique »" \
		"Numérique"
	keys Enter
	expect "Entrée : la recherche est gardée, avec le rang du résultat" "« numerique » : "
	expect "la ligne d'état dit comment passer au suivant" "n suivant"
	keys n
	expect_not "n : le résultat suivant est trouvé" "introuvable"
	keys /
	text "CENTRE D'APPEL MULTICANAL"
	keys Enter
	expect "recherche insensible à la casse : trouvée" "« CENTRE D'APPEL MULTICANAL » : 1/"
	expect "recherche insensible à la casse : le texte est montré" "multicanal"
	keys /
	text "systèmes d'information"
	keys Enter
	expect "une saisie accentuée est comprise (tous les locales, LANG=C compris)" "« systèmes d'information » : "
	keys /
	text "zzzintrouvable"
	expect "recherche sans résultat : le dit" "introuvable"
	keys Escape
	expect_not "Échap : la recherche est abandonnée" "Chercher :"
	# invalid bytes typed in the prompt do not eat what follows
	keys /
	bytes c3 28
	text "xyz"
	expect "un octet invalide ne mange pas la suite de la saisie" "xyz"
	keys Escape
	e2e_stop
}

# Versions of an annex, the annexes in force at a date, what an amendment
# changed: on the test contract, whose annex has two versions.
s_versions() {
	e2e_start -s 120x30 -i "tests/fixtures/test-contrat.ini tests/fixtures/test-avenant-1.ini" \
		"${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys C
	wait_for "Testville (33999, contrat test-2020)"
	keys Down Down Enter
	expect "Testville : l'avenant n°1 en vigueur" "Testville · contrat test-2020 · avenant n°1 en vigueur"
	# Le contrat, L'essentiel, Articles, Numérique…, Avenants
	keys j j j Enter
	wait_for "Versions de l'annexe"
	keys G Enter
	expect "les versions : l'annexe d'origine, jusqu'à la veille de l'avenant" \
		"annexe du contrat, du 01/01/2020 au 31/12/2020"
	expect "les versions : celle de l'avenant, affichée" "avenant n°1, depuis le 01/01/2021 [affichée]"
	keys g Enter
	expect "Entrée sur une version : elle est affichée" "Version affichée : annexe du contrat"
	keys Enter
	wait_for "Engagements et indicateurs"
	keys j Enter
	wait_for "1.1 Produire"
	keys Enter
	wait_for "1.1.1 "
	expect "l'ancienne version montre l'ancien niveau constaté" "Niveau de service constaté : Non formalisé"
	keys Left Left Left
	wait_for "Avenants"
	keys G Enter
	expect "Avenants : l'avenant n°1" "Avenant n°1 : Révision des niveaux de service"
	expect "ce que l'avenant a changé : un nouvel indicateur" "nouvel indicateur 1.1.4"
	expect "ce que l'avenant a changé : un indicateur retiré" "indicateur 1.1.2 retiré"
	keys Escape
	wait_for "Le contrat"
	keys d
	expect "d : la date demandée" "Annexes en vigueur le"
	text "32/13/2020"
	keys Enter
	expect "une date impossible est refusée, en le disant" "n'est pas une date"
	expect "rien n'a changé" "avenant n°1 en vigueur"
	keys d
	wait_for "Annexes en vigueur le"
	text "15/06/2020"
	keys Enter
	expect "à une date d'avant l'avenant : les annexes d'origine" "annexes d'origine au 15/06/2020"
	keys d
	wait_for "Annexes en vigueur le"
	text "2026-11-23"
	keys Enter
	expect "retour à aujourd'hui" "avenant n°1 en vigueur"
	keys q
	expect_exit "q : statut 0" 0
	e2e_stop
}

# Wide characters (CJK, emoji), accents and long texts: cut with an
# ellipsis at the right column, never inside a character; the pane stays
# valid UTF-8 and the frame stays in place.
s_wide() {
	local f=$E2E_TOP/build/e2e-wide.ini
	mkdir -p "$E2E_TOP/build"
	sed -e 's/^commune = Testville/commune = 東京都ヴィル-Éléphant-😀/' \
	    -e 's/^identifiant = test-2020/identifiant = wide-2020/' \
	    -e 's/^contrat = test-2020/contrat = wide-2020/' \
	    -e 's/^nom = Stratégie numérique/nom = Stratégie numérique 東京都庁舎の情報システム戦略とガバナンスとセキュリティの長い名前/' \
	    tests/fixtures/test-contrat.ini >"$f"
	e2e_start -s 80x24 -i "$f" "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys C
	wait_for "東京都ヴィル"
	keys Down Down Enter
	expect "un nom en caractères larges dans l'en-tête" "東京都ヴィル-Éléphant-😀 · contrat wide-2020"
	keys j j j Enter
	wait_for "Sous-domaines et activités"
	keys Enter
	expect "un libellé large trop long est coupé par une ellipsis" "A. Stratégie numérique 東京"
	if screen | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then
		ok "l'écran reste de l'UTF-8 valide"
	else
		not_ok "l'écran reste de l'UTF-8 valide"
	fi
	if [ "$(screen | sed -n 4p | grep -o '│' | wc -l)" = 1 ] &&
	   screen | sed -n 4p | grep -q '…│'; then
		ok "la ligne coupée s'arrête au séparateur des volets, avec …"
	else
		not_ok "la ligne coupée s'arrête au séparateur des volets, avec …"
	fi
	expect "le détail replie le texte large sur plusieurs lignes" "情報システム"
	resize 50 20
	expect "plus étroit : toujours une ellipsis" "…"
	if screen | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then
		ok "plus étroit : l'écran reste de l'UTF-8 valide"
	else
		not_ok "plus étroit : l'écran reste de l'UTF-8 valide"
	fi
	e2e_stop
	rm -f "$f"
}

s_help() {
	e2e_start "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys '?'
	expect "? : l'aide de l'écran" "Aide : Contrat"
	expect "aide : les touches de navigation" "descendre"
	expect "aide : la recherche" "chercher"
	expect "aide : quitter" "quitter"
	expect "aide : le changement de commune" "changer de commune"
	keys Escape
	wait_gone "Aide : Contrat"
	expect_not "Échap ferme l'aide" "Aide : Contrat"
	keys F1
	expect "F1 : l'aide aussi" "Aide : Contrat"
	keys q
	wait_gone "Aide : Contrat"
	expect_not "q ferme l'aide sans quitter" "[[exit="
	e2e_stop
}

s_resize() {
	e2e_start "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys j j Enter
	wait_for "Engagements et indicateurs"
	resize 60 20
	expect "60×20 : l'écran se redessine" "Engagements et"
	expect "60×20 : l'en-tête tient" "Le Bouscat"
	resize 30 8
	expect "trop petit : un message clair" "trop petite"
	resize 120 40
	expect "120×40 : retour à la normale" "Engagements et indicateurs"
	expect "120×40 : les onglets en entier" "6 Rapports"
	keys /
	resize 80 24
	expect "redimensionné pendant une saisie : l'invite reste" "Chercher :"
	text "abc"
	expect "la saisie continue après le redimensionnement" "abc"
	keys Escape
	keys q
	expect_exit "q après redimensionnements : statut 0" 0
	e2e_stop
}

s_signals() {
	local sig pid t0 t1
	for sig in HUP TERM INT; do
		e2e_start "${E2E_EXTRA[@]}"
		wait_for "Identifiant : 33069-2016"
		pid=$(suivi_pid)
		t0=$(now_ms)
		kill -s "$sig" "$pid"
		if poll_for "[[exit="; then
			t1=$(now_ms)
			if [ $((t1 - t0)) -le 2000 ]; then
				ok "SIG$sig : sortie en $((t1 - t0)) ms (≤ 2 s)"
			else
				not_ok "SIG$sig : sortie en $((t1 - t0)) ms (> 2 s)"
			fi
		else
			not_ok "SIG$sig : suivi ne s'arrête pas"
		fi
		expect_not "SIG$sig : pas de plantage" "Segmentation"
		expect_restored "SIG$sig : le terminal est rendu"
		e2e_stop
	done
}

s_terminals() {
	e2e_start TERM=dumb "${E2E_EXTRA[@]}"
	expect_exit "TERM=dumb : statut 2" 2
	if grep -q "terminal" "$E2E_DIR/stderr"; then ok "TERM=dumb : un message clair"; else not_ok "TERM=dumb : un message clair"; fi
	e2e_stop
	e2e_start TERM=nexistepas "${E2E_EXTRA[@]}"
	expect_exit "TERM inconnu : statut 2" 2
	if grep -q "nexistepas" "$E2E_DIR/stderr"; then ok "TERM inconnu : le message le nomme"; else not_ok "TERM inconnu : le message le nomme"; fi
	e2e_stop
	e2e_start TERM=vt100 "${E2E_EXTRA[@]}"
	expect "TERM=vt100 : l'écran s'affiche" "Identifiant : 33069-2016"
	keys j j Enter
	expect "TERM=vt100 : la navigation marche" "Engagements et indicateurs"
	keys q
	expect_exit "TERM=vt100 : q, statut 0" 0
	e2e_stop
}

# Colour is never the only sign of a state; NO_COLOR and couleurs = non
# take it away, couleurs = oui brings it back over NO_COLOR.
s_colours() {
	e2e_start
	wait_for "Identifiant : 33069-2016"
	if has_colour; then ok "couleurs par défaut"; else not_ok "couleurs par défaut"; fi
	e2e_stop
	e2e_start NO_COLOR=1
	wait_for "Identifiant : 33069-2016"
	if has_colour; then not_ok "NO_COLOR : aucune couleur"; else ok "NO_COLOR : aucune couleur"; fi
	if screen_sgr | grep -qE $'\e\\[([0-9;]*;)?7m'; then
		ok "NO_COLOR : la sélection en vidéo inverse"
	else
		not_ok "NO_COLOR : la sélection en vidéo inverse"
	fi
	expect "NO_COLOR : la sélection marquée aussi d'un signe" "› Le contrat"
	e2e_stop
	e2e_start -c $'[affichage]\ncouleurs = non'
	wait_for "Identifiant : 33069-2016"
	if has_colour; then not_ok "couleurs = non : aucune couleur"; else ok "couleurs = non : aucune couleur"; fi
	e2e_stop
	e2e_start -c $'[affichage]\ncouleurs = oui' NO_COLOR=1
	wait_for "Identifiant : 33069-2016"
	if has_colour; then ok "couleurs = oui l'emporte sur NO_COLOR"; else not_ok "couleurs = oui l'emporte sur NO_COLOR"; fi
	e2e_stop
	e2e_start -c $'[affichage]\nformat_date = aaaa-mm-jj'
	expect "format_date = aaaa-mm-jj : la date de l'en-tête" "lundi 2026-11-23"
	expect "format_date = aaaa-mm-jj : les dates du contrat" "Début : 2016-02-15"
	e2e_stop
	e2e_start -c $'[suivi]\ncommune = 33200'
	expect "commune = 33200 : suivi s'ouvre sur Le Haillan" "Le Haillan · contrat 33200-2017"
	e2e_stop
}


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

s_dash_draft() {
	local sig=${1:-HUP}
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

s_requests() {
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
s_disputes() {
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

# Rapports: the deadline of article 5, the year, an observation, both
# documents written from the screen in two formats, what they say; an
# observation typed when the terminal closes comes back.
s_reports() {
	local dir
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	suivi_cli set "Le Bouscat" 3.1.1 2025 "12,5 %" >/dev/null
	keys 6
	expect "l'écran des rapports : l'évaluation de l'année et son échéance" "Évaluation 2026 : à transmettre à la commune au plus tard le 31/03/2027 (article 5), l'année finie"
	expect "le format et le dossier" "Année 2026 · format : HTML (à imprimer) (f) · dossier : ~/Documents/suivi"
	keys [
	expect "[ : l'année précédente, son échéance passée" "Évaluation 2025 : l'échéance du 31/03/2026 (article 5) est passée depuis 237 jours"
	expect "les documents de l'année" "Évaluation annuelle 2025 — Le Bouscat  →  evaluation-le-bouscat-2025.html"
	expect "… et les domaines" "nsi Numérique et systèmes d'information — la commune : (aucune)"
	keys j j j Enter
	expect "Entrée sur un domaine : ses observations" "Observations 2025 de la commune : nsi Numérique et systèmes d'information"
	text "Année de transition : le parc a été renouvelé à 80 %."
	keys Enter
	expect "enregistrées" "Observations nsi 2025 enregistrées"
	expect "… dans la liste" "nsi Numérique et systèmes d'information — la commune : Année de transition"
	keys g Enter
	dir="$E2E_DIR/home/Documents/suivi"
	expect "Entrée : l'évaluation écrite" "Écrit dans ~/Documents/suivi : evaluation-le-bouscat-2025.html"
	if grep -qF "Évaluation annuelle 2025" "$dir/evaluation-le-bouscat-2025.html" &&
		grep -qF "Année de transition : le parc a été renouvelé à 80 %." "$dir/evaluation-le-bouscat-2025.html" &&
		grep -qF "12,5 %" "$dir/evaluation-le-bouscat-2025.html" &&
		[ "$(stat -c %a "$dir/evaluation-le-bouscat-2025.html")" = 600 ]; then
		ok "l'évaluation dit l'année, l'observation et la valeur (0600)"
	else
		not_ok "l'évaluation : $(ls -la "$dir" 2>&1)"
	fi
	keys f
	expect "f : un autre format" "Format : OpenDocument texte (.fodt, modifiable)"
	keys j Enter
	expect "l'état récapitulatif de la commune" "Écrit dans ~/Documents/suivi : etat-recapitulatif-le-bouscat-2025.fodt"
	keys j Enter
	expect "… et de toutes les communes" "Écrit dans ~/Documents/suivi : etat-recapitulatif-toutes-communes-2025.fodt"
	if grep -qF "application/vnd.oasis.opendocument.text" "$dir/etat-recapitulatif-toutes-communes-2025.fodt"; then
		ok "l'état récapitulatif est un texte OpenDocument"
	else
		not_ok "l'état récapitulatif : $(head -c 500 "$dir/etat-recapitulatif-toutes-communes-2025.fodt" 2>&1)"
	fi
	keys Enter
	expect "Entrée à nouveau : remplacer, en le demandant" "existe déjà : le remplacer ? (o/N)"
	keys n
	expect "n : rien d'écrit" "Rien d'écrit"
	keys G k Enter
	wait_for "Observations 2025 de la commune : nsi"
	keys C-u
	text "Brouillon d'observation"
	wait_for "Brouillon d'observation"
	kill -HUP "$(suivi_pid)"
	expect_exit "SIGHUP pendant une observation : suivi s'arrête" 0
	e2e_restart
	expect "au démarrage, l'observation est proposée" "Observations non enregistrées à la fermeture (nsi 2025, la commune)"
	keys o
	expect "o : le formulaire revient" "Brouillon d'observation"
	keys Enter
	expect "enregistrée" "Observations nsi 2025 enregistrées"
	expect "… à la place de l'ancienne" "nsi Numérique et systèmes d'information — la commune : Brouillon d'observation"
	keys x
	expect "x : effacer, en le demandant" "Effacer les observations 2025 de nsi (la commune) ? (o/N)"
	keys o
	expect "effacées" "Observations nsi 2025 effacées"
	expect "… la liste le dit" "nsi Numérique et systèmes d'information — la commune : (aucune)"
	e2e_stop
}

# Rapports, the évaluation's period (issue 16, part 4): p chooses the
# calendar year or the contract's anniversary date, said in the header,
# the list and the file name; the sender from suivi.ini is in the document;
# a year before the contract is said in the header and refused on Enter,
# nothing written.
# t on the Rapports screen: when the évaluation was sent and presented,
# the adjustments proposed; a presentation before the sending refused in
# the form; the head line says it; the document too; typed text survives
# a closed terminal.
s_reports_record() {
	local dir
	e2e_start -s 110x32 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys 6
	wait_for "Évaluation 2026"
	keys [
	expect "2025 : à transmettre" "Évaluation 2025 : l'échéance du 31/03/2026 (article 5) est passée"
	keys t
	expect "t : le formulaire de la transmission" "Évaluation 2025 : transmission et ajustements"
	text "15/01/2026"
	keys Tab
	text "10/01/2026"
	keys Tab
	text "Revoir la cible de 3.3.2"
	keys Enter
	expect "présentée avant l'envoi : refusé, dit" "présentée le 10/01/2026, avant d'être envoyée à la commune (le 15/01/2026)"
	keys BTab C-u
	text "10/02/2026"
	keys Enter
	expect "enregistré" "Évaluation 2025 : transmission et ajustements enregistrés"
	expect "la ligne de tête le dit" "Évaluation 2025 : envoyée à la commune le 15/01/2026, présentée le 10/02/2026 (t)"
	keys g Enter
	dir="$E2E_DIR/home/Documents/suivi"
	# the message of this write (the list names the file all along)
	expect "Entrée : l'évaluation écrite" "Écrit dans ~/Documents/suivi : evaluation-le-bouscat-2025.html"
	if grep -qF "Envoyée à la commune le 15/01/2026 (échéance : 31/03/2026)." "$dir/evaluation-le-bouscat-2025.html" &&
		grep -qF "Présentée aux instances délibératives communales le 10/02/2026." "$dir/evaluation-le-bouscat-2025.html" &&
		grep -qF "Ajustements proposés pour 2026 : Revoir la cible de 3.3.2" "$dir/evaluation-le-bouscat-2025.html"; then
		ok "l'évaluation dit l'envoi, la présentation et les ajustements"
	else
		not_ok "l'évaluation : transmission absente ($(ls "$dir" 2>&1))"
	fi
	if suivi_cli evaluation "Le Bouscat" 2025 | grep -qF "présentée aux instances délibératives communales le : 10/02/2026"; then
		ok "suivi evaluation lit ce que l'écran a enregistré"
	else
		not_ok "suivi evaluation lit ce que l'écran a enregistré"
	fi
	# half-typed, then the terminal goes away
	keys t
	wait_for "transmission et ajustements"
	keys Tab Tab C-u
	text "Ajouter un indicateur de satisfaction"
	wait_for "Ajouter un indicateur de satisfaction"
	kill -HUP "$(suivi_pid)"
	expect_exit "SIGHUP dans le formulaire : suivi s'arrête" 0
	e2e_restart
	expect "au démarrage, la saisie est proposée" "Transmission de l'évaluation 2025 non enregistrée à la fermeture"
	keys o
	expect "o : le texte revient" "Ajouter un indicateur de satisfaction"
	keys Enter
	expect "enregistré" "transmission et ajustements enregistrés"
	if suivi_cli evaluation "Le Bouscat" 2025 | grep -qF "ajustements proposés pour 2026 : Ajouter un indicateur de satisfaction"; then
		ok "le texte repris est enregistré"
	else
		not_ok "le texte repris est enregistré"
	fi
	e2e_stop
}

# The contract's words: its committees under their names in the annex in
# force, its headings, its instances.
s_contract_words() {
	e2e_start -s 100x60 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys j j Enter
	expect "le domaine : « Rôles et responsabilités »" "Rôles et responsabilités"
	keys Escape Escape Escape
	keys 5
	wait_for "Réunions"
	keys n
	wait_for "Prévoir une réunion"
	keys Space
	expect "le comité numérique sous le nom de l'annexe en vigueur" "comité numérique stratégique communal"
	keys Escape Escape
	keys 1
	wait_for "Le Bouscat"
	keys Left Left Left Home j Enter
	wait_for "Ce que le contrat fixe"
	expect "L'essentiel : les instances délibératives communales" "aux instances délibératives communales pour"
	expect "L'essentiel : la Conférence territoriale" "Conférence territoriale."
	e2e_stop
}

# A contract whose annex gives its own criticality levels: the request
# form offers those, not a fixed list.
s_contract_criticalities() {
	local ini
	ini=$(mktemp "${TMPDIR:-/tmp}/suivi-vert.XXXXXX")
	printf '%s\n' '[contrat]' 'identifiant = vert-2020' 'commune = Aubeville' \
		'insee = 33990' 'intitule = Contrat' 'debut = 2020-01-01' '' \
		'[domaine ev]' 'nom = Espaces verts' '' \
		'[engagement ev/1]' 'intitule = Entretenir' '' \
		'[indicateur ev/1.1]' 'engagement = 1' 'intitule = Délai' \
		'periodicite = mensuelle' 'source = Outil' \
		'type_valeur = duree_heures' 'meilleur = baisse' \
		'criticites = bloquante, gênante' >"$ini"
	e2e_start -s 110x34 -i "share/suivi/contrats/le-bouscat.ini share/suivi/contrats/le-bouscat-avenant-1.ini share/suivi/contrats/le-haillan.ini $ini" "${E2E_EXTRA[@]}"
	rm -f "$ini"
	wait_for "Identifiant :"
	keys C
	wait_for "Changer de commune"
	text Aubeville
	keys Enter
	wait_for "Identifiant : vert-2020"
	keys 3
	wait_for "Saisines : 0"
	keys n
	wait_for "Nouvelle saisine"
	keys Tab Tab Tab Tab Right
	wait_for "Demande ou incident (2/2)"
	keys Down Enter
	keys Tab Space
	expect "la criticité : les niveaux de l'annexe du contrat" "bloquante"
	expect "… tous" "gênante"
	e2e_stop
}

s_reports_period() {
	local dir
	e2e_start -s 130x34 -c $'[evaluation]\nexpediteur = Marie Durand\nfonction = Directrice du pôle territorial' "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	keys 6
	expect "la période de l'évaluation dite : l'année civile" "Évaluation sur l'année civile (p : d'une date anniversaire du contrat à la suivante)"
	keys p
	expect "p : de la date anniversaire à la suivante" "Évaluation du 15/02/2026 au 14/02/2027, d'une date anniversaire du contrat à la suivante (p : l'année civile)"
	expect "… le message le dit" "Évaluation : date anniversaire du contrat"
	keys [
	expect "la ligne de l'évaluation : ses dates, son fichier" "Évaluation annuelle du 15/02/2025 au 14/02/2026 — Le Bouscat  →  evaluation-le-bouscat-2025-anniversaire.html"
	expect "l'échéance : le 31 mars après la période" "Évaluation 2025 : l'échéance du 31/03/2026 (article 5) est passée"
	keys g Enter
	dir="$E2E_DIR/home/Documents/suivi"
	expect "Entrée : l'évaluation écrite" "Écrit dans ~/Documents/suivi : evaluation-le-bouscat-2025-anniversaire.html"
	if grep -qF "Évaluation annuelle du 15/02/2025 au 14/02/2026 — Le Bouscat" "$dir/evaluation-le-bouscat-2025-anniversaire.html" &&
		grep -qF "Expéditeur : Marie Durand, Directrice du pôle territorial." "$dir/evaluation-le-bouscat-2025-anniversaire.html" &&
		grep -qF "avenant n°1, en vigueur à partir du 01/01/2018" "$dir/evaluation-le-bouscat-2025-anniversaire.html"; then
		ok "l'évaluation dit sa période, l'expéditeur de suivi.ini et l'annexe en vigueur"
	else
		not_ok "l'évaluation anniversaire : $(ls -la "$dir" 2>&1)"
	fi
	keys y
	wait_for "Année :"
	text "2015"
	keys Enter
	expect "une année avant le contrat : dite en tête" "Pas d'évaluation pour la période du 15/02/2015 au 14/02/2016 : le contrat de Le Bouscat"
	keys g Enter
	expect "Entrée : refusée, en le disant" "Document non écrit : pas d'évaluation pour la période du 15/02/2015"
	if [ ! -e "$dir/evaluation-le-bouscat-2015-anniversaire.html" ]; then
		ok "… rien d'écrit"
	else
		not_ok "un fichier écrit pour 2015"
	fi
	keys p
	expect "p : l'année civile, refusée aussi" "Pas d'évaluation pour 2015 : le contrat de Le Bouscat commence le 15/02/2016"
	keys j Enter
	expect "l'état récapitulatif de 2015 reste possible" "Écrit dans ~/Documents/suivi : etat-recapitulatif-le-bouscat-2015.html"
	e2e_stop
}

# ---------------------------------------------------------------- hostile text

# Hostile text on every screen: escape sequences (terminal title, clear
# screen, colour), control characters, SQL metacharacters and 1 MB texts,
# imported by the command line (and python's sqlite3 for what no command
# writes: the contract's texts, an observation, a dispute). Shown with "?" in
# place of each control, never raw: no escape sequence from the data in the
# pane, the title unchanged, header, tabs and status line in place; the big
# texts shown in time; control bytes typed in a form are not stored.
H_OSC=$'\e]0;pwned\a'
H_CLR=$'\e[2J'
H_RED=$'\e[31m'

hostile_seed() {
	local db=$E2E_DIR/home/.local/share/suivi/suivi.db
	# The store refuses control characters by every route (limits.h):
	# the hostile texts are written with placeholders through the
	# command line, then put in the database directly, as an older
	# version or another program could have left them. The interface
	# must show whatever the file holds safely.
	{
		printf '%s\r\n' "commune,nature de saisine,forme,domaine,nature,demandeur,objet,reçue,demande,décision,décidé par,décidé le"
		printf '%s\r\n' "Le Bouscat,ordinaire,courriel,nsi,demande,Dem {CLR} X,Saisine A {OSC} fin A,2026-11-02 09:00,,,,"
		printf '%s\r\n' "Le Bouscat,ordinaire,courriel,nsi,demande,,Saisine B {RED}rouge{CRBSTAB}fin B,2026-11-03 09:00,,,,"
		printf '%s\r\n' "Le Bouscat,ordinaire,courriel,nsi,demande,,'; DROP TABLE request; -- 100% _x_,2026-11-04 09:00,,,,"
		printf '%s\r\n' "Le Bouscat,ordinaire,courriel,nsi,demande,,Saisine D {BIG}fin D,2026-11-05 09:00,,,,"
		printf '%s\r\n' "Le Bouscat,exceptionnelle,courrier,nsi,demande,,Saisine E {OSC},2026-11-06 09:00,Dem {CLR} E,Déc {RED} E,DGA,2026-11-10"
	} >"$E2E_DIR/hostile.csv"
	suivi_cli import requests "$E2E_DIR/hostile.csv" >/dev/null &&
	suivi_cli meeting add --commune "Le Bouscat" --kind suivi --date 20/11/2026 \
		--place "Salle {OSC} {CLR}" \
		--notes "Notes {RED} un"$'\n'"deux {OSC}" >/dev/null &&
	suivi_cli meeting action --meeting 20/11/2026 --commune "Le Bouscat" \
		--what "Action {CLR} A" --owner "Resp {OSC}" >/dev/null &&
	suivi_cli meeting decision --meeting 20/11/2026 --commune "Le Bouscat" \
		--text "Décision {RED} D" >/dev/null &&
	suivi_cli set "Le Bouscat" 3.1.1 2026 "12 %" --comment "Comm {OSC}" >/dev/null &&
	python3 - "$db" <<'PYEOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
osc, clr, red = "\x1b]0;pwned\x07", "\x1b[2J", "\x1b[31m"
def put(s):
    return (s.replace("{OSC}", osc).replace("{CLR}", clr).replace("{RED}", red)
             .replace("{CRBSTAB}", "\r\b\t").replace("{BIG}", "mot " * 262144))
for table, cols in (("request", ("requester", "object")),
                    ("exceptional_request", ("asked", "decision")),
                    ("meeting", ("place", "notes")),
                    ("action_item", ("what", "owner")),
                    ("decision", ("text",)),
                    ("measurement", ("comment",))):
    for col in cols:
        for uid, v in c.execute("SELECT uid, %s FROM %s" % (col, table)).fetchall():
            if v is not None and "{" in v:
                c.execute("UPDATE %s SET %s = ? WHERE uid = ?" % (table, col), (put(v), uid))
c.execute("UPDATE contract SET title = ?, preamble = ? WHERE identifier = ?",
          ("Titre " + osc + " X", "Préambule " + clr + " " + red + " " + "mot " * 262144,
           "33069-2016"))
d = c.execute("SELECT d.uid FROM domain d JOIN contract k ON k.uid = d.contract_uid"
              " WHERE k.identifier = ? AND d.code = ?", ("33069-2016", "nsi")).fetchone()[0]
c.execute("INSERT INTO observation (uid, domain_uid, year, text, author, updated_at)"
          " VALUES (?, ?, ?, ?, ?, ?)", ("f" * 32, d, 2026,
          "Obs " + osc + " " + clr + " fin", "Test", "2026-11-20 10:00"))
k = c.execute("SELECT uid FROM contract WHERE identifier = ?", ("33069-2016",)).fetchone()[0]
c.execute("INSERT INTO dispute (uid, contract_uid, domain_uid, opened_on, object, nature,"
          " author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          ("e" * 32, k, d, "2026-10-01", "Litige " + osc + " " + red + "'; DROP TABLE dispute; --",
           "substance", "Test", "2026-10-01 10:00"))
c.commit()
PYEOF
}

# hostile_intact NAME LAST: the pane holds no escape sequence but colours
# and attributes (capture-pane -e) and no BEL, its title is the one it had,
# the header and the tabs are on lines 1 and 2, and the last line holds
# LAST (the status line).
hostile_intact() {
	local raw title rows lines first second last
	raw=$(screen_sgr | sed $'s/\e\\[[0-9;:]*m//g' | tr -dc $'\e\a' | wc -c)
	title=$(tm display -p -t e2e '#{pane_title}')
	rows=$(tm display -p -t e2e '#{pane_height}')
	lines=$(screen | wc -l)
	first=$(screen | sed -n 1p)
	second=$(screen | sed -n 2p)
	last=$(screen | sed -n "${rows}p")
	if [ "$raw" = 0 ] && [ "$title" = "$H_TITLE" ] && [ "$lines" = "$rows" ] &&
		[[ $first == "$(spell " Le Bouscat · contrat 33069-2016 · avenant n°1 en vigueur")"*"lundi 23/11/2026" ]] &&
		[[ $second == *"Contrat"*"Tableau"*"Saisines"*"Rapports"*"Synchro"* ]] &&
		[[ $last == *"$(spell "$2")"* ]]; then
		ok "$1 : rien de brut à l'écran, en-tête, onglets et ligne d'état en place, titre intact"
	else
		not_ok "$1 : écran abîmé (séquences brutes : $raw, titre « $title », $lines lignes, dernière : « $last »)"
	fi
}

# hostile_timed NAME MS TEXT: TEXT shows within MS milliseconds of now.
hostile_timed() {
	local t0=$(now_ms) t1
	if poll_for "$3"; then
		t1=$(now_ms)
		if [ $((t1 - t0)) -le "$2" ]; then
			ok "$1 en $((t1 - t0)) ms (≤ $2 ms)"
		else
			not_ok "$1 en $((t1 - t0)) ms (> $2 ms)"
		fi
	else
		not_ok "$1 : « $3 » jamais affiché"
	fi
}

# hostile_db_has NAME WANT SQL: the rows SQL selects from the database,
# each as python's repr, are WANT.
hostile_db_has() {
	local got
	got=$(python3 -c 'import sqlite3, sys
print("".join("%r" % r for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))' \
		"$E2E_DIR/home/.local/share/suivi/suivi.db" "$3")
	if [ "$got" = "$2" ]; then
		ok "$1"
	else
		not_ok "$1 : la base a $got"
	fi
}

s_hostile() {
	local typed dir
	if ! command -v python3 >/dev/null; then
		echo "# skip - s_hostile : python3 absent"
		return
	fi
	e2e_start -s 110x34 "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	H_TITLE=$(tm display -p -t e2e '#{pane_title}')
	keys q
	wait_for "[[exit=0]]"
	if hostile_seed; then ok "texte hostile importé (saisines, réunion, valeur, contrat, observation)"
	else not_ok "texte hostile importé : $(cat "$E2E_DIR/cli.err")"; fi
	e2e_restart
	hostile_timed "Contrat : un préambule de 1 Mo affiché" 3000 "Identifiant : 33069-2016"
	expect "Contrat : le titre, « ? » à la place de chaque contrôle" "Titre ?]0;pwned? X"
	expect "Contrat : le préambule de même" "Préambule ?[2J ?[31m mot mot"
	hostile_intact "Contrat" "q quitter"
	keys /
	text "zzzq"
	hostile_timed "Contrat : chercher dans 1 Mo de texte" 3000 "introuvable"
	keys Escape
	resize 80 24
	expect "80×24 : le contrat se redessine" "/23853"
	hostile_intact "Contrat en 80×24" "q quitter"
	resize 110 34

	keys 3
	hostile_timed "Saisines : la liste, avec un objet de 1 Mo" 3000 "Saisines : 5"
	expect "Saisines : séquence de titre neutralisée" "Saisine A ?]0;pwned? f"
	expect "Saisines : couleur, CR, BS et tabulation neutralisés" "Saisine B ?[31mrouge??"
	expect "Saisines : métacaractères SQL tels quels" "'; DROP TABLE request;"
	expect "Saisines : l'objet de 1 Mo, coupé" "Saisine D mot mot"
	expect "Saisines : la décision de la saisine choisie" "décision : Déc ?[31m E"
	hostile_intact "Saisines" "q quitter"
	keys Enter
	expect "fiche : l'objet" "Saisine E ?]0;pwned?"
	expect "fiche : la demande exceptionnelle" "Dem ?[2J E"
	hostile_intact "fiche de saisine" "Échap abandonne"
	keys Escape
	wait_for "Saisines : 5"
	keys j
	keys Enter
	hostile_timed "fiche de la saisine de 1 Mo" 3000 "Échap abandonne"
	expect "fiche de la saisine de 1 Mo : l'objet" "Saisine D mot mot"
	hostile_intact "fiche de la saisine de 1 Mo" "Échap abandonne"
	# 1 048 591 bytes, left by another program: more than a long text
	# takes (1 Mio); saving says so and changes nothing
	keys Enter
	expect "fiche de plus de 1 Mio : Entrée refuse, la limite dite" "15 de trop"
	hostile_intact "fiche de plus de 1 Mio, refusée" "enregistré"
	keys Escape
	wait_for "Saisines : 5"
	typed=$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT length(object) FROM request WHERE object LIKE ?", ("Saisine D %",)).fetchone()[0])' \
		"$E2E_DIR/home/.local/share/suivi/suivi.db")
	if [ "$typed" = 1048591 ]; then
		ok "fiche de 1 Mo : l'objet reste entier (1048591 caractères)"
	else
		not_ok "fiche de 1 Mo : l'objet a maintenant $typed caractères"
	fi

	# control bytes typed into the object: BEL, SO, SI, DLE, ESC [ 2 J,
	# the C1 controls CSI and NEL (^A and ^K are the field editor's
	# start of line and cut to the end)
	keys n
	wait_for "Nouvelle saisine"
	keys Tab Tab Tab Tab Tab Tab
	text "Tapé "
	bytes 07 0e 0f 10 1b 5b 32 4a c2 9b c2 85
	text " fin"
	expect "saisie : les contrôles tapés ne s'inscrivent pas" "Tapé 2J fin"
	hostile_intact "saisie d'une fiche" "Échap abandonne"
	keys Enter
	expect "saisie : enregistrée" "Saisine enregistrée : Tapé 2J fin"
	hostile_db_has "saisie : la base a « Tapé 2J fin », sans contrôle" "'Tapé 2J fin'" \
		"SELECT object FROM request WHERE object LIKE 'Tap%'"

	keys 2
	wait_for "Tableau de bord 2026"
	keys j j j j j
	expect "Tableau de bord : le commentaire neutralisé" "commentaire : Comm ?]0;pwned?"
	hostile_intact "Tableau de bord" "q quitter"
	# control bytes typed into a comment (no ESC: typed, it is the Esc
	# key, which leaves the prompt): BEL, CSI, SO, DLE, DEL
	# (Backspace: erases the blank before it)
	keys j
	keys M-m
	wait_for "Commentaire "
	text "Com "
	bytes 07 c2 9b 0e 10 7f
	text " fin"
	expect "commentaire : les contrôles tapés ne s'inscrivent pas" "Com fin"
	keys Enter
	expect "commentaire : enregistré" "Commentaire enregistré"
	hostile_db_has "commentaire : la base a « Com fin »" "'Com fin'" \
		"SELECT comment FROM measurement WHERE comment LIKE 'Com f%'"

	keys M-4
	expect "Litiges : l'objet neutralisé" "Litige ?]0;pwned? ?[31m'; DROP TABLE dispute; --"
	hostile_intact "Litiges" "q quitter"
	keys Enter
	expect "litige : sa fiche" "Arbitrage :"
	expect "litige : l'objet sur sa fiche" "Litige ?]0;pwned? ?[31m'; DROP TABLE dispute; --"
	hostile_intact "fiche de litige" ""
	keys Escape
	wait_for "Litiges : 1"
	keys n
	wait_for "Ouvrir un litige"
	keys Tab
	text "Tapé "
	bytes 07 0e 0f 10 c2 9b c2 85
	text " fin"
	expect "litige : les contrôles tapés ne s'inscrivent pas" "Tapé  fin"
	keys Enter
	expect "litige : ouvert" "Litige ouvert : Tapé  fin"
	hostile_db_has "litige : la base a « Tapé  fin »" "'Tapé  fin'" \
		"SELECT object FROM dispute WHERE object LIKE 'Tap%'"
	keys Escape
	keys M-5
	expect "Réunions : la liste" "20/11/2026  réunion de suivi"
	keys Enter
	expect "réunion : le lieu neutralisé" "Réunion de suivi du 20/11/2026 · prévue · Salle ?]0;pwned? ?[2J"
	keys G
	expect "réunion : la décision" "1. Décision ?[31m D"
	expect "réunion : l'action et son responsable" "à faire · Action ?[2J A · Resp ?]0;pwned?"
	expect "réunion : la saisine en retard" "Saisine « Saisine A ?]0;pwned? fin A »"
	hostile_intact "page de réunion" "q quitter"
	keys m
	dir="$E2E_DIR/home/Documents/suivi"
	expect "réunion : le compte rendu écrit" "compte-rendu-le-bouscat-2026-11-20.md et .html"
	if [ -s "$dir/compte-rendu-le-bouscat-2026-11-20.html" ] &&
		! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$dir"/compte-rendu-le-bouscat-2026-11-20.*; then
		ok "compte rendu écrit de l'écran : aucun caractère de contrôle"
	else
		not_ok "compte rendu écrit de l'écran : des caractères de contrôle"
	fi
	keys Escape

	keys M-6
	expect "Rapports : l'observation neutralisée" \
		"nsi Numérique et systèmes d'information — partie non précisée : Obs ?]0;pwned? ?[2J fin"
	hostile_intact "Rapports" "q quitter"
	keys g Enter
	expect "Rapports : l'évaluation écrite" "Écrit dans ~/Documents/suivi : evaluation-le-bouscat-2026.html"
	if [ -s "$dir/evaluation-le-bouscat-2026.html" ] &&
		! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$dir/evaluation-le-bouscat-2026.html" &&
		grep -qF "<p>Obs  ]0;pwned   [2J fin</p>" "$dir/evaluation-le-bouscat-2026.html"; then
		ok "évaluation écrite de l'écran : l'observation sans ses contrôles"
	else
		not_ok "évaluation écrite de l'écran : $(grep -a 'Obs ' "$dir/evaluation-le-bouscat-2026.html" | head -c 300)"
	fi
	keys q
	expect_exit "q : statut 0" 0
	expect_restored "le terminal est rendu"
	if [ "$(tm display -p -t e2e '#{pane_title}')" = "$H_TITLE" ]; then
		ok "le titre du terminal n'a jamais changé"
	else
		not_ok "le titre du terminal a changé : $(tm display -p -t e2e '#{pane_title}')"
	fi
	e2e_stop
}

# --------------------------------------------------------------------------

# Toutes les communes (issue 19, part 6): T on the grid shows its
# indicator and period in every commune of the database; r/R sort, ←/→
# change the period, Entrée opens a commune's grid on the cell, Échap
# comes back; with one contract, T says there is only one commune.
# the line number on screen of the list row of commune $1
line_of() {
	screen | grep -nE -- "^(› |> |  )$1 " | head -1 | cut -d: -f1
}

s_across() {
	local one
	e2e_start -s 100x30 -c "$(printf '[suivi]\ncommune = Le Bouscat')" \
		-i "tests/cli/fixtures/exempleville.ini tests/fixtures/across-autreville.ini tests/fixtures/across-autreville-avenant-1.ini" \
		"${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33069-2016"
	suivi_cli set "Le Haillan" 3.3.2 2026-01 6 --criticite critique >/dev/null
	suivi_cli set "Le Haillan" 3.3.2 2026-02 4 --criticite critique >/dev/null
	suivi_cli set "Le Bouscat" 3.3.2 2026-02 2,5 --criticite critique >/dev/null
	keys 2
	wait_for "Tableau de bord 2026"
	keys g Down Down Down Down Down Down Down Down Home Right
	wait_for "3.3.2 · critique · février 2026"
	expect "la grille : T sur la ligne d'état" "T toutes les communes"
	keys T
	expect "T : l'indicateur et la période du curseur dans toutes les communes" \
		"Toutes les communes · février 2026 · 3.3.2 [critique] Délai de résolution des incidents"
	expect "T : l'onglet du tableau de bord reste allumé" "[2 Tableau de bord]"
	expect "T : quatre communes, l'indicateur en vigueur dans trois" \
		"4 communes, l'indicateur en vigueur dans 3"
	expect "T : la valeur, la tendance de Le Haillan" "4 h"
	expect "T : en baisse depuis janvier" "↘ en baisse"
	expect "T : Autreville ne suit pas 3.3.2 par criticité : hors annexe" "hors annexe"
	expect "T : Exempleville, annuel, montre son année" "2026"
	expect "T : le curseur sur la commune en vue, détaillée en bas" \
		"Le Bouscat · février 2026 : 2,5 h"
	expect "T : la ligne d'état de la vue" "← période précédente"
	keys r
	expect "r : tri par valeur" "tri : valeur, ordre croissant"
	if [ "$(line_of "Le Bouscat")" -lt "$(line_of "Le Haillan")" ]; then
		ok "r : 2,5 h avant 4 h"
	else
		not_ok "r : 2,5 h avant 4 h"
	fi
	keys R
	expect "R : ordre décroissant" "tri : valeur, ordre décroissant"
	if [ "$(line_of "Le Haillan")" -lt "$(line_of "Le Bouscat")" ] &&
		[ "$(line_of "Le Bouscat")" -lt "$(line_of "Autreville-sur-Jalle")" ]; then
		ok "R : 4 h avant 2,5 h, hors annexe en dernier"
	else
		not_ok "R : 4 h avant 2,5 h, hors annexe en dernier"
	fi
	keys Left
	expect "← : la période précédente" "Toutes les communes · janvier 2026"
	expect "← : la valeur de janvier" "6 h"
	keys Right
	wait_for "Toutes les communes · février 2026"
	keys '?'
	expect "? : l'aide de la vue" "Écran Toutes les communes"
	expect "? : ses touches" "inverser l'ordre"
	keys Escape
	wait_gone "Écran Toutes les communes"
	# Entrée: Le Haillan's grid on its cell (the first row, by value
	# descending)
	keys g
	keys Enter
	expect "Entrée : le tableau de bord de la commune" "Le Haillan · contrat 33200-2017"
	expect "Entrée : sur la case de la vue" "3.3.2 · critique · février 2026 : 4 h"
	keys T
	wait_for "Toutes les communes · février 2026"
	keys Left Escape
	expect "Échap : retour au tableau de bord, à la période de la vue" \
		"3.3.2 · critique · janvier 2026"
	e2e_stop

	# one contract: T says so
	one=$(mktemp -d "${TMPDIR:-/tmp}/suivi-e2e-one.XXXXXX")
	mkdir -p "$one/contrats"
	cp share/suivi/contrats/le-haillan.ini "$one/contrats/"
	e2e_start -s 100x30 SUIVI_DATADIR="$one" "${E2E_EXTRA[@]}"
	wait_for "Identifiant : 33200-2017"
	keys 2
	wait_for "Tableau de bord 2026"
	keys T
	expect "une seule commune : T le dit" "Une seule commune dans la base (Le Haillan)"
	e2e_stop
	rm -rf "$one"
}

# E2E_ONLY="s_meetings …": those scenarios alone (while working on them).
if [ -n "$E2E_ONLY" ]; then
	E2E_LOCALE=${E2E_LOCALE:-C.UTF-8}
	E2E_EXTRA=()
	case $E2E_LOCALE in *UTF-8 | *utf8) E2E_ASCII=0 ;; *) E2E_ASCII=1 ;; esac
	for s in $E2E_ONLY; do "$s"; done
	echo "$E2E_PASS passed, $E2E_FAIL failed"
	[ "$E2E_FAIL" -eq 0 ]
	exit
fi

avail=$(locale -a 2>/dev/null | tr 'A-Z' 'a-z')
if [ -n "$SUIVI_TEST_LOCALES" ]; then
	locales=$SUIVI_TEST_LOCALES
else
	locales="C.UTF-8 C"
	case $avail in *fr_fr.utf8*) locales="fr_FR.UTF-8 $locales" ;; esac
fi
nocolor_locale=C.UTF-8
case $avail in *fr_fr.utf8*) nocolor_locale=fr_FR.UTF-8 ;; esac

start=$(date +%s)
run_all() {
	s_open
	s_indicator
	s_contact
	s_search
	s_versions
	s_help
	s_resize
}
for loc in $locales; do
	E2E_LOCALE=$loc
	E2E_EXTRA=()
	E2E_TAG="$loc: "
	case $loc in *UTF-8 | *utf8) E2E_ASCII=0 ;; *) E2E_ASCII=1 ;; esac
	run_all
done
E2E_LOCALE=$nocolor_locale
E2E_EXTRA=(NO_COLOR=1)
E2E_TAG="$nocolor_locale NO_COLOR: "
E2E_ASCII=0
run_all
E2E_TAG=
E2E_EXTRA=()
E2E_LOCALE=$nocolor_locale
s_dash_fill
s_dash_bad
s_dash_kill
s_dash_draft HUP
s_dash_draft TERM
s_dash_history
s_dash_screens
s_dash_tools
s_dash_disagree
s_dash_sans_objet
s_across
s_requests
s_request_version
s_request_draft
s_disputes
s_dispute_draft
s_meetings
s_launch
s_reports
s_reports_period
s_reports_record
s_contract_words
s_contract_criticalities
s_hostile
s_typing_letters
s_typing_forms
s_typing_batched
s_typing_editor
s_typing_suspend
s_corrections
s_article4_requests
s_article4_disputes
s_sync
s_lock_names
s_midnight
s_amounts
s_summer_time
s_emoji_status
s_foreign_journal
s_in_force
# the forms and lists again in ASCII (LANG=C)
E2E_LOCALE=C
E2E_ASCII=1
E2E_TAG="C: "
s_requests
s_disputes
E2E_LOCALE=$nocolor_locale
E2E_ASCII=0
E2E_TAG=
s_wide
s_colours
s_signals
s_terminals

echo "# $(($(date +%s) - start)) s"
echo "$E2E_PASS passed, $E2E_FAIL failed"
[ "$E2E_FAIL" -eq 0 ]
