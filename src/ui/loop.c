/*
 * The one input loop. Everything that takes keys is a layer on one stack
 * (struct layer, ui_internal.h): the screen at the bottom, then a form, a
 * list to choose from, a prompt, a question, a box of text. ui_loop is
 * the only code that reads a key: it draws the stack from the bottom up
 * (once the keys already waiting are handled), looks at what every layer
 * shares (a resize, the terminal gone or a signal, Ctrl+Z, Ctrl+L), and
 * hands the key to the top layer, until that layer says it is done.
 * A layer that needs an answer from another (a form asking "Abandonner ?")
 * pushes it with ui_loop and gets it back when it pops (htop's
 * ScreenManager_run, tmux's window modes).
 */
#include "ui_internal.h"
#include "suivi/xalloc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

bool ui_common_key(struct ui *ui, const struct key *k)
{
	if (k->special && k->code == KEY_RESIZE)
		return true;
	if (!k->special && !k->alt && k->code == KEY_CTRL('z')) {
		if (!term_suspend(&ui->term))
			ui_message(ui, true, "Ctrl+Z : pas de suspension ici (suivi "
				   "n'a pas été lancé par un shell qui sait la "
				   "reprendre) ; rien n'est perdu");
		else
			ui_message(ui, false, "De retour : rien n'a été perdu");
		return true;
	}
	if (!k->special && !k->alt && k->code == KEY_CTRL('l')) {
		clearok(curscr, TRUE);
		return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Benchmark (SUIVI_REPLAY): the time of each key handled by the bottom
 * layer, from its reading to the end of its drawing; reported on stderr
 * at the end.                                                         */

struct replay_times {
	double *ms;
	size_t n, cap;
};

static struct replay_times rep, rep_enter, rep_layer, rep_paste;

static double now_ms_f(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void replay_record(struct replay_times *r, double t0)
{
	r->ms = xgrow(r->ms, &r->cap, r->n + 1, sizeof *r->ms);
	r->ms[r->n++] = now_ms_f() - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

void ui_replay_report(void)
{
	struct rusage ru;
	double sum = 0;
	struct replay_times *r = &rep;

	if (!term_replaying())
		return;
	/* the first key opens a screen: reported apart */
	if (r->n > 1) {
		for (size_t i = 1; i < r->n; i++)
			sum += r->ms[i];
		qsort(r->ms + 1, r->n - 1, sizeof *r->ms, cmp_double);
	}
	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr, "relecture : première touche %.3f ms ; %zu touches : "
		"médiane %.3f ms, max %.3f ms, moyenne %.3f ms ; mémoire max "
		"%ld ko\n", r->n ? r->ms[0] : 0.0,
		r->n > 1 ? r->n - 1 : 0, r->n > 1 ? r->ms[1 + (r->n - 1) / 2] : 0.0,
		r->n > 1 ? r->ms[r->n - 1] : 0.0,
		r->n > 1 ? sum / (double)(r->n - 1) : 0.0, ru.ru_maxrss);
	free(r->ms);
	memset(r, 0, sizeof *r);
	/* the keys that saved a value: typed, Entrée, saved (fsync
	 * included), the row reloaded and the screen redrawn */
	r = &rep_enter;
	if (r->n) {
		qsort(r->ms, r->n, sizeof *r->ms, cmp_double);
		fprintf(stderr, "relecture : %zu enregistrements : médiane %.3f ms, max "
			"%.3f ms\n", r->n, r->ms[r->n / 2], r->ms[r->n - 1]);
	}
	free(r->ms);
	memset(r, 0, sizeof *r);
	/* keys typed in forms, prompts and lists, and pastes */
	for (int i = 0; i < 2; i++) {
		r = i ? &rep_paste : &rep_layer;
		if (r->n) {
			qsort(r->ms, r->n, sizeof *r->ms, cmp_double);
			fprintf(stderr, "relecture : %zu %s : médiane %.3f ms, max "
				"%.3f ms\n", r->n, i ? "collages"
						   : "touches dans un formulaire ou une saisie",
				r->ms[r->n / 2], r->ms[r->n - 1]);
		}
		free(r->ms);
		memset(r, 0, sizeof *r);
	}
}

/* ------------------------------------------------------------------ */

bool ui_loop(struct ui *ui, struct layer *l)
{
	bool bottom = ui->top == NULL, done = false, dirty = true;

	l->below = ui->top;
	ui->top = l;
	if (!bottom)
		ui->gone = false;
	for (;;) {
		struct key k;
		double t0;
		int r;

		/* keys already waiting (a paste without brackets, fast
		 * typing) are handled before the screen is drawn again */
		if (dirty && !term_input_pending()) {
			ui_draw(ui);
			dirty = false;
		}
		r = term_read_key(&ui->term, &k, 250);
		if (r < 0 || term_should_quit()) {
			ui->gone = true;
			break;
		}
		/* midnight: the day everything shown is judged on */
		if (ui_clock(ui)) {
			ui->day_changed = true;
			dirty = true;
		}
		if (bottom && ui->day_changed) {
			ui->day_changed = false;
			ui->screen->enter(ui);
			dirty = true;
		}
		if (r == 0)
			continue;
		dirty = true;
		t0 = now_ms_f();
		if (ui_common_key(ui, &k))
			continue;
		if (l->key(ui, l, &k) == LAYER_DONE) {
			done = true;
			break;
		}
		if (!bottom && term_replaying()) {
			/* a key in a form, a prompt, a list: drawn, timed */
			ui_draw(ui);
			dirty = false;
			replay_record(k.special && k.code == TERM_KEY_PASTE
				      ? &rep_paste : &rep_layer, t0);
		}
		if (bottom && term_replaying()) {
			/* benchmark: the key's whole cost, drawing included */
			ui_draw(ui);
			dirty = false;
			replay_record(&rep, t0);
			/* a key that ended in a saved value (typed on a cell,
			 * then Entrée): the save's whole cost, fsync included */
			if (!strncmp(ui->message, "Enregistré", strlen("Enregistré")))
				replay_record(&rep_enter, t0);
		}
	}
	ui->top = l->below;
	return done;
}

void ui_draw_layers(struct ui *ui)
{
	struct layer *stack[16];
	size_t n = 0;

	/* bottom up; the bottom one (the screen) is drawn by ui_draw */
	for (struct layer *l = ui->top; l && n < 16; l = l->below)
		stack[n++] = l;
	while (n-- > 0)
		if (stack[n]->draw)
			stack[n]->draw(ui, stack[n]);
}
