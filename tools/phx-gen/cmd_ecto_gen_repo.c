/*
 * ecto.gen.repo: `mix ecto.gen.repo` (ecto 3.12/3.13), a repo module on
 * the PostgreSQL adapter and its config, inserted after `import Config`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "gen.h"
#include "project/inflect.h"

static struct mx_strvec repos = MX_STRVEC_INIT;
static const char *dir;
static struct gen_switches sw;

static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&dir, &sw),
    MX_OPT_LIST_("repo", 'r', &repos, "REPO", "The repository to generate (required)"),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct mx_buf b = MX_BUF_INIT, file = MX_BUF_INIT, cfg = MX_BUF_INIT, tmp = MX_BUF_INIT;
	memset(&o, 0, sizeof(o));
	int ret = phx_gen_session_enter(&s, dir, "ecto.gen.repo", &sw, &o);
	if (ret)
		goto out;
	if (!repos.n) {
		ret = phx_gen_mix_raise("ecto.gen.repo expects the repository to be given as -r "
		                        "MyApp.Repo");
		goto out;
	}
	if (repos.n > 1) {
		ret = phx_gen_mix_raise("ecto.gen.repo expects a single repository to be given");
		goto out;
	}
	const char *repo = repos.v[0], *app = s.proj.app;
	/* Macro.underscore(inspect(repo)): "hello/other_repo" */
	mx_inflect_underscore(repo, &b);
	mx_buf_addf(&file, "lib/%s.ex", b.buf);
	const char *base = mx_path_basename(b.buf);
	char *d = mx_path_dirname(file.buf);
	phx_gen_plan_mkdir(&s.plan, d);
	free(d);
	mx_buf_reset(&tmp);
	mx_buf_addf(&tmp,
	            "defmodule %s do\n  use Ecto.Repo,\n    otp_app: :%s,\n"
	            "    adapter: Ecto.Adapters.Postgres\nend\n",
	            repo, app);
	phx_gen_plan_create(&s.plan, file.buf, tmp.buf, tmp.len, false);
	mx_buf_addf(&cfg,
	            "config :%s, %s,\n  database: \"%s_%s\",\n  username: \"user\",\n"
	            "  password: \"pass\",\n  hostname: \"localhost\"\n",
	            app, repo, app, base);
	const struct mx_term *cp = mx_term_kw_get(s.project.project_kw, "config_path");
	const char *config_path =
	    cp && cp->type == MX_TERM_BINARY ? cp->u.bin.data : "config/config.exs";
	struct mx_buf old = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	if (mx_fs_read(config_path, &old, &err) == 0) {
		const char *first =
		    strstr(old.buf, "import Config") ? "import Config\n" : "use Mix.Config\n";
		size_t fl = strlen(first);
		mx_buf_reset(&tmp);
		/* String.replace(contents, first, first <> "\n" <> config): every
		 * occurrence */
		for (const char *p = old.buf; *p;) {
			const char *hit = strstr(p, first);
			if (!hit) {
				mx_buf_adds(&tmp, p);
				break;
			}
			mx_buf_add(&tmp, p, (size_t)(hit - p));
			mx_buf_addf(&tmp, "%s\n%s", first, cfg.buf);
			p = hit + fl;
		}
		phx_gen_plan_update(&s.plan, config_path, tmp.buf, tmp.len);
	} else {
		mx_buf_reset(&tmp);
		mx_buf_addf(&tmp, "import Config\n\n%s", cfg.buf);
		phx_gen_plan_create(&s.plan, config_path, tmp.buf, tmp.len, false);
	}
	mx_buf_release(&old);
	ret = phx_gen_plan_run(&s.plan);
	if (!ret && !sw.dry_run)
		printf("Don't forget to add your new repo to your supervision tree\n"
		       "(typically in lib/%s/application.ex):\n\n"
		       "    def start(_type, _args) do\n"
		       "      children = [\n"
		       "        %s,\n"
		       "      ]\n\n"
		       "And to add it to the list of Ecto repositories in your\n"
		       "configuration files (so Ecto tasks work as expected):\n\n"
		       "    config :%s,\n"
		       "      ecto_repos: [%s]\n\n\n",
		       app, repo, app, repo);
out:
	mx_buf_release(&b);
	mx_buf_release(&file);
	mx_buf_release(&cfg);
	mx_buf_release(&tmp);
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_ecto_gen_repo = {
    .name = "ecto.gen.repo",
    .task = "ecto.gen.repo",
    .tool = "phx-gen",
    .shortdoc = "Generates a new repository",
    .synopsis = "-r REPO",
    .doc = "Generates a new repository, as `mix ecto.gen.repo` does.\n"
           "\n"
           "lib/<app>/<repo>.ex (an Ecto.Repo on the PostgreSQL adapter) and its\n"
           "config, inserted after `import Config` in config/config.exs; then\n"
           "what to add to the supervision tree and :ecto_repos.\n"
           "\n"
           "  phx-gen ecto.gen.repo -r Hello.OtherRepo\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
