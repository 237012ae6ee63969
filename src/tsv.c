/*
 * tsv.c — the TSV writer (records.md §5).
 *
 * Owns: escaping.  One header line of column names; one line per row;
 * fields separated by a tab; backslash, tab, newline and carriage return
 * written as \\ \t \n \r.  Nothing else is changed.
 */
#include "buf.h"
#include "document.h"
#include "tsv.h"

static int put_escaped(gw_buffer *out, const char *p, size_t n)
{
	if (gw_buf_reserve(out, n))
		return -1;
	size_t run = 0;
	int err = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char u = (unsigned char)p[i];
		if (u > '\\' || (u > '\r' && u != '\\'))
			continue; /* the common case: nothing to escape */
		const char *esc = NULL;
		switch (p[i]) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		default: continue;
		}
		err |= gw_buf_put(out, p + run, i - run);
		err |= gw_buf_put(out, esc, 2);
		run = i + 1;
	}
	err |= gw_buf_put(out, p + run, n - run);
	return err;
}

static int put_row(void *user, const gw_field *f, size_t n)
{
	gw_buffer *out = user;
	int err = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			err |= gw_buf_putc(out, '\t');
		err |= put_escaped(out, f[i].ptr, f[i].len);
	}
	err |= gw_buf_putc(out, '\n');
	return err;
}

int gw_tsv_put_row(void *out, const gw_field *fields, size_t n)
{
	return put_row(out, fields, n);
}

gw_status gw_render_tsv_header(gw_table table, gw_buffer *out)
{
	const char *const *names;
	size_t n = gw_table_columns(table, &names);
	if (!n)
		return GW_ERR_INTERNAL;
	int err = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			err |= gw_buf_putc(out, '\t');
		err |= gw_buf_puts(out, names[i]);
	}
	err |= gw_buf_putc(out, '\n');
	return err ? GW_ERR_NOMEM : GW_OK;
}

gw_status gw_render_tsv(const gw_document *doc, gw_table table,
			gw_buffer *out)
{
	gw_status st = gw_document_rows(doc, table, put_row, out);
	return st == GW_ERR_INTERNAL ? GW_ERR_NOMEM : st;
}
