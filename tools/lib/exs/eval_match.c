/*
 * eval_match: pattern matching (=, function heads, case/fn/for/with
 * clauses) and the choice of the clause that runs.
 */
#include <string.h>

#include "eval_int.h"

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
			if (ev_eval(ev, p->u.pair.key, &k) < 0)
				return -1;
			if (!mx_term_equal(k, e->u.tuple.items[0])) {
				*ok = false;
				return 0;
			}
			if (ev_match(ev, p->u.pair.value, e->u.tuple.items[1], ok) < 0)
				return -1;
			if (!*ok)
				return 0;
			continue;
		}
		if (ev_match(ev, p, e, ok) < 0)
			return -1;
		if (!*ok)
			return 0;
	}
	if (tailpat) {
		/* [a, b | rest]: the item before | is the last fixed one. */
		const struct mx_ast *head = tailpat->u.op.left, *rest = tailpat->u.op.right;
		if (ev_match(ev, head, val->u.list.items[fixed], ok) < 0)
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
		return ev_match(ev, rest, tail, ok);
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
		if (ev_eval(ev, it->u.pair.key, &k) < 0)
			return -1;
		const struct mx_term *v = mx_term_map_get(val, k);
		if (!v) {
			*ok = false;
			return 0;
		}
		if (ev_match(ev, it->u.pair.value, (struct mx_term *)v, ok) < 0)
			return -1;
		if (!*ok)
			return 0;
	}
	*ok = true;
	return 0;
}

/* %Struct{...} or %name{...} (binding the struct's module to name). */
static int match_struct(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val, bool *ok)
{
	if (pat->u.map.update)
		return ev_fail(ev, pat, "cannot use struct update syntax in a pattern");
	if (val->type != MX_TERM_MAP)
		return 0;
	const char *sn = mx_term_struct_name(val);
	if (!sn)
		return 0;
	const struct mx_ast *name = pat->u.map.name;
	if (name->kind == MX_AST_VAR && strcmp(name->u.name.name, "__MODULE__")) {
		if (ev_match(ev, name, mx_term_atom(EV_A(ev), sn), ok) < 0)
			return -1;
		if (!*ok)
			return 0;
	} else {
		struct mx_term *mt;
		if (ev_eval(ev, name, &mt) < 0)
			return -1;
		if (mt->type != MX_TERM_ATOM || strcmp(mt->u.atom.name, sn))
			return 0;
	}
	return match_map_items(ev, pat->u.map.items, pat->u.map.n, val, ok);
}

/* A variable: bound, or compared when this pattern bound it already. */
static int match_var(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val, bool *ok)
{
	const char *name = pat->u.name.name;
	if (!strcmp(name, "_")) {
		*ok = true;
		return 0;
	}
	/* A variable used twice in one pattern ({x, x}) must match the same
	 * value both times. */
	struct mx_eval_scope *s = ev->scope;
	for (size_t i = ev->match_mark < s->n ? ev->match_mark : s->n; i < s->n; i++)
		if (!strcmp(s->b[i].name, name)) {
			*ok = mx_term_equal(s->b[i].val, val);
			return 0;
		}
	ev_scope_bind(ev, s, name, val);
	*ok = true;
	return 0;
}

/* pat1 = pat2 and "prefix" <> rest; 1 for any other operator. */
static int match_op(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val, bool *ok)
{
	if (!strcmp(pat->u.op.op, "=")) {
		if (ev_match(ev, pat->u.op.left, val, ok) < 0)
			return -1;
		if (!*ok)
			return 0;
		return ev_match(ev, pat->u.op.right, val, ok);
	}
	if (!strcmp(pat->u.op.op, "<>")) {
		struct mx_term *pre;
		if (val->type != MX_TERM_BINARY)
			return 0;
		if (ev_eval(ev, pat->u.op.left, &pre) < 0)
			return -1;
		if (pre->type != MX_TERM_BINARY)
			return ev_fail(ev, pat, "invalid <> pattern");
		if (pre->u.bin.len > val->u.bin.len ||
		    memcmp(pre->u.bin.data, val->u.bin.data, pre->u.bin.len))
			return 0;
		struct mx_term *rest = mx_term_binary(EV_A(ev), val->u.bin.data + pre->u.bin.len,
		                                      val->u.bin.len - pre->u.bin.len);
		return ev_match(ev, pat->u.op.right, rest, ok);
	}
	return 1;
}

int ev_match(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val, bool *ok)
{
	*ok = false;
	if (ev_step(ev, pat) < 0)
		return -1;
	switch (pat->kind) {
	case MX_AST_VAR:
		return match_var(ev, pat, val, ok);
	case MX_AST_UNARY:
		if (!strcmp(pat->u.op.op, "^")) {
			struct mx_term *pinned;
			if (ev_eval(ev, pat->u.op.right, &pinned) < 0)
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
			if (ev_match(ev, pat->u.list.items[i], val->u.tuple.items[i], ok) < 0)
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
	case MX_AST_STRUCT:
		return match_struct(ev, pat, val, ok);
	case MX_AST_OP: {
		int r = match_op(ev, pat, val, ok);
		if (r <= 0)
			return r;
		break;
	}
	default:
		break;
	}
	if (is_literal_pattern(pat)) {
		struct mx_term *lit;
		if (ev_eval(ev, pat, &lit) < 0)
			return -1;
		*ok = mx_term_equal(lit, val);
		return 0;
	}
	return ev_fail(ev, pat, "unsupported pattern (%s)", mx_ast_kind_name(pat->kind));
}

/* Runs a match and returns -1 on a non-match too, raising MatchError as
 * Elixir's `=` does. */
int ev_match_or_raise(struct mx_eval *ev, const struct mx_ast *pat, struct mx_term *val,
                      const struct mx_ast *at)
{
	bool ok;
	size_t saved_mark = ev->match_mark;
	ev->match_mark = ev->scope->n;
	int r = ev_match(ev, pat, val, &ok);
	ev->match_mark = saved_mark;
	if (r < 0)
		return -1;
	if (!ok)
		return ev_raise(ev, at, "MatchError", "no match of right hand side value: %s",
		                ev_insp(ev, val));
	return 0;
}

/* ---- Clause selection (case, fn, function clauses) -------------------- */

/* Tries clause c with args: binds in a new scope s, checks the guard. */
int ev_try_clause(struct mx_eval *ev, struct mx_ast *const *params, size_t np,
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
		if ((ret = ev_match(ev, params[i], args[i], ok)) < 0)
			goto out;
	}
	ev->match_mark = saved_mark;
	if (*ok && guard) {
		struct mx_term *g;
		if ((ret = ev_eval(ev, guard, &g)) < 0)
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
int ev_run_clauses(struct mx_eval *ev, const struct mx_ast *clauses, struct mx_term **vals,
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
		struct mx_eval_scope *s = ev_scope_new(ev, ev->scope);
		bool ok;
		if (ev_try_clause(ev, st->u.stab.args, st->u.stab.nargs, st->u.stab.guard, vals, s,
		                  &ok) < 0)
			return -1;
		if (!ok)
			continue;
		*matched = true;
		struct mx_eval_scope *saved = ev->scope;
		ev->scope = s;
		int r = ev_eval_body(ev, st->u.stab.body, out);
		ev->scope = saved;
		return r;
	}
	return 0;
}
