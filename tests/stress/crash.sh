# tests/stress/crash.sh - kill -9 during scripted entry, during the first run, during sync.
# Sourced by tests/stress/run.sh; s_crash is the section (STRESS_ONLY="crash").

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
