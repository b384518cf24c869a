/* The evaluator's Keyword and Map builtins against what Elixir returns,
 * with the key at the head of the list, at its end, repeated and missing
 * (see test_stdlib.h). */
#include "test_stdlib.h"

TEST(keyword_new_and_check)
{
	EX("Keyword.new()", "[]");
	EX("Keyword.new([a: 1])", "[a: 1]");
	EX("Keyword.new([])", "[]");
	EX("Keyword.keyword?([a: 1])", "true");
	EX("Keyword.keyword?([])", "true");
	EX("Keyword.keyword?([{\"a\", 1}])", "false");
	EX("Keyword.keyword?([{:a, 1, 2}])", "false");
	EX("Keyword.keyword?(%{a: 1})", "false");
	EX("Keyword.to_list([a: 1])", "[a: 1]");
	EX("Keyword.to_list([])", "[]");
}

TEST(keyword_lookup)
{
	EX("Keyword.get([a: 1, b: 2], :a)", "1");
	EX("Keyword.get([a: 1, b: 2], :b)", "2");
	EX("Keyword.get([a: 1, a: 2], :a)", "1");
	EX("Keyword.get([a: 1], :z)", "nil");
	EX("Keyword.get([], :z)", "nil");
	EX("Keyword.get([a: 1], :z, :d)", ":d");
	EX("Keyword.get([a: nil], :a, :d)", "nil");
	EX("Keyword.get(:x, :a)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "Keyword.get/3\n\nThe following arguments were given to Keyword.get/3:\n\n"
	   "    # 1\n    :x\n\n    # 2\n    :a\n\n    # 3\n    nil\n");
	EX("Keyword.fetch([a: 1], :a)", "{:ok, 1}");
	EX("Keyword.fetch([a: 1, b: 2], :b)", "{:ok, 2}");
	EX("Keyword.fetch([a: 1], :z)", ":error");
	EX("Keyword.fetch([], :z)", ":error");
	EX("Keyword.fetch!([a: 1, b: 2], :b)", "2");
	EX("Keyword.fetch!([a: 1], :z)",
	   "error: t.exs:1:1: ** (KeyError) key :z not found in: [a: 1]");
	EX("Keyword.fetch!([], :z)", "error: t.exs:1:1: ** (KeyError) key :z not found in: []");
	EX("Keyword.has_key?([a: 1, b: 2], :a)", "true");
	EX("Keyword.has_key?([a: 1, b: 2], :b)", "true");
	EX("Keyword.has_key?([a: 1], :z)", "false");
	EX("Keyword.has_key?([], :z)", "false");
	EX("Keyword.get_values([a: 1, b: 2, a: 3], :a)", "[1, 3]");
	EX("Keyword.get_values([a: 1], :z)", "[]");
	EX("Keyword.get_values([], :a)", "[]");
	EX("Keyword.keys([a: 1, b: 2, a: 3])", "[:a, :b, :a]");
	EX("Keyword.keys([])", "[]");
	EX("Keyword.values([a: 1, b: 2])", "[1, 2]");
	EX("Keyword.values([])", "[]");
}

TEST(keyword_put)
{
	EX("Keyword.put([a: 1, b: 2], :a, 3)", "[a: 3, b: 2]");
	EX("Keyword.put([a: 1, b: 2], :b, 3)", "[b: 3, a: 1]");
	EX("Keyword.put([a: 1, b: 2, a: 4], :a, 3)", "[a: 3, b: 2]");
	EX("Keyword.put([a: 1], :z, 3)", "[z: 3, a: 1]");
	EX("Keyword.put([], :a, 1)", "[a: 1]");
	/* put_new leaves a present key alone wherever it is: at the head, at
	 * the end, repeated. */
	EX("Keyword.put_new([a: 1, b: 2], :a, 3)", "[a: 1, b: 2]");
	EX("Keyword.put_new([a: 1, b: 2], :b, 3)", "[a: 1, b: 2]");
	EX("Keyword.put_new([a: 1, a: 2], :a, 3)", "[a: 1, a: 2]");
	EX("Keyword.put_new([a: 1], :z, 3)", "[z: 3, a: 1]");
	EX("Keyword.put_new([], :a, 1)", "[a: 1]");
	EX("Keyword.put_new([a: nil], :a, 1)", "[a: nil]");
}

TEST(keyword_delete_take_drop)
{
	EX("Keyword.delete([a: 1, b: 2], :a)", "[b: 2]");
	EX("Keyword.delete([a: 1, b: 2], :b)", "[a: 1]");
	EX("Keyword.delete([a: 1, b: 2, a: 3], :a)", "[b: 2]");
	EX("Keyword.delete([a: 1], :z)", "[a: 1]");
	EX("Keyword.delete([], :a)", "[]");
	EX("Keyword.take([a: 1, b: 2, c: 3, a: 4], [:a, :c])", "[a: 1, c: 3, a: 4]");
	EX("Keyword.take([a: 1], [])", "[]");
	EX("Keyword.take([], [:a])", "[]");
	EX("Keyword.take([a: 1], [:z])", "[]");
	EX("Keyword.drop([a: 1, b: 2, c: 3, a: 4], [:a, :c])", "[b: 2]");
	EX("Keyword.drop([a: 1], [])", "[a: 1]");
	EX("Keyword.drop([], [:a])", "[]");
}

TEST(keyword_update)
{
	EX("Keyword.update([a: 1, b: 2], :a, 0, &(&1 * 10))", "[a: 10, b: 2]");
	EX("Keyword.update([a: 1, b: 2], :b, 0, &(&1 * 10))", "[a: 1, b: 20]");
	EX("Keyword.update([a: 1, b: 2, a: 3], :a, 0, &(&1 * 10))", "[a: 10, b: 2]");
	EX("Keyword.update([b: 2], :a, 0, &(&1 * 10))", "[b: 2, a: 0]");
	EX("Keyword.update([], :a, 0, &(&1 * 10))", "[a: 0]");
}

TEST(keyword_merge)
{
	EX("Keyword.merge([a: 1, b: 2], [b: 3, c: 4])", "[a: 1, b: 3, c: 4]");
	EX("Keyword.merge([a: 1, b: 2], [a: 3])", "[b: 2, a: 3]");
	EX("Keyword.merge([a: 1, a: 2, b: 0], [a: 3])", "[b: 0, a: 3]");
	EX("Keyword.merge([a: 1], [a: 2, a: 3])", "[a: 2, a: 3]");
	EX("Keyword.merge([], [a: 1])", "[a: 1]");
	EX("Keyword.merge([a: 1], [])", "[a: 1]");
	EX("Keyword.merge([a: 1], %{b: 2})",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "Keyword.merge/2\n\nThe following arguments were given to Keyword.merge/2:\n\n"
	   "    # 1\n    [a: 1]\n\n    # 2\n    %{b: 2}\n");
	EX("Keyword.merge([{\"b\", 2}], [a: 1])",
	   "error: t.exs:1:1: ** (ArgumentError) expected a keyword list as the first "
	   "argument, got: [{\"b\", 2}]");
	EX("Keyword.merge([a: 1], [{\"b\", 2}])",
	   "error: t.exs:1:1: ** (ArgumentError) expected a keyword list as the second "
	   "argument, got: [{\"b\", 2}]");
	EX("Keyword.merge([a: 1, b: 2], [b: 3, a: 4], fn _k, v1, v2 -> v1 + v2 end)",
	   "[b: 5, a: 5]");
	EX("Keyword.merge([a: 1, b: 2], [c: 3], fn _k, v1, v2 -> v1 + v2 end)",
	   "[a: 1, b: 2, c: 3]");
	EX("Keyword.merge([], [c: 3], fn _k, v1, v2 -> v1 + v2 end)", "[c: 3]");
	EX("Keyword.merge([a: 1, b: 2], [a: 3, d: 4, a: 5], fn :a, v1, v2 -> v1 + v2 end)",
	   "[b: 2, a: 4, d: 4, a: 5]");
	EX("Keyword.merge([a: 1, b: 2, a: 3], [a: 3, d: 4, a: 5], fn :a, v1, v2 -> v1 + v2 end)",
	   "[b: 2, a: 4, d: 4, a: 8]");
	EX("Keyword.merge([a: 1], [:a], fn _k, v1, v2 -> v1 + v2 end)",
	   "error: t.exs:1:1: ** (ArgumentError) expected a keyword list as the second "
	   "argument, got: [:a]");
	EX("Keyword.merge([:a], [a: 1], fn _k, v1, v2 -> v1 + v2 end)",
	   "error: t.exs:1:1: ** (ArgumentError) expected a keyword list as the first "
	   "argument, got: [:a]");
	EX("Keyword.merge([a: 1], [b: 1], 5)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "Keyword.merge/3\n\nThe following arguments were given to Keyword.merge/3:\n\n"
	   "    # 1\n    [a: 1]\n\n    # 2\n    [b: 1]\n\n    # 3\n    5\n");
	EX("Keyword.merge([a: 1, a: 2], [a: 10], fn _k, v1, v2 -> v1 + v2 end)", "[a: 11]");
}

TEST(map_new)
{
	EX("Map.new()", "%{}");
	EX("Map.new([a: 1])", "%{a: 1}");
	EX("Map.new([])", "%{}");
	EX("Map.new([a: 1, a: 2])", "%{a: 2}");
	EX("Map.new(%{a: 1})", "%{a: 1}");
	EX("Map.new([1, 2], &{&1, &1 * 2})", "%{1 => 2, 2 => 4}");
	EX("Map.new([], &{&1, &1})", "%{}");
}

TEST(map_lookup)
{
	EX("Map.get(%{a: 1}, :a)", "1");
	EX("Map.get(%{a: 1}, :b)", "nil");
	EX("Map.get(%{}, :b)", "nil");
	EX("Map.get(%{a: 1}, :b, :d)", ":d");
	EX("Map.get(%{a: nil}, :a, :d)", "nil");
	EX("Map.get(%{1 => :x}, 1.0)", "nil");
	EX("Map.fetch(%{a: 1}, :a)", "{:ok, 1}");
	EX("Map.fetch(%{a: 1}, :b)", ":error");
	EX("Map.fetch!(%{a: 1}, :a)", "1");
	EX("Map.fetch!(%{a: 1}, :z)",
	   "error: t.exs:1:1: ** (KeyError) key :z not found in: %{a: 1}");
	EX("Map.fetch!(%{}, \"k\")", "error: t.exs:1:1: ** (KeyError) key \"k\" not found in: %{}");
	EX("Map.has_key?(%{a: 1}, :a)", "true");
	EX("Map.has_key?(%{a: 1}, :b)", "false");
	EX("Map.has_key?(%{}, :b)", "false");
	EX("Map.get([], :a)", "error: t.exs:1:1: ** (BadMapError) expected a map, got: []");
	EX("Map.keys(%{b: 1, a: 2})", "[:a, :b]");
	EX("Map.keys(%{})", "[]");
	EX("Map.values(%{b: 1, a: 2})", "[2, 1]");
	EX("Map.values(%{})", "[]");
	EX("Map.to_list(%{b: 1, a: 2})", "[a: 2, b: 1]");
	EX("Map.to_list(%{})", "[]");
}

TEST(map_put_and_merge)
{
	EX("Map.put(%{a: 1}, :b, 2)", "%{a: 1, b: 2}");
	EX("Map.put(%{a: 1}, :a, 2)", "%{a: 2}");
	EX("Map.put(%{}, :a, 1)", "%{a: 1}");
	EX("Map.put(%{1 => :a}, 1.0, :b)", "%{1 => :a, 1.0 => :b}");
	EX("Map.put_new(%{a: 1}, :a, 2)", "%{a: 1}");
	EX("Map.put_new(%{a: 1}, :b, 2)", "%{a: 1, b: 2}");
	EX("Map.put_new(%{}, :b, 2)", "%{b: 2}");
	EX("Map.merge(%{a: 1, b: 1}, %{b: 2})", "%{a: 1, b: 2}");
	EX("Map.merge(%{}, %{b: 2})", "%{b: 2}");
	EX("Map.merge(%{a: 1}, %{})", "%{a: 1}");
	EX("Map.merge(%{a: 1}, [b: 2])",
	   "error: t.exs:1:1: ** (BadMapError) expected a map, got: [b: 2]");
	EX("Map.update(%{a: 1}, :a, 0, &(&1 + 1))", "%{a: 2}");
	EX("Map.update(%{a: 1}, :b, 0, &(&1 + 1))", "%{a: 1, b: 0}");
	EX("Map.update(%{}, :b, 0, &(&1 + 1))", "%{b: 0}");
	EX("Map.update!(%{a: 1}, :a, &(&1 + 1))", "%{a: 2}");
	EX("Map.update!(%{a: 1}, :b, &(&1 + 1))",
	   "error: t.exs:1:1: ** (KeyError) key :b not found in: %{a: 1}");
}

TEST(map_delete_take_drop)
{
	EX("Map.delete(%{a: 1, b: 2}, :a)", "%{b: 2}");
	EX("Map.delete(%{a: 1, b: 2}, :b)", "%{a: 1}");
	EX("Map.delete(%{a: 1}, :z)", "%{a: 1}");
	EX("Map.delete(%{}, :z)", "%{}");
	EX("Map.take(%{a: 1, b: 2, c: 3}, [:a, :c])", "%{a: 1, c: 3}");
	EX("Map.take(%{a: 1}, [:z])", "%{}");
	EX("Map.take(%{a: 1}, [])", "%{}");
	EX("Map.drop(%{a: 1, b: 2, c: 3}, [:a, :c])", "%{b: 2}");
	EX("Map.drop(%{a: 1}, [:z])", "%{a: 1}");
	EX("Map.drop(%{}, [:a])", "%{}");
	EX("Map.from_struct(1..2)", "%{first: 1, last: 2, step: 1}");
	EX("Map.from_struct(%{a: 1})",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "Map.from_struct/1\n\nThe following arguments were given to Map.from_struct/1:\n\n"
	   "    # 1\n    %{a: 1}\n");
}

int main(void)
{
	return stdlib_main();
}
