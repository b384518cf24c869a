/*
 * webmod: the web module's router/0, read as a tree (see webmod.h). It is
 * not run: its body is a quote block, and only the `use Phoenix.Router`
 * call in it matters (found with project/locate.h's mx_ast_find).
 */
#include <string.h>

#include "exs/ast.h"
#include "project/locate.h"
#include "webmod.h"

static bool is_def_router(const struct mx_ast *n, const void *ctx)
{
	(void)ctx;
	if (!mx_ast_is_call(n, NULL, "def") || n->u.call.target || !n->u.call.nargs)
		return false;
	const struct mx_ast *head = n->u.call.args[0];
	return (head->kind == MX_AST_VAR && !strcmp(head->u.name.name, "router")) ||
	       (head->kind == MX_AST_CALL && !head->u.call.target && head->u.call.name &&
	        !strcmp(head->u.call.name, "router") && !head->u.call.nargs);
}

static bool is_use_router(const struct mx_ast *n, const void *ctx)
{
	(void)ctx;
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
	if (!mx_project_locate_module(p, module, &path, &text))
		goto out;
	if (read)
		mx_strvec_push(read, path.buf);
	if (mx_exs_parse(&a, path.buf, text.buf ? text.buf : "", text.len, &ast, NULL) < 0) {
		ret = -1;
		goto out;
	}
	w->found = true;
	const struct mx_ast *def = mx_ast_find(ast, is_def_router, NULL);
	const struct mx_ast *use = mx_ast_find(def, is_use_router, NULL);
	if (use) {
		const struct mx_ast *opts =
		    use->u.call.nargs > 1 ? use->u.call.args[use->u.call.nargs - 1] : NULL;
		const struct mx_ast *h =
		    opts && opts->kind == MX_AST_LIST ? mx_ast_kw_get(opts, "helpers") : NULL;
		w->uses_router = true;
		w->helpers = !(h && (mx_ast_is_atom(h, "false") || mx_ast_is_atom(h, "nil")));
	}
out:
	mx_arena_release(&a);
	mx_buf_release(&path);
	mx_buf_release(&text);
	return ret;
}
