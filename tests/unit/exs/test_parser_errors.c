/*
 * Syntax errors: exact file:line:col and message for each broken snippet,
 * and the guarantees that matter more than the wording: deep nesting is an
 * error, not a stack overflow; nothing is left in *out on failure.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/ast.h"
#include "unit.h"

static const struct {
	const char *src, *want;
} errors[] = {
    {"defmodule Foo do\n  def x do\nend",
     "t.exs:3:4: missing terminator: end (for \"do\" starting at line 1)"},
    {"foo(1, 2", "t.exs:1:9: missing terminator: ) (for \"(\" starting at line 1)"},
    {"[1, 2)", "t.exs:1:6: unexpected token: ). The \"[\" at line 1 is missing terminator \"]\""},
    {"x = )", "t.exs:1:5: unexpected token: )"},
    {"\"abc", "t.exs:1:5: missing terminator: \" (for string starting at line 1)"},
    {"a = 1 +", "t.exs:1:7: syntax error: expression is incomplete"},
    {"end", "t.exs:1:1: unexpected reserved word: end"},
    {"foo:bar", "t.exs:1:1: keyword argument must be followed by space after: foo:"},
    {"1abc", "t.exs:1:1: invalid character \"a\" after number 1. If you intended to write a "
             "number, make sure to separate the number from the character (using comma, space, "
             "etc). If you meant to write a function name or a variable, note that identifiers in "
             "Elixir cannot start with numbers. Unexpected token: a"},
    {"x = [1,\n  2", "t.exs:2:4: missing terminator: ] (for \"[\" starting at line 1)"},
    {"%{a: 1, 2}",
     "t.exs:1:7: unexpected expression after keyword list. Keyword lists must always come last in "
     "lists and maps. Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: "
     ":value, another => value}\n\nInstead, reorder it to be the last entry:\n\n    [:another, "
     "some: :value]\n    %{another => value, some: :value}\n\nSyntax error after: ','"},
    {"[a: 1, 2]",
     "t.exs:1:6: unexpected expression after keyword list. Keyword lists must always come last in "
     "lists and maps. Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: "
     ":value, another => value}\n\nInstead, reorder it to be the last entry:\n\n    [:another, "
     "some: :value]\n    %{another => value, some: :value}\n\nSyntax error after: ','"},
    {"fn x end", "t.exs:1:1: expected anonymous functions to be defined with -> inside: 'fn'"},
    {"\"#{\"", "t.exs:1:5: missing terminator: \" (for string starting at line 1)"},
    {"~x", "t.exs:1:1: unexpected token: \"~\" (column 1, code point U+007E)"},
    {"~w{abc", "t.exs:1:7: missing terminator: } (for sigil ~w{ starting at line 1)"},
    {"\"\"\"abc\n\"\"\"", "t.exs:1:4: heredoc allows only whitespace characters followed by a new "
                          "line after opening \"\"\""},
    {"x = 1 2", "t.exs:1:7: syntax error before: \"2\""},
    {"@", "t.exs:1:1: syntax error: expression is incomplete"},
    {"%(a)", "t.exs:1:1: expected %{ to define a map, got: %("},
    {":", "t.exs:1:1: unexpected token: \":\" (column 1, code point U+003A)"},
    {"a.(", "t.exs:1:4: missing terminator: ) (for \"(\" starting at line 1)"},
    {"1 = = 2", "t.exs:1:5: syntax error before: '='"},
    {"else", "t.exs:1:1: syntax error before: else. \"else\" is a reserved word in Elixir and "
             "therefore its usage is limited. For instance, it can't be used as a variable or be "
             "defined nor invoked as a regular function"},
    {"{1, 2]", "t.exs:1:6: unexpected token: ]. The \"{\" at line 1 is missing terminator \"}\""},
    {"\"\\u{D800}\"",
     "t.exs:1:2: invalid or reserved Unicode code point \\u{D800}. Syntax error after: \\u"},
    {"\"\"\"\n  abc", "t.exs:2:6: missing terminator: \"\"\" (for heredoc starting at line 1)"},
    {"'a", "t.exs:1:3: missing terminator: ' (for string starting at line 1)"},
    {"&&\n", "t.exs:1:1: syntax error before: '&&'"},
    {"x = 1 1.5", "t.exs:1:7: syntax error before: \"1.5\""},
    {"x = 1 foo", "t.exs:1:7: syntax error before: foo"},
    {"x = 1 \"s\"", "t.exs:1:7: syntax error before: \"s\""},
    {"x = 1 :a", "t.exs:1:7: syntax error before: a"},
    {"x = 1 Foo", "t.exs:1:7: syntax error before: 'Foo'"},
    {"x = 1 'c'", "t.exs:1:7: syntax error before: \"c\""},
    {"x = 1 ?a", "t.exs:1:7: syntax error before: ?a"},
    {"x = 1 do", "t.exs:1:9: missing terminator: end (for \"do\" starting at line 1)"},
    {"x = 1 fn", "t.exs:1:9: missing terminator: end (for \"fn\" starting at line 1)"},
    {"x = 1 ~w(a)", "t.exs:1:7: syntax error before: sigil ~w starting with content 'a'"},
    {"x = 1 =", "t.exs:1:7: syntax error: expression is incomplete"},
    {"x = 1 ->", "t.exs:1:7: syntax error before: '->'"},
    {"x = 1 when", "t.exs:1:7: syntax error: expression is incomplete"},
    {"x = 1 a: 1", "t.exs:1:7: syntax error before: 'a:'"},
    {"foo(,)", "t.exs:1:5: syntax error before: ','"},
    {"x = 1 %{}", "t.exs:1:7: syntax error before: '%{}'"},
    {"[1 2]", "t.exs:1:4: syntax error before: \"2\""},
    {"x = 1 true", "t.exs:1:7: syntax error before: true. \"true\" is a reserved word in Elixir "
                   "and therefore its usage is limited. For instance, it can't be used as a "
                   "variable or be defined nor invoked as a regular function"},
    {"x = 1 nil", "t.exs:1:7: syntax error before: nil. \"nil\" is a reserved word in Elixir and "
                  "therefore its usage is limited. For instance, it can't be used as a variable or "
                  "be defined nor invoked as a regular function"},
    {"x = 1 @a", "t.exs:1:7: syntax error before: '@'"},
    {"x = 1 &1", "t.exs:1:7: syntax error before: '&'"},
    {"a = 1 +\n", "t.exs:1:8: syntax error: expression is incomplete"},
    {"a = (", "t.exs:1:6: missing terminator: ) (for \"(\" starting at line 1)"},
    {"foo do\n1 +\nend", "t.exs:3:1: syntax error before: end. \"end\" is a reserved word in "
                         "Elixir and therefore its usage is limited. For instance, it can't be "
                         "used as a variable or be defined nor invoked as a regular function"},
    {"x = 1 <<>>", "t.exs:1:7: syntax error before: '<<'"},
    {"x = 1 {}", "t.exs:1:7: syntax error before: '{'"},
    {"1 + * 2", "t.exs:1:5: syntax error before: '*'"},
    {"x = 1 ...", "t.exs:1:7: syntax error before: '...'"},
    {"case x do\n a -> 1\n 2, 3\nend", "t.exs:3:6: unexpectedly reached end of line. The current "
                                       "expression is invalid or incomplete"},
    {"fn x -> 1 end end", "t.exs:1:15: unexpected reserved word: end"},
    {"f(1; 2)", "t.exs:1:4: syntax error before: ';'"},
    {"x.", "t.exs:1:2: syntax error: expression is incomplete"},
    {"%Foo", "t.exs:1:2: syntax error: expression is incomplete"},
    {":\"a", "t.exs:1:4: missing terminator: \" (for atom starting at line 1)"},
    {"<<1, 2", "t.exs:1:7: missing terminator: >> (for \"<<\" starting at line 1)"},
    {"foo(1]", "t.exs:1:6: unexpected token: ]. The \"(\" at line 1 is missing terminator \")\""},
    {"if a do\n  b\n", "t.exs:3:1: missing terminator: end (for \"do\" starting at line 1)"},
    {"fn x ->\n", "t.exs:2:1: missing terminator: end (for \"fn\" starting at line 1)"},
    {"foo(a: 1, 2)",
     "t.exs:1:9: unexpected expression after keyword list. Keyword lists must always come as the "
     "last argument. Therefore, this is not allowed:\n\n    function_call(1, some: :option, "
     "2)\n\nInstead, wrap the keyword in brackets:\n\n    function_call(1, [some: :option], "
     "2)\n\nSyntax error after: ','"},
    {"\"\\u{zz}\"", "t.exs:1:2: invalid Unicode escape character, expected \\uHHHH or \\u{H*} "
                    "where H is a hexadecimal digit. Syntax error after: \\u"},
    {"a\n)", "t.exs:2:1: unexpected token: )"},
    {"foo a, bar b, c",
     "t.exs:1:8: unexpected comma. Parentheses are required to solve ambiguity in nested "
     "calls.\n\nThis error happens when you have nested function calls without parentheses. For "
     "example:\n\n    parent_call a, nested_call b, c, d\n\nIn the example above, we don't know if "
     "the parameters \"c\" and \"d\" apply to the function \"parent_call\" or \"nested_call\". You "
     "can solve this by explicitly adding parentheses:\n\n    parent_call a, nested_call(b, c, "
     "d)\n\nOr by adding commas (in case a nested call is not intended):\n\n    parent_call a, "
     "nested_call, b, c, d\n\nElixir cannot compile otherwise. Syntax error before: ','"},
    {"[b c, d]",
     "t.exs:1:2: unexpected comma. Parentheses are required to solve ambiguity inside "
     "containers.\n\nThis error may happen when you forget a comma in a list or other "
     "container:\n\n    [a, b c, d]\n\nOr when you have ambiguous calls:\n\n    [function a, b, "
     "c]\n\nIn the example above, we don't know if the values \"b\" and \"c\" belongs to the list "
     "or the function \"function\". You can solve this by explicitly adding parentheses:\n\n    "
     "[one, function(a, b, c)]\n\nElixir cannot compile otherwise. Syntax error before: ','"},
    {"[do: foo b, c: 1]",
     "t.exs:1:6: unexpected comma. Parentheses are required to solve ambiguity inside "
     "containers.\n\nThis error may happen when you forget a comma in a list or other "
     "container:\n\n    [a, b c, d]\n\nOr when you have ambiguous calls:\n\n    [function a, b, "
     "c]\n\nIn the example above, we don't know if the values \"b\" and \"c\" belongs to the list "
     "or the function \"function\". You can solve this by explicitly adding parentheses:\n\n    "
     "[one, function(a, b, c)]\n\nElixir cannot compile otherwise. Syntax error before: ','"},
    {"f (a, b)",
     "t.exs:1:3: unexpected parentheses. If you are making a function call, do not insert spaces "
     "between the function name and the opening parentheses. Syntax error before: '('"},
    {"%{a: b c, d: 1}",
     "t.exs:1:6: unexpected comma. Parentheses are required to solve ambiguity inside "
     "containers.\n\nThis error may happen when you forget a comma in a list or other "
     "container:\n\n    [a, b c, d]\n\nOr when you have ambiguous calls:\n\n    [function a, b, "
     "c]\n\nIn the example above, we don't know if the values \"b\" and \"c\" belongs to the list "
     "or the function \"function\". You can solve this by explicitly adding parentheses:\n\n    "
     "[one, function(a, b, c)]\n\nElixir cannot compile otherwise. Syntax error before: ','"},
    {":aFoo.Bar.baz",
     "t.exs:1:7: atom cannot be followed by an alias. If the '.' was meant to be part of the "
     "atom's name, the atom name must be quoted. Syntax error before: '.'"},
    {"{a => 1}", "t.exs:1:4: syntax error before: '=>'"},
    {"f =>g(a) do b end", "t.exs:1:3: syntax error before: '=>'"},
};

static int parse_err(const char *src, size_t len, struct mx_buf *msg)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_ast *t = (struct mx_ast *)1;
	struct mx_err err = MX_ERR_INIT;
	int ret = mx_exs_parse(&a, "t.exs", src, len, &t, &err);
	if (ret < 0) {
		mx_err_format(&err, msg);
		if (t != NULL || err.kind != MX_ERR_SYNTAX)
			ret = -2;
	}
	mx_arena_release(&a);
	return ret;
}

TEST(messages_and_positions)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		struct mx_buf msg = MX_BUF_INIT;
		int r = parse_err(errors[i].src, strlen(errors[i].src), &msg);
		if (r != -1 || strcmp(msg.buf, errors[i].want)) {
			fprintf(stderr, "error %zu: %s\n  got (%d):  %s\n  want: %s\n", i,
			        errors[i].src, r, msg.buf, errors[i].want);
			bad++;
		}
		mx_buf_release(&msg);
	}
	CHECK_INT(bad, 0);
}

static char *repeat(const char *open, size_t n, const char *mid, const char *close)
{
	size_t lo = strlen(open), lm = strlen(mid), lc = strlen(close);
	char *s = malloc(n * (lo + lc) + lm + 1), *p = s;
	for (size_t i = 0; i < n; i++, p += lo)
		memcpy(p, open, lo);
	memcpy(p, mid, lm);
	p += lm;
	for (size_t i = 0; i < n; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return s;
}

TEST(nesting_limit)
{
	struct mx_buf msg = MX_BUF_INIT;
	/* 900 levels parse; 5000 are an error, not a crash */
	char *ok = repeat("[", 900, "1", "]");
	CHECK_INT(parse_err(ok, strlen(ok), &msg), 0);
	free(ok);
	const char *deep[][3] = {
	    {"[", "1", "]"},      {"{", "1", "}"},         {"(", "1", ")"},
	    {"f(", "1", ")"},     {"fn -> ", "1", " end"}, {"if a do ", "1", " end"},
	    {"- ", "1", ""},      {"a = ", "1", ""},       {"%{a: ", "1", "}"},
	    {"\"#{", "1", "}\""}, {"foo ", "1", ""},       {"<< ", "1", " >>"},
	};
	for (size_t i = 0; i < sizeof(deep) / sizeof(deep[0]); i++) {
		char *s = repeat(deep[i][0], 5000, deep[i][1], deep[i][2]);
		mx_buf_reset(&msg);
		int r = parse_err(s, strlen(s), &msg);
		if (r != -1)
			fprintf(stderr, "deep %s: %d %s\n", deep[i][0], r, msg.buf);
		CHECK_INT(r, -1);
		CHECK(strstr(msg.buf, "nested too deeply"));
		free(s);
	}
	mx_buf_release(&msg);
}

TEST(binary_garbage)
{
	/* Every byte value at every position of a small program: never a
	 * crash, and errors always carry a position. */
	const char *base = "def f(a), do: [a: \"#{a}\", b: ~w(x)]";
	size_t n = strlen(base);
	char *s = malloc(n + 1);
	int oks = 0, errs = 0;
	for (size_t pos = 0; pos < n; pos++) {
		for (int c = 0; c < 256; c += 3) {
			memcpy(s, base, n + 1);
			s[pos] = (char)c;
			struct mx_buf msg = MX_BUF_INIT;
			int r = parse_err(s, n, &msg);
			if (r == 0)
				oks++;
			else if (r == -1 && strncmp(msg.buf, "t.exs:1:", 8) == 0)
				errs++;
			else
				fprintf(stderr, "bad result %d at %zu/%d: %s\n", r, pos, c,
				        msg.buf);
			mx_buf_release(&msg);
		}
	}
	free(s);
	CHECK_INT(oks + errs, (int)(n * 86));
	CHECK(errs > 0 && oks > 0);
}

UNIT_MAIN()
