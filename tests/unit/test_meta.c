/* test_meta.c — normalisers and the docs-table fields (meta.h). */
#include <stdio.h>
#include <string.h>

#include "document.h"
#include "meta.h"
#include "suites.h"

/* ---- gw_normalize_doc_number --------------------------------------------- */

static void expect_number(const char *in, const char *want)
{
	gw_document *doc = tu_parse("一份通知。\n"); /* owns the copies */
	gw_str got = gw_normalize_doc_number(doc, gw_str_cstr(in));
	ck_assert_gwstr_eq(got, want);
	ck_assert(got.ptr[got.len] == '\0');
}

START_TEST(number_brackets)
{
	expect_number("川办发〔2020〕53号", "川办发〔2020〕53号");
	expect_number("川办发[2020]53号", "川办发〔2020〕53号");
	expect_number("川办发(2020)53号", "川办发〔2020〕53号");
	expect_number("川办发（2020）53号", "川办发〔2020〕53号");
	expect_number("川办发【2020】53号", "川办发〔2020〕53号");
	expect_number("川办发［2020］53号", "川办发〔2020〕53号");
}
END_TEST

START_TEST(number_blanks_and_digits)
{
	expect_number("川办发〔2020〕53 号", "川办发〔2020〕53号");
	expect_number("川办发 〔 2020 〕 53 号", "川办发〔2020〕53号");
	expect_number("川办发\u3000〔2020〕53号", "川办发〔2020〕53号");
	expect_number("川办发〔２０２０〕５３号", "川办发〔2020〕53号");
	expect_number("", "");
}
END_TEST

/* ---- gw_parse_date ------------------------------------------------------- */

static void expect_date(const char *in, const char *want)
{
	char iso[11] = "";
	ck_assert_msg(gw_parse_date(gw_str_cstr(in), iso), "rejected %s", in);
	ck_assert_str_eq(iso, want);
}

static void expect_bad_date(const char *in)
{
	char iso[11] = "";
	ck_assert_msg(!gw_parse_date(gw_str_cstr(in), iso), "accepted %s as %s",
		      in, iso);
}

START_TEST(date_arabic)
{
	expect_date("2020年8月20日", "2020-08-20");
	expect_date("2022年10月9日", "2022-10-09");
	expect_date("2020年07月16日", "2020-07-16");
	expect_date("２０２３年８月２１日", "2023-08-21");
}
END_TEST

START_TEST(date_chinese)
{
	expect_date("二〇二〇年八月二十日", "2020-08-20");
	expect_date("二〇二二年十月九日", "2022-10-09");
	expect_date("二〇二三年十二月三十一日", "2023-12-31");
	expect_date("二零二一年一月一日", "2021-01-01");
}
END_TEST

START_TEST(date_invalid)
{
	expect_bad_date("2020年13月1日");
	expect_bad_date("2020年0月1日");
	expect_bad_date("2020年8月32日");
	expect_bad_date("2020年8月0日");
	expect_bad_date("二〇二〇年十三月一日");
	expect_bad_date("2020年8月");
	expect_bad_date("8月20日");
	expect_bad_date("");
}
END_TEST

/* ---- docs fields --------------------------------------------------------- */

static const char transmittal[] =
	"四川省人民政府办公厅\n"
	"关于印发四川省深化医药卫生体制改革2020年下半年\n"
	"重点工作任务的通知\n"
	"川办发〔2020〕53 号\n"
	"各市(州)人民政府，省政府各部门、各直属机构，有关单位：\n"
	"《四川省深化医药卫生体制改革2020年下半年重点工作任务》已经省政府同意，"
	"现印发给你们，请认真贯彻执行。\n"
	"四川省人民政府办公厅\n"
	"2020 年 8 月 20 日\n"
	"四川省深化医药卫生体制改革2020年下半年重点工作任务\n"
	"一、加强公共卫生体系建设\n"
	"（一）完善疾病预防控制体系。\n"
	"二、深化医保改革\n"
	"（二）推进支付方式改革。\n";

START_TEST(meta_transmittal)
{
	gw_document *doc = tu_parse(transmittal);
	const gw_meta *m = &doc->meta;
	ck_assert_gwstr_eq(m->title,
			   "四川省人民政府办公厅关于印发四川省深化医药卫生体制改革"
			   "2020年下半年重点工作任务的通知");
	ck_assert_gwstr_eq(m->number, "川办发〔2020〕53号");
	ck_assert_gwstr_eq(m->date, "2020-08-20");
	ck_assert_gwstr_eq(m->issuer, "四川省人民政府办公厅");
	ck_assert_gwstr_eq(m->recipients,
			   "各市(州)人民政府，省政府各部门、各直属机构，有关单位");
	ck_assert_gwstr_eq(m->subject,
			   "四川省深化医药卫生体制改革2020年下半年重点工作任务");
	ck_assert_int_eq(m->draft, 0);
	ck_assert_int_eq(m->plan_year, 2020);
}
END_TEST

START_TEST(meta_docs_row)
{
	gw_document *doc = tu_parse(transmittal);
	char *row = tu_render(doc, GW_TABLE_DOCS);
	ck_assert_str_eq(tu_field(row, 0, 3), "川办发〔2020〕53号");
	ck_assert_str_eq(tu_field(row, 0, 4), "2020-08-20");
	ck_assert_str_eq(tu_field(row, 0, 7), "final");
	ck_assert_str_eq(tu_field(row, 0, 8), "2020");
	ck_assert_str_eq(tu_field(row, 0, 10), "4");
	ck_assert_str_eq(tu_field(row, 0, 11), "2");
}
END_TEST

START_TEST(meta_two_signers)
{
	gw_document *doc = tu_parse(
		"关于印发2022年度全省重点任务的通知\n"
		"各市、县(市、区)医改议事协调机构:\n"
		"现将《2022年度全省重点任务》印发给你们，请结合实际抓好落实。\n"
		"浙江省深化医药卫生体制改革联席会议办公室\n"
		"浙江省卫生健康委员会（代章）\n"
		"2022年2月24日\n");
	const gw_meta *m = &doc->meta;
	ck_assert_gwstr_eq(m->issuer, "浙江省深化医药卫生体制改革联席会议办公室|"
				      "浙江省卫生健康委员会");
	ck_assert_gwstr_eq(m->recipients, "各市、县(市、区)医改议事协调机构");
	ck_assert_gwstr_eq(m->date, "2022-02-24");
	ck_assert_gwstr_eq(m->subject, "2022年度全省重点任务");
}
END_TEST

START_TEST(meta_draft_next_line)
{
	gw_document *doc = tu_parse(
		"关于深化医疗卫生服务体系改革促进卫生健康事业高质量发展的实施意见\n"
		"（征求意见稿）\n"
		"一、总体要求\n"
		"二、主要任务\n");
	const gw_meta *m = &doc->meta;
	ck_assert_gwstr_eq(m->title, "关于深化医疗卫生服务体系改革促进卫生健康"
				     "事业高质量发展的实施意见");
	ck_assert_int_eq(m->draft, 1);
	ck_assert_int_eq(m->plan_year, 0);
	ck_assert_uint_eq(m->issuer.len, 0);
	ck_assert_uint_eq(m->date.len, 0);
	char *row = tu_render(doc, GW_TABLE_DOCS);
	ck_assert_str_eq(tu_field(row, 0, 7), "draft");
	ck_assert_str_eq(tu_field(row, 0, 8), "");
}
END_TEST

START_TEST(meta_draft_same_line)
{
	gw_document *doc = tu_parse("某县2023年综合医改重点任务（送审稿）\n"
				    "一、深化改革\n");
	ck_assert_gwstr_eq(doc->meta.title, "某县2023年综合医改重点任务");
	ck_assert_int_eq(doc->meta.draft, 1);
	ck_assert_int_eq(doc->meta.plan_year, 2023);
}
END_TEST

START_TEST(meta_draft_after_period)
{
	/* the plan's period between the type word and the draft marker */
	gw_document *doc = tu_parse(
		"某县基本公共服务补短板三年行动实施方案（2024—2026年）（征求意见稿）\n"
		"一、深化改革\n");
	ck_assert_gwstr_eq(doc->meta.title,
			   "某县基本公共服务补短板三年行动实施方案（2024—2026年）");
	ck_assert_int_eq(doc->meta.draft, 1);
	ck_assert_int_eq(doc->meta.plan_year, 2024);
	doc = tu_parse("某市养老服务体系建设规划（2024年—2026年）\n"
		       "一、深化改革\n");
	ck_assert_gwstr_eq(doc->meta.title,
			   "某市养老服务体系建设规划（2024年—2026年）");
	ck_assert_int_eq(doc->meta.draft, 0);
}
END_TEST

START_TEST(meta_title_under_issuer_and_number)
{
	/* an office's notice: its name without 文件 and the 发文字号 above
	 * the title */
	gw_document *doc = tu_parse(
		"国家卫生健康委员会办公厅\n"
		"国卫办医政发 [2023] 12 号\n"
		"国家卫生健康委办公厅关于进一步加强医疗机构\n"
		"感染防控工作的通知\n"
		"各省、自治区、直辖市卫生健康委：\n"
		"为提升医疗机构感染防控水平，现就有关工作通知如下。\n"
		"一、提高思想认识\n");
	ck_assert_gwstr_eq(doc->meta.title,
			   "国家卫生健康委办公厅关于进一步加强医疗机构感染防控工作的通知");
	ck_assert_gwstr_eq(doc->meta.number, "国卫办医政发〔2023〕12号");
	ck_assert_gwstr_eq(doc->meta.recipients, "各省、自治区、直辖市卫生健康委");
	/* but a title is never looked for below the body's first sentence */
	doc = tu_parse("为提升医疗机构感染防控水平，现就有关工作通知如下。\n"
		       "某市感染防控工作方案\n"
		       "一、提高思想认识\n");
	ck_assert_uint_eq(doc->meta.title.len, 0);
}
END_TEST

START_TEST(meta_signature_under_attachment_list)
{
	/* the last attachment line has no 。 (GB/T 9704): the signature under
	 * it is still a line of its own */
	gw_document *doc = tu_parse(
		"某县基本公共服务补短板实施方案\n"
		"一、加强组织领导\n"
		"1.成立领导小组。由分管副县长任组长。\n"
		"2.建立工作专班。专班设在县发展改革局。\n"
		"各乡镇、县级各部门要高度重视，确保各项任务落地见效。\n"
		"\n"
		"附件：1.某县基本公共服务补短板重点项目清单\n"
		"      2.某自治县基本公共服务补短板三年行动工作领导小组成员名单\n"
		"\n"
		"某县人民政府办公室\n"
		"2024年5月20日\n");
	ck_assert_gwstr_eq(doc->meta.issuer, "某县人民政府办公室");
	ck_assert_gwstr_eq(doc->meta.date, "2024-05-20");
}
END_TEST

START_TEST(meta_two_plans_subject)
{
	gw_document *doc = tu_parse(
		"某市人民政府办公室关于印发《某市优化营商环境三年行动方案（2024—2026年）》"
		"和《某市公共数据授权运营实施方案》的通知\n"
		"一、深化改革\n");
	ck_assert_gwstr_eq(doc->meta.subject,
			   "某市优化营商环境三年行动方案（2024—2026年）|"
			   "某市公共数据授权运营实施方案");
	char *row = tu_render(doc, GW_TABLE_DOCS);
	ck_assert_str_eq(tu_field(row, 0, 6),
			 "某市优化营商环境三年行动方案（2024—2026年）|"
			 "某市公共数据授权运营实施方案");
}
END_TEST

START_TEST(meta_title_goes_on_after_type_word)
{
	gw_document *doc = tu_parse(
		"某市人民政府办公室\n"
		"关于印发某市深化医药卫生体制改革实施方案\n"
		"（2025—2027年）的通知\n"
		"各县（区）人民政府：\n"
		"现将实施方案印发给你们，请认真贯彻执行。\n"
		"一、总体要求\n");
	ck_assert_gwstr_eq(doc->meta.title,
			   "某市人民政府办公室关于印发某市深化医药卫生体制改革实施方案"
			   "（2025—2027年）的通知");
	ck_assert_gwstr_eq(doc->meta.subject,
			   "某市深化医药卫生体制改革实施方案（2025—2027年）");
	ck_assert_int_eq(doc->meta.plan_year, 2025);
}
END_TEST

START_TEST(meta_draft_subject)
{
	/* lixin-2023-draft: a letter asking for comments on a draft */
	gw_document *doc = tu_parse(
		"关于征求《利辛县2023年综合医改重点任务(征求意见稿)》意见的函\n"
		"县医改领导小组成员单位：\n"
		"现将《利辛县2023年综合医改重点任务(征求意见稿)》印发给你们，"
		"请于8月25日前反馈意见。\n"
		"利辛县深化医药卫生体制改革领导小组办公室\n"
		"2023年8月21日\n");
	const gw_meta *m = &doc->meta;
	ck_assert_gwstr_eq(m->subject, "利辛县2023年综合医改重点任务");
	ck_assert_int_eq(m->draft, 1);
	ck_assert_gwstr_eq(m->recipients, "县医改领导小组成员单位");
	ck_assert_gwstr_eq(m->issuer, "利辛县深化医药卫生体制改革领导小组办公室");
	ck_assert_int_eq(m->plan_year, 2023);
}
END_TEST

START_TEST(meta_plan_year)
{
	/* from the title when it names a year */
	gw_document *doc = tu_parse("关于推进医药卫生体制改革2022年重点工作的通知\n"
				    "各县人民政府：\n"
				    "请认真贯彻执行。\n"
				    "某市人民政府办公室\n"
				    "2021年12月30日\n");
	ck_assert_int_eq(doc->meta.plan_year, 2022);
	ck_assert_gwstr_eq(doc->meta.date, "2021-12-30");
	/* else from the date line */
	doc = tu_parse("关于推进医药卫生体制改革重点工作的通知\n"
		       "各县人民政府：\n"
		       "请认真贯彻执行。\n"
		       "某市人民政府办公室\n"
		       "二〇二一年三月一日\n");
	ck_assert_int_eq(doc->meta.plan_year, 2021);
	ck_assert_gwstr_eq(doc->meta.date, "2021-03-01");
	ck_assert_gwstr_eq(doc->meta.issuer, "某市人民政府办公室");
}
END_TEST

START_TEST(meta_govcn_block)
{
	gw_document *doc = tu_parse(
		"标　　题：国务院办公厅关于印发深化医药卫生体制改革2020年下半年重点工作任务的通知\n"
		"发文机关：国务院办公厅\n"
		"发文字号：国办发〔2020〕25号\n"
		"成文日期：2020年07月16日\n"
		"各省、自治区、直辖市人民政府：\n"
		"《深化医药卫生体制改革2020年下半年重点工作任务》已经国务院同意，"
		"现印发给你们，请认真贯彻执行。\n");
	const gw_meta *m = &doc->meta;
	ck_assert_gwstr_eq(m->title, "国务院办公厅关于印发深化医药卫生体制改革"
				     "2020年下半年重点工作任务的通知");
	ck_assert_gwstr_eq(m->number, "国办发〔2020〕25号");
	ck_assert_gwstr_eq(m->date, "2020-07-16");
	ck_assert_gwstr_eq(m->issuer, "国务院办公厅");
	ck_assert_gwstr_eq(m->subject,
			   "深化医药卫生体制改革2020年下半年重点工作任务");
	ck_assert_int_eq(m->plan_year, 2020);
}
END_TEST

START_TEST(meta_empty_label_value)
{
	/* a metadata table's empty value cell: 发文字号： has no value, the
	 * label after it keeps its own */
	gw_document *doc = tu_parse(
		"发文机关：青山县人民政府办公室\n"
		"发文字号：成文日期：2025年3月5日\n"
		"各乡镇人民政府：\n"
		"现将有关事项通知如下。\n");
	const gw_meta *m = &doc->meta;
	ck_assert_gwstr_eq(m->number, "");
	ck_assert_gwstr_eq(m->date, "2025-03-05");
	ck_assert_gwstr_eq(m->issuer, "青山县人民政府办公室");
}
END_TEST

static void expect_label_date(const char *value, const char *want)
{
	char text[256];
	snprintf(text, sizeof text,
		 "成文日期：%s\n各乡镇人民政府：\n现将有关事项通知如下。\n", value);
	gw_document *doc = tu_parse(text);
	ck_assert_gwstr_eq(doc->meta.date, want);
}

START_TEST(meta_numeric_label_date)
{
	/* web sites write a metadata table's date with - / or . */
	expect_label_date("2025-03-05", "2025-03-05");
	expect_label_date("2025/3/5", "2025-03-05");
	expect_label_date("2025.03.05", "2025-03-05");
	expect_label_date("2024-12-31", "2024-12-31");
	expect_label_date("2025年3月5日", "2025-03-05");
	expect_label_date("2025-13-05", "");
	expect_label_date("2025-03/05", "");
	expect_label_date("25-03-05", "");
	expect_label_date("2025-03-05 第2期", "");
}
END_TEST

START_TEST(meta_info_bar)
{
	/* a web page's info bar is neither the title (above it) nor the
	 * recipients (its hit count, filled in by a script, left empty) */
	gw_document *doc = tu_parse(
		"发布时间：2025-03-05　来源：县卫生健康局　浏览次数：\n"
		"青山县卫生健康局关于开展2025年爱国卫生月活动的通知\n"
		"信息来源：县卫生健康局 点击数：\n"
		"为深入开展爱国卫生运动，现就有关事项通知如下。\n");
	const gw_meta *m = &doc->meta;
	ck_assert_gwstr_eq(m->title,
			   "青山县卫生健康局关于开展2025年爱国卫生月活动的通知");
	ck_assert_gwstr_eq(m->recipients, "");
	/* the recipients after it are still found */
	doc = tu_parse("青山县卫生健康局关于开展2025年爱国卫生月活动的通知\n"
		       "作者：县爱卫办 字号：大 中 小\n"
		       "各乡镇卫生院：\n"
		       "现就有关事项通知如下。\n");
	ck_assert_gwstr_eq(doc->meta.recipients, "各乡镇卫生院");
}
END_TEST

START_TEST(meta_info_bar_bounded)
{
	/* only a line's first bytes are looked at for the bar's labels: a
	 * long addressee line with two of them far into it stays the
	 * recipients */
	char text[2048] = "关于做好2025年防汛工作的通知\n";
	for (int i = 0; i < 30; i++)
		strcat(text, "各乡镇人民政府、");
	strcat(text, "各街道（资金来源：县财政局，编辑：县政府办）：\n"
		     "现就有关事项通知如下。\n");
	gw_document *doc = tu_parse(text);
	ck_assert(doc->meta.recipients.len > 0);
}
END_TEST

static void expect_title(const char *text, const char *want)
{
	gw_document *doc = tu_parse(text);
	ck_assert_gwstr_eq(doc->meta.title, want);
}

START_TEST(meta_page_furniture_no_title)
{
	static const char body[] =
		"青山县人民政府办公室关于做好2025年春耕生产工作的通知\n"
		"各乡镇人民政府：\n"
		"现将有关事项通知如下。\n";
	static const char want[] =
		"青山县人民政府办公室关于做好2025年春耕生产工作的通知";
	static const char *const above[] = {
		/* breadcrumbs, with and without the location's label */
		"当前位置：首页 > 政务公开 > 通知公告\n",
		"首页 » 政务公开 » 政策文件 » 通知\n",
		"您现在的位置：网站首页＞信息公开＞公告公示\n",
		"首页/政务公开/通知公告\n",
		/* label lines: a value that ends in a type word is no title */
		"文件类型：通知\n",
		"公开方式：主动公开\n信息分类：工作通知\n",
		/* the info bar */
		"发布日期：2025年03月05日\n",
	};
	for (size_t i = 0; i < sizeof above / sizeof *above; i++) {
		char text[512];
		snprintf(text, sizeof text, "%s%s", above[i], body);
		expect_title(text, want);
	}
}
END_TEST

START_TEST(meta_name_label_title)
{
	/* a metadata table's 名称： is the title */
	expect_title("索引号：11510000MB1234567X/2025-00012\n"
		     "名称：青山县人民政府办公室关于做好2025年春耕生产工作的通知\n"
		     "发文字号：青府办发〔2025〕3号\n"
		     "各乡镇人民政府：\n"
		     "现将有关事项通知如下。\n",
		     "青山县人民政府办公室关于做好2025年春耕生产工作的通知");
}
END_TEST

START_TEST(meta_label_issuers)
{
	/* 发文机关：A、B — on a web page the names stand one a line in the
	 * cell (A<br>B) — is two issuers, |-joined; not a 、 in brackets */
	gw_document *doc = tu_parse(
		"发文机关：青山县发展和改革局、青山县财政局\n"
		"各乡镇人民政府：\n现将有关事项通知如下。\n");
	ck_assert_gwstr_eq(doc->meta.issuer, "青山县发展和改革局|青山县财政局");
	doc = tu_parse("发文机关：中共青山县委宣传部（县新闻出版局、县版权局）\n"
		       "各乡镇人民政府：\n现将有关事项通知如下。\n");
	ck_assert_gwstr_eq(doc->meta.issuer,
			   "中共青山县委宣传部（县新闻出版局、县版权局）");
}
END_TEST

START_TEST(meta_title_number_tail)
{
	/* zhejiang-2022: the 发文字号 written after the title */
	gw_document *doc = tu_parse(
		"关于印发2022年度全省重点任务的通知-浙医改联席办〔2022〕2号\n"
		"各市医改议事协调机构：\n"
		"请认真贯彻执行。\n");
	ck_assert_gwstr_eq(doc->meta.title, "关于印发2022年度全省重点任务的通知");
	ck_assert_gwstr_eq(doc->meta.number, "浙医改联席办〔2022〕2号");
}
END_TEST

START_TEST(meta_empty)
{
	gw_document *doc = tu_parse("一、加强领导。\n二、完善机制。\n");
	const gw_meta *m = &doc->meta;
	ck_assert_uint_eq(m->title.len, 0);
	ck_assert_uint_eq(m->issuer.len, 0);
	ck_assert_uint_eq(m->number.len, 0);
	ck_assert_uint_eq(m->date.len, 0);
	ck_assert_uint_eq(m->recipients.len, 0);
	ck_assert_uint_eq(m->subject.len, 0);
	ck_assert_int_eq(m->draft, 0);
	ck_assert_int_eq(m->plan_year, 0);
}
END_TEST

Suite *meta_suite(void)
{
	Suite *s = suite_create("meta");
	TCase *tc;

	tc = tcase_create("doc_number");
	tu_fixture(tc);
	tcase_add_test(tc, number_brackets);
	tcase_add_test(tc, number_blanks_and_digits);
	suite_add_tcase(s, tc);

	tc = tcase_create("date");
	tcase_add_test(tc, date_arabic);
	tcase_add_test(tc, date_chinese);
	tcase_add_test(tc, date_invalid);
	suite_add_tcase(s, tc);

	tc = tcase_create("docs_fields");
	tu_fixture(tc);
	tcase_add_test(tc, meta_transmittal);
	tcase_add_test(tc, meta_docs_row);
	tcase_add_test(tc, meta_two_signers);
	tcase_add_test(tc, meta_plan_year);
	tcase_add_test(tc, meta_govcn_block);
	tcase_add_test(tc, meta_title_number_tail);
	tcase_add_test(tc, meta_empty_label_value);
	tcase_add_test(tc, meta_numeric_label_date);
	tcase_add_test(tc, meta_info_bar);
	tcase_add_test(tc, meta_info_bar_bounded);
	tcase_add_test(tc, meta_page_furniture_no_title);
	tcase_add_test(tc, meta_name_label_title);
	tcase_add_test(tc, meta_label_issuers);
	tcase_add_test(tc, meta_empty);
	suite_add_tcase(s, tc);

	tc = tcase_create("draft");
	tu_fixture(tc);
	tcase_add_test(tc, meta_draft_next_line);
	tcase_add_test(tc, meta_draft_same_line);
	tcase_add_test(tc, meta_draft_subject);
	tcase_add_test(tc, meta_title_goes_on_after_type_word);
	tcase_add_test(tc, meta_two_plans_subject);
	tcase_add_test(tc, meta_signature_under_attachment_list);
	tcase_add_test(tc, meta_draft_after_period);
	tcase_add_test(tc, meta_title_under_issuer_and_number);
	suite_add_tcase(s, tc);
	return s;
}
