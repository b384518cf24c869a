/*
 * stdlib_keyword_map: Keyword and Map:
 *
 *   Keyword  new keyword? get get_values fetch fetch! has_key? put put_new
 *            delete update merge/2,3 keys values take drop to_list
 *   Map      new/0,1,2 get fetch fetch! has_key? put put_new merge delete
 *            drop take keys values to_list from_struct update update!
 *
 * Put, delete and merge are term.c's (mx_term_kw_*, mx_term_map_*), which
 * the tools use too.
 */
#include <string.h>

#include "stdlib.h"

#define A EV_A(ev)

/* The shared tail of get/2,3, fetch/2, fetch!/2 and has_key?/2, once the
 * value v for key c->args[1] in container c->args[0] is looked up (NULL
 * when absent). */
static int lookup_result(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term *v,
                         struct mx_term **out)
{
	const char *name = c->name;
	if (!strcmp(name, "has_key?"))
		*out = boolean(ev, v != NULL);
	else if (!strcmp(name, "fetch"))
		*out = v ? mx_term_tuple2(A, atom(ev, "ok"), v) : atom(ev, "error");
	else if (v)
		*out = v;
	else if (name[0] == 'f')
		return ev_raise(ev, c->node, "KeyError", "key %s not found in: %s",
		                ev_insp(ev, c->args[1]), ev_insp(ev, c->args[0]));
	else
		*out = c->nargs == 3 ? c->args[2] : ev_nil(ev);
	return 0;
}

/* ---- Keyword ---------------------------------------------------------- */

/* The keyword list every Keyword function but new/0, keyword?/1 and merge
 * takes first: 0, with its length charged, or -1 after raising. */
static int want_keyword(struct mx_eval *ev, const struct mx_eval_call *c)
{
	if (!mx_term_is_keyword(c->args[0]))
		return ev_fclause_call(ev, c);
	return ev_charge(ev, c->node, c->args[0]->u.list.n);
}

EV_BUILTIN(kw_new0)
{
	*out = empty_list(ev);
	return 0;
}

EV_BUILTIN(kw_is_keyword)
{
	*out = boolean(ev, mx_term_is_keyword(c->args[0]));
	return 0;
}

/* new/1 and to_list/1 of a keyword list: itself. */
EV_BUILTIN(kw_itself)
{
	if (want_keyword(ev, c) < 0)
		return -1;
	*out = c->args[0];
	return 0;
}

/* get, fetch, fetch! and has_key?. */
EV_BUILTIN(kw_lookup)
{
	if (want_keyword(ev, c) < 0)
		return -1;
	long i = mx_term_kw_index(c->args[0], c->args[1]);
	return lookup_result(ev, c, i >= 0 ? c->args[0]->u.list.items[i]->u.tuple.items[1] : NULL,
	                     out);
}

EV_BUILTIN(kw_put)
{
	if (want_keyword(ev, c) < 0)
		return -1;
	*out = mx_term_kw_put(A, c->args[0], c->args[1], c->args[2]);
	return 0;
}

EV_BUILTIN(kw_put_new)
{
	if (want_keyword(ev, c) < 0)
		return -1;
	*out = mx_term_kw_put_new(A, c->args[0], c->args[1], c->args[2]);
	return 0;
}

EV_BUILTIN(kw_delete)
{
	if (want_keyword(ev, c) < 0)
		return -1;
	*out = mx_term_kw_delete(A, c->args[0], c->args[1]);
	return 0;
}

/* keys (which 0) and values (which 1). */
static int kw_column(struct mx_eval *ev, const struct mx_eval_call *c, size_t which,
                     struct mx_term **out)
{
	if (want_keyword(ev, c) < 0)
		return -1;
	struct ev_vec v = {0};
	for (size_t i = 0; i < c->args[0]->u.list.n; i++)
		ev_vec_push(ev, &v, c->args[0]->u.list.items[i]->u.tuple.items[which]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN_AS(kw_keys, kw_column(ev, c, 0, out))

EV_BUILTIN_AS(kw_values, kw_column(ev, c, 1, out))

EV_BUILTIN(kw_get_values)
{
	if (want_keyword(ev, c) < 0)
		return -1;
	const struct mx_term *kw = c->args[0];
	struct ev_vec v = {0};
	for (size_t i = 0; i < kw->u.list.n; i++)
		if (mx_term_equal(kw->u.list.items[i]->u.tuple.items[0], c->args[1]))
			ev_vec_push(ev, &v, kw->u.list.items[i]->u.tuple.items[1]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* update(kw, key, default, fun): the first value updated, later duplicates
 * dropped; {key, default} appended when missing. */
EV_BUILTIN(kw_update)
{
	struct mx_term **a = c->args;
	if (want_keyword(ev, c) < 0)
		return -1;
	long i = mx_term_kw_index(a[0], a[1]);
	if (i < 0) {
		struct mx_term *pair = mx_term_tuple2(A, a[1], a[2]);
		return ev_list_concat(ev, a[0], mx_term_list(A, &pair, 1), c->node, out);
	}
	struct mx_term *nv;
	if (ev_call1(ev, a[3], a[0]->u.list.items[i]->u.tuple.items[1], c->node, &nv) < 0)
		return -1;
	struct ev_vec v = {0};
	for (size_t j = 0; j < a[0]->u.list.n; j++) {
		struct mx_term *e = a[0]->u.list.items[j];
		if ((long)j == i)
			ev_vec_push(ev, &v, mx_term_tuple2(A, a[1], nv));
		else if (!mx_term_equal(e->u.tuple.items[0], a[1]))
			ev_vec_push(ev, &v, e);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* take (keep) and drop (!keep) of the pairs whose key is in a list. */
static int kw_select(struct mx_eval *ev, const struct mx_eval_call *c, bool keep,
                     struct mx_term **out)
{
	if (want_keyword(ev, c) < 0)
		return -1;
	const struct mx_term *kw = c->args[0], *keys = c->args[1];
	if (!is_proper(keys))
		return ev_fclause_call(ev, c);
	struct ev_vec v = {0};
	for (size_t i = 0; i < kw->u.list.n; i++) {
		struct mx_term *e = kw->u.list.items[i];
		bool in = false;
		for (size_t j = 0; j < keys->u.list.n && !in; j++)
			in = mx_term_equal(keys->u.list.items[j], e->u.tuple.items[0]);
		if (in == keep)
			ev_vec_push(ev, &v, e);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN_AS(kw_take, kw_select(ev, c, true, out))

EV_BUILTIN_AS(kw_drop, kw_select(ev, c, false, out))

static int kw_merge3(struct mx_eval *ev, struct mx_term *k1, struct mx_term *k2,
                     const struct mx_term *fun, const struct mx_ast *at, struct mx_term **out)
{
	/* Keyword.merge/3: as do_merge in Keyword: k1's untouched pairs, then
	 * k2's pairs in order, each merged with k1's value when present. */
	struct ev_vec acc = {0};
	struct mx_term *rest = k1, *orig = k1;
	for (size_t i = 0; i < k2->u.list.n; i++) {
		struct mx_term *e = k2->u.list.items[i];
		struct mx_term *key = e->u.tuple.items[0];
		long j = mx_term_kw_index(orig, key);
		if (j >= 0) {
			struct mx_term *args[3] = {key, orig->u.list.items[j]->u.tuple.items[1],
			                           e->u.tuple.items[1]};
			struct mx_term *mv;
			if (ev_call_fun(ev, fun, args, 3, at, &mv) < 0)
				return -1;
			ev_vec_push(ev, &acc, mx_term_tuple2(A, key, mv));
			/* keydelete removes the first occurrence only. */
			struct ev_vec o = {0};
			for (size_t k = 0; k < orig->u.list.n; k++)
				if ((long)k != j)
					ev_vec_push(ev, &o, orig->u.list.items[k]);
			orig = ev_vec_list(ev, &o);
			rest = mx_term_kw_delete(A, rest, key);
		} else {
			ev_vec_push(ev, &acc, e);
		}
	}
	struct ev_vec v = {0};
	for (size_t i = 0; i < rest->u.list.n; i++)
		ev_vec_push(ev, &v, rest->u.list.items[i]);
	for (size_t i = 0; i < acc.n; i++)
		ev_vec_push(ev, &v, acc.v[i]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* merge/2,3 with Elixir's checks in Elixir's order: lists (and a fun) or no
 * clause matches; then which side is not a keyword list (merge/2 looks at
 * the second first, merge/3 at the first). */
EV_BUILTIN(kw_merge)
{
	struct mx_term **a = c->args;
	if (!is_list(a[0]) || !is_list(a[1]) || (c->nargs == 3 && a[2]->type != MX_TERM_FUN))
		return ev_fclause_call(ev, c);
	bool first_ok = mx_term_is_keyword(a[0]), second_ok = mx_term_is_keyword(a[1]);
	if ((c->nargs == 2 && second_ok && !first_ok) || (c->nargs == 3 && !first_ok))
		return ev_raise(ev, c->node, "ArgumentError",
		                "expected a keyword list as the first argument, got: %s",
		                ev_insp(ev, a[0]));
	if (!second_ok)
		return ev_raise(ev, c->node, "ArgumentError",
		                "expected a keyword list as the second argument, got: %s",
		                ev_insp(ev, a[1]));
	if (ev_charge(ev, c->node, a[0]->u.list.n + a[1]->u.list.n) < 0)
		return -1;
	if (c->nargs == 3)
		return kw_merge3(ev, a[0], a[1], a[2], c->node, out);
	*out = mx_term_kw_merge(A, a[0], a[1]);
	return 0;
}

/* ---- Map -------------------------------------------------------------- */

/* The map every Map function but new takes first: 0, with its size
 * charged, or -1 after BadMapError. */
static int want_map(struct mx_eval *ev, const struct mx_eval_call *c)
{
	if (!is_map(c->args[0]))
		return ev_bad_map(ev, c->node, c->args[0]);
	return ev_charge(ev, c->node, c->args[0]->u.map.n);
}

EV_BUILTIN(map_new0)
{
	*out = mx_term_map(A, NULL, NULL, 0);
	return 0;
}

/* new/1 and new/2 (each item through a fun). */
EV_BUILTIN(map_new)
{
	struct mx_term *l = ev_to_list(ev, c->args[0], c->node);
	if (!l)
		return -1;
	return ev_into(ev, l, mx_term_map(A, NULL, NULL, 0), c->nargs == 2 ? c->args[1] : NULL,
	               false, c->node, out);
}

/* get, fetch, fetch! and has_key?. */
EV_BUILTIN(map_lookup)
{
	if (want_map(ev, c) < 0)
		return -1;
	return lookup_result(ev, c, (struct mx_term *)mx_term_map_get(c->args[0], c->args[1]), out);
}

EV_BUILTIN(map_put)
{
	if (want_map(ev, c) < 0)
		return -1;
	*out = mx_term_map_put(A, c->args[0], c->args[1], c->args[2]);
	return 0;
}

EV_BUILTIN(map_put_new)
{
	if (want_map(ev, c) < 0)
		return -1;
	*out = mx_term_map_get(c->args[0], c->args[1])
	           ? c->args[0]
	           : mx_term_map_put(A, c->args[0], c->args[1], c->args[2]);
	return 0;
}

EV_BUILTIN(map_merge)
{
	if (want_map(ev, c) < 0)
		return -1;
	if (!is_map(c->args[1]))
		return ev_bad_map(ev, c->node, c->args[1]);
	*out = mx_term_map_merge(A, c->args[0], c->args[1]);
	return 0;
}

/* m without the keys that drop says (drop_one, or any in drop_list); with
 * keep, only those. */
static struct mx_term *map_filter(struct mx_eval *ev, const struct mx_term *m,
                                  const struct mx_term *drop_one, const struct mx_term *list,
                                  bool keep)
{
	struct ev_vec ks = {0}, vs = {0};
	for (size_t i = 0; i < m->u.map.n; i++) {
		bool hit = drop_one && mx_term_equal(m->u.map.keys[i], drop_one);
		for (size_t j = 0; list && j < list->u.list.n && !hit; j++)
			hit = mx_term_equal(list->u.list.items[j], m->u.map.keys[i]);
		if (hit == keep) {
			ev_vec_push(ev, &ks, m->u.map.keys[i]);
			ev_vec_push(ev, &vs, m->u.map.vals[i]);
		}
	}
	return mx_term_map(A, ks.v, vs.v, ks.n);
}

EV_BUILTIN(map_delete)
{
	if (want_map(ev, c) < 0)
		return -1;
	*out = map_filter(ev, c->args[0], c->args[1], NULL, false);
	return 0;
}

/* drop (!keep) and take (keep) of the keys in a list. */
static int map_select(struct mx_eval *ev, const struct mx_eval_call *c, bool keep,
                      struct mx_term **out)
{
	if (want_map(ev, c) < 0)
		return -1;
	if (!is_proper(c->args[1])) {
		if (!c->args[0]->u.map.n) {
			*out = c->args[0];
			return 0;
		}
		return ev_fclause_call(ev, c);
	}
	*out = map_filter(ev, c->args[0], NULL, c->args[1], keep);
	return 0;
}

EV_BUILTIN_AS(map_drop, map_select(ev, c, false, out))

EV_BUILTIN_AS(map_take, map_select(ev, c, true, out))

/* keys (which 0), values (1) and to_list (2), in key order. */
static int map_column(struct mx_eval *ev, const struct mx_eval_call *c, int which,
                      struct mx_term **out)
{
	if (want_map(ev, c) < 0)
		return -1;
	struct mx_term *l = ev_to_list(ev, c->args[0], c->node);
	if (!l)
		return -1;
	if (which == 2) {
		*out = l;
		return 0;
	}
	struct ev_vec v = {0};
	for (size_t i = 0; i < l->u.list.n; i++)
		ev_vec_push(ev, &v, l->u.list.items[i]->u.tuple.items[which]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN_AS(map_keys, map_column(ev, c, 0, out))

EV_BUILTIN_AS(map_values, map_column(ev, c, 1, out))

EV_BUILTIN_AS(map_to_list, map_column(ev, c, 2, out))

EV_BUILTIN(map_from_struct)
{
	if (want_map(ev, c) < 0)
		return -1;
	if (!mx_term_struct_name(c->args[0]))
		return ev_fclause_call(ev, c);
	*out = map_filter(ev, c->args[0], atom(ev, "__struct__"), NULL, false);
	return 0;
}

/* update!/3 (KeyError when missing) and update/4 (the default then). */
EV_BUILTIN(map_update)
{
	struct mx_term **a = c->args, *nv;
	if (want_map(ev, c) < 0)
		return -1;
	const struct mx_term *v = mx_term_map_get(a[0], a[1]);
	if (!v && c->nargs == 3)
		return ev_raise(ev, c->node, "KeyError", "key %s not found in: %s",
		                ev_insp(ev, a[1]), ev_insp(ev, a[0]));
	if (!v)
		nv = a[2];
	else if (ev_call1(ev, a[c->nargs - 1], (struct mx_term *)v, c->node, &nv) < 0)
		return -1;
	*out = mx_term_map_put(A, a[0], a[1], nv);
	return 0;
}

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_keyword_map[] = {
	{"Keyword", "new", 0, kw_new0},
	{"Keyword", "new", 1, kw_itself},
	{"Keyword", "keyword?", 1, kw_is_keyword},
	{"Keyword", "to_list", 1, kw_itself},
	{"Keyword", "get", 2, kw_lookup},
	{"Keyword", "get", 3, kw_lookup},
	{"Keyword", "fetch", 2, kw_lookup},
	{"Keyword", "fetch!", 2, kw_lookup},
	{"Keyword", "has_key?", 2, kw_lookup},
	{"Keyword", "get_values", 2, kw_get_values},
	{"Keyword", "put", 3, kw_put},
	{"Keyword", "put_new", 3, kw_put_new},
	{"Keyword", "delete", 2, kw_delete},
	{"Keyword", "update", 4, kw_update},
	{"Keyword", "merge", 2, kw_merge},
	{"Keyword", "merge", 3, kw_merge},
	{"Keyword", "keys", 1, kw_keys},
	{"Keyword", "values", 1, kw_values},
	{"Keyword", "take", 2, kw_take},
	{"Keyword", "drop", 2, kw_drop},
	{"Map", "new", 0, map_new0},
	{"Map", "new", 1, map_new},
	{"Map", "new", 2, map_new},
	{"Map", "get", 2, map_lookup},
	{"Map", "get", 3, map_lookup},
	{"Map", "fetch", 2, map_lookup},
	{"Map", "fetch!", 2, map_lookup},
	{"Map", "has_key?", 2, map_lookup},
	{"Map", "put", 3, map_put},
	{"Map", "put_new", 3, map_put_new},
	{"Map", "merge", 2, map_merge},
	{"Map", "delete", 2, map_delete},
	{"Map", "drop", 2, map_drop},
	{"Map", "take", 2, map_take},
	{"Map", "keys", 1, map_keys},
	{"Map", "values", 1, map_values},
	{"Map", "to_list", 1, map_to_list},
	{"Map", "from_struct", 1, map_from_struct},
	{"Map", "update", 4, map_update},
	{"Map", "update!", 3, map_update},
};
/* clang-format on */
const size_t ev_builtins_keyword_map_n = EV_NROWS(ev_builtins_keyword_map);
