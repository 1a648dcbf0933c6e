#!/bin/sh
# tests/cli/run.sh - black-box tests of the suivi command line.
#
#   SUIVI_BIN=/abs/path/to/suivi sh tests/cli/run.sh     (from the project root)
#
# The tests are the t_* functions of the group files tests/cli/*.sh (all
# but run.sh and lib.sh, the harness), found by name: a new test is a new
# function, a new group a new file. They run in file order, then in
# definition order.
#
# Every test runs in its own temporary folder (removed by a trap), with HOME,
# XDG_CONFIG_HOME and XDG_DATA_HOME inside it, SUIVI_DATADIR on the bundled
# data and "today" pinned by SUIVI_TODAY. The program's stdout and stderr are
# captured to files, never piped, so that a crash shows as its exit status.
# The locale-sensitive tests (those whose line `t_name() {` ends with the
# marker "# every locale") run under each of C, C.UTF-8 and fr_FR.UTF-8
# that `locale -a` lists, the others under the last of them only
# (SUIVI_TEST_LOCALES="C …" chooses the locales, SUIVI_TEST_FULL=1 runs
# every test under each). CLI_ONLY="t_x t_y" runs those tests alone, under
# the last locale.
#
# Output: one "ok - NAME" or "FAIL - NAME" line per check (stderr of the
# failing run below it), then "N passed, N failed"; exit 1 if any failed.
# Plain POSIX sh (dash): no arrays, no `local`.

TOP=$(pwd)
if [ ! -f "$TOP/tests/cli/run.sh" ]; then
	echo "run.sh : à lancer depuis la racine du projet" >&2
	exit 2
fi
. "$TOP/tests/lib/check.sh"
. "$TOP/tests/cli/lib.sh"
CLI_FILES=$(test_files "$TOP/tests/cli")
for g in $CLI_FILES; do
	. "$g"
done
# shellcheck disable=SC2086 # a list of files
ALL_TESTS=$(test_funcs t_ $CLI_FILES | cut -d' ' -f1)
# shellcheck disable=SC2086
LOCALE_TESTS=$(test_funcs t_ $CLI_FILES | grep ' # every locale' | cut -d' ' -f1)
test_traps cleanup

# the same function twice would run the last definition twice
dup=$(echo "$ALL_TESTS" | sort | uniq -d)
if [ -n "$dup" ]; then
	echo "run.sh : test défini deux fois : $dup" >&2
	exit 2
fi

all_tests() {
	for x in ${CLI_ONLY:-$ALL_TESTS}; do t "$x"; done
}

# The locales to run under: those of C, C.UTF-8, fr_FR.UTF-8 that exist.
if [ -n "${SUIVI_TEST_LOCALES:-}" ]; then
	LOCALES=$SUIVI_TEST_LOCALES
else
	LOCALES=C
	for l in C.UTF-8 fr_FR.UTF-8; do
		if have_locale "$l"; then
			LOCALES="$LOCALES $l"
		else
			echo "# locale $l absente : non testée"
		fi
	done
fi

# SUIVI_TEST_FULL=1: every test under every locale.
last=
for l in $LOCALES; do last=$l; done
for LOC in $LOCALES; do
	LC_ALL=$LOC
	export LC_ALL
	TEST_TAG="$LOC: "
	if [ "$LOC" = "$last" ] || [ "${SUIVI_TEST_FULL:-0}" = 1 ]; then
		echo "# LC_ALL=$LOC : tous les tests"
		all_tests
	else
		echo "# LC_ALL=$LOC : tests sensibles à la locale"
		if [ -z "${CLI_ONLY:-}" ]; then
			for x in $LOCALE_TESTS; do t "$x"; done
		fi
	fi
done
test_summary
