/*
 * options.h: the option groups several ecto-migrate commands share, written
 * once. Each command's table (in its cmd_<name>.c) is its own switches
 * plus these groups; every row stores into em_options (options.c), since one
 * command runs per process.
 */
#ifndef EM_OPTIONS_H
#define EM_OPTIONS_H

#include "ecto_migrate.h"
#include "opt.h"

/* clang-format off */
#define EM_OPT_REPO                                                                                \
	MX_OPT_LIST_("repo", 'r', &em_options.repos, "REPO",                                       \
	             "The repo (repeatable; default: the project's repo)")

#define EM_OPT_MIGRATIONS_PATH                                                                     \
	MX_OPT_LIST_("migrations-path", 0, &em_options.migrations_paths, "DIR",                    \
	             "Where the migrations are (repeatable)")

/* mix forwards these to compile and deps.check; there is nothing of either
 * to do here. */
#define EM_OPT_COMPILE                                                                             \
	{ MX_OPT_BOOL, "no-compile", 0, &em_options.no_compile, NULL,                              \
	  "Accepted for mix compatibility", MX_OPT_HIDDEN, NULL, NULL },                           \
	{ MX_OPT_BOOL, "no-deps-check", 0, &em_options.no_deps_check, NULL,                        \
	  "Accepted for mix compatibility", MX_OPT_HIDDEN, NULL, NULL }

/* What mixless adds to every command: where the database and the project
 * are. -h/--help and --version follow every table by themselves. */
#define EM_OPT_MIXLESS                                                                             \
	MX_OPT_GROUP_("mixless options:"),                                                         \
	MX_OPT_STR_("url", 0, &em_options.url, "URL",                                              \
	            "Database URL (default: DATABASE_URL, then the repo's config)"),               \
	{ MX_OPT_STRING, "wait", 0, &em_options.wait, "SECONDS",                                   \
	  "Wait for the database to accept connections (default 30 s)",                            \
	  MX_OPT_OPTIONAL_ARG, NULL, "30" },                                                       \
	MX_OPT_DIRECTORY(&em_options.dir)

#define EM_OPT_LOCK                                                                                \
	MX_OPT_STR_("lock", 0, &em_options.lock, "KIND",                                           \
	            "Migration lock: table (default) or advisory (pg_advisory_lock)"),             \
	{ MX_OPT_INT, "lock-timeout", 0, &em_options.lock_timeout, "SECONDS",                      \
	  "Give up when the lock is not free within SECONDS", 0,                                   \
	  &em_options.lock_timeout_set, NULL }

/* ecto.migrate's and ecto.rollback's switches (the strategy and the log). */
#define EM_OPT_STRATEGY                                                                            \
	MX_OPT_BOOL_("all", 0, &em_options.all, "Run all pending migrations"),                     \
	{ MX_OPT_INT, "step", 'n', &em_options.step, "N", "Run N migrations", 0,                   \
	  &em_options.step_set, NULL },                                                            \
	{ MX_OPT_INT, "to", 0, &em_options.to, "VERSION", "Run up to and including VERSION", 0,    \
	  &em_options.to_set, NULL },                                                              \
	{ MX_OPT_INT, "to-exclusive", 0, &em_options.to_exclusive, "VERSION",                      \
	  "Run up to and excluding VERSION", 0, &em_options.to_exclusive_set, NULL },              \
	/* ecto.migrate's aliases are only -n and -r: --quiet has no -q */                        \
	MX_OPT_BOOL_("quiet", 0, &em_options.quiet, MX_OPT_QUIET_HELP),                            \
	MX_OPT_STR_("prefix", 0, &em_options.prefix, "PREFIX",                                     \
	            "The prefix (schema) to run migrations on"),                                   \
	MX_OPT_INT_("pool-size", 0, &em_options.pool_size, "N",                                    \
	            "Accepted for mix compatibility (at least 2)"),                                \
	MX_OPT_STR_("log-level", 0, &em_options.log_level, "LEVEL",                                \
	            "Logger level: debug, info, warning, error"),                                  \
	MX_OPT_BOOL_("log-migrations-sql", 0, &em_options.log_migrations_sql,                      \
	             "Log the SQL the migrations run"),                                            \
	MX_OPT_BOOL_("log-migrator-sql", 0, &em_options.log_migrator_sql,                          \
	             "Log the migrator's SQL (transactions, locks)"),                              \
	EM_OPT_REPO,                                                                               \
	EM_OPT_MIGRATIONS_PATH

#define EM_OPT_DRY_RUN                                                                             \
	MX_OPT_BOOL_("dry-run", 0, &em_options.dry_run, "Print the SQL that would run, run nothing")

#define EM_OPT_FORCE_DROP                                                                          \
	MX_OPT_BOOL_("force-drop", 0, &em_options.force_drop,                                      \
	             "Drop even with open connections (PostgreSQL 13+)")

#define EM_OPT_SEEDS                                                                               \
	MX_OPT_STR_("seeds", 0, &em_options.seeds, "FILE.sql",                                     \
	            "Run these SQL seeds (seeds.exs needs Elixir)")
/* clang-format on */

#endif
