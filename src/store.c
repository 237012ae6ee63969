/*
 * store.c — the SQLite index; see store.h.
 *
 * Schema (version GW_STORE_SCHEMA, in PRAGMA user_version):
 *
 *   files(id, path UNIQUE, size, mtime [ns], hash [XXH3-64 hex],
 *         indexed_at [ISO UTC], doc, state [indexed|skipped|failed],
 *         parser)
 *   docs, nodes(<the TSV columns, all TEXT>, file_id -> files.id,
 *         id INTEGER PRIMARY KEY), indexed on (file_id[, path])
 *   units, targets, refs(<the TSV columns>, file_id, id [the row's place
 *         in its document]) WITHOUT ROWID, keyed (file_id, path, id)
 *   nodes_fts  fts5(text; content=nodes, tokenize=trigram case_sensitive,
 *              detail=none), kept in step with nodes by gw_store_put and
 *              gw_store_remove.  Only text: the heading is made from it
 *              (its first sentence without the unit clauses), and a
 *              second column cost a tenth more index time.  detail=none
 *              stores which rows hold a trigram, not where: a third of
 *              the size and half the time of a full index.  A substring
 *              query is therefore its trigrams ANDed (the candidates) and
 *              gw_contains() on the row (the answer); see
 *              q_selected_nodes() and put_trigram().
 *
 * Pages are 16 KiB: the tables hold long text rows, and bulk inserts
 * take half the time they take with 4 KiB pages.
 *
 * The data tables are created from gw_table_columns(), and every open
 * compares them with it, so the index can never drift from the TSV.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_POPULATE */
#include "store.h"

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "utf8.h"

/* The page size of every index this version creates (see above). */
#define PAGE_BYTES 16384
#define STRINGIFY(x) #x
#define TO_TEXT(x) STRINGIFY(x)

struct gw_store {
	sqlite3 *db;
	int read_only; /* GW_STORE_READONLY: no writing statements */
	int in_batch, batch_failed;
	sqlite3_int64 fts_pending; /* first nodes.id not in nodes_fts, or 0 */
	sqlite3_stmt *lookup, *file_id, *file_insert, *file_update, *touch,
		*file_delete, *fts_add, *fts_del;
	sqlite3_stmt *ins[GW_TABLE_COUNT], *del[GW_TABLE_COUNT];
};

/* ---- errors -------------------------------------------------------------- */

static gw_store_status fail(gw_store_diag *d, gw_store_status st,
			    const char *fmt, ...)
{
	if (d) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(d->message, sizeof d->message, fmt, ap);
		va_end(ap);
		d->status = st;
	}
	return st;
}

static gw_store_status db_fail(gw_store *s, gw_store_diag *d,
			       const char *what)
{
	int rc = sqlite3_extended_errcode(s->db);
	return fail(d, rc == SQLITE_NOMEM ? GW_STORE_NOMEM : GW_STORE_ERROR,
		    "%s: %s", what, sqlite3_errmsg(s->db));
}

static int exec(gw_store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0
									: -1;
}

/* exec, retried while the database is busy: some steps of opening (the
 * switch to WAL on a new file, the first read of a schema being created)
 * can return SQLITE_BUSY without calling the busy handler. */
static int exec_retry(gw_store *s, const char *sql, int busy_ms)
{
	for (int waited = 0;; waited += 20) {
		int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			return -1;
		if (waited >= busy_ms)
			return -1;
		sqlite3_sleep(20);
	}
}

/* Run a prepared statement that returns no rows, then reset it. */
static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- schema -------------------------------------------------------------- */

static int has_column(gw_table t, const char *name)
{
	const char *const *cols;
	size_t n = gw_table_columns(t, &cols);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(cols[i], name))
			return 1;
	return 0;
}

/* units, targets and refs are small rows read by (file_id, path): they
 * are WITHOUT ROWID tables with that key (and id, the row's place in its
 * document), one B-tree insert per row instead of a table and an index.
 * nodes keeps an integer key, which is the FTS5 rowid; docs has one row
 * per file. */
static int is_keyed_by_path(gw_table t)
{
	return t != GW_TABLE_NODES && has_column(t, "path");
}

static int put_table_ddl(gw_buffer *b, gw_table t)
{
	const char *name = gw_table_name(t), *const *cols;
	size_t n = gw_table_columns(t, &cols);
	int err = 0;
	err |= gw_buf_puts(b, "CREATE TABLE ");
	err |= gw_buf_puts(b, name);
	err |= gw_buf_puts(b, " (");
	/* Not NOT NULL in the keyed tables: the integrity_check of SQLite
	 * 3.40 reports every value of such a column in a WITHOUT ROWID table
	 * as NULL.  The store never writes NULL there. */
	int keyed = is_keyed_by_path(t);
	for (size_t i = 0; i < n; i++) {
		err |= gw_buf_putc(b, '"');
		err |= gw_buf_puts(b, cols[i]);
		err |= gw_buf_puts(b, keyed && strcmp(cols[i], "path")
					      ? "\" TEXT, "
					      : "\" TEXT NOT NULL, ");
	}
	if (keyed)
		return err | gw_buf_puts(b, "file_id INTEGER NOT NULL, id INTEGER "
					    "NOT NULL, PRIMARY KEY (file_id, "
					    "path, id)) WITHOUT ROWID;\n");
	err |= gw_buf_puts(b, t == GW_TABLE_NODES
				      ? "file_id INTEGER NOT NULL, id INTEGER "
					"PRIMARY KEY AUTOINCREMENT);\n"
				      : "file_id INTEGER NOT NULL, id INTEGER "
					"PRIMARY KEY);\n");
	err |= gw_buf_puts(b, "CREATE INDEX ");
	err |= gw_buf_puts(b, name);
	err |= gw_buf_puts(b, "_file ON ");
	err |= gw_buf_puts(b, name);
	err |= gw_buf_puts(b, has_column(t, "path") ? "(file_id, path);\n"
						    : "(file_id);\n");
	return err;
}

static const char files_ddl[] =
	"CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
	" size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT,"
	" indexed_at TEXT NOT NULL, doc TEXT, state TEXT NOT NULL,"
	" parser TEXT NOT NULL);\n"
	"CREATE INDEX files_doc ON files(doc);\n";

/* nodes_fts is not kept by row triggers: a trigger makes every INSERT a
 * statement with a savepoint, and FTS5 (3.40) flushes its pending index
 * at each one, a segment per row, which costs four times the parse.
 * Instead new nodes are added to it with one statement per transaction
 * (fts_flush): nodes.id is AUTOINCREMENT, so the rows with id >=
 * fts_pending are exactly those not yet in nodes_fts. */
static const char fts_ddl[] =
	"CREATE VIRTUAL TABLE nodes_fts USING fts5(text,"
	" content='nodes', content_rowid='id',"
	" tokenize='trigram case_sensitive 1', detail=none);\n"
	/* Every character starts a token, so the in-memory index fills
	 * fast: a 4 MiB one (default 1 MiB) flushes a quarter as often, and
	 * still fits the CPU cache.  No automatic merges (they rewrote the
	 * index about four times over); segments are merged only when 64
	 * pile up at one level, which keeps lookups cheap. */
	"INSERT INTO nodes_fts(nodes_fts, rank) VALUES ('hashsize', 4194304);\n"
	"INSERT INTO nodes_fts(nodes_fts, rank) VALUES ('automerge', 0);\n"
	"INSERT INTO nodes_fts(nodes_fts, rank) VALUES ('crisismerge', 64);\n";

static int user_version(gw_store *s, int *v)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL))
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int count_objects(gw_store *s, int *n)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema", -1,
			       &st, NULL))
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Create the schema in an empty database (under BEGIN IMMEDIATE, so two
 * runs creating the same index at once serialise). */
static gw_store_status create_schema(gw_store *s, const char *path,
				     gw_store_diag *d)
{
	if (exec(s, "BEGIN IMMEDIATE"))
		return db_fail(s, d, path);
	int v = 0, n = 0;
	if (user_version(s, &v) || count_objects(s, &n)) {
		db_fail(s, d, path);
		exec(s, "ROLLBACK");
		return d->status;
	}
	if (v != 0 || n != 0) { /* someone else did it, or not ours */
		exec(s, "ROLLBACK");
		return GW_STORE_OK;
	}
	gw_buffer b = {0};
	int err = gw_buf_puts(&b, files_ddl);
	for (int t = 0; t < GW_TABLE_COUNT; t++)
		err |= put_table_ddl(&b, (gw_table)t);
	err |= gw_buf_puts(&b, fts_ddl);
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;\n",
		 GW_STORE_SCHEMA);
	err |= gw_buf_puts(&b, pragma);
	err |= gw_buf_terminate(&b);
	if (err) {
		gw_buffer_free(&b);
		exec(s, "ROLLBACK");
		return fail(d, GW_STORE_NOMEM, "%s: out of memory", path);
	}
	int bad = exec(s, b.data) || exec(s, "COMMIT");
	gw_buffer_free(&b);
	if (bad) {
		db_fail(s, d, path);
		exec(s, "ROLLBACK");
		return d->status;
	}
	return GW_STORE_OK;
}

/* The columns of `table` in the database must be the TSV columns plus
 * file_id and id, in that order. */
static gw_store_status check_columns(gw_store *s, const char *path,
				     gw_table t, gw_store_diag *d)
{
	char sql[80];
	snprintf(sql, sizeof sql, "PRAGMA table_info(%s)", gw_table_name(t));
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL))
		return db_fail(s, d, path);
	const char *const *cols;
	size_t n = gw_table_columns(t, &cols), i = 0;
	int ok = 1, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *want = i < n	   ? cols[i]
				   : i == n	   ? "file_id"
				   : i == n + 1 ? "id"
						 : "";
		if (!name || strcmp(name, want))
			ok = 0;
		i++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, d, path);
	if (!ok || i != n + 2)
		return fail(d, GW_STORE_VERSION,
			    "%s: table '%s' does not have the columns this "
			    "gongwen writes; remove the index and run "
			    "'gongwen index' again",
			    path, gw_table_name(t));
	return GW_STORE_OK;
}

/* ---- statements ---------------------------------------------------------- */

static int prepare(gw_store *s, sqlite3_stmt **st, const char *sql)
{
	return sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
				  st, NULL) == SQLITE_OK
		       ? 0
		       : -1;
}

static int prepare_table(gw_store *s, gw_table t)
{
	const char *name = gw_table_name(t), *const *cols;
	size_t n = gw_table_columns(t, &cols);
	gw_buffer b = {0};
	int err = gw_buf_puts(&b, "INSERT INTO ");
	err |= gw_buf_puts(&b, name);
	err |= gw_buf_puts(&b, " (");
	for (size_t i = 0; i < n; i++) {
		err |= gw_buf_putc(&b, '"');
		err |= gw_buf_puts(&b, cols[i]);
		err |= gw_buf_puts(&b, "\", ");
	}
	int keyed = is_keyed_by_path(t);
	err |= gw_buf_puts(&b, keyed ? "file_id, id) VALUES (" : "file_id) VALUES (");
	for (size_t i = 0; i <= n + (size_t)keyed; i++)
		err |= gw_buf_puts(&b, i ? ", ?" : "?");
	err |= gw_buf_puts(&b, ")");
	err |= gw_buf_terminate(&b);
	err = err || prepare(s, &s->ins[t], b.data);
	gw_buffer_free(&b);
	if (err)
		return -1;
	char sql[80];
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE file_id = ?", name);
	return prepare(s, &s->del[t], sql);
}

static int prepare_all(gw_store *s)
{
	int err = 0;
	err |= prepare(s, &s->lookup,
		       "SELECT size, mtime, hash, state, parser FROM files "
		       "WHERE path = ?");
	err |= prepare(s, &s->file_id, "SELECT id FROM files WHERE path = ?");
	err |= prepare(s, &s->file_insert,
		       "INSERT INTO files (path, size, mtime, hash, indexed_at,"
		       " doc, state, parser) VALUES (?1, ?2, ?3, ?4,"
		       " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?5, ?6, ?7)");
	err |= prepare(s, &s->file_update,
		       "UPDATE files SET size = ?2, mtime = ?3, hash = ?4,"
		       " indexed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
		       " doc = ?5, state = ?6, parser = ?7 WHERE id = ?1");
	err |= prepare(s, &s->touch,
		       "UPDATE files SET size = ?2, mtime = ?3 WHERE path = ?1");
	err |= prepare(s, &s->file_delete, "DELETE FROM files WHERE id = ?");
	err |= prepare(s, &s->fts_add,
		       "INSERT INTO nodes_fts (rowid, text) SELECT id, text"
		       " FROM nodes WHERE id >= ?");
	err |= prepare(s, &s->fts_del,
		       "INSERT INTO nodes_fts (nodes_fts, rowid, text)"
		       " SELECT 'delete', id, text FROM nodes"
		       " WHERE file_id = ?1 AND id < ?2");
	for (int t = 0; t < GW_TABLE_COUNT && !err; t++)
		err |= prepare_table(s, (gw_table)t);
	return err;
}

/* ---- the due-date filter ------------------------------------------------- */

static int is_iso_date(const char *p, size_t n)
{
	if (n != 10 || p[4] != '-' || p[7] != '-')
		return 0;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (p[i] < '0' || p[i] > '9'))
			return 0;
	return 1;
}

/* gw_due_by(deadlines, date): 1 when one of the `ISO|raw;...` deadlines of
 * a nodes row falls on or before the ISO date. */
static void due_by_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *p = (const char *)sqlite3_value_text(argv[0]);
	const char *date = (const char *)sqlite3_value_text(argv[1]);
	int hit = 0;
	if (p && date && strlen(date) == 10) {
		while (*p && !hit) {
			const char *end = strchr(p, ';');
			size_t n = end ? (size_t)(end - p) : strlen(p);
			const char *bar = memchr(p, '|', n);
			size_t iso = bar ? (size_t)(bar - p) : n;
			hit = is_iso_date(p, iso) && memcmp(p, date, 10) <= 0;
			p += n + (end != NULL);
		}
	}
	sqlite3_result_int(cx, hit);
}

/* ---- ranking ------------------------------------------------------------- */

/* Okapi BM25 over the query words as written: a word is a term, its
 * frequency the number of times it occurs in the node's text.  (FTS5's
 * own bm25() needs token positions, which a detail=none index does not
 * keep: it re-tokenizes every matching row, and cost two thirds of a
 * search.) */
#define BM25_K1 1.2
#define BM25_B 0.75

static int is_ascii_letter(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int has_ascii_letter(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_ascii_letter(p[i]))
			return 1;
	return 0;
}

static int ascii_ieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x != y && !(x >= 'A' && x <= 'Z' && x + 32 == y) &&
		    !(y >= 'A' && y <= 'Z' && y + 32 == x))
			return 0;
	}
	return 1;
}

/* Offset of the first w (NUL-terminated, wn > 0 bytes) in t[from..tn),
 * ASCII letters in either case (as LIKE would match them); SIZE_MAX when
 * there is none. */
static size_t find_word(const char *t, size_t tn, size_t from, const char *w,
			size_t wn)
{
	if (!has_ascii_letter(w, wn))
		return gw_find(t, tn, from, w);
	for (size_t i = from; i + wn <= tn; i++)
		if (ascii_ieq(t + i, w, wn))
			return i;
	return SIZE_MAX;
}

/* Occurrences of w in t, not overlapping. */
static size_t occurrences(const char *t, size_t tn, const char *w, size_t wn)
{
	size_t c = 0;
	for (size_t at = 0; wn && (at = find_word(t, tn, at, w, wn)) != SIZE_MAX;
	     at += wn)
		c++;
	return c;
}

static size_t utf8_chars(const char *p, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)p[i] & 0xC0) != 0x80;
	return c;
}

/* gw_bm25(text, N, avgdl, word1, df1, word2, df2, ...): minus the BM25
 * score of a node's text (so that ascending order ranks best first, as
 * FTS5's bm25() does).  N is the number of nodes, avgdl their mean
 * length in characters, df the number of nodes holding the word. */
static void bm25_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	size_t tn = (size_t)sqlite3_value_bytes(argv[0]);
	double n = sqlite3_value_double(argv[1]);
	double avgdl = sqlite3_value_double(argv[2]);
	double dl = t ? (double)utf8_chars(t, tn) : 0;
	double norm = BM25_K1 * (1 - BM25_B +
				 BM25_B * (avgdl > 0 ? dl / avgdl : 1));
	double score = 0;
	for (int i = 3; t && i + 1 < argc; i += 2) {
		const char *w = (const char *)sqlite3_value_text(argv[i]);
		size_t wn = (size_t)sqlite3_value_bytes(argv[i]);
		double df = sqlite3_value_double(argv[i + 1]);
		double tf = w ? (double)occurrences(t, tn, w, wn) : 0;
		double idf = log((n - df + 0.5) / (df + 0.5) + 1);
		score += idf * tf * (BM25_K1 + 1) / (tf + norm);
	}
	sqlite3_result_double(cx, -score);
}

/* gw_contains(text, word): 1 when word occurs in text, ASCII letters in
 * either case.  (LIKE '%word%' decodes every character; this is a
 * memmem.) */
static void contains_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	size_t tn = (size_t)sqlite3_value_bytes(argv[0]);
	const char *w = (const char *)sqlite3_value_text(argv[1]);
	size_t wn = (size_t)sqlite3_value_bytes(argv[1]);
	sqlite3_result_int(cx, t && w &&
				       (!wn || find_word(t, tn, 0, w, wn) !=
						       SIZE_MAX));
}

/* ---- the page cache of the process --------------------------------------- */

#ifndef MAP_POPULATE
#define MAP_POPULATE 0 /* mapped all the same, faulted in page by page */
#endif

int gw_store_cache_reserve(gw_store_cache *c, int pages)
{
	*c = (gw_store_cache){0};
	int header;
	if (pages <= 0 ||
	    sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK)
		return -1;
	size_t line = PAGE_BYTES + (size_t)header;
	size_t len = line * (size_t)pages;
	void *mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (mem == MAP_FAILED)
		return -1;
	if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, mem, (int)line, pages) !=
	    SQLITE_OK) {
		munmap(mem, len);
		return -1;
	}
	c->mem = mem;
	c->len = len;
	return 0;
}

void gw_store_cache_release(gw_store_cache *c)
{
	if (!c->mem)
		return;
	/* SQLite lets go of the memory only when shut down; then it is
	 * told to forget it before the memory goes. */
	sqlite3_shutdown();
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
	munmap(c->mem, c->len);
	*c = (gw_store_cache){0};
}

/* ---- open / close -------------------------------------------------------- */

void gw_store_close(gw_store *s)
{
	if (!s)
		return;
	sqlite3_stmt *all[] = {s->lookup,      s->file_id, s->file_insert,
			       s->file_update, s->touch,   s->file_delete,
			       s->fts_add,     s->fts_del};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		sqlite3_finalize(all[i]);
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		sqlite3_finalize(s->ins[t]);
		sqlite3_finalize(s->del[t]);
	}
	sqlite3_close(s->db);
	free(s);
}

static gw_store_status check_schema(gw_store *s, const char *path,
				    unsigned flags, gw_store_diag *d)
{
	int v = 0, n = 0;
	/* One read transaction, so that a run creating the schema right now
	 * is seen either not at all or whole (not tables without version). */
	if (exec(s, "BEGIN"))
		return db_fail(s, d, path);
	if (user_version(s, &v) || count_objects(s, &n)) {
		db_fail(s, d, path);
		exec(s, "ROLLBACK");
		return d->status;
	}
	if (exec(s, "COMMIT"))
		return db_fail(s, d, path);
	if (v == 0 && n == 0) {
		if (!(flags & GW_STORE_CREATE))
			return fail(d, GW_STORE_NOTFOUND,
				    "%s: no index here; run 'gongwen index' "
				    "first",
				    path);
		gw_store_status st = create_schema(s, path, d);
		if (st || user_version(s, &v))
			return st ? st : db_fail(s, d, path);
	}
	if (v == 0)
		return fail(d, GW_STORE_VERSION,
			    "%s: not a gongwen index (an SQLite database "
			    "without its schema version)",
			    path);
	if (v != GW_STORE_SCHEMA)
		return fail(d, GW_STORE_VERSION,
			    "%s: index schema version %d, but this gongwen "
			    "(%s) reads version %d; remove the index and run "
			    "'gongwen index' again",
			    path, v, GW_VERSION, GW_STORE_SCHEMA);
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		gw_store_status st = check_columns(s, path, (gw_table)t, d);
		if (st)
			return st;
	}
	return GW_STORE_OK;
}

gw_store_status gw_store_open(const char *path, unsigned flags, int busy_ms,
			      gw_store **out, gw_store_diag *d)
{
	*out = NULL;
	if (d)
		d->status = GW_STORE_OK, d->message[0] = 0;
	if (!(flags & GW_STORE_CREATE) && access(path, F_OK))
		return fail(d, GW_STORE_NOTFOUND,
			    "%s: no index here; run 'gongwen index' first",
			    path);
	gw_store *s = calloc(1, sizeof *s);
	if (!s)
		return fail(d, GW_STORE_NOMEM, "%s: out of memory", path);
	s->read_only = (flags & GW_STORE_READONLY) && !(flags & GW_STORE_CREATE);
	int oflags = (s->read_only ? SQLITE_OPEN_READONLY
				   : SQLITE_OPEN_READWRITE) |
		     SQLITE_OPEN_NOMUTEX |
		     (flags & GW_STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		gw_store_status st =
			s->db ? db_fail(s, d, path)
			      : fail(d, GW_STORE_NOMEM, "%s: out of memory",
				     path);
		gw_store_close(s);
		return st;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, busy_ms);
	gw_store_status st = GW_STORE_OK;
	/* page_size only takes effect on a new, empty file: it must come
	 * before the switch to WAL, which writes the header.  WAL lets
	 * readers and one writer work at once; NORMAL sync is still atomic
	 * and consistent after a crash or kill -9.  A writer keeps a 64 MiB
	 * page cache; a search reads each page about once, and the default
	 * 2 MiB (reused) costs it far fewer page faults.  A read-only
	 * connection finds WAL mode in the file and never checkpoints. */
	if (!s->read_only &&
	    (((flags & GW_STORE_CREATE) &&
	      exec(s, "PRAGMA page_size = " TO_TEXT(PAGE_BYTES))) ||
	     exec_retry(s, "PRAGMA journal_mode = WAL", busy_ms) ||
	     exec(s, "PRAGMA synchronous = NORMAL") ||
	     ((flags & GW_STORE_CREATE) &&
	      exec(s, "PRAGMA cache_size = -65536"))))
		st = db_fail(s, d, path);
	if (!st)
		st = check_schema(s, path, flags, d);
	if (!st && ((!s->read_only && prepare_all(s)) ||
		    sqlite3_create_function(s->db, "gw_due_by", 2,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					    NULL, due_by_fn, NULL, NULL) ||
		    sqlite3_create_function(s->db, "gw_bm25", -1,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					    NULL, bm25_fn, NULL, NULL) ||
		    sqlite3_create_function(s->db, "gw_contains", 2,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					    NULL, contains_fn, NULL, NULL)))
		st = db_fail(s, d, path);
	if (st) {
		gw_store_close(s);
		return st;
	}
	*out = s;
	return GW_STORE_OK;
}

/* ---- transactions -------------------------------------------------------- */

/* What writing, and looking files up for writing, answer on a store
 * opened with GW_STORE_READONLY. */
static gw_store_status refuse_read_only(gw_store_diag *d)
{
	return fail(d, GW_STORE_ERROR, "the index is open read-only");
}

/* Add the nodes inserted since fts_pending to nodes_fts. */
static int fts_flush(gw_store *s)
{
	if (!s->fts_pending)
		return 0;
	sqlite3_bind_int64(s->fts_add, 1, s->fts_pending);
	s->fts_pending = 0;
	return step_done(s->fts_add);
}

gw_store_status gw_store_begin(gw_store *s, gw_store_diag *d)
{
	if (s->read_only)
		return refuse_read_only(d);
	if (s->in_batch)
		return GW_STORE_OK;
	if (exec(s, "BEGIN IMMEDIATE"))
		return db_fail(s, d, "begin");
	s->in_batch = 1;
	s->batch_failed = 0;
	s->fts_pending = 0;
	return GW_STORE_OK;
}

gw_store_status gw_store_commit(gw_store *s, gw_store_diag *d)
{
	if (!s->in_batch)
		return GW_STORE_OK;
	s->in_batch = 0;
	if (s->batch_failed) {
		gw_store_rollback(s);
		return fail(d, GW_STORE_ERROR,
			    "commit: a change in the batch failed; rolled back");
	}
	if (fts_flush(s) || exec(s, "COMMIT")) {
		gw_store_status st = db_fail(s, d, "commit");
		gw_store_rollback(s);
		return st;
	}
	return GW_STORE_OK;
}

void gw_store_rollback(gw_store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		exec(s, "ROLLBACK");
	s->in_batch = 0;
	s->fts_pending = 0;
}

/* One change: its own transaction, or part of the caller's batch.  Not
 * a savepoint (FTS5 would flush at it, see fts_ddl).  A change that fails
 * inside a batch spoils the batch instead: the commit refuses and
 * everything since gw_store_begin() is rolled back, so a document is
 * never left half-written. */
static gw_store_status change_begin(gw_store *s, gw_store_diag *d,
				    const char *path)
{
	if (s->read_only)
		return refuse_read_only(d);
	if (s->in_batch)
		return GW_STORE_OK;
	s->fts_pending = 0;
	return exec(s, "BEGIN IMMEDIATE") ? db_fail(s, d, path) : GW_STORE_OK;
}

static gw_store_status change_end(gw_store *s, int ok, gw_store_diag *d,
				  const char *what)
{
	if (s->in_batch) {
		if (ok)
			return GW_STORE_OK;
		s->batch_failed = 1;
		return db_fail(s, d, what);
	}
	if (ok && !fts_flush(s) && !exec(s, "COMMIT"))
		return GW_STORE_OK;
	gw_store_status st = db_fail(s, d, what);
	gw_store_rollback(s);
	return st;
}

/* ---- writing ------------------------------------------------------------- */

static int bind_str(sqlite3_stmt *st, int i, const char *p)
{
	return sqlite3_bind_text(st, i, p ? p : "", -1, SQLITE_STATIC);
}

static int file_row_id(gw_store *s, const char *path, sqlite3_int64 *id)
{
	sqlite3_bind_text(s->file_id, 1, path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s->file_id);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s->file_id, 0) : 0;
	sqlite3_reset(s->file_id);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int delete_rows(gw_store *s, sqlite3_int64 id)
{
	sqlite3_bind_int64(s->fts_del, 1, id);
	sqlite3_bind_int64(s->fts_del, 2,
			   s->fts_pending ? s->fts_pending : INT64_MAX);
	if (step_done(s->fts_del))
		return -1;
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		sqlite3_bind_int64(s->del[t], 1, id);
		if (step_done(s->del[t]))
			return -1;
	}
	return 0;
}

typedef struct insert_ctx {
	gw_store *s;
	sqlite3_stmt *st;
	sqlite3_int64 file_id;
	int keyed;	     /* bind id: the row's place, from 1 */
	sqlite3_int64 rows;  /* rows inserted so far */
	sqlite3_int64 first; /* rowid of the first row inserted */
} insert_ctx;

static int insert_row(void *user, const gw_field *f, size_t n)
{
	insert_ctx *c = user;
	for (size_t i = 0; i < n; i++)
		if (sqlite3_bind_text(c->st, (int)i + 1, f[i].ptr ? f[i].ptr : "",
				      (int)f[i].len, SQLITE_STATIC))
			return -1;
	sqlite3_bind_int64(c->st, (int)n + 1, c->file_id);
	c->rows++;
	if (c->keyed)
		sqlite3_bind_int64(c->st, (int)n + 2, c->rows);
	if (step_done(c->st))
		return -1;
	if (!c->first && !c->keyed)
		c->first = sqlite3_last_insert_rowid(c->s->db);
	return 0;
}

static const char *state_name(gw_file_state st)
{
	return st == GW_FILE_INDEXED ? "indexed"
	       : st == GW_FILE_FAILED ? "failed"
				      : "skipped";
}

static int write_file_row(gw_store *s, sqlite3_int64 *id, const char *path,
			  const gw_store_file *f, const char *doc_id)
{
	char hash[17] = "";
	if (f->has_hash)
		snprintf(hash, sizeof hash, "%016" PRIx64, f->hash);
	sqlite3_stmt *st = *id ? s->file_update : s->file_insert;
	if (*id)
		sqlite3_bind_int64(st, 1, *id);
	else
		sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->size);
	sqlite3_bind_int64(st, 3, f->mtime_ns);
	if (f->has_hash)
		sqlite3_bind_text(st, 4, hash, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 4);
	if (doc_id)
		bind_str(st, 5, doc_id);
	else
		sqlite3_bind_null(st, 5);
	bind_str(st, 6, state_name(f->state));
	bind_str(st, 7, GW_VERSION);
	if (step_done(st))
		return -1;
	if (!*id)
		*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

gw_store_status gw_store_put(gw_store *s, const char *path,
			     const gw_store_file *f, const gw_document *doc,
			     gw_store_diag *d)
{
	gw_store_status st = change_begin(s, d, path);
	if (st)
		return st;
	sqlite3_int64 id;
	int ok = !file_row_id(s, path, &id) && (!id || !delete_rows(s, id)) &&
		 !write_file_row(s, &id, path, f,
				 doc ? gw_document_id(doc) : NULL);
	for (int t = 0; ok && doc && t < GW_TABLE_COUNT; t++) {
		insert_ctx c = {s, s->ins[t], id, is_keyed_by_path((gw_table)t),
				0, 0};
		ok = gw_document_rows(doc, (gw_table)t, insert_row, &c) ==
		     GW_OK;
		sqlite3_reset(s->ins[t]);
		if (ok && t == GW_TABLE_NODES && c.first && !s->fts_pending)
			s->fts_pending = c.first;
	}
	return change_end(s, ok, d, path);
}

gw_store_status gw_store_touch(gw_store *s, const char *path, int64_t size,
			       int64_t mtime_ns, gw_store_diag *d)
{
	if (s->read_only)
		return refuse_read_only(d);
	sqlite3_bind_text(s->touch, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->touch, 2, size);
	sqlite3_bind_int64(s->touch, 3, mtime_ns);
	return step_done(s->touch) ? db_fail(s, d, path) : GW_STORE_OK;
}

gw_store_status gw_store_remove(gw_store *s, const char *path,
				gw_store_diag *d)
{
	gw_store_status st = change_begin(s, d, path);
	if (st)
		return st;
	sqlite3_int64 id;
	int ok = !file_row_id(s, path, &id);
	if (ok && id) {
		sqlite3_bind_int64(s->file_delete, 1, id);
		ok = !delete_rows(s, id) && !step_done(s->file_delete);
	}
	return change_end(s, ok, d, path);
}

/* ---- reading ------------------------------------------------------------- */

gw_store_status gw_store_lookup(gw_store *s, const char *path,
				gw_store_file *f, int *found,
				gw_store_diag *d)
{
	memset(f, 0, sizeof *f);
	*found = 0;
	if (s->read_only)
		return refuse_read_only(d);
	sqlite3_stmt *st = s->lookup;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = 1;
		f->size = sqlite3_column_int64(st, 0);
		f->mtime_ns = sqlite3_column_int64(st, 1);
		const char *h = (const char *)sqlite3_column_text(st, 2);
		if (h && *h) {
			f->hash = strtoull(h, NULL, 16);
			f->has_hash = 1;
		}
		const char *state = (const char *)sqlite3_column_text(st, 3);
		f->state = !state ? GW_FILE_SKIPPED
			   : !strcmp(state, "indexed") ? GW_FILE_INDEXED
			   : !strcmp(state, "failed")  ? GW_FILE_FAILED
						       : GW_FILE_SKIPPED;
		const char *parser = (const char *)sqlite3_column_text(st, 4);
		f->current_parser = parser && !strcmp(parser, GW_VERSION);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, d, path);
	return GW_STORE_OK;
}

gw_store_status gw_store_prune(gw_store *s,
			       int (*keep)(const char *path, void *user),
			       void *user, size_t *removed,
			       gw_store_diag *d)
{
	*removed = 0;
	if (s->read_only)
		return refuse_read_only(d);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT path FROM files ORDER BY path",
			       -1, &st, NULL))
		return db_fail(s, d, "prune");
	/* Collect first: no statement stays open while we write. */
	gw_buffer paths = {0};
	int rc, err = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		err |= gw_buf_puts(&paths, p ? p : "");
		err |= gw_buf_putc(&paths, '\0');
	}
	gw_store_status res = GW_STORE_OK;
	if (rc != SQLITE_DONE)
		res = db_fail(s, d, "prune");
	else if (err)
		res = fail(d, GW_STORE_NOMEM, "prune: out of memory");
	sqlite3_finalize(st);
	for (size_t off = 0; !res && off < paths.len;) {
		const char *p = paths.data + off;
		off += strlen(p) + 1;
		if (keep(p, user))
			continue;
		res = gw_store_remove(s, p, d);
		*removed += !res;
	}
	gw_buffer_free(&paths);
	return res;
}

/* ---- search -------------------------------------------------------------- */

enum { MAX_PARAMS = 64, MAX_WORDS = 16 };

/* SQL text and its positional parameters, in the order they appear. */
typedef struct qbuild {
	gw_buffer sql;
	char *param[MAX_PARAMS];
	size_t nparam;
	int err;
} qbuild;

static void q_put(qbuild *q, const char *s) { q->err |= gw_buf_puts(&q->sql, s); }

/* Append SQL containing one `?` and its (copied) value. */
static void q_param(qbuild *q, const char *sql, const char *value, size_t n)
{
	q_put(q, sql);
	if (q->nparam == MAX_PARAMS) {
		q->err = 1;
		return;
	}
	char *p = malloc(n + 1);
	if (!p) {
		q->err = 1;
		return;
	}
	memcpy(p, value, n);
	p[n] = 0;
	q->param[q->nparam++] = p;
}

static void q_free(qbuild *q)
{
	gw_buffer_free(&q->sql);
	for (size_t i = 0; i < q->nparam; i++)
		free(q->param[i]);
}

/* Length of the separator at p: ASCII white space or U+3000. */
static size_t space_len(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		return 1;
	return !strncmp(p, "\xE3\x80\x80", 3) ? 3 : 0;
}

typedef struct words {
	const char *ptr[MAX_WORDS];
	size_t len[MAX_WORDS];
	size_t n;
} words;

static int split_words(const char *text, words *w)
{
	w->n = 0;
	const char *p = text ? text : "";
	while (*p) {
		size_t sp = space_len(p);
		if (sp) {
			p += sp;
			continue;
		}
		const char *start = p;
		while (*p && !space_len(p))
			p++;
		if (w->n == MAX_WORDS)
			return -1;
		w->ptr[w->n] = start;
		w->len[w->n++] = (size_t)(p - start);
	}
	return 0;
}

/* Append t[0..n) as a quoted FTS5 string, ASCII letter j (of those in
 * it) in upper case when bit j of `upper` is set, else in lower case. */
static int put_quoted(const char *t, size_t n, unsigned upper,
		      gw_buffer *out)
{
	int err = gw_buf_putc(out, '"');
	for (size_t i = 0, j = 0; i < n; i++) {
		char c = t[i];
		if (is_ascii_letter(c))
			c = (char)(upper >> j++ & 1 ? c & ~0x20 : c | 0x20);
		if (c == '"')
			err |= gw_buf_putc(out, '"');
		err |= gw_buf_putc(out, c);
	}
	return err | gw_buf_putc(out, '"');
}

/* Append the trigram starting at p (3 characters, < end) as an FTS5
 * expression that matches it with ASCII letters in either case: the
 * index is case-sensitive (folding every character three times, once
 * per trigram, was a sixth of indexing), so a trigram with k ASCII
 * letters is its 2^k spellings ORed.  Terms are joined by AND. */
static int put_trigram(const char *p, const char *end, gw_buffer *out)
{
	const char *t = p;
	unsigned letters = 0;
	for (int k = 0; k < 3 && p < end; k++) {
		size_t n = gw_utf8_len((unsigned char)*p);
		letters += is_ascii_letter(*p);
		p = (size_t)(end - p) < n ? end : p + n;
	}
	size_t n = (size_t)(p - t);
	int err = out->len ? gw_buf_puts(out, " AND ") : 0;
	if (!letters)
		return err | put_quoted(t, n, 0, out);
	err |= gw_buf_putc(out, '(');
	for (unsigned upper = 0; upper < 1u << letters; upper++) {
		err |= upper ? gw_buf_puts(out, " OR ") : 0;
		err |= put_quoted(t, n, upper, out);
	}
	return err | gw_buf_putc(out, ')');
}

/* Append the trigrams that cover one word of 3 or more characters (at
 * characters 0, 3, 6, ... and the last three). */
static int word_trigrams(const char *p, size_t len, gw_buffer *out)
{
	const char *end = p + len;
	size_t chars = utf8_chars(p, len);
	int err = 0;
	for (size_t c = 0; c + 3 <= chars; c++) {
		if (c % 3 == 0 || c + 3 == chars)
			err |= put_trigram(p, end, out);
		p += gw_utf8_len((unsigned char)*p);
	}
	return err;
}

static int is_long_word(const words *w, size_t i)
{
	return utf8_chars(w->ptr[i], w->len[i]) >= 3;
}

/* The FTS5 expression for the long words: the trigrams of each, all
 * required.  With detail=none the index cannot check that they are
 * adjacent; gw_contains() of every word in q_selected_nodes() does. */
static int fts_expr(const words *w, gw_buffer *out)
{
	int err = 0;
	for (size_t i = 0; i < w->n; i++)
		if (is_long_word(w, i))
			err |= word_trigrams(w->ptr[i], w->len[i], out);
	return err | gw_buf_terminate(out);
}

/* What ranking needs to know of the collection and the words. */
typedef struct rank_info {
	int on; /* rank by gw_bm25: long words, and rows to print */
	double n, avgdl;
	double df[MAX_WORDS]; /* nodes holding word i (its trigrams) */
} rank_info;

static void q_unit_conds(qbuild *q, const gw_store_query *qy,
			 const char *alias)
{
	char sql[64];
	if (qy->unit) {
		snprintf(sql, sizeof sql, " AND instr(%s.unit, ?) > 0", alias);
		q_param(q, sql, qy->unit, strlen(qy->unit));
	}
	if (qy->role) {
		snprintf(sql, sizeof sql, " AND %s.role = ?", alias);
		q_param(q, sql, qy->role, strlen(qy->role));
	}
}

/* The score of node n: gw_bm25(n.text, N, avgdl, word, df, ...), or 0. */
static void q_rank(qbuild *q, const words *w, const rank_info *rank)
{
	if (!rank->on) {
		q_put(q, "0");
		return;
	}
	char num[64];
	snprintf(num, sizeof num, "gw_bm25(n.text, %.0f, %.3f", rank->n,
		 rank->avgdl);
	q_put(q, num);
	for (size_t i = 0; i < w->n; i++) {
		if (!is_long_word(w, i))
			continue;
		snprintf(num, sizeof num, ", %.0f", rank->df[i]);
		q_param(q, ", ?", w->ptr[i], w->len[i]);
		q_put(q, num);
	}
	q_put(q, ")");
}

/* ` FROM <the candidates n> [JOIN files f] WHERE <every filter>`: the
 * nodes the query selects. */
static void q_node_source(qbuild *q, const gw_store_query *qy,
			  const words *w, int have_fts, int join_files)
{
	int by_units = !have_fts && (qy->unit || qy->role);
	if (have_fts) {
		q_put(q, " FROM hits h CROSS JOIN nodes n ON n.id = h.rid");
	} else if (by_units) {
		q_put(q, " FROM (SELECT DISTINCT file_id, path FROM units u "
			 "WHERE 1");
		if (qy->doc) /* through its key, not a scan of all units */
			q_param(q, " AND u.file_id IN (SELECT id FROM files "
				   "WHERE doc = ?)",
				qy->doc, strlen(qy->doc));
		q_unit_conds(q, qy, "u");
		q_put(q, ") u CROSS JOIN nodes n ON n.file_id = u.file_id "
			 "AND n.path = u.path");
	} else {
		q_put(q, " FROM nodes n");
	}
	q_put(q, join_files ? " JOIN files f ON f.id = n.file_id WHERE 1"
			    : " WHERE 1");
	if (qy->doc)
		q_param(q, " AND n.file_id IN (SELECT id FROM files "
			   "WHERE doc = ?)",
			qy->doc, strlen(qy->doc));
	if ((qy->unit || qy->role) && !by_units) {
		q_put(q, " AND EXISTS (SELECT 1 FROM units u WHERE "
			 "u.file_id = n.file_id AND u.path = n.path");
		q_unit_conds(q, qy, "u");
		q_put(q, ")");
	}
	if (qy->due_before)
		q_param(q, " AND gw_due_by(n.deadlines, ?)", qy->due_before,
			strlen(qy->due_before));
	/* Every word, long or short, must occur in the text as written
	 * (ASCII letters in either case): the trigrams only found the
	 * candidates. */
	for (size_t i = 0; i < w->n; i++)
		q_param(q, " AND gw_contains(n.text, ?)", w->ptr[i], w->len[i]);
}

/* `sel(file_id, path, id, score)`: the nodes the query selects, for the
 * tables whose rows are found through them. */
static void q_selected_nodes(qbuild *q, const gw_store_query *qy,
			     const words *w, int have_fts,
			     const rank_info *rank)
{
	q_put(q, "sel(file_id, path, id, score) AS MATERIALIZED (SELECT "
		 "n.file_id, n.path, n.id, ");
	q_rank(q, w, rank);
	q_node_source(q, qy, w, have_fts, 0);
	q_put(q, ")");
}

static void q_columns(qbuild *q, gw_table t, const char *alias)
{
	const char *const *cols;
	size_t n = gw_table_columns(t, &cols);
	for (size_t i = 0; i < n; i++) {
		q_put(q, i ? ", " : "");
		q_put(q, alias);
		q_put(q, ".\"");
		q_put(q, cols[i]);
		q_put(q, "\"");
	}
}

/* The nodes a query selects, printed: each row is read once, its score
 * computed in the ORDER BY.  (Selecting keys first and joining them back
 * to nodes read every page twice: a quarter of a search.) */
static void q_selected_rows(qbuild *q, const gw_store_query *qy,
			    const words *w, int have_fts,
			    const rank_info *rank)
{
	q_put(q, "SELECT ");
	q_columns(q, GW_TABLE_NODES, "n");
	q_node_source(q, qy, w, have_fts, 1);
	q_put(q, " ORDER BY ");
	if (rank->on) {
		q_rank(q, w, rank);
		q_put(q, ", ");
	}
	q_put(q, "f.path, n.id");
}

/* The rows of the other tables (and counts): through sel, the selected
 * nodes' keys, when the query selects nodes. */
static void q_rows_through_sel(qbuild *q, const gw_store_query *qy,
			       int have_sel, const rank_info *rank, int count)
{
	gw_table t = qy->table;
	if (count && have_sel && t == GW_TABLE_NODES) {
		/* a row per selected node: no need to read them again */
		q_put(q, "SELECT count(*) FROM sel");
		return;
	}
	q_put(q, count ? "SELECT count(*) FROM (SELECT " : "SELECT ");
	q_columns(q, t, "x");
	if (have_sel && t == GW_TABLE_DOCS)
		q_put(q, " FROM (SELECT file_id, min(score) AS score FROM sel "
			 "GROUP BY file_id) s CROSS JOIN docs x "
			 "ON x.file_id = s.file_id");
	else if (have_sel) {
		q_put(q, " FROM (SELECT file_id, path, min(score) AS score "
			 "FROM sel GROUP BY file_id, path) s CROSS JOIN ");
		q_put(q, gw_table_name(t));
		q_put(q, " x ON x.file_id = s.file_id AND x.path = s.path");
	} else {
		q_put(q, " FROM ");
		q_put(q, gw_table_name(t));
		q_put(q, " x");
	}
	q_put(q, " JOIN files f ON f.id = x.file_id WHERE 1");
	if (qy->doc && !have_sel)
		q_param(q, " AND x.file_id IN (SELECT id FROM files "
			   "WHERE doc = ?)",
			qy->doc, strlen(qy->doc));
	if (t == GW_TABLE_UNITS && (qy->unit || qy->role))
		q_unit_conds(q, qy, "x");
	if (count)
		q_put(q, ")");
	else
		q_put(q, rank->on ? " ORDER BY s.score, f.path, x.id"
				  : " ORDER BY f.path, x.id");
}

static void build_query(qbuild *q, const gw_store_query *qy, const words *w,
			const rank_info *rank, int count)
{
	gw_buffer match = {0};
	q->err |= fts_expr(w, &match);
	int have_fts = match.len > 0;
	int have_sel = w->n || qy->unit || qy->role || qy->due_before;
	if (have_fts)
		q_param(q, "WITH hits(rid) AS MATERIALIZED (SELECT rowid FROM "
			   "nodes_fts WHERE nodes_fts MATCH ?) ",
			match.data, match.len);
	gw_buffer_free(&match);
	if (have_sel && qy->table == GW_TABLE_NODES && !count) {
		q_selected_rows(q, qy, w, have_fts, rank);
	} else {
		if (have_sel) {
			q_put(q, have_fts ? ", " : "WITH ");
			q_selected_nodes(q, qy, w, have_fts, rank);
			q_put(q, " ");
		}
		q_rows_through_sel(q, qy, have_sel, rank, count);
	}
	q->err |= gw_buf_terminate(&q->sql);
}

/* One SQLite varint (big-endian groups of 7 bits, the 9th byte whole)
 * from p[0..n); 0 when it runs past the end. */
static size_t get_varint(const unsigned char *p, size_t n, uint64_t *v)
{
	*v = 0;
	for (size_t i = 0; i < 9 && i < n; i++) {
		if (i == 8) {
			*v = (*v << 8) | p[i];
			return 9;
		}
		*v = (*v << 7) | (p[i] & 0x7F);
		if (!(p[i] & 0x80))
			return i + 1;
	}
	return 0;
}

/* The number of nodes and their mean length, from the record FTS5 keeps
 * for its own bm25 (nodes_fts_data row 1: the number of rows, then the
 * tokens of the column; a trigram per character but the last two).
 * Without it, N counts the nodes and lengths are not weighed. */
static gw_store_status collection_stats(gw_store *s, rank_info *r,
					gw_store_diag *d)
{
	sqlite3_stmt *st;
	r->n = 0;
	r->avgdl = 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT block FROM nodes_fts_data WHERE id = 1",
			       -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			const unsigned char *p = sqlite3_column_blob(st, 0);
			size_t n = (size_t)sqlite3_column_bytes(st, 0), k;
			uint64_t rows, tokens;
			if (p && (k = get_varint(p, n, &rows)) &&
			    get_varint(p + k, n - k, &tokens) && rows) {
				r->n = (double)rows;
				r->avgdl = (double)tokens / (double)rows + 2;
			}
		}
		sqlite3_finalize(st);
	}
	if (r->n > 0)
		return GW_STORE_OK;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM nodes", -1, &st,
			       NULL))
		return db_fail(s, d, "search");
	if (sqlite3_step(st) == SQLITE_ROW)
		r->n = (double)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return GW_STORE_OK;
}

/* Nodes whose text holds the trigrams of word i: its df for BM25. */
static gw_store_status word_df(gw_store *s, const words *w, size_t i,
			       double *df, gw_store_diag *d)
{
	gw_buffer expr = {0};
	if (word_trigrams(w->ptr[i], w->len[i], &expr) ||
	    gw_buf_terminate(&expr)) {
		gw_buffer_free(&expr);
		return fail(d, GW_STORE_NOMEM, "search: out of memory");
	}
	sqlite3_stmt *st;
	gw_store_status res = GW_STORE_OK;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT count(*) FROM nodes_fts WHERE nodes_fts "
			       "MATCH ?",
			       -1, &st, NULL)) {
		res = db_fail(s, d, "search");
	} else {
		sqlite3_bind_text(st, 1, expr.data, (int)expr.len,
				  SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			*df = (double)sqlite3_column_int64(st, 0);
		else
			res = db_fail(s, d, "search");
		sqlite3_finalize(st);
	}
	gw_buffer_free(&expr);
	return res;
}

static gw_store_status rank_prepare(gw_store *s, const words *w,
				    rank_info *r, gw_store_diag *d)
{
	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < w->n; i++)
		r->on |= is_long_word(w, i);
	if (!r->on)
		return GW_STORE_OK;
	gw_store_status res = collection_stats(s, r, d);
	for (size_t i = 0; !res && i < w->n; i++)
		if (is_long_word(w, i))
			res = word_df(s, w, i, &r->df[i], d);
	return res;
}

static gw_store_status prepare_query(gw_store *s, const gw_store_query *qy,
				     int count, sqlite3_stmt **st,
				     gw_store_diag *d)
{
	if ((unsigned)qy->table >= GW_TABLE_COUNT)
		return fail(d, GW_STORE_ERROR, "search: unknown table");
	if (qy->due_before &&
	    !is_iso_date(qy->due_before, strlen(qy->due_before)))
		return fail(d, GW_STORE_ERROR,
			    "search: date '%s' is not YYYY-MM-DD",
			    qy->due_before);
	words w;
	if (split_words(qy->text, &w))
		return fail(d, GW_STORE_ERROR,
			    "search: more than %d words in the query",
			    MAX_WORDS);
	rank_info rank;
	gw_store_status res = count ? (rank.on = 0, GW_STORE_OK)
				    : rank_prepare(s, &w, &rank, d);
	if (res)
		return res;
	qbuild q = {0};
	build_query(&q, qy, &w, &rank, count);
	if (q.err) {
		q_free(&q);
		return fail(d, GW_STORE_NOMEM, "search: out of memory");
	}
	if (sqlite3_prepare_v2(s->db, q.sql.data, -1, st, NULL))
		res = db_fail(s, d, "search");
	for (size_t i = 0; !res && i < q.nparam; i++)
		if (sqlite3_bind_text(*st, (int)i + 1, q.param[i], -1,
				      SQLITE_TRANSIENT))
			res = db_fail(s, d, "search");
	if (res) {
		sqlite3_finalize(*st);
		*st = NULL;
	}
	q_free(&q);
	return res;
}

gw_store_status gw_store_search(gw_store *s, const gw_store_query *qy,
				gw_row_fn fn, void *user, gw_store_diag *d)
{
	sqlite3_stmt *st;
	gw_store_status res = prepare_query(s, qy, 0, &st, d);
	if (res)
		return res;
	const char *const *cols;
	size_t n = gw_table_columns(qy->table, &cols);
	gw_field f[32];
	if (n > sizeof f / sizeof *f)
		n = sizeof f / sizeof *f;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < n; i++) {
			const char *p =
				(const char *)sqlite3_column_text(st, (int)i);
			f[i].len = (size_t)sqlite3_column_bytes(st, (int)i);
			f[i].ptr = p ? p : "";
		}
		if (fn(user, f, n)) {
			sqlite3_finalize(st);
			return fail(d, GW_STORE_ERROR,
				    "search: output failed");
		}
	}
	if (rc != SQLITE_DONE)
		res = db_fail(s, d, "search");
	sqlite3_finalize(st);
	return res;
}

gw_store_status gw_store_count(gw_store *s, const gw_store_query *qy,
			       int64_t *count, gw_store_diag *d)
{
	sqlite3_stmt *st;
	*count = 0;
	gw_store_status res = prepare_query(s, qy, 1, &st, d);
	if (res)
		return res;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	else
		res = db_fail(s, d, "search");
	sqlite3_finalize(st);
	return res;
}
