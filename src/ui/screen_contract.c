/*
 * The contract screen: the contract as a map. A list of the current level
 * on the left (breadcrumb above it), the detail of the highlighted item on
 * the right; Enter goes down a level, Backspace/Esc/← up; Tab moves the
 * focus to the detail to scroll it; / searches every text of the contract.
 */
#include "suivi/browse.h"
#include "ui_internal.h"
#include "suivi/date.h"
#include "suivi/number.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct contract_screen {
	char uid[STORE_UID_LEN];	/* contract loaded */
	char date[16];			/* annexes in force on */
	struct browse_source src;	/* what the tree is built from */
	struct node *root;
	struct node *level;		/* whose children are listed */
	size_t cursor, top;
	bool focus_detail;
	int detail_top;
	char query[256];
	char *folded_query;
	char **lines;			/* wrapped detail of the selection */
	size_t n_lines;
	int wrap_cols;
	const struct node *wrapped;
	int list_rows, detail_rows;
	char error[ERR_MSG_MAX];
};

static void drop_wrap(struct contract_screen *cs)
{
	text_lines_free(cs->lines, cs->n_lines);
	cs->lines = NULL;
	cs->n_lines = 0;
	cs->wrapped = NULL;
}

const struct browse_source *contract_screen_source(const struct ui *ui)
{
	const struct contract_screen *cs = ui->cs;

	if (!cs || !cs->root || !ui->n_contracts ||
	    strcmp(cs->uid, ui->contracts[ui->contract].uid))
		return NULL;
	return &cs->src;
}

static void contract_screen_free(struct contract_screen *cs)
{
	if (!cs)
		return;
	drop_wrap(cs);
	browse_free(cs->root);
	browse_source_release(&cs->src);
	free(cs->folded_query);
	free(cs);
}

static int load(struct ui *ui, struct contract_screen *cs, struct err *e)
{
	const char *uid = ui->contracts[ui->contract].uid;

	drop_wrap(cs);
	browse_free(cs->root);
	cs->root = NULL;
	browse_source_release(&cs->src);
	if (browse_load(ui->st, uid, ui->date, &cs->src, e) != 0)
		return -1;
	snprintf(cs->uid, sizeof cs->uid, "%s", uid);
	snprintf(cs->date, sizeof cs->date, "%s", ui->date);
	return 0;
}

static void rebuild(struct ui *ui, struct contract_screen *cs)
{
	struct browse_input in = {
		.contract = cs->src.contract,
		.domains = cs->src.domains,
		.n_domains = cs->src.n_domains,
		.date = ui->date,
		.year = atoi(ui->date),
		.iso_dates = ui->app->cfg.date_format == DATEFMT_ISO,
		.target = browse_store_target,
		.ctx = ui->st,
	};

	drop_wrap(cs);
	browse_free(cs->root);
	cs->root = browse_build(&in);
	cs->level = cs->root;
	cs->cursor = cs->top = 0;
	cs->detail_top = 0;
	cs->focus_detail = false;
}

static void enter(struct ui *ui)
{
	struct contract_screen *cs = ui->cs;
	struct err e;

	if (!cs)
		cs = ui->cs = xcalloc(1, sizeof *cs);
	cs->error[0] = '\0';
	if (!ui->n_contracts) {
		snprintf(cs->error, sizeof cs->error, "Aucun contrat dans la "
			 "base : importez-en un avec « suivi import FICHIER ».");
		return;
	}
	if (cs->root && !strcmp(cs->uid, ui->contracts[ui->contract].uid) &&
	    !strcmp(cs->date, ui->date))
		return;		/* already on view */
	if (load(ui, cs, &e) != 0) {
		snprintf(cs->error, sizeof cs->error, "%s", e.msg);
		return;
	}
	rebuild(ui, cs);
}

static void leave(struct ui *ui)
{
	(void)ui;
}

static struct node *selected(const struct contract_screen *cs)
{
	if (!cs->level || !cs->level->n_kids)
		return NULL;
	return cs->level->kids[cs->cursor];
}

static void go_to(struct contract_screen *cs, struct node *n)
{
	cs->level = n->parent;
	cs->cursor = browse_index(n);
	cs->detail_top = 0;
	drop_wrap(cs);
}

/* Wrap the selection's detail for the pane's width (cached). */
/* Columns of a paragraph's list marker ("• ", "- ", "1. ", "12) "), so
 * that the lines continuing it are indented under its text; 0 for none. */
static int hanging_indent(const char *p)
{
	size_t i = 0;

	if (!strncmp(p, "• ", strlen("• ")) || !strncmp(p, "- ", 2))
		return 2;
	while (p[i] >= '0' && p[i] <= '9' && i < 3)
		i++;
	if (i && (p[i] == '.' || p[i] == ')') && p[i + 1] == ' ')
		return (int)i + 2;
	return 0;
}

/* Wrap text to cols, paragraph by paragraph; the lines that continue a
 * list item are indented under its text. */
static void wrap_hanging(const char *text, int cols, char ***out, size_t *n)
{
	size_t cap = 0;
	const char *p = text;

	*out = NULL;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *para = xstrndup(p, len);
		int indent = hanging_indent(para);
		if (indent * 3 > cols)
			indent = 0;
		char **lines = NULL;
		size_t k = text_wrap(para, cols - indent, &lines);

		if (k == 0) {	/* an empty line between paragraphs */
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = xstrdup("");
		}
		for (size_t i = 0; i < k; i++) {
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = i && indent
				? xasprintf("%*s%s", indent, "", lines[i])
				: xstrdup(lines[i]);
		}
		text_lines_free(lines, k);
		free(para);
		if (!end)
			break;
		p = end + 1;
	}
}

static void wrap_detail(struct contract_screen *cs, int cols)
{
	const struct node *n = selected(cs);

	if (n == cs->wrapped && cols == cs->wrap_cols && cs->lines)
		return;
	text_lines_free(cs->lines, cs->n_lines);
	cs->lines = NULL;
	cs->n_lines = 0;
	if (n)
		wrap_hanging(n->detail, cols, &cs->lines, &cs->n_lines);
	cs->wrapped = n;
	cs->wrap_cols = cols;
}

/* First wrapped line holding the search text. */
static int first_match_line(struct contract_screen *cs)
{
	if (!cs->folded_query || !*cs->folded_query)
		return 0;
	for (size_t i = 0; i < cs->n_lines; i++) {
		char *f = text_fold(cs->lines[i]);
		bool hit = strstr(f, cs->folded_query) != NULL;

		free(f);
		if (hit)
			return (int)i;
	}
	return 0;
}

static void breadcrumb(const struct contract_screen *cs, char *buf, size_t n)
{
	const struct node *chain[32];
	size_t depth = 0, len = 0;

	for (const struct node *p = cs->level; p && depth < 32; p = p->parent)
		chain[depth++] = p;
	buf[0] = '\0';
	while (depth-- > 0 && len < n) {
		int w = snprintf(buf + len, n - len, "%s%s", len ? " › " : "",
				 chain[depth]->label);
		if (w < 0)
			break;
		len += (size_t)w;
	}
}

static void draw(struct ui *ui, int top, int rows, int cols)
{
	struct contract_screen *cs = ui->cs;
	const struct uiterm *t = &ui->term;
	struct node *sel;
	char crumb[1024];
	int lw, rx, rw, list_top, list_rows;

	if (!cs || cs->error[0] || !cs->root) {
		draw_text(t, top + 1, 2, cols - 4, PAINT_ERROR,
			  cs && cs->error[0] ? cs->error : "Chargement…");
		return;
	}
	lw = cols * 2 / 5;
	if (lw < 18)
		lw = 18;
	if (lw > 60)
		lw = 60;
	rx = lw + 1;
	rw = cols - rx - 1;
	breadcrumb(cs, crumb, sizeof crumb);
	draw_text(t, top, 0, cols, PAINT_TITLE, crumb);
	list_top = top + 1;
	list_rows = rows - 1;
	cs->list_rows = list_rows;
	cs->detail_rows = list_rows - 2;
	draw_vline(t, list_top, lw, list_rows);

	/* the list */
	if (cs->cursor < cs->top)
		cs->top = cs->cursor;
	if (cs->cursor >= cs->top + (size_t)list_rows)
		cs->top = cs->cursor - (size_t)list_rows + 1;
	for (int r = 0; r < list_rows; r++) {
		size_t i = cs->top + (size_t)r;
		struct node *n;
		char line[1024];
		enum paint role = PAINT_NORMAL;

		if (i >= cs->level->n_kids)
			break;
		n = cs->level->kids[i];
		snprintf(line, sizeof line, "%s %s",
			 i == cs->cursor ? (t->ascii ? ">" : "›") : " ",
			 n->label);
		if (browse_has_kids(n))
			strncat(line, t->ascii ? " >" : " ▸",
				sizeof line - strlen(line) - 1);
		if (i == cs->cursor)
			role = cs->focus_detail ? PAINT_SELECTED_DIM : PAINT_SELECTED;
		if (i == cs->cursor)
			draw_fill(t, list_top + r, 0, lw, role);
		draw_text(t, list_top + r, 0, lw, role, line);
	}
	if (cs->level->n_kids > (size_t)list_rows) {
		char pos[32];

		snprintf(pos, sizeof pos, "%zu/%zu", cs->cursor + 1,
			 cs->level->n_kids);
		draw_text(t, top + rows - 1, lw - (int)strlen(pos), (int)strlen(pos),
			  PAINT_DIM, pos);
	}

	/* the detail */
	sel = selected(cs);
	if (!sel || rw < 4)
		return;
	wrap_detail(cs, rw - 1);
	draw_text(t, list_top, rx + 1, rw - 1,
		  cs->focus_detail ? PAINT_SELECTED : PAINT_TITLE, sel->label);
	if (cs->detail_top > (int)cs->n_lines - cs->detail_rows)
		cs->detail_top = (int)cs->n_lines - cs->detail_rows;
	if (cs->detail_top < 0)
		cs->detail_top = 0;
	for (int r = 0; r < cs->detail_rows; r++) {
		size_t i = (size_t)(cs->detail_top + r);
		enum paint role = PAINT_NORMAL;

		if (i >= cs->n_lines)
			break;
		if (cs->folded_query && *cs->folded_query) {
			char *f = text_fold(cs->lines[i]);

			if (strstr(f, cs->folded_query))
				role = PAINT_MATCH;
			free(f);
		}
		draw_text(t, list_top + 2 + r, rx + 1, rw - 1, role, cs->lines[i]);
	}
	if ((int)cs->n_lines > cs->detail_rows) {
		char pos[48];
		int last = cs->detail_top + cs->detail_rows;

		snprintf(pos, sizeof pos, "lignes %d-%d/%zu", cs->detail_top + 1,
			 last > (int)cs->n_lines ? (int)cs->n_lines : last,
			 cs->n_lines);
		draw_text(t, list_top + 1, cols - (int)strlen(pos) - 1,
			  (int)strlen(pos), PAINT_DIM, pos);
	}
}

static void show_version(struct ui *ui, struct contract_screen *cs,
			 struct node *n)
{
	int domain = n->domain;
	int version = n->version;
	/* rebuilding frees the tree, n with it */
	char *label = xstrdup(n->label);

	cs->src.domains[domain].shown = (size_t)version;
	rebuild(ui, cs);
	/* back on the domain, now showing that version */
	for (size_t i = 0; i < cs->root->n_kids; i++)
		if (cs->root->kids[i]->kind == NODE_DOMAIN &&
		    cs->root->kids[i]->domain == domain)
			go_to(cs, cs->root->kids[i]);
	ui_message(ui, false, "Version affichée : %s", label);
	free(label);
}

struct search_ctx {
	struct contract_screen *cs;
	struct node *origin;
	size_t origin_cursor;
	struct node *origin_level;
};

static bool search_from(struct ui *ui, struct contract_screen *cs,
			struct node *from, bool forward)
{
	struct node *hit;

	if (!cs->folded_query || !*cs->folded_query)
		return false;
	hit = browse_find(cs->root, from, cs->folded_query, forward);
	if (!hit) {
		ui_message(ui, true, "« %s » : introuvable dans le contrat",
			   cs->query);
		return false;
	}
	go_to(cs, hit);
	wrap_detail(cs, cs->wrap_cols > 0 ? cs->wrap_cols : 40);
	cs->detail_top = first_match_line(cs);
	{
		size_t rank, count = browse_count(cs->root, cs->folded_query,
						  hit, &rank);

		ui_message(ui, false, "« %s » : %zu/%zu", cs->query, rank,
			   count);
	}
	return true;
}

static void on_search_change(struct ui *ui, const char *text, void *ctx)
{
	struct search_ctx *sc = ctx;
	struct contract_screen *cs = sc->cs;

	snprintf(cs->query, sizeof cs->query, "%s", text);
	free(cs->folded_query);
	cs->folded_query = text_fold(text);
	ui->message[0] = '\0';
	/* incremental: always from where the search started */
	cs->level = sc->origin_level;
	cs->cursor = sc->origin_cursor;
	if (*text)
		search_from(ui, cs, sc->origin, true);
}

static void search(struct ui *ui, struct contract_screen *cs)
{
	struct search_ctx sc = { cs, selected(cs), cs->cursor, cs->level };
	char text[256] = "";

	if (!sc.origin)
		sc.origin = cs->root;
	if (!ui_prompt(ui, "Chercher : ", text, sizeof text, on_search_change,
		       &sc)) {
		cs->level = sc.origin_level;
		cs->cursor = sc.origin_cursor;
		cs->query[0] = '\0';
		free(cs->folded_query);
		cs->folded_query = NULL;
		drop_wrap(cs);
		ui->message[0] = '\0';
	} else if (*text) {
		size_t rank, count = browse_count(cs->root, cs->folded_query,
						  selected(cs), &rank);

		if (count && rank)
			ui_message(ui, false, "« %s » : %zu/%zu · n suivant, "
				   "N précédent", text, rank, count);
		else
			ui_message(ui, true, "« %s » : introuvable dans le "
				   "contrat", text);
	}
}

static void ask_date(struct ui *ui)
{
	char text[32] = "";
	struct date d;

	if (!ui_prompt(ui, "Annexes en vigueur le (JJ/MM/AAAA) : ", text,
		       sizeof text, NULL, NULL) || !*text)
		return;
	if (date_parse(text, &d) != 0) {
		ui_message(ui, true, "« %s » n'est pas une date (JJ/MM/AAAA ou "
			   "AAAA-MM-JJ) : rien n'a changé", text);
		return;
	}
	date_format_iso(d, ui->date);
	enter(ui);
	{
		char shown[16];

		ui_date(ui, ui->date, shown, sizeof shown);
		ui_message(ui, false, "Annexes en vigueur le %s", shown);
	}
}

static int handle(struct ui *ui, enum action a, const struct key *k)
{
	struct contract_screen *cs = ui->cs;
	struct node *sel;

	(void)k;
	if (!cs || !cs->root)
		return UI_NOTHING;
	sel = selected(cs);
	if (cs->focus_detail) {
		int dpage = cs->detail_rows > 1 ? cs->detail_rows - 1 : 1;

		switch (a) {
		case ACT_UP: cs->detail_top--; return UI_REDRAW;
		case ACT_DOWN: cs->detail_top++; return UI_REDRAW;
		case ACT_PGUP: cs->detail_top -= dpage; return UI_REDRAW;
		case ACT_PGDN: cs->detail_top += dpage; return UI_REDRAW;
		case ACT_HOME: cs->detail_top = 0; return UI_REDRAW;
		case ACT_END: cs->detail_top = 1 << 20; return UI_REDRAW;
		case ACT_BACK:
		case ACT_TAB:
		case ACT_BTAB:
			cs->focus_detail = false;
			return UI_REDRAW;
		default:
			break;
		}
	}
	{
		size_t was = cs->cursor;

		/* the one list widget's keys */
		if (ui_list_nav(&cs->cursor, &cs->top, cs->level->n_kids,
				cs->list_rows, a)) {
			if (cs->cursor != was)
				cs->detail_top = 0;
			return UI_REDRAW;
		}
	}
	switch (a) {
	case ACT_TAB:
	case ACT_BTAB:
		cs->focus_detail = true;
		return UI_REDRAW;
	case ACT_OPEN:
		if (!sel)
			return UI_NOTHING;
		if (sel->kind == NODE_VERSION) {
			show_version(ui, cs, sel);
		} else if (browse_has_kids(sel)) {
			browse_expand(sel);
			cs->level = sel;
			cs->cursor = 0;
			cs->top = 0;
			cs->detail_top = 0;
		} else {
			cs->focus_detail = true;
		}
		return UI_REDRAW;
	case ACT_BACK:
		if (cs->level->parent) {
			struct node *up = cs->level;

			go_to(cs, up);
		}
		return UI_REDRAW;
	case ACT_SEARCH:
		search(ui, cs);
		return UI_REDRAW;
	case ACT_NEXT:
	case ACT_PREV:
		if (!cs->folded_query || !*cs->folded_query) {
			ui_message(ui, true, "Pas de recherche en cours : / pour "
				   "chercher");
			return UI_REDRAW;
		}
		search_from(ui, cs, sel ? sel : cs->root, a == ACT_NEXT);
		return UI_REDRAW;
	case ACT_DATE:
		ask_date(ui);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

static const enum action contract_keys[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_OPEN,
	ACT_BACK, ACT_TAB, ACT_SEARCH, ACT_NEXT, ACT_PREV, ACT_DATE, ACT_NONE
};

/* v: the selection's label and detail, whole. */
static char *whole(struct ui *ui, char **title)
{
	const struct node *n = ui->cs ? selected(ui->cs) : NULL;

	if (!n)
		return NULL;
	*title = xasprintf(" %s ", n->label);
	return xasprintf("%s\n\n%s", n->label, n->detail ? n->detail : "");
}

static void free_state(struct ui *ui)
{
	contract_screen_free(ui->cs);
	ui->cs = NULL;
}

const struct screen_ops screen_contract = {
	.free = free_state,
	.whole = whole,
	.title = "Contrat",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.handle = handle,
	.keys = contract_keys,
	.help_text = "À gauche la liste du niveau courant (▸ : il y a un niveau "
		     "en dessous), à droite le détail de l'élément choisi. Tab "
		     "passe au détail pour le faire défiler. La recherche ignore "
		     "accents et majuscules ; les lignes trouvées sont "
		     "soulignées.",
};
