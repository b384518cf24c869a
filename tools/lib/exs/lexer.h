/*
 * lexer: Elixir source to tokens, one hand-written pass over the buffer.
 *
 * Internal to the exs reader (the parser is its main user; the EEx compiler
 * classifies tag code with mx_exs_lex_fragment). Tokens do not
 * copy text: they hold byte offsets into the source. Strings, heredocs,
 * sigils and quoted atoms are single tokens whose content span still holds
 * the raw text, escapes and #{...} included; the parser decodes them and
 * lexes each interpolation again with mx_exs_lex_sub. The lexer follows
 * elixir_tokenizer.erl's decisions where they matter to the grammar:
 * identifiers followed by `(` or `[` without space, `key:` keywords, `not in`,
 * `&1`, unary/binary +/- after an identifier (`foo -1` is a call), and which
 * operators continue the expression from the previous line.
 */
#ifndef MX_EXS_LEXER_H
#define MX_EXS_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../diag.h"

enum mx_tok_kind {
	MX_TOK_EOF,
	MX_TOK_EOL,         /* one or more newlines or ';' */
	MX_TOK_INT,         /* 42, 0x1f, 1_000 */
	MX_TOK_FLOAT,       /* 1.0e10 */
	MX_TOK_CHAR,        /* ?a, ?\n: a = code point */
	MX_TOK_ATOM,        /* :foo, :+, :Foo; text after the colon is [off+1, end) */
	MX_TOK_ATOM_Q,      /* :"..." : content [a, b) raw, delimiter c */
	MX_TOK_STRING,      /* "...": content [a, b) raw */
	MX_TOK_CHARLIST,    /* '...' */
	MX_TOK_HEREDOC,     /* """...""" or '''...''': content [a, b) raw (after the
	                       opening line, up to the closing line), c = indent,
	                       flag MX_TOKF_SQUOTE for ''' */
	MX_TOK_SIGIL,       /* ~name<delim>...<close>mods: see struct mx_tok */
	MX_TOK_ALIAS,       /* Foo */
	MX_TOK_IDENT,       /* foo, foo?, foo!, _x; also an operator used as a
	                       name (`&+/2`, Kernel.+(1, 2)) and a quoted name
	                       after a dot (MX_TOKF_QUOTED, content [a, b)) */
	MX_TOK_KW,          /* foo: (text [off, end - 1)), "foo": (MX_TOKF_QUOTED,
	                       content [a, b) raw) */
	MX_TOK_OP,          /* an operator: op holds enum mx_exs_op */
	MX_TOK_CAPTURE_INT, /* &1: a = the number */
	MX_TOK_LPAREN,
	MX_TOK_RPAREN,
	MX_TOK_LBRACKET,
	MX_TOK_RBRACKET,
	MX_TOK_LBRACE,
	MX_TOK_RBRACE,
	MX_TOK_LBITS,
	MX_TOK_RBITS,
	MX_TOK_PERCENT_BRACE, /* %{ */
	MX_TOK_PERCENT,       /* % (struct) */
	MX_TOK_COMMA,
	MX_TOK_DOT,
	MX_TOK_DOT_CALL, /* the dot of fun.(args) */
	MX_TOK_FN,
	MX_TOK_DO,
	MX_TOK_END,
	MX_TOK_BLOCK, /* else, after, rescue, catch */
	MX_TOK_TRUE,
	MX_TOK_FALSE,
	MX_TOK_NIL,
};

/* Operators, with their Elixir precedence (elixir_parser.yrl). */
enum mx_exs_op {
	MX_OP_NONE,
	MX_OP_AT,
	MX_OP_CAPTURE,
	MX_OP_BANG,
	MX_OP_CARET,
	MX_OP_TILDE3,
	MX_OP_NOT,
	MX_OP_PLUS,
	MX_OP_MINUS,
	MX_OP_MUL,
	MX_OP_DIV,
	MX_OP_POW,
	MX_OP_PLUSPLUS,
	MX_OP_MINUSMINUS,
	MX_OP_PLUS3,
	MX_OP_MINUS3,
	MX_OP_CONCAT,
	MX_OP_RANGE,
	MX_OP_TERNARY,
	MX_OP_XOR,
	MX_OP_IN,
	MX_OP_NOT_IN,
	MX_OP_PIPE_FWD,
	MX_OP_LSHIFT3,
	MX_OP_RSHIFT3,
	MX_OP_LTLTTILDE,
	MX_OP_TILDEGTGT,
	MX_OP_LTTILDE,
	MX_OP_TILDEGT,
	MX_OP_LTTILDEGT,
	MX_OP_LTPIPEGT,
	MX_OP_LT,
	MX_OP_GT,
	MX_OP_LE,
	MX_OP_GE,
	MX_OP_EQ,
	MX_OP_NE,
	MX_OP_MATCHES,
	MX_OP_STRICT_EQ,
	MX_OP_STRICT_NE,
	MX_OP_ANDAND,
	MX_OP_AND3,
	MX_OP_AND,
	MX_OP_OROR,
	MX_OP_OR3,
	MX_OP_OR,
	MX_OP_MATCH,
	MX_OP_ASSOC,
	MX_OP_PIPE,
	MX_OP_TYPE,
	MX_OP_WHEN,
	MX_OP_LARROW,
	MX_OP_DEFAULT,
	MX_OP_STAB,
	MX_OP_ELLIPSIS,
	MX_OP_COUNT
};

struct mx_exs_opinfo {
	const char *s;        /* spelling, as in the AST's op field */
	unsigned short prec;  /* binary precedence, 0 when not binary */
	unsigned short right; /* right associative */
	unsigned short unary; /* unary precedence, 0 when not unary */
};
extern const struct mx_exs_opinfo mx_exs_ops[MX_OP_COUNT];

enum {
	MX_TOKF_SPACE = 1 << 0,     /* whitespace right before the token */
	MX_TOKF_QUOTED = 1 << 1,    /* KW/IDENT written quoted */
	MX_TOKF_SQUOTE = 1 << 2,    /* ' rather than " (atoms, kw, heredocs) */
	MX_TOKF_OPIDENT = 1 << 3,   /* identifier followed by ` -x` / ` +x`:
	                               Elixir reads `foo -1` as foo(-1) */
	MX_TOKF_INTERP = 1 << 4,    /* content holds #{ */
	MX_TOKF_ESCAPE = 1 << 5,    /* content holds a backslash */
	MX_TOKF_NL_BEFORE = 1 << 6, /* a newline came right before (EOL dropped
	                               because this operator continues) */
	MX_TOKF_BIGINT = 1 << 7,    /* integer overflowed int64 */
};

struct mx_tok {
	unsigned char kind; /* enum mx_tok_kind */
	unsigned char op;   /* enum mx_exs_op for MX_TOK_OP */
	unsigned short flags;
	uint32_t off, end; /* token span in the source */
	uint32_t line, col;
	/* Kind-specific. Strings, quoted atoms, quoted keys and names,
	 * sigils: content span [a, b). HEREDOC: c = indentation of the
	 * closing quotes. SIGIL: c = closing delimiter | (heredoc indentation
	 * + 1) << 8 (0 above the low byte when not a heredoc); the name starts
	 * at off + 1 and the modifiers run from after the closing delimiter
	 * to end. STRING/KW/ATOM_Q: c = the quote. INT, FLOAT: the value in
	 * a (low) and b (high) bits, read with mx_tok_int/mx_tok_float. CHAR,
	 * CAPTURE_INT: a = the value. Kept to 32 bytes: a file has a token
	 * every five bytes or so. */
	uint32_t a, b, c;
};

static inline int64_t mx_tok_int(const struct mx_tok *t)
{
	return (int64_t)(((uint64_t)t->b << 32) | t->a);
}

static inline double mx_tok_float(const struct mx_tok *t)
{
	uint64_t u = ((uint64_t)t->b << 32) | t->a;
	double d;
	memcpy(&d, &u, sizeof(d));
	return d;
}

struct mx_toks {
	struct mx_tok *v;
	size_t n, alloc;
};
#define MX_TOKS_INIT                                                                               \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}
void mx_toks_release(struct mx_toks *t);

/*
 * Tokenizes src[off..len) into toks (appending; the last token is EOF). line
 * and line_start (the offset of that line's first byte) give the position of
 * off. With in_interp, stops at the `}` closing an interpolation and sets
 * *stop to the offset after it; else runs to len. Returns 0, or -1 with err
 * (MX_ERR_SYNTAX at file:line:col).
 */
int mx_exs_lex(const char *file, const char *src, size_t len, size_t off, unsigned line,
               size_t line_start, bool in_interp, struct mx_toks *toks, size_t *stop,
               struct mx_err *err);

/* As mx_exs_lex over the whole of src[0..len), but without pairing brackets
 * and do/fn ... end (elixir_tokenizer's check_terminators: false): for a
 * fragment of code such as the `if x do` of an EEx tag, which the EEx
 * compiler classifies by its tokens (tools/lib/eex). */
int mx_exs_lex_fragment(const char *file, const char *src, size_t len, struct mx_toks *toks,
                        struct mx_err *err);

/* Elixir's escape decoding (unescape_map) of one escape at s[0] == '\\'
 * within s[0..n): appends the bytes to out (an mx_buf) and returns the
 * number of source bytes consumed, or 0 for an invalid \x or \u escape. */
struct mx_buf;
size_t mx_exs_unescape1(const char *s, size_t n, struct mx_buf *out);

/* When the escape at s[0] == '\\' (within s[0..n)) is an invalid \x or \u
 * escape, writes Elixir's message for it to msg and returns 1; else 0. */
/* Bracket pairing, shared by the lexer's and the parser's "missing terminator"
 * and "unexpected token" messages: the text of an opening token ("(", "do",
 * "fn", "<<"...), the token kind that closes it (MX_TOK_END for do/fn), and
 * the text of a closing token. */
const char *mx_tok_opener_text(int kind);
int mx_tok_closer_for(int kind);
const char *mx_tok_closer_text(int kind);

int mx_exs_escape_error(const char *s, size_t n, char *msg, size_t msgsz);

/* Human-readable token for messages: "')'", "end", "\"foo\"", "foo". */
void mx_exs_tok_describe(const char *src, const struct mx_tok *t, struct mx_buf *out);

#endif
