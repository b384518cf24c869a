/*
 * auth_project: what phx.gen.auth learns by loading the project's code
 * (the repo's adapter, the Mailer module) or its Mix config (the deps),
 * found from source instead, since mixless compiles nothing.
 */
#include <string.h>
#include <sys/stat.h>

#include "auth.h"
#include "fsutil.h"
#include "gen_cli.h"

static const char help_deps[] = "mix phx.gen.auth must be installed into a Phoenix 1.5 app that\n"
                                "contains ecto and html templates.\n"
                                "\n"
                                "    mix phx.new my_app\n"
                                "    mix phx.new my_app --umbrella\n"
                                "    mix phx.new my_app --database mysql\n"
                                "\n"
                                "Apps generated with --no-ecto or --no-html are not supported.\n";

struct repo_scan {
	const char *needle; /* "defmodule Hello.Repo do" */
	struct mx_buf *src; /* the file that defines it */
	bool found;
};

static int scan_repo(const char *path, const char *rel, const struct stat *st, void *ctx)
{
	struct repo_scan *rs = ctx;
	struct mx_err err = MX_ERR_INIT;
	(void)st;
	size_t l = strlen(rel);
	if (rs->found || l < 3 || strcmp(rel + l - 3, ".ex"))
		return MX_WALK_CONTINUE;
	mx_buf_reset(rs->src);
	if (mx_fs_read(path, rs->src, &err) == 0 && strstr(rs->src->buf, rs->needle))
		rs->found = true;
	return MX_WALK_CONTINUE;
}

/*
 * get_ecto_adapter!: Phoenix loads the repo module and asks its adapter.
 * Without compiling, the module is found by its defmodule line under the
 * context app's lib/, and the adapter is the `adapter:` of its use line.
 * NULL when no file defines the repo.
 */
const char *auth_repo_adapter(struct gen_session *s, const char *repo)
{
	struct mx_buf needle = MX_BUF_INIT, src = MX_BUF_INIT, lib = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	const char *adapter = NULL;
	mx_buf_addf(&needle, "defmodule %s do", repo);
	mx_buf_addf(&lib, "%slib", s->proj.context_path);
	struct repo_scan rs = {needle.buf, &src, false};
	if (mx_fs_is_dir(lib.buf))
		mx_fs_walk(lib.buf, 0, scan_repo, &rs, &err);
	if (rs.found) {
		const char *a = strstr(strstr(src.buf, needle.buf), "adapter:");
		adapter = "Ecto.Adapters.Postgres";
		if (a) {
			a += 8;
			while (*a == ' ')
				a++;
			size_t n = 0;
			while (a[n] &&
			       (a[n] == '.' || a[n] == '_' || (a[n] >= 'A' && a[n] <= 'Z') ||
			        (a[n] >= 'a' && a[n] <= 'z') || (a[n] >= '0' && a[n] <= '9')))
				n++;
			adapter = mx_arena_strndup(&s->arena, a, n);
		}
	}
	mx_buf_release(&needle);
	mx_buf_release(&src);
	mx_buf_release(&lib);
	return adapter;
}

/* validate_required_dependencies!: the deps of mix.exs, by their tuple. */
int auth_check_deps(void)
{
	struct mx_buf src = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	int ret = 0;
	if (mx_fs_read("mix.exs", &src, &err) < 0)
		goto out;
	if (!strstr(src.buf, "{:ecto_sql,"))
		ret = phx_gen_raise_with_help(help_deps, "mix phx.gen.auth requires ecto_sql");
	else if (!strstr(src.buf, "{:phoenix_html,"))
		ret = phx_gen_raise_with_help(help_deps, "mix phx.gen.auth requires phoenix_html");
out:
	mx_buf_release(&src);
	return ret;
}

/* Is <Base>.Mailer defined anywhere under lib/? */
bool auth_has_mailer(struct gen_session *s, const char *base)
{
	struct mx_buf needle = MX_BUF_INIT, src = MX_BUF_INIT, lib = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_buf_addf(&needle, "defmodule %s.Mailer do", base);
	mx_buf_addf(&lib, "%slib", s->proj.context_path);
	struct repo_scan rs = {needle.buf, &src, false};
	if (mx_fs_is_dir(lib.buf))
		mx_fs_walk(lib.buf, 0, scan_repo, &rs, &err);
	mx_buf_release(&needle);
	mx_buf_release(&src);
	mx_buf_release(&lib);
	return rs.found;
}
