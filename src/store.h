/*
 * store.h — the SQLite index of a notice collection (`gongwen index`,
 * `gongwen search`).  The only module that talks to SQLite.
 *
 * Owns: the schema and its version (PRAGMA user_version), the connection,
 * its prepared statements and every transaction.  The data tables mirror
 * the TSV tables (docs nodes units targets refs: the same columns, made
 * from gw_table_columns(), plus `file_id` and `id`); `files` records where each
 * document came from; `nodes_fts` indexes nodes.text
 * (trigram, case-sensitive, detail=none).
 *
 * A document is replaced atomically: its old rows are deleted and the new
 * ones inserted inside one transaction (or inside the caller's batch,
 * opened with gw_store_begin(), which then commits or rolls back whole),
 * so an interrupted run — even kill -9 — leaves either the old rows or
 * the new ones, never a mixture.
 *
 * Nothing here prints: every failure is a status plus a message in a
 * gw_store_diag.
 */
#ifndef GW_STORE_H
#define GW_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "gongwen.h"

/* Bumped whenever the layout changes; an index carrying another number
 * is refused (GW_STORE_VERSION) rather than guessed at. */
#define GW_STORE_SCHEMA 3

typedef enum gw_store_status {
	GW_STORE_OK = 0,
	GW_STORE_ERROR,	   /* SQLite failed (I/O, locked too long, full) */
	GW_STORE_VERSION,  /* written by another version of gongwen */
	GW_STORE_NOTFOUND, /* no index there (opened without CREATE) */
	GW_STORE_NOMEM
} gw_store_status;

typedef struct gw_store_diag {
	gw_store_status status;
	char message[256];
} gw_store_diag;

typedef struct gw_store gw_store;

enum {
	GW_STORE_CREATE = 1,  /* create the file and schema when missing */
	GW_STORE_READONLY = 2 /* for searching: nothing can be written, and
				 the writing functions fail */
};

/* SQLite's page cache for the whole process, in memory that one
 * mmap(MAP_POPULATE) maps and faults in at once.  On the VMs this was
 * measured on, the first touch of a fresh page of memory costs a fault
 * of ~12 us, a populated page ~3 us all told, and a search that reads
 * a hundred 16 KiB pages spends a quarter of its time in such faults.
 * Optional, and for short-lived processes that read: call before the
 * process opens any store, and gw_store_cache_release() after the last
 * gw_store_close().  Returns 0, or -1 when SQLite is already in use or
 * the memory could not be mapped; SQLite then allocates its pages one
 * by one as usual, so a caller may ignore the failure. */
typedef struct gw_store_cache {
	void *mem;
	size_t len;
} gw_store_cache;

int gw_store_cache_reserve(gw_store_cache *c, int pages);
void gw_store_cache_release(gw_store_cache *c);

/* Pages of a search's cache: SQLite's default cache_size (2000 KiB) in
 * 16 KiB pages, and a few more. */
#define GW_STORE_SEARCH_CACHE_PAGES 128

/* Open (and with GW_STORE_CREATE create) the index at `path`: WAL mode,
 * a busy timeout of `busy_ms`, schema checked against this build. */
gw_store_status gw_store_open(const char *path, unsigned flags, int busy_ms,
			      gw_store **out, gw_store_diag *d);
void gw_store_close(gw_store *s);

/* What the index knows of one source file. */
typedef enum gw_file_state {
	GW_FILE_INDEXED, /* parsed; its rows are in the tables */
	GW_FILE_SKIPPED, /* not a text notice (binary, unknown encoding) */
	GW_FILE_FAILED	 /* could not be read or parsed (unreadable, empty):
			    no rows; tried again on the next run */
} gw_file_state;

typedef struct gw_store_file {
	int64_t size;
	int64_t mtime_ns;
	uint64_t hash;	     /* XXH3-64 of the bytes; 0 when not hashed */
	int has_hash;
	gw_file_state state;
	int current_parser;  /* indexed by this gongwen version */
} gw_store_file;

/* Look `path` up; *found is 0 when the index has no record of it. */
gw_store_status gw_store_lookup(gw_store *s, const char *path,
				gw_store_file *f, int *found,
				gw_store_diag *d);

/* Record `path` with stat/hash info `f` and, when `doc` is non-NULL, its
 * rows; a NULL doc records the file without rows (skipped, failed).  Old rows of
 * the path go in the same transaction. */
gw_store_status gw_store_put(gw_store *s, const char *path,
			     const gw_store_file *f, const gw_document *doc,
			     gw_store_diag *d);

/* Update only the stat information (content known to be unchanged). */
gw_store_status gw_store_touch(gw_store *s, const char *path, int64_t size,
			       int64_t mtime_ns, gw_store_diag *d);

/* Forget `path` and its rows. */
gw_store_status gw_store_remove(gw_store *s, const char *path,
				gw_store_diag *d);

/* Remove every file for which keep(path) returns 0; *removed counts them.
 * Each removal is its own transaction. */
gw_store_status gw_store_prune(gw_store *s,
			       int (*keep)(const char *path, void *user),
			       void *user, size_t *removed,
			       gw_store_diag *d);

/* A write batch: gw_store_put/touch/remove inside it are committed
 * together.  If one of them fails, the batch is spoiled: commit rolls
 * it all back and fails.  BEGIN IMMEDIATE, so the write lock is taken
 * (waiting up to the busy timeout) before anything is read. */
gw_store_status gw_store_begin(gw_store *s, gw_store_diag *d);
gw_store_status gw_store_commit(gw_store *s, gw_store_diag *d);
void gw_store_rollback(gw_store *s);

/* ---- search ---------------------------------------------------------- */

typedef struct gw_store_query {
	gw_table table;
	const char *text;	/* words, all of which must occur in a node's
				   text (ASCII letters in either case); those of
				   >= 3 characters are looked up in nodes_fts,
				   shorter ones read every text (NULL: any) */
	const char *unit;	/* substring of a unit name (医保局 -> 市医保局) */
	const char *role;	/* lead, resp or coop */
	const char *doc;	/* doc column equals */
	const char *due_before; /* a deadline on or before this ISO date */
} gw_store_query;

/* Rows of q->table selected by q, as fields in the table's column order:
 * ranked by bm25 when q->text has a word of >= 3 characters, otherwise
 * in path order of the source files and document order within each. */
gw_store_status gw_store_search(gw_store *s, const gw_store_query *q,
				gw_row_fn fn, void *user, gw_store_diag *d);
gw_store_status gw_store_count(gw_store *s, const gw_store_query *q,
			       int64_t *count, gw_store_diag *d);

#endif
