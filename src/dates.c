/* dates.c — see dates.h. */
#include "dates.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numeral.h"
#include "utf8.h"

/* The pattern's capture groups, in the order they open. */
enum {
	G_STRIVE = 1,	 /* 力争 before a year */
	G_BY,		 /* 到 至 截至 截止(到) 不晚于 不迟于 */
	G_FIRST_YEAR,	 /* the first year of a range: 2024—2025年 */
	G_YEAR,		 /* the year written (a range's last) */
	G_FIRST_MONTH,	 /* …the first month of a range in it: 2025年1—6月 */
	G_YEAR_MONTH,	 /* …and a month of it (a range's last) */
	G_YEAR_DAY,	 /* …and a day */
	G_YEAR_PART,	 /* …or a part of it: 上半年 第三季度 年底 年初 春季
			  * 汛期(前) 国庆节(前), or of its month: 底 中旬 */
	G_YEAR_BOUND,	 /* 前 之前 内 年内 after it (2024年年内: one phrase) */
	G_STRIVE_AFTER,	 /* 力争 after it */
	G_NO_LATER,	 /* 不晚于 不迟于 before a month without a year */
	G_MONTH_YEAR,	 /* 今年 次年 … before a month without a year */
	G_MONTH,	 /* a month without a year */
	G_MONTH_DAY,	 /* …and a day */
	G_MONTH_END,	 /* …and its end word: 底前 底 末 前 底之前 中旬前 */
	G_RANGE_FIRST,	 /* a range of months without a year: 4月至10月 */
	G_RANGE_LAST,	 /* …its later month */
	G_YEAR_END,	 /* 年底前 年内 (with 本 今 本年 今年) */
	G_PART,		 /* 上半年 下半年 第N季度 without a year */
	G_FIELD_DATE,	 /* after 完成时限：, the date written: */
	G_FIELD_YEAR,	 /* …a year, */
	G_FIELD_MONTH,	 /* …a month (a range's last) */
	G_FIELD_DAY,	 /* …and a day: the field is the bound */
	G_WORD_PERIOD,	 /* 今年 次年 … before a period: 今年汛期前 今年秋季,
			  * or 年中前 汛期前 alone */
	G_THIS_STRIVE,	 /* 力争 before … */
	G_THIS_YEAR,	 /* 今年 本年 alone: the plan year */
	G_HOLIDAY,	 /* 国庆节前 (30 September), 春节前 (no fixed day) */
	G_PLAN_NUMBER,	 /* the N of a five-year plan's period: “十四五”期间 */
	G_REL_MONTH,	 /* 本月 下月: the notice's month or the next */
	G_REL_DAY	 /* …and a day of it */
};

/* Numbers as Arabic digits or Chinese numerals (二〇二五年十月底前). */
#define CN_D "[〇零一二三四五六七八九]"
#define DIGIT "[0-9０-９]"
#define MONTH DIGIT "{1,2}|十[一二]?|[一二三四五六七八九]"
#define DAY DIGIT "{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
#define YEAR "(?:[1１][9９]|[2２][0０])" DIGIT "{2}|二〇" CN_D CN_D
/* A quarter, or a list or range of them (二、三季度 一至三季度): the last. */
#define QUARTER "第?[一二三四1-4１-４]"
#define QUARTER_SEP "(?:、|和|及|至|到|—{1,2}|[-–－~～])"
#define PART                                                               \
	"上半年|下半年|" QUARTER "(?:" QUARTER_SEP QUARTER ")*季度(?:末|底)?"
/* Kept in the raw phrase: 第三季度前 三季度末前 9月底之前 年底以前;
 * not the 前 of 前期 (上半年前期工作) nor the 内 of 内部 (2024年内部审计). */
#define BEFORE "之前|以前|前(?!期)"
#define WITHIN "内(?!部)"
/* A month's ten days: 上旬 ends on the 10th, 中旬 the 20th, 下旬 with
 * the month; like 底, a bound with or without 前. */
#define TEN_DAYS "[上中下]旬"
/* …or a range of them in one month (3月中旬至下旬), which ends with the
 * later; a range across months (2026年3月中旬至4月上旬) is a range of
 * months whose first part ends in its ten days. */
#define TEN_RANGE "(?:" TEN_DAYS YEAR_TO ")?" TEN_DAYS
/* A period of a year written before it: 2026年初 2025年年中 2025年春季;
 * 汛期, 国庆节 and 春节 only with the 前 that makes them a bound
 * (2025年汛期前).  Not the 初 of 初步 初见成效 …, nor the 中 of 中央. */
#define PERIOD                                                             \
	"年?初(?![步级中期见次审稿心选])|年中(?!央)|[春夏秋冬]季|"           \
	"(?:汛期|汛|国庆节|春节)(?=" BEFORE ")"
/* Between the years of a range: 2024—2025年 2024年至2025年 2024-2025年. */
/* The first part of a range that ends in a later month's ten days
 * ends in its own ten days or its end: 2026年3月中旬至4月上旬,
 * 2025年11月底至12月上旬 (one deadline, the later). */
#define FIRST_END "(?:" TEN_DAYS "|底|末)"
/* The later month of a range may be the next year's (11月至次年3月,
 * 2025年11月—翌年2月): the range ends in that year. */
#define NEXT_YEAR "(?:次年|翌年|明年)?"
/* 不晚于 不迟于 (no later than) make the date after them a bound, as 前
 * after it does: 不晚于2025年9月 不迟于6月30日. */
#define NO_LATER "不晚于|不迟于"
#define YEAR_TO "\\s*(?:—{1,2}|[-–－~～至到])\\s*"
/* A deadline field's label (完成时限： 完成时间： 截止日期： 时间节点：): the
 * field is the bound, so a bare date after it is the deadline, and of a
 * range (3月1日至3月15日, 2024年3月—6月) its end.  The last alternative, and
 * one that starts with the label's first character, so that it costs
 * nothing where no label is. */
#define FIELD_DATE                                                         \
	"(?:时限|时间|期限|日期|节点)[：:]\\s*((?:(" YEAR ")年)?(?:(?:" MONTH    \
	")月(?:(?:" DAY ")日|" TEN_DAYS ")?" YEAR_TO ")?(" MONTH ")月"          \
	"(?:(" DAY ")日)?(?:(?:底|末)?(?:" BEFORE ")|" TEN_RANGE "(?:" BEFORE \
	")?)?)"
/* The period of the Nth five-year plan (“十四五”期间 到“十四五”末 十三五时期),
 * N written 十 to 十九; not 二十五期 (a numeral before it) nor “十四五”规划
 * alone (no 期间, 时期 or 末). */
#define FIVE_YEAR_PLAN                                                     \
	"(?:到|至)?[“\"]?(?<![〇零一二三四五六七八九十百第])"                 \
	"(十[一二三四五六七八九]?)五[”\"]?(?:规划)?(?:期间|时期|末期?)"        \
	"(?:" BEFORE ")?"
static const char deadline_pattern[] =
	"(力争)?(到|至|截至|截止到|截止|" NO_LATER ")?"
	"(?:(" YEAR ")年?(?:底|末|(?:" MONTH ")月(?:" FIRST_END ")?)?" YEAR_TO
	")?"
	"(" YEAR ")年"
	"(?!度|以来|起|开始|以后|之后|以前的|来|至今|是)"
	"(?:(?:(" MONTH ")(?:月" FIRST_END "|月?)" YEAR_TO NEXT_YEAR ")?"
	"(" MONTH ")月(?:(" DAY ")日)?)?"
	"(" PART "|年?(?:底|末)|" PERIOD "|(?<=月)" TEN_RANGE ")?"
	"(" BEFORE "|年?" WITHIN ")?(力争)?"
	/* a month of every year (每年1月15日前 每年3月底前) is a cadence, not
	 * a deadline, as 每年底 is */
	"|(?<!每年|每年的)(?<no_later>" NO_LATER ")?(今年|本年|当年|次年|明年)?"
	"(?:(?:" MONTH ")月" FIRST_END YEAR_TO ")?"
	"(" MONTH ")月(?:份)?(?:(" DAY ")日)?"
	/* after 不晚于, the date alone is the bound (不迟于6月30日) */
	"((?(<no_later>)(?:底|末|" TEN_RANGE ")?(?:" BEFORE ")?|"
	"(?:(?:底|末|" TEN_RANGE ")(?:" BEFORE ")?|" BEFORE ")))"
	/* 4月至10月 5—10月 without a year, not a yearly season (每年4月至10月)
	 * nor an age (6—12月龄) */
	"|(?<![0-9０-９]|每年)(" MONTH ")月?" YEAR_TO NEXT_YEAR "(" MONTH ")月(?!龄)"
	"(?:份|底|末)?(?:" BEFORE ")?"
	"|(?<![0-9０-９一二三四五六七八九十两几多数每近])"
	"((?:本年|今年|当年|次年|明年|本|今|当|次|明)?年(?:(?:底|末)(?:" BEFORE ")?|"
	WITHIN "))"
	"|(?<!每年|每年的|每年第|每年的第)((?:今年|本年|当年|次年|明年)?(?:" PART ")(?:" BEFORE ")?)"
	"|" FIELD_DATE
	"|((?:今年|本年|当年|次年|明年)(?:" PERIOD ")(?:" BEFORE ")?|"
	/* …or without a year, 年中 and the flood season with the 前 that
	 * makes them a bound (年中前 汛期前 汛前), as 春节前 is, where
	 * they open a clause (resolve) */
	"(?<![0-9０-９〇零一二三四五六七八九十两几多数每近全年])"
	"(?:年中|汛期|汛)(?:" BEFORE "))"
	/* 今年完成…, 力争今年…: the plan year, as a bare year would be */
	"|(力争)?(今年|本年)(?!度|以来|起|开始|是|年|上|下|第|底|末|内|前|"
	"[0-9０-９一二三四五六七八九十])"
	"|(国庆节|春节)(?:" BEFORE ")"
	"|";
/* …its last alternatives, apart because C11 compilers need not take a
 * string literal of more than 4095 characters: a five-year plan's
 * period, and 本月底前 下月10日前 本月内, counted from the date line's
 * month */
static const char tail_pattern[] =
	FIVE_YEAR_PLAN
	"|(本月|下月)(?:(" DAY ")日)?(?:(?:底|末)(?:" BEFORE ")?|" BEFORE "|"
	WITHIN ")";

int gw_dates_patterns_init(gw_dates_patterns *p, gw_diag *diag)
{
	char *both = malloc(sizeof deadline_pattern + sizeof tail_pattern);
	if (!both) {
		p->deadline = NULL;
		return -1;
	}
	memcpy(both, deadline_pattern, sizeof deadline_pattern - 1);
	memcpy(both + sizeof deadline_pattern - 1, tail_pattern,
	       sizeof tail_pattern);
	p->deadline = gw_re_new(both, 0, diag);
	free(both);
	return p->deadline ? 0 : -1;
}

void gw_dates_patterns_free(gw_dates_patterns *p)
{
	gw_re_free(p->deadline);
	p->deadline = NULL;
}

int gw_month_last_day(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return days[month - 1];
}

static int number_at(const char *s, const gw_match *m, int g)
{
	int v = 0;
	size_t n = gw_match_len(m, g);
	if (gw_arabic_number(s + m->start[g], n, 4, &v) == n)
		return v;
	gw_cn_date_number(s + m->start[g], n, &v);
	return v;
}

static int group_is(const char *s, const gw_match *m, int g, const char *w)
{
	size_t k = strlen(w);
	return gw_match_len(m, g) >= k && !memcmp(s + m->start[g], w, k);
}

/* Offsets in a node's text where one of its logical lines begins (after
 * the first): a line of its own opens a clause even when the line before
 * it, a heading, ends without punctuation. */
typedef struct line_starts {
	const size_t *at;
	size_t n;
} line_starts;

/* Does a clause begin at s[at]?  (start of the text or of a line, or
 * after 。；，：) */
static int clause_start(const char *s, const line_starts *ls, size_t at)
{
	if (at == 0)
		return 1;
	for (size_t k = 0; k < ls->n; k++)
		if (ls->at[k] == at)
			return 1;
	size_t st;
	int32_t cp = gw_utf8_prev(s, at, &st);
	return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF0C || cp == 0xFF1A ||
	       cp == ',' || cp == ';' || cp == ':' || cp == 0xFF09 || cp == ')';
}

typedef struct when {
	int year, month, day; /* day 0: the month's last */
	int moves; /* no fixed end (春节前 汛期前 冬季): no ISO date */
} when;

/* The quarter 1..4 a numeral names (一 1 １), 0 for none. */
static int quarter_numeral(int32_t cp)
{
	if (cp >= '1' && cp <= '4')
		return cp - '0';
	if (cp >= 0xFF11 && cp <= 0xFF14) /* １ … ４ */
		return cp - 0xFF10;
	switch (cp) {
	case 0x4E00: return 1; /* 一 */
	case 0x4E8C: return 2; /* 二 */
	case 0x4E09: return 3; /* 三 */
	case 0x56DB: return 4; /* 四 */
	default: return 0;
	}
}

/* The last month of 上半年 / 下半年 / 第N季度 / 年底 in s[g]. */
static int part_month(const char *s, const gw_match *m, int g)
{
	gw_str t = gw_str_make(s + m->start[g], gw_match_len(m, g));
	if (gw_find(t.ptr, t.len, 0, "上半年") != SIZE_MAX) /* 上半年之前 too */
		return 6;
	int last = 12; /* 下半年, 年底 */
	size_t i = 0;
	while (i < t.len) { /* of 二、三季度, the last quarter */
		int32_t cp = gw_utf8_next(t.ptr, t.len, &i);
		int q = quarter_numeral(cp);
		if (q)
			last = q * 3;
	}
	return last;
}

/* Does s[g] hold the word w? */
static int group_holds(const char *s, const gw_match *m, int g, const char *w)
{
	return gw_find(s + m->start[g], gw_match_len(m, g), 0, w) != SIZE_MAX;
}

/* A period of a year (G_YEAR_PART) other than a half, a quarter or its
 * end: its last month and day (day 0: the month's last), or month 0 when
 * its end is not fixed. */
typedef struct period_end {
	const char *word;
	int month, day;
} period_end;

static const period_end period_ends[] = {
	{"初", 3, 0},	 /* 年初: the first quarter */
	{"年中", 6, 0},	 /* the middle of the year: 30 June */
	{"春季", 5, 0},	 /* spring is March to May */
	{"夏季", 8, 0},	 /* summer June to August */
	{"秋季", 11, 0}, /* autumn September to November */
	{"冬季", 0, 0},	 /* winter runs into the next year */
	{"汛", 0, 0},	 /* the flood season begins when and where it does */
	{"国庆节", 9, 30},
	{"春节", 0, 0}, /* lunar */
};

/* Sets w's month and day for the part or period in s[g]; 0 when it has
 * no fixed end. */
static int year_part_end(const char *s, const gw_match *m, int g, when *w)
{
	for (size_t k = 0; k < sizeof period_ends / sizeof *period_ends; k++) {
		const period_end *pe = &period_ends[k];
		if (group_holds(s, m, g, pe->word)) {
			w->month = pe->month;
			w->day = pe->day;
			return pe->month != 0;
		}
	}
	w->month = part_month(s, m, g);
	return 1;
}

/* Does a range of months end in the next year (11月至次年3月)?  The
 * range's own 次年 翌年 明年 is its only year word. */
static int ends_next_year(const char *s, const gw_match *m)
{
	size_t n = m->end[0] - m->start[0];
	return gw_find(s + m->start[0], n, 0, "次年") != SIZE_MAX ||
	       gw_find(s + m->start[0], n, 0, "翌年") != SIZE_MAX ||
	       gw_find(s + m->start[0], n, 0, "明年") != SIZE_MAX;
}

/* A range of months (2025年1—6月, 2025年3月—4月, 2025年5月至2026年12月)
 * is a span of work, bounded by its end, as a part of a year is. */
static int month_range(const gw_match *m)
{
	return gw_match_has(m, G_YEAR_MONTH) &&
	       (gw_match_has(m, G_FIRST_MONTH) || gw_match_has(m, G_FIRST_YEAR));
}

static int resolve_year_form(const char *s, const line_starts *ls,
			     const gw_match *m, int plan_year, when *w)
{
	int bounded = gw_match_has(m, G_STRIVE) || gw_match_has(m, G_BY) ||
		      gw_match_has(m, G_YEAR_PART) || month_range(m) ||
		      gw_match_has(m, G_YEAR_BOUND) ||
		      gw_match_has(m, G_STRIVE_AFTER);
	/* 2022年6月 is a date; mid-clause, 2022年 is a year and 2024—2026年
	 * a period (全市2024—2026年累计投入…, 制定2024—2025年工作方案). */
	if (!bounded && (gw_match_has(m, G_YEAR_MONTH) ||
			 !clause_start(s, ls, m->start[0])))
		return 0;
	w->year = number_at(s, m, G_YEAR);
	if (gw_match_has(m, G_FIRST_MONTH) && ends_next_year(s, m))
		w->year++; /* 2025年11月至次年3月 ends in 2026 */
	/* A range allows everything up to the end of its later year. */
	if (gw_match_has(m, G_FIRST_YEAR) &&
	    number_at(s, m, G_FIRST_YEAR) > w->year)
		w->year = number_at(s, m, G_FIRST_YEAR);
	/* A year before the plan's, bare (2023年有4个部门未按要求…), as of
	 * (截至2023年底仍有…, also written 截止 截止到) or a span of its months (2023年1—6月，全省…),
	 * states a fact, not a deadline. */
	if (plan_year && w->year < plan_year &&
	    (!bounded || group_is(s, m, G_BY, "截至") ||
	     group_is(s, m, G_BY, "截止") || month_range(m)))
		return 0;
	if (gw_match_has(m, G_YEAR_MONTH)) {
		w->month = number_at(s, m, G_YEAR_MONTH);
		w->day = gw_match_has(m, G_YEAR_DAY)
				 ? number_at(s, m, G_YEAR_DAY)
				 : 0;
	} else if (gw_match_has(m, G_YEAR_PART) &&
		   !year_part_end(s, m, G_YEAR_PART, w)) {
		w->moves = 1; /* 2026年春节前: a deadline without a day */
		w->month = 12;
	}
	return 1;
}

/* The word that names the phrase's year (今年 本年 当年 明年 次年, 本 今
 * 当 次 明 before 年底, 今年 本年 当年 次年 明年 before a part): its first
 * character, 0 for none.  Then that word decides the year, not the
 * sentence's deadlines. */
static int32_t year_word(const char *s, const gw_match *m)
{
	int g = gw_match_has(m, G_MONTH_YEAR) ? G_MONTH_YEAR
		: gw_match_has(m, G_WORD_PERIOD) ? G_WORD_PERIOD
		: gw_match_has(m, G_THIS_YEAR) ? G_THIS_YEAR
		: gw_match_has(m, G_YEAR_END)  ? G_YEAR_END
		: gw_match_has(m, G_PART)      ? G_PART
					       : 0;
	if (!g)
		return 0;
	static const char *const words[] = {"本", "今", "当", "次", "明"};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (group_is(s, m, g, words[k])) {
			size_t i = 0;
			return gw_utf8_next(words[k], 3, &i);
		}
	return 0;
}

/* The year the word names: 本 今 the plan year, 明 the next; 当 (that
 * year) and 次 (the next) count from a year written earlier in the
 * sentence (2026年启动试点，次年6月底前完成: 2027), else from the plan
 * year; 0 when unknown. */
static int year_of_word(int32_t word, int plan_year, int written)
{
	int base = (word == 0x5F53 || word == 0x6B21) && written ? written /* 当 次 */
								  : plan_year;
	if (!base)
		return 0;
	return word == 0x6B21 || word == 0x660E ? base + 1 : base; /* 次 明 */
}

/* The last year of the Nth five-year plan: the third (1966—1970) and
 * every one since ends in 1955 + 5N (十四五: 2021—2025). */
static int five_year_plan_end(const char *s, const gw_match *m)
{
	int n = 0;
	gw_cn_number(s + m->start[G_PLAN_NUMBER], gw_match_len(m, G_PLAN_NUMBER),
		     &n);
	return 1955 + 5 * n;
}

/* The last day of the ten days the phrase names (6月中旬前: 20), 0 for
 * none or 下旬 (the month's last). */
static int ten_days_end(const char *s, const gw_match *m)
{
	size_t n = m->end[0] - m->start[0], last = SIZE_MAX, at = 0;
	while ((at = gw_find(s + m->start[0], n, at, "旬")) != SIZE_MAX)
		last = at, at += 3;
	if (last == SIZE_MAX || last < 3) /* of a range, the later */
		return 0;
	if (!memcmp(s + m->start[0] + last - 3, "上", 3))
		return 10;
	if (!memcmp(s + m->start[0] + last - 3, "中", 3))
		return 20;
	return 0;
}

/* Does s[at..len) begin with w? */
static int begins(const char *s, size_t len, size_t at, const char *w)
{
	size_t k = strlen(w);
	return len - at >= k && !memcmp(s + at, w, k);
}

/* How many times w occurs in the match. */
static int count_in_match(const char *s, const gw_match *m, const char *w)
{
	size_t n = m->end[0] - m->start[0], at = 0;
	int k = 0;
	while ((at = gw_find(s + m->start[0], n, at, w)) != SIZE_MAX)
		k++, at += strlen(w);
	return k;
}

/* Is the match a range (2025年1—6月, 2024—2025年, 完成时限：3月1日至3月15日,
 * 3月中旬至下旬)?  Its end bounds the work, wherever the work starts. */
static int is_range(const char *s, const gw_match *m)
{
	return month_range(m) || gw_match_has(m, G_FIRST_YEAR) ||
	       gw_match_has(m, G_RANGE_LAST) ||
	       count_in_match(s, m, "月") > 1 || count_in_match(s, m, "旬") > 1;
}

/* A date directly followed by a word that starts work (2025年3月启动,
 * 完成时限：2025年3月启动，6月底前出台清单, 2026年启动试点, 3月底部署,
 * 2025年3月起实施) says when the work begins, not when it must be done:
 * not a deadline, unless the phrase is a bound (3月底前启动, 年内启动,
 * 力争2025年启动, 到2025年开始) or a range, whose end bounds the work. */
static int starts_work(const char *s, size_t len, const gw_match *m)
{
	size_t end = m->end[0];
	if (end >= 3 && (!memcmp(s + end - 3, "前", 3) ||
			 !memcmp(s + end - 3, "内", 3)))
		return 0;
	if (gw_match_has(m, G_STRIVE) || gw_match_has(m, G_BY) ||
	    gw_match_has(m, G_STRIVE_AFTER) || gw_match_has(m, G_THIS_STRIVE) ||
	    gw_match_has(m, G_HOLIDAY) || is_range(s, m))
		return 0;
	/* a field's date ends before 底 or 末 (完成时限：2025年3月底启动) */
	if (begins(s, len, end, "底") || begins(s, len, end, "末"))
		end += 3;
	if (begins(s, len, end, "起草")) /* 起草 drafts */
		return 0;
	if (begins(s, len, end, "启动") || begins(s, len, end, "开始") ||
	    begins(s, len, end, "起"))
		return 1;
	/* 开展 and 部署 carry work out: after a month a step that begins
	 * (2025年3月开展摸底), after a year or a part of one the span it is
	 * done in (第三季度开展1次专项督查, 2026年开展试点) */
	return (gw_match_has(m, G_YEAR_MONTH) || gw_match_has(m, G_MONTH) ||
		gw_match_has(m, G_FIELD_MONTH)) &&
	       (begins(s, len, end, "开展") || begins(s, len, end, "部署"));
}

/* Is the match the base of a comparison (比2024年末增长10%, 较2023年底提高,
 * 与2024年底相比, 在2024年6月底基础上)?  Then it states where a quantity
 * stood, not when work is due. */
static int is_baseline(const char *s, size_t len, const gw_match *m)
{
	size_t at = m->start[0], end = m->end[0], st;
	if (at > 0) {
		int32_t cp = gw_utf8_prev(s, at, &st);
		if (cp == 0x6BD4 || cp == 0x8F83) /* 比 较 */
			return 1;
	}
	if (begins(s, len, end, "的"))
		end += 3;
	return begins(s, len, end, "相比") || begins(s, len, end, "比较") ||
	       begins(s, len, end, "相较") || begins(s, len, end, "基础上");
}

/* Is the match followed by 至今 or 以来 (2024年底至今, 2022年6月底以来)?
 * Then it opens a span that has run until now: a fact, not a deadline. */
static int states_since(const char *s, size_t len, const gw_match *m)
{
	return begins(s, len, m->end[0], "至今") ||
	       begins(s, len, m->end[0], "以来");
}

/* Resolve a match; 0 when it is not a deadline after all.  A phrase
 * without a year takes sentence_year (the year of the sentence's last
 * deadline written with one, 0 for none), else the plan year. */
/* 本月 or 下月 counted from the notice's date (ISO): w's year and
 * month, the year 0 when the date is unknown. */
static void relative_month(const char *s, const gw_match *m, gw_str date,
			   when *w)
{
	int y = 0, mo = 0;
	w->year = 0;
	w->month = 12;
	if (date.len < 7 ||
	    gw_arabic_number(date.ptr, 4, 4, &y) != 4 ||
	    gw_arabic_number(date.ptr + 5, 2, 2, &mo) != 2 || mo < 1 || mo > 12)
		return;
	if (group_is(s, m, G_REL_MONTH, "下") && ++mo > 12)
		mo = 1, y++;
	w->year = y;
	w->month = mo;
}

static int resolve(const char *s, const line_starts *ls, const gw_match *m,
		   int plan_year, gw_str date, int sentence_year, int written,
		   when *w)
{
	int32_t word = year_word(s, m);
	w->year = word		      ? year_of_word(word, plan_year, written)
		  : sentence_year ? sentence_year
				  : plan_year;
	w->month = 12;
	w->day = 0;
	w->moves = 0;
	if (gw_match_has(m, G_FIELD_MONTH)) {
		if (gw_match_has(m, G_FIELD_YEAR))
			w->year = number_at(s, m, G_FIELD_YEAR);
		w->month = number_at(s, m, G_FIELD_MONTH);
		w->day = gw_match_has(m, G_FIELD_DAY)
				 ? number_at(s, m, G_FIELD_DAY)
				 : 0;
	} else if (gw_match_has(m, G_YEAR)) {
		if (!resolve_year_form(s, ls, m, plan_year, w))
			return 0;
	} else if (gw_match_has(m, G_MONTH)) {
		w->month = number_at(s, m, G_MONTH);
		w->day = gw_match_has(m, G_MONTH_DAY)
				 ? number_at(s, m, G_MONTH_DAY)
				 : 0;
	} else if (gw_match_has(m, G_RANGE_LAST)) {
		w->month = number_at(s, m, G_RANGE_LAST);
		if (ends_next_year(s, m)) {
			if (w->year)
				w->year++;
		} else if (number_at(s, m, G_RANGE_FIRST) >= w->month) {
			return 0; /* 11—2月 runs into a year not written */
		}
	} else if (gw_match_has(m, G_WORD_PERIOD)) {
		/* without a year word, only opening a clause (汛期前完成…),
		 * not as a modifier (开展汛前检查) */
		if (!word && !clause_start(s, ls, m->start[0]))
			return 0;
		if (!year_part_end(s, m, G_WORD_PERIOD, w)) {
			w->moves = 1; /* 今年汛期前: a deadline without a day */
			w->month = 12;
		}
	} else if (gw_match_has(m, G_PART)) {
		w->month = part_month(s, m, G_PART);
	} else if (gw_match_has(m, G_HOLIDAY)) {
		/* National Day is 1 October; the Spring Festival moves with
		 * the lunar calendar: a deadline with no day (iso empty) */
		w->moves = group_is(s, m, G_HOLIDAY, "春节");
		w->month = 9;
		w->day = 30;
	} else if (gw_match_has(m, G_REL_MONTH)) {
		relative_month(s, m, date, w);
		w->day = gw_match_has(m, G_REL_DAY) ? number_at(s, m, G_REL_DAY)
						    : 0;
	} else if (gw_match_has(m, G_PLAN_NUMBER)) {
		w->year = five_year_plan_end(s, m);
		if (plan_year && w->year < plan_year)
			return 0; /* “十三五”期间 in a 2025 plan: a fact */
	} else if (gw_match_has(m, G_THIS_YEAR) &&
		   !gw_match_has(m, G_THIS_STRIVE) &&
		   !clause_start(s, ls, m->start[0])) {
		return 0; /* mid-clause, 今年 is a time, as a year is */
	}
	if (!w->day)
		w->day = ten_days_end(s, m);
	if (w->month < 1 || w->month > 12)
		return 0;
	if (w->year && w->day > gw_month_last_day(w->year, w->month))
		return 0;
	return w->day >= 0 && w->day <= 31;
}

static int same_deadline(const gw_deadline *a, const gw_deadline *b)
{
	return !strcmp(a->iso, b->iso) && a->raw.len == b->raw.len &&
	       !memcmp(a->raw.ptr, b->raw.ptr, a->raw.len);
}

/* A deadline already among the node's last DEDUPE_REACH is not added
 * again (bounded, so the pass stays linear). */
enum { DEDUPE_REACH = 64 };

static int add(gw_document *doc, size_t first, const gw_deadline *d)
{
	const gw_deadline *all = GW_ARRAY(doc, deadlines, gw_deadline);
	size_t n = GW_COUNT(doc, deadlines, gw_deadline);
	if (n - first > DEDUPE_REACH)
		first = n - DEDUPE_REACH;
	for (size_t i = first; i < n; i++)
		if (same_deadline(&all[i], d))
			return 0;
	return gw_push(&doc->deadlines_buf, d, sizeof *d);
}

/* Every deadline holds 年, 月, 季度, 节前, 汛期 or 汛前, or a plan's 五
 * (半年 holds 年);
 * the pattern is run only in a window around each of them, so the text
 * is scanned by a byte loop, not by the regex engine.  The longest start before the
 * first anchor is 力争截至二〇二四——二〇二五 (42 bytes). */
enum { BEFORE_ANCHOR = 48, AFTER_ANCHOR = 64 };

/* 年 (E5 B9 B4), 月 (E6 9C 88), 季度 (E5 AD A3 …), 节 before 前 之 以
 * (E8 8A 82: 国庆节前, 春节之前), 汛 before 期 前 (E6 B1 9B), 五 before ” 期 时 末 规 (E4 BA 94:
 * “十四五”期间): one forward scan
 * finds the next of them, testing two lead bytes, instead of a memmem per
 * literal; the position found is kept until it is passed. */
typedef struct anchors {
	size_t at; /* the next anchor at or after the last query, or SIZE_MAX */
	size_t scanned_from;
} anchors;

static size_t find_anchor(gw_str t, size_t from)
{
	const unsigned char *u = (const unsigned char *)t.ptr;
	size_t i = from;
	while (i + 3 <= t.len) { /* valid UTF-8: step a character at a time */
		unsigned c = u[i];
		if (c < 0xE0) {
			i += c < 0x80 ? 1 : 2;
			continue;
		}
		if (c >= 0xF0) {
			i += 4;
			continue;
		}
		uint32_t v = (uint32_t)c << 16 | (uint32_t)u[i + 1] << 8 | u[i + 2];
		if (v == 0xE5B9B4 || v == 0xE69C88) /* 年 月 */
			return i;
		if (v == 0xE88A82 && i + 6 <= t.len && /* 节前 节之前 节以前 */
		    (!memcmp(u + i + 3, "前", 3) || !memcmp(u + i + 3, "之", 3) ||
		     !memcmp(u + i + 3, "以", 3)))
			return i;
		if (v == 0xE6B19B && i + 6 <= t.len && /* 汛期 汛前 */
		    (!memcmp(u + i + 3, "期", 3) || !memcmp(u + i + 3, "前", 3)))
			return i;
		if (v == 0xE5ADA3 && i + 6 <= t.len && !memcmp(u + i, "季度", 6))
			return i;
		if (v == 0xE4BA94 && i + 6 <= t.len && /* 五” 五期 五时 五末 五规 */
		    (!memcmp(u + i + 3, "”", 3) || !memcmp(u + i + 3, "期", 3) ||
		     !memcmp(u + i + 3, "时", 3) || !memcmp(u + i + 3, "末", 3) ||
		     !memcmp(u + i + 3, "规", 3) || u[i + 3] == '"'))
			return i;
		i += 3;
	}
	return SIZE_MAX;
}

static void anchors_init(anchors *an, gw_str t)
{
	an->scanned_from = 0;
	an->at = find_anchor(t, 0);
}

static size_t next_anchor(anchors *an, gw_str t, size_t from)
{
	if (an->at < from || from < an->scanned_from) {
		an->at = find_anchor(t, from);
		an->scanned_from = from;
	}
	return an->at;
}

/* The next deadline at or after `from`; 0 when there is none. */
static int next_deadline(const gw_dates_patterns *p, anchors *an, gw_str t,
			 size_t from, gw_match *m)
{
	size_t a = from;
	while ((a = next_anchor(an, t, a)) != SIZE_MAX) {
		size_t start = a > from + BEFORE_ANCHOR ? a - BEFORE_ANCHOR : from;
		while (start > from && ((unsigned char)t.ptr[start] & 0xC0) == 0x80)
			start++;
		size_t end = t.len - a > AFTER_ANCHOR ? a + AFTER_ANCHOR : t.len;
		while (end < t.len && ((unsigned char)t.ptr[end] & 0xC0) == 0x80)
			end++;
		if (gw_re_search(p->deadline, t.ptr, end, start, m) &&
		    m->start[0] <= a)
			return 1;
		a += 3;
	}
	return 0;
}

/* Does a sentence end in s[from..to)?  (。；！？ and their ASCII forms,
 * or one of the node's lines beginning) */
static int sentence_ends(const char *s, const line_starts *ls, size_t from,
			 size_t to)
{
	for (size_t k = 0; k < ls->n; k++)
		if (ls->at[k] > from && ls->at[k] <= to)
			return 1;
	size_t i = from;
	while (i < to) {
		int32_t cp = gw_utf8_next(s, to, &i);
		if (cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 ||
		    cp == 0xFF1F || cp == ';' || cp == '!' || cp == '?')
			return 1;
	}
	return 0;
}

/* The year a phrase without one takes from its sentence: that of the
 * last deadline before it in the sentence written with a year. */
typedef struct sentence_year {
	int year;     /* 0: none yet */
	size_t since; /* where the search for a sentence end resumes */
} sentence_year;

static void sentence_year_advance(sentence_year *sy, const char *s,
				  const line_starts *ls, size_t to)
{
	if (sy->year && sentence_ends(s, ls, sy->since, to))
		sy->year = 0;
	if (to > sy->since)
		sy->since = to;
}

static int year_written(const gw_match *m)
{
	return gw_match_has(m, G_YEAR) || gw_match_has(m, G_FIELD_YEAR);
}

/* The value of a digit of a year (2 ２ 二 〇 零), -1 for none. */
static int year_digit(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19) /* ０ … ９ */
		return cp - 0xFF10;
	static const int32_t cn[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
				     0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
	for (int k = 0; k < 10; k++) /* 〇 一 … 九 */
		if (cp == cn[k])
			return k;
	return cp == 0x96F6 ? 0 : -1; /* 零 */
}

/* The year (1900…2099) written right before s[at], 0 for none. */
static int year_before(const char *s, size_t at)
{
	int y = 0, scale = 1;
	for (int k = 0; k < 4; k++) {
		if (at == 0)
			return 0;
		int d = year_digit(gw_utf8_prev(s, at, &at));
		if (d < 0)
			return 0;
		y += d * scale;
		scale *= 10;
	}
	size_t before;
	if (at > 0 && year_digit(gw_utf8_prev(s, at, &before)) >= 0)
		return 0; /* five digits or more */
	return y >= 1900 && y <= 2099 ? y : 0;
}

/* The last year written (20XX年, in a deadline or not: 2026年启动试点,
 * 制定2026年工作方案) in the sentence so far, which 当年 and 次年 count
 * from. */
typedef struct year_seen {
	int year;    /* 0: none in this sentence */
	size_t pos;  /* the text before pos has been read */
	size_t line; /* the next of the node's line starts */
} year_seen;

static void year_seen_advance(year_seen *ys, const char *s,
			      const line_starts *ls, size_t to)
{
	size_t i = ys->pos;
	while (i < to) {
		for (; ys->line < ls->n && ls->at[ys->line] <= i; ys->line++)
			ys->year = 0; /* a line begins: a new sentence */
		size_t at = i;
		int32_t cp = gw_utf8_next(s, to, &i);
		if (cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 ||
		    cp == 0xFF1F || cp == ';' || cp == '!' || cp == '?')
			ys->year = 0;
		else if (cp == 0x5E74) { /* 年 */
			int y = year_before(s, at);
			if (y)
				ys->year = y;
		}
	}
	if (i > ys->pos)
		ys->pos = i;
}

/* The year written in a match (its later one in a range), 0 for none. */
static int written_year(const char *s, const gw_match *m)
{
	if (gw_match_has(m, G_FIELD_YEAR))
		return number_at(s, m, G_FIELD_YEAR);
	if (!gw_match_has(m, G_YEAR))
		return 0;
	int y = number_at(s, m, G_YEAR);
	if (gw_match_has(m, G_FIRST_YEAR) && number_at(s, m, G_FIRST_YEAR) > y)
		y = number_at(s, m, G_FIRST_YEAR);
	return y;
}

static int scan(gw_document *doc, const gw_dates_patterns *p, gw_str t,
		const line_starts *ls, size_t first)
{
	gw_match m;
	size_t from = 0;
	anchors an;
	anchors_init(&an, t);
	sentence_year sy = {0, 0};
	year_seen ys = {0, 0, 0};
	while (from < t.len && next_deadline(p, &an, t, from, &m)) {
		when w;
		from = m.end[0] > m.start[0] ? m.end[0] : m.start[0] + 1;
		sentence_year_advance(&sy, t.ptr, ls, m.start[0]);
		year_seen_advance(&ys, t.ptr, ls, m.start[0]);
		/* 落实《2030年前碳达峰行动方案》: a cited title names another
		 * document, not this one's deadline, nor its year */
		if (gw_in_cited_title(t.ptr, t.len, m.start[0], m.end[0]) ||
		    is_baseline(t.ptr, t.len, &m) ||
		    states_since(t.ptr, t.len, &m))
			continue;
		if (starts_work(t.ptr, t.len, &m)) {
			/* not a deadline, but its year is the sentence's:
			 * 2026年3月启动，6月底前出台清单 */
			int y = written_year(t.ptr, &m);
			if (y) {
				sy.year = y;
				sy.since = m.end[0];
			}
			continue;
		}
		if (!resolve(t.ptr, ls, &m, doc->meta.plan_year, doc->meta.date,
			     sy.year, ys.year, &w))
			continue;
		if (year_written(&m)) {
			sy.year = w.year;
			sy.since = m.end[0];
		}
		gw_deadline d;
		memset(&d, 0, sizeof d);
		if (w.year && !w.moves)
			snprintf(d.iso, sizeof d.iso, "%04d-%02d-%02d", w.year,
				 w.month,
				 w.day ? w.day : gw_month_last_day(w.year, w.month));
		int g = gw_match_has(&m, G_FIELD_DATE) ? G_FIELD_DATE : 0;
		d.raw = gw_str_make(t.ptr + m.start[g], m.end[g] - m.start[g]);
		if (add(doc, first, &d))
			return -1;
	}
	return 0;
}

/* The offsets where the node's own lines after the first begin. */
static int collect_line_starts(const gw_document *doc, const gw_node *n,
			       gw_buffer *buf, line_starts *ls)
{
	const gw_line *L = gw_doc_lines(doc);
	size_t text_at = (size_t)(n->text.ptr - doc->clean.data);
	buf->len = 0;
	for (size_t i = n->first_line + 1; i < n->first_line + n->nlines; i++) {
		if (L[i].deleted || L[i].node != n || L[i].start <= text_at)
			continue;
		size_t at = L[i].start - text_at;
		if (gw_push(buf, &at, sizeof at))
			return -1;
	}
	ls->at = (const size_t *)buf->data;
	ls->n = buf->len / sizeof(size_t);
	return 0;
}

gw_status gw_deadlines(gw_document *doc, const gw_dates_patterns *p)
{
	gw_buffer buf = {0};
	gw_status st = GW_OK;
	for (gw_node *n = doc->root.first_child; n && st == GW_OK;
	     n = (gw_node *)gw_node_next_preorder(n)) {
		size_t first = GW_COUNT(doc, deadlines, gw_deadline);
		n->deadlines.first = first;
		line_starts ls;
		if (!n->deleted && (collect_line_starts(doc, n, &buf, &ls) ||
				    scan(doc, p, n->text, &ls, first)))
			st = GW_ERR_NOMEM;
		n->deadlines.count = GW_COUNT(doc, deadlines, gw_deadline) - first;
	}
	gw_buffer_free(&buf);
	return st;
}
