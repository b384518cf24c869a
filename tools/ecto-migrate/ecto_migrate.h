/*
 * ecto_migrate.h: the runner side of ecto-migrate (everything but the
 * translator, whose contract is migration.h): options, repo config, the
 * libpq connection, logging as Elixir's Logger prints it, the migration lock,
 * schema_migrations, discovery of migration files, and the subcommands.
 *
 * Tool-private: nothing here is part of libmixless. Functions that report to
 * the user say so; the others return -1 with a struct mx_err filled.
 */
#ifndef ECTO_MIGRATE_H
#define ECTO_MIGRATE_H

#include <stdbool.h>
#include <time.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "diag.h"
#include "migration.h"
#include "strvec.h"

/* Exit codes: MX_EXIT_OK/FAIL/USAGE, and with `migrations --exit-code`,
 * EM_EXIT_PENDING when migrations are pending (like `git diff --exit-code`). */
enum { EM_EXIT_PENDING = 1 };

/* ---- Options (one struct for every command; each command's table in its
 * cmd_<name>.c points at the fields it accepts) --------------------------- */

struct em_opts {
	struct mx_strvec repos;            /* -r/--repo, repeatable */
	struct mx_strvec migrations_paths; /* --migrations-path, repeatable */
	struct mx_strvec prefixes;         /* dump: --prefix, repeatable */
	bool all, quiet, log_migrations_sql, log_migrator_sql;
	bool strict_version_order, force, force_drop, skip_if_loaded;
	bool no_compile, no_deps_check, dry_run, exit_code;
	bool offline; /* migrate --dry-run --offline: no database, nothing applied yet */
	long step, to, to_exclusive, pool_size;
	int step_set, to_set, to_exclusive_set;
	const char *prefix;    /* migrate/rollback/migrations */
	const char *log_level; /* --log-level */
	const char *dump_path; /* -d/--dump-path */
	const char *url;       /* --url */
	const char *dir;       /* -C/--directory */
	const char *lock;      /* --lock table|advisory */
	long lock_timeout;     /* --lock-timeout SECONDS; 0: none */
	int lock_timeout_set;
	const char *wait;   /* --wait[=SECONDS]; NULL: no wait */
	const char *format; /* migrations --format text|json */
	const char *seeds;  /* setup/reset --seeds FILE.sql */
};

/* ---- Repo config -------------------------------------------------------- */

enum em_lock_kind { EM_LOCK_TABLE, EM_LOCK_ADVISORY };

struct em_repo {
	char *module; /* "Hello.Repo" */
	char *root;   /* project root (absolute) */
	char *priv;   /* "priv/repo", relative to root */
	/* Connection: a URL (--url, DATABASE_URL, config :url) and/or fields
	 * from config; libpq's own defaults and PG* variables fill the rest. */
	char *url;
	char *hostname, *port, *username, *password, *database;
	char *socket_dir, *maintenance_database, *sslmode;
	char *template, *lc_ctype, *lc_collate, *encoding;
	char *migration_source; /* "schema_migrations" */
	char *default_prefix;   /* migration_default_prefix */
	bool migration_lock;    /* config migration_lock: false disables */
	/* config stacktrace: true (Phoenix's dev.exs sets it): Ecto's query
	 * logs then name the calling function on a "↳ ..." line. */
	bool stacktrace;
	enum em_lock_kind lock_kind;
	long advisory_retry_ms, advisory_max_tries; /* max_tries < 0: infinity */
	bool start_permanent;                       /* prompts for drop/load (prod) */
	/* ecto.create's ALTER DATABASE ... SET timezone (ecto_sql 3.14): the
	 * repo option :timezone; NULL: "Etc/UTC"; no_timezone: `timezone: nil`. */
	char *timezone;
	bool no_timezone;
	struct em_ddl_config ddl;
	char *ddl_strings[8]; /* storage for ddl's const char * fields */
};

/* Resolves every repo to run on (-r or the project's :ecto_repos) with its
 * config for MIX_ENV. *repos is an array of *n repos; free with
 * em_repos_free. Returns 0 or -1 with err. */
int em_repos_resolve(const struct em_opts *o, struct em_repo **repos, size_t *n,
                     struct mx_err *err);
void em_repo_release(struct em_repo *r);
void em_repos_free(struct em_repo *repos, size_t n);
/* The migrations paths: --migrations-path values or <root>/<priv>/migrations.
 * Fills out (absolute paths). */
void em_repo_migrations_paths(const struct em_repo *r, const struct em_opts *o,
                              struct mx_strvec *out);

/* ---- Logging: Elixir's Logger, default console format ----------------- */

enum em_level { EM_DEBUG, EM_INFO, EM_WARNING, EM_ERROR, EM_NONE };

/* Minimum level printed (--log-level); default debug. */
void em_log_set_level(enum em_level min);
int em_log_parse_level(const char *s, enum em_level *out);
/* "\nHH:MM:SS.mmm [info] message\n" on stdout, as a Phoenix app's mix task
 * prints it (local time, as Logger does by default). */
void em_log(enum em_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* path relative to the current directory when it is under it (Elixir's
 * Path.relative_to_cwd); points into path or is path. */
const char *em_display_path(const char *path);
/* Mix.raise: "** (Mix) <message>" on stderr; returns MX_EXIT_FAIL. */
int em_mix_raise(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Likewise for another exception mix lets through: "** (<exception>) <msg>"
 * (e.g. "Ecto.MigrationError"). Returns MX_EXIT_FAIL. */
int em_raise(const char *exception, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- Connection --------------------------------------------------------- */

struct em_conn {
	PGconn *pg;
	/* Set while a migration runs: notices are logged as ecto_sql logs
	 * execute_ddl's messages (NOTICE -> info, WARNING -> warning). */
	bool log_notices;
	/* Log each query as Ecto.Adapters.SQL does (--log-migrations-sql /
	 * --log-migrator-sql): "[debug] QUERY OK db=0.4ms\n<sql> []". */
	bool log_sql;
	/* The schema source named in the log (source="schema_migrations"),
	 * as Ecto logs queries built from a schema; NULL for raw SQL. */
	const char *log_source;
	/* Set while a migration runs without a DDL transaction: ecto_sql then
	 * checks the connection out of its pool for every statement, and the
	 * query log carries DBConnection's idle time (" idle=0.4ms": how long
	 * the connection sat unused), which em_exec measures from last_used. */
	bool pooled;
	bool used;                 /* last_used is set */
	struct timespec last_used; /* when the previous query on it ended */
	/* With repo config stacktrace: true, the caller Ecto's query log names
	 * after the SQL ("↳ Ecto.Migrator...", grey); NULL for none. */
	const char *log_caller;
};
#define EM_CONN_INIT                                                                               \
	{                                                                                          \
		NULL, false, false, NULL, false, false, {0, 0}, NULL                               \
	}

/* Connects to the repo's database (maintenance: its maintenance database,
 * "postgres" unless configured). With o->wait, retries until the deadline.
 * Errors never contain the password. */
int em_conn_open(struct em_conn *c, const struct em_repo *r, bool maintenance,
                 const struct em_opts *o, struct mx_err *err);
void em_conn_close(struct em_conn *c);

/* The database name the repo names (URL path, config, PGDATABASE); NULL if
 * none. Caller frees. */
char *em_repo_database(const struct em_repo *r);

/* The repo's connection as libpq environment variables ("PGHOST=...",
 * "PGPASSWORD=..."), for pg_dump and psql: a password never appears in a
 * child's command line. */
int em_conn_env(const struct em_repo *r, struct mx_strvec *env, struct mx_err *err);

/* (pgtool.c) Runs a PostgreSQL client (pg_dump, psql) with the repo's
 * connection in its environment and PGCONNECT_TIMEOUT=10, as ecto_sql does;
 * stdout and stderr together go to output. *status is the exit status.
 * Returns -1 with err if the program cannot be run, -2 with err when it is
 * not on PATH (Ecto's "could not find executable" message). */
int em_run_pg_tool(const struct em_repo *r, const char *tool, const struct mx_strvec *args,
                   struct mx_buf *output, int *status, struct mx_err *err);
/* Reports em_run_pg_tool's failure rc as the task does: a missing program
 * is ecto_sql's plain `raise` (RuntimeError), anything else a Mix error.
 * Returns the exit status. */
int em_pg_tool_raise(int rc, const struct mx_err *err);
/* Ecto's "N μs" / "N ms" / "N.0 s" for dump and load. */
void em_format_elapsed(struct mx_buf *out, long us);

/* What went wrong with the last failed em_exec: SQLSTATE ("42P01") or "". */
const char *em_last_sqlstate(void);

/*
 * Runs sql (with optional text params) and returns its result in *res
 * (caller PQclear()s; res may be NULL to drop it). shown is how the params
 * appear in the SQL log, as Elixir inspects them ("[20240101000000]"); NULL
 * is "[]". On failure fills err with Postgrex's wording: "ERROR 42P01
 * (undefined_table) relation \"x\" does not exist".
 */
int em_exec(struct em_conn *c, const char *sql, int nparams, const char *const *params,
            const char *shown, PGresult **res, struct mx_err *err);
/* Detail and hint of the last failed em_exec ("" when none). */
const char *em_last_detail(void);
const char *em_last_hint(void);
/* What Postgrex.Error's message adds after the first line for the last
 * failed em_exec: "\n\n    table: t\n    hint: h" for the fields PostgreSQL
 * sent, then "\n\n<detail>"; "" when none. Valid until the next em_exec. */
const char *em_last_postgrex_tail(void);
/* Postgrex.Error.message/1 after "<severity> <code> (<name>) <message>":
 * when any of table, column, constraint, hint is set (NULL or "" = not),
 * a blank line and "\n    <key>: <value>" for each, in that order; then,
 * when detail is set, "\n\n<detail>". Caller frees. */
char *em_postgrex_tail(const char *table, const char *column, const char *constraint,
                       const char *hint, const char *detail);

/* Postgrex's condition name for a SQLSTATE ("42P01" -> "undefined_table"),
 * from PostgreSQL's errcodes.txt; NULL if unknown. */
const char *em_sqlstate_name(const char *code);

/* An Ecto database URL as libpq reads it: postgresql:// for any scheme
 * (ecto://), ?ssl=true as sslmode=require, and query parameters libpq does
 * not know (pool_size...) dropped. Caller frees. */
char *em_libpq_url(const char *url);

/* Replaces the password in a URL or conninfo string with "*****" (for any
 * message that must show one). Caller frees. */
char *em_redact(const char *s);

/* ---- Lock --------------------------------------------------------------- */

/* :erlang.phash2/1 of {:ecto, prefix, repo_module}, the key ecto_sql uses
 * for pg_advisory_lock. prefix NULL is the atom nil, else a binary. */
uint32_t em_advisory_key(const char *prefix, const char *repo_module);

/* A term for em_phash2 (only what the key needs, plus what the tests use to
 * check the algorithm against Erlang's published values). */
enum em_term_kind { EM_T_ATOM, EM_T_BINARY, EM_T_TUPLE, EM_T_NIL, EM_T_INT };
struct em_term {
	enum em_term_kind kind;
	const char *s; /* atom name / binary bytes */
	size_t len;
	const struct em_term *elems; /* tuple */
	size_t arity;
	int64_t i;
};
/* erlang:phash2(T, 1 bsl 32): the full 32-bit hash. phash2/1 is this masked
 * to 27 bits. */
uint32_t em_phash2_full(const struct em_term *t);

struct em_lock {
	struct em_conn *conn; /* the lock connection */
	const struct em_repo *repo;
	const char *prefix;
	enum em_lock_kind kind;
	bool held;
	long timeout_s; /* 0: wait forever */
	uint32_t key;
};

/* Takes the migration lock (table lock in a transaction, or advisory).
 * Returns 0, or -1 with err (timeout, SQL error). */
int em_lock_acquire(struct em_lock *l, struct mx_err *err);
/* Releases (commit, or pg_advisory_unlock). */
int em_lock_release(struct em_lock *l, struct mx_err *err);

/* ---- schema_migrations ------------------------------------------------- */

/* The quoted table: "schema_migrations" or "p"."schema_migrations". */
void em_versions_table(struct mx_buf *out, const struct em_repo *r, const char *prefix);
/* CREATE TABLE IF NOT EXISTS, tolerant of a concurrent creator. */
int em_versions_ensure(struct em_conn *c, const struct em_repo *r, const char *prefix,
                       struct mx_err *err);
/* Reads the applied versions, sorted ascending. *v is malloc'd (caller
 * frees). missing_ok: a missing table gives no versions instead of an error. */
int em_versions_read(struct em_conn *c, const struct em_repo *r, const char *prefix,
                     bool missing_ok, int64_t **v, size_t *n, struct mx_err *err);
/* The version row inserted (up) or deleted (down), logged as Ecto's query
 * on its schema. */
int em_versions_record(struct em_conn *c, const struct em_repo *r, const char *prefix, bool up,
                       int64_t version, struct mx_err *err);
/* The version row and the COMMIT in one round trip (values inlined), for
 * runs that log nothing of the migrator's SQL. */
int em_versions_record_commit(struct em_conn *c, const struct em_repo *r, const char *prefix,
                              bool up, int64_t version, struct mx_err *err);
bool em_versions_has(const int64_t *v, size_t n, int64_t version);
/* The versions query (SELECT s0."version" FROM ... AS s0), and its rows
 * as a sorted malloc'd array (caller frees *v). */
void em_versions_select(struct mx_buf *out, const struct em_repo *r, const char *prefix);
void em_versions_from_result(const PGresult *res, int64_t **v, size_t *n);

/* ---- Discovery ---------------------------------------------------------- */

struct em_file {
	int64_t version;
	char *name; /* "create_users" */
	char *path; /* as found */
};
struct em_files {
	struct em_file *v;
	size_t n, alloc;
};
#define EM_FILES_INIT                                                                              \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Finds <dir>/ ** / <integer>_<name>.exs (and .sql) under every path, sorted
 * by (version, name, path) as Ecto sorts them. .ex files that look like
 * migrations are skipped with Ecto's warning. */
int em_discover(const struct mx_strvec *paths, struct em_files *out, struct mx_err *err);
/* The repo's migrations (em_repo_migrations_paths, then em_discover), as
 * migrate, rollback and migrations find them: a path that is not a directory
 * fails with Mix's "Could not find migrations directory". Reports the
 * failure; returns 0 or an exit code. */
int em_discover_repo(const struct em_repo *r, const struct em_opts *o, struct em_files *out);
/* Ecto's "migrations can't be executed, migration version V is duplicated"
 * (or name), checked over the given subset. */
int em_check_duplicates(const struct em_file *const *files, size_t n, struct mx_err *err);
void em_files_clear(struct em_files *f);

/* ---- Runner ------------------------------------------------------------- */

enum em_direction { EM_UP, EM_DOWN };

/* Ecto's strategies (all > to > to_exclusive > step) over the sorted files
 * and the applied versions v (sorted): the migrations to run, in run order
 * (ascending up, descending down). *sel is malloc'd (caller frees); it
 * points into files. */
void em_select_pending(const struct em_files *files, const int64_t *v, size_t nv,
                       const struct em_opts *o, enum em_direction dir, const struct em_file ***sel,
                       size_t *nsel);

/* migrate / rollback for one repo: strategy, lock, per-migration transaction,
 * logging. Prints Ecto's log lines; returns an exit code. */
int em_run(const struct em_repo *r, const struct em_opts *o, enum em_direction dir);

/* ---- Commands -------------------------------------------------------------
 * One file each, cmd_<name>.c, exporting its entry (em_cmd_<name>), listed
 * in main.c; the option groups they share are in options.h. */

/* Where every command's switches land (options.c). */
extern struct em_opts em_options;

/* The body of every command once its switches are parsed: checks those no
 * table row can check (--log-level, --wait), resolves the repos and runs fn
 * on each in turn, stopping at the first failure. Returns the exit code. */
int em_each_repo(int (*fn)(const struct em_repo *r, const struct em_opts *o));

/* What a command does for one repo, for the commands made of others (setup:
 * create + migrate + seeds; reset: drop + setup). Each returns an exit
 * code. */
int em_create_repo(const struct em_repo *r, const struct em_opts *o);
int em_drop_repo(const struct em_repo *r, const struct em_opts *o);
int em_migrate_repo(const struct em_repo *r, const struct em_opts *o);
int em_setup_repo(const struct em_repo *r, const struct em_opts *o);

/* (remedy.c) Appends the remedy the Phoenix guide gives for a connection or
 * permission failure ("\n\nThe role does not exist. Create it ...: CREATE
 * ROLE x LOGIN CREATEDB;"); user is the role connected as, or NULL. Appends
 * nothing when msg is not a failure it knows. */
void em_remedy(const char *msg, const char *user, struct mx_buf *out);

/* (pgtool.c) <root>/<priv>/structure.sql, or -d/--dump-path. */
void em_default_structure_path(const struct em_repo *r, const struct em_opts *o,
                               struct mx_buf *out);

/* Mix.shell().yes?: prints "<question> [Yn] " and reads a line. */
bool em_yes(const char *question);

#endif
