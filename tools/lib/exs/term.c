/*
 * term: Elixir values: building them, comparing them (=== and Erlang's term
 * order), reading keyword lists and maps, and Keyword's and Map's put and
 * merge (see term.h). Printing is in term_text.c.
 */
#include "term.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "term_int.h"

/* ---- Constructors ------------------------------------------------------ */

static struct mx_term *new_term(struct mx_arena *a, enum mx_term_type type)
{
	struct mx_term *t = MX_ARENA_NEW(a, struct mx_term);
	t->type = type;
	return t;
}

struct mx_term *mx_term_atomn(struct mx_arena *a, const char *name, size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_ATOM);
	t->u.atom.name = mx_arena_strndup(a, name, n);
	t->u.atom.len = n;
	return t;
}

struct mx_term *mx_term_atom(struct mx_arena *a, const char *name)
{
	return mx_term_atomn(a, name, strlen(name));
}

struct mx_term *mx_term_nil(struct mx_arena *a)
{
	return mx_term_atomn(a, "nil", 3);
}

struct mx_term *mx_term_bool(struct mx_arena *a, bool v)
{
	return v ? mx_term_atomn(a, "true", 4) : mx_term_atomn(a, "false", 5);
}

struct mx_term *mx_term_int(struct mx_arena *a, int64_t v)
{
	struct mx_term *t = new_term(a, MX_TERM_INT);
	t->u.i = v;
	return t;
}

struct mx_term *mx_term_float(struct mx_arena *a, double v)
{
	struct mx_term *t = new_term(a, MX_TERM_FLOAT);
	t->u.f = v;
	return t;
}

struct mx_term *mx_term_binary(struct mx_arena *a, const char *s, size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_BINARY);
	t->u.bin.data = mx_arena_strndup(a, s ? s : "", s ? n : 0);
	t->u.bin.len = s ? n : 0;
	return t;
}

struct mx_term *mx_term_string(struct mx_arena *a, const char *s)
{
	return mx_term_binary(a, s, strlen(s));
}

static struct mx_term **copy_items(struct mx_arena *a, struct mx_term **items, size_t n)
{
	if (!n)
		return NULL;
	return mx_arena_memdup(a, items, n * sizeof(*items));
}

struct mx_term *mx_term_list(struct mx_arena *a, struct mx_term **items, size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_LIST);
	t->u.list.items = copy_items(a, items, n);
	t->u.list.n = n;
	return t;
}

struct mx_term *mx_term_tuple(struct mx_arena *a, struct mx_term **items, size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_TUPLE);
	t->u.tuple.items = copy_items(a, items, n);
	t->u.tuple.n = n;
	return t;
}

struct mx_term *mx_term_tuple2(struct mx_arena *a, struct mx_term *x, struct mx_term *y)
{
	struct mx_term *items[2] = {x, y};
	return mx_term_tuple(a, items, 2);
}

struct mx_term *mx_term_map(struct mx_arena *a, struct mx_term **keys, struct mx_term **vals,
                            size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_MAP);
	t->u.map.keys = copy_items(a, keys, n);
	t->u.map.vals = copy_items(a, vals, n);
	t->u.map.n = n;
	return t;
}

struct mx_term *mx_term_opaque(struct mx_arena *a, const char *what)
{
	struct mx_term *t = new_term(a, MX_TERM_OPAQUE);
	t->u.opaque.what = mx_arena_strdup(a, what);
	return t;
}

struct mx_term *mx_term_improper_list(struct mx_arena *a, struct mx_term **items, size_t n,
                                      struct mx_term *tail)
{
	/* [a | []] is the proper list [a]; [a | [b]] is [a, b]. */
	if (tail && tail->type == MX_TERM_LIST) {
		size_t m = tail->u.list.n;
		struct mx_term **all = MX_ARENA_NEWN(a, struct mx_term *, n + m + 1);
		if (n)
			memcpy(all, items, n * sizeof(*all));
		if (m)
			memcpy(all + n, tail->u.list.items, m * sizeof(*all));
		struct mx_term *t = new_term(a, MX_TERM_LIST);
		t->u.list.items = (n + m) ? all : NULL;
		t->u.list.n = n + m;
		t->u.list.tail = tail->u.list.tail;
		return t;
	}
	struct mx_term *t = mx_term_list(a, items, n);
	t->u.list.tail = tail;
	return t;
}

struct mx_term *mx_term_struct(struct mx_arena *a, const char *module, const char *const *fields,
                               struct mx_term **vals, size_t n)
{
	struct mx_term **k = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
	struct mx_term **v = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
	k[0] = mx_term_atom(a, "__struct__");
	v[0] = mx_term_atom(a, module);
	for (size_t i = 0; i < n; i++) {
		k[i + 1] = mx_term_atom(a, fields[i]);
		v[i + 1] = vals[i];
	}
	return mx_term_map(a, k, v, n + 1);
}

/* ---- Predicates and accessors ----------------------------------------- */

bool mx_term_is_atom(const struct mx_term *t, const char *name)
{
	return t && t->type == MX_TERM_ATOM && strlen(name) == t->u.atom.len &&
	       !memcmp(t->u.atom.name, name, t->u.atom.len);
}

bool mx_term_is_nil(const struct mx_term *t)
{
	return mx_term_is_atom(t, "nil");
}

bool mx_term_truthy(const struct mx_term *t)
{
	return t && !mx_term_is_atom(t, "nil") && !mx_term_is_atom(t, "false");
}

bool mx_term_is_string(const struct mx_term *t, const char *s)
{
	return t && t->type == MX_TERM_BINARY && strlen(s) == t->u.bin.len &&
	       !memcmp(t->u.bin.data, s, t->u.bin.len);
}

bool mx_term_is_keyword(const struct mx_term *t)
{
	if (!t || t->type != MX_TERM_LIST || t->u.list.tail)
		return false;
	for (size_t i = 0; i < t->u.list.n; i++) {
		const struct mx_term *e = t->u.list.items[i];
		if (e->type != MX_TERM_TUPLE || e->u.tuple.n != 2 ||
		    e->u.tuple.items[0]->type != MX_TERM_ATOM)
			return false;
	}
	return true;
}

bool mx_term_is_empty_list(const struct mx_term *t)
{
	return t && t->type == MX_TERM_LIST && !t->u.list.n && !t->u.list.tail;
}

static bool same_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && (!an || !memcmp(a, b, an));
}

static long map_find(const struct mx_term *m, const struct mx_term *key)
{
	for (size_t i = 0; i < m->u.map.n; i++)
		if (mx_term_equal(m->u.map.keys[i], key))
			return (long)i;
	return -1;
}

unsigned mx_term_walk_depth;

static bool equal_rec(const struct mx_term *x, const struct mx_term *y);

bool mx_term_equal(const struct mx_term *x, const struct mx_term *y)
{
	if (mx_term_walk_depth >= MX_TERM_MAX_WALK_DEPTH)
		return false;
	mx_term_walk_depth++;
	bool r = equal_rec(x, y);
	mx_term_walk_depth--;
	return r;
}

static bool equal_rec(const struct mx_term *x, const struct mx_term *y)
{
	if (x == y)
		return true;
	if (!x || !y || x->type != y->type)
		return false;
	switch (x->type) {
	case MX_TERM_ATOM:
		return same_bytes(x->u.atom.name, x->u.atom.len, y->u.atom.name, y->u.atom.len);
	case MX_TERM_INT:
		return x->u.i == y->u.i;
	case MX_TERM_FLOAT:
		return x->u.f == y->u.f && signbit(x->u.f) == signbit(y->u.f);
	case MX_TERM_BINARY:
		return same_bytes(x->u.bin.data, x->u.bin.len, y->u.bin.data, y->u.bin.len);
	case MX_TERM_LIST:
		if (x->u.list.n != y->u.list.n)
			return false;
		for (size_t i = 0; i < x->u.list.n; i++)
			if (!mx_term_equal(x->u.list.items[i], y->u.list.items[i]))
				return false;
		if (!x->u.list.tail || !y->u.list.tail)
			return !x->u.list.tail && !y->u.list.tail;
		return mx_term_equal(x->u.list.tail, y->u.list.tail);
	case MX_TERM_TUPLE:
		if (x->u.tuple.n != y->u.tuple.n)
			return false;
		for (size_t i = 0; i < x->u.tuple.n; i++)
			if (!mx_term_equal(x->u.tuple.items[i], y->u.tuple.items[i]))
				return false;
		return true;
	case MX_TERM_MAP:
		if (x->u.map.n != y->u.map.n)
			return false;
		for (size_t i = 0; i < x->u.map.n; i++) {
			long j = map_find(y, x->u.map.keys[i]);
			if (j < 0 || !mx_term_equal(x->u.map.vals[i], y->u.map.vals[j]))
				return false;
		}
		return true;
	case MX_TERM_FUN:
		return x->u.fun.node == y->u.fun.node && x->u.fun.env == y->u.fun.env;
	case MX_TERM_OPAQUE:
		return !strcmp(x->u.opaque.what, y->u.opaque.what);
	}
	return false;
}

/* Erlang's order of types: number < atom < reference < fun < port < pid <
 * tuple < map < nil < list < bitstring. Opaque values stand in for
 * references; [] and non-empty lists are both "list" (compared elementwise,
 * which puts [] first anyway). */
static int type_rank(const struct mx_term *t)
{
	switch (t->type) {
	case MX_TERM_INT:
	case MX_TERM_FLOAT:
		return 0;
	case MX_TERM_ATOM:
		return 1;
	case MX_TERM_OPAQUE:
		return 2;
	case MX_TERM_FUN:
		return 3;
	case MX_TERM_TUPLE:
		return 4;
	case MX_TERM_MAP:
		return 5;
	case MX_TERM_LIST:
		return 6;
	case MX_TERM_BINARY:
		return 7;
	}
	return 8;
}

static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = an < bn ? an : bn;
	int c = n ? memcmp(a, b, n) : 0;
	if (c)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn ? 1 : 0;
}

static int cmp_num(const struct mx_term *x, const struct mx_term *y)
{
	if (x->type == MX_TERM_INT && y->type == MX_TERM_INT)
		return x->u.i < y->u.i ? -1 : x->u.i > y->u.i ? 1 : 0;
	double a = x->type == MX_TERM_INT ? (double)x->u.i : x->u.f;
	double b = y->type == MX_TERM_INT ? (double)y->u.i : y->u.f;
	return a < b ? -1 : a > b ? 1 : 0;
}

size_t *mx_term_sorted_key_order(const struct mx_term *m)
{
	size_t n = m->u.map.n;
	size_t *idx = mx_xmalloc((n ? n : 1) * sizeof(*idx));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	/* Insertion sort: maps here are small, and this keeps it stable. */
	for (size_t i = 1; i < n; i++) {
		size_t v = idx[i], j = i;
		while (j > 0 && mx_term_compare(m->u.map.keys[idx[j - 1]], m->u.map.keys[v]) > 0) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = v;
	}
	return idx;
}

static int cmp_map(const struct mx_term *x, const struct mx_term *y)
{
	if (x->u.map.n != y->u.map.n)
		return x->u.map.n < y->u.map.n ? -1 : 1;
	size_t *ix = mx_term_sorted_key_order(x), *iy = mx_term_sorted_key_order(y);
	int c = 0;
	for (size_t i = 0; !c && i < x->u.map.n; i++)
		c = mx_term_compare(x->u.map.keys[ix[i]], y->u.map.keys[iy[i]]);
	for (size_t i = 0; !c && i < x->u.map.n; i++)
		c = mx_term_compare(x->u.map.vals[ix[i]], y->u.map.vals[iy[i]]);
	free(ix);
	free(iy);
	return c;
}

static int compare_rec(const struct mx_term *x, const struct mx_term *y);

int mx_term_compare(const struct mx_term *x, const struct mx_term *y)
{
	if (mx_term_walk_depth >= MX_TERM_MAX_WALK_DEPTH)
		return 0;
	mx_term_walk_depth++;
	int r = compare_rec(x, y);
	mx_term_walk_depth--;
	return r;
}

static int compare_rec(const struct mx_term *x, const struct mx_term *y)
{
	if (x == y)
		return 0;
	int rx = type_rank(x), ry = type_rank(y);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	switch (x->type) {
	case MX_TERM_INT:
	case MX_TERM_FLOAT:
		return cmp_num(x, y);
	case MX_TERM_ATOM:
		return cmp_bytes(x->u.atom.name, x->u.atom.len, y->u.atom.name, y->u.atom.len);
	case MX_TERM_BINARY:
		return cmp_bytes(x->u.bin.data, x->u.bin.len, y->u.bin.data, y->u.bin.len);
	case MX_TERM_TUPLE: {
		if (x->u.tuple.n != y->u.tuple.n)
			return x->u.tuple.n < y->u.tuple.n ? -1 : 1;
		for (size_t i = 0; i < x->u.tuple.n; i++) {
			int c = mx_term_compare(x->u.tuple.items[i], y->u.tuple.items[i]);
			if (c)
				return c;
		}
		return 0;
	}
	case MX_TERM_LIST: {
		size_t n = x->u.list.n < y->u.list.n ? x->u.list.n : y->u.list.n;
		for (size_t i = 0; i < n; i++) {
			int c = mx_term_compare(x->u.list.items[i], y->u.list.items[i]);
			if (c)
				return c;
		}
		if (x->u.list.n == y->u.list.n) {
			if (x->u.list.tail && y->u.list.tail)
				return mx_term_compare(x->u.list.tail, y->u.list.tail);
			return x->u.list.tail ? 1 : y->u.list.tail ? -1 : 0;
		}
		/* The shorter one ends first: its tail ([] or an improper
		 * tail) is compared with the longer one's next element. */
		if (x->u.list.n < y->u.list.n)
			return x->u.list.tail ? mx_term_compare(x->u.list.tail, y->u.list.items[n])
			                      : -1;
		return y->u.list.tail ? mx_term_compare(x->u.list.items[n], y->u.list.tail) : 1;
	}
	case MX_TERM_MAP:
		return cmp_map(x, y);
	case MX_TERM_FUN: {
		uintptr_t a = (uintptr_t)x->u.fun.node, b = (uintptr_t)y->u.fun.node;
		return a < b ? -1 : a > b ? 1 : 0;
	}
	case MX_TERM_OPAQUE: {
		int c = strcmp(x->u.opaque.what, y->u.opaque.what);
		return c < 0 ? -1 : c > 0 ? 1 : 0;
	}
	}
	return 0;
}

const struct mx_term *mx_term_kw_get(const struct mx_term *kw, const char *key)
{
	if (!kw || kw->type != MX_TERM_LIST)
		return NULL;
	for (size_t i = 0; i < kw->u.list.n; i++) {
		const struct mx_term *e = kw->u.list.items[i];
		if (e->type == MX_TERM_TUPLE && e->u.tuple.n == 2 &&
		    mx_term_is_atom(e->u.tuple.items[0], key))
			return e->u.tuple.items[1];
	}
	return NULL;
}

const struct mx_term *mx_term_map_get_atom(const struct mx_term *m, const char *key)
{
	if (!m || m->type != MX_TERM_MAP)
		return NULL;
	for (size_t i = 0; i < m->u.map.n; i++)
		if (mx_term_is_atom(m->u.map.keys[i], key))
			return m->u.map.vals[i];
	return NULL;
}

const struct mx_term *mx_term_map_get(const struct mx_term *m, const struct mx_term *key)
{
	if (!m || m->type != MX_TERM_MAP)
		return NULL;
	long i = map_find(m, key);
	return i < 0 ? NULL : m->u.map.vals[i];
}

const char *mx_term_struct_name(const struct mx_term *t)
{
	const struct mx_term *s = mx_term_map_get_atom(t, "__struct__");
	return s && s->type == MX_TERM_ATOM ? s->u.atom.name : NULL;
}

const char *mx_term_alias_name(const struct mx_term *atom)
{
	const char *n = atom->u.atom.name;
	if (!strncmp(n, "Elixir.", 7) && n[7])
		return n + 7;
	return n;
}

/* ---- Keyword and Map updates ------------------------------------------- */

/* The items of kw, or none when kw is not a list. */
static size_t kw_len(const struct mx_term *kw)
{
	return kw && kw->type == MX_TERM_LIST ? kw->u.list.n : 0;
}

/* The key of a {key, value} pair, or NULL when item is no pair. */
static const struct mx_term *pair_key(const struct mx_term *item)
{
	return item->type == MX_TERM_TUPLE && item->u.tuple.n == 2 ? item->u.tuple.items[0] : NULL;
}

long mx_term_kw_index(const struct mx_term *kw, const struct mx_term *key)
{
	for (size_t i = 0; i < kw_len(kw); i++) {
		const struct mx_term *k = pair_key(kw->u.list.items[i]);
		if (k && mx_term_equal(k, key))
			return (long)i;
	}
	return -1;
}

/* [front | kw without the pairs whose key is drop, or whose key kw2 has]
 * (front, drop and kw2 may be NULL). */
static struct mx_term *kw_filter(struct mx_arena *a, struct mx_term *front,
                                 const struct mx_term *kw, const struct mx_term *drop,
                                 const struct mx_term *kw2)
{
	size_t n = kw_len(kw), m = 0;
	struct mx_term **items = MX_ARENA_NEWN(a, struct mx_term *, n + 2);
	if (front)
		items[m++] = front;
	for (size_t i = 0; i < n; i++) {
		struct mx_term *it = kw->u.list.items[i];
		const struct mx_term *k = pair_key(it);
		if (k &&
		    ((drop && mx_term_equal(k, drop)) || (kw2 && mx_term_kw_index(kw2, k) >= 0)))
			continue;
		items[m++] = it;
	}
	return mx_term_list(a, items, m);
}

struct mx_term *mx_term_kw_delete(struct mx_arena *a, const struct mx_term *kw,
                                  const struct mx_term *key)
{
	return kw_filter(a, NULL, kw, key, NULL);
}

struct mx_term *mx_term_kw_put(struct mx_arena *a, const struct mx_term *kw, struct mx_term *key,
                               struct mx_term *val)
{
	return kw_filter(a, mx_term_tuple2(a, key, val), kw, key, NULL);
}

struct mx_term *mx_term_kw_put_new(struct mx_arena *a, const struct mx_term *kw,
                                   struct mx_term *key, struct mx_term *val)
{
	if (mx_term_kw_index(kw, key) >= 0)
		return (struct mx_term *)kw;
	return kw_filter(a, mx_term_tuple2(a, key, val), kw, NULL, NULL);
}

struct mx_term *mx_term_kw_merge(struct mx_arena *a, const struct mx_term *kw1,
                                 const struct mx_term *kw2)
{
	struct mx_term *kept = kw_filter(a, NULL, kw1, NULL, kw2);
	size_t n1 = kept->u.list.n, n2 = kw_len(kw2);
	struct mx_term **items = MX_ARENA_NEWN(a, struct mx_term *, n1 + n2 + 1);
	for (size_t i = 0; i < n1; i++)
		items[i] = kept->u.list.items[i];
	for (size_t i = 0; i < n2; i++)
		items[n1 + i] = kw2->u.list.items[i];
	return mx_term_list(a, items, n1 + n2);
}

/* m's keys and values copied into arrays with room for extra more. */
static size_t map_copy(struct mx_arena *a, const struct mx_term *m, size_t extra,
                       struct mx_term ***ks, struct mx_term ***vs)
{
	size_t n = m->u.map.n;
	*ks = MX_ARENA_NEWN(a, struct mx_term *, n + extra + 1);
	*vs = MX_ARENA_NEWN(a, struct mx_term *, n + extra + 1);
	if (n) {
		memcpy(*ks, m->u.map.keys, n * sizeof(**ks));
		memcpy(*vs, m->u.map.vals, n * sizeof(**vs));
	}
	return n;
}

/* Sets key in ks/vs[0..*n): in place when present, else appended. */
static void map_set(struct mx_term **ks, struct mx_term **vs, size_t *n, struct mx_term *key,
                    struct mx_term *val)
{
	size_t i;
	for (i = 0; i < *n; i++)
		if (mx_term_equal(ks[i], key))
			break;
	ks[i] = key;
	vs[i] = val;
	if (i == *n)
		(*n)++;
}

struct mx_term *mx_term_map_put(struct mx_arena *a, const struct mx_term *m, struct mx_term *key,
                                struct mx_term *val)
{
	struct mx_term **ks, **vs;
	size_t n = map_copy(a, m, 1, &ks, &vs);
	map_set(ks, vs, &n, key, val);
	return mx_term_map(a, ks, vs, n);
}

struct mx_term *mx_term_map_merge(struct mx_arena *a, const struct mx_term *m1,
                                  const struct mx_term *m2)
{
	struct mx_term **ks, **vs;
	size_t n = map_copy(a, m1, m2->u.map.n, &ks, &vs);
	for (size_t i = 0; i < m2->u.map.n; i++)
		map_set(ks, vs, &n, m2->u.map.keys[i], m2->u.map.vals[i]);
	return mx_term_map(a, ks, vs, n);
}

struct mx_term *mx_term_map_put_pairs(struct mx_arena *a, const struct mx_term *m,
                                      const struct mx_term *pairs)
{
	struct mx_term **ks, **vs;
	size_t n = map_copy(a, m, pairs->u.list.n, &ks, &vs);
	for (size_t i = 0; i < pairs->u.list.n; i++) {
		struct mx_term *p = pairs->u.list.items[i];
		map_set(ks, vs, &n, p->u.tuple.items[0], p->u.tuple.items[1]);
	}
	return mx_term_map(a, ks, vs, n);
}

struct mx_term *mx_term_map_replace(struct mx_arena *a, const struct mx_term *m,
                                    const struct mx_term *key, struct mx_term *val)
{
	long i = map_find(m, key);
	if (i < 0)
		return (struct mx_term *)m;
	struct mx_term **ks, **vs;
	size_t n = map_copy(a, m, 0, &ks, &vs);
	vs[i] = val;
	return mx_term_map(a, ks, vs, n);
}
