/*
 * ecto-migrate: `mix ecto.create/drop/migrate/rollback/migrations/dump/load`
 * and the ecto.setup/ecto.reset aliases for PostgreSQL, without Elixir. Each
 * subcommand takes the mix task's switches (names, aliases, defaults) and
 * prints its messages and Logger lines; the same schema_migrations table and
 * migration lock are used, so a project can switch between mix and
 * ecto-migrate at any time. Additions are opt-in switches: --url, --wait,
 * --dry-run, --lock, --lock-timeout, migrations --format json/--exit-code,
 * setup/reset --seeds FILE.sql.
 *
 * This file holds the option tables, the subcommand table, usage and the
 * exit code; the work is in cmd_*.c, runner.c and their helpers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecto_migrate.h"
#include "opt.h"

static struct em_opts O;
static bool help, version;

/* clang-format off */
#define OPT_REPO MX_OPT_LIST_("repo", 'r', &O.repos, "REPO", "The repo (repeatable; default: the project's repo)")
#define OPT_COMPILE                                                                            \
	{ MX_OPT_BOOL, "no-compile", 0, &O.no_compile, NULL, "Accepted for mix compatibility", MX_OPT_HIDDEN, NULL, NULL }, \
	{ MX_OPT_BOOL, "no-deps-check", 0, &O.no_deps_check, NULL, "Accepted for mix compatibility", MX_OPT_HIDDEN, NULL, NULL }
#define OPT_MIXLESS                                                                            \
	MX_OPT_GROUP_("mixless options:"),                                                     \
	MX_OPT_STR_("url", 0, &O.url, "URL", "Database URL (default: DATABASE_URL, then the repo's config)"), \
	{ MX_OPT_STRING, "wait", 0, &O.wait, "SECONDS", "Wait for the database to accept connections (default 30 s)", \
	  MX_OPT_OPTIONAL_ARG, NULL, "30" },                                                    \
	MX_OPT_STR_(NULL, 'C', &O.dir, "DIR", "Project root (default: nearest mix.exs upward)"), \
	MX_OPT_BOOL_("help", 'h', &help, "Show this help")
#define OPT_LOCK                                                                               \
	MX_OPT_STR_("lock", 0, &O.lock, "KIND", "Migration lock: table (default) or advisory (pg_advisory_lock)"), \
	{ MX_OPT_INT, "lock-timeout", 0, &O.lock_timeout, "SECONDS", "Give up when the lock is not free within SECONDS", \
	  0, &O.lock_timeout_set, NULL }
#define OPT_STRATEGY                                                                           \
	MX_OPT_BOOL_("all", 0, &O.all, "Run all pending migrations"),                             \
	{ MX_OPT_INT, "step", 'n', &O.step, "N", "Run N migrations", 0, &O.step_set, NULL },      \
	{ MX_OPT_INT, "to", 0, &O.to, "VERSION", "Run up to and including VERSION", 0, &O.to_set, NULL }, \
	{ MX_OPT_INT, "to-exclusive", 0, &O.to_exclusive, "VERSION", "Run up to and excluding VERSION", 0, \
	  &O.to_exclusive_set, NULL },                                                          \
	MX_OPT_BOOL_("quiet", 0, &O.quiet, "Do not log migration commands"),                      \
	MX_OPT_STR_("prefix", 0, &O.prefix, "PREFIX", "The prefix (schema) to run migrations on"), \
	MX_OPT_INT_("pool-size", 0, &O.pool_size, "N", "Accepted for mix compatibility (at least 2)"), \
	MX_OPT_STR_("log-level", 0, &O.log_level, "LEVEL", "Logger level: debug, info, warning, error"), \
	MX_OPT_BOOL_("log-migrations-sql", 0, &O.log_migrations_sql, "Log the SQL the migrations run"), \
	MX_OPT_BOOL_("log-migrator-sql", 0, &O.log_migrator_sql, "Log the migrator's SQL (transactions, locks)"), \
	OPT_REPO,                                                                              \
	MX_OPT_LIST_("migrations-path", 0, &O.migrations_paths, "DIR", "Where the migrations are (repeatable)")

static const struct mx_option create_opts[] = {
	OPT_REPO,
	MX_OPT_BOOL_("quiet", 'q', &O.quiet, "Do not print messages"),
	OPT_COMPILE, OPT_MIXLESS, MX_OPT_END_,
};

static const struct mx_option drop_opts[] = {
	OPT_REPO,
	MX_OPT_BOOL_("quiet", 'q', &O.quiet, "Do not print messages"),
	MX_OPT_BOOL_("force", 'f', &O.force, "Do not ask for confirmation"),
	MX_OPT_BOOL_("force-drop", 0, &O.force_drop, "Drop even with open connections (PostgreSQL 13+)"),
	OPT_COMPILE, OPT_MIXLESS, MX_OPT_END_,
};

static const struct mx_option migrate_opts[] = {
	OPT_STRATEGY,
	MX_OPT_BOOL_("strict-version-order", 0, &O.strict_version_order,
		     "Abort when a pending migration is older than the latest applied"),
	OPT_COMPILE, OPT_MIXLESS, OPT_LOCK,
	MX_OPT_BOOL_("dry-run", 0, &O.dry_run, "Print the SQL that would run, run nothing"),
	MX_OPT_END_,
};

/* ecto.rollback documents --strict-version-order but its strict parser
 * rejects it; so do we. */
static const struct mx_option rollback_opts[] = {
	OPT_STRATEGY, OPT_COMPILE, OPT_MIXLESS, OPT_LOCK,
	MX_OPT_BOOL_("dry-run", 0, &O.dry_run, "Print the SQL that would run, run nothing"),
	MX_OPT_END_,
};

static const struct mx_option migrations_opts[] = {
	OPT_REPO,
	MX_OPT_LIST_("migrations-path", 0, &O.migrations_paths, "DIR", "Where the migrations are (repeatable)"),
	MX_OPT_STR_("prefix", 0, &O.prefix, "PREFIX", "The prefix (schema) of schema_migrations"),
	OPT_COMPILE, OPT_MIXLESS, OPT_LOCK,
	MX_OPT_STR_("format", 0, &O.format, "FORMAT", "text (default) or json"),
	MX_OPT_BOOL_("exit-code", 0, &O.exit_code, "Exit 1 when migrations are pending"),
	MX_OPT_END_,
};

static const struct mx_option dump_opts[] = {
	OPT_REPO,
	MX_OPT_STR_("dump-path", 'd', &O.dump_path, "PATH", "Where to write (default <priv>/structure.sql)"),
	MX_OPT_BOOL_("quiet", 'q', &O.quiet, "Do not print messages"),
	MX_OPT_LIST_("prefix", 0, &O.prefixes, "PREFIX", "Schema to dump (repeatable)"),
	OPT_COMPILE, OPT_MIXLESS, MX_OPT_END_,
};

static const struct mx_option load_opts[] = {
	OPT_REPO,
	MX_OPT_STR_("dump-path", 'd', &O.dump_path, "PATH", "What to load (default <priv>/structure.sql)"),
	MX_OPT_BOOL_("force", 'f', &O.force, "Do not ask for confirmation"),
	MX_OPT_BOOL_("quiet", 'q', &O.quiet, "Do not print messages"),
	MX_OPT_BOOL_("skip-if-loaded", 0, &O.skip_if_loaded, "Do nothing when schema_migrations exists"),
	OPT_COMPILE, OPT_MIXLESS, MX_OPT_END_,
};

static const struct mx_option setup_opts[] = {
	OPT_REPO,
	MX_OPT_BOOL_("quiet", 'q', &O.quiet, "Do not print messages or log migrations"),
	MX_OPT_LIST_("migrations-path", 0, &O.migrations_paths, "DIR", "Where the migrations are (repeatable)"),
	MX_OPT_STR_("seeds", 0, &O.seeds, "FILE.sql", "Run these SQL seeds (seeds.exs needs Elixir)"),
	OPT_COMPILE, OPT_MIXLESS, OPT_LOCK, MX_OPT_END_,
};

static const struct mx_option reset_opts[] = {
	OPT_REPO,
	MX_OPT_BOOL_("quiet", 'q', &O.quiet, "Do not print messages or log migrations"),
	MX_OPT_BOOL_("force", 'f', &O.force, "Do not ask before dropping"),
	MX_OPT_BOOL_("force-drop", 0, &O.force_drop, "Drop even with open connections (PostgreSQL 13+)"),
	MX_OPT_LIST_("migrations-path", 0, &O.migrations_paths, "DIR", "Where the migrations are (repeatable)"),
	MX_OPT_STR_("seeds", 0, &O.seeds, "FILE.sql", "Run these SQL seeds (seeds.exs needs Elixir)"),
	OPT_COMPILE, OPT_MIXLESS, OPT_LOCK, MX_OPT_END_,
};

static const struct mx_option top_opts[] = {
	MX_OPT_BOOL_("help", 'h', &help, "Show this help"),
	MX_OPT_BOOL_("version", 0, &version, "Show the version"),
	MX_OPT_END_,
};

/* clang-format on */

struct command {
	const char *name;
	const struct mx_option *opts;
	int (*fn)(const struct em_repo *r, const struct em_opts *o);
	const char *task, *summary;
};

static const struct command commands[] = {
    {"create", create_opts, em_cmd_create, "ecto.create", "Creates the repository storage"},
    {"drop", drop_opts, em_cmd_drop, "ecto.drop", "Drops the repository storage"},
    {"migrate", migrate_opts, em_cmd_migrate, "ecto.migrate", "Runs the repository migrations"},
    {"rollback", rollback_opts, em_cmd_rollback, "ecto.rollback",
     "Rolls back the repository migrations"},
    {"migrations", migrations_opts, em_cmd_migrations, "ecto.migrations",
     "Displays the repository migration status"},
    {"dump", dump_opts, em_cmd_dump, "ecto.dump", "Dumps the repository database structure"},
    {"load", load_opts, em_cmd_load, "ecto.load", "Loads previously dumped database structure"},
    {"setup", setup_opts, em_cmd_setup, "ecto.setup", "create + migrate (+ seeds)"},
    {"reset", reset_opts, em_cmd_reset, "ecto.reset", "drop + setup"},
};

static void usage(FILE *out)
{
	fprintf(out, "Usage: ecto-migrate COMMAND [options]\n\n"
	             "Ecto's mix tasks for PostgreSQL, without Elixir.\n\nCommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-12s %-44s (mix %s)\n", commands[i].name, commands[i].summary,
		        commands[i].task);
	fprintf(out, "\nRun 'ecto-migrate COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
	const struct command *cmd = NULL;
	struct mx_err err = MX_ERR_INIT;
	struct em_repo *repos = NULL;
	size_t nrepos = 0;
	int ret = MX_EXIT_OK;

	mx_diag_set_prog("ecto-migrate");
	if (argc < 2 || argv[1][0] == '-') {
		if (mx_opt_parse(argc, argv, 1, top_opts, NULL, &err) < 0) {
			ret = mx_diag_usage("%s", err.msg);
			goto out;
		}
		if (version) {
			ret = mx_opt_version(stdout);
			goto out;
		}
		usage(help ? stdout : stderr);
		ret = help ? MX_EXIT_OK : MX_EXIT_USAGE;
		goto out;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		/* `ecto-migrate ecto.migrate` works too, as mixless spells it. */
		const char *name = argv[1];
		if (!strncmp(name, "ecto.", 5))
			name += 5;
		if (!strcmp(name, commands[i].name))
			cmd = &commands[i];
	}
	if (!cmd) {
		ret = mx_diag_usage("unknown command '%s'", argv[1]);
		goto out;
	}
	if (mx_opt_parse(argc, argv, 2, cmd->opts, NULL, &err) < 0) {
		ret = mx_diag_usage("%s", err.msg);
		goto out;
	}
	if (help) {
		printf("Usage: ecto-migrate %s [options]\n\n%s, as `mix %s` does.\n\nOptions:\n",
		       cmd->name, cmd->summary, cmd->task);
		mx_opt_print_help(stdout, cmd->opts);
		goto out;
	}
	if (O.log_level) {
		enum em_level lvl;
		if (em_log_parse_level(O.log_level, &lvl) < 0) {
			ret = mx_diag_usage("option '--log-level' expects a Logger level (debug, "
			                    "info, warning, error), got '%s'",
			                    O.log_level);
			goto out;
		}
		em_log_set_level(lvl);
	}
	if (O.wait && *O.wait && strtol(O.wait, NULL, 10) <= 0) {
		ret =
		    mx_diag_usage("option '--wait' expects a number of seconds, got '%s'", O.wait);
		goto out;
	}
	if (em_repos_resolve(&O, &repos, &nrepos, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	for (size_t i = 0; i < nrepos && ret == MX_EXIT_OK; i++)
		ret = cmd->fn(&repos[i], &O);
out:
	em_repos_free(repos, nrepos);
	mx_strvec_clear(&O.repos);
	mx_strvec_clear(&O.migrations_paths);
	mx_strvec_clear(&O.prefixes);
	fflush(stdout);
	return ret;
}
