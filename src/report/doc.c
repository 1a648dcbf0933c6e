/*
 * A document as data (include/suivi/doc.h): the builder, the formats and
 * the dispatch to the renderers (doc_html.c, doc_odf.c, doc_md.c,
 * doc_csv.c).
 *
 * The builder never fails: memory is xalloc's, and a call that makes no
 * sense (a point past the end of a chart, a cell of a table with no
 * column) does nothing rather than corrupt the doc.
 */
#include "suivi/doc.h"
#include "doc_internal.h"
#include "suivi/atomic.h"
#include "suivi/number.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Building                                                            */

static char *vformat(const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *s;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return xstrdup("");
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *dup0(const char *s)
{
	return xstrdup(s ? s : "");
}

void doc_init(struct doc *d, const char *title, const char *subtitle)
{
	memset(d, 0, sizeof *d);
	d->title = dup0(title);
	d->subtitle = xstrdup_or_null(subtitle);
}

static void table_free(struct doc_table *t)
{
	if (!t)
		return;
	free(t->name);
	for (size_t i = 0; i < t->n_cols; i++)
		free(t->heads[i]);
	free(t->heads);
	for (size_t i = 0; i < t->n_rows * t->n_cols; i++) {
		free(t->cells[i].text);
		free(t->cells[i].mark);
	}
	free(t->cells);
	free(t->flagged);
	free(t);
}

static void chart_free(struct doc_chart *c)
{
	if (!c)
		return;
	free(c->title);
	free(c->unit);
	for (size_t i = 0; i < c->n; i++)
		free(c->labels[i]);
	free(c->labels);
	free(c->values);
	free(c->has);
	free(c);
}

void doc_release(struct doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		struct doc_block *b = &d->blocks[i];

		free(b->text);
		for (size_t j = 0; j < b->n_items; j++) {
			free(b->items[j]);
			if (b->values)
				free(b->values[j]);
		}
		free(b->items);
		free(b->values);
		free(b->flagged);
		table_free(b->table);
		chart_free(b->chart);
	}
	free(d->blocks);
	free(d->title);
	free(d->subtitle);
	free(d->footer);
	memset(d, 0, sizeof *d);
}

void doc_set_footer(struct doc *d, const char *footer)
{
	free(d->footer);
	d->footer = xstrdup_or_null(footer);
}

static struct doc_block *block_new(struct doc *d, enum doc_block_kind kind)
{
	struct doc_block *b;

	d->blocks = xgrow(d->blocks, &d->cap, d->n + 1, sizeof *d->blocks);
	b = &d->blocks[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

void doc_heading(struct doc *d, int level, const char *fmt, ...)
{
	struct doc_block *b = block_new(d, DOC_HEADING);
	va_list ap;

	b->level = level < 1 ? 1 : level > 3 ? 3 : level;
	va_start(ap, fmt);
	b->text = vformat(fmt, ap);
	va_end(ap);
}

void doc_para(struct doc *d, const char *fmt, ...)
{
	struct doc_block *b = block_new(d, DOC_PARAGRAPH);
	va_list ap;

	va_start(ap, fmt);
	b->text = vformat(fmt, ap);
	va_end(ap);
}

void doc_note(struct doc *d, const char *fmt, ...)
{
	struct doc_block *b = block_new(d, DOC_NOTE);
	va_list ap;

	va_start(ap, fmt);
	b->text = vformat(fmt, ap);
	va_end(ap);
}

void doc_warning(struct doc *d, const char *fmt, ...)
{
	struct doc_block *b = block_new(d, DOC_WARNING);
	va_list ap;

	va_start(ap, fmt);
	b->text = vformat(fmt, ap);
	va_end(ap);
}

void doc_nothing(struct doc *d, const char *fmt, ...)
{
	struct doc_block *b = block_new(d, DOC_NOTHING);
	va_list ap;

	va_start(ap, fmt);
	b->text = vformat(fmt, ap);
	va_end(ap);
}

/* Room for one more item in b: items, and the values or flags that go
 * along (kept as long as items, zeroed). */
static size_t item_new(struct doc_block *b)
{
	size_t cap = b->cap_items;

	b->items = xgrow(b->items, &b->cap_items, b->n_items + 1,
			 sizeof *b->items);
	if (b->kind == DOC_FIELDS) {
		b->values = xrealloc(b->values, b->cap_items * sizeof *b->values);
		for (size_t i = cap; i < b->cap_items; i++)
			b->values[i] = NULL;
	} else {
		b->flagged = xrealloc(b->flagged,
				      b->cap_items * sizeof *b->flagged);
		for (size_t i = cap; i < b->cap_items; i++)
			b->flagged[i] = false;
	}
	return b->n_items++;
}

void doc_field(struct doc *d, const char *key, const char *fmt, ...)
{
	struct doc_block *b = d->n && d->blocks[d->n - 1].kind == DOC_FIELDS
				      ? &d->blocks[d->n - 1]
				      : block_new(d, DOC_FIELDS);
	size_t i = item_new(b);
	va_list ap;

	b->items[i] = dup0(key);
	va_start(ap, fmt);
	b->values[i] = vformat(fmt, ap);
	va_end(ap);
}

void doc_list(struct doc *d)
{
	block_new(d, DOC_LIST);
}

void doc_list_numbered(struct doc *d)
{
	block_new(d, DOC_LIST)->ordered = true;
}

static struct doc_block *last_list(struct doc *d)
{
	for (size_t i = d->n; i-- > 0;)
		if (d->blocks[i].kind == DOC_LIST)
			return &d->blocks[i];
	return NULL;
}

void doc_item(struct doc *d, const char *fmt, ...)
{
	struct doc_block *b = last_list(d);
	size_t i;
	va_list ap;

	if (!b)
		b = block_new(d, DOC_LIST);
	i = item_new(b);
	va_start(ap, fmt);
	b->items[i] = vformat(fmt, ap);
	va_end(ap);
}

void doc_item_flag(struct doc *d)
{
	struct doc_block *b = last_list(d);

	if (b && b->n_items)
		b->flagged[b->n_items - 1] = true;
}

struct doc_table *doc_table(struct doc *d, const char *name, size_t n_cols,
			    const char *const *heads)
{
	struct doc_block *b = block_new(d, DOC_TABLE);
	struct doc_table *t = xcalloc(1, sizeof *t);

	t->name = dup0(name);
	t->n_cols = n_cols;
	t->heads = xcalloc(n_cols ? n_cols : 1, sizeof *t->heads);
	for (size_t i = 0; i < n_cols; i++)
		t->heads[i] = dup0(heads ? heads[i] : NULL);
	b->table = t;
	return t;
}

void doc_row(struct doc_table *t)
{
	size_t need = (t->n_rows + 1) * t->n_cols;
	size_t cap = t->cap_flagged;

	t->flagged = xgrow(t->flagged, &t->cap_flagged, t->n_rows + 1,
			   sizeof *t->flagged);
	for (size_t i = cap; i < t->cap_flagged; i++)
		t->flagged[i] = false;

	if (need > t->cap) {
		size_t old = t->cap;

		t->cells = xgrow(t->cells, &t->cap, need, sizeof *t->cells);
		memset(t->cells + old, 0, (t->cap - old) * sizeof *t->cells);
	}
	t->n_rows++;
}

/* The next free cell of the last row: a filled cell never has a NULL
 * text, so the first NULL one is next. A table with no row yet, or whose
 * last row is full, gets a new row. NULL when the table has no column. */
static struct doc_cell *next_cell(struct doc_table *t)
{
	struct doc_cell *row;

	if (!t->n_cols)
		return NULL;
	if (t->n_rows) {
		row = &t->cells[(t->n_rows - 1) * t->n_cols];
		for (size_t i = 0; i < t->n_cols; i++)
			if (!row[i].text)
				return &row[i];
	}
	doc_row(t);
	return &t->cells[(t->n_rows - 1) * t->n_cols];
}

void doc_text(struct doc_table *t, const char *text, enum doc_tone tone)
{
	struct doc_cell *c = next_cell(t);

	if (!c)
		return;
	c->text = dup0(text);
	c->tone = tone;
}

/* The last cell written: the last non-NULL text of the last row. */
void doc_mark(struct doc_table *t, const char *mark)
{
	struct doc_cell *row, *c = NULL;

	if (!t->n_rows || !t->n_cols)
		return;
	row = &t->cells[(t->n_rows - 1) * t->n_cols];
	for (size_t i = 0; i < t->n_cols && row[i].text; i++)
		c = &row[i];
	if (!c)
		return;
	free(c->mark);
	c->mark = xstrdup_or_null(mark);
}

void doc_row_flag(struct doc_table *t)
{
	if (t->n_rows)
		t->flagged[t->n_rows - 1] = true;
}

void doc_num(struct doc_table *t, double num, const char *text,
	     enum doc_tone tone)
{
	struct doc_cell *c = next_cell(t);

	if (!c)
		return;
	c->tone = tone;
	c->has_num = isfinite(num);
	c->num = c->has_num ? num : 0;
	if (text) {
		c->text = xstrdup(text);
	} else {
		char buf[64];

		doc_num_fr(num, buf, sizeof buf);
		c->text = xstrdup(c->has_num ? buf : "");
	}
}

struct doc_chart *doc_chart(struct doc *d, const char *title,
			    const char *unit, size_t n)
{
	struct doc_block *b = block_new(d, DOC_CHART);
	struct doc_chart *c = xcalloc(1, sizeof *c);

	c->title = dup0(title);
	c->unit = dup0(unit);
	c->n = n;
	c->labels = xcalloc(n ? n : 1, sizeof *c->labels);
	c->values = xcalloc(n ? n : 1, sizeof *c->values);
	c->has = xcalloc(n ? n : 1, sizeof *c->has);
	for (size_t i = 0; i < n; i++)
		c->labels[i] = xstrdup("");
	b->chart = c;
	return c;
}

void doc_chart_point(struct doc_chart *c, size_t i, const char *label,
		     bool has, double value)
{
	if (i >= c->n)
		return;
	free(c->labels[i]);
	c->labels[i] = dup0(label);
	c->has[i] = has && isfinite(value);
	c->values[i] = c->has[i] ? value : 0;
}

void doc_chart_target(struct doc_chart *c, double target)
{
	c->has_target = isfinite(target);
	c->target = c->has_target ? target : 0;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

void doc_num_fr(double v, char *buf, size_t n)
{
	number_format(v, 3, buf, n);
}

bool doc_num_c(double v, char *buf, size_t n)
{
	if (!isfinite(v)) {
		if (n)
			buf[0] = '\0';
		return false;
	}
	snprintf(buf, n, "%.15g", v);
	/* a locale whose LC_NUMERIC has a decimal comma */
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
	return true;
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */

static const struct {
	const char *word;
	enum doc_format fmt;
	bool path;	/* also a file extension */
} words[] = {
	{ "html", DOC_HTML, true },	{ "htm", DOC_HTML, true },
	{ "fodt", DOC_FODT, true },	{ "odt", DOC_FODT, false },
	{ "fods", DOC_FODS, true },	{ "ods", DOC_FODS, false },
	{ "md", DOC_MD, true },		{ "markdown", DOC_MD, true },
	{ "csv", DOC_CSV, true },
};

static const char *const exts[DOC_FORMAT_COUNT] = {
	[DOC_HTML] = "html", [DOC_FODT] = "fodt", [DOC_FODS] = "fods",
	[DOC_MD] = "md", [DOC_CSV] = "csv",
};

static int format_of(const char *word, bool path)
{
	if (!word)
		return -1;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if ((!path || words[i].path) &&
		    !strcasecmp(word, words[i].word))
			return (int)words[i].fmt;
	return -1;
}

int doc_format_parse(const char *word)
{
	return format_of(word, false);
}

int doc_format_of_path(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	const char *base = slash ? slash + 1 : path;
	const char *dot = base ? strrchr(base, '.') : NULL;

	/* a dot file (".md") has no extension */
	if (!dot || dot == base)
		return -1;
	return format_of(dot + 1, true);
}

const char *doc_format_ext(enum doc_format fmt)
{
	return (unsigned)fmt < DOC_FORMAT_COUNT ? exts[fmt] : "";
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef void (*render_fn)(FILE *fp, const struct doc *d);

static const render_fn renderers[DOC_FORMAT_COUNT] = {
	[DOC_HTML] = doc_html_render, [DOC_FODT] = doc_fodt_render,
	[DOC_FODS] = doc_fods_render, [DOC_MD] = doc_md_render,
	[DOC_CSV] = doc_csv_render,
};

int doc_write(FILE *out, const struct doc *d, enum doc_format fmt,
	      struct err *e)
{
	if ((unsigned)fmt >= DOC_FORMAT_COUNT) {
		err_set(e, ERR_USAGE, "format de document inconnu");
		return -1;
	}
	errno = 0;
	renderers[fmt](out, d);
	if (fflush(out) != 0 || ferror(out)) {
		err_set(e, ERR_IO, "écriture du document impossible : %s",
			err_errno_fr(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

int doc_save(const char *path, const struct doc *d, enum doc_format fmt,
	     bool force, struct err *e)
{
	struct atomic_file af;

	if ((unsigned)fmt >= DOC_FORMAT_COUNT) {
		err_set(e, ERR_USAGE, "format de document inconnu");
		return -1;
	}
	if (atomic_open(&af, path, force, e) != 0)
		return -1;
	if (doc_write(af.fp, d, fmt, e) != 0) {
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, e);
}

const char *doc_caption(const struct doc *d, size_t block)
{
	const struct doc_block *b = &d->blocks[block];
	const char *name = b->table ? b->table->name : NULL;

	if (!name || !*name)
		return NULL;
	if (block > 0 && d->blocks[block - 1].kind == DOC_HEADING &&
	    d->blocks[block - 1].text && !strcmp(d->blocks[block - 1].text, name))
		return NULL;
	return name;
}
