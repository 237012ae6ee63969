/*
 * fuzz_gongwen.c — libFuzzer target for the whole pipeline.
 *
 * The first byte chooses options (which tables; --keep-deleted for the
 * XML); the rest is the input file.  Tables and XML are rendered, so every
 * writer walks whatever tree the parser built from arbitrary bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "gongwen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static gw_context *ctx;
	gw_diag diag;
	if (!ctx && !(ctx = gw_context_new(&diag)))
		abort();
	unsigned opts = size ? data[0] : 0;
	const char *bytes = size ? (const char *)data + 1 : "";
	size_t len = size ? size - 1 : 0;
	gw_document *doc = NULL;
	if (gw_document_parse(ctx, bytes, len, "fuzz", &doc, &diag) != GW_OK)
		return 0;
	gw_buffer out = {0};
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		if (opts & (1u << t) || !(opts & 0x80)) {
			if (gw_render_tsv(doc, (gw_table)t, &out) != GW_OK)
				abort();
			out.len = 0;
		}
	}
	gw_xml_writer *w = gw_xml_writer_new(&out, opts & 0x40 ? GW_XML_KEEP_DELETED : 0);
	if (!w || gw_xml_write_document(w, doc) != GW_OK ||
	    gw_xml_writer_finish(w) != GW_OK)
		abort();
	gw_document_free(doc);
	gw_buffer_free(&out);
	return 0;
}
