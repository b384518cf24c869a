/*
 * gen_tree: the model as the template value tree (names in gen_model.h).
 * Every string is ready to place; the templates only place, loop and test.
 */
#include <string.h>

#include "gen_model.h"
#include "project/inflect.h"

static void put_buf(struct mx_tmpl_value *m, const char *key, struct mx_buf *b)
{
	mx_tmpl_put(m, key, mx_tmpl_strn_new(m->u.map.arena, b->buf, b->len));
	mx_buf_reset(b);
}

static void put_s(struct mx_tmpl_value *m, const char *key, const char *s)
{
	mx_tmpl_put_str(m, key, s ? s : "");
}

static void field_map(struct mx_tmpl_value *m, const struct gen_schema *s, const struct gen_attr *f)
{
	struct mx_buf b = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	bool unique = false, map = !f->sub && f->type->optional;
	for (size_t i = 0; i < s->cli->n_uniques; i++)
		unique |= !strcmp(s->cli->uniques[i], f->name);
	put_s(m, "name", f->name);
	mx_inflect_humanize(f->name, &b);
	put_buf(m, "label", &b);
	phx_gen_inspect_atom(f->name, &b);
	put_buf(m, "atom", &b);
	phx_gen_keyword_key(f->name, &b);
	put_buf(m, "key", &b);
	put_s(m, "type", f->type->name);
	put_s(m, "sub", f->sub);
	/* Checked when the schema was built: cannot fail here. */
	phx_gen_schema_type(f, &b, &err);
	put_buf(m, "schema_type", &b);
	put_s(m, "schema_default", f->sub ? "" : f->type->schema_default);
	put_s(m, "migration_default", f->sub ? "" : f->type->migration_default);
	bool redact = phx_gen_redacted(s, f->name);
	mx_tmpl_put_bool(m, "redact", redact);
	put_s(m, "redact_opt", redact ? ", redact: true" : "");
	mx_tmpl_put_bool(m, "unique", unique);
	mx_tmpl_put_bool(m, "required", !map);
	phx_gen_migration_type(f, &b);
	put_buf(m, "migration_type", &b);
	phx_gen_sample(s, f, false, &b);
	put_buf(m, "create", &b);
	phx_gen_sample(s, f, true, &b);
	put_buf(m, "update", &b);
	phx_gen_sample_assert(s, f, false, &b);
	put_buf(m, "create_assert", &b);
	phx_gen_sample_assert(s, f, true, &b);
	put_buf(m, "update_assert", &b);
	for (const struct gen_type *t = phx_gen_types; t->name; t++) {
		mx_buf_addf(&b, "is_%s", t->name);
		mx_tmpl_put_bool(m, b.buf, t == f->type);
		mx_buf_reset(&b);
	}
	struct mx_tmpl_value *ev = mx_tmpl_put_list(m, "enum_values");
	for (size_t i = 0; i < f->n_enum; i++) {
		phx_gen_inspect_atom(f->enum_values[i], &b);
		mx_tmpl_push(ev, mx_tmpl_strn_new(m->u.map.arena, b.buf, b.len));
		mx_buf_reset(&b);
	}
	mx_buf_release(&b);
}

/* to_text(map): %{k: v, ...} over the fields in name order. */
static void params_map(const struct gen_schema *s, int which, struct mx_buf *out)
{
	mx_buf_adds(out, "%{");
	for (size_t i = 0; i < s->n_fields; i++) {
		const struct gen_attr *f = s->fields[i];
		if (i)
			mx_buf_adds(out, ", ");
		phx_gen_keyword_key(f->name, out);
		mx_buf_addch(out, ' ');
		if (which == 2)
			mx_buf_adds(out, "nil");
		else
			phx_gen_sample(s, f, which == 1, out);
	}
	mx_buf_addch(out, '}');
}

struct mx_tmpl_value *phx_gen_tree(struct mx_arena *a, const struct gen_project *proj,
                                   const struct gen_schema *s, const struct gen_context *c)
{
	struct mx_tmpl_value *root = mx_tmpl_map_new(a);
	struct mx_buf b = MX_BUF_INIT;
	put_s(root, "app", proj->app);
	put_s(root, "base", proj->base);
	put_s(root, "web_module", proj->web_module);
	put_s(root, "context_app", proj->context_app);
	put_s(root, "web_namespace", s ? s->web_namespace : NULL);
	put_s(root, "web_path", s ? s->web_path : NULL);

	if (s) {
		struct mx_tmpl_value *m = mx_tmpl_put_map(root, "schema");
		put_s(m, "module", s->module);
		put_s(m, "alias", s->alias);
		put_s(m, "singular", s->singular);
		put_s(m, "plural", s->plural);
		put_s(m, "table", s->table);
		if (s->table)
			phx_gen_inspect_string(s->table, &b);
		else
			mx_buf_adds(&b, "nil");
		put_buf(m, "table_inspect", &b);
		/* Macro.camelize(table) */
		if (s->table)
			mx_inflect_camelize(s->table, &b);
		put_buf(m, "table_camel", &b);
		put_s(m, "collection", s->collection);
		put_s(m, "human_singular", s->human_singular);
		put_s(m, "human_plural", s->human_plural);
		put_s(m, "repo", s->repo);
		put_s(m, "repo_alias", s->repo_alias);
		put_s(m, "file", s->file);
		mx_tmpl_put_bool(m, "binary_id", s->binary_id);
		put_s(m, "prefix", s->prefix);
		mx_tmpl_put_bool(m, "migration", s->migration);
		mx_tmpl_put_bool(m, "generate", s->generate);
		mx_tmpl_put_bool(m, "embedded", s->embedded);
		put_s(m, "migration_module", s->migration_module);
		if (strcmp(s->timestamp_type, "naive_datetime")) {
			mx_buf_adds(&b, "type: ");
			phx_gen_inspect_atom(s->timestamp_type, &b);
		}
		put_buf(m, "timestamps_args", &b);
		put_s(m, "route_helper", s->route_helper);
		put_s(m, "route_prefix", s->route_prefix);
		put_s(m, "api_route_prefix", s->api_route_prefix);
		put_s(m, "sample_id", s->sample_id);
		put_s(m, "string_attr", s->string_attr);
		put_s(m, "default_key", s->default_key);
		mx_tmpl_put_bool(m, "has_fields", s->n_fields > 0);
		mx_tmpl_put_bool(m, "has_indexes", s->n_indexes > 0);

		struct mx_tmpl_value *l = mx_tmpl_put_list(m, "attrs");
		for (size_t i = 0; i < s->n_attrs; i++)
			field_map(mx_tmpl_push_map(l), s, s->attrs[i]);
		l = mx_tmpl_put_list(m, "fields");
		for (size_t i = 0; i < s->n_fields; i++)
			field_map(mx_tmpl_push_map(l), s, s->fields[i]);
		l = mx_tmpl_put_list(m, "required");
		for (size_t i = 0; i < s->n_attrs; i++)
			if (s->attrs[i]->sub || !s->attrs[i]->type->optional)
				field_map(mx_tmpl_push_map(l), s, s->attrs[i]);
		l = mx_tmpl_put_list(m, "assocs");
		for (size_t i = 0; i < s->n_assocs; i++) {
			struct mx_tmpl_value *am = mx_tmpl_push_map(l);
			put_s(am, "name", s->assocs[i].name);
			put_s(am, "key", s->assocs[i].key);
			phx_gen_inspect_atom(s->assocs[i].key, &b);
			put_buf(am, "key_atom", &b);
			put_s(am, "module", s->assocs[i].module);
			put_s(am, "table", s->assocs[i].table);
			phx_gen_inspect_atom(s->assocs[i].table, &b);
			put_buf(am, "table_atom", &b);
		}
		l = mx_tmpl_put_list(m, "uniques");
		for (size_t i = 0; i < s->cli->n_uniques; i++) {
			struct mx_tmpl_value *um = mx_tmpl_push_map(l);
			put_s(um, "name", s->cli->uniques[i]);
			phx_gen_inspect_atom(s->cli->uniques[i], &b);
			put_buf(um, "atom", &b);
		}
		l = mx_tmpl_put_list(m, "indexes");
		for (size_t i = 0; i < s->n_indexes; i++)
			mx_tmpl_push_str(l, s->indexes[i]);
		bool impl = false;
		l = mx_tmpl_put_list(m, "fixture_unique_functions");
		for (size_t i = 0; i < s->n_fixture_fns; i++) {
			struct mx_tmpl_value *fm = mx_tmpl_push_map(l);
			put_s(fm, "attr", s->fixture_fns[i].attr);
			put_s(fm, "name", s->fixture_fns[i].name);
			put_s(fm, "def", s->fixture_fns[i].def);
			mx_tmpl_put_bool(fm, "needs_impl", s->fixture_fns[i].needs_impl);
			impl |= s->fixture_fns[i].needs_impl;
		}
		mx_tmpl_put_bool(m, "has_unique_fixtures_to_implement", impl);
		l = mx_tmpl_put_list(m, "fixture_params");
		for (size_t i = 0; i < s->n_attrs; i++) {
			const struct gen_attr *f = s->fixture_attrs[i];
			struct mx_tmpl_value *pm = mx_tmpl_push_map(l);
			put_s(pm, "key", f->name);
			phx_gen_fixture_param(s, f, &b);
			put_buf(pm, "code", &b);
		}
		struct mx_tmpl_value *pm = mx_tmpl_put_map(root, "params");
		params_map(s, 0, &b);
		put_buf(pm, "create_map", &b);
		params_map(s, 1, &b);
		put_buf(pm, "update_map", &b);
		params_map(s, 2, &b);
		put_buf(pm, "invalid_map", &b);
	}
	if (c) {
		struct mx_tmpl_value *m = mx_tmpl_put_map(root, "context");
		put_s(m, "name", c->name);
		put_s(m, "module", c->module);
		put_s(m, "alias", c->alias);
		put_s(m, "base_module", c->base_module);
		put_s(m, "web_module", c->web_module);
		put_s(m, "basename", c->basename);
		put_s(m, "file", c->file);
		put_s(m, "test_file", c->test_file);
		put_s(m, "test_fixtures_file", c->test_fixtures_file);
		put_s(m, "dir", c->dir);
		mx_tmpl_put_bool(m, "generate", c->generate);
	}
	mx_buf_release(&b);
	return root;
}
