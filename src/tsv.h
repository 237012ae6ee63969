/*
 * tsv.h — the TSV writer's row function, for writers outside tsv.c
 * (`gongwen search` prints rows read back from the index).
 */
#ifndef GW_TSV_H
#define GW_TSV_H

#include "gongwen.h"

/* A gw_row_fn: appends the fields to the gw_buffer `out` as one escaped
 * TSV line.  0, or -1 when memory ran out. */
int gw_tsv_put_row(void *out, const gw_field *fields, size_t n);

#endif
