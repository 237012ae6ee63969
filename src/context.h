/*
 * context.h — the compiled patterns of every stage.
 *
 * Owns: one pattern struct per stage, compiled once by gw_context_new()
 * and reused for every document.  Not thread-safe (PCRE2 match data).
 */
#ifndef GW_CONTEXT_H
#define GW_CONTEXT_H

#include "clean.h"
#include "dates.h"
#include "meta.h"
#include "outline.h"
#include "refs.h"
#include "targets.h"
#include "units.h"

struct gw_context {
	gw_clean_patterns clean;
	gw_outline_patterns outline;
	gw_meta_patterns meta;
	gw_units_patterns units;
	gw_dates_patterns dates;
	gw_targets_patterns targets;
	gw_refs_patterns refs;
};

#endif
