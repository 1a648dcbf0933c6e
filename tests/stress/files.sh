# tests/stress/files.sh - files the interface must refuse or only read.
# Sourced by tests/stress/run.sh; s_files is the section (STRESS_ONLY="files").

# 4. Files the interface must refuse or only read

stderr_has() { grep -qF -- "$1" "$E2E_DIR/stderr"; }

# refused_ui TAG DB WORDS: the interface started on DB says WORDS on
# stderr, exits 1, leaves the terminal as it was and the file untouched.
refused_ui() {
	local tag=$1 db=$2 words=$3 before
	before=$(sum "$db")
	ui_as "" -- --db "$db"
	expect_exit "$tag: the interface exits 1" 1
	check "$tag: it says why on stderr: « $words »" 'stderr_has "$words"'
	expect_restored "$tag: the terminal is as it was"
	check "$tag: the file byte for byte the same, nothing beside it" \
		'[ "$(sum "$db")" = "$before" ] && [ ! -e "$db-journal" ]'
	ui_stop
}

# readonly_ui TAG PREFIX DB WORDS: the interface opens DB for reading,
# says so at once, refuses a value with WORDS, quits cleanly, file intact.
readonly_ui() {
	local tag=$1 prefix=$2 db=$3 words=$4 before
	before=$(sum "$db")
	ui_as "$prefix" -- --db "$db"
	expect_msg "$tag: said at start: consultation only" "en lecture seule : consultation seulement, rien ne pourra être enregistré"
	grid_331_type "3,3"
	expect_msg "$tag: a value is refused: « $words »" "$words"
	expect "$tag: what was typed stays" "3,3"
	keys Escape
	keys q
	expect_exit "$tag: q: exit status 0" 0
	check "$tag: the file byte for byte the same" '[ "$(sum "$db")" = "$before" ]'
	ui_stop
}

# busy_ui HOLD: another program keeps the database locked for HOLD
# seconds while a value is saved from the grid.
busy_ui() {
	local hold=$1 db=$W/busy.db t0 dt
	cp "$W/base.db" "$db"
	: >"$W/ack"
	ui_as "" SUIVI_ACK_LOG="$W/ack" -- --db "$db"
	wait_for "Identifiant : 33069-2016"
	grid_331
	rm -f "$W/ready"
	"$PY" -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
c.execute("ROLLBACK")
c.close()' "$db" "$W/ready" "$hold" &
	BUSY=$!
	while [ ! -e "$W/ready" ]; do sleep 0.02; done
	text "3,3"
	t0=$(ms)
	keys Enter
	expect_msg "busy ($hold s): the wait is said at once on the status line" \
		"La base est occupée par un autre programme : suivi attend qu'elle se libère"
	if [ "$hold" -lt 5 ]; then
		poll_for "Enregistré : 3.3.1 · novembre 2026 = 3,3 j"
		dt=$(($(ms) - t0))
		check "busy: locked by another program for $hold s: the save waits for it ($dt ms) and is acknowledged" \
			'[ "$dt" -ge $((hold * 1000 - 300)) ] && grep -qF "3,3 j" "$W/ack"'
	else
		poll_for "Non enregistré"
		dt=$(($(ms) - t0))
		check "busy: locked for $hold s: after the busy timeout ($dt ms) the save gives up" \
			'[ "$dt" -ge 4500 ] && [ ! -s "$W/ack" ]'
		expect_msg "busy: with a clear message" "base occupée par un autre programme depuis plus de 5 s ; réessayez"
		expect "busy: the value is kept for a retry" "3,3"
		wait "$BUSY"
		keys Enter
		expect "busy: once released, Entrée saves it" "Enregistré : 3.3.1 · novembre 2026 = 3,3 j"
	fi
	wait "$BUSY" 2>/dev/null
	BUSY=
	keys q
	expect_exit "busy ($hold s): q: exit status 0" 0
	check "busy ($hold s): base saine, the value there, acknowledged once" \
		'sound "$db" && [ "$(value_of "$db" "3.3.1||2026-11")" = "3,3 j" ] && [ "$(grep -c . "$W/ack")" = 1 ]'
	ui_stop
}

s_files() {
	local start db before i off seed crashed=0 refused=0 opened=0 changed=0
	local checks_bad=0 runs=${STRESS_DAMAGE_RUNS:-12} st
	fresh
	chmod 755 "$W" "$W/home"
	start=$(ms)
	cli --db "$W/base.db"
	cli --db "$W/base.db" set "Le Bouscat" 3.3.1 2026-01 "2,5"
	check "files: a database with a value" '[ "$rc" = 0 ]'

	# another suivi holds the database
	if command -v flock >/dev/null 2>&1; then
		cp "$W/base.db" "$W/held.db"
		sh -c 'exec 9>"$1" && flock 9 && echo $$ >&9 && : >"$2" && exec sleep 30' \
			sh "$W/held.db.lock" "$W/ready" </dev/null >/dev/null 2>&1 &
		BUSY=$!
		while [ ! -e "$W/ready" ]; do sleep 0.02; done
		refused_ui "files (open in another suivi)" "$W/held.db" \
			"est déjà ouverte par un autre suivi (processus $BUSY)"
		kill "$BUSY"
		wait "$BUSY" 2>/dev/null
		BUSY=
	else
		skip "files: flock(1) absent: a database held by another suivi"
	fi

	# damaged, truncated, random, newer
	cp "$W/base.db" "$W/corrupt.db"
	head -c 163840 /dev/zero | tr '\000' '\377' >"$W/ff"
	dd if="$W/ff" of="$W/corrupt.db" bs=4096 seek=40 conv=notrunc 2>/dev/null
	refused_ui "files (40 pages overwritten)" "$W/corrupt.db" "base endommagée"
	head -c 1000 "$W/base.db" >"$W/short.db"
	refused_ui "files (truncated to 1000 bytes)" "$W/short.db" "base endommagée"
	head -c $(($(stat -c %s "$W/base.db") / 2)) "$W/base.db" >"$W/half.db"
	refused_ui "files (truncated to half)" "$W/half.db" "base endommagée"
	head -c 65536 /dev/urandom >"$W/random.db"
	refused_ui "files (random bytes)" "$W/random.db" "n'est pas une base suivi"
	cp "$W/base.db" "$W/newer.db"
	printf '\000\000\001\000' | dd of="$W/newer.db" bs=1 seek=60 conv=notrunc 2>/dev/null
	refused_ui "files (newer schema)" "$W/newer.db" "version plus récente de suivi"
	if [ -n "$PY" ]; then
		"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, nom TEXT)")
c.commit()' "$W/foreign.db"
		refused_ui "files (another program's SQLite)" "$W/foreign.db" "d'un autre programme"
	fi

	# random bytes written into random pages, then a session that types
	# a value: never a crash; refused or not, nothing changed unless a
	# value was acknowledged
	for i in $(seq 1 "$runs"); do
		db=$W/damaged.db
		cp "$W/base.db" "$db"
		for seed in 1 2 3 4 5 6; do
			off=$((4096 + (RANDOM * 32768 + RANDOM) % ($(stat -c %s "$db") - 4096 - 64)))
			head -c 48 /dev/urandom | dd of="$db" bs=1 seek="$off" conv=notrunc 2>/dev/null
		done
		before=$(sum "$db")
		# Échap last: a value refused (the damage can move the cursor to
		# another indicator) stays typed, and what is typed when the
		# session ends is kept as a draft, a legitimate write
		printf '2gjjjjjjj3,3\r\033' >"$W/keys"
		: >"$W/ack"
		ui_as "" SUIVI_ACK_LOG="$W/ack" SUIVI_REPLAY="$W/keys" -- --db "$db"
		poll_for "[[exit="
		st=$(screen | sed -n 's/.*\[\[exit=\([0-9]*\)\]\].*/\1/p' | tail -n 1)
		case $st in
		0) opened=$((opened + 1)) ;;
		1)
			refused=$((refused + 1))
			stderr_has "suivi : " || crashed=$((crashed + 1))
			;;
		*)
			crashed=$((crashed + 1))
			echo "# damaged run $i: exit status « $st »"
			sed 's/^/#   stderr: /' "$E2E_DIR/stderr" | head -5
			;;
		esac
		if [ ! -s "$W/ack" ] && [ "$(sum "$db")" != "$before" ]; then
			changed=$((changed + 1))
			echo "# damaged run $i: file changed with nothing acknowledged"
		fi
		ui_stop
		cli --db "$db" check
		case $rc in 0 | 1) ;; *) checks_bad=$((checks_bad + 1)) ;; esac
	done
	check "files: $runs files with random bytes in 6 random places: the interface never crashes ($opened opened, $refused refused with a message)" \
		'[ "$crashed" = 0 ]'
	check "files: on those, nothing written that was not acknowledged" '[ "$changed" = 0 ]'
	check "files: on those, suivi check answers 0 or 1" '[ "$checks_bad" = 0 ]'

	# read-only: file, folder, file system
	if [ "$(id -u)" = 0 ] && ! command -v setpriv >/dev/null 2>&1; then
		skip "files: read-only file and folder: root without setpriv"
	else
		local as=
		[ "$(id -u)" = 0 ] && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
		mkdir -p "$W/rofile" "$W/rodir"
		cp "$W/base.db" "$W/rofile/s.db"
		chmod 444 "$W/rofile/s.db"
		chmod 777 "$W/rofile"
		readonly_ui "files (read-only file)" "$as" "$W/rofile/s.db" "base en lecture seule"
		cp "$W/base.db" "$W/rodir/s.db"
		chmod 666 "$W/rodir/s.db"
		chmod 555 "$W/rodir"
		readonly_ui "files (read-only folder)" "$as" "$W/rodir/s.db" "dossier de la base en lecture seule"
		chmod 755 "$W/rodir"
	fi
	MNT=$W/mnt
	mkdir -p "$MNT"
	if mount -t tmpfs -o size=2m tmpfs "$MNT" 2>/dev/null; then
		cp "$W/base.db" "$MNT/s.db"
		mount -o remount,ro "$MNT"
		readonly_ui "files (read-only file system)" "" "$MNT/s.db" "base en lecture seule"
		umount "$MNT"
	else
		skip "files: no tmpfs: a read-only file system"
	fi
	MNT=

	# another program writing while a value is saved
	if [ -n "$PY" ]; then
		busy_ui 2
		busy_ui 7
	else
		skip "files: python3 absent: a database locked by another program"
	fi
	echo "# files: $(($(ms) - start)) ms"
}
