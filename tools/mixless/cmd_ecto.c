/* `mixless ecto` and `mixless phx.gen`: Ecto's and Phoenix's listing tasks
 * (Mix.Tasks.Ecto, Mix.Tasks.Phx.Gen), which print a header, then
 * `mix help --search ecto.` / `phx.gen.`. */
#include <stdio.h>

#include "catalog.h"
#include "commands.h"
#include "diag.h"

/* The Ecto release that ecto_sql 3.14.0 ran with in the reference app: what
 * `mix ecto` names. */
#define MIXLESS_ECTO_VERSION "3.14.2"

static int run_ecto(const struct mx_cmdline *cl)
{
	if (cl->args.n)
		return mx_diag_fail(MX_EXIT_FAIL, "Invalid arguments, expected: mixless ecto");
	printf("Ecto v%s\n"
	       "A toolkit for data mapping and language integrated query for Elixir.\n"
	       "\nAvailable tasks:\n\n",
	       MIXLESS_ECTO_VERSION);
	mixless_catalog_search(stdout, "ecto.");
	return MX_EXIT_OK;
}

static int run_phx_gen(const struct mx_cmdline *cl)
{
	/* Phoenix ignores any arguments here */
	mixless_catalog_search(stdout, "phx.gen.");
	return MX_EXIT_OK;
}

const struct mx_command mixless_cmd_ecto = {
    .name = "ecto",
    .task = "ecto",
    .tool = "mixless",
    .shortdoc = "Prints Ecto help information",
    .doc = "Prints Ecto help information, as `mix ecto` does: the Ecto version of the\n"
           "ecto_sql mixless follows, then every ecto. task (help --search ecto.).\n"
           "\n"
           "  mixless ecto\n",
    .max_args = -1,
    .fn = run_ecto,
};

const struct mx_command mixless_cmd_phx_gen = {
    .name = "phx.gen",
    .task = "phx.gen",
    .tool = "mixless",
    .shortdoc = "Lists all available Phoenix generators",
    .doc = "Lists all available Phoenix generators, as `mix phx.gen` does (help\n"
           "--search phx.gen.).\n"
           "\n"
           "  mixless phx.gen\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = run_phx_gen,
};
