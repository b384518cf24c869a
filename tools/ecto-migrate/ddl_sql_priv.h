/*
 * ddl_sql_priv: the parts of Ecto.Adapters.Postgres.Connection that the
 * ddl_sql*.c files share (not part of the translator's interface: see
 * ddl_sql.h). Each function follows the Connection function it names; all
 * append to b and return 0, or -1 with r filled.
 *
 *   ddl_sql.c             execute_ddl/1's dispatch, quoting, comments
 *   ddl_sql_type.c        column types, defaults, column options, references
 *   ddl_sql_table.c       tables and their columns
 *   ddl_sql_index.c       indexes
 *   ddl_sql_constraint.c  constraints
 */
#ifndef EM_DDL_SQL_PRIV_H
#define EM_DDL_SQL_PRIV_H

#include <stdbool.h>

#include "ddl_sql.h"

#define EM_CONN "Ecto.Adapters.Postgres.Connection"

/* quote_name/1: always double-quoted; a '"' inside raises. */
int em_sql_quote_name(struct mx_buf *b, const struct mx_term *name, struct em_ddl_raise *r);
/* quote_name/2: "prefix"."name", or "name" when prefix is nil (or NULL). */
int em_sql_quote_name2(struct mx_buf *b, const struct mx_term *prefix, const struct mx_term *name,
                       struct em_ddl_raise *r);
/* quote_names/1: joined with ',' (no space). */
int em_sql_quote_names(struct mx_buf *b, const struct mx_term *list, struct em_ddl_raise *r);
/* single_quote/1 with escape_string/1: ' doubled. */
int em_sql_single_quote(struct mx_buf *b, const struct mx_term *v, struct em_ddl_raise *r);
/* iodata as it would be sent: binaries and nested lists of them. */
int em_sql_iodata(struct mx_buf *b, const struct mx_term *t, struct em_ddl_raise *r);
/* drop_mode/1: " CASCADE" for :cascade, nothing for :restrict. */
int em_sql_drop_mode(struct mx_buf *b, const struct mx_term *mode, struct em_ddl_raise *r);

/* comments_on/3: COMMENT ON <object> <name> IS '<comment>' as a statement of
 * its own; nothing when comment is nil (or NULL). */
int em_sql_comment_on(struct mx_strvec *out, const char *object, const char *name,
                      const struct mx_term *comment, struct em_ddl_raise *r);

/* ---- ddl_sql_type.c ---------------------------------------------------- */

/* column_type/2: the type with its size/precision, identity or generated. */
int em_sql_column_type(struct mx_buf *b, const struct mx_term *type, const struct mx_term *opts,
                       const struct em_sql_env *env, struct em_ddl_raise *r);
/* reference_column_type/2: serial keys are referenced as integer/bigint. */
int em_sql_reference_column_type(struct mx_buf *b, const struct mx_term *type,
                                 const struct mx_term *opts, const struct em_sql_env *env,
                                 struct em_ddl_raise *r);
/* column_options/2: DEFAULT, NOT NULL / NULL, COLLATE. */
int em_sql_column_options(struct mx_buf *b, const struct mx_term *type, const struct mx_term *opts,
                          const struct em_sql_env *env, struct em_ddl_raise *r);
/* default_expr/2 with Keyword.fetch(opts, :default) as lit (NULL: :error). */
int em_sql_default_expr(struct mx_buf *b, const struct mx_term *lit, const struct mx_term *type,
                        const struct em_sql_env *env, struct em_ddl_raise *r);
/* collation_expr/1 of opts[:collation]. */
int em_sql_collation_expr(struct mx_buf *b, const struct mx_term *opts,
                          const struct em_sql_env *env, struct em_ddl_raise *r);
/* reference_expr/3: CONSTRAINT ... FOREIGN KEY ... REFERENCES ... for the
 * %Reference{} ref of column name in table. */
int em_sql_reference_expr(struct mx_buf *b, const struct mx_term *ref, const struct mx_term *table,
                          const struct mx_term *name, struct em_ddl_raise *r);
/* drop_reference_expr/3 (drop_reference_if_exists_expr/3 with if_exists):
 * "DROP CONSTRAINT <name>, " when from is a %Reference{} or {%Reference{},
 * opts}; nothing for anything else. */
int em_sql_drop_reference_expr(struct mx_buf *b, const struct mx_term *from,
                               const struct mx_term *table, const struct mx_term *name,
                               bool if_exists, struct em_ddl_raise *r);

/* A word table: the SQL for each of a set of atoms. */
struct em_sql_word {
	const char *atom, *sql;
};
/* The SQL of the entry for atom t among words[0..n), or NULL. */
const char *em_sql_word(const struct em_sql_word *words, size_t n, const struct mx_term *t);

/* ---- execute_ddl/1 per object ------------------------------------------- */

/* The command tuple {op, object, third, fourth} taken apart (third and
 * fourth NULL when the tuple is shorter). */
struct em_sql_cmd {
	const struct mx_term *op, *obj, *third, *fourth;
	size_t arity;
};

/* execute_ddl/1 for one kind of object: the command's statement written to
 * stmt, and the COMMENT ON statements that follow it appended to after.
 * Return 0 or -1 (r filled). */
int em_sql_table(const struct em_sql_cmd *cmd, const struct em_sql_env *env, struct mx_buf *stmt,
                 struct mx_strvec *after, struct em_ddl_raise *r);
int em_sql_index(const struct em_sql_cmd *cmd, const struct em_sql_env *env, struct mx_buf *stmt,
                 struct mx_strvec *after, struct em_ddl_raise *r);
int em_sql_constraint(const struct em_sql_cmd *cmd, const struct em_sql_env *env, struct mx_buf *stmt,
                      struct mx_strvec *after, struct em_ddl_raise *r);

#endif
