/*
 * web_run: one run of phx.gen.html, phx.gen.json or phx.gen.live, in
 * Phoenix's order (Mix.Tasks.Phx.Gen.Html.run/1 and its siblings):
 *
 *   1. Gen.Context.build(args): the context's switches, validation and
 *      help text (phx.gen.context's, which names all four tasks);
 *   2. Gen.Context.prompt_for_code_injection: the existing-context question;
 *   3. the plan: the web files, then the context's (schema, migration,
 *      context, tests, fixtures) when the context is generated; the
 *      conflict list covers both;
 *   4. live only: the CoreComponents import into lib/<app>_web.ex;
 *   5. the route instructions, then the context's (the migrate reminder).
 */
#include "web_run.h"

#include <stdio.h>
#include <string.h>

#include "gen_cli.h"
#include "phx_gen_context.h"
#include "web_gen.h"

const struct mx_option phx_gen_web_options[] = {
    PHX_GEN_CONTEXT_OPTIONS,
    MX_OPT_END_,
};

int phx_gen_web_run(enum web_gen gen, const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct gen_resource r;
	struct mx_buf help = MX_BUF_INIT, text = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	bool go_on = true;
	phx_gen_cli_opts(&o);
	int ret = phx_gen_session_enter(&s, phx_gen_cli.dir, cl->cmd->task, &phx_gen_cli.sw, &o);
	if (!ret)
		ret = phx_gen_context_from_args(&s, &o, cl->args.n, cl->args.v, &r);
	/* Phoenix asks about an existing context before the conflicts. */
	if (!ret)
		ret = phx_gen_context_confirm(&s, &o, &r, &go_on);
	if (ret || !go_on)
		goto out;

	struct web_env env = {
	    .gen = gen,
	    .proj = &s.proj,
	    .schema = &r.schema,
	    .context = &r.context,
	    .session = &s,
	    .tree = r.root,
	    .api_prefix = o.api_prefix,
	};
	ret = phx_gen_web_plan(&env, &s.plan);
	if (ret)
		goto out;
	if (r.context.generate) {
		ret = phx_gen_context_plan(&s, &r);
		if (ret)
			goto out;
	}
	if (gen == WEB_LIVE && phx_gen_web_live_imports(&env, &s.plan, &help, &err) < 0) {
		ret = phx_gen_mix_raise("%s", err.msg);
		goto out;
	}
	ret = phx_gen_plan_prepare(&s.plan, &go_on);
	if (ret || !go_on)
		goto out;
	ret = phx_gen_plan_commit(&s.plan);
	if (ret || s.plan.sw.dry_run)
		goto out;
	if (r.context.generate)
		phx_gen_context_fixture_note(&r);
	if (help.len) {
		/* Phoenix printed "* injecting" before finding no anchor. */
		struct mx_buf path = MX_BUF_INIT;
		mx_buf_addf(&path, "%s.ex", phx_gen_web_path(&s));
		phx_gen_print_action("injecting", path.buf);
		mx_buf_release(&path);
		printf("%s\n", help.buf);
	}
	phx_gen_web_instructions(&env, &text);
	printf("%s\n", text.buf);
	if (r.context.generate && r.schema.generate && r.schema.migration)
		phx_gen_print_migrate_reminder();
	fflush(stdout);
out:
	mx_buf_release(&text);
	mx_buf_release(&help);
	phx_gen_session_release(&s);
	return ret;
}
