/*
 * live: `mix phx.gen.live`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_live = {
    .name = "live",
    .task = "phx.gen.live",
    .tool = "phx-gen",
    .shortdoc = "Generates LiveView, templates, and context for a resource",
    .synopsis = "Context Schema plural [field:type...] [options]",
    .doc = "Generates LiveView, templates, and context for a resource, as\n"
           "`mix phx.gen.live` does.\n"
           "\n"
           "Index and Show LiveViews with their templates and form component,\n"
           "their tests, the core components when missing, and the context and\n"
           "schema of phx.gen.context; then the five `live` routes to add.\n"
           "\n"
           "  phx-gen live Accounts User users name:string\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
