/* reader.c — see reader.h. */
#include "reader.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "utf8.h"

/* Bytes that are not UTF-8 after this many well-formed multi-byte
 * sequences are damage in a UTF-8 file, not another encoding. */
enum { UTF8_EVIDENCE = 8 };

static gw_status fail(gw_diag *diag, gw_status st, size_t offset,
		      const char *what)
{
	diag->status = st;
	diag->offset = offset;
	snprintf(diag->message, sizeof diag->message, "%s", what);
	return st;
}

/* Append text with CRLF and CR turned into LF. */
static int put_lf(gw_buffer *out, const char *s, size_t len)
{
	if (gw_buf_reserve(out, len + 1))
		return -1;
	char *d = out->data + out->len;
	size_t i = 0;
	while (i < len) {
		const char *cr = memchr(s + i, '\r', len - i);
		size_t run = cr ? (size_t)(cr - (s + i)) : len - i;
		memcpy(d, s + i, run);
		d += run;
		i += run;
		if (!cr)
			break;
		*d++ = '\n';
		i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
	}
	out->len = (size_t)(d - out->data);
	return gw_buf_terminate(out);
}

/* The labels of the WHATWG Encoding Standard's GBK and gb18030.  Chinese
 * sites declare gb2312 and serve GBK: a name with 珺 (not in GB2312), the
 * em dash A1AA (U+2015 in GB2312 tables, U+2014 in GBK).  Browsers decode
 * every one of these labels with the gb18030 decoder, GBK's superset, and
 * so do we; iconv knows only some of the labels anyway. */
static const char *const gb18030_labels[] = {
	"chinese",   "csgb2312",   "csiso58gb231280", "gb18030", "gb2312",
	"gb_2312",   "gb_2312-80", "gbk",	      "iso-ir-58", "x-gbk",
};

/* The iconv name that decodes a declared charset label. */
static const char *decoder_for(const char *label)
{
	size_t n = sizeof gb18030_labels / sizeof *gb18030_labels;
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(label, gb18030_labels[i]))
			return "GB18030";
	return label;
}

int gw_charset_known(const char *label)
{
	iconv_t cd = iconv_open("UTF-8", decoder_for(label));
	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

/* The gb18030 decoder of the WHATWG standard takes a lone 0x80 (the euro
 * sign of Windows code page 936) as U+20AC; iconv's GB18030 refuses it. */
static int is_gb18030_euro(const char *from, const char *in)
{
	return (unsigned char)*in == 0x80 && !strcmp(from, "GB18030");
}

/* Convert with iconv into a scratch buffer.  On an invalid sequence
 * returns -1 with *bad set to its input offset; -2 when out of memory. */
static int convert(const char *from, const char *bytes, size_t len,
		   gw_buffer *tmp, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -1;
	char *in = (char *)bytes;
	size_t inleft = len;
	int rc = 0;
	while (inleft) {
		if (gw_buf_reserve(tmp, inleft * 2 + 16)) {
			rc = -2;
			break;
		}
		char *o = tmp->data + tmp->len;
		size_t oleft = tmp->cap - tmp->len - 1;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		tmp->len = (size_t)(o - tmp->data);
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (!is_gb18030_euro(from, in)) {
			*bad = (size_t)(in - bytes);
			rc = -1;
			break;
		}
		if (gw_buf_put(tmp, "\xE2\x82\xAC", 3)) {
			rc = -2;
			break;
		}
		in++;
		inleft--;
	}
	iconv_close(cd);
	return rc;
}

static gw_status decode_with(const char *from, const char *bytes, size_t len,
			     size_t base, gw_buffer *out, gw_diag *diag,
			     const char *what)
{
	gw_buffer tmp = {0};
	size_t bad = 0;
	int rc = convert(from, bytes, len, &tmp, &bad);
	gw_status st = GW_OK;
	if (rc == -2) {
		st = fail(diag, GW_ERR_NOMEM, GW_NO_OFFSET, "out of memory");
	} else if (rc == -1) {
		st = fail(diag, GW_ERR_ENCODING, base + bad, what);
	} else if (tmp.len && memchr(tmp.data, 0, tmp.len)) {
		st = fail(diag, GW_ERR_BINARY, GW_NO_OFFSET,
			  "not a text file (NUL character)");
	} else if (put_lf(out, tmp.data, tmp.len)) {
		st = fail(diag, GW_ERR_NOMEM, GW_NO_OFFSET, "out of memory");
	}
	gw_buffer_free(&tmp);
	return st;
}

gw_status gw_read_text(const char *bytes, size_t len, gw_buffer *out,
		       gw_diag *diag)
{
	const unsigned char *u = (const unsigned char *)bytes;
	if (len > GW_MAX_INPUT)
		return fail(diag, GW_ERR_TOO_LARGE, GW_NO_OFFSET,
			    "input larger than 1 GiB");
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return decode_with("UTF-16LE", bytes + 2, len - 2, 2, out,
				   diag, "invalid UTF-16LE sequence");
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return decode_with("UTF-16BE", bytes + 2, len - 2, 2, out,
				   diag, "invalid UTF-16BE sequence");
	size_t base = 0;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		base = 3;
	const char *s = bytes + base;
	size_t n = len - base;
	const char *nul = memchr(s, '\0', n);
	if (nul)
		return fail(diag, GW_ERR_BINARY, base + (size_t)(nul - s),
			    "not a text file (NUL byte)");
	size_t bad = gw_utf8_validate(s, n);
	if (bad == n) {
		if (put_lf(out, s, n))
			return fail(diag, GW_ERR_NOMEM, GW_NO_OFFSET,
				    "out of memory");
		return GW_OK;
	}
	if (gw_utf8_count_multibyte(s, bad) >= UTF8_EVIDENCE)
		return fail(diag, GW_ERR_ENCODING, base + bad,
			    "invalid UTF-8 sequence");
	gw_status st = decode_with("GB18030", s, n, base, out, diag,
				   "invalid UTF-8 sequence (and not GB18030 "
				   "either)");
	if (st == GW_ERR_ENCODING)
		diag->offset = base + bad; /* the first byte UTF-8 refuses */
	return st;
}

gw_status gw_read_text_as(const char *charset, const char *bytes, size_t len,
			  gw_buffer *out, gw_diag *diag)
{
	char what[96];
	const char *from = decoder_for(charset);
	if (len > GW_MAX_INPUT)
		return fail(diag, GW_ERR_TOO_LARGE, GW_NO_OFFSET,
			    "input larger than 1 GiB");
	if (from == charset)
		snprintf(what, sizeof what,
			 "invalid %.40s sequence (declared charset)", charset);
	else
		snprintf(what, sizeof what,
			 "invalid %.40s sequence (declared charset, read as %s)",
			 charset, from);
	return decode_with(from, bytes, len, 0, out, diag, what);
}

static size_t skip_blanks(const char *text, size_t len, size_t i)
{
	while (i < len && (text[i] == ' ' || text[i] == '\t' ||
			   text[i] == '\n' || text[i] == '\r'))
		i++;
	return i;
}

/* After an XML declaration <?xml …?> at text[i] (an XHTML page's
 * prolog), the offset of what follows it and the blanks after it; i
 * when there is none within the first 512 bytes. */
static size_t skip_xml_decl(const char *text, size_t len, size_t i)
{
	size_t n = len - i < 512 ? len - i : 512;
	if (n < 6 || strncmp(text + i, "<?xml", 5) ||
	    (text[i + 5] != ' ' && text[i + 5] != '\t' && text[i + 5] != '\n' &&
	     text[i + 5] != '\r'))
		return i;
	for (size_t k = 5; k + 1 < n; k++)
		if (text[i + k] == '?' && text[i + k + 1] == '>')
			return skip_blanks(text, len, i + k + 2);
	return i;
}

int gw_looks_like_html(const char *text, size_t len)
{
	size_t i = skip_blanks(text, len, 0);
	i = skip_xml_decl(text, len, i);
	if (i == len || text[i] != '<')
		return 0;
	size_t n = len - i < 512 ? len - i : 512;
	static const char *const tags[] = {"<!doctype html", "<html",
					   "<head", "<meta", "<body",
					   "<!--"};
	for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
		size_t k = strlen(tags[t]);
		if (n >= k && !strncasecmp(text + i, tags[t], k))
			return 1;
	}
	return 0;
}
