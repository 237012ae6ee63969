/*
 * dates.h — deadlines (records.md §4).
 *
 * Owns: doc->deadlines (gw_deadline[]) and each node's `deadlines` range.
 * A deadline is a phrase that bounds when a task is done: 年底前 年内
 * 今年6月底前 9月底前 到2027年 到2024年底 2022年力争 力争2022年 上半年
 * 下半年 第三季度 二、三季度 2026年初 2025年春季 2025年国庆节前 次年6月底前
 * 2024年12月20日前 二〇二五年十月底前 “十四五”期间, or a bare year that
 * opens a clause (2020年，… / 2020年各市…, also at the start of one of
 * the node's lines).  A year range (2024—2025年, 2024年至2025年) stands
 * where a year would, as one deadline: its later year; mid-clause it is a
 * period.  Each is resolved to the last day it
 * allows; a missing year comes from the last deadline written with a
 * year earlier in the same sentence, else from the plan year (the title's
 * year, else the date line's); with none known the ISO date is left empty
 * and the phrase kept.  A year followed by 度 (2021年度) is an attribute, one
 * followed by 以来/至今/起/开始 (2021年以来) starts a period, and a month
 * without 底/末/旬/前 (6月份召开) is a date, not a deadline; 上旬 ends on the
 * 10th, 中旬 on the 20th.
 */
#ifndef GW_DATES_H
#define GW_DATES_H

#include "document.h"
#include "regex.h"

typedef struct gw_dates_patterns {
	gw_re *deadline;
} gw_dates_patterns;

int gw_dates_patterns_init(gw_dates_patterns *p, gw_diag *diag);
void gw_dates_patterns_free(gw_dates_patterns *p);

gw_status gw_deadlines(gw_document *doc, const gw_dates_patterns *p);

/* Last day of a month (1..12) of a year. */
int gw_month_last_day(int year, int month);

#endif
