/*
 * html.h — the text of a saved government web page.
 *
 * Owns: the decision which parts of an HTML page are the notice.  The
 * page is parsed by libxml2's HTML parser (recovering, no network, no
 * entity loading, no error output) and its body walked in document order:
 *   - skipped: <head>, script, style, noscript, template, nav, aside,
 *     form controls, embedded objects; <header>/<footer> outside an
 *     <article>/<main>; elements hidden (hidden, display:none) or marked as
 *     navigation by role= or by a class/id word (nav, menu, breadcrumb,
 *     sidebar, share, print, toolbar, pagination, copyright …);
 *   - a line of links only, or of a link list's label (上一篇： 相关链接：
 *     当前位置：) and links, is dropped;
 *   - block elements (p div li h1–h6 tr table section …) and <br> end a
 *     line; whitespace inside text collapses to one space; &nbsp; is a
 *     space; <pre> keeps its line breaks;
 *   - table cells are lines of their own, except that a cell after a label
 *     cell (one ending in ：or :, or a <th>) continues the label's line, so
 *     a gov.cn metadata row <td>发文字号：</td><td>国办发〔2020〕25号</td>
 *     becomes the line 发文字号：国办发〔2020〕25号.
 * The text then goes through the same pipeline as a plain-text notice.
 */
#ifndef GW_HTML_H
#define GW_HTML_H

#include <stddef.h>

#include "gongwen.h"

/* Text of the UTF-8 page html[0..len), appended to out (NUL-terminated),
 * one line per block, LF line ends. */
gw_status gw_html_to_text(const char *html, size_t len, gw_buffer *out,
			  gw_diag *diag);

/* The charset the raw bytes of a page declare in <meta charset=…> or
 * <meta http-equiv="Content-Type" content="…; charset=…"> within the
 * first 4096 bytes, when gw_read_text_as() can decode it: copied into name
 * (at most size bytes) and 1 returned; else 0.  Not an HTML page: 0. */
int gw_html_declared_charset(const char *bytes, size_t len, char *name,
			     size_t size);

#endif
