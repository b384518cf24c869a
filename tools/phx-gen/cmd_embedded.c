/*
 * embedded: `mix phx.gen.embedded`, an embedded Ecto schema.
 */
#include <stdio.h>

#include "gen_cli.h"
#include "gen_override.h"

static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&phx_gen_cli.dir, &phx_gen_cli.sw),
    GEN_BOOL_SEEN_("binary-id", &phx_gen_cli.binary_id, &phx_gen_cli.binary_id_seen,
                   "Use binary ids for the references"),
    MX_OPT_STR_("web", 0, &phx_gen_cli.web, "NAMESPACE", "Namespace the web modules"),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct gen_schema schema;
	struct mx_buf b = MX_BUF_INIT, out = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	phx_gen_cli_opts(&o);
	o.embedded = true;
	o.migration = 0;
	int ret =
	    phx_gen_session_enter(&s, phx_gen_cli.dir, "phx.gen.embedded", &phx_gen_cli.sw, &o);
	if (ret)
		goto out;
	if (!cl->args.n) {
		ret = phx_gen_raise_with_help(phx_gen_embedded_help, "Invalid arguments");
		goto out;
	}
	if (!phx_gen_valid_module(cl->args.v[0])) {
		phx_gen_inspect_string(cl->args.v[0], &b);
		ret = phx_gen_raise_with_help(
		    phx_gen_embedded_help,
		    "Expected the schema argument, %s, to be a valid module name", b.buf);
		goto out;
	}
	struct gen_attrs *attrs = MX_ARENA_NEW(&s.arena, struct gen_attrs);
	if (phx_gen_attrs_parse(&s.arena, (int)cl->args.n - 1, cl->args.v + 1, attrs, &err) < 0 ||
	    phx_gen_schema_build(&s.arena, &s.proj, &o, cl->args.v[0], NULL, attrs, &schema, &err) <
	        0) {
		ret = phx_gen_mix_raise("%s", err.msg);
		goto out;
	}
	struct mx_tmpl_value *root = phx_gen_tree(&s.arena, &s.proj, &schema, NULL);
	ret = phx_gen_render_resource(&s, "phx.gen.embedded/embedded_schema.ex", root, &schema,
	                              NULL, &out);
	if (ret)
		goto out;
	phx_gen_plan_create(&s.plan, schema.file, out.buf, out.len, true);
	ret = phx_gen_plan_run(&s.plan);
out:
	mx_buf_release(&b);
	mx_buf_release(&out);
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_embedded = {
    .name = "embedded",
    .task = "phx.gen.embedded",
    .tool = "phx-gen",
    .shortdoc = "Generates an embedded Ecto schema file",
    .synopsis = "Schema [field:type...] [options]",
    .doc = "Generates an embedded Ecto schema file, as `mix phx.gen.embedded` does.\n"
           "\n"
           "One file, lib/<app>/<path>.ex, with an embedded_schema and a changeset\n"
           "that requires every field. No migration.\n"
           "\n"
           "  phx-gen embedded Blog.Post title:string views:integer\n",
    .options = options,
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = run,
};
