# tests/stress/lib.sh - the stress sections' helpers, sourced by
# tests/stress/run.sh after tests/lib/check.sh and tests/lib/tmux.sh.
#
#   fresh              a new working folder $W (with $W/home); the last one,
#                      its panes, mount and lock holder are cleaned up
#   cli ARGS…          suivi on $W/home: $W/out, $W/err, $rc
#   cli_limited KB ARGS…   the same under ulimit -f KB
#   err_has, sum, mode_of, no_tmp, sound, csv_awk, measurements,
#   request_objects, dispute_objects, apply_acks, expect_msg, ms, sleep_ms,
#   value_of, ui_as, ui_stop   (documented below)

E2E_LOCALE=$(fr_or_c_utf8)
export LANG=$E2E_LOCALE LC_ALL=$E2E_LOCALE
STRESS_SEED=${STRESS_SEED:-$(date +%s)}
RANDOM=$STRESS_SEED
STRESS_RUNS=${STRESS_RUNS:-120}
STRESS_SIGNAL_RUNS=${STRESS_SIGNAL_RUNS:-36}
STRESS_TIME_RUNS=${STRESS_TIME_RUNS:-300}
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

# A fresh working folder for a section: $W, with $W/home.
fresh() {
	stress_cleanup
	W=$(test_tmpdir stress)
	mkdir -p "$W/home"
}

# What a failed check shows below its condition (tests/lib/check.sh): the
# last command's status and stderr.
check_detail() {
	echo "#   exit status: $rc"
	[ -s "$W/err" ] && sed 's/^/#   stderr: /' "$W/err" | head -10
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

# The value of a cell in the database ("" when none).
value_of() {
	measurements "$1" 2026 | awk -F'\t' -v k="$2" '$1 == k { print $2 }'
}

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
