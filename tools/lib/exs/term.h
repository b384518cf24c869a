/*
 * term: Elixir values as the evaluator produces them and the tools consume
 * them (a migration's `add :name, :string, null: false` arrives as the atom
 * name, the atom string and the keyword list [null: false]).
 *
 * Terms are immutable and allocated in an arena (see arena.h); they are never
 * freed one by one. Elixir's own encoding is kept: nil/true/false are atoms,
 * aliases are atoms spelled "Elixir.Foo.Bar", keyword lists are lists of
 * {atom, value} tuples, charlists are lists of integers, structs are maps with
 * a :__struct__ key.
 */
#ifndef MX_EXS_TERM_H
#define MX_EXS_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../arena.h"
#include "../buf.h"

enum mx_term_type {
	MX_TERM_ATOM,
	MX_TERM_INT,
	MX_TERM_FLOAT,
	MX_TERM_BINARY, /* an Elixir string (UTF-8 bytes, may hold NULs) */
	MX_TERM_LIST,   /* proper list; tail is NULL except for [h | t] */
	MX_TERM_TUPLE,
	MX_TERM_MAP,    /* keys/vals in insertion order; structs too */
	MX_TERM_FUN,    /* a closure (fn or capture); opaque outside the evaluator */
	MX_TERM_OPAQUE, /* a value the reader knows exists but does not model
			   (a ~r regex, a PID...): what says which */
};

struct mx_term {
	enum mx_term_type type;
	union {
		struct { const char *name; size_t len; } atom;
		int64_t i;
		double f;
		struct { const char *data; size_t len; } bin;
		struct { struct mx_term **items; size_t n; struct mx_term *tail; } list;
		struct { struct mx_term **items; size_t n; } tuple;
		struct { struct mx_term **keys, **vals; size_t n; } map;
		struct { const void *node; void *env; } fun;
		struct { const char *what; } opaque;
	} u;
};

/* ---- Constructors (all arena-allocated; strings are copied) ---------- */
struct mx_term *mx_term_atom(struct mx_arena *a, const char *name);
struct mx_term *mx_term_atomn(struct mx_arena *a, const char *name, size_t n);
struct mx_term *mx_term_nil(struct mx_arena *a);
struct mx_term *mx_term_bool(struct mx_arena *a, bool v);
struct mx_term *mx_term_int(struct mx_arena *a, int64_t v);
struct mx_term *mx_term_float(struct mx_arena *a, double v);
struct mx_term *mx_term_binary(struct mx_arena *a, const char *s, size_t n);
struct mx_term *mx_term_string(struct mx_arena *a, const char *s);
/* items is copied (the pointers, not the terms). */
struct mx_term *mx_term_list(struct mx_arena *a, struct mx_term **items, size_t n);
struct mx_term *mx_term_tuple(struct mx_arena *a, struct mx_term **items, size_t n);
struct mx_term *mx_term_tuple2(struct mx_arena *a, struct mx_term *x, struct mx_term *y);
struct mx_term *mx_term_map(struct mx_arena *a, struct mx_term **keys,
			    struct mx_term **vals, size_t n);
struct mx_term *mx_term_opaque(struct mx_arena *a, const char *what);

/* ---- Predicates and accessors ----------------------------------------- */
bool mx_term_is_atom(const struct mx_term *t, const char *name);
bool mx_term_is_nil(const struct mx_term *t);
/* Elixir truthiness: everything but nil and false. */
bool mx_term_truthy(const struct mx_term *t);
/* An Elixir string equal to s. */
bool mx_term_is_string(const struct mx_term *t, const char *s);
/* A keyword list: a proper list of {atom, value} 2-tuples ([] is one). */
bool mx_term_is_keyword(const struct mx_term *t);
/* Structural equality, as Elixir's === (1 and 1.0 differ). */
bool mx_term_equal(const struct mx_term *x, const struct mx_term *y);
/* Erlang's term order (number < atom < ... < list < bitstring); for sorting. */
int mx_term_compare(const struct mx_term *x, const struct mx_term *y);

/* Value for key in a keyword list (the first occurrence, as Keyword.get),
 * or NULL when absent or t is not a list. */
const struct mx_term *mx_term_kw_get(const struct mx_term *kw, const char *key);
/* Value for an atom key in a map (struct field), or NULL. */
const struct mx_term *mx_term_map_get_atom(const struct mx_term *m, const char *key);
/* For a struct term, its module ("Elixir.Ecto.Migration.Table"); else NULL. */
const char *mx_term_struct_name(const struct mx_term *t);

/* The alias an atom stands for, as Elixir prints it: "Elixir.Foo" -> "Foo".
 * Returns the atom name unchanged for plain atoms. */
const char *mx_term_alias_name(const struct mx_term *atom);

/* Appends the term as Kernel.inspect/1 prints it: :foo, "str", [a: 1],
 * %{"k" => 1}, {1, 2}, Foo.Bar, ~c"abc", 1.0, nil. */
void mx_term_inspect(const struct mx_term *t, struct mx_buf *out);
/* Appends the term as to_string/1 (String.Chars) would: atoms without the
 * colon, strings raw, integers and floats as Elixir prints them, charlists
 * and iodata lists flattened. Returns -1 (nothing appended) for terms with no
 * String.Chars implementation (tuples, maps, funs). */
int mx_term_to_string(const struct mx_term *t, struct mx_buf *out);

/* ---- Calendar structs (term_calendar.c) ----------------------------- */

enum mx_calendar_kind {
	MX_CAL_NONE, /* not one of them (or another calendar, or a zone not UTC) */
	MX_CAL_DATE,
	MX_CAL_TIME,
	MX_CAL_NAIVE,
	MX_CAL_UTC, /* a %DateTime{} in Etc/UTC */
};
/* %Date{}, %Time{}, %NaiveDateTime{} or %DateTime{} (Etc/UTC) in
 * Calendar.ISO for a time in microseconds since the Unix epoch, with
 * microsecond precision `precision` (0..6; the digits beyond it are 0), as
 * Elixir builds them (fields in Elixir's order), allocated in a. */
struct mx_term *mx_term_calendar(struct mx_arena *a, enum mx_calendar_kind kind, int64_t unix_us,
                                 unsigned precision);
/* Which calendar struct t is. */
enum mx_calendar_kind mx_term_calendar_kind(const struct mx_term *t);
/* Appends t as String.Chars (iso false: "2024-01-02 03:04:05.123456Z") or
 * to_iso8601 (iso true: "2024-01-02T03:04:05.123456Z") prints it; false
 * (nothing appended) when t is not a calendar struct this knows. */
bool mx_term_calendar_format(const struct mx_term *t, bool iso, struct mx_buf *out);
/* Appends Inspect's sigil form (~U[2024-01-02 03:04:05Z], ~D[...]). */
bool mx_term_calendar_inspect(const struct mx_term *t, struct mx_buf *out);

/* ---- Improper lists, structs, map lookup, float and UTF-8 helpers ---- */

/* [items... | tail]; a list tail is spliced in, so [a | [b]] is [a, b]. */
struct mx_term *mx_term_improper_list(struct mx_arena *a, struct mx_term **items,
				      size_t n, struct mx_term *tail);
/* %Module{f1: v1, ...}: a map whose first key is :__struct__ (module is the
 * atom name, "Elixir.Ecto.Migration.Table"); fields keep the given order,
 * which is the order inspect prints them in. */
struct mx_term *mx_term_struct(struct mx_arena *a, const char *module,
			       const char *const *fields, struct mx_term **vals, size_t n);
/* [] */
bool mx_term_is_empty_list(const struct mx_term *t);
/* Value for any key in a map (compared with ===), or NULL. */
const struct mx_term *mx_term_map_get(const struct mx_term *m, const struct mx_term *key);
/* ---- Keyword and Map updates, as Elixir's Keyword and Map make them ----
 * Each builds a new term in a (the arguments are left as they are; a
 * result may share their items). A kw that is NULL or no list counts as []
 * (options that were not given); items of kw that are no {key, value} pair
 * are kept as they are. Keys compare with ===. */

/* The index of the first {key, _} in kw, or -1. */
long mx_term_kw_index(const struct mx_term *kw, const struct mx_term *key);
/* Keyword.delete/2: kw without any {key, _}. */
struct mx_term *mx_term_kw_delete(struct mx_arena *a, const struct mx_term *kw,
				  const struct mx_term *key);
/* Keyword.put/3: [{key, val} | Keyword.delete(kw, key)]. */
struct mx_term *mx_term_kw_put(struct mx_arena *a, const struct mx_term *kw,
			       struct mx_term *key, struct mx_term *val);
/* Keyword.put_new/3: kw itself when it has key (anywhere, the head too),
 * else [{key, val} | kw]. */
struct mx_term *mx_term_kw_put_new(struct mx_arena *a, const struct mx_term *kw,
				   struct mx_term *key, struct mx_term *val);
/* Keyword.merge/2: kw1's pairs whose key kw2 does not have, then kw2. */
struct mx_term *mx_term_kw_merge(struct mx_arena *a, const struct mx_term *kw1,
				 const struct mx_term *kw2);
/* Map.put/3: m with key set to val, in place when m has key, else added
 * last. m must be a map (as for the three below). */
struct mx_term *mx_term_map_put(struct mx_arena *a, const struct mx_term *m,
				struct mx_term *key, struct mx_term *val);
/* Map.merge/2: m1 with each pair of m2 put, in m2's order. */
struct mx_term *mx_term_map_merge(struct mx_arena *a, const struct mx_term *m1,
				  const struct mx_term *m2);
/* Map.merge(m, Map.new(pairs)), pairs a proper list of {key, value}
 * tuples: m with each put in order (a later one wins). */
struct mx_term *mx_term_map_put_pairs(struct mx_arena *a, const struct mx_term *m,
				      const struct mx_term *pairs);
/* Map.replace/3 (and %{m | key: val} once the key is known): m with key's
 * value replaced; m itself when it has no key. */
struct mx_term *mx_term_map_replace(struct mx_arena *a, const struct mx_term *m,
				    const struct mx_term *key, struct mx_term *val);

/* Appends a float as Elixir prints it (Float.to_string/1: the shortest
 * digits that read back, 1.0, 0.1, 1.0e20, 1.0e-5). */
void mx_term_format_float(double v, struct mx_buf *out);
/* Appends code point cp as UTF-8. */
void mx_term_utf8_encode(struct mx_buf *out, uint32_t cp);
/* Decodes one UTF-8 sequence of s[0..n): returns its length and sets *cp,
 * or returns 0 when the bytes are not valid UTF-8. */
size_t mx_term_utf8_decode(const char *s, size_t n, uint32_t *cp);

#endif
