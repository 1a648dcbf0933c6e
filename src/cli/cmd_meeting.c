/*
 * suivi meeting add|action|decision|close …
 *
 * Scripted meetings (what the meeting screen does, for scripts and
 * tests; the compte rendu is `suivi report minutes`, cmd_report.c). A
 * meeting is named by its uid, or by its date with --commune.
 */
#include "suivi/cli.h"
#include "suivi/store_contract.h"
#include "suivi/store_meeting.h"
#include "suivi/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Options of every subcommand; which are allowed is checked by each. */
struct meeting_opts {
	const char *commune, *kind, *date, *place, *notes, *meeting, *what,
		   *owner, *due, *text;
};

static const struct {
	const char *name;
	size_t offset;
} opt_table[] = {
	{ "--commune", offsetof(struct meeting_opts, commune) },
	{ "--kind", offsetof(struct meeting_opts, kind) },
	{ "--type", offsetof(struct meeting_opts, kind) },
	{ "--date", offsetof(struct meeting_opts, date) },
	{ "--place", offsetof(struct meeting_opts, place) },
	{ "--lieu", offsetof(struct meeting_opts, place) },
	{ "--notes", offsetof(struct meeting_opts, notes) },
	{ "--meeting", offsetof(struct meeting_opts, meeting) },
	{ "--reunion", offsetof(struct meeting_opts, meeting) },
	{ "--what", offsetof(struct meeting_opts, what) },
	{ "--owner", offsetof(struct meeting_opts, owner) },
	{ "--due", offsetof(struct meeting_opts, due) },
	{ "--text", offsetof(struct meeting_opts, text) },
};

/* argv from 1 (after the subcommand): 0, or the usage exit status. */
static int parse(int argc, char **argv, struct meeting_opts *o)
{
	memset(o, 0, sizeof *o);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool found = false;

		for (size_t k = 0; k < sizeof opt_table / sizeof *opt_table;
		     k++) {
			size_t len = strlen(opt_table[k].name);
			const char **slot = (const char **)(void *)
				((char *)o + opt_table[k].offset);

			if (!strcmp(a, opt_table[k].name)) {
				if (i + 1 >= argc)
					return cli_usage_error("%s demande une "
							       "valeur", a);
				*slot = argv[++i];
				found = true;
			} else if (!strncmp(a, opt_table[k].name, len) &&
				   a[len] == '=') {
				*slot = a + len + 1;
				found = true;
			}
			if (found)
				break;
		}
		if (!found)
			return cli_usage_error("option inconnue « %s »", a);
	}
	/* what is stored must read back as text (reports, exports) */
	for (size_t k = 0; k < sizeof opt_table / sizeof *opt_table; k++) {
		const char *v = *(const char **)(void *)
			((char *)o + opt_table[k].offset);

		if (v && !text_utf8_valid(v, strlen(v), NULL))
			return cli_usage_error("%s : le texte n'est pas de "
					       "l'UTF-8 valide",
					       opt_table[k].name);
	}
	return 0;
}

static bool is_uid(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (!((s[n] >= '0' && s[n] <= '9') ||
		      (s[n] >= 'a' && s[n] <= 'f')))
			return false;
	return n == STORE_UID_LEN - 1;
}

/* The meeting --meeting names (uid, or date with --commune). */
static int find_meeting(struct store *st, const struct meeting_opts *o,
			char uid[STORE_UID_LEN], struct err *e)
{
	char contract[STORE_UID_LEN];

	if (!o->meeting) {
		err_set(e, ERR_USAGE, "--meeting UID|JJ/MM/AAAA est obligatoire");
		return -1;
	}
	if (is_uid(o->meeting)) {
		snprintf(uid, STORE_UID_LEN, "%s", o->meeting);
		return 0;
	}
	if (!o->commune) {
		err_set(e, ERR_USAGE, "une réunion désignée par sa date demande "
			"--commune");
		return -1;
	}
	if (store_contract_find(st, o->commune, contract, e) != 0)
		return -1;
	return store_meeting_on(st, contract, o->meeting, uid, e);
}

static int meeting_add(struct store *st, const struct meeting_opts *o,
		       struct err *e)
{
	struct meeting_input in = { 0 };
	char contract[STORE_UID_LEN], uid[STORE_UID_LEN];
	int kind;

	if (!o->commune || !o->kind || !o->date) {
		err_set(e, ERR_USAGE, "usage : suivi meeting add --commune C "
			"--kind suivi|maires|numerique|thematique|lancement|"
			"evaluation --date JJ/MM/AAAA [--place LIEU]");
		return -1;
	}
	kind = vocab_from_file(meeting_kind_vocab, MEETING_KIND_COUNT, o->kind);
	if (kind < 0)
		kind = vocab_from_db(meeting_kind_vocab, MEETING_KIND_COUNT,
				     o->kind);
	if (kind < 0) {
		char list[256];

		err_set(e, ERR_USAGE, "type de réunion inconnu « %s » (attendu "
			"%s)", o->kind, vocab_file_list(meeting_kind_vocab,
			MEETING_KIND_COUNT, list, sizeof list));
		return -1;
	}
	in.kind = (enum meeting_kind)kind;
	in.held_on = o->date;
	in.place = o->place;
	in.notes = o->notes;
	if (store_contract_find(st, o->commune, contract, e) != 0 ||
	    store_meeting_create(st, contract, &in, uid, e) != 0)
		return -1;
	cli_printf(stdout, "%s\n", uid);
	return 0;
}

static int meeting_action(struct store *st, const struct meeting_opts *o,
			  struct err *e)
{
	struct action_input in = { o->what, o->owner, o->due };
	char m[STORE_UID_LEN], uid[STORE_UID_LEN];

	if (!o->what) {
		err_set(e, ERR_USAGE, "usage : suivi meeting action --meeting "
			"UID|JJ/MM/AAAA [--commune C] --what TEXTE "
			"[--owner QUI] [--due JJ/MM/AAAA]");
		return -1;
	}
	if (find_meeting(st, o, m, e) != 0 ||
	    store_meeting_add_action(st, m, &in, uid, e) != 0)
		return -1;
	cli_printf(stdout, "%s\n", uid);
	return 0;
}

static int meeting_decision(struct store *st, const struct meeting_opts *o,
			    struct err *e)
{
	char m[STORE_UID_LEN], uid[STORE_UID_LEN];

	if (!o->text) {
		err_set(e, ERR_USAGE, "usage : suivi meeting decision --meeting "
			"UID|JJ/MM/AAAA [--commune C] --text TEXTE");
		return -1;
	}
	if (find_meeting(st, o, m, e) != 0 ||
	    store_meeting_add_decision(st, m, o->text, uid, e) != 0)
		return -1;
	cli_printf(stdout, "%s\n", uid);
	return 0;
}

static int meeting_close(struct store *st, const struct meeting_opts *o,
			 struct err *e)
{
	char m[STORE_UID_LEN];
	size_t n = 0;

	if (find_meeting(st, o, m, e) != 0 ||
	    store_meeting_close(st, m, &n, e) != 0)
		return -1;
	cli_printf(stdout, "réunion close : %zu valeur%s validée%s\n", n,
	       n > 1 ? "s" : "", n > 1 ? "s" : "");
	return 0;
}

static const struct {
	const char *name;
	int (*run)(struct store *st, const struct meeting_opts *o,
		   struct err *e);
} meeting_subs[] = {
	{ "add", meeting_add },
	{ "action", meeting_action },
	{ "decision", meeting_decision },
	{ "close", meeting_close },
};

int cmd_meeting(struct app *app, int argc, char **argv)
{
	struct meeting_opts o;
	struct store *st;
	struct err e;
	int rc;

	if (argc < 2)
		return cli_usage_error("usage : suivi meeting add|action|"
				       "decision|close OPTIONS");
	for (size_t i = 0; i < sizeof meeting_subs / sizeof *meeting_subs;
	     i++) {
		if (strcmp(argv[1], meeting_subs[i].name))
			continue;
		if ((rc = parse(argc - 1, argv + 1, &o)) != 0)
			return rc;
		if (cli_open_store(app, STORE_READ, &st, &e) != 0)
			return cli_fail(&e);
		rc = meeting_subs[i].run(st, &o, &e) == 0 ? EXIT_OK
							  : cli_fail(&e);
		store_close(st);
		return rc;
	}
	return cli_usage_error("suivi meeting : « %s » inconnu (add, action, "
			       "decision, close)", argv[1]);
}
