/*
 * stdlib_kernel: the operators and Kernel's functions, and Access.get (what
 * container[key] and get_in call):
 *
 *   operators  + - * / ** ++ -- <> == != === !== < > <= >= in, not in,
 *              .. ..// =~ (strings only), unary - + ! not
 *   Kernel     hd tl length elem put_elem tuple_size map_size byte_size
 *              is_atom/binary/bitstring/boolean/float/integer/number/list/
 *              tuple/map/nil/function/struct/exception is_map_key abs div
 *              rem max min round trunc floor ceil to_string to_charlist
 *              inspect apply then tap get_in config_env config_target
 *              binary_part (and :binary.part/3)
 */
#include <math.h>
#include <stdio.h>

#include "stdlib.h"

#define A EV_A(ev)

/* ---- Arithmetic -------------------------------------------------------- */

EV_BUILTIN_AS(k_plus, ev_arith(ev, "+", c->args[0], c->args[1], c->node, out))

EV_BUILTIN_AS(k_minus, ev_arith(ev, "-", c->args[0], c->args[1], c->node, out))

EV_BUILTIN_AS(k_times, ev_arith(ev, "*", c->args[0], c->args[1], c->node, out))

EV_BUILTIN_AS(k_divide, ev_arith(ev, "/", c->args[0], c->args[1], c->node, out))

EV_BUILTIN(k_pow)
{
	struct mx_term **a = c->args;
	if (!is_num(a[0]) || !is_num(a[1]))
		return ev_fclause_call(ev, c);
	if (!is_int(a[0]) || !is_int(a[1]) || a[1]->u.i < 0) {
		*out = mx_term_float(A, pow(num(a[0]), num(a[1])));
		return 0;
	}
	/* Square and multiply: 1 ** huge must not loop. */
	int64_t r = 1, b = a[0]->u.i, e = a[1]->u.i;
	while (e) {
		if ((e & 1) && __builtin_mul_overflow(r, b, &r))
			return ev_fail(ev, c->node, "integer overflow (beyond 64 bits)");
		e >>= 1;
		if (e && __builtin_mul_overflow(b, b, &b))
			return ev_fail(ev, c->node, "integer overflow (beyond 64 bits)");
	}
	*out = mx_term_int(A, r);
	return 0;
}

/* Unary - ("-/1"). */
EV_BUILTIN(k_negate)
{
	struct mx_term *x = c->args[0];
	if (!is_num(x))
		return ev_arith_error(ev, c->node, "-", x, NULL);
	if (is_int(x) && x->u.i == INT64_MIN)
		return ev_fail(ev, c->node, "integer overflow (beyond 64 bits)");
	*out = is_int(x) ? mx_term_int(A, -x->u.i) : mx_term_float(A, -x->u.f);
	return 0;
}

/* Unary + ("+/1"). */
EV_BUILTIN(k_identity)
{
	if (!is_num(c->args[0]))
		return ev_arith_error(ev, c->node, "+", c->args[0], NULL);
	*out = c->args[0];
	return 0;
}

/* The operands of div and rem, checked: 0 or -1 after raising. */
static int int_division(struct mx_eval *ev, const struct mx_eval_call *c)
{
	struct mx_term **a = c->args;
	if (!is_int(a[0]) || !is_int(a[1]) || a[1]->u.i == 0)
		return ev_arith_error(ev, c->node, c->name, a[0], a[1]);
	if (a[0]->u.i == INT64_MIN && a[1]->u.i == -1)
		return ev_fail(ev, c->node, "integer overflow (beyond 64 bits)");
	return 0;
}

EV_BUILTIN(k_div)
{
	if (int_division(ev, c) < 0)
		return -1;
	*out = mx_term_int(A, c->args[0]->u.i / c->args[1]->u.i);
	return 0;
}

EV_BUILTIN(k_rem)
{
	if (int_division(ev, c) < 0)
		return -1;
	*out = mx_term_int(A, c->args[0]->u.i % c->args[1]->u.i);
	return 0;
}

EV_BUILTIN(k_abs)
{
	struct mx_term *x = c->args[0];
	if (!is_num(x))
		return ev_badarg(ev, c->node, 0, "not a number");
	if (is_int(x) && x->u.i == INT64_MIN)
		return ev_fail(ev, c->node, "integer overflow (beyond 64 bits)");
	*out = is_int(x) ? mx_term_int(A, x->u.i < 0 ? -x->u.i : x->u.i)
	                 : mx_term_float(A, fabs(x->u.f));
	return 0;
}

/* round, trunc, floor and ceil: an integer as it is, a float through
 * how (the C function of the same name). */
static int to_integer(struct mx_eval *ev, const struct mx_eval_call *c, double (*how)(double),
                      struct mx_term **out)
{
	const struct mx_term *x = c->args[0];
	if (is_int(x)) {
		*out = (struct mx_term *)x;
		return 0;
	}
	if (!is_num(x))
		return ev_badarg(ev, c->node, 0, "not a number");
	double v = how(x->u.f);
	if (v > 9.2e18 || v < -9.2e18)
		return ev_fail(ev, c->node, "integer overflow (beyond 64 bits)");
	*out = mx_term_int(A, (int64_t)v);
	return 0;
}

EV_BUILTIN_AS(k_round, to_integer(ev, c, round, out))

EV_BUILTIN_AS(k_trunc, to_integer(ev, c, trunc, out))

EV_BUILTIN_AS(k_floor, to_integer(ev, c, floor, out))

EV_BUILTIN_AS(k_ceil, to_integer(ev, c, ceil, out))

/* ---- Comparison and booleans ------------------------------------------- */

/* == and != compare numbers by value (1 == 1.0), === and !== strictly. */
EV_BUILTIN_AS(k_eq, bool_out(ev, ev_loose_equal(c->args[0], c->args[1]), out))

EV_BUILTIN_AS(k_ne, bool_out(ev, !ev_loose_equal(c->args[0], c->args[1]), out))

EV_BUILTIN_AS(k_strict_eq, bool_out(ev, mx_term_equal(c->args[0], c->args[1]), out))

EV_BUILTIN_AS(k_strict_ne, bool_out(ev, !mx_term_equal(c->args[0], c->args[1]), out))

/* < > <= >= in Erlang's term order. */
EV_BUILTIN_AS(k_lt, bool_out(ev, mx_term_compare(c->args[0], c->args[1]) < 0, out))

EV_BUILTIN_AS(k_gt, bool_out(ev, mx_term_compare(c->args[0], c->args[1]) > 0, out))

EV_BUILTIN_AS(k_le, bool_out(ev, mx_term_compare(c->args[0], c->args[1]) <= 0, out))

EV_BUILTIN_AS(k_ge, bool_out(ev, mx_term_compare(c->args[0], c->args[1]) >= 0, out))

/* Kernel.max/min return the first argument when the two are equal. */
EV_BUILTIN(k_max)
{
	*out = mx_term_compare(c->args[0], c->args[1]) >= 0 ? c->args[0] : c->args[1];
	return 0;
}

EV_BUILTIN(k_min)
{
	*out = mx_term_compare(c->args[0], c->args[1]) <= 0 ? c->args[0] : c->args[1];
	return 0;
}

EV_BUILTIN_AS(k_bang, bool_out(ev, !mx_term_truthy(c->args[0]), out))

EV_BUILTIN(k_not)
{
	if (!is_bool(c->args[0]))
		return ev_raise(ev, c->node, "ArgumentError", "argument error");
	*out = boolean(ev, mx_term_is_atom(c->args[0], "false"));
	return 0;
}

/* x in coll, and not in (negate). */
static int membership(struct mx_eval *ev, const struct mx_eval_call *c, bool negate,
                      struct mx_term **out)
{
	int err;
	bool m = ev_member(ev, c->args[1], c->args[0], c->node, &err);
	return err ? -1 : bool_out(ev, m != negate, out);
}

EV_BUILTIN_AS(k_in, membership(ev, c, false, out))

EV_BUILTIN_AS(k_not_in, membership(ev, c, true, out))

/* ---- Binaries, lists, ranges ------------------------------------------- */

EV_BUILTIN(k_concat_binary)
{
	struct mx_term **a = c->args;
	for (int i = 0; i < 2; i++)
		if (!is_bin(a[i]))
			return ev_raise(ev, c->node, "ArgumentError",
			                "expected binary argument in <> operator but got: %s",
			                ev_insp(ev, a[i]));
	if (ev_charge(ev, c->node, (a[0]->u.bin.len + a[1]->u.bin.len) / 16) < 0)
		return -1;
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_add(&b, a[0]->u.bin.data, a[0]->u.bin.len);
	mx_buf_add(&b, a[1]->u.bin.data, a[1]->u.bin.len);
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

/* =~ with a string on the right: whether it is contained. */
EV_BUILTIN(k_match_text)
{
	struct mx_term **a = c->args;
	if (!is_bin(a[0]) || !is_bin(a[1]))
		return ev_fail(ev, c->node, "=~ with a regex is not a constant");
	*out = boolean(ev, ev_memfind(a[0]->u.bin.data, a[0]->u.bin.len, a[1]->u.bin.data,
	                              a[1]->u.bin.len) != NULL);
	return 0;
}

EV_BUILTIN_AS(k_list_concat, ev_list_concat(ev, c->args[0], c->args[1], c->node, out))

/* x -- y: each item of y removes its first occurrence from x. */
EV_BUILTIN(k_list_subtract)
{
	struct mx_term *x = c->args[0], *y = c->args[1];
	if (!is_proper(x) || !is_proper(y))
		return ev_raise(ev, c->node, "ArgumentError", "argument error");
	size_t n = x->u.list.n;
	if (ev_charge(ev, c->node, n + y->u.list.n) < 0 ||
	    ev_charge(ev, c->node, n / 16 * y->u.list.n) < 0)
		return -1;
	bool *gone = MX_ARENA_NEWN(A, bool, n + 1);
	for (size_t j = 0; j < y->u.list.n; j++)
		for (size_t i = 0; i < n; i++)
			if (!gone[i] && mx_term_equal(x->u.list.items[i], y->u.list.items[j])) {
				gone[i] = true;
				break;
			}
	struct ev_vec v = {0};
	for (size_t i = 0; i < n; i++)
		if (!gone[i])
			ev_vec_push(ev, &v, x->u.list.items[i]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* first..last and first..last//step. */
EV_BUILTIN(k_range)
{
	struct mx_term **a = c->args;
	if (c->nargs == 2 && (!is_int(a[0]) || !is_int(a[1])))
		return ev_raise(
		    ev, c->node, "ArgumentError",
		    "ranges (first..last) expect both sides to be integers, got: %s..%s",
		    ev_insp(ev, a[0]), ev_insp(ev, a[1]));
	if (c->nargs == 3 && (!is_int(a[0]) || !is_int(a[1]) || !is_int(a[2]) || !a[2]->u.i))
		return ev_raise(
		    ev, c->node, "ArgumentError",
		    "ranges (first..last//step) expect both sides to be integers and the "
		    "step to be a non-zero integer, got: %s..%s//%s",
		    ev_insp(ev, a[0]), ev_insp(ev, a[1]), ev_insp(ev, a[2]));
	int64_t step = c->nargs == 3 ? a[2]->u.i : (a[0]->u.i <= a[1]->u.i ? 1 : -1);
	*out = ev_range(ev, a[0]->u.i, a[1]->u.i, step);
	return 0;
}

EV_BUILTIN(k_hd)
{
	struct mx_term *l = c->args[0];
	if (!is_list(l) || !l->u.list.n)
		return ev_badarg(ev, c->node, 0, "not a nonempty list");
	*out = l->u.list.items[0];
	return 0;
}

EV_BUILTIN(k_tl)
{
	struct mx_term *l = c->args[0];
	if (!is_list(l) || !l->u.list.n)
		return ev_badarg(ev, c->node, 0, "not a nonempty list");
	if (l->u.list.n == 1 && l->u.list.tail)
		*out = l->u.list.tail;
	else
		*out =
		    mx_term_improper_list(A, l->u.list.items + 1, l->u.list.n - 1, l->u.list.tail);
	return 0;
}

EV_BUILTIN(k_length)
{
	if (!is_proper(c->args[0]))
		return ev_badarg(ev, c->node, 0, "not a list");
	*out = mx_term_int(A, (int64_t)c->args[0]->u.list.n);
	return 0;
}

/* ---- Tuples and sizes -------------------------------------------------- */

/* elem and put_elem are :erlang.element(index + 1, tuple) and setelement:
 * the index is the BIF's 1st argument, the tuple its 2nd. */
static int check_elem(struct mx_eval *ev, const struct mx_eval_call *c)
{
	struct mx_term **a = c->args;
	if (!is_tuple(a[0]))
		return ev_badarg(ev, c->node, 1, "not a tuple");
	if (!is_int(a[1]) || a[1]->u.i < 0 || (size_t)a[1]->u.i >= a[0]->u.tuple.n)
		return ev_badarg(ev, c->node, 0, "out of range");
	return 0;
}

EV_BUILTIN(k_elem)
{
	if (check_elem(ev, c) < 0)
		return -1;
	*out = c->args[0]->u.tuple.items[c->args[1]->u.i];
	return 0;
}

EV_BUILTIN(k_put_elem)
{
	if (check_elem(ev, c) < 0)
		return -1;
	struct mx_term *t = mx_term_tuple(A, c->args[0]->u.tuple.items, c->args[0]->u.tuple.n);
	t->u.tuple.items[c->args[1]->u.i] = c->args[2];
	*out = t;
	return 0;
}

EV_BUILTIN(k_tuple_size)
{
	if (!is_tuple(c->args[0]))
		return ev_badarg(ev, c->node, 0, "not a tuple");
	*out = mx_term_int(A, (int64_t)c->args[0]->u.tuple.n);
	return 0;
}

EV_BUILTIN(k_map_size)
{
	if (!is_map(c->args[0]))
		return ev_bad_map(ev, c->node, c->args[0]);
	*out = mx_term_int(A, (int64_t)c->args[0]->u.map.n);
	return 0;
}

EV_BUILTIN(k_byte_size)
{
	if (!is_bin(c->args[0]))
		return ev_badarg(ev, c->node, 0, "not a bitstring");
	*out = mx_term_int(A, (int64_t)c->args[0]->u.bin.len);
	return 0;
}

/* binary_part(bin, start, length): length may be negative (the bytes
 * before start); both ends must fall inside the binary. Shared with
 * :binary.part/3, which is the same BIF. */
EV_BUILTIN(k_binary_part)
{
	const struct mx_term *b = c->args[0];
	int64_t start, len, end;

	if (!is_bin(b))
		return ev_badarg(ev, c->node, 0, "not a binary");
	if (!is_int(c->args[1]) || !is_int(c->args[2]))
		return ev_raise(ev, c->node, "ArgumentError", "argument error");
	start = c->args[1]->u.i;
	len = c->args[2]->u.i;
	end = start + len;
	if (start < 0 || (size_t)start > b->u.bin.len || end < 0 || (size_t)end > b->u.bin.len)
		return ev_raise(ev, c->node, "ArgumentError", "argument error");
	if (len < 0)
		start = end, len = -len;
	*out = bin(ev, b->u.bin.data + start, (size_t)len);
	return 0;
}

/* ---- Type checks ------------------------------------------------------- */

EV_BUILTIN_AS(k_is_atom, bool_out(ev, is_atom(c->args[0]), out))
EV_BUILTIN_AS(k_is_binary, bool_out(ev, is_bin(c->args[0]), out))
EV_BUILTIN_AS(k_is_boolean, bool_out(ev, is_bool(c->args[0]), out))
EV_BUILTIN_AS(k_is_float, bool_out(ev, c->args[0]->type == MX_TERM_FLOAT, out))
EV_BUILTIN_AS(k_is_integer, bool_out(ev, is_int(c->args[0]), out))
EV_BUILTIN_AS(k_is_number, bool_out(ev, is_num(c->args[0]), out))
EV_BUILTIN_AS(k_is_list, bool_out(ev, is_list(c->args[0]), out))
EV_BUILTIN_AS(k_is_tuple, bool_out(ev, is_tuple(c->args[0]), out))
EV_BUILTIN_AS(k_is_map, bool_out(ev, is_map(c->args[0]), out))
EV_BUILTIN_AS(k_is_nil, bool_out(ev, mx_term_is_nil(c->args[0]), out))
EV_BUILTIN_AS(k_is_function, bool_out(ev, c->args[0]->type == MX_TERM_FUN, out))
EV_BUILTIN_AS(k_is_struct, bool_out(ev, mx_term_struct_name(c->args[0]) != NULL, out))

/* No exception values exist here (a rescued one is a plain struct). */
EV_BUILTIN_AS(k_is_exception, bool_out(ev, false, out))

/* is_function/2 does not check the arity: funs do not carry one here. */
EV_BUILTIN_AS(k_is_function2, bool_out(ev, c->args[0]->type == MX_TERM_FUN, out))

EV_BUILTIN(k_is_struct2)
{
	const char *s = mx_term_struct_name(c->args[0]);
	*out = boolean(ev, s && is_atom(c->args[1]) && !strcmp(s, c->args[1]->u.atom.name));
	return 0;
}

EV_BUILTIN(k_is_map_key)
{
	if (!is_map(c->args[0]))
		return ev_bad_map(ev, c->node, c->args[0]);
	*out = boolean(ev, mx_term_map_get(c->args[0], c->args[1]) != NULL);
	return 0;
}

/* ---- Conversions ------------------------------------------------------- */

EV_BUILTIN(k_to_string)
{
	struct mx_buf b = MX_BUF_INIT;
	int r = ev_to_string(ev, c->args[0], c->node, &b);
	if (r == 0)
		*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return r;
}

EV_BUILTIN(k_to_charlist)
{
	struct mx_buf b = MX_BUF_INIT;
	int r = ev_to_string(ev, c->args[0], c->node, &b);
	if (r == 0)
		*out = ev_charlist(ev, b.buf, b.len);
	mx_buf_release(&b);
	return r;
}

/* inspect/1,2 (the options are not looked at). */
EV_BUILTIN(k_inspect)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(c->args[0], &b);
	int r = ev_charge(ev, c->node, b.len / 16);
	if (r == 0)
		*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return r;
}

/* ---- Functions --------------------------------------------------------- */

EV_BUILTIN(k_apply)
{
	struct mx_term *l = c->args[1];
	if (!is_proper(l))
		return ev_badarg(ev, c->node, 1, "not a list");
	return ev_call_fun(ev, c->args[0], l->u.list.items, l->u.list.n, c->node, out);
}

EV_BUILTIN_AS(k_then, ev_call1(ev, c->args[1], c->args[0], c->node, out))

EV_BUILTIN(k_tap)
{
	struct mx_term *ignored;
	if (ev_call1(ev, c->args[1], c->args[0], c->node, &ignored) < 0)
		return -1;
	*out = c->args[0];
	return 0;
}

/* ---- Access ------------------------------------------------------------ */

/* Access.get on a struct: Elixir's UndefinedFunctionError, with the alias
 * hint it adds for a name of one segment. */
static int access_struct(struct mx_eval *ev, const struct mx_ast *at, const char *sn)
{
	const char *mod = strncmp(sn, "Elixir.", 7) ? sn : sn + 7;
	return ev_raise(ev, at, "UndefinedFunctionError",
	                "function %s.fetch/2 is undefined (%s does not implement the Access "
	                "behaviour\n\nYou can use the \"struct.field\" syntax to access struct "
	                "fields. You can also use Access.key!/1 to access struct fields "
	                "dynamically inside get_in/put_in/update_in)%s",
	                mod, mod,
	                strchr(mod, '.') ? ""
	                                 : ". Make sure the module name is correct and has been "
	                                   "specified in full (or that an alias has been defined)");
}

/* Access.get on a list: keyword lists by atom key. */
static int access_list(struct mx_eval *ev, const struct mx_ast *at, struct mx_term *l,
                       struct mx_term *key, struct mx_term **out)
{
	if (is_int(key))
		return ev_raise(
		    ev, at, "ArgumentError",
		    "the Access module does not support accessing lists by index, got: "
		    "%s\n\nAccessing a list by index is typically discouraged in Elixir, "
		    "instead we prefer to use the Enum module to manipulate lists as a "
		    "whole. If you really must access a list element by index, you can "
		    "use Enum.at/2 or the functions in the List module",
		    ev_insp(ev, key));
	if (!is_atom(key))
		return ev_raise(
		    ev, at, "ArgumentError",
		    "the Access module supports only keyword lists (with atom keys), got: "
		    "%s\n\nIf you want to search lists of tuples, use List.keyfind/3",
		    ev_insp(ev, key));
	long i = mx_term_kw_index(l, key);
	*out = i >= 0 ? l->u.list.items[i]->u.tuple.items[1] : ev_nil(ev);
	return 0;
}

EV_BUILTIN(access_get)
{
	struct mx_term *cont = c->args[0], *key = c->args[1];
	if (mx_term_is_nil(cont)) {
		*out = cont;
		return 0;
	}
	if (is_map(cont)) {
		const char *sn = mx_term_struct_name(cont);
		if (sn)
			return access_struct(ev, c->node, sn);
		const struct mx_term *v = mx_term_map_get(cont, key);
		*out = v ? (struct mx_term *)v : ev_nil(ev);
		return 0;
	}
	if (is_list(cont))
		return access_list(ev, c->node, cont, key, out);
	struct mx_term *args[3] = {cont, key, ev_nil(ev)};
	return ev_fclause(ev, c->node, "Access", "get", 3, args);
}

EV_BUILTIN(k_get_in)
{
	struct mx_term *keys = c->args[1];
	if (!is_proper(keys) || !keys->u.list.n)
		return ev_fclause_call(ev, c);
	struct mx_term *cur = c->args[0];
	for (size_t i = 0; i < keys->u.list.n; i++) {
		struct mx_term *args[2] = {cur, keys->u.list.items[i]};
		if (ev_builtin(ev, "Access", "get", args, 2, c->node, &cur) < 0)
			return -1;
	}
	*out = cur;
	return 0;
}

/* ---- The environment --------------------------------------------------- */

/* config_env() and config_target(), imported by `import Config`. */
EV_BUILTIN(k_config_env)
{
	*out = atom(ev, ev->mix_env);
	return 0;
}

EV_BUILTIN(k_config_target)
{
	*out = atom(ev, ev->mix_target);
	return 0;
}

/* self(), make_ref(), node(): values of a running node. One function for
 * the three, as their only work is to say so. */
EV_BUILTIN_AS(k_not_constant, ev_fail(ev, c->node, "%s() is not a constant", c->name))

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_kernel[] = {
	{"Kernel", "+", 2, k_plus},
	{"Kernel", "-", 2, k_minus},
	{"Kernel", "*", 2, k_times},
	{"Kernel", "/", 2, k_divide},
	{"Kernel", "**", 2, k_pow},
	{"Kernel", "-/1", 1, k_negate},
	{"Kernel", "+/1", 1, k_identity},
	{"Kernel", "!/1", 1, k_bang},
	{"Kernel", "not/1", 1, k_not},
	{"Kernel", "not", 1, k_not},
	{"Kernel", "<>", 2, k_concat_binary},
	{"Kernel", "++", 2, k_list_concat},
	{"Kernel", "--", 2, k_list_subtract},
	{"Kernel", "==", 2, k_eq},
	{"Kernel", "!=", 2, k_ne},
	{"Kernel", "===", 2, k_strict_eq},
	{"Kernel", "!==", 2, k_strict_ne},
	{"Kernel", "<", 2, k_lt},
	{"Kernel", ">", 2, k_gt},
	{"Kernel", "<=", 2, k_le},
	{"Kernel", ">=", 2, k_ge},
	{"Kernel", "in", 2, k_in},
	{"Kernel", "not in", 2, k_not_in},
	{"Kernel", "..", 2, k_range},
	{"Kernel", "..//", 3, k_range},
	{"Kernel", "=~", 2, k_match_text},
	{"Kernel", "hd", 1, k_hd},
	{"Kernel", "tl", 1, k_tl},
	{"Kernel", "length", 1, k_length},
	{"Kernel", "elem", 2, k_elem},
	{"Kernel", "put_elem", 3, k_put_elem},
	{"Kernel", "tuple_size", 1, k_tuple_size},
	{"Kernel", "map_size", 1, k_map_size},
	{"Kernel", "byte_size", 1, k_byte_size},
	{"Kernel", "binary_part", 3, k_binary_part},
	{":binary", "part", 3, k_binary_part},
	{"Kernel", "is_atom", 1, k_is_atom},
	{"Kernel", "is_binary", 1, k_is_binary},
	{"Kernel", "is_bitstring", 1, k_is_binary},
	{"Kernel", "is_boolean", 1, k_is_boolean},
	{"Kernel", "is_float", 1, k_is_float},
	{"Kernel", "is_integer", 1, k_is_integer},
	{"Kernel", "is_number", 1, k_is_number},
	{"Kernel", "is_list", 1, k_is_list},
	{"Kernel", "is_tuple", 1, k_is_tuple},
	{"Kernel", "is_map", 1, k_is_map},
	{"Kernel", "is_nil", 1, k_is_nil},
	{"Kernel", "is_function", 1, k_is_function},
	{"Kernel", "is_function", 2, k_is_function2},
	{"Kernel", "is_struct", 1, k_is_struct},
	{"Kernel", "is_struct", 2, k_is_struct2},
	{"Kernel", "is_exception", 1, k_is_exception},
	{"Kernel", "is_map_key", 2, k_is_map_key},
	{"Kernel", "abs", 1, k_abs},
	{"Kernel", "div", 2, k_div},
	{"Kernel", "rem", 2, k_rem},
	{"Kernel", "max", 2, k_max},
	{"Kernel", "min", 2, k_min},
	{"Kernel", "round", 1, k_round},
	{"Kernel", "trunc", 1, k_trunc},
	{"Kernel", "floor", 1, k_floor},
	{"Kernel", "ceil", 1, k_ceil},
	{"Kernel", "to_string", 1, k_to_string},
	{"Kernel", "to_charlist", 1, k_to_charlist},
	{"Kernel", "inspect", 1, k_inspect},
	{"Kernel", "inspect", 2, k_inspect},
	{"Kernel", "apply", 2, k_apply},
	{"Kernel", "then", 2, k_then},
	{"Kernel", "tap", 2, k_tap},
	{"Kernel", "get_in", 2, k_get_in},
	{"Kernel", "config_env", 0, k_config_env},
	{"Kernel", "config_target", 0, k_config_target},
	{"Kernel", "self", 0, k_not_constant},
	{"Kernel", "make_ref", 0, k_not_constant},
	{"Kernel", "node", 0, k_not_constant},
	{"Access", "get", 2, access_get},
};
/* clang-format on */
const size_t ev_builtins_kernel_n = EV_NROWS(ev_builtins_kernel);
