/* targets.c — see targets.h. */
#include "targets.h"

#include <string.h>

#include "utf8.h"

#define DIGITS "[0-9０-９]"
#define NUMBER DIGITS "+(?:[.．]" DIGITS "+)?"
/* Classifiers and measures a quantity is counted in.  Not 年 月 日 号 岁:
 * those make dates, years, document numbers and ages; nor 周 before 岁
 * (80周岁, 年满18周岁: an age, not weeks); nor 处 of 处理 or 处置, 门 of
 * 门诊 or 门户, 部 of 部门 or 部委 (等7部门 counts departments with no
 * classifier: 3部 are three works, 3个部门 three departments).  届 of a year is a cohort (2024届毕业生: is_cohort). */
#define UNIT_WORD                                                          \
	"(?:个百分点|百分点|个月|个工作日|元|人次|家次|户次|场次|批次|"       \
	"架次|车次|人|个|家|所|"                                            \
	"名|张|次|类|例|项|台|辆|艘|架|座|床|间|户|件|套|支|种|级|县|乡|" \
	"村|分钟|小时|学时|课时|天|周|公里|千米|平方米|平方公里|公顷|"     \
	"立方米|厘米|毫米|米|千瓦时|千瓦|兆瓦|吨|公斤|千克|克|升|亩|斤|"   \
	"篇|份|册|场|期|批|轮|倍|栋|幢|条|位|剂|本|部(?![门委])|块|片|株|头|" \
	"只|分|"                                                            \
	"处(?![理置])|宗|门(?![诊户])|届|棵|羽|延米|标段)"
/* A classifier may give a second one in brackets, for what is counted
 * either way: 200台（套）, 500人（次）, 30个（家）. */
#define CLASSIFIER UNIT_WORD "(?:[（(]" UNIT_WORD "[）)])?"
#define UNIT                                                               \
	"(?:万亿|万|亿|千)?(?:" CLASSIFIER "|‰|%|％)|万亿|万|亿|"             \
	"/[0-9]{1,3}万(?:人)?"
/* A rate: per a classifier or measure (6.5万元/人, 50元/亩, 0.6元/千瓦时,
 * 1万元/台（套）), or per a period of time (/年, /月, /日, /季度, /床日). */
#define PER "(?:/(?:床日|" CLASSIFIER "|年|月|日|季度))?"
/* 日 is a unit only in a time limit, 15日内 or 30日以内 (3月15日 is a
 * date: see is_day_of_month). */
#define DAYS_WITHIN "日(?=以?内)"
/* What may not follow a quantity: a digit (but 5G), a year, an age, a
 * multiplier (1.3万亿斤 is not 1.3万). */
#define QUANTITY_END "(?![0-9０-９](?![A-Za-z])|年|岁|万|亿)"
/* The dash or word of a range: 2-3, 15—20, 2至3. */
#define RANGE_SEP "[-—–~～至到]"
/* Comparator words and signs; groups 1 (<=), 2 (>) and 3 (>=).  Less
 * than (低于, ＜) is <=: the spec has no comparator of its own for it;
 * a cap (最高 最多 至多 上限 封顶: 最高补助500万元) too. */
#define CMP_WORD                                                           \
	"(?:(不超过|不高于|不多于|控制在|最高|最多|至多|上限|封顶|"       \
	"低于|降低到|降低至|降至|下降到|"                                   \
	"下降至|减少到|减少至|减至|压缩到|压缩至|压减到|压减至|缩短到|"    \
	"缩短至|缩减到|缩减至|≤|⩽|<=|＜|<)|(超过|高于|多于|大于|突破|＞|>)|" \
	"(达到|不低于|不少于|提高到|提高至|增加到|增加至|"                 \
	"增长到|增长至|增至|提升到|提升至|≥|⩾|>=))"
/* Verbs of renovating what exists (改造 提升改造 升级改造 改建 改扩建
 * 维修 修缮 翻新): they add nothing. */
#define RENOVATE "改造|改建|改扩建|维修|修缮|翻新"
/* 新, new, but not the 新 that ends a word (更新 创新 刷新 革新 翻新 焕新
 * 换新 重新): 更新设备 is no 新设, 创新创业 no 新创, 技术革新建设 no 新建. */
#define NEW "(?<![更创刷革翻焕换重])新"
/* Building new and rebuilding together (新改建 新建改建 新建、改扩建
 * 新改扩建): partly new, so an increase. */
#define NEW_AND_REBUILD NEW "(?:建[、和及与]?)?改扩?建"
/* Over or under a base, then the number: the difference from it
 * (高于全县农民平均水平2个百分点).  Group 1: over; group 2: a level; group
 * 3: a whole region (全省), which before a share is the whole the share is
 * of (超过全国50%).  Not after 不 (不低于全省平均水平 states a level). */
#define OVER_BASE                                                          \
	"(?:((?<!不)(?:高于|超过|高出|快于|多于))|(?<!不)(?:低于|慢于|少于))" \
	"\\p{Han}{0,12}?(?:(平均水平|平均值|平均数|平均|水平|同期|上年|"  \
	"去年|上一年|标准)|(全国|全省|全市|全县|全区))$"
/* Than a base (比 or 较 and the base, up to sixteen characters; 同比 or
 * 环比, the base unwritten), then how it differs, right before the number
 * (了 or 约 between): the number is the difference (比2024年高5个百分点,
 * 较上年下降3%, 同比高0.8个百分点).  Not the 多 and 少 of 至多, 最少.
 * Group 1: over; group 2: under. */
#define THAN_GAP "[^，。；：,;:]"
#define THAN_BASE                                                          \
	"(?:[同环]比" THAN_GAP "{0,16}?|(?:比|较)" THAN_GAP "{1,16}?)"      \
	"(?:(高出?|(?<![至最])多出?|快|上升|回升|提高|提升|增长|增加|增多)|" \
	"(低|(?<![至最])少|慢|下降|降低|减少|回落))了?约?$"
/* A rate the number is given in: 每人每月 每人每年 每千人口. */
#define RATE "(?:每\\p{Han}{1,3}){1,3}"
/* The whole a share or multiple is of: 符合条件教师总数的 (10%). */
#define WHOLE_OF "\\p{Han}{0,12}的"

int gw_targets_patterns_init(gw_targets_patterns *p, gw_diag *diag)
{
	memset(p, 0, sizeof *p);
	p->quantity = gw_re_new(
		"(?<![0-9０-９.．A-Za-z/_@第每\\-—–~～])(?<!(?<![底末日度])前)(" NUMBER
		"(?:\\s*[%％]?\\s*" RANGE_SEP "\\s*" NUMBER ")?)\\s*("
		"(?:" UNIT "|" DAYS_WITHIN ")" PER ")" QUANTITY_END,
		0, diag);
	/* The upper end of a range whose lower end has its own unit:
	 * 1万—2万元, 5万至10万元, 5000万元—1亿元 (after 1万, 5万, 5000万元). */
	p->range_end = gw_re_new("\\s*" RANGE_SEP "\\s*(" NUMBER ")\\s*((?:" UNIT
				 ")" PER ")" QUANTITY_END,
				 GW_RE_ANCHORED, diag);
	/* Anchored at the end of the text before the quantity: a word, then
	 * up to three characters not ending in 的, or a rate; or 达, or 最低
	 * (>=) right before it: 最低2000元 is a floor, while in
	 * 最低工资标准2000元 or 最低生活保障对象300人 最低 names a thing. */
	p->before = gw_re_new(CMP_WORD "(?:\\p{Han}{0,3}(?<!的)|" RATE
			      ")$|(达|最低)$",
			      0, diag);
	p->share_of = gw_re_new(CMP_WORD WHOLE_OF "$", 0, diag);
	p->over_base = gw_re_new(OVER_BASE, 0, diag);
	p->than_base = gw_re_new(THAN_BASE, 0, diag);
	/* An increase verb governs a quantity later in its clause unless
	 * another verb of giving or of renovating (RENOVATE) or a 的 takes
	 * it as object first. */
	p->increase = gw_re_new(
		"(?:" NEW_AND_REBUILD "|增加|" NEW "[增建创设]|扩增|增设)"
		"(?![到至])"
		"(?:(?!资助|补助|奖励|给予|安排|投入|拨付|用于|达到|实现|"
		RENOVATE ")[^的，。；,;])*$",
		0, diag);
	/* A rise right before the quantity: 提高10个百分点, 增收2000元; not
	 * the 提升 of a renovation (改造提升1.8万亩 adds nothing). */
	p->renovate = gw_re_new(RENOVATE, 0, diag);
	p->rise = gw_re_new("(?:提高|(?<!改造)提升|增长|增收|增产)了?$", 0,
			    diag);
	/* A decrease verb governs a quantity close after it in its clause:
	 * 降低10个百分点, 压缩审批时间50%; to a level (降至) is <=. */
	p->decrease = gw_re_new("(?:降低|下降|减少|压减|缩减|削减|缩短|压缩|"
				"减低)了?(?![到至])[^的，。；,;0-9０-９]{0,8}$",
				0, diag);
	/* 由原来的3个工作日压缩至1个工作日, 从85%提高到90%: the first
	 * quantity is where things stand, the second the target. */
	p->from = gw_re_new("(?:由|从)[^，。；,;]{0,12}$", 0, diag);
	p->change_to = gw_re_new("[^，。；,;0-9０-９]{0,6}?(?:提高|增加|增长|提升|"
				 "上升|扩大|压缩|缩短|降低|减少|下降|压减|缩减|"
				 "降|升|增|减)(?:到|至)",
				 GW_RE_ANCHORED, diag);
	p->at_least = gw_re_new("(?:至少|最少)[^，。；,;0-9０-９]*$", 0, diag);
	/* 90%以上, 65%及以上, 5000万元（含）以上: the bound included */
	p->after = gw_re_new("(?:及|[（(]含[）)])?(以上|以下|以内)",
			     GW_RE_ANCHORED, diag);
	/* 10个工作日内, 15日内: within a time */
	p->within = gw_re_new("(?:个工作日|工作日|个月|小时|分钟|天|周|日)$", 0,
			      diag);
	if (!p->quantity || !p->before || !p->share_of || !p->over_base ||
	    !p->than_base ||
	    !p->increase ||
	    !p->rise || !p->renovate ||
	    !p->decrease || !p->after || !p->within || !p->at_least || !p->from ||
	    !p->change_to || !p->range_end) {
		gw_targets_patterns_free(p);
		return -1;
	}
	return 0;
}

void gw_targets_patterns_free(gw_targets_patterns *p)
{
	gw_re_free(p->quantity);
	gw_re_free(p->before);
	gw_re_free(p->share_of);
	gw_re_free(p->over_base);
	gw_re_free(p->than_base);
	gw_re_free(p->increase);
	gw_re_free(p->rise);
	gw_re_free(p->renovate);
	gw_re_free(p->decrease);
	gw_re_free(p->after);
	gw_re_free(p->within);
	gw_re_free(p->at_least);
	gw_re_free(p->from);
	gw_re_free(p->change_to);
	gw_re_free(p->range_end);
	memset(p, 0, sizeof *p);
}

static int is_clause_end(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == ';' || cp == 0xFF0C ||
	       cp == ',' || cp == 0xFF1A;
}

/* Start of the clause holding s[at] (after the last ，。；：). */
/* How far back a clause is looked for: comparator words sit in the
 * clause of their quantity, and the bound keeps text without any
 * punctuation (one 50 MB line) linear. */
enum { CLAUSE_REACH = 300 };

static size_t clause_from(gw_str t, size_t at)
{
	size_t i = at, stop = at > CLAUSE_REACH ? at - CLAUSE_REACH : 0;
	while (i > stop) {
		size_t st;
		if (is_clause_end(gw_utf8_prev(t.ptr, i, &st)))
			return i;
		i = st;
	}
	while (i < at && ((unsigned char)t.ptr[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* Parentheses and 《》 hold a context together; quotes do not, as they are
 * too often unbalanced in damaged text. */
static int opens_context(int32_t cp)
{
	return gw_is_open_paren(cp) || cp == 0x300A;
}

static int closes_context(int32_t cp)
{
	return gw_is_close_paren(cp) || cp == 0x300B;
}

static int ends_context(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == ';';
}

/* Walks a node's text once, tracking bracket depth, to give each
 * quantity its sentence or ；-clause (marks inside brackets not counting). */
typedef struct sentences {
	size_t pos;   /* scanned up to here */
	int depth;    /* bracket depth at pos */
	size_t start; /* start of the sentence holding pos */
	size_t end;   /* its end, once known (0: not yet) */
} sentences;

/* Step over one character at *i, updating depth; 1 at a sentence end. */
static int step_char(gw_str t, size_t *i, int *depth)
{
	unsigned char lead = (unsigned char)t.ptr[*i];
	if (lead >= 0xE4 && lead <= 0xE9 && *i + 3 <= t.len) {
		*i += 3; /* an ideograph */
		return 0;
	}
	int32_t cp = gw_utf8_next(t.ptr, t.len, i);
	if (opens_context(cp))
		(*depth)++;
	else if (closes_context(cp) && *depth > 0)
		(*depth)--;
	else if (*depth == 0 && ends_context(cp))
		return 1;
	return 0;
}

/* A context longer than this (a sentence that never ends, in damaged or
 * hostile text) is cut to a window around its quantity, so that the
 * targets table grows with the text, not with its square. */
enum { CONTEXT_MAX = 768 }; /* bytes: 256 CJK characters */

static size_t char_start(gw_str t, size_t i)
{
	while (i > 0 && i < t.len && ((unsigned char)t.ptr[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* [start, stop) narrowed to at most CONTEXT_MAX bytes, whole characters,
 * holding [at, end) near its middle (or the last such window). */
static gw_str window_of(gw_str t, size_t start, size_t stop, size_t at,
			size_t end)
{
	if (stop - start <= CONTEXT_MAX)
		return gw_str_make(t.ptr + start, stop - start);
	size_t half = (CONTEXT_MAX - (end - at)) / 2;
	size_t lo = at - start > half ? at - half : start;
	if (stop - lo < CONTEXT_MAX)
		lo = stop - CONTEXT_MAX;
	lo = char_start(t, lo);
	size_t hi = char_start(t, lo + CONTEXT_MAX);
	return gw_str_make(t.ptr + lo, hi - lo);
}

static gw_str context_of(gw_str t, size_t at, size_t end, sentences *sc)
{
	while (sc->pos < at) {
		if (step_char(t, &sc->pos, &sc->depth)) {
			sc->start = sc->pos;
			sc->end = 0;
		}
	}
	if (!sc->end || sc->end < end) {
		size_t b = end, j = end;
		int depth = sc->depth;
		while (j < t.len && !step_char(t, &j, &depth))
			b = j;
		sc->end = b; /* before the sentence end, or t.len */
	}
	return window_of(t, sc->start, sc->end, at, end);
}

/* Is the unit written another way than it is given: a full-width ％, or
 * the brackets of a second classifier in ASCII (台(套))? */
static int unit_needs_normalizing(gw_str u)
{
	if (u.len >= 3 && !memcmp(u.ptr + u.len - 3, "％", 3))
		return 1;
	return memchr(u.ptr, '(', u.len) != NULL;
}

/* The full-width ％ as %, the brackets of a second classifier full-width
 * (台(套) is 台（套）), so that one unit is written one way (a copy only
 * then). */
static gw_str normalize_unit(gw_document *doc, gw_str u)
{
	if (!unit_needs_normalizing(u))
		return u;
	char *out = gw_arena_alloc(&doc->arena, u.len * 3 + 1);
	if (!out)
		return gw_str_make(NULL, 0);
	size_t o = 0, i = 0;
	while (i < u.len) {
		size_t at = i;
		int32_t cp = gw_utf8_next(u.ptr, u.len, &i);
		if (cp == 0xFF05)
			out[o++] = '%';
		else if (cp == '(' || cp == ')')
			o += gw_utf8_encode(cp == '(' ? 0xFF08 : 0xFF09, out + o);
		else {
			memcpy(out + o, u.ptr + at, i - at);
			o += i - at;
		}
	}
	out[o] = '\0';
	return gw_str_make(out, o);
}

/* Digits to ASCII, dashes and 至/到 to '-', the % of a range's first
 * number dropped, the multipliers of a range across them kept
 * (5000万-1亿); a copy when anything changes. */
static gw_str normalize_value(gw_document *doc, gw_str v)
{
	int plain = 1;
	for (size_t i = 0; i < v.len && plain; i++)
		plain = (unsigned char)v.ptr[i] < 0x80 && v.ptr[i] != ' ' &&
			v.ptr[i] != '~' && v.ptr[i] != '%';
	if (plain)
		return v;
	char *out = gw_arena_alloc(&doc->arena, v.len + 1);
	if (!out)
		return gw_str_make(NULL, 0);
	size_t o = 0, i = 0;
	while (i < v.len) {
		int32_t cp = gw_utf8_next(v.ptr, v.len, &i);
		if (cp >= 0xFF10 && cp <= 0xFF19)
			out[o++] = (char)('0' + cp - 0xFF10);
		else if (cp == 0xFF0E)
			out[o++] = '.';
		else if (cp == 0x2014 || cp == 0x2013 || cp == '~' ||
			 cp == 0xFF5E || cp == 0x81F3 || cp == 0x5230)
			out[o++] = '-';
		else if (cp < 0x80 && cp != ' ' && cp != '%')
			out[o++] = (char)cp; /* 6%—7%: the unit once, after */
		else if (cp == 0x4E07 || cp == 0x4EBF) {
			memcpy(out + o, v.ptr + i - 3, 3); /* 万 亿 */
			o += 3;
		}
	}
	out[o] = '\0';
	return gw_str_make(out, o);
}

typedef struct scan_state {
	const char *prev_cmp; /* comparator of the previous quantity */
	size_t prev_end;      /* where it ended */
	sentences sc;
} scan_state;

/* A list (3级、4级, 100%和80%, 4级（其中…5级）) joins the quantities at
 * a and b: a 、 和 及 与 or an opening bracket between them, no clause
 * end, no verb of renovating (新建4个、改造120所: the second is not
 * new). */
static int list_continues(const gw_targets_patterns *p, gw_str t, size_t a,
			  size_t b)
{
	size_t i = a;
	int sep = 0;
	while (i < b) {
		int32_t cp = gw_utf8_next(t.ptr, b, &i);
		if (cp == 0x3001 || cp == 0xFF08 || cp == '(' || cp == 0x548C ||
		    cp == 0x53CA || cp == 0x4E0E) /* 、 （ 和 及 与 */
			sep = 1;
		else if (is_clause_end(cp))
			return 0;
	}
	return sep && !gw_re_search(p->renovate, t.ptr, b, a, NULL);
}

static const char *const at_least_cues[] = {"至少", "最少", NULL};
static const char *const increase_cues[] = {"增", "新", "扩", NULL};
static const char *const decrease_cues[] = {"降", "下", "减", "压", "缩", "削",
					     NULL};

/* Start of the last cue in t[from..to), or SIZE_MAX. */
static size_t last_cue(gw_str t, size_t from, size_t to,
		       const char *const *cues)
{
	size_t i = to;
	while (i > from) {
		size_t st;
		gw_utf8_prev(t.ptr, i, &st);
		i = st;
		for (const char *const *c = cues; *c; c++) {
			size_t k = strlen(*c);
			if (i + k <= to && !memcmp(t.ptr + i, *c, k))
				return i;
		}
	}
	return SIZE_MAX;
}

/* Does the pattern match from one of the last few cues up to `at`?  The
 * verb nearest the quantity governs it, so only the last three cues are
 * tried, each with one anchored match: linear in the clause.  The text
 * before the cue is seen by the pattern's lookbehinds (the 更 of 更新). */
static int governs(gw_re *re, gw_str t, size_t from, size_t at,
		   const char *const *cues)
{
	size_t to = at;
	for (int tries = 0; tries < 3; tries++) {
		size_t v = last_cue(t, from, to, cues);
		if (v == SIZE_MAX)
			return 0;
		if (gw_re_span(re, t.ptr, v, at, NULL))
			return 1;
		to = v;
	}
	return 0;
}

/* How far back comparator words are looked for: the longest word (three
 * characters) and the longest gap after it (a whole of twelve characters
 * and 的), three bytes each. */
enum { WORD_REACH = 16 * 3 };

/* A share or a multiple, which is of some whole: 10%, 5‰, 1.5倍 (the
 * unit already normalised: ％ is %). */
static int is_share(gw_str unit)
{
	static const char *const shares[] = {"%", "‰", "倍", NULL};
	for (const char *const *u = shares; *u; u++)
		if (unit.len == strlen(*u) && !memcmp(unit.ptr, *u, unit.len))
			return 1;
	return 0;
}

static const char *word_cmp(const gw_match *m)
{
	return gw_match_has(m, 1) ? "<=" : gw_match_has(m, 2) ? ">" : ">=";
}

/* How far back a comparison with a base is looked for: the word, twelve
 * characters and the base (four). */
enum { BASE_REACH = 18 * 3 };

/* + or - when the number is a difference over or under a base
 * (高于全省平均水平2个百分点, 低于全省平均水平10%), else NULL. */
static const char *over_base(const gw_targets_patterns *p, gw_str t,
			     size_t from, size_t at, gw_str unit)
{
	static const char *const ends[] = {"平", "均", "值", "数", "期", "年",
					   "准", "国", "省", "市", "县", "区",
					   NULL};
	const char *const *e = ends;
	if (at < from + 3)
		return NULL;
	while (*e && memcmp(t.ptr + at - 3, *e, 3))
		e++;
	if (!*e) /* the last character ends no base: most quantities */
		return NULL;
	size_t near = at > from + BASE_REACH ? at - BASE_REACH : from;
	while (near > from && ((unsigned char)t.ptr[near] & 0xC0) == 0x80)
		near++;
	gw_match m;
	if (!gw_re_search(p->over_base, t.ptr, at, near, &m) ||
	    (gw_match_has(&m, 3) && is_share(unit)))
		return NULL;
	return gw_match_has(&m, 1) ? "+" : "-";
}

/* How far back a comparison than a base is looked for: 比, sixteen
 * characters of the base, a word of two, 了 and 约. */
enum { THAN_REACH = 21 * 3 };

/* + or - when the number is how far it lies over or under a base it is
 * compared with (比2024年高5个百分点, 较上年少2家, 比上年回落1个百分点),
 * else NULL. */
static const char *than_base(const gw_targets_patterns *p, gw_str t,
			     size_t from, size_t at)
{
	size_t near = at > from + THAN_REACH ? at - THAN_REACH : from;
	while (near > from && ((unsigned char)t.ptr[near] & 0xC0) == 0x80)
		near++;
	if (gw_find(t.ptr, at, near, "比") == SIZE_MAX &&
	    gw_find(t.ptr, at, near, "较") == SIZE_MAX)
		return NULL;
	gw_match m;
	if (!gw_re_search(p->than_base, t.ptr, at, near, &m))
		return NULL;
	return gw_match_has(&m, 1) ? "+" : "-";
}

/* The comparator a word before the quantity at `at` gives, or NULL. */
static const char *word_before(const gw_targets_patterns *p, gw_str t,
			       size_t from, size_t at, gw_str unit)
{
	const char *margin = over_base(p, t, from, at, unit);
	if (margin)
		return margin;
	gw_match m;
	size_t near = at > from + WORD_REACH ? at - WORD_REACH : from;
	while (near > from && ((unsigned char)t.ptr[near] & 0xC0) == 0x80)
		near++;
	if (gw_re_search(p->before, t.ptr, at, near, &m))
		return word_cmp(&m);
	const char *diff = than_base(p, t, from, at);
	if (diff)
		return diff;
	/* Only a share reaches back across a 的-phrase: before a count 的
	 * makes a modifier (达到国家标准的3家医院 are three hospitals). */
	if (is_share(unit) && at >= 3 && !memcmp(t.ptr + at - 3, "的", 3) &&
	    gw_re_search(p->share_of, t.ptr, at, near, &m))
		return word_cmp(&m);
	return NULL;
}

/* Could a bound word (以上 及以上 （含）以上 …) start at `at`? */
static int may_be_bound_word(gw_str t, size_t at)
{
	static const char *const cues[] = {"以", "及", "（", "(", NULL};
	for (const char *const *c = cues; *c; c++) {
		size_t k = strlen(*c);
		if (at + k <= t.len && !memcmp(t.ptr + at, *c, k))
			return 1;
	}
	return 0;
}

/* Where the quantity ending at `end` ends with its bound word: its
 * （含） is no list bracket (5000万元（含）以上项目10个). */
static size_t past_bound_word(const gw_targets_patterns *p, gw_str t,
			      size_t end)
{
	gw_match m;
	if (may_be_bound_word(t, end) &&
	    gw_re_search(p->after, t.ptr, t.len, end, &m))
		return m.end[0];
	return end;
}

/* Does a rise (提高, 增收 …, with 了) end right before `at`? */
enum { RISE_REACH = 3 * 3 }; /* 提高了 */

static int rises_right_before(const gw_targets_patterns *p, gw_str t,
			      size_t from, size_t at)
{
	size_t near = at > from + RISE_REACH ? at - RISE_REACH : from;
	if (near >= at)
		return 0;
	size_t st;
	int32_t last = gw_utf8_prev(t.ptr, at, &st);
	if (last == 0x4E86 && st > near) /* 了 */
		last = gw_utf8_prev(t.ptr, st, &st);
	/* 高 升 长 收 产: the ends of the verbs, a cue for the pattern */
	if (last != 0x9AD8 && last != 0x5347 && last != 0x957F &&
	    last != 0x6536 && last != 0x4EA7)
		return 0;
	return gw_re_search(p->rise, t.ptr, at, near, NULL);
}

static const char *comparator(const gw_targets_patterns *p, gw_str t,
			      size_t at, size_t end, gw_str unit,
			      const scan_state *st)
{
	gw_match m;
	/* Each pattern runs only where its cue is (以, 至少, 增 …): most
	 * quantities have none of them, and a match call costs more than
	 * the search for a cue. */
	if (may_be_bound_word(t, end) &&
	    gw_re_search(p->after, t.ptr, t.len, end, &m))
		return memcmp(t.ptr + m.start[1], "以上", 6) ? "<=" : ">=";
	if (end + 3 <= t.len && !memcmp(t.ptr + end, "内", 3) &&
	    gw_re_search(p->within, unit.ptr, unit.len, 0, NULL))
		return "<=";
	size_t from = clause_from(t, at);
	const char *word = word_before(p, t, from, at, unit);
	if (word)
		return word;
	if (st->prev_cmp && st->prev_end <= at && st->prev_end > from &&
	    list_continues(p, t, st->prev_end, at))
		return st->prev_cmp;
	if (governs(p->at_least, t, from, at, at_least_cues))
		return ">=";
	if (governs(p->decrease, t, from, at, decrease_cues))
		return "-";
	if (rises_right_before(p, t, from, at) ||
	    governs(p->increase, t, from, at, increase_cues))
		return "+";
	return "=";
}

/* Is the quantity at [at, end) where things stand before a change to the
 * target (由原来的3个工作日压缩至…, 从85%提高到…)? */
static int is_baseline(const gw_targets_patterns *p, gw_str t, size_t at,
		       size_t end)
{
	size_t from = clause_from(t, at);
	if (gw_find(t.ptr, at, from, "由") == SIZE_MAX &&
	    gw_find(t.ptr, at, from, "从") == SIZE_MAX)
		return 0;
	return gw_re_search(p->from, t.ptr, at, from, NULL) &&
	       gw_re_search(p->change_to, t.ptr, t.len, end, NULL);
}

/* The next ASCII or full-width digit at or after `from` (or t.len): the
 * quantity pattern runs from there, not over the text before it. */
static size_t next_digit(gw_str t, size_t from)
{
	const unsigned char *u = (const unsigned char *)t.ptr;
	for (size_t i = from; i < t.len; i++) {
		if (u[i] >= '0' && u[i] <= '9')
			return i;
		if (u[i] == 0xEF && i + 2 < t.len && u[i + 1] == 0xBC &&
		    u[i + 2] >= 0x90 && u[i + 2] <= 0x99)
			return i;
	}
	return t.len;
}

/* A quantity as found: [at, end) of the text, value and unit as
 * written (value a copy when a range was joined). */
typedef struct quantity {
	size_t at, end;
	gw_str value, unit;
} quantity;

static gw_str group(gw_str t, const gw_match *m, int g)
{
	return gw_str_make(t.ptr + m->start[g], gw_match_len(m, g));
}

static int has_prefix(gw_str s, gw_str prefix)
{
	return prefix.len <= s.len && !memcmp(s.ptr, prefix.ptr, prefix.len);
}

/* Length of the multiplier a unit starts with (万元: 万), or 0.  Not 千,
 * which starts measures too (千米, 千瓦). */
static size_t multiplier_len(gw_str unit)
{
	static const char *const mults[] = {"万亿", "万", "亿", NULL};
	for (const char *const *u = mults; *u; u++)
		if (has_prefix(unit, gw_str_cstr(*u)))
			return strlen(*u);
	return 0;
}

/* lo "-" hi, each with its multiplier (mlo, mhi: empty when shared). */
static gw_str range_value(gw_document *doc, gw_str lo, gw_str mlo, gw_str hi,
			  gw_str mhi)
{
	size_t n = lo.len + mlo.len + 1 + hi.len + mhi.len;
	char *out = gw_arena_alloc(&doc->arena, n + 1);
	if (!out)
		return gw_str_make(NULL, 0);
	char *o = out;
	memcpy(o, lo.ptr, lo.len);
	memcpy(o += lo.len, mlo.ptr, mlo.len);
	*(o += mlo.len) = '-';
	memcpy(++o, hi.ptr, hi.len);
	memcpy(o += hi.len, mhi.ptr, mhi.len);
	return gw_str_make(out, n);
}

/* Does a range's upper end in `unit` share the unit of its lower end,
 * `lo`: the same (2家—3家), or the upper one's multiplier (1万—2万元) or
 * without its rate (500元至1000元/人)? */
static int same_unit(gw_str lo, gw_str unit)
{
	if (!has_prefix(unit, lo))
		return 0;
	return lo.len == unit.len || multiplier_len(lo) == lo.len ||
	       unit.ptr[lo.len] == '/';
}

/* Do the ends of a range in `lo` and `unit` differ in their multipliers
 * only, the lower one maybe without the rest (5000万元—1亿元,
 * 5000万—1亿元)? */
static int across_multipliers(gw_str lo, gw_str unit)
{
	size_t mlo = multiplier_len(lo), mhi = multiplier_len(unit);
	if (!mlo || !mhi || mhi == unit.len)
		return 0;
	return lo.len == mlo ||
	       (lo.len - mlo == unit.len - mhi &&
		!memcmp(lo.ptr + mlo, unit.ptr + mhi, unit.len - mhi));
}

/* Does a range's dash or word (RANGE_SEP) follow at `at`, maybe after
 * blanks?  Most quantities have none, and this costs less than a match. */
static int may_be_range_sep(gw_str t, size_t at)
{
	int32_t cp;
	do {
		if (at >= t.len)
			return 0;
		cp = gw_utf8_next(t.ptr, t.len, &at);
	} while (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000);
	return cp == '-' || cp == '~' || cp == 0x2014 || cp == 0x2013 ||
	       cp == 0xFF5E || cp == 0x81F3 || cp == 0x5230; /* —–～至到 */
}

/* A range whose lower end carries its own unit becomes one quantity:
 * 1万—2万元 and 1万元—2万元 are 1-2 万元; 5000万元—1亿元 and 5000万—1亿元,
 * across multipliers, are 5000万-1亿 元.  Two ends in units of their
 * own (3个—5家) stay apart.  -1 when out of memory. */
static int join_range(gw_document *doc, const gw_targets_patterns *p,
		      gw_str t, quantity *q)
{
	gw_match m;
	if (!may_be_range_sep(t, q->end) ||
	    !gw_re_search(p->range_end, t.ptr, t.len, q->end, &m))
		return 0;
	gw_str hi = group(t, &m, 1), unit = group(t, &m, 2);
	gw_str empty = gw_str_make("", 0);
	if (same_unit(q->unit, unit)) {
		q->value = range_value(doc, q->value, empty, hi, empty);
	} else if (across_multipliers(q->unit, unit)) {
		size_t mlo = multiplier_len(q->unit), mhi = multiplier_len(unit);
		q->value = range_value(doc, q->value,
				       gw_str_make(q->unit.ptr, mlo), hi,
				       gw_str_make(unit.ptr, mhi));
		unit = gw_str_make(unit.ptr + mhi, unit.len - mhi);
	} else {
		return 0;
	}
	if (!q->value.ptr)
		return -1;
	q->unit = unit;
	q->end = m.end[0];
	return 0;
}

/* Is the quantity a day of a month (3月15日内), not a time limit? */
static int is_day_of_month(gw_str t, const quantity *q)
{
	return q->unit.len == 3 && !memcmp(q->unit.ptr, "日", 3) && q->at >= 3 &&
	       !memcmp(t.ptr + q->at - 3, "月", 3);
}

/* Is the quantity a cohort named by its year (2024届毕业生), not a count
 * of sessions (连续3届)? */
static int is_cohort(const quantity *q)
{
	return q->unit.len == 3 && !memcmp(q->unit.ptr, "届", 3) &&
	       (q->value.len == 4 || q->value.len == 4 * 3); /* ２０２４ */
}

static int scan(gw_document *doc, const gw_targets_patterns *p, gw_str t)
{
	gw_match m;
	size_t from = 0;
	scan_state st = {NULL, 0, {0, 0, 0, 0}};
	while ((from = next_digit(t, from)) < t.len &&
	       gw_re_search(p->quantity, t.ptr, t.len, from, &m)) {
		quantity q = {m.start[0], m.end[0], group(t, &m, 1),
			      group(t, &m, 2)};
		if (join_range(doc, p, t, &q))
			return -1;
		from = q.end;
		if (gw_in_cited_title(t.ptr, t.len, q.at, q.end) || is_day_of_month(t, &q) || is_cohort(&q) ||
		    is_baseline(p, t, q.at, q.end))
			continue;
		gw_target tg;
		tg.unit = normalize_unit(doc, q.unit);
		if (!tg.unit.ptr)
			return -1;
		tg.cmp = comparator(p, t, q.at, q.end, tg.unit, &st);
		tg.value = normalize_value(doc, q.value);
		tg.context = context_of(t, q.at, q.end, &st.sc);
		if (!tg.value.ptr || gw_push(&doc->targets_buf, &tg, sizeof tg))
			return -1;
		st.prev_cmp = tg.cmp;
		st.prev_end = past_bound_word(p, t, q.end);
	}
	return 0;
}

gw_status gw_targets(gw_document *doc, const gw_targets_patterns *p)
{
	for (gw_node *n = doc->root.first_child; n;
	     n = (gw_node *)gw_node_next_preorder(n)) {
		size_t first = GW_COUNT(doc, targets, gw_target);
		n->targets.first = first;
		if (!n->deleted && scan(doc, p, n->text))
			return GW_ERR_NOMEM;
		n->targets.count = GW_COUNT(doc, targets, gw_target) - first;
	}
	return GW_OK;
}
