/*
 * document.h — the parse tree of one notice, shared by every stage.
 *
 * Owns: struct gw_document and everything in it.  The document owns
 *   - source:  the input decoded to UTF-8 with LF line ends;
 *   - clean:   the visible text of every logical line, back to back, so that
 *              a node's own text is one contiguous slice of it;
 *   - struck:  text struck out with ~~ (kept for XML --keep-deleted);
 *   - lines:   logical lines (paragraphs) after joining wrapped lines;
 *   - nodes:   the numbered outline, linked as a tree under `root`;
 *   - records: units, deadlines, targets and refs, each in one array in
 *              document order, a node holding the range of its own;
 *   - arena:   every other small allocation (paths, derived strings).
 * Stages fill it in order: reader -> clean -> outline -> meta -> units ->
 * heading -> dates -> targets -> refs.  Writers only read it.
 */
#ifndef GW_DOCUMENT_H
#define GW_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "gongwen.h"
#include "numeral.h"

/* Where a logical line belongs. */
typedef enum gw_region {
	GW_REGION_PREAMBLE, /* before the first level-one marker of a part */
	GW_REGION_NODE,	    /* a numbered node's own text */
	GW_REGION_CLOSING   /* exhortation, attachment list, signature, date */
} gw_region;

/* What a line is, for the cleaner's joining rules and for metadata. */
typedef enum gw_line_kind {
	GW_LINE_TEXT,
	GW_LINE_NUMBER,	  /* a 发文字号 on its own: 川办发〔2020〕53号 */
	GW_LINE_DATE,	  /* a 成文日期 on its own: 2020年8月20日 */
	GW_LINE_ATTACHMENT /* 附件 / 附件2： / 附件：《…》 */
} gw_line_kind;

/* A logical line: one paragraph of the notice, wrapped lines joined. */
typedef struct gw_line {
	size_t start, len;   /* text in doc->clean (in doc->struck if deleted) */
	size_t src_offset;   /* byte offset of its first physical line */
	uint32_t lineno;     /* 1-based number of its first physical line */
	gw_line_kind kind;
	gw_marker marker;    /* a marker at its start (level 0: none) */
	unsigned deleted : 1; /* wholly struck out */
	gw_region region;
	int part;	     /* 1-based outline part it belongs to */
	struct gw_node *node; /* owning node when region == GW_REGION_NODE */
} gw_line;

/* Text struck out inside visible text: it stood at clean offset `at`. */
typedef struct gw_del {
	size_t at;
	size_t start, len; /* in doc->struck */
} gw_del;

typedef enum gw_role { GW_ROLE_LEAD, GW_ROLE_RESP, GW_ROLE_COOP } gw_role;

typedef struct gw_unit {
	gw_role role;
	gw_str name;
} gw_unit;

typedef struct gw_deadline {
	char iso[11]; /* YYYY-MM-DD, or "" when no year is known */
	gw_str raw;   /* the phrase as written */
} gw_deadline;

typedef struct gw_target {
	const char *cmp; /* ">=", ">", "<=", "+", "-", "=" */
	gw_str value;	 /* digits as written, normalised to ASCII */
	gw_str unit;	 /* 个, 万元/人, %, ... */
	gw_str context;	 /* the clause it sits in */
} gw_target;

typedef struct gw_ref {
	const struct gw_node *node; /* NULL in preamble and closing */
	gw_str title;		    /* inside 《》 */
	gw_str number;		    /* normalised 发文字号, or empty */
} gw_ref;

/* A span of doc->clean. */
typedef struct gw_span {
	size_t start, end;
} gw_span;

/* A range of records in one of the document's arrays. */
typedef struct gw_range {
	size_t first, count;
} gw_range;

struct gw_node {
	struct gw_node *parent, *first_child, *last_child, *prev, *next;
	int level;  /* 1..4 from the marker's shape; 0 for the root */
	int number; /* as written */
	int part;   /* 1-based */
	unsigned deleted : 1;
	int max_child_number;
	char marker[GW_MARKER_MAX];
	const char *path;
	gw_str heading;
	gw_str text;
	size_t first_line, nlines; /* its own logical lines */
	gw_range units, deadlines, targets, refs;
};
typedef struct gw_node gw_node;

/* Metadata of the notice (the docs table).  Empty views where unknown. */
typedef struct gw_meta {
	gw_str title;
	gw_str issuer;	   /* several signers joined with '|' */
	gw_str number;	   /* 〔〕-normalised */
	gw_str date;	   /* ISO */
	gw_str recipients;
	gw_str subject;
	int draft;
	int plan_year;	   /* 0 when unknown */
	gw_str standing;   /* units joined with '|' */
} gw_meta;

struct gw_document {
	gw_arena arena;
	char *id;
	gw_buffer source;
	gw_buffer clean;
	gw_buffer struck;
	gw_buffer lines_buf; /* gw_line[] */
	gw_buffer dels_buf;  /* gw_del[], sorted by `at` */
	gw_node root;
	size_t nnodes, nitems; /* not counting struck-out nodes */
	gw_meta meta;
	gw_buffer units_buf;	 /* gw_unit[] */
	gw_buffer deadlines_buf; /* gw_deadline[] */
	gw_buffer targets_buf;	 /* gw_target[] */
	gw_buffer refs_buf;	 /* gw_ref[] */
	gw_buffer clauses_buf;	 /* gw_span[]: responsibility clauses in
				    doc->clean, in order (units.c) */
	size_t lead_rule_from;	 /* clean offset of 排在第一位的为牵头单位, or
				    SIZE_MAX when the document has none */
};

/* Typed views of the arrays. */
#define GW_ARRAY(doc, field, type) ((type *)(doc)->field##_buf.data)
#define GW_COUNT(doc, field, type) ((doc)->field##_buf.len / sizeof(type))

static inline gw_line *gw_doc_lines(const gw_document *d)
{
	return (gw_line *)d->lines_buf.data;
}
static inline size_t gw_doc_nlines(const gw_document *d)
{
	return d->lines_buf.len / sizeof(gw_line);
}
static inline gw_str gw_line_text(const gw_document *d, const gw_line *l)
{
	const gw_buffer *b = l->deleted ? &d->struck : &d->clean;
	return gw_str_make(b->data + l->start, l->len);
}

/* Append one record; 0 or -1 (out of memory). */
static inline int gw_push(gw_buffer *b, const void *item, size_t size)
{
	return gw_buf_put(b, (const char *)item, size);
}

/* "lead", "resp" or "coop". */
const char *gw_role_name(gw_role role);

/* Depth-first successor of a node within the tree, or NULL. */
const gw_node *gw_node_next_preorder(const gw_node *n);

#endif
