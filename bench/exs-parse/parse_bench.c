/*
 * In-process parse timing for bench/exs-parse/run.sh: reads FILE once, then
 * parses it N times (fresh arena each time) and prints the best time and
 * MB/s. Unlike `mixless debug parse` it leaves out process start-up and
 * reading the file, so it shows the lexer and parser alone.
 *
 *   parse_bench FILE [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/ast.h"
#include "fsutil.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct mx_buf src = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	int runs = argc > 2 ? atoi(argv[2]) : 5;
	double best = 0;
	size_t arena_bytes = 0;

	if (argc < 2 || mx_fs_read(argv[1], &src, &err) < 0) {
		fprintf(stderr, "usage: parse_bench FILE [N] (%s)\n", err.msg);
		return 2;
	}
	for (int i = 0; i < runs; i++) {
		struct mx_arena a = MX_ARENA_INIT;
		struct mx_ast *t;
		double t0 = now();
		if (mx_exs_parse(&a, argv[1], src.buf, src.len, &t, &err) < 0) {
			fprintf(stderr, "%s:%u:%u: %s\n", err.file, err.line, err.col, err.msg);
			return 1;
		}
		double dt = now() - t0;
		if (!i || dt < best)
			best = dt;
		arena_bytes = a.total;
		mx_arena_release(&a);
	}
	printf("%zu bytes, best of %d: %.4fs, %.1f MB/s, tree %.1f MB\n", src.len, runs, best,
	       src.len / 1048576.0 / best, arena_bytes / 1048576.0);
	mx_buf_release(&src);
	return 0;
}
