/*
 * routes: `mix phx.routes`, phx-routes' one command. This release has the
 * command line and the project entry; the router reader comes with its own
 * issue, and until then the command says so instead of printing a guess.
 */
#include "command.h"
#include "diag.h"
#include "project/project.h"

static const char *info, *method, *dir;

static const struct mx_option options[] = {
    MX_OPT_STR_("info", 0, &info, "URL", "Print the module and function a URL routes to"),
    MX_OPT_STR_("method", 0, &method, "METHOD", "HTTP method for --info (default GET)"),
    MX_OPT_DIRECTORY(&dir),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	struct mx_project p = MX_PROJECT_INIT;
	struct mx_err err = MX_ERR_INIT;
	const struct mx_project_opts po = {.dir = dir};
	int ret;

	if (mx_project_enter(&p, &po, &err) < 0)
		ret = mx_diag_error(&err);
	else
		ret = mx_diag_fail(MX_EXIT_FAIL, "the router reader is not implemented yet");
	mx_project_release(&p);
	return ret;
}

const struct mx_command phx_routes_cmd_routes = {
    .task = "phx.routes",
    .tool = "phx-routes",
    .shortdoc = "Prints all routes",
    .synopsis = "[ROUTER] [--info URL [--method METHOD]]",
    .doc = "Prints all routes, as `mix phx.routes` does.\n"
           "\n"
           "The routes of ROUTER (default <Web>.Router, else <Base>.Router) are read\n"
           "from the source of the router and the endpoint, without compiling the\n"
           "app, and printed in Phoenix's columns: verb, path, then the controller\n"
           "or LiveView and its action, followed by the endpoint's socket paths.\n"
           "With --info URL, the module and function a URL routes to, and where it\n"
           "is defined.\n"
           "\n"
           "  phx-routes\n"
           "  phx-routes HelloWeb.Router\n"
           "  phx-routes --info /users/1 --method PUT\n"
           "  mixless phx.routes\n"
           "\n"
           "Not implemented yet: the router reader comes with its own issue.\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
