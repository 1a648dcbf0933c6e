/*
 * The Synchronisation screen: two laptops, one truth (sync.h). What this
 * database has in its log, the files written for each peer and received
 * from each, the exchange folder (a USB key, a shared folder); e writes
 * the file for the other computer there, i imports the files found
 * there; below, the conflicts of the commune in view to review (r).
 */
#include "ui_internal.h"
#include "suivi/date.h"
#include "suivi/strbuf.h"
#include "suivi/sync.h"
#include "suivi/xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sy_screen {
	char contract_uid[STORE_UID_LEN];
	char dir[PATH_MAX];		/* the exchange folder */
	struct sync_status status;
	struct sync_conflict *conflicts;	/* of the contract in view */
	size_t n_conflicts;
	size_t cursor, top;
	int body_rows;
	char error[ERR_MSG_MAX];
};

static void drop(struct sy_screen *sy)
{
	sync_status_release(&sy->status);
	sync_conflicts_free(sy->conflicts, sy->n_conflicts);
	sy->conflicts = NULL;
	sy->n_conflicts = 0;
}

static void reload(struct ui *ui, struct sy_screen *sy)
{
	struct err e;

	drop(sy);
	sy->error[0] = '\0';
	if (ui->n_contracts)
		snprintf(sy->contract_uid, sizeof sy->contract_uid, "%s",
			 ui->contracts[ui->contract].uid);
	if (store_sync_status(ui->st, &sy->status, &e) != 0 ||
	    store_sync_conflicts(ui->st, ui->n_contracts ? sy->contract_uid
							 : NULL,
				 false, &sy->conflicts, &sy->n_conflicts,
				 &e) != 0) {
		snprintf(sy->error, sizeof sy->error, "%s", e.msg);
		return;
	}
	if (sy->cursor >= sy->n_conflicts)
		sy->cursor = sy->n_conflicts ? sy->n_conflicts - 1 : 0;
}

static void enter(struct ui *ui)
{
	struct sy_screen *sy = ui->sy;

	if (!sy) {
		const struct config *cfg = &ui->app->cfg;
		const char *dir = cfg->sync_dir ? cfg->sync_dir
				  : cfg->reports_dir ? cfg->reports_dir
						     : ".";

		sy = ui->sy = xcalloc(1, sizeof *sy);
		snprintf(sy->dir, sizeof sy->dir, "%s", dir);
	}
	reload(ui, sy);
}

static void leave(struct ui *ui)
{
	(void)ui;
}

/* A stamp of the log in local time (date.h), "—" when none. */
static void stamp_words(const struct ui *ui, const char *iso, char *buf,
			size_t n)
{
	char d[DATE_STAMP_LEN];

	(void)ui;
	date_stamp_local(iso ? iso : "", d);
	snprintf(buf, n, "%s", iso ? d : "—");
}

/* A conflict on one line: what, how, the two versions. */
static char *conflict_line(const struct ui *ui, const struct sync_conflict *c)
{
	char *what = sync_conflict_what(c);
	char *kept = sync_conflict_version(c->kept);
	char *lost = sync_conflict_version(c->lost);
	char *line;

	(void)ui;
	line = xasprintf("%s — %s · gardé : %s (%s) · écarté : %s (%s)", what,
			 sync_conflict_kind(c), kept,
			 c->kept_by ? c->kept_by : "?", lost,
			 c->lost_by ? c->lost_by : "?");
	free(what);
	free(kept);
	free(lost);
	return line;
}

static void draw(struct ui *ui, int top, int rows, int cols)
{
	struct sy_screen *sy = ui->sy;
	const struct uiterm *t = &ui->term;
	const struct sync_status *s;
	char line[PATH_MAX + 512], dir[PATH_MAX], at[64];
	int y = top;

	if (!sy)
		return;
	if (sy->error[0]) {
		draw_text(t, top + 1, 2, cols - 4, PAINT_ERROR, sy->error);
		return;
	}
	s = &sy->status;
	ui_shown_dir(sy->dir, dir, sizeof dir);
	snprintf(line, sizeof line, "Synchronisation de cette base (%.8s) · "
		 "dossier d'échange : %s (o pour le changer)", s->db_id, dir);
	draw_text(t, y++, 0, cols, PAINT_TITLE, line);
	snprintf(line, sizeof line, "Journal : %lld changement%s, dont %lld "
		 "fait%s ici%s", s->entries, s->entries > 1 ? "s" : "",
		 s->local_entries, s->local_entries > 1 ? "s" : "",
		 s->pending ? " · en attente d'un fichier antérieur : " : "");
	if (s->pending)
		snprintf(line + strlen(line), sizeof line - strlen(line), "%lld",
			 s->pending);
	draw_text(t, y++, 0, cols, PAINT_NORMAL, line);
	if (!s->n_peers)
		draw_text(t, y++, 0, cols, PAINT_DIM, "Aucun fichier écrit (e "
			  "écrit celui de l'autre ordinateur)");
	for (size_t i = 0; i < s->n_peers && i < 3 && y < top + rows; i++) {
		stamp_words(ui, s->peers[i].exported_at, at, sizeof at);
		snprintf(line, sizeof line, "Écrit pour « %s » le %s : %lld "
			 "changement%s", s->peers[i].name, at,
			 s->peers[i].entries, s->peers[i].entries > 1 ? "s" : "");
		draw_text(t, y++, 0, cols, PAINT_NORMAL, line);
	}
	if (!s->n_sources && y < top + rows)
		draw_text(t, y++, 0, cols, PAINT_DIM, "Aucun fichier reçu (i "
			  "importe ceux du dossier d'échange)");
	for (size_t i = 0; i < s->n_sources && i < 3 && y < top + rows; i++) {
		const struct sync_source_seen *o = &s->sources[i];

		stamp_words(ui, o->imported_at, at, sizeof at);
		snprintf(line, sizeof line, "Reçu de %s (%.8s) le %s ; cette "
			 "base-là avait alors %lld de nos %lld changement%s",
			 o->label ? o->label : "?", o->db_id, at, o->has_of_ours,
			 o->ours, o->ours > 1 ? "s" : "");
		draw_text(t, y++, 0, cols, PAINT_NORMAL, line);
	}
	if (y >= top + rows - 2)
		return;
	draw_hline(t, y++, 0, cols);
	snprintf(line, sizeof line, "Conflits à examiner%s%s : %zu (les deux "
		 "côtés ont changé la même chose ; la modification la plus "
		 "récente est gardée partout)",
		 ui->n_contracts ? " pour " : "",
		 ui->n_contracts ? ui->contracts[ui->contract].commune : "",
		 sy->n_conflicts);
	draw_text(t, y++, 0, cols, PAINT_TITLE, line);
	if (!sy->n_conflicts) {
		draw_text(t, y, 2, cols - 2, PAINT_DIM, "Aucun conflit à "
			  "examiner.");
		return;
	}
	sy->body_rows = top + rows - y;
	{
		struct ui_list l = { sy->n_conflicts, sy->cursor, sy->top,
				     sy->body_rows };

		ui_list_scroll(&l);
		sy->top = l.top;
		for (int r = 0; r < sy->body_rows; r++) {
			size_t i = sy->top + (size_t)r;
			char *text;

			if (i >= sy->n_conflicts)
				break;
			text = conflict_line(ui, &sy->conflicts[i]);
			ui_list_row(ui, &l, i, y + r, 0, cols, text);
			free(text);
		}
	}
}

/* e: the file for the other computer, in the exchange folder: of the
 * commune in view or of every one when the database holds several. */
static void do_export(struct ui *ui, struct sy_screen *sy)
{
	struct sync_export_opts o = { 0 };
	struct sync_export_result r;
	struct err e;

	o.path = sy->dir;
	if (ui->n_contracts > 1) {
		char one[256];
		const char *labels[2];
		int k;

		snprintf(one, sizeof one, "%s seulement (pour son ordinateur)",
			 ui->contracts[ui->contract].commune);
		labels[0] = one;
		labels[1] = "toutes les communes de cette base";
		k = ui_choose(ui, " Fichier de synchronisation : ",
			      labels, 2, 0, 0);
		if (k < 0)
			return;
		if (k == 0)
			o.commune = ui->contracts[ui->contract].identifier;
	}
	if (sync_export(ui->st, &o, &r, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "%s : %zu changement%s pour « %s »%s", r.path,
		   r.entries, r.entries > 1 ? "s" : "", r.peer,
		   r.entries ? "" : " (rien de nouveau)");
	ui_ack_log("sync-export", r.path, NULL);
	sync_export_result_release(&r);
	reload(ui, sy);
}

/* i: every file of the exchange folder this database did not write. */
static void do_import(struct ui *ui, struct sy_screen *sy)
{
	struct sync_folder_item *it;
	size_t n, applied = 0, refused = 0;
	long long entries = 0, conflicts = 0, pending = 0;
	const char *why = NULL;
	struct err e;

	if (sync_import_folder(ui->st, sy->dir, &it, &n, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (it[i].own)
			continue;
		if (it[i].rc) {
			refused++;
			why = why ? why : it[i].msg;
			continue;
		}
		applied++;
		entries += it[i].r.received;
		conflicts += it[i].r.conflicts;
		pending = it[i].r.pending;
	}
	if (refused)
		ui_message(ui, true, "%zu fichier%s refusé%s : %s", refused,
			   refused > 1 ? "s" : "", refused > 1 ? "s" : "", why);
	else if (!applied)
		ui_message(ui, false, "Aucun fichier reçu dans le dossier "
			   "d'échange (fichiers .sync d'un autre ordinateur)");
	else
		ui_message(ui, false, "%zu fichier%s importé%s : %lld changement%s "
			   "nouveau%s, %lld conflit%s à examiner%s", applied,
			   applied > 1 ? "s" : "", applied > 1 ? "s" : "",
			   entries, entries > 1 ? "s" : "",
			   entries > 1 ? "x" : "", conflicts,
			   conflicts > 1 ? "s" : "",
			   pending ? ", des changements attendent un fichier "
				     "antérieur" : "");
	ui_ack_log("sync-import", sy->dir, NULL);
	sync_folder_items_free(it, n);
	reload(ui, sy);
}

static void change_folder(struct ui *ui, struct sy_screen *sy)
{
	char text[PATH_MAX];

	snprintf(text, sizeof text, "%s", sy->dir);
	if (!ui_prompt(ui, "Dossier d'échange : ", text, sizeof text, NULL,
		       NULL))
		return;
	if (!text[0]) {
		ui_message(ui, true, "Dossier vide : rien n'a changé");
		return;
	}
	snprintf(sy->dir, sizeof sy->dir, "%s", text);
	ui_message(ui, false, "Dossier d'échange : %s", sy->dir);
}

static void reviewed(struct ui *ui, struct sy_screen *sy)
{
	long long marked;
	struct err e;

	if (!sy->n_conflicts) {
		ui_message(ui, true, "Aucun conflit à examiner");
		return;
	}
	if (store_sync_conflict_reviewed(ui->st, sy->conflicts[sy->cursor].id,
					 NULL, &marked, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return;
	}
	ui_message(ui, false, "Conflit n°%lld examiné",
		   sy->conflicts[sy->cursor].id);
	reload(ui, sy);
}

/* A conflict whole: what, how, each version with who and when. */
static char *conflict_whole(const struct ui *ui, const struct sync_conflict *c)
{
	char *what = sync_conflict_what(c);
	char *kept = sync_conflict_version(c->kept);
	char *lost = sync_conflict_version(c->lost);
	char kat[64], lat[64], nat[64];
	char *text;

	stamp_words(ui, c->kept_at, kat, sizeof kat);
	stamp_words(ui, c->lost_at, lat, sizeof lat);
	stamp_words(ui, c->noted_at, nat, sizeof nat);
	text = xasprintf("%s (%s, contrat %s) : %s.\n\nGardé des deux côtés : "
			 "%s\n(%s, %s)\n\nÉcarté : %s\n(%s, %s)\n\nNoté ici le "
			 "%s. r le marque examiné.", what, c->commune,
			 c->contract, sync_conflict_kind(c), kept,
			 c->kept_by ? c->kept_by : "?", kat, lost,
			 c->lost_by ? c->lost_by : "?", lat, nat);
	free(what);
	free(kept);
	free(lost);
	return text;
}

/* v: the conflict under the cursor, whole. */
static char *whole(struct ui *ui, char **title)
{
	struct sy_screen *sy = ui->sy;

	if (!sy || !sy->n_conflicts)
		return NULL;
	*title = xasprintf(" Conflit n°%lld ", sy->conflicts[sy->cursor].id);
	return conflict_whole(ui, &sy->conflicts[sy->cursor]);
}

static char *row_words(struct ui *ui, size_t i, void *ctx)
{
	struct sy_screen *sy = ctx;

	return conflict_line(ui, &sy->conflicts[i]);
}

static int handle(struct ui *ui, enum action a, const struct key *k)
{
	struct sy_screen *sy = ui->sy;

	(void)k;
	if (!sy)
		return UI_NOTHING;
	if (ui->n_contracts &&
	    strcmp(sy->contract_uid, ui->contracts[ui->contract].uid))
		reload(ui, sy);
	if (ui_list_nav(&sy->cursor, &sy->top, sy->n_conflicts, sy->body_rows,
			a))
		return UI_REDRAW;
	switch (a) {
	case ACT_SEARCH:
		ui_list_find(ui, &sy->cursor, sy->n_conflicts, row_words, sy);
		return UI_REDRAW;
	case ACT_OPEN:
		if (sy->n_conflicts) {
			char *title = NULL, *text = whole(ui, &title);

			ui_show_whole(ui, title, text);
			free(title);
			free(text);
		}
		return UI_REDRAW;
	case ACT_SYNC_EXPORT:
		do_export(ui, sy);
		return UI_REDRAW;
	case ACT_SYNC_IMPORT:
		do_import(ui, sy);
		return UI_REDRAW;	/* each screen reads again on entering */
	case ACT_SYNC_REVIEWED:
		reviewed(ui, sy);
		return UI_REDRAW;
	case ACT_SYNC_FOLDER:
		change_folder(ui, sy);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

static void free_state(struct ui *ui)
{
	if (ui->sy)
		drop(ui->sy);
	free(ui->sy);
	ui->sy = NULL;
}

static const enum action keys[] = {
	ACT_SYNC_EXPORT, ACT_SYNC_IMPORT, ACT_SYNC_FOLDER, ACT_SYNC_REVIEWED,
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_OPEN,
	ACT_SEARCH, ACT_NONE
};

static const enum action status_keys[] = {
	ACT_SYNC_EXPORT, ACT_SYNC_IMPORT, ACT_SYNC_FOLDER, ACT_SYNC_REVIEWED,
	ACT_NONE
};

static const struct action_word words[] = {
	{ ACT_OPEN, "voir le conflit en entier" },
	{ ACT_NONE, NULL },
};

const struct screen_ops screen_sync = {
	.free = free_state,
	.whole = whole,
	.title = "Synchro",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.handle = handle,
	.keys = keys,
	.status_keys = status_keys,
	.keymap = KEYMAP_SYNC,
	.words = words,
	.help_text = "Deux référents, deux ordinateurs : e écrit dans le "
		     "dossier d'échange (une clé USB, un dossier partagé ; o "
		     "le change, suivi.ini [synchronisation] dossier le fixe) "
		     "le fichier de ce qui a changé ici depuis le dernier "
		     "fichier écrit pour l'autre ordinateur ; i importe les "
		     "fichiers .sync du dossier écrits par un autre ordinateur "
		     "(chacun en entier ou pas du tout ; deux fois, ou dans le "
		     "désordre, ne change rien de plus). Quand les deux côtés "
		     "ont changé la même chose, la modification la plus "
		     "récente est gardée des deux côtés et l'autre est listée "
		     "ici (r : examiné). Une base de plusieurs communes (la "
		     "Métropole) écrit le fichier d'une commune pour son "
		     "ordinateur.",
};
