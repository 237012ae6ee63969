/* test_tsv.c — the TSV writer through the public API. */
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "suites.h"

/* A notice with a header, a two-level outline, a signature and a date. */
static const char notice[] =
	"测试市人民政府办公室关于印发测试市2022年重点任务的通知\n"
	"测试办发〔2022〕5号\n"
	"各县（市、区）人民政府，市级有关部门：\n"
	"现将《测试市2022年重点任务》印发给你们，请认真贯彻执行。\n"
	"一、深化改革\n"
	"（一）推进价格改革。年底前完成调整，覆盖率达到90%。（市医保局负责）\n"
	"（二）加强监管。开展1次专项检查。\n"
	"二、强化保障\n"
	"（三）加强组织领导。\n"
	"测试市人民政府办公室\n"
	"2022年5月6日\n";

static char *header(gw_table t)
{
	gw_buffer b = {0};
	gw_status st = gw_render_tsv_header(t, &b);
	int err = gw_buf_terminate(&b);
	char *s = tu_dup(gw_str_make(b.data, b.len));
	gw_buffer_free(&b);
	ck_assert_int_eq(st, GW_OK);
	ck_assert_int_eq(err, 0);
	return s;
}

static size_t count_char(const char *s, size_t n, char c)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

/* ---- headers ------------------------------------------------------------- */

START_TEST(header_lines)
{
	ck_assert_str_eq(header(GW_TABLE_DOCS),
			 "doc\ttitle\tissuer\tnumber\tdate\trecipients\t"
			 "subject\tstatus\tplan_year\tstanding\tnodes\titems\n");
	ck_assert_str_eq(header(GW_TABLE_NODES),
			 "doc\tpath\tlevel\tmarker\tkind\theading\tlead\tresp\t"
			 "coop\tdeadlines\ttargets\ttext\n");
	ck_assert_str_eq(header(GW_TABLE_UNITS), "doc\tpath\trole\tunit\n");
	ck_assert_str_eq(header(GW_TABLE_TARGETS),
			 "doc\tpath\tcmp\tvalue\tunit\tcontext\n");
	ck_assert_str_eq(header(GW_TABLE_REFS), "doc\tpath\ttitle\tnumber\n");
}
END_TEST

START_TEST(header_matches_columns)
{
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		const char *const *names;
		size_t n = gw_table_columns((gw_table)t, &names);
		char *h = header((gw_table)t);
		ck_assert_uint_gt(n, 0);
		ck_assert_uint_eq(count_char(h, strlen(h), '\t') + 1, n);
		ck_assert_str_eq(tu_field(h, 0, 0), "doc");
		ck_assert_str_eq(tu_field(h, 0, n - 1), names[n - 1]);
	}
}
END_TEST

START_TEST(header_appends)
{
	gw_buffer b = {0};
	int err = gw_buf_puts(&b, "x");
	ck_assert_int_eq(gw_render_tsv_header(GW_TABLE_UNITS, &b), GW_OK);
	ck_assert_int_eq(gw_render_tsv_header(GW_TABLE_REFS, &b), GW_OK);
	err |= gw_buf_terminate(&b);
	char *s = tu_dup(gw_str_make(b.data, b.len));
	gw_buffer_free(&b);
	ck_assert_int_eq(err, 0);
	ck_assert_str_eq(s, "xdoc\tpath\trole\tunit\ndoc\tpath\ttitle\tnumber\n");
}
END_TEST

START_TEST(header_bad_table)
{
	gw_buffer b = {0};
	ck_assert_int_ne(gw_render_tsv_header(GW_TABLE_COUNT, &b), GW_OK);
	ck_assert_uint_eq(b.len, 0);
	gw_buffer_free(&b);
}
END_TEST

START_TEST(table_names)
{
	static const char *const names[] = {"docs", "nodes", "units",
					    "targets", "refs"};
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		ck_assert_str_eq(gw_table_name((gw_table)t), names[t]);
		ck_assert_int_eq(gw_table_from_name(names[t]), t);
	}
	ck_assert_int_eq(gw_table_from_name("node"), -1);
	ck_assert_int_eq(gw_table_from_name(""), -1);
	ck_assert_ptr_null(gw_table_name(GW_TABLE_COUNT));
}
END_TEST

/* ---- rows ---------------------------------------------------------------- */

START_TEST(rows_without_header)
{
	gw_document *doc = tu_parse(notice);
	char *nodes = tu_render(doc, GW_TABLE_NODES);
	/* the --no-header output: data only, first field the doc id */
	ck_assert_str_eq(tu_field(nodes, 0, 0), "t");
	ck_assert_str_eq(tu_field(nodes, 0, 1), "1");
	ck_assert_ptr_null(strstr(nodes, "doc\tpath"));
	ck_assert_uint_eq(count_char(nodes, strlen(nodes), '\n'), 5);
	ck_assert_str_eq(tu_field(nodes, 4, 1), "2.3");
	ck_assert_ptr_null(tu_field(nodes, 5, 0));
	char *docs = tu_render(doc, GW_TABLE_DOCS);
	ck_assert_uint_eq(count_char(docs, strlen(docs), '\n'), 1);
	ck_assert_str_eq(tu_field(docs, 0, 0), "t");
}
END_TEST

START_TEST(rows_append)
{
	gw_document *doc = tu_parse(notice);
	gw_buffer b = {0};
	gw_status st = gw_render_tsv_header(GW_TABLE_DOCS, &b);
	size_t hlen = b.len;
	if (st == GW_OK)
		st = gw_render_tsv(doc, GW_TABLE_DOCS, &b);
	int err = gw_buf_terminate(&b);
	char *s = tu_dup(gw_str_make(b.data, b.len));
	gw_buffer_free(&b);
	ck_assert_int_eq(st, GW_OK);
	ck_assert_int_eq(err, 0);
	ck_assert(!strncmp(s, "doc\ttitle\t", 10));
	ck_assert_str_eq(tu_field(s, 1, 0), "t");
	ck_assert_uint_gt(strlen(s), hlen);
}
END_TEST

START_TEST(column_counts)
{
	gw_document *doc = tu_parse(notice);
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		const char *const *names;
		size_t ncols = gw_table_columns((gw_table)t, &names);
		char *rows = tu_render(doc, (gw_table)t);
		size_t nrows = 0;
		for (const char *p = rows; *p;) {
			const char *nl = strchr(p, '\n');
			ck_assert_ptr_nonnull(nl); /* every row ends in \n */
			ck_assert_msg(count_char(p, (size_t)(nl - p), '\t') + 1 ==
					      ncols,
				      "table %s row %zu: %.*s",
				      gw_table_name((gw_table)t), nrows,
				      (int)(nl - p), p);
			nrows++;
			p = nl + 1;
		}
		if (t == GW_TABLE_DOCS || t == GW_TABLE_NODES)
			ck_assert_uint_gt(nrows, 0);
	}
}
END_TEST

/* ---- escaping ------------------------------------------------------------ */

static char *render_with_id(const char *text, const char *id, gw_table t)
{
	gw_diag diag;
	gw_context *ctx = gw_context_new(&diag);
	ck_assert_ptr_nonnull(ctx);
	gw_document *doc = NULL;
	gw_status st = gw_document_parse(ctx, text, strlen(text), id, &doc,
					 &diag);
	gw_buffer b = {0};
	if (st == GW_OK)
		st = gw_render_tsv(doc, t, &b);
	int err = st == GW_OK ? gw_buf_terminate(&b) : 0;
	char *s = st == GW_OK && !err ? tu_dup(gw_str_make(b.data, b.len))
				      : NULL;
	gw_buffer_free(&b);
	gw_document_free(doc);
	gw_context_free(ctx);
	ck_assert_int_eq(st, GW_OK);
	ck_assert_int_eq(err, 0);
	return s;
}

START_TEST(escape_control)
{
	/* the doc id is copied verbatim, so it carries every special byte */
	char *s = render_with_id("一、加强领导。\n", "a\tb\\c\nd\re",
				 GW_TABLE_NODES);
	ck_assert(!strncmp(s, "a\\tb\\\\c\\nd\\re\t1\t", 16));
	ck_assert_uint_eq(count_char(s, strlen(s), '\n'), 1);
	ck_assert_uint_eq(count_char(s, strlen(s), '\r'), 0);
	const char *const *names;
	size_t ncols = gw_table_columns(GW_TABLE_NODES, &names);
	ck_assert_uint_eq(count_char(s, strlen(s), '\t') + 1, ncols);
}
END_TEST

START_TEST(escape_backslash_in_text)
{
	/* a backslash before a letter is not a Markdown escape: it stays */
	gw_document *doc = tu_parse("一、保存到D:\\data\\tasks目录。\n");
	char *s = tu_render(doc, GW_TABLE_NODES);
	ck_assert_str_eq(tu_field(s, 0, 5), "保存到D:\\\\data\\\\tasks目录");
	ck_assert_str_eq(tu_field(s, 0, 11), "保存到D:\\\\data\\\\tasks目录。");
	ck_assert_uint_eq(count_char(s, strlen(s), '\t'), 11);
	ck_assert_ptr_nonnull(strstr(s, "D:\\\\data"));
}
END_TEST

START_TEST(escape_plain_untouched)
{
	gw_document *doc = tu_parse("一、推进“三医联动”|改革。\n");
	char *s = tu_render(doc, GW_TABLE_NODES);
	ck_assert_str_eq(tu_field(s, 0, 11), "推进“三医联动”|改革。");
}
END_TEST

START_TEST(empty_fields)
{
	/* no header, no signature: empty metadata fields, still a row */
	gw_document *doc = tu_parse("一、加强领导。\n二、完善机制。\n");
	char *s = tu_render(doc, GW_TABLE_DOCS);
	ck_assert_str_eq(tu_field(s, 0, 1), "");
	ck_assert_str_eq(tu_field(s, 0, 3), "");
	ck_assert_str_eq(tu_field(s, 0, 7), "final");
	ck_assert_str_eq(tu_field(s, 0, 10), "2");
	ck_assert_str_eq(tu_field(s, 0, 11), "2");
}
END_TEST

Suite *tsv_suite(void)
{
	Suite *s = suite_create("tsv");
	TCase *tc;

	tc = tcase_create("header");
	tu_fixture(tc);
	tcase_add_test(tc, header_lines);
	tcase_add_test(tc, header_matches_columns);
	tcase_add_test(tc, header_appends);
	tcase_add_test(tc, header_bad_table);
	tcase_add_test(tc, table_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("rows");
	tu_fixture(tc);
	tcase_add_test(tc, rows_without_header);
	tcase_add_test(tc, rows_append);
	tcase_add_test(tc, column_counts);
	tcase_add_test(tc, empty_fields);
	suite_add_tcase(s, tc);

	tc = tcase_create("escaping");
	tu_fixture(tc);
	tcase_add_test(tc, escape_control);
	tcase_add_test(tc, escape_backslash_in_text);
	tcase_add_test(tc, escape_plain_untouched);
	suite_add_tcase(s, tc);
	return s;
}
