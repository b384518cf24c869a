/*
 * migration: one migration file, read and translated to SQL before anything
 * runs (ecto-migrate reads every pending migration first, so a bad file stops
 * the run with file:line:col and nothing applied).
 *
 * The contract between the translator (migration.c and the ddl_*.c files,
 * which turn an Ecto.Migration module into SQL as ecto_sql's PostgreSQL adapter
 * would) and the runner (commands, connection, lock, schema_migrations).
 */
#ifndef EM_MIGRATION_H
#define EM_MIGRATION_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "project/ecto_sql.h"
#include "strvec.h"

struct mx_project;

struct mx_term;

/* One command as Ecto runs it: the log line Ecto prints for it ("create table
 * posts", "execute \"CREATE EXTENSION citext\"") and the SQL statements it
 * sends, in order (a create table with comments sends several). A
 * statement may be the empty string: `execute "CREATE ...", ""` rolled back
 * sends "" as Ecto does, which PostgreSQL answers with PGRES_EMPTY_QUERY, a
 * success. Runner.log_and_execute_ddl logs the line at :info, then sends
 * each statement. An .exs statement is one SQL command; a .sql migration's
 * section is sent whole and may hold several (simple query protocol).
 *
 * warning: when not NULL, a warning Ecto prints (IO.warn) just before running
 * this step: today only "Migration <Mod> has set index `x` on table `t` to
 * concurrently but did not disable ddl transaction..." (the second warning
 * Ecto prints, about the migration lock, depends on the repo's migration_lock
 * and is left to the runner: see concurrent_index). */
struct em_step {
	char *log;             /* owned */
	struct mx_strvec sql;  /* owned */
	char *warning;         /* owned, usually NULL */
	bool concurrent_index; /* create/drop index with concurrently: true */
	char *index_name;      /* owned, set with concurrent_index (for the lock warning) */
	char *index_table;     /* owned, likewise */
	/* owned, usually NULL: an Oban.Migrations.up/down call (oban.h), whose
	 * commands the runner picks when it runs this step; log and sql are
	 * then empty. */
	struct em_oban *oban;
	/* A Logger call of the migration's code rather than a command: log
	 * is its message, printed at this level (enum em_level + 1; 0 for a
	 * command), even with --quiet, as Logger does. */
	int logger_level;
};

/* A direction (up or down) of a migration: its steps in run order.
 *
 * operation/direction give Ecto's "== Running <v> <Mod>.<operation>/0<dir>"
 * line: operation is "up", "down" or "change"; direction is " backward" for
 * change run down and " forward" otherwise (Ecto runs up/0 and down/0
 * :forward).
 *
 * When Ecto would raise while running this direction (a `change` with an
 * irreversible command run down, a bad option, a name holding '"'), failed
 * is set, exception names the exception ("Ecto.MigrationError",
 * "ArgumentError"...) and error holds Ecto's message with the file position of
 * the call when known. steps then holds the commands Ecto runs before it
 * raises (usually none: most raises happen while the callback is evaluated,
 * before anything is sent); the runner should run them, then fail with the
 * error (inside the migration's transaction, so they are rolled back, unless
 * @disable_ddl_transaction). The runner reports the error only if that
 * direction is actually run, as Ecto does: mix prints it as
 * "** (<exception>) <message>". Whether a pending migration whose up plan
 * failed should stop the whole run before anything is applied is the
 * runner's choice (Ecto applies the earlier migrations first). */
struct em_plan {
	struct em_step *steps;
	size_t n, alloc;
	const char *operation; /* static string */
	const char *direction; /* static string */
	bool failed;
	char exception[48];
	struct mx_err error;
};

struct em_migration {
	int64_t version;
	char *name;      /* "create_users" (from the file name) */
	char *path;      /* as found under the migrations path */
	char *module;    /* "Hello.Repo.Migrations.CreateUsers" (inspect form);
	                    for a .sql file its file name */
	bool has_change; /* def change (log says change/0) vs up/0 and down/0 */
	bool is_sql;     /* a plain .sql migration (-- +up / -- +down) */
	bool disable_ddl_transaction;
	bool disable_migration_lock;
	struct em_plan up, down;
};

/* The repo config that changes generated DDL (config :app, Repo, ...).
 *
 * prefix is the migrator's --prefix (Runner.prefix/0); default_prefix is the
 * repo's migration_default_prefix. They differ in Ecto: an object with its
 * own prefix: option is checked against --prefix only ("the :prefix option
 * `x` does not match the migrator prefix `y`"), and default_prefix only fills
 * objects without one.
 *
 * The keyword-list settings can be given either through the string fields
 * below (the common cases) or, when the project model has them as terms,
 * through the *_opts terms, which take precedence and carry every option
 * (e.g. migration_primary_key: [type: :identity, start_value: 100]). */
struct em_ddl_config {
	const char *prefix;           /* --prefix; NULL */
	const char *migration_source; /* default "schema_migrations" */
	/* migration_primary_key: type atom name ("bigserial", "binary_id", "identity"...),
	 * name ("id"), or disabled. */
	bool primary_key_disabled;
	const char *primary_key_name;       /* NULL -> "id" */
	const char *primary_key_type;       /* NULL -> "bigserial" */
	const char *foreign_key_type;       /* migration_foreign_key type; NULL -> follows pk */
	const char *timestamps_type;        /* migration_timestamps type; NULL -> naive_datetime */
	const char *timestamps_inserted_at; /* NULL -> "inserted_at" */
	const char *timestamps_updated_at;  /* NULL -> "updated_at" */
	const char *default_prefix;         /* migration_default_prefix; NULL */
	const char *map_type;               /* :ecto_sql :postgres_map_type; NULL -> "jsonb" */
	/* Terms (exs/term.h) straight from the config, or NULL. */
	const struct mx_term *primary_key_opts; /* migration_primary_key: false or keyword */
	const struct mx_term *foreign_key_opts; /* migration_foreign_key: keyword */
	const struct mx_term *timestamps_opts;  /* migration_timestamps: keyword */
	/* The project the migrations belong to (its MIX_ENV, its config for
	 * Application.*_env), or NULL: no project read. Not owned. */
	const struct mx_project *project;
	/* The oban release the project's mix.lock locks ("2.17.10"), whose
	 * migrations Oban.Migrations.up/down run (oban.h); NULL: none locked,
	 * the latest ecto-migrate carries. */
	const char *oban_version;
	/* The ecto_sql release whose behaviour applies (project/ecto_sql.h):
	 * the one mix.lock locks, else the latest. */
	enum mx_ecto_sql_release ecto_sql;
};
#define EM_DDL_CONFIG_INIT                                                                         \
	{                                                                                          \
		NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,     \
		    NULL, NULL, NULL, MX_ECTO_SQL_LATEST                                                           \
	}

/* Reads and translates the migration at path: both plans, whatever the
 * direction the runner will take. version/name come from the file name
 * (<integer>_<name>.exs or .sql). cfg may be NULL (no repo config). Returns
 * 0, or -1 with err at the file position of the problem (syntax error,
 * something only a running BEAM could do such as repo(), execute(fn -> ...),
 * a call into the application's modules, or a file that defines no module
 * with `use Ecto.Migration`); m is then empty. Ecto's own raises do not fail
 * the load: they mark the plan of the direction where they happen (see
 * struct em_plan). Release m with em_migration_release. */
int em_migration_load(struct em_migration *m, const char *path, const struct em_ddl_config *cfg,
                      struct mx_err *err);
/* The same from the file's text already in memory (src[0..len), which need
 * not be NUL-terminated); path names the file (version, name, .exs or .sql,
 * and positions in errors). For tests and the fuzzer. */
int em_migration_load_buffer(struct em_migration *m, const char *path, const char *src, size_t len,
                             const struct em_ddl_config *cfg, struct mx_err *err);
void em_migration_release(struct em_migration *m);
/* Frees what a step or a plan owns (not the struct itself); each is left
 * empty, so releasing it again is harmless. */
void em_step_release(struct em_step *s);
void em_plan_release(struct em_plan *p);

#endif
