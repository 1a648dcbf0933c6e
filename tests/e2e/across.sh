# tests/e2e/across.sh - one indicator across all the communes (T).
# Scenarios of tests/e2e/run.sh (s_* functions; markers after "{": see run.sh).

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
