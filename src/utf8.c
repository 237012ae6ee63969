/* utf8.c — see utf8.h. */
#include "utf8.h"

#include <utf8proc.h>

/* Length of the valid sequence at s[i], or 0 when it is invalid. */
static size_t valid_seq(const unsigned char *s, size_t len, size_t i)
{
	unsigned c = s[i];
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (i + n > len)
		return 0;
	for (size_t j = 1; j < n; j++)
		if ((s[i + j] & 0xC0) != 0x80)
			return 0;
	unsigned c1 = s[i + 1];
	if (c == 0xE0 && c1 < 0xA0)
		return 0; /* overlong */
	if (c == 0xED && c1 > 0x9F)
		return 0; /* surrogate */
	if (c == 0xF0 && c1 < 0x90)
		return 0; /* overlong */
	if (c == 0xF4 && c1 > 0x8F)
		return 0; /* above U+10FFFF */
	return n;
}

size_t gw_utf8_validate(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned c = u[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* The common case of Chinese text: E1..EC (not E0, ED) with
		 * two continuation bytes needs no further checks. */
		if (c >= 0xE1 && c <= 0xEC && i + 2 < len &&
		    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		size_t n = valid_seq(u, len, i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

size_t gw_utf8_count_multibyte(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, count = 0;
	while (i < len) {
		size_t n = valid_seq(u, len, i);
		if (!n)
			break;
		count += n > 1;
		i += n;
	}
	return count;
}

int32_t gw_utf8_prev(const char *s, size_t i, size_t *start)
{
	if (i == 0)
		return -1;
	const unsigned char *u = (const unsigned char *)s;
	size_t k = i - 1;
	while (k > 0 && i - k < 4 && (u[k] & 0xC0) == 0x80)
		k--;
	size_t j = k;
	int32_t cp = gw_utf8_next(s, i, &j);
	*start = k;
	return cp;
}

size_t gw_utf8_encode(int32_t cp, char *out)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

int gw_is_space_other(int32_t cp)
{
	if (cp == 0x200B || cp == 0xFEFF || cp == 0x200C || cp == 0x200D)
		return 1;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

int gw_is_cjk(int32_t cp)
{
	if (cp < 0x80)
		return 0;
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201C: case 0x201D: /* ‘’“” */
	case 0x2014: case 0x2015: case 0x2026: case 0x00B7: /* — ― … · */
		return 1;
	default:
		if (cp >= 0x3400 && cp <= 0x9FFF)
			return 1;
		return utf8proc_charwidth(cp) == 2;
	}
}

int gw_width(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20;
	if (cp >= 0x3400 && cp <= 0x9FFF)
		return 2;
	int w = utf8proc_charwidth(cp);
	return w < 0 ? 0 : w;
}

int gw_is_han(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

size_t gw_str_width(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, w = 0;
	while (i < len) {
		unsigned c = u[i];
		if (c < 0x80) { /* ASCII */
			w += c >= 0x20;
			i++;
		} else if (c >= 0xE4 && c <= 0xE9 && i + 2 < len) {
			w += 2; /* U+4000..U+9FFF: CJK ideographs */
			i += 3;
		} else {
			int32_t cp = gw_utf8_next(s, len, &i);
			w += (size_t)gw_width(cp);
		}
	}
	return w;
}

enum { TITLE_REACH = 40 * 3 };

static int title_stop(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B; /* 。 ； */
}

int gw_in_cited_title(const char *s, size_t len, size_t at, size_t end)
{
	size_t lo = at > TITLE_REACH ? at - TITLE_REACH : 0;
	size_t i = at;
	for (;;) {
		if (i <= lo)
			return 0;
		size_t st;
		int32_t cp = gw_utf8_prev(s, i, &st);
		if (cp == 0x300A) /* 《 */
			break;
		if (cp == 0x300B || title_stop(cp))
			return 0;
		i = st;
	}
	size_t hi = len - end > TITLE_REACH ? end + TITLE_REACH : len;
	for (size_t j = end; j < hi;) {
		int32_t cp = gw_utf8_next(s, hi, &j);
		if (cp == 0x300B) /* 》 */
			return 1;
		if (cp == 0x300A || title_stop(cp))
			return 0;
	}
	return 0;
}
