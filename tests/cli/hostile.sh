# tests/cli/hostile.sh - hostile text through files and the command line.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# Hostile text: terminal escape sequences, control characters, invalid
# UTF-8, SQL metacharacters, markup, formulas and big texts, through the
# files and the command line. The rule (limits.h) is the same by every
# route: a text without a control character is stored as given (the
# database holds exactly those bytes, an export gives them back; a CSV
# import makes the CR LF and the lone CR of a cell a "\n"); a control
# character (any in a one-line text, any but "\n" and tab in a long one)
# or a text over its limit is refused in French, the field named, with
# FILE:LINE for a file, and nothing written. Messages never echo them raw
# (a "?" stands for each control). Controls already in a database (an
# older version, another program: written here with python's sqlite3)
# are escaped by the reports.

ESC=$(printf '\033')
BEL=$(printf '\007')
DEL=$(printf '\177')
TAB=$(printf '\t')
C1_NEL=$(printf '\302\205')	# U+0085
C1_CSI=$(printf '\302\233')	# U+009B
H_OSC="${ESC}]0;pwned${BEL}"
H_CLR="${ESC}[2J"
H_RED="${ESC}[31m"
H_SQL="'; DROP TABLE measurement; --"

# no_raw FILE: no C0 control but tab, LF and CR, no DEL, no C1 control
# (U+0080-U+009F, as UTF-8) in FILE.
no_raw() {
	[ "$(tr -d '\t\n\r' <"$1" | LC_ALL=C tr -dc '\000-\037\177' | wc -c)" -eq 0 ] &&
		! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"
}
# The messages of the last run hold nothing raw.
quiet_msgs() { no_raw "$T/stdout" && no_raw "$T/stderr"; }

# hostile_ini NAME VALUE: exempleville.ini with the contract's title
# (its line HLINE) set to VALUE, as $T/NAME.ini.
hostile_ini() {
	V=$2 LC_ALL=C awk -v n="$HLINE" 'NR == n { print "intitule = " ENVIRON["V"]; next } { print }' \
		"$FIX/exempleville.ini" >"$T/$1.ini"
}

t_hostile_contract() {
	set_db
	HLINE=$(grep -n '^intitule = ' "$FIX/exempleville.ini" | head -n 1 | cut -d: -f1)
	cp "$T/s.db" "$T/before"
	for c in osc clr red bel del cr c1; do
		case $c in
		osc) v="Titre $H_OSC" ;;
		clr) v="Titre $H_CLR" ;;
		red) v="Titre ${H_RED}rouge" ;;
		bel) v="Titre ${BEL}" ;;
		del) v="Titre $(printf '\177') x" ;;
		cr) v="Titre $(printf '\r') x" ;;
		c1) v="Titre $(printf '\302\233')31m x" ;;
		esac
		hostile_ini "$c" "$v"
		run validate "$T/$c.ini"
		if [ "$c" = c1 ]; then
			# a C1 control is a character of UTF-8: the file layer lets
			# it through, the title is stored as written
			check "hostile contract ($c): accepted as text" 'st 0'
		else
			check "hostile contract ($c): refused at FILE:LINE" 'st 1 && err_at "$T/$c.ini:$HLINE: " "caractère de contrôle interdit" && out_empty'
		fi
		check "hostile contract ($c): no raw control in the messages" 'quiet_msgs'
	done
	hostile_ini latin "$(printf 'Contrat de Saint-M\351dard')"
	run validate "$T/latin.ini"
	check "hostile contract (invalid UTF-8): refused at FILE:LINE" 'st 1 && err_at "$T/latin.ini:$HLINE: " "UTF-8" && quiet_msgs'
	{
		head -n $((HLINE - 1)) "$FIX/exempleville.ini"
		printf 'intitule = '
		head -c 1048576 /dev/zero | tr '\0' a
		echo
		tail -n +$((HLINE + 1)) "$FIX/exempleville.ini"
	} >"$T/big.ini"
	run validate "$T/big.ini"
	check "hostile contract (a 1 MB line): refused at FILE:LINE" 'st 1 && err_at "$T/big.ini:$HLINE: " "ligne trop longue" && quiet_msgs'
	cp "$T/osc.ini" "$T/x${H_CLR}.ini"
	run validate "$T/x${H_CLR}.ini"
	check "hostile contract: a file name with an escape sequence is shown with ?" 'st 1 && err_has "x?[2J.ini:$HLINE: " && quiet_msgs'
	run --db "$T/s.db" import "$T/osc.ini"
	check "hostile contract: import refused (exit 1), the database untouched" 'st 1 && err_has "caractère de contrôle" && quiet_msgs && same_file "$T/s.db" "$T/before"'

	v="Contrat '; DROP TABLE contract; -- 100% _x_ <b>&amp; \\ %s%n"
	hostile_ini sql "\"$v\""
	run validate "$T/sql.ini"
	check "hostile contract (SQL metacharacters): valid" 'st 0'
	run --db "$T/s.db" import "$T/sql.ini"
	check "hostile contract (SQL metacharacters): imported" 'st 0 && quiet_msgs'
	if [ -n "$PY" ]; then
		check "hostile contract: the title stored verbatim, the tables intact" '[ "$(sql "$T/s.db" "SELECT title FROM contract WHERE identifier = '"'33999-2017'"'")" = "$v" ] && [ "$(sql "$T/s.db" "SELECT count(*) FROM contract")" = 3 ]'
	fi
}

# hostile_rows FILE.csv: requests whose texts hold no control character
# but markup, SQL metacharacters, formulas, quotes, tabs and line breaks
# (CR LF, CR, LF), wide characters and emoji; the object of the last is
# just under 1 Mio. Written by python (csv), the objects also one per
# line of FILE.want as python's ascii(), as they must be stored (the CR LF
# and CR of a cell as "\n").
hostile_rows() {
	"$PY" - "$1" <<'PYEOF'
import csv, sys
objects = [
    "Titre <b>&amp;</b> <script>alert(1)</script> fin",
    "Markdown | *x* _y_ `z` # pas un titre [lien](http://x) \\ fin",
    "Guillemets \"doubles\", 'simples', « français »",
    "Lignes\r\nCR LF\ttab\rCR seul\nLF seul",
    "'; DROP TABLE measurement; -- 100% _x_ \\ %s%n",
    "=HYPERLINK(\"http://exemple.invalid\")",
    "+1, -1, @SOMME",
    "@SOMME(A1:A2)",
    "-2+3",
    "Large 全角ｘ 😀 👩\u200d💻 e\u0301 fin",
    "Grand " + "mot " * 262140 + "fin",    # 1 048 569 bytes
]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["commune", "nature de saisine", "forme", "domaine", "nature",
                "demandeur", "objet", "reçue"])
    for i, o in enumerate(objects):
        w.writerow(["Le Bouscat", "ordinaire", "courriel", "nsi", "demande",
                    "Dem <i>O'Brien</i> \"Jr\" | *z* %s 😀", o,
                    "2026-03-%02d 09:00" % (i + 1)])
with open(sys.argv[1] + ".want", "w", encoding="utf-8") as f:
    for o in sorted(o.replace("\r\n", "\n").replace("\r", "\n") for o in objects):
        print(ascii(o), file=f)
PYEOF
}

# db_objects DB: every request object, sorted, as python's ascii().
db_objects() {
	"$PY" -c 'import sqlite3, sys
for (o,) in sorted(sqlite3.connect(sys.argv[1]).execute("SELECT object FROM request")):
    print(ascii(o))' "$1"
}

# same_requests A.csv B.csv: the same records but author and time.
same_requests() {
	"$PY" - "$1" "$2" <<'PYEOF'
import csv, sys
csv.field_size_limit(1 << 24)
def rows(p):
    with open(p, newline="", encoding="utf-8") as f:
        return [r[:-2] for r in csv.reader(f, strict=True)]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
sys.exit(0 if a == b and len(a) > 1 else 1)
PYEOF
}

# apos_kept DB: one request of DB has the object '=SOMME(A1).
apos_kept() {
	[ "$("$PY" -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM request WHERE object = ?",
      ("\x27=SOMME(A1)",)).fetchone()[0])' "$1")" = 1 ]
}

# ctl_csv FILE COLUMN VALUE: an exceptional request whose every text is
# set (line 2), then the same with its cell number COLUMN replaced by
# VALUE (line 3, which holds no comma), CR LF.
ctl_csv() {
	V=$3 LC_ALL=C awk -v n="$2" 'BEGIN { FS = OFS = ","; ORS = "\r\n" }
		{ print } NR == 2 { $n = ENVIRON["V"]; print }' >"$1" <<'EOF'
commune,nature de saisine,forme,domaine,nature,demandeur,objet,reçue,demande,proposition,décision,décidé par,décidé le,compensation
Le Bouscat,exceptionnelle,courrier,nsi,demande,Mme Durand,Étude,2026-03-01 09:00,Une étude,5 jours,Acceptée,DGA,15/04/2026,Aucune
EOF
}

# limit_csv FILE REQUESTER OBJECT: one ordinary request, written by python
# (csv), its requester and object given as python expressions.
limit_csv() {
	"$PY" - "$1" "$2" "$3" <<'PYEOF'
import csv, sys
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["commune", "nature de saisine", "forme", "domaine", "nature",
                "demandeur", "objet", "reçue"])
    w.writerow(["Le Bouscat", "ordinaire", "courriel", "nsi", "demande",
                eval(sys.argv[2]), eval(sys.argv[3]), "2026-04-01 09:00"])
PYEOF
}

# nbytes DB QUERY: the size in bytes of the one text QUERY selects.
nbytes() { sql "$1" "SELECT length(CAST(($2) AS BLOB))"; }

t_hostile_requests() {
	if [ -z "$PY" ]; then skip "hostile requests: python3 absent"; return; fi
	set_db
	hostile_rows "$T/h.csv"
	run --db "$T/s.db" import requests h.csv
	check "hostile requests: imported (exit 0)" 'st 0 && err_has "11 saisies importées de h.csv" && quiet_msgs'
	db_objects "$T/s.db" >"$T/got"
	check "hostile requests: the objects stored as given, a cell's CR LF and CR as LF (1 048 569 bytes, just under 1 Mio, included)" 'same_file "$T/h.csv.want" "$T/got"'
	check "hostile requests: the requester too" '[ "$(sql "$T/s.db" "SELECT DISTINCT requester FROM request")" = "Dem <i>O'"'"'Brien</i> \"Jr\" | *z* %s 😀" ]'
	check "hostile requests: the tables intact" '[ "$(sql "$T/s.db" "SELECT count(*) FROM measurement")" = 0 ] && [ "$(sql "$T/s.db" "SELECT count(*) FROM request")" = 11 ]'
	run --db "$T/s.db" export requests -o "$T/e1.csv"
	check "hostile requests: exported" 'st 0 && quiet_msgs'
	check "hostile requests: formulas neutralised in the export" 'grep -qF "'"'"'=HYPERLINK(" "$T/e1.csv" && grep -qF "'"'"'+1, -1, @SOMME" "$T/e1.csv" && grep -qF ",'"'"'@SOMME(A1:A2)," "$T/e1.csv" && grep -qF ",'"'"'-2+3," "$T/e1.csv"'
	make_db "$T/t.db"
	run --db "$T/t.db" import requests e1.csv
	check "hostile requests: the export imports again" 'st 0 && err_has "11 saisies importées de e1.csv"'
	db_objects "$T/t.db" >"$T/got2"
	check "hostile requests: export then import gives the same bytes back" 'same_file "$T/h.csv.want" "$T/got2"'
	run --db "$T/t.db" export requests -o "$T/e2.csv"
	check "hostile requests: exported again, the same records" 'st 0 && same_requests "$T/e1.csv" "$T/e2.csv"'
	# a text that begins with an apostrophe before a formula sign (typed
	# in the interface) comes back as it is
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE request SET object = ? WHERE object LIKE ?", ("\x27=SOMME(A1)", "=HYPERLINK%"))
c.commit()' "$T/t.db"
	run --db "$T/t.db" export requests -o "$T/e3.csv"
	make_db "$T/u.db"
	run --db "$T/u.db" import requests e3.csv
	check "hostile requests: an apostrophe before = survives export and import" 'st 0 && apos_kept "$T/u.db"'

	cp "$T/s.db" "$T/before"
	printf 'commune,objet,reçue,nature de saisine,forme\r\nLe Bouscat,Bon,2026-03-01,ordinaire,courriel\r\nLe Bouscat,"Mauvais \377\376 octets",2026-03-02,ordinaire,courriel\r\n' >"$T/bad.csv"
	run --db "$T/s.db" import requests bad.csv
	check "hostile requests: invalid UTF-8 refused at FILE:LINE, nothing written" 'st 1 && err_at "bad.csv:3: " "UTF-8" && quiet_msgs && same_file "$T/s.db" "$T/before"'
	printf 'commune,objet,reçue,nature de saisine,forme\r\nLe Bouscat,Bon,2026-03-01%s,ordinaire,%s\r\n' "$H_CLR" "$H_OSC" >"$T/bad2.csv"
	run --db "$T/s.db" import requests bad2.csv
	check "hostile requests: a bad date and form quoted with ? in their controls" 'st 1 && err_at "bad2.csv:2: " "« 2026-03-01?[2J »" && err_at "bad2.csv:2: " "?]0;pwned?" && quiet_msgs && same_file "$T/s.db" "$T/before"'
	printf 'commune,objet,reçue,nature de saisine,forme\r\nLe Bouscat,"a\000b",2026-03-01,ordinaire,courriel\r\n' >"$T/nul.csv"
	run --db "$T/s.db" import requests nul.csv
	check "hostile requests: a NUL byte refused at FILE:LINE" 'st 1 && err_at "nul.csv:2: " "octet nul" && same_file "$T/s.db" "$T/before"'

	# A control character in any text of a request: the file refused
	# whole (its good line 2 too), the field and the character named.
	for c in object requester asked proposal decision decided_by compensation; do
		case $c in
		object) n=7 w=objet u=001B v="Objet $H_OSC fin" ;;
		requester) n=6 w=demandeur u=001B v="Mme ${H_RED}Durand" ;;
		asked) n=9 w=demande u=0007 v="Une étude${BEL} urgente" ;;
		proposal) n=10 w=proposition u=009B v="5 jours ${C1_CSI}31m" ;;
		decision) n=11 w=décision u=0085 v="Acceptée${C1_NEL}sous réserve" ;;
		decided_by) n=12 w="décidé par" u=007F v="DGA ${DEL}x" ;;
		compensation) n=14 w=compensation u=001B v="Aucune $H_CLR" ;;
		esac
		ctl_csv "$T/c-$c.csv" $n "$v"
		run --db "$T/s.db" import requests "c-$c.csv"
		check "hostile requests: a control in the $c refused at FILE:LINE, the field named, nothing written" 'st 1 && err_at "c-$c.csv:3: " "$w : caractère de contrôle refusé (U+$u, " && err_has "rien n'"'"'a été importé" && out_empty && quiet_msgs && same_file "$T/s.db" "$T/before"'
	done
	ctl_csv "$T/c-ok.csv" 1 "Le Bouscat"
	run --db "$T/s.db" import requests c-ok.csv
	check "hostile requests: the same file without the controls imports" 'st 0 && err_has "2 saisies importées de c-ok.csv"'
	cp "$T/s.db" "$T/before"
	ctl_csv "$T/c-lf.csv" 6 "$(printf '"Mme\r\nDurand"')"
	run --db "$T/s.db" import requests c-lf.csv
	check "hostile requests: a line break in the requester (one line) refused, nothing written" 'st 1 && err_at "c-lf.csv:3: " "demandeur : pas de retour à la ligne" && quiet_msgs && same_file "$T/s.db" "$T/before"'

	# The limits, to the byte ("é" is 2): 1 Mio for the object (a long
	# text), 1 000 bytes for the requester (one line).
	limit_csv "$T/obj-over.csv" '"Mme Durand"' '"x" + "é" * 524288'
	run --db "$T/s.db" import requests obj-over.csv
	check "hostile requests: an object of 1 Mio + 1 byte refused at FILE:LINE, the limit said, nothing written" 'st 1 && err_at "obj-over.csv:2: " "objet : texte trop long (1048577 octets, 1 Mio (1 048 576 octets) au plus, 1 de trop)" && err_has "rien n'"'"'a été importé" && quiet_msgs && same_file "$T/s.db" "$T/before"'
	limit_csv "$T/req-over.csv" '"x" + "é" * 500' '"Objet"'
	run --db "$T/s.db" import requests req-over.csv
	check "hostile requests: a requester of 1 001 bytes refused at FILE:LINE, the limit said, nothing written" 'st 1 && err_at "req-over.csv:2: " "demandeur : texte trop long (1001 octets, 1 000 octets au plus, 1 de trop)" && quiet_msgs && same_file "$T/s.db" "$T/before"'
	limit_csv "$T/obj-max.csv" '"Mme Durand"' '"é" * 524288'
	run --db "$T/s.db" import requests obj-max.csv
	check "hostile requests: an object of exactly 1 Mio imported, stored whole" 'st 0 && err_has "1 saisie importée de obj-max.csv" && [ "$(nbytes "$T/s.db" "SELECT object FROM request WHERE received_at LIKE '"'2026-04-01%'"'")" = 1048576 ]'
	cp "$T/s.db" "$T/before"
	limit_csv "$T/req-max.csv" '"é" * 500' '"Objet"'
	run --db "$T/s.db" import requests req-max.csv
	check "hostile requests: a requester of exactly 1 000 bytes imported, stored whole" 'st 0 && err_has "1 saisie importée de req-max.csv" && [ "$(nbytes "$T/s.db" "SELECT requester FROM request WHERE object = '"'Objet'"'")" = 1000 ]'
}

# ctl_refused NAME FIELD CODE: the last run refused the control character
# U+CODE in FIELD: exit 1, the field and the character named, nothing on
# stdout, nothing raw in the messages, the database as $T/before.
ctl_refused() {
	cf=$2 cu=$3
	check "$1: refused (exit 1), the field named, nothing written" 'st 1 && err_has "suivi : $cf : caractère de contrôle refusé (U+$cu, " && out_empty && quiet_msgs && same_file "$T/s.db" "$T/before"'
}

# hostile_minutes DB: a meeting of Le Bouscat on 14/01/2026 whose place,
# notes, attendee, decision and action hold escape sequences and C1
# controls, written with python's sqlite3 as an older version or another
# program could have (the store refuses them now).
hostile_minutes() {
	"$PY" - "$1" <<'PYEOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
osc, clr, red = "\x1b]0;pwned\x07", "\x1b[2J", "\x1b[31m"
k = dict(c.execute("SELECT identifier, uid FROM contract"))["33069-2016"]
m, now = "7" * 32, "2026-01-14 09:00"
c.execute("INSERT INTO meeting (uid, contract_uid, kind, held_on, status,"
          " place, notes, author, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
          (m, k, "follow_up", "2026-01-14", "open",
           "Salle " + osc + " <b>&amp; '; DROP TABLE measurement; --",
           "Notes " + red + "\n# pas un titre " + clr + " | x \u0085\u009b fin",
           "Test", now))
c.execute("INSERT INTO meeting_attendee (uid, meeting_uid, name, function,"
          " side) VALUES (?,?,?,?,?)",
          ("7a" * 16, m, "Mme " + osc + "Dupont", "DGS\x7f", "commune"))
c.execute("INSERT INTO decision (uid, meeting_uid, position, text)"
          " VALUES (?,?,?,?)", ("7d" * 16, m, 1, "Décision " + red + " | *x*"))
c.execute("INSERT INTO action_item (uid, meeting_uid, what, owner, due_on,"
          " status, updated_at) VALUES (?,?,?,?,?,?,?)",
          ("7e" * 16, m, "Action " + clr + " <i>", "Resp " + osc, "2026-12-31",
           "open", now))
c.commit()
PYEOF
}

t_hostile_commands() {
	set_db
	# text without a control character is taken as typed, tab and line
	# break in a long text included
	c="Comm <b>&amp; $H_SQL %s %n _% | *x* =1+1${TAB}tab
ligne 2 😀"
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 "12 %" --comment "$c"
	check "set --comment hostile: saved, its output plain" 'st 0 && set_says "3.1.1 · 2026 = 12 %" && quiet_msgs'
	if [ -n "$PY" ]; then
		check "set --comment hostile: stored verbatim" '[ "$(sql "$T/s.db" "SELECT comment FROM measurement")" = "$c" ]'
	fi
	# A long text of 1 Mio cannot be one argument (Linux takes 128 Kio
	# at most, MAX_ARG_STRLEN): the command line is tried below that, its
	# limit of 1 Mio through the import (t_hostile_requests), the store
	# checking the same on every route.
	big=$(head -c 100000 /dev/zero | tr '\0' c)
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2025 "10 %" --comment "$big"
	check "set --comment of 100 kB: saved whole" 'st 0 && { [ -z "$PY" ] || [ "$(sql "$T/s.db" "SELECT length(comment) FROM measurement WHERE period = '"'2025'"'")" = 100000 ]; }'
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2024 "10 %" --comment "$(printf 'caf\351')"
	check "set --comment not UTF-8: refused, nothing written" 'st 2 && err_has "UTF-8" && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2024 "10 %" --comment "Comm $H_OSC fin"
	ctl_refused "set --comment with an escape sequence" commentaire 001B
	# a CR is a line break only in a file: given on the command line it
	# is a control like any other
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2024 "10 %" --comment "$(printf 'Ligne 1\r\nLigne 2')"
	ctl_refused "set --comment with a CR" commentaire 000D
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2026 "13 %" --raison "Erreur ${C1_CSI}31m"
	ctl_refused "set --raison with a C1 control" raison 009B
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2024 "1${H_RED}2"
	check "set: a value with an escape sequence refused, not echoed raw" 'st 1 && err_has "contrôle" && quiet_msgs && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" set "x${H_CLR}y" 3.1.1 2024 "10 %"
	check "set: an unknown commune quoted with ? for its controls" 'st 1 && err_has "« x?[2Jy »" && quiet_msgs'
	run --db "$T/s.db" "bo${H_OSC}gus"
	check "an unknown command quoted with ? for its controls" 'st 2 && err_has "bo?]0;pwned?gus" && quiet_msgs'
	printf '[suivi]\nreferent = Marie %s\n' "$H_OSC" >"$T/esc.ini"
	run --config "$T/esc.ini" --db "$T/s.db" set "Le Bouscat" 3.1.1 2024 "10 %"
	check "suivi.ini with an escape sequence: refused at FILE:LINE, nothing written" 'st 1 && err_at "$T/esc.ini:2: " "caractère de contrôle interdit" && quiet_msgs && same_file "$T/s.db" "$T/before"'
	printf '[suivi]\nreferent = "Marie %s %%s _%%"\n' "$H_SQL" >"$T/sql.ini"
	run --config "$T/sql.ini" --db "$T/s.db" set "Le Bouscat" 3.1.1 2024 "10 %"
	check "suivi.ini with SQL metacharacters: the author stored verbatim" 'st 0 && { [ -z "$PY" ] || [ "$(sql "$T/s.db" "SELECT author FROM measurement WHERE period = '"'2024'"'")" = "Marie $H_SQL %s _%" ]; }'

	p="Salle <b>&amp; $H_SQL %s | *x* 😀"
	n="Notes <i>
# pas un titre${TAB}| x"
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 15/01/2026 --place "$p" --notes "$n"
	check "meeting add --place/--notes hostile: saved" 'st 0 && quiet_msgs'
	a="Action <i> *y* =1+1
ligne 2"
	o="Resp <u>O'Brien</u> | z"
	run --db "$T/s.db" meeting action --meeting 15/01/2026 --commune "Le Bouscat" --what "$a" --owner "$o"
	check "meeting action hostile: saved" 'st 0 && quiet_msgs'
	d="Décision | *x* <b>
1. pas une liste"
	run --db "$T/s.db" meeting decision --meeting 15/01/2026 --commune "Le Bouscat" --text "$d"
	check "meeting decision hostile: saved" 'st 0 && quiet_msgs'
	if [ -n "$PY" ]; then
		check "meeting: place and notes stored verbatim" '[ "$(sql "$T/s.db" "SELECT place FROM meeting")" = "$p" ] && [ "$(sql "$T/s.db" "SELECT notes FROM meeting")" = "$n" ]'
		check "meeting: action and decision stored verbatim" '[ "$(sql "$T/s.db" "SELECT what FROM action_item")" = "$a" ] && [ "$(sql "$T/s.db" "SELECT owner FROM action_item")" = "$o" ] && [ "$(sql "$T/s.db" "SELECT text FROM decision")" = "$d" ]'
	fi

	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 16/01/2026 --place "Salle $H_OSC"
	ctl_refused "meeting add --place with an escape sequence" lieu 001B
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 16/01/2026 --place "Salle${TAB}B"
	ctl_refused "meeting add --place with a tab (one line)" lieu 0009
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 16/01/2026 --place "Salle
B"
	check "meeting add --place on two lines: refused (exit 1), nothing written" 'st 1 && err_has "suivi : lieu : pas de retour à la ligne" && out_empty && quiet_msgs && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 16/01/2026 --place Salle --notes "Notes ${C1_CSI}2J"
	ctl_refused "meeting add --notes with a C1 control" notes 009B
	run --db "$T/s.db" meeting action --meeting 15/01/2026 --commune "Le Bouscat" --what "Action $H_CLR" --owner Resp
	ctl_refused "meeting action --what with an escape sequence" action 001B
	run --db "$T/s.db" meeting action --meeting 15/01/2026 --commune "Le Bouscat" --what Action --owner "Resp${BEL}"
	ctl_refused "meeting action --owner with a BEL" responsable 0007
	run --db "$T/s.db" meeting decision --meeting 15/01/2026 --commune "Le Bouscat" --text "Décision $H_RED"
	ctl_refused "meeting decision --text with an escape sequence" décision 001B
	run --db "$T/s.db" meeting decision --meeting 15/01/2026 --commune "Le Bouscat" --text "Décision ${C1_NEL}fin"
	ctl_refused "meeting decision --text with a C1 control" décision 0085

	# The limits on the command line: a place (one line) of 1 000 bytes
	# at most ("é" is 2); a decision (a long text) as long as one
	# argument can be, its 1 Mio being out of reach (see above).
	e500=$(awk 'BEGIN { for (i = 0; i < 500; i++) printf "\303\251" }')
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 16/01/2026 --place "x$e500"
	check "meeting add --place of 1 001 bytes: refused (exit 1), the limit said, nothing written" 'st 1 && err_has "suivi : lieu : texte trop long (1001 octets, 1 000 octets au plus, 1 de trop)" && out_empty && quiet_msgs && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 16/01/2026 --place "$e500"
	check "meeting add --place of exactly 1 000 bytes: saved whole" 'st 0 && { [ -z "$PY" ] || [ "$(nbytes "$T/s.db" "SELECT place FROM meeting WHERE held_on = '"'2026-01-16'"'")" = 1000 ]; }'
	big=$(awk 'BEGIN { for (i = 1; i <= 1500; i++) printf "Ligne %04d\t<b>%s</b> | *x* — fin\n", i, "éèàù çœ 😀 texte de la décision" }')
	run --db "$T/s.db" meeting decision --meeting 15/01/2026 --commune "Le Bouscat" --text "$big"
	check "meeting decision of 109 kB on 1 500 lines: saved whole" 'st 0 && [ "$(printf %s "$big" | wc -c)" -gt 100000 ] && { [ -z "$PY" ] || [ "$(sql "$T/s.db" "SELECT text FROM decision WHERE position = 2")" = "$big" ]; }'

	cp "$T/s.db" "$T/before"
	for o in --place --notes; do
		run --db "$T/s.db" meeting add --commune "Le Bouscat" --kind suivi --date 17/01/2026 "$o" "$(printf 'Salle \377')"
		check "meeting add $o not UTF-8: refused (exit 2), nothing written" 'st 2 && err_has "$o : le texte n'"'"'est pas de l'"'"'UTF-8 valide" && same_file "$T/s.db" "$T/before"'
	done
	run --db "$T/s.db" meeting decision --meeting 15/01/2026 --commune "Le Bouscat" --text "$(printf 'D\303')"
	check "meeting decision not UTF-8: refused, nothing written" 'st 2 && same_file "$T/s.db" "$T/before"'

	for f in md html; do
		run --db "$T/s.db" report minutes --meeting 15/01/2026 --commune "Le Bouscat" -o "$T/cr.$f"
		check "report minutes .$f of hostile text: written, no raw control" 'st 0 && no_raw "$T/cr.'$f'"'
	done
	check "minutes html: the hostile texts escaped" 'grep -qF "Salle &lt;b&gt;&amp;amp; &#39;; DROP TABLE measurement; -- %s | *x* 😀" "$T/cr.html" && grep -qF "Action &lt;i&gt; *y* =1+1" "$T/cr.html" && grep -qF "Resp &lt;u&gt;O&#39;Brien&lt;/u&gt; | z" "$T/cr.html" && grep -qF "<li>Décision | *x* &lt;b&gt;<br>" "$T/cr.html" && ! grep -q "<i>\|<b>\|<u>" "$T/cr.html"'
	check "minutes md: the hostile texts escaped" 'grep -qF "Salle \<b>\&amp; '"'"'; DROP TABLE measurement; -- %s \| \*x\*" "$T/cr.md" && grep -qF "\# pas un titre" "$T/cr.md" && grep -qF "Décision \| \*x\* \<b>" "$T/cr.md" && grep -qxF "   1\. pas une liste" "$T/cr.md" && grep -qxF "| Action \<i> \*y\* =1+1 ligne 2 | Resp \<u>O'"'"'Brien\</u> \| z | — | à faire |" "$T/cr.md"'

	# controls already in the database: escaped by the minutes
	if [ -z "$PY" ]; then skip "hostile minutes: python3 absent"; return; fi
	hostile_minutes "$T/s.db"
	for f in md html; do
		run --db "$T/s.db" report minutes --meeting 14/01/2026 --commune "Le Bouscat" -o "$T/ctl.$f"
		check "report minutes .$f of controls in the database: written, no raw control" 'st 0 && quiet_msgs && no_raw "$T/ctl.'$f'"'
	done
	check "minutes html: the controls in the database escaped" 'grep -qF "Salle  ]0;pwned  &lt;b&gt;&amp;amp; &#39;; DROP TABLE measurement; --" "$T/ctl.html" && grep -qF "Action  [2J &lt;i&gt;" "$T/ctl.html" && ! grep -q "<i>\|<b>" "$T/ctl.html"'
	check "minutes md: the controls in the database escaped" 'grep -qF "Salle  \]0;pwned  \<b>\&amp;" "$T/ctl.md" && grep -qF "\# pas un titre  \[2J \| x" "$T/ctl.md" && grep -qF "Décision  \[31m \| \*x\*" "$T/ctl.md" && grep -qF "| Mme  \]0;pwned Dupont |" "$T/ctl.md" && grep -qF "| Action  \[2J \<i> | Resp  \]0;pwned |" "$T/ctl.md"'
}

# An exceptional request, observations and a dispute of 2025 with hostile
# texts, for the annual reports: the request imported (no control), then
# escape sequences put into it, the comment of the value of 2025, the
# observations and the dispute with python's sqlite3, as an older version
# or another program could have.
hostile_year() {
	printf '%s\r\n' 'commune,nature de saisine,forme,domaine,nature,objet,reçue,demande,proposition,décision,décidé par,décidé le,coût estimé,compensation' \
		"Le Bouscat,exceptionnelle,courrier,nsi,demande,Exc <script>x</script> | *y*,2025-03-02 09:00,Dem <b>,Prop *p*,\"=HYPERLINK(\"\"http://x\"\")\",DGA | z,15/04/2025,100,\"Comp, $H_SQL\"" >"$T/exc.csv"
	run --db "$1" import requests "$T/exc.csv"
	"$PY" - "$1" <<'PYEOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
osc, clr, red = "\x1b]0;pwned\x07", "\x1b[2J", "\x1b[31m"
k = dict(c.execute("SELECT identifier, uid FROM contract"))["33069-2016"]
c.execute("UPDATE request SET object = ? WHERE kind = 'exceptional'",
          ("Exc " + osc + " <script>x</script> | *y*",))
c.execute("UPDATE exceptional_request SET asked = ?, proposal = ?, decided_by = ?",
          ("Dem " + clr, "Prop " + red, "DGA\x07"))
c.execute("UPDATE measurement SET comment = ? WHERE period = '2025'",
          ("Comm " + osc + " <u>",))
for i, (d,) in enumerate(c.execute("SELECT uid FROM domain WHERE contract_uid = ?", (k,)).fetchall()):
    c.execute("INSERT INTO observation (uid, domain_uid, year, text, author, updated_at) VALUES (?, ?, 2025, ?, 'Test', '2025-12-01 10:00')",
              ("a%031d" % i, d, "Obs " + osc + " <b>&amp; *x* | `y` " + clr +
               "\nligne 2 " + red + "# titre \u0085\u009b fin"))
c.execute("INSERT INTO dispute (uid, contract_uid, opened_on, object, nature, solution,"
          " closed_on, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ("b" * 32, k, "2025-05-01", "Litige " + osc + " <i>'; DROP TABLE dispute; --",
           "substance", "Sol " + clr + " <x> & =1+1", "2025-06-01", "T", "2025-05-01 10:00"))
c.commit()
PYEOF
}

t_hostile_reports() {
	if [ -z "$PY" ]; then skip "hostile reports: python3 absent"; return; fi
	set_db
	run --db "$T/s.db" set "Le Bouscat" 3.1.1 2025 "12 %" --comment "Comm <u> | *z*"
	check "hostile reports: a commented value of 2025" 'st 0'
	hostile_year "$T/s.db"
	check "hostile reports: the request imported, controls then put into the database" 'st 0 && [ "$(sql "$T/s.db" "SELECT count(*) FROM request WHERE instr(object, char(27))")" = 1 ] && [ "$(sql "$T/s.db" "SELECT count(*) FROM measurement WHERE instr(comment, char(27))")" = 1 ]'
	for kind in evaluation summary; do
		for f in md html fodt fods csv; do
			if [ $kind = evaluation ]; then
				run --db "$T/s.db" report evaluation --commune "Le Bouscat" --year 2025 -o "$T/$kind.$f"
			else
				run --db "$T/s.db" report summary --year 2025 -o "$T/$kind.$f"
			fi
			check "report $kind .$f of hostile text: written, no raw control" 'st 0 && quiet_msgs && no_raw "$T/'$kind.$f'"'
		done
		check "report $kind html: tags escaped, none raw" '! grep -qi "<script\|<b>\|<i>\|<x>\|<u>" "$T/'$kind'.html"'
		check "report $kind fodt/fods: well-formed XML" '"$PY" -c "import sys, xml.dom.minidom as m; [m.parse(p) for p in sys.argv[1:]]" "$T/'$kind'.fodt" "$T/'$kind'.fods"'
	done
	check "evaluation html: the observation escaped" 'grep -qF "Obs  ]0;pwned  &lt;b&gt;&amp;amp; *x* | \`y\`" "$T/evaluation.html"'
	check "evaluation md: the observation escaped" 'grep -qF "Obs  \]0;pwned  \<b>\&amp; \*x\* \| \\\`y\\\`" "$T/evaluation.md" && grep -qF "ligne 2  \[31m# titre" "$T/evaluation.md"'
	check "summary html: the request and the dispute escaped" 'grep -qF "Exc  ]0;pwned  &lt;script&gt;x&lt;/script&gt;" "$T/summary.html" && grep -qF "Litige  ]0;pwned  &lt;i&gt;&#39;; DROP TABLE dispute; --" "$T/summary.html" && grep -qF "<td>Comp, &#39;; DROP TABLE measurement; --</td>" "$T/summary.html"'
	check "summary md: the request and the dispute escaped" 'grep -qF "Exc  \]0;pwned  \<script>x\</script> \| \*y\*" "$T/summary.md" && grep -qF "Sol  \[2J \<x> & =1+1" "$T/summary.md"'
	check "summary csv: formulas neutralised" 'grep -qF "'"'"'=HYPERLINK(" "$T/summary.csv" && ! grep -q ",=" "$T/summary.csv"'
	check "summary fodt: the dispute as XML text" 'grep -qF "Litige <text:s/>]0;pwned <text:s/>&lt;i&gt;" "$T/summary.fodt"'
}

# suivi evaluation: what became of a year's evaluation, recorded.

# clean_msgs: the last run's stdout and stderr hold no raw control (C0
# but tab and LF, DEL, C1), nothing but UTF-8 (no 0xFF) and no
# bidirectional override: a hostile name shows with a "?" for each.
no_bidi() {
	! LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]')\|$(printf '\342\201[\246-\251]')\|$(printf '\330\234')" "$1"
}
clean_msgs() {
	for f in "$T/stdout" "$T/stderr"; do
		[ "$(tr -d '\t\n' <"$f" | LC_ALL=C tr -dc '\000-\037\177' | wc -c)" -eq 0 ] || return 1
		! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$f" || return 1
		iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || return 1
		no_bidi "$f" || return 1
	done
}

# Output paths holding ESC, BEL, a line break, 0xFF and a bidi override
# (issue 17, 11): every message that names them (a first run, backup,
# export -o, report -o, sync export, check, and the refusals) prints them
# on one line, a "?" for each hostile byte or character, the files
# themselves written under their real names.
t_hostile_paths() {
	NL='
'
	n_db="n${NL}l$(printf '\377')${ESC}[2Jb.db"
	s_db="n?l??[2Jb.db"
	run --db "$T/$n_db"
	check "hostile path: a new base named with a line break and 0xFF: created, the name said with ?" 'st 0 && err_has "suivi : nouvelle base $T/$s_db" && [ -f "$T/$n_db" ] && clean_msgs'
	run --db "$T/$n_db" check
	check "hostile path: check names the base with ?" 'st 0 && out_has "Base : $T/$s_db (" && clean_msgs'
	o="e${ESC}]0;pwned${BEL}${NL}$(printf '\342\200\256')vsc.csv"
	so="e?]0;pwned???vsc.csv"
	run --db "$T/$n_db" export requests -o "$T/$o"
	check "hostile path: export -o with ESC, BEL, a line break and U+202E: written, said with ?" 'st 0 && err_has "dans $T/$so" && [ "$(lines "$T/stderr")" = 1 ] && [ -f "$T/$o" ] && clean_msgs'
	run --db "$T/$n_db" export requests -o "$T/$o"
	check "hostile path: export -o over it: refused, the name with ?" 'st 1 && err_has "$T/$so existe déjà" && clean_msgs'
	b="b${BEL}${ESC}[31m$(printf '\377\376').db"
	run --db "$T/$n_db" backup "$T/$b"
	check "hostile path: backup to a hostile name: copied, said with ?" 'st 0 && err_has "suivi : base copiée dans $T/b??[31m??.db" && [ -f "$T/$b" ] && clean_msgs'
	r="r${ESC}[2J${NL}x$(printf '\377').md"
	run --db "$T/$n_db" report summary --year 2025 -o "$T/$r"
	check "hostile path: report -o to a hostile name: written, said with ?" 'st 0 && err_has "dans $T/r?[2J?x?.md" && [ -f "$T/$r" ] && clean_msgs'
	y="s${ESC}[31m${NL}$(printf '\377').sync"
	run --db "$T/$n_db" sync export -o "$T/$y"
	check "hostile path: sync export to a hostile name: written, said with ?" 'st 0 && out_has "$T/s?[31m??.sync : " && [ -f "$T/$y" ] && clean_msgs'
	run --db "$T/$n_db" sync import "$T/$y"
	check "hostile path: sync import of it: said with ?" 'clean_msgs && { out_has "$T/s?[31m??.sync" || err_has "$T/s?[31m??.sync"; }'
	d="nulle${ESC}]0;x${BEL}part${NL}"
	run --db "$T/$n_db" export requests -o "$T/$d/e.csv"
	check "hostile path: export -o into a missing hostile folder: refused (exit 1) on one line, the name with ?" 'st 1 && err_has "nulle?]0;x?part?/e.csv" && [ "$(lines "$T/stderr")" = 1 ] && clean_msgs'
	run --db "$T/$d/x.db" backup "$T/c.db"
	check "hostile path: --db in a missing hostile folder: refused on one line, the name with ?" 'st 1 && err_has "nulle?]0;x?part?/x.db" && [ "$(lines "$T/stderr")" = 1 ] && clean_msgs'
	run --db "$T/$n_db" validate "$T/$o"
	check "hostile path: a hostile name given to validate: refused, said with ?" 'st 1 && err_has "$T/$so" && clean_msgs'
}
