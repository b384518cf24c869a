/*
 * schema: `mix phx.gen.schema`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_schema = {
    .name = "schema",
    .task = "phx.gen.schema",
    .tool = "phx-gen",
    .shortdoc = "Generates an Ecto schema and migration file",
    .synopsis = "Schema plural [field:type...] [options]",
    .doc = "Generates an Ecto schema and migration file, as `mix phx.gen.schema` does.\n"
           "\n"
           "lib/<app>/<path>.ex and priv/repo/migrations/<timestamp>_create_<table>.exs\n"
           "(--no-migration: the schema alone). Switches as Phoenix's: --table,\n"
           "--binary-id, --prefix, --repo, --migration-dir, --context-app.\n"
           "\n"
           "  phx-gen schema Blog.Post blog_posts title:string views:integer\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
