/*
 * html: `mix phx.gen.html`. The entry only; the run is web_run.c's,
 * shared with the other web generators.
 */
#include "web_run.h"

static int run(const struct mx_cmdline *cl)
{
	return phx_gen_web_run(WEB_HTML, cl);
}

const struct mx_command phx_gen_cmd_html = {
    .name = "html",
    .task = "phx.gen.html",
    .tool = "phx-gen",
    .shortdoc = "Generates controller, views, and context for an HTML resource",
    .synopsis = "Context Schema plural [field:type...] [options]",
    .doc = "Generates controller, views, and context for an HTML resource, as\n"
           "`mix phx.gen.html` does.\n"
           "\n"
           "A controller, its HTML module and templates (index, show, new, edit and\n"
           "the form), their tests, and the context and schema of phx.gen.context;\n"
           "then the `resources` line to add to the router's browser scope.\n"
           "\n"
           "  phx-gen html Accounts User users name:string age:integer\n"
           "  phx-gen html Sales Order orders --web Sales\n"
           "\n" PHX_GEN_WEB_SWITCHES_DOC,
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .options = phx_gen_web_options,
    .fn = run,
};
