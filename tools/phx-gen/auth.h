/*
 * auth.h: phx.gen.auth (cmd_auth.c): the hashing libraries, the files of
 * each variant (auth_files.c) and the injections into the project's own
 * files (auth_inject.c), as Phoenix 1.7.24's Mix.Tasks.Phx.Gen.Auth.
 */
#ifndef PHX_GEN_AUTH_H
#define PHX_GEN_AUTH_H

#include "gen.h"
#include "phx_gen_context.h"

/* HashingLibrary.build/1: one row per library --hashing-lib names. */
struct auth_hashing {
	const char *name;        /* "bcrypt" */
	const char *module;      /* "Bcrypt" */
	const char *dep;         /* {:bcrypt_elixir, "~> 3.0"} */
	const char *test_config; /* config :bcrypt_elixir, :log_rounds, 1 */
};

/* The row named name, or NULL (Phoenix's "Unknown value for --hashing-lib"). */
const struct auth_hashing *auth_hashing_find(const char *name);

/* Which variant a file belongs to. */
enum auth_variant { AUTH_BOTH, AUTH_LIVE, AUTH_CTRL };

/* Where a file goes (files_to_be_generated/1). */
enum auth_dir {
	AUTH_MIGRATIONS, /* priv/repo/migrations (of the context app) */
	AUTH_CONTEXT,    /* context.dir */
	AUTH_WEB,        /* lib/<app>_web[/<web_path>] */
	AUTH_WEB_TEST,   /* test/<app>_web[/<web_path>] */
	AUTH_CTRL_DIR,   /* lib/<app>_web/controllers[/<web_path>] */
	AUTH_CTRL_TEST,  /* test/<app>_web/controllers[/<web_path>] */
	AUTH_LIVE_DIR,   /* lib/<app>_web/live[/<web_path>] */
	AUTH_LIVE_TEST,  /* test/<app>_web/live[/<web_path>] */
};

/*
 * One generated file: our template (templates/phx.gen.auth/<tmpl>) and
 * its destination, dir + "/" + the name with "%s" replaced by the schema's
 * singular. The table (auth_files[], ended by a NULL tmpl) lists both
 * variants in Phoenix's order, the order of its "* creating" lines.
 */
struct auth_file {
	enum auth_variant variant;
	const char *tmpl;
	enum auth_dir dir;
	const char *name;
};
extern const struct auth_file auth_files[];

/* One run: the session, the context and schema, and what phx.gen.auth
 * adds to them (Phoenix's binding). */
struct auth_run {
	struct gen_session *s;
	struct gen_resource *r;
	const struct auth_hashing *hashing;
	const char *adapter; /* "Ecto.Adapters.Postgres" */
	bool live;
};

/* ---- The project (auth_project.c): what Phoenix learns by loading code - */

/* get_ecto_adapter!: the adapter of the repo module defined under the
 * context app's lib/ ("Ecto.Adapters.Postgres" when its use line names
 * none), or NULL when no file defines it. In the session's arena. */
const char *auth_repo_adapter(struct gen_session *s, const char *repo);
/* validate_required_dependencies!: ecto_sql and phoenix_html in mix.exs.
 * Prints Phoenix's error and returns 1, or 0. */
int auth_check_deps(void);
/* Code.ensure_loaded?(<Base>.Mailer): a file under lib/ defines it. */
bool auth_has_mailer(struct gen_session *s, const char *base);

/* ---- The plan (auth_tree.c, auth_plan.c) ------------------------------- */

/* Adds Phoenix's binding under "auth" to the run's tree (auth.module,
 * auth.router_scope, auth.hashing_module, auth.email_column, ...). */
void auth_tree(struct auth_run *ar);
/* Every file of the variant, the context parts and every injection, in
 * Phoenix's order, into the session's plan. Returns 0 or the exit code
 * (a template error, printed). */
int auth_plan(struct auth_run *ar);

/* ---- Injector (auth_inject.c): pure edits of a file's text ------------- */

enum { AUTH_INJ_DONE, AUTH_INJ_PRESENT, AUTH_INJ_UNABLE };

#define AUTH_ROUTER_PLUG_ANCHOR "plug :put_secure_browser_headers"

/* Each takes the file's text (file, n), appends the new text to out and
 * returns AUTH_INJ_DONE, or AUTH_INJ_PRESENT (the code is there already:
 * out untouched) or AUTH_INJ_UNABLE (no anchor: out may hold garbage). */

/* {:bcrypt_elixir, "~> 3.0"} after "  defp deps do\n    [\n". */
int auth_inject_mix_dep(const char *file, size_t n, const char *dep, struct mx_buf *out);
/* The hashing config after `import Config` / `use Mix.Config`. */
int auth_inject_test_config(const char *file, size_t n, const struct auth_hashing *h,
                            struct mx_buf *out);
/* plug :fetch_current_<singular> after plug :put_secure_browser_headers. */
int auth_inject_router_plug(const char *file, size_t n, const char *singular, struct mx_buf *out);
/* import <Auth> after every `use <Web>, :router`. */
int auth_inject_router_import(const char *file, size_t n, const char *web_module,
                              const char *auth_module, struct mx_buf *out);
/* The menu (rendered, unindented, no final newline) at the end of <nav>,
 * else after the <body line; dup_check is "<route_prefix>/log_in". */
int auth_inject_layout_menu(const char *file, size_t n, const char *dup_check, const char *menu,
                            struct mx_buf *out);

/* The test config lines joined by nl, and Phoenix's help when they cannot
 * be injected ("Add the following to <path>:" ...). Append to out. */
void auth_test_config_code(const struct auth_hashing *h, const char *nl, struct mx_buf *out);
void auth_test_config_help(const char *path, const struct auth_hashing *h, struct mx_buf *out);

#endif
