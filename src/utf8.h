/*
 * utf8.h — decoding, validation and character classes.
 *
 * Owns: nothing.  Decoders assume text already validated by
 * gw_utf8_validate() (the reader guarantees that for every document);
 * classes come from utf8proc's tables.
 */
#ifndef GW_UTF8_H
#define GW_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Offset of the first byte that is not part of a valid UTF-8 sequence
 * (no overlongs, no surrogates, nothing above U+10FFFF), or len. */
size_t gw_utf8_validate(const char *s, size_t len);

/* Number of valid multi-byte sequences in s[0..len) (stops at the first
 * invalid byte).  Used to tell broken UTF-8 from another encoding. */
size_t gw_utf8_count_multibyte(const char *s, size_t len);

/* Decode the code point at s[*i] and advance *i.  Valid input assumed;
 * on a truncated sequence returns U+FFFD and advances one byte. */
static inline int32_t gw_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = *i;
	unsigned c = u[k];
	if (c < 0x80) {
		*i = k + 1;
		return (int32_t)c;
	}
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	if (k + n > len) {
		*i = k + 1;
		return 0xFFFD;
	}
	int32_t cp = (int32_t)(c & (0x3F >> (n - 1)));
	for (size_t j = 1; j < n; j++)
		cp = (cp << 6) | (u[k + j] & 0x3F);
	*i = k + n;
	return cp;
}

/* Decode the code point that ends just before s[i]; *start receives its
 * first byte.  Returns -1 when i == 0. */
int32_t gw_utf8_prev(const char *s, size_t i, size_t *start);

/* Length of the code point starting with byte c (1 for continuation). */
static inline size_t gw_utf8_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Encode cp into out (4 bytes at most); returns the length. */
size_t gw_utf8_encode(int32_t cp, char *out);

/* White space of any width: Unicode Zs, tab, and the zero-width
 * characters that Word and web pages leave behind (U+200B, U+FEFF). */
int gw_is_space_other(int32_t cp);
static inline int gw_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t';
	if (cp >= 0x3400 && cp <= 0x9FFF) /* the bulk of Chinese text */
		return 0;
	return gw_is_space_other(cp);
}

/* A character of "CJK context": wide or full-width (East Asian Width W/F),
 * or one of the narrow marks Chinese text uses (“” ‘’ … — ·). A space
 * next to one of these is an artefact, not a word separator. */
int gw_is_cjk(int32_t cp);

/* Parentheses of every width and shape a parenthetical is written in:
 * ( [ （ 〔 【 ［ ﹝ and their closers. */
static inline int gw_is_open_paren(int32_t cp)
{
	return cp == '(' || cp == '[' || cp == 0xFF08 || cp == 0x3014 ||
	       cp == 0x3010 || cp == 0xFF3B || cp == 0xFE5D;
}
static inline int gw_is_close_paren(int32_t cp)
{
	return cp == ')' || cp == ']' || cp == 0xFF09 || cp == 0x3015 ||
	       cp == 0x3011 || cp == 0xFF3D || cp == 0xFE5E;
}

/* Parentheses, title marks 《》 and double quotes “”: whatever encloses
 * text that a sentence end inside does not end. */
static inline int gw_is_open_bracket(int32_t cp)
{
	return gw_is_open_paren(cp) || cp == 0x300A || cp == 0x201C;
}
static inline int gw_is_close_bracket(int32_t cp)
{
	return gw_is_close_paren(cp) || cp == 0x300B || cp == 0x201D;
}

/* Track parenthesis depth over cp; 1 when cp stands outside every
 * parenthesis and is not one itself. */
static inline int gw_outside_parens(int32_t cp, int *depth)
{
	if (gw_is_open_paren(cp)) {
		(*depth)++;
		return 0;
	}
	if (gw_is_close_paren(cp)) {
		if (*depth > 0)
			(*depth)--;
		return 0;
	}
	return *depth == 0;
}

/* Is s[at, end) inside a cited title (《关于做好100个重点项目的通知》,
 * 《〈2030年前碳达峰行动方案〉》)?  The title must open and close within
 * 40 characters of it and no 。 or ； may stand between, so that an
 * unbalanced 《 cannot hide a whole clause.  Quotation marks name
 * nothing: “城区15分钟”急救圈 is not a title. */
int gw_in_cited_title(const char *s, size_t len, size_t at, size_t end);

/* Display columns: 2 for wide/full-width, 0 for combining, else 1. */
int gw_width(int32_t cp);

/* Han ideograph (CJK Unified Ideographs and extensions). */
int gw_is_han(int32_t cp);

/* Display width of a UTF-8 string. */
size_t gw_str_width(const char *s, size_t len);

#endif
