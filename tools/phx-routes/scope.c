/*
 * scope: Phoenix.Router.Scope (1.7.24) - the stack of scopes and how a
 * route's path, module and helper name are joined to the scope around it.
 */
#include <stdarg.h>
#include <string.h>

#include "project/inflect.h"
#include "router_int.h"

const char *pr_inspect(struct pr_reader *r, const struct mx_term *t)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(t, &b);
	const char *s = mx_arena_strndup(r->a, b.buf ? b.buf : "", b.len);
	mx_buf_release(&b);
	return s;
}

int pr_fail(struct pr_reader *r, const struct mx_ast *at, struct mx_err *err, const char *fmt, ...)
{
	char msg[1536];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (at)
		return mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col, "%s", msg);
	return mx_err_at(err, MX_ERR_EVAL, r->file, 0, 0, "%s", msg);
}

struct mx_term *pr_kw(struct pr_reader *r, const char *k1, struct mx_term *v1, const char *k2,
                      struct mx_term *v2, const char *k3, struct mx_term *v3)
{
	struct mx_term *items[3];
	size_t n = 0;
	const char *keys[3] = {k1, k2, k3};
	struct mx_term *vals[3] = {v1, v2, v3};
	for (size_t i = 0; i < 3; i++)
		if (keys[i])
			items[n++] = mx_term_tuple2(r->a, mx_term_atom(r->a, keys[i]), vals[i]);
	return mx_term_list(r->a, items, n);
}

struct mx_term *pr_kw_put(struct pr_reader *r, const struct mx_term *kw, const char *key,
                          struct mx_term *val)
{
	return mx_term_kw_put(r->a, kw, mx_term_atom(r->a, key), val);
}

void pr_scope_init(struct pr_reader *r)
{
	r->top = MX_ARENA_NEW(r->a, struct pr_scope);
	r->top->prefix = "";
	r->top->as_prefix = "";
}

struct mx_term *pr_atom(struct pr_reader *r, unsigned i, const char *name)
{
	if (!r->atoms[i])
		r->atoms[i] = mx_term_atom(r->a, name);
	return r->atoms[i];
}

/* Appends "/seg" for each non-empty segment of path, as
 * String.split(path, "/", trim: true) would give them. */
static void add_segments(struct mx_buf *b, const char *path)
{
	for (const char *p = path; *p;) {
		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len) {
			mx_buf_addch(b, '/');
			mx_buf_add(b, p, len);
		}
		p += len + (e != NULL);
	}
}

const char *pr_scope_validate_path(struct pr_reader *r, const struct mx_term *path,
                                   const struct mx_ast *at, struct mx_err *err)
{
	if (!path || path->type != MX_TERM_BINARY) {
		pr_fail(r, at, err, "router paths must be strings, got: %s",
		        path ? pr_inspect(r, path) : "a value that is not a constant");
		return NULL;
	}
	if (path->u.bin.len && path->u.bin.data[0] == '/')
		return path->u.bin.data;
	/* Phoenix warns (IO.warn) and goes on with the slash added. */
	if (r->warnings)
		mx_strvec_pushf(r->warnings,
		                "%s:%u: warning: router paths should begin with a forward slash, "
		                "got: %s",
		                at ? at->file : r->file, at ? at->line : 0, pr_inspect(r, path));
	size_t n = path->u.bin.len;
	char *s = mx_arena_alloc(r->a, n + 2);
	s[0] = '/';
	if (n)
		memcpy(s + 1, path->u.bin.data, n);
	return s;
}

static const char **append(struct pr_reader *r, const char **v, size_t n, const char *s)
{
	const char **w = MX_ARENA_NEWN(r->a, const char *, n + 1);
	if (n)
		memcpy(w, v, n * sizeof(*w));
	w[n] = s;
	return w;
}

/* Atom.to_string / to_string of an atom or string, without "Elixir.". */
static const char *alias_seg(const struct mx_term *t)
{
	return mx_term_alias_name(t);
}

static int term_to_string(struct pr_reader *r, const struct mx_term *t, const char **out)
{
	struct mx_buf b = MX_BUF_INIT;
	if (mx_term_to_string(t, &b) < 0) {
		mx_buf_release(&b);
		return -1;
	}
	*out = mx_arena_strndup(r->a, b.buf ? b.buf : "", b.len);
	mx_buf_release(&b);
	return 0;
}

/* Whether :host patterns leave out the empty host: a string other than
 * "", or a non-empty list without "" (nil and [] match any host). */
static bool host_only(const struct mx_term *v)
{
	if (v->type == MX_TERM_BINARY)
		return v->u.bin.len > 0;
	if (v->type != MX_TERM_LIST || !v->u.list.n)
		return false;
	for (size_t i = 0; i < v->u.list.n; i++)
		if (mx_term_is_string(v->u.list.items[i], ""))
			return false;
	return true;
}

int pr_scope_push(struct pr_reader *r, const struct mx_term *opts, const struct mx_ast *at,
                  struct mx_err *err)
{
	struct pr_scope *top = r->top, *s = MX_ARENA_NEW(r->a, struct pr_scope);
	const struct mx_term *v;

	*s = *top;
	s->up = top;
	v = mx_term_kw_get(opts, "path");
	if (v && mx_term_truthy(v)) {
		const char *path = pr_scope_validate_path(r, v, at, err);
		if (!path)
			return -1;
		mx_buf_reset(&r->scratch);
		mx_buf_adds(&r->scratch, top->prefix);
		add_segments(&r->scratch, path);
		s->prefix =
		    mx_arena_strndup(r->a, r->scratch.buf ? r->scratch.buf : "", r->scratch.len);
	}
	/* append_unless_false/4: false resets, nil inherits, else appends. */
	v = mx_term_kw_get(opts, "alias");
	if (v && mx_term_is_atom(v, "false")) {
		s->nalias = 0;
	} else if (v && !mx_term_is_nil(v)) {
		if (v->type != MX_TERM_ATOM)
			return pr_fail(r, at, err, "scope expects :alias to be a module, got: %s",
			               pr_inspect(r, v));
		s->alias = append(r, top->alias, top->nalias, alias_seg(v));
		s->nalias = top->nalias + 1;
	}
	v = mx_term_kw_get(opts, "as");
	if (v && mx_term_is_atom(v, "false")) {
		s->nas = 0;
		s->as_prefix = "";
	} else if (v && !mx_term_is_nil(v)) {
		const char *as;
		if (term_to_string(r, v, &as) < 0 ||
		    (v->type != MX_TERM_ATOM && v->type != MX_TERM_BINARY))
			return pr_fail(r, at, err,
			               "scope expects :as to be an atom or a string, got: %s",
			               pr_inspect(r, v));
		s->as = append(r, top->as, top->nas, as);
		s->nas = top->nas + 1;
		mx_buf_reset(&r->scratch);
		mx_buf_addf(&r->scratch, "%s%s_", top->as_prefix, as);
		s->as_prefix = mx_arena_strndup(r->a, r->scratch.buf, r->scratch.len);
	}
	v = mx_term_kw_get(opts, "host");
	if (v)
		s->host_only = host_only(v);
	if (v && !mx_term_is_nil(v) && v->type != MX_TERM_BINARY) {
		bool ok = v->type == MX_TERM_LIST;
		for (size_t i = 0; ok && i < v->u.list.n; i++)
			ok = v->u.list.items[i]->type == MX_TERM_BINARY;
		if (!ok)
			return pr_fail(
			    r, at, err,
			    "expected router scope :host to be compile-time string or list "
			    "of strings, got: %s",
			    pr_inspect(r, v));
	}
	r->top = s;
	return 0;
}

void pr_scope_pop(struct pr_reader *r)
{
	if (r->top->up)
		r->top = r->top->up;
}

/* Module.concat/1: segments joined by dots, each without "Elixir.". */
static const struct mx_term *concat(struct pr_reader *r, const char **segs, size_t n,
                                    const char *last)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_adds(&b, "Elixir");
	for (size_t i = 0; i <= n; i++) {
		const char *s = i < n ? segs[i] : last;
		if (!strncmp(s, "Elixir.", 7))
			s += 7;
		if (!strcmp(s, "Elixir") || !*s)
			continue;
		mx_buf_addch(&b, '.');
		mx_buf_adds(&b, s);
	}
	const struct mx_term *t = mx_term_atom(r->a, b.buf);
	mx_buf_release(&b);
	return t;
}

const struct mx_term *pr_scope_join_alias(struct pr_reader *r, const struct mx_term *mod)
{
	const char *name = mod->u.atom.name;
	if (*name >= 'a' && *name <= 'z')
		return mod;
	if (r->alias_scope == r->top && r->alias_in && !strcmp(r->alias_in, name))
		return r->alias_out;
	r->alias_scope = r->top;
	r->alias_in = name;
	r->alias_out = concat(r, r->top->alias, r->top->nalias, name);
	return r->alias_out;
}

/* join_path/2: "/" <> Enum.join(top.path ++ split(path), "/"). */
static const char *join_path(struct pr_reader *r, const char *path)
{
	mx_buf_reset(&r->scratch);
	mx_buf_adds(&r->scratch, r->top->prefix);
	add_segments(&r->scratch, path);
	if (!r->scratch.len)
		return "/";
	return mx_arena_strndup(r->a, r->scratch.buf, r->scratch.len);
}

/* The verb as printed; the HTTP verbs without an allocation. */
static const char *upcase(struct pr_reader *r, const char *s)
{
	static const char *const known[][2] = {
	    {"get", "GET"},         {"post", "POST"},
	    {"put", "PUT"},         {"patch", "PATCH"},
	    {"delete", "DELETE"},   {"options", "OPTIONS"},
	    {"connect", "CONNECT"}, {"trace", "TRACE"},
	    {"head", "HEAD"},       {"*", "*"},
	};
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (!strcmp(s, known[i][0]))
			return known[i][1];
	char *u = mx_arena_strdup(r->a, s);
	for (char *p = u; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return u;
}

int pr_scope_route(struct pr_reader *r, const struct mx_ast *at, enum pr_kind kind,
                   const struct mx_term *verb, const struct mx_term *path,
                   const struct mx_term *plug, const struct mx_term *plug_opts,
                   const struct mx_term *opts, struct mx_err *err)
{
	if (!plug || plug->type != MX_TERM_ATOM)
		return pr_fail(r, at, err,
		               "routes expect a module plug as second argument, got: %s",
		               plug ? pr_inspect(r, plug) : "a value that is not a constant");
	if (!verb || verb->type != MX_TERM_ATOM)
		return pr_fail(r, at, err, "match expects the verb as an atom, got: %s",
		               verb ? pr_inspect(r, verb) : "a value that is not a constant");
	if (opts && !mx_term_is_keyword(opts))
		return pr_fail(r, at, err,
		               "expected the route options to be a keyword list, got: %s",
		               pr_inspect(r, opts));
	const char *p = pr_scope_validate_path(r, path, at, err);
	if (!p)
		return -1;
	return pr_scope_route_path(r, at, kind, verb, p, plug, plug_opts, opts, err);
}

int pr_scope_route_path(struct pr_reader *r, const struct mx_ast *at, enum pr_kind kind,
                        const struct mx_term *verb, const char *p, const struct mx_term *plug,
                        const struct mx_term *plug_opts, const struct mx_term *opts,
                        struct mx_err *err)
{
	/* as: Keyword.get_lazy(opts, :as, resource_name(plug, "Controller")) */
	const struct mx_term *as_t = mx_term_kw_get(opts, "as");
	const char *as = NULL;
	if (as_t) {
		if (!mx_term_is_nil(as_t) && term_to_string(r, as_t, &as) < 0)
			return pr_fail(r, at, err,
			               "expected :as to be an atom or a string, got: %s",
			               pr_inspect(r, as_t));
	} else {
		/* resource_name/2 goes through Module.split/1, which takes
		 * only Elixir modules. */
		if (strncmp(plug->u.atom.name, "Elixir.", 7))
			return pr_fail(r, at, err, "expected an Elixir module, got: \"%s\"",
			               plug->u.atom.name);
		struct mx_buf b = MX_BUF_INIT;
		mx_inflect_resource_name(plug->u.atom.name, "Controller", &b);
		as = mx_arena_strndup(r->a, b.buf ? b.buf : "", b.len);
		mx_buf_release(&b);
	}
	if (as && !strcmp(as, "static"))
		return pr_fail(
		    r, at, err,
		    "`static` is a reserved route prefix generated from %s or `:as` option",
		    pr_inspect(r, plug));

	const struct mx_term *alias_opt = mx_term_kw_get(opts, "alias");
	bool alias_p = !alias_opt || mx_term_truthy(alias_opt);

	struct pr_route *rt = pr_table_add(r->t);
	rt->kind = kind;
	rt->verb = upcase(r, verb->u.atom.name);
	rt->path = join_path(r, p);
	rt->plug = alias_p ? pr_scope_join_alias(r, plug) : plug;
	rt->plug_opts = plug_opts;
	rt->host_only = r->top->host_only;
	rt->file = at->file;
	rt->line = at->line;
	if (as) {
		/* join_as/2: Enum.join(top.as ++ [as], "_") */
		if (r->helper_scope != r->top || strcmp(r->helper_as, as)) {
			mx_buf_reset(&r->scratch);
			mx_buf_adds(&r->scratch, r->top->as_prefix);
			mx_buf_adds(&r->scratch, as);
			r->helper_scope = r->top;
			r->helper_as = as;
			r->helper_out = mx_arena_strndup(r->a, r->scratch.buf, r->scratch.len);
		}
		rt->helper = r->helper_out;
	}
	const struct mx_term *meta = mx_term_kw_get(opts, "metadata");
	const struct mx_term *lm =
	    meta && meta->type == MX_TERM_MAP ? mx_term_map_get_atom(meta, "log_module") : NULL;
	rt->log_module = lm && mx_term_truthy(lm) ? lm : rt->plug;
	rt->action = plug_opts;
	return 0;
}
