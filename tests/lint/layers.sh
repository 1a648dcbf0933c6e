#!/bin/bash
# tests/lint/layers.sh - the layers of src/ and who may include whom
# (make lint). From the bottom:
#
#   core    the model and its rules in plain C
#   io      files that are not the database (config, contract files, CSV,
#           locks, atomic writes, paths); run.h, what a run holds
#   store   the database (the only sqlite3.h)
#   model   operations composing store calls, in one transaction
#   report  documents and exports
#   ui      the interface (the only curses)     } peers: neither includes
#   cli     the commands (argv, stdout)        } the other
#   app     src/app.c, src/main.c: start-up, dispatch
#
# A file includes headers of its own layer or of layers below it; never
# above, and ui and cli never each other: a cycle between directories
# cannot exist. A header of include/suivi/ belongs to the layer of the .c
# file of its name (store_*.h to store; the few others named below); an
# internal header (src/DIR/*.h) is included from DIR only; store_tx.h
# (transactions) from store and model only. Prints each
# offending include as FILE:LINE: and exits 1.
set -u
cd "$(dirname "$0")/../.." || exit 2

rank() {
	case $1 in
	core) echo 0 ;; io) echo 1 ;; store) echo 2 ;; model) echo 3 ;;
	report) echo 4 ;; ui | cli) echo 5 ;; app) echo 6 ;; *) echo 99 ;;
	esac
}

# The layer of header NAME (without .h).
layer_of() {
	local name=$1 best= r br d
	case $name in
	store_*) echo store; return ;;
	ui) echo ui; return ;;
	app) echo app; return ;;
	run) echo io; return ;;
	across_report) echo report; return ;;
	across | sync) echo model; return ;;	# store_across.h, store_sync.h: store's
	esac
	for f in src/*/"$name".c; do
		[ -e "$f" ] || continue
		d=$(basename "$(dirname "$f")")
		r=$(rank "$d")
		if [ -z "$best" ] || [ "$r" -lt "$br" ]; then
			best=$d br=$r
		fi
	done
	echo "${best:-?}"
}

# The layer of source file PATH.
file_layer() {
	case $1 in
	src/app.c | src/main.c) echo app ;;
	src/*/*) basename "$(dirname "$1")" ;;
	include/suivi/*) layer_of "$(basename "$1" .h)" ;;
	*) echo ? ;;
	esac
}

bad=0
while IFS= read -r f; do
	fl=$(file_layer "$f")
	fr=$(rank "$fl")
	if [ "$fr" = 99 ]; then
		echo "$f: couche inconnue (ajoutez-la à tests/lint/layers.sh)"
		bad=$((bad + 1))
		continue
	fi
	while IFS=: read -r line inc; do
		case $inc in
		suivi/*.h)
			h=${inc#suivi/}
			h=${h%.h}
			hl=$(layer_of "$h")
			hr=$(rank "$hl")
			if [ "$hr" = 99 ]; then
				echo "$f:$line: suivi/$h.h : couche inconnue (ajoutez-la à tests/lint/layers.sh)"
				bad=$((bad + 1))
			elif [ "$h" = store_tx ] && [ "$fl" != store ] && [ "$fl" != model ]; then
				echo "$f:$line: $fl inclut suivi/store_tx.h : les transactions sont au magasin et au modèle (src/model/), pas aux écrans ni aux commandes"
				bad=$((bad + 1))
			elif [ "$hl" != "$fl" ] && { [ "$hr" -ge "$fr" ]; }; then
				echo "$f:$line: $fl inclut suivi/$h.h ($hl) : une couche n'inclut que la sienne ou celles d'en dessous"
				bad=$((bad + 1))
			fi
			;;
		build_config.h) ;;
		*/*)
			echo "$f:$line: « $inc » : un en-tête interne ne s'inclut que depuis son dossier"
			bad=$((bad + 1))
			;;
		*)
			# an internal header: beside the file
			if [ ! -e "$(dirname "$f")/$inc" ]; then
				echo "$f:$line: « $inc » n'est pas dans $(dirname "$f")"
				bad=$((bad + 1))
			fi
			;;
		esac
	done < <(grep -n '^#include "' "$f" | sed 's/^\([0-9]*\):#include "\([^"]*\)".*/\1:\2/')
done < <(find src include -name '*.[ch]' | sort)
if [ "$bad" -gt 0 ]; then
	echo "couches : $bad inclusion(s) hors de l'ordre"
	exit 1
fi
echo "couches : ok"
