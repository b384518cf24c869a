/* Unit tests for inflect.c against the documented examples of Macro and
 * Phoenix.Naming and Mix.Phoenix.inflect/1. */
#include <string.h>

#include "project/inflect.h"
#include "unit.h"

static struct mx_buf B = MX_BUF_INIT;

static const char *camel(const char *s)
{
	mx_buf_reset(&B);
	mx_inflect_camelize(s, &B);
	return B.buf;
}

static const char *under(const char *s)
{
	mx_buf_reset(&B);
	mx_inflect_underscore(s, &B);
	return B.buf;
}

static const char *human(const char *s)
{
	mx_buf_reset(&B);
	mx_inflect_humanize(s, &B);
	return B.buf;
}

TEST(camelize)
{
	CHECK_STR(camel("my_app"), "MyApp");
	CHECK_STR(camel("foo_bar"), "FooBar");
	CHECK_STR(camel("foo/bar"), "Foo.Bar");
	CHECK_STR(camel("Foo.Bar"), "Foo.Bar");
	CHECK_STR(camel("FooBar"), "FooBar");
	CHECK_STR(camel("_foo"), "Foo");
	CHECK_STR(camel("foo__bar"), "FooBar");
	CHECK_STR(camel("foo_"), "Foo");
	CHECK_STR(camel("foo_1"), "Foo1");
	CHECK_STR(camel("foo_Bar"), "Foo_Bar");
	CHECK_STR(camel("sap_example"), "SapExample");
	CHECK_STR(camel("admin/super_user"), "Admin.SuperUser");
	CHECK_STR(camel(""), "");
	mx_buf_reset(&B);
	mx_inflect_camelize_lower("my_app", &B);
	CHECK_STR(B.buf, "myApp");
}

TEST(underscore)
{
	CHECK_STR(under("FooBar"), "foo_bar");
	CHECK_STR(under("Foo.Bar"), "foo/bar");
	CHECK_STR(under("MyApp"), "my_app");
	CHECK_STR(under("SAPExample"), "sap_example");
	CHECK_STR(under("HTTPServer2"), "http_server2");
	CHECK_STR(under("Foo1Bar"), "foo1_bar");
	CHECK_STR(under("foo_bar"), "foo_bar");
	CHECK_STR(under("Admin.SuperUser"), "admin/super_user");
	CHECK_STR(under("A"), "a");
	CHECK_STR(under("Elixir.Foo"), "elixir/foo");
	mx_buf_reset(&B);
	mx_inflect_underscore_alias("Elixir.MyApp.Repo", &B);
	CHECK_STR(B.buf, "my_app/repo");
}

TEST(humanize)
{
	CHECK_STR(human("username"), "Username");
	CHECK_STR(human("created_at"), "Created at");
	CHECK_STR(human("user_id"), "User");
	CHECK_STR(human("super_user"), "Super user");
}

TEST(naming)
{
	mx_buf_reset(&B);
	mx_inflect_unsuffix("MyApp.UserView", "View", &B);
	CHECK_STR(B.buf, "MyApp.User");
	mx_buf_reset(&B);
	mx_inflect_unsuffix("MyApp.User", "View", &B);
	CHECK_STR(B.buf, "MyApp.User");
	mx_buf_reset(&B);
	mx_inflect_resource_name("MyApp.UserView", "View", &B);
	CHECK_STR(B.buf, "user");
	mx_buf_reset(&B);
	mx_inflect_resource_name("MyApp.SuperUserController", "Controller", &B);
	CHECK_STR(B.buf, "super_user");
	mx_buf_reset(&B);
	mx_inflect_web_module("Hello", &B);
	CHECK_STR(B.buf, "HelloWeb");
	mx_buf_reset(&B);
	mx_inflect_web_module("HelloWeb", &B);
	CHECK_STR(B.buf, "HelloWeb");
}

TEST(inflect)
{
	struct mx_inflection i = MX_INFLECTION_INIT;
	mx_inflect("Hello", "Admin.SuperUser", &i);
	CHECK_STR(i.alias, "SuperUser");
	CHECK_STR(i.human, "Super user");
	CHECK_STR(i.base, "Hello");
	CHECK_STR(i.web_module, "HelloWeb");
	CHECK_STR(i.module, "Hello.Admin.SuperUser");
	CHECK_STR(i.scoped, "Admin.SuperUser");
	CHECK_STR(i.singular, "super_user");
	CHECK_STR(i.path, "admin/super_user");
	mx_inflection_release(&i);
	mx_inflect("Hello", "user", &i);
	CHECK_STR(i.alias, "User");
	CHECK_STR(i.module, "Hello.User");
	CHECK_STR(i.path, "user");
	CHECK_STR(i.human, "User");
	mx_inflection_release(&i);
	mx_inflection_release(&i);
	CHECK(i.alias == NULL);
}

TEST(release_accepts_null)
{
	mx_inflection_release(NULL);
	CHECK(1);
}

int main(void)
{
	int r = unit_run();
	mx_buf_release(&B);
	return r;
}
