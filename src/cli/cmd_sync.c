/*
 * suivi sync export -o FICHIER [--commune C] [--peer NOM] [--all] [--force]
 * suivi sync import FICHIER…
 * suivi sync status
 * suivi sync conflicts [--commune C] [--all]
 * suivi sync review N | --all [--commune C]
 *
 * Two laptops, one truth (sync.h): the file for the other computer, the
 * file from it, what each side has, the conflicts to review.
 */
#include "suivi/cli.h"
#include "suivi/date.h"
#include "suivi/store_contract.h"
#include "suivi/sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
	"sync : usage : suivi sync export -o FICHIER [--commune C] "
	"[--peer NOM] [--all] [--force] | import FICHIER|DOSSIER… | status | "
	"conflicts [--commune C] [--all] | review N|--all [--commune C]";

/* A stamp of the log as the user reads it: local time (date.h). */
static void stamp_fr(const char *iso, char *buf, size_t n)
{
	char d[DATE_STAMP_LEN];

	date_stamp_local(iso ? iso : "", d);
	snprintf(buf, n, "%s", iso ? d : "—");
}

static int do_export(struct app *app, int argc, char **argv)
{
	struct sync_export_opts o = { 0 };
	struct sync_export_result r;
	struct store *st;
	struct err e;
	int rc;

	for (int i = 2; i < argc; i++) {
		int t;

		if ((t = cli_option(argc, argv, &i, "-o", &o.path, "sync")) ||
		    (t = cli_option(argc, argv, &i, "--output", &o.path,
				    "sync")) ||
		    (t = cli_option(argc, argv, &i, "--commune", &o.commune,
				    "sync")) ||
		    (t = cli_option(argc, argv, &i, "--peer", &o.peer,
				    "sync"))) {
			if (t < 0)
				return EXIT_USAGE;
		} else if (!strcmp(argv[i], "--all")) {
			o.all = true;
		} else if (!strcmp(argv[i], "--force")) {
			o.force = true;
		} else {
			return cli_usage_error("sync export : argument inconnu "
					       "« %s »\n%s", argv[i], usage);
		}
	}
	if (!o.path)
		return cli_usage_error("sync export : indiquez le fichier à "
				       "écrire (-o FICHIER)");
	if (cli_open_store(app, STORE_READ, &st, &e) != 0)
		return cli_fail(&e);
	rc = sync_export(st, &o, &r, &e);
	if (rc != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	cli_printf(stdout, "%s : %zu changement%s (%lld ligne%s) pour « %s »%s\n", r.path,
	       r.entries, r.entries > 1 ? "s" : "", r.rows,
	       r.rows > 1 ? "s" : "", r.peer,
	       r.entries ? "" : " : rien de nouveau depuis le dernier fichier");
	sync_export_result_release(&r);
	store_close(st);
	return EXIT_OK;
}

static int do_import(struct app *app, int argc, char **argv)
{
	struct store *st;
	struct err e;
	int rc = EXIT_OK;

	if (argc < 3)
		return cli_usage_error("sync import : indiquez le fichier à "
				       "importer\n%s", usage);
	for (int i = 2; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("sync import : option inconnue "
					       "« %s »", argv[i]);
	if (cli_open_store(app, STORE_READ, &st, &e) != 0)
		return cli_fail(&e);
	/* each file whole or not at all, in the order given; a folder's
	 * files oldest first */
	for (int i = 2; i < argc; i++) {
		struct sync_receipt r;
		struct stat sb;
		char *words;

		if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			struct sync_folder_item *it;
			size_t n;

			if (sync_import_folder(st, argv[i], &it, &n, &e) != 0) {
				rc = cli_fail(&e);
				break;
			}
			if (!n)
				cli_printf(stdout, "%s : aucun fichier .sync\n", argv[i]);
			for (size_t k = 0; k < n; k++) {
				if (it[k].own) {
					cli_printf(stdout, "%s : écrit par cette base, "
					       "laissé de côté\n", it[k].path);
				} else if (it[k].rc) {
					cli_printf(stderr, "suivi : %s\n",
						it[k].msg);
					rc = EXIT_DATA;
				} else {
					words = sync_receipt_words(&it[k].r);
					cli_printf(stdout, "%s : %s\n", it[k].path, words);
					free(words);
				}
			}
			sync_folder_items_free(it, n);
			continue;
		}
		if (sync_import(st, argv[i], &r, &e) != 0) {
			rc = cli_fail(&e);
			break;
		}
		words = sync_receipt_words(&r);
		cli_printf(stdout, "%s : %s\n", argv[i], words);
		free(words);
	}
	store_close(st);
	return rc;
}

static void print_conflict(const struct sync_conflict *c)
{
	char *what = sync_conflict_what(c);
	char *kept = sync_conflict_version(c->kept);
	char *lost = sync_conflict_version(c->lost);
	char at[64];

	cli_printf(stdout, "n°%lld  %s (%s) — %s, %s\n", c->id, c->commune, c->contract,
	       what, sync_conflict_kind(c));
	stamp_fr(c->kept_at, at, sizeof at);
	cli_printf(stdout, "    gardé : %s (%s, %s)\n", kept,
	       c->kept_by ? c->kept_by : "?", at);
	stamp_fr(c->lost_at, at, sizeof at);
	cli_printf(stdout, "    écarté : %s (%s, %s)\n", lost,
	       c->lost_by ? c->lost_by : "?", at);
	if (c->reviewed_at) {
		stamp_fr(c->reviewed_at, at, sizeof at);
		cli_printf(stdout, "    examiné le %s\n", at);
	}
	free(what);
	free(kept);
	free(lost);
}

static int do_status(struct app *app, int argc, char **argv)
{
	struct sync_status s;
	struct sync_conflict *cs;
	size_t n;
	struct store *st;
	struct err e;
	char at[64];

	(void)argv;
	if (argc > 2)
		return cli_usage_error("sync status : argument de trop « %s »",
				       argv[2]);
	if (cli_open_store(app, STORE_READ, &st, &e) != 0)
		return cli_fail(&e);
	if (store_sync_status(st, &s, &e) != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	cli_printf(stdout, "Base : %s (identifiant %s)\n", store_path(st), s.db_id);
	cli_printf(stdout, "Changements : %lld au journal, dont %lld faits ici",
	       s.entries, s.local_entries);
	if (s.pending)
		cli_printf(stdout, ", %lld en attente d'un fichier antérieur", s.pending);
	cli_printf(stdout, "\n");
	if (!s.n_peers)
		cli_printf(stdout, "Fichiers écrits : aucun\n");
	for (size_t i = 0; i < s.n_peers; i++) {
		stamp_fr(s.peers[i].exported_at, at, sizeof at);
		cli_printf(stdout, "Écrit pour « %s » : le %s, %lld changement%s (%s)\n",
		       s.peers[i].name, at, s.peers[i].entries,
		       s.peers[i].entries > 1 ? "s" : "",
		       s.peers[i].file ? s.peers[i].file : "—");
	}
	if (!s.n_sources)
		cli_printf(stdout, "Fichiers reçus : aucun\n");
	for (size_t i = 0; i < s.n_sources; i++) {
		const struct sync_source_seen *o = &s.sources[i];

		stamp_fr(o->imported_at, at, sizeof at);
		cli_printf(stdout, "Reçu de %s (base %.8s…) : le %s (%s)\n",
		       o->label ? o->label : "?", o->db_id, at,
		       o->file ? o->file : "—");
		cli_printf(stdout, "    quand elle a écrit ce fichier, elle avait reçu "
		       "%lld de nos %lld changement%s\n", o->has_of_ours,
		       o->ours, o->ours > 1 ? "s" : "");
	}
	cli_printf(stdout, "Conflits à examiner : %lld\n", s.conflicts_open);
	if (s.conflicts_open &&
	    store_sync_conflicts(st, NULL, false, &cs, &n, &e) == 0) {
		for (size_t i = 0; i < n; i++)
			print_conflict(&cs[i]);
		sync_conflicts_free(cs, n);
	}
	sync_status_release(&s);
	store_close(st);
	return EXIT_OK;
}

static int do_conflicts(struct app *app, int argc, char **argv, bool review)
{
	const char *commune = NULL, *number = NULL;
	bool all = false;
	struct store *st;
	struct err e;
	char uid[STORE_UID_LEN];
	int rc = EXIT_OK;

	for (int i = 2; i < argc; i++) {
		int t;

		if ((t = cli_option(argc, argv, &i, "--commune", &commune,
				    "sync"))) {
			if (t < 0)
				return EXIT_USAGE;
		} else if (!strcmp(argv[i], "--all")) {
			all = true;
		} else if (review && !number && argv[i][0] != '-') {
			number = argv[i];
		} else {
			return cli_usage_error("sync %s : argument inconnu « %s »",
					       argv[1], argv[i]);
		}
	}
	if (review && !number == !all)
		return cli_usage_error("sync review : indiquez un numéro de "
				       "conflit ou --all");
	if (cli_open_store(app, STORE_READ, &st,
			   &e) != 0)
		return cli_fail(&e);
	if (commune && store_contract_find(st, commune, uid, &e) != 0) {
		store_close(st);
		return cli_fail(&e);
	}
	if (review) {
		long long id = 0, marked;
		char *end;

		if (number) {
			id = strtoll(number, &end, 10);
			if (*end || id <= 0) {
				store_close(st);
				return cli_usage_error("sync review : numéro de "
						       "conflit « %s » invalide",
						       number);
			}
		}
		if (store_sync_conflict_reviewed(st, id, commune ? uid : NULL,
						 &marked, &e) != 0)
			rc = cli_fail(&e);
		else
			cli_printf(stdout, "%lld conflit%s marqué%s examiné%s\n", marked,
			       marked > 1 ? "s" : "", marked > 1 ? "s" : "",
			       marked > 1 ? "s" : "");
	} else {
		struct sync_conflict *cs;
		size_t n;

		if (store_sync_conflicts(st, commune ? uid : NULL, all, &cs, &n,
					 &e) != 0) {
			rc = cli_fail(&e);
		} else {
			if (!n)
				cli_printf(stdout, "Aucun conflit%s.\n",
				       all ? "" : " à examiner");
			for (size_t i = 0; i < n; i++)
				print_conflict(&cs[i]);
			sync_conflicts_free(cs, n);
		}
	}
	store_close(st);
	return rc;
}

int cmd_sync(struct app *app, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("%s", usage);
	if (!strcmp(argv[1], "export"))
		return do_export(app, argc, argv);
	if (!strcmp(argv[1], "import"))
		return do_import(app, argc, argv);
	if (!strcmp(argv[1], "status"))
		return do_status(app, argc, argv);
	if (!strcmp(argv[1], "conflicts"))
		return do_conflicts(app, argc, argv, false);
	if (!strcmp(argv[1], "review"))
		return do_conflicts(app, argc, argv, true);
	return cli_usage_error("sync : sous-commande inconnue « %s »\n%s",
			       argv[1], usage);
}
