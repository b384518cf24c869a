/*
 * create: `mix ecto.create` (ecto 3.12 task, ecto_sql 3.14 storage_up): the
 * database is created from the maintenance database, with ENCODING 'UTF8'
 * and the repo's template/lc_ctype/lc_collate, then its timezone is set to
 * Etc/UTC as ecto_sql 3.14 does.
 *
 * Where the genuine task fails with nothing useful ("couldn't be created:
 * killed" when the role is wrong), we keep its first words and then give the
 * server's reason and the remedy the Phoenix guide gives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "command.h"
#include "ecto_migrate.h"
#include "options.h"

static void sql_literal(struct mx_buf *b, const char *s)
{
	mx_buf_addch(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			mx_buf_addch(b, '\'');
		mx_buf_addch(b, *s);
	}
	mx_buf_addch(b, '\'');
}

int em_create_repo(const struct em_repo *r, const struct em_opts *o)
{
	struct em_conn c = EM_CONN_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf sql = MX_BUF_INIT, why = MX_BUF_INIT;
	PGresult *res = NULL;
	char *db = em_repo_database(r);
	int ret = MX_EXIT_FAIL;

	if (!db) {
		ret = em_mix_raise(
		    "The database for %s couldn't be created: no database is configured (set "
		    ":database in the repo's config, pass --url, or set DATABASE_URL)",
		    r->module);
		goto out;
	}
	if (em_conn_open(&c, r, true, o, &err) < 0)
		goto fail;
	mx_buf_adds(&sql, "SELECT FROM pg_database WHERE datname = ");
	sql_literal(&sql, db);
	if (em_exec(&c, sql.buf, 0, NULL, NULL, &res, &err) == 0 && PQntuples(res) == 1) {
		if (!o->quiet)
			printf("The database for %s has already been created\n", r->module);
		ret = MX_EXIT_OK;
		goto out;
	}
	mx_buf_reset(&sql);
	mx_buf_addf(&sql, "CREATE DATABASE \"%s\"", db);
	if (!r->encoding || strcmp(r->encoding, "unspecified"))
		mx_buf_addf(&sql, " ENCODING '%s'", r->encoding ? r->encoding : "UTF8");
	if (r->template)
		mx_buf_addf(&sql, " TEMPLATE=%s", r->template);
	if (r->lc_ctype)
		mx_buf_addf(&sql, " LC_CTYPE='%s'", r->lc_ctype);
	if (r->lc_collate)
		mx_buf_addf(&sql, " LC_COLLATE='%s'", r->lc_collate);
	if (em_exec(&c, sql.buf, 0, NULL, NULL, NULL, &err) < 0) {
		if (!strcmp(em_last_sqlstate(), "42P04")) {
			if (!o->quiet)
				printf("The database for %s has already been created\n", r->module);
			ret = MX_EXIT_OK;
			goto out;
		}
		goto fail;
	}
	/* ecto_sql 3.14 sets the new database's timezone (repo option
	 * :timezone, default "Etc/UTC", nil: not set), quoting as it does. */
	if (mx_ecto_sql_has(r->ddl.ecto_sql, MX_ECTO_SQL_CREATE_SETS_TIMEZONE) && !r->no_timezone) {
		mx_buf_reset(&sql);
		mx_buf_addf(&sql, "ALTER DATABASE \"%s\" SET timezone TO '%s'", db,
		            r->timezone ? r->timezone : "Etc/UTC");
		if (em_exec(&c, sql.buf, 0, NULL, NULL, NULL, &err) < 0)
			goto fail;
	}
	if (!o->quiet)
		printf("The database for %s has been created\n", r->module);
	ret = MX_EXIT_OK;
	goto out;
fail:
	em_remedy(err.msg, c.pg ? PQuser(c.pg) : NULL, &why);
	ret = em_mix_raise("The database for %s couldn't be created: %s%s", r->module, err.msg,
	                   why.buf);
out:
	PQclear(res);
	em_conn_close(&c);
	mx_buf_release(&sql);
	mx_buf_release(&why);
	free(db);
	return ret;
}

static const struct mx_option options[] = {
    EM_OPT_REPO, MX_OPT_QUIET(&em_options.quiet), EM_OPT_COMPILE, EM_OPT_MIXLESS, MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	return em_each_repo(em_create_repo);
}

const struct mx_command em_cmd_create = {
    .name = "create",
    .task = "ecto.create",
    .tool = "ecto-migrate",
    .shortdoc = "Creates the repository storage",
    .doc = "Creates the repository storage, as `mix ecto.create` does.\n"
           "\n"
           "The database of each repo (-r, or the project's :ecto_repos) is created\n"
           "from the maintenance database (\"postgres\" unless :maintenance_database\n"
           "is configured) with ENCODING 'UTF8' and the repo's :template, :lc_ctype\n"
           "and :lc_collate, then its timezone is set to Etc/UTC, as ecto_sql does.\n"
           "The connection comes from --url, else DATABASE_URL, else the repo's\n"
           "config for MIX_ENV (config.exs, <env>.exs, runtime.exs).\n"
           "\n"
           "  ecto-migrate create\n"
           "  ecto-migrate create -r Hello.Repo --url postgres://localhost/hello_dev\n"
           "  mixless ecto.create --wait\n"
           "\n"
           "It says what mix says: \"The database for Hello.Repo has been created\",\n"
           "or \"has already been created\". Where mix fails with nothing useful, the\n"
           "error keeps mix's first words and adds the server's reason and a remedy\n"
           "(create the role; start the server, or wait for it with --wait).\n",
    .options = options,
    .fn = run,
};
