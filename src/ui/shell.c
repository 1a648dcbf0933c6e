/*
 * The shell every screen lives in: header (commune, contract, annexes in
 * force, today), screen tabs, status line with the keys that work here,
 * the help overlay, the commune switcher, the one-line prompt, and the
 * loop. Only the loop draws, once per turn.
 */
#include "ui_internal.h"
#include "suivi/draft.h"
#include "suivi/number.h"
#include "suivi/date.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/ui.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const struct screen_ops *const screens[] = {
	&screen_contract, &screen_dashboard, &screen_requests,
	&screen_disputes, &screen_meetings, &screen_reports, &screen_sync,
};
#define N_SCREENS (sizeof screens / sizeof screens[0])

/* Keys every screen has, shown after the screen's own. */
static const enum action global_keys[] = {
	ACT_HELP, ACT_QUIT, ACT_SCREEN_1, ACT_SCREEN_2, ACT_SCREEN_3,
	ACT_SCREEN_4, ACT_SCREEN_5, ACT_SCREEN_6, ACT_SCREEN_7, ACT_COMMUNE,
	ACT_REDRAW,
	ACT_WHOLE, ACT_NONE
};

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	char *s;

	/* formatted as every message is (a path or a value quoted shows
	 * its controls as "?"); text_fit then keeps what it draws to the
	 * terminal's widths */
	va_start(ap, fmt);
	s = text_vformat(fmt, ap);
	va_end(ap);
	snprintf(ui->message, sizeof ui->message, "%s", s);
	free(s);
	ui->message_error = error;
}

void ui_ack_log(const char *field, ...)
{
	const char *path = getenv("SUIVI_ACK_LOG");
	struct strbuf sb;
	va_list ap;
	int fd;

	if (!path || !*path)
		return;
	strbuf_init(&sb);
	va_start(ap, field);
	for (const char *f = field; f; f = va_arg(ap, const char *)) {
		if (f != field)
			strbuf_addch(&sb, '\t');
		for (const char *p = f; *p; p++)
			strbuf_addch(&sb, *p == '\t' || *p == '\n' ||
						 *p == '\r' ? ' ' : *p);
	}
	va_end(ap);
	strbuf_addch(&sb, '\n');
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0) {
		if (write(fd, sb.buf, sb.len) == (ssize_t)sb.len)
			(void)fsync(fd);
		(void)close(fd);
	}
	strbuf_release(&sb);
}

bool ui_clock(struct ui *ui)
{
	struct date d;
	char now[16];
	bool followed;

	date_today(&d);
	date_format_iso(d, now);
	if (!strcmp(now, ui->today))
		return false;
	/* the annexes shown were today's: they follow the day */
	followed = !strcmp(ui->date, ui->today);
	snprintf(ui->today, sizeof ui->today, "%s", now);
	if (followed)
		snprintf(ui->date, sizeof ui->date, "%s", now);
	free(ui->header);	/* it says the day */
	ui->header = NULL;
	return true;
}

void ui_shown_dir(const char *dir, char *buf, size_t n)
{
	const char *home = getenv("HOME");
	size_t hl = home ? strlen(home) : 0;

	if (hl > 1 && !strncmp(dir, home, hl) && (dir[hl] == '/' || !dir[hl]))
		snprintf(buf, n, "~%s", dir + hl);
	else
		snprintf(buf, n, "%s", dir);
}

void ui_date(const struct ui *ui, const char *iso, char *buf, size_t n)
{
	struct date d;
	char tmp[DATE_ISO_LEN];

	if (date_parse(iso, &d) != 0) {
		snprintf(buf, n, "%s", iso);
		return;
	}
	if (ui->app->cfg.date_format == DATEFMT_ISO)
		date_format_iso(d, tmp);
	else
		date_format_fr(d, tmp);
	snprintf(buf, n, "%s", tmp);
}

static void draw_header(struct ui *ui)
{
	const struct uiterm *t = &ui->term;
	struct strbuf sb;
	struct date today;
	char shown[16], day[16];
	int x = 0;

	strbuf_init(&sb);
	date_parse(ui->today, &today);
	ui_date(ui, ui->today, day, sizeof day);
	/* the same contract at the same date: the text already made (each
	 * key redraws the screen; the header asks the database only when
	 * what it says can have changed) */
	if (ui->header && ui->header_contract == ui->contract &&
	    !strcmp(ui->header_date, ui->date)) {
		strbuf_addstr(&sb, ui->header);
	} else if (ui->n_contracts) {
		const struct contract_info *c = &ui->contracts[ui->contract];
		struct annex_info *an = NULL;
		size_t na = 0;
		struct err e;

		strbuf_addf(&sb, " %s · contrat %s", c->commune, c->identifier);
		if (store_annexes_in_force(ui->st, c->uid, ui->date, &an, &na,
					   &e) == 0) {
			int shown_v[8], nv = 0;

			ui_date(ui, ui->date, shown, sizeof shown);
			/* The amendments whose annexes are in force, once each */
			for (size_t i = 0; i < na; i++) {
				int seen = 0;

				for (int j = 0; j < nv; j++)
					seen |= shown_v[j] == an[i].version;
				if (an[i].version && !seen && nv < 8)
					shown_v[nv++] = an[i].version;
			}
			if (!na)
				strbuf_addf(&sb, " · aucune annexe en vigueur%s%s",
					    strcmp(ui->date, ui->today) ? " au " : "",
					    strcmp(ui->date, ui->today) ? shown : "");
			else if (!nv)
				strbuf_addstr(&sb, " · annexes d'origine");
			for (int j = 0; j < nv; j++)
				strbuf_addf(&sb, "%s avenant n°%d", j ? "," : " ·",
					    shown_v[j]);
			if (na && strcmp(ui->date, ui->today))
				strbuf_addf(&sb, " au %s", shown);
			else if (nv)
				strbuf_addstr(&sb, " en vigueur");
			store_annex_list_free(an, na);
		}
	} else {
		strbuf_addstr(&sb, " suivi · aucun contrat");
	}
	if (!ui->header || ui->header_contract != ui->contract ||
	    strcmp(ui->header_date, ui->date)) {
		free(ui->header);
		ui->header = xstrdup(sb.buf);
		ui->header_contract = ui->contract;
		snprintf(ui->header_date, sizeof ui->header_date, "%s", ui->date);
	}
	draw_fill(t, 0, 0, t->cols, PAINT_HEADER);
	{
		char right[64];
		int rw;

		snprintf(right, sizeof right, "%s %s ",
			 date_weekday_name[date_weekday(today)], day);
		rw = (int)strlen(right);
		draw_text(t, 0, 0, t->cols - rw - 1, PAINT_HEADER, sb.buf);
		if (t->cols > rw + 20)
			draw_text(t, 0, t->cols - rw, rw, PAINT_HEADER, right);
	}
	strbuf_release(&sb);

	/* tabs: the active one bracketed, not only coloured; closer
	 * together when the terminal is narrow */
	draw_fill(t, 1, 0, t->cols, PAINT_TAB);
	{
		int total = 0, gap = 1;
		bool brief = false;

		for (size_t i = 0; i < N_SCREENS; i++)
			total += draw_width(t, screens[i]->title) + 5;
		if (total > t->cols)
			gap = 0;
		/* still too wide (80 columns): the short titles, so that every
		 * screen's number stays in view */
		if (total - (int)N_SCREENS > t->cols)
			brief = true;
		for (size_t i = 0; i < N_SCREENS && x < t->cols; i++) {
			char tab[64];
			bool active = screens[i] == ui->screen ||
				      screens[i] == ui->screen->tab;
			const char *title = brief && screens[i]->short_title
						    ? screens[i]->short_title
						    : screens[i]->title;
			int w;

			snprintf(tab, sizeof tab, active ? "[%zu %s]" : " %zu %s ",
				 i + 1, title);
			w = draw_width(t, tab);
			draw_text(t, 1, x, t->cols - x,
				  active ? PAINT_TAB_ACTIVE : PAINT_TAB, tab);
			x += w + gap;
		}
	}
}

static size_t count_keys(const enum action *a)
{
	size_t n = 0;

	while (a[n] != ACT_NONE)
		n++;
	return n;
}

#define N_BRIEF(ui)                                                        \
	((ui)->screen->status_keys ? count_keys((ui)->screen->status_keys)    \
				   : sizeof brief / sizeof brief[0])

/* A message on the status line, w columns from x; one too long for it
 * takes the line above as well, cut between words (the reason of a
 * refused save must not be lost to the ellipsis). */
void ui_status_text(const struct uiterm *t, int x, int w, enum paint p,
		    enum paint fill, const char *msg)
{
	char head[sizeof ((struct ui *)0)->message];
	size_t cut = 0;

	if (draw_width(t, msg) > w && t->rows > UI_MIN_ROWS)
		for (size_t i = 0; msg[i] && i < sizeof head; i++) {
			if (msg[i] != ' ')
				continue;
			memcpy(head, msg, i);
			head[i] = '\0';
			if (draw_width(t, head) > w)
				break;
			cut = i;
		}
	if (!cut) {
		draw_text(t, t->rows - 1, x, w, p, msg);
		return;
	}
	memcpy(head, msg, cut);
	head[cut] = '\0';
	draw_fill(t, t->rows - 2, 0, t->cols, fill);
	draw_text(t, t->rows - 2, x, w, p, head);
	draw_text(t, t->rows - 1, x, w, p, msg + cut + 1);
}

/* The status line: a message when there is one; otherwise the most useful
 * keys of the screen on the left, as many as fit, and the two keys one
 * must always find (help, quit) on the right, never cut. */
static void draw_status(struct ui *ui)
{
	static const enum action brief[] = {
		ACT_OPEN, ACT_BACK, ACT_TAB, ACT_SEARCH, ACT_NEXT, ACT_DATE,
		ACT_COMMUNE,
	};
	const struct uiterm *t = &ui->term;
	struct strbuf sb;
	int y = t->rows - 1, rw;
	char right[64];

	draw_fill(t, y, 0, t->cols, PAINT_STATUS);
	/* where letters are typed (a text cell), the keys that are not */
	if (ui->screen->status_hint && ui->screen->status_hint(ui))
		snprintf(right, sizeof right, "F1 %s  F10 %s ", keys_what(ACT_HELP),
			 keys_what(ACT_QUIT));
	else
		snprintf(right, sizeof right, "%s %s  %s %s ",
			 keys_label(ACT_HELP, t->ascii), keys_what(ACT_HELP),
			 keys_label(ACT_QUIT, t->ascii), keys_what(ACT_QUIT));
	rw = draw_width(t, right);
	if (rw < t->cols / 2)
		draw_text(t, y, t->cols - rw, rw, PAINT_STATUS, right);
	else
		rw = 0;
	if (ui->message[0]) {
		ui_status_text(t, 1, t->cols - rw - 2,
			     ui->message_error ? PAINT_ERROR : PAINT_MESSAGE,
			     PAINT_STATUS, ui->message);
		return;
	}
	if (ui->screen->status_hint && ui->screen->status_hint(ui)) {
		ui_status_text(t, 1, t->cols - rw - 2, PAINT_STATUS, PAINT_STATUS,
			     ui->screen->status_hint(ui));
		return;
	}
	strbuf_init(&sb);
	for (size_t i = 0; i < N_BRIEF(ui); i++) {
		enum action b = ui->screen->status_keys ? ui->screen->status_keys[i]
							: brief[i];
		bool has = ui->screen->status_keys != NULL ||
			   (b == ACT_COMMUNE && ui->n_contracts > 1);

		for (const enum action *a = ui->screen->keys;
		     !has && *a != ACT_NONE; a++)
			has = *a == b;
		if (!has)
			continue;
		/* whole entries only: drop what does not fit */
		{
			size_t len = sb.len;

			strbuf_addf(&sb, "%s%s %s", len ? "  " : "",
				    ui_key_label(ui, b, false), ui_key_what(ui, b));
			if (draw_width(t, sb.buf) > t->cols - rw - 3) {
				sb.buf[len] = '\0';
				sb.len = len;
				break;
			}
		}
	}
	draw_text(t, y, 1, t->cols - rw - 2, PAINT_STATUS, sb.buf);
	strbuf_release(&sb);
}

static bool too_small(const struct uiterm *t)
{
	return t->rows < UI_MIN_ROWS || t->cols < UI_MIN_COLS;
}

void ui_caret(struct ui *ui, int y, int x)
{
	ui->caret_on = true;
	ui->caret_y = y;
	ui->caret_x = x;
}

void ui_flush(struct ui *ui)
{
	if (ui->caret_on != ui->caret_shown) {
		curs_set(ui->caret_on ? 1 : 0);
		ui->caret_shown = ui->caret_on;
	}
	if (ui->caret_on)
		move(ui->caret_y, ui->caret_x);
	refresh();
}

void ui_draw(struct ui *ui)
{
	const struct uiterm *t = &ui->term;

	ui->caret_on = false;
	erase();
	if (too_small(t)) {
		char msg[160];

		snprintf(msg, sizeof msg, "Fenêtre trop petite (%d×%d) : il faut "
			 "au moins %d×%d. Agrandissez-la ; q pour quitter.",
			 t->cols, t->rows, UI_MIN_COLS, UI_MIN_ROWS);
		for (int y = 0, i = 0; y < t->rows && msg[i]; y++) {
			char line[160];
			size_t n;

			/* wrap the message by hand: the window is tiny */
			text_fit(msg + i, t->cols, t->ascii, line, sizeof line);
			mvaddstr(y, 0, line);
			n = strlen(line);
			while (n && line[n - 1] != ' ' && msg[i + (int)n])
				n--;
			if (!n)
				break;
			i += (int)n;
		}
		refresh();
		return;
	}
	draw_header(ui);
	ui->screen->draw(ui, 2, t->rows - 3, t->cols);
	draw_status(ui);
	ui_draw_layers(ui);
	ui_flush(ui);
}

/* "  key   what" lines, the "what" column aligned by display width. */
static size_t key_lines(const struct ui *ui, const char *heading,
			const enum action *keys, char ***out)
{
	int kw = 0;
	size_t n = 0, cap = 0;

	*out = NULL;
	for (const enum action *a = keys; *a != ACT_NONE; a++) {
		int w = draw_width(&ui->term, ui_key_label(ui, *a, true));

		if (w > kw)
			kw = w;
	}
	*out = xgrow(*out, &cap, n + 1, sizeof **out);
	(*out)[n++] = xstrdup(heading);
	for (const enum action *a = keys; *a != ACT_NONE; a++) {
		const char *label = ui_key_label(ui, *a, true);
		int pad = kw - draw_width(&ui->term, label) + 2;

		if (*a == ACT_COMMUNE && ui->n_contracts < 2)
			continue;
		*out = xgrow(*out, &cap, n + 1, sizeof **out);
		(*out)[n++] = xasprintf("  %s%*s%s", label, pad, "",
					ui_key_what(ui, *a));
	}
	return n;
}

static void help(struct ui *ui)
{
	char **left, **right, **tail = NULL, **lines = NULL;
	size_t nl, nr, nt = 0, n = 0, cap = 0;
	char title[96], heading[96];
	int box = ui_overlay_width(&ui->term);
	bool two;

	snprintf(heading, sizeof heading, "Écran %s :", ui->screen->title);
	nl = key_lines(ui, heading, ui->screen->keys, &left);
	nr = key_lines(ui, "Partout :", global_keys, &right);
	{
		/* the screen's own words, then how text fields take keys */
		char *text = xasprintf("%s%s%s", ui->screen->help_text
				       ? ui->screen->help_text : "",
				       ui->screen->help_text ? "\n\n" : "",
				       ui_field_keys_text);

		nt = text_wrap(text, box - 4, &tail);
		free(text);
	}
	{
		int lw = 0, rw = 0;

		for (size_t i = 0; i < nl; i++)
			if (draw_width(&ui->term, left[i]) > lw)
				lw = draw_width(&ui->term, left[i]);
		for (size_t i = 0; i < nr; i++)
			if (draw_width(&ui->term, right[i]) > rw)
				rw = draw_width(&ui->term, right[i]);
		two = lw + 3 + rw <= box - 4;
	}
	if (two) {
		/* screen keys on the left, global keys on the right */
		int colw = 0;

		for (size_t i = 0; i < nl; i++)
			if (draw_width(&ui->term, left[i]) + 3 > colw)
				colw = draw_width(&ui->term, left[i]) + 3;

		for (size_t i = 0; i < nl || i < nr; i++) {
			const char *l = i < nl ? left[i] : "";
			int pad = colw - draw_width(&ui->term, l);

			lines = xgrow(lines, &cap, n + 1, sizeof *lines);
			lines[n++] = xasprintf("%s%*s%s", l, pad > 1 ? pad : 1,
					       "", i < nr ? right[i] : "");
		}
	} else {
		for (size_t i = 0; i < nl + 1 + nr; i++) {
			lines = xgrow(lines, &cap, n + 1, sizeof *lines);
			lines[n++] = xstrdup(i < nl ? left[i]
					     : i == nl ? "" : right[i - nl - 1]);
		}
	}
	for (size_t i = 0; i < nt; i++) {
		lines = xgrow(lines, &cap, n + 2, sizeof *lines);
		if (i == 0)
			lines[n++] = xstrdup("");
		lines[n++] = xstrdup(tail[i]);
	}
	snprintf(title, sizeof title, " Aide : %s ", ui->screen->title);
	ui_overlay(ui, title, lines, n);
	text_lines_free(left, nl);
	text_lines_free(right, nr);
	text_lines_free(tail, nt);
	text_lines_free(lines, n);
}

bool ui_year_ok(struct ui *ui, int year)
{
	if (year >= 1900 && year <= 2199)
		return true;
	ui_message(ui, true, "Année hors limites (1900 à 2199)");
	return false;
}

bool ui_ask_year(struct ui *ui, int *year)
{
	char text[16] = "";
	unsigned long y;

	if (!ui_prompt(ui, "Année : ", text, sizeof text, NULL, NULL) || !*text)
		return false;
	if (number_parse_uint(text, 9999, &y) != 0) {
		ui_message(ui, true, "« %s » n'est pas une année", text);
		return false;
	}
	if (!ui_year_ok(ui, (int)y))
		return false;
	*year = (int)y;
	return true;
}

const char *ui_key_what(const struct ui *ui, enum action a)
{
	if (ui->screen && ui->screen->words)
		for (const struct action_word *w = ui->screen->words;
		     w->action != ACT_NONE; w++)
			if (w->action == a)
				return w->what;
	return keys_what(a);
}

const char *ui_key_label(const struct ui *ui, enum action a, bool full)
{
	bool ascii = ui->term.ascii;

	if (ui->screen && ui->screen->key_labels)
		for (const struct action_keys *w = ui->screen->key_labels;
		     w->action != ACT_NONE; w++)
			if (w->action == a)
				return full ? (ascii ? w->full_ascii : w->full)
					    : (ascii ? w->keys_ascii : w->keys);
	return full ? keys_full_label(a, ascii) : keys_label(a, ascii);
}

void ui_goto(struct ui *ui, size_t i)
{
	if (i >= N_SCREENS || screens[i] == ui->screen)
		return;
	ui->screen->leave(ui);
	ui->screen = screens[i];
	ui->screen->enter(ui);
}

void ui_goto_ref(struct ui *ui, size_t i, const struct ui_ref *ref)
{
	ui_goto(ui, i);
	if (i < N_SCREENS && screens[i]->show)
		screens[i]->show(ui, ref);
}

/* Pick another contract (commune) in a list. */
static void switch_commune(struct ui *ui)
{
	const char **labels;
	int c;

	if (ui->n_contracts < 2) {
		ui_message(ui, false, "La base ne contient qu'un contrat.");
		return;
	}
	labels = xcalloc(ui->n_contracts, sizeof *labels);
	for (size_t i = 0; i < ui->n_contracts; i++) {
		const struct contract_info *ci = &ui->contracts[i];

		labels[i] = xasprintf("%s (%s, contrat %s)", ci->commune,
				      ci->insee, ci->identifier);
	}
	c = ui_choose(ui, "Changer de commune", labels, ui->n_contracts,
		      (int)ui->contract, 0);
	for (size_t i = 0; i < ui->n_contracts; i++)
		free((char *)labels[i]);
	free(labels);
	if (c >= 0) {
		ui->contract = (size_t)c;
		ui->screen->enter(ui);
		ui_message(ui, false, "Commune : %s", ui->contracts[c].commune);
	}
}

static int global(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_HELP:
		help(ui);
		return UI_REDRAW;
	case ACT_QUIT:
		if (ui->screen->unsaved && ui->screen->unsaved(ui) &&
		    !ui_confirm(ui, "Une saisie n'est pas enregistrée : "
				"quitter quand même ? (o/N)"))
			return UI_REDRAW;
		return UI_QUIT;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return UI_REDRAW;
	case ACT_SCREEN_1: case ACT_SCREEN_2: case ACT_SCREEN_3:
	case ACT_SCREEN_4: case ACT_SCREEN_5: case ACT_SCREEN_6:
	case ACT_SCREEN_7:
		ui_goto(ui, (size_t)(a - ACT_SCREEN_1));
		return UI_REDRAW;
	case ACT_COMMUNE:
		switch_commune(ui);
		return UI_REDRAW;
	case ACT_WHOLE: {
		char *title = NULL, *text = ui->screen->whole
			? ui->screen->whole(ui, &title) : NULL;

		if (text)
			ui_show_whole(ui, title ? title : " En entier ", text);
		else
			ui_message(ui, false, "Rien à lire en entier ici : v montre "
				   "en entier l'élément sous le curseur d'une "
				   "liste ou d'une page");
		free(text);
		free(title);
		return UI_REDRAW;
	}
	default:
		return UI_NOTHING;
	}
}

/* The screen: the bottom layer of the input stack. */
struct screen_layer {
	struct layer layer;
};

static int screen_key(struct ui *ui, struct layer *l, const struct key *k)
{
	enum action a;
	int res;

	(void)l;
	ui->message[0] = '\0';
	if (!k->special && !k->alt && k->code == KEY_CTRL('c')) {
		ui_message(ui, false, "Ctrl+C ne quitte pas suivi : q pour "
			   "quitter (rien n'est perdu)");
		return LAYER_STAY;
	}
	a = keys_action_in(ui->screen->keymap, k);
	if (too_small(&ui->term))
		return a == ACT_QUIT ? LAYER_DONE : LAYER_STAY;
	res = ui->screen->handle(ui, a, k);
	if (res == UI_NOTHING)
		res = global(ui, a);
	return res & UI_QUIT ? LAYER_DONE : LAYER_STAY;
}

/* Another program holds the database during a read or a save: said on
 * the status line at once (the screen would otherwise stand still),
 * drawn from inside the wait, without asking the database anything. */
static void busy_status(void *ctx, const char *path, int seconds)
{
	struct ui *ui = ctx;
	const struct uiterm *t = &ui->term;

	(void)path;
	ui_message(ui, true, "La base est occupée par un autre programme : "
		   "suivi attend qu'elle se libère (%d s au plus)…", seconds);
	if (!t->started)
		return;
	draw_fill(t, t->rows - 1, 0, t->cols, PAINT_ERROR);
	draw_text(t, t->rows - 1, 1, t->cols - 2, PAINT_ERROR, ui->message);
	refresh();
}

int ui_run(struct app *app, struct store *st)
{
	struct ui ui;
	struct err e;
	struct date d;
	struct screen_layer bottom = { { NULL, screen_key, NULL } };

	memset(&ui, 0, sizeof ui);
	ui.app = app;
	ui.st = st;
	date_today(&d);
	date_format_iso(d, ui.today);
	memcpy(ui.date, ui.today, sizeof ui.date);
	if (store_contract_list(st, &ui.contracts, &ui.n_contracts, &e) != 0) {
		fprintf(stderr, "suivi : %s\n", e.msg);
		return EXIT_DATA;
	}
	if (app->cfg.commune) {
		char uid[STORE_UID_LEN];

		if (store_contract_find(st, app->cfg.commune, uid, &e) == 0)
			for (size_t i = 0; i < ui.n_contracts; i++)
				if (!strcmp(ui.contracts[i].uid, uid))
					ui.contract = i;
	}
	if (term_start(&ui.term, &app->cfg, &e) != 0) {
		fprintf(stderr, "suivi : %s\n", e.msg);
		store_contract_list_free(ui.contracts, ui.n_contracts);
		return e.code == ERR_USAGE ? EXIT_USAGE : EXIT_DATA;
	}
	store_on_busy(busy_status, &ui);
	ui.screen = screens[0];
	ui.screen->enter(&ui);
	/* drafts a full disk sent elsewhere: back into the database */
	if (draft_recover(st, &e) < 0)
		ui_message(&ui, true, "%s", e.msg);
	/* what was being typed when the terminal went away: offered back,
	 * each on its screen */
	for (size_t i = 0; i < N_SCREENS && !ui.gone; i++)
		if (screens[i]->pending_draft && screens[i]->pending_draft(&ui)) {
			ui_goto(&ui, i);
			ui_draw(&ui);
			screens[i]->offer_draft(&ui);
		}
	if (!ui.message[0] && store_notice(st))
		ui_message(&ui, true, "%s", store_notice(st));
	/* said before the first value is typed, not at its save */
	if (!ui.message[0] && (store_readonly(st) || store_folder_readonly(st)))
		ui_message(&ui, true, "%s %s est en lecture seule : consultation "
			   "seulement, rien ne pourra être enregistré",
			   store_readonly(st) ? "La base" : "Le dossier de la base",
			   store_path(st));
	if (!ui.gone)
		ui_loop(&ui, &bottom.layer);
	ui_replay_report();
	ui.screen->leave(&ui);
	store_on_busy(NULL, NULL);
	term_stop(&ui.term);
	if (ui.draft_said) {
		fprintf(stderr, "%s\n", ui.draft_said);
		free(ui.draft_said);
	}
	for (size_t i = 0; i < N_SCREENS; i++)
		screens[i]->free(&ui);
	screen_across.free(&ui);
	free(ui.header);
	store_contract_list_free(ui.contracts, ui.n_contracts);
	return EXIT_OK;
}
