#!/bin/bash
# tests/bench/sync.sh - sync files at metropolitan scale (part of make bench).
#
#   BENCH_LARGE=path.db [BENCH_RUNS=5] bash tests/bench/sync.sh  (from the root)
#
# On the large database (28 communes × 10 years) and two laptops made from
# it: the first full sync of one commune (export --commune --all from the
# Métropole's database, applied on a laptop holding that contract and no
# record yet), and a month of one commune's activity (values, requests, a
# meeting) exported and applied on the other side. Medians of BENCH_RUNS.
set -u
RUNS=${BENCH_RUNS:-5}
TOP=$(pwd)
SUIVI=${SUIVI_BIN:-$TOP/suivi}
LARGE=${BENCH_LARGE:?BENCH_LARGE: the large database}
command -v sqlite3 >/dev/null || { echo "# sync : sqlite3 absent, non mesuré"; exit 0; }
W=$(mktemp -d "${TMPDIR:-/tmp}/suivi-bench-sync.XXXXXX")
trap 'rm -rf "$W"' EXIT
export SUIVI_DATADIR=$TOP/share/suivi SUIVI_TODAY=2026-11-23 HOME=$W
now_us() { date +%s%6N; }
stats() {
	sort -g | awk -v name="$1" '{ v[NR] = $1 }
		END {
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%-40s médiane %8.1f ms   min %8.1f   max %8.1f   (%d)\n",
				name, m, v[1], v[NR], NR
		}'
}
timed() {	# timed CMD…: ms on stdout, the command's output in $W/last
	local t0=$(now_us)
	"$@" >"$W/last" 2>&1 || { echo "sync : échec : $* : $(cat "$W/last")" >&2; exit 1; }
	echo "$(( $(now_us) - t0 ))" | awk '{ printf "%.1f\n", $1 / 1000 }'
}

ok() {	# ok CMD…: run it, quiet unless it fails
	"$@" >"$W/ok.out" 2>&1 || { echo "sync : échec : $* : $(cat "$W/ok.out")" >&2; exit 1; }
}

# A laptop: the large database with no user record and no log, another id
# (the contracts of the 28 communes stay: a laptop holds the one it follows
# and more do not cost anything here).
laptop() {
	cp "$LARGE" "$1"
	sqlite3 "$1" "PRAGMA foreign_keys = OFF; BEGIN;
		DELETE FROM measurement_history; DELETE FROM measurement;
		DELETE FROM target; DELETE FROM indicator_choice;
		DELETE FROM request_change; DELETE FROM exceptional_request;
		DELETE FROM dispute_request; DELETE FROM arbitration_step;
		DELETE FROM dispute_change; DELETE FROM dispute;
		DELETE FROM request; DELETE FROM request_doc; DELETE FROM request_fts;
		DELETE FROM dispute_doc; DELETE FROM dispute_fts;
		DELETE FROM meeting_change; DELETE FROM action_item;
		DELETE FROM decision; DELETE FROM meeting_attendee; DELETE FROM meeting;
		DELETE FROM observation; DELETE FROM evaluation_record;
		DELETE FROM sync_change; DELETE FROM sync_stamp; DELETE FROM sync_vector;
		DELETE FROM sync_peer; DELETE FROM sync_source; DELETE FROM sync_conflict;
		DELETE FROM sync_origin;
		UPDATE sync_self SET db_id = lower(hex(randomblob(16))), clock = 0;
		COMMIT; VACUUM;" || exit 1
}

COMMUNE=$(sqlite3 "$LARGE" "SELECT c.identifier FROM contract c JOIN commune m ON m.uid = c.commune_uid ORDER BY m.name LIMIT 1")
laptop "$W/empty.db"
echo "# sync : commune $COMMUNE"

# 1. the first full sync of one commune
for i in $(seq 1 "$RUNS"); do
	rm -f "$W/full.sync"
	timed "$SUIVI" --db "$LARGE" sync export -o "$W/full.sync" --commune "$COMMUNE" --all --peer bench
done | stats "première synchro : export d'une commune"
SIZE=$(du -h "$W/full.sync" | cut -f1)
ROWS=$("$SUIVI" --db "$LARGE" sync export -o "$W/full2.sync" --commune "$COMMUNE" --all --peer bench2 | sed 's/.*(\([0-9]*\) lignes.*/\1/')
for i in $(seq 1 "$RUNS"); do
	cp "$W/empty.db" "$W/l.db"
	timed "$SUIVI" --db "$W/l.db" sync import "$W/full.sync"
done | stats "première synchro : import ($SIZE, $ROWS lignes)"

# 2. a month of one commune's activity: 7 values, 60 requests, a meeting
# with decisions, on the Métropole's side; exported, applied on the
# laptop (which has the full sync above)
cp "$W/l.db" "$W/laptop.db"
{
	printf 'objet,reçue,nature de saisine,forme,domaine\n'
	seq 1 60 | awk '{ printf "Demande du mois %d,2026-11-%02d 09:%02d,ordinaire,note,nsi\n", $1, 1 + $1 % 20, $1 % 60 }'
} >"$W/month.csv"
for i in $(seq 1 "$RUNS"); do
	cp "$LARGE" "$W/m.db"
	"$SUIVI" --db "$W/m.db" sync export -o "$W/skip.sync" --commune "$COMMUNE" --peer laptop >/dev/null 2>&1
	rm -f "$W/skip.sync"
	for code in 2.1.1 3.3.1 4.1.1 4.1.2; do
		ok "$SUIVI" --db "$W/m.db" set "$COMMUNE" "nsi/$code" 2026-11 3
	done
	for crit in critique majeure mineure; do
		ok "$SUIVI" --db "$W/m.db" set "$COMMUNE" nsi/3.3.2 2026-11 2 --criticite "$crit"
	done
	ok "$SUIVI" --db "$W/m.db" import requests --commune "$COMMUNE" "$W/month.csv"
	ok "$SUIVI" --db "$W/m.db" meeting add --commune "$COMMUNE" --kind suivi --date 20/11/2026
	timed "$SUIVI" --db "$W/m.db" sync export -o "$W/month-$i.sync" --commune "$COMMUNE" --peer laptop >>"$W/export.ms"
	cp "$W/laptop.db" "$W/lap.db"
	timed "$SUIVI" --db "$W/lap.db" sync import "$W/month-$i.sync" >>"$W/import.ms"
	cp "$W/last" "$W/month.out"
done
stats "un mois d'une commune : export" <"$W/export.ms"
stats "un mois d'une commune : import ($(du -h "$W/month-1.sync" | cut -f1))" <"$W/import.ms"
sed 's/^/# /' "$W/month.out"
