#include "suivi/cli.h"
#include "suivi/date.h"
#include "suivi/lock.h"
#include "suivi/store_contract.h"

#include <string.h>
#include <unistd.h>

static void show_date(const struct app *app, const char *iso, char *buf)
{
	struct date d;

	if (!iso || date_parse(iso, &d) != 0) {
		snprintf(buf, DATE_ISO_LEN, "%s", iso ? iso : "?");
		return;
	}
	if (app->cfg.date_format == DATEFMT_ISO)
		date_format_iso(d, buf);
	else
		date_format_fr(d, buf);
}

static const char *plural(long n, const char *one, const char *many)
{
	return n > 1 ? many : one;
}

int cmd_summary(struct app *app, int argc, char **argv)
{
	struct contract_info *cs = NULL;
	struct store_totals t;
	struct lock lk = { .fd = -1, .path = NULL, .db_fd = -1 };
	struct store *st = NULL;
	char today_iso[DATE_ISO_LEN], today[DATE_ISO_LEN], buf[DATE_ISO_LEN];
	struct date d;
	size_t n = 0;
	struct err e;
	int ret = EXIT_DATA;

	(void)argv;
	if (argc > 1)
		return cli_usage_error("summary : aucun argument attendu");
	err_clear(&e);
	date_today(&d);
	date_format_iso(d, today_iso);
	show_date(app, today_iso, today);
	if (cli_open_interactive(app, STORE_VIEW, &st, &lk, &e) != 0) {
		ret = cli_fail(&e);
		goto out;
	}
	if (store_contract_list(st, &cs, &n, &e) != 0 ||
	    store_totals(st, &t, &e) != 0) {
		ret = cli_fail(&e);
		goto out;
	}
	if (app->cfg.commune) {
		char uid[STORE_UID_LEN];
		struct err ignored;

		if (store_contract_find(st, app->cfg.commune, uid, &ignored) != 0)
			cli_printf(stderr, "suivi : avertissement : la commune par "
				"défaut « %s » (%s) ne correspond à aucun contrat\n",
				app->cfg.commune, app->cfg.path ? app->cfg.path
								: "réglages");
	}
	cli_printf(stdout, "Base : %s (schéma %d)\n", store_path(st),
	       store_schema_version(st));
	cli_printf(stdout, "%zu contrat%s\n", n, n > 1 ? "s" : "");
	for (size_t i = 0; i < n; i++) {
		struct annex_info *an = NULL, *all = NULL;
		size_t na = 0, nall = 0;

		show_date(app, cs[i].starts_on, buf);
		cli_printf(stdout, "\n%s (INSEE %s) : contrat %s, depuis le %s, %d avenant%s\n",
		       cs[i].commune, cs[i].insee, cs[i].identifier, buf,
		       cs[i].n_amendments, cs[i].n_amendments > 1 ? "s" : "");
		if (store_annexes_in_force(st, cs[i].uid, today_iso, &an, &na,
					   &e) != 0 ||
		    store_annex_versions(st, cs[i].uid, &all, &nall, &e) != 0) {
			store_annex_list_free(an, na);
			ret = cli_fail(&e);
			goto out;
		}
		if (nall == 0)
			cli_printf(stdout, "  aucune annexe transcrite\n");
		else
			cli_printf(stdout, "  annexes en vigueur le %s :\n", today);
		/* a domain whose first version comes later: nothing yet */
		for (size_t k = 0; k < nall; k++) {
			bool in_force = false;

			if (k > 0 && !strcmp(all[k - 1].domain_code,
					     all[k].domain_code))
				continue;
			for (size_t j = 0; j < na && !in_force; j++)
				in_force = !strcmp(an[j].domain_code,
						   all[k].domain_code);
			if (in_force)
				continue;
			show_date(app, all[k].in_force_from, buf);
			cli_printf(stdout, "  - %s (%s) : aucune annexe transcrite en vigueur "
			       "le %s ; la première l'est à partir du %s\n",
			       all[k].domain_name, all[k].domain_code, today, buf);
		}
		store_annex_list_free(all, nall);
		for (size_t k = 0; k < na; k++) {
			const struct annex_info *a = &an[k];
			char version[64];

			show_date(app, a->in_force_from, buf);
			if (a->version == 0)
				snprintf(version, sizeof version, "annexe du contrat");
			else
				snprintf(version, sizeof version, "avenant n°%d",
					 a->version);
			cli_printf(stdout, "  - %s (%s), %s, depuis le %s\n", a->domain_name,
			       a->domain_code, version, buf);
			cli_printf(stdout, "    %d sous-domaine%s, %d activité%s, %d contact%s, "
			       "%d priorité%s",
			       a->n_subdomains, plural(a->n_subdomains, "", "s"),
			       a->n_activities, plural(a->n_activities, "", "s"),
			       a->n_contacts, plural(a->n_contacts, "", "s"),
			       a->n_priorities, plural(a->n_priorities, "", "s"));
			if (a->n_removed_priorities)
				cli_printf(stdout, " (dont %d supprimée%s)",
				       a->n_removed_priorities,
				       plural(a->n_removed_priorities, "", "s"));
			cli_printf(stdout, ", %d engagement%s, %d indicateur%s\n",
			       a->n_commitments, plural(a->n_commitments, "", "s"),
			       a->n_indicators, plural(a->n_indicators, "", "s"));
		}
		store_annex_list_free(an, na);
	}
	cli_printf(stdout, "\nSaisies : %ld mesure%s, %ld cible%s, %ld saisine%s, "
	       "%ld litige%s, %ld réunion%s, %ld action%s\n",
	       t.measurements, plural(t.measurements, "", "s"),
	       t.targets, plural(t.targets, "", "s"),
	       t.requests, plural(t.requests, "", "s"),
	       t.disputes, plural(t.disputes, "", "s"),
	       t.meetings, plural(t.meetings, "", "s"),
	       t.action_items, plural(t.action_items, "", "s"));
	cli_printf(stdout, "\nDans un terminal, « suivi » ouvre l'interface plein écran ; "
	       "les commandes : suivi --help\n");
	ret = EXIT_OK;
out:
	store_contract_list_free(cs, n);
	/* the database first: closing the lock's descriptor of its file
	 * would drop SQLite's locks on it */
	store_close(st);
	if (lk.fd >= 0)
		lock_release(&lk);
	return ret;
}
