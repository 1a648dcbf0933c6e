/*
 * strbuf.h - a growable NUL-terminated byte string (after git's strbuf).
 *
 * sb.buf is always a valid C string (never NULL after strbuf_init);
 * strbuf_detach hands the buffer to the caller and reinitialises sb.
 */
#ifndef SUIVI_STRBUF_H
#define SUIVI_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len, cap;
};


void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *strbuf_detach(struct strbuf *sb);

#endif
