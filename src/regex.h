/*
 * regex.h — the one module that talks to PCRE2.
 *
 * Owns: compiled patterns and their match data.  Each pattern is compiled
 * once (UTF mode, JIT when the platform has it, interpreter otherwise),
 * with a match limit so that no input can make it backtrack for long.
 * Subjects are validated UTF-8 and matched with PCRE2_NO_UTF_CHECK.
 * A gw_re is not thread-safe: it reuses one match data block.
 */
#ifndef GW_REGEX_H
#define GW_REGEX_H

#include <stddef.h>

#include "gongwen.h"

enum { GW_RE_GROUPS = 32 }; /* group 0 and up to 31 capture groups */
#define GW_RE_UNSET ((size_t)-1)

typedef struct gw_re gw_re;

/* Offsets of the whole match (group 0) and of capture groups 1..n;
 * an unset group has start == GW_RE_UNSET. */
typedef struct gw_match {
	size_t start[GW_RE_GROUPS];
	size_t end[GW_RE_GROUPS];
} gw_match;

enum {
	GW_RE_ANCHORED = 1 /* match only at the start offset */
};

/* Returns NULL and fills diag (with the pattern's error and offset). */
gw_re *gw_re_new(const char *pattern, unsigned flags, gw_diag *diag);
void gw_re_free(gw_re *re);

/* Search s[start..len) (the whole of s is the subject, so lookbehinds see
 * before start).  1 on a match, 0 on none; errors (match limit) count as
 * no match. */
int gw_re_search(gw_re *re, const char *s, size_t len, size_t start,
		 gw_match *m);

/* Search only the last `tail` bytes of s (from a character boundary)
 * for a pattern anchored with $: linear in `tail`, not in len. */
int gw_re_search_tail(gw_re *re, const char *s, size_t len, size_t tail,
		      gw_match *m);

/* Does the pattern match the whole of s[0..len)? */
int gw_re_full(gw_re *re, const char *s, size_t len, gw_match *m);

/* Does the pattern match exactly s[start..end)?  Lookbehinds see the text
 * before start (the subject is s[0..end)). */
int gw_re_span(gw_re *re, const char *s, size_t start, size_t end,
	       gw_match *m);

static inline int gw_match_has(const gw_match *m, int g)
{
	return m->start[g] != GW_RE_UNSET;
}
static inline size_t gw_match_len(const gw_match *m, int g)
{
	return gw_match_has(m, g) ? m->end[g] - m->start[g] : 0;
}

#endif
