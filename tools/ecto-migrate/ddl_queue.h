/*
 * ddl_queue: Ecto.Migration.Runner's state for one callback (change/0, up/0,
 * down/0) run in one direction: the queued commands, the create/alter block
 * being filled, and flush, which turns commands into the plan's steps.
 *
 *   struct em_ddl_ctx ctx;
 *   em_ddl_ctx_init(&ctx, &arena, cfg, EM_DDL_FORWARD, plan);
 *   ... the evaluator calls em_ddl_call() (ddl.h) for each DSL call, and
 *       em_ddl_block_begin()/em_ddl_block_end() around create/alter blocks;
 *   ... em_ddl_flush() at the end (and for flush());
 *   each flushed command becomes an em_step (log line + SQL statements)
 *   appended to the plan given to the context.
 *   em_ddl_ctx_release(&ctx);
 *
 * When Ecto would raise (a bad option, an irreversible command run backward,
 * a name with a double quote), the call returns -1 and ctx.raise is set with
 * the exception module and Ecto's message; the caller stops evaluating that
 * callback and records the error in the plan of that direction (the runner
 * reports it only when that direction runs, as Ecto does).
 */
#ifndef EM_DDL_QUEUE_H
#define EM_DDL_QUEUE_H

#include <stdbool.h>

#include "ddl_model.h"
#include "migration.h"

enum em_ddl_direction {
	EM_DDL_FORWARD,  /* up/0, down/0, or change/0 migrating up */
	EM_DDL_BACKWARD, /* change/0 rolled back: commands are reversed */
};

/* A source position (the DSL call that queued a command), for errors Ecto
 * raises when the command runs. */
struct em_ddl_pos {
	const char *file; /* not owned (the AST's file name) */
	unsigned line, col;
};

/*
 * Terms are allocated in arena, which must outlive the context and the terms
 * it returns. Flushed commands are appended to *plan as steps.
 */
struct em_ddl_ctx {
	struct mx_arena *arena;
	const struct em_ddl_config *cfg;
	enum em_ddl_direction direction;
	struct em_plan *plan;
	/* Set by the caller after init when they apply: */
	bool migrator_down; /* direction/0 says :down (down/0, or change/0 rolled back) */
	bool has_down;      /* the module defines down/0 (flush() is allowed going down) */
	const char *module; /* "Hello.Repo.Migrations.X", for Ecto's warnings */
	bool disable_ddl_transaction;

	struct mx_term **cmds;  /* queued, in call order */
	struct em_ddl_pos *pos; /* where each was queued */
	size_t ncmds, cmds_alloc, pos_alloc;
	struct em_ddl_pos cur; /* the call being run: set by the caller */

	struct mx_term *block_op;    /* :create, :create_if_not_exists, :alter; NULL outside */
	struct mx_term *block_table; /* the table of the open block */
	struct em_ddl_pos block_pos;
	struct mx_term **subs;
	size_t nsubs, subs_alloc;

	struct em_ddl_raise raise;

	/* Steps made outside the queue (Oban's migrations, oban.h), each queued
	 * as a command that flush turns back into that step, in its place. */
	struct em_step *held;
	size_t nheld, held_alloc;
};

void em_ddl_ctx_init(struct em_ddl_ctx *ctx, struct mx_arena *arena,
                     const struct em_ddl_config *cfg, enum em_ddl_direction direction,
                     struct em_plan *plan);
/* Frees the queue; ctx may be NULL. */
void em_ddl_ctx_release(struct em_ddl_ctx *ctx);

/* Runner.execute/1: queues cmd at ctx->cur. Inside a create/alter block Ecto
 * raises "cannot execute nested commands" (and forgets the block). Returns 0
 * or -1 (raised). */
int em_ddl_execute(struct em_ddl_ctx *ctx, struct mx_term *cmd);

/* Queues a step made elsewhere as if it were a command (an Oban call,
 * whose steps the runner chooses at run time): flush moves it into the plan
 * where the command falls, going forward or backward; the context owns *s
 * until then (released with it if never flushed), and *s is emptied.
 * Returns 0 or -1 as em_ddl_execute. */
int em_ddl_queue_step(struct em_ddl_ctx *ctx, struct em_step *s);

/* Runner.start_command/1: opens the block of `op table do ... end` (op is
 * "create", "create_if_not_exists" or "alter"). Returns 0, or -1 when a block
 * is already open (nested commands). */
int em_ddl_start_command(struct em_ddl_ctx *ctx, const char *op, struct mx_term *table);

/* Runner.subcommand/1: adds an add/modify/remove... tuple to the open block.
 * Returns 0, or -1 outside a block. */
int em_ddl_subcommand(struct em_ddl_ctx *ctx, struct mx_term *sub);

/* Runner.end_command/0: queues {op, table, subcommands} at the block's
 * position and closes the block (which must be open). */
void em_ddl_end_command(struct em_ddl_ctx *ctx);

/* Runner.flush/0: runs the queued commands, forward in call order, backward
 * in reverse order and each reversed, and appends one step per command to
 * ctx->plan. Returns 0, or -1 when a command cannot be run (irreversible,
 * bad name...): the steps before it stay in the plan, as Ecto would have run
 * them before raising. */
int em_ddl_flush(struct em_ddl_ctx *ctx);

/* Runner.repo_config(key, []) for the keys the DSL reads:
 * "migration_primary_key" (false or a keyword list), "migration_foreign_key"
 * and "migration_timestamps" (keyword lists), from cfg (which may be NULL: no
 * repo config). */
const struct mx_term *em_ddl_repo_config(struct mx_arena *a, const struct em_ddl_config *cfg,
                                         const char *key);

#endif
