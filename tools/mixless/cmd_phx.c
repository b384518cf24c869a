/* `mixless phx`: Phoenix's own help task (Mix.Tasks.Phx). */
#include <stdio.h>

#include "catalog.h"
#include "commands.h"
#include "diag.h"
#include "mixless_version.h"

static bool version;

static const struct mx_option options[] = {
    MX_OPT_BOOL_(NULL, 'v', &version, "Print the Phoenix version mixless follows"),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	if (cl->args.n)
		return mx_diag_fail(MX_EXIT_FAIL, "Invalid arguments, expected: mixless phx");
	/* mix phx -v: "Phoenix v<version>", the version this mixless follows. */
	printf("Phoenix v%s\n", MIXLESS_PHOENIX_VERSION);
	if (version)
		return MX_EXIT_OK;
	printf("Peace of mind from prototype to production\n"
	       "\n## Options\n\n"
	       "-v, --version        # Prints Phoenix version\n\n");
	/* then `mix help --search phx.`; a project's aliases and tasks count */
	mixless_catalog_search(stdout, "phx.");
	return MX_EXIT_OK;
}

const struct mx_command mixless_cmd_phx = {
    .name = "phx",
    .task = "phx",
    .tool = "mixless",
    .shortdoc = "Prints Phoenix help information",
    .synopsis = "[-v]",
    .doc = "Prints Phoenix help information, as `mix phx` does: the Phoenix version\n"
           "mixless follows, then every phx. task mixless runs (help --search phx.).\n"
           "With -v, only the version line (\"Phoenix v1.7.24\").\n"
           "\n"
           "`mix phx --version` prints the version line too; here --version is every\n"
           "command's switch, the mixless version (which names the Phoenix version).\n"
           "\n"
           "  mixless phx\n"
           "  mixless phx -v\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
