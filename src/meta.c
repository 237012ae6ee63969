/* meta.c — see meta.h. */
#include "meta.h"

#include <stdio.h>
#include <string.h>

#include "numeral.h"
#include "utf8.h"

#define CN_DIGIT "[〇零一二三四五六七八九]"
#define TITLE_WORDS                                                        \
	"(?:通知|通报|意见|方案|要点|任务|计划|规划|办法|规定|细则|决定|" \
	"公告|通告|报告|请示|批复|函|纪要|指引|指南|措施|清单|条例|规则)"
#define DRAFT "(?:征求意见稿|送审稿|讨论稿|草案|试行稿)"
#define YEAR_RANGE                                                         \
	"[(（]\\s*(?:19|20)\\d{2}\\s*年?\\s*[-—–~～至到]\\s*(?:19|20)?\\d{2}\\s*" \
	"年?\\s*[)）]"

int gw_meta_patterns_init(gw_meta_patterns *p, gw_diag *diag)
{
	memset(p, 0, sizeof *p);
	p->label = gw_re_new(
		"(标题|名称|发文字号|文号|成文日期|发文日期|发文机关|发布机构)\\s*[：:]\\s*",
		GW_RE_ANCHORED, diag);
	/* …实施方案（2024—2026年）（征求意见稿）: the plan's period may
	 * stand between the document-type word and the draft marker */
	p->title_end = gw_re_new(TITLE_WORDS "(?:" YEAR_RANGE ")?(?:[(（]" DRAFT
					     "[)）])?$",
				 0, diag);
	p->draft = gw_re_new("[(（]" DRAFT "[)）]$", 0, diag);
	p->draft_any = gw_re_new(DRAFT, 0, diag);
	p->number_tail = gw_re_new(
		"\\s*[-—－]\\s*([\\p{Han}A-Za-z]{1,20}[〔\\[［(（【]\\d{4}[〕\\]］)）】]"
		"\\d{1,5}号)$",
		0, diag);
	p->date = gw_re_new("(\\d{4}|" CN_DIGIT "{4})年(\\d{1,2}|[一二三四五六"
			    "七八九十]{1,3})月(\\d{1,2}|[一二三四五六七八九十"
			    "]{1,3})日",
			    0, diag);
	p->subject = gw_re_new(
		"关于(?:印发|转发|下发|颁发|发布)(.+)的通知$|征求《(.+)》(?:的)?意见",
		0, diag);
	p->year = gw_re_new("(?<!\\d)((?:19|20)\\d{2})(?:\\s*[-—–~～至到]\\s*"
			    "(?:19|20)?\\d{2})?年",
			    0, diag);
	p->year_range = gw_re_new(YEAR_RANGE, 0, diag);
	/* a label a title never opens with: at most ten Han characters and
	 * blanks, then the colon (文件类型： 公开方式： 当前位置：) */
	p->label_line = gw_re_new("[\\p{Han}\\s]{1,10}[：:]", GW_RE_ANCHORED,
				  diag);
	/* a breadcrumb: from the home page on, parts set apart by > » › → */
	p->crumbs = gw_re_new("(?:[\\p{Han}\\s]{1,10}[：:])?\\s*(?:网站首页|门户首页|"
			      "首页|主页)\\s*(?:>|＞|»|›|→|>>|/|\\\\)",
			      GW_RE_ANCHORED, diag);
	p->info = gw_re_new("(?:发布时间|发布日期|更新时间|信息来源|文章来源|来源|"
			    "浏览次数|浏览量|点击数|点击量|点击次数|阅读次数|"
			    "访问量|访问次数|作者|责任编辑|编辑|字号|字体)\\s*[：:]",
			    0, diag);
	p->stamp = gw_re_new("[(（](?:代章|印|盖章)[)）]$", 0, diag);
	p->field = gw_re_new("(?:主\\s*题\\s*词|主题分类|索\\s*引\\s*号|公文种类|"
			     "发布日期|生效日期|有\\s*效\\s*性|体裁分类|组配分类|"
			     "发布机构|抄\\s*送|印\\s*发)\\s*[：:]",
			     GW_RE_ANCHORED, diag);
	if (!p->label || !p->title_end || !p->draft || !p->draft_any ||
	    !p->number_tail || !p->date || !p->subject || !p->year ||
	    !p->stamp || !p->field || !p->year_range || !p->info ||
	    !p->label_line || !p->crumbs) {
		gw_meta_patterns_free(p);
		return -1;
	}
	return 0;
}

void gw_meta_patterns_free(gw_meta_patterns *p)
{
	gw_re_free(p->label);
	gw_re_free(p->title_end);
	gw_re_free(p->draft);
	gw_re_free(p->draft_any);
	gw_re_free(p->number_tail);
	gw_re_free(p->date);
	gw_re_free(p->subject);
	gw_re_free(p->year);
	gw_re_free(p->stamp);
	gw_re_free(p->field);
	gw_re_free(p->year_range);
	gw_re_free(p->info);
	gw_re_free(p->label_line);
	gw_re_free(p->crumbs);
	memset(p, 0, sizeof *p);
}

/* ---- normalisers -------------------------------------------------------- */

/* [ ( ［ （ 【 〔 ﹝ and their closers: every bracket a year is written in. */
static int is_open_num(int32_t cp)
{
	return cp == '[' || cp == '(' || cp == 0xFF3B || cp == 0xFF08 ||
	       cp == 0x3010 || cp == 0x3014 || cp == 0xFE5D;
}

static int is_close_num(int32_t cp)
{
	return cp == ']' || cp == ')' || cp == 0xFF3D || cp == 0xFF09 ||
	       cp == 0x3011 || cp == 0x3015 || cp == 0xFE5E;
}

gw_str gw_normalize_doc_number(gw_document *doc, gw_str s)
{
	char *out = gw_arena_alloc(&doc->arena, s.len * 2 + 1);
	if (!out)
		return gw_str_make("", 0);
	size_t o = 0, i = 0;
	while (i < s.len) {
		size_t at = i;
		int32_t cp = gw_utf8_next(s.ptr, s.len, &i);
		if (gw_is_space(cp))
			continue;
		if (is_open_num(cp))
			cp = 0x3014;
		else if (is_close_num(cp))
			cp = 0x3015;
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = '0' + (cp - 0xFF10);
		else {
			memcpy(out + o, s.ptr + at, i - at);
			o += i - at;
			continue;
		}
		o += gw_utf8_encode(cp, out + o);
	}
	out[o] = '\0';
	return gw_str_make(out, o);
}

static int date_part(const char *p, size_t n, int *v)
{
	if (gw_arabic_number(p, n, 4, v) == n)
		return 1;
	return gw_cn_date_number(p, n, v) == n;
}

static const char *find(gw_str s, size_t from, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = from; i + k <= s.len; i++)
		if (!memcmp(s.ptr + i, needle, k))
			return s.ptr + i;
	return NULL;
}

int gw_parse_date(gw_str s, char iso[11])
{
	const char *y = find(s, 0, "年");
	const char *m = y ? find(s, (size_t)(y - s.ptr), "月") : NULL;
	const char *d = m ? find(s, (size_t)(m - s.ptr), "日") : NULL;
	if (!d)
		return 0;
	int year, month, day;
	if (!date_part(s.ptr, (size_t)(y - s.ptr), &year) ||
	    !date_part(y + 3, (size_t)(m - y - 3), &month) ||
	    !date_part(m + 3, (size_t)(d - m - 3), &day))
		return 0;
	if (year < 1900 || year > 2199 || month < 1 || month > 12 ||
	    day < 1 || day > 31)
		return 0;
	snprintf(iso, 11, "%04d-%02d-%02d", year, month, day);
	return 1;
}

/* ---- the lines outside the outline -------------------------------------- */

typedef struct reader {
	gw_document *doc;
	const gw_meta_patterns *pat;
	const gw_line *lines;
	size_t n;     /* lines before the first node */
	size_t total; /* all lines */
} reader;

static gw_str text_of(const reader *r, size_t i)
{
	return gw_line_text(r->doc, &r->lines[i]);
}

static int has_sentence_mark(gw_str s)
{
	return gw_str_contains(s, "。") || gw_str_contains(s, "，") || gw_str_contains(s, "；") ||
	       gw_str_contains(s, "：") || gw_str_contains(s, ":") || gw_str_contains(s, ",");
}

static gw_str strip_suffix_match(gw_re *re, gw_str s, int *hit)
{
	gw_match m;
	if (s.len && gw_re_search(re, s.ptr, s.len, 0, &m)) {
		if (hit)
			*hit = 1;
		return gw_str_make(s.ptr, m.start[0]);
	}
	return s;
}

/* A number of 1..max digits at s[*i], advanced past; -1 when none. */
static int digits_at(gw_str s, size_t *i, size_t max)
{
	int v = 0;
	size_t b = *i;
	while (*i < s.len && *i - b < max && s.ptr[*i] >= '0' && s.ptr[*i] <= '9')
		v = v * 10 + (s.ptr[(*i)++] - '0');
	return *i > b ? v : -1;
}

/* A metadata table's date as web sites write it, 2025-03-05, 2025/3/5 or
 * 2025.03.05 (one separator twice, blanks around), into "YYYY-MM-DD". */
static int parse_numeric_date(gw_str s, char iso[11])
{
	size_t i = 0;
	while (i < s.len && s.ptr[i] == ' ')
		i++;
	int y = digits_at(s, &i, 4);
	if (y < 1900 || y > 2199 || i >= s.len || !s.ptr[i] ||
	    !strchr("-/.", s.ptr[i]))
		return 0;
	char sep = s.ptr[i++];
	int m = digits_at(s, &i, 2);
	if (m < 1 || m > 12 || i >= s.len || s.ptr[i++] != sep)
		return 0;
	int d = digits_at(s, &i, 2);
	while (i < s.len && s.ptr[i] == ' ')
		i++;
	if (d < 1 || d > 31 || i < s.len)
		return 0;
	snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
	return 1;
}

/* 发文机关：A、B (two issuers, each on a line of its cell on a web page)
 * as A|B, the spec's join of a multi-valued field; a 、 inside brackets
 * (县委宣传部（县新闻出版局、版权局）) is part of one name.  A copy in
 * the arena when there are several; NULL ptr when out of memory. */
static gw_str join_issuers(gw_document *doc, gw_str s)
{
	if (!gw_str_contains(s, "、"))
		return s;
	char *out = gw_arena_alloc(&doc->arena, s.len + 1);
	if (!out)
		return gw_str_make(NULL, 0);
	size_t o = 0, i = 0;
	int depth = 0;
	while (i < s.len) {
		size_t at = i;
		int32_t cp = gw_utf8_next(s.ptr, s.len, &i);
		depth += gw_is_open_paren(cp) - gw_is_close_paren(cp);
		if (cp == 0x3001 && depth <= 0) {
			out[o++] = '|';
			continue;
		}
		memcpy(out + o, s.ptr + at, i - at);
		o += i - at;
	}
	out[o] = '\0';
	return gw_str_make(out, o);
}

static void put_label(reader *r, gw_str label, gw_str value)
{
	gw_meta *meta = &r->doc->meta;
	if (!value.len)
		return;
	int title = gw_str_contains(label, "标题") || gw_str_contains(label, "名称");
	if (title && !meta->title.len)
		meta->title = value;
	else if (gw_str_contains(label, "号") && !meta->number.len)
		meta->number = gw_normalize_doc_number(r->doc, value);
	else if (gw_str_contains(label, "日期") && !meta->date.len) {
		char iso[11];
		if (gw_parse_date(value, iso) || parse_numeric_date(value, iso))
			meta->date = gw_str_cstr(gw_arena_strndup(
				&r->doc->arena, iso, 10));
	} else if (!title && !gw_str_contains(label, "号") &&
		   !gw_str_contains(label, "日期") && !meta->issuer.len) {
		gw_str names = join_issuers(r->doc, value);
		meta->issuer = names.ptr ? names : value; /* out of memory: whole */
	}
}

/* 标题：… 发文字号：… lines of a gov.cn page.  A label right after a
 * label (发文字号：成文日期：2025-03-05, the value cell between them left
 * empty) leaves the first one without a value. */
static void read_labels(reader *r)
{
	for (size_t i = 0; i < r->n; i++) {
		gw_str t = text_of(r, i);
		gw_match m;
		size_t at = 0;
		while (!r->lines[i].deleted &&
		       gw_re_search(r->pat->label, t.ptr, t.len, at, &m)) {
			gw_str label = gw_str_make(t.ptr + m.start[1],
						   gw_match_len(&m, 1));
			at = m.end[0];
			if (gw_re_search(r->pat->label, t.ptr, t.len, at, NULL))
				continue; /* no value: the next label follows */
			put_label(r, label, gw_str_make(t.ptr + at, t.len - at));
			break;
		}
	}
}

static int is_masthead(gw_str t)
{
	return gw_str_ends_with(t, "文件") && !has_sentence_mark(t);
}

/* A line of a web page's metadata block (发文字号：… 主题词：…). */
static int is_field(const reader *r, size_t i)
{
	gw_str t = text_of(r, i);
	return gw_re_search(r->pat->label, t.ptr, t.len, 0, NULL) ||
	       gw_re_search(r->pat->field, t.ptr, t.len, 0, NULL);
}

enum { INFO_SCAN = 240 }; /* bytes of a line an info bar's labels are in */

/* Is line i a web page's info bar (发布时间：2025-03-05 来源：县政府办
 * 浏览次数：)?  It opens with one of its labels or holds two.  Only its
 * first INFO_SCAN bytes are read: a bar is short, and no line costs more
 * than that however long it is. */
static int is_info_bar(const reader *r, size_t i)
{
	gw_str t = text_of(r, i);
	size_t n = t.len < INFO_SCAN ? t.len : INFO_SCAN;
	while (n < t.len && n > 0 && ((unsigned char)t.ptr[n] & 0xC0) == 0x80)
		n--; /* not inside a character */
	gw_match m;
	if (!gw_re_search(r->pat->info, t.ptr, n, 0, &m))
		return 0;
	return m.start[0] == 0 ||
	       gw_re_search(r->pat->info, t.ptr, n, m.end[0], NULL);
}

/* Is line i of a web page's furniture no title is part of: a metadata
 * field, a label line (文件类型：通知), the info bar, a breadcrumb
 * (首页 > 政务公开 > 通知公告)? */
static int is_page_furniture(const reader *r, size_t i)
{
	gw_str t = text_of(r, i);
	return is_field(r, i) || is_info_bar(r, i) ||
	       gw_re_search(r->pat->label_line, t.ptr, t.len, 0, NULL) ||
	       gw_re_search(r->pat->crumbs, t.ptr, t.len, 0, NULL);
}

/* Could the title begin on line i? */
static int may_begin_title(const reader *r, size_t i)
{
	return !r->lines[i].deleted && r->lines[i].kind == GW_LINE_TEXT &&
	       !is_masthead(text_of(r, i)) && !is_page_furniture(r, i);
}

/* Does line k+1 carry on a title that seemed to end on line k: it opens
 * with 的 or the plan's period and ends with a type word itself
 * (…实施方案 / （2025—2027年）的通知)? */
static int title_goes_on(const reader *r, size_t k)
{
	if (k + 1 >= r->n || r->lines[k + 1].deleted ||
	    r->lines[k + 1].kind != GW_LINE_TEXT)
		return 0;
	gw_str next = text_of(r, k + 1);
	gw_match m;
	int opens = (next.len >= 3 && !memcmp(next.ptr, "的", 3)) ||
		    (gw_re_search(r->pat->year_range, next.ptr, next.len, 0, &m) &&
		     m.start[0] == 0);
	return opens && !gw_str_contains(next, "。") &&
	       gw_re_search(r->pat->title_end, next.ptr, next.len, 0, NULL);
}

/* The title as a run of at most four lines from line i that ends with a
 * document-type word; a year range and a draft marker on the lines
 * after it belong to it.  0 when there is none from i. */
static int title_from(reader *r, size_t i, size_t *after)
{
	gw_meta *meta = &r->doc->meta;
	for (size_t k = i; k < r->n && k < i + 4; k++) {
		gw_str t = text_of(r, k);
		if (r->lines[k].deleted || r->lines[k].kind != GW_LINE_TEXT ||
		    gw_str_contains(t, "。") || is_page_furniture(r, k))
			return 0;
		int numbered = 0;
		gw_str body = strip_suffix_match(r->pat->number_tail, t, &numbered);
		if (!gw_re_search(r->pat->title_end, body.ptr, body.len, 0, NULL))
			continue;
		/* …实施方案 / （2025—2027年）的通知: the title goes on */
		if (title_goes_on(r, k)) {
			k++;
			t = text_of(r, k);
			body = strip_suffix_match(r->pat->number_tail, t, &numbered);
		}
		gw_str first = text_of(r, i);
		if (!meta->title.len)
			meta->title = gw_str_make(first.ptr,
						  (size_t)(body.ptr + body.len - first.ptr));
		if (numbered && !meta->number.len) {
			gw_match m;
			gw_re_search(r->pat->number_tail, t.ptr, t.len, 0, &m);
			meta->number = gw_normalize_doc_number(
				r->doc, gw_str_make(t.ptr + m.start[1],
						    gw_match_len(&m, 1)));
		}
		*after = k + 1;
		/* （2024—2026年） on the next line belongs to the title. */
		if (*after < r->n && !r->lines[*after].deleted) {
			gw_str next = text_of(r, *after);
			if (gw_re_full(r->pat->year_range, next.ptr, next.len, NULL) &&
			    next.ptr == meta->title.ptr + meta->title.len) {
				meta->title.len += next.len;
				(*after)++;
			}
		}
		if (*after < r->n) {
			gw_str next = text_of(r, *after);
			if (gw_re_full(r->pat->draft, next.ptr, next.len, NULL)) {
				meta->draft = 1;
				(*after)++;
			}
		}
		return 1;
	}
	return 0;
}

enum { TITLE_REACH = 8 }; /* lines of the preamble the title may start on */

/* The title is the first such run above the body (a line with a sentence
 * end).  Lines above it that are no title are passed over: a masthead,
 * a web page's metadata, the issuer's name without 文件 (…办公厅), a
 * 发文字号. */
static void read_title(reader *r, size_t *after)
{
	*after = 0;
	for (size_t i = 0; i < r->n && i < TITLE_REACH; i++) {
		if (!may_begin_title(r, i))
			continue;
		if (gw_str_contains(text_of(r, i), "。") || title_from(r, i, after))
			return;
	}
}

static void read_number(reader *r)
{
	gw_meta *meta = &r->doc->meta;
	for (size_t i = 0; i < r->n && !meta->number.len; i++)
		if (r->lines[i].kind == GW_LINE_NUMBER && !r->lines[i].deleted)
			meta->number = gw_normalize_doc_number(r->doc, text_of(r, i));
}

static void read_recipients(reader *r, size_t from)
{
	gw_meta *meta = &r->doc->meta;
	for (size_t i = from; i < r->n && !meta->recipients.len; i++) {
		gw_str t = text_of(r, i);
		if (r->lines[i].deleted || r->lines[i].kind != GW_LINE_TEXT)
			continue;
		if (gw_str_contains(t, "。"))
			return;
		if (gw_re_search(r->pat->field, t.ptr, t.len, 0, NULL) ||
		    is_info_bar(r, i))
			continue; /* 主题词：, a web page's other fields and its
				     info bar */
		if (gw_str_ends_with(t, "：") && t.len > 3)
			meta->recipients = gw_str_make(t.ptr, t.len - 3);
		else if (gw_str_ends_with(t, ":") && t.len > 1)
			meta->recipients = gw_str_make(t.ptr, t.len - 1);
	}
}

static int is_blank_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

/* Append the signers of one signature line, '|'-separated.  Two bodies
 * signing on one line stand apart by blanks, which the cleaner dropped
 * between Chinese characters: the line as written in the source tells. */
static int put_signers(reader *r, const gw_line *l, gw_buffer *out)
{
	const gw_buffer *src = &r->doc->source;
	const char *p = src->data + l->src_offset;
	const char *nl = memchr(p, '\n', src->len - l->src_offset);
	gw_str phys = gw_str_make(p, nl ? (size_t)(nl - p) : src->len - l->src_offset);
	gw_str whole = text_of(r, l - r->lines);
	int err = 0;
	size_t i = 0, seen = 0;
	while (i < phys.len) {
		while (i < phys.len) {
			size_t j = i;
			if (!is_blank_cp(gw_utf8_next(phys.ptr, phys.len, &j)))
				break;
			i = j;
		}
		size_t from = i;
		while (i < phys.len) {
			size_t j = i;
			if (is_blank_cp(gw_utf8_next(phys.ptr, phys.len, &j)))
				break;
			i = j;
		}
		if (i == from)
			break;
		gw_str name = gw_str_make(phys.ptr + from, i - from);
		/* Only when the pieces are exactly the cleaned line. */
		if (seen + name.len > whole.len ||
		    memcmp(whole.ptr + seen, name.ptr, name.len))
			break;
		seen += name.len;
		name = strip_suffix_match(r->pat->stamp, name, NULL);
		if (out->len)
			err |= gw_buf_putc(out, '|');
		err |= gw_buf_putstr(out, name);
	}
	if (seen == whole.len)
		return err;
	/* The physical line is not the logical one: take it whole. */
	gw_str t = strip_suffix_match(r->pat->stamp, whole, NULL);
	if (out->len)
		err |= gw_buf_putc(out, '|');
	return err | gw_buf_putstr(out, t);
}

/* Signature lines: the short unpunctuated lines right above the date. */
static gw_status read_signature(reader *r, size_t date_line)
{
	gw_meta *meta = &r->doc->meta;
	size_t first = date_line;
	while (first > 0 && date_line - first < 3) {
		const gw_line *l = &r->lines[first - 1];
		gw_str t = text_of(r, first - 1);
		if (l->deleted || l->kind != GW_LINE_TEXT || l->marker.level ||
		    has_sentence_mark(t) || gw_str_width(t.ptr, t.len) > 60 ||
		    gw_str_contains(t, "《"))
			break;
		first--;
	}
	if (first == date_line || meta->issuer.len)
		return GW_OK;
	gw_buffer tmp = {0};
	int err = 0;
	for (size_t i = first; i < date_line; i++)
		err |= put_signers(r, &r->lines[i], &tmp);
	if (!err && tmp.len) {
		char *s = gw_arena_strndup(&r->doc->arena, tmp.data, tmp.len);
		if (s)
			meta->issuer = gw_str_make(s, tmp.len);
		else
			err = 1;
	}
	gw_buffer_free(&tmp);
	return err ? GW_ERR_NOMEM : GW_OK;
}

/* The first date line outside the outline gives 成文日期 and, above it,
 * the signature. */
static gw_status read_date(reader *r)
{
	gw_meta *meta = &r->doc->meta;
	for (size_t i = 0; i < r->total; i++) {
		const gw_line *l = &r->lines[i];
		if (l->kind != GW_LINE_DATE || l->deleted ||
		    l->region == GW_REGION_NODE)
			continue;
		gw_str t = text_of(r, i);
		gw_match m;
		char iso[11];
		if (!gw_re_search(r->pat->date, t.ptr, t.len, 0, &m) ||
		    !gw_parse_date(gw_str_make(t.ptr + m.start[0],
					       m.end[0] - m.start[0]),
				   iso))
			continue;
		if (!meta->date.len) {
			char *s = gw_arena_strndup(&r->doc->arena, iso, 10);
			if (!s)
				return GW_ERR_NOMEM;
			meta->date = gw_str_make(s, 10);
		}
		return read_signature(r, i);
	}
	return GW_OK;
}

/* Masthead "X文件" names the issuer when no signature does. */
static void read_masthead(reader *r)
{
	gw_meta *meta = &r->doc->meta;
	for (size_t i = 0; i < r->n && i < 4 && !meta->issuer.len; i++) {
		gw_str t = text_of(r, i);
		if (is_masthead(t) && t.len > 6)
			meta->issuer = gw_str_make(t.ptr, t.len - 6);
	}
}

/* 《A》和《B》 (also 、 及 与 between): the plans a notice issues, A|B;
 * a copy when there are several, NULL ptr when out of memory. */
static gw_str join_plans(gw_document *doc, gw_str s)
{
	static const char *const seps[] = {"》和《", "》、《", "》及《", "》与《"};
	size_t first = SIZE_MAX;
	for (size_t k = 0; k < 4; k++) {
		size_t at = gw_find(s.ptr, s.len, 0, seps[k]);
		if (at < first)
			first = at;
	}
	if (first == SIZE_MAX)
		return s;
	char *out = gw_arena_alloc(&doc->arena, s.len + 1);
	if (!out)
		return gw_str_make(NULL, 0);
	size_t o = 0;
	for (size_t i = 0; i < s.len;) {
		size_t k = 0;
		while (k < 4 && (s.len - i < 9 || memcmp(s.ptr + i, seps[k], 9)))
			k++;
		if (k < 4) {
			out[o++] = '|';
			i += 9;
		} else {
			out[o++] = s.ptr[i++];
		}
	}
	out[o] = '\0';
	return gw_str_make(out, o);
}

static gw_status read_subject(reader *r)
{
	gw_meta *meta = &r->doc->meta;
	gw_str t = meta->title;
	gw_match m;
	if (!t.len || !gw_re_search(r->pat->subject, t.ptr, t.len, 0, &m))
		return GW_OK;
	int g = gw_match_has(&m, 1) ? 1 : 2;
	gw_str s = gw_str_make(t.ptr + m.start[g], gw_match_len(&m, g));
	if (s.len >= 6 && !memcmp(s.ptr, "《", 3) && gw_str_ends_with(s, "》"))
		s = gw_str_make(s.ptr + 3, s.len - 6);
	int draft = 0;
	s = strip_suffix_match(r->pat->draft, s, &draft);
	if (draft)
		meta->draft = 1;
	meta->subject = join_plans(r->doc, s);
	return meta->subject.ptr ? GW_OK : GW_ERR_NOMEM;
}

static void read_status_and_year(reader *r)
{
	gw_meta *meta = &r->doc->meta;
	int draft = 0;
	meta->title = strip_suffix_match(r->pat->draft, meta->title, &draft);
	if (draft || (meta->title.len &&
		      gw_re_search(r->pat->draft_any, meta->title.ptr,
				   meta->title.len, 0, NULL)))
		meta->draft = 1;
	gw_match m;
	if (meta->title.len &&
	    gw_re_search(r->pat->year, meta->title.ptr, meta->title.len, 0, &m)) {
		gw_arabic_number(meta->title.ptr + m.start[1], 4, 4,
				 &meta->plan_year);
	} else if (meta->date.len == 10) {
		gw_arabic_number(meta->date.ptr, 4, 4, &meta->plan_year);
	}
}

gw_status gw_read_meta(gw_document *doc, const gw_meta_patterns *pat)
{
	reader r = {doc, pat, gw_doc_lines(doc), 0, gw_doc_nlines(doc)};
	while (r.n < r.total && r.lines[r.n].region == GW_REGION_PREAMBLE &&
	       r.lines[r.n].part <= 1)
		r.n++;
	size_t after_title;
	read_labels(&r);
	read_title(&r, &after_title);
	read_number(&r);
	read_recipients(&r, after_title);
	gw_status st = read_date(&r);
	if (st != GW_OK)
		return st;
	read_masthead(&r);
	st = read_subject(&r);
	if (st != GW_OK)
		return st;
	read_status_and_year(&r);
	return GW_OK;
}
