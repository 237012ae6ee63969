/* outline.c — see outline.h. */
#include "outline.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "heading.h"
#include "utf8.h"

int gw_outline_patterns_init(gw_outline_patterns *p, gw_diag *diag)
{
	p->exhortation = gw_re_new(
		"各(?:地|级|省|市|州|盟|县|区|旗|乡|镇|街道|开发区|园区|有关|相关|"
		"部门|单位|成员单位|处室|科室|司局|厅局|委办局|直属单位|直属机构|"
		"(?:牵头|责任|配合|承办)(?:单位|部门))[^。；]{0,40}?要|"
		"本(?:通知|方案|意见|办法|细则|规定|计划|要点)(?:自|从)\\S{0,6}"
		"(?:印发|发布)之日起|请各(?:地|级|省|市|州|县|区|乡|镇|街道|"
		"开发区|园区|有关|相关|部门|单位|成员单位|处室|科室|司局|厅局|"
		"委办局|(?:牵头|责任|配合|承办)(?:单位|部门))|"
		/* …and the contact block that closes a notice, and its 版记 */
		"(?:联\\s*系\\s*人|联系电话|联系方式|抄\\s*送|"
		/* …and a note under a table (注：排在第一位的为牵头单位) */
		"注|备\\s*注)\\s*[：:]",
		GW_RE_ANCHORED, diag);
	return p->exhortation ? 0 : -1;
}

void gw_outline_patterns_free(gw_outline_patterns *p)
{
	gw_re_free(p->exhortation);
	p->exhortation = NULL;
}

typedef enum state { IN_PREAMBLE, IN_OUTLINE, IN_CLOSING } state;

typedef struct builder {
	gw_document *doc;
	const gw_outline_patterns *pat;
	int top;	       /* level of the outline's first tier */
	int top_has_one;       /* some top-level marker is numbered 1 */
	state st;
	int part;
	int attach_list;       /* inside 附件：1.… 2.… */
	int dated;	       /* the date line (成文日期) has been passed */
	int attach_heading;    /* an attachment's heading (附件2) since the
				  last part began */
	gw_node *cur;	       /* the last node opened (may be deleted) */
	gw_node *owner;	       /* the node that takes unmarked lines */
	int last_at_level[5];  /* last number per level, across parents */
	int placing_deleted;   /* the line being placed is struck out */
	int stray;	       /* the number a text line just placed opens
				  with (8.2025—2027年… not read as a marker) */
	size_t stray_len;      /* …its bytes with the dot and blanks after */
	size_t stray_line;     /* …and its index */
	int promote;	       /* fits() accepted a marker after it */
} builder;

/* ---- numbering ---------------------------------------------------------- */

/* 附件, 附件2 alone on a line, after the date or above a title: the
 * heading of an attachment (GB/T 9704 §7.5), not the list of them
 * (附件：1.…, or 附件 over 1.… 2.… lines before the signature). */
static int attachment_heading(const builder *b, const gw_line *l)
{
	if (l->kind != GW_LINE_ATTACHMENT)
		return 0;
	gw_str t = gw_line_text(b->doc, l);
	if (gw_find(t.ptr, t.len, 0, "：") != SIZE_MAX ||
	    memchr(t.ptr, ':', t.len) != NULL)
		return 0;
	const gw_line *L = gw_doc_lines(b->doc);
	size_t next = (size_t)(l - L) + 1;
	return b->dated || (next < gw_doc_nlines(b->doc) &&
			    L[next].kind == GW_LINE_TEXT &&
			    !L[next].marker.level);
}

/* An attachment list continues with numbered lines after 附件：. */
static int in_attachment_list(builder *b, const gw_line *l)
{
	if (attachment_heading(b, l)) {
		b->attach_heading = 1;
		b->attach_list = 0;
		return 1;
	}
	if (l->kind == GW_LINE_ATTACHMENT) {
		b->attach_list = 1;
		return 1;
	}
	if (b->attach_list && l->marker.level &&
	    l->marker.shape != GW_SHAPE_CN_COMMA)
		return 1;
	b->attach_list = 0;
	return 0;
}

static void find_top_level(builder *b)
{
	const gw_line *L = gw_doc_lines(b->doc);
	size_t n = gw_doc_nlines(b->doc);
	int top_one = 0, top_any = 0;
	for (size_t i = 0; i < n; i++) {
		if (in_attachment_list(b, &L[i]) || !L[i].marker.level)
			continue;
		int lv = L[i].marker.level;
		if (!top_any || lv < top_any)
			top_any = lv;
		if (L[i].marker.number == 1 && (!top_one || lv < top_one))
			top_one = lv;
	}
	b->attach_list = b->dated = b->attach_heading = 0;
	b->top = top_one ? top_one : top_any;
	b->top_has_one = top_one != 0;
}

static gw_node *parent_for(builder *b, int level)
{
	gw_node *p = b->cur;
	while (p && p->level >= level)
		p = p->parent;
	return p ? p : &b->doc->root;
}

/* The number of the last visible sibling at `level` up to n, or 0.  The
 * walk back over struck siblings is bounded: a run of struck items longer
 * than that is not renumbering. */
static int last_visible_number(const gw_node *n, int level)
{
	for (int steps = 0; n && steps < 64; n = n->prev, steps++)
		if (!n->deleted && n->level == level)
			return n->number;
	return 0;
}

/* Does a marker skip the one number that the text line just above it
 * opens with (7. …, then 8.2025—2027年… that was no marker, then 9.)?
 * That line was an item the marker rules could not see: the numbering
 * goes on after it rather than stopping for the rest of the list. */
static int skips_stray(builder *b, const gw_marker *m, int last)
{
	b->promote = m->shape == GW_SHAPE_ARABIC_DOT && b->stray &&
		     b->stray == last + 1 && m->number == last + 2;
	return b->promote;
}

/* The number a line opens with, written like a marker of level 3
 * (8. 8．), or 0; *len gets its bytes with the dot and the blanks after. */
static int leading_number(gw_str t, size_t *len)
{
	int v;
	size_t k = gw_arabic_number(t.ptr, t.len, 3, &v);
	if (!k || k >= t.len)
		return 0;
	if (t.ptr[k] == '.')
		k += 1;
	else if (t.len - k >= 3 && !memcmp(t.ptr + k, "．", 3))
		k += 3;
	else
		return 0;
	while (k < t.len && t.ptr[k] == ' ')
		k++;
	*len = k;
	return v;
}

/* Does a marker continue the numbering where it stands? */
static int fits(builder *b, const gw_marker *m, const gw_node *parent)
{
	int n = m->number;
	b->promote = 0;
	if (m->level == b->top && parent->level == 0)
		return n == b->last_at_level[m->level] + 1 ||
		       (!b->top_has_one && b->last_at_level[m->level] == 0);
	if (m->level < b->top)
		return 0;
	const gw_node *lc = parent->last_child;
	if (lc && lc->part == b->part && lc->level == m->level) {
		if (n == lc->number + 1 || skips_stray(b, m, lc->number))
			return 1;
		/* Tracked renumbering (~~（二）~~（一）): a visible marker may
		 * follow the last visible sibling and re-use a struck number. */
		return !b->placing_deleted && lc->deleted &&
		       n == last_visible_number(lc, m->level) + 1;
	}
	if (n <= parent->max_child_number)
		return 0;
	return n == 1 || n == b->last_at_level[m->level] + 1 ||
	       skips_stray(b, m, b->last_at_level[m->level]);
}

static const char *make_path(builder *b, const gw_node *parent, int number)
{
	char buf[32];
	if (parent->level == 0) {
		if (b->part > 1)
			snprintf(buf, sizeof buf, "%d:%d", b->part, number);
		else
			snprintf(buf, sizeof buf, "%d", number);
		return gw_arena_strndup(&b->doc->arena, buf, strlen(buf));
	}
	size_t plen = strlen(parent->path);
	int k = snprintf(buf, sizeof buf, ".%d", number);
	char *s = gw_arena_alloc(&b->doc->arena, plen + (size_t)k + 1);
	if (!s)
		return NULL;
	memcpy(s, parent->path, plen);
	memcpy(s + plen, buf, (size_t)k + 1);
	return s;
}

static void append_child(gw_node *parent, gw_node *n)
{
	n->parent = parent;
	n->prev = parent->last_child;
	if (parent->last_child)
		parent->last_child->next = n;
	else
		parent->first_child = n;
	parent->last_child = n;
	if (n->number > parent->max_child_number)
		parent->max_child_number = n->number;
}

static gw_node *open_node(builder *b, gw_line *l, size_t index,
			  gw_node *parent)
{
	gw_node *n = gw_arena_alloc(&b->doc->arena, sizeof *n);
	if (!n)
		return NULL;
	n->level = l->marker.level;
	n->number = l->marker.number;
	n->part = b->part;
	n->deleted = l->deleted || (parent->deleted && parent->level);
	gw_marker_format(&l->marker, n->marker);
	n->path = make_path(b, parent, n->number);
	if (!n->path)
		return NULL;
	n->first_line = index;
	n->nlines = 1;
	append_child(parent, n);
	b->last_at_level[n->level] = n->number;
	b->stray = 0;
	b->cur = n;
	if (!n->deleted)
		b->owner = n;
	l->region = GW_REGION_NODE;
	l->node = n;
	return n;
}

/* ---- closing ------------------------------------------------------------ */

/* A signature line: short and without sentence punctuation. */
static int looks_like_signature(gw_str s)
{
	if (gw_str_width(s.ptr, s.len) > 60)
		return 0;
	static const char *const marks[] = {"。", "，", "；", "：", "、", ",",
					    ";", ":", "！", "？", "（", "("};
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t ml = strlen(marks[k]);
		for (size_t i = 0; i + ml <= s.len; i++)
			if (!memcmp(s.ptr + i, marks[k], ml))
				return 0;
	}
	return 1;
}

/* 各省级人民政府要…（商务部牵头，各省级人民政府负责）: a paragraph that
 * names who leads or answers for it is a task, however it opens. */
static int assigns_task(gw_str t)
{
	static const char *const cues[] = {"牵头，", "牵头）", "牵头)",
					   "负责）", "负责)", "配合）",
					   "配合)", NULL};
	for (const char *const *c = cues; *c; c++)
		if (gw_find(t.ptr, t.len, 0, *c) != SIZE_MAX)
			return 1;
	return 0;
}

/* Does a line (not the node's first) begin the closing? */
static int starts_closing(builder *b, const gw_line *l)
{
	gw_str t = gw_line_text(b->doc, l);
	if (l->kind != GW_LINE_TEXT)
		return 1;
	if (gw_re_search(b->pat->exhortation, t.ptr, t.len, 0, NULL))
		return !assigns_task(t);
	return looks_like_signature(t);
}

/* The last node of a part gives up what follows its own text. */
static void split_closing(builder *b)
{
	gw_node *n = b->owner;
	if (!n || n->part != b->part)
		return;
	gw_line *L = gw_doc_lines(b->doc);
	size_t end = n->first_line + n->nlines;
	/* A node whose first line is only a heading (二、保障措施) owns at
	 * least the paragraph under it, however that paragraph opens. */
	int body_seen = gw_first_sentence_end(gw_line_text(b->doc, &L[n->first_line])) <
			gw_line_text(b->doc, &L[n->first_line]).len;
	for (size_t i = n->first_line + 1; i < end; i++) {
		if (L[i].deleted || L[i].node != n)
			continue;
		if (!body_seen) {
			body_seen = 1;
			continue;
		}
		if (starts_closing(b, &L[i])) {
			for (size_t k = i; k < end; k++) {
				if (L[k].node == n) {
					L[k].region = GW_REGION_CLOSING;
					L[k].node = NULL;
				}
			}
			n->nlines = i - n->first_line;
			return;
		}
	}
}

/* ---- the pass ----------------------------------------------------------- */

static void attach_text(builder *b, gw_line *l, size_t index)
{
	gw_node *n = b->owner;
	if (b->st != IN_OUTLINE || !n) {
		l->region = b->st == IN_CLOSING ? GW_REGION_CLOSING
						: GW_REGION_PREAMBLE;
		return;
	}
	l->region = GW_REGION_NODE;
	l->node = n;
	n->nlines = index - n->first_line + 1;
}

static void enter_closing(builder *b)
{
	if (b->st == IN_OUTLINE)
		split_closing(b);
	b->st = IN_CLOSING;
}

/* A new outline begins: the top level numbered 1 again (or at all), or
 * after an attachment's heading any marker numbered 1 (a 任务清单 of
 * 1. 2. 3. or （一）（二） without 一、). */
static int starts_part(builder *b, const gw_line *l)
{
	if (l->marker.number == 1 && b->st == IN_CLOSING && b->attach_heading)
		return 1;
	return l->marker.level == b->top &&
	       (l->marker.number == 1 ||
		(!b->top_has_one && b->st == IN_PREAMBLE));
}

/* The stray line (skips_stray) becomes the item it is: its number is
 * its marker, and the node above gives it up. */
static int promote_stray(builder *b, gw_node *parent)
{
	gw_line *sl = gw_doc_lines(b->doc) + b->stray_line;
	gw_node *owner = sl->node;
	owner->nlines = b->stray_line - owner->first_line;
	sl->marker = (gw_marker){3, b->stray, GW_SHAPE_ARABIC_DOT, b->stray_len};
	return open_node(b, sl, b->stray_line, parent) != NULL;
}

static int step(builder *b, gw_line *l, size_t index)
{
	l->part = b->part ? b->part : 1;
	int attach = in_attachment_list(b, l);
	if (l->kind == GW_LINE_DATE)
		b->dated = 1;
	if (attach || l->kind == GW_LINE_DATE) {
		if (b->st == IN_OUTLINE)
			enter_closing(b);
		attach_text(b, l, index);
		return 0;
	}
	if (l->marker.level && b->st != IN_OUTLINE && starts_part(b, l)) {
		b->part++;
		l->part = b->part;
		b->st = IN_OUTLINE;
		b->attach_heading = 0;
		b->cur = b->owner = NULL;
		memset(b->last_at_level, 0, sizeof b->last_at_level);
		return open_node(b, l, index, &b->doc->root) ? 0 : -1;
	}
	if (l->marker.level && b->st == IN_OUTLINE) {
		gw_node *parent = parent_for(b, l->marker.level);
		b->placing_deleted = l->deleted;
		if (fits(b, &l->marker, parent))
			return (b->promote && !promote_stray(b, parent)) ||
				       !open_node(b, l, index, parent)
				       ? -1
				       : 0;
		if (l->marker.level == b->top && l->marker.number == 1 &&
		    parent->level == 0) {
			split_closing(b);
			b->st = IN_CLOSING;
			return step(b, l, index);
		}
	}
	if (!l->deleted) {
		attach_text(b, l, index);
		b->stray = l->marker.level || l->region != GW_REGION_NODE
				   ? 0
				   : leading_number(gw_line_text(b->doc, l),
						    &b->stray_len);
		b->stray_line = index;
	}
	return 0;
}

static void count_nodes(gw_document *doc)
{
	doc->nnodes = doc->nitems = 0;
	for (const gw_node *n = doc->root.first_child; n;
	     n = gw_node_next_preorder(n)) {
		((gw_node *)n)->text = gw_node_own_text(doc, n);
		if (n->deleted)
			continue;
		doc->nnodes++;
		if (!gw_node_has_visible_child(n))
			doc->nitems++;
	}
}

gw_status gw_outline(gw_document *doc, const gw_outline_patterns *pat)
{
	builder b = {0};
	b.doc = doc;
	b.pat = pat;
	find_top_level(&b);
	gw_line *L = gw_doc_lines(doc);
	size_t n = gw_doc_nlines(doc);
	for (size_t i = 0; i < n; i++)
		if (step(&b, &L[i], i))
			return GW_ERR_NOMEM;
	if (b.st == IN_OUTLINE)
		split_closing(&b);
	count_nodes(doc);
	return GW_OK;
}

int gw_node_has_visible_child(const gw_node *n)
{
	for (const gw_node *c = n->first_child; c; c = c->next)
		if (!c->deleted)
			return 1;
	return 0;
}

const gw_node *gw_node_next_preorder(const gw_node *n)
{
	if (n->first_child)
		return n->first_child;
	while (n) {
		if (n->next)
			return n->next;
		n = n->parent;
		if (n && n->level == 0)
			return NULL;
	}
	return NULL;
}

gw_str gw_node_own_text(const gw_document *doc, const gw_node *n)
{
	if (n->deleted) {
		const gw_line *l = gw_doc_lines(doc) + n->first_line;
		gw_str t = gw_line_text(doc, l);
		return gw_str_make(t.ptr + l->marker.len, t.len - l->marker.len);
	}
	const gw_line *L = gw_doc_lines(doc);
	const gw_line *first = &L[n->first_line];
	size_t start = first->start + first->marker.len;
	size_t end = first->start + first->len;
	for (size_t i = n->first_line + 1; i < n->first_line + n->nlines; i++)
		if (!L[i].deleted && L[i].node == n)
			end = L[i].start + L[i].len;
	return gw_str_make(doc->clean.data + start, end - start);
}

/* Is a paragraph one that stops on a letter, a digit or a character
 * and holds no sentence end: a heading alone on its line (总体要求), a
 * field (牵头单位：市税务局), a cell?  The next one is set apart from it.
 * (One that stops mid-sentence after a sentence end was cut by a wrap
 * the cleaner could not see, and runs on.) */
static int stands_apart(const gw_document *doc, const gw_line *l)
{
	const char *p = doc->clean.data + l->start;
	size_t end = l->len, start;
	int32_t cp = -1;
	/* a closing quote or bracket after a word (推进“一件事一次办”,
	 * 市市场监管局（市知识产权局）) ends in it */
	while (end) {
		cp = gw_utf8_prev(p, end, &start);
		if (cp != 0x2019 && cp != 0x300D && cp != 0x300F && cp != '"' &&
		    !gw_is_close_bracket(cp))
			break;
		end = start;
	}
	if (!end)
		return 0;
	utf8proc_category_t cat = utf8proc_category(cp);
	if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO)
		return 0;
	return gw_find(p, l->len, 0, "。") == SIZE_MAX &&
	       gw_find(p, l->len, 0, "！") == SIZE_MAX &&
	       gw_find(p, l->len, 0, "？") == SIZE_MAX;
}

int gw_node_text_parts(const gw_document *doc, const gw_node *n,
		       gw_text_part_fn fn, void *user)
{
	const gw_str t = n->text;
	size_t at = (size_t)(t.ptr - doc->clean.data), end = at + t.len;
	if (n->deleted || !t.len)
		return fn(user, t, 0);
	const gw_line *L = gw_doc_lines(doc);
	int space = 0;
	const gw_line *prev = &L[n->first_line];
	for (size_t i = n->first_line + 1; i < n->first_line + n->nlines; i++) {
		if (L[i].deleted || L[i].node != n || L[i].start <= at)
			continue;
		int apart = stands_apart(doc, prev);
		prev = &L[i];
		if (!apart)
			continue;
		if (fn(user, gw_str_make(doc->clean.data + at, L[i].start - at),
		       space))
			return -1;
		at = L[i].start;
		space = 1;
	}
	return fn(user, gw_str_make(doc->clean.data + at, end - at), space);
}
