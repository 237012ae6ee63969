/* document.c — the pipeline: one document from bytes to a parse tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "dates.h"
#include "context.h"
#include "document.h"
#include "heading.h"
#include "html.h"
#include "meta.h"
#include "outline.h"
#include "reader.h"
#include "refs.h"
#include "targets.h"
#include "units.h"
#include "utf8.h"

const char *gw_status_name(gw_status status)
{
	switch (status) {
	case GW_OK: return "success";
	case GW_ERR_NOMEM: return "out of memory";
	case GW_ERR_ENCODING: return "invalid encoding";
	case GW_ERR_BINARY: return "not a text file";
	case GW_ERR_TOO_LARGE: return "input too large";
	case GW_ERR_HTML: return "unreadable HTML";
	case GW_ERR_INTERNAL: return "internal error";
	case GW_ERR_EMPTY: return "no text";
	}
	return "unknown error";
}

gw_context *gw_context_new(gw_diag *diag)
{
	gw_context *ctx = calloc(1, sizeof *ctx);
	if (!ctx) {
		diag->status = GW_ERR_NOMEM;
		diag->offset = GW_NO_OFFSET;
		snprintf(diag->message, sizeof diag->message, "out of memory");
		return NULL;
	}
	if (gw_clean_patterns_init(&ctx->clean, diag) ||
	    gw_outline_patterns_init(&ctx->outline, diag) ||
	    gw_meta_patterns_init(&ctx->meta, diag) ||
	    gw_units_patterns_init(&ctx->units, diag) ||
	    gw_dates_patterns_init(&ctx->dates, diag) ||
	    gw_targets_patterns_init(&ctx->targets, diag) ||
	    gw_refs_patterns_init(&ctx->refs, diag)) {
		gw_context_free(ctx);
		return NULL;
	}
	return ctx;
}

void gw_context_free(gw_context *ctx)
{
	if (!ctx)
		return;
	gw_clean_patterns_free(&ctx->clean);
	gw_outline_patterns_free(&ctx->outline);
	gw_meta_patterns_free(&ctx->meta);
	gw_units_patterns_free(&ctx->units);
	gw_dates_patterns_free(&ctx->dates);
	gw_targets_patterns_free(&ctx->targets);
	gw_refs_patterns_free(&ctx->refs);
	free(ctx);
}

static gw_status nomem(gw_diag *diag)
{
	diag->status = GW_ERR_NOMEM;
	diag->offset = GW_NO_OFFSET;
	snprintf(diag->message, sizeof diag->message, "out of memory");
	return GW_ERR_NOMEM;
}

/* The stages after reading, in order; each fills its part of doc. */
static gw_status analyse(gw_context *ctx, gw_document *doc)
{
	gw_status st;
	if ((st = gw_clean(doc, &ctx->clean)) != GW_OK ||
	    (st = gw_outline(doc, &ctx->outline)) != GW_OK ||
	    (st = gw_read_meta(doc, &ctx->meta)) != GW_OK ||
	    (st = gw_units(doc, &ctx->units)) != GW_OK ||
	    (st = gw_headings(doc)) != GW_OK ||
	    (st = gw_deadlines(doc, &ctx->dates)) != GW_OK ||
	    (st = gw_targets(doc, &ctx->targets)) != GW_OK ||
	    (st = gw_refs(doc, &ctx->refs)) != GW_OK)
		return st;
	return GW_OK;
}

/* doc->source from the input: decoded to UTF-8 (an HTML page that is not
 * UTF-8 in the charset it declares), and an HTML page replaced by its
 * text. */
static gw_status read_source(const char *bytes, size_t len, gw_document *doc,
			     gw_diag *diag)
{
	char cs[40];
	gw_status st;
	/* The declared charset is looked for first (only HTML has one, in
	 * its first 4 KB), so plain text is validated once, by the reader. */
	if (gw_html_declared_charset(bytes, len, cs, sizeof cs) &&
	    gw_utf8_validate(bytes, len) != len)
		st = gw_read_text_as(cs, bytes, len, &doc->source, diag);
	else
		st = gw_read_text(bytes, len, &doc->source, diag);
	if (st != GW_OK || !gw_looks_like_html(doc->source.data, doc->source.len))
		return st;
	gw_buffer text = {0};
	st = gw_html_to_text(doc->source.data, doc->source.len, &text, diag);
	gw_buffer_free(&doc->source);
	doc->source = text;
	return st;
}

gw_status gw_document_parse(gw_context *ctx, const char *bytes, size_t len,
			    const char *doc_id, gw_document **out,
			    gw_diag *diag)
{
	*out = NULL;
	diag->status = GW_OK;
	diag->offset = GW_NO_OFFSET;
	diag->message[0] = '\0';
	gw_document *doc = calloc(1, sizeof *doc);
	if (!doc)
		return nomem(diag);
	doc->lead_rule_from = SIZE_MAX;
	/* Record arrays always have storage, so that a node's range can be
	 * taken (array + first) even when the array is empty. */
	if (gw_buf_reserve(&doc->units_buf, 8 * sizeof(gw_unit)) ||
	    gw_buf_reserve(&doc->deadlines_buf, 8 * sizeof(gw_deadline)) ||
	    gw_buf_reserve(&doc->targets_buf, 8 * sizeof(gw_target)) ||
	    gw_buf_reserve(&doc->refs_buf, 8 * sizeof(gw_ref)) ||
	    gw_buf_reserve(&doc->clauses_buf, 8 * sizeof(gw_span))) {
		gw_document_free(doc);
		return nomem(diag);
	}
	doc->id = gw_arena_strndup(&doc->arena, doc_id, strlen(doc_id));
	if (!doc->id) {
		gw_document_free(doc);
		return nomem(diag);
	}
	gw_status st = read_source(bytes, len, doc, diag);
	if (st == GW_OK) {
		st = analyse(ctx, doc);
		if (st == GW_OK && gw_doc_nlines(doc) == 0) {
			st = diag->status = GW_ERR_EMPTY;
			snprintf(diag->message, sizeof diag->message,
				 "no text (empty, or only blank lines)");
		}
		if (st == GW_ERR_NOMEM)
			nomem(diag);
		else if (st != GW_OK && !diag->message[0]) {
			diag->status = st;
			snprintf(diag->message, sizeof diag->message, "%s",
				 gw_status_name(st));
		}
	}
	if (st != GW_OK) {
		gw_document_free(doc);
		return st;
	}
	*out = doc;
	return GW_OK;
}

void gw_document_free(gw_document *doc)
{
	if (!doc)
		return;
	gw_buffer_free(&doc->source);
	gw_buffer_free(&doc->clean);
	gw_buffer_free(&doc->struck);
	gw_buffer_free(&doc->lines_buf);
	gw_buffer_free(&doc->dels_buf);
	gw_buffer_free(&doc->units_buf);
	gw_buffer_free(&doc->deadlines_buf);
	gw_buffer_free(&doc->targets_buf);
	gw_buffer_free(&doc->refs_buf);
	gw_buffer_free(&doc->clauses_buf);
	gw_arena_free(&doc->arena);
	free(doc);
}

/* ---- reading the tree ---------------------------------------------------- */

const char *gw_document_id(const gw_document *doc) { return doc->id; }

size_t gw_document_node_count(const gw_document *doc)
{
	return doc->nnodes;
}
const char *gw_node_path(const gw_node *n) { return n->path; }
const char *gw_node_marker(const gw_node *n) { return n->marker; }
int gw_node_level(const gw_node *n) { return n->level; }
int gw_node_is_deleted(const gw_node *n) { return n->deleted; }

const char *gw_node_kind(const gw_node *n)
{
	return gw_node_has_visible_child(n) ? "section" : "item";
}

void gw_iter_init(gw_iter *it, const gw_document *doc)
{
	it->root = &doc->root;
	it->next = doc->root.first_child;
	it->next_event = it->next ? GW_EVENT_ENTER : GW_EVENT_NONE;
}

gw_event gw_iter_next(gw_iter *it, const gw_node **node)
{
	gw_event ev = it->next_event;
	const gw_node *n = it->next;
	*node = n;
	if (ev == GW_EVENT_NONE)
		return ev;
	if (ev == GW_EVENT_ENTER) {
		it->next = n->first_child ? n->first_child : n;
		it->next_event = n->first_child ? GW_EVENT_ENTER : GW_EVENT_EXIT;
	} else if (n->next) {
		it->next = n->next;
		it->next_event = GW_EVENT_ENTER;
	} else if (n->parent && n->parent != it->root) {
		it->next = n->parent;
		it->next_event = GW_EVENT_EXIT;
	} else {
		it->next = NULL;
		it->next_event = GW_EVENT_NONE;
	}
	return ev;
}
