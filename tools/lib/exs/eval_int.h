/*
 * eval_int: what eval.c (the interpreter core) and eval_stdlib.c (Kernel,
 * Enum, String... builtins) share. Not a public interface.
 */
#ifndef MX_EXS_EVAL_INT_H
#define MX_EXS_EVAL_INT_H

#include "eval.h"

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

/* Builds a term, allocated in the evaluator's arena. */
#define EV_A(ev) ((ev)->arena)

/* Fails at node `at` (may be NULL) with an evaluation error. Returns -1. */
int ev_fail(struct mx_eval *ev, const struct mx_ast *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* As Elixir raising exception `exc`: "** (<exc>) <message>". */
int ev_raise(struct mx_eval *ev, const struct mx_ast *at, const char *exc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Builtins: module is NULL for Kernel (local) calls, else "Enum",
 * "String", ":lists"... Returns 0 with *out set, 1 when unknown, -1 on error. */
int ev_builtin(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
               size_t n, const struct mx_ast *at, struct mx_term **out);

/* Calls a fun term. */
int ev_call_fun(struct mx_eval *ev, const struct mx_term *fun, struct mx_term **args, size_t n,
                const struct mx_ast *at, struct mx_term **out);

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
/* A list builder; its storage lives in the arena (nothing to free). */
struct ev_vec {
	struct mx_term **v;
	size_t n, alloc;
};
void ev_vec_push(struct mx_eval *ev, struct ev_vec *vec, struct mx_term *t);
struct mx_term *ev_vec_list(struct mx_eval *ev, struct ev_vec *vec);

/* A UTF-8 text as a charlist. */
struct mx_term *mx_eval_charlist(struct mx_eval *ev, const char *s, size_t n);
/* Keyword.merge/2 of two keyword lists. */
struct mx_term *mx_eval_kw_merge(struct mx_eval *ev, const struct mx_term *a,
                                 const struct mx_term *b);

/* The current step budget check; returns -1 after failing when exhausted. */
int ev_step(struct mx_eval *ev, const struct mx_ast *at);
/* Charges n steps for work proportional to n (copying a list, a string),
 * so that quadratic code runs out of budget instead of memory. */
int ev_charge(struct mx_eval *ev, const struct mx_ast *at, size_t n);

/* The value of System.get_env(name), or NULL. */
const char *ev_getenv(struct mx_eval *ev, const char *name);

#endif
