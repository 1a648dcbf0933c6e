#!/bin/bash
# tests/e2e/run.sh - end-to-end tests: the real suivi in tmux.
#
#   SUIVI_BIN=/abs/path/to/suivi bash tests/e2e/run.sh    (from the project root)
#
# The scenarios are the s_* functions of the files tests/e2e/*.sh (all but
# run.sh), found by name: a new scenario is a new function, a new group a
# new file; the helpers are in tests/lib/tmux.sh (documented at its top)
# and tests/lib/check.sh. They run in file order, then definition order,
# in passes chosen by a marker after the "{" of `s_name() {`:
#   (none)            once, under fr_FR.UTF-8 (C.UTF-8 without it)
#   # every locale    under each of fr_FR.UTF-8 (when `locale -a` has it),
#                     C.UTF-8 and C, then fr_FR.UTF-8 (or C.UTF-8) with
#                     NO_COLOR set; not in the pass above
#   # also ASCII      once as the first, then again under LANG=C (ASCII)
# Under LANG=C (E2E_ASCII=1) the texts looked for are spelled in ASCII, as
# suivi draws them there (spell, tests/lib/tmux.sh); E2E_EXTRA holds the
# pass's extra environment (NO_COLOR=1) for e2e_start.
# SUIVI_TEST_LOCALES="C …" chooses the locales of the "every locale" pass.
# E2E_ONLY="s_meetings …" runs those scenarios alone, under E2E_LOCALE
# (default C.UTF-8).
# Output: "ok - …" or "FAIL - …" per check (the pane below a failure), then
# "N passed, N failed".

if [ ! -f tests/e2e/run.sh ]; then
	echo "run.sh : à lancer depuis la racine du projet" >&2
	exit 2
fi
if ! command -v tmux >/dev/null; then
	echo "run.sh : tmux est nécessaire (apt-get install tmux)" >&2
	exit 2
fi
. tests/lib/check.sh
. tests/lib/tmux.sh
E2E_FILES=$(test_files tests/e2e)
for f in $E2E_FILES; do
	. "$f"
done
if [ ! -x "$SUIVI" ]; then
	echo "run.sh : programme introuvable : $SUIVI (SUIVI_BIN)" >&2
	exit 2
fi
test_traps e2e_cleanup

# name and marker of every scenario, one a line
# shellcheck disable=SC2086 # a list of files
scenarios=$(test_funcs s_ $E2E_FILES)
dup=$(cut -d' ' -f1 <<<"$scenarios" | sort | uniq -d)
if [ -n "$dup" ]; then
	echo "run.sh : scénario défini deux fois : $dup" >&2
	exit 2
fi
# scenarios_marked MARKER: the scenarios whose marker is MARKER ("" for none)
scenarios_marked() {
	local name marker
	while read -r name marker; do
		[ -n "$name" ] || continue
		case $1 in
		'') [ "$marker" != "# every locale" ] && echo "$name" ;;
		*) [ "$marker" = "$1" ] && echo "$name" ;;
		esac
	done <<<"$scenarios"
}
run_pass() {
	local s
	for s in $(scenarios_marked "$1"); do "$s"; done
}

# E2E_ONLY="s_meetings …": those scenarios alone (while working on them).
if [ -n "$E2E_ONLY" ]; then
	E2E_LOCALE=${E2E_LOCALE:-C.UTF-8}
	E2E_EXTRA=()
	case $E2E_LOCALE in *UTF-8 | *utf8) E2E_ASCII=0 ;; *) E2E_ASCII=1 ;; esac
	for s in $E2E_ONLY; do "$s"; done
	test_summary
	exit
fi

if [ -n "$SUIVI_TEST_LOCALES" ]; then
	locales=$SUIVI_TEST_LOCALES
else
	locales="C.UTF-8 C"
	have_locale fr_FR.UTF-8 && locales="fr_FR.UTF-8 $locales"
fi
nocolor_locale=$(fr_or_c_utf8)

for loc in $locales; do
	E2E_LOCALE=$loc
	E2E_EXTRA=()
	TEST_TAG="$loc: "
	case $loc in *UTF-8 | *utf8) E2E_ASCII=0 ;; *) E2E_ASCII=1 ;; esac
	run_pass "# every locale"
done
E2E_LOCALE=$nocolor_locale
E2E_EXTRA=(NO_COLOR=1)
TEST_TAG="$nocolor_locale NO_COLOR: "
E2E_ASCII=0
run_pass "# every locale"

E2E_EXTRA=()
TEST_TAG=
run_pass ""

# the forms and lists again in ASCII (LANG=C)
E2E_LOCALE=C
E2E_ASCII=1
TEST_TAG="C: "
run_pass "# also ASCII"

test_summary
