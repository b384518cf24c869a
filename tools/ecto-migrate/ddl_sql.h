/*
 * ddl_sql: the SQL that Ecto.Adapters.Postgres.Connection.execute_ddl/1
 * (ecto_sql 3.14, or an older release where they differ) sends for a command.
 */
#ifndef EM_DDL_SQL_H
#define EM_DDL_SQL_H

#include "ddl_model.h"
#include "project/ecto_sql.h"
#include "strvec.h"

/* What the SQL depends on besides the command: the :postgres_map_type
 * ("jsonb" when NULL) and the ecto_sql release whose adapter is matched. */
struct em_sql_env {
	const char *map_type;
	enum mx_ecto_sql_release ecto_sql;
};

/* Whether the release of env (NULL: the latest) has feature f. */
bool em_sql_has(const struct em_sql_env *env, enum mx_ecto_sql_feature f);

/* Appends the statements for cmd to out (a create table with comments gives
 * several); env may be NULL (jsonb, the latest ecto_sql). Returns 0, or -1
 * with r filled with the exception Ecto raises and nothing appended. */
int em_ddl_sql(const struct mx_term *cmd, const struct em_sql_env *env, struct mx_strvec *out,
               struct em_ddl_raise *r);

#endif
