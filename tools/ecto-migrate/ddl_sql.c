/*
 * ddl_sql: Ecto.Adapters.Postgres.Connection.execute_ddl/1's dispatch and
 * the quoting every statement uses (see ddl_sql.h, ddl_sql_priv.h).
 *
 * Each function of the ddl_sql*.c files follows one clause of the original,
 * in the same order, so that odd corners come out the same: the trailing
 * space after an identity column's sequence options, `ALTER TABLE "t" ` with
 * no changes, a collation appended after SET DEFAULT. Where Ecto raises, we
 * raise the same exception with the same message; where Elixir would fail a
 * pattern match, we raise FunctionClauseError naming the function Elixir
 * would name.
 */
#include <stdlib.h>
#include <string.h>

#include "ddl_priv.h"
#include "ddl_sql_priv.h"

int em_sql_quote_name(struct mx_buf *b, const struct mx_term *name, struct em_ddl_raise *r)
{
	const char *s;
	size_t n;

	if (!em_t_text(name, &s, &n))
		return em_ddl_no_clause(r, EM_CONN ".quote_name/1");
	if (memchr(s, '"', n)) {
		/* Ecto shows the name as the string it has made of it. */
		struct mx_arena a = MX_ARENA_INIT;
		em_ddl_raise_inspect(r, "ArgumentError",
		                     "bad literal/field/index/table name %s (\" is not permitted)",
		                     mx_term_binary(&a, s, n), NULL);
		mx_arena_release(&a);
		return -1;
	}
	mx_buf_addch(b, '"');
	mx_buf_add(b, s, n);
	mx_buf_addch(b, '"');
	return 0;
}

int em_sql_quote_name2(struct mx_buf *b, const struct mx_term *prefix, const struct mx_term *name,
                       struct em_ddl_raise *r)
{
	return em_ddl_prefixed(b, prefix, name, em_sql_quote_name, r);
}

int em_sql_quote_names(struct mx_buf *b, const struct mx_term *list, struct em_ddl_raise *r)
{
	if (!em_t_is_list(list))
		return em_ddl_no_clause(r, "Enum.map_intersperse/3");
	for (size_t i = 0; i < list->u.list.n; i++) {
		if (i)
			mx_buf_addch(b, ',');
		if (em_sql_quote_name(b, list->u.list.items[i], r) < 0)
			return -1;
	}
	return 0;
}

int em_sql_single_quote(struct mx_buf *b, const struct mx_term *v, struct em_ddl_raise *r)
{
	if (!em_t_is_binary(v))
		return em_ddl_no_clause(r, EM_CONN ".escape_string/1");
	mx_buf_addch(b, '\'');
	for (size_t i = 0; i < v->u.bin.len; i++) {
		if (v->u.bin.data[i] == '\'')
			mx_buf_addch(b, '\'');
		mx_buf_addch(b, v->u.bin.data[i]);
	}
	mx_buf_addch(b, '\'');
	return 0;
}

int em_sql_iodata(struct mx_buf *b, const struct mx_term *t, struct em_ddl_raise *r)
{
	if (em_t_is_binary(t)) {
		mx_buf_add(b, t->u.bin.data, t->u.bin.len);
		return 0;
	}
	if (t && t->type == MX_TERM_LIST)
		return em_ddl_to_string(b, t, r);
	return em_ddl_raise_inspect(r, "ArgumentError", "argument error: %s", t, NULL);
}

int em_sql_drop_mode(struct mx_buf *b, const struct mx_term *mode, struct em_ddl_raise *r)
{
	if (em_t_atom(mode, "cascade"))
		mx_buf_adds(b, " CASCADE");
	else if (!em_t_atom(mode, "restrict"))
		return em_ddl_no_clause(r, EM_CONN ".drop_mode/1");
	return 0;
}

const char *em_sql_word(const struct em_sql_word *words, size_t n, const struct mx_term *t)
{
	for (size_t i = 0; i < n; i++)
		if (em_t_atom(t, words[i].atom))
			return words[i].sql;
	return NULL;
}

int em_sql_comment_on(struct mx_strvec *out, const char *object, const char *name,
                      const struct mx_term *comment, struct em_ddl_raise *r)
{
	struct mx_buf b = MX_BUF_INIT;

	if (!comment || mx_term_is_nil(comment))
		return 0;
	mx_buf_addf(&b, "COMMENT ON %s %s IS ", object, name);
	if (em_sql_single_quote(&b, comment, r) < 0) {
		mx_buf_release(&b);
		return -1;
	}
	mx_strvec_push(out, b.buf);
	mx_buf_release(&b);
	return 0;
}

bool em_sql_has(const struct em_sql_env *env, enum mx_ecto_sql_feature f)
{
	return mx_ecto_sql_has(env ? env->ecto_sql : MX_ECTO_SQL_LATEST, f);
}

typedef int (*object_sql_fn)(const struct em_sql_cmd *cmd, const struct em_sql_env *env,
                             struct mx_buf *stmt, struct mx_strvec *after, struct em_ddl_raise *r);

int em_ddl_sql(const struct mx_term *cmd, const struct em_sql_env *env, struct mx_strvec *out,
               struct em_ddl_raise *r)
{
	struct mx_buf stmt = MX_BUF_INIT;
	struct mx_strvec after = MX_STRVEC_INIT;
	struct em_sql_cmd c;
	object_sql_fn fn = NULL;
	int ret;

	if (em_t_is_binary(cmd)) {
		/* A NUL inside would end the C string; PostgreSQL refuses
		 * NULs in a query anyway. */
		mx_strvec_push_owned(out, mx_xstrndup(cmd->u.bin.data, cmd->u.bin.len));
		return 0;
	}
	if (em_t_is_list(cmd))
		return em_ddl_raise(r, "ArgumentError",
		                    "PostgreSQL adapter does not support keyword lists in execute");
	if (!cmd || cmd->type != MX_TERM_TUPLE || cmd->u.tuple.n < 2)
		return em_ddl_no_clause(r, EM_CONN ".execute_ddl/1");
	c.arity = cmd->u.tuple.n;
	c.op = cmd->u.tuple.items[0];
	c.obj = cmd->u.tuple.items[1];
	c.third = c.arity > 2 ? cmd->u.tuple.items[2] : NULL;
	c.fourth = c.arity > 3 ? cmd->u.tuple.items[3] : NULL;
	if (em_t_is_struct(c.obj, EM_STRUCT_TABLE) && c.arity >= 3)
		fn = em_sql_table;
	else if (em_t_is_struct(c.obj, EM_STRUCT_INDEX))
		fn = em_sql_index;
	else if (em_t_is_struct(c.obj, EM_STRUCT_CONSTRAINT))
		fn = em_sql_constraint;
	if (!fn)
		return em_ddl_no_clause(r, EM_CONN ".execute_ddl/1");
	ret = fn(&c, env, &stmt, &after, r);
	if (!ret) {
		mx_strvec_push(out, stmt.buf);
		for (size_t i = 0; i < after.n; i++)
			mx_strvec_push(out, after.v[i]);
	}
	mx_buf_release(&stmt);
	mx_strvec_clear(&after);
	return ret;
}
