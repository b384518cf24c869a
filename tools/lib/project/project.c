/*
 * project: root discovery, mix.exs, and the config accessors tools use.
 */
#include "project.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exs/ast.h"
#include "exs/eval.h"
#include "fsutil.h"
#include "inflect.h"

/* ---- Root ------------------------------------------------------------------ */

static void absolute(const char *path, struct mx_buf *out)
{
	struct mx_buf tmp = MX_BUF_INIT;
	if (path[0] != '/') {
		char cwd[4096];
		if (getcwd(cwd, sizeof(cwd)))
			mx_buf_adds(&tmp, cwd);
		mx_buf_addch(&tmp, '/');
	}
	mx_buf_adds(&tmp, path);
	mx_path_normalize(out, tmp.buf);
	mx_buf_release(&tmp);
}

int mx_project_find_root(const char *start, struct mx_buf *out, struct mx_err *err)
{
	struct mx_buf dir = MX_BUF_INIT, probe = MX_BUF_INIT;
	int ret = -1;
	absolute(start ? start : ".", &dir);
	if (start) {
		mx_path_join(&probe, dir.buf, "mix.exs");
		if (!mx_fs_is_file(probe.buf)) {
			mx_err_set(err, MX_ERR_CONFIG, "could not find a mix.exs in '%s'", start);
			goto out;
		}
		mx_buf_add(out, dir.buf, dir.len);
		ret = 0;
		goto out;
	}
	for (;;) {
		mx_buf_reset(&probe);
		mx_path_join(&probe, dir.buf, "mix.exs");
		if (mx_fs_is_file(probe.buf)) {
			mx_buf_add(out, dir.buf, dir.len);
			ret = 0;
			goto out;
		}
		char *slash = strrchr(dir.buf, '/');
		if (!slash || dir.len <= 1)
			break;
		mx_buf_setlen(&dir, slash == dir.buf ? 1 : (size_t)(slash - dir.buf));
	}
	/* Mix.NoProjectError's message, as mix prints it. */
	mx_err_set(err, MX_ERR_CONFIG,
	           "Could not find a Mix.Project, please ensure you are running Mix in a "
	           "directory with a mix.exs file");
out:
	mx_buf_release(&dir);
	mx_buf_release(&probe);
	return ret;
}

void mx_project_path(const struct mx_project *p, const char *rel, struct mx_buf *out)
{
	mx_path_join(out, p->root, rel);
}

/* ---- mix.exs ----------------------------------------------------------------- */

static char *str_of(const struct mx_term *t)
{
	if (!t)
		return NULL;
	if (t->type == MX_TERM_BINARY)
		return mx_xstrndup(t->u.bin.data, t->u.bin.len);
	if (t->type == MX_TERM_ATOM && !mx_term_is_nil(t))
		return mx_xstrdup(t->u.atom.name);
	return NULL;
}

/*
 * When project/0 as a whole cannot run (one value calls something we do not
 * model, `releases: releases()`), and its body is a keyword list literal,
 * each value is evaluated alone and those that fail are left out; :app must
 * still evaluate. The first failure is kept in p->mix_exs_err so a tool can
 * mention it. On success err is cleared.
 */
static int project_by_key(struct mx_project *p, struct mx_eval *ev, struct mx_eval_module *m,
                          struct mx_term **kw, struct mx_err *err)
{
	const struct mx_ast *body = mx_eval_module_body(m, "project", 0);
	if (body && body->kind == MX_AST_BLOCK && body->u.list.n)
		body = body->u.list.items[body->u.list.n - 1];
	if (!body || body->kind != MX_AST_LIST)
		return -1;
	struct mx_term **items = MX_ARENA_NEWN(&p->arena, struct mx_term *, body->u.list.n + 1);
	size_t n = 0;
	for (size_t i = 0; i < body->u.list.n; i++) {
		const struct mx_ast *kwn = body->u.list.items[i];
		if (kwn->kind != MX_AST_KW || kwn->u.pair.key->kind != MX_AST_ATOM)
			return -1;
		struct mx_term *v;
		struct mx_err e = MX_ERR_INIT;
		if (mx_eval_expr_in(ev, m, kwn->u.pair.value, &v, &e) < 0) {
			if (mx_ast_is_atom(kwn->u.pair.key, "app"))
				return -1;
			continue;
		}
		items[n++] = mx_term_tuple2(
		    &p->arena, mx_term_atom(&p->arena, kwn->u.pair.key->u.name.name), v);
	}
	p->mix_exs_err = *err;
	p->mix_exs_partial = true;
	mx_err_clear(err);
	*kw = mx_term_list(&p->arena, items, n);
	return 0;
}

/* The Application.*_env rows of mx_project_eval_init: ctx is the project. */
static int app_env(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **res,
                   void *ctx, struct mx_err *err)
{
	return mx_project_eval_host(ctx, ev->arena, call, res, err);
}

static const struct mx_eval_builtin app_env_rows[] = {
    {"Application", "compile_env", 2, app_env},  {"Application", "compile_env", 3, app_env},
    {"Application", "compile_env!", 2, app_env}, {"Application", "fetch_env", 2, app_env},
    {"Application", "fetch_env!", 2, app_env},   {"Application", "get_env", 2, app_env},
    {"Application", "get_env", 3, app_env},
};

void mx_project_eval_init(const struct mx_project *p, struct mx_eval *ev, struct mx_arena *a)
{
	mx_eval_init(ev, a);
	if (!p)
		return;
	ev->mix_env = p->env;
	ev->mix_target = p->target;
	ev->cwd = p->root;
	/* Until the config is read (mix.exs itself), these pass the call on. */
	mx_eval_add_builtins(ev, app_env_rows, sizeof(app_env_rows) / sizeof(app_env_rows[0]),
	                     (void *)p);
}

/* The applications Mix has loaded when the project's code runs: its own,
 * its deps (mix.lock's, which include the transitive ones), and Elixir's
 * and Erlang's that every Phoenix app loads. */
static void set_loaded_apps(struct mx_project *p)
{
	static const char *const std[] = {"asn1",       "compiler",      "crypto", "eex",
	                                  "elixir",     "kernel",        "logger", "mix",
	                                  "public_key", "runtime_tools", "ssl",    "stdlib"};
	struct mx_strvec *v = &p->config.loaded_apps;
	if (p->app)
		mx_strvec_push(v, p->app);
	for (size_t i = 0; i < p->deps.n; i++)
		mx_strvec_push(v, p->deps.v[i]);
	for (size_t i = 0; i < p->lock_deps.n; i++)
		mx_strvec_push(v, p->lock_deps.v[i]);
	for (size_t i = 0; i < sizeof(std) / sizeof(std[0]); i++)
		mx_strvec_push(v, std[i]);
	p->config.loaded_apps_known = true;
}

static int load_mix_exs(struct mx_project *p, struct mx_err *err)
{
	struct mx_buf src = MX_BUF_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *kw = NULL;
	int ret = -1;
	mx_project_eval_init(p, &ev, &p->arena);
	const char *file = mx_arena_strdup(&p->arena, p->mix_exs);
	if (mx_fs_read(p->mix_exs, &src, err) < 0)
		goto out;
	if (mx_exs_parse(&p->arena, file, src.buf, src.len, &ast, err) < 0)
		goto out;
	if (mx_eval_file(&ev, ast, NULL, err) < 0)
		goto out;
	struct mx_eval_module *m = NULL;
	for (size_t i = 0; (m = mx_eval_module_at(&ev, i)); i++)
		if (mx_eval_module_has(m, "project", 0, NULL))
			break;
	if (!m) {
		mx_err_at(err, MX_ERR_CONFIG, file, 1, 1,
		          "mix.exs does not define a module with project/0");
		goto out;
	}
	if (mx_eval_call_function(&ev, m, "project", NULL, 0, &kw, err) < 0 &&
	    project_by_key(p, &ev, m, &kw, err) < 0)
		goto out;
	if (!mx_term_is_keyword(kw)) {
		const struct mx_ast *at = mx_eval_module_node(m);
		mx_err_at(err, MX_ERR_CONFIG, file, at->line, at->col,
		          "project/0 must return a keyword list");
		goto out;
	}
	p->project_kw = kw;
	const struct mx_term *app = mx_term_kw_get(kw, "app");
	if (app && app->type == MX_TERM_ATOM && !mx_term_is_nil(app))
		p->app = mx_xstrdup(app->u.atom.name);
	p->version = str_of(mx_term_kw_get(kw, "version"));
	const struct mx_term *apps = mx_term_kw_get(kw, "apps_path");
	if (apps && apps->type == MX_TERM_BINARY) {
		p->umbrella = true;
		p->apps_path = str_of(apps);
	}
	const struct mx_term *paths = mx_term_kw_get(kw, "elixirc_paths");
	if (paths && paths->type == MX_TERM_LIST) {
		for (size_t i = 0; i < paths->u.list.n; i++) {
			char *s = str_of(paths->u.list.items[i]);
			if (s)
				mx_strvec_push_owned(&p->elixirc_paths, s);
		}
	} else {
		mx_strvec_push(&p->elixirc_paths, "lib");
	}
	const struct mx_term *deps = mx_term_kw_get(kw, "deps");
	if (deps && deps->type == MX_TERM_LIST) {
		for (size_t i = 0; i < deps->u.list.n; i++) {
			const struct mx_term *d = deps->u.list.items[i];
			if (d->type == MX_TERM_TUPLE && d->u.tuple.n >= 1 &&
			    d->u.tuple.items[0]->type == MX_TERM_ATOM)
				mx_strvec_push(&p->deps, d->u.tuple.items[0]->u.atom.name);
		}
	}
	if (!p->app && !p->umbrella) {
		mx_err_at(err, MX_ERR_CONFIG, file, 1, 1,
		          "mix.exs: project/0 has no :app (and no :apps_path)");
		goto out;
	}
	ret = 0;
out:
	mx_eval_release(&ev);
	mx_buf_release(&src);
	return ret;
}

/* ---- Load -------------------------------------------------------------------- */

static int load_config(struct mx_project *p, const struct mx_project_opts *o, struct mx_err *err)
{
	struct mx_buf path = MX_BUF_INIT;
	int ret = -1;
	mx_config_init(&p->config, &p->arena, p->env, p->target);
	p->config_loaded = true;
	set_loaded_apps(p);
	p->config.isolated_env = o->isolated_env;
	p->config.cwd = p->root;
	for (size_t i = 0; o->setenv && o->setenv[i]; i++)
		mx_strvec_push(&p->config.setenv, o->setenv[i]);
	const struct mx_term *cp = mx_term_kw_get(p->project_kw, "config_path");
	struct mx_buf joined = MX_BUF_INIT;
	mx_project_path(p, cp && cp->type == MX_TERM_BINARY ? cp->u.bin.data : "config/config.exs",
	                &joined);
	mx_path_normalize(&path, joined.buf);
	mx_buf_release(&joined);
	if (mx_fs_is_file(path.buf) && mx_config_eval_file(&p->config, path.buf, true, err) < 0)
		goto out;
	if (!o->no_runtime) {
		mx_buf_reset(&path);
		mx_project_path(p, "config/runtime.exs", &path);
		if (mx_fs_is_file(path.buf) &&
		    mx_config_eval_file(&p->config, path.buf, false, err) < 0)
			goto out;
	}
	ret = 0;
out:
	mx_buf_release(&path);
	return ret;
}

static void set_paths(struct mx_project *p)
{
	struct mx_buf b = MX_BUF_INIT;
	const struct mx_term *ns =
	    p->config_loaded ? mx_config_get(&p->config, p->app, "namespace") : NULL;
	if (ns && ns->type == MX_TERM_ATOM && !mx_term_is_nil(ns))
		mx_buf_adds(&b, mx_term_alias_name(ns));
	else
		mx_inflect_camelize(p->app, &b);
	p->base = mx_buf_detach(&b, NULL);
	mx_inflect_web_module(p->base, &b);
	p->web = mx_buf_detach(&b, NULL);
	mx_buf_addf(&b, "lib/%s", p->app);
	p->lib_path = mx_buf_detach(&b, NULL);
	mx_buf_addf(&b, "lib/%s_web", p->app);
	p->web_path = mx_buf_detach(&b, NULL);
	mx_buf_addf(&b, "test/%s", p->app);
	p->test_path = mx_buf_detach(&b, NULL);
	mx_buf_addf(&b, "test/%s_web", p->app);
	p->web_test_path = mx_buf_detach(&b, NULL);
	p->static_path = mx_xstrdup("priv/static");
}

/* MIX_ENV and MIX_TARGET, read once, here. */
static void set_env(struct mx_project *p, const struct mx_project_opts *o)
{
	const char *env = o->env ? o->env : getenv("MIX_ENV");
	const char *target = o->target ? o->target : getenv("MIX_TARGET");
	p->env = mx_xstrdup(env && *env ? env : "dev");
	p->target = mx_xstrdup(target && *target ? target : "host");
}

int mx_project_load(struct mx_project *p, const struct mx_project_opts *o, struct mx_err *err)
{
	static const struct mx_project_opts none;
	struct mx_buf root = MX_BUF_INIT;
	if (!o)
		o = &none;
	p->elixirc_paths = (struct mx_strvec)MX_STRVEC_INIT;
	p->deps = (struct mx_strvec)MX_STRVEC_INIT;
	p->lock_deps = (struct mx_strvec)MX_STRVEC_INIT;
	if (mx_project_find_root(o->dir, &root, err) < 0) {
		mx_buf_release(&root);
		return -1;
	}
	p->root = mx_buf_detach(&root, NULL);
	mx_path_join(&root, p->root, "mix.exs");
	p->mix_exs = mx_buf_detach(&root, NULL);
	set_env(p, o);
	if (load_mix_exs(p, err) < 0)
		return -1;
	/* A lock the reader cannot read leaves the defaults (the newest
	 * behaviour); the error stays for those who ask. */
	if (mx_project_read_lock(p, &p->lock_err) < 0)
		p->lock = NULL;
	if (!o->no_config && load_config(p, o, err) < 0)
		return -1;
	if (p->app)
		set_paths(p);
	return 0;
}

int mx_project_load_config(struct mx_project *p, const struct mx_project_opts *o,
                           struct mx_err *err)
{
	static const struct mx_project_opts none;
	if (p->config_loaded)
		return 0;
	if (load_config(p, o ? o : &none, err) < 0)
		return -1;
	if (!p->app)
		return 0;
	/* the config may name a namespace: the paths follow the base */
	char **derived[] = {&p->base,      &p->web,           &p->lib_path,   &p->web_path,
	                    &p->test_path, &p->web_test_path, &p->static_path};
	for (size_t i = 0; i < sizeof(derived) / sizeof(*derived); i++) {
		free(*derived[i]);
		*derived[i] = NULL;
	}
	set_paths(p);
	return 0;
}

int mx_project_enter(struct mx_project *p, const struct mx_project_opts *o, struct mx_err *err)
{
	struct mx_project_opts at = *o;
	struct mx_buf root = MX_BUF_INIT;
	struct stat st;
	int ret = -1;

	/* git -C's words, for every tool, whether or not it changes there */
	if (o->dir && stat(o->dir, &st) < 0)
		return mx_err_errno(err, "cannot change to", o->dir);
	if (o->dir && !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return mx_err_errno(err, "cannot change to", o->dir);
	}
	mx_err_clear(&p->missing);
	if (mx_project_find_root(o->dir, &root, &p->missing) < 0) {
		if (!o->gently) {
			*err = p->missing;
			goto out;
		}
		mx_buf_reset(&root);
		absolute(o->dir ? o->dir : ".", &root);
		p->root = mx_buf_detach(&root, NULL);
		set_env(p, o);
	} else {
		p->found = true;
		at.dir = root.buf;
	}
	const char *to = o->dir ? o->dir : p->found ? root.buf : p->root;
	if (o->chdir && chdir(to) < 0) {
		mx_err_errno(err, "cannot change to", to);
		goto out;
	}
	ret = p->found ? mx_project_load(p, &at, err) : 0;
out:
	mx_buf_release(&root);
	return ret;
}

void mx_project_release(struct mx_project *p)
{
	if (!p)
		return;
	free(p->root);
	free(p->mix_exs);
	free(p->env);
	free(p->target);
	free(p->app);
	free(p->version);
	free(p->apps_path);
	free(p->base);
	free(p->web);
	free(p->lib_path);
	free(p->web_path);
	free(p->test_path);
	free(p->web_test_path);
	free(p->static_path);
	mx_strvec_clear(&p->elixirc_paths);
	mx_strvec_clear(&p->deps);
	mx_strvec_clear(&p->lock_deps);
	if (p->config_loaded)
		mx_config_release(&p->config);
	mx_arena_release(&p->arena);
	memset(p, 0, sizeof(*p));
}

/* ---- Access -------------------------------------------------------------------- */

/* "Hello.Repo" -> "Elixir.Hello.Repo"; atom names stay. Into buf. */
static const char *key_name(const char *key, struct mx_buf *buf)
{
	mx_buf_reset(buf);
	if (key[0] >= 'A' && key[0] <= 'Z' && strncmp(key, "Elixir.", 7))
		mx_buf_addf(buf, "Elixir.%s", key);
	else
		mx_buf_adds(buf, key);
	return buf->buf;
}

static const struct mx_term *lookup(const struct mx_term *t, const char *key)
{
	if (!t)
		return NULL;
	if (t->type == MX_TERM_LIST)
		return mx_term_kw_get(t, key);
	if (t->type == MX_TERM_MAP)
		return mx_term_map_get_atom(t, key);
	return NULL;
}

const struct mx_term *mx_project_get(const struct mx_project *p, const char *app, ...)
{
	if (!p->config_loaded || !app)
		return NULL;
	struct mx_buf k = MX_BUF_INIT;
	const struct mx_term *t = mx_config_app(&p->config, app);
	va_list ap;
	va_start(ap, app);
	const char *key;
	while (t && (key = va_arg(ap, const char *)))
		t = lookup(t, key_name(key, &k));
	va_end(ap);
	mx_buf_release(&k);
	return t;
}

const struct mx_config_loc *mx_project_where(const struct mx_project *p, const char *app,
                                             const char *key)
{
	if (!p->config_loaded)
		return NULL;
	struct mx_buf k = MX_BUF_INIT;
	const struct mx_config_loc *l = mx_config_where(&p->config, app, key_name(key, &k));
	mx_buf_release(&k);
	return l;
}

/* "<file>:<line>:<col>: " error at the config entry for app/key, or a plain
 * message when the value was never set in a file. */
static int config_error(const struct mx_project *p, const char *app, const char *key,
                        struct mx_err *err, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int config_error(const struct mx_project *p, const char *app, const char *key,
                        struct mx_err *err, const char *fmt, ...)
{
	char msg[1500];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	const struct mx_config_loc *l = mx_project_where(p, app, key);
	if (l)
		return mx_err_at(err, MX_ERR_CONFIG, l->file, l->line, l->col, "%s", msg);
	return mx_err_set(err, MX_ERR_CONFIG, "%s", msg);
}

static char *insp(const struct mx_term *t, struct mx_buf *b)
{
	mx_buf_reset(b);
	mx_term_inspect(t, b);
	return b->buf;
}

int mx_project_ecto_repos(const struct mx_project *p, struct mx_strvec *repos, struct mx_err *err)
{
	const struct mx_term *r = mx_project_get(p, p->app, "ecto_repos", NULL);
	if (!r)
		return 0;
	struct mx_buf b = MX_BUF_INIT;
	int ret = 0;
	if (r->type != MX_TERM_LIST) {
		ret = config_error(p, p->app, "ecto_repos", err,
		                   "expected :ecto_repos to be a list of modules, got: %s",
		                   insp(r, &b));
		goto out;
	}
	for (size_t i = 0; i < r->u.list.n; i++) {
		const struct mx_term *m = r->u.list.items[i];
		if (m->type != MX_TERM_ATOM) {
			ret = config_error(p, p->app, "ecto_repos", err,
			                   "expected :ecto_repos to be a list of modules, got: %s",
			                   insp(r, &b));
			goto out;
		}
		mx_strvec_push(repos, mx_term_alias_name(m));
	}
out:
	mx_buf_release(&b);
	return ret;
}

static int want_string(const struct mx_project *p, const char *repo, const char *key,
                       const struct mx_term *kw, const char **dst, struct mx_err *err)
{
	const struct mx_term *v = mx_term_kw_get(kw, key);
	*dst = NULL;
	if (!v || mx_term_is_nil(v))
		return 0;
	if (v->type == MX_TERM_BINARY) {
		*dst = v->u.bin.data;
		return 0;
	}
	struct mx_buf b = MX_BUF_INIT;
	int r = config_error(p, p->app, repo, err, "%s: expected :%s to be a string, got: %s", repo,
	                     key, insp(v, &b));
	mx_buf_release(&b);
	return r;
}

static int want_int(const struct mx_project *p, const char *repo, const char *key,
                    const struct mx_term *kw, int *dst, struct mx_err *err)
{
	const struct mx_term *v = mx_term_kw_get(kw, key);
	*dst = 0;
	if (!v || mx_term_is_nil(v))
		return 0;
	if (v->type == MX_TERM_INT && v->u.i >= 0 && v->u.i <= 0x7fffffff) {
		*dst = (int)v->u.i;
		return 0;
	}
	struct mx_buf b = MX_BUF_INIT;
	int r = config_error(p, p->app, repo, err, "%s: expected :%s to be an integer, got: %s",
	                     repo, key, insp(v, &b));
	mx_buf_release(&b);
	return r;
}

int mx_project_repo_config(const struct mx_project *p, const char *repo, struct mx_repo_config *rc,
                           struct mx_err *err)
{
	memset(rc, 0, sizeof(*rc));
	struct mx_arena *a = (struct mx_arena *)&p->arena;
	rc->repo = mx_arena_strdup(a, repo);
	const struct mx_term *kw = mx_project_get(p, p->app, repo, NULL);
	rc->where = p->app ? mx_project_where(p, p->app, repo) : NULL;
	if (kw && !mx_term_is_keyword(kw)) {
		struct mx_buf b = MX_BUF_INIT;
		int r = config_error(p, p->app, repo, err,
		                     "expected the config of %s to be a keyword list, got: %s",
		                     repo, insp(kw, &b));
		mx_buf_release(&b);
		return r;
	}
	rc->kw = kw;
	const struct mx_term *empty = mx_term_list(a, NULL, 0);
	if (!kw)
		kw = empty;
	if (want_string(p, repo, "url", kw, &rc->url, err) < 0 ||
	    want_string(p, repo, "hostname", kw, &rc->hostname, err) < 0 ||
	    want_string(p, repo, "username", kw, &rc->username, err) < 0 ||
	    want_string(p, repo, "password", kw, &rc->password, err) < 0 ||
	    want_string(p, repo, "database", kw, &rc->database, err) < 0 ||
	    want_string(p, repo, "socket_dir", kw, &rc->socket_dir, err) < 0 ||
	    want_string(p, repo, "priv", kw, &rc->priv, err) < 0 ||
	    want_string(p, repo, "migration_source", kw, &rc->migration_source, err) < 0 ||
	    want_int(p, repo, "port", kw, &rc->port, err) < 0 ||
	    want_int(p, repo, "pool_size", kw, &rc->pool_size, err) < 0)
		return -1;
	const struct mx_term *pre = mx_term_kw_get(kw, "migration_default_prefix");
	if (pre && pre->type == MX_TERM_ATOM && !mx_term_is_nil(pre))
		rc->migration_default_prefix = pre->u.atom.name;
	else if (want_string(p, repo, "migration_default_prefix", kw, &rc->migration_default_prefix,
	                     err) < 0)
		return -1;
	rc->ssl = mx_term_kw_get(kw, "ssl");
	rc->migration_lock = mx_term_kw_get(kw, "migration_lock");
	rc->migration_primary_key = mx_term_kw_get(kw, "migration_primary_key");
	rc->migration_foreign_key = mx_term_kw_get(kw, "migration_foreign_key");
	rc->migration_timestamps = mx_term_kw_get(kw, "migration_timestamps");
	rc->migration_repo = mx_term_kw_get(kw, "migration_repo");
	/* ecto_sql's priv default: "priv/" <> the repo's last alias segment,
	 * underscored (Hello.Repo -> priv/repo). */
	struct mx_buf b = MX_BUF_INIT;
	if (rc->priv) {
		mx_buf_adds(&b, rc->priv);
	} else {
		const char *last = strrchr(repo, '.');
		mx_buf_adds(&b, "priv/");
		mx_inflect_underscore(last ? last + 1 : repo, &b);
	}
	rc->priv_path = mx_arena_strndup(a, b.buf, b.len);
	mx_buf_adds(&b, "/migrations");
	rc->migrations_path = mx_arena_strndup(a, b.buf, b.len);
	mx_buf_release(&b);
	return 0;
}

const struct mx_term *mx_project_generators(const struct mx_project *p)
{
	return mx_project_get(p, p->app, "generators", NULL);
}

const struct mx_term *mx_project_endpoint_config(const struct mx_project *p)
{
	if (!p->web)
		return NULL;
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_addf(&b, "%s.Endpoint", p->web);
	const struct mx_term *t = mx_project_get(p, p->app, b.buf, NULL);
	mx_buf_release(&b);
	return t;
}

int mx_project_gzippable_exts(const struct mx_project *p, struct mx_strvec *exts,
                              struct mx_err *err)
{
	static const char *const dflt[] = {".js",   ".map", ".css", ".txt", ".text", ".html",
	                                   ".json", ".svg", ".eot", ".ttf", NULL};
	const struct mx_term *v = mx_project_get(p, "phoenix", "gzippable_exts", NULL);
	if (!v) {
		for (size_t i = 0; dflt[i]; i++)
			mx_strvec_push(exts, dflt[i]);
		return 0;
	}
	for (size_t i = 0; v->type == MX_TERM_LIST && i < v->u.list.n; i++) {
		const struct mx_term *e = v->u.list.items[i];
		if (e->type != MX_TERM_BINARY)
			goto bad;
		mx_strvec_push(exts, e->u.bin.data);
	}
	if (v->type == MX_TERM_LIST)
		return 0;
bad:;
	struct mx_buf b = MX_BUF_INIT;
	int r =
	    config_error(p, "phoenix", "gzippable_exts", err,
	                 "expected :gzippable_exts to be a list of strings, got: %s", insp(v, &b));
	mx_buf_release(&b);
	return r;
}

int mx_project_static_compressors(const struct mx_project *p, struct mx_strvec *mods,
                                  struct mx_err *err)
{
	const struct mx_term *v = mx_project_get(p, "phoenix", "static_compressors", NULL);
	if (!v) {
		mx_strvec_push(mods, "Phoenix.Digester.Gzip");
		return 0;
	}
	for (size_t i = 0; v->type == MX_TERM_LIST && i < v->u.list.n; i++) {
		const struct mx_term *e = v->u.list.items[i];
		if (e->type != MX_TERM_ATOM)
			goto bad;
		mx_strvec_push(mods, mx_term_alias_name(e));
	}
	if (v->type == MX_TERM_LIST)
		return 0;
bad:;
	struct mx_buf b = MX_BUF_INIT;
	int r = config_error(p, "phoenix", "static_compressors", err,
	                     "expected :static_compressors to be a list of modules, got: %s",
	                     insp(v, &b));
	mx_buf_release(&b);
	return r;
}

int mx_project_eval_host(const struct mx_project *p, struct mx_arena *a,
                         const struct mx_eval_call *call, struct mx_term **res, struct mx_err *err)
{
	if (!p->config_loaded)
		return MX_EVAL_UNKNOWN;
	return mx_config_application_call(&p->config, a, call, res, err);
}

int mx_project_context_app(const struct mx_project *p, const char **app, const char **path,
                           struct mx_err *err)
{
	const struct mx_term *gen = mx_project_generators(p);
	const struct mx_term *ca =
	    gen && gen->type == MX_TERM_LIST ? mx_term_kw_get(gen, "context_app") : NULL;
	*app = p->app;
	*path = "";
	if (!ca || mx_term_is_nil(ca))
		return 0;
	if (mx_term_is_atom(ca, "false"))
		return mx_err_set(
		    err, MX_ERR_CONFIG,
		    "no context_app configured for current application %s.\n\n"
		    "Add the context_app generators config in config.exs, or pass the\n"
		    "--context-app option explicitly to the generators. For example:\n\n"
		    "via config:\n\n"
		    "    config :%s, :generators,\n"
		    "      context_app: :some_app\n\n"
		    "via cli option:\n\n"
		    "    mix phx.gen.[task] --context-app some_app\n\n"
		    "Note: cli option only works when `context_app` is not set to `false`\n"
		    "in the config.\n",
		    p->app, p->app);
	if (ca->type == MX_TERM_TUPLE && ca->u.tuple.n == 2 &&
	    ca->u.tuple.items[0]->type == MX_TERM_ATOM &&
	    ca->u.tuple.items[1]->type == MX_TERM_BINARY) {
		*app = ca->u.tuple.items[0]->u.atom.name;
		*path = ca->u.tuple.items[1]->u.bin.data;
		return 0;
	}
	if (ca->type != MX_TERM_ATOM)
		return mx_err_set(err, MX_ERR_CONFIG, "invalid :context_app in :generators config");
	*app = ca->u.atom.name;
	return mx_project_context_app_path(p, *app, path, err);
}

int mx_project_context_app_path(const struct mx_project *p, const char *app, const char **path,
                                struct mx_err *err)
{
	struct mx_arena *a = (struct mx_arena *)&p->arena;
	*path = "";
	if (!strcmp(app, p->app))
		return 0;
	/* Mix.Phoenix.context_app_path/2: a {app, path} of the config first */
	const struct mx_term *gen = mx_project_generators(p);
	const struct mx_term *ca =
	    gen && gen->type == MX_TERM_LIST ? mx_term_kw_get(gen, "context_app") : NULL;
	if (ca && ca->type == MX_TERM_TUPLE && ca->u.tuple.n == 2 &&
	    mx_term_is_atom(ca->u.tuple.items[0], app) &&
	    ca->u.tuple.items[1]->type == MX_TERM_BINARY) {
		*path = ca->u.tuple.items[1]->u.bin.data;
		return 0;
	}
	/* Mix.Project.deps_paths(): where each dependency lives. */
	const struct mx_term *deps = mx_term_kw_get(p->project_kw, "deps");
	for (size_t i = 0; deps && deps->type == MX_TERM_LIST && i < deps->u.list.n; i++) {
		const struct mx_term *d = deps->u.list.items[i];
		if (d->type != MX_TERM_TUPLE || !d->u.tuple.n ||
		    !mx_term_is_atom(d->u.tuple.items[0], app))
			continue;
		const struct mx_term *opts = d->u.tuple.items[d->u.tuple.n - 1];
		const struct mx_term *dp = mx_term_kw_get(opts, "path");
		struct mx_buf b = MX_BUF_INIT;
		if (mx_term_truthy(mx_term_kw_get(opts, "in_umbrella")))
			mx_buf_addf(&b, "../%s", app);
		else if (dp && dp->type == MX_TERM_BINARY)
			mx_buf_add(&b, dp->u.bin.data, dp->u.bin.len);
		else
			mx_buf_addf(&b, "deps/%s", app);
		*path = mx_arena_strndup(a, b.buf, b.len);
		mx_buf_release(&b);
		return 0;
	}
	/* Phoenix lists Map.keys(deps), sorted; these are mix.exs's own. */
	struct mx_strvec names = MX_STRVEC_INIT;
	struct mx_buf list = MX_BUF_INIT;
	for (size_t i = 0; i < p->deps.n; i++)
		mx_strvec_push(&names, p->deps.v[i]);
	mx_strvec_sort(&names);
	mx_buf_addch(&list, '[');
	for (size_t i = 0; i < names.n; i++) {
		struct mx_term *t = mx_term_atom(a, names.v[i]);
		if (i)
			mx_buf_adds(&list, ", ");
		mx_term_inspect(t, &list);
	}
	mx_buf_addch(&list, ']');
	int r = mx_err_set(err, MX_ERR_CONFIG,
	                   "no directory for context_app :%s found in %s's deps.\n\n"
	                   "Ensure you have listed :%s as an in_umbrella dependency in mix.exs:\n\n"
	                   "    def deps do\n"
	                   "      [\n"
	                   "        {:%s, in_umbrella: true},\n"
	                   "        ...\n"
	                   "      ]\n"
	                   "    end\n\n"
	                   "Existing deps:\n\n"
	                   "    %s\n\n",
	                   app, p->app, app, app, list.buf);
	mx_buf_release(&list);
	mx_strvec_clear(&names);
	return r;
}

int mx_project_umbrella_apps(const struct mx_project *p, struct mx_strvec *apps, struct mx_err *err)
{
	if (!p->umbrella)
		return 0;
	struct mx_buf dir = MX_BUF_INIT, probe = MX_BUF_INIT;
	struct mx_strvec found = MX_STRVEC_INIT;
	int ret = -1;
	mx_project_path(p, p->apps_path, &dir);
	if (mx_fs_list(dir.buf, 0, &found, err) < 0)
		goto out;
	for (size_t i = 0; i < found.n; i++) {
		mx_buf_reset(&probe);
		mx_buf_addf(&probe, "%s/%s/mix.exs", dir.buf, found.v[i]);
		if (mx_fs_is_file(probe.buf))
			mx_strvec_pushf(apps, "%s/%s", p->apps_path, found.v[i]);
	}
	ret = 0;
out:
	mx_strvec_clear(&found);
	mx_buf_release(&dir);
	mx_buf_release(&probe);
	return ret;
}
