/* test_clean.c — the cleaner's joining rules (records.md §1), observed
 * through gw_document_parse() and the internal document. */
#include <string.h>

#include "document.h"
#include "suites.h"

/* The visible logical lines of a notice, joined with '\n'. */
static char *lines_of(const char *text)
{
	gw_document *doc = tu_parse(text);
	gw_buffer b = {0};
	int err = 0;
	const gw_line *L = gw_doc_lines(doc);
	for (size_t i = 0; i < gw_doc_nlines(doc); i++) {
		if (L[i].deleted)
			continue;
		if (b.len)
			err |= gw_buf_putc(&b, '\n');
		err |= gw_buf_putstr(&b, gw_line_text(doc, &L[i]));
	}
	char *s = tu_dup(gw_str_make(b.data, b.len));
	gw_buffer_free(&b);
	ck_assert_int_eq(err, 0);
	return s;
}

/* ---- joining ------------------------------------------------------------- */

START_TEST(wrapped_paragraph_joined)
{
	ck_assert_str_eq(
		lines_of("一、加强组织领导。各地要充分认识深化医药卫生体制改革的重要性，切实加强组织\n"
			 "领导，确保各项任务落到实处。\n"),
		"一、加强组织领导。各地要充分认识深化医药卫生体制改革的重要性，切实加强组织"
		"领导，确保各项任务落到实处。");
}
END_TEST

START_TEST(wrapped_after_comma_joined)
{
	/* a line ending in ， or 、 cannot end a paragraph, however short */
	ck_assert_str_eq(lines_of("各地要推进改革，\n完善机制、\n健全制度。\n"),
			 "各地要推进改革，完善机制、健全制度。");
	/* a run-in heading (the level's style in this notice) goes on too */
	ck_assert_str_eq(lines_of("（一）推进改革。加快进度，\n完善机制。\n"
				  "（二）健全制度。落实责任。\n"),
			 "（一）推进改革。加快进度，完善机制。\n"
			 "（二）健全制度。落实责任。");
}
END_TEST

START_TEST(heading_alone_among_run_in_ones)
{
	/* where a level's headings run into their text, a short heading
	 * line goes on only when the next line ends the heading (a page
	 * break cut it: 完善配套设 / 施。…); one standing alone above a
	 * paragraph stays a line of its own */
	ck_assert_str_eq(
		lines_of("一、提高认识。各乡镇要重视。\n"
			 "二、落实责任。各乡镇要成立指挥部。\n"
			 "三、完善配套设\n"
			 "施。统筹推进设施改造。\n"
			 "四、乡镇责任人\n"
			 "各乡镇党委书记为第一责任人，于4月20日前报送名单。\n"
			 "五、强化督查。县委督查室要跟踪问效。\n"),
		"一、提高认识。各乡镇要重视。\n"
		"二、落实责任。各乡镇要成立指挥部。\n"
		"三、完善配套设施。统筹推进设施改造。\n"
		"四、乡镇责任人\n"
		"各乡镇党委书记为第一责任人，于4月20日前报送名单。\n"
		"五、强化督查。县委督查室要跟踪问效。");
}
END_TEST

START_TEST(blank_lines_do_not_split)
{
	ck_assert_str_eq(
		lines_of("一、加强组织领导。各地要充分认识深化医药卫生体制改革的重要性，切实加强组织\n"
			 "\n\n"
			 "领导，确保各项任务落到实处。\n"),
		"一、加强组织领导。各地要充分认识深化医药卫生体制改革的重要性，切实加强组织"
		"领导，确保各项任务落到实处。");
}
END_TEST

START_TEST(page_break_in_word)
{
	/* dazhou-2022: 达州东部经\n\n开区, with a page number between */
	ck_assert_str_eq(
		lines_of("（一）推进园区建设。支持达州高新区和达州东部经开区建设医药产业园区，达州东部经\n"
			 "\n"
			 "— 3 —\n"
			 "\n"
			 "开区要加快推进项目落地。\n"),
		"（一）推进园区建设。支持达州高新区和达州东部经开区建设医药产业园区，达州东部经"
		"开区要加快推进项目落地。");
}
END_TEST

START_TEST(page_break_in_parenthetical)
{
	/* an open bracket keeps the line open across a short line */
	ck_assert_str_eq(lines_of("（二）推进价格改革（市医保局、市卫生\n\n健康委负责）。\n"),
			 "（二）推进价格改革（市医保局、市卫生健康委负责）。");
}
END_TEST

START_TEST(leading_space_dropped)
{
	ck_assert_str_eq(
		lines_of("（三）加强慢性病管理。推进高血压、糖尿病等慢性病的预防、早期筛查和综合干\n"
			 " 预，做好重点人群健康管理。\n"),
		"（三）加强慢性病管理。推进高血压、糖尿病等慢性病的预防、早期筛查和综合干"
		"预，做好重点人群健康管理。");
	ck_assert_str_eq(lines_of("\u3000\u3000各地要加强领导。\n"),
			 "各地要加强领导。");
}
END_TEST

START_TEST(ascii_words_keep_space_across_join)
{
	/* the open bracket carries the line on; DRG and / DIP meet */
	ck_assert_str_eq(lines_of("各地要推进支付方式改革（DRG and\n"
				  "DIP payment）。\n"),
			 "各地要推进支付方式改革（DRG and DIP payment）。");
	/* a wrap inside a number is no space: 达到9 / 5%, 不少于5 / 0项 */
	ck_assert_str_eq(lines_of("各地要深化医药卫生体制改革，基层医疗机构覆盖率达到9\n"
				  "5%，建成县域内基层医疗卫生服务能力提升项目不少于5\n"
				  "0项。\n"),
			 "各地要深化医药卫生体制改革，基层医疗机构覆盖率达到95%，"
			 "建成县域内基层医疗卫生服务能力提升项目不少于50项。");
}
END_TEST

START_TEST(hard_wrapped_pdf)
{
	/* sichuan-2020h2: PDF text wrapped at a fixed width with blank lines
	 * between; paragraphs end with 。 or a clause, and the wrap inside
	 * 早\n期 is not a break */
	gw_document *doc = tu_parse(
		"一、加强公共卫生体系建设\n\n"
		"（一）完善疾病预防控制体系。深化疾病预防控制体系改革，\n\n"
		"加强疾病预防控制机构能力建设，完善基层公共卫生服务网络，\n\n"
		"健全公共卫生应急物资保障体系，提升重大疫情防控救治能力\n\n"
		"和水平，推进疾病预防控制机构与医疗机构协同监测，强化早\n\n"
		"期预警。（省卫生健康委、省发展改革委负责）\n\n"
		"（二）加强重大疾病防控。推进高血压、糖尿病等慢性病的预\n\n"
		"防和早期筛查，做好严重精神障碍患者管理服务，加强结核病\n\n"
		"等重大传染病防治。（省卫生健康委负责）\n\n"
		"二、深化医保改革\n");
	ck_assert_uint_eq(gw_doc_nlines(doc), 4);
	const gw_line *L = gw_doc_lines(doc);
	ck_assert_gwstr_eq(gw_line_text(doc, &L[1]),
			   "（一）完善疾病预防控制体系。深化疾病预防控制体系改革，"
			   "加强疾病预防控制机构能力建设，完善基层公共卫生服务网络，"
			   "健全公共卫生应急物资保障体系，提升重大疫情防控救治能力"
			   "和水平，推进疾病预防控制机构与医疗机构协同监测，强化早"
			   "期预警。（省卫生健康委、省发展改革委负责）");
	ck_assert_uint_eq(L[2].lineno, 13);
	ck_assert_int_eq(L[3].marker.level, 1);
}
END_TEST

START_TEST(field_lines_stand_alone)
{
	/* 分工方案: a task's fields follow it on lines of their own; a long
	 * unit line is not wrapped text, and the next field's label always
	 * begins a line (the units of the first must not run into it) */
	ck_assert_str_eq(
		lines_of("1.推广以工代赈。\n"
			 "配合单位：省财政厅、省交通运输厅、省水利厅、省农业农村厅\n"
			 "完成时限：2024年12月底前\n"
			 "2.加强监测。\n"
			 "配合单位：省财政厅、省交通运输厅、省水利厅、省农业农村厅\n"
			 "2024年12月底前完成\n"),
		"1.推广以工代赈。\n"
		"配合单位：省财政厅、省交通运输厅、省水利厅、省农业农村厅\n"
		"完成时限：2024年12月底前\n"
		"2.加强监测。\n"
		"配合单位：省财政厅、省交通运输厅、省水利厅、省农业农村厅\n"
		"2024年12月底前完成");
	/* a field line ending in 、 goes on; so does one inside brackets; a
	 * wrapped line that happens to begin with 单位： is no field */
	ck_assert_str_eq(
		lines_of("责任单位：省财政厅、省交通运输厅、省水利厅、省农业农村厅、\n"
			 "省商务厅\n"
			 "（牵头单位：省发展改革委；\n"
			 "配合单位：省财政厅）\n"
			 "各市州人民政府，兰州新区管委会，省政府各部门，中央在甘有关\n"
			 "单位：\n"),
		"责任单位：省财政厅、省交通运输厅、省水利厅、省农业农村厅、省商务厅\n"
		"（牵头单位：省发展改革委；配合单位：省财政厅）\n"
		"各市州人民政府，兰州新区管委会，省政府各部门，中央在甘有关单位：");
}
END_TEST

START_TEST(hard_wrapped_with_field_lines)
{
	/* A PDF wrapped at 30 characters whose many short field lines made
	 * it look unwrapped: a field line that fills the width goes on */
	gw_document *doc = tu_parse(
		"一、优化政务服务\n"
		"1.推行“高效办成一件事”。聚焦企业和群众办事高频需求，分批\n"
		"推出“一件事”集成服务套餐，每批不少于10个，实现一次告知、\n"
		"一表申请、一套材料、一窗受理。\n"
		"牵头单位：市政务服务管理局\n"
		"责任单位：市政务服务中心、市大数据局、市公安局、市人力资源社\n"
		"会保障局\n"
		"完成时限：2025年6月\n"
		"工作要求：按季度报送进展情况\n"
		"2.规范政务服务便民热线运行。完善热线知识库，强化工单流转督\n"
		"办，工单按时办结率达到95%，群众满意度不低于90%，推动热\n"
		"线数据分析应用。\n"
		"牵头单位：市政府办公室\n"
		"责任单位：市政府办公室、市政务服务中心\n"
		"完成时限：持续推进\n"
		"工作要求：按月通报工单办理情况\n"
		"二、强化要素保障\n"
		"3.深化工程建设项目审批制度改革，推行区域评估、联合审验和多\n"
		"测合一，社会投资简易低风险项目审批时间压缩至15个工作日以内\n"
		"。\n"
		"责任单位：市住房城乡建设局、市自然资源和规划局、市发展改革委\n"
		"、市生态环境局\n"
		"完成时限：2024年12月底前\n"
		"工作要求：按季度开展评估\n");
	const gw_line *L = gw_doc_lines(doc);
	ck_assert_uint_eq(gw_doc_nlines(doc), 16);
	ck_assert_gwstr_eq(gw_line_text(doc, &L[3]),
			   "责任单位：市政务服务中心、市大数据局、市公安局、"
			   "市人力资源社会保障局");
	ck_assert_gwstr_eq(gw_line_text(doc, &L[4]), "完成时限：2025年6月");
}
END_TEST

START_TEST(hard_wrapped_heading_goes_on)
{
	/* A hard-wrapped notice whose level-3 headings stand alone on their
	 * lines (1、…， 2、… with no 。): a marker line that fills the
	 * printed width was wrapped all the same */
	char *got = lines_of(
		"（一）推进紧密型县域医共体建设\n\n"
		"1、推进县域医共体人员、财务、药品、信息等统一管理，年\n\n"
		"内实现紧密型县域医共体建设全覆盖，县域内就诊率达到九成\n\n"
		"以上。\n\n"
		"2、深化医保支付方式改革，按病组付费医疗机构覆盖率达到\n\n"
		"全部，病种覆盖率不低于九成。\n\n"
		"3、健全分级诊疗制度\n\n"
		"完善双向转诊机制，推动优质资源下沉到县乡两级医疗机构。\n\n"
		"4、强化医疗质量管理\n\n"
		"完善医疗质量控制体系，开展医疗质量安全改进专项行动。\n\n"
		"5、加强医保基金监管\n\n"
		"开展医保基金使用专项检查，严厉打击欺诈骗保违法行为。\n");
	ck_assert_str_eq(
		got,
		"（一）推进紧密型县域医共体建设\n"
		"1、推进县域医共体人员、财务、药品、信息等统一管理，年"
		"内实现紧密型县域医共体建设全覆盖，县域内就诊率达到九成以上。\n"
		"2、深化医保支付方式改革，按病组付费医疗机构覆盖率达到"
		"全部，病种覆盖率不低于九成。\n"
		"3、健全分级诊疗制度\n"
		"完善双向转诊机制，推动优质资源下沉到县乡两级医疗机构。\n"
		"4、强化医疗质量管理\n"
		"完善医疗质量控制体系，开展医疗质量安全改进专项行动。\n"
		"5、加强医保基金监管\n"
		"开展医保基金使用专项检查，严厉打击欺诈骗保违法行为。");
}
END_TEST

/* ---- blanks -------------------------------------------------------------- */

START_TEST(cjk_digit_spaces_dropped)
{
	ck_assert_str_eq(lines_of("2020 年 8 月 20 日\n"), "2020年8月20日");
	ck_assert_str_eq(lines_of("一、到 2022 年底，覆盖率达到 90% 以上。\n"),
			 "一、到2022年底，覆盖率达到90%以上。");
	/* full-width and no-break spaces too */
	ck_assert_str_eq(lines_of("一、新增\u3000350\u00A0个床位。\n"),
			 "一、新增350个床位。");
}
END_TEST

START_TEST(ascii_spaces_kept)
{
	ck_assert_str_eq(lines_of("一、推广 DRG and DIP 支付方式。\n"),
			 "一、推广DRG and DIP支付方式。");
	/* runs of blanks between words fold to one space */
	ck_assert_str_eq(lines_of("一、推广 DRG   \t and DIP。\n"),
			 "一、推广DRG and DIP。");
}
END_TEST

/* ---- Markdown and Word residue ------------------------------------------- */

START_TEST(markdown_heading_dropped)
{
	gw_document *doc = tu_parse("## 一、深化改革\n#### （一）推进价格改革。\n");
	ck_assert_uint_eq(gw_doc_nlines(doc), 2);
	const gw_line *L = gw_doc_lines(doc);
	ck_assert_gwstr_eq(gw_line_text(doc, &L[0]), "一、深化改革");
	ck_assert_int_eq(L[0].marker.level, 1);
	ck_assert_gwstr_eq(gw_line_text(doc, &L[1]), "（一）推进价格改革。");
	ck_assert_int_eq(L[1].marker.level, 2);
	ck_assert_ptr_null(strchr(doc->clean.data, '#'));
}
END_TEST

START_TEST(bold_dropped)
{
	ck_assert_str_eq(lines_of("（一）**推进基本医保省级统筹**。加快推进。\n"),
			 "（一）推进基本医保省级统筹。加快推进。");
	gw_document *doc = tu_parse("**一、深化改革**\n");
	ck_assert_int_eq(gw_doc_lines(doc)[0].marker.level, 1);
}
END_TEST

START_TEST(strike_removed_and_kept)
{
	gw_document *doc = tu_parse("（一）加强监管。（县卫生健康委、~~县财政局~~、县医保局负责）\n");
	ck_assert_uint_eq(gw_doc_nlines(doc), 1);
	ck_assert_gwstr_eq(gw_line_text(doc, gw_doc_lines(doc)),
			   "（一）加强监管。（县卫生健康委、、县医保局负责）");
	ck_assert_ptr_null(strstr(doc->clean.data, "财政"));
	ck_assert_ptr_null(strchr(doc->clean.data, '~'));
	ck_assert_ptr_nonnull(strstr(doc->struck.data, "县财政局"));
	ck_assert_uint_eq(GW_COUNT(doc, dels, gw_del), 1);
	const gw_del *d = GW_ARRAY(doc, dels, gw_del);
	ck_assert_gwstr_eq(gw_str_make(doc->struck.data + d->start, d->len),
			   "县财政局");
	/* it stood right after 县卫生健康委、 */
	ck_assert(!strncmp(doc->clean.data + d->at, "、县医保局", 15));
}
END_TEST

START_TEST(strike_whole_line)
{
	gw_document *doc = tu_parse("一、深化改革\n"
				    "~~（一）加快区域医疗中心建设。~~\n"
				    "（二）推进价格改革。\n");
	ck_assert_ptr_null(strstr(doc->clean.data, "区域"));
	ck_assert_ptr_nonnull(strstr(doc->struck.data, "加快区域医疗中心建设"));
	const gw_line *L = gw_doc_lines(doc);
	size_t deleted = 0;
	for (size_t i = 0; i < gw_doc_nlines(doc); i++)
		deleted += L[i].deleted;
	ck_assert_uint_eq(deleted, 1);
}
END_TEST

START_TEST(strike_item_number_outside)
{
	/* pandoc writes a Word list's number outside the ~~ */
	gw_document *doc = tu_parse("一、深化改革\n"
				    "1.  推进改革。（县医保局负责）\n"
				    "2.  ~~探索紧密型医共体总额付费。~~\n"
				    "3.  加强监管。\n");
	ck_assert_str_eq(tu_paths(doc), "1 1.1 1.3");
	ck_assert_ptr_null(strstr(doc->clean.data, "总额付费"));
}
END_TEST

START_TEST(pandoc_residue_dropped)
{
	/* a link's address, a footnote and its text, the hard line break */
	ck_assert_str_eq(
		lines_of("落实[《关于做好医保工作的通知》](http://www.example.gov.cn/a.html)"
			 "（医保发〔2024〕1号）要求，全面落实\\\n"
			 "家庭医生签约服务（县医保局[^1]、县财政局负责）。\n"
			 "\n"
			 "[^1]: 含县医疗保障事务中心。\n"),
		"落实《关于做好医保工作的通知》（医保发〔2024〕1号）要求，"
		"全面落实家庭医生签约服务（县医保局、县财政局负责）。");
	/* brackets that are no link stay */
	ck_assert_str_eq(lines_of("宜卫发[2024]5号文件[见附件](二)。\n"),
			 "宜卫发[2024]5号文件[见附件](二)。");
}
END_TEST

START_TEST(running_header_dropped)
{
	/* a PDF page break inside a paragraph: the page number and the
	 * plan's title repeated as the running header go; the title itself,
	 * and a line repeated between paragraphs, stay */
	ck_assert_str_eq(
		lines_of("某省农村人居环境整治提升实施方案\n"
			 "一、加强农村黑臭水体治理。完成国家监管农村黑臭水体整治，治理后水体透明\n"
			 "\n"
			 "— 3 —\n"
			 "某省农村人居环境整治提升实施方案\n"
			 "度不低于25厘米。\n"
			 "某省农村人居环境整治提升实施方案\n"),
		"某省农村人居环境整治提升实施方案\n"
		"一、加强农村黑臭水体治理。完成国家监管农村黑臭水体整治，治理后水体透明"
		"度不低于25厘米。\n"
		"某省农村人居环境整治提升实施方案");
	/* …and where a page breaks between two paragraphs */
	ck_assert_str_eq(
		lines_of("某省农村人居环境整治提升实施方案\n"
			 "一、加强农村黑臭水体治理。完成整治。\n"
			 "\n"
			 "- 4 -\n"
			 "某省农村人居环境整治提升实施方案\n"
			 "二、健全长效机制。完善管护。\n"),
		"某省农村人居环境整治提升实施方案\n"
		"一、加强农村黑臭水体治理。完成整治。\n"
		"二、健全长效机制。完善管护。");
	/* a checklist repeats its field lines, and a signature may repeat
	 * the masthead: they are no running headers, every line stays */
	static const char checklist[] =
		"某区人民政府办公室\n"
		"（一）推进甲工作。加强管理。\n"
		"牵头单位：区民政局\n"
		"完成时限：2024年6月底前\n"
		"（二）推进乙工作。开展检查。\n"
		"牵头单位：区民政局\n"
		"完成时限：2024年6月底前\n"
		"附件：某区重点工作任务分工及完成时限一览表（共计二十项）\n"
		"某区人民政府办公室\n"
		"2024年3月15日\n";
	char *lines = lines_of(checklist);
	ck_assert_uint_eq(strlen(lines), strlen(checklist) - 1);
	ck_assert_int_eq(memcmp(lines, checklist, strlen(lines)), 0);
}
END_TEST

START_TEST(task_table_rows_become_items)
{
	/* a Word table copied as text: one row a line, cells split by TABs.
	 * Under a header naming who answers for a task, a row is an item:
	 * its number and text, then its unit and time cells as fields */
	ck_assert_str_eq(
		lines_of("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
			 "1\t完成3所中心卫生院改扩建，新增床位120张\t县卫生健康局\t"
			 "县发展改革局、县财政局\t2025年12月底前\n"
			 "2\t村卫生室标准化建设全覆盖\t县卫生健康局\t\t"
			 "2025年9月底前\n"
			 /* one TAB after a list's number is no table */
			 "3.\t提升公共卫生服务水平。\n"),
		"1.完成3所中心卫生院改扩建，新增床位120张\n"
		"牵头单位：县卫生健康局\n"
		"配合单位：县发展改革局、县财政局\n"
		"完成时限：2025年12月底前\n"
		"2.村卫生室标准化建设全覆盖\n"
		"牵头单位：县卫生健康局\n"
		"完成时限：2025年9月底前\n"
		"3.提升公共卫生服务水平。");
}
END_TEST

START_TEST(task_table_columns_by_header)
{
	/* several text cells are several paragraphs; a label the units
	 * stage would not read is written as its role's (主要责任单位 ->
	 * 责任单位); a time column under another name is 完成时限; without
	 * a 序号 column rows are numbered in order, one level below the
	 * marker above the table, and one whose first text cell is empty
	 * (merged with the one above) goes on with the item above, as does
	 * a row with an empty 序号 */
	ck_assert_str_eq(
		lines_of("3.重点任务分工\n"
			 "工作任务\t具体措施\t主要责任单位\t进度安排\n"
			 "优化服务\t推行一件事一次办。\t区政务服务局\t6月底前\n"
			 "\t开展回头看。\t区政务服务局\t\n"
			 "降低成本\t落实减税降费。\t区税务局\t年底前\n"),
		"3.重点任务分工\n"
		"（1）优化服务\n推行一件事一次办。\n责任单位：区政务服务局\n"
		"完成时限：6月底前\n"
		"开展回头看。\n责任单位：区政务服务局\n"
		"（2）降低成本\n落实减税降费。\n责任单位：区税务局\n"
		"完成时限：年底前");
	/* a 序号 column empty from its first row (Word's numbering lost
	 * in the copy) numbers the rows in order; a 序号 written as a
	 * marker is read */
	ck_assert_str_eq(
		lines_of("序号\t任务\t责任单位\n"
			 " \t开展回头看。\t区政务服务局\n"
			 " \t落实减税。\t区税务局\n"),
		"1.开展回头看。\n责任单位：区政务服务局\n"
		"2.落实减税。\n责任单位：区税务局");
	ck_assert_str_eq(
		lines_of("序号\t任务\t责任单位\n"
			 "（1）\t开展回头看。\t区政务服务局\n"),
		"1.开展回头看。\n责任单位：区政务服务局");
	/* a 序号 merged down two rows (rowspan) is repeated: one item */
	ck_assert_str_eq(
		lines_of("序号\t任务\t责任单位\n"
			 "1\t推行一件事一次办。\t区政务服务局\n"
			 "1\t开展回头看。\t区政务服务局\n"
			 "2\t落实减税降费。\t区税务局\n"),
		"1.推行一件事一次办。\n责任单位：区政务服务局\n"
		"开展回头看。\n责任单位：区政务服务局\n"
		"2.落实减税降费。\n责任单位：区税务局");
}
END_TEST

START_TEST(task_table_category_column)
{
	/* a column naming each task's group (领域, 任务类别) is no heading:
	 * its cell is a field after the task's text, for every row of its
	 * group (merged down, or empty under the group's first row) */
	ck_assert_str_eq(
		lines_of("序号\t重点领域\t重点任务\t牵头单位\n"
			 "1\t教育\t新建幼儿园3所。\t县教育局\n"
			 "2\t\t改造薄弱学校5所。\t县教育局\n"
			 "3\t卫生\t建成县域医共体。\t县卫生健康局\n"),
		"1.新建幼儿园3所。\n重点领域：教育\n牵头单位：县教育局\n"
		"2.改造薄弱学校5所。\n重点领域：教育\n牵头单位：县教育局\n"
		"3.建成县域医共体。\n重点领域：卫生\n牵头单位：县卫生健康局");
	/* so is a column of the people who answer for a task (责任领导,
	 * 责任人): a field, no unit */
	ck_assert_str_eq(
		lines_of("序号\t重点任务\t责任领导\t牵头单位\n"
			 "1\t新建幼儿园3所。\t王五\t县教育局\n"
			 "2\t改造薄弱学校5所。\t\t县教育局\n"),
		"1.新建幼儿园3所。\n责任领导：王五\n牵头单位：县教育局\n"
		"2.改造薄弱学校5所。\n责任领导：王五\n牵头单位：县教育局");
	/* a category row whose 序号 is a bare numeral (二) is a heading
	 * 二、…, its name in the text or in the category column */
	ck_assert_str_eq(
		lines_of("序号\t重点任务\t牵头单位\n"
			 "一\t经济发展类\t\n"
			 "1\t新建产业园1个。\t县发改局\n"),
		"一、经济发展类\n1.新建产业园1个。\n牵头单位：县发改局");
	ck_assert_str_eq(
		lines_of("序号\t任务类别\t重点任务\t牵头单位\n"
			 "一\t民生保障\t\t\n"
			 "1\t\t新增就业2000人。\t县人社局\n"),
		"一、民生保障\n1.新增就业2000人。\n任务类别：民生保障\n"
		"牵头单位：县人社局");
}
END_TEST

START_TEST(task_table_two_columns)
{
	/* 重点任务 | 责任单位 is a header; a field copied with a TAB
	 * (责任单位	县财政局) is none */
	ck_assert_str_eq(
		lines_of("重点任务\t责任单位\n"
			 "新建幼儿园3所。\t县教育局\n"
			 "改造薄弱学校5所。\t县教育局、县住建局\n"),
		"1.新建幼儿园3所。\n责任单位：县教育局\n"
		"2.改造薄弱学校5所。\n责任单位：县教育局、县住建局");
	ck_assert_str_eq(lines_of("责任单位\t县财政局\n"), "责任单位县财政局");
}
END_TEST

START_TEST(task_table_laid_out_in_text)
{
	/* a task table laid out with blanks (pdftotext -layout): its
	 * columns are where the cells of the header and of a full row
	 * begin; an empty cell keeps its place, a cell's text wrapped onto
	 * the next lines (first cell empty) goes on with the row, blank
	 * lines and a page number in between; the signature after it is
	 * no row */
	ck_assert_str_eq(
		lines_of(" 序号        重点任务            牵头单位      配合单位      完成时限\n"
			 "\n"
			 "  1     新建社区养老中心3     区民政局      区财政局、    2025年10月底前\n"
			 "        个                                  区卫健委\n"
			 "                         — 3 —\n"
			 "  2     改造老旧小区20个      区住建局                    2025年11月底前\n"
			 "\n"
			 "  区人民政府办公室             2025年2月1日\n"),
		"1.新建社区养老中心3个\n牵头单位：区民政局\n"
		"配合单位：区财政局、区卫健委\n完成时限：2025年10月底前\n"
		"2.改造老旧小区20个\n牵头单位：区住建局\n"
		"完成时限：2025年11月底前\n"
		"区人民政府办公室2025年2月1日");
	/* a header whose narrow cells wrap onto a second line (牵头 /
	 * 单位) is read down its columns */
	ck_assert_str_eq(
		lines_of(" 序号   重点任务           牵头        完成\n"
			 "                           单位        时限\n"
			 "  1     新建养老中心3个    县民政局    2025年10月底前\n"),
		"1.新建养老中心3个\n牵头单位：县民政局\n"
		"完成时限：2025年10月底前");
	/* lines with wide blanks and no such header stay text */
	ck_assert_str_eq(lines_of("项目    地点    规模\n一期    东区    30亩\n"),
			 "项目地点规模\n一期东区30亩");
}
END_TEST

START_TEST(task_table_two_header_rows)
{
	/* 责任单位 spans 牵头单位 and 配合单位 on a second header row; the
	 * empty cells there are the columns of the first (Word gives the
	 * spanning cell once: the columns after it shift by one) */
	ck_assert_str_eq(
		lines_of("序号\t重点任务\t责任单位\t完成时限\n"
			 "\t\t牵头单位\t配合单位\t\n"
			 "1\t推行一件事一次办。\t市政务服务中心\t市司法局\t6月底前\n"),
		"1.推行一件事一次办。\n牵头单位：市政务服务中心\n"
		"配合单位：市司法局\n完成时限：6月底前");
}
END_TEST

START_TEST(task_table_units_apart)
{
	/* names in a unit cell set apart by blanks (or by a line break on a
	 * web page) are two units; elsewhere the blank goes, as it does
	 * between two characters; a header spread out (序 号) is read */
	ck_assert_str_eq(
		lines_of("序　号\t重点任务\t牵头单位\t配合单位\n"
			 "1\t推行 一件事。\t区商务局\t区市场监管局　区卫生健康局\n"
			 "2\t落实减税。\t区税务局\t区财政局、 区人社局\n"),
		"1.推行一件事。\n牵头单位：区商务局\n"
		"配合单位：区市场监管局、区卫生健康局\n"
		"2.落实减税。\n牵头单位：区税务局\n配合单位：区财政局、区人社局");
}
END_TEST

START_TEST(task_table_merged_cells)
{
	/* a web page's cell merged down over the next row comes again in
	 * it, marked \f (html.c): a task's text once, its units each row */
	ck_assert_str_eq(
		lines_of("重点任务\t具体措施\t牵头单位\n"
			 "任务甲\t措施一。\t县财政局\n"
			 "\f任务甲\t措施二。\t\f县财政局\n"
			 "任务乙\t措施三。\t县教育局\n"),
		"1.任务甲\n措施一。\n牵头单位：县财政局\n"
		"措施二。\n牵头单位：县财政局\n"
		"2.任务乙\n措施三。\n牵头单位：县教育局");
}
END_TEST

START_TEST(task_table_many_names)
{
	/* a unit cell of many one-character names set apart by blanks
	 * grows by half when they are joined with 、: the copy must not
	 * move the row it reads (under ASan this read freed memory) */
	enum { NAMES = 20000 };
	gw_buffer in = {0};
	ck_assert_int_eq(gw_buf_puts(&in, "序号\t任务\t牵头单位\n1\t推进。\t"), 0);
	for (int i = 0; i < NAMES; i++)
		ck_assert_int_eq(gw_buf_puts(&in, i ? " 局" : "局"), 0);
	ck_assert_int_eq(gw_buf_puts(&in, "\n") || gw_buf_terminate(&in), 0);
	const char *lines = lines_of(in.data);
	ck_assert(!strncmp(lines, "1.推进。\n牵头单位：局、局、", strlen("1.推进。\n牵头单位：局、局、")));
	ck_assert_uint_eq(strlen(lines), strlen("1.推进。\n牵头单位：") + NAMES * 6 - 3);
	gw_buffer_free(&in);
}
END_TEST

START_TEST(markdown_pipe_table)
{
	/* pandoc's pipe table: | between cells, a rule under the header */
	ck_assert_str_eq(
		lines_of("| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n"
			 "|:---:|------|------|------|\n"
			 "| 1 | 新增事项20项。 | 市政务服务中心 | 6月底前 |\n"
			 "| 2 | 落实减税降费。 | 市税务局 |  |\n"
			 /* two cells: no table */
			 "| 甲 | 乙 |\n"),
		"1.新增事项20项。\n牵头单位：市政务服务中心\n完成时限：6月底前\n"
		"2.落实减税降费。\n牵头单位：市税务局\n"
		"|甲|乙|");
}
END_TEST

START_TEST(other_table_rows_stay_rows)
{
	/* a table whose header names no unit is no task table: a row is a
	 * paragraph of its own, its cells split by a space; so is a row of
	 * a task table with more cells than its header */
	ck_assert_str_eq(
		lines_of("指标\t2024年\t2025年\n"
			 "床位数\t120张\t\t150张\n"
			 "序号\t任务\t牵头单位\n"
			 "1\t任务甲\t县财政局\t县教育局\n"),
		"指标 2024年 2025年\n"
		"床位数 120张 150张\n"
		"1 任务甲 县财政局 县教育局");
	/* two TABs in a row on a line of fewer cells are one blank (the
	 * fuzzer found this looping) */
	ck_assert_str_eq(lines_of("3.\t\t提升服务。\nA\t\tB\n"),
			 "3.提升服务。\nA B");
}
END_TEST

START_TEST(bookmark_dropped)
{
	ck_assert_str_eq(lines_of("一、加强[bookmark: _GoBack]组织领导。\n"),
			 "一、加强组织领导。");
	ck_assert_str_eq(lines_of("[bookmark: _GoBack]一、加强组织领导。\n"),
			 "一、加强组织领导。");
	gw_document *doc = tu_parse("[bookmark: _GoBack]一、加强组织领导。\n");
	ck_assert_int_eq(gw_doc_lines(doc)[0].marker.level, 1);
}
END_TEST

/* ---- where logical lines begin ------------------------------------------- */

START_TEST(marker_starts_line)
{
	/* no sentence end before it, yet a marker opens a new line */
	ck_assert_str_eq(lines_of("一、深化医疗、医保、医药联动改革\n"
				  "（一）创新推广三明医改经验\n"
				  "1.推进药品集中采购。\n"
				  "（1）扩大采购范围。\n"
				  "①化学药。\n"),
			 "一、深化医疗、医保、医药联动改革\n"
			 "（一）创新推广三明医改经验\n"
			 "1.推进药品集中采购。\n"
			 "（1）扩大采购范围。\n"
			 "①化学药。");
	/* even after a comma */
	ck_assert_str_eq(lines_of("（一）推进改革，\n（二）完善机制。\n"),
			 "（一）推进改革，\n（二）完善机制。");
}
END_TEST

START_TEST(number_in_wrapped_line_is_not_marker)
{
	/* 1.5亿元 at the start of a wrapped line is text, not a marker */
	gw_document *doc = tu_parse("（一）加大投入。市财政今年安排医疗卫生专项资金，较上年增加\n"
				    "1.5亿元，用于支持基层。\n");
	ck_assert_uint_eq(gw_doc_nlines(doc), 1);
	ck_assert_gwstr_eq(gw_line_text(doc, gw_doc_lines(doc)),
			   "（一）加大投入。市财政今年安排医疗卫生专项资金，较上年增加"
			   "1.5亿元，用于支持基层。");
}
END_TEST

START_TEST(reference_number_cut_off_is_not_marker)
{
	/* the wrap put the number of a reference at a line's start: after
	 * 第, and inside an open 《 */
	ck_assert_str_eq(
		lines_of("1.深化改革。严格执行《审批服务指南》第三部分第\n"
			 "（1）条关于“拿地即开工”的规定。\n"
			 "2.推进改革。严格执行《江州市企业服务\n"
			 "（1）号文件》的规定。\n"
			 "3.落实《关于加强\n"
			 "(1)\n"
			 "号文件》的规定。\n"
			 "（1）加强领导。\n"),
		"1.深化改革。严格执行《审批服务指南》第三部分第（1）条关于“拿地即开工”的规定。\n"
		"2.推进改革。严格执行《江州市企业服务（1）号文件》的规定。\n"
		"3.落实《关于加强(1)号文件》的规定。\n"
		"（1）加强领导。");
}
END_TEST

START_TEST(sentence_end_starts_paragraph)
{
	ck_assert_str_eq(lines_of("一、加强组织领导。\n各地要高度重视。\n"),
			 "一、加强组织领导。\n各地要高度重视。");
	ck_assert_str_eq(lines_of("（一）推进改革！\n加快进度？\n完善机制。\n"),
			 "（一）推进改革！\n加快进度？\n完善机制。");
}
END_TEST

START_TEST(line_metadata)
{
	gw_document *doc = tu_parse("通知\n\n一、加强领导。\n2020年8月20日\n");
	const gw_line *L = gw_doc_lines(doc);
	ck_assert_uint_eq(gw_doc_nlines(doc), 3);
	ck_assert_uint_eq(L[1].lineno, 3);
	ck_assert_uint_eq(L[1].src_offset, strlen("通知\n\n"));
	ck_assert_int_eq(L[2].kind, GW_LINE_DATE);
	ck_assert_int_eq(L[0].kind, GW_LINE_TEXT);
}
END_TEST

START_TEST(download_list_is_attachment_line)
{
	/* 附件下载： under the last item (a web page's downloads, copied
	 * with it) ends the item, as 附件： does */
	gw_document *doc = tu_parse(
		"一、工作任务\n"
		"（一）加强生活垃圾治理。2025年6月底前实现全覆盖。\n"
		"附件下载：1.青山县农村厕所改造统计表.docx\n"
		"2.任务分解表.xls\n");
	const gw_line *L = gw_doc_lines(doc);
	ck_assert_uint_eq(gw_doc_nlines(doc), 4);
	ck_assert_int_eq(L[2].kind, GW_LINE_ATTACHMENT);
	ck_assert_str_eq(tu_paths(doc), "1 1.1");
}
END_TEST

Suite *clean_suite(void)
{
	Suite *s = suite_create("clean");
	TCase *tc;

	tc = tcase_create("joining");
	tu_fixture(tc);
	tcase_add_test(tc, wrapped_paragraph_joined);
	tcase_add_test(tc, wrapped_after_comma_joined);
	tcase_add_test(tc, heading_alone_among_run_in_ones);
	tcase_add_test(tc, blank_lines_do_not_split);
	tcase_add_test(tc, page_break_in_word);
	tcase_add_test(tc, page_break_in_parenthetical);
	tcase_add_test(tc, leading_space_dropped);
	tcase_add_test(tc, ascii_words_keep_space_across_join);
	tcase_add_test(tc, hard_wrapped_pdf);
	tcase_add_test(tc, field_lines_stand_alone);
	tcase_add_test(tc, hard_wrapped_heading_goes_on);
	tcase_add_test(tc, hard_wrapped_with_field_lines);
	suite_add_tcase(s, tc);

	tc = tcase_create("blanks");
	tu_fixture(tc);
	tcase_add_test(tc, cjk_digit_spaces_dropped);
	tcase_add_test(tc, ascii_spaces_kept);
	suite_add_tcase(s, tc);

	tc = tcase_create("residue");
	tu_fixture(tc);
	tcase_add_test(tc, markdown_heading_dropped);
	tcase_add_test(tc, bold_dropped);
	tcase_add_test(tc, strike_removed_and_kept);
	tcase_add_test(tc, strike_whole_line);
	tcase_add_test(tc, strike_item_number_outside);
	tcase_add_test(tc, pandoc_residue_dropped);
	tcase_add_test(tc, running_header_dropped);
	tcase_add_test(tc, task_table_rows_become_items);
	tcase_add_test(tc, task_table_columns_by_header);
	tcase_add_test(tc, task_table_category_column);
	tcase_add_test(tc, task_table_laid_out_in_text);
	tcase_add_test(tc, task_table_two_columns);
	tcase_add_test(tc, other_table_rows_stay_rows);
	tcase_add_test(tc, markdown_pipe_table);
	tcase_add_test(tc, task_table_merged_cells);
	tcase_add_test(tc, task_table_many_names);
	tcase_add_test(tc, task_table_units_apart);
	tcase_add_test(tc, task_table_two_header_rows);
	tcase_add_test(tc, bookmark_dropped);
	suite_add_tcase(s, tc);

	tc = tcase_create("line_starts");
	tu_fixture(tc);
	tcase_add_test(tc, marker_starts_line);
	tcase_add_test(tc, number_in_wrapped_line_is_not_marker);
	tcase_add_test(tc, reference_number_cut_off_is_not_marker);
	tcase_add_test(tc, sentence_end_starts_paragraph);
	tcase_add_test(tc, line_metadata);
	tcase_add_test(tc, download_list_is_attachment_line);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * Expected behaviour not tested here (a bug in clean.c, reported):
 *
 * A marker line whose heading stands on a line of its own (the level's
 * style in the notice) and that is wrapped after 、 or ， is split from its
 * continuation, because continues() asks `heading_open` before it asks
 * is_continuation():
 *
 *     一、深化医疗、医保、
 *     医药联动改革
 *     （一）推进集中采购。完善机制。
 *     （二）推进价格改革。完善机制。
 *
 * expected logical line 1: "一、深化医疗、医保、医药联动改革"
 *          (heading of node 1 "深化医疗、医保、医药联动改革");
 * actual:  "一、深化医疗、医保、" and "医药联动改革" as two lines
 *          (heading "深化医疗、医保、").
 */
