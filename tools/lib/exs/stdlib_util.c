/*
 * stdlib_util: what several builtin files need: Elixir's exceptions as mix
 * prints them, enumerables and String.Chars, arithmetic, and the list and
 * map operations more than one module uses (see stdlib.h).
 */
#include <stdio.h>
#include <string.h>

#include "stdlib.h"

#define A EV_A(ev)

/* ---- Exceptions ------------------------------------------------------- */

static const char *const ordinals[] = {"1st", "2nd", "3rd", "4th", "5th"};

int ev_badarg(struct mx_eval *ev, const struct mx_ast *at, size_t argi, const char *what)
{
	return ev_raise(ev, at, "ArgumentError",
	                "errors were found at the given arguments:\n\n  * %s argument: %s\n",
	                ordinals[argi < 5 ? argi : 4], what);
}

/* The trailing default argument of the Elixir functions that have one: a
 * call with fewer arguments fails in the full arity, the default among the
 * arguments ("String.upcase/2 ... # 2 :default"). Inspected text. */
static const struct {
	const char *mod, *name;
	size_t arity; /* as called, without the default */
	const char *dflt;
} trailing_defaults[] = {
    {"Enum", "at", 2, "nil"},
    {"Enum", "join", 1, "\"\""},
    {"Integer", "parse", 1, "10"},
    {"Keyword", "get", 2, "nil"},
    {"List", "first", 1, "nil"},
    {"List", "keyfind", 3, "nil"},
    {"List", "last", 1, "nil"},
    {"String", "capitalize", 1, ":default"},
    {"String", "downcase", 1, ":default"},
    {"String", "pad_leading", 2, "[\" \"]"},
    {"String", "pad_trailing", 2, "[\" \"]"},
    {"String", "replace", 3, "[]"},
    {"String", "split", 2, "[]"},
    {"String", "upcase", 1, ":default"},
    {"System", "get_env", 1, "nil"},
};

int ev_fclause(struct mx_eval *ev, const struct mx_ast *at, const char *mod, const char *name,
               size_t n, struct mx_term **args)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *dflt = NULL;
	for (size_t i = 0; i < sizeof(trailing_defaults) / sizeof(trailing_defaults[0]); i++)
		if (trailing_defaults[i].arity == n && !strcmp(trailing_defaults[i].mod, mod) &&
		    !strcmp(trailing_defaults[i].name, name))
			dflt = trailing_defaults[i].dflt;
	for (size_t i = 0; i < n; i++) {
		mx_buf_addf(&b, "\n    # %zu\n    ", i + 1);
		mx_term_inspect(args[i], &b);
		mx_buf_addch(&b, '\n');
	}
	if (dflt)
		mx_buf_addf(&b, "\n    # %zu\n    %s\n", ++n, dflt);
	int r = ev_raise(ev, at, "FunctionClauseError",
	                 "no function clause matching in %s.%s/%zu\n\n"
	                 "The following arguments were given to %s.%s/%zu:\n%s",
	                 mod, name, n, mod, name, n, b.buf);
	mx_buf_release(&b);
	return r;
}

int ev_fclause_call(struct mx_eval *ev, const struct mx_eval_call *c)
{
	return ev_fclause(ev, c->node, c->module, c->name, c->nargs, c->args);
}

int ev_arith_error(struct mx_eval *ev, const struct mx_ast *at, const char *op,
                   const struct mx_term *x, const struct mx_term *y)
{
	const char *msg = "bad argument in arithmetic expression";
	if (!y)
		return ev_raise(ev, at, "ArithmeticError", "%s: %s(%s)", msg, op, ev_insp(ev, x));
	if (op[0] >= 'a' && op[0] <= 'z')
		return ev_raise(ev, at, "ArithmeticError", "%s: %s(%s, %s)", msg, op,
		                ev_insp(ev, x), ev_insp(ev, y));
	return ev_raise(ev, at, "ArithmeticError", "%s: %s %s %s", msg, ev_insp(ev, x), op,
	                ev_insp(ev, y));
}

int ev_bad_map(struct mx_eval *ev, const struct mx_ast *at, const struct mx_term *t)
{
	return ev_raise(ev, at, "BadMapError", "expected a map, got: %s", ev_insp(ev, t));
}

/* Protocol.UndefinedError's message, as Elixir words it for protocols
 * that are not consolidated (the consolidated form also lists every type
 * the protocol is implemented for, which depends on the application). */
static int undefined_protocol(struct mx_eval *ev, const struct mx_ast *at, const char *proto,
                              const struct mx_term *t)
{
	char kind[300];
	const char *sn = mx_term_struct_name(t);
	if (sn)
		snprintf(kind, sizeof(kind), "%s (a struct)",
		         sn + (strncmp(sn, "Elixir.", 7) ? 0 : 7));
	else
		snprintf(kind, sizeof(kind), "%s",
		         t->type == MX_TERM_ATOM     ? "Atom"
		         : t->type == MX_TERM_BINARY ? "BitString"
		         : t->type == MX_TERM_FLOAT  ? "Float"
		         : t->type == MX_TERM_FUN    ? "Function"
		         : t->type == MX_TERM_INT    ? "Integer"
		         : t->type == MX_TERM_LIST   ? "List"
		         : t->type == MX_TERM_MAP    ? "Map"
		         : t->type == MX_TERM_TUPLE  ? "Tuple"
		                                     : "Reference");
	return ev_raise(ev, at, "Protocol.UndefinedError",
	                "protocol %s not implemented for type %s\n\nGot value:\n\n    %s\n", proto,
	                kind, ev_insp(ev, t));
}

/* ---- Enumerables and text --------------------------------------------- */

bool ev_is_range(const struct mx_term *t)
{
	const char *s = mx_term_struct_name(t);
	return s && !strcmp(s, "Elixir.Range") && is_int(mx_term_map_get_atom(t, "first")) &&
	       is_int(mx_term_map_get_atom(t, "last")) && is_int(mx_term_map_get_atom(t, "step"));
}

struct mx_term *ev_range(struct mx_eval *ev, int64_t first, int64_t last, int64_t step)
{
	static const char *fields[] = {"first", "last", "step"};
	struct mx_term *vals[3] = {mx_term_int(A, first), mx_term_int(A, last),
	                           mx_term_int(A, step)};
	return mx_term_struct(A, "Elixir.Range", fields, vals, 3);
}

/* The items of a range; NULL after failing when it has too many. */
static struct mx_term *range_list(struct mx_eval *ev, const struct mx_term *t,
                                  const struct mx_ast *at)
{
	const struct mx_term *f = mx_term_map_get_atom(t, "first");
	const struct mx_term *l = mx_term_map_get_atom(t, "last");
	const struct mx_term *s = mx_term_map_get_atom(t, "step");
	int64_t step = s->u.i;
	struct ev_vec v = {0};
	if (step == 0) {
		ev_raise(ev, at, "ArgumentError", "step must not be zero");
		return NULL;
	}
	/* The distance in unsigned arithmetic: bounds may be any int64 and
	 * their difference overflow a signed one. */
	uint64_t span = 0, st = step > 0 ? (uint64_t)step : 0 - (uint64_t)step;
	bool any = step > 0 ? l->u.i >= f->u.i : l->u.i <= f->u.i;
	if (any)
		span = step > 0 ? (uint64_t)l->u.i - (uint64_t)f->u.i
		                : (uint64_t)f->u.i - (uint64_t)l->u.i;
	uint64_t count = any ? span / st + 1 : 0;
	if (count > 10 * 1000 * 1000 || count > ev->steps_left) {
		ev_fail(ev, at, "range too large to enumerate");
		return NULL;
	}
	for (uint64_t i = 0; i < count; i++)
		ev_vec_push(ev, &v,
		            mx_term_int(A, (int64_t)((uint64_t)f->u.i + i * (uint64_t)step)));
	return ev_vec_list(ev, &v);
}

/* A map's {k, v} pairs in Map.to_list order: sorted keys, as for small
 * maps. */
static struct mx_term *map_list(struct mx_eval *ev, const struct mx_term *t)
{
	size_t n = t->u.map.n;
	struct mx_term **items = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
	for (size_t i = 0; i < n; i++)
		items[i] = mx_term_tuple2(A, t->u.map.keys[i], t->u.map.vals[i]);
	for (size_t i = 1; i < n; i++) {
		struct mx_term *x = items[i];
		size_t j = i;
		while (j > 0 &&
		       mx_term_compare(items[j - 1]->u.tuple.items[0], x->u.tuple.items[0]) > 0) {
			items[j] = items[j - 1];
			j--;
		}
		items[j] = x;
	}
	return mx_term_list(A, items, n);
}

struct mx_term *ev_to_list(struct mx_eval *ev, const struct mx_term *t, const struct mx_ast *at)
{
	if (is_list(t)) {
		if (t->u.list.tail) {
			ev_raise(ev, at, "ArgumentError", "expected a proper list, got: %s",
			         ev_insp(ev, t));
			return NULL;
		}
		return (struct mx_term *)t;
	}
	if (ev_is_range(t))
		return range_list(ev, t, at);
	if (t && t->type == MX_TERM_MAP && !mx_term_struct_name(t))
		return map_list(ev, t);
	undefined_protocol(ev, at, "Enumerable", t);
	return NULL;
}

int ev_to_string(struct mx_eval *ev, const struct mx_term *t, const struct mx_ast *at,
                 struct mx_buf *out)
{
	if (mx_term_to_string(t, out) == 0)
		return 0;
	if (t->type == MX_TERM_OPAQUE) {
		mx_buf_adds(out, t->u.opaque.what);
		return 0;
	}
	return undefined_protocol(ev, at, "String.Chars", t);
}

bool ev_loose_equal(const struct mx_term *x, const struct mx_term *y)
{
	if (x->type == MX_TERM_FUN || y->type == MX_TERM_FUN)
		return mx_term_equal(x, y);
	return mx_term_compare(x, y) == 0;
}

/* ---- Operations ------------------------------------------------------- */

int ev_arith(struct mx_eval *ev, const char *op, struct mx_term *x, struct mx_term *y,
             const struct mx_ast *at, struct mx_term **out)
{
	if (!is_num(x) || !is_num(y))
		return ev_arith_error(ev, at, op, x, y);
	if (!strcmp(op, "/")) {
		if (num(y) == 0)
			return ev_arith_error(ev, at, op, x, y);
		*out = mx_term_float(A, num(x) / num(y));
		return 0;
	}
	if (is_int(x) && is_int(y)) {
		int64_t a = x->u.i, b = y->u.i, r;
		bool ovf;
		switch (op[0]) {
		case '+':
			ovf = __builtin_add_overflow(a, b, &r);
			break;
		case '-':
			ovf = __builtin_sub_overflow(a, b, &r);
			break;
		default:
			ovf = __builtin_mul_overflow(a, b, &r);
			break;
		}
		if (ovf)
			return ev_fail(ev, at, "integer overflow (beyond 64 bits)");
		*out = mx_term_int(A, r);
		return 0;
	}
	double a = num(x), b = num(y);
	*out = mx_term_float(A, op[0] == '+' ? a + b : op[0] == '-' ? a - b : a * b);
	return 0;
}

int ev_list_concat(struct mx_eval *ev, struct mx_term *x, struct mx_term *y,
                   const struct mx_ast *at, struct mx_term **out)
{
	if (!is_proper(x))
		return ev_raise(ev, at, "ArgumentError", "argument error");
	if (ev_charge(ev, at, x->u.list.n) < 0)
		return -1;
	/* [1] ++ 2 is the improper list [1 | 2]; [] ++ x is x. */
	*out = x->u.list.n ? mx_term_improper_list(A, x->u.list.items, x->u.list.n, y) : y;
	return 0;
}

bool ev_member(struct mx_eval *ev, const struct mx_term *coll, const struct mx_term *x,
               const struct mx_ast *at, int *err)
{
	*err = 0;
	if (ev_is_range(coll)) {
		if (!is_int(x))
			return false;
		int64_t f = mx_term_map_get_atom(coll, "first")->u.i;
		int64_t l = mx_term_map_get_atom(coll, "last")->u.i;
		int64_t s = mx_term_map_get_atom(coll, "step")->u.i;
		uint64_t st = s > 0 ? (uint64_t)s : 0 - (uint64_t)s;
		if (s > 0)
			return x->u.i >= f && x->u.i <= l &&
			       ((uint64_t)x->u.i - (uint64_t)f) % st == 0;
		return x->u.i <= f && x->u.i >= l && ((uint64_t)f - (uint64_t)x->u.i) % st == 0;
	}
	const struct mx_term *l = ev_to_list(ev, coll, at);
	if (!l) {
		*err = -1;
		return false;
	}
	for (size_t i = 0; i < l->u.list.n; i++)
		if (mx_term_equal(l->u.list.items[i], x))
			return true;
	return false;
}

int ev_call1(struct mx_eval *ev, const struct mx_term *f, struct mx_term *x,
             const struct mx_ast *at, struct mx_term **out)
{
	struct mx_term *args[1] = {x};
	return ev_call_fun(ev, f, args, 1, at, out);
}

int ev_call2(struct mx_eval *ev, const struct mx_term *f, struct mx_term *x, struct mx_term *y,
             const struct mx_ast *at, struct mx_term **out)
{
	struct mx_term *args[2] = {x, y};
	return ev_call_fun(ev, f, args, 2, at, out);
}

int ev_into(struct mx_eval *ev, struct mx_term *l, struct mx_term *coll,
            const struct mx_term *mapper, bool by_protocol, const struct mx_ast *at,
            struct mx_term **out)
{
	if (mapper) {
		struct ev_vec v = {0};
		for (size_t i = 0; i < l->u.list.n; i++) {
			struct mx_term *x;
			if (ev_call1(ev, mapper, l->u.list.items[i], at, &x) < 0)
				return -1;
			ev_vec_push(ev, &v, x);
		}
		l = ev_vec_list(ev, &v);
	}
	if (is_list(coll))
		return ev_list_concat(ev, coll, l, at, out);
	if (!is_map(coll))
		return ev_fail(ev, at, "unsupported collectable %s", ev_insp(ev, coll));
	if (ev_charge(ev, at, coll->u.map.n + l->u.list.n) < 0)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *e = l->u.list.items[i];
		if ((e->type != MX_TERM_TUPLE || e->u.tuple.n != 2) && !by_protocol)
			return ev_raise(ev, at, "ArgumentError", "argument error");
		if (e->type != MX_TERM_TUPLE || e->u.tuple.n != 2)
			return ev_raise(
			    ev, at, "ArgumentError",
			    "collecting into a map requires {key, value} tuples, got: %s",
			    ev_insp(ev, e));
	}
	*out = mx_term_map_put_pairs(A, coll, l);
	return 0;
}

const char *ev_memfind(const char *h, size_t hn, const char *n, size_t nn)
{
	if (nn == 0)
		return h;
	if (nn > hn)
		return NULL;
	for (size_t i = 0; i + nn <= hn; i++)
		if (!memcmp(h + i, n, nn))
			return h + i;
	return NULL;
}

int ev_parse_int(const char *s, size_t n, int base, int64_t *v, size_t *used)
{
	size_t i = 0;
	bool neg = false;
	if (i < n && (s[i] == '+' || s[i] == '-')) {
		neg = s[i] == '-';
		i++;
	}
	size_t st = i;
	uint64_t acc = 0;
	for (; i < n; i++) {
		int c = (unsigned char)s[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'z')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'Z')
			d = c - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		if (acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			return -2;
		acc = acc * (uint64_t)base + (uint64_t)d;
	}
	if (i == st)
		return -1;
	if (acc > (uint64_t)INT64_MAX + (neg ? 1 : 0))
		return -2;
	*v = neg ? (int64_t)(0 - acc) : (int64_t)acc;
	*used = i;
	return 0;
}
