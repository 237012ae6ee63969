/* html.c — see html.h. */
#include "html.h"

#include <libxml/HTMLparser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "buf.h"
#include "reader.h"
#include "utf8.h"

/* ---- what is skipped, what is a block ---------------------------------- */

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

static const char *const skipped_tags[] = {
	"head",	  "script", "style",	"noscript", "template", "nav",
	"aside",  "select", "button",	"textarea", "input",	"iframe",
	"object", "embed",  "svg",	"canvas",   "audio",	"video",
	"map",	  "frameset", NULL};

static const char *const block_tags[] = {
	"address", "article", "blockquote", "body",	"caption", "center",
	"dd",	   "details", "dialog",	    "dir",	"div",	   "dl",
	"dt",	   "fieldset", "figcaption", "figure",	"form",	   "h1",
	"h2",	   "h3",      "h4",	    "h5",	"h6",	   "hr",
	"html",	   "legend",  "li",	    "main",	"menu",	   "ol",
	"p",	   "pre",     "section",    "summary",	"table",   "tbody",
	"tfoot",   "thead",   "tr",	    "ul",	NULL};

/* Whole class tokens / ids that name page furniture, in English and in
 * the pinyin of Chinese sites (dibu 底部, toubu 头部, xgwz 相关文章,
 * xglj 相关链接). */
static const char *const furniture[] = {
	"header", "footer", "head", "foot",	 "top",	 "bottom", "banner",
	"logo",	  "topbar", "copyright", "dibu", "toubu", "xgwz",   "xglj",
	NULL};

/* Word stems (at the start or end of a word) of navigation; the pinyin
 * ones: daohang 导航, fenxiang 分享, dayin 打印, guanbi 关闭, weizhi 位置. */
static const char *const nav_stems[] = {
	"nav",	    "menu",	"breadcrumb", "crumb",	  "sidebar", "share",
	"toolbar",  "print",	"pagination", "pager",	  "fontsize", "skiplink",
	"position", "location", "btn",	      "prevnext", "related", "daohang",
	"fenxiang", "dayin",	"guanbi",     "weizhi",	  NULL};

/* Words that name the notice's own text (zhengwen 正文, neirong 内容):
 * a token with one names the content, whatever else it says. */
static const char *const content_words[] = {"content", "zhengwen", "neirong",
					    NULL};

static int stem_match(const char *w, size_t n)
{
	for (const char *const *s = nav_stems; *s; s++) {
		size_t k = strlen(*s);
		if (n >= k && (!strncmp(w, *s, k) || !strncmp(w + n - k, *s, k)))
			return 1;
	}
	return 0;
}

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

/* One lowercased class token t[0..n): a furniture name, or a word (split
 * on - _ and other non-alphanumerics) with a nav stem and none naming the
 * content: "navbar", "sub-nav-list", "article_share" are navigation,
 * "main-content-nav-free" is the content. */
static int token_navigation(const char *t, size_t n)
{
	char name[64];
	if (n < sizeof name) {
		memcpy(name, t, n);
		name[n] = '\0';
		if (in_list(name, furniture))
			return 1;
	}
	int nav = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && !is_alnum(t[i]))
			i++;
		size_t b = i;
		while (i < n && is_alnum(t[i]))
			i++;
		if (i - b >= sizeof name)
			continue;
		memcpy(name, t + b, i - b);
		name[i - b] = '\0';
		if (in_list(name, content_words))
			return 0;
		nav |= i > b && stem_match(name, i - b);
	}
	return nav;
}

/* class="a b" / id="x": does a token mark navigation? */
static int marks_navigation(const char *v)
{
	char tok[64];
	size_t t = 0;
	for (size_t i = 0;; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			if (t < sizeof tok)
				tok[t++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		if (t && token_navigation(tok, t))
			return 1;
		t = 0;
		if (!c)
			return 0;
	}
}

static int attr_has(xmlNodePtr n, const char *name, int (*test)(const char *))
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (!v)
		return 0;
	int r = test((const char *)v);
	xmlFree(v);
	return r;
}

static int yes(const char *v)
{
	(void)v;
	return 1;
}

static int hides(const char *style)
{
	char s[256];
	size_t k = 0;
	for (size_t i = 0; style[i] && k < sizeof s - 1; i++)
		if (style[i] != ' ' && style[i] != '\t')
			s[k++] = (char)(style[i] >= 'A' && style[i] <= 'Z'
						? style[i] + 32
						: style[i]);
	s[k] = '\0';
	return strstr(s, "display:none") || strstr(s, "visibility:hidden");
}

static int nav_role(const char *v)
{
	static const char *const roles[] = {"navigation", "banner",
					    "contentinfo", "search", "menu",
					    "menubar", NULL};
	return in_list(v, roles);
}

/* ---- the walk ----------------------------------------------------------- */

enum { ROW_COLUMNS = 24 }; /* columns a row line keeps track of */
enum { TABLE_DEPTH = 32 }; /* nested tables a walk tells apart */

/* A cell of a row above that spans this one too (rowspan). */
typedef struct carried {
	int rows; /* rows still to fill */
	gw_buffer text;
} carried;

typedef struct walker {
	gw_buffer *out;
	size_t line_start; /* offset in out of the current line */
	int space;	   /* collapsed whitespace pending */
	int pre;	   /* inside <pre> */
	int article;	   /* inside <article>/<main> */
	int join_cell;	   /* the next cell continues this line */
	int value_cell;	   /* the cell being written does (a label's value) */
	int after_th;	   /* the label is a <th> without a colon */
	int value_list;	   /* …and it is a list of names (发文机关：) */
	int value_sep;	   /* a 、 is due before its next name */
	size_t value_start; /* where its text begins in out */
	int link;	   /* inside <a href> */
	int linked;	   /* the current line has text of a link */
	size_t plain_end;  /* where its last words outside links end */
	/* a <tr> written as one line of TAB-separated cells (row_line) */
	int row;	   /* inside such a row */
	int cell;	   /* inside one of its cells */
	int col;	   /* the column of its next cell */
	int rowspan, colspan; /* of the cell being written */
	size_t cell_start; /* where its text begins in out */
	carried carry[ROW_COLUMNS];
	/* the tables the walk is in, and which of them lay the page out
	 * (layout_table); deeper ones than TABLE_DEPTH count as layout */
	int tables;
	unsigned char layout[TABLE_DEPTH];
	unsigned char two_columns[TABLE_DEPTH]; /* (two_column_task_table) */
	int err;
} walker;

static int line_empty(const walker *w) { return w->out->len == w->line_start; }

/* A line of nothing but punctuation (【】 left by skipped links) is
 * dropped: it has no letter, digit or Han character. */
static int has_words(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'))
			return 1;
		int32_t cp = gw_utf8_next(p, n, &i);
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cp >= 0x80 && (gw_is_han(cp) || (cat >= UTF8PROC_CATEGORY_LU &&
						     cat <= UTF8PROC_CATEGORY_NO)))
			return 1;
	}
	return 0;
}

/* Labels of a page's link lists (上一篇：<a>…</a>, 相关链接：<a>…</a>,
 * 当前位置：<a>首页</a> > …, the downloads under the notice 附件下载：
 * <a>1.….docx</a>): a line of one and links is furniture.  Not 附件：,
 * the notice's own attachment note (GB/T 9704), whatever it links. */
static const char *const link_labels[] = {
	"上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页",
	"相关链接", "相关文章", "相关阅读", "相关文件", "相关新闻", "相关信息",
	"相关解读", "友情链接", "当前位置", "您的位置", "您现在的位置",
	"您当前的位置", "所在位置", "附件下载", "下载附件", "相关附件", "附件列表",
	NULL};

/* Is p[0..n) one of link_labels with its colon (and blanks)? */
static int link_label(const char *p, size_t n)
{
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n && p[n - 1] == ':')
		n--;
	else if (n >= 3 && !memcmp(p + n - 3, "\xEF\xBC\x9A", 3))
		n -= 3;
	else
		return 0;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	for (const char *const *l = link_labels; *l; l++)
		if (strlen(*l) == n && !memcmp(p, *l, n))
			return 1;
	return 0;
}

/* Is the current line only links: no words outside them, or a link list's
 * label and links after it (上一篇：《…》)?  A page's furniture; the
 * notice's text is no link. */
static int link_line(const walker *w)
{
	if (!w->linked || w->cell)
		return 0;
	return w->plain_end <= w->line_start ||
	       link_label(w->out->data + w->line_start,
			  w->plain_end - w->line_start);
}

static void start_line(walker *w)
{
	w->line_start = w->out->len;
	w->plain_end = w->line_start;
	w->linked = 0;
}

static void newline(walker *w)
{
	w->space = 0;
	if (line_empty(w))
		return;
	if (!has_words(w->out->data + w->line_start,
		       w->out->len - w->line_start) ||
	    link_line(w)) {
		w->out->len = w->line_start;
		start_line(w);
		return;
	}
	w->err |= gw_buf_putc(w->out, '\n');
	start_line(w);
}

static void hard_newline(walker *w)
{
	w->space = 0;
	if (!line_empty(w) && link_line(w))
		w->out->len = w->line_start;
	w->err |= gw_buf_putc(w->out, '\n');
	start_line(w);
}

/* Note text written on the current line: in a link, or words outside. */
static void note_text(walker *w, const char *s)
{
	if (w->link)
		w->linked = 1;
	else if (has_words(s, strlen(s)))
		w->plain_end = w->out->len;
}

static void put_text(walker *w, const char *s)
{
	size_t i = 0;
	while (s[i]) {
		unsigned char c = (unsigned char)s[i];
		size_t k = 1;
		int blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
			    c == '\f';
		if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) { /* &nbsp; */
			blank = 1;
			k = 2;
		}
		if (blank && w->pre && c == '\n') {
			hard_newline(w);
		} else if (blank) {
			w->space = 1;
		} else {
			if (w->value_sep && w->out->len > w->value_start)
				w->err |= gw_buf_puts(w->out, "、");
			else if (w->space && !line_empty(w))
				w->err |= gw_buf_putc(w->out, ' ');
			w->value_sep = 0;
			w->space = 0;
			w->err |= gw_buf_putc(w->out, (char)c);
		}
		i += k;
	}
}

/* Does p[0..n) end with a label's colon (：or :)? */
static int ends_with_colon(const char *p, size_t n)
{
	return (n && p[n - 1] == ':') ||
	       (n >= 3 && !memcmp(p + n - 3, "\xEF\xBC\x9A", 3));
}

/* …and the current line? */
static int ends_label(const walker *w)
{
	size_t n = w->out->len - w->line_start;
	if (!n) /* nothing written yet: data may still be NULL */
		return 0;
	return ends_with_colon(w->out->data + w->line_start, n);
}

static int is_cell(const char *tag)
{
	return !strcmp(tag, "td") || !strcmp(tag, "th");
}

static int is_element(xmlNodePtr n, const char *tag)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, tag);
}

/* A span attribute (colspan, rowspan): 1 unless a number 2..ROW_COLUMNS. */
static int span_of(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	int k = v ? atoi((const char *)v) : 1;
	xmlFree(v);
	return k < 1 ? 1 : k > ROW_COLUMNS ? ROW_COLUMNS : k;
}

/* What a cell may hold and still be a cell of a row line: a task
 * table's cell holds a few paragraphs at most; a layout table's cell
 * holds the menu, or the article. */
enum { ROW_CELL_BLOCKS = 8, ROW_CELL_BYTES = 3000 };

static int is_block(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE &&
	       (in_list((const char *)n->name, block_tags) ||
		!strcmp((const char *)n->name, "br"));
}

/* The node after cur in a walk of the nodes under root, in document
 * order: into cur's children when `descend`, else past them; root
 * when the walk is over. */
static xmlNodePtr next_in(xmlNodePtr root, xmlNodePtr cur, int descend)
{
	if (descend && cur->type == XML_ELEMENT_NODE && cur->children)
		return cur->children;
	while (cur != root && !cur->next)
		cur = cur->parent;
	return cur != root ? cur->next : root;
}

/* Is a cell small enough for a row line: no table of its own, at most
 * ROW_CELL_BLOCKS blocks and ROW_CELL_BYTES bytes of text?  The walk
 * stops as soon as it is not, so it reads no more than that of it. */
static int small_cell(xmlNodePtr cell)
{
	size_t bytes = 0;
	int blocks = 0;
	xmlNodePtr cur = cell->children;
	while (cur && cur != cell) {
		if (is_element(cur, "table"))
			return 0;
		blocks += is_block(cur);
		if (cur->type == XML_TEXT_NODE && cur->content)
			bytes += strlen((const char *)cur->content);
		if (blocks > ROW_CELL_BLOCKS || bytes > ROW_CELL_BYTES)
			return 0;
		cur = next_in(cell, cur, 1);
	}
	return 1;
}

/* Does a (small) cell's text end with a label's colon (发文字号：)? */
static int cell_ends_label(xmlNodePtr c)
{
	xmlChar *v = xmlNodeGetContent(c);
	if (!v)
		return 0;
	size_t n = strlen((const char *)v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\n' ||
		     v[n - 1] == '\r'))
		n--;
	int label = ends_with_colon((const char *)v, n);
	xmlFree(v);
	return label;
}

static int is_link(xmlNodePtr n)
{
	if (!is_element(n, "a"))
		return 0;
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)"href");
	xmlFree(v);
	return v != NULL;
}

/* Has a (small) cell words outside its links?  A cell of a task table
 * does (序号, the task); one of a page's frame holds a link (首页), a
 * picture or nothing. */
static int has_plain_text(xmlNodePtr cell)
{
	xmlNodePtr cur = cell->children;
	while (cur && cur != cell) {
		if (cur->type == XML_TEXT_NODE && cur->content &&
		    has_words((const char *)cur->content,
			      strlen((const char *)cur->content)))
			return 1;
		cur = next_in(cell, cur, !is_link(cur));
	}
	return 0;
}

/* Is a table one a page is laid out with: has it a cell that is not
 * small (the menu, the article, a table of its own)?  Its rows are no
 * task table's, even the ones of small cells (主办单位 | 承办单位 | 备案号
 * under the article).  Every cell is read up to its bound once. */
static int layout_table(xmlNodePtr table)
{
	for (xmlNodePtr r = table->children; r; r = r->next) {
		int group = is_element(r, "tbody") || is_element(r, "thead") ||
			    is_element(r, "tfoot");
		xmlNodePtr tr = group ? r->children : r;
		for (; tr; tr = group ? tr->next : NULL) {
			if (!is_element(tr, "tr"))
				continue;
			for (xmlNodePtr c = tr->children; c; c = c->next)
				if ((is_element(c, "td") || is_element(c, "th")) &&
				    !small_cell(c))
					return 1;
		}
	}
	return 0;
}

/* A cell's text, blanks trimmed, in buf (size bytes); 0 when longer. */
static int cell_text(xmlNodePtr c, char *buf, size_t size, gw_str *out)
{
	xmlChar *v = xmlNodeGetContent(c);
	if (!v)
		return 0;
	const char *p = (const char *)v;
	size_t n = strlen(p), b = 0;
	while (b < n && (p[b] == ' ' || p[b] == '\t' || p[b] == '\n' ||
			 p[b] == '\r'))
		b++;
	while (n > b && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
			 p[n - 1] == '\n' || p[n - 1] == '\r'))
		n--;
	int ok = n - b < size;
	if (ok) {
		memcpy(buf, p + b, n - b);
		*out = gw_str_make(buf, n - b);
	}
	xmlFree(v);
	return ok;
}

/* Is a table one of two columns, the tasks and who answers for them
 * (重点任务 | 责任单位)?  Its first row says so.  Its rows are then written
 * as TAB-separated lines like those of three cells or more, and the
 * cleaner reads the header (clean.c, read_header) as it does in text. */
static int two_column_task_table(xmlNodePtr table)
{
	static const char *const tasks[] = {"任务", "内容", "措施", "事项",
					    "举措", "工作", "要点", "项目",
					    NULL};
	static const char *const units[] = {"单位", "部门", "科室", "处室",
					    NULL};
	xmlNodePtr tr = table->children;
	while (tr && !is_element(tr, "tr")) {
		int group = is_element(tr, "tbody") || is_element(tr, "thead");
		tr = group ? tr->children : tr->next;
	}
	if (!tr)
		return 0;
	gw_str x[2];
	char buf[2][64];
	int n = 0;
	for (xmlNodePtr c = tr->children; c; c = c->next) {
		if (!is_element(c, "td") && !is_element(c, "th"))
			continue;
		if (n == 2 || !small_cell(c) ||
		    !cell_text(c, buf[n], sizeof buf[n], &x[n]))
			return 0;
		n++;
	}
	return n == 2 &&
	       ((gw_str_ends_with_any(x[0], tasks) && gw_str_ends_with_any(x[1], units)) ||
		(gw_str_ends_with_any(x[0], units) && gw_str_ends_with_any(x[1], tasks)));
}

/* Is a <tr> written as one line of TAB-separated cells, as a row of a
 * table copied from Word is?  Three cells or more, all small, of a table
 * that is not a layout table, none a label (the label and value cells of
 * a metadata table stay lines of their own) and one at least with words
 * outside links (a frame's row of links is not); cells of the rows above
 * that span this one count. */
static int row_line(const walker *w, xmlNodePtr tr)
{
	if (w->tables > TABLE_DEPTH ||
	    (w->tables > 0 && w->layout[w->tables - 1]))
		return 0;
	int cells = 0, plain = 0, pairs = 0, after_th = 0;
	for (int c = 0; c < ROW_COLUMNS; c++)
		cells += w->carry[c].rows > 0;
	for (xmlNodePtr c = tr->children; c; c = c->next) {
		if (!is_element(c, "td") && !is_element(c, "th"))
			continue;
		if (!small_cell(c) || cell_ends_label(c))
			return 0;
		plain |= has_plain_text(c);
		cells += span_of(c, "colspan");
		pairs += after_th && is_element(c, "td");
		after_th = is_element(c, "th");
	}
	/* <th>索引号</th><td>…</td><th>主题分类</th><td>…</td>: label and
	 * value pairs of a metadata table, no task table's row */
	int two = w->tables > 0 && w->two_columns[w->tables - 1];
	return (cells >= 3 || (cells == 2 && two)) && plain && pairs < 2;
}


static void put_tab(walker *w)
{
	w->err |= gw_buf_putc(w->out, '\t');
	w->space = 0;
}

static void put_carried_cell(walker *w, int c)
{
	while (w->col < c) { /* empty cells before it */
		put_tab(w);
		w->col++;
	}
	if (w->col > 0)
		put_tab(w);
	/* \f marks the copy: a task's text merged over two rows is one
	 * task's, its units are each row's (clean.c, read_tables) */
	w->err |= gw_buf_putc(w->out, '\f');
	w->err |= gw_buf_put(w->out, w->carry[c].text.data,
			     w->carry[c].text.len);
	w->carry[c].rows--;
	w->col = c + 1;
}

/* Write the cells carried down from rows above: those at the current
 * column and right after it (before a cell of this row), or all that are
 * left (at the row's end). */
static void put_carried(walker *w, int all)
{
	for (int c = w->col; c < ROW_COLUMNS; c++) {
		if (w->carry[c].rows > 0)
			put_carried_cell(w, c);
		else if (!all)
			return;
	}
}

static void forget_carried(walker *w)
{
	for (int c = 0; c < ROW_COLUMNS; c++)
		w->carry[c].rows = 0;
}

static void enter_table(walker *w, xmlNodePtr table)
{
	if (w->tables < TABLE_DEPTH) {
		w->layout[w->tables] = (unsigned char)layout_table(table);
		w->two_columns[w->tables] =
			(unsigned char)two_column_task_table(table);
	}
	w->tables++;
	w->value_cell = w->value_sep = 0; /* a table in a cell holds no value */
	forget_carried(w);
}

static void enter_row_cell(walker *w, xmlNodePtr n)
{
	put_carried(w, 0);
	if (w->col > 0)
		put_tab(w);
	w->space = 0;
	w->cell = 1;
	w->cell_start = w->out->len;
	w->rowspan = span_of(n, "rowspan");
	w->colspan = span_of(n, "colspan");
}

static void leave_row_cell(walker *w)
{
	if (w->rowspan > 1 && w->col < ROW_COLUMNS) {
		carried *k = &w->carry[w->col];
		k->text.len = 0;
		w->err |= gw_buf_put(&k->text, w->out->data + w->cell_start,
				     w->out->len - w->cell_start);
		k->rows = w->rowspan - 1;
	}
	w->col++;
	for (int i = 1; i < w->colspan; i++, w->col++)
		put_tab(w);
	w->cell = 0;
	w->space = 0;
}

static int script_link(const char *href)
{
	while (*href == ' ')
		href++;
	return !strncasecmp(href, "javascript:", 11);
}

static int skipped(walker *w, xmlNodePtr n)
{
	const char *tag = (const char *)n->name;
	if (in_list(tag, skipped_tags))
		return 1;
	if (!strcmp(tag, "a") && attr_has(n, "href", script_link))
		return 1;
	if ((!strcmp(tag, "header") || !strcmp(tag, "footer")) && !w->article)
		return 1;
	return attr_has(n, "hidden", yes) || attr_has(n, "style", hides) ||
	       attr_has(n, "role", nav_role) ||
	       attr_has(n, "class", marks_navigation) ||
	       attr_has(n, "id", marks_navigation);
}

/* Labels whose value is a list of names, one a line in its cell
 * (发文机关：| 青山县发展和改革局<br>青山县财政局). */
static const char *const list_labels[] = {"发文机关", "发布机构", "发文单位",
					  "联合发文单位", "发布单位", NULL};

/* Does the current line (a label cell's text) end with one of them? */
static int ends_list_label(const walker *w)
{
	size_t n = w->out->len - w->line_start;
	if (!n)
		return 0;
	const char *p = w->out->data + w->line_start;
	if (p[n - 1] == ':')
		n--;
	else if (ends_with_colon(p, n))
		n -= 3;
	while (n && p[n - 1] == ' ')
		n--;
	for (const char *const *l = list_labels; *l; l++) {
		size_t k = strlen(*l);
		if (n >= k && !memcmp(p + n - k, *l, k))
			return 1;
	}
	return 0;
}

static void enter_value_cell(walker *w)
{
	w->value_cell = 1;
	w->value_list = ends_list_label(w);
	w->value_sep = 0;
	w->value_start = w->out->len;
}

/* A <br> or a block inside a label's value cell: the value is one line
 * still; names of a list are set apart by 、, other lines joined. */
static int breaks_value(const char *tag)
{
	return !strcmp(tag, "br") ||
	       (in_list(tag, block_tags) && strcmp(tag, "table"));
}

static void value_break(walker *w)
{
	if (w->value_list)
		w->value_sep = 1;
	else
		w->space = 1;
}

static void enter(walker *w, xmlNodePtr n)
{
	const char *tag = (const char *)n->name;
	if (w->cell) { /* inside a cell of a row line: no line breaks */
		if (!strcmp(tag, "br") || in_list(tag, block_tags))
			w->space = 1;
	} else if (w->row && is_cell(tag)) {
		enter_row_cell(w, n);
	} else if (!strcmp(tag, "tr") && row_line(w, n)) {
		newline(w);
		w->row = 1;
		w->col = 0;
		w->join_cell = 0;
	} else if (w->value_cell && breaks_value(tag)) {
		value_break(w);
	} else if (!strcmp(tag, "br")) {
		hard_newline(w);
	} else if (is_cell(tag)) {
		if (!w->join_cell)
			newline(w);
		else if (!line_empty(w))
			w->space = 0;
		if (w->join_cell && w->after_th && !strcmp(tag, "td") &&
		    !line_empty(w))
			w->err |= gw_buf_puts(w->out, "："); /* 索引号：… */
		if (w->join_cell)
			enter_value_cell(w);
		w->join_cell = 0;
	} else if (in_list(tag, block_tags)) {
		newline(w);
		w->join_cell = 0;
	}
	if (is_link(n))
		w->link++;
	if (!strcmp(tag, "table"))
		enter_table(w, n);
	if (!strcmp(tag, "pre"))
		w->pre++;
	if (!strcmp(tag, "article") || !strcmp(tag, "main"))
		w->article++;
}

static void leave(walker *w, xmlNodePtr n)
{
	const char *tag = (const char *)n->name;
	if (w->link > 0 && is_link(n))
		w->link--;
	if (w->cell && is_cell(tag)) {
		leave_row_cell(w);
		return;
	}
	if (w->cell) {
		if (in_list(tag, block_tags))
			w->space = 1;
		return;
	}
	if (w->row && !strcmp(tag, "tr")) {
		put_carried(w, 1);
		w->row = 0;
		newline(w);
		return;
	}
	if (is_cell(tag)) {
		/* a label's value cell, even an empty one, ends the pair:
		 * <td>发文字号：</td><td></td><td>成文日期：</td> is two lines */
		w->after_th = !w->value_cell && !strcmp(tag, "th") &&
			      !ends_label(w);
		w->join_cell = !w->value_cell &&
			       (!strcmp(tag, "th") || ends_label(w));
		w->value_cell = w->value_sep = 0;
		return;
	}
	if (!strcmp(tag, "table") && w->tables > 0)
		w->tables--;
	if (!strcmp(tag, "pre"))
		w->pre--;
	if (!strcmp(tag, "article") || !strcmp(tag, "main"))
		w->article--;
	if (w->value_cell && breaks_value(tag))
		value_break(w);
	else if (in_list(tag, block_tags))
		newline(w);
}

/* Handle one node; 1 when its children are to be walked next. */
static int visit(walker *w, xmlNodePtr n)
{
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content) {
			put_text(w, (const char *)n->content);
			note_text(w, (const char *)n->content);
		}
		return 0;
	case XML_ELEMENT_NODE:
		if (skipped(w, n))
			return 0;
		enter(w, n);
		if (n->children)
			return 1;
		leave(w, n);
		return 0;
	default:
		return 0;
	}
}

/* Document order without recursion: a page may nest without limit. */
static void walk(walker *w, htmlDocPtr doc)
{
	xmlNodePtr cur = doc->children;
	while (cur && !w->err) {
		if (visit(w, cur)) {
			cur = cur->children;
			continue;
		}
		while (cur && !cur->next) {
			cur = cur->parent;
			if (!cur || cur == (xmlNodePtr)doc)
				return;
			leave(w, cur);
		}
		if (cur)
			cur = cur->next;
	}
}

/* ---- Word's downlevel-revealed conditionals ----------------------------- */

enum { COND_MAX = 64 }; /* bytes of an <![if …]> marker, at most */

/* Length of a marker of a downlevel-revealed conditional at p[0..n)
 * (<![if !supportLists]>, <![endif]>), 0 when there is none.  The
 * comment form <!--[if …]>…<![endif]--> ends in ]-->, not ]>. */
static size_t cond_marker(const char *p, size_t n)
{
	if (n >= 10 && !strncasecmp(p, "<![endif]>", 10))
		return 10;
	if (n < 6 || strncasecmp(p, "<![if", 5) ||
	    (p[5] != ' ' && p[5] != '\t'))
		return 0;
	for (size_t i = 6; i + 1 < n && i < COND_MAX; i++) {
		if (p[i] == '<' || p[i] == '>')
			return 0;
		if (p[i] == ']' && p[i + 1] == '>')
			return i + 2;
	}
	return 0;
}

/* The page without those markers: browsers other than IE and Word show
 * what they enclose (the list number Word writes out, 一、) and not the
 * markers, which libxml2 reads as text. */
static int drop_cond_markers(const char *html, size_t len, gw_buffer *out)
{
	int err = gw_buf_reserve(out, len + 1);
	size_t from = 0;
	for (size_t i = 0; i < len && !err; i++) {
		size_t k = html[i] == '<' ? cond_marker(html + i, len - i) : 0;
		if (!k)
			continue;
		err |= gw_buf_put(out, html + from, i - from);
		i += k - 1;
		from = i + 1;
	}
	return err | gw_buf_put(out, html + from, len - from);
}

static gw_status no_memory(gw_diag *diag)
{
	diag->status = GW_ERR_NOMEM;
	diag->offset = GW_NO_OFFSET;
	snprintf(diag->message, sizeof diag->message, "out of memory");
	return GW_ERR_NOMEM;
}

static gw_status html_text(const char *html, size_t len, gw_buffer *out,
			   gw_diag *diag)
{
	if (len > INT_MAX) {
		diag->status = GW_ERR_TOO_LARGE;
		diag->offset = GW_NO_OFFSET;
		snprintf(diag->message, sizeof diag->message,
			 "HTML page too large");
		return GW_ERR_TOO_LARGE;
	}
	xmlInitParser();
	int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR |
		   HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
		   HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
	htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, "UTF-8", opts);
	if (!doc) {
		diag->status = GW_ERR_HTML;
		diag->offset = GW_NO_OFFSET;
		snprintf(diag->message, sizeof diag->message,
			 "HTML page that libxml2 could not parse");
		return GW_ERR_HTML;
	}
	walker w = {0};
	w.out = out;
	start_line(&w);
	walk(&w, doc);
	newline(&w);
	xmlFreeDoc(doc);
	for (int c = 0; c < ROW_COLUMNS; c++)
		gw_buffer_free(&w.carry[c].text);
	if (w.err || gw_buf_terminate(out))
		return no_memory(diag);
	return GW_OK;
}

gw_status gw_html_to_text(const char *page, size_t page_len, gw_buffer *out,
			  gw_diag *diag)
{
	gw_buffer clean = {0};
	if (drop_cond_markers(page, page_len, &clean)) {
		gw_buffer_free(&clean);
		return no_memory(diag);
	}
	gw_status st = html_text(clean.data ? clean.data : "", clean.len, out,
				 diag);
	gw_buffer_free(&clean);
	return st;
}

/* ---- declared charset --------------------------------------------------- */

/* The value after "charset" in s[0..n), e.g. `charset="gb2312"`. */
static size_t charset_value(const char *s, size_t n, const char **v)
{
	size_t i = 0;
	for (; i + 7 <= n; i++)
		if (!strncasecmp(s + i, "charset", 7))
			break;
	if (i + 7 > n)
		return 0;
	i += 7;
	while (i < n && (s[i] == ' ' || s[i] == '=' || s[i] == '"' ||
			 s[i] == '\''))
		i++;
	size_t b = i;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') ||
			 (s[i] >= 'a' && s[i] <= 'z') ||
			 (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-' ||
			 s[i] == '_' || s[i] == '.' || s[i] == ':'))
		i++;
	*v = s + b;
	return i - b;
}

int gw_html_declared_charset(const char *bytes, size_t len, char *name,
			     size_t size)
{
	size_t n = len < 4096 ? len : 4096;
	if (!gw_looks_like_html(bytes, n))
		return 0;
	for (size_t i = 0; i + 5 <= n; i++) {
		if (strncasecmp(bytes + i, "<meta", 5))
			continue;
		const char *end = memchr(bytes + i, '>', n - i);
		size_t tag = end ? (size_t)(end - (bytes + i)) : n - i;
		const char *v;
		size_t k = charset_value(bytes + i, tag, &v);
		if (!k || k >= size)
			continue;
		memcpy(name, v, k);
		name[k] = '\0';
		if (!strcasecmp(name, "utf-8") || !strcasecmp(name, "utf8"))
			return 0;
		return gw_charset_known(name);
	}
	return 0;
}
