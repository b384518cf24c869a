/*
 * eval: the interpreter core: scopes, pattern matching, calls, special forms,
 * modules and their functions. The builtins live in eval_stdlib.c.
 *
 * Evaluation walks the AST directly. Every function returns 0 or -1 (with
 * ev->err filled at the position of the failing node); there is no unwinding
 * to do since terms live in the arena.
 */
#include "eval.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../fsutil.h"
#include "eval_int.h"

struct ev_attr {
	const char *name;
	struct mx_term *val; /* NULL when its value could not be evaluated */
	struct mx_err *err;  /* why (malloc'd), reported when it is read */
	unsigned seq;
};

struct ev_alias {
	const char *as;   /* "Bar" */
	const char *full; /* "Foo.Bar" */
};

struct ev_clause {
	const char *name;
	const struct mx_ast *node; /* the def call */
	struct mx_ast **params;
	size_t nparams;
	size_t ndefaults;
	const struct mx_ast *guard;
	const struct mx_ast *body; /* NULL for a bodiless head */
	bool priv;
	unsigned attr_seq;
};

struct mx_eval_module {
	char *name; /* "Foo.Bar" (malloc'd) */
	const struct mx_ast *node;
	struct mx_eval_module *parent;
	struct ev_attr *attrs;
	size_t nattrs, aattrs;
	unsigned attr_seq;
	struct ev_clause *fns;
	size_t nfns, afns;
	struct ev_alias *aliases;
	size_t naliases, aaliases;
	const char **struct_fields; /* defstruct, in order; NULL if none */
	struct mx_term **struct_defaults;
	size_t nstruct;
	bool has_struct;
};

struct mx_eval_setenv {
	char *name;
	char *value; /* NULL: hidden */
};

/* Call nesting limit by default; each evaluated call costs a few C frames. */
enum { DEFAULT_MAX_CALL_DEPTH = 400, MAX_EXPR_DEPTH = 2400 };

static int eval(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
static int eval_body(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
static int match(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val, bool *ok);

/* ---- Errors ------------------------------------------------------------- */

static int vfail(struct mx_eval *ev, const struct mx_ast *at, const char *prefix, const char *fmt,
                 va_list ap)
{
	char msg[1800];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (at && at->file)
		return mx_err_at(ev->err, MX_ERR_EVAL, at->file, at->line, at->col, "%s%s", prefix,
		                 msg);
	return mx_err_set(ev->err, MX_ERR_EVAL, "%s%s", prefix, msg);
}

int ev_fail(struct mx_eval *ev, const struct mx_ast *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfail(ev, at, "", fmt, ap);
	va_end(ap);
	return r;
}

int ev_raise(struct mx_eval *ev, const struct mx_ast *at, const char *exc, const char *fmt, ...)
{
	char prefix[256];
	snprintf(prefix, sizeof(prefix), "** (%s) ", exc);
	va_list ap;
	va_start(ap, fmt);
	int r = vfail(ev, at, prefix, fmt, ap);
	va_end(ap);
	return r;
}

int ev_step(struct mx_eval *ev, const struct mx_ast *at)
{
	if (ev->steps_left == 0)
		return ev_fail(ev, at, "evaluation step limit reached (an endless loop?)");
	ev->steps_left--;
	return 0;
}

int ev_charge(struct mx_eval *ev, const struct mx_ast *at, size_t n)
{
	if (ev->steps_left < n) {
		ev->steps_left = 0;
		return ev_fail(ev, at, "evaluation step limit reached (an endless loop?)");
	}
	ev->steps_left -= n;
	return 0;
}

/* ---- Small helpers -------------------------------------------------------- */

void ev_vec_push(struct mx_eval *ev, struct ev_vec *vec, struct mx_term *t)
{
	if (vec->n == vec->alloc) {
		size_t na = vec->alloc ? vec->alloc * 2 : 8;
		struct mx_term **nv = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, na);
		if (vec->n)
			memcpy(nv, vec->v, vec->n * sizeof(*nv));
		vec->v = nv;
		vec->alloc = na;
	}
	vec->v[vec->n++] = t;
}

struct mx_term *ev_vec_list(struct mx_eval *ev, struct ev_vec *vec)
{
	return mx_term_list(EV_A(ev), vec->v, vec->n);
}

static struct mx_term *nil(struct mx_eval *ev)
{
	return mx_term_nil(EV_A(ev));
}

static char *inspect_str(struct mx_eval *ev, const struct mx_term *t)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(t, &b);
	/* Long values are cut, as Elixir's error messages do with limits. */
	if (b.len > 600) {
		mx_buf_setlen(&b, 600);
		mx_buf_adds(&b, "...");
	}
	char *s = mx_arena_strndup(EV_A(ev), b.buf, b.len);
	mx_buf_release(&b);
	return s;
}

const char *ev_getenv(struct mx_eval *ev, const char *name)
{
	for (size_t i = ev->nenv; i-- > 0;)
		if (!strcmp(ev->envvars[i].name, name))
			return ev->envvars[i].value;
	return ev->isolated_env ? NULL : getenv(name);
}

/* ---- Scopes --------------------------------------------------------------- */

static struct mx_eval_scope *scope_new(struct mx_eval *ev, struct mx_eval_scope *parent)
{
	struct mx_eval_scope *s = MX_ARENA_NEW(EV_A(ev), struct mx_eval_scope);
	s->parent = parent;
	if (parent) {
		s->parent_n = parent->n;
		s->module = parent->module;
		s->attr_seq = parent->attr_seq;
		s->in_function = parent->in_function;
	}
	return s;
}

static void scope_bind(struct mx_eval *ev, struct mx_eval_scope *s, const char *name,
                       struct mx_term *val)
{
	if (s->n == s->alloc) {
		size_t na = s->alloc ? s->alloc * 2 : 8;
		struct ev_binding *nb = MX_ARENA_NEWN(EV_A(ev), struct ev_binding, na);
		if (s->n)
			memcpy(nb, s->b, s->n * sizeof(*nb));
		s->b = nb;
		s->alloc = na;
	}
	s->b[s->n].name = name;
	s->b[s->n].val = val;
	s->n++;
}

static struct mx_term *scope_lookup(const struct mx_eval_scope *s, const char *name)
{
	size_t limit = s ? s->n : 0;
	while (s) {
		for (size_t i = limit; i-- > 0;)
			if (!strcmp(s->b[i].name, name))
				return s->b[i].val;
		limit = s->parent_n;
		s = s->parent;
	}
	return NULL;
}

/* ---- Modules -------------------------------------------------------------- */

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

static void module_free(struct mx_eval_module *m)
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

static bool clause_arity_ok(const struct ev_clause *c, size_t arity)
{
	return arity <= c->nparams && arity + c->ndefaults >= c->nparams;
}

bool mx_eval_module_has(const struct mx_eval_module *m, const char *name, size_t arity,
                        bool *is_private)
{
	for (size_t i = 0; i < m->nfns; i++)
		if (!strcmp(m->fns[i].name, name) && clause_arity_ok(&m->fns[i], arity)) {
			if (is_private)
				*is_private = m->fns[i].priv;
			return true;
		}
	return false;
}

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

static void alias_put(struct mx_eval *ev, struct mx_eval_module *m, const char *as,
                      const char *full)
{
	MX_ALLOC_GROW(m->aliases, m->naliases + 1, m->aaliases);
	m->aliases[m->naliases].as = mx_arena_strdup(EV_A(ev), as);
	m->aliases[m->naliases].full = mx_arena_strdup(EV_A(ev), full);
	m->naliases++;
}

/* ---- Aliases -------------------------------------------------------------- */

static struct mx_eval_module *cur_module(struct mx_eval *ev)
{
	return ev->scope ? ev->scope->module : NULL;
}

/* The alias text ("Foo.Bar") an alias node names, expanded through the
 * aliases in effect; arena string. Returns NULL after failing. */
static const char *expand_alias(struct mx_eval *ev, const struct mx_ast *n)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *res = NULL;
	size_t first = 0;
	if (n->u.alias.base) {
		const struct mx_ast *base = n->u.alias.base;
		if (base->kind == MX_AST_VAR && !strcmp(base->u.name.name, "__MODULE__")) {
			struct mx_eval_module *m = cur_module(ev);
			if (!m) {
				ev_fail(ev, n, "__MODULE__ is nil outside a module");
				goto out;
			}
			mx_buf_adds(&b, m->name);
		} else {
			struct mx_term *t;
			if (eval(ev, base, &t) < 0)
				goto out;
			if (t->type != MX_TERM_ATOM) {
				ev_fail(ev, n, "alias base is not an atom");
				goto out;
			}
			mx_buf_adds(&b, mx_term_alias_name(t));
		}
	} else if (n->u.alias.nsegs && strcmp(n->u.alias.segs[0], "Elixir")) {
		const char *full = NULL;
		for (struct mx_eval_module *m = cur_module(ev); m && !full; m = m->parent)
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

struct mx_term *mx_eval_alias_atom(struct mx_eval *ev, const char *alias)
{
	size_t n = strlen(alias);
	char *s = mx_arena_alloc(EV_A(ev), n + 8);
	memcpy(s, "Elixir.", 7);
	memcpy(s + 7, alias, n + 1);
	return mx_term_atomn(EV_A(ev), s, n + 7);
}

/* ---- Strings and literals -------------------------------------------------- */

/* The text of parts (literal text and #{} interpolations) into b. */
static int eval_parts(struct mx_eval *ev, const struct mx_ast_part *parts, size_t n,
                      struct mx_buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (!parts[i].expr) {
			mx_buf_add(b, parts[i].text, parts[i].len);
			continue;
		}
		struct mx_term *t;
		if (eval(ev, parts[i].expr, &t) < 0)
			return -1;
		if (ev_to_string(ev, t, parts[i].expr, b) < 0)
			return -1;
		/* Building text costs in proportion, so doubling a string in
		 * a loop runs out of steps before memory. */
		if (ev_charge(ev, parts[i].expr, b->len / 16) < 0)
			return -1;
	}
	return 0;
}

/* A UTF-8 string as a charlist (list of code points); invalid bytes are
 * taken one by one. */
static struct mx_term *charlist_of(struct mx_eval *ev, const char *s, size_t n)
{
	struct ev_vec v = {0};
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = mx_term_utf8_decode(s + i, n - i, &cp);
		if (!l) {
			cp = (unsigned char)s[i];
			l = 1;
		}
		ev_vec_push(ev, &v, mx_term_int(EV_A(ev), cp));
		i += l;
	}
	return ev_vec_list(ev, &v);
}

struct mx_term *mx_eval_charlist(struct mx_eval *ev, const char *s, size_t n)
{
	return charlist_of(ev, s, n);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int eval_sigil(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const char *name = n->u.sigil.name;
	const char *mods = n->u.sigil.mods ? n->u.sigil.mods : "";
	struct mx_buf b = MX_BUF_INIT;
	int ret = -1;
	if (eval_parts(ev, n->u.sigil.parts, n->u.sigil.nparts, &b) < 0)
		goto out;
	if (!strcmp(name, "s") || !strcmp(name, "S")) {
		*out = mx_term_binary(EV_A(ev), b.buf, b.len);
	} else if (!strcmp(name, "c") || !strcmp(name, "C")) {
		*out = charlist_of(ev, b.buf, b.len);
	} else if (!strcmp(name, "w") || !strcmp(name, "W")) {
		char mod = mods[0] ? mods[0] : 's';
		if (strlen(mods) > 1 || !strchr("sac", mod)) {
			ret = ev_fail(ev, n, "modifier must be one of: s, a, c");
			goto out;
		}
		struct ev_vec v = {0};
		size_t i = 0;
		while (i < b.len) {
			while (i < b.len && is_space(b.buf[i]))
				i++;
			size_t st = i;
			while (i < b.len && !is_space(b.buf[i]))
				i++;
			if (i == st)
				break;
			struct mx_term *w = mod == 'a' ? mx_term_atomn(EV_A(ev), b.buf + st, i - st)
			                    : mod == 'c'
			                        ? charlist_of(ev, b.buf + st, i - st)
			                        : mx_term_binary(EV_A(ev), b.buf + st, i - st);
			ev_vec_push(ev, &v, w);
		}
		*out = ev_vec_list(ev, &v);
	} else {
		/* ~r, ~D, ~N, ~U, ~T and user sigils: kept as opaque values that
		 * print as written, so they can be passed around and inspected. */
		struct mx_buf w = MX_BUF_INIT;
		mx_buf_addf(&w, "~%s%c%s%c%s", name, n->u.sigil.open, b.buf, n->u.sigil.close,
		            mods);
		*out = mx_term_opaque(EV_A(ev), w.buf);
		mx_buf_release(&w);
	}
	ret = 0;
out:
	mx_buf_release(&b);
	return ret;
}

/* ---- Pattern matching ------------------------------------------------------ */

/* The value of a pattern that contains no variable (a literal used as a key
 * or compared whole): evaluated as an expression. */
static bool is_literal_pattern(const struct mx_ast *p)
{
	switch (p->kind) {
	case MX_AST_INT:
	case MX_AST_FLOAT:
	case MX_AST_ATOM:
	case MX_AST_ALIAS:
		return true;
	case MX_AST_STRING:
	case MX_AST_CHARLIST:
		for (size_t i = 0; i < p->u.str.nparts; i++)
			if (p->u.str.parts[i].expr)
				return false;
		return true;
	case MX_AST_ATTR:
		return p->u.attr.value == NULL;
	case MX_AST_UNARY:
		return (!strcmp(p->u.op.op, "-") || !strcmp(p->u.op.op, "+")) &&
		       (p->u.op.right->kind == MX_AST_INT || p->u.op.right->kind == MX_AST_FLOAT);
	default:
		return false;
	}
}

static int match_list(struct mx_eval *ev, struct mx_ast *const *items, size_t n,
                      struct mx_term *val, bool *ok)
{
	if (val->type != MX_TERM_LIST) {
		*ok = false;
		return 0;
	}
	const struct mx_ast *tailpat = NULL;
	if (n && items[n - 1]->kind == MX_AST_OP && !strcmp(items[n - 1]->u.op.op, "|"))
		tailpat = items[n - 1];
	size_t fixed = tailpat ? n - 1 : n;
	size_t vn = val->u.list.n;
	if (tailpat ? vn <= fixed : (vn != fixed || val->u.list.tail)) {
		*ok = false;
		return 0;
	}
	for (size_t i = 0; i < fixed; i++) {
		const struct mx_ast *p = items[i];
		struct mx_term *e = val->u.list.items[i];
		if (p->kind == MX_AST_KW) {
			/* [a: x] matches {:a, x} */
			if (e->type != MX_TERM_TUPLE || e->u.tuple.n != 2) {
				*ok = false;
				return 0;
			}
			struct mx_term *k;
			if (eval(ev, p->u.pair.key, &k) < 0)
				return -1;
			if (!mx_term_equal(k, e->u.tuple.items[0])) {
				*ok = false;
				return 0;
			}
			if (match(ev, p->u.pair.value, e->u.tuple.items[1], ok) < 0)
				return -1;
			if (!*ok)
				return 0;
			continue;
		}
		if (match(ev, p, e, ok) < 0)
			return -1;
		if (!*ok)
			return 0;
	}
	if (tailpat) {
		/* [a, b | rest]: the item before | is the last fixed one. */
		const struct mx_ast *head = tailpat->u.op.left, *rest = tailpat->u.op.right;
		if (match(ev, head, val->u.list.items[fixed], ok) < 0)
			return -1;
		if (!*ok)
			return 0;
		/* What follows the head: the remaining items, or the improper
		 * tail itself when no item remains ([h | t] on [1 | 2]). */
		size_t rem = vn - fixed - 1;
		struct mx_term *tail;
		if (rem)
			tail = mx_term_improper_list(EV_A(ev), val->u.list.items + fixed + 1, rem,
			                             val->u.list.tail);
		else
			tail =
			    val->u.list.tail ? val->u.list.tail : mx_term_list(EV_A(ev), NULL, 0);
		return match(ev, rest, tail, ok);
	}
	*ok = true;
	return 0;
}

static int match_map_items(struct mx_eval *ev, struct mx_ast *const *items, size_t n,
                           struct mx_term *val, bool *ok)
{
	for (size_t i = 0; i < n; i++) {
		const struct mx_ast *it = items[i];
		struct mx_term *k;
		if (it->kind != MX_AST_KW && it->kind != MX_AST_ASSOC)
			return ev_fail(ev, it, "invalid map pattern");
		if (eval(ev, it->u.pair.key, &k) < 0)
			return -1;
		const struct mx_term *v = mx_term_map_get(val, k);
		if (!v) {
			*ok = false;
			return 0;
		}
		if (match(ev, it->u.pair.value, (struct mx_term *)v, ok) < 0)
			return -1;
		if (!*ok)
			return 0;
	}
	*ok = true;
	return 0;
}

/* Matches pat against val, binding variables in the current scope. *ok
 * false is a non-match (not an error). */
static int match(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val, bool *ok)
{
	*ok = false;
	if (ev_step(ev, pat) < 0)
		return -1;
	switch (pat->kind) {
	case MX_AST_VAR: {
		const char *name = pat->u.name.name;
		if (!strcmp(name, "_")) {
			*ok = true;
			return 0;
		}
		/* A variable used twice in one pattern ({x, x}) must match
		 * the same value both times. */
		struct mx_eval_scope *s = ev->scope;
		for (size_t i = ev->match_mark < s->n ? ev->match_mark : s->n; i < s->n; i++)
			if (!strcmp(s->b[i].name, name)) {
				*ok = mx_term_equal(s->b[i].val, val);
				return 0;
			}
		scope_bind(ev, s, name, val);
		*ok = true;
		return 0;
	}
	case MX_AST_UNARY:
		if (!strcmp(pat->u.op.op, "^")) {
			struct mx_term *pinned;
			if (eval(ev, pat->u.op.right, &pinned) < 0)
				return -1;
			*ok = mx_term_equal(pinned, val);
			return 0;
		}
		break;
	case MX_AST_LIST:
		return match_list(ev, pat->u.list.items, pat->u.list.n, val, ok);
	case MX_AST_TUPLE:
		if (val->type != MX_TERM_TUPLE || val->u.tuple.n != pat->u.list.n)
			return 0;
		for (size_t i = 0; i < pat->u.list.n; i++) {
			if (match(ev, pat->u.list.items[i], val->u.tuple.items[i], ok) < 0)
				return -1;
			if (!*ok)
				return 0;
		}
		*ok = true;
		return 0;
	case MX_AST_MAP:
		if (pat->u.map.update)
			return ev_fail(ev, pat, "cannot use map update syntax in a pattern");
		if (val->type != MX_TERM_MAP)
			return 0;
		return match_map_items(ev, pat->u.map.items, pat->u.map.n, val, ok);
	case MX_AST_STRUCT: {
		if (pat->u.map.update)
			return ev_fail(ev, pat, "cannot use struct update syntax in a pattern");
		if (val->type != MX_TERM_MAP)
			return 0;
		const char *sn = mx_term_struct_name(val);
		if (!sn)
			return 0;
		const struct mx_ast *name = pat->u.map.name;
		if (name->kind == MX_AST_VAR && strcmp(name->u.name.name, "__MODULE__")) {
			if (match(ev, name, mx_term_atom(EV_A(ev), sn), ok) < 0)
				return -1;
			if (!*ok)
				return 0;
		} else {
			struct mx_term *mt;
			if (eval(ev, name, &mt) < 0)
				return -1;
			if (mt->type != MX_TERM_ATOM || strcmp(mt->u.atom.name, sn))
				return 0;
		}
		return match_map_items(ev, pat->u.map.items, pat->u.map.n, val, ok);
	}
	case MX_AST_OP:
		if (!strcmp(pat->u.op.op, "=")) {
			if (match(ev, pat->u.op.left, val, ok) < 0)
				return -1;
			if (!*ok)
				return 0;
			return match(ev, pat->u.op.right, val, ok);
		}
		if (!strcmp(pat->u.op.op, "<>")) {
			/* "prefix" <> rest */
			struct mx_term *pre;
			if (val->type != MX_TERM_BINARY)
				return 0;
			if (eval(ev, pat->u.op.left, &pre) < 0)
				return -1;
			if (pre->type != MX_TERM_BINARY)
				return ev_fail(ev, pat, "invalid <> pattern");
			if (pre->u.bin.len > val->u.bin.len ||
			    memcmp(pre->u.bin.data, val->u.bin.data, pre->u.bin.len))
				return 0;
			struct mx_term *rest =
			    mx_term_binary(EV_A(ev), val->u.bin.data + pre->u.bin.len,
			                   val->u.bin.len - pre->u.bin.len);
			return match(ev, pat->u.op.right, rest, ok);
		}
		break;
	default:
		break;
	}
	if (is_literal_pattern(pat)) {
		struct mx_term *lit;
		if (eval(ev, pat, &lit) < 0)
			return -1;
		*ok = mx_term_equal(lit, val);
		return 0;
	}
	return ev_fail(ev, pat, "unsupported pattern (%s)", mx_ast_kind_name(pat->kind));
}

/* Runs a match and returns -1 on a non-match too, raising MatchError as
 * Elixir's `=` does. */
static int match_or_raise(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val,
                          const struct mx_ast *at)
{
	bool ok;
	size_t saved_mark = ev->match_mark;
	ev->match_mark = ev->scope->n;
	int r = match(ev, pat, val, &ok);
	ev->match_mark = saved_mark;
	if (r < 0)
		return -1;
	if (!ok)
		return ev_raise(ev, at, "MatchError", "no match of right hand side value: %s",
		                inspect_str(ev, val));
	return 0;
}

/* ---- Clause selection (case, fn, function clauses) ------------------------- */

/* Tries clause c with args: binds in a new scope s, checks the guard. */
static int try_clause(struct mx_eval *ev, struct mx_ast *const *params, size_t np,
                      const struct mx_ast *guard, struct mx_term **args, struct mx_eval_scope *s,
                      bool *ok)
{
	struct mx_eval_scope *saved = ev->scope;
	size_t saved_mark = ev->match_mark;
	ev->scope = s;
	ev->match_mark = s->n;
	int ret = 0;
	*ok = true;
	for (size_t i = 0; i < np && *ok; i++) {
		if ((ret = match(ev, params[i], args[i], ok)) < 0)
			goto out;
	}
	ev->match_mark = saved_mark;
	if (*ok && guard) {
		struct mx_term *g;
		if ((ret = eval(ev, guard, &g)) < 0)
			goto out;
		*ok = mx_term_is_atom(g, "true");
	}
out:
	ev->match_mark = saved_mark;
	ev->scope = saved;
	return ret;
}

/* Runs the first stab clause of `clauses` (an MX_AST_CLAUSES or a single
 * STAB) matching val. *matched false when none matched. */
static int run_clauses(struct mx_eval *ev, const struct mx_ast *clauses, struct mx_term **vals,
                       size_t nvals, bool *matched, struct mx_term **out)
{
	struct mx_ast *const *items;
	size_t n;
	struct mx_ast *single[1];
	if (clauses->kind == MX_AST_STAB) {
		single[0] = (struct mx_ast *)clauses;
		items = single;
		n = 1;
	} else if (clauses->kind == MX_AST_CLAUSES || clauses->kind == MX_AST_FN) {
		items = clauses->u.list.items;
		n = clauses->u.list.n;
	} else {
		return ev_fail(ev, clauses, "expected -> clauses");
	}
	*matched = false;
	for (size_t i = 0; i < n; i++) {
		const struct mx_ast *st = items[i];
		if (st->kind != MX_AST_STAB)
			return ev_fail(ev, st, "expected -> clauses");
		if (st->u.stab.nargs != nvals)
			continue;
		struct mx_eval_scope *s = scope_new(ev, ev->scope);
		bool ok;
		if (try_clause(ev, st->u.stab.args, st->u.stab.nargs, st->u.stab.guard, vals, s,
		               &ok) < 0)
			return -1;
		if (!ok)
			continue;
		*matched = true;
		struct mx_eval_scope *saved = ev->scope;
		ev->scope = s;
		int r = eval_body(ev, st->u.stab.body, out);
		ev->scope = saved;
		return r;
	}
	return 0;
}

/* ---- Calling functions ----------------------------------------------------- */

static int call_clauses(struct mx_eval *ev, struct mx_eval_module *m, const char *name,
                        struct mx_term **args, size_t nargs, bool allow_private,
                        const struct mx_ast *at, struct mx_term **out, bool *found)
{
	*found = false;
	/* Default arguments: the head (or clause) declaring them says how
	 * many parameters the real clauses have. */
	const struct ev_clause *dflt = NULL;
	size_t full = nargs;
	for (size_t i = 0; i < m->nfns; i++) {
		const struct ev_clause *c = &m->fns[i];
		if (strcmp(c->name, name) || (!allow_private && c->priv))
			continue;
		if (c->nparams == nargs) {
			*found = true;
		} else if (c->ndefaults && clause_arity_ok(c, nargs)) {
			*found = true;
			dflt = c;
			full = c->nparams;
		}
	}
	if (!*found)
		return 0;
	if (ev->call_depth >= ev->max_call_depth)
		return ev_fail(ev, at, "call depth limit reached in %s/%zu (endless recursion?)",
		               name, nargs);
	struct mx_term **fargs = args;
	if (dflt) {
		/* Given arguments fill the required parameters, and the
		 * defaulted ones from the left, as Elixir does. */
		fargs = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, full);
		size_t required = dflt->nparams - dflt->ndefaults;
		size_t extra = nargs - required, ai = 0;
		struct mx_eval_scope *s = scope_new(ev, NULL);
		s->module = m;
		s->attr_seq = dflt->attr_seq;
		s->in_function = true;
		struct mx_eval_scope *saved = ev->scope;
		ev->scope = s;
		for (size_t i = 0; i < full; i++) {
			const struct mx_ast *p = dflt->params[i];
			bool has_default = p->kind == MX_AST_OP && !strcmp(p->u.op.op, "\\\\");
			if (!has_default || extra) {
				if (has_default)
					extra--;
				fargs[i] = args[ai++];
			} else if (eval(ev, p->u.op.right, &fargs[i]) < 0) {
				ev->scope = saved;
				return -1;
			}
		}
		ev->scope = saved;
	}
	for (size_t i = 0; i < m->nfns; i++) {
		const struct ev_clause *c = &m->fns[i];
		if (strcmp(c->name, name) || c->nparams != full || !c->body ||
		    (!allow_private && c->priv))
			continue;
		struct mx_eval_scope *s = scope_new(ev, NULL);
		s->module = m;
		s->attr_seq = c->attr_seq;
		s->in_function = true;
		/* Parameters with defaults are matched without the default. */
		struct mx_ast **params = c->params;
		if (c->ndefaults) {
			params = MX_ARENA_NEWN(EV_A(ev), struct mx_ast *, c->nparams);
			for (size_t k = 0; k < c->nparams; k++) {
				struct mx_ast *p = c->params[k];
				params[k] = p->kind == MX_AST_OP && !strcmp(p->u.op.op, "\\\\")
				                ? p->u.op.left
				                : p;
			}
		}
		bool ok;
		ev->call_depth++;
		int r = try_clause(ev, params, full, c->guard, fargs, s, &ok);
		if (r == 0 && ok) {
			struct mx_eval_scope *saved = ev->scope;
			ev->scope = s;
			r = eval_body(ev, c->body, out);
			ev->scope = saved;
		}
		ev->call_depth--;
		if (r < 0)
			return -1;
		if (ok)
			return 0;
	}
	struct mx_buf b = MX_BUF_INIT;
	for (size_t i = 0; i < full; i++) {
		mx_buf_addf(&b, "\n    # %zu\n    ", i + 1);
		mx_term_inspect(fargs[i], &b);
		mx_buf_addch(&b, '\n');
	}
	int r = ev_raise(ev, at, "FunctionClauseError",
	                 "no function clause matching in %s.%s/%zu\n\n"
	                 "The following arguments were given to %s.%s/%zu:\n%s",
	                 m->name, name, full, m->name, name, full, b.buf);
	mx_buf_release(&b);
	return r;
}

const struct mx_ast *mx_eval_module_body(const struct mx_eval_module *m, const char *name,
                                         size_t arity)
{
	for (size_t i = 0; i < m->nfns; i++)
		if (!strcmp(m->fns[i].name, name) && m->fns[i].nparams == arity && m->fns[i].body)
			return m->fns[i].body;
	return NULL;
}

int mx_eval_expr_in(struct mx_eval *ev, struct mx_eval_module *m, const struct mx_ast *expr,
                    struct mx_term **out, struct mx_err *err)
{
	struct mx_err *saved_err = ev->err;
	struct mx_eval_scope *saved = ev->scope;
	struct mx_err dummy = MX_ERR_INIT;
	ev->err = err ? err : &dummy;
	struct mx_eval_scope *s = scope_new(ev, NULL);
	s->module = m;
	s->attr_seq = m->attr_seq;
	s->in_function = true;
	ev->scope = s;
	struct mx_term *v = NULL;
	int r = eval(ev, expr, &v);
	if (r == 0 && out)
		*out = v;
	ev->scope = saved;
	ev->err = saved_err;
	return r;
}

int mx_eval_call_function(struct mx_eval *ev, struct mx_eval_module *m, const char *name,
                          struct mx_term **args, size_t nargs, struct mx_term **out,
                          struct mx_err *err)
{
	struct mx_err *saved_err = ev->err;
	struct mx_err dummy = MX_ERR_INIT;
	struct mx_eval_scope *saved = ev->scope;
	ev->err = err ? err : &dummy;
	struct mx_term *res = NULL;
	bool found;
	int r = call_clauses(ev, m, name, args, nargs, true, m->node, &res, &found);
	if (r == 0 && !found)
		r = ev_fail(ev, m->node, "undefined function %s/%zu (module %s does not define it)",
		            name, nargs, m->name);
	if (r == 0 && out)
		*out = res;
	ev->err = saved_err;
	ev->scope = saved;
	return r;
}

/* The highest &N in a capture body (not looking into nested fn/&). */
static int64_t capture_arity(const struct mx_ast *n)
{
	if (!n)
		return 0;
	int64_t m = 0;
#define SUB(x)                                                                                     \
	do {                                                                                       \
		int64_t v_ = capture_arity(x);                                                     \
		if (v_ > m)                                                                        \
			m = v_;                                                                    \
	} while (0)
	switch (n->kind) {
	case MX_AST_CAPTURE_ARG:
		return n->u.i.v;
	case MX_AST_FN:
	case MX_AST_CAPTURE:
		return 0;
	case MX_AST_LIST:
	case MX_AST_TUPLE:
	case MX_AST_BITSTRING:
	case MX_AST_BLOCK:
	case MX_AST_CLAUSES:
		for (size_t i = 0; i < n->u.list.n; i++)
			SUB(n->u.list.items[i]);
		break;
	case MX_AST_KW:
	case MX_AST_ASSOC:
		SUB(n->u.pair.key);
		SUB(n->u.pair.value);
		break;
	case MX_AST_MAP:
	case MX_AST_STRUCT:
		SUB(n->u.map.update);
		for (size_t i = 0; i < n->u.map.n; i++)
			SUB(n->u.map.items[i]);
		break;
	case MX_AST_CALL:
		SUB(n->u.call.target);
		for (size_t i = 0; i < n->u.call.nargs; i++)
			SUB(n->u.call.args[i]);
		break;
	case MX_AST_OP:
	case MX_AST_UNARY:
		SUB(n->u.op.left);
		SUB(n->u.op.right);
		SUB(n->u.op.step);
		break;
	case MX_AST_ACCESS:
		SUB(n->u.access.target);
		SUB(n->u.access.key);
		break;
	case MX_AST_STRING:
	case MX_AST_CHARLIST:
	case MX_AST_ATOM_INTERP:
		for (size_t i = 0; i < n->u.str.nparts; i++)
			SUB(n->u.str.parts[i].expr);
		break;
	case MX_AST_SIGIL:
		for (size_t i = 0; i < n->u.sigil.nparts; i++)
			SUB(n->u.sigil.parts[i].expr);
		break;
	default:
		break;
	}
#undef SUB
	return m;
}

static const char *const capture_arg_names[] = {"&0", "&1", "&2", "&3", "&4",
                                                "&5", "&6", "&7", "&8", "&9"};

static int dispatch(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
                    size_t nargs, const struct mx_ast *at, struct mx_term **out);

/* For a named capture &name/N or &Mod.name/N: the module (NULL for local)
 * and name; returns false for an expression capture. */
static bool named_capture(struct mx_eval *ev, const struct mx_ast *cap, const char **module,
                          const char **name, int64_t *arity, int *err)
{
	const struct mx_ast *r = cap->u.op.right;
	*err = 0;
	if (r->kind != MX_AST_OP || strcmp(r->u.op.op, "/") || r->u.op.right->kind != MX_AST_INT)
		return false;
	const struct mx_ast *f = r->u.op.left;
	*arity = r->u.op.right->u.i.v;
	if (f->kind == MX_AST_VAR) {
		*module = NULL;
		*name = f->u.name.name;
		return true;
	}
	if (f->kind == MX_AST_CALL && !(f->flags & MX_AST_F_ANON) && f->u.call.nargs == 0) {
		*name = f->u.call.name;
		if (!f->u.call.target) {
			*module = NULL;
			return true;
		}
		if (f->u.call.target->kind == MX_AST_ALIAS) {
			*module = expand_alias(ev, f->u.call.target);
			if (!*module)
				*err = -1;
			return true;
		}
		if (f->u.call.target->kind == MX_AST_ATOM) {
			char *m = mx_arena_alloc(EV_A(ev), f->u.call.target->u.name.len + 2);
			m[0] = ':';
			memcpy(m + 1, f->u.call.target->u.name.name, f->u.call.target->u.name.len);
			*module = m;
			return true;
		}
	}
	return false;
}

/* BadArityError as Elixir words it, fun being how the fun prints (an fn
 * has no printable identity here: "#Function<>"). */
static int bad_arity(struct mx_eval *ev, const struct mx_ast *at, const char *fun, long long arity,
                     struct mx_term **args, size_t n)
{
	struct mx_buf b = MX_BUF_INIT;
	if (n == 0)
		mx_buf_adds(&b, "no arguments");
	else
		mx_buf_addf(&b, "%zu argument%s (", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		if (i)
			mx_buf_adds(&b, ", ");
		mx_term_inspect(args[i], &b);
	}
	if (n)
		mx_buf_addch(&b, ')');
	int r = ev_raise(ev, at, "BadArityError", "%s with arity %lld called with %s", fun, arity,
	                 b.buf);
	mx_buf_release(&b);
	return r;
}

int ev_call_fun(struct mx_eval *ev, const struct mx_term *fun, struct mx_term **args, size_t n,
                const struct mx_ast *at, struct mx_term **out)
{
	if (!fun || fun->type != MX_TERM_FUN)
		return ev_raise(ev, at, "BadFunctionError", "expected a function, got: %s",
		                fun ? inspect_str(ev, fun) : "nil");
	const struct mx_ast *node = fun->u.fun.node;
	const struct ev_closure *cl = fun->u.fun.env;
	struct mx_eval_scope *saved = ev->scope;
	int ret = -1;
	if (ev->call_depth >= ev->max_call_depth)
		return ev_fail(ev, at, "call depth limit reached (endless recursion?)");
	ev->call_depth++;
	/* The closure's scope, as it was when the fn was created. */
	struct mx_eval_scope view = *cl->scope;
	view.n = cl->n;
	struct mx_eval_scope *base = MX_ARENA_NEW(EV_A(ev), struct mx_eval_scope);
	*base = view;
	if (node->kind == MX_AST_FN) {
		ev->scope = base;
		bool matched = false;
		size_t want = node->u.list.n ? node->u.list.items[0]->u.stab.nargs : 0;
		if (want != n) {
			ret = bad_arity(ev, at, "#Function<>", (long long)want, args, n);
			goto out;
		}
		ret = run_clauses(ev, node, args, n, &matched, out);
		if (ret == 0 && !matched)
			ret = ev_raise(ev, at, "FunctionClauseError",
			               "no function clause matching in anonymous fn/%zu", n);
		goto out;
	}
	/* A capture. */
	{
		const char *module, *name;
		int64_t arity;
		int e;
		ev->scope = base;
		if (named_capture(ev, node, &module, &name, &arity, &e)) {
			if (e < 0)
				goto out;
			if ((size_t)arity != n) {
				struct mx_buf f = MX_BUF_INIT;
				mx_buf_addf(&f, "&%s%s%s/%lld", module ? module : "",
				            module ? "." : "", name, (long long)arity);
				ret = bad_arity(ev, at, f.buf, arity, args, n);
				mx_buf_release(&f);
				goto out;
			}
			ret = dispatch(ev, module, name, args, n, at, out);
			goto out;
		}
		int64_t ar = capture_arity(node->u.op.right);
		if ((size_t)ar != n) {
			ret = bad_arity(ev, at, "#Function<>", (long long)ar, args, n);
			goto out;
		}
		struct mx_eval_scope *s = scope_new(ev, base);
		for (size_t i = 0; i < n && i < 9; i++)
			scope_bind(ev, s, capture_arg_names[i + 1], args[i]);
		ev->scope = s;
		ret = eval(ev, node->u.op.right, out);
	}
out:
	ev->call_depth--;
	ev->scope = saved;
	return ret;
}

int mx_eval_call_fun(struct mx_eval *ev, const struct mx_term *fun, struct mx_term **args,
                     size_t nargs, const struct mx_ast *at, struct mx_term **out,
                     struct mx_err *err)
{
	struct mx_err *saved_err = ev->err;
	struct mx_err dummy = MX_ERR_INIT;
	ev->err = err ? err : &dummy;
	int r = ev_call_fun(ev, fun, args, nargs, at, out);
	ev->err = saved_err;
	return r;
}

static struct mx_term *make_closure(struct mx_eval *ev, const struct mx_ast *node)
{
	struct ev_closure *cl = MX_ARENA_NEW(EV_A(ev), struct ev_closure);
	cl->scope = ev->scope;
	cl->n = ev->scope->n;
	struct mx_term *t = MX_ARENA_NEW(EV_A(ev), struct mx_term);
	t->type = MX_TERM_FUN;
	t->u.fun.node = node;
	t->u.fun.env = cl;
	return t;
}

/* ---- Host calls --------------------------------------------------------------- */

static int host_call(struct mx_eval *ev, const char *module, const char *name,
                     struct mx_term **args, size_t nargs, const struct mx_ast *node,
                     const struct mx_ast *do_block, const struct mx_ast *else_block,
                     const struct mx_err *arg_err, struct mx_term **out)
{
	if (!ev->host)
		return MX_EVAL_UNKNOWN;
	struct mx_eval_call c = {
	    .module = module,
	    .name = name,
	    .arity = nargs + (do_block || else_block ? 1 : 0),
	    .args = args,
	    .nargs = nargs,
	    .node = node,
	    .do_block = do_block,
	    .else_block = else_block,
	    .arg_err = arg_err,
	};
	struct mx_term *res = NULL;
	int r = ev->host(ev, &c, &res, ev->host_ctx, ev->err);
	if (r == MX_EVAL_HANDLED)
		*out = res ? res : nil(ev);
	else if (r < 0 && !ev->err->kind)
		ev_fail(ev, node, "%s failed", name);
	return r;
}

static void call_name(struct mx_buf *b, const char *module, const char *name, size_t arity)
{
	if (module)
		mx_buf_addf(b, "%s.%s/%zu", module, name, arity);
	else
		mx_buf_addf(b, "%s/%zu", name, arity);
}

/* Calls module.name(args) with evaluated arguments: functions of modules
 * defined in this evaluator, builtins, then the host. */
static int dispatch(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
                    size_t nargs, const struct mx_ast *at, struct mx_term **out)
{
	struct mx_eval_module *m = module ? mx_eval_module_find(ev, module) : cur_module(ev);
	if (m) {
		bool found;
		int r = call_clauses(ev, m, name, args, nargs, module == NULL, at, out, &found);
		if (r < 0 || found)
			return r;
	}
	int r = ev_builtin(ev, module, name, args, nargs, at, out);
	if (r <= 0)
		return r;
	r = host_call(ev, module, name, args, nargs, at, NULL, NULL, NULL, out);
	if (r <= 0)
		return r;
	struct mx_buf b = MX_BUF_INIT;
	call_name(&b, module, name, nargs);
	r = ev_fail(ev, at, "unsupported call %s", b.buf);
	mx_buf_release(&b);
	return r;
}

/* ---- Special forms -------------------------------------------------------------- */

static int eval_in_child(struct mx_eval *ev, const struct mx_ast *body, struct mx_term **out)
{
	struct mx_eval_scope *saved = ev->scope;
	ev->scope = scope_new(ev, saved);
	int r = body ? eval_body(ev, body, out) : (*out = nil(ev), 0);
	ev->scope = saved;
	return r;
}

static int sf_if(struct mx_eval *ev, const struct mx_ast *n, bool unless, struct mx_term **out)
{
	if (n->u.call.nargs < 1)
		return ev_fail(ev, n, "invalid %s", unless ? "unless" : "if");
	struct mx_term *c;
	/* The condition runs in the enclosing scope (if is a case on it):
	 * `if x = f() do ... end` leaves x bound; the branches do not. */
	if (eval(ev, n->u.call.args[0], &c) < 0)
		return -1;
	bool t = mx_term_truthy(c);
	if (unless)
		t = !t;
	const struct mx_ast *body = mx_ast_call_block(n, t ? "do" : "else");
	return eval_in_child(ev, body, out);
}

static int sf_cond(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const struct mx_ast *cl = mx_ast_call_block(n, "do");
	if (!cl || (cl->kind != MX_AST_CLAUSES && cl->kind != MX_AST_STAB))
		return ev_fail(ev, n, "cond expects -> clauses");
	size_t cnt = cl->kind == MX_AST_STAB ? 1 : cl->u.list.n;
	for (size_t i = 0; i < cnt; i++) {
		const struct mx_ast *st = cl->kind == MX_AST_STAB ? cl : cl->u.list.items[i];
		if (st->u.stab.nargs != 1)
			return ev_fail(ev, st, "cond clauses take exactly one condition");
		struct mx_term *c;
		struct mx_eval_scope *saved = ev->scope;
		ev->scope = scope_new(ev, saved);
		int r = eval(ev, st->u.stab.args[0], &c);
		if (r == 0 && mx_term_truthy(c))
			r = eval_body(ev, st->u.stab.body, out), c = NULL;
		ev->scope = saved;
		if (r < 0)
			return -1;
		if (!c)
			return 0;
	}
	return ev_raise(ev, n, "CondClauseError", "no cond clause evaluated to a truthy value");
}

static int sf_case(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *subject,
                   struct mx_term **out)
{
	/* subject: the piped value of `x |> case do`, or NULL. */
	struct mx_term *v = subject;
	if (!subject) {
		if (n->u.call.nargs < 1)
			return ev_fail(ev, n, "invalid case");
		if (eval(ev, n->u.call.args[0], &v) < 0)
			return -1;
	}
	const struct mx_ast *cl = mx_ast_call_block(n, "do");
	if (!cl)
		return ev_fail(ev, n, "case expects a do block");
	bool matched;
	if (run_clauses(ev, cl, &v, 1, &matched, out) < 0)
		return -1;
	if (!matched)
		return ev_raise(ev, n, "CaseClauseError", "no case clause matching: %s",
		                inspect_str(ev, v));
	return 0;
}

static int sf_raise(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **args, size_t nargs)
{
	struct mx_buf msg = MX_BUF_INIT;
	const char *exc = "RuntimeError";
	int r;
	if (nargs == 1 && args[0]->type == MX_TERM_BINARY) {
		mx_buf_add(&msg, args[0]->u.bin.data, args[0]->u.bin.len);
	} else if (nargs >= 1 && args[0]->type == MX_TERM_ATOM) {
		exc = mx_term_alias_name(args[0]);
		const struct mx_term *m = NULL;
		if (nargs == 2 && args[1]->type == MX_TERM_BINARY)
			m = args[1];
		else if (nargs == 2)
			m = mx_term_kw_get(args[1], "message");
		if (m && m->type == MX_TERM_BINARY)
			mx_buf_add(&msg, m->u.bin.data, m->u.bin.len);
		else if (nargs == 2)
			mx_term_inspect(args[1], &msg);
	} else if (nargs == 1 && mx_term_struct_name(args[0])) {
		exc = mx_term_alias_name(mx_term_map_get_atom(args[0], "__struct__"));
		const struct mx_term *m = mx_term_map_get_atom(args[0], "message");
		if (m && m->type == MX_TERM_BINARY)
			mx_buf_add(&msg, m->u.bin.data, m->u.bin.len);
	} else {
		mx_buf_adds(&msg, "raise with unsupported arguments");
	}
	r = ev_raise(ev, n, exc, "%s", msg.buf);
	mx_buf_release(&msg);
	return r;
}

/* for: generators (pat <- enum), filters, and into:/uniq:/reduce: options. */
struct for_state {
	const struct mx_ast *call;
	struct mx_ast **quals;
	size_t nquals;
	const struct mx_ast *body;
	bool reduce;
	struct mx_term *acc;
	struct ev_vec results;
};

static int for_step(struct mx_eval *ev, struct for_state *fs, size_t qi)
{
	if (qi == fs->nquals) {
		struct mx_term *v;
		if (fs->reduce) {
			bool matched;
			if (run_clauses(ev, fs->body, &fs->acc, 1, &matched, &v) < 0)
				return -1;
			if (!matched)
				return ev_raise(ev, fs->body, "FunctionClauseError",
				                "no function clause matching in for reduce");
			fs->acc = v;
			return 0;
		}
		if (eval_body(ev, fs->body, &v) < 0)
			return -1;
		ev_vec_push(ev, &fs->results, v);
		return 0;
	}
	const struct mx_ast *q = fs->quals[qi];
	if (q->kind == MX_AST_OP && !strcmp(q->u.op.op, "<-")) {
		struct mx_term *en;
		if (eval(ev, q->u.op.right, &en) < 0)
			return -1;
		const struct mx_ast *pat = q->u.op.left, *guard = NULL;
		if (pat->kind == MX_AST_OP && !strcmp(pat->u.op.op, "when")) {
			guard = pat->u.op.right;
			pat = pat->u.op.left;
		}
		struct mx_term *list = ev_to_list(ev, en, q->u.op.right);
		if (!list)
			return -1;
		for (size_t i = 0; i < list->u.list.n; i++) {
			struct mx_eval_scope *saved = ev->scope;
			struct mx_eval_scope *s = scope_new(ev, saved);
			bool ok;
			struct mx_term *item = list->u.list.items[i];
			int r = try_clause(ev, (struct mx_ast **)&pat, 1, guard, &item, s, &ok);
			if (r == 0 && ok) {
				ev->scope = s;
				r = for_step(ev, fs, qi + 1);
				ev->scope = saved;
			}
			if (r < 0)
				return -1;
		}
		return 0;
	}
	/* A filter. */
	struct mx_term *f;
	if (eval(ev, q, &f) < 0)
		return -1;
	if (!mx_term_truthy(f))
		return 0;
	return for_step(ev, fs, qi + 1);
}

static int sf_for(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct for_state fs = {.call = n};
	size_t nq = n->u.call.nargs;
	const struct mx_ast *opts = NULL;
	if (nq && n->u.call.args[nq - 1]->kind == MX_AST_LIST &&
	    (n->u.call.args[nq - 1]->flags & MX_AST_F_IMPLICIT)) {
		opts = n->u.call.args[nq - 1];
		nq--;
	}
	fs.quals = n->u.call.args;
	fs.nquals = nq;
	fs.body = mx_ast_call_block(n, "do");
	if (!fs.body)
		return ev_fail(ev, n, "for expects a do block");
	struct mx_term *into = NULL;
	bool uniq = false;
	struct mx_eval_scope *saved = ev->scope;
	ev->scope = scope_new(ev, saved);
	int ret = -1;
	for (size_t i = 0; opts && i < opts->u.list.n; i++) {
		const struct mx_ast *kw = opts->u.list.items[i];
		if (kw->kind != MX_AST_KW)
			continue;
		const struct mx_ast *k = kw->u.pair.key;
		struct mx_term *v;
		if (mx_ast_is_atom(k, "do"))
			continue;
		if (eval(ev, kw->u.pair.value, &v) < 0)
			goto out;
		if (mx_ast_is_atom(k, "into"))
			into = v;
		else if (mx_ast_is_atom(k, "uniq"))
			uniq = mx_term_truthy(v);
		else if (mx_ast_is_atom(k, "reduce"))
			fs.reduce = true, fs.acc = v;
		else {
			ev_fail(ev, kw, "unsupported option in for");
			goto out;
		}
	}
	if (for_step(ev, &fs, 0) < 0)
		goto out;
	if (fs.reduce) {
		*out = fs.acc;
		ret = 0;
		goto out;
	}
	struct mx_term *list = ev_vec_list(ev, &fs.results);
	if (uniq) {
		struct mx_term *args[1] = {list};
		if (ev_builtin(ev, "Enum", "uniq", args, 1, n, &list) < 0)
			goto out;
	}
	if (into) {
		struct mx_term *args[2] = {into, list};
		/* Enum.into(list, into) and "text" collection for binaries. */
		if (into->type == MX_TERM_BINARY) {
			struct mx_buf b = MX_BUF_INIT;
			mx_buf_add(&b, into->u.bin.data, into->u.bin.len);
			for (size_t i = 0; i < list->u.list.n; i++)
				if (ev_to_string(ev, list->u.list.items[i], n, &b) < 0) {
					mx_buf_release(&b);
					goto out;
				}
			*out = mx_term_binary(EV_A(ev), b.buf, b.len);
			mx_buf_release(&b);
			ret = 0;
			goto out;
		}
		struct mx_term *tmp = args[0];
		args[0] = list;
		args[1] = tmp;
		if (ev_builtin(ev, "Enum", "into", args, 2, n, &list) < 0)
			goto out;
	}
	*out = list;
	ret = 0;
out:
	ev->scope = saved;
	return ret;
}

static int sf_with(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_eval_scope *saved = ev->scope;
	ev->scope = scope_new(ev, saved);
	int ret = -1;
	size_t nq = n->u.call.nargs;
	if (nq && n->u.call.args[nq - 1]->kind == MX_AST_LIST &&
	    (n->u.call.args[nq - 1]->flags & MX_AST_F_IMPLICIT))
		nq--;
	for (size_t i = 0; i < nq; i++) {
		const struct mx_ast *q = n->u.call.args[i];
		if (q->kind == MX_AST_OP && !strcmp(q->u.op.op, "<-")) {
			struct mx_term *v;
			bool ok;
			if (eval(ev, q->u.op.right, &v) < 0)
				goto out;
			const struct mx_ast *pat = q->u.op.left, *guard = NULL;
			if (pat->kind == MX_AST_OP && !strcmp(pat->u.op.op, "when")) {
				guard = pat->u.op.right;
				pat = pat->u.op.left;
			}
			if (try_clause(ev, (struct mx_ast **)&pat, 1, guard, &v, ev->scope, &ok) <
			    0)
				goto out;
			if (!ok) {
				const struct mx_ast *el = mx_ast_call_block(n, "else");
				ev->scope = saved;
				if (!el) {
					*out = v;
					return 0;
				}
				bool matched;
				if (run_clauses(ev, el, &v, 1, &matched, out) < 0)
					return -1;
				if (!matched)
					return ev_raise(ev, n, "WithClauseError",
					                "no with clause matching: %s",
					                inspect_str(ev, v));
				return 0;
			}
		} else {
			struct mx_term *v;
			if (eval(ev, q, &v) < 0)
				goto out;
		}
	}
	ret = eval_body(ev, mx_ast_call_block(n, "do"), out);
out:
	ev->scope = saved;
	return ret;
}

/*
 * try/rescue/else/after. Only Elixir raises ("** (Exc) message" errors:
 * raise, MatchError, KeyError, System.EnvError...) are exceptions a rescue
 * can catch; "not a constant" errors are the evaluator's own limits and
 * always propagate. A rescued exception is the struct %Exc{message: msg}.
 * catch clauses (throw/exit) are not modelled: they never match.
 */
static bool split_raise(const struct mx_err *err, char *exc, size_t excsz, const char **msg)
{
	const char *p = err->msg, *close;
	if (strncmp(p, "** (", 4) || !(close = strchr(p + 4, ')')) || close[1] != ' ')
		return false;
	snprintf(exc, excsz, "%.*s", (int)(close - p - 4), p + 4);
	*msg = close + 2;
	return true;
}

/* Whether a rescue clause's pattern (Exc, [A, B], e, _, e in Exc) takes
 * exception exc; binds the variable, if any, to ex. */
static int rescue_matches(struct mx_eval *ev, const struct mx_ast *pat, const char *exc,
                          struct mx_term *ex, bool *ok)
{
	const struct mx_ast *var = NULL, *mods = pat;
	*ok = false;
	if (pat->kind == MX_AST_OP && !strcmp(pat->u.op.op, "in")) {
		var = pat->u.op.left;
		mods = pat->u.op.right;
	} else if (pat->kind == MX_AST_VAR) {
		var = pat;
		mods = NULL;
	}
	if (mods) {
		struct mx_term *m;
		if (eval(ev, mods, &m) < 0)
			return -1;
		struct mx_term *one[1] = {m};
		struct mx_term *const *list = m->type == MX_TERM_LIST ? m->u.list.items : one;
		size_t cnt = m->type == MX_TERM_LIST ? m->u.list.n : 1;
		for (size_t i = 0; i < cnt && !*ok; i++)
			*ok = list[i]->type == MX_TERM_ATOM &&
			      !strcmp(mx_term_alias_name(list[i]), exc);
	} else {
		*ok = true;
	}
	if (*ok && var && var->kind == MX_AST_VAR && strcmp(var->u.name.name, "_"))
		scope_bind(ev, ev->scope, var->u.name.name, ex);
	return 0;
}

static int sf_try(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const struct mx_ast *rescue = mx_ast_call_block(n, "rescue");
	const struct mx_ast *else_b = mx_ast_call_block(n, "else");
	const struct mx_ast *after = mx_ast_call_block(n, "after");
	struct mx_term *v = NULL, *ignored;
	int r = eval_in_child(ev, mx_ast_call_block(n, "do"), &v);
	char exc[200];
	const char *msg;
	if (r < 0 && rescue && ev->steps_left && split_raise(ev->err, exc, sizeof(exc), &msg)) {
		const char *fields[1] = {"message"};
		struct mx_term *mv = mx_term_string(EV_A(ev), msg);
		struct mx_buf mod = MX_BUF_INIT;
		mx_buf_addf(&mod, "Elixir.%s", exc);
		struct mx_term *ex = mx_term_struct(EV_A(ev), mod.buf, fields, &mv, 1);
		mx_buf_release(&mod);
		struct mx_err saved = *ev->err;
		size_t cnt = rescue->kind == MX_AST_CLAUSES ? rescue->u.list.n : 1;
		bool handled = false;
		r = 0;
		for (size_t i = 0; i < cnt && !handled && r == 0; i++) {
			const struct mx_ast *st =
			    rescue->kind == MX_AST_CLAUSES ? rescue->u.list.items[i] : rescue;
			if (st->kind != MX_AST_STAB || st->u.stab.nargs != 1) {
				r = ev_fail(ev, st, "invalid rescue clause");
				break;
			}
			struct mx_eval_scope *saved_scope = ev->scope;
			ev->scope = scope_new(ev, saved_scope);
			bool ok;
			r = rescue_matches(ev, st->u.stab.args[0], exc, ex, &ok);
			if (r == 0 && ok) {
				handled = true;
				r = eval_body(ev, st->u.stab.body, &v);
			}
			ev->scope = saved_scope;
		}
		if (r == 0 && !handled) {
			*ev->err = saved;
			r = -1;
		}
	} else if (r == 0 && else_b) {
		bool matched;
		r = run_clauses(ev, else_b, &v, 1, &matched, &v);
		if (r == 0 && !matched)
			r = ev_raise(ev, n, "TryClauseError", "no try clause matching: %s",
			             inspect_str(ev, v));
	}
	if (after) {
		/* after runs either way; its own failure wins, as in Elixir. */
		struct mx_err pending = *ev->err;
		if (eval_in_child(ev, after, &ignored) < 0)
			return -1;
		if (r < 0)
			*ev->err = pending;
	}
	if (r == 0)
		*out = v;
	return r;
}

/* alias Foo.Bar / alias Foo.Bar, as: B / alias Foo.{A, B} */
static int sf_alias(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_eval_module *m = cur_module(ev);
	*out = nil(ev);
	if (!m || !n->u.call.nargs)
		return 0; /* top-level aliases: nothing to remember for now */
	const struct mx_ast *a = n->u.call.args[0];
	if (a->kind == MX_AST_ALIAS) {
		const char *full = expand_alias(ev, a);
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
		const char *base = expand_alias(ev, a->u.call.target);
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
		return 0;
	}
	return 0;
}

/* def/defp: records a clause in the current module. */
static int sf_def(struct mx_eval *ev, const struct mx_ast *n, bool priv)
{
	struct mx_eval_module *m = cur_module(ev);
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
                            struct mx_term **out);

static int sf_defmodule(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	if (ev->scope->in_function)
		return ev_fail(ev, n, "defmodule inside a function is not supported");
	if (n->u.call.nargs < 1 || n->u.call.args[0]->kind != MX_AST_ALIAS)
		return ev_fail(ev, n, "defmodule expects an alias");
	struct mx_eval_module *parent = cur_module(ev);
	const struct mx_ast *an = n->u.call.args[0];
	struct mx_buf name = MX_BUF_INIT;
	int ret = -1;
	if (parent && !an->u.alias.base) {
		/* defmodule Bar inside Foo is Foo.Bar, and Bar aliases it. */
		mx_buf_addf(&name, "%s.%s", parent->name, an->u.alias.name);
		const char *first = an->u.alias.segs[0];
		struct mx_buf full = MX_BUF_INIT;
		mx_buf_addf(&full, "%s.%s", parent->name, first);
		alias_put(ev, parent, first, full.buf);
		mx_buf_release(&full);
	} else {
		const char *full = expand_alias(ev, an);
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

static int sf_defstruct(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **args,
                        size_t nargs)
{
	struct mx_eval_module *m = cur_module(ev);
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
			m->struct_defaults[m->nstruct++] = nil(ev);
		} else if (e->type == MX_TERM_TUPLE && e->u.tuple.n == 2 &&
		           e->u.tuple.items[0]->type == MX_TERM_ATOM) {
			m->struct_fields[m->nstruct] = e->u.tuple.items[0]->u.atom.name;
			m->struct_defaults[m->nstruct++] = e->u.tuple.items[1];
		}
	}
	m->has_struct = true;
	return 0;
}

/* ---- Calls ----------------------------------------------------------------------- */

static bool is_do_kw(const struct mx_ast *kw)
{
	return kw->kind == MX_AST_KW &&
	       (mx_ast_is_atom(kw->u.pair.key, "do") || mx_ast_is_atom(kw->u.pair.key, "else"));
}

/* Evaluates a call's arguments. `do:`/`else:` in a trailing implicit keyword
 * list are left out (they are blocks). With lenient set, failures leave
 * NULL and the first error in *first_err. */
static int eval_args(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *pre,
                     struct mx_term ***argsp, size_t *nargsp, bool lenient,
                     struct mx_err *first_err, bool *had_err)
{
	size_t na = n->u.call.nargs;
	struct mx_term **args = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, na + 2);
	size_t k = 0;
	*had_err = false;
	if (pre)
		args[k++] = pre;
	for (size_t i = 0; i < na; i++) {
		const struct mx_ast *a = n->u.call.args[i];
		struct mx_term *v = NULL;
		if (i == na - 1 && a->kind == MX_AST_LIST && (a->flags & MX_AST_F_IMPLICIT)) {
			/* Drop do:/else: keys, which are blocks. */
			bool any = false, all = true;
			for (size_t j = 0; j < a->u.list.n; j++) {
				bool d = is_do_kw(a->u.list.items[j]);
				any |= d;
				all &= d;
			}
			if (any) {
				if (all)
					continue;
				struct ev_vec vec = {0};
				for (size_t j = 0; j < a->u.list.n; j++) {
					const struct mx_ast *kw = a->u.list.items[j];
					if (is_do_kw(kw))
						continue;
					struct mx_term *key, *val;
					if (kw->kind != MX_AST_KW) {
						if (eval(ev, kw, &val) < 0)
							goto fail;
						ev_vec_push(ev, &vec, val);
						continue;
					}
					if (eval(ev, kw->u.pair.key, &key) < 0 ||
					    eval(ev, kw->u.pair.value, &val) < 0)
						goto fail;
					ev_vec_push(ev, &vec, mx_term_tuple2(EV_A(ev), key, val));
				}
				args[k++] = ev_vec_list(ev, &vec);
				continue;
			}
		}
		if (eval(ev, a, &v) < 0)
			goto fail;
		args[k++] = v;
		continue;
	fail:
		if (!lenient)
			return -1;
		if (!*had_err)
			*first_err = *ev->err;
		*had_err = true;
		mx_err_clear(ev->err);
		args[k++] = NULL;
	}
	*argsp = args;
	*nargsp = k;
	return 0;
}

static const struct mx_ast *block_of(const struct mx_ast *n, const char *key)
{
	return mx_ast_call_block(n, key);
}

static bool has_blocks(const struct mx_ast *n)
{
	return block_of(n, "do") || block_of(n, "else");
}

/* The module a remote call names ("Enum", ":lists"), or NULL with *val set
 * when the target is a value (a map for field access, a fun...). */
static int call_target(struct mx_eval *ev, const struct mx_ast *t, const char **module,
                       struct mx_term **val)
{
	*module = NULL;
	*val = NULL;
	if (t->kind == MX_AST_ALIAS) {
		*module = expand_alias(ev, t);
		return *module ? 0 : -1;
	}
	if (t->kind == MX_AST_VAR && !strcmp(t->u.name.name, "__MODULE__")) {
		struct mx_eval_module *m = cur_module(ev);
		if (!m)
			return ev_fail(ev, t, "__MODULE__ is nil here");
		*module = m->name;
		return 0;
	}
	struct mx_term *v;
	if (eval(ev, t, &v) < 0)
		return -1;
	if (v->type == MX_TERM_ATOM && !mx_term_is_nil(v) && !mx_term_is_atom(v, "true") &&
	    !mx_term_is_atom(v, "false")) {
		if (!strncmp(v->u.atom.name, "Elixir.", 7)) {
			*module = v->u.atom.name + 7;
		} else {
			char *m = mx_arena_alloc(EV_A(ev), v->u.atom.len + 2);
			m[0] = ':';
			memcpy(m + 1, v->u.atom.name, v->u.atom.len);
			*module = m;
		}
		return 0;
	}
	*val = v;
	return 0;
}

static const char *const ignored_module_forms[] = {
    "defmacro", "defmacrop",   "defguard",       "defguardp", "defdelegate",
    "defimpl",  "defprotocol", "defoverridable", NULL,
};

static bool in_list(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

/* A short rendering of a call target for messages: repo(), conn, Foo. */
static void render_target(const struct mx_ast *t, struct mx_buf *b)
{
	if (t->kind == MX_AST_VAR)
		mx_buf_adds(b, t->u.name.name);
	else if (t->kind == MX_AST_ALIAS)
		mx_buf_adds(b, t->u.alias.name);
	else if (t->kind == MX_AST_CALL && t->u.call.name && !(t->flags & MX_AST_F_ANON)) {
		if (t->u.call.target) {
			render_target(t->u.call.target, b);
			mx_buf_addch(b, '.');
		}
		mx_buf_addf(b, "%s(%s)", t->u.call.name, t->u.call.nargs ? "..." : "");
	} else
		mx_buf_adds(b, "(expression)");
}

static int eval_call(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *pre,
                     struct mx_term **out)
{
	const char *name = n->u.call.name;
	const char *module = NULL;
	struct mx_term **args = NULL;
	size_t nargs = 0;
	struct mx_err arg_err = MX_ERR_INIT;
	bool had_err = false;

	if (n->flags & MX_AST_F_ANON) {
		struct mx_term *f;
		if (eval(ev, n->u.call.target, &f) < 0)
			return -1;
		if (eval_args(ev, n, pre, &args, &nargs, false, &arg_err, &had_err) < 0)
			return -1;
		return ev_call_fun(ev, f, args, nargs, n, out);
	}

	if (n->u.call.target) {
		struct mx_term *val;
		if (call_target(ev, n->u.call.target, &module, &val) < 0)
			return -1;
		if (val) {
			/* map.field */
			if (val->type == MX_TERM_MAP && n->u.call.nargs == 0 && !pre &&
			    !(n->flags & MX_AST_F_PARENS)) {
				const struct mx_term *v = mx_term_map_get_atom(val, name);
				if (!v)
					return ev_raise(ev, n, "KeyError",
					                "key :%s not found in: %s", name,
					                inspect_str(ev, val));
				*out = (struct mx_term *)v;
				return 0;
			}
			struct mx_buf b = MX_BUF_INIT;
			render_target(n->u.call.target, &b);
			int r = ev_fail(ev, n, "unsupported call %s.%s/%zu (on %s)", b.buf, name,
			                n->u.call.nargs + (pre ? 1 : 0), inspect_str(ev, val));
			mx_buf_release(&b);
			return r;
		}
	} else if (!pre) {
		/* Local special forms. */
		if (!strcmp(name, "if") || !strcmp(name, "unless"))
			return sf_if(ev, n, name[0] == 'u', out);
		if (!strcmp(name, "cond"))
			return sf_cond(ev, n, out);
		if (!strcmp(name, "case"))
			return sf_case(ev, n, NULL, out);
		if (!strcmp(name, "for"))
			return sf_for(ev, n, out);
		if (!strcmp(name, "with"))
			return sf_with(ev, n, out);
		if (!strcmp(name, "def") || !strcmp(name, "defp")) {
			*out = nil(ev);
			return sf_def(ev, n, name[3] == 'p');
		}
		if (!strcmp(name, "defmodule"))
			return sf_defmodule(ev, n, out);
		if (!strcmp(name, "alias"))
			return sf_alias(ev, n, out);
		if (in_list(name, ignored_module_forms)) {
			*out = nil(ev);
			return 0;
		}
		if (!strcmp(name, "try"))
			return sf_try(ev, n, out);
		if (!strcmp(name, "receive") || !strcmp(name, "quote") ||
		    !strcmp(name, "unquote") || !strcmp(name, "super") ||
		    !strcmp(name, "unquote_splicing"))
			return ev_fail(ev, n, "%s is not a constant", name);
	} else if (!strcmp(name, "case")) {
		return sf_case(ev, n, pre, out);
	}

	bool lenient = (ev->host_flags & MX_EVAL_HOST_LENIENT) != 0;
	if (eval_args(ev, n, pre, &args, &nargs, lenient, &arg_err, &had_err) < 0)
		return -1;
	const struct mx_ast *do_b = block_of(n, "do"), *else_b = block_of(n, "else");

	if (!had_err && !has_blocks(n)) {
		if (!module) {
			if (!strcmp(name, "raise") || !strcmp(name, "reraise"))
				return sf_raise(ev, n, args, nargs);
			if (!strcmp(name, "defstruct") || !strcmp(name, "defexception")) {
				*out = nil(ev);
				return sf_defstruct(ev, n, args, nargs);
			}
		}
		struct mx_eval_module *m =
		    module ? mx_eval_module_find(ev, module) : cur_module(ev);
		if (m) {
			bool found;
			int r =
			    call_clauses(ev, m, name, args, nargs, module == NULL, n, out, &found);
			if (r < 0 || found)
				return r;
		}
		int r = ev_builtin(ev, module, name, args, nargs, n, out);
		if (r <= 0)
			return r;
	}
	struct mx_eval_scope *saved = ev->scope;
	int r = host_call(ev, module, name, args, nargs, n, do_b, else_b, had_err ? &arg_err : NULL,
	                  out);
	ev->scope = saved;
	if (r <= 0)
		return r;
	if (had_err) {
		*ev->err = arg_err;
		return -1;
	}
	if (!module &&
	    (!strcmp(name, "import") || !strcmp(name, "require") || !strcmp(name, "use"))) {
		/* Nothing to do for us: imports of the DSL are the host's. */
		*out = nil(ev);
		return 0;
	}
	struct mx_buf b = MX_BUF_INIT;
	call_name(&b, module, name, nargs + (do_b || else_b ? 1 : 0));
	r = ev_fail(ev, n, "unsupported call %s", b.buf);
	mx_buf_release(&b);
	return r;
}

/* ---- Operators -------------------------------------------------------------------- */

static int eval_pipe(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_term *lhs;
	if (eval(ev, n->u.op.left, &lhs) < 0)
		return -1;
	const struct mx_ast *r = n->u.op.right;
	if (r->kind == MX_AST_CALL)
		return eval_call(ev, r, lhs, out);
	if (r->kind == MX_AST_VAR) {
		/* x |> foo  is foo(x) */
		struct mx_term *args[1] = {lhs};
		return dispatch(ev, NULL, r->u.name.name, args, 1, r, out);
	}
	return ev_fail(ev, r, "unsupported right side of |>");
}

static int eval_op(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const char *op = n->u.op.op;
	if (!strcmp(op, "|>"))
		return eval_pipe(ev, n, out);
	if (!strcmp(op, "=")) {
		struct mx_term *v;
		if (eval(ev, n->u.op.right, &v) < 0)
			return -1;
		if (match_or_raise(ev, n->u.op.left, v, n) < 0)
			return -1;
		*out = v;
		return 0;
	}
	if (!strcmp(op, "&&") || !strcmp(op, "||") || !strcmp(op, "and") || !strcmp(op, "or")) {
		struct mx_term *l;
		if (eval(ev, n->u.op.left, &l) < 0)
			return -1;
		bool strict = op[0] == 'a' || op[0] == 'o';
		if (strict && !mx_term_is_atom(l, "true") && !mx_term_is_atom(l, "false"))
			return ev_raise(ev, n, "BadBooleanError",
			                "expected a boolean on left-side of \"%s\", got: %s", op,
			                inspect_str(ev, l));
		bool is_and = op[0] == '&' || op[0] == 'a';
		if (is_and ? !mx_term_truthy(l) : mx_term_truthy(l)) {
			*out = l;
			return 0;
		}
		return eval(ev, n->u.op.right, out);
	}
	if (!strcmp(op, "when") || !strcmp(op, "<-") || !strcmp(op, "::") || !strcmp(op, "|") ||
	    !strcmp(op, "\\\\") || !strcmp(op, "=>") || !strcmp(op, "->"))
		return ev_fail(ev, n, "unexpected operator %s here", op);
	struct mx_term *args[3];
	if (eval(ev, n->u.op.left, &args[0]) < 0 || eval(ev, n->u.op.right, &args[1]) < 0)
		return -1;
	size_t na = 2;
	if (n->u.op.step) {
		if (eval(ev, n->u.op.step, &args[2]) < 0)
			return -1;
		na = 3;
	}
	const char *name = op;
	if (!strcmp(op, "not in"))
		name = "not in";
	int r = ev_builtin(ev, NULL, name, args, na, n, out);
	if (r == 1)
		return ev_fail(ev, n, "operator %s is not supported", op);
	return r;
}

static int eval_unary(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const char *op = n->u.op.op;
	if (!strcmp(op, "^"))
		return ev_fail(ev, n, "cannot use ^ outside of match clauses");
	if (!strcmp(op, "@"))
		return ev_fail(ev, n, "unsupported module attribute expression");
	struct mx_term *v;
	if (eval(ev, n->u.op.right, &v) < 0)
		return -1;
	char name[16];
	snprintf(name, sizeof(name), "%s/1", op); /* distinguishes -x from a - b */
	struct mx_term *args[1] = {v};
	int r = ev_builtin(ev, NULL, name, args, 1, n, out);
	if (r == 1)
		return ev_fail(ev, n, "unary operator %s is not supported", op);
	return r;
}

/* ---- Expressions ----------------------------------------------------------------- */

static const char *const typespec_attrs[] = {
    "spec", "type", "typep", "opaque", "callback", "macrocallback", NULL,
};

static bool in_list(const char *name, const char *const *list);

static int eval_attr(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_eval_module *m = cur_module(ev);
	if (!m)
		return ev_fail(ev, n, "cannot use @%s outside a module", n->u.attr.name);
	if (n->u.attr.value) {
		if (ev->scope->in_function)
			return ev_fail(ev, n, "cannot set attribute @%s inside function",
			               n->u.attr.name);
		*out = nil(ev);
		/* Typespecs are not values; nothing reads them here. */
		if (in_list(n->u.attr.name, typespec_attrs))
			return 0;
		struct mx_term *v;
		if (eval(ev, n->u.attr.value, &v) < 0) {
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
	*out = a ? a->val : nil(ev);
	return 0;
}

static int eval_map(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	size_t cap = n->u.map.n;
	struct mx_term *base = NULL;
	struct mx_eval_module *sm = NULL;
	const char *sname = NULL;
	if (n->kind == MX_AST_STRUCT) {
		struct mx_term *st;
		if (n->u.map.name->kind == MX_AST_VAR &&
		    !strcmp(n->u.map.name->u.name.name, "__MODULE__")) {
			if (!cur_module(ev))
				return ev_fail(ev, n, "__MODULE__ is nil here");
			st = mx_eval_alias_atom(ev, cur_module(ev)->name);
		} else if (eval(ev, n->u.map.name, &st) < 0) {
			return -1;
		}
		if (st->type != MX_TERM_ATOM)
			return ev_fail(ev, n, "expected a struct name");
		sname = st->u.atom.name;
		sm = strncmp(sname, "Elixir.", 7) ? NULL : mx_eval_module_find(ev, sname + 7);
	}
	if (n->u.map.update && eval(ev, n->u.map.update, &base) < 0)
		return -1;
	if (base && base->type != MX_TERM_MAP)
		return ev_raise(ev, n, "BadMapError", "expected a map, got: %s",
		                inspect_str(ev, base));
	size_t bn = base ? base->u.map.n : 0;
	if (ev_charge(ev, n, bn) < 0)
		return -1;
	size_t sn = (!base && sname) ? 1 + (sm ? sm->nstruct : 0) : 0;
	struct mx_term **k = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, cap + bn + sn + 1);
	struct mx_term **v = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, cap + bn + sn + 1);
	size_t cnt = 0;
	if (base) {
		if (bn) {
			memcpy(k, base->u.map.keys, bn * sizeof(*k));
			memcpy(v, base->u.map.vals, bn * sizeof(*v));
		}
		cnt = bn;
	} else if (sname) {
		k[cnt] = mx_term_atom(EV_A(ev), "__struct__");
		v[cnt++] = mx_term_atom(EV_A(ev), sname);
		for (size_t i = 0; sm && i < sm->nstruct; i++) {
			k[cnt] = mx_term_atom(EV_A(ev), sm->struct_fields[i]);
			v[cnt++] = sm->struct_defaults[i];
		}
	}
	for (size_t i = 0; i < cap; i++) {
		const struct mx_ast *it = n->u.map.items[i];
		struct mx_term *key, *val;
		if (it->kind != MX_AST_KW && it->kind != MX_AST_ASSOC)
			return ev_fail(ev, it, "invalid map item");
		if (eval(ev, it->u.pair.key, &key) < 0 || eval(ev, it->u.pair.value, &val) < 0)
			return -1;
		size_t j;
		for (j = 0; j < cnt; j++)
			if (mx_term_equal(k[j], key))
				break;
		if (j == cnt) {
			if (base || (sm && sm->has_struct))
				return ev_raise(ev, it, "KeyError", "key %s not found in: %s",
				                inspect_str(ev, key),
				                base ? inspect_str(ev, base) : sname + 7);
			k[cnt] = key;
			v[cnt++] = val;
		} else {
			v[j] = val;
		}
	}
	*out = mx_term_map(EV_A(ev), k, v, cnt);
	return 0;
}

static int eval_list(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	size_t cnt = n->u.list.n;
	struct mx_term **items = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, cnt + 1);
	struct mx_term *tail = NULL;
	for (size_t i = 0; i < cnt; i++) {
		const struct mx_ast *it = n->u.list.items[i];
		if (it->kind == MX_AST_KW) {
			struct mx_term *key, *val;
			if (eval(ev, it->u.pair.key, &key) < 0 ||
			    eval(ev, it->u.pair.value, &val) < 0)
				return -1;
			items[i] = mx_term_tuple2(EV_A(ev), key, val);
		} else if (i == cnt - 1 && it->kind == MX_AST_OP && !strcmp(it->u.op.op, "|")) {
			if (eval(ev, it->u.op.left, &items[i]) < 0 ||
			    eval(ev, it->u.op.right, &tail) < 0)
				return -1;
		} else if (eval(ev, it, &items[i]) < 0) {
			return -1;
		}
	}
	*out = tail ? mx_term_improper_list(EV_A(ev), items, cnt, tail)
	            : mx_term_list(EV_A(ev), items, cnt);
	return 0;
}

static int eval_var(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const char *name = n->u.name.name;
	struct mx_term *v = scope_lookup(ev->scope, name);
	if (v) {
		*out = v;
		return 0;
	}
	if (!strcmp(name, "__MODULE__")) {
		struct mx_eval_module *m = cur_module(ev);
		*out = m ? mx_eval_alias_atom(ev, m->name) : nil(ev);
		return 0;
	}
	if (!strcmp(name, "__DIR__") || !strcmp(name, "__FILE__")) {
		struct mx_buf b = MX_BUF_INIT;
		if (n->file[0] != '/') {
			char cwd[4096];
			if (getcwd(cwd, sizeof(cwd)))
				mx_buf_addf(&b, "%s/", cwd);
		}
		mx_buf_adds(&b, n->file);
		struct mx_buf norm = MX_BUF_INIT;
		mx_path_normalize(&norm, b.buf);
		if (name[2] == 'D') {
			char *slash = strrchr(norm.buf, '/');
			if (slash && slash != norm.buf)
				mx_buf_setlen(&norm, (size_t)(slash - norm.buf));
		}
		*out = mx_term_binary(EV_A(ev), norm.buf, norm.len);
		mx_buf_release(&b);
		mx_buf_release(&norm);
		return 0;
	}
	if (name[0] == '_' && name[1] != '_')
		return ev_fail(ev, n, "the underscored variable \"%s\" cannot be read", name);
	if (!strcmp(name, "__ENV__") || !strcmp(name, "__CALLER__") ||
	    !strcmp(name, "__STACKTRACE__"))
		return ev_fail(ev, n, "%s is not a constant", name);
	/* A bare name may be a zero-arity call without parentheses (foo). */
	struct mx_eval_module *m = cur_module(ev);
	if (m) {
		bool found;
		int r = call_clauses(ev, m, name, NULL, 0, true, n, out, &found);
		if (r < 0 || found)
			return r;
	}
	int r = ev_builtin(ev, NULL, name, NULL, 0, n, out);
	if (r <= 0)
		return r;
	r = host_call(ev, NULL, name, NULL, 0, n, NULL, NULL, NULL, out);
	if (r <= 0)
		return r;
	return ev_fail(ev, n, "undefined variable \"%s\"", name);
}

static int eval_capture(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const char *module, *name;
	int64_t arity;
	int e;
	if (named_capture(ev, n, &module, &name, &arity, &e)) {
		if (e < 0)
			return -1;
	} else if (capture_arity(n->u.op.right) == 0) {
		return ev_fail(ev, n,
		               "invalid args for &, expected one of: &Mod.fun/arity, "
		               "&fun/arity, or a capture containing at least one "
		               "argument as &1");
	}
	*out = make_closure(ev, n);
	return 0;
}

static int eval(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	if (!n) {
		*out = nil(ev);
		return 0;
	}
	if (ev_step(ev, n) < 0)
		return -1;
	if (ev->depth >= MAX_EXPR_DEPTH)
		return ev_fail(ev, n, "expression nesting too deep");
	ev->depth++;
	int r = 0;
	struct mx_buf b = MX_BUF_INIT;
	switch (n->kind) {
	case MX_AST_INT:
		if (n->flags & MX_AST_F_BIGINT)
			r = ev_fail(ev, n, "integer does not fit in 64 bits");
		else
			*out = mx_term_int(EV_A(ev), n->u.i.v);
		break;
	case MX_AST_FLOAT:
		*out = mx_term_float(EV_A(ev), n->u.f);
		break;
	case MX_AST_ATOM:
		*out = mx_term_atomn(EV_A(ev), n->u.name.name, n->u.name.len);
		break;
	case MX_AST_ATOM_INTERP:
		if ((r = eval_parts(ev, n->u.str.parts, n->u.str.nparts, &b)) == 0)
			*out = mx_term_atomn(EV_A(ev), b.buf, b.len);
		break;
	case MX_AST_STRING:
		if ((r = eval_parts(ev, n->u.str.parts, n->u.str.nparts, &b)) == 0)
			*out = mx_term_binary(EV_A(ev), b.buf, b.len);
		break;
	case MX_AST_CHARLIST:
		if ((r = eval_parts(ev, n->u.str.parts, n->u.str.nparts, &b)) == 0)
			*out = charlist_of(ev, b.buf, b.len);
		break;
	case MX_AST_SIGIL:
		r = eval_sigil(ev, n, out);
		break;
	case MX_AST_ALIAS: {
		const char *a = expand_alias(ev, n);
		if (!a)
			r = -1;
		else
			*out = mx_eval_alias_atom(ev, a);
		break;
	}
	case MX_AST_VAR:
		r = eval_var(ev, n, out);
		break;
	case MX_AST_LIST:
		r = eval_list(ev, n, out);
		break;
	case MX_AST_TUPLE: {
		struct mx_term **items = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, n->u.list.n + 1);
		for (size_t i = 0; i < n->u.list.n && r == 0; i++)
			r = eval(ev, n->u.list.items[i], &items[i]);
		if (r == 0)
			*out = mx_term_tuple(EV_A(ev), items, n->u.list.n);
		break;
	}
	case MX_AST_BITSTRING: {
		/* <<"a", "b">> and <<x::binary, ...>>: binaries concatenated;
		 * integers as bytes. Other segment types are not constants here. */
		for (size_t i = 0; i < n->u.list.n && r == 0; i++) {
			const struct mx_ast *seg = n->u.list.items[i];
			if (seg->kind == MX_AST_OP && !strcmp(seg->u.op.op, "::"))
				seg = seg->u.op.left;
			struct mx_term *v;
			if ((r = eval(ev, seg, &v)) < 0)
				break;
			if (v->type == MX_TERM_BINARY)
				mx_buf_add(&b, v->u.bin.data, v->u.bin.len);
			else if (v->type == MX_TERM_INT)
				mx_buf_addch(&b, (int)(v->u.i & 0xFF));
			else
				r = ev_fail(ev, seg, "unsupported bitstring segment");
		}
		if (r == 0)
			*out = mx_term_binary(EV_A(ev), b.buf, b.len);
		break;
	}
	case MX_AST_MAP:
	case MX_AST_STRUCT:
		r = eval_map(ev, n, out);
		break;
	case MX_AST_CALL:
		r = eval_call(ev, n, NULL, out);
		break;
	case MX_AST_OP:
		r = eval_op(ev, n, out);
		break;
	case MX_AST_UNARY:
		r = eval_unary(ev, n, out);
		break;
	case MX_AST_ATTR:
		r = eval_attr(ev, n, out);
		break;
	case MX_AST_CAPTURE:
		r = eval_capture(ev, n, out);
		break;
	case MX_AST_CAPTURE_ARG: {
		struct mx_term *v = n->u.i.v >= 1 && n->u.i.v <= 9
		                        ? scope_lookup(ev->scope, capture_arg_names[n->u.i.v])
		                        : NULL;
		if (!v)
			r = ev_fail(ev, n,
			            "capture argument &%lld must be used within the "
			            "capture operator &",
			            (long long)n->u.i.v);
		else
			*out = v;
		break;
	}
	case MX_AST_ACCESS: {
		struct mx_term *args[2];
		if ((r = eval(ev, n->u.access.target, &args[0])) == 0 &&
		    (r = eval(ev, n->u.access.key, &args[1])) == 0) {
			r = ev_builtin(ev, "Access", "get", args, 2, n, out);
			if (r == 1)
				r = ev_fail(ev, n, "unsupported access");
		}
		break;
	}
	case MX_AST_BLOCK:
		r = eval_body(ev, n, out);
		break;
	case MX_AST_FN:
		*out = make_closure(ev, n);
		break;
	case MX_AST_KW:
	case MX_AST_ASSOC:
	case MX_AST_STAB:
	case MX_AST_CLAUSES:
	default:
		r = ev_fail(ev, n, "%s is not a constant", mx_ast_kind_name(n->kind));
		break;
	}
	mx_buf_release(&b);
	ev->depth--;
	return r;
}

static int eval_body(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	if (!n) {
		*out = nil(ev);
		return 0;
	}
	if (n->kind != MX_AST_BLOCK)
		return eval(ev, n, out);
	*out = nil(ev);
	for (size_t i = 0; i < n->u.list.n; i++)
		if (eval(ev, n->u.list.items[i], out) < 0)
			return -1;
	return 0;
}

static int eval_module_body(struct mx_eval *ev, struct mx_eval_module *m, const struct mx_ast *body,
                            struct mx_term **out)
{
	struct mx_eval_scope *saved = ev->scope;
	/* A module body sees the variables around the defmodule (function
	 * bodies do not: each clause starts a scope of its own). */
	struct mx_eval_scope *s = scope_new(ev, saved);
	s->module = m;
	s->attr_seq = m->attr_seq;
	s->in_function = false;
	ev->scope = s;
	struct mx_term *v;
	int r = eval_body(ev, body, &v);
	ev->scope = saved;
	if (r == 0 && out)
		*out = v;
	return r;
}

/* ---- Entry points ----------------------------------------------------------------- */

void mx_eval_init(struct mx_eval *ev, struct mx_arena *a)
{
	memset(ev, 0, sizeof(*ev));
	ev->arena = a;
	ev->mix_env = "dev";
	ev->mix_target = "host";
	/* A generated config file takes ~10k steps, a big migration ~100k. */
	ev->steps_left = 10UL * 1000 * 1000;
	ev->max_call_depth = DEFAULT_MAX_CALL_DEPTH;
}

void mx_eval_release(struct mx_eval *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < ev->nmodules; i++)
		module_free(ev->modules[i]);
	free(ev->modules);
	for (size_t i = 0; i < ev->nenv; i++) {
		free(ev->envvars[i].name);
		free(ev->envvars[i].value);
	}
	free(ev->envvars);
	ev->modules = NULL;
	ev->envvars = NULL;
	ev->nmodules = ev->amodules = ev->nenv = ev->aenv = 0;
}

void mx_eval_set_host(struct mx_eval *ev, mx_eval_host_fn fn, void *ctx, unsigned flags)
{
	ev->host = fn;
	ev->host_ctx = ctx;
	ev->host_flags = flags;
}

void mx_eval_setenv(struct mx_eval *ev, const char *name, const char *value)
{
	MX_ALLOC_GROW(ev->envvars, ev->nenv + 1, ev->aenv);
	ev->envvars[ev->nenv].name = mx_xstrdup(name);
	ev->envvars[ev->nenv].value = value ? mx_xstrdup(value) : NULL;
	ev->nenv++;
}

static int run_entry(struct mx_eval *ev, const struct mx_ast *n, bool body, struct mx_term **out,
                     struct mx_err *err)
{
	struct mx_err *saved_err = ev->err;
	struct mx_eval_scope *saved = ev->scope;
	struct mx_err dummy = MX_ERR_INIT;
	ev->err = err ? err : &dummy;
	ev->scope = scope_new(ev, NULL);
	struct mx_term *v = NULL;
	int r = body ? eval_body(ev, n, &v) : eval(ev, n, &v);
	if (r == 0 && out)
		*out = v;
	ev->scope = saved;
	ev->err = saved_err;
	return r;
}

int mx_eval_file(struct mx_eval *ev, const struct mx_ast *file_ast, struct mx_term **out,
                 struct mx_err *err)
{
	return run_entry(ev, file_ast, true, out, err);
}

int mx_eval_expr(struct mx_eval *ev, const struct mx_ast *expr, struct mx_term **out,
                 struct mx_err *err)
{
	return run_entry(ev, expr, false, out, err);
}

int mx_eval_block(struct mx_eval *ev, const struct mx_ast *block, struct mx_term **out,
                  struct mx_err *err)
{
	struct mx_err *saved_err = ev->err;
	struct mx_eval_scope *saved = ev->scope;
	struct mx_err dummy = MX_ERR_INIT;
	ev->err = err ? err : &dummy;
	if (!ev->scope)
		ev->scope = scope_new(ev, NULL);
	/* Module-body DSL blocks (scope ... do) keep the module-body nature
	 * of their parent: defs inside them would still define functions. */
	ev->scope = scope_new(ev, ev->scope);
	struct mx_term *v = NULL;
	int r = eval_body(ev, block, &v);
	if (r == 0 && out)
		*out = v ? v : nil(ev);
	ev->scope = saved;
	ev->err = saved_err;
	return r;
}
