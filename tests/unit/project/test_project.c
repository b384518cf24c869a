/* Unit tests for the project model over the fixture projects in
 * tests/fixtures/project/ (the tests run with cwd tests/fixtures), and over
 * examples/hello for dev, test and prod. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exs/ast.h"
#include "exs/eval.h"
#include "fsutil.h"
#include "project/project.h"
#include "unit.h"

static struct mx_buf B = MX_BUF_INIT;

static const char *insp(const struct mx_term *t)
{
	mx_buf_reset(&B);
	if (!t)
		return "(absent)";
	mx_term_inspect(t, &B);
	return B.buf;
}

/* Loads fixture dir for env with the given environment variables (the
 * process environment is ignored). Returns 0 or -1; err formatted in B. */
static int load(struct mx_project *p, const char *dir, const char *env, const char *const *vars)
{
	struct mx_err err = MX_ERR_INIT;
	struct mx_project_opts o = {.dir = dir, .env = env, .setenv = vars, .isolated_env = true};
	int r = mx_project_load(p, &o, &err);
	mx_buf_reset(&B);
	if (r < 0)
		mx_err_format(&err, &B);
	return r;
}

/* The error text with the absolute fixtures prefix removed. */
static const char *rel_err(void)
{
	char cwd[4096];
	if (!getcwd(cwd, sizeof(cwd)))
		return B.buf;
	size_t n = strlen(cwd);
	struct mx_buf t = MX_BUF_INIT;
	for (const char *s = B.buf; *s;) {
		if (!strncmp(s, cwd, n) && s[n] == '/') {
			s += n + 1;
			continue;
		}
		mx_buf_addch(&t, *s++);
	}
	mx_buf_reset(&B);
	mx_buf_add(&B, t.buf, t.len);
	mx_buf_release(&t);
	return B.buf;
}

TEST(basic_dev)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {NULL};
	CHECK_INT(load(&p, "project/basic", "dev", vars), 0);
	CHECK_STR(p.app, "shop");
	CHECK_STR(p.version, "1.2.3");
	CHECK_STR(p.env, "dev");
	CHECK(!p.umbrella);
	CHECK_STR(p.base, "Shop");
	CHECK_STR(p.web, "ShopWeb");
	CHECK_STR(p.lib_path, "lib/shop");
	CHECK_STR(p.web_path, "lib/shop_web");
	CHECK_STR(p.test_path, "test/shop");
	CHECK_STR(p.web_test_path, "test/shop_web");
	CHECK_STR(p.static_path, "priv/static");
	CHECK_INT(p.elixirc_paths.n, 1);
	CHECK_STR(p.elixirc_paths.v[0], "lib");
	CHECK_INT(p.deps.n, 4);
	CHECK_STR(p.deps.v[0], "phoenix");
	CHECK_STR(p.deps.v[3], "heroicons");
	CHECK(p.root[0] == '/');
	CHECK(strstr(p.root, "fixtures/project/basic") != NULL);
	/* Four files: config, dev (imported), extra/more (imported from dev,
	 * relative to it), runtime. */
	CHECK_INT(p.config.files.n, 4);
	CHECK(strstr(p.config.files.v[2], "config/extra/more.exs") != NULL);

	/* Deep merge: keyword values merge, other values replace. */
	CHECK_STR(insp(mx_project_get(&p, "shop", "Shop.Repo", "nested", NULL)),
	          "[a: 1, b: [c: 2, d: 30, e: 4]]");
	CHECK_STR(insp(mx_project_get(&p, "shop", "Shop.Repo", "replaced", NULL)), "[3]");
	CHECK_STR(insp(mx_project_get(&p, "shop", "from_extra", NULL)), "[Shop.Repo]");
	CHECK_STR(insp(mx_project_get(&p, "shop", "ShopWeb.Endpoint", "http", "port", NULL)),
	          "4000");
	CHECK(mx_project_get(&p, "shop", "ShopWeb.Endpoint", "server", NULL) == NULL);
	CHECK(mx_project_get(&p, "nope", "x", NULL) == NULL);
	const struct mx_term *sd =
	    mx_project_get(&p, "shop", "ShopWeb.Endpoint", "static_dir", NULL);
	CHECK(sd && sd->type == MX_TERM_BINARY);
	CHECK(strstr(sd->u.bin.data, "/project/basic/priv/static") != NULL);

	const struct mx_config_loc *l = mx_project_where(&p, "shop", "Shop.Repo");
	CHECK(l != NULL);
	CHECK(strstr(l->file, "config/dev.exs") != NULL);
	CHECK_INT(l->line, 3);
	CHECK_INT(l->col, 1);

	struct mx_strvec repos = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	CHECK_INT(mx_project_ecto_repos(&p, &repos, &err), 0);
	CHECK_INT(repos.n, 1);
	CHECK_STR(repos.v[0], "Shop.Repo");
	mx_strvec_clear(&repos);

	struct mx_repo_config rc;
	CHECK_INT(mx_project_repo_config(&p, "Shop.Repo", &rc, &err), 0);
	CHECK_STR(rc.username, "postgres");
	CHECK_STR(rc.password, "secret");
	CHECK_STR(rc.hostname, "localhost");
	CHECK_STR(rc.database, "shop_dev");
	CHECK_INT(rc.port, 5433);
	CHECK_INT(rc.pool_size, 10);
	CHECK(rc.url == NULL);
	CHECK(rc.ssl == NULL);
	CHECK_STR(insp(rc.migration_timestamps), "[type: :utc_datetime_usec]");
	CHECK_STR(insp(rc.migration_primary_key), "[name: :uuid, type: :binary_id]");
	CHECK(rc.migration_lock == NULL);
	CHECK_STR(rc.priv_path, "priv/repo");
	CHECK_STR(rc.migrations_path, "priv/repo/migrations");

	CHECK_STR(insp(mx_project_generators(&p)),
	          "[timestamp_type: :utc_datetime, binary_id: true]");
	static const char ep[] = "[url: [host: \"localhost\"], static_dir: \"/";
	CHECK(!strncmp(insp(mx_project_endpoint_config(&p)), ep, sizeof(ep) - 1));
	struct mx_strvec exts = MX_STRVEC_INIT, comp = MX_STRVEC_INIT;
	CHECK_INT(mx_project_gzippable_exts(&p, &exts, &err), 0);
	CHECK_INT(exts.n, 3);
	CHECK_STR(exts.v[2], ".svg");
	CHECK_INT(mx_project_static_compressors(&p, &comp, &err), 0);
	CHECK_INT(comp.n, 1);
	CHECK_STR(comp.v[0], "Phoenix.Digester.Gzip");
	mx_strvec_clear(&exts);
	mx_strvec_clear(&comp);
	mx_project_release(&p);
}

TEST(basic_test_env)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {"MIX_TEST_PARTITION=3", NULL};
	CHECK_INT(load(&p, "project/basic", "test", vars), 0);
	CHECK_INT(p.elixirc_paths.n, 2);
	CHECK_STR(p.elixirc_paths.v[1], "test/support");
	CHECK_STR(insp(mx_project_get(&p, "shop", "Shop.Repo", NULL)),
	          "[migration_timestamps: [type: :utc_datetime_usec], migration_primary_key: "
	          "[name: :uuid, type: :binary_id], nested: [a: 1, b: [c: 2, d: 3]], replaced: "
	          "[1, 2], username: \"postgres\", database: \"shop_test3\", pool: "
	          "Ecto.Adapters.SQL.Sandbox]");
	CHECK_STR(insp(mx_project_get(&p, "logger", "level", NULL)), ":warning");
	CHECK(mx_project_get(&p, "shop", "from_extra", NULL) == NULL);
	mx_project_release(&p);
}

TEST(basic_prod_runtime)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {"DATABASE_URL=ecto://u:p@db/shop", "POOL_SIZE=20", "ECTO_IPV6=true",
	                      "PHX_HOST=shop.example", NULL};
	CHECK_INT(load(&p, "project/basic", "prod", vars), 0);
	struct mx_repo_config rc;
	struct mx_err err = MX_ERR_INIT;
	CHECK_INT(mx_project_repo_config(&p, "Shop.Repo", &rc, &err), 0);
	CHECK_STR(rc.url, "ecto://u:p@db/shop");
	CHECK_INT(rc.pool_size, 20);
	CHECK_STR(insp(rc.ssl), "true");
	CHECK(rc.username == NULL);
	CHECK_STR(insp(mx_project_get(&p, "shop", "Shop.Repo", "socket_options", NULL)),
	          "[:inet6]");
	CHECK_STR(insp(mx_project_get(&p, "shop", "ShopWeb.Endpoint", "url", NULL)),
	          "[host: \"shop.example\", port: 443, scheme: \"https\"]");
	CHECK_STR(insp(mx_project_get(&p, "shop", "ShopWeb.Endpoint", "http", NULL)),
	          "[ip: {0, 0, 0, 0, 0, 0, 0, 0}, port: 4000]");
	CHECK_STR(
	    insp(mx_project_get(&p, "shop", "ShopWeb.Endpoint", "cache_static_manifest", NULL)),
	    "\"priv/static/cache_manifest.json\"");
	const struct mx_config_loc *l = mx_project_where(&p, "shop", "Shop.Repo");
	CHECK(l && strstr(l->file, "config/runtime.exs"));
	CHECK_INT(l->line, 17);
	mx_project_release(&p);

	/* Without DATABASE_URL the raise in runtime.exs names its position. */
	struct mx_project q = MX_PROJECT_INIT;
	const char *none[] = {NULL};
	CHECK_INT(load(&q, "project/basic", "prod", none), -1);
	CHECK_STR(rel_err(), "project/basic/config/runtime.exs:10:7: ** (RuntimeError) "
	                     "environment variable DATABASE_URL is missing.\nFor example: "
	                     "ecto://USER:PASS@HOST/DATABASE\n");
	mx_project_release(&q);

	/* ...but only for the env that runs it: dev is fine without it. */
	struct mx_project d = MX_PROJECT_INIT;
	CHECK_INT(load(&d, "project/basic", "dev", none), 0);
	mx_project_release(&d);

	/* --no-runtime skips runtime.exs altogether. */
	struct mx_project nr = MX_PROJECT_INIT;
	struct mx_project_opts o = {.dir = "project/basic",
	                            .env = "prod",
	                            .no_runtime = true,
	                            .setenv = none,
	                            .isolated_env = true};
	CHECK_INT(mx_project_load(&nr, &o, &err), 0);
	CHECK_INT(nr.config.files.n, 2);
	mx_project_release(&nr);
}

TEST(runtime_env_vars)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {"PHX_SERVER=true", NULL};
	CHECK_INT(load(&p, "project/basic", "dev", vars), 0);
	CHECK_STR(insp(mx_project_get(&p, "shop", "ShopWeb.Endpoint", "server", NULL)), "true");
	const struct mx_config_loc *l = mx_project_where(&p, "shop", "ShopWeb.Endpoint");
	CHECK(l && strstr(l->file, "runtime.exs"));
	CHECK_INT(l->line, 4);
	CHECK_INT(l->col, 3);
	mx_project_release(&p);
}

TEST(find_root_upward)
{
	struct mx_buf root = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	char cwd[4096];
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	CHECK_INT(chdir("project/basic/lib/shop/deep"), 0);
	int r = mx_project_find_root(NULL, &root, &err);
	CHECK_INT(chdir(cwd), 0);
	CHECK_INT(r, 0);
	CHECK(strstr(root.buf, "/project/basic") != NULL);
	CHECK(!strstr(root.buf, "/lib"));
	char tmpl[] = "/tmp/mixless-noproj.XXXXXX";
	CHECK(mkdtemp(tmpl) != NULL);
	CHECK_INT(chdir(tmpl), 0);
	mx_buf_reset(&root);
	r = mx_project_find_root(NULL, &root, &err);
	CHECK_INT(chdir(cwd), 0);
	rmdir(tmpl);
	CHECK_INT(r, -1);
	CHECK_STR(err.msg, "Could not find a Mix.Project, please ensure you are running Mix in a "
	                   "directory with a mix.exs file");
	mx_buf_reset(&root);
	CHECK_INT(mx_project_find_root("project", &root, &err), -1);
	CHECK_STR(err.msg, "could not find a mix.exs in 'project'");
	mx_buf_release(&root);
}

TEST(partial_mix_exs)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {NULL};
	CHECK_INT(load(&p, "project/partial", "dev", vars), 0);
	CHECK(p.mix_exs_partial);
	CHECK_STR(p.app, "partial");
	CHECK_STR(p.version, "2.0.0");
	CHECK_INT(p.deps.n, 1);
	CHECK(mx_term_kw_get(p.project_kw, "releases") == NULL);
	mx_buf_reset(&B);
	mx_err_format(&p.mix_exs_err, &B);
	CHECK_STR(rel_err(), "project/partial/mix.exs:15:83: unsupported call Helper.x/0");
	mx_project_release(&p);
}

TEST(umbrella)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {NULL};
	CHECK_INT(load(&p, "project/umbrella", "dev", vars), 0);
	CHECK(p.umbrella);
	CHECK_STR(p.apps_path, "apps");
	CHECK(p.app == NULL);
	CHECK(p.base == NULL);
	CHECK_STR(insp(mx_project_get(&p, "core", "ecto_repos", NULL)), "[Core.Repo]");
	struct mx_strvec apps = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	CHECK_INT(mx_project_umbrella_apps(&p, &apps, &err), 0);
	CHECK_INT(apps.n, 2);
	CHECK_STR(apps.v[0], "apps/core");
	CHECK_STR(apps.v[1], "apps/core_web");
	mx_strvec_clear(&apps);
	mx_project_release(&p);
	/* A child app reads the umbrella's config through config_path. */
	struct mx_project c = MX_PROJECT_INIT;
	CHECK_INT(load(&c, "project/umbrella/apps/core", "dev", vars), 0);
	CHECK(!c.umbrella);
	CHECK_STR(c.app, "core");
	CHECK_STR(c.base, "Core");
	CHECK_STR(insp(mx_project_get(&c, "core", "ecto_repos", NULL)), "[Core.Repo]");
	mx_project_release(&c);
}

TEST(context_app)
{
	const char *vars[] = {NULL};
	struct mx_err err = MX_ERR_INIT;
	const char *app, *path;

	struct mx_project p = MX_PROJECT_INIT;
	CHECK_INT(load(&p, "project/basic", "dev", vars), 0);
	CHECK_INT(mx_project_context_app(&p, &app, &path, &err), 0);
	CHECK_STR(app, "shop");
	CHECK_STR(path, "");
	mx_project_release(&p);

	struct mx_project w = MX_PROJECT_INIT;
	CHECK_INT(load(&w, "project/umbrella/apps/core_web", "dev", vars), 0);
	CHECK_INT(mx_project_context_app(&w, &app, &path, &err), 0);
	CHECK_STR(app, "core");
	CHECK_STR(path, "../core");
	mx_project_release(&w);

	struct mx_project f = MX_PROJECT_INIT;
	CHECK_INT(load(&f, "project/ctxfalse", "dev", vars), 0);
	CHECK_INT(mx_project_context_app(&f, &app, &path, &err), -1);
	static const char want[] =
	    "no context_app configured for current application ctx_false.\n\n"
	    "Add the context_app generators config in config.exs, or pass";
	CHECK(!strncmp(err.msg, want, sizeof(want) - 1));
	CHECK(
	    strstr(err.msg, "    config :ctx_false, :generators,\n      context_app: :some_app\n"));
	mx_project_release(&f);

	struct mx_project o = MX_PROJECT_INIT;
	const char *other[] = {"CTX=other", NULL};
	CHECK_INT(load(&o, "project/ctxfalse", "dev", other), 0);
	CHECK_INT(mx_project_context_app(&o, &app, &path, &err), -1);
	CHECK_STR(err.msg,
	          "no directory for context_app :other found in ctx_false's deps.\n\n"
	          "Ensure you have listed :other as an in_umbrella dependency in mix.exs:\n\n"
	          "    def deps do\n      [\n        {:other, in_umbrella: true},\n"
	          "        ...\n      ]\n    end\n\nExisting deps:\n\n"
	          "    [:bandit, :jason]\n\n");
	mx_project_release(&o);
}

TEST(namespace_and_web_module)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {NULL};
	CHECK_INT(load(&p, "project/namespace", "dev", vars), 0);
	CHECK_STR(p.app, "my_app");
	CHECK_STR(p.base, "Acme.Core");
	CHECK_STR(p.web, "Acme.CoreWeb");
	CHECK_STR(p.lib_path, "lib/my_app");
	CHECK_STR(insp(mx_project_get(&p, "my_app", "opts", "inner", "deep", NULL)), "1");
	CHECK(mx_project_get(&p, "my_app", "opts", "nope", "deep", NULL) == NULL);
	mx_project_release(&p);
	struct mx_project w = MX_PROJECT_INIT;
	CHECK_INT(load(&w, "project/webbase", "dev", vars), 0);
	CHECK_STR(w.base, "ShopWeb");
	CHECK_STR(w.web, "ShopWeb");
	CHECK_INT(w.config.files.n, 0);
	mx_project_release(&w);
}

/* mix.exs first, the config later (mixless: the aliases, then a task that
 * wants the config): the same project as loading both at once. */
TEST(load_config_later)
{
	struct mx_project p = MX_PROJECT_INIT;
	struct mx_err err = MX_ERR_INIT;
	const char *vars[] = {NULL};
	struct mx_project_opts o = {.dir = "project/namespace", .env = "dev", .no_config = true};
	CHECK_INT(mx_project_load(&p, &o, &err), 0);
	CHECK_STR(p.base, "MyApp");
	CHECK(!p.config_loaded);
	struct mx_project_opts later = {.setenv = vars, .isolated_env = true};
	CHECK_INT(mx_project_load_config(&p, &later, &err), 0);
	CHECK_STR(p.base, "Acme.Core");
	CHECK_STR(p.web, "Acme.CoreWeb");
	CHECK_STR(p.lib_path, "lib/my_app");
	CHECK_STR(insp(mx_project_get(&p, "my_app", "opts", "inner", "deep", NULL)), "1");
	/* a second call reads nothing again */
	size_t files = p.config.files.n;
	CHECK_INT(mx_project_load_config(&p, NULL, &err), 0);
	CHECK_INT(p.config.files.n, files);
	mx_project_release(&p);
}

TEST(config_errors)
{
	const char *vars[] = {NULL};
	struct mx_project p = MX_PROJECT_INIT;
	CHECK_INT(load(&p, "project/errors/bad_import", "dev", vars), -1);
	CHECK_STR(rel_err(),
	          "project/errors/bad_import/config/config.exs:3:1: ** (File.Error) "
	          "could not read file \"project/errors/bad_import/config/missing.exs\": "
	          "no such file or directory");
	mx_project_release(&p);

	struct mx_project r = MX_PROJECT_INIT;
	CHECK_INT(load(&r, "project/errors/recursive", "dev", vars), -1);
	CHECK_STR(rel_err(), "project/errors/recursive/config/other.exs:2:1: ** (ArgumentError) "
	                     "attempting to load configuration "
	                     "project/errors/recursive/config/config.exs recursively");
	mx_project_release(&r);

	struct mx_project ri = MX_PROJECT_INIT;
	CHECK_INT(load(&ri, "project/errors/runtime_import", "dev", vars), -1);
	CHECK_STR(rel_err(), "project/errors/runtime_import/config/runtime.exs:2:1: ** "
	                     "(RuntimeError) import_config/1 is not enabled for this configuration "
	                     "file. Some configuration files do not allow importing other files as "
	                     "they are often copied to external systems");
	mx_project_release(&ri);

	struct mx_project s = MX_PROJECT_INIT;
	CHECK_INT(load(&s, "project/errors/syntax", "dev", vars), -1);
	CHECK(!strncmp(rel_err(), "project/errors/syntax/config/config.exs:", 40));
	mx_project_release(&s);

	struct mx_project k = MX_PROJECT_INIT;
	CHECK_INT(load(&k, "project/errors/notkw", "dev", vars), -1);
	CHECK_STR(rel_err(), "project/errors/notkw/config/config.exs:3:1: ** (ArgumentError) "
	                     "config/2 expected a keyword list, got: [1, 2]");
	mx_project_release(&k);

	struct mx_project m = MX_PROJECT_INIT;
	/* project/0 is `[app: :bad, deps: Helper.deps()]` on one line: the
	 * fallback reads it key by key, so only :deps is lost. */
	CHECK_INT(load(&m, "project/errors/badmix", "dev", vars), 0);
	CHECK(m.mix_exs_partial);
	CHECK_STR(m.app, "bad");
	CHECK_INT(m.deps.n, 0);
	mx_buf_reset(&B);
	mx_err_format(&m.mix_exs_err, &B);
	CHECK_STR(rel_err(), "project/errors/badmix/mix.exs:3:38: unsupported call Helper.deps/0");
	mx_project_release(&m);

	struct mx_project b = MX_PROJECT_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_repo_config rc;
	CHECK_INT(load(&b, "project/errors/badrepo", "dev", vars), 0);
	CHECK_INT(mx_project_repo_config(&b, "Broken.Repo", &rc, &err), -1);
	mx_buf_reset(&B);
	mx_err_format(&err, &B);
	CHECK_STR(rel_err(), "project/errors/badrepo/config/config.exs:5:1: Broken.Repo: "
	                     "expected :port to be an integer, got: \"5432\"");
	/* An unconfigured repo is not an error: everything is unset. */
	CHECK_INT(mx_project_repo_config(&b, "Other.Repo", &rc, &err), 0);
	CHECK(rc.kw == NULL);
	CHECK_STR(rc.priv_path, "priv/repo");
	mx_project_release(&b);
}

/* A tool's host answering Application.* from the project config. */
static int app_host(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **res,
                    void *ctx, struct mx_err *err)
{
	return mx_project_eval_host(ctx, ev->arena, c, res, err);
}

static const char *eval_with(struct mx_project *p, const char *src)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *t;
	mx_eval_init(&ev, &a);
	mx_eval_set_host(&ev, app_host, p, 0);
	mx_buf_reset(&B);
	if (mx_exs_parse(&a, "r.ex", src, strlen(src), &ast, &err) < 0 ||
	    mx_eval_file(&ev, ast, &t, &err) < 0)
		mx_err_format(&err, &B);
	else
		mx_term_inspect(t, &B);
	mx_eval_release(&ev);
	mx_arena_release(&a);
	return B.buf;
}

TEST(application_env_host)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {NULL};
	CHECK_INT(load(&p, "project/basic", "dev", vars), 0);
	CHECK_STR(eval_with(&p, "Application.get_env(:shop, :ecto_repos)"), "[Shop.Repo]");
	CHECK_STR(eval_with(&p, "Application.get_env(:shop, :nope, :dflt)"), ":dflt");
	CHECK_STR(eval_with(&p, "Application.get_env(:shop, :nope)"), "nil");
	CHECK_STR(eval_with(&p, "Application.compile_env(:shop, [Shop.Repo, :nested, :b, :d])"),
	          "30");
	CHECK_STR(eval_with(&p, "if Application.compile_env(:shop, :dev_routes), do: 1, else: 2"),
	          "2");
	CHECK_STR(eval_with(&p, "Application.fetch_env!(:shop, :nope)"),
	          "r.ex:1:1: ** (ArgumentError) could not fetch application environment :nope "
	          "for application :shop because configuration at :nope was not set");
	CHECK_STR(eval_with(&p, "Application.fetch_env(:shop, :ecto_repos)"), "{:ok, [Shop.Repo]}");
	CHECK_STR(eval_with(&p, "Application.fetch_env(:shop, :nope)"), ":error");
	CHECK_STR(eval_with(&p, "Application.get_env(:shop, \"str\", 1)"), "1");
	/* An application that is neither the project nor a dep: not loaded. */
	CHECK_STR(eval_with(&p, "Application.fetch_env!(:nope_app, :k)"),
	          "r.ex:1:1: ** (ArgumentError) could not fetch application environment :k "
	          "for application :nope_app because the application was not loaded nor "
	          "configured");
	CHECK_STR(eval_with(&p, "Application.compile_env!(:logger, [:a, :b])"),
	          "r.ex:1:1: ** (ArgumentError) could not fetch application environment [:a, :b] "
	          "for application :logger because configuration at [:a, :b] was not set");
	CHECK_STR(eval_with(&p, "Application.app_dir(:shop)"),
	          "r.ex:1:1: unsupported call Application.app_dir/1");
	mx_project_release(&p);
}

/* mix.lock: the locked Hex versions, git deps unversioned; every locked
 * dep is a loaded application. */
TEST(mix_lock)
{
	struct mx_project p = MX_PROJECT_INIT;
	const char *vars[] = {NULL};
	CHECK_INT(load(&p, "project/locked", "dev", vars), 0);
	CHECK(p.lock != NULL);
	CHECK_STR(mx_project_locked_version(&p, "ecto_sql"), "3.12.1");
	CHECK_STR(mx_project_locked_version(&p, "db_connection"), "2.7.0");
	CHECK(mx_project_locked_version(&p, "heroicons") == NULL);
	CHECK(mx_project_locked_version(&p, "phoenix") == NULL);
	CHECK_STR(eval_with(&p, "Application.fetch_env!(:db_connection, :k)"),
	          "r.ex:1:1: ** (ArgumentError) could not fetch application environment :k "
	          "for application :db_connection because configuration at :k was not set");
	mx_project_release(&p);
	/* No mix.lock: no versions. */
	CHECK_INT(load(&p, "project/basic", "dev", vars), 0);
	CHECK(p.lock == NULL);
	CHECK(mx_project_locked_version(&p, "ecto_sql") == NULL);
	mx_project_release(&p);
}

/* Config.__merge__/2 exactly as Keyword.merge/3 orders it: the untouched
 * pairs of the first list, then the second list's pairs, merged. */
TEST(config_merge_order)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *x1, *x2;
	struct mx_term *c1, *c2;
	const char *s1 = "[a: [x: 1, y: [p: 1], l: [1]], b: [z: 1]]";
	const char *s2 = "[a: [y: [q: 2], x: 3, l: [k: 1]], c: []]";
	mx_eval_init(&ev, &a);
	CHECK_INT(mx_exs_parse(&a, "m", s1, strlen(s1), &x1, &err), 0);
	CHECK_INT(mx_exs_parse(&a, "m", s2, strlen(s2), &x2, &err), 0);
	CHECK_INT(mx_eval_expr(&ev, x1, &c1, &err), 0);
	CHECK_INT(mx_eval_expr(&ev, x2, &c2, &err), 0);
	CHECK_STR(insp(mx_config_merge(&a, c1, c2)),
	          "[b: [z: 1], a: [y: [p: 1, q: 2], x: 3, l: [k: 1]], c: []]");
	CHECK_STR(insp(mx_config_merge(&a, c2, c1)),
	          "[c: [], a: [x: 1, y: [q: 2, p: 1], l: [1]], b: [z: 1]]");
	mx_eval_release(&ev);
	mx_arena_release(&a);
}

TEST(release_is_idempotent)
{
	struct mx_project p = MX_PROJECT_INIT;
	mx_project_release(&p);
	mx_project_release(&p);
	mx_project_release(NULL);
	CHECK(p.root == NULL);
}

/* examples/hello: resolve its config for dev, test and prod. */
static const char *hello_dir(struct mx_buf *b)
{
	const char *src = getenv("MIXLESS_SOURCE_DIR");
	mx_buf_reset(b);
	mx_buf_addf(b, "%s/examples/hello", src ? src : "../..");
	return b->buf;
}

TEST(hello_example)
{
	struct mx_buf dir = MX_BUF_INIT;
	struct mx_buf mixexs = MX_BUF_INIT;
	mx_buf_addf(&mixexs, "%s/mix.exs", hello_dir(&dir));
	if (!mx_fs_exists(mixexs.buf)) {
		printf("# skipped: %s missing\n", mixexs.buf);
		mx_buf_release(&dir);
		mx_buf_release(&mixexs);
		return;
	}
	const char *none[] = {NULL};
	const char *prod[] = {"DATABASE_URL=ecto://postgres:postgres@localhost/hello_prod",
	                      "SECRET_KEY_BASE=s3cr3t", "PORT=8080", NULL};
	struct mx_err err = MX_ERR_INIT;
	struct mx_repo_config rc;
	struct mx_strvec repos = MX_STRVEC_INIT;

	struct mx_project dev = MX_PROJECT_INIT;
	CHECK_INT(load(&dev, dir.buf, "dev", none), 0);
	CHECK_STR(dev.app, "hello");
	CHECK_STR(dev.base, "Hello");
	CHECK_STR(dev.web, "HelloWeb");
	CHECK_INT(mx_project_ecto_repos(&dev, &repos, &err), 0);
	CHECK_INT(repos.n, 1);
	CHECK_STR(repos.v[0], "Hello.Repo");
	CHECK_INT(mx_project_repo_config(&dev, "Hello.Repo", &rc, &err), 0);
	CHECK_STR(rc.database, "hello_dev");
	CHECK_STR(rc.username, "postgres");
	CHECK_STR(rc.hostname, "localhost");
	CHECK_STR(rc.migrations_path, "priv/repo/migrations");
	CHECK_STR(insp(mx_project_get(&dev, "hello", "HelloWeb.Endpoint", "http", NULL)),
	          "[ip: {127, 0, 0, 1}, port: 4000]");
	CHECK(mx_project_endpoint_config(&dev) != NULL);
	mx_project_release(&dev);

	struct mx_project test = MX_PROJECT_INIT;
	CHECK_INT(load(&test, dir.buf, "test", none), 0);
	CHECK_INT(mx_project_repo_config(&test, "Hello.Repo", &rc, &err), 0);
	CHECK_STR(rc.database, "hello_test");
	CHECK(rc.pool_size > 0);
	CHECK_STR(insp(mx_project_get(&test, "hello", "HelloWeb.Endpoint", "http", "port", NULL)),
	          "4002");
	mx_project_release(&test);

	struct mx_project pr = MX_PROJECT_INIT;
	CHECK_INT(load(&pr, dir.buf, "prod", prod), 0);
	CHECK_INT(mx_project_repo_config(&pr, "Hello.Repo", &rc, &err), 0);
	CHECK_STR(rc.url, "ecto://postgres:postgres@localhost/hello_prod");
	CHECK_INT(rc.pool_size, 10);
	CHECK_STR(insp(mx_project_get(&pr, "hello", "HelloWeb.Endpoint", "http", "port", NULL)),
	          "8080");
	CHECK_STR(
	    insp(mx_project_get(&pr, "hello", "HelloWeb.Endpoint", "cache_static_manifest", NULL)),
	    "\"priv/static/cache_manifest.json\"");
	mx_project_release(&pr);

	struct mx_project bad = MX_PROJECT_INIT;
	CHECK_INT(load(&bad, dir.buf, "prod", none), -1);
	CHECK(strstr(B.buf, "config/runtime.exs:") != NULL);
	CHECK(strstr(B.buf, "environment variable DATABASE_URL is missing.") != NULL);
	mx_project_release(&bad);

	mx_strvec_clear(&repos);
	mx_buf_release(&dir);
	mx_buf_release(&mixexs);
}

TEST(release_accepts_null)
{
	mx_project_release(NULL);
	mx_config_release(NULL);
	CHECK(1);
}

int main(void)
{
	int r = unit_run();
	mx_buf_release(&B);
	return r;
}
