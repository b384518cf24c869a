/*
 * ddl_term: the Keyword/Map/Kernel helpers the translator needs, with
 * Elixir's semantics (see ddl_priv.h). Terms are immutable: every "update"
 * builds a new term in the arena.
 */
#include <string.h>

#include "ddl_priv.h"

bool ecto_t_is_struct(const struct mx_term *t, const char *module)
{
	const char *name = t ? mx_term_struct_name(t) : NULL;
	return name && !strcmp(name, module);
}

const struct mx_term *ecto_t_field(const struct mx_term *t, const char *key)
{
	return t ? mx_term_map_get_atom(t, key) : NULL;
}

bool ecto_t_text(const struct mx_term *t, const char **s, size_t *n)
{
	if (!t)
		return false;
	if (t->type == MX_TERM_ATOM) {
		*s = t->u.atom.name;
		*n = t->u.atom.len;
		return true;
	}
	if (t->type == MX_TERM_BINARY) {
		*s = t->u.bin.data;
		*n = t->u.bin.len;
		return true;
	}
	return false;
}

bool ecto_t_atom(const struct mx_term *t, const char *name)
{
	return t && mx_term_is_atom(t, name);
}

bool ecto_t_is_list(const struct mx_term *t)
{
	return t && t->type == MX_TERM_LIST;
}

bool ecto_t_is_binary(const struct mx_term *t)
{
	return t && t->type == MX_TERM_BINARY;
}

bool ecto_t_is_atom(const struct mx_term *t)
{
	return t && t->type == MX_TERM_ATOM;
}

bool ecto_t_is_tuple(const struct mx_term *t, size_t n)
{
	return t && t->type == MX_TERM_TUPLE && t->u.tuple.n == n;
}

/* The key of a keyword entry, or NULL when item is not {atom, _}. */
static const struct mx_term *kw_key(const struct mx_term *item)
{
	if (!ecto_t_is_tuple(item, 2) || item->u.tuple.items[0]->type != MX_TERM_ATOM)
		return NULL;
	return item->u.tuple.items[0];
}

const struct mx_term *ecto_kw_fetch(const struct mx_term *kw, const char *key)
{
	if (!ecto_t_is_list(kw))
		return NULL;
	for (size_t i = 0; i < kw->u.list.n; i++) {
		const struct mx_term *k = kw_key(kw->u.list.items[i]);
		if (k && mx_term_is_atom(k, key))
			return kw->u.list.items[i]->u.tuple.items[1];
	}
	return NULL;
}

bool ecto_kw_truthy(const struct mx_term *kw, const char *key)
{
	const struct mx_term *v = ecto_kw_fetch(kw, key);
	return v && mx_term_truthy(v);
}

struct mx_term *ecto_kw_new(struct mx_arena *a)
{
	return mx_term_list(a, NULL, 0);
}

static struct mx_term *kw_filter(struct mx_arena *a, const struct mx_term *kw,
                                 const struct mx_term *drop_keys, const char *drop_key,
                                 size_t extra_front, struct mx_term *front)
{
	size_t n = ecto_t_is_list(kw) ? kw->u.list.n : 0, m = 0;
	struct mx_term **items = MX_ARENA_NEWN(a, struct mx_term *, n + extra_front + 1);
	if (front)
		items[m++] = front;
	for (size_t i = 0; i < n; i++) {
		struct mx_term *it = kw->u.list.items[i];
		const struct mx_term *k = kw_key(it);
		if (k && drop_key && mx_term_is_atom(k, drop_key))
			continue;
		if (k && drop_keys && ecto_kw_fetch(drop_keys, k->u.atom.name))
			continue;
		items[m++] = it;
	}
	return mx_term_list(a, items, m);
}

struct mx_term *ecto_kw_delete(struct mx_arena *a, const struct mx_term *kw, const char *key)
{
	return kw_filter(a, kw, NULL, key, 0, NULL);
}

struct mx_term *ecto_kw_put(struct mx_arena *a, const struct mx_term *kw, const char *key,
                            struct mx_term *val)
{
	return kw_filter(a, kw, NULL, key, 1, mx_term_tuple2(a, mx_term_atom(a, key), val));
}

struct mx_term *ecto_kw_put_new(struct mx_arena *a, const struct mx_term *kw, const char *key,
                                struct mx_term *val)
{
	if (ecto_kw_fetch(kw, key))
		return (struct mx_term *)kw;
	return ecto_kw_put(a, kw, key, val);
}

struct mx_term *ecto_kw_merge(struct mx_arena *a, const struct mx_term *kw1,
                              const struct mx_term *kw2)
{
	struct mx_term *kept = kw_filter(a, kw1, kw2, NULL, 0, NULL);
	size_t n1 = kept->u.list.n, n2 = ecto_t_is_list(kw2) ? kw2->u.list.n : 0;
	struct mx_term **items = MX_ARENA_NEWN(a, struct mx_term *, n1 + n2 + 1);
	for (size_t i = 0; i < n1; i++)
		items[i] = kept->u.list.items[i];
	for (size_t i = 0; i < n2; i++)
		items[n1 + i] = kw2->u.list.items[i];
	return mx_term_list(a, items, n1 + n2);
}

struct mx_term *ecto_kw_take1(struct mx_arena *a, const struct mx_term *kw, const char *key)
{
	size_t n = ecto_t_is_list(kw) ? kw->u.list.n : 0, m = 0;
	struct mx_term **items = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
	for (size_t i = 0; i < n; i++) {
		const struct mx_term *k = kw_key(kw->u.list.items[i]);
		if (k && mx_term_is_atom(k, key))
			items[m++] = kw->u.list.items[i];
	}
	return mx_term_list(a, items, m);
}

struct mx_term *ecto_t_struct(struct mx_arena *a, const char *module, const char *const *fields,
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

struct mx_term *ecto_t_struct_put(struct mx_arena *a, const struct mx_term *s, const char *key,
                                  struct mx_term *val)
{
	size_t n = s->u.map.n;
	struct mx_term **v = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
	for (size_t i = 0; i < n; i++) {
		bool hit = mx_term_is_atom(s->u.map.keys[i], key);
		v[i] = hit ? val : s->u.map.vals[i];
	}
	return mx_term_map(a, s->u.map.keys, v, n);
}

void ecto_t_inspect(const struct mx_term *t, struct mx_buf *out)
{
	mx_term_inspect(t, out);
}

int ecto_t_to_string(const struct mx_term *t, struct mx_buf *out)
{
	return mx_term_to_string(t, out);
}
