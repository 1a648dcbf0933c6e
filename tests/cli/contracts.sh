# tests/cli/contracts.sh - contract files: validate, import, amendments, annexes in force.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# validate

t_validate_good() { # every locale
	run validate "$BUNDLED/le-haillan.ini" "$BUNDLED/le-bouscat.ini" "$BUNDLED/le-bouscat-avenant-1.ini"
	check "validate: the bundled files are valid (exit 0)" 'st 0'
	check "validate: one 'valide' line per bundled file" '[ "$(grep -c " : valide (" "$T/stdout")" = 3 ]'
	check "validate: le-haillan.ini has 2 annexes and 13 indicators" 'out_has "$BUNDLED/le-haillan.ini : valide (contrat 33200-2017, 2 annexes, 13 indicateurs)"'
	check "validate: the avenant n°1 has 13 indicators" 'out_has "$BUNDLED/le-bouscat-avenant-1.ini : valide (avenant n°1 du contrat 33069-2016, 1 annexe, 13 indicateurs)"'
	check "validate: nothing on stderr for valid files" 'err_empty'
	check "validate creates no database" '[ ! -e "$XDG_DATA_HOME/suivi/suivi.db" ]'
	run validate "$FIX/exempleville.ini" "$FIX/exempleville-avenant-1.ini"
	check "validate: the test contract and its avenant are valid" 'st 0 && out_has "(contrat 33999-2017, 2 annexes, 3 indicateurs)"'

	run validate "$FIX/exempleville.ini" "$BAD/periodicite.ini"
	check "validate: one bad file among good ones exits 1" 'st 1'
	check "validate: the good one is still reported valid" 'out_has "$FIX/exempleville.ini : valide"'
	check "validate: counts the invalid files" 'err_has "suivi : 1 fichier invalide"'
}

# The [contrat] of a generated file: lines 1 to 7.
gen_header() {
	printf '; généré par run.sh\n[contrat]\nidentifiant = 33777-2017\ncommune = Testville\ninsee = 33777\nintitule = Contrat de test\ndebut = 2017-01-01\n'
}

# validate_error NAME FILE LINE WORD: exit 1, "FILE:LINE: …WORD…".
validate_error() {
	vfile=$2
	vword=$4
	if [ -n "$3" ]; then vat="$2:$3: "; else vat="$2: "; fi
	run validate "$vfile"
	check "validate $1: exit 1" 'st 1'
	check "validate $1: reported as $(basename "$vat")…" 'err_at "$vat" "$vword"'
	check "validate $1: nothing on stdout" 'out_empty'
}

t_validate_errors() { # every locale
	validate_error "unknown section" "$BAD/section-inconnue.ini" 9 "section inconnue [annexe nsi]"
	check "validate unknown section: reported once, with no spurious message" '[ "$(err_count "$BAD/section-inconnue.ini:")" = 1 ]'

	validate_error "unknown key" "$BAD/cle-inconnue.ini" 8 "clé inconnue « couleur » dans [contrat]"

	validate_error "missing required key" "$BAD/cle-manquante.ini" 2 "clé obligatoire « intitule » manquante"

	# iniparser would keep "Autreville" (the last value) without a word.
	validate_error "duplicate key" "$BAD/cle-en-double.ini" 8 "clé « commune » déjà donnée ligne 4"
	check "validate duplicate key: the only problem reported" '[ "$(err_count "$BAD/cle-en-double.ini:")" = 1 ]'

	validate_error "duplicate section" "$BAD/section-en-double.ini" 12 "section [domaine nsi] déjà ouverte ligne 9"

	# [indicateur nsi/1.1] then [indicateur  nsi/1.1]: the same code.
	validate_error "duplicate indicator code" "$BAD/code-en-double.ini" 27 "1.1"

	validate_error "indicator of an unknown commitment" "$BAD/engagement-inconnu.ini" 20 "engagement « 9.9 » inconnu"

	validate_error "commitment of an unknown sub-domain" "$BAD/sous-domaine-inconnu.ini" 16 "sous-domaine « Z » inconnu"

	validate_error "bad periodicity" "$BAD/periodicite.ini" 22 "périodicité « hebdomadaire »"

	validate_error "bad type_valeur" "$BAD/type-valeur.ini" 24 "type de valeur « booleen »"

	validate_error "unquoted ;" "$BAD/point-virgule.ini" 8 "le texte après « ; » serait perdu"
	check "validate unquoted #: reported at line 9" 'err_at "$BAD/point-virgule.ini:9: " "le texte après « # » serait perdu"'

	validate_error "impossible date" "$BAD/date.ini" 7 "date « 2017-02-30 » invalide"
	check "validate impossible French date: reported at line 8" 'err_at "$BAD/date.ini:8: " "date « 31/04/2017 » invalide"'

	validate_error "first section" "$BAD/premiere-section.ini" 2 "le fichier doit commencer par [contrat] ou [avenant]"

	validate_error "several errors" "$BAD/plusieurs.ini" 7 "date « 2017-13-01 »"
	check "validate several errors: all five reported, each at its line" \
		'err_at "$BAD/plusieurs.ini:14: " "titulaire" && err_at "$BAD/plusieurs.ini:23: " "sous-domaine « Z »" && err_at "$BAD/plusieurs.ini:32: " "hebdomadaire" && err_at "$BAD/plusieurs.ini:34: " "booleen" && [ "$(err_count "$BAD/plusieurs.ini:")" = 5 ]'

	validate_error "several errors after a bad [contrat] key" "$BAD/plusieurs-entete.ini" 8 "maire_adjoint"
	check "validate several errors: a bad key in [contrat] does not hide the others" \
		'err_at "$BAD/plusieurs-entete.ini:7: " "2017-13-01" && err_at "$BAD/plusieurs-entete.ini:20: " "hebdomadaire"'

	# Generated files: exact byte counts, bytes that are not UTF-8.
	e496=$(awk 'BEGIN { for (i = 0; i < 496; i++) printf "\303\251" }')
	{ gen_header; printf 'maire = %s\n' "$e496"; } >"$T/ligne-1000.ini"
	{ gen_header; printf 'maire = x%s\n' "$e496"; } >"$T/ligne-1001.ini"
	run validate "$T/ligne-1000.ini"
	check "validate: a line of exactly 1000 bytes (504 characters) is accepted" 'st 0'
	validate_error "line of 1001 bytes" "$T/ligne-1001.ini" 8 "ligne trop longue : 1001 octets"

	{ gen_header; printf 'maire = Madame L\351a Durand\n'; } >"$T/latin1.ini"
	validate_error "invalid UTF-8" "$T/latin1.ini" 8 "UTF-8"

	# Line-level problems, all reported in one pass.
	{
		gen_header
		printf 'maire = Madame\000Durand\n'
		printf 'duree = 6\001ans\n'
		printf 'metropole = Le président \\\n'
		printf 'Signature = 2017-01-01\n'
		printf 'preambule.1 = "Texte non refermé\n'
	} >"$T/syntaxe.ini"
	validate_error "NUL byte" "$T/syntaxe.ini" 8 "octet nul"
	check "validate control character: line 9" 'err_at "$T/syntaxe.ini:9: " "caractère de contrôle interdit"'
	check "validate continuation line: line 10" 'err_at "$T/syntaxe.ini:10: " "pas de ligne de continuation"'
	check "validate key with a capital: line 11" 'err_at "$T/syntaxe.ini:11: " "clé « Signature » invalide"'
	check "validate unclosed quote: line 12" 'err_at "$T/syntaxe.ini:12: " "non refermé"'
	check "validate line-level problems: five lines for five problems" '[ "$(err_count "$T/syntaxe.ini:")" = 5 ]'

	yes '; commentaire' | head -c 4194305 >"$T/gros.ini"
	validate_error "file over 4 MiB" "$T/gros.ini" "" "fichier trop gros (4194305 octets, maximum 4194304)"

	run validate "$T/absent.ini"
	check "validate missing file: exit 1" 'st 1'
	check "validate missing file: FILE: lecture impossible" 'err_at "$T/absent.ini: " "lecture impossible : fichier ou dossier introuvable"'

	: >"$T/vide.ini"
	validate_error "empty file" "$T/vide.ini" "" "fichier vide"
	printf '; rien que des commentaires\n\n# et des lignes vides\n' >"$T/commentaires.ini"
	validate_error "comments only" "$T/commentaires.ini" "" "fichier vide"

	run validate "$T"
	check "validate a folder: exit 1, not a regular file" 'st 1 && err_at "$T: " "fichier ordinaire"'

	# A UTF-8 byte order mark (Windows Notepad) is tolerated, says ini.c.
	{ printf '\357\273\277'; cat "$FIX/exempleville.ini"; } >"$T/bom.ini"
	run validate "$T/bom.ini"
	check "validate: a file starting with a UTF-8 byte order mark is accepted" 'st 0'
}

# --------------------------------------------------------------------------
# import

t_import_all_or_nothing() { # every locale
	make_db "$T/s.db"
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" import "$FIX/exempleville.ini" "$FIX/autreville-fin-fausse.ini"
	check "import good + file with a bad last section: exit 1" 'st 1'
	check "import: the bad last section is named FILE:LINE:" 'err_at "$FIX/autreville-fin-fausse.ini:18: " "périodicité « hebdomadaire »"'
	check "import: says nothing was imported" 'err_has "rien n'"'"'a été importé"'
	check "import all or nothing: database byte for byte unchanged" 'same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" export indicators --commune 33999
	check "import all or nothing: the good contract is not there" 'st 1'

	# Refused by the database step, after the first file was written.
	run --db "$T/s.db" import "$FIX/exempleville.ini" "$FIX/avenant-trop-tot.ini"
	check "import refused while storing: exit 1" 'st 1'
	check "import refused while storing: FILE:LINE: (en_vigueur) and the reason" 'err_at "$FIX/avenant-trop-tot.ini:6: " "avant le début du contrat"'
	check "import refused while storing: database byte for byte unchanged" 'same_file "$T/s.db" "$T/before"'
	check "import refused while storing: stdout does not claim a file was imported" '! grep -q "importé\$" "$T/stdout"'
}

t_import_again() { # every locale
	make_db "$T/s.db"
	run --db "$T/s.db" import "$FIX/exempleville.ini"
	check "import a new contract: exit 0" 'st 0'
	check "import a new contract: says importé" 'out_has "$FIX/exempleville.ini : contrat 33999-2017 (Exempleville) importé"'
	cp "$T/s.db" "$T/after"
	run --db "$T/s.db" import "$FIX/exempleville.ini"
	check "import the same file again: exit 0" 'st 0'
	check "import the same file again: says déjà importé" 'out_has "$FIX/exempleville.ini : contrat 33999-2017 (Exempleville) déjà importé, inchangé"'
	check "import the same file again: database byte for byte unchanged" 'same_file "$T/s.db" "$T/after"'
	run --db "$T/s.db" import "$BUNDLED/le-bouscat-avenant-1.ini"
	check "import a bundled avenant again: déjà importé, unchanged" 'st 0 && out_has "déjà importé, inchangé" && same_file "$T/s.db" "$T/after"'

	run --db "$T/s.db" import "$FIX/exempleville-modifie.ini"
	check "import a different file with the same identifiant: exit 1" 'st 1'
	check "import a different file with the same identifiant: FILE:LINE: (identifiant), says why" 'err_at "$FIX/exempleville-modifie.ini:4: " "le contrat « 33999-2017 » est déjà importé (depuis exempleville.ini) avec un contenu différent"'
	check "import a different file with the same identifiant: database unchanged" 'same_file "$T/s.db" "$T/after"'

	# iniparser alone would keep the last "commune = Autreville" silently.
	run --db "$T/s.db" import "$BAD/cle-en-double.ini"
	check "import a file with a duplicate key: exit 1, at FILE:LINE:" 'st 1 && err_at "$BAD/cle-en-double.ini:8: " "déjà donnée ligne 4"'
	check "import a file with a duplicate key: database unchanged" 'same_file "$T/s.db" "$T/after"'
	run --db "$T/s.db" export indicators --commune Autreville
	check "import a file with a duplicate key: no commune Autreville kept" 'st 1 && err_has "aucun contrat ne correspond à « Autreville »"'

	run --db "$T/s.db" import "$FIX/avenant-orphelin.ini"
	check "import an avenant of an unknown contract: exit 1" 'st 1'
	check "import an avenant of an unknown contract: FILE:LINE: (contrat), says so" 'err_at "$FIX/avenant-orphelin.ini:3: " "contrat « 33555-2000 », absent de la base"'
	check "import an avenant of an unknown contract: database unchanged" 'same_file "$T/s.db" "$T/after"'
}

t_amendment() { # every locale
	make_db "$T/s.db"
	run --db "$T/s.db" import "$FIX/exempleville.ini"
	run --db "$T/s.db" import "$FIX/exempleville-avenant-1.ini"
	check "import the avenant n°1 of the test contract: exit 0" 'st 0 && out_has "$FIX/exempleville-avenant-1.ini : avenant n°1 du contrat 33999-2017 importé"'

	run --db "$T/s.db" export indicators --commune 33999 --date 2019-12-31
	cp "$T/stdout" "$T/before.csv"
	check "export the day before the avenant: exit 0" 'st 0'
	check "the day before the avenant: nsi is version 0 (2 indicators)" '[ "$(count_rows "$T/before.csv" "Exempleville,nsi,0,2017-01-01")" = 2 ]'
	check "the day before the avenant: eco is version 0" '[ "$(count_rows "$T/before.csv" "Exempleville,eco,0,2017-01-01")" = 1 ] && [ "$(lines "$T/before.csv")" = 4 ]'

	run --db "$T/s.db" export indicators --commune 33999 --date 2020-01-01
	cp "$T/stdout" "$T/after.csv"
	check "the day of the avenant: nsi is version 1 (3 indicators)" '[ "$(count_rows "$T/after.csv" "Exempleville,nsi,1,2020-01-01")" = 3 ]'
	check "the day of the avenant: eco is still version 0" '[ "$(count_rows "$T/after.csv" "Exempleville,eco,0,2017-01-01")" = 1 ] && [ "$(lines "$T/after.csv")" = 5 ]'
	check "the new version carries the new niveau constaté" 'grep -qF "Lendemain au maximum (sauf cas de force majeure)" "$T/after.csv" && ! grep -qF "Lendemain" "$T/before.csv"'

	run --db "$T/s.db" export indicators --commune 33999 --date 01/01/2020
	check "export --date JJ/MM/AAAA gives the same as AAAA-MM-JJ" 'st 0 && same_file "$T/stdout" "$T/after.csv"'
	run --db "$T/s.db" export indicators --commune Exempleville
	check "export today (2026-11-23): version 1 in force" 'st 0 && same_file "$T/stdout" "$T/after.csv"'
}

t_amendment_first() {
	make_db "$T/s.db"
	run --db "$T/s.db" import "$FIX/exempleville-avenant-1.ini" "$FIX/exempleville.ini"
	check "import avenant then contract in one command: exit 0" 'st 0'
	check "import avenant then contract: both imported, contract first" \
		'[ "$(sed -n 1p "$T/stdout")" = "$FIX/exempleville.ini : contrat 33999-2017 (Exempleville) importé" ] && [ "$(sed -n 2p "$T/stdout")" = "$FIX/exempleville-avenant-1.ini : avenant n°1 du contrat 33999-2017 importé" ]'
	run --db "$T/s.db" export indicators --commune 33999
	check "import avenant then contract: version 1 in force today" 'st 0 && [ "$(count_rows "$T/stdout" "Exempleville,nsi,1,2020-01-01")" = 3 ]'
}

t_in_force_from_its_date() { # every locale
	set_db
	run --db "$T/s.db" export indicators --commune "Le Bouscat" --date 31/12/2017
	check "export indicators au 31/12/2017 : aucune annexe de Le Bouscat en vigueur" \
		'st 0 && [ "$(tail -n +2 "$T/stdout" | grep -c "^Le Bouscat,")" = 0 ]'
	run --db "$T/s.db" export indicators --commune "Le Bouscat" --date 01/01/2018
	check "export indicators au 01/01/2018 : l'avenant n°1, 2.1.2 compris" \
		'st 0 && grep -q "^Le Bouscat,33069,33069-2016,nsi,[^,]*,1,2018-01-01,.*,2\.1\.2," "$T/stdout"'
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" set "Le Bouscat" 2.1.2 2017 2/3
	check "set 2.1.2 en 2017 : refusé, les dates dites, rien d'écrit" \
		'st 1 && err_has "n'"'"'est dans aucune annexe en vigueur le 01/01/2017" && err_has "à partir du 01/01/2018" && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" set "Le Bouscat" 2.1.2 2018 2/3
	check "set 2.1.2 en 2018 : enregistré" 'st 0 && out_has "2.1.2 · 2018 = 2/3"'
	run --db "$T/s.db" set "Le Bouscat" 9.9.9 2018 1
	check "set d'un indicateur qui n'existe pas : le dit" 'st 1 && err_has "aucun indicateur « 9.9.9 » dans ce contrat"'
}

# Contract files: what an amendment replaces or adds, its order, its
# dates; codes, levels and communes that would read as one. Each refusal
# at FILE:LINE, the database untouched.
t_contract_file_checks() { # every locale
	make_db "$T/s.db"
	run --db "$T/s.db" import "$FIX/exempleville.ini"
	EX="$FIX/exempleville.ini"
	AV="$FIX/exempleville-avenant-1.ini"

	sed 's/^remplace = nsi$/remplace = nsi,/' "$AV" >"$T/vide.ini"
	run validate "$T/vide.ini"
	check "remplace = nsi, (élément vide) : refusé à sa ligne" \
		'st 1 && err_has "$T/vide.ini:8: élément vide dans « remplace »"'
	sed 's/^remplace = nsi$/remplace = nsi, nsi/' "$AV" >"$T/deux.ini"
	run validate "$T/deux.ini"
	check "remplace = nsi, nsi : refusé" 'st 1 && err_has "$T/deux.ini:8: « nsi » répété dans « remplace »"'
	sed '/^remplace = nsi$/d' "$AV" >"$T/rien.ini"
	run validate "$T/rien.ini"
	check "ni remplace ni ajoute : refusé" 'st 1 && err_has "ni quelles annexes il remplace"'
	sed 's/^remplace = nsi$/ajoute = nsi/' "$AV" >"$T/ajoute.ini"
	run validate "$T/ajoute.ini"
	check "ajoute = nsi : un fichier valide" 'st 0'

	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" import "$T/ajoute.ini"
	check "ajouter un domaine que le contrat a : refusé à la ligne d'ajoute, rien d'écrit" \
		'st 1 && err_has "$T/ajoute.ini:8: l'"'"'avenant ajoute le domaine « nsi », que le contrat « 33999-2017 » a déjà" && same_file "$T/s.db" "$T/before"'
	sed 's/^remplace = nsi$/remplace = rh/; s/^\[\([a-z-]*\) nsi/[\1 rh/; s/^nom = Numérique.*/nom = Ressources humaines/' "$AV" >"$T/rh.ini"
	run validate "$T/rh.ini"
	check "remplace = rh avec [domaine rh] : valide en lui-même" 'st 0'
	run --db "$T/s.db" import "$T/rh.ini"
	check "remplacer l'annexe d'un domaine que le contrat n'a pas : refusé à sa ligne" \
		'st 1 && err_has "$T/rh.ini:8: l'"'"'avenant remplace l'"'"'annexe du domaine « rh », que le contrat « 33999-2017 » n'"'"'a pas" && err_has "ajoute = rh" && same_file "$T/s.db" "$T/before"'
	sed 's/^remplace = rh$/ajoute = rh/' "$T/rh.ini" >"$T/rh-ajoute.ini"
	run --db "$T/s.db" import "$T/rh-ajoute.ini"
	check "ajoute = rh : importé" 'st 0'
	run --db "$T/s.db" export indicators --commune Exempleville --date 31/12/2019
	check "le domaine ajouté n'est pas en vigueur la veille de l'avenant" 'st 0 && ! grep -q "^Exempleville,33999,[^,]*,rh," "$T/stdout"'
	run --db "$T/s.db" export indicators --commune Exempleville --date 01/01/2020
	check "le domaine ajouté est en vigueur le jour de l'avenant" 'st 0 && grep -q "^Exempleville,33999,[^,]*,rh,Ressources humaines,1,2020-01-01," "$T/stdout"'

	# amendment n°2 in force before n°1
	sed 's/^numero = 1$/numero = 2/; s/^en_vigueur = 2020-01-01$/en_vigueur = 2019-06-01/' "$AV" >"$T/av2.ini"
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" import "$T/av2.ini"
	check "avenant n°2 en vigueur avant le n°1 : refusé à la ligne en_vigueur" \
		'st 1 && err_has "$T/av2.ini:6: l'"'"'avenant n°2 entre en vigueur le 01/06/2019, avant l'"'"'avenant n°1 (en vigueur le 01/01/2020)" && same_file "$T/s.db" "$T/before"'

	# a struck priority the replaced version does not have
	make_db "$T/p.db"
	run --db "$T/p.db" import "$EX"
	sed 's/^priorite.1 = .*/priorite.1 = Une priorité qui n'"'"'a jamais existé/' "$AV" >"$T/barre.ini"
	run --db "$T/p.db" import "$T/barre.ini"
	check "priorité barrée absente de la version remplacée : refusée à sa ligne" \
		'st 1 && err_has "$T/barre.ini:27: l'"'"'avenant barre une priorité que la version précédente de l'"'"'annexe « nsi » (en vigueur le 01/01/2017) n'"'"'a pas"'
	run --db "$T/p.db" import "$AV"
	check "priorité barrée recopiée de la version remplacée : importé" 'st 0'

	# signature after the date in force: a warning, imported
	sed 's/^en_vigueur = 2020-01-01$/en_vigueur = 2020-01-01\nsignature = 2020-03-02/' "$AV" >"$T/sig.ini"
	make_db "$T/g.db"
	run --db "$T/g.db" import "$EX" "$T/sig.ini"
	check "signé après son entrée en vigueur : averti à la ligne, importé" \
		'st 0 && err_has "$T/sig.ini:7: attention : l'"'"'avenant est signé le 02/03/2020, après son entrée en vigueur le 01/01/2020"'
	run validate "$T/sig.ini"
	check "validate le dit aussi, sans refuser" 'st 0 && err_has "$T/sig.ini:7: attention"'

	# codes and levels that read as one
	sed 's/^\[indicateur nsi\/3.3.1\]$/[indicateur nsi\/03.3.1]/' "$EX" >"$T/zero.ini"
	run validate "$T/zero.ini"
	check "numéro 03.3.1 (zéro en tête) : refusé, la bonne écriture dite" \
		'st 1 && err_has "pas de zéro en tête d'"'"'un nombre (écrire « 3.3.1 »)"'
	sed 's/^criticites = critique, majeure, mineure$/criticites = critique, Critique, mineure/' "$EX" >"$T/casse.ini"
	run validate "$T/casse.ini"
	check "criticités critique et Critique : refusées à leur ligne" \
		'st 1 && err_has "$T/casse.ini:66: « criticites » : le niveau « Critique » répète un niveau déjà donné"'

	# the same commune under another INSEE code
	sed 's/^insee = 33999$/insee = 33998/; s/^identifiant = 33999-2017$/identifiant = autre-2017/' "$EX" >"$T/homonyme.ini"
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" import "$T/homonyme.ini"
	check "une commune du même nom avec un autre code INSEE : refusée à la ligne insee" \
		'st 1 && err_has "$T/homonyme.ini:6: la commune « Exempleville » est déjà dans la base avec le code INSEE 33999, pas 33998" && same_file "$T/s.db" "$T/before"'

	# an annex the contract has but that is not transcribed
	printf '[contrat]\nidentifiant = nt-2016\ncommune = Nontranscrite\ninsee = 33997\nintitule = Contrat\ndebut = 2016-01-01\n\n[domaine nsi]\nnom = Numérique\ntranscrite = non\n' >"$T/nt.ini"
	run validate "$T/nt.ini"
	check "transcrite = non : valide, dit « non transcrite »" 'st 0 && out_has "0 annexe (+ 1 non transcrite)"'
	printf '[contrat]\nidentifiant = nt-2016\ncommune = Nontranscrite\ninsee = 33997\nintitule = Contrat\ndebut = 2016-01-01\n\n[domaine nsi]\nnom = Numérique\ntranscrite = non\nmoyens = Des moyens\n\n[sous-domaine nsi/A]\nnom = A\n' >"$T/nt-bad.ini"
	run validate "$T/nt-bad.ini"
	check "une annexe non transcrite n'a pas de contenu : refusé aux lignes" \
		'st 1 && err_has "$T/nt-bad.ini:11: « moyens » dans une annexe non transcrite" && err_has "$T/nt-bad.ini:13: [sous-domaine nsi/A] : l'"'"'annexe du domaine « nsi » est déclarée non transcrite"'
	sed 's/^contrat = 33999-2017$/contrat = nt-2016/' "$AV" >"$T/nt-av.ini"
	make_db "$T/n.db"
	run --db "$T/n.db" import "$T/nt.ini" "$T/nt-av.ini"
	check "un avenant remplace l'annexe non transcrite : importé" 'st 0'
	run --db "$T/n.db" export indicators --commune Nontranscrite --date 31/12/2019
	check "avant l'avenant, rien du domaine en vigueur" 'st 0 && [ "$(lines "$T/stdout")" = 1 ]'
	run --db "$T/n.db" export indicators --commune Nontranscrite --date 01/01/2020
	check "à partir de l'avenant, son annexe" 'st 0 && [ "$(lines "$T/stdout")" = 4 ]'

	# what the follow-up chose, apart from the contract's text
	run --db "$T/s.db" export indicators --commune "Le Haillan" --date 01/06/2017
	check "export indicators : la colonne « choix du suivi » dit ce que le suivi a choisi" \
		'st 0 && grep -q ",3\.3\.1,.*,\"type de valeur, unité, sens, calcul\"" "$T/stdout" && grep -q ",1\.2\.1,.*,\"type de valeur, échelle, sens\"" "$T/stdout"'
	# a request's criticality: one of its domain's annex levels
	printf '%s\n' 'commune,nature de saisine,forme,domaine,nature,criticité,objet,reçue' \
		'Le Bouscat,ordinaire,courriel,nsi,incident,bloquante,Panne,2026-03-02 09:00' >"$T/crit.csv"
	run --db "$T/s.db" import requests "$T/crit.csv"
	check "import requests: a level the annex does not have, refused with its levels" \
		'st 1 && err_has "crit.csv:2: criticité « bloquante » inconnue de l'"'"'annexe de ce domaine le 02/03/2026 (critique, majeure, mineure)"'
	printf '%s\n' 'commune,nature de saisine,forme,domaine,nature,criticité,objet,reçue' \
		'Le Bouscat,ordinaire,courriel,nsi,incident,MAJEURE,Panne,2026-03-02 09:00' >"$T/crit.csv"
	run --db "$T/s.db" import requests "$T/crit.csv"
	check "import requests: a level in any case, stored as the annex spells it" 'st 0'
	run --db "$T/s.db" export requests --commune "Le Bouscat"
	check "export requests: « majeure »" 'st 0 && grep -q ",incident,majeure," "$T/stdout"'
	sed 's/^\[indicateur nsi\/3.3.2\]$/[choix nsi\/3.3.2]\nmeilleur = baisse\n\n[indicateur nsi\/3.3.2]/' "$EX" >"$T/deux-fois.ini"
	run validate "$T/deux-fois.ini"
	check "une clé dans [indicateur] et dans son [choix] : refusée à sa ligne" \
		'st 1 && err_has "à la fois dans [indicateur nsi/3.3.2] et dans [choix nsi/3.3.2]"'
}
