# tests/cli/minutes.sh - suivi meeting, report minutes.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# suivi meeting, suivi report minutes (issue 8): a meeting created
# through the CLI, its agenda built from values set with `suivi set`,
# two actions, the compte rendu in Markdown and HTML.

t_minutes() {
	set_db
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2025 "12,5 %"
	check "minutes: a value of 2025 set" 'st 0'
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 15/01/2026 --place "Salle <B> & \"C\""
	check "meeting add: exit 0, the uid on stdout" 'st 0 && err_empty && [ "$(lines "$T/stdout")" = 1 ]'
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind apero --date 15/01/2026
	check "meeting add --kind apero: refused (exit 2)" 'st 2 && err_has "type de réunion inconnu"'
	run --db "$T/s.db" meeting action --meeting 15/01/2026 --commune "Le Bouscat" --what "Mettre à jour <le> schéma" --owner DSI --due 01/12/2025
	check "meeting action: exit 0" 'st 0 && err_empty'
	run --db "$T/s.db" meeting action --meeting 15/01/2026 --commune "Le Bouscat" --what "Former les agents" --owner RH --due 01/03/2027
	check "meeting action: a second one" 'st 0'
	run --db "$T/s.db" meeting decision --meeting 15/01/2026 --commune "Le Bouscat" --text "Plan validé"
	check "meeting decision: exit 0" 'st 0'
	run --db "$T/s.db" meeting action --meeting 15/01/2026 --what X
	check "a meeting by date without --commune: refused" 'st 2 && err_has "--commune"'

	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.md"
	check "report minutes .md: exit 0, nothing on stdout" 'st 0 && out_empty'
	check "minutes md: the title" 'grep -qF "# Compte rendu — réunion de suivi du 15/01/2026" "$T/cr.md"'
	check "minutes md: the commune" 'grep -qF "Le Bouscat" "$T/cr.md"'
	check "minutes md: the value reviewed with its figure" 'grep -q "3\.1\.1 .*| 2025 | .*| 12,5 % |" "$T/cr.md"'
	check "minutes md: the decision" 'grep -qF "1. Plan validé" "$T/cr.md"'
	check "minutes md: the late action stands out" 'grep -F "Mettre à jour \<le> schéma" "$T/cr.md" | grep -qF "**en retard**"'
	check "minutes md: the other one is not late" 'grep -F "Former les agents" "$T/cr.md" | grep -vqF "en retard"'
	check "minutes md: the requests line" 'grep -qF "Saisines depuis le" "$T/cr.md"'

	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.md"
	check "report minutes: an existing file is refused without --force" 'st 1 && [ -s "$T/cr.md" ]'
	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.md" --force
	check "report minutes --force overwrites" 'st 0'

	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.html"
	check "report minutes .html: exit 0" 'st 0 && out_empty'
	check "minutes html: a whole document with its style" 'grep -qF "<!DOCTYPE html>" "$T/cr.html" && grep -qF "<style>" "$T/cr.html"'
	check "minutes html: no external resource" '! grep -qiE "<link|<script|src=|href=" "$T/cr.html"'
	check "minutes html: user text escaped" 'grep -qF "Salle &lt;B&gt; &amp; &quot;C&quot;" "$T/cr.html" && grep -qF "Mettre à jour &lt;le&gt; schéma" "$T/cr.html"'
	check "minutes html: the late action marked" 'grep -qF "class=\"late\"" "$T/cr.html"'
	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.txt"
	check "report minutes .txt: refused (exit 2)" 'st 2 && err_has "extension"'
	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.txt" --format html
	check "report minutes --format html: any file name" 'st 0 && grep -qF "<!DOCTYPE html>" "$T/cr.txt"'
	run --db "$T/s.db" report minutes --meeting 16/01/2026 --commune "Le Bouscat" -o "$T/none.md"
	check "report minutes: no meeting that day (exit 1)" 'st 1 && err_has "aucune réunion le 16/01/2026" && [ ! -e "$T/none.md" ]'

	run --db "$T/s.db" meeting close --meeting 15/01/2026 --commune "Le Bouscat"
	check "meeting close: validates the value of 2025" 'st 0 && out_has "1 valeur validée"'
	run --db "$T/s.db" meeting action --meeting 15/01/2026 --commune "Le Bouscat" --what Y
	check "a closed meeting takes no more actions" 'st 1 && err_has "close"'

	# a validated value changes only with a reason, kept in its history
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2025 "13 %"
	check "set on a validated value without --raison: refused, unchanged" 'st 1 && err_has "cette valeur a été validée en réunion le 15/01/2026 : donnez la raison du changement" && { [ -z "$PY" ] || [ "$(sql "$T/s.db" "SELECT num FROM measurement WHERE period = '"'2025'"' AND num IS NOT NULL")" = 12.5 ]; }'
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2025 "13 %" --raison "   "
	check "set --raison blank: refused" 'st 1 && err_has "donnez la raison du changement"'
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2025 "13 %" --raison "Erreur de report"
	check "set --raison: the value changes" 'st 0 && out_has "3.1.1 · 2025 = 13 %"'
	check "set --raison: the history keeps the reason" '[ -z "$PY" ] || [ "$(sql "$T/s.db" "SELECT reason FROM measurement_history ORDER BY rowid DESC LIMIT 1")" = "Erreur de report" ]'
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 "10 %" --raison "sans objet"
	check "set --raison on a provisional value: accepted" 'st 0'
}

# --------------------------------------------------------------------------
# suivi report minutes: meetings written straight into the database with
# python's sqlite3 (as the checks of damaged databases do), hostile text
# included, so that these tests need no other command to seed them.

MU1=11111111111111111111111111111111	# Le Bouscat 15/01/2026, en cours
MU2=22222222222222222222222222222222	# Le Bouscat 10/03/2026, close
MU3=33333333333333333333333333333333	# Le Bouscat 20/05/2026 (twice)
MU4=44444444444444444444444444444444
MU5=55555555555555555555555555555555	# Le Haillan 15/01/2026
MU6=66666666666666666666666666666666	# Le Bouscat 01/06/2026, annulée

seed_meetings() {
	"$PY" - "$1" <<'PYEOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
k = dict(c.execute("SELECT identifier, uid FROM contract"))
b, h = k["33069-2016"], k["33200-2017"]
now = "2026-11-23 09:00"
def meeting(uid, contract, kind, held, status, place=None, notes=None):
    c.execute("INSERT INTO meeting (uid, contract_uid, kind, held_on, status,"
              " place, notes, author, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
              (uid, contract, kind, held, status, place, notes, "Test", now))
m1, m2, m3, m4, m5, m6 = (str(i) * 32 for i in range(1, 7))
meeting(m1, b, "follow_up", "2026-01-15", "open",
        "Salle <script>x</script> | 2", "Ligne 1\n# pas un titre")
meeting(m2, b, "follow_up", "2026-03-10", "closed", "Mairie")
meeting(m3, b, "thematic", "2026-05-20", "planned")
meeting(m4, b, "mayors", "2026-05-20", "planned")
meeting(m5, h, "follow_up", "2026-01-15", "closed")
meeting(m6, b, "follow_up", "2026-06-01", "cancelled")
for i, (name, fn, side) in enumerate([("Mme <b>Dupont</b>", "DGS", "commune"),
                                      ("M. Martin | DSI", None, "shared"),
                                      ("Invité", None, None)]):
    c.execute("INSERT INTO meeting_attendee (uid, meeting_uid, name, function,"
              " side) VALUES (?,?,?,?,?)", ("a%031d" % i, m1, name, fn, side))
for i, text in enumerate(["Valider | suivre", "Reporter <la> revue"]):
    c.execute("INSERT INTO decision (uid, meeting_uid, position, text)"
              " VALUES (?,?,?,?)", ("d%031d" % i, m1, i + 1, text))
for i, (what, owner, due, st) in enumerate([
        ("Relancer le prestataire", "DSI", "2026-01-10", "open"),
        ("Former les agents", "RH", "2027-03-01", "in_progress")]):
    c.execute("INSERT INTO action_item (uid, meeting_uid, what, owner, due_on,"
              " status, updated_at) VALUES (?,?,?,?,?,?,?)",
              ("e%031d" % i, m1, what, owner, due, st, now))
c.commit()
c.close()
PYEOF
}

t_report_minutes() {
	if [ -z "$PY" ]; then skip "report minutes: python3 absent"; return; fi
	set_db
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2025 "12,5 %"
	check "report minutes: a value of 2025 to review" 'st 0'
	seed_meetings "$T/s.db"

	# Markdown, the meeting by its uid
	run --db "$T/s.db" report minutes --meeting $MU1 -o "$T/cr.md"
	check "report minutes .md: exit 0, said on stderr, nothing on stdout" 'st 0 && out_empty && err_has "suivi : compte rendu écrit dans $T/cr.md"'
	check "report minutes .md: created 0600, no temporary file left" 'mode_is 600 "$T/cr.md" && [ "$(ls "$T" | grep -c "tmp-")" = 0 ]'
	check "minutes md: the title, provisional while the meeting is open" 'grep -qxF "# Compte rendu — réunion de suivi du 15/01/2026 — Le Bouscat (provisoire)" "$T/cr.md"'
	check "minutes md: contract, date and status" 'grep -qxF -- "- **Contrat** : 33069-2016 — $(sed -n "s/^intitule *= *//p" "$BUNDLED/le-bouscat.ini" | head -n 1)" "$T/cr.md" && grep -qxF -- "- **Date** : jeudi 15/01/2026" "$T/cr.md" && grep -qxF -- "- **État** : en cours (compte rendu provisoire)" "$T/cr.md"'
	check "minutes md: the place escaped (tag, pipe)" 'grep -qxF -- "- **Lieu** : Salle \<script>x\</script> \| 2" "$T/cr.md"'
	check "minutes md: notes on their lines, no heading made of them" 'grep -qxF "Ligne 1  " "$T/cr.md" && grep -qxF "\# pas un titre" "$T/cr.md"'
	check "minutes md: attendees by side, with function" 'grep -A4 -xF "### Pour la commune" "$T/cr.md" | grep -qxF "| Mme \<b>Dupont\</b> | DGS |" && grep -A4 -xF "### Pour Bordeaux Métropole (service commun)" "$T/cr.md" | grep -qxF "| M. Martin \| DSI | — |" && grep -A4 -xF "### Côté non précisé" "$T/cr.md" | grep -qxF "| Invité | — |"'
	check "minutes md: the value reviewed with its period and figure" 'grep -q "^| [a-z]*/3\.1\.1 | .* | 2025 | .* | 12,5 % |" "$T/cr.md"'
	check "minutes md: every heading of the agenda" 'for h in "Valeurs attendues et manquantes" "Saisines" "Saisines en retard" "Litiges ouverts"; do grep -qxF "### $h" "$T/cr.md" || exit 1; done'
	check "minutes md: the requests line with its counts, since the contract's start (first meeting)" 'grep -q "^- Saisines depuis le 15/02/2016 : [0-9]* reçue.*, [0-9]* en retard$" "$T/cr.md"'
	check "minutes md: missing values, one row per indicator, periods grouped" 'grep -qxF "| nsi/2.1.1 | Charge consacrée aux projets | — | 96 | janv. 2018 – déc. 2025 |" "$T/cr.md" && grep -qxF "| nsi/3.1.1 | Taux de modernisation du parc des PENT actuels | — | 7 | 2018 – 2024 |" "$T/cr.md" && [ "$(grep -c "^| nsi/2\.1\.1 " "$T/cr.md")" = 1 ]'
	check "minutes md: the launch meeting not held yet is said" 'grep -A2 -xF "### Réunion de lancement" "$T/cr.md" | grep -qF "Réunion de lancement pas encore tenue ni prévue"'
	check "minutes md: decisions numbered and escaped" 'grep -qxF "1. Valider \| suivre" "$T/cr.md" && grep -qxF "2. Reporter \<la> revue" "$T/cr.md"'
	check "minutes md: the action plan, the late action marked" 'grep -qxF "| Relancer le prestataire | DSI | 10/01/2026 | à faire — **en retard** |" "$T/cr.md" && grep -qxF "| Former les agents | RH | 01/03/2027 | en cours |" "$T/cr.md"'
	check "minutes md: the footer dates it (SUIVI_TODAY)" 'grep -qxF "_Compte rendu établi par suivi le 23/11/2026 (réunion $MU1)._" "$T/cr.md"'
	check "minutes md: no raw tag" '! grep -q "[^\\]<script" "$T/cr.md"'
	cp "$T/cr.md" "$T/cr.orig"

	# never over a file without --force
	run --db "$T/s.db" report minutes --meeting $MU1 -o "$T/cr.md"
	check "report minutes over a file: refused (1), file unchanged" 'st 1 && err_has "cr.md existe déjà : ajoutez --force" && same_file "$T/cr.md" "$T/cr.orig"'
	run --db "$T/s.db" report minutes --meeting $MU1 --format html -o "$T/cr.md" --force
	check "report minutes --force: replaced (--format over the extension)" 'st 0 && head -n 1 "$T/cr.md" | grep -qxF "<!DOCTYPE html>" && mode_is 600 "$T/cr.md"'
	mkdir "$T/dossier.md"
	run --db "$T/s.db" report minutes --meeting $MU1 -o "$T/dossier.md" --force
	check "report minutes -o a folder: refused even with --force" 'st 1 && err_has "n'"'"'est pas un fichier ordinaire" && [ -d "$T/dossier.md" ]'

	# HTML, the meeting by its date and commune
	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.html"
	check "report minutes .html by date and commune: exit 0, 0600" 'st 0 && out_empty && mode_is 600 "$T/cr.html"'
	check "minutes html: one French UTF-8 page with its print style" 'grep -qF "<html lang=\"fr\">" "$T/cr.html" && grep -qF "<meta charset=\"utf-8\">" "$T/cr.html" && grep -qF "@page{size:A4" "$T/cr.html" && grep -qF "@media print{" "$T/cr.html"'
	check "minutes html: no script, no external resource" '! grep -qiE "<script|<link|src=|href=|url\(|@import" "$T/cr.html"'
	check "minutes html: users' text escaped" 'grep -qF "<td>Salle &lt;script&gt;x&lt;/script&gt; | 2</td>" "$T/cr.html" && grep -qF "<td>Mme &lt;b&gt;Dupont&lt;/b&gt;</td><td>DGS</td>" "$T/cr.html" && grep -qF "<li>Reporter &lt;la&gt; revue</li>" "$T/cr.html"'
	check "minutes html: notes keep their lines" 'grep -qF "<p>Ligne 1<br>" "$T/cr.html"'
	check "minutes html: the late action stands out" 'grep -qF "<tr class=\"late\"><td>Relancer le prestataire</td><td>DSI</td><td>10/01/2026</td><td>à faire <strong class=\"late-mark\">en retard</strong></td></tr>" "$T/cr.html"'
	check "minutes html: the provisional notice" 'grep -qF "<p class=\"notice\"><strong>Compte rendu provisoire" "$T/cr.html"'

	# the same meeting by its ISO date and the INSEE code: the same text
	run --db "$T/s.db" report minutes --meeting 2026-01-15 --commune 33069 -o "$T/iso.md"
	run_ok=$rc
	run --db "$T/s.db" report minutes --meeting $MU1 -o "$T/uid.md"
	check "report minutes: AAAA-MM-JJ and --commune INSEE find the same meeting" '[ "$run_ok" = 0 ] && st 0 && same_file "$T/iso.md" "$T/uid.md"'

	# to stdout
	run --db "$T/s.db" report minutes --meeting $MU2 --format md -o -
	check "report minutes -o -: stdout, nothing on stderr" 'st 0 && err_empty && grep -qxF "# Compte rendu — réunion de suivi du 10/03/2026 — Le Bouscat" "$T/stdout"'
	check "report minutes: a closed meeting is not provisional" 'grep -qxF -- "- **État** : close" "$T/stdout" && ! grep -q provisoire "$T/stdout"'
	check "report minutes: its meeting has no attendee, says so" 'grep -qxF "_Aucun participant enregistré._" "$T/stdout" && grep -qxF "_Aucune décision._" "$T/stdout"'
	run --db "$T/s.db" report minutes --meeting $MU2 -o -
	check "report minutes -o - without --format: usage error (2)" 'st 2 && err_has "précisez --format" && out_empty'

	# which meeting
	run --db "$T/s.db" report minutes --meeting 20/05/2026 --commune "Le Bouscat" -o "$T/amb.md"
	check "report minutes, two meetings that day: exit 1, asks for the uid" 'st 1 && err_has "plusieurs réunions le 20/05/2026 : donnez l'"'"'identifiant de celle voulue (--meeting UID)" && [ ! -e "$T/amb.md" ]'
	check "report minutes, two meetings that day: both listed" 'err_has "  $MU3  réunion thématique, Le Bouscat (prévue)" && err_has "  $MU4  réunion avec les Maires, Le Bouscat (prévue)"'
	run --db "$T/s.db" report minutes --meeting 15/01/2026 -o "$T/amb.md"
	check "report minutes, a date of two communes without --commune: exit 1, both listed" 'st 1 && err_has "ou la commune (--commune)" && err_has "  $MU1  réunion de suivi, Le Bouscat (en cours)" && err_has "  $MU5  réunion de suivi, Le Haillan (close)" && [ ! -e "$T/amb.md" ]'
	run --db "$T/s.db" report minutes --meeting 10/03/2026 -o "$T/one.md"
	check "report minutes, a date of one meeting: no --commune needed" 'st 0 && grep -qF "du 10/03/2026 — Le Bouscat" "$T/one.md"'
	run --db "$T/s.db" report minutes --meeting 16/01/2026 --commune "Le Bouscat" -o "$T/none.md"
	check "report minutes, no meeting that day: exit 1, no file" 'st 1 && err_has "suivi : aucune réunion le 16/01/2026 pour « Le Bouscat »" && [ ! -e "$T/none.md" ]'
	run --db "$T/s.db" report minutes --meeting 01/06/2026 -o "$T/none.md"
	check "report minutes, a cancelled meeting is not found by its date" 'st 1 && err_has "suivi : aucune réunion le 01/06/2026" && [ ! -e "$T/none.md" ]'
	run --db "$T/s.db" report minutes --meeting 99999999999999999999999999999999 -o "$T/none.md"
	check "report minutes, unknown uid: exit 1, no file" 'st 1 && err_has "réunion inconnue : 99999999999999999999999999999999" && [ ! -e "$T/none.md" ]'
	run --db "$T/s.db" report minutes --meeting $MU1 --commune "Le Haillan" -o "$T/none.md"
	check "report minutes, a uid of another commune: exit 1" 'st 1 && err_has "la réunion $MU1 n'"'"'est pas du contrat de « Le Haillan »" && [ ! -e "$T/none.md" ]'
	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune Nulle-Part -o "$T/none.md"
	check "report minutes, unknown commune: exit 1" 'st 1 && err_has "aucun contrat ne correspond à « Nulle-Part »"'

	# usage errors (2), nothing written
	run --db "$T/s.db" report minutes --meeting 31/02/2026 -o "$T/none.md"
	check "report minutes, impossible date: usage error (2)" 'st 2 && err_has "date « 31/02/2026 » invalide (JJ/MM/AAAA ou AAAA-MM-JJ)" && [ ! -e "$T/none.md" ]'
	run --db "$T/s.db" report minutes --meeting 2026-13-01 -o "$T/none.md"
	check "report minutes, month 13: usage error (2)" 'st 2 && err_has "date « 2026-13-01 » invalide"'
	run --db "$T/s.db" report minutes --meeting $MU1 -o "$T/cr.txt"
	check "report minutes, .txt: usage error (2), the formats named" 'st 2 && err_has "ne dit pas le format (.md, .html, .htm ou .fodt)" && [ ! -e "$T/cr.txt" ]'
	run --db "$T/s.db" report minutes --meeting $MU1 --format pdf -o "$T/cr.pdf"
	check "report minutes --format pdf: usage error (2)" 'st 2 && err_has "format « pdf » inconnu (md, html ou odt)" && [ ! -e "$T/cr.pdf" ]'
	run --db "$T/s.db" report minutes --meeting $MU1 --format=html --output="$T/eq.htm"
	check "report minutes --format=… --output=…: understood" 'st 0 && grep -qF "<!DOCTYPE html>" "$T/eq.htm"'
	run --db "$T/s.db" report minutes -o "$T/none.md"
	check "report minutes without --meeting: usage error (2)" 'st 2 && err_has "--meeting est obligatoire"'
	run --db "$T/s.db" report minutes --meeting $MU1
	check "report minutes without -o: usage error (2)" 'st 2 && err_has "-o FICHIER est obligatoire"'
	run --db "$T/s.db" report minutes --meeting $MU1 --bogus -o "$T/none.md"
	check "report minutes --bogus: usage error (2)" 'st 2 && err_has "report minutes : argument inconnu « --bogus »"'
	run --db "$T/s.db" report minutes --meeting
	check "report minutes --meeting without a value: usage error (2)" 'st 2 && err_has "--meeting attend une valeur"'
	run --db "$T/s.db" report
	check "report without a kind: usage error (2), the reports named" 'st 2 && err_has "report : quel rapport ? (minutes, evaluation, summary, communes)"'
	run --db "$T/s.db" report bilan
	check "report bilan: usage error (2), the reports named" 'st 2 && err_has "report : « bilan » inconnu (rapports possibles : minutes, evaluation, summary, communes)"'
	run --help
	check "--help lists report minutes" 'grep -q "^  report minutes " "$T/stdout"'
}

# The minutes of generated meetings (tests/bench/gen.c): real volumes.
t_report_minutes_generated() {
	if [ -z "$PY" ]; then skip "report minutes (generated): python3 absent"; return; fi
	if ! GEN=$(bench_gen); then
		skip "report minutes (generated): bench-gen absent beside $SUIVI"
		return
	fi
	"$GEN" --communes 2 --years 1 --requests 200 --disputes 20 \
		--meetings 10 --domains 2 "$T/g.db" >"$T/gen.out" 2>"$T/gen.err"
	rc=$?
	check "bench-gen (smoke size) for the minutes" 'st 0'
	uid=$("$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
r = c.execute("SELECT m.uid FROM meeting m WHERE m.status = ? AND"
              " EXISTS (SELECT 1 FROM decision d WHERE d.meeting_uid = m.uid)"
              " ORDER BY m.held_on DESC LIMIT 1", ("closed",)).fetchone()
print(r[0] if r else "")' "$T/g.db")
	check "bench-gen made a closed meeting with decisions" '[ -n "$uid" ]'
	run --db "$T/g.db" report minutes --meeting "$uid" -o "$T/g.html"
	check "report minutes of a generated meeting: html, exit 0" 'st 0 && grep -qF "</html>" "$T/g.html" && grep -qF "<h2>Décisions</h2>" "$T/g.html" && ! grep -q provisoire "$T/g.html"'
	run --db "$T/g.db" report minutes --meeting "$uid" -o "$T/g.md"
	check "report minutes of a generated meeting: md, decisions numbered" 'st 0 && grep -q "^1\. " "$T/g.md"'
}

# The minutes as a flat OpenDocument text (issue 18): the same content,
# one XML file a word processor opens; .odt (zipped) is refused.
t_report_minutes_odt() {
	set_db
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 15/01/2026 --place "Salle <B> & \"C\""
	check "minutes odt: a meeting" 'st 0'
	run --db "$T/s.db" meeting action --meeting 15/01/2026 --commune "Le Bouscat" --what "Relancer <le> prestataire" --owner DSI --due 01/12/2025
	check "minutes odt: a late action" 'st 0'
	run --db "$T/s.db" meeting decision --meeting 15/01/2026 --commune "Le Bouscat" --text "Plan validé"
	check "minutes odt: a decision" 'st 0'
	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.fodt"
	check "report minutes .fodt: exit 0, said, 0600" 'st 0 && out_empty && err_has "compte rendu écrit dans $T/cr.fodt" && mode_is 600 "$T/cr.fodt"'
	check "minutes fodt: an OpenDocument text" 'grep -qF "application/vnd.oasis.opendocument.text" "$T/cr.fodt"'
	check "minutes fodt: title, fields, escaped text" 'grep -qF "Compte rendu — réunion de suivi du 15/01/2026 — Le Bouscat (provisoire)" "$T/cr.fodt" && grep -qF "Lieu : Salle &lt;B&gt; &amp; &quot;C&quot;" "$T/cr.fodt" && grep -qF "Relancer &lt;le&gt; prestataire" "$T/cr.fodt"'
	check "minutes fodt: the decision numbered, the late action marked" 'grep -qF "1. Plan validé" "$T/cr.fodt" && grep -qF "à faire — en retard" "$T/cr.fodt"'
	if [ -n "$PY" ]; then
		"$PY" -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$T/cr.fodt" 2>"$T/xml.err"
		rc=$?
		check "minutes fodt: well-formed XML" 'st 0'
	fi
	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o - --format odt
	check "report minutes --format odt -o -: on stdout" 'st 0 && out_has "opendocument.text"'
	run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.odt"
	check "report minutes .odt: usage error (2), flat form named" 'st 2 && err_has "(.md, .html, .htm ou .fodt)" && [ ! -e "$T/cr.odt" ]'
}
