/*
 * options: where every command's switches land, and the part every command
 * shares once they are parsed: the switches common to all of them are
 * checked, the repos resolved (-r, or the project's :ecto_repos), and the
 * command runs on each repo in turn, as the ecto tasks loop over
 * parse_repo's list.
 */
#include <stdlib.h>

#include "ecto_migrate.h"

struct em_opts em_options;

/* The values no table row can check by itself. */
static int check_options(const struct em_opts *o)
{
	if (o->log_level) {
		enum em_level lvl;
		if (em_log_parse_level(o->log_level, &lvl) < 0)
			return mx_diag_usage("option '--log-level' expects a Logger level (debug, "
			                     "info, warning, error), got '%s'",
			                     o->log_level);
		em_log_set_level(lvl);
	}
	if (o->wait && *o->wait && strtol(o->wait, NULL, 10) <= 0)
		return mx_diag_usage("option '--wait' expects a number of seconds, got '%s'",
		                     o->wait);
	return MX_EXIT_OK;
}

int em_each_repo(int (*fn)(const struct em_repo *r, const struct em_opts *o))
{
	struct em_opts *o = &em_options;
	struct mx_err err = MX_ERR_INIT;
	struct em_repo *repos = NULL;
	size_t nrepos = 0;
	int ret = check_options(o);

	if (ret != MX_EXIT_OK)
		goto out;
	if (em_repos_resolve(o, &repos, &nrepos, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	for (size_t i = 0; i < nrepos && ret == MX_EXIT_OK; i++)
		ret = fn(&repos[i], o);
out:
	em_repos_free(repos, nrepos);
	mx_strvec_clear(&o->repos);
	mx_strvec_clear(&o->migrations_paths);
	mx_strvec_clear(&o->prefixes);
	return ret;
}
