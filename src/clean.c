/* clean.c — see clean.h. */
#include "clean.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "utf8.h"

/* ---- patterns --------------------------------------------------------- */

#define OPEN_NUM "[〔\\[［(（【﹝]"
#define CLOSE_NUM "[〕\\]］)）】﹞]"
#define CN_DIGIT "[〇零一二三四五六七八九]"

int gw_clean_patterns_init(gw_clean_patterns *p, gw_diag *diag)
{
	memset(p, 0, sizeof *p);
	p->residue = gw_re_new("\\[bookmark:[^\\]\\n]*\\]|\\[\\]\\{#[^}\\n]*\\}|"
			       "\\[\\^[^\\]\\s]{1,16}\\]",
			       GW_RE_ANCHORED, diag);
	p->page_number = gw_re_new("[-—–－]{1,3}\\s*\\d{1,4}\\s*[-—–－]{1,3}", 0,
				   diag);
	p->number_line = gw_re_new(
		"[\\p{Han}A-Za-z]{1,20}\\s*" OPEN_NUM "\\s*\\d{4}\\s*" CLOSE_NUM
		"\\s*\\d{1,5}\\s*号",
		0, diag);
	p->ends_number = gw_re_new(
		"[\\p{Han}A-Za-z]{1,20}\\s*" OPEN_NUM "\\s*\\d{4}\\s*" CLOSE_NUM
		"\\s*\\d{1,5}\\s*号[)）]?$",
		0, diag);
	p->date_line = gw_re_new(
		"(?:\\d{4}|" CN_DIGIT "{4})\\s*年\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})"
		"\\s*月\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日",
		0, diag);
	/* 附件下载： a web page's list of downloads: the notice ends there */
	p->attachment = gw_re_new("附\\s*件\\s*(?:下\\s*载|列\\s*表)?\\s*\\d{0,2}\\s*(?:[：:]|$)",
				  GW_RE_ANCHORED, diag);
	p->title_end = gw_re_new(
		"(?:通知|通报|意见|方案|要点|任务|计划|规划|办法|规定|细则|决定|"
		"公告|通告|报告|请示|批复|函|纪要|指引|指南|措施|清单|条例|规则|"
		"(?:征求意见|送审|讨论)稿[)）]?|[(（]草案[)）])$",
		0, diag);
	/* A task's fields on lines of their own (分工方案): who and by when. */
	p->field = gw_re_new("(?:(?:牵头|配合|协办|协助|协同|参与|责任|主办|"
			     "主责|实施)(?:单位|部门|科室|处室)|(?:完成|办结)(?:时限|"
			     "时间|期限)|时间(?:安排|节点|要求)|时限(?:要求)?)"
			     "\\s*[：:]",
			     GW_RE_ANCHORED, diag);
	/* Any field's label (工作目标：), after a wide blank on a line. */
	p->any_field = gw_re_new("\\p{Han}{2,6}\\s*[：:]", GW_RE_ANCHORED, diag);
	/* The header of a task table names its columns: who, and by when. */
	p->head_units = gw_re_new(
		"(?:主要)?(?:牵头|配合|协办|协助|协同|参与|责任|主办|主责|"
		"实施|承办)(?:责任)?(?:单位|部门|科室|处室|主体)"
		"(?:\\s*[(（][^()（）]{0,12}[)）])?",
		0, diag);
	p->head_time = gw_re_new(
		"(?:完成|办结|截止)(?:时限|时间|期限|日期)|"
		"时间(?:安排|节点|要求|进度)|时限(?:要求)?|进度(?:安排|要求)|"
		"完成(?:时间)?节点",
		0, diag);
	if (!p->residue || !p->page_number || !p->number_line ||
	    !p->ends_number || !p->date_line || !p->attachment ||
	    !p->title_end || !p->field || !p->head_units || !p->head_time ||
	    !p->any_field) {
		gw_clean_patterns_free(p);
		return -1;
	}
	return 0;
}

void gw_clean_patterns_free(gw_clean_patterns *p)
{
	gw_re_free(p->residue);
	gw_re_free(p->page_number);
	gw_re_free(p->number_line);
	gw_re_free(p->ends_number);
	gw_re_free(p->date_line);
	gw_re_free(p->attachment);
	gw_re_free(p->title_end);
	gw_re_free(p->field);
	gw_re_free(p->head_units);
	gw_re_free(p->head_time);
	gw_re_free(p->any_field);
	memset(p, 0, sizeof *p);
}

/* ---- character classes used by the joining rules ----------------------- */

/* Sentence ends (and the colon that ends a salutation or a label). */
static int is_terminal(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' ||
	       cp == '?' || cp == 0xFF1A || cp == ':';
}

/* Sentence ends proper, for the heading-style measure. */
static int is_sentence_end(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' ||
	       cp == '?';
}

/* Marks after which a paragraph cannot end: 、，,；; */
static int is_continuation(int32_t cp)
{
	return cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == 0xFF1B ||
	       cp == ';';
}

/* Closing quotes that may follow a sentence end: ”’」』 */
static int is_close_quote(int32_t cp)
{
	return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F;
}

/* A character that cannot begin a paragraph. */
static int cannot_start(int32_t cp)
{
	return is_continuation(cp) || gw_is_close_paren(cp) || cp == 0x3002 ||
	       cp == 0x300B || cp == 0x201D || cp == 0xFF1A;
}

/* ---- pass 1: physical lines ------------------------------------------- */

typedef struct tilde {
	size_t pos;
	unsigned paired : 1;
	unsigned opens : 1;
} tilde;

typedef struct del_tmp {
	size_t at; /* relative to the line's visible start */
	size_t start, len;
} del_tmp;

typedef struct phys {
	size_t vstart, vlen;  /* visible text in cleaner.vis */
	size_t sstart, slen;  /* struck text of a wholly struck line */
	size_t del0, ndel;    /* in cleaner.dels */
	size_t src_offset;
	uint32_t lineno;
	uint32_t width;
	gw_line_kind kind;
	gw_marker marker;
	unsigned blank : 1;
	unsigned struck : 1;
	unsigned ends_number : 1;
	unsigned title_end : 1;
	unsigned field : 1; /* begins with a field's label (完成时限：) */
	unsigned signs : 1; /* a short line right above the date line */
	unsigned plain : 1; /* no punctuation: could be a running header */
	unsigned cells : 1; /* a table row: cells split by TABs (before
			       read_tables(): a line with TABs in vis) */
	unsigned page_number : 1; /* — 3 — (blank from then on) */
	unsigned aligned : 1; /* cells set apart by runs of blanks, not TABs
				 (a table laid out in text: pdftotext
				 -layout); ordinary text unless a task
				 table reads it */
} phys;

/* The columns of a table laid out in text, and the cells of one line. */
enum { ALIGN_COLUMNS = 24 };
typedef struct aligned_cell {
	size_t b, e;	 /* bytes of the source */
	uint32_t column; /* display column of its first character */
} aligned_cell;
typedef struct layout_grid {
	uint32_t start[ALIGN_COLUMNS]; /* display column of each header cell */
	size_t n;		       /* 0: no laid-out table open */
} layout_grid;

typedef struct cleaner {
	gw_document *doc;
	const gw_clean_patterns *pat;
	const char *src;
	size_t srclen;
	tilde *tildes;
	size_t ntildes, next_tilde;
	int in_del;
	size_t link_close, link_after; /* [text](url): where ](url) is */
	gw_buffer vis;	  /* visible text of all physical lines */
	gw_buffer dels;	  /* del_tmp[] */
	gw_buffer lines;  /* phys[] */
	/* document-wide measures */
	int hard_wrapped;
	uint32_t wrap_width;
	int run_in[5]; /* per marker level: headings run into the text */
	layout_grid grid; /* of the laid-out task table being scanned */
} cleaner;

/* Find every ~~ and pair them: a pair may span at most four lines, so an
 * unbalanced marker cannot strike out the rest of the document.  An
 * unpaired ~~ is dropped as residue. */
static int find_tildes(cleaner *c)
{
	gw_buffer buf = {0};
	gw_buffer lines = {0};
	uint32_t line = 0;
	for (size_t i = 0; i + 1 < c->srclen; i++) {
		if (c->src[i] == '\n') {
			line++;
		} else if (c->src[i] == '~' && c->src[i + 1] == '~') {
			tilde t = {i, 0, 0};
			if (gw_push(&buf, &t, sizeof t) ||
			    gw_push(&lines, &line, sizeof line)) {
				gw_buffer_free(&buf);
				gw_buffer_free(&lines);
				return -1;
			}
			i++;
		}
	}
	tilde *t = (tilde *)buf.data;
	uint32_t *ln = (uint32_t *)lines.data;
	size_t n = buf.len / sizeof *t;
	for (size_t k = 0; k + 1 < n;) {
		if (ln[k + 1] - ln[k] <= 4) {
			t[k].paired = t[k + 1].paired = 1;
			t[k].opens = 1;
			k += 2;
		} else {
			k++;
		}
	}
	gw_buffer_free(&lines);
	c->tildes = t;
	c->ntildes = n;
	return 0;
}

enum {
	CELL_BREAK = 2, /* a pending blank that was a TAB */
	IN_CELL = 3	/* a line break inside a cell of a row (\v) */
};

typedef struct line_state {
	int cells; /* the line has TABs inside (has_inner_tab) */
	int pipes; /* …or is a Markdown table row, | between cells */
	int pending_vis_space, pending_struck_space;
	int vis_blanks; /* blanks in the pending visible run (U+3000 counts 2) */
	int32_t prev_vis, prev_struck;
	size_t vstart, sstart;
	size_t del0;
	size_t open_del; /* index of the open del_tmp, or SIZE_MAX */
	int err;
} line_state;

static void begin_del(cleaner *c, line_state *st)
{
	del_tmp d = {c->vis.len - st->vstart, c->doc->struck.len, 0};
	st->open_del = c->dels.len / sizeof d;
	st->err |= gw_push(&c->dels, &d, sizeof d);
	st->pending_struck_space = 0;
	st->prev_struck = -1;
}

static void end_del(cleaner *c, line_state *st)
{
	if (st->open_del == SIZE_MAX)
		return;
	del_tmp *d = (del_tmp *)c->dels.data + st->open_del;
	d->len = c->doc->struck.len - d->start;
	st->open_del = SIZE_MAX;
}

/* Emit one character, dropping or keeping a pending blank before it. */
static void emit(cleaner *c, line_state *st, int32_t cp, const char *p,
		 size_t n)
{
	gw_buffer *b = c->in_del ? &c->doc->struck : &c->vis;
	int *pending = c->in_del ? &st->pending_struck_space
				 : &st->pending_vis_space;
	int32_t *prev = c->in_del ? &st->prev_struck : &st->prev_vis;
	/* In a table row a blank between two characters, or a line break in
	 * a cell, may part two names (县财政局 县教育局): it stays as \v for
	 * read_tables(). */
	if (*pending && *prev >= 0 && st->cells && !c->in_del &&
	    (*pending == IN_CELL || (gw_is_han(*prev) && gw_is_han(cp))))
		st->err |= gw_buf_putc(b, '\v');
	else if (*pending && *prev >= 0 &&
		 (*pending == CELL_BREAK || (!gw_is_cjk(*prev) && !gw_is_cjk(cp))))
		st->err |= gw_buf_putc(b, ' ');
	*pending = 0;
	if (!c->in_del)
		st->vis_blanks = 0;
	st->err |= gw_buf_put(b, p, n);
	*prev = cp;
}

/* 责任单位：市发改委   完成时限：…: fields of a Word table row copied onto
 * one line, set apart by a wide blank (two blanks or more, or U+3000).
 * Before another field's label such a blank ends the field before it,
 * so it stays as one space even between CJK characters. */
static void keep_field_break(cleaner *c, line_state *st, size_t i, size_t e)
{
	if (c->in_del || st->cells || st->vis_blanks < 2 ||
	    !st->pending_vis_space || st->prev_vis < 0)
		return;
	if (gw_re_search(c->pat->any_field, c->src, e, i, NULL))
		st->pending_vis_space = CELL_BREAK;
}

static int is_ascii_punct(char ch)
{
	return ch && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", ch) != NULL;
}

/* Artefacts that are skipped without output; returns bytes to skip. */
/* A Markdown link [text](address) opening at s[i]: its text stays, the
 * brackets and the address go.  Returns 1 and notes where ](…) is. */
static int opens_link(cleaner *c, size_t i, size_t e)
{
	const char *s = c->src;
	for (size_t k = i + 1; k + 1 < e; k++) {
		if (s[k] == '[' || s[k] == '\n')
			return 0;
		if (s[k] != ']')
			continue;
		if (s[k + 1] != '(')
			return 0;
		/* an address: ASCII, no blanks, with a / . : or # in it */
		int addressy = 0;
		for (size_t u = k + 2; u < e; u++) {
			unsigned char a = (unsigned char)s[u];
			if (a == ')' && addressy) {
				c->link_close = k;
				c->link_after = u + 1;
				return 1;
			}
			if (a >= 0x80 || a <= ' ' || a == '(' || a == ')')
				return 0;
			addressy |= a == '/' || a == '.' || a == ':' || a == '#';
		}
		return 0;
	}
	return 0;
}

static size_t skip_residue(cleaner *c, size_t i, size_t e)
{
	const char *s = c->src;
	char ch = s[i];
	if (ch == '*' && i + 1 < e && s[i + 1] == '*')
		return 2;
	if (ch == '\\' && i + 1 < e && is_ascii_punct(s[i + 1]))
		return 1;
	/* a backslash that ends the line: Markdown's hard line break */
	if (ch == '\\' && (i + 1 == e || (i + 2 == e && s[i + 1] == '\r')))
		return 1;
	if (i == c->link_close)
		return c->link_after - i;
	if (ch == '[') {
		gw_match m;
		if (gw_re_search(c->pat->residue, s, e, i, &m))
			return m.end[0] - i;
		if (opens_link(c, i, e))
			return 1;
	}
	return 0;
}

/* E4..E9 lead U+4000..U+9FFF: ideographs, never blanks, brackets or
 * marks.  The bulk of a notice, so it is copied in runs. */
static int is_ideograph_lead(char ch)
{
	unsigned char u = (unsigned char)ch;
	return u >= 0xE4 && u <= 0xE9;
}

/* Copy the run of ideographs at p (after one was emitted, so no blank is
 * pending); returns the bytes copied. */
static size_t copy_ideographs(cleaner *c, line_state *st, const char *p,
			      size_t n)
{
	size_t k = 0;
	while (k + 3 <= n && is_ideograph_lead(p[k]) &&
	       ((unsigned char)p[k + 1] & 0xC0) == 0x80 &&
	       ((unsigned char)p[k + 2] & 0xC0) == 0x80)
		k += 3;
	if (k) {
		gw_buffer *b = c->in_del ? &c->doc->struck : &c->vis;
		st->err |= gw_buf_put(b, p, k);
	}
	return k;
}

/* Clean the characters of source line [s, e) into vis / struck. */
static void scan_line(cleaner *c, size_t s, size_t e, line_state *st)
{
	const char *src = c->src;
	size_t i = s;
	if (c->in_del)
		begin_del(c, st);
	while (i < e) {
		if (src[i] == '~' && i + 1 < e && src[i + 1] == '~' &&
		    c->next_tilde < c->ntildes &&
		    c->tildes[c->next_tilde].pos == i) {
			tilde t = c->tildes[c->next_tilde++];
			i += 2;
			if (t.paired && t.opens && !c->in_del) {
				c->in_del = 1;
				begin_del(c, st);
			} else if (t.paired && !t.opens && c->in_del) {
				end_del(c, st);
				c->in_del = 0;
			}
			continue;
		}
		size_t skip = skip_residue(c, i, e);
		if (skip) {
			i += skip;
			continue;
		}
		size_t j = i;
		int32_t cp = gw_utf8_next(src, e, &j);
		if (is_ideograph_lead(src[i]) && j - i == 3) {
			keep_field_break(c, st, i, e);
			emit(c, st, cp, src + i, 3);
			i = j + copy_ideographs(c, st, src + j, e - j);
			continue;
		}
		if (cp == '\f' && st->cells && !c->in_del) {
			/* a cell copied down by a web page's rowspan (html.c) */
			st->err |= gw_buf_putc(&c->vis, '\f');
		} else if ((cp == '\t' || (cp == '|' && st->pipes)) &&
			   st->cells && !c->in_del) {
			/* a TAB between the cells of a row copied from a Word
			 * table stays, for read_tables() */
			st->err |= gw_buf_putc(&c->vis, '\t');
			st->pending_vis_space = 0;
			st->prev_vis = -1;
		} else if (gw_is_space(cp) || (cp == '\v' && st->cells)) {
			/* (in struck text it is a space, next to CJK too) */
			int kind = cp == '\v' ? IN_CELL
				   : cp == '\t' && st->cells ? CELL_BREAK
							     : 1;
			int *pending = c->in_del ? &st->pending_struck_space
						 : &st->pending_vis_space;
			if (*pending < kind)
				*pending = kind;
			if (!c->in_del)
				st->vis_blanks += cp == 0x3000 ? 2 : 1;
		} else if (cp >= 0x20 && cp != 0x7F) {
			emit(c, st, cp, src + i, j - i);
		}
		i = j;
	}
	if (c->in_del)
		end_del(c, st);
}

/* Leading blanks and a Markdown heading's #s. */
static size_t skip_line_start(const char *src, size_t s, size_t e)
{
	for (;;) {
		size_t j = s;
		while (j < e && src[j] == '#')
			j++;
		while (j < e) {
			size_t k = j;
			if (!gw_is_space(gw_utf8_next(src, e, &k)))
				break;
			j = k;
		}
		if (j == s)
			return s;
		s = j;
	}
}

/* Both end patterns match at most this many bytes (20 Han characters
 * of issuer code, the year in brackets, the serial, 号). */
enum { END_PATTERN_REACH = 120 };

static int ends_with(gw_re *re, const char *p, size_t n)
{
	return n && gw_re_search_tail(re, p, n, END_PATTERN_REACH, NULL);
}

/* - — – －: the cheap test before the page-number pattern. */
static int starts_with_dash(const char *p, size_t n)
{
	return (n >= 1 && p[0] == '-') ||
	       (n >= 3 && (!memcmp(p, "—", 3) || !memcmp(p, "–", 3) ||
			   !memcmp(p, "－", 3)));
}

/* The last character of every document-type word the title_end pattern
 * knows (通知 方案 函 … 征求意见稿） (草案)): the cheap test first. */
static int may_end_title(const char *p, size_t n)
{
	static const char last[] = "知报见案点务划法定则告示复函要引南施单例稿案）)";
	if (n >= 1 && p[n - 1] == ')')
		return 1;
	if (n < 3)
		return 0;
	for (size_t k = 0; k + 3 <= sizeof last - 1; k += 3)
		if (!memcmp(p + n - 3, last + k, 3))
			return 1;
	return 0;
}

/* …号, …号) or …号）: the cheap test before the pattern. */
static int ends_with_hao(const char *p, size_t n)
{
	if (n >= 3 && !memcmp(p + n - 3, "）", 3))
		n -= 3;
	else if (n >= 1 && p[n - 1] == ')')
		n -= 1;
	return n >= 3 && !memcmp(p + n - 3, "号", 3);
}

/* Any mark but letters, digits and ideographs (a running header or
 * footer of a PDF page has none). */
static int has_punctuation(const char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		int32_t cp = gw_utf8_next(p, n, &i);
		if (!gw_is_han(cp) && !(cp >= '0' && cp <= '9') &&
		    !(cp >= 'A' && cp <= 'Z') && !(cp >= 'a' && cp <= 'z') &&
		    !(cp >= 0xFF10 && cp <= 0xFF19))
			return 1;
	}
	return 0;
}

/* A colon within a field label's reach of the line's start: the cheap
 * test before the pattern. */
static int has_early_colon(const char *p, size_t n)
{
	size_t reach = n < 32 ? n : 32;
	return memchr(p, ':', reach) || gw_find(p, reach, 0, "：") < reach;
}

static void classify(cleaner *c, phys *ph)
{
	const char *p = c->vis.data + ph->vstart;
	size_t n = ph->vlen;
	const gw_clean_patterns *pat = c->pat;
	if (ph->struck) {
		const char *sp = c->doc->struck.data + ph->sstart;
		gw_marker_parse(sp, ph->slen, &ph->marker);
		return;
	}
	gw_marker_parse(p, n, &ph->marker);
	/* 2.  ~~探索…~~: the whole item struck, its number left outside the
	 * ~~ (as pandoc writes a Word list) */
	if (ph->marker.level && ph->marker.len >= n && ph->slen > 0) {
		ph->struck = 1;
		return;
	}
	if (n == 0)
		return;
	if (starts_with_dash(p, n) && gw_re_full(pat->page_number, p, n, NULL)) {
		ph->blank = ph->page_number = 1;
		return;
	}
	if (n >= 3 && !memcmp(p + n - 3, "号", 3) &&
	    gw_re_full(pat->number_line, p, n, NULL))
		ph->kind = GW_LINE_NUMBER;
	else if (n >= 3 && !memcmp(p + n - 3, "日", 3) &&
		 gw_re_full(pat->date_line, p, n, NULL))
		ph->kind = GW_LINE_DATE;
	else if (n >= 6 && !memcmp(p, "附", 3) &&
		 gw_re_search(pat->attachment, p, n, 0, NULL))
		ph->kind = GW_LINE_ATTACHMENT;
	ph->ends_number = ph->kind != GW_LINE_NUMBER && ends_with_hao(p, n) &&
			  ends_with(pat->ends_number, p, n);
	ph->title_end = may_end_title(p, n) && ends_with(pat->title_end, p, n);
	ph->field = !ph->marker.level && has_early_colon(p, n) &&
		    gw_re_search(pat->field, p, n, 0, NULL);
	ph->width = (uint32_t)gw_str_width(p, n);
	ph->plain = ph->kind == GW_LINE_TEXT && !ph->marker.level && !ph->cells &&
		    ph->width >= 12 && ph->width <= 80 && !has_punctuation(p, n);
}

/* A Markdown footnote's text ([^1]: …), written below the body: a note
 * on it, not part of it. */
static int is_footnote(cleaner *c, size_t b, size_t e)
{
	gw_match m;
	return b + 2 < e && c->src[b] == '[' && c->src[b + 1] == '^' &&
	       gw_re_search(c->pat->residue, c->src, e, b, &m) && m.end[0] < e &&
	       c->src[m.end[0]] == ':';
}

/* A TAB after the line's first character: maybe a row of a table copied
 * from Word (序号	重点任务	牵头单位	完成时限), for read_tables() to
 * decide. */
static int has_inner_tab(const char *src, size_t b, size_t e)
{
	return b < e && memchr(src + b + 1, '\t', e - b - 1) != NULL;
}

/* A row of a Markdown pipe table (| 序号 | 重点任务 | 牵头单位 |): it
 * opens and ends with |, three cells or more.  *end is moved to its last
 * |; *rule is set for the line under the header (|---|:--|). */
static int pipe_row(const char *src, size_t b, size_t *end, int *rule)
{
	size_t e = *end;
	while (e > b && (src[e - 1] == ' ' || src[e - 1] == '\r' ||
			 src[e - 1] == '\t'))
		e--;
	if (e - b < 4 || src[b] != '|' || src[e - 1] != '|')
		return 0;
	int bars = 0, only_rule = 1;
	for (size_t i = b; i < e; i++) {
		bars += src[i] == '|' && src[i - (i > b)] != '\\';
		only_rule &= src[i] == '|' || src[i] == '-' || src[i] == ':' ||
			     src[i] == ' ';
	}
	if (bars < 4)
		return 0;
	*end = e - 1;
	*rule = only_rule;
	return 1;
}

/* A blank that may set cells apart in a laid-out row. */
static int is_layout_blank(int32_t cp)
{
	return cp == ' ' || cp == 0x3000 || cp == 0xA0;
}

/* The cells of source line [s, e), set apart by runs of two blanks or
 * more, with the display column each starts at (counted from s).
 * Returns their number, or 0 when the line has a TAB or more cells than
 * ALIGN_COLUMNS. */
static size_t layout_cells(const char *src, size_t s, size_t e,
			   aligned_cell *out)
{
	size_t n = 0, i = s, blanks = 0;
	uint32_t col = 0;
	while (i < e) {
		size_t j = i;
		int32_t cp = gw_utf8_next(src, e, &j);
		if (cp == '\t' || cp == '\r')
			return cp == '\t' ? 0 : n;
		if (is_layout_blank(cp)) {
			blanks++;
		} else if (!n || blanks >= 2) {
			if (n == ALIGN_COLUMNS)
				return 0;
			out[n++] = (aligned_cell){i, j, col};
			blanks = 0;
		} else {
			out[n - 1].e = j; /* (one blank inside a cell stays) */
			blanks = 0;
		}
		col += (uint32_t)gw_width(cp);
		i = j;
	}
	return n;
}

/* Two blanks in a row after the line's start: the cheap test before
 * layout_cells(). */
static int has_wide_gap(const char *src, size_t b, size_t e)
{
	return gw_find(src, e, b, "  ") != SIZE_MAX ||
	       gw_find(src, e, b, "　") != SIZE_MAX ||
	       gw_find(src, e, b, "\xC2\xA0") != SIZE_MAX;
}

/* The grid column a cell starting at display column x stands in: the
 * nearest header cell start after column `after` (SIZE_MAX: any). */
static size_t grid_column(const layout_grid *g, uint32_t x, size_t after)
{
	size_t from = after == SIZE_MAX ? 0 : after + 1;
	if (from >= g->n)
		return from;
	size_t best = from;
	for (size_t j = from + 1; j < g->n; j++) {
		uint32_t dj = g->start[j] > x ? g->start[j] - x : x - g->start[j];
		uint32_t db = g->start[best] > x ? g->start[best] - x
						  : x - g->start[best];
		if (dj < db)
			best = j;
	}
	return best;
}

/* Do the cells fit the grid: none runs past the start of the column
 * after its own (the signature and date under a table do). */
static int fits_grid(const cleaner *c, const aligned_cell *cl, size_t n)
{
	const layout_grid *g = &c->grid;
	size_t col = SIZE_MAX;
	for (size_t k = 0; k < n; k++) {
		col = grid_column(g, cl[k].column, col);
		if (col >= g->n)
			return 0;
		uint32_t end = cl[k].column + (uint32_t)gw_str_width(
						      c->src + cl[k].b,
						      cl[k].e - cl[k].b);
		if (col + 1 < g->n && end > g->start[col + 1])
			return 0;
	}
	return 1;
}

/* Is one of the cells, whole, the header of a units column (牵头单位),
 * not a field (责任单位：县发改局) nor words around one? */
static int names_units_column(const cleaner *c, const aligned_cell *cl,
			      size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (gw_re_full(c->pat->head_units, c->src + cl[k].b,
			       cl[k].e - cl[k].b, NULL))
			return 1;
	return 0;
}

/* Does a source line of n cells take part in a laid-out task table:
 * a header of three cells or more naming who answers for the tasks
 * opens one (its cells are the grid); a row of it has two cells or
 * more, or one indented under a later column (a cell's text wrapped),
 * each within its column.  A page number leaves the table open; any
 * other line that is not blank closes it. */
static int layout_row(cleaner *c, const aligned_cell *cl, size_t n)
{
	if (n >= 3 && names_units_column(c, cl, n)) {
		c->grid.n = n;
		for (size_t k = 0; k < n; k++)
			c->grid.start[k] = cl[k].column;
		return 1;
	}
	if (!c->grid.n || !n)
		return 0;
	if (n == 1 && gw_re_full(c->pat->page_number, c->src + cl[0].b,
				 cl[0].e - cl[0].b, NULL))
		return 0;
	if ((n >= 2 || (c->grid.n > 1 && cl[0].column >= c->grid.start[1])) &&
	    fits_grid(c, cl, n)) {
		/* a row with every cell filled shows where the columns
		 * begin (a header is often centred over its column) */
		for (size_t k = 0; n == c->grid.n && k < n; k++)
			c->grid.start[k] = cl[k].column;
		return 1;
	}
	c->grid.n = 0;
	return 0;
}

/* The cell of line 1 (n1 cells) a cell of the line under it, starting
 * at display column x, stands under: the one starting within a
 * character of it, or SIZE_MAX. */
static size_t cell_above(const aligned_cell *c1, size_t n1, uint32_t x)
{
	for (size_t k = 0; k < n1; k++)
		if (c1[k].column + 2 >= x && x + 2 >= c1[k].column)
			return k;
	return SIZE_MAX;
}

/* A header laid out over two lines, its narrow cells wrapped (牵头 /
 * 单位, 完成 / 时限): line 1 has three cells or more, every cell of
 * line 2 stands under one of them, and some column read down names who
 * answers for the tasks.  Fills under[] (line 2's cell under each of
 * line 1's, or SIZE_MAX). */
static int layout_header2(const cleaner *c, const aligned_cell *c1, size_t n1,
			  const aligned_cell *c2, size_t n2, size_t *under)
{
	if (n1 < 3 || !n2 || n2 > n1)
		return 0;
	for (size_t k = 0; k < n1; k++)
		under[k] = SIZE_MAX;
	for (size_t j = 0; j < n2; j++) {
		size_t k = cell_above(c1, n1, c2[j].column);
		if (k == SIZE_MAX || under[k] != SIZE_MAX)
			return 0;
		under[k] = j;
	}
	for (size_t k = 0; k < n1; k++) {
		char buf[96];
		size_t a = c1[k].e - c1[k].b;
		size_t b = under[k] == SIZE_MAX ? 0 : c2[under[k]].e - c2[under[k]].b;
		if (under[k] == SIZE_MAX || a + b > sizeof buf)
			continue;
		memcpy(buf, c->src + c1[k].b, a);
		memcpy(buf + a, c->src + c2[under[k]].b, b);
		if (gw_re_full(c->pat->head_units, buf, a + b, NULL))
			return 1;
	}
	return 0;
}

/* Scan a two-line header as one row: each cell of line 1, then the
 * part of it on line 2. */
static void scan_layout_header2(cleaner *c, const aligned_cell *c1, size_t n1,
				const aligned_cell *c2, const size_t *under,
				line_state *st)
{
	c->grid.n = n1;
	for (size_t k = 0; k < n1 && !st->err; k++) {
		c->grid.start[k] = c1[k].column;
		if (k)
			st->err |= gw_buf_putc(&c->vis, '\t');
		st->pending_vis_space = 0;
		st->prev_vis = -1;
		scan_line(c, c1[k].b, c1[k].e, st);
		if (under[k] != SIZE_MAX)
			scan_line(c, c2[under[k]].b, c2[under[k]].e, st);
	}
}

/* Scan a laid-out row cell by cell, a TAB for every column boundary
 * it crosses, so that read_tables() sees it as a row copied from Word
 * (an empty cell keeps its place). */
static void scan_layout_row(cleaner *c, const aligned_cell *cl, size_t n,
			    line_state *st)
{
	size_t at = 0, col = SIZE_MAX;
	for (size_t k = 0; k < n && !st->err; k++) {
		size_t j = grid_column(&c->grid, cl[k].column, col);
		for (; at < j; at++)
			st->err |= gw_buf_putc(&c->vis, '\t');
		st->pending_vis_space = 0;
		st->prev_vis = -1;
		scan_line(c, cl[k].b, cl[k].e, st);
		col = j;
	}
}

static int scan_physical_lines(cleaner *c)
{
	size_t s = 0;
	uint32_t lineno = 0;
	while (s < c->srclen || (s == c->srclen && lineno == 0)) {
		const char *nl = memchr(c->src + s, '\n', c->srclen - s);
		size_t e = nl ? (size_t)(nl - c->src) : c->srclen;
		line_state st = {0};
		st.prev_vis = st.prev_struck = -1;
		st.open_del = SIZE_MAX;
		st.vstart = c->vis.len;
		st.sstart = c->doc->struck.len;
		st.del0 = c->dels.len / sizeof(del_tmp);
		size_t b = skip_line_start(c->src, s, e);
		size_t pe = e;
		int rule = 0;
		st.pipes = pipe_row(c->src, b, &pe, &rule);
		st.cells = (st.pipes && !rule) || has_inner_tab(c->src, b, e);
		aligned_cell acl[ALIGN_COLUMNS];
		size_t nacl = 0;
		int aligned = 0;
		size_t s2 = e + 1, e2 = e + 1; /* a header's second line */
		size_t under[ALIGN_COLUMNS];
		aligned_cell acl2[ALIGN_COLUMNS];
		if (!st.cells && b < e &&
		    (c->grid.n || has_wide_gap(c->src, b, e))) {
			nacl = layout_cells(c->src, s, e, acl);
			aligned = layout_row(c, acl, nacl);
			if (!aligned && nacl >= 3 && nl) {
				const char *nl2 = memchr(c->src + s2, '\n',
							 c->srclen - s2);
				e2 = nl2 ? (size_t)(nl2 - c->src) : c->srclen;
				size_t n2 = layout_cells(c->src, s2, e2, acl2);
				aligned = layout_header2(c, acl, nacl, acl2, n2,
							 under)
						  ? 2
						  : 0;
			}
			st.cells = aligned != 0;
		}
		/* an empty first cell: its TAB went with the leading blanks */
		for (size_t k = s; st.cells && !aligned && !st.pipes && k < b; k++)
			if (c->src[k] == '\t')
				st.err |= gw_buf_putc(&c->vis, '\t');
		if (aligned == 2)
			scan_layout_header2(c, acl, nacl, acl2, under, &st);
		else if (aligned)
			scan_layout_row(c, acl, nacl, &st);
		else if (st.pipes && !rule)
			scan_line(c, b + 1, pe, &st);
		else if (!rule && !is_footnote(c, b, e))
			scan_line(c, b, e, &st);
		if (st.err)
			return -1;
		phys ph = {0};
		ph.cells = (unsigned)st.cells;
		ph.aligned = (unsigned)aligned;
		ph.vstart = st.vstart;
		ph.vlen = c->vis.len - st.vstart;
		ph.sstart = st.sstart;
		ph.slen = c->doc->struck.len - st.sstart;
		ph.del0 = st.del0;
		ph.ndel = c->dels.len / sizeof(del_tmp) - st.del0;
		ph.src_offset = s;
		ph.lineno = ++lineno;
		ph.blank = ph.vlen == 0 && ph.slen == 0;
		ph.struck = ph.vlen == 0 && ph.slen > 0;
		if (!ph.cells || ph.struck) /* rows: in read_tables() */
			classify(c, &ph);
		if (gw_push(&c->lines, &ph, sizeof ph))
			return -1;
		if (aligned == 2) {
			/* the header's second line, read with the first */
			phys rest = {0};
			rest.vstart = c->vis.len;
			rest.sstart = c->doc->struck.len;
			rest.del0 = c->dels.len / sizeof(del_tmp);
			rest.src_offset = s2;
			rest.lineno = ++lineno;
			rest.blank = 1;
			if (gw_push(&c->lines, &rest, sizeof rest))
				return -1;
			nl = e2 < c->srclen ? c->src + e2 : NULL;
			e = e2;
		}
		if (!nl)
			break;
		s = e + 1;
	}
	return 0;
}

/* ---- pass 1b: task tables ------------------------------------------------ */

enum { MAX_COLUMNS = 24 };

typedef struct cell {
	size_t start, len; /* in vis */
	int copy;	   /* the cell above, merged down over this row */
} cell;

typedef enum column {
	COL_TEXT,
	COL_NUMBER,
	COL_UNITS,
	COL_TIME,
	COL_CATEGORY, /* 领域, 类别: the group a run of rows belongs to */
	COL_PERSON    /* 责任领导, 责任人: who answers for it, by name */
} column;

/* The header of the task table being read. */
typedef struct task_table {
	size_t ncols;
	column kind[MAX_COLUMNS];
	char label[MAX_COLUMNS][64]; /* of a units or time column's fields */
	int numbered; /* it has a 序号 column */
	int rows;     /* rows so far, to number them when it has none */
	int last;     /* the last row's number */
	int level;    /* 3 (rows as 1.) or 4 (as （1）) */
	cell carried[MAX_COLUMNS]; /* a category or person column's last
				      cell, in vis (merged down) */
} task_table;

/* The cells of a row, split on every TAB so that an empty cell keeps
 * its place; MAX_COLUMNS + 1 when there are more. */
static size_t split_cells(const cleaner *c, const phys *ph, cell *out)
{
	const char *p = c->vis.data + ph->vstart;
	size_t n = 0, from = 0;
	for (size_t i = 0; i <= ph->vlen; i++) {
		if (i < ph->vlen && p[i] != '\t')
			continue;
		if (n == MAX_COLUMNS)
			return MAX_COLUMNS + 1;
		out[n].copy = i > from && p[from] == '\f';
		out[n].start = ph->vstart + from + (size_t)out[n].copy;
		out[n].len = i - from - (size_t)out[n].copy;
		n++;
		from = i + 1;
	}
	return n;
}

enum { HEADER_CELL_BYTES = 96 };

/* A header cell's text without the \v of blanks inside it (序 号,
 * 牵 头 单 位: a short header spread out to the cell's width), in buf;
 * 0 when it is too long to be a header. */
static int header_text(const cleaner *c, cell x, char *buf, gw_str *out)
{
	const char *p = c->vis.data + x.start;
	size_t n = 0;
	for (size_t i = 0; i < x.len; i++) {
		if (p[i] == '\v')
			continue;
		if (n == HEADER_CELL_BYTES)
			return 0;
		buf[n++] = p[i];
	}
	*out = gw_str_make(buf, n);
	return 1;
}

/* The label a unit column's cells are written under: the header as
 * written when the units stage reads it as a label (牵头单位 责任部门),
 * else the label of its role (主要责任单位 -> 责任单位, 协同部门 ->
 * 配合单位). */
static void units_label(gw_str h, char *buf, size_t size)
{
	static const char *const roles[] = {"牵头", "配合", "协办", "协助",
					    "参与", "责任", "主办", "主责",
					    "实施"};
	static const char *const bodies[] = {"单位", "部门", "科室", "处室"};
	for (size_t r = 0; r < sizeof roles / sizeof *roles; r++)
		for (size_t b = 0; b < sizeof bodies / sizeof *bodies; b++)
			if (h.len == 12 && !memcmp(h.ptr, roles[r], 6) &&
			    !memcmp(h.ptr + 6, bodies[b], 6)) {
				memcpy(buf, h.ptr, h.len);
				buf[h.len] = '\0';
				return;
			}
	const char *role = "责任单位";
	if (gw_str_contains(h, "牵头"))
		role = "牵头单位";
	else if (gw_str_contains(h, "配合") || gw_str_contains(h, "协") || gw_str_contains(h, "参与"))
		role = "配合单位";
	snprintf(buf, size, "%s", role);
}

/* …and a time column's: as written when the dates stage reads a date
 * after it as the bound (…时限 …时间 …期限 …日期 …节点), else 完成时限. */
static void time_label(gw_str h, char *buf, size_t size)
{
	static const char *const ends[] = {"时限", "时间", "期限", "日期",
					   "节点"};
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
		if (gw_str_ends_with(h, ends[k]) && h.len < size) {
			memcpy(buf, h.ptr, h.len);
			buf[h.len] = '\0';
			return;
		}
	snprintf(buf, size, "%s", "完成时限");
}

/* The column of the header row above (`above`, or NULL) that an empty
 * cell i of a second header row stands under.  The second row names the
 * parts of a cell of the first that spans columns (责任单位 over 牵头单位
 * and 配合单位): the cells before its named ones keep their place, those
 * after it are shifted by the columns the span adds. */
static int column_above(const task_table *above, const cell *cl, size_t n,
			size_t i, size_t *col)
{
	size_t first = n, last = 0;
	for (size_t k = 0; k < n; k++)
		if (cl[k].len) {
			first = k < first ? k : first;
			last = k;
		}
	if (!above || cl[i].len || above->ncols > n)
		return 0;
	if (i < first)
		*col = i;
	else if (i > last)
		*col = i - (n - above->ncols);
	else
		return 0;
	return *col < above->ncols;
}

/* A short header cell (six characters at most) that ends with one of
 * the words of a NULL-terminated list. */
static int header_ends_with(gw_str x, const char *const *words)
{
	return gw_str_width(x.ptr, x.len) <= 12 && gw_str_ends_with_any(x, words);
}

/* The header of a column that names the group of each task (领域,
 * 重点领域, 任务类别, 工作类型, 改革板块, 方面) rather than the task. */
static int is_category_header(gw_str x)
{
	static const char *const ends[] = {"领域", "类别", "分类", "类型",
					   "板块", "方面", NULL};
	return header_ends_with(x, ends);
}

/* The header of a column that holds the tasks themselves (重点任务,
 * 工作内容, 具体措施, 主要举措, 重点工作, 事项). */
static int is_task_header(gw_str x)
{
	static const char *const ends[] = {"任务", "内容", "措施", "事项",
					   "举措", "工作", "要点", "项目",
					   NULL};
	return header_ends_with(x, ends);
}

/* The header of a column naming the people who answer for a task
 * (责任领导, 分管领导, 责任人, 联系人): a field, not units. */
static int is_person_header(gw_str x)
{
	static const char *const ends[] = {"领导", "责任人", "联系人",
					   "负责人", NULL};
	return header_ends_with(x, ends);
}

/* A header row: two or more short cells, one of them naming the units
 * who answer for a task (牵头单位, 责任部门).  Right under another header
 * row, its empty cells are the columns of that one (column_above). */
static int read_header(const cleaner *c, const cell *cl, size_t n,
		       const task_table *above, task_table *t)
{
	if (n < 2 || n > MAX_COLUMNS)
		return 0;
	int units = 0, task = 0;
	task_table h = {0};
	h.ncols = n;
	for (size_t i = 0; i < n; i++) {
		char buf[HEADER_CELL_BYTES];
		gw_str x;
		size_t col;
		if (!header_text(c, cl[i], buf, &x) ||
		    gw_str_width(x.ptr, x.len) > 24)
			return 0;
		if (column_above(above, cl, n, i, &col)) {
			h.kind[i] = above->kind[col];
			memcpy(h.label[i], above->label[col], sizeof h.label[i]);
			h.numbered |= h.kind[i] == COL_NUMBER;
		} else if (gw_str_equals(x, "序号") || gw_str_equals(x, "编号") ||
			   gw_str_equals(x, "序")) {
			h.kind[i] = COL_NUMBER;
			h.numbered = 1;
		} else if (gw_re_full(c->pat->head_units, x.ptr, x.len, NULL)) {
			h.kind[i] = COL_UNITS;
			units_label(x, h.label[i], sizeof h.label[i]);
			units = 1;
		} else if (gw_re_full(c->pat->head_time, x.ptr, x.len, NULL)) {
			h.kind[i] = COL_TIME;
			time_label(x, h.label[i], sizeof h.label[i]);
		} else if ((is_category_header(x) || is_person_header(x)) &&
			   x.len < sizeof h.label[i]) {
			h.kind[i] = is_category_header(x) ? COL_CATEGORY
							  : COL_PERSON;
			memcpy(h.label[i], x.ptr, x.len);
			h.label[i][x.len] = '\0';
		} else {
			task |= is_task_header(x);
		}
	}
	/* two cells are a header only as 重点任务 | 责任单位: a field
	 * copied with a TAB (责任单位	县财政局) is none */
	if (!units || (n == 2 && !task))
		return 0;
	*t = h;
	return 1;
}

/* Does a row belong to the table: as many cells as its header, or
 * fewer where it simply stops early? */
static int fits_table(const task_table *t, const cell *cl, size_t n)
{
	if (n == t->ncols)
		return 1;
	return n < t->ncols && cl[n - 1].len > 0;
}

/* The number in a 序号 cell (1  1.  01), or 0. */
static int row_number(const cleaner *c, cell x)
{
	const char *p = c->vis.data + x.start;
	int v = 0;
	size_t k = gw_arabic_number(p, x.len, 3, &v);
	if (k == x.len)
		return v;
	/* …or written as a marker of level 3 or 4: 1. 1、 （1） ① */
	gw_marker m;
	if (gw_marker_parse(p, x.len, &m) && m.len == x.len && m.level >= 3)
		return m.number;
	return 0;
}

/* A 序号 cell that is a Chinese numeral and nothing else (二): the
 * category row of a table whose groups are numbered 一 二 三. */
static int is_bare_cn_numeral(const cleaner *c, cell x)
{
	int v;
	return x.len && gw_cn_number(c->vis.data + x.start, x.len, &v) == x.len;
}

static int has_text_cell(const task_table *t, const cell *cl, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (t->kind[i] == COL_TEXT && cl[i].len && !cl[i].copy)
			return 1;
	return 0;
}

static int put_cell(cleaner *c, cell x, column kind);

/* A column written as a field after the task's text, and merged down
 * over the rows of its group: a category or a person. */
static int is_field_column(column kind)
{
	return kind == COL_CATEGORY || kind == COL_PERSON;
}

/* The category cells written in this row (not merged down into it). */
static int put_category_cells(cleaner *c, const task_table *t,
			      const cell *cl, size_t n)
{
	int err = 0;
	for (size_t i = 0; i < n; i++)
		if (t->kind[i] == COL_CATEGORY && cl[i].len && !cl[i].copy)
			err |= put_cell(c, cl[i], COL_CATEGORY);
	return err;
}

static int put_vis(cleaner *c, const char *s) /* s never points into vis */
{
	return gw_buf_puts(&c->vis, s);
}

/* A list mark (、，；,;) or a \v at p[0..n) / at its end: no 、 is needed
 * between two names there. */
static int is_list_mark(const char *p, size_t n)
{
	static const char *const marks[] = {"、", "，", "；"};
	if (n && (*p == '\v' || *p == ',' || *p == ';'))
		return 1;
	for (size_t k = 0; k < 3; k++)
		if (n >= 3 && !memcmp(p, marks[k], 3))
			return 1;
	return 0;
}

static int ends_in_list_mark(const char *p, size_t n)
{
	return n && (is_list_mark(p + n - 1, 1) ||
		     (n >= 3 && is_list_mark(p + n - 3, 3)));
}

/* Copy a cell to the end of vis.  A \v in it (a blank between two
 * characters, a line break) parts two names in a unit cell
 * (县卫生健康局\v县生态环境分局 -> 县卫生健康局、县生态环境分局) and is
 * dropped elsewhere, as the blank it was would have been. */
static int put_cell(cleaner *c, cell x, column kind)
{
	/* vis holds room for the whole row again (rewrite_row): the copy
	 * never moves its source */
	const char *p = c->vis.data + x.start;
	size_t from = c->vis.len;
	int err = 0;
	for (size_t i = 0; i < x.len; i++) {
		if (p[i] != '\v') {
			err |= gw_buf_putc(&c->vis, p[i]);
			continue;
		}
		const char *o = c->vis.data + from;
		size_t n = c->vis.len - from;
		if (kind == COL_UNITS && n && !ends_in_list_mark(o, n) &&
		    i + 1 < x.len && !is_list_mark(p + i + 1, x.len - i - 1))
			err |= gw_buf_puts(&c->vis, "、");
	}
	return err;
}

/* One paragraph made of row, from vis[start..) to the end of vis. */
static int push_row_line(cleaner *c, const phys *row, size_t start,
			 gw_buffer *out)
{
	phys np = *row;
	np.vstart = start;
	np.vlen = c->vis.len - start;
	np.ndel = 0;
	np.sstart = np.slen = 0;
	np.blank = np.struck = 0;
	np.cells = 1;
	classify(c, &np);
	return gw_push(out, &np, sizeof np);
}

/* A row of a task table as paragraphs: its number as a marker and its
 * first text cell, each further text cell, then each unit or time cell
 * under its column's label.  A row with an empty 序号 or the 序号 of the
 * row above (or, in a table without one, an empty first text cell) goes
 * on with the item above. */
static int rewrite_row(cleaner *c, task_table *t, const phys *row,
		       const cell *cl, size_t n, gw_buffer *out)
{
	/* Room for all of it, so that put_cell() never moves its source: a
	 * cell grows at most threefold (\v -> 、), and each field line adds
	 * its label (< 64 bytes), ： and the marker. */
	size_t carried = 0;
	for (size_t i = 0; i < n; i++)
		if (!is_field_column(t->kind[i]))
			continue;
		else if (cl[i].len)
			t->carried[i] = cl[i];
		else
			carried += t->carried[i].len;
	if (gw_buf_reserve(&c->vis, 3 * (row->vlen + carried) + 96 * (n + 1)))
		return -1;
	int number = 0, err = 0;
	cell lead_in = {0}; /* a 序号 that is no number: 一、 */
	for (size_t i = 0; i < n; i++)
		if (t->kind[i] == COL_NUMBER && cl[i].len &&
		    !(number = row_number(c, cl[i])))
			lead_in = cl[i];
	/* a 序号 merged down a second row (a web page's rowspan) */
	if (number && number == t->last)
		number = 0;
	else if (number)
		t->last = number;
	/* a 序号 column left empty from the first row (Word's automatic
	 * numbering is lost in a copy): the rows are numbered in order */
	if (t->numbered && !number && !lead_in.len && !t->last && !t->rows)
		t->numbered = 0;
	/* without a 序号, a row whose first text cell is empty (merged
	 * with the one above) goes on with the item above */
	if (!t->numbered)
		for (size_t i = 0; i < n; i++)
			if (t->kind[i] == COL_TEXT) {
				number = cl[i].len && !cl[i].copy ? ++t->rows : 0;
				break;
			}
	size_t start = c->vis.len;
	if (number) {
		char m[32];
		snprintf(m, sizeof m, t->level == 4 ? "（%d）" : "%d.", number);
		err |= put_vis(c, m);
	} else if (lead_in.len) {
		err |= put_cell(c, lead_in, COL_TEXT);
		if (is_bare_cn_numeral(c, lead_in)) {
			/* 二 | 教育卫生类: a heading, also when the name
			 * stands in the category column */
			err |= put_vis(c, "、");
			if (!has_text_cell(t, cl, n))
				err |= put_category_cells(c, t, cl, n);
		}
	}
	int first = 1;
	for (size_t i = 0; i < n; i++) {
		if (t->kind[i] != COL_TEXT || !cl[i].len || cl[i].copy)
			continue; /* (a task's text merged over rows: once) */
		if (!first)
			start = c->vis.len;
		err |= put_cell(c, cl[i], COL_TEXT);
		err |= push_row_line(c, row, start, out);
		first = 0;
	}
	if (first && c->vis.len > start)
		err |= push_row_line(c, row, start, out);
	/* the group of a new item or the people who answer for it,
	 * merged down or left empty under the first row of its group: a
	 * field after the task's text, never its heading */
	for (size_t i = 0; number && i < n; i++) {
		if (!is_field_column(t->kind[i]) || !t->carried[i].len)
			continue;
		start = c->vis.len;
		err |= put_vis(c, t->label[i]);
		err |= put_vis(c, "：");
		err |= put_cell(c, t->carried[i], t->kind[i]);
		err |= push_row_line(c, row, start, out);
	}
	for (size_t i = 0; i < n; i++) {
		if ((t->kind[i] != COL_UNITS && t->kind[i] != COL_TIME) ||
		    !cl[i].len)
			continue;
		start = c->vis.len;
		err |= put_vis(c, t->label[i]);
		err |= put_vis(c, "：");
		err |= put_cell(c, cl[i], t->kind[i]);
		err |= push_row_line(c, row, start, out);
	}
	return err;
}

/* A line with TABs that is no row of a task table.  With three cells
 * or more it is the row of some other table: a paragraph of its own,
 * its cells split by a space.  Else a TAB is a blank like any other:
 * gone next to a CJK character (3.	提升…), one space between others;
 * and so is a \v (put_cell) in either. */
static void flatten_row(cleaner *c, phys *ph, int row)
{
	char *p = c->vis.data + ph->vstart;
	size_t o = 0, n = ph->vlen;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\f') /* the mark of a copied cell */
			continue;
		if (p[i] != '\t' && p[i] != '\v') {
			p[o++] = p[i];
			continue;
		}
		int cell_break = row && p[i] == '\t';
		while (i + 1 < n && (p[i + 1] == '\t' || p[i + 1] == '\v')) {
			i++;
			cell_break |= row && p[i] == '\t';
		}
		if (!o || i + 1 == n || p[o - 1] == ' ')
			continue;
		size_t st, nx = i + 1;
		int32_t before = gw_utf8_prev(p, o, &st);
		int32_t after = gw_utf8_next(p, n, &nx);
		if (cell_break || (!gw_is_cjk(before) && !gw_is_cjk(after)))
			p[o++] = ' ';
	}
	while (o && p[o - 1] == ' ')
		o--;
	ph->vlen = o;
	ph->cells = (unsigned)row;
	ph->ndel = 0; /* their places moved with the cells */
	classify(c, ph);
}

static size_t filled_cells(const cell *cl, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += cl[i].len > 0;
	return k;
}

/* Append cell x to the end of vis, after a blank when neither side of
 * the join is CJK (a laid-out cell's text wrapped: 新增床 / 位120张). */
static int append_piece(cleaner *c, size_t from, cell x)
{
	if (!x.len)
		return 0;
	if (gw_buf_reserve(&c->vis, x.len + 1))
		return -1;
	const char *p = c->vis.data + x.start;
	if (c->vis.len > from) {
		size_t st, nx = 0;
		int32_t before = gw_utf8_prev(c->vis.data + from,
					      c->vis.len - from, &st);
		int32_t after = gw_utf8_next(p, x.len, &nx);
		if (!gw_is_cjk(before) && !gw_is_cjk(after))
			c->vis.data[c->vis.len++] = ' ';
	}
	memcpy(c->vis.data + c->vis.len, p, x.len);
	c->vis.len += x.len;
	return 0;
}

/* A laid-out row of a task table whose first cell is empty goes on with
 * the row above it, cell by cell (a cell's text wrapped onto the next
 * lines).  Joins row i and those lines, blank lines between them
 * included, into one row at the end of vis (*joined, its cells in cl,
 * *n of them); returns the index of the last line joined. */
static size_t join_layout_rows(cleaner *c, const task_table *t,
			       const phys *L, size_t nlines, size_t i,
			       phys *joined, cell *cl, size_t *n, int *err)
{
	size_t last = i;
	for (size_t j = i + 1; j < nlines; j++) {
		if (L[j].blank)
			continue;
		cell nx[MAX_COLUMNS + 1];
		if (!L[j].aligned || L[j].struck ||
		    split_cells(c, &L[j], nx) > t->ncols || nx[0].len)
			break;
		last = j;
	}
	if (last == i)
		return i;
	cell parts[MAX_COLUMNS];
	size_t k = split_cells(c, &L[i], parts);
	size_t start = c->vis.len;
	for (size_t col = 0; col < t->ncols && !*err; col++) {
		size_t from = c->vis.len;
		if (col < k)
			*err |= append_piece(c, from, parts[col]);
		for (size_t j = i + 1; j <= last && !*err; j++) {
			cell nx[MAX_COLUMNS + 1];
			size_t m = L[j].blank ? 0 : split_cells(c, &L[j], nx);
			if (col < m)
				*err |= append_piece(c, from, nx[col]);
		}
		cl[col] = (cell){from, c->vis.len - from, 0};
	}
	*n = t->ncols;
	while (*n > 1 && !cl[*n - 1].len)
		(*n)--;
	*joined = L[i];
	joined->vstart = start;
	joined->vlen = c->vis.len - start;
	return last;
}

/* Rewrite the rows of every task table (see clean.h).  A header holds
 * until the next one or an attachment line; its rows are numbered one
 * level below the last marker above it (a table under 二、 gives 1.,
 * one under 3. gives （1）). */
static int read_tables(cleaner *c)
{
	const phys *L = (const phys *)c->lines.data;
	size_t n = c->lines.len / sizeof *L;
	gw_buffer out = {0};
	task_table t;
	int in_table = 0, last_level = 0, err = 0;
	int header_above = 0; /* the last line not blank was a header row */
	cell cl[MAX_COLUMNS];
	for (size_t i = 0; i < n && !err; i++) {
		phys ph = L[i];
		if (ph.blank) {
			err |= gw_push(&out, &ph, sizeof ph);
			continue;
		}
		int was_header = header_above;
		header_above = 0;
		if (!ph.cells || ph.struck) {
			if (ph.kind == GW_LINE_ATTACHMENT)
				in_table = last_level = 0;
			else if (ph.marker.level)
				last_level = ph.marker.level;
			err |= gw_push(&out, &ph, sizeof ph);
			continue;
		}
		size_t k = split_cells(c, &ph, cl);
		if (read_header(c, cl, k, was_header ? &t : NULL, &t)) {
			in_table = header_above = 1;
			t.level = last_level >= 3 ? 4 : 3;
			ph.blank = 1; /* the header is no text of the notice */
			err |= gw_push(&out, &ph, sizeof ph);
		} else if (in_table && k <= MAX_COLUMNS && fits_table(&t, cl, k)) {
			if (ph.aligned) {
				size_t last = join_layout_rows(c, &t, L, n, i,
							       &ph, cl, &k,
							       &err);
				err |= rewrite_row(c, &t, &ph, cl, k, &out);
				for (; i < last; i++)
					if (L[i + 1].blank)
						err |= gw_push(&out, &L[i + 1],
							       sizeof *L);
				continue;
			}
			err |= rewrite_row(c, &t, &ph, cl, k, &out);
		} else {
			/* a laid-out line outside a task table is text */
			flatten_row(c, &ph, !ph.aligned &&
						    (k > MAX_COLUMNS ||
						     filled_cells(cl, k) >= 3));
			err |= gw_push(&out, &ph, sizeof ph);
		}
	}
	if (err) {
		gw_buffer_free(&out);
		return -1;
	}
	gw_buffer_free(&c->lines);
	c->lines = out;
	return 0;
}

/* ---- pass 2: document-wide measures ------------------------------------ */

enum { WIDTH_BINS = 1024 };

static int32_t last_cp(const char *p, size_t n);

/* Does a line stop where a paragraph may end (。！？：；, a closing
 * bracket)?  A line wrapped at the printed width mostly does not. */
static int ends_closed(const cleaner *c, const phys *ph)
{
	int32_t end = last_cp(c->vis.data + ph->vstart, ph->vlen);
	return is_terminal(end) || end == 0xFF1B || end == ';' ||
	       gw_is_close_paren(end);
}

/* Hard-wrapped (PDF extraction): at least a quarter of the lines are
 * within 15% of one width and stop in mid-sentence there, and that width
 * is that of a printed line, not of a paragraph.  (Counting every line
 * near the width, a notice with many short lines — headings, 责任单位：
 * fields — fell below the mark; one with short whole paragraphs came
 * close to it.) */
static void measure_wrap(cleaner *c, const phys *L, size_t n)
{
	uint32_t *hist = calloc(WIDTH_BINS, sizeof *hist);
	if (!hist)
		return;
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		if (L[i].blank || L[i].struck || L[i].cells || L[i].width < 16)
			continue;
		hist[L[i].width < WIDTH_BINS ? L[i].width : WIDTH_BINS - 1]++;
		total++;
	}
	if (total >= 8) {
		size_t want = total - total / 10, seen = 0;
		uint32_t p90 = 0;
		for (uint32_t w = 0; w < WIDTH_BINS; w++) {
			seen += hist[w];
			if (seen >= want) {
				p90 = w;
				break;
			}
		}
		size_t near = 0;
		uint32_t lo = p90 - p90 * 15 / 100;
		for (size_t i = 0; i < n; i++)
			if (!L[i].blank && !L[i].struck && !L[i].cells &&
			    L[i].width >= lo &&
			    L[i].width <= p90 && !ends_closed(c, &L[i]))
				near++;
		if (p90 <= 160 && near * 4 >= total) {
			c->hard_wrapped = 1;
			c->wrap_width = p90;
		}
	}
	free(hist);
}

/* Does the text after a marker hold a sentence end with more after it? */
static int heading_runs_in(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int32_t cp = gw_utf8_next(p, n, &i);
		if (is_sentence_end(cp)) {
			while (i < n) {
				size_t j = i;
				if (!is_close_quote(gw_utf8_next(p, n, &j)))
					return 1;
				i = j;
			}
			return 0;
		}
	}
	return 0;
}

static void measure_heading_style(cleaner *c, const phys *L, size_t n)
{
	int runs[5] = {0}, alone[5] = {0};
	for (size_t i = 0; i < n; i++) {
		const phys *p = &L[i];
		if (p->struck || p->blank || p->cells || !p->marker.level)
			continue;
		const char *t = c->vis.data + p->vstart + p->marker.len;
		size_t len = p->vlen - p->marker.len;
		if (heading_runs_in(t, len))
			runs[p->marker.level]++;
		else
			alone[p->marker.level]++;
	}
	for (int l = 1; l <= 4; l++)
		c->run_in[l] = runs[l] > alone[l];
}

enum {
	BRACKET_STACK = 64,
	BRACKET_REACH = 600,  /* bytes an open bracket keeps a line open */
	SHORT_LINE = 48	      /* columns: shorter than one printed line */
};

/* ---- running headers ---------------------------------------------------- */

typedef struct line_key {
	uint64_t hash;
	size_t index;
} line_key;

static int by_hash_then_index(const void *a, const void *b)
{
	const line_key *x = a, *y = b;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Is line i in the middle of a paragraph: the line above it (not blank)
 * is a long one that stops in mid-sentence? */
static int mid_paragraph(const cleaner *c, const phys *L, size_t i)
{
	while (i-- > 0)
		if (!L[i].blank)
			return !L[i].struck && L[i].width >= SHORT_LINE &&
			       !ends_closed(c, &L[i]);
	return 0;
}

/* Is there a page number between line i and the lines that are not
 * blank next to it (above or below)? */
static int by_page_number(const phys *L, size_t n, size_t i)
{
	for (size_t k = i; k-- > 0 && L[k].blank;)
		if (L[k].page_number)
			return 1;
	for (size_t k = i + 1; k < n && L[k].blank; k++)
		if (L[k].page_number)
			return 1;
	return 0;
}

/* A PDF's running header or footer (湖南省人民政府办公厅文件, the plan's
 * title again) repeats a plain line of the first page where a page
 * breaks: a plain line seen before, standing in the middle of a
 * paragraph or next to a page number, is dropped like a page number. */
static int drop_running_headers(cleaner *c, phys *L, size_t n)
{
	gw_buffer keys = {0};
	for (size_t i = 0; i < n; i++) {
		if (!L[i].plain || L[i].blank || L[i].struck || L[i].signs)
			continue;
		line_key k = {XXH3_64bits(c->vis.data + L[i].vstart, L[i].vlen), i};
		if (gw_push(&keys, &k, sizeof k)) {
			gw_buffer_free(&keys);
			return -1;
		}
	}
	line_key *K = (line_key *)keys.data;
	size_t nk = keys.len / sizeof *K;
	if (nk > 1)
		qsort(K, nk, sizeof *K, by_hash_then_index);
	for (size_t a = 0, b; a < nk; a = b) {
		const phys *first = &L[K[a].index];
		for (b = a + 1; b < nk && K[b].hash == K[a].hash; b++) {
			phys *again = &L[K[b].index];
			if (again->vlen == first->vlen &&
			    !memcmp(c->vis.data + again->vstart,
				    c->vis.data + first->vstart, first->vlen) &&
			    (mid_paragraph(c, L, K[b].index) ||
			     by_page_number(L, n, K[b].index)))
				again->blank = 1;
		}
	}
	gw_buffer_free(&keys);
	return 0;
}

enum { SIGNATURE_WIDTH = 48 }; /* columns: 中共某某市委办公室  某某市人民政府办公室 */

/* The signature: the short line above a date line (GB/T 9704 发文机关署名
 * and 成文日期).  It is a paragraph of its own, never the end of what
 * stands above it (附件：… 2.…名单 / 某县人民政府办公室 / 2024年5月20日). */
static void mark_signatures(phys *L, size_t n)
{
	const phys *below = NULL; /* the next line that is not blank */
	for (size_t i = n; i-- > 0;) {
		if (L[i].blank)
			continue;
		L[i].signs = below && below->kind == GW_LINE_DATE &&
			     L[i].kind == GW_LINE_TEXT && !L[i].marker.level &&
			     L[i].width <= SIGNATURE_WIDTH;
		below = &L[i];
	}
}

/* ---- pass 3: joining --------------------------------------------------- */


typedef struct joiner {
	int open;	   /* a logical line is being built */
	size_t line_index; /* its index in doc->lines */
	size_t start;	   /* its start in doc->clean */
	int heading_open;  /* it began with a marker, no sentence end yet */
	int heading_level;
	int field;	   /* it began with a field's label (完成时限：) */
	size_t brackets[BRACKET_STACK];
	size_t nbrackets;
	const phys *last; /* its last physical line */
} joiner;

static int32_t last_cp(const char *p, size_t n)
{
	size_t start;
	while (n) {
		int32_t cp = gw_utf8_prev(p, n, &start);
		if (!is_close_quote(cp))
			return cp;
		n = start;
	}
	return -1;
}

static int32_t first_cp(const char *p, size_t n)
{
	size_t i = 0;
	return n ? gw_utf8_next(p, n, &i) : -1;
}

/* Track open brackets and sentence ends of text appended at clean[off..]. */
static void track(joiner *j, const char *p, size_t n, size_t off)
{
	size_t i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)p[i];
		/* Only ( ) [ ] and three-byte marks can matter. */
		if (b < 0x80 && b != '(' && b != ')' && b != '[' && b != ']') {
			i++;
			continue;
		}
		if (is_ideograph_lead(p[i]) && i + 3 <= n) {
			i += 3;
			continue;
		}
		size_t at = i;
		int32_t cp = gw_utf8_next(p, n, &i);
		if (gw_is_open_bracket(cp)) {
			if (j->nbrackets == BRACKET_STACK) {
				memmove(j->brackets, j->brackets + 1,
					(BRACKET_STACK - 1) * sizeof(size_t));
				j->nbrackets--;
			}
			j->brackets[j->nbrackets++] = off + at;
		} else if (gw_is_close_bracket(cp)) {
			if (j->nbrackets)
				j->nbrackets--;
		} else if (j->heading_open && is_sentence_end(cp)) {
			j->heading_open = 0;
		}
	}
}

static int bracket_pending(const joiner *j, size_t end)
{
	return j->nbrackets && end - j->brackets[j->nbrackets - 1] <= BRACKET_REACH;
}

/* A line ending in a half-width '.' after a Chinese character. */
static int ends_chinese_period(const char *p, size_t n)
{
	size_t start;
	if (n < 2)
		return 0;
	return gw_is_cjk(gw_utf8_prev(p, n - 1, &start));
}

/* Was the number at the start of the next line cut off from a reference
 * by the wrap: …第 / （1）条, or inside an open 《 (《…企业服务 / （1）号文件》)?
 * Then it is no marker. */
static int number_cut_off(const cleaner *c, const joiner *j, const char *ap,
			  size_t an)
{
	if (an >= 3 && !memcmp(ap + an - 3, "第", 3))
		return 1;
	if (!bracket_pending(j, c->doc->clean.len))
		return 0;
	const char *open = c->doc->clean.data + j->brackets[j->nbrackets - 1];
	return !memcmp(open, "《", 3);
}

/* Does a line open with the rest of a heading cut off above it (施。统筹…
 * after （二）完善配套设): a sentence end within a few characters, before
 * any comma?  A paragraph under a heading on its own line opens with a
 * clause (各乡镇党委书记为第一责任人，…). */
static int ends_heading(const char *p, size_t n)
{
	size_t i = 0;
	for (int k = 0; k < 16 && i < n; k++) {
		int32_t cp = gw_utf8_next(p, n, &i);
		if (is_sentence_end(cp))
			return 1;
		if (cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A ||
		    cp == ',' || cp == ';' || cp == ':')
			return 0;
	}
	return 0;
}

/* Should physical line b continue the logical line whose last line is a? */
static int continues(const cleaner *c, const joiner *j, const phys *a,
		     const phys *b)
{
	const char *ap = c->vis.data + a->vstart;
	const char *bp = c->vis.data + b->vstart;
	/* each row of a table is a line of its own, and so is each
	 * paragraph read_tables() made of one */
	if (a->cells || b->cells)
		return 0;
	if (b->marker.level)
		return number_cut_off(c, j, ap, a->vlen);
	if (a->kind != GW_LINE_TEXT || b->kind != GW_LINE_TEXT ||
	    a->ends_number)
		return 0;
	if (cannot_start(first_cp(bp, b->vlen)))
		return 1;
	if (bracket_pending(j, c->doc->clean.len))
		return 1;
	/* 牵头单位：… then 完成时限：… : each field is a line of its own */
	if (b->field || b->signs)
		return 0;
	int32_t end = last_cp(ap, a->vlen);
	if (is_terminal(end) || (end == '.' && ends_chinese_period(ap, a->vlen)))
		return 0;
	if (is_continuation(end) || gw_is_open_bracket(end))
		return 1;
	if (gw_is_close_paren(end))
		return 0;
	int full = c->hard_wrapped && a->width * 100 >= c->wrap_width * 85;
	/* …and ends with its line, however long, unless that line was
	 * wrapped at the printed width */
	if (j->field)
		return full;
	if (a->title_end && !full)
		return 0;
	/* A heading line that fills the printed width was wrapped, whatever
	 * the level's style: a heading alone on its line is short.  Where
	 * the level's headings run into their text, one that stops short of
	 * a sentence end goes on, unless its line is a short one: a heading
	 * on its own line (四、乡镇责任人), as other notices write them. */
	if (j->heading_open)
		return (c->run_in[j->heading_level] &&
			(c->hard_wrapped || a->width >= SHORT_LINE ||
			 ends_heading(bp, b->vlen))) ||
		       full;
	if (c->hard_wrapped)
		return full;
	return a->width >= SHORT_LINE;
}

static int is_word_byte(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* A space where two Latin words meet across a join (DRG and / DIP); not
 * between digits, which a wrap splits inside one number (达到9 / 5%). */
static int put_join_space(gw_document *doc, const char *p, size_t n)
{
	gw_buffer *b = &doc->clean;
	if (b->len && n && is_word_byte(b->data[b->len - 1]) &&
	    is_word_byte(p[0]))
		return gw_buf_putc(b, ' ');
	return 0;
}

static int copy_dels(cleaner *c, const phys *ph, size_t base)
{
	if (!ph->ndel)
		return 0;
	const del_tmp *d = (const del_tmp *)c->dels.data + ph->del0;
	for (size_t k = 0; k < ph->ndel; k++) {
		gw_del del = {base + d[k].at, d[k].start, d[k].len};
		if (d[k].len && gw_push(&c->doc->dels_buf, &del, sizeof del))
			return -1;
	}
	return 0;
}

static gw_line *current_line(cleaner *c, joiner *j)
{
	return gw_doc_lines(c->doc) + j->line_index;
}

static void close_line(cleaner *c, joiner *j)
{
	if (!j->open)
		return;
	gw_line *l = current_line(c, j);
	l->len = c->doc->clean.len - l->start;
	j->open = 0;
}

static int start_line(cleaner *c, joiner *j, const phys *ph)
{
	gw_document *doc = c->doc;
	gw_line l = {0};
	const char *p = c->vis.data + ph->vstart;
	if (put_join_space(doc, p, ph->vlen))
		return -1;
	l.start = doc->clean.len;
	l.src_offset = ph->src_offset;
	l.lineno = ph->lineno;
	l.kind = ph->kind;
	l.marker = ph->marker;
	j->line_index = gw_doc_nlines(doc);
	if (gw_push(&doc->lines_buf, &l, sizeof l))
		return -1;
	j->open = 1;
	j->start = l.start;
	j->nbrackets = 0;
	j->heading_open = ph->marker.level != 0;
	j->heading_level = ph->marker.level;
	j->field = ph->field;
	j->last = ph;
	if (copy_dels(c, ph, doc->clean.len) ||
	    gw_buf_put(&doc->clean, p, ph->vlen))
		return -1;
	track(j, p + ph->marker.len, ph->vlen - ph->marker.len,
	      l.start + ph->marker.len);
	return 0;
}

static int append_line(cleaner *c, joiner *j, const phys *ph)
{
	gw_document *doc = c->doc;
	const char *p = c->vis.data + ph->vstart;
	if (put_join_space(doc, p, ph->vlen))
		return -1;
	size_t off = doc->clean.len;
	if (copy_dels(c, ph, off) || gw_buf_put(&doc->clean, p, ph->vlen))
		return -1;
	track(j, p, ph->vlen, off);
	j->last = ph;
	return 0;
}

/* A wholly struck line: a line of its own when it carries a marker or
 * follows another struck line; else a deletion inside the current line. */
static int add_struck(cleaner *c, joiner *j, const phys *ph, int *struck_open)
{
	gw_document *doc = c->doc;
	if (!ph->marker.level && !*struck_open && j->open) {
		gw_del del = {doc->clean.len, ph->sstart, ph->slen};
		return gw_push(&doc->dels_buf, &del, sizeof del);
	}
	if (!ph->marker.level && *struck_open) {
		gw_line *l = gw_doc_lines(doc) + gw_doc_nlines(doc) - 1;
		l->len = ph->sstart + ph->slen - l->start;
		return 0;
	}
	close_line(c, j);
	gw_line l = {0};
	l.start = ph->sstart;
	l.len = ph->slen;
	l.src_offset = ph->src_offset;
	l.lineno = ph->lineno;
	l.marker = ph->marker;
	l.deleted = 1;
	*struck_open = 1;
	return gw_push(&doc->lines_buf, &l, sizeof l);
}

static int join_lines(cleaner *c)
{
	const phys *L = (const phys *)c->lines.data;
	size_t n = c->lines.len / sizeof *L;
	joiner j = {0};
	int struck_open = 0;
	for (size_t i = 0; i < n; i++) {
		const phys *ph = &L[i];
		if (ph->blank)
			continue;
		if (ph->struck) {
			if (add_struck(c, &j, ph, &struck_open))
				return -1;
			continue;
		}
		struck_open = 0;
		if (j.open && continues(c, &j, j.last, ph)) {
			if (append_line(c, &j, ph))
				return -1;
			continue;
		}
		close_line(c, &j);
		if (start_line(c, &j, ph))
			return -1;
	}
	close_line(c, &j);
	return 0;
}

/* ---- entry ------------------------------------------------------------- */

gw_status gw_clean(gw_document *doc, const gw_clean_patterns *pat)
{
	cleaner c = {0};
	c.doc = doc;
	c.pat = pat;
	c.src = doc->source.data;
	c.srclen = doc->source.len;
	c.link_close = c.link_after = SIZE_MAX;
	gw_status st = GW_ERR_NOMEM;
	/* Cleaning shrinks text (but for the labels read_tables() gives the
	 * cells of a task table): one allocation each, never NULL. */
	if (gw_buf_reserve(&c.vis, c.srclen + 1) ||
	    gw_buf_reserve(&doc->clean, c.srclen + 1) ||
	    gw_buf_reserve(&doc->struck, 16))
		goto done;
	if (find_tildes(&c) || scan_physical_lines(&c) || read_tables(&c))
		goto done;
	const phys *L = (const phys *)c.lines.data;
	size_t n = c.lines.len / sizeof *L;
	measure_wrap(&c, L, n);
	measure_heading_style(&c, L, n);
	mark_signatures((phys *)c.lines.data, n);
	if (drop_running_headers(&c, (phys *)c.lines.data, n))
		goto done;
	if (join_lines(&c) || gw_buf_terminate(&doc->clean) ||
	    gw_buf_terminate(&doc->struck))
		goto done;
	st = GW_OK;
done:
	free(c.tildes);
	gw_buffer_free(&c.vis);
	gw_buffer_free(&c.dels);
	gw_buffer_free(&c.lines);
	return st;
}
