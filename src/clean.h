/*
 * clean.h — from physical lines to logical lines (paragraphs).
 *
 * Owns: the artefact rules of records.md §1.  Reads doc->source (validated
 * UTF-8, LF line ends) and fills doc->clean, doc->struck, doc->lines and
 * doc->dels.  Per physical line it drops leading blanks, Markdown `#`
 * headings and `**`, Word bookmark residue, page-number lines ("— 3 —"),
 * control characters and backslash escapes; it moves ~~struck~~ text to
 * doc->struck; it removes blanks next to CJK characters and folds the rest
 * to one space, except that a wide blank (two or more, or U+3000) before a
 * field's label (责任单位：市发改委   完成时限：…) stays as one space: it
 * ends the field before it.  Then it joins wrapped lines into logical lines: a blank
 * line alone never ends a paragraph; the decision rests on how the line
 * ends, how the next begins, whether a bracket is still open, and on two
 * properties measured over the whole document — whether it is hard-wrapped
 * at a fixed width (PDF extraction), and whether each marker level carries
 * its heading run-in ("（一）标题。正文…") or on a line of its own.
 *
 * Task tables (分工表: 序号 重点任务 牵头单位 配合单位 完成时限) copied
 * from Word or extracted from a web page come as rows of TAB-separated
 * cells under a header row.  Each row of such a table is rewritten into
 * the paragraphs the later stages read in the labelled form: a numbered
 * item made of its text cells, then one line per unit or time cell under
 * its column's label (牵头单位：…, 完成时限：…).  The header row is
 * dropped; rows of any other table become one line, cells split by a
 * space.
 */
#ifndef GW_CLEAN_H
#define GW_CLEAN_H

#include "document.h"
#include "regex.h"

typedef struct gw_clean_patterns {
	gw_re *residue;	    /* [bookmark: _GoBack], []{#_Toc1 .anchor} */
	gw_re *page_number; /* — 3 — */
	gw_re *number_line; /* 川办发〔2020〕53号 */
	gw_re *ends_number; /* …通知-浙医改联席办〔2022〕2号 */
	gw_re *date_line;   /* 2020年8月20日, 二〇二〇年八月二十日 */
	gw_re *attachment;  /* 附件 附件2： 附件：《…》 */
	gw_re *title_end;   /* …的通知  …实施方案（征求意见稿） */
	gw_re *field;	    /* 牵头单位： 完成时限： at a line's start */
	gw_re *any_field;   /* 工作目标： any label, after a wide blank */
	gw_re *head_units;  /* a task table's header cell: 牵头单位 责任部门 */
	gw_re *head_time;   /* …and 完成时限 时间节点 */
} gw_clean_patterns;

int gw_clean_patterns_init(gw_clean_patterns *p, gw_diag *diag);
void gw_clean_patterns_free(gw_clean_patterns *p);

gw_status gw_clean(gw_document *doc, const gw_clean_patterns *p);

#endif
