/* regex.c — see regex.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

/* Enough for every pattern here on inputs of any size; a pathological
 * subject fails the match instead of running for minutes. */
enum { MATCH_LIMIT = 1000000, DEPTH_LIMIT = 10000 };

struct gw_re {
	pcre2_code *code;
	pcre2_match_data *data;
	pcre2_match_context *mctx;
	unsigned flags;
};

gw_re *gw_re_new(const char *pattern, unsigned flags, gw_diag *diag)
{
	gw_re *re = calloc(1, sizeof *re);
	if (!re) {
		diag->status = GW_ERR_NOMEM;
		return NULL;
	}
	int err;
	PCRE2_SIZE erroff;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP;
	if (flags & GW_RE_ANCHORED)
		opts |= PCRE2_ANCHORED;
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				 opts, &err, &erroff, NULL);
	if (!re->code) {
		PCRE2_UCHAR msg[120];
		pcre2_get_error_message(err, msg, sizeof msg);
		diag->status = GW_ERR_INTERNAL;
		diag->offset = GW_NO_OFFSET;
		snprintf(diag->message, sizeof diag->message,
			 "pattern error at %zu: %s", (size_t)erroff,
			 (const char *)msg);
		free(re);
		return NULL;
	}
	uint32_t groups = 0;
	pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &groups);
	if (groups >= GW_RE_GROUPS) {
		diag->status = GW_ERR_INTERNAL;
		diag->offset = GW_NO_OFFSET;
		snprintf(diag->message, sizeof diag->message,
			 "pattern has %u capture groups, gw_match holds %d",
			 (unsigned)groups, GW_RE_GROUPS - 1);
		pcre2_code_free(re->code);
		free(re);
		return NULL;
	}
	/* JIT is an optimisation: without it the interpreter runs. */
	(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	re->data = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mctx = pcre2_match_context_create(NULL);
	if (!re->data || !re->mctx) {
		gw_re_free(re);
		diag->status = GW_ERR_NOMEM;
		return NULL;
	}
	pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, DEPTH_LIMIT);
	re->flags = flags;
	return re;
}

void gw_re_free(gw_re *re)
{
	if (!re)
		return;
	pcre2_match_data_free(re->data);
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
	free(re);
}

static int run(gw_re *re, const char *s, size_t len, size_t start,
	       uint32_t extra, gw_match *m)
{
	int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start,
			     PCRE2_NO_UTF_CHECK | extra, re->data, re->mctx);
	if (rc <= 0)
		return 0;
	if (m) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->data);
		uint32_t pairs = pcre2_get_ovector_count(re->data);
		for (int g = 0; g < GW_RE_GROUPS; g++) {
			if ((uint32_t)g < pairs && g < rc &&
			    ov[2 * g] != PCRE2_UNSET) {
				m->start[g] = ov[2 * g];
				m->end[g] = ov[2 * g + 1];
			} else {
				m->start[g] = m->end[g] = GW_RE_UNSET;
			}
		}
	}
	return 1;
}

int gw_re_search(gw_re *re, const char *s, size_t len, size_t start,
		 gw_match *m)
{
	if (start > len)
		return 0;
	return run(re, s, len, start, 0, m);
}

int gw_re_search_tail(gw_re *re, const char *s, size_t len, size_t tail,
		      gw_match *m)
{
	size_t start = len > tail ? len - tail : 0;
	while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	return run(re, s, len, start, 0, m);
}

int gw_re_full(gw_re *re, const char *s, size_t len, gw_match *m)
{
	gw_match local;
	gw_match *mm = m ? m : &local;
	if (!run(re, s, len, 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED, mm))
		return 0;
	return 1;
}

int gw_re_span(gw_re *re, const char *s, size_t start, size_t end,
	       gw_match *m)
{
	if (start > end)
		return 0;
	return run(re, s, end, start, PCRE2_ANCHORED | PCRE2_ENDANCHORED, m);
}
