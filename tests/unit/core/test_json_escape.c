#include "json_escape.h"
#include "unit.h"

static const char *enc(struct mx_buf *b, const char *s, size_t n)
{
	mx_buf_reset(b);
	mx_json_add_string(b, s, n);
	return b->buf;
}

TEST(json_plain_and_utf8_pass_through)
{
	struct mx_buf b = MX_BUF_INIT;
	CHECK_STR(enc(&b, "", 0), "\"\"");
	CHECK_STR(enc(&b, "assets/app-1de4.js", 18), "\"assets/app-1de4.js\"");
	CHECK_STR(enc(&b, "caf\xc3\xa9 \xe2\x82\xac", 9), "\"caf\xc3\xa9 \xe2\x82\xac\"");
	/* '/' is not escaped by Jason's default :json mode. */
	CHECK_STR(enc(&b, "a/b", 3), "\"a/b\"");
	mx_buf_release(&b);
}

TEST(json_escapes_as_jason)
{
	struct mx_buf b = MX_BUF_INIT;
	CHECK_STR(enc(&b, "say \"hi\"\\", 9), "\"say \\\"hi\\\"\\\\\"");
	CHECK_STR(enc(&b, "\b\t\n\f\r", 5), "\"\\b\\t\\n\\f\\r\"");
	CHECK_STR(enc(&b, "\x01\x1f", 2), "\"\\u0001\\u001F\"");
	CHECK_STR(enc(&b, "a\0b", 3), "\"a\\u0000b\"");
	mx_buf_release(&b);
}

UNIT_MAIN()
