/*
 * xml.c — the XML writer (records.md §5, schema/gongwen.rng).
 *
 * Owns: the XML vocabulary.  Markup is written by libxml2's xmlTextWriter
 * into an xmlBuffer that is moved to the caller's gw_buffer after every
 * document, so memory stays bounded by one document.  Every string passes
 * through xml_chars() first: characters XML 1.0 does not allow (C0
 * controls other than tab/LF/CR, U+FFFE, U+FFFF) and bytes that are not
 * UTF-8 become U+FFFD, so the output is well-formed for any input.
 *
 * Shape (values normalised in attributes, text as written as content, as
 * in Akoma Ntoso and USLM):
 *
 *   <gongwen version="1">
 *     <document id="…">
 *       <meta> title issuer* number date recipients subject* status
 *              plan_year standing* nodes items </meta>
 *       <ref number="…">title</ref>*        cited in preamble/closing
 *       <preamble><p>…</p>…</preamble>      text before the outline
 *       <node path= level= marker= kind= [deleted="true"]>
 *         <num>as written</num> <heading/> <text>…<del>…</del>…</text>
 *         <unit role=/>* <deadline iso=/>* <target cmp= value= unit=/>*
 *         <ref number=/>* <node>…</node>*
 *       </node>*
 *       <closing><p>…</p>…</closing>        exhortation, signature, date
 *     </document>*
 *   </gongwen>
 *
 * Deleted text: with GW_XML_KEEP_DELETED, struck text stands as <del> at
 * its place in <text> or <p>, struck nodes as <node deleted="true">, and a
 * struck paragraph outside the outline as <p><del>…</del></p>; without
 * it, none of them is written.  The tree is walked with gw_iter.
 */
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "outline.h"
#include "utf8.h"

struct gw_xml_writer {
	gw_buffer *out;
	unsigned flags;
	xmlBufferPtr xbuf;
	xmlTextWriterPtr w;
	gw_buffer chars; /* xml_chars() scratch */
	int depth;	 /* element nesting, for indentation */
	int err;
};

/* A struck-out run of text that stood at clean offset `at`. */
typedef struct xdel {
	size_t at, order; /* order: its offset in doc->struck */
	const char *ptr;
	size_t len;
} xdel;

/* Per-document state of one write. */
typedef struct xdoc {
	gw_xml_writer *x;
	const gw_document *doc;
	int keep;
	xdel *dels;
	size_t ndel, di;	  /* dels in clean order; next not written */
	unsigned char *para; /* per line: struck paragraph of its own */
	size_t li;		  /* next line not yet considered */
	size_t ri;		  /* next ref not yet written */
	int group;		  /* open <preamble>/<closing>: region + 1 */
} xdoc;

/* ---- characters ------------------------------------------------------- */

static int xml_allowed(int32_t cp)
{
	if (cp < 0x20)
		return cp == 0x9 || cp == 0xA || cp == 0xD;
	return cp != 0xFFFE && cp != 0xFFFF && (cp < 0xD800 || cp > 0xDFFF);
}

/* s[0..n) as a NUL-terminated string of XML 1.0 characters, in x->chars
 * (valid until the next call).  NULL when out of memory. */
static const xmlChar *xml_chars(gw_xml_writer *x, const char *s, size_t n)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	gw_buffer *b = &x->chars;
	b->len = 0;
	if (gw_buf_reserve(b, n + 1))
		return NULL;
	size_t i = 0;
	while (i < n) {
		size_t ok = i + gw_utf8_validate(s + i, n - i);
		while (i < ok) {
			size_t at = i;
			int32_t cp = gw_utf8_next(s, ok, &i);
			if (xml_allowed(cp))
				x->err |= gw_buf_put(b, s + at, i - at);
			else
				x->err |= gw_buf_put(b, fffd, 3);
		}
		if (i < n) { /* a byte that is not UTF-8 */
			x->err |= gw_buf_put(b, fffd, 3);
			i++;
		}
	}
	x->err |= gw_buf_terminate(b);
	return x->err ? NULL : (const xmlChar *)b->data;
}

/* ---- writing ---------------------------------------------------------- */

static void check(gw_xml_writer *x, int rc)
{
	if (rc < 0)
		x->err = 1;
}

/* Whitespace between elements (never inside text content). */
static void indent(gw_xml_writer *x)
{
	static const char spaces[] = "\n                                ";
	int n = 2 * x->depth;
	if (n > (int)sizeof spaces - 2)
		n = (int)sizeof spaces - 2;
	char buf[sizeof spaces];
	memcpy(buf, spaces, (size_t)n + 1);
	buf[n + 1] = '\0';
	check(x, xmlTextWriterWriteString(x->w, (const xmlChar *)buf));
}

static void start(gw_xml_writer *x, const char *name)
{
	if (x->err)
		return;
	indent(x);
	check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)name));
	x->depth++;
}

/* End an element whose children are elements. */
static void end_block(gw_xml_writer *x)
{
	x->depth--;
	if (x->err)
		return;
	indent(x);
	check(x, xmlTextWriterEndElement(x->w));
}

/* End an element with text content (no whitespace added). */
static void end_inline(gw_xml_writer *x)
{
	x->depth--;
	if (!x->err)
		check(x, xmlTextWriterEndElement(x->w));
}

static void attr(gw_xml_writer *x, const char *name, gw_str v)
{
	const xmlChar *s = xml_chars(x, v.ptr ? v.ptr : "", v.len);
	if (s)
		check(x, xmlTextWriterWriteAttribute(
				 x->w, (const xmlChar *)name, s));
}

static void cattr(gw_xml_writer *x, const char *name, const char *v)
{
	attr(x, name, gw_str_cstr(v));
}

static void text(gw_xml_writer *x, const char *p, size_t n)
{
	if (x->err || !n)
		return;
	const xmlChar *s = xml_chars(x, p, n);
	if (s)
		check(x, xmlTextWriterWriteString(x->w, s));
}

/* <name>v</name> on a line of its own. */
static void leaf(gw_xml_writer *x, const char *name, gw_str v)
{
	start(x, name);
	text(x, v.ptr, v.len);
	end_inline(x);
}

/* One <name> per '|'-separated value; nothing for an empty string. */
static void leaves(gw_xml_writer *x, const char *name, gw_str v)
{
	size_t i = 0;
	while (i < v.len) {
		const char *bar = memchr(v.ptr + i, '|', v.len - i);
		size_t end = bar ? (size_t)(bar - v.ptr) : v.len;
		if (end > i)
			leaf(x, name, gw_str_make(v.ptr + i, end - i));
		i = end + 1;
	}
}

static void opt_leaf(gw_xml_writer *x, const char *name, gw_str v)
{
	if (v.len)
		leaf(x, name, v);
}

/* Move what the writer produced so far to the caller's buffer. */
static void drain(gw_xml_writer *x)
{
	check(x, xmlTextWriterFlush(x->w));
	if (x->err)
		return;
	x->err |= gw_buf_put(x->out, (const char *)xmlBufferContent(x->xbuf),
			     (size_t)xmlBufferLength(x->xbuf));
	xmlBufferEmpty(x->xbuf);
}

/* ---- the writer ------------------------------------------------------- */

gw_xml_writer *gw_xml_writer_new(gw_buffer *out, unsigned flags)
{
	xmlInitParser();
	gw_xml_writer *x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->out = out;
	x->flags = flags;
	x->xbuf = xmlBufferCreate();
	if (x->xbuf) {
		/* Grow by doubling: the default exact-size scheme reallocates
		 * the whole document's XML at every flush (quadratic wherever
		 * realloc copies: ASan, valgrind, other libcs). */
		xmlBufferSetAllocationScheme(x->xbuf, XML_BUFFER_ALLOC_DOUBLEIT);
		x->w = xmlNewTextWriterMemory(x->xbuf, 0);
	}
	if (!x->w) {
		if (x->xbuf)
			xmlBufferFree(x->xbuf);
		free(x);
		return NULL;
	}
	check(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL));
	check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)"gongwen"));
	check(x, xmlTextWriterWriteFormatAttribute(
			 x->w, (const xmlChar *)"version", "%d",
			 GW_FORMAT_VERSION));
	x->depth = 1;
	return x;
}

gw_status gw_xml_writer_finish(gw_xml_writer *x)
{
	if (!x)
		return GW_ERR_NOMEM;
	end_block(x);
	if (!x->err)
		check(x, xmlTextWriterEndDocument(x->w));
	drain(x);
	gw_status st = x->err ? GW_ERR_NOMEM : GW_OK;
	xmlFreeTextWriter(x->w);
	xmlBufferFree(x->xbuf);
	gw_buffer_free(&x->chars);
	free(x);
	return st;
}

/* ---- metadata --------------------------------------------------------- */

static void write_meta(gw_xml_writer *x, const gw_document *doc)
{
	const gw_meta *m = &doc->meta;
	char num[24];
	start(x, "meta");
	opt_leaf(x, "title", m->title);
	leaves(x, "issuer", m->issuer);
	opt_leaf(x, "number", m->number);
	opt_leaf(x, "date", m->date);
	opt_leaf(x, "recipients", m->recipients);
	leaves(x, "subject", m->subject);
	leaf(x, "status", gw_str_cstr(m->draft ? "draft" : "final"));
	if (m->plan_year) {
		snprintf(num, sizeof num, "%d", m->plan_year);
		leaf(x, "plan_year", gw_str_cstr(num));
	}
	leaves(x, "standing", m->standing);
	snprintf(num, sizeof num, "%zu", doc->nnodes);
	leaf(x, "nodes", gw_str_cstr(num));
	snprintf(num, sizeof num, "%zu", doc->nitems);
	leaf(x, "items", gw_str_cstr(num));
	end_block(x);
}

static void write_ref(gw_xml_writer *x, const gw_ref *r)
{
	start(x, "ref");
	if (r->number.len)
		attr(x, "number", r->number);
	text(x, r->title.ptr, r->title.len);
	end_inline(x);
}

static void write_document_refs(gw_xml_writer *x, const gw_document *doc)
{
	const gw_ref *r = GW_ARRAY(doc, refs, gw_ref);
	size_t n = GW_COUNT(doc, refs, gw_ref);
	for (size_t i = 0; i < n; i++)
		if (!r[i].node)
			write_ref(x, &r[i]);
}

/* ---- deletions -------------------------------------------------------- */

static int xdel_before(const xdel *a, const xdel *b)
{
	return a->at < b->at || (a->at == b->at && a->order < b->order);
}

/* A struck line that is no node: a paragraph of its own when no outline
 * text precedes it, else a deletion at the end of that text. */
static int collect_lines(xdoc *d, gw_buffer *tmp)
{
	const gw_document *doc = d->doc;
	const gw_line *L = gw_doc_lines(doc);
	size_t n = gw_doc_nlines(doc);
	const gw_line *prev = NULL; /* last line of doc->clean */
	for (size_t i = 0; i < n; i++) {
		if (!L[i].deleted) {
			prev = &L[i];
			continue;
		}
		if (L[i].node)
			continue;
		if (!prev || !prev->node) {
			d->para[i] = 1;
			continue;
		}
		xdel e = {prev->start + prev->len, L[i].start,
			  doc->struck.data + L[i].start, L[i].len};
		if (gw_push(tmp, &e, sizeof e))
			return -1;
	}
	return 0;
}

/* doc->dels and struck lines inside the outline, merged in clean order. */
static int collect_dels(xdoc *d)
{
	const gw_document *doc = d->doc;
	size_t nl = gw_doc_nlines(doc);
	d->para = calloc(nl ? nl : 1, 1);
	if (!d->para)
		return -1;
	if (!d->keep)
		return 0;
	gw_buffer lines = {0};
	if (collect_lines(d, &lines)) {
		gw_buffer_free(&lines);
		return -1;
	}
	const gw_del *a = GW_ARRAY(doc, dels, gw_del);
	size_t na = GW_COUNT(doc, dels, gw_del);
	const xdel *b = (const xdel *)lines.data;
	size_t nb = lines.len / sizeof *b;
	d->dels = malloc((na + nb ? na + nb : 1) * sizeof *d->dels);
	if (!d->dels) {
		gw_buffer_free(&lines);
		return -1;
	}
	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		xdel e = {0, 0, NULL, 0};
		if (i < na)
			e = (xdel){a[i].at, a[i].start,
				   doc->struck.data + a[i].start, a[i].len};
		if (j < nb && (i == na || xdel_before(&b[j], &e)))
			e = b[j++];
		else
			i++;
		d->dels[d->ndel++] = e;
	}
	gw_buffer_free(&lines);
	return 0;
}

static void write_del(gw_xml_writer *x, const xdel *e)
{
	check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)"del"));
	text(x, e->ptr, e->len);
	if (!x->err)
		check(x, xmlTextWriterEndElement(x->w));
}

/* Text content of doc->clean[s, e), with the deletions that stood in it
 * (and any not yet written before it) in place. */
static void clean_text(xdoc *d, size_t s, size_t e)
{
	gw_xml_writer *x = d->x;
	const char *base = d->doc->clean.data;
	size_t pos = s;
	while (d->di < d->ndel && d->dels[d->di].at <= e) {
		size_t at = d->dels[d->di].at;
		if (at > pos) {
			text(x, base + pos, at - pos);
			pos = at;
		}
		write_del(x, &d->dels[d->di++]);
	}
	text(x, base + pos, e - pos);
}

/* The <text> of a node or a <p>: s is a view of doc->clean or struck. */
static void text_content(xdoc *d, gw_str s)
{
	const gw_buffer *c = &d->doc->clean;
	if (s.ptr && s.ptr >= c->data && s.ptr + s.len <= c->data + c->len) {
		size_t at = (size_t)(s.ptr - c->data);
		clean_text(d, at, at + s.len);
	} else {
		text(d->x, s.ptr, s.len);
	}
}

/* One part of a node's <text> (gw_node_text_parts). */
static int text_part(void *user, gw_str part, int space)
{
	xdoc *d = user;
	if (space)
		text(d->x, " ", 1);
	text_content(d, part);
	return d->x->err;
}

/* ---- preamble and closing --------------------------------------------- */

static void close_group(xdoc *d)
{
	if (d->group)
		end_block(d->x);
	d->group = 0;
}

static void open_group(xdoc *d, gw_region region)
{
	int g = (int)region + 1;
	if (d->group == g)
		return;
	close_group(d);
	start(d->x, region == GW_REGION_CLOSING ? "closing" : "preamble");
	d->group = g;
}

/* Lines [d->li, to) that belong to no node, as <p>. */
static void flush_lines(xdoc *d, size_t to)
{
	const gw_line *L = gw_doc_lines(d->doc);
	for (; d->li < to; d->li++) {
		const gw_line *l = &L[d->li];
		if (l->node || (l->deleted && !d->para[d->li]))
			continue;
		if (l->deleted && !d->keep)
			continue;
		if (!l->deleted || !d->group)
			open_group(d, l->deleted ? GW_REGION_PREAMBLE
						  : l->region);
		start(d->x, "p");
		if (l->deleted) {
			xdel e = {0, 0, d->doc->struck.data + l->start, l->len};
			write_del(d->x, &e);
		} else {
			text_content(d, gw_line_text(d->doc, l));
		}
		end_inline(d->x);
	}
}

/* ---- nodes ------------------------------------------------------------ */

/* A node's refs: its range when the extractor set one, else the run of
 * doc->refs (in document order, so in preorder of their nodes) at the
 * cursor that names it. */
static void write_node_refs(xdoc *d, const gw_node *n)
{
	const gw_ref *r = GW_ARRAY(d->doc, refs, gw_ref);
	size_t count = GW_COUNT(d->doc, refs, gw_ref);
	if (n->refs.count) {
		for (size_t i = 0; i < n->refs.count; i++)
			write_ref(d->x, &r[n->refs.first + i]);
		return;
	}
	while (d->ri < count && (!r[d->ri].node || r[d->ri].node == n)) {
		if (r[d->ri].node)
			write_ref(d->x, &r[d->ri]);
		d->ri++;
	}
}

static void write_records(gw_xml_writer *x, const gw_document *doc,
			  const gw_node *n)
{
	const gw_unit *u = GW_ARRAY(doc, units, gw_unit) + n->units.first;
	for (size_t i = 0; i < n->units.count; i++) {
		start(x, "unit");
		cattr(x, "role", gw_role_name(u[i].role));
		text(x, u[i].name.ptr, u[i].name.len);
		end_inline(x);
	}
	const gw_deadline *dl =
		GW_ARRAY(doc, deadlines, gw_deadline) + n->deadlines.first;
	for (size_t i = 0; i < n->deadlines.count; i++) {
		start(x, "deadline");
		if (dl[i].iso[0])
			cattr(x, "iso", dl[i].iso);
		text(x, dl[i].raw.ptr, dl[i].raw.len);
		end_inline(x);
	}
	const gw_target *t = GW_ARRAY(doc, targets, gw_target) + n->targets.first;
	for (size_t i = 0; i < n->targets.count; i++) {
		start(x, "target");
		cattr(x, "cmp", t[i].cmp);
		attr(x, "value", t[i].value);
		attr(x, "unit", t[i].unit);
		text(x, t[i].context.ptr, t[i].context.len);
		end_inline(x);
	}
}

/* The marker as written: the start of its first line, blanks dropped. */
static gw_str written_marker(const gw_document *doc, const gw_node *n)
{
	const gw_line *l = gw_doc_lines(doc) + n->first_line;
	gw_str t = gw_line_text(doc, l);
	size_t len = l->marker.len < t.len ? l->marker.len : t.len;
	while (len) {
		size_t st;
		int32_t cp = gw_utf8_prev(t.ptr, len, &st);
		if (!gw_is_space(cp) && cp != ' ')
			break;
		len = st;
	}
	return gw_str_make(t.ptr, len);
}

static void enter_node(xdoc *d, const gw_node *n)
{
	gw_xml_writer *x = d->x;
	char level[12];
	snprintf(level, sizeof level, "%d", n->level);
	start(x, "node");
	cattr(x, "path", n->path);
	cattr(x, "level", level);
	cattr(x, "marker", n->marker);
	cattr(x, "kind", gw_node_kind(n));
	if (n->deleted)
		cattr(x, "deleted", "true");
	leaf(x, "num", written_marker(d->doc, n));
	leaf(x, "heading", n->heading);
	start(x, "text");
	if (n->deleted)
		text(x, n->text.ptr, n->text.len);
	else
		gw_node_text_parts(d->doc, n, text_part, d);
	end_inline(x);
	if (!n->deleted) {
		write_records(x, d->doc, n);
		write_node_refs(d, n);
	}
}

static void write_outline(xdoc *d)
{
	gw_iter it;
	const gw_node *n;
	gw_event ev;
	int skip = 0; /* depth inside a struck node that is not written */
	gw_iter_init(&it, d->doc);
	while ((ev = gw_iter_next(&it, &n)) != GW_EVENT_NONE && !d->x->err) {
		if (ev == GW_EVENT_ENTER && n->parent == &d->doc->root) {
			flush_lines(d, n->first_line);
			close_group(d);
		}
		if (skip || (n->deleted && !d->keep)) {
			skip += ev == GW_EVENT_ENTER ? 1 : -1;
			continue;
		}
		if (ev == GW_EVENT_ENTER)
			enter_node(d, n);
		else
			end_block(d->x);
	}
}

gw_status gw_xml_write_document(gw_xml_writer *x, const gw_document *doc)
{
	if (!x || x->err)
		return GW_ERR_NOMEM;
	xdoc d = {0};
	d.x = x;
	d.doc = doc;
	d.keep = (x->flags & GW_XML_KEEP_DELETED) != 0;
	if (collect_dels(&d))
		x->err = 1;
	start(x, "document");
	cattr(x, "id", doc->id);
	write_meta(x, doc);
	write_document_refs(x, doc);
	if (!x->err) {
		write_outline(&d);
		flush_lines(&d, gw_doc_nlines(doc));
		close_group(&d);
	}
	end_block(x);
	drain(x);
	free(d.dels);
	free(d.para);
	return x->err ? GW_ERR_NOMEM : GW_OK;
}
