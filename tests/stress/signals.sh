# tests/stress/signals.sh - SIGHUP, SIGTERM, SIGINT while typing.
# Sourced by tests/stress/run.sh; s_signals is the section (STRESS_ONLY="signals").

# 2. SIGHUP, SIGTERM, SIGINT while typing

SIG_DB=

# What suivi offers at start: "grid TEXT", "form", "dispute" or "none".
startup_offer() {
	local deadline=$(($(ms) + E2E_TIMEOUT * 1000)) s settle=0
	while [ "$(ms)" -lt "$deadline" ]; do
		s=$(screen)
		case $s in
		*"(ouverture d'un litige)"*)
			echo dispute
			return
			;;
		*"Saisie non enregistrée à la fermeture"*)
			printf 'grid %s' "$(printf '%s' "$s" | sed -n 's/.*« \(.*\) ».*/\1/p' | head -n 1)"
			return
			;;
		*"Un formulaire de saisine n'était pas enregistré"*)
			echo form
			return
			;;
		*"Identifiant : 33069-2016"*)
			# the offer comes right after the first screen
			settle=$((settle + 1))
			if [ "$settle" -ge 10 ]; then
				echo none
				return
			fi
			;;
		esac
		sleep 0.02
	done
	echo timeout
}

# sig_verify: the database is sound and holds exactly what was
# acknowledged (values and requests).
sig_verify() {
	local what=$1
	if ! sound "$SIG_DB"; then
		echo "# $what: suivi check: $(cat "$W/out" "$W/err")"
		return 1
	fi
	apply_acks /dev/null "$W/ack" | cut -f1,2 >"$W/expected"
	measurements "$SIG_DB" 2026 | cut -f1,2 >"$W/now" || return 1
	if ! cmp -s "$W/expected" "$W/now"; then
		echo "# $what: values acknowledged / in the database:"
		diff "$W/expected" "$W/now" | sed 's/^/#   /'
		return 1
	fi
	awk -F'\t' '$1 == "saisine" { print $3 }' "$W/ack" | sort >"$W/expected"
	request_objects "$SIG_DB" >"$W/now" || return 1
	if ! cmp -s "$W/expected" "$W/now"; then
		echo "# $what: requests acknowledged / in the database:"
		diff "$W/expected" "$W/now" | sed 's/^/#   /'
		return 1
	fi
	awk -F'\t' '$1 == "litige" { print $3 }' "$W/ack" | sort >"$W/expected"
	dispute_objects "$SIG_DB" >"$W/now" || return 1
	if ! cmp -s "$W/expected" "$W/now"; then
		echo "# $what: disputes acknowledged / in the database:"
		diff "$W/expected" "$W/now" | sed 's/^/#   /'
		return 1
	fi
	return 0
}

s_signals() {
	local run kind phase sig draft="" offer v obj i m t0 dt pid st
	local slow=0 maxms=0 bad_exit=0 not_restored=0 bad_data=0 bad_offer=0
	local offered=0 resumed=0 dropped=0 nhup=0 nterm=0 nint=0 start
	local ngrid=0 nform=0 ndis=0
	local -a sigs=(HUP TERM INT)
	fresh
	start=$(ms)
	: >"$W/ack"
	e2e_start -s 110x34 SUIVI_ACK_LOG="$W/ack"
	SIG_DB=$E2E_DIR/home/.local/share/suivi/suivi.db
	for run in $(seq 1 $((STRESS_SIGNAL_RUNS + 1))); do
		[ "$run" = 1 ] || e2e_restart
		# what the previous run left is offered, once
		offer=$(startup_offer)
		case "$draft|$offer" in
		"|none" | "maybe:"*"|none") ;;
		"grid:"*"|grid "* | "maybe:grid:"*"|grid "*)
			v=${draft#maybe:}
			v=${v#grid:}
			if [ "${offer#grid }" != "$v" ]; then
				bad_offer=$((bad_offer + 1))
				echo "# run $run: offered « ${offer#grid } », typed « $v »"
			fi
			;;
		"form:"*"|form" | "maybe:form:"*"|form") ;;
		"dispute:"*"|dispute" | "maybe:dispute:"*"|dispute") ;;
		*)
			bad_offer=$((bad_offer + 1))
			echo "# run $run: left « $draft », offered: $offer"
			screen | sed 's/^/#   | /'
			;;
		esac
		case $offer in
		grid*)
			offered=$((offered + 1))
			if [ $((RANDOM % 2)) = 0 ]; then
				keys o
				wait_for "Entrée enregistre" && wait_for "$v" && keys Enter &&
					wait_for "Enregistré :" && resumed=$((resumed + 1))
			else
				keys n
				wait_for "Brouillon abandonné" && dropped=$((dropped + 1))
			fi
			;;
		form)
			offered=$((offered + 1))
			obj=${draft#maybe:}
			obj=${obj#form:}
			if [ $((RANDOM % 2)) = 0 ]; then
				keys o
				wait_for "$obj" && keys Enter &&
					wait_for "Saisine enregistrée : $obj" &&
					resumed=$((resumed + 1))
			else
				keys n
				wait_for "Brouillon abandonné" && dropped=$((dropped + 1))
			fi
			;;
		dispute)
			offered=$((offered + 1))
			obj=${draft#maybe:}
			obj=${obj#dispute:}
			if [ $((RANDOM % 2)) = 0 ]; then
				keys o
				wait_for "$obj" && keys Enter &&
					wait_for "Litige ouvert : $obj" &&
					resumed=$((resumed + 1))
			else
				keys n
				wait_for "Brouillon abandonné" && dropped=$((dropped + 1))
			fi
			;;
		none) ;;
		*) not_ok "run $run: suivi démarre" ;;
		esac
		if ! sig_verify "run $run, after the offer"; then
			bad_data=$((bad_data + 1))
		fi
		[ "$run" -gt "$STRESS_SIGNAL_RUNS" ] && break

		sig=${sigs[$((RANDOM % 3))]}
		case $sig in HUP) nhup=$((nhup + 1)) ;; TERM) nterm=$((nterm + 1)) ;; *) nint=$((nint + 1)) ;; esac
		phase=$((RANDOM % 3))	# 0 idle, 1 typing, 2 Enter just sent
		kind=$((RANDOM % 3))
		if [ "$kind" = 0 ]; then
			kind=grid
			ngrid=$((ngrid + 1))
			keys M-2
			wait_for "Tableau de bord 2026"
			keys g Down Down Down Down Down Down Down
			wait_for "3.3.1 · "
			m=$((RANDOM % 3))
			for i in $(seq 1 "$m"); do
				v="$((1 + RANDOM % 3)),$i"
				text "$v"
				keys Enter
				wait_for "= $v "
			done
			v="$((1 + RANDOM % 3)),$((4 + RANDOM % 6))"
			case $phase in
			0) draft= ;;
			1) text "$v"; wait_for "Entrée enregistre"; wait_for "$v"; draft="grid:$v" ;;
			2) text "$v"; wait_for "Entrée enregistre"; wait_for "$v"; keys Enter; draft="maybe:grid:$v" ;;
			esac
		elif [ "$kind" = 1 ]; then
			kind=dispute
			ndis=$((ndis + 1))
			obj="Litige $run-$RANDOM"
			# Échap: from a dispute's page (a draft resumed) to the list
			keys M-4 Escape
			wait_for "Litiges :"
			keys n
			wait_for "Ouvrir un litige"
			case $phase in
			0) draft= ;;
			*)
				keys Tab
				text "$obj"
				wait_for "$obj"
				draft="dispute:$obj"
				if [ "$phase" = 2 ]; then
					keys Enter
					draft="maybe:dispute:$obj"
				fi
				;;
			esac
		else
			kind=form
			nform=$((nform + 1))
			obj="Objet $run-$RANDOM"
			keys M-3
			wait_for "Saisines :"
			keys n
			wait_for "Nouvelle saisine"
			case $phase in
			0) draft= ;;
			*)
				text u
				wait_for "en urgence"
				keys Enter Tab Tab Tab Tab Tab Tab
				text "$obj"
				wait_for "$obj"
				draft="form:$obj"
				if [ "$phase" = 2 ]; then
					keys Enter
					draft="maybe:form:$obj"
				fi
				;;
			esac
		fi
		# a random moment: up to 0.3 s later (0.03 s after an Enter)
		if [ "$phase" = 2 ]; then
			sleep "0.0$((RANDOM % 4))"
		else
			sleep "0.$((RANDOM % 3))$((RANDOM % 10))"
		fi
		pid=$(suivi_pid)
		t0=$(ms)
		kill -s "$sig" "$pid"
		if poll_for "[[exit="; then
			dt=$(($(ms) - t0))
			[ "$dt" -gt "$maxms" ] && maxms=$dt
			[ "$dt" -gt 2000 ] && slow=$((slow + 1))
		else
			slow=$((slow + 1))
		fi
		st=$(screen | sed -n 's/.*\[\[exit=\([0-9]*\)\]\].*/\1/p' | tail -n 1)
		if [ "$st" != 0 ]; then
			bad_exit=$((bad_exit + 1))
			echo "# run $run ($kind, SIG$sig, phase $phase): exit status « $st »"
		fi
		if [ "$(tm display -p -t e2e '#{alternate_on} #{cursor_flag}')" != "0 1" ]; then
			not_restored=$((not_restored + 1))
			echo "# run $run ($kind, SIG$sig, phase $phase): terminal not restored"
		fi
		if ! sig_verify "run $run ($kind, SIG$sig, phase $phase)"; then
			bad_data=$((bad_data + 1))
		fi
	done
	keys q
	poll_for "[[exit=0]]"
	check "signals: $STRESS_SIGNAL_RUNS runs ($ngrid in the grid, $nform in the request form, $ndis in the dispute form; SIGHUP $nhup, SIGTERM $nterm, SIGINT $nint) at random moments: suivi ends within 2 s (slowest $maxms ms)" \
		'[ "$slow" = 0 ]'
	check "signals: exit status 0 every time" '[ "$bad_exit" = 0 ]'
	check "signals: the terminal is restored every time (main screen, cursor visible)" \
		'[ "$not_restored" = 0 ]'
	check "signals: after each, base saine and exactly the values, requests and disputes acknowledged ($(grep -c '^valeur' "$W/ack") values, $(grep -c '^saisine' "$W/ack") requests, $(grep -c '^litige' "$W/ack") disputes)" \
		'[ "$bad_data" = 0 ]'
	check "signals: what was being typed is offered back at the next start, as typed ($offered offers: $resumed resumed and saved, $dropped dropped)" \
		'[ "$bad_offer" = 0 ] && [ "$offered" -gt 0 ]'
	e2e_stop
	echo "# signals: $(($(ms) - start)) ms"
}
