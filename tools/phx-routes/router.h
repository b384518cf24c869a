/*
 * router: reads a Phoenix router from source into a pr_table, the way the
 * router's macros would build it at compile time.
 *
 * The file is run by the shared evaluator (constant code: module attributes,
 * if/unless on Mix.env() or Application.compile_env, for comprehensions,
 * helper functions); the router DSL calls (scope, get, resources, live,
 * forward, live_dashboard...) arrive at this reader's host callback in
 * source order and are expanded as Phoenix.Router, Phoenix.Router.Scope and
 * Phoenix.Router.Resource, Phoenix.LiveView.Router 1.0 and
 * Phoenix.LiveDashboard.Router 0.8 do.
 *
 * A call of another library's route macro (oban_dashboard, ash_admin...)
 * cannot be expanded: it is recorded in warnings (one "file:line: ..."
 * string each) and counted in t->skipped; the rest of the table is read.
 */
#ifndef PR_ROUTER_H
#define PR_ROUTER_H

#include "diag.h"
#include "project/project.h"
#include "route.h"
#include "strvec.h"

struct pr_router_src {
	const char *module; /* "HelloWeb.Router" */
	const char *path;   /* the file that defines it */
	/* Its contents, read when the file was located (project/locate.h): the
	 * reader reads no file of its own for the router. */
	const char *text;
	size_t len;
	/* The project (for Application.compile_env, MIX_ENV and finding the
	 * web module); may be NULL. */
	const struct mx_project *project;
	/* Out: every file read (the router, the web module), for depfiles,
	 * and the warnings. Both owned by the caller. */
	struct mx_strvec *read;
	struct mx_strvec *warnings;
};

/* Fills t->routes and t->helpers. Returns 0, or -1 with err: a syntax error
 * at file:line:col, a call with an argument of the wrong kind at its
 * file:line, Phoenix's ArgumentError messages, or "<Mod> is not a Phoenix
 * router" when the module does not use Phoenix.Router. */
int pr_router_read(struct pr_table *t, const struct pr_router_src *src, struct mx_err *err);

/* Reads src[0..len) as if it were the file `file` defining the router
 * (fuzzing and tests); no project, helpers as the source says. */
int pr_router_read_text(struct pr_table *t, const char *file, const char *text, size_t len,
                        struct mx_strvec *warnings, struct mx_err *err);

#endif
