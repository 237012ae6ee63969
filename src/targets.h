/*
 * targets.h — quantified targets (records.md §4).
 *
 * Owns: doc->targets (gw_target[]) and each node's `targets` range.
 * A target is a quantity written with Arabic digits (ASCII or full-width)
 * and a unit or %: 350个 90% 6.5万元/人 50元/亩 2-3家 15—20个 2500万人;
 * a rate per a classifier, measure or period is part of the unit; a range
 * a classifier may give a second one in brackets, 200台（套）; a range
 * may give its lower end a unit too (1万—2万元: 1-2 万元; 5000万元—1亿元,
 * across multipliers: 5000万-1亿 元).  Not
 * targets: dates and years (no 年/月/日 unit), document numbers (号),
 * ages (岁, 周岁), ordinals (第2批, 前4批), the denominator of a rate (每1例),
 * parts of identifiers (5G, 289工程, URLs).  Durations (15分钟, 6个月)
 * are quantities, and so are days before 内 (15日内: a time limit).
 * The comparator comes from the words around the quantity: a following
 * 以上 (>=) or 以下/以内 (<=), also after 及 or （含）, wins; else a word
 * just before it — 达到 达 不低于 不少于 至少 ≥ (>=), 超过 高于 ＞ (>),
 * 不超过 控制在 低于 ≤ ＜ and a cap, 最高 最多 至多 上限 封顶 (<=), and
 * 最低 right before the number (>=) — within a
 * few characters, across a rate (不低于每人每月400元) or, for a share or
 * multiple, across the whole it is of (不低于符合条件教师总数的10%);
 * a difference from a base, + or -: 高于全省平均水平2个百分点, or than
 * a base, 比2024年高0.5个百分点, 较上年少2家, 同比回落0.5个百分点;
 * else 至少 earlier in the clause (>=); else an
 * increase verb (增加 新增 新建 新创 …; 提高/提升/增收 only right before
 * it) governing it in the same clause (+); else =.  A quantity in a list
 * (3级、4级, 4级（其中5级）) shares the comparator of the one before it.
 * Renovating (改造 改造提升 维修 …) adds nothing: no increase, no list
 * across it.
 * The context is the sentence or ；-clause it sits in, marks inside
 * brackets not counting.
 */
#ifndef GW_TARGETS_H
#define GW_TARGETS_H

#include "document.h"
#include "regex.h"

typedef struct gw_targets_patterns {
	gw_re *quantity; /* value, unit */
	gw_re *range_end; /* value, unit: -2万元 after 1万 */
	gw_re *before;	 /* comparator words ending right before it */
	gw_re *share_of; /* …or before the whole a share is of (…的10%) */
	gw_re *over_base; /* 高于…平均水平 right before it: a difference */
	gw_re *than_base; /* 比2024年高 right before it: a difference */
	gw_re *increase; /* increase verbs earlier in the clause */
	gw_re *rise;	 /* 提高 增收 … right before it */
	gw_re *renovate; /* 改造 维修 …: no increase, no list across */
	gw_re *decrease; /* decrease verbs close before the quantity */
	gw_re *after;	 /* 以上 以下 以内 right after it */
	gw_re *within;	 /* a time unit, for 10个工作日内 */
	gw_re *at_least; /* 至少 earlier in the clause */
	gw_re *from;	 /* 由 or 从 earlier in the clause … */
	gw_re *change_to; /* … and 压缩至 提高到 right after it: a baseline */
} gw_targets_patterns;

int gw_targets_patterns_init(gw_targets_patterns *p, gw_diag *diag);
void gw_targets_patterns_free(gw_targets_patterns *p);

gw_status gw_targets(gw_document *doc, const gw_targets_patterns *p);

#endif
