/*
 * migrate: `mix ecto.migrate`. The work is the runner's; this sets the
 * default strategy as the mix task does: with no --all, --to, --to-exclusive
 * or --step, everything pending runs (all: true).
 */
#include "command.h"
#include "ecto_migrate.h"
#include "options.h"

int em_migrate_repo(const struct em_repo *r, const struct em_opts *o)
{
	struct em_opts eff = *o;
	if (!eff.all && !eff.to_set && !eff.to_exclusive_set && !eff.step_set)
		eff.all = true;
	return em_run(r, &eff, EM_UP);
}

static const struct mx_option options[] = {
    EM_OPT_STRATEGY,
    MX_OPT_BOOL_("strict-version-order", 0, &em_options.strict_version_order,
                 "Abort when a pending migration is older than the latest applied"),
    EM_OPT_COMPILE,
    EM_OPT_MIXLESS,
    EM_OPT_LOCK,
    EM_OPT_DRY_RUN,
    MX_OPT_BOOL_("offline", 0, &em_options.offline,
                 "With --dry-run: no database, as if none had run"),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	if (em_options.offline && !em_options.dry_run)
		return mx_diag_usage("option '--offline' needs --dry-run");
	return em_each_repo(em_migrate_repo);
}

const struct mx_command em_cmd_migrate = {
    .name = "migrate",
    .task = "ecto.migrate",
    .tool = "ecto-migrate",
    .shortdoc = "Runs the repository migrations",
    .doc = "Runs the repository migrations, as `mix ecto.migrate` does.\n"
           "\n"
           "The pending migrations of priv/repo/migrations (or each\n"
           "--migrations-path) run in version order, each in its own transaction\n"
           "together with its schema_migrations row, under Ecto's migration lock,\n"
           "with the SQL ecto_sql's PostgreSQL adapter sends and Logger's lines as a\n"
           "Phoenix app prints them. Every pending file is read and translated\n"
           "before the first one runs: an error in any of them stops the run with\n"
           "file:line:col and nothing applied. By default all pending migrations\n"
           "run; --step N, --to VERSION and --to-exclusive VERSION run fewer.\n"
           "\n"
           "  ecto-migrate migrate\n"
           "  ecto-migrate migrate --step 1 --log-migrations-sql\n"
           "  ecto-migrate migrate --dry-run\n"
           "  mixless ecto.migrate --to 20240101000000\n"
           "\n"
           "A database migrated partly by mix and partly by ecto-migrate is the same\n"
           "as one migrated by either. Beyond mix: --dry-run prints the SQL and runs\n"
           "nothing, --lock advisory takes ecto_sql's pg_advisory_lock,\n"
           "--lock-timeout gives up on a held lock, --url and --wait say where the\n"
           "database is and how long to wait for it.\n",
    .options = options,
    .fn = run,
};
