/*
 * phx-gen's model: the attribute grammar (flags, composites, errors), the
 * orders Phoenix keeps (fields by name, uniques reversed, indexes), the
 * inspect helpers and the sample values.
 */
#include <stdarg.h>
#include <string.h>

#include "gen_model.h"
#include "unit.h"

static const struct gen_project proj = {
    .app = "hello",
    .base = "Hello",
    .web_module = "HelloWeb",
    .context_app = "hello",
    .context_base = "Hello",
    .context_path = "",
    .now = 1764900000, /* 2025-12-05 02:00 */
};

static int parse(struct mx_arena *a, struct gen_attrs *out, struct mx_err *err, int n, ...)
{
	char *argv[16];
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	return phx_gen_attrs_parse(a, n, argv, out, err);
}

static void opts(struct gen_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->binary_id = -1;
	o->migration = -1;
	o->schema = 1;
	o->context = 1;
	o->merge = -1;
	o->cfg_migration = true;
}

TEST(flags_come_off_the_end_in_any_order)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct gen_attrs at;
	CHECK_INT(parse(&a, &at, &err, 3, "a:string:unique", "b:integer:redact:unique", "unique"),
	          0);
	CHECK_INT((int)at.n, 3);
	CHECK_STR(at.v[1].type->name, "integer");
	CHECK_STR(at.v[1].name, "b"); /* both flags came off */
	CHECK_INT((int)at.n_redacts, 1);
	CHECK_STR(at.redacts[0], "b");
	CHECK_STR(at.v[2].name, "unique"); /* a name, not a flag */
	CHECK_STR(at.v[2].type->name, "string");
	/* reverse CLI order, as Phoenix prepends */
	CHECK_INT((int)at.n_uniques, 2);
	CHECK_STR(at.uniques[0], "b");
	CHECK_STR(at.uniques[1], "a");
	mx_arena_release(&a);
}

TEST(composites_and_alias)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct gen_attrs at;
	CHECK_INT(parse(&a, &at, &err, 4, "t:array:string", "s:enum:a:b:c", "d:datetime",
	                "p:references:posts"),
	          0);
	CHECK_STR(at.v[0].sub, "string");
	CHECK_INT((int)at.v[1].n_enum, 3);
	CHECK_STR(at.v[1].enum_values[2], "c");
	CHECK_STR(at.v[2].type->name, "naive_datetime");
	CHECK(at.v[3].reference);
	CHECK_STR(at.v[3].sub, "posts");
	mx_arena_release(&a);
}

TEST(errors_are_phoenix_texts)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct gen_attrs at;
	CHECK_INT(parse(&a, &at, &err, 1, "x:array"), -1);
	CHECK(!strncmp(err.msg,
	               "Phoenix generators expect the type of the array to be given to x:array.",
	               70));
	CHECK_INT(parse(&a, &at, &err, 1, "x:enum"), -1);
	CHECK(!strncmp(err.msg, "Enum type requires at least one value\n", 38));
	CHECK_INT(parse(&a, &at, &err, 1, "x:datetime:string"), -1);
	CHECK(!strncmp(err.msg, "Unknown type `{:datetime, :string}` given to generator.", 55));
	/* validation of every attribute comes before the references check */
	CHECK_INT(parse(&a, &at, &err, 2, "p:references", "x:bogus"), -1);
	CHECK(!strncmp(err.msg, "Unknown type `:bogus`", 21));
	CHECK_INT(parse(&a, &at, &err, 1, "p:references"), -1);
	CHECK(!strncmp(err.msg, "Phoenix generators expect the table to be given to p:references.",
	               64));
	mx_arena_release(&a);
}

TEST(schema_orders_and_names)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct gen_attrs at;
	struct gen_opts o;
	struct gen_schema s;
	opts(&o);
	CHECK_INT(parse(&a, &at, &err, 5, "zeta:string:unique", "alpha:text",
	                "user_id:references:users", "meta:map", "post_id:references:posts:unique"),
	          0);
	CHECK_INT(phx_gen_schema_build(&a, &proj, &o, "Blog.Admin.SuperPost", "super_posts", &at,
	                               &s, &err),
	          0);
	CHECK_STR(s.module, "Hello.Blog.Admin.SuperPost");
	CHECK_STR(s.alias, "SuperPost");
	CHECK_STR(s.singular, "super_post");
	CHECK_STR(s.human_singular, "Super post");
	CHECK_STR(s.file, "lib/hello/blog/admin/super_post.ex");
	CHECK_STR(s.route_prefix, "/super_posts");
	CHECK_STR(s.api_route_prefix, "/api/super_posts");
	CHECK_STR(s.sample_id, "-1");
	CHECK_INT((int)s.n_fields, 3);
	CHECK_STR(s.fields[0]->name, "alpha");
	CHECK_STR(s.fields[2]->name, "zeta");
	/* text is a :string in types: the first by name is string_attr */
	CHECK_STR(s.string_attr, "alpha");
	CHECK_INT((int)s.n_indexes, 3);
	CHECK_STR(s.indexes[0], "create unique_index(:super_posts, [:post_id])");
	CHECK_STR(s.indexes[1], "create unique_index(:super_posts, [:zeta])");
	CHECK_STR(s.indexes[2], "create index(:super_posts, [:user_id])");
	CHECK_STR(s.assocs[0].module, "Hello.Blog.Admin.User");
	CHECK_INT((int)s.n_fixture_fns, 1);
	CHECK_STR(s.fixture_fns[0].name, "unique_super_post_zeta");
	mx_arena_release(&a);
}

TEST(web_namespace_and_binary_id)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct gen_attrs at;
	struct gen_opts o;
	struct gen_schema s;
	opts(&o);
	o.web = "admin";
	o.binary_id = 1;
	o.sample_binary_id = "abc";
	CHECK_INT(parse(&a, &at, &err, 0), 0);
	CHECK_INT(phx_gen_schema_build(&a, &proj, &o, "Blog.Post", "posts", &at, &s, &err), 0);
	CHECK_STR(s.web_namespace, "Admin");
	CHECK_STR(s.route_helper, "admin_post");
	CHECK_STR(s.route_prefix, "/admin/posts");
	CHECK_STR(s.api_route_prefix, "/api/admin/posts");
	CHECK_STR(s.sample_id, "\"abc\"");
	CHECK_STR(s.default_key, "some_field");
	mx_arena_release(&a);
}

TEST(samples_follow_the_clock)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct gen_attrs at;
	struct gen_opts o;
	struct gen_schema s;
	struct mx_buf b = MX_BUF_INIT;
	opts(&o);
	CHECK_INT(
	    parse(&a, &at, &err, 4, "d:date", "u:utc_datetime_usec", "e:enum:only", "c:decimal"),
	    0);
	CHECK_INT(phx_gen_schema_build(&a, &proj, &o, "Blog.Post", "posts", &at, &s, &err), 0);
	phx_gen_sample(&s, &at.v[0], false, &b);
	CHECK_STR(b.buf, "~D[2025-12-04]");
	mx_buf_reset(&b);
	phx_gen_sample(&s, &at.v[1], true, &b);
	CHECK_STR(b.buf, "~U[2025-12-05 02:00:00.000000Z]");
	mx_buf_reset(&b);
	phx_gen_sample(&s, &at.v[2], true, &b); /* one value: update is that value */
	CHECK_STR(b.buf, ":only");
	mx_buf_reset(&b);
	phx_gen_sample_assert(&s, &at.v[3], false, &b);
	CHECK_STR(b.buf, "Decimal.new(\"120.5\")");
	mx_buf_release(&b);
	mx_arena_release(&a);
}

TEST(inspect_helpers)
{
	struct mx_buf b = MX_BUF_INIT;
	phx_gen_inspect_atom("my-field", &b);
	CHECK_STR(b.buf, ":\"my-field\"");
	mx_buf_reset(&b);
	phx_gen_keyword_key("x?", &b);
	CHECK_STR(b.buf, "x?:");
	mx_buf_reset(&b);
	phx_gen_keyword_key("my-field", &b);
	CHECK_STR(b.buf, "\"my-field\":");
	mx_buf_reset(&b);
	CHECK(phx_gen_valid_module("Blog.Post_2"));
	CHECK(!phx_gen_valid_module("Blog.post"));
	CHECK(!phx_gen_valid_module("Blog."));
	mx_buf_release(&b);
}

UNIT_MAIN()
