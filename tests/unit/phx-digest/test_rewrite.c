/*
 * The rewriters against Phoenix.Digester's regexes, case by case. Each
 * expected string was worked out from the regex and digested_url/4 by hand
 * (PCRE semantics noted where backtracking decides).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rewrite.h"
#include "unit.h"

/* The helper's result buffer, freed at exit so valgrind sees no leak. */
static struct mx_buf result = MX_BUF_INIT;

static void free_out(void)
{
	mx_buf_release(&result);
}

__attribute__((constructor)) static void register_free_out(void)
{
	atexit(free_out);
}

/* latest: a few logical paths and their digested names */
static const char *const table[][2] = {
    {"images/logo.png", "images/logo-aaaa.png"},
    {"css/local.svg", "css/local-bbbb.svg"},
    {"app.js", "app-cccc.js"},
    {"app.js.map", "app-cccc.js.map"},
    {"js/app.js", "js/app-dddd.js"},
    {"js/app.js.map", "js/app-dddd.js.map"},
    {"fonts/a b.ttf", "fonts/a b-eeee.ttf"},
};

static const char *lookup(const char *key, size_t len, void *ctx)
{
	(void)ctx;
	for (size_t i = 0; i < sizeof(table) / sizeof(*table); i++)
		if (strlen(table[i][0]) == len && !memcmp(table[i][0], key, len))
			return table[i][1];
	return NULL;
}

static char *rw(enum phx_digest_kind kind, const char *reldir, bool vsn, const char *in)
{
	struct phx_digest_rewriter r = {reldir, vsn, lookup, NULL, NULL};
	mx_buf_reset(&result);
	phx_digest_rewrite(kind, in, strlen(in), &r, &result);
	return result.buf;
}

#define CSS(in) rw(PHX_KIND_CSS, "css", true, in)

TEST(css_absolute_and_relative)
{
	CHECK_STR(CSS("a{b:url(/images/logo.png)}"), "a{b:url(/images/logo-aaaa.png?vsn=d)}");
	CHECK_STR(CSS("url(../images/logo.png)"), "url(../images/logo-aaaa.png?vsn=d)");
	/* same directory: Path.join(".", name) */
	CHECK_STR(CSS("url(local.svg)"), "url(./local-bbbb.svg?vsn=d)");
	CHECK_STR(CSS("url(./local.svg)"), "url(./local-bbbb.svg?vsn=d)");
	/* a path that wanders and comes back is normalised for the lookup
	 * only; the url keeps its own directory part */
	CHECK_STR(CSS("url(../css/../images/logo.png)"),
	          "url(../css/../images/logo-aaaa.png?vsn=d)");
}

TEST(css_no_vsn)
{
	CHECK_STR(rw(PHX_KIND_CSS, "css", false, "url(/images/logo.png) url(local.svg)"),
	          "url(/images/logo-aaaa.png) url(./local-bbbb.svg)");
}

TEST(css_quotes)
{
	CHECK_STR(CSS("url(\"/images/logo.png\")"), "url(\"/images/logo-aaaa.png?vsn=d\")");
	CHECK_STR(CSS("url('../images/logo.png')"), "url('../images/logo-aaaa.png?vsn=d')");
	/* mismatched quotes are part of the url: no lookup hit */
	CHECK_STR(CSS("url('/images/logo.png\")"), "url('/images/logo.png\")");
	/* a quote and one byte is not a quoted url (.+ needs a byte between) */
	CHECK_STR(CSS("url('')"), "url('')");
}

TEST(css_whitespace)
{
	CHECK_STR(CSS("url(  /images/logo.png \t)"), "url(  /images/logo-aaaa.png?vsn=d \t)");
	CHECK_STR(CSS("url(\n/images/logo.png\n)"), "url(\n/images/logo-aaaa.png?vsn=d\n)");
	/* \S+? cannot cross a space: no match at this url( */
	CHECK_STR(CSS("url(/images/logo.png x)"), "url(/images/logo.png x)");
	/* the shortest \S+? followed by ")" wins */
	CHECK_STR(CSS("url(/images/logo.png))"), "url(/images/logo-aaaa.png?vsn=d))");
	/* an empty url( ) does not match; the next url( does */
	CHECK_STR(CSS("url() url(/images/logo.png)"), "url() url(/images/logo-aaaa.png?vsn=d)");
	/* ")" right after url( is itself the shortest url */
	CHECK_STR(CSS("url())"), "url())");
	/* unterminated */
	CHECK_STR(CSS("url(/images/logo.png"), "url(/images/logo.png");
	CHECK_STR(CSS("url("), "url(");
	/* case-sensitive, as the regex */
	CHECK_STR(CSS("URL(/images/logo.png)"), "URL(/images/logo.png)");
}

TEST(css_left_alone)
{
	const char *same[] = {
	    "url(http://example.com/images/logo.png)",
	    "url(HTTPS://example.com/x.png)",
	    "url(//cdn.example.com/images/logo.png)",
	    "url(data:image/png;base64,AAAA)",
	    "url(/images/logo.png?v=1)",
	    "url(../images/logo.png#frag)",
	    "url(/images/nope.png)",
	    "url(../../images/logo.png)",
	    "url(/)",
	    "url(#x)",
	};
	for (size_t i = 0; i < sizeof(same) / sizeof(*same); i++)
		CHECK_STR(CSS(same[i]), same[i]);
}

TEST(css_root_file)
{
	/* a stylesheet at the input root: reldir "." */
	CHECK_STR(rw(PHX_KIND_CSS, ".", true, "url(images/logo.png) url(../images/logo.png)"),
	          "url(images/logo-aaaa.png?vsn=d) url(../images/logo.png)");
}

TEST(css_binary_safe)
{
	struct mx_buf out = MX_BUF_INIT;
	struct phx_digest_rewriter r = {"css", true, lookup, NULL, NULL};
	const char in[] = "\0url(/images/logo.png)\0";
	phx_digest_rewrite(PHX_KIND_CSS, in, sizeof(in) - 1, &r, &out);
	CHECK_INT(out.len, sizeof(in) - 1 + strlen("-aaaa?vsn=d"));
	CHECK(!memcmp(out.buf + 1, "url(/images/logo-aaaa.png?vsn=d)", 32));
	mx_buf_release(&out);
}

TEST(js_source_map)
{
	CHECK_STR(rw(PHX_KIND_JS, ".", true, "x;\n//# sourceMappingURL=app.js.map\n"),
	          "x;\n//# sourceMappingURL=./app-cccc.js.map\n");
	/* never ?vsn, absolute form */
	CHECK_STR(rw(PHX_KIND_JS, ".", true, "//#sourceMappingURL=/app.js.map"),
	          "//#sourceMappingURL=/app-cccc.js.map");
	/* \s* may span lines */
	CHECK_STR(rw(PHX_KIND_JS, "js", false, "//#\n sourceMappingURL=\n app.js.map"),
	          "//#\n sourceMappingURL=\n ./app-dddd.js.map");
	/* //@ is the old spelling, not matched */
	CHECK_STR(rw(PHX_KIND_JS, ".", false, "//@ sourceMappingURL=app.js.map"),
	          "//@ sourceMappingURL=app.js.map");
	CHECK_STR(rw(PHX_KIND_JS, ".", false, "//# sourceMappingURL="), "//# sourceMappingURL=");
	CHECK_STR(rw(PHX_KIND_JS, ".", false, "//# sourceMappingURL=nope.map"),
	          "//# sourceMappingURL=nope.map");
	CHECK_STR(rw(PHX_KIND_JS, ".", false, "//#//# sourceMappingURL=app.js.map"),
	          "//#//# sourceMappingURL=./app-cccc.js.map");
}

TEST(map_file_field)
{
	CHECK_STR(rw(PHX_KIND_MAP, "js", true, "{\"version\":3,\"file\":\"app.js\",\"x\":1}"),
	          "{\"version\":3,\"file\":\"./app-dddd.js\",\"x\":1}");
	/* mixed quotes are fine for this regex */
	CHECK_STR(rw(PHX_KIND_MAP, "js", true, "{'file':\"app.js'}"), "{'file':\"./app-dddd.js'}");
	/* no whitespace allowed around the colon */
	CHECK_STR(rw(PHX_KIND_MAP, "js", true, "{\"file\": \"app.js\"}"), "{\"file\": \"app.js\"}");
	/* a comma ends the value: no match */
	CHECK_STR(rw(PHX_KIND_MAP, "js", true, "{\"file\":\"app,js\"}"), "{\"file\":\"app,js\"}");
	CHECK_STR(rw(PHX_KIND_MAP, "js", true, "\"file\":\"app.js\"\"file\":\"app.js\""),
	          "\"file\":\"./app-dddd.js\"\"file\":\"./app-dddd.js\"");
	CHECK_STR(rw(PHX_KIND_MAP, "js", true, "file\":\"app.js\""), "file\":\"app.js\"");
}

TEST(plain_untouched)
{
	CHECK_STR(rw(PHX_KIND_PLAIN, ".", true, "url(/images/logo.png)"), "url(/images/logo.png)");
}

TEST(lookup_keys_recorded)
{
	struct mx_strvec keys = MX_STRVEC_INIT;
	struct mx_buf out = MX_BUF_INIT;
	struct phx_digest_rewriter r = {"css", true, lookup, NULL, &keys};
	const char *in = "url(/a.png) url(../b.png) url(http://x/y.png) url(../../z.png)";
	phx_digest_rewrite(PHX_KIND_CSS, in, strlen(in), &r, &out);
	CHECK_INT(keys.n, 2);
	CHECK_STR(keys.v[0], "a.png");
	CHECK_STR(keys.v[1], "b.png");
	mx_strvec_clear(&keys);
	mx_buf_release(&out);
}

TEST(kind_of)
{
	CHECK_INT(phx_digest_kind_of("a/app.css"), PHX_KIND_CSS);
	CHECK_INT(phx_digest_kind_of("app.js"), PHX_KIND_JS);
	CHECK_INT(phx_digest_kind_of("app.js.map"), PHX_KIND_MAP);
	CHECK_INT(phx_digest_kind_of("app.CSS"), PHX_KIND_PLAIN);
	CHECK_INT(phx_digest_kind_of(".css"), PHX_KIND_PLAIN);
	CHECK_INT(phx_digest_kind_of("x.css/y"), PHX_KIND_PLAIN);
}

/*
 * Path.expand resolves against the cwd: a URL that climbs out of the input
 * comes back into the tree when it names the cwd on the way down (checked
 * against mix phx.digest, tests/fixtures/golden/digest-differential).
 */
TEST(css_climbs_through_cwd)
{
	char old[4096], tmpl[] = "/tmp/rw-cwd.XXXXXX";
	struct mx_buf app = MX_BUF_INIT;
	CHECK(getcwd(old, sizeof(old)) != NULL);
	CHECK(mkdtemp(tmpl) != NULL);
	mx_buf_addf(&app, "%s/app", tmpl);
	CHECK_INT(mkdir(app.buf, 0700), 0);
	CHECK_INT(chdir(app.buf), 0);
	CHECK_STR(CSS("url(../../app/images/logo.png)"),
	          "url(../../app/images/logo-aaaa.png?vsn=d)");
	CHECK_STR(CSS("url(../../app/./x/../images/logo.png)"),
	          "url(../../app/./x/../images/logo-aaaa.png?vsn=d)");
	/* from the root the same climb needs one ".." less */
	CHECK_STR(rw(PHX_KIND_CSS, ".", false, "url(../app/images/logo.png)"),
	          "url(../app/images/logo-aaaa.png)");
	/* another name, the cwd itself, or above "/": never in latest */
	CHECK_STR(CSS("url(../../other/images/logo.png)"), "url(../../other/images/logo.png)");
	CHECK_STR(CSS("url(../../app)"), "url(../../app)");
	CHECK_STR(CSS("url(../../../../../../../../../../../images/logo.png)"),
	          "url(../../../../../../../../../../../images/logo.png)");
	CHECK_INT(chdir(old), 0);
	rmdir(app.buf);
	rmdir(tmpl);
	mx_buf_release(&app);
}

UNIT_MAIN()
