/*
 * gen_model.h: what phx-gen's resource generators know about a resource,
 * as Phoenix 1.7.24's Mix.Phoenix.Schema and Mix.Phoenix.Context know it,
 * and the names under which templates see it.
 *
 * Data flows one way:
 *
 *   argv --(phx_gen_attrs_parse)--> struct gen_attrs      (the CLI attributes)
 *        --(phx_gen_schema_build)--> struct gen_schema    (Schema.new/4)
 *        --(phx_gen_context_build)-> struct gen_context   (Context.new/3)
 *        --(phx_gen_tree_*)--------> tmpl value tree      (what templates read)
 *
 * What a type means (its schema type, migration type, sample values) is one
 * row of the type table (gen_types.c); templates never test type names.
 * Generators built on this core (html, json, live, auth...) add columns to
 * that table and keys to the tree; they do not re-parse attributes.
 *
 * Memory: every string and array of the model lives in the arena given to
 * the build functions (gen->arena); nothing is freed one by one.
 *
 * ---- Ordering, exactly as Phoenix's ---------------------------------------
 *
 *  attrs        CLI order, references left out (Schema.attrs)
 *  fields       sorted by name: Phoenix iterates the map schema.types, and
 *               a map of up to 32 atom keys iterates in key order. (Beyond
 *               32 attributes Erlang's map order is its hash order, which we
 *               do not reproduce: we keep name order.)
 *  uniques      REVERSE CLI order (Phoenix prepends while reducing); used for
 *               unique_constraint lines and unique indexes
 *  indexes      uniques first (reverse CLI order), then references in CLI
 *               order, one per column (the first wins)
 *  params       sorted by name (Map.new)
 *  fixture_unique_functions  sorted by name
 *  fixture_params  Enum.sort(attrs): by name, then by type term (an atom
 *               before a tuple such as {:array, :string}); duplicates kept
 *
 * ---- The template value tree -----------------------------------------------
 *
 * Every generator renders with one root map. Strings are ready to place
 * (already inspected where Phoenix inspects); booleans are for {% if %}.
 *
 *   app            "hello"           the OTP app (this app, not context_app)
 *   base           "Hello"           Mix.Phoenix.base()
 *   web_module     "HelloWeb"        context.web_module
 *   context_app    "hello"           schema.context_app
 *   web_namespace  "" | "Admin"      (--web, camelized)
 *   web_path       "" | "admin"
 *
 *   schema.module           "Hello.Blog.Post"
 *   schema.alias            "Post"
 *   schema.singular         "post"
 *   schema.plural           "posts"
 *   schema.table            "posts"          (--table, default plural)
 *   schema.table_inspect    "\"posts\""       (inspect schema.table)
 *   schema.table_camel      "Posts"          (Macro.camelize(table))
 *   schema.collection       "posts" | "<singular>_collection"
 *   schema.human_singular   "Post"
 *   schema.human_plural     "Posts"
 *   schema.repo             "Hello.Repo"
 *   schema.repo_alias       "" | ", as: Repo"
 *   schema.file             "lib/hello/blog/post.ex"
 *   schema.binary_id        bool
 *   schema.prefix           "" | "p"         (--prefix, placed raw: ":p")
 *   schema.migration        bool             (schema.migration?)
 *   schema.generate         bool             (schema.generate?, --no-schema)
 *   schema.embedded         bool
 *   schema.migration_module "Ecto.Migration"
 *   schema.timestamps_args  "" | "type: :utc_datetime"  (inside timestamps())
 *   schema.route_helper     "post" | "admin_post"
 *   schema.route_prefix     "/posts" | "/admin/posts"
 *   schema.api_route_prefix "/api/posts"
 *   schema.sample_id        "-1" | "\"11111111-...\""    (inspected)
 *   schema.string_attr      "" | "title"     (first :string field by name)
 *   schema.default_key      "title" | first param | "some_field"
 *   schema.has_fields       bool             (types non-empty)
 *   schema.has_indexes      bool
 *   schema.has_unique_fixtures_to_implement  bool
 *
 *   schema.attrs[]    CLI order, no references     (a field map, below)
 *   schema.fields[]   name order, no references    (a field map, below)
 *   schema.required[] attrs minus :map fields, CLI order (field maps)
 *   schema.assocs[]   .name "post", .key "post_id", .key_atom ":post_id",
 *                     .module "Hello.Blog.Post" (inspected alias),
 *                     .table "posts", .table_atom ":posts"
 *   schema.uniques[]  .name "title", .atom ":title"   (reverse CLI order)
 *   schema.indexes[]  strings: "create unique_index(:posts, [:title])"
 *   schema.fixture_unique_functions[]  (name order)
 *                     .attr "title", .name "unique_post_title",
 *                     .def the function's code (ends in "\n"),
 *                     .needs_impl bool
 *   schema.fixture_params[]  .key "title", .code "unique_post_title()" or
 *                     the inspected create value (name order)
 *
 *   A field map (schema.attrs[i], schema.fields[i]):
 *     name            "title"
 *     label           "Title"             (Phoenix.Naming.humanize(name))
 *     atom            ":title"            (inspect of the atom)
 *     key             "title:"            (as a keyword key: "title:", "\"my-x\":")
 *     type            "string" | "array" | "enum" | ... (the CLI root type,
 *                     after the datetime alias)
 *     sub             "" | the array's element type | the enum's "a:b"
 *     schema_type     ":string", "{:array, :string}", "Ecto.UUID",
 *                     "Ecto.Enum, values: [:a, :b]"
 *     schema_default  "" | ", default: false"
 *     redact          bool;  redact_opt  "" | ", redact: true"
 *     unique          bool
 *     required        bool                (not a :map)
 *     migration_type  ":string", ":text", "{:array, :string}" (enum: ":string")
 *     migration_default  "" | ", default: false, null: false"
 *     create          inspected create value: "\"some title\"", "42", ...
 *     update          inspected update value
 *     create_assert   Schema.value(schema, k, v): Decimal.new("120.5") for
 *     update_assert   decimals, else the inspected value
 *     is_<type>       bool, one per row of the type table (is_boolean, ...)
 *     enum_values[]   ":a", ":b" (inspected atoms; empty unless enum)
 *
 *   context.name          "Blog"
 *   context.module        "Hello.Blog"
 *   context.alias         "Blog"
 *   context.base_module   "Hello"
 *   context.web_module    "HelloWeb"
 *   context.basename      "blog"
 *   context.file          "lib/hello/blog.ex"
 *   context.test_file     "test/hello/blog_test.exs"
 *   context.test_fixtures_file "test/support/fixtures/blog_fixtures.ex"
 *   context.dir           "lib/hello/blog"
 *   context.generate      bool  (--no-context)
 *
 *   params.create_map     "%{title: \"some title\", views: 42}" (to_text)
 *   params.update_map     "%{...}"
 *   params.invalid_map    "%{title: nil, views: nil}"
 */
#ifndef PHX_GEN_MODEL_H
#define PHX_GEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "tmpl/tmpl.h"

/* ---- Types ------------------------------------------------------------ */

/* How a type's sample value is made (Schema.type_to_default/3). */
enum gen_sample {
	GEN_SAMPLE_FIXED,      /* create/update are constant code */
	GEN_SAMPLE_TEXT,       /* "some <key>" / "some updated <key>" */
	GEN_SAMPLE_DATE,       /* yesterday / today: ~D[...] */
	GEN_SAMPLE_NAIVE,      /* ~N[... :00] a day ago / now (seconds 0) */
	GEN_SAMPLE_NAIVE_USEC, /* ~N[... :00.000000] */
	GEN_SAMPLE_UTC,        /* ~U[... :00Z] */
	GEN_SAMPLE_UTC_USEC,   /* ~U[... :00.000000Z] */
	GEN_SAMPLE_ARRAY,      /* by element type */
	GEN_SAMPLE_ENUM,       /* first value / second (or only) value */
};

/* One row per type of Phoenix's @valid_types (plus the datetime alias). */
struct gen_type {
	const char *name;        /* "integer", as on the command line */
	const char *schema_type; /* the schema's type code; NULL: ":<name>" */
	bool ecto_primitive;     /* Ecto.Type.primitive?/1 of the atom */
	bool valid;              /* in @valid_types (datetime is an alias) */
	enum gen_sample sample;
	const char *create, *update; /* code for GEN_SAMPLE_FIXED */
	const char *schema_default;  /* ", default: false" for boolean */
	const char *migration_default;
	bool optional; /* not validate_required (:map) */
};

/* The row named name (the alias datetime answers naive_datetime's row),
 * or NULL. */
const struct gen_type *phx_gen_type_find(const char *name);
/* The table, NULL-name terminated, for iteration (is_<type> keys). */
extern const struct gen_type phx_gen_types[];
/* Is name an Ecto primitive type atom (Ecto.Type.primitive?/1)? */
bool phx_gen_ecto_primitive(const char *name);

/* ---- Attributes ------------------------------------------------------- */

struct gen_attr {
	const char *name;            /* "title" */
	const struct gen_type *type; /* the root type's row (array, enum, ...) */
	/* The second part: an array's element type, an enum's values
	 * ("a:b:c"), a references' table, a composite's value; NULL if none. */
	const char *sub;
	const char **enum_values; /* split sub, for enums */
	size_t n_enum;
	bool reference; /* name:references:table (an assoc) */
};

struct gen_attrs {
	struct gen_attr *v; /* CLI order, references included */
	size_t n;
	/* Names with :unique / :redact, in REVERSE CLI order (as Phoenix's). */
	const char **uniques, **redacts;
	size_t n_uniques, n_redacts;
};

/*
 * Schema.extract_attr_flags + attrs/1 + validate_attr! + partition: parses
 * argv[0..argc) ("title:string:unique", "tags:array:string",
 * "status:enum:a:b", "post_id:references:posts"). Errors carry Phoenix's
 * Mix.raise text (multi-line, ending in "\n" where Phoenix's heredoc does),
 * kind MX_ERR_OTHER: Mix.raise exits 1. Every string lives in a. Returns 0
 * or -1.
 */
int phx_gen_attrs_parse(struct mx_arena *a, int argc, char *const *argv, struct gen_attrs *out,
                        struct mx_err *err);

/* ---- Generator options (the switches and config :app, :generators) ---- */

struct gen_opts {
	/* Tri-state booleans: -1 not given (config, then Phoenix's default). */
	int binary_id, migration, schema, context, merge;
	const char *table, *web, *context_app, *prefix, *repo, *migration_dir;
	bool embedded;
	/* From config :app, :generators (NULL/"" when unset). */
	const char *timestamp_type;   /* atom name, default naive_datetime */
	const char *sample_binary_id; /* default "11111111-1111-1111-1111-111111111111" */
	const char *api_prefix;       /* default "/api" */
	const char *migration_module; /* config :ecto_sql, :migration_module */
	/* inspect of a :migration_module that is no atom (Phoenix raises when
	 * the schema is built), else NULL. */
	const char *migration_module_error;
	bool cfg_binary_id, cfg_migration; /* the config's values (defaults false, true) */
};

/* ---- The project as the generators see it ---------------------------- */

struct gen_project {
	const char *app;          /* otp_app */
	const char *base;         /* Mix.Phoenix.base() */
	const char *web_module;   /* context.web_module */
	const char *context_app;  /* resolved (--context-app or config) */
	const char *context_base; /* Mix.Phoenix.context_base(ctx_app) */
	const char *context_path; /* "" or "../hello" (context_app_path prefix) */
	time_t now;               /* UTC now (SOURCE_DATE_EPOCH when set) */
};

/* ---- Schema (Mix.Phoenix.Schema) -------------------------------------- */

struct gen_assoc {
	const char *name;   /* "post" (key with "_id" removed) */
	const char *key;    /* "post_id" */
	const char *module; /* "Hello.Blog.Post" */
	const char *table;  /* "posts" */
};

struct gen_fixture_fn {
	const char *attr, *name, *def;
	bool needs_impl;
};

struct gen_schema {
	struct mx_arena *arena;
	const struct gen_attrs *cli; /* what was parsed */
	const char *module, *alias, *singular, *plural, *table, *collection;
	const char *human_singular, *human_plural;
	const char *repo, *repo_alias, *file, *migration_module;
	const char *web_namespace, *web_path; /* NULL when no --web */
	const char *route_helper, *route_prefix, *api_route_prefix;
	const char *prefix, *timestamp_type, *sample_id, *string_attr, *default_key;
	const char *sample_binary_id; /* the raw id behind sample_id (binary ids) */
	const char *context_app;
	bool binary_id, migration, generate, embedded;
	/* attrs: CLI order without references; fields: sorted by name. */
	const struct gen_attr **attrs, **fields;
	size_t n_attrs, n_fields;
	/* attrs in Enum.sort/1 order (name, then the type term), a name given
	 * twice kept twice: schema.fixture_params; n_attrs of them. */
	const struct gen_attr **fixture_attrs;
	struct gen_assoc *assocs;
	size_t n_assocs;
	const char **indexes;
	size_t n_indexes;
	struct gen_fixture_fn *fixture_fns; /* name order */
	size_t n_fixture_fns;
	time_t now;
};

/*
 * Schema.new(schema_name, plural, attrs, opts): schema_name as given
 * ("Blog.Post"), plural NULL for embedded. Errors as Phoenix's (an unknown
 * composite type, :migration_module not a module). Returns 0 or -1.
 */
int phx_gen_schema_build(struct mx_arena *a, const struct gen_project *proj,
                         const struct gen_opts *o, const char *schema_name, const char *plural,
                         const struct gen_attrs *attrs, struct gen_schema *out, struct mx_err *err);

/* Module.concat-style validity: ^[A-Z]\w*(\.[A-Z]\w*)*$ */
bool phx_gen_valid_module(const char *s);

/* The sample values of a field (create or update), inspected. */
void phx_gen_sample(const struct gen_schema *s, const struct gen_attr *f, bool update,
                    struct mx_buf *out);
/* Schema.value/3 of that sample: Decimal.new("120.5") for a decimal, else
 * the same text. */
void phx_gen_sample_assert(const struct gen_schema *s, const struct gen_attr *f, bool update,
                           struct mx_buf *out);

/* schema.fixture_params' code of a field: "unique_post_title()" when it has
 * a unique fixture function, else its create sample. */
void phx_gen_fixture_param(const struct gen_schema *s, const struct gen_attr *f,
                           struct mx_buf *out);
/* Is the attribute named name in schema.redacts (by name, as Phoenix's
 * `k in schema.redacts`)? */
bool phx_gen_redacted(const struct gen_schema *s, const char *name);

/* The schema's type code of a field (type_and_opts_for_schema): ":string",
 * "{:array, :string}", "Ecto.Enum, values: [:a, :b]". -1 with Phoenix's
 * "Unknown type `x` given to generator" for a composite of a non-Ecto type. */
int phx_gen_schema_type(const struct gen_attr *f, struct mx_buf *out, struct mx_err *err);
/* inspect(type_for_migration(raw type)): ":text", "{:array, :string}". */
void phx_gen_migration_type(const struct gen_attr *f, struct mx_buf *out);

/* ---- Context (Mix.Phoenix.Context) ------------------------------------ */

struct gen_context {
	const char *name, *module, *alias, *base_module, *web_module, *basename;
	const char *file, *test_file, *test_fixtures_file, *dir, *context_app;
	bool generate;
};

void phx_gen_context_build(struct mx_arena *a, const struct gen_project *proj,
                           const struct gen_opts *o, const char *context_name,
                           struct gen_context *out);

/* Context.function_count/1: the def and defdelegate calls in src (the
 * context file). -1 with err for a syntax error. */
int phx_gen_function_count(const char *file, const char *src, size_t len, size_t *out,
                           struct mx_err *err);
/* Context.file_count/1: the *.ex files under dir, at any depth. */
size_t phx_gen_file_count(const char *dir);

/* ---- The template tree -------------------------------------------------- */

/* The root map described above, in a (context may be NULL). */
struct mx_tmpl_value *phx_gen_tree(struct mx_arena *a, const struct gen_project *proj,
                                   const struct gen_schema *s, const struct gen_context *c);

/* ---- Inspect helpers (Kernel.inspect of what the model holds) ---------- */

/* :name or :"odd name" */
void phx_gen_inspect_atom(const char *name, struct mx_buf *out);
/* "text" with Elixir's escapes */
void phx_gen_inspect_string(const char *s, struct mx_buf *out);
/* name: or "odd name": (a keyword key, with its colon) */
void phx_gen_keyword_key(const char *name, struct mx_buf *out);

#endif
