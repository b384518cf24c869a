/*
 * stdlib: what the builtin files (stdlib_*.c) share. Not a public interface.
 *
 * Each stdlib_<module>.c holds one small function per builtin and a table
 * of rows {module, name, arity, fn} (struct mx_eval_builtin, see eval.h),
 * listed in eval_builtins.c. A builtin follows the Elixir function it names:
 * its results, and the exceptions it raises with Elixir's messages. It has
 * the host callback's signature (EV_BUILTIN below) and returns 0 with *out
 * set, -1 with the error raised, or MX_EVAL_UNKNOWN to pass the call on to
 * the host, as a call the evaluator does not know.
 */
#ifndef MX_EXS_STDLIB_H
#define MX_EXS_STDLIB_H

#include <string.h>

#include "eval_int.h"

/* Defines a builtin: ev, c (the call: c->args, c->nargs, c->node for
 * positions) and out are its to use; the host callback's ctx and err the
 * core builtins do not need (errors go through ev_raise to ev->err). */
#define EV_BUILTIN(fname)                                                                          \
	static int fname(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **out,   \
	                 void *builtin_ctx_ __attribute__((unused)),                               \
	                 struct mx_err *builtin_err_ __attribute__((unused)))

/* A builtin that is one call of a helper it shares with its siblings
 * (Enum.filter and Enum.reject are select_items(..., true/false)). */
#define EV_BUILTIN_AS(fname, call)                                                                 \
	EV_BUILTIN(fname)                                                                          \
	{                                                                                          \
		return call;                                                                       \
	}

#define EV_NROWS(rows) (sizeof(rows) / sizeof((rows)[0]))

/* The core tables, one per file, listed in ev_core_tables (which
 * eval_builtins.c indexes). */
extern const struct mx_eval_builtin ev_builtins_kernel[], ev_builtins_enum[], ev_builtins_string[],
    ev_builtins_keyword_map[], ev_builtins_list[], ev_builtins_path_file[], ev_builtins_system[],
    ev_builtins_integer_atom[], ev_builtins_calendar[], ev_builtins_erlang[], ev_builtins_uri[];
extern const size_t ev_builtins_kernel_n, ev_builtins_enum_n, ev_builtins_string_n,
    ev_builtins_keyword_map_n, ev_builtins_list_n, ev_builtins_path_file_n, ev_builtins_system_n,
    ev_builtins_integer_atom_n, ev_builtins_calendar_n, ev_builtins_erlang_n, ev_builtins_uri_n;

struct ev_builtin_table {
	const struct mx_eval_builtin *rows;
	const size_t *n;
};
extern const struct ev_builtin_table ev_core_tables[];
extern const size_t ev_core_tables_n;

/* ---- Types ------------------------------------------------------------ */

static inline bool is_bin(const struct mx_term *t)
{
	return t && t->type == MX_TERM_BINARY;
}
static inline bool is_int(const struct mx_term *t)
{
	return t && t->type == MX_TERM_INT;
}
static inline bool is_num(const struct mx_term *t)
{
	return t && (t->type == MX_TERM_INT || t->type == MX_TERM_FLOAT);
}
static inline bool is_list(const struct mx_term *t)
{
	return t && t->type == MX_TERM_LIST;
}
static inline bool is_proper(const struct mx_term *t)
{
	return is_list(t) && !t->u.list.tail;
}
static inline bool is_atom(const struct mx_term *t)
{
	return t && t->type == MX_TERM_ATOM;
}
static inline bool is_tuple(const struct mx_term *t)
{
	return t && t->type == MX_TERM_TUPLE;
}
static inline bool is_map(const struct mx_term *t)
{
	return t && t->type == MX_TERM_MAP;
}
static inline bool is_bool(const struct mx_term *t)
{
	return mx_term_is_atom(t, "true") || mx_term_is_atom(t, "false");
}
static inline double num(const struct mx_term *t)
{
	return t->type == MX_TERM_INT ? (double)t->u.i : t->u.f;
}
/* A %Range{} with integer bounds and step (a hand-built %Range{first: :a}
 * is just a map). */
bool ev_is_range(const struct mx_term *t);

/* ---- Building terms --------------------------------------------------- */

static inline struct mx_term *bin(struct mx_eval *ev, const char *s, size_t n)
{
	return mx_term_binary(EV_A(ev), s, n);
}
static inline struct mx_term *cstr(struct mx_eval *ev, const char *s)
{
	return mx_term_binary(EV_A(ev), s, strlen(s));
}
static inline struct mx_term *boolean(struct mx_eval *ev, bool v)
{
	return mx_term_bool(EV_A(ev), v);
}
static inline struct mx_term *atom(struct mx_eval *ev, const char *s)
{
	return mx_term_atom(EV_A(ev), s);
}
static inline struct mx_term *empty_list(struct mx_eval *ev)
{
	return mx_term_list(EV_A(ev), NULL, 0);
}
/* *out = v as true or false; returns 0 (a builtin's "handled"). */
static inline int bool_out(struct mx_eval *ev, bool v, struct mx_term **out)
{
	*out = mx_term_bool(EV_A(ev), v);
	return 0;
}
/* The text of b as a binary term (b is left for the caller to release). */
static inline struct mx_term *buf_bin(struct mx_eval *ev, const struct mx_buf *b)
{
	return mx_term_binary(EV_A(ev), b->buf, b->len);
}

/* ---- Elixir's exceptions ---------------------------------------------- */

/* ArgumentError from an Erlang BIF: "errors were found at the given
 * arguments: * 1st argument: <what>". argi counts from 0. */
int ev_badarg(struct mx_eval *ev, const struct mx_ast *at, size_t argi, const char *what);
/* FunctionClauseError for mod.name/n called with args, blamed as mix
 * prints it (the arguments listed; a trailing default argument counted,
 * as String.upcase/1 fails in String.upcase/2). */
int ev_fclause(struct mx_eval *ev, const struct mx_ast *at, const char *mod, const char *name,
               size_t n, struct mx_term **args);
/* ev_fclause for the call c itself. */
int ev_fclause_call(struct mx_eval *ev, const struct mx_eval_call *c);
/* ArithmeticError blamed with the operation ("...: 1 / 0"); y NULL for a
 * unary operator, op a name (div) for a function. */
int ev_arith_error(struct mx_eval *ev, const struct mx_ast *at, const char *op,
                   const struct mx_term *x, const struct mx_term *y);
/* BadMapError "expected a map, got: ...". */
int ev_bad_map(struct mx_eval *ev, const struct mx_ast *at, const struct mx_term *t);

/* ---- Shared operations ------------------------------------------------ */

/* x op y for + - * /, with Elixir's errors; integer overflow is an error. */
int ev_arith(struct mx_eval *ev, const char *op, struct mx_term *x, struct mx_term *y,
             const struct mx_ast *at, struct mx_term **out);
/* x ++ y ([1] ++ 2 is [1 | 2]). */
int ev_list_concat(struct mx_eval *ev, struct mx_term *x, struct mx_term *y,
                   const struct mx_ast *at, struct mx_term **out);
/* x in coll (Enum.member?): *err -1 when coll is not enumerable. */
bool ev_member(struct mx_eval *ev, const struct mx_term *coll, const struct mx_term *x,
               const struct mx_ast *at, int *err);
/* Collects the items l into coll (a list or a map), each mapped through
 * mapper when given: Enum.into/2,3 and Map.new. A non-pair into a map fails
 * as :maps.from_list does, or, by_protocol, as Collectable does. */
int ev_into(struct mx_eval *ev, struct mx_term *l, struct mx_term *coll,
            const struct mx_term *mapper, bool by_protocol, const struct mx_ast *at,
            struct mx_term **out);
/* f.(x) and f.(x, y). */
int ev_call1(struct mx_eval *ev, const struct mx_term *f, struct mx_term *x,
             const struct mx_ast *at, struct mx_term **out);
int ev_call2(struct mx_eval *ev, const struct mx_term *f, struct mx_term *x, struct mx_term *y,
             const struct mx_ast *at, struct mx_term **out);
/* The first occurrence of n[0..nn) in h[0..hn), or NULL. */
const char *ev_memfind(const char *h, size_t hn, const char *n, size_t nn);
/* Parses an integer in base (2..36) at the start of s[0..n): 0 with *v and
 * *used, -1 when there are no digits, -2 when it does not fit in 64 bits. */
int ev_parse_int(const char *s, size_t n, int base, int64_t *v, size_t *used);

#endif
