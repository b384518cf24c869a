/*
 * info: --info URL (see info.h). Matching follows Plug.Router.Utils'
 * path patterns: ":name" takes one segment, "pre:name" a segment starting
 * with "pre", "*name" the rest; a forward matches its path and below.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exs/ast.h"
#include "fsutil.h"
#include "info.h"
#include "project/locate.h"

/* The next non-empty segment of *p, as String.split(path, "/") without the
 * empty ones. */
static bool next_seg(const char **p, const char **s, size_t *n)
{
	while (**p == '/')
		(*p)++;
	if (!**p)
		return false;
	*s = *p;
	while (**p && **p != '/')
		(*p)++;
	*n = (size_t)(*p - *s);
	return true;
}

bool pr_path_matches(const struct pr_route *r, const char *path)
{
	const char *pp = r->path, *up = path, *ps, *us;
	size_t pn, un;
	for (;;) {
		bool hp = next_seg(&pp, &ps, &pn);
		if (hp && *ps == '*')
			return true;
		bool hu = next_seg(&up, &us, &un);
		if (!hp)
			return !hu || r->kind == PR_FORWARD;
		if (!hu)
			return false;
		const char *colon = memchr(ps, ':', pn);
		size_t fixed = colon ? (size_t)(colon - ps) : pn;
		if (colon ? (un < fixed || memcmp(ps, us, fixed))
		          : (un != pn || memcmp(ps, us, pn)))
			return false;
	}
}

/* Whether n is `def name(...)` (a guard allowed); ctx is the name. */
static bool is_def_of(const struct mx_ast *n, const void *ctx)
{
	const char *name = ctx;
	if (n->kind != MX_AST_CALL || n->u.call.target || !n->u.call.name ||
	    strcmp(n->u.call.name, "def") || !n->u.call.nargs)
		return false;
	const struct mx_ast *h = n->u.call.args[0];
	if (h->kind == MX_AST_OP && !strcmp(h->u.op.op, "when"))
		h = h->u.op.left;
	if (h->kind == MX_AST_VAR)
		return !strcmp(h->u.name.name, name);
	return h->kind == MX_AST_CALL && !h->u.call.target && h->u.call.name &&
	       !strcmp(h->u.call.name, name);
}

/* Where module lives: the project's sources, then deps/; its text too. */
static bool locate(const struct mx_project *p, const char *module, struct mx_buf *path,
                   struct mx_buf *text)
{
	if (mx_project_locate_module(p, module, path, text))
		return true;
	struct mx_strvec deps = MX_STRVEC_INIT;
	bool found = false;
	if (mx_fs_list("deps", 0, &deps, NULL) == 0) {
		for (size_t i = 0; !found && i < deps.n; i++) {
			struct mx_buf lib = MX_BUF_INIT;
			mx_buf_addf(&lib, "deps/%s/lib", deps.v[i]);
			struct mx_project q = *p;
			q.elixirc_paths = (struct mx_strvec)MX_STRVEC_INIT;
			mx_strvec_push(&q.elixirc_paths, lib.buf);
			found = mx_fs_is_dir(lib.buf) && mx_project_locate_module(&q, module, path, text);
			mx_strvec_clear(&q.elixirc_paths);
			mx_buf_release(&lib);
		}
	}
	mx_strvec_clear(&deps);
	return found;
}

int pr_info(const struct pr_table *t, const struct mx_project *p, const char *router,
            const char *url, const char *method, struct mx_buf *out, struct mx_err *err)
{
	/* URI.parse(url).path: after "scheme://authority", before ? and #. */
	const char *s = url, *e;
	const char *sch = strstr(url, "://");
	if (sch) {
		s = strchr(sch + 3, '/');
		if (!s)
			s = "";
	}
	e = s + strcspn(s, "?#");
	char *path = mx_xstrndup(s, (size_t)(e - s));
	const char *verb = method ? method : "get";
	const struct pr_route *hit = NULL;

	for (size_t i = 0; !hit && i < t->n; i++) {
		const struct pr_route *r = &t->routes[i];
		if ((strcmp(r->verb, "*") && strcasecmp(r->verb, verb)) || r->host_only ||
		    !pr_path_matches(r, path))
			continue;
		hit = r;
	}
	if (!hit) {
		char up[64];
		size_t k;
		for (k = 0; verb[k] && k < sizeof(up) - 1; k++)
			up[k] = (char)((verb[k] >= 'a' && verb[k] <= 'z') ? verb[k] - 32 : verb[k]);
		up[k] = '\0';
		mx_err_set(err, MX_ERR_OTHER, "no route found for %s %s (%s)", up,
		           *path ? path : "/", router);
		free(path);
		return -1;
	}
	free(path);

	/* {log_module, log_function} for live routes (LiveView 1.0 sets no
	 * log_function), {plug, plug_opts} for the rest. */
	bool live = mx_term_is_atom(hit->plug, "Elixir.Phoenix.LiveView.Plug");
	const struct mx_term *mod = live ? hit->log_module : hit->plug;
	const struct mx_term *fun = live ? NULL : hit->plug_opts;
	mx_buf_adds(out, "Module: ");
	mx_term_inspect(mod, out);
	mx_buf_addch(out, '\n');
	if (fun && !mx_term_is_nil(fun)) {
		mx_buf_adds(out, "Function: ");
		mx_term_inspect(fun, out);
		mx_buf_addch(out, '\n');
	}
	struct mx_buf file = MX_BUF_INIT, text = MX_BUF_INIT;
	const char *name = mx_term_alias_name(mod);
	unsigned line = 0;
	if (locate(p, name, &file, &text)) {
		struct mx_arena a = MX_ARENA_INIT;
		struct mx_ast *ast;
		const struct mx_ast *def = NULL;
		if (fun && fun->type == MX_TERM_ATOM &&
		    mx_exs_parse(&a, file.buf, text.buf ? text.buf : "", text.len, &ast, NULL) == 0)
			def = mx_ast_find(ast, is_def_of, fun->u.atom.name);
		line = def ? def->line : 0;
		mx_arena_release(&a);
		mx_buf_adds(out, file.buf);
	} else {
		mx_buf_addf(out, "%s (source not found)", name);
	}
	if (line)
		mx_buf_addf(out, ":%u", line);
	mx_buf_addch(out, '\n');
	mx_buf_release(&file);
	mx_buf_release(&text);
	return 0;
}
