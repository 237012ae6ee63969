/*
 * cmd_index.c — `gongwen index [-d DB] [--prune] [-v] PATH...`
 *
 * Walks files and folders (recursively, in name order), and brings the
 * index up to date file by file:
 *   size and mtime as recorded      -> unchanged, not even opened;
 *   otherwise read and hashed (XXH3) -> same hash: only stat info updated;
 *   otherwise parsed, and its rows replaced in one transaction.
 * Files that are not text notices (binary, unknown encoding, gongwen's
 * own TSV or XML output) are recorded
 * as skipped so they are not read again while unchanged.  A file that
 * cannot be read or parsed is reported and left as it was in the index.
 *
 * Two threads: this one walks, looks files up and writes the index; a
 * parser thread reads, hashes and parses the files that need it, up to
 * QUEUE files ahead.  Jobs finish in the order they were queued, so the
 * index, the messages and -v come out as they would from one thread.
 * The parser thread owns its gw_context and read buffer and never
 * touches the store; the queue is the only thing the two share.
 */
#define _XOPEN_SOURCE 700 /* realpath() */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "buf.h"
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
/* Files the parser thread may be ahead of the writer: enough to ride
 * over a slow commit, few enough that memory stays a few documents. */
#define QUEUE 8

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

/* What the parser thread made of a file. */
typedef enum job_result {
	JOB_TODO,   /* to be read, hashed and maybe parsed */
	JOB_NOTE,   /* nothing to do: count `outcome` (decided when queued) */
	JOB_FAILED, /* report `error` */
	JOB_SKIP,   /* not a text notice: record it as skipped */
	JOB_SAME,   /* same content as indexed: update stat info only */
	JOB_PARSED  /* write `doc` */
} job_result;

typedef struct job {
	char *path; /* owned */
	gw_store_file old; /* what the index knows, when `found` */
	int found;
	int done;   /* set by the parser thread, under the queue lock */
	job_result result;
	int outcome; /* for JOB_NOTE */
	gw_store_file f;
	gw_document *doc; /* owned, for JOB_PARSED */
	char error[256];
} job;

/* The parser thread's own state. */
typedef struct parser {
	gw_context *ctx;
	char *buf;
	size_t cap;
} parser;

/* A ring of jobs: [head, tail) are queued, [head, next) parsed. */
typedef struct queue {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	job ring[QUEUE];
	size_t head, next, tail;
	int closing;
	int threaded; /* 0: jobs are parsed inline (no thread could start) */
	pthread_t thread;
	parser p;
} queue;

typedef struct indexer {
	const char *db_path;
	char *db_real; /* realpath of the index, excluded from walks */
	gw_store *store;
	int verbose;
	int store_failed;
	int in_batch;
	size_t batch_files, batch_max;
	int64_t batch_start;
	size_t count[OUT_COUNT];
	queue q;
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

/* ---- the parser thread's side ------------------------------------------ */

/* Read on into p->buf, which holds *len bytes already, until end of
 * file or until it holds `limit` bytes (0: no limit).  0 or an errno. */
static int read_more(parser *p, int fd, size_t limit, size_t *len)
{
	size_t n = *len;
	while (!limit || n < limit) {
		if (n == p->cap) {
			if (p->cap > GW_MAX_INPUT)
				return EFBIG;
			size_t cap = p->cap ? p->cap * 2 : 1 << 16;
			char *b = realloc(p->buf, cap);
			if (!b)
				return ENOMEM;
			p->buf = b;
			p->cap = cap;
		}
		size_t room = p->cap - n;
		if (limit && room > limit - n)
			room = limit - n;
		ssize_t k = read(fd, p->buf + n, room);
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

/* `p` (n bytes) begins with `lit`; returns the bytes after it, or NULL. */
static const char *after_literal(const char *p, const char *end,
				 const char *lit)
{
	size_t k = strlen(lit);
	return (size_t)(end - p) >= k && !memcmp(p, lit, k) ? p + k : NULL;
}

/* The first line is the header of one of gongwen's own TSV tables
 * (columns are only ever appended, so more may follow a tab). */
static int starts_with_tsv_header(const char *p, const char *end)
{
	for (int t = 0; t < GW_TABLE_COUNT; t++) {
		const char *const *cols;
		size_t ncols = gw_table_columns((gw_table)t, &cols);
		const char *q = p;
		for (size_t c = 0; q && c < ncols; c++) {
			if (c > 0)
				q = after_literal(q, end, "\t");
			if (q)
				q = after_literal(q, end, cols[c]);
		}
		if (q && (q == end || *q == '\t' || *q == '\n' || *q == '\r'))
			return 1;
	}
	return 0;
}

/* The root element, after an XML declaration, blanks, comments and
 * processing instructions, is gongwen's own <gongwen>. */
static int starts_with_gongwen_xml(const char *p, const char *end)
{
	const char *q = after_literal(p, end, "<?xml") ? p : NULL;
	while (q) {
		while (q < end && strchr(" \t\r\n", *q))
			q++;
		const char *close = after_literal(q, end, "<?")	  ? "?>"
				    : after_literal(q, end, "<!--") ? "-->"
								   : NULL;
		if (!close)
			break;
		size_t at = gw_find(q, (size_t)(end - q), 0, close);
		q = at == SIZE_MAX ? NULL : q + at + strlen(close);
	}
	if (q)
		q = after_literal(q, end, "<gongwen");
	return q && q < end && strchr(" \t\r\n>/", *q);
}

/* gongwen's own output (a TSV table with its header, or the XML of -f
 * xml), saved next to the notices it came from: not a notice.  Looked
 * for in the first bytes only. */
static int looks_like_own_output(const char *p, size_t n)
{
	const char *end = p + (n < SNIFF ? n : SNIFF);
	const char *q = after_literal(p, end, "\xEF\xBB\xBF");
	if (q)
		p = q;
	return starts_with_tsv_header(p, end) ||
	       starts_with_gongwen_xml(p, end);
}

static void job_fail(job *j, int err)
{
	j->result = JOB_FAILED;
	if (err == EFBIG)
		snprintf(j->error, sizeof j->error, "input larger than 1 GiB");
	else if (strerror_r(err, j->error, sizeof j->error))
		snprintf(j->error, sizeof j->error, "error %d", err);
}

/* Read, hash and (when its content changed) parse the file of `j`. */
static void parse_job(parser *p, job *j)
{
	if (j->result == JOB_NOTE || j->result == JOB_FAILED)
		return; /* decided when queued */
	int fd = open(j->path, O_RDONLY);
	if (fd < 0) {
		job_fail(j, errno);
		return;
	}
	/* The stat recorded is the one taken before reading: if the file
	 * changes while we read, the next run sees a new mtime. */
	struct stat st;
	if (fstat(fd, &st)) {
		int e = errno;
		close(fd);
		job_fail(j, e);
		return;
	}
	j->f = (gw_store_file){st.st_size, mtime_ns(&st), 0, 0,
			       GW_FILE_INDEXED, 1};
	size_t len = 0;
	int e = read_more(p, fd, SNIFF, &len);
	if (!e && (looks_binary(p->buf, len) ||
		   looks_like_own_output(p->buf, len))) {
		close(fd);
		j->result = JOB_SKIP;
		return;
	}
	if (!e)
		e = read_more(p, fd, 0, &len);
	close(fd);
	if (e) {
		job_fail(j, e);
		return;
	}

	j->f.hash = XXH3_64bits(p->buf, len);
	j->f.has_hash = 1;
	const gw_store_file *old = &j->old;
	if (j->found && old->has_hash && old->hash == j->f.hash &&
	    old->current_parser && old->state == GW_FILE_INDEXED) {
		j->result = JOB_SAME;
		return;
	}
	char id[256];
	doc_id_of(j->path, id, sizeof id);
	gw_diag diag;
	gw_status ps = gw_document_parse(p->ctx, p->buf, len, id, &j->doc,
					 &diag);
	if (ps == GW_OK) {
		j->result = JOB_PARSED;
	} else if (ps == GW_ERR_BINARY) {
		j->result = JOB_SKIP;
	} else {
		/* damaged text (an invalid byte) is reported and tried again
		 * next run, as `gongwen FILE` reports it */
		j->result = JOB_FAILED;
		if (diag.offset == GW_NO_OFFSET)
			snprintf(j->error, sizeof j->error, "%s", diag.message);
		else
			snprintf(j->error, sizeof j->error,
				 "line %zu, byte %zu: %s",
				 gw_line_of(p->buf, len, diag.offset),
				 diag.offset, diag.message);
	}
}

static void *parser_main(void *arg)
{
	queue *q = arg;
	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (q->next == q->tail && !q->closing)
			pthread_cond_wait(&q->work, &q->mu);
		if (q->next == q->tail)
			break;
		job *j = &q->ring[q->next % QUEUE];
		pthread_mutex_unlock(&q->mu);
		parse_job(&q->p, j);
		pthread_mutex_lock(&q->mu);
		j->done = 1;
		q->next++;
		pthread_cond_signal(&q->done);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* ---- the writer's side --------------------------------------------------- */

/* Record a non-notice so it is not read again while unchanged. */
static void put_skipped(indexer *ix, const char *path, gw_store_file *f)
{
	gw_store_diag d;
	f->state = GW_FILE_SKIPPED;
	if (batch_open(ix))
		return;
	if (gw_store_put(ix->store, path, f, NULL, &d)) {
		store_error(ix, &d);
		return;
	}
	batch_close(ix, 0);
	note(ix, path, OUT_SKIPPED);
}

/* A file the index holds that can no longer be read or parsed (made
 * unreadable, emptied): its rows go, it is recorded as failed, and the
 * next run tries it again whatever its stat says. */
static void put_failed(indexer *ix, job *j)
{
	gw_store_diag d;
	j->f.state = GW_FILE_FAILED;
	if (batch_open(ix))
		return;
	if (gw_store_put(ix->store, j->path, &j->f, NULL, &d)) {
		store_error(ix, &d);
		return;
	}
	batch_close(ix, 0);
}

/* Write what the parser made of `j` (nothing more once the store has
 * failed: the run is over). */
static void finish_job(indexer *ix, job *j)
{
	gw_store_diag d;
	if (ix->store_failed)
		return;
	switch (j->result) {
	case JOB_TODO: /* not reached: the parser decides every job */
		break;
	case JOB_NOTE:
		note(ix, j->path, (outcome)j->outcome);
		break;
	case JOB_FAILED:
		if (j->found)
			put_failed(ix, j);
		file_error(ix, j->path, j->error);
		break;
	case JOB_SKIP:
		put_skipped(ix, j->path, &j->f);
		break;
	case JOB_SAME:
		if (batch_open(ix))
			break;
		if (gw_store_touch(ix->store, j->path, j->f.size,
				   j->f.mtime_ns, &d)) {
			store_error(ix, &d);
			break;
		}
		batch_close(ix, 0);
		note(ix, j->path, OUT_UNCHANGED);
		break;
	case JOB_PARSED:
		if (batch_open(ix))
			break;
		if (gw_store_put(ix->store, j->path, &j->f, j->doc, &d)) {
			store_error(ix, &d);
			break;
		}
		batch_close(ix, 0);
		note(ix, j->path, j->found ? OUT_CHANGED : OUT_NEW);
		break;
	}
}

/* Finish the oldest queued job, waiting for the parser if need be. */
static void finish_oldest(indexer *ix)
{
	queue *q = &ix->q;
	job *j = &q->ring[q->head % QUEUE];
	if (q->threaded) {
		pthread_mutex_lock(&q->mu);
		while (!j->done)
			pthread_cond_wait(&q->done, &q->mu);
		pthread_mutex_unlock(&q->mu);
	}
	finish_job(ix, j);
	gw_document_free(j->doc);
	free(j->path);
	q->head++;
}

static void drain(indexer *ix)
{
	while (ix->q.head != ix->q.tail)
		finish_oldest(ix);
}

/* A slot for a job on `path` (copied), with its result `preset` when it
 * is already decided (JOB_NOTE, JOB_FAILED); NULL when out of memory. */
static job *enqueue(indexer *ix, const char *path, job_result preset)
{
	queue *q = &ix->q;
	if (q->tail - q->head == QUEUE)
		finish_oldest(ix);
	job *j = &q->ring[q->tail % QUEUE];
	memset(j, 0, sizeof *j);
	j->result = preset;
	j->path = strdup(path);
	return j->path ? j : NULL;
}

/* Hand the job filled by enqueue() to the parser.  Only here does the
 * tail move, and with a parser thread only under the lock. */
static void submit(indexer *ix, job *j)
{
	queue *q = &ix->q;
	if (!q->threaded) {
		parse_job(&q->p, j);
		j->done = 1;
		q->tail++;
		finish_oldest(ix);
		return;
	}
	pthread_mutex_lock(&q->mu);
	q->tail++;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->mu);
}

/* A message or count for `path`, in its place in the walk: at once when
 * no job is pending, else queued behind them. */
static int report(indexer *ix, const char *path, outcome o, const char *msg)
{
	job *j = NULL;
	if (ix->q.head != ix->q.tail)
		j = enqueue(ix, path, o == OUT_FAILED ? JOB_FAILED : JOB_NOTE);
	if (!j)
		return o == OUT_FAILED ? file_error(ix, path, msg)
				       : note(ix, path, o);
	j->outcome = o;
	if (msg)
		snprintf(j->error, sizeof j->error, "%s", msg);
	submit(ix, j);
	return 0;
}

static int index_file(indexer *ix, const char *path)
{
	gw_store_diag d;
	gw_store_file old;
	int found;
	struct stat st;
	if (stat(path, &st))
		return report(ix, path, OUT_FAILED, strerror(errno));
	if (gw_store_lookup(ix->store, path, &old, &found, &d))
		return store_error(ix, &d);
	if (found && old.size == st.st_size && old.mtime_ns == mtime_ns(&st) &&
	    old.current_parser && old.state != GW_FILE_FAILED)
		return report(ix, path,
			      old.state == GW_FILE_SKIPPED ? OUT_SKIPPED
							   : OUT_UNCHANGED,
			      NULL);
	if ((size_t)st.st_size > GW_MAX_INPUT)
		return report(ix, path, OUT_FAILED, "input larger than 1 GiB");
	job *j = enqueue(ix, path, JOB_TODO);
	if (!j)
		return file_error(ix, path, strerror(ENOMEM));
	j->old = old;
	j->found = found;
	submit(ix, j);
	return 0;
}

/* Start the parser thread; without one, jobs are parsed inline. */
static int queue_start(queue *q, gw_diag *gd)
{
	q->p.ctx = gw_context_new(gd);
	if (!q->p.ctx)
		return -1;
	if (pthread_mutex_init(&q->mu, NULL))
		return 0;
	if (pthread_cond_init(&q->work, NULL)) {
		pthread_mutex_destroy(&q->mu);
		return 0;
	}
	if (pthread_cond_init(&q->done, NULL)) {
		pthread_cond_destroy(&q->work);
		pthread_mutex_destroy(&q->mu);
		return 0;
	}
	q->threaded = !pthread_create(&q->thread, NULL, parser_main, q);
	if (!q->threaded) {
		pthread_cond_destroy(&q->done);
		pthread_cond_destroy(&q->work);
		pthread_mutex_destroy(&q->mu);
	}
	return 0;
}

static void queue_stop(queue *q)
{
	if (q->threaded) {
		pthread_mutex_lock(&q->mu);
		q->closing = 1;
		pthread_cond_signal(&q->work);
		pthread_mutex_unlock(&q->mu);
		pthread_join(q->thread, NULL);
		pthread_cond_destroy(&q->done);
		pthread_cond_destroy(&q->work);
		pthread_mutex_destroy(&q->mu);
		q->threaded = 0;
	}
	gw_context_free(q->p.ctx);
	q->p.ctx = NULL;
	free(q->p.buf);
	q->p.buf = NULL;
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
		return report(ix, dir, OUT_FAILED, strerror(errno));
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
				report(ix, dir, OUT_FAILED, strerror(ENOMEM));
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
		return report(ix, path, OUT_FAILED, strerror(errno));
	if (S_ISLNK(st.st_mode)) {
		/* follow links to files; links to folders could loop */
		if (stat(path, &st))
			return report(ix, path, OUT_FAILED, strerror(errno));
		if (S_ISDIR(st.st_mode) && !top)
			return 0;
	}
	if (is_index_file(ix, path))
		return 0;
	if (S_ISDIR(st.st_mode))
		return walk_dir(ix, path);
	if (S_ISREG(st.st_mode))
		return index_file(ix, path);
	return top ? report(ix, path, OUT_FAILED, "not a regular file or folder")
		   : 0;
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
	if (queue_start(&ix->q, &gd)) {
		fprintf(stderr, "gongwen: %s\n", gd.message);
		return EXIT_STORE;
	}
	int paths_missing = 0;
	for (int i = 0; i < npaths && !ix->store_failed; i++) {
		char *real = realpath(paths[i], NULL);
		if (!real) {
			paths_missing = 1;
			report(ix, paths[i], OUT_FAILED, strerror(errno));
			continue;
		}
		walk(ix, real, 1);
		free(real);
	}
	drain(ix);
	queue_stop(&ix->q);
	batch_close(ix, 1);
	size_t removed = 0;
	/* A PATH that is not there (a share not mounted) says nothing of
	 * the files under it: pruning would empty the index of them. */
	if (prune && paths_missing && !ix->store_failed)
		fprintf(stderr, "gongwen: %s: not pruning: a PATH could not be "
				"read\n",
			ix->db_path);
	if (prune && !paths_missing && !ix->store_failed) {
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
	queue_stop(&ix.q); /* when run() stopped early */
	gw_store_close(ix.store);
	free(ix.db_real);
	return rc;
}
