/*
 * A chart as an SVG line chart (doc_internal.h), shared by the HTML
 * (inline) and the flat ODT (an embedded image): one drawing, the same
 * in both.
 *
 * Layout, in user units: the title on top, the plot below it with the
 * y ticks on its left (the unit above them), the x labels under it.
 * Colours print well in grey too: the series is a solid dark blue line
 * with dots, the target a dashed dark red line with its label.
 */
#include "doc_internal.h"
#include "doc_esc.h"
#include "suivi/number.h"
#include "suivi/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PLOT_X0 64.0
#define PLOT_X1 (DOC_SVG_W - 20.0)
#define PLOT_Y0 44.0
#define PLOT_Y1 (DOC_SVG_H - 44.0)
#define PAD_X 18.0		/* between the y axis and the first point */
#define MAX_X_LABELS 12		/* more points: one label in k */

#define COLOR_LINE "#1f4e8c"
#define COLOR_TARGET "#a11d21"
#define FONT "DejaVu Sans, Liberation Sans, Arial, sans-serif"

struct scale {
	double lo, hi, step;
};

/* 1, 2 or 5 times a power of ten, at least x. */
static double nice_step(double x)
{
	double p = pow(10, floor(log10(x)));
	double f = x / p;

	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

static struct scale scale_of(const struct doc_chart *c)
{
	struct scale s = { 0, 0, 1 };
	bool any = false;

	for (size_t i = 0; i < c->n; i++) {
		if (!c->has[i])
			continue;
		if (!any || c->values[i] < s.lo)
			s.lo = c->values[i];
		if (!any || c->values[i] > s.hi)
			s.hi = c->values[i];
		any = true;
	}
	if (c->has_target) {
		if (!any || c->target < s.lo)
			s.lo = c->target;
		if (!any || c->target > s.hi)
			s.hi = c->target;
		any = true;
	}
	if (!any) {
		s.lo = 0;
		s.hi = 1;
	}
	/* from zero when the values are far from it in proportion */
	if (s.lo > 0 && s.lo <= s.hi / 2)
		s.lo = 0;
	if (s.hi < 0 && s.hi >= s.lo / 2)
		s.hi = 0;
	/* one value (or all equal): from zero to it */
	if (s.hi - s.lo < 1e-9 * (fabs(s.hi) + 1)) {
		if (s.lo > 0)
			s.lo = 0;
		else if (s.hi < 0)
			s.hi = 0;
		else
			s.hi = 1;
	}
	s.step = nice_step((s.hi - s.lo) / 4);
	s.lo = floor(s.lo / s.step + 1e-9) * s.step;
	s.hi = ceil(s.hi / s.step - 1e-9) * s.step;
	if (s.hi <= s.lo)
		s.hi = s.lo + s.step;
	return s;
}

static double y_of(const struct scale *s, double v)
{
	return PLOT_Y1 - (v - s->lo) / (s->hi - s->lo) * (PLOT_Y1 - PLOT_Y0);
}

static double x_of(const struct doc_chart *c, size_t i)
{
	if (c->n < 2)
		return (PLOT_X0 + PLOT_X1) / 2;
	return PLOT_X0 + PAD_X +
	       (double)i * (PLOT_X1 - PLOT_X0 - 2 * PAD_X) / (double)(c->n - 1);
}

/* Coordinates with one decimal, a decimal point whatever the locale. */
static void coord(struct strbuf *sb, double v)
{
	long t = lround(v * 10);

	strbuf_addf(sb, "%s%ld.%ld", t < 0 ? "-" : "", labs(t) / 10,
		    labs(t) % 10);
}

/* A text the user gave, cleaned and escaped. */
static void text(struct strbuf *sb, const char *s)
{
	char *c = esc_clean(s, false);

	esc_xml_sb(sb, c, NULL);
	free(c);
}

/* The visible title, at 14 px bold, holds about this many characters. */
#define TITLE_MAX_CHARS 72

/* s cut to max characters (UTF-8 code points), "…" ending a cut one. */
static char *shorten(const char *s, size_t max)
{
	size_t chars = 0, i = 0;

	if (!s)
		return xstrdup("");
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (chars == max - 1) {
			/* one more character to come: cut here if it is
			 * not the last */
			size_t j = i + 1;

			while (s[j] && ((unsigned char)s[j] & 0xC0) == 0x80)
				j++;
			if (!s[j])
				return xstrdup(s);
			return xasprintf("%.*s…", (int)i, s);
		}
		chars++;
	}
	return xstrdup(s);
}

/* "12,5 j" (a value and the unit). */
static char *value_text(double v, const char *unit)
{
	char num[64];

	doc_num_fr(v, num, sizeof num);
	return unit && *unit ? xasprintf("%s %s", num, unit) : xstrdup(num);
}

char *doc_chart_values(const struct doc_chart *c)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < c->n; i++) {
		char *v = c->has[i] ? value_text(c->values[i], c->unit)
				    : xstrdup("—");

		strbuf_addf(&sb, "%s%s : %s", i ? " ; " : "",
			    c->labels[i] ? c->labels[i] : "", v);
		free(v);
	}
	if (c->has_target) {
		char *v = value_text(c->target, c->unit);

		strbuf_addf(&sb, "%scible : %s", c->n ? " ; " : "", v);
		free(v);
	}
	if (!sb.len)
		strbuf_addstr(&sb, "aucune valeur");
	return strbuf_detach(&sb);
}

static void axes(struct strbuf *sb, const struct doc_chart *c,
		 const struct scale *s)
{
	/* as many decimals as the step has */
	int decimals = s->step >= 1 ? 0 : (int)ceil(-log10(s->step) - 1e-9);

	strbuf_addstr(sb, "<g font-size=\"11\" fill=\"#333\">\n");
	for (double v = s->lo; v <= s->hi + s->step / 2; v += s->step) {
		char num[64];
		double y = y_of(s, v);

		number_format(fabs(v) < s->step / 1e6 ? 0 : v, decimals, num,
			      sizeof num);
		strbuf_addstr(sb, "<line x1=\"");
		coord(sb, PLOT_X0);
		strbuf_addstr(sb, "\" x2=\"");
		coord(sb, PLOT_X1);
		strbuf_addstr(sb, "\" y1=\"");
		coord(sb, y);
		strbuf_addstr(sb, "\" y2=\"");
		coord(sb, y);
		strbuf_addstr(sb, "\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>\n"
			      "<text x=\"");
		coord(sb, PLOT_X0 - 6);
		strbuf_addstr(sb, "\" y=\"");
		coord(sb, y + 4);
		strbuf_addf(sb, "\" text-anchor=\"end\">%s</text>\n", num);
	}
	/* the unit above the y ticks */
	if (c->unit && *c->unit) {
		strbuf_addstr(sb, "<text x=\"");
		coord(sb, PLOT_X0 - 6);
		strbuf_addstr(sb, "\" y=\"");
		coord(sb, PLOT_Y0 - 12);
		strbuf_addstr(sb, "\" text-anchor=\"end\">");
		text(sb, c->unit);
		strbuf_addstr(sb, "</text>\n");
	}
	strbuf_addstr(sb, "<line x1=\"");
	coord(sb, PLOT_X0);
	strbuf_addstr(sb, "\" x2=\"");
	coord(sb, PLOT_X0);
	strbuf_addstr(sb, "\" y1=\"");
	coord(sb, PLOT_Y0);
	strbuf_addstr(sb, "\" y2=\"");
	coord(sb, PLOT_Y1);
	strbuf_addstr(sb, "\" stroke=\"#333\" stroke-width=\"1\"/>\n"
		      "<line x1=\"");
	coord(sb, PLOT_X0);
	strbuf_addstr(sb, "\" x2=\"");
	coord(sb, PLOT_X1);
	strbuf_addstr(sb, "\" y1=\"");
	coord(sb, PLOT_Y1);
	strbuf_addstr(sb, "\" y2=\"");
	coord(sb, PLOT_Y1);
	strbuf_addstr(sb, "\" stroke=\"#333\" stroke-width=\"1\"/>\n");
	/* the x labels, one in k when there are many */
	{
		size_t k = (c->n + MAX_X_LABELS - 1) / MAX_X_LABELS;

		for (size_t i = 0; i < c->n; i += k ? k : 1) {
			strbuf_addstr(sb, "<text x=\"");
			coord(sb, x_of(c, i));
			strbuf_addstr(sb, "\" y=\"");
			coord(sb, PLOT_Y1 + 18);
			strbuf_addstr(sb, "\" text-anchor=\"middle\">");
			text(sb, c->labels[i]);
			strbuf_addstr(sb, "</text>\n");
		}
	}
	strbuf_addstr(sb, "</g>\n");
}

static void target(struct strbuf *sb, const struct doc_chart *c,
		   const struct scale *s)
{
	char *v;
	double y;

	if (!c->has_target)
		return;
	y = y_of(s, c->target);
	strbuf_addstr(sb, "<line class=\"target\" x1=\"");
	coord(sb, PLOT_X0);
	strbuf_addstr(sb, "\" x2=\"");
	coord(sb, PLOT_X1);
	strbuf_addstr(sb, "\" y1=\"");
	coord(sb, y);
	strbuf_addstr(sb, "\" y2=\"");
	coord(sb, y);
	strbuf_addstr(sb, "\" stroke=\"" COLOR_TARGET "\" stroke-width=\"1.5\" "
		      "stroke-dasharray=\"6 4\"/>\n<text x=\"");
	coord(sb, PLOT_X1);
	strbuf_addstr(sb, "\" y=\"");
	coord(sb, y - 5);
	strbuf_addstr(sb, "\" text-anchor=\"end\" font-size=\"11\" fill=\""
		      COLOR_TARGET "\">cible ");
	v = value_text(c->target, c->unit);
	text(sb, v);
	free(v);
	strbuf_addstr(sb, "</text>\n");
}

static void series(struct strbuf *sb, const struct doc_chart *c,
		   const struct scale *s)
{
	bool open = false, pen = false;

	/* the line, lifted where a value is missing */
	for (size_t i = 0; i < c->n; i++) {
		if (!c->has[i]) {
			pen = false;
			continue;
		}
		if (!open)
			strbuf_addstr(sb, "<path class=\"series\" d=\"");
		else
			strbuf_addch(sb, ' ');
		open = true;
		strbuf_addch(sb, pen ? 'L' : 'M');
		coord(sb, x_of(c, i));
		strbuf_addch(sb, ' ');
		coord(sb, y_of(s, c->values[i]));
		pen = true;
	}
	if (open)
		strbuf_addstr(sb, "\" fill=\"none\" stroke=\"" COLOR_LINE
			      "\" stroke-width=\"2\" "
			      "stroke-linejoin=\"round\"/>\n");
	/* the points, with their value above when there is room */
	for (size_t i = 0; i < c->n; i++) {
		char *v;

		if (!c->has[i])
			continue;
		v = value_text(c->values[i], NULL);
		strbuf_addstr(sb, "<circle cx=\"");
		coord(sb, x_of(c, i));
		strbuf_addstr(sb, "\" cy=\"");
		coord(sb, y_of(s, c->values[i]));
		strbuf_addstr(sb, "\" r=\"3.5\" fill=\"" COLOR_LINE "\"/>\n");
		if (c->n <= MAX_X_LABELS) {
			strbuf_addstr(sb, "<text x=\"");
			coord(sb, x_of(c, i));
			strbuf_addstr(sb, "\" y=\"");
			coord(sb, y_of(s, c->values[i]) - 8);
			strbuf_addstr(sb, "\" text-anchor=\"middle\" "
				      "font-size=\"10\" fill=\"" COLOR_LINE
				      "\">");
			text(sb, v);
			strbuf_addstr(sb, "</text>\n");
		}
		free(v);
	}
}

void doc_svg_chart(struct strbuf *sb, const struct doc_chart *c,
		   bool standalone)
{
	struct scale s = scale_of(c);
	char *values = doc_chart_values(c);
	bool any = false;

	for (size_t i = 0; i < c->n; i++)
		any = any || c->has[i];
	strbuf_addstr(sb, "<svg");
	if (standalone)
		strbuf_addstr(sb, " xmlns=\"http://www.w3.org/2000/svg\""
			      " version=\"1.1\"");
	strbuf_addf(sb, " class=\"chart\" width=\"%d\" height=\"%d\" "
		    "viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"" FONT
		    "\">\n<title>", DOC_SVG_W, DOC_SVG_H, DOC_SVG_W, DOC_SVG_H);
	text(sb, c->title);
	strbuf_addstr(sb, "</title>\n<desc>");
	text(sb, values);
	strbuf_addf(sb, "</desc>\n<rect x=\"0\" y=\"0\" width=\"%d\" "
		    "height=\"%d\" fill=\"#ffffff\"/>\n<text x=\"",
		    DOC_SVG_W, DOC_SVG_H);
	coord(sb, PLOT_X0 - 50);
	strbuf_addstr(sb, "\" y=\"18\" font-size=\"14\" font-weight=\"bold\" "
		      "fill=\"#111\">");
	{
		/* what fits the width; <title> and the caption keep it all */
		char *shown = shorten(c->title, TITLE_MAX_CHARS);

		text(sb, shown);
		free(shown);
	}
	strbuf_addstr(sb, "</text>\n");
	axes(sb, c, &s);
	target(sb, c, &s);
	series(sb, c, &s);
	if (!any) {
		strbuf_addstr(sb, "<text x=\"");
		coord(sb, (PLOT_X0 + PLOT_X1) / 2);
		strbuf_addstr(sb, "\" y=\"");
		coord(sb, (PLOT_Y0 + PLOT_Y1) / 2);
		strbuf_addstr(sb, "\" text-anchor=\"middle\" font-size=\"12\" "
			      "fill=\"#555\">aucune valeur</text>\n");
	}
	strbuf_addstr(sb, "</svg>");
	free(values);
}
