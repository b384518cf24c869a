/* The evaluator's String builtins against what Elixir returns (see
 * test_stdlib.h). */
#include "test_stdlib.h"

TEST(case_mapping)
{
	EX("String.upcase(\"abc\")", "\"ABC\"");
	EX("String.upcase(\"\")", "\"\"");
	EX("String.upcase(\"a1-b\")", "\"A1-B\"");
	EX("String.upcase(\"\xc3\xa9t\xc3\xa9 stra\xc3\x9f\x65\")",
	   "\"\xc3\x89T\xc3\x89 STRASSE\"");
	EX("String.downcase(\"ABC\")", "\"abc\"");
	EX("String.downcase(\"\")", "\"\"");
	EX("String.downcase(\"\xd0\x9c\xd0\x98\xd0\xa0 \xce\x91\")",
	   "\"\xd0\xbc\xd0\xb8\xd1\x80 \xce\xb1\"");
	EX("String.capitalize(\"hELLO world\")", "\"Hello world\"");
	EX("String.capitalize(\"\")", "\"\"");
	EX("String.capitalize(\"a\")", "\"A\"");
	EX("String.capitalize(\"\xc3\xa9"
	   "COLE\")",
	   "\"\xc3\x89"
	   "cole\"");
}

/* A function with default arguments fails in its full arity, with the
 * defaults among the arguments, as Elixir reports it. */
TEST(wrong_argument_types)
{
	EX("String.upcase(:a)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "String.upcase/2\n\nThe following arguments were given to String.upcase/2:\n\n"
	   "    # 1\n    :a\n\n    # 2\n    :default\n");
	EX("String.split(:x, \",\")",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "String.split/3\n\nThe following arguments were given to String.split/3:\n\n"
	   "    # 1\n    :x\n\n    # 2\n    \",\"\n\n    # 3\n    []\n");
	EX("String.replace(:x, \"a\", \"b\")",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "String.replace/4\n\nThe following arguments were given to String.replace/4:\n\n"
	   "    # 1\n    :x\n\n    # 2\n    \"a\"\n\n    # 3\n    \"b\"\n\n    # 4\n"
	   "    []\n");
	EX("String.pad_leading(:x, 3)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "String.pad_leading/3\n\nThe following arguments were given to "
	   "String.pad_leading/3:\n\n    # 1\n    :x\n\n    # 2\n    3\n\n    # 3\n"
	   "    [\" \"]\n");
	EX("String.split(:x)",
	   "error: t.exs:1:1: ** (ArgumentError) errors were found at the given arguments:\n\n"
	   "  * 1st argument: not a binary\n");
}

TEST(split)
{
	EX("String.split(\" a  b c \")", "[\"a\", \"b\", \"c\"]");
	EX("String.split(\"\")", "[]");
	EX("String.split(\"   \")", "[]");
	EX("String.split(\"a\\tb\\nc\")", "[\"a\", \"b\", \"c\"]");
	EX("String.split(\"a,b,,c\", \",\")", "[\"a\", \"b\", \"\", \"c\"]");
	EX("String.split(\",a,\", \",\")", "[\"\", \"a\", \"\"]");
	EX("String.split(\"\", \",\")", "[\"\"]");
	EX("String.split(\"abc\", \",\")", "[\"abc\"]");
	EX("String.split(\"a,b,,c\", \",\", trim: true)", "[\"a\", \"b\", \"c\"]");
	EX("String.split(\"\", \",\", trim: true)", "[]");
	EX("String.split(\"a,b,c\", \",\", parts: 2)", "[\"a\", \"b,c\"]");
	EX("String.split(\"a,b,c\", \",\", parts: 1)", "[\"a,b,c\"]");
	EX("String.split(\"a,b\", \",\", parts: 5)", "[\"a\", \"b\"]");
	EX("String.split(\"a-b_c\", [\"-\", \"_\"])", "[\"a\", \"b\", \"c\"]");
	EX("String.split(\"abc\", \"\")", "[\"\", \"a\", \"b\", \"c\", \"\"]");
	EX("String.split(\"abc\", \"\", trim: true)", "[\"a\", \"b\", \"c\"]");
	EX("String.split(\"aXbXXc\", \"XX\")", "[\"aXb\", \"c\"]");
}

TEST(replace)
{
	EX("String.replace(\"a-b-c\", \"-\", \"_\")", "\"a_b_c\"");
	EX("String.replace(\"a-b-c\", \"-\", \"_\", global: false)", "\"a_b-c\"");
	EX("String.replace(\"abc\", \"x\", \"_\")", "\"abc\"");
	EX("String.replace(\"\", \"x\", \"_\")", "\"\"");
	EX("String.replace(\"-a-\", \"-\", \"\")", "\"a\"");
	EX("String.replace(\"abc\", \"\", \"-\")", "\"-a-b-c-\"");
	EX("String.replace(\"a-b_c\", [\"-\", \"_\"], \".\")", "\"a.b.c\"");
	EX("String.replace(\"a-b\", \"-\", fn m -> m <> m end)", "\"a--b\"");
	OWN("String.replace(\"a\", ~r/a/, \"b\")",
	    "error: t.exs:1:1: String.replace with a regex is not a constant");
	EX("String.replace_prefix(\"foo.ex\", \"foo\", \"bar\")", "\"bar.ex\"");
	EX("String.replace_prefix(\"foo.ex\", \"x\", \"bar\")", "\"foo.ex\"");
	EX("String.replace_prefix(\"foo\", \"\", \"bar\")", "\"barfoo\"");
	EX("String.replace_prefix(\"\", \"\", \"bar\")", "\"bar\"");
	EX("String.replace_suffix(\"foo.ex\", \".ex\", \".exs\")", "\"foo.exs\"");
	EX("String.replace_suffix(\"foo.ex\", \".x\", \".exs\")", "\"foo.ex\"");
	EX("String.replace_suffix(\"foo\", \"\", \"!\")", "\"foo!\"");
	EX("String.replace_leading(\"--a-\", \"-\", \"+\")", "\"++a-\"");
	EX("String.replace_leading(\"a\", \"-\", \"+\")", "\"a\"");
	EX("String.replace_trailing(\"-a--\", \"-\", \"+\")", "\"-a++\"");
	EX("String.replace_trailing(\"\", \"-\", \"+\")", "\"\"");
	EX("String.replace_leading(\"a\", \"\", \"+\")",
	   "error: t.exs:1:1: ** (ArgumentError) cannot use an empty string as the match to "
	   "replace");
	EX("String.replace_trailing(\"a\", \"\", \"+\")",
	   "error: t.exs:1:1: ** (ArgumentError) cannot use an empty string as the match to "
	   "replace");
}

TEST(trim)
{
	EX("String.trim(\"  x \\n\")", "\"x\"");
	EX("String.trim(\"\")", "\"\"");
	EX("String.trim(\"   \")", "\"\"");
	EX("String.trim(\"a b\")", "\"a b\"");
	EX("String.trim_leading(\"  x  \")", "\"x  \"");
	EX("String.trim_trailing(\"  x  \")", "\"  x\"");
	EX("String.trim(\"--x--\", \"-\")", "\"x\"");
	EX("String.trim(\"--\", \"-\")", "\"\"");
	EX("String.trim(\"abab\", \"ab\")", "\"\"");
	EX("String.trim_leading(\"--x--\", \"-\")", "\"x--\"");
	EX("String.trim_trailing(\"--x--\", \"-\")", "\"--x\"");
	EX("String.trim_trailing(\"x\", \"-\")", "\"x\"");
	EX("String.trim(\"x\", \"\")",
	   "error: t.exs:1:1: ** (ArgumentError) cannot use an empty string as the match to "
	   "replace");
	EX("String.trim_leading(\"x\", \"\")",
	   "error: t.exs:1:1: ** (ArgumentError) cannot use an empty string as the match to "
	   "replace");
	EX("String.trim_trailing(\"x\", \"\")",
	   "error: t.exs:1:1: ** (ArgumentError) cannot use an empty string as the match to "
	   "replace");
}

TEST(predicates)
{
	EX("String.contains?(\"hello\", \"ell\")", "true");
	EX("String.contains?(\"hello\", \"h\")", "true");
	EX("String.contains?(\"hello\", \"o\")", "true");
	EX("String.contains?(\"hello\", \"x\")", "false");
	EX("String.contains?(\"\", \"x\")", "false");
	EX("String.contains?(\"abc\", \"\")", "true");
	EX("String.contains?(\"hello\", [\"x\", \"lo\"])", "true");
	EX("String.contains?(\"hello\", [])", "false");
	EX("String.starts_with?(\"hello\", \"he\")", "true");
	EX("String.starts_with?(\"hello\", \"lo\")", "false");
	EX("String.starts_with?(\"hello\", \"\")", "true");
	EX("String.starts_with?(\"\", \"a\")", "false");
	EX("String.starts_with?(\"hello\", [\"x\", \"h\"])", "true");
	EX("String.ends_with?(\"hello\", \"lo\")", "true");
	EX("String.ends_with?(\"hello\", \"x\")", "false");
	EX("String.ends_with?(\"hello\", \"\")", "true");
	EX("String.ends_with?(\"lo\", \"hello\")", "false");
	EX("String.ends_with?(\"hello\", [\"x\", \"o\"])", "true");
}

TEST(numbers)
{
	EX("String.to_integer(\"42\")", "42");
	EX("String.to_integer(\"-42\")", "-42");
	EX("String.to_integer(\"+7\")", "7");
	EX("String.to_integer(\"0\")", "0");
	EX("String.to_integer(\"4x\")",
	   "error: t.exs:1:1: ** (ArgumentError) errors were found at the given arguments:\n\n"
	   "  * 1st argument: not a textual representation of an integer\n");
	EX("String.to_integer(\"\")",
	   "error: t.exs:1:1: ** (ArgumentError) errors were found at the given arguments:\n\n"
	   "  * 1st argument: not a textual representation of an integer\n");
	EX("String.to_integer(\"ff\", 16)", "255");
	EX("String.to_integer(\"-101\", 2)", "-5");
	EX("String.to_integer(\"Zz\", 36)", "1295");
	EX("String.to_float(\"1.5\")", "1.5");
	EX("String.to_float(\"-0.25\")", "-0.25");
	EX("String.to_float(\"1.0e3\")", "1000.0");
	EX("String.to_float(\"1\")",
	   "error: t.exs:1:1: ** (ArgumentError) errors were found at the given arguments:\n\n"
	   "  * 1st argument: not a textual representation of a float\n");
	EX("String.to_float(\"\")",
	   "error: t.exs:1:1: ** (ArgumentError) errors were found at the given arguments:\n\n"
	   "  * 1st argument: not a textual representation of a float\n");
}

TEST(atoms_and_charlists)
{
	EX("String.to_atom(\"foo\")", ":foo");
	EX("String.to_atom(\"\")", ":\"\"");
	EX("String.to_atom(\"Elixir.Foo\")", "Foo");
	EX("String.to_existing_atom(\"ok\")", ":ok");
	EX("String.to_charlist(\"ab\")", "~c\"ab\"");
	EX("String.to_charlist(\"\")", "[]");
	EX("String.to_charlist(\"\xc3\xa9\")", "[233]");
}

TEST(length_and_positions)
{
	EX("String.length(\"h\xc3\xa9\")", "2");
	EX("String.length(\"\")", "0");
	EX("String.at(\"hello\", 0)", "\"h\"");
	EX("String.at(\"hello\", 4)", "\"o\"");
	EX("String.at(\"hello\", 5)", "nil");
	EX("String.at(\"hello\", -1)", "\"o\"");
	EX("String.at(\"hello\", -5)", "\"h\"");
	EX("String.at(\"hello\", -6)", "nil");
	EX("String.at(\"\", 0)", "nil");
	EX("String.at(\"h\xc3\xa9\", 1)", "\"\xc3\xa9\"");
	EX("String.first(\"hello\")", "\"h\"");
	EX("String.first(\"\xc3\xa9t\xc3\xa9\")", "\"\xc3\xa9\"");
	EX("String.first(\"\")", "nil");
	EX("String.last(\"hello\")", "\"o\"");
	EX("String.last(\"\xc3\xa9t\xc3\xa9\")", "\"\xc3\xa9\"");
	EX("String.last(\"\")", "nil");
	EX("String.slice(\"hello\", 1, 3)", "\"ell\"");
	EX("String.slice(\"hello\", 0, 1)", "\"h\"");
	EX("String.slice(\"hello\", 3, 10)", "\"lo\"");
	EX("String.slice(\"hello\", 5, 1)", "\"\"");
	EX("String.slice(\"hello\", 6, 1)", "\"\"");
	EX("String.slice(\"hello\", -2, 2)", "\"lo\"");
	EX("String.slice(\"hello\", -9, 2)", "\"he\"");
	EX("String.slice(\"\", 0, 2)", "\"\"");
	EX("String.slice(\"h\xc3\xa9llo\", 1, 2)", "\"\xc3\xa9l\"");
}

TEST(building)
{
	EX("String.duplicate(\"ab\", 3)", "\"ababab\"");
	EX("String.duplicate(\"ab\", 0)", "\"\"");
	EX("String.duplicate(\"\", 5)", "\"\"");
	EX("String.pad_leading(\"7\", 3)", "\"  7\"");
	EX("String.pad_leading(\"7\", 3, \"0\")", "\"007\"");
	EX("String.pad_leading(\"abc\", 2)", "\"abc\"");
	EX("String.pad_leading(\"\", 2, \"ab\")", "\"ab\"");
	EX("String.pad_leading(\"x\", 4, \"ab\")", "\"abax\"");
	EX("String.pad_trailing(\"7\", 3)", "\"7  \"");
	EX("String.pad_trailing(\"7\", 3, \"-\")", "\"7--\"");
	EX("String.pad_trailing(\"abc\", 0)", "\"abc\"");
	EX("String.pad_trailing(\"\xc3\xa9\", 2)", "\"\xc3\xa9 \"");
	EX("String.reverse(\"abc\")", "\"cba\"");
	EX("String.reverse(\"\")", "\"\"");
	EX("String.reverse(\"h\xc3\xa9\")", "\"\xc3\xa9h\"");
	EX("String.graphemes(\"h\xc3\xa9\")", "[\"h\", \"\xc3\xa9\"]");
	EX("String.graphemes(\"\")", "[]");
	EX("String.codepoints(\"ab\")", "[\"a\", \"b\"]");
	EX("String.codepoints(\"\")", "[]");
}

int main(void)
{
	return stdlib_main();
}
