/*
 * Names: Phoenix's compiled_file?/1, Path.extname/1, digested names, and
 * inspect/1 in messages.
 */
#include "collect.h"
#include "names.h"
#include "unit.h"

TEST(compiled_files)
{
	struct mx_strvec z = MX_STRVEC_INIT;
	mx_strvec_push(&z, ".gz");
	CHECK(phx_digest_is_compiled("app-0123456789abcdef0123456789abcdef.js", &z));
	CHECK(phx_digest_is_compiled("app-0123456789ABCDEF0123456789abcdef.js", &z));
	/* anywhere in the basename, and more than 32 hex digits still contain 32 */
	CHECK(phx_digest_is_compiled("x-0123456789abcdef0123456789abcdef0-y", &z));
	CHECK(phx_digest_is_compiled("-0123456789abcdef0123456789abcdef", &z));
	CHECK(!phx_digest_is_compiled("app-0123456789abcdef0123456789abcde.js", &z));
	CHECK(!phx_digest_is_compiled("app_0123456789abcdef0123456789abcdef.js", &z));
	CHECK(!phx_digest_is_compiled("app-0123456789abcdef0123456789abcdeg.js", &z));
	CHECK(phx_digest_is_compiled("app.js.gz", &z));
	CHECK(!phx_digest_is_compiled("app.js.br", &z));
	CHECK(!phx_digest_is_compiled("app.gzip", &z));
	CHECK(phx_digest_is_compiled("cache_manifest.json", &z));
	CHECK(!phx_digest_is_compiled("cache_manifest.json5", &z));
	mx_strvec_push(&z, ".br");
	CHECK(phx_digest_is_compiled("app.js.br", &z));
	mx_strvec_clear(&z);
}

TEST(extname)
{
	CHECK_STR(phx_digest_extname("app.js"), ".js");
	CHECK_STR(phx_digest_extname("app.js.map"), ".map");
	CHECK_STR(phx_digest_extname("app"), "");
	CHECK_STR(phx_digest_extname(".env"), "");
	CHECK_STR(phx_digest_extname(".env.js"), ".js");
	CHECK_STR(phx_digest_extname("app."), ".");
}

TEST(digested_name)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *md5 = "0123456789abcdef0123456789abcdef";
	phx_digest_digested_name(&b, "app.js.map", md5);
	CHECK_STR(b.buf, "app.js-0123456789abcdef0123456789abcdef.map");
	mx_buf_reset(&b);
	phx_digest_digested_name(&b, "LICENSE", md5);
	CHECK_STR(b.buf, "LICENSE-0123456789abcdef0123456789abcdef");
	mx_buf_reset(&b);
	phx_digest_digested_name(&b, "my file.txt", md5);
	CHECK_STR(b.buf, "my file-0123456789abcdef0123456789abcdef.txt");
	mx_buf_release(&b);
}

TEST(inspect)
{
	struct mx_buf b = MX_BUF_INIT;
	phx_digest_inspect(&b, "priv/static");
	CHECK_STR(b.buf, "\"priv/static\"");
	mx_buf_reset(&b);
	phx_digest_inspect(&b, "a\"b\\c\nd#{e}#f");
	CHECK_STR(b.buf, "\"a\\\"b\\\\c\\nd\\#{e}#f\"");
	mx_buf_reset(&b);
	phx_digest_inspect(&b, "\xc3\xa9t\xc3\xa9");
	CHECK_STR(b.buf, "\"\xc3\xa9t\xc3\xa9\"");
	mx_buf_release(&b);
}

/* The inputs for which Phoenix keeps the whole path as the relative
 * directory (checked with Path.wildcard + Path.relative_to in Elixir 1.14). */
TEST(input_prefix)
{
	struct mx_buf b = MX_BUF_INIT;
	CHECK(phx_digest_input_prefix("./priv/static", &b));
	CHECK_STR(b.buf, "priv/static");
	CHECK(phx_digest_input_prefix("priv/./static/", &b));
	CHECK_STR(b.buf, "priv/static");
	CHECK(phx_digest_input_prefix(".//priv//static/.", &b));
	CHECK_STR(b.buf, "priv/static");
	CHECK(phx_digest_input_prefix("././x", &b));
	CHECK_STR(b.buf, "x");
	/* no "." segment: the usual relative paths */
	CHECK(!phx_digest_input_prefix("priv/static", &b));
	CHECK(!phx_digest_input_prefix("priv//static/", &b));
	CHECK(!phx_digest_input_prefix("../x/static", &b));
	CHECK(!phx_digest_input_prefix(".hidden/static", &b));
	/* "." itself: the wildcard's paths are relative to it already */
	CHECK(!phx_digest_input_prefix(".", &b));
	CHECK(!phx_digest_input_prefix("./.", &b));
	/* taken as they stand (README) */
	CHECK(!phx_digest_input_prefix("/srv/./static", &b));
	CHECK(!phx_digest_input_prefix("./../static", &b));
	mx_buf_release(&b);
}

TEST(tree_prefix)
{
	struct phx_digest_tree t = PHX_DIGEST_TREE_INIT;
	const char *rels[] = {"app.css", "css/x/y.png"};
	t.files = mx_xcalloc(2, sizeof(*t.files));
	t.n = t.alloc = 2;
	for (int i = 0; i < 2; i++) {
		t.files[i].rel = mx_xstrdup(rels[i]);
		t.files[i].reldir = mx_xstrdup(i ? "css/x" : ".");
	}
	phx_digest_tree_prefix(&t, "priv/static");
	CHECK_STR(t.files[0].rel, "priv/static/app.css");
	CHECK_STR(t.files[0].base, "app.css");
	CHECK_STR(t.files[0].reldir, "priv/static");
	CHECK_STR(t.files[0].src, "app.css");
	CHECK_STR(t.files[1].rel, "priv/static/css/x/y.png");
	CHECK_STR(t.files[1].base, "y.png");
	CHECK_STR(t.files[1].reldir, "priv/static/css/x");
	CHECK_STR(t.files[1].src, "css/x/y.png");
	phx_digest_tree_release(&t);
}

/* What Erlang's file:list_dir/1 keeps in the VM's UTF-8 file name mode. */
TEST(valid_utf8)
{
	CHECK(phx_digest_valid_utf8(""));
	CHECK(phx_digest_valid_utf8("app.css"));
	CHECK(phx_digest_valid_utf8("\xc3\xbcn\xc3\xaf.png")); /* ünï */
	CHECK(phx_digest_valid_utf8("\xe2\x82\xac"));          /* U+20AC */
	CHECK(phx_digest_valid_utf8("\xf0\x9f\x98\x80"));      /* U+1F600 */
	CHECK(phx_digest_valid_utf8("\xf4\x8f\xbf\xbf"));      /* U+10FFFF */
	CHECK(!phx_digest_valid_utf8("caf\xe9.css"));          /* Latin-1 */
	CHECK(!phx_digest_valid_utf8("\xff"));
	CHECK(!phx_digest_valid_utf8("\xc0\xaf"));         /* overlong "/" */
	CHECK(!phx_digest_valid_utf8("\xe0\x80\xaf"));     /* overlong */
	CHECK(!phx_digest_valid_utf8("\xed\xa0\x80"));     /* surrogate */
	CHECK(!phx_digest_valid_utf8("\xf4\x90\x80\x80")); /* > U+10FFFF */
	CHECK(!phx_digest_valid_utf8("\xc3"));             /* truncated */
	CHECK(!phx_digest_valid_utf8("\xe2\x82x"));
}

UNIT_MAIN()
