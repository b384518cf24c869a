/*
 * gen_context_gen: Mix.Tasks.Phx.Gen.Context's steps (see
 * phx_gen_context.h), shared by the context, html, json and live
 * generators.
 */
#include <stdio.h>
#include <string.h>

#include "fsutil.h"
#include "gen_cli.h"
#include "gen_override.h"
#include "phx_gen_context.h"

int phx_gen_context_from_args(struct gen_session *s, const struct gen_opts *o, size_t argc,
                              char *const *args, struct gen_resource *r)
{
	return phx_gen_context_from_args_help(s, o, phx_gen_context_help, argc, args, r);
}

int phx_gen_context_from_args_help(struct gen_session *s, const struct gen_opts *o,
                                   const char *help, size_t argc, char *const *args,
                                   struct gen_resource *r)
{
	struct mx_buf b = MX_BUF_INIT;
	int ret = 0;
	memset(r, 0, sizeof(*r));
	if (argc < 3) {
		ret = phx_gen_raise_with_help(help, "Invalid arguments");
		goto out;
	}
	const char *ctx = args[0], *sch = args[1];
	if (!phx_gen_valid_module(ctx)) {
		phx_gen_inspect_string(ctx, &b);
		ret = phx_gen_raise_with_help(
		    help, "Expected the context, %s, to be a valid module name", b.buf);
	} else if (!phx_gen_valid_module(sch)) {
		phx_gen_inspect_string(sch, &b);
		ret = phx_gen_raise_with_help(
		    help, "Expected the schema, %s, to be a valid module name", b.buf);
	} else if (!strcmp(ctx, sch)) {
		ret = phx_gen_raise_with_help(help,
		                              "The context and schema should have different names");
	} else if (!strcmp(ctx, s->proj.base)) {
		ret = phx_gen_raise_with_help(
		    help,
		    "Cannot generate context %s because it has the same name as the application",
		    ctx);
	} else if (!strcmp(sch, s->proj.base)) {
		ret = phx_gen_raise_with_help(
		    help,
		    "Cannot generate schema %s because it has the same name as the application",
		    sch);
	}
	if (ret)
		goto out;
	/* inspect(Module.concat(context, schema)) */
	mx_buf_addf(&b, "%s.%s", ctx, sch);
	char **sargs = MX_ARENA_NEWN(&s->arena, char *, argc);
	sargs[0] = mx_arena_strdup(&s->arena, b.buf);
	for (size_t i = 2; i < argc; i++)
		sargs[i - 1] = args[i];
	ret = phx_gen_schema_from_args(s, o, help, argc - 1, sargs, &r->schema);
	if (ret)
		goto out;
	phx_gen_context_build(&s->arena, &s->proj, o, ctx, &r->context);
	r->root = phx_gen_tree(&s->arena, &s->proj, &r->schema, &r->context);
out:
	mx_buf_release(&b);
	return ret;
}

/* ensure_*_exists + inject_eex_before_final_end */
static int create_and_inject(struct gen_session *s, const struct gen_resource *r, const char *file,
                             const char *create_tmpl, const char *inject_tmpl, bool newline)
{
	struct mx_buf out = MX_BUF_INIT;
	int ret = 0;
	if (!phx_gen_plan_exists(&s->plan, file)) {
		ret =
		    phx_gen_render_resource(s, create_tmpl, r->root, &r->schema, &r->context, &out);
		if (ret)
			goto out;
		phx_gen_plan_create(&s->plan, file, out.buf, out.len, false);
		mx_buf_reset(&out);
	}
	if (newline)
		mx_buf_addch(&out, '\n');
	ret = phx_gen_render_resource(s, inject_tmpl, r->root, &r->schema, &r->context, &out);
	if (!ret && phx_gen_plan_inject(&s->plan, file, out.buf, out.len, NULL) < 0)
		ret = 0; /* the plan is failed; the run reports it */
out:
	mx_buf_release(&out);
	return ret;
}

int phx_gen_context_plan(struct gen_session *s, struct gen_resource *r)
{
	const struct gen_context *c = &r->context;
	int ret = 0;
	if (r->schema.generate) {
		struct gen_opts o;
		phx_gen_cli_opts(&o);
		ret = phx_gen_schema_plan(s, &o, &r->schema, &r->context, r->root);
		if (ret)
			return ret;
	}
	ret = create_and_inject(s, r, c->file, "phx.gen.context/context.ex",
	                        r->schema.generate ? "phx.gen.context/schema_access.ex"
	                                           : "phx.gen.context/access_no_schema.ex",
	                        false);
	if (!ret)
		ret = create_and_inject(s, r, c->test_file, "phx.gen.context/context_test.exs",
		                        "phx.gen.context/test_cases.exs", false);
	if (!ret)
		ret = create_and_inject(s, r, c->test_fixtures_file,
		                        "phx.gen.context/fixtures_module.ex",
		                        "phx.gen.context/fixtures.ex", true);
	return ret;
}

static void counted(struct mx_buf *b, size_t n, const char *plural)
{
	/* singularize(1, "functions") is "1 function" */
	if (n == 1)
		mx_buf_addf(b, "1 %.*s", (int)strlen(plural) - 1, plural);
	else
		mx_buf_addf(b, "%zu %s", n, plural);
}

int phx_gen_context_confirm(struct gen_session *s, const struct gen_opts *o,
                            const struct gen_resource *r, bool *go_on)
{
	const struct gen_context *c = &r->context;
	struct mx_buf b = MX_BUF_INIT, src = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	int ret = 0;
	*go_on = true;
	if (!c->generate || !mx_fs_is_file(c->file))
		return 0;
	if (o->merge >= 0) {
		*go_on = o->merge;
		return 0;
	}
	/* --dry-run asks nothing: it shows what a yes would write */
	if (s->plan.sw.dry_run)
		return 0;
	size_t fns = 0;
	if (mx_fs_read(c->file, &src, &err) < 0 ||
	    phx_gen_function_count(c->file, src.buf, src.len, &fns, &err) < 0) {
		ret = mx_diag_error(&err);
		*go_on = false;
		goto out;
	}
	counted(&b, fns, "functions");
	mx_buf_adds(&b, " and ");
	counted(&b, phx_gen_file_count(c->dir), "files");
	printf("You are generating into an existing context.\n\n"
	       "The %s context currently has %s in its directory.\n\n"
	       "  * It's OK to have multiple resources in the same context as long as they are "
	       "closely related. But if a context grows too large, consider breaking it apart\n\n"
	       "  * If they are not closely related, another context probably works better\n\n"
	       "The fact two entities are related in the database does not mean they belong to "
	       "the same context.\n\n"
	       "If you are not sure, prefer creating a new context over adding to the existing "
	       "one.\n\n",
	       c->module, b.buf);
	int yes = phx_gen_yes(&s->plan.sw, "Would you like to proceed?");
	if (yes < 0)
		ret = MX_EXIT_FAIL;
	*go_on = yes > 0;
out:
	mx_buf_release(&b);
	mx_buf_release(&src);
	return ret;
}

void phx_gen_context_fixture_note(const struct gen_resource *r)
{
	const struct gen_schema *sc = &r->schema;
	struct mx_buf b = MX_BUF_INIT;
	for (size_t i = 0; i < sc->n_fixture_fns; i++) {
		if (!sc->fixture_fns[i].needs_impl)
			continue;
		/* indent(def, 2): blank lines stay empty */
		for (const char *p = sc->fixture_fns[i].def; *p;) {
			const char *e = strchr(p, '\n');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			if (n)
				mx_buf_addf(&b, "  %.*s\n", (int)n, p);
			else
				mx_buf_addch(&b, '\n');
			p += n + (e ? 1 : 0);
		}
		/* the def's final "\n" leaves an empty last piece */
		mx_buf_addch(&b, '\n');
	}
	if (!b.len)
		goto out;
	while (b.len && (b.buf[b.len - 1] == '\n' || b.buf[b.len - 1] == ' '))
		b.buf[--b.len] = '\0';
	printf("\nSome of the generated database columns are unique. Please provide\n"
	       "unique implementations for the following fixture function(s) in\n"
	       "%s:\n\n%s\n\n",
	       r->context.test_fixtures_file, b.buf);
out:
	mx_buf_release(&b);
}

void phx_gen_context_instructions(struct gen_session *s, const struct gen_resource *r)
{
	phx_gen_context_fixture_note(r);
	if (r->schema.generate && r->schema.migration)
		phx_gen_print_migrate_reminder();
}
