/*
 * eval: a small evaluator for the constant code around Elixir DSLs.
 *
 * Tools read config files, mix.exs, migrations and routers by evaluating
 * them here. The evaluator knows literals, variables (scoped as modern Elixir
 * scopes them: bindings inside if/case/cond/fn/for do not leak out), module
 * attributes (a read sees the last value defined before the point of use),
 * def/defp with several clauses, pattern matching, guards and default
 * arguments, closures and captures, for comprehensions, and a useful part
 * of Kernel, Enum, String, Keyword, Map, List, Tuple, Path, File, System,
 * Atom, Integer, Access, Mix and Config: the builtins, a table of rows
 * {module, name, arity, fn} in stdlib_<module>.c, each following the Elixir
 * function it names (its results and its exceptions' messages). A tool
 * adds rows of its own, with a context, by mx_eval_add_builtins().
 *
 * A call is resolved in this order: the special forms (if, case, cond, for,
 * with, fn, def, defmodule, alias, raise...); functions of the modules this
 * evaluator defined (private ones only from inside their module); the
 * builtins (the core's and the tool's); the host. `import`, `require` and
 * `use` go to the host and are ignored when it does not want them.
 *
 * Everything else goes to the tool's HOST callback: the DSL calls (`create`,
 * `add`, `get`, `scope`, `config`...) arrive in source order with their
 * arguments evaluated and their do/else blocks unevaluated; the host can run
 * a block later with mx_eval_block() (e.g. after opening a "create table"
 * scope). What neither knows is an error at the call's position:
 * "unsupported call MyApp.Helper.x/1", "receive is not a constant".
 *
 * Memory: terms are allocated in the arena given to mx_eval_init and live as
 * long as it does; the evaluator's own tables are freed by mx_eval_release.
 * The ASTs given to the evaluator must outlive it (closures and function
 * definitions point into them).
 *
 * The implementation is split by job; eval_int.h lists the files.
 */
#ifndef MX_EXS_EVAL_H
#define MX_EXS_EVAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "../arena.h"
#include "../diag.h"
#include "ast.h"
#include "term.h"

struct mx_eval;
struct mx_eval_module;

/* A call the evaluator hands to the host. */
struct mx_eval_call {
	/* The module as written and alias-expanded, without "Elixir."
	 * ("Application", "Ecto.Migration"); NULL for a local call, or ":lists"
	 * for an Erlang module. */
	const char *module;
	const char *name;
	size_t arity;          /* as Elixir counts it (blocks included) */
	struct mx_term **args; /* the evaluated arguments (pipes included),
	                          without the do/else blocks */
	size_t nargs;
	const struct mx_ast *node; /* the call, for positions */
	/* The unevaluated bodies of `do ... end` / `else ...` (or `do:` /
	 * `else:` keywords), NULL when absent. A do-block given as `do: x`
	 * is NOT also in args. Run them with mx_eval_block(). */
	const struct mx_ast *do_block;
	const struct mx_ast *else_block;
	/* With MX_EVAL_HOST_LENIENT, an argument the evaluator could not
	 * evaluate arrives as NULL, and arg_err holds the first such error. */
	const struct mx_err *arg_err;
};

enum {
	MX_EVAL_HANDLED = 0, /* *result set */
	MX_EVAL_UNKNOWN = 1, /* not the host's: the evaluator reports it */
	/* -1: an error, err filled by the host (use mx_err_at with the node) */
};

/*
 * The host callback: returns MX_EVAL_HANDLED with *result set (may be nil),
 * MX_EVAL_UNKNOWN, or -1 with err filled. It may call back into the
 * evaluator (mx_eval_block, mx_eval_expr, mx_eval_call_fun...).
 */
typedef int (*mx_eval_host_fn)(struct mx_eval *ev, const struct mx_eval_call *call,
                               struct mx_term **result, void *ctx, struct mx_err *err);

enum {
	/* Unevaluable arguments reach the host as NULL instead of failing
	 * the call (for DSLs whose arguments may hold runtime code). */
	MX_EVAL_HOST_LENIENT = 1 << 0,
};

/*
 * Builtins: functions the evaluator answers itself, one row per
 * Module.name/arity, as jq's function_list[]. The core rows (Kernel and the
 * operators, Enum, String, Keyword, Map, List, Tuple, Path, File, System,
 * Integer, Atom, Access, Mix, Config) are in stdlib_*.c; a tool adds its
 * own with mx_eval_add_builtins, with a context pointer for what they need
 * (the project's config for Application.get_env, say).
 *
 * fn is called as the host callback is, with call->module and call->name
 * those of the row (local calls look in "Kernel"; unary operators are named
 * "-/1", "+/1", "!/1", "not/1"), call->args the evaluated arguments,
 * call->node the call for positions, and ctx the pointer given with the
 * rows. It returns MX_EVAL_HANDLED with *result set, -1 with err filled
 * (mx_err_at at call->node), or MX_EVAL_UNKNOWN to pass the call on, as if
 * there were no such builtin.
 *
 * For example, a tool answering Application.get_env/2,3 from its config:
 *
 *   static int app_get_env(struct mx_eval *ev, const struct mx_eval_call *call,
 *                          struct mx_term **result, void *ctx, struct mx_err *err)
 *   {
 *           const struct my_config *cfg = ctx;
 *           const struct mx_term *v = my_config_get(cfg, call->args[0], call->args[1]);
 *           *result = v ? (struct mx_term *)v
 *                       : call->nargs == 3 ? call->args[2] : mx_term_nil(ev->arena);
 *           return MX_EVAL_HANDLED;
 *   }
 *
 *   static const struct mx_eval_builtin app_builtins[] = {
 *           {"Application", "get_env", 2, app_get_env},
 *           {"Application", "get_env", 3, app_get_env},
 *   };
 *
 *   mx_eval_add_builtins(&ev, app_builtins, 2, &cfg);
 */
struct mx_eval_builtin {
	const char *module; /* "Enum", "Kernel", ":crypto" (as in struct mx_eval_call) */
	const char *name;
	size_t arity;
	mx_eval_host_fn fn;
};

struct mx_eval_setenv;
struct mx_eval_builtins;

struct mx_eval {
	struct mx_arena *arena; /* terms, scopes, closures */
	/* Mix.env() / config_env(): "dev" unless set. */
	const char *mix_env;
	/* config_target() / Mix.target(): "host" unless set. */
	const char *mix_target;
	mx_eval_host_fn host;
	void *host_ctx;
	unsigned host_flags;
	/* The directory relative paths resolve against in Path.expand/1,
	 * Path.wildcard/1 and File.* (mix runs from the project root); NULL:
	 * the process's working directory. */
	const char *cwd;
	/* When true, System.get_env sees only the variables given with
	 * mx_eval_setenv (tests); otherwise those override the process's. */
	bool isolated_env;
	/* Evaluation budget: every step costs one; 0 stops with an error
	 * (an infinite loop or runaway recursion in the evaluated code). */
	unsigned long steps_left;
	unsigned max_call_depth;

	/* Private. */
	struct mx_eval_module **modules;
	size_t nmodules, amodules;
	struct mx_eval_setenv *envvars;
	size_t nenv, aenv;
	struct mx_eval_builtins *builtins; /* the index, built at the first call */
	unsigned depth, call_depth;
	/* The stack guard: where the outermost evaluation's frame is, and how
	 * far below it evaluation may go (half the stack limit). The depth
	 * counts alone cannot bound the bytes: a sanitizer build's frames are
	 * several times larger. */
	uintptr_t stack_base;
	size_t stack_budget;
	struct mx_eval_scope *scope; /* the scope of the running code */
	size_t match_mark;           /* bindings of the running match start here */
	struct mx_err *err;          /* where the running entry point reports */
};

/* Initialises ev; terms will be allocated in a (which must outlive ev's use
 * of them). */
void mx_eval_init(struct mx_eval *ev, struct mx_arena *a);
/* Frees the evaluator's tables (not the terms, which live in the arena). */
void mx_eval_release(struct mx_eval *ev);

void mx_eval_set_host(struct mx_eval *ev, mx_eval_host_fn fn, void *ctx, unsigned flags);
/*
 * Adds n builtin rows (see struct mx_eval_builtin), called with ctx. The
 * rows and ctx must outlive ev (a static table is the usual). A row for a
 * Module.name/arity that is already a builtin replaces it, for this ev.
 * Calls resolve in this order: the special forms, functions of the modules
 * the evaluated code defines, builtins, then the host callback.
 */
void mx_eval_add_builtins(struct mx_eval *ev, const struct mx_eval_builtin *rows, size_t n,
                          void *ctx);

/* Sets (value non-NULL) or hides (NULL) an environment variable as
 * System.get_env/1 sees it. Strings are copied. */
void mx_eval_setenv(struct mx_eval *ev, const char *name, const char *value);

/*
 * Evaluates a whole file as Elixir runs a script: expressions in order,
 * `defmodule` defining modules (their bodies run: attributes and def/defp
 * are collected, other calls go to the host in order). *out (may be NULL)
 * gets the value of the last expression. Returns 0 or -1 with err.
 */
int mx_eval_file(struct mx_eval *ev, const struct mx_ast *file_ast, struct mx_term **out,
                 struct mx_err *err);

/* Evaluates one expression in a fresh top-level scope. */
int mx_eval_expr(struct mx_eval *ev, const struct mx_ast *expr, struct mx_term **out,
                 struct mx_err *err);

/*
 * For hosts: runs a do/else block handed over in struct mx_eval_call, in a
 * new scope nested in the scope of the call (variables of the enclosing code
 * are visible; the block's own bindings do not leak). Valid only while the
 * host callback for that call runs.
 */
int mx_eval_block(struct mx_eval *ev, const struct mx_ast *block, struct mx_term **out,
                  struct mx_err *err);

/* The module defined with that name ("Hello.Repo.Migrations.AddUsers",
 * without "Elixir."), or NULL. Modules belong to ev (valid until
 * mx_eval_release). */
struct mx_eval_module *mx_eval_module_find(struct mx_eval *ev, const char *name);
/* The i-th module defined (in order of their defmodule), or NULL. */
struct mx_eval_module *mx_eval_module_at(struct mx_eval *ev, size_t i);
const char *mx_eval_module_name(const struct mx_eval_module *m);
/* Whether the module defines name/arity (def or defp; defaults counted). */
bool mx_eval_module_has(const struct mx_eval_module *m, const char *name, size_t arity,
                        bool *is_private);
/* The last value given to @name in the module body, or NULL (also when that
 * value could not be evaluated: such an attribute is an error only when
 * code reads it). Accumulating attributes are not modelled: each @name
 * replaces the previous value. Typespec attributes (@spec, @type...) are
 * not evaluated. */
const struct mx_term *mx_eval_module_attr(const struct mx_eval_module *m, const char *name);
/* The AST node of the module (the defmodule call). */
const struct mx_ast *mx_eval_module_node(const struct mx_eval_module *m);

/* The body of the first clause of m's name/arity (def or defp), or NULL
 * (also for a bodiless head). For readers that fall back to looking at the
 * code when it cannot be run as a whole. */
const struct mx_ast *mx_eval_module_body(const struct mx_eval_module *m, const char *name,
                                         size_t arity);

/* Evaluates expr as code inside a function of m would run: m's functions
 * callable locally, module attributes as they are at the end of m's body. */
int mx_eval_expr_in(struct mx_eval *ev, struct mx_eval_module *m, const struct mx_ast *expr,
                    struct mx_term **out, struct mx_err *err);

/* Calls m.name(args...) (private functions included), with the host. */
int mx_eval_call_function(struct mx_eval *ev, struct mx_eval_module *m, const char *name,
                          struct mx_term **args, size_t nargs, struct mx_term **out,
                          struct mx_err *err);

/* Calls a fun term (fn or capture) with args. at gives the position for
 * errors (may be NULL). */
int mx_eval_call_fun(struct mx_eval *ev, const struct mx_term *fun, struct mx_term **args,
                     size_t nargs, const struct mx_ast *at, struct mx_term **out,
                     struct mx_err *err);

/* "Elixir.Foo.Bar" as an atom term for the alias text "Foo.Bar". */
struct mx_term *mx_eval_alias_atom(struct mx_eval *ev, const char *alias);

#endif
