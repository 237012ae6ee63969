/* numeral.c — see numeral.h. */
#include "numeral.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* 〇 零 一 … 九 as values 0..9; 十 as 10; -1 otherwise. */
static int cn_digit(int32_t cp)
{
	switch (cp) {
	case 0x3007: /* 〇 */
	case 0x96F6: /* 零 */
		return 0;
	case 0x4E00: return 1; /* 一 */
	case 0x4E8C: return 2; /* 二 */
	case 0x4E09: return 3; /* 三 */
	case 0x56DB: return 4; /* 四 */
	case 0x4E94: return 5; /* 五 */
	case 0x516D: return 6; /* 六 */
	case 0x4E03: return 7; /* 七 */
	case 0x516B: return 8; /* 八 */
	case 0x4E5D: return 9; /* 九 */
	case 0x5341: return 10; /* 十 */
	default: return -1;
	}
}

/* Reads up to three numeral characters; tokens[] gets their values. */
static size_t cn_tokens(const char *s, size_t len, int tokens[3], size_t ends[3])
{
	size_t i = 0, n = 0;
	while (n < 3 && i < len) {
		size_t j = i;
		int d = cn_digit(gw_utf8_next(s, len, &j));
		if (d < 0)
			break;
		tokens[n] = d;
		ends[n++] = j;
		i = j;
	}
	return n;
}

size_t gw_cn_number(const char *s, size_t len, int *value)
{
	int t[3];
	size_t e[3];
	size_t n = cn_tokens(s, len, t, e);
	/* Longest well-formed prefix: D十D, D十, 十D, 十, D. */
	if (n == 3 && t[0] >= 1 && t[0] <= 9 && t[1] == 10 && t[2] >= 1 &&
	    t[2] <= 9) {
		if (t[0] == 1)
			return 0; /* 一十一: not how markers are written */
		*value = t[0] * 10 + t[2];
		return e[2];
	}
	if (n >= 2 && t[0] >= 2 && t[0] <= 9 && t[1] == 10) {
		*value = t[0] * 10;
		return e[1];
	}
	if (n >= 2 && t[0] == 10 && t[1] >= 1 && t[1] <= 9) {
		*value = 10 + t[1];
		return e[1];
	}
	if (n >= 1 && t[0] == 10) {
		*value = 10;
		return e[0];
	}
	if (n >= 1 && t[0] <= 9) {
		/* A digit followed by more digits is not a marker numeral. */
		if (n >= 2 && t[1] <= 9)
			return 0;
		*value = t[0];
		return e[0];
	}
	return 0;
}

size_t gw_cn_date_number(const char *s, size_t len, int *value)
{
	size_t i = 0, count = 0;
	int v = 0;
	while (count < 4 && i < len) {
		size_t j = i;
		int d = cn_digit(gw_utf8_next(s, len, &j));
		if (d < 0 || d > 9)
			break;
		v = v * 10 + d;
		count++;
		i = j;
	}
	int sv;
	size_t std = gw_cn_number(s, len, &sv);
	if (count >= 2 && i >= std) {
		*value = v;
		return i;
	}
	if (std) {
		*value = sv;
		return std;
	}
	if (count == 1) {
		*value = v;
		return i;
	}
	return 0;
}

int gw_digit_value(const char *s, size_t len, size_t *bytes)
{
	if (len == 0)
		return -1;
	unsigned char c = (unsigned char)s[0];
	if (c >= '0' && c <= '9') {
		*bytes = 1;
		return c - '0';
	}
	/* Full-width digits U+FF10..U+FF19 are EF BC 90..99. */
	if (len >= 3 && c == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*bytes = 3;
		return (unsigned char)s[2] - 0x90;
	}
	return -1;
}

size_t gw_arabic_number(const char *s, size_t len, int maxdigits, int *value)
{
	size_t i = 0;
	int v = 0, n = 0;
	while (i < len) {
		size_t b;
		int d = gw_digit_value(s + i, len - i, &b);
		if (d < 0)
			break;
		if (++n > maxdigits)
			return 0;
		v = v * 10 + d;
		i += b;
	}
	if (n == 0)
		return 0;
	*value = v;
	return i;
}

size_t gw_cn_format(int n, char *out)
{
	static const char *const digits[] = {"〇", "一", "二", "三", "四",
					     "五", "六", "七", "八", "九"};
	size_t len = 0;
	if (n < 0 || n > 99)
		n = 0;
	if (n < 10) {
		len = strlen(digits[n]);
		memcpy(out, digits[n], len);
		return len;
	}
	if (n / 10 > 1) {
		memcpy(out, digits[n / 10], 3);
		len = 3;
	}
	memcpy(out + len, "十", 3);
	len += 3;
	if (n % 10) {
		memcpy(out + len, digits[n % 10], 3);
		len += 3;
	}
	return len;
}

/* Skip blanks (any width). */
static size_t skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len) {
		size_t j = i;
		if (!gw_is_space(gw_utf8_next(s, len, &j)))
			break;
		i = j;
	}
	return i;
}

static int is_open_paren(int32_t cp) { return cp == '(' || cp == 0xFF08; }
static int is_close_paren(int32_t cp) { return cp == ')' || cp == 0xFF09; }

/* Fill m with a marker found; returns 1 for the parser's caller. */
static int found_marker(gw_marker *m, int level, int number,
			gw_marker_shape shape, size_t len)
{
	*m = (gw_marker){level, number, shape, len};
	return 1;
}

/* 一、 一. 一． */
/* 二级 二类 二等奖 三甲: a numeral and a grade word right after 一、 make
 * "一、二级" a series (first- and second-level), not a marker; so do the
 * quarters, months and sectors of 三、四季度, 一、二月, 一、二、三产业. */
static int numeral_series(const char *s, size_t len)
{
	int v;
	size_t i = gw_cn_number(s, len, &v);
	if (!i || i >= len)
		return 0;
	/* 一、二、三产业: more numerals of the series first */
	while (len - i > 3 && !memcmp(s + i, "、", 3)) {
		size_t k = gw_cn_number(s + i + 3, len - i - 3, &v);
		if (!k)
			break;
		i += 3 + k;
	}
	if (i >= len)
		return 0;
	static const char *const grade[] = {"级", "类", "等", "档", "批", "星",
					    "甲", "乙", "线", "孩", "期", "季",
					    "月", "年级", "产业"};
	for (size_t k = 0; k < sizeof grade / sizeof *grade; k++) {
		size_t n = strlen(grade[k]);
		if (len - i >= n && !memcmp(s + i, grade[k], n))
			return 1;
	}
	return 0;
}

static int parse_cn_comma(const char *s, size_t len, gw_marker *m)
{
	int v;
	size_t i = gw_cn_number(s, len, &v);
	if (!i || v < 1)
		return 0;
	size_t j = i;
	int32_t cp = i < len ? gw_utf8_next(s, len, &j) : -1;
	if (cp != 0x3001 && cp != '.' && cp != 0xFF0E)
		return 0;
	if (numeral_series(s + j, len - j))
		return 0; /* 一、二级医院: a series of numerals, not a marker */
	return found_marker(m, 1, v, GW_SHAPE_CN_COMMA,
			    skip_blanks(s, len, j));
}

/* （一） (一) （1） (1), optionally followed by 、 */
static int parse_paren(const char *s, size_t len, gw_marker *m)
{
	size_t i = 0;
	if (!is_open_paren(gw_utf8_next(s, len, &i)))
		return 0;
	i = skip_blanks(s, len, i);
	int v;
	size_t n = gw_cn_number(s + i, len - i, &v);
	gw_marker_shape shape = GW_SHAPE_CN_PAREN;
	if (!n) {
		n = gw_arabic_number(s + i, len - i, 3, &v);
		shape = GW_SHAPE_ARABIC_PAREN;
	}
	if (!n || v < 1)
		return 0;
	i = skip_blanks(s, len, i + n);
	if (i >= len || !is_close_paren(gw_utf8_next(s, len, &i)))
		return 0;
	size_t j = i;
	if (i < len && gw_utf8_next(s, len, &j) == 0x3001)
		i = j;
	return found_marker(m, shape == GW_SHAPE_CN_PAREN ? 2 : 4, v, shape,
			    skip_blanks(s, len, i));
}

/* 1） 1): a number closed by a bracket that opens nowhere, written for
 * （1） as often as it is; normalised to （1）, level 4.  Not 1)2 nor
 * 1）、 (a list of numbers). */
static int parse_arabic_close(const char *s, size_t len, gw_marker *m)
{
	int v;
	size_t i = gw_arabic_number(s, len, 3, &v);
	if (!i || v < 1 || i >= len)
		return 0;
	if (!is_close_paren(gw_utf8_next(s, len, &i)))
		return 0;
	size_t j = i, b;
	if (i < len && (gw_utf8_next(s, len, &j) == 0x3001 ||
			gw_digit_value(s + i, len - i, &b) >= 0))
		return 0;
	return found_marker(m, 4, v, GW_SHAPE_ARABIC_PAREN,
			    skip_blanks(s, len, i));
}

/* The bytes of a range mark at s (- — – － ~ ～ 至 到), or 0. */
static size_t range_mark(const char *s, size_t len)
{
	static const char *const marks[] = {"—", "–", "－", "～", "至", "到"};
	if (len && (s[0] == '-' || s[0] == '~'))
		return 1;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (len >= 3 && !memcmp(s, marks[k], 3))
			return 3;
	return 0;
}

static int is_year(int v, size_t digits)
{
	return digits == 4 && v >= 1900 && v <= 2099;
}

/* 2024年, 9月 (a month 1–12) or a range of years (2025—2027年,
 * 2025-2027年): no decimal fraction can go on so. */
static int starts_with_date(const char *s, size_t len)
{
	int v, w;
	size_t n = gw_arabic_number(s, len, 4, &v);
	if (n && n + 3 <= len && !memcmp(s + n, "年", 3))
		return v >= 1900 && v <= 2099;
	size_t r = n ? range_mark(s + n, len - n) : 0;
	if (r && is_year(v, n)) {
		size_t k = gw_arabic_number(s + n + r, len - n - r, 4, &w);
		if (is_year(w, k))
			return 1;
	}
	return n && n + 3 <= len && !memcmp(s + n, "月", 3) && v >= 1 &&
	       v <= 12;
}

/* 1. 1． 1、 1 . — but not 1.5 or 1、2; 2.9月 and 1.2024年 are markers
 * before a date (1、2月 is January and February) */
static int parse_arabic_dot(const char *s, size_t len, gw_marker *m)
{
	int v;
	size_t i = gw_arabic_number(s, len, 3, &v);
	if (!i || v < 1)
		return 0;
	i = skip_blanks(s, len, i);
	size_t j = i;
	int32_t cp = i < len ? gw_utf8_next(s, len, &j) : -1;
	if (cp != '.' && cp != 0xFF0E && cp != 0x3001)
		return 0;
	size_t b;
	if (gw_digit_value(s + j, len - j, &b) >= 0 &&
	    (cp == 0x3001 || !starts_with_date(s + j, len - j)))
		return 0;
	return found_marker(m, 3, v, GW_SHAPE_ARABIC_DOT,
			    skip_blanks(s, len, j));
}

/* ① … ⑳ (U+2460..), ㉑ … ㉟ (U+3251..), ㊱ … ㊿ (U+32B1..) */
static int parse_circled(const char *s, size_t len, gw_marker *m)
{
	size_t i = 0;
	int32_t cp = gw_utf8_next(s, len, &i);
	int v;
	if (cp >= 0x2460 && cp <= 0x2473)
		v = cp - 0x2460 + 1;
	else if (cp >= 0x3251 && cp <= 0x325F)
		v = cp - 0x3251 + 21;
	else if (cp >= 0x32B1 && cp <= 0x32BF)
		v = cp - 0x32B1 + 36;
	else
		return 0;
	return found_marker(m, 4, v, GW_SHAPE_CIRCLED,
			    skip_blanks(s, len, i));
}

int gw_marker_parse(const char *s, size_t len, gw_marker *m)
{
	memset(m, 0, sizeof *m);
	if (len == 0)
		return 0;
	return parse_cn_comma(s, len, m) || parse_paren(s, len, m) ||
	       parse_arabic_dot(s, len, m) || parse_arabic_close(s, len, m) ||
	       parse_circled(s, len, m);
}

void gw_marker_format(const gw_marker *m, char *out)
{
	size_t n = 0;
	switch (m->shape) {
	case GW_SHAPE_CN_COMMA:
		n = gw_cn_format(m->number, out);
		memcpy(out + n, "、", 3);
		n += 3;
		break;
	case GW_SHAPE_CN_PAREN:
		memcpy(out, "（", 3);
		n = 3 + gw_cn_format(m->number, out + 3);
		memcpy(out + n, "）", 3);
		n += 3;
		break;
	case GW_SHAPE_ARABIC_DOT:
		n = (size_t)snprintf(out, GW_MARKER_MAX, "%d.", m->number);
		break;
	case GW_SHAPE_ARABIC_PAREN:
		n = (size_t)snprintf(out, GW_MARKER_MAX, "（%d）", m->number);
		break;
	case GW_SHAPE_CIRCLED: {
		int32_t cp = m->number <= 20   ? 0x2460 + m->number - 1
			     : m->number <= 35 ? 0x3251 + m->number - 21
					       : 0x32B1 + m->number - 36;
		n = gw_utf8_encode(cp, out);
		break;
	}
	case GW_SHAPE_NONE:
		break;
	}
	out[n] = '\0';
}
