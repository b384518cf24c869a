/*
 * context: `mix phx.gen.context`, a context module with the six functions
 * around a schema, its tests and fixtures; into an existing context the
 * functions, tests and fixtures are injected, after Phoenix's prompt.
 */
#include <stdio.h>
#include <string.h>

#include "gen_cli.h"
#include "phx_gen_context.h"

static const struct mx_option options[] = {
    PHX_GEN_CONTEXT_OPTIONS,
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct gen_resource r;
	phx_gen_cli_opts(&o);
	int ret =
	    phx_gen_session_enter(&s, phx_gen_cli.dir, "phx.gen.context", &phx_gen_cli.sw, &o);
	if (!ret)
		ret = phx_gen_context_from_args(&s, &o, cl->args.n, cl->args.v, &r);
	if (!ret)
		ret = phx_gen_context_plan(&s, &r);
	if (!ret) {
		bool go_on;
		ret = phx_gen_plan_prepare(&s.plan, &go_on);
		if (go_on)
			ret = phx_gen_context_confirm(&s, &o, &r, &go_on);
		if (!ret && go_on) {
			ret = phx_gen_plan_commit(&s.plan);
			if (!ret && !s.plan.sw.dry_run)
				phx_gen_context_instructions(&s, &r);
		}
	}
	phx_gen_session_release(&s);
	return ret;
}

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
           "exists already, after a prompt that --merge-with-existing-context\n"
           "answers), its tests and fixtures. Switches as Phoenix's: --no-schema,\n"
           "--no-context, --binary-id, --table, --prefix, --web, --context-app,\n"
           "--repo, --migration-dir, --no-migration; unknown ones are ignored, as\n"
           "Phoenix's generators ignore them.\n"
           "\n"
           "  phx-gen context Accounts User users name:string age:integer\n"
           "  phx-gen context Accounts Credential credentials email:string:unique --yes\n",
    .notes = "Phoenix's questions (files that exist, an existing context) are asked on a\n"
             "terminal; without one, nothing is written unless --yes answers them.\n"
             "SOURCE_DATE_EPOCH, when set, is the time of migration versions and of\n"
             "the sample dates in generated tests.\n",
    .options = options,
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = run,
};
