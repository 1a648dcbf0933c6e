# tests/e2e/screens.sh - the screens and the terminal: opening, the contract, search, help, sizes, signals, colours.
# Scenarios of tests/e2e/run.sh (s_* functions; markers after "{": see run.sh).

s_open() { # every locale
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

s_indicator() { # every locale
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

s_contact() { # every locale
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

s_search() { # every locale
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
s_versions() { # every locale
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

s_help() { # every locale
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

s_resize() { # every locale
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
