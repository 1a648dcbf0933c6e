#!/usr/bin/env bash
# tests/stress/run.sh - reliability under stress: make stress.
#
#   SUIVI_BIN=/abs/path/to/suivi bash tests/stress/run.sh     (from the root)
#
# What each section proves (issue 10, items 1-4 and 8):
#   crash     scripted entry in the tableau de bord through the real loop
#             (SUIVI_REPLAY keys in a tmux pane), kill -9 at a random
#             moment, STRESS_RUNS times (120): after each, the file and its
#             journal, copied, pass `suivi check`, and every value the UI
#             acknowledged (SUIVI_ACK_LOG) is in `suivi export measurements`;
#             the next run starts on the file as the kill left it. Then
#             the first run (creation and bundled contracts, one
#             transaction) killed STRESS_FIRST_RUNS times (40): the next
#             run has the contracts.
#   signals   SIGHUP, SIGTERM or SIGINT at a random moment while a value is
#             typed in the grid or the request form is open (real keys
#             through tmux), STRESS_SIGNAL_RUNS times (24): suivi ends
#             within 2 s, the terminal is restored, the data is exactly what
#             was acknowledged, what was typed is offered back once.
#   disk      a full file system (a small tmpfs, when mount works) and a
#             file-size limit (ulimit -f, prlimit): `set`, `import requests`,
#             `export -o`, `report -o`, `backup` and a value typed in the
#             grid fail with a French message, change nothing, leave no
#             temporary file; the interface keeps running and saves the
#             same value once there is room.
#   files     the interface started on a database another suivi holds,
#             damaged, truncated, random, foreign or newer files: a message
#             on stderr, exit 1, the file byte for byte the same; random
#             bytes written into the pages of STRESS_DAMAGE_RUNS (12)
#             databases never crash it; a read-only file, folder or file
#             system: opened for reading, said at once, a value refused,
#             the file unchanged; a database another program keeps locked
#             while a value is saved: the busy timeout, a message, the
#             value kept for a retry.
#   input     hostile request CSV files (issue 17, 10 and 12): 100 000
#             blank lines before the header, 4000 requests with lone CRs,
#             a UTF-16 file of 4000 lines (said once, naming UTF-16), 4000
#             amounts past cents or ambiguous (each on its line, up to 50),
#             random bytes after a header: no crash, no sanitizer report,
#             a refusal changes nothing; amounts round trip exactly.
#   hostile   output names of random bytes (every byte but NUL and "/":
#             controls, line breaks, invalid UTF-8, bidi overrides),
#             STRESS_HOSTILE_RUNS times (16), given to a new base, check, backup,
#             export -o, report -o, sync export and a missing folder: the
#             files written under their names, every message on stdout and
#             stderr clean (nothing raw, UTF-8 only), no crash (ASan under
#             make stress SANITIZE=1).
#   modes     with umask 000: the database, its folder, journal, lock,
#             backups, every export and report, the minutes and reports
#             written from the interface are 0600 (folders 0700); none
#             replaces an existing file without --force (or a question).
#   times     (issue 17, 8) in the users' zone (TZ=Europe/Paris, set
#             here): every minute the clocks skip on 29/03/2026 refused by
#             `import requests`, nothing written; every minute shown twice
#             on 25/10/2026 accepted; STRESS_TIME_RUNS (300) random pairs
#             of date-times around the changes of 2025-2027, imported in
#             one file: each delay exported is the real elapsed time that
#             python's zoneinfo computes, never the wall-clock difference;
#             a value written STRESS_TIME_RUNS / 10 times under a clock
#             (SUIVI_NOW) that jumps back and forth: the value is the last
#             written.
#
# STRESS_ONLY="crash disk" runs some sections; STRESS_SEED repeats a run's
# choices (keys, values, signals, delays; the seed is printed first), the
# machine's timing still varies. Output: "ok - …" / "FAIL - …"
# lines, figures as "# …" lines, then "N passed, N failed"; exit 1 if any
# failed. Needs tmux; python3 for the lock held by another program, setpriv
# for the read-only cases as root (each missing one is a "skip" line).

TOP=$(pwd)
if [ ! -f "$TOP/tests/stress/run.sh" ]; then
	echo "run.sh : à lancer depuis la racine du projet" >&2
	exit 2
fi
# shellcheck source=../e2e/lib.sh
. "$TOP/tests/e2e/lib.sh"
if [ ! -x "$SUIVI" ]; then
	echo "run.sh : programme introuvable : $SUIVI (SUIVI_BIN)" >&2
	exit 2
fi
E2E_LOCALE=C.UTF-8
case $(locale -a 2>/dev/null | tr 'A-Z' 'a-z') in
*fr_fr.utf8* | *fr_fr.utf-8*) E2E_LOCALE=fr_FR.UTF-8 ;;
esac
export LANG=$E2E_LOCALE LC_ALL=$E2E_LOCALE
STRESS_SEED=${STRESS_SEED:-$(date +%s)}
RANDOM=$STRESS_SEED
STRESS_RUNS=${STRESS_RUNS:-120}
STRESS_SIGNAL_RUNS=${STRESS_SIGNAL_RUNS:-36}
STRESS_TIME_RUNS=${STRESS_TIME_RUNS:-300}
SKIPS=0
W=
MNT=
BUSY=

PY=
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3
elif command -v python3 >/dev/null 2>&1; then PY=$(command -v python3)
fi

stress_cleanup() {
	if [ -n "$BUSY" ]; then
		kill "$BUSY" 2>/dev/null
		wait "$BUSY" 2>/dev/null
		BUSY=
	fi
	e2e_cleanup
	if [ -n "$MNT" ]; then
		umount "$MNT" 2>/dev/null
		MNT=
	fi
	[ -n "$W" ] && rm -rf "$W"
	W=
}
trap stress_cleanup EXIT
trap 'stress_cleanup; exit 130' INT
trap 'stress_cleanup; exit 143' TERM HUP

section() {
	case " ${STRESS_ONLY:-crash signals disk files input hostile modes times} " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# A fresh working folder for a section: $W, with $W/home.
fresh() {
	stress_cleanup
	W=$(mktemp -d "${TMPDIR:-/tmp}/suivi-stress.XXXXXX")
	mkdir -p "$W/home"
}

skip() {
	SKIPS=$((SKIPS + 1))
	echo "skip - $1"
}

# check NAME CONDITION (shell code): ok/FAIL, counted with the e2e checks;
# a failure shows the last command's status and stderr.
check() {
	if eval "$2"; then
		E2E_PASS=$((E2E_PASS + 1))
		echo "ok - $1"
	else
		E2E_FAIL=$((E2E_FAIL + 1))
		echo "FAIL - $1"
		echo "#   condition: $2"
		echo "#   exit status: $rc"
		[ -s "$W/err" ] && sed 's/^/#   stderr: /' "$W/err" | head -10
	fi
}

# cli ARGS…: the command line with the section's HOME; stdout in $W/out,
# stderr in $W/err, status in $rc (never piped: a crash shows).
cli() {
	env -i PATH="$PATH" HOME="$W/home" LANG="$E2E_LOCALE" \
		SUIVI_DATADIR="$TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
		"$SUIVI" "$@" >"$W/out" 2>"$W/err"
	rc=$?
}

# cli_limited KB ARGS…: the same under ulimit -f KB (blocks of 1024 bytes).
cli_limited() {
	local kb=$1
	shift
	(
		ulimit -f "$kb"
		exec env -i PATH="$PATH" HOME="$W/home" LANG="$E2E_LOCALE" \
			SUIVI_DATADIR="$TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
			"$SUIVI" "$@"
	) >"$W/out" 2>"$W/err"
	rc=$?
}

err_has() { grep -qF -- "$1" "$W/err"; }
sum() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1; }
mode_of() { stat -c %a "$1" 2>/dev/null; }
# no temporary file (NAME.tmp-XXXXXX) left in a folder
no_tmp() { ! ls -a "$1" | grep -q '\.tmp-'; }
# `suivi check` on a database says it is sound
sound() {
	cli --db "$1" check
	[ "$rc" = 0 ] && grep -qF "Verdict : base saine" "$W/out"
}

# csv_awk EXPR: an awk program that prints EXPR (over f[1] … f[n], the
# fields of each CSV record of one line, quotes undone).
csv_awk() {
	cat <<EOF
function csvsplit(line, f,    n, i, c, q, cur) {
	n = 0; cur = ""; q = 0
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (q) {
			if (c == "\"") {
				if (substr(line, i + 1, 1) == "\"") { cur = cur c; i++ }
				else q = 0
			} else cur = cur c
		} else if (c == "\"") q = 1
		else if (c == ",") { f[++n] = cur; cur = "" }
		else cur = cur c
	}
	f[++n] = cur
	return n
}
{ sub(/\r\$/, ""); csvsplit(\$0, f); print $1 }
EOF
}

# measurements DB YEAR…: "indicator|criticality|period<TAB>value<TAB>number"
# for each value of Le Bouscat in those years (the CSV export, parsed).
measurements() {
	local db=$1 y
	shift
	: >"$W/export.csv"
	for y in "$@"; do
		cli --db "$db" export measurements --commune "Le Bouscat" --year "$y"
		[ "$rc" = 0 ] || return 1
		tail -n +2 "$W/out" >>"$W/export.csv"
	done
	awk "$(csv_awk 'f[5] "|" f[7] "|" f[8] "\t" f[9] "\t" f[10]')" "$W/export.csv" | sort
}

# The objects of the requests in the database, sorted.
request_objects() {
	local col
	cli --db "$1" export requests
	[ "$rc" = 0 ] || return 1
	# the column named « objet », wherever the export puts it
	col=$(head -n 1 "$W/out" | tr -d '\r' | tr ',' '\n' | grep -nx 'objet' | cut -d: -f1)
	[ -n "$col" ] || return 1
	tail -n +2 "$W/out" | awk "$(csv_awk "f[$col]")" | sort
}

# dispute_objects DB: the object of every dispute, sorted.
dispute_objects() {
	cli --db "$1" export disputes
	[ "$rc" = 0 ] || return 1
	tail -n +2 "$W/out" | awk "$(csv_awk 'f[4]')" | sort
}

# apply_acks STATE ACKLOG: STATE with the values the log acknowledged
# (the last one of a cell wins), in the format of measurements().
apply_acks() {
	awk -F'\t' -v state="$1" '
	BEGIN {
		while ((getline l < state) > 0) {
			split(l, f, "\t"); v[f[1]] = f[2]; n[f[1]] = f[3]
		}
	}
	$1 == "valeur" { k = $2 "|" $4 "|" $3; v[k] = $5; n[k] = "?" }
	END { for (k in v) print k "\t" v[k] "\t" n[k] }' "$2" | sort
}

# expect_msg NAME TEXT: like expect, for a message that may take two
# lines (the pane's lines joined, spaces squeezed).
expect_msg() {
	local deadline=$(($(ms) + E2E_TIMEOUT * 1000))
	while :; do
		if screen | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$2"; then
			ok "$1"
			return 0
		fi
		[ "$(ms)" -ge "$deadline" ] && break
		sleep 0.02
	done
	not_ok "$1 (attendu : « $2 »)"
	return 1
}

ms() { date +%s%3N; }
sleep_ms() { sleep "$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))"; }

# ----------------------------------------------------------------------
# 1. kill -9 at random moments during scripted entry

# keys_for FILE PLAN: a session that opens the grid (this year or the one
# before), goes to 3.3.1 and types 40 values down the five rows of
# durations, a column further every five (December stays December); the values typed, in order, go
# to PLAN.
keys_for() {
	local keys=2 i v
	[ $((RANDOM % 2)) = 1 ] && keys="$keys["
	# arrows, not j: on the text cell (3.2.1) letters are typed
	keys="${keys}g"$'\e[B\e[B\e[B\e[B\e[B\e[B\e[B'
	: >"$2"
	for i in $(seq 1 40); do
		v="$((1 + RANDOM % 3)),$((1 + RANDOM % 9))"
		echo "$v" >>"$2"
		keys="$keys$v"$'\r'
		[ $((i % 5)) = 0 ] && keys="${keys}"$'\e[A\e[A\e[A\e[A\e[A\e[C'
	done
	printf '%s' "$keys" >"$1"
}

crash_launch() {
	local run=$1
	tm respawn-pane -k -t e2e "exec env -i PATH='$PATH' HOME='$W/home' \
TERM=tmux-256color LANG=$E2E_LOCALE SUIVI_DATADIR='$TOP/share/suivi' \
SUIVI_TODAY=2026-11-23 SUIVI_ACK_LOG='$W/ack.$run' SUIVI_REPLAY='$W/keys' \
'$SUIVI' --db '$W/c.db' 2>>'$W/stderr'"
}

pane_dead() {
	[ "$(tm display -p -t e2e '#{pane_dead}' 2>/dev/null)" = 1 ]
}

wait_dead() {
	local deadline=$(($(ms) + 10000))
	while ! pane_dead; do
		[ "$(ms)" -ge "$deadline" ] && return 1
		sleep 0.005
	done
}

s_crash() {
	local run pid t0 dur=0 delay killed=0 natural=0 in_save=0 acked=0
	local unacked=0 bad_mode=0 fails=0 found=0 n k diff ok_run start
	fresh
	start=$(ms)
	cli --db "$W/c.db"
	check "crash: a database with the bundled contracts" '[ "$rc" = 0 ]'
	: >"$W/state"
	tm new-session -d -s e2e -x 110 -y 34 "sleep 3600" 2>/dev/null ||
		{ check "crash: tmux starts" false; return; }
	tm set-option -g remain-on-exit on
	for run in $(seq 0 "$STRESS_RUNS"); do
		keys_for "$W/keys" "$W/plan"
		: >"$W/ack.$run"
		t0=$(ms)
		crash_launch "$run"
		pid=$(tm display -p -t e2e '#{pane_pid}')
		if [ "$run" = 0 ]; then
			# calibration: the whole session, unhurried
			wait_dead
			dur=$(($(ms) - t0))
			natural=$((natural + 1))
		else
			# the launch itself takes a few ms of the window
			delay=$((RANDOM * dur * 3 / 4 / 32768))
			sleep_ms "$delay"
			if pane_dead; then
				natural=$((natural + 1))
			else
				kill -9 "$pid" 2>/dev/null
				wait_dead
				if [ "$(tm display -p -t e2e '#{pane_dead_signal}')" = 9 ]; then
					killed=$((killed + 1))
				else
					natural=$((natural + 1))
				fi
			fi
		fi
		wait_dead
		# the file as the kill left it, journal included, checked on a
		# copy: the next run starts on the original
		rm -f "$W/copy.db" "$W/copy.db-journal"
		cp "$W/c.db" "$W/copy.db"
		if [ -s "$W/c.db-journal" ]; then
			in_save=$((in_save + 1))
			[ "$(mode_of "$W/c.db-journal")" = 600 ] || bad_mode=$((bad_mode + 1))
			cp "$W/c.db-journal" "$W/copy.db-journal"
		fi
		n=$(grep -c '^valeur' "$W/ack.$run")
		acked=$((acked + n))
		ok_run=1
		if ! sound "$W/copy.db"; then
			ok_run=0
			echo "# run $run: suivi check: $(cat "$W/out" "$W/err")"
		fi
		apply_acks "$W/state" "$W/ack.$run" >"$W/expected"
		measurements "$W/copy.db" 2025 2026 >"$W/now" || ok_run=0
		# cells whose value differs from the last acknowledged one
		diff=$(awk -F'\t' -v want="$W/expected" '
			BEGIN {
				while ((getline l < want) > 0) {
					split(l, f, "\t"); v[f[1]] = f[2]
				}
			}
			{ d[$1] = 1; if (!($1 in v) || v[$1] != $2) print $1 "\t" $3 }
			END { for (k in v) if (!(k in d)) print k "\tABSENT" }' \
			"$W/now")
		k=$(sed -n "$((n + 1))p" "$W/plan")
		if [ -n "$diff" ]; then
			# allowed: the save in flight when killed, committed
			# before its acknowledgement was written
			if [ "$(printf '%s\n' "$diff" | wc -l)" = 1 ] &&
				[ "$(printf '%s' "$diff" | cut -f2)" = "$k" ]; then
				unacked=$((unacked + 1))
			else
				ok_run=0
				echo "# run $run: acknowledged values not found (or unknown ones):"
				printf '%s\n' "$diff" | sed 's/^/#   /'
				echo "#   acknowledged:"
				sed 's/^/#     /' "$W/ack.$run"
			fi
		fi
		found=$((found + $(awk -F'\t' -v acks="$W/ack.$run" '
			BEGIN {
				while ((getline l < acks) > 0) {
					split(l, f, "\t")
					if (f[1] == "valeur") a[f[2] "|" f[4] "|" f[3]] = f[5]
				}
			}
			($1 in a) && a[$1] == $2 { c++ } END { print c + 0 }' "$W/now")))
		cp "$W/now" "$W/state"
		if [ "$ok_run" = 0 ]; then
			fails=$((fails + 1))
			[ "$fails" -ge 5 ] && break
		fi
	done
	tm kill-server 2>/dev/null
	check "crash: $((killed + natural)) runs (${dur} ms of typing each, 40 values), $killed killed by SIGKILL at a random moment, $natural ended first: base saine after every one" \
		'[ "$fails" = 0 ]'
	check "crash: $in_save kills during a save (a journal left behind), every journal 0600" \
		'[ "$in_save" -gt 0 ] && [ "$bad_mode" = 0 ]'
	# every acknowledgement of a cell not overwritten later in its run
	# is what the export shows
	check "crash: $acked values acknowledged, every one found in the database (last of each cell: $found found); $unacked saved but killed before their acknowledgement" \
		'[ "$fails" = 0 ] && [ "$acked" -gt 0 ]'
	rm -f "$W/c.db-journal.keep"
	check "crash: the file itself, after the last kill: base saine" 'sound "$W/c.db"'
	check "crash: the file itself holds the last state checked" \
		'measurements "$W/c.db" 2025 2026 >"$W/final" && cmp -s "$W/final" "$W/state"'
	if grep -q 'Sanitizer\|runtime error' "$W/stderr" 2>/dev/null; then
		check "crash: no sanitizer report" false
	fi
	s_crash_first_run
	s_sync_kill
	echo "# crash: $(($(ms) - start)) ms"
}

# The first run, which creates the database and imports the bundled
# contracts in one transaction, killed at a random moment: the next run
# finds either nothing or an empty file, which it fills, or the whole
# filling; never a half-filled or empty-schema database.
# kill -9 during `suivi sync import` of a large file: all or nothing, the
# database sound, and the file applies whole afterwards.
s_sync_kill() {
	local i pid t0 dur=0 runs=${STRESS_SYNC_RUNS:-30} killed=0 bad=0 all=0 none=0 n
	{
		printf 'objet,reçue,nature de saisine,forme,domaine\n'
		seq 1 4000 | awk '{ printf "Demande %d,2026-05-04 08:30,ordinaire,note,nsi\n", $1 }'
	} >"$W/big.csv"
	cli --db "$W/src.db"
	cli --db "$W/src.db" import requests --commune 33069 "$W/big.csv"
	cli --db "$W/src.db" sync export -o "$W/big.sync"
	check "sync kill: a file of 4000 requests written" '[ "$rc" = 0 ] && [ -s "$W/big.sync" ]'
	cli --db "$W/dst0.db"
	sync_import_bg() {
		env -i PATH="$PATH" HOME="$W/home" LANG="$E2E_LOCALE" \
			SUIVI_DATADIR="$TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
			"$SUIVI" --db "$W/dst.db" sync import "$W/big.sync" \
			>/dev/null 2>>"$W/stderr" &
		pid=$!
	}
	for i in 1 2 3; do
		cp "$W/dst0.db" "$W/dst.db"
		t0=$(ms)
		sync_import_bg
		wait "$pid" 2>/dev/null
		t0=$(($(ms) - t0))
		[ "$t0" -gt "$dur" ] && dur=$t0
	done
	for i in $(seq 1 "$runs"); do
		rm -f "$W/dst.db-journal" "$W/dst.db.lock"
		cp "$W/dst0.db" "$W/dst.db"
		sync_import_bg
		sleep_ms $((RANDOM * dur / 32768))
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		[ $? = 137 ] && killed=$((killed + 1))
		n=$(request_objects "$W/dst.db" | grep -c '^Demande ')
		if ! sound "$W/dst.db"; then
			bad=$((bad + 1))
			echo "# sync kill $i: $(head -3 "$W/out")"
		elif [ "$n" = 4000 ]; then
			all=$((all + 1))
		elif [ "$n" = 0 ]; then
			none=$((none + 1))
		else
			bad=$((bad + 1))
			echo "# sync kill $i: $n requests of 4000"
		fi
	done
	check "sync kill: sync import (${dur} ms) killed at a random moment $killed times out of $runs: each time all ($all) or nothing ($none), base saine" \
		'[ "$bad" = 0 ]'
	cli --db "$W/dst.db" sync import "$W/big.sync"
	n=$(request_objects "$W/dst.db" | grep -c '^Demande ')
	check "sync kill: then the file applies (or is already there): 4000 requests" \
		'[ "$rc" = 0 ] && [ "$n" = 4000 ] && sound "$W/dst.db"'
}

s_crash_first_run() {
	local i pid t0 dur runs=${STRESS_FIRST_RUNS:-40} killed=0 journal=0 bad=0
	first_run_bg() {
		env -i PATH="$PATH" HOME="$W/home" LANG="$E2E_LOCALE" \
			SUIVI_DATADIR="$TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
			"$SUIVI" --db "$W/f.db" >/dev/null 2>>"$W/stderr" &
		pid=$!
	}
	dur=0
	for i in 1 2 3; do
		rm -f "$W/f.db"
		t0=$(ms)
		first_run_bg
		wait "$pid" 2>/dev/null
		t0=$(($(ms) - t0))
		[ "$t0" -gt "$dur" ] && dur=$t0
	done
	for i in $(seq 1 "$runs"); do
		rm -f "$W/f.db" "$W/f.db-journal" "$W/f.db.lock"
		first_run_bg
		# three runs out of four in the second half, where the COMMIT is
		if [ $((i % 4)) = 0 ]; then
			t0=$((RANDOM * dur / 32768))
		else
			t0=$((dur / 2 + RANDOM * dur / 2 / 32768))
		fi
		sleep_ms "$t0"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		[ $? = 137 ] && killed=$((killed + 1))
		# killed in its COMMIT: pages written into the file, the
		# journal still there
		[ -s "$W/f.db-journal" ] && [ -s "$W/f.db" ] && journal=$((journal + 1))
		cli --db "$W/f.db"
		if [ "$rc" != 0 ] || ! grep -qF "2 contrats" "$W/out" || ! sound "$W/f.db"; then
			bad=$((bad + 1))
			echo "# first run $i: $(cat "$W/out" "$W/err" | head -5)"
		fi
	done
	check "crash: the first run (creation, ${dur} ms) killed at a random moment $killed times out of $runs ($journal while its COMMIT wrote the file): the next run has the bundled contracts, base saine" \
		'[ "$bad" = 0 ]'
}

# ----------------------------------------------------------------------
# 2. SIGHUP, SIGTERM, SIGINT while typing

SIG_DB=

# What suivi offers at start: "grid TEXT", "form", "dispute" or "none".
startup_offer() {
	local deadline=$(($(ms) + E2E_TIMEOUT * 1000)) s settle=0
	while [ "$(ms)" -lt "$deadline" ]; do
		s=$(screen)
		case $s in
		*"(ouverture d'un litige)"*)
			echo dispute
			return
			;;
		*"Saisie non enregistrée à la fermeture"*)
			printf 'grid %s' "$(printf '%s' "$s" | sed -n 's/.*« \(.*\) ».*/\1/p' | head -n 1)"
			return
			;;
		*"Un formulaire de saisine n'était pas enregistré"*)
			echo form
			return
			;;
		*"Identifiant : 33069-2016"*)
			# the offer comes right after the first screen
			settle=$((settle + 1))
			if [ "$settle" -ge 10 ]; then
				echo none
				return
			fi
			;;
		esac
		sleep 0.02
	done
	echo timeout
}

# sig_verify: the database is sound and holds exactly what was
# acknowledged (values and requests).
sig_verify() {
	local what=$1
	if ! sound "$SIG_DB"; then
		echo "# $what: suivi check: $(cat "$W/out" "$W/err")"
		return 1
	fi
	apply_acks /dev/null "$W/ack" | cut -f1,2 >"$W/expected"
	measurements "$SIG_DB" 2026 | cut -f1,2 >"$W/now" || return 1
	if ! cmp -s "$W/expected" "$W/now"; then
		echo "# $what: values acknowledged / in the database:"
		diff "$W/expected" "$W/now" | sed 's/^/#   /'
		return 1
	fi
	awk -F'\t' '$1 == "saisine" { print $3 }' "$W/ack" | sort >"$W/expected"
	request_objects "$SIG_DB" >"$W/now" || return 1
	if ! cmp -s "$W/expected" "$W/now"; then
		echo "# $what: requests acknowledged / in the database:"
		diff "$W/expected" "$W/now" | sed 's/^/#   /'
		return 1
	fi
	awk -F'\t' '$1 == "litige" { print $3 }' "$W/ack" | sort >"$W/expected"
	dispute_objects "$SIG_DB" >"$W/now" || return 1
	if ! cmp -s "$W/expected" "$W/now"; then
		echo "# $what: disputes acknowledged / in the database:"
		diff "$W/expected" "$W/now" | sed 's/^/#   /'
		return 1
	fi
	return 0
}

s_signals() {
	local run kind phase sig draft="" offer v obj i m t0 dt pid st
	local slow=0 maxms=0 bad_exit=0 not_restored=0 bad_data=0 bad_offer=0
	local offered=0 resumed=0 dropped=0 nhup=0 nterm=0 nint=0 start
	local ngrid=0 nform=0 ndis=0
	local -a sigs=(HUP TERM INT)
	fresh
	start=$(ms)
	: >"$W/ack"
	e2e_start -s 110x34 SUIVI_ACK_LOG="$W/ack"
	SIG_DB=$E2E_DIR/home/.local/share/suivi/suivi.db
	for run in $(seq 1 $((STRESS_SIGNAL_RUNS + 1))); do
		[ "$run" = 1 ] || e2e_restart
		# what the previous run left is offered, once
		offer=$(startup_offer)
		case "$draft|$offer" in
		"|none" | "maybe:"*"|none") ;;
		"grid:"*"|grid "* | "maybe:grid:"*"|grid "*)
			v=${draft#maybe:}
			v=${v#grid:}
			if [ "${offer#grid }" != "$v" ]; then
				bad_offer=$((bad_offer + 1))
				echo "# run $run: offered « ${offer#grid } », typed « $v »"
			fi
			;;
		"form:"*"|form" | "maybe:form:"*"|form") ;;
		"dispute:"*"|dispute" | "maybe:dispute:"*"|dispute") ;;
		*)
			bad_offer=$((bad_offer + 1))
			echo "# run $run: left « $draft », offered: $offer"
			screen | sed 's/^/#   | /'
			;;
		esac
		case $offer in
		grid*)
			offered=$((offered + 1))
			if [ $((RANDOM % 2)) = 0 ]; then
				keys o
				wait_for "Entrée enregistre" && wait_for "$v" && keys Enter &&
					wait_for "Enregistré :" && resumed=$((resumed + 1))
			else
				keys n
				wait_for "Brouillon abandonné" && dropped=$((dropped + 1))
			fi
			;;
		form)
			offered=$((offered + 1))
			obj=${draft#maybe:}
			obj=${obj#form:}
			if [ $((RANDOM % 2)) = 0 ]; then
				keys o
				wait_for "$obj" && keys Enter &&
					wait_for "Saisine enregistrée : $obj" &&
					resumed=$((resumed + 1))
			else
				keys n
				wait_for "Brouillon abandonné" && dropped=$((dropped + 1))
			fi
			;;
		dispute)
			offered=$((offered + 1))
			obj=${draft#maybe:}
			obj=${obj#dispute:}
			if [ $((RANDOM % 2)) = 0 ]; then
				keys o
				wait_for "$obj" && keys Enter &&
					wait_for "Litige ouvert : $obj" &&
					resumed=$((resumed + 1))
			else
				keys n
				wait_for "Brouillon abandonné" && dropped=$((dropped + 1))
			fi
			;;
		none) ;;
		*) not_ok "run $run: suivi démarre" ;;
		esac
		if ! sig_verify "run $run, after the offer"; then
			bad_data=$((bad_data + 1))
		fi
		[ "$run" -gt "$STRESS_SIGNAL_RUNS" ] && break

		sig=${sigs[$((RANDOM % 3))]}
		case $sig in HUP) nhup=$((nhup + 1)) ;; TERM) nterm=$((nterm + 1)) ;; *) nint=$((nint + 1)) ;; esac
		phase=$((RANDOM % 3))	# 0 idle, 1 typing, 2 Enter just sent
		kind=$((RANDOM % 3))
		if [ "$kind" = 0 ]; then
			kind=grid
			ngrid=$((ngrid + 1))
			keys M-2
			wait_for "Tableau de bord 2026"
			keys g Down Down Down Down Down Down Down
			wait_for "3.3.1 · "
			m=$((RANDOM % 3))
			for i in $(seq 1 "$m"); do
				v="$((1 + RANDOM % 3)),$i"
				text "$v"
				keys Enter
				wait_for "= $v "
			done
			v="$((1 + RANDOM % 3)),$((4 + RANDOM % 6))"
			case $phase in
			0) draft= ;;
			1) text "$v"; wait_for "Entrée enregistre"; wait_for "$v"; draft="grid:$v" ;;
			2) text "$v"; wait_for "Entrée enregistre"; wait_for "$v"; keys Enter; draft="maybe:grid:$v" ;;
			esac
		elif [ "$kind" = 1 ]; then
			kind=dispute
			ndis=$((ndis + 1))
			obj="Litige $run-$RANDOM"
			# Échap: from a dispute's page (a draft resumed) to the list
			keys M-4 Escape
			wait_for "Litiges :"
			keys n
			wait_for "Ouvrir un litige"
			case $phase in
			0) draft= ;;
			*)
				keys Tab
				text "$obj"
				wait_for "$obj"
				draft="dispute:$obj"
				if [ "$phase" = 2 ]; then
					keys Enter
					draft="maybe:dispute:$obj"
				fi
				;;
			esac
		else
			kind=form
			nform=$((nform + 1))
			obj="Objet $run-$RANDOM"
			keys M-3
			wait_for "Saisines :"
			keys n
			wait_for "Nouvelle saisine"
			case $phase in
			0) draft= ;;
			*)
				text u
				wait_for "en urgence"
				keys Enter Tab Tab Tab Tab Tab Tab
				text "$obj"
				wait_for "$obj"
				draft="form:$obj"
				if [ "$phase" = 2 ]; then
					keys Enter
					draft="maybe:form:$obj"
				fi
				;;
			esac
		fi
		# a random moment: up to 0.3 s later (0.03 s after an Enter)
		if [ "$phase" = 2 ]; then
			sleep "0.0$((RANDOM % 4))"
		else
			sleep "0.$((RANDOM % 3))$((RANDOM % 10))"
		fi
		pid=$(suivi_pid)
		t0=$(ms)
		kill -s "$sig" "$pid"
		if poll_for "[[exit="; then
			dt=$(($(ms) - t0))
			[ "$dt" -gt "$maxms" ] && maxms=$dt
			[ "$dt" -gt 2000 ] && slow=$((slow + 1))
		else
			slow=$((slow + 1))
		fi
		st=$(screen | sed -n 's/.*\[\[exit=\([0-9]*\)\]\].*/\1/p' | tail -n 1)
		if [ "$st" != 0 ]; then
			bad_exit=$((bad_exit + 1))
			echo "# run $run ($kind, SIG$sig, phase $phase): exit status « $st »"
		fi
		if [ "$(tm display -p -t e2e '#{alternate_on} #{cursor_flag}')" != "0 1" ]; then
			not_restored=$((not_restored + 1))
			echo "# run $run ($kind, SIG$sig, phase $phase): terminal not restored"
		fi
		if ! sig_verify "run $run ($kind, SIG$sig, phase $phase)"; then
			bad_data=$((bad_data + 1))
		fi
	done
	keys q
	poll_for "[[exit=0]]"
	check "signals: $STRESS_SIGNAL_RUNS runs ($ngrid in the grid, $nform in the request form, $ndis in the dispute form; SIGHUP $nhup, SIGTERM $nterm, SIGINT $nint) at random moments: suivi ends within 2 s (slowest $maxms ms)" \
		'[ "$slow" = 0 ]'
	check "signals: exit status 0 every time" '[ "$bad_exit" = 0 ]'
	check "signals: the terminal is restored every time (main screen, cursor visible)" \
		'[ "$not_restored" = 0 ]'
	check "signals: after each, base saine and exactly the values, requests and disputes acknowledged ($(grep -c '^valeur' "$W/ack") values, $(grep -c '^saisine' "$W/ack") requests, $(grep -c '^litige' "$W/ack") disputes)" \
		'[ "$bad_data" = 0 ]'
	check "signals: what was being typed is offered back at the next start, as typed ($offered offers: $resumed resumed and saved, $dropped dropped)" \
		'[ "$bad_offer" = 0 ] && [ "$offered" -gt 0 ]'
	e2e_stop
	echo "# signals: $(($(ms) - start)) ms"
}

# ----------------------------------------------------------------------
# 3. A full disk, a file-size limit

# The value of a cell in the database ("" when none).
value_of() {
	measurements "$1" 2026 | awk -F'\t' -v k="$2" '$1 == k { print $2 }'
}

# disk_cases TAG DIR DB RUN RUN_OUT MESSAGE: every writer of the command
# line facing a folder that cannot take more: RUN writes the database or a
# copy of it, RUN_OUT the exports (cli, or "cli_limited KB").
disk_cases() {
	local tag=$1 dir=$2 db=$3 run=$4 run_out=$5 msg=$6 before
	before=$(sum "$db")
	$run --db "$db" set "Le Bouscat" 3.3.1 2026-02 "4,5"
	check "$tag: set: exit 1 (not killed), « $msg »" '[ "$rc" = 1 ] && err_has "$msg" && err_has "Rien n'"'"'a été enregistré"'
	check "$tag: set: the database is sound, the earlier value there, the refused one absent" \
		'sound "$db" && [ "$(value_of "$db" "3.3.1||2026-01")" = "2,5 j" ] && [ -z "$(value_of "$db" "3.3.1||2026-02")" ]'
	check "$tag: set: the file byte for byte as before (once its journal is played back)" \
		'[ "$(sum "$db")" = "$before" ]'
	$run --db "$db" import requests --commune 33069 "$W/rq.csv"
	check "$tag: import requests: exit 1, « $msg », no request" \
		'[ "$rc" = 1 ] && err_has "$msg" && sound "$db" && [ -z "$(request_objects "$db")" ] && [ "$(sum "$db")" = "$before" ]'
	$run_out --db "$db" export indicators -o "$dir/indicateurs.csv"
	check "$tag: export -o: exit 1, says why, no file, no temporary file" \
		'[ "$rc" = 1 ] && err_has "impossible d'"'"'écrire $dir/indicateurs.csv" && [ ! -e "$dir/indicateurs.csv" ] && no_tmp "$dir"'
	$run_out --db "$db" export indicators -o "$dir/ancien.csv" --force
	check "$tag: export -o --force over a file: exit 1, the old file intact" \
		'[ "$rc" = 1 ] && [ "$(cat "$dir/ancien.csv")" = ancien ] && no_tmp "$dir"'
	$run_out --db "$db" report evaluation --commune "Le Bouscat" --year 2026 -o "$dir/eval.html"
	check "$tag: report -o: exit 1, says why, no file, no temporary file" \
		'[ "$rc" = 1 ] && err_has "impossible" && [ ! -e "$dir/eval.html" ] && no_tmp "$dir"'
	$run --db "$db" backup "$dir/copie.db"
	check "$tag: backup: exit 1, says why, no copy, no temporary file" \
		'[ "$rc" = 1 ] && err_has "sauvegarde impossible" && [ ! -e "$dir/copie.db" ] && no_tmp "$dir"'
	check "$tag: after all that, the database unchanged" '[ "$(sum "$db")" = "$before" ]'
}

# grid_331: the tableau de bord, on 3.3.1's cell of November 2026.
grid_331() {
	keys 2
	wait_for "Tableau de bord 2026"
	keys g Down Down Down Down Down Down Down
	wait_for "3.3.1 · novembre 2026"
}

# grid_331_type VALUE: VALUE typed there, then Entrée.
grid_331_type() {
	grid_331
	text "$1"
	keys Enter
}

# disk_ui TAG DB BLOCK UNBLOCK MESSAGE: a value typed in the grid while
# BLOCK holds (shell code run once suivi is up), then UNBLOCK, then Entrée.
disk_ui() {
	local tag=$1 db=$2 block=$3 unblock=$4 msg=$5 pid
	: >"$W/ack"
	e2e_start -s 110x34 SUIVI_ACK_LOG="$W/ack" -- --db "$db"
	wait_for "Identifiant : 33069-2016"
	eval "$block"
	grid_331_type "3,3"
	expect "$tag, interface: Entrée says the value is not saved" "Non enregistré"
	expect_msg "$tag, interface: and why: « $msg »" "$msg"
	expect "$tag, interface: what was typed stays, for a retry" "3,3"
	pid=$(suivi_pid)
	check "$tag, interface: suivi is still running, nothing acknowledged" '[ -n "$pid" ] && [ ! -s "$W/ack" ]'
	keys Escape
	keys j
	expect "$tag, interface: it still answers keys" "3.3.2 · critique · novembre 2026"
	keys k
	text "3,4"
	keys Enter
	expect "$tag, interface: a second try fails the same way" "Non enregistré"
	eval "$unblock"
	keys Enter
	expect "$tag, interface: room again: the same Entrée saves it" "Enregistré : 3.3.1 · novembre 2026 = 3,4 j"
	keys q
	expect_exit "$tag, interface: q: exit status 0" 0
	check "$tag, interface: base saine, the earlier value and the saved one there" \
		'sound "$db" && [ "$(value_of "$db" "3.3.1||2026-01")" = "2,5 j" ] && [ "$(value_of "$db" "3.3.1||2026-11")" = "3,4 j" ]'
	check "$tag, interface: acknowledged once, the value saved" \
		'[ "$(cat "$W/ack")" = "$(printf "valeur\t3.3.1\t2026-11\t\t3,4 j")" ]'
	e2e_stop
}

# disk_draft TAG DB BLOCK UNBLOCK: a request form being typed when the
# disk fills and the terminal closes (SIGHUP): the draft the database
# cannot take is kept in the runtime folder (0600), said on stderr, and
# offered back at the next start once there is room (issue 17, 5).
disk_draft() {
	local tag=$1 db=$2 block=$3 unblock=$4 obj="Panne imprimante $RANDOM" f
	rm -rf "$W/run"
	mkdir -m 700 "$W/run"
	e2e_start -s 110x34 XDG_RUNTIME_DIR="$W/run" -- --db "$db"
	wait_for "Identifiant : 33069-2016"
	keys M-3
	wait_for "Saisines :"
	keys n
	wait_for "Nouvelle saisine"
	text u
	wait_for "en urgence"
	keys Enter Tab Tab Tab Tab Tab Tab
	text "$obj"
	wait_for "$obj"
	eval "$block"
	kill -HUP "$(suivi_pid)"
	poll_for "[[exit="
	f=$(grep -l "$obj" "$W/run/suivi/"* 2>/dev/null | head -n 1)
	check "$tag, closed terminal: the draft the database could not take is in a file of the runtime folder, 0600" \
		'[ -n "$f" ] && [ "$(mode_of "$f")" = 600 ] && [ "$(mode_of "$W/run/suivi")" = 700 ]'
	check "$tag, closed terminal: said on stderr, naming the file" \
		'grep -qF "il est gardé dans $W/run/suivi/" "$E2E_DIR/stderr"'
	e2e_stop
	eval "$unblock"
	e2e_start -s 110x34 XDG_RUNTIME_DIR="$W/run" -- --db "$db"
	expect "$tag, next start with room: the draft is offered back" "Un formulaire de saisine n'était pas enregistré à la fermeture. Le reprendre ?"
	keys o
	expect "$tag, next start: the form holds what was typed" "$obj"
	keys Enter
	expect "$tag, next start: saved from the draft" "Saisine enregistrée : $obj"
	check "$tag, next start: the file is gone" '[ ! -e "$f" ]'
	keys q
	e2e_stop
}

s_disk() {
	local start
	fresh
	start=$(ms)
	cli --db "$W/base.db"
	cli --db "$W/base.db" set "Le Bouscat" 3.3.1 2026-01 "2,5"
	check "disk: a database with a value of January" '[ "$rc" = 0 ]'
	printf 'objet,reçue,nature de saisine,forme,domaine\nAccès VPN,2026-05-04 08:30,ordinaire,note,nsi\n' >"$W/rq.csv"

	MNT=$W/mnt
	mkdir -p "$MNT"
	if mount -t tmpfs -o size=2m,mode=0700 tmpfs "$MNT" 2>/dev/null; then
		cp "$W/base.db" "$MNT/s.db"
		echo ancien >"$MNT/ancien.csv"
		dd if=/dev/zero of="$MNT/plein" bs=4k 2>/dev/null
		check "disk (tmpfs of 2 MB): full" '[ "$(df -k "$MNT" | awk "NR == 2 { print \$4 }")" = 0 ]'
		disk_cases "disk (tmpfs full)" "$MNT" "$MNT/s.db" cli cli "disque plein"
		rm -f "$MNT/plein"
		cli --db "$MNT/s.db" set "Le Bouscat" 3.3.1 2026-02 "4,5"
		check "disk (tmpfs): room again: the same set saves" '[ "$rc" = 0 ] && [ "$(value_of "$MNT/s.db" "3.3.1||2026-02")" = "4,5 j" ]'
		cp "$W/base.db" "$MNT/s.db"
		rm -f "$MNT/s.db-journal"
		disk_ui "disk (tmpfs full)" "$MNT/s.db" \
			'dd if=/dev/zero of="$MNT/plein" bs=4k 2>/dev/null' \
			'rm -f "$MNT/plein"' "disque plein"
		cp "$W/base.db" "$MNT/s.db"
		disk_draft "disk (tmpfs full)" "$MNT/s.db" \
			'dd if=/dev/zero of="$MNT/plein" bs=4k 2>/dev/null' \
			'rm -f "$MNT/plein"'
		umount "$MNT"
	else
		skip "disk: no tmpfs (mount -t tmpfs refused): the file-size limit only"
	fi
	MNT=

	# a file-size limit of 200 KB: the database (700 KB) cannot change;
	# 4 KB for the documents (more than 10 KB each)
	mkdir -p "$W/lim"
	cp "$W/base.db" "$W/lim/s.db"
	echo ancien >"$W/lim/ancien.csv"
	disk_cases "disk (ulimit -f 200, 4)" "$W/lim" "$W/lim/s.db" "cli_limited 200" \
		"cli_limited 4" "taille de fichier maximale"
	if command -v prlimit >/dev/null 2>&1; then
		cp "$W/base.db" "$W/lim/u.db"
		disk_ui "disk (file-size limit)" "$W/lim/u.db" \
			'prlimit --pid "$(suivi_pid)" --fsize=204800:' \
			'prlimit --pid "$(suivi_pid)" --fsize=unlimited:' \
			"taille de fichier maximale"
	else
		skip "disk: prlimit absent: the interface under a file-size limit"
	fi
	echo "# disk: $(($(ms) - start)) ms"
}

# ----------------------------------------------------------------------
# 4. Files the interface must refuse or only read

UI_N=0

# ui_as PREFIX [VAR=value…] -- ARGS…: suivi in a pane as e2e_start does,
# started through PREFIX (setpriv …, or nothing), HOME=$W/home.
ui_as() {
	local prefix=$1 envs=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	[ "$1" = -- ] && shift
	tm kill-server 2>/dev/null
	UI_N=$((UI_N + 1))
	E2E_DIR=$W/pane.$UI_N
	mkdir -p "$E2E_DIR"
	chmod 755 "$E2E_DIR"
	E2E_CMD="$prefix $(printf '%q ' env -i PATH="$PATH" HOME="$W/home" \
		TERM=tmux-256color LANG="$E2E_LOCALE" \
		SUIVI_DATADIR="$TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		"${envs[@]}" "$SUIVI" "$@")"
	local try
	for try in 1 2 3 4 5; do
		tm new-session -d -s e2e -x 110 -y 34 \
			"$E2E_CMD 2>>$E2E_DIR/stderr; echo \"[[exit=\$?]]\"; sleep 3600" \
			2>/dev/null && return 0
		sleep 0.2
	done
	not_ok "tmux ne démarre pas"
}

ui_stop() {
	local pid
	pid=$(suivi_pid)
	[ -n "$pid" ] && kill -HUP "$pid" 2>/dev/null && poll_for "[[exit="
	if grep -q 'Sanitizer\|runtime error' "$E2E_DIR/stderr" 2>/dev/null; then
		not_ok "rapport des sanitizers"
	fi
	tm kill-server 2>/dev/null
	E2E_DIR=
}

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

# ----------------------------------------------------------------------
# 8. Modes of what suivi creates, and no overwriting without --force

# clean_out: $W/out and $W/err hold no raw control (C0 but tab and LF,
# DEL, C1), only UTF-8, no bidirectional override.
clean_out() {
	local f
	for f in "$W/out" "$W/err"; do
		[ "$(tr -d '\t\n' <"$f" | LC_ALL=C tr -dc '\000-\037\177' | wc -c)" -eq 0 ] || return 1
		! LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$f" || return 1
		! LC_ALL=C grep -q $'\xe2\x80[\x8e\x8f\xaa-\xae]\|\xe2\x81[\xa6-\xa9]\|\xd8\x9c' "$f" || return 1
		iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || return 1
	done
}

# A name of 10 random bytes (no NUL, no "/"; from $RANDOM, so that
# STRESS_SEED repeats it), a line break and a bidi override always among
# them.
hostile_name() {
	local s= c b i
	for ((i = 0; i < 10; i++)); do
		b=$((RANDOM % 255 + 1))
		[ "$b" = 47 ] && b=27
		printf -v c "\\$(printf %03o "$b")"
		s+=$c
	done
	printf '%s\n\xe2\x80\xae%s' "${s:0:5}" "${s:5}"
}

s_hostile() {
	local i n bad= runs=${STRESS_HOSTILE_RUNS:-16} db
	fresh
	mkdir "$W/o"
	for ((i = 0; i < runs; i++)); do
		n=$(LC_ALL=C hostile_name)
		db="$W/o/db$i-$n"
		cli --db "$db"
		[ "$rc" = 0 ] && [ -f "$db" ] && clean_out || bad="$bad $i:new-base(rc $rc)"
		cli --db "$db" check
		[ "$rc" = 0 ] && clean_out || bad="$bad $i:check(rc $rc)"
		cli --db "$db" backup "$W/o/b$i-$n"
		[ "$rc" = 0 ] && [ -f "$W/o/b$i-$n" ] && clean_out || bad="$bad $i:backup(rc $rc)"
		cli --db "$db" export requests -o "$W/o/e$i-$n"
		[ "$rc" = 0 ] && [ -f "$W/o/e$i-$n" ] && clean_out || bad="$bad $i:export(rc $rc)"
		cli --db "$db" report summary --year 2025 -o "$W/o/r$i-$n.md"
		[ "$rc" = 0 ] && [ -f "$W/o/r$i-$n.md" ] && clean_out || bad="$bad $i:report(rc $rc)"
		cli --db "$db" sync export -o "$W/o/s$i-$n"
		[ "$rc" = 0 ] && [ -f "$W/o/s$i-$n" ] && clean_out || bad="$bad $i:sync(rc $rc)"
		cli --db "$db" export requests -o "$W/o/missing-$n/e.csv"
		[ "$rc" = 1 ] && [ "$(wc -l <"$W/err")" = 1 ] && clean_out || bad="$bad $i:missing-folder(rc $rc)"
		[ -n "$bad" ] && break
	done
	check "hostile: $runs random output names (controls, line breaks, invalid UTF-8, bidi) through a new base, check, backup, export, report, sync export and a missing folder: written, every message clean and on its line" '[ -z "$bad" ]'
	[ -n "$bad" ] && echo "#  $bad" && printf '#   name: %q\n' "$n"
}

s_modes() {
	local old_umask d f before bad n=0 w
	local -a writers
	fresh
	old_umask=$(umask)
	umask 000
	d=$W/home/.local/share/suivi
	cli
	check "modes (umask 000): first run: the database 0600 in folders 0700 (.local, share, suivi)" \
		'[ "$rc" = 0 ] && [ "$(mode_of "$d/suivi.db")" = 600 ] && [ "$(mode_of "$d")" = 700 ] && [ "$(mode_of "$W/home/.local/share")" = 700 ] && [ "$(mode_of "$W/home/.local")" = 700 ]'
	cli set "Le Bouscat" 3.1.1 2026 "12,5 %"
	cli meeting add --commune "Le Bouscat" --kind suivi --date 20/11/2026
	check "modes: a value and a meeting to write about" '[ "$rc" = 0 ]'
	mkdir "$W/o"
	chmod 777 "$W/o"
	writers=(
		"copie.db|backup $W/o/copie.db"
		"indicateurs.csv|export indicators -o $W/o/indicateurs.csv"
		"valeurs.csv|export measurements --year 2026 -o $W/o/valeurs.csv"
		"saisines.csv|export requests -o $W/o/saisines.csv"
		"litiges.csv|export disputes -o $W/o/litiges.csv"
		"etat.csv|export summary --year 2026 -o $W/o/etat.csv"
		"evaluation.html|report evaluation --commune 33069 --year 2026 -o $W/o/evaluation.html"
		"evaluation.fods|report evaluation --commune 33069 --year 2026 -o $W/o/evaluation.fods"
		"recapitulatif.md|report summary --year 2026 -o $W/o/recapitulatif.md"
		"compte-rendu.md|report minutes --meeting 20/11/2026 --commune 33069 -o $W/o/compte-rendu.md"
		"compte-rendu.html|report minutes --meeting 20/11/2026 --commune 33069 -o $W/o/compte-rendu.html"
	)
	bad=
	for w in "${writers[@]}"; do
		f=$W/o/${w%%|*}
		# shellcheck disable=SC2086 # the words of the command
		cli ${w#*|}
		n=$((n + 1))
		if [ "$rc" != 0 ] || [ "$(mode_of "$f")" != 600 ]; then
			bad="$bad ${w%%|*}(rc $rc, mode $(mode_of "$f"))"
			continue
		fi
		before=$(sum "$f")
		# shellcheck disable=SC2086
		cli ${w#*|}
		if [ "$rc" != 1 ] || ! err_has "existe déjà : ajoutez --force" || [ "$(sum "$f")" != "$before" ]; then
			bad="$bad ${w%%|*}(replaced without --force: rc $rc)"
			continue
		fi
		chmod 644 "$f"
		echo ancien >"$f"
		# shellcheck disable=SC2086
		cli ${w#*|} --force
		if [ "$rc" != 0 ] || [ "$(mode_of "$f")" != 600 ] || echo ancien | cmp -s - "$f"; then
			bad="$bad ${w%%|*}(--force: rc $rc, mode $(mode_of "$f"))"
		fi
	done
	check "modes: $n writers of the command line (backup, 5 exports, 5 reports): each file 0600; an existing one refused without --force, untouched; --force replaces it with a 0600 file" \
		'[ -z "$bad" ]'
	[ -n "$bad" ] && echo "#  $bad"
	check "modes: no temporary file left" 'no_tmp "$W/o"'

	# the interface: its lock, the minutes and the reports it writes
	ui_as "" -- 
	wait_for "Identifiant : 33069-2016"
	check "modes: the interface's lock file 0600" '[ "$(mode_of "$d/suivi.db.lock")" = 600 ]'
	keys 5
	wait_for "20/11/2026  réunion de suivi"
	keys Enter
	wait_for "Réunion de suivi du 20/11/2026 · "
	keys m
	expect_msg "modes: m writes the minutes" "Écrit dans ~/Documents/suivi : compte-rendu-le-bouscat-2026-11-20.md et .html"
	f=$W/home/Documents/suivi/compte-rendu-le-bouscat-2026-11-20
	check "modes: the reports folder 0700 (and ~/Documents), the minutes 0600" \
		'[ "$(mode_of "$W/home/Documents/suivi")" = 700 ] && [ "$(mode_of "$W/home/Documents")" = 700 ] && [ "$(mode_of "$f.md")" = 600 ] && [ "$(mode_of "$f.html")" = 600 ]'
	before=$(sum "$f.md")
	keys m
	expect_msg "modes: m again asks before replacing" "existe déjà"
	keys n
	check "modes: n: the minutes untouched" '[ "$(sum "$f.md")" = "$before" ]'
	keys 6
	wait_for "Évaluation 2026"
	keys g Enter
	expect_msg "modes: Rapports: Entrée writes the évaluation" "Écrit dans ~/Documents/suivi : evaluation-le-bouscat-2026.html"
	f=$W/home/Documents/suivi/evaluation-le-bouscat-2026.html
	check "modes: the évaluation 0600" '[ "$(mode_of "$f")" = 600 ]'
	chmod 644 "$f"
	before=$(sum "$f")
	keys Enter
	expect_msg "modes: Entrée again asks before replacing" "existe déjà : le remplacer ? (o/N)"
	keys n
	expect_msg "modes: n: nothing written" "Rien d'écrit"
	check "modes: the évaluation untouched" '[ "$(sum "$f")" = "$before" ]'
	keys Enter
	wait_for "existe déjà : le remplacer ? (o/N)"
	keys o
	expect_msg "modes: o: replaced" "Écrit dans ~/Documents/suivi : evaluation-le-bouscat-2026.html"
	check "modes: the replacement is 0600 (the old file was 0644)" '[ "$(mode_of "$f")" = 600 ]'
	keys q
	expect_exit "modes: q: exit status 0" 0
	ui_stop
	check "modes: nothing else beside the database (drafts live in it); no settings written" \
		'[ "$(ls -A "$d" | tr "\n" " ")" = "suivi.db suivi.db.lock " ] && [ ! -e "$W/home/.config" ]'
	check "modes: every file suivi made under HOME is 0600, every folder 0700" \
		'[ -z "$(find "$W/home" \( -type f ! -perm 600 \) -o \( -type d ! -perm 700 ! -path "$W/home" \))" ]'
	umask "$old_umask"
}

# ----------------------------------------------------------------------
# no sanitizer report (ASan, UBSan, LSan) on the last command's stderr
no_san() { ! grep -q 'Sanitizer\|runtime error' "$W/err"; }

s_input() {
	local before h i
	fresh
	mkdir -p "$W/home/.config/suivi"
	printf '[suivi]\nreferent = Marie Martin\n' >"$W/home/.config/suivi/suivi.ini"
	cli --db "$W/s.db"
	before=$(sum "$W/s.db")
	h='objet,reçue,nature de saisine,forme,domaine,décision,décidé par,décidé le,coût estimé'

	{
		seq 1 100000 | awk '{ print (NR % 3 == 0 ? " \t" : (NR % 3 == 1 ? "" : ",,,,")) }'
		echo "$h"
		echo 'Une étude,2026-05-04 08:30,exceptionnelle,note,nsi,Acceptée,DGA,2026-05-05,"1 500,50 €"'
	} >"$W/blank.csv"
	cli --db "$W/s.db" import requests --commune 33069 "$W/blank.csv"
	check "input: 100 000 blank lines before the header: skipped, the request imported" \
		'[ "$rc" = 0 ] && err_has "1 saisie importée" && no_san'

	{
		printf '%s\r' "$h"
		seq 1 4000 | awk '{ printf "\"Demande\r%d\",2026-05-04 08:30,exceptionnelle,note,nsi,Acceptée,DGA,2026-05-05,\"%d,%02d\"\r", $1, $1, $1 % 100 }'
	} >"$W/cr.csv"
	cli --db "$W/s.db" import requests --commune 33069 "$W/cr.csv"
	check "input: 4000 requests with lone CRs (old Mac), texts on two lines: imported" \
		'[ "$rc" = 0 ] && err_has "4000 saisies importées" && no_san'
	cli --db "$W/s.db" export requests -o "$W/e1.csv"
	cp "$W/s.db" "$W/t.db"
	before=$(sum "$W/t.db")

	if command -v iconv >/dev/null 2>&1; then
		{
			echo "$h"
			seq 1 4000 | awk '{ printf "Demande %d,2026-05-04 08:30,ordinaire,note,nsi,,,,\n", $1 }'
		} | iconv -f UTF-8 -t UTF-16 >"$W/u16.csv"
		cli --db "$W/t.db" import requests --commune 33069 "$W/u16.csv"
		check "input: a UTF-16 file of 4000 lines: said once, naming UTF-16, nothing written" \
			'[ "$rc" = 1 ] && [ "$(grep -c "u16.csv:" "$W/err")" = 1 ] && err_has "u16.csv:1: fichier en UTF-16 : enregistrez-le en UTF-8" && [ "$(sum "$W/t.db")" = "$before" ] && no_san'
	else
		skip "input: UTF-16 (iconv absent)"
	fi

	{
		echo "$h"
		seq 1 4000 | awk '{ split("1,005|0,0001|1.500|1,500|1.500,25|-3|12345678901234567|abc", v, "|"); printf "Demande %d,2026-05-04 08:30,exceptionnelle,note,nsi,Acceptée,DGA,2026-05-05,\"%s\"\n", $1, v[($1 - 1) % 8 + 1] }'
	} >"$W/amounts.csv"
	cli --db "$W/t.db" import requests --commune 33069 "$W/amounts.csv"
	check "input: 4000 amounts past cents or ambiguous: each on its line, reading stopped at 50, nothing written" \
		'[ "$rc" = 1 ] && err_has "amounts.csv:2: coût estimé « 1,005 » : au plus deux décimales (les centimes)" && err_has "amounts.csv:4: coût estimé « 1.500 » ambigu" && err_has "(lecture arrêtée)" && [ "$(sum "$W/t.db")" = "$before" ] && no_san'

	for i in 1 2 3 4 5 6; do
		{
			echo "$h"
			head -c 20000 /dev/urandom
		} >"$W/rand.csv"
		cli --db "$W/t.db" import requests --commune 33069 "$W/rand.csv"
		check "input: random bytes after the header ($i): refused or not, no crash, nothing written when refused" \
			'{ [ "$rc" = 0 ] || { [ "$rc" = 1 ] && [ "$(sum "$W/t.db")" = "$before" ]; }; } && no_san'
		[ "$rc" = 0 ] && cp "$W/s.db" "$W/t.db"
	done

	mkdir -p "$W/fresh"
	cli --db "$W/fresh/u.db"
	cli --db "$W/fresh/u.db" import requests "$W/e1.csv"
	check "input: the export of 4000 amounts imports into a fresh database" \
		'[ "$rc" = 0 ] && err_has "4001 saisies importées" && no_san'
	cli --db "$W/fresh/u.db" export requests -o "$W/e2.csv"
	check "input: exported again, every amount the same" \
		'[ "$rc" = 0 ] && cmp -s <(sed "1d; s/,[^,]*,[^,]*\r\$//" "$W/e1.csv" | sort) <(sed "1d; s/,[^,]*,[^,]*\r\$//" "$W/e2.csv" | sort)'
}

# times: changes of summer time (issue 17, 8)

# cli_tz ARGS…: cli in the users' zone, with SUIVI_NOW when set.
cli_tz() {
	env -i PATH="$PATH" HOME="$W/home" LANG="$E2E_LOCALE" TZ=Europe/Paris \
		SUIVI_DATADIR="$TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
		${NOW:+SUIVI_NOW=$NOW} \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		LSAN_OPTIONS="${LSAN_OPTIONS:-}" "$SUIVI" "$@" >"$W/out" 2>"$W/err"
	rc=$?
}

s_times() {
	local H db m bad n i want got stamp last
	fresh
	if [ -z "$PY" ] || ! "$PY" -c 'import zoneinfo; zoneinfo.ZoneInfo("Europe/Paris")' 2>/dev/null; then
		skip "times: python3 with zoneinfo and tzdata needed"
		return
	fi
	db=$W/s.db
	NOW=
	cli_tz --db "$db" summary
	H='commune,nature de saisine,forme,domaine,nature,objet,reçue,résolue'
	# every minute the clocks skip, each in a file of its own
	bad=
	for m in $(seq 0 59); do
		printf '%s\n' "$H" "Le Bouscat,ordinaire,courriel,nsi,demande,Trou,$(printf '2026-03-29 02:%02d' "$m")," >"$W/gap.csv"
		cli_tz --db "$db" import requests "$W/gap.csv"
		[ "$rc" = 1 ] && err_has "n'existe pas le 29/03/2026 (passage à l'heure d'été)" || bad="$bad 02:$m"
	done
	check "times: each of the 60 minutes skipped on 29/03/2026 refused by import requests" '[ -z "$bad" ]'
	cli_tz --db "$db" export requests
	check "times: nothing written by the refused imports" '[ "$rc" = 0 ] && [ "$(wc -l <"$W/out")" = 1 ]'
	# every minute shown twice, in one file
	{
		echo "$H"
		for m in $(seq 0 59); do
			printf 'Le Bouscat,ordinaire,courriel,nsi,demande,Deux fois,2026-10-25 02:%02d,\n' "$m"
		done
	} >"$W/twice.csv"
	cli_tz --db "$db" import requests "$W/twice.csv"
	check "times: the 60 minutes shown twice on 25/10/2026 accepted" '[ "$rc" = 0 ] && err_has "60 saisies importées"'

	# random pairs around the changes of 2025-2027; python draws them
	# (existing times only) and says the real hours between
	"$PY" - "$STRESS_SEED" "$STRESS_TIME_RUNS" "$W/pairs.csv" "$W/want" <<'PYEOF'
import random, sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
tz = ZoneInfo("Europe/Paris")
rnd = random.Random(int(sys.argv[1]))
changes = ["2025-03-30", "2025-10-26", "2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"]
def exists(d):
    # a local time exists when UTC and back gives it again
    a = d.replace(tzinfo=tz, fold=0)
    return a.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None) == d
def instant(d):
    return d.replace(tzinfo=tz, fold=0).timestamp()	# the first occurrence
out = open(sys.argv[3], "w")
want = open(sys.argv[4], "w")
out.write("commune,nature de saisine,forme,domaine,nature,objet,reçue,résolue\n")
n = int(sys.argv[2])
i = 0
while i < n:
    day = datetime.fromisoformat(rnd.choice(changes))
    a = day + timedelta(minutes=rnd.randrange(-3 * 1440, 1440))
    b = a + timedelta(minutes=rnd.randrange(0, 4 * 1440))
    if not exists(a) or not exists(b):
        continue
    h = (instant(b) - instant(a)) / 3600
    obj = "Paire %d" % i
    out.write("Le Bouscat,ordinaire,courriel,nsi,demande,%s,%s,%s\n" % (obj, a.strftime("%Y-%m-%d %H:%M"), b.strftime("%Y-%m-%d %H:%M")))
    want.write("%s\t%s\n" % (obj, ("%.2f" % h).rstrip("0").rstrip(".").replace(".", ",")))
    i += 1
PYEOF
	cli_tz --db "$db" import requests "$W/pairs.csv"
	check "times: $STRESS_TIME_RUNS random pairs around the changes of 2025-2027 imported" '[ "$rc" = 0 ]'
	cli_tz --db "$db" export requests
	col=$(head -n 1 "$W/out" | tr -d '\r' | tr ',' '\n' | grep -nx 'délai de résolution (h)' | cut -d: -f1)
	tail -n +2 "$W/out" | awk "$(csv_awk 'f[12] "\t" f['"${col:-1}"']')" | grep '^Paire ' | sort >"$W/got"
	sort "$W/want" >"$W/want.sorted"
	check "times: every delay is the real elapsed time (python's zoneinfo), not the wall clock's" '[ "$(wc -l <"$W/got")" = "$STRESS_TIME_RUNS" ] && cmp -s "$W/got" "$W/want.sorted"'
	if ! cmp -s "$W/got" "$W/want.sorted"; then
		diff "$W/want.sorted" "$W/got" | head -5 | sed 's/^/#   /'
	fi

	# a clock that jumps back and forth: the value is the last written
	n=$((STRESS_TIME_RUNS / 10))
	[ "$n" -ge 2 ] || n=2
	bad=
	for i in $(seq 1 "$n"); do
		stamp=$(printf '2026-10-25T%02d:%02d:00Z' $((RANDOM % 4)) $((RANDOM % 60)))
		NOW=$stamp cli_tz --db "$db" set "Le Bouscat" 3.1.1 2026 "$i %"
		[ "$rc" = 0 ] || bad="$bad set#$i"
		last=$i
	done
	NOW=
	cli_tz --db "$db" export measurements --commune "Le Bouscat" --year 2026
	got=$(awk "$(csv_awk 'f[5] "|" f[10]')" "$W/out" | grep '^3\.1\.1|' | head -n 1)
	check "times: $n writes under a clock jumping back and forth: the value is the last written ($last %)" \
		'[ -z "$bad" ] && [ "$got" = "3.1.1|$last" ]'
	[ "$got" = "3.1.1|$last" ] || echo "#   got: $got"
}

# ----------------------------------------------------------------------
main() {
	local start
	start=$(date +%s)
	echo "# seed $STRESS_SEED (STRESS_SEED=$STRESS_SEED to repeat)"
	section crash && s_crash
	section signals && s_signals
	section disk && s_disk
	section files && s_files
	section input && s_input
	section hostile && s_hostile
	section modes && s_modes
	section times && s_times
	stress_cleanup
	echo "# $(($(date +%s) - start)) s"
	echo "$E2E_PASS passed, $E2E_FAIL failed${SKIPS:+, $SKIPS skipped}"
	[ "$E2E_FAIL" -eq 0 ]
}

main
