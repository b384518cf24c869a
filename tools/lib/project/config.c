/*
 * config: Elixir's Config / Config.Reader, evaluated with the exs evaluator.
 *
 * The DSL calls (`config`, `import_config`, `read_config`,
 * `Application.get_env`) are the evaluator's host calls here; everything
 * else in a config file (System.get_env, if config_env() == :prod, String
 * functions, raise...) is plain evaluation.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exs/ast.h"
#include "exs/eval.h"
#include "fsutil.h"

/* ---- Merging (Config.__merge__/2) ------------------------------------------ */

static long kw_find(struct mx_term **items, size_t n, const bool *gone, const struct mx_term *key)
{
	for (size_t i = 0; i < n; i++)
		if ((!gone || !gone[i]) && mx_term_equal(items[i]->u.tuple.items[0], key))
			return (long)i;
	return -1;
}

static struct mx_term *deep_merge(struct mx_arena *a, struct mx_term *v1, struct mx_term *v2);

/* Keyword values nested deeper than this (only a loop can build them) are
 * replaced rather than merged, instead of overflowing the stack. */
enum { MAX_MERGE_DEPTH = 5000 };
static unsigned merge_depth;

/*
 * Keyword.merge(k1, k2, fun) as Keyword's do_merge/6 computes it: the pairs
 * of k1 whose key k2 does not have (in k1's order), then k2's pairs in order,
 * each merged with the first remaining pair of k1 with the same key by
 * deep_merge/3. The app level of Config.__merge__ merges with
 * Keyword.merge(app1, app2, &deep_merge/3), which is the same thing since
 * both app values are keyword lists.
 */
static struct mx_term *kw_merge(struct mx_arena *a, const struct mx_term *k1,
                                const struct mx_term *k2)
{
	size_t n1 = k1->u.list.n, n2 = k2->u.list.n;
	bool *orig_gone = MX_ARENA_NEWN(a, bool, n1 + 1);
	bool *rest_gone = MX_ARENA_NEWN(a, bool, n1 + 1);
	struct mx_term **acc = MX_ARENA_NEWN(a, struct mx_term *, n2 + 1);
	for (size_t i = 0; i < n2; i++) {
		struct mx_term *e = k2->u.list.items[i];
		struct mx_term *key = e->u.tuple.items[0];
		long j = kw_find(k1->u.list.items, n1, orig_gone, key);
		if (j >= 0) {
			struct mx_term *v1 = k1->u.list.items[j]->u.tuple.items[1];
			acc[i] = mx_term_tuple2(a, key, deep_merge(a, v1, e->u.tuple.items[1]));
			orig_gone[j] = true;
			for (size_t k = 0; k < n1; k++)
				if (mx_term_equal(k1->u.list.items[k]->u.tuple.items[0], key))
					rest_gone[k] = true;
		} else {
			acc[i] = e;
		}
	}
	struct mx_term **all = MX_ARENA_NEWN(a, struct mx_term *, n1 + n2 + 1);
	size_t cnt = 0;
	for (size_t k = 0; k < n1; k++)
		if (!rest_gone[k])
			all[cnt++] = k1->u.list.items[k];
	for (size_t i = 0; i < n2; i++)
		all[cnt++] = acc[i];
	return mx_term_list(a, all, cnt);
}

static struct mx_term *deep_merge(struct mx_arena *a, struct mx_term *v1, struct mx_term *v2)
{
	if (merge_depth < MAX_MERGE_DEPTH && mx_term_is_keyword(v1) && mx_term_is_keyword(v2)) {
		merge_depth++;
		struct mx_term *r = kw_merge(a, v1, v2);
		merge_depth--;
		return r;
	}
	return v2;
}

struct mx_term *mx_config_merge(struct mx_arena *a, const struct mx_term *c1,
                                const struct mx_term *c2)
{
	return kw_merge(a, c1, c2);
}

/* ---- Locations ------------------------------------------------------------- */

static size_t loc_hash(const char *app, const char *key)
{
	/* FNV-1a over "app\0key" */
	size_t h = 1469598103934665603ULL;
	for (const char *p = app; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	h *= 1099511628211ULL;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h;
}

/* The slot of app/key in the index: its entry, or the empty slot where it
 * would go. */
static size_t *loc_slot(const struct mx_config *c, const char *app, const char *key)
{
	size_t mask = c->loc_cap - 1, i = loc_hash(app, key) & mask;
	for (;;) {
		size_t *slot = &c->loc_index[i];
		if (!*slot)
			return slot;
		const struct mx_config_loc *l = &c->locs[*slot - 1];
		if (!strcmp(l->app, app) && !strcmp(l->key, key))
			return slot;
		i = (i + 1) & mask;
	}
}

static void loc_rehash(struct mx_config *c)
{
	free(c->loc_index);
	c->loc_cap = c->loc_cap ? c->loc_cap * 2 : 64;
	c->loc_index = mx_xcalloc(c->loc_cap, sizeof(*c->loc_index));
	for (size_t i = 0; i < c->nlocs; i++)
		*loc_slot(c, c->locs[i].app, c->locs[i].key) = i + 1;
}

static void loc_set(struct mx_config *c, const char *app, const char *key, const struct mx_ast *at)
{
	if ((c->nlocs + 1) * 2 > c->loc_cap)
		loc_rehash(c);
	size_t *slot = loc_slot(c, app, key);
	struct mx_config_loc *l;
	if (*slot) {
		l = &c->locs[*slot - 1];
		free(l->file);
	} else {
		MX_ALLOC_GROW(c->locs, c->nlocs + 1, c->alocs);
		l = &c->locs[c->nlocs++];
		l->app = mx_xstrdup(app);
		l->key = mx_xstrdup(key);
		*slot = c->nlocs;
	}
	l->file = mx_xstrdup(at->file);
	l->line = at->line;
	l->col = at->col;
}

/* ---- The host: config, import_config, read_config, Application.get_env ---- */

struct reader {
	struct mx_config *c;
	bool allow_imports;
	struct mx_strvec *imports; /* files being read, for the recursion check */
};

static int eval_file(struct mx_config *c, const char *path, bool allow_imports,
                     struct mx_strvec *imports, const struct mx_ast *from, struct mx_err *err);

static int config_call(struct reader *r, const struct mx_eval_call *call, struct mx_term **res,
                       struct mx_err *err)
{
	struct mx_config *c = r->c;
	struct mx_arena *a = c->arena;
	const struct mx_ast *at = call->node;
	struct mx_term *app = call->args[0];
	struct mx_term *kw;
	if (app->type != MX_TERM_ATOM)
		return mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
		                 "** (FunctionClauseError) no function clause matching in "
		                 "Config.config/%zu",
		                 call->nargs);
	if (call->nargs == 2) {
		kw = call->args[1];
		if (!mx_term_is_keyword(kw)) {
			struct mx_buf b = MX_BUF_INIT;
			mx_term_inspect(kw, &b);
			int ret = mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
			                    "** (ArgumentError) config/2 expected a keyword "
			                    "list, got: %s",
			                    b.buf);
			mx_buf_release(&b);
			return ret;
		}
	} else {
		if (call->args[1]->type != MX_TERM_ATOM)
			return mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
			                 "** (FunctionClauseError) no function clause matching "
			                 "in Config.config/3");
		struct mx_term *pair = mx_term_tuple2(a, call->args[1], call->args[2]);
		kw = mx_term_list(a, &pair, 1);
	}
	struct mx_term *entry = mx_term_tuple2(a, app, kw);
	struct mx_term *one = mx_term_list(a, &entry, 1);
	c->data = mx_config_merge(a, c->data, one);
	for (size_t i = 0; i < kw->u.list.n; i++)
		loc_set(c, app->u.atom.name, kw->u.list.items[i]->u.tuple.items[0]->u.atom.name,
		        at);
	*res = mx_term_atom(a, "ok");
	return MX_EVAL_HANDLED;
}

static int import_call(struct reader *r, struct mx_eval *ev, const struct mx_eval_call *call,
                       struct mx_term **res, struct mx_err *err)
{
	const struct mx_ast *at = call->node;
	const struct mx_term *f = call->args[0];
	if (f->type != MX_TERM_BINARY)
		return mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
		                 "** (FunctionClauseError) no function clause matching in "
		                 "Config.__import__!/1");
	if (!r->allow_imports)
		return mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
		                 "** (RuntimeError) import_config/1 is not enabled for this "
		                 "configuration file. Some configuration files do not allow "
		                 "importing other files as they are often copied to external "
		                 "systems");
	/* Path.expand(file, __DIR__) */
	struct mx_buf path = MX_BUF_INIT, joined = MX_BUF_INIT;
	char *dir = mx_path_dirname(at->file);
	mx_path_join(&joined, dir, f->u.bin.data);
	mx_path_normalize(&path, joined.buf);
	free(dir);
	mx_buf_release(&joined);
	int ret;
	if (mx_strvec_find(r->imports, path.buf) >= 0) {
		/* Elixir names the file relative to the cwd. */
		char cwd[4096];
		const char *shown = path.buf;
		size_t n;
		if (getcwd(cwd, sizeof(cwd)) && (n = strlen(cwd)) && !strncmp(shown, cwd, n) &&
		    shown[n] == '/')
			shown += n + 1;
		ret = mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
		                "** (ArgumentError) attempting to load configuration %s "
		                "recursively",
		                shown);
		goto out;
	}
	ret = eval_file(r->c, path.buf, true, r->imports, at, err);
	if (ret == 0) {
		*res = mx_term_atom(r->c->arena, "ok");
		ret = MX_EVAL_HANDLED;
	}
out:
	mx_buf_release(&path);
	return ret;
}

static int host(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **res,
                void *ctx, struct mx_err *err)
{
	struct reader *r = ctx;
	const char *n = call->name;
	bool local = call->module == NULL;
	bool cfg_mod = call->module && !strcmp(call->module, "Config");
	if ((local || cfg_mod) && !strcmp(n, "config") && (call->nargs == 2 || call->nargs == 3) &&
	    !call->do_block)
		return config_call(r, call, res, err);
	if ((local || cfg_mod) && !strcmp(n, "import_config") && call->nargs == 1)
		return import_call(r, ev, call, res, err);
	if ((local || cfg_mod) && !strcmp(n, "read_config") && call->nargs == 1) {
		const struct mx_term *v = call->args[0]->type == MX_TERM_ATOM
		                              ? mx_config_app(r->c, call->args[0]->u.atom.name)
		                              : NULL;
		*res = v ? (struct mx_term *)v : mx_term_nil(r->c->arena);
		return MX_EVAL_HANDLED;
	}
	return mx_config_application_call(r->c, r->c->arena, call, res, err);
}

/* Access.fetch over the rest of a compile_env path: a keyword list by an
 * atom key, a map by any key; anything else has no such key. */
static const struct mx_term *fetch_path(const struct mx_term *v, const struct mx_term *path,
                                        size_t from)
{
	for (size_t i = from; v && i < path->u.list.n; i++) {
		const struct mx_term *k = path->u.list.items[i];
		if (v->type == MX_TERM_LIST && k->type == MX_TERM_ATOM)
			v = mx_term_kw_get(v, k->u.atom.name);
		else if (v->type == MX_TERM_MAP)
			v = mx_term_map_get(v, k);
		else
			v = NULL;
	}
	return v;
}

/* Application's fetch_env_failed_reason/2: an application that is loaded
 * (it has a :vsn) only lacks the key. */
static const char *failed_reason(const struct mx_config *c, const char *app,
                                 const struct mx_buf *key, struct mx_buf *out)
{
	if (c->loaded_apps_known && mx_strvec_find(&c->loaded_apps, app) < 0)
		return "because the application was not loaded nor configured";
	mx_buf_addf(out, "because configuration at %s was not set", key->buf);
	return out->buf;
}

/* Application.get_env(app, key [, default]) and friends over c. */
int mx_config_application_call(const struct mx_config *c, struct mx_arena *a,
                               const struct mx_eval_call *call, struct mx_term **res,
                               struct mx_err *err)
{
	const char *n = call->name;
	if (!call->module || strcmp(call->module, "Application") || call->nargs < 2 ||
	    call->nargs > 3 || !call->args[0] || !call->args[1] ||
	    call->args[0]->type != MX_TERM_ATOM)
		return MX_EVAL_UNKNOWN;
	bool get = !strcmp(n, "get_env"), fetch_bang = !strcmp(n, "fetch_env!");
	bool fetch = !strcmp(n, "fetch_env");
	bool compile = !strcmp(n, "compile_env"), compile_bang = !strcmp(n, "compile_env!");
	if (!get && !fetch && !fetch_bang && !compile && !compile_bang)
		return MX_EVAL_UNKNOWN;
	if ((fetch || fetch_bang || compile_bang) && call->nargs != 2)
		return MX_EVAL_UNKNOWN;
	const char *app = call->args[0]->u.atom.name;
	const struct mx_term *key = call->args[1];
	const struct mx_term *v = NULL;
	if (key->type == MX_TERM_ATOM) {
		v = mx_config_get(c, app, key->u.atom.name);
	} else if (compile || compile_bang) {
		/* compile_env(app, [key | path]): the rest goes through Access. */
		if (key->type != MX_TERM_LIST || key->u.list.tail || !key->u.list.n ||
		    key->u.list.items[0]->type != MX_TERM_ATOM)
			return MX_EVAL_UNKNOWN;
		v = fetch_path(mx_config_get(c, app, key->u.list.items[0]->u.atom.name), key, 1);
	}
	/* get_env/fetch_env with another key term: config keys are atoms, so
	 * it is simply not set. */
	if (!v && (fetch_bang || compile_bang)) {
		const struct mx_ast *at = call->node;
		struct mx_buf k = MX_BUF_INIT, why = MX_BUF_INIT;
		mx_term_inspect(key, &k);
		int ret = mx_err_at(err, MX_ERR_EVAL, at->file, at->line, at->col,
		                    "** (ArgumentError) could not fetch application environment "
		                    "%s for application :%s %s",
		                    k.buf, app, failed_reason(c, app, &k, &why));
		mx_buf_release(&k);
		mx_buf_release(&why);
		return ret;
	}
	if (fetch) {
		*res = v ? mx_term_tuple2(a, mx_term_atom(a, "ok"), (struct mx_term *)v)
		         : mx_term_atom(a, "error");
		return MX_EVAL_HANDLED;
	}
	*res = v ? (struct mx_term *)v : call->nargs == 3 ? call->args[2] : mx_term_nil(a);
	return MX_EVAL_HANDLED;
}

/* ---- Reading files ------------------------------------------------------------ */

static int eval_file(struct mx_config *c, const char *path, bool allow_imports,
                     struct mx_strvec *imports, const struct mx_ast *from, struct mx_err *err)
{
	struct mx_buf src = MX_BUF_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	int ret = -1;
	struct reader r = {c, allow_imports, imports};
	mx_eval_init(&ev, c->arena);
	if (mx_fs_read(path, &src, err) < 0) {
		if (from) {
			/* File.read! inside import_config */
			mx_err_at(err, MX_ERR_CONFIG, from->file, from->line, from->col,
			          "** (File.Error) could not read file \"%s\": no such file or "
			          "directory",
			          path);
		}
		goto out;
	}
	/* The AST lives in the config's arena: config values may hold funs
	 * that point into it, and node->file must outlive it too. */
	const char *file = mx_arena_strdup(c->arena, path);
	mx_strvec_push(&c->files, path);
	if (mx_exs_parse(c->arena, file, src.buf, src.len, &ast, err) < 0)
		goto out;
	ev.mix_env = c->env;
	ev.mix_target = c->target;
	ev.isolated_env = c->isolated_env;
	ev.cwd = c->cwd;
	for (size_t i = 0; i < c->setenv.n; i++) {
		const char *kv = c->setenv.v[i];
		const char *eq = strchr(kv, '=');
		if (eq) {
			char *name = mx_xstrndup(kv, (size_t)(eq - kv));
			mx_eval_setenv(&ev, name, eq + 1);
			free(name);
		} else {
			mx_eval_setenv(&ev, kv, NULL);
		}
	}
	mx_eval_set_host(&ev, host, &r, 0);
	mx_strvec_push(imports, path);
	ret = mx_eval_file(&ev, ast, NULL, err);
	/* The import stack only holds the files being read right now. */
	free(imports->v[--imports->n]);
	imports->v[imports->n] = NULL;
	if (ret < 0 && err->kind == MX_ERR_EVAL)
		err->kind = MX_ERR_CONFIG;
out:
	mx_eval_release(&ev);
	mx_buf_release(&src);
	return ret;
}

int mx_config_eval_file(struct mx_config *c, const char *path, bool allow_imports,
                        struct mx_err *err)
{
	struct mx_strvec imports = MX_STRVEC_INIT;
	int r = eval_file(c, path, allow_imports, &imports, NULL, err);
	mx_strvec_clear(&imports);
	return r;
}

/* ---- Lifecycle and access ---------------------------------------------------------- */

void mx_config_init(struct mx_config *c, struct mx_arena *a, const char *env, const char *target)
{
	memset(c, 0, sizeof(*c));
	c->arena = a;
	c->data = mx_term_list(a, NULL, 0);
	c->files = (struct mx_strvec)MX_STRVEC_INIT;
	c->setenv = (struct mx_strvec)MX_STRVEC_INIT;
	c->loaded_apps = (struct mx_strvec)MX_STRVEC_INIT;
	c->env = mx_arena_strdup(a, env ? env : "dev");
	c->target = mx_arena_strdup(a, target ? target : "host");
}

void mx_config_release(struct mx_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nlocs; i++) {
		free(c->locs[i].app);
		free(c->locs[i].key);
		free(c->locs[i].file);
	}
	free(c->locs);
	free(c->loc_index);
	c->locs = NULL;
	c->loc_index = NULL;
	c->nlocs = c->alocs = c->loc_cap = 0;
	mx_strvec_clear(&c->files);
	mx_strvec_clear(&c->setenv);
	mx_strvec_clear(&c->loaded_apps);
}

const struct mx_term *mx_config_app(const struct mx_config *c, const char *app)
{
	return c->data ? mx_term_kw_get(c->data, app) : NULL;
}

const struct mx_term *mx_config_get(const struct mx_config *c, const char *app, const char *key)
{
	const struct mx_term *kw = mx_config_app(c, app);
	return kw ? mx_term_kw_get(kw, key) : NULL;
}

const struct mx_config_loc *mx_config_where(const struct mx_config *c, const char *app,
                                            const char *key)
{
	if (!c->loc_cap)
		return NULL;
	size_t *slot = loc_slot(c, app, key);
	return *slot ? &c->locs[*slot - 1] : NULL;
}
