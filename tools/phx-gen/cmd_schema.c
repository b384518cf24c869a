/*
 * schema: `mix phx.gen.schema`, an Ecto schema and its migration.
 */
#include <stdio.h>

#include "gen_cli.h"

static const struct mx_option options[] = {
    PHX_GEN_SCHEMA_OPTIONS,
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct gen_schema schema;
	phx_gen_cli_opts(&o);
	int ret = phx_gen_session_enter(&s, phx_gen_cli.dir, "phx.gen.schema", &phx_gen_cli.sw, &o);
	if (ret)
		goto out;
	ret =
	    phx_gen_schema_from_args(&s, &o, phx_gen_schema_help, cl->args.n, cl->args.v, &schema);
	if (ret)
		goto out;
	struct mx_tmpl_value *root = phx_gen_tree(&s.arena, &s.proj, &schema, NULL);
	ret = phx_gen_schema_plan(&s, &o, &schema, NULL, root);
	if (ret)
		goto out;
	ret = phx_gen_plan_run(&s.plan);
	if (!ret && schema.migration && !s.plan.sw.dry_run)
		phx_gen_print_migrate_reminder();
out:
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_schema = {
    .name = "schema",
    .task = "phx.gen.schema",
    .tool = "phx-gen",
    .shortdoc = "Generates an Ecto schema and migration file",
    .synopsis = "Schema plural [field:type...] [options]",
    .doc = "Generates an Ecto schema and migration file, as `mix phx.gen.schema` does.\n"
           "\n"
           "lib/<app>/<path>.ex and priv/repo/migrations/<timestamp>_create_<table>.exs\n"
           "(--no-migration: the schema alone). Switches as Phoenix's: --table,\n"
           "--binary-id, --prefix, --repo, --migration-dir, --context-app; unknown\n"
           "ones are ignored, as Phoenix's generators ignore them.\n"
           "\n"
           "  phx-gen schema Blog.Post blog_posts title:string views:integer\n"
           "  phx-gen schema Accounts.Credential credentials email:string:unique\n"
           "\n"
           "Attributes are name:type with the types integer, float, decimal,\n"
           "boolean, map, string, text, date, time, time_usec, naive_datetime\n"
           "(alias datetime), naive_datetime_usec, utc_datetime, utc_datetime_usec,\n"
           "uuid, binary, array:TYPE, enum:a:b:c and references:TABLE, each\n"
           "optionally followed by :unique and/or :redact.\n",
    .notes = "Phoenix's questions (files that exist, an existing context) are asked on a\n"
             "terminal; without one, nothing is written unless --yes answers them.\n"
             "SOURCE_DATE_EPOCH, when set, is the time of migration versions and of\n"
             "the sample dates in generated tests.\n",
    .options = options,
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = run,
};
