/*
 * buf.h — growable byte buffers (gw_buffer, public) and string views.
 *
 * Owns: nothing beyond the buffer it is given.  Every append returns 0 on
 * success and -1 when memory ran out, so a run of appends can be checked
 * once:  err |= gw_buf_put(b, ...); err |= ...; if (err) ...
 */
#ifndef GW_BUF_H
#define GW_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gongwen.h"

/* A non-owning view of len bytes (not NUL-terminated). */
typedef struct gw_str {
	const char *ptr;
	size_t len;
} gw_str;

static inline gw_str gw_str_make(const char *p, size_t n)
{
	gw_str s = {p, n};
	return s;
}

static inline gw_str gw_str_cstr(const char *p)
{
	return gw_str_make(p, p ? strlen(p) : 0);
}

static inline int gw_str_equals(gw_str s, const char *lit)
{
	size_t k = strlen(lit);
	return s.len == k && !memcmp(s.ptr, lit, k);
}

static inline int gw_str_starts_with(gw_str s, const char *lit)
{
	size_t k = strlen(lit);
	return s.len >= k && !memcmp(s.ptr, lit, k);
}

static inline int gw_str_ends_with(gw_str s, const char *lit)
{
	size_t k = strlen(lit);
	return s.len >= k && !memcmp(s.ptr + s.len - k, lit, k);
}

/* Does s end with one of the words of a NULL-terminated list? */
static inline int gw_str_ends_with_any(gw_str s, const char *const *words)
{
	for (; *words; words++)
		if (gw_str_ends_with(s, *words))
			return 1;
	return 0;
}

int gw_buf_reserve(gw_buffer *b, size_t extra);
int gw_buf_put(gw_buffer *b, const char *p, size_t n);
int gw_buf_putc(gw_buffer *b, char c);
int gw_buf_puts(gw_buffer *b, const char *s);
/* Keeps a NUL after the last byte so data can be read as a C string. */
int gw_buf_terminate(gw_buffer *b);

/* 1-based line of a byte offset in s[0..len), for messages. */
size_t gw_line_of(const char *s, size_t len, size_t offset);

/* Offset of the first `lit` in s[from..len), or SIZE_MAX. */
size_t gw_find(const char *s, size_t len, size_t from, const char *lit);

static inline int gw_str_contains(gw_str s, const char *lit)
{
	return gw_find(s.ptr, s.len, 0, lit) != SIZE_MAX;
}

static inline int gw_buf_putstr(gw_buffer *b, gw_str s)
{
	return gw_buf_put(b, s.ptr, s.len);
}

#endif
