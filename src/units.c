/* units.c — see units.h. */
#include "units.h"

#include <string.h>

#include "utf8.h"

/* The suffixes Chinese government bodies are named with.  Strong ones
 * name a body of the state on their own (…委 …局 …厅); weak ones also end
 * ordinary nouns (…医院 …中心 …单位) and need company in a clause. */
#define STRONG_SUFFIX                                                      \
	"委员会|领导小组|联席会议|管委会|人民政府|政府|委|局|厅|办公室|办|" \
	"署|部|司|海关|总队|支队|法院|检察院|党委|工委|处|人大|政协"
#define WEAK_SUFFIX                                                        \
	"医院|学院|大学|学校|中心|机构|部门|单位|集团|公司|协会|学会|"     \
	"联合会|工会|妇联|残联|红十字会|银行|分行|医共体|院|所|站|组|会|" \
	"社|团|队|室|股|科"

/* A segment of a clause that says when, not who (（责任单位：市发改委，
 * 6月底前） （市大数据局负责，持续推进）): a date or period — 2025年底前,
 * 6月底前, 2025—2027年, 年内, 上半年, 第三季度, 每季度 — or a standing
 * duty — 长期坚持, 持续推进, 常态化开展. */
#define CN_NUM "[〇零一二三四五六七八九十]"
#define YEAR_NUM "(?:\\d{4}|" CN_NUM "{4})"
#define TIME_YEAR                                                          \
	"(?:" YEAR_NUM "(?:\\s*年)?\\s*[-—–~～至到]\\s*" YEAR_NUM "\\s*年|"  \
	YEAR_NUM "\\s*年|今年|明年|当年|次年|本年度?|年内|年度内|每年|全年)"
#define TIME_PART                                                          \
	"(?:(?:\\d{1,2}|" CN_NUM "{1,3})\\s*月份?(?:\\s*(?:\\d{1,2}|"      \
	CN_NUM "{1,3})\\s*日)?|[上下]半年|第?[一二三四1-4](?:[、，,]"      \
	"[一二三四1-4])*季度|每季度?|每半年|每月|每周|每旬|年|季度|月)"
#define TIME_SEGMENT                                                       \
	"^(?:(?:长期|持续|常态化|定期|经常性|逐年|分年度|分阶段|分步)"     \
	"(?:坚持|推进|开展|实施|落实|执行|进行)?|" TIME_YEAR "?\\s*"      \
	TIME_PART "?\\s*(?:底|末|中旬|上旬|下旬|中|初)?\\s*"               \
	"(?:前|以前|之前|内|以内|起|开始)?\\s*(?:完成|到位|落实到位)?)$"

/* What a unit that leads does: 牵头落实, 牵头抓总, 牵头推进 … are 牵头. */
#define LEAD_VERB                                                          \
	"负责|落实|抓总|推进|实施|组织实施|组织|协调|统筹|开展|办理|做好"

/* What a unit that supports does (市财政局给予资金保障): it is coop. */
#define SUPPORT_TAIL                                                       \
	"(?:给予|提供|做好|强化|加强)(?:资金|经费|财力|政策|技术|要素|用地|" \
	"人才|人员|数据)?(?:保障|支持)"
/* How a unit does its part, before its role word: 按职责配合, 积极配合,
 * 具体落实, 负责落实 (a name never ends so). */
#define ADVERB                                                             \
	"按(?:照)?职责(?:分工)?|按职能|依(?:据)?职责|根据职责(?:分工)?|"     \
	"积极|主动|全力|密切|大力|协同|具体|切实|认真|统一|负责"

/* What a label calls the bodies it names: 单位 部门, and inside one
 * department 科室 处室 (责任科室：党政办、社会事务办). */
#define LABEL_BODY "(?:单位|部门|科室|处室)"
/* …and the role it names them by (X为牵头单位，Y为配合单位). */
#define LABEL_ROLE "(?:牵头|配合|协办|协助|参与|责任|主办|主责)"

int gw_units_patterns_init(gw_units_patterns *p, gw_diag *diag)
{
	memset(p, 0, sizeof *p);
	p->suffix = gw_re_new("(?:" STRONG_SUFFIX "|" WEAK_SUFFIX ")$", 0, diag);
	p->strong = gw_re_new("(?:" STRONG_SUFFIX ")$", 0, diag);
	/* 各地 各乡镇 各区县: stand-ins for every local government. */
	p->collective = gw_re_new("各(?:地|级|省|市|州|县|区|乡|镇|街道)+",
				  GW_RE_ANCHORED, diag);
	p->role_tail = gw_re_new(
		"(?:按职责分工负责|按职责分工|按职责负责|分别牵头负责|分别牵头|"
		"(?:共同)?牵头(?:" LEAD_VERB ")|共同牵头|牵头|分别负责|共同负责|"
		"具体负责|负责|"
		"分别配合|配合|协助|参与|落实|指导|监督|督导|督促|"
		"(?:为|是|作为)" LABEL_ROLE LABEL_BODY "|" SUPPORT_TAIL ")$",
		0, diag);
	p->adverb = gw_re_new("(?:" ADVERB ")$", 0, diag);
	p->label = gw_re_new("(?:(牵头)|(配合|协办|协助|参与)|责任|主办|"
			     "主责|实施)" LABEL_BODY "\\s*[：:]\\s*",
			     GW_RE_ANCHORED, diag);
	p->label_any = gw_re_new("(?:牵头|配合|协办|协助|参与|责任|主办|主责)"
				 LABEL_BODY "\\s*[：:]",
				 0, diag);
	/* Another field of a task beside its units: 完成时限： 工作目标： */
	p->field = gw_re_new("\\p{Han}{2,6}\\s*[：:]", GW_RE_ANCHORED, diag);
	p->field_any = gw_re_new("\\p{Han}{2,6}\\s*[：:]", 0, diag);
	/* 排在第一位的 排第一位的 排名第一的 列第一位的 排名首位的 第一个 */
	p->lead_rule = gw_re_new("[，,]?\\s*(?:(?:排|列|位列|名列|排序|排名)在?"
				 "(?:第[一1]位?|首位|最前(?:面)?)(?:的)?|"
				 "(?:第[一1]|首)个)" LABEL_BODY
				 "?(?:为|是)牵头" LABEL_BODY
				 "(?:[，,]\\s*(?:其他|其余)(?:的)?" LABEL_BODY
				 "?均?(?:为|是)(配合|责任)" LABEL_BODY
				 ")?(?:[，,]\\s*下同)?",
				 0, diag);
	p->time_seg = gw_re_new(TIME_SEGMENT, 0, diag);
	p->standing = gw_re_new("以下[^，。；,;]{0,8}?均(?:需|由|须)(.+?)"
				"(?:负责|落实|承担)[，,]"
				"\\s*不再(?:一一|逐一|逐个|单独|另行)?列出",
				0, diag);
	if (!p->suffix || !p->strong || !p->collective || !p->role_tail ||
	    !p->label ||
	    !p->label_any || !p->lead_rule || !p->standing || !p->field ||
	    !p->field_any || !p->time_seg || !p->adverb) {
		gw_units_patterns_free(p);
		return -1;
	}
	return 0;
}

void gw_units_patterns_free(gw_units_patterns *p)
{
	gw_re_free(p->suffix);
	gw_re_free(p->strong);
	gw_re_free(p->collective);
	gw_re_free(p->role_tail);
	gw_re_free(p->label);
	gw_re_free(p->label_any);
	gw_re_free(p->lead_rule);
	gw_re_free(p->field);
	gw_re_free(p->field_any);
	gw_re_free(p->standing);
	gw_re_free(p->time_seg);
	gw_re_free(p->adverb);
	memset(p, 0, sizeof *p);
}

/* ---- brackets and splitting ----------------------------------------------- */

/* Offset just past the bracket that closes the one at s[open], or 0. */
/* A clause is short; the reach keeps unbalanced brackets from making the
 * scan quadratic (each unclosed bracket would read to the end). */
enum { CLAUSE_REACH = 4000 };

static size_t match_close(gw_str s, size_t open)
{
	int depth = 0;
	size_t i = open;
	size_t stop = s.len - open > CLAUSE_REACH ? open + CLAUSE_REACH : s.len;
	while (i < stop) {
		int32_t cp = gw_utf8_next(s.ptr, s.len, &i);
		if (gw_is_open_paren(cp))
			depth++;
		else if (gw_is_close_paren(cp) && --depth == 0)
			return i;
	}
	return 0;
}

static gw_str sub(gw_str s, size_t from, size_t to)
{
	return gw_str_make(s.ptr + from, to - from);
}

static gw_str trim(gw_str s)
{
	size_t a = 0, b = s.len;
	while (a < b) {
		size_t j = a;
		if (!gw_is_space(gw_utf8_next(s.ptr, b, &j)) && s.ptr[a] != ' ')
			break;
		a = j;
	}
	while (b > a) {
		size_t start;
		int32_t cp = gw_utf8_prev(s.ptr, b, &start);
		if (!gw_is_space(cp) && cp != ' ')
			break;
		b = start;
	}
	return sub(s, a, b);
}

/* Call fn on each piece of s between separators at bracket depth 0. */
typedef void (*piece_fn)(void *user, gw_str piece);

static void split_top(gw_str s, int (*is_sep)(int32_t), piece_fn fn,
		      void *user)
{
	int depth = 0;
	size_t i = 0, from = 0;
	while (i < s.len) {
		size_t at = i;
		int32_t cp = gw_utf8_next(s.ptr, s.len, &i);
		if (gw_outside_parens(cp, &depth) && is_sep(cp)) {
			fn(user, sub(s, from, at));
			from = i;
		}
	}
	fn(user, sub(s, from, s.len));
}

static int is_segment_sep(int32_t cp)
{
	return cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' ||
	       cp == 0x3002;
}

static int is_item_sep(int32_t cp) { return cp == 0x3001; }

/* ---- unit names ---------------------------------------------------------- */

/* s without the bracket groups it ends with: 各市(州)人民政府(管委会) ->
 * 各市(州)人民政府. */
static gw_str base_name(gw_str s)
{
	while (s.len) {
		size_t start;
		int32_t cp = gw_utf8_prev(s.ptr, s.len, &start);
		if (!gw_is_close_paren(cp))
			break;
		int depth = 0;
		size_t i = s.len, open = SIZE_MAX;
		while (i > 0) {
			size_t st;
			int32_t c = gw_utf8_prev(s.ptr, i, &st);
			if (gw_is_close_paren(c))
				depth++;
			else if (gw_is_open_paren(c) && --depth == 0) {
				open = st;
				break;
			}
			i = st;
		}
		if (open == SIZE_MAX || open == 0)
			return gw_str_make(s.ptr, 0);
		s.len = open;
	}
	return s;
}

static size_t char_count(gw_str s)
{
	size_t n = 0;
	for (size_t i = 0; i < s.len; i++)
		n += ((unsigned char)s.ptr[i] & 0xC0) != 0x80;
	return n;
}

static int is_admin_char(gw_str s)
{
	return gw_str_starts_with(s, "省") || gw_str_starts_with(s, "市") ||
	       gw_str_starts_with(s, "县") || gw_str_starts_with(s, "区");
}

/* The suffix and role-word patterns end in $ and match at most seven
 * characters (按职责分工负责): only the tail of a name is searched. */
enum { SUFFIX_REACH = 24 };

/* Is s the name of a body?  *strong is set for a strong suffix. */
static int is_unit(const gw_units_patterns *p, gw_str s, int *strong)
{
	gw_str b = base_name(s);
	gw_match m;
	*strong = 0;
	if (b.len && gw_re_full(p->collective, b.ptr, b.len, NULL))
		return 1;
	/* a department's own general office, named in its work plans */
	if (b.len == 9 && !memcmp(b.ptr, "办公室", 9)) {
		*strong = 1;
		return 1;
	}
	if (!b.len || !gw_re_search_tail(p->suffix, b.ptr, b.len, SUFFIX_REACH, &m) ||
	    m.start[0] == 0)
		return 0;
	if (memchr(b.ptr, ':', b.len) || gw_str_starts_with(b, "："))
		return 0;
	*strong = gw_re_search_tail(p->strong, b.ptr, b.len, SUFFIX_REACH, NULL);
	size_t n = char_count(b);
	return n >= 3 || (n == 2 && *strong && is_admin_char(b));
}

/* Short, no digits or sentence marks: could be a body's name the suffix
 * list does not know (医政股, 县医共体).  Trusted only in a clause that
 * says 负责/牵头/配合 and names at least one body the list knows. */
static int name_like(gw_str s)
{
	if (char_count(s) > 15)
		return 0;
	for (size_t i = 0; i < s.len;) {
		int32_t cp = gw_utf8_next(s.ptr, s.len, &i);
		if ((cp >= '0' && cp <= '9') || cp == 0x3002 || cp == 0xFF1A ||
		    cp == ':' || cp == 0x300A || cp == 0x201C || cp == '/')
			return 0;
	}
	return 1;
}

/* 指导 监督 督导 督促 (督促指导 is two of them): the unit oversees what
 * another unit does, so its role is coop.  These verbs also end phrases
 * that name no unit (接受社会监督), so, like 落实, they do not make a
 * parenthetical a clause on their own. */
static int is_oversight(gw_str w)
{
	return gw_str_ends_with(w, "指导") || gw_str_ends_with(w, "监督") ||
	       gw_str_ends_with(w, "督导") || gw_str_ends_with(w, "督促");
}

/* 为配合单位 -> 配合: the role a label names after 为 or 是. */
static gw_str label_role_word(gw_str w)
{
	static const char *const body[] = {"单位", "部门", "科室", "处室"};
	for (size_t k = 0; k < sizeof body / sizeof *body; k++)
		if (w.len > 6 && gw_str_ends_with(w, body[k])) {
			w.len -= 6;
			break;
		}
	return w;
}

/* The role a role word (as matched by role_tail) gives. */
static gw_role role_of(gw_str w)
{
	w = label_role_word(w);
	if (gw_str_ends_with(w, "配合") || gw_str_ends_with(w, "协助") ||
	    gw_str_ends_with(w, "协办") || gw_str_ends_with(w, "保障") ||
	    gw_str_ends_with(w, "支持") ||
	    gw_str_ends_with(w, "参与") || is_oversight(w))
		return GW_ROLE_COOP;
	for (size_t i = 0; i + 6 <= w.len; i += 3)
		if (!memcmp(w.ptr + i, "牵头", 6))
			return GW_ROLE_LEAD;
	return GW_ROLE_RESP;
}

/* Where 等 begins the category a list ends with (等部门, 等有关部门,
 * 等市级行政执法部门: at most eight characters ending in 部门, 单位 or
 * 机构), or SIZE_MAX. */
static size_t etc_category(gw_str s)
{
	if (!gw_str_ends_with(s, "部门") && !gw_str_ends_with(s, "单位") &&
	    !gw_str_ends_with(s, "机构"))
		return SIZE_MAX;
	size_t reach = s.len > 10 * 3 ? s.len - 10 * 3 : 0;
	for (size_t i = s.len - 6; i > reach;) {
		size_t st;
		if (gw_utf8_prev(s.ptr, i, &st) == 0x7B49) /* 等 */
			return st > 0 ? st : SIZE_MAX;
		i = st;
	}
	return SIZE_MAX;
}

/* 市财政局按职责 (配合) -> 市财政局: the adverbs before a role word. */
static gw_str strip_adverbs(const gw_units_patterns *p, gw_str s)
{
	gw_match m;
	while (s.len &&
	       gw_re_search_tail(p->adverb, s.ptr, s.len, SUFFIX_REACH, &m) &&
	       m.start[0] > 0)
		s.len = m.start[0];
	return s;
}

/* Strip trailing role words and 等; returns the role they give. */
static gw_str strip_tail(const gw_units_patterns *p, gw_str s, int *role,
			 int *seen)
{
	for (;;) {
		s = trim(s);
		gw_match m;
		if (s.len &&
		    gw_re_search_tail(p->role_tail, s.ptr, s.len, SUFFIX_REACH, &m)) {
			gw_str w = sub(s, m.start[0], s.len);
			if (role && *role < 0)
				*role = (int)role_of(w);
			if (seen && !gw_str_equals(w, "落实") && !is_oversight(w))
				*seen = 1;
			s.len = m.start[0];
			s = strip_adverbs(p, s);
			continue;
		}
		size_t cut = etc_category(s);
		if (cut != SIZE_MAX)
			s.len = cut;
		else if (gw_str_ends_with(s, "等"))
			s.len -= 3;
		else
			return s;
	}
}

/* ---- administrative-level shorthand ------------------------------------- */

/* 各市、州、县人民政府 names one body, as 各县（市、区）人民政府 does: the
 * items before the last are bare administrative levels, completed by the
 * last one's name.  Levels run from the top down (省 1 … 乡镇 4), so that
 * 各市、省直有关部门 (a level, then a higher body) stays two units. */
static const struct level {
	const char *word;
	int rank;
} levels[] = {
	/* a city with districts (设区市), named by what it is, first: 县级市
	 * before 县 */
	{"设区的市", 2}, {"设区市", 2},	{"地级市", 2},	{"县级市", 3},
	{"自治区", 1}, {"直辖市", 1}, {"省", 1},  {"自治州", 2},
	{"市", 2},     {"州", 2},     {"盟", 2},  {"自治县", 3},
	{"县", 3},     {"区", 3},     {"旗", 3},  {"乡镇", 4},
	{"街道", 4},   {"乡", 4},     {"镇", 4},
};

/* Bytes of the level word at s[i..), 0 if none; *rank set when found. */
static size_t level_at(gw_str s, size_t i, int *rank)
{
	for (size_t k = 0; k < sizeof levels / sizeof *levels; k++) {
		size_t n = strlen(levels[k].word);
		if (s.len - i >= n && !memcmp(s.ptr + i, levels[k].word, n)) {
			*rank = levels[k].rank;
			return n;
		}
	}
	return 0;
}

/* Bytes of the levels s starts with — 各, then level words, each with an
 * optional bracket (各市州, 县（市、区）) — or 0; *rank: the first one's. */
static size_t level_prefix(gw_str s, int *rank)
{
	size_t start = gw_str_starts_with(s, "各") ? 3 : 0, i = start, k;
	int r;
	while ((k = level_at(s, i, &r)) > 0) {
		if (i == start)
			*rank = r;
		i += k;
		size_t next = i;
		int32_t cp = i < s.len ? gw_utf8_next(s.ptr, s.len, &next) : 0;
		if (gw_is_open_paren(cp)) {
			size_t close = match_close(s, i);
			if (!close)
				break;
			i = close;
		}
	}
	return i > start ? i : 0;
}

/* 各市, 州, 县（市、区）: nothing but levels (a list's first item may
 * begin with 由). */
static int is_bare_level(gw_str s, int *rank)
{
	s = trim(s);
	if (gw_str_starts_with(s, "由"))
		s = sub(s, 3, s.len);
	return s.len && level_prefix(s, rank) == s.len;
}

/* 县人民政府, 县（市、区）财政局: levels, then a body's name. */
static int completes_levels(const gw_units_patterns *p, gw_str s, int *rank)
{
	int strong;
	s = strip_tail(p, s, NULL, NULL);
	size_t n = level_prefix(s, rank);
	return n && n < s.len && is_unit(p, s, &strong);
}

/* Items of a list on their way to fn; bare levels wait for their name. */
typedef struct level_run {
	const gw_units_patterns *p;
	piece_fn fn;
	void *user;
	const char *from; /* the first waiting bare level, or NULL */
	const char *to;	  /* the end of the last one */
	int rank;	  /* the last one's rank */
} level_run;

/* Bare levels nothing completed are items of their own. */
static void pass_waiting(level_run *r)
{
	if (r->from)
		split_top(gw_str_make(r->from, (size_t)(r->to - r->from)),
			  is_item_sep, r->fn, r->user);
	r->from = NULL;
}

static void take_list_item(void *user, gw_str item)
{
	level_run *r = user;
	int rank = 0;
	if (is_bare_level(item, &rank)) {
		if (r->from && rank < r->rank)
			pass_waiting(r);
		if (!r->from)
			r->from = item.ptr;
		r->to = item.ptr + item.len;
		r->rank = rank;
		return;
	}
	if (r->from && completes_levels(r->p, item, &rank) && rank >= r->rank) {
		const char *end = item.ptr + item.len;
		r->fn(r->user, gw_str_make(r->from, (size_t)(end - r->from)));
		r->from = NULL;
		return;
	}
	pass_waiting(r);
	r->fn(r->user, item);
}

/* Call fn on each item of a 、 list, a level shorthand as one item. */
static void split_items(const gw_units_patterns *p, gw_str s, piece_fn fn,
			void *user)
{
	level_run r = {p, fn, user, NULL, NULL, 0};
	split_top(s, is_item_sep, take_list_item, &r);
	pass_waiting(&r);
}

/* ---- one clause ----------------------------------------------------------- */

enum { MAX_ITEMS = 64 };

typedef struct item {
	gw_str name;
	gw_role role;
} item;

typedef struct clause {
	const gw_units_patterns *p;
	item items[MAX_ITEMS];
	size_t n;
	gw_role segment_role;
	int label_role; /* the last label's role (牵头单位：), or -1 */
	int said_roles; /* a role word (负责, 配合…) after some units */
	int bare_segments; /* segments with neither a label nor a role word */
	int role_words; /* a role word or label was seen */
	int explicit_lead;
	int strong;
	size_t known;	/* items named as bodies are */
	size_t unknown; /* short name-like items that are not */
	size_t leveled; /* …of them, those named from a level (县融媒体) */
	int bad;	/* an item that cannot be a name */
} clause;

static void push_item(clause *c, gw_str name, gw_role role)
{
	if (c->n < MAX_ITEMS) {
		c->items[c->n].name = name;
		c->items[c->n].role = role;
		c->n++;
	}
}

/* A bracket that says what a body is called or where it sits, not who
 * is responsible: （以下简称县安委办） （设在县应急管理局） （含市本级）. */
static int is_note(gw_str s)
{
	static const char *const words[] = {"以下简称", "简称", "以下称",
					    "下称", "设在", "挂靠", "隶属",
					    "含", "不含", "包括", NULL};
	s = trim(s);
	for (const char *const *w = words; *w; w++)
		if (gw_str_starts_with(s, *w))
			return 1;
	return 0;
}

/* 省卫生健康委〔省中医药局〕, 市委宣传部（市新闻办）: a second body of the
 * same level, named like the first.  各乡镇人民政府（街道办事处） names
 * the body that stands in for the first elsewhere: one unit. */
static int same_level(gw_str outer, gw_str inner)
{
	if (gw_str_starts_with(outer, "各"))
		outer = sub(outer, 3, outer.len);
	size_t a = 0, b = 0;
	int32_t x = gw_utf8_next(outer.ptr, outer.len, &a);
	int32_t y = gw_utf8_next(inner.ptr, inner.len, &b);
	return x == y;
}

/* What follows a level in words that name no body: 市场 区域 县城 省级
 * 市民 县内 市里 省情 市本级 (by the first character after the level),
 * how a level does its part (乡镇自行, 县乡两级, 县财政兜底, 各乡镇按属地,
 * 县要), and the
 * people who head one (县长, 市委书记, 镇主任). */
static int level_word_not_body(gw_str rest)
{
	static const char *const first[] = {"场", "域", "城", "级", "民",
					    "内", "外", "里", "情", "本",
					    "属", "长", "况", "界", "区",
					    "按", "依", "由", "要", "应",
					    "须", "需", "可", "在", "对"};
	for (size_t k = 0; k < sizeof first / sizeof *first; k++)
		if (gw_str_starts_with(rest, first[k]))
			return 1;
	static const char *const inside[] = {"自行", "自主", "兜底", "统筹",
					     "自筹", "共同", "分级", "两级",
					     "三级", "属地"};
	for (size_t k = 0; k < sizeof inside / sizeof *inside; k++)
		if (gw_find(rest.ptr, rest.len, 0, inside[k]) != SIZE_MAX)
			return 1;
	return gw_str_ends_with(rest, "长") || gw_str_ends_with(rest, "书记") ||
	       gw_str_ends_with(rest, "主任") || gw_str_ends_with(rest, "级");
}

/* 县融媒体, 镇综治: a short name of a body of one level whose suffix the
 * lists do not know — a level (县, 各乡镇, 街道), then two to six Han
 * characters that are not a word of their own (市场, 县城, 县长). */
static int leveled_name(gw_str s)
{
	int rank;
	size_t n = level_prefix(s, &rank);
	if (!n || n >= s.len)
		return 0;
	gw_str rest = sub(s, n, s.len);
	size_t chars = char_count(rest);
	if (chars < 2 || chars > 6 || level_word_not_body(rest))
		return 0;
	for (size_t i = 0; i < rest.len;)
		if (!gw_is_han(gw_utf8_next(rest.ptr, rest.len, &i)))
			return 0;
	return 1;
}

/* 省卫生健康委〔省中医药局〕 -> two units; else one (the bracket of
 * 县安委办（设在县应急管理局） is a note on the name). */
static void push_name(clause *c, gw_str s)
{
	int strong;
	gw_str b = base_name(s);
	if (b.len < s.len) {
		size_t open = b.len;
		size_t close_end = match_close(s, open);
		gw_str inner = close_end == s.len ? trim(sub(s, open, close_end))
						  : gw_str_make(s.ptr, 0);
		if (inner.len > 6) {
			size_t start;
			gw_utf8_prev(inner.ptr, inner.len, &start);
			inner = sub(inner, 0, start);
			size_t k = 0;
			gw_utf8_next(inner.ptr, inner.len, &k);
			inner = sub(inner, k, inner.len);
			if (is_note(inner)) {
				push_name(c, b);
				return;
			}
			int s1, s2;
			if (is_unit(c->p, b, &s1) && is_unit(c->p, inner, &s2) &&
			    char_count(inner) >= 3 && same_level(b, inner)) {
				push_item(c, b, c->segment_role);
				push_item(c, inner, c->segment_role);
				c->strong |= s1 | s2;
				return;
			}
		}
	}
	if (is_unit(c->p, s, &strong)) {
		c->strong |= strong;
		c->known++;
	} else if (name_like(s)) {
		c->unknown++;
		c->leveled += leveled_name(s);
	} else {
		c->bad = 1;
	}
	push_item(c, s, c->segment_role);
}

/* A 会同 B: A leads, with B.  1 when s was split so. */
static int push_together(clause *c, gw_str s, size_t at)
{
	int st;
	gw_str left = strip_tail(c->p, sub(s, 0, at), NULL, NULL);
	gw_str right = trim(sub(s, at + 6, s.len));
	if (!is_unit(c->p, left, &st) || !is_unit(c->p, base_name(right), &st))
		return 0;
	gw_role role = c->segment_role;
	c->segment_role = GW_ROLE_LEAD;
	push_name(c, left);
	c->segment_role = GW_ROLE_COOP;
	push_name(c, right);
	c->segment_role = role;
	c->explicit_lead = c->role_words = c->said_roles = 1;
	return 1;
}

/* A 和 or 及 at depth 0 that joins two complete names splits them; so
 * does 会同, which makes the first the lead. */
static void push_joined(clause *c, gw_str s)
{
	int depth = 0, st;
	size_t i = 0;
	while (i < s.len) {
		size_t at = i;
		int32_t cp = gw_utf8_next(s.ptr, s.len, &i);
		if (depth == 0 && cp == 0x4F1A && s.len - at >= 6 &&
		    !memcmp(s.ptr + at, "会同", 6) && push_together(c, s, at))
			return;
		if (gw_outside_parens(cp, &depth) &&
		    (cp == 0x548C || cp == 0x53CA)) { /* 和 及 */
			gw_str left = strip_tail(c->p, sub(s, 0, at), NULL, NULL);
			gw_str right = trim(sub(s, i, s.len));
			if (is_unit(c->p, left, &st) &&
			    is_unit(c->p, base_name(right), &st)) {
				push_name(c, left);
				push_joined(c, right);
				return;
			}
		}
	}
	push_name(c, s);
}

/* 市商务局（牵头）: a bracket that holds only a role word gives the
 * item its role and is no part of the name.  -1 when there is none. */
static int bracketed_role(const gw_units_patterns *p, gw_str *s)
{
	gw_str b = base_name(*s);
	if (b.len == s->len || !b.len)
		return -1;
	size_t k = b.len;
	gw_utf8_next(s->ptr, s->len, &k); /* past the opening bracket */
	size_t e;
	gw_utf8_prev(s->ptr, s->len, &e); /* before the closing one */
	if (e < k)
		return -1;
	int role = -1;
	gw_str rest = strip_tail(p, sub(*s, k, e), &role, NULL);
	if (role < 0 || rest.len)
		return -1;
	*s = trim(b);
	return role;
}

static void add_item(void *user, gw_str s)
{
	clause *c = user;
	int role = bracketed_role(c->p, &s);
	if (role >= 0) {
		gw_role seg = c->segment_role;
		c->segment_role = (gw_role)role;
		c->role_words = 1;
		c->explicit_lead |= role == GW_ROLE_LEAD;
		add_item(user, s);
		c->segment_role = seg;
		return;
	}
	s = strip_tail(c->p, s, NULL, NULL);
	if (gw_str_starts_with(s, "由"))
		s = sub(s, 3, s.len);
	s = trim(s);
	if (s.len)
		push_joined(c, s);
}

static void add_segment(void *user, gw_str seg)
{
	clause *c = user;
	gw_match m;
	int role = -1;
	seg = trim(seg);
	if (!seg.len)
		return;
	/* （各市（州）人民政府负责，不再列出）: a note, not a unit */
	if (gw_str_starts_with(seg, "不再") && gw_str_ends_with(seg, "列出"))
		return;
	/* （市发改委，6月底前） （…负责，持续推进）: when, not who */
	if (gw_re_full(c->p->time_seg, seg.ptr, seg.len, NULL))
		return;
	if (gw_re_search(c->p->label, seg.ptr, seg.len, 0, &m)) {
		role = gw_match_has(&m, 1)   ? (int)GW_ROLE_LEAD
		       : gw_match_has(&m, 2) ? (int)GW_ROLE_COOP
					     : (int)GW_ROLE_RESP;
		c->role_words = 1;
		c->label_role = role;
		seg = sub(seg, m.end[0], seg.len);
	} else if (gw_re_search(c->p->field, seg.ptr, seg.len, 0, NULL)) {
		c->label_role = -1;
		return; /* 完成时限：… beside the units: another field */
	}
	int tail = -1;
	seg = strip_tail(c->p, seg, &tail, &c->role_words);
	c->said_roles |= tail >= 0;
	/* 责任单位：市商务局牵头，…: the segment's own role word speaks
	 * for it, before its label */
	if (tail >= 0)
		role = tail;
	/* 配合单位：县财政局，县教育局: the label speaks for the whole run */
	if (role < 0)
		role = c->label_role;
	c->bare_segments += role < 0;
	c->segment_role = role < 0 ? GW_ROLE_RESP : (gw_role)role;
	if (c->segment_role == GW_ROLE_LEAD)
		c->explicit_lead = 1;
	split_items(c->p, seg, add_item, c);
}

/* The note 排在第一位的为牵头单位 (排名第一的, 列第一位的, 第一个为牵头单位
 * …) at or after s[from]: found by its 牵头, the pattern run on the few
 * characters around it (LEAD_RULE_BACK before, LEAD_RULE_AHEAD after). */
enum { LEAD_RULE_BACK = 16, LEAD_RULE_AHEAD = 40 };

static size_t chars_back(gw_str s, size_t at, size_t n)
{
	while (at > 0 && n--)
		gw_utf8_prev(s.ptr, at, &at);
	return at;
}

static size_t chars_ahead(gw_str s, size_t at, size_t n)
{
	while (at < s.len && n--)
		gw_utf8_next(s.ptr, s.len, &at);
	return at;
}

static int find_lead_rule(const gw_units_patterns *p, gw_str s, size_t from,
			  gw_match *m)
{
	for (size_t at = gw_find(s.ptr, s.len, from, "牵头"); at != SIZE_MAX;
	     at = gw_find(s.ptr, s.len, at + 6, "牵头")) {
		size_t a = chars_back(s, at, LEAD_RULE_BACK);
		size_t e = chars_ahead(s, at, LEAD_RULE_AHEAD);
		if (a < from)
			a = from;
		if (gw_re_search(p->lead_rule, s.ptr, e, a, m) &&
		    m->start[0] <= at)
			return 1;
	}
	return 0;
}

/* The notes a clause may carry are cut out; the rest is split. */
static void add_content(clause *c, gw_str s)
{
	gw_match m;
	if (find_lead_rule(c->p, s, 0, &m) ||
	    (gw_find(s.ptr, s.len, 0, "以下均") != SIZE_MAX &&
	     gw_re_search(c->p->standing, s.ptr, s.len, 0, &m))) {
		add_content(c, sub(s, 0, m.start[0]));
		add_content(c, sub(s, m.end[0], s.len));
		return;
	}
	split_top(s, is_segment_sep, add_segment, c);
}

/* ---- the document ---------------------------------------------------------- */

/* The words a label ends in (LABEL_BODY), found by memmem before the
 * label pattern runs. */
enum { LABEL_CUES = 4 };
static const char *const label_cues[LABEL_CUES] = {"单位", "部门", "科室",
						   "处室"};

/* A note 排在第一位的为牵头单位 and the text it speaks for,
 * clean[from..until): from where it stands (or, under a task table, from
 * its part's start) to the end of its part. */
typedef struct lead_rule {
	size_t from, until;
	int rest_coop; /* …其余为配合单位: the others are coop */
} lead_rule;

/* A notice makes such a note once, or once in each attached plan; the
 * bound keeps the look-up of each clause's note short on hostile input
 * (notes after the last one kept are not read). */
enum { MAX_LEAD_RULES = 64 };

typedef struct walker {
	gw_document *doc;
	const gw_units_patterns *p;
	gw_node *node;
	size_t first; /* the node's first unit in doc->units */
	size_t cue[LABEL_CUES]; /* next 单位, 部门, 科室, 处室 in the text */
	const size_t *line_at; /* where the node's lines after the first */
	size_t nlines;	       /* begin, relative to its text */
	gw_buffer lines_buf;
	const struct lead_rule *rules; /* the document's lead-unit notes */
	size_t nrules;
	int node_has_lead;	/* a clause of the node names its lead */
	size_t trail_at;	/* clean offset of the node's clause line that
				   speaks for its parent, or SIZE_MAX */
	gw_buffer moves;	/* move[]: those lines' units, in preorder */
	int err;
} walker;

/* Is the unit already among the node's last DEDUPE_REACH units?  (A
 * bound, so a node with thousands of clauses stays linear.) */
enum { DEDUPE_REACH = 256 };

static int already(const walker *w, const item *it)
{
	const gw_unit *u = GW_ARRAY(w->doc, units, gw_unit);
	size_t n = GW_COUNT(w->doc, units, gw_unit);
	size_t from = n - w->first > DEDUPE_REACH ? n - DEDUPE_REACH : w->first;
	for (size_t i = from; i < n; i++)
		if (u[i].role == it->role && u[i].name.len == it->name.len &&
		    !memcmp(u[i].name.ptr, it->name.ptr, it->name.len))
			return 1;
	return 0;
}

/* How a clause stands in the text: in brackets, after a label, or as a
 * sentence of its own (市医保局为牵头单位，市财政局为配合单位。). */
typedef enum { BRACKETED, LABELLED, SENTENCE } clause_form;

/* The note that speaks for a clause ending at clean offset `end`: of
 * those whose text holds it, the last made (a later note in the same part
 * speaks from where it stands, as the first did), or NULL. */
static const lead_rule *rule_at(const walker *w, size_t end)
{
	for (size_t k = w->nrules; k-- > 0;)
		if (w->rules[k].from < end && end <= w->rules[k].until)
			return &w->rules[k];
	return NULL;
}

/* Parse s (clean[start..end)) as a clause; record it when it is one. */
static int take_clause(walker *w, gw_str s, size_t start, size_t end,
		       clause_form form)
{
	clause c;
	int labelled = form == LABELLED;
	memset(&c, 0, sizeof c);
	c.p = w->p;
	c.label_role = -1;
	add_content(&c, s);
	if (!c.n || c.bad || !(c.role_words || c.strong || labelled))
		return 0;
	/* a sentence is a clause only when every segment of it gives its
	 * role and every item is a known body */
	if (form == SENTENCE && (c.unknown || c.bare_segments))
		return 0;
	/* an unknown name is trusted beside a role word or a label, or
	 * among at least twice as many known bodies, one of them strong
	 * (（科技部、国家发展改革委、财政部、中国科协）) */
	if (c.unknown && !(c.known && (c.role_words || labelled)) &&
	    !(c.strong && c.known >= 2 * c.unknown) &&
	    !(c.leveled == c.unknown && (c.role_words || labelled)))
		return 0;
	const lead_rule *rule = rule_at(w, end);
	if (rule && !c.explicit_lead && !w->node_has_lead &&
	    c.items[0].role == GW_ROLE_RESP) {
		c.items[0].role = GW_ROLE_LEAD;
		/* the rest, where the clause says nothing of them */
		for (size_t i = 1; i < c.n && rule->rest_coop && !c.said_roles;
		     i++)
			if (c.items[i].role == GW_ROLE_RESP)
				c.items[i].role = GW_ROLE_COOP;
	}
	w->node_has_lead |= c.explicit_lead;
	for (size_t i = 0; i < c.n; i++) {
		gw_unit u = {c.items[i].role, c.items[i].name};
		if (!already(w, &c.items[i]))
			w->err |= gw_push(&w->doc->units_buf, &u, sizeof u);
	}
	gw_span span = {start, end};
	w->err |= gw_push(&w->doc->clauses_buf, &span, sizeof span);
	return 1;
}

static size_t sentence_end(gw_str s, size_t from);

/* A labelled run ends at the sentence end or where the next label
 * begins (牵头部门：A 参与单位：B on lines of their own). */
static size_t labelled_end(walker *w, gw_str t, size_t at)
{
	size_t end = sentence_end(t, at);
	gw_match m;
	/* …or where the node's next line begins, or at another field's
	 * label (完成时限：) */
	for (size_t k = 0; k < w->nlines; k++)
		if (w->line_at[k] > at && w->line_at[k] < end)
			end = w->line_at[k];
	size_t f = gw_re_search(w->p->label, t.ptr, end, at, &m) ? m.end[0]
								 : at + 6;
	if (f < end && gw_re_search(w->p->field_any, t.ptr, end, f, &m) &&
	    !gw_re_search(w->p->label, t.ptr, end, m.start[0], NULL))
		end = m.start[0];
	size_t k = at + 3;
	if (k < end && gw_re_search(w->p->label_any, t.ptr, end, k, &m) &&
	    m.start[0] < end) {
		size_t cut = m.start[0];
		/* keep 责任单位：A；配合单位：B together as one clause */
		size_t st;
		int32_t prev = cut ? gw_utf8_prev(t.ptr, cut, &st) : -1;
		if (prev != 0xFF1B && prev != ';' && prev != 0xFF0C && prev != ',')
			return cut;
	}
	return end;
}

static size_t sentence_end(gw_str s, size_t from)
{
	size_t i = from;
	while (i < s.len) {
		size_t at = i;
		if (gw_utf8_next(s.ptr, s.len, &i) == 0x3002)
			return at;
	}
	return s.len;
}

/* Offset of the next labelled run (牵头单位：) at or after `from`.  The
 * label's 单位/部门 is found by memmem, the role word before it by the
 * pattern, run on a window of a few bytes. */
static size_t next_label(walker *w, gw_str t, size_t from)
{
	for (size_t a = from; a < t.len;) {
		size_t at = SIZE_MAX;
		for (size_t k = 0; k < LABEL_CUES; k++) {
			if (w->cue[k] < a)
				w->cue[k] = gw_find(t.ptr, t.len, a, label_cues[k]);
			if (w->cue[k] < at)
				at = w->cue[k];
		}
		if (at == SIZE_MAX)
			return SIZE_MAX;
		gw_match m;
		size_t start = at >= from + 6 ? at - 6 : from;
		size_t end = t.len - at > 16 ? at + 16 : t.len;
		while (end < t.len && ((unsigned char)t.ptr[end] & 0xC0) == 0x80)
			end++;
		if (gw_re_search(w->p->label_any, t.ptr, end, start, &m))
			return m.start[0];
		a = at + 6;
	}
	return SIZE_MAX;
}

/* Every parenthetical and labelled run at depth 0 of a node's text. */
/* Open brackets not yet closed, bottom first.  Those opened more than
 * CLAUSE_REACH bytes back are dropped from the bottom: no clause is that
 * long, and dropping them keeps unbalanced text linear. */
typedef struct bracket_stack {
	gw_buffer buf; /* size_t[] */
	size_t bottom; /* first live entry */
} bracket_stack;

static size_t *stack_at(bracket_stack *s, size_t k)
{
	return (size_t *)s->buf.data + k;
}

static size_t stack_size(const bracket_stack *s)
{
	return s->buf.len / sizeof(size_t) - s->bottom;
}

static void stack_drop_older(bracket_stack *s, size_t pos)
{
	while (stack_size(s) && *stack_at(s, s->bottom) + CLAUSE_REACH < pos)
		s->bottom++;
	if (!stack_size(s)) {
		s->buf.len = 0;
		s->bottom = 0;
	}
}

/* The units of a sub-item's last line (a clause and nothing else) that
 * go to the item the sub-item is under: doc->units[first..end) of child. */
typedef struct move {
	const gw_node *child;
	size_t first, end;
} move;

/* The parenthetical [open, end) of text t at clean offset base. */
static void take_parenthetical(walker *w, gw_str t, size_t base, size_t open,
			       size_t end)
{
	size_t k = open, inner_end;
	gw_utf8_next(t.ptr, t.len, &k);
	gw_utf8_prev(t.ptr, end, &inner_end);
	gw_str inner = sub(t, k, inner_end);
	if (is_note(inner))
		return;
	size_t before = GW_COUNT(w->doc, units, gw_unit);
	if (take_clause(w, inner, base + open, base + end, BRACKETED) &&
	    base + open == w->trail_at &&
	    GW_COUNT(w->doc, units, gw_unit) > before) {
		move mv = {w->node, before, GW_COUNT(w->doc, units, gw_unit)};
		w->err |= gw_push(&w->moves, &mv, sizeof mv);
	}
}

/* Where the node's own lines after the first begin, relative to its text
 * (a labelled run on a line of its own ends with its line). */
static void collect_lines(walker *w, const gw_node *n, size_t base)
{
	const gw_line *L = gw_doc_lines(w->doc);
	w->lines_buf.len = 0;
	for (size_t i = n->first_line + 1; i < n->first_line + n->nlines; i++) {
		if (L[i].deleted || L[i].node != n || L[i].start <= base)
			continue;
		size_t at = L[i].start - base;
		w->err |= gw_push(&w->lines_buf, &at, sizeof at);
	}
	w->line_at = (const size_t *)w->lines_buf.data;
	w->nlines = w->lines_buf.len / sizeof(size_t);
}

/* Every outermost parenthetical and every labelled run of a node's text,
 * in one pass: a bracket stack pairs the brackets as they come. */
static void scan_node(walker *w, gw_node *n, bracket_stack *st)
{
	gw_str t = n->text;
	size_t base = (size_t)(t.ptr - w->doc->clean.data);
	collect_lines(w, n, base);
	for (size_t k = 0; k < LABEL_CUES; k++)
		w->cue[k] = gw_find(t.ptr, t.len, 0, label_cues[k]);
	size_t label = next_label(w, t, 0);
	size_t i = 0;
	st->buf.len = st->bottom = 0;
	while (i < t.len) {
		size_t at = i;
		if (at == label && !stack_size(st)) {
			size_t end = labelled_end(w, t, at);
			take_clause(w, sub(t, at, end), base + at, base + end,
				    LABELLED);
			i = end > at ? end : at + 1;
			label = next_label(w, t, i);
			continue;
		}
		if (label < at)
			label = next_label(w, t, at);
		unsigned char lead = (unsigned char)t.ptr[i];
		if (lead >= 0xE4 && lead <= 0xE9 && i + 3 <= t.len) {
			i += 3; /* an ideograph: never a bracket */
			continue;
		}
		int32_t cp = gw_utf8_next(t.ptr, t.len, &i);
		if (gw_is_open_paren(cp)) {
			stack_drop_older(st, at);
			w->err |= gw_push(&st->buf, &at, sizeof at);
		} else if (gw_is_close_paren(cp) && stack_size(st)) {
			size_t open = *stack_at(st, st->buf.len / sizeof(size_t) - 1);
			st->buf.len -= sizeof(size_t);
			if (!stack_size(st)) {
				st->buf.len = st->bottom = 0;
				take_parenthetical(w, t, base, open, i);
			}
		}
	}
}

/* The node's clauses taken by scan_node(), clauses_buf[next..end): they
 * come in the order of the text and never overlap. */
typedef struct clause_cursor {
	size_t next, end;
} clause_cursor;

/* Does one of them overlap clean[start..end)?  Sentences are asked about
 * in the order of the text, so those ending before `start` are passed. */
static int overlaps_clause(const walker *w, clause_cursor *k, size_t start,
			   size_t end)
{
	const gw_span *c = (const gw_span *)w->doc->clauses_buf.data;
	while (k->next < k->end && c[k->next].end <= start)
		k->next++;
	return k->next < k->end && c[k->next].start < end;
}

/* t[from..to) as a clause of its own, when it names roles (牵头 配合)
 * and no parenthetical or labelled run of it was taken already. */
static void try_sentence(walker *w, gw_str t, size_t base, size_t from,
			 size_t to, clause_cursor *k)
{
	gw_str s = trim(sub(t, from, to));
	if (!s.len || (gw_find(s.ptr, s.len, 0, "牵头") == SIZE_MAX &&
		       gw_find(s.ptr, s.len, 0, "配合") == SIZE_MAX))
		return;
	size_t start = base + (size_t)(s.ptr - t.ptr);
	if (!overlaps_clause(w, k, start, start + s.len))
		take_clause(w, s, start, start + s.len, SENTENCE);
}

/* Is t[at..) where one of the node's lines begins?  *k: the first line
 * not yet passed (the offsets rise, and so does at). */
static int line_starts_at(const walker *w, size_t at, size_t *k)
{
	while (*k < w->nlines && w->line_at[*k] < at)
		++*k;
	return *k < w->nlines && w->line_at[*k] == at;
}

/* The sentences of a node's text (ended by 。 outside brackets or by the
 * end of a line) that name units with their roles and nothing else:
 * 由市卫生健康委牵头，市医保局配合。  The first sentence says what the
 * task is (its heading may run into the next line), so it is not one.
 * The node's clauses so far are clauses_buf[first_clause..). */
static void scan_sentences(walker *w, gw_node *n, size_t first_clause)
{
	gw_str t = n->text;
	size_t base = (size_t)(t.ptr - w->doc->clean.data);
	size_t from = 0, i = 0, line = 0;
	clause_cursor k = {first_clause,
			   w->doc->clauses_buf.len / sizeof(gw_span)};
	int depth = 0, first = 1;
	while (i < t.len) {
		size_t at = i;
		if (line_starts_at(w, at, &line) && at > from && depth == 0) {
			if (!first)
				try_sentence(w, t, base, from, at, &k);
			from = at;
			first = 0;
		}
		int32_t cp = gw_utf8_next(t.ptr, t.len, &i);
		if (gw_outside_parens(cp, &depth) && cp == 0x3002) {
			if (!first)
				try_sentence(w, t, base, from, at, &k);
			from = i;
			first = 0;
		}
	}
	if (!first)
		try_sentence(w, t, base, from, t.len, &k);
}

static gw_status read_standing(gw_document *doc, const gw_units_patterns *p)
{
	gw_match m;
	const char *s = doc->clean.data;
	size_t len = doc->clean.len;
	if (!len || !gw_re_search(p->standing, s, len, 0, &m))
		return GW_OK;
	clause c;
	memset(&c, 0, sizeof c);
	c.p = p;
	split_items(p, gw_str_make(s + m.start[1], gw_match_len(&m, 1)),
		    add_item, &c);
	gw_buffer b = {0};
	int err = 0;
	for (size_t i = 0; i < c.n; i++) {
		if (b.len)
			err |= gw_buf_putc(&b, '|');
		err |= gw_buf_putstr(&b, c.items[i].name);
	}
	char *out = err ? NULL : gw_arena_strndup(&doc->arena, b.data ? b.data : "", b.len);
	doc->meta.standing = gw_str_make(out, out ? b.len : 0);
	gw_buffer_free(&b);
	return out ? GW_OK : GW_ERR_NOMEM;
}

/* The first visible line that ends after clean offset `at` (the one
 * holding it), or the number of lines. */
static size_t line_holding(const gw_document *doc, size_t at)
{
	const gw_line *L = gw_doc_lines(doc);
	size_t n = gw_doc_nlines(doc), i = 0;
	while (i < n && (L[i].deleted || L[i].start + L[i].len <= at))
		i++;
	return i;
}

/* Where the part holding clean offset `at` ends (the next part's first
 * line), or SIZE_MAX: 排在第一位的为牵头单位 in one attached plan says
 * nothing of the next. */
static size_t part_end(const gw_document *doc, size_t at, int under_table)
{
	const gw_line *L = gw_doc_lines(doc);
	size_t n = gw_doc_nlines(doc), i = line_holding(doc, at);
	if (i == n)
		return SIZE_MAX;
	/* after a part's outline, before the next one's (附件1 / title / the
	 * note / 一、): the note is the next part's, unless it is a note
	 * under the table above it */
	int part = L[i].part +
		   (L[i].region == GW_REGION_CLOSING && !under_table);
	for (; i < n; i++)
		if (!L[i].deleted && L[i].part > part)
			return L[i].start;
	return SIZE_MAX;
}

/* Does an attachment's heading (附件2) stand between line i and the
 * outline above it?  Then a note on line i is above that attachment's
 * task list, not under the list before it. */
static int below_attachment_heading(const gw_document *doc, size_t i)
{
	const gw_line *L = gw_doc_lines(doc);
	while (i-- > 0 && (L[i].deleted || L[i].region != GW_REGION_NODE)) {
		gw_str t = gw_line_text(doc, &L[i]);
		if (!L[i].deleted && gw_str_starts_with(t, "附件"))
			return 1;
	}
	return 0;
}

/* Is the rule at clean offset `at` in a note (注 备注 说明) under a task
 * table, speaking of the table above it?  Not when an attachment's
 * heading stands between (附件2 / its title / 说明：… / 一、): that note
 * is above the next attachment's list. */
static int note_under_table(const gw_document *doc, size_t at)
{
	const gw_line *L = gw_doc_lines(doc);
	size_t n = gw_doc_nlines(doc), i = line_holding(doc, at);
	if (i == n)
		return 0;
	gw_str t = gw_line_text(doc, &L[i]);
	if (!gw_str_starts_with(t, "注") && !gw_str_starts_with(t, "备注") &&
	    !gw_str_starts_with(t, "说明"))
		return 0;
	return !below_attachment_heading(doc, i);
}

/* 注：排在第一位的为牵头单位 under a task table speaks of the table above
 * it: it holds from the start of its part; any other rule from where it
 * stands.  (Either holds to the end of the part it speaks for:
 * part_end().) */
static size_t lead_rule_start(const gw_document *doc, size_t at)
{
	const gw_line *L = gw_doc_lines(doc);
	if (!note_under_table(doc, at))
		return at;
	size_t i = line_holding(doc, at);
	while (i > 0 && (L[i - 1].deleted || L[i - 1].part == L[i].part))
		i--;
	return L[i].start;
}

/* Every note 排在第一位的为牵头单位 of the document, in the order of the
 * text, into rules[]; returns how many.  doc->lead_rule_from: where the
 * first one speaks from. */
static size_t read_lead_rules(gw_document *doc, const gw_units_patterns *p,
			      lead_rule *rules)
{
	gw_str s = gw_str_make(doc->clean.data, doc->clean.len);
	gw_match m;
	size_t n = 0;
	for (size_t from = 0; n < MAX_LEAD_RULES &&
			      find_lead_rule(p, s, from, &m);
	     from = m.end[0] > from ? m.end[0] : from + 1) {
		lead_rule *r = &rules[n++];
		r->from = lead_rule_start(doc, m.start[0]);
		r->until = part_end(doc, m.start[0],
				    note_under_table(doc, m.start[0]));
		/* …，其余为配合单位: the others co-operate */
		r->rest_coop = gw_match_has(&m, 1) &&
			       !memcmp(doc->clean.data + m.start[1], "配合", 6);
	}
	if (n)
		doc->lead_rule_from = rules[0].from;
	return n;
}

/* Is line l nothing but one parenthetical (and a final 。 or ；)? */
static int clause_line(const gw_document *doc, const gw_line *l)
{
	gw_str t = trim(gw_line_text(doc, l));
	if (gw_str_ends_with(t, "。") || gw_str_ends_with(t, "；"))
		t = trim(sub(t, 0, t.len - 3));
	size_t k = 0;
	return t.len && gw_is_open_paren(gw_utf8_next(t.ptr, t.len, &k)) &&
	       match_close(t, 0) == t.len;
}

/* Where the clause line of node n that speaks for its parent opens, or
 * SIZE_MAX.  After a list of sub-items ((1)…, (2)…), a clause on a line
 * of its own under the last one ((县民政局、县财政局负责)) speaks for the
 * item the list is under, when no sub-item before it names units: n is
 * the last of at least two children of a node below level 1 (the items
 * of a section 一、 are tasks of their own), has none of its own, and the
 * line is its last and not its first. */
static size_t parent_clause_line(const walker *w, const gw_node *n)
{
	const gw_node *up = n->parent;
	const gw_line *L = gw_doc_lines(w->doc);
	if (!up || up->level < 2 || up->deleted || up->last_child != n ||
	    up->first_child == n || n->first_child ||
	    w->first != up->units.first + up->units.count)
		return SIZE_MAX;
	for (size_t i = n->first_line + n->nlines; i-- > n->first_line + 1;)
		if (!L[i].deleted && L[i].node == n)
			return clause_line(w->doc, &L[i])
				       ? (size_t)(trim(gw_line_text(w->doc, &L[i])).ptr -
						  w->doc->clean.data)
				       : SIZE_MAX;
	return SIZE_MAX;
}

/* Is u among units[from..to)? */
static int listed(const gw_unit *units, size_t from, size_t to,
		  const gw_unit *u)
{
	for (size_t i = from; i < to; i++)
		if (units[i].role == u->role && units[i].name.len == u->name.len &&
		    !memcmp(units[i].name.ptr, u->name.ptr, u->name.len))
			return 1;
	return 0;
}

/* The units of moves[] go from each child to its parent: the units are
 * copied again in preorder, each node's range after its own. */
static int apply_moves(gw_document *doc, const move *mv, size_t nmv)
{
	const gw_unit *u = GW_ARRAY(doc, units, gw_unit);
	gw_buffer out = {0};
	int err = 0;
	size_t k = 0;
	for (gw_node *n = doc->root.first_child; n;
	     n = (gw_node *)gw_node_next_preorder(n)) {
		size_t first = out.len / sizeof(gw_unit);
		for (size_t i = n->units.first;
		     i < n->units.first + n->units.count; i++)
			if (k == nmv || mv[k].child != n || i < mv[k].first ||
			    i >= mv[k].end)
				err |= gw_push(&out, &u[i], sizeof u[i]);
		if (k < nmv && mv[k].child == n)
			k++;
		/* the parent's own, then those its last child gives up */
		if (k < nmv && mv[k].child->parent == n)
			for (size_t i = mv[k].first; i < mv[k].end; i++)
				if (!listed((const gw_unit *)out.data, first,
					    out.len / sizeof(gw_unit), &u[i]))
					err |= gw_push(&out, &u[i], sizeof u[i]);
		n->units.first = first;
		n->units.count = out.len / sizeof(gw_unit) - first;
	}
	gw_buffer_free(&doc->units_buf);
	doc->units_buf = out;
	return err;
}

gw_status gw_units(gw_document *doc, const gw_units_patterns *p)
{
	lead_rule rules[MAX_LEAD_RULES];
	walker w = {doc, p, NULL, 0, {0, 0}, NULL, 0, {0}, NULL, 0, 0, SIZE_MAX, {0}, 0};
	w.rules = rules;
	w.nrules = read_lead_rules(doc, p, rules);
	bracket_stack st = {{0}, 0};
	for (gw_node *n = doc->root.first_child; n && !w.err;
	     n = (gw_node *)gw_node_next_preorder(n)) {
		w.first = GW_COUNT(doc, units, gw_unit);
		w.node_has_lead = 0;
		w.node = n;
		n->units.first = w.first;
		w.trail_at = n->deleted ? SIZE_MAX : parent_clause_line(&w, n);
		if (!n->deleted) {
			size_t first_clause =
				doc->clauses_buf.len / sizeof(gw_span);
			scan_node(&w, n, &st);
			scan_sentences(&w, n, first_clause);
		}
		n->units.count = GW_COUNT(doc, units, gw_unit) - w.first;
	}
	gw_buffer_free(&st.buf);
	gw_buffer_free(&w.lines_buf);
	if (!w.err && w.moves.len)
		w.err |= apply_moves(doc, (const move *)w.moves.data,
				     w.moves.len / sizeof(move));
	gw_buffer_free(&w.moves);
	if (w.err)
		return GW_ERR_NOMEM;
	return read_standing(doc, p);
}
