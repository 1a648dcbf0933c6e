# tests/stress/modes.sh - modes of what suivi creates, no overwriting without --force.
# Sourced by tests/stress/run.sh; s_modes is the section (STRESS_ONLY="modes").

# 8. Modes of what suivi creates, and no overwriting without --force

s_modes() {
	local old_umask d f before bad n=0 w
	local -a writers
	fresh
	old_umask=$(umask)
	umask 000
	d=$W/home/.local/share/suivi
	cli
	check "modes (umask 000): first run: the database 0600 in folders 0700 (.local, share, suivi)" \
		'[ "$rc" = 0 ] && [ "$(mode_of "$d/suivi.db")" = 600 ] && [ "$(mode_of "$d")" = 700 ] && [ "$(mode_of "$W/home/.local/share")" = 700 ] && [ "$(mode_of "$W/home/.local")" = 700 ]'
	cli set "Le Bouscat" 3.1.1 2026 "12,5 %"
	cli meeting add --commune "Le Bouscat" --kind suivi --date 20/11/2026
	check "modes: a value and a meeting to write about" '[ "$rc" = 0 ]'
	mkdir "$W/o"
	chmod 777 "$W/o"
	writers=(
		"copie.db|backup $W/o/copie.db"
		"indicateurs.csv|export indicators -o $W/o/indicateurs.csv"
		"valeurs.csv|export measurements --year 2026 -o $W/o/valeurs.csv"
		"saisines.csv|export requests -o $W/o/saisines.csv"
		"litiges.csv|export disputes -o $W/o/litiges.csv"
		"etat.csv|export summary --year 2026 -o $W/o/etat.csv"
		"evaluation.html|report evaluation --commune 33069 --year 2026 -o $W/o/evaluation.html"
		"evaluation.fods|report evaluation --commune 33069 --year 2026 -o $W/o/evaluation.fods"
		"recapitulatif.md|report summary --year 2026 -o $W/o/recapitulatif.md"
		"compte-rendu.md|report minutes --meeting 20/11/2026 --commune 33069 -o $W/o/compte-rendu.md"
		"compte-rendu.html|report minutes --meeting 20/11/2026 --commune 33069 -o $W/o/compte-rendu.html"
	)
	bad=
	for w in "${writers[@]}"; do
		f=$W/o/${w%%|*}
		# shellcheck disable=SC2086 # the words of the command
		cli ${w#*|}
		n=$((n + 1))
		if [ "$rc" != 0 ] || [ "$(mode_of "$f")" != 600 ]; then
			bad="$bad ${w%%|*}(rc $rc, mode $(mode_of "$f"))"
			continue
		fi
		before=$(sum "$f")
		# shellcheck disable=SC2086
		cli ${w#*|}
		if [ "$rc" != 1 ] || ! err_has "existe déjà : ajoutez --force" || [ "$(sum "$f")" != "$before" ]; then
			bad="$bad ${w%%|*}(replaced without --force: rc $rc)"
			continue
		fi
		chmod 644 "$f"
		echo ancien >"$f"
		# shellcheck disable=SC2086
		cli ${w#*|} --force
		if [ "$rc" != 0 ] || [ "$(mode_of "$f")" != 600 ] || echo ancien | cmp -s - "$f"; then
			bad="$bad ${w%%|*}(--force: rc $rc, mode $(mode_of "$f"))"
		fi
	done
	check "modes: $n writers of the command line (backup, 5 exports, 5 reports): each file 0600; an existing one refused without --force, untouched; --force replaces it with a 0600 file" \
		'[ -z "$bad" ]'
	[ -n "$bad" ] && echo "#  $bad"
	check "modes: no temporary file left" 'no_tmp "$W/o"'

	# the interface: its lock, the minutes and the reports it writes
	ui_as "" -- 
	wait_for "Identifiant : 33069-2016"
	check "modes: the interface's lock file 0600" '[ "$(mode_of "$d/suivi.db.lock")" = 600 ]'
	keys 5
	wait_for "20/11/2026  réunion de suivi"
	keys Enter
	wait_for "Réunion de suivi du 20/11/2026 · "
	keys m
	expect_msg "modes: m writes the minutes" "Écrit dans ~/Documents/suivi : compte-rendu-le-bouscat-2026-11-20.md et .html"
	f=$W/home/Documents/suivi/compte-rendu-le-bouscat-2026-11-20
	check "modes: the reports folder 0700 (and ~/Documents), the minutes 0600" \
		'[ "$(mode_of "$W/home/Documents/suivi")" = 700 ] && [ "$(mode_of "$W/home/Documents")" = 700 ] && [ "$(mode_of "$f.md")" = 600 ] && [ "$(mode_of "$f.html")" = 600 ]'
	before=$(sum "$f.md")
	keys m
	expect_msg "modes: m again asks before replacing" "existe déjà"
	keys n
	check "modes: n: the minutes untouched" '[ "$(sum "$f.md")" = "$before" ]'
	keys 6
	wait_for "Évaluation 2026"
	keys g Enter
	expect_msg "modes: Rapports: Entrée writes the évaluation" "Écrit dans ~/Documents/suivi : evaluation-le-bouscat-2026.html"
	f=$W/home/Documents/suivi/evaluation-le-bouscat-2026.html
	check "modes: the évaluation 0600" '[ "$(mode_of "$f")" = 600 ]'
	chmod 644 "$f"
	before=$(sum "$f")
	keys Enter
	expect_msg "modes: Entrée again asks before replacing" "existe déjà : le remplacer ? (o/N)"
	keys n
	expect_msg "modes: n: nothing written" "Rien d'écrit"
	check "modes: the évaluation untouched" '[ "$(sum "$f")" = "$before" ]'
	keys Enter
	wait_for "existe déjà : le remplacer ? (o/N)"
	keys o
	expect_msg "modes: o: replaced" "Écrit dans ~/Documents/suivi : evaluation-le-bouscat-2026.html"
	check "modes: the replacement is 0600 (the old file was 0644)" '[ "$(mode_of "$f")" = 600 ]'
	keys q
	expect_exit "modes: q: exit status 0" 0
	ui_stop
	check "modes: nothing else beside the database (drafts live in it); no settings written" \
		'[ "$(ls -A "$d" | tr "\n" " ")" = "suivi.db suivi.db.lock " ] && [ ! -e "$W/home/.config" ]'
	check "modes: every file suivi made under HOME is 0600, every folder 0700" \
		'[ -z "$(find "$W/home" \( -type f ! -perm 600 \) -o \( -type d ! -perm 700 ! -path "$W/home" \))" ]'
	umask "$old_umask"
}
