/*
 * ddl_sql: the SQL that Ecto.Adapters.Postgres.Connection.execute_ddl/1
 * (ecto_sql 3.14) sends for a command.
 */
#ifndef EM_DDL_SQL_H
#define EM_DDL_SQL_H

#include "ddl_model.h"
#include "strvec.h"

/* Appends the statements for cmd to out (a create table with comments gives
 * several). map_type is the :postgres_map_type ("jsonb" when NULL). Returns 0,
 * or -1 with r filled with the exception Ecto raises and nothing appended. */
int em_ddl_sql(const struct mx_term *cmd, const char *map_type, struct mx_strvec *out,
               struct em_ddl_raise *r);

#endif
