/*
 * ddl_reverse: Ecto.Migration.Runner.reverse/1, the command that undoes a
 * command when change/0 is rolled back.
 */
#ifndef EM_DDL_REVERSE_H
#define EM_DDL_REVERSE_H

#include "ddl_model.h"

/* The command that undoes cmd (a term in arena), or NULL when cmd is not
 * reversible (Ecto then raises "cannot reverse migration command"). */
struct mx_term *em_ddl_reverse(struct mx_arena *arena, const struct mx_term *cmd);

#endif
