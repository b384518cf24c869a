/*
 * Lexer tests: token kinds, positions and the decisions that shape the
 * grammar (identifier followed by `(`, `foo -1`, `not in`, which operators
 * continue the previous line, heredoc indentation, sigil fields).
 */
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "exs/lexer.h"
#include "unit.h"

static struct mx_toks lex(const char *src, int *ret)
{
	struct mx_toks t = MX_TOKS_INIT;
	struct mx_err err = MX_ERR_INIT;
	*ret = mx_exs_lex("t.exs", src, strlen(src), 0, 1, 0, false, &t, NULL, &err);
	return t;
}

/* "kind:line:col" for each token, space separated, for compact checks. */
static const char *kind_name(int k)
{
	static const char *const names[] = {
	    "eof",      "eol",     "int",   "float", "char",  "atom", "atom_q", "string",
	    "charlist", "heredoc", "sigil", "alias", "ident", "kw",   "op",     "capture_int",
	    "(",        ")",       "[",     "]",     "{",     "}",    "<<",     ">>",
	    "%{",       "%",       ",",     ".",     ".(",    "fn",   "do",     "end",
	    "block",    "true",    "false", "nil",
	};
	return names[k];
}

static void describe(const char *src, struct mx_buf *out)
{
	int ret;
	struct mx_toks t = lex(src, &ret);
	if (ret < 0)
		mx_buf_adds(out, "error");
	for (size_t i = 0; ret == 0 && i < t.n; i++) {
		if (i)
			mx_buf_addch(out, ' ');
		if (t.v[i].kind == MX_TOK_OP)
			mx_buf_addf(out, "op(%s)", mx_exs_ops[t.v[i].op].s);
		else
			mx_buf_adds(out, kind_name(t.v[i].kind));
		mx_buf_addf(out, "@%u:%u", t.v[i].line, t.v[i].col);
	}
	mx_toks_release(&t);
}

#define CHECK_TOKS(src, want)                                                                      \
	do {                                                                                       \
		struct mx_buf b_ = MX_BUF_INIT;                                                    \
		describe((src), &b_);                                                              \
		CHECK_STR(b_.buf, (want));                                                         \
		mx_buf_release(&b_);                                                               \
	} while (0)

TEST(kinds_and_positions)
{
	CHECK_TOKS("foo(1, :a)", "ident@1:1 (@1:4 int@1:5 ,@1:6 atom@1:8 )@1:10 eof@1:11");
	CHECK_TOKS("Foo.bar \"x\" 'y'",
	           "alias@1:1 .@1:4 ident@1:5 string@1:9 charlist@1:13 eof@1:16");
	CHECK_TOKS("a\n\n  b; c", "ident@1:1 eol@1:2 ident@3:3 eol@3:4 ident@3:6 eof@3:7");
	CHECK_TOKS("%{a: 1} %S{}",
	           "%{@1:1 kw@1:3 int@1:6 }@1:7 %@1:9 alias@1:10 {@1:11 }@1:12 eof@1:13");
	CHECK_TOKS("<<1>> if do end else",
	           "<<@1:1 int@1:3 >>@1:4 ident@1:7 do@1:10 end@1:13 block@1:17 eof@1:21");
	CHECK_TOKS("fn -> x end", "fn@1:1 op(->)@1:4 ident@1:7 end@1:9 eof@1:12");
	CHECK_TOKS("true false nil", "true@1:1 false@1:6 nil@1:12 eof@1:15");
	CHECK_TOKS(
	    "f.(x) &1 ?a 1.5",
	    "ident@1:1 .(@1:2 (@1:3 ident@1:4 )@1:5 capture_int@1:7 char@1:10 float@1:13 eof@1:16");
	CHECK_TOKS("\"a\n#{b}\" x", "string@1:1 ident@2:7 eof@2:8");
	CHECK_TOKS("~w(a\nb) x", "sigil@1:1 ident@2:4 eof@2:5");
}

TEST(operators)
{
	CHECK_TOKS("a === b !== c",
	           "ident@1:1 op(===)@1:3 ident@1:7 op(!==)@1:9 ident@1:13 eof@1:14");
	CHECK_TOKS("a not in b", "ident@1:1 op(not in)@1:3 ident@1:10 eof@1:11");
	CHECK_TOKS(
	    "a |> b <> c ++ d",
	    "ident@1:1 op(|>)@1:3 ident@1:6 op(<>)@1:8 ident@1:11 op(++)@1:13 ident@1:16 eof@1:17");
	CHECK_TOKS("a..b//c", "ident@1:1 op(..)@1:2 ident@1:4 op(//)@1:5 ident@1:7 eof@1:8");
	CHECK_TOKS("a \\\\ b", "ident@1:1 op(\\\\)@1:3 ident@1:6 eof@1:7");
	CHECK_TOKS("x when y and z or w", "ident@1:1 op(when)@1:3 ident@1:8 op(and)@1:10 "
	                                  "ident@1:14 op(or)@1:16 ident@1:19 eof@1:20");
	CHECK_TOKS("&+/2", "op(&)@1:1 ident@1:2 op(/)@1:3 int@1:4 eof@1:5");
	CHECK_TOKS("Kernel.+(1)", "alias@1:1 .@1:7 ident@1:8 (@1:9 int@1:10 )@1:11 eof@1:12");
	CHECK_TOKS("x.do", "ident@1:1 .@1:2 ident@1:3 eof@1:5");
	CHECK_TOKS("[do: 1, in: 2]", "[@1:1 kw@1:2 int@1:6 ,@1:7 kw@1:9 int@1:13 ]@1:14 eof@1:15");
	CHECK_TOKS("... :... :\"a b\"", "op(...)@1:1 atom@1:5 atom_q@1:10 eof@1:16");
}

TEST(line_continuation)
{
	/* a binary operator first on a line continues the previous one */
	CHECK_TOKS("a\n|> b", "ident@1:1 op(|>)@2:1 ident@2:4 eof@2:5");
	/* but +/- start a new expression there */
	CHECK_TOKS("a\n-1", "ident@1:1 eol@1:2 op(-)@2:1 int@2:2 eof@2:3");
	/* and an operator at the end of a line wants more */
	CHECK_TOKS("a +\nb", "ident@1:1 op(+)@1:3 ident@2:1 eof@2:2");
	CHECK_TOKS("a = \\\n  1", "ident@1:1 op(=)@1:3 int@2:3 eof@2:4");
	CHECK_TOKS("foo\n.bar", "ident@1:1 .@2:1 ident@2:2 eof@2:5");
	CHECK_TOKS("a, # c\n b", "ident@1:1 ,@1:2 ident@2:2 eof@2:3");
}

TEST(identifier_flags)
{
	int ret;
	struct mx_toks t = lex("foo -1", &ret);
	CHECK_INT(ret, 0);
	CHECK(t.v[0].flags & MX_TOKF_OPIDENT);
	mx_toks_release(&t);
	t = lex("foo - 1", &ret);
	CHECK(!(t.v[0].flags & MX_TOKF_OPIDENT));
	mx_toks_release(&t);
	t = lex("foo -> 1", &ret);
	CHECK(!(t.v[0].flags & MX_TOKF_OPIDENT));
	mx_toks_release(&t);
	t = lex("a (b)", &ret);
	CHECK(t.v[1].flags & MX_TOKF_SPACE);
	CHECK(!(t.v[0].flags & MX_TOKF_SPACE));
	mx_toks_release(&t);
	t = lex("valid? save! _x é", &ret);
	CHECK_INT(t.n, 5);
	CHECK_INT(t.v[0].end - t.v[0].off, 6);
	CHECK_INT(t.v[1].end - t.v[1].off, 5);
	CHECK_INT(t.v[3].kind, MX_TOK_IDENT);
	CHECK_INT(t.v[3].end - t.v[3].off, 2);
	mx_toks_release(&t);
}

TEST(numbers)
{
	int ret;
	struct mx_toks t =
	    lex("1_000 0xFF 0o17 0b101 1.5e3 2.0E-2 99999999999999999999 ?\\n ?ä", &ret);
	CHECK_INT(ret, 0);
	CHECK_INT(mx_tok_int(&t.v[0]), 1000);
	CHECK_INT(mx_tok_int(&t.v[1]), 255);
	CHECK_INT(mx_tok_int(&t.v[2]), 15);
	CHECK_INT(mx_tok_int(&t.v[3]), 5);
	CHECK(t.v[4].kind == MX_TOK_FLOAT && mx_tok_float(&t.v[4]) == 1500.0);
	CHECK(t.v[5].kind == MX_TOK_FLOAT && mx_tok_float(&t.v[5]) == 0.02);
	CHECK(t.v[6].kind == MX_TOK_INT && (t.v[6].flags & MX_TOKF_BIGINT));
	CHECK_INT(t.v[7].a, 10);
	CHECK_INT(t.v[8].a, 0xe4);
	mx_toks_release(&t);
	/* 1. is not a float, it is 1 then a dot */
	CHECK_TOKS("1.foo", "int@1:1 .@1:2 ident@1:3 eof@1:6");
	CHECK_TOKS("1..2", "int@1:1 op(..)@1:2 int@1:4 eof@1:5");
}

TEST(heredocs_and_sigils)
{
	int ret;
	struct mx_toks t = lex("  \"\"\"\n    a\n    \"\"\"\n", &ret);
	CHECK_INT(ret, 0);
	CHECK_INT(t.v[0].kind, MX_TOK_HEREDOC);
	CHECK_INT(t.v[0].c, 4); /* the closing quotes' indentation */
	CHECK_INT(t.v[0].a, 6);
	CHECK_INT(t.v[0].b, 12);
	CHECK_INT(t.v[1].kind, MX_TOK_EOL);
	CHECK_INT(t.v[1].line, 3);
	mx_toks_release(&t);

	t = lex("~HTML[x]ab", &ret);
	CHECK_INT(t.v[0].kind, MX_TOK_SIGIL);
	CHECK_INT(t.v[0].a, 6);
	CHECK_INT(t.v[0].b, 7);
	CHECK_INT(t.v[0].c, ']');
	CHECK_INT(t.v[0].end, 10);
	mx_toks_release(&t);

	t = lex("~S\"\"\"\n  x\\\"\"\"\n  \"\"\"", &ret);
	CHECK_INT(ret, 0);
	CHECK_INT(t.v[0].kind, MX_TOK_SIGIL);
	CHECK_INT(t.v[0].c, '"' | 3 << 8); /* heredoc, indentation 2 */
	mx_toks_release(&t);

	/* #{ inside an interpolation's own string does not end the outer one */
	t = lex("\"a#{\"}\"}b\" c", &ret);
	CHECK_INT(ret, 0);
	CHECK_INT(t.v[0].kind, MX_TOK_STRING);
	CHECK_INT(t.v[0].flags & MX_TOKF_INTERP, MX_TOKF_INTERP);
	CHECK_INT(t.v[1].kind, MX_TOK_IDENT);
	mx_toks_release(&t);
}

TEST(errors)
{
	const char *bad[] = {
	    "\"abc", "~w(abc", "\"\"\"x\n\"\"\"", "1x", "foo:bar", "\"#{", "'a", "%(", "\\", "`",
	    "~",     ":"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct mx_toks t = MX_TOKS_INIT;
		struct mx_err err = MX_ERR_INIT;
		int ret =
		    mx_exs_lex("t.exs", bad[i], strlen(bad[i]), 0, 1, 0, false, &t, NULL, &err);
		if (ret != -1)
			fprintf(stderr, "no error for %s\n", bad[i]);
		CHECK_INT(ret, -1);
		CHECK_INT(err.kind, MX_ERR_SYNTAX);
		CHECK(err.line == 1 && err.col >= 1);
		mx_toks_release(&t);
	}
}

/* The message of the first error lexing src, as "line:col: message". */
static void lex_msg(const char *src, struct mx_buf *out)
{
	struct mx_toks t = MX_TOKS_INIT;
	struct mx_err err = MX_ERR_INIT;
	if (mx_exs_lex("t.exs", src, strlen(src), 0, 1, 0, false, &t, NULL, &err) < 0)
		mx_buf_addf(out, "%u:%u: %s", err.line, err.col, err.msg);
	else
		mx_buf_adds(out, "ok");
	mx_toks_release(&t);
}

#define CHECK_LEXMSG(src, want)                                                                    \
	do {                                                                                       \
		struct mx_buf b_ = MX_BUF_INIT;                                                    \
		lex_msg((src), &b_);                                                               \
		CHECK_STR(b_.buf, (want));                                                         \
		mx_buf_release(&b_);                                                               \
	} while (0)

TEST(terminators)
{
	/* paired as Elixir's tokenizer pairs them, before any parsing */
	CHECK_LEXMSG("[1, 2)",
	             "1:6: unexpected token: ). The \"[\" at line 1 is missing terminator \"]\"");
	CHECK_LEXMSG("x = )", "1:5: unexpected token: )");
	CHECK_LEXMSG("end", "1:1: unexpected reserved word: end");
	CHECK_LEXMSG(
	    "foo do\n  (\nend",
	    "3:1: unexpected reserved word: end. The \"(\" at line 2 is missing terminator \")\"");
	CHECK_LEXMSG("foo do\n  x", "2:4: missing terminator: end (for \"do\" starting at line 1)");
	CHECK_LEXMSG("%{a: <<1", "1:9: missing terminator: >> (for \"<<\" starting at line 1)");
	CHECK_LEXMSG("f(x # no end\n", "2:1: missing terminator: ) (for \"(\" starting at line 1)");
	CHECK_LEXMSG("f(x # no newline",
	             "1:5: missing terminator: ) (for \"(\" starting at line 1)");
	/* inside an interpolation the pairing starts afresh */
	CHECK_LEXMSG("\"#{)}\"", "1:4: unexpected token: )");
	CHECK_LEXMSG(
	    "\"a#{b",
	    "1:3: missing interpolation terminator: \"}\" (for string starting at line 1)");
	CHECK_LEXMSG("fn x -> fn y -> y end end", "ok");
	CHECK_LEXMSG("fn do x end",
	             "1:4: unexpected reserved word: do. Anonymous functions are written as:\n\n   "
	             " fn pattern -> expression end\n\nPlease remove the \"do\" keyword");
	struct mx_buf b = MX_BUF_INIT;
	lex_msg("if a, do b end", &b);
	CHECK(!strncmp(b.buf, "1:7: unexpected reserved word: do. In case", 42));
	mx_buf_release(&b);
	b = (struct mx_buf)MX_BUF_INIT;
	lex_msg("if a; do b end", &b);
	CHECK(!strncmp(b.buf, "1:7: unexpected reserved word: do. In case", 42));
	mx_buf_release(&b);
	CHECK_LEXMSG("if a and do b end", "ok"); /* the parser's to report */
}

TEST(unescape)
{
	struct mx_buf b = MX_BUF_INIT;
	CHECK_INT(mx_exs_unescape1("\\x41", 4, &b), 4);
	CHECK_INT(mx_exs_unescape1("\\u00e9", 6, &b), 6);
	CHECK_INT(mx_exs_unescape1("\\u{1F600}", 9, &b), 9);
	CHECK_INT(mx_exs_unescape1("\\n", 2, &b), 2);
	CHECK_INT(mx_exs_unescape1("\\s", 2, &b), 2);
	CHECK_INT(mx_exs_unescape1("\\q", 2, &b), 2);
	CHECK_STR(b.buf, "A\xc3\xa9\xf0\x9f\x98\x80\n q");
	CHECK_INT(mx_exs_unescape1("\\xZ1", 4, &b), 0);
	CHECK_INT(mx_exs_unescape1("\\u{}", 4, &b), 0);
	CHECK_INT(mx_exs_unescape1("\\u{110000}", 10, &b), 0);
	mx_buf_release(&b);
}

TEST(release_accepts_null)
{
	mx_toks_release(NULL);
	CHECK(1);
}

UNIT_MAIN()
