/*
 * outline.h — the numbered outline (records.md §2).
 *
 * Owns: the node tree under doc->root and the region/part/node of every
 * logical line.  Markers were recognised by the cleaner; here they are
 * accepted as nodes only when they continue the numbering — the next
 * number under the same parent, 1 under a new parent, or the next number
 * of a sequence that runs on across parents — so that a marker-like
 * string that would break the sequence stays text.  Levels come from the
 * marker's shape and may be skipped.  Text before the first top-level
 * marker is the preamble; the attachment list, the signature, the date
 * and a closing exhortation after the last node are the closing.  When
 * top-level numbering starts again at 1, a new part begins and its paths
 * carry a "k:" prefix.  Struck-out items become deleted nodes: they keep
 * their number in the sequence but produce no records.
 */
#ifndef GW_OUTLINE_H
#define GW_OUTLINE_H

#include "document.h"
#include "regex.h"

typedef struct gw_outline_patterns {
	gw_re *exhortation; /* 各地要…  各有关部门（单位）要…  联系人： */
} gw_outline_patterns;

int gw_outline_patterns_init(gw_outline_patterns *p, gw_diag *diag);
void gw_outline_patterns_free(gw_outline_patterns *p);

gw_status gw_outline(gw_document *doc, const gw_outline_patterns *p);

/* Has the node a child that is not struck out? */
int gw_node_has_visible_child(const gw_node *n);

/* The node's own text in doc->clean without its marker. */
gw_str gw_node_own_text(const gw_document *doc, const gw_node *n);

/* The node's text as written out: its paragraphs in order, each with
 * `space` set where it follows one that holds no sentence end and stops
 * on a letter, digit or character rather than a mark (a heading alone
 * on its line, 牵头单位：市税务局 / 配合单位：…), so that the two are
 * not read as one word.  The parts are views of
 * doc->clean (of doc->struck for a struck-out node, given whole).
 * Returns fn's first non-zero result, else 0. */
typedef int (*gw_text_part_fn)(void *user, gw_str part, int space);
int gw_node_text_parts(const gw_document *doc, const gw_node *n,
		       gw_text_part_fn fn, void *user);

#endif
