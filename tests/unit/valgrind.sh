#!/bin/bash
# make valgrind: the unit tests under valgrind's memcheck.
#
# usage: valgrind.sh UNIT-TESTS LOG-DIR
#
# Criterion runs each test in a process of its own (valgrind follows them
# with --trace-children). One run of the whole binary under valgrind makes
# Criterion's own runner crash once its shared arena has grown past some
# hundred tests (every test then "crashes during its setup or teardown",
# without a frame of suivi), so each suite runs in a Criterion run of its
# own, as many at once as there are processors. One log per process in
# LOG-DIR/SUITE/PID.log. Any memory error, any leak definitely lost, any
# failing or crashing test fails the run; the figures are printed at the
# end.
set -u

bin=$1
dir=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind : absent (apt-get install valgrind)"
	exit 1
fi
rm -rf "$dir"
mkdir -p "$dir/cache"
start=$(date +%s)

# one suite: its Criterion synthesis in $dir/SUITE/unit.log
one_suite() {
	local s=$1 d=$dir/$1
	mkdir -p "$d"
	# the sync property tests on one seed each: the same code paths,
	# a fraction of the time under memcheck; the fixtures' databases
	# made once per run and copied (SUIVI_TEST_CACHE, tests/unit/helpers.h)
	SUIVI_TOP=$top SYNC_SEEDS=1 SUIVI_TEST_CACHE=$dir/cache SUIVI_TEST_SLOW=1 valgrind --tool=memcheck --leak-check=full \
		--errors-for-leak-kinds=definite --error-exitcode=1 \
		--trace-children=yes \
		--log-file="$d/%p.log" \
		"$bin" --jobs 1 --filter "$s/*" >"$d/unit.log" 2>&1
	echo $? >"$d/rc"
}
export -f one_suite
export bin dir top

suites=$("$bin" --list 2>&1 | sed -n 's/^\([a-z_0-9]*\): [0-9]* tests\{0,1\}$/\1/p')
if [ -z "$suites" ]; then
	echo "valgrind : aucune suite dans $bin"
	exit 1
fi
printf '%s\n' $suites | xargs -P "$jobs" -I{} bash -c 'one_suite {}'

tested=0 passing=0 failing=0 crashing=0 procs=0 errs=0 bad=0
for s in $suites; do
	d=$dir/$s
	syn=$(grep 'Synthesis' "$d/unit.log")
	set -- $(echo "$syn" | sed 's/[^0-9]/ /g')
	if [ $# -ge 4 ]; then
		tested=$((tested + $1)) passing=$((passing + $2))
		failing=$((failing + $3)) crashing=$((crashing + $4))
	fi
	n=$(ls "$d" | grep -c '^[0-9]*\.log$')
	procs=$((procs + n))
	e=$(cat "$d"/[0-9]*.log 2>/dev/null |
		sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' |
		awk '{ n += $1 } END { print n + 0 }')
	errs=$((errs + e))
	if [ "$(cat "$d/rc")" != 0 ] || [ $# -lt 4 ] || [ "$e" != 0 ] ||
		[ "$1" != "$2" ]; then
		bad=$((bad + 1))
		echo "--- $s : ${syn:-pas de synthèse}"
		grep -v '^\[----\] Warning' "$d/unit.log" | grep -v Synthesis | head -20
		for f in $(grep -l 'ERROR SUMMARY: [1-9]\|Process terminating' "$d"/[0-9]*.log); do
			echo "--- $f"
			head -60 "$f"
		done
	fi
done
echo "[====] Synthesis: Tested: $tested | Passing: $passing | Failing: $failing | Crashing: $crashing"
echo "valgrind : $(echo $suites | wc -w) suites, $procs processus, $errs erreur(s) de mémoire, $(( $(date +%s) - start )) s (journaux : $dir)"
[ "$bad" = 0 ]
