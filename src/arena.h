/*
 * arena.h — the per-document bump allocator.
 *
 * Owns: every small allocation of one document (nodes, derived strings,
 * record arrays).  They are freed together by gw_arena_free(); nothing
 * allocated here is ever freed on its own.
 */
#ifndef GW_ARENA_H
#define GW_ARENA_H

#include <stddef.h>

typedef struct gw_arena_chunk gw_arena_chunk;

typedef struct gw_arena {
	gw_arena_chunk *head;
} gw_arena;

/* Zeroed memory aligned for any type, or NULL when out of memory. */
void *gw_arena_alloc(gw_arena *arena, size_t size);
/* A NUL-terminated copy of s[0..len), or NULL when out of memory. */
char *gw_arena_strndup(gw_arena *arena, const char *s, size_t len);
void gw_arena_free(gw_arena *arena);

#endif
