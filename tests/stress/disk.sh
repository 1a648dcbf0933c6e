# tests/stress/disk.sh - a full disk, a file-size limit.
# Sourced by tests/stress/run.sh; s_disk is the section (STRESS_ONLY="disk").

# 3. A full disk, a file-size limit

# disk_cases TAG DIR DB RUN RUN_OUT MESSAGE: every writer of the command
# line facing a folder that cannot take more: RUN writes the database or a
# copy of it, RUN_OUT the exports (cli, or "cli_limited KB").
disk_cases() {
	local tag=$1 dir=$2 db=$3 run=$4 run_out=$5 msg=$6 before
	before=$(sum "$db")
	$run --db "$db" set "Le Bouscat" 3.3.1 2026-02 "4,5"
	check "$tag: set: exit 1 (not killed), « $msg »" '[ "$rc" = 1 ] && err_has "$msg" && err_has "Rien n'"'"'a été enregistré"'
	check "$tag: set: the database is sound, the earlier value there, the refused one absent" \
		'sound "$db" && [ "$(value_of "$db" "3.3.1||2026-01")" = "2,5 j" ] && [ -z "$(value_of "$db" "3.3.1||2026-02")" ]'
	check "$tag: set: the file byte for byte as before (once its journal is played back)" \
		'[ "$(sum "$db")" = "$before" ]'
	$run --db "$db" import requests --commune 33069 "$W/rq.csv"
	check "$tag: import requests: exit 1, « $msg », no request" \
		'[ "$rc" = 1 ] && err_has "$msg" && sound "$db" && [ -z "$(request_objects "$db")" ] && [ "$(sum "$db")" = "$before" ]'
	$run_out --db "$db" export indicators -o "$dir/indicateurs.csv"
	check "$tag: export -o: exit 1, says why, no file, no temporary file" \
		'[ "$rc" = 1 ] && err_has "impossible d'"'"'écrire $dir/indicateurs.csv" && [ ! -e "$dir/indicateurs.csv" ] && no_tmp "$dir"'
	$run_out --db "$db" export indicators -o "$dir/ancien.csv" --force
	check "$tag: export -o --force over a file: exit 1, the old file intact" \
		'[ "$rc" = 1 ] && [ "$(cat "$dir/ancien.csv")" = ancien ] && no_tmp "$dir"'
	$run_out --db "$db" report evaluation --commune "Le Bouscat" --year 2026 -o "$dir/eval.html"
	check "$tag: report -o: exit 1, says why, no file, no temporary file" \
		'[ "$rc" = 1 ] && err_has "impossible" && [ ! -e "$dir/eval.html" ] && no_tmp "$dir"'
	$run --db "$db" backup "$dir/copie.db"
	check "$tag: backup: exit 1, says why, no copy, no temporary file" \
		'[ "$rc" = 1 ] && err_has "sauvegarde impossible" && [ ! -e "$dir/copie.db" ] && no_tmp "$dir"'
	check "$tag: after all that, the database unchanged" '[ "$(sum "$db")" = "$before" ]'
}

# grid_331: the tableau de bord, on 3.3.1's cell of November 2026.
grid_331() {
	keys 2
	wait_for "Tableau de bord 2026"
	keys g Down Down Down Down Down Down Down
	wait_for "3.3.1 · novembre 2026"
}

# grid_331_type VALUE: VALUE typed there, then Entrée.
grid_331_type() {
	grid_331
	text "$1"
	keys Enter
}

# disk_ui TAG DB BLOCK UNBLOCK MESSAGE: a value typed in the grid while
# BLOCK holds (shell code run once suivi is up), then UNBLOCK, then Entrée.
disk_ui() {
	local tag=$1 db=$2 block=$3 unblock=$4 msg=$5 pid
	: >"$W/ack"
	e2e_start -s 110x34 SUIVI_ACK_LOG="$W/ack" -- --db "$db"
	wait_for "Identifiant : 33069-2016"
	eval "$block"
	grid_331_type "3,3"
	expect "$tag, interface: Entrée says the value is not saved" "Non enregistré"
	expect_msg "$tag, interface: and why: « $msg »" "$msg"
	expect "$tag, interface: what was typed stays, for a retry" "3,3"
	pid=$(suivi_pid)
	check "$tag, interface: suivi is still running, nothing acknowledged" '[ -n "$pid" ] && [ ! -s "$W/ack" ]'
	keys Escape
	keys j
	expect "$tag, interface: it still answers keys" "3.3.2 · critique · novembre 2026"
	keys k
	text "3,4"
	keys Enter
	expect "$tag, interface: a second try fails the same way" "Non enregistré"
	eval "$unblock"
	keys Enter
	expect "$tag, interface: room again: the same Entrée saves it" "Enregistré : 3.3.1 · novembre 2026 = 3,4 j"
	keys q
	expect_exit "$tag, interface: q: exit status 0" 0
	check "$tag, interface: base saine, the earlier value and the saved one there" \
		'sound "$db" && [ "$(value_of "$db" "3.3.1||2026-01")" = "2,5 j" ] && [ "$(value_of "$db" "3.3.1||2026-11")" = "3,4 j" ]'
	check "$tag, interface: acknowledged once, the value saved" \
		'[ "$(cat "$W/ack")" = "$(printf "valeur\t3.3.1\t2026-11\t\t3,4 j")" ]'
	e2e_stop
}

# disk_draft TAG DB BLOCK UNBLOCK: a request form being typed when the
# disk fills and the terminal closes (SIGHUP): the draft the database
# cannot take is kept in the runtime folder (0600), said on stderr, and
# offered back at the next start once there is room (issue 17, 5).
disk_draft() {
	local tag=$1 db=$2 block=$3 unblock=$4 obj="Panne imprimante $RANDOM" f
	rm -rf "$W/run"
	mkdir -m 700 "$W/run"
	e2e_start -s 110x34 XDG_RUNTIME_DIR="$W/run" -- --db "$db"
	wait_for "Identifiant : 33069-2016"
	keys M-3
	wait_for "Saisines :"
	keys n
	wait_for "Nouvelle saisine"
	text u
	wait_for "en urgence"
	keys Enter Tab Tab Tab Tab Tab Tab
	text "$obj"
	wait_for "$obj"
	eval "$block"
	kill -HUP "$(suivi_pid)"
	poll_for "[[exit="
	f=$(grep -l "$obj" "$W/run/suivi/"* 2>/dev/null | head -n 1)
	check "$tag, closed terminal: the draft the database could not take is in a file of the runtime folder, 0600" \
		'[ -n "$f" ] && [ "$(mode_of "$f")" = 600 ] && [ "$(mode_of "$W/run/suivi")" = 700 ]'
	check "$tag, closed terminal: said on stderr, naming the file" \
		'grep -qF "il est gardé dans $W/run/suivi/" "$E2E_DIR/stderr"'
	e2e_stop
	eval "$unblock"
	e2e_start -s 110x34 XDG_RUNTIME_DIR="$W/run" -- --db "$db"
	expect "$tag, next start with room: the draft is offered back" "Un formulaire de saisine n'était pas enregistré à la fermeture. Le reprendre ?"
	keys o
	expect "$tag, next start: the form holds what was typed" "$obj"
	keys Enter
	expect "$tag, next start: saved from the draft" "Saisine enregistrée : $obj"
	check "$tag, next start: the file is gone" '[ ! -e "$f" ]'
	keys q
	e2e_stop
}

s_disk() {
	local start
	fresh
	start=$(ms)
	cli --db "$W/base.db"
	cli --db "$W/base.db" set "Le Bouscat" 3.3.1 2026-01 "2,5"
	check "disk: a database with a value of January" '[ "$rc" = 0 ]'
	printf 'objet,reçue,nature de saisine,forme,domaine\nAccès VPN,2026-05-04 08:30,ordinaire,note,nsi\n' >"$W/rq.csv"

	MNT=$W/mnt
	mkdir -p "$MNT"
	if mount -t tmpfs -o size=2m,mode=0700 tmpfs "$MNT" 2>/dev/null; then
		cp "$W/base.db" "$MNT/s.db"
		echo ancien >"$MNT/ancien.csv"
		dd if=/dev/zero of="$MNT/plein" bs=4k 2>/dev/null
		check "disk (tmpfs of 2 MB): full" '[ "$(df -k "$MNT" | awk "NR == 2 { print \$4 }")" = 0 ]'
		disk_cases "disk (tmpfs full)" "$MNT" "$MNT/s.db" cli cli "disque plein"
		rm -f "$MNT/plein"
		cli --db "$MNT/s.db" set "Le Bouscat" 3.3.1 2026-02 "4,5"
		check "disk (tmpfs): room again: the same set saves" '[ "$rc" = 0 ] && [ "$(value_of "$MNT/s.db" "3.3.1||2026-02")" = "4,5 j" ]'
		cp "$W/base.db" "$MNT/s.db"
		rm -f "$MNT/s.db-journal"
		disk_ui "disk (tmpfs full)" "$MNT/s.db" \
			'dd if=/dev/zero of="$MNT/plein" bs=4k 2>/dev/null' \
			'rm -f "$MNT/plein"' "disque plein"
		cp "$W/base.db" "$MNT/s.db"
		disk_draft "disk (tmpfs full)" "$MNT/s.db" \
			'dd if=/dev/zero of="$MNT/plein" bs=4k 2>/dev/null' \
			'rm -f "$MNT/plein"'
		umount "$MNT"
	else
		skip "disk: no tmpfs (mount -t tmpfs refused): the file-size limit only"
	fi
	MNT=

	# a file-size limit of 200 KB: the database (700 KB) cannot change;
	# 4 KB for the documents (more than 10 KB each)
	mkdir -p "$W/lim"
	cp "$W/base.db" "$W/lim/s.db"
	echo ancien >"$W/lim/ancien.csv"
	disk_cases "disk (ulimit -f 200, 4)" "$W/lim" "$W/lim/s.db" "cli_limited 200" \
		"cli_limited 4" "taille de fichier maximale"
	if command -v prlimit >/dev/null 2>&1; then
		cp "$W/base.db" "$W/lim/u.db"
		disk_ui "disk (file-size limit)" "$W/lim/u.db" \
			'prlimit --pid "$(suivi_pid)" --fsize=204800:' \
			'prlimit --pid "$(suivi_pid)" --fsize=unlimited:' \
			"taille de fichier maximale"
	else
		skip "disk: prlimit absent: the interface under a file-size limit"
	fi
	echo "# disk: $(($(ms) - start)) ms"
}
