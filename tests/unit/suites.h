/*
 * suites.h — the unit-test suites, one per module, and the helpers they
 * share (testutil.c).
 *
 * Every document parsed with tu_parse() and every string made with
 * tu_render()/tu_dup() is freed by tu_teardown(), so a failing assertion
 * leaks nothing even with CK_FORK=no.
 */
#ifndef GW_TEST_SUITES_H
#define GW_TEST_SUITES_H

#include <check.h>
#include <string.h>

#include "buf.h"
#include "gongwen.h"

Suite *numeral_suite(void);
Suite *utf8_suite(void);
Suite *reader_suite(void);
Suite *tsv_suite(void);
Suite *clean_suite(void);
Suite *meta_suite(void);
Suite *outline_suite(void);
Suite *arena_suite(void);
Suite *units_suite(void);
Suite *dates_suite(void);
Suite *targets_suite(void);
Suite *refs_suite(void);
Suite *store_suite(void);

/* ---- helpers (testutil.c) ------------------------------------------------ */

/* Checked fixture: a fresh context per test, freed with every document. */
void tu_setup(void);
void tu_teardown(void);
/* Add the fixture to a test case. */
void tu_fixture(TCase *tc);

/* Parse a NUL-terminated notice; fails the test unless GW_OK. */
gw_document *tu_parse(const char *text);
/* Parse len bytes and return the status (the document is kept for
 * teardown when there is one). */
gw_status tu_try_parse(const char *bytes, size_t len, gw_diag *diag);

/* A NUL-terminated copy of a view, freed at teardown. */
char *tu_dup(gw_str s);
/* The TSV rows (no header) of one table, freed at teardown. */
char *tu_render(const gw_document *doc, gw_table table);

/* The visible node with this path, or NULL. */
const gw_node *tu_node(const gw_document *doc, const char *path);
/* "1 2 2.1 …": paths of visible nodes in document order (teardown). */
char *tu_paths(const gw_document *doc);

/* Field `col` (0-based) of line `row` (0-based) of a TSV text, unescaped
 * as written (escapes kept); freed at teardown.  NULL when absent. */
char *tu_field(const char *tsv, size_t row, size_t col);

#define ck_assert_gwstr_eq(s, lit)                                            \
	do {                                                                  \
		gw_str s_ = (s);                                              \
		const char *l_ = (lit);                                       \
		ck_assert_msg(s_.len == strlen(l_) &&                         \
				      (s_.len == 0 ||                          \
				       !memcmp(s_.ptr, l_, s_.len)),           \
			      "got \"%.*s\", expected \"%s\"", (int)s_.len,   \
			      s_.ptr ? s_.ptr : "", l_);                      \
	} while (0)

#endif
