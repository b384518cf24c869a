/*
 * endpoint: an endpoint's sockets (see endpoint.h). The host answers the
 * Phoenix.Endpoint DSL: `use` (for otp_app), `socket`, and the compile-time
 * `code_reloading?`; plugs and everything else the endpoint does at request
 * time are left alone.
 */
#include <string.h>

#include "endpoint.h"
#include "exs/eval.h"

struct ep {
	struct pr_table *t;
	const struct mx_project *p;
	const char *module;
	const char *otp_app;
};

static int host(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **result,
                void *ctx, struct mx_err *err)
{
	struct ep *e = ctx;
	int ret;

	*result = mx_term_nil(ev->arena);
	if (e->p &&
	    (ret = mx_project_eval_host(e->p, ev->arena, c, result, err)) != MX_EVAL_UNKNOWN)
		return ret;
	if (c->module || !c->name)
		return MX_EVAL_UNKNOWN;
	if (!strcmp(c->name, "use")) {
		const struct mx_term *app =
		    c->nargs > 1 && c->args[1] && c->args[1]->type == MX_TERM_LIST
		        ? mx_term_kw_get(c->args[1], "otp_app")
		        : NULL;
		if (app && app->type == MX_TERM_ATOM)
			e->otp_app = app->u.atom.name;
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(c->name, "code_reloading?") && c->nargs == 0) {
		const struct mx_term *v =
		    e->p && e->otp_app
		        ? mx_project_get(e->p, e->otp_app, e->module, "code_reloader", NULL)
		        : NULL;
		*result = mx_term_bool(ev->arena, v && mx_term_truthy(v));
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(c->name, "socket") && (c->nargs == 2 || c->nargs == 3)) {
		if (c->arg_err) {
			*err = *c->arg_err;
			return -1;
		}
		const struct mx_term *path = c->args[0], *mod = c->args[1];
		const struct mx_term *opts =
		    c->nargs > 2 ? c->args[2] : mx_term_list(ev->arena, NULL, 0);
		if (path->type != MX_TERM_BINARY || mod->type != MX_TERM_ATOM)
			return mx_err_at(err, MX_ERR_EVAL, c->node->file, c->node->line, 0,
			                 "socket expects a path and a module");
		pr_table_add_socket(e->t, path->u.bin.data, mod, opts);
		return MX_EVAL_HANDLED;
	}
	/* plug, import, require and the rest run at request time. */
	if (c->node->kind == MX_AST_VAR)
		return MX_EVAL_UNKNOWN;
	return MX_EVAL_HANDLED;
}

int pr_endpoint_read(struct pr_table *t, const struct mx_project *p, const char *path,
                     const char *text, size_t len, const char *module, struct mx_err *err)
{
	struct mx_eval ev;
	struct mx_ast *ast = NULL;
	struct ep e = {t, p, module, p ? p->app : NULL};
	const char *file = mx_arena_strdup(t->arena, path);
	int ret = -1;

	mx_project_eval_init(p, &ev, t->arena);
	mx_eval_set_host(&ev, host, &e, MX_EVAL_HOST_LENIENT);
	if (mx_exs_parse(t->arena, file, text, len, &ast, err) == 0 &&
	    mx_eval_file(&ev, ast, NULL, err) == 0) {
		t->have_endpoint = true;
		ret = 0;
	}
	mx_eval_release(&ev);
	return ret;
}
