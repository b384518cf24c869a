/*
 * ddl: the Ecto.Migration functions a migration calls, over terms (see
 * ddl.h). The structs come from ddl_struct.c; the commands go to the
 * runner's queue (ddl_queue.c).
 *
 * Ecto validates options in two places: when the DSL function is called
 * (struct!/2 rejects unknown keys of table/index/references/constraint;
 * add/modify check :scale without :precision and the type) and when the
 * adapter builds SQL (bad names, defaults). Options of add/modify/remove are
 * a plain keyword list that nobody validates, so a misspelt `nul: false` is
 * silently ignored by Ecto, and by us.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddl.h"
#include "ddl_priv.h"
#include "fsutil.h"

/* ---- Validation of add/modify/remove ------------------------------------- */

static int invalid_type(const struct mx_term *type, struct em_ddl_raise *r)
{
	return em_ddl_raise_inspect(
	    r, "ArgumentError",
	    "invalid migration type: %s. Expected one of:\n"
	    "\n"
	    "  * an atom, such as :string\n"
	    "  * a quoted atom, such as :\"integer unsigned\"\n"
	    "  * a tuple representing a composite type, such as {:array, :integer} or {:map, "
	    ":string}\n"
	    "  * a reference, such as references(:users)\n"
	    "\n"
	    "Ecto types are automatically translated to database types. All other types\n"
	    "are sent to the database as is.\n"
	    "\n"
	    "Types defined through Ecto.Type or Ecto.ParameterizedType aren't allowed,\n"
	    "use their underlying types instead.\n",
	    type, NULL);
}

/* validate_type!/1 */
static int validate_type(const struct mx_term *type, struct em_ddl_raise *r)
{
	if (em_t_atom(type, "datetime"))
		return em_ddl_raise(r, "ArgumentError",
		                    "the :datetime type in migrations is not supported, please use "
		                    ":utc_datetime or :naive_datetime instead");
	if (em_t_is_atom(type)) {
		if (type->u.atom.len >= 7 && !memcmp(type->u.atom.name, "Elixir.", 7))
			return invalid_type(type, r);
		return 0;
	}
	if (em_t_is_tuple(type, 2) && em_t_is_atom(type->u.tuple.items[0])) {
		const struct mx_term *sub = type->u.tuple.items[1];
		if (em_t_is_atom(sub))
			return validate_type(sub, r);
		if (sub && sub->type == MX_TERM_TUPLE) {
			for (size_t i = 0; i < sub->u.tuple.n; i++)
				if (validate_type(sub->u.tuple.items[i], r) < 0)
					return -1;
			return 0;
		}
	}
	if (em_t_is_struct(type, EM_STRUCT_REFERENCE))
		return 0;
	return invalid_type(type, r);
}

/* validate_precision_opts!/2 */
static int validate_precision(const struct mx_term *opts, const struct mx_term *column,
                              struct em_ddl_raise *r)
{
	if (em_kw_truthy(opts, "scale") && !em_kw_truthy(opts, "precision"))
		return em_ddl_raise(r, "ArgumentError", "column %.*s is missing precision option",
		                    (int)column->u.atom.len, column->u.atom.name);
	return 0;
}

/* ---- Prefix and primary key ------------------------------------------------ */

/* Ecto.Migration.__prefix__/1 */
static struct mx_term *with_prefix(struct em_ddl_ctx *ctx, struct mx_term *obj)
{
	struct mx_arena *a = ctx->arena;
	obj = em_ddl_complete(a, obj);
	const struct mx_term *prefix = em_t_field(obj, "prefix");
	const char *runner = ctx->cfg ? ctx->cfg->prefix : NULL;
	struct mx_buf p = MX_BUF_INIT;

	if (!prefix)
		return obj;
	if (mx_term_is_nil(prefix)) {
		const char *use = runner ? runner : ctx->cfg ? ctx->cfg->default_prefix : NULL;
		return use ? em_t_struct_put(a, obj, "prefix", mx_term_string(a, use)) : obj;
	}
	if (!runner)
		return obj;
	if (em_t_to_string(prefix, &p) == 0 && !strcmp(p.buf, runner)) {
		mx_buf_release(&p);
		return obj;
	}
	em_ddl_raise(&ctx->raise, "Ecto.MigrationError",
	             "the :prefix option `%s` does not match the migrator prefix `%s`", p.buf,
	             runner);
	mx_buf_release(&p);
	return NULL;
}

/* Ecto.Migration.__primary_key__/1: false (NULL) or {name, type, opts}. */
static int primary_key(struct em_ddl_ctx *ctx, const struct mx_term *table, struct mx_term **name,
                       struct mx_term **type, struct mx_term **opts)
{
	struct mx_arena *a = ctx->arena;
	const struct mx_term *pk = em_t_field(table, "primary_key");
	const struct mx_term *kw, *v;

	*name = *type = *opts = NULL;
	if (em_t_atom(pk, "false"))
		return 0;
	if (em_t_atom(pk, "true")) {
		kw = em_ddl_repo_config(a, ctx->cfg, "migration_primary_key");
		if (em_t_atom(kw, "false"))
			return 0;
		if (!em_t_is_list(kw))
			return em_ddl_raise(&ctx->raise, "CaseClauseError",
			                    "no case clause matching migration_primary_key");
	} else if (em_t_is_list(pk)) {
		kw = pk;
	} else {
		return em_ddl_raise(
		    &ctx->raise, "ArgumentError",
		    ":primary_key option must be either a boolean or a keyword list of options");
	}
	/* pk_opts_to_tuple/1 */
	kw = em_kw_put(a, kw, "primary_key", mx_term_bool(a, true));
	v = em_kw_fetch(kw, "name");
	*name = v ? (struct mx_term *)v : mx_term_atom(a, "id");
	kw = em_kw_delete(a, kw, "name");
	v = em_kw_fetch(kw, "type");
	*type = v ? (struct mx_term *)v : mx_term_atom(a, "bigserial");
	*opts = em_kw_delete(a, kw, "type");
	return 0;
}

/* ---- Columns ------------------------------------------------------------- */

/* add/3, add_if_not_exists/3, modify/3 */
static int add_like(struct em_ddl_ctx *ctx, const char *op, const char *fun, struct mx_term *column,
                    struct mx_term *type, struct mx_term *opts)
{
	struct mx_arena *a = ctx->arena;

	if (!opts)
		opts = em_kw_new(a);
	if (!em_t_is_atom(column) || !em_t_is_list(opts))
		return em_ddl_no_clause(&ctx->raise, fun);
	type = em_ddl_complete(a, type);
	if (validate_precision(opts, column, &ctx->raise) < 0 ||
	    validate_type(type, &ctx->raise) < 0)
		return -1;
	return em_ddl_subcommand(ctx, em_ddl_tuple(a, 4, mx_term_atom(a, op), column, type, opts));
}

static int add(struct em_ddl_ctx *ctx, struct mx_term *column, struct mx_term *type,
               struct mx_term *opts)
{
	return add_like(ctx, "add", "Ecto.Migration.add/3", column, type, opts);
}

/* remove/1,2,3 and remove_if_exists/1,2 */
static int remove_column(struct em_ddl_ctx *ctx, const char *op, struct mx_term **args,
                         size_t nargs)
{
	struct mx_arena *a = ctx->arena;
	bool if_exists = !strcmp(op, "remove_if_exists");
	struct mx_term *sub;

	if (!em_t_is_atom(args[0])) {
		/* remove/2 is remove/3 with its default, for Elixir as here. */
		char fun[64];
		snprintf(fun, sizeof(fun), "Ecto.Migration.%s/%d", op,
		         nargs == 1  ? 1
		         : if_exists ? 2
		                     : 3);
		return em_ddl_no_clause(&ctx->raise, fun);
	}
	if (nargs == 1) {
		sub = mx_term_tuple2(a, mx_term_atom(a, op), args[0]);
	} else {
		if (validate_type(args[1], &ctx->raise) < 0)
			return -1;
		if (if_exists)
			sub = em_ddl_tuple(a, 3, mx_term_atom(a, op), args[0], args[1], NULL);
		else
			sub = em_ddl_tuple(a, 4, mx_term_atom(a, op), args[0], args[1],
			                   nargs > 2 ? args[2] : em_kw_new(a));
	}
	return em_ddl_subcommand(ctx, sub);
}

/* The value of key in kw, deleted from *kw; dflt (an atom) when absent. */
static struct mx_term *take(struct mx_arena *a, struct mx_term **kw, const char *key,
                            const char *dflt)
{
	const struct mx_term *v = em_kw_fetch(*kw, key);
	*kw = em_kw_delete(a, *kw, key);
	return v ? (struct mx_term *)v : mx_term_atom(a, dflt);
}

/* timestamps/1 */
static int timestamps(struct em_ddl_ctx *ctx, const struct mx_term *opts)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *kw, *type, *ins, *upd;

	if (!em_t_is_list(opts))
		return em_ddl_no_clause(&ctx->raise, "Ecto.Migration.timestamps/1");
	kw = em_kw_merge(a, em_ddl_repo_config(a, ctx->cfg, "migration_timestamps"), opts);
	kw = em_kw_put_new(a, kw, "null", mx_term_bool(a, false));
	type = take(a, &kw, "type", "naive_datetime");
	ins = take(a, &kw, "inserted_at", "inserted_at");
	upd = take(a, &kw, "updated_at", "updated_at");
	if (!em_t_atom(ins, "false") && add(ctx, ins, type, kw) < 0)
		return -1;
	if (!em_t_atom(upd, "false") && add(ctx, upd, type, kw) < 0)
		return -1;
	return 0;
}

/* ---- Blocks and commands ------------------------------------------------- */

int em_ddl_block_begin(struct em_ddl_ctx *ctx, const char *op, struct mx_term *object)
{
	struct mx_term *t, *name, *type, *opts;

	object = em_ddl_complete(ctx->arena, object);
	if (!em_t_is_struct(object, EM_STRUCT_TABLE))
		return em_ddl_raise_inspect(&ctx->raise, "MatchError",
		                            "no match of right hand side value: %s", object, NULL);
	t = with_prefix(ctx, object);
	if (!t || em_ddl_start_command(ctx, op, t) < 0)
		return -1;
	/* expand_create/3: the key column first, through add/3 */
	if (strcmp(op, "alter")) {
		if (primary_key(ctx, object, &name, &type, &opts) < 0)
			return -1;
		if (name && add(ctx, name, type, opts) < 0)
			return -1;
	}
	return 0;
}

int em_ddl_block_end(struct em_ddl_ctx *ctx, struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;

	if (!ctx->block_op)
		return em_ddl_raise(&ctx->raise, "MatchError",
		                    "no match of right hand side value: nil");
	if (result)
		*result = mx_term_is_atom(ctx->block_op, "alter") ? mx_term_atom(a, "ok")
		                                                  : ctx->block_table;
	em_ddl_end_command(ctx);
	return 0;
}

/* create/1 and create_if_not_exists/1 without a block. */
static int create1(struct em_ddl_ctx *ctx, const char *op, struct mx_term *obj,
                   struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	bool cine = !strcmp(op, "create_if_not_exists");
	struct mx_term *cmd, *p, *name, *type, *opts, *cols;

	obj = em_ddl_complete(a, obj);
	if (em_t_is_struct(obj, EM_STRUCT_INDEX) ||
	    (!cine && em_t_is_struct(obj, EM_STRUCT_CONSTRAINT))) {
		if (!(p = with_prefix(ctx, obj)))
			return -1;
		cmd = em_ddl_tuple(a, 2, mx_term_atom(a, op), p, NULL, NULL);
	} else if (em_t_is_struct(obj, EM_STRUCT_TABLE)) {
		/* do_create/2: only the primary key, and not through add/3 */
		if (primary_key(ctx, obj, &name, &type, &opts) < 0)
			return -1;
		cols = em_kw_new(a);
		if (name) {
			struct mx_term *col =
			    em_ddl_tuple(a, 4, mx_term_atom(a, "add"), name, type, opts);
			cols = mx_term_list(a, &col, 1);
		}
		if (!(p = with_prefix(ctx, obj)))
			return -1;
		cmd = em_ddl_tuple(a, 3, mx_term_atom(a, op), p, cols, NULL);
	} else {
		return em_ddl_no_clause(&ctx->raise, cine ? "Ecto.Migration.create_if_not_exists/1"
		                                          : "Ecto.Migration.create/1");
	}
	if (em_ddl_execute(ctx, cmd) < 0)
		return -1;
	*result = cine ? mx_term_atom(a, "ok") : obj;
	return 1;
}

static int drop(struct em_ddl_ctx *ctx, const char *op, struct mx_term **args, size_t nargs,
                struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	const struct mx_term *opts = nargs > 1 ? args[1] : NULL;
	const struct mx_term *mode = em_kw_fetch(opts, "mode");
	struct mx_term *p;

	if (!args[0] || args[0]->type != MX_TERM_MAP || (opts && !em_t_is_list(opts)))
		return em_ddl_no_clause(&ctx->raise, strcmp(op, "drop")
		                                         ? "Ecto.Migration.drop_if_exists/2"
		                                         : "Ecto.Migration.drop/2");
	if (!(p = with_prefix(ctx, args[0])))
		return -1;
	if (em_ddl_execute(ctx,
	                   em_ddl_tuple(a, 3, mx_term_atom(a, op), p,
	                                mode ? (struct mx_term *)mode : mx_term_atom(a, "restrict"),
	                                NULL)) < 0)
		return -1;
	*result = args[0];
	return 1;
}

/* The value of a one-pair keyword list [to: x], or NULL. */
static struct mx_term *to_kw(const struct mx_term *kw)
{
	if (!em_t_is_list(kw) || kw->u.list.n != 1 || !em_t_is_tuple(kw->u.list.items[0], 2) ||
	    !em_t_atom(kw->u.list.items[0]->u.tuple.items[0], "to"))
		return NULL;
	return kw->u.list.items[0]->u.tuple.items[1];
}

static int rename_cmd(struct em_ddl_ctx *ctx, struct mx_term **args, size_t nargs,
                      struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *to = to_kw(args[nargs - 1]), *p, *q;
	struct mx_term *rn = mx_term_atom(a, "rename");

	if (nargs == 2 && to && em_t_is_struct(args[0], EM_STRUCT_TABLE) &&
	    em_t_is_struct(to, EM_STRUCT_TABLE)) {
		if (!(p = with_prefix(ctx, args[0])) || !(q = with_prefix(ctx, to)) ||
		    em_ddl_execute(ctx, em_ddl_tuple(a, 3, rn, p, q, NULL)) < 0)
			return -1;
		*result = to;
		return 1;
	}
	if (nargs == 2 && to && em_t_is_struct(args[0], EM_STRUCT_INDEX)) {
		/* ecto_sql 3.12 and older ran the index as given, without
		 * __prefix__/1 (no --prefix, no migration_default_prefix). */
		bool prefixed = mx_ecto_sql_has(ctx->cfg ? ctx->cfg->ecto_sql : MX_ECTO_SQL_LATEST,
		                                MX_ECTO_SQL_RENAME_INDEX_PREFIX);
		if (!(p = prefixed ? with_prefix(ctx, args[0]) : args[0]) ||
		    em_ddl_execute(ctx, em_ddl_tuple(a, 3, rn, p, to, NULL)) < 0)
			return -1;
		*result = em_t_struct_put(a, args[0], "name", to);
		return 1;
	}
	if (nargs == 3 && to && em_t_is_struct(args[0], EM_STRUCT_TABLE) &&
	    em_t_is_atom(args[1]) && em_t_is_atom(to)) {
		if (!(p = with_prefix(ctx, args[0])) ||
		    em_ddl_execute(ctx, em_ddl_tuple(a, 4, rn, p, args[1], to)) < 0)
			return -1;
		*result = args[0];
		return 1;
	}
	return em_ddl_no_clause(&ctx->raise,
	                        nargs == 2 ? "Ecto.Migration.rename/2" : "Ecto.Migration.rename/3");
}

static int execute(struct em_ddl_ctx *ctx, struct mx_term **args, size_t nargs,
                   struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *cmd;

	for (size_t i = 0; i < nargs; i++) {
		if (args[i] && args[i]->type == MX_TERM_FUN) {
			em_ddl_raise(&ctx->raise, "",
			             "execute/%zu with an anonymous function runs Elixir code at "
			             "migration time, which ecto-migrate cannot do",
			             nargs);
			return EM_DDL_UNSUPPORTED;
		}
		if (!em_t_is_binary(args[i]) && !em_t_is_list(args[i]))
			return em_ddl_no_clause(&ctx->raise, nargs == 1
			                                         ? "Ecto.Migration.execute/1"
			                                         : "Ecto.Migration.execute/2");
	}
	if (nargs == 1) {
		cmd = args[0];
	} else {
		static const char *const f[] = {"up", "down"};
		cmd = em_t_struct(a, EM_STRUCT_COMMAND, f, args, 2);
	}
	if (em_ddl_execute(ctx, cmd) < 0)
		return -1;
	*result = mx_term_atom(a, "ok");
	return 1;
}

/* execute_file/1,2: execute/1,2 of the files' contents, read now. */
static int execute_file(struct em_ddl_ctx *ctx, struct mx_term **args, size_t nargs,
                        struct mx_term **result)
{
	struct mx_term *sql[2];

	for (size_t i = 0; i < nargs; i++) {
		struct mx_buf data = MX_BUF_INIT;
		struct mx_err e = MX_ERR_INIT;
		char *path;
		int ret;

		if (!em_t_is_binary(args[i]))
			return em_ddl_no_clause(&ctx->raise, nargs == 1
			                                         ? "Ecto.Migration.execute_file/1"
			                                         : "Ecto.Migration.execute_file/2");
		path = mx_xstrndup(args[i]->u.bin.data, args[i]->u.bin.len);
		ret = mx_fs_read(path, &data, &e);
		if (ret < 0) {
			/* Erlang's :file.format_error spells reasons in lower case. */
			char reason[sizeof(e.msg)];
			snprintf(reason, sizeof(reason), "%s",
			         e.sys_errno ? strerror(e.sys_errno) : e.msg);
			reason[0] = (char)tolower((unsigned char)reason[0]);
			em_ddl_raise(&ctx->raise, "File.Error", "could not read file \"%s\": %s",
			             path, reason);
		} else
			sql[i] = mx_term_binary(ctx->arena, data.buf, data.len);
		free(path);
		mx_buf_release(&data);
		if (ret < 0)
			return -1;
	}
	return execute(ctx, sql, nargs, result);
}

/* unique_index/3: index(table, columns, [unique: true] ++ opts) */
static struct mx_term *unique_index(struct em_ddl_ctx *ctx, struct mx_term **args, size_t nargs)
{
	struct mx_arena *a = ctx->arena;
	const struct mx_term *opts = nargs > 2 ? args[2] : em_kw_new(a);
	struct mx_term **items;
	size_t n;

	if (!em_t_is_list(opts)) {
		em_ddl_no_clause(&ctx->raise, "Ecto.Migration.unique_index/3");
		return NULL;
	}
	n = opts->u.list.n;
	items = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
	items[0] = mx_term_tuple2(a, mx_term_atom(a, "unique"), mx_term_bool(a, true));
	for (size_t i = 0; i < n; i++)
		items[i + 1] = opts->u.list.items[i];
	return em_ddl_index(a, ctx->cfg, args[0], args[1], mx_term_list(a, items, n + 1),
	                    &ctx->raise);
}

/* The functions that return :ok after a subcommand or a flush. */
static int ok_call(struct em_ddl_ctx *ctx, const char *name, struct mx_term **args, size_t nargs)
{
	struct mx_arena *a = ctx->arena;

	if (!strcmp(name, "flush")) {
		if (ctx->migrator_down && !ctx->has_down)
			return em_ddl_raise(
			    &ctx->raise, "RuntimeError",
			    "calling flush() inside change when doing rollback is not supported.");
		return em_ddl_flush(ctx);
	}
	if (!strcmp(name, "timestamps"))
		return timestamps(ctx, nargs ? args[0] : em_kw_new(a));
	if (!strcmp(name, "remove") || !strcmp(name, "remove_if_exists"))
		return remove_column(ctx, name, args, nargs);
	{
		char fun[64];
		snprintf(fun, sizeof(fun), "Ecto.Migration.%s/3", name);
		return add_like(ctx, name, fun, args[0], args[1], nargs > 2 ? args[2] : NULL);
	}
}

int em_ddl_call(struct em_ddl_ctx *ctx, const char *name, struct mx_term **args, size_t nargs,
                struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	struct em_ddl_raise *r = &ctx->raise;
	struct mx_term *t;

#define IS(fn, lo, hi) (!strcmp(name, fn) && nargs + 1 >= (lo) + 1u && nargs <= (hi))
	if (IS("table", 1, 2)) {
		t = em_ddl_table(a, ctx->cfg, args[0], nargs > 1 ? args[1] : NULL, r);
	} else if (IS("index", 2, 3)) {
		t = em_ddl_index(a, ctx->cfg, args[0], args[1], nargs > 2 ? args[2] : NULL, r);
	} else if (IS("unique_index", 2, 3)) {
		t = unique_index(ctx, args, nargs);
	} else if (IS("references", 1, 2)) {
		t = em_ddl_references(a, ctx->cfg, args[0], nargs > 1 ? args[1] : NULL, r);
	} else if (IS("constraint", 2, 3)) {
		t = em_ddl_constraint(a, args[0], args[1], nargs > 2 ? args[2] : NULL, r);
	} else if (IS("fragment", 1, 1)) {
		if (!em_t_is_binary(args[0]))
			return em_ddl_no_clause(r, "Ecto.Migration.fragment/1");
		t = mx_term_tuple2(a, mx_term_atom(a, "fragment"), args[0]);
	} else if (IS("create", 1, 1) || IS("create_if_not_exists", 1, 1)) {
		return create1(ctx, name, args[0], result);
	} else if (IS("drop", 1, 2) || IS("drop_if_exists", 1, 2)) {
		return drop(ctx, name, args, nargs, result);
	} else if (IS("rename", 2, 3)) {
		return rename_cmd(ctx, args, nargs, result);
	} else if (IS("execute", 1, 2)) {
		return execute(ctx, args, nargs, result);
	} else if (IS("execute_file", 1, 2)) {
		return execute_file(ctx, args, nargs, result);
	} else if (IS("flush", 0, 0) || IS("timestamps", 0, 1) || IS("add", 2, 3) ||
	           IS("add_if_not_exists", 2, 3) || IS("modify", 2, 3) || IS("remove", 1, 3) ||
	           IS("remove_if_exists", 1, 2)) {
		if (ok_call(ctx, name, args, nargs) < 0)
			return -1;
		/* flush/0 returns the (empty) list of what it ran. */
		t = !strcmp(name, "flush") ? mx_term_list(a, NULL, 0) : mx_term_atom(a, "ok");
	} else if (IS("direction", 0, 0)) {
		t = mx_term_atom(a, ctx->migrator_down ? "down" : "up");
	} else if (IS("prefix", 0, 0)) {
		t = ctx->cfg && ctx->cfg->prefix ? mx_term_string(a, ctx->cfg->prefix)
		                                 : mx_term_nil(a);
	} else if (IS("repo", 0, 0)) {
		em_ddl_raise(r, "",
		             "repo/0 gives the running Ecto repo, which ecto-migrate does not have "
		             "(no Elixir runs)");
		return EM_DDL_UNSUPPORTED;
	} else {
		return 0;
	}
#undef IS
	if (!t)
		return -1;
	*result = t;
	return 1;
}
