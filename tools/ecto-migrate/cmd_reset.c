/*
 * reset: the alias a Phoenix app defines in mix.exs,
 *   "ecto.reset": ["ecto.drop", "ecto.setup"]
 */
#include "command.h"
#include "ecto_migrate.h"
#include "options.h"

static int reset_repo(const struct em_repo *r, const struct em_opts *o)
{
	int ret = em_drop_repo(r, o);
	if (ret == MX_EXIT_OK)
		ret = em_setup_repo(r, o);
	return ret;
}

static const struct mx_option options[] = {
    EM_OPT_REPO,
    MX_OPT_QUIET(&em_options.quiet),
    MX_OPT_BOOL_("force", 'f', &em_options.force, "Do not ask before dropping"),
    EM_OPT_FORCE_DROP,
    EM_OPT_MIGRATIONS_PATH,
    EM_OPT_SEEDS,
    EM_OPT_COMPILE,
    EM_OPT_MIXLESS,
    EM_OPT_LOCK,
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	return em_each_repo(reset_repo);
}

const struct mx_command em_cmd_reset = {
    .name = "reset",
    .task = "ecto.reset",
    .tool = "ecto-migrate",
    .shortdoc = "drop + setup",
    .doc = "drop + setup, as `mix ecto.reset` does.\n"
           "\n"
           "ecto.reset is the alias a new Phoenix app defines in its mix.exs:\n"
           "ecto.drop, then ecto.setup (create, migrate, seeds). This runs the same\n"
           "steps for each repo, with drop's confirmation rule (asked only when the\n"
           "project starts permanent, never with -f/--force) and setup's seeds\n"
           "(--seeds FILE.sql; seeds.exs needs Elixir).\n"
           "\n"
           "  ecto-migrate reset\n"
           "  ecto-migrate reset --force --seeds priv/repo/seeds.sql\n"
           "  mixless ecto.reset\n",
    .options = options,
    .flags = MX_CMD_MIX_ALIAS,
    .fn = run,
};
