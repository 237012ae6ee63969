/*
 * heading.h — each node's heading (records.md §2).
 *
 * Owns: gw_node.heading and gw_node.text.  The heading is the first
 * sentence of the node's own text — up to the first 。！？ outside any
 * bracket or quotation; a ； only separates clauses — without a final
 * 。/； (a final ！ or ？ is kept), and without the responsibility clauses units.c found in it.
 * Runs after units.c.
 */
#ifndef GW_HEADING_H
#define GW_HEADING_H

#include "document.h"

gw_status gw_headings(gw_document *doc);

/* End of the first sentence of s: the offset of its 。, just past its
 * ！ or ？, or s.len. */
size_t gw_first_sentence_end(gw_str s);

#endif
