#!/bin/bash
# tests/perf/startup.sh - time from launch to the first complete screen.
#
#   bash tests/perf/startup.sh [RUNS]        (from the project root; 20 runs)
#
# suivi runs in a pane of a private tmux server (100×30), on the bundled
# contracts, and the clock stops when the pane shows the whole first screen
# (the contract's details and the status line, drawn in one refresh).
# Three figures, each median / min / max over RUNS runs:
#   floor      a bare curses program (tests/perf/floor.c): what tmux and
#              the terminal cost before any program logic;
#   suivi      an existing database (the everyday start);
#   first run  no database yet: created, bundled contracts imported.
# The pane is polled every few milliseconds (each poll is a `tmux
# capture-pane`), which bounds the resolution.

RUNS=${1:-20}
TOP=$(pwd)
SUIVI=${SUIVI_BIN:-$TOP/suivi}
[ -x "$SUIVI" ] || { echo "startup.sh : programme introuvable : $SUIVI" >&2; exit 2; }
command -v tmux >/dev/null || { echo "startup.sh : tmux est nécessaire" >&2; exit 2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/suivi-perf.XXXXXX")
SOCK=suivi-perf-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$W"' EXIT

cc -O2 -o "$W/floor" tests/perf/floor.c $(pkg-config --cflags --libs ncursesw) ||
	{ echo "startup.sh : compilation de floor.c impossible" >&2; exit 2; }

tm new-session -d -s perf -x 100 -y 30 "sleep 3600"
ENVS="env -i PATH=$PATH TERM=tmux-256color LANG=C.UTF-8 SUIVI_DATADIR=$TOP/share/suivi SUIVI_TODAY=2026-11-23"

now_us() { date +%s%6N; }

# one_run NAME CMD TEXT…: launch CMD in a new window, wait until every TEXT
# is on screen; prints the milliseconds (with a decimal).
one_run() {
	local cmd=$1 t0 t1 pane
	shift
	t0=$(now_us)
	tm new-window -d -t perf -n run "$cmd"
	while :; do
		pane=$(tm capture-pane -p -t perf:run 2>/dev/null)
		local all=1
		for want in "$@"; do
			case $pane in *"$want"*) ;; *) all=0 ;; esac
		done
		[ $all = 1 ] && break
		if [ $(( $(now_us) - t0 )) -gt 20000000 ]; then
			echo "startup.sh : rien après 20 s" >&2
			exit 1
		fi
	done
	t1=$(now_us)
	tm kill-window -t perf:run
	echo $(( (t1 - t0) / 100 )) | sed 's/\(.\)$/.\1/'
}

stats() {	# NAME then values on stdin
	sort -n | awk -v name="$1" '{ v[NR] = $1 }
		END {
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%-10s médiane %6.1f ms   min %6.1f   max %6.1f   (%d essais)\n",
				name, m, v[1], v[NR], NR
		}'
}

# A database to open: created once, before timing the everyday start.
mkdir -p "$W/home"
HOME=$W/home SUIVI_DATADIR=$TOP/share/suivi "$SUIVI" summary >/dev/null 2>&1

for i in $(seq "$RUNS"); do
	one_run "$W/floor" "floor ready"
done | stats floor
for i in $(seq "$RUNS"); do
	one_run "$ENVS HOME=$W/home $SUIVI" "Identifiant : 33069-2016" "q quitter"
done | stats suivi
for i in $(seq "$RUNS"); do
	rm -rf "$W/first"
	mkdir -p "$W/first"
	one_run "$ENVS HOME=$W/first $SUIVI" "Identifiant : 33069-2016" "q quitter"
done | stats "1re fois"
