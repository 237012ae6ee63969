/*
 * test_store.c — the SQLite index layer (src/store.c).
 *
 * Every test works on its own database file under $TMPDIR.  Where the
 * extractors do not fill units or deadlines yet, the tests write those
 * rows with sqlite3 directly, to exercise the search filters.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gongwen.h"
#include "store.h"
#include "suites.h"
#include "tsv.h"


static const char notice_a[] =
	"关于做好医保工作的通知\n\n"
	"一、总体要求\n"
	"（一）推进DRG付费改革。加强医保基金监管，100%覆盖_率。\n"
	"（二）完善药品集中带量采购。\n"
	"二、保障措施\n"
	"（一）加强组织领导。\n";

static const char notice_b[] =
	"关于卫生健康工作的通知\n\n"
	"一、重点任务\n"
	"（一）建设紧密型县域医共体。\n"
	"（二）开展\"三医联动\"改革。\n";

static char db_path[256];
static gw_context *ctx;

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(db_path, sizeof db_path, "%s/gw-store-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(db_path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(db_path); /* the store creates it */
	gw_diag d;
	ctx = gw_context_new(&d);
	ck_assert_ptr_nonnull(ctx);
}

static void teardown(void)
{
	char p[300];
	unlink(db_path);
	snprintf(p, sizeof p, "%s-wal", db_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db_path);
	unlink(p);
	gw_context_free(ctx);
}

static gw_store *open_store(void)
{
	gw_store *s;
	gw_store_diag d;
	gw_store_status st = gw_store_open(db_path, GW_STORE_CREATE, 1000, &s,
					   &d);
	ck_assert_msg(st == GW_STORE_OK, "open: %s", d.message);
	return s;
}

static gw_document *parse(const char *text, const char *id)
{
	gw_document *doc;
	gw_diag d;
	ck_assert_int_eq(gw_document_parse(ctx, text, strlen(text), id, &doc,
					   &d),
			 GW_OK);
	return doc;
}

static gw_store_file info(int64_t size, uint64_t hash)
{
	gw_store_file f = {size, 1000 + size, hash, 1, GW_FILE_INDEXED, 1};
	return f;
}

static void put(gw_store *s, const char *path, const char *text,
		const char *id)
{
	gw_document *doc = parse(text, id);
	gw_store_file f = info((int64_t)strlen(text), 42);
	gw_store_diag d;
	ck_assert_msg(gw_store_put(s, path, &f, doc, &d) == GW_STORE_OK,
		      "put: %s", d.message);
	gw_document_free(doc);
}

/* Run SQL on the index file through a second connection. */
static void sql(const char *q)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 1000);
	char *err = NULL;
	int rc = sqlite3_exec(db, q, NULL, NULL, &err);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", q, err ? err : "");
	sqlite3_close(db);
}

/* The TSV rows a query selects (no header), in a buffer to free. */
static char *search(gw_store *s, const gw_store_query *q)
{
	gw_buffer out = {0};
	gw_store_diag d;
	ck_assert_msg(gw_store_search(s, q, gw_tsv_put_row, &out, &d) ==
			      GW_STORE_OK,
		      "search: %s", d.message);
	int64_t n = -1;
	ck_assert(gw_store_count(s, q, &n, &d) == GW_STORE_OK);
	int64_t lines = 0;
	for (size_t i = 0; i < out.len; i++)
		lines += out.data[i] == '\n';
	ck_assert_int_eq(n, lines); /* --count agrees with the rows */
	char *str = malloc(out.len + 1);
	memcpy(str, out.data ? out.data : "", out.len);
	str[out.len] = 0;
	gw_buffer_free(&out);
	return str;
}

static int64_t count(gw_store *s, gw_table t, const char *text)
{
	gw_store_query q = {t, text, NULL, NULL, NULL, NULL};
	int64_t n = -1;
	gw_store_diag d;
	ck_assert_msg(gw_store_count(s, &q, &n, &d) == GW_STORE_OK, "%s",
		      d.message);
	return n;
}

/* ---- opening ------------------------------------------------------------ */

START_TEST(test_create_and_reopen)
{
	gw_store *s;
	gw_store_diag d;
	ck_assert_int_eq(gw_store_open(db_path, 0, 100, &s, &d),
			 GW_STORE_NOTFOUND);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(d.message, "gongwen index"));
	s = open_store();
	gw_store_close(s);
	ck_assert_int_eq(gw_store_open(db_path, 0, 100, &s, &d), GW_STORE_OK);
	gw_store_close(s);
	/* WAL, and the schema version in user_version */
	sqlite3 *db;
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), GW_STORE_SCHEMA);
	sqlite3_finalize(st);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_columns_mirror_tsv)
{
	gw_store_close(open_store());
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		char q[64];
		snprintf(q, sizeof q, "PRAGMA table_info(%s)",
			 gw_table_name((gw_table)t));
		sqlite3_stmt *st;
		sqlite3_prepare_v2(db, q, -1, &st, NULL);
		const char *const *cols;
		size_t n = gw_table_columns((gw_table)t, &cols);
		for (size_t i = 0; i < n; i++) {
			ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
			ck_assert_str_eq(
				(const char *)sqlite3_column_text(st, 1),
				cols[i]);
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
}
END_TEST

START_TEST(test_other_version_refused)
{
	gw_store_close(open_store());
	sql("PRAGMA user_version = 99");
	gw_store *s;
	gw_store_diag d;
	ck_assert_int_eq(gw_store_open(db_path, GW_STORE_CREATE, 100, &s, &d),
			 GW_STORE_VERSION);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(d.message, "version 99"));
}
END_TEST

START_TEST(test_drifted_columns_refused)
{
	gw_store_close(open_store());
	sql("ALTER TABLE nodes ADD COLUMN extra TEXT");
	gw_store *s;
	gw_store_diag d;
	ck_assert_int_eq(gw_store_open(db_path, GW_STORE_CREATE, 100, &s, &d),
			 GW_STORE_VERSION);
	ck_assert_ptr_nonnull(strstr(d.message, "nodes"));
}
END_TEST

START_TEST(test_foreign_database_refused)
{
	sql("CREATE TABLE t(x)");
	gw_store *s;
	gw_store_diag d;
	ck_assert_int_eq(gw_store_open(db_path, GW_STORE_CREATE, 100, &s, &d),
			 GW_STORE_VERSION);
	ck_assert_ptr_nonnull(strstr(d.message, "not a gongwen index"));
}
END_TEST

START_TEST(test_not_a_database)
{
	FILE *f = fopen(db_path, "w");
	fputs("this is a text file, not a database, long enough to have a "
	      "header of one hundred bytes and some more text after it.\n",
	      f);
	fclose(f);
	gw_store *s;
	gw_store_diag d;
	ck_assert_int_eq(gw_store_open(db_path, GW_STORE_CREATE, 100, &s, &d),
			 GW_STORE_ERROR);
	ck_assert_ptr_nonnull(strstr(d.message, db_path));
}
END_TEST

/* ---- writing ------------------------------------------------------------ */

START_TEST(test_rows_equal_tsv)
{
	gw_store *s = open_store();
	put(s, "/x/a.txt", notice_a, "a");
	gw_document *doc = parse(notice_a, "a");
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		gw_buffer want = {0};
		ck_assert_int_eq(gw_render_tsv(doc, (gw_table)t, &want), GW_OK);
		gw_store_query q = {(gw_table)t, NULL, NULL, NULL, NULL, NULL};
		char *got = search(s, &q);
		ck_assert_int_eq(strlen(got), want.len);
		ck_assert(!want.len || !memcmp(got, want.data, want.len));
		free(got);
		gw_buffer_free(&want);
	}
	gw_document_free(doc);
	gw_store_close(s);
}
END_TEST

START_TEST(test_lookup_touch_remove)
{
	gw_store *s = open_store();
	gw_store_file f;
	gw_store_diag d;
	int found = 1;
	ck_assert_int_eq(gw_store_lookup(s, "/x/a.txt", &f, &found, &d),
			 GW_STORE_OK);
	ck_assert_int_eq(found, 0);
	put(s, "/x/a.txt", notice_a, "a");
	ck_assert_int_eq(gw_store_lookup(s, "/x/a.txt", &f, &found, &d),
			 GW_STORE_OK);
	ck_assert_int_eq(found, 1);
	ck_assert_int_eq(f.size, (int64_t)strlen(notice_a));
	ck_assert_int_eq(f.mtime_ns, 1000 + (int64_t)strlen(notice_a));
	ck_assert(f.has_hash && f.hash == 42);
	ck_assert_int_eq(f.state, GW_FILE_INDEXED);
	ck_assert(f.current_parser);

	ck_assert_int_eq(gw_store_touch(s, "/x/a.txt", 7, 8, &d), GW_STORE_OK);
	gw_store_lookup(s, "/x/a.txt", &f, &found, &d);
	ck_assert(f.size == 7 && f.mtime_ns == 8 && f.hash == 42);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, NULL), 5);

	ck_assert_int_eq(gw_store_remove(s, "/x/a.txt", &d), GW_STORE_OK);
	gw_store_lookup(s, "/x/a.txt", &f, &found, &d);
	ck_assert_int_eq(found, 0);
	for (int t = 0; t < GW_TABLE_COUNT; t++)
		ck_assert_int_eq(count(s, (gw_table)t, NULL), 0);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "DRG付费"), 0);
	gw_store_close(s);
}
END_TEST

START_TEST(test_replace_document)
{
	gw_store *s = open_store();
	put(s, "/x/a.txt", notice_a, "a");
	put(s, "/x/b.txt", notice_b, "b");
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "DRG付费"), 1);
	put(s, "/x/a.txt", notice_b, "a"); /* a.txt now holds notice b */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "DRG付费"), 0);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "医共体"), 2);
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 2);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, NULL), 6);
	/* the FTS index agrees with its content table */
	sql("INSERT INTO nodes_fts(nodes_fts) VALUES ('integrity-check')");
	gw_store_close(s);
}
END_TEST

START_TEST(test_skipped_file)
{
	gw_store *s = open_store();
	put(s, "/x/a.txt", notice_a, "a");
	gw_store_file f = {10, 20, 0, 0, GW_FILE_SKIPPED, 1};
	gw_store_diag d;
	ck_assert_int_eq(gw_store_put(s, "/x/a.txt", &f, NULL, &d),
			 GW_STORE_OK);
	int found;
	gw_store_lookup(s, "/x/a.txt", &f, &found, &d);
	ck_assert(found && f.state == GW_FILE_SKIPPED && !f.has_hash);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, NULL), 0);
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 0);
	gw_store_close(s);
}
END_TEST

START_TEST(test_failed_file)
{
	/* a file that became unreadable or empty: recorded as failed,
	 * without its old rows */
	gw_store *s = open_store();
	put(s, "/x/a.txt", notice_a, "a");
	gw_store_file f = {0, 30, 0, 0, GW_FILE_FAILED, 1};
	gw_store_diag d;
	ck_assert_int_eq(gw_store_put(s, "/x/a.txt", &f, NULL, &d),
			 GW_STORE_OK);
	int found;
	gw_store_lookup(s, "/x/a.txt", &f, &found, &d);
	ck_assert(found && f.state == GW_FILE_FAILED);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, NULL), 0);
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 0);
	gw_store_close(s);
}
END_TEST

/* A change that fails half-way leaves no rows: on its own, and inside a
 * batch, where it takes the whole batch with it. */
START_TEST(test_failed_change_leaves_nothing)
{
	gw_store *s = open_store();
	put(s, "/x/b.txt", notice_b, "b");
	sql("CREATE TRIGGER boom BEFORE INSERT ON nodes WHEN new.path = '2.1'"
	    " BEGIN SELECT RAISE(ABORT, 'boom'); END");
	gw_document *doc = parse(notice_a, "a");
	gw_store_file f = info(1, 1);
	gw_store_diag d;
	ck_assert_int_eq(gw_store_put(s, "/x/a.txt", &f, doc, &d),
			 GW_STORE_ERROR);
	ck_assert_ptr_nonnull(strstr(d.message, "boom"));
	int found;
	gw_store_file g;
	gw_store_lookup(s, "/x/a.txt", &g, &found, &d);
	ck_assert_int_eq(found, 0);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, NULL), 3);

	ck_assert_int_eq(gw_store_begin(s, &d), GW_STORE_OK);
	put(s, "/x/c.txt", notice_b, "c");
	ck_assert_int_eq(gw_store_put(s, "/x/a.txt", &f, doc, &d),
			 GW_STORE_ERROR);
	ck_assert_int_eq(gw_store_commit(s, &d), GW_STORE_ERROR);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, NULL), 3); /* b only */
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 1);
	gw_document_free(doc);
	sql("INSERT INTO nodes_fts(nodes_fts) VALUES ('integrity-check')");
	gw_store_close(s);
}
END_TEST

/* In one batch: a document added, replaced and removed again, and one
 * committed earlier replaced: nodes_fts must follow every step. */
START_TEST(test_batch_fts_consistent)
{
	gw_store *s = open_store();
	gw_store_diag d;
	put(s, "/x/a.txt", notice_a, "a");
	ck_assert_int_eq(gw_store_begin(s, &d), GW_STORE_OK);
	put(s, "/x/b.txt", notice_b, "b");
	put(s, "/x/b.txt", notice_a, "b");
	put(s, "/x/a.txt", notice_b, "a");
	put(s, "/x/c.txt", notice_a, "c");
	ck_assert_int_eq(gw_store_remove(s, "/x/c.txt", &d), GW_STORE_OK);
	ck_assert_int_eq(gw_store_commit(s, &d), GW_STORE_OK);
	sql("INSERT INTO nodes_fts(nodes_fts) VALUES ('integrity-check')");
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "DRG付费"), 1);  /* b */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "县域医共体"), 1); /* a */
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 2);
	/* a rolled-back batch leaves the index as it was */
	ck_assert_int_eq(gw_store_begin(s, &d), GW_STORE_OK);
	put(s, "/x/d.txt", notice_a, "d");
	gw_store_rollback(s);
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 2);
	sql("INSERT INTO nodes_fts(nodes_fts) VALUES ('integrity-check')");
	gw_store_close(s);
}
END_TEST

static int keep_a(const char *path, void *user)
{
	(*(int *)user)++;
	return strstr(path, "a.txt") != NULL;
}

START_TEST(test_prune)
{
	gw_store *s = open_store();
	put(s, "/x/a.txt", notice_a, "a");
	put(s, "/x/b.txt", notice_b, "b");
	put(s, "/x/c.txt", notice_b, "c");
	size_t removed = 0;
	int asked = 0;
	gw_store_diag d;
	ck_assert_int_eq(gw_store_prune(s, keep_a, &asked, &removed, &d),
			 GW_STORE_OK);
	ck_assert_int_eq(asked, 3);
	ck_assert_int_eq(removed, 2);
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 1);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "医共体"), 0);
	gw_store_close(s);
}
END_TEST

/* A second connection waits for the write lock up to its busy timeout,
 * then fails with a message instead of hanging or printing. */
START_TEST(test_locked_index)
{
	gw_store *a = open_store(), *b;
	gw_store_diag d;
	ck_assert_int_eq(gw_store_open(db_path, GW_STORE_CREATE, 50, &b, &d),
			 GW_STORE_OK);
	ck_assert_int_eq(gw_store_begin(a, &d), GW_STORE_OK);
	ck_assert_int_eq(gw_store_begin(b, &d), GW_STORE_ERROR);
	ck_assert_ptr_nonnull(strstr(d.message, "locked"));
	/* readers are not blocked by the writer (WAL) */
	ck_assert_int_eq(count(b, GW_TABLE_DOCS, NULL), 0);
	ck_assert_int_eq(gw_store_commit(a, &d), GW_STORE_OK);
	ck_assert_int_eq(gw_store_begin(b, &d), GW_STORE_OK);
	ck_assert_int_eq(gw_store_commit(b, &d), GW_STORE_OK);
	gw_store_close(a);
	gw_store_close(b);
}
END_TEST

/* ---- search ------------------------------------------------------------- */

static gw_store *two_docs(void)
{
	gw_store *s = open_store();
	put(s, "/x/b.txt", notice_b, "b");
	put(s, "/x/a.txt", notice_a, "a");
	return s;
}

START_TEST(test_query_lengths)
{
	gw_store *s = two_docs();
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "医保基金"), 1); /* 4: FTS */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "采购"), 1);	  /* 2: LIKE */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "医"), 3);	  /* 1: LIKE */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "DRG"), 1);	  /* 3: FTS */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "drg"), 1);	  /* case */
	ck_assert_int_eq(count(s, GW_TABLE_NODES,
			       "推进DRG付费改革。加强医保基金监管"),
			 1);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "医保局长"), 0);
	/* every word must occur; short and long words mix */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "DRG 监管"), 1);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "DRG　采购"), 0); /* U+3000 */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "  "), 8); /* none */
	gw_store_close(s);
}
END_TEST

START_TEST(test_query_quoting)
{
	gw_store *s = two_docs();
	/* FTS5 syntax and LIKE wildcards are taken literally */
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "\"三医联动\""), 1);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "三医\"联动"), 0);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "AND OR NOT"), 0);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "医保*"), 0);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "%"), 1);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "_率"), 1);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "_"), 1);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "%覆盖_"), 1);
	ck_assert_int_eq(count(s, GW_TABLE_NODES, "\\"), 0);
	gw_store_close(s);
}
END_TEST

START_TEST(test_query_other_tables)
{
	gw_store *s = two_docs();
	gw_store_query q = {GW_TABLE_DOCS, "DRG付费", NULL, NULL, NULL, NULL};
	char *got = search(s, &q);
	ck_assert_str_eq(got, "a\t关于做好医保工作的通知\t\t\t\t\t\tfinal\t\t\t5\t3\n");
	free(got);
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, "通知"), 0); /* nodes only */
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, "加强"), 1);
	gw_store_close(s);
}
END_TEST

static const char notice_c[] =
	"关于医保局工作的通知\n\n"
	"一、任务\n"
	"（一）其他内容其他内容其他内容其他内容其他内容其他内容，医保局。\n"
	"（二）医保局医保局医保局。\n";

START_TEST(test_ranking_and_order)
{
	gw_store *s = two_docs();
	put(s, "/x/c.txt", notice_c, "c");
	/* no query: by source path, then document order */
	gw_store_query q = {GW_TABLE_NODES, NULL, NULL, NULL, NULL, NULL};
	char *got = search(s, &q);
	ck_assert(!strncmp(got, "a\t1\t", 4));
	ck_assert_ptr_nonnull(strstr(got, "\nb\t1\t"));
	ck_assert_ptr_nonnull(strstr(got, "\nc\t1.2\t"));
	free(got);
	/* bm25: the short node saying it three times ranks first */
	q.text = "医保局";
	got = search(s, &q);
	ck_assert(!strncmp(got, "c\t1.2\t", 6));
	ck_assert_ptr_nonnull(strstr(got, "\nc\t1.1\t"));
	free(got);
	/* a short word does not rank: document order */
	q.text = "医保";
	got = search(s, &q);
	ck_assert(!strncmp(got, "a\t1.1\t", 6));
	free(got);
	q.text = "联动\"改革";
	got = search(s, &q);
	ck_assert(!strncmp(got, "b\t1.2\t", 6));
	free(got);
	gw_store_close(s);
}
END_TEST

/* A store opened for searching reads, and refuses every write. */
START_TEST(test_read_only)
{
	gw_store_close(two_docs());
	gw_store *s;
	gw_store_diag d;
	ck_assert_int_eq(gw_store_open(db_path, GW_STORE_READONLY, 100, &s,
				       &d),
			 GW_STORE_OK);
	gw_store_query q = {GW_TABLE_DOCS, NULL, NULL, NULL, NULL, NULL};
	char *got = search(s, &q);
	ck_assert_ptr_nonnull(strstr(got, "a\t"));
	ck_assert_ptr_nonnull(strstr(got, "b\t"));
	free(got);
	gw_store_file f = info(1, 1);
	gw_document *doc = parse(notice_a, "c");
	ck_assert_int_eq(gw_store_put(s, "/x/c.txt", &f, doc, &d),
			 GW_STORE_ERROR);
	ck_assert_ptr_nonnull(strstr(d.message, "read-only"));
	gw_document_free(doc);
	ck_assert_int_eq(gw_store_remove(s, "/x/a.txt", &d), GW_STORE_ERROR);
	ck_assert_int_eq(gw_store_touch(s, "/x/a.txt", 1, 1, &d),
			 GW_STORE_ERROR);
	ck_assert_int_eq(gw_store_begin(s, &d), GW_STORE_ERROR);
	int found;
	ck_assert_int_eq(gw_store_lookup(s, "/x/a.txt", &f, &found, &d),
			 GW_STORE_ERROR);
	gw_store_close(s);
	/* and nothing was written */
	s = open_store();
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 2);
	gw_store_close(s);
}
END_TEST

START_TEST(test_cache)
{
	/* a process that has not used SQLite yet (whatever ran before in
	 * this one has closed its stores) */
	ck_assert_int_eq(sqlite3_shutdown(), SQLITE_OK);
	gw_store_cache c, late;
	ck_assert_int_eq(gw_store_cache_reserve(&c, 0), -1);
	ck_assert_ptr_null(c.mem);
	ck_assert_int_eq(gw_store_cache_reserve(&c, 16), 0);
	ck_assert_ptr_nonnull(c.mem);
	gw_store *s = two_docs();
	/* too late once SQLite is in use */
	ck_assert_int_eq(gw_store_cache_reserve(&late, 16), -1);
	ck_assert_ptr_null(late.mem);
	int used, most;
	ck_assert_int_eq(sqlite3_status(SQLITE_STATUS_PAGECACHE_USED, &used,
					&most, 0),
			 SQLITE_OK);
	ck_assert_int_gt(most, 0); /* its pages came from the reserve */
	ck_assert_int_le(most, 16);
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 2);
	gw_store_close(s);
	gw_store_cache_release(&c);
	ck_assert_ptr_null(c.mem);
	gw_store_cache_release(&c); /* twice is harmless */
	/* and SQLite goes on without it */
	s = open_store();
	ck_assert_int_eq(count(s, GW_TABLE_DOCS, NULL), 2);
	gw_store_close(s);
}
END_TEST

START_TEST(test_filters)
{
	gw_store *s = two_docs();
	/* as the extractors will write them (ids after theirs) */
	sql("INSERT INTO units (doc, path, role, unit, file_id, id)"
	    " SELECT 'a', '1.1', 'lead', '省医保局', id, 101 FROM files"
	    " WHERE doc = 'a';"
	    "INSERT INTO units (doc, path, role, unit, file_id, id)"
	    " SELECT 'a', '1.1', 'coop', '市卫生健康委', id, 102 FROM files"
	    " WHERE doc = 'a';"
	    "INSERT INTO units (doc, path, role, unit, file_id, id)"
	    " SELECT 'a', '1.2', 'resp', '市医保局', id, 103 FROM files"
	    " WHERE doc = 'a';"
	    "INSERT INTO units (doc, path, role, unit, file_id, id)"
	    " SELECT 'b', '1.1', 'lead', '县医保局', id, 104 FROM files"
	    " WHERE doc = 'b';"
	    "UPDATE nodes SET deadlines = '2022-12-31|年底前'"
	    " WHERE doc = 'a' AND path = '1.1';"
	    "UPDATE nodes SET deadlines = '|年内;2023-06-30|明年6月底前'"
	    " WHERE doc = 'a' AND path = '1.2';"
	    "UPDATE nodes SET deadlines = '2024-01-01|到2024年'"
	    " WHERE doc = 'b' AND path = '1.1';");
	gw_store_query q = {GW_TABLE_NODES, NULL, "医保局", NULL, NULL, NULL};
	int64_t n;
	gw_store_diag d;
#define COUNT(expect)                                                        \
	do {                                                                 \
		ck_assert(gw_store_count(s, &q, &n, &d) == GW_STORE_OK);     \
		ck_assert_int_eq(n, expect);                                 \
	} while (0)
	COUNT(3); /* 省医保局, 市医保局, 县医保局 */
	q.role = "lead";
	COUNT(2);
	q.doc = "a";
	COUNT(1);
	q.text = "DRG";
	COUNT(1);
	q.text = "采购";
	COUNT(0);
	q.text = NULL;
	q.doc = NULL;
	q.unit = "卫生健康委";
	q.role = "coop";
	COUNT(1);
	q.unit = NULL;
	q.role = "resp";
	COUNT(1);
	q.role = NULL;
	q.due_before = "2022-12-31"; /* on or before */
	COUNT(1);
	q.due_before = "2022-12-30";
	COUNT(0);
	q.due_before = "2023-12-31";
	COUNT(2);
	q.unit = "医保局";
	q.role = "lead";
	COUNT(1);
	/* units rows themselves are filtered by --unit and --role */
	q.table = GW_TABLE_UNITS;
	q.due_before = NULL;
	char *got = search(s, &q);
	ck_assert_str_eq(got, "a\t1.1\tlead\t省医保局\n"
			      "b\t1.1\tlead\t县医保局\n");
	free(got);
	q.role = NULL;
	q.unit = NULL;
	q.text = "DRG";
	got = search(s, &q); /* units of the matching node */
	ck_assert_str_eq(got, "a\t1.1\tlead\t省医保局\n"
			      "a\t1.1\tcoop\t市卫生健康委\n");
	free(got);
	q.table = GW_TABLE_DOCS;
	q.text = NULL;
	q.unit = "县医保局";
	COUNT(1);
	q.due_before = "20x2-01-01";
	ck_assert(gw_store_count(s, &q, &n, &d) == GW_STORE_ERROR);
#undef COUNT
	gw_store_close(s);
}
END_TEST

Suite *store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("open");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_create_and_reopen);
	tcase_add_test(tc, test_columns_mirror_tsv);
	tcase_add_test(tc, test_other_version_refused);
	tcase_add_test(tc, test_drifted_columns_refused);
	tcase_add_test(tc, test_foreign_database_refused);
	tcase_add_test(tc, test_not_a_database);
	suite_add_tcase(s, tc);

	tc = tcase_create("write");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_rows_equal_tsv);
	tcase_add_test(tc, test_lookup_touch_remove);
	tcase_add_test(tc, test_replace_document);
	tcase_add_test(tc, test_skipped_file);
	tcase_add_test(tc, test_failed_file);
	tcase_add_test(tc, test_failed_change_leaves_nothing);
	tcase_add_test(tc, test_batch_fts_consistent);
	tcase_add_test(tc, test_prune);
	tcase_add_test(tc, test_locked_index);
	suite_add_tcase(s, tc);

	tc = tcase_create("search");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_query_lengths);
	tcase_add_test(tc, test_query_quoting);
	tcase_add_test(tc, test_query_other_tables);
	tcase_add_test(tc, test_ranking_and_order);
	tcase_add_test(tc, test_filters);
	tcase_add_test(tc, test_read_only);
	tcase_add_test(tc, test_cache);
	suite_add_tcase(s, tc);
	return s;
}
