# tests/lib/tmux.sh - drive the real suivi in tmux: the e2e scenarios and
# the stress sections (bash). Needs tests/lib/check.sh sourced first.
#
# Each scenario starts suivi in a pane of a private tmux server (its own
# socket, no user configuration) on a fresh temporary HOME, sends keys and
# asserts on what the pane shows. Waits poll the pane (wait_for) instead of
# sleeping a fixed time, so a scenario is as fast as the program and still
# patient on a slow machine (E2E_TIMEOUT seconds, 10 by default).
#
#   e2e_start [-s COLSxROWS] [-c SUIVI.INI TEXT] [-i "FILES TO IMPORT"]
#             [VAR=value…] [-- suivi arguments]
#   keys KEY…            tmux key names: Enter Escape Down C-l …
#   text TEXT            literal text
#   wait_for TEXT        until the pane shows TEXT (fixed string)
#   wait_gone TEXT       until it no longer does
#   expect NAME TEXT     a check: the pane shows TEXT (waits for it)
#   expect_not NAME TEXT a check: the pane no longer shows TEXT (waits)
#   expect_exit NAME RC  the program ended with status RC
#   expect_restored NAME the terminal is back to normal (after the end)
#   e2e_restart          suivi again on the same HOME (after it ended)
#   suivi_cli ARGS…      the command line on the scenario's HOME
#   resize COLS ROWS
#   e2e_stop             end the scenario (kills what is left)
#
# Under E2E_ASCII=1 (a run where suivi draws in ASCII: LANG=C) the texts
# expected are first spelled as suivi spells them there (to_ascii).
#
# Checks print "ok - NAME" or "FAIL - NAME" (with the pane below: the
# test_detail hook of tests/lib/check.sh) and count into TEST_PASS /
# TEST_FAIL.

E2E_TOP=$(pwd)
SUIVI=${SUIVI_BIN:-$E2E_TOP/suivi}
case $SUIVI in /*) ;; *) SUIVI=$E2E_TOP/$SUIVI ;; esac
E2E_SOCK=suivi-e2e-$$
E2E_TIMEOUT=${E2E_TIMEOUT:-10}
E2E_DIR=
E2E_LOCALE=${E2E_LOCALE:-C.UTF-8}

tm() {
	tmux -L "$E2E_SOCK" -f /dev/null "$@"
}

e2e_cleanup() {
	tm kill-server 2>/dev/null
	if [ -n "$E2E_DIR" ]; then
		rm -rf "$E2E_DIR"
		E2E_DIR=
	fi
}

# The pane's text now.
screen() {
	tm capture-pane -p -t e2e 2>/dev/null
}

# The pane's text with its attributes and colours as escape sequences.
screen_sgr() {
	tm capture-pane -e -p -t e2e 2>/dev/null
}

# Whether the pane shows any foreground or background colour (SGR 30-37,
# 40-47, 90-97, 100-107, 38;… or 48;…), defaults (39, 49) aside.
has_colour() {
	screen_sgr | grep -qE $'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]'
}

now_ms() {
	date +%s%3N
}

# e2e_start [-s COLSxROWS] [VAR=value…] [-- args]: suivi on a fresh HOME,
# "today" pinned, the bundled data; the pane shows [[exit=N]] when it ends.
e2e_start() {
	local size=100x30 envs=() args=() config= import=
	while :; do
		case $1 in
		-s) size=$2; shift 2 ;;
		-c) config=$2; shift 2 ;;
		-i) import=$2; shift 2 ;;
		*) break ;;
		esac
	done
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	[ "$1" = -- ] && shift
	args=("$@")
	e2e_cleanup
	E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/suivi-e2e.XXXXXX")
	mkdir -p "$E2E_DIR/home"
	if [ -n "$import" ]; then
		# shellcheck disable=SC2086 # a list of files
		(cd "$E2E_TOP" && env HOME="$E2E_DIR/home" SUIVI_DATADIR="$E2E_TOP/share/suivi" \
			"$SUIVI" import $import) >"$E2E_DIR/import.log" 2>&1 ||
			not_ok "import préalable : $(cat "$E2E_DIR/import.log")"
	fi
	if [ -n "$config" ]; then
		mkdir -p "$E2E_DIR/home/.config/suivi"
		printf '%s\n' "$config" >"$E2E_DIR/home/.config/suivi/suivi.ini"
	fi
	local cmd
	cmd=$(printf '%q ' env -i PATH="$PATH" HOME="$E2E_DIR/home" \
		TERM=tmux-256color LANG="$E2E_LOCALE" \
		SUIVI_DATADIR="$E2E_TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		LSAN_OPTIONS="${LSAN_OPTIONS:-}" \
		"${envs[@]}" "$SUIVI" "${args[@]}")
	E2E_CMD=$cmd
	E2E_SIZE=$size
	# a server that was just killed may still hold the socket: retry
	local try
	for try in 1 2 3 4 5; do
		tm new-session -d -s e2e -x "${size%x*}" -y "${size#*x}" \
			"$cmd 2>>$E2E_DIR/stderr; echo \"[[exit=\$?]]\"; sleep 3600" \
			2>/dev/null && return 0
		sleep 0.2
	done
	not_ok "tmux ne démarre pas"
}

# e2e_restart: suivi again, same HOME and database, in a new terminal (the
# previous one must have ended: q, a signal, kill -9).
e2e_restart() {
	tm respawn-pane -k -t e2e \
		"$E2E_CMD 2>>$E2E_DIR/stderr; echo \"[[exit=\$?]]\"; sleep 3600"
	tm clear-history -t e2e
}

# suivi_cli ARGS…: the command line on the scenario's HOME (stdout only).
suivi_cli() {
	env -i PATH="$PATH" HOME="$E2E_DIR/home" LANG="$E2E_LOCALE" \
		SUIVI_DATADIR="$E2E_TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		LSAN_OPTIONS="${LSAN_OPTIONS:-}" "$SUIVI" "$@" 2>>"$E2E_DIR/cli.err"
}

# End the scenario: a suivi still running gets SIGHUP (as when a terminal
# is closed) and must end; a sanitizer report on its stderr fails the
# scenario.
e2e_stop() {
	local pid
	pid=$(suivi_pid)
	if [ -n "$pid" ]; then
		kill -HUP "$pid" 2>/dev/null
		poll_for "[[exit=" || not_ok "fin du scénario : suivi ne s'arrête pas sur SIGHUP"
	fi
	if grep -q 'Sanitizer\|runtime error' "$E2E_DIR/stderr" 2>/dev/null; then
		not_ok "rapport des sanitizers"
	fi
	e2e_cleanup
}

# Escape is sent on its own and followed by a pause longer than suivi's
# ESC delay: a key right after it would read as Alt+key (a terminal sends
# Alt+c as ESC c).
keys() {
	local k batch=()
	for k in "$@"; do
		if [ "$k" = Escape ]; then
			[ ${#batch[@]} -gt 0 ] && tm send-keys -t e2e "${batch[@]}"
			batch=()
			tm send-keys -t e2e Escape
			sleep 0.1
		else
			batch+=("$k")
		fi
	done
	[ ${#batch[@]} -gt 0 ] && tm send-keys -t e2e "${batch[@]}"
	return 0
}

text() {
	tm send-keys -t e2e -l -- "$1"
}

# Send raw bytes given in hexadecimal: bytes c3 28 …
bytes() {
	tm send-keys -t e2e -H "$@"
}

resize() {
	tm resize-window -t e2e -x "$1" -y "$2"
}

# The ASCII spelling of the French texts the scenarios look for: what
# suivi's transliteration (src/core/text.c) gives for them.
to_ascii() {
	printf '%s' "$1" | sed -e 's/[àâä]/a/g; s/[ÀÂÄ]/A/g; s/[éèêë]/e/g; s/[ÉÈÊË]/E/g' \
		-e 's/[îï]/i/g; s/[ôö]/o/g; s/[ùûü]/u/g; s/ç/c/g; s/Ç/C/g' \
		-e 's/œ/oe/g; s/Œ/OE/g; s/[’‘]/'"'"'/g; s/[«»“”]/"/g' \
		-e 's/·/-/g; s/•/*/g; s/°/o/g; s/›/>/g; s/‹/</g; s/≈/~/g; s/▸/>/g; s/…/.../g' \
		-e 's/[–—]/-/g; s/→/->/g; s/←/<-/g; s/×/x/g; s/↘/v/g; s/↗/^/g'
}

spell() {
	if [ "${E2E_ASCII:-0}" = 1 ]; then to_ascii "$1"; else printf '%s' "$1"; fi
}

# wait_for TEXT: a step of a scenario; not seeing TEXT in time fails it.
wait_for() {
	poll_for "$1" && return 0
	not_ok "attendu à l'écran : « $(spell "$1") »"
	return 1
}

poll_for() {
	local deadline=$(($(now_ms) + E2E_TIMEOUT * 1000)) want
	want=$(spell "$1")
	while :; do
		screen | grep -qF -- "$want" && return 0
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.02
	done
}

wait_gone() {
	local deadline=$(($(now_ms) + E2E_TIMEOUT * 1000)) want
	want=$(spell "$1")
	while :; do
		screen | grep -qF -- "$want" || return 0
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.02
	done
}

# What a failure shows below its line: the pane, then suivi's stderr.
test_detail() {
	screen | sed 's/^/    | /'
	if [ -s "$E2E_DIR/stderr" ]; then
		sed 's/^/    stderr: /' "$E2E_DIR/stderr" | head -20
	fi
}

expect() {
	local want
	want=$(spell "$2")
	if poll_for "$2"; then ok "$1"; else not_ok "$1 (attendu : « $want »)"; fi
}

expect_not() {
	local want
	want=$(spell "$2")
	if ! wait_gone "$want"; then
		not_ok "$1 (inattendu : « $want »)"
	else
		ok "$1"
	fi
}

expect_exit() {
	if poll_for "[[exit=$2]]"; then ok "$1"; else not_ok "$1 (statut $2 attendu)"; fi
}

# The terminal was given back: the pane left the alternate screen that
# curses took, and the cursor is visible again.
expect_restored() {
	local alt cur
	alt=$(tm display -p -t e2e '#{alternate_on}')
	cur=$(tm display -p -t e2e '#{cursor_flag}')
	if [ "$alt" = 0 ] && [ "$cur" = 1 ]; then
		ok "$1"
	else
		not_ok "$1 (écran alterné : $alt, curseur visible : $cur)"
	fi
}

# The process id of suivi in the pane (for signals).
# (read from /proc: a fresh Debian has no pgrep)
suivi_pid() {
	local shell_pid f pid comm state ppid rest
	shell_pid=$(tm display -p -t e2e '#{pane_pid}' 2>/dev/null) || return 0
	[ -n "$shell_pid" ] || return 0
	for f in /proc/[0-9]*/stat; do
		{ read -r pid comm state ppid rest <"$f"; } 2>/dev/null || continue
		if [ "$ppid" = "$shell_pid" ] && [ "$comm" = "(suivi)" ]; then
			echo "$pid"
			return 0
		fi
	done
}
