/*
 * project: the Phoenix project model every tool starts from.
 *
 *   struct mx_project p = MX_PROJECT_INIT;
 *   struct mx_project_opts o = { .dir = dash_C };   // NULL: search upward
 *   if (mx_project_enter(&p, &o, &err) < 0) return mx_diag_error(&err);
 *   ... p.app, p.base, p.web, mx_project_repo_config(&p, "Hello.Repo", ...)
 *   mx_project_release(&p);
 *
 * mx_project_load finds the root (the nearest directory upward holding
 * mix.exs, or -C DIR), evaluates mix.exs's project/0 (app, version,
 * apps_path, elixirc_paths, deps, config_path), then reads the config for
 * MIX_ENV (default dev) as Mix does: config/config.exs with its imports,
 * then config/runtime.exs. Base module = camelized app unless
 * `config :app, namespace: X`; web module = Base <> "Web" unless the base
 * already ends with "Web" (Mix.Phoenix.base/web_module).
 *
 * Memory: the struct owns everything it points to. String fields are
 * malloc'd, terms (project_kw, the config, accessor results) live in
 * p->arena; mx_project_release frees both, so pointers obtained from a
 * project are valid until then.
 */
#ifndef MX_PROJECT_PROJECT_H
#define MX_PROJECT_PROJECT_H

#include <stdbool.h>

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "exs/term.h"
#include "strvec.h"

struct mx_project_opts {
	const char *dir;    /* -C DIR; NULL: search upward from the cwd */
	const char *env;    /* NULL: $MIX_ENV, else "dev" */
	const char *target; /* NULL: $MIX_TARGET, else "host" */
	bool no_config;     /* read mix.exs only */
	bool no_runtime;    /* skip config/runtime.exs */
	/* System.get_env as the config files see it: NULL-terminated
	 * "NAME=value" overrides ("NAME" alone hides a variable); with
	 * isolated_env the process environment is not consulted at all. */
	const char *const *setenv;
	bool isolated_env;
	/* For mx_project_enter: */
	bool gently; /* no mix.exs is not an error (git's RUN_SETUP_GENTLY) */
	bool chdir;  /* the root becomes the current directory, as mix runs there */
};

struct mx_project {
	struct mx_arena arena; /* every term of the project and its config */
	char *root;            /* absolute, normalised */
	char *mix_exs;         /* root/mix.exs */
	char *env, *target;    /* "dev", "host" */
	/* From mix.exs project/0 (the whole keyword list in project_kw). */
	const struct mx_term *project_kw;
	/* project/0 could not run as a whole: its keyword list was read
	 * value by value, leaving out those that failed (the first failure
	 * is in mix_exs_err, for a warning). */
	bool mix_exs_partial;
	struct mx_err mix_exs_err;
	char *app;       /* "hello"; NULL for an umbrella root */
	char *version;   /* NULL when not a string */
	bool umbrella;   /* apps_path given */
	char *apps_path; /* "apps" */
	struct mx_strvec elixirc_paths;
	struct mx_strvec deps; /* dependency names, in order */
	/* mix.lock (NULL when there is none or it could not be read; why in
	 * lock_err): the map term, and its keys (every dep, transitive ones
	 * included). */
	const struct mx_term *lock;
	struct mx_strvec lock_deps;
	struct mx_err lock_err;
	/* Modules and paths (NULL for an umbrella root). */
	char *base;          /* "Hello" */
	char *web;           /* "HelloWeb" */
	char *lib_path;      /* "lib/hello" */
	char *web_path;      /* "lib/hello_web" */
	char *test_path;     /* "test/hello" */
	char *web_test_path; /* "test/hello_web" */
	char *static_path;   /* "priv/static" */
	struct mx_config config;
	bool config_loaded;
	/* mx_project_enter: a mix.exs was found (and loading was tried).
	 * When not (gently), missing holds the error a tool that needs the
	 * project after all reports, the same as without gently. */
	bool found;
	struct mx_err missing;
};

#define MX_PROJECT_INIT                                                                            \
	{                                                                                          \
		.arena = MX_ARENA_INIT                                                             \
	}

/* Finds the directory holding mix.exs: start itself (when given, it must
 * hold mix.exs, as -C DIR does) or, with start NULL, the cwd and its
 * parents. Appends the absolute path to out. */
int mx_project_find_root(const char *start, struct mx_buf *out, struct mx_err *err);

int mx_project_load(struct mx_project *p, const struct mx_project_opts *opts, struct mx_err *err);

/*
 * The one way into a project, for every tool (git's RUN_SETUP): the root is
 * -C DIR (opts->dir) or the nearest directory upward holding mix.exs; it is
 * loaded as mx_project_load does (mix.exs, MIX_ENV, the config).
 *
 *   -C DIR that is no directory   error "cannot change to 'DIR': <reason>"
 *   no mix.exs in DIR (-C) or     error "could not find a mix.exs in 'DIR'" or
 *   anywhere upward               Mix's "Could not find a Mix.Project, ...";
 *                                 with opts->gently, not an error: returns 0
 *                                 with p->found false, p->root the directory
 *                                 (DIR or the cwd), p->env/target set, and
 *                                 that error in p->missing. A tool gentle
 *                                 about it (phx-digest digests any directory;
 *                                 ecto-migrate runs with -r and a URL) does
 *                                 Phoenix's defaults there.
 *
 * With opts->chdir the root (DIR as given, with -C) becomes the current
 * directory. When loading fails, p->found is true and p->root is set, so a
 * tool can go on without the config; p is released with mx_project_release
 * in every case.
 */
int mx_project_enter(struct mx_project *p, const struct mx_project_opts *opts, struct mx_err *err);
/* For a project loaded with no_config that turns out to need its config
 * after all (mixless reads mix.exs for the aliases, then runs a task that
 * wants the config): reads the config as mx_project_load would have (env
 * and target as when loaded; no_runtime, setenv and isolated_env from opts,
 * which may be NULL), without reading mix.exs again, and derives the base
 * and web modules anew. A no-op when the config is loaded. */
int mx_project_load_config(struct mx_project *p, const struct mx_project_opts *opts,
                           struct mx_err *err);
void mx_project_release(struct mx_project *p);

/* For an umbrella root: the child apps, as paths relative to the root
 * ("apps/core", "apps/core_web"), each a directory of apps_path holding a
 * mix.exs, in byte order. Appends to apps; returns 0, or -1 when apps_path
 * cannot be read. */
int mx_project_umbrella_apps(const struct mx_project *p, struct mx_strvec *apps,
                             struct mx_err *err);

/* Reads root/mix.lock into p->lock and p->lock_deps (no file: 0, lock
 * NULL). mx_project_load calls it; -1 with err at the file for a lock that
 * is not one map literal. */
int mx_project_read_lock(struct mx_project *p, struct mx_err *err);
/* The version a Hex dependency ("ecto_sql") is locked to ("3.12.1"), or
 * NULL (no lock, not locked, or a git/path dep). Valid while p is. */
const char *mx_project_locked_version(const struct mx_project *p, const char *dep);

/* root joined with rel, appended to out. */
void mx_project_path(const struct mx_project *p, const char *rel, struct mx_buf *out);

/*
 * A config value: app, then a NULL-terminated path of keys, each an atom
 * name or a module ("Elixir.Hello.Repo" or "Hello.Repo" - a key starting
 * with an uppercase letter is taken as a module). Keys after the first go
 * through keyword lists and maps as Access does. NULL when absent.
 *   mx_project_get(p, "hello", "Hello.Repo", "pool_size", NULL)
 */
const struct mx_term *mx_project_get(const struct mx_project *p, const char *app, ...)
    __attribute__((sentinel));
/* Where the top-level key of app was set (a module key may be "Hello.Repo"). */
const struct mx_config_loc *mx_project_where(const struct mx_project *p, const char *app,
                                             const char *key);

/* :ecto_repos of the app, as alias names ("Hello.Repo"). Returns 0 (none
 * configured is not an error) or -1 when the value is not a list of
 * modules. */
int mx_project_ecto_repos(const struct mx_project *p, struct mx_strvec *repos, struct mx_err *err);

/* A repo's config, the keys ecto_sql and Postgrex read. Strings point into
 * the project's arena; NULL/0/false when not configured. */
struct mx_repo_config {
	const char *repo;                  /* "Hello.Repo" */
	const struct mx_term *kw;          /* everything configured, or NULL */
	const struct mx_config_loc *where; /* the config call that set it */
	const char *url;
	const char *hostname;
	int port;
	const char *username;
	const char *password;
	const char *database;
	const char *socket_dir;
	const struct mx_term *ssl; /* true/false or ssl options */
	int pool_size;
	const char *priv; /* as configured */
	const char *migration_source;
	const char *migration_default_prefix;
	const struct mx_term *migration_lock;
	const struct mx_term *migration_primary_key;
	const struct mx_term *migration_foreign_key;
	const struct mx_term *migration_timestamps;
	const struct mx_term *migration_repo;
	/* Resolved, relative to the root: priv or "priv/<repo's last segment
	 * underscored>", and priv + "/migrations". Arena strings. */
	const char *priv_path;
	const char *migrations_path;
};

/* Fills rc for repo (alias name). A value of the wrong type is an error
 * naming the config file and position. */
int mx_project_repo_config(const struct mx_project *p, const char *repo, struct mx_repo_config *rc,
                           struct mx_err *err);

/* config :app, :generators (a keyword list) or NULL. */
const struct mx_term *mx_project_generators(const struct mx_project *p);
/* config :app, <Web>.Endpoint or NULL. */
const struct mx_term *mx_project_endpoint_config(const struct mx_project *p);
/* config :phoenix, :gzippable_exts, or Phoenix's default
 * (.js .map .css .txt .text .html .json .svg .eot .ttf), also for a project
 * that was not found or whose config was not read. This is the one place
 * the default is written. */
int mx_project_gzippable_exts(const struct mx_project *p, struct mx_strvec *exts,
                              struct mx_err *err);
/* config :phoenix, :static_compressors as alias names, or
 * ["Phoenix.Digester.Gzip"]. */
int mx_project_static_compressors(const struct mx_project *p, struct mx_strvec *mods,
                                  struct mx_err *err);

/*
 * Mix.Phoenix.context_app/0 and the directory of that app (for phx-gen):
 * :context_app of config :app, :generators; unset is this app (*path "");
 * {app, path} gives the path; another app is found among the deps of
 * mix.exs: "../<app>" for in_umbrella, its path: for path deps, else
 * "deps/<app>". *app and *path are arena strings (relative to the root).
 * Errors carry Phoenix's messages (context_app: false; an app missing from
 * the deps).
 */
int mx_project_context_app(const struct mx_project *p, const char **app, const char **path,
                           struct mx_err *err);
/* The directory of context app `app` (given with --context-app): "" for
 * this app, the path of a {app, path} :context_app config, else where the
 * deps of mix.exs put it; errors as mx_project_context_app. */
int mx_project_context_app_path(const struct mx_project *p, const char *app, const char **path,
                                struct mx_err *err);

/*
 * Starts an evaluator for the project's own code (mix.exs, a router, an
 * endpoint): Mix.env(), Mix.target() and relative File paths answer as the
 * project's. p may be NULL (no project: the evaluator's defaults). Release
 * with mx_eval_release, as after mx_eval_init.
 */
void mx_project_eval_init(const struct mx_project *p, struct mx_eval *ev, struct mx_arena *a);

/*
 * For tools' evaluator hosts (a router's `if Application.compile_env(:hello,
 * :dev_routes) do`): answers the Application.get_env/fetch_env!/compile_env
 * family from the project's config (see mx_config_application_call).
 * Returns MX_EVAL_HANDLED, MX_EVAL_UNKNOWN, or -1. The returned terms live
 * in the project's arena, so the project must outlive their use; nil for a
 * missing value is allocated in a (the evaluator's arena).
 */
int mx_project_eval_host(const struct mx_project *p, struct mx_arena *a,
                         const struct mx_eval_call *call, struct mx_term **res, struct mx_err *err);

#endif
