/*
 * refs.h — citations (records.md §5, `refs` table).
 *
 * Owns: doc->refs (gw_ref[]) and each node's `refs` range.  Every 《…》 of the visible text, preamble
 * and closing included (also when it was broken across lines: the
 * cleaner joined them), with the 发文字号 of a parenthetical right after
 * it in any bracket pair — （国办发〔2020〕25号） [国办发〔2020〕25号]
 * 〔…〕 【…】, also when more follows in the parenthetical (（…号，以下
 * 简称《规范》）) — normalised to 〔〕, or the 令号 of an order
 * (（国务院令第722号）, （国家发展改革委令2019年第29号）, a joint order
 * （商务部等7部门令2020年第2号）), and the node
 * it is cited in (none in the preamble and closing).
 */
#ifndef GW_REFS_H
#define GW_REFS_H

#include "document.h"
#include "regex.h"

typedef struct gw_refs_patterns {
	gw_re *citation; /* 《title》 and an optional （number） */
} gw_refs_patterns;

int gw_refs_patterns_init(gw_refs_patterns *p, gw_diag *diag);
void gw_refs_patterns_free(gw_refs_patterns *p);

gw_status gw_refs(gw_document *doc, const gw_refs_patterns *p);

#endif
