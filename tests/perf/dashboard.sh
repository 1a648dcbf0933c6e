#!/bin/bash
# tests/perf/dashboard.sh - the tableau de bord as a référent feels it.
#
#   bash tests/perf/dashboard.sh [RUNS]        (from the project root; 20 runs)
#
# suivi runs in a pane of a private tmux server (100×30) on the bundled
# contracts, with one year of values for Le Bouscat (set beforehand with
# `suivi set`). Each figure is median / min / max over RUNS runs, measured
# from the key sent to the pane showing its effect (the pane is polled
# every few milliseconds by `tmux capture-pane`, which bounds the
# resolution):
#   open       key 2 on the contract screen → the grid is drawn
#   save       a value typed and Entrée → "Enregistré" on the status line
#   move       ↓ → the detail line names the next indicator (after a
#              save the cursor is already one row down)

RUNS=${1:-20}
TOP=$(pwd)
SUIVI=${SUIVI_BIN:-$TOP/suivi}
[ -x "$SUIVI" ] || { echo "dashboard.sh : programme introuvable : $SUIVI" >&2; exit 2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/suivi-perf.XXXXXX")
SOCK=suivi-perf-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$W"' EXIT
export HOME=$W/home SUIVI_DATADIR=$TOP/share/suivi SUIVI_TODAY=2026-11-23
mkdir -p "$HOME"
"$SUIVI" summary >/dev/null 2>&1
# a year of values: every monthly indicator, January to October
for m in 01 02 03 04 05 06 07 08 09 10; do
	"$SUIVI" set "Le Bouscat" 3.3.1 "2026-$m" "1,$m" >/dev/null
	for c in critique majeure mineure; do
		"$SUIVI" set "Le Bouscat" 3.3.2 "2026-$m" "$m" --criticite "$c" >/dev/null
	done
	"$SUIVI" set "Le Bouscat" 4.1.1 "2026-$m" "2" >/dev/null
	"$SUIVI" set "Le Bouscat" 4.1.2 "2026-$m" "3" >/dev/null
done

now_us() { date +%s%6N; }
wait_text() {	# TEXT: poll until on screen, print elapsed ms since $T0
	local pane
	while :; do
		pane=$(tm capture-pane -p -t perf 2>/dev/null)
		case $pane in *"$1"*) break ;; esac
		if [ $(( $(now_us) - T0 )) -gt 20000000 ]; then
			echo "dashboard.sh : « $1 » pas vu en 20 s" >&2
			exit 1
		fi
	done
	echo $(( ($(now_us) - T0) / 100 )) | sed 's/\(.\)$/.\1/'
}
stats() {
	sort -n | awk -v name="$1" '{ v[NR] = $1 }
		END {
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%-6s médiane %6.1f ms   min %6.1f   max %6.1f   (%d essais)\n",
				name, m, v[1], v[NR], NR
		}'
}

tm new-session -d -s perf -x 100 -y 30 \
	"env TERM=tmux-256color LANG=C.UTF-8 HOME=$HOME SUIVI_DATADIR=$SUIVI_DATADIR SUIVI_TODAY=$SUIVI_TODAY $SUIVI"
T0=$(now_us)
wait_text "Identifiant : 33069-2016" >/dev/null
: >"$W/open"; : >"$W/save"; : >"$W/move"
for i in $(seq "$RUNS"); do
	T0=$(now_us); tm send-keys -t perf 2; wait_text "Tableau de bord 2026" >>"$W/open"
	tm send-keys -t perf g Down Down Down Down Down Down Down End
	sleep 0.05
	v="1,0$((i % 9 + 1))"
	T0=$(now_us); tm send-keys -t perf -l "$v"; tm send-keys -t perf Enter
	wait_text "Enregistré : 3.3.1 · décembre 2026 = $v j" >>"$W/save"
	T0=$(now_us); tm send-keys -t perf Down
	wait_text "3.3.2 · majeure · décembre 2026" >>"$W/move"
	tm send-keys -t perf M-1
	sleep 0.05
done
stats open <"$W/open"
stats save <"$W/save"
stats move <"$W/move"
