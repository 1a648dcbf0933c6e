# tests/e2e/reports.sh - the Rapports screen, the words and criticalities of the contract.
# Scenarios of tests/e2e/run.sh (s_* functions; markers after "{": see run.sh).

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
