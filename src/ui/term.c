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

#include "suivi/text.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
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

/* Bracketed paste (xterm's mode 2004): what is pasted comes between
 * ESC [ 200 ~ and ESC [ 201 ~, read here in one go and handed to the
 * reader as one TERM_KEY_PASTE (term_paste). Bytes read past the end
 * mark wait in `ahead` for the next keys. */
static struct {
	char *buf;
	size_t len, cap;
} paste;
static struct {
	unsigned char *buf;
	size_t n, pos, cap;
} ahead;
static int key_ctrl_left, key_ctrl_right, key_ctrl_up, key_ctrl_down;
static bool paste_on;

const char *term_paste(size_t *len)
{
	*len = paste.len;
	return paste.buf ? paste.buf : "";
}

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

/* The key code ncurses gives an extended capability (kLFT5: Ctrl+←), or
 * 0 when the terminal has none. */
static int ext_key(const char *cap)
{
	char *seq = tigetstr(cap);
	int code;

	if (!seq || seq == (char *)-1)
		return 0;
	code = key_defined(seq);
	return code > 0 ? code : 0;
}

static int term_ctrl_arrow(int code)
{
	if (code <= 0)
		return 0;
	if (code == key_ctrl_left)
		return KEY_LEFT;
	if (code == key_ctrl_right)
		return KEY_RIGHT;
	if (code == key_ctrl_up)
		return KEY_UP;
	if (code == key_ctrl_down)
		return KEY_DOWN;
	return 0;
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
	/* pasted text arrives marked, inserted as text in one go */
	define_key("\033[200~", TERM_KEY_PASTE);
	define_key("\033[201~", TERM_KEY_PASTE_END);
	if (!replay.on) {
		putp("\033[?2004h");
		fflush(stdout);
		paste_on = true;
	}
	/* Ctrl+arrows (word moves) have no KEY_ constant: their codes are
	 * the terminal's extended capabilities */
	key_ctrl_left = ext_key("kLFT5");
	key_ctrl_right = ext_key("kRIT5");
	key_ctrl_up = ext_key("kUP5");
	key_ctrl_down = ext_key("kDN5");
	return 0;
}

void term_stop(struct uiterm *t)
{
	free(replay.buf);
	replay.buf = NULL;
	free(paste.buf);
	memset(&paste, 0, sizeof paste);
	free(ahead.buf);
	memset(&ahead, 0, sizeof ahead);
	if (!t->started)
		return;
	if (paste_on) {
		putp("\033[?2004l");
		fflush(stdout);
		paste_on = false;
	}
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

	if (ahead.pos < ahead.n)
		return ahead.buf[ahead.pos++];
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

bool term_suspend(struct uiterm *t)
{
	struct sigaction dfl, old;

	/* a job-control shell put us in a process group of our own; without
	 * one nobody could send the SIGCONT that brings us back */
	if (replay.on || getpgrp() == getsid(0))
		return false;
	if (paste_on)
		putp("\033[?2004l");
	curs_set(1);
	endwin();
	fflush(stdout);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	kill(0, SIGTSTP);
	/* here again after fg */
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
	if (paste_on)
		putp("\033[?2004h");
	clearok(curscr, TRUE);
	getmaxyx(stdscr, t->rows, t->cols);
	refresh();
	return true;
}

bool term_input_pending(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	if (ahead.pos < ahead.n)
		return true;
	if (replay.on)
		return false;
	return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/* Append to the paste what is valid UTF-8 as it is, each other byte
 * read as Latin-1 (as typed keys are). */
static void paste_add(const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned long cp;
		size_t k = text_decode((const char *)b + i, n - i, &cp);

		paste.buf = xgrow(paste.buf, &paste.cap, paste.len + 5, 1);
		if (cp != TEXT_CP_BAD) {
			memcpy(paste.buf + paste.len, b + i, k);
			paste.len += k;
			i += k - 1;
		} else {
			paste.buf[paste.len++] = (char)(0xC0 | (b[i] >> 6));
			paste.buf[paste.len++] = (char)(0x80 | (b[i] & 0x3F));
		}
	}
	paste.buf[paste.len] = '\0';
}

static char *find(unsigned char *h, size_t n, const char *needle, size_t k)
{
	for (unsigned char *p = h; n >= k && (size_t)(p - h) <= n - k; p++) {
		p = memchr(p, needle[0], n - k + 1 - (size_t)(p - h));
		if (!p)
			return NULL;
		if (!memcmp(p, needle, k))
			return (char *)p;
	}
	return NULL;
}

/* After ESC [ 200 ~: everything up to ESC [ 201 ~ is the paste, read
 * straight from the terminal in large blocks (ncurses reads a byte per
 * system call: a mebibyte would take seconds). A sequence cut between
 * two blocks is kept whole; 2 s without a byte ends the paste. */
static void read_paste(void)
{
	static const char end[] = "\033[201~";
	unsigned char *raw = NULL;
	size_t n = 0, cap = 0;
	char *hit = NULL;

	paste.len = 0;
	for (;;) {
		/* what was already read ahead (replay, or a previous block) */
		if (ahead.pos < ahead.n) {
			size_t k = ahead.n - ahead.pos;

			raw = xgrow(raw, &cap, n + k + 1, 1);
			memcpy(raw + n, ahead.buf + ahead.pos, k);
			n += k;
			ahead.pos = ahead.n = 0;
		} else if (replay.on) {
			size_t k = replay.n - replay.pos;

			raw = xgrow(raw, &cap, n + k + 1, 1);
			memcpy(raw + n, replay.buf + replay.pos, k);
			n += k;
			replay.pos = replay.n;
		} else {
			struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
			ssize_t r;

			if (poll(&p, 1, 2000) <= 0)
				break;
			raw = xgrow(raw, &cap, n + 65536 + 1, 1);
			r = read(STDIN_FILENO, raw + n, 65536);
			if (r <= 0)
				break;
			n += (size_t)r;
		}
		raw[n] = '\0';
		hit = find(raw, n, end, sizeof end - 1);
		if (hit || replay.on)
			break;
	}
	if (hit) {
		size_t used = (size_t)(hit - (char *)raw);
		size_t rest = n - used - (sizeof end - 1);

		paste_add(raw, used);
		/* what came after the end mark: the next keys */
		if (replay.on) {
			replay.pos -= rest;
		} else {
			ahead.buf = xgrow(ahead.buf, &ahead.cap, rest + 1, 1);
			memcpy(ahead.buf, hit + sizeof end - 1, rest);
			ahead.n = rest;
			ahead.pos = 0;
		}
	} else {
		paste_add(raw, n);
	}
	free(raw);
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
	if (c == TERM_KEY_PASTE) {
		read_paste();
		k->code = TERM_KEY_PASTE;
		k->special = true;
		return 1;
	}
	if (c == TERM_KEY_PASTE_END)
		return 0;	/* an end without its start: nothing */
	if (c >= KEY_MIN) {
		int arrow = term_ctrl_arrow(c);

		k->code = arrow ? arrow : c;
		k->ctrl = arrow != 0;
		k->special = true;
		return 1;
	}
	if (c == 27 && (replay.on || ahead.pos < ahead.n)) {
		/* bytes decoded here, not by ncurses (a replay, what came
		 * after a paste): the paste mark and the cursor keys */
		static const char mark[] = "[200~";
		const unsigned char *b = replay.on && ahead.pos >= ahead.n
			? replay.buf + replay.pos : ahead.buf + ahead.pos;
		size_t avail = replay.on && ahead.pos >= ahead.n
			? replay.n - replay.pos : ahead.n - ahead.pos;

		if (avail >= 2 && (b[0] == '[' || b[0] == 'O')) {
			/* a cursor key: ESC [ A, ESC [ 5 ~, ESC [ 1 ; 5 C */
			static const struct { const char *seq; int code; bool ctrl; }
			csi[] = {
				{ "[A", KEY_UP, false }, { "[B", KEY_DOWN, false },
				{ "[C", KEY_RIGHT, false }, { "[D", KEY_LEFT, false },
				{ "OA", KEY_UP, false }, { "OB", KEY_DOWN, false },
				{ "OC", KEY_RIGHT, false }, { "OD", KEY_LEFT, false },
				{ "[H", KEY_HOME, false }, { "[F", KEY_END, false },
				{ "OH", KEY_HOME, false }, { "OF", KEY_END, false },
				{ "[1~", KEY_HOME, false }, { "[4~", KEY_END, false },
				{ "[3~", KEY_DC, false }, { "[5~", KEY_PPAGE, false },
				{ "[6~", KEY_NPAGE, false }, { "[Z", KEY_BTAB, false },
				{ "[1;5C", KEY_RIGHT, true }, { "[1;5D", KEY_LEFT, true },
				{ "[1;5A", KEY_UP, true }, { "[1;5B", KEY_DOWN, true },
			};

			for (size_t i = 0; i < sizeof csi / sizeof csi[0]; i++) {
				size_t len = strlen(csi[i].seq);

				if (avail >= len && !memcmp(b, csi[i].seq, len)) {
					if (replay.on && ahead.pos >= ahead.n)
						replay.pos += len;
					else
						ahead.pos += len;
					k->code = csi[i].code;
					k->special = true;
					k->ctrl = csi[i].ctrl;
					return 1;
				}
			}
		}
		if (avail >= sizeof mark - 1 && !memcmp(b, mark, sizeof mark - 1)) {
			if (replay.on && ahead.pos >= ahead.n)
				replay.pos += sizeof mark - 1;
			else
				ahead.pos += sizeof mark - 1;
			read_paste();
			k->code = TERM_KEY_PASTE;
			k->special = true;
			return 1;
		}
	}
	if (c == 27) {
		int d = next_byte(0);

		/* ESC then a key is Alt+key only when Alt+key means something:
		 * otherwise Esc followed quickly by a key (a fast typist, a
		 * script, a slow link) must stay Esc, then the key. */
		if (d != ERR && (d == '\r' || (d >= 0x20 && d < 0x80)) &&
		    keys_alt_bound(d)) {
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
