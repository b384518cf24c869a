/*
 * cli: the project entry and the messages both commands print.
 */
#include "cli.h"
#include "names.h"

#include <time.h>

#include "buf.h"
#include "project/project.h"

int phx_digest_enter(const char *dir, struct phx_digest_opts *o)
{
	struct mx_project p = MX_PROJECT_INIT;
	struct mx_err err = MX_ERR_INIT;
	/* mix phx.digest never runs app.config: no runtime.exs */
	const struct mx_project_opts po = {
	    .dir = dir, .no_runtime = true, .gently = true, .chdir = true};
	int ret = MX_EXIT_OK;

	if (mx_project_enter(&p, &po, &err) < 0 || phx_digest_project_config(&p, o, &err) < 0)
		ret = mx_diag_error(&err);
	mx_project_release(&p);
	return ret;
}

void phx_digest_say_path(FILE *f, enum mx_color c, const char *pre, const char *path,
                         const char *post)
{
	struct mx_buf b = MX_BUF_INIT;
	phx_digest_inspect(&b, path);
	fprintf(f, "%s%s%s%s%s\n", mx_diag_ansi(f, c), pre, b.buf, post, mx_diag_ansi(f, MX_RESET));
	mx_buf_release(&b);
}

long long phx_digest_now(void)
{
	return (long long)time(NULL) + PHX_DIGEST_GREGORIAN_OFFSET;
}
