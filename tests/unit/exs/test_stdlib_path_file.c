/* The evaluator's Path and File builtins against what Elixir returns (see
 * test_stdlib.h). The tests run in tests/fixtures; HOME is /home/u. */
#include "test_stdlib.h"

TEST(join)
{
	EX("Path.join(\"a\", \"b\")", "\"a/b\"");
	EX("Path.join(\"a/\", \"b\")", "\"a/b\"");
	EX("Path.join(\"a\", \"/b\")", "\"a/b\"");
	EX("Path.join(\"/\", \"x\")", "\"/x\"");
	EX("Path.join(\"\", \"x\")", "\"x\"");
	EX("Path.join(\"a\", \"\")", "\"a\"");
	EX("Path.join(\"a\", \"b/\")", "\"a/b\"");
	EX("Path.join([\"a/\", \"/b\", \"c\"])", "\"a/b/c\"");
	EX("Path.join([\"a\"])", "\"a\"");
	EX("Path.join([\"a/\"])", "\"a/\"");
	EX("Path.join([\"/\"])", "\"/\"");
	EX("Path.join([])",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "Path.join/1\n\nThe following arguments were given to Path.join/1:\n\n    # 1\n"
	   "    []\n");
}

TEST(expand)
{
	EX("Path.expand(\"/a/./b/../c\")", "\"/a/c\"");
	EX("Path.expand(\"/\")", "\"/\"");
	EX("Path.expand(\"/..\")", "\"/\"");
	EX("Path.expand(\"/a/b/\")", "\"/a/b\"");
	EX("Path.expand(\"~/x\")", "\"/home/u/x\"");
	EX("Path.expand(\"~\")", "\"/home/u\"");
	EX("Path.expand(\"../x\", \"/a/b\")", "\"/a/x\"");
	EX("Path.expand(\"x\", \"/a\")", "\"/a/x\"");
	EX("Path.expand(\"/x\", \"/a\")", "\"/x\"");
	EX("Path.expand(\"\", \"/a\")", "\"/a\"");
	EX("Path.absname(\"/a/../b\")", "\"/a/../b\"");
	EX("Path.absname(\"/a//./b/\")", "\"/a/b\"");
	EX("Path.absname(\"/\")", "\"/\"");
}

TEST(parts)
{
	EX("Path.dirname(\"/a/b/c.ex\")", "\"/a/b\"");
	EX("Path.dirname(\"c.ex\")", "\".\"");
	EX("Path.dirname(\"/c.ex\")", "\"/\"");
	EX("Path.dirname(\"a/b/\")", "\"a/b\"");
	EX("Path.dirname(\"\")", "\".\"");
	EX("Path.basename(\"/a/b/c.ex\")", "\"c.ex\"");
	EX("Path.basename(\"c.ex\")", "\"c.ex\"");
	EX("Path.basename(\"a/b/\")", "\"b\"");
	EX("Path.basename(\"\")", "\"\"");
	EX("Path.basename(\"/a/b/c.ex\", \".ex\")", "\"c\"");
	EX("Path.basename(\"/a/b/c.ex\", \".exs\")", "\"c.ex\"");
	EX("Path.basename(\".ex\", \".ex\")", "\"\"");
	EX("Path.basename(\"a.ex\", \"\")", "\"a.ex\"");
	EX("Path.extname(\"a/b.tar.gz\")", "\".gz\"");
	EX("Path.extname(\"a/b\")", "\"\"");
	EX("Path.extname(\".bashrc\")", "\"\"");
	EX("Path.extname(\"a.b/c\")", "\"\"");
	EX("Path.rootname(\"a/b.tar.gz\")", "\"a/b.tar\"");
	EX("Path.rootname(\"a/b\")", "\"a/b\"");
	EX("Path.rootname(\"\")", "\"\"");
	EX("Path.split(\"/a/b/c\")", "[\"/\", \"a\", \"b\", \"c\"]");
	EX("Path.split(\"a//b/\")", "[\"a\", \"b\"]");
	EX("Path.split(\"\")", "[]");
	EX("Path.split(\"/\")", "[\"/\"]");
}

TEST(wildcard)
{
	EX("Path.wildcard(\"project/basic/config/*.exs\")",
	   "[\"project/basic/config/config.exs\", \"project/basic/config/dev.exs\", "
	   "\"project/basic/config/prod.exs\", \"project/basic/config/runtime.exs\", "
	   "\"project/basic/config/test.exs\"]");
	EX("Path.wildcard(\"project/basic/config/d?v.exs\")", "[\"project/basic/config/dev.exs\"]");
	EX("Path.wildcard(\"project/basic/config/[pt]*.exs\")",
	   "[\"project/basic/config/prod.exs\", \"project/basic/config/test.exs\"]");
	EX("Path.wildcard(\"project/basic/nothing*\")", "[]");
	OWN("Path.wildcard(\"project/**/*.exs\")",
	    "error: t.exs:1:1: Path.wildcard with ** or {} is not supported");
}

TEST(files)
{
	EX("File.exists?(\"project/basic/mix.exs\")", "true");
	EX("File.exists?(\"project/basic\")", "true");
	EX("File.exists?(\"project/none\")", "false");
	EX("File.dir?(\"project/basic\")", "true");
	EX("File.dir?(\"project/basic/mix.exs\")", "false");
	EX("File.dir?(\"project/none\")", "false");
	EX("File.regular?(\"project/basic/mix.exs\")", "true");
	EX("File.regular?(\"project/basic\")", "false");
	EX("File.regular?(\"project/none\")", "false");
	EX("File.read!(\"golden/hello/ecto.create.txt\")",
	   "\"==> hello\\nThe database for Hello.Repo has been created\\n\"");
	EX("File.read!(\"project/none\")",
	   "error: t.exs:1:1: ** (File.Error) could not read file \"project/none\": no such "
	   "file or directory");
	EX("File.read!(\"project/basic\")",
	   "error: t.exs:1:1: ** (File.Error) could not read file \"project/basic\": illegal "
	   "operation on a directory");
	/* the test runs in tests/fixtures or wherever ctest puts it: compare
	 * with the directory Path.expand gives for "." */
	EX("File.cwd!() == Path.expand(\".\")", "true");
	EX("File.cwd() == {:ok, Path.expand(\".\")}", "true");
}

/* URI.parse/1: values as Elixir 1.17.3 gives them. */
TEST(uri_parse)
{
	EX("URI.parse(\"https://localhost/\").host", "\"localhost\"");
	EX("URI.parse(\"HTTPS://u:p@example.com:8443/a/b?x=1#frag\")",
	   "%URI{scheme: \"https\", authority: \"u:p@example.com:8443\", userinfo: \"u:p\", "
	   "host: \"example.com\", port: 8443, path: \"/a/b\", query: \"x=1\", fragment: "
	   "\"frag\"}");
	EX("u = URI.parse(\"localhost:4000\")\n{u.scheme, u.host, u.port, u.path}",
	   "{\"localhost\", nil, nil, \"4000\"}");
	EX("u = URI.parse(\"http://[::1]:4000\")\n{u.host, u.port, u.path}", "{\"::1\", 4000, nil}");
	EX("u = URI.parse(\"/just/path?\")\n{u.scheme, u.host, u.path, u.query, u.fragment}",
	   "{nil, nil, \"/just/path\", \"\", nil}");
	EX("u = URI.parse(\"postgres://a@b@db:x\")\n{u.userinfo, u.host, u.port}",
	   "{\"a@b\", \"db\", nil}");
	EX("u = URI.parse(\"wss://h\")\n{u.port, u.authority}", "{443, \"h\"}");
	EX("u = URI.parse(\"file:///etc#\")\n{u.authority, u.host, u.path, u.fragment}",
	   "{\"\", \"\", \"/etc\", \"\"}");
}

int main(void)
{
	return stdlib_main();
}
