/*
 * eval_module: modules as the evaluator keeps them: defmodule (a body that
 * runs), def/defp clauses, attributes (a read sees the last value set
 * before it), aliases, defstruct; and the public API that looks at them.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "eval_int.h"

static struct mx_eval_module *module_new(struct mx_eval *ev, const char *name,
                                         const struct mx_ast *node, struct mx_eval_module *parent)
{
	struct mx_eval_module *m = mx_xcalloc(1, sizeof(*m));
	m->name = mx_xstrdup(name);
	m->node = node;
	m->parent = parent;
	MX_ALLOC_GROW(ev->modules, ev->nmodules + 1, ev->amodules);
	ev->modules[ev->nmodules++] = m;
	return m;
}

void ev_module_free(struct mx_eval_module *m)
{
	if (!m)
		return;
	free(m->name);
	for (size_t i = 0; i < m->nattrs; i++)
		free(m->attrs[i].err);
	free(m->attrs);
	free(m->fns);
	free(m->aliases);
	free(m);
}

struct mx_eval_module *mx_eval_module_find(struct mx_eval *ev, const char *name)
{
	for (size_t i = ev->nmodules; i-- > 0;)
		if (!strcmp(ev->modules[i]->name, name))
			return ev->modules[i];
	return NULL;
}

struct mx_eval_module *mx_eval_module_at(struct mx_eval *ev, size_t i)
{
	return i < ev->nmodules ? ev->modules[i] : NULL;
}

const char *mx_eval_module_name(const struct mx_eval_module *m)
{
	return m->name;
}

const struct mx_ast *mx_eval_module_node(const struct mx_eval_module *m)
{
	return m->node;
}

bool ev_clause_arity_ok(const struct ev_clause *c, size_t arity)
{
	return arity <= c->nparams && arity + c->ndefaults >= c->nparams;
}

bool mx_eval_module_has(const struct mx_eval_module *m, const char *name, size_t arity,
                        bool *is_private)
{
	for (size_t i = 0; i < m->nfns; i++)
		if (!strcmp(m->fns[i].name, name) && ev_clause_arity_ok(&m->fns[i], arity)) {
			if (is_private)
				*is_private = m->fns[i].priv;
			return true;
		}
	return false;
}

const struct mx_ast *mx_eval_module_body(const struct mx_eval_module *m, const char *name,
                                         size_t arity)
{
	for (size_t i = 0; i < m->nfns; i++)
		if (!strcmp(m->fns[i].name, name) && m->fns[i].nparams == arity && m->fns[i].body)
			return m->fns[i].body;
	return NULL;
}

/* ---- Attributes ------------------------------------------------------- */

static const struct ev_attr *attr_find(const struct mx_eval_module *m, const char *name,
                                       unsigned seq)
{
	for (size_t i = m->nattrs; i-- > 0;)
		if (m->attrs[i].seq < seq && !strcmp(m->attrs[i].name, name))
			return &m->attrs[i];
	return NULL;
}

static const struct mx_term *attr_get(const struct mx_eval_module *m, const char *name,
                                      unsigned seq)
{
	const struct ev_attr *a = attr_find(m, name, seq);
	return a ? a->val : NULL;
}

const struct mx_term *mx_eval_module_attr(const struct mx_eval_module *m, const char *name)
{
	return attr_get(m, name, UINT_MAX);
}

static void attr_put(struct mx_eval_module *m, const char *name, struct mx_term *val,
                     struct mx_eval_scope *s, const struct mx_err *err)
{
	MX_ALLOC_GROW(m->attrs, m->nattrs + 1, m->aattrs);
	m->attrs[m->nattrs].name = name;
	m->attrs[m->nattrs].val = val;
	m->attrs[m->nattrs].err = NULL;
	if (err) {
		m->attrs[m->nattrs].err = mx_xmalloc(sizeof(*err));
		*m->attrs[m->nattrs].err = *err;
	}
	m->attrs[m->nattrs].seq = m->attr_seq++;
	m->nattrs++;
	/* The running module body sees its own definition from now on. */
	s->attr_seq = m->attr_seq;
}

static const char *const typespec_attrs[] = {
    "spec", "type", "typep", "opaque", "callback", "macrocallback", NULL,
};

static bool in_list(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

int ev_eval_attr(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_eval_module *m = ev_cur_module(ev);
	if (!m)
		return ev_fail(ev, n, "cannot use @%s outside a module", n->u.attr.name);
	if (n->u.attr.value) {
		if (ev->scope->in_function)
			return ev_fail(ev, n, "cannot set attribute @%s inside function",
			               n->u.attr.name);
		*out = ev_nil(ev);
		/* Typespecs are not values; nothing reads them here. */
		if (in_list(n->u.attr.name, typespec_attrs))
			return 0;
		struct mx_term *v;
		if (ev_eval(ev, n->u.attr.value, &v) < 0) {
			/* Not fatal until something reads it: a module may set
			 * attributes (@doc, @external_resource...) from code we
			 * cannot run without ever needing them. */
			if (ev->steps_left == 0)
				return -1;
			attr_put(m, n->u.attr.name, NULL, ev->scope, ev->err);
			mx_err_clear(ev->err);
			return 0;
		}
		attr_put(m, n->u.attr.name, v, ev->scope, NULL);
		*out = v;
		return 0;
	}
	const struct ev_attr *a = attr_find(m, n->u.attr.name, ev->scope->attr_seq);
	if (a && !a->val) {
		*ev->err = *a->err;
		return -1;
	}
	/* Elixir warns and reads nil for an attribute never set. */
	*out = a ? a->val : ev_nil(ev);
	return 0;
}

/* ---- Aliases ---------------------------------------------------------- */

static void alias_put(struct mx_eval *ev, struct mx_eval_module *m, const char *as,
                      const char *full)
{
	MX_ALLOC_GROW(m->aliases, m->naliases + 1, m->aaliases);
	m->aliases[m->naliases].as = mx_arena_strdup(EV_A(ev), as);
	m->aliases[m->naliases].full = mx_arena_strdup(EV_A(ev), full);
	m->naliases++;
}

struct mx_eval_module *ev_cur_module(struct mx_eval *ev)
{
	return ev->scope ? ev->scope->module : NULL;
}

/* The alias text ("Foo.Bar") an alias node names, expanded through the
 * aliases in effect; arena string. Returns NULL after failing. */
const char *ev_expand_alias(struct mx_eval *ev, const struct mx_ast *n)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *res = NULL;
	size_t first = 0;
	if (n->u.alias.base) {
		const struct mx_ast *base = n->u.alias.base;
		if (base->kind == MX_AST_VAR && !strcmp(base->u.name.name, "__MODULE__")) {
			struct mx_eval_module *m = ev_cur_module(ev);
			if (!m) {
				ev_fail(ev, n, "__MODULE__ is nil outside a module");
				goto out;
			}
			mx_buf_adds(&b, m->name);
		} else {
			struct mx_term *t;
			if (ev_eval(ev, base, &t) < 0)
				goto out;
			if (t->type != MX_TERM_ATOM) {
				ev_fail(ev, n, "alias base is not an atom");
				goto out;
			}
			mx_buf_adds(&b, mx_term_alias_name(t));
		}
	} else if (n->u.alias.nsegs && strcmp(n->u.alias.segs[0], "Elixir")) {
		const char *full = NULL;
		for (struct mx_eval_module *m = ev_cur_module(ev); m && !full; m = m->parent)
			for (size_t i = m->naliases; i-- > 0;)
				if (!strcmp(m->aliases[i].as, n->u.alias.segs[0])) {
					full = m->aliases[i].full;
					break;
				}
		mx_buf_adds(&b, full ? full : n->u.alias.segs[0]);
		first = 1;
	} else if (n->u.alias.nsegs) {
		/* Elixir.Foo is Foo. */
		first = 1;
	}
	for (size_t i = first; i < n->u.alias.nsegs; i++) {
		if (b.len)
			mx_buf_addch(&b, '.');
		mx_buf_adds(&b, n->u.alias.segs[i]);
	}
	res = mx_arena_strndup(EV_A(ev), b.buf, b.len);
out:
	mx_buf_release(&b);
	return res;
}

int ev_form_alias(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_eval_module *m = ev_cur_module(ev);
	*out = ev_nil(ev);
	if (!m || !n->u.call.nargs)
		return 0; /* top-level aliases: nothing to remember for now */
	const struct mx_ast *a = n->u.call.args[0];
	if (a->kind == MX_AST_ALIAS) {
		const char *full = ev_expand_alias(ev, a);
		if (!full)
			return -1;
		const struct mx_ast *as =
		    n->u.call.nargs > 1 ? mx_ast_kw_get(n->u.call.args[1], "as") : NULL;
		const char *short_name = strrchr(full, '.') ? strrchr(full, '.') + 1 : full;
		if (as && as->kind == MX_AST_ALIAS)
			short_name = as->u.alias.name;
		alias_put(ev, m, short_name, full);
		*out = mx_eval_alias_atom(ev, full);
		return 0;
	}
	if (a->kind == MX_AST_CALL && a->u.call.target && a->u.call.target->kind == MX_AST_ALIAS) {
		const char *base = ev_expand_alias(ev, a->u.call.target);
		if (!base)
			return -1;
		for (size_t i = 0; i < a->u.call.nargs; i++) {
			const struct mx_ast *s = a->u.call.args[i];
			if (s->kind != MX_AST_ALIAS)
				continue;
			struct mx_buf b = MX_BUF_INIT;
			mx_buf_addf(&b, "%s.%s", base, s->u.alias.name);
			const char *last = strrchr(b.buf, '.') + 1;
			alias_put(ev, m, last, b.buf);
			mx_buf_release(&b);
		}
	}
	return 0;
}

/* ---- def, defmodule, defstruct ---------------------------------------- */

/* def/defp: records a clause in the current module. */
int ev_form_def(struct mx_eval *ev, const struct mx_ast *n, bool priv)
{
	struct mx_eval_module *m = ev_cur_module(ev);
	if (!m || ev->scope->in_function)
		return ev_fail(ev, n, "cannot invoke def%s outside module", priv ? "p" : "");
	if (!n->u.call.nargs)
		return ev_fail(ev, n, "invalid function definition");
	const struct mx_ast *head = n->u.call.args[0], *guard = NULL;
	if (head->kind == MX_AST_OP && !strcmp(head->u.op.op, "when")) {
		guard = head->u.op.right;
		head = head->u.op.left;
	}
	struct ev_clause c = {0};
	if (head->kind == MX_AST_VAR) {
		c.name = head->u.name.name;
	} else if (head->kind == MX_AST_CALL && !head->u.call.target && head->u.call.name) {
		c.name = head->u.call.name;
		c.params = head->u.call.args;
		c.nparams = head->u.call.nargs;
	} else {
		return ev_fail(ev, head, "unsupported function head");
	}
	for (size_t i = 0; i < c.nparams; i++)
		if (c.params[i]->kind == MX_AST_OP && !strcmp(c.params[i]->u.op.op, "\\\\"))
			c.ndefaults++;
	c.node = n;
	c.guard = guard;
	c.body = mx_ast_call_block(n, "do");
	c.priv = priv;
	c.attr_seq = ev->scope->attr_seq;
	MX_ALLOC_GROW(m->fns, m->nfns + 1, m->afns);
	m->fns[m->nfns++] = c;
	return 0;
}

static int eval_module_body(struct mx_eval *ev, struct mx_eval_module *m, const struct mx_ast *body,
                            struct mx_term **out)
{
	struct mx_eval_scope *saved = ev->scope;
	/* A module body sees the variables around the defmodule (function
	 * bodies do not: each clause starts a scope of its own). */
	struct mx_eval_scope *s = ev_scope_new(ev, saved);
	s->module = m;
	s->attr_seq = m->attr_seq;
	s->in_function = false;
	ev->scope = s;
	struct mx_term *v;
	int r = ev_eval_body(ev, body, &v);
	ev->scope = saved;
	if (r == 0 && out)
		*out = v;
	return r;
}

int ev_form_defmodule(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	if (ev->scope->in_function)
		return ev_fail(ev, n, "defmodule inside a function is not supported");
	const struct mx_ast *an = n->u.call.nargs >= 1 ? n->u.call.args[0] : NULL;
	/* defmodule :"Elixir.Foo.Add-flag" names the module by its atom, as
	 * is (not nested in an enclosing module). Atoms without "Elixir." are
	 * Erlang-style module names, which nothing here calls. */
	bool by_atom = an && an->kind == MX_AST_ATOM && !strncmp(an->u.name.name, "Elixir.", 7) &&
	               an->u.name.name[7];
	if (!an || (an->kind != MX_AST_ALIAS && !by_atom))
		return ev_fail(ev, n, "defmodule expects an alias");
	struct mx_eval_module *parent = ev_cur_module(ev);
	struct mx_buf name = MX_BUF_INIT;
	int ret = -1;
	if (by_atom) {
		mx_buf_adds(&name, an->u.name.name + 7);
	} else if (parent && !an->u.alias.base) {
		/* defmodule Bar inside Foo is Foo.Bar, and Bar aliases it. */
		mx_buf_addf(&name, "%s.%s", parent->name, an->u.alias.name);
		const char *first = an->u.alias.segs[0];
		struct mx_buf full = MX_BUF_INIT;
		mx_buf_addf(&full, "%s.%s", parent->name, first);
		alias_put(ev, parent, first, full.buf);
		mx_buf_release(&full);
	} else {
		const char *full = ev_expand_alias(ev, an);
		if (!full)
			goto out;
		mx_buf_adds(&name, full);
	}
	struct mx_eval_module *m = module_new(ev, name.buf, n, parent);
	ret = eval_module_body(ev, m, mx_ast_call_block(n, "do"), NULL);
	if (ret == 0)
		*out = mx_term_tuple2(EV_A(ev), mx_term_atom(EV_A(ev), "module"),
		                      mx_eval_alias_atom(ev, m->name));
out:
	mx_buf_release(&name);
	return ret;
}

int ev_form_defstruct(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **args,
                      size_t nargs)
{
	struct mx_eval_module *m = ev_cur_module(ev);
	if (!m || nargs != 1 || args[0]->type != MX_TERM_LIST)
		return ev_fail(ev, n, "unsupported defstruct");
	const struct mx_term *l = args[0];
	m->struct_fields = MX_ARENA_NEWN(EV_A(ev), const char *, l->u.list.n + 1);
	m->struct_defaults = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, l->u.list.n + 1);
	m->nstruct = 0;
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *e = l->u.list.items[i];
		if (e->type == MX_TERM_ATOM) {
			m->struct_fields[m->nstruct] = e->u.atom.name;
			m->struct_defaults[m->nstruct++] = ev_nil(ev);
		} else if (e->type == MX_TERM_TUPLE && e->u.tuple.n == 2 &&
		           e->u.tuple.items[0]->type == MX_TERM_ATOM) {
			m->struct_fields[m->nstruct] = e->u.tuple.items[0]->u.atom.name;
			m->struct_defaults[m->nstruct++] = e->u.tuple.items[1];
		}
	}
	m->has_struct = true;
	return 0;
}
