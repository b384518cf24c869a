/*
 * ecto.gen.migration: `mix ecto.gen.migration`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

static struct mx_strvec repos = MX_STRVEC_INIT, paths = MX_STRVEC_INIT;
static const char *change;
static bool no_compile, no_deps_check;

static const struct mx_option options[] = {
    MX_OPT_LIST_("repo", 'r', &repos, "REPO", "The repo (default: the project's repo)"),
    MX_OPT_LIST_("migrations-path", 0, &paths, "DIR", "Where to write the migration"),
    {MX_OPT_STRING, "change", 0, &change, "CODE", "The body of change/0 (used by other tasks)",
     MX_OPT_HIDDEN, NULL, NULL},
    {MX_OPT_BOOL, "no-compile", 0, &no_compile, NULL, "Accepted for mix compatibility",
     MX_OPT_HIDDEN, NULL, NULL},
    {MX_OPT_BOOL, "no-deps-check", 0, &no_deps_check, NULL, "Accepted for mix compatibility",
     MX_OPT_HIDDEN, NULL, NULL},
    MX_OPT_END_,
};

const struct mx_command phx_gen_cmd_ecto_gen_migration = {
    .name = "ecto.gen.migration",
    .task = "ecto.gen.migration",
    .tool = "phx-gen",
    .shortdoc = "Generates a new migration for the repo",
    .synopsis = "NAME [-r REPO] [--migrations-path DIR]",
    .doc = "Generates a new migration for the repo, as `mix ecto.gen.migration` does.\n"
           "\n"
           "priv/repo/migrations/<UTC timestamp>_<name>.exs with an empty change/0,\n"
           "in the module <Repo>.Migrations.<Name>; a migration of the same name is\n"
           "an error.\n"
           "\n"
           "  phx-gen ecto.gen.migration add_posts_table\n"
           "  mixless ecto.gen.migration add_posts_table -r Hello.Repo\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .options = options,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
