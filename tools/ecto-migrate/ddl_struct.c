/*
 * ddl_struct: Ecto.Migration's structs (Table, Index, Reference,
 * Constraint) as its table/2, index/3, references/2 and constraint/3 build
 * them: Ecto's defaults, then the options through struct!/2, which refuses
 * an unknown key with KeyError. See ddl.h.
 */
#include <string.h>

#include "ddl.h"
#include "ddl_priv.h"

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

/* vals[0..n) all nil: the fields Ecto's defstruct leaves without default. */
static void nil_fields(struct mx_arena *a, struct mx_term **vals, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vals[i] = mx_term_nil(a);
}

/* struct!/2: every {key, value} of opts replaces a field, in order (so a
 * later key wins); an unknown key raises KeyError. */
static struct mx_term *struct_bang(struct mx_arena *a, struct mx_term *s,
                                   const struct mx_term *opts, struct em_ddl_raise *r)
{
	if (!em_t_is_list(opts)) {
		em_ddl_no_clause(r, "Kernel.struct!/2");
		return NULL;
	}
	for (size_t i = 0; i < opts->u.list.n; i++) {
		const struct mx_term *kv = opts->u.list.items[i];
		const struct mx_term *k;
		if (!em_t_is_tuple(kv, 2) || !em_t_is_atom(kv->u.tuple.items[0])) {
			em_ddl_no_clause(r, "Kernel.struct!/2");
			return NULL;
		}
		k = kv->u.tuple.items[0];
		if (mx_term_is_atom(k, "__struct__"))
			continue;
		if (!em_t_field(s, k->u.atom.name)) {
			em_ddl_raise_inspect(r, "KeyError", "key %s not found in: %s", k, s);
			return NULL;
		}
		s = em_t_struct_put(a, s, k->u.atom.name, kv->u.tuple.items[1]);
	}
	return s;
}

/* table/1 and index/3 take the table name as an atom or a string. */
static struct mx_term *table_name(struct mx_arena *a, const struct mx_term *name)
{
	if (em_t_is_atom(name))
		return mx_term_binary(a, name->u.atom.name, name->u.atom.len);
	if (em_t_is_binary(name))
		return (struct mx_term *)name;
	return NULL;
}

struct mx_term *em_ddl_table(struct mx_arena *a, const struct em_ddl_config *cfg,
                             const struct mx_term *name, const struct mx_term *opts,
                             struct em_ddl_raise *r)
{
	struct mx_term *vals[NFIELDS(table_fields)];
	struct mx_term *n = table_name(a, name);
	/* :modifiers (the last field) arrived in 3.14; before, struct!/2
	 * refuses it as an unknown key. */
	size_t nfields = NFIELDS(table_fields) -
	                 !mx_ecto_sql_has(cfg ? cfg->ecto_sql : MX_ECTO_SQL_LATEST,
	                                  MX_ECTO_SQL_TABLE_MODIFIERS);

	if (!n || (opts && !em_t_is_list(opts))) {
		em_ddl_no_clause(r, "Ecto.Migration.table/2");
		return NULL;
	}
	nil_fields(a, vals, NFIELDS(table_fields));
	vals[0] = n;
	vals[3] = mx_term_bool(a, true);
	return struct_bang(
	    a, em_t_struct(a, EM_STRUCT_TABLE, table_fields, vals, nfields),
	    opts ? opts : em_kw_new(a), r);
}

/* column_name/1 of default_index_name: to_string, every byte that is not a
 * word character replaced by '_' (the regex has no unicode flag, so it works
 * on bytes), trailing '_' removed. */
static int index_name_part(struct mx_buf *b, const struct mx_term *c, bool directions,
                           struct em_ddl_raise *r)
{
	size_t start = b->len;

	/* {dir, column} names the column (3.13); before, to_string/1 of the
	 * tuple raised. */
	if (directions && em_t_is_tuple(c, 2))
		c = c->u.tuple.items[1];
	if (em_ddl_to_string(b, c, r) < 0)
		return -1;
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
static int index_name_cols(struct mx_buf *b, const struct mx_term *cols, bool directions,
                           struct em_ddl_raise *r)
{
	for (size_t i = 0; i < cols->u.list.n; i++) {
		const struct mx_term *c = cols->u.list.items[i];
		if (em_t_is_list(c)) {
			if (index_name_cols(b, c, directions, r) < 0)
				return -1;
			continue;
		}
		if (index_name_part(b, c, directions, r) < 0)
			return -1;
		mx_buf_addch(b, '_');
	}
	return 0;
}

/* default_index_name/1: [table, columns, "index"] |> List.flatten, joined
 * by '_', as an atom. */
static struct mx_term *default_index_name(struct mx_arena *a, const struct em_ddl_config *cfg,
                                          const struct mx_term *ix, struct em_ddl_raise *r)
{
	struct mx_buf b = MX_BUF_INIT;
	const struct mx_term *cols = em_t_field(ix, "columns");
	struct mx_term *name = NULL;
	bool dirs = mx_ecto_sql_has(cfg ? cfg->ecto_sql : MX_ECTO_SQL_LATEST,
	                            MX_ECTO_SQL_INDEX_DIRECTIONS);
	int ret = index_name_part(&b, em_t_field(ix, "table"), dirs, r);

	if (!ret) {
		mx_buf_addch(&b, '_');
		ret = em_t_is_list(cols) ? index_name_cols(&b, cols, dirs, r)
		                           : index_name_part(&b, cols, dirs, r);
	}
	if (!ret) {
		if (!em_t_is_list(cols))
			mx_buf_addch(&b, '_');
		mx_buf_adds(&b, "index");
		name = mx_term_atomn(a, b.buf, b.len);
	}
	mx_buf_release(&b);
	return name;
}

/* validate_index_opts!/1 */
static int validate_index_opts(const struct mx_term *opts, struct em_ddl_raise *r)
{
	const struct mx_term *nd = em_kw_fetch(opts, "nulls_distinct");
	size_t nwhere = 0;

	if (nd && !mx_term_is_nil(nd) && !em_t_atom(em_kw_fetch(opts, "unique"), "true"))
		return em_ddl_raise(
		    r, "ArgumentError",
		    "the `nulls_distinct` option can only be used with unique indexes");
	for (size_t i = 0; i < opts->u.list.n; i++) {
		const struct mx_term *kv = opts->u.list.items[i];
		if (em_t_is_tuple(kv, 2) && em_t_atom(kv->u.tuple.items[0], "where"))
			nwhere++;
	}
	if (nwhere > 1)
		return em_ddl_raise(
		    r, "ArgumentError",
		    "only one `where` keyword is supported when declaring a partial index. To "
		    "specify multiple conditions, write a single WHERE clause using AND between "
		    "them");
	return 0;
}

struct mx_term *em_ddl_index(struct mx_arena *a, const struct em_ddl_config *cfg,
                             const struct mx_term *table, const struct mx_term *columns,
                             const struct mx_term *opts, struct em_ddl_raise *r)
{
	struct mx_term *vals[NFIELDS(index_fields)];
	struct mx_term *t = table_name(a, table), *ix, *name;

	if (!opts)
		opts = em_kw_new(a);
	if (t && em_t_is_atom(columns))
		columns = mx_term_list(a, (struct mx_term **)&columns, 1);
	if (!t || !em_t_is_list(columns) || !em_t_is_list(opts)) {
		em_ddl_no_clause(r, "Ecto.Migration.index/3");
		return NULL;
	}
	if (validate_index_opts(opts, r) < 0)
		return NULL;
	nil_fields(a, vals, NFIELDS(index_fields));
	vals[0] = t;
	vals[3] = (struct mx_term *)columns;
	vals[4] = mx_term_bool(a, false);
	vals[5] = mx_term_bool(a, false);
	vals[7] = em_kw_new(a);
	vals[8] = mx_term_bool(a, false);
	ix = struct_bang(
	    a, em_t_struct(a, EM_STRUCT_INDEX, index_fields, vals, NFIELDS(index_fields)), opts,
	    r);
	if (!ix || mx_term_truthy(em_t_field(ix, "name")))
		return ix;
	name = default_index_name(a, cfg, ix, r);
	return name ? em_t_struct_put(a, ix, "name", name) : NULL;
}

static int check_on_delete(const struct mx_term *v, const struct em_ddl_config *cfg,
                           struct em_ddl_raise *r)
{
	static const char *const ok[] = {"nothing", "delete_all", "nilify_all", "restrict",
	                                 "default_all"};
	/* :default_all and {:default, columns} (ON DELETE SET DEFAULT) are
	 * unknown values before 3.13 (3.13.2 exactly). */
	bool set_default = mx_ecto_sql_has(cfg ? cfg->ecto_sql : MX_ECTO_SQL_LATEST,
	                                   MX_ECTO_SQL_ON_DELETE_SET_DEFAULT);

	for (size_t i = 0; i < NFIELDS(ok) - !set_default; i++)
		if (em_t_atom(v, ok[i]))
			return 0;
	if (em_t_is_tuple(v, 2) && em_t_is_list(v->u.tuple.items[1]) &&
	    (em_t_atom(v->u.tuple.items[0], "nilify") ||
	     (set_default && em_t_atom(v->u.tuple.items[0], "default")))) {
		const struct mx_term *cols = v->u.tuple.items[1];
		for (size_t i = 0; i < cols->u.list.n; i++)
			if (!em_t_is_atom(cols->u.list.items[i]))
				return em_ddl_raise_inspect(r, "ArgumentError",
				                            "expected `columns` in `{%s, columns}` "
				                            "to be a list of atoms, got: %s",
				                            v->u.tuple.items[0], cols);
		return 0;
	}
	return em_ddl_raise_inspect(r, "ArgumentError", "unknown :on_delete value: %s", v, NULL);
}

static int check_on_update(const struct mx_term *v, struct em_ddl_raise *r)
{
	static const char *const ok[] = {"nothing", "update_all", "nilify_all", "restrict"};

	for (size_t i = 0; i < NFIELDS(ok); i++)
		if (em_t_atom(v, ok[i]))
			return 0;
	return em_ddl_raise_inspect(r, "ArgumentError", "unknown :on_update value: %s", v, NULL);
}

struct mx_term *em_ddl_references(struct mx_arena *a, const struct em_ddl_config *cfg,
                                  const struct mx_term *table, const struct mx_term *opts,
                                  struct em_ddl_raise *r)
{
	struct mx_term *vals[NFIELDS(ref_fields)];
	struct mx_term *t = table_name(a, table), *ref, *merged;
	const struct mx_term *pk;

	if (!opts)
		opts = em_kw_new(a);
	if (!t || !em_t_is_list(opts)) {
		em_ddl_no_clause(r, "Ecto.Migration.references/2");
		return NULL;
	}
	/* foreign_key_repo_opts/0, then the call's options, then options: [prefix: ...] */
	pk = em_ddl_repo_config(a, cfg, "migration_primary_key");
	merged = em_kw_take1(a, em_t_is_list(pk) ? pk : em_kw_new(a), "type");
	merged = em_kw_merge(a, merged, em_ddl_repo_config(a, cfg, "migration_foreign_key"));
	merged = em_kw_merge(a, merged, opts);
	merged = em_kw_put(a, merged, "options", em_kw_take1(a, opts, "prefix"));

	nil_fields(a, vals, NFIELDS(ref_fields));
	vals[2] = t;
	vals[3] = mx_term_atom(a, "id");
	vals[4] = mx_term_atom(a, "bigserial");
	vals[5] = mx_term_atom(a, "nothing");
	vals[6] = mx_term_atom(a, "nothing");
	vals[7] = mx_term_bool(a, true);
	vals[8] = em_kw_new(a);
	vals[10] = em_kw_new(a);
	ref = struct_bang(
	    a, em_t_struct(a, EM_STRUCT_REFERENCE, ref_fields, vals, NFIELDS(ref_fields)), merged,
	    r);
	if (!ref || check_on_delete(em_t_field(ref, "on_delete"), cfg, r) < 0 ||
	    check_on_update(em_t_field(ref, "on_update"), r) < 0)
		return NULL;
	return ref;
}

struct mx_term *em_ddl_constraint(struct mx_arena *a, const struct mx_term *table,
                                  const struct mx_term *name, const struct mx_term *opts,
                                  struct em_ddl_raise *r)
{
	struct mx_term *vals[NFIELDS(constraint_fields)];
	struct mx_term *t = table_name(a, table);

	if (!opts)
		opts = em_kw_new(a);
	if (!t || !em_t_is_list(opts)) {
		em_ddl_no_clause(r, "Ecto.Migration.constraint/3");
		return NULL;
	}
	nil_fields(a, vals, NFIELDS(constraint_fields));
	vals[0] = (struct mx_term *)name;
	vals[1] = t;
	vals[6] = mx_term_bool(a, true);
	return struct_bang(a,
	                   em_t_struct(a, EM_STRUCT_CONSTRAINT, constraint_fields, vals,
	                                 NFIELDS(constraint_fields)),
	                   opts, r);
}

/* Each struct's defaults: its constructor with neutral arguments, then
 * Ecto's defaults for what the constructors derive from their arguments
 * (the table, and an index's default name). */
static struct mx_term *defaults(struct mx_arena *a, const char *module)
{
	struct em_ddl_raise ignored = EM_DDL_RAISE_INIT;
	struct mx_term *none = mx_term_string(a, "");
	struct mx_term *s;

	if (!strcmp(module, EM_STRUCT_TABLE))
		return em_t_struct_put(a, em_ddl_table(a, NULL, none, NULL, &ignored), "name",
		                         mx_term_nil(a));
	if (!strcmp(module, EM_STRUCT_INDEX))
		s = em_ddl_index(a, NULL, none, em_kw_new(a), NULL, &ignored);
	else if (!strcmp(module, EM_STRUCT_REFERENCE))
		return em_t_struct_put(a, em_ddl_references(a, NULL, none, NULL, &ignored),
		                         "table", mx_term_nil(a));
	else
		s = em_ddl_constraint(a, none, mx_term_nil(a), NULL, &ignored);
	s = em_t_struct_put(a, s, "table", mx_term_nil(a));
	return em_t_struct_put(a, s, "name", mx_term_nil(a));
}

struct mx_term *em_ddl_complete(struct mx_arena *a, struct mx_term *t)
{
	static const struct {
		const char *module;
		const char *const *fields;
		size_t n;
	} kinds[] = {
	    {EM_STRUCT_TABLE, table_fields, NFIELDS(table_fields)},
	    {EM_STRUCT_INDEX, index_fields, NFIELDS(index_fields)},
	    {EM_STRUCT_REFERENCE, ref_fields, NFIELDS(ref_fields)},
	    {EM_STRUCT_CONSTRAINT, constraint_fields, NFIELDS(constraint_fields)},
	};

	for (size_t k = 0; k < NFIELDS(kinds); k++) {
		struct mx_term *full;
		bool missing = false;
		if (!em_t_is_struct(t, kinds[k].module))
			continue;
		for (size_t i = 0; i < kinds[k].n; i++)
			missing |= !em_t_field(t, kinds[k].fields[i]);
		if (!missing)
			return t;
		full = defaults(a, kinds[k].module);
		for (size_t i = 0; i < t->u.map.n; i++) {
			const struct mx_term *key = t->u.map.keys[i];
			if (em_t_is_atom(key) && !mx_term_is_atom(key, "__struct__") &&
			    em_t_field(full, key->u.atom.name))
				full =
				    em_t_struct_put(a, full, key->u.atom.name, t->u.map.vals[i]);
		}
		return full;
	}
	return t;
}
