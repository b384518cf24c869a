/*
 * ddl_sql_constraint: execute_ddl/1 for check and exclusion constraints
 * (create, drop), with new_constraint_expr/1.
 */
#include "ddl_priv.h"
#include "ddl_sql_priv.h"

/* new_constraint_expr/1 after the table name. */
static int new_constraint(struct mx_buf *b, const char *table_name, const struct mx_term *c,
                          struct em_ddl_raise *r)
{
	const struct mx_term *check = em_t_field(c, "check");
	const struct mx_term *exclude = em_t_field(c, "exclude");

	mx_buf_addf(b, "ALTER TABLE %s ADD CONSTRAINT ", table_name);
	if (em_sql_quote_name(b, em_t_field(c, "name"), r) < 0)
		return -1;
	if (em_t_is_binary(check)) {
		mx_buf_adds(b, " CHECK (");
		mx_buf_add(b, check->u.bin.data, check->u.bin.len);
		mx_buf_addch(b, ')');
	} else if (em_t_is_binary(exclude)) {
		mx_buf_adds(b, " EXCLUDE USING ");
		mx_buf_add(b, exclude->u.bin.data, exclude->u.bin.len);
	} else {
		return em_ddl_no_clause(r, EM_CONN ".new_constraint_expr/1");
	}
	if (em_t_atom(em_t_field(c, "validate"), "false"))
		mx_buf_adds(b, " NOT VALID");
	return 0;
}

/* comments_on("CONSTRAINT", name, comment, table_name): COMMENT ON
 * CONSTRAINT "name" ON <table> IS '...'. */
static int constraint_comment(struct mx_strvec *out, const char *table_name,
                              const struct mx_term *c, struct em_ddl_raise *r)
{
	const struct mx_term *comment = em_t_field(c, "comment");
	struct mx_buf on = MX_BUF_INIT;
	int ret;

	if (!comment || mx_term_is_nil(comment))
		return 0;
	ret = em_sql_quote_name(&on, em_t_field(c, "name"), r);
	if (!ret) {
		mx_buf_addf(&on, " ON %s", table_name);
		ret = em_sql_comment_on(out, "CONSTRAINT", on.buf, comment, r);
	}
	mx_buf_release(&on);
	return ret;
}

static int drop_constraint(struct mx_buf *b, const char *table_name, const struct mx_term *op,
                           const struct mx_term *c, const struct mx_term *mode,
                           struct em_ddl_raise *r)
{
	mx_buf_addf(b, "ALTER TABLE %s DROP CONSTRAINT ", table_name);
	if (em_t_atom(op, "drop_if_exists"))
		mx_buf_adds(b, "IF EXISTS ");
	if (em_sql_quote_name(b, em_t_field(c, "name"), r) < 0)
		return -1;
	return em_sql_drop_mode(b, mode, r);
}

int em_sql_constraint(const struct em_sql_cmd *cmd, const struct em_sql_env *env, struct mx_buf *stmt,
                      struct mx_strvec *after, struct em_ddl_raise *r)
{
	const struct mx_term *c = cmd->obj;
	struct mx_buf tn = MX_BUF_INIT;
	int ret = em_sql_quote_name2(&tn, em_t_field(c, "prefix"), em_t_field(c, "table"), r);

	if (ret < 0)
		;
	else if (cmd->arity == 2 && em_t_atom(cmd->op, "create"))
		ret = new_constraint(stmt, tn.buf, c, r) < 0
		          ? -1
		          : constraint_comment(after, tn.buf, c, r);
	else if (cmd->arity == 3 && em_ddl_is_drop(cmd->op))
		ret = drop_constraint(stmt, tn.buf, cmd->op, c, cmd->third, r);
	else
		ret = em_ddl_no_clause(r, EM_CONN ".execute_ddl/1");
	mx_buf_release(&tn);
	return ret;
}
