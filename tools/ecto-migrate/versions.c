/*
 * versions: the schema_migrations table, with the same DDL, rows and SQL
 * that ecto_sql uses, so mix and ecto-migrate share it: version bigint
 * primary key, inserted_at timestamp(0) (UTC, truncated to the second).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "ecto_migrate.h"

static const char *source(const struct em_repo *r)
{
	return r->migration_source ? r->migration_source : "schema_migrations";
}

void em_versions_table(struct mx_buf *out, const struct em_repo *r, const char *prefix)
{
	if (prefix)
		mx_buf_addf(out, "\"%s\".", prefix);
	mx_buf_addf(out, "\"%s\"", source(r));
}

int em_versions_ensure(struct em_conn *c, const struct em_repo *r, const char *prefix,
                       struct mx_err *err)
{
	struct mx_buf sql = MX_BUF_INIT;
	bool log = c->log_sql, notices = c->log_notices;
	int ret;

	mx_buf_adds(&sql, "CREATE TABLE IF NOT EXISTS ");
	em_versions_table(&sql, r, prefix);
	mx_buf_adds(
	    &sql, " (\"version\" bigint, \"inserted_at\" timestamp(0), PRIMARY KEY (\"version\"))");
	/* ecto_sql runs this with log: false, and drops its notices. */
	c->log_sql = false;
	c->log_notices = false;
	/* First runs racing: IF NOT EXISTS is not atomic in PostgreSQL, the
	 * loser hits the catalogs' unique indexes (23505, 42P07, or 42710 for
	 * the table's row type). The winner made the table: run it again, and
	 * it is there. */
	for (int attempt = 0;; attempt++) {
		const char *st;
		ret = em_exec(c, sql.buf, 0, NULL, NULL, NULL, err);
		st = em_last_sqlstate();
		if (ret == 0 || attempt == 3 ||
		    (strcmp(st, "23505") && strcmp(st, "42P07") && strcmp(st, "42710")))
			break;
	}
	c->log_sql = log;
	c->log_notices = notices;
	mx_buf_release(&sql);
	return ret;
}

static int cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

int em_versions_read(struct em_conn *c, const struct em_repo *r, const char *prefix,
                     bool missing_ok, int64_t **v, size_t *n, struct mx_err *err)
{
	struct mx_buf sql = MX_BUF_INIT;
	PGresult *res = NULL;
	bool log = c->log_sql;
	int ret = -1;

	*v = NULL;
	*n = 0;
	em_versions_select(&sql, r, prefix);
	/* Never logged by ecto_sql (its versions query has log: false). */
	c->log_sql = false;
	if (em_exec(c, sql.buf, 0, NULL, NULL, &res, err) < 0) {
		if (missing_ok && !strcmp(em_last_sqlstate(), "42P01")) {
			if (err)
				mx_err_clear(err);
			ret = 0;
		}
		goto out;
	}
	em_versions_from_result(res, v, n);
	ret = 0;
out:
	c->log_sql = log;
	PQclear(res);
	mx_buf_release(&sql);
	return ret;
}

void em_versions_select(struct mx_buf *out, const struct em_repo *r, const char *prefix)
{
	mx_buf_adds(out, "SELECT s0.\"version\" FROM ");
	em_versions_table(out, r, prefix);
	mx_buf_adds(out, " AS s0");
}

void em_versions_from_result(const PGresult *res, int64_t **v, size_t *n)
{
	*n = (size_t)PQntuples(res);
	*v = mx_xcalloc(*n ? *n : 1, sizeof(**v));
	for (size_t i = 0; i < *n; i++)
		(*v)[i] = strtoll(PQgetvalue(res, (int)i, 0), NULL, 10);
	qsort(*v, *n, sizeof(**v), cmp64);
}

bool em_versions_has(const int64_t *v, size_t n, int64_t version)
{
	return v && n && bsearch(&version, v, n, sizeof(*v), cmp64) != NULL;
}

/* NaiveDateTime.utc_now() truncated to the second, as Ecto's
 * timestamps(updated_at: false) stores it. */
static void utc_now(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M:%S", &tm);
}

/* The statement that records (up) or forgets (down) a version, as Ecto's
 * insert and delete_all of its SchemaMigration write it; version and
 * inserted_at are SQL: parameters ("$1", "$2") or literals. */
static void row_sql(struct mx_buf *sql, const struct em_repo *r, const char *prefix, bool up,
                    const char *version, const char *inserted_at)
{
	mx_buf_adds(sql, up ? "INSERT INTO " : "DELETE FROM ");
	em_versions_table(sql, r, prefix);
	if (up)
		mx_buf_addf(sql, " (\"version\",\"inserted_at\") VALUES (%s,%s)", version,
		            inserted_at);
	else
		mx_buf_addf(sql, " AS s0 WHERE (s0.\"version\" = %s::bigint)", version);
}

int em_versions_record(struct em_conn *c, const struct em_repo *r, const char *prefix, bool up,
                       int64_t version, struct mx_err *err)
{
	struct mx_buf sql = MX_BUF_INIT, shown = MX_BUF_INIT;
	char vbuf[32], tbuf[32];
	const char *params[2] = {vbuf, tbuf};
	int ret;

	utc_now(tbuf, sizeof(tbuf));
	snprintf(vbuf, sizeof(vbuf), "%lld", (long long)version);
	row_sql(&sql, r, prefix, up, "$1", "$2");
	if (up)
		mx_buf_addf(&shown, "[%s, ~N[%s]]", vbuf, tbuf);
	else
		mx_buf_addf(&shown, "[%s]", vbuf);
	c->log_source = source(r);
	ret = em_exec(c, sql.buf, up ? 2 : 1, params, shown.buf, NULL, err);
	c->log_source = NULL;
	mx_buf_release(&sql);
	mx_buf_release(&shown);
	return ret;
}

int em_versions_record_commit(struct em_conn *c, const struct em_repo *r, const char *prefix,
                              bool up, int64_t version, struct mx_err *err)
{
	struct mx_buf sql = MX_BUF_INIT;
	char vbuf[32], tbuf[32], quoted[36];
	int ret;

	utc_now(tbuf, sizeof(tbuf));
	snprintf(vbuf, sizeof(vbuf), "%lld", (long long)version);
	snprintf(quoted, sizeof(quoted), "'%s'", tbuf);
	row_sql(&sql, r, prefix, up, vbuf, quoted);
	mx_buf_adds(&sql, "; COMMIT");
	ret = em_exec(c, sql.buf, 0, NULL, NULL, NULL, err);
	mx_buf_release(&sql);
	return ret;
}
