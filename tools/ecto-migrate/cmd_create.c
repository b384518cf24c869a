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
#include "ecto_migrate.h"

/* The role named in libpq's message ("role \"bob\" does not exist"). */
static void role_in(const char *msg, const char *after, struct mx_buf *role)
{
	const char *p = strstr(msg, after);
	if (!p)
		return;
	p += strlen(after);
	const char *q = strchr(p, '"');
	if (q)
		mx_buf_add(role, p, (size_t)(q - p));
}

void em_remedy(const char *msg, const char *user, struct mx_buf *out)
{
	struct mx_buf role = MX_BUF_INIT;
	if (strstr(msg, "does not exist") && strstr(msg, "role \"")) {
		role_in(msg, "role \"", &role);
		mx_buf_addf(out,
		            "\n\nThe role does not exist. Create it (in psql, as a superuser):\n\n "
		            "   CREATE ROLE %s LOGIN CREATEDB;",
		            role.len ? role.buf : "postgres");
	} else if (strstr(msg, "is not permitted to log in")) {
		role_in(msg, "role \"", &role);
		mx_buf_addf(out,
		            "\n\nThe role may not log in. Allow it (in psql, as a superuser):\n\n  "
		            "  ALTER ROLE %s LOGIN;",
		            role.len ? role.buf : "postgres");
	} else if (strstr(msg, "permission denied to create database")) {
		mx_buf_adds(out, "\n\nThe role may not create databases. Allow it (in psql, as a "
		                 "superuser):\n\n    ALTER ROLE ");
		mx_buf_adds(out, user && *user ? user : "<role>");
		mx_buf_adds(out, " CREATEDB;");
	} else if (strstr(msg, "password authentication failed")) {
		mx_buf_adds(out, "\n\nThe password is wrong: fix it in the repo's config "
		                 "(config/dev.exs for dev) or in the URL.");
	} else if (strstr(msg, "Connection refused") || strstr(msg, "No such file or directory")) {
		mx_buf_adds(out, "\n\nIs PostgreSQL running and accepting connections there? "
		                 "(--wait waits for it to start.)");
	}
	mx_buf_release(&role);
}

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

int em_cmd_create(const struct em_repo *r, const struct em_opts *o)
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
	mx_buf_reset(&sql);
	mx_buf_addf(&sql, "ALTER DATABASE \"%s\" SET timezone TO 'Etc/UTC'", db);
	if (em_exec(&c, sql.buf, 0, NULL, NULL, NULL, &err) < 0)
		goto fail;
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
