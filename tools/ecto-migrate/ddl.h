/*
 * ddl: the Ecto.Migration command model and its PostgreSQL SQL, as
 * ecto_sql 3.14 builds them.
 *
 * Everything here works on terms (exs/term.h), because that is what a
 * migration's code produces: `table(:posts)` is the struct term
 * %Ecto.Migration.Table{name: "posts", ...}, `add :title, :string, null: false`
 * is the subcommand tuple {:add, :title, :string, [null: false]}, and a queued
 * command is Ecto's own tuple ({:create, %Table{}, [subcommands]},
 * {:drop, %Index{}, :restrict}, "raw sql", %Ecto.Migration.Command{up:, down:}).
 * Keeping Ecto's shapes keeps reversal (Ecto.Migration.Runner.reverse/1) and
 * the SQL (Ecto.Adapters.Postgres.Connection.execute_ddl/1) a line-by-line
 * match of the original behaviour.
 *
 * The flow for one callback (change/0, up/0, down/0) run in one direction:
 *
 *   struct ecto_ddl_ctx ctx;
 *   ecto_ddl_ctx_init(&ctx, &arena, cfg, ECTO_DDL_FORWARD);
 *   ... the evaluator calls ecto_ddl_call() for each DSL call, and
 *       ecto_ddl_block_begin()/ecto_ddl_block_end() around create/alter blocks;
 *   ... ecto_ddl_flush() at the end (and for flush());
 *   each flushed command becomes an ecto_step (log line + SQL statements)
 *   appended to the plan given to the context.
 *   ecto_ddl_ctx_release(&ctx);
 *
 * When Ecto would raise (a bad option, an irreversible command run backward,
 * a name with a double quote), the call returns -1 and ctx.raised is set with
 * the exception module and Ecto's message; the caller stops evaluating that
 * callback and records the error in the plan of that direction (the runner
 * reports it only when that direction runs, as Ecto does).
 */
#ifndef ECTO_DDL_H
#define ECTO_DDL_H

#include <stdbool.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/term.h"
#include "migration.h"
#include "strvec.h"

enum ecto_ddl_direction {
	ECTO_DDL_FORWARD,  /* up/0, down/0, or change/0 migrating up */
	ECTO_DDL_BACKWARD, /* change/0 rolled back: commands are reversed */
};

/* An exception as Ecto raises it: the module ("ArgumentError",
 * "Ecto.MigrationError", "KeyError", "FunctionClauseError", "RuntimeError")
 * and its message in err.msg (err may carry the file position of the DSL call
 * that raised, filled in by the caller). */
struct ecto_ddl_raise {
	bool raised;
	char exception[48];
	struct mx_err err;
};
#define ECTO_DDL_RAISE_INIT                                                                        \
	{                                                                                          \
		false, "", MX_ERR_INIT                                                             \
	}

/* Fills r and returns -1. */
int ecto_ddl_raise(struct ecto_ddl_raise *r, const char *exception, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A source position (the DSL call that queued a command), for errors Ecto
 * raises when the command runs. */
struct ecto_ddl_pos {
	const char *file; /* not owned (the AST's file name) */
	unsigned line, col;
};

/*
 * The Ecto.Migration.Runner state for one callback in one direction: the
 * queued commands and the create/alter block being filled. Terms are
 * allocated in arena, which must outlive the context and the terms it
 * returns. Flushed commands are appended to *plan as steps.
 */
struct ecto_ddl_ctx {
	struct mx_arena *arena;
	const struct ecto_ddl_config *cfg;
	enum ecto_ddl_direction direction;
	struct ecto_plan *plan;
	/* Set by the caller after init when they apply: */
	bool migrator_down; /* direction/0 says :down (down/0, or change/0 rolled back) */
	bool has_down;      /* the module defines down/0 (flush() is allowed going down) */
	const char *module; /* "Hello.Repo.Migrations.X", for Ecto's warnings */
	bool disable_ddl_transaction;

	struct mx_term **cmds;    /* queued, in call order */
	struct ecto_ddl_pos *pos; /* where each was queued */
	size_t ncmds, cmds_alloc, pos_alloc;
	struct ecto_ddl_pos cur; /* the call being run: set by the caller */

	struct mx_term *block_op;    /* :create, :create_if_not_exists, :alter; NULL outside */
	struct mx_term *block_table; /* the table of the open block */
	struct ecto_ddl_pos block_pos;
	struct mx_term **subs;
	size_t nsubs, subs_alloc;

	struct ecto_ddl_raise raise;
};

void ecto_ddl_ctx_init(struct ecto_ddl_ctx *ctx, struct mx_arena *arena,
                       const struct ecto_ddl_config *cfg, enum ecto_ddl_direction direction,
                       struct ecto_plan *plan);
void ecto_ddl_ctx_release(struct ecto_ddl_ctx *ctx);

/*
 * Runs one Ecto.Migration function (without a do-block) with evaluated args:
 * table/1,2, index/2,3, unique_index/2,3, references/1,2, constraint/2,3,
 * fragment/1, create/1, create_if_not_exists/1, drop/1,2, drop_if_exists/1,2,
 * rename/2,3, execute/1,2, flush/0, add/2,3, add_if_not_exists/2,3,
 * modify/2,3, remove/1,2,3, remove_if_exists/1,2, timestamps/0,1,
 * direction/0, prefix/0.
 *
 * Returns 1 with *result set (an arena term) when name/nargs is such a
 * function, 0 when it is not one (the caller reports an unsupported call),
 * -1 when Ecto would raise (ctx->raise filled), and ECTO_DDL_UNSUPPORTED when
 * it is one but cannot be translated without running Elixir (execute/1 with
 * a function, repo/0): ctx->raise.err.msg then says what, and the caller
 * fails the load at the call's position.
 */
#define ECTO_DDL_UNSUPPORTED (-2)
int ecto_ddl_call(struct ecto_ddl_ctx *ctx, const char *name, struct mx_term **args, size_t nargs,
                  struct mx_term **result);

/* `create table(...) do ... end`, `create_if_not_exists ... do`, `alter ... do`:
 * op is "create", "create_if_not_exists" or "alter"; object the evaluated
 * first argument. begin adds the primary key column (as Ecto's
 * expand_create); the caller then evaluates the block, whose add/modify/...
 * calls land in the block, and calls end, which queues the command.
 * *result is what the macro returns (the table for create, :ok for alter).
 * Return 0 or -1 (raised). */
int ecto_ddl_block_begin(struct ecto_ddl_ctx *ctx, const char *op, struct mx_term *object);
int ecto_ddl_block_end(struct ecto_ddl_ctx *ctx, struct mx_term **result);

/* Runs the queued commands (Ecto.Migration.Runner.flush/0): forward in call
 * order, backward in reverse order and each reversed, and appends one step
 * per command to ctx->plan. Returns 0, or -1 when a command cannot be run
 * (irreversible, bad name...): the steps before it stay in the plan, as Ecto
 * would have run them before raising. */
int ecto_ddl_flush(struct ecto_ddl_ctx *ctx);

/* ---- The pieces, usable on their own (and by the unit tests) ------------ */

/* Ecto.Migration.Runner.reverse/1: the command that undoes cmd, or NULL when
 * it is not reversible. */
struct mx_term *ecto_ddl_reverse(struct mx_arena *arena, const struct mx_term *cmd);

/* Appends the SQL statements Ecto.Adapters.Postgres.Connection.execute_ddl/1
 * returns for cmd (a create table with comments gives several). map_type is
 * the :postgres_map_type ("jsonb" when NULL). Returns 0 or -1 (r filled). */
int ecto_ddl_sql(const struct mx_term *cmd, const char *map_type, struct mx_strvec *out,
                 struct ecto_ddl_raise *r);

/* Appends the line Ecto.Migration.Runner logs for cmd ("create table posts",
 * "execute \"CREATE EXTENSION citext\""). Returns 0 or -1 (r filled: a
 * constraint with neither or both of check and exclude raises here). */
int ecto_ddl_log(const struct mx_term *cmd, struct mx_buf *out, struct ecto_ddl_raise *r);

/* The struct constructors as Ecto.Migration defines them (Ecto's defaults,
 * struct!/2 checks, default index names). Return an arena term or NULL
 * (r filled). cfg may be NULL (no repo config). */
struct mx_term *ecto_ddl_table(struct mx_arena *a, const struct mx_term *name,
                               const struct mx_term *opts, struct ecto_ddl_raise *r);
struct mx_term *ecto_ddl_index(struct mx_arena *a, const struct mx_term *table,
                               const struct mx_term *columns, const struct mx_term *opts,
                               struct ecto_ddl_raise *r);
struct mx_term *ecto_ddl_references(struct mx_arena *a, const struct ecto_ddl_config *cfg,
                                    const struct mx_term *table, const struct mx_term *opts,
                                    struct ecto_ddl_raise *r);
struct mx_term *ecto_ddl_constraint(struct mx_arena *a, const struct mx_term *table,
                                    const struct mx_term *name, const struct mx_term *opts,
                                    struct ecto_ddl_raise *r);

/* Names of Ecto's structs, as atoms spell them. */
#define ECTO_TABLE      "Elixir.Ecto.Migration.Table"
#define ECTO_INDEX      "Elixir.Ecto.Migration.Index"
#define ECTO_REFERENCE  "Elixir.Ecto.Migration.Reference"
#define ECTO_CONSTRAINT "Elixir.Ecto.Migration.Constraint"
#define ECTO_COMMAND    "Elixir.Ecto.Migration.Command"

#endif
