/*
 * webmod: the web module's router/0, read as a tree (see webmod.h). It is
 * not run: its body is a quote block, and only the `use Phoenix.Router`
 * call in it matters.
 */
#include <string.h>

#include "exs/ast.h"
#include "locate.h"
#include "webmod.h"

/* Calls f on every node below n (depth first, source order) until it
 * returns true. */
static const struct mx_ast *find(const struct mx_ast *n,
                                 bool (*f)(const struct mx_ast *n))
{
	if (!n)
		return NULL;
	if (f(n))
		return n;
	const struct mx_ast *hit = NULL;
	switch (n->kind) {
	case MX_AST_CALL:
		hit = find(n->u.call.target, f);
		for (size_t i = 0; !hit && i < n->u.call.nargs; i++)
			hit = find(n->u.call.args[i], f);
		if (!hit)
			hit = find(n->u.call.blocks, f);
		break;
	case MX_AST_LIST: case MX_AST_TUPLE: case MX_AST_BLOCK: case MX_AST_FN:
	case MX_AST_CLAUSES: case MX_AST_BITSTRING:
		for (size_t i = 0; !hit && i < n->u.list.n; i++)
			hit = find(n->u.list.items[i], f);
		break;
	case MX_AST_KW: case MX_AST_ASSOC:
		hit = find(n->u.pair.key, f);
		if (!hit)
			hit = find(n->u.pair.value, f);
		break;
	case MX_AST_STAB:
		hit = find(n->u.stab.body, f);
		break;
	case MX_AST_OP:
		hit = find(n->u.op.left, f);
		if (!hit)
			hit = find(n->u.op.right, f);
		break;
	default:
		break;
	}
	return hit;
}

static bool is_def_router(const struct mx_ast *n)
{
	if (!mx_ast_is_call(n, NULL, "def") || n->u.call.target || !n->u.call.nargs)
		return false;
	const struct mx_ast *head = n->u.call.args[0];
	return (head->kind == MX_AST_VAR && !strcmp(head->u.name.name, "router")) ||
	       (head->kind == MX_AST_CALL && !head->u.call.target && head->u.call.name &&
	        !strcmp(head->u.call.name, "router") && !head->u.call.nargs);
}

static bool is_use_router(const struct mx_ast *n)
{
	if (!mx_ast_is_call(n, NULL, "use") || n->u.call.target || !n->u.call.nargs)
		return false;
	const struct mx_ast *m = n->u.call.args[0];
	return m->kind == MX_AST_ALIAS && !strcmp(m->u.alias.name, "Phoenix.Router");
}

int pr_webmod_router(const struct mx_project *p, const char *module, struct mx_strvec *read,
                     struct pr_webmod *w)
{
	struct mx_buf path = MX_BUF_INIT, text = MX_BUF_INIT;
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_ast *ast = NULL;
	int ret = 0;

	memset(w, 0, sizeof(*w));
	if (!pr_locate_module(p, module, &path, &text))
		goto out;
	if (read)
		mx_strvec_push(read, path.buf);
	if (mx_exs_parse(&a, path.buf, text.buf ? text.buf : "", text.len, &ast, NULL) < 0) {
		ret = -1;
		goto out;
	}
	w->found = true;
	const struct mx_ast *def = find(ast, is_def_router);
	const struct mx_ast *use = find(def, is_use_router);
	if (use) {
		const struct mx_ast *opts =
		    use->u.call.nargs > 1 ? use->u.call.args[use->u.call.nargs - 1] : NULL;
		const struct mx_ast *h = opts && opts->kind == MX_AST_LIST ? mx_ast_kw_get(opts, "helpers") : NULL;
		w->uses_router = true;
		w->helpers = !(h && (mx_ast_is_atom(h, "false") || mx_ast_is_atom(h, "nil")));
	}
out:
	mx_arena_release(&a);
	mx_buf_release(&path);
	mx_buf_release(&text);
	return ret;
}
