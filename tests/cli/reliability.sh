# tests/cli/reliability.sh - sync, locks, journals, restore, killed writes, read-only commands, times.
# Sourced by tests/cli/run.sh: each t_* function is a test; "# every locale"
# after its "{" runs it under every locale, the others under the last.

t_sync() {
	make_db "$T/a.db"
	make_db "$T/b.db"
	mkdir "$T/usb"
	run --db "$T/a.db" set "Le Haillan" 4.1.1 2026-03 5
	run --db "$T/a.db" sync export -o "$T/a1.sync"
	check "sync export: written, counted, for every contract" 'st 0 && out_has "a1.sync : 1 changement (2 lignes) pour « tous »" && mode_is 600 "$T/a1.sync"'
	cp "$T/a1.sync" "$T/a1.before"
	run --db "$T/a.db" sync export -o "$T/a1.sync"
	check "sync export over an existing file: refused, the file kept" 'st 1 && err_has "existe" && same_file "$T/a1.sync" "$T/a1.before"'
	run --db "$T/a.db" sync export -o "$T/a1.sync" --force
	check "sync export --force again: nothing new since the last file" 'st 0 && out_has "0 changement (0 ligne) pour « tous » : rien de nouveau depuis le dernier fichier"'
	run --db "$T/a.db" sync export -o "$T/all.sync" --all
	check "sync export --all: from the start" 'st 0 && out_has "1 changement (2 lignes)"'
	run --db "$T/b.db" sync import "$T/a1.before"
	check "sync import: applied" 'st 0 && out_has "1 changement reçu, 1 appliqué, 2 lignes écrites, 0 conflit à examiner"'
	run --db "$T/b.db" sync import "$T/a1.before"
	check "sync import twice: nothing more" 'st 0 && out_has "0 changement reçu, 1 déjà là, 0 appliqué"'
	run --db "$T/b.db" export measurements --commune "Le Haillan" --year 2026
	check "sync import: the value is there" 'st 0 && out_has "4.1.1" && out_has "5 h"'
	# both change the same value: the later wins on both, the other listed
	run --db "$T/a.db" set "Le Haillan" 4.1.1 2026-03 8
	sleep 0.01
	run --db "$T/b.db" set "Le Haillan" 4.1.1 2026-03 6
	run --db "$T/a.db" sync export -o "$T/usb"
	check "sync export into a folder: a file named there" 'st 0 && out_has "$T/usb/suivi-tous-"'
	run --db "$T/b.db" sync export -o "$T/b1.sync"
	run --db "$T/a.db" sync import "$T/b1.sync"
	check "sync import of the other side: one conflict" 'st 0 && out_has "1 conflit à examiner"'
	run --db "$T/b.db" sync import "$T/usb"
	check "sync import of a folder: its files" 'st 0 && out_has "$T/usb/suivi-tous-" && out_has "1 conflit à examiner"'
	run --db "$T/a.db" export measurements --commune "Le Haillan" --year 2026
	cp "$T/stdout" "$T/a.csv"
	run --db "$T/b.db" export measurements --commune "Le Haillan" --year 2026
	check "both databases hold the same values (the later one)" 'st 0 && out_has ",6 h," && ! out_has ",8 h," && cut -d, -f1-12 "$T/a.csv" | cmp -s - "$(cut -d, -f1-12 "$T/stdout" >"$T/b.csv"; echo "$T/b.csv")"'
	run --db "$T/a.db" sync status
	check "sync status: sent, received, the conflict" 'st 0 && out_has "Écrit pour « tous »" && out_has "Reçu de" && out_has "Conflits à examiner : 1" && out_has "valeur 4.1.1 de mars 2026" && out_has "gardé : valeur : 6" && out_has "écarté : valeur : 8"'
	run --db "$T/a.db" sync conflicts
	check "sync conflicts: numbered" 'st 0 && out_has "n°1  Le Haillan (33200-2017) — valeur 4.1.1 de mars 2026, modifié des deux côtés"'
	run --db "$T/a.db" sync review 7
	check "sync review of no such conflict: said" 'st 1 && err_has "pas de conflit n°7 à examiner"'
	run --db "$T/a.db" sync review
	check "sync review without a number: usage" 'st 2 && err_has "indiquez un numéro de conflit ou --all"'
	run --db "$T/a.db" sync review 1
	check "sync review 1: marked" 'st 0 && out_has "1 conflit marqué examiné"'
	run --db "$T/a.db" sync conflicts
	check "sync conflicts: none left" 'st 0 && out_has "Aucun conflit à examiner."'
	run --db "$T/a.db" sync conflicts --all
	check "sync conflicts --all: the reviewed one too" 'st 0 && out_has "examiné le"'
	# refusals
	cp "$T/b.db" "$T/b.before"
	printf 'hello\n' >"$T/junk.sync"
	run --db "$T/b.db" sync import "$T/junk.sync"
	check "sync import of a file that is not one: refused, nothing changed" 'st 1 && err_has "n'"'"'est pas un fichier de synchronisation" && same_file "$T/b.db" "$T/b.before"'
	head -c 200 "$T/b1.sync" >"$T/cut.sync"
	run --db "$T/a.db" sync import "$T/cut.sync"
	check "sync import of a truncated file: refused" 'st 1 && err_has "endommagé ou incomplet"'
	run --db "$T/b.db" sync import "$T/b1.sync"
	check "sync import of its own file: refused" 'st 1 && err_has "écrit par cette base-ci"'
	run --db "$T/b.db" sync import "$T/nowhere.sync"
	check "sync import of a missing file: said" 'st 1 && err_has "nowhere.sync"'
	run --db "$T/b.db" sync import
	check "sync import without a file: usage" 'st 2 && err_has "indiquez le fichier"'
	run --db "$T/b.db" sync export
	check "sync export without -o: usage" 'st 2 && err_has "-o FICHIER"'
	run --db "$T/b.db" sync export -o "$T/x.sync" --commune Nulle-Part
	check "sync export --commune unknown: said" 'st 1 && err_has "Nulle-Part"'
	run --db "$T/b.db" sync bidule
	check "sync bidule: usage" 'st 2 && err_has "sous-commande inconnue « bidule »"'
	run --db "$T/b.db" sync
	check "sync alone: usage" 'st 2 && err_has "sync : usage"'
	# one commune's file for a laptop that has only that contract
	SUIVI_DATADIR=$T/nulle-part
	run --db "$T/c.db" import "$BUNDLED/le-haillan.ini"
	SUIVI_DATADIR=$TOP/share/suivi
	run --db "$T/c.db" sync import "$T/all.sync"
	check "a file for every contract on a laptop with one: fine when it holds only that one" 'st 0'
	run --db "$T/b.db" set "Le Bouscat" nsi/1.1.1 2026 oui
	run --db "$T/b.db" sync export -o "$T/b2.sync"
	cp "$T/c.db" "$T/c.before"
	run --db "$T/c.db" sync import "$T/b2.sync"
	check "a file with a contract this database lacks: refused, nothing changed" 'st 1 && err_has "concerne le contrat 33069-2016, absent de cette base" && same_file "$T/c.db" "$T/c.before"'
	run --db "$T/b.db" sync export -o "$T/b3.sync" --commune "Le Haillan" --all
	run --db "$T/c.db" sync import "$T/b3.sync"
	check "--commune: only that contract, the laptop takes it" 'st 0 && out_has "appliqué"'
}

# One interactive suivi per database file, whatever the name it is opened
# by (issue 17, 1 and 4): a hard link or a symbolic link to a file held,
# a journal left under another name, a FIFO, a folder, a device.
t_lock_names() {
	if ! command -v flock >/dev/null 2>&1; then
		skip "lock names: flock(1) absent"
		return
	fi
	make_db "$T/s.db"
	ln "$T/s.db" "$T/h.db"
	ln -s "$T/s.db" "$T/l.db"
	# a suivi holding the file under the name h.db (flock on the file)
	sh -c 'exec 9<"$1" && flock 9 && : >"$2" && exec sleep 30' \
		sh "$T/h.db" "$T/ready" </dev/null >/dev/null 2>&1 &
	BG=$!
	wait_ready
	run --db "$T/s.db"
	check "lock names: the file held under a hard link: refused" 'st 1 && err_has "déjà ouverte par un autre suivi, sous un autre nom" && out_empty'
	run --db "$T/l.db"
	check "lock names: the same through a symbolic link: refused" 'st 1 && err_has "déjà ouverte par un autre suivi"'
	kill "$BG" 2>/dev/null
	wait "$BG" 2>/dev/null
	BG=
	run --db "$T/l.db"
	check "lock names: once released, through the symbolic link: opens" 'st 0 && out_has "2 contrats"'
	# a save cut short under the other name
	printf 'journal' >"$T/h.db-journal"
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db"
	check "lock names: a journal under another name: refused, named, nothing changed" 'st 1 && err_has "est aussi le fichier $T/h.db" && err_has "$T/h.db-journal" && same_file "$T/s.db" "$T/before"'
	rm -f "$T/h.db-journal"
	# paths that are not files: refused at once, nothing left beside them
	mkfifo "$T/fifo" 2>/dev/null || { skip "lock names: mkfifo absent"; return; }
	for c in summary check "export indicators"; do
		# shellcheck disable=SC2086 # the command and its argument
		timeout 10 "$SUIVI" --db "$T/fifo" $c >"$T/stdout" 2>"$T/stderr"
		rc=$?
		check "lock names: --db FIFO $c: refused at once, no lock file" 'st 1 && err_has "n'"'"'est pas un fichier ordinaire" && [ ! -e "$T/fifo.lock" ]'
	done
	mkdir "$T/dir"
	run --db "$T/dir"
	check "lock names: --db FOLDER: refused, no lock file" 'st 1 && err_has "n'"'"'est pas un fichier ordinaire" && [ ! -e "$T/dir.lock" ]'
}

# Another program holds the database: the command says it waits, then
# does its work once it is free (issue 17, 7).
t_busy_said() {
	if [ -z "$PY" ]; then
		skip "busy: python3 absent"
		return
	fi
	make_db "$T/s.db"
	"$PY" -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(1.5)
c.execute("ROLLBACK")
c.close()' "$T/s.db" "$T/ready" &
	BG=$!
	wait_ready
	run --db "$T/s.db" set "Le Haillan" 4.1.1 2026-03 5
	check "busy: a command waiting for another program says so, then saves" 'st 0 && err_has "la base $T/s.db est occupée par un autre programme ; suivi attend qu'"'"'elle se libère (5 s au plus)" && out_has "4.1.1"'
	wait "$BG" 2>/dev/null
	BG=
	run --db "$T/s.db" set "Le Haillan" 4.1.1 2026-04 5
	check "busy: nothing said when nothing holds it" 'st 0 && ! err_has "occupée"'
}

t_evaluation_record() {
	set_db
	run --db "$T/s.db" evaluation "Le Bouscat" 2025
	check "evaluation: nothing recorded yet, said" 'st 0 && out_has "envoyée à la commune le : —" && out_has "ajustements proposés pour 2026 : —"'
	run --db "$T/s.db" evaluation "le bouscat" 2025 --envoyee-le 15/01/2026 --ajustements "Revoir la cible de 3.3.2"
	check "evaluation --envoyee-le --ajustements: recorded and shown" 'st 0 && out_has "Enregistré." && out_has "envoyée à la commune le : 15/01/2026" && out_has "ajustements proposés pour 2026 : Revoir la cible de 3.3.2"'
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" evaluation "Le Bouscat" 2025 --presentee-le 10/01/2026
	check "evaluation: presented before it was sent, refused, nothing written" 'st 1 && err_has "présentée le 10/01/2026, avant d'"'"'être envoyée à la commune (le 15/01/2026)" && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" evaluation "Le Bouscat" 2025 --presentee-le 10/02/2030
	check "evaluation: a date to come, refused" 'st 1 && err_has "est à venir"'
	run --db "$T/s.db" evaluation "Le Bouscat" 2015 --envoyee-le 2016-01-10
	check "evaluation: a year before the contract, refused" 'st 1 && err_has "pas d'"'"'évaluation pour 2015 : le contrat de Le Bouscat commence le 15/02/2016"'
	run --db "$T/s.db" evaluation "Le Bouscat" 2015
	check "evaluation: a year before the contract, refused to read too" 'st 1 && err_has "pas d'"'"'évaluation pour 2015"'
	run --db "$T/s.db" evaluation "Le Bouscat" 2025 --presentee-le=2026-02-10
	check "evaluation --presentee-le=DATE: recorded" 'st 0 && out_has "présentée aux instances délibératives communales le : 10/02/2026" && out_has "envoyée à la commune le : 15/01/2026"'
	run --db "$T/s.db" evaluation "Le Bouscat" deux-mille
	check "evaluation: a year that is not one, usage" 'st 2 && err_has "année « deux-mille » invalide"'
	run --db "$T/s.db" evaluation "Le Bouscat" 2025 --bidule
	check "evaluation: unknown option, usage" 'st 2 && err_has "option inconnue « --bidule »"'
	run --db "$T/s.db" evaluation "Nulle-Part" 2025
	check "evaluation: unknown commune, said" 'st 1 && err_has "Nulle-Part"'
}

# A save cut short, its journal left beside the file (what a kill -9
# inside the save's sync leaves): python stands in for the killed suivi,
# starting its transaction as store_begin does. $1: the database.
hot_journal() {
	"$PY" -c 'import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA cache_size = 5")
c.execute("BEGIN IMMEDIATE")
c.execute("PRAGMA application_id = 1937074550")
c.execute("CREATE TABLE spill(x)")
c.execute("INSERT INTO spill WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 300) SELECT randomblob(3000) FROM r")
os._exit(0)' "$1"
}

# A journal that does not belong to the file is never played onto it;
# the file's own is (issue 17, 2).
t_foreign_journal() {
	if [ -z "$PY" ]; then
		skip "foreign journal: python3 absent"
		return
	fi
	make_db "$T/s.db"
	run --db "$T/s.db" set "Le Haillan" 4.1.1 2026-03 5
	run --db "$T/s.db" backup "$T/bk.db"
	run --db "$T/s.db" set "Le Haillan" 4.1.1 2026-03 6
	hot_journal "$T/s.db"
	check "journal: a save cut short leaves its journal" '[ -s "$T/s.db-journal" ]'
	cp "$T/s.db" "$T/own.db"
	cp "$T/s.db-journal" "$T/own.db-journal"
	# the README's way: the backup copied over the file
	cp "$T/bk.db" "$T/s.db"
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" check
	check "journal: another state's journal is set aside, not played; check: base saine" 'st 0 && out_has "Verdict : base saine" && err_has "qui ne correspond pas à ce fichier" && err_has "gardé sous $T/s.db.journal-etranger-" && [ ! -e "$T/s.db-journal" ] && ls "$T" | grep -q "^s.db.journal-etranger-"'
	check "journal: the file put back is byte for byte the backup" 'same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" export measurements --commune "Le Haillan"
	check "journal: the backup's value, 5" 'st 0 && out_has ",2026-03,5 h,5,"'
	run --db "$T/own.db" check
	check "journal: the file's own journal is played back, said by check" 'st 0 && out_has "Journal : un enregistrement interrompu a été annulé" && out_has "Verdict : base saine" && [ ! -e "$T/own.db-journal" ] && ! err_has "etranger"'
	run --db "$T/own.db" export measurements --commune "Le Haillan"
	check "journal: after its own journal, the last saved value, 6" 'st 0 && out_has ",2026-03,6 h,6,"'
	# the folder read-only: the journal cannot be set aside, refused
	if [ "$(id -u)" != 0 ]; then
		mkdir "$T/ro"
		make_db "$T/ro/s.db"
		hot_journal "$T/ro/s.db"
		cp "$T/bk.db" "$T/ro/s.db"
		chmod 500 "$T/ro"
		run --db "$T/ro/s.db" summary
		check "journal: a foreign journal in a read-only folder: refused, said" 'st 1 && err_has "ne peut pas le mettre de côté"'
		chmod 700 "$T/ro"
	fi
}

# suivi restore BACKUP: checked, put in place, the old file kept with its
# journal (issue 17, 2).
t_restore() {
	make_db "$T/s.db"
	run --db "$T/s.db" set "Le Haillan" 4.1.1 2026-03 5
	run --db "$T/s.db" backup "$T/bk.db"
	run --db "$T/s.db" set "Le Haillan" 4.1.1 2026-03 6
	cp "$T/s.db" "$T/current"
	run --db "$T/s.db" restore "$T/bk.db"
	check "restore: put in place, said, the old base kept" 'st 0 && err_has "sauvegarde $T/bk.db remise en place comme base $T/s.db (vérifiée : saine)" && err_has "gardée sous $T/s.db.avant-restauration-"'
	check "restore: the base is the backup, the kept file the old base" 'same_file "$T/s.db" "$T/bk.db" && same_file "$T/s.db".avant-restauration-* "$T/current" && mode_is 600 "$T/s.db"'
	run --db "$T/s.db" export measurements --commune "Le Haillan"
	check "restore: the backup's value" 'st 0 && out_has ",2026-03,5 h,5,"'
	check "restore: no temporary file left" '[ "$(ls "$T" | grep -c "tmp-")" = 0 ]'
	cp "$T/s.db" "$T/before"
	run --db "$T/s.db" restore "$T/s.db"
	check "restore: the base itself, refused (usage)" 'st 2 && err_has "est la base elle-même" && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" restore "$T/absente.db"
	check "restore: a backup that does not exist, refused" 'st 1 && err_has "la sauvegarde $T/absente.db n'"'"'existe pas" && same_file "$T/s.db" "$T/before"'
	printf 'pas une base' >"$T/texte.db"
	run --db "$T/s.db" restore "$T/texte.db"
	check "restore: not a database, refused, nothing changed" 'st 1 && err_has "restauration refusée" && err_has "n'"'"'est pas une base suivi" && same_file "$T/s.db" "$T/before"'
	cp "$T/bk.db" "$T/abime.db"
	printf '\377\377\377\377\377\377\377\377' | dd of="$T/abime.db" bs=1 seek=$((4096 * 40 + 8)) conv=notrunc 2>/dev/null
	run --db "$T/s.db" restore "$T/abime.db"
	check "restore: a damaged backup, refused, nothing changed" 'st 1 && err_has "restauration refusée" && same_file "$T/s.db" "$T/before"'
	run --db "$T/s.db" restore "$T/bk.db" --force
	check "restore: an unknown option, usage" 'st 2 && err_has "option inconnue « --force »"'
	run --db "$T/s.db" restore
	check "restore: no backup named, usage" 'st 2 && err_has "donnez le fichier de la sauvegarde"'
	# a base the interface holds: refused
	if command -v flock >/dev/null 2>&1; then
		sh -c 'exec 9<"$1" && flock 9 && : >"$2" && exec sleep 30' \
			sh "$T/s.db" "$T/ready" </dev/null >/dev/null 2>&1 &
		BG=$!
		wait_ready
		run --db "$T/s.db" restore "$T/bk.db"
		check "restore: a base another suivi has open, refused" 'st 1 && err_has "restauration impossible" && err_has "déjà ouverte" && same_file "$T/s.db" "$T/before"'
		kill "$BG" 2>/dev/null
		wait "$BG" 2>/dev/null
		BG=
	fi
	# a save cut short in the file replaced: its journal goes with it
	if [ -n "$PY" ]; then
		hot_journal "$T/s.db"
		rm -f "$T/s.db".avant-restauration-*
		run --db "$T/s.db" restore "$T/bk.db"
		check "restore: over a file with a journal: the journal follows the kept file" 'st 0 && [ ! -e "$T/s.db-journal" ] && ls "$T" | grep -q "^s.db.avant-restauration-.*-journal$"'
		run --db "$T/s.db" check
		check "restore: the base put back is sound, no journal played on it" 'st 0 && out_has "Verdict : base saine" && ! out_has "Journal :"'
		kept=$(ls "$T"/s.db.avant-restauration-* | grep -v -- -journal$)
		run --db "$kept" check
		check "restore: the kept file, opened, plays its own journal" 'st 0 && out_has "Journal : un enregistrement interrompu a été annulé" && out_has "Verdict : base saine"'
	fi
	# no base yet: the backup becomes it, nothing kept
	run --db "$T/neuve.db" restore "$T/bk.db"
	check "restore: where there was no base, the backup becomes it" 'st 0 && same_file "$T/neuve.db" "$T/bk.db" && ! err_has "gardée sous" && ! ls "$T" | grep -q "^neuve.db.avant"'
}

# Writes killed on the way (kill -9 at random moments of backups,
# exports, reports) leave no temporary file (issue 17, 6).
t_killed_writes() {
	if ! GEN=$(bench_gen); then
		skip "killed writes: bench-gen absent beside $SUIVI"
		return
	fi
	"$GEN" --communes 1 --years 2 --requests 8000 --disputes 20 \
		--meetings 10 --domains 2 "$T/g.db" >/dev/null 2>&1
	mkdir "$T/out"
	killed=0
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		case $((i % 3)) in
		0) set -- backup "$T/out/copie.db" --force ;;
		1) set -- export requests -o "$T/out/saisines.csv" --force ;;
		2) set -- report summary --commune Mérignac --year 2025 -o "$T/out/etat.html" --force ;;
		esac
		"$SUIVI" --db "$T/g.db" "$@" >/dev/null 2>&1 &
		pid=$!
		sleep "0.$((RANDOM % 3))$((RANDOM % 10))"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		[ $? = 137 ] && killed=$((killed + 1))
	done
	check "killed writes: 12 writes, $killed killed by SIGKILL on the way: no temporary file left" '[ "$(ls -a "$T/out" | grep -c "tmp-")" = 0 ]'
	run --db "$T/g.db" backup "$T/out/copie.db" --force
	check "killed writes: then a backup is whole" 'st 0'
	run --db "$T/out/copie.db" check
	check "killed writes: the backup is sound" 'st 0 && out_has "Verdict : base saine"'
}

# Read-only commands never write; a file with suivi's mark but another
# program's tables, a damaged header byte, SQLite's English (issue 17, 9).
t_readonly_commands() {
	if [ -z "$PY" ]; then skip "read-only commands: python3 absent"; return; fi
	make_db "$T/s.db"
	run --db "$T/s.db" set "Le Haillan" 4.1.1 2026-03 5
	# another tool left the file in WAL mode
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode = WAL")
c.close()' "$T/s.db"
	cp "$T/s.db" "$T/wal.orig"
	run --db "$T/s.db" summary
	check "read-only: summary on a file left in WAL: reads it" 'st 0 && out_has "2 contrats"'
	run --db "$T/s.db" export measurements --year 2026
	check "read-only: export measurements reads it" 'st 0 && out_has ",2026-03,5 h,5,"'
	run --db "$T/s.db" export indicators -o "$T/ind.csv"
	run --db "$T/s.db" report summary --year 2026 -o "$T/etat.html"
	run --db "$T/s.db" backup "$T/copie.db"
	run --db "$T/s.db" evaluation "Le Haillan" 2025
	run --db "$T/s.db" check
	check "read-only: summary, export, report, backup, evaluation, check: the file byte for byte the same, still WAL" 'same_file "$T/s.db" "$T/wal.orig" && [ -s "$T/ind.csv" ] && [ -s "$T/etat.html" ] && [ -s "$T/copie.db" ]'
	run --db "$T/s.db" set "Le Haillan" 4.1.1 2026-04 6
	check "read-only: a write is a write: saved, the file back to its rollback journal" 'st 0 && [ "$("$PY" -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(\"PRAGMA journal_mode\").fetchone()[0])" "$T/s.db")" = delete ]'
	# suivi's mark, schema 0, another program's table: refused
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA application_id = 1937074550")
c.execute("CREATE TABLE clients (nom TEXT)")
c.execute("INSERT INTO clients VALUES (?)", ("Dupont",))
c.close()' "$T/marque.db"
	refuses "suivi's mark, another program's tables" "$T/marque.db" "porte la marque de suivi mais ce n'en est pas une base"
	# a damaged byte in the header: said as such, not "lecture seule"
	for off in 18 21 16; do
		cp "$T/wal.orig" "$T/h$off.db"
		printf '\003' | dd of="$T/h$off.db" bs=1 seek=$off conv=notrunc 2>/dev/null
		cp "$T/h$off.db" "$T/h.orig"
		run --db "$T/h$off.db" summary
		check "read-only: header byte $off damaged: said, nothing changed" 'st 1 && err_has "l'"'"'en-tête de la base $T/h$off.db est endommagé (octet $off)" && ! err_has "lecture seule" && same_file "$T/h$off.db" "$T/h.orig"'
	done
	# SQLite's English never inside a French message
	cp "$T/wal.orig" "$T/m.db"
	"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = DELETE")
c.execute("PRAGMA foreign_keys = OFF")
c.execute("DROP TABLE measurement_history")
c.close()' "$T/m.db"
	run --db "$T/m.db" set "Le Haillan" 4.1.1 2026-06 5
	check "read-only: SQLite's words in French: « table absente : measurement_history »" 'st 1 && err_has "table absente : measurement_history" && ! err_has "no such table"'
}

# CLI_ONLY="t_restore …": those tests alone (while working on them).
# Issue 17, 8: times across the changes of summer time, in the users'
# zone (Europe/Paris, tzdata) whatever the machine's. A local time the
# clocks skip is refused wherever it is typed, with nothing written; delays
# are real elapsed time; a time shown twice is its first occurrence.
t_times_summer() {
	set_db
	TZ=Europe/Paris
	export TZ
	H='commune,nature de saisine,forme,domaine,nature,criticité,objet,reçue,résolue'
	printf '%s\n' "$H" 'Le Bouscat,urgence,courriel,nsi,incident,critique,Panne,2026-03-29 02:30,' >"$T/gap.csv"
	run --db "$T/s.db" import requests gap.csv
	check "import requests, a received time the clocks skip: exit 1, FILE:2, said in French" 'st 1 && err_at "gap.csv:2: " "date de réception : l'"'"'heure 02:30 n'"'"'existe pas le 29/03/2026 (passage à l'"'"'heure d'"'"'été)" && err_has "rien n'"'"'a été importé"'
	printf '%s\n' "$H" 'Le Bouscat,urgence,courriel,nsi,incident,critique,Bonne,2026-03-28 22:00,2026-03-29 04:00' 'Le Bouscat,urgence,courriel,nsi,incident,critique,Panne,28/03/2026 22:00,29/03/2026 2h00' >"$T/gap2.csv"
	run --db "$T/s.db" import requests gap2.csv
	check "import requests, a resolution at 2h00 on 29/03/2026: exit 1, FILE:3" 'st 1 && err_at "gap2.csv:3: " "date de résolution : l'"'"'heure 02:00 n'"'"'existe pas le 29/03/2026"'
	run --db "$T/s.db" export requests
	check "import requests refused: nothing written, not even the good line" 'st 0 && [ "$(lines "$T/stdout")" = 1 ]'

	printf '%s\n' "$H" \
		'Le Bouscat,urgence,courriel,nsi,incident,critique,Printemps,2026-03-28 22:00,2026-03-29 04:00' \
		'Le Bouscat,urgence,courriel,nsi,incident,critique,Automne,24/10/2026 22:00,25/10/2026 04:00' \
		'Le Bouscat,urgence,courriel,nsi,incident,critique,Deux fois,25/10/2026 02:30,25/10/2026 03:00' >"$T/ok.csv"
	run --db "$T/s.db" import requests ok.csv
	check "import requests across both changes of time: exit 0" 'st 0 && err_has "3 saisies importées de ok.csv"'
	run --db "$T/s.db" export requests
	check "delay across the spring change: 22:00 to 04:00 is 5 h" 'st 0 && grep -q "Printemps,2026-03-28 22:00,,,2026-03-29 04:00,,,,résolue,,,5,0," "$T/stdout"'
	check "delay across the autumn change: 22:00 to 04:00 is 7 h" 'grep -q "Automne,2026-10-24 22:00,,,2026-10-25 04:00,,,,résolue,,,7,0," "$T/stdout"'
	check "02:30 shown twice is the first (summer time): 1,5 h to 03:00" 'grep -q "Deux fois,2026-10-25 02:30,,,2026-10-25 03:00,,,,résolue,,,\"1,5\",0," "$T/stdout"'

	# the rule is the zone's: without summer time, 02:30 exists
	TZ=UTC
	run --db "$T/s.db" import requests gap.csv
	check "TZ=UTC: 29/03/2026 02:30 exists there" 'st 0 && err_has "1 saisie importée de gap.csv"'
	run --db "$T/s.db" export requests
	check "TZ=UTC: the same request lasts 6 h as the clocks read" 'grep -q "Printemps,2026-03-28 22:00,,,2026-03-29 04:00,,,,résolue,,,6,0," "$T/stdout"'
	unset TZ
}
