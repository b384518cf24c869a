/*
 * router: the evaluator host that turns a router's DSL calls into routes
 * (see router.h), and Phoenix.Router's own macros: the verbs, match,
 * forward, scope, pipeline, pipe_through.
 */
#include <string.h>

#include "exs/ast.h"
#include "router_int.h"
#include "webmod.h"

static const char *const http_verbs[] = {"get",     "post",    "put",   "patch", "delete",
                                         "options", "connect", "trace", "head"};

/* The modules whose macros a router imports; a remote call to one of them
 * (Phoenix.Router.get(...)) is the same as the local one. */
static const char *const dsl_modules[] = {"Phoenix.Router", "Phoenix.LiveView.Router",
                                          "Phoenix.LiveDashboard.Router"};

static bool is_verb(const char *name)
{
	for (size_t i = 0; i < sizeof(http_verbs) / sizeof(*http_verbs); i++)
		if (!strcmp(name, http_verbs[i]))
			return true;
	return false;
}

static int need_args(struct pr_reader *r, const struct mx_eval_call *c, size_t lo, size_t hi,
                     struct mx_err *err)
{
	if (c->nargs < lo || c->nargs > hi)
		return pr_fail(r, c->node, err,
		               "undefined function %s/%zu (there is no such router macro)", c->name,
		               c->arity);
	if (c->arg_err) {
		*err = *c->arg_err;
		return -1;
	}
	return 0;
}

/* scope/2..4: the options as Scope.push/2 gets them. */
static int scope(struct pr_reader *r, struct mx_eval *ev, const struct mx_eval_call *c,
                 struct mx_err *err)
{
	const struct mx_ast *at = c->node;
	struct mx_term *opts = NULL;
	struct mx_term *const *a = c->args;
	if (need_args(r, c, 1, 3, err) < 0)
		return -1;
	if (!c->do_block)
		return pr_fail(r, at, err, "scope expects a do block");
	if (c->nargs == 1) {
		if (a[0]->type == MX_TERM_BINARY)
			opts = pr_kw(r, "path", a[0], NULL, NULL, NULL, NULL);
		else if (mx_term_is_keyword(a[0]))
			opts = a[0];
	} else if (c->nargs == 2) {
		if (a[1]->type == MX_TERM_ATOM)
			opts = pr_kw(r, "path", a[0], "alias", a[1], NULL, NULL);
		else if (mx_term_is_keyword(a[1]))
			opts = pr_kw_put(r, a[1], "path", a[0]);
	} else if (a[1]->type == MX_TERM_ATOM && mx_term_is_keyword(a[2])) {
		opts = pr_kw_put(r, pr_kw_put(r, a[2], "path", a[0]), "alias", a[1]);
	}
	if (!opts) {
		struct mx_buf b = MX_BUF_INIT;
		for (size_t i = 0; i < c->nargs; i++)
			mx_buf_addf(&b, "%s%s", i ? ", " : "", pr_inspect(r, a[i]));
		int ret =
		    pr_fail(r, at, err,
		            "scope expects a path, an alias and/or a keyword list of options, "
		            "got: %s",
		            b.buf);
		mx_buf_release(&b);
		return ret;
	}
	if (pr_scope_push(r, opts, at, err) < 0)
		return -1;
	int ret = mx_eval_block(ev, c->do_block, NULL, err);
	pr_scope_pop(r);
	return ret;
}

/* forward/2..4: verb :*, no helper, a static path. */
static int forward(struct pr_reader *r, const struct mx_eval_call *c, struct mx_err *err)
{
	if (need_args(r, c, 2, 4, err) < 0)
		return -1;
	struct mx_term *empty = mx_term_list(r->a, NULL, 0);
	const struct mx_term *plug_opts = c->nargs > 2 ? c->args[2] : empty;
	const struct mx_term *ropts = c->nargs > 3 ? c->args[3] : empty;
	if (!c->args[1] || c->args[1]->type != MX_TERM_ATOM)
		return pr_fail(r, c->node, err,
		               "forward expects a module as the second argument, %s given",
		               pr_inspect(r, c->args[1]));
	if (!mx_term_is_keyword(ropts))
		return pr_fail(r, c->node, err,
		               "forward expects the router options as a keyword list, got: %s",
		               pr_inspect(r, ropts));
	ropts = pr_kw_put(r, ropts, "as", mx_term_nil(r->a));
	size_t before = r->t->n;
	if (pr_scope_route(r, c->node, PR_FORWARD, mx_term_atom(r->a, "*"), c->args[0], c->args[1],
	                   plug_opts, ropts, err) < 0)
		return -1;
	const struct pr_route *rt = &r->t->routes[before];
	/* register_forwards/3: only static segments, each plug once. */
	for (const char *p = rt->path; *p; p++)
		if (*p == ':' || (*p == '*' && p[-1] == '/'))
			return pr_fail(
			    r, c->node, err,
			    "dynamic segment \"%s\" not allowed when forwarding. Use a static "
			    "path instead",
			    rt->path);
	for (size_t i = 0; i < before; i++)
		if (r->t->routes[i].kind == PR_FORWARD &&
		    mx_term_equal(r->t->routes[i].plug, rt->plug))
			return pr_fail(
			    r, c->node, err,
			    "%s has already been forwarded to. A module can only be forwarded "
			    "a single time",
			    pr_inspect(r, rt->plug));
	return 0;
}

/* `use`: Phoenix.Router directly, or the web module's :router. */
static void use(struct pr_reader *r, const struct mx_eval_call *c)
{
	if (c->nargs < 1 || !c->args[0] || c->args[0]->type != MX_TERM_ATOM)
		return;
	const char *mod = mx_term_alias_name(c->args[0]);
	if (!strcmp(mod, "Phoenix.Router")) {
		const struct mx_term *h =
		    c->nargs > 1 ? mx_term_kw_get(c->args[1], "helpers") : NULL;
		r->is_router = true;
		r->t->helpers = !h || mx_term_truthy(h);
		return;
	}
	if (c->nargs > 1 && c->args[1] && mx_term_is_atom(c->args[1], "router")) {
		struct pr_webmod w;
		if (pr_webmod_router(r->p, mod, r->read, &w) == 0 && w.found) {
			r->is_router = w.uses_router;
			r->t->helpers = w.helpers;
		} else {
			/* The web module is not in the project's source: take
			 * Phoenix's default, as `use Phoenix.Router` would. */
			r->is_router = true;
			r->t->helpers = true;
		}
	}
}

static bool is_dsl(const char *n)
{
	static const char *const names[] = {"scope", "match",        "forward",       "resources",
	                                    "live",  "live_session", "live_dashboard"};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(n, names[i]))
			return true;
	return is_verb(n);
}

/* A route macro in a module that did not `use Phoenix.Router` (before it,
 * as the macros would not be imported otherwise). */
static int not_router(struct pr_reader *r, struct mx_eval *ev, const struct mx_eval_call *c,
                      struct mx_err *err)
{
	struct mx_eval_module *m, *last = NULL;
	for (size_t i = 0; (m = mx_eval_module_at(ev, i)); i++)
		last = m;
	return pr_fail(r, c->node, err,
	               "%s is not a Phoenix router: it calls %s/%zu without `use Phoenix.Router`",
	               last ? mx_eval_module_name(last) : "the module", c->name, c->arity);
}

static void unknown_macro(struct pr_reader *r, const struct mx_eval_call *c)
{
	r->t->skipped++;
	if (r->warnings)
		mx_strvec_pushf(
		    r->warnings,
		    "%s:%u: warning: %s/%zu is not a macro phx-routes knows; the routes it "
		    "defines are missing from the table",
		    c->node->file, c->node->line, c->name, c->arity);
}

static int host(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **result,
                void *ctx, struct mx_err *err)
{
	struct pr_reader *r = ctx;
	const char *n = c->name;
	int ret;

	*result = mx_term_nil(r->a);
	if (r->p &&
	    (ret = mx_project_eval_host(r->p, ev->arena, c, result, err)) != MX_EVAL_UNKNOWN)
		return ret;
	if (c->module) {
		bool dsl = false;
		for (size_t i = 0; i < sizeof(dsl_modules) / sizeof(*dsl_modules); i++)
			dsl |= !strcmp(c->module, dsl_modules[i]);
		if (!dsl)
			return MX_EVAL_UNKNOWN;
	}
	if (!n || c->node->kind == MX_AST_VAR)
		return MX_EVAL_UNKNOWN;
	if (!strcmp(n, "use")) {
		use(r, c);
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(n, "import") || !strcmp(n, "require"))
		return MX_EVAL_HANDLED;
	/* Pipelines run at request time: read, never printed. */
	if (!strcmp(n, "pipeline") || !strcmp(n, "pipe_through"))
		return MX_EVAL_HANDLED;
	if (!strcmp(n, "plug"))
		return pr_fail(
		    r, c->node, err,
		    "cannot define plug at the router level, plug must be defined inside a "
		    "pipeline");
	if (!r->is_router && is_dsl(n))
		return not_router(r, ev, c, err);
	if (!strcmp(n, "scope"))
		return scope(r, ev, c, err) < 0 ? -1 : MX_EVAL_HANDLED;
	if (is_verb(n)) {
		if (need_args(r, c, 3, 4, err) < 0)
			return -1;
		ret = pr_scope_route(r, c->node, PR_MATCH, mx_term_atom(r->a, n), c->args[0],
		                     c->args[1], c->args[2], c->nargs > 3 ? c->args[3] : NULL, err);
		return ret < 0 ? -1 : MX_EVAL_HANDLED;
	}
	if (!strcmp(n, "match")) {
		if (need_args(r, c, 4, 5, err) < 0)
			return -1;
		ret = pr_scope_route(r, c->node, PR_MATCH, c->args[0], c->args[1], c->args[2],
		                     c->args[3], c->nargs > 4 ? c->args[4] : NULL, err);
		return ret < 0 ? -1 : MX_EVAL_HANDLED;
	}
	if (!strcmp(n, "forward"))
		return forward(r, c, err) < 0 ? -1 : MX_EVAL_HANDLED;
	if (!strcmp(n, "resources")) {
		if (need_args(r, c, 2, 3, err) < 0)
			return -1;
		return pr_resources(r, ev, c, err) < 0 ? -1 : MX_EVAL_HANDLED;
	}
	if (!strcmp(n, "live")) {
		if (need_args(r, c, 2, 4, err) < 0)
			return -1;
		ret = pr_live(r, c, c->args[0], c->args[1], c->nargs > 2 ? c->args[2] : NULL,
		              c->nargs > 3 ? c->args[3] : NULL, err);
		return ret < 0 ? -1 : MX_EVAL_HANDLED;
	}
	if (!strcmp(n, "live_session")) {
		if (need_args(r, c, 1, 2, err) < 0)
			return -1;
		return pr_live_session(r, ev, c, err) < 0 ? -1 : MX_EVAL_HANDLED;
	}
	if (!strcmp(n, "live_dashboard")) {
		if (need_args(r, c, 1, 2, err) < 0)
			return -1;
		return pr_live_dashboard(r, c, err) < 0 ? -1 : MX_EVAL_HANDLED;
	}
	if (c->module)
		return MX_EVAL_UNKNOWN;
	if (!r->is_router)
		return not_router(r, ev, c, err);
	/* Another library's macro (oban_dashboard, ash_admin...): its routes
	 * cannot be known without its code. */
	unknown_macro(r, c);
	return MX_EVAL_HANDLED;
}

/* The module named `module` among those the file defined, or the first. */
static struct mx_eval_module *find_module(struct mx_eval *ev, const char *module)
{
	struct mx_eval_module *m;
	for (size_t i = 0; (m = mx_eval_module_at(ev, i)); i++)
		if (!module || !strcmp(mx_eval_module_name(m), module))
			return m;
	return NULL;
}

static int read_text(struct pr_table *t, const char *file, const char *text, size_t len,
                     const char *module, const struct mx_project *p, struct mx_strvec *read,
                     struct mx_strvec *warnings, struct mx_err *err)
{
	struct mx_eval ev;
	struct mx_ast *ast = NULL;
	struct pr_reader r = {0};
	int ret = -1;

	r.t = t;
	r.a = t->arena;
	r.p = p;
	r.read = read;
	r.warnings = warnings;
	r.file = file;
	pr_scope_init(&r);
	mx_project_eval_init(p, &ev, t->arena);
	mx_eval_set_host(&ev, host, &r, MX_EVAL_HOST_LENIENT);
	if (mx_exs_parse(t->arena, file, text, len, &ast, err) < 0)
		goto out;
	if (mx_eval_file(&ev, ast, NULL, err) < 0)
		goto out;
	struct mx_eval_module *m = find_module(&ev, module);
	if (!m) {
		mx_err_set(err, MX_ERR_EVAL, "%s does not define %s", file,
		           module ? module : "a module");
		goto out;
	}
	if (!r.is_router) {
		const struct mx_ast *n = mx_eval_module_node(m);
		mx_err_at(err, MX_ERR_EVAL, file, n ? n->line : 0, 0,
		          "%s is not a Phoenix router (it has no `use Phoenix.Router`)",
		          mx_eval_module_name(m));
		goto out;
	}
	ret = 0;
out:
	mx_eval_release(&ev);
	mx_buf_release(&r.scratch);
	return ret;
}

int pr_router_read(struct pr_table *t, const struct pr_router_src *src, struct mx_err *err)
{
	if (src->read)
		mx_strvec_push(src->read, src->path);
	/* The path must outlive the tree: positions point at it. */
	const char *file = mx_arena_strdup(t->arena, src->path);
	return read_text(t, file, src->text, src->len, src->module, src->project, src->read,
	                 src->warnings, err);
}

int pr_router_read_text(struct pr_table *t, const char *file, const char *text, size_t len,
                        struct mx_strvec *warnings, struct mx_err *err)
{
	return read_text(t, file, text, len, NULL, NULL, NULL, warnings, err);
}
