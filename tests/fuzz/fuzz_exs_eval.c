/*
 * libFuzzer harness for the evaluator: any input that parses is evaluated
 * as a file, with a host that accepts every DSL call and runs its blocks,
 * then every zero-arity function of every module it defined is called.
 * Evaluation must succeed or fail with a positioned error, within its step
 * budget, without crashing, leaking or overflowing the stack. Values are
 * inspected and converted to strings so every term built is walked.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/ast.h"
#include "exs/eval.h"

static int host(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **res, void *ctx,
                struct mx_err *err)
{
	struct mx_buf *out = ctx;
	for (size_t i = 0; i < c->nargs; i++)
		if (c->args[i])
			mx_term_inspect(c->args[i], out);
	if (c->do_block && mx_eval_block(ev, c->do_block, NULL, err) < 0)
		return -1;
	if (c->else_block && mx_eval_block(ev, c->else_block, NULL, err) < 0)
		return -1;
	*res = c->nargs && c->args[0] ? c->args[0] : mx_term_nil(ev->arena);
	return MX_EVAL_HANDLED;
}

static void check_error(const struct mx_err *err)
{
	/* Every evaluation error has a message; source errors a position. */
	if (!err->msg[0] || (err->file[0] && (err->line == 0 || err->col == 0)))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mx_arena arena = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_ast *tree = NULL;
	struct mx_buf out = MX_BUF_INIT;
	struct mx_eval ev;
	struct mx_term *t = NULL;

	mx_eval_init(&ev, &arena);
	ev.isolated_env = true;
	ev.steps_left = 200000;
	ev.max_call_depth = 100;
	mx_eval_setenv(&ev, "PORT", "4000");
	/* Lenient on odd inputs only, so both paths get exercised. */
	mx_eval_set_host(&ev, host, &out, size % 2 ? MX_EVAL_HOST_LENIENT : 0);
	if (mx_exs_parse(&arena, "fuzz.exs", (const char *)data, size, &tree, &err) < 0)
		goto out;
	if (mx_eval_file(&ev, tree, &t, &err) < 0) {
		check_error(&err);
		goto out;
	}
	mx_term_inspect(t, &out);
	(void)mx_term_to_string(t, &out);
	for (size_t i = 0; mx_eval_module_at(&ev, i); i++) {
		struct mx_eval_module *m = mx_eval_module_at(&ev, i);
		static const char *const names[] = {"change", "up", "down", "project", "run"};
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
			if (!mx_eval_module_has(m, names[k], 0, NULL))
				continue;
			mx_err_clear(&err);
			ev.steps_left = 200000;
			if (mx_eval_call_function(&ev, m, names[k], NULL, 0, &t, &err) < 0)
				check_error(&err);
			else
				mx_term_inspect(t, &out);
		}
	}
out:
	mx_eval_release(&ev);
	mx_buf_release(&out);
	mx_arena_release(&arena);
	return 0;
}
