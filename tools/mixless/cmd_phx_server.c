/*
 * `mixless phx.server`: serving is running the app's Elixir code, which
 * needs the BEAM; mixless does not pretend otherwise. With Elixir
 * installed, it hands over to `mix phx.server` (or `iex -S mix phx.server`
 * for --iex); without, it says what is needed.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "strvec.h"

static bool open_browser, iex;

static const struct mx_option options[] = {
    MX_OPT_BOOL_("open", 0, &open_browser, "Open a browser window for each started endpoint"),
    MX_OPT_BOOL_("iex", 0, &iex, "Run it inside IEx: iex -S mix phx.server"),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	const char *name = iex ? "iex" : "mix";
	char *prog = mixless_find_program(name, iex ? "MIXLESS_IEX" : "MIXLESS_MIX");
	struct mx_strvec args = MX_STRVEC_INIT;

	if (!prog)
		return mx_diag_fail(
		    MX_EXIT_FAIL,
		    "phx.server needs the BEAM: serving runs the app's own Elixir "
		    "code, which mixless does not do. Install Elixir (Debian package: "
		    "%s) and run this again, or `%smix phx.server`",
		    MIXLESS_ELIXIR_PACKAGE, iex ? "iex -S " : "");
	mx_strvec_push(&args, name);
	if (iex)
		mx_strvec_push(&args, "-S");
	if (iex)
		mx_strvec_push(&args, "mix");
	mx_strvec_push(&args, "phx.server");
	/* Everything else as given (--open, and mix run's switches such as
	 * --no-compile); --iex is mixless's. */
	for (int i = 0; i < cl->argc; i++)
		if (strcmp(cl->argv[i], "--iex"))
			mx_strvec_push(&args, cl->argv[i]);
	execv(prog, args.v);
	int ret = mx_diag_fail(MX_EXIT_FAIL, "cannot run '%s': %s", prog, strerror(errno));
	free(prog);
	mx_strvec_clear(&args);
	return ret;
}

const struct mx_command mixless_cmd_phx_server = {
    .name = "phx.server",
    .task = "phx.server",
    .tool = "mixless",
    .shortdoc = "Starts applications and their servers",
    .synopsis = "[--open] [--iex] [mix run options]",
    .doc = "Starts the application and its endpoints' servers by handing over to\n"
           "`mix phx.server` (Elixir must be installed: serving runs the app's own\n"
           "code on the BEAM). Without Elixir it says so and exits 1.\n"
           "\n"
           "--open opens a browser window for each started endpoint, as Phoenix\n"
           "has it. --iex runs `iex -S mix phx.server` instead, the usual way to get a\n"
           "shell in the running app. Other switches go to mix as given (mix run's\n"
           "switches, such as --no-compile). MIXLESS_MIX and MIXLESS_IEX name the\n"
           "programs to run instead of mix and iex found on PATH.\n"
           "\n"
           "  mixless phx.server\n"
           "  mixless phx.server --open\n"
           "  mixless phx.server --iex\n",
    .options = options,
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = run,
};
