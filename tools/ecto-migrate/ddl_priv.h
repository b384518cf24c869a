/*
 * ddl_priv: term helpers shared by the ddl*.c files (not part of the
 * translator's interface; see ddl.h). They mirror the few Keyword, Map and
 * Kernel functions Ecto's code uses, with the same semantics, so the C reads
 * like the Elixir it follows.
 */
#ifndef EM_DDL_PRIV_H
#define EM_DDL_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "exs/term.h"

/* t is the struct %<module>{} (module spelled "Elixir.Ecto.Migration.Table"). */
bool em_t_is_struct(const struct mx_term *t, const char *module);
/* A struct's field, or NULL when t has no such key. */
const struct mx_term *em_t_field(const struct mx_term *t, const char *key);
/* The text of an atom or a binary (Atom.to_string for atoms); false for
 * anything else. */
bool em_t_text(const struct mx_term *t, const char **s, size_t *n);
/* t is the atom `name`. */
bool em_t_atom(const struct mx_term *t, const char *name);
/* Elixir's is_list/is_binary/is_atom/is_integer. */
bool em_t_is_list(const struct mx_term *t);
bool em_t_is_binary(const struct mx_term *t);
bool em_t_is_atom(const struct mx_term *t);
bool em_t_is_tuple(const struct mx_term *t, size_t n);

/* Keyword.fetch/2: the first value for key, or NULL when absent (a present
 * nil is the nil atom, not NULL). */
const struct mx_term *em_kw_fetch(const struct mx_term *kw, const char *key);
/* Keyword.get/2 as a C truth test: present and truthy. */
bool em_kw_truthy(const struct mx_term *kw, const char *key);
/* Keyword.delete/2: every entry for key removed. */
struct mx_term *em_kw_delete(struct mx_arena *a, const struct mx_term *kw, const char *key);
/* Keyword.put/3: key's entries removed, then [{key, val} | rest]. */
struct mx_term *em_kw_put(struct mx_arena *a, const struct mx_term *kw, const char *key,
                            struct mx_term *val);
/* Keyword.put_new/3. */
struct mx_term *em_kw_put_new(struct mx_arena *a, const struct mx_term *kw, const char *key,
                                struct mx_term *val);
/* Keyword.merge/2: entries of kw1 whose key is in kw2 dropped, then kw2. */
struct mx_term *em_kw_merge(struct mx_arena *a, const struct mx_term *kw1,
                              const struct mx_term *kw2);
/* Keyword.take/2 with one key. */
struct mx_term *em_kw_take1(struct mx_arena *a, const struct mx_term *kw, const char *key);
struct mx_term *em_kw_new(struct mx_arena *a);

/* A struct term: keys :__struct__ then fields[i] = vals[i], in that order. */
struct mx_term *em_t_struct(struct mx_arena *a, const char *module, const char *const *fields,
                              struct mx_term **vals, size_t n);
/* %{s | key: val}: a copy with key replaced (must exist). */
struct mx_term *em_t_struct_put(struct mx_arena *a, const struct mx_term *s, const char *key,
                                  struct mx_term *val);

/* Appends inspect(t) / to_string(t) (the latter returns -1 when t has no
 * String.Chars form). */
void em_t_inspect(const struct mx_term *t, struct mx_buf *out);
int em_t_to_string(const struct mx_term *t, struct mx_buf *out);

#endif
