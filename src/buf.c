/* buf.c — see buf.h. */
#define _GNU_SOURCE /* memmem */
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>

int gw_buf_reserve(gw_buffer *b, size_t extra)
{
	if (b->cap - b->len > extra)
		return 0;
	if (extra > SIZE_MAX / 2 - b->len)
		return -1;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len <= extra)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p)
		return -1;
	/* Spare capacity is zeroed: PCRE2's JIT may read a few bytes past
	 * a subject that ends inside the buffer, and those reads must see
	 * defined bytes (valgrind). */
	memset(p + b->cap, 0, cap - b->cap);
	b->data = p;
	b->cap = cap;
	return 0;
}

int gw_buf_put(gw_buffer *b, const char *p, size_t n)
{
	if (n == 0)
		return 0;
	if (gw_buf_reserve(b, n))
		return -1;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

int gw_buf_putc(gw_buffer *b, char c)
{
	if (gw_buf_reserve(b, 1))
		return -1;
	b->data[b->len++] = c;
	return 0;
}

int gw_buf_puts(gw_buffer *b, const char *s)
{
	return gw_buf_put(b, s, strlen(s));
}

int gw_buf_terminate(gw_buffer *b)
{
	if (gw_buf_reserve(b, 1))
		return -1;
	b->data[b->len] = '\0';
	return 0;
}

void gw_buffer_free(gw_buffer *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

size_t gw_find(const char *s, size_t len, size_t from, const char *lit)
{
	size_t k = strlen(lit);
	if (from >= len || k == 0)
		return SIZE_MAX;
	const char *p = memmem(s + from, len - from, lit, k);
	return p ? (size_t)(p - s) : SIZE_MAX;
}

size_t gw_line_of(const char *s, size_t len, size_t offset)
{
	size_t line = 1;
	for (size_t i = 0; i < offset && i < len; i++)
		line += s[i] == '\n';
	return line;
}
