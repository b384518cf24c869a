/*
 * phx-routes: `mix phx.routes` from source, without compiling the app. This
 * release has the command line only; the router reader comes with its own
 * issue, and until then the tool says so instead of printing a guess.
 */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "opt.h"

int main(int argc, char **argv)
{
	bool help = false, version = false;
	const char *info = NULL, *method = NULL, *dir = NULL;
	struct mx_strvec pos = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	const struct mx_option opts[] = {
		MX_OPT_STR_("info", 0, &info, "URL", "Print the module and function a URL routes to"),
		MX_OPT_STR_("method", 0, &method, "METHOD", "HTTP method for --info (default GET)"),
		MX_OPT_STR_(NULL, 'C', &dir, "DIR", "Project root (default: nearest mix.exs upward)"),
		MX_OPT_BOOL_("help", 'h', &help, "Show this help"),
		MX_OPT_BOOL_("version", 0, &version, "Show the version"),
		MX_OPT_END_,
	};
	int ret;

	mx_diag_set_prog("phx-routes");
	if (mx_opt_parse(argc, argv, 1, opts, &pos, &err) < 0) {
		ret = mx_diag_usage("%s", err.msg);
		goto out;
	}
	if (help) {
		printf("Usage: phx-routes [ROUTER] [--info URL [--method METHOD]]\n\n"
		       "Prints all routes, as `mix phx.routes` does.\n\nOptions:\n");
		mx_opt_print_help(stdout, opts);
		ret = MX_EXIT_OK;
		goto out;
	}
	if (version) {
		ret = mx_opt_version(stdout);
		goto out;
	}
	ret = mx_diag_fail(MX_EXIT_FAIL, "the router reader is not implemented yet");
out:
	mx_strvec_clear(&pos);
	return ret;
}
