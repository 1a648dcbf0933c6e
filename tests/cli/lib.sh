# tests/cli/lib.sh - the CLI suite's harness, sourced by tests/cli/run.sh
# after tests/lib/check.sh (ok/FAIL lines, counts, check, skip).
#
#   t FUNC         a test: a fresh folder $T (HOME, XDG_* inside it), FUNC
#                  run in it, then cleanup
#   run ARGS…      suivi, stdout and stderr to $T/stdout, $T/stderr; $rc
#   run_in LOC ARGS…  the same under LC_ALL=LOC
#   st N, err_has, out_has, err_empty, out_empty, err_at, err_count,
#   mode_is, same_file, lines, wait_ready, make_db, rows, count_rows, sql
#                  conditions and helpers for the checks (below)
# Plain POSIX sh (dash): no arrays, no `local`.
# TOP: the project root (set by the runner).
SUIVI=${SUIVI_BIN:-$TOP/suivi}
case $SUIVI in /*) ;; *) SUIVI=$TOP/$SUIVI ;; esac
if [ ! -x "$SUIVI" ]; then
	echo "run.sh : programme introuvable : $SUIVI (SUIVI_BIN)" >&2
	exit 2
fi
FIX=$TOP/tests/cli/fixtures
BAD=$FIX/invalides
BUNDLED=$TOP/share/suivi/contrats
SUIVI_DATADIR=$TOP/share/suivi
SUIVI_TODAY=2026-11-23
export SUIVI_DATADIR SUIVI_TODAY
unset SUIVI_BIN LANGUAGE

# python3 (csv, sqlite3) for a few checks; the system one starts faster than
# a version manager's shim.
PY=
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3
elif command -v python3 >/dev/null 2>&1; then PY=$(command -v python3)
fi

T=
BG=
LOC=C
rc=0

cleanup() {
	if [ -n "$BG" ]; then
		kill "$BG" 2>/dev/null
		wait "$BG" 2>/dev/null
		BG=
	fi
	cd "$TOP" || :
	if [ -n "$T" ]; then
		rm -rf "$T"
		T=
	fi
}

# --------------------------------------------------------------------------
# Helpers

# A test: a fresh folder, the environment inside it, the function, cleanup.
t() {
	T=$(test_tmpdir cli) || exit 2
	HOME=$T/home
	XDG_CONFIG_HOME=$T/config
	XDG_DATA_HOME=$T/data
	export HOME XDG_CONFIG_HOME XDG_DATA_HOME
	mkdir "$HOME"
	: >"$T/stdout"
	: >"$T/stderr"
	rc=0
	cd "$T" || exit 2
	"$@"
	cleanup
}

# Run suivi, stdout and stderr to files; rc is its exit status.
run() {
	"$SUIVI" "$@" >"$T/stdout" 2>"$T/stderr"
	rc=$?
}

# Same, with an explicit locale for this run only.
run_in() {
	_loc=$1
	shift
	LC_ALL=$_loc "$SUIVI" "$@" >"$T/stdout" 2>"$T/stderr"
	rc=$?
}

# What a failed check shows below its line (tests/lib/check.sh).
check_detail() {
	echo "#   exit status: $rc"
	if [ -n "$T" ] && [ -s "$T/stderr" ]; then
		sed 's/^/#   stderr: /' "$T/stderr"
	else
		echo "#   stderr: (vide)"
	fi
}

st() { [ "$rc" -eq "$1" ]; }
err_has() { grep -qF -- "$1" "$T/stderr"; }
out_has() { grep -qF -- "$1" "$T/stdout"; }
err_empty() { [ ! -s "$T/stderr" ]; }
out_empty() { [ ! -s "$T/stdout" ]; }
# A stderr line that begins with PREFIX (or "suivi : " PREFIX) and also
# holds WORD.
err_at() {
	P=$1 W=$2 awk '(index($0, ENVIRON["P"]) == 1 ||
		index($0, "suivi : " ENVIRON["P"]) == 1) && index($0, ENVIRON["W"]) { f = 1 }
		END { exit !f }' "$T/stderr"
}
# Number of stderr lines beginning with PREFIX.
err_count() {
	P=$1 awk 'index($0, ENVIRON["P"]) == 1 { n++ } END { print n + 0 }' "$T/stderr"
}
mode_is() { [ "$(stat -c %a "$2")" = "$1" ]; }
same_file() { cmp -s "$1" "$2"; }
lines() { wc -l <"$1" | tr -d ' '; }

# Until a background holder says it is ready ($T/ready), 5 s at most.
wait_ready() {
	n=0
	while [ ! -e "$T/ready" ] && [ $n -lt 100 ]; do
		sleep 0.05 2>/dev/null || sleep 1
		n=$((n + 1))
	done
}

# A database with the bundled contracts, made by a first run.
make_db() {
	"$SUIVI" --db "$1" >"$T/make_db.out" 2>"$T/make_db.err" || {
		echo "# make_db $1 : échec"
		cat "$T/make_db.err"
	}
}

# Rows of an indicator export as "commune,domain,version,in force from"
# (the first seven cells never hold a comma), one per data line.
rows() {
	awk -F, 'NR > 1 { print $1 "," $4 "," $6 "," $7 }' "$1"
}
count_rows() { rows "$1" | grep -cxF -- "$2"; }
# sql DB QUERY: its rows, cells joined by "|" (python's sqlite3; empty
# without python).
sql() {
	[ -n "$PY" ] || return 0
	"$PY" -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("|".join(str(x) for x in r))' "$1" "$2"
}
