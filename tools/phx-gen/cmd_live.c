/*
 * live: `mix phx.gen.live`. The entry only; the run is web_run.c's,
 * shared with the other web generators.
 */
#include "web_run.h"

static int run(const struct mx_cmdline *cl)
{
	return phx_gen_web_run(WEB_LIVE, cl);
}

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
           "\n" PHX_GEN_WEB_SWITCHES_DOC,
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .options = phx_gen_web_options,
    .fn = run,
};
