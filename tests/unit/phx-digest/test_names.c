/*
 * Names: Phoenix's compiled_file?/1, Path.extname/1, digested names, and
 * inspect/1 in messages.
 */
#include "digest.h"
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

UNIT_MAIN()
