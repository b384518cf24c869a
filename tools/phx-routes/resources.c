/*
 * resources: Phoenix.Router.resources/2..4 and Phoenix.Router.Resource
 * (1.7.24): the actions in Phoenix's order, only/except, param, name, as,
 * singleton, and the member scope nested resources live in.
 */
#include <string.h>

#include "project/inflect.h"
#include "router_int.h"

/* Resource's @actions, in the order routes are generated. */
static const char *const all_actions[] = {"index",  "edit",   "new",   "show",
                                          "create", "update", "delete"};
#define NACTIONS 7

static bool in_list(const struct mx_term *l, const char *atom)
{
	for (size_t i = 0; i < l->u.list.n; i++)
		if (mx_term_is_atom(l->u.list.items[i], atom))
			return true;
	return false;
}

/* The supported actions as an inspected list, for Phoenix's message. */
static void supported_text(bool singleton, struct mx_buf *b)
{
	mx_buf_addch(b, '[');
	bool first = true;
	for (size_t i = 0; i < NACTIONS; i++) {
		if (singleton && i == 0)
			continue;
		mx_buf_addf(b, "%s:%s", first ? "" : ", ", all_actions[i]);
		first = false;
	}
	mx_buf_addch(b, ']');
}

/* extract_actions/2: fills on[i] for each of all_actions. */
static int extract_actions(struct pr_reader *r, const struct mx_ast *at, const struct mx_term *opts,
                           bool singleton, bool on[NACTIONS], struct mx_err *err)
{
	const struct mx_term *only = mx_term_kw_get(opts, "only");
	const struct mx_term *except = mx_term_kw_get(opts, "except");
	const char *type = only && mx_term_truthy(only) ? "only" : "except";
	const struct mx_term *l = only && mx_term_truthy(only) ? only : except;

	for (size_t i = 0; i < NACTIONS; i++)
		on[i] = !(singleton && i == 0);
	if (!l || !mx_term_truthy(l))
		return 0;
	bool ok = l->type == MX_TERM_LIST && !l->u.list.tail;
	for (size_t i = 0; ok && i < l->u.list.n; i++) {
		const struct mx_term *a = l->u.list.items[i];
		bool known = false;
		for (size_t k = singleton ? 1 : 0; k < NACTIONS; k++)
			known |= mx_term_is_atom(a, all_actions[k]);
		ok = known;
	}
	if (!ok) {
		struct mx_buf b = MX_BUF_INIT;
		supported_text(singleton, &b);
		int ret = pr_fail(r, at, err,
		                  "invalid :%s action(s) passed to resources.\n\n"
		                  "supported%s actions: %s\n\n"
		                  "got: %s\n",
		                  type, singleton ? " singleton" : "", b.buf, pr_inspect(r, l));
		mx_buf_release(&b);
		return ret;
	}
	for (size_t i = 0; i < NACTIONS; i++)
		if (on[i])
			on[i] = in_list(l, all_actions[i]) == !strcmp(type, "only");
	return 0;
}

static const char *cat(struct pr_reader *r, const char *a, const char *b, const char *c)
{
	struct mx_buf buf = MX_BUF_INIT;
	mx_buf_adds(&buf, a);
	mx_buf_adds(&buf, b);
	mx_buf_adds(&buf, c);
	const char *s = mx_arena_strndup(r->a, buf.buf, buf.len);
	mx_buf_release(&buf);
	return s;
}

/* The verbs' atoms sit after the actions' in the reader's atom cache. */
static const char *const verbs[] = {"get", "post", "patch", "put", "delete"};

static struct mx_term *verb_atom(struct pr_reader *r, const char *verb)
{
	for (unsigned i = 0; i < 5; i++)
		if (!strcmp(verb, verbs[i]))
			return pr_atom(r, NACTIONS + i, verb);
	return mx_term_atom(r->a, verb);
}

/* One route of the resource: path followed by up to two suffixes, built
 * in buf (a scratch buffer of the caller's) rather than allocated. */
static int route(struct pr_reader *r, const struct mx_ast *at, const char *verb, struct mx_buf *buf,
                 const char *path, const char *s1, const char *s2, const struct mx_term *ctrl,
                 size_t action, const struct mx_term *opts, struct mx_err *err)
{
	mx_buf_reset(buf);
	mx_buf_adds(buf, path);
	mx_buf_adds(buf, s1);
	mx_buf_adds(buf, s2);
	return pr_scope_route_path(r, at, PR_MATCH, verb_atom(r, verb), buf->buf, ctrl,
	                           pr_atom(r, (unsigned)action, all_actions[action]), opts, err);
}

int pr_resources(struct pr_reader *r, struct mx_eval *ev, const struct mx_eval_call *c,
                 struct mx_err *err)
{
	const struct mx_ast *at = c->node;
	const struct mx_term *path_t = c->args[0], *ctrl = c->args[1];
	const struct mx_term *opts = c->nargs > 2 ? c->args[2] : NULL;
	struct mx_term *empty = mx_term_list(r->a, NULL, 0);

	if (!ctrl || ctrl->type != MX_TERM_ATOM)
		return pr_fail(r, at, err,
		               "resources expects a controller module as second argument, got: %s",
		               ctrl ? pr_inspect(r, ctrl) : "a value that is not a constant");
	if (opts && !mx_term_is_keyword(opts))
		return pr_fail(r, at, err,
		               "resources expects its options as a keyword list, got: %s",
		               pr_inspect(r, opts));
	if (!opts)
		opts = empty;
	const char *path = pr_scope_validate_path(r, path_t, at, err);
	if (!path)
		return -1;

	const struct mx_term *param_t = mx_term_kw_get(opts, "param");
	const struct mx_term *name_t = mx_term_kw_get(opts, "name");
	const char *param = "id", *name;
	struct mx_buf b = MX_BUF_INIT;
	if (param_t) {
		if (mx_term_to_string(param_t, &b) < 0 || param_t->type != MX_TERM_BINARY) {
			mx_buf_release(&b);
			return pr_fail(r, at, err,
			               "resources expects :param to be a string, got: %s",
			               pr_inspect(r, param_t));
		}
		param = mx_arena_strndup(r->a, b.buf ? b.buf : "", b.len);
		mx_buf_reset(&b);
	}
	if (name_t) {
		if (mx_term_to_string(name_t, &b) < 0) {
			mx_buf_release(&b);
			return pr_fail(r, at, err,
			               "resources expects :name to be a string, got: %s",
			               pr_inspect(r, name_t));
		}
	} else if (strncmp(ctrl->u.atom.name, "Elixir.", 7)) {
		mx_buf_release(&b);
		return pr_fail(r, at, err, "expected an Elixir module, got: \"%s\"",
		               ctrl->u.atom.name);
	} else {
		mx_inflect_resource_name(ctrl->u.atom.name, "Controller", &b);
	}
	name = mx_arena_strndup(r->a, b.buf ? b.buf : "", b.len);
	mx_buf_release(&b);

	struct mx_term *as = (struct mx_term *)mx_term_kw_get(opts, "as");
	if (!as)
		as = mx_term_string(r->a, name);
	const struct mx_term *single_t = mx_term_kw_get(opts, "singleton");
	bool singleton = single_t && mx_term_truthy(single_t);
	bool on[NACTIONS];
	if (extract_actions(r, at, opts, singleton, on, err) < 0)
		return -1;

	struct mx_term *ropts = pr_kw(r, "as", as, NULL, NULL, NULL, NULL);
	struct mx_term *put_opts = pr_kw_put(r, ropts, "as", mx_term_nil(r->a));
	const char *member = singleton ? path : NULL;
	if (!singleton) {
		/* Path.join(path, ":#{name}_#{param}") */
		size_t n = strlen(path);
		while (n > 1 && path[n - 1] == '/')
			n--;
		const char *base = mx_arena_strndup(r->a, path, n);
		member = cat(r, base, n == 1 ? ":" : "/:", cat(r, name, "_", param));
	}
	/* path <> "/:" <> param, except for a singleton */
	const char *sep = singleton ? "" : "/:", *idp = singleton ? "" : param;
	struct mx_buf b2 = MX_BUF_INIT;
	int ret = 0;

	for (size_t i = 0; i < NACTIONS && ret == 0; i++) {
		if (!on[i])
			continue;
		const char *a = all_actions[i];
		if (!strcmp(a, "index"))
			ret = route(r, at, "get", &b2, path, "", "", ctrl, i, ropts, err);
		else if (!strcmp(a, "show"))
			ret = route(r, at, "get", &b2, path, sep, idp, ctrl, i, ropts, err);
		else if (!strcmp(a, "new"))
			ret = route(r, at, "get", &b2, path, "/new", "", ctrl, i, ropts, err);
		else if (!strcmp(a, "edit")) {
			mx_buf_reset(&b2);
			mx_buf_addf(&b2, "%s%s%s/edit", path, sep, idp);
			ret = pr_scope_route_path(r, at, PR_MATCH, verb_atom(r, "get"), b2.buf,
			                          ctrl, pr_atom(r, (unsigned)i, a), ropts, err);
		} else if (!strcmp(a, "create"))
			ret = route(r, at, "post", &b2, path, "", "", ctrl, i, ropts, err);
		else if (!strcmp(a, "delete"))
			ret = route(r, at, "delete", &b2, path, sep, idp, ctrl, i, ropts, err);
		else if (!strcmp(a, "update"))
			ret =
			    route(r, at, "patch", &b2, path, sep, idp, ctrl, i, ropts, err) < 0
			        ? -1
			        : route(r, at, "put", &b2, path, sep, idp, ctrl, i, put_opts, err);
	}
	mx_buf_release(&b2);
	if (ret < 0)
		return -1;
	if (!c->do_block)
		return 0;

	/* scope(resource.member, do: nested): path, as, alias. */
	const struct mx_term *alias = mx_term_kw_get(opts, "alias");
	struct mx_term *mopts = pr_kw(r, "path", mx_term_string(r->a, member), "as", as, "alias",
	                              alias ? (struct mx_term *)alias : mx_term_nil(r->a));
	if (pr_scope_push(r, mopts, at, err) < 0)
		return -1;
	ret = mx_eval_block(ev, c->do_block, NULL, err);
	pr_scope_pop(r);
	return ret;
}
