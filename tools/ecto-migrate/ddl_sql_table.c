/*
 * ddl_sql_table: execute_ddl/1 for tables (create, alter, drop, rename) and
 * the column clauses inside them (column_definition/2, column_change/2,
 * pk_definition/2, comments_for_columns/2).
 */
#include "ddl_priv.h"
#include "ddl_sql_priv.h"

/* A subcommand {op, name}, {op, name, type} or {op, name, type, opts}. */
struct sub {
	const struct mx_term *op, *name, *type, *opts;
	size_t arity;
};

static bool sub_of(const struct mx_term *t, struct sub *s)
{
	if (!t || t->type != MX_TERM_TUPLE || t->u.tuple.n < 2 || t->u.tuple.n > 4)
		return false;
	s->arity = t->u.tuple.n;
	s->op = t->u.tuple.items[0];
	s->name = t->u.tuple.items[1];
	s->type = s->arity > 2 ? t->u.tuple.items[2] : NULL;
	s->opts = s->arity > 3 ? t->u.tuple.items[3] : NULL;
	return true;
}

/* A column being added: `"name" <type><options>`, and for a references/2
 * type the foreign key after ref_lead (", " in CREATE TABLE, ", ADD " in
 * ALTER TABLE). */
static int column_spec(struct mx_buf *b, const struct mx_term *table, const struct sub *s,
                       const char *ref_lead, const struct em_sql_env *env, struct em_ddl_raise *r)
{
	const struct mx_term *type = s->type;
	bool is_ref = em_t_is_struct(s->type, EM_STRUCT_REFERENCE);

	if (em_sql_quote_name(b, s->name, r) < 0)
		return -1;
	mx_buf_addch(b, ' ');
	if (is_ref) {
		type = em_t_field(s->type, "type");
		if (em_sql_reference_column_type(b, type, s->opts, env, r) < 0)
			return -1;
	} else if (em_sql_column_type(b, type, s->opts, env, r) < 0) {
		return -1;
	}
	if (em_sql_column_options(b, type, s->opts, env, r) < 0)
		return -1;
	if (!is_ref)
		return 0;
	mx_buf_adds(b, ref_lead);
	return em_sql_reference_expr(b, s->type, table, s->name, r);
}

static int column_definition(struct mx_buf *b, const struct mx_term *table,
                             const struct mx_term *col, const struct em_sql_env *env,
                             struct em_ddl_raise *r)
{
	struct sub s;

	if (!sub_of(col, &s) || s.arity != 4 || !em_t_atom(s.op, "add"))
		return em_ddl_no_clause(r, EM_CONN ".column_definition/2");
	return column_spec(b, table, &s, ", ", env, r);
}

/* ", ALTER COLUMN "name"<what>" */
static int alter_column(struct mx_buf *b, const struct sub *s, const char *what,
                        struct em_ddl_raise *r)
{
	mx_buf_adds(b, ", ALTER COLUMN ");
	if (em_sql_quote_name(b, s->name, r) < 0)
		return -1;
	mx_buf_adds(b, what);
	return 0;
}

/* modify_null/2, modify_default/3 and the collation of a modify. */
static int modify_null_default(struct mx_buf *b, const struct sub *s, const struct mx_term *type,
                               const struct em_sql_env *env, struct em_ddl_raise *r)
{
	const struct mx_term *null = em_kw_fetch(s->opts, "null");
	const struct mx_term *def = em_kw_fetch(s->opts, "default");

	if (null && mx_term_is_atom(null, "true")) {
		if (alter_column(b, s, " DROP NOT NULL", r) < 0)
			return -1;
	} else if (null && mx_term_is_atom(null, "false")) {
		if (alter_column(b, s, " SET NOT NULL", r) < 0)
			return -1;
	} else if (null && !mx_term_is_nil(null)) {
		return em_ddl_raise(r, "CaseClauseError", "no case clause matching: %s",
		                    null->type == MX_TERM_ATOM ? null->u.atom.name : "term");
	}
	if (def && (alter_column(b, s, " SET", r) < 0 ||
	            em_sql_default_expr(b, def, type, env, r) < 0))
		return -1;
	return em_sql_collation_expr(b, s->opts, env, r);
}

static int modify_column(struct mx_buf *b, const struct mx_term *table, const struct sub *s,
                         const struct em_sql_env *env, struct em_ddl_raise *r)
{
	const struct mx_term *type = s->type;

	if (em_sql_drop_reference_expr(b, em_kw_fetch(s->opts, "from"), table, s->name, false,
	                               r) < 0)
		return -1;
	mx_buf_adds(b, "ALTER COLUMN ");
	if (em_sql_quote_name(b, s->name, r) < 0)
		return -1;
	mx_buf_adds(b, " TYPE ");
	if (em_t_is_struct(s->type, EM_STRUCT_REFERENCE)) {
		type = em_t_field(s->type, "type");
		if (em_sql_reference_column_type(b, type, s->opts, env, r) < 0)
			return -1;
		mx_buf_adds(b, ", ADD ");
		if (em_sql_reference_expr(b, s->type, table, s->name, r) < 0)
			return -1;
	} else if (em_sql_column_type(b, type, s->opts, env, r) < 0) {
		return -1;
	}
	return modify_null_default(b, s, type, env, r);
}

static int column_change(struct mx_buf *b, const struct mx_term *table, const struct mx_term *col,
                         const struct em_sql_env *env, struct em_ddl_raise *r)
{
	struct sub s;
	bool if_exists;

	if (!sub_of(col, &s))
		return em_ddl_no_clause(r, EM_CONN ".column_change/2");
	if (s.arity == 4 && (em_t_atom(s.op, "add") || em_t_atom(s.op, "add_if_not_exists"))) {
		mx_buf_adds(b,
		            em_t_atom(s.op, "add") ? "ADD COLUMN " : "ADD COLUMN IF NOT EXISTS ");
		return column_spec(b, table, &s, ", ADD ", env, r);
	}
	if (s.arity == 4 && em_t_atom(s.op, "modify"))
		return modify_column(b, table, &s, env, r);
	/* remove/2 and remove/4; remove_if_exists/2 and remove_if_exists/3 */
	if_exists = em_t_atom(s.op, "remove_if_exists");
	if ((em_t_atom(s.op, "remove") && (s.arity == 2 || s.arity == 4)) ||
	    (if_exists && (s.arity == 2 || s.arity == 3))) {
		if (em_t_is_struct(s.type, EM_STRUCT_REFERENCE) &&
		    em_sql_drop_reference_expr(b, s.type, table, s.name, if_exists, r) < 0)
			return -1;
		mx_buf_adds(b, if_exists ? "DROP COLUMN IF EXISTS " : "DROP COLUMN ");
		return em_sql_quote_name(b, s.name, r);
	}
	return em_ddl_no_clause(r, EM_CONN ".column_change/2");
}

typedef int (*column_fn)(struct mx_buf *b, const struct mx_term *table, const struct mx_term *col,
                         const struct em_sql_env *env, struct em_ddl_raise *r);

/* column_definitions/2 and column_changes/2: each column, joined by ", ". */
static int columns(struct mx_buf *b, const struct mx_term *table, const struct mx_term *cols,
                   column_fn fn, const struct em_sql_env *env, struct em_ddl_raise *r)
{
	for (size_t i = 0; i < cols->u.list.n; i++) {
		if (i)
			mx_buf_adds(b, ", ");
		if (fn(b, table, cols->u.list.items[i], env, r) < 0)
			return -1;
	}
	return 0;
}

/* pk_definition/2: the primary_key: true columns (not removed). */
static int pk_definition(struct mx_buf *b, const struct mx_term *cols, const char *lead,
                         struct em_ddl_raise *r)
{
	bool any = false;

	for (size_t i = 0; i < cols->u.list.n; i++) {
		struct sub s;
		if (!sub_of(cols->u.list.items[i], &s) || s.arity != 4 ||
		    em_t_atom(s.op, "remove") || !em_kw_truthy(s.opts, "primary_key"))
			continue;
		mx_buf_adds(b, any ? "," : lead);
		if (!any)
			mx_buf_adds(b, "PRIMARY KEY (");
		any = true;
		if (em_sql_quote_name(b, s.name, r) < 0)
			return -1;
	}
	if (any)
		mx_buf_addch(b, ')');
	return 0;
}

/* comments_on("TABLE", ...) and comments_for_columns/2: a COMMENT ON
 * statement for the table's comment and one for each added or modified
 * column with a comment: option. */
static int table_comments(struct mx_strvec *after, const char *table_name,
                          const struct mx_term *table, const struct mx_term *cols,
                          struct em_ddl_raise *r)
{
	if (em_sql_comment_on(after, "TABLE", table_name, em_t_field(table, "comment"), r) < 0)
		return -1;
	for (size_t i = 0; i < cols->u.list.n; i++) {
		struct sub s;
		struct mx_buf n = MX_BUF_INIT;
		int ret;

		if (!sub_of(cols->u.list.items[i], &s) || s.arity != 4 ||
		    em_t_atom(s.op, "remove"))
			continue;
		mx_buf_adds(&n, table_name);
		mx_buf_addch(&n, '.');
		ret = em_sql_quote_name(&n, s.name, r);
		if (!ret)
			ret = em_sql_comment_on(after, "COLUMN", n.buf,
			                        em_kw_fetch(s.opts, "comment"), r);
		mx_buf_release(&n);
		if (ret < 0)
			return -1;
	}
	return 0;
}

/* modifiers_expr/1 and options_expr/1 around CREATE TABLE's columns. */
static int create_table(struct mx_buf *b, const char *name, const struct mx_term *op,
                        const struct mx_term *table, const struct mx_term *cols,
                        const struct em_sql_env *env, struct em_ddl_raise *r)
{
	const struct mx_term *mods = em_t_field(table, "modifiers");
	const struct mx_term *options = em_t_field(table, "options");

	mx_buf_adds(b, "CREATE ");
	if (mods && !mx_term_is_nil(mods)) {
		if (!em_t_is_binary(mods))
			return em_ddl_raise_inspect(
			    r, "ArgumentError",
			    "PostgreSQL adapter expects :modifiers to be a string or nil, got %s",
			    mods, NULL);
		mx_buf_add(b, mods->u.bin.data, mods->u.bin.len);
		mx_buf_addch(b, ' ');
	}
	mx_buf_adds(b, "TABLE ");
	if (em_t_atom(op, "create_if_not_exists"))
		mx_buf_adds(b, "IF NOT EXISTS ");
	mx_buf_adds(b, name);
	mx_buf_adds(b, " (");
	if (columns(b, table, cols, column_definition, env, r) < 0 ||
	    pk_definition(b, cols, ", ", r) < 0)
		return -1;
	mx_buf_addch(b, ')');
	if (!options || mx_term_is_nil(options))
		return 0;
	if (em_t_is_list(options))
		return em_ddl_raise(
		    r, "ArgumentError",
		    "PostgreSQL adapter does not support keyword lists in :options");
	mx_buf_addch(b, ' ');
	return em_sql_iodata(b, options, r);
}

/* ALTER TABLE with its column changes and primary key additions. */
static int alter_table(struct mx_buf *b, const char *name, const struct mx_term *table,
                       const struct mx_term *cols, const struct em_sql_env *env, struct em_ddl_raise *r)
{
	mx_buf_addf(b, "ALTER TABLE %s ", name);
	if (columns(b, table, cols, column_change, env, r) < 0)
		return -1;
	return pk_definition(b, cols, ", ADD ", r);
}

/* The one-statement clauses: drop and rename. */
static int table_statement(struct mx_buf *b, const struct em_sql_cmd *cmd, const char *name,
                           struct em_ddl_raise *r)
{
	const struct mx_term *op = cmd->op, *third = cmd->third;

	if (em_ddl_is_drop(op)) {
		mx_buf_adds(b, "DROP TABLE ");
		if (em_t_atom(op, "drop_if_exists"))
			mx_buf_adds(b, "IF EXISTS ");
		mx_buf_adds(b, name);
		return em_sql_drop_mode(b, third, r);
	}
	if (em_t_atom(op, "rename") && em_t_is_struct(third, EM_STRUCT_TABLE)) {
		mx_buf_addf(b, "ALTER TABLE %s RENAME TO ", name);
		return em_sql_quote_name(b, em_t_field(third, "name"), r);
	}
	if (em_t_atom(op, "rename") && cmd->arity == 4) {
		mx_buf_addf(b, "ALTER TABLE %s RENAME ", name);
		if (em_sql_quote_name(b, third, r) < 0)
			return -1;
		mx_buf_adds(b, " TO ");
		return em_sql_quote_name(b, cmd->fourth, r);
	}
	return em_ddl_no_clause(r, EM_CONN ".execute_ddl/1");
}

int em_sql_table(const struct em_sql_cmd *cmd, const struct em_sql_env *env, struct mx_buf *stmt,
                 struct mx_strvec *after, struct em_ddl_raise *r)
{
	const struct mx_term *op = cmd->op, *table = cmd->obj, *cols = cmd->third;
	bool create = em_ddl_is_create(op), alter = em_t_atom(op, "alter");
	struct mx_buf name = MX_BUF_INIT;
	int ret = em_sql_quote_name2(&name, em_t_field(table, "prefix"),
	                             em_t_field(table, "name"), r);

	if (ret < 0)
		;
	else if ((create || alter) && !em_t_is_list(cols))
		ret = em_ddl_no_clause(r, EM_CONN ".execute_ddl/1");
	else if (create)
		ret = create_table(stmt, name.buf, op, table, cols, env, r);
	else if (alter)
		ret = alter_table(stmt, name.buf, table, cols, env, r);
	else
		ret = table_statement(stmt, cmd, name.buf, r);
	if (!ret && (create || alter))
		ret = table_comments(after, name.buf, table, cols, r);
	mx_buf_release(&name);
	return ret;
}
