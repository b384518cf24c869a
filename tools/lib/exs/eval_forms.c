/*
 * eval_forms: the special forms, which take their arguments unevaluated:
 * if/unless, cond, case, for, with, try/rescue, raise, and (dispatched from
 * here, defined in eval_module.c) def/defp, defmodule and alias. A table
 * maps each name to its function.
 */
#include <stdio.h>
#include <string.h>

#include "eval_int.h"

static int sf_if(struct mx_eval *ev, const struct mx_ast *n, bool unless, struct mx_term **out)
{
	if (n->u.call.nargs < 1)
		return ev_fail(ev, n, "invalid %s", unless ? "unless" : "if");
	struct mx_term *c;
	/* The condition runs in the enclosing scope (if is a case on it):
	 * `if x = f() do ... end` leaves x bound; the branches do not. */
	if (ev_eval(ev, n->u.call.args[0], &c) < 0)
		return -1;
	bool t = mx_term_truthy(c);
	if (unless)
		t = !t;
	const struct mx_ast *body = mx_ast_call_block(n, t ? "do" : "else");
	return ev_eval_in_child(ev, body, out);
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
		ev->scope = ev_scope_new(ev, saved);
		int r = ev_eval(ev, st->u.stab.args[0], &c);
		if (r == 0 && mx_term_truthy(c))
			r = ev_eval_body(ev, st->u.stab.body, out), c = NULL;
		ev->scope = saved;
		if (r < 0)
			return -1;
		if (!c)
			return 0;
	}
	return ev_raise(ev, n, "CondClauseError", "no cond clause evaluated to a truthy value");
}

int ev_form_case(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *subject,
                 struct mx_term **out)
{
	/* subject: the piped value of `x |> case do`, or NULL. */
	struct mx_term *v = subject;
	if (!subject) {
		if (n->u.call.nargs < 1)
			return ev_fail(ev, n, "invalid case");
		if (ev_eval(ev, n->u.call.args[0], &v) < 0)
			return -1;
	}
	const struct mx_ast *cl = mx_ast_call_block(n, "do");
	if (!cl)
		return ev_fail(ev, n, "case expects a do block");
	bool matched;
	if (ev_run_clauses(ev, cl, &v, 1, &matched, out) < 0)
		return -1;
	if (!matched)
		return ev_raise(ev, n, "CaseClauseError", "no case clause matching: %s",
		                ev_insp(ev, v));
	return 0;
}

int ev_form_raise(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **args, size_t nargs)
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

/* ---- for -------------------------------------------------------------- */

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
			if (ev_run_clauses(ev, fs->body, &fs->acc, 1, &matched, &v) < 0)
				return -1;
			if (!matched)
				return ev_raise(ev, fs->body, "FunctionClauseError",
				                "no function clause matching in for reduce");
			fs->acc = v;
			return 0;
		}
		if (ev_eval_body(ev, fs->body, &v) < 0)
			return -1;
		ev_vec_push(ev, &fs->results, v);
		return 0;
	}
	const struct mx_ast *q = fs->quals[qi];
	if (q->kind == MX_AST_OP && !strcmp(q->u.op.op, "<-")) {
		struct mx_term *en;
		if (ev_eval(ev, q->u.op.right, &en) < 0)
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
			struct mx_eval_scope *s = ev_scope_new(ev, saved);
			bool ok;
			struct mx_term *item = list->u.list.items[i];
			int r = ev_try_clause(ev, (struct mx_ast **)&pat, 1, guard, &item, s, &ok);
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
	if (ev_eval(ev, q, &f) < 0)
		return -1;
	if (!mx_term_truthy(f))
		return 0;
	return for_step(ev, fs, qi + 1);
}

/* for's options: into:, uniq:, reduce: (sets fs->reduce and fs->acc). */
static int for_options(struct mx_eval *ev, const struct mx_ast *opts, struct for_state *fs,
                       struct mx_term **into, bool *uniq)
{
	for (size_t i = 0; opts && i < opts->u.list.n; i++) {
		const struct mx_ast *kw = opts->u.list.items[i];
		if (kw->kind != MX_AST_KW)
			continue;
		const struct mx_ast *k = kw->u.pair.key;
		struct mx_term *v;
		if (mx_ast_is_atom(k, "do"))
			continue;
		if (ev_eval(ev, kw->u.pair.value, &v) < 0)
			return -1;
		if (mx_ast_is_atom(k, "into"))
			*into = v;
		else if (mx_ast_is_atom(k, "uniq"))
			*uniq = mx_term_truthy(v);
		else if (mx_ast_is_atom(k, "reduce"))
			fs->reduce = true, fs->acc = v;
		else
			return ev_fail(ev, kw, "unsupported option in for");
	}
	return 0;
}

/* The results of a for collected into `into`: a binary gets their text,
 * anything else goes through Enum.into. */
static int for_collect(struct mx_eval *ev, const struct mx_ast *n, struct mx_term *list,
                       struct mx_term *into, struct mx_term **out)
{
	if (into->type == MX_TERM_BINARY) {
		struct mx_buf b = MX_BUF_INIT;
		int r = 0;
		mx_buf_add(&b, into->u.bin.data, into->u.bin.len);
		for (size_t i = 0; i < list->u.list.n && r == 0; i++)
			r = ev_to_string(ev, list->u.list.items[i], n, &b);
		if (r == 0)
			*out = mx_term_binary(EV_A(ev), b.buf, b.len);
		mx_buf_release(&b);
		return r;
	}
	struct mx_term *args[2] = {list, into};
	return ev_builtin(ev, "Enum", "into", args, 2, n, out);
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
	ev->scope = ev_scope_new(ev, saved);
	int ret = -1;
	if (for_options(ev, opts, &fs, &into, &uniq) < 0 || for_step(ev, &fs, 0) < 0)
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
	if (into)
		ret = for_collect(ev, n, list, into, out);
	else
		*out = list, ret = 0;
out:
	ev->scope = saved;
	return ret;
}

/* ---- with, try -------------------------------------------------------- */

static int sf_with(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	struct mx_eval_scope *saved = ev->scope;
	ev->scope = ev_scope_new(ev, saved);
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
			if (ev_eval(ev, q->u.op.right, &v) < 0)
				goto out;
			const struct mx_ast *pat = q->u.op.left, *guard = NULL;
			if (pat->kind == MX_AST_OP && !strcmp(pat->u.op.op, "when")) {
				guard = pat->u.op.right;
				pat = pat->u.op.left;
			}
			if (ev_try_clause(ev, (struct mx_ast **)&pat, 1, guard, &v, ev->scope,
			                  &ok) < 0)
				goto out;
			if (!ok) {
				const struct mx_ast *el = mx_ast_call_block(n, "else");
				ev->scope = saved;
				if (!el) {
					*out = v;
					return 0;
				}
				bool matched;
				if (ev_run_clauses(ev, el, &v, 1, &matched, out) < 0)
					return -1;
				if (!matched)
					return ev_raise(ev, n, "WithClauseError",
					                "no with clause matching: %s",
					                ev_insp(ev, v));
				return 0;
			}
		} else {
			struct mx_term *v;
			if (ev_eval(ev, q, &v) < 0)
				goto out;
		}
	}
	ret = ev_eval_body(ev, mx_ast_call_block(n, "do"), out);
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
		if (ev_eval(ev, mods, &m) < 0)
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
		ev_scope_bind(ev, ev->scope, var->u.name.name, ex);
	return 0;
}

/* Runs the rescue clauses for the exception exc with message msg: *handled
 * when one took it (its value in *v). */
static int run_rescue(struct mx_eval *ev, const struct mx_ast *rescue, const char *exc,
                      const char *msg, struct mx_term **v, bool *handled)
{
	const char *fields[1] = {"message"};
	struct mx_term *mv = mx_term_string(EV_A(ev), msg);
	struct mx_buf mod = MX_BUF_INIT;
	mx_buf_addf(&mod, "Elixir.%s", exc);
	struct mx_term *ex = mx_term_struct(EV_A(ev), mod.buf, fields, &mv, 1);
	mx_buf_release(&mod);
	size_t cnt = rescue->kind == MX_AST_CLAUSES ? rescue->u.list.n : 1;
	int r = 0;
	*handled = false;
	for (size_t i = 0; i < cnt && !*handled && r == 0; i++) {
		const struct mx_ast *st =
		    rescue->kind == MX_AST_CLAUSES ? rescue->u.list.items[i] : rescue;
		if (st->kind != MX_AST_STAB || st->u.stab.nargs != 1)
			return ev_fail(ev, st, "invalid rescue clause");
		struct mx_eval_scope *saved_scope = ev->scope;
		ev->scope = ev_scope_new(ev, saved_scope);
		bool ok;
		r = rescue_matches(ev, st->u.stab.args[0], exc, ex, &ok);
		if (r == 0 && ok) {
			*handled = true;
			r = ev_eval_body(ev, st->u.stab.body, v);
		}
		ev->scope = saved_scope;
	}
	return r;
}

static int sf_try(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const struct mx_ast *rescue = mx_ast_call_block(n, "rescue");
	const struct mx_ast *else_b = mx_ast_call_block(n, "else");
	const struct mx_ast *after = mx_ast_call_block(n, "after");
	struct mx_term *v = NULL, *ignored;
	int r = ev_eval_in_child(ev, mx_ast_call_block(n, "do"), &v);
	char exc[200];
	const char *msg;
	if (r < 0 && rescue && ev->steps_left && split_raise(ev->err, exc, sizeof(exc), &msg)) {
		struct mx_err saved = *ev->err;
		bool handled;
		r = run_rescue(ev, rescue, exc, msg, &v, &handled);
		if (r == 0 && !handled) {
			*ev->err = saved;
			r = -1;
		}
	} else if (r == 0 && else_b) {
		bool matched;
		r = ev_run_clauses(ev, else_b, &v, 1, &matched, &v);
		if (r == 0 && !matched)
			r = ev_raise(ev, n, "TryClauseError", "no try clause matching: %s",
			             ev_insp(ev, v));
	}
	if (after) {
		/* after runs either way; its own failure wins, as in Elixir. */
		struct mx_err pending = *ev->err;
		if (ev_eval_in_child(ev, after, &ignored) < 0)
			return -1;
		if (r < 0)
			*ev->err = pending;
	}
	if (r == 0)
		*out = v;
	return r;
}

/* ---- The table -------------------------------------------------------- */

static int form_if(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	return sf_if(ev, n, false, out);
}

static int form_unless(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	return sf_if(ev, n, true, out);
}

static int form_case(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	return ev_form_case(ev, n, NULL, out);
}

static int form_def(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	*out = ev_nil(ev);
	return ev_form_def(ev, n, n->u.call.name[3] == 'p');
}

/* Module-level forms that define nothing a constant needs. */
static int form_ignored(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	(void)n;
	*out = ev_nil(ev);
	return 0;
}

static int form_not_constant(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	(void)out;
	return ev_fail(ev, n, "%s is not a constant", n->u.call.name);
}

static const struct {
	const char *name;
	int (*fn)(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out);
} special_forms[] = {
    {"alias", ev_form_alias},
    {"case", form_case},
    {"cond", sf_cond},
    {"def", form_def},
    {"defdelegate", form_ignored},
    {"defguard", form_ignored},
    {"defguardp", form_ignored},
    {"defimpl", form_ignored},
    {"defmacro", form_ignored},
    {"defmacrop", form_ignored},
    {"defmodule", ev_form_defmodule},
    {"defoverridable", form_ignored},
    {"defp", form_def},
    {"defprotocol", form_ignored},
    {"for", sf_for},
    {"if", form_if},
    {"quote", form_not_constant},
    {"receive", form_not_constant},
    {"super", form_not_constant},
    {"try", sf_try},
    {"unless", form_unless},
    {"unquote", form_not_constant},
    {"unquote_splicing", form_not_constant},
    {"with", sf_with},
};

int ev_special_form(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	for (size_t i = 0; i < sizeof(special_forms) / sizeof(special_forms[0]); i++)
		if (!strcmp(special_forms[i].name, n->u.call.name))
			return special_forms[i].fn(ev, n, out);
	return 1;
}
