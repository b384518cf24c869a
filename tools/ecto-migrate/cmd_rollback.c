/*
 * rollback: `mix ecto.rollback`. The work is the runner's; this sets the
 * default strategy as the mix task does: with no --all, --to, --to-exclusive
 * or --step, the latest migration is reverted (step: 1).
 */
#include "command.h"
#include "ecto_migrate.h"
#include "options.h"

static int rollback_repo(const struct em_repo *r, const struct em_opts *o)
{
	struct em_opts eff = *o;
	if (!eff.all && !eff.to_set && !eff.to_exclusive_set && !eff.step_set) {
		eff.step = 1;
		eff.step_set = 1;
	}
	return em_run(r, &eff, EM_DOWN);
}

/* ecto.rollback documents --strict-version-order but its strict parser
 * rejects it; so do we. */
static const struct mx_option options[] = {
    EM_OPT_STRATEGY, EM_OPT_COMPILE, EM_OPT_MIXLESS, EM_OPT_LOCK, EM_OPT_DRY_RUN, MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	return em_each_repo(rollback_repo);
}

const struct mx_command em_cmd_rollback = {
    .name = "rollback",
    .task = "ecto.rollback",
    .tool = "ecto-migrate",
    .shortdoc = "Rolls back the repository migrations",
    .doc = "Rolls back the repository migrations, as `mix ecto.rollback` does.\n"
           "\n"
           "Applied migrations are reverted newest first, each in its own\n"
           "transaction together with the removal of its schema_migrations row:\n"
           "change/0 backwards (Ecto's reversal of each command) or down/0. By\n"
           "default only the latest one is reverted; --step N, --to VERSION,\n"
           "--to-exclusive VERSION and --all revert more.\n"
           "\n"
           "  ecto-migrate rollback\n"
           "  ecto-migrate rollback --step 3\n"
           "  mixless ecto.rollback --to 20240101000000\n"
           "\n"
           "The switches are ecto.rollback's (which, despite its docs, does not take\n"
           "--strict-version-order) and migrate's mixless additions.\n",
    .options = options,
    .fn = run,
};
