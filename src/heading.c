/* heading.c — see heading.h. */
#include "heading.h"

#include <string.h>

#include "outline.h"
#include "utf8.h"

static int ends_sentence(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' ||
	       cp == '?';
}

/* A half-width '.' ends a Chinese sentence (责任制.各区要…) but not a
 * number (1.5) or a Latin abbreviation. */
static int is_chinese_period(gw_str s, size_t at, int32_t prev)
{
	if (prev < 0 || !gw_is_cjk(prev))
		return 0;
	return at + 1 >= s.len || !(s.ptr[at + 1] >= '0' && s.ptr[at + 1] <= '9');
}

size_t gw_first_sentence_end(gw_str s)
{
	int depth = 0;
	int32_t prev = -1;
	size_t i = 0;
	while (i < s.len) {
		size_t at = i;
		int32_t cp = gw_utf8_next(s.ptr, s.len, &i);
		if (gw_is_open_bracket(cp))
			depth++;
		else if (gw_is_close_bracket(cp) && depth > 0)
			depth--;
		else if (depth == 0 && ends_sentence(cp))
			return cp == 0x3002 ? at : i; /* ！？ stay, 。 goes */
		else if (depth == 0 && cp == '.' && is_chinese_period(s, at, prev))
			return at;
		prev = cp;
	}
	return s.len;
}

/* Where a field of the same line begins: a blank followed by a label of
 * two to six Han characters and a colon (加快项目审批 完成时限：6月底前).
 * The cleaner keeps a blank between CJK characters only there, where a
 * wide blank set the fields of a table row copied onto one line apart.
 * (after a CJK character: 推进DRG 付费改革：… has no field).  Returns
 * s.len when there is none. */
static size_t field_break(gw_str s)
{
	for (size_t i = 0; i < s.len; i++) {
		size_t before;
		if (s.ptr[i] != ' ' || i == 0 ||
		    !gw_is_cjk(gw_utf8_prev(s.ptr, i, &before)))
			continue;
		size_t j = i + 1;
		int han = 0;
		int32_t cp = 0;
		while (j < s.len && han <= 6) {
			cp = gw_utf8_next(s.ptr, s.len, &j);
			if (!gw_is_han(cp))
				break;
			han++;
		}
		if (han >= 2 && han <= 6 && (cp == 0xFF1A || cp == ':'))
			return i;
	}
	return s.len;
}

/* Drop trailing 。；;. and blanks, and the ：: of a heading that
 * introduces the lines under it (一、主要目标：). */
static size_t trim_end(const char *p, size_t n)
{
	while (n) {
		size_t start;
		int32_t cp = gw_utf8_prev(p, n, &start);
		if (cp != 0x3002 && cp != 0xFF1B && cp != ';' && cp != '.' &&
		    cp != 0xFF1A && cp != ':' && !gw_is_space(cp) && cp != ' ')
			break;
		n = start;
	}
	return n;
}

/* The clauses of doc->clean that overlap [start, end), from *k on. */
static gw_str heading_without_clauses(gw_document *doc, size_t start,
				      size_t end, size_t *k)
{
	const gw_span *c = (const gw_span *)doc->clauses_buf.data;
	size_t nc = doc->clauses_buf.len / sizeof *c;
	while (*k < nc && c[*k].end <= start)
		(*k)++;
	const char *base = doc->clean.data;
	if (*k == nc || c[*k].start >= end)
		return gw_str_make(base + start, trim_end(base + start, end - start));
	char *out = gw_arena_alloc(&doc->arena, end - start + 1);
	if (!out)
		return gw_str_make(NULL, 0);
	size_t o = 0, at = start;
	for (size_t j = *k; j < nc && c[j].start < end; j++) {
		if (c[j].start > at) {
			memcpy(out + o, base + at, c[j].start - at);
			o += c[j].start - at;
		}
		if (c[j].end > at)
			at = c[j].end;
	}
	if (at < end) {
		memcpy(out + o, base + at, end - at);
		o += end - at;
	}
	o = trim_end(out, o);
	out[o] = '\0';
	return gw_str_make(out, o);
}

gw_status gw_headings(gw_document *doc)
{
	size_t k = 0;
	for (gw_node *n = doc->root.first_child; n;
	     n = (gw_node *)gw_node_next_preorder(n)) {
		if (n->deleted) {
			n->heading = gw_str_make(n->text.ptr,
						 gw_first_sentence_end(n->text));
			continue;
		}
		/* The heading never runs past the node's first line. */
		const gw_line *first = gw_doc_lines(doc) + n->first_line;
		size_t start = (size_t)(n->text.ptr - doc->clean.data);
		gw_str line = gw_str_make(n->text.ptr,
					  first->start + first->len - start);
		size_t sentence = gw_first_sentence_end(line);
		size_t field = field_break(gw_str_make(line.ptr, sentence));
		size_t end = start + (field < sentence ? field : sentence);
		n->heading = heading_without_clauses(doc, start, end, &k);
		if (!n->heading.ptr)
			return GW_ERR_NOMEM;
	}
	return GW_OK;
}
