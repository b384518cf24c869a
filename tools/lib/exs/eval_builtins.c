/*
 * eval_builtins: the builtin table. Every evaluator indexes the core rows of
 * stdlib_*.c, and the rows its host adds, in one hash table keyed by
 * module, name and arity; the index is built at the first builtin call, so
 * an evaluator that never calls one pays nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib.h"

struct ev_builtin_slot {
	const struct mx_eval_builtin *row; /* NULL: empty */
	void *ctx;
};

struct mx_eval_builtins {
	struct ev_builtin_slot *slots;
	size_t cap, n; /* cap: a power of two, at least twice n */
};

const struct ev_builtin_table ev_core_tables[] = {
    {ev_builtins_kernel, &ev_builtins_kernel_n},
    {ev_builtins_enum, &ev_builtins_enum_n},
    {ev_builtins_string, &ev_builtins_string_n},
    {ev_builtins_keyword_map, &ev_builtins_keyword_map_n},
    {ev_builtins_list, &ev_builtins_list_n},
    {ev_builtins_path_file, &ev_builtins_path_file_n},
    {ev_builtins_system, &ev_builtins_system_n},
    {ev_builtins_integer_atom, &ev_builtins_integer_atom_n},
    {ev_builtins_calendar, &ev_builtins_calendar_n},
    {ev_builtins_erlang, &ev_builtins_erlang_n},
    {ev_builtins_uri, &ev_builtins_uri_n},
};
const size_t ev_core_tables_n = EV_NROWS(ev_core_tables);

/* FNV-1a over "module.name", then the arity. */
static uint64_t key_hash(const char *module, const char *name, size_t arity)
{
	uint64_t h = 14695981039346656037ULL;
	for (const char *p = module; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	h = (h ^ '.') * 1099511628211ULL;
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return (h ^ arity) * 1099511628211ULL;
}

static bool row_is(const struct mx_eval_builtin *r, const char *module, const char *name,
                   size_t arity)
{
	return r->arity == arity && !strcmp(r->name, name) && !strcmp(r->module, module);
}

/* The slot of module.name/arity: its row, or the empty slot it would take. */
static struct ev_builtin_slot *slot_of(struct mx_eval_builtins *t, const char *module,
                                       const char *name, size_t arity)
{
	size_t mask = t->cap - 1;
	size_t i = (size_t)key_hash(module, name, arity) & mask;
	while (t->slots[i].row && !row_is(t->slots[i].row, module, name, arity))
		i = (i + 1) & mask;
	return &t->slots[i];
}

static void grow(struct mx_eval_builtins *t)
{
	struct ev_builtin_slot *old = t->slots;
	size_t old_cap = t->cap;
	t->cap = old_cap ? old_cap * 2 : 512;
	t->slots = mx_xcalloc(t->cap, sizeof(*t->slots));
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].row)
			*slot_of(t, old[i].row->module, old[i].row->name, old[i].row->arity) =
			    old[i];
	free(old);
}

/* Adds (or replaces) the rows, called with ctx. */
static void index_rows(struct mx_eval_builtins *t, const struct mx_eval_builtin *rows, size_t n,
                       void *ctx)
{
	for (size_t i = 0; i < n; i++) {
		if ((t->n + 1) * 2 > t->cap)
			grow(t);
		struct ev_builtin_slot *s = slot_of(t, rows[i].module, rows[i].name, rows[i].arity);
		if (!s->row)
			t->n++;
		s->row = &rows[i];
		s->ctx = ctx;
	}
}

static struct mx_eval_builtins *index_of(struct mx_eval *ev)
{
	if (!ev->builtins) {
		ev->builtins = mx_xcalloc(1, sizeof(*ev->builtins));
		for (size_t i = 0; i < ev_core_tables_n; i++)
			index_rows(ev->builtins, ev_core_tables[i].rows, *ev_core_tables[i].n,
			           NULL);
	}
	return ev->builtins;
}

void mx_eval_add_builtins(struct mx_eval *ev, const struct mx_eval_builtin *rows, size_t n,
                          void *ctx)
{
	index_rows(index_of(ev), rows, n, ctx);
}

void ev_builtins_release(struct mx_eval *ev)
{
	if (!ev->builtins)
		return;
	free(ev->builtins->slots);
	free(ev->builtins);
	ev->builtins = NULL;
}

int ev_builtin(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
               size_t n, const struct mx_ast *at, struct mx_term **out)
{
	const struct ev_builtin_slot *s =
	    slot_of(index_of(ev), module ? module : "Kernel", name, n);
	if (!s->row)
		return 1;
	struct mx_eval_call c = {
	    .module = s->row->module,
	    .name = s->row->name,
	    .arity = n,
	    .args = args,
	    .nargs = n,
	    .node = at,
	};
	struct mx_term *res = NULL;
	int r = s->row->fn(ev, &c, &res, s->ctx, ev->err);
	if (r == MX_EVAL_HANDLED) {
		*out = res ? res : ev_nil(ev);
		return 0;
	}
	if (r > 0)
		return 1;
	if (!ev->err->kind)
		ev_fail(ev, at, "%s.%s/%zu failed", s->row->module, s->row->name, n);
	return -1;
}
