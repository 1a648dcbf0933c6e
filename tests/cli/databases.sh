# tests/cli/databases.sh - database files: refused files, paths, check, backup, read-only, lock.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

# Databases suivi must refuse without touching them

# refuses NAME DB WORD: summary, check, import, export all exit 1 with WORD,
# never crash, and DB stays byte for byte the same.
refuses() {
	rdb=$2
	rword=$3
	cp "$rdb" "$T/refuse.orig"
	run --db "$rdb"
	check "$1: summary exits 1 (no crash)" 'st 1'
	check "$1: summary says why" 'err_has "$rword"'
	run --db "$rdb" check
	check "$1: check exits 1 (no crash)" 'st 1'
	check "$1: check says why" 'err_has "$rword"'
	run --db "$rdb" import "$FIX/exempleville.ini"
	check "$1: import exits 1 (no crash)" 'st 1 && err_has "$rword"'
	run --db "$rdb" export indicators
	check "$1: export exits 1 (no crash)" 'st 1 && err_has "$rword"'
	run --db "$rdb" backup "$T/copie-refusee.db"
	check "$1: backup exits 1 and makes no copy" 'st 1 && [ ! -e "$T/copie-refusee.db" ]'
	check "$1: the file is byte for byte unchanged" 'same_file "$rdb" "$T/refuse.orig"'
	check "$1: no journal left beside it" '[ ! -e "$rdb-journal" ]'
}

t_db_foreign() {
	if [ -z "$PY" ]; then skip "foreign SQLite file: python3 absent"; return; fi
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, nom TEXT)")
c.execute("INSERT INTO clients (nom) VALUES (?)", ("Dupont",))
c.commit()
c.close()' "$T/autre.db"
	refuses "foreign SQLite file" "$T/autre.db" "base SQLite d'un autre programme, pas une base suivi"
}

t_db_newer() {
	if [ -z "$PY" ]; then skip "newer database: python3 absent"; return; fi
	make_db "$T/real.db"
	cp "$T/real.db" "$T/work.db"
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
v = c.execute("PRAGMA user_version").fetchone()[0]
c.execute("PRAGMA user_version = %d" % (v + 1))
c.commit()
c.close()' "$T/work.db"
	cp "$T/work.db" "$T/newer.db"
	refuses "newer database" "$T/newer.db" "version plus récente de suivi"
}

t_db_random() {
	head -c 8192 /dev/urandom >"$T/random.db"
	refuses "random bytes" "$T/random.db" "n'est pas une base suivi"
}

t_db_truncated() {
	make_db "$T/real.db"
	head -c 1000 "$T/real.db" >"$T/truncated.db"
	refuses "truncated database" "$T/truncated.db" "endommagée"
}

t_db_corrupt() {
	make_db "$T/real.db"
	cp "$T/real.db" "$T/corrupt.db"
	# 40 pages of 0xFF from page 40 on: b-tree pages no reader can accept.
	head -c 163840 /dev/zero | tr '\000' '\377' >"$T/ff"
	dd if="$T/ff" of="$T/corrupt.db" bs=4096 seek=40 conv=notrunc 2>/dev/null
	check "corrupt database: same size as the real one" '[ "$(wc -c <"$T/corrupt.db")" = "$(wc -c <"$T/real.db")" ]'
	refuses "corrupted pages" "$T/corrupt.db" "endommagée"
}

t_db_missing() {
	run --db "$T/absente.db" check
	check "check on a missing database: exit 1" 'st 1'
	check "check on a missing database: says to run suivi once" 'err_has "la base $T/absente.db n'"'"'existe pas"'
	check "check on a missing database: does not create it" '[ ! -e "$T/absente.db" ]'
	mkdir "$T/dossier.db"
	run --db "$T/dossier.db" check
	check "a folder as database: exit 1, not a regular file" 'st 1 && err_has "n'"'"'est pas un fichier ordinaire"'
}

# --------------------------------------------------------------------------
# file: paths, check, backup

t_file_path() {
	run --db file:test.db
	check "--db file:test.db: exit 0" 'st 0'
	check "--db file:test.db creates a file literally named file:test.db" '[ -f "$T/file:test.db" ] && mode_is 600 "$T/file:test.db"'
	check "--db file:test.db creates nothing named test.db" '[ ! -e "$T/test.db" ]'
	run --db file:test.db check
	check "--db file:test.db: the same database is found again" 'st 0 && out_has "Verdict : base saine"'
	run --db 'file:x.db?mode=memory' export indicators
	check "--db file:x.db?mode=memory is a file name, not a URI" 'st 1 && [ ! -e "$T/x.db" ] && err_has "n'"'"'existe pas"'
	run --db file:test.db backup file:copie.db
	check "backup to file:copie.db writes that very file" 'st 0 && [ -f "$T/file:copie.db" ] && [ ! -e "$T/copie.db" ]'
}

t_check_good() {
	make_db "$T/s.db"
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" check
	check "check on a good database: exit 0" 'st 0'
	check "check on a good database: verdict base saine" 'out_has "Verdict : base saine"'
	check "check on a good database: integrity and references correct" 'out_has "Intégrité : correcte" && out_has "Références : correctes"'
	check "check: names the database and its schema" 'out_has "Base : $T/s.db (schéma "'
	check "check: leaves the database unchanged" 'same_file "$T/s.db" "$T/before"'
}

t_check_references() {
	if [ -z "$PY" ]; then skip "check with broken references: python3 absent"; return; fi
	make_db "$T/s.db"
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("DELETE FROM commune WHERE insee = ?", ("33200",))
c.commit()
c.close()' "$T/s.db"
	run --db "$T/s.db" check
	check "check with a broken reference: exit 1" 'st 1'
	check "check with a broken reference: counts it" 'out_has "Intégrité : correcte" && out_has "Références : 1 ligne renvoie à une donnée absente"'
	check "check with a broken reference: verdict base endommagée" 'out_has "Verdict : base endommagée : restaurez une sauvegarde"'
}

t_backup() {
	make_db "$T/s.db"
	run --db "$T/s.db" backup "$T/copie.db"
	check "backup: exit 0" 'st 0'
	check "backup: says where" 'err_has "suivi : base copiée dans $T/copie.db"'
	check "backup: the copy is 0600" 'mode_is 600 "$T/copie.db"'
	check "backup: no temporary file left" '[ "$(ls "$T" | grep -c "tmp-")" = 0 ]'
	run --db "$T/copie.db" check
	check "backup: check accepts the copy" 'st 0 && out_has "Verdict : base saine"'
	run --db "$T/s.db" export indicators
	cp "$T/stdout" "$T/orig.csv"
	run --db "$T/copie.db" export indicators
	check "backup: the copy holds the same indicators" 'st 0 && same_file "$T/stdout" "$T/orig.csv"'

	echo "ne pas écraser" >"$T/existant"
	chmod 644 "$T/existant"
	cp "$T/existant" "$T/existant.orig"
	run --db "$T/s.db" backup "$T/existant"
	check "backup over an existing file: exit 1" 'st 1'
	check "backup over an existing file: asks for --force" 'err_has "$T/existant existe déjà : ajoutez --force pour le remplacer"'
	check "backup over an existing file: file unchanged" 'same_file "$T/existant" "$T/existant.orig"'
	run --db "$T/s.db" backup "$T/existant" --force
	check "backup --force: exit 0" 'st 0'
	check "backup --force: the file is now a sound copy, 0600" 'mode_is 600 "$T/existant" && ! same_file "$T/existant" "$T/existant.orig"'
	run --db "$T/existant" check
	check "backup --force: check accepts it" 'st 0 && out_has "Verdict : base saine"'
	run --db "$T/s.db" backup --force "$T/existant"
	check "backup --force placed before the name" 'st 0'

	cp "$T/s.db" "$T/s.orig"
	run --db "$T/s.db" backup "$T/s.db" --force
	check "backup onto the database itself: usage error (2)" 'st 2 && err_has "la copie ne peut pas remplacer la base elle-même"'
	run --db s.db backup ./s.db --force
	check "backup onto the database itself spelt ./s.db: usage error (2)" 'st 2'
	check "backup onto the database itself: database untouched" 'same_file "$T/s.db" "$T/s.orig"'
}

# Read-only database

t_readonly() {
	if [ "$(id -u)" = 0 ]; then
		if ! command -v setpriv >/dev/null 2>&1; then
			skip "read-only database: running as root without setpriv"
			return
		fi
		AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
	else
		AS=
	fi
	make_db "$T/s.db"
	chmod 755 "$T"
	if ! $AS "$SUIVI" --version >/dev/null 2>&1; then
		skip "read-only database: user 65534 cannot run $SUIVI"
		return
	fi
	chmod 444 "$T/s.db"
	cp "$T/s.db" "$T/before"
	$AS "$SUIVI" --db "$T/s.db" import "$FIX/exempleville.ini" >"$T/stdout" 2>"$T/stderr"
	rc=$?
	check "import into a read-only database: exit 1" 'st 1'
	check "import into a read-only database: says it is read-only" 'err_has "la base $T/s.db est en lecture seule"'
	check "import into a read-only database: file unchanged" 'same_file "$T/s.db" "$T/before"'
	$AS "$SUIVI" --db "$T/s.db" export indicators >"$T/stdout" 2>"$T/stderr"
	rc=$?
	check "export from a read-only database: exit 0, 26 rows" 'st 0 && [ "$(lines "$T/stdout")" = 27 ]'
	$AS "$SUIVI" --db "$T/s.db" check >"$T/stdout" 2>"$T/stderr"
	rc=$?
	check "check on a read-only database: base saine" 'st 0 && out_has "Verdict : base saine"'
	check "read-only database: still unchanged" 'same_file "$T/s.db" "$T/before"'
}

# --------------------------------------------------------------------------
# One suivi per database

t_lock() {
	if ! command -v flock >/dev/null 2>&1; then
		skip "lock: flock(1) absent"
		return
	fi
	make_db "$T/s.db"
	# A holder that writes its PID like suivi does; `exec sleep` keeps
	# both the PID and the open, locked file description.
	sh -c 'exec 9>"$1" && flock 9 && echo $$ >&9 && : >"$2" && exec sleep 30' \
		sh "$T/s.db.lock" "$T/ready" </dev/null >/dev/null 2>&1 &
	BG=$!
	wait_ready
	check "lock: the holder has the lock" '[ -e "$T/ready" ]'
	run --db "$T/s.db"
	check "lock: a second suivi exits 1" 'st 1'
	check "lock: says the database is already open, and by whom" 'err_has "la base $T/s.db est déjà ouverte par un autre suivi (processus $BG)"'
	check "lock: prints no summary" 'out_empty'
	run --db "$T/s.db" import "$FIX/exempleville.ini"
	check "lock: other commands (import) still run meanwhile" 'st 0'
	kill "$BG" 2>/dev/null
	wait "$BG" 2>/dev/null
	BG=
	run --db "$T/s.db"
	check "lock: once the holder is gone, suivi opens it" 'st 0 && out_has "3 contrats"'
	check "lock: the lock file is 0600" 'mode_is 600 "$T/s.db.lock"'
}
