/*
 * live: Phoenix.LiveView.Router 1.0 (`live`, `live_session`) and
 * Phoenix.LiveDashboard.Router 0.8 (`live_dashboard`), as the routes they
 * add to the router.
 */
#include <string.h>

#include "project/inflect.h"
#include "router_int.h"

/* inferred_as/3 for a route with an action and no :as: the segments from
 * the first one ending in "Live", "Live" removed, underscored, joined. */
static const char *inferred_as(struct pr_reader *r, const char *live_view)
{
	const char *s = !strncmp(live_view, "Elixir.", 7) ? live_view + 7 : live_view;
	struct mx_buf out = MX_BUF_INIT, seg = MX_BUF_INIT;
	bool started = false;
	while (*s) {
		const char *e = strchr(s, '.');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		bool live = n >= 4 && !strncmp(s + n - 4, "Live", 4);
		started |= live;
		if (started) {
			mx_buf_reset(&seg);
			mx_buf_add(&seg, s, live ? n - 4 : n);
			struct mx_buf u = MX_BUF_INIT;
			mx_inflect_underscore(seg.buf ? seg.buf : "", &u);
			if (u.len)
				mx_buf_addf(&out, "%s%s", out.len ? "_" : "", u.buf);
			mx_buf_release(&u);
		}
		s += n + (e != NULL);
	}
	const char *res = out.len ? mx_arena_strndup(r->a, out.buf, out.len) : NULL;
	mx_buf_release(&out);
	mx_buf_release(&seg);
	return res;
}

static int validate_opts(struct pr_reader *r, const struct mx_ast *at, const struct mx_term *opts,
                         struct mx_err *err)
{
	for (size_t i = 0; i < opts->u.list.n; i++) {
		const struct mx_term *kv = opts->u.list.items[i];
		const char *key = kv->u.tuple.items[0]->u.atom.name;
		const struct mx_term *v = kv->u.tuple.items[1];
		if (!strcmp(key, "container")) {
			if (v->type != MX_TERM_TUPLE || v->u.tuple.n != 2 ||
			    v->u.tuple.items[0]->type != MX_TERM_ATOM ||
			    v->u.tuple.items[1]->type != MX_TERM_LIST)
				return pr_fail(
				    r, at, err,
				    "expected live :container to be a tuple matching {atom, "
				    "attrs :: list}, got: %s\n",
				    pr_inspect(r, v));
		} else if (!strcmp(key, "as")) {
			if (v->type != MX_TERM_ATOM)
				return pr_fail(r, at, err,
				               "expected live :as to be an atom, got: %s\n",
				               pr_inspect(r, v));
		} else if (!strcmp(key, "metadata") || !strcmp(key, "private")) {
			if (v->type != MX_TERM_MAP)
				return pr_fail(r, at, err,
				               "expected live :%s to be a map, got: %s\n", key,
				               pr_inspect(r, v));
		} else if (strcmp(key, "warn_on_verify")) {
			return pr_fail(
			    r, at, err,
			    "unknown live option :%s.\n\nSupported options include: "
			    ":container, :as, :metadata, :private, :warn_on_verify.\n\n"
			    "Got: %s\n",
			    key, pr_inspect(r, mx_term_list(r->a, &opts->u.list.items[i], 1)));
		}
	}
	return 0;
}

int pr_live(struct pr_reader *r, const struct mx_eval_call *c, const struct mx_term *path,
            const struct mx_term *live_view, const struct mx_term *action,
            const struct mx_term *opts, struct mx_err *err)
{
	const struct mx_ast *at = c->node;
	struct mx_term *empty = mx_term_list(r->a, NULL, 0);
	if (!opts)
		opts = empty;
	if (!action)
		action = mx_term_nil(r->a);
	if (action->type == MX_TERM_LIST && mx_term_is_keyword(action) &&
	    mx_term_is_keyword(opts)) {
		opts = mx_term_kw_merge(r->a, action, opts);
		action = mx_term_nil(r->a);
	}
	if (action->type != MX_TERM_ATOM || !mx_term_is_keyword(opts))
		return pr_fail(
		    r, at, err,
		    "live expects an action atom and a keyword list of options, got: %s, %s",
		    pr_inspect(r, action), pr_inspect(r, opts));
	if (!live_view || live_view->type != MX_TERM_ATOM)
		return pr_fail(
		    r, at, err, "live expects a LiveView module as second argument, got: %s",
		    live_view ? pr_inspect(r, live_view) : "a value that is not a constant");
	if (validate_opts(r, at, opts, err) < 0)
		return -1;

	const struct mx_term *lv = pr_scope_join_alias(r, live_view);
	const struct mx_term *as_opt = mx_term_kw_get(opts, "as");
	struct mx_term *as_helper = mx_term_nil(r->a);
	const struct mx_term *as_action = action;
	if (r->t->helpers) {
		if (mx_term_is_nil(action)) {
			as_helper = as_opt && mx_term_truthy(as_opt) ? (struct mx_term *)as_opt
			                                             : mx_term_atom(r->a, "live");
			as_action = lv;
		} else if (as_opt && !mx_term_is_nil(as_opt)) {
			as_helper = (struct mx_term *)as_opt;
		} else {
			const char *as = inferred_as(r, lv->u.atom.name);
			if (!as)
				return pr_fail(
				    r, at, err,
				    "could not infer :as option because a live action was given "
				    "and the LiveView does not have a \"Live\" suffix. Please "
				    "pass :as explicitly or make sure your LiveView is named like "
				    "\"FooLive\" or \"FooLive.Index\"");
			as_helper = mx_term_atom(r->a, as);
		}
	}
	const struct mx_term *meta = mx_term_kw_get(opts, "metadata");
	struct mx_term *k = mx_term_atom(r->a, "log_module");
	struct mx_term *m = meta ? (struct mx_term *)meta : mx_term_map(r->a, NULL, NULL, 0);
	m = mx_term_map_put(r->a, m, k, (struct mx_term *)lv);
	struct mx_term *ropts =
	    pr_kw(r, "alias", mx_term_atom(r->a, "false"), "as", as_helper, "metadata", m);
	int ret = pr_scope_route(r, at, PR_MATCH, mx_term_atom(r->a, "get"), path,
	                         mx_term_atom(r->a, "Elixir.Phoenix.LiveView.Plug"), as_action,
	                         ropts, err);
	if (ret == 0)
		r->t->routes[r->t->n - 1].action = action;
	return ret;
}

int pr_live_session(struct pr_reader *r, struct mx_eval *ev, const struct mx_eval_call *c,
                    struct mx_err *err)
{
	const struct mx_ast *at = c->node;
	const struct mx_term *name = c->args[0];
	const struct mx_term *opts = c->nargs > 1 ? c->args[1] : NULL;
	if (!name || name->type != MX_TERM_ATOM)
		return pr_fail(r, at, err, "expected live_session name to be an atom, got: %s\n",
		               name ? pr_inspect(r, name) : "a value that is not a constant");
	if (opts && opts->type != MX_TERM_LIST)
		return pr_fail(r, at, err,
		               "expected second argument to live_session to be a list of options, "
		               "got:\n\n    live_session %s, %s\n",
		               pr_inspect(r, name), pr_inspect(r, opts));
	if (r->in_live_session)
		return pr_fail(r, at, err,
		               "attempting to define live_session %s inside another live_session.\n"
		               "live_session definitions cannot be nested.\n",
		               pr_inspect(r, name));
	if (!c->do_block)
		return pr_fail(r, at, err, "live_session expects a do block");
	r->in_live_session = true;
	int ret = mx_eval_block(ev, c->do_block, NULL, err);
	r->in_live_session = false;
	return ret;
}

int pr_live_dashboard(struct pr_reader *r, const struct mx_eval_call *c, struct mx_err *err)
{
	const struct mx_ast *at = c->node;
	const struct mx_term *opts = c->nargs > 1 ? c->args[1] : NULL;
	if (opts && !mx_term_is_keyword(opts))
		return pr_fail(r, at, err,
		               "live_dashboard expects a keyword list of options, got: %s",
		               pr_inspect(r, opts));
	/* __options__/1's checks that a router's literal options can fail. */
	const struct mx_term *metrics = mx_term_kw_get(opts, "metrics");
	if (metrics && !mx_term_is_nil(metrics) && metrics->type != MX_TERM_ATOM &&
	    !(metrics->type == MX_TERM_TUPLE && metrics->u.tuple.n == 2 &&
	      metrics->u.tuple.items[0]->type == MX_TERM_ATOM &&
	      metrics->u.tuple.items[1]->type == MX_TERM_ATOM))
		return pr_fail(r, at, err,
		               ":metrics must be a tuple with {Mod, fun}, such as "
		               "{MyAppWeb.Telemetry, :metrics}, got: %s",
		               pr_inspect(r, metrics));
	const struct mx_term *pages = mx_term_kw_get(opts, "additional_pages");
	if (pages && !mx_term_is_nil(pages) && pages->type != MX_TERM_LIST)
		return pr_fail(r, at, err, ":additional_pages must be a keyword, got: %s",
		               pr_inspect(r, pages));
	for (size_t i = 0; pages && pages->type == MX_TERM_LIST && i < pages->u.list.n; i++) {
		const struct mx_term *pg = pages->u.list.items[i], *m;
		bool ok = pg->type == MX_TERM_TUPLE && pg->u.tuple.n == 2 &&
		          pg->u.tuple.items[0]->type == MX_TERM_ATOM;
		m = ok ? pg->u.tuple.items[1] : NULL;
		if (m && m->type == MX_TERM_TUPLE)
			m = m->u.tuple.n == 2 ? m->u.tuple.items[0] : NULL;
		if (!m || m->type != MX_TERM_ATOM)
			return pr_fail(
			    r, at, err,
			    "invalid value in :additional_pages, must be a tuple {path, "
			    "{module, args}} or {path, module}, where path is an atom and the "
			    "module implements Phoenix.LiveDashboard.PageBuilder, got: %s",
			    pr_inspect(r, pg));
	}

	/* scope path, alias: false, as: false */
	struct mx_term *f = mx_term_atom(r->a, "false");
	struct mx_term *sopts = pr_kw(r, "path", c->args[0], "alias", f, "as", f);
	if (pr_scope_push(r, sopts, at, err) < 0)
		return -1;
	struct mx_term *assets = mx_term_atom(r->a, "Elixir.Phoenix.LiveDashboard.Assets");
	struct mx_term *page = mx_term_atom(r->a, "Elixir.Phoenix.LiveDashboard.PageLive");
	struct mx_term *aopts =
	    pr_kw(r, "as", mx_term_atom(r->a, "live_dashboard_asset"), NULL, NULL, NULL, NULL);
	struct mx_term *lopts =
	    pr_kw(r, "as", mx_term_atom(r->a, "live_dashboard"), NULL, NULL, NULL, NULL);
	struct mx_term *get = mx_term_atom(r->a, "get");
	int ret = pr_scope_route(r, at, PR_MATCH, get, mx_term_string(r->a, "/css-:md5"), assets,
	                         mx_term_atom(r->a, "css"), aopts, err);
	if (!ret)
		ret = pr_scope_route(r, at, PR_MATCH, get, mx_term_string(r->a, "/js-:md5"), assets,
		                     mx_term_atom(r->a, "js"), aopts, err);
	if (!ret)
		ret = pr_live(r, c, mx_term_string(r->a, "/"), page, mx_term_atom(r->a, "home"),
		              lopts, err);
	if (!ret)
		ret = pr_live(r, c, mx_term_string(r->a, "/:page"), page,
		              mx_term_atom(r->a, "page"), lopts, err);
	if (!ret)
		ret = pr_live(r, c, mx_term_string(r->a, "/:node/:page"), page,
		              mx_term_atom(r->a, "page"), lopts, err);
	pr_scope_pop(r);
	return ret;
}
