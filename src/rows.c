/*
 * rows.c — the five tables of records.md §5 as rows of fields.
 *
 * Owns: the column order of every table (the contract: columns are only
 * ever appended) and the formatting of multi-valued fields.  Writers of
 * any row format (TSV, the SQLite index) are fed by gw_document_rows().
 */
#include <stdio.h>
#include <string.h>

#include "document.h"
#include "outline.h"

static const char *const docs_cols[] = {
	"doc", "title", "issuer", "number", "date", "recipients", "subject",
	"status", "plan_year", "standing", "nodes", "items"};
static const char *const nodes_cols[] = {
	"doc", "path", "level", "marker", "kind", "heading", "lead", "resp",
	"coop", "deadlines", "targets", "text"};
static const char *const units_cols[] = {"doc", "path", "role", "unit"};
static const char *const targets_cols[] = {"doc", "path", "cmp", "value",
					   "unit", "context"};
static const char *const refs_cols[] = {"doc", "path", "title", "number"};

static const struct table_def {
	const char *name;
	const char *const *cols;
	size_t ncols;
} tables[GW_TABLE_COUNT] = {
	{"docs", docs_cols, sizeof docs_cols / sizeof *docs_cols},
	{"nodes", nodes_cols, sizeof nodes_cols / sizeof *nodes_cols},
	{"units", units_cols, sizeof units_cols / sizeof *units_cols},
	{"targets", targets_cols, sizeof targets_cols / sizeof *targets_cols},
	{"refs", refs_cols, sizeof refs_cols / sizeof *refs_cols},
};

int gw_table_from_name(const char *name)
{
	for (int t = 0; t < GW_TABLE_COUNT; t++)
		if (!strcmp(tables[t].name, name))
			return t;
	return -1;
}

const char *gw_table_name(gw_table table)
{
	return (unsigned)table < GW_TABLE_COUNT ? tables[table].name : NULL;
}

size_t gw_table_columns(gw_table table, const char *const **names)
{
	if ((unsigned)table >= GW_TABLE_COUNT) {
		*names = NULL;
		return 0;
	}
	*names = tables[table].cols;
	return tables[table].ncols;
}

static const char *const role_names[] = {"lead", "resp", "coop"};

const char *gw_role_name(gw_role role) { return role_names[role]; }

static gw_field field(gw_str s)
{
	gw_field f = {s.ptr ? s.ptr : "", s.len};
	return f;
}

static gw_field cfield(const char *s) { return field(gw_str_cstr(s)); }

/* ---- docs ---------------------------------------------------------------- */

static int docs_row(const gw_document *doc, gw_row_fn fn, void *user)
{
	const gw_meta *m = &doc->meta;
	char year[12] = "", nodes[24], items[24];
	if (m->plan_year)
		snprintf(year, sizeof year, "%d", m->plan_year);
	snprintf(nodes, sizeof nodes, "%zu", doc->nnodes);
	snprintf(items, sizeof items, "%zu", doc->nitems);
	gw_field f[] = {cfield(doc->id),      field(m->title),
			field(m->issuer),     field(m->number),
			field(m->date),	      field(m->recipients),
			field(m->subject),    cfield(m->draft ? "draft" : "final"),
			cfield(year),	      field(m->standing),
			cfield(nodes),	      cfield(items)};
	return fn(user, f, sizeof f / sizeof *f);
}

/* ---- nodes --------------------------------------------------------------- */

typedef struct scratch {
	gw_buffer role[3], deadlines, targets, text;
} scratch;

static int join_units(const gw_document *doc, const gw_node *n, scratch *s)
{
	if (!n->units.count)
		return 0;
	const gw_unit *u = GW_ARRAY(doc, units, gw_unit) + n->units.first;
	int err = 0;
	for (size_t i = 0; i < n->units.count; i++) {
		gw_buffer *b = &s->role[u[i].role];
		if (b->len)
			err |= gw_buf_putc(b, '|');
		err |= gw_buf_putstr(b, u[i].name);
	}
	return err;
}

static int join_deadlines(const gw_document *doc, const gw_node *n,
			  gw_buffer *b)
{
	if (!n->deadlines.count)
		return 0;
	const gw_deadline *d =
		GW_ARRAY(doc, deadlines, gw_deadline) + n->deadlines.first;
	int err = 0;
	for (size_t i = 0; i < n->deadlines.count; i++) {
		if (b->len)
			err |= gw_buf_putc(b, ';');
		err |= gw_buf_puts(b, d[i].iso);
		err |= gw_buf_putc(b, '|');
		err |= gw_buf_putstr(b, d[i].raw);
	}
	return err;
}

static int join_targets(const gw_document *doc, const gw_node *n,
			gw_buffer *b)
{
	if (!n->targets.count)
		return 0;
	const gw_target *t = GW_ARRAY(doc, targets, gw_target) + n->targets.first;
	int err = 0;
	for (size_t i = 0; i < n->targets.count; i++) {
		if (b->len)
			err |= gw_buf_putc(b, '|');
		err |= gw_buf_puts(b, t[i].cmp);
		err |= gw_buf_putstr(b, t[i].value);
		err |= gw_buf_putstr(b, t[i].unit);
	}
	return err;
}

static gw_field bfield(const gw_buffer *b)
{
	return field(gw_str_make(b->data, b->len));
}

static int put_text_part(void *user, gw_str part, int space)
{
	gw_buffer *b = user;
	return (space && gw_buf_putc(b, ' ')) || gw_buf_putstr(b, part);
}

/* The node's text as gw_node_text_parts() writes it: a view of the
 * document when it is one part, else joined in b. */
static int node_text(const gw_document *doc, const gw_node *n, gw_buffer *b,
		     gw_str *out)
{
	if (gw_node_text_parts(doc, n, put_text_part, b))
		return -1;
	*out = b->len == n->text.len ? n->text : gw_str_make(b->data, b->len);
	return 0;
}

static int node_row(const gw_document *doc, const gw_node *n, scratch *s,
		    gw_row_fn fn, void *user)
{
	for (int r = 0; r < 3; r++)
		s->role[r].len = 0;
	s->deadlines.len = s->targets.len = s->text.len = 0;
	gw_str text;
	if (join_units(doc, n, s) || join_deadlines(doc, n, &s->deadlines) ||
	    join_targets(doc, n, &s->targets) ||
	    node_text(doc, n, &s->text, &text))
		return -1;
	char level[4];
	snprintf(level, sizeof level, "%d", n->level);
	gw_field f[] = {cfield(doc->id),      cfield(n->path),
			cfield(level),	      cfield(n->marker),
			cfield(gw_node_kind(n)), field(n->heading),
			bfield(&s->role[GW_ROLE_LEAD]),
			bfield(&s->role[GW_ROLE_RESP]),
			bfield(&s->role[GW_ROLE_COOP]),
			bfield(&s->deadlines), bfield(&s->targets),
			field(text)};
	return fn(user, f, sizeof f / sizeof *f);
}

/* Visible nodes in document order: a struck-out node hides its subtree. */
static const gw_node *next_visible(const gw_node *n)
{
	while (n && n->deleted) {
		const gw_node *up = n;
		while (up && up->level && !up->next)
			up = up->parent;
		n = up && up->level ? up->next : NULL;
	}
	return n;
}

static const gw_node *after(const gw_node *n)
{
	return next_visible(gw_node_next_preorder(n));
}

static int nodes_rows(const gw_document *doc, gw_row_fn fn, void *user)
{
	scratch s = {0};
	int rc = 0;
	for (const gw_node *n = next_visible(doc->root.first_child); n && !rc;
	     n = after(n))
		rc = node_row(doc, n, &s, fn, user);
	for (int r = 0; r < 3; r++)
		gw_buffer_free(&s.role[r]);
	gw_buffer_free(&s.deadlines);
	gw_buffer_free(&s.targets);
	gw_buffer_free(&s.text);
	return rc;
}

/* ---- units, targets, refs ------------------------------------------------ */

static int units_rows(const gw_document *doc, gw_row_fn fn, void *user)
{
	for (const gw_node *n = next_visible(doc->root.first_child); n;
	     n = after(n)) {
		if (!n->units.count)
			continue;
		const gw_unit *u = GW_ARRAY(doc, units, gw_unit) + n->units.first;
		for (size_t i = 0; i < n->units.count; i++) {
			gw_field f[] = {cfield(doc->id), cfield(n->path),
					cfield(role_names[u[i].role]),
					field(u[i].name)};
			if (fn(user, f, 4))
				return -1;
		}
	}
	return 0;
}

static int targets_rows(const gw_document *doc, gw_row_fn fn, void *user)
{
	for (const gw_node *n = next_visible(doc->root.first_child); n;
	     n = after(n)) {
		if (!n->targets.count)
			continue;
		const gw_target *t =
			GW_ARRAY(doc, targets, gw_target) + n->targets.first;
		for (size_t i = 0; i < n->targets.count; i++) {
			gw_field f[] = {cfield(doc->id), cfield(n->path),
					cfield(t[i].cmp), field(t[i].value),
					field(t[i].unit), field(t[i].context)};
			if (fn(user, f, 6))
				return -1;
		}
	}
	return 0;
}

static int refs_rows(const gw_document *doc, gw_row_fn fn, void *user)
{
	const gw_ref *r = GW_ARRAY(doc, refs, gw_ref);
	size_t n = GW_COUNT(doc, refs, gw_ref);
	for (size_t i = 0; i < n; i++) {
		gw_field f[] = {cfield(doc->id),
				cfield(r[i].node ? r[i].node->path : ""),
				field(r[i].title), field(r[i].number)};
		if (fn(user, f, 4))
			return -1;
	}
	return 0;
}

gw_status gw_document_rows(const gw_document *doc, gw_table table,
			   gw_row_fn fn, void *user)
{
	int rc;
	switch (table) {
	case GW_TABLE_DOCS: rc = docs_row(doc, fn, user); break;
	case GW_TABLE_NODES: rc = nodes_rows(doc, fn, user); break;
	case GW_TABLE_UNITS: rc = units_rows(doc, fn, user); break;
	case GW_TABLE_TARGETS: rc = targets_rows(doc, fn, user); break;
	case GW_TABLE_REFS: rc = refs_rows(doc, fn, user); break;
	default: return GW_ERR_INTERNAL;
	}
	return rc ? GW_ERR_INTERNAL : GW_OK;
}
