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
#include <stdlib.h>
#include <string.h>

#include "gen_cli.h"
#include "web_gen.h"

/* INTERIM (until the core's context generator lands): Gen.Context.build's
 * validate_args! and the schema; the context's files are not planned yet. */
static int context_from_args(struct gen_session *s, struct gen_opts *o, size_t argc,
                             char *const *args, struct gen_schema *schema,
                             struct gen_context *context)
{
	const char *help = phx_gen_context_help;
	if (argc < 3)
		return phx_gen_raise_with_help(help, "Invalid arguments");
	struct mx_buf q = MX_BUF_INIT;
	int ret = 0;
	if (!phx_gen_valid_module(args[0])) {
		phx_gen_inspect_string(args[0], &q);
		ret = phx_gen_raise_with_help(
		    help, "Expected the context, %s, to be a valid module name", q.buf);
	} else if (!phx_gen_valid_module(args[1])) {
		phx_gen_inspect_string(args[1], &q);
		ret = phx_gen_raise_with_help(
		    help, "Expected the schema, %s, to be a valid module name", q.buf);
	} else if (!strcmp(args[0], args[1])) {
		ret = phx_gen_raise_with_help(help,
		                              "The context and schema should have different names");
	} else if (!strcmp(args[0], s->proj.base)) {
		ret = phx_gen_raise_with_help(
		    help, "Cannot generate context %s because it has the same name as the application",
		    args[0]);
	} else if (!strcmp(args[1], s->proj.base)) {
		ret = phx_gen_raise_with_help(
		    help, "Cannot generate schema %s because it has the same name as the application",
		    args[1]);
	}
	if (ret)
		goto out;
	mx_buf_addf(&q, "%s.%s", args[0], args[1]);
	char **sargs = mx_xcalloc(argc, sizeof(*sargs));
	sargs[0] = q.buf;
	for (size_t i = 1; i + 1 < argc; i++)
		sargs[i] = args[i + 1];
	ret = phx_gen_schema_from_args(s, o, help, argc - 1, sargs, schema);
	free(sargs);
	if (!ret)
		phx_gen_context_build(&s->arena, &s->proj, o, args[0], context);
out:
	mx_buf_release(&q);
	return ret;
}

static const char *const task_of[] = {
    [WEB_HTML] = "phx.gen.html",
    [WEB_JSON] = "phx.gen.json",
    [WEB_LIVE] = "phx.gen.live",
};

int phx_gen_web_run(enum web_gen gen, const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct gen_schema schema;
	struct gen_context context;
	struct mx_buf help = MX_BUF_INIT, text = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	phx_gen_cli_opts(&o);
	int ret = phx_gen_session_enter(&s, phx_gen_cli.dir, task_of[gen], &phx_gen_cli.sw, &o);
	if (ret)
		goto out;
	ret = context_from_args(&s, &o, cl->args.n, cl->args.v, &schema, &context);
	if (ret)
		goto out;

	struct web_env env = {
	    .gen = gen,
	    .proj = &s.proj,
	    .schema = &schema,
	    .context = &context,
	    .templates = s.tmpl,
	    .tree = phx_gen_tree(&s.arena, &s.proj, &schema, &context),
	    .api_prefix = o.api_prefix,
	};
	if (phx_gen_web_plan(&env, &s.plan, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	if (gen == WEB_LIVE && phx_gen_web_live_imports(&env, &s.plan, &help, &err) < 0) {
		ret = phx_gen_mix_raise("%s", err.msg);
		goto out;
	}
	ret = phx_gen_plan_run(&s.plan);
	if (ret || s.plan.sw.dry_run)
		goto out;
	if (help.len) {
		/* Phoenix printed "* injecting" before finding no anchor. */
		struct mx_buf path = MX_BUF_INIT;
		phx_gen_web_path(&s.proj, &path);
		mx_buf_adds(&path, ".ex");
		phx_gen_print_action("injecting", path.buf);
		mx_buf_release(&path);
		printf("%s\n", help.buf);
	}
	phx_gen_web_instructions(&env, &text);
	printf("%s\n", text.buf);
	if (context.generate && schema.generate && schema.migration)
		phx_gen_print_migrate_reminder();
	fflush(stdout);
out:
	mx_buf_release(&text);
	mx_buf_release(&help);
	phx_gen_session_release(&s);
	return ret;
}
