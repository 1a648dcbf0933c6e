#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "suivi/config.h"
#include "suivi/lock.h"
#include "suivi/paths.h"

static void xdg(void)
{
	char *home = t_path("home");

	setenv("HOME", home, 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	free(home);
}

Test(config, defaults_follow_xdg_when_there_is_no_file)
{
	struct config cfg;
	struct diag_list w, e;
	char *want;

	xdg();
	diag_list_init(&w);
	diag_list_init(&e);
	cr_assert_eq(config_load(NULL, &cfg, &w, &e), 0);
	cr_assert_null(cfg.path);
	want = t_path("home/.local/share/suivi/suivi.db");
	cr_assert_str_eq(cfg.db_path, want);
	free(want);
	cr_assert_eq(cfg.color, COLOR_AUTO);
	cr_assert_eq(cfg.date_format, DATEFMT_FR);
	cr_assert_null(cfg.referent);
	config_release(&cfg);
	setenv("XDG_DATA_HOME", "/data", 1);
	setenv("XDG_CONFIG_HOME", "relative/ignored", 1);
	cr_assert_eq(config_load(NULL, &cfg, &w, &e), 0);
	cr_assert_str_eq(cfg.db_path, "/data/suivi/suivi.db");
	config_release(&cfg);
	want = paths_default_config();
	cr_assert(strstr(want, "/home/.config/suivi/suivi.ini"), "%s", want);
	free(want);
	cr_assert_eq(w.n + e.n, 0);
	diag_list_release(&w);
	diag_list_release(&e);
}

Test(config, reads_every_setting)
{
	struct config cfg;
	struct diag_list w, e;
	char *p;

	xdg();
	p = t_write("s.ini", "[suivi]\n"
			     "base = ~/donnees/suivi.db\n"
			     "referent = Marie Dupont\n"
			     "commune = Le Haillan\n"
			     "[affichage]\n"
			     "couleurs = non\n"
			     "format_date = AAAA-MM-JJ\n");
	diag_list_init(&w);
	diag_list_init(&e);
	cr_assert_eq(config_load(p, &cfg, &w, &e), 0, "%s", e.n ? e.v[0].msg : "");
	cr_assert(strstr(cfg.db_path, "/home/donnees/suivi.db"), "%s",
		  cfg.db_path);
	cr_assert_str_eq(cfg.referent, "Marie Dupont");
	cr_assert_str_eq(cfg.commune, "Le Haillan");
	cr_assert_eq(cfg.color, COLOR_OFF);
	cr_assert_eq(cfg.date_format, DATEFMT_ISO);
	cr_assert_str_eq(cfg.path, p);
	config_release(&cfg);
	free(p);
	p = t_write("rel.ini", "[suivi]\nbase = ici/s.db\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), 0);
	{
		char *want = t_path("ici/s.db");

		cr_assert_str_eq(cfg.db_path, want);
		free(want);
	}
	config_release(&cfg);
	diag_list_release(&w);
	diag_list_release(&e);
	free(p);
}

Test(config, warns_about_unknown_keys_and_refuses_bad_values)
{
	struct config cfg;
	struct diag_list w, e;
	char *p;

	xdg();
	diag_list_init(&w);
	diag_list_init(&e);
	p = t_write("w.ini", "[suivi]\nreferent = A\ntheme = sombre\n"
			     "[autre]\nx = 1\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), 0);
	cr_assert_eq(w.n, 2);
	cr_assert_eq(w.v[0].line, 3);
	cr_assert(strstr(w.v[0].msg, "theme"));
	cr_assert_eq(w.v[1].line, 4);
	config_release(&cfg);
	free(p);
	p = t_write("e.ini", "[affichage]\ncouleurs = peut-être\n"
			     "format_date = mm/jj/aaaa\n[suivi]\nbase =\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), -1);
	cr_assert_eq(e.n, 3);
	cr_assert_eq(e.v[0].line, 2);
	cr_assert_eq(e.v[1].line, 3);
	cr_assert_eq(e.v[2].line, 5);
	cr_assert_str_eq(e.v[0].file, p);
	config_release(&cfg);
	free(p);
	diag_list_release(&w);
	diag_list_release(&e);
}

Test(config, refuses_a_missing_explicit_file_and_bad_syntax)
{
	struct config cfg;
	struct diag_list w, e;
	char *missing = t_path("absent.ini");
	char *bad = t_write("bad.ini", "[suivi]\nreferent = Dupont #2\n");

	xdg();
	diag_list_init(&w);
	diag_list_init(&e);
	cr_assert_eq(config_load(missing, &cfg, &w, &e), -1);
	config_release(&cfg);
	cr_assert_eq(config_load(bad, &cfg, &w, &e), -1);
	cr_assert_eq(e.v[1].line, 2);
	cr_assert(strstr(e.v[1].msg, "guillemets"));
	config_release(&cfg);
	diag_list_release(&w);
	diag_list_release(&e);
	free(missing);
	free(bad);
}

Test(lock, a_second_instance_is_told_who_holds_the_database)
{
	char *db = t_path("l.db");
	char pid[32];
	struct lock a, b;
	struct err e;

	cr_assert_eq(lock_acquire(db, &a, &e), 0, "%s", e.msg);
	cr_assert_eq(lock_acquire(db, &b, &e), -1);
	cr_assert_eq(e.code, ERR_BUSY);
	snprintf(pid, sizeof pid, "processus %ld", (long)getpid());
	cr_assert(strstr(e.msg, pid), "%s", e.msg);
	lock_release(&a);
	cr_assert_eq(lock_acquire(db, &b, &e), 0, "%s", e.msg);
	lock_release(&b);
	free(db);
}

Test(config, reports_folder_defaults_to_documents_and_can_be_set)
{
	struct config cfg;
	struct diag_list w, e;
	char *p, *want;

	xdg();
	diag_list_init(&w);
	diag_list_init(&e);
	cr_assert_eq(config_load(NULL, &cfg, &w, &e), 0);
	want = t_path("home/Documents/suivi");
	cr_assert_str_eq(cfg.reports_dir, want);
	free(want);
	config_release(&cfg);
	p = t_write("r.ini", "[suivi]\nrapports = ~/CR\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), 0);
	want = t_path("home/CR");
	cr_assert_str_eq(cfg.reports_dir, want);
	free(want);
	config_release(&cfg);
	free(p);
	p = t_write("r2.ini", "[suivi]\nrapports = cr\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), 0);
	want = t_path("cr");
	cr_assert_str_eq(cfg.reports_dir, want);
	free(want);
	config_release(&cfg);
	free(p);
	p = t_write("r3.ini", "[suivi]\nrapports =\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), -1);
	cr_assert_eq(e.n, 1);
	cr_assert_eq(e.v[0].line, 2);
	cr_assert(strstr(e.v[0].msg, "« rapports » est vide"), "%s", e.v[0].msg);
	config_release(&cfg);
	free(p);
	cr_assert_eq(w.n, 0);
	diag_list_release(&w);
	diag_list_release(&e);
}

Test(config, reads_who_sends_the_evaluation)
{
	struct config cfg;
	struct diag_list w, e;
	char *p;

	xdg();
	diag_list_init(&w);
	diag_list_init(&e);
	p = t_write("ev.ini", "[evaluation]\n"
			      "expediteur = Marie Durand\n"
			      "fonction = \"Adjointe au DGS ; pôle territorial\"\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), 0, "%s",
		     e.n ? e.v[0].msg : "");
	cr_expect_eq(w.n, 0);
	cr_expect_str_eq(cfg.sender, "Marie Durand");
	cr_expect_str_eq(cfg.sender_function,
			 "Adjointe au DGS ; pôle territorial");
	config_release(&cfg);
	free(p);
	/* empty: unset; unknown key: a warning naming it */
	p = t_write("ev2.ini", "[evaluation]\nexpediteur =\nsignataire = X\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), 0);
	cr_expect_null(cfg.sender);
	cr_expect_null(cfg.sender_function);
	cr_assert_eq(w.n, 1);
	cr_expect(strstr(w.v[0].msg, "« signataire » inconnue dans "
			 "[evaluation]"), "%s", w.v[0].msg);
	config_release(&cfg);
	free(p);
	/* none: unset too */
	diag_list_release(&w);
	diag_list_init(&w);
	p = t_write("ev3.ini", "[autre]\nx = 1\n");
	cr_assert_eq(config_load(p, &cfg, &w, &e), 0);
	cr_expect_null(cfg.sender);
	cr_assert_eq(w.n, 1);
	cr_expect(strstr(w.v[0].msg, "[suivi], [affichage], [evaluation]"),
		  "%s", w.v[0].msg);
	config_release(&cfg);
	free(p);
	diag_list_release(&w);
	diag_list_release(&e);
}

Test(lock, every_name_of_one_file_shares_its_lock)
{
	char *db = t_path("n.db"), *hard = t_path("n-hard.db"),
	     *soft = t_path("n-soft.db");
	struct lock a, b;
	struct err e;
	FILE *f = fopen(db, "w");

	cr_assert(f);
	fclose(f);
	cr_assert_eq(link(db, hard), 0);
	cr_assert_eq(symlink(db, soft), 0);
	cr_assert_eq(lock_acquire(db, &a, &e), 0, "%s", e.msg);
	cr_assert_eq(lock_acquire(hard, &b, &e), -1);
	cr_assert_eq(e.code, ERR_BUSY);
	cr_assert(strstr(e.msg, "sous un autre nom"), "%s", e.msg);
	cr_assert_eq(lock_acquire(soft, &b, &e), -1);
	cr_assert_eq(e.code, ERR_BUSY);
	lock_release(&a);
	cr_assert_eq(lock_acquire(hard, &b, &e), 0, "%s", e.msg);
	lock_release(&b);
	free(db), free(hard), free(soft);
}

Test(lock, a_path_that_is_not_a_file_is_refused_and_nothing_made)
{
	char *fifo = t_path("p.fifo"), *dir = t_path("p.dir"), *lk;
	struct lock a;
	struct err e;

	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_eq(mkdir(dir, 0700), 0);
	cr_assert_eq(lock_acquire(fifo, &a, &e), -1);
	cr_assert_eq(e.code, ERR_INPUT);
	cr_assert(strstr(e.msg, "n'est pas un fichier ordinaire"), "%s", e.msg);
	lk = t_path("p.fifo.lock");
	cr_assert_eq(access(lk, F_OK), -1);
	free(lk);
	cr_assert_eq(lock_acquire(dir, &a, &e), -1);
	cr_assert_eq(e.code, ERR_INPUT);
	lk = t_path("p.dir.lock");
	cr_assert_eq(access(lk, F_OK), -1);
	free(lk);
	cr_assert_eq(lock_acquire("/dev/null", &a, &e), -1);
	cr_assert_eq(e.code, ERR_INPUT);
	free(fifo), free(dir);
}
