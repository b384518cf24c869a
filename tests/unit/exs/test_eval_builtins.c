/* Unit tests for the builtin table: the core rows are well formed, a host
 * adds rows of its own with a context, replaces a core row, or passes a
 * call on; an unknown Module.fun/arity keeps its error and position. */
#include <stdlib.h>
#include <string.h>

#include "exs/ast.h"
#include "exs/eval.h"
#include "exs/stdlib.h"
#include "unit.h"

static struct mx_buf OUT = MX_BUF_INIT;

struct app_config {
	const char *port;
	int calls;
};

/* Application.get_env(app, key[, default]) answered from a config. */
static int app_get_env(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **result,
                       void *ctx, struct mx_err *err)
{
	struct app_config *cfg = ctx;
	(void)err;
	cfg->calls++;
	if (mx_term_is_atom(call->args[1], "port"))
		*result = mx_term_string(ev->arena, cfg->port);
	else
		*result = call->nargs == 3 ? call->args[2] : mx_term_nil(ev->arena);
	return MX_EVAL_HANDLED;
}

/* A replacement for String.upcase/1 that shouts. */
static int loud_upcase(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **result,
                       void *ctx, struct mx_err *err)
{
	(void)ctx;
	(void)err;
	*result = mx_term_string(ev->arena, "LOUD");
	return call->nargs == 1 ? MX_EVAL_HANDLED : -1;
}

/* Takes only integers; passes anything else on. */
static int picky(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **result,
                 void *ctx, struct mx_err *err)
{
	(void)ctx;
	(void)err;
	if (call->args[0]->type != MX_TERM_INT)
		return MX_EVAL_UNKNOWN;
	*result = mx_term_atom(ev->arena, "int");
	return MX_EVAL_HANDLED;
}

/* Fails, filling err as a host does. */
static int failing(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **result,
                   void *ctx, struct mx_err *err)
{
	(void)ev;
	(void)result;
	(void)ctx;
	return mx_err_at(err, MX_ERR_EVAL, call->node->file, call->node->line, call->node->col,
	                 "cannot %s here", call->name);
}

/* Fails without saying why. */
static int mute(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **result,
                void *ctx, struct mx_err *err)
{
	(void)ev;
	(void)call;
	(void)result;
	(void)ctx;
	(void)err;
	return -1;
}

static const struct mx_eval_builtin app_rows[] = {
    {"Application", "get_env", 2, app_get_env},
    {"Application", "get_env", 3, app_get_env},
    {"Picky", "take", 1, picky},
    {"Host", "fail", 0, failing},
    {"Host", "mute", 0, mute},
};

static const struct mx_eval_builtin loud_rows[] = {
    {"String", "upcase", 1, loud_upcase},
};

/* A host callback that answers Picky.take/1 itself (after the builtin
 * passed it on). */
static int host(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **result,
                void *ctx, struct mx_err *err)
{
	(void)ctx;
	(void)err;
	if (c->module && !strcmp(c->module, "Picky")) {
		*result = mx_term_atom(ev->arena, "host");
		return MX_EVAL_HANDLED;
	}
	return MX_EVAL_UNKNOWN;
}

/* Evaluates src with the rows added (each table with its ctx) and returns
 * the inspected value or "error: ...". */
static const char *run_with(const char *src, const struct mx_eval_builtin *rows, size_t n,
                            void *ctx, bool with_host)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *t;
	mx_buf_reset(&OUT);
	mx_eval_init(&ev, &a);
	if (with_host)
		mx_eval_set_host(&ev, host, NULL, 0);
	if (rows)
		mx_eval_add_builtins(&ev, rows, n, ctx);
	if (mx_exs_parse(&a, "b.exs", src, strlen(src), &ast, &err) < 0 ||
	    mx_eval_file(&ev, ast, &t, &err) < 0) {
		mx_buf_adds(&OUT, "error: ");
		mx_err_format(&err, &OUT);
	} else {
		mx_term_inspect(t, &OUT);
	}
	mx_eval_release(&ev);
	mx_arena_release(&a);
	return OUT.buf;
}

TEST(core_tables_are_well_formed)
{
	/* Every row names a module, a function and a fn, and no two rows of
	 * the core tables name the same Module.name/arity (the index would
	 * keep the last one silently). */
	const struct mx_eval_builtin *all[512];
	size_t n = 0;
	for (size_t t = 0; t < ev_core_tables_n; t++) {
		CHECK(*ev_core_tables[t].n > 0);
		for (size_t i = 0; i < *ev_core_tables[t].n && n < 512; i++)
			all[n++] = &ev_core_tables[t].rows[i];
	}
	CHECK(n > 250 && n < 512);
	for (size_t i = 0; i < n; i++) {
		CHECK(all[i]->module && all[i]->module[0] && all[i]->name && all[i]->name[0]);
		CHECK(all[i]->fn != NULL);
		for (size_t j = i + 1; j < n; j++)
			if (all[i]->arity == all[j]->arity && !strcmp(all[i]->name, all[j]->name) &&
			    !strcmp(all[i]->module, all[j]->module))
				UNIT_FAIL_("duplicate row %s.%s/%zu", all[i]->module, all[i]->name,
				           all[i]->arity);
	}
}

TEST(host_rows_with_context)
{
	struct app_config cfg = {"4001", 0};
	CHECK_STR(run_with("Application.get_env(:hello, :port)", app_rows, 5, &cfg, false),
	          "\"4001\"");
	CHECK_STR(run_with("Application.get_env(:hello, :other, 7)", app_rows, 5, &cfg, false),
	          "7");
	CHECK_INT(cfg.calls, 2);
	/* Through a capture and from a defined function too. */
	CHECK_STR(run_with("defmodule M do\n def port, do: Application.get_env(:hello, :port)\n"
	                   "end\nf = &Application.get_env/2\n{M.port(), f.(:hello, :x)}",
	                   app_rows, 5, &cfg, false),
	          "{\"4001\", nil}");
	/* Without the rows the call is unknown, with its position. */
	CHECK_STR(run_with("x = 1\nApplication.get_env(:hello, :port)", NULL, 0, NULL, false),
	          "error: b.exs:2:1: unsupported call Application.get_env/2");
	/* Another arity is another row. */
	CHECK_STR(run_with("Application.get_env(:hello)", app_rows, 5, &cfg, false),
	          "error: b.exs:1:1: unsupported call Application.get_env/1");
}

TEST(host_row_replaces_a_core_row)
{
	CHECK_STR(run_with("String.upcase(\"a\")", NULL, 0, NULL, false), "\"A\"");
	CHECK_STR(run_with("String.upcase(\"a\")", loud_rows, 1, NULL, false), "\"LOUD\"");
	/* Only that row: the others stay. */
	CHECK_STR(run_with("String.downcase(\"A\")", loud_rows, 1, NULL, false), "\"a\"");
}

TEST(passing_a_call_on)
{
	CHECK_STR(run_with("Picky.take(1)", app_rows, 5, NULL, true), ":int");
	CHECK_STR(run_with("Picky.take(:a)", app_rows, 5, NULL, true), ":host");
	CHECK_STR(run_with("Picky.take(:a)", app_rows, 5, NULL, false),
	          "error: b.exs:1:1: unsupported call Picky.take/1");
}

TEST(failing_rows)
{
	CHECK_STR(run_with("x = 2\n  Host.fail()", app_rows, 5, NULL, false),
	          "error: b.exs:2:3: cannot fail here");
	CHECK_STR(run_with("Host.mute()", app_rows, 5, NULL, false),
	          "error: b.exs:1:1: Host.mute/0 failed");
	/* A failure is an error a rescue does not take (not an Elixir raise). */
	CHECK_STR(
	    run_with("try do\n Host.fail()\nrescue\n _ -> :rescued\nend", app_rows, 5, NULL, false),
	    "error: b.exs:2:2: cannot fail here");
}

TEST(defined_functions_come_first)
{
	/* A module the code defines shadows a builtin of the same name. */
	CHECK_STR(run_with("defmodule String do\n def upcase(_), do: :mine\nend\n"
	                   "String.upcase(\"a\")",
	                   NULL, 0, NULL, false),
	          ":mine");
	CHECK_STR(run_with("defmodule M do\n def length(_), do: :local\n def f, do: length([1])\n"
	                   "end\nM.f()",
	                   NULL, 0, NULL, false),
	          ":local");
}

TEST(unknown_calls_keep_their_errors)
{
	CHECK_STR(run_with("Enum.frobnicate([1])", NULL, 0, NULL, false),
	          "error: b.exs:1:1: unsupported call Enum.frobnicate/1");
	CHECK_STR(run_with("x = [1]\n  Enum.map(x)", NULL, 0, NULL, false),
	          "error: b.exs:2:3: unsupported call Enum.map/1");
	CHECK_STR(run_with("frobnicate(1, 2)", NULL, 0, NULL, false),
	          "error: b.exs:1:1: unsupported call frobnicate/2");
	CHECK_STR(run_with(":lists.reverse([1])", NULL, 0, NULL, false),
	          "error: b.exs:1:1: unsupported call :lists.reverse/1");
	CHECK_STR(run_with("Atom.to_string(1)", NULL, 0, NULL, false),
	          "error: b.exs:1:1: unsupported call Atom.to_string/1");
}

int main(void)
{
	int r = unit_run();
	mx_buf_release(&OUT);
	return r;
}
