/*
 * ddl_log: the line Ecto.Migration.Runner logs at :info before it runs a
 * command (Runner.command/1): "create table posts", "drop index if exists
 * posts_title_index cascade", "execute \"CREATE EXTENSION citext\"".
 */
#ifndef EM_DDL_LOG_H
#define EM_DDL_LOG_H

#include "ddl_model.h"

/* Appends the line for cmd. Returns 0 or -1 (r filled: a constraint with
 * neither or both of check and exclude raises here, as in Ecto). */
int em_ddl_log(const struct mx_term *cmd, struct mx_buf *out, struct em_ddl_raise *r);

#endif
