/*
 * config: the application configuration of a Mix project, read from its
 * config files exactly as Elixir's Config and Config.Reader read them.
 *
 * config/config.exs runs with `config_env()` = MIX_ENV; each
 * `config :app, key: value` / `config :app, Key, opts` is deep-merged into
 * the result (Config.__merge__: keyword values merge recursively, anything
 * else replaces); `import_config "#{config_env()}.exs"` runs the other file
 * (relative to the importing file) into the same result. config/runtime.exs
 * is then read with imports disabled and merged on top.
 *
 * Every top-level key set remembers the file:line:col of the last `config`
 * call that set it, so a tool can say where a bad value came from.
 */
#ifndef MX_PROJECT_CONFIG_H
#define MX_PROJECT_CONFIG_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "exs/eval.h"
#include "exs/term.h"
#include "strvec.h"

struct mx_config_loc {
	char *app;  /* "hello" */
	char *key;  /* atom name: "ecto_repos", "Elixir.Hello.Repo" */
	char *file; /* as read (absolute) */
	unsigned line, col;
};

struct mx_config {
	struct mx_arena *arena; /* terms and parsed files; not owned */
	/* [{app, [{key, value}, ...]}, ...] as Config.Reader returns it. */
	struct mx_term *data;
	struct mx_config_loc *locs;
	size_t nlocs, alocs;
	size_t *loc_index; /* open-addressing hash of locs (index + 1; 0 empty) */
	size_t loc_cap;
	struct mx_strvec files; /* every file read, in order (for depfiles) */
	/* The environment the files ran with. */
	const char *env, *target;
	/* System.get_env overrides ("NAME=value", or "NAME" to hide one) and
	 * whether the process environment is ignored (tests). */
	struct mx_strvec setenv;
	bool isolated_env;
	/* Relative paths in Path.expand/File.* resolve against this (the
	 * project root); NULL: the process's cwd. Not owned. */
	const char *cwd;
	/* The applications loaded when the code runs (the project's, its
	 * deps', Elixir's): Application.fetch_env! names an unknown one "not
	 * loaded nor configured". Unknown (every app loaded) unless set. */
	struct mx_strvec loaded_apps;
	bool loaded_apps_known;
};

/* a: the arena every term is allocated in (must outlive the config).
 * env/target are copied ("dev", "host" when NULL). */
void mx_config_init(struct mx_config *c, struct mx_arena *a, const char *env, const char *target);
void mx_config_release(struct mx_config *c);

/*
 * Evaluates one config file and merges what it configures into c->data.
 * allow_imports false is runtime.exs's mode (import_config raises).
 * Returns 0, or -1 with err at the failing position: a syntax error, an
 * unsupported construct, or an Elixir raise such as
 * "config/runtime.exs:25:7: ** (RuntimeError) environment variable
 * DATABASE_URL is missing.".
 */
int mx_config_eval_file(struct mx_config *c, const char *path, bool allow_imports,
                        struct mx_err *err);

/* The keyword list configured for app, or NULL. */
const struct mx_term *mx_config_app(const struct mx_config *c, const char *app);
/* The value of key (an atom name; a module is "Elixir.Hello.Repo") for
 * app, or NULL. */
const struct mx_term *mx_config_get(const struct mx_config *c, const char *app, const char *key);
/* Where app/key was last set, or NULL. */
const struct mx_config_loc *mx_config_where(const struct mx_config *c, const char *app,
                                            const char *key);

/*
 * For evaluator hosts: answers Application.get_env/2,3, fetch_env/2,
 * fetch_env!/2, compile_env/2,3 (a key or a [key | path] list) and
 * compile_env!/2 from c (the whole config, runtime.exs included: that is
 * what a migration compiled by mix ecto.migrate sees),
 * as the application environment would after loading this config. Returns
 * MX_EVAL_HANDLED with *res set (a term of c's arena, or the default, or
 * nil; nil allocated in a), MX_EVAL_UNKNOWN for any other call, or -1 with
 * err at the call for a missing fetch_env!/compile_env! value.
 */
int mx_config_application_call(const struct mx_config *c, struct mx_arena *a,
                               const struct mx_eval_call *call, struct mx_term **res,
                               struct mx_err *err);

/* Config.__merge__/2 on two config terms ([{app, kw}]), allocated in a. */
struct mx_term *mx_config_merge(struct mx_arena *a, const struct mx_term *c1,
                                const struct mx_term *c2);

#endif
