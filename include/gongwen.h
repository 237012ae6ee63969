/*
 * gongwen.h — the public interface of libgongwen.
 *
 * libgongwen turns the raw text of a Chinese government notice into a parse
 * tree (the document's numbered outline plus its metadata) and renders that
 * tree as TSV tables or XML.  The flow is
 *
 *     gw_context_new()            compile every pattern once
 *     gw_document_parse()         bytes -> gw_document (owns everything)
 *     gw_document_rows() / gw_render_tsv() / gw_xml_*()
 *     gw_document_free()
 *     gw_context_free()
 *
 * Ownership: a gw_document owns every string and node reachable from it;
 * they live until gw_document_free().  Buffers passed to renderers belong to
 * the caller, who frees them with gw_buffer_free().  Nothing here prints or
 * exits: every failure is returned as a gw_status with a gw_diag.
 *
 * A gw_context is not thread-safe (it holds PCRE2 match data); use one per
 * thread.  It may be reused for any number of documents.
 */
#ifndef GONGWEN_H
#define GONGWEN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GW_VERSION "1.2.0"
#define GW_FORMAT_VERSION 1 /* of the TSV tables and the XML vocabulary */

typedef enum gw_status {
	GW_OK = 0,
	GW_ERR_NOMEM,	 /* out of memory */
	GW_ERR_ENCODING, /* not UTF-8, UTF-16 (with BOM) or GB18030 */
	GW_ERR_BINARY,	 /* NUL bytes or other binary content */
	GW_ERR_TOO_LARGE, /* larger than GW_MAX_INPUT */
	GW_ERR_HTML,	 /* HTML input that libxml2 could not parse */
	GW_ERR_INTERNAL, /* a pattern failed to compile, a limit was hit */
	GW_ERR_EMPTY	 /* no text at all (empty, or only blanks) */
} gw_status;

/* Inputs above this size are refused (GW_ERR_TOO_LARGE). */
#define GW_MAX_INPUT ((size_t)1 << 30)

/* What went wrong, where.  `offset` is a byte offset into the input as
 * given (before decoding), or GW_NO_OFFSET. */
#define GW_NO_OFFSET ((size_t)-1)
typedef struct gw_diag {
	gw_status status;
	size_t offset;
	char message[200];
} gw_diag;

/* A short English name of a status ("invalid encoding", ...). */
const char *gw_status_name(gw_status status);

typedef struct gw_context gw_context;
typedef struct gw_document gw_document;
typedef struct gw_node gw_node;

/* Compile every pattern (PCRE2, JIT when available).  Returns NULL and
 * fills `diag` on failure. */
gw_context *gw_context_new(gw_diag *diag);
void gw_context_free(gw_context *ctx);

/* Parse `len` bytes of a notice (UTF-8 with or without BOM, UTF-16 with
 * BOM, GB18030/GBK, or HTML in any of these).  `doc_id` names the document
 * in every table (copied).  On success *out owns a new document. */
gw_status gw_document_parse(gw_context *ctx, const char *bytes, size_t len,
			    const char *doc_id, gw_document **out,
			    gw_diag *diag);
void gw_document_free(gw_document *doc);

/* ---- tables ---------------------------------------------------------- */

typedef enum gw_table {
	GW_TABLE_DOCS,
	GW_TABLE_NODES,
	GW_TABLE_UNITS,
	GW_TABLE_TARGETS,
	GW_TABLE_REFS,
	GW_TABLE_COUNT
} gw_table;

/* "docs" -> GW_TABLE_DOCS; returns -1 for an unknown name. */
int gw_table_from_name(const char *name);
const char *gw_table_name(gw_table table);

/* Column names of a table, in their fixed order. */
size_t gw_table_columns(gw_table table, const char *const **names);

/* One field of a row: not NUL-terminated, valid during the callback. */
typedef struct gw_field {
	const char *ptr;
	size_t len;
} gw_field;

/* Called once per row; a non-zero return stops the walk and is returned
 * by gw_document_rows() as GW_ERR_INTERNAL. */
typedef int (*gw_row_fn)(void *user, const gw_field *fields, size_t n);

/* Produce the rows of `table` for `doc`, in document order.  TSV and the
 * SQLite index are both fed by this one function. */
gw_status gw_document_rows(const gw_document *doc, gw_table table,
			   gw_row_fn fn, void *user);

/* ---- rendering ------------------------------------------------------- */

/* A growable byte buffer owned by the caller.  Zero-initialise it, pass it
 * to renderers (which append), free it with gw_buffer_free(). */
typedef struct gw_buffer {
	char *data;
	size_t len;
	size_t cap;
} gw_buffer;
void gw_buffer_free(gw_buffer *buf);

/* TSV: the header line of a table, and the rows of one document.  Fields
 * are escaped (\\ \t \n \r), multi-valued fields joined with '|'. */
gw_status gw_render_tsv_header(gw_table table, gw_buffer *out);
gw_status gw_render_tsv(const gw_document *doc, gw_table table,
			gw_buffer *out);

/* XML: one <gongwen version="1"> root holding one <document> per input. */
typedef struct gw_xml_writer gw_xml_writer;
enum { GW_XML_KEEP_DELETED = 1 };
gw_xml_writer *gw_xml_writer_new(gw_buffer *out, unsigned flags);
gw_status gw_xml_write_document(gw_xml_writer *w, const gw_document *doc);
/* Closes the root element and frees the writer. */
gw_status gw_xml_writer_finish(gw_xml_writer *w);

/* ---- reading the tree ------------------------------------------------ */

typedef enum gw_event { GW_EVENT_NONE, GW_EVENT_ENTER, GW_EVENT_EXIT } gw_event;

/* Walks every numbered node (struck-out ones included; see
 * gw_node_is_deleted) without recursion: ENTER before the children, EXIT
 * after them. */
typedef struct gw_iter {
	const gw_node *root;
	const gw_node *next;
	gw_event next_event;
} gw_iter;
void gw_iter_init(gw_iter *it, const gw_document *doc);
gw_event gw_iter_next(gw_iter *it, const gw_node **node);

const char *gw_document_id(const gw_document *doc);
/* Nodes of the outline, struck-out ones not counted (the docs table's
 * `nodes`): 0 when no numbered outline was found. */
size_t gw_document_node_count(const gw_document *doc);
const char *gw_node_path(const gw_node *node);
const char *gw_node_marker(const gw_node *node);
int gw_node_level(const gw_node *node);
int gw_node_is_deleted(const gw_node *node);
/* "section" when it has numbered children, else "item". */
const char *gw_node_kind(const gw_node *node);

#ifdef __cplusplus
}
#endif

#endif /* GONGWEN_H */
