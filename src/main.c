/*
 * main.c — the command line.  The only place that prints, opens files and
 * chooses the exit status; everything else is in the library.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "commands.h"
#include "gongwen.h"

enum exit_code {
	EXIT_OK = 0,
	EXIT_INPUT = 1,	 /* an input could not be processed */
	EXIT_USAGE = 2,	 /* bad command line */
	EXIT_OUTPUT = 3	 /* the output could not be written */
};

typedef enum format { FORMAT_TSV, FORMAT_XML } format;

typedef struct options {
	gw_table table;
	format fmt;
	int header;
	int fail_fast;
	int keep_deleted;
	const char *doc_id;
	const char *output;
} options;

static const char usage_text[] =
	"usage: gongwen [-t TABLE] [-f tsv|xml] [--no-header] [--doc-id ID]\n"
	"               [--keep-deleted] [--fail-fast] [-o FILE] [FILE...]\n"
	"       gongwen index [-d DB] [--prune] [-v] PATH...\n"
	"       gongwen search [-d DB] [-t TABLE] [--unit NAME] [--role ROLE]\n"
	"                      [--doc ID] [--due-before DATE] [--count]\n"
	"                      [--no-header] [QUERY...]\n"
	"\n"
	"Turn Chinese government notices (公文) into task records.\n"
	"Reads each FILE (or standard input when there is none, or for -)\n"
	"as UTF-8, UTF-16 with BOM or GB18030, plain text or an HTML page\n"
	"(detected by its content), and writes one table as TSV or, with\n"
	"-f xml, every document as XML.\n"
	"\n"
	"  -t, --table TABLE  docs, nodes (default), units, targets or refs\n"
	"  -f, --format FMT   tsv (default) or xml (the whole document)\n"
	"      --no-header    omit the TSV header line\n"
	"      --doc-id ID    the doc column for a single input\n"
	"                     (default: file name without directory and extension)\n"
	"      --keep-deleted with -f xml: keep struck-out text as <del>\n"
	"                     and struck-out items as <node deleted=\"true\">\n"
	"      --fail-fast    stop at the first input that cannot be processed\n"
	"  -o, --output FILE  write to FILE, replaced only when complete\n"
	"  -h, --help         show this help and exit\n"
	"  -V, --version      show the version and exit\n"
	"\n"
	"Exit status: 0 success, 1 an input could not be processed,\n"
	"2 usage error, 3 the output could not be written.\n"
	"'gongwen index --help' and 'gongwen search --help' describe the\n"
	"SQLite index of a folder of notices.  See gongwen(1).\n";

/* "gongwen: WHAT 'ARG'" (ARG may be NULL), a hint, exit status 2. */
static void usage_error(const char *what, const char *arg)
{
	if (arg)
		fprintf(stderr, "gongwen: %s '%s'\n", what, arg);
	else
		fprintf(stderr, "gongwen: %s\n", what);
	fputs("Try 'gongwen --help'.\n", stderr);
	exit(EXIT_USAGE);
}

static void parse_options(int argc, char **argv, options *o)
{
	enum { OPT_NO_HEADER = 256, OPT_DOC_ID, OPT_FAIL_FAST, OPT_KEEP };
	static const struct option longs[] = {
		{"table", required_argument, NULL, 't'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"no-header", no_argument, NULL, OPT_NO_HEADER},
		{"doc-id", required_argument, NULL, OPT_DOC_ID},
		{"fail-fast", no_argument, NULL, OPT_FAIL_FAST},
		{"keep-deleted", no_argument, NULL, OPT_KEEP},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}};
	int c, t;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:f:o:hV", longs, NULL)) != -1) {
		switch (c) {
		case 't':
			if ((t = gw_table_from_name(optarg)) < 0)
				usage_error("unknown table (docs, nodes, units, "
					    "targets, refs):", optarg);
			o->table = (gw_table)t;
			break;
		case 'f':
			if (!strcmp(optarg, "tsv"))
				o->fmt = FORMAT_TSV;
			else if (!strcmp(optarg, "xml"))
				o->fmt = FORMAT_XML;
			else
				usage_error("unknown format (tsv, xml):", optarg);
			break;
		case 'o': o->output = optarg; break;
		case OPT_NO_HEADER: o->header = 0; break;
		case OPT_DOC_ID: o->doc_id = optarg; break;
		case OPT_FAIL_FAST: o->fail_fast = 1; break;
		case OPT_KEEP: o->keep_deleted = 1; break;
		case 'h': fputs(usage_text, stdout); exit(EXIT_OK);
		case 'V':
			printf("gongwen %s (record format %d)\n", GW_VERSION,
			       GW_FORMAT_VERSION);
			exit(EXIT_OK);
		case ':':
			usage_error("option needs an argument:", argv[optind - 1]);
			break;
		default:
			usage_error("unknown option", argv[optind - 1]);
		}
	}
}

/* ---- input --------------------------------------------------------------- */

/* Read a whole stream; returns 0, or an errno value. */
static int slurp(FILE *f, char **data, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return ENOMEM;
	for (;;) {
		if (n == cap) {
			if (cap > GW_MAX_INPUT) {
				free(buf);
				return EFBIG;
			}
			char *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				return ENOMEM;
			}
			buf = p;
			cap *= 2;
		}
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0) {
			if (ferror(f)) {
				int e = errno ? errno : EIO;
				free(buf);
				return e;
			}
			break;
		}
	}
	*data = buf;
	*len = n;
	return 0;
}

static int read_input(const char *path, char **data, size_t *len)
{
	if (!strcmp(path, "-"))
		return slurp(stdin, data, len);
	struct stat st;
	if (stat(path, &st))
		return errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno;
	int e = slurp(f, data, len);
	fclose(f);
	return e;
}

/* "dir/name.txt" -> "name" */
static void default_doc_id(const char *path, char *out, size_t size)
{
	if (!strcmp(path, "-")) {
		snprintf(out, size, "-");
		return;
	}
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), base);
}


static void report(const char *path, const char *data, size_t len,
		   const gw_diag *d)
{
	const char *name = strcmp(path, "-") ? path : "(standard input)";
	if (d->offset == GW_NO_OFFSET)
		fprintf(stderr, "gongwen: %s: %s\n", name, d->message);
	else
		fprintf(stderr, "gongwen: %s: line %zu, byte %zu: %s\n", name,
			gw_line_of(data, len, d->offset), d->offset, d->message);
}

/* ---- output -------------------------------------------------------------- */

typedef struct sink {
	FILE *f;
	char *tmp_path; /* -o: the temporary file renamed at the end */
	const char *final_path;
	int failed;
} sink;

/* The temporary file of -o, removed when a signal ends the run so that
 * an interrupted cron job leaves nothing behind.  The one piece of global
 * state: a signal handler can reach nothing else. */
static const char *volatile pending_tmp;

static void remove_tmp_and_die(int sig)
{
	const char *tmp = pending_tmp;
	if (tmp)
		unlink(tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		signal(sigs[i], remove_tmp_and_die);
}

static int open_sink(sink *s, const char *path)
{
	s->f = stdout;
	s->final_path = path;
	if (!path)
		return 0;
	size_t n = strlen(path);
	s->tmp_path = malloc(n + 16);
	if (!s->tmp_path)
		return -1;
	snprintf(s->tmp_path, n + 16, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(s->tmp_path);
	if (fd < 0) {
		fprintf(stderr, "gongwen: %s: %s\n", path, strerror(errno));
		free(s->tmp_path);
		s->tmp_path = NULL;
		return -1;
	}
	pending_tmp = s->tmp_path;
	catch_signals();
	fchmod(fd, 0644);
	s->f = fdopen(fd, "wb");
	if (!s->f) {
		close(fd);
		unlink(s->tmp_path);
		return -1;
	}
	return 0;
}

static void sink_write(sink *s, gw_buffer *b)
{
	if (!s->failed && b->len && fwrite(b->data, 1, b->len, s->f) != b->len)
		s->failed = errno ? errno : EIO;
	b->len = 0;
}

/* Flush, and with -o rename over the target.  0 or -1. */
static int close_sink(sink *s, int keep)
{
	const char *name = s->final_path ? s->final_path : "standard output";
	if (fflush(s->f) && !s->failed)
		s->failed = errno ? errno : EIO;
	if (s->tmp_path) {
		if (fclose(s->f) && !s->failed)
			s->failed = errno ? errno : EIO;
		if (s->failed || !keep || rename(s->tmp_path, s->final_path)) {
			if (!s->failed && keep)
				s->failed = errno;
			unlink(s->tmp_path);
		}
		pending_tmp = NULL;
		free(s->tmp_path);
	} else if (ferror(s->f) && !s->failed) {
		s->failed = EIO;
	}
	if (s->failed) {
		fprintf(stderr, "gongwen: %s: write error: %s\n", name,
			strerror(s->failed));
		return -1;
	}
	return 0;
}

/* Refuse -o FILE when FILE is also an input. */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* ---- the run ------------------------------------------------------------- */

typedef struct run {
	const options *o;
	gw_context *ctx;
	sink out;
	gw_buffer buf;
	gw_xml_writer *xml; /* -f xml: one root for every input */
	size_t done, failed;
} run;

static int process(run *r, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	int e = read_input(path, &data, &len);
	if (e) {
		fprintf(stderr, "gongwen: %s: %s\n", path,
			e == EFBIG ? "input larger than 1 GiB" : strerror(e));
		return -1;
	}
	char id[256];
	if (r->o->doc_id)
		snprintf(id, sizeof id, "%s", r->o->doc_id);
	else
		default_doc_id(path, id, sizeof id);
	gw_document *doc;
	gw_diag d;
	gw_status st = gw_document_parse(r->ctx, data, len, id, &doc, &d);
	if (st != GW_OK) {
		report(path, data, len, &d);
		free(data);
		return -1;
	}
	free(data);
	/* not an error (a short notice may have no outline), but no
	 * task records at all should never pass unnoticed */
	if (!gw_document_node_count(doc))
		fprintf(stderr,
			"gongwen: %s: warning: no numbered outline "
			"(一、 （一） 1.) found: no nodes, units or targets\n",
			path);
	if (r->xml)
		st = gw_xml_write_document(r->xml, doc);
	else
		st = gw_render_tsv(doc, r->o->table, &r->buf);
	gw_document_free(doc);
	if (st != GW_OK) {
		fprintf(stderr, "gongwen: %s: %s\n", path, gw_status_name(st));
		return -1;
	}
	sink_write(&r->out, &r->buf);
	return 0;
}

/* The TSV header line, or the XML declaration and root start tag. */
static int start_output(run *r)
{
	if (r->o->fmt == FORMAT_XML) {
		unsigned flags = r->o->keep_deleted ? GW_XML_KEEP_DELETED : 0;
		r->xml = gw_xml_writer_new(&r->buf, flags);
		if (!r->xml) {
			fprintf(stderr, "gongwen: out of memory\n");
			return -1;
		}
	} else if (r->o->header &&
		   gw_render_tsv_header(r->o->table, &r->buf) != GW_OK) {
		return -1;
	}
	sink_write(&r->out, &r->buf);
	return 0;
}

/* Close the XML root (also after failed inputs: the output stays
 * well-formed).  0 or -1. */
static int finish_output(run *r)
{
	if (!r->xml)
		return 0;
	gw_status st = gw_xml_writer_finish(r->xml);
	r->xml = NULL;
	sink_write(&r->out, &r->buf);
	return st == GW_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "index"))
		return gw_cmd_index(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "search"))
		return gw_cmd_search(argc - 1, argv + 1);
	options o = {GW_TABLE_NODES, FORMAT_TSV, 1, 0, 0, NULL, NULL};
	parse_options(argc, argv, &o);
	char *stdin_only[] = {"-", NULL};
	char **files = optind < argc ? argv + optind : stdin_only;
	int nfiles = optind < argc ? argc - optind : 1;
	if (o.doc_id && nfiles > 1)
		usage_error("--doc-id needs exactly one FILE", NULL);
	for (int i = 0; o.output && i < nfiles; i++)
		if (same_file(o.output, files[i]))
			usage_error("output file is also an input:", o.output);

	gw_diag d;
	run r = {0};
	r.o = &o;
	r.ctx = gw_context_new(&d);
	if (!r.ctx) {
		fprintf(stderr, "gongwen: %s\n", d.message);
		return EXIT_INPUT;
	}
	if (open_sink(&r.out, o.output)) {
		gw_context_free(r.ctx);
		return EXIT_OUTPUT;
	}
	if (start_output(&r)) {
		gw_context_free(r.ctx);
		close_sink(&r.out, 0);
		return EXIT_OUTPUT;
	}
	for (int i = 0; i < nfiles && !r.out.failed; i++) {
		if (process(&r, files[i]) == 0) {
			r.done++;
		} else {
			r.failed++;
			if (o.fail_fast)
				break;
		}
	}
	if (finish_output(&r))
		r.out.failed = r.out.failed ? r.out.failed : ENOMEM;
	gw_buffer_free(&r.buf);
	gw_context_free(r.ctx);
	/* with -o, a run in which no input could be processed leaves the
	 * previous table in place rather than a table of nothing */
	int keep = r.done > 0 || r.failed == 0;
	int out_ok = close_sink(&r.out, keep) == 0;
	if (!keep && r.out.final_path)
		fprintf(stderr, "gongwen: %s: left as it was: no input could be "
				"processed\n",
			r.out.final_path);
	if (r.failed && nfiles > 1)
		fprintf(stderr, "gongwen: %zu of %d inputs processed, %zu failed\n",
			r.done, nfiles, r.failed);
	if (!out_ok)
		return EXIT_OUTPUT;
	return r.failed ? EXIT_INPUT : EXIT_OK;
}
