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
# Each section is a file tests/stress/NAME.sh (all but run.sh and lib.sh,
# the helpers) whose function s_NAME runs it, found without a list; the
# sections run in file order. STRESS_ONLY="crash disk" runs some of them; STRESS_SEED repeats a run's
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
. "$TOP/tests/lib/check.sh"
. "$TOP/tests/lib/tmux.sh"
if [ ! -x "$SUIVI" ]; then
	echo "run.sh : programme introuvable : $SUIVI (SUIVI_BIN)" >&2
	exit 2
fi
. "$TOP/tests/stress/lib.sh"
sections=
for f in $(test_files "$TOP/tests/stress"); do
	. "$f"
	s=${f##*/}
	sections="$sections ${s%.sh}"
done
test_traps stress_cleanup

for s in ${STRESS_ONLY:-}; do
	case " $sections " in
	*" $s "*) ;;
	*)
		echo "run.sh : section inconnue : $s (sections :$sections)" >&2
		exit 2
		;;
	esac
done

echo "# seed $STRESS_SEED (STRESS_SEED=$STRESS_SEED to repeat)"
for s in ${STRESS_ONLY:-$sections}; do
	"s_$s"
done
stress_cleanup
test_summary
