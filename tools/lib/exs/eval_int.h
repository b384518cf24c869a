/*
 * eval_int: what the pieces of the evaluator share. Not a public interface.
 *
 *   eval.c          expressions: the AST walk, literals, variables, data,
 *                   operators; scopes; the entry points
 *   eval_text.c     strings, interpolation, charlists and sigils
 *   eval_match.c    pattern matching and clause selection
 *   eval_call.c     calls: dispatch, defined functions, funs and captures,
 *                   the host
 *   eval_forms.c    the special forms (if, case, cond, for, with, try...)
 *   eval_module.c   modules: defmodule, def, attributes, aliases, structs
 *   eval_builtins.c the builtin table: lookup, mx_eval_add_builtins
 *   stdlib_*.c      the builtins themselves (stdlib.h)
 *
 * Every evaluating function returns 0 or -1 with ev->err filled at the
 * position of the failing node; terms live in the arena, so there is
 * nothing to unwind.
 */
#ifndef MX_EXS_EVAL_INT_H
#define MX_EXS_EVAL_INT_H

#include "eval.h"

/* ---- The evaluator's data -------------------------------------------- */

struct ev_binding {
	const char *name;
	struct mx_term *val;
};

/* A lexical scope. Bindings only grow; a nested scope or a closure sees
 * the first parent_n bindings of its parent, those that existed when it was
 * created, which is how a closure captures values and not variables. */
struct mx_eval_scope {
	struct mx_eval_scope *parent;
	size_t parent_n;
	struct ev_binding *b;
	size_t n, alloc;
	struct mx_eval_module *module; /* NULL at the top level of a file */
	unsigned attr_seq;             /* attributes visible to @name reads */
	bool in_function;              /* inside def/fn: no def, no @x value */
};

/* A closure: the fn or capture node and the scope it was created in. */
struct ev_closure {
	struct mx_eval_scope *scope;
	size_t n;
};

struct ev_attr {
	const char *name;
	struct mx_term *val; /* NULL when its value could not be evaluated */
	struct mx_err *err;  /* why (malloc'd), reported when it is read */
	unsigned seq;
};

struct ev_alias {
	const char *as;   /* "Bar" */
	const char *full; /* "Foo.Bar" */
};

/* One def/defp clause. */
struct ev_clause {
	const char *name;
	const struct mx_ast *node; /* the def call */
	struct mx_ast **params;
	size_t nparams;
	size_t ndefaults;
	const struct mx_ast *guard;
	const struct mx_ast *body; /* NULL for a bodiless head */
	bool priv;
	unsigned attr_seq;
};

struct mx_eval_module {
	char *name; /* "Foo.Bar" (malloc'd) */
	const struct mx_ast *node;
	struct mx_eval_module *parent;
	struct ev_attr *attrs;
	size_t nattrs, aattrs;
	unsigned attr_seq;
	struct ev_clause *fns;
	size_t nfns, afns;
	struct ev_alias *aliases;
	size_t naliases, aaliases;
	const char **struct_fields; /* defstruct, in order; NULL if none */
	struct mx_term **struct_defaults;
	size_t nstruct;
	bool has_struct;
};

struct mx_eval_setenv {
	char *name;
	char *value; /* NULL: hidden */
};

/* Builds a term, allocated in the evaluator's arena. */
#define EV_A(ev) ((ev)->arena)

static inline struct mx_term *ev_nil(struct mx_eval *ev)
{
	return mx_term_nil(EV_A(ev));
}

/* ---- Errors and the step budget (eval.c) ------------------------------ */

/* Fails at node `at` (may be NULL) with an evaluation error. Returns -1. */
int ev_fail(struct mx_eval *ev, const struct mx_ast *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* As Elixir raising exception `exc`: "** (<exc>) <message>". */
int ev_raise(struct mx_eval *ev, const struct mx_ast *at, const char *exc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The current step budget check; returns -1 after failing when exhausted. */
int ev_step(struct mx_eval *ev, const struct mx_ast *at);
/* Charges n steps for work proportional to n (copying a list, a string),
 * so that quadratic code runs out of budget instead of memory. */
int ev_charge(struct mx_eval *ev, const struct mx_ast *at, size_t n);

/* ---- Small helpers (eval.c) ------------------------------------------- */

/* A list builder; its storage lives in the arena (nothing to free). */
struct ev_vec {
	struct mx_term **v;
	size_t n, alloc;
};
void ev_vec_push(struct mx_eval *ev, struct ev_vec *vec, struct mx_term *t);
struct mx_term *ev_vec_list(struct mx_eval *ev, struct ev_vec *vec);
/* inspect(t) for a message, cut after 600 bytes as Elixir's messages cut
 * long values; an arena string. */
const char *ev_insp(struct mx_eval *ev, const struct mx_term *t);
/* The value of System.get_env(name), or NULL. */
const char *ev_getenv(struct mx_eval *ev, const char *name);
/* Whitespace as String.split/1 and ~w see it (ASCII). */
bool ev_is_space(unsigned char c);

/* ---- The walk and scopes (eval.c) ------------------------------------- */

int ev_eval(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
/* A do-block's expressions in order; the value of the last (nil if none). */
int ev_eval_body(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
/* body in a new scope nested in the current one (nil for no body). */
int ev_eval_in_child(struct mx_eval *ev, const struct mx_ast *body, struct mx_term **out);
struct mx_eval_scope *ev_scope_new(struct mx_eval *ev, struct mx_eval_scope *parent);
void ev_scope_bind(struct mx_eval *ev, struct mx_eval_scope *s, const char *name,
                   struct mx_term *val);
struct mx_term *ev_scope_lookup(const struct mx_eval_scope *s, const char *name);

/* ---- Text (eval_text.c) ----------------------------------------------- */

/* The text of parts (literal text and #{} interpolations) appended to b. */
int ev_eval_parts(struct mx_eval *ev, const struct mx_ast_part *parts, size_t n, struct mx_buf *b);
/* A UTF-8 text as a charlist (invalid bytes taken one by one). */
struct mx_term *ev_charlist(struct mx_eval *ev, const char *s, size_t n);
int ev_eval_sigil(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);

/* ---- Matching (eval_match.c) ------------------------------------------ */

/* Matches pat against val, binding variables in the current scope. *ok
 * false is a non-match (not an error). */
int ev_match(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val, bool *ok);
/* pat = val: a non-match raises MatchError at `at`. */
int ev_match_or_raise(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val,
                      const struct mx_ast *at);
/* Tries one clause: its params against args, bound in scope s, then the
 * guard. */
int ev_try_clause(struct mx_eval *ev, struct mx_ast *const *params, size_t np,
                  const struct mx_ast *guard, struct mx_term **args, struct mx_eval_scope *s,
                  bool *ok);
/* Runs the first -> clause of clauses (CLAUSES, FN or one STAB) that takes
 * vals; *matched false when none did. */
int ev_run_clauses(struct mx_eval *ev, const struct mx_ast *clauses, struct mx_term **vals,
                   size_t nvals, bool *matched, struct mx_term **out);

/* ---- Source positions (eval.c) --------------------------------------- */

/* __FILE__ (or __DIR__ when dir_only) of node n: its file made absolute
 * against the cwd and normalised, as Elixir expands them. */
struct mx_term *ev_source_path(struct mx_eval *ev, const struct mx_ast *n, bool dir_only);
/* __ENV__.field at n: file, line and module as Elixir's Macro.Env has them;
 * other fields fail by name. */
int ev_env_field(struct mx_eval *ev, const struct mx_ast *n, const char *field,
                 struct mx_term **out);

/* ---- Calls (eval_call.c) ---------------------------------------------- */

/* A call node: special forms, then (its arguments evaluated) defined
 * functions, builtins, the host. pre is the piped value, or NULL. */
int ev_eval_call(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *pre,
                 struct mx_term **out);
/* Calls module.name(args) with evaluated arguments: defined functions,
 * builtins, the host, else "unsupported call". module NULL is local. */
int ev_dispatch(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
                size_t nargs, const struct mx_ast *at, struct mx_term **out);
/* Runs m's name/nargs (private ones too when allow_private); *found false
 * when m has no such function. */
int ev_call_clauses(struct mx_eval *ev, struct mx_eval_module *m, const char *name,
                    struct mx_term **args, size_t nargs, bool allow_private,
                    const struct mx_ast *at, struct mx_term **out, bool *found);
/* Calls a fun term. */
int ev_call_fun(struct mx_eval *ev, const struct mx_term *fun, struct mx_term **args, size_t n,
                const struct mx_ast *at, struct mx_term **out);
/* The fun term of an fn or & node, closing over the current scope. */
struct mx_term *ev_make_closure(struct mx_eval *ev, const struct mx_ast *node);
/* &name/N, &Mod.name/N: true with the module (NULL for local), name and
 * arity; false for an expression capture (&(&1 + 1)). *err -1 when the
 * module's alias could not be expanded. */
bool ev_named_capture(struct mx_eval *ev, const struct mx_ast *cap, const char **module,
                      const char **name, int64_t *arity, int *err);
/* The highest &N in a capture body. */
int64_t ev_capture_arity(const struct mx_ast *n);
/* Hands a call to the host (MX_EVAL_UNKNOWN without one). */
int ev_host_call(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
                 size_t nargs, const struct mx_ast *node, const struct mx_ast *do_block,
                 const struct mx_ast *else_block, const struct mx_err *arg_err,
                 struct mx_term **out);
/* The names of the capture arguments &0..&9 as bound in a scope. */
extern const char *const ev_capture_arg_names[10];

/* ---- Special forms (eval_forms.c) ------------------------------------- */

/* A local special form on its unevaluated arguments (if, case, for, def,
 * defmodule, alias, try...): 0 or -1, or 1 when name is none. */
int ev_special_form(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
/* x |> case do ... end. */
int ev_form_case(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *subject,
                 struct mx_term **out);
/* raise/reraise, on evaluated arguments. */
int ev_form_raise(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **args, size_t nargs);

/* ---- Modules (eval_module.c) ------------------------------------------ */

/* The module whose body or function is running, or NULL. */
struct mx_eval_module *ev_cur_module(struct mx_eval *ev);
/* The alias text ("Foo.Bar") an alias node names, expanded through the
 * aliases in effect; an arena string, or NULL after failing. */
const char *ev_expand_alias(struct mx_eval *ev, const struct mx_ast *n);
/* Whether m's clause c takes arity arguments (defaults counted). */
bool ev_clause_arity_ok(const struct ev_clause *c, size_t arity);
/* @name, read or set. */
int ev_eval_attr(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
int ev_form_defmodule(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
/* def/defp: records a clause in the current module. */
int ev_form_def(struct mx_eval *ev, const struct mx_ast *n, bool priv);
/* alias Foo.Bar / alias Foo.Bar, as: B / alias Foo.{A, B} */
int ev_form_alias(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
/* defstruct/defexception, on evaluated arguments. */
int ev_form_defstruct(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **args,
                      size_t nargs);
void ev_module_free(struct mx_eval_module *m);

/* ---- Builtins (eval_builtins.c, stdlib_*.c) --------------------------- */

/* Calls the builtin module.name/n (module NULL: Kernel, which holds the
 * operators too; unary ones are named "-/1", "+/1", "!/1", "not/1").
 * Returns 0 with *out set, 1 when there is no such builtin (or it passed
 * the call on), -1 on error. */
int ev_builtin(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
               size_t n, const struct mx_ast *at, struct mx_term **out);
/* Frees the builtin index of ev (mx_eval_release). */
void ev_builtins_release(struct mx_eval *ev);

/* Enumerables as lists: lists, maps (as {k, v} tuples), ranges. Returns
 * NULL (after raising Protocol.UndefinedError) for anything else. */
struct mx_term *ev_to_list(struct mx_eval *ev, const struct mx_term *t, const struct mx_ast *at);
/* Text for interpolation and to_string/1 (String.Chars). */
int ev_to_string(struct mx_eval *ev, const struct mx_term *t, const struct mx_ast *at,
                 struct mx_buf *out);
/* == (1 == 1.0). */
bool ev_loose_equal(const struct mx_term *x, const struct mx_term *y);
/* A %Range{} term. */
struct mx_term *ev_range(struct mx_eval *ev, int64_t first, int64_t last, int64_t step);

#endif
