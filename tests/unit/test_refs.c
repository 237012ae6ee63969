/* test_refs.c — 《…》 citations and their document numbers (records.md §5). */
#include <string.h>

#include "document.h"
#include "suites.h"

/* "path!title!number" of every ref of the document, joined with '\n'
 * (path "" in the preamble and closing), (teardown). */
static char *refs_of(const gw_document *doc)
{
	const gw_ref *r = GW_ARRAY(doc, refs, gw_ref);
	size_t n = GW_COUNT(doc, refs, gw_ref);
	gw_buffer b = {0};
	int err = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			err |= gw_buf_putc(&b, '\n');
		err |= gw_buf_puts(&b, r[i].node ? r[i].node->path : "");
		err |= gw_buf_putc(&b, '!');
		err |= gw_buf_putstr(&b, r[i].title);
		err |= gw_buf_putc(&b, '!');
		err |= gw_buf_putstr(&b, r[i].number);
	}
	char *out = err ? NULL : tu_dup(gw_str_make(b.data, b.len));
	gw_buffer_free(&b);
	ck_assert_ptr_nonnull(out);
	return out;
}

#define ITEM(item) "一、深化改革\n（一）" item "\n二、加强保障\n"

START_TEST(number_in_every_bracket_pair)
{
	gw_document *doc = tu_parse(ITEM(
		"落实《意见》（国办发〔2020〕20号）、《方案》(国办发〔2021〕1号)、"
		"《规划》[国办发〔2021〕2号]、《通知》〔川办发〔2020〕53号〕"
		"和《规定》【国办发〔2019〕3号】。"));
	ck_assert_str_eq(refs_of(doc), "1.1!意见!国办发〔2020〕20号\n"
				       "1.1!方案!国办发〔2021〕1号\n"
				       "1.1!规划!国办发〔2021〕2号\n"
				       "1.1!通知!川办发〔2020〕53号\n"
				       "1.1!规定!国办发〔2019〕3号");
}
END_TEST

START_TEST(number_normalised)
{
	gw_document *doc = tu_parse(ITEM(
		"落实《意见》(国办发[2020]20号)、《规划》（国办发(2020)21号）、"
		"《方案》（国办发【2020】22号）、《通知》（国办发［2020］23号）"
		"和《办法》（国办发〔 2020 〕 24 号）。"));
	ck_assert_str_eq(refs_of(doc), "1.1!意见!国办发〔2020〕20号\n"
				       "1.1!规划!国办发〔2020〕21号\n"
				       "1.1!方案!国办发〔2020〕22号\n"
				       "1.1!通知!国办发〔2020〕23号\n"
				       "1.1!办法!国办发〔2020〕24号");
}
END_TEST

START_TEST(more_after_the_number)
{
	gw_document *doc = tu_parse(ITEM(
		"执行《医疗机构管理办法》（国卫医发〔2020〕1号，以下简称《办法》）。"));
	/* the short name is a citation of its own, without a number */
	ck_assert_str_eq(refs_of(doc),
			 "1.1!医疗机构管理办法!国卫医发〔2020〕1号\n"
			 "1.1!办法!");
}
END_TEST

/* An order (令) is numbered 第N号 after its issuer's name, GB/T 9704's
 * 令号, sometimes with the year. */
START_TEST(order_number)
{
	gw_document *doc = tu_parse(ITEM(
		"执行《医疗质量管理办法》（国家卫生计生委令第10号）、"
		"《医疗纠纷预防和处理条例》（国务院令第701号）、"
		"《产业结构调整指导目录》（国家发展改革委令2019年第29号）和"
		"《基本医疗卫生与健康促进法》（中华人民共和国主席令第 38 号）。"));
	ck_assert_str_eq(refs_of(doc),
			 "1.1!医疗质量管理办法!国家卫生计生委令第10号\n"
			 "1.1!医疗纠纷预防和处理条例!国务院令第701号\n"
			 "1.1!产业结构调整指导目录!国家发展改革委令2019年第29号\n"
			 "1.1!基本医疗卫生与健康促进法!中华人民共和国主席令第38号");
}
END_TEST

/* A joint order names its issuers, or the first of them and how many
 * issue it (等7部门, 等十部门), and may be numbered within a year. */
START_TEST(joint_order_number)
{
	gw_document *doc = tu_parse(ITEM(
		"执行《报废机动车回收管理办法实施细则》（商务部等7部门令2020年第2号）、"
		"《汽车销售管理办法》（商务部令2017年第1号）、"
		"《进口商品检验规定》（商务部、海关总署令2021年第3号）、"
		"《农业保险管理办法》（财政部等十部门令第5号）和"
		"《机动车回收规定》（商务部 发展改革委 工业和信息化部 公安部 "
		"生态环境部 交通运输部 市场监管总局令2020年第2号）。"));
	ck_assert_str_eq(
		refs_of(doc),
		"1.1!报废机动车回收管理办法实施细则!商务部等7部门令2020年第2号\n"
		"1.1!汽车销售管理办法!商务部令2017年第1号\n"
		"1.1!进口商品检验规定!商务部、海关总署令2021年第3号\n"
		"1.1!农业保险管理办法!财政部等十部门令第5号\n"
		"1.1!机动车回收规定!商务部发展改革委工业和信息化部公安部"
		"生态环境部交通运输部市场监管总局令2020年第2号");
}
END_TEST

START_TEST(no_number)
{
	gw_document *doc = tu_parse(ITEM("落实《意见》（2020年修订）要求，"
					 "贯彻《规划》精神。"));
	ck_assert_str_eq(refs_of(doc), "1.1!意见!\n1.1!规划!");
}
END_TEST

START_TEST(title_broken_across_lines)
{
	gw_document *doc = tu_parse(ITEM("落实《关于推进医疗保障\n"
					 "基金监管的意见》（国办发〔2020〕20号）。"));
	ck_assert_str_eq(refs_of(doc),
			 "1.1!关于推进医疗保障基金监管的意见!国办发〔2020〕20号");
	/* a page break (blank line) in the title, the number on the next line */
	doc = tu_parse(ITEM("落实《关于推进医疗保障\n\n基金监管的意见》\n"
			    "（国办发〔2020〕20号）。"));
	ck_assert_str_eq(refs_of(doc),
			 "1.1!关于推进医疗保障基金监管的意见!国办发〔2020〕20号");
}
END_TEST

START_TEST(preamble_node_and_closing)
{
	gw_document *doc = tu_parse(
		"为贯彻《关于深化医疗保障制度改革的意见》（中发〔2020〕5号），"
		"制定本方案。\n"
		"一、深化改革\n"
		"（一）落实《规划》。\n"
		"二、加强保障。执行《条例》。\n"
		"附件：《重点任务分工表》\n"
		"某市人民政府\n"
		"2022年5月6日\n");
	ck_assert_str_eq(refs_of(doc),
			 "!关于深化医疗保障制度改革的意见!中发〔2020〕5号\n"
			 "1.1!规划!\n"
			 "2!条例!\n"
			 "!重点任务分工表!");
	/* the node ranges */
	const gw_ref *r = GW_ARRAY(doc, refs, gw_ref);
	const gw_node *n = tu_node(doc, "1.1");
	ck_assert_ptr_nonnull(n);
	ck_assert_uint_eq(n->refs.count, 1);
	ck_assert_ptr_eq(r[n->refs.first].node, n);
	ck_assert_uint_eq(tu_node(doc, "1")->refs.count, 0);
	ck_assert_uint_eq(tu_node(doc, "2")->refs.count, 1);
	/* the refs table: empty path outside the outline */
	char *tsv = tu_render(doc, GW_TABLE_REFS);
	ck_assert_str_eq(tu_field(tsv, 0, 1), "");
	ck_assert_str_eq(tu_field(tsv, 0, 2), "关于深化医疗保障制度改革的意见");
	ck_assert_str_eq(tu_field(tsv, 0, 3), "中发〔2020〕5号");
	ck_assert_str_eq(tu_field(tsv, 1, 1), "1.1");
	ck_assert_str_eq(tu_field(tsv, 1, 3), "");
	ck_assert_str_eq(tu_field(tsv, 3, 1), "");
	ck_assert_ptr_null(tu_field(tsv, 4, 0));
}
END_TEST

START_TEST(several_in_one_node_contiguous)
{
	gw_document *doc = tu_parse("一、深化改革\n"
				    "（一）落实《意见》（国办发〔2020〕20号）\n"
				    "和《通知》（川办发〔2020〕53号）。\n"
				    "（二）加强监管。\n"
				    "（三）执行《办法》。\n"
				    "二、加强保障\n");
	ck_assert_str_eq(refs_of(doc), "1.1!意见!国办发〔2020〕20号\n"
				       "1.1!通知!川办发〔2020〕53号\n"
				       "1.3!办法!");
	const gw_node *n = tu_node(doc, "1.1");
	ck_assert_uint_eq(n->refs.first, 0);
	ck_assert_uint_eq(n->refs.count, 2);
	ck_assert_uint_eq(tu_node(doc, "1.2")->refs.count, 0);
	n = tu_node(doc, "1.3");
	ck_assert_uint_eq(n->refs.first, 2);
	ck_assert_uint_eq(n->refs.count, 1);
}
END_TEST

START_TEST(deleted_citation_not_a_ref)
{
	gw_document *doc = tu_parse(ITEM("落实~~《意见》（国办发〔2020〕20号）~~"
					 "《通知》。"));
	ck_assert_str_eq(refs_of(doc), "1.1!通知!");
}
END_TEST

Suite *refs_suite(void)
{
	Suite *s = suite_create("refs");
	TCase *tc;

	tc = tcase_create("numbers");
	tu_fixture(tc);
	tcase_add_test(tc, number_in_every_bracket_pair);
	tcase_add_test(tc, number_normalised);
	tcase_add_test(tc, more_after_the_number);
	tcase_add_test(tc, order_number);
	tcase_add_test(tc, joint_order_number);
	tcase_add_test(tc, no_number);
	tcase_add_test(tc, title_broken_across_lines);
	suite_add_tcase(s, tc);

	tc = tcase_create("placement");
	tu_fixture(tc);
	tcase_add_test(tc, preamble_node_and_closing);
	tcase_add_test(tc, several_in_one_node_contiguous);
	tcase_add_test(tc, deleted_citation_not_a_ref);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * Not tested here (question, reported): the small-form brackets ﹝﹞
 * (U+FE5D/FE5E), seen in numbers copied from some government sites, are
 * not read as a document number:
 *     落实《意见》（国办发﹝2020﹞20号）。
 * expected number 国办发〔2020〕20号; actual: empty.
 */
