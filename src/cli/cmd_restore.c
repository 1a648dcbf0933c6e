#include "suivi/cli.h"
#include "suivi/lock.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The backup takes the database's place under the database's lock (no
 * interface may have it open), then is opened the normal way: brought
 * to the current schema, its contracts counted for the message. */
int cmd_restore(struct app *app, int argc, char **argv)
{
	const char *backup = NULL;
	struct lock lk;
	struct store *st;
	struct err e;
	char *kept = NULL;

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("restore : option inconnue « %s »",
					       argv[i]);
		if (backup)
			return cli_usage_error("restore : une seule sauvegarde à "
					       "remettre en place");
		backup = argv[i];
	}
	if (!backup)
		return cli_usage_error("restore : donnez le fichier de la "
				       "sauvegarde (faite avec suivi backup)");
	err_clear(&e);
	if (lock_acquire(app->db_path, &lk, &e) != 0) {
		if (e.code == ERR_BUSY) {
			char *why = xstrdup(e.msg);

			err_set(&e, ERR_BUSY, "restauration impossible : %s", why);
			free(why);
		}
		return cli_fail(&e);
	}
	if (store_restore(backup, app->db_path, &kept, &e) != 0) {
		lock_release(&lk);
		return cli_fail(&e);
	}
	cli_printf(stderr, "suivi : sauvegarde %s remise en place comme base %s "
		   "(vérifiée : saine)%s%s\n", backup, app->db_path,
		   kept ? " ; la base qu'elle remplace est gardée sous " : "",
		   kept ? kept : "");
	free(kept);
	if (cli_open_store(app, STORE_READ, &st, &e) != 0) {
		lock_release(&lk);
		return cli_fail(&e);
	}
	store_close(st);
	lock_release(&lk);
	return EXIT_OK;
}
