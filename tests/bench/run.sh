#!/bin/bash
# tests/bench/run.sh - `make bench`: suivi at metropolitan scale, measured.
#
#   bash tests/bench/run.sh        (from the project root, after `make`)
#   BENCH_RUNS=10 BENCH_SEED=1 BENCH_LARGE=path.db bash tests/bench/run.sh
#
# Two databases: the bundled one (a first run) and a large one made by
# build/out/bench-gen (28 communes × 10 domains × 10 years, 50 000 requests,
# 5 000 disputes, 1 000 meetings; cached in build/bench/ per seed). For
# each, median / min / max over BENCH_RUNS runs, beside the floor measured
# in the same run (a bare curses program started the same way):
#   launch     start → the first complete tableau de bord (key 2 sent at
#              once), through a tmux pane
#   keys       1 000 navigation keys in the grid, in-process (SUIVI_REPLAY:
#              each key read, handled and drawn), median per key; and end
#              to end, key → screen through tmux
#   save       a value typed and Entrée → saved (fsync) and redrawn,
#              in-process; and end to end, → "Enregistré" on screen
#   export     `suivi export measurements` of one commune's year
#   import     `suivi import` of one more contract into the database
#   rss        peak resident memory of the 1 000-key session
# then the targets of the performance issue, each PASS or MISS.

set -u
RUNS=${BENCH_RUNS:-10}
SEED=${BENCH_SEED:-1}
TOP=$(pwd)
SUIVI=${SUIVI_BIN:-$TOP/suivi}
GEN=${BENCH_GEN:-$TOP/build/out/bench-gen}
for f in "$SUIVI" "$GEN"; do
	[ -x "$f" ] || { echo "bench : programme introuvable : $f (make d'abord)" >&2; exit 2; }
done
command -v tmux >/dev/null || { echo "bench : tmux est nécessaire" >&2; exit 2; }

W=$(mktemp -d "${TMPDIR:-/tmp}/suivi-bench.XXXXXX")
SOCK=suivi-bench-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$W"' EXIT
export SUIVI_DATADIR=$TOP/share/suivi SUIVI_TODAY=2026-11-23
YEAR=2025
ENVS="env -i PATH=$PATH TERM=tmux-256color LANG=C.UTF-8 SUIVI_DATADIR=$SUIVI_DATADIR SUIVI_TODAY=$SUIVI_TODAY"

now_us() { date +%s%6N; }

# ------------------------------------------------------------------ data
mkdir -p "$TOP/build/bench"
LARGE=${BENCH_LARGE:-$TOP/build/bench/large-$SEED.db}
if [ ! -f "$LARGE" ] || [ "$GEN" -nt "$LARGE" ]; then
	rm -f "$LARGE"
	echo "# génération de la grande base ($LARGE)…"
	t0=$(now_us)
	"$GEN" --seed "$SEED" --today "$SUIVI_TODAY" "$LARGE" 2>"$W/gen.log" || {
		cat "$W/gen.log" >&2
		exit 1
	}
	echo "# générée en $(( ($(now_us) - t0) / 1000000 )) s, $(du -h "$LARGE" | cut -f1)"
fi
SMALL=$W/bundled.db
HOME=$W "$SUIVI" --db "$SMALL" summary >/dev/null 2>&1
cc -O2 -o "$W/floor" tests/perf/floor.c $(pkg-config --cflags --libs ncursesw) ||
	{ echo "bench : compilation de floor.c impossible" >&2; exit 2; }

# ------------------------------------------------------------- helpers
tm new-session -d -s bench -x 100 -y 30 "sleep 3600"

# stats NAME < values (ms): "NAME  médiane M  min A  max B  (n)"
stats() {
	sort -g | awk -v name="$1" '{ v[NR] = $1 }
		END {
			if (!NR) { printf "%-28s (aucune mesure)\n", name; exit }
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%-28s médiane %8.2f ms   min %8.2f   max %8.2f   (%d)\n",
				name, m, v[1], v[NR], NR
			print m > "/dev/stderr"
		}' 2>"$W/last"
}
median() { cat "$W/last"; }

# wait_pane TEXT…: until the pane "run" shows every TEXT; prints ms since T0
wait_pane() {
	local pane all want
	while :; do
		pane=$(tm capture-pane -p -t bench:run 2>/dev/null)
		all=1
		for want in "$@"; do
			case $pane in *"$want"*) ;; *) all=0 ;; esac
		done
		[ $all = 1 ] && break
		if [ $(( $(now_us) - T0 )) -gt 30000000 ]; then
			echo "bench : « $* » pas vu en 30 s" >&2
			tm capture-pane -p -t bench:run >&2
			exit 1
		fi
	done
	echo "$(( $(now_us) - T0 ))" | awk '{ printf "%.1f\n", $1 / 1000 }'
}

launch_floor() {
	T0=$(now_us)
	tm new-window -d -t bench -n run "$W/floor"
	wait_pane "floor ready"
	tm kill-window -t bench:run
}

# launch DB: start → the grid drawn (2 typed at once, as a user would)
launch() {
	T0=$(now_us)
	tm new-window -d -t bench -n run "$ENVS HOME=$W $SUIVI --db $1"
	tm send-keys -t bench:run 2
	wait_pane "Tableau de bord 2026" "q quitter" "1.1.1 ·"
}

# an open session on DB, on the grid, for end-to-end keys
open_grid() {
	T0=$(now_us)
	tm new-window -d -t bench -n run "$ENVS HOME=$W $SUIVI --db $1"
	tm send-keys -t bench:run 2
	wait_pane "Tableau de bord 2026" "1.1.1 ·" >/dev/null
}

close_grid() {
	tm send-keys -t bench:run q
	sleep 0.2
	tm kill-window -t bench:run 2>/dev/null
}

# replay DB FILE: the session replays FILE; its report on stderr
replay() {
	rm -f "$W/replay.err"
	tm new-window -d -t bench -n run \
		"$ENVS HOME=$W SUIVI_REPLAY=$2 $SUIVI --db $1 2>$W/replay.err"
	T0=$(now_us)
	while ! grep -q "touches" "$W/replay.err" 2>/dev/null; do
		sleep 0.05
		if [ $(( $(now_us) - T0 )) -gt 60000000 ]; then
			echo "bench : la relecture ne finit pas" >&2
			exit 1
		fi
	done
	sleep 0.1
	tm kill-window -t bench:run 2>/dev/null
}

# 1 000 navigation keys: rows down and up, cells right and left (arrows:
# on a text cell letters are typed)
awk 'BEGIN { srand(7); s = "2";
	for (i = 0; i < 1000; i++) {
		r = rand();
		if (r < 0.35) s = s "\033[B"; else if (r < 0.65) s = s "\033[A";
		else if (r < 0.85) s = s "\033[C"; else s = s "\177";
	}
	printf "%s", s }' >"$W/keys.nav"
# 30 saves: back to the first row (1.1.1, yes/no), "oui", Entrée
awk 'BEGIN { s = "2"; for (i = 0; i < 30; i++) s = s "goui\r"; printf "%s", s }' >"$W/keys.save"

# an amendment-free contract to import, one new identifier per run
contract_file() {
	sed -e "s/^identifiant = 33200-2017$/identifiant = 33999-$1/" \
	    -e "s/^commune = Le Haillan$/commune = Importville $1/" \
	    -e "s/^insee = 33200$/insee = 39$(printf %03d "$1")/" \
	    share/suivi/contrats/le-haillan.ini >"$W/import-$1.ini"
}

# --------------------------------------------------------------- runs
declare -A M
measure_db() {	# NAME DB COMMUNE
	local name=$1 db=$2 commune=$3 i
	echo
	echo "== $name : $db ($(du -h "$db" | cut -f1))"
	for i in $(seq "$RUNS"); do launch_floor; done | stats "plancher (curses nu)"
	M[$name.floor]=$(median)
	for i in $(seq "$RUNS"); do launch "$db"; tm kill-window -t bench:run; done |
		stats "lancement → grille"
	M[$name.launch]=$(median)

	: >"$W/k.in"; : >"$W/k.max"; : >"$W/rss"; : >"$W/s.in"
	for i in $(seq "$RUNS"); do
		replay "$db" "$W/keys.nav"
		sed -n 's/.*touches : médiane \([0-9.]*\) ms, max \([0-9.]*\) ms.*mémoire max \([0-9]*\) ko.*/\1 \2 \3/p' \
			"$W/replay.err" >"$W/r"
		read -r med max rss <"$W/r"
		echo "$med" >>"$W/k.in"; echo "$max" >>"$W/k.max"; echo "$rss" >>"$W/rss"
		replay "$db" "$W/keys.save"
		sed -n 's/.*enregistrements : médiane \([0-9.]*\) ms.*/\1/p' "$W/replay.err" >>"$W/s.in"
	done
	stats "touche, en processus" <"$W/k.in"
	M[$name.key]=$(median)
	stats "touche la plus lente" <"$W/k.max"
	awk '{ print $1 / 1024 }' "$W/rss" | sort -g | tail -1 | awk '{ printf "%-28s max %8.1f Mo\n", "mémoire (RSS max)", $1 }'
	M[$name.rss]=$(awk '{ print $1 / 1024 }' "$W/rss" | sort -g | tail -1)
	stats "enregistrement, en processus" <"$W/s.in"
	M[$name.save]=$(median)

	open_grid "$db"
	: >"$W/k.e2e"; : >"$W/s.e2e"
	tm send-keys -t bench:run g
	sleep 0.2
	for i in $(seq $((RUNS * 5))); do
		T0=$(now_us); tm send-keys -t bench:run Down; wait_pane "1.2.1 · 2026" >>"$W/k.e2e"
		T0=$(now_us); tm send-keys -t bench:run Up; wait_pane "1.1.1 · 2026" >>"$W/k.e2e"
	done
	stats "touche, de bout en bout" <"$W/k.e2e"
	for i in $(seq "$RUNS"); do
		v=oui; [ $((i % 2)) = 0 ] && v=non
		tm send-keys -t bench:run g
		sleep 0.05
		T0=$(now_us)
		tm send-keys -t bench:run -l "$v"; tm send-keys -t bench:run Enter
		wait_pane "Enregistré : 1.1.1 · 2026 = $v" >>"$W/s.e2e"
	done
	stats "Entrée → « Enregistré »" <"$W/s.e2e"
	close_grid

	: >"$W/x"
	for i in $(seq "$RUNS"); do
		T0=$(now_us)
		HOME=$W "$SUIVI" --db "$db" export measurements --commune "$commune" \
			--year "$YEAR" >/dev/null 2>"$W/x.err" || cat "$W/x.err" >&2
		echo "$(( $(now_us) - T0 ))" | awk '{ printf "%.1f\n", $1 / 1000 }' >>"$W/x"
	done
	stats "export CSV, une commune-année" <"$W/x"
	M[$name.export]=$(median)

	cp "$db" "$W/import.db"
	: >"$W/i"
	for i in $(seq "$RUNS"); do
		contract_file "$i"
		T0=$(now_us)
		HOME=$W "$SUIVI" --db "$W/import.db" import "$W/import-$i.ini" >/dev/null 2>"$W/i.err" ||
			cat "$W/i.err" >&2
		echo "$(( $(now_us) - T0 ))" | awk '{ printf "%.1f\n", $1 / 1000 }' >>"$W/i"
	done
	stats "import d'un contrat" <"$W/i"
	M[$name.import]=$(median)
	rm -f "$W/import.db"
}

echo "# suivi $("$SUIVI" --version | cut -d' ' -f2) · $RUNS essais · $(nproc) cœurs · $(date -u +%Y-%m-%d)"
measure_db fournie "$SMALL" "Le Bouscat"
measure_db grande "$LARGE" "Mérignac"

# --------------------------------------------------------------- targets
echo
echo "== objectifs (grande base)"
target() {	# LABEL VALUE OP LIMIT UNIT
	if awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN { exit !(op == "<=" ? v <= l : v < l) }'; then
		printf "PASS  %-46s %8.2f %s (objectif %s %s)\n" "$1" "$2" "$5" "$3" "$4"
	else
		printf "MISS  %-46s %8.2f %s (objectif %s %s)\n" "$1" "$2" "$5" "$3" "$4"
	fi
}
limit=$(awk -v f="${M[grande.floor]}" 'BEGIN { print f + 20 }')
target "premier écran ≤ plancher + 20 ms" "${M[grande.launch]}" "<=" "$limit" ms
target "touche en processus ≤ 2 ms" "${M[grande.key]}" "<=" 2 ms
target "enregistrement ≤ 5 ms (fsync compris)" "${M[grande.save]}" "<=" 5 ms
target "mémoire ≤ 20 Mo" "${M[grande.rss]}" "<=" 20 Mo
for k in launch key save; do
	ratio=$(awk -v a="${M[grande.$k]}" -v b="${M[fournie.$k]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
	target "grande / fournie ($k) ≤ 1,5" "$ratio" "<=" 1.5 "×"
done

# --------------------------------------------------------------- editor
echo
echo "== éditeur de champ"
SUIVI_BIN=$SUIVI bash "$TOP/tests/bench/editor.sh" | sed "s/^/  /"

# ----------------------------------------------------------------- sync
echo
echo "== synchronisation"
BENCH_LARGE=$LARGE BENCH_RUNS=$RUNS SUIVI_BIN=$SUIVI bash "$TOP/tests/bench/sync.sh" | sed "s/^/  /"
