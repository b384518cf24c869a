/*
 * `mixless debug config [-C DIR] [--env ENV] [--no-runtime] [--set NAME=VALUE]...
 * [APP [KEY...]]`: loads the project as every tool does (mix.exs, then
 * config.exs with its imports and runtime.exs for the env) and prints what
 * it resolved: the project facts (with the ecto_sql behaviour in effect,
 * project/ecto_sql.h), then one line per configured key,
 *
 *   config :hello, Hello.Repo, [username: "postgres", ...]  # config/dev.exs:4:1
 *
 * in the order Config.Reader leaves them. With APP (and KEYs, which go
 * through keyword lists and maps), only that value is printed, inspected;
 * exit 1 when it is not configured. Tests use it to check config
 * resolution; people use it to see where a setting comes from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "command.h"
#include "diag.h"
#include "project/ecto_sql.h"
#include "project/project.h"
#include "strvec.h"

/* The path of file relative to root when inside it. */
static const char *rel(const char *root, const char *file)
{
	size_t n = strlen(root);
	if (!strncmp(file, root, n) && file[n] == '/')
		return file + n + 1;
	return file;
}

static void print_all(const struct mx_project *p)
{
	struct mx_buf b = MX_BUF_INIT;
	printf("root: %s\n", p->root);
	printf("env: %s\n", p->env);
	if (p->app)
		printf("app: %s\n", p->app);
	if (p->version)
		printf("version: %s\n", p->version);
	if (p->umbrella) {
		struct mx_strvec apps = MX_STRVEC_INIT;
		struct mx_err err = MX_ERR_INIT;
		printf("umbrella: %s\n", p->apps_path);
		if (mx_project_umbrella_apps(p, &apps, &err) == 0)
			for (size_t i = 0; i < apps.n; i++)
				printf("child: %s\n", apps.v[i]);
		mx_strvec_clear(&apps);
	}
	if (p->base)
		printf("base: %s\nweb: %s\n", p->base, p->web);
	{
		/* The ecto_sql whose behaviour ecto-migrate follows (mix.lock's). */
		struct mx_ecto_sql_choice c;
		mx_ecto_sql_choose(p, &c);
		mx_buf_adds(&b, "ecto_sql behaviour: ");
		mx_ecto_sql_describe(&c, &b);
		printf("%s\n", b.buf);
		mx_buf_reset(&b);
	}
	for (size_t i = 0; i < p->config.files.n; i++)
		printf("file: %s\n", rel(p->root, p->config.files.v[i]));
	const struct mx_term *data = p->config.data;
	for (size_t i = 0; data && i < data->u.list.n; i++) {
		const struct mx_term *app = data->u.list.items[i];
		const struct mx_term *kw = app->u.tuple.items[1];
		for (size_t j = 0; j < kw->u.list.n; j++) {
			const struct mx_term *pair = kw->u.list.items[j];
			mx_buf_reset(&b);
			mx_buf_adds(&b, "config ");
			mx_term_inspect(app->u.tuple.items[0], &b);
			mx_buf_adds(&b, ", ");
			mx_term_inspect(pair->u.tuple.items[0], &b);
			mx_buf_adds(&b, ", ");
			mx_term_inspect(pair->u.tuple.items[1], &b);
			const struct mx_config_loc *l =
			    mx_config_where(&p->config, app->u.tuple.items[0]->u.atom.name,
			                    pair->u.tuple.items[0]->u.atom.name);
			if (l)
				mx_buf_addf(&b, "  # %s:%u:%u", rel(p->root, l->file), l->line,
				            l->col);
			printf("%s\n", b.buf);
		}
	}
	mx_buf_release(&b);
}

static const char *dir, *env;
static bool no_runtime;
static struct mx_strvec set = MX_STRVEC_INIT;

static const struct mx_option options[] = {
    MX_OPT_DIRECTORY(&dir),
    MX_OPT_STR_("env", 0, &env, "ENV", "MIX_ENV to resolve (default: $MIX_ENV or dev)"),
    MX_OPT_BOOL_("no-runtime", 0, &no_runtime, "Do not read config/runtime.exs"),
    MX_OPT_LIST_("set", 0, &set, "NAME=VALUE", "Environment variable as System.get_env sees it"),
    MX_OPT_END_,
};

/* APP [KEY...]: the value at that path, inspected. */
static int print_value(const struct mx_project *p, const struct mx_strvec *path)
{
	const struct mx_term *t = mx_config_app(&p->config, path->v[0]);
	for (size_t i = 1; t && i < path->n; i++) {
		struct mx_buf k = MX_BUF_INIT;
		const char *key = path->v[i];
		if (key[0] >= 'A' && key[0] <= 'Z' && strncmp(key, "Elixir.", 7)) {
			mx_buf_addf(&k, "Elixir.%s", key);
			key = k.buf;
		}
		t = t->type == MX_TERM_MAP ? mx_term_map_get_atom(t, key) : mx_term_kw_get(t, key);
		mx_buf_release(&k);
	}
	if (!t)
		return mx_diag_fail(MX_EXIT_FAIL, "not configured");
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(t, &b);
	printf("%s\n", b.buf);
	mx_buf_release(&b);
	return MX_EXIT_OK;
}

static int run(const struct mx_cmdline *cl)
{
	struct mx_err err = MX_ERR_INIT;
	struct mx_project p = MX_PROJECT_INIT;
	const char **setenv = mx_xcalloc(set.n + 1, sizeof(*setenv));
	int ret = MX_EXIT_OK;

	for (size_t i = 0; i < set.n; i++)
		setenv[i] = set.v[i];
	const struct mx_project_opts o = {
	    .dir = dir,
	    .env = env,
	    .no_runtime = no_runtime,
	    .setenv = setenv,
	};
	if (mx_project_enter(&p, &o, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	if (p.mix_exs_partial) {
		/* Tools go on without the values that failed; say which. */
		struct mx_buf w = MX_BUF_INIT;
		mx_err_format(&p.mix_exs_err, &w);
		mx_diag_warn("mix.exs: project/0 read key by key, skipping what failed: %s", w.buf);
		mx_buf_release(&w);
	}
	if (cl->args.n)
		ret = print_value(&p, &cl->args);
	else
		print_all(&p);
out:
	free(setenv);
	mx_project_release(&p);
	mx_strvec_clear(&set);
	return ret;
}

const struct mx_command mixless_cmd_debug_config = {
    .name = "config",
    .tool = "mixless",
    .shortdoc = "Prints the project and its config as the tools resolve them",
    .synopsis = "[-C DIR] [--env ENV] [APP [KEY...]]",
    .doc =
        "Prints the project and its config as the tools resolve them: the\n"
        "project's facts (root, env, app, base and web modules, the ecto_sql\n"
        "release ecto-migrate behaves as - the one mix.lock locks, else 3.14 -\n"
        "and the config files read), then one line per configured key with the\n"
        "file, line and column\n"
        "that set it. With APP (and KEYs, which go through keyword lists and\n"
        "maps) only that value is printed, inspected; exit 1 when it is not\n"
        "configured.\n"
        "\n"
        "The project is entered as every tool enters it (-C DIR, else the\n"
        "nearest mix.exs upward; MIX_ENV or --env; config.exs with its imports,\n"
        "<env>.exs and runtime.exs), so this is where to look when a tool reads\n"
        "a setting differently from what you expect.\n"
        "\n"
        "  mixless debug config\n"
        "  mixless debug config --env prod --set DATABASE_URL=ecto://u:p@h/db hello Hello.Repo\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
