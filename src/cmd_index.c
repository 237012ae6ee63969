/*
 * cmd_index.c — `gongwen index [-d DB] [--prune] [-v] PATH...`
 *
 * Walks files and folders (recursively, in name order), and brings the
 * index up to date file by file:
 *   size and mtime as recorded      -> unchanged, not even opened;
 *   otherwise read and hashed (XXH3) -> same hash: only stat info updated;
 *   otherwise parsed, and its rows replaced in one transaction.
 * Files that are not text notices (binary, unknown encoding) are recorded
 * as skipped so they are not read again while unchanged.  A file that
 * cannot be read or parsed is reported and left as it was in the index.
 */
#define _XOPEN_SOURCE 700 /* realpath() */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "commands.h"
#include "gongwen.h"
#include "store.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_STORE = 3 };

/* Busy timeout: how long a run waits for another run's transaction. */
#define BUSY_MS 60000
/* Bytes looked at for NUL before a whole file is read. */
#define SNIFF 8192
/* Changes are committed in batches of at most this many files or this
 * long a time: far fewer FTS5 segment flushes than one commit per file,
 * and the write lock is never held long (a second run waits for it).
 * Each file is still replaced whole: a batch holds only complete files,
 * and a kill -9 loses at most the batch, which the next run redoes. */
#define BATCH_FILES 1000
#define BATCH_NS 1000000000LL

typedef enum outcome {
	OUT_NEW,
	OUT_CHANGED,
	OUT_UNCHANGED,
	OUT_REMOVED,
	OUT_FAILED,
	OUT_SKIPPED,
	OUT_COUNT
} outcome;

static const char *const outcome_names[OUT_COUNT] = {
	"new", "changed", "unchanged", "removed", "failed", "skipped"};

typedef struct indexer {
	const char *db_path;
	char *db_real; /* realpath of the index, excluded from walks */
	gw_store *store;
	gw_context *ctx;
	int verbose;
	int store_failed;
	int in_batch;
	size_t batch_files, batch_max;
	int64_t batch_start;
	size_t count[OUT_COUNT];
	char *buf;
	size_t cap;
} indexer;

static const char usage_text[] =
	"usage: gongwen index [-d DB] [--prune] [-v] PATH...\n"
	"\n"
	"Bring the SQLite index DB (default " GW_DEFAULT_DB ") up to date with\n"
	"the notices in each PATH, a file or a folder walked recursively.\n"
	"Unchanged files (same size and mtime) are not read; changed ones are\n"
	"re-parsed only when their content hash differs.\n"
	"\n"
	"  -d, --db DB     the index file (created when missing)\n"
	"      --prune     forget indexed files that no longer exist\n"
	"  -v, --verbose   name every file and what happened to it\n"
	"  -h, --help      show this help and exit\n"
	"\n"
	"A summary goes to standard error.  Exit status: 0 success, 1 a file\n"
	"could not be indexed, 2 usage error, 3 the index could not be\n"
	"opened or written.\n";

static int usage_error(const char *what, const char *arg)
{
	if (arg)
		fprintf(stderr, "gongwen: %s '%s'\n", what, arg);
	else
		fprintf(stderr, "gongwen: %s\n", what);
	fputs("Try 'gongwen index --help'.\n", stderr);
	return EXIT_USAGE;
}

/* The helpers below return 0 so that a caller can `return note(...)`. */
static int note(indexer *ix, const char *path, outcome o)
{
	ix->count[o]++;
	if (ix->verbose)
		fprintf(stderr, "gongwen: %s: %s\n", path, outcome_names[o]);
	return 0;
}

static int file_error(indexer *ix, const char *path, const char *msg)
{
	fprintf(stderr, "gongwen: %s: %s\n", path, msg);
	return note(ix, path, OUT_FAILED);
}

static int store_error(indexer *ix, const gw_store_diag *d)
{
	fprintf(stderr, "gongwen: %s: %s\n", ix->db_path, d->message);
	ix->store_failed = 1;
	return 0;
}

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Open a batch before a write; 0, or -1 after reporting. */
static int batch_open(indexer *ix)
{
	gw_store_diag d;
	if (ix->in_batch)
		return 0;
	if (gw_store_begin(ix->store, &d))
		return store_error(ix, &d), -1;
	ix->in_batch = 1;
	ix->batch_files = 0;
	ix->batch_start = now_ns();
	return 0;
}

/* Commit the batch when it is full (or `force`). */
static void batch_close(indexer *ix, int force)
{
	gw_store_diag d;
	if (!ix->in_batch)
		return;
	if (!force && ++ix->batch_files < ix->batch_max &&
	    now_ns() - ix->batch_start < BATCH_NS)
		return;
	ix->in_batch = 0;
	if (ix->store_failed)
		gw_store_rollback(ix->store);
	else if (gw_store_commit(ix->store, &d))
		store_error(ix, &d);
}

/* "dir/name.txt" -> "name", as the TSV doc column. */
static void doc_id_of(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), base);
}

static int64_t mtime_ns(const struct stat *st)
{
	return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* Read on into ix->buf, which holds *len bytes already, until end of
 * file or until it holds `limit` bytes (0: no limit).  0 or an errno. */
static int read_more(indexer *ix, int fd, size_t limit, size_t *len)
{
	size_t n = *len;
	while (!limit || n < limit) {
		if (n == ix->cap) {
			if (ix->cap > GW_MAX_INPUT)
				return EFBIG;
			size_t cap = ix->cap ? ix->cap * 2 : 1 << 16;
			char *p = realloc(ix->buf, cap);
			if (!p)
				return ENOMEM;
			ix->buf = p;
			ix->cap = cap;
		}
		size_t room = ix->cap - n;
		if (limit && room > limit - n)
			room = limit - n;
		ssize_t k = read(fd, ix->buf + n, room);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return errno;
		if (k == 0)
			break;
		n += (size_t)k;
		*len = n;
	}
	return 0;
}

/* NUL in the first bytes, and no UTF-16 byte order mark: binary. */
static int looks_binary(const char *p, size_t n)
{
	if (n >= 2 && ((p[0] == '\xFF' && p[1] == '\xFE') ||
		       (p[0] == '\xFE' && p[1] == '\xFF')))
		return 0;
	return memchr(p, 0, n < SNIFF ? n : SNIFF) != NULL;
}

/* Record a non-notice so it is not read again while unchanged. */
static int put_skipped(indexer *ix, const char *path, gw_store_file *f)
{
	gw_store_diag d;
	f->state = GW_FILE_SKIPPED;
	if (batch_open(ix))
		return 0;
	if (gw_store_put(ix->store, path, f, NULL, &d))
		return store_error(ix, &d);
	batch_close(ix, 0);
	return note(ix, path, OUT_SKIPPED);
}

static int index_file(indexer *ix, const char *path)
{
	gw_store_diag d;
	gw_store_file old;
	int found;
	struct stat st;
	if (stat(path, &st))
		return file_error(ix, path, strerror(errno));
	if (gw_store_lookup(ix->store, path, &old, &found, &d))
		return store_error(ix, &d);
	if (found && old.size == st.st_size && old.mtime_ns == mtime_ns(&st) &&
	    old.current_parser)
		return note(ix, path, old.state == GW_FILE_SKIPPED
					      ? OUT_SKIPPED
					      : OUT_UNCHANGED);
	if ((size_t)st.st_size > GW_MAX_INPUT)
		return file_error(ix, path, "input larger than 1 GiB");

	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return file_error(ix, path, strerror(errno));
	/* The stat recorded is the one taken before reading: if the file
	 * changes while we read, the next run sees a new mtime. */
	if (fstat(fd, &st)) {
		int e = errno;
		close(fd);
		return file_error(ix, path, strerror(e));
	}
	gw_store_file f = {st.st_size, mtime_ns(&st), 0, 0, GW_FILE_INDEXED, 1};
	size_t len = 0;
	int e = read_more(ix, fd, SNIFF, &len);
	if (!e && looks_binary(ix->buf, len)) {
		close(fd);
		return put_skipped(ix, path, &f);
	}
	if (!e)
		e = read_more(ix, fd, 0, &len);
	close(fd);
	if (e)
		return file_error(ix, path,
				  e == EFBIG ? "input larger than 1 GiB"
					     : strerror(e));

	f.hash = XXH3_64bits(ix->buf, len);
	f.has_hash = 1;
	if (found && old.has_hash && old.hash == f.hash && old.current_parser &&
	    old.state == GW_FILE_INDEXED) {
		if (batch_open(ix))
			return 0;
		if (gw_store_touch(ix->store, path, f.size, f.mtime_ns, &d))
			return store_error(ix, &d);
		batch_close(ix, 0);
		return note(ix, path, OUT_UNCHANGED);
	}

	char id[256];
	doc_id_of(path, id, sizeof id);
	gw_document *doc;
	gw_diag diag;
	gw_status ps = gw_document_parse(ix->ctx, ix->buf, len, id, &doc, &diag);
	if (ps == GW_ERR_BINARY || ps == GW_ERR_ENCODING)
		return put_skipped(ix, path, &f);
	if (ps != GW_OK)
		return file_error(ix, path, diag.message);
	gw_store_status ss = batch_open(ix) ? GW_STORE_OK
			     : gw_store_put(ix->store, path, &f, doc, &d);
	gw_document_free(doc);
	if (ix->store_failed)
		return 0;
	if (ss)
		return store_error(ix, &d);
	batch_close(ix, 0);
	return note(ix, path, found ? OUT_CHANGED : OUT_NEW);
}

/* The index itself and its -wal/-shm/-journal files are not inputs. */
static int is_index_file(const indexer *ix, const char *path)
{
	if (!ix->db_real)
		return 0;
	size_t n = strlen(ix->db_real);
	if (strncmp(path, ix->db_real, n))
		return 0;
	const char *rest = path + n;
	return !*rest || !strcmp(rest, "-wal") || !strcmp(rest, "-shm") ||
	       !strcmp(rest, "-journal");
}

static int walk(indexer *ix, const char *path, int top);

static int walk_dir(indexer *ix, const char *dir)
{
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort);
	if (n < 0)
		return file_error(ix, dir, strerror(errno));
	size_t dlen = strlen(dir);
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		/* dot files and folders (.git, editors' backups) are not
		 * notices; . and .. are not entries to follow */
		if (name[0] != '.' && !ix->store_failed) {
			size_t len = dlen + strlen(name) + 2;
			char *child = malloc(len);
			if (child) {
				snprintf(child, len, "%s%s%s", dir,
					 dlen && dir[dlen - 1] == '/' ? "" : "/",
					 name);
				walk(ix, child, 0);
				free(child);
			} else {
				file_error(ix, dir, strerror(ENOMEM));
			}
		}
		free(list[i]);
	}
	free(list);
	return 0;
}

static int walk(indexer *ix, const char *path, int top)
{
	struct stat st;
	if (lstat(path, &st))
		return file_error(ix, path, strerror(errno));
	if (S_ISLNK(st.st_mode)) {
		/* follow links to files; links to folders could loop */
		if (stat(path, &st))
			return file_error(ix, path, strerror(errno));
		if (S_ISDIR(st.st_mode) && !top)
			return 0;
	}
	if (is_index_file(ix, path))
		return 0;
	if (S_ISDIR(st.st_mode))
		return walk_dir(ix, path);
	if (S_ISREG(st.st_mode))
		return index_file(ix, path);
	return top ? file_error(ix, path, "not a regular file or folder") : 0;
}

static int still_there(const char *path, void *user)
{
	(void)user;
	struct stat st;
	if (!stat(path, &st))
		return S_ISREG(st.st_mode);
	return errno != ENOENT && errno != ENOTDIR;
}

static int run(indexer *ix, char **paths, int npaths, int prune)
{
	gw_store_diag d;
	gw_diag gd;
	if (gw_store_open(ix->db_path, GW_STORE_CREATE, BUSY_MS, &ix->store,
			  &d)) {
		fprintf(stderr, "gongwen: %s\n", d.message);
		return EXIT_STORE;
	}
	ix->db_real = realpath(ix->db_path, NULL);
	ix->ctx = gw_context_new(&gd);
	if (!ix->ctx) {
		fprintf(stderr, "gongwen: %s\n", gd.message);
		return EXIT_STORE;
	}
	for (int i = 0; i < npaths && !ix->store_failed; i++) {
		char *real = realpath(paths[i], NULL);
		if (!real) {
			file_error(ix, paths[i], strerror(errno));
			continue;
		}
		walk(ix, real, 1);
		free(real);
	}
	batch_close(ix, 1);
	size_t removed = 0;
	if (prune && !ix->store_failed) {
		if (gw_store_prune(ix->store, still_there, NULL, &removed, &d))
			store_error(ix, &d);
		ix->count[OUT_REMOVED] += removed;
	}
	fprintf(stderr,
		"gongwen: %s: %zu new, %zu changed, %zu unchanged, %zu removed, "
		"%zu failed, %zu skipped\n",
		ix->db_path, ix->count[OUT_NEW], ix->count[OUT_CHANGED],
		ix->count[OUT_UNCHANGED], ix->count[OUT_REMOVED],
		ix->count[OUT_FAILED], ix->count[OUT_SKIPPED]);
	if (ix->store_failed)
		return EXIT_STORE;
	return ix->count[OUT_FAILED] ? EXIT_INPUT : EXIT_OK;
}

int gw_cmd_index(int argc, char **argv)
{
	enum { OPT_PRUNE = 256 };
	static const struct option longs[] = {
		{"db", required_argument, NULL, 'd'},
		{"prune", no_argument, NULL, OPT_PRUNE},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	indexer ix = {0};
	ix.db_path = GW_DEFAULT_DB;
	/* Tests set smaller batches so that kill -9 lands between them. */
	const char *env = getenv("GW_INDEX_BATCH");
	ix.batch_max = env && atoi(env) > 0 ? (size_t)atoi(env) : BATCH_FILES;
	int prune = 0, c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":d:vh", longs, NULL)) != -1) {
		switch (c) {
		case 'd': ix.db_path = optarg; break;
		case OPT_PRUNE: prune = 1; break;
		case 'v': ix.verbose = 1; break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		case ':':
			return usage_error("option needs an argument:",
					   argv[optind - 1]);
		default: return usage_error("unknown option", argv[optind - 1]);
		}
	}
	if (optind >= argc && !prune)
		return usage_error("index needs a PATH (file or folder)", NULL);
	int rc = run(&ix, argv + optind, argc - optind, prune);
	gw_context_free(ix.ctx);
	gw_store_close(ix.store);
	free(ix.db_real);
	free(ix.buf);
	return rc;
}
