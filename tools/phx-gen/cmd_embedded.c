/*
 * embedded: `mix phx.gen.embedded`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_embedded = {
    .name = "embedded",
    .task = "phx.gen.embedded",
    .tool = "phx-gen",
    .shortdoc = "Generates an embedded Ecto schema file",
    .synopsis = "Schema [field:type...] [options]",
    .doc = "Generates an embedded Ecto schema file, as `mix phx.gen.embedded` does.\n"
           "\n"
           "One file, lib/<app>/<path>.ex, with an embedded_schema and a changeset\n"
           "that requires every field. No migration.\n"
           "\n"
           "  phx-gen embedded Blog.Post title:string views:integer\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
