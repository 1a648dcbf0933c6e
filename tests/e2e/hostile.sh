# tests/e2e/hostile.sh - hostile text typed and stored, shown harmless.
# Scenarios of tests/e2e/run.sh (s_* functions; markers after "{": see run.sh).

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
