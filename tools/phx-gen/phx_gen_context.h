/*
 * phx_gen_context.h: phx.gen.context's steps, which phx.gen.html, json and
 * live run too (Gen.Context.build, copy_new_files, the existing-context
 * prompt and the instructions).
 */
#ifndef PHX_GEN_CONTEXT_H
#define PHX_GEN_CONTEXT_H

#include "gen.h"

/* A context with its schema, and the tree the templates read. */
struct gen_resource {
	struct gen_schema schema;
	struct gen_context context;
	struct mx_tmpl_value *root;
};

/*
 * Gen.Context.build: validates [Context, Schema, plural | attrs] with
 * Phoenix's messages and the context help text (exit 1), builds the schema
 * and the context and their tree. Returns 0 or the exit code.
 */
int phx_gen_context_from_args(struct gen_session *s, const struct gen_opts *o, size_t argc,
                              char *const *args, struct gen_resource *r);

/* The same with another task's help text (phx.gen.auth passes its own,
 * as Phoenix's Gen.Context.build(args, help_module) does). */
int phx_gen_context_from_args_help(struct gen_session *s, const struct gen_opts *o,
                                   const char *help, size_t argc, char *const *args,
                                   struct gen_resource *r);

/* Gen.Context.copy_new_files as plan entries: the schema and migration
 * (unless --no-schema), the context (created when missing) with the access
 * functions injected, the test file and the fixtures likewise. */
int phx_gen_context_plan(struct gen_session *s, struct gen_resource *r);

/*
 * prompt_for_code_injection: for an existing context (unless --no-context),
 * --merge-with-existing-context decides, else Phoenix's prompt with the
 * function and file counts. Sets *go_on; a "no" ends the run with exit 0
 * (System.halt()). Returns 0 or the exit code.
 */
int phx_gen_context_confirm(struct gen_session *s, const struct gen_opts *o,
                            const struct gen_resource *r, bool *go_on);

/* The fixture note (unique fields needing an implementation) and the
 * migration reminder, as Phoenix prints them after the files. */
void phx_gen_context_instructions(struct gen_session *s, const struct gen_resource *r);
/* Only the fixture note (html/json/live print theirs between). */
void phx_gen_context_fixture_note(const struct gen_resource *r);

#endif
