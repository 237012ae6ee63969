/* test_dates.c — deadlines (records.md §4), as one resolution table. */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "document.h"
#include "suites.h"

/* Where the plan year comes from. */
typedef enum plan {
	TITLE_2022, /* 2022年…重点任务 */
	DATE_2023,  /* a title without a year, date line 2023年5月6日 */
	BOTH,	    /* title 2022, date line 2023: the title wins */
	NO_YEAR	    /* neither: unresolvable */
} plan;

static const char *const titles[] = {
	[TITLE_2022] = "2022年深化医药卫生体制改革重点任务",
	[DATE_2023] = "关于深化医药卫生体制改革的通知",
	[BOTH] = "2022年深化医药卫生体制改革重点任务",
	[NO_YEAR] = "关于深化医药卫生体制改革的通知",
};
static const char *const closings[] = {
	[TITLE_2022] = "",
	[DATE_2023] = "某市人民政府\n2023年5月6日\n",
	[BOTH] = "某市人民政府\n2023年5月6日\n",
	[NO_YEAR] = "",
};
static const int plan_years[] = {
	[TITLE_2022] = 2022, [DATE_2023] = 2023, [BOTH] = 2022, [NO_YEAR] = 0,
};

typedef struct row {
	plan plan;
	const char *item;   /* the text of item 1.1 */
	const char *expect; /* "ISO|raw" joined with ';', "" for none */
} row;

static const row rows[] = {
	/* no year written: the plan year */
	{TITLE_2022, "年底前完成。", "2022-12-31|年底前"},
	{TITLE_2022, "年内完成。", "2022-12-31|年内"},
	{TITLE_2022, "本年内完成。", "2022-12-31|本年内"},
	{TITLE_2022, "今年6月底前完成。", "2022-06-30|今年6月底前"},
	{TITLE_2022, "9月底前完成。", "2022-09-30|9月底前"},
	{TITLE_2022, "11月30日前完成。", "2022-11-30|11月30日前"},
	{TITLE_2022, "上半年完成。", "2022-06-30|上半年"},
	{TITLE_2022, "下半年完成。", "2022-12-31|下半年"},
	{TITLE_2022, "第三季度完成。", "2022-09-30|第三季度"},
	{TITLE_2022, "第四季度完成。", "2022-12-31|第四季度"},
	{TITLE_2022, "次年6月底前完成。", "2023-06-30|次年6月底前"},
	{TITLE_2022, "十二月底前完成。", "2022-12-31|十二月底前"},
	/* a deadline field is the bound: a bare date after it, the end of
	 * a range after it */
	{TITLE_2022, "推进改革。完成时限：3月15日", "2022-03-15|3月15日"},
	{TITLE_2022, "推进改革。完成时限：2024年6月30日",
	 "2024-06-30|2024年6月30日"},
	{TITLE_2022, "推进改革。完成时间：2025年3月", "2025-03-31|2025年3月"},
	{TITLE_2022, "推进改革。完成时限：2024年3月—6月",
	 "2024-06-30|2024年3月—6月"},
	{TITLE_2022, "推进改革。完成时限：3月1日至3月15日",
	 "2022-03-15|3月1日至3月15日"},
	{TITLE_2022, "推进改革。截止日期：12月20日", "2022-12-20|12月20日"},
	{TITLE_2022, "推进改革，3月15日召开会议。", ""},
	/* full-width digits */
	{TITLE_2022, "到２０２５年，全面完成。", "2025-12-31|到２０２５年"},
	{TITLE_2022, "２０２５年６月底前完成。", "2025-06-30|２０２５年６月底前"},
	{TITLE_2022, "第３季度完成。", "2022-09-30|第３季度"},
	/* raw keeps the 前, 之前 or 以前 it is written with */
	{TITLE_2022, "三季度末前完成。", "2022-09-30|三季度末前"},
	{TITLE_2022, "第三季度前完成。", "2022-09-30|第三季度前"},
	{TITLE_2022, "今年上半年之前完成。", "2022-06-30|今年上半年之前"},
	{TITLE_2022, "9月底之前完成。", "2022-09-30|9月底之前"},
	{TITLE_2022, "今年6月末以前完成。", "2022-06-30|今年6月末以前"},
	{TITLE_2022, "年底之前完成。", "2022-12-31|年底之前"},
	{TITLE_2022, "2025年第三季度前完成。", "2025-09-30|2025年第三季度前"},
	{TITLE_2022, "2025年底之前完成。", "2025-12-31|2025年底之前"},
	/* a year written */
	{TITLE_2022, "到2027年，基本建成体系。", "2027-12-31|到2027年"},
	{TITLE_2022, "到2024年底，全面建成。", "2024-12-31|到2024年底"},
	{TITLE_2022, "2022年力争实现全覆盖。", "2022-12-31|2022年力争"},
	{TITLE_2022, "力争2022年实现全覆盖。", "2022-12-31|力争2022年"},
	{TITLE_2022, "2025年上半年完成。", "2025-06-30|2025年上半年"},
	{TITLE_2022, "2025年第三季度完成。", "2025-09-30|2025年第三季度"},
	{TITLE_2022, "2025年年底前完成。", "2025-12-31|2025年年底前"},
	{TITLE_2022, "2024年内完成。", "2024-12-31|2024年内"},
	{TITLE_2022, "2022年年内实现全覆盖。", "2022-12-31|2022年年内"},
	{TITLE_2022, "全市2024年年内实现全覆盖。", "2024-12-31|2024年年内"},
	{TITLE_2022, "2024年12月20日前完成。", "2024-12-20|2024年12月20日前"},
	{TITLE_2022, "到2026年6月，全面完成。", "2026-06-30|到2026年6月"},
	{TITLE_2022, "二〇二五年十月底前完成。", "2025-10-31|二〇二五年十月底前"},
	{TITLE_2022, "截至2023年底，全面完成。", "2023-12-31|截至2023年底"},
	/* a bare year that opens a clause */
	{TITLE_2022, "2023年，全省实现全覆盖。", "2023-12-31|2023年"},
	{TITLE_2022, "2023年各市实现全覆盖。", "2023-12-31|2023年"},
	{TITLE_2022, "完善机制；2024年，实现全覆盖。", "2024-12-31|2024年"},
	{TITLE_2022, "2022年，全省实现全覆盖。", "2022-12-31|2022年"},
	/* 今年 alone opening a clause, or after 力争, as a bare year */
	{TITLE_2022, "今年完成政务服务事项清单动态调整。", "2022-12-31|今年"},
	{TITLE_2022, "力争今年完成改造。", "2022-12-31|力争今年"},
	{TITLE_2022, "全市今年开展检查。", ""},
	{TITLE_2022, "今年是关键之年。", ""},
	{TITLE_2022, "今年以来成效明显。", ""},
	{TITLE_2022, "2022年是攻坚之年。", ""},
	/* a cited title names another document: no deadline of this one,
	 * nor the year of the yearless ones after it */
	{TITLE_2022, "落实《2030年前碳达峰行动方案》，年底前出台措施。",
	 "2022-12-31|年底前"},
	{TITLE_2022, "贯彻《国务院关于印发〈2030年前碳达峰行动方案〉的通知》，上半年完成。",
	 "2022-06-30|上半年"},
	{TITLE_2022, "对照《关于到2027年基本完成改造的意见》，2025年底前完成。",
	 "2025-12-31|2025年底前"},
	/* the base of a comparison is where a quantity stood */
	{TITLE_2022, "贷款余额比2021年末增长10%。", ""},
	{TITLE_2022, "较2021年底提高5个百分点。", ""},
	{TITLE_2022, "与2021年底相比增长一倍。", ""},
	{TITLE_2022, "在2021年6月底的基础上翻一番，年底前完成。",
	 "2022-12-31|年底前"},
	/* a year word before a period of the year */
	{TITLE_2022, "今年汛期前完成排查。", "|今年汛期前"},
	{TITLE_2022, "今年国庆节前完成验收。", "2022-09-30|今年国庆节前"},
	{TITLE_2022, "今年秋季完成播种。", "2022-11-30|今年秋季"},
	{TITLE_2022, "次年年中完成。", "2023-06-30|次年年中"},
	/* a range of months without a year */
	{TITLE_2022, "4月至10月集中开展行动。", "2022-10-31|4月至10月"},
	{TITLE_2022, "5—10月开展巡查。", "2022-10-31|5—10月"},
	{TITLE_2022, "每年4月至10月开展巡查。", ""},
	{TITLE_2022, "为6—12月龄婴儿接种。", ""},
	{TITLE_2022, "11月至3月加强供暖。", ""},
	{DATE_2023, "3—5月份完成。", "2023-05-31|3—5月份"},
	/* holidays: National Day is fixed, the Spring Festival is not */
	{TITLE_2022, "国庆节前完成质控督查。", "2022-09-30|国庆节前"},
	{TITLE_2022, "春节前完成物资储备检查。", "|春节前"},
	{TITLE_2022, "国庆节期间加强值守。", ""},
	/* …but one before the plan's year, bare or as of, is a fact */
	{TITLE_2022, "2021年，全省有4个部门未按要求整改。", ""},
	{TITLE_2022, "2020年至2021年，有23户违规领取。", ""},
	{TITLE_2022, "截至2021年底仍有3家企业未支付。", ""},
	{TITLE_2022, "到2021年底前完成。", "2021-12-31|到2021年底前"},
	/* a year range: the end of its later year, the whole range as raw */
	{TITLE_2022, "完成时限：2024年—2025年", "2025-12-31|2024年—2025年"},
	{TITLE_2022, "完成时限：2024—2025年", "2025-12-31|2024—2025年"},
	{TITLE_2022, "完成时限：2024年至2025年", "2025-12-31|2024年至2025年"},
	{TITLE_2022, "完成时限：2024-2025年", "2025-12-31|2024-2025年"},
	{TITLE_2022, "2023——2025年，全面完成。", "2025-12-31|2023——2025年"},
	{TITLE_2022, "到2024—2025年底，全面完成。",
	 "2025-12-31|到2024—2025年底"},
	{TITLE_2022, "力争二〇二四—二〇二五年完成。",
	 "2025-12-31|力争二〇二四—二〇二五年"},
	/* a month's ten days bound it as 底 does, with or without 前:
	 * 上旬 ends on the 10th, 中旬 the 20th, 下旬 with the month */
	{TITLE_2022, "6月中旬前出台办法。", "2022-06-20|6月中旬前"},
	{TITLE_2022, "12月上旬前完成。", "2022-12-10|12月上旬前"},
	{TITLE_2022, "2月下旬前完成。", "2022-02-28|2月下旬前"},
	{TITLE_2022, "4月上旬召开会议。", "2022-04-10|4月上旬"},
	{TITLE_2022, "2024年2月下旬完成。", "2024-02-29|2024年2月下旬"},
	{TITLE_2022, "2025年6月中旬之前完成。", "2025-06-20|2025年6月中旬之前"},
	{TITLE_2022, "推进改革。完成时限：6月中旬", "2022-06-20|6月中旬"},
	{TITLE_2022, "12月20日前完成，次年1月上旬报送。",
	 "2022-12-20|12月20日前;2023-01-10|次年1月上旬"},
	/* a range written with 旬 is one deadline, the end of its later
	 * part; the whole range is raw */
	{TITLE_2022, "2026年3月中旬至4月上旬开展检查。",
	 "2026-04-10|2026年3月中旬至4月上旬"},
	{TITLE_2022, "2026年3月上旬—4月下旬完成。",
	 "2026-04-30|2026年3月上旬—4月下旬"},
	{TITLE_2022, "2025年12月下旬至2026年1月上旬开展检查。",
	 "2026-01-10|2025年12月下旬至2026年1月上旬"},
	{TITLE_2022, "2026年3月中旬至下旬开展检查。",
	 "2026-03-31|2026年3月中旬至下旬"},
	{TITLE_2022, "3月中旬至4月上旬完成。", "2022-04-10|3月中旬至4月上旬"},
	{TITLE_2022, "推进改革。完成时限：3月上旬至中旬", "2022-03-20|3月上旬至中旬"},
	{TITLE_2022, "推进改革。完成时限：2026年3月中旬至4月上旬",
	 "2026-04-10|2026年3月中旬至4月上旬"},
	/* the period of the Nth five-year plan ends in 1955 + 5N */
	{TITLE_2022, "“十四五”期间累计新增三级医院3家。",
	 "2025-12-31|“十四五”期间"},
	{TITLE_2022, "到“十四五”末，全面建成。", "2025-12-31|到“十四五”末"},
	{TITLE_2022, "“十五五”时期全面建成。", "2030-12-31|“十五五”时期"},
	{TITLE_2022, "十四五期间全面建成。", "2025-12-31|十四五期间"},
	{DATE_2023, "“十三五”期间累计投入3亿元。", ""},
	{TITLE_2022, "2022年是“十四五”规划实施的关键之年。", ""},
	{TITLE_2022, "落实“十四五”规划。", ""},
	/* a range of months is a span of work, bounded by its end wherever
	 * it stands (a stage's dates); the whole range is raw */
	{TITLE_2022, "2025年1—6月完成。", "2025-06-30|2025年1—6月"},
	{TITLE_2022, "动员部署阶段（2025年3月—4月）。",
	 "2025-04-30|2025年3月—4月"},
	{TITLE_2022, "集中攻坚阶段（2025年5月至2026年12月）。",
	 "2026-12-31|2025年5月至2026年12月"},
	{TITLE_2022, "全市2025年9月至12月开展专项检查。",
	 "2025-12-31|2025年9月至12月"},
	{TITLE_2022, "2021年1—6月，全省新增病例3例。", ""},
	/* …but mid-clause it is a period, like a year mid-clause */
	{TITLE_2022, "全市2024—2026年累计投入5亿元。", ""},
	{TITLE_2022, "制定2024年至2025年工作方案。", ""},
	{TITLE_2022, "实施三年行动（2023—2025年）。", ""},
	{TITLE_2022, "完成时限：2024—2025年度", ""},
	/* a date directly followed by 启动 开始 起 (and, after a month, 开展
	 * 部署) says when work starts: no deadline, but its year is the
	 * sentence's; a 前 or 内 bound or a range still bounds the work */
	{TITLE_2022, "推进改革。完成时限：2025年3月启动，6月底前出台清单",
	 "2025-06-30|6月底前"},
	{TITLE_2022, "2025年3月启动，6月底前出台清单。", "2025-06-30|6月底前"},
	{TITLE_2022, "2026年启动试点，年底前完成。", "2026-12-31|年底前"},
	{TITLE_2022, "推进改革。完成时间：2025年3月开始", ""},
	{TITLE_2022, "推进改革。完成时限：2025年3月底部署", ""},
	{TITLE_2022, "推进改革。完成时限：3月开展摸底，6月底前完成",
	 "2022-06-30|6月底前"},
	{TITLE_2022, "推进改革。完成时限：2025年3月起实施", ""},
	{TITLE_2022, "2023年起实施。", ""},
	{TITLE_2022, "2022年以来，成效明显。", ""},
	{TITLE_2022, "3月底前启动，6月底前完成。",
	 "2022-03-31|3月底前;2022-06-30|6月底前"},
	{TITLE_2022, "年内启动试点。", "2022-12-31|年内"},
	{TITLE_2022, "第三季度开展1次专项督查。", "2022-09-30|第三季度"},
	{TITLE_2022, "推进改革。完成时限：2025年3月起草，6月底前印发",
	 "2025-03-31|2025年3月;2025-06-30|6月底前"},
	/* leap years */
	{TITLE_2022, "2024年2月底前完成。", "2024-02-29|2024年2月底前"},
	{TITLE_2022, "2023年2月底前完成。", "2023-02-28|2023年2月底前"},
	{TITLE_2022, "2028年2月底前完成。", "2028-02-29|2028年2月底前"},
	/* two in one item, in order */
	{TITLE_2022, "6月底前启动，年底前完成。",
	 "2022-06-30|6月底前;2022-12-31|年底前"},
	/* a year with a period of it is one phrase, never the bare year:
	 * 年初 is its first quarter, 年中 30 June, a season its last month;
	 * winter, the flood season and the Spring Festival have no fixed
	 * end (iso empty) */
	{TITLE_2022, "2026年初完成。", "2026-03-31|2026年初"},
	{TITLE_2022, "2026年年初完成。", "2026-03-31|2026年年初"},
	{TITLE_2022, "2025年年中完成。", "2025-06-30|2025年年中"},
	{TITLE_2022, "2025年春季完成。", "2025-05-31|2025年春季"},
	{TITLE_2022, "2025年秋季前完成。", "2025-11-30|2025年秋季前"},
	{TITLE_2022, "2025年冬季完成。", "|2025年冬季"},
	{TITLE_2022, "2025年汛期前完成。", "|2025年汛期前"},
	{TITLE_2022, "2025年汛前完成。", "|2025年汛前"},
	/* without a year, 年中 and the flood season with 前 are a bound */
	{TITLE_2022, "年中前完成评估。", "2022-06-30|年中前"},
	{TITLE_2022, "汛期前完成隐患排查。", "|汛期前"},
	{TITLE_2022, "各地要高度重视，汛期前完成排查。", "|汛期前"},
	{TITLE_2022, "开展汛前检查。", ""},
	{TITLE_2022, "汛前完成。", "|汛前"},
	{TITLE_2022, "2026年启动，年中前完成。", "2026-06-30|年中前"},
	{TITLE_2022, "每年汛期前排查。", ""},
	{TITLE_2022, "汛期加强值守，做好前期工作。", ""},
	{TITLE_2022, "一年中前后两次。", ""},
	{TITLE_2022, "2025年国庆节前完成。", "2025-09-30|2025年国庆节前"},
	{TITLE_2022, "2026年春节前完成。", "|2026年春节前"},
	{TITLE_2022, "2026年春节前完成摸底，6月底前完成。",
	 "|2026年春节前;2026-06-30|6月底前"},
	{TITLE_2022, "2025年二、三季度完成。", "2025-09-30|2025年二、三季度"},
	{TITLE_2022, "二、三季度完成。", "2022-09-30|二、三季度"},
	{TITLE_2022, "2025年一至三季度完成。", "2025-09-30|2025年一至三季度"},
	{TITLE_2022, "2025年初步建成体系。", "2025-12-31|2025年"},
	{TITLE_2022, "2026年初见成效。", "2026-12-31|2026年"},
	{TITLE_2022, "2025年中央财政安排资金。", "2025-12-31|2025年"},
	{TITLE_2022, "全市2025年汛期加强值守。", ""},
	/* a phrase without a year takes the year of the sentence's last
	 * deadline written with one; a sentence end (。；) or a word naming
	 * the year (今年 本年) stops it; 次年 and 当年 count from a year
	 * written earlier in the sentence */
	{TITLE_2022, "2027年10月底前完成中期评估，12月底前形成总结报告。",
	 "2027-10-31|2027年10月底前;2027-12-31|12月底前"},
	{TITLE_2022, "2026年上半年完成试点，下半年全面推开。",
	 "2026-06-30|2026年上半年;2026-12-31|下半年"},
	{TITLE_2022, "到2024年6月底前完成试点，年底前全面推开。",
	 "2024-06-30|到2024年6月底前;2024-12-31|年底前"},
	{TITLE_2022, "完成时限：2024年3月，6月底前验收",
	 "2024-03-31|2024年3月;2024-06-30|6月底前"},
	{TITLE_2022, "2026年上半年完成试点。下半年全面推开。",
	 "2026-06-30|2026年上半年;2022-12-31|下半年"},
	{TITLE_2022, "2026年上半年完成试点；9月底前全面推开。",
	 "2026-06-30|2026年上半年;2022-09-30|9月底前"},
	{TITLE_2022, "2026年上半年完成试点，今年下半年全面推开。",
	 "2026-06-30|2026年上半年;2022-12-31|今年下半年"},
	{TITLE_2022, "2026年上半年完成试点，本年底前总结。",
	 "2026-06-30|2026年上半年;2022-12-31|本年底前"},
	{TITLE_2022, "2026年上半年完成试点，次年6月底前推广。",
	 "2026-06-30|2026年上半年;2027-06-30|次年6月底前"},
	{TITLE_2022, "2026年启动试点，次年6月底前完成。", "2027-06-30|次年6月底前"},
	{TITLE_2022, "制定2026年工作方案，次年上半年完成。",
	 "2027-06-30|次年上半年"},
	{TITLE_2022, "2026年完成试点，次年底前推广。",
	 "2026-12-31|2026年;2027-12-31|次年底前"},
	{TITLE_2022, "二〇二六年完成试点，次年6月底前推广。",
	 "2026-12-31|二〇二六年;2027-06-30|次年6月底前"},
	{TITLE_2022, "2026年启动，当年6月底前完成。", "2026-06-30|当年6月底前"},
	{TITLE_2022, "2026年启动，当年底前完成。", "2026-12-31|当年底前"},
	{TITLE_2022, "2026年完成试点。次年6月底前推广。",
	 "2026-12-31|2026年;2023-06-30|次年6月底前"},
	{TITLE_2022, "2026年完成试点，明年6月底前推广。",
	 "2026-12-31|2026年;2023-06-30|明年6月底前"},
	{TITLE_2022, "次年底前推广。", "2023-12-31|次年底前"},
	/* a range whose later month is the next year's ends in that year */
	{TITLE_2022, "11月至次年3月开展冬季攻势。", "2023-03-31|11月至次年3月"},
	{TITLE_2022, "10月—翌年2月开展。", "2023-02-28|10月—翌年2月"},
	{TITLE_2022, "2024年11月至次年2月开展。", "2025-02-28|2024年11月至次年2月"},
	{TITLE_2022, "2026年启动，11月至次年3月完成。",
	 "2027-03-31|11月至次年3月"},
	{TITLE_2022, "11月至3月开展。", ""},
	{TITLE_2022, "每年11月至次年3月开展禁烧。", ""},
	/* a range's first part may end at its month's end: one deadline */
	{TITLE_2022, "2022年11月底至12月上旬完成。",
	 "2022-12-10|2022年11月底至12月上旬"},
	{TITLE_2022, "3月底至4月中旬开展。", "2022-04-20|3月底至4月中旬"},
	{TITLE_2022, "2022年5月底至2023年3月完成。",
	 "2023-03-31|2022年5月底至2023年3月"},
	{TITLE_2022, "2021年底至2022年6月完成。", "2022-06-30|2021年底至2022年6月"},
	{TITLE_2022, "2022年末至2023年3月开展。", "2023-03-31|2022年末至2023年3月"},
	{TITLE_2022, "5月底和9月底前分别报送。", "2022-05-31|5月底;2022-09-30|9月底前"},
	/* 本月 and 下月 count from the date line's month */
	{DATE_2023, "本月底前报送。", "2023-05-31|本月底前"},
	{DATE_2023, "下月10日前报送。", "2023-06-10|下月10日前"},
	{DATE_2023, "本月内完成。", "2023-05-31|本月内"},
	{BOTH, "本月20日前完成。", "2023-05-20|本月20日前"},
	{TITLE_2022, "本月底前报送。", "|本月底前"},
	{DATE_2023, "每月底前报送，本月召开会议。", ""},
	/* 截止 and 截止到 are 截至 (as of): before the plan year a fact */
	{TITLE_2022, "截止2021年底，全市共有养老机构50家。", ""},
	{TITLE_2022, "截止到2021年底，累计建成20个。", ""},
	{TITLE_2022, "截止2022年6月底完成。", "2022-06-30|截止2022年6月底"},
	/* 不晚于 and 不迟于 make the date after them a bound */
	{TITLE_2022, "不迟于6月30日完成。", "2022-06-30|不迟于6月30日"},
	{TITLE_2022, "不晚于9月报送。", "2022-09-30|不晚于9月"},
	{TITLE_2022, "不晚于2024年9月完成。", "2024-09-30|不晚于2024年9月"},
	{TITLE_2022, "不迟于明年3月底前完成。", "2023-03-31|不迟于明年3月底前"},
	{TITLE_2022, "6月召开会议，不迟于2023年底完成。",
	 "2023-12-31|不迟于2023年底"},
	/* 明年 is the plan year's next before 年底, 年内 and a part too */
	{TITLE_2022, "明年底前推广。", "2023-12-31|明年底前"},
	{TITLE_2022, "明年年底前推广。", "2023-12-31|明年年底前"},
	{TITLE_2022, "明年内推广。", "2023-12-31|明年内"},
	{TITLE_2022, "明年上半年推广。", "2023-06-30|明年上半年"},
	{TITLE_2022, "明年第三季度推广。", "2023-09-30|明年第三季度"},
	{TITLE_2022, "当年6月底前完成。", "2022-06-30|当年6月底前"},
	{TITLE_2022, "制定2026年工作方案，6月底前完成。", "2022-06-30|6月底前"},
	{NO_YEAR, "2025年上半年完成试点，下半年全面推开。",
	 "2025-06-30|2025年上半年;2025-12-31|下半年"},
	/* not deadlines */
	{TITLE_2022, "开展2021年度考核。", ""},
	{TITLE_2022, "2022年6月召开会议。", ""},
	{TITLE_2022, "2022年6月30日召开会议。", ""},
	{TITLE_2022, "制定2023年工作方案。", ""},
	{TITLE_2022, "三年内完成。", ""},
	{TITLE_2022, "5年内完成。", ""},
	{TITLE_2022, "每年底前报送。", ""},
	/* a month or a part of every year is a cadence, as 每年底 is */
	{TITLE_2022, "每年1月15日前报送上一年度总结。", ""},
	{TITLE_2022, "每年3月底前报送。", ""},
	{TITLE_2022, "每年的6月底前更新。", ""},
	{TITLE_2022, "每年第一季度前报送。", ""},
	{TITLE_2022, "每年上半年开展评估。", ""},
	{TITLE_2022, "每年3月底前报送，9月底前完成。", "2022-09-30|9月底前"},
	{TITLE_2022, "近年来成效明显。", ""},
	{TITLE_2022, "2021年至今，累计投入3亿元。", ""},
	{TITLE_2022, "2021年底至今，累计投入3亿元。", ""},
	{TITLE_2022, "2022年6月底以来，新增10家。", ""},
	{TITLE_2022, "今年3月底以来，新增10家，年底前完成。", "2022-12-31|年底前"},
	{TITLE_2022, "开展2024年内部审计。", ""},
	{TITLE_2022, "健全今年内部控制制度。", ""},
	/* 前期 is a word: the 前 is not the phrase's */
	{TITLE_2022, "上半年前期工作完成。", "2022-06-30|上半年"},
	/* plan year from the date line, and the title before it */
	{DATE_2023, "年底前完成。", "2023-12-31|年底前"},
	{DATE_2023, "次年6月底前完成。", "2024-06-30|次年6月底前"},
	/* a year written wins over the plan year: 年内 is that year's */
	{DATE_2023, "2024年年内实现全覆盖。", "2024-12-31|2024年年内"},
	{DATE_2023, "2024年年底前完成。", "2024-12-31|2024年年底前"},
	{BOTH, "年底前完成。", "2022-12-31|年底前"},
	/* unresolvable: the phrase is kept, the ISO date left empty */
	{NO_YEAR, "年底前完成。", "|年底前"},
	{NO_YEAR, "9月底前完成。", "|9月底前"},
	{NO_YEAR, "次年6月底前完成。", "|次年6月底前"},
	{NO_YEAR, "上半年完成。", "|上半年"},
	{NO_YEAR, "年底前完成；2025年上半年完成。",
	 "|年底前;2025-06-30|2025年上半年"},
};
enum { NROWS = sizeof rows / sizeof *rows };

/* "ISO|raw;ISO|raw" of one node (teardown). */
static char *deadlines_of(const gw_document *doc, const gw_node *n)
{
	const gw_deadline *d = GW_ARRAY(doc, deadlines, gw_deadline);
	ck_assert_uint_le(n->deadlines.first + n->deadlines.count,
			  GW_COUNT(doc, deadlines, gw_deadline));
	gw_buffer b = {0};
	int err = 0;
	for (size_t i = n->deadlines.first;
	     i < n->deadlines.first + n->deadlines.count; i++) {
		if (i > n->deadlines.first)
			err |= gw_buf_putc(&b, ';');
		err |= gw_buf_puts(&b, d[i].iso);
		err |= gw_buf_putc(&b, '|');
		err |= gw_buf_putstr(&b, d[i].raw);
	}
	char *out = err ? NULL : tu_dup(gw_str_make(b.data, b.len));
	gw_buffer_free(&b);
	ck_assert_ptr_nonnull(out);
	return out;
}

START_TEST(resolution_table)
{
	const row *r = &rows[_i];
	char text[1024];
	int len = snprintf(text, sizeof text,
			   "%s\n一、深化改革\n（一）%s\n二、加强保障。\n%s",
			   titles[r->plan], r->item, closings[r->plan]);
	ck_assert(len > 0 && (size_t)len < sizeof text);
	gw_document *doc = tu_parse(text);
	ck_assert_int_eq(doc->meta.plan_year, plan_years[r->plan]);
	const gw_node *n = tu_node(doc, "1.1");
	ck_assert_msg(n != NULL, "row %d: no node 1.1 (have: %s)", _i,
		      tu_paths(doc));
	char *got = deadlines_of(doc, n);
	ck_assert_msg(!strcmp(got, r->expect),
		      "row %d \"%s\": got \"%s\", expected \"%s\"", _i, r->item,
		      got, r->expect);
	/* the nodes table shows the same */
	char *tsv = tu_render(doc, GW_TABLE_NODES);
	ck_assert_str_eq(tu_field(tsv, 1, 1), "1.1");
	ck_assert_str_eq(tu_field(tsv, 1, 9), r->expect);
}
END_TEST

START_TEST(ranges_cover_every_deadline)
{
	gw_document *doc = tu_parse("2022年重点任务\n"
				    "一、深化改革。年底前完成。\n"
				    "（一）推进改革。9月底前完成。\n"
				    "（二）加强监管。\n"
				    "二、加强保障。到2025年底，全面建成。\n");
	size_t total = 0;
	for (const gw_node *n = doc->root.first_child; n;
	     n = gw_node_next_preorder(n))
		total += n->deadlines.count;
	ck_assert_uint_eq(total, GW_COUNT(doc, deadlines, gw_deadline));
	ck_assert_uint_eq(total, 3);
	ck_assert_str_eq(deadlines_of(doc, tu_node(doc, "1")),
			 "2022-12-31|年底前");
	ck_assert_str_eq(deadlines_of(doc, tu_node(doc, "1.1")),
			 "2022-09-30|9月底前");
	ck_assert_str_eq(deadlines_of(doc, tu_node(doc, "1.2")), "");
	ck_assert_str_eq(deadlines_of(doc, tu_node(doc, "2")),
			 "2025-12-31|到2025年底");
}
END_TEST

START_TEST(same_deadline_once_per_node)
{
	gw_document *doc = tu_parse("2022年重点任务\n"
				    "一、深化改革\n"
				    "（一）年底前启动试点，年底前完成评估。\n"
				    "二、加强保障\n");
	ck_assert_str_eq(deadlines_of(doc, tu_node(doc, "1.1")),
			 "2022-12-31|年底前");
}
END_TEST

START_TEST(month_last_day)
{
	ck_assert_int_eq(gw_month_last_day(2024, 2), 29);
	ck_assert_int_eq(gw_month_last_day(2023, 2), 28);
	ck_assert_int_eq(gw_month_last_day(2000, 2), 29);
	ck_assert_int_eq(gw_month_last_day(1900, 2), 28);
	ck_assert_int_eq(gw_month_last_day(2022, 4), 30);
	ck_assert_int_eq(gw_month_last_day(2022, 12), 31);
}
END_TEST

Suite *dates_suite(void)
{
	Suite *s = suite_create("dates");
	TCase *tc;

	tc = tcase_create("table");
	tu_fixture(tc);
	tcase_add_loop_test(tc, resolution_table, 0, NROWS);
	suite_add_tcase(s, tc);

	tc = tcase_create("nodes");
	tu_fixture(tc);
	tcase_add_test(tc, ranges_cover_every_deadline);
	tcase_add_test(tc, same_deadline_once_per_node);
	tcase_add_test(tc, month_last_day);
	suite_add_tcase(s, tc);
	return s;
}
