/*
 * stdlib_enum: Enum, over lists, ranges and maps (as {key, value} pairs in
 * key order):
 *
 *   map each flat_map filter reject join map_join concat with_index
 *   reverse reduce sort sort_by uniq uniq_by dedup into zip unzip member?
 *   count empty? any? all? find find_index find_value sum max min min_by
 *   max_by at fetch! take drop take_while drop_while slice chunk_every
 *   frequencies intersperse split_with group_by to_list
 *
 * Every function first turns its enumerable into a list (Protocol.
 * UndefinedError for what is not one) and pays a step per item.
 */
#include <stdint.h>
#include <string.h>

#include "stdlib.h"

#define A EV_A(ev)

/* The enumerable argument as a list, its length charged; NULL after
 * failing. */
static struct mx_term *items_of(struct mx_eval *ev, const struct mx_eval_call *c)
{
	struct mx_term *l = ev_to_list(ev, c->args[0], c->node);
	if (l && ev_charge(ev, c->node, l->u.list.n) < 0)
		return NULL;
	return l;
}

/* ---- Sorting (stable merge sort with a fallible comparator) ------------ */

struct sorter {
	struct mx_eval *ev;
	const struct mx_term *fun; /* NULL: term order */
	bool desc;
	const struct mx_ast *at;
	int failed;
	bool by_key; /* items are {key, item}: compare the keys */
};

/* True when a must come before or with b (a <= b as the sorter says). */
static bool sort_le(struct sorter *s, struct mx_term *a, struct mx_term *b)
{
	if (s->failed)
		return true;
	if (s->by_key) {
		a = a->u.tuple.items[0];
		b = b->u.tuple.items[0];
	}
	if (!s->fun) {
		int c = mx_term_compare(a, b);
		return s->desc ? c >= 0 : c <= 0;
	}
	struct mx_term *args[2] = {a, b}, *r;
	if (ev_call_fun(s->ev, s->fun, args, 2, s->at, &r) < 0) {
		s->failed = 1;
		return true;
	}
	return mx_term_truthy(r);
}

static void merge_sort(struct sorter *s, struct mx_term **v, struct mx_term **tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort(s, v, tmp, h);
	merge_sort(s, v + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = sort_le(s, v[i], v[j]) ? v[i++] : v[j++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v)); /* n >= 2 here */
}

static int sort_list(struct mx_eval *ev, struct mx_term *list, const struct mx_term *fun, bool desc,
                     const struct mx_ast *at, struct mx_term **out)
{
	size_t n = list->u.list.n;
	if (ev_charge(ev, at, n * 4) < 0)
		return -1;
	struct mx_term **v = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
	struct mx_term **tmp = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
	if (n)
		memcpy(v, list->u.list.items, n * sizeof(*v));
	struct sorter s = {ev, fun, desc, at, 0, false};
	merge_sort(&s, v, tmp, n);
	if (s.failed)
		return -1;
	*out = mx_term_list(A, v, n);
	return 0;
}

/* ---- Mapping and filtering --------------------------------------------- */

EV_BUILTIN(enum_map)
{
	struct mx_term *l = items_of(ev, c), *x;
	struct ev_vec v = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &x) < 0)
			return -1;
		ev_vec_push(ev, &v, x);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN(enum_flat_map)
{
	struct mx_term *l = items_of(ev, c), *x, *xl;
	struct ev_vec v = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &x) < 0 ||
		    !(xl = ev_to_list(ev, x, c->node)))
			return -1;
		for (size_t j = 0; j < xl->u.list.n; j++)
			ev_vec_push(ev, &v, xl->u.list.items[j]);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* filter (keep) and reject (!keep). */
static int select_items(struct mx_eval *ev, const struct mx_eval_call *c, bool keep,
                        struct mx_term **out)
{
	struct mx_term *l = items_of(ev, c), *x;
	struct ev_vec v = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &x) < 0)
			return -1;
		if (mx_term_truthy(x) == keep)
			ev_vec_push(ev, &v, l->u.list.items[i]);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN_AS(enum_filter, select_items(ev, c, true, out))

EV_BUILTIN_AS(enum_reject, select_items(ev, c, false, out))

EV_BUILTIN(enum_each)
{
	struct mx_term *l = items_of(ev, c), *x;
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++)
		if (ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &x) < 0)
			return -1;
	*out = atom(ev, "ok");
	return 0;
}

static int join_list(struct mx_eval *ev, struct mx_term *l, const char *sep, size_t seplen,
                     const struct mx_term *mapper, const struct mx_ast *at, struct mx_term **out)
{
	struct mx_buf b = MX_BUF_INIT;
	int ret = -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *x = l->u.list.items[i];
		if (i)
			mx_buf_add(&b, sep, seplen);
		if (mapper && ev_call1(ev, mapper, x, at, &x) < 0)
			goto out;
		if (ev_to_string(ev, x, at, &b) < 0)
			goto out;
	}
	*out = bin(ev, b.buf, b.len);
	ret = 0;
out:
	mx_buf_release(&b);
	return ret;
}

EV_BUILTIN(enum_join)
{
	struct mx_term *l = items_of(ev, c);
	if (!l)
		return -1;
	const struct mx_term *sep = c->nargs == 2 ? c->args[1] : NULL;
	if (sep && !is_bin(sep))
		return ev_fclause_call(ev, c);
	return join_list(ev, l, sep ? sep->u.bin.data : "", sep ? sep->u.bin.len : 0, NULL, c->node,
	                 out);
}

EV_BUILTIN(enum_map_join)
{
	struct mx_term *l = items_of(ev, c);
	if (!l)
		return -1;
	const struct mx_term *sep = c->nargs == 3 ? c->args[1] : NULL;
	if (sep && !is_bin(sep))
		return ev_fclause_call(ev, c);
	return join_list(ev, l, sep ? sep->u.bin.data : "", sep ? sep->u.bin.len : 0,
	                 c->args[c->nargs - 1], c->node, out);
}

/* ---- Building lists ---------------------------------------------------- */

EV_BUILTIN(enum_concat1)
{
	struct mx_term *l = items_of(ev, c), *xl;
	struct ev_vec v = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (!(xl = ev_to_list(ev, l->u.list.items[i], c->node)))
			return -1;
		for (size_t j = 0; j < xl->u.list.n; j++)
			ev_vec_push(ev, &v, xl->u.list.items[j]);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN(enum_concat2)
{
	struct mx_term *l = items_of(ev, c), *r;
	if (!l || !(r = ev_to_list(ev, c->args[1], c->node)))
		return -1;
	return ev_list_concat(ev, l, r, c->node, out);
}

/* with_index/1,2: {item, index} pairs from an offset, or fun.(item, index). */
EV_BUILTIN(enum_with_index)
{
	struct mx_term *l = items_of(ev, c), *x;
	struct ev_vec v = {0};
	if (!l)
		return -1;
	int64_t off = 0;
	const struct mx_term *f = NULL;
	if (c->nargs == 2 && is_int(c->args[1]))
		off = c->args[1]->u.i;
	else if (c->nargs == 2)
		f = c->args[1];
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *idx = mx_term_int(A, off + (int64_t)i);
		if (!f)
			x = mx_term_tuple2(A, l->u.list.items[i], idx);
		else if (ev_call2(ev, f, l->u.list.items[i], idx, c->node, &x) < 0)
			return -1;
		ev_vec_push(ev, &v, x);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* reverse/1, and reverse/2 with a tail. */
EV_BUILTIN(enum_reverse)
{
	struct mx_term *l = items_of(ev, c);
	struct ev_vec v = {0};
	if (!l)
		return -1;
	for (size_t i = l->u.list.n; i-- > 0;)
		ev_vec_push(ev, &v, l->u.list.items[i]);
	*out = ev_vec_list(ev, &v);
	if (c->nargs == 2)
		return ev_list_concat(ev, *out, c->args[1], c->node, out);
	return 0;
}

/* reduce/2 (the first item is the accumulator) and reduce/3. */
EV_BUILTIN(enum_reduce)
{
	struct mx_term *l = items_of(ev, c), *acc;
	if (!l)
		return -1;
	size_t i = 0;
	if (c->nargs == 3) {
		acc = c->args[1];
	} else {
		if (!l->u.list.n)
			return ev_raise(ev, c->node, "Enum.EmptyError", "empty error");
		acc = l->u.list.items[i++];
	}
	for (; i < l->u.list.n; i++)
		if (ev_call2(ev, c->args[c->nargs - 1], l->u.list.items[i], acc, c->node, &acc) < 0)
			return -1;
	*out = acc;
	return 0;
}

EV_BUILTIN(enum_sort)
{
	struct mx_term *l = items_of(ev, c);
	if (!l)
		return -1;
	if (c->nargs == 1)
		return sort_list(ev, l, NULL, false, c->node, out);
	const struct mx_term *how = c->args[1];
	if (mx_term_is_atom(how, "asc") || mx_term_is_atom(how, "desc"))
		return sort_list(ev, l, NULL, how->u.atom.name[0] == 'd', c->node, out);
	return sort_list(ev, l, how, false, c->node, out);
}

/* sort_by/2,3: the {key, item} pairs sorted by key, then unwrapped. */
EV_BUILTIN(enum_sort_by)
{
	struct mx_term *l = items_of(ev, c), *k;
	struct ev_vec v = {0};
	if (!l)
		return -1;
	size_t len = l->u.list.n;
	struct mx_term **pairs = MX_ARENA_NEWN(A, struct mx_term *, len + 1);
	for (size_t i = 0; i < len; i++) {
		if (ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &k) < 0)
			return -1;
		pairs[i] = mx_term_tuple2(A, k, l->u.list.items[i]);
	}
	bool desc = c->nargs == 3 && mx_term_is_atom(c->args[2], "desc");
	struct mx_term **tmp = MX_ARENA_NEWN(A, struct mx_term *, len + 1);
	struct sorter s = {ev, NULL, desc, c->node, 0, true};
	merge_sort(&s, pairs, tmp, len);
	for (size_t i = 0; i < len; i++)
		ev_vec_push(ev, &v, pairs[i]->u.tuple.items[1]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* uniq, uniq_by (key_fun given) and dedup (only consecutive repeats). */
static int dedupe(struct mx_eval *ev, const struct mx_eval_call *c, const struct mx_term *key_fun,
                  bool consecutive, struct mx_term **out)
{
	struct mx_term *l = items_of(ev, c);
	struct ev_vec v = {0}, keys = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *k = l->u.list.items[i];
		if (key_fun && ev_call1(ev, key_fun, k, c->node, &k) < 0)
			return -1;
		bool seen = false;
		if (consecutive)
			seen = keys.n && mx_term_equal(keys.v[keys.n - 1], k);
		else
			for (size_t j = 0; j < keys.n && !seen; j++)
				seen = mx_term_equal(keys.v[j], k);
		if (consecutive || !seen)
			ev_vec_push(ev, &keys, k);
		if (!seen)
			ev_vec_push(ev, &v, l->u.list.items[i]);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN_AS(enum_uniq, dedupe(ev, c, NULL, false, out))

EV_BUILTIN_AS(enum_uniq_by, dedupe(ev, c, c->args[1], false, out))

EV_BUILTIN_AS(enum_dedup, dedupe(ev, c, NULL, true, out))

EV_BUILTIN(enum_into)
{
	struct mx_term *l = items_of(ev, c);
	if (!l)
		return -1;
	return ev_into(ev, l, c->args[1], c->nargs == 3 ? c->args[2] : NULL,
	               mx_term_struct_name(c->args[0]) != NULL, c->node, out);
}

/* A list is its own list, an improper one too, as in Elixir. */
EV_BUILTIN(enum_to_list)
{
	if (is_list(c->args[0])) {
		*out = c->args[0];
		return 0;
	}
	return (*out = items_of(ev, c)) ? 0 : -1;
}

EV_BUILTIN(enum_zip)
{
	struct mx_term *l = items_of(ev, c), *r;
	struct ev_vec v = {0};
	if (!l || !(r = ev_to_list(ev, c->args[1], c->node)))
		return -1;
	for (size_t i = 0; i < l->u.list.n && i < r->u.list.n; i++)
		ev_vec_push(ev, &v, mx_term_tuple2(A, l->u.list.items[i], r->u.list.items[i]));
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN(enum_unzip)
{
	struct mx_term *l = items_of(ev, c);
	struct ev_vec v1 = {0}, v2 = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *e = l->u.list.items[i];
		if (e->type != MX_TERM_TUPLE || e->u.tuple.n != 2)
			return ev_fclause_call(ev, c);
		ev_vec_push(ev, &v1, e->u.tuple.items[0]);
		ev_vec_push(ev, &v2, e->u.tuple.items[1]);
	}
	*out = mx_term_tuple2(A, ev_vec_list(ev, &v1), ev_vec_list(ev, &v2));
	return 0;
}

/* ---- Questions --------------------------------------------------------- */

EV_BUILTIN(enum_member)
{
	int err;
	if (!items_of(ev, c))
		return -1;
	bool m = ev_member(ev, c->args[0], c->args[1], c->node, &err);
	if (err)
		return -1;
	*out = boolean(ev, m);
	return 0;
}

EV_BUILTIN(enum_count)
{
	struct mx_term *l = items_of(ev, c), *x = NULL;
	if (!l)
		return -1;
	int64_t n = 0;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (c->nargs == 2 && ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &x) < 0)
			return -1;
		if (c->nargs == 1 || mx_term_truthy(x))
			n++;
	}
	*out = mx_term_int(A, n);
	return 0;
}

EV_BUILTIN(enum_empty)
{
	struct mx_term *l = items_of(ev, c);
	if (!l)
		return -1;
	*out = boolean(ev, l->u.list.n == 0);
	return 0;
}

/* The index of the first item whose truthiness is want, the item's or
 * fun.(item)'s when fun is given (SIZE_MAX for none); *value gets what was
 * tested. */
static int first_where(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term *l,
                       const struct mx_term *fun, bool want, size_t *at, struct mx_term **value)
{
	*at = SIZE_MAX;
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *x = l->u.list.items[i];
		if (fun && ev_call1(ev, fun, x, c->node, &x) < 0)
			return -1;
		if (mx_term_truthy(x) == want) {
			*at = i;
			*value = x;
			return 0;
		}
	}
	return 0;
}

enum found { FOUND_ITEM, FOUND_INDEX, FOUND_VALUE };

/* find/2,3, find_index/2 and find_value/2: the first item for which fun
 * is truthy, its index, or what fun said; else the default (nil, or the
 * find/3 one). */
static int find_first(struct mx_eval *ev, const struct mx_eval_call *c, enum found what,
                      struct mx_term **out)
{
	struct mx_term *l = items_of(ev, c), *x;
	size_t i;
	if (!l || first_where(ev, c, l, c->args[c->nargs - 1], true, &i, &x) < 0)
		return -1;
	if (i == SIZE_MAX)
		*out = what == FOUND_ITEM && c->nargs == 3 ? c->args[1] : ev_nil(ev);
	else
		*out = what == FOUND_ITEM    ? l->u.list.items[i]
		       : what == FOUND_INDEX ? mx_term_int(A, (int64_t)i)
		                             : x;
	return 0;
}

/* any?/1,2 and all?/1,2: is there an item of truthiness want? */
static int any_where(struct mx_eval *ev, const struct mx_eval_call *c, bool want,
                     struct mx_term **out)
{
	struct mx_term *l = items_of(ev, c), *x;
	size_t i;
	if (!l || first_where(ev, c, l, c->nargs == 2 ? c->args[1] : NULL, want, &i, &x) < 0)
		return -1;
	return bool_out(ev, (i != SIZE_MAX) == want, out);
}

EV_BUILTIN_AS(enum_any, any_where(ev, c, true, out))

EV_BUILTIN_AS(enum_all, any_where(ev, c, false, out))

EV_BUILTIN_AS(enum_find, find_first(ev, c, FOUND_ITEM, out))

EV_BUILTIN_AS(enum_find_index, find_first(ev, c, FOUND_INDEX, out))

EV_BUILTIN_AS(enum_find_value, find_first(ev, c, FOUND_VALUE, out))

EV_BUILTIN(enum_frequencies)
{
	struct mx_term *l = items_of(ev, c);
	struct ev_vec keys = {0}, counts = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		size_t j;
		for (j = 0; j < keys.n; j++)
			if (mx_term_equal(keys.v[j], l->u.list.items[i]))
				break;
		if (j == keys.n) {
			ev_vec_push(ev, &keys, l->u.list.items[i]);
			ev_vec_push(ev, &counts, mx_term_int(A, 1));
		} else {
			counts.v[j] = mx_term_int(A, counts.v[j]->u.i + 1);
		}
	}
	*out = mx_term_map(A, keys.v, counts.v, keys.n);
	return 0;
}

/* ---- Numbers and extremes ---------------------------------------------- */

EV_BUILTIN(enum_sum)
{
	struct mx_term *l = items_of(ev, c), *acc;
	if (!l)
		return -1;
	acc = mx_term_int(A, 0);
	for (size_t i = 0; i < l->u.list.n; i++)
		if (ev_arith(ev, "+", l->u.list.items[i], acc, c->node, &acc) < 0) /* x + acc */
			return -1;
	*out = acc;
	return 0;
}

/* max/1 (want 1) and min/1 (want -1): the first of the extreme items. */
static int extreme(struct mx_eval *ev, const struct mx_eval_call *c, int want, struct mx_term **out)
{
	struct mx_term *l = items_of(ev, c);
	if (!l)
		return -1;
	if (!l->u.list.n)
		return ev_raise(ev, c->node, "Enum.EmptyError", "empty error");
	struct mx_term *best = l->u.list.items[0];
	for (size_t i = 1; i < l->u.list.n; i++)
		if (want > 0 ? mx_term_compare(l->u.list.items[i], best) > 0
		             : mx_term_compare(l->u.list.items[i], best) < 0)
			best = l->u.list.items[i];
	*out = best;
	return 0;
}

EV_BUILTIN_AS(enum_max, extreme(ev, c, 1, out))

EV_BUILTIN_AS(enum_min, extreme(ev, c, -1, out))

/* max_by/2 (want 1) and min_by/2 (want -1). */
static int extreme_by(struct mx_eval *ev, const struct mx_eval_call *c, int want,
                      struct mx_term **out)
{
	struct mx_term *l = items_of(ev, c), *bk, *k;
	if (!l)
		return -1;
	if (!l->u.list.n)
		return ev_raise(ev, c->node, "Enum.EmptyError", "empty error");
	struct mx_term *best = l->u.list.items[0];
	if (ev_call1(ev, c->args[1], best, c->node, &bk) < 0)
		return -1;
	for (size_t i = 1; i < l->u.list.n; i++) {
		if (ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &k) < 0)
			return -1;
		if (want > 0 ? mx_term_compare(k, bk) > 0 : mx_term_compare(k, bk) < 0)
			best = l->u.list.items[i], bk = k;
	}
	*out = best;
	return 0;
}

EV_BUILTIN_AS(enum_max_by, extreme_by(ev, c, 1, out))

EV_BUILTIN_AS(enum_min_by, extreme_by(ev, c, -1, out))

/* ---- Positions --------------------------------------------------------- */

/* The item at index (negative from the end) of the call's enumerable:
 * *item NULL when out of bounds. */
static int item_at(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **item)
{
	struct mx_term *l = items_of(ev, c);
	if (!l)
		return -1;
	if (!is_int(c->args[1]))
		return ev_fclause_call(ev, c);
	int64_t i = c->args[1]->u.i, len = (int64_t)l->u.list.n;
	if (i < 0)
		i += len;
	*item = i >= 0 && i < len ? l->u.list.items[i] : NULL;
	return 0;
}

EV_BUILTIN(enum_at)
{
	struct mx_term *x;
	if (item_at(ev, c, &x) < 0)
		return -1;
	*out = x ? x : c->nargs == 3 ? c->args[2] : ev_nil(ev);
	return 0;
}

EV_BUILTIN(enum_fetch_bang)
{
	struct mx_term *x;
	if (item_at(ev, c, &x) < 0)
		return -1;
	if (!x)
		return ev_raise(ev, c->node, "Enum.OutOfBoundsError", "out of bounds error");
	*out = x;
	return 0;
}

/* The items [from, to) of l as a list. */
static struct mx_term *range_of(struct mx_eval *ev, struct mx_term *l, size_t from, size_t to)
{
	struct ev_vec v = {0};
	for (size_t i = from; i < to; i++)
		ev_vec_push(ev, &v, l->u.list.items[i]);
	return ev_vec_list(ev, &v);
}

/* take (keep the first k, or the last -k) and drop (the rest). */
static int take_drop(struct mx_eval *ev, const struct mx_eval_call *c, bool take,
                     struct mx_term **out)
{
	struct mx_term *l = items_of(ev, c);
	if (!l)
		return -1;
	if (!is_int(c->args[1]))
		return ev_fclause_call(ev, c);
	int64_t k = c->args[1]->u.i;
	size_t len = l->u.list.n, from = 0, to = len;
	size_t mag = k >= 0 ? (size_t)k : (size_t)0 - (size_t)k;
	size_t cut = mag < len ? mag : len; /* how many are counted off */
	if (take && k >= 0)
		to = cut;
	else if (take)
		from = len - cut;
	else if (k >= 0)
		from = cut;
	else
		to = len - cut;
	*out = range_of(ev, l, from, to);
	return 0;
}

EV_BUILTIN_AS(enum_take, take_drop(ev, c, true, out))

EV_BUILTIN_AS(enum_drop, take_drop(ev, c, false, out))

/* take_while (the items before the first falsy fun.(item)) and
 * drop_while (the rest). */
static int while_truthy(struct mx_eval *ev, const struct mx_eval_call *c, bool take,
                        struct mx_term **out)
{
	struct mx_term *l = items_of(ev, c), *x;
	size_t i;
	if (!l || first_where(ev, c, l, c->args[1], false, &i, &x) < 0)
		return -1;
	if (i == SIZE_MAX)
		i = l->u.list.n;
	*out = take ? range_of(ev, l, 0, i) : range_of(ev, l, i, l->u.list.n);
	return 0;
}

EV_BUILTIN_AS(enum_take_while, while_truthy(ev, c, true, out))

EV_BUILTIN_AS(enum_drop_while, while_truthy(ev, c, false, out))

EV_BUILTIN(enum_slice)
{
	struct mx_term *l = items_of(ev, c), **a = c->args;
	struct ev_vec v = {0};
	if (!l)
		return -1;
	if (!is_int(a[1]) || !is_int(a[2]) || a[2]->u.i < 0)
		return ev_fclause_call(ev, c);
	size_t len = l->u.list.n;
	int64_t from = a[1]->u.i < 0 ? (int64_t)len + a[1]->u.i : a[1]->u.i;
	for (int64_t j = from < 0 ? 0 : from; j < from + a[2]->u.i && (size_t)j < len; j++)
		ev_vec_push(ev, &v, l->u.list.items[j]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN(enum_chunk_every)
{
	struct mx_term *l = items_of(ev, c);
	struct ev_vec v = {0};
	if (!l)
		return -1;
	if (!is_int(c->args[1]) || c->args[1]->u.i <= 0)
		return ev_fclause_call(ev, c);
	size_t k = (size_t)c->args[1]->u.i, len = l->u.list.n;
	for (size_t i = 0; i < len; i += k) {
		size_t m = len - i < k ? len - i : k;
		ev_vec_push(ev, &v, mx_term_list(A, l->u.list.items + i, m));
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN(enum_intersperse)
{
	struct mx_term *l = items_of(ev, c);
	struct ev_vec v = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (i)
			ev_vec_push(ev, &v, c->args[1]);
		ev_vec_push(ev, &v, l->u.list.items[i]);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

EV_BUILTIN(enum_split_with)
{
	struct mx_term *l = items_of(ev, c), *x;
	struct ev_vec yes = {0}, no = {0};
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &x) < 0)
			return -1;
		ev_vec_push(ev, mx_term_truthy(x) ? &yes : &no, l->u.list.items[i]);
	}
	*out = mx_term_tuple2(A, ev_vec_list(ev, &yes), ev_vec_list(ev, &no));
	return 0;
}

/* %{key => [items...]} keeping the items' order. */
EV_BUILTIN(enum_group_by)
{
	struct mx_term *l = items_of(ev, c), *k;
	struct ev_vec keys = {0}, groups = {0};
	struct ev_vec *lists = NULL;
	size_t alists = 0;
	if (!l)
		return -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		if (ev_call1(ev, c->args[1], l->u.list.items[i], c->node, &k) < 0)
			return -1;
		size_t j;
		for (j = 0; j < keys.n; j++)
			if (mx_term_equal(keys.v[j], k))
				break;
		if (j == keys.n) {
			ev_vec_push(ev, &keys, k);
			if (keys.n > alists) {
				size_t na = alists ? alists * 2 : 8;
				struct ev_vec *nl = MX_ARENA_NEWN(A, struct ev_vec, na);
				if (alists)
					memcpy(nl, lists, alists * sizeof(*nl));
				lists = nl;
				alists = na;
			}
		}
		ev_vec_push(ev, &lists[j], l->u.list.items[i]);
	}
	for (size_t j = 0; j < keys.n; j++)
		ev_vec_push(ev, &groups, ev_vec_list(ev, &lists[j]));
	*out = mx_term_map(A, keys.v, groups.v, keys.n);
	return 0;
}

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_enum[] = {
	{"Enum", "map", 2, enum_map},
	{"Enum", "flat_map", 2, enum_flat_map},
	{"Enum", "filter", 2, enum_filter},
	{"Enum", "reject", 2, enum_reject},
	{"Enum", "each", 2, enum_each},
	{"Enum", "join", 1, enum_join},
	{"Enum", "join", 2, enum_join},
	{"Enum", "map_join", 2, enum_map_join},
	{"Enum", "map_join", 3, enum_map_join},
	{"Enum", "concat", 1, enum_concat1},
	{"Enum", "concat", 2, enum_concat2},
	{"Enum", "with_index", 1, enum_with_index},
	{"Enum", "with_index", 2, enum_with_index},
	{"Enum", "reverse", 1, enum_reverse},
	{"Enum", "reverse", 2, enum_reverse},
	{"Enum", "reduce", 2, enum_reduce},
	{"Enum", "reduce", 3, enum_reduce},
	{"Enum", "sort", 1, enum_sort},
	{"Enum", "sort", 2, enum_sort},
	{"Enum", "sort_by", 2, enum_sort_by},
	{"Enum", "sort_by", 3, enum_sort_by},
	{"Enum", "uniq", 1, enum_uniq},
	{"Enum", "uniq_by", 2, enum_uniq_by},
	{"Enum", "dedup", 1, enum_dedup},
	{"Enum", "into", 2, enum_into},
	{"Enum", "into", 3, enum_into},
	{"Enum", "to_list", 1, enum_to_list},
	{"Enum", "zip", 2, enum_zip},
	{"Enum", "unzip", 1, enum_unzip},
	{"Enum", "member?", 2, enum_member},
	{"Enum", "count", 1, enum_count},
	{"Enum", "count", 2, enum_count},
	{"Enum", "empty?", 1, enum_empty},
	{"Enum", "any?", 1, enum_any},
	{"Enum", "any?", 2, enum_any},
	{"Enum", "all?", 1, enum_all},
	{"Enum", "all?", 2, enum_all},
	{"Enum", "find", 2, enum_find},
	{"Enum", "find", 3, enum_find},
	{"Enum", "find_index", 2, enum_find_index},
	{"Enum", "find_value", 2, enum_find_value},
	{"Enum", "frequencies", 1, enum_frequencies},
	{"Enum", "sum", 1, enum_sum},
	{"Enum", "max", 1, enum_max},
	{"Enum", "min", 1, enum_min},
	{"Enum", "max_by", 2, enum_max_by},
	{"Enum", "min_by", 2, enum_min_by},
	{"Enum", "at", 2, enum_at},
	{"Enum", "at", 3, enum_at},
	{"Enum", "fetch!", 2, enum_fetch_bang},
	{"Enum", "take", 2, enum_take},
	{"Enum", "drop", 2, enum_drop},
	{"Enum", "take_while", 2, enum_take_while},
	{"Enum", "drop_while", 2, enum_drop_while},
	{"Enum", "slice", 3, enum_slice},
	{"Enum", "chunk_every", 2, enum_chunk_every},
	{"Enum", "intersperse", 2, enum_intersperse},
	{"Enum", "split_with", 2, enum_split_with},
	{"Enum", "group_by", 2, enum_group_by},
};
/* clang-format on */
const size_t ev_builtins_enum_n = EV_NROWS(ev_builtins_enum);
