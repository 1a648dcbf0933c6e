# tests/stress/times.sh - changes of summer time (issue 17, 8).
# Sourced by tests/stress/run.sh; s_times is the section (STRESS_ONLY="times").

# times: changes of summer time (issue 17, 8)

# cli_tz ARGS…: cli in the users' zone, with SUIVI_NOW when set.
cli_tz() {
	env -i PATH="$PATH" HOME="$W/home" LANG="$E2E_LOCALE" TZ=Europe/Paris \
		SUIVI_DATADIR="$TOP/share/suivi" SUIVI_TODAY=2026-11-23 \
		${NOW:+SUIVI_NOW=$NOW} \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		LSAN_OPTIONS="${LSAN_OPTIONS:-}" "$SUIVI" "$@" >"$W/out" 2>"$W/err"
	rc=$?
}

s_times() {
	local H db m bad n i want got stamp last
	fresh
	if [ -z "$PY" ] || ! "$PY" -c 'import zoneinfo; zoneinfo.ZoneInfo("Europe/Paris")' 2>/dev/null; then
		skip "times: python3 with zoneinfo and tzdata needed"
		return
	fi
	db=$W/s.db
	NOW=
	cli_tz --db "$db" summary
	H='commune,nature de saisine,forme,domaine,nature,objet,reçue,résolue'
	# every minute the clocks skip, each in a file of its own
	bad=
	for m in $(seq 0 59); do
		printf '%s\n' "$H" "Le Bouscat,ordinaire,courriel,nsi,demande,Trou,$(printf '2026-03-29 02:%02d' "$m")," >"$W/gap.csv"
		cli_tz --db "$db" import requests "$W/gap.csv"
		[ "$rc" = 1 ] && err_has "n'existe pas le 29/03/2026 (passage à l'heure d'été)" || bad="$bad 02:$m"
	done
	check "times: each of the 60 minutes skipped on 29/03/2026 refused by import requests" '[ -z "$bad" ]'
	cli_tz --db "$db" export requests
	check "times: nothing written by the refused imports" '[ "$rc" = 0 ] && [ "$(wc -l <"$W/out")" = 1 ]'
	# every minute shown twice, in one file
	{
		echo "$H"
		for m in $(seq 0 59); do
			printf 'Le Bouscat,ordinaire,courriel,nsi,demande,Deux fois,2026-10-25 02:%02d,\n' "$m"
		done
	} >"$W/twice.csv"
	cli_tz --db "$db" import requests "$W/twice.csv"
	check "times: the 60 minutes shown twice on 25/10/2026 accepted" '[ "$rc" = 0 ] && err_has "60 saisies importées"'

	# random pairs around the changes of 2025-2027; python draws them
	# (existing times only) and says the real hours between
	"$PY" - "$STRESS_SEED" "$STRESS_TIME_RUNS" "$W/pairs.csv" "$W/want" <<'PYEOF'
import random, sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
tz = ZoneInfo("Europe/Paris")
rnd = random.Random(int(sys.argv[1]))
changes = ["2025-03-30", "2025-10-26", "2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"]
def exists(d):
    # a local time exists when UTC and back gives it again
    a = d.replace(tzinfo=tz, fold=0)
    return a.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None) == d
def instant(d):
    return d.replace(tzinfo=tz, fold=0).timestamp()	# the first occurrence
out = open(sys.argv[3], "w")
want = open(sys.argv[4], "w")
out.write("commune,nature de saisine,forme,domaine,nature,objet,reçue,résolue\n")
n = int(sys.argv[2])
i = 0
while i < n:
    day = datetime.fromisoformat(rnd.choice(changes))
    a = day + timedelta(minutes=rnd.randrange(-3 * 1440, 1440))
    b = a + timedelta(minutes=rnd.randrange(0, 4 * 1440))
    if not exists(a) or not exists(b):
        continue
    h = (instant(b) - instant(a)) / 3600
    obj = "Paire %d" % i
    out.write("Le Bouscat,ordinaire,courriel,nsi,demande,%s,%s,%s\n" % (obj, a.strftime("%Y-%m-%d %H:%M"), b.strftime("%Y-%m-%d %H:%M")))
    want.write("%s\t%s\n" % (obj, ("%.2f" % h).rstrip("0").rstrip(".").replace(".", ",")))
    i += 1
PYEOF
	cli_tz --db "$db" import requests "$W/pairs.csv"
	check "times: $STRESS_TIME_RUNS random pairs around the changes of 2025-2027 imported" '[ "$rc" = 0 ]'
	cli_tz --db "$db" export requests
	col=$(head -n 1 "$W/out" | tr -d '\r' | tr ',' '\n' | grep -nx 'délai de résolution (h)' | cut -d: -f1)
	tail -n +2 "$W/out" | awk "$(csv_awk 'f[12] "\t" f['"${col:-1}"']')" | grep '^Paire ' | sort >"$W/got"
	sort "$W/want" >"$W/want.sorted"
	check "times: every delay is the real elapsed time (python's zoneinfo), not the wall clock's" '[ "$(wc -l <"$W/got")" = "$STRESS_TIME_RUNS" ] && cmp -s "$W/got" "$W/want.sorted"'
	if ! cmp -s "$W/got" "$W/want.sorted"; then
		diff "$W/want.sorted" "$W/got" | head -5 | sed 's/^/#   /'
	fi

	# a clock that jumps back and forth: the value is the last written
	n=$((STRESS_TIME_RUNS / 10))
	[ "$n" -ge 2 ] || n=2
	bad=
	for i in $(seq 1 "$n"); do
		stamp=$(printf '2026-10-25T%02d:%02d:00Z' $((RANDOM % 4)) $((RANDOM % 60)))
		NOW=$stamp cli_tz --db "$db" set "Le Bouscat" 3.1.1 2026 "$i %"
		[ "$rc" = 0 ] || bad="$bad set#$i"
		last=$i
	done
	NOW=
	cli_tz --db "$db" export measurements --commune "Le Bouscat" --year 2026
	got=$(awk "$(csv_awk 'f[5] "|" f[10]')" "$W/out" | grep '^3\.1\.1|' | head -n 1)
	check "times: $n writes under a clock jumping back and forth: the value is the last written ($last %)" \
		'[ -z "$bad" ] && [ "$got" = "3.1.1|$last" ]'
	[ "$got" = "3.1.1|$last" ] || echo "#   got: $got"
}
