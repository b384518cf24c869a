/* Unit tests for the evaluator: every construct it supports, asserted on the
 * inspected result, and its errors with their positions. */
#include <stdlib.h>
#include <string.h>

#include "exs/ast.h"
#include "exs/eval.h"
#include "unit.h"

static struct mx_buf OUT = MX_BUF_INIT;

/* Evaluates src as a file (env "dev" unless set) and returns the inspected
 * value, or "error: <formatted error>". The returned text lives in OUT. */
static const char *run_env(const char *src, const char *env)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *t;
	mx_buf_reset(&OUT);
	mx_eval_init(&ev, &a);
	ev.isolated_env = true;
	mx_eval_setenv(&ev, "PORT", "4001");
	mx_eval_setenv(&ev, "EMPTY", "");
	mx_eval_setenv(&ev, "HOME", "/home/u");
	if (env)
		ev.mix_env = env;
	if (mx_exs_parse(&a, "t.exs", src, strlen(src), &ast, &err) < 0 ||
	    mx_eval_file(&ev, ast, &t, &err) < 0) {
		mx_buf_adds(&OUT, "error: ");
		mx_err_format(&err, &OUT);
	} else {
		mx_term_inspect(t, &OUT);
	}
	mx_eval_release(&ev);
	mx_arena_release(&a);
	return OUT.buf;
}

static const char *run(const char *src)
{
	return run_env(src, NULL);
}

TEST(literals)
{
	CHECK_STR(run("42"), "42");
	CHECK_STR(run("0x1F + 0b11 + 0o7 + 1_000"), "1041");
	CHECK_STR(run("?a"), "97");
	CHECK_STR(run("1.5"), "1.5");
	CHECK_STR(run(":foo"), ":foo");
	CHECK_STR(run(":\"foo bar\""), ":\"foo bar\"");
	CHECK_STR(run("nil"), "nil");
	CHECK_STR(run("true"), "true");
	CHECK_STR(run("Foo.Bar"), "Foo.Bar");
	CHECK_STR(run("\"a\\tb\""), "\"a\\tb\"");
	CHECK_STR(run("'abc'"), "~c\"abc\"");
	CHECK_STR(run("[1, :a, \"s\"]"), "[1, :a, \"s\"]");
	CHECK_STR(run("[a: 1, b: [c: 2]]"), "[a: 1, b: [c: 2]]");
	CHECK_STR(run("[{:a, 1}, {:b, 2}]"), "[a: 1, b: 2]");
	CHECK_STR(run("[\"quoted key\": 1]"), "[\"quoted key\": 1]");
	CHECK_STR(run("{1, 2, 3}"), "{1, 2, 3}");
	CHECK_STR(run("%{\"a\" => 1, b: 2}"), "%{:b => 2, \"a\" => 1}");
	CHECK_STR(run("%{b: 1, a: 2}"), "%{a: 2, b: 1}");
	CHECK_STR(run("[1 | [2, 3]]"), "[1, 2, 3]");
	CHECK_STR(run("[1 | 2]"), "[1 | 2]");
	CHECK_STR(run("\"\"\"\n  hello\n  world\n  \"\"\""), "\"hello\\nworld\\n\"");
}

TEST(interpolation_and_concat)
{
	CHECK_STR(run("x = 5\n\"n=#{x} #{:a} #{1.0} #{nil}|\""), "\"n=5 a 1.0 |\"");
	CHECK_STR(run("\"a\" <> \"b\" <> \"c\""), "\"abc\"");
	CHECK_STR(run("x = \"w\"\n:\"at_#{x}\""), ":at_w");
	CHECK_STR(run("\"#{[1, 2]}\""), "<<1, 2>>");
	CHECK_STR(run("\"#{[?a, \"b\", [?c]]}\""), "\"abc\"");
	CHECK_STR(run("\"#{{1, 2}}\""),
	          "error: t.exs:1:4: ** (Protocol.UndefinedError) protocol String.Chars not "
	          "implemented for type Tuple\n\nGot value:\n\n    {1, 2}\n");
	CHECK_STR(run("1 <> \"a\""),
	          "error: t.exs:1:1: ** (ArgumentError) expected binary argument in <> "
	          "operator but got: 1");
}

TEST(sigils)
{
	CHECK_STR(run("~w(a b  c)"), "[\"a\", \"b\", \"c\"]");
	CHECK_STR(run("~w(a b)a"), "[:a, :b]");
	CHECK_STR(run("~w(a b)c"), "[~c\"a\", ~c\"b\"]");
	CHECK_STR(run("~w(a b)s"), "[\"a\", \"b\"]");
	CHECK_STR(run("~s(x #{1 + 1})"), "\"x 2\"");
	CHECK_STR(run("~S(x #{1})"), "\"x \\#{1}\"");
	CHECK_STR(run("~c(ab)"), "~c\"ab\"");
	CHECK_STR(run("~r/a+b/i"), "~r/a+b/i");
	CHECK_STR(run("~D[2024-01-02]"), "~D[2024-01-02]");
	CHECK_STR(run("~w(a)x"), "error: t.exs:1:1: modifier must be one of: s, a, c");
}

TEST(arithmetic_and_comparison)
{
	CHECK_STR(run("1 + 2 * 3 - 4"), "3");
	CHECK_STR(run("7 / 2"), "3.5");
	CHECK_STR(run("div(7, 2) + rem(7, 2)"), "4");
	CHECK_STR(run("-3 + +1"), "-2");
	CHECK_STR(run("2 ** 10"), "1024");
	CHECK_STR(run("1 == 1.0"), "true");
	CHECK_STR(run("1 === 1.0"), "false");
	CHECK_STR(run("1 != 2 and 3 !== 3.0"), "true");
	CHECK_STR(run("{1 < 2, :a > 1, \"b\" >= \"a\", [] <= {}}"), "{true, true, true, false}");
	CHECK_STR(run("1 + :a"),
	          "error: t.exs:1:1: ** (ArithmeticError) bad argument in arithmetic "
	          "expression: 1 + :a");
	CHECK_STR(run("1 / 0"), "error: t.exs:1:1: ** (ArithmeticError) bad argument in arithmetic "
	                        "expression: 1 / 0");
	CHECK_STR(run("abs(-3) + max(1, 2) + min(5, 4) + round(1.5) + trunc(2.7)"), "13");
}

TEST(booleans)
{
	CHECK_STR(run("nil || :default"), ":default");
	CHECK_STR(run("false || nil"), "nil");
	CHECK_STR(run(":a && :b"), ":b");
	CHECK_STR(run("nil && raise \"no\""), "nil");
	CHECK_STR(run("true and false"), "false");
	CHECK_STR(run("false or :x"), ":x");
	CHECK_STR(run("not true"), "false");
	CHECK_STR(run("!nil"), "true");
	CHECK_STR(run("1 and true"),
	          "error: t.exs:1:1: ** (BadBooleanError) expected a boolean on left-side of "
	          "\"and\", got: 1");
	CHECK_STR(run("1 in [1, 2]"), "true");
	CHECK_STR(run("1.0 in [1, 2]"), "false");
	CHECK_STR(run("3 not in [1, 2]"), "true");
	CHECK_STR(run("3 in 1..5"), "true");
	CHECK_STR(run("6 in 1..5"), "false");
	CHECK_STR(run("{:a, 1} in %{a: 1}"), "true");
}

TEST(lists_ops)
{
	CHECK_STR(run("[1, 2] ++ [3]"), "[1, 2, 3]");
	CHECK_STR(run("[1, 2, 1, 3] -- [1, 3]"), "[2, 1]");
	CHECK_STR(run("hd([1, 2])"), "1");
	CHECK_STR(run("tl([1, 2])"), "[2]");
	CHECK_STR(run("length([1, 2, 3])"), "3");
	CHECK_STR(run("elem({:a, :b}, 1)"), ":b");
	CHECK_STR(run("put_elem({:a, :b}, 0, :c)"), "{:c, :b}");
	CHECK_STR(run("tuple_size({1, 2}) + map_size(%{a: 1}) + byte_size(\"abc\")"), "6");
	CHECK_STR(run("hd([])"),
	          "error: t.exs:1:1: ** (ArgumentError) errors were found at the given "
	          "arguments:\n\n  * 1st argument: not a nonempty list\n");
	CHECK_STR(run("Enum.to_list(1..4)"), "[1, 2, 3, 4]");
	CHECK_STR(run("Enum.to_list(5..1//-2)"), "[5, 3, 1]");
	CHECK_STR(run("1..3"), "1..3");
	CHECK_STR(run("{3..1, 1..9//2}"), "{3..1//-1, 1..9//2}");
}

TEST(type_guards)
{
	CHECK_STR(run("{is_atom(:a), is_binary(\"\"), is_integer(1), is_float(1.0), "
	              "is_number(1), is_list([]), is_map(%{}), is_tuple({}), is_nil(nil), "
	              "is_boolean(false), is_function(fn -> 1 end), is_struct(1..2)}"),
	          "{true, true, true, true, true, true, true, true, true, true, true, true}");
	CHECK_STR(run("{is_atom(1), is_binary(:a), is_map_key(%{a: 1}, :a)}"),
	          "{false, false, true}");
}

TEST(variables_and_scoping)
{
	CHECK_STR(run("x = 1\nx = x + 1\nx"), "2");
	CHECK_STR(run("x = 1\nif true do x = 2 end\nx"), "1");
	CHECK_STR(run("x = 1\ny = if true do x = 2\nx + 10 end\n{x, y}"), "{1, 12}");
	CHECK_STR(run("if x = 5 do x end\nx"), "5");
	CHECK_STR(run("v = 3\ndefmodule M do\n @v v\n def f, do: @v\nend\nM.f()"), "3");
	CHECK_STR(run("{a, [b | c]} = {1, [2, 3, 4]}\n{a, b, c}"), "{1, 2, [3, 4]}");
	CHECK_STR(run("%{k: v} = %{k: 5, z: 1}\nv"), "5");
	CHECK_STR(run("\"pre\" <> rest = \"prefix\"\nrest"), "\"fix\"");
	CHECK_STR(run("x = 1\n^x = 1"), "1");
	CHECK_STR(run("x = 1\n^x = 2"),
	          "error: t.exs:2:1: ** (MatchError) no match of right hand side value: 2");
	CHECK_STR(run("[a: x] = [a: 3]\nx"), "3");
	CHECK_STR(run("{x, x} = {1, 1}\nx"), "1");
	CHECK_STR(run("{x, x} = {1, 2}"),
	          "error: t.exs:1:1: ** (MatchError) no match of right hand side value: {1, 2}");
	CHECK_STR(run("x = 1\n{x, y} = {2, 3}\n{x, y}"), "{2, 3}");
	CHECK_STR(run("[h | t] = [1 | 2]\n{h, t}"), "{1, 2}");
	CHECK_STR(run("[a, b | t] = [1, 2]\n{a, b, t}"), "{1, 2, []}");
	CHECK_STR(run("[a, b | _] = [1]"),
	          "error: t.exs:1:1: ** (MatchError) no match of right hand side value: [1]");
	CHECK_STR(run("f = fn {a, a} -> :same\n _ -> :diff end\n{f.({1, 1}), f.({1, 2})}"),
	          "{:same, :diff}");
	CHECK_STR(run("__ENV__"), "error: t.exs:1:1: __ENV__ is not a constant");
	CHECK_STR(run("{Path.basename(__ENV__.file), String.starts_with?(__ENV__.file, \"/\")}"),
	          "{\"t.exs\", true}");
	CHECK_STR(run("\n  __ENV__.line"), "2");
	CHECK_STR(run("defmodule A.B do\n def m, do: __ENV__.module\nend\n{A.B.m(), __ENV__.module}"),
	          "{A.B, nil}");
	CHECK_STR(run("__ENV__.function"), "error: t.exs:1:1: __ENV__.function is not supported "
	                                   "(only __ENV__.file, __ENV__.line and __ENV__.module)");
	CHECK_STR(run("%{kv} = %{k: 5}"), "error: t.exs:1:3: invalid map pattern");
	CHECK_STR(run("m = %{}\n%{m | a: 1} = %{a: 1}"),
	          "error: t.exs:2:1: cannot use map update syntax in a pattern");
	CHECK_STR(run("undefined_thing"),
	          "error: t.exs:1:1: undefined variable \"undefined_thing\"");
	CHECK_STR(run("f = fn -> y end\ny = 1\nf.()"),
	          "error: t.exs:1:11: undefined variable \"y\"");
	CHECK_STR(run("y = 1\nf = fn -> y end\ny = 2\n{f.(), y}"), "{1, 2}");
}

TEST(conditionals)
{
	CHECK_STR(run("if 1 > 2, do: :a, else: :b"), ":b");
	CHECK_STR(run("if nil do :a end"), "nil");
	CHECK_STR(run("unless false, do: :yes"), ":yes");
	CHECK_STR(run("cond do\n 1 > 2 -> :a\n true -> :b\nend"), ":b");
	CHECK_STR(
	    run("cond do\n false -> 1\nend"),
	    "error: t.exs:1:1: ** (CondClauseError) no cond clause evaluated to a truthy value");
	CHECK_STR(run("case {:ok, 3} do\n {:error, _} -> :e\n {:ok, n} when n > 2 -> n * 2\nend"),
	          "6");
	CHECK_STR(run("case 5 do\n 1 -> :one\nend"),
	          "error: t.exs:1:1: ** (CaseClauseError) no case clause matching: 5");
	CHECK_STR(run("x = :dev\ncase x do\n :prod -> 1\n _ -> 2\nend"), "2");
	CHECK_STR(run("with {:ok, a} <- {:ok, 1}, b = a + 1 do b end"), "2");
	CHECK_STR(run("with {:ok, a} <- :err do a end"), ":err");
	CHECK_STR(run("with {:ok, a} <- :err do a else :err -> :handled end"), ":handled");
}

TEST(mix_env)
{
	CHECK_STR(run("Mix.env()"), ":dev");
	CHECK_STR(run_env("Mix.env() == :prod", "prod"), "true");
	CHECK_STR(run_env("config_env()", "test"), ":test");
	CHECK_STR(run("config_target()"), ":host");
	CHECK_STR(run("Mix.target()"), ":host");
}

TEST(system_env)
{
	CHECK_STR(run("System.get_env(\"PORT\")"), "\"4001\"");
	CHECK_STR(run("System.get_env(\"NOPE\")"), "nil");
	CHECK_STR(run("System.get_env(\"NOPE\", \"d\")"), "\"d\"");
	CHECK_STR(run("System.get_env(\"EMPTY\") || \"x\""), "\"\"");
	CHECK_STR(run("String.to_integer(System.get_env(\"PORT\") || \"4000\")"), "4001");
	CHECK_STR(run("System.fetch_env!(\"PORT\")"), "\"4001\"");
	CHECK_STR(run("System.fetch_env!(\"NOPE\")"),
	          "error: t.exs:1:1: ** (System.EnvError) could not fetch environment variable "
	          "\"NOPE\" because it is not set");
	CHECK_STR(run("System.fetch_env(\"NOPE\")"), ":error");
	CHECK_STR(run("System.get_env(\"ECTO_IPV6\") in ~w(true 1)"), "false");
	CHECK_STR(run("x = System.get_env(\"DATABASE_URL\") ||\n  raise \"\"\"\n  environment "
	              "variable DATABASE_URL is missing.\n  \"\"\""),
	          "error: t.exs:2:3: ** (RuntimeError) environment variable DATABASE_URL is "
	          "missing.\n");
}

TEST(try_rescue)
{
	CHECK_STR(run("try do\n String.to_integer(\"x\")\nrescue\n ArgumentError -> 4000\nend"),
	          "4000");
	CHECK_STR(run("try do\n raise \"boom\"\nrescue\n e in RuntimeError -> e.message\nend"),
	          "\"boom\"");
	CHECK_STR(run("try do\n raise ArgumentError, \"a\"\nrescue\n e -> e\nend"),
	          "%ArgumentError{message: \"a\"}");
	CHECK_STR(run("try do\n raise \"boom\"\nrescue\n [KeyError, ArgumentError] -> 1\nend"),
	          "error: t.exs:2:2: ** (RuntimeError) boom");
	CHECK_STR(run("try do\n Foo.bar()\nrescue\n _ -> 1\nend"),
	          "error: t.exs:2:2: unsupported call Foo.bar/0");
	CHECK_STR(run("try do\n :ok\nelse\n :ok -> :fine\nafter\n :ignored\nend"), ":fine");
	CHECK_STR(run("try do\n raise \"x\"\nrescue\n e -> raise e\nend"),
	          "error: t.exs:4:7: ** (RuntimeError) x");
	CHECK_STR(run("x = 1\ntry do\n x = 2\nafter\n x = 3\nend\nx"), "1");
}

TEST(raise_forms)
{
	CHECK_STR(run("raise \"boom\""), "error: t.exs:1:1: ** (RuntimeError) boom");
	CHECK_STR(run("raise ArgumentError, \"bad\""), "error: t.exs:1:1: ** (ArgumentError) bad");
	CHECK_STR(run("raise ArgumentError, message: \"m\""),
	          "error: t.exs:1:1: ** (ArgumentError) m");
}

TEST(strings_module)
{
	CHECK_STR(run("String.upcase(\"abc\") <> String.downcase(\"DEF\")"), "\"ABCdef\"");
	CHECK_STR(run("String.capitalize(\"hELLO world\")"), "\"Hello world\"");
	CHECK_STR(run("String.upcase(\"\xc3\xa9t\xc3\xa9 stra\xc3\x9f\x65\")"),
	          "\"\xc3\x89T\xc3\x89 STRASSE\"");
	CHECK_STR(run("String.downcase(\"\xd0\x9c\xd0\x98\xd0\xa0 \xce\x91\")"),
	          "\"\xd0\xbc\xd0\xb8\xd1\x80 \xce\xb1\"");
	CHECK_STR(run("String.capitalize(\"\xc3\xa9"
	              "COLE\")"),
	          "\"\xc3\x89"
	          "cole\"");
	CHECK_STR(run("String.replace(\"a-b-c\", \"-\", \"_\")"), "\"a_b_c\"");
	CHECK_STR(run("String.replace(\"a-b-c\", \"-\", \"_\", global: false)"), "\"a_b-c\"");
	CHECK_STR(run("String.split(\" a  b c \")"), "[\"a\", \"b\", \"c\"]");
	CHECK_STR(run("String.split(\"a,b,,c\", \",\")"), "[\"a\", \"b\", \"\", \"c\"]");
	CHECK_STR(run("String.split(\"a,b,,c\", \",\", trim: true)"), "[\"a\", \"b\", \"c\"]");
	CHECK_STR(run("String.split(\"a,b,c\", \",\", parts: 2)"), "[\"a\", \"b,c\"]");
	CHECK_STR(run("String.trim(\"  x \\n\")"), "\"x\"");
	CHECK_STR(run("String.contains?(\"hello\", \"ell\")"), "true");
	CHECK_STR(run("String.contains?(\"hello\", [\"x\", \"lo\"])"), "true");
	CHECK_STR(run("String.starts_with?(\"hello\", \"he\")"), "true");
	CHECK_STR(run("String.ends_with?(\"hello\", \"x\")"), "false");
	CHECK_STR(run("String.to_integer(\"-42\")"), "-42");
	CHECK_STR(run("String.to_integer(\"4x\")"),
	          "error: t.exs:1:1: ** (ArgumentError) errors were found at the given "
	          "arguments:\n\n  * 1st argument: not a textual representation of an integer\n");
	CHECK_STR(run("String.to_atom(\"foo\")"), ":foo");
	CHECK_STR(run("String.length(\"h\xc3\xa9\")"), "2");
	CHECK_STR(run("String.duplicate(\"ab\", 3)"), "\"ababab\"");
	CHECK_STR(run("String.slice(\"hello\", 1, 3)"), "\"ell\"");
	CHECK_STR(run("{String.at(\"hello\", 1), String.at(\"hello\", -1), String.at(\"h\", 5)}"),
	          "{\"e\", \"o\", nil}");
	CHECK_STR(run("Atom.to_string(:foo)"), "\"foo\"");
	CHECK_STR(run("Integer.to_string(255)"), "\"255\"");
	CHECK_STR(run("Integer.to_string(255, 16)"), "\"FF\"");
	CHECK_STR(run("Integer.parse(\"12ab\")"), "{12, \"ab\"}");
	CHECK_STR(run("Integer.parse(\"x\")"), ":error");
	CHECK_STR(run("to_string(:a) <> to_string(1) <> to_string(\"s\")"), "\"a1s\"");
	CHECK_STR(run("inspect([a: \"x\"])"), "\"[a: \\\"x\\\"]\"");
}

TEST(enum_module)
{
	CHECK_STR(run("Enum.map([1, 2], fn x -> x * 2 end)"), "[2, 4]");
	CHECK_STR(run("Enum.map([1, 2], &(&1 + 1))"), "[2, 3]");
	CHECK_STR(run("Enum.map([\"a\"], &String.upcase/1)"), "[\"A\"]");
	CHECK_STR(run("Enum.each([1], fn _ -> :x end)"), ":ok");
	CHECK_STR(run("Enum.join([1, :a, \"b\"], \", \")"), "\"1, a, b\"");
	CHECK_STR(run("Enum.join([1, 2])"), "\"12\"");
	CHECK_STR(run("Enum.concat([[1], [2, 3]])"), "[1, 2, 3]");
	CHECK_STR(run("Enum.concat([1], [2])"), "[1, 2]");
	CHECK_STR(run("Enum.with_index([:a, :b])"), "[a: 0, b: 1]");
	CHECK_STR(run("Enum.with_index([:a, :b], 1)"), "[a: 1, b: 2]");
	CHECK_STR(run("Enum.reverse([1, 2, 3])"), "[3, 2, 1]");
	CHECK_STR(run("Enum.filter(1..6, &(rem(&1, 2) == 0))"), "[2, 4, 6]");
	CHECK_STR(run("Enum.reject([1, nil, 2], &is_nil/1)"), "[1, 2]");
	CHECK_STR(run("Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end)"), "6");
	CHECK_STR(run("Enum.reduce([1, 2, 3], &(&1 * &2))"), "6");
	CHECK_STR(run("Enum.sort([3, 1, 2])"), "[1, 2, 3]");
	CHECK_STR(run("Enum.sort([3, 1, 2], :desc)"), "[3, 2, 1]");
	CHECK_STR(run("Enum.sort([3, 1, 2], &(&1 >= &2))"), "[3, 2, 1]");
	CHECK_STR(run("Enum.sort_by([\"bb\", \"a\", \"cc\"], &String.length/1)"),
	          "[\"a\", \"bb\", \"cc\"]");
	CHECK_STR(run("Enum.uniq([1, 2, 1, 3, 2])"), "[1, 2, 3]");
	CHECK_STR(run("Enum.flat_map([1, 2], &[&1, &1])"), "[1, 1, 2, 2]");
	CHECK_STR(run("Enum.into([a: 1], %{})"), "%{a: 1}");
	CHECK_STR(run("Enum.into(%{a: 1}, [])"), "[a: 1]");
	CHECK_STR(run("Enum.zip([1, 2], [:a, :b])"), "[{1, :a}, {2, :b}]");
	CHECK_STR(run("Enum.member?([1, 2], 2)"), "true");
	CHECK_STR(run("Enum.count([1, 2, 3])"), "3");
	CHECK_STR(run("Enum.count([1, 2, 3], &(&1 > 1))"), "2");
	CHECK_STR(run("Enum.map(%{a: 1, b: 2}, fn {k, v} -> {v, k} end)"), "[{1, :a}, {2, :b}]");
	CHECK_STR(run("Enum.find([1, 2, 3], &(&1 > 1))"), "2");
	CHECK_STR(run("Enum.any?([1, 2], &(&1 > 1))"), "true");
	CHECK_STR(run("Enum.all?([1, 2], &(&1 > 1))"), "false");
	CHECK_STR(run("Enum.map_join([1, 2], \"-\", &(&1 * 3))"), "\"3-6\"");
	CHECK_STR(run("Enum.at([1, 2], -1)"), "2");
	CHECK_STR(run("Enum.take([1, 2, 3], 2) ++ Enum.drop([1, 2, 3], 2)"), "[1, 2, 3]");
	CHECK_STR(run("Enum.sum([1, 2, 3.5])"), "6.5");
	CHECK_STR(run("Enum.group_by([1, 2, 3], &rem(&1, 2))"), "%{0 => [2], 1 => [1, 3]}");
	CHECK_STR(run("{Enum.min_by([3, 1, 2], &(-&1)), Enum.max_by([\"a\", \"bbb\"], "
	              "&String.length/1)}"),
	          "{3, \"bbb\"}");
	CHECK_STR(run("{Enum.take_while([1, 2, 3, 1], &(&1 < 3)), Enum.drop_while([1, 2, 3], &(&1 "
	              "< 2))}"),
	          "{[1, 2], [2, 3]}");
	CHECK_STR(run("{Enum.slice([1, 2, 3, 4], 1, 2), Enum.chunk_every([1, 2, 3], 2)}"),
	          "{[2, 3], [[1, 2], [3]]}");
	CHECK_STR(run("Enum.unzip([a: 1, b: 2])"), "{[:a, :b], [1, 2]}");
	CHECK_STR(run("Enum.frequencies(~w(a b a))"), "%{\"a\" => 2, \"b\" => 1}");
	CHECK_STR(run("Enum.map(5, &(&1))"),
	          "error: t.exs:1:1: ** (Protocol.UndefinedError) protocol Enumerable not "
	          "implemented for type Integer\n\nGot value:\n\n    5\n");
}

TEST(keyword_map_list)
{
	CHECK_STR(run("Keyword.get([a: 1], :a)"), "1");
	CHECK_STR(run("Keyword.get([a: 1], :b, 0)"), "0");
	CHECK_STR(run("Keyword.fetch!([a: 1], :b)"),
	          "error: t.exs:1:1: ** (KeyError) key :b not found in: [a: 1]");
	CHECK_STR(run("Keyword.merge([a: 1, b: 2], [b: 3, c: 4])"), "[a: 1, b: 3, c: 4]");
	CHECK_STR(run("Keyword.merge([a: 1, b: 2], [a: 3], fn _k, x, y -> x + y end)"),
	          "[b: 2, a: 4]");
	CHECK_STR(run("Keyword.put([a: 1, b: 2, a: 3], :a, 9)"), "[a: 9, b: 2]");
	CHECK_STR(run("Keyword.delete([a: 1, b: 2], :a)"), "[b: 2]");
	CHECK_STR(run("Keyword.keys([a: 1, b: 2])"), "[:a, :b]");
	CHECK_STR(run("Keyword.get_values([a: 1, b: 2, a: 3], :a)"), "[1, 3]");
	CHECK_STR(run("Keyword.update([a: 1, b: 2, a: 3], :a, 0, &(&1 * 10))"), "[a: 10, b: 2]");
	CHECK_STR(run("Keyword.update([b: 2], :a, 0, &(&1 * 10))"), "[b: 2, a: 0]");
	CHECK_STR(run("Map.get(%{a: 1}, :a)"), "1");
	CHECK_STR(run("Map.get(%{a: 1}, :b, :d)"), ":d");
	CHECK_STR(run("Map.put(%{a: 1}, :b, 2)"), "%{a: 1, b: 2}");
	CHECK_STR(run("Map.merge(%{a: 1, b: 1}, %{b: 2})"), "%{a: 1, b: 2}");
	CHECK_STR(run("Map.new([a: 1])"), "%{a: 1}");
	CHECK_STR(run("Map.new([1, 2], &{&1, &1 * 2})"), "%{1 => 2, 2 => 4}");
	CHECK_STR(run("Map.keys(%{b: 1, a: 2})"), "[:a, :b]");
	CHECK_STR(run("Map.fetch!(%{a: 1}, :z)"),
	          "error: t.exs:1:1: ** (KeyError) key :z not found in: %{a: 1}");
	CHECK_STR(run("m = %{a: 1}\n%{m | a: 2}"), "%{a: 2}");
	CHECK_STR(run("m = %{a: 1}\n%{m | b: 2}"),
	          "error: t.exs:2:7: ** (KeyError) key :b not found in: %{a: 1}");
	CHECK_STR(run("m = %{a: %{b: 1}}\nm.a.b"), "1");
	CHECK_STR(run("m = %{a: 1}\nm.z"),
	          "error: t.exs:2:1: ** (KeyError) key :z not found in: %{a: 1}");
	CHECK_STR(run("List.flatten([1, [2, [3]]])"), "[1, 2, 3]");
	CHECK_STR(run("{List.first([1, 2]), List.last([1, 2]), List.first([])}"), "{1, 2, nil}");
	CHECK_STR(run("{List.wrap(nil), List.wrap(1), List.wrap([2])}"), "{[], [1], [2]}");
	CHECK_STR(run("kw = [a: [b: 1]]\n{kw[:a][:b], kw[:z][:b]}"), "{1, nil}");
	CHECK_STR(run("%{\"k\" => 1}[\"k\"]"), "1");
}

TEST(paths)
{
	CHECK_STR(run("Path.join(\"a\", \"b\")"), "\"a/b\"");
	CHECK_STR(run("Path.join([\"a/\", \"/b\", \"c\"])"), "\"a/b/c\"");
	CHECK_STR(run("Path.join(\"/\", \"x\")"), "\"/x\"");
	CHECK_STR(run("Path.expand(\"../x\", \"/a/b\")"), "\"/a/x\"");
	CHECK_STR(run("Path.expand(\"~/x\")"), "\"/home/u/x\"");
	CHECK_STR(run("Path.expand(\"/a/./b/../c\")"), "\"/a/c\"");
	CHECK_STR(run("Path.dirname(\"/a/b/c.ex\")"), "\"/a/b\"");
	CHECK_STR(run("Path.basename(\"/a/b/c.ex\")"), "\"c.ex\"");
	CHECK_STR(run("Path.basename(\"/a/b/c.ex\", \".ex\")"), "\"c\"");
	CHECK_STR(run("Path.extname(\"a/b.tar.gz\")"), "\".gz\"");
	/* The tests run in tests/fixtures. */
	CHECK_STR(run("File.exists?(\"project/basic/mix.exs\")"), "true");
	CHECK_STR(run("File.dir?(\"project/basic/mix.exs\")"), "false");
	CHECK_STR(run("Path.wildcard(\"project/basic/config/*.exs\")"),
	          "[\"project/basic/config/config.exs\", \"project/basic/config/dev.exs\", "
	          "\"project/basic/config/prod.exs\", \"project/basic/config/runtime.exs\", "
	          "\"project/basic/config/test.exs\"]");
	CHECK_STR(run("File.read!(\"project/none\")"),
	          "error: t.exs:1:1: ** (File.Error) could not read file \"project/none\": no "
	          "such file or directory");
}

TEST(for_comprehensions)
{
	CHECK_STR(run("for x <- [1, 2, 3], do: x * 2"), "[2, 4, 6]");
	CHECK_STR(run("for x <- 1..4, rem(x, 2) == 0, do: x"), "[2, 4]");
	CHECK_STR(run("for x <- [1, 2], y <- [:a, :b], do: {x, y}"),
	          "[{1, :a}, {1, :b}, {2, :a}, {2, :b}]");
	CHECK_STR(run("for {:ok, v} <- [{:ok, 1}, :err, {:ok, 2}], do: v"), "[1, 2]");
	CHECK_STR(run("for {k, v} <- [a: 1, b: 2], into: %{}, do: {v, k}"), "%{1 => :a, 2 => :b}");
	CHECK_STR(run("for x <- [1, 1, 2], uniq: true, do: x"), "[1, 2]");
	CHECK_STR(run("for x <- [1, 2, 3], reduce: 0 do\n acc -> acc + x\nend"), "6");
	CHECK_STR(run("for x <- [\"a\", \"b\"], into: \"\", do: x"), "\"ab\"");
	CHECK_STR(run("x = 10\nfor y <- [1], do: x + y"), "~c\"\\v\"");
	CHECK_STR(run("x = 1000\nfor y <- [1], do: x + y"), "[1001]");
	CHECK_STR(run("for x when x > 1 <- [1, 2, 3], do: x"), "[2, 3]");
}

TEST(fns_and_captures)
{
	CHECK_STR(run("f = fn x, y -> x + y end\nf.(1, 2)"), "3");
	CHECK_STR(run("f = fn\n {:a, x} -> x\n _ -> :other\nend\n{f.({:a, 1}), f.(2)}"),
	          "{1, :other}");
	CHECK_STR(run("f = fn x when is_integer(x) -> :int\n x -> x end\n{f.(1), f.(:b)}"),
	          "{:int, :b}");
	CHECK_STR(run("f = &{&1, &2}\nf.(1, 2)"), "{1, 2}");
	CHECK_STR(run("f = &(&1 <> \"x\")\nf.(\"a\")"), "\"ax\"");
	CHECK_STR(run("f = &Kernel.+/2\nf.(1, 2)"), "3");
	CHECK_STR(run("f = fn x -> x end\nf.(1, 2)"),
	          "error: t.exs:2:1: ** (BadArityError) #Function<> with arity 1 called with 2 "
	          "arguments (1, 2)");
	CHECK_STR(run("1 |> Kernel.+(2) |> to_string()"), "\"3\"");
	CHECK_STR(run("[3, 1] |> Enum.sort() |> Enum.map(&(&1 * 10))"), "[10, 30]");
	CHECK_STR(run("\"a\" |> String.upcase"), "\"A\"");
	CHECK_STR(run("5 |> then(&(&1 + 1))"), "6");
	CHECK_STR(run("apply(fn a -> a end, [7])"), "7");
}

TEST(modules_and_functions)
{
	const char *src = "defmodule M do\n"
	                  "  @a 1\n"
	                  "  @b @a + 1\n"
	                  "  def early, do: @a\n"
	                  "  @a 10\n"
	                  "  def late, do: @a\n"
	                  "  def f(0), do: :zero\n"
	                  "  def f(n) when n > 0, do: {:pos, helper(n)}\n"
	                  "  def f(_), do: :neg\n"
	                  "  defp helper(n), do: n * @b\n"
	                  "  def g(a, b \\\\ 5, c \\\\ 7), do: [a, b, c]\n"
	                  "  def fact(0), do: 1\n"
	                  "  def fact(n), do: n * fact(n - 1)\n"
	                  "  def run do\n"
	                  "    [early(), late(), f(0), f(3), f(-1), g(1), g(1, 2), g(1, 2, 3),\n"
	                  "     fact(5), __MODULE__, M.f(0)]\n"
	                  "  end\n"
	                  "end\n"
	                  "M.run()\n";
	CHECK_STR(run(src), "[1, 10, :zero, {:pos, 6}, :neg, [1, 5, 7], [1, 2, 7], [1, 2, 3], "
	                    "120, M, :zero]");
	CHECK_STR(run("defmodule M do\n defp p, do: 1\nend\nM.p()"),
	          "error: t.exs:4:1: unsupported call M.p/0");
	CHECK_STR(run("defmodule M do\n def f(1), do: 1\nend\nM.f(2)"),
	          "error: t.exs:4:1: ** (FunctionClauseError) no function clause matching in "
	          "M.f/1\n\nThe following arguments were given to M.f/1:\n\n    # 1\n    2\n");
	CHECK_STR(run("defmodule M do\n def loop(n), do: loop(n + 1)\nend\nM.loop(0)"),
	          "error: t.exs:2:19: call depth limit reached in loop/1 (endless recursion?)");
	CHECK_STR(
	    run("defmodule A.B do\n defmodule C do\n  def x, do: :c\n end\n def y, do: C.x()\n"
	        "end\nA.B.y()"),
	    ":c");
	CHECK_STR(run("defmodule M do\n alias Foo.Bar\n alias Foo.Baz, as: Q\n"
	              " def x, do: {Bar, Q, Bar.Sub}\nend\nM.x()"),
	          "{Foo.Bar, Foo.Baz, Foo.Bar.Sub}");
	CHECK_STR(run("defmodule M do\n @spec f(integer) :: integer\n @type t :: %{a: 1}\n"
	              " def f(x), do: x\nend\nM.f(4)"),
	          "4");
	CHECK_STR(run("defmodule M do\n @bad Foo.bar()\n def ok, do: :ok\n def f, do: @bad\n"
	              "end\nM.ok()"),
	          ":ok");
	CHECK_STR(run("defmodule M do\n @bad Foo.bar()\n def f, do: @bad\nend\nM.f()"),
	          "error: t.exs:2:7: unsupported call Foo.bar/0");
	CHECK_STR(run("defmodule M do\n defstruct a: 1, b: nil\n def x, do: %M{b: 2}\nend\nM.x()"),
	          "%M{a: 1, b: 2}");
	CHECK_STR(run("defmodule M do\n defstruct [:a]\n def x, do: %__MODULE__{c: 2}\nend\nM.x()"),
	          "error: t.exs:3:25: ** (KeyError) key :c not found in: M");
}

TEST(unsupported_constructs)
{
	CHECK_STR(run("repo().query!(\"x\")"), "error: t.exs:1:1: unsupported call repo/0");
	CHECK_STR(run("MyApp.Helper.x(1)"), "error: t.exs:1:1: unsupported call MyApp.Helper.x/1");
	CHECK_STR(run("receive do\n x -> x\nend"), "error: t.exs:1:1: receive is not a constant");
	CHECK_STR(run("x = {1}\nx.query!(\"q\")"),
	          "error: t.exs:2:1: unsupported call x.query!/1 (on {1})");
	CHECK_STR(run("x = 1\nfoo x"), "error: t.exs:2:1: unsupported call foo/1");
	CHECK_STR(run("String.replace(\"a\", ~r/a/, \"b\")"),
	          "error: t.exs:1:1: String.replace with a regex is not a constant");
}

/* A host that implements a tiny DSL: `table(name)` returns a struct,
 * `create x do ... end` records "create <name>" then runs the block, and
 * `add name, type, opts` records its arguments. */
struct dsl {
	struct mx_buf log;
	int unknown_calls;
};

static int dsl_host(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **res,
                    void *ctx, struct mx_err *err)
{
	struct dsl *d = ctx;
	if (c->module) {
		d->unknown_calls++;
		return MX_EVAL_UNKNOWN;
	}
	if (!strcmp(c->name, "table") && c->nargs >= 1) {
		const char *f[] = {"name"};
		*res = mx_term_struct(ev->arena, "Elixir.Ecto.Migration.Table", f, c->args, 1);
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(c->name, "create") && c->nargs == 1) {
		mx_buf_addf(&d->log, "create@%u:%u ", c->node->line, c->node->col);
		mx_term_inspect(c->args[0], &d->log);
		mx_buf_addch(&d->log, '\n');
		if (c->do_block && mx_eval_block(ev, c->do_block, NULL, err) < 0)
			return -1;
		mx_buf_adds(&d->log, "end\n");
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(c->name, "add")) {
		mx_buf_adds(&d->log, "add");
		for (size_t i = 0; i < c->nargs; i++) {
			mx_buf_addch(&d->log, ' ');
			if (c->args[i])
				mx_term_inspect(c->args[i], &d->log);
			else
				mx_buf_adds(&d->log, "<?>");
		}
		mx_buf_addch(&d->log, '\n');
		return MX_EVAL_HANDLED;
	}
	if (!strcmp(c->name, "fail"))
		return mx_err_at(err, MX_ERR_EVAL, c->node->file, c->node->line, c->node->col,
		                 "host says no");
	d->unknown_calls++;
	return MX_EVAL_UNKNOWN;
}

static const char *run_dsl(const char *src, unsigned flags, struct dsl *d)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	mx_buf_reset(&OUT);
	mx_eval_init(&ev, &a);
	mx_eval_set_host(&ev, dsl_host, d, flags);
	struct mx_eval_module *m;
	struct mx_term *t;
	if (mx_exs_parse(&a, "m.exs", src, strlen(src), &ast, &err) < 0 ||
	    mx_eval_file(&ev, ast, NULL, &err) < 0 || !(m = mx_eval_module_at(&ev, 0)) ||
	    mx_eval_call_function(&ev, m, "change", NULL, 0, &t, &err) < 0) {
		mx_buf_adds(&OUT, "error: ");
		mx_err_format(&err, &OUT);
	} else {
		mx_buf_add(&OUT, d->log.buf, d->log.len);
	}
	mx_eval_release(&ev);
	mx_arena_release(&a);
	return OUT.buf;
}

TEST(host_dsl)
{
	struct dsl d = {MX_BUF_INIT, 0};
	const char *src = "defmodule Hello.Repo.Migrations.CreateUsers do\n"
	                  "  use Ecto.Migration\n"
	                  "  @cols ~w(name email)a\n"
	                  "  def change do\n"
	                  "    prefix = \"acc_\"\n"
	                  "    create table(:users) do\n"
	                  "      for c <- @cols, do: add(c, :string, null: false)\n"
	                  "      add :\"#{prefix}id\", :integer\n"
	                  "      Enum.each(1..2, fn i -> add(:\"f#{i}\", :text) end)\n"
	                  "    end\n"
	                  "  end\n"
	                  "end\n";
	CHECK_STR(run_dsl(src, 0, &d), "create@6:5 %Ecto.Migration.Table{name: :users}\n"
	                               "add :name :string [null: false]\n"
	                               "add :email :string [null: false]\n"
	                               "add :acc_id :integer\n"
	                               "add :f1 :text\n"
	                               "add :f2 :text\n"
	                               "end\n");
	mx_buf_release(&d.log);
	struct dsl d2 = {MX_BUF_INIT, 0};
	CHECK_STR(run_dsl("defmodule M do\n def change do\n  fail()\n end\nend\n", 0, &d2),
	          "error: m.exs:3:3: host says no");
	mx_buf_release(&d2.log);
	struct dsl d3 = {MX_BUF_INIT, 0};
	CHECK_STR(
	    run_dsl("defmodule M do\n def change do\n  add :a, Foo.bar()\n end\nend\n", 0, &d3),
	    "error: m.exs:3:11: unsupported call Foo.bar/0");
	mx_buf_release(&d3.log);
	struct dsl d4 = {MX_BUF_INIT, 0};
	CHECK_STR(run_dsl("defmodule M do\n def change do\n  add :a, Foo.bar()\n end\nend\n",
	                  MX_EVAL_HOST_LENIENT, &d4),
	          "add :a <?>\n");
	mx_buf_release(&d4.log);
}

TEST(module_introspection)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	const char *src = "defmodule X.Y do\n @disable_ddl_transaction true\n @v 1\n @v 2\n"
	                  " def up, do: 1\n defp down(a \\\\ 1), do: a\nend\n";
	mx_eval_init(&ev, &a);
	CHECK_INT(mx_exs_parse(&a, "x.exs", src, strlen(src), &ast, &err), 0);
	CHECK_INT(mx_eval_file(&ev, ast, NULL, &err), 0);
	struct mx_eval_module *m = mx_eval_module_find(&ev, "X.Y");
	CHECK(m != NULL);
	CHECK_STR(mx_eval_module_name(m), "X.Y");
	CHECK(mx_term_is_atom(mx_eval_module_attr(m, "disable_ddl_transaction"), "true"));
	CHECK_INT(mx_eval_module_attr(m, "v")->u.i, 2);
	CHECK(mx_eval_module_attr(m, "nope") == NULL);
	bool priv = true;
	CHECK(mx_eval_module_has(m, "up", 0, &priv));
	CHECK(!priv);
	CHECK(mx_eval_module_has(m, "down", 0, &priv));
	CHECK(priv);
	CHECK(mx_eval_module_has(m, "down", 1, NULL));
	CHECK(!mx_eval_module_has(m, "down", 2, NULL));
	CHECK(mx_eval_module_find(&ev, "X") == NULL);
	mx_eval_release(&ev);
	mx_arena_release(&a);
}

/* Terms nested deeper than any source (built by a loop) are walked with a
 * depth limit instead of overflowing the stack. */
TEST(deep_terms)
{
	CHECK_STR(run("x = Enum.reduce(1..30000, [], fn _, acc -> [acc] end)\n"
	              "{x == x, String.length(inspect(x))}"),
	          "{true, 4003}");
	CHECK_STR(run("x = Enum.reduce(1..30000, [], fn _, acc -> [acc] end)\nList.flatten(x)"),
	          "error: t.exs:2:1: List.flatten: list nested too deeply");
	const char *r =
	    run("x = Enum.reduce(1..30000, \"\", fn _, acc -> [acc] end)\nto_string(x)");
	static const char want[] = "error: t.exs:2:1: ** (Protocol.UndefinedError) protocol "
	                           "String.Chars not implemented for type List";
	CHECK(!strncmp(r, want, sizeof(want) - 1));
	CHECK(strlen(r) > 8 && !strcmp(r + strlen(r) - 8, "[[[[...\n"));
}

TEST(api_entry_points)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *f, *r;
	const char *src = "fn x, y -> {y, x} end";
	mx_eval_init(&ev, &a);
	CHECK_INT(mx_exs_parse(&a, "f.exs", src, strlen(src), &ast, &err), 0);
	CHECK_INT(mx_eval_expr(&ev, ast, &f, &err), 0);
	CHECK(f->type == MX_TERM_FUN);
	struct mx_term *args[2] = {mx_term_int(&a, 1), mx_term_atom(&a, "b")};
	CHECK_INT(mx_eval_call_fun(&ev, f, args, 2, NULL, &r, &err), 0);
	mx_buf_reset(&OUT);
	mx_term_inspect(r, &OUT);
	CHECK_STR(OUT.buf, "{:b, 1}");
	CHECK_INT(mx_eval_call_fun(&ev, f, args, 1, NULL, &r, &err), -1);
	CHECK_STR(err.msg,
	          "** (BadArityError) #Function<> with arity 2 called with 1 argument (1)");
	CHECK_STR(mx_term_alias_name(mx_eval_alias_atom(&ev, "Foo.Bar")), "Foo.Bar");
	CHECK(mx_eval_module_at(&ev, 0) == NULL);
	mx_eval_release(&ev);
	mx_arena_release(&a);
}

TEST(step_budget)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	const char *src = "Enum.map(1..100000, fn x -> x * 2 end)";
	mx_eval_init(&ev, &a);
	ev.steps_left = 1000;
	CHECK_INT(mx_exs_parse(&a, "s.exs", src, strlen(src), &ast, &err), 0);
	CHECK_INT(mx_eval_file(&ev, ast, NULL, &err), -1);
	CHECK(strstr(err.msg, "range too large") || strstr(err.msg, "step limit"));
	mx_eval_release(&ev);
	mx_arena_release(&a);
}

/* Runaway recursion is an error before the stack runs out, whatever the
 * call-depth limit allows (a sanitizer build's frames are much larger). */
TEST(stack_guard)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	const char *src = "defmodule M do\n def loop(n), do: loop(n + 1)\nend\nM.loop(0)";
	mx_eval_init(&ev, &a);
	CHECK(ev.stack_budget >= (size_t)1 << 20);
	ev.max_call_depth = 1000000;
	ev.stack_budget = (size_t)64 << 10;
	CHECK_INT(mx_exs_parse(&a, "s.exs", src, strlen(src), &ast, &err), 0);
	CHECK_INT(mx_eval_file(&ev, ast, NULL, &err), -1);
	CHECK_STR(err.msg, "expression nesting too deep");
	mx_eval_release(&ev);
	mx_arena_release(&a);
}

TEST(release_accepts_null)
{
	mx_eval_release(NULL);
	CHECK(1);
}

int main(void)
{
	int r = unit_run();
	mx_buf_release(&OUT);
	return r;
}
