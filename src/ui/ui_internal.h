/*
 * ui_internal.h - what the files of src/ui/ share.
 *
 * One loop (loop.c) reads every key and draws, once the keys waiting
 * are handled; what takes keys is a layer on its stack: the screen at the
 * bottom, then forms (form.c), prompts, questions, lists to choose from
 * and boxes of text (ask.c). Screens are tables of callbacks (struct
 * screen_ops, the table in shell.c) with private state, and return what
 * must happen (UI_* flags). Keys are decoded by term.c into struct key,
 * then mapped to named actions by keys.c (one table, with the French
 * labels the status line and the help show); in a text field every
 * printable key is text, edited by field.c on a struct edit (edit.h).
 * Every list moves with list.c.
 */
#ifndef SUIVI_UI_INTERNAL_H
#define SUIVI_UI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/run.h"
#include "suivi/edit.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/value.h"

struct ui;

/* What a jump between screens points at (ui_goto_ref): a grid cell
 * (uid of the indicator version, criticality "" when not split, period
 * key), a request or a dispute (uid), or the requests received from
 * `from` to `to` (ISO dates, inclusive). Fields not used are NULL. */
struct ui_ref {
	const char *uid, *criticality, *period, *from, *to;
};

#define UI_MIN_COLS 40
#define UI_MIN_ROWS 10

/* A decoded key: a curses KEY_* code or a Unicode code point, possibly
 * with Alt (sent by terminals as ESC + key). */
struct key {
	int code;
	bool alt;
	bool special;	/* code is a KEY_* constant */
	bool ctrl;	/* Ctrl+arrow (code is KEY_LEFT…) */
};

/* Keys of our own (above ncurses' KEY_MAX): a bracketed paste, its text
 * in term_paste. */
#define TERM_KEY_PASTE 0x7E01
#define TERM_KEY_PASTE_END 0x7E02
#define KEY_CTRL(c) ((c) & 0x1f)

enum action {
	ACT_NONE,
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END,
	ACT_OPEN, ACT_BACK, ACT_TAB, ACT_BTAB,
	ACT_SEARCH, ACT_NEXT, ACT_PREV,
	ACT_HELP, ACT_QUIT, ACT_REDRAW,
	ACT_SCREEN_1, ACT_SCREEN_2, ACT_SCREEN_3, ACT_SCREEN_4,
	ACT_SCREEN_5, ACT_SCREEN_6, ACT_SCREEN_7,
	ACT_COMMUNE, ACT_DATE, ACT_WHOLE,
	/* tableau de bord */
	ACT_LEFT, ACT_RIGHT, ACT_EDIT, ACT_COMMENT, ACT_CLEAR, ACT_UNDO,
	ACT_HISTORY, ACT_TARGET, ACT_PERIODICITY, ACT_TODO, ACT_YEAR_PREV,
	ACT_YEAR_NEXT, ACT_YEAR, ACT_FIRST_COL, ACT_LAST_COL,
	ACT_FIRST_ROW, ACT_LAST_ROW,
	/* saisines */
	ACT_NEW, ACT_CANCEL_REQ, ACT_FILTER_KIND, ACT_FILTER_STATUS,
	ACT_FILTER_DOMAIN, ACT_FILTER_PERIOD, ACT_FILTER_CLEAR, ACT_SORT,
	ACT_EXCEPTIONAL, ACT_MODIFY,
	/* litiges */
	ACT_STEP, ACT_CLOSE_DISPUTE, ACT_LIKE, ACT_SOLUTIONS,
	/* réunions */
	ACT_PARTICIPANT, ACT_DECISION, ACT_ADD_ACTION, ACT_ACTION_DONE,
	ACT_ACTION_STATUS, ACT_START_MEETING, ACT_CLOSE_MEETING,
	ACT_CANCEL_MEETING, ACT_MINUTES, ACT_EDIT_MEETING,
	/* rapports */
	ACT_REPORT_FORMAT, ACT_CLEAR_OBSERVATION, ACT_REPORT_PERIOD,
	ACT_EVAL_RECORD,
	/* corrections */
	ACT_DELETE, ACT_REOPEN,
	/* synchronisation */
	ACT_SYNC_EXPORT, ACT_SYNC_IMPORT, ACT_SYNC_REVIEWED, ACT_SYNC_FOLDER,
	/* toutes les communes */
	ACT_ACROSS, ACT_SORT_REVERSE,
	ACT_COUNT
};

/* Key maps: the common one, and screens that give some keys another
 * meaning (in the grid, h is the history and digits are typed; in the
 * réunions, d is a decision). */
enum keymap {
	KEYMAP_COMMON, KEYMAP_GRID, KEYMAP_LIST, KEYMAP_MEETING, KEYMAP_REPORTS,
	KEYMAP_SYNC,
	KEYMAP_ACROSS
};

/* Map a key to an action (ACT_NONE when the key means nothing here). */
enum action keys_action(const struct key *k);
/* The action of a key in a key map (its own keys first, then the
 * common ones). */
enum action keys_action_in(enum keymap map, const struct key *k);
/* Whether Alt+code is bound (ESC then code reads as Alt+code only then). */
bool keys_alt_bound(int code);
/* Label of the keys of an action and what it does, for help and status:
 * e.g. "↑ k", "monter". ascii selects the ASCII spelling. */
const char *keys_label(enum action a, bool ascii);
const char *keys_what(enum action a);
/* Every key of an action, for the help overlay: "Échap ← h Retour arrière". */
const char *keys_full_label(enum action a, bool ascii);

/* The one list widget (list.c): a cursor over n rows, `rows` of which
 * show from `top`. */
struct ui_list {
	size_t n, cur, top;
	int rows;
};
/* Move for a list action (↑ ↓ PgPréc PgSuiv Début Fin g G): true when a
 * was one (the cursor may stay at an end), scrolled into view. */
bool ui_list_key(struct ui_list *l, enum action a);
/* The same on a screen's own cursor and first row shown. */
bool ui_list_nav(size_t *cur, size_t *top, size_t n, int rows, enum action a);
/* / on a list: the cursor goes, as the text is typed, to the next row
 * (from where it was) holding it, accents and case aside; Échap puts it
 * back. text gives row i's words (heap). */
typedef char *(*ui_row_text_fn)(struct ui *ui, size_t i, void *ctx);
void ui_list_find(struct ui *ui, size_t *cur, size_t n, ui_row_text_fn text,
		  void *ctx);
/* Keep the cursor in bounds and in view. */
void ui_list_scroll(struct ui_list *l);
/* The mark of a list's row at y (cols wide): under the cursor, the
 * selection's colour and "›" in the first columns; the row's text goes
 * UI_LIST_INDENT columns further (returned). */
#define UI_LIST_INDENT 2
int ui_list_mark(struct ui *ui, int y, int cols, bool on);
/* Row i of the list at (y, x), w columns: "› " and the selection's
 * colour under the cursor, "  " otherwise. */
void ui_list_row(struct ui *ui, const struct ui_list *l, size_t i, int y,
		 int x, int w, const char *text);

/* Terminal (term.c) */
struct uiterm {
	bool ascii;		/* the user's locale is not UTF-8 */
	bool color;
	int rows, cols;
	bool started;
};

int term_start(struct uiterm *t, const struct config *cfg, struct err *e);
void term_stop(struct uiterm *t);
/* Wait up to timeout_ms for a key. 1: *k filled; 0: nothing (timeout or a
 * signal flag to look at); -1: the terminal is gone. */
int term_read_key(struct uiterm *t, struct key *k, int timeout_ms);
/* The text of the last TERM_KEY_PASTE (valid UTF-8, bytes that were not
 * read as Latin-1), *len its length; valid until the next key. */
const char *term_paste(size_t *len);
/* Whether more input is already waiting (a paste without brackets, fast
 * typing): the loop then handles it before drawing again. */
bool term_input_pending(void);
/* Ctrl+Z: give the terminal back and stop, as a shell's job; returns
 * when continued (fg), the screen to redraw. false (nothing done) when
 * no shell can continue us (no job control). */
bool term_suspend(struct uiterm *t);
/* Keys come from SUIVI_REPLAY (benchmark), not from the terminal. */
bool term_replaying(void);
/* Set by the signal handlers; the loop looks at them. */
bool term_should_quit(void);
/* Idle tick: lets a loop notice the end of input. */

/* Colour/attribute roles, each with a monochrome attribute. */
enum paint {
	PAINT_NORMAL, PAINT_HEADER, PAINT_TAB, PAINT_TAB_ACTIVE, PAINT_SELECTED,
	PAINT_SELECTED_DIM, PAINT_TITLE, PAINT_DIM, PAINT_STATUS, PAINT_MESSAGE,
	PAINT_ERROR, PAINT_MATCH, PAINT_BORDER,
	/* cell states: each also has its sign (✓ ✗ ?) */
	PAINT_MET, PAINT_MISSED, PAINT_MISSING, PAINT_CURRENT,
	PAINT_COUNT
};

/* A cell's status as the grid shows it (screen_dashboard.c), by a sign
 * (✓ × ?, " " for the others; + x ? in ASCII) and a colour role: never
 * colour alone. */
const char *ui_status_sign(const struct uiterm *t, enum value_status s);
enum paint ui_status_paint(enum value_status s);

/* Drawing helpers (draw.c): text is fitted to its columns, with an
 * ellipsis, transliterated to ASCII when the terminal is not UTF-8, and
 * never sent raw (controls become "?"). */
void draw_text(const struct uiterm *t, int y, int x, int cols, enum paint r,
	       const char *s);
void draw_fill(const struct uiterm *t, int y, int x, int cols, enum paint r);
void draw_hline(const struct uiterm *t, int y, int x, int cols);
void draw_vline(const struct uiterm *t, int y, int x, int rows);
/* A frame: rows × cols from (y, x), corners included. */
void draw_box(const struct uiterm *t, int y, int x, int rows, int cols);
int draw_width(const struct uiterm *t, const char *s);

/* The input stack (loop.c): the screen at the bottom, then forms,
 * lists, prompts, questions and boxes of text. A layer is a drawing (over
 * what is below it; NULL: nothing of its own) and a key handler; layers
 * embed struct layer first. */
enum { LAYER_STAY, LAYER_DONE };
struct layer {
	void (*draw)(struct ui *ui, struct layer *l);
	int (*key)(struct ui *ui, struct layer *l, const struct key *k);
	struct layer *below;
};
/* Push l and run the one loop until l's key handler returns LAYER_DONE
 * (true), or the terminal goes away (false, ui->gone set). The only code
 * that reads keys; it draws the whole stack, handles resizes, Ctrl+Z and
 * Ctrl+L (ui_common_key). */
bool ui_loop(struct ui *ui, struct layer *l);
/* Draw the layers above the screen, bottom up (ui_draw calls it). */
void ui_draw_layers(struct ui *ui);
/* The benchmark's figures (SUIVI_REPLAY) on stderr. */
void ui_replay_report(void);

/* Handler results */
enum {
	UI_NOTHING = 0,
	UI_REDRAW = 1 << 0,
	UI_RELOAD = 1 << 1,	/* the contract or date changed: reload */
	UI_QUIT = 1 << 2,
};

struct ui;

/* What an action does on one screen, when the shared words do not fit
 * it (n: "nouveau litige" rather than "nouvelle saisine"). */
struct action_word {
	enum action action;
	const char *what;
};

/* Which keys do an action on a screen whose key map binds it to other
 * keys than the shared ones: UTF-8 and ASCII spellings, short (status
 * line) and full (help), as keys.c has them. */
struct action_keys {
	enum action action;
	const char *keys, *keys_ascii;
	const char *full, *full_ascii;
};

struct screen_ops {
	const char *title;		/* "Contrat" */
	/* On a narrow terminal's tabs ("Tableau"); NULL: the title. */
	const char *short_title;
	void (*enter)(struct ui *ui);
	void (*leave)(struct ui *ui);
	void (*draw)(struct ui *ui, int top, int rows, int cols);
	int (*handle)(struct ui *ui, enum action a, const struct key *k);
	/* Actions this screen answers, for the status line and help. */
	const enum action *keys;
	/* A line or two of help of its own (legend), or NULL. */
	const char *help_text;
	/* The few keys the status line shows (NULL: the common choice). */
	const enum action *status_keys;
	/* Which keys mean what here. */
	enum keymap keymap;
	/* This screen's own words for some actions, ended by ACT_NONE
	 * (NULL: the shared words). */
	const struct action_word *words;
	/* This screen's own keys for some actions, ended by ACT_NONE
	 * (NULL: the shared labels). */
	const struct action_keys *key_labels;
	/* True while a form holds input not yet saved (q then asks before
	 * quitting); NULL for screens without forms. */
	bool (*unsaved)(struct ui *ui);
	/* What the status line says instead of the keys where the keys
	 * change meaning (a text cell of the grid: letters are typed);
	 * NULL, or returning NULL: the keys. */
	const char *(*status_hint)(struct ui *ui);
	/* Free the screen's state (at the end). */
	void (*free)(struct ui *ui);
	/* A form or a value left typed when the terminal went away (its
	 * draft slot holds it), and offering it back at the next start, on
	 * this screen (NULL: the screen keeps no draft). */
	bool (*pending_draft)(struct ui *ui);
	void (*offer_draft)(struct ui *ui);
	/* The item under the cursor as one text, whole (what the list or
	 * the page cut with "…"), heap, its title in *title (heap); NULL
	 * when there is none. v shows it, wrapped. */
	char *(*whole)(struct ui *ui, char **title);
	/* Show what ref points at (the screen is current); says on the
	 * status line when it is not there. NULL: nothing to point at. */
	void (*show)(struct ui *ui, const struct ui_ref *ref);
	/* A view reached from one of the six screens rather than a tab of
	 * its own: that screen, whose tab the header shows active (NULL:
	 * the screen is a tab). */
	const struct screen_ops *tab;
};

extern const struct screen_ops screen_contract;
extern const struct screen_ops screen_dashboard;
extern const struct screen_ops screen_requests;
extern const struct screen_ops screen_disputes;
extern const struct screen_ops screen_meetings;
extern const struct screen_ops screen_reports;
extern const struct screen_ops screen_sync;
/* Toutes les communes: one indicator across every commune, reached from
 * the tableau de bord (T). */
extern const struct screen_ops screen_across;

struct contract_screen;
struct dash_screen;
struct req_screen;
struct dis_screen;
struct mt_screen;
struct rp_screen;
struct sy_screen;
struct across_screen;

struct ui {
	struct app *app;
	struct store *st;
	struct uiterm term;
	struct contract_info *contracts;
	size_t n_contracts;
	size_t contract;		/* index of the contract in view */
	char date[16];			/* annexes in force on (ISO) */
	char today[16];
	const struct screen_ops *screen;
	struct contract_screen *cs;	/* the contract screen's state */
	struct dash_screen *ds;		/* the tableau de bord's */
	struct req_screen *rs;		/* the saisines' */
	struct dis_screen *dis;		/* the litiges' */
	struct mt_screen *mt;		/* the réunions' */
	struct rp_screen *rp;		/* the rapports' */
	struct sy_screen *sy;		/* the synchronisation's */
	struct across_screen *as;	/* toutes les communes' */
	char message[256];		/* status-line message, or "" */
	bool message_error;
	bool quit;
	char *header;			/* the header's text, for ... */
	size_t header_contract;		/* ... this contract ... */
	char header_date[16];		/* ... at this date */
	bool gone;			/* the last prompt ended because the
					 * terminal went away (signal, EOF) */
	char *draft_said;		/* where a draft went, or that it was
					 * lost: said on stderr at the end */
	struct layer *top;		/* the input stack (loop.c) */
	int caret_y, caret_x;		/* ui_caret */
	bool caret_on, caret_shown;
	bool day_changed;		/* the screen to reload, at the bottom */
};

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Test hook (tests/stress): with SUIVI_ACK_LOG=FILE, each save the status
 * line acknowledges appends one line to FILE, its fields separated by
 * tabs (tabs and line breaks in them become spaces), with write(2) then
 * fsync before the screen shows it: whatever the user saw acknowledged
 * is in FILE. Called with the fields and a NULL; a no-op without the
 * variable; failures are ignored (a test hook, never in the way). */
void ui_ack_log(const char *field, ...);
/* What an action does on the current screen (its own word, else the
 * shared one). */
const char *ui_key_what(const struct ui *ui, enum action a);
/* The keys of an action on the current screen (its own, else the shared
 * ones): full for the help. */
const char *ui_key_label(const struct ui *ui, enum action a, bool full);
/* Screens by position: what Alt+1 … Alt+6 reach. */
enum {
	UI_SCREEN_CONTRACT, UI_SCREEN_DASHBOARD, UI_SCREEN_REQUESTS,
	UI_SCREEN_DISPUTES, UI_SCREEN_MEETINGS, UI_SCREEN_REPORTS,
	UI_SCREEN_SYNC
};
/* Leave the current screen for screen i (as Alt+1+i does): every move
 * between screens goes through here. */
void ui_goto(struct ui *ui, size_t i);
/* The same, then what ref points at on that screen (its show). */
void ui_goto_ref(struct ui *ui, size_t i, const struct ui_ref *ref);
/* Format an ISO date as the user's setting wants it. */
void ui_date(const struct ui *ui, const char *iso, char *buf, size_t n);
/* Today again (midnight may have passed): true when the day changed
 * (ui->today, ui->date when it followed today, the header); the loop
 * then reloads the screen. */
bool ui_clock(struct ui *ui);
/* A folder as shown: "~/…" under $HOME. */
void ui_shown_dir(const char *dir, char *buf, size_t n);

/* A one-line prompt on the status line (search, date): edits text in
 * place; on_change is called after each edit. Returns true when confirmed
 * with Enter, false when cancelled with Esc or the terminal went away. */
typedef void (*prompt_change_fn)(struct ui *ui, const char *text, void *ctx);
bool ui_prompt(struct ui *ui, const char *label, char *text, size_t size,
	       prompt_change_fn on_change, void *ctx);
/* The same on an editor of the caller's (a long comment, a reason:
 * limits.h's kinds), drawn on one line. */
bool ui_prompt_edit(struct ui *ui, const char *label, struct edit *ed,
		    prompt_change_fn on_change, void *ctx);
/* Keys every loop treats alike: a resize (nothing to do but draw),
 * Ctrl+Z (suspend, or say why not), Ctrl+L (redraw). true when k was
 * one of them. */
bool ui_common_key(struct ui *ui, const struct key *k);
/* Inline entry over a cell: an edit line at (y, x), w columns, with
 * hint on the status line. Same keys and results as ui_prompt; when it
 * returns false, ui->gone says whether the terminal went away (the
 * caller keeps what was typed as a draft). */
bool ui_edit(struct ui *ui, int y, int x, int w, const char *hint,
	     char *text, size_t size);
/* A box over the screen with lines of text (↑↓ PgPréc PgSuiv Début Fin
 * scroll, another key closes it and its action is returned). */
enum action ui_overlay(struct ui *ui, const char *title, char **lines,
		       size_t n);
/* A text shown whole, wrapped, in a box (what a list or a page cut
 * with "…"). */
void ui_show_whole(struct ui *ui, const char *title, const char *text);
/* The width of such a box. */
int ui_overlay_width(const struct uiterm *t);
/* A message on the status line, w columns from x; one too long takes
 * the line above too, cut between words. */
void ui_status_text(const struct uiterm *t, int x, int w, enum paint p,
		    enum paint fill, const char *msg);
/* Ask on the status line the reason of a change to what a meeting
 * validated or closed (a long text): heap, trimmed, never blank (a
 * blank one is asked again, saying why it is `needed`); NULL when left
 * with Échap or when the terminal went away. */
char *ui_ask_reason(struct ui *ui, const char *label, const char *needed);
/* A record's history (who, when, what, before, after, the reason) in a
 * box, every text whole and wrapped; oldest first. */
void ui_show_changes(struct ui *ui, const char *title,
		     const struct store_change *v, size_t n);
/* A year: 1900 to 2199, as the store takes them. */
bool ui_year_ok(struct ui *ui, int year);
/* Ask for a year on the status line: true with *year set when a valid
 * one was typed (a French message otherwise, or nothing when left). */
bool ui_ask_year(struct ui *ui, int *year);
/* A yes/no question on the status line: true for o/O (oui), false for
 * anything else (n, Esc, Entrée) or when the terminal goes away. */
bool ui_confirm(struct ui *ui, const char *question);
/* A list to choose from (a choice field's, a commune…): ↑ ↓ PgPréc
 * PgSuiv Début Fin move, typing narrows it (accents and case ignored;
 * first_cp, when not 0, is the first letter typed), Entrée chooses, Échap
 * leaves. Returns the index chosen, or -1. */
int ui_choose(struct ui *ui, const char *title, const char *const *labels,
	      size_t n, int current, int first_cp);
/* Redraw the whole screen now (used by prompts and overlays). */
void ui_draw(struct ui *ui);

/* The field editor on screen (field.c): the keys of every text field.
 * FIELD_NOT_MINE: not an editing key (Tab, Entrée, Échap…: the
 * caller's); FIELD_STAYED: an editing key that changed nothing (at an
 * end, or refused: the reason is on the status line); FIELD_MOVED: the
 * caret moved; FIELD_CHANGED: the text changed. cols: the width the
 * text is laid out in (↑ ↓ in a long text). */
enum field_result { FIELD_NOT_MINE, FIELD_STAYED, FIELD_MOVED, FIELD_CHANGED };
enum field_result ui_field_key(struct ui *ui, struct edit *ed,
			       const struct key *k, int cols);
/* Draw ed at (y, x), w columns by h rows (one row: scrolled sideways to
 * the caret; more: wrapped, scrolled to the caret's row); with focus the
 * terminal's cursor goes to the caret (ui_caret). */
void ui_field_draw(struct ui *ui, struct edit *ed, int y, int x, int w, int h,
		   enum paint p, bool focus);
/* The keys of every text field, in French (help), and F1's box. */
extern const char ui_field_keys_text[];
void ui_field_help(struct ui *ui);
/* The rows a field needs at width w, 1 to max. */
int ui_field_rows(struct ui *ui, struct edit *ed, int w, int max);
/* Where the terminal's cursor shows (the caret of the field being
 * edited) once the screen is drawn; without a call during a drawing,
 * the cursor is hidden. */
void ui_caret(struct ui *ui, int y, int x);
/* Send the drawing to the terminal, cursor placed (or hidden). */
void ui_flush(struct ui *ui);

/* Forms (form.c) */
enum field_kind { FIELD_TEXT, FIELD_CHOICE, FIELD_LABEL };

struct form_field {
	const char *label;
	enum field_kind kind;
	char *text;			/* FIELD_TEXT: heap */
	const char *const *choices;	/* FIELD_CHOICE: labels */
	size_t n_choices;
	int choice;
	bool required;			/* marked with * */
	bool hidden;			/* not shown, skipped */
	const char *hint;		/* on the status line */
	enum text_kind tkind;		/* FIELD_TEXT: its limit and whether
					 * it takes line breaks (TEXT_LINE
					 * unless said) */
};

struct form;
typedef void (*form_change_fn)(struct form *f, size_t field, void *ctx);
/* true to save; false with a French reason in err to stay */
typedef bool (*form_check_fn)(struct form *f, void *ctx, char *err,
			      size_t n);

struct form {
	const char *title;
	struct form_field *fields;
	size_t n, cur;
	bool dirty;			/* something was typed or changed */
	form_change_fn on_change;
	char *aside;			/* text under the fields, heap */
	struct edit ed;			/* the field under the cursor's */
	size_t ed_of;
	bool ed_live;
};

void form_field_set(struct form_field *f, const char *text);
/* n fields made empty texts (each text on the heap, form_release frees). */
void form_fields_init(struct form_field *f, size_t n);
/* The text of field i, or NULL when it is empty (a choice: NULL). */
const char *form_text(const struct form *f, size_t i);
/* A form's fields as one text, for a draft ("c<n>" for a choice,
 * "t<text>" for a text, then "p<n>" the field under the cursor, separated
 * by a control character nobody types), and back into a form of the
 * same fields (what does not fit them is ignored). */
char *form_serialize(const struct form *f);
void form_restore(struct form *f, const char *text);
/* Field number `field` of a serialized form when it is a text (-1: the
 * first text field), cut to fit buf (never half a character); "" when
 * there is none: what a draft is about, for the question offering it
 * back. */
void form_draft_excerpt(const char *text, int field, char *buf, size_t n);
/* True when the store holds a draft in slot (drafts: store_draft.h). */
bool ui_draft_pending(struct ui *ui, const char *slot);
/* After ui_form_run returned false: when the terminal went away with
 * something typed, f becomes the draft of slot, with ctx (which says
 * what the form was for) — the next start offers it back. */
/* Keeps text as the draft of slot (draft_keep): when the database cannot
 * take it, where it went (or that it was lost) is said on stderr once
 * the terminal is given back. */
void ui_keep_draft(struct ui *ui, const char *slot, const char *ctx,
		   const char *text);
void ui_form_keep_draft(struct ui *ui, const struct form *f, const char *slot,
			const char *ctx);
void form_release(struct form *f);
/* Run f until saved (true, check passed) or left (false; ui->gone when
 * the terminal went away: the caller keeps f's texts as a draft). */
bool ui_form_run(struct ui *ui, struct form *f, form_check_fn check,
		 void *ctx);

/* Screen states (screen_*.c) */
/* The contract screen's loaded texts and annexes of the contract in view,
 * or NULL (another contract, not loaded): the tableau de bord borrows
 * them instead of loading them again. */
struct browse_source;
const struct browse_source *contract_screen_source(const struct ui *ui);
/* Open the view of indicator code ("nsi/3.3.2") across every commune
 * for period p (criticality NULL or "": every one), from the tableau de
 * bord: Échap comes back to it. */
struct period;
void ui_across_open(struct ui *ui, const char *code, const char *criticality,
		    const struct period *p);
/* A dispute form (opening, step, closure) left open when the terminal
 * went away: pending at start, then offered back. */
/* A draft left by a terminal that went away, and offering it back. */

#endif
