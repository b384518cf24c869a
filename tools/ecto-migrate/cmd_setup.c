/*
 * setup: the alias a Phoenix app defines in mix.exs,
 *   "ecto.setup": ["ecto.create", "ecto.migrate", "run priv/repo/seeds.exs"]
 * Seeds are Elixir code and need Elixir: with --seeds FILE.sql the SQL file
 * runs instead (in one transaction); a seeds.exs that holds only comments (as
 * generated) is nothing to run; any other seeds.exs is reported, plainly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "command.h"
#include "ecto_migrate.h"
#include "fsutil.h"
#include "options.h"

/* True when src has code: anything but blank lines and # comments. */
static bool has_code(const char *src)
{
	for (const char *p = src; *p;) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		size_t i = 0;
		while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
			i++;
		if (i < n && p[i] != '#')
			return true;
		p += n + (eol ? 1 : 0);
	}
	return false;
}

static int run_seeds(const struct em_repo *r, const struct em_opts *o)
{
	struct mx_buf path = MX_BUF_INIT, src = MX_BUF_INIT, script = MX_BUF_INIT;
	struct em_conn c = EM_CONN_INIT;
	struct mx_err err = MX_ERR_INIT;
	int ret = MX_EXIT_FAIL;

	if (o->seeds) {
		if (mx_fs_read(o->seeds, &src, &err) < 0) {
			ret = mx_diag_error(&err);
			goto out;
		}
		if (em_conn_open(&c, r, false, o, &err) < 0) {
			ret = mx_diag_fail(MX_EXIT_FAIL,
			                   "could not connect to the database of %s: %s", r->module,
			                   err.msg);
			goto out;
		}
		mx_buf_addf(&script, "BEGIN;\n%s\n;COMMIT;", src.buf);
		if (em_exec(&c, script.buf, 0, NULL, NULL, NULL, &err) < 0) {
			ret = mx_diag_fail(MX_EXIT_FAIL, "%s: %s (nothing of it was applied)",
			                   o->seeds, err.msg);
			goto out;
		}
		ret = MX_EXIT_OK;
		goto out;
	}
	mx_path_join(&path, r->root, r->priv);
	mx_buf_adds(&path, "/seeds.exs");
	if (mx_fs_read(path.buf, &src, NULL) < 0 || !has_code(src.buf)) {
		ret = MX_EXIT_OK;
		goto out;
	}
	fprintf(stderr,
	        "%s: %s/seeds.exs is Elixir code and needs Elixir: it was not run.\n"
	        "Run `mix run %s/seeds.exs`, or pass the seeds as SQL with --seeds FILE.sql.\n",
	        mx_diag_prog(), r->priv, r->priv);
	ret = MX_EXIT_OK;
out:
	em_conn_close(&c);
	mx_buf_release(&path);
	mx_buf_release(&src);
	mx_buf_release(&script);
	return ret;
}

int em_setup_repo(const struct em_repo *r, const struct em_opts *o)
{
	int ret = em_create_repo(r, o);
	if (ret == MX_EXIT_OK)
		ret = em_migrate_repo(r, o);
	if (ret == MX_EXIT_OK)
		ret = run_seeds(r, o);
	return ret;
}

static const struct mx_option options[] = {
    EM_OPT_REPO,
    MX_OPT_QUIET(&em_options.quiet),
    EM_OPT_MIGRATIONS_PATH,
    EM_OPT_SEEDS,
    EM_OPT_COMPILE,
    EM_OPT_MIXLESS,
    EM_OPT_LOCK,
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	return em_each_repo(em_setup_repo);
}

const struct mx_command em_cmd_setup = {
    .name = "setup",
    .task = "ecto.setup",
    .tool = "ecto-migrate",
    .shortdoc = "create + migrate (+ seeds)",
    .doc = "create + migrate (+ seeds), as `mix ecto.setup` does.\n"
           "\n"
           "ecto.setup is not an Ecto task but the alias a new Phoenix app defines in\n"
           "its mix.exs: ecto.create, ecto.migrate, then `run priv/repo/seeds.exs`.\n"
           "This runs the same steps for each repo and stops at the first that\n"
           "fails.\n"
           "\n"
           "  ecto-migrate setup\n"
           "  ecto-migrate setup --seeds priv/repo/seeds.sql\n"
           "  mixless ecto.setup\n"
           "\n"
           "seeds.exs is Elixir code and needs Elixir: a seeds.exs holding only\n"
           "comments (as generated) is nothing to run, any other is not run and\n"
           "says so. Give seeds as SQL with --seeds FILE.sql, run in one\n"
           "transaction.\n",
    .options = options,
    .flags = MX_CMD_MIX_ALIAS,
    .fn = run,
};
