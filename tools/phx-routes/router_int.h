/*
 * router_int: what the router reader's files share (router.c the host and
 * the verbs, scope.c Phoenix.Router.Scope, resources.c, live.c). Private to
 * phx-routes.
 */
#ifndef PR_ROUTER_INT_H
#define PR_ROUTER_INT_H

#include "exs/eval.h"
#include "router.h"

/* One level of Phoenix.Router.Scope's stack. Arena-allocated; a push makes
 * a new one pointing at the one it hides. */
struct pr_scope {
	/* The path segments joined: "/admin/v2", or "" at the root. Kept
	 * joined because every route of the scope starts with it. */
	const char *prefix;
	const char **alias; /* alias segments ("HelloWeb"), without "Elixir." */
	size_t nalias;
	const char **as; /* helper prefixes, as strings */
	size_t nas;
	const char *as_prefix; /* "admin_user_" (as joined, each with "_"), or "" */
	bool host_only;        /* :host given, none of them "" */
	struct pr_scope *up;
};

struct pr_reader {
	struct pr_table *t;
	struct mx_arena *a;
	const struct mx_project *p;
	struct mx_strvec *read, *warnings;
	const char *file;
	struct pr_scope *top;
	bool is_router; /* saw use Phoenix.Router (directly or via the web module) */
	bool in_live_session;
	/* join_alias/2's last answer: resources joins one controller to one
	 * scope for each of its routes. */
	const struct pr_scope *alias_scope;
	const char *alias_in;
	const struct mx_term *alias_out;
	/* join_as/2's last answer, for the same reason. */
	const struct pr_scope *helper_scope;
	const char *helper_as, *helper_out;
	struct mx_buf scratch;     /* reused for joined paths and names */
	struct mx_term *atoms[16]; /* resources' verbs and actions, made once */
};

/* An atom term made once per reader: the i-th of resources' names. */
struct mx_term *pr_atom(struct pr_reader *r, unsigned i, const char *name);

/* Options are read with mx_term_kw_get (term.h): NULL when absent or when
 * the options are no list. */
/* inspect(t) in the arena. */
const char *pr_inspect(struct pr_reader *r, const struct mx_term *t);
/* An error at the call's file:line (Phoenix's errors name no column). */
int pr_fail(struct pr_reader *r, const struct mx_ast *at, struct mx_err *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- scope.c: Phoenix.Router.Scope -------------------------------------- */
void pr_scope_init(struct pr_reader *r);
/* Scope.push/2 with an options keyword list (path:, alias:, as:, host:). */
int pr_scope_push(struct pr_reader *r, const struct mx_term *opts, const struct mx_ast *at,
                  struct mx_err *err);
void pr_scope_pop(struct pr_reader *r);
/* validate_path/1: the path as a string starting with "/" (with Phoenix's
 * warning when it had none), or NULL with err for a non-string. */
const char *pr_scope_validate_path(struct pr_reader *r, const struct mx_term *path,
                                   const struct mx_ast *at, struct mx_err *err);
/* join_alias/2: a module atom joined to the scope's alias (lowercase atoms
 * stay as they are). */
const struct mx_term *pr_scope_join_alias(struct pr_reader *r, const struct mx_term *mod);

/* Scope.route/8: builds the route and appends it to the table. kind, verb
 * (an atom: :get, :*), path, plug, plug_opts, opts (as:, alias:, metadata:,
 * private:...). */
int pr_scope_route(struct pr_reader *r, const struct mx_ast *at, enum pr_kind kind,
                   const struct mx_term *verb, const struct mx_term *path,
                   const struct mx_term *plug, const struct mx_term *plug_opts,
                   const struct mx_term *opts, struct mx_err *err);
/* The same with the path already validated (a string starting with "/"),
 * for the macros that build paths themselves (resources). */
int pr_scope_route_path(struct pr_reader *r, const struct mx_ast *at, enum pr_kind kind,
                        const struct mx_term *verb, const char *path, const struct mx_term *plug,
                        const struct mx_term *plug_opts, const struct mx_term *opts,
                        struct mx_err *err);

/* ---- resources.c, live.c: the macros that expand to several routes ----- */
int pr_resources(struct pr_reader *r, struct mx_eval *ev, const struct mx_eval_call *c,
                 struct mx_err *err);
int pr_live(struct pr_reader *r, const struct mx_eval_call *c, const struct mx_term *path,
            const struct mx_term *live_view, const struct mx_term *action,
            const struct mx_term *opts, struct mx_err *err);
int pr_live_session(struct pr_reader *r, struct mx_eval *ev, const struct mx_eval_call *c,
                    struct mx_err *err);
int pr_live_dashboard(struct pr_reader *r, const struct mx_eval_call *c, struct mx_err *err);

/* Helpers for building terms. */
struct mx_term *pr_kw(struct pr_reader *r, const char *k1, struct mx_term *v1, const char *k2,
                      struct mx_term *v2, const char *k3, struct mx_term *v3);
/* Keyword.put/3 with an atom key. */
struct mx_term *pr_kw_put(struct pr_reader *r, const struct mx_term *kw, const char *key,
                          struct mx_term *val);

#endif
