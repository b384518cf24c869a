/*
 * gen.h: what phx-gen's generators (one cmd_<name>.c each) share: the
 * model (gen_model.h), the writer (gen_plan.h), and the session that ties
 * a generator to the project, its config and the templates.
 */
#ifndef PHX_GEN_H
#define PHX_GEN_H

#include "command.h"
#include "gen_model.h"
#include "gen_plan.h"
#include "project/project.h"
#include "tmpl/tmpl.h"

/* A generator this release knows by name and switches but does not run
 * yet: says so plainly (exit 1) instead of pretending. */
int phx_gen_not_implemented(const struct mx_cmdline *cl);

/* The switches every generator of ours takes besides Phoenix's. */
#define PHX_GEN_COMMON_OPTIONS(dir, sw)                                                            \
	MX_OPT_DIRECTORY(dir),                                                                     \
	    MX_OPT_BOOL_("yes", 'y', &(sw)->yes, "Answer yes to every question (ours)"),           \
	    MX_OPT_BOOL_("dry-run", 0, &(sw)->dry_run,                                             \
	                 "Print what would be written; write nothing")

/*
 * One generator run: the project (entered with the root as the current
 * directory, as mix runs there), the generator's view of it, the arena of
 * the model and the tree, the plan and the template set.
 */
struct gen_session {
	struct mx_project project;
	struct gen_project proj;
	struct mx_arena arena;
	struct gen_plan plan;
	struct mx_tmpl_set *tmpl;
	bool entered;
};

/*
 * Enters the project at dir (-C, or upward from the cwd), reads
 * config :APP, :generators and :ecto_sql's :migration_module into o
 * (switches already in o win), resolves context_app (o->context_app from
 * --context-app first) and opens the templates. An umbrella root is
 * Phoenix's error "mix <task> must be invoked from within your *_web
 * application root directory". Prints the error and returns the exit code
 * (>0), or 0. Release with phx_gen_session_release in every case.
 */
int phx_gen_session_enter(struct gen_session *s, const char *dir, const char *task,
                          const struct gen_switches *sw, struct gen_opts *o);
void phx_gen_session_release(struct gen_session *s);

/* Renders our template name ("phx.gen.schema/schema.ex") with root,
 * appending to out. Prints the error and returns 1, or 0. Generators call
 * phx_gen_render_resource (gen_override.h) instead, so that a project's
 * priv/templates override wins as in Phoenix. */
int phx_gen_render(struct gen_session *s, const char *name, const struct mx_tmpl_value *root,
                   struct mx_buf *out);

/* The directory of our templates: $MIXLESS_TEMPLATES, else
 * <dir of the binary>/../share/mixless/templates (the build tree and an
 * installation have the same layout). Caller frees. */
char *phx_gen_templates_dir(void);

/* "Remember to update your repository by running migrations" (Phoenix's
 * Gen.Schema.print_shell_instructions). */
void phx_gen_print_migrate_reminder(void);

#endif
