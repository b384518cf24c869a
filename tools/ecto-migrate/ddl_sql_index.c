/*
 * ddl_sql_index: execute_ddl/1 for indexes (create, drop, rename), with
 * index_expr/1, include_expr/1 and index_dir/2.
 */
#include "ddl_priv.h"
#include "ddl_sql_priv.h"

static int index_dir(struct mx_buf *b, const struct mx_term *dir, struct em_ddl_raise *r)
{
	static const struct em_sql_word dirs[] = {
	    {"asc", " ASC"},
	    {"asc_nulls_first", " ASC NULLS FIRST"},
	    {"asc_nulls_last", " ASC NULLS LAST"},
	    {"desc", " DESC"},
	    {"desc_nulls_first", " DESC NULLS FIRST"},
	    {"desc_nulls_last", " DESC NULLS LAST"},
	};
	const char *sql = em_sql_word(dirs, sizeof(dirs) / sizeof(dirs[0]), dir);

	if (!sql)
		return em_ddl_no_clause(r, EM_CONN ".index_dir/2");
	mx_buf_adds(b, sql);
	return 0;
}

/* index_expr/1 (with_dir: {dir, column} pairs allowed) and include_expr/1:
 * strings are SQL, sent as they are; anything else is a column name, quoted. */
static int index_expr(struct mx_buf *b, const struct mx_term *e, bool with_dir,
                      struct em_ddl_raise *r)
{
	if (with_dir && em_t_is_tuple(e, 2)) {
		if (index_expr(b, e->u.tuple.items[1], false, r) < 0)
			return -1;
		return index_dir(b, e->u.tuple.items[0], r);
	}
	if (em_t_is_binary(e)) {
		mx_buf_add(b, e->u.bin.data, e->u.bin.len);
		return 0;
	}
	return em_sql_quote_name(b, e, r);
}

/* Enum.map_intersperse(list, ", ", &index_expr/1) in parentheses. */
static int index_exprs(struct mx_buf *b, const struct mx_term *list, bool with_dir,
                       struct em_ddl_raise *r)
{
	mx_buf_addch(b, '(');
	for (size_t i = 0; i < list->u.list.n; i++) {
		if (i)
			mx_buf_adds(b, ", ");
		if (index_expr(b, list->u.list.items[i], with_dir, r) < 0)
			return -1;
	}
	mx_buf_addch(b, ')');
	return 0;
}

/* What follows the columns: INCLUDE, NULLS [NOT] DISTINCT, WITH, WHERE. */
static int index_tail(struct mx_buf *b, const struct mx_term *ix, struct em_ddl_raise *r)
{
	const struct mx_term *incl = em_t_field(ix, "include");
	const struct mx_term *nd = em_t_field(ix, "nulls_distinct");
	const struct mx_term *options = em_t_field(ix, "options");
	const struct mx_term *where = em_t_field(ix, "where");

	if (incl->u.list.n) {
		mx_buf_adds(b, " INCLUDE ");
		if (index_exprs(b, incl, false, r) < 0)
			return -1;
	}
	if (em_t_atom(nd, "true"))
		mx_buf_adds(b, " NULLS DISTINCT");
	else if (em_t_atom(nd, "false"))
		mx_buf_adds(b, " NULLS NOT DISTINCT");
	else if (nd && !mx_term_is_nil(nd))
		return em_ddl_raise(r, "CaseClauseError", "no case clause matching");
	if (options && !mx_term_is_nil(options)) {
		mx_buf_adds(b, " WITH (");
		if (em_sql_iodata(b, options, r) < 0)
			return -1;
		mx_buf_addch(b, ')');
	}
	if (where && mx_term_truthy(where)) {
		mx_buf_adds(b, " WHERE ");
		return em_ddl_to_string(b, where, r);
	}
	return 0;
}

static int create_index(struct mx_buf *b, const struct mx_term *op, const struct mx_term *ix,
                        const struct em_sql_env *env, struct em_ddl_raise *r)
{
	const struct mx_term *cols = em_t_field(ix, "columns");
	const struct mx_term *using = em_t_field(ix, "using");

	if (!em_t_is_list(cols) || !em_t_is_list(em_t_field(ix, "include")))
		return em_ddl_no_clause(r, "Enum.map_intersperse/3");
	mx_buf_adds(b, "CREATE ");
	if (mx_term_truthy(em_t_field(ix, "unique")))
		mx_buf_adds(b, "UNIQUE ");
	mx_buf_adds(b, "INDEX ");
	if (mx_term_truthy(em_t_field(ix, "concurrently")))
		mx_buf_adds(b, "CONCURRENTLY ");
	if (em_t_atom(op, "create_if_not_exists"))
		mx_buf_adds(b, "IF NOT EXISTS ");
	if (em_sql_quote_name(b, em_t_field(ix, "name"), r) < 0)
		return -1;
	mx_buf_adds(b, " ON ");
	if (mx_term_truthy(em_t_field(ix, "only")))
		mx_buf_adds(b, "ONLY ");
	if (em_sql_quote_name2(b, em_t_field(ix, "prefix"), em_t_field(ix, "table"), r) < 0)
		return -1;
	if (using && mx_term_truthy(using)) {
		mx_buf_adds(b, " USING ");
		if (em_ddl_to_string(b, using, r) < 0)
			return -1;
	}
	mx_buf_addch(b, ' ');
	/* Before 3.13 a {dir, column} pair went to quote_name/1, which has
	 * no clause for it. */
	if (index_exprs(b, cols, em_sql_has(env, MX_ECTO_SQL_INDEX_DIRECTIONS), r) < 0)
		return -1;
	return index_tail(b, ix, r);
}

static int drop_index(struct mx_buf *b, const struct mx_term *op, const struct mx_term *ix,
                      const struct mx_term *mode, struct em_ddl_raise *r)
{
	mx_buf_adds(b, "DROP INDEX ");
	if (mx_term_truthy(em_t_field(ix, "concurrently")))
		mx_buf_adds(b, "CONCURRENTLY ");
	if (em_t_atom(op, "drop_if_exists"))
		mx_buf_adds(b, "IF EXISTS ");
	if (em_sql_quote_name2(b, em_t_field(ix, "prefix"), em_t_field(ix, "name"), r) < 0)
		return -1;
	return em_sql_drop_mode(b, mode, r);
}

static int rename_index(struct mx_buf *b, const struct mx_term *ix, const struct mx_term *to,
                        struct em_ddl_raise *r)
{
	mx_buf_adds(b, "ALTER INDEX ");
	if (em_sql_quote_name2(b, em_t_field(ix, "prefix"), em_t_field(ix, "name"), r) < 0)
		return -1;
	mx_buf_adds(b, " RENAME TO ");
	return em_sql_quote_name(b, to, r);
}

/* comments_on("INDEX", quote_name(prefix, name), comment) */
static int index_comment(struct mx_strvec *after, const struct mx_term *ix, struct em_ddl_raise *r)
{
	struct mx_buf qn = MX_BUF_INIT;
	int ret = em_sql_quote_name2(&qn, em_t_field(ix, "prefix"), em_t_field(ix, "name"), r);

	if (!ret)
		ret = em_sql_comment_on(after, "INDEX", qn.buf, em_t_field(ix, "comment"), r);
	mx_buf_release(&qn);
	return ret;
}

int em_sql_index(const struct em_sql_cmd *cmd, const struct em_sql_env *env, struct mx_buf *stmt,
                 struct mx_strvec *after, struct em_ddl_raise *r)
{
	if (cmd->arity == 2 && em_ddl_is_create(cmd->op)) {
		if (create_index(stmt, cmd->op, cmd->obj, env, r) < 0)
			return -1;
		return index_comment(after, cmd->obj, r);
	}
	if (cmd->arity == 3 && em_ddl_is_drop(cmd->op))
		return drop_index(stmt, cmd->op, cmd->obj, cmd->third, r);
	if (cmd->arity == 3 && em_t_atom(cmd->op, "rename"))
		return rename_index(stmt, cmd->obj, cmd->third, r);
	return em_ddl_no_clause(r, EM_CONN ".execute_ddl/1");
}
