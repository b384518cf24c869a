/* The evaluator's Enum builtins against what Elixir returns: each on a
 * typical list, the empty one, and at its first and last item (see
 * test_stdlib.h). */
#include "test_stdlib.h"

TEST(enumerables)
{
	/* Lists, ranges and maps (as sorted {k, v} pairs) enumerate. */
	EX("Enum.to_list([1, 2])", "[1, 2]");
	EX("Enum.to_list([])", "[]");
	EX("Enum.to_list(1..3)", "[1, 2, 3]");
	EX("Enum.to_list(3..1//-1)", "[3, 2, 1]");
	EX("Enum.to_list(%{b: 2, a: 1})", "[a: 1, b: 2]");
	EX("Enum.to_list(%{})", "[]");
	EX("Enum.to_list(:a)",
	   "error: t.exs:1:1: ** (Protocol.UndefinedError) protocol Enumerable not implemented "
	   "for type Atom\n\nGot value:\n\n    :a\n");
	EX("Enum.to_list([1 | 2])", "[1 | 2]");
}

TEST(map_filter_reject)
{
	EX("Enum.map([1, 2, 3], &(&1 * 2))", "[2, 4, 6]");
	EX("Enum.map([], &(&1 * 2))", "[]");
	EX("Enum.map(1..2, &(&1 + 1))", "[2, 3]");
	EX("Enum.map(%{a: 1}, fn {k, v} -> {v, k} end)", "[{1, :a}]");
	EX("Enum.flat_map([1, 2], &[&1, &1])", "[1, 1, 2, 2]");
	EX("Enum.flat_map([], &[&1])", "[]");
	EX("Enum.flat_map([1, 2], fn _ -> [] end)", "[]");
	EX("Enum.flat_map([1], fn x -> 1..x end)", "[1]");
	EX("Enum.filter([1, 2, 3, 4], &(rem(&1, 2) == 0))", "[2, 4]");
	EX("Enum.filter([], & &1)", "[]");
	EX("Enum.filter([1, nil, false, 2], & &1)", "[1, 2]");
	EX("Enum.reject([1, 2, 3, 4], &(rem(&1, 2) == 0))", "[1, 3]");
	EX("Enum.reject([], & &1)", "[]");
	EX("Enum.reject([1, nil, 2], &is_nil/1)", "[1, 2]");
	EX("Enum.each([1, 2], fn _ -> :x end)", ":ok");
	EX("Enum.each([], fn _ -> :x end)", ":ok");
}

TEST(join)
{
	EX("Enum.join([1, :a, \"b\"], \", \")", "\"1, a, b\"");
	EX("Enum.join([1, 2])", "\"12\"");
	EX("Enum.join([], \",\")", "\"\"");
	EX("Enum.join([\"x\"], \",\")", "\"x\"");
	EX("Enum.join([1], :x)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "Enum.join/2\n\nThe following arguments were given to Enum.join/2:\n\n"
	   "    # 1\n    [1]\n\n    # 2\n    :x\n");
	EX("Enum.join([[?a, ?b], \"c\"], \"-\")", "\"ab-c\"");
	EX("Enum.join([{1}], \",\")",
	   "error: t.exs:1:1: ** (Protocol.UndefinedError) protocol String.Chars not "
	   "implemented for type Tuple\n\nGot value:\n\n    {1}\n");
	EX("Enum.map_join([1, 2], &(&1 * 2))", "\"24\"");
	EX("Enum.map_join([1, 2], \"+\", &(&1 * 2))", "\"2+4\"");
	EX("Enum.map_join([], \"+\", &(&1 * 2))", "\"\"");
}

TEST(concat_and_reverse)
{
	EX("Enum.concat([[1], [2, 3]])", "[1, 2, 3]");
	EX("Enum.concat([])", "[]");
	EX("Enum.concat([[], [1], []])", "[1]");
	EX("Enum.concat([1..2, [3]])", "[1, 2, 3]");
	EX("Enum.concat([1], [2])", "[1, 2]");
	EX("Enum.concat([], [])", "[]");
	EX("Enum.concat(1..2, 3..4)", "[1, 2, 3, 4]");
	EX("Enum.reverse([1, 2, 3])", "[3, 2, 1]");
	EX("Enum.reverse([])", "[]");
	EX("Enum.reverse(1..3)", "[3, 2, 1]");
	EX("Enum.reverse([1, 2], [3])", "[2, 1, 3]");
	EX("Enum.reverse([], [3])", "[3]");
}

TEST(with_index)
{
	EX("Enum.with_index([:a, :b])", "[a: 0, b: 1]");
	EX("Enum.with_index([])", "[]");
	EX("Enum.with_index([:a, :b], 1)", "[a: 1, b: 2]");
	EX("Enum.with_index([:a], -1)", "[a: -1]");
	EX("Enum.with_index([:a, :b], fn x, i -> {i, x} end)", "[{0, :a}, {1, :b}]");
}

TEST(reduce)
{
	EX("Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end)", "6");
	EX("Enum.reduce([], :init, fn x, acc -> x + acc end)", ":init");
	EX("Enum.reduce([1, 2, 3], [], &[&1 | &2])", "[3, 2, 1]");
	EX("Enum.reduce([1, 2, 3], &(&1 * &2))", "6");
	EX("Enum.reduce([5], &(&1 * &2))", "5");
	EX("Enum.reduce([], &(&1 * &2))", "error: t.exs:1:1: ** (Enum.EmptyError) empty error");
}

TEST(sort)
{
	EX("Enum.sort([3, 1, 2])", "[1, 2, 3]");
	EX("Enum.sort([])", "[]");
	EX("Enum.sort([:b, 1, \"a\", :a])", "[1, :a, :b, \"a\"]");
	EX("Enum.sort([3, 1, 2], :asc)", "[1, 2, 3]");
	EX("Enum.sort([3, 1, 2], :desc)", "[3, 2, 1]");
	EX("Enum.sort([3, 1, 2], &(&1 >= &2))", "[3, 2, 1]");
	/* Stable: equal items keep their order. */
	EX("Enum.sort([{1, :b}, {0, :x}, {1, :a}], &(elem(&1, 0) <= elem(&2, 0)))",
	   "[{0, :x}, {1, :b}, {1, :a}]");
	EX("Enum.sort_by([\"bb\", \"a\", \"cc\"], &String.length/1)", "[\"a\", \"bb\", \"cc\"]");
	EX("Enum.sort_by([], &String.length/1)", "[]");
	EX("Enum.sort_by([\"bb\", \"a\", \"cc\"], &String.length/1, :desc)",
	   "[\"bb\", \"cc\", \"a\"]");
	EX("Enum.sort_by([\"bb\", \"a\", \"cc\"], &String.length/1, :asc)",
	   "[\"a\", \"bb\", \"cc\"]");
}

TEST(uniq_and_dedup)
{
	EX("Enum.uniq([1, 2, 1, 3, 2])", "[1, 2, 3]");
	EX("Enum.uniq([])", "[]");
	EX("Enum.uniq([1, 1.0])", "[1, 1.0]");
	EX("Enum.uniq_by([{1, :a}, {2, :b}, {1, :c}], &elem(&1, 0))", "[{1, :a}, {2, :b}]");
	EX("Enum.uniq_by([], & &1)", "[]");
	EX("Enum.dedup([1, 1, 2, 1, 1])", "[1, 2, 1]");
	EX("Enum.dedup([])", "[]");
	EX("Enum.dedup([1, 2, 2])", "[1, 2]");
}

TEST(into)
{
	EX("Enum.into([a: 1], %{})", "%{a: 1}");
	EX("Enum.into([], %{})", "%{}");
	EX("Enum.into([a: 1, a: 2], %{})", "%{a: 2}");
	EX("Enum.into([b: 2], %{a: 1})", "%{a: 1, b: 2}");
	EX("Enum.into(%{a: 1}, [])", "[a: 1]");
	EX("Enum.into([2], [1])", "[1, 2]");
	EX("Enum.into([1, 2], %{}, &{&1, &1 * 10})", "%{1 => 10, 2 => 20}");
	EX("Enum.into([1, 2], [], &(&1 * 10))", "[10, 20]");
	EX("Enum.into([1], %{})", "error: t.exs:1:1: ** (ArgumentError) argument error");
	EX("Enum.into(1..2, %{})",
	   "error: t.exs:1:1: ** (ArgumentError) collecting into a map requires {key, value} "
	   "tuples, got: 1");
}

TEST(zip_and_unzip)
{
	EX("Enum.zip([1, 2], [:a, :b])", "[{1, :a}, {2, :b}]");
	EX("Enum.zip([1, 2, 3], [:a])", "[{1, :a}]");
	EX("Enum.zip([], [:a])", "[]");
	EX("Enum.zip(1..2, [:a, :b])", "[{1, :a}, {2, :b}]");
	EX("Enum.unzip([{1, :a}, {2, :b}])", "{[1, 2], [:a, :b]}");
	EX("Enum.unzip([])", "{[], []}");
	EX("Enum.unzip(%{a: 1})", "{[:a], [1]}");
}

TEST(counting_and_membership)
{
	EX("Enum.member?([1, 2], 2)", "true");
	EX("Enum.member?([1, 2], 1)", "true");
	EX("Enum.member?([1, 2], 3)", "false");
	EX("Enum.member?([], 1)", "false");
	EX("Enum.member?([1], 1.0)", "false");
	EX("Enum.member?(1..10, 5)", "true");
	EX("Enum.member?(%{a: 1}, {:a, 1})", "true");
	EX("Enum.count([1, 2, 3])", "3");
	EX("Enum.count([])", "0");
	EX("Enum.count(%{a: 1})", "1");
	EX("Enum.count([1, 2, 3], &(&1 > 1))", "2");
	EX("Enum.count([], &(&1 > 1))", "0");
	EX("Enum.empty?([])", "true");
	EX("Enum.empty?([1])", "false");
	EX("Enum.empty?(%{})", "true");
	EX("Enum.empty?(1..1)", "false");
	EX("Enum.frequencies([:a, :b, :a])", "%{a: 2, b: 1}");
	EX("Enum.frequencies([])", "%{}");
	EX("Enum.sum([1, 2, 3])", "6");
	EX("Enum.sum([])", "0");
	EX("Enum.sum([1, 2.5])", "3.5");
	EX("Enum.sum(1..4)", "10");
	EX("Enum.sum([1, :a])",
	   "error: t.exs:1:1: ** (ArithmeticError) bad argument in arithmetic expression: "
	   ":a + 1");
}

TEST(predicates)
{
	EX("Enum.any?([false, nil, 1])", "true");
	EX("Enum.any?([false, nil])", "false");
	EX("Enum.any?([])", "false");
	EX("Enum.any?([1, 2], &(&1 > 1))", "true");
	EX("Enum.any?([1, 2], &(&1 > 2))", "false");
	EX("Enum.all?([1, :a])", "true");
	EX("Enum.all?([1, nil])", "false");
	EX("Enum.all?([])", "true");
	EX("Enum.all?([1, 2], &(&1 > 0))", "true");
	EX("Enum.all?([1, 2], &(&1 > 1))", "false");
}

TEST(find)
{
	EX("Enum.find([1, 2, 3], &(&1 > 1))", "2");
	EX("Enum.find([1, 2, 3], &(&1 > 0))", "1");
	EX("Enum.find([1, 2, 3], &(&1 > 2))", "3");
	EX("Enum.find([1, 2, 3], &(&1 > 5))", "nil");
	EX("Enum.find([], &(&1 > 5))", "nil");
	EX("Enum.find([1], :none, &(&1 > 5))", ":none");
	EX("Enum.find([7], :none, &(&1 > 5))", "7");
	EX("Enum.find_index([:a, :b], &(&1 == :b))", "1");
	EX("Enum.find_index([:a, :b], &(&1 == :a))", "0");
	EX("Enum.find_index([:a, :b], &(&1 == :c))", "nil");
	EX("Enum.find_index([], &(&1 == :c))", "nil");
	EX("Enum.find_value([1, 2, 3], &(&1 > 1 && &1 * 10))", "20");
	EX("Enum.find_value([1, 2], &(&1 > 5 && &1))", "nil");
	EX("Enum.find_value([], & &1)", "nil");
}

TEST(min_max)
{
	EX("Enum.max([1, 3, 2])", "3");
	EX("Enum.max([3, 1])", "3");
	EX("Enum.max([1, 3])", "3");
	EX("Enum.max([:a, 1])", ":a");
	EX("Enum.max([])", "error: t.exs:1:1: ** (Enum.EmptyError) empty error");
	EX("Enum.min([2, 1, 3])", "1");
	EX("Enum.min([1, 1.0])", "1");
	EX("Enum.max([1, 1.0])", "1");
	EX("Enum.min([])", "error: t.exs:1:1: ** (Enum.EmptyError) empty error");
	EX("Enum.max_by([\"a\", \"ccc\", \"bb\"], &String.length/1)", "\"ccc\"");
	EX("Enum.max_by([\"aa\", \"bb\"], &String.length/1)", "\"aa\"");
	EX("Enum.min_by([\"bb\", \"a\", \"c\"], &String.length/1)", "\"a\"");
	EX("Enum.min_by([], &String.length/1)",
	   "error: t.exs:1:1: ** (Enum.EmptyError) empty error");
	EX("Enum.max_by([], &String.length/1)",
	   "error: t.exs:1:1: ** (Enum.EmptyError) empty error");
}

TEST(at_and_fetch)
{
	EX("Enum.at([:a, :b, :c], 0)", ":a");
	EX("Enum.at([:a, :b, :c], 2)", ":c");
	EX("Enum.at([:a, :b, :c], 3)", "nil");
	EX("Enum.at([:a, :b, :c], -1)", ":c");
	EX("Enum.at([:a, :b, :c], -3)", ":a");
	EX("Enum.at([:a, :b, :c], -4)", "nil");
	EX("Enum.at([], 0)", "nil");
	EX("Enum.at([], 0, :d)", ":d");
	EX("Enum.at([:a], 0, :d)", ":a");
	EX("Enum.at(1..3, 1)", "2");
	EX("Enum.at([1], :x)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "Enum.at/3\n\nThe following arguments were given to Enum.at/3:\n\n"
	   "    # 1\n    [1]\n\n    # 2\n    :x\n\n    # 3\n    nil\n");
	EX("Enum.fetch!([:a, :b], 1)", ":b");
	EX("Enum.fetch!([:a, :b], -1)", ":b");
	EX("Enum.fetch!([:a, :b], 2)",
	   "error: t.exs:1:1: ** (Enum.OutOfBoundsError) out of bounds error");
	EX("Enum.fetch!([], 0)",
	   "error: t.exs:1:1: ** (Enum.OutOfBoundsError) out of bounds error");
}

TEST(take_and_drop)
{
	EX("Enum.take([1, 2, 3], 2)", "[1, 2]");
	EX("Enum.take([1, 2, 3], 0)", "[]");
	EX("Enum.take([1, 2, 3], 5)", "[1, 2, 3]");
	EX("Enum.take([1, 2, 3], -1)", "[3]");
	EX("Enum.take([1, 2, 3], -5)", "[1, 2, 3]");
	EX("Enum.take([], 2)", "[]");
	EX("Enum.drop([1, 2, 3], 1)", "[2, 3]");
	EX("Enum.drop([1, 2, 3], 0)", "[1, 2, 3]");
	EX("Enum.drop([1, 2, 3], 5)", "[]");
	EX("Enum.drop([1, 2, 3], -1)", "[1, 2]");
	EX("Enum.drop([1, 2, 3], -5)", "[]");
	EX("Enum.drop([], 1)", "[]");
	EX("Enum.take_while([1, 2, 3, 1], &(&1 < 3))", "[1, 2]");
	EX("Enum.take_while([1, 2], &(&1 < 3))", "[1, 2]");
	EX("Enum.take_while([5, 1], &(&1 < 3))", "[]");
	EX("Enum.take_while([], &(&1 < 3))", "[]");
	EX("Enum.drop_while([1, 2, 3, 1], &(&1 < 3))", "[3, 1]");
	EX("Enum.drop_while([1, 2], &(&1 < 3))", "[]");
	EX("Enum.drop_while([5, 1], &(&1 < 3))", "[5, 1]");
	EX("Enum.drop_while([], &(&1 < 3))", "[]");
}

TEST(slice_and_chunk)
{
	EX("Enum.slice([1, 2, 3, 4], 1, 2)", "[2, 3]");
	EX("Enum.slice([1, 2, 3, 4], 0, 1)", "[1]");
	EX("Enum.slice([1, 2, 3, 4], 3, 5)", "[4]");
	EX("Enum.slice([1, 2, 3, 4], 4, 1)", "[]");
	EX("Enum.slice([1, 2, 3, 4], -2, 2)", "[3, 4]");
	EX("Enum.slice([1, 2, 3, 4], 1, 0)", "[]");
	EX("Enum.slice([], 0, 2)", "[]");
	EX("Enum.chunk_every([1, 2, 3, 4, 5], 2)", "[[1, 2], [3, 4], [5]]");
	EX("Enum.chunk_every([1, 2], 2)", "[[1, 2]]");
	EX("Enum.chunk_every([1, 2], 5)", "[[1, 2]]");
	EX("Enum.chunk_every([], 2)", "[]");
}

TEST(intersperse_split_group)
{
	EX("Enum.intersperse([1, 2, 3], 0)", "[1, 0, 2, 0, 3]");
	EX("Enum.intersperse([1], 0)", "[1]");
	EX("Enum.intersperse([], 0)", "[]");
	EX("Enum.split_with([1, 2, 3, 4], &(rem(&1, 2) == 0))", "{[2, 4], [1, 3]}");
	EX("Enum.split_with([], & &1)", "{[], []}");
	EX("Enum.group_by([\"ab\", \"c\", \"de\"], &String.length/1)",
	   "%{1 => [\"c\"], 2 => [\"ab\", \"de\"]}");
	EX("Enum.group_by([], & &1)", "%{}");
}

int main(void)
{
	return stdlib_main();
}
