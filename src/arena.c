/* arena.c — see arena.h. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK_SIZE = 64 * 1024 };

struct gw_arena_chunk {
	gw_arena_chunk *next;
	size_t size;
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

static gw_arena_chunk *chunk_new(size_t size)
{
	if (size > SIZE_MAX - sizeof(gw_arena_chunk))
		return NULL; /* the header would wrap the size */
	gw_arena_chunk *c = malloc(sizeof *c + size);
	if (!c)
		return NULL;
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

void *gw_arena_alloc(gw_arena *arena, size_t size)
{
	const size_t align = alignof(max_align_t);
	size_t need = (size + align - 1) & ~(align - 1);
	if (need < size)
		return NULL; /* overflow */
	gw_arena_chunk *c = arena->head;
	if (!c || c->size - c->used < need) {
		size_t chunk = need > CHUNK_SIZE / 4 ? need : CHUNK_SIZE;
		gw_arena_chunk *fresh = chunk_new(chunk);
		if (!fresh)
			return NULL;
		if (chunk == need && c) {
			/* A big block: keep filling the current chunk. */
			fresh->next = c->next;
			c->next = fresh;
		} else {
			fresh->next = c;
			arena->head = fresh;
		}
		c = fresh;
	}
	void *p = c->data + c->used;
	c->used += need;
	memset(p, 0, size);
	return p;
}

char *gw_arena_strndup(gw_arena *arena, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *p = gw_arena_alloc(arena, len + 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void gw_arena_free(gw_arena *arena)
{
	gw_arena_chunk *c = arena->head;
	while (c) {
		gw_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	arena->head = NULL;
}
