/* test_utf8.c — validation, decoding and character classes. */
#include <string.h>

#include "suites.h"
#include "utf8.h"

static size_t validate(const char *s)
{
	return gw_utf8_validate(s, strlen(s));
}

/* ---- gw_utf8_validate ---------------------------------------------------- */

START_TEST(validate_valid)
{
	ck_assert_uint_eq(validate(""), 0);
	ck_assert_uint_eq(validate("plain ascii"), 11);
	ck_assert_uint_eq(validate("通知"), 6);
	ck_assert_uint_eq(validate("\xC2\xA0"), 2);		/* U+00A0 */
	ck_assert_uint_eq(validate("\xF0\x9F\x98\x80"), 4);	/* U+1F600 */
	ck_assert_uint_eq(validate("\xF0\xA0\x80\x80"), 4);	/* U+20000 */
	ck_assert_uint_eq(validate("\xF4\x8F\xBF\xBF"), 4);	/* U+10FFFF */
	ck_assert_uint_eq(validate("\xED\x9F\xBF"), 3);		/* U+D7FF */
	ck_assert_uint_eq(validate("\xEE\x80\x80"), 3);		/* U+E000 */
}
END_TEST

START_TEST(validate_truncated)
{
	ck_assert_uint_eq(gw_utf8_validate("\xE4\xB8", 2), 0);
	ck_assert_uint_eq(gw_utf8_validate("ab\xE4\xB8", 4), 2);
	ck_assert_uint_eq(gw_utf8_validate("通\xE7\x9F", 5), 3);
	ck_assert_uint_eq(gw_utf8_validate("\xF0\x9F\x98", 3), 0);
	/* a lead byte followed by ASCII */
	ck_assert_uint_eq(validate("x\xE4" "ab"), 1);
	/* a stray continuation byte */
	ck_assert_uint_eq(validate("通\x80"), 3);
	/* the length limits the look-ahead */
	ck_assert_uint_eq(gw_utf8_validate("通知", 4), 3);
}
END_TEST

START_TEST(validate_overlong)
{
	ck_assert_uint_eq(validate("\xC0\xAF"), 0);
	ck_assert_uint_eq(validate("\xC1\xBF"), 0);
	ck_assert_uint_eq(validate("a\xE0\x80\xAF"), 1);
	ck_assert_uint_eq(validate("\xE0\x9F\xBF"), 0);
	ck_assert_uint_eq(validate("\xF0\x80\x80\xAF"), 0);
	ck_assert_uint_eq(validate("\xF0\x8F\xBF\xBF"), 0);
}
END_TEST

START_TEST(validate_surrogates)
{
	ck_assert_uint_eq(validate("\xED\xA0\x80"), 0); /* U+D800 */
	ck_assert_uint_eq(validate("ab\xED\xBF\xBF"), 2); /* U+DFFF */
}
END_TEST

START_TEST(validate_too_large)
{
	ck_assert_uint_eq(validate("\xF4\x90\x80\x80"), 0); /* U+110000 */
	ck_assert_uint_eq(validate("\xF5\x80\x80\x80"), 0);
	ck_assert_uint_eq(validate("\xF8\x88\x80\x80\x80"), 0);
	ck_assert_uint_eq(validate("\xFF"), 0);
	ck_assert_uint_eq(validate("\xFE"), 0);
}
END_TEST

START_TEST(count_multibyte)
{
	ck_assert_uint_eq(gw_utf8_count_multibyte("a通b知", 8), 2);
	ck_assert_uint_eq(gw_utf8_count_multibyte("abc", 3), 0);
	/* stops at the first invalid byte */
	ck_assert_uint_eq(gw_utf8_count_multibyte("通\xFF知", 7), 1);
}
END_TEST

/* ---- decoding ------------------------------------------------------------ */

START_TEST(next_decodes)
{
	const char *s = "a\xC2\xA0通\xF0\x9F\x98\x80";
	size_t len = strlen(s), i = 0;
	ck_assert_int_eq(gw_utf8_next(s, len, &i), 'a');
	ck_assert_uint_eq(i, 1);
	ck_assert_int_eq(gw_utf8_next(s, len, &i), 0xA0);
	ck_assert_uint_eq(i, 3);
	ck_assert_int_eq(gw_utf8_next(s, len, &i), 0x901A);
	ck_assert_uint_eq(i, 6);
	ck_assert_int_eq(gw_utf8_next(s, len, &i), 0x1F600);
	ck_assert_uint_eq(i, 10);
}
END_TEST

START_TEST(next_truncated)
{
	size_t i = 0;
	ck_assert_int_eq(gw_utf8_next("\xE9\x80", 2, &i), 0xFFFD);
	ck_assert_uint_eq(i, 1);
	i = 0;
	/* the length, not the NUL, ends the string */
	ck_assert_int_eq(gw_utf8_next("通", 2, &i), 0xFFFD);
	ck_assert_uint_eq(i, 1);
}
END_TEST

START_TEST(prev_decodes)
{
	const char *s = "a\xC2\xA0通\xF0\x9F\x98\x80";
	size_t start = 99;
	ck_assert_int_eq(gw_utf8_prev(s, 10, &start), 0x1F600);
	ck_assert_uint_eq(start, 6);
	ck_assert_int_eq(gw_utf8_prev(s, 6, &start), 0x901A);
	ck_assert_uint_eq(start, 3);
	ck_assert_int_eq(gw_utf8_prev(s, 3, &start), 0xA0);
	ck_assert_uint_eq(start, 1);
	ck_assert_int_eq(gw_utf8_prev(s, 1, &start), 'a');
	ck_assert_uint_eq(start, 0);
	ck_assert_int_eq(gw_utf8_prev(s, 0, &start), -1);
}
END_TEST

START_TEST(prev_next_roundtrip)
{
	const char *s = "四川省2020年（一）“三医联动”😀";
	size_t len = strlen(s), i = 0, count = 0;
	int32_t cps[64];
	while (i < len)
		cps[count++] = gw_utf8_next(s, len, &i);
	size_t end = len;
	while (end) {
		size_t start;
		ck_assert_int_eq(gw_utf8_prev(s, end, &start), cps[--count]);
		ck_assert_uint_lt(start, end);
		end = start;
	}
	ck_assert_uint_eq(count, 0);
}
END_TEST

START_TEST(encode_roundtrip)
{
	static const int32_t cps[] = {'A', 0xA0, 0x3000, 0x901A, 0x1F600,
				      0x10FFFF};
	for (size_t k = 0; k < sizeof cps / sizeof *cps; k++) {
		char buf[4];
		size_t n = gw_utf8_encode(cps[k], buf), i = 0;
		ck_assert_uint_ge(n, 1);
		ck_assert_uint_eq(gw_utf8_validate(buf, n), n);
		ck_assert_int_eq(gw_utf8_next(buf, n, &i), cps[k]);
		ck_assert_uint_eq(i, n);
	}
}
END_TEST

/* ---- classes ------------------------------------------------------------- */

START_TEST(space_class)
{
	ck_assert(gw_is_space(' '));
	ck_assert(gw_is_space('\t'));
	ck_assert(gw_is_space(0x3000));	/* ideographic space */
	ck_assert(gw_is_space(0x00A0));	/* no-break space */
	ck_assert(gw_is_space(0x2002));	/* en space */
	ck_assert(gw_is_space(0x200B));	/* zero-width space */
	ck_assert(gw_is_space(0xFEFF));	/* BOM / ZWNBSP */
	ck_assert(!gw_is_space('a'));
	ck_assert(!gw_is_space('0'));
	ck_assert(!gw_is_space(0x901A));	/* 通 */
	ck_assert(!gw_is_space(0x3001));	/* 、 */
	ck_assert(!gw_is_space(0xFF0C));	/* ， */
}
END_TEST

START_TEST(cjk_class)
{
	ck_assert(gw_is_cjk(0x901A));	/* 通 */
	ck_assert(gw_is_cjk(0x3002));	/* 。 */
	ck_assert(gw_is_cjk(0xFF0C));	/* ， */
	ck_assert(gw_is_cjk(0xFF08));	/* （ */
	ck_assert(gw_is_cjk(0xFF11));	/* １ */
	ck_assert(gw_is_cjk(0x201C));	/* “ */
	ck_assert(gw_is_cjk(0x201D));	/* ” */
	ck_assert(gw_is_cjk(0x2014));	/* — */
	ck_assert(gw_is_cjk(0x2026));	/* … */
	ck_assert(gw_is_cjk(0x00B7));	/* · */
	ck_assert(gw_is_cjk(0x20000)); /* CJK extension B */
	ck_assert(!gw_is_cjk('a'));
	ck_assert(!gw_is_cjk('1'));
	ck_assert(!gw_is_cjk(' '));
	ck_assert(!gw_is_cjk('('));
	ck_assert(!gw_is_cjk(0xE9));	/* é */
}
END_TEST

START_TEST(han_class)
{
	ck_assert(gw_is_han(0x4E00));
	ck_assert(gw_is_han(0x9FA5));
	ck_assert(gw_is_han(0x3400));
	ck_assert(gw_is_han(0x20000));
	ck_assert(!gw_is_han(0x3002));
	ck_assert(!gw_is_han(0xFF08));
	ck_assert(!gw_is_han('a'));
}
END_TEST

START_TEST(str_width)
{
	ck_assert_uint_eq(gw_str_width("", 0), 0);
	ck_assert_uint_eq(gw_str_width("abc", 3), 3);
	ck_assert_uint_eq(gw_str_width("通知", 6), 4);
	ck_assert_uint_eq(gw_str_width("通a", 4), 3);
	ck_assert_uint_eq(gw_str_width("（一）", 9), 6);
	ck_assert_uint_eq(gw_str_width("e\xCC\x81", 3), 1); /* combining */
	ck_assert_uint_eq(gw_str_width("2020年8月", 11), 9);
	ck_assert_int_eq(gw_width('\n'), 0);
	ck_assert_int_eq(gw_width(0x3000), 2);
}
END_TEST

Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc;

	tc = tcase_create("validate");
	tcase_add_test(tc, validate_valid);
	tcase_add_test(tc, validate_truncated);
	tcase_add_test(tc, validate_overlong);
	tcase_add_test(tc, validate_surrogates);
	tcase_add_test(tc, validate_too_large);
	tcase_add_test(tc, count_multibyte);
	suite_add_tcase(s, tc);

	tc = tcase_create("decode");
	tcase_add_test(tc, next_decodes);
	tcase_add_test(tc, next_truncated);
	tcase_add_test(tc, prev_decodes);
	tcase_add_test(tc, prev_next_roundtrip);
	tcase_add_test(tc, encode_roundtrip);
	suite_add_tcase(s, tc);

	tc = tcase_create("classes");
	tcase_add_test(tc, space_class);
	tcase_add_test(tc, cjk_class);
	tcase_add_test(tc, han_class);
	suite_add_tcase(s, tc);

	tc = tcase_create("width");
	tcase_add_test(tc, str_width);
	suite_add_tcase(s, tc);
	return s;
}
