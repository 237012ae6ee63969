/*
 * reader.h — from the bytes of a file to UTF-8 text with LF line ends.
 *
 * Owns: the decision which encoding an input is in.  UTF-8 (a BOM is
 * dropped), UTF-16 with a BOM, and GB18030/GBK (tried only when the bytes
 * are not UTF-8 and do not look like damaged UTF-8, or declared by an HTML
 * page) are accepted; NUL bytes
 * mean "not a text file".  CRLF and lone CR become LF.  Every error names
 * the byte offset in the input as given.
 */
#ifndef GW_READER_H
#define GW_READER_H

#include <stddef.h>

#include "gongwen.h"

/* Decode bytes[0..len) into out (appended, NUL-terminated). */
gw_status gw_read_text(const char *bytes, size_t len, gw_buffer *out,
		       gw_diag *diag);

/* Decode bytes[0..len) from a named charset (an HTML page's declared
 * one) into out, as gw_read_text() does.  As browsers do (WHATWG
 * Encoding Standard), gb2312, gbk and the other labels of GBK, and
 * gb18030, are all read as GB18030. */
gw_status gw_read_text_as(const char *charset, const char *bytes, size_t len,
			  gw_buffer *out, gw_diag *diag);

/* Can gw_read_text_as() decode this charset label? */
int gw_charset_known(const char *label);

/* Does the decoded text look like HTML (by content, not by name)? */
int gw_looks_like_html(const char *text, size_t len);

#endif
