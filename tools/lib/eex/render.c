/*
 * render: runs a compiled template in the exs evaluator. The template's
 * expression is wrapped in `fn <binding names> -> ... end` and called with
 * the binding values, which gives the tags real Elixir variables (as
 * Code.eval_quoted gives them); the calls the compiled code makes into the
 * renderer (eex_int.h) are answered by a host callback placed in front of
 * the caller's host, which receives everything else.
 */
#include "eex_int.h"

#include <stdlib.h>
#include <string.h>

struct rstate {
	const struct mx_eex *t;
	struct mx_buf *bufs; /* the output buffers, by id */
	size_t n, alloc;
	mx_eval_host_fn host; /* the caller's */
	void *host_ctx;
};

static bool is_var_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return (*s == '?' || *s == '!') && !s[1];
	return true;
}

static const char *type_name(const struct mx_term *v)
{
	switch (v->type) {
	case MX_TERM_TUPLE:
		return "Tuple";
	case MX_TERM_MAP:
		return "Map";
	case MX_TERM_FUN:
		return "Function";
	case MX_TERM_OPAQUE:
		return v->u.opaque.what;
	default:
		return "Term";
	}
}

/* String.Chars.to_string(v) appended to out, as EEx.Engine's handle_expr
 * does for <%= %>; an error at the tag when v has no text. */
static int to_string(const struct mx_term *v, const struct mx_ast *at, struct mx_buf *out,
                     struct mx_err *err)
{
	const char *what = NULL;
	if (v->type == MX_TERM_MAP && mx_term_struct_name(v)) {
		what = mx_term_alias_name(mx_term_map_get_atom(v, "__struct__"));
	} else if (mx_term_to_string(v, out) == 0) {
		return 0;
	} else if (v->type == MX_TERM_LIST) {
		struct mx_buf b = MX_BUF_INIT;
		mx_term_inspect(v, &b);
		mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
		          "** (ArgumentError) cannot convert the given list to a string, got: %s",
		          b.buf);
		mx_buf_release(&b);
		return -1;
	}
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(v, &b);
	if (what)
		mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
		          "** (Protocol.UndefinedError) protocol String.Chars not implemented for "
		          "%s of type %s (a struct)",
		          b.buf, what);
	else
		mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
		          "** (Protocol.UndefinedError) protocol String.Chars not implemented for "
		          "%s of type %s",
		          b.buf, type_name(v));
	mx_buf_release(&b);
	return -1;
}

/* Access.fetch(assigns, key) as EEx.Engine.fetch_assign!/2 does it; a
 * missing assign is nil (EEx warns and goes on). */
static int fetch_assign(struct mx_eval *ev, const struct mx_eval_call *call,
                        struct mx_term **result, struct mx_err *err)
{
	const struct mx_term *assigns = call->args[0], *key = call->args[1];
	const struct mx_term *v = NULL;
	if (assigns->type == MX_TERM_MAP)
		v = mx_term_map_get(assigns, key);
	else if (mx_term_is_keyword(assigns))
		v = mx_term_kw_get(assigns, key->u.atom.name);
	else if (!mx_term_is_nil(assigns))
		return mx_err_at(
		    err, MX_ERR_EVAL, call->node->file, call->node->line, call->node->col,
		    "cannot read @%s: assigns is not a map or a keyword list", key->u.atom.name);
	*result = v ? (struct mx_term *)v : mx_term_nil(ev->arena);
	return MX_EVAL_HANDLED;
}

/* The buffer whose id is the term; NULL after an error. */
static struct mx_buf *buffer(struct rstate *st, const struct mx_eval_call *call, struct mx_err *err)
{
	const struct mx_term *id = call->args[0];
	if (id->type != MX_TERM_INT || id->u.i < 0 || (size_t)id->u.i >= st->n) {
		mx_err_at(err, MX_ERR_EVAL, call->node->file, call->node->line, call->node->col,
		          "%s: not an EEx buffer", call->name);
		return NULL;
	}
	return &st->bufs[id->u.i];
}

static int host(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **result,
                void *ctx, struct mx_err *err)
{
	struct rstate *st = ctx;
	const char *name = call->name;
	if (call->module || strncmp(name, "__eex_", 6) || call->do_block || call->else_block)
		goto theirs;
	for (size_t i = 0; i < call->nargs; i++)
		if (!call->args[i])
			goto theirs; /* (lenient hosts: not our code) */
	struct mx_buf *b;
	if (!strcmp(name, EEX_BEGIN) && call->nargs == 0) {
		MX_ALLOC_GROW(st->bufs, st->n + 1, st->alloc);
		st->bufs[st->n] = (struct mx_buf)MX_BUF_INIT;
		*result = mx_term_int(ev->arena, (int64_t)st->n++);
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(name, EEX_TEXT) && call->nargs == 2) {
		if (!(b = buffer(st, call, err)))
			return -1;
		const struct mx_term *k = call->args[1];
		if (k->type != MX_TERM_INT || k->u.i < 0 || (size_t)k->u.i >= st->t->ntexts)
			goto theirs;
		mx_buf_add(b, st->t->texts[k->u.i], st->t->text_lens[k->u.i]);
		*result = mx_term_nil(ev->arena);
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(name, EEX_OUT) && call->nargs == 2) {
		if (!(b = buffer(st, call, err)) ||
		    to_string(call->args[1], call->node, b, err) < 0)
			return -1;
		*result = mx_term_nil(ev->arena);
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(name, EEX_END) && call->nargs == 1) {
		if (!(b = buffer(st, call, err)))
			return -1;
		*result = mx_term_binary(ev->arena, b->buf, b->len);
		/* This buffer and any left unfinished inside it are done. */
		size_t id = (size_t)(b - st->bufs);
		for (size_t i = id; i < st->n; i++)
			mx_buf_release(&st->bufs[i]);
		st->n = id;
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(name, EEX_ASSIGN) && call->nargs == 2 && call->args[1]->type == MX_TERM_ATOM)
		return fetch_assign(ev, call, result, err);
theirs:
	if (st->host)
		return st->host(ev, call, result, st->host_ctx, err);
	return MX_EVAL_UNKNOWN;
}

/* `fn name1, name2, ... -> <template> end`, in the evaluator's arena. */
static struct mx_ast *wrap(struct mx_eval *ev, const struct mx_eex *t, const char **names, size_t n)
{
	struct mx_arena *a = ev->arena;
	const struct mx_ast *body = t->body;
	struct mx_ast *stab = MX_ARENA_NEW(a, struct mx_ast);
	stab->kind = MX_AST_STAB;
	stab->file = t->file;
	stab->line = body->line;
	stab->col = body->col;
	stab->u.stab.args = n ? MX_ARENA_NEWN(a, struct mx_ast *, n) : NULL;
	stab->u.stab.nargs = n;
	stab->u.stab.body = t->body;
	for (size_t i = 0; i < n; i++) {
		struct mx_ast *v = MX_ARENA_NEW(a, struct mx_ast);
		*v = *stab;
		v->kind = MX_AST_VAR;
		v->u.name.name = names[i];
		v->u.name.len = strlen(names[i]);
		stab->u.stab.args[i] = v;
	}
	struct mx_ast *fn = MX_ARENA_NEW(a, struct mx_ast);
	*fn = *stab;
	fn->kind = MX_AST_FN;
	fn->u.list.items = MX_ARENA_NEWN(a, struct mx_ast *, 1);
	fn->u.list.items[0] = stab;
	fn->u.list.n = 1;
	return fn;
}

int mx_eex_render(const struct mx_eex *t, struct mx_eval *ev, const struct mx_eex_binding *vars,
                  size_t nvars, struct mx_buf *out, struct mx_err *err)
{
	const char **names = mx_xcalloc(nvars + 1, sizeof(*names));
	struct mx_term **vals = mx_xcalloc(nvars + 1, sizeof(*vals));
	struct rstate st = {t, NULL, 0, 0, ev->host, ev->host_ctx};
	mx_eval_host_fn saved_host = ev->host;
	void *saved_ctx = ev->host_ctx;
	unsigned saved_flags = ev->host_flags;
	size_t n = 0;
	int ret = -1;
	for (size_t i = 0; i < nvars; i++) {
		if (!vars[i].name || !is_var_name(vars[i].name) || !vars[i].value) {
			mx_err_set(err, MX_ERR_USAGE, "invalid EEx binding \"%s\"",
			           vars[i].name ? vars[i].name : "(null)");
			goto out;
		}
		bool seen = false;
		for (size_t k = 0; k < n && !seen; k++)
			seen = !strcmp(names[k], vars[i].name);
		if (!seen) {
			names[n] = vars[i].name;
			vals[n++] = vars[i].value;
		}
	}
	mx_eval_set_host(ev, host, &st, saved_flags);
	struct mx_term *fun, *res;
	if (mx_eval_expr(ev, wrap(ev, t, names, n), &fun, err) < 0 ||
	    mx_eval_call_fun(ev, fun, vals, n, NULL, &res, err) < 0)
		goto out;
	if (res->type != MX_TERM_BINARY) {
		/* (only when the template's own code rebinds the buffer variable) */
		mx_err_at(err, MX_ERR_EVAL, t->file, 1, 1, "the template did not produce a string");
		goto out;
	}
	mx_buf_add(out, res->u.bin.data, res->u.bin.len);
	ret = 0;
out:
	mx_eval_set_host(ev, saved_host, saved_ctx, saved_flags);
	for (size_t i = 0; i < st.n; i++)
		mx_buf_release(&st.bufs[i]);
	free(st.bufs);
	free(names);
	free(vals);
	return ret;
}
