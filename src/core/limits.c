/*
 * Text limits: see limits.h. The messages say the limit and the size, so
 * that the user knows how much to cut.
 */
#include "suivi/limits.h"
#include "suivi/text.h"

#include <string.h>

static const struct {
	size_t max;
	bool multiline;
	const char *label;
} kinds[TEXT_KIND_COUNT] = {
	[TEXT_LINE] = { TEXT_LINE_MAX, false, "1 000 octets" },
	[TEXT_LONG] = { TEXT_LONG_MAX, true, "1 Mio (1 048 576 octets)" },
	[TEXT_VALUE] = { TEXT_VALUE_MAX, false, "2 000 octets" },
};

size_t text_kind_max(enum text_kind k)
{
	return kinds[k].max;
}

bool text_kind_multiline(enum text_kind k)
{
	return kinds[k].multiline;
}

const char *text_kind_max_label(enum text_kind k)
{
	return kinds[k].label;
}

/* 1-based position in characters of byte offset off (for messages). */
static size_t char_pos(const char *s, size_t off)
{
	size_t n = 1;

	for (size_t i = 0; i < off; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

int text_check_n(enum text_kind k, const char *what, const char *s,
		 size_t len, struct err *e)
{
	size_t bad;

	if (len > kinds[k].max) {
		err_set(e, ERR_INPUT, "%s : texte trop long (%zu octets, %s au plus, "
			"%zu de trop) : rien n'a été enregistré", what, len,
			kinds[k].label, len - kinds[k].max);
		return -1;
	}
	if (!text_utf8_valid(s, len, &bad)) {
		err_set(e, ERR_INPUT, "%s : texte UTF-8 invalide (octet %zu)",
			what, bad + 1);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		bool ctl = c < 0x20 || c == 0x7F;

		/* C1 controls (U+0080-U+009F: C2 80 - C2 9F) */
		if (c == 0xC2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			ctl = true;
		if (!ctl)
			continue;
		if (kinds[k].multiline && (c == '\n' || c == '\t'))
			continue;
		/* a CR in a long text is a control like any other: line
		 * breaks there are '\n' (an import turns CRLF into it) */
		if (!kinds[k].multiline && (c == '\n' || c == '\r'))
			err_set(e, ERR_INPUT, "%s : pas de retour à la ligne "
				"dans ce champ (caractère %zu)", what,
				char_pos(s, i));
		else
			err_set(e, ERR_INPUT, "%s : caractère de contrôle refusé "
				"(U+%04X, caractère %zu)", what,
				c == 0xC2 ? (unsigned)(unsigned char)s[i + 1] : c,
				char_pos(s, i));
		return -1;
	}
	return 0;
}

int text_check(enum text_kind k, const char *what, const char *s,
	       struct err *e)
{
	return text_check_n(k, what, s ? s : "", s ? strlen(s) : 0, e);
}
