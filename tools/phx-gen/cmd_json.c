/*
 * json: `mix phx.gen.json`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_json = {
    .name = "json",
    .task = "phx.gen.json",
    .tool = "phx-gen",
    .shortdoc = "Generates controller, views, and context for a JSON resource",
    .synopsis = "Context Schema plural [field:type...] [options]",
    .doc = "Generates controller, views, and context for a JSON resource, as\n"
           "`mix phx.gen.json` does.\n"
           "\n"
           "A controller, its JSON module, the changeset JSON and fallback\n"
           "controller when missing, their tests, and the context and schema of\n"
           "phx.gen.context; then the `resources` line for the \"/api\" scope.\n"
           "\n"
           "  phx-gen json Accounts User users name:string\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
