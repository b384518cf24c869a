/* The evaluator's List, Tuple, Atom and Integer builtins against what Elixir
 * returns (see test_stdlib.h). */
#include "test_stdlib.h"

TEST(list_wrap_duplicate_flatten)
{
	EX("List.wrap(nil)", "[]");
	EX("List.wrap(1)", "[1]");
	EX("List.wrap([2])", "[2]");
	EX("List.wrap([])", "[]");
	EX("List.wrap(\"s\")", "[\"s\"]");
	EX("List.duplicate(:a, 3)", "[:a, :a, :a]");
	EX("List.duplicate(:a, 0)", "[]");
	EX("List.duplicate([], 2)", "[[], []]");
	EX("List.flatten([1, [2, [3]]])", "[1, 2, 3]");
	EX("List.flatten([])", "[]");
	EX("List.flatten([[], [[]]])", "[]");
	EX("List.flatten([[1], 2, [[3, 4]]])", "[1, 2, 3, 4]");
}

TEST(list_first_last)
{
	EX("List.first([1, 2])", "1");
	EX("List.first([1])", "1");
	EX("List.first([])", "nil");
	EX("List.first([], :d)", ":d");
	EX("List.first([1], :d)", "1");
	EX("List.last([1, 2])", "2");
	EX("List.last([1])", "1");
	EX("List.last([])", "nil");
	EX("List.last([], :d)", ":d");
	EX("List.last([1, 2], :d)", "2");
	EX("List.first(:x)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "List.first/2\n\nThe following arguments were given to List.first/2:\n\n"
	   "    # 1\n    :x\n\n    # 2\n    nil\n");
}

TEST(list_delete_keyfind)
{
	EX("List.delete([:a, :b, :a], :a)", "[:b, :a]");
	EX("List.delete([:a, :b], :b)", "[:a]");
	EX("List.delete([:a], :z)", "[:a]");
	EX("List.delete([], :z)", "[]");
	EX("List.delete([1], 1.0)", "[1]");
	EX("List.keyfind([a: 1, b: 2], :b, 0)", "{:b, 2}");
	EX("List.keyfind([a: 1, b: 2], :a, 0)", "{:a, 1}");
	EX("List.keyfind([a: 1, a: 2], :a, 0)", "{:a, 1}");
	EX("List.keyfind([a: 1], :z, 0)", "nil");
	EX("List.keyfind([], :z, 0)", "nil");
	EX("List.keyfind([{:a, 1}, {:b, 2}], 2, 1)", "{:b, 2}");
	EX("List.keyfind([{:a}, {:b, 2}], 2, 1)", "{:b, 2}");
	EX("List.keyfind([], :a, :b)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "List.keyfind/4\n\nThe following arguments were given to List.keyfind/4:\n\n"
	   "    # 1\n    []\n\n    # 2\n    :a\n\n    # 3\n    :b\n\n    # 4\n    nil\n");
}

TEST(list_conversions)
{
	EX("List.to_tuple([1, 2])", "{1, 2}");
	EX("List.to_tuple([])", "{}");
	EX("List.to_string([?a, ?b])", "\"ab\"");
	EX("List.to_string([])", "\"\"");
	EX("List.to_string([\"a\", [?b, \"c\"]])", "\"abc\"");
	EX("List.to_string([233])", "\"\xc3\xa9\"");
	EX("Tuple.to_list({1, 2})", "[1, 2]");
	EX("Tuple.to_list({})", "[]");
	EX("Tuple.to_list({{1}})", "[{1}]");
}

TEST(atoms)
{
	EX("Atom.to_string(:foo)", "\"foo\"");
	EX("Atom.to_string(nil)", "\"nil\"");
	EX("Atom.to_string(Foo.Bar)", "\"Elixir.Foo.Bar\"");
	EX("Atom.to_string(:\"\")", "\"\"");
	EX("Atom.to_charlist(:ab)", "~c\"ab\"");
	EX("Atom.to_charlist(:\"\")", "[]");
}

TEST(integers)
{
	EX("Integer.to_string(255)", "\"255\"");
	EX("Integer.to_string(0)", "\"0\"");
	EX("Integer.to_string(-12)", "\"-12\"");
	EX("Integer.to_string(255, 16)", "\"FF\"");
	EX("Integer.to_string(-5, 2)", "\"-101\"");
	EX("Integer.to_string(35, 36)", "\"Z\"");
	EX("Integer.to_string(9223372036854775807)", "\"9223372036854775807\"");
	EX("Integer.parse(\"12ab\")", "{12, \"ab\"}");
	EX("Integer.parse(\"12\")", "{12, \"\"}");
	EX("Integer.parse(\"-3 x\")", "{-3, \" x\"}");
	EX("Integer.parse(\"x\")", ":error");
	EX("Integer.parse(\"\")", ":error");
	EX("Integer.parse(\"-\")", ":error");
	EX("Integer.parse(\"ff\", 16)", "{255, \"\"}");
	EX("Integer.parse(\"12\", 2)", "{1, \"2\"}");
	EX("Integer.parse(:x)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "Integer.parse/2\n\nThe following arguments were given to Integer.parse/2:\n\n"
	   "    # 1\n    :x\n\n    # 2\n    10\n");
	EX("Integer.to_string(:x)",
	   "error: t.exs:1:1: ** (ArgumentError) errors were found at the given arguments:\n\n"
	   "  * 1st argument: not an integer\n");
}

int main(void)
{
	return stdlib_main();
}
