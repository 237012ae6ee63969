/* test_reader.c — bytes to UTF-8 text with LF line ends (reader.h). */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "reader.h"
#include "suites.h"

static const char notice[] =
	"四川省人民政府办公厅\n关于印发四川省深化医药卫生体制改革"
	"2020年下半年重点工作任务的通知\n川办发〔2020〕53号\n"
	"各市(州)人民政府，省政府各部门：\n一、加强组织领导（省卫生健康委负责）。\n";

/* Read bytes; the result is NUL-terminated and freed by the caller. */
static gw_status read_bytes(const char *bytes, size_t len, gw_buffer *out,
			    gw_diag *diag)
{
	memset(out, 0, sizeof *out);
	memset(diag, 0, sizeof *diag);
	diag->offset = GW_NO_OFFSET;
	return gw_read_text(bytes, len, out, diag);
}

/* Read and compare with the expected text. */
static void expect_text(const char *bytes, size_t len, const char *want)
{
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_bytes(bytes, len, &out, &diag);
	int ok = st == GW_OK && out.data && out.len == strlen(want) &&
		 !memcmp(out.data, want, out.len) && out.data[out.len] == '\0';
	char got[256];
	snprintf(got, sizeof got, "%.*s", out.data ? (int)out.len : 0,
		 out.data ? out.data : "");
	gw_buffer_free(&out);
	ck_assert_msg(ok, "status %d (%s), got \"%s\"", (int)st, diag.message,
		      got);
}

static void expect_error(const char *bytes, size_t len, gw_status want,
			 size_t offset)
{
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_bytes(bytes, len, &out, &diag);
	gw_buffer_free(&out);
	ck_assert_int_eq(st, want);
	ck_assert_int_eq(diag.status, want);
	ck_assert_uint_eq(diag.offset, offset);
	ck_assert(diag.message[0] != '\0');
}

/* Convert UTF-8 to another encoding with iconv(3); the caller frees. */
static char *encode(const char *to, const char *utf8, size_t *outlen)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	ck_assert_msg(cd != (iconv_t)-1, "iconv_open %s", to);
	size_t inleft = strlen(utf8), cap = inleft * 4 + 8, oleft = cap;
	char *buf = malloc(cap), *o = buf, *in = (char *)utf8;
	ck_assert_ptr_nonnull(buf);
	size_t r = iconv(cd, &in, &inleft, &o, &oleft);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(buf);
		ck_abort_msg("iconv to %s failed", to);
	}
	*outlen = cap - oleft;
	return buf;
}

/* Prefix `pre` (plen bytes) to bytes; the caller frees. */
static char *prefixed(const char *pre, size_t plen, const char *bytes,
		      size_t len)
{
	char *p = malloc(plen + len);
	ck_assert_ptr_nonnull(p);
	memcpy(p, pre, plen);
	memcpy(p + plen, bytes, len);
	return p;
}

/* ---- UTF-8 --------------------------------------------------------------- */

START_TEST(utf8_plain)
{
	expect_text(notice, strlen(notice), notice);
	expect_text("", 0, "");
}
END_TEST

START_TEST(utf8_bom_dropped)
{
	char *b = prefixed("\xEF\xBB\xBF", 3, notice, strlen(notice));
	gw_buffer plain, bom;
	gw_diag diag;
	ck_assert_int_eq(read_bytes(notice, strlen(notice), &plain, &diag),
			 GW_OK);
	gw_status st = read_bytes(b, strlen(notice) + 3, &bom, &diag);
	free(b);
	int same = plain.len == bom.len &&
		   !memcmp(plain.data, bom.data, plain.len);
	gw_buffer_free(&plain);
	gw_buffer_free(&bom);
	ck_assert_int_eq(st, GW_OK);
	ck_assert(same);
	/* only a leading BOM is one */
	expect_text("\xEF\xBB\xBF", 3, "");
}
END_TEST

START_TEST(crlf_to_lf)
{
	const char *s = "一、加强\r\n（一）推进\r\n\r\n完善。\r\n";
	expect_text(s, strlen(s), "一、加强\n（一）推进\n\n完善。\n");
}
END_TEST

START_TEST(cr_to_lf)
{
	const char *s = "一、加强\r（一）推进\r\r完善。";
	expect_text(s, strlen(s), "一、加强\n（一）推进\n\n完善。");
	const char *mixed = "a\r\nb\rc\nd\n\re\r";
	expect_text(mixed, strlen(mixed), "a\nb\nc\nd\n\ne\n");
}
END_TEST

/* ---- other encodings ----------------------------------------------------- */

START_TEST(utf16le_bom)
{
	size_t n;
	char *u = encode("UTF-16LE", "通知\r\n一、加强。\n", &n);
	char *b = prefixed("\xFF\xFE", 2, u, n);
	free(u);
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_bytes(b, n + 2, &out, &diag);
	free(b);
	int ok = st == GW_OK && out.len == strlen("通知\n一、加强。\n") &&
		 !memcmp(out.data, "通知\n一、加强。\n", out.len);
	gw_buffer_free(&out);
	ck_assert_int_eq(st, GW_OK);
	ck_assert(ok);
	/* hand-made bytes: 通 = U+901A */
	expect_text("\xFF\xFE\x1A\x90\x0A\x00", 6, "通\n");
}
END_TEST

START_TEST(utf16be_bom)
{
	size_t n;
	char *u = encode("UTF-16BE", notice, &n);
	char *b = prefixed("\xFE\xFF", 2, u, n);
	free(u);
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_bytes(b, n + 2, &out, &diag);
	free(b);
	int ok = st == GW_OK && out.len == strlen(notice) &&
		 !memcmp(out.data, notice, out.len);
	gw_buffer_free(&out);
	ck_assert_int_eq(st, GW_OK);
	ck_assert(ok);
	expect_text("\xFE\xFF\x90\x1A\x00\x0D", 6, "通\n");
}
END_TEST

START_TEST(utf16_errors)
{
	/* an odd number of bytes: the last code unit is cut */
	expect_error("\xFF\xFE\x1A\x90\x0A", 5, GW_ERR_ENCODING, 4);
	/* a lone low surrogate */
	expect_error("\xFF\xFE\x1A\x90\x00\xDC\x41\x00", 8, GW_ERR_ENCODING, 4);
	/* U+0000 decoded is binary */
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_bytes("\xFF\xFE\x41\x00\x00\x00", 6, &out, &diag);
	gw_buffer_free(&out);
	ck_assert_int_eq(st, GW_ERR_BINARY);
}
END_TEST

START_TEST(gb18030_decoded)
{
	size_t n;
	char *g = encode("GB18030", notice, &n);
	/* really another encoding, not UTF-8 by accident */
	ck_assert(n != strlen(notice) || memcmp(g, notice, n));
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_bytes(g, n, &out, &diag);
	free(g);
	int ok = st == GW_OK && out.len == strlen(notice) &&
		 !memcmp(out.data, notice, out.len) && !out.data[out.len];
	gw_buffer_free(&out);
	ck_assert_msg(st == GW_OK, "%s", diag.message);
	ck_assert(ok);
}
END_TEST

START_TEST(gb18030_crlf)
{
	size_t n;
	char *g = encode("GB18030", "通知\r\n加强。\r", &n);
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_bytes(g, n, &out, &diag);
	free(g);
	int ok = st == GW_OK && out.len == strlen("通知\n加强。\n") &&
		 !memcmp(out.data, "通知\n加强。\n", out.len);
	gw_buffer_free(&out);
	ck_assert_int_eq(st, GW_OK);
	ck_assert(ok);
}
END_TEST

/* ---- declared charsets ----------------------------------------------------- */

/* 珺 (GBK only, not in GB2312), the em dash as GBK has it (A1AA, which
 * GB2312 tables map to U+2015), the middle dot (A1A4, U+30FB in GB2312
 * tables) and 𠀀 (a four-byte GB18030 sequence). */
static const char gbk_bytes[] = "\xAC\x42\xA1\xAA\xA1\xA4\x95\x32\x82\x36";
static const char gbk_text[] = "珺—·𠀀";

static gw_status read_as(const char *charset, const char *bytes, size_t len,
			 gw_buffer *out, gw_diag *diag)
{
	memset(out, 0, sizeof *out);
	memset(diag, 0, sizeof *diag);
	diag->offset = GW_NO_OFFSET;
	return gw_read_text_as(charset, bytes, len, out, diag);
}

static void expect_as(const char *charset, const char *bytes, size_t len,
		      const char *want)
{
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_as(charset, bytes, len, &out, &diag);
	int ok = st == GW_OK && out.len == strlen(want) &&
		 !memcmp(out.data, want, out.len);
	char got[256];
	snprintf(got, sizeof got, "%.*s", out.data ? (int)out.len : 0,
		 out.data ? out.data : "");
	gw_buffer_free(&out);
	ck_assert_msg(ok, "%s: status %d (%s), got \"%s\"", charset, (int)st,
		      diag.message, got);
}

START_TEST(gbk_labels_read_as_gb18030)
{
	/* every label of the WHATWG Encoding Standard's GBK and gb18030, in
	 * any case: what browsers decode a page declaring them with */
	static const char *const labels[] = {
		"gb2312",     "GB2312",	    "gbk",	"GBK",
		"x-gbk",      "chinese",    "csgb2312", "csiso58gb231280",
		"iso-ir-58",  "gb_2312-80", "gb_2312",	"gb18030",
		"GB18030",
	};
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		expect_as(labels[i], gbk_bytes, sizeof gbk_bytes - 1,
			  gbk_text);
}
END_TEST

START_TEST(gbk_byte_80_is_euro)
{
	/* the gb18030 decoder takes a lone 0x80 (cp936's euro) as U+20AC */
	expect_as("gb2312", "a\x80" "b", 3, "a€b");
	expect_as("gb18030", "\x80", 1, "€");
}
END_TEST

START_TEST(declared_charset_errors_name_the_byte)
{
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_as("gb2312", "\xAC\x42" "ab\xFF", 5, &out, &diag);
	gw_buffer_free(&out);
	ck_assert_int_eq(st, GW_ERR_ENCODING);
	ck_assert_uint_eq(diag.offset, 4);
	ck_assert_ptr_nonnull(strstr(diag.message, "gb2312"));
	/* other charsets are iconv's, as declared */
	expect_as("big5", "\xA4\xA4", 2, "中");
}
END_TEST

START_TEST(gbk_plain_text_detected)
{
	/* not HTML, no declaration: GB18030 is detected, GBK included */
	expect_text(gbk_bytes, sizeof gbk_bytes - 1, gbk_text);
}
END_TEST

START_TEST(declared_charset_labels)
{
	static const char *const known[] = {"gb2312", "x-gbk", "chinese",
					    "iso-ir-58", "gb_2312-80", "GBK",
					    "gb18030", "big5"};
	static const char *const unknown[] = {"no-such-charset", "utf-8",
					      "UTF8"};
	char page[256], name[40];
	for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
		int n = snprintf(page, sizeof page,
				 "<html><head><meta charset=\"%s\">",
				 known[i]);
		ck_assert_msg(gw_html_declared_charset(page, (size_t)n, name,
						       sizeof name),
			      "%s not taken", known[i]);
		ck_assert_str_eq(name, known[i]);
	}
	for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
		int n = snprintf(page, sizeof page,
				 "<html><head><meta http-equiv=Content-Type "
				 "content=\"text/html; charset=%s\">",
				 unknown[i]);
		ck_assert_msg(!gw_html_declared_charset(page, (size_t)n, name,
							sizeof name),
			      "%s taken", unknown[i]);
	}
}
END_TEST

/* ---- errors -------------------------------------------------------------- */

START_TEST(nul_is_binary)
{
	expect_error("abc\0def", 7, GW_ERR_BINARY, 3);
	expect_error("\0", 1, GW_ERR_BINARY, 0);
	expect_error("通知\0", 7, GW_ERR_BINARY, 6);
	/* the offset counts the BOM: it is into the input as given */
	expect_error("\xEF\xBB\xBF" "ab\0", 6, GW_ERR_BINARY, 5);
}
END_TEST

START_TEST(broken_utf8_offset)
{
	/* plenty of valid Chinese, then one bad byte */
	char buf[sizeof notice + 16];
	size_t n = strlen(notice);
	memcpy(buf, notice, n);
	buf[n] = (char)0xFF;
	memcpy(buf + n + 1, "通知", 6);
	expect_error(buf, n + 7, GW_ERR_ENCODING, n);

	/* a truncated sequence in the middle */
	memcpy(buf, notice, n);
	memcpy(buf + n, "\xE9\x80", 2);
	memcpy(buf + n + 2, "通知", 6);
	expect_error(buf, n + 8, GW_ERR_ENCODING, n);

	/* with a BOM the offset still counts from the first byte */
	char *b = prefixed("\xEF\xBB\xBF", 3, buf, n + 8);
	expect_error(b, n + 11, GW_ERR_ENCODING, n + 3);
	free(b);
}
END_TEST

START_TEST(broken_utf8_surrogate)
{
	char buf[sizeof notice + 16];
	size_t n = strlen(notice);
	memcpy(buf, notice, n);
	memcpy(buf + n, "\xED\xA0\x80", 3); /* CESU-style surrogate */
	expect_error(buf, n + 3, GW_ERR_ENCODING, n);
}
END_TEST

START_TEST(not_any_encoding)
{
	/* a few bytes that are neither UTF-8 nor GB18030: the first bad
	 * byte is named */
	gw_buffer out;
	gw_diag diag;
	gw_status st = read_bytes("ab\xFF\xFF", 4, &out, &diag);
	gw_buffer_free(&out);
	ck_assert_int_eq(st, GW_ERR_ENCODING);
	ck_assert_uint_eq(diag.offset, 2);
}
END_TEST

/* ---- HTML ---------------------------------------------------------------- */

START_TEST(html_detected)
{
	static const char *const yes[] = {
		"<!DOCTYPE html><html><body>通知</body></html>",
		"<!doctype HTML>",
		"  \n\t<html lang=\"zh\">",
		"<HTML><HEAD>",
		"<head><meta charset=\"utf-8\">",
		"<meta http-equiv=\"Content-Type\">",
		"<body>",
		"<!-- saved from url -->\n<html>",
		/* XHTML with its XML declaration */
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC "
		"\"-//W3C//DTD XHTML 1.0 Transitional//EN\">",
		"<?xml version='1.0'?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
		"\r\n<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n\r\n<html>",
	};
	static const char *const no[] = {
		"",
		"   ",
		"通知\n<html>",
		"关于印发<html>的通知",
		"<p>通知</p>",
		"《通知》",
		"<htm",
		/* an XML file that is no page (gongwen's own -f xml) */
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gongwen version=\"1\">",
		"<?xml version=\"1.0\"",
		"<?xml-stylesheet href=\"a.xsl\"?><html>",
	};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		ck_assert_msg(gw_looks_like_html(yes[i], strlen(yes[i])),
			      "not HTML: %s", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		ck_assert_msg(!gw_looks_like_html(no[i], strlen(no[i])),
			      "HTML: %s", no[i]);
}
END_TEST

START_TEST(html_respects_length)
{
	/* the tag is cut by the length */
	ck_assert(!gw_looks_like_html("<html>", 3));
	ck_assert(gw_looks_like_html("<html>", 5));
}
END_TEST

/* Empty and blank-only inputs are refused with GW_ERR_EMPTY, through
 * the whole pipeline; one visible character is enough to be a text. */
START_TEST(empty_inputs_refused)
{
	static const char *const blank[] = {"", "\n\n", "  \t \n\u3000\n",
					    "\xEF\xBB\xBF", "\xFF\xFE"};
	for (size_t i = 0; i < sizeof blank / sizeof *blank; i++) {
		gw_diag d;
		size_t len = strlen(blank[i]);
		ck_assert_int_eq(tu_try_parse(blank[i], len, &d), GW_ERR_EMPTY);
		ck_assert_int_eq(d.status, GW_ERR_EMPTY);
	}
	gw_diag d;
	ck_assert_int_eq(tu_try_parse("\n文\n", 5, &d), GW_OK);
}
END_TEST

Suite *reader_suite(void)
{
	Suite *s = suite_create("reader");
	TCase *tc;

	tc = tcase_create("utf8");
	tcase_add_test(tc, utf8_plain);
	tcase_add_test(tc, utf8_bom_dropped);
	suite_add_tcase(s, tc);

	tc = tcase_create("empty");
	tu_fixture(tc);
	tcase_add_test(tc, empty_inputs_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("line_ends");
	tcase_add_test(tc, crlf_to_lf);
	tcase_add_test(tc, cr_to_lf);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf16");
	tcase_add_test(tc, utf16le_bom);
	tcase_add_test(tc, utf16be_bom);
	tcase_add_test(tc, utf16_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("gb18030");
	tcase_add_test(tc, gb18030_decoded);
	tcase_add_test(tc, gb18030_crlf);
	tcase_add_test(tc, gbk_plain_text_detected);
	suite_add_tcase(s, tc);

	tc = tcase_create("declared charset");
	tcase_add_test(tc, gbk_labels_read_as_gb18030);
	tcase_add_test(tc, gbk_byte_80_is_euro);
	tcase_add_test(tc, declared_charset_errors_name_the_byte);
	tcase_add_test(tc, declared_charset_labels);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, nul_is_binary);
	tcase_add_test(tc, broken_utf8_offset);
	tcase_add_test(tc, broken_utf8_surrogate);
	tcase_add_test(tc, not_any_encoding);
	suite_add_tcase(s, tc);

	tc = tcase_create("html");
	tcase_add_test(tc, html_detected);
	tcase_add_test(tc, html_respects_length);
	suite_add_tcase(s, tc);
	return s;
}
