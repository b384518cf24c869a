/*
 * ecto.gen.migration: `mix ecto.gen.migration` (ecto_sql 3.14), an empty
 * migration for each repo (-r, else the app's :ecto_repos).
 */
#include <stdio.h>
#include <string.h>

#include "fsutil.h"
#include "gen.h"
#include "project/inflect.h"

static struct mx_strvec repos = MX_STRVEC_INIT, paths = MX_STRVEC_INIT;
static const char *change, *dir;
static bool no_compile, no_deps_check;
static struct gen_switches sw;

static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&dir, &sw),
    MX_OPT_LIST_("repo", 'r', &repos, "REPO", "The repo (default: the project's :ecto_repos)"),
    MX_OPT_LIST_("migrations-path", 0, &paths, "DIR", "Where to write the migration"),
    {MX_OPT_STRING, "change", 0, &change, "CODE", "The body of change/0 (used by other tasks)",
     MX_OPT_HIDDEN, NULL, NULL},
    {MX_OPT_BOOL, "no-compile", 0, &no_compile, NULL, "Accepted for mix compatibility",
     MX_OPT_HIDDEN, NULL, NULL},
    {MX_OPT_BOOL, "no-deps-check", 0, &no_deps_check, NULL, "Accepted for mix compatibility",
     MX_OPT_HIDDEN, NULL, NULL},
    MX_OPT_END_,
};

/* Mix.Ecto.parse_repo/1: -r as given, else :ecto_repos (with ecto's
 * warning when there are none). */
static int repos_of(struct gen_session *s, struct mx_strvec *out)
{
	struct mx_err err = MX_ERR_INIT;
	for (size_t i = 0; i < repos.n; i++)
		mx_strvec_push(out, repos.v[i]);
	if (out->n)
		return 0;
	if (mx_project_ecto_repos(&s->project, out, &err) < 0)
		return mx_diag_error(&err);
	if (!out->n)
		fprintf(stderr,
		        "warning: could not find Ecto repos in any of the apps: [:%s].\n\n"
		        "You can avoid this warning by passing the -r flag or by setting the\n"
		        "repositories managed by those applications in your config/config.exs:\n\n"
		        "    config :%s, ecto_repos: [...]\n\n",
		        s->project.app, s->project.app);
	return 0;
}

static int one(struct gen_session *s, const char *repo, const char *name,
               const char *migration_module)
{
	struct mx_repo_config rc;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf path = MX_BUF_INIT, base = MX_BUF_INIT, file = MX_BUF_INIT, out = MX_BUF_INIT;
	struct mx_strvec names = MX_STRVEC_INIT;
	int ret = 0;
	if (paths.n) {
		mx_buf_adds(&path, paths.v[paths.n - 1]);
	} else {
		if (mx_project_repo_config(&s->project, repo, &rc, &err) < 0) {
			ret = mx_diag_error(&err);
			goto out;
		}
		mx_buf_adds(&path, rc.migrations_path);
	}
	mx_inflect_underscore(name, &base);
	mx_buf_adds(&base, ".exs");
	if (!mx_fs_is_dir(path.buf))
		phx_gen_plan_mkdir(&s->plan, path.buf);
	/* Path.wildcard(path/"*_<base>") */
	mx_fs_list(path.buf, 0, &names, &err);
	for (size_t i = 0; i < names.n; i++) {
		size_t nl = strlen(names.v[i]);
		if (nl > base.len && names.v[i][nl - base.len - 1] == '_' &&
		    !strcmp(names.v[i] + nl - base.len, base.buf)) {
			ret = phx_gen_mix_raise("migration can't be created, there is already a "
			                        "migration file with name %s.",
			                        name);
			goto out;
		}
	}
	mx_buf_addf(&file, "%s/", path.buf);
	phx_gen_plan_timestamp(&s->plan, path.buf, s->proj.now, &file);
	mx_buf_addf(&file, "_%s", base.buf);
	/* Module.concat([repo, Migrations, camelize(name)]) */
	mx_buf_addf(&out, "defmodule %s.Migrations.", repo);
	mx_inflect_camelize(name, &out);
	mx_buf_addf(&out, " do\n  use %s\n\n  def change do\n%s\n  end\nend\n", migration_module,
	            change ? change : "");
	phx_gen_plan_create(&s->plan, file.buf, out.buf, out.len, false);
out:
	mx_strvec_clear(&names);
	mx_buf_release(&path);
	mx_buf_release(&base);
	mx_buf_release(&file);
	mx_buf_release(&out);
	return ret;
}

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct mx_strvec list = MX_STRVEC_INIT;
	memset(&o, 0, sizeof(o));
	int ret = phx_gen_session_enter(&s, dir, "ecto.gen.migration", &sw, &o);
	if (ret)
		goto out;
	ret = repos_of(&s, &list);
	if (ret || !list.n)
		goto out;
	if (cl->args.n != 1) {
		/* inspect(Enum.join(args, " ")) of the whole command line */
		struct mx_buf b = MX_BUF_INIT, j = MX_BUF_INIT;
		for (size_t i = 0; i < cl->args.n; i++)
			mx_buf_addf(&j, "%s%s", i ? " " : "", cl->args.v[i]);
		phx_gen_inspect_string(j.buf, &b);
		ret = phx_gen_mix_raise(
		    "expected ecto.gen.migration to receive the migration file name, got: %s",
		    b.buf);
		mx_buf_release(&b);
		mx_buf_release(&j);
		goto out;
	}
	if (o.migration_module_error) {
		ret = phx_gen_mix_raise("Expected :migration_module to be a module, got: %s",
		                        o.migration_module_error);
		goto out;
	}
	for (size_t i = 0; i < list.n && !ret; i++)
		ret = one(&s, list.v[i], cl->args.v[0],
		          o.migration_module ? o.migration_module : "Ecto.Migration");
	if (!ret)
		ret = phx_gen_plan_run(&s.plan);
out:
	mx_strvec_clear(&list);
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_ecto_gen_migration = {
    .name = "ecto.gen.migration",
    .task = "ecto.gen.migration",
    .tool = "phx-gen",
    .shortdoc = "Generates a new migration for the repo",
    .synopsis = "NAME [-r REPO] [--migrations-path DIR]",
    .doc = "Generates a new migration for the repo, as `mix ecto.gen.migration` does.\n"
           "\n"
           "<priv>/migrations/<UTC timestamp>_<name>.exs with an empty change/0,\n"
           "in the module <Repo>.Migrations.<Name>, for each repo given with -r\n"
           "(else each of the app's :ecto_repos); a migration of the same name is\n"
           "an error. Two migrations made in the same second get versions a second\n"
           "apart, so they never collide. Switches are parsed strictly, as\n"
           "ecto_sql's are; ECTO_EDITOR is not opened.\n"
           "\n"
           "  phx-gen ecto.gen.migration add_posts_table\n"
           "  mixless ecto.gen.migration add_posts_table -r Hello.Repo\n",
    .notes = "Phoenix's questions (files that exist, an existing context) are asked on a\n"
             "terminal; without one, nothing is written unless --yes answers them.\n"
             "SOURCE_DATE_EPOCH, when set, is the time of migration versions and of\n"
             "the sample dates in generated tests.\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
