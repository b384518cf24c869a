/*
 * ddl: the Ecto.Migration functions (table, index, references, add,
 * timestamps...) and the Ecto.Migration.Runner queue (commands, blocks,
 * flush, reversal), over terms. See ddl.h.
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

static int fce(struct ecto_ddl_raise *r, const char *fun)
{
	return ecto_ddl_raise(r, "FunctionClauseError", "no function clause matching in %s", fun);
}

static struct mx_term *atom_to_binary(struct mx_arena *a, const struct mx_term *t)
{
	return mx_term_binary(a, t->u.atom.name, t->u.atom.len);
}

/* ---- Struct constructors ------------------------------------------------- */

static const char *const table_fields[] = {"name",   "prefix",  "comment",  "primary_key",
                                           "engine", "options", "modifiers"};
static const char *const index_fields[] = {
    "table",   "prefix", "name",           "columns", "unique",  "concurrently", "using",
    "include", "only",   "nulls_distinct", "where",   "comment", "options"};
static const char *const ref_fields[] = {"name", "prefix",    "table",     "column",
                                         "type", "on_delete", "on_update", "validate",
                                         "with", "match",     "options"};
static const char *const constraint_fields[] = {"name",   "table",   "check",   "exclude",
                                                "prefix", "comment", "validate"};
#define NFIELDS(f) (sizeof(f) / sizeof((f)[0]))

/* struct!/2: every {key, value} of opts replaces a field, in order (so a
 * later key wins); an unknown key raises KeyError. */
static struct mx_term *struct_bang(struct mx_arena *a, struct mx_term *s,
                                   const struct mx_term *opts, struct ecto_ddl_raise *r)
{
	if (!ecto_t_is_list(opts)) {
		fce(r, "Kernel.struct!/2");
		return NULL;
	}
	for (size_t i = 0; i < opts->u.list.n; i++) {
		const struct mx_term *kv = opts->u.list.items[i];
		const struct mx_term *k;
		if (!ecto_t_is_tuple(kv, 2) || !ecto_t_is_atom(kv->u.tuple.items[0])) {
			fce(r, "Kernel.struct!/2");
			return NULL;
		}
		k = kv->u.tuple.items[0];
		if (mx_term_is_atom(k, "__struct__"))
			continue;
		if (!ecto_t_field(s, k->u.atom.name)) {
			struct mx_buf q = MX_BUF_INIT, qs = MX_BUF_INIT;
			ecto_t_inspect(k, &q);
			ecto_t_inspect(s, &qs);
			ecto_ddl_raise(r, "KeyError", "key %s not found in: %s", q.buf, qs.buf);
			mx_buf_release(&q);
			mx_buf_release(&qs);
			return NULL;
		}
		s = ecto_t_struct_put(a, s, k->u.atom.name, kv->u.tuple.items[1]);
	}
	return s;
}

/* table/1 and index/3 take the table name as an atom or a string. */
static struct mx_term *table_name(struct mx_arena *a, const struct mx_term *name)
{
	if (ecto_t_is_atom(name))
		return atom_to_binary(a, name);
	if (ecto_t_is_binary(name))
		return (struct mx_term *)name;
	return NULL;
}

struct mx_term *ecto_ddl_table(struct mx_arena *a, const struct mx_term *name,
                               const struct mx_term *opts, struct ecto_ddl_raise *r)
{
	struct mx_term *vals[NFIELDS(table_fields)];
	struct mx_term *n = table_name(a, name);

	if (!n || (opts && !ecto_t_is_list(opts))) {
		fce(r, "Ecto.Migration.table/2");
		return NULL;
	}
	for (size_t i = 0; i < NFIELDS(table_fields); i++)
		vals[i] = mx_term_nil(a);
	vals[0] = n;
	vals[3] = mx_term_bool(a, true);
	return struct_bang(a,
	                   ecto_t_struct(a, ECTO_TABLE, table_fields, vals, NFIELDS(table_fields)),
	                   opts ? opts : ecto_kw_new(a), r);
}

/* column_name/1 of default_index_name: to_string, every byte that is not a
 * word character replaced by '_' (the regex has no unicode flag, so it works
 * on bytes), trailing '_' removed. */
static int index_name_part(struct mx_buf *b, const struct mx_term *c, struct ecto_ddl_raise *r)
{
	size_t start = b->len;

	if (ecto_t_is_tuple(c, 2))
		c = c->u.tuple.items[1];
	if (ecto_t_to_string(c, b) < 0) {
		struct mx_buf q = MX_BUF_INIT;
		ecto_t_inspect(c, &q);
		ecto_ddl_raise(r, "Protocol.UndefinedError",
		               "protocol String.Chars not implemented for %s", q.buf);
		mx_buf_release(&q);
		return -1;
	}
	for (size_t i = start; i < b->len; i++) {
		unsigned char ch = (unsigned char)b->buf[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '_'))
			b->buf[i] = '_';
	}
	while (b->len > start && b->buf[b->len - 1] == '_')
		mx_buf_setlen(b, b->len - 1);
	return 0;
}

/* List.flatten/1 over the columns, then the name parts joined by '_'. */
static int index_name_cols(struct mx_buf *b, const struct mx_term *cols, struct ecto_ddl_raise *r)
{
	for (size_t i = 0; i < cols->u.list.n; i++) {
		const struct mx_term *c = cols->u.list.items[i];
		if (ecto_t_is_list(c)) {
			if (index_name_cols(b, c, r) < 0)
				return -1;
			continue;
		}
		if (index_name_part(b, c, r) < 0)
			return -1;
		mx_buf_addch(b, '_');
	}
	return 0;
}

struct mx_term *ecto_ddl_index(struct mx_arena *a, const struct mx_term *table,
                               const struct mx_term *columns, const struct mx_term *opts,
                               struct ecto_ddl_raise *r)
{
	struct mx_term *vals[NFIELDS(index_fields)];
	struct mx_term *t = table_name(a, table), *ix;
	const struct mx_term *nd, *name;
	size_t nwhere = 0;

	if (!opts)
		opts = ecto_kw_new(a);
	if (t && ecto_t_is_atom(columns))
		columns = mx_term_list(a, (struct mx_term **)&columns, 1);
	if (!t || !ecto_t_is_list(columns) || !ecto_t_is_list(opts)) {
		fce(r, "Ecto.Migration.index/3");
		return NULL;
	}
	/* validate_index_opts!/1 */
	nd = ecto_kw_fetch(opts, "nulls_distinct");
	if (nd && !mx_term_is_nil(nd) && !ecto_t_atom(ecto_kw_fetch(opts, "unique"), "true")) {
		ecto_ddl_raise(r, "ArgumentError",
		               "the `nulls_distinct` option can only be used with unique indexes");
		return NULL;
	}
	for (size_t i = 0; i < opts->u.list.n; i++) {
		const struct mx_term *kv = opts->u.list.items[i];
		if (ecto_t_is_tuple(kv, 2) && ecto_t_atom(kv->u.tuple.items[0], "where"))
			nwhere++;
	}
	if (nwhere > 1) {
		ecto_ddl_raise(
		    r, "ArgumentError",
		    "only one `where` keyword is supported when declaring a partial index. "
		    "To specify multiple conditions, write a single WHERE clause using AND "
		    "between them");
		return NULL;
	}

	for (size_t i = 0; i < NFIELDS(index_fields); i++)
		vals[i] = mx_term_nil(a);
	vals[0] = t;
	vals[3] = (struct mx_term *)columns;
	vals[4] = mx_term_bool(a, false);
	vals[5] = mx_term_bool(a, false);
	vals[7] = ecto_kw_new(a);
	vals[8] = mx_term_bool(a, false);
	ix = struct_bang(a, ecto_t_struct(a, ECTO_INDEX, index_fields, vals, NFIELDS(index_fields)),
	                 opts, r);
	if (!ix)
		return NULL;
	name = ecto_t_field(ix, "name");
	if (!mx_term_truthy(name)) {
		/* default_index_name/1: [table, columns, "index"] |> List.flatten */
		struct mx_buf b = MX_BUF_INIT;
		const struct mx_term *cols = ecto_t_field(ix, "columns");
		int ret = index_name_part(&b, ecto_t_field(ix, "table"), r);
		if (!ret) {
			mx_buf_addch(&b, '_');
			ret = ecto_t_is_list(cols) ? index_name_cols(&b, cols, r)
			                           : index_name_part(&b, cols, r);
		}
		if (!ret) {
			if (!ecto_t_is_list(cols))
				mx_buf_addch(&b, '_');
			mx_buf_adds(&b, "index");
			ix = ecto_t_struct_put(a, ix, "name", mx_term_atomn(a, b.buf, b.len));
		}
		mx_buf_release(&b);
		if (ret)
			return NULL;
	}
	return ix;
}

/* ---- Repo configuration as Ecto reads it --------------------------------- */

static struct mx_term *kw1(struct mx_arena *a, struct mx_term *list, const char *key,
                           const char *atom)
{
	struct mx_term *item;
	if (!atom)
		return list;
	item = mx_term_tuple2(a, mx_term_atom(a, key), mx_term_atom(a, atom));
	return ecto_kw_merge(a, list, mx_term_list(a, &item, 1));
}

/* Runner.repo_config(:migration_primary_key, []): false or a keyword list. */
static const struct mx_term *cfg_pk(struct mx_arena *a, const struct ecto_ddl_config *cfg)
{
	struct mx_term *kw = ecto_kw_new(a);
	if (!cfg)
		return kw;
	if (cfg->primary_key_opts)
		return cfg->primary_key_opts;
	if (cfg->primary_key_disabled)
		return mx_term_bool(a, false);
	kw = kw1(a, kw, "name", cfg->primary_key_name);
	return kw1(a, kw, "type", cfg->primary_key_type);
}

static const struct mx_term *cfg_fk(struct mx_arena *a, const struct ecto_ddl_config *cfg)
{
	if (cfg && cfg->foreign_key_opts)
		return cfg->foreign_key_opts;
	return kw1(a, ecto_kw_new(a), "type", cfg ? cfg->foreign_key_type : NULL);
}

static const struct mx_term *cfg_ts(struct mx_arena *a, const struct ecto_ddl_config *cfg)
{
	struct mx_term *kw = ecto_kw_new(a);
	if (!cfg)
		return kw;
	if (cfg->timestamps_opts)
		return cfg->timestamps_opts;
	kw = kw1(a, kw, "type", cfg->timestamps_type);
	kw = kw1(a, kw, "inserted_at", cfg->timestamps_inserted_at);
	return kw1(a, kw, "updated_at", cfg->timestamps_updated_at);
}

static int check_on_delete(const struct mx_term *v, struct ecto_ddl_raise *r)
{
	static const char *const ok[] = {"nothing", "delete_all", "nilify_all", "default_all",
	                                 "restrict"};
	struct mx_buf q = MX_BUF_INIT;

	for (size_t i = 0; i < NFIELDS(ok); i++)
		if (ecto_t_atom(v, ok[i]))
			return 0;
	if (ecto_t_is_tuple(v, 2) && ecto_t_is_list(v->u.tuple.items[1]) &&
	    (ecto_t_atom(v->u.tuple.items[0], "nilify") ||
	     ecto_t_atom(v->u.tuple.items[0], "default"))) {
		const struct mx_term *cols = v->u.tuple.items[1];
		for (size_t i = 0; i < cols->u.list.n; i++) {
			if (!ecto_t_is_atom(cols->u.list.items[i])) {
				struct mx_buf o = MX_BUF_INIT;
				ecto_t_inspect(v->u.tuple.items[0], &o);
				ecto_t_inspect(cols, &q);
				ecto_ddl_raise(r, "ArgumentError",
				               "expected `columns` in `{%s, columns}` to be a list "
				               "of atoms, got: %s",
				               o.buf, q.buf);
				mx_buf_release(&o);
				mx_buf_release(&q);
				return -1;
			}
		}
		return 0;
	}
	ecto_t_inspect(v, &q);
	ecto_ddl_raise(r, "ArgumentError", "unknown :on_delete value: %s", q.buf);
	mx_buf_release(&q);
	return -1;
}

static int check_on_update(const struct mx_term *v, struct ecto_ddl_raise *r)
{
	static const char *const ok[] = {"nothing", "update_all", "nilify_all", "restrict"};
	struct mx_buf q = MX_BUF_INIT;

	for (size_t i = 0; i < NFIELDS(ok); i++)
		if (ecto_t_atom(v, ok[i]))
			return 0;
	ecto_t_inspect(v, &q);
	ecto_ddl_raise(r, "ArgumentError", "unknown :on_update value: %s", q.buf);
	mx_buf_release(&q);
	return -1;
}

struct mx_term *ecto_ddl_references(struct mx_arena *a, const struct ecto_ddl_config *cfg,
                                    const struct mx_term *table, const struct mx_term *opts,
                                    struct ecto_ddl_raise *r)
{
	struct mx_term *vals[NFIELDS(ref_fields)];
	struct mx_term *t = table_name(a, table), *ref, *merged;
	const struct mx_term *pk;

	if (!opts)
		opts = ecto_kw_new(a);
	if (!t || !ecto_t_is_list(opts)) {
		fce(r, "Ecto.Migration.references/2");
		return NULL;
	}
	/* foreign_key_repo_opts/0, then the call's options, then options: [prefix: ...] */
	pk = cfg_pk(a, cfg);
	merged = ecto_kw_take1(a, ecto_t_is_list(pk) ? pk : ecto_kw_new(a), "type");
	merged = ecto_kw_merge(a, merged, cfg_fk(a, cfg));
	merged = ecto_kw_merge(a, merged, opts);
	merged = ecto_kw_put(a, merged, "options", ecto_kw_take1(a, opts, "prefix"));

	for (size_t i = 0; i < NFIELDS(ref_fields); i++)
		vals[i] = mx_term_nil(a);
	vals[2] = t;
	vals[3] = mx_term_atom(a, "id");
	vals[4] = mx_term_atom(a, "bigserial");
	vals[5] = mx_term_atom(a, "nothing");
	vals[6] = mx_term_atom(a, "nothing");
	vals[7] = mx_term_bool(a, true);
	vals[8] = ecto_kw_new(a);
	vals[10] = ecto_kw_new(a);
	ref = struct_bang(
	    a, ecto_t_struct(a, ECTO_REFERENCE, ref_fields, vals, NFIELDS(ref_fields)), merged, r);
	if (!ref || check_on_delete(ecto_t_field(ref, "on_delete"), r) < 0 ||
	    check_on_update(ecto_t_field(ref, "on_update"), r) < 0)
		return NULL;
	return ref;
}

struct mx_term *ecto_ddl_constraint(struct mx_arena *a, const struct mx_term *table,
                                    const struct mx_term *name, const struct mx_term *opts,
                                    struct ecto_ddl_raise *r)
{
	struct mx_term *vals[NFIELDS(constraint_fields)];
	struct mx_term *t = table_name(a, table);

	if (!opts)
		opts = ecto_kw_new(a);
	if (!t || !ecto_t_is_list(opts)) {
		fce(r, "Ecto.Migration.constraint/3");
		return NULL;
	}
	for (size_t i = 0; i < NFIELDS(constraint_fields); i++)
		vals[i] = mx_term_nil(a);
	vals[0] = (struct mx_term *)name;
	vals[1] = t;
	vals[6] = mx_term_bool(a, true);
	return struct_bang(
	    a,
	    ecto_t_struct(a, ECTO_CONSTRAINT, constraint_fields, vals, NFIELDS(constraint_fields)),
	    opts, r);
}

/* ---- Validation of add/modify/remove ------------------------------------- */

static int invalid_type(const struct mx_term *type, struct ecto_ddl_raise *r)
{
	struct mx_buf q = MX_BUF_INIT;
	ecto_t_inspect(type, &q);
	ecto_ddl_raise(
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
	    q.buf);
	mx_buf_release(&q);
	return -1;
}

/* validate_type!/1 */
static int validate_type(const struct mx_term *type, struct ecto_ddl_raise *r)
{
	if (ecto_t_atom(type, "datetime"))
		return ecto_ddl_raise(
		    r, "ArgumentError",
		    "the :datetime type in migrations is not supported, please use "
		    ":utc_datetime or :naive_datetime instead");
	if (ecto_t_is_atom(type)) {
		if (type->u.atom.len >= 7 && !memcmp(type->u.atom.name, "Elixir.", 7))
			return invalid_type(type, r);
		return 0;
	}
	if (ecto_t_is_tuple(type, 2) && ecto_t_is_atom(type->u.tuple.items[0])) {
		const struct mx_term *sub = type->u.tuple.items[1];
		if (ecto_t_is_atom(sub))
			return validate_type(sub, r);
		if (sub && sub->type == MX_TERM_TUPLE) {
			for (size_t i = 0; i < sub->u.tuple.n; i++)
				if (validate_type(sub->u.tuple.items[i], r) < 0)
					return -1;
			return 0;
		}
	}
	if (ecto_t_is_struct(type, ECTO_REFERENCE))
		return 0;
	return invalid_type(type, r);
}

/* validate_precision_opts!/2 */
static int validate_precision(const struct mx_term *opts, const struct mx_term *column,
                              struct ecto_ddl_raise *r)
{
	if (ecto_kw_truthy(opts, "scale") && !ecto_kw_truthy(opts, "precision"))
		return ecto_ddl_raise(r, "ArgumentError", "column %.*s is missing precision option",
		                      (int)column->u.atom.len, column->u.atom.name);
	return 0;
}

/* ---- The runner queue ---------------------------------------------------- */

void ecto_ddl_ctx_init(struct ecto_ddl_ctx *ctx, struct mx_arena *arena,
                       const struct ecto_ddl_config *cfg, enum ecto_ddl_direction direction,
                       struct ecto_plan *plan)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->arena = arena;
	ctx->cfg = cfg;
	ctx->direction = direction;
	ctx->migrator_down = direction == ECTO_DDL_BACKWARD;
	ctx->plan = plan;
	mx_err_clear(&ctx->raise.err);
}

void ecto_ddl_ctx_release(struct ecto_ddl_ctx *ctx)
{
	if (!ctx)
		return;
	free(ctx->cmds);
	free(ctx->pos);
	free(ctx->subs);
	ctx->cmds = ctx->subs = NULL;
	ctx->pos = NULL;
	ctx->pos_alloc = 0;
	ctx->ncmds = ctx->nsubs = ctx->cmds_alloc = ctx->subs_alloc = 0;
}

static void push_cmd(struct ecto_ddl_ctx *ctx, struct mx_term *cmd)
{
	MX_ALLOC_GROW(ctx->cmds, ctx->ncmds + 1, ctx->cmds_alloc);
	MX_ALLOC_GROW(ctx->pos, ctx->ncmds + 1, ctx->pos_alloc);
	ctx->pos[ctx->ncmds] = ctx->cur;
	ctx->cmds[ctx->ncmds++] = cmd;
}

/* Runner.execute/1: queue a command; inside a create/alter block, Ecto
 * raises (and forgets the block). */
static int queue(struct ecto_ddl_ctx *ctx, struct mx_term *cmd)
{
	if (ctx->block_op) {
		ctx->block_op = NULL;
		ctx->nsubs = 0;
		return ecto_ddl_raise(&ctx->raise, "Ecto.MigrationError",
		                      "cannot execute nested commands");
	}
	push_cmd(ctx, cmd);
	return 0;
}

static int subcommand(struct ecto_ddl_ctx *ctx, struct mx_term *sub)
{
	if (!ctx->block_op)
		return ecto_ddl_raise(&ctx->raise, "Ecto.MigrationError",
		                      "cannot execute command outside of block");
	MX_ALLOC_GROW(ctx->subs, ctx->nsubs + 1, ctx->subs_alloc);
	ctx->subs[ctx->nsubs++] = sub;
	return 0;
}

/* A struct literal written in the migration (`%Ecto.Migration.Table{name:
 * "x"}`) reaches us with only the keys it spells, because the evaluator
 * does not know Ecto's structs: give it Ecto's defaults for the rest, as
 * Elixir would have. Anything else is returned as it is. */
static struct mx_term *complete(struct mx_arena *a, struct mx_term *t)
{
	static const struct {
		const char *module;
		const char *const *fields;
		size_t n;
	} kinds[] = {
	    {ECTO_TABLE, table_fields, NFIELDS(table_fields)},
	    {ECTO_INDEX, index_fields, NFIELDS(index_fields)},
	    {ECTO_REFERENCE, ref_fields, NFIELDS(ref_fields)},
	    {ECTO_CONSTRAINT, constraint_fields, NFIELDS(constraint_fields)},
	};
	struct ecto_ddl_raise ignored = ECTO_DDL_RAISE_INIT;
	struct mx_term *full = NULL;

	for (size_t k = 0; k < NFIELDS(kinds); k++) {
		bool missing = false;
		if (!ecto_t_is_struct(t, kinds[k].module))
			continue;
		for (size_t i = 0; i < kinds[k].n; i++)
			missing |= !ecto_t_field(t, kinds[k].fields[i]);
		if (!missing)
			return t;
		if (k == 0)
			full = ecto_ddl_table(a, mx_term_string(a, ""), NULL, &ignored);
		else if (k == 1)
			full = ecto_ddl_index(a, mx_term_string(a, ""), ecto_kw_new(a), NULL,
			                      &ignored);
		else if (k == 2)
			full = ecto_ddl_references(a, NULL, mx_term_string(a, ""), NULL, &ignored);
		else
			full = ecto_ddl_constraint(a, mx_term_string(a, ""), mx_term_nil(a), NULL,
			                           &ignored);
		/* Ecto's defaults, not what the constructors derive from their
		 * arguments (the table, and an index's default name). */
		if (k != 0)
			full = ecto_t_struct_put(a, full, "table", mx_term_nil(a));
		if (k != 2)
			full = ecto_t_struct_put(a, full, "name", mx_term_nil(a));
		for (size_t i = 0; i < t->u.map.n; i++) {
			const struct mx_term *key = t->u.map.keys[i];
			if (ecto_t_is_atom(key) && !mx_term_is_atom(key, "__struct__") &&
			    ecto_t_field(full, key->u.atom.name))
				full =
				    ecto_t_struct_put(a, full, key->u.atom.name, t->u.map.vals[i]);
		}
		return full;
	}
	return t;
}

/* Ecto.Migration.__prefix__/1 */
static struct mx_term *with_prefix(struct ecto_ddl_ctx *ctx, struct mx_term *obj)
{
	struct mx_arena *a = ctx->arena;
	obj = complete(a, obj);
	const struct mx_term *prefix = ecto_t_field(obj, "prefix");
	const char *runner = ctx->cfg ? ctx->cfg->prefix : NULL;
	struct mx_buf p = MX_BUF_INIT;

	if (!prefix)
		return obj;
	if (mx_term_is_nil(prefix)) {
		const char *use = runner ? runner : ctx->cfg ? ctx->cfg->default_prefix : NULL;
		return use ? ecto_t_struct_put(a, obj, "prefix", mx_term_string(a, use)) : obj;
	}
	if (!runner)
		return obj;
	if (ecto_t_to_string(prefix, &p) == 0 && !strcmp(p.buf, runner)) {
		mx_buf_release(&p);
		return obj;
	}
	ecto_ddl_raise(&ctx->raise, "Ecto.MigrationError",
	               "the :prefix option `%s` does not match the migrator prefix `%s`", p.buf,
	               runner);
	mx_buf_release(&p);
	return NULL;
}

/* Ecto.Migration.__primary_key__/1: false (NULL) or {name, type, opts}. */
static int primary_key(struct ecto_ddl_ctx *ctx, const struct mx_term *table, struct mx_term **name,
                       struct mx_term **type, struct mx_term **opts)
{
	struct mx_arena *a = ctx->arena;
	const struct mx_term *pk = ecto_t_field(table, "primary_key");
	const struct mx_term *kw, *v;

	*name = *type = *opts = NULL;
	if (ecto_t_atom(pk, "false"))
		return 0;
	if (ecto_t_atom(pk, "true")) {
		kw = cfg_pk(a, ctx->cfg);
		if (ecto_t_atom(kw, "false"))
			return 0;
		if (!ecto_t_is_list(kw))
			return ecto_ddl_raise(&ctx->raise, "CaseClauseError",
			                      "no case clause matching migration_primary_key");
	} else if (ecto_t_is_list(pk)) {
		kw = pk;
	} else {
		return ecto_ddl_raise(
		    &ctx->raise, "ArgumentError",
		    ":primary_key option must be either a boolean or a keyword list of options");
	}
	/* pk_opts_to_tuple/1 */
	kw = ecto_kw_put(a, kw, "primary_key", mx_term_bool(a, true));
	v = ecto_kw_fetch(kw, "name");
	*name = v ? (struct mx_term *)v : mx_term_atom(a, "id");
	kw = ecto_kw_delete(a, kw, "name");
	v = ecto_kw_fetch(kw, "type");
	*type = v ? (struct mx_term *)v : mx_term_atom(a, "bigserial");
	*opts = ecto_kw_delete(a, kw, "type");
	return 0;
}

static struct mx_term *tuple(struct mx_arena *a, size_t n, struct mx_term *x0, struct mx_term *x1,
                             struct mx_term *x2, struct mx_term *x3)
{
	struct mx_term *items[4] = {x0, x1, x2, x3};
	return mx_term_tuple(a, items, n);
}

/* add/3, add_if_not_exists/3, modify/3 */
static int add_like(struct ecto_ddl_ctx *ctx, const char *op, const char *fun,
                    struct mx_term *column, struct mx_term *type, struct mx_term *opts)
{
	struct mx_arena *a = ctx->arena;

	if (!opts)
		opts = ecto_kw_new(a);
	if (!ecto_t_is_atom(column) || !ecto_t_is_list(opts))
		return fce(&ctx->raise, fun);
	type = complete(a, type);
	if (validate_precision(opts, column, &ctx->raise) < 0 ||
	    validate_type(type, &ctx->raise) < 0)
		return -1;
	return subcommand(ctx, tuple(a, 4, mx_term_atom(a, op), column, type, opts));
}

/* timestamps/1 */
static int timestamps(struct ecto_ddl_ctx *ctx, const struct mx_term *opts)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *kw, *type, *ins, *upd;
	const struct mx_term *v;

	if (!ecto_t_is_list(opts))
		return fce(&ctx->raise, "Ecto.Migration.timestamps/1");
	kw = ecto_kw_merge(a, cfg_ts(a, ctx->cfg), opts);
	kw = ecto_kw_put_new(a, kw, "null", mx_term_bool(a, false));
	v = ecto_kw_fetch(kw, "type");
	type = v ? (struct mx_term *)v : mx_term_atom(a, "naive_datetime");
	kw = ecto_kw_delete(a, kw, "type");
	v = ecto_kw_fetch(kw, "inserted_at");
	ins = v ? (struct mx_term *)v : mx_term_atom(a, "inserted_at");
	kw = ecto_kw_delete(a, kw, "inserted_at");
	v = ecto_kw_fetch(kw, "updated_at");
	upd = v ? (struct mx_term *)v : mx_term_atom(a, "updated_at");
	kw = ecto_kw_delete(a, kw, "updated_at");
	if (!ecto_t_atom(ins, "false") &&
	    add_like(ctx, "add", "Ecto.Migration.add/3", ins, type, kw) < 0)
		return -1;
	if (!ecto_t_atom(upd, "false") &&
	    add_like(ctx, "add", "Ecto.Migration.add/3", upd, type, kw) < 0)
		return -1;
	return 0;
}

int ecto_ddl_block_begin(struct ecto_ddl_ctx *ctx, const char *op, struct mx_term *object)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *t, *name, *type, *opts;

	object = complete(a, object);
	if (!ecto_t_is_struct(object, ECTO_TABLE)) {
		struct mx_buf q = MX_BUF_INIT;
		ecto_t_inspect(object, &q);
		ecto_ddl_raise(&ctx->raise, "MatchError", "no match of right hand side value: %s",
		               q.buf);
		mx_buf_release(&q);
		return -1;
	}
	t = with_prefix(ctx, object);
	if (!t)
		return -1;
	/* Runner.start_command/1 */
	if (ctx->block_op) {
		ctx->block_op = mx_term_atom(a, op);
		return ecto_ddl_raise(&ctx->raise, "Ecto.MigrationError",
		                      "cannot execute nested commands");
	}
	ctx->block_op = mx_term_atom(a, op);
	ctx->block_table = t;
	ctx->block_pos = ctx->cur;
	ctx->nsubs = 0;
	if (strcmp(op, "alter")) {
		if (primary_key(ctx, object, &name, &type, &opts) < 0)
			return -1;
		if (name && add_like(ctx, "add", "Ecto.Migration.add/3", name, type, opts) < 0)
			return -1;
	}
	return 0;
}

int ecto_ddl_block_end(struct ecto_ddl_ctx *ctx, struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *cmd;
	bool alter;

	if (!ctx->block_op)
		return ecto_ddl_raise(&ctx->raise, "MatchError",
		                      "no match of right hand side value: nil");
	alter = mx_term_is_atom(ctx->block_op, "alter");
	cmd = tuple(a, 3, ctx->block_op, ctx->block_table, mx_term_list(a, ctx->subs, ctx->nsubs),
	            NULL);
	if (result)
		*result = alter ? mx_term_atom(a, "ok") : ctx->block_table;
	ctx->block_op = NULL;
	ctx->nsubs = 0;
	ctx->cur = ctx->block_pos;
	push_cmd(ctx, cmd);
	return 0;
}

/* create/1 and create_if_not_exists/1 without a block. */
static int create1(struct ecto_ddl_ctx *ctx, const char *op, struct mx_term *obj,
                   struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	bool cine = !strcmp(op, "create_if_not_exists");
	struct mx_term *p, *name, *type, *opts, *cols;

	obj = complete(a, obj);
	if (ecto_t_is_struct(obj, ECTO_INDEX) ||
	    (!cine && ecto_t_is_struct(obj, ECTO_CONSTRAINT))) {
		if (!(p = with_prefix(ctx, obj)) ||
		    queue(ctx, tuple(a, 2, mx_term_atom(a, op), p, NULL, NULL)) < 0)
			return -1;
		*result = cine ? mx_term_atom(a, "ok") : obj;
		return 1;
	}
	if (ecto_t_is_struct(obj, ECTO_TABLE)) {
		/* do_create/2: only the primary key, and not through add/3 */
		if (primary_key(ctx, obj, &name, &type, &opts) < 0)
			return -1;
		cols = ecto_kw_new(a);
		if (name) {
			struct mx_term *col = tuple(a, 4, mx_term_atom(a, "add"), name, type, opts);
			cols = mx_term_list(a, &col, 1);
		}
		if (!(p = with_prefix(ctx, obj)) ||
		    queue(ctx, tuple(a, 3, mx_term_atom(a, op), p, cols, NULL)) < 0)
			return -1;
		*result = cine ? mx_term_atom(a, "ok") : obj;
		return 1;
	}
	return fce(&ctx->raise,
	           cine ? "Ecto.Migration.create_if_not_exists/1" : "Ecto.Migration.create/1");
}

static int drop(struct ecto_ddl_ctx *ctx, const char *op, struct mx_term **args, size_t nargs,
                struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	const struct mx_term *opts = nargs > 1 ? args[1] : NULL;
	const struct mx_term *mode = ecto_kw_fetch(opts, "mode");
	struct mx_term *p;

	if (!args[0] || args[0]->type != MX_TERM_MAP || (opts && !ecto_t_is_list(opts)))
		return fce(&ctx->raise, strcmp(op, "drop") ? "Ecto.Migration.drop_if_exists/2"
		                                           : "Ecto.Migration.drop/2");
	if (!(p = with_prefix(ctx, args[0])))
		return -1;
	if (queue(ctx, tuple(a, 3, mx_term_atom(a, op), p,
	                     mode ? (struct mx_term *)mode : mx_term_atom(a, "restrict"), NULL)) <
	    0)
		return -1;
	*result = args[0];
	return 1;
}

/* The value of a one-pair keyword list [to: x], or NULL. */
static struct mx_term *to_kw(const struct mx_term *kw)
{
	if (!ecto_t_is_list(kw) || kw->u.list.n != 1 || !ecto_t_is_tuple(kw->u.list.items[0], 2) ||
	    !ecto_t_atom(kw->u.list.items[0]->u.tuple.items[0], "to"))
		return NULL;
	return kw->u.list.items[0]->u.tuple.items[1];
}

static int rename_cmd(struct ecto_ddl_ctx *ctx, struct mx_term **args, size_t nargs,
                      struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *to = to_kw(args[nargs - 1]), *p, *q;
	struct mx_term *rn = mx_term_atom(a, "rename");

	if (nargs == 2 && to && ecto_t_is_struct(args[0], ECTO_TABLE) &&
	    ecto_t_is_struct(to, ECTO_TABLE)) {
		if (!(p = with_prefix(ctx, args[0])) || !(q = with_prefix(ctx, to)) ||
		    queue(ctx, tuple(a, 3, rn, p, q, NULL)) < 0)
			return -1;
		*result = to;
		return 1;
	}
	if (nargs == 2 && to && ecto_t_is_struct(args[0], ECTO_INDEX)) {
		if (!(p = with_prefix(ctx, args[0])) ||
		    queue(ctx, tuple(a, 3, rn, p, to, NULL)) < 0)
			return -1;
		*result = ecto_t_struct_put(a, args[0], "name", to);
		return 1;
	}
	if (nargs == 3 && to && ecto_t_is_struct(args[0], ECTO_TABLE) && ecto_t_is_atom(args[1]) &&
	    ecto_t_is_atom(to)) {
		if (!(p = with_prefix(ctx, args[0])) ||
		    queue(ctx, tuple(a, 4, rn, p, args[1], to)) < 0)
			return -1;
		*result = args[0];
		return 1;
	}
	return fce(&ctx->raise, nargs == 2 ? "Ecto.Migration.rename/2" : "Ecto.Migration.rename/3");
}

static bool is_fun(const struct mx_term *t)
{
	return t && t->type == MX_TERM_FUN;
}

static int execute(struct ecto_ddl_ctx *ctx, struct mx_term **args, size_t nargs,
                   struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;

	for (size_t i = 0; i < nargs; i++) {
		if (is_fun(args[i])) {
			ecto_ddl_raise(
			    &ctx->raise, "",
			    "execute/%zu with an anonymous function "
			    "runs Elixir code at migration time, which ecto-migrate cannot do",
			    nargs);
			return ECTO_DDL_UNSUPPORTED;
		}
		if (!ecto_t_is_binary(args[i]) && !ecto_t_is_list(args[i]))
			return fce(&ctx->raise, nargs == 1 ? "Ecto.Migration.execute/1"
			                                   : "Ecto.Migration.execute/2");
	}
	if (nargs == 1) {
		if (queue(ctx, args[0]) < 0)
			return -1;
	} else {
		static const char *const f[] = {"up", "down"};
		if (queue(ctx, ecto_t_struct(a, ECTO_COMMAND, f, args, 2)) < 0)
			return -1;
	}
	*result = mx_term_atom(a, "ok");
	return 1;
}

static int execute_file(struct ecto_ddl_ctx *ctx, struct mx_term **args, size_t nargs,
                        struct mx_term **result)
{
	struct mx_term *sql[2];

	for (size_t i = 0; i < nargs; i++) {
		struct mx_buf data = MX_BUF_INIT;
		struct mx_err e = MX_ERR_INIT;
		char *path;
		int ret;

		if (!ecto_t_is_binary(args[i]))
			return fce(&ctx->raise, nargs == 1 ? "Ecto.Migration.execute_file/1"
			                                   : "Ecto.Migration.execute_file/2");
		path = mx_xstrndup(args[i]->u.bin.data, args[i]->u.bin.len);
		ret = mx_fs_read(path, &data, &e);
		if (ret < 0) {
			/* Erlang's :file.format_error spells reasons in lower case. */
			char reason[sizeof(e.msg)];
			snprintf(reason, sizeof(reason), "%s",
			         e.sys_errno ? strerror(e.sys_errno) : e.msg);
			reason[0] = (char)tolower((unsigned char)reason[0]);
			ecto_ddl_raise(&ctx->raise, "File.Error", "could not read file \"%s\": %s",
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

int ecto_ddl_call(struct ecto_ddl_ctx *ctx, const char *name, struct mx_term **args, size_t nargs,
                  struct mx_term **result)
{
	struct mx_arena *a = ctx->arena;
	struct mx_term *t;
	struct ecto_ddl_raise *r = &ctx->raise;

#define IS(fn, lo, hi) (!strcmp(name, fn) && nargs + 1 >= (lo) + 1u && nargs <= (hi))
	if (IS("table", 1, 2)) {
		t = ecto_ddl_table(a, args[0], nargs > 1 ? args[1] : NULL, r);
	} else if (IS("index", 2, 3)) {
		t = ecto_ddl_index(a, args[0], args[1], nargs > 2 ? args[2] : NULL, r);
	} else if (IS("unique_index", 2, 3)) {
		const struct mx_term *opts = nargs > 2 ? args[2] : ecto_kw_new(a);
		struct mx_term *u =
		    mx_term_tuple2(a, mx_term_atom(a, "unique"), mx_term_bool(a, true));
		if (!ecto_t_is_list(opts))
			return fce(r, "Ecto.Migration.unique_index/3");
		/* index(table, columns, [unique: true] ++ opts) */
		{
			size_t n = opts->u.list.n;
			struct mx_term **items = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
			items[0] = u;
			for (size_t i = 0; i < n; i++)
				items[i + 1] = opts->u.list.items[i];
			t = ecto_ddl_index(a, args[0], args[1], mx_term_list(a, items, n + 1), r);
		}
	} else if (IS("references", 1, 2)) {
		t = ecto_ddl_references(a, ctx->cfg, args[0], nargs > 1 ? args[1] : NULL, r);
	} else if (IS("constraint", 2, 3)) {
		t = ecto_ddl_constraint(a, args[0], args[1], nargs > 2 ? args[2] : NULL, r);
	} else if (IS("fragment", 1, 1)) {
		if (!ecto_t_is_binary(args[0]))
			return fce(r, "Ecto.Migration.fragment/1");
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
	} else if (IS("flush", 0, 0)) {
		if (ctx->migrator_down && !ctx->has_down)
			return ecto_ddl_raise(
			    r, "RuntimeError",
			    "calling flush() inside change when doing rollback is not supported.");
		if (ecto_ddl_flush(ctx) < 0)
			return -1;
		t = mx_term_list(a, NULL, 0);
	} else if (IS("add", 2, 3) || IS("add_if_not_exists", 2, 3) || IS("modify", 2, 3)) {
		char fun[64];
		snprintf(fun, sizeof(fun), "Ecto.Migration.%s/3", name);
		if (add_like(ctx, name, fun, args[0], args[1], nargs > 2 ? args[2] : NULL) < 0)
			return -1;
		t = mx_term_atom(a, "ok");
	} else if (IS("remove", 1, 3)) {
		if (!ecto_t_is_atom(args[0]))
			return fce(r, nargs == 1 ? "Ecto.Migration.remove/1"
			                         : "Ecto.Migration.remove/3");
		if (nargs == 1) {
			t = mx_term_tuple2(a, mx_term_atom(a, "remove"), args[0]);
		} else {
			if (validate_type(args[1], r) < 0)
				return -1;
			t = tuple(a, 4, mx_term_atom(a, "remove"), args[0], args[1],
			          nargs > 2 ? args[2] : ecto_kw_new(a));
		}
		if (subcommand(ctx, t) < 0)
			return -1;
		t = mx_term_atom(a, "ok");
	} else if (IS("remove_if_exists", 1, 2)) {
		if (!ecto_t_is_atom(args[0]))
			return fce(r, nargs == 1 ? "Ecto.Migration.remove_if_exists/1"
			                         : "Ecto.Migration.remove_if_exists/2");
		if (nargs == 1) {
			t = mx_term_tuple2(a, mx_term_atom(a, "remove_if_exists"), args[0]);
		} else {
			if (validate_type(args[1], r) < 0)
				return -1;
			t = tuple(a, 3, mx_term_atom(a, "remove_if_exists"), args[0], args[1],
			          NULL);
		}
		if (subcommand(ctx, t) < 0)
			return -1;
		t = mx_term_atom(a, "ok");
	} else if (IS("timestamps", 0, 1)) {
		if (timestamps(ctx, nargs ? args[0] : ecto_kw_new(a)) < 0)
			return -1;
		t = mx_term_atom(a, "ok");
	} else if (IS("direction", 0, 0)) {
		t = mx_term_atom(a, ctx->migrator_down ? "down" : "up");
	} else if (IS("prefix", 0, 0)) {
		t = ctx->cfg && ctx->cfg->prefix ? mx_term_string(a, ctx->cfg->prefix)
		                                 : mx_term_nil(a);
	} else if (IS("repo", 0, 0)) {
		ecto_ddl_raise(r, "",
		               "repo/0 gives the running Ecto repo, which ecto-migrate "
		               "does not have (no Elixir runs)");
		return ECTO_DDL_UNSUPPORTED;
	} else {
		return 0;
	}
#undef IS
	if (!t)
		return -1;
	*result = t;
	return 1;
}

/* ---- Reversal (Runner.reverse/1) ----------------------------------------- */

/* table_reverse/2: NULL when a change cannot be reversed. */
static struct mx_term *table_reverse(struct mx_arena *a, const struct mx_term *changes)
{
	size_t n = changes->u.list.n;
	struct mx_term **out = MX_ARENA_NEWN(a, struct mx_term *, n + 1);

	for (size_t i = 0; i < n; i++) {
		const struct mx_term *c = changes->u.list.items[i];
		struct mx_term *op, *name, *type, *opts, *rev;
		if (!ecto_t_is_tuple(c, 4))
			return NULL;
		op = c->u.tuple.items[0];
		name = c->u.tuple.items[1];
		type = c->u.tuple.items[2];
		opts = c->u.tuple.items[3];
		if (ecto_t_atom(op, "remove")) {
			rev = tuple(a, 4, mx_term_atom(a, "add"), name, type, opts);
		} else if (ecto_t_atom(op, "modify")) {
			const struct mx_term *from = ecto_kw_fetch(opts, "from");
			if (!from || mx_term_is_nil(from))
				return NULL;
			if (ecto_t_is_tuple(from, 2) && ecto_t_is_list(from->u.tuple.items[1])) {
				struct mx_term *rfrom =
				    mx_term_tuple2(a, type, ecto_kw_delete(a, opts, "from"));
				rev = tuple(a, 4, op, name, from->u.tuple.items[0],
				            ecto_kw_put(a, from->u.tuple.items[1], "from", rfrom));
			} else {
				rev = tuple(a, 4, op, name, (struct mx_term *)from,
				            ecto_kw_put(a, opts, "from", type));
			}
		} else if (ecto_t_atom(op, "add")) {
			rev = tuple(a, 4, mx_term_atom(a, "remove"), name, type, ecto_kw_new(a));
		} else {
			return NULL;
		}
		out[n - 1 - i] = rev;
	}
	return mx_term_list(a, out, n);
}

struct mx_term *ecto_ddl_reverse(struct mx_arena *a, const struct mx_term *cmd)
{
	struct mx_term *op, *obj, *third;
	struct mx_term *restrict_ = mx_term_atom(a, "restrict");

	if (!cmd || cmd->type != MX_TERM_TUPLE || cmd->u.tuple.n < 2)
		return NULL;
	op = cmd->u.tuple.items[0];
	obj = cmd->u.tuple.items[1];
	third = cmd->u.tuple.n > 2 ? cmd->u.tuple.items[2] : NULL;

	if (ecto_t_is_struct(obj, ECTO_INDEX)) {
		if (cmd->u.tuple.n == 2 && ecto_t_atom(op, "create"))
			return tuple(a, 3, mx_term_atom(a, "drop"), obj, restrict_, NULL);
		if (cmd->u.tuple.n == 2 && ecto_t_atom(op, "create_if_not_exists"))
			return tuple(a, 3, mx_term_atom(a, "drop_if_exists"), obj, restrict_, NULL);
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "drop"))
			return tuple(a, 2, mx_term_atom(a, "create"), obj, NULL, NULL);
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "drop_if_exists"))
			return tuple(a, 2, mx_term_atom(a, "create_if_not_exists"), obj, NULL,
			             NULL);
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "rename"))
			return tuple(a, 3, op, ecto_t_struct_put(a, obj, "name", third),
			             (struct mx_term *)ecto_t_field(obj, "name"), NULL);
		return NULL;
	}
	if (ecto_t_is_struct(obj, ECTO_TABLE)) {
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "create"))
			return tuple(a, 3, mx_term_atom(a, "drop"), obj, restrict_, NULL);
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "create_if_not_exists"))
			return tuple(a, 3, mx_term_atom(a, "drop_if_exists"), obj, restrict_, NULL);
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "rename") &&
		    ecto_t_is_struct(third, ECTO_TABLE))
			return tuple(a, 3, op, third, obj, NULL);
		if (cmd->u.tuple.n == 4 && ecto_t_atom(op, "rename"))
			return tuple(a, 4, op, obj, cmd->u.tuple.items[3], third);
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "alter") && ecto_t_is_list(third)) {
			struct mx_term *rev = table_reverse(a, third);
			return rev ? tuple(a, 3, op, obj, rev, NULL) : NULL;
		}
		return NULL;
	}
	if (ecto_t_is_struct(obj, ECTO_CONSTRAINT) && cmd->u.tuple.n == 2) {
		if (ecto_t_atom(op, "create_if_not_exists"))
			return tuple(a, 3, mx_term_atom(a, "drop_if_exists"), obj, restrict_, NULL);
		if (ecto_t_atom(op, "create"))
			return tuple(a, 3, mx_term_atom(a, "drop"), obj, restrict_, NULL);
	}
	return NULL;
}

/* ---- Flush: commands to steps -------------------------------------------- */

static struct ecto_step *new_step(struct ecto_plan *plan)
{
	struct ecto_step *s;
	MX_ALLOC_GROW(plan->steps, plan->n + 1, plan->alloc);
	s = &plan->steps[plan->n++];
	memset(s, 0, sizeof(*s));
	s->sql = (struct mx_strvec)MX_STRVEC_INIT;
	return s;
}

static int run_command(struct ecto_ddl_ctx *ctx, const struct mx_term *cmd)
{
	struct mx_buf log = MX_BUF_INIT;
	struct mx_strvec sql = MX_STRVEC_INIT;
	const char *map_type = ctx->cfg ? ctx->cfg->map_type : NULL;
	struct ecto_step *s;
	const struct mx_term *ix = NULL;
	size_t len;

	if (ecto_ddl_log(cmd, &log, &ctx->raise) < 0 ||
	    ecto_ddl_sql(cmd, map_type, &sql, &ctx->raise) < 0) {
		mx_buf_release(&log);
		mx_strvec_clear(&sql);
		return -1;
	}
	s = new_step(ctx->plan);
	s->log = mx_buf_detach(&log, &len);
	s->sql = sql;
	if (ecto_t_is_tuple(cmd, 2) && ecto_t_is_struct(cmd->u.tuple.items[1], ECTO_INDEX))
		ix = cmd->u.tuple.items[1];
	if (ix && ecto_t_atom(ecto_t_field(ix, "concurrently"), "true")) {
		struct mx_buf n = MX_BUF_INIT, t = MX_BUF_INIT;
		ecto_t_to_string(ecto_t_field(ix, "name"), &n);
		ecto_t_to_string(ecto_t_field(ix, "table"), &t);
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
	return 0;
}

int ecto_ddl_flush(struct ecto_ddl_ctx *ctx)
{
	struct mx_arena *a = ctx->arena;
	size_t n = ctx->ncmds;
	int ret = 0;

	ctx->ncmds = 0;
	for (size_t k = 0; k < n && !ret; k++) {
		bool back = ctx->direction == ECTO_DDL_BACKWARD;
		size_t i = back ? n - 1 - k : k;
		const struct mx_term *cmd = ctx->cmds[i];

		if (ecto_t_is_struct(cmd, ECTO_COMMAND)) {
			ret = run_command(ctx, ecto_t_field(cmd, back ? "down" : "up"));
		} else if (!back) {
			ret = run_command(ctx, cmd);
		} else {
			const struct mx_term *rev = ecto_ddl_reverse(a, cmd);
			if (rev) {
				ret = run_command(ctx, rev);
			} else {
				struct mx_buf what = MX_BUF_INIT;
				if (ecto_ddl_log(cmd, &what, &ctx->raise) == 0)
					ecto_ddl_raise(
					    &ctx->raise, "Ecto.MigrationError",
					    "cannot reverse migration command: %s. You will need "
					    "to explicitly define up/0 and down/0 in your "
					    "migration",
					    what.buf);
				mx_buf_release(&what);
				ret = -1;
			}
		}
		if (ret && ctx->pos[i].file && !ctx->raise.err.file[0]) {
			snprintf(ctx->raise.err.file, sizeof(ctx->raise.err.file), "%s",
			         ctx->pos[i].file);
			ctx->raise.err.line = ctx->pos[i].line;
			ctx->raise.err.col = ctx->pos[i].col;
		}
	}
	return ret;
}
