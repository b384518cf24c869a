/*
 * ecto.gen.repo: `mix ecto.gen.repo`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

static const char *repo;

static const struct mx_option options[] = {
    MX_OPT_STR_("repo", 'r', &repo, "REPO", "The repository to generate (required)"),
    MX_OPT_END_,
};

const struct mx_command phx_gen_cmd_ecto_gen_repo = {
    .name = "ecto.gen.repo",
    .task = "ecto.gen.repo",
    .tool = "phx-gen",
    .shortdoc = "Generates a new repository",
    .synopsis = "-r REPO",
    .doc = "Generates a new repository, as `mix ecto.gen.repo` does.\n"
           "\n"
           "lib/<app>/<repo>.ex (an Ecto.Repo on the PostgreSQL adapter) and its\n"
           "config, inserted after `import Config` in config/config.exs.\n"
           "\n"
           "  phx-gen ecto.gen.repo -r Hello.Repo\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .options = options,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
