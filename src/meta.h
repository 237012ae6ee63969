/*
 * meta.h — the notice's metadata: the `docs` table (records.md §5).
 *
 * Owns: doc->meta (except `standing`, which units.c fills).  Reads the
 * logical lines outside the outline: a gov.cn metadata block (标题：
 * 发文字号： 成文日期： 发文机关： 名称：), the masthead (…文件), the title (the
 * first lines up to one that ends in a document-type word such as 通知 or
 * 实施方案, with a trailing -号 split off), the 发文字号 line, the
 * recipients line (ending in ：), the signature lines above the 成文日期.
 * The subject of a transmittal (关于印发X的通知, 关于征求《X》意见的函) is
 * the attached plan's title.  Also offers the normalisers the refs share.
 */
#ifndef GW_META_H
#define GW_META_H

#include "document.h"
#include "regex.h"

typedef struct gw_meta_patterns {
	gw_re *label;	    /* 标题： 发文字号： 成文日期： 发文机关： */
	gw_re *title_end;   /* the document-type word that ends a title */
	gw_re *draft;	    /* （征求意见稿） at the end */
	gw_re *draft_any;   /* 征求意见稿 送审稿 讨论稿 草案 anywhere */
	gw_re *number_tail; /* -浙医改联席办〔2022〕2号 after a title */
	gw_re *date;	    /* 2020年8月20日 二〇二〇年八月二十日 */
	gw_re *subject;	    /* 关于印发X的通知  征求《X》意见 */
	gw_re *year;	    /* 2022年 */
	gw_re *stamp;	    /* (代章) （印） at the end of a signature */
	gw_re *field;	    /* 主题词： 索引号： … never the recipients */
	gw_re *year_range;  /* （2024—2026年） on the line under a title */
	gw_re *info;	    /* 发布时间： 来源： 浏览次数： of a page's info bar */
	gw_re *label_line;  /* 文件类型：… any short label opening a line */
	gw_re *crumbs;	    /* 当前位置：首页 > 政务公开 > … */
} gw_meta_patterns;

int gw_meta_patterns_init(gw_meta_patterns *p, gw_diag *diag);
void gw_meta_patterns_free(gw_meta_patterns *p);

gw_status gw_read_meta(gw_document *doc, const gw_meta_patterns *p);

/* 发文字号 with its year in 〔〕 and no blanks: "川办发〔2020〕53号".
 * The copy lives in the document's arena; an empty view when out of
 * memory. */
gw_str gw_normalize_doc_number(gw_document *doc, gw_str s);

/* Parse a date as matched by the `date` pattern into "YYYY-MM-DD";
 * returns 0 when the month or day is out of range. */
int gw_parse_date(gw_str s, char iso[11]);

#endif
