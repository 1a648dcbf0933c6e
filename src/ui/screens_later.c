/*
 * Screens whose capability has not landed yet: each says so plainly, and
 * what it will hold.
 */
#include "ui_internal.h"

struct later {
	const char *what;
	const char *when;
};

static void draw_later(struct ui *ui, int top, int cols, const struct later *l)
{
	draw_text(&ui->term, top + 1, 2, cols - 4, PAINT_TITLE, l->what);
	draw_text(&ui->term, top + 3, 2, cols - 4, PAINT_NORMAL,
		  "Cet écran n'est pas encore livré dans cette version de suivi.");
	draw_text(&ui->term, top + 4, 2, cols - 4, PAINT_NORMAL, l->when);
	draw_text(&ui->term, top + 6, 2, cols - 4, PAINT_DIM,
		  "1 ou Alt+1 : revenir au contrat.");
}

static void nothing(struct ui *ui)
{
	(void)ui;
}

static int no_key(struct ui *ui, enum action a, const struct key *k)
{
	(void)ui;
	(void)a;
	(void)k;
	return UI_NOTHING;
}

static const enum action no_keys[] = { ACT_NONE };

#define LATER(name, title_, what_, when_)                                   \
	static void draw_##name(struct ui *ui, int top, int rows, int cols) \
	{                                                                   \
		static const struct later l = { what_, when_ };             \
		(void)rows;                                                 \
		draw_later(ui, top, cols, &l);                              \
	}                                                                   \
	const struct screen_ops screen_##name = {                           \
		.title = title_, .enter = nothing, .leave = nothing,        \
		.draw = draw_##name, .handle = no_key, .keys = no_keys,     \
	}

LATER(reports, "Rapports",
      "Rapports : évaluation annuelle et état récapitulatif annuel.",
      "Il arrive avec le lot « Rapports » (évaluation due au 31 mars).");
