/*
 * test_stdlib.h: what the builtin tests (test_stdlib_*.c) share.
 *
 * Each case is one line of Elixir and the text the evaluator must give for
 * it: the inspected value, or "error: t.exs:L:C: <message>".
 *
 *   EX(src, want)   the result real Elixir gives (want is Elixir's inspect,
 *                   or its "** (Exception) message"); test_stdlib_oracle.py
 *                   re-checks every EX line against an installed elixir.
 *   OWN(src, want)  the evaluator's own answer where Elixir has nothing to
 *                   compare with: its limits ("... is not a constant") and
 *                   the results that depend on the test's environment.
 *
 * A failed case is reported and the test goes on, so that one run shows
 * every difference.
 */
#ifndef MX_TEST_STDLIB_H
#define MX_TEST_STDLIB_H

#include <stdlib.h>
#include <string.h>

#include "exs/ast.h"
#include "exs/eval.h"
#include "unit.h"

static struct mx_buf stdlib_out_ = MX_BUF_INIT;

/* Evaluates src as a script, with the environment variables the cases
 * expect (PORT=4001, EMPTY="", HOME=/home/u, nothing else), and returns the
 * inspected value or "error: <formatted error>". The text lives until the
 * next call. */
static const char *stdlib_run(const char *src)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *t;
	mx_buf_reset(&stdlib_out_);
	mx_eval_init(&ev, &a);
	ev.isolated_env = true;
	mx_eval_setenv(&ev, "PORT", "4001");
	mx_eval_setenv(&ev, "EMPTY", "");
	mx_eval_setenv(&ev, "HOME", "/home/u");
	if (mx_exs_parse(&a, "t.exs", src, strlen(src), &ast, &err) < 0 ||
	    mx_eval_file(&ev, ast, &t, &err) < 0) {
		mx_buf_adds(&stdlib_out_, "error: ");
		mx_err_format(&err, &stdlib_out_);
	} else {
		mx_term_inspect(t, &stdlib_out_);
	}
	mx_eval_release(&ev);
	mx_arena_release(&a);
	return stdlib_out_.buf;
}

static void stdlib_check(int *failed, const char *file, int line, const char *src, const char *want)
{
	const char *got = stdlib_run(src);
	if (strcmp(got, want)) {
		fprintf(stderr, "%s:%d: %s\n  got:  \"%s\"\n  want: \"%s\"\n", file, line, src, got,
		        want);
		*failed = 1;
	}
}

#define EX(src, want)  stdlib_check(unit_failed_, __FILE__, __LINE__, (src), (want))
#define OWN(src, want) stdlib_check(unit_failed_, __FILE__, __LINE__, (src), (want))

static inline int stdlib_main(void)
{
	int r = unit_run();
	mx_buf_release(&stdlib_out_);
	return r;
}

#endif
