/*
 * eval_call: calls. A call is resolved in the order eval.h gives: special
 * forms, functions of the modules defined here, builtins, the host; then
 * funs and captures, and the public entry points that call into the
 * evaluated code.
 */
#include <stdio.h>
#include <string.h>

#include "eval_int.h"

/* ---- Functions of defined modules ------------------------------------- */

/* With default arguments, the given ones fill the required parameters and
 * the defaulted ones from the left, as Elixir does; the rest are the
 * defaults, evaluated in the module. Returns the full argument vector, or
 * NULL after failing. */
static struct mx_term **fill_defaults(struct mx_eval *ev, struct mx_eval_module *m,
                                      const struct ev_clause *dflt, struct mx_term **args,
                                      size_t nargs)
{
	size_t full = dflt->nparams;
	struct mx_term **fargs = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, full);
	size_t required = dflt->nparams - dflt->ndefaults;
	size_t extra = nargs - required, ai = 0;
	struct mx_eval_scope *s = ev_scope_new(ev, NULL);
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
		} else if (ev_eval(ev, p->u.op.right, &fargs[i]) < 0) {
			fargs = NULL;
			break;
		}
	}
	ev->scope = saved;
	return fargs;
}

/* Runs clause c on the full arguments: *ok false when it does not match. */
static int run_clause(struct mx_eval *ev, struct mx_eval_module *m, const struct ev_clause *c,
                      struct mx_term **fargs, struct mx_term **out, bool *ok)
{
	struct mx_eval_scope *s = ev_scope_new(ev, NULL);
	s->module = m;
	s->attr_seq = c->attr_seq;
	s->in_function = true;
	/* Parameters with defaults are matched without the default. */
	struct mx_ast **params = c->params;
	if (c->ndefaults) {
		params = MX_ARENA_NEWN(EV_A(ev), struct mx_ast *, c->nparams);
		for (size_t k = 0; k < c->nparams; k++) {
			struct mx_ast *p = c->params[k];
			params[k] =
			    p->kind == MX_AST_OP && !strcmp(p->u.op.op, "\\\\") ? p->u.op.left : p;
		}
	}
	ev->call_depth++;
	int r = ev_try_clause(ev, params, c->nparams, c->guard, fargs, s, ok);
	if (r == 0 && *ok) {
		struct mx_eval_scope *saved = ev->scope;
		ev->scope = s;
		r = ev_eval_body(ev, c->body, out);
		ev->scope = saved;
	}
	ev->call_depth--;
	return r;
}

int ev_call_clauses(struct mx_eval *ev, struct mx_eval_module *m, const char *name,
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
		} else if (c->ndefaults && ev_clause_arity_ok(c, nargs)) {
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
	struct mx_term **fargs = args; /* NULL for no arguments */
	if (dflt && !(fargs = fill_defaults(ev, m, dflt, args, nargs)))
		return -1;
	for (size_t i = 0; i < m->nfns; i++) {
		const struct ev_clause *c = &m->fns[i];
		if (strcmp(c->name, name) || c->nparams != full || !c->body ||
		    (!allow_private && c->priv))
			continue;
		bool ok;
		if (run_clause(ev, m, c, fargs, out, &ok) < 0)
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

/* ---- Funs and captures ------------------------------------------------ */

/* The highest &N in a capture body (not looking into nested fn/&). */
int64_t ev_capture_arity(const struct mx_ast *n)
{
	if (!n)
		return 0;
	int64_t m = 0;
#define SUB(x)                                                                                     \
	do {                                                                                       \
		int64_t v_ = ev_capture_arity(x);                                                  \
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

const char *const ev_capture_arg_names[10] = {"&0", "&1", "&2", "&3", "&4",
                                              "&5", "&6", "&7", "&8", "&9"};

/* For a named capture &name/N or &Mod.name/N: the module (NULL for local)
 * and name; returns false for an expression capture. */
bool ev_named_capture(struct mx_eval *ev, const struct mx_ast *cap, const char **module,
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
			*module = ev_expand_alias(ev, f->u.call.target);
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

/* Calls the capture node with args, in the scope base it closes over. */
static int call_capture(struct mx_eval *ev, const struct mx_ast *node, struct mx_eval_scope *base,
                        struct mx_term **args, size_t n, const struct mx_ast *at,
                        struct mx_term **out)
{
	const char *module, *name;
	int64_t arity;
	int e;
	ev->scope = base;
	if (ev_named_capture(ev, node, &module, &name, &arity, &e)) {
		if (e < 0)
			return -1;
		if ((size_t)arity != n) {
			struct mx_buf f = MX_BUF_INIT;
			mx_buf_addf(&f, "&%s%s%s/%lld", module ? module : "", module ? "." : "",
			            name, (long long)arity);
			int r = bad_arity(ev, at, f.buf, arity, args, n);
			mx_buf_release(&f);
			return r;
		}
		return ev_dispatch(ev, module, name, args, n, at, out);
	}
	int64_t ar = ev_capture_arity(node->u.op.right);
	if ((size_t)ar != n)
		return bad_arity(ev, at, "#Function<>", (long long)ar, args, n);
	struct mx_eval_scope *s = ev_scope_new(ev, base);
	for (size_t i = 0; i < n && i < 9; i++)
		ev_scope_bind(ev, s, ev_capture_arg_names[i + 1], args[i]);
	ev->scope = s;
	return ev_eval(ev, node->u.op.right, out);
}

int ev_call_fun(struct mx_eval *ev, const struct mx_term *fun, struct mx_term **args, size_t n,
                const struct mx_ast *at, struct mx_term **out)
{
	if (!fun || fun->type != MX_TERM_FUN)
		return ev_raise(ev, at, "BadFunctionError", "expected a function, got: %s",
		                fun ? ev_insp(ev, fun) : "nil");
	const struct mx_ast *node = fun->u.fun.node;
	const struct ev_closure *cl = fun->u.fun.env;
	struct mx_eval_scope *saved = ev->scope;
	int ret;
	if (ev->call_depth >= ev->max_call_depth)
		return ev_fail(ev, at, "call depth limit reached (endless recursion?)");
	ev->call_depth++;
	/* The closure's scope, as it was when the fn was created. */
	struct mx_eval_scope *base = MX_ARENA_NEW(EV_A(ev), struct mx_eval_scope);
	*base = *cl->scope;
	base->n = cl->n;
	if (node->kind == MX_AST_FN) {
		ev->scope = base;
		bool matched = false;
		size_t want = node->u.list.n ? node->u.list.items[0]->u.stab.nargs : 0;
		if (want != n) {
			ret = bad_arity(ev, at, "#Function<>", (long long)want, args, n);
		} else {
			ret = ev_run_clauses(ev, node, args, n, &matched, out);
			if (ret == 0 && !matched)
				ret =
				    ev_raise(ev, at, "FunctionClauseError",
				             "no function clause matching in anonymous fn/%zu", n);
		}
	} else {
		ret = call_capture(ev, node, base, args, n, at, out);
	}
	ev->call_depth--;
	ev->scope = saved;
	return ret;
}

struct mx_term *ev_make_closure(struct mx_eval *ev, const struct mx_ast *node)
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

/* ---- The host --------------------------------------------------------- */

int ev_host_call(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
                 size_t nargs, const struct mx_ast *node, const struct mx_ast *do_block,
                 const struct mx_ast *else_block, const struct mx_err *arg_err,
                 struct mx_term **out)
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
		*out = res ? res : ev_nil(ev);
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

/* ---- Dispatch --------------------------------------------------------- */

/* Calls module.name(args) with evaluated arguments: functions of modules
 * defined in this evaluator, builtins, then the host. */
int ev_dispatch(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
                size_t nargs, const struct mx_ast *at, struct mx_term **out)
{
	struct mx_eval_module *m = module ? mx_eval_module_find(ev, module) : ev_cur_module(ev);
	if (m) {
		bool found;
		int r = ev_call_clauses(ev, m, name, args, nargs, module == NULL, at, out, &found);
		if (r < 0 || found)
			return r;
	}
	int r = ev_builtin(ev, module, name, args, nargs, at, out);
	if (r <= 0)
		return r;
	r = ev_host_call(ev, module, name, args, nargs, at, NULL, NULL, NULL, out);
	if (r <= 0)
		return r;
	struct mx_buf b = MX_BUF_INIT;
	call_name(&b, module, name, nargs);
	r = ev_fail(ev, at, "unsupported call %s", b.buf);
	mx_buf_release(&b);
	return r;
}

static bool is_do_kw(const struct mx_ast *kw)
{
	return kw->kind == MX_AST_KW &&
	       (mx_ast_is_atom(kw->u.pair.key, "do") || mx_ast_is_atom(kw->u.pair.key, "else"));
}

/* The evaluated keyword list of an implicit trailing [k: v, ...] without
 * its do:/else: pairs (they are blocks). */
static int args_without_blocks(struct mx_eval *ev, const struct mx_ast *a, struct mx_term **out)
{
	struct ev_vec vec = {0};
	for (size_t j = 0; j < a->u.list.n; j++) {
		const struct mx_ast *kw = a->u.list.items[j];
		if (is_do_kw(kw))
			continue;
		struct mx_term *key, *val;
		if (kw->kind != MX_AST_KW) {
			if (ev_eval(ev, kw, &val) < 0)
				return -1;
			ev_vec_push(ev, &vec, val);
			continue;
		}
		if (ev_eval(ev, kw->u.pair.key, &key) < 0 ||
		    ev_eval(ev, kw->u.pair.value, &val) < 0)
			return -1;
		ev_vec_push(ev, &vec, mx_term_tuple2(EV_A(ev), key, val));
	}
	*out = ev_vec_list(ev, &vec);
	return 0;
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
		int r;
		if (i == na - 1 && a->kind == MX_AST_LIST && (a->flags & MX_AST_F_IMPLICIT)) {
			bool any = false, all = true;
			for (size_t j = 0; j < a->u.list.n; j++) {
				bool d = is_do_kw(a->u.list.items[j]);
				any |= d;
				all &= d;
			}
			if (any && all)
				continue;
			r = any ? args_without_blocks(ev, a, &args[k]) : ev_eval(ev, a, &args[k]);
		} else {
			r = ev_eval(ev, a, &args[k]);
		}
		if (r == 0) {
			k++;
			continue;
		}
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

/* The module a remote call names ("Enum", ":lists"), or NULL with *val set
 * when the target is a value (a map for field access, a fun...). */
static int call_target(struct mx_eval *ev, const struct mx_ast *t, const char **module,
                       struct mx_term **val)
{
	*module = NULL;
	*val = NULL;
	if (t->kind == MX_AST_ALIAS) {
		*module = ev_expand_alias(ev, t);
		return *module ? 0 : -1;
	}
	if (t->kind == MX_AST_VAR && !strcmp(t->u.name.name, "__MODULE__")) {
		struct mx_eval_module *m = ev_cur_module(ev);
		if (!m)
			return ev_fail(ev, t, "__MODULE__ is nil here");
		*module = m->name;
		return 0;
	}
	struct mx_term *v;
	if (ev_eval(ev, t, &v) < 0)
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

/* f.(args) */
static int call_anonymous(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *pre,
                          struct mx_term **out)
{
	struct mx_term *f, **args = NULL;
	size_t nargs = 0;
	struct mx_err arg_err = MX_ERR_INIT;
	bool had_err = false;
	if (ev_eval(ev, n->u.call.target, &f) < 0)
		return -1;
	if (eval_args(ev, n, pre, &args, &nargs, false, &arg_err, &had_err) < 0)
		return -1;
	return ev_call_fun(ev, f, args, nargs, n, out);
}

/* value.name: a map's field (map.field), else an unsupported call. */
static int call_on_value(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *pre,
                         struct mx_term *val, struct mx_term **out)
{
	const char *name = n->u.call.name;
	if (val->type == MX_TERM_MAP && n->u.call.nargs == 0 && !pre &&
	    !(n->flags & MX_AST_F_PARENS)) {
		const struct mx_term *v = mx_term_map_get_atom(val, name);
		if (!v)
			return ev_raise(ev, n, "KeyError", "key :%s not found in: %s", name,
			                ev_insp(ev, val));
		*out = (struct mx_term *)v;
		return 0;
	}
	struct mx_buf b = MX_BUF_INIT;
	render_target(n->u.call.target, &b);
	int r = ev_fail(ev, n, "unsupported call %s.%s/%zu (on %s)", b.buf, name,
	                n->u.call.nargs + (pre ? 1 : 0), ev_insp(ev, val));
	mx_buf_release(&b);
	return r;
}

/* A call without blocks whose arguments all evaluated: the local forms that
 * take values (raise, defstruct), defined functions, builtins. 1 when none
 * of them has it. */
static int call_evaluated(struct mx_eval *ev, const struct mx_ast *n, const char *module,
                          struct mx_term **args, size_t nargs, struct mx_term **out)
{
	const char *name = n->u.call.name;
	if (!module) {
		if (!strcmp(name, "raise") || !strcmp(name, "reraise"))
			return ev_form_raise(ev, n, args, nargs);
		if (!strcmp(name, "defstruct") || !strcmp(name, "defexception")) {
			*out = ev_nil(ev);
			return ev_form_defstruct(ev, n, args, nargs);
		}
	}
	struct mx_eval_module *m = module ? mx_eval_module_find(ev, module) : ev_cur_module(ev);
	if (m) {
		bool found;
		int r = ev_call_clauses(ev, m, name, args, nargs, module == NULL, n, out, &found);
		if (r < 0 || found)
			return r;
	}
	return ev_builtin(ev, module, name, args, nargs, n, out);
}

int ev_eval_call(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *pre,
                 struct mx_term **out)
{
	const char *name = n->u.call.name;
	const char *module = NULL;
	struct mx_term **args = NULL;
	size_t nargs = 0;
	struct mx_err arg_err = MX_ERR_INIT;
	bool had_err = false;
	int r;

	if (n->flags & MX_AST_F_ANON)
		return call_anonymous(ev, n, pre, out);
	if (n->u.call.target) {
		struct mx_term *val;
		const struct mx_ast *t = n->u.call.target;
		/* __ENV__ alone is no constant we can build (a whole %Macro.Env{}),
		 * but its position fields are: __ENV__.file, .line, .module. */
		if (t->kind == MX_AST_VAR && !strcmp(t->u.name.name, "__ENV__") &&
		    !ev_scope_lookup(ev->scope, "__ENV__") && n->u.call.nargs == 0 && !pre &&
		    !(n->flags & MX_AST_F_PARENS))
			return ev_env_field(ev, t, name, out);
		if (call_target(ev, n->u.call.target, &module, &val) < 0)
			return -1;
		if (val)
			return call_on_value(ev, n, pre, val, out);
	} else if (!pre) {
		if ((r = ev_special_form(ev, n, out)) <= 0)
			return r;
	} else if (!strcmp(name, "case")) {
		return ev_form_case(ev, n, pre, out);
	}

	bool lenient = (ev->host_flags & MX_EVAL_HOST_LENIENT) != 0;
	if (eval_args(ev, n, pre, &args, &nargs, lenient, &arg_err, &had_err) < 0)
		return -1;
	const struct mx_ast *do_b = mx_ast_call_block(n, "do");
	const struct mx_ast *else_b = mx_ast_call_block(n, "else");
	if (!had_err && !do_b && !else_b &&
	    (r = call_evaluated(ev, n, module, args, nargs, out)) <= 0)
		return r;
	struct mx_eval_scope *saved = ev->scope;
	r = ev_host_call(ev, module, name, args, nargs, n, do_b, else_b, had_err ? &arg_err : NULL,
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
		*out = ev_nil(ev);
		return 0;
	}
	struct mx_buf b = MX_BUF_INIT;
	call_name(&b, module, name, nargs + (do_b || else_b ? 1 : 0));
	r = ev_fail(ev, n, "unsupported call %s", b.buf);
	mx_buf_release(&b);
	return r;
}

/* ---- Entry points into evaluated code --------------------------------- */

int mx_eval_expr_in(struct mx_eval *ev, struct mx_eval_module *m, const struct mx_ast *expr,
                    struct mx_term **out, struct mx_err *err)
{
	struct mx_err *saved_err = ev->err;
	struct mx_eval_scope *saved = ev->scope;
	struct mx_err dummy = MX_ERR_INIT;
	ev->err = err ? err : &dummy;
	struct mx_eval_scope *s = ev_scope_new(ev, NULL);
	s->module = m;
	s->attr_seq = m->attr_seq;
	s->in_function = true;
	ev->scope = s;
	struct mx_term *v = NULL;
	int r = ev_eval(ev, expr, &v);
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
	int r = ev_call_clauses(ev, m, name, args, nargs, true, m->node, &res, &found);
	if (r == 0 && !found)
		r = ev_fail(ev, m->node, "undefined function %s/%zu (module %s does not define it)",
		            name, nargs, m->name);
	if (r == 0 && out)
		*out = res;
	ev->err = saved_err;
	ev->scope = saved;
	return r;
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
