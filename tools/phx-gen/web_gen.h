/*
 * web_gen.h: the web half of phx.gen.html, phx.gen.json and phx.gen.live,
 * on top of the core's context generation. Per generator: its files
 * (Phoenix's files_to_be_generated/1, same order and kinds), rendered from
 * templates/phx.gen.<name>/ into the plan; phx.gen.live's import injection;
 * and the route instructions Phoenix prints at the end.
 *
 * The order of a run is Phoenix's: the context is built and validated, the
 * existing-context question asked, then the web files are planned before
 * the context's files (the conflict list and the "* creating" lines come in
 * that order), then live's injection, then the instructions.
 */
#ifndef PHX_GEN_WEB_GEN_H
#define PHX_GEN_WEB_GEN_H

#include "gen.h"
#include "gen_model.h"
#include "gen_plan.h"
#include "tmpl/tmpl.h"

enum web_gen { WEB_HTML, WEB_JSON, WEB_LIVE };

/* What a web generator needs of the project beyond the schema model. */
struct web_env {
	enum web_gen gen;
	const struct gen_project *proj;
	const struct gen_schema *schema;
	const struct gen_context *context;
	struct gen_session *session; /* templates and the project's overrides */
	struct mx_tmpl_value *tree;  /* phx_gen_tree's root; "web" is added */
	const char *api_prefix;      /* config :ctx_app, :generators, api_prefix */
};

/* Mix.Phoenix.web_path(ctx_app): the project's "lib/hello_web", or its
 * "lib/hello" when the context app is another app. Owned by the session. */
const char *phx_gen_web_path(const struct gen_session *s);
/* web_test_path likewise: "test/hello_web" or "test/hello". */
const char *phx_gen_web_test_path(const struct gen_session *s);

/*
 * Renders the generator's files into the plan, in Phoenix's order, the
 * :eex ones conflict-checked and the :new_eex ones as "new" entries; a
 * project's priv/templates/phx.gen.<name>/<file> replaces ours (rendered
 * as EEx with the bindings `schema` and `context`; Phoenix's `inputs` is
 * not bound). Adds "web" to env->tree first. Returns 0, or the exit code
 * with the error printed (a template error at file:line:col, a refused
 * path).
 */
int phx_gen_web_plan(struct web_env *env, struct gen_plan *plan);

/*
 * phx.gen.live's maybe_inject_imports: `import <Web>.CoreComponents` after
 * every `use Phoenix.Component` of lib/<app>_web.ex unless the file holds
 * that import already. When there is no `use Phoenix.Component`, Phoenix
 * still prints "* injecting" and then its help text, which is appended to
 * *help. Returns 0, or -1 with err (the file cannot be read).
 */
int phx_gen_web_live_imports(struct web_env *env, struct gen_plan *plan, struct mx_buf *help,
                             struct mx_err *err);

/* The route instructions Phoenix prints after the files (starting with
 * its empty line, ending without Mix.shell's final newline). */
void phx_gen_web_instructions(const struct web_env *env, struct mx_buf *out);

#endif
