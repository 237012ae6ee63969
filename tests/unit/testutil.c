/* testutil.c — helpers shared by the suites (see suites.h). */
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "suites.h"

enum { MAX_OWNED = 64 };

static gw_context *ctx;
static gw_document *docs[MAX_OWNED];
static size_t ndocs;
static char *strs[MAX_OWNED];
static size_t nstrs;

void tu_setup(void)
{
	gw_diag diag;
	ctx = gw_context_new(&diag);
	ck_assert_msg(ctx != NULL, "gw_context_new: %s", diag.message);
}

void tu_teardown(void)
{
	for (size_t i = 0; i < ndocs; i++)
		gw_document_free(docs[i]);
	for (size_t i = 0; i < nstrs; i++)
		free(strs[i]);
	ndocs = nstrs = 0;
	gw_context_free(ctx);
	ctx = NULL;
}

void tu_fixture(TCase *tc)
{
	tcase_add_checked_fixture(tc, tu_setup, tu_teardown);
}

static char *own(char *s)
{
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_lt(nstrs, MAX_OWNED);
	strs[nstrs++] = s;
	return s;
}

gw_status tu_try_parse(const char *bytes, size_t len, gw_diag *diag)
{
	gw_document *doc = NULL;
	ck_assert_ptr_nonnull(ctx);
	gw_status st = gw_document_parse(ctx, bytes, len, "t", &doc, diag);
	if (doc) {
		ck_assert_uint_lt(ndocs, MAX_OWNED);
		docs[ndocs++] = doc;
	}
	return st;
}

gw_document *tu_parse(const char *text)
{
	gw_document *doc = NULL;
	gw_diag diag;
	ck_assert_ptr_nonnull(ctx);
	gw_status st = gw_document_parse(ctx, text, strlen(text), "t", &doc,
					 &diag);
	ck_assert_msg(st == GW_OK, "gw_document_parse: %s", diag.message);
	ck_assert_uint_lt(ndocs, MAX_OWNED);
	docs[ndocs++] = doc;
	return doc;
}

char *tu_dup(gw_str s)
{
	char *p = malloc(s.len + 1);
	ck_assert_ptr_nonnull(p);
	if (s.len)
		memcpy(p, s.ptr, s.len);
	p[s.len] = '\0';
	return own(p);
}

char *tu_render(const gw_document *doc, gw_table table)
{
	gw_buffer b = {0};
	gw_status st = gw_render_tsv(doc, table, &b);
	if (st == GW_OK)
		st = gw_buf_terminate(&b) ? GW_ERR_NOMEM : GW_OK;
	if (st != GW_OK)
		gw_buffer_free(&b);
	ck_assert_int_eq(st, GW_OK);
	return own(b.data);
}

const gw_node *tu_node(const gw_document *doc, const char *path)
{
	for (const gw_node *n = doc->root.first_child; n;
	     n = gw_node_next_preorder(n))
		if (!n->deleted && !strcmp(n->path, path))
			return n;
	return NULL;
}

char *tu_paths(const gw_document *doc)
{
	gw_buffer b = {0};
	int err = 0;
	for (const gw_node *n = doc->root.first_child; n;
	     n = gw_node_next_preorder(n)) {
		if (n->deleted)
			continue;
		if (b.len)
			err |= gw_buf_putc(&b, ' ');
		err |= gw_buf_puts(&b, n->path);
	}
	err |= gw_buf_terminate(&b);
	if (err)
		gw_buffer_free(&b);
	ck_assert_int_eq(err, 0);
	return own(b.data);
}

char *tu_field(const char *tsv, size_t row, size_t col)
{
	const char *p = tsv;
	for (size_t r = 0; r < row; r++) {
		p = strchr(p, '\n');
		if (!p)
			return NULL;
		p++;
	}
	if (!*p)
		return NULL;
	for (size_t c = 0; c < col; c++) {
		p += strcspn(p, "\t\n");
		if (*p != '\t')
			return NULL;
		p++;
	}
	return tu_dup(gw_str_make(p, strcspn(p, "\t\n")));
}
