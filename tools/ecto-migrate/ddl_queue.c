/*
 * ddl_queue: the Ecto.Migration.Runner side of a callback: commands queued
 * in call order, the open create/alter block, and flush, which sends each
 * command through reversal, the log line and the SQL into a step of the plan
 * (Runner.flush/0 and log_and_execute_ddl/3). See ddl_queue.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddl_log.h"
#include "ddl_priv.h"
#include "ddl_queue.h"
#include "ddl_reverse.h"
#include "ddl_sql.h"

void em_ddl_ctx_init(struct em_ddl_ctx *ctx, struct mx_arena *arena,
                     const struct em_ddl_config *cfg, enum em_ddl_direction direction,
                     struct em_plan *plan)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->arena = arena;
	ctx->cfg = cfg;
	ctx->direction = direction;
	ctx->migrator_down = direction == EM_DDL_BACKWARD;
	ctx->plan = plan;
	mx_err_clear(&ctx->raise.err);
}

void em_ddl_ctx_release(struct em_ddl_ctx *ctx)
{
	if (!ctx)
		return;
	free(ctx->cmds);
	free(ctx->pos);
	free(ctx->subs);
	for (size_t i = 0; i < ctx->nheld; i++)
		em_step_release(&ctx->held[i]);
	free(ctx->held);
	/* Empty, as if never used: releasing it again is harmless. */
	memset(ctx, 0, sizeof(*ctx));
}

static void push_cmd(struct em_ddl_ctx *ctx, struct mx_term *cmd)
{
	MX_ALLOC_GROW(ctx->cmds, ctx->ncmds + 1, ctx->cmds_alloc);
	MX_ALLOC_GROW(ctx->pos, ctx->ncmds + 1, ctx->pos_alloc);
	ctx->pos[ctx->ncmds] = ctx->cur;
	ctx->cmds[ctx->ncmds++] = cmd;
}

static int nested(struct em_ddl_ctx *ctx)
{
	return em_ddl_raise(&ctx->raise, "Ecto.MigrationError", "cannot execute nested commands");
}

int em_ddl_execute(struct em_ddl_ctx *ctx, struct mx_term *cmd)
{
	if (ctx->block_op) {
		ctx->block_op = NULL;
		ctx->nsubs = 0;
		return nested(ctx);
	}
	push_cmd(ctx, cmd);
	return 0;
}

/* The command standing for held step i. */
#define HELD_TAG "$em_held_step"

int em_ddl_queue_step(struct em_ddl_ctx *ctx, struct em_step *s)
{
	struct mx_term *cmd = mx_term_tuple2(ctx->arena, mx_term_atom(ctx->arena, HELD_TAG),
	                                     mx_term_int(ctx->arena, (int64_t)ctx->nheld));

	MX_ALLOC_GROW(ctx->held, ctx->nheld + 1, ctx->held_alloc);
	ctx->held[ctx->nheld++] = *s;
	memset(s, 0, sizeof(*s));
	s->sql = (struct mx_strvec)MX_STRVEC_INIT;
	return em_ddl_execute(ctx, cmd);
}

/* The held step a command stands for, or NULL. */
static struct em_step *held_step(struct em_ddl_ctx *ctx, const struct mx_term *cmd)
{
	const struct mx_term *i;
	if (!em_t_is_tuple(cmd, 2) || !mx_term_is_atom(cmd->u.tuple.items[0], HELD_TAG))
		return NULL;
	i = cmd->u.tuple.items[1];
	if (i->type != MX_TERM_INT || i->u.i < 0 || (uint64_t)i->u.i >= ctx->nheld)
		return NULL;
	return &ctx->held[i->u.i];
}

int em_ddl_start_command(struct em_ddl_ctx *ctx, const char *op, struct mx_term *table)
{
	bool open = ctx->block_op != NULL;

	/* Ecto keeps the new command in its state even when it refuses it. */
	ctx->block_op = mx_term_atom(ctx->arena, op);
	if (open)
		return nested(ctx);
	ctx->block_table = table;
	ctx->block_pos = ctx->cur;
	ctx->nsubs = 0;
	return 0;
}

int em_ddl_subcommand(struct em_ddl_ctx *ctx, struct mx_term *sub)
{
	if (!ctx->block_op)
		return em_ddl_raise(&ctx->raise, "Ecto.MigrationError",
		                    "cannot execute command outside of block");
	MX_ALLOC_GROW(ctx->subs, ctx->nsubs + 1, ctx->subs_alloc);
	ctx->subs[ctx->nsubs++] = sub;
	return 0;
}

void em_ddl_end_command(struct em_ddl_ctx *ctx)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *cmd = em_ddl_tuple(a, 3, ctx->block_op, ctx->block_table,
	                                   mx_term_list(a, ctx->subs, ctx->nsubs), NULL);

	ctx->block_op = NULL;
	ctx->nsubs = 0;
	/* The command belongs to the `create ... do` line, not to the block's
	 * last call. */
	ctx->cur = ctx->block_pos;
	push_cmd(ctx, cmd);
}

/* ---- Repo configuration as Ecto reads it --------------------------------- */

/* list with [{key, atom}] merged in, or list when atom is NULL. */
static struct mx_term *kw1(struct mx_arena *a, struct mx_term *list, const char *key,
                           const char *atom)
{
	struct mx_term *item;
	if (!atom)
		return list;
	item = mx_term_tuple2(a, mx_term_atom(a, key), mx_term_atom(a, atom));
	return em_kw_merge(a, list, mx_term_list(a, &item, 1));
}

const struct mx_term *em_ddl_repo_config(struct mx_arena *a, const struct em_ddl_config *cfg,
                                         const char *key)
{
	struct mx_term *kw = em_kw_new(a);

	if (!strcmp(key, "migration_foreign_key")) {
		if (cfg && cfg->foreign_key_opts)
			return cfg->foreign_key_opts;
		return kw1(a, kw, "type", cfg ? cfg->foreign_key_type : NULL);
	}
	if (!cfg)
		return kw;
	if (!strcmp(key, "migration_primary_key")) {
		if (cfg->primary_key_opts)
			return cfg->primary_key_opts;
		if (cfg->primary_key_disabled)
			return mx_term_bool(a, false);
		kw = kw1(a, kw, "name", cfg->primary_key_name);
		return kw1(a, kw, "type", cfg->primary_key_type);
	}
	if (!strcmp(key, "migration_timestamps")) {
		if (cfg->timestamps_opts)
			return cfg->timestamps_opts;
		kw = kw1(a, kw, "type", cfg->timestamps_type);
		kw = kw1(a, kw, "inserted_at", cfg->timestamps_inserted_at);
		return kw1(a, kw, "updated_at", cfg->timestamps_updated_at);
	}
	return kw;
}

/* ---- Flush: commands to steps -------------------------------------------- */

static struct em_step *new_step(struct em_plan *plan)
{
	struct em_step *s;
	MX_ALLOC_GROW(plan->steps, plan->n + 1, plan->alloc);
	s = &plan->steps[plan->n++];
	memset(s, 0, sizeof(*s));
	s->sql = (struct mx_strvec)MX_STRVEC_INIT;
	return s;
}

/* Runner.maybe_warn_index_ddl_transaction/2, kept with the step: the runner
 * prints it just before the step runs. The index's name and table go with
 * it for the runner's own warning about the migration lock. */
static void note_concurrent_index(struct em_ddl_ctx *ctx, struct em_step *s,
                                  const struct mx_term *ix)
{
	struct mx_buf n = MX_BUF_INIT, t = MX_BUF_INIT;
	size_t len;

	em_t_to_string(em_t_field(ix, "name"), &n);
	em_t_to_string(em_t_field(ix, "table"), &t);
	s->concurrent_index = true;
	if (!ctx->disable_ddl_transaction) {
		struct mx_buf w = MX_BUF_INIT;
		mx_buf_addf(&w,
		            "Migration %s has set index `%s` on table `%s` to concurrently "
		            "but did not disable ddl transaction. Please set:\n"
		            "\n"
		            "    use Ecto.Migration\n"
		            "    @disable_ddl_transaction true\n",
		            ctx->module ? ctx->module : "nil", n.buf, t.buf);
		s->warning = mx_buf_detach(&w, &len);
	}
	s->index_name = mx_buf_detach(&n, &len);
	s->index_table = mx_buf_detach(&t, &len);
}

/* Runner.log_and_execute_ddl/3: the log line and the SQL of one command. */
static int run_command(struct em_ddl_ctx *ctx, const struct mx_term *cmd)
{
	struct mx_buf log = MX_BUF_INIT;
	struct mx_strvec sql = MX_STRVEC_INIT;
	struct em_sql_env env = {ctx->cfg ? ctx->cfg->map_type : NULL,
	                         ctx->cfg ? ctx->cfg->ecto_sql : MX_ECTO_SQL_LATEST};
	struct em_step *s;
	const struct mx_term *ix = NULL;
	size_t len;

	if (em_ddl_log(cmd, &log, &ctx->raise) < 0 ||
	    em_ddl_sql(cmd, &env, &sql, &ctx->raise) < 0) {
		mx_buf_release(&log);
		mx_strvec_clear(&sql);
		return -1;
	}
	s = new_step(ctx->plan);
	s->log = mx_buf_detach(&log, &len);
	s->sql = sql;
	if (em_t_is_tuple(cmd, 2) && em_t_is_struct(cmd->u.tuple.items[1], EM_STRUCT_INDEX))
		ix = cmd->u.tuple.items[1];
	if (ix && em_t_atom(em_t_field(ix, "concurrently"), "true"))
		note_concurrent_index(ctx, s, ix);
	return 0;
}

/* Runner.execute_in_direction/5 for :backward: the reversed command, or
 * Ecto's "cannot reverse" error. */
static int run_backward(struct em_ddl_ctx *ctx, const struct mx_term *cmd)
{
	const struct mx_term *rev = em_ddl_reverse(ctx->arena, cmd);
	struct mx_buf what = MX_BUF_INIT;

	if (rev)
		return run_command(ctx, rev);
	if (em_ddl_log(cmd, &what, &ctx->raise) == 0)
		em_ddl_raise(&ctx->raise, "Ecto.MigrationError",
		             "cannot reverse migration command: %s. You will need to explicitly "
		             "define up/0 and down/0 in your migration",
		             what.buf);
	mx_buf_release(&what);
	return -1;
}

int em_ddl_flush(struct em_ddl_ctx *ctx)
{
	size_t n = ctx->ncmds;
	bool back = ctx->direction == EM_DDL_BACKWARD;
	int ret = 0;

	ctx->ncmds = 0;
	for (size_t k = 0; k < n && !ret; k++) {
		size_t i = back ? n - 1 - k : k;
		const struct mx_term *cmd = ctx->cmds[i];
		struct em_step *held = held_step(ctx, cmd);

		if (held) {
			/* Moved, in either direction: it was built for this one. */
			struct em_step *s = new_step(ctx->plan);
			*s = *held;
			memset(held, 0, sizeof(*held));
			held->sql = (struct mx_strvec)MX_STRVEC_INIT;
		} else if (em_t_is_struct(cmd, EM_STRUCT_COMMAND))
			ret = run_command(ctx, em_t_field(cmd, back ? "down" : "up"));
		else if (!back)
			ret = run_command(ctx, cmd);
		else
			ret = run_backward(ctx, cmd);
		if (ret && ctx->pos[i].file && !ctx->raise.err.file[0]) {
			snprintf(ctx->raise.err.file, sizeof(ctx->raise.err.file), "%s",
			         ctx->pos[i].file);
			ctx->raise.err.line = ctx->pos[i].line;
			ctx->raise.err.col = ctx->pos[i].col;
		}
	}
	return ret;
}
