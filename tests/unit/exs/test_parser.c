/*
 * Parser tests: one or more snippets per construct, each compared with the
 * S-expression form of its tree (mx_ast_print), then positions, spans and
 * the fields consumers read directly.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/ast.h"
#include "unit.h"

struct snippet {
	const char *src, *want;
};

/* Reviewed by hand against Elixir's own reading of each snippet. */
static const struct snippet snippets[] = {
    {"42", "42"},
    {"1_000_000", "1000000"},
    {"0x1F", "31"},
    {"0o17", "15"},
    {"0b1010", "10"},
    {"1.5e-3", "0.0015"},
    {"1.0E10", "10000000000.0"},
    {"?a", "97"},
    {"?\\n", "10"},
    {"?\\\\", "92"},
    {"?\xc3"
     "\xa9"
     "",
     "233"},
    {":foo", ":foo"},
    {":foo?", ":foo?"},
    {":bar!", ":bar!"},
    {":\"foo bar\"", ":\"foo bar\""},
    {":\"a#{b}\"", ":\"a#{b}\""},
    {":+", ":\"+\""},
    {":<<>>", ":\"<<>>\""},
    {":\"Elixir.Foo\"", ":\"Elixir.Foo\""},
    {"true", "true"},
    {"nil", "nil"},
    {"\"a\\tb\\\"c\\\\d\"", "\"a\\tb\\\"c\\\\d\""},
    {"\"\\x41\\u00e9\\u{1F600}\\s\\0\"", "\"A\xc3"
                                         "\xa9"
                                         "\xf0"
                                         "\x9f"
                                         "\x98"
                                         "\x80"
                                         " \\x00\""},
    {"\"a\\#{b}\"", "\"a\\#{b}\""},
    {"'abc'", "'abc'"},
    {"\"\"\"\n  line1\n    line2\n  \"\"\"", "\"line1\\n  line2\\n\""},
    {"'''\n  chars\n  '''", "'chars\\n'"},
    {"~w(a b c)a", "~w\"a b c\"a"},
    {"~s[x #{1}]", "~s\"x #{1}\""},
    {"~S(no #{interp} \\n)", "~S\"no \\#{interp} \\\\n\""},
    {"~r/a+b/i", "~r\"a+b\"i"},
    {"~r{a\\}b}", "~r\"a}b\""},
    {"~HTML\"\"\"\n  <p>hi</p>\n  \"\"\"", "~HTML\"<p>hi</p>\\n\""},
    {"~c'x'", "~c\"x\""},
    {"~D<2024-01-01>", "~D\"2024-01-01\""},
    {"~U|x|", "~U\"x\""},
    {"~s\"a\\\"b\"", "~s\"a\\\"b\""},
    {"Foo.Bar.Baz", "Foo.Bar.Baz"},
    {"__MODULE__.Sub", "(alias __MODULE__ Sub)"},
    {"__MODULE__", "__MODULE__"},
    {"x = 1", "(= x 1)"},
    {"[]", "[]"},
    {"{}", "{}"},
    {"{1, 2, 3}", "{1, 2, 3}"},
    {"{:a, b: 1}", "{:a, [b: 1]}"},
    {"%{}", "%{}"},
    {"%{a: 1}", "%{a: 1}"},
    {"%{\"a\" => 1, b: 2}", "%{\"a\" => 1, b: 2}"},
    {"%{m | a: 1, b: 2}", "%{m | a: 1, b: 2}"},
    {"%{m | \"a\" => 1}", "%{m | \"a\" => 1}"},
    {"%Foo.Bar{a: 1}", "%Foo.Bar{a: 1}"},
    {"%__MODULE__{x: 1}", "%__MODULE__{x: 1}"},
    {"%Foo{s | a: 1}", "%Foo{s | a: 1}"},
    {"<<1, 2>>", "<<1, 2>>"},
    {"<<a::binary-size(4), rest::binary>>",
     "<<(:: a (- binary (call size 4))), (:: rest binary)>>"},
    {"<<\"abc\", x::utf8>>", "<<\"abc\", (:: x utf8)>>"},
    {"[1, 2 | t]", "[1, (| 2 t)]"},
    {"[{:a, 1}]", "[{:a, 1}]"},
    {"[\"a b\": 1]", "[\"a b\": 1]"},
    {"foo()", "(call foo)"},
    {"foo(1, a: 2)", "(call foo 1 [a: 2])"},
    {"foo 1, a: 2", "(call* foo 1 [a: 2])"},
    {"Foo.bar(1)", "(call Foo.bar 1)"},
    {"Foo.bar 1", "(call* Foo.bar 1)"},
    {":erlang.element(1, t)", "(call :erlang.element 1 t)"},
    {"a.b.c", "(call* (call* a.b).c)"},
    {"fun.(1)", "(call. fun 1)"},
    {"conn.params[\"id\"]", "(access (call* conn.params) \"id\")"},
    {"a[b][c]", "(access (access a b) c)"},
    {"Mod.fun/2", "(/ (call* Mod.fun) 2)"},
    {"&Mod.fun/2", "(& (/ (call* Mod.fun) 2))"},
    {"&fun/1", "(& (/ fun 1))"},
    {"&(&1 + 1)", "(& (+ &1 1))"},
    {"&{&1, &2}", "(& {&1, &2})"},
    {"& &1", "(& &1)"},
    {"&+/2", "(& (/ + 2))"},
    {"&Kernel.+/2", "(& (/ (call* Kernel.+) 2))"},
    {"a + b * c", "(+ a (* b c))"},
    {"(a + b) * c", "(* (+ a b) c)"},
    {"a ** b ** c", "(** (** a b) c)"},
    {"-a ** 2", "(** (- a) 2)"},
    {"a - b - c", "(- (- a b) c)"},
    {"a ++ b ++ c", "(++ a (++ b c))"},
    {"a <> b <> c", "(<> a (<> b c))"},
    {"a..b", "(.. a b)"},
    {"1..10//2", "(..// 1 10 2)"},
    {"a in b", "(in a b)"},
    {"a not in b", "(not in a b)"},
    {"not a", "(not a)"},
    {"!a", "(! a)"},
    {"^a", "(^ a)"},
    {"a |> b() |> c()", "(|> (|> a (call b)) (call c))"},
    {"a < b", "(< a b)"},
    {"a >= b", "(>= a b)"},
    {"a == b", "(== a b)"},
    {"a === b", "(=== a b)"},
    {"a =~ b", "(=~ a b)"},
    {"a && b || c", "(|| (&& a b) c)"},
    {"a and b or c", "(or (and a b) c)"},
    {"a = b = c", "(= a (= b c))"},
    {"a || b && c", "(|| a (&& b c))"},
    {"x = a || b", "(= x (|| a b))"},
    {"a :: b", "(:: a b)"},
    {"x when y", "(when x y)"},
    {"a <- b", "(<- a b)"},
    {"a \\\\ b", "(\\\\ a b)"},
    {"a ||| b", "(||| a b)"},
    {"a &&& b", "(&&& a b)"},
    {"a <<< b", "(<<< a b)"},
    {"a ~> b", "(~> a b)"},
    {"a ^^^ b", "(^^^ a b)"},
    {"a +++ b", "(+++ a b)"},
    {"a |> b when c", "(when (|> a b) c)"},
    {"foo -1", "(call* foo -1)"},
    {"foo - 1", "(- foo 1)"},
    {"a -1", "(call* a -1)"},
    {"@doc \"x\"", "(@ doc \"x\")"},
    {"@moduledoc false", "(@ moduledoc false)"},
    {"@attr", "(@ attr)"},
    {"@attr[:k]", "(access (@ attr) :k)"},
    {"@foo.bar", "(call* (@ foo).bar)"},
    {"@spec foo(integer) :: atom", "(@ spec (:: (call foo integer) atom))"},
    {"@impl true", "(@ impl true)"},
    {"@a 1 + 2", "(@ a (+ 1 2))"},
    {"...", "..."},
    {"foo(...)", "(call foo ...)"},
    {"fn -> :ok end", "(fn (-> () :ok))"},
    {"fn x -> x end", "(fn (-> (x) x))"},
    {"fn a, b -> a + b end", "(fn (-> (a b) (+ a b)))"},
    {"fn (a, b) -> a end", "(fn (-> (a b) a))"},
    {"fn x when x > 0 -> x; x -> -x end", "(fn (-> (x) (when (> x 0)) x) (-> (x) (- x)))"},
    {"fn\n  {:ok, v} -> v\n  _ -> nil\nend", "(fn (-> ({:ok, v}) v) (-> (_) nil))"},
    {"case x do\n  1 -> :one\n  n when n > 1 ->\n    a = n\n    a * 2\n  _ -> :other\nend",
     "(call* case x (do (clauses (-> (1) :one) (-> (n) (when (> n 1)) (block (= a n) (* a 2))) (-> "
     "(_) :other))))"},
    {"cond do\n  a -> 1\n  true -> 2\nend", "(call* cond (do (clauses (-> (a) 1) (-> (true) 2))))"},
    {"if a, do: b, else: c", "(call* if a [do: b, else: c])"},
    {"if a do\n  b\nelse\n  c\nend", "(call* if a (do b) (else c))"},
    {"unless a do b end", "(call* unless a (do b))"},
    {"with {:ok, a} <- f(),\n     {:ok, b} <- g(a) do\n  {a, b}\nelse\n  {:error, e} -> e\n  _ -> "
     ":error\nend",
     "(call* with (<- {:ok, a} (call f)) (<- {:ok, b} (call g a)) (do {a, b}) (else (clauses (-> "
     "({:error, e}) e) (-> (_) :error))))"},
    {"with {:ok, a} <- f(), do: a, else: (_ -> nil)",
     "(call* with (<- {:ok, a} (call f)) [do: a, else: (clauses (-> (_) nil))])"},
    {"for x <- list, x > 1, into: %{}, do: {x, x}",
     "(call* for (<- x list) (> x 1) [into: %{}, do: {x, x}])"},
    {"for {k, v} <- map, reduce: 0 do\n  acc -> acc + v\nend",
     "(call* for (<- {k, v} map) [reduce: 0] (do (clauses (-> (acc) (+ acc v)))))"},
    {"try do\n  f()\nrescue\n  e in RuntimeError -> e\ncatch\n  :exit, _ -> :exit\nafter\n  "
     "cleanup()\nend",
     "(call* try (do (call f)) (rescue (clauses (-> ((in e RuntimeError)) e))) (catch (clauses (-> "
     "(:exit _) :exit))) (after (call cleanup)))"},
    {"receive do\n  {:msg, x} -> x\nafter\n  1000 -> :timeout\nend",
     "(call* receive (do (clauses (-> ({:msg, x}) x))) (after (clauses (-> (1000) :timeout))))"},
    {"quote do\n  unquote(x) + 1\nend", "(call* quote (do (+ (call unquote x) 1)))"},
    {"defmodule Foo do\n  def bar(a, b \\\\ 1) when is_integer(a), do: a + b\n  defp baz(x) do\n   "
     " x\n  end\nend",
     "(call* defmodule Foo (do (block (call* def (when (call bar a (\\\\ b 1)) (call is_integer "
     "a)) [do: (+ a b)]) (call* defp (call baz x) (do x)))))"},
    {"def foo, do: :ok", "(call* def foo [do: :ok])"},
    {"x = 1; y = 2", "(block (= x 1) (= y 2))"},
    {"a = 1 +\n  2", "(= a (+ 1 2))"},
    {"a\n|> b()\n|> c()", "(|> (|> a (call b)) (call c))"},
    {"foo(\n  1,\n  2\n)", "(call foo 1 2)"},
    {"x = \\\n  1", "(= x 1)"},
    {"a = 1 # comment", "(= a 1)"},
    {"foo bar, baz", "(call* foo bar baz)"},
    {"foo bar baz, 1", "(call* foo (call* bar baz 1))"},
    {"if foo bar do x end", "(call* if (call* foo bar) (do x))"},
    {"get \"/\", PageController, :home", "(call* get \"/\" PageController :home)"},
    {"resources \"/users\", UserController, except: [:new, :edit]",
     "(call* resources \"/users\" UserController [except: [:new, :edit]])"},
    {"add :name, :string, null: false", "(call* add :name :string [null: false])"},
    {"plug Plug.Static, at: \"/\", from: :hello, gzip: false, only: HelloWeb.static_paths()",
     "(call* plug Plug.Static [at: \"/\", from: :hello, gzip: false, only: (call "
     "HelloWeb.static_paths)])"},
    {"scope \"/\", HelloWeb do\n  pipe_through :browser\n  live \"/users/:id\", UserLive.Show, "
     ":show\nend",
     "(call* scope \"/\" HelloWeb (do (block (call* pipe_through :browser) (call* live "
     "\"/users/:id\" UserLive.Show :show))))"},
    {"config :hello, Hello.Repo, username: \"postgres\", pool_size: 10",
     "(call* config :hello Hello.Repo [username: \"postgres\", pool_size: 10])"},
    {"import Config", "(call* import Config)"},
    {"alias Hello.{Accounts, Repo}", "(call* alias (call Hello.{} Accounts Repo))"},
    {"x.(1)(2)", "(call (call. x 1) 2)"},
    {"case foo do end", "(call* case foo (do (block)))"},
    {"a.b(1).c", "(call* (call a.b 1).c)"},
    {"foo.bar do x end", "(call* foo.bar (do x))"},
    {"unquote(name)", "(call unquote name)"},
    {"%{\"a\" => %{\"b\" => [1, 2]}}", "%{\"a\" => %{\"b\" => [1, 2]}}"},
    {"x = %{a: 1}[:a]", "(= x (access %{a: 1} :a))"},
    {"{:ok, %{a: b} = m}", "{:ok, (= %{a: b} m)}"},
    {"&1", "&1"},
    {"[do: 1]", "[do: 1]"},
    {"[if: 1, do: 2]", "[if: 1, do: 2]"},
    {"t = (a; b)", "(= t (block a b))"},
    {"()", "(block)"},
    {"x.\"foo bar\"()", "(call x.foo bar)"},
    {"Kernel.+(1, 2)", "(call Kernel.+ 1 2)"},
    {"a.do", "(call* a.do)"},
    {"[a: [b: [c: 1]]]\n", "[a: [b: [c: 1]]]"},
    {"foo a, bar b", "(call* foo a (call* bar b))"},
    {"foo bar b, c", "(call* foo (call* bar b c))"},
    {"foo(bar a, b)", "(call foo (call* bar a b))"},
    {"[b c]", "[(call* b c)]"},
    {"a...b", "(call* a (... b))"},
    {"...b", "(... b)"},
    {"%{...1}", "%{(... 1)}"},
    {"fn -> end", "(fn (-> () nil))"},
    {"%{unquote_splicing(x)}", "%{(call unquote_splicing x)}"},
    {"unquote(f)(x)", "(call (call unquote f) x)"},
    {"@foo quote do\n  :ok\nend", "(@ (call* foo quote (do :ok)))"},
    {"@spec f(a) :: a when a: term", "(@ spec (when (:: (call f a) a) [a: term]))"},
    {"[1,]", "[1]"},
    {"{1,}", "{1}"},
    {"<<1,>>", "<<1>>"},
    {"%{a: 1,}", "%{a: 1}"},
    {"[for x <- y, into: %{} do\n  {x, 1}\nend]", "[(call* for (<- x y) [into: %{}] (do {x, 1}))]"},
    {"%{x | 'a' => 1}", "%{x | 'a' => 1}"},
};

/* Parses src and prints it; returns 0 and fills out, or -1. */
static int parse_print(const char *src, bool pos, struct mx_buf *out, struct mx_err *err)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_ast *t = NULL;
	int ret = mx_exs_parse(&a, "t.exs", src, strlen(src), &t, err);
	if (ret == 0)
		mx_ast_print(t, pos, out);
	mx_arena_release(&a);
	return ret;
}

TEST(snippets)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof(snippets) / sizeof(snippets[0]); i++) {
		struct mx_buf out = MX_BUF_INIT;
		struct mx_err err = MX_ERR_INIT;
		if (parse_print(snippets[i].src, false, &out, &err) < 0) {
			fprintf(stderr, "snippet %zu: %s\n  error: %s:%u:%u: %s\n", i,
			        snippets[i].src, err.file, err.line, err.col, err.msg);
			bad++;
		} else if (strcmp(out.buf, snippets[i].want)) {
			fprintf(stderr, "snippet %zu: %s\n  got:  %s\n  want: %s\n", i,
			        snippets[i].src, out.buf, snippets[i].want);
			bad++;
		}
		mx_buf_release(&out);
	}
	CHECK_INT(bad, 0);
}

#define CHECK_POS(src, want)                                                                       \
	do {                                                                                       \
		struct mx_buf o_ = MX_BUF_INIT;                                                    \
		struct mx_err e_ = MX_ERR_INIT;                                                    \
		CHECK_INT(parse_print((src), true, &o_, &e_), 0);                                  \
		CHECK_STR(o_.buf, (want));                                                         \
		mx_buf_release(&o_);                                                               \
	} while (0)

TEST(positions)
{
	CHECK_POS("get \"/\", PageController, :home",
	          "1:1:(call* get 1:5:\"/\" 1:10:PageController 1:26::home)");
	CHECK_POS("a +\n  b * c", "1:1:(+ 1:1:a 2:3:(* 2:3:b 2:7:c))");
	CHECK_POS("x = foo(1,\n  bar: 2)",
	          "1:1:(= 1:1:x 1:5:(call foo 1:9:1 2:3:[2:3:bar: 2:8:2]))");
	CHECK_POS("if a do\n  b\nelse\n  c\nend", "1:1:(call* if 1:4:a (do 2:3:b) (else 4:3:c))");
	CHECK_POS("\"a#{b}\"", "1:1:\"a#{1:5:b}\"");
	CHECK_POS("\"\"\"\n  x #{\n  y}\n  \"\"\"", "1:1:\"x #{3:3:y}\\n\"");
	CHECK_POS("fn x -> x end", "1:1:(fn 1:4:(-> (1:4:x) 1:9:x))");
	CHECK_POS(
	    "@doc \"\"\"\nhi\n\"\"\"\ndef a, do: 1",
	    "1:1:(block 1:1:(@ doc 1:6:\"hi\\n\") 4:1:(call* def 4:5:a 4:8:[4:8:do: 4:12:1]))");
	CHECK_POS("%{a | b: 1}", "1:1:%{1:3:a | 1:7:b: 1:10:1}");
	CHECK_POS("-1", "1:1:-1");
	CHECK_POS("  foo.bar(1)", "1:3:(call 1:3:foo.bar 1:11:1)");
	CHECK_POS("x =\n  ~w(a b)", "1:1:(= 1:1:x 2:3:~w\"a b\")");
	CHECK_POS("é = 1", "1:1:(= 1:1:é 1:5:1)");
	CHECK_POS("\"–\" <> x", "1:1:(<> 1:1:\"–\" 1:8:x)");
}

/* Parses src into a (kept for the caller's checks). */
static struct mx_ast *parse(struct mx_arena *a, const char *src)
{
	struct mx_ast *t = NULL;
	struct mx_err err = MX_ERR_INIT;
	if (mx_exs_parse(a, "t.exs", src, strlen(src), &t, &err) < 0) {
		fprintf(stderr, "parse error: %s:%u:%u: %s\n", err.file, err.line, err.col,
		        err.msg);
		return NULL;
	}
	return t;
}

TEST(spans)
{
	struct mx_arena a = MX_ARENA_INIT;
	const char *src = "defmodule Foo do\n  def bar(x), do: x + 1\nend\n";
	struct mx_ast *t = parse(&a, src);
	CHECK(t);
	CHECK_INT(t->kind, MX_AST_CALL);
	CHECK_INT(t->off, 0);
	CHECK_INT(t->end, strlen(src) - 1);
	struct mx_ast *def = mx_ast_call_block(t, "do");
	CHECK(def);
	CHECK(mx_ast_is_call(def, NULL, "def"));
	CHECK_INT(def->off, 19);
	CHECK_INT(def->end, 40);
	struct mx_ast *body = mx_ast_call_block(def, "do");
	CHECK(body);
	CHECK_INT(body->kind, MX_AST_OP);
	CHECK_INT(body->end - body->off, 5);
	CHECK(!memcmp(src + body->off, "x + 1", 5));
	CHECK_INT(body->u.op.op_line, 2);
	CHECK_INT(body->u.op.op_col, 21);
	mx_arena_release(&a);
}

TEST(call_fields)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_ast *t = parse(&a, "resources \"/users\", UserController, only: [:index]");
	CHECK(t);
	CHECK(mx_ast_is_call(t, NULL, "resources"));
	CHECK(!(t->flags & MX_AST_F_PARENS));
	CHECK_INT(t->u.call.nargs, 3);
	CHECK_INT(mx_ast_call_arity(t), 3);
	struct mx_ast *kw = t->u.call.args[2];
	CHECK_INT(kw->kind, MX_AST_LIST);
	CHECK(kw->flags & MX_AST_F_IMPLICIT);
	struct mx_ast *only = mx_ast_kw_get(kw, "only");
	CHECK(only && only->kind == MX_AST_LIST && only->u.list.n == 1);
	CHECK(mx_ast_is_atom(only->u.list.items[0], "index"));
	const char *s;
	size_t n;
	CHECK(mx_ast_str_literal(t->u.call.args[0], &s, &n));
	CHECK_INT(n, 6);
	CHECK_STR(s, "/users");
	CHECK_STR(t->u.call.args[1]->u.alias.name, "UserController");

	t = parse(&a, "create table(:users) do\n  add :name, :string\nend");
	CHECK(t);
	CHECK(t->flags & MX_AST_F_DO);
	CHECK_INT(mx_ast_call_arity(t), 2);
	CHECK(mx_ast_is_call(t->u.call.args[0], NULL, "table"));
	CHECK(t->u.call.args[0]->flags & MX_AST_F_PARENS);
	struct mx_ast *add = mx_ast_call_block(t, "do");
	CHECK(mx_ast_is_call(add, NULL, "add"));
	CHECK(!mx_ast_call_block(t, "else"));

	t = parse(&a, "Mix.env() == :prod");
	CHECK(t && t->kind == MX_AST_OP);
	CHECK(mx_ast_is_call(t->u.op.left, "Mix", "env"));
	CHECK(!mx_ast_is_call(t->u.op.left, "Mox", "env"));
	CHECK_STR(t->u.op.op, "==");

	t = parse(&a, "f.(1)");
	CHECK(t && (t->flags & MX_AST_F_ANON) && !t->u.call.name);
	mx_arena_release(&a);
}

TEST(strings_and_sigils)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_ast *t = parse(&a, "~r/a\\d+\\/b/i");
	CHECK(t && t->kind == MX_AST_SIGIL);
	CHECK_STR(t->u.sigil.name, "r");
	CHECK_STR(t->u.sigil.mods, "i");
	CHECK_INT(t->u.sigil.open, '/');
	CHECK_INT(t->u.sigil.nparts, 1);
	/* raw keeps \d, loses the backslash of the escaped delimiter */
	CHECK_STR(t->u.sigil.parts[0].raw, "a\\d+/b");

	t = parse(&a, "~s(a\\tb #{x})");
	CHECK(t && t->u.sigil.nparts == 2);
	CHECK_STR(t->u.sigil.parts[0].text, "a\tb ");
	CHECK_STR(t->u.sigil.parts[0].raw, "a\\tb ");
	CHECK(t->u.sigil.parts[1].expr && t->u.sigil.parts[1].expr->kind == MX_AST_VAR);

	t = parse(&a, "  x = ~H\"\"\"\n    <p>\n      hi\n    </p>\n    \"\"\"\n");
	CHECK(t && t->kind == MX_AST_OP);
	struct mx_ast *h = t->u.op.right;
	CHECK(h->kind == MX_AST_SIGIL && (h->flags & MX_AST_F_HEREDOC));
	CHECK_STR(h->u.sigil.name, "H");
	CHECK_STR(h->u.sigil.parts[0].text, "<p>\n  hi\n</p>\n");

	/* NUL bytes survive, len is authoritative */
	t = parse(&a, "\"a\\0b\"");
	CHECK(t && t->u.str.nparts == 1 && t->u.str.parts[0].len == 3);
	CHECK(!memcmp(t->u.str.parts[0].text, "a\0b", 3));

	t = parse(&a, "\"\"");
	CHECK(t && t->kind == MX_AST_STRING && t->u.str.nparts == 0);

	/* heredoc lines indented less than the closing quotes keep what they have */
	t = parse(&a, "\"\"\"\n  a\n b\n\n    c\n  \"\"\"");
	CHECK(t);
	CHECK_STR(t->u.str.parts[0].text, "a\nb\n\n  c\n");

	/* escaped newline joins lines; \r\n inside strings is kept */
	t = parse(&a, "\"a\\\nb\"");
	CHECK(t);
	CHECK_STR(t->u.str.parts[0].text, "ab");
	mx_arena_release(&a);
}

/* Each binary operator's associativity, one test per operator so that a
 * changed row of the operator table names itself. Right-associative:
 * ++ -- +++ --- <> .. = :: when | (elixir_parser.yrl's Right directives);
 * the others group to the left, ** too. Trees checked against Elixir
 * 1.14.0's Code.string_to_quoted (quoted_sexp.exs). */
#define CHECK_TREE(src, want)                                                                      \
	do {                                                                                       \
		struct mx_buf o_ = MX_BUF_INIT;                                                    \
		struct mx_err e_ = MX_ERR_INIT;                                                    \
		CHECK_INT(parse_print((src), false, &o_, &e_), 0);                                 \
		CHECK_STR(o_.buf, (want));                                                         \
		mx_buf_release(&o_);                                                               \
	} while (0)

TEST(assoc_list_subtract_is_right_associative)
{
	CHECK_TREE("a -- b -- c", "(-- a (-- b c))");
	CHECK_TREE("[a -- b -- c]", "[(-- a (-- b c))]");
	CHECK_TREE("x = a -- b -- c", "(= x (-- a (-- b c)))");
	/* same precedence as ++, still to the right */
	CHECK_TREE("a ++ b -- c", "(++ a (-- b c))");
	CHECK_TREE("a -- b ++ c", "(-- a (++ b c))");
	/* binds looser than binary minus */
	CHECK_TREE("a - b -- c", "(-- (- a b) c)");
	CHECK_TREE("a -- b - c", "(-- a (- b c))");
}

TEST(assoc_other_right_associative_operators)
{
	CHECK_TREE("a ++ b ++ c", "(++ a (++ b c))");
	CHECK_TREE("a +++ b +++ c", "(+++ a (+++ b c))");
	CHECK_TREE("a --- b --- c", "(--- a (--- b c))");
	CHECK_TREE("a <> b <> c", "(<> a (<> b c))");
	CHECK_TREE("a .. b .. c", "(.. a (.. b c))");
	CHECK_TREE("a = b = c", "(= a (= b c))");
	CHECK_TREE("a :: b :: c", "(:: a (:: b c))");
	CHECK_TREE("a when b when c", "(when a (when b c))");
	CHECK_TREE("a | b | c", "(| a (| b c))");
}

TEST(assoc_left_associative_operators)
{
	CHECK_TREE("a - b - c", "(- (- a b) c)");
	CHECK_TREE("a |> b |> c", "(|> (|> a b) c)");
	CHECK_TREE("a ** b ** c", "(** (** a b) c)");
}

TEST(empty_and_whitespace_files)
{
	struct mx_arena a = MX_ARENA_INIT;
	const char *srcs[] = {"", "\n\n", "# only a comment\n", ";", " \t\n"};
	for (size_t i = 0; i < sizeof(srcs) / sizeof(srcs[0]); i++) {
		struct mx_ast *t = parse(&a, srcs[i]);
		CHECK(t);
		CHECK_INT(t->kind, MX_AST_BLOCK);
		CHECK_INT(t->u.list.n, 0);
	}
	struct mx_ast *t = parse(&a, "a\r\nb\r\n");
	CHECK(t && t->kind == MX_AST_BLOCK && t->u.list.n == 2);
	CHECK_INT(t->u.list.items[1]->line, 2);
	mx_arena_release(&a);
}

TEST(not_nul_terminated)
{
	/* The parser must never read past len: each input is copied to a
	 * buffer of exactly its size (ASan and valgrind see any overrun). */
	char *buf = malloc(5);
	memcpy(buf, "foo 1", 5);
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_ast *t = NULL;
	struct mx_err err = MX_ERR_INIT;
	CHECK_INT(mx_exs_parse(&a, "t.exs", buf, 5, &t, &err), 0);
	CHECK(mx_ast_is_call(t, NULL, "foo"));
	free(buf);
	static const char *const ends[] = {
	    ":",    "?",     "~",      "\"",         "0x", "1.",   "&",   "%",  "<<",  ".",
	    "\\",   "'",     ":\"",    "foo.",       "@",  "#",    "?\\", "~s", "~s(", "\"\"\"",
	    "\"#{", "x :",   ":\xd7:", "a -",        "1e", "1.0e", "0b",  "&1", "..",  "\\\n",
	    "foo:", "\"a\\", "'''\n",  "~S\"\"\"\n", "%{", "fn",   "do",  "<",
	};
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t n = strlen(ends[i]);
		buf = malloc(n);
		memcpy(buf, ends[i], n);
		mx_err_clear(&err);
		int r = mx_exs_parse(&a, "t.exs", buf, n, &t, &err);
		CHECK(r == 0 || (err.kind == MX_ERR_SYNTAX && err.line >= 1 && err.col >= 1));
		free(buf);
	}
	mx_arena_release(&a);
}

UNIT_MAIN()

/* mx_ast_each_child reaches every kind of child, in source order: the
 * variables named after letters come out alphabetically. */
static void collect_vars(struct mx_ast **slot, void *ctx)
{
	struct mx_ast *n = *slot;
	if (n->kind == MX_AST_VAR) {
		mx_buf_add(ctx, n->u.name.name, n->u.name.len);
		mx_buf_addch(ctx, ' ');
	}
	mx_ast_each_child(n, collect_vars, ctx);
}

static void drop_b(struct mx_ast **slot, void *ctx)
{
	struct mx_ast *n = *slot;
	if (n->kind == MX_AST_VAR && n->u.name.name[0] == 'b')
		*slot = ctx;
	else
		mx_ast_each_child(n, drop_b, ctx);
}

TEST(each_child)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_buf b = MX_BUF_INIT;
	struct mx_ast *t = parse(&a, "\"#{a}\" <> ~s(#{b}) <> 'x#{c}' <> :\"#{d}\"\n"
	                             "[e, {f}, <<g>>, h: i]\n"
	                             "%{j | k => l}; %S{m | n: o}\n"
	                             "p.q(r) do s end\n"
	                             "t..u//v; -w; &x/1; @y z\n"
	                             "aa[ab]; fn ac when ad -> ae end\n"
	                             "case af do ag -> ah end; __MODULE__.Ai");
	CHECK(t);
	collect_vars(&t, &b);
	CHECK_STR(b.buf, "a b c d e f g i j k l m o p r s t u v w x z aa ab ac ad ae af ag ah "
	                 "__MODULE__ ");
	/* f may replace the child it is given */
	struct mx_ast *one = parse(&a, "1");
	drop_b(&t, one);
	mx_buf_reset(&b);
	collect_vars(&t, &b);
	CHECK_STR(b.buf, "a c d e f g i j k l m o p r s t u v w x z aa ab ac ad ae af ag ah "
	                 "__MODULE__ ");
	mx_buf_release(&b);
	mx_arena_release(&a);
}
