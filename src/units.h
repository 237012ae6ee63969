/*
 * units.h — responsibility clauses and the units they name (records.md §3).
 *
 * Owns: doc->units (gw_unit[]), each node's `units` range, doc->clauses
 * (the clean-text spans of the clauses, so headings can leave them out),
 * doc->lead_rule_from and doc->meta.standing.
 *
 * A clause is a parenthetical — any of （） () 〔〕 [] 【】, mixed pairs
 * allowed, nesting respected — or a labelled run (牵头单位：… 配合单位：…)
 * whose every item is the name of a government body, as Chinese bodies
 * are named: an optional administrative prefix, then a suffix such as 委
 * 局 厅 办 部 署 政府 管委会 海关 中心 机构 部门 单位 …  Items are split
 * on 、，,；; and on a 和/及 that joins two complete names, except that
 * bare administrative levels completed by the next item's name
 * (各市、州、县人民政府) are one item; role words
 * (牵头, 配合, 按职责分工负责 …, and 指导 监督 督导 督促, which make a unit
 * coop) and 等 are stripped and give the role.
 * X为牵头单位 / Y为配合单位 name roles as labels do.  A sentence of a
 * task after its first (由X牵头，Y配合。) is a clause when every segment
 * gives its role, one says 牵头 or 配合, and every item is a known body.
 * A parenthetical with one item and neither a strong suffix nor a role
 * word (（社区医院）) is not a clause.  A short name the suffixes do not
 * know is accepted only in a clause that has a role word and at least
 * one known name (（县医政股、县财政局负责）), or, named from an
 * administrative level (县融媒体 镇综治), in one with a role word.  A labelled run ends at
 * the sentence end, its line's end, or the next label (配合单位： 完成时限：);
 * a segment that is another field (完成时限：持续推进) or says when
 * (6月底前 2025年底前 每季度 长期坚持 持续推进) is not a unit.  Notes inside a clause are read:
 * 排在第一位的为牵头单位 (排名第一的, 列第一位的, 第一个为牵头单位 …)
 * makes the first unit of this and every later
 * clause of its part the lead (every such note is read, the last made
 * speaking for the text after it); 以下均需X负责，不再列出 gives doc->meta.standing.
 * A clause line after a list of sub-items, under the last one, gives its
 * units to the item the list is under (when the sub-items before it name
 * none).
 */
#ifndef GW_UNITS_H
#define GW_UNITS_H

#include "document.h"
#include "regex.h"

typedef struct gw_units_patterns {
	gw_re *suffix;	    /* a body's name ends like this */
	gw_re *strong;	    /* …and this suffix alone makes it a clause */
	gw_re *collective;  /* 各地 各乡镇: every local government */
	gw_re *role_tail;   /* 牵头 配合 按职责分工负责 … at the end */
	gw_re *label;	    /* 牵头单位： 配合单位： 责任单位： */
	gw_re *label_any;   /* a label outside brackets, in running text */
	gw_re *field;	    /* 完成时限： another field, at a segment's start */
	gw_re *field_any;   /* …anywhere: where a labelled run stops */
	gw_re *lead_rule;   /* 排在第一位的为牵头单位，下同 */
	gw_re *standing;    /* 以下均需X负责，不再列出 */
	gw_re *adverb;	    /* 按职责 积极 具体: before a role word */
	gw_re *time_seg;    /* 6月底前 长期坚持: a clause's segment saying when */
} gw_units_patterns;

int gw_units_patterns_init(gw_units_patterns *p, gw_diag *diag);
void gw_units_patterns_free(gw_units_patterns *p);

gw_status gw_units(gw_document *doc, const gw_units_patterns *p);

#endif
