/*
 * eval: the evaluator's walk over expressions: literals, variables, lists,
 * tuples, maps and structs, operators; scopes; the step budget; the entry
 * points. Calls, matching, special forms, modules and the builtins live in
 * the files eval_int.h lists.
 */
#include "eval.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../fsutil.h"
#include "eval_int.h"

/* Call nesting limit by default; each evaluated call costs a few C frames. */
enum { DEFAULT_MAX_CALL_DEPTH = 400, MAX_EXPR_DEPTH = 2400 };

/* ---- Errors and the step budget --------------------------------------- */

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

/* ---- Small helpers ---------------------------------------------------- */

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

const char *ev_insp(struct mx_eval *ev, const struct mx_term *t)
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

bool ev_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* ---- Scopes ----------------------------------------------------------- */

struct mx_eval_scope *ev_scope_new(struct mx_eval *ev, struct mx_eval_scope *parent)
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

void ev_scope_bind(struct mx_eval *ev, struct mx_eval_scope *s, const char *name,
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

struct mx_term *ev_scope_lookup(const struct mx_eval_scope *s, const char *name)
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

int ev_eval_in_child(struct mx_eval *ev, const struct mx_ast *body, struct mx_term **out)
{
	struct mx_eval_scope *saved = ev->scope;
	ev->scope = ev_scope_new(ev, saved);
	int r = body ? ev_eval_body(ev, body, out) : (*out = ev_nil(ev), 0);
	ev->scope = saved;
	return r;
}

/* ---- Operators -------------------------------------------------------- */

static int eval_pipe(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_term *lhs;
	if (ev_eval(ev, n->u.op.left, &lhs) < 0)
		return -1;
	const struct mx_ast *r = n->u.op.right;
	if (r->kind == MX_AST_CALL)
		return ev_eval_call(ev, r, lhs, out);
	if (r->kind == MX_AST_VAR) {
		/* x |> foo  is foo(x) */
		struct mx_term *args[1] = {lhs};
		return ev_dispatch(ev, NULL, r->u.name.name, args, 1, r, out);
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
		if (ev_eval(ev, n->u.op.right, &v) < 0)
			return -1;
		if (ev_match_or_raise(ev, n->u.op.left, v, n) < 0)
			return -1;
		*out = v;
		return 0;
	}
	if (!strcmp(op, "&&") || !strcmp(op, "||") || !strcmp(op, "and") || !strcmp(op, "or")) {
		struct mx_term *l;
		if (ev_eval(ev, n->u.op.left, &l) < 0)
			return -1;
		bool strict = op[0] == 'a' || op[0] == 'o';
		if (strict && !mx_term_is_atom(l, "true") && !mx_term_is_atom(l, "false"))
			return ev_raise(ev, n, "BadBooleanError",
			                "expected a boolean on left-side of \"%s\", got: %s", op,
			                ev_insp(ev, l));
		bool is_and = op[0] == '&' || op[0] == 'a';
		if (is_and ? !mx_term_truthy(l) : mx_term_truthy(l)) {
			*out = l;
			return 0;
		}
		return ev_eval(ev, n->u.op.right, out);
	}
	if (!strcmp(op, "when") || !strcmp(op, "<-") || !strcmp(op, "::") || !strcmp(op, "|") ||
	    !strcmp(op, "\\\\") || !strcmp(op, "=>") || !strcmp(op, "->"))
		return ev_fail(ev, n, "unexpected operator %s here", op);
	struct mx_term *args[3];
	if (ev_eval(ev, n->u.op.left, &args[0]) < 0 || ev_eval(ev, n->u.op.right, &args[1]) < 0)
		return -1;
	size_t na = 2;
	if (n->u.op.step) {
		if (ev_eval(ev, n->u.op.step, &args[2]) < 0)
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
	if (ev_eval(ev, n->u.op.right, &v) < 0)
		return -1;
	char name[16];
	snprintf(name, sizeof(name), "%s/1", op); /* distinguishes -x from a - b */
	struct mx_term *args[1] = {v};
	int r = ev_builtin(ev, NULL, name, args, 1, n, out);
	if (r == 1)
		return ev_fail(ev, n, "unary operator %s is not supported", op);
	return r;
}

/* ---- Data ------------------------------------------------------------- */

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
			if (!ev_cur_module(ev))
				return ev_fail(ev, n, "__MODULE__ is nil here");
			st = mx_eval_alias_atom(ev, ev_cur_module(ev)->name);
		} else if (ev_eval(ev, n->u.map.name, &st) < 0) {
			return -1;
		}
		if (st->type != MX_TERM_ATOM)
			return ev_fail(ev, n, "expected a struct name");
		sname = st->u.atom.name;
		sm = strncmp(sname, "Elixir.", 7) ? NULL : mx_eval_module_find(ev, sname + 7);
	}
	if (n->u.map.update && ev_eval(ev, n->u.map.update, &base) < 0)
		return -1;
	if (base && base->type != MX_TERM_MAP)
		return ev_raise(ev, n, "BadMapError", "expected a map, got: %s", ev_insp(ev, base));
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
		if (ev_eval(ev, it->u.pair.key, &key) < 0 ||
		    ev_eval(ev, it->u.pair.value, &val) < 0)
			return -1;
		size_t j;
		for (j = 0; j < cnt; j++)
			if (mx_term_equal(k[j], key))
				break;
		if (j == cnt) {
			if (base || (sm && sm->has_struct))
				return ev_raise(ev, it, "KeyError", "key %s not found in: %s",
				                ev_insp(ev, key),
				                base ? ev_insp(ev, base) : sname + 7);
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
			if (ev_eval(ev, it->u.pair.key, &key) < 0 ||
			    ev_eval(ev, it->u.pair.value, &val) < 0)
				return -1;
			items[i] = mx_term_tuple2(EV_A(ev), key, val);
		} else if (i == cnt - 1 && it->kind == MX_AST_OP && !strcmp(it->u.op.op, "|")) {
			if (ev_eval(ev, it->u.op.left, &items[i]) < 0 ||
			    ev_eval(ev, it->u.op.right, &tail) < 0)
				return -1;
		} else if (ev_eval(ev, it, &items[i]) < 0) {
			return -1;
		}
	}
	*out = tail ? mx_term_improper_list(EV_A(ev), items, cnt, tail)
	            : mx_term_list(EV_A(ev), items, cnt);
	return 0;
}

static int eval_tuple(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_term **items = MX_ARENA_NEWN(EV_A(ev), struct mx_term *, n->u.list.n + 1);
	for (size_t i = 0; i < n->u.list.n; i++)
		if (ev_eval(ev, n->u.list.items[i], &items[i]) < 0)
			return -1;
	*out = mx_term_tuple(EV_A(ev), items, n->u.list.n);
	return 0;
}

/* <<"a", "b">> and <<x::binary, ...>>: binaries concatenated; integers as
 * bytes. Other segment types are not constants here. */
static int eval_bitstring(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_buf b = MX_BUF_INIT;
	int r = 0;
	for (size_t i = 0; i < n->u.list.n && r == 0; i++) {
		const struct mx_ast *seg = n->u.list.items[i];
		if (seg->kind == MX_AST_OP && !strcmp(seg->u.op.op, "::"))
			seg = seg->u.op.left;
		struct mx_term *v;
		if ((r = ev_eval(ev, seg, &v)) < 0)
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
	mx_buf_release(&b);
	return r;
}

/* container[key] */
static int eval_access(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_term *args[2];
	if (ev_eval(ev, n->u.access.target, &args[0]) < 0 ||
	    ev_eval(ev, n->u.access.key, &args[1]) < 0)
		return -1;
	int r = ev_builtin(ev, "Access", "get", args, 2, n, out);
	return r == 1 ? ev_fail(ev, n, "unsupported access") : r;
}

/* ---- Names ------------------------------------------------------------ */

struct mx_term *ev_source_path(struct mx_eval *ev, const struct mx_ast *n, bool dir_only)
{
	struct mx_buf b = MX_BUF_INIT, norm = MX_BUF_INIT;
	struct mx_term *t;

	/* Elixir's __FILE__ is absolute: the file as given, from the cwd. */
	if (n->file[0] != '/') {
		char cwd[4096];
		if (getcwd(cwd, sizeof(cwd)))
			mx_buf_addf(&b, "%s/", cwd);
	}
	mx_buf_adds(&b, n->file);
	mx_path_normalize(&norm, b.buf);
	if (dir_only) {
		char *slash = strrchr(norm.buf, '/');
		if (slash && slash != norm.buf)
			mx_buf_setlen(&norm, (size_t)(slash - norm.buf));
	}
	t = mx_term_binary(EV_A(ev), norm.buf, norm.len);
	mx_buf_release(&b);
	mx_buf_release(&norm);
	return t;
}

int ev_env_field(struct mx_eval *ev, const struct mx_ast *n, const char *field,
                 struct mx_term **out)
{
	if (!strcmp(field, "file")) {
		*out = ev_source_path(ev, n, false);
	} else if (!strcmp(field, "line")) {
		*out = mx_term_int(EV_A(ev), n->line);
	} else if (!strcmp(field, "module")) {
		struct mx_eval_module *m = ev_cur_module(ev);
		*out = m ? mx_eval_alias_atom(ev, m->name) : ev_nil(ev);
	} else {
		return ev_fail(ev, n, "__ENV__.%s is not supported (only __ENV__.file, "
		                      "__ENV__.line and __ENV__.module)",
		               field);
	}
	return 0;
}

static int eval_var(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const char *name = n->u.name.name;
	struct mx_term *v = ev_scope_lookup(ev->scope, name);
	if (v) {
		*out = v;
		return 0;
	}
	if (!strcmp(name, "__MODULE__")) {
		struct mx_eval_module *m = ev_cur_module(ev);
		*out = m ? mx_eval_alias_atom(ev, m->name) : ev_nil(ev);
		return 0;
	}
	if (!strcmp(name, "__DIR__") || !strcmp(name, "__FILE__")) {
		*out = ev_source_path(ev, n, name[2] == 'D');
		return 0;
	}
	if (name[0] == '_' && name[1] != '_')
		return ev_fail(ev, n, "the underscored variable \"%s\" cannot be read", name);
	if (!strcmp(name, "__ENV__") || !strcmp(name, "__CALLER__") ||
	    !strcmp(name, "__STACKTRACE__"))
		return ev_fail(ev, n, "%s is not a constant", name);
	/* A bare name may be a zero-arity call without parentheses (foo). */
	struct mx_eval_module *m = ev_cur_module(ev);
	if (m) {
		bool found;
		int r = ev_call_clauses(ev, m, name, NULL, 0, true, n, out, &found);
		if (r < 0 || found)
			return r;
	}
	int r = ev_builtin(ev, NULL, name, NULL, 0, n, out);
	if (r <= 0)
		return r;
	r = ev_host_call(ev, NULL, name, NULL, 0, n, NULL, NULL, NULL, out);
	if (r <= 0)
		return r;
	return ev_fail(ev, n, "undefined variable \"%s\"", name);
}

static int eval_capture(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const char *module, *name;
	int64_t arity;
	int e;
	if (ev_named_capture(ev, n, &module, &name, &arity, &e)) {
		if (e < 0)
			return -1;
	} else if (ev_capture_arity(n->u.op.right) == 0) {
		return ev_fail(ev, n,
		               "invalid args for &, expected one of: &Mod.fun/arity, "
		               "&fun/arity, or a capture containing at least one "
		               "argument as &1");
	}
	*out = ev_make_closure(ev, n);
	return 0;
}

/* &1 inside a capture's body. */
static int eval_capture_arg(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_term *v = n->u.i.v >= 1 && n->u.i.v <= 9
	                        ? ev_scope_lookup(ev->scope, ev_capture_arg_names[n->u.i.v])
	                        : NULL;
	if (!v)
		return ev_fail(ev, n,
		               "capture argument &%lld must be used within the capture operator &",
		               (long long)n->u.i.v);
	*out = v;
	return 0;
}

/* ---- The walk --------------------------------------------------------- */

/* Literal text: a string, a charlist or an interpolated atom. */
static int eval_text(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_buf b = MX_BUF_INIT;
	int r = ev_eval_parts(ev, n->u.str.parts, n->u.str.nparts, &b);
	if (r == 0)
		*out = n->kind == MX_AST_STRING     ? mx_term_binary(EV_A(ev), b.buf, b.len)
		       : n->kind == MX_AST_CHARLIST ? ev_charlist(ev, b.buf, b.len)
		                                    : mx_term_atomn(EV_A(ev), b.buf, b.len);
	mx_buf_release(&b);
	return r;
}

static int eval_node(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	switch (n->kind) {
	case MX_AST_INT:
		if (n->flags & MX_AST_F_BIGINT)
			return ev_fail(ev, n, "integer does not fit in 64 bits");
		*out = mx_term_int(EV_A(ev), n->u.i.v);
		return 0;
	case MX_AST_FLOAT:
		*out = mx_term_float(EV_A(ev), n->u.f);
		return 0;
	case MX_AST_ATOM:
		*out = mx_term_atomn(EV_A(ev), n->u.name.name, n->u.name.len);
		return 0;
	case MX_AST_ATOM_INTERP:
	case MX_AST_STRING:
	case MX_AST_CHARLIST:
		return eval_text(ev, n, out);
	case MX_AST_SIGIL:
		return ev_eval_sigil(ev, n, out);
	case MX_AST_ALIAS: {
		const char *a = ev_expand_alias(ev, n);
		if (!a)
			return -1;
		*out = mx_eval_alias_atom(ev, a);
		return 0;
	}
	case MX_AST_VAR:
		return eval_var(ev, n, out);
	case MX_AST_LIST:
		return eval_list(ev, n, out);
	case MX_AST_TUPLE:
		return eval_tuple(ev, n, out);
	case MX_AST_BITSTRING:
		return eval_bitstring(ev, n, out);
	case MX_AST_MAP:
	case MX_AST_STRUCT:
		return eval_map(ev, n, out);
	case MX_AST_CALL:
		return ev_eval_call(ev, n, NULL, out);
	case MX_AST_OP:
		return eval_op(ev, n, out);
	case MX_AST_UNARY:
		return eval_unary(ev, n, out);
	case MX_AST_ATTR:
		return ev_eval_attr(ev, n, out);
	case MX_AST_CAPTURE:
		return eval_capture(ev, n, out);
	case MX_AST_CAPTURE_ARG:
		return eval_capture_arg(ev, n, out);
	case MX_AST_ACCESS:
		return eval_access(ev, n, out);
	case MX_AST_BLOCK:
		return ev_eval_body(ev, n, out);
	case MX_AST_FN:
		*out = ev_make_closure(ev, n);
		return 0;
	default: /* KW, ASSOC, STAB, CLAUSES: parts of other nodes */
		return ev_fail(ev, n, "%s is not a constant", mx_ast_kind_name(n->kind));
	}
}

int ev_eval(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	if (!n) {
		*out = ev_nil(ev);
		return 0;
	}
	if (ev_step(ev, n) < 0)
		return -1;
	char here;
	if (!ev->depth)
		ev->stack_base = (uintptr_t)&here;
	if (ev->depth >= MAX_EXPR_DEPTH || ev->stack_base - (uintptr_t)&here > ev->stack_budget)
		return ev_fail(ev, n, "expression nesting too deep");
	ev->depth++;
	int r = eval_node(ev, n, out);
	ev->depth--;
	return r;
}

int ev_eval_body(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	if (!n) {
		*out = ev_nil(ev);
		return 0;
	}
	if (n->kind != MX_AST_BLOCK)
		return ev_eval(ev, n, out);
	*out = ev_nil(ev);
	for (size_t i = 0; i < n->u.list.n; i++)
		if (ev_eval(ev, n->u.list.items[i], out) < 0)
			return -1;
	return 0;
}

/* ---- Entry points ----------------------------------------------------- */

/* Half the main thread's stack limit (8 MiB assumed when unlimited or
 * unknown), so that runaway recursion in evaluated code is an error and
 * never a crash, whatever the build's frame sizes. */
static size_t stack_budget(void)
{
	struct rlimit rl;
	size_t limit = (size_t)8 << 20;
	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < ((rlim_t)64 << 20))
		limit = (size_t)rl.rlim_cur;
	return limit / 2;
}

void mx_eval_init(struct mx_eval *ev, struct mx_arena *a)
{
	memset(ev, 0, sizeof(*ev));
	ev->arena = a;
	ev->mix_env = "dev";
	ev->mix_target = "host";
	/* A generated config file takes ~10k steps, a big migration ~100k. */
	ev->steps_left = 10UL * 1000 * 1000;
	ev->max_call_depth = DEFAULT_MAX_CALL_DEPTH;
	ev->stack_budget = stack_budget();
}

void mx_eval_release(struct mx_eval *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < ev->nmodules; i++)
		ev_module_free(ev->modules[i]);
	free(ev->modules);
	for (size_t i = 0; i < ev->nenv; i++) {
		free(ev->envvars[i].name);
		free(ev->envvars[i].value);
	}
	free(ev->envvars);
	ev_builtins_release(ev);
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
	ev->scope = ev_scope_new(ev, NULL);
	struct mx_term *v = NULL;
	int r = body ? ev_eval_body(ev, n, &v) : ev_eval(ev, n, &v);
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
		ev->scope = ev_scope_new(ev, NULL);
	/* Module-body DSL blocks (scope ... do) keep the module-body nature
	 * of their parent: defs inside them would still define functions. */
	ev->scope = ev_scope_new(ev, ev->scope);
	struct mx_term *v = NULL;
	int r = ev_eval_body(ev, block, &v);
	if (r == 0 && out)
		*out = v ? v : ev_nil(ev);
	ev->scope = saved;
	ev->err = saved_err;
	return r;
}

struct mx_term *mx_eval_alias_atom(struct mx_eval *ev, const char *alias)
{
	size_t n = strlen(alias);
	char *s = mx_arena_alloc(EV_A(ev), n + 8);
	memcpy(s, "Elixir.", 7);
	memcpy(s + 7, alias, n + 1);
	return mx_term_atomn(EV_A(ev), s, n + 7);
}
