# tests/lib/check.sh - what the three suites (cli, e2e, stress) share:
# counting checks, printing them, the last line, temporary folders,
# cleanup on exit and signals, locales, and finding test functions.
# Plain POSIX sh (the CLI suite runs under dash); sourced by each runner.
#
#   ok NAME              "ok - TAG NAME", counted
#   not_ok NAME          "FAIL - TAG NAME", counted, then the suite's
#                        test_detail hook (the pane, stderr…) when defined
#   check NAME COND      COND (shell code) evaluated: ok, or not_ok with
#                        "#   condition: COND" and test_detail
#   skip NAME            "# skip - TAG NAME", counted
#   test_summary         "# N skipped" (if any), "# N s", "N passed, N failed";
#                        its status is 0 when nothing failed
#   test_tmpdir KIND     a new folder $TMPDIR/suivi-KIND.XXXXXX (its path on
#                        stdout); exits 2 when mktemp fails
#   test_traps FUNC      FUNC on exit, and before exit 130 (INT) or 143
#                        (TERM, HUP)
#   have_locale NAME     `locale -a` lists NAME (UTF-8 spelt utf8 or utf-8)
#   fr_or_c_utf8         fr_FR.UTF-8 when the machine has it, else C.UTF-8
#   test_files DIR       the scenario files of DIR: every *.sh but run.sh
#                        and lib.sh, in byte order
#   test_funcs PREFIX FILE…  the functions named PREFIX… defined in FILE…
#                        (file order, then definition order), one a line,
#                        each followed by what its line holds after "{"
#                        (the marker comment that puts it in a pass)
#
# TEST_TAG is printed before each name (the locale of the pass).

TEST_PASS=0
TEST_FAIL=0
TEST_SKIP=0
TEST_TAG=
TEST_START=$(date +%s)

ok() {
	TEST_PASS=$((TEST_PASS + 1))
	echo "ok - $TEST_TAG$1"
}

not_ok() {
	TEST_FAIL=$((TEST_FAIL + 1))
	echo "FAIL - $TEST_TAG$1"
	if command -v test_detail >/dev/null 2>&1; then test_detail; fi
	return 0
}

check() {
	if eval "$2"; then
		ok "$1"
	else
		TEST_FAIL=$((TEST_FAIL + 1))
		echo "FAIL - $TEST_TAG$1"
		echo "#   condition: $2"
		if command -v check_detail >/dev/null 2>&1; then check_detail; fi
	fi
}

skip() {
	TEST_SKIP=$((TEST_SKIP + 1))
	echo "# skip - $TEST_TAG$1"
}

test_summary() {
	[ "$TEST_SKIP" -gt 0 ] && echo "# $TEST_SKIP skipped"
	echo "# $(($(date +%s) - TEST_START)) s"
	echo "$TEST_PASS passed, $TEST_FAIL failed"
	[ "$TEST_FAIL" -eq 0 ]
}

test_tmpdir() {
	mktemp -d "${TMPDIR:-/tmp}/suivi-$1.XXXXXX" || {
		echo "tests : mktemp impossible" >&2
		exit 2
	}
}

test_traps() {
	# shellcheck disable=SC2064 # the function's name, now
	trap "$1" EXIT
	trap "$1; exit 130" INT
	trap "$1; exit 143" TERM HUP
}

have_locale() {
	_pat=$(echo "$1" | sed 's/\./\\./; s/UTF-8/utf-\\{0,1\\}8/')
	locale -a 2>/dev/null | grep -qix "$_pat"
}

fr_or_c_utf8() {
	if have_locale fr_FR.UTF-8; then echo fr_FR.UTF-8; else echo C.UTF-8; fi
}

test_files() {
	(cd "$1" && LC_ALL=C ls) | grep '\.sh$' | grep -vx 'run\.sh\|lib\.sh' |
		sed "s|^|$1/|"
}

test_funcs() {
	_p=$1
	shift
	for _f in "$@"; do
		sed -n "s/^\\($_p[A-Za-z0-9_]*\\)() *{ *\\(.*\\)\$/\\1 \\2/p" "$_f"
	done
}
