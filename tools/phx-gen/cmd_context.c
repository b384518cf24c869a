/*
 * context: `mix phx.gen.context`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_context = {
    .name = "context",
    .task = "phx.gen.context",
    .tool = "phx-gen",
    .shortdoc = "Generates a context with functions around an Ecto schema",
    .synopsis = "Context Schema plural [field:type...] [options]",
    .doc = "Generates a context with functions around an Ecto schema, as\n"
           "`mix phx.gen.context` does.\n"
           "\n"
           "The schema and its migration, the context module with list, get,\n"
           "create, update, delete and change functions (injected when the context\n"
           "exists already), its tests and fixtures. Switches as Phoenix's:\n"
           "--no-schema, --no-context, --binary-id, --table, --prefix, --web,\n"
           "--context-app, --merge-with-existing-context; unknown ones are ignored,\n"
           "as Phoenix's generators ignore them.\n"
           "\n"
           "  phx-gen context Accounts User users name:string age:integer\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
