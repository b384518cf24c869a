/*
 * libFuzzer harness for EEx (tools/lib/eex): any input is compiled as an
 * EEx template and, when it compiles, rendered twice with a few bindings
 * (strings, a map, a keyword list, assigns) and a host that answers one
 * Phoenix-like function. Compilation and rendering must succeed or fail with
 * a positioned message, within the evaluator's step budget, without
 * crashing, leaking or recursing without bound; both renderings must agree.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eex/eex.h"
#include "exs/ast.h"

static int host(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **res, void *ctx,
                struct mx_err *err)
{
	(void)ctx;
	(void)err;
	if (c->module && !strcmp(c->module, "Phoenix.Naming") && c->nargs == 1 && c->args[0]) {
		*res = c->args[0];
		return MX_EVAL_HANDLED;
	}
	(void)ev;
	return MX_EVAL_UNKNOWN;
}

static void check_error(const struct mx_err *err)
{
	if (!err->msg[0] || (err->file[0] && (err->line == 0 || err->col == 0)))
		__builtin_trap();
}

static const char bindings[] =
    "[schema: %{alias: Post, singular: \"post\", attrs: [title: :string, views: :integer], "
    "binary_id: false, prefix: nil}, inputs: [\"<.input />\", \"<.input x />\"], n: 3, "
    "assigns: [title: \"T\"], flag: true]";

static int render(struct mx_eex *t, struct mx_buf *out, struct mx_err *err)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *kw;
	struct mx_eex_binding vars[8];
	size_t n = 0;
	int r = -1;
	mx_eval_init(&ev, &a);
	ev.isolated_env = true;
	ev.steps_left = 100000;
	ev.max_call_depth = 100;
	mx_eval_set_host(&ev, host, NULL, 0);
	if (mx_exs_parse(&a, "b.exs", bindings, sizeof(bindings) - 1, &ast, err) < 0 ||
	    mx_eval_expr(&ev, ast, &kw, err) < 0)
		__builtin_trap();
	for (size_t i = 0; i < kw->u.list.n && n < 8; i++, n++) {
		vars[n].name = kw->u.list.items[i]->u.tuple.items[0]->u.atom.name;
		vars[n].value = kw->u.list.items[i]->u.tuple.items[1];
	}
	r = mx_eex_render(t, &ev, vars, n, out, err);
	if (r < 0)
		check_error(err);
	if (ev.host != host)
		__builtin_trap();
	mx_eval_release(&ev);
	mx_arena_release(&a);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf out1 = MX_BUF_INIT, out2 = MX_BUF_INIT;
	struct mx_eex *t;
	if (mx_eex_compile(&a, "fuzz.eex", (const char *)data, size, &t, &err) < 0) {
		check_error(&err);
		goto out;
	}
	int r1 = render(t, &out1, &err);
	int r2 = render(t, &out2, &err);
	if (r1 != r2 || out1.len != out2.len || memcmp(out1.buf, out2.buf, out1.len))
		__builtin_trap();
out:
	mx_buf_release(&out1);
	mx_buf_release(&out2);
	mx_arena_release(&a);
	return 0;
}
