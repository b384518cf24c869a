/*
 * sqlfile: plain SQL migrations, for teams that write SQL.
 *
 *   -- +up
 *   CREATE TABLE things (id bigserial PRIMARY KEY, name text);
 *   CREATE INDEX things_name_index ON things (name);
 *
 *   -- +down
 *   DROP TABLE things;
 *
 * A line `-- +up` starts the up section and `-- +down` the down section
 * (case-insensitive, surrounding blanks allowed); before the first marker
 * only blank lines and `--` comments may appear. Each section runs as one
 * step: the whole text sent in one simple query (several statements are
 * fine) and logged as Ecto logs `execute "..."`. A file without a down
 * section cannot be rolled back: its down plan fails with
 * Ecto.MigrationError, reported only when a rollback reaches it.
 *
 * `-- +disable_ddl_transaction` and `-- +disable_migration_lock` lines
 * anywhere before the first section set the matching flags (for CREATE
 * INDEX CONCURRENTLY).
 */
#ifndef EM_SQLFILE_H
#define EM_SQLFILE_H

#include <stddef.h>

#include "diag.h"
#include "migration.h"

/* Fills m's module ("<version>_<name>.sql"), flags and up/down plans from
 * the file text src (m->path and m->name already set). Returns 0, or -1
 * with err at the offending line. */
int em_sqlfile_load(struct em_migration *m, const char *src, size_t len, struct mx_err *err);

#endif
