/*
 * tmpl: mixless's own template language, in which phx-gen's templates are
 * written (templates/<generator>/...). A template is the text of a generated
 * file with tags between {% and %}; the C generator builds a small tree of
 * values (strings, integers, booleans, nil, lists, maps) and renders the
 * template against it. What a type means (its Ecto type, its form input, its
 * test value) lives in the generator's C tables, not in the templates: the
 * templates only place values, repeat over lists and test booleans.
 *
 * The delimiters {% and %} never occur in what Phoenix 1.7's generators emit
 * (Elixir, HEEx, JS: every file under Phoenix v1.7.24's priv/templates was
 * checked), so template text is copied as it stands.
 *
 * ---- Syntax -------------------------------------------------------------
 *
 *   {% schema.alias %}         a value: a name, or a dotted path into maps.
 *                              Strings are copied as they are, integers in
 *                              decimal; anything else is an error.
 *   {% "text" %}               a string literal (escapes \" \\ \n \t)
 *   {%# any text %}            a comment (may span lines)
 *   {%%                        a literal "{%" (the escape; "%}" alone is text)
 *
 *   {% if schema.binary_id %} ... {% elif cond %} ... {% else %} ... {% end %}
 *                              cond: a path, `not cond`, `a and b`, `a or b`
 *                              (`not` binds tightest, then `and`, then `or`).
 *                              Falsy: false, nil, "" and []; all else truthy.
 *   {% for f in schema.fields %} ... {% else %} ... {% end %}
 *                              repeats the body for each item of a list,
 *                              with f bound to the item; the else body runs
 *                              when the list is empty. Inside the body
 *                              `loop.index` (0-based), `loop.first`,
 *                              `loop.last` and `loop.length` describe the
 *                              innermost loop.
 *   {% for k in keys join ", " %}...{% end %}
 *                              puts the string between items (not after
 *                              the last): `[{% for k in keys join ", " %}:{% k %}{% end %}]`
 *   {% include "phx.gen.html/form_field.ex" %}
 *                              renders another template of the same set
 *                              here, seeing the same names (loop variables
 *                              included). Names are paths from the set's
 *                              root, without "..".
 *
 *   Names: letters, digits and '_', not starting with a digit; the words
 *   if elif else end for in join include not and or are reserved. A name is
 *   looked up in the loop variables, innermost first, then in the root map.
 *   A name that is not there, or a path through something that is not a
 *   map, is an error at the tag's file:line:col: a template asking for a
 *   value that the generator did not give is a bug to report, not a blank.
 *
 * ---- Whitespace ---------------------------------------------------------
 *
 * Output is byte-exact: text outside tags is copied unchanged, with one rule
 * (Mustache's "standalone" lines) that keeps templates readable. A line that
 * holds nothing but spaces/tabs and block tags (if, elif, else, end, for,
 * include, comments; at most one include) disappears entirely, its newline
 * included. Value tags never make a line standalone. So
 *
 *   schema "posts" do
 *   {% for f in fields %}
 *     field :{% f.name %}, {% f.type %}
 *   {% end %}
 *   end
 *
 * renders one `field` line per item and nothing else. A standalone include
 * indents what it renders by the whitespace before the tag: every line that
 * comes from template text gets the indentation, except empty lines (so
 * generated code has no trailing whitespace) and lines inside multi-line
 * values (which are placed as they are).
 *
 * ---- Use from C ---------------------------------------------------------
 *
 *   struct mx_arena a = MX_ARENA_INIT;
 *   struct mx_tmpl_value *root = mx_tmpl_map_new(&a);
 *   struct mx_tmpl_value *schema = mx_tmpl_put_map(root, "schema");
 *   mx_tmpl_put_str(schema, "alias", "Post");
 *   mx_tmpl_put_bool(schema, "binary_id", false);
 *   struct mx_tmpl_value *fields = mx_tmpl_put_list(schema, "fields");
 *   struct mx_tmpl_value *f = mx_tmpl_push_map(fields);
 *   mx_tmpl_put_str(f, "name", "title");
 *
 *   struct mx_tmpl_set *set = mx_tmpl_set_new("/usr/share/mixless/templates");
 *   const struct mx_tmpl *t = mx_tmpl_set_get(set, "phx.gen.schema/schema.ex", &err);
 *   if (!t || mx_tmpl_render(t, root, &out, &err) < 0)
 *           ... report err (file:line:col: message) ...
 *   mx_tmpl_set_free(set);
 *   mx_arena_release(&a);
 *
 * A template is parsed once (when first asked for) and can be rendered any
 * number of times, with any data; rendering never changes it.
 */
#ifndef MX_TMPL_H
#define MX_TMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../arena.h"
#include "../buf.h"
#include "../diag.h"

/* ---- Values ------------------------------------------------------------ */

enum mx_tmpl_type {
	MX_TMPL_NIL,
	MX_TMPL_BOOL,
	MX_TMPL_INT,
	MX_TMPL_STR,
	MX_TMPL_LIST,
	MX_TMPL_MAP,
};

struct mx_tmpl_entry {
	const char *key;
	struct mx_tmpl_value *val;
};

/* A value of the data tree. Every value lives in the arena it was made in
 * (strings are copied there); lists and maps remember that arena, so the
 * put/push helpers need no arena argument. Nothing is freed one by one:
 * release the arena when the rendering is done. */
struct mx_tmpl_value {
	enum mx_tmpl_type type;
	union {
		bool b;
		int64_t i;
		struct {
			const char *s;
			size_t len;
		} str;
		struct {
			struct mx_tmpl_value **items;
			size_t n, alloc;
			struct mx_arena *arena;
		} list;
		struct {
			struct mx_tmpl_entry *entries;
			size_t n, alloc;
			struct mx_arena *arena;
		} map;
	} u;
};

struct mx_tmpl_value *mx_tmpl_nil_new(struct mx_arena *a);
struct mx_tmpl_value *mx_tmpl_bool_new(struct mx_arena *a, bool b);
struct mx_tmpl_value *mx_tmpl_int_new(struct mx_arena *a, int64_t i);
/* Copies s (NUL-terminated) or s[0..n). */
struct mx_tmpl_value *mx_tmpl_str_new(struct mx_arena *a, const char *s);
struct mx_tmpl_value *mx_tmpl_strn_new(struct mx_arena *a, const char *s, size_t n);
struct mx_tmpl_value *mx_tmpl_strf_new(struct mx_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
struct mx_tmpl_value *mx_tmpl_list_new(struct mx_arena *a);
struct mx_tmpl_value *mx_tmpl_map_new(struct mx_arena *a);

/* Sets key in map to v, replacing an earlier value of that key (the key is
 * copied). map must be a map. Returns v. */
struct mx_tmpl_value *mx_tmpl_put(struct mx_tmpl_value *map, const char *key,
                                  struct mx_tmpl_value *v);
void mx_tmpl_put_str(struct mx_tmpl_value *map, const char *key, const char *s);
void mx_tmpl_put_strf(struct mx_tmpl_value *map, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void mx_tmpl_put_bool(struct mx_tmpl_value *map, const char *key, bool b);
void mx_tmpl_put_int(struct mx_tmpl_value *map, const char *key, int64_t i);
void mx_tmpl_put_nil(struct mx_tmpl_value *map, const char *key);
/* A new empty map / list stored under key; returns it for filling. */
struct mx_tmpl_value *mx_tmpl_put_map(struct mx_tmpl_value *map, const char *key);
struct mx_tmpl_value *mx_tmpl_put_list(struct mx_tmpl_value *map, const char *key);

/* Appends v to list (a list). Returns v. */
struct mx_tmpl_value *mx_tmpl_push(struct mx_tmpl_value *list, struct mx_tmpl_value *v);
void mx_tmpl_push_str(struct mx_tmpl_value *list, const char *s);
/* A new empty map appended to list; returns it for filling. */
struct mx_tmpl_value *mx_tmpl_push_map(struct mx_tmpl_value *list);

/* The value of key in map, or NULL (also when map is not a map). */
const struct mx_tmpl_value *mx_tmpl_get(const struct mx_tmpl_value *map, const char *key);

/* ---- Templates ------------------------------------------------------- */

struct mx_tmpl;
struct mx_tmpl_set;

/*
 * A set of named templates: the templates of the generators, which include
 * one another by name. root (may be NULL) is the directory a name is read
 * from when it was not added with mx_tmpl_set_add: name "a/b.ex" is the
 * file root/a/b.ex, and errors in it are reported with that path.
 * Free with mx_tmpl_set_free (accepts NULL).
 */
struct mx_tmpl_set *mx_tmpl_set_new(const char *root);
void mx_tmpl_set_free(struct mx_tmpl_set *set);

/*
 * Parses src[0..len) as the template called name (src is copied; file names
 * it in error messages, NULL meaning name). A name added twice replaces the
 * earlier template only if that one was never returned by mx_tmpl_set_get;
 * otherwise it is an error. Returns 0, or -1 with err at file:line:col for
 * a syntax error.
 */
int mx_tmpl_set_add(struct mx_tmpl_set *set, const char *name, const char *file, const char *src,
                    size_t len, struct mx_err *err);

/*
 * The template called name, ready to render: parsed (read from the root
 * when it was not added) and with every include it makes, directly or not,
 * found and parsed as well. Returns NULL with err filled on a syntax error,
 * a missing file, an include that names a missing template or makes a
 * cycle. The template belongs to the set and lives as long as it.
 */
const struct mx_tmpl *mx_tmpl_set_get(struct mx_tmpl_set *set, const char *name,
                                      struct mx_err *err);

/*
 * Renders t with data (a map: the root of name lookups), appending to out.
 * Returns 0, or -1 with err at the template's file:line:col (unknown name,
 * a value that cannot be printed, a loop over something that is not a
 * list). On error, out holds what was rendered before it.
 */
int mx_tmpl_render(const struct mx_tmpl *t, const struct mx_tmpl_value *data, struct mx_buf *out,
                   struct mx_err *err);

/* The name of t, and the file its errors name. */
const char *mx_tmpl_name(const struct mx_tmpl *t);
const char *mx_tmpl_file(const struct mx_tmpl *t);

#endif
