/*
 * migrate / rollback: `mix ecto.migrate` and `mix ecto.rollback`. The work is
 * the runner's; these set the default strategy as the mix tasks do: migrate
 * runs everything pending (all: true), rollback reverts one (step: 1).
 */
#include "ecto_migrate.h"

int em_cmd_migrate(const struct em_repo *r, const struct em_opts *o)
{
	struct em_opts eff = *o;
	if (!eff.all && !eff.to_set && !eff.to_exclusive_set && !eff.step_set)
		eff.all = true;
	return em_run(r, &eff, EM_UP);
}

int em_cmd_rollback(const struct em_repo *r, const struct em_opts *o)
{
	struct em_opts eff = *o;
	if (!eff.all && !eff.to_set && !eff.to_exclusive_set && !eff.step_set) {
		eff.step = 1;
		eff.step_set = 1;
	}
	return em_run(r, &eff, EM_DOWN);
}
