/*
 * gen_cli: the shared switches, Phoenix's help texts, and the schema
 * argument checks of Mix.Tasks.Phx.Gen.Schema.validate_args!/2.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gen_cli.h"
#include "gen_override.h"
#include "project/inflect.h"

struct gen_cli phx_gen_cli = {.schema = true, .context = true, .migration = true};

void phx_gen_cli_opts(struct gen_opts *o)
{
	const struct gen_cli *c = &phx_gen_cli;
	memset(o, 0, sizeof(*o));
	o->binary_id = c->binary_id_seen ? c->binary_id : -1;
	o->migration = c->migration_seen ? c->migration : -1;
	o->schema = c->schema_seen ? c->schema : 1;
	o->context = c->context_seen ? c->context : 1;
	o->merge = c->merge_seen ? c->merge : -1;
	o->table = c->table;
	o->web = c->web;
	o->context_app = c->context_app;
	o->prefix = c->prefix;
	o->repo = c->repo;
	o->migration_dir = c->migration_dir;
}

const char phx_gen_schema_help[] = "mix phx.gen.schema expects both a module name and\n"
                                   "the plural of the generated resource followed by\n"
                                   "any number of attributes:\n"
                                   "\n"
                                   "    mix phx.gen.schema Blog.Post blog_posts title:string\n";

const char phx_gen_context_help[] =
    "mix phx.gen.html, phx.gen.json, phx.gen.live, and phx.gen.context\n"
    "expect a context module name, followed by singular and plural names\n"
    "of the generated resource, ending with any number of attributes.\n"
    "For example:\n"
    "\n"
    "    mix phx.gen.html Accounts User users name:string\n"
    "    mix phx.gen.json Accounts User users name:string\n"
    "    mix phx.gen.live Accounts User users name:string\n"
    "    mix phx.gen.context Accounts User users name:string\n"
    "\n"
    "The context serves as the API boundary for the given resource.\n"
    "Multiple resources may belong to a context and a resource may be\n"
    "split over distinct contexts (such as Accounts.User and Payments.User).\n";

const char phx_gen_embedded_help[] = "mix phx.gen.embedded expects a module name followed by\n"
                                     "any number of attributes:\n"
                                     "\n"
                                     "    mix phx.gen.embedded Blog.Post title:string\n";

int phx_gen_raise_with_help(const char *help, const char *fmt, ...)
{
	struct mx_buf b = MX_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mx_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	int r = phx_gen_mix_raise("%s\n\n%s", b.buf, help);
	mx_buf_release(&b);
	return r;
}

static void inspect_str(const char *s, struct mx_buf *b)
{
	phx_gen_inspect_string(s, b);
}

int phx_gen_schema_from_args(struct gen_session *s, const struct gen_opts *o, const char *help,
                             size_t argc, char *const *args, struct gen_schema *out)
{
	struct mx_buf b = MX_BUF_INIT, u = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	int ret = 0;
	if (argc < 2) {
		ret = phx_gen_raise_with_help(help, "Invalid arguments");
		goto out;
	}
	if (!phx_gen_valid_module(args[0])) {
		inspect_str(args[0], &b);
		ret = phx_gen_raise_with_help(
		    help, "Expected the schema argument, %s, to be a valid module name", b.buf);
		goto out;
	}
	mx_inflect_underscore(args[1], &u);
	if (strchr(args[1], ':') || strcmp(u.buf, args[1])) {
		inspect_str(args[1], &b);
		ret =
		    phx_gen_raise_with_help(help,
		                            "Expected the plural argument, %s, to be all lowercase "
		                            "using snake_case convention",
		                            b.buf);
		goto out;
	}
	struct gen_attrs *attrs = MX_ARENA_NEW(&s->arena, struct gen_attrs);
	if (phx_gen_attrs_parse(&s->arena, (int)(argc - 2), args + 2, attrs, &err) < 0 ||
	    phx_gen_schema_build(&s->arena, &s->proj, o, args[0], args[1], attrs, out, &err) < 0)
		ret = phx_gen_mix_raise("%s", err.msg);
out:
	mx_buf_release(&b);
	mx_buf_release(&u);
	return ret;
}

int phx_gen_schema_plan(struct gen_session *s, const struct gen_opts *o,
                        const struct gen_schema *schema, const struct gen_context *ctx,
                        const struct mx_tmpl_value *root)
{
	struct mx_buf out = MX_BUF_INIT, dir = MX_BUF_INIT, path = MX_BUF_INIT;
	int ret = phx_gen_render_resource(s, "phx.gen.schema/schema.ex", root, schema, ctx, &out);
	if (ret)
		goto out;
	phx_gen_plan_create(&s->plan, schema->file, out.buf, out.len, true);
	if (!schema->migration)
		goto out;
	if (o->migration_dir) {
		mx_buf_adds(&dir, o->migration_dir);
	} else {
		const char *repo_name = "repo";
		struct mx_buf rn = MX_BUF_INIT;
		if (o->repo) {
			const char *last = strrchr(schema->repo, '.');
			mx_inflect_underscore(last ? last + 1 : schema->repo, &rn);
			repo_name = rn.buf;
		}
		mx_buf_addf(&dir, "%spriv/%s/migrations", s->proj.context_path, repo_name);
		mx_buf_release(&rn);
	}
	/* Path.join drops a trailing slash */
	while (dir.len > 1 && dir.buf[dir.len - 1] == '/')
		dir.buf[--dir.len] = '\0';
	mx_buf_addf(&path, "%s/", dir.buf);
	phx_gen_plan_timestamp(&s->plan, dir.buf, s->proj.now, &path);
	mx_buf_addf(&path, "_create_%s.exs", schema->table);
	mx_buf_reset(&out);
	ret = phx_gen_render_resource(s, "phx.gen.schema/migration.exs", root, schema, ctx, &out);
	if (!ret)
		phx_gen_plan_create(&s->plan, path.buf, out.buf, out.len, false);
out:
	mx_buf_release(&out);
	mx_buf_release(&dir);
	mx_buf_release(&path);
	return ret;
}
