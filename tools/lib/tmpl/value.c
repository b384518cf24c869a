/*
 * value: the data tree a generator builds for a template. Everything lives
 * in an arena; containers keep a pointer to theirs so that filling them
 * needs no arena argument. Maps are small (a schema has a few dozen keys),
 * so they are arrays searched in order, which also keeps them cheap to build.
 */
#include "tmpl.h"

#include <stdarg.h>
#include <string.h>

static struct mx_tmpl_value *new_value(struct mx_arena *a, enum mx_tmpl_type type)
{
	struct mx_tmpl_value *v = MX_ARENA_NEW(a, struct mx_tmpl_value);
	v->type = type;
	return v;
}

struct mx_tmpl_value *mx_tmpl_nil_new(struct mx_arena *a)
{
	return new_value(a, MX_TMPL_NIL);
}

struct mx_tmpl_value *mx_tmpl_bool_new(struct mx_arena *a, bool b)
{
	struct mx_tmpl_value *v = new_value(a, MX_TMPL_BOOL);
	v->u.b = b;
	return v;
}

struct mx_tmpl_value *mx_tmpl_int_new(struct mx_arena *a, int64_t i)
{
	struct mx_tmpl_value *v = new_value(a, MX_TMPL_INT);
	v->u.i = i;
	return v;
}

struct mx_tmpl_value *mx_tmpl_strn_new(struct mx_arena *a, const char *s, size_t n)
{
	struct mx_tmpl_value *v = new_value(a, MX_TMPL_STR);
	v->u.str.s = mx_arena_strndup(a, s, n);
	v->u.str.len = n;
	return v;
}

struct mx_tmpl_value *mx_tmpl_str_new(struct mx_arena *a, const char *s)
{
	return mx_tmpl_strn_new(a, s, strlen(s));
}

static struct mx_tmpl_value *vstrf(struct mx_arena *a, const char *fmt, va_list ap)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_vaddf(&b, fmt, ap);
	struct mx_tmpl_value *v = mx_tmpl_strn_new(a, b.buf, b.len);
	mx_buf_release(&b);
	return v;
}

struct mx_tmpl_value *mx_tmpl_strf_new(struct mx_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct mx_tmpl_value *v = vstrf(a, fmt, ap);
	va_end(ap);
	return v;
}

struct mx_tmpl_value *mx_tmpl_list_new(struct mx_arena *a)
{
	struct mx_tmpl_value *v = new_value(a, MX_TMPL_LIST);
	v->u.list.arena = a;
	return v;
}

struct mx_tmpl_value *mx_tmpl_map_new(struct mx_arena *a)
{
	struct mx_tmpl_value *v = new_value(a, MX_TMPL_MAP);
	v->u.map.arena = a;
	return v;
}

/* Grows an arena array of n elements of size sz to hold one more. Arena
 * memory is not freed, so the old array is simply left behind; doubling
 * keeps the waste below the final size. */
static void *grow(struct mx_arena *a, void *p, size_t n, size_t *alloc, size_t sz)
{
	if (n < *alloc)
		return p;
	size_t na = *alloc ? *alloc * 2 : 8;
	void *q = mx_arena_alloc(a, na * sz);
	if (n)
		memcpy(q, p, n * sz);
	*alloc = na;
	return q;
}

struct mx_tmpl_value *mx_tmpl_put(struct mx_tmpl_value *map, const char *key,
                                  struct mx_tmpl_value *v)
{
	for (size_t i = 0; i < map->u.map.n; i++) {
		if (!strcmp(map->u.map.entries[i].key, key)) {
			map->u.map.entries[i].val = v;
			return v;
		}
	}
	struct mx_arena *a = map->u.map.arena;
	map->u.map.entries = grow(a, map->u.map.entries, map->u.map.n, &map->u.map.alloc,
	                          sizeof(*map->u.map.entries));
	struct mx_tmpl_entry *e = &map->u.map.entries[map->u.map.n++];
	e->key = mx_arena_strdup(a, key);
	e->val = v;
	return v;
}

void mx_tmpl_put_str(struct mx_tmpl_value *map, const char *key, const char *s)
{
	mx_tmpl_put(map, key, mx_tmpl_str_new(map->u.map.arena, s));
}

void mx_tmpl_put_strf(struct mx_tmpl_value *map, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mx_tmpl_put(map, key, vstrf(map->u.map.arena, fmt, ap));
	va_end(ap);
}

void mx_tmpl_put_bool(struct mx_tmpl_value *map, const char *key, bool b)
{
	mx_tmpl_put(map, key, mx_tmpl_bool_new(map->u.map.arena, b));
}

void mx_tmpl_put_int(struct mx_tmpl_value *map, const char *key, int64_t i)
{
	mx_tmpl_put(map, key, mx_tmpl_int_new(map->u.map.arena, i));
}

void mx_tmpl_put_nil(struct mx_tmpl_value *map, const char *key)
{
	mx_tmpl_put(map, key, mx_tmpl_nil_new(map->u.map.arena));
}

struct mx_tmpl_value *mx_tmpl_put_map(struct mx_tmpl_value *map, const char *key)
{
	return mx_tmpl_put(map, key, mx_tmpl_map_new(map->u.map.arena));
}

struct mx_tmpl_value *mx_tmpl_put_list(struct mx_tmpl_value *map, const char *key)
{
	return mx_tmpl_put(map, key, mx_tmpl_list_new(map->u.map.arena));
}

struct mx_tmpl_value *mx_tmpl_push(struct mx_tmpl_value *list, struct mx_tmpl_value *v)
{
	struct mx_arena *a = list->u.list.arena;
	list->u.list.items = grow(a, list->u.list.items, list->u.list.n, &list->u.list.alloc,
	                          sizeof(*list->u.list.items));
	list->u.list.items[list->u.list.n++] = v;
	return v;
}

void mx_tmpl_push_str(struct mx_tmpl_value *list, const char *s)
{
	mx_tmpl_push(list, mx_tmpl_str_new(list->u.list.arena, s));
}

struct mx_tmpl_value *mx_tmpl_push_map(struct mx_tmpl_value *list)
{
	return mx_tmpl_push(list, mx_tmpl_map_new(list->u.list.arena));
}

const struct mx_tmpl_value *mx_tmpl_get(const struct mx_tmpl_value *map, const char *key)
{
	if (!map || map->type != MX_TMPL_MAP)
		return NULL;
	for (size_t i = 0; i < map->u.map.n; i++)
		if (!strcmp(map->u.map.entries[i].key, key))
			return map->u.map.entries[i].val;
	return NULL;
}
