/*
 * routes: `mix phx.routes`, phx-routes' one command. It chooses the router
 * and endpoint as the mix task does (Mix.Tasks.Phx.Routes in 1.7.24), reads
 * them from source (router.c, endpoint.c) and prints the table (format.c)
 * or, with --info, where a URL goes (info.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "command.h"
#include "diag.h"
#include "endpoint.h"
#include "format.h"
#include "fsutil.h"
#include "info.h"
#include "project/locate.h"
#include "project/project.h"
#include "router.h"

static const char *info, *method, *dir, *router_opt, *endpoint_opt, *format_opt, *grep_opt,
    *depfile_opt, *output_opt;
static bool no_compile;

static const struct mx_option options[] = {
    MX_OPT_STR_("router", 0, &router_opt, "MOD",
                "The router module or its .ex file (default <Web>.Router, else <Base>.Router)"),
    MX_OPT_STR_("endpoint", 0, &endpoint_opt, "MOD",
                "The endpoint whose sockets are listed (default <Web>.Endpoint)"),
    MX_OPT_STR_("info", 0, &info, "URL", "Print the module and function a URL routes to"),
    MX_OPT_STR_("method", 0, &method, "METHOD",
                "HTTP method for --info (default GET); a filter otherwise"),
    MX_OPT_STR_("format", 0, &format_opt, "FMT", "text (default, as mix prints it), json or csv"),
    MX_OPT_STR_("grep", 0, &grep_opt, "PATTERN",
                "Only routes whose path, module or helper holds PATTERN"),
    MX_OPT_STR_("output", 'o', &output_opt, "FILE",
                "Write the table to FILE (atomically) instead of stdout"),
    MX_OPT_STR_("depfile", 0, &depfile_opt, "FILE", "Write a depfile listing every file read"),
    MX_OPT_BOOL_("no-compile", 0, &no_compile,
                 "Accepted for mix compatibility (nothing is compiled)"),
    MX_OPT_DIRECTORY(&dir),
    MX_OPT_END_,
};

/* The close of the task's two "which router" errors (no '%' in it: it
 * ends a format string). */
#define ROUTER_EXAMPLE                                                                             \
	" to phx.routes, for example:\n"                                                           \
	"\n"                                                                                       \
	"    $ mix phx.routes MyAppWeb.Router\n"                                                   \
	"\n"                                                                                       \
	"An alias can be added to mix.exs aliases to automate this:\n"                             \
	"\n"                                                                                       \
	"    \"phx.routes\": \"phx.routes MyAppWeb.Router\"\n"

static const char umbrella_msg[] =
    "umbrella applications require an explicit router to be given" ROUTER_EXAMPLE;

/* Module.concat([name]) as inspect prints it: without "Elixir.". */
static const char *mod_name(const char *s)
{
	return !strncmp(s, "Elixir.", 7) ? s + 7 : s;
}

/* The router's module and file, as router/2 of the task chooses it, and
 * the file's text (read once, for choosing and for the reader). */
static int choose_router(const struct mx_project *p, const char *cwd, const char *given,
                         struct mx_buf *mod, struct mx_buf *path, struct mx_buf *text)
{
	size_t glen = given ? strlen(given) : 0;
	if (glen > 3 && !strcmp(given + glen - 3, ".ex")) {
		/* A router file (the build glue's ROUTER): its first module. */
		struct mx_err err = MX_ERR_INIT;
		mx_path_join(path, cwd, given);
		if (mx_fs_read(path->buf, text, &err) < 0)
			return mx_diag_error(&err);
		if (!mx_text_first_module(text->buf ? text->buf : "", text->len, mod))
			return mx_diag_fail(MX_EXIT_FAIL, "%s defines no module", given);
		return 0;
	}
	if (given) {
		mx_buf_adds(mod, mod_name(given));
		if (mx_project_locate_module(p, mod->buf, path, text))
			return 0;
		return mx_diag_fail(MX_EXIT_FAIL, "the provided router, %s, does not exist",
		                    mod->buf);
	}
	if (p->umbrella || !p->base)
		return mx_diag_fail(MX_EXIT_FAIL, "%s", umbrella_msg);
	struct mx_buf web = MX_BUF_INIT, old = MX_BUF_INIT;
	mx_buf_addf(&web, "%sWeb.Router", p->base);
	mx_buf_addf(&old, "%s.Router", p->base);
	int ret = 0;
	if (mx_project_locate_module(p, web.buf, path, text))
		mx_buf_adds(mod, web.buf);
	else if (mx_project_locate_module(p, old.buf, path, text))
		mx_buf_adds(mod, old.buf);
	else
		ret = mx_diag_fail(MX_EXIT_FAIL,
		                   "no router found at %s or %s.\n"
		                   "An explicit router module may be given" ROUTER_EXAMPLE,
		                   web.buf, old.buf);
	mx_buf_release(&web);
	mx_buf_release(&old);
	return ret;
}

static int parse_format(enum pr_format *f)
{
	if (!format_opt || !strcmp(format_opt, "text"))
		*f = PR_FORMAT_TEXT;
	else if (!strcmp(format_opt, "json"))
		*f = PR_FORMAT_JSON;
	else if (!strcmp(format_opt, "csv"))
		*f = PR_FORMAT_CSV;
	else
		return mx_diag_usage("--format: expected text, json or csv, got '%s'", format_opt);
	return 0;
}

/* A path as the depfile lists it: absolute, so that the build reading it
 * finds the file whatever its own directory (the tool ran in the root). */
static void absolute(const struct mx_project *p, const char *path, struct mx_buf *out)
{
	mx_buf_reset(out);
	if (path[0] == '/')
		mx_buf_adds(out, path);
	else
		mx_project_path(p, path, out);
}

/* The depfile: the target is the output file (what the build rule makes),
 * else the depfile's name without its extension; the dependencies are
 * every file read, mix.exs and the config included (compile_env reads
 * it). Its directory is created, as build systems expect of a tool. */
static int write_depfile(const struct mx_project *p, const char *cwd, const struct mx_strvec *read,
                         struct mx_err *err)
{
	struct mx_depfile d = MX_DEPFILE_INIT;
	struct mx_buf b = MX_BUF_INIT, path = MX_BUF_INIT;
	int ret = -1;

	if (output_opt) {
		mx_path_join(&b, cwd, output_opt);
	} else {
		mx_path_join(&b, cwd, depfile_opt);
		char *dot = strrchr(b.buf, '.');
		if (dot && !strchr(dot, '/'))
			mx_buf_setlen(&b, (size_t)(dot - b.buf));
	}
	mx_depfile_add_target(&d, b.buf);
	if (p->mix_exs)
		mx_depfile_add(&d, p->mix_exs);
	for (size_t i = 0; i < p->config.files.n; i++) {
		absolute(p, p->config.files.v[i], &b);
		mx_depfile_add(&d, b.buf);
	}
	for (size_t i = 0; i < read->n; i++) {
		absolute(p, read->v[i], &b);
		mx_depfile_add(&d, b.buf);
	}
	mx_path_join(&path, cwd, depfile_opt);
	char *parent = mx_path_dirname(path.buf);
	if (mx_fs_mkdir_p(parent, 0777, err) == 0)
		ret = mx_depfile_write(&d, path.buf, err);
	free(parent);
	mx_depfile_clear(&d);
	mx_buf_release(&b);
	mx_buf_release(&path);
	return ret;
}

/* The table to --output FILE: atomically (a temp file renamed over it at
 * commit), its directory created. */
static int open_output(const char *cwd, struct mx_atomic *af, struct mx_err *err)
{
	struct mx_buf path = MX_BUF_INIT;
	mx_path_join(&path, cwd, output_opt);
	char *parent = mx_path_dirname(path.buf);
	int ret = mx_fs_mkdir_p(parent, 0777, err);
	if (ret == 0)
		ret = mx_atomic_open(af, path.buf, 0666, err);
	free(parent);
	mx_buf_release(&path);
	return ret;
}

static void to_stdout(void *ctx, const char *data, size_t n)
{
	(void)ctx;
	fwrite(data, 1, n, stdout);
}

static void to_atomic(void *ctx, const char *data, size_t n)
{
	mx_atomic_write(ctx, data, n);
}

static int run(const struct mx_cmdline *cl)
{
	struct mx_project p = MX_PROJECT_INIT;
	struct mx_err err = MX_ERR_INIT;
	/* runtime.exs is not read: the router and endpoint are compiled
	 * before it runs, so compile-time config is what shapes them. */
	const struct mx_project_opts po = {.dir = dir, .chdir = true, .no_runtime = true};
	struct mx_arena arena = MX_ARENA_INIT;
	struct pr_table t;
	struct mx_strvec read = MX_STRVEC_INIT, warnings = MX_STRVEC_INIT;
	struct mx_atomic af = MX_ATOMIC_INIT;
	struct mx_buf rmod = MX_BUF_INIT, rpath = MX_BUF_INIT, rtext = MX_BUF_INIT,
	              emod = MX_BUF_INIT, epath = MX_BUF_INIT, etext = MX_BUF_INIT,
	              out = MX_BUF_INIT;
	enum pr_format fmt = PR_FORMAT_TEXT;
	int ret;

	/* -C moves into the root; --output and --depfile are relative to
	 * where the tool was started, as any build tool's are. */
	char cwd[4096];
	if (!getcwd(cwd, sizeof(cwd)))
		snprintf(cwd, sizeof(cwd), ".");
	pr_table_init(&t, &arena);
	if ((ret = parse_format(&fmt)) != 0)
		goto out;
	if (cl->args.n > 1) {
		ret = mx_diag_usage("expected at most one ROUTER, got %zu arguments", cl->args.n);
		goto out;
	}
	if (mx_project_enter(&p, &po, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	const char *given = cl->args.n ? cl->args.v[0] : router_opt;
	if ((ret = choose_router(&p, cwd, given, &rmod, &rpath, &rtext)) != 0)
		goto out;
	/* endpoint/2: only without a positional router, or with --endpoint
	 * (which Phoenix 1.7.24 crashes on with a positional router). A
	 * missing endpoint means no socket lines, as loaded/1 answers nil. */
	if (endpoint_opt)
		mx_buf_adds(&emod, mod_name(endpoint_opt));
	else if (!cl->args.n && p.base)
		mx_buf_addf(&emod, "%sWeb.Endpoint", p.base);
	if (emod.len && !mx_project_locate_module(&p, emod.buf, &epath, &etext))
		mx_buf_reset(&emod);

	struct pr_router_src src = {rmod.buf, rpath.buf, rtext.buf, rtext.len,
	                            &p,       &read,     &warnings};
	if (pr_router_read(&t, &src, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	if (emod.len) {
		mx_strvec_push(&read, epath.buf);
		if (pr_endpoint_read(&t, &p, epath.buf, etext.buf, etext.len, emod.buf, &err) < 0) {
			ret = mx_diag_error(&err);
			goto out;
		}
	}
	for (size_t i = 0; i < warnings.n; i++)
		fprintf(stderr, "%s\n", warnings.v[i]);
	if (depfile_opt && write_depfile(&p, cwd, &read, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	if (info) {
		ret = pr_info(&t, &p, rmod.buf, info, method, &out, &err);
		if (ret < 0) {
			ret = mx_diag_error(&err);
			goto out;
		}
	} else {
		struct pr_filter filter = {grep_opt, method};
		struct pr_sink sink = {to_stdout, NULL};
		if (output_opt) {
			if (open_output(cwd, &af, &err) < 0) {
				ret = mx_diag_error(&err);
				goto out;
			}
			sink = (struct pr_sink){to_atomic, &af};
		}
		pr_format_to(&t, fmt, &filter, &out, &sink);
		/* Mix.shell().info/1 ends the table with one more newline. */
		if (fmt == PR_FORMAT_TEXT)
			mx_buf_addch(&out, '\n');
	}
	if (output_opt && !info) {
		mx_atomic_write(&af, out.buf ? out.buf : "", out.len);
		if (mx_atomic_commit(&af, &err) < 0) {
			ret = mx_diag_error(&err);
			goto out;
		}
	} else if (fwrite(out.buf ? out.buf : "", 1, out.len, stdout) != out.len ||
	           fflush(stdout) != 0 || ferror(stdout)) {
		ret = mx_diag_fail(MX_EXIT_FAIL, "cannot write the table: %s", "write error");
		goto out;
	}
	/* An incomplete table is printed in full and said so by the status. */
	ret = t.skipped ? MX_EXIT_FAIL : MX_EXIT_OK;
out:
	mx_atomic_abort(&af);
	pr_table_release(&t);
	mx_arena_release(&arena);
	mx_strvec_clear(&read);
	mx_strvec_clear(&warnings);
	mx_buf_release(&rmod);
	mx_buf_release(&rpath);
	mx_buf_release(&rtext);
	mx_buf_release(&emod);
	mx_buf_release(&epath);
	mx_buf_release(&etext);
	mx_buf_release(&out);
	mx_project_release(&p);
	return ret;
}

const struct mx_command phx_routes_cmd_routes = {
    .task = "phx.routes",
    .tool = "phx-routes",
    .shortdoc = "Prints all routes",
    .synopsis = "[ROUTER] [--info URL [--method METHOD]] [--format text|json|csv]",
    .doc = "Prints all routes, as `mix phx.routes` does.\n"
           "\n"
           "The routes of ROUTER (default <Web>.Router, else <Base>.Router) are read\n"
           "from the source of the router and the endpoint, without compiling the\n"
           "app, and printed in Phoenix's columns: the helper (when the router has\n"
           "helpers), verb, path, then the controller or LiveView and its action,\n"
           "followed by the endpoint's socket paths. Compile-time conditions\n"
           "(Mix.env(), Application.compile_env) are evaluated for MIX_ENV.\n"
           "\n"
           "With --info URL, the module and function a URL routes to, and where it\n"
           "is defined. --format json|csv, --grep and --method (as a filter) go\n"
           "beyond mix; --depfile FILE lists the files read, for build systems.\n"
           "\n"
           "A route macro of another library (oban_dashboard, ash_admin...) cannot\n"
           "be expanded without its code: it is named on stderr with its file:line,\n"
           "the rest of the table is printed, and the exit status is 1.\n"
           "\n"
           "  phx-routes\n"
           "  phx-routes HelloWeb.Router\n"
           "  phx-routes --info /users/1 --method PUT\n"
           "  phx-routes --format json --grep /api\n"
           "  mixless phx.routes\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
