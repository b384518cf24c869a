/*
 * json: `mix phx.gen.json`. The entry only; the run is web_run.c's,
 * shared with the other web generators.
 */
#include "web_run.h"

static int run(const struct mx_cmdline *cl)
{
	return phx_gen_web_run(WEB_JSON, cl);
}

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
           "\n" PHX_GEN_WEB_SWITCHES_DOC,
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .options = phx_gen_web_options,
    .fn = run,
};
