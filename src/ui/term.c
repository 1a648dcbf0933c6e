/*
 * The terminal: set-up with newterm (initscr would exit on its own for an
 * unknown TERM), teardown, signals that only set a flag, and key decoding.
 *
 * Input is read byte by byte (wgetch) and decoded here, not by get_wch: one
 * invalid byte makes get_wch swallow what follows, and under a non-UTF-8
 * locale it loses all typing. Valid UTF-8 gives its code point; a byte that
 * cannot start or continue a sequence is read as Latin-1 (what such a
 * terminal sends), so no keystroke is ever lost.
 */
#include "ui_internal.h"

#include "suivi/xalloc.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t quit_flag;

/* Replay (SUIVI_REPLAY=FILE, for the benchmark): the bytes of FILE are
 * read as if typed, through the same decoding; at its end the terminal
 * counts as gone, and the loop ends as when a terminal closes. */
static struct {
	unsigned char *buf;
	size_t n, pos;
	bool on, done;
} replay;

bool term_replaying(void)
{
	return replay.on;
}

static int load_replay(const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 0;
	int c;

	if (!f) {
		err_set(e, ERR_IO, "relecture : %s : %s", path, err_errno_fr(errno));
		return -1;
	}
	while ((c = fgetc(f)) != EOF) {
		replay.buf = xgrow(replay.buf, &cap, replay.n + 1, 1);
		replay.buf[replay.n++] = (unsigned char)c;
	}
	fclose(f);
	replay.on = true;
	return 0;
}

static SCREEN *screen;

static void on_signal(int sig)
{
	(void)sig;
	quit_flag = 1;
}

bool term_should_quit(void)
{
	return quit_flag != 0;
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a blocked read returns and the loop looks */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static void restore_hook(void)
{
	if (screen)
		endwin();
}

int term_start(struct uiterm *t, const struct config *cfg, struct err *e)
{
	const char *term_name = getenv("TERM");
	const char *no_color = getenv("NO_COLOR");
	int err = 0;

	memset(t, 0, sizeof *t);
	if (getenv("SUIVI_REPLAY") && *getenv("SUIVI_REPLAY") &&
	    load_replay(getenv("SUIVI_REPLAY"), e) != 0)
		return -1;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		err_set(e, ERR_USAGE, "l'interface plein écran demande un "
			"terminal");
		return -1;
	}
	/* The user's locale says what the terminal shows; ncursesw itself
	 * always works in UTF-8, so a non-UTF-8 locale gets ASCII output. */
	t->ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
	if (t->ascii && !setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "C.utf8");
	if (!term_name || !*term_name || !strcmp(term_name, "dumb") ||
	    setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		err_set(e, ERR_USAGE, "terminal « %s » inconnu ou trop limité "
			"pour l'interface plein écran (essayez TERM=xterm-256color) ;"
			" les commandes restent utilisables : suivi --help",
			term_name && *term_name ? term_name : "(TERM vide)");
		return -1;
	}
	if (!tigetstr("cup") || tigetstr("cup") == (char *)-1) {
		err_set(e, ERR_USAGE, "le terminal « %s » ne sait pas placer le "
			"curseur : l'interface plein écran est impossible",
			term_name);
		del_curterm(cur_term);
		return -1;
	}
	del_curterm(cur_term);
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		err_set(e, ERR_USAGE, "impossible d'ouvrir le terminal « %s »",
			term_name);
		return -1;
	}
	set_term(screen);
	t->started = true;
	xalloc_set_fail_hook(restore_hook);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	set_escdelay(40);
	curs_set(0);
	/* couleurs = oui|non decides; auto follows NO_COLOR
	 * (https://no-color.org: a user's setting wins over it) */
	t->color = has_colors() &&
		   (cfg->color == COLOR_ON ||
		    (cfg->color != COLOR_OFF && !(no_color && *no_color)));
	if (t->color) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);	/* header, status */
		init_pair(2, COLOR_BLACK, COLOR_CYAN);	/* selection */
		init_pair(3, COLOR_YELLOW, -1);		/* titles */
		init_pair(4, COLOR_RED, -1);		/* errors */
		init_pair(5, COLOR_BLACK, COLOR_YELLOW);/* search match */
		init_pair(6, COLOR_BLUE, -1);		/* borders, dim */
		init_pair(7, COLOR_GREEN, -1);		/* target met */
		init_pair(8, COLOR_MAGENTA, -1);	/* due, missing */
	}
	install_signals();
	getmaxyx(stdscr, t->rows, t->cols);
	return 0;
}

void term_stop(struct uiterm *t)
{
	free(replay.buf);
	replay.buf = NULL;
	if (!t->started)
		return;
	curs_set(1);
	endwin();
	delscreen(screen);
	screen = NULL;
	t->started = false;
	xalloc_set_fail_hook(NULL);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Next byte within ms, or ERR. */
static int next_byte(int ms)
{
	int c;

	if (replay.on) {
		if (replay.pos < replay.n)
			return replay.buf[replay.pos++];
		replay.done = true;
		return ERR;
	}
	timeout(ms);
	c = getch();
	return c;
}

static int decode_utf8(int first)
{
	int n, cp;

	if (first >= 0xC2 && first <= 0xDF) {
		n = 1;
		cp = first & 0x1F;
	} else if (first >= 0xE0 && first <= 0xEF) {
		n = 2;
		cp = first & 0x0F;
	} else if (first >= 0xF0 && first <= 0xF4) {
		n = 3;
		cp = first & 0x07;
	} else {
		return first;	/* Latin-1 */
	}
	for (int i = 0; i < n; i++) {
		int c = next_byte(30);

		if (c == ERR || (c & 0xC0) != 0x80) {
			if (c != ERR)
				ungetch(c);
			return first;	/* not UTF-8: Latin-1 */
		}
		cp = (cp << 6) | (c & 0x3F);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFD;
	return cp;
}

int term_read_key(struct uiterm *t, struct key *k, int timeout_ms)
{
	static int fast_errors;
	long start = now_ms();
	int c;

	memset(k, 0, sizeof *k);
	if (quit_flag)
		return 0;
	c = next_byte(timeout_ms);
	if (c == ERR && replay.done)
		return -1;
	if (c == ERR) {
		/* getch returning at once, again and again: no terminal */
		if (now_ms() - start < timeout_ms / 4 + 1) {
			if (++fast_errors > 50)
				return -1;
		} else {
			fast_errors = 0;
		}
		return 0;
	}
	fast_errors = 0;
	if (c == KEY_RESIZE) {
		getmaxyx(stdscr, t->rows, t->cols);
		k->code = c;
		k->special = true;
		return 1;
	}
	if (c >= KEY_MIN) {
		k->code = c;
		k->special = true;
		return 1;
	}
	if (c == 27) {
		int d = next_byte(0);

		/* ESC then a key is Alt+key only when Alt+key means something:
		 * otherwise Esc followed quickly by a key (a fast typist, a
		 * script, a slow link) must stay Esc, then the key. */
		if (d != ERR && d >= 0x20 && d < 0x80 && keys_alt_bound(d)) {
			k->alt = true;
			k->code = d;
			return 1;
		}
		if (d != ERR)
			ungetch(d);
		k->code = 27;
		return 1;
	}
	k->code = c >= 0x80 ? decode_utf8(c) : c;
	return 1;
}
