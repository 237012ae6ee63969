/* refs.c — see refs.h. */
#include "refs.h"

#include <string.h>

#include "meta.h"

/* A 发文字号: 国办发〔2020〕25号, its brackets as found on the web. */
#define DOC_NUMBER                                                         \
	"[\\p{Han}A-Za-z]{1,20}\\s*[〔\\[［(（【﹝]\\s*\\d{4}\\s*"                \
	"[〕\\]］)）】﹞]\\s*\\d{1,5}\\s*号"
/* The issuer of an order: one name, or the names of a joint order, set
 * apart by 、 or blanks or run together (商务部 发展改革委 工业和信息化部
 * …令, up to a hundred characters), or the first of them and how many
 * issue it (商务部等7部门, 商务部等七部门). */
#define ORDER_ISSUER                                                       \
	"\\p{Han}[\\p{Han}、\\s]{0,99}"                                        \
	"(?:等\\s*\\d{1,2}\\s*个?(?:部门|部委|单位))?"
/* An order's number (令号 of GB/T 9704's 命令（令）格式): the issuer,
 * 令, 第N号 —
 * 国务院令第722号, 国家卫生计生委令第10号; some ministries number their
 * orders within a year: 国家发展改革委令2019年第29号, 商务部等7部门令2020年第2号. */
#define ORDER_NUMBER                                                       \
	ORDER_ISSUER "令\\s*(?:\\d{4}\\s*年\\s*)?第\\s*\\d{1,5}\\s*号"

int gw_refs_patterns_init(gw_refs_patterns *p, gw_diag *diag)
{
	p->citation = gw_re_new(
		"《([^《》\\n]{1,300})》(?:\\s*[(（〔\\[［【]\\s*"
		"(" DOC_NUMBER "|" ORDER_NUMBER ")"
		"\\s*(?:[)）〕\\]］】]|[，,；;、]))?",
		0, diag);
	return p->citation ? 0 : -1;
}

void gw_refs_patterns_free(gw_refs_patterns *p)
{
	gw_re_free(p->citation);
	p->citation = NULL;
}

/* The node owning clean offset `at`; lines are walked forward only. */
static const gw_node *owner(const gw_document *doc, size_t at, size_t *line)
{
	const gw_line *L = gw_doc_lines(doc);
	size_t n = gw_doc_nlines(doc);
	const gw_node *found = NULL;
	for (size_t i = *line; i < n; i++) {
		if (L[i].deleted)
			continue;
		if (L[i].start > at)
			break;
		*line = i;
		found = L[i].region == GW_REGION_NODE ? L[i].node : NULL;
	}
	return found;
}

gw_status gw_refs(gw_document *doc, const gw_refs_patterns *p)
{
	const char *s = doc->clean.data;
	size_t len = doc->clean.len, from = 0, line = 0;
	gw_match m;
	while ((from = gw_find(s, len, from, "《")) != SIZE_MAX &&
	       gw_re_search(p->citation, s, len, from, &m)) {
		from = m.end[0];
		gw_ref r;
		r.node = owner(doc, m.start[0], &line);
		r.title = gw_str_make(s + m.start[1], gw_match_len(&m, 1));
		r.number = gw_str_make("", 0);
		if (gw_match_has(&m, 2)) {
			r.number = gw_normalize_doc_number(
				doc, gw_str_make(s + m.start[2], gw_match_len(&m, 2)));
			if (!r.number.len)
				return GW_ERR_NOMEM;
		}
		if (r.node) { /* a node's text is contiguous: so are its refs */
			gw_node *n = (gw_node *)r.node;
			if (!n->refs.count)
				n->refs.first = GW_COUNT(doc, refs, gw_ref);
			n->refs.count++;
		}
		if (gw_push(&doc->refs_buf, &r, sizeof r))
			return GW_ERR_NOMEM;
	}
	return GW_OK;
}
