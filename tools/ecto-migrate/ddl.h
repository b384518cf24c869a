/*
 * ddl: the Ecto.Migration functions a migration calls (table, index, add,
 * create, execute...), as ecto_sql 3.14 defines them, over terms. They build
 * Ecto's structs and command tuples and hand them to the runner's queue
 * (ddl_queue.h), which the translator flushes into SQL steps; see
 * ddl_model.h for how the pieces fit.
 */
#ifndef EM_DDL_H
#define EM_DDL_H

#include "ddl_model.h"
#include "ddl_queue.h"

/*
 * Runs one Ecto.Migration function (without a do-block) with evaluated args:
 * table/1,2, index/2,3, unique_index/2,3, references/1,2, constraint/2,3,
 * fragment/1, create/1, create_if_not_exists/1, drop/1,2, drop_if_exists/1,2,
 * rename/2,3, execute/1,2, execute_file/1,2, flush/0, add/2,3,
 * add_if_not_exists/2,3, modify/2,3, remove/1,2,3, remove_if_exists/1,2,
 * timestamps/0,1, direction/0, prefix/0.
 *
 * Returns 1 with *result set (an arena term) when name/nargs is such a
 * function, 0 when it is not one (the caller reports an unsupported call),
 * -1 when Ecto would raise (ctx->raise filled), and EM_DDL_UNSUPPORTED when
 * it is one but cannot be translated without running Elixir (execute/1 with
 * a function, repo/0): ctx->raise.err.msg then says what, and the caller
 * fails the load at the call's position.
 */
#define EM_DDL_UNSUPPORTED (-2)
int em_ddl_call(struct em_ddl_ctx *ctx, const char *name, struct mx_term **args, size_t nargs,
                struct mx_term **result);

/* `create table(...) do ... end`, `create_if_not_exists ... do`, `alter ... do`:
 * op is "create", "create_if_not_exists" or "alter"; object the evaluated
 * first argument. begin adds the primary key column (as Ecto's
 * expand_create); the caller then evaluates the block, whose add/modify/...
 * calls land in the block, and calls end, which queues the command.
 * *result is what the macro returns (the table for create, :ok for alter).
 * Return 0 or -1 (raised). */
int em_ddl_block_begin(struct em_ddl_ctx *ctx, const char *op, struct mx_term *object);
int em_ddl_block_end(struct em_ddl_ctx *ctx, struct mx_term **result);

/* ---- Ecto.Migration's structs (ddl_struct.c) ----------------------------
 *
 * The constructors as Ecto.Migration defines them (Ecto's defaults,
 * struct!/2 checks, default index names). Return an arena term or NULL
 * (r filled). cfg may be NULL (no repo config). */
struct mx_term *em_ddl_table(struct mx_arena *a, const struct em_ddl_config *cfg,
                             const struct mx_term *name, const struct mx_term *opts,
                             struct em_ddl_raise *r);
struct mx_term *em_ddl_index(struct mx_arena *a, const struct em_ddl_config *cfg,
                             const struct mx_term *table, const struct mx_term *columns,
                             const struct mx_term *opts, struct em_ddl_raise *r);
struct mx_term *em_ddl_references(struct mx_arena *a, const struct em_ddl_config *cfg,
                                  const struct mx_term *table, const struct mx_term *opts,
                                  struct em_ddl_raise *r);
struct mx_term *em_ddl_constraint(struct mx_arena *a, const struct mx_term *table,
                                  const struct mx_term *name, const struct mx_term *opts,
                                  struct em_ddl_raise *r);

/* A struct literal written in the migration (`%Ecto.Migration.Table{name:
 * "x"}`) reaches the translator with only the keys it spells, because the
 * evaluator does not know Ecto's structs: this gives it Ecto's defaults for
 * the rest, as Elixir would have. Anything else is returned as it is. */
struct mx_term *em_ddl_complete(struct mx_arena *a, struct mx_term *t);

#endif
