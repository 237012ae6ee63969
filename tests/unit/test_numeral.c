/* test_numeral.c — Chinese and Arabic numerals, outline markers. */
#include <string.h>

#include "numeral.h"
#include "suites.h"

/* gw_cn_number on a C string: value, or -1 when nothing was consumed;
 * *used gets the bytes consumed. */
static int cn(const char *s, size_t *used)
{
	int v = -1;
	size_t n = gw_cn_number(s, strlen(s), &v);
	if (used)
		*used = n;
	return n ? v : -1;
}

static int cn_date(const char *s, size_t *used)
{
	int v = -1;
	size_t n = gw_cn_date_number(s, strlen(s), &v);
	if (used)
		*used = n;
	return n ? v : -1;
}

static int arabic(const char *s, int maxdigits, size_t *used)
{
	int v = -1;
	size_t n = gw_arabic_number(s, strlen(s), maxdigits, &v);
	if (used)
		*used = n;
	return n ? v : -1;
}

/* ---- gw_cn_number -------------------------------------------------------- */

START_TEST(cn_units)
{
	static const char *const d[] = {"一", "二", "三", "四", "五",
					"六", "七", "八", "九"};
	for (int i = 0; i < 9; i++) {
		size_t used;
		ck_assert_int_eq(cn(d[i], &used), i + 1);
		ck_assert_uint_eq(used, 3);
	}
}
END_TEST

START_TEST(cn_zero)
{
	size_t used;
	ck_assert_int_eq(cn("〇", &used), 0);
	ck_assert_uint_eq(used, 3);
	ck_assert_int_eq(cn("零", &used), 0);
	ck_assert_uint_eq(used, 3);
}
END_TEST

START_TEST(cn_tens)
{
	size_t used;
	ck_assert_int_eq(cn("十", &used), 10);
	ck_assert_uint_eq(used, 3);
	ck_assert_int_eq(cn("十一", &used), 11);
	ck_assert_uint_eq(used, 6);
	ck_assert_int_eq(cn("十九", NULL), 19);
	ck_assert_int_eq(cn("二十", &used), 20);
	ck_assert_uint_eq(used, 6);
	ck_assert_int_eq(cn("二十一", &used), 21);
	ck_assert_uint_eq(used, 9);
	ck_assert_int_eq(cn("三十五", NULL), 35);
	ck_assert_int_eq(cn("九十九", &used), 99);
	ck_assert_uint_eq(used, 9);
}
END_TEST

START_TEST(cn_every_value)
{
	for (int v = 1; v <= 99; v++) {
		char buf[16];
		size_t n = gw_cn_format(v, buf);
		int got = -1;
		ck_assert_uint_eq(gw_cn_number(buf, n, &got), n);
		ck_assert_int_eq(got, v);
	}
}
END_TEST

START_TEST(cn_stops_at_non_numeral)
{
	size_t used;
	ck_assert_int_eq(cn("十一、加强", &used), 11);
	ck_assert_uint_eq(used, 6);
	ck_assert_int_eq(cn("二十）", &used), 20);
	ck_assert_uint_eq(used, 6);
	ck_assert_int_eq(cn("三是", &used), 3);
	ck_assert_uint_eq(used, 3);
}
END_TEST

START_TEST(cn_rejected)
{
	ck_assert_int_eq(cn("两", NULL), -1);
	ck_assert_int_eq(cn("两、", NULL), -1);
	ck_assert_int_eq(cn("一十一", NULL), -1);
	ck_assert_int_eq(cn("一二", NULL), -1); /* digit-by-digit */
	ck_assert_int_eq(cn("百", NULL), -1);
	ck_assert_int_eq(cn("加强", NULL), -1);
	ck_assert_int_eq(cn("1", NULL), -1);
	ck_assert_int_eq(cn("", NULL), -1);
}
END_TEST

/* ---- gw_cn_date_number --------------------------------------------------- */

START_TEST(cn_date_digits)
{
	size_t used;
	ck_assert_int_eq(cn_date("二〇二〇", &used), 2020);
	ck_assert_uint_eq(used, 12);
	ck_assert_int_eq(cn_date("二〇二二年", &used), 2022);
	ck_assert_uint_eq(used, 12);
	ck_assert_int_eq(cn_date("二零一九", NULL), 2019);
}
END_TEST

START_TEST(cn_date_standard)
{
	size_t used;
	ck_assert_int_eq(cn_date("二十", &used), 20);
	ck_assert_uint_eq(used, 6);
	ck_assert_int_eq(cn_date("八", &used), 8);
	ck_assert_uint_eq(used, 3);
	ck_assert_int_eq(cn_date("十二", NULL), 12);
	ck_assert_int_eq(cn_date("三十一", &used), 31);
	ck_assert_uint_eq(used, 9);
	ck_assert_int_eq(cn_date("十月", &used), 10);
	ck_assert_uint_eq(used, 3);
	ck_assert_int_eq(cn_date("年", NULL), -1);
}
END_TEST

/* ---- gw_arabic_number ---------------------------------------------------- */

START_TEST(arabic_ascii)
{
	size_t used;
	ck_assert_int_eq(arabic("7", 3, &used), 7);
	ck_assert_uint_eq(used, 1);
	ck_assert_int_eq(arabic("123", 3, &used), 123);
	ck_assert_uint_eq(used, 3);
	ck_assert_int_eq(arabic("2020年", 4, &used), 2020);
	ck_assert_uint_eq(used, 4);
	ck_assert_int_eq(arabic("abc", 3, NULL), -1);
	ck_assert_int_eq(arabic("", 3, NULL), -1);
}
END_TEST

START_TEST(arabic_fullwidth)
{
	size_t used;
	ck_assert_int_eq(arabic("１２", 3, &used), 12);
	ck_assert_uint_eq(used, 6);
	ck_assert_int_eq(arabic("１2３．", 3, &used), 123);
	ck_assert_uint_eq(used, 7);
	ck_assert_int_eq(arabic("０", 3, NULL), 0);
	ck_assert_int_eq(arabic("９", 3, NULL), 9);
}
END_TEST

START_TEST(arabic_maxdigits)
{
	ck_assert_int_eq(arabic("1234", 3, NULL), -1);
	ck_assert_int_eq(arabic("1234", 4, NULL), 1234);
	ck_assert_int_eq(arabic("１２３４", 3, NULL), -1);
	ck_assert_int_eq(arabic("12", 1, NULL), -1);
}
END_TEST

/* ---- gw_marker_parse ----------------------------------------------------- */

/* Parse s, expecting a marker of this level/number/shape and `len` bytes
 * (marker plus the blanks after it). */
static void expect_marker(const char *s, int level, int number,
			  gw_marker_shape shape, size_t len)
{
	gw_marker m;
	ck_assert_msg(gw_marker_parse(s, strlen(s), &m) == 1,
		      "\"%s\" is not a marker", s);
	ck_assert_msg(m.level == level && m.number == number &&
			      m.shape == shape && m.len == len,
		      "\"%s\": level %d number %d shape %d len %zu", s, m.level,
		      m.number, (int)m.shape, m.len);
}

static void expect_none(const char *s)
{
	gw_marker m;
	ck_assert_msg(gw_marker_parse(s, strlen(s), &m) == 0,
		      "\"%s\" taken as marker level %d number %d", s, m.level,
		      m.number);
	ck_assert_int_eq(m.level, 0);
}

START_TEST(marker_level1)
{
	expect_marker("一、总体要求", 1, 1, GW_SHAPE_CN_COMMA, 6);
	expect_marker("一.总体要求", 1, 1, GW_SHAPE_CN_COMMA, 4);
	expect_marker("一．总体要求", 1, 1, GW_SHAPE_CN_COMMA, 6);
	expect_marker("十、保障", 1, 10, GW_SHAPE_CN_COMMA, 6);
	expect_marker("十一、保障", 1, 11, GW_SHAPE_CN_COMMA, 9);
	expect_marker("二十、保障", 1, 20, GW_SHAPE_CN_COMMA, 9);
	expect_marker("九十九、保障", 1, 99, GW_SHAPE_CN_COMMA, 12);
	/* blanks after the marker belong to it */
	expect_marker("三、　 加强", 1, 3, GW_SHAPE_CN_COMMA, 10);
}
END_TEST

START_TEST(marker_level2)
{
	expect_marker("（一）加强", 2, 1, GW_SHAPE_CN_PAREN, 9);
	expect_marker("(一)加强", 2, 1, GW_SHAPE_CN_PAREN, 5);
	expect_marker("(一）加强", 2, 1, GW_SHAPE_CN_PAREN, 7);
	expect_marker("（十）加强", 2, 10, GW_SHAPE_CN_PAREN, 9);
	expect_marker("（十一）加强", 2, 11, GW_SHAPE_CN_PAREN, 12);
	expect_marker("（二十）加强", 2, 20, GW_SHAPE_CN_PAREN, 12);
	expect_marker("（二十三） 加强", 2, 23, GW_SHAPE_CN_PAREN, 16);
}
END_TEST

START_TEST(marker_level3)
{
	expect_marker("1.推进", 3, 1, GW_SHAPE_ARABIC_DOT, 2);
	expect_marker("1．推进", 3, 1, GW_SHAPE_ARABIC_DOT, 4);
	expect_marker("1、推进", 3, 1, GW_SHAPE_ARABIC_DOT, 4);
	expect_marker("1 .推进", 3, 1, GW_SHAPE_ARABIC_DOT, 3);
	expect_marker("1. 推进", 3, 1, GW_SHAPE_ARABIC_DOT, 3);
	expect_marker("29.推进", 3, 29, GW_SHAPE_ARABIC_DOT, 3);
	expect_marker("35、推进", 3, 35, GW_SHAPE_ARABIC_DOT, 5);
	expect_marker("１２．推进", 3, 12, GW_SHAPE_ARABIC_DOT, 9);
	/* an item that opens with a date: no decimal goes on with 月 or 年 */
	expect_marker("2．9月底前，完成摸底", 3, 2, GW_SHAPE_ARABIC_DOT, 4);
	expect_marker("2.11月底前完成", 3, 2, GW_SHAPE_ARABIC_DOT, 2);
	expect_marker("1.2024年底前完成", 3, 1, GW_SHAPE_ARABIC_DOT, 2);
	/* …or with a range of years */
	expect_marker("8.2025—2027年，每年培训", 3, 8, GW_SHAPE_ARABIC_DOT, 2);
	expect_marker("2.2025-2027年", 3, 2, GW_SHAPE_ARABIC_DOT, 2);
	expect_marker("3.2025至2026年", 3, 3, GW_SHAPE_ARABIC_DOT, 2);
	gw_marker m;
	ck_assert(!gw_marker_parse("1.2025-1.3亿元", strlen("1.2025-1.3亿元"), &m));
}
END_TEST

START_TEST(marker_level4)
{
	expect_marker("（1）推进", 4, 1, GW_SHAPE_ARABIC_PAREN, 7);
	expect_marker("(1)推进", 4, 1, GW_SHAPE_ARABIC_PAREN, 3);
	expect_marker("(12)推进", 4, 12, GW_SHAPE_ARABIC_PAREN, 4);
	expect_marker("（１）推进", 4, 1, GW_SHAPE_ARABIC_PAREN, 9);
	expect_marker("①推进", 4, 1, GW_SHAPE_CIRCLED, 3);
	expect_marker("⑩推进", 4, 10, GW_SHAPE_CIRCLED, 3);
	expect_marker("⑳推进", 4, 20, GW_SHAPE_CIRCLED, 3);
	expect_marker("㉑推进", 4, 21, GW_SHAPE_CIRCLED, 3);
	expect_marker("㉟推进", 4, 35, GW_SHAPE_CIRCLED, 3);
	expect_marker("㊱推进", 4, 36, GW_SHAPE_CIRCLED, 3);
	expect_marker("㊿推进", 4, 50, GW_SHAPE_CIRCLED, 3);
	expect_marker("① 推进", 4, 1, GW_SHAPE_CIRCLED, 4);
	/* a number closed by a bracket that opens nowhere, as （1） */
	expect_marker("1）推进", 4, 1, GW_SHAPE_ARABIC_PAREN, 4);
	expect_marker("2) 推进", 4, 2, GW_SHAPE_ARABIC_PAREN, 3);
}
END_TEST

START_TEST(marker_negative)
{
	expect_none("1.5亿元");	  /* "1." followed by a digit */
	expect_none("1．5亿元");
	expect_none("1、2项");
	expect_none("1、2月份");  /* January and February */
	expect_none("三、四季度集中开展排查"); /* the third and fourth quarters */
	expect_none("一、二月份");
	expect_none("一、二、三产业融合发展");
	expect_none("五、六年级学生");
	expect_none("2.13月");	  /* no month 13 */
	expect_none("1.2024万元"); /* no year */
	expect_none("4=2");
	expect_none("两、加强");
	expect_none("（两）加强");
	expect_none("一十一、加强");
	expect_none("加强组织领导");
	expect_none("2020年");
	expect_none("0.5");
	expect_none("〇、");
	expect_none("(0)");
	expect_none("一");	  /* numeral without punctuation */
	expect_none("1");
	expect_none("（一");	  /* unclosed */
	expect_none("(1");
	expect_none("1)2");	  /* no blank or text after the bracket */
	expect_none("1）、2）");
	expect_none("1234.");	  /* more than three digits */
	expect_none("");
}
END_TEST

/* ---- gw_marker_format ---------------------------------------------------- */

static void expect_format(const char *s, const char *want)
{
	gw_marker m;
	char out[GW_MARKER_MAX];
	ck_assert_msg(gw_marker_parse(s, strlen(s), &m), "\"%s\" no marker",
		      s);
	memset(out, 'x', sizeof out);
	gw_marker_format(&m, out);
	ck_assert_str_eq(out, want);
}

START_TEST(format_normalises)
{
	expect_format("3）推进", "（3）");
	expect_format("一、", "一、");
	expect_format("一.", "一、");
	expect_format("一．", "一、");
	expect_format("十一．", "十一、");
	expect_format("九十九、", "九十九、");
	expect_format("(一)", "（一）");
	expect_format("（一）", "（一）");
	expect_format("(二十)", "（二十）");
	expect_format("（十）", "（十）");
	expect_format("1.", "1.");
	expect_format("1．", "1.");
	expect_format("1、", "1.");
	expect_format("1 .", "1.");
	expect_format("３５．", "35.");
	expect_format("(1)", "（1）");
	expect_format("（１２）", "（12）");
	expect_format("①", "①");
	expect_format("⑳", "⑳");
	expect_format("㉑", "㉑");
	expect_format("㊿", "㊿");
}
END_TEST

START_TEST(format_none)
{
	gw_marker m;
	char out[GW_MARKER_MAX] = "junk";
	memset(&m, 0, sizeof m);
	gw_marker_format(&m, out);
	ck_assert_str_eq(out, "");
}
END_TEST

Suite *numeral_suite(void)
{
	Suite *s = suite_create("numeral");
	TCase *tc;

	tc = tcase_create("cn_number");
	tcase_add_test(tc, cn_units);
	tcase_add_test(tc, cn_zero);
	tcase_add_test(tc, cn_tens);
	tcase_add_test(tc, cn_every_value);
	tcase_add_test(tc, cn_stops_at_non_numeral);
	tcase_add_test(tc, cn_rejected);
	suite_add_tcase(s, tc);

	tc = tcase_create("cn_date_number");
	tcase_add_test(tc, cn_date_digits);
	tcase_add_test(tc, cn_date_standard);
	suite_add_tcase(s, tc);

	tc = tcase_create("arabic_number");
	tcase_add_test(tc, arabic_ascii);
	tcase_add_test(tc, arabic_fullwidth);
	tcase_add_test(tc, arabic_maxdigits);
	suite_add_tcase(s, tc);

	tc = tcase_create("marker_parse");
	tcase_add_test(tc, marker_level1);
	tcase_add_test(tc, marker_level2);
	tcase_add_test(tc, marker_level3);
	tcase_add_test(tc, marker_level4);
	tcase_add_test(tc, marker_negative);
	suite_add_tcase(s, tc);

	tc = tcase_create("marker_format");
	tcase_add_test(tc, format_normalises);
	tcase_add_test(tc, format_none);
	suite_add_tcase(s, tc);
	return s;
}
