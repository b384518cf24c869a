/*
 * gen_schema: Mix.Phoenix.Schema.new/4 and Mix.Phoenix.Context.new/3 of
 * Phoenix 1.7.24, as C: names, paths, types, sample params, indexes and
 * fixture functions, in Phoenix's orders (see gen_model.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "gen_model.h"
#include "project/inflect.h"

static const char *adup(struct mx_arena *a, struct mx_buf *b)
{
	const char *s = mx_arena_strndup(a, b->buf, b->len);
	mx_buf_reset(b);
	return s;
}

bool phx_gen_valid_module(const char *s)
{
	/* ~r/^[A-Z]\w*(\.[A-Z]\w*)*$/ (\w: ASCII letters, digits, _) */
	for (;;) {
		if (!(*s >= 'A' && *s <= 'Z'))
			return false;
		s++;
		while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		       (*s >= '0' && *s <= '9') || *s == '_')
			s++;
		if (!*s)
			return true;
		if (*s != '.')
			return false;
		s++;
	}
}

static const char *last_segment(const char *mod)
{
	const char *d = strrchr(mod, '.');
	return d ? d + 1 : mod;
}

/* ---- Samples (Schema.type_to_default/3) ------------------------------- */

static void put_date(time_t t, struct mx_buf *out)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	mx_buf_addf(out, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void put_datetime(time_t t, const char *sigil, bool usec, bool utc, struct mx_buf *out)
{
	/* build_utc_*: now with seconds and microseconds 0 */
	struct tm tm;
	gmtime_r(&t, &tm);
	mx_buf_addf(out, "%s[%04d-%02d-%02d %02d:%02d:00%s%s]", sigil, tm.tm_year + 1900,
	            tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, usec ? ".000000" : "",
	            utc ? "Z" : "");
}

void phx_gen_sample(const struct gen_schema *s, const struct gen_attr *f, bool update,
                    struct mx_buf *out)
{
	const struct gen_type *t = f->type;
	time_t day_ago = s->now - 24 * 3600;
	time_t when = update ? s->now : day_ago;
	/* A composite other than array/enum ({:integer, :string}) falls to
	 * type_to_default's catch-all: "some <key>". */
	enum gen_sample k = t->sample;
	if (f->sub && k != GEN_SAMPLE_ARRAY && k != GEN_SAMPLE_ENUM)
		k = GEN_SAMPLE_TEXT;
	switch (k) {
	case GEN_SAMPLE_FIXED:
		mx_buf_adds(out, update ? t->update : t->create);
		return;
	case GEN_SAMPLE_TEXT: {
		struct mx_buf b = MX_BUF_INIT;
		mx_buf_addf(&b, "some %s%s", update ? "updated " : "", f->name);
		phx_gen_inspect_string(b.buf, out);
		mx_buf_release(&b);
		return;
	}
	case GEN_SAMPLE_DATE:
		mx_buf_adds(out, "~D[");
		put_date(when, out);
		mx_buf_addch(out, ']');
		return;
	case GEN_SAMPLE_NAIVE:
		put_datetime(when, "~N", false, false, out);
		return;
	case GEN_SAMPLE_NAIVE_USEC:
		put_datetime(when, "~N", true, false, out);
		return;
	case GEN_SAMPLE_UTC:
		put_datetime(when, "~U", false, true, out);
		return;
	case GEN_SAMPLE_UTC_USEC:
		put_datetime(when, "~U", true, true, out);
		return;
	case GEN_SAMPLE_ARRAY:
		if (!strcmp(f->sub, "string"))
			mx_buf_adds(out, update ? "[\"option1\"]" : "[\"option1\", \"option2\"]");
		else if (!strcmp(f->sub, "integer"))
			mx_buf_adds(out, update ? "[1]" : "[1, 2]");
		else
			mx_buf_adds(out, "[]");
		return;
	case GEN_SAMPLE_ENUM: {
		size_t i = update && f->n_enum > 1 ? 1 : 0;
		phx_gen_inspect_atom(f->enum_values[i], out);
		return;
	}
	}
}

/* Schema.value/3: decimals are compared as Decimal structs. */
void phx_gen_sample_assert(const struct gen_schema *s, const struct gen_attr *f, bool update,
                           struct mx_buf *out)
{
	if (!f->sub && !strcmp(f->type->name, "decimal")) {
		mx_buf_addf(out, "Decimal.new(%s)", update ? f->type->update : f->type->create);
		return;
	}
	phx_gen_sample(s, f, update, out);
}

void phx_gen_fixture_param(const struct gen_schema *s, const struct gen_attr *f, struct mx_buf *out)
{
	const char *fn = NULL;
	for (size_t j = 0; j < s->n_fixture_fns; j++)
		if (!strcmp(s->fixture_fns[j].attr, f->name))
			fn = s->fixture_fns[j].name;
	if (fn)
		mx_buf_addf(out, "%s()", fn);
	else
		phx_gen_sample(s, f, false, out);
}

bool phx_gen_redacted(const struct gen_schema *s, const char *name)
{
	for (size_t i = 0; i < s->cli->n_redacts; i++)
		if (!strcmp(s->cli->redacts[i], name))
			return true;
	return false;
}

/* ---- Types ---------------------------------------------------------------- */

/* schema_type/1 of one type atom: text is :string, uuid Ecto.UUID, an
 * Ecto primitive itself, anything else an error. */
static int schema_type_of(const char *name, struct mx_buf *out, struct mx_err *err)
{
	const struct gen_type *t = phx_gen_type_find(name);
	if (t && t->schema_type && strcmp(name, "datetime")) {
		mx_buf_adds(out, t->schema_type);
		return 0;
	}
	if (!phx_gen_ecto_primitive(name))
		return mx_err_set(err, MX_ERR_OTHER, "Unknown type `%s` given to generator", name);
	phx_gen_inspect_atom(name, out);
	return 0;
}

/* type_and_opts_for_schema(types[k]) */
int phx_gen_schema_type(const struct gen_attr *f, struct mx_buf *out, struct mx_err *err)
{
	if (!f->sub)
		return schema_type_of(f->type->name, out, err);
	if (!strcmp(f->type->name, "enum")) {
		mx_buf_adds(out, "Ecto.Enum, values: [");
		for (size_t i = 0; i < f->n_enum; i++) {
			if (i)
				mx_buf_adds(out, ", ");
			phx_gen_inspect_atom(f->enum_values[i], out);
		}
		mx_buf_addch(out, ']');
		return 0;
	}
	mx_buf_addch(out, '{');
	phx_gen_inspect_atom(f->type->name, out);
	mx_buf_adds(out, ", ");
	if (schema_type_of(f->sub, out, err) < 0)
		return -1;
	mx_buf_addch(out, '}');
	return 0;
}

/* inspect(type_for_migration(v)) on the raw attribute type. */
void phx_gen_migration_type(const struct gen_attr *f, struct mx_buf *out)
{
	if (!f->sub) {
		phx_gen_inspect_atom(f->type->name, out);
		return;
	}
	if (!strcmp(f->type->name, "enum")) {
		mx_buf_adds(out, ":string");
		return;
	}
	mx_buf_addch(out, '{');
	phx_gen_inspect_atom(f->type->name, out);
	mx_buf_adds(out, ", ");
	phx_gen_inspect_atom(f->sub, out);
	mx_buf_addch(out, '}');
}

static int by_name(const void *x, const void *y)
{
	const struct gen_attr *a = *(const struct gen_attr *const *)x;
	const struct gen_attr *b = *(const struct gen_attr *const *)y;
	return strcmp(a->name, b->name);
}

/* Erlang's term order on {name, type}, as Enum.sort(attrs) sorts them:
 * names first; then the type, where a plain type is an atom and a composite
 * one ({:array, :string}, {:enum, [...]}) a 2-tuple, and atoms sort before
 * tuples. Tuples compare by their first atom, then their second part (the
 * enum's list approximated by its text: two enums on one name are beyond
 * what a generator run meets). */
static int by_term(const void *x, const void *y)
{
	const struct gen_attr *a = *(const struct gen_attr *const *)x;
	const struct gen_attr *b = *(const struct gen_attr *const *)y;
	int c = strcmp(a->name, b->name);
	if (c)
		return c;
	bool ta = a->sub != NULL, tb = b->sub != NULL;
	if (ta != tb)
		return ta ? 1 : -1;
	c = strcmp(a->type->name, b->type->name);
	return c || !ta ? c : strcmp(a->sub, b->sub);
}

/* ---- Schema.new ----------------------------------------------------------- */

static const char *route_join(struct mx_arena *a, const char *const *parts, size_t n)
{
	/* "/" <> String.trim_leading(Path.join(parts), "/"), empty parts
	 * skipped as Path.join skips them. */
	struct mx_buf b = MX_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *p = parts[i];
		if (!p || !*p)
			continue;
		while (*p == '/')
			p++;
		if (b.len && b.buf[b.len - 1] != '/')
			mx_buf_addch(&b, '/');
		mx_buf_adds(&b, p);
		while (b.len > 1 && b.buf[b.len - 1] == '/')
			b.len--;
	}
	b.buf[b.len] = '\0';
	struct mx_buf r = MX_BUF_INIT;
	mx_buf_addch(&r, '/');
	mx_buf_adds(&r, b.buf);
	mx_buf_release(&b);
	const char *s = adup(a, &r);
	mx_buf_release(&r);
	return s;
}

static const char *fixture_def(struct mx_arena *a, const char *fn, const char *singular,
                               const struct gen_attr *f, bool *needs_impl)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *t = f->sub ? "" : f->type->name;
	*needs_impl = false;
	if (!strcmp(t, "integer"))
		mx_buf_addf(&b, "  def %s, do: System.unique_integer([:positive])\n", fn);
	else if (!strcmp(t, "string") || !strcmp(t, "text"))
		mx_buf_addf(&b, "  def %s, do: \"some %s#{System.unique_integer([:positive])}\"\n",
		            fn, f->name);
	else {
		mx_buf_addf(&b,
		            "  def %s do\n"
		            "    raise \"implement the logic to generate a unique %s %s\"\n"
		            "  end\n",
		            fn, singular, f->name);
		*needs_impl = true;
	}
	const char *s = adup(a, &b);
	mx_buf_release(&b);
	return s;
}

int phx_gen_schema_build(struct mx_arena *a, const struct gen_project *proj,
                         const struct gen_opts *o, const char *schema_name, const char *plural,
                         const struct gen_attrs *cli, struct gen_schema *s, struct mx_err *err)
{
	struct mx_buf b = MX_BUF_INIT;
	int ret = -1;
	memset(s, 0, sizeof(*s));
	s->arena = a;
	s->cli = cli;
	s->now = proj->now;
	s->context_app = proj->context_app;

	mx_buf_addf(&b, "%s.%s", proj->context_base, schema_name);
	s->module = adup(a, &b);
	s->alias = mx_arena_strdup(a, last_segment(s->module));
	mx_inflect_underscore(s->alias, &b);
	s->singular = adup(a, &b);
	s->plural = plural;
	s->table = o->table ? o->table : plural;
	if (plural && !strcmp(plural, s->singular))
		mx_buf_addf(&b, "%s_collection", s->singular);
	else
		mx_buf_adds(&b, plural ? plural : "");
	s->collection = adup(a, &b);
	mx_inflect_humanize(s->singular, &b);
	s->human_singular = adup(a, &b);
	/* Phoenix.Naming.humanize(nil) is "Nil" (embedded schemas). */
	mx_inflect_humanize(plural ? plural : "nil", &b);
	s->human_plural = adup(a, &b);

	if (o->repo)
		mx_buf_adds(&b, o->repo);
	else
		mx_buf_addf(&b, "%s.Repo", proj->context_base);
	s->repo = adup(a, &b);
	size_t rl = strlen(s->repo);
	s->repo_alias = rl >= 5 && !strcmp(s->repo + rl - 5, ".Repo") ? "" : ", as: Repo";

	mx_buf_addf(&b, "%slib/%s/", proj->context_path, proj->context_app);
	mx_inflect_underscore(schema_name, &b);
	mx_buf_adds(&b, ".ex");
	s->file = adup(a, &b);

	s->binary_id = o->binary_id >= 0 ? o->binary_id : o->cfg_binary_id;
	s->migration = o->migration >= 0 ? o->migration : o->cfg_migration;
	s->generate = o->schema != 0;
	s->embedded = o->embedded;
	s->prefix = o->prefix;
	s->timestamp_type =
	    o->timestamp_type && *o->timestamp_type ? o->timestamp_type : "naive_datetime";
	if (o->web) {
		mx_inflect_camelize(o->web, &b);
		s->web_namespace = adup(a, &b);
		mx_inflect_underscore(s->web_namespace, &b);
		s->web_path = adup(a, &b);
	}
	mx_buf_addf(&b, "%s_%s", s->web_path ? s->web_path : "", s->singular);
	{
		const char *h = b.buf;
		while (*h == '_')
			h++;
		char *rh = mx_arena_strdup(a, h);
		for (char *p = rh; *p; p++)
			if (*p == '/')
				*p = '_';
		s->route_helper = rh;
		mx_buf_reset(&b);
	}
	const char *rp[] = {s->web_path, plural};
	s->route_prefix = route_join(a, rp, 2);
	const char *ap[] = {o->api_prefix && *o->api_prefix ? o->api_prefix : "/api", s->web_path,
	                    plural};
	s->api_route_prefix = route_join(a, ap, 3);
	s->sample_binary_id =
	    o->sample_binary_id ? o->sample_binary_id : "11111111-1111-1111-1111-111111111111";
	if (s->binary_id)
		phx_gen_inspect_string(s->sample_binary_id, &b);
	else
		mx_buf_adds(&b, "-1");
	s->sample_id = adup(a, &b);

	/* attrs and assocs */
	s->attrs = MX_ARENA_NEWN(a, const struct gen_attr *, cli->n + 1);
	s->fields = MX_ARENA_NEWN(a, const struct gen_attr *, cli->n + 1);
	s->assocs = MX_ARENA_NEWN(a, struct gen_assoc, cli->n + 1);
	for (size_t i = 0; i < cli->n; i++) {
		const struct gen_attr *f = &cli->v[i];
		if (!f->reference) {
			s->attrs[s->n_attrs++] = f;
			continue;
		}
		struct gen_assoc *as = &s->assocs[s->n_assocs++];
		/* String.replace(key, "_id", ""): every occurrence */
		for (const char *p = f->name; *p;)
			if (!strncmp(p, "_id", 3))
				p += 3;
			else
				mx_buf_addch(&b, *p++);
		as->name = adup(a, &b);
		as->key = f->name;
		as->table = f->sub;
		/* Module.concat(Enum.drop(Module.split(module), -1) ++ [camelize(name)]) */
		size_t ml = (size_t)(last_segment(s->module) - s->module);
		mx_buf_add(&b, s->module, ml);
		mx_inflect_camelize(as->name, &b);
		as->module = adup(a, &b);
	}
	/* types is a map: one entry per name (the last wins), in name order */
	size_t nf = 0;
	for (size_t i = 0; i < s->n_attrs; i++) {
		bool later = false;
		for (size_t j = i + 1; j < s->n_attrs; j++)
			later |= !strcmp(s->attrs[i]->name, s->attrs[j]->name);
		if (!later)
			s->fields[nf++] = s->attrs[i];
	}
	qsort(s->fields, nf, sizeof(*s->fields), by_name);
	s->n_fields = nf;
	s->fixture_attrs = MX_ARENA_NEWN(a, const struct gen_attr *, s->n_attrs + 1);
	memcpy(s->fixture_attrs, s->attrs, s->n_attrs * sizeof(*s->attrs));
	qsort(s->fixture_attrs, s->n_attrs, sizeof(*s->attrs), by_term);
	for (size_t i = 0; i < nf; i++) {
		if (phx_gen_schema_type(s->fields[i], &b, err) < 0)
			goto out;
		mx_buf_reset(&b);
	}

	/* indexes: uniques (reverse CLI order) then references, by column */
	s->indexes = MX_ARENA_NEWN(a, const char *, cli->n_uniques + s->n_assocs + 1);
	const char **seen = MX_ARENA_NEWN(a, const char *, cli->n_uniques + s->n_assocs + 1);
	size_t nseen = 0;
	for (size_t i = 0; i < cli->n_uniques + s->n_assocs; i++) {
		bool uniq = i < cli->n_uniques;
		const char *key = uniq ? cli->uniques[i] : s->assocs[i - cli->n_uniques].key;
		bool dupe = false;
		for (size_t j = 0; j < nseen; j++)
			dupe |= !strcmp(seen[j], key);
		if (dupe)
			continue;
		seen[nseen++] = key;
		mx_buf_addf(&b, "create %sindex(:%s, [:%s])", uniq ? "unique_" : "", s->table, key);
		s->indexes[s->n_indexes++] = adup(a, &b);
	}

	/* string_attr: the first :string of types (text is :string there) */
	for (size_t i = 0; i < nf && !s->string_attr; i++) {
		const struct gen_attr *f = s->fields[i];
		if (!f->sub && (!strcmp(f->type->name, "string") || !strcmp(f->type->name, "text")))
			s->string_attr = f->name;
	}
	s->default_key = s->string_attr ? s->string_attr : nf ? s->fields[0]->name : "some_field";

	/* fixture_unique_functions: uniques that are attrs, by name */
	s->fixture_fns = MX_ARENA_NEWN(a, struct gen_fixture_fn, cli->n_uniques + 1);
	for (size_t i = 0; i < nf; i++) {
		const struct gen_attr *f = NULL;
		bool uniq = false;
		for (size_t j = 0; j < cli->n_uniques; j++)
			uniq |= !strcmp(cli->uniques[j], s->fields[i]->name);
		/* Keyword.fetch!(attrs, attr): the first attribute of the name */
		for (size_t j = 0; j < s->n_attrs && !f; j++)
			if (!strcmp(s->attrs[j]->name, s->fields[i]->name))
				f = s->attrs[j];
		if (!uniq || !f)
			continue;
		struct gen_fixture_fn *fx = &s->fixture_fns[s->n_fixture_fns++];
		fx->attr = f->name;
		mx_buf_addf(&b, "unique_%s_%s", s->singular, f->name);
		fx->name = adup(a, &b);
		fx->def = fixture_def(a, fx->name, s->singular, f, &fx->needs_impl);
	}

	if (o->migration_module_error) {
		mx_err_set(err, MX_ERR_OTHER, "Expected :migration_module to be a module, got: %s",
		           o->migration_module_error);
		goto out;
	}
	s->migration_module =
	    o->migration_module && *o->migration_module ? o->migration_module : "Ecto.Migration";
	ret = 0;
out:
	mx_buf_release(&b);
	return ret;
}

/* ---- Context.new ---------------------------------------------------------- */

void phx_gen_context_build(struct mx_arena *a, const struct gen_project *proj,
                           const struct gen_opts *o, const char *name, struct gen_context *c)
{
	struct mx_buf b = MX_BUF_INIT;
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->base_module = proj->context_base;
	mx_buf_addf(&b, "%s.%s", proj->context_base, name);
	c->module = adup(a, &b);
	c->alias = mx_arena_strdup(a, last_segment(c->module));
	c->web_module = proj->web_module;
	c->context_app = proj->context_app;
	mx_inflect_underscore(name, &b);
	const char *basedir = adup(a, &b);
	c->basename = mx_arena_strdup(a, mx_path_basename(basedir));
	mx_buf_addf(&b, "%slib/%s/%s", proj->context_path, proj->context_app, basedir);
	c->dir = adup(a, &b);
	mx_buf_addf(&b, "%s.ex", c->dir);
	c->file = adup(a, &b);
	mx_buf_addf(&b, "%stest/%s/%s_test.exs", proj->context_path, proj->context_app, basedir);
	c->test_file = adup(a, &b);
	mx_buf_addf(&b, "%stest/support/fixtures/%s_fixtures.ex", proj->context_path, basedir);
	c->test_fixtures_file = adup(a, &b);
	c->generate = o->context != 0;
	mx_buf_release(&b);
}
