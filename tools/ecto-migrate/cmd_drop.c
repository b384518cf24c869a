/*
 * drop: `mix ecto.drop`: DROP DATABASE from the maintenance database
 * (WITH (FORCE) under --force-drop, PostgreSQL 13+). Like Ecto, it asks
 * first only when the project starts permanent (prod), unless --force.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "command.h"
#include "ecto_migrate.h"
#include "options.h"

int em_drop_repo(const struct em_repo *r, const struct em_opts *o)
{
	struct em_conn c = EM_CONN_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf sql = MX_BUF_INIT, q = MX_BUF_INIT, why = MX_BUF_INIT;
	char *db = em_repo_database(r);
	int ret = MX_EXIT_FAIL;

	if (!db) {
		ret = em_mix_raise(
		    "The database for %s couldn't be dropped: no database is configured (set "
		    ":database in the repo's config, pass --url, or set DATABASE_URL)",
		    r->module);
		goto out;
	}
	if (r->start_permanent && !o->force) {
		mx_buf_addf(&q, "Are you sure you want to drop the database for repo %s?",
		            r->module);
		if (!em_yes(q.buf)) {
			ret = MX_EXIT_OK;
			goto out;
		}
	}
	if (em_conn_open(&c, r, true, o, &err) < 0)
		goto fail;
	mx_buf_addf(&sql, "DROP DATABASE \"%s\"%s", db, o->force_drop ? " WITH (FORCE)" : "");
	if (em_exec(&c, sql.buf, 0, NULL, NULL, NULL, &err) < 0) {
		if (!strcmp(em_last_sqlstate(), "3D000")) {
			if (!o->quiet)
				printf("The database for %s has already been dropped\n", r->module);
			ret = MX_EXIT_OK;
			goto out;
		}
		goto fail;
	}
	if (!o->quiet)
		printf("The database for %s has been dropped\n", r->module);
	ret = MX_EXIT_OK;
	goto out;
fail:
	em_remedy(err.msg, c.pg ? PQuser(c.pg) : NULL, &why);
	ret = em_mix_raise("The database for %s couldn't be dropped: %s%s", r->module, err.msg,
	                   why.buf);
out:
	em_conn_close(&c);
	mx_buf_release(&sql);
	mx_buf_release(&q);
	mx_buf_release(&why);
	free(db);
	return ret;
}

static const struct mx_option options[] = {
    EM_OPT_REPO,
    MX_OPT_QUIET(&em_options.quiet),
    MX_OPT_BOOL_("force", 'f', &em_options.force, "Do not ask for confirmation"),
    EM_OPT_FORCE_DROP,
    EM_OPT_COMPILE,
    EM_OPT_MIXLESS,
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	return em_each_repo(em_drop_repo);
}

const struct mx_command em_cmd_drop = {
    .name = "drop",
    .task = "ecto.drop",
    .tool = "ecto-migrate",
    .shortdoc = "Drops the repository storage",
    .doc = "Drops the repository storage, as `mix ecto.drop` does.\n"
           "\n"
           "The database of each repo is dropped from the maintenance database. Like\n"
           "Ecto, it asks first only when the project starts permanent (MIX_ENV=prod\n"
           "in a Phoenix app); -f/--force never asks. --force-drop drops it even\n"
           "while other sessions are connected (DROP DATABASE ... WITH (FORCE),\n"
           "PostgreSQL 13 and later).\n"
           "\n"
           "  ecto-migrate drop\n"
           "  MIX_ENV=prod ecto-migrate drop --force\n"
           "  mixless ecto.drop --force-drop\n"
           "\n"
           "It says \"The database for Hello.Repo has been dropped\" or \"has already\n"
           "been dropped\", as mix does.\n",
    .options = options,
    .fn = run,
};
