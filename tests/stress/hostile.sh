# tests/stress/hostile.sh - output names of random bytes.
# Sourced by tests/stress/run.sh; s_hostile is the section (STRESS_ONLY="hostile").

# clean_out: $W/out and $W/err hold no raw control (C0 but tab and LF,
# DEL, C1), only UTF-8, no bidirectional override.
clean_out() {
	local f
	for f in "$W/out" "$W/err"; do
		[ "$(tr -d '\t\n' <"$f" | LC_ALL=C tr -dc '\000-\037\177' | wc -c)" -eq 0 ] || return 1
		! LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$f" || return 1
		! LC_ALL=C grep -q $'\xe2\x80[\x8e\x8f\xaa-\xae]\|\xe2\x81[\xa6-\xa9]\|\xd8\x9c' "$f" || return 1
		iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || return 1
	done
}

# A name of 10 random bytes (no NUL, no "/"; from $RANDOM, so that
# STRESS_SEED repeats it), a line break and a bidi override always among
# them.
hostile_name() {
	local s= c b i
	for ((i = 0; i < 10; i++)); do
		b=$((RANDOM % 255 + 1))
		[ "$b" = 47 ] && b=27
		printf -v c "\\$(printf %03o "$b")"
		s+=$c
	done
	printf '%s\n\xe2\x80\xae%s' "${s:0:5}" "${s:5}"
}

s_hostile() {
	local i n bad= runs=${STRESS_HOSTILE_RUNS:-16} db
	fresh
	mkdir "$W/o"
	for ((i = 0; i < runs; i++)); do
		n=$(LC_ALL=C hostile_name)
		db="$W/o/db$i-$n"
		cli --db "$db"
		[ "$rc" = 0 ] && [ -f "$db" ] && clean_out || bad="$bad $i:new-base(rc $rc)"
		cli --db "$db" check
		[ "$rc" = 0 ] && clean_out || bad="$bad $i:check(rc $rc)"
		cli --db "$db" backup "$W/o/b$i-$n"
		[ "$rc" = 0 ] && [ -f "$W/o/b$i-$n" ] && clean_out || bad="$bad $i:backup(rc $rc)"
		cli --db "$db" export requests -o "$W/o/e$i-$n"
		[ "$rc" = 0 ] && [ -f "$W/o/e$i-$n" ] && clean_out || bad="$bad $i:export(rc $rc)"
		cli --db "$db" report summary --year 2025 -o "$W/o/r$i-$n.md"
		[ "$rc" = 0 ] && [ -f "$W/o/r$i-$n.md" ] && clean_out || bad="$bad $i:report(rc $rc)"
		cli --db "$db" sync export -o "$W/o/s$i-$n"
		[ "$rc" = 0 ] && [ -f "$W/o/s$i-$n" ] && clean_out || bad="$bad $i:sync(rc $rc)"
		cli --db "$db" export requests -o "$W/o/missing-$n/e.csv"
		[ "$rc" = 1 ] && [ "$(wc -l <"$W/err")" = 1 ] && clean_out || bad="$bad $i:missing-folder(rc $rc)"
		[ -n "$bad" ] && break
	done
	check "hostile: $runs random output names (controls, line breaks, invalid UTF-8, bidi) through a new base, check, backup, export, report, sync export and a missing folder: written, every message clean and on its line" '[ -z "$bad" ]'
	[ -n "$bad" ] && echo "#  $bad" && printf '#   name: %q\n' "$n"
}
