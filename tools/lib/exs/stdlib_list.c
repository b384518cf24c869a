/*
 * stdlib_list: List and Tuple:
 *
 *   List   wrap duplicate flatten first last delete to_tuple to_string
 *          keyfind
 *   Tuple  to_list
 */
#include <stdint.h>
#include <string.h>

#include "stdlib.h"

#define A EV_A(ev)

/* The proper list every List function but wrap and duplicate takes
 * first: 0, or -1 after raising. */
static int want_list(struct mx_eval *ev, const struct mx_eval_call *c)
{
	return is_proper(c->args[0]) ? 0 : ev_fclause_call(ev, c);
}

EV_BUILTIN(list_wrap)
{
	struct mx_term *x = c->args[0];
	if (mx_term_is_nil(x))
		*out = empty_list(ev);
	else if (is_list(x))
		*out = x;
	else
		*out = mx_term_list(A, c->args, 1);
	return 0;
}

EV_BUILTIN(list_duplicate)
{
	struct mx_term **a = c->args;
	if (!is_int(a[1]) || a[1]->u.i < 0)
		return ev_fclause_call(ev, c);
	if ((uint64_t)a[1]->u.i > ev->steps_left || a[1]->u.i > 10000000)
		return ev_fail(ev, c->node, "List.duplicate result too large");
	struct ev_vec v = {0};
	for (int64_t i = 0; i < a[1]->u.i; i++)
		ev_vec_push(ev, &v, a[0]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* Nesting deeper than this (only a loop can build it) is an error rather
 * than a stack overflow. */
enum { MAX_FLATTEN_DEPTH = 10000 };

static int flatten_into(struct mx_eval *ev, const struct mx_term *l, struct ev_vec *v,
                        unsigned depth, const struct mx_ast *at)
{
	if (depth > MAX_FLATTEN_DEPTH)
		return ev_fail(ev, at, "List.flatten: list nested too deeply");
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *e = l->u.list.items[i];
		if (is_proper(e)) {
			if (flatten_into(ev, e, v, depth + 1, at) < 0)
				return -1;
		} else {
			ev_vec_push(ev, v, e);
		}
	}
	return 0;
}

EV_BUILTIN(list_flatten)
{
	struct ev_vec v = {0};
	if (want_list(ev, c) < 0 || flatten_into(ev, c->args[0], &v, 0, c->node) < 0)
		return -1;
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* first/1,2 and last/1,2 (a default for the empty list). */
static int list_end(struct mx_eval *ev, const struct mx_eval_call *c, bool first,
                    struct mx_term **out)
{
	if (want_list(ev, c) < 0)
		return -1;
	const struct mx_term *l = c->args[0];
	if (!l->u.list.n)
		*out = c->nargs == 2 ? c->args[1] : ev_nil(ev);
	else
		*out = l->u.list.items[first ? 0 : l->u.list.n - 1];
	return 0;
}

EV_BUILTIN_AS(list_first, list_end(ev, c, true, out))

EV_BUILTIN_AS(list_last, list_end(ev, c, false, out))

/* delete/2: the first occurrence (===) removed. */
EV_BUILTIN(list_delete)
{
	if (want_list(ev, c) < 0)
		return -1;
	const struct mx_term *l = c->args[0];
	struct ev_vec v = {0};
	bool done = false;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (!done && mx_term_equal(l->u.list.items[i], c->args[1])) {
			done = true;
			continue;
		}
		ev_vec_push(ev, &v, l->u.list.items[i]);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN(list_to_tuple)
{
	if (want_list(ev, c) < 0)
		return -1;
	*out = mx_term_tuple(A, c->args[0]->u.list.items, c->args[0]->u.list.n);
	return 0;
}

EV_BUILTIN(list_to_string)
{
	if (want_list(ev, c) < 0)
		return -1;
	struct mx_buf b = MX_BUF_INIT;
	int r = ev_to_string(ev, c->args[0], c->node, &b);
	if (r == 0)
		*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return r;
}

/* keyfind/3: the first tuple whose element at position is key, or nil. */
EV_BUILTIN(list_keyfind)
{
	struct mx_term **a = c->args;
	if (want_list(ev, c) < 0)
		return -1;
	if (!is_int(a[2]))
		return ev_fclause_call(ev, c);
	for (size_t i = 0; i < a[0]->u.list.n; i++) {
		struct mx_term *e = a[0]->u.list.items[i];
		if (e->type == MX_TERM_TUPLE && a[2]->u.i >= 0 &&
		    (size_t)a[2]->u.i < e->u.tuple.n &&
		    mx_term_equal(e->u.tuple.items[a[2]->u.i], a[1])) {
			*out = e;
			return 0;
		}
	}
	*out = ev_nil(ev);
	return 0;
}

/* Tuple.to_list of anything but a tuple is a call this evaluator does
 * not know. */
EV_BUILTIN(tuple_to_list)
{
	if (!is_tuple(c->args[0]))
		return MX_EVAL_UNKNOWN;
	*out = mx_term_list(A, c->args[0]->u.tuple.items, c->args[0]->u.tuple.n);
	return 0;
}

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_list[] = {
	{"List", "wrap", 1, list_wrap},
	{"List", "duplicate", 2, list_duplicate},
	{"List", "flatten", 1, list_flatten},
	{"List", "first", 1, list_first},
	{"List", "first", 2, list_first},
	{"List", "last", 1, list_last},
	{"List", "last", 2, list_last},
	{"List", "delete", 2, list_delete},
	{"List", "to_tuple", 1, list_to_tuple},
	{"List", "to_string", 1, list_to_string},
	{"List", "keyfind", 3, list_keyfind},
	{"Tuple", "to_list", 1, tuple_to_list},
};
/* clang-format on */
const size_t ev_builtins_list_n = EV_NROWS(ev_builtins_list);
