/*
 * numeral.h — numbers as Chinese documents write them, and outline markers.
 *
 * Owns: nothing (pure functions).  Chinese numerals 〇/零, 一 … 九十九 are
 * read as written (十一 = 11, 二十 = 20); 两 is never a numeral in a marker
 * and is rejected.  Digit-by-digit numerals (二〇二〇) are read for dates.
 * Arabic digits may be ASCII or full-width.
 */
#ifndef GW_NUMERAL_H
#define GW_NUMERAL_H

#include <stddef.h>

/* A Chinese numeral 0..99 at the start of s.  Returns the bytes consumed
 * (0 when there is none) and stores the value. */
size_t gw_cn_number(const char *s, size_t len, int *value);

/* Digit-by-digit Chinese numerals (二〇二〇 -> 2020, at most 4 digits), or
 * the standard form when that is longer (二十 -> 20).  For dates. */
size_t gw_cn_date_number(const char *s, size_t len, int *value);

/* Up to maxdigits ASCII or full-width digits.  Returns bytes consumed. */
size_t gw_arabic_number(const char *s, size_t len, int maxdigits, int *value);

/* The value of one digit character (ASCII or full-width), or -1. */
int gw_digit_value(const char *s, size_t len, size_t *bytes);

/* Write n (1..99) as a Chinese numeral; returns bytes written. */
size_t gw_cn_format(int n, char *out);

/* An outline marker at the start of a line (GB/T 9704-2012 §7.3.3). */
typedef enum gw_marker_shape {
	GW_SHAPE_NONE,
	GW_SHAPE_CN_COMMA,   /* 一、 一. 一．          level 1 */
	GW_SHAPE_CN_PAREN,   /* （一） (一)            level 2 */
	GW_SHAPE_ARABIC_DOT, /* 1. 1． 1、 1 .         level 3 */
	GW_SHAPE_ARABIC_PAREN, /* （1） (1)            level 4 */
	GW_SHAPE_CIRCLED     /* ① … ㊿                 level 4 */
} gw_marker_shape;

typedef struct gw_marker {
	int level;  /* 1..4, 0 when there is no marker */
	int number; /* as written */
	gw_marker_shape shape;
	size_t len; /* bytes of the marker and the blanks after it */
} gw_marker;

/* Recognise a marker at s[0..).  Returns 1 and fills m, else 0. */
int gw_marker_parse(const char *s, size_t len, gw_marker *m);

/* The normalised marker (一、 （一） 1. （1） ①), NUL-terminated; out must
 * hold GW_MARKER_MAX bytes. */
enum { GW_MARKER_MAX = 24 };
void gw_marker_format(const gw_marker *m, char *out);

#endif
