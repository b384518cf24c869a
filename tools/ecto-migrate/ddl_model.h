/*
 * ddl_model: what every piece of the translator shares.
 *
 * The translator works on terms (exs/term.h), because that is what a
 * migration's code produces: `table(:posts)` is the struct term
 * %Ecto.Migration.Table{name: "posts", ...}, `add :title, :string, null: false`
 * is the subcommand tuple {:add, :title, :string, [null: false]}, and a queued
 * command is Ecto's own tuple ({:create, %Table{}, [subcommands]},
 * {:drop, %Index{}, :restrict}, "raw sql", %Ecto.Migration.Command{up:, down:}).
 * Keeping Ecto's shapes keeps each piece a line-by-line match of the module it
 * follows:
 *
 *   ddl.h          Ecto.Migration: the DSL functions and the structs they build
 *   ddl_queue.h    Ecto.Migration.Runner: the command queue, blocks and flush
 *   ddl_reverse.h  Ecto.Migration.Runner.reverse/1
 *   ddl_log.h      Ecto.Migration.Runner.command/1 (the "create table posts" lines)
 *   ddl_sql.h      Ecto.Adapters.Postgres.Connection.execute_ddl/1
 *
 * This header holds Ecto's struct names and the exceptions Ecto raises.
 */
#ifndef EM_DDL_MODEL_H
#define EM_DDL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/term.h"

/* Names of Ecto's structs, as atoms spell them. */
#define EM_STRUCT_TABLE      "Elixir.Ecto.Migration.Table"
#define EM_STRUCT_INDEX      "Elixir.Ecto.Migration.Index"
#define EM_STRUCT_REFERENCE  "Elixir.Ecto.Migration.Reference"
#define EM_STRUCT_CONSTRAINT "Elixir.Ecto.Migration.Constraint"
#define EM_STRUCT_COMMAND    "Elixir.Ecto.Migration.Command"

/* An exception as Ecto raises it: the module ("ArgumentError",
 * "Ecto.MigrationError", "KeyError", "FunctionClauseError", "RuntimeError")
 * and its message in err.msg (err may carry the file position of the DSL call
 * that raised, filled in by the caller). */
struct em_ddl_raise {
	bool raised;
	char exception[48];
	struct mx_err err;
};
#define EM_DDL_RAISE_INIT                                                                          \
	{                                                                                          \
		false, "", MX_ERR_INIT                                                             \
	}

/* Fills r (which may be NULL) and returns -1. */
int em_ddl_raise(struct em_ddl_raise *r, const char *exception, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Raises with terms shown as Elixir's inspect/1 shows them: fmt holds one %s
 * for t and, when t2 is not NULL, a second for t2. A NULL t shows as "".
 * Returns -1. */
int em_ddl_raise_inspect(struct em_ddl_raise *r, const char *exception, const char *fmt,
                         const struct mx_term *t, const struct mx_term *t2)
    __attribute__((format(printf, 3, 0)));

/* FunctionClauseError: "no function clause matching in <fun>" (fun as Elixir
 * names it, "Ecto.Migration.table/2"). Returns -1. */
int em_ddl_no_clause(struct em_ddl_raise *r, const char *fun);

/* The tail of Elixir 1.14's Protocol.UndefinedError for String.Chars in an
 * app with ecto_sql and postgrex loaded (protocols consolidated by mix). */
#define EM_STRING_CHARS_IMPLS                                                                      \
	"This protocol is implemented for the following type(s): Atom, BitString, Date, "          \
	"DateTime, Decimal, Float, Integer, List, NaiveDateTime, Postgrex.Copy, Postgrex.Query, "  \
	"Time, URI, Version, Version.Requirement"

/* Appends to_string(t) (`#{t}`: binaries, atoms, numbers, iodata), or raises
 * Protocol.UndefinedError as String.Chars does for anything else (a NULL t
 * included). Returns 0 or -1. */
int em_ddl_to_string(struct mx_buf *b, const struct mx_term *t, struct em_ddl_raise *r);

/* prefix.name, each part written by part; name alone when prefix is nil (or
 * NULL). The shape of both of Ecto's quote_name/2: the adapter's, which
 * quotes, and the runner's, for log lines, which does not. Returns 0 or -1. */
int em_ddl_prefixed(struct mx_buf *b, const struct mx_term *prefix, const struct mx_term *name,
                    int (*part)(struct mx_buf *, const struct mx_term *, struct em_ddl_raise *),
                    struct em_ddl_raise *r);

/* op is :create or :create_if_not_exists; :drop or :drop_if_exists. */
bool em_ddl_is_create(const struct mx_term *op);
bool em_ddl_is_drop(const struct mx_term *op);

/* The tuple {x0, ..., x<n-1>} (n up to 4; the rest are ignored), in a. */
struct mx_term *em_ddl_tuple(struct mx_arena *a, size_t n, struct mx_term *x0, struct mx_term *x1,
                             struct mx_term *x2, struct mx_term *x3);

#endif
