/*
 * cmd_search.c — `gongwen search [-d DB] [-t TABLE] [filters] [QUERY]`
 *
 * Prints the rows of one table from the index as the same TSV that
 * `gongwen -t TABLE` writes (header, columns, escaping), so that search
 * results go into the same awk/cut/sort pipelines.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "dates.h"
#include "gongwen.h"
#include "store.h"
#include "tsv.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

static const char usage_text[] =
	"usage: gongwen search [-d DB] [-t TABLE] [--unit NAME]\n"
	"                      [--role lead|resp|coop] [--doc ID]\n"
	"                      [--due-before DATE] [--count] [--no-header]\n"
	"                      [QUERY...]\n"
	"\n"
	"Print the rows of TABLE in the index DB (default " GW_DEFAULT_DB ")\n"
	"that match, as the TSV 'gongwen -t TABLE' writes.  Every word of\n"
	"QUERY must occur in a node's text (ASCII letters in either case):\n"
	"words of three or more characters are looked up in the full-text\n"
	"index and rank the rows (BM25), shorter ones are matched as\n"
	"substrings.  The other tables keep the rows of matching nodes (docs:\n"
	"documents with one).\n"
	"\n"
	"  -d, --db DB          the index file\n"
	"  -t, --table TABLE    docs, nodes (default), units, targets or refs\n"
	"      --unit NAME      a unit whose name contains NAME (医保局 finds\n"
	"                       省医保局, 市医保局, ...) is responsible\n"
	"      --role ROLE      ... in this role: lead, resp or coop\n"
	"      --doc ID         rows of document ID only\n"
	"      --due-before DATE  a deadline on or before DATE (YYYY-MM-DD)\n"
	"      --count          print the number of rows instead\n"
	"      --no-header      omit the TSV header line\n"
	"  -h, --help           show this help and exit\n"
	"\n"
	"Exit status: 0 success, 1 the index could not be read, 2 usage\n"
	"error, 3 the output could not be written.\n";

static int usage_error(const char *what, const char *arg)
{
	if (arg)
		fprintf(stderr, "gongwen: %s '%s'\n", what, arg);
	else
		fprintf(stderr, "gongwen: %s\n", what);
	fputs("Try 'gongwen search --help'.\n", stderr);
	return EXIT_USAGE;
}

/* YYYY-MM-DD, a day the calendar has. */
static int valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int year = atoi(s), month = atoi(s + 5), day = atoi(s + 8);
	return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= gw_month_last_day(year, month);
}

typedef struct out {
	gw_buffer buf;
	int failed;
} out;

static void flush(out *o)
{
	if (!o->failed && o->buf.len &&
	    fwrite(o->buf.data, 1, o->buf.len, stdout) != o->buf.len)
		o->failed = errno ? errno : EIO;
	o->buf.len = 0;
}

static int put_row(void *user, const gw_field *f, size_t n)
{
	out *o = user;
	if (gw_tsv_put_row(&o->buf, f, n))
		return -1;
	if (o->buf.len >= 1 << 16)
		flush(o);
	return o->failed ? -1 : 0;
}

/* Join the QUERY words given as separate arguments. */
static char *join_args(char **argv, int n)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(argv[i]) + 1;
	char *s = malloc(len), *p = s;
	if (!s)
		return NULL;
	for (int i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i ? " " : "", argv[i]);
	*p = 0;
	return s;
}

static int run(const char *db, const gw_store_query *q, int count,
	       int header)
{
	gw_store *s;
	gw_store_diag d;
	/* Optional: without it SQLite allocates its pages as it goes. */
	gw_store_cache cache;
	(void)gw_store_cache_reserve(&cache, GW_STORE_SEARCH_CACHE_PAGES);
	if (gw_store_open(db, GW_STORE_READONLY, 5000, &s, &d)) {
		fprintf(stderr, "gongwen: %s\n", d.message);
		gw_store_cache_release(&cache);
		return EXIT_INPUT;
	}
	out o = {{0}, 0};
	gw_store_status st;
	if (count) {
		int64_t n;
		st = gw_store_count(s, q, &n, &d);
		if (!st)
			printf("%" PRId64 "\n", n);
	} else {
		if (header && gw_render_tsv_header(q->table, &o.buf))
			o.failed = ENOMEM;
		st = o.failed ? GW_STORE_OK : gw_store_search(s, q, put_row, &o, &d);
		flush(&o);
	}
	gw_store_close(s);
	gw_store_cache_release(&cache);
	gw_buffer_free(&o.buf);
	if (fflush(stdout) && !o.failed)
		o.failed = errno ? errno : EIO;
	if (o.failed) {
		fprintf(stderr, "gongwen: standard output: write error: %s\n",
			strerror(o.failed));
		return EXIT_OUTPUT;
	}
	if (st) {
		fprintf(stderr, "gongwen: %s: %s\n", db, d.message);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

int gw_cmd_search(int argc, char **argv)
{
	enum { OPT_UNIT = 256, OPT_ROLE, OPT_DOC, OPT_DUE, OPT_COUNT,
	       OPT_NO_HEADER };
	static const struct option longs[] = {
		{"db", required_argument, NULL, 'd'},
		{"table", required_argument, NULL, 't'},
		{"unit", required_argument, NULL, OPT_UNIT},
		{"role", required_argument, NULL, OPT_ROLE},
		{"doc", required_argument, NULL, OPT_DOC},
		{"due-before", required_argument, NULL, OPT_DUE},
		{"count", no_argument, NULL, OPT_COUNT},
		{"no-header", no_argument, NULL, OPT_NO_HEADER},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *db = GW_DEFAULT_DB;
	gw_store_query q = {GW_TABLE_NODES, NULL, NULL, NULL, NULL, NULL};
	int count = 0, header = 1, c, t;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":d:t:h", longs, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 't':
			if ((t = gw_table_from_name(optarg)) < 0)
				return usage_error("unknown table (docs, nodes, "
						   "units, targets, refs):",
						   optarg);
			q.table = (gw_table)t;
			break;
		case OPT_UNIT: q.unit = optarg; break;
		case OPT_ROLE:
			if (strcmp(optarg, "lead") && strcmp(optarg, "resp") &&
			    strcmp(optarg, "coop"))
				return usage_error("unknown role (lead, resp, "
						   "coop):",
						   optarg);
			q.role = optarg;
			break;
		case OPT_DOC: q.doc = optarg; break;
		case OPT_DUE:
			if (!valid_date(optarg))
				return usage_error("--due-before needs a date "
						   "YYYY-MM-DD, not",
						   optarg);
			q.due_before = optarg;
			break;
		case OPT_COUNT: count = 1; break;
		case OPT_NO_HEADER: header = 0; break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		case ':':
			return usage_error("option needs an argument:",
					   argv[optind - 1]);
		default: return usage_error("unknown option", argv[optind - 1]);
		}
	}
	char *text = NULL;
	if (optind < argc && !(text = join_args(argv + optind, argc - optind))) {
		fputs("gongwen: out of memory\n", stderr);
		return EXIT_INPUT;
	}
	q.text = text;
	int rc = run(db, &q, count, header);
	free(text);
	return rc;
}
