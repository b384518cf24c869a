/*
 * ddl_term: the Keyword/Map/Kernel helpers the translator needs, with
 * Elixir's semantics (see ddl_priv.h). Terms are immutable: every "update"
 * builds a new term in the arena.
 */
#include <string.h>

#include "ddl_priv.h"

bool em_t_is_struct(const struct mx_term *t, const char *module)
{
	const char *name = t ? mx_term_struct_name(t) : NULL;
	return name && !strcmp(name, module);
}

const struct mx_term *em_t_field(const struct mx_term *t, const char *key)
{
	return t ? mx_term_map_get_atom(t, key) : NULL;
}

bool em_t_text(const struct mx_term *t, const char **s, size_t *n)
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

bool em_t_atom(const struct mx_term *t, const char *name)
{
	return t && mx_term_is_atom(t, name);
}

bool em_t_is_list(const struct mx_term *t)
{
	return t && t->type == MX_TERM_LIST;
}

bool em_t_is_binary(const struct mx_term *t)
{
	return t && t->type == MX_TERM_BINARY;
}

bool em_t_is_atom(const struct mx_term *t)
{
	return t && t->type == MX_TERM_ATOM;
}

bool em_t_is_tuple(const struct mx_term *t, size_t n)
{
	return t && t->type == MX_TERM_TUPLE && t->u.tuple.n == n;
}

/* The key of a keyword entry, or NULL when item is not {atom, _}. */
static const struct mx_term *kw_key(const struct mx_term *item)
{
	if (!em_t_is_tuple(item, 2) || item->u.tuple.items[0]->type != MX_TERM_ATOM)
		return NULL;
	return item->u.tuple.items[0];
}

const struct mx_term *em_kw_fetch(const struct mx_term *kw, const char *key)
{
	if (!em_t_is_list(kw))
		return NULL;
	for (size_t i = 0; i < kw->u.list.n; i++) {
		const struct mx_term *k = kw_key(kw->u.list.items[i]);
		if (k && mx_term_is_atom(k, key))
			return kw->u.list.items[i]->u.tuple.items[1];
	}
	return NULL;
}

bool em_kw_truthy(const struct mx_term *kw, const char *key)
{
	const struct mx_term *v = em_kw_fetch(kw, key);
	return v && mx_term_truthy(v);
}

struct mx_term *em_kw_new(struct mx_arena *a)
{
	return mx_term_list(a, NULL, 0);
}

/* Keyword's put, delete and merge are the core's (term.h), with the key
 * given as the atom's name. */
struct mx_term *em_kw_delete(struct mx_arena *a, const struct mx_term *kw, const char *key)
{
	return mx_term_kw_delete(a, kw, mx_term_atom(a, key));
}

struct mx_term *em_kw_put(struct mx_arena *a, const struct mx_term *kw, const char *key,
                            struct mx_term *val)
{
	return mx_term_kw_put(a, kw, mx_term_atom(a, key), val);
}

struct mx_term *em_kw_put_new(struct mx_arena *a, const struct mx_term *kw, const char *key,
                                struct mx_term *val)
{
	return mx_term_kw_put_new(a, kw, mx_term_atom(a, key), val);
}

struct mx_term *em_kw_merge(struct mx_arena *a, const struct mx_term *kw1,
                              const struct mx_term *kw2)
{
	return mx_term_kw_merge(a, kw1, kw2);
}

struct mx_term *em_kw_take1(struct mx_arena *a, const struct mx_term *kw, const char *key)
{
	size_t n = em_t_is_list(kw) ? kw->u.list.n : 0, m = 0;
	struct mx_term **items = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
	for (size_t i = 0; i < n; i++) {
		const struct mx_term *k = kw_key(kw->u.list.items[i]);
		if (k && mx_term_is_atom(k, key))
			items[m++] = kw->u.list.items[i];
	}
	return mx_term_list(a, items, m);
}

struct mx_term *em_t_struct(struct mx_arena *a, const char *module, const char *const *fields,
                              struct mx_term **vals, size_t n)
{
	return mx_term_struct(a, module, fields, vals, n);
}

/* %{s | key: val} on a field s has (the structs here always have theirs). */
struct mx_term *em_t_struct_put(struct mx_arena *a, const struct mx_term *s, const char *key,
                                  struct mx_term *val)
{
	return mx_term_map_replace(a, s, mx_term_atom(a, key), val);
}

void em_t_inspect(const struct mx_term *t, struct mx_buf *out)
{
	mx_term_inspect(t, out);
}

int em_t_to_string(const struct mx_term *t, struct mx_buf *out)
{
	return mx_term_to_string(t, out);
}
