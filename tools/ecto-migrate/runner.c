/*
 * runner: migrate and rollback, as Ecto.Migrator.run/4 does them.
 *
 * Two connections, as ecto_sql uses two: one holds the migration lock, the
 * other runs the migration. The pending list is computed once under the
 * lock; then every pending migration is read and translated (a bad file
 * stops the run here, with nothing applied); then each migration runs under
 * the lock again, re-reading the versions so that a migration another
 * process applied meanwhile is skipped, in one transaction together with its
 * schema_migrations row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "ecto_migrate.h"
#include "fsutil.h"
#include "oban.h"
#include "project/project.h"

struct run {
	const struct em_repo *repo;
	const struct em_opts *opts;
	enum em_direction dir;
	const char *prefix; /* --prefix: schema_migrations and the lock */
	bool log, log_sql, log_migrator_sql;
	struct em_conn lock_conn, mig_conn;
	struct em_lock lock;
	struct em_ddl_config cfg;
};

void em_select_pending(const struct em_files *files, const int64_t *v, size_t nv,
                       const struct em_opts *o, enum em_direction dir, const struct em_file ***sel,
                       size_t *nsel)
{
	const struct em_file **in = mx_xcalloc(files->n + 1, sizeof(*in));
	size_t n = 0, take;

	if (dir == EM_UP) {
		for (size_t i = 0; i < files->n; i++)
			if (!em_versions_has(v, nv, files->v[i].version))
				in[n++] = &files->v[i];
	} else {
		for (size_t i = files->n; i-- > 0;)
			if (em_versions_has(v, nv, files->v[i].version))
				in[n++] = &files->v[i];
	}
	take = n;
	if (o->all) {
		take = n;
	} else if (o->to_set || o->to_exclusive_set) {
		bool excl = !o->to_set;
		long target = o->to_set ? o->to : o->to_exclusive;
		for (take = 0; take < n; take++) {
			int64_t ver = in[take]->version;
			bool within = dir == EM_UP ? (excl ? ver < target : ver <= target)
			                           : (excl ? ver > target : ver >= target);
			if (!within)
				break;
		}
	} else if (o->step_set) {
		take = o->step < 0 ? 0 : ((size_t)o->step < n ? (size_t)o->step : n);
	}
	*sel = in;
	*nsel = take;
}

/* The table lock and the versions in one round trip, when nothing is
 * logged (the log must show each statement, as Ecto sends them). */
static int lock_and_read_batched(struct run *rn, int64_t **v, size_t *nv, struct mx_err *err)
{
	struct mx_buf sql = MX_BUF_INIT;
	PGresult *res = NULL;
	int ret = -1;

	mx_buf_adds(&sql, "BEGIN; LOCK TABLE ");
	em_versions_table(&sql, rn->repo, rn->prefix);
	mx_buf_adds(&sql, " IN SHARE UPDATE EXCLUSIVE MODE; ");
	em_versions_select(&sql, rn->repo, rn->prefix);
	if (em_exec(&rn->lock_conn, sql.buf, 0, NULL, NULL, &res, err) < 0) {
		em_exec(&rn->lock_conn, "ROLLBACK", 0, NULL, NULL, NULL, NULL);
		goto out;
	}
	rn->lock.held = true;
	em_versions_from_result(res, v, nv);
	ret = 0;
out:
	PQclear(res);
	mx_buf_release(&sql);
	return ret;
}

static int lock_and_read(struct run *rn, bool take_lock, int64_t **v, size_t *nv,
                         struct mx_err *err)
{
	if (take_lock && rn->lock.kind == EM_LOCK_TABLE && !rn->lock_conn.log_sql &&
	    rn->lock.timeout_s == 0)
		return lock_and_read_batched(rn, v, nv, err);
	if (take_lock && em_lock_acquire(&rn->lock, err) < 0)
		return -1;
	if (em_versions_read(&rn->lock_conn, rn->repo, rn->prefix, false, v, nv, err) < 0) {
		em_lock_release(&rn->lock, NULL);
		return -1;
	}
	return 0;
}

static const char *fn_name(const struct em_migration *m, enum em_direction d)
{
	const struct em_plan *p = d == EM_UP ? &m->up : &m->down;
	if (p->operation)
		return p->operation;
	if (m->has_change)
		return "change";
	return d == EM_UP ? "up" : "down";
}

static const char *dir_suffix(const struct run *rn, const struct em_migration *m,
                              enum em_direction d)
{
	const struct em_plan *p = d == EM_UP ? &m->up : &m->down;
	/* ecto_sql 3.14 names the direction only for change/0; 3.13 and
	 * older say " forward" after up/0 and down/0 too. */
	if (mx_ecto_sql_has(rn->cfg.ecto_sql, MX_ECTO_SQL_LOG_DIRECTION_ONLY_FOR_CHANGE) &&
	    strcmp(fn_name(m, d), "change"))
		return "";
	if (p->direction)
		return p->direction;
	if (!m->has_change)
		return " forward"; /* up/0 and down/0 both run :forward */
	return d == EM_UP ? " forward" : " backward";
}

/* IO.warn's look: "warning: <message>" on stderr. */
static void io_warn(const char *msg)
{
	size_t n = strlen(msg);
	while (n && msg[n - 1] == '\n')
		n--;
	fflush(stdout);
	fprintf(stderr, "%swarning:%s %.*s\n\n", mx_diag_ansi(stderr, MX_YELLOW),
	        mx_diag_ansi(stderr, MX_RESET), (int)n, msg);
}

/* Runner.maybe_warn_index_migration_lock: a concurrent index while the
 * migration lock is a table lock. */
static void warn_concurrent_lock(const struct run *rn, const struct em_migration *m,
                                 const struct em_step *st)
{
	struct mx_buf b = MX_BUF_INIT;
	if (!st->concurrent_index || m->disable_migration_lock ||
	    rn->repo->lock_kind == EM_LOCK_ADVISORY)
		return;
	mx_buf_addf(&b,
	            "Migration %s has set index `%s` on table `%s` to concurrently but did not "
	            "disable migration lock. Please set:\n\n"
	            "    use Ecto.Migration\n    @disable_migration_lock true\n\n"
	            "Alternatively, consider using advisory locks during migrations in the repo "
	            "configuration:\n\n"
	            "    config %s, migration_lock: :pg_advisory_lock\n",
	            m->module, st->index_name ? st->index_name : "",
	            st->index_table ? st->index_table : "", rn->repo->module);
	io_warn(b.buf);
	mx_buf_release(&b);
}

/* Where mix prints its stack trace after a failed migration: which
 * migration, where (the raising call when known, else the file), and what
 * became of its statements. */
static void report_context(const struct em_migration *m, const struct mx_err *at, const char *sql,
                           bool in_txn)
{
	fprintf(stderr, "\nwhile running migration %lld %s (%s", (long long)m->version, m->module,
	        at && at->file[0] ? at->file : em_display_path(m->path));
	if (at && at->file[0] && at->line)
		fprintf(stderr, ":%u:%u", at->line, at->col);
	fprintf(stderr, ")%s\n\n", sql ? ":" : "");
	if (sql)
		fprintf(stderr, "    %s\n\n", sql);
	if (in_txn)
		fprintf(stderr, "The migration was rolled back: none of it was applied.\n");
	else
		fprintf(
		    stderr,
		    "This migration runs without a DDL transaction (@disable_ddl_transaction):\n"
		    "the statements before the %s were applied and stay applied.\n",
		    sql ? "failing one" : "raise");
}

/* A statement PostgreSQL refused: Postgrex.Error's message, as mix prints
 * the exception, then the migration and statement. */
static void report_failure(const struct em_migration *m, const char *sql, const struct mx_err *err,
                           bool in_txn)
{
	em_raise("Postgrex.Error", "%s%s", err->msg, em_last_postgrex_tail());
	report_context(m, NULL, sql, in_txn);
}

/* A migration that raises while it runs (an irreversible command run
 * backward, a bad option). */
static void report_raise(const struct em_migration *m, const struct em_plan *plan, bool in_txn)
{
	em_raise(plan->exception[0] ? plan->exception : "Ecto.MigrationError", "%s",
	         plan->error.msg);
	report_context(m, &plan->error, NULL, in_txn);
}

/* The "↳" callers Ecto logs for the migrator's own statements (repo
 * config stacktrace: true), as each release has them. The line numbers are
 * those of each minor's last patch (3.13.5: sql.ex:1473; 3.13.0-3.13.3 had
 * checkout_or_transaction/4 a few lines higher). NULL: no stacktrace. */
static const char *caller_txn(const struct run *rn)
{
	if (!rn->repo->stacktrace)
		return NULL;
	if (mx_ecto_sql_has(rn->cfg.ecto_sql, MX_ECTO_SQL_MIGRATOR_CALLERS_3_14))
		return "Ecto.Migrator.run_maybe_in_transaction/5, at: lib/ecto/migrator.ex:353";
	return "Ecto.Migrator.run_maybe_in_transaction/5, at: lib/ecto/migrator.ex:354";
}

/* The version row's INSERT/DELETE: from 3.13 (log_stacktrace/3 skips
 * less) it names ecto_sql's transaction wrapper when in a transaction. */
static const char *caller_version(const struct run *rn, bool txn)
{
	bool v314 = mx_ecto_sql_has(rn->cfg.ecto_sql, MX_ECTO_SQL_MIGRATOR_CALLERS_3_14);
	if (!rn->repo->stacktrace)
		return NULL;
	if (txn && mx_ecto_sql_has(rn->cfg.ecto_sql, MX_ECTO_SQL_VERSION_ROW_CALLER_IN_SQL))
		return v314 ? "anonymous fn/3 in Ecto.Adapters.SQL.checkout_or_transaction/4, at: "
		              "lib/ecto/adapters/sql.ex:1481"
		            : "anonymous fn/3 in Ecto.Adapters.SQL.checkout_or_transaction/4, at: "
		              "lib/ecto/adapters/sql.ex:1473";
	return v314 ? "anonymous fn/6 in Ecto.Migrator.async_migrate_maybe_in_transaction/7, at: "
	              "lib/ecto/migrator.ex:337"
	            : "anonymous fn/6 in Ecto.Migrator.async_migrate_maybe_in_transaction/7, at: "
	              "lib/ecto/migrator.ex:338";
}

/* Rolls the failed migration's transaction back; Ecto logs that "rollback"
 * with --log-migrator-sql, naming the migrator as its caller. */
static void rollback_logged(const struct run *rn, struct em_conn *c)
{
	c->log_sql = rn->log_migrator_sql;
	c->log_caller = caller_txn(rn);
	em_exec(c, "rollback", 0, NULL, NULL, NULL, NULL);
	c->log_caller = NULL;
	c->log_sql = false;
}

static int run_steps(struct run *rn, const struct em_migration *m, const struct em_plan *plan,
                     bool txn);

/* What an Oban.Migrations.up/down step runs (oban.h), chosen from the
 * version Oban read in the comment on oban_jobs. */
struct oban_pick {
	bool done;
	int n; /* plans to run; -1: Oban raised (raised says what) */
	const struct em_plan *plans[EM_OBAN_LATEST + 3];
	struct em_plan raised;
};

/* Oban's migrated_version/1: the query on the migration's connection,
 * inside its transaction, unlogged (Oban passes log: false). */
static void oban_pick(struct run *rn, const struct em_oban *o, struct oban_pick *p)
{
	struct em_conn *c = &rn->mig_conn;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf sql = MX_BUF_INIT;
	PGresult *res = NULL;
	int rows = 0;

	em_oban_version_query(o, &sql);
	c->log_sql = false;
	c->log_notices = false;
	/* Oban takes a failed query as version 0 (in a transaction the error
	 * aborted it, and the next statement fails, as Ecto's would). */
	if (em_exec(c, sql.buf, 0, NULL, NULL, &res, &err) == 0)
		rows = PQntuples(res);
	p->n = em_oban_select(o, rows,
	                      rows == 1 && !PQgetisnull(res, 0, 0) ? PQgetvalue(res, 0, 0) : NULL,
	                      p->plans, &p->raised);
	p->done = true;
	PQclear(res);
	mx_buf_release(&sql);
}

/* Oban reads the version while the migration's callback is evaluated:
 * after the steps flushed before its call have run (flush/0), before any
 * other. So before step i, every Oban step whose call came after the first
 * i steps were flushed reads it now, in call order. Returns 0, or -1 when
 * Oban raised (reported). */
static int oban_read_before(struct run *rn, const struct em_migration *m,
                            const struct em_plan *plan, size_t i, struct oban_pick *picks, bool txn)
{
	for (size_t j = i; j < plan->n; j++) {
		const struct em_oban *o = plan->steps[j].oban;
		if (!o || picks[j].done || o->steps_before > i)
			continue;
		oban_pick(rn, o, &picks[j]);
		if (picks[j].n < 0) {
			if (txn)
				rollback_logged(rn, &rn->mig_conn);
			report_raise(m, &picks[j].raised, txn);
			return -1;
		}
	}
	return 0;
}

/* The plan's steps, each logged as Ecto logs it; on a failure, the
 * transaction is rolled back and the failure reported. Returns 0 or -1. */
static int run_steps(struct run *rn, const struct em_migration *m, const struct em_plan *plan,
                     bool txn)
{
	struct em_conn *c = &rn->mig_conn;
	struct mx_err err = MX_ERR_INIT;
	struct oban_pick *picks = NULL;
	int ret = -1;

	for (size_t i = 0; i < plan->n && !picks; i++)
		if (plan->steps[i].oban)
			picks = mx_xcalloc(plan->n, sizeof(*picks));
	for (size_t i = 0; i < plan->n; i++) {
		const struct em_step *st = &plan->steps[i];
		if (picks && oban_read_before(rn, m, plan, i, picks, txn) < 0)
			goto out;
		if (st->oban) {
			for (int k = 0; k < picks[i].n; k++)
				if (run_steps(rn, m, picks[i].plans[k], txn) < 0)
					goto out;
			continue;
		}
		if (st->warning)
			io_warn(st->warning);
		warn_concurrent_lock(rn, m, st);
		if (st->logger_level)
			em_log((enum em_level)(st->logger_level - 1), "%s", st->log);
		else if (rn->log && st->log && *st->log)
			em_log(EM_INFO, "%s", st->log);
		c->log_sql = rn->log_sql;
		c->log_notices = rn->log;
		for (size_t j = 0; j < st->sql.n; j++) {
			if (em_exec(c, st->sql.v[j], 0, NULL, NULL, NULL, &err) < 0) {
				c->log_notices = false;
				if (txn)
					rollback_logged(rn, c);
				report_failure(m, st->sql.v[j], &err, txn);
				goto out;
			}
		}
		c->log_notices = false;
	}
	ret = 0;
out:
	free(picks);
	if (ret < 0)
		return -1;
	if (plan->failed) {
		if (txn)
			rollback_logged(rn, c);
		report_raise(m, plan, txn);
		return -1;
	}
	return 0;
}

/* The schema_migrations row, and the COMMIT of the migration's
 * transaction: in one round trip when the migrator's SQL is not logged. */
static int record_version(struct run *rn, const struct em_migration *m, bool txn)
{
	struct em_conn *c = &rn->mig_conn;
	struct mx_err err = MX_ERR_INIT;
	bool up = rn->dir == EM_UP;

	c->log_sql = rn->log_migrator_sql;
	if (txn && !rn->log_migrator_sql) {
		if (em_versions_record_commit(c, rn->repo, rn->prefix, up, m->version, &err) < 0) {
			em_exec(c, "rollback", 0, NULL, NULL, NULL, NULL);
			mx_diag_error(&err);
			return -1;
		}
		return 0;
	}
	c->log_caller = caller_version(rn, txn);
	if (em_versions_record(c, rn->repo, rn->prefix, up, m->version, &err) < 0) {
		c->log_caller = NULL;
		if (txn)
			em_exec(c, "rollback", 0, NULL, NULL, NULL, NULL);
		mx_diag_error(&err);
		return -1;
	}
	c->log_caller = caller_txn(rn);
	if (txn && em_exec(c, "commit", 0, NULL, NULL, NULL, &err) < 0) {
		c->log_caller = NULL;
		mx_diag_error(&err);
		return -1;
	}
	c->log_caller = NULL;
	return 0;
}

/* Runs one migration on the migration connection (lock already held). */
static int run_one(struct run *rn, const struct em_migration *m)
{
	const struct em_plan *plan = rn->dir == EM_UP ? &m->up : &m->down;
	struct em_conn *c = &rn->mig_conn;
	struct mx_err err = MX_ERR_INIT;
	bool txn = !m->disable_ddl_transaction;
	struct timespec t0, t1;
	long us, tenths;

	c->log_sql = rn->log_migrator_sql;
	c->log_notices = false;
	c->pooled = !txn;
	/* The callers ecto_sql's logs name (repo config stacktrace: true)
	 * for the migrator's own statements on this connection. */
	c->log_caller = caller_txn(rn);
	if (txn && em_exec(c, "begin", 0, NULL, NULL, NULL, &err) < 0) {
		c->log_caller = NULL;
		mx_diag_error(&err);
		return -1;
	}
	c->log_caller = NULL; /* the migration's own SQL has none */
	if (rn->log)
		em_log(EM_INFO, "== Running %lld %s.%s/0%s", (long long)m->version, m->module,
		       fn_name(m, rn->dir), dir_suffix(rn, m, rn->dir));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (run_steps(rn, m, plan, txn) < 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	us = (long)((t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000L);
	tenths = us / 100000;
	if (rn->log)
		em_log(EM_INFO, "== Migrated %lld in %ld.%lds", (long long)m->version, tenths / 10,
		       tenths % 10);
	return record_version(rn, m, txn);
}

/* --dry-run: the SQL that would run, as a psql-ready script. */
static void print_dry_run(struct run *rn, const struct em_migration *m)
{
	const struct em_plan *plan = rn->dir == EM_UP ? &m->up : &m->down;
	struct mx_buf table = MX_BUF_INIT;
	bool txn = !m->disable_ddl_transaction;

	em_versions_table(&table, rn->repo, rn->prefix);
	printf("-- == Running %lld %s.%s/0%s (%s)\n", (long long)m->version, m->module,
	       fn_name(m, rn->dir), dir_suffix(rn, m, rn->dir), em_display_path(m->path));
	if (txn)
		printf("BEGIN;\n");
	for (size_t i = 0; i < plan->n; i++) {
		const struct em_step *st = &plan->steps[i];
		if (st->oban)
			printf("-- %s: what runs depends on the version in the comment on "
			       "oban_jobs, read when the migration runs\n",
			       st->oban->call);
		if (st->log && *st->log)
			printf("-- %s\n", st->log);
		for (size_t j = 0; j < st->sql.n; j++)
			printf("%s;\n", st->sql.v[j]);
	}
	if (rn->dir == EM_UP)
		printf("INSERT INTO %s (\"version\",\"inserted_at\") VALUES (%lld, now() AT TIME "
		       "ZONE 'utc');\n",
		       table.buf, (long long)m->version);
	else
		printf("DELETE FROM %s WHERE \"version\" = %lld;\n", table.buf,
		       (long long)m->version);
	if (txn)
		printf("COMMIT;\n");
	printf("\n");
	mx_buf_release(&table);
}

/* ---- em_run's phases: each returns 0 to go on, or the run's exit code ---- */

/* The migrations that will run, read and translated before anything runs.
 * A migration Ecto would raise in stops the run here, unless it is the
 * first to run: Ecto logs its "== Running" line and the commands before the
 * raise, then rolls back, as run_one does; *nsel becomes 1, since Ecto never
 * gets past it. migs[0..*loaded) need releasing, on failure too. */
static int load_all(struct run *rn, const struct em_file *const *sel, size_t *nsel,
                    struct em_migration *migs, size_t *loaded)
{
	struct mx_err err = MX_ERR_INIT;
	for (size_t i = 0; i < *nsel; i++) {
		const struct em_plan *plan;
		memset(&migs[i], 0, sizeof(migs[i]));
		*loaded = i + 1;
		/* Relative to the cwd, as Elixir names files in its errors. */
		if (em_migration_load(&migs[i], em_display_path(sel[i]->path), &rn->cfg, &err) <
		    0) {
			if (!err.file[0])
				snprintf(err.file, sizeof(err.file), "%s",
				         em_display_path(sel[i]->path));
			mx_diag_error(&err);
			fprintf(stderr, "%s: nothing was applied\n", mx_diag_prog());
			return MX_EXIT_FAIL;
		}
		plan = rn->dir == EM_UP ? &migs[i].up : &migs[i].down;
		if (plan->failed && i == 0 && !rn->opts->dry_run) {
			*nsel = 1;
			return 0;
		}
		if (plan->failed) {
			/* Ecto would raise while running this one, after the
			 * earlier migrations; we stop before the first. */
			struct mx_buf b = MX_BUF_INIT;
			mx_err_format(&plan->error, &b);
			em_raise(plan->exception[0] ? plan->exception : "Ecto.MigrationError", "%s",
			         b.buf);
			fprintf(stderr, "%s: nothing was applied\n", mx_diag_prog());
			mx_buf_release(&b);
			return MX_EXIT_FAIL;
		}
	}
	return 0;
}

static int check_pool_size(const struct em_opts *o)
{
	if (o->pool_size != 1)
		return 0;
	/* ecto_sql's check: the lock needs one connection, the migration the
	 * other. */
	return em_mix_raise(
	    "Migrations failed to run because the connection pool size is less than 2.\n\n"
	    "Ecto requires a pool size of at least 2 to support concurrent migrators.\n"
	    "When migrations run, Ecto uses one connection to maintain a lock and\n"
	    "another to run migrations.\n\n"
	    "If you are running migrations with Mix, you can increase the number\n"
	    "of connections via the pool size option:\n\n"
	    "    mix ecto.migrate --pool-size 2\n\n"
	    "If you are running the Ecto.Migrator programmatically, you can configure\n"
	    "the pool size via your application config:\n\n"
	    "    config :my_app, Repo,\n"
	    "      ...,\n"
	    "      pool_size: 2 # at least\n");
}

static int connect(struct run *rn, struct em_conn *c)
{
	struct mx_err err = MX_ERR_INIT;
	if (em_conn_open(c, rn->repo, false, rn->opts, &err) < 0)
		return mx_diag_fail(MX_EXIT_FAIL, "could not connect to the database of %s: %s",
		                    rn->repo->module, err.msg);
	return 0;
}

/* Ecto.Migrator's message when schema_migrations cannot be created, then
 * the database error, which Ecto re-raises after its explanation. */
static int raise_versions_table(const struct em_repo *r, const struct mx_err *err)
{
	/* inspect(otp_app): the app is the module's first segment,
	 * underscored (Hello.Repo -> :hello). */
	struct mx_buf app = MX_BUF_INIT;
	mx_buf_addch(&app, ':');
	for (const char *p = r->module; *p && *p != '.'; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			if (p != r->module)
				mx_buf_addch(&app, '_');
			mx_buf_addch(&app, (char)(*p - 'A' + 'a'));
		} else {
			mx_buf_addch(&app, *p);
		}
	}
	em_log(EM_ERROR,
	       "Could not create schema migrations table. This error usually happens due to the "
	       "following:\n\n"
	       "  * The database does not exist\n"
	       "  * The \"schema_migrations\" table, which Ecto uses for managing\n"
	       "    migrations, was defined by another library\n"
	       "  * There is a deadlock while migrating (such as using concurrent\n"
	       "    indexes with a migration_lock)\n\n"
	       "To fix the first issue, run \"mix ecto.create\" for the desired MIX_ENV.\n\n"
	       "To address the second, you can run \"mix ecto.drop\" followed by\n"
	       "\"mix ecto.create\", both for the desired MIX_ENV. Alternatively you may\n"
	       "configure Ecto to use another table and/or repository for managing\n"
	       "migrations:\n\n"
	       "    config %s, %s,\n"
	       "      migration_source: \"some_other_table_for_schema_migrations\",\n"
	       "      migration_repo: AnotherRepoForSchemaMigrations\n\n"
	       "The full error report is shown below.\n",
	       app.buf, r->module);
	mx_buf_release(&app);
	return em_raise("Postgrex.Error", "%s", err->msg);
}

/* The applied versions, on the lock connection. A real run creates
 * schema_migrations first and reads it under the migration lock; a dry run
 * changes nothing and takes no lock. */
static int read_applied(struct run *rn, int64_t **v, size_t *nv)
{
	const struct em_repo *r = rn->repo;
	struct mx_err err = MX_ERR_INIT;

	if (rn->opts->dry_run) {
		if (em_versions_read(&rn->lock_conn, r, rn->prefix, true, v, nv, &err) < 0)
			return mx_diag_error(&err);
		return 0;
	}
	if (em_versions_ensure(&rn->lock_conn, r, rn->prefix, &err) < 0)
		return raise_versions_table(r, &err);
	if (lock_and_read(rn, r->migration_lock, v, nv, &err) < 0 ||
	    em_lock_release(&rn->lock, &err) < 0)
		return mx_diag_error(&err);
	return 0;
}

/* The pending migrations for the strategy, checked as Ecto checks them
 * before it runs anything. *nsel 0: nothing to do (logged). */
static int select_pending(struct run *rn, const struct em_files *files, const int64_t *v, size_t nv,
                          const struct em_file ***sel, size_t *nsel)
{
	struct mx_err err = MX_ERR_INIT;
	const struct em_file *first;

	em_select_pending(files, v, nv, rn->opts, rn->dir, sel, nsel);
	if (em_check_duplicates(*sel, *nsel, &err) < 0)
		/* Ecto.Migrator's ensure_no_duplication! raises, mix lets it through. */
		return em_raise("Ecto.MigrationError", "%s", err.msg);
	if (!*nsel) {
		if (rn->log && !rn->opts->dry_run)
			em_log(EM_INFO, "Migrations already %s", rn->dir == EM_UP ? "up" : "down");
		return 0;
	}
	first = (*sel)[0];
	if (rn->dir == EM_UP && rn->opts->strict_version_order && nv > 0 &&
	    first->version < v[nv - 1])
		/* mix ecto.migrate accepts this switch but never checks it
		 * (only Ecto.Migrator.up/4 does); here it is honoured, before
		 * anything runs. */
		return em_mix_raise("You are running migration %lld but an older migration with "
		                    "version %lld has already run.\n\n"
		                    "This can be an issue if you have already ran %lld in "
		                    "production because a new deployment may migrate %lld but a "
		                    "rollback command would revert %lld instead of %lld.\n\n"
		                    "If this can be an issue, we recommend to rollback %lld and "
		                    "change it to a version later than %lld.\n",
		                    (long long)first->version, (long long)v[nv - 1],
		                    (long long)v[nv - 1], (long long)first->version,
		                    (long long)v[nv - 1], (long long)first->version,
		                    (long long)first->version, (long long)v[nv - 1]);
	return 0;
}

/* Each migration under the lock, after reading the versions again: one
 * that another process applied (or rolled back) meanwhile is skipped. */
static int apply_all(struct run *rn, const struct em_migration *migs, size_t n, int64_t **v,
                     size_t *nv)
{
	struct mx_err err = MX_ERR_INIT;
	int ret;

	if ((ret = connect(rn, &rn->mig_conn)) != 0)
		return ret;
	for (size_t i = 0; i < n; i++) {
		const struct em_migration *m = &migs[i];
		bool take_lock = rn->repo->migration_lock && !m->disable_migration_lock;
		bool applied;
		free(*v);
		*v = NULL;
		if (lock_and_read(rn, take_lock, v, nv, &err) < 0)
			return mx_diag_error(&err);
		applied = em_versions_has(*v, *nv, m->version);
		if ((rn->dir == EM_UP) != applied && run_one(rn, m) < 0) {
			em_lock_release(&rn->lock, NULL);
			return MX_EXIT_FAIL;
		}
		if (em_lock_release(&rn->lock, &err) < 0)
			return mx_diag_error(&err);
	}
	return 0;
}

static void run_init(struct run *rn, const struct em_repo *r, const struct em_opts *o,
                     enum em_direction dir)
{
	memset(rn, 0, sizeof(*rn));
	rn->repo = r;
	rn->opts = o;
	rn->dir = dir;
	rn->prefix = o->prefix;
	rn->log = !o->quiet;
	rn->log_sql = !o->quiet && o->log_migrations_sql;
	rn->log_migrator_sql = !o->quiet && o->log_migrator_sql;
	rn->lock_conn = (struct em_conn)EM_CONN_INIT;
	rn->mig_conn = (struct em_conn)EM_CONN_INIT;
	rn->cfg = r->ddl;
	rn->cfg.prefix = o->prefix;
	rn->cfg.default_prefix = r->default_prefix;
	rn->cfg.migration_source = r->migration_source;
	rn->cfg.oban_version =
	    r->ddl.project ? mx_project_locked_version(r->ddl.project, "oban") : NULL;
	rn->lock = (struct em_lock){.conn = &rn->lock_conn,
	                            .repo = r,
	                            .prefix = rn->prefix,
	                            .kind = r->lock_kind,
	                            .timeout_s = o->lock_timeout_set ? o->lock_timeout : 0};
}

int em_run(const struct em_repo *r, const struct em_opts *o, enum em_direction dir)
{
	struct run rn;
	struct em_files files = EM_FILES_INIT;
	const struct em_file **sel = NULL;
	struct em_migration *migs = NULL;
	size_t nsel = 0, loaded = 0, nv = 0;
	int64_t *v = NULL;
	int ret;

	run_init(&rn, r, o, dir);
	if ((ret = check_pool_size(o)) || (ret = em_discover_repo(r, o, &files)))
		goto out;
	/* --offline (a dry run only): every migration pending, no connection,
	 * for reading migrations where there is no database. */
	if (!(o->dry_run && o->offline) && (ret = connect(&rn, &rn.lock_conn)))
		goto out;
	rn.lock_conn.log_sql = rn.log_migrator_sql;
	if ((!(o->dry_run && o->offline) && (ret = read_applied(&rn, &v, &nv))) ||
	    (ret = select_pending(&rn, &files, v, nv, &sel, &nsel)) || !nsel)
		goto out;
	migs = mx_xcalloc(nsel, sizeof(*migs));
	if ((ret = load_all(&rn, sel, &nsel, migs, &loaded)))
		goto out;
	if (o->dry_run) {
		for (size_t i = 0; i < nsel; i++)
			print_dry_run(&rn, &migs[i]);
		goto out;
	}
	ret = apply_all(&rn, migs, nsel, &v, &nv);
out:
	for (size_t i = 0; i < loaded; i++)
		em_migration_release(&migs[i]);
	free(migs);
	free(sel);
	free(v);
	em_conn_close(&rn.mig_conn);
	em_conn_close(&rn.lock_conn);
	em_files_clear(&files);
	return ret;
}
