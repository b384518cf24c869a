/*
 * gen_override: a project's own templates, as Phoenix takes them
 * (Mix.Phoenix.generator_paths/0 looks in "." before Phoenix's priv): a
 * file priv/templates/<generator>/<name> replaces our template and is
 * rendered as EEx with Phoenix's bindings (`schema`, `context`: the
 * Mix.Phoenix.Schema and Mix.Phoenix.Context structs as terms) by the exs
 * evaluator, with the Mix.Phoenix / Mix.Phoenix.Schema / Phoenix.Naming
 * functions such templates call as builtins. What the evaluator cannot run
 * is an error at the template's file:line:col, before anything is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eex/eex.h"
#include "fsutil.h"
#include "gen_names.h"
#include "gen_override.h"
#include "project/inflect.h"

/* ---- The model as terms ----------------------------------------------------- */

struct conv {
	struct mx_arena *a;
	const struct gen_schema *s;
};

static struct mx_term *atom(struct conv *c, const char *name)
{
	return mx_term_atom(c->a, name);
}

static struct mx_term *module_atom(struct conv *c, const char *mod)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_addf(&b, "Elixir.%s", mod);
	struct mx_term *t = mx_term_atom(c->a, b.buf);
	mx_buf_release(&b);
	return t;
}

static struct mx_term *str_or_nil(struct conv *c, const char *s)
{
	return s ? mx_term_string(c->a, s) : mx_term_nil(c->a);
}

/* The raw attribute type, as Schema.attrs/1 leaves it. */
static struct mx_term *raw_type(struct conv *c, const struct gen_attr *f)
{
	if (!f->sub)
		return atom(c, f->type->name);
	return mx_term_tuple2(c->a, atom(c, f->type->name), atom(c, f->sub));
}

/* schema.types[k] */
static struct mx_term *schema_type(struct conv *c, const struct gen_attr *f)
{
	const char *n = f->type->name;
	if (!f->sub) {
		if (!strcmp(n, "text"))
			return atom(c, "string");
		if (!strcmp(n, "uuid"))
			return atom(c, "Elixir.Ecto.UUID");
		return atom(c, n);
	}
	if (!strcmp(n, "enum")) {
		struct mx_term **vals = MX_ARENA_NEWN(c->a, struct mx_term *, f->n_enum + 1);
		for (size_t i = 0; i < f->n_enum; i++)
			vals[i] = atom(c, f->enum_values[i]);
		struct mx_term *kv =
		    mx_term_tuple2(c->a, atom(c, "values"), mx_term_list(c->a, vals, f->n_enum));
		return mx_term_tuple2(c->a, atom(c, "enum"), mx_term_list(c->a, &kv, 1));
	}
	const char *sub = !strcmp(f->sub, "text")   ? "string"
	                  : !strcmp(f->sub, "uuid") ? "Elixir.Ecto.UUID"
	                                            : f->sub;
	return mx_term_tuple2(c->a, atom(c, n), atom(c, sub));
}

/* A sample value as a term whose inspect is the code Phoenix prints. */
static struct mx_term *sample(struct conv *c, const struct gen_attr *f, bool update)
{
	struct mx_buf b = MX_BUF_INIT;
	phx_gen_sample(c->s, f, update, &b);
	struct mx_term *t;
	/* Strings, numbers and atoms as real terms (to_string works on them);
	 * dates, lists and maps print as written. */
	if (b.buf[0] == '"') {
		struct mx_buf raw = MX_BUF_INIT;
		mx_buf_add(&raw, b.buf + 1, b.len - 2);
		t = mx_term_string(c->a, raw.buf);
		mx_buf_release(&raw);
	} else if (!strcmp(b.buf, "true") || !strcmp(b.buf, "false")) {
		t = mx_term_bool(c->a, b.buf[0] == 't');
	} else if ((b.buf[0] >= '0' && b.buf[0] <= '9') && !strchr(b.buf, '.')) {
		t = mx_term_int(c->a, strtoll(b.buf, NULL, 10));
	} else if (b.buf[0] >= '0' && b.buf[0] <= '9') {
		t = mx_term_float(c->a, strtod(b.buf, NULL));
	} else {
		t = mx_term_opaque(c->a, b.buf);
	}
	mx_buf_release(&b);
	return t;
}

static struct mx_term *fields_map(struct conv *c, int which)
{
	const struct gen_schema *s = c->s;
	struct mx_term **k = MX_ARENA_NEWN(c->a, struct mx_term *, s->n_fields + 1);
	struct mx_term **v = MX_ARENA_NEWN(c->a, struct mx_term *, s->n_fields + 1);
	for (size_t i = 0; i < s->n_fields; i++) {
		const struct gen_attr *f = s->fields[i];
		k[i] = atom(c, f->name);
		switch (which) {
		case 0:
			v[i] = sample(c, f, false);
			break;
		case 1:
			v[i] = sample(c, f, true);
			break;
		case 2:
			v[i] = schema_type(c, f);
			break;
		case 3:
			v[i] = mx_term_string(c->a, f->sub ? "" : f->type->schema_default);
			break;
		default:
			v[i] = mx_term_string(c->a, f->sub ? "" : f->type->migration_default);
			break;
		}
	}
	return mx_term_map(c->a, k, v, s->n_fields);
}

static struct mx_term *atoms(struct conv *c, const char *const *names, size_t n)
{
	struct mx_term **v = MX_ARENA_NEWN(c->a, struct mx_term *, n + 1);
	for (size_t i = 0; i < n; i++)
		v[i] = atom(c, names[i]);
	return mx_term_list(c->a, v, n);
}

struct mx_term *phx_gen_schema_term(struct mx_arena *a, const struct gen_project *proj,
                                    const struct gen_schema *s)
{
	struct conv c = {a, s};
	static const char *const names[] = {
	    "module",
	    "repo",
	    "repo_alias",
	    "table",
	    "collection",
	    "embedded?",
	    "generate?",
	    "opts",
	    "alias",
	    "file",
	    "attrs",
	    "string_attr",
	    "plural",
	    "singular",
	    "uniques",
	    "redacts",
	    "assocs",
	    "types",
	    "indexes",
	    "defaults",
	    "human_singular",
	    "human_plural",
	    "binary_id",
	    "migration_defaults",
	    "migration?",
	    "params",
	    "optionals",
	    "sample_id",
	    "web_path",
	    "web_namespace",
	    "context_app",
	    "route_helper",
	    "route_prefix",
	    "api_route_prefix",
	    "migration_module",
	    "fixture_unique_functions",
	    "fixture_params",
	    "prefix",
	    "timestamp_type",
	};
	enum { N = sizeof(names) / sizeof(names[0]) };
	struct mx_term *v[N];
	size_t i = 0;
	struct mx_term **items;

	v[i++] = module_atom(&c, s->module);
	v[i++] = module_atom(&c, s->repo);
	v[i++] = mx_term_string(a, s->repo_alias);
	v[i++] = str_or_nil(&c, s->table);
	v[i++] = mx_term_string(a, s->collection);
	v[i++] = mx_term_bool(a, s->embedded);
	v[i++] = mx_term_bool(a, s->generate);
	v[i++] = mx_term_list(a, NULL, 0);
	v[i++] = module_atom(&c, s->alias);
	v[i++] = mx_term_string(a, s->file);
	items = MX_ARENA_NEWN(a, struct mx_term *, s->n_attrs + 1);
	for (size_t k = 0; k < s->n_attrs; k++)
		items[k] =
		    mx_term_tuple2(a, atom(&c, s->attrs[k]->name), raw_type(&c, s->attrs[k]));
	v[i++] = mx_term_list(a, items, s->n_attrs);
	v[i++] = s->string_attr ? atom(&c, s->string_attr) : mx_term_nil(a);
	v[i++] = str_or_nil(&c, s->plural);
	v[i++] = mx_term_string(a, s->singular);
	v[i++] = atoms(&c, s->cli->uniques, s->cli->n_uniques);
	v[i++] = atoms(&c, s->cli->redacts, s->cli->n_redacts);
	items = MX_ARENA_NEWN(a, struct mx_term *, s->n_assocs + 1);
	for (size_t k = 0; k < s->n_assocs; k++) {
		struct mx_term *t4[4] = {atom(&c, s->assocs[k].name), atom(&c, s->assocs[k].key),
		                         mx_term_string(a, s->assocs[k].module),
		                         atom(&c, s->assocs[k].table)};
		items[k] = mx_term_tuple(a, t4, 4);
	}
	v[i++] = mx_term_list(a, items, s->n_assocs);
	v[i++] = fields_map(&c, 2);
	items = MX_ARENA_NEWN(a, struct mx_term *, s->n_indexes + 1);
	for (size_t k = 0; k < s->n_indexes; k++)
		items[k] = mx_term_string(a, s->indexes[k]);
	v[i++] = mx_term_list(a, items, s->n_indexes);
	v[i++] = fields_map(&c, 3);
	v[i++] = mx_term_string(a, s->human_singular);
	v[i++] = mx_term_string(a, s->human_plural);
	v[i++] = mx_term_bool(a, s->binary_id);
	v[i++] = fields_map(&c, 4);
	v[i++] = mx_term_bool(a, s->migration);
	{
		struct mx_term *pk[3] = {atom(&c, "create"), atom(&c, "default_key"),
		                         atom(&c, "update")};
		struct mx_term *pv[3] = {fields_map(&c, 0), atom(&c, s->default_key),
		                         fields_map(&c, 1)};
		v[i++] = mx_term_map(a, pk, pv, 3);
	}
	items = MX_ARENA_NEWN(a, struct mx_term *, s->n_fields + 1);
	size_t no = 0;
	for (size_t k = 0; k < s->n_fields; k++)
		if (!s->fields[k]->sub && s->fields[k]->type->optional)
			items[no++] = atom(&c, s->fields[k]->name);
	v[i++] = mx_term_list(a, items, no);
	v[i++] = s->binary_id ? mx_term_string(a, s->sample_binary_id) : mx_term_int(a, -1);
	v[i++] = str_or_nil(&c, s->web_path);
	v[i++] = str_or_nil(&c, s->web_namespace);
	v[i++] = atom(&c, proj->context_app);
	v[i++] = mx_term_string(a, s->route_helper);
	v[i++] = mx_term_string(a, s->route_prefix);
	v[i++] = mx_term_string(a, s->api_route_prefix);
	v[i++] = module_atom(&c, s->migration_module);
	items = MX_ARENA_NEWN(a, struct mx_term *, s->n_fixture_fns + 1);
	for (size_t k = 0; k < s->n_fixture_fns; k++) {
		struct mx_term *t3[3] = {mx_term_string(a, s->fixture_fns[k].name),
		                         mx_term_string(a, s->fixture_fns[k].def),
		                         mx_term_bool(a, s->fixture_fns[k].needs_impl)};
		items[k] =
		    mx_term_tuple2(a, atom(&c, s->fixture_fns[k].attr), mx_term_tuple(a, t3, 3));
	}
	v[i++] = mx_term_list(a, items, s->n_fixture_fns);
	items = MX_ARENA_NEWN(a, struct mx_term *, s->n_attrs + 1);
	for (size_t k = 0; k < s->n_attrs; k++) {
		struct mx_buf b = MX_BUF_INIT;
		phx_gen_fixture_param(s, s->fixture_attrs[k], &b);
		items[k] = mx_term_tuple2(a, atom(&c, s->fixture_attrs[k]->name),
		                          mx_term_string(a, b.buf));
		mx_buf_release(&b);
	}
	v[i++] = mx_term_list(a, items, s->n_attrs);
	v[i++] = str_or_nil(&c, s->prefix);
	v[i++] = atom(&c, s->timestamp_type);
	return mx_term_struct(a, "Elixir.Mix.Phoenix.Schema", names, v, i);
}

struct mx_term *phx_gen_context_term(struct mx_arena *a, const struct gen_project *proj,
                                     const struct gen_context *ctx, struct mx_term *schema)
{
	struct conv c = {a, NULL};
	static const char *const names[] = {
	    "name",       "module",    "schema",      "alias",     "base_module",
	    "web_module", "basename",  "file",        "test_file", "test_fixtures_file",
	    "dir",        "generate?", "context_app", "opts",
	};
	struct mx_term *v[] = {
	    mx_term_string(a, ctx->name),      module_atom(&c, ctx->module),
	    schema ? schema : mx_term_nil(a),  module_atom(&c, ctx->alias),
	    module_atom(&c, ctx->base_module), module_atom(&c, ctx->web_module),
	    mx_term_string(a, ctx->basename),  mx_term_string(a, ctx->file),
	    mx_term_string(a, ctx->test_file), mx_term_string(a, ctx->test_fixtures_file),
	    mx_term_string(a, ctx->dir),       mx_term_bool(a, ctx->generate),
	    atom(&c, proj->context_app),       mx_term_list(a, NULL, 0),
	};
	return mx_term_struct(a, "Elixir.Mix.Phoenix.Context", names, v, sizeof(v) / sizeof(v[0]));
}

/* ---- The functions templates call ------------------------------------------- */

struct host {
	const struct gen_schema *s;
	const struct gen_session *session;
};

static int want_string(const struct mx_eval_call *call, size_t i, struct mx_buf *out,
                       struct mx_err *err)
{
	const struct mx_term *t = call->args[i];
	if (t->type == MX_TERM_BINARY) {
		mx_buf_add(out, t->u.bin.data, t->u.bin.len);
		return 0;
	}
	if (t->type == MX_TERM_ATOM) {
		mx_buf_adds(out, mx_term_alias_name(t));
		return 0;
	}
	return mx_err_at(err, MX_ERR_EVAL, call->node->file, call->node->line, call->node->col,
	                 "%s.%s/%zu expects a string", call->module, call->name, call->arity);
}

static int naming(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **res,
                  void *ctx, struct mx_err *err)
{
	struct mx_buf in = MX_BUF_INIT, out = MX_BUF_INIT;
	if (want_string(call, 0, &in, err) < 0) {
		mx_buf_release(&in);
		return -1;
	}
	if (!strcmp(call->name, "camelize"))
		mx_inflect_camelize(in.buf, &out);
	else if (!strcmp(call->name, "underscore"))
		mx_inflect_underscore(in.buf, &out);
	else
		mx_inflect_humanize(in.buf, &out);
	*res = mx_term_binary(ev->arena, out.buf, out.len);
	mx_buf_release(&in);
	mx_buf_release(&out);
	return MX_EVAL_HANDLED;
}

static int to_text(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **res,
                   void *ctx, struct mx_err *err)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(call->args[0], &b);
	*res = mx_term_binary(ev->arena, b.buf, b.len);
	mx_buf_release(&b);
	return MX_EVAL_HANDLED;
}

static int map_equal(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **res,
                     void *ctx, struct mx_err *err)
{
	*res = mx_term_bool(ev->arena, mx_term_equal(call->args[0], call->args[1]));
	return MX_EVAL_HANDLED;
}

static const struct gen_attr *field_named(const struct gen_schema *s, const struct mx_term *k)
{
	if (k->type != MX_TERM_ATOM)
		return NULL;
	for (size_t i = 0; i < s->n_fields; i++)
		if (!strcmp(s->fields[i]->name, k->u.atom.name))
			return s->fields[i];
	return NULL;
}

static int schema_fn(struct mx_eval *ev, const struct mx_eval_call *call, struct mx_term **res,
                     void *ctx, struct mx_err *err)
{
	const struct host *h = ctx;
	const struct gen_schema *s = h->s;
	struct mx_arena *a = ev->arena;
	struct mx_buf b = MX_BUF_INIT;
	struct mx_err e2 = MX_ERR_INIT;
	if (!s)
		return MX_EVAL_UNKNOWN;
	if (!strcmp(call->name, "format_fields_for_schema")) {
		for (size_t i = 0; i < s->n_fields; i++) {
			const struct gen_attr *f = s->fields[i];
			if (i)
				mx_buf_addch(&b, '\n');
			mx_buf_adds(&b, "    field ");
			phx_gen_inspect_atom(f->name, &b);
			mx_buf_adds(&b, ", ");
			phx_gen_schema_type(f, &b, &e2);
			mx_buf_adds(&b, f->sub ? "" : f->type->schema_default);
			mx_buf_adds(&b, phx_gen_redacted(s, f->name) ? ", redact: true" : "");
		}
		*res = mx_term_binary(a, b.buf, b.len);
	} else if (!strcmp(call->name, "type_for_migration")) {
		const struct mx_term *t = call->args[0];
		*res = t->type == MX_TERM_TUPLE && t->u.tuple.n == 2 &&
		               mx_term_is_atom(t->u.tuple.items[0], "enum")
		           ? mx_term_atom(a, "string")
		           : (struct mx_term *)t;
	} else if (!strcmp(call->name, "required_fields")) {
		struct mx_term **items = MX_ARENA_NEWN(a, struct mx_term *, s->n_attrs + 1);
		size_t n = 0;
		struct conv c = {a, s};
		for (size_t i = 0; i < s->n_attrs; i++)
			if (s->attrs[i]->sub || !s->attrs[i]->type->optional)
				items[n++] = mx_term_tuple2(a, mx_term_atom(a, s->attrs[i]->name),
				                            raw_type(&c, s->attrs[i]));
		*res = mx_term_list(a, items, n);
	} else if (!strcmp(call->name, "value")) {
		const struct gen_attr *f = field_named(s, call->args[1]);
		if (f && !f->sub && !strcmp(f->type->name, "decimal")) {
			struct mx_buf v = MX_BUF_INIT;
			mx_term_to_string(call->args[2], &v);
			mx_buf_addf(&b, "Decimal.new(\"%s\")", v.buf);
			mx_buf_release(&v);
		} else {
			mx_term_inspect(call->args[2], &b);
		}
		*res = mx_term_binary(a, b.buf, b.len);
	} else {
		mx_buf_release(&b);
		return MX_EVAL_UNKNOWN;
	}
	mx_buf_release(&b);
	return MX_EVAL_HANDLED;
}

/* Code.ensure_loaded?/1 from source: a module of the project (its
 * defmodule found), or one a dependency of mix.exs provides that
 * Phoenix's templates ask about (channel_case.ex: Ecto.Adapters.SQL). */
static int ensure_loaded(struct mx_eval *ev, const struct mx_eval_call *call,
                         struct mx_term **res, void *ctx, struct mx_err *err)
{
	static const struct {
		const char *module, *dep;
	} from_deps[] = {
	    {"Ecto.Adapters.SQL", "ecto_sql"},
	    {"Swoosh.Mailer", "swoosh"},
	};
	const struct host *h = ctx;
	const struct mx_term *m = call->args[0];
	(void)err;
	if (m->type != MX_TERM_ATOM || !h->session)
		return MX_EVAL_UNKNOWN;
	const char *name = mx_term_alias_name(m);
	bool yes = phx_gen_module_defined(h->session, name);
	for (size_t i = 0; !yes && i < sizeof(from_deps) / sizeof(from_deps[0]); i++)
		yes = !strcmp(name, from_deps[i].module) &&
		      mx_strvec_find(&h->session->project.deps, from_deps[i].dep) >= 0;
	*res = mx_term_bool(ev->arena, yes);
	return MX_EVAL_HANDLED;
}

static const struct mx_eval_builtin builtins[] = {
    {"Code", "ensure_loaded?", 1, ensure_loaded},
    {"Phoenix.Naming", "camelize", 1, naming},
    {"Phoenix.Naming", "underscore", 1, naming},
    {"Phoenix.Naming", "humanize", 1, naming},
    {"Macro", "camelize", 1, naming},
    {"Macro", "underscore", 1, naming},
    {"Mix.Phoenix", "to_text", 1, to_text},
    {"Map", "equal?", 2, map_equal},
    {"Mix.Phoenix.Schema", "format_fields_for_schema", 1, schema_fn},
    {"Mix.Phoenix.Schema", "type_for_migration", 1, schema_fn},
    {"Mix.Phoenix.Schema", "required_fields", 1, schema_fn},
    {"Mix.Phoenix.Schema", "value", 3, schema_fn},
};

/* ---- Rendering ---------------------------------------------------------------- */

bool phx_gen_override_exists(const char *name, struct mx_buf *path)
{
	mx_buf_reset(path);
	mx_buf_addf(path, "priv/templates/%s", name);
	return mx_fs_is_file(path->buf);
}

/* The override at path rendered as EEx with bindings b[0..nb) plus, when
 * schema is given, the Mix.Phoenix.Schema builtins. Prints the error and
 * returns 1, or 0. */
static int render_override(struct gen_session *s, const char *path, const struct gen_schema *schema,
                           const struct mx_eex_binding *b, size_t nb, struct mx_arena *terms,
                           struct mx_buf *out)
{
	struct mx_buf src = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_eex *t;
	int ret = 0;
	if (mx_fs_read(path, &src, &err) < 0 ||
	    mx_eex_compile(&s->arena, path, src.buf, src.len, &t, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	mx_eval_init(&ev, terms);
	struct host h = {schema, s};
	mx_eval_add_builtins(&ev, builtins, sizeof(builtins) / sizeof(builtins[0]), &h);
	if (mx_eex_render(t, &ev, b, nb, out, &err) < 0)
		ret = mx_diag_error(&err);
	mx_eval_release(&ev);
out:
	mx_buf_release(&src);
	return ret;
}

int phx_gen_render_resource(struct gen_session *s, const char *name,
                            const struct mx_tmpl_value *root, const struct gen_schema *schema,
                            const struct gen_context *ctx, struct mx_buf *out)
{
	struct mx_buf path = MX_BUF_INIT;
	struct mx_arena terms = MX_ARENA_INIT;
	int ret;
	if (!phx_gen_override_exists(name, &path)) {
		mx_buf_release(&path);
		return phx_gen_render(s, name, root, out);
	}
	struct mx_term *st = schema ? phx_gen_schema_term(&terms, &s->proj, schema) : NULL;
	struct mx_eex_binding b[2];
	size_t nb = 0;
	if (ctx)
		b[nb++] = (struct mx_eex_binding){"context",
		                                  phx_gen_context_term(&terms, &s->proj, ctx, st)};
	if (st)
		b[nb++] = (struct mx_eex_binding){"schema", st};
	ret = render_override(s, path.buf, schema, b, nb, &terms, out);
	mx_arena_release(&terms);
	mx_buf_release(&path);
	return ret;
}

int phx_gen_render_bound(struct gen_session *s, const char *name, const struct mx_tmpl_value *root,
                         const struct mx_eex_binding *b, size_t nb, struct mx_buf *out)
{
	struct mx_buf path = MX_BUF_INIT;
	struct mx_arena terms = MX_ARENA_INIT;
	int ret = phx_gen_override_exists(name, &path)
	              ? render_override(s, path.buf, NULL, b, nb, &terms, out)
	              : phx_gen_render(s, name, root, out);
	mx_arena_release(&terms);
	mx_buf_release(&path);
	return ret;
}

struct mx_term *phx_gen_inflection_term(struct mx_arena *a, const struct mx_inflection *inf,
                                        const char *module)
{
	/* Keyword.put(binding, :module, ...) puts the pair first */
	static const char *const keys[] = {"module",     "alias",  "human",    "base",
	                                   "web_module", "scoped", "singular", "path"};
	const char *vals[] = {module ? module : inf->module,
	                      inf->alias,
	                      inf->human,
	                      inf->base,
	                      inf->web_module,
	                      inf->scoped,
	                      inf->singular,
	                      inf->path};
	struct mx_term *items[8];
	for (size_t i = 0; i < 8; i++)
		items[i] = mx_term_tuple2(a, mx_term_atom(a, keys[i]), mx_term_string(a, vals[i]));
	return mx_term_list(a, items, 8);
}

size_t phx_gen_inflection_bind(struct mx_arena *a, const struct mx_inflection *inf,
                               const char *module, struct mx_eex_binding *b)
{
	const struct mx_term *kw = phx_gen_inflection_term(a, inf, module);
	for (size_t i = 0; i < kw->u.list.n; i++) {
		const struct mx_term *pair = kw->u.list.items[i];
		b[i].name = pair->u.tuple.items[0]->u.atom.name;
		b[i].value = pair->u.tuple.items[1];
	}
	return kw->u.list.n;
}
