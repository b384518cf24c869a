/* The Elixir tokenizer. Decisions follow elixir_tokenizer.erl; see lexer.h. */
#include "lexer.h"

#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../buf.h"

const struct mx_exs_opinfo mx_exs_ops[MX_OP_COUNT] = {
    [MX_OP_NONE] = {"", 0, 0, 0},           [MX_OP_AT] = {"@", 0, 0, 320},
    [MX_OP_CAPTURE] = {"&", 0, 0, 90},      [MX_OP_BANG] = {"!", 0, 0, 300},
    [MX_OP_CARET] = {"^", 0, 0, 300},       [MX_OP_TILDE3] = {"~~~", 0, 0, 300},
    [MX_OP_NOT] = {"not", 0, 0, 300},       [MX_OP_PLUS] = {"+", 210, 0, 300},
    [MX_OP_MINUS] = {"-", 210, 0, 300},     [MX_OP_MUL] = {"*", 220, 0, 0},
    [MX_OP_DIV] = {"/", 220, 0, 0},         [MX_OP_POW] = {"**", 230, 0, 0},
    [MX_OP_PLUSPLUS] = {"++", 200, 1, 0},   [MX_OP_MINUSMINUS] = {"--", 200, 1, 0},
    [MX_OP_PLUS3] = {"+++", 200, 1, 0},     [MX_OP_MINUS3] = {"---", 200, 1, 0},
    [MX_OP_CONCAT] = {"<>", 200, 1, 0},     [MX_OP_RANGE] = {"..", 200, 1, 0},
    [MX_OP_TERNARY] = {"//", 190, 1, 0},    [MX_OP_XOR] = {"^^^", 180, 0, 0},
    [MX_OP_IN] = {"in", 170, 0, 0},         [MX_OP_NOT_IN] = {"not in", 170, 0, 0},
    [MX_OP_PIPE_FWD] = {"|>", 160, 0, 0},   [MX_OP_LSHIFT3] = {"<<<", 160, 0, 0},
    [MX_OP_RSHIFT3] = {">>>", 160, 0, 0},   [MX_OP_LTLTTILDE] = {"<<~", 160, 0, 0},
    [MX_OP_TILDEGTGT] = {"~>>", 160, 0, 0}, [MX_OP_LTTILDE] = {"<~", 160, 0, 0},
    [MX_OP_TILDEGT] = {"~>", 160, 0, 0},    [MX_OP_LTTILDEGT] = {"<~>", 160, 0, 0},
    [MX_OP_LTPIPEGT] = {"<|>", 160, 0, 0},  [MX_OP_LT] = {"<", 150, 0, 0},
    [MX_OP_GT] = {">", 150, 0, 0},          [MX_OP_LE] = {"<=", 150, 0, 0},
    [MX_OP_GE] = {">=", 150, 0, 0},         [MX_OP_EQ] = {"==", 140, 0, 0},
    [MX_OP_NE] = {"!=", 140, 0, 0},         [MX_OP_MATCHES] = {"=~", 140, 0, 0},
    [MX_OP_STRICT_EQ] = {"===", 140, 0, 0}, [MX_OP_STRICT_NE] = {"!==", 140, 0, 0},
    [MX_OP_ANDAND] = {"&&", 130, 0, 0},     [MX_OP_AND3] = {"&&&", 130, 0, 0},
    [MX_OP_AND] = {"and", 130, 0, 0},       [MX_OP_OROR] = {"||", 120, 0, 0},
    [MX_OP_OR3] = {"|||", 120, 0, 0},       [MX_OP_OR] = {"or", 120, 0, 0},
    [MX_OP_MATCH] = {"=", 100, 1, 0},       [MX_OP_ASSOC] = {"=>", 80, 1, 0},
    [MX_OP_PIPE] = {"|", 70, 1, 0},         [MX_OP_TYPE] = {"::", 60, 1, 0},
    [MX_OP_WHEN] = {"when", 50, 1, 0},      [MX_OP_LARROW] = {"<-", 40, 0, 0},
    [MX_OP_DEFAULT] = {"\\\\", 40, 0, 0},   [MX_OP_STAB] = {"->", 0, 0, 0},
    [MX_OP_ELLIPSIS] = {"...", 0, 0, 0},
};

/* Operator spellings, longest first so a greedy scan picks `===` over `==`. */
static const struct {
	const char *s;
	unsigned char len, op;
} op_spellings[] = {
    {"===", 3, MX_OP_STRICT_EQ}, {"!==", 3, MX_OP_STRICT_NE}, {"&&&", 3, MX_OP_AND3},
    {"|||", 3, MX_OP_OR3},       {"<<<", 3, MX_OP_LSHIFT3},   {">>>", 3, MX_OP_RSHIFT3},
    {"<<~", 3, MX_OP_LTLTTILDE}, {"~>>", 3, MX_OP_TILDEGTGT}, {"<~>", 3, MX_OP_LTTILDEGT},
    {"<|>", 3, MX_OP_LTPIPEGT},  {"^^^", 3, MX_OP_XOR},       {"+++", 3, MX_OP_PLUS3},
    {"---", 3, MX_OP_MINUS3},    {"~~~", 3, MX_OP_TILDE3},    {"...", 3, MX_OP_ELLIPSIS},
    {"==", 2, MX_OP_EQ},         {"!=", 2, MX_OP_NE},         {"=~", 2, MX_OP_MATCHES},
    {"<=", 2, MX_OP_LE},         {">=", 2, MX_OP_GE},         {"&&", 2, MX_OP_ANDAND},
    {"||", 2, MX_OP_OROR},       {"|>", 2, MX_OP_PIPE_FWD},   {"<~", 2, MX_OP_LTTILDE},
    {"~>", 2, MX_OP_TILDEGT},    {"<-", 2, MX_OP_LARROW},     {"\\\\", 2, MX_OP_DEFAULT},
    {"++", 2, MX_OP_PLUSPLUS},   {"--", 2, MX_OP_MINUSMINUS}, {"<>", 2, MX_OP_CONCAT},
    {"**", 2, MX_OP_POW},        {"->", 2, MX_OP_STAB},       {"..", 2, MX_OP_RANGE},
    {"::", 2, MX_OP_TYPE},       {"=>", 2, MX_OP_ASSOC},      {"//", 2, MX_OP_TERNARY},
    {"@", 1, MX_OP_AT},          {"&", 1, MX_OP_CAPTURE},     {"!", 1, MX_OP_BANG},
    {"^", 1, MX_OP_CARET},       {"+", 1, MX_OP_PLUS},        {"-", 1, MX_OP_MINUS},
    {"*", 1, MX_OP_MUL},         {"/", 1, MX_OP_DIV},         {"<", 1, MX_OP_LT},
    {">", 1, MX_OP_GT},          {"=", 1, MX_OP_MATCH},       {"|", 1, MX_OP_PIPE},
};

/* Nesting of interpolations inside strings inside interpolations... */
enum { MAX_INTERP_DEPTH = 200 };

struct lexer {
	const char *file;
	const char *s;
	size_t n, p;
	unsigned line;
	size_t ls;           /* offset of the current line's first byte */
	struct mx_toks *out; /* NULL while skipping an interpolation */
	struct mx_err *err;
	int depth;
	/* The previous token, kept here because skipping does not store. */
	int prev_kind, prev_op;
	size_t prev_end;
	/* Column cache: columns count code points (as Elixir's do), so they
	 * are counted from the line start; tokens come in order, so counting
	 * on from the last one keeps this linear. */
	size_t cc_ls, cc_off;
	unsigned cc_col;
	size_t eof_at; /* when not 0: position reported for end of file */
	/* Escape checking of the string being scanned (see note_escape). */
	int check_esc;
	char esc_msg[160];
	/* The last token pushed, for the terminator checks of lex_run. */
	unsigned long pushed;
	/* No pairing of brackets and do/fn ... end at the top level
	 * (elixir_tokenizer's check_terminators: false). */
	bool fragment;
	unsigned last_line, last_col;
	size_t last_off;
};

/* Open ( [ { %{ << do fn of one lex_run, innermost last: Elixir's tokenizer
 * pairs them as it goes, so a stray `end` is reported before any error the
 * rest of the file holds. */
struct opener {
	unsigned char kind;
	unsigned line;
};
struct openers {
	struct opener *v;
	size_t n, alloc;
};

void mx_toks_release(struct mx_toks *t)
{
	if (!t)
		return;
	free(t->v);
	t->v = NULL;
	t->n = t->alloc = 0;
}

static int is_ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}

/* Code points that are symbols or punctuation, never part of an identifier
 * (a rough cut of Unicode's XID classes, enough for the characters that
 * stray into code: dashes, quotes, arrows, emoji, no-break space). */
static int is_symbol_cp(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0xbf && cp != 0xaa && cp != 0xb5 && cp != 0xba) || cp == 0xd7 ||
	       cp == 0xf7 || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x2190 && cp <= 0x2bff) ||
	       (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	       (cp >= 0xfff0 && cp <= 0xffff) || (cp >= 0x1f000 && cp <= 0x1faff);
}

static int is_ident_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c >= 0x80;
}

static int is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}
static int is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}
static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}
static int is_hex(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int peekc(const struct lexer *lx, size_t k)
{
	return lx->p + k < lx->n ? (unsigned char)lx->s[lx->p + k] : -1;
}

static unsigned count_cols(const char *s, size_t a, size_t b)
{
	unsigned n = 0;
	for (size_t i = a; i < b; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

static unsigned colof(struct lexer *lx, size_t off)
{
	if (off < lx->ls)
		return 1;
	if (lx->cc_ls != lx->ls || off < lx->cc_off) {
		lx->cc_ls = lx->ls;
		lx->cc_off = lx->ls;
		lx->cc_col = 1;
	}
	lx->cc_col += count_cols(lx->s, lx->cc_off, off);
	lx->cc_off = off;
	return lx->cc_col;
}

static int lex_error(struct lexer *lx, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int lex_error(struct lexer *lx, size_t off, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* off may sit on an earlier line than lx->line (a string's start);
	 * recompute the position from the offset. */
	unsigned line = lx->line;
	size_t ls = lx->ls;
	if (off < ls) {
		line = lx->line;
		ls = off;
		while (ls > 0 && lx->s[ls - 1] != '\n')
			ls--;
		for (size_t i = off; i < lx->ls; i++)
			if (lx->s[i] == '\n')
				line--;
	}
	return mx_err_at(lx->err, MX_ERR_SYNTAX, lx->file, line, 1 + count_cols(lx->s, ls, off),
	                 "%s", msg);
}

static void newline_at(struct lexer *lx, size_t nl)
{
	lx->line++;
	lx->ls = nl + 1;
}

static void set_int(struct mx_tok *t, int64_t v)
{
	t->a = (uint32_t)((uint64_t)v & 0xffffffffu);
	t->b = (uint32_t)((uint64_t)v >> 32);
}

static void set_float(struct mx_tok *t, double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof(u));
	t->a = (uint32_t)(u & 0xffffffffu);
	t->b = (uint32_t)(u >> 32);
}

static struct mx_tok *push(struct lexer *lx, int kind, size_t off)
{
	static struct mx_tok scratch;
	struct mx_tok *t;
	if (lx->out) {
		MX_ALLOC_GROW(lx->out->v, lx->out->n + 1, lx->out->alloc);
		t = &lx->out->v[lx->out->n++];
	} else {
		t = &scratch;
	}
	memset(t, 0, sizeof(*t));
	t->kind = (unsigned char)kind;
	t->off = (uint32_t)off;
	t->line = lx->line;
	t->col = colof(lx, off);
	lx->pushed++;
	lx->last_line = t->line;
	lx->last_col = t->col;
	lx->last_off = off;
	if (off > 0 && off == lx->p && off <= lx->n &&
	    (lx->s[off - 1] == ' ' || lx->s[off - 1] == '\t' || lx->s[off - 1] == '\n' ||
	     lx->s[off - 1] == '\r'))
		t->flags |= MX_TOKF_SPACE;
	lx->prev_kind = kind;
	lx->prev_op = 0;
	return t;
}

static void finish(struct lexer *lx, struct mx_tok *t)
{
	t->end = (uint32_t)lx->p;
	lx->prev_end = lx->p;
	lx->prev_op = t->op;
}

/* Operators that, written first on a line, continue the previous one
 * (elixir_tokenizer's add_token_with_eol): all binary operators but the
 * dual +/- and the unary ones. */
static int continues_line(int op)
{
	switch (op) {
	case MX_OP_AT:
	case MX_OP_CAPTURE:
	case MX_OP_BANG:
	case MX_OP_CARET:
	case MX_OP_TILDE3:
	case MX_OP_NOT:
	case MX_OP_PLUS:
	case MX_OP_MINUS:
	case MX_OP_ELLIPSIS:
		return 0;
	default:
		return 1;
	}
}

/* Drops a trailing EOL token: the next token continues the expression. */
static unsigned drop_eol(struct lexer *lx)
{
	/* only newlines: `a ; || b` stays two expressions (an error) */
	if (lx->out && lx->out->n && lx->out->v[lx->out->n - 1].kind == MX_TOK_EOL &&
	    lx->s[lx->out->v[lx->out->n - 1].off] != ';') {
		lx->out->n--;
		return MX_TOKF_NL_BEFORE;
	}
	return 0;
}

static int lex_run(struct lexer *lx, bool in_interp, size_t *stop);

/* lex_run's result for an interpolation that reached the end of the file. */
enum { UNTERMINATED_INTERP = -2 };

/* Skips #{...} starting at lx->p (just after the `#{`), lexing the code
 * inside without keeping its tokens. what/sline name the string for the
 * message when the interpolation never ends. */
static int skip_interp(struct lexer *lx, const char *what, unsigned sline)
{
	if (lx->depth >= MAX_INTERP_DEPTH)
		return lex_error(lx, lx->p, "interpolation nested too deeply");
	struct mx_toks *saved_out = lx->out;
	int pk = lx->prev_kind, po = lx->prev_op;
	size_t hash = lx->p - 2;
	unsigned hline = lx->line;
	size_t hls = lx->ls;
	int saved_check = lx->check_esc;
	char saved_msg[sizeof(lx->esc_msg)];
	memcpy(saved_msg, lx->esc_msg, sizeof(saved_msg));
	lx->esc_msg[0] = '\0';
	lx->out = NULL;
	lx->depth++;
	size_t stop = 0;
	int ret = lex_run(lx, true, &stop);
	lx->depth--;
	lx->out = saved_out;
	lx->prev_kind = pk;
	lx->prev_op = po;
	lx->check_esc = saved_check;
	memcpy(lx->esc_msg, saved_msg, sizeof(saved_msg));
	if (ret == UNTERMINATED_INTERP) {
		lx->line = hline;
		lx->ls = hls;
		return lex_error(
		    lx, hash,
		    "missing interpolation terminator: \"}\" (for %s starting at line %u)", what,
		    sline);
	}
	if (ret < 0)
		return ret;
	lx->p = stop;
	return 0;
}

/* When the escape at s[0] == '\\' is an invalid \x or \u one, writes
 * Elixir's message to msg and returns 1. */
int mx_exs_escape_error(const char *s, size_t n, char *msg, size_t msgsz)
{
	struct mx_buf tmp = MX_BUF_INIT;
	if (n < 2 || (s[1] != 'x' && s[1] != 'u'))
		return 0;
	size_t used = mx_exs_unescape1(s, n, &tmp);
	mx_buf_release(&tmp);
	if (used)
		return 0;
	if (s[1] == 'x') {
		snprintf(msg, msgsz,
		         "invalid hex escape character, expected \\xHH where H is a hexadecimal "
		         "digit. Syntax error after: \\x");
		return 1;
	}
	size_t k = 3;
	while (k < n && k < 12 && is_hex((unsigned char)s[k]))
		k++;
	if (n > 3 && s[2] == '{' && k > 3 && k < n && s[k] == '}')
		snprintf(
		    msg, msgsz,
		    "invalid or reserved Unicode code point \\u{%.*s}. Syntax error after: \\u",
		    (int)(k - 3), s + 3);
	else
		snprintf(msg, msgsz,
		         "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is "
		         "a hexadecimal digit. Syntax error after: \\u");
	return 1;
}

/* Elixir unescapes strings, charlists and quoted atoms while tokenizing,
 * so a bad \x or \u there is an error before anything after the string. */
static void note_escape(struct lexer *lx, size_t at)
{
	if (lx->check_esc && !lx->esc_msg[0])
		mx_exs_escape_error(lx->s + at, lx->n - at, lx->esc_msg, sizeof(lx->esc_msg));
}

/* Reports a bad escape noted while scanning the string that started at
 * (line, col); returns 0 when there was none. */
static int escape_failed(struct lexer *lx, unsigned line, unsigned col)
{
	if (!lx->esc_msg[0])
		return 0;
	int r = mx_err_at(lx->err, MX_ERR_SYNTAX, lx->file, line, col, "%s", lx->esc_msg);
	lx->esc_msg[0] = '\0';
	return r;
}

/* Scans string content up to the closing delimiter close (a single char),
 * starting at lx->p. interp: #{ starts an interpolation. Leaves lx->p after
 * the delimiter; *cend is the content end. */
static int scan_quoted(struct lexer *lx, int close, bool interp, size_t start, const char *what,
                       unsigned *flags, size_t *cend)
{
	unsigned sline = lx->line;
	while (lx->p < lx->n) {
		unsigned char c = (unsigned char)lx->s[lx->p];
		if (c == close) {
			*cend = lx->p;
			lx->p++;
			return 0;
		}
		if (c == '\\') {
			*flags |= MX_TOKF_ESCAPE;
			note_escape(lx, lx->p);
			if (lx->p + 1 < lx->n) {
				if (lx->s[lx->p + 1] == '\n')
					newline_at(lx, lx->p + 1);
				lx->p += 2;
			} else {
				lx->p++;
			}
			continue;
		}
		if (c == '\n')
			newline_at(lx, lx->p);
		if (interp && c == '#' && peekc(lx, 1) == '{') {
			*flags |= MX_TOKF_INTERP;
			lx->p += 2;
			if (skip_interp(lx, what, sline) < 0)
				return -1;
			continue;
		}
		lx->p++;
	}
	(void)start;
	return mx_err_at(lx->err, MX_ERR_SYNTAX, lx->file, lx->line, colof(lx, lx->p),
	                 "missing terminator: %c (for %s starting at line %u)", close, what, sline);
}

/* A heredoc body: lx->p is just after the opening triple quote. On success
 * content is [*cstart, *cend) and *indent the closing line's indentation. */
static int scan_heredoc(struct lexer *lx, int q, bool interp, size_t open, size_t *cstart,
                        size_t *cend, unsigned *indent, unsigned *flags)
{
	unsigned sline = lx->line;
	/* Only whitespace may follow the opening on its line. */
	while (lx->p < lx->n && (lx->s[lx->p] == ' ' || lx->s[lx->p] == '\t'))
		lx->p++;
	if (lx->p < lx->n && lx->s[lx->p] == '\r' && peekc(lx, 1) == '\n')
		lx->p++;
	if (lx->p >= lx->n || lx->s[lx->p] != '\n')
		return mx_err_at(lx->err, MX_ERR_SYNTAX, lx->file, lx->line, colof(lx, open) + 3,
		                 "heredoc allows only whitespace characters followed by a new line "
		                 "after opening %c%c%c",
		                 q, q, q);
	newline_at(lx, lx->p);
	lx->p++;
	*cstart = lx->p;
	for (;;) {
		/* At a line start: is this the closing line? */
		size_t ls = lx->p, k = lx->p;
		while (k < lx->n && (lx->s[k] == ' ' || lx->s[k] == '\t'))
			k++;
		if (k + 2 < lx->n && lx->s[k] == q && lx->s[k + 1] == q && lx->s[k + 2] == q) {
			*cend = ls;
			*indent = (unsigned)(k - ls);
			lx->p = k + 3;
			return 0;
		}
		/* Scan one line (interpolations may span several). */
		while (lx->p < lx->n && lx->s[lx->p] != '\n') {
			unsigned char c = (unsigned char)lx->s[lx->p];
			if (c == '\\') {
				*flags |= MX_TOKF_ESCAPE;
				note_escape(lx, lx->p);
				if (lx->p + 1 < lx->n && lx->s[lx->p + 1] == '\n') {
					/* an escaped newline ends the line too */
					lx->p++;
					break;
				}
				lx->p += lx->p + 1 < lx->n ? 2 : 1;
				continue;
			}
			if (interp && c == '#' && peekc(lx, 1) == '{') {
				*flags |= MX_TOKF_INTERP;
				lx->p += 2;
				if (skip_interp(lx, "heredoc", sline) < 0)
					return -1;
				continue;
			}
			lx->p++;
		}
		if (lx->p >= lx->n)
			break;
		newline_at(lx, lx->p);
		lx->p++;
	}
	return mx_err_at(lx->err, MX_ERR_SYNTAX, lx->file, lx->line, colof(lx, lx->p),
	                 "missing terminator: %c%c%c (for heredoc starting at line %u)", q, q, q,
	                 sline);
}

/* Decimal, hex, octal, binary integers and floats. */
static int lex_number(struct lexer *lx)
{
	size_t start = lx->p;
	struct mx_tok *t;
	int c1 = peekc(lx, 1);
	if (lx->s[lx->p] == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
		int base = c1 == 'x' ? 16 : c1 == 'o' ? 8 : 2;
		int d = peekc(lx, 2);
		int ok = base == 16  ? (d >= 0 && is_hex((unsigned char)d))
		         : base == 8 ? (d >= '0' && d <= '7')
		                     : (d == '0' || d == '1');
		if (ok) {
			lx->p += 2;
			uint64_t v = 0;
			int big = 0;
			while (lx->p < lx->n) {
				unsigned char c = (unsigned char)lx->s[lx->p];
				int dv;
				if (c == '_' && lx->p + 1 < lx->n &&
				    is_hex((unsigned char)lx->s[lx->p + 1])) {
					lx->p++;
					continue;
				}
				if (is_digit(c))
					dv = c - '0';
				else if (c >= 'a' && c <= 'f')
					dv = c - 'a' + 10;
				else if (c >= 'A' && c <= 'F')
					dv = c - 'A' + 10;
				else
					break;
				if (dv >= base)
					break;
				if (v > (UINT64_MAX - (uint64_t)dv) / (uint64_t)base)
					big = 1;
				v = v * (uint64_t)base + (uint64_t)dv;
				lx->p++;
			}
			if (v > INT64_MAX)
				big = 1;
			t = push(lx, MX_TOK_INT, start);
			set_int(t, big ? 0 : (int64_t)v);
			if (big)
				t->flags |= MX_TOKF_BIGINT;
			finish(lx, t);
			return 0;
		}
	}
	int is_float = 0;
	char buf[128];
	size_t bl = 0;
	int toolong = 0;
#define ADD(ch)                                                                                    \
	do {                                                                                       \
		if (bl < sizeof(buf) - 1)                                                          \
			buf[bl++] = (char)(ch);                                                    \
		else                                                                               \
			toolong = 1;                                                               \
	} while (0)
	while (lx->p < lx->n) {
		unsigned char c = (unsigned char)lx->s[lx->p];
		int n1 = peekc(lx, 1), n2 = peekc(lx, 2);
		if (is_digit(c)) {
			ADD(c);
			lx->p++;
		} else if (c == '_' && n1 >= 0 && is_digit((unsigned char)n1)) {
			lx->p++;
		} else if (c == '.' && !is_float && n1 >= 0 && is_digit((unsigned char)n1)) {
			is_float = 1;
			ADD('.');
			lx->p++;
		} else if (is_float && (c == 'e' || c == 'E') &&
		           ((n1 >= 0 && is_digit((unsigned char)n1)) ||
		            ((n1 == '+' || n1 == '-') && n2 >= 0 && is_digit((unsigned char)n2)))) {
			ADD('e');
			lx->p++;
			if (n1 == '+' || n1 == '-') {
				ADD(n1);
				lx->p++;
			}
			/* digits after the exponent follow in the loop */
		} else {
			break;
		}
	}
#undef ADD
	buf[bl] = '\0';
	if (lx->p < lx->n) {
		unsigned char c = (unsigned char)lx->s[lx->p];
		if (is_upper(c) || is_lower(c) || c == '_')
			return lex_error(
			    lx, start,
			    "invalid character \"%c\" after number %.*s. If you intended to write "
			    "a number, make sure to separate the number from the character (using "
			    "comma, space, etc). If you meant to write a function name or a "
			    "variable, note that identifiers in Elixir cannot start with numbers. "
			    "Unexpected token: %c",
			    c, (int)(lx->p - start), lx->s + start, c);
	}
	if (is_float) {
		t = push(lx, MX_TOK_FLOAT, start);
		if (toolong) {
			/* Only absurd literals get here; keep it finite. */
			set_float(t, 0);
		} else {
			errno = 0;
			double d = strtod(buf, NULL);
			set_float(t, d);
			if (errno == ERANGE && (d > 1 || d < -1))
				return lex_error(lx, start, "invalid float number %s", buf);
		}
	} else {
		t = push(lx, MX_TOK_INT, start);
		uint64_t v = 0;
		int big = toolong;
		for (size_t i = 0; i < bl && !big; i++) {
			unsigned d = (unsigned)(buf[i] - '0');
			if (v > (UINT64_MAX - d) / 10)
				big = 1;
			v = v * 10 + d;
		}
		if (v > INT64_MAX)
			big = 1;
		set_int(t, big ? 0 : (int64_t)v);
		if (big)
			t->flags |= MX_TOKF_BIGINT;
	}
	finish(lx, t);
	return 0;
}

/* Decodes one UTF-8 sequence at s[0..n); returns its length (1 for an
 * invalid byte, taken as is) and stores the code point. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
	if (len > n)
		len = 1;
	if (len == 1) {
		*cp = c;
		return 1;
	}
	uint32_t v = c & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = c;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3f);
	}
	*cp = v;
	return len;
}

static int unescape_char(int c)
{
	switch (c) {
	case '0':
		return 0;
	case 'a':
		return 7;
	case 'b':
		return 8;
	case 'd':
		return 127;
	case 'e':
		return 27;
	case 'f':
		return 12;
	case 'n':
		return 10;
	case 'r':
		return 13;
	case 's':
		return 32;
	case 't':
		return 9;
	case 'v':
		return 11;
	default:
		return c;
	}
}

/* The ?c character literal. */
static int lex_char(struct lexer *lx)
{
	size_t start = lx->p;
	struct mx_tok *t;
	lx->p++; /* ? */
	if (lx->p >= lx->n)
		return lex_error(lx, start,
		                 "unexpected token: \"?\" (column %u, code point U+003F)",
		                 colof(lx, start));
	uint32_t cp;
	if (lx->s[lx->p] == '\\' && lx->p + 1 < lx->n) {
		size_t l =
		    utf8_decode((const unsigned char *)lx->s + lx->p + 1, lx->n - lx->p - 1, &cp);
		if (l == 1)
			cp = (uint32_t)unescape_char((unsigned char)lx->s[lx->p + 1]);
		if (lx->s[lx->p + 1] == '\n')
			newline_at(lx, lx->p + 1);
		lx->p += 1 + l;
	} else {
		size_t l = utf8_decode((const unsigned char *)lx->s + lx->p, lx->n - lx->p, &cp);
		if (lx->s[lx->p] == '\n')
			newline_at(lx, lx->p);
		lx->p += l;
	}
	t = push(lx, MX_TOK_CHAR, start);
	t->line = lx->line; /* ?\n moved the line: keep the start's */
	t->a = cp;
	finish(lx, t);
	return 0;
}

/* Horizontal space and backslash-newline continuations. */
static void skip_hspace(struct lexer *lx)
{
	while (lx->p < lx->n) {
		char c = lx->s[lx->p];
		if (c == ' ' || c == '\t') {
			lx->p++;
		} else if (c == '\\' && lx->p + 1 < lx->n && lx->s[lx->p + 1] == '\n' &&
		           lx->p + 2 < lx->n) {
			newline_at(lx, lx->p + 1);
			lx->p += 2;
		} else if (c == '\\' && lx->p + 2 < lx->n && lx->s[lx->p + 1] == '\r' &&
		           lx->s[lx->p + 2] == '\n' && lx->p + 3 < lx->n) {
			newline_at(lx, lx->p + 2);
			lx->p += 3;
		} else {
			break;
		}
	}
}

/* Whitespace, newlines and comments after a `.` (Elixir allows the call to
 * go on on the next line). */
static void skip_after_dot(struct lexer *lx)
{
	for (;;) {
		skip_hspace(lx);
		if (lx->p >= lx->n)
			return;
		char c = lx->s[lx->p];
		if (c == '\n') {
			newline_at(lx, lx->p);
			lx->p++;
		} else if (c == '\r' && peekc(lx, 1) == '\n') {
			lx->p++;
		} else if (c == '#') {
			while (lx->p < lx->n && lx->s[lx->p] != '\n')
				lx->p++;
		} else {
			return;
		}
	}
}

static int match_op(const struct lexer *lx, size_t *len)
{
	const char *s = lx->s + lx->p;
	size_t rem = lx->n - lx->p;
	/* Only these characters start an operator: skip the table scan for
	 * everything else. */
	if (!rem || !s[0] || !strchr("=!&|<>~^+-*/@.:\\", s[0]))
		return 0;
	for (size_t i = 0; i < sizeof(op_spellings) / sizeof(op_spellings[0]); i++) {
		if (op_spellings[i].s[0] != s[0])
			continue;
		size_t l = op_spellings[i].len;
		if (l <= rem && !memcmp(s, op_spellings[i].s, l)) {
			*len = l;
			return op_spellings[i].op;
		}
	}
	return 0;
}

/* `name: ` with a space (or newline) after the colon. */
static int kw_colon_at(const struct lexer *lx, size_t at)
{
	return at + 1 < lx->n && lx->s[at] == ':' && is_space((unsigned char)lx->s[at + 1]);
}

static int keyword_kind(const char *s, size_t len, int *op)
{
	*op = 0;
	switch (len) {
	case 2:
		if (!memcmp(s, "fn", 2))
			return MX_TOK_FN;
		if (!memcmp(s, "do", 2))
			return MX_TOK_DO;
		if (!memcmp(s, "in", 2)) {
			*op = MX_OP_IN;
			return MX_TOK_OP;
		}
		if (!memcmp(s, "or", 2)) {
			*op = MX_OP_OR;
			return MX_TOK_OP;
		}
		break;
	case 3:
		if (!memcmp(s, "end", 3))
			return MX_TOK_END;
		if (!memcmp(s, "nil", 3))
			return MX_TOK_NIL;
		if (!memcmp(s, "and", 3)) {
			*op = MX_OP_AND;
			return MX_TOK_OP;
		}
		if (!memcmp(s, "not", 3)) {
			*op = MX_OP_NOT;
			return MX_TOK_OP;
		}
		break;
	case 4:
		if (!memcmp(s, "true", 4))
			return MX_TOK_TRUE;
		if (!memcmp(s, "when", 4)) {
			*op = MX_OP_WHEN;
			return MX_TOK_OP;
		}
		if (!memcmp(s, "else", 4))
			return MX_TOK_BLOCK;
		break;
	case 5:
		if (!memcmp(s, "false", 5))
			return MX_TOK_FALSE;
		if (!memcmp(s, "after", 5))
			return MX_TOK_BLOCK;
		if (!memcmp(s, "catch", 5))
			return MX_TOK_BLOCK;
		break;
	case 6:
		if (!memcmp(s, "rescue", 6))
			return MX_TOK_BLOCK;
		break;
	}
	return 0;
}

/* After an operator: `op/` makes it a name (&+/2), `op: ` a keyword key. */
static int lex_operator(struct lexer *lx, int op, size_t len)
{
	size_t start = lx->p;
	struct mx_tok *t;
	lx->p += len;
	if (kw_colon_at(lx, lx->p)) {
		t = push(lx, MX_TOK_KW, start);
		lx->p++;
		finish(lx, t);
		return 0;
	}
	size_t k = lx->p;
	while (k < lx->n && (lx->s[k] == ' ' || lx->s[k] == '\t'))
		k++;
	if (op != MX_OP_DIV && op != MX_OP_TERNARY && op != MX_OP_STAB && op != MX_OP_ELLIPSIS &&
	    k < lx->n && lx->s[k] == '/' && lx->prev_kind != MX_TOK_DOT) {
		/* `&` then `//`: capture of the // operator; `+/2`: a name. */
		if (op == MX_OP_CAPTURE && k + 1 < lx->n && lx->s[k + 1] == '/')
			goto as_op;
		t = push(lx, MX_TOK_IDENT, start);
		finish(lx, t);
		return 0;
	}
	if (lx->prev_kind == MX_TOK_DOT) {
		/* Kernel.+(1, 2): the operator is the function's name. */
		t = push(lx, MX_TOK_IDENT, start);
		finish(lx, t);
		return 0;
	}
as_op:;
	unsigned nl = 0;
	if (continues_line(op))
		nl = drop_eol(lx);
	t = push(lx, MX_TOK_OP, start);
	t->op = (unsigned char)op;
	t->flags |= (unsigned short)nl;
	finish(lx, t);
	return 0;
}

/* Elixir's message for a character that can start no token. Erlang's ~4.16.0B
 * prints code points above U+FFFF as ****, and so do we. */
static int unexpected_cp(struct lexer *lx, size_t at, size_t len, uint32_t cp)
{
	char hex[16];
	if (cp > 0xffff)
		snprintf(hex, sizeof(hex), "****");
	else
		snprintf(hex, sizeof(hex), "%04X", cp);
	return lex_error(lx, at, "unexpected token: \"%.*s\" (column %u, code point U+%s)",
	                 (int)len, lx->s + at, colof(lx, at), hex);
}

static int lex_identifier(struct lexer *lx)
{
	size_t start = lx->p;
	struct mx_tok *t;
	int alias = is_upper((unsigned char)lx->s[lx->p]);
	int has_at = 0;
	uint32_t cp;
	size_t first = 1;
	if ((unsigned char)lx->s[lx->p] >= 0x80) {
		first = utf8_decode((const unsigned char *)lx->s + lx->p, lx->n - lx->p, &cp);
		if (is_symbol_cp(cp) || first == 1)
			return unexpected_cp(lx, start, first, cp);
	}
	lx->p += first;
	while (lx->p < lx->n) {
		unsigned char c = (unsigned char)lx->s[lx->p];
		if (c >= 0x80) {
			size_t l =
			    utf8_decode((const unsigned char *)lx->s + lx->p, lx->n - lx->p, &cp);
			if (is_symbol_cp(cp) || l == 1)
				break; /* the symbol is the next token's problem */
			lx->p += l;
			continue;
		}
		if (!is_ident_char(c) && c != '@')
			break;
		has_at |= c == '@';
		lx->p++;
	}
	if (!alias && lx->p < lx->n && (lx->s[lx->p] == '?' || lx->s[lx->p] == '!'))
		lx->p++;
	size_t len = lx->p - start;
	if (has_at && !(lx->p < lx->n && lx->s[lx->p] == ':' && kw_colon_at(lx, lx->p)))
		return lex_error(lx, start,
		                 "invalid character \"@\" (code point U+0040) in %s: %.*s",
		                 alias ? "alias" : "identifier", (int)len, lx->s + start);
	if (alias && lx->p < lx->n && (lx->s[lx->p] == '?' || lx->s[lx->p] == '!'))
		return lex_error(
		    lx, start,
		    "invalid character \"%c\" (code point U+%04X) in alias (only ASCII "
		    "characters, without punctuation, are allowed): %.*s%c",
		    lx->s[lx->p], (unsigned char)lx->s[lx->p], (int)len, lx->s + start,
		    lx->s[lx->p]);
	if (lx->p < lx->n && lx->s[lx->p] == ':' && kw_colon_at(lx, lx->p)) {
		t = push(lx, MX_TOK_KW, start);
		lx->p++;
		finish(lx, t);
		return 0;
	}
	if (lx->p + 1 < lx->n && lx->s[lx->p] == ':' && lx->s[lx->p + 1] != ':')
		return lex_error(
		    lx, start, "keyword argument must be followed by space after: %.*s:", (int)len,
		    lx->s + start);
	if (alias) {
		for (size_t i = start; i < lx->p; i++)
			if ((unsigned char)lx->s[i] >= 0x80) {
				size_t cl =
				    utf8_decode((const unsigned char *)lx->s + i, lx->p - i, &cp);
				return lex_error(
				    lx, start,
				    "invalid character \"%.*s\" (code point U+%04X) in alias (only "
				    "ASCII characters, without punctuation, are allowed): %.*s",
				    (int)cl, lx->s + i, cp, (int)len, lx->s + start);
			}
		t = push(lx, MX_TOK_ALIAS, start);
		finish(lx, t);
		return 0;
	}
	if (lx->prev_kind != MX_TOK_DOT &&
	    !(lx->p + 1 < lx->n && lx->s[lx->p] == ':' && lx->s[lx->p + 1] != ':')) {
		int op;
		int kind = keyword_kind(lx->s + start, len, &op);
		if (kind) {
			/* `and/2`, `when/2` in captures are names. */
			size_t k = lx->p;
			while (k < lx->n && (lx->s[k] == ' ' || lx->s[k] == '\t'))
				k++;
			if (kind == MX_TOK_OP && k < lx->n && lx->s[k] == '/' &&
			    !(k + 1 < lx->n && lx->s[k + 1] == '/'))
				kind = MX_TOK_IDENT;
			if (kind == MX_TOK_OP) {
				if (op == MX_OP_IN && lx->out && lx->out->n &&
				    lx->out->v[lx->out->n - 1].kind == MX_TOK_OP &&
				    lx->out->v[lx->out->n - 1].op == MX_OP_NOT) {
					t = &lx->out->v[lx->out->n - 1];
					t->op = MX_OP_NOT_IN;
					finish(lx, t);
					return 0;
				}
				unsigned nl = op == MX_OP_NOT ? 0 : drop_eol(lx);
				t = push(lx, MX_TOK_OP, start);
				t->op = (unsigned char)op;
				t->flags |= (unsigned short)nl;
				finish(lx, t);
				return 0;
			}
			if (kind == MX_TOK_DO) {
				/* `do` continues the line it ends: drop the EOL
				 * (foo\ndo is still foo do) */
				drop_eol(lx);
			}
			if (kind != MX_TOK_IDENT) {
				t = push(lx, kind, start);
				finish(lx, t);
				return 0;
			}
		}
	}
	t = push(lx, MX_TOK_IDENT, start);
	/* `foo -1`: an identifier, a space, then a sign stuck to what follows
	 * is a call with a negative argument (handle_space_sensitive_tokens). */
	if (lx->p < lx->n && (lx->s[lx->p] == ' ' || lx->s[lx->p] == '\t')) {
		size_t k = lx->p;
		while (k < lx->n && (lx->s[k] == ' ' || lx->s[k] == '\t'))
			k++;
		if (k + 1 < lx->n && (lx->s[k] == '+' || lx->s[k] == '-')) {
			char nx = lx->s[k + 1];
			if (!is_space((unsigned char)nx) && nx != lx->s[k] && nx != '/' &&
			    nx != '>' && nx != '\\' &&
			    !(nx == ':' && k + 2 < lx->n && is_space((unsigned char)lx->s[k + 2])))
				t->flags |= MX_TOKF_OPIDENT;
		}
	}
	finish(lx, t);
	return 0;
}

static int lex_sigil(struct lexer *lx)
{
	size_t start = lx->p;
	struct mx_tok *t;
	lx->p++; /* ~ */
	int lower = is_lower((unsigned char)lx->s[lx->p]);
	if (lower) {
		lx->p++;
		if (lx->p < lx->n && is_lower((unsigned char)lx->s[lx->p]))
			return lex_error(lx, start,
			                 "invalid sigil name, it should be either a one-letter "
			                 "lowercase letter or an uppercase letter optionally "
			                 "followed by uppercase letters and digits, got: ~%.*s",
			                 (int)(lx->n - start - 1 > 8 ? 8 : lx->n - start - 1),
			                 lx->s + start + 1);
	} else {
		while (lx->p < lx->n && (is_upper((unsigned char)lx->s[lx->p]) ||
		                         is_digit((unsigned char)lx->s[lx->p])))
			lx->p++;
		if (lx->p < lx->n && is_lower((unsigned char)lx->s[lx->p]))
			return lex_error(lx, start,
			                 "invalid sigil name, it should be either a one-letter "
			                 "lowercase letter or an uppercase letter optionally "
			                 "followed by uppercase letters and digits, got: ~%.*s",
			                 (int)(lx->p - start), lx->s + start + 1);
	}
	if (lx->p >= lx->n)
		return lex_error(lx, start,
		                 "unexpected token: \"~\" (column %u, code point U+007E)",
		                 colof(lx, start));
	unsigned flags = 0;
	size_t cstart, cend;
	unsigned char d = (unsigned char)lx->s[lx->p];
	unsigned close;
	unsigned indent = 0;
	int heredoc = 0;
	unsigned sline = lx->line;
	size_t sls = lx->ls;
	if ((d == '"' || d == '\'') && lx->p + 2 < lx->n && lx->s[lx->p + 1] == (char)d &&
	    lx->s[lx->p + 2] == (char)d) {
		size_t open = lx->p;
		lx->p += 3;
		if (scan_heredoc(lx, d, lower, open, &cstart, &cend, &indent, &flags) < 0)
			return -1;
		close = d;
		heredoc = 1;
	} else {
		switch (d) {
		case '(':
			close = ')';
			break;
		case '[':
			close = ']';
			break;
		case '{':
			close = '}';
			break;
		case '<':
			close = '>';
			break;
		case '/':
		case '|':
		case '"':
		case '\'':
			close = d;
			break;
		default:
			return lex_error(
			    lx, start,
			    "invalid sigil delimiter: \"%c\" (column %u, code point U+%04X). The "
			    "available delimiters are: //, ||, \"\", '', (), [], {}, <>",
			    d, colof(lx, lx->p), d);
		}
		char what[64];
		snprintf(what, sizeof(what), "sigil ~%.*s%c",
		         (int)(lx->p - start - 1 > 20 ? 20 : lx->p - start - 1), lx->s + start + 1,
		         d);
		lx->p++;
		cstart = lx->p;
		if (scan_quoted(lx, (int)close, lower, start, what, &flags, &cend) < 0)
			return -1;
	}
	/* push() takes the position from the current line; the sigil started
	 * on an earlier one when it spans lines. */
	unsigned eline = lx->line;
	size_t els = lx->ls;
	lx->line = sline;
	lx->ls = sls;
	t = push(lx, MX_TOK_SIGIL, start);
	lx->line = eline;
	lx->ls = els;
	t->a = (uint32_t)cstart;
	t->b = (uint32_t)cend;
	t->c = close;
	t->c = close | (heredoc ? (indent + 1) << 8 : 0);
	t->flags |= (unsigned short)flags;
	while (lx->p < lx->n &&
	       (is_lower((unsigned char)lx->s[lx->p]) || is_upper((unsigned char)lx->s[lx->p]) ||
	        is_digit((unsigned char)lx->s[lx->p])))
		lx->p++;
	finish(lx, t);
	return 0;
}

/* Strings, charlists and their heredocs, and quoted keyword keys. */
static int lex_string(struct lexer *lx)
{
	size_t start = lx->p;
	unsigned char q = (unsigned char)lx->s[lx->p];
	struct mx_tok *t;
	unsigned flags = 0;
	size_t cstart, cend;
	unsigned sline = lx->line;
	size_t sls = lx->ls;
	unsigned scol = colof(lx, start);
	if (lx->p + 2 < lx->n && lx->s[lx->p + 1] == (char)q && lx->s[lx->p + 2] == (char)q) {
		unsigned indent;
		lx->p += 3;
		lx->check_esc = 1;
		int r = scan_heredoc(lx, q, true, start, &cstart, &cend, &indent, &flags);
		lx->check_esc = 0;
		if (r < 0 || escape_failed(lx, sline, scol) < 0)
			return -1;
		unsigned eline = lx->line;
		size_t els = lx->ls;
		lx->line = sline;
		lx->ls = sls;
		t = push(lx, MX_TOK_HEREDOC, start);
		lx->line = eline;
		lx->ls = els;
		t->a = (uint32_t)cstart;
		t->b = (uint32_t)cend;
		t->c = indent;
		t->flags |= (unsigned short)(flags | (q == '\'' ? MX_TOKF_SQUOTE : 0));
		finish(lx, t);
		return 0;
	}
	lx->p++;
	cstart = lx->p;
	lx->check_esc = 1;
	int r = scan_quoted(lx, q, true, start, "string", &flags, &cend);
	lx->check_esc = 0;
	if (r < 0 || escape_failed(lx, sline, scol + 1) < 0)
		return -1;
	int kw = kw_colon_at(lx, lx->p);
	unsigned eline = lx->line;
	size_t els = lx->ls;
	lx->line = sline;
	lx->ls = sls;
	t = push(lx, kw ? MX_TOK_KW : q == '"' ? MX_TOK_STRING : MX_TOK_CHARLIST, start);
	lx->line = eline;
	lx->ls = els;
	t->a = (uint32_t)cstart;
	t->b = (uint32_t)cend;
	t->c = q;
	t->flags |= (unsigned short)(flags | (q == '\'' ? MX_TOKF_SQUOTE : 0));
	if (kw) {
		t->flags |= MX_TOKF_QUOTED;
		lx->p++;
	}
	finish(lx, t);
	return 0;
}

/* Atoms: :foo :Foo :foo? :"quoted" :+ :<<>> ... */
static int lex_atom(struct lexer *lx)
{
	size_t start = lx->p;
	struct mx_tok *t;
	int c1 = peekc(lx, 1);
	if (c1 == '"' || c1 == '\'') {
		unsigned flags = 0;
		size_t cend;
		unsigned sline = lx->line;
		size_t sls = lx->ls;
		unsigned scol = colof(lx, start);
		lx->p += 2;
		size_t cstart = lx->p;
		lx->check_esc = 1;
		int r = scan_quoted(lx, c1, true, start, "atom", &flags, &cend);
		lx->check_esc = 0;
		if (r < 0 || escape_failed(lx, sline, scol) < 0)
			return -1;
		unsigned eline = lx->line;
		size_t els = lx->ls;
		lx->line = sline;
		lx->ls = sls;
		t = push(lx, MX_TOK_ATOM_Q, start);
		lx->line = eline;
		lx->ls = els;
		t->a = (uint32_t)cstart;
		t->b = (uint32_t)cend;
		t->c = (uint32_t)c1;
		t->flags |= (unsigned short)flags;
		finish(lx, t);
		return 0;
	}
	static const char *const special[] = {"<<>>", "%{}", "{}", "%", "..//", NULL};
	for (int i = 0; special[i]; i++) {
		size_t l = strlen(special[i]);
		if (lx->p + 1 + l <= lx->n && !memcmp(lx->s + lx->p + 1, special[i], l)) {
			t = push(lx, MX_TOK_ATOM, start);
			lx->p += 1 + l;
			finish(lx, t);
			return 0;
		}
	}
	if (c1 >= 0 && (is_ident_start((unsigned char)c1) || is_upper((unsigned char)c1))) {
		lx->p++;
		/* atoms may hold @ anywhere (:foo@bar, node names) */
		while (lx->p < lx->n &&
		       (is_ident_char((unsigned char)lx->s[lx->p]) || lx->s[lx->p] == '@'))
			lx->p++;
		if (lx->p < lx->n && (lx->s[lx->p] == '?' || lx->s[lx->p] == '!'))
			lx->p++;
		t = push(lx, MX_TOK_ATOM, start);
		finish(lx, t);
		return 0;
	}
	lx->p++;
	size_t len;
	int op = match_op(lx, &len);
	if (op == MX_OP_TERNARY || op == MX_OP_TYPE)
		op = 0;
	if (op == MX_OP_ASSOC) {
		/* :=> is the atom := then > (=> is no atom operator) */
		op = MX_OP_MATCH;
		len = 1;
	}
	if (op || (lx->p < lx->n && lx->s[lx->p] == '.')) {
		lx->p += op ? len : 1;
		t = push(lx, MX_TOK_ATOM, start);
		finish(lx, t);
		return 0;
	}
	/* Keyword-operators as atoms (:when, :in ...) came through the
	 * identifier branch above. */
	lx->p = start;
	return lex_error(lx, start, "unexpected token: \":\" (column %u, code point U+003A)",
	                 colof(lx, start));
}

static int lex_token(struct lexer *lx, struct openers *opn, bool in_interp, size_t *stop, int *done)
{
	size_t start = lx->p;
	unsigned char c = (unsigned char)lx->s[lx->p];
	int c1 = peekc(lx, 1);
	struct mx_tok *t;

	if (c == ' ' || c == '\t') {
		skip_hspace(lx);
		if (lx->p == start) {
			lx->p++;
		}
		return 0;
	}
	if (c == '\\') {
		if (c1 == '\n' || (c1 == '\r' && peekc(lx, 2) == '\n')) {
			if (lx->p + (c1 == '\n' ? 2 : 3) >= lx->n)
				return lex_error(lx, start, "invalid escape \\ at end of file");
			size_t nl = lx->p + (c1 == '\n' ? 1 : 2);
			newline_at(lx, nl);
			lx->p = nl + 1;
			return 0;
		}
		if (c1 < 0)
			return lex_error(lx, start, "invalid escape \\ at end of file");
		if (c1 != '\\')
			return lex_error(lx, start,
			                 "unexpected token: \"\\\" (column %u, code point U+005C)",
			                 colof(lx, start));
	}
	if (c == '\n' || c == ';' || (c == '\r' && c1 == '\n')) {
		/* One EOL for a run of separators, none where the expression
		 * obviously goes on (after an operator, a comma, an opening
		 * bracket). */
		int pk = lx->prev_kind;
		int keep = !(pk == MX_TOK_EOL || pk == MX_TOK_COMMA || pk == MX_TOK_LPAREN ||
		             pk == MX_TOK_LBRACKET || pk == MX_TOK_LBRACE || pk == MX_TOK_LBITS ||
		             pk == MX_TOK_PERCENT_BRACE || pk == MX_TOK_DOT ||
		             pk == MX_TOK_DOT_CALL || pk == MX_TOK_KW || pk == -1 ||
		             (pk == MX_TOK_OP && lx->prev_op != MX_OP_ELLIPSIS));
		if (c == ';' && pk != MX_TOK_EOL)
			keep = 1;
		if (keep) {
			t = push(lx, MX_TOK_EOL, start);
			t->end = (uint32_t)start + 1;
			lx->prev_end = start + 1;
		}
		if (c == '\r')
			lx->p++;
		if (lx->s[lx->p] == '\n')
			newline_at(lx, lx->p);
		lx->p++;
		return 0;
	}
	if (c == '#') {
		while (lx->p < lx->n && lx->s[lx->p] != '\n')
			lx->p++;
		if (lx->p >= lx->n)
			lx->eof_at = start; /* Elixir's EOF sits where the comment began */
		return 0;
	}
	if (is_digit(c))
		return lex_number(lx);
	if (is_ident_start(c) || is_upper(c))
		return lex_identifier(lx);
	if (c == '"' || c == '\'')
		return lex_string(lx);
	if (c == '?')
		return lex_char(lx);
	if (c == '~' && c1 >= 0 && (is_lower((unsigned char)c1) || is_upper((unsigned char)c1)))
		return lex_sigil(lx);
	if (c == ':' && c1 != ':')
		return lex_atom(lx);
	if (c == ':' && c1 == ':' && peekc(lx, 2) == ':') {
		/* ::: is the atom :"::" */
		t = push(lx, MX_TOK_ATOM, start);
		lx->p += 3;
		finish(lx, t);
		return 0;
	}
	switch (c) {
	case '(':
	case ')':
	case '[':
	case ']':
	case '{':
	case '}':
	case ',': {
		int kind = c == '('   ? MX_TOK_LPAREN
		           : c == ')' ? MX_TOK_RPAREN
		           : c == '[' ? MX_TOK_LBRACKET
		           : c == ']' ? MX_TOK_RBRACKET
		           : c == '{' ? MX_TOK_LBRACE
		           : c == '}' ? MX_TOK_RBRACE
		                      : MX_TOK_COMMA;
		if (kind == MX_TOK_LPAREN && lx->prev_kind == MX_TOK_ALIAS)
			/* Foo( and Foo (: Elixir points just past the parenthesis */
			return lex_error(
			    lx, lx->p + 1,
			    "unexpected ( after alias %.*s. Function names and identifiers in "
			    "Elixir "
			    "start with lowercase characters or underscore. For example:\n\n"
			    "    hello_world()\n"
			    "    _starting_with_underscore()\n"
			    "    numb3rs_are_allowed()\n"
			    "    may_finish_with_question_mark?()\n"
			    "    may_finish_with_exclamation_mark!()\n\n"
			    "Unexpected token: (",
			    (int)(lx->prev_end - lx->last_off), lx->s + lx->last_off);
		if (kind == MX_TOK_RBRACE && in_interp && opn->n == 0) {
			/* the } that closes the interpolation */
			t = push(lx, MX_TOK_EOF, start);
			finish(lx, t);
			*stop = lx->p + 1;
			*done = 1;
			return 0;
		}
		if (c == '{' && lx->p + 2 < lx->n && lx->s[lx->p + 1] == '}' &&
		    kw_colon_at(lx, lx->p + 2)) {
			t = push(lx, MX_TOK_KW, start);
			lx->p += 3;
			finish(lx, t);
			return 0;
		}
		t = push(lx, kind, start);
		lx->p++;
		finish(lx, t);
		return 0;
	}
	case '%':
		if (c1 == '{' && peekc(lx, 2) == '}' && kw_colon_at(lx, lx->p + 3)) {
			t = push(lx, MX_TOK_KW, start);
			lx->p += 4;
			finish(lx, t);
			return 0;
		}
		if (kw_colon_at(lx, lx->p + 1)) {
			t = push(lx, MX_TOK_KW, start);
			lx->p += 2;
			finish(lx, t);
			return 0;
		}
		if (c1 == '{') {
			t = push(lx, MX_TOK_PERCENT_BRACE, start);
			lx->p += 2;
			finish(lx, t);
			return 0;
		}
		if (c1 == '(' || c1 == '[')
			return lex_error(lx, start, "expected %%{ to define a map, got: %%%c", c1);
		t = push(lx, MX_TOK_PERCENT, start);
		lx->p++;
		finish(lx, t);
		return 0;
	case '<':
		if (c1 == '<' && !(peekc(lx, 2) == '<' || peekc(lx, 2) == '~')) {
			if (peekc(lx, 2) == '>' && peekc(lx, 3) == '>' &&
			    kw_colon_at(lx, lx->p + 4)) {
				t = push(lx, MX_TOK_KW, start);
				lx->p += 5;
				finish(lx, t);
				return 0;
			}
			t = push(lx, MX_TOK_LBITS, start);
			lx->p += 2;
			finish(lx, t);
			return 0;
		}
		break;
	case '>':
		if (c1 == '>' && peekc(lx, 2) != '>') {
			t = push(lx, MX_TOK_RBITS, start);
			lx->p += 2;
			finish(lx, t);
			return 0;
		}
		break;
	case '.':
		if (c1 == '.')
			break; /* .. and ... are operators */
		if (kw_colon_at(lx, lx->p + 1)) {
			t = push(lx, MX_TOK_KW, start);
			lx->p += 2;
			finish(lx, t);
			return 0;
		}
		{
			/* The dot keeps its own position; the name may follow on a
			 * later line. */
			unsigned nl = drop_eol(lx);
			lx->p++;
			t = push(lx, MX_TOK_DOT, start);
			t->flags |= (unsigned short)nl;
			finish(lx, t);
			skip_after_dot(lx);
			if (lx->p < lx->n && lx->s[lx->p] == '(') {
				t->kind = MX_TOK_DOT_CALL;
				lx->prev_kind = MX_TOK_DOT_CALL;
				return 0;
			}
		}
		if (lx->p < lx->n && (lx->s[lx->p] == '"' || lx->s[lx->p] == '\'')) {
			/* Mod."quoted name"(...) */
			unsigned flags = 0;
			size_t qs = lx->p, cend;
			int q = lx->s[lx->p];
			lx->p++;
			if (scan_quoted(lx, q, false, qs, "function name", &flags, &cend) < 0)
				return -1;
			t = push(lx, MX_TOK_IDENT, qs);
			t->a = (uint32_t)qs + 1;
			t->b = (uint32_t)cend;
			t->flags |= MX_TOKF_QUOTED | (unsigned short)flags;
			finish(lx, t);
		}
		return 0;
	case '&':
		if (c1 >= 0 && is_digit((unsigned char)c1)) {
			size_t k = lx->p + 1;
			while (k < lx->n && is_digit((unsigned char)lx->s[k]))
				k++;
			if (k < lx->n && (is_lower((unsigned char)lx->s[k]) ||
			                  is_upper((unsigned char)lx->s[k]) || lx->s[k] == '_')) {
				/* &1x: the number is lexed on its own and fails */
				lx->p++;
				return lex_number(lx);
			}
			t = push(lx, MX_TOK_CAPTURE_INT, start);
			lx->p++;
			uint64_t v = 0;
			while (lx->p < lx->n && is_digit((unsigned char)lx->s[lx->p])) {
				if (v < 100000000)
					v = v * 10 + (uint64_t)(lx->s[lx->p] - '0');
				lx->p++;
			}
			t->a = (uint32_t)v;
			finish(lx, t);
			return 0;
		}
		break;
	default:
		break;
	}
	size_t len;
	int opk = match_op(lx, &len);
	if (opk)
		return lex_operator(lx, opk, len);
	if (c >= 0x80)
		return lex_identifier(lx);
	return lex_error(lx, start, "unexpected token: \"%c\" (column %u, code point U+%04X)", c,
	                 colof(lx, start), c);
}

const char *mx_tok_opener_text(int kind)
{
	switch (kind) {
	case MX_TOK_LPAREN:
		return "(";
	case MX_TOK_LBRACKET:
		return "[";
	case MX_TOK_LBRACE:
	case MX_TOK_PERCENT_BRACE:
		return "{";
	case MX_TOK_LBITS:
		return "<<";
	case MX_TOK_FN:
		return "fn";
	default:
		return "do";
	}
}

int mx_tok_closer_for(int kind)
{
	switch (kind) {
	case MX_TOK_LPAREN:
		return MX_TOK_RPAREN;
	case MX_TOK_LBRACKET:
		return MX_TOK_RBRACKET;
	case MX_TOK_LBRACE:
	case MX_TOK_PERCENT_BRACE:
		return MX_TOK_RBRACE;
	case MX_TOK_LBITS:
		return MX_TOK_RBITS;
	default:
		return MX_TOK_END;
	}
}

const char *mx_tok_closer_text(int kind)
{
	switch (kind) {
	case MX_TOK_RPAREN:
		return ")";
	case MX_TOK_RBRACKET:
		return "]";
	case MX_TOK_RBRACE:
		return "}";
	case MX_TOK_RBITS:
		return ">>";
	default:
		return "end";
	}
}

static int bad_do(struct lexer *lx)
{
	return mx_err_at(
	    lx->err, MX_ERR_SYNTAX, lx->file, lx->last_line, lx->last_col, "%s",
	    "unexpected reserved word: do. In case you wanted to write a \"do\" expression, "
	    "you must either use do-blocks or separate the keyword argument with comma. "
	    "For example, you should either write:\n\n"
	    "    if some_condition? do\n"
	    "      :this\n"
	    "    else\n"
	    "      :that\n"
	    "    end\n\n"
	    "or the equivalent construct:\n\n"
	    "    if(some_condition?, do: :this, else: :that)\n\n"
	    "where \"some_condition?\" is the first argument and the second argument is a keyword "
	    "list.\n\n"
	    "You may see this error if you forget a trailing comma before the \"do\" in a \"do\" "
	    "block");
}

/* Pairs the token just pushed with the open ones (see struct openers). */
static int check_terminator(struct lexer *lx, struct openers *op, int kind, int before_kind,
                            int before_op, size_t before_off)
{
	switch (kind) {
	case MX_TOK_DO:
		/* a `do` right after these is a mistake (is_valid_do) */
		if (before_kind == MX_TOK_FN)
			return mx_err_at(
			    lx->err, MX_ERR_SYNTAX, lx->file, lx->last_line, lx->last_col,
			    "unexpected reserved word: do. Anonymous functions are written as:\n\n"
			    "    fn pattern -> expression end\n\nPlease remove the \"do\" keyword");
		/* (is_valid_do also lists and/or/when/else...: tokens its
		 * pattern never matches, so only , and ; count) */
		(void)before_op;
		if (before_kind == MX_TOK_COMMA ||
		    (before_kind == MX_TOK_EOL && lx->s[before_off] == ';'))
			return bad_do(lx);
		/* fallthrough */
	case MX_TOK_LPAREN:
	case MX_TOK_LBRACKET:
	case MX_TOK_LBRACE:
	case MX_TOK_PERCENT_BRACE:
	case MX_TOK_LBITS:
	case MX_TOK_FN:
		MX_ALLOC_GROW(op->v, op->n + 1, op->alloc);
		op->v[op->n].kind = (unsigned char)kind;
		op->v[op->n].line = lx->last_line;
		op->n++;
		return 0;
	case MX_TOK_RPAREN:
	case MX_TOK_RBRACKET:
	case MX_TOK_RBRACE:
	case MX_TOK_RBITS:
	case MX_TOK_END: {
		const char *what =
		    kind == MX_TOK_END ? "unexpected reserved word" : "unexpected token";
		if (op->n && mx_tok_closer_for(op->v[op->n - 1].kind) == kind) {
			op->n--;
			return 0;
		}
		if (!op->n)
			return mx_err_at(lx->err, MX_ERR_SYNTAX, lx->file, lx->last_line,
			                 lx->last_col, "%s: %s", what, mx_tok_closer_text(kind));
		const struct opener *o = &op->v[op->n - 1];
		return mx_err_at(lx->err, MX_ERR_SYNTAX, lx->file, lx->last_line, lx->last_col,
		                 "%s: %s. The \"%s\" at line %u is missing terminator \"%s\"", what,
		                 mx_tok_closer_text(kind), mx_tok_opener_text(o->kind), o->line,
		                 mx_tok_closer_text(mx_tok_closer_for(o->kind)));
	}
	default:
		return 0;
	}
}

static int lex_run(struct lexer *lx, bool in_interp, size_t *stop)
{
	struct openers op = {NULL, 0, 0};
	int done = 0, ret = -1;
	lx->prev_kind = -1;
	while (lx->p < lx->n) {
		unsigned long before = lx->pushed;
		int bk = lx->prev_kind, bo = lx->prev_op;
		size_t boff = lx->last_off;
		if (lex_token(lx, &op, in_interp, stop, &done) < 0)
			goto out;
		if (done) {
			ret = 0;
			goto out;
		}
		if (lx->pushed != before && !(lx->fragment && !in_interp) &&
		    check_terminator(lx, &op, lx->prev_kind, bk, bo, boff) < 0)
			goto out;
	}
	if (in_interp) {
		ret = UNTERMINATED_INTERP;
		goto out;
	}
	size_t eof = lx->eof_at ? lx->eof_at : lx->p;
	if (op.n) {
		const struct opener *o = &op.v[op.n - 1];
		unsigned line = lx->line, col = colof(lx, eof);
		ret = mx_err_at(lx->err, MX_ERR_SYNTAX, lx->file, line, col,
		                "missing terminator: %s (for \"%s\" starting at line %u)",
		                mx_tok_closer_text(mx_tok_closer_for(o->kind)), mx_tok_opener_text(o->kind), o->line);
		goto out;
	}
	struct mx_tok *t = push(lx, MX_TOK_EOF, eof);
	finish(lx, t);
	ret = 0;
out:
	free(op.v);
	return ret;
}

static int lex_entry(const char *file, const char *src, size_t len, size_t off, unsigned line,
                     size_t line_start, bool in_interp, bool fragment, struct mx_toks *toks,
                     size_t *stop, struct mx_err *err)
{
	struct lexer lx = {0};
	lx.fragment = fragment;
	size_t dummy = 0;
	lx.file = file;
	lx.s = src;
	lx.n = len;
	lx.p = off;
	lx.line = line;
	lx.ls = line_start;
	lx.out = toks;
	lx.err = err;
	lx.cc_ls = lx.cc_off = line_start;
	lx.cc_col = 1;
	if (len > UINT32_MAX - 16)
		return mx_err_at(err, MX_ERR_SYNTAX, file, 1, 1, "file too large");
	int ret = lex_run(&lx, in_interp, stop ? stop : &dummy);
	if (ret == UNTERMINATED_INTERP)
		ret = mx_err_at(err, MX_ERR_SYNTAX, file, lx.line, colof(&lx, lx.p),
		                "missing interpolation terminator: \"}\"");
	return ret;
}

int mx_exs_lex(const char *file, const char *src, size_t len, size_t off, unsigned line,
               size_t line_start, bool in_interp, struct mx_toks *toks, size_t *stop,
               struct mx_err *err)
{
	return lex_entry(file, src, len, off, line, line_start, in_interp, false, toks, stop, err);
}

int mx_exs_lex_fragment(const char *file, const char *src, size_t len, struct mx_toks *toks,
                        struct mx_err *err)
{
	return lex_entry(file, src, len, 0, 1, 0, false, true, toks, NULL, err);
}

static void add_utf8(struct mx_buf *out, uint32_t cp)
{
	char b[4];
	if (cp < 0x80) {
		mx_buf_addch(out, (int)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		mx_buf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		mx_buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		mx_buf_add(out, b, 4);
	}
}

static int hexval(int c)
{
	return is_digit((unsigned char)c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

size_t mx_exs_unescape1(const char *s, size_t n, struct mx_buf *out)
{
	if (n < 2) {
		mx_buf_addch(out, '\\');
		return 1;
	}
	unsigned char c = (unsigned char)s[1];
	if (c == 'x') {
		if (n >= 4 && is_hex((unsigned char)s[2]) && is_hex((unsigned char)s[3])) {
			mx_buf_addch(out, hexval(s[2]) * 16 + hexval(s[3]));
			return 4;
		}
		/* Deprecated but accepted up to Elixir 1.18: \xH and \x{H*}
		 * stand for a code point. */
		if (n >= 3 && is_hex((unsigned char)s[2])) {
			add_utf8(out, (uint32_t)hexval(s[2]));
			return 3;
		}
		if (n > 3 && s[2] == '{') {
			size_t k = 3;
			uint32_t cp = 0;
			while (k < n && k < 9 && is_hex((unsigned char)s[k]))
				cp = cp * 16 + (uint32_t)hexval(s[k++]);
			if (k == 3 || k >= n || s[k] != '}' || cp > 0x10ffff ||
			    (cp >= 0xd800 && cp <= 0xdfff))
				return 0;
			add_utf8(out, cp);
			return k + 1;
		}
		return 0;
	}
	if (c == 'u') {
		size_t i = 2;
		uint32_t cp = 0;
		if (n >= 6 && is_hex((unsigned char)s[2]) && is_hex((unsigned char)s[3]) &&
		    is_hex((unsigned char)s[4]) && is_hex((unsigned char)s[5])) {
			for (i = 2; i < 6; i++)
				cp = cp * 16 + (uint32_t)hexval(s[i]);
			i = 6;
		} else if (n > 3 && s[2] == '{') {
			size_t k = 3;
			while (k < n && k < 9 && is_hex((unsigned char)s[k])) {
				cp = cp * 16 + (uint32_t)hexval(s[k]);
				k++;
			}
			if (k == 3 || k >= n || s[k] != '}')
				return 0;
			i = k + 1;
		} else {
			return 0;
		}
		if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		add_utf8(out, cp);
		return i;
	}
	if (c == '\n')
		return 2;
	if (c == '\r' && n >= 3 && s[2] == '\n')
		return 3;
	mx_buf_addch(out, unescape_char(c));
	return 2;
}

/* Whether Erlang prints the atom without quotes ([a-z][a-zA-Z0-9_@]*):
 * Elixir's parser messages show names the way Erlang prints atoms. */
static int erlang_plain_atom(const char *s, size_t len)
{
	if (!len || !is_lower((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < len; i++)
		if (!(is_ident_char((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) &&
		    s[i] != '@')
			return 0;
	return 1;
}

void mx_exs_tok_describe(const char *src, const struct mx_tok *t, struct mx_buf *out)
{
	/* As elixir_errors formats the token in "syntax error before: X". */
	size_t len = t->end > t->off ? t->end - t->off : 0;
	const char *s = src + t->off;
	switch (t->kind) {
	case MX_TOK_EOF:
		mx_buf_adds(out, "end of file");
		return;
	case MX_TOK_EOL:
		mx_buf_adds(out, s[0] == ';' ? "';'" : "end of line");
		return;
	case MX_TOK_INT:
	case MX_TOK_FLOAT:
		mx_buf_addch(out, '"');
		mx_buf_add(out, s, len);
		mx_buf_addch(out, '"');
		return;
	case MX_TOK_STRING:
	case MX_TOK_CHARLIST:
	case MX_TOK_HEREDOC:
		mx_buf_addch(out, '"');
		mx_buf_add(out, src + t->a, t->b - t->a > 40 ? 40 : t->b - t->a);
		mx_buf_addch(out, '"');
		return;
	case MX_TOK_ATOM: {
		static const char *const reserved[] = {
		    "do", "end", "fn", "true", "false", "nil",   "when",   "and",
		    "or", "not", "in", "else", "after", "catch", "rescue", NULL,
		};
		mx_buf_add(out, s + 1, len - 1);
		for (int i = 0; reserved[i]; i++)
			if (strlen(reserved[i]) == len - 1 && !memcmp(reserved[i], s + 1, len - 1))
				mx_buf_addf(
				    out,
				    ". \"%s\" is a reserved word in Elixir and therefore its usage "
				    "is limited. For instance, it can't be used as a variable or "
				    "be defined nor invoked as a regular function",
				    reserved[i]);
		return;
	}
	case MX_TOK_ALIAS:
	case MX_TOK_KW:
		mx_buf_addch(out, '\'');
		mx_buf_add(out, s, len);
		mx_buf_addch(out, '\'');
		return;
	case MX_TOK_SIGIL: {
		size_t ne = 1;
		while (t->off + ne < t->a &&
		       ((s[ne] >= 'a' && s[ne] <= 'z') || (s[ne] >= 'A' && s[ne] <= 'Z') ||
		        (s[ne] >= '0' && s[ne] <= '9')))
			ne++;
		mx_buf_adds(out, "sigil ");
		mx_buf_add(out, s, ne);
		mx_buf_adds(out, " starting with content '");
		mx_buf_add(out, src + t->a, t->b - t->a > 40 ? 40 : t->b - t->a);
		mx_buf_addch(out, '\'');
		return;
	}
	case MX_TOK_DO:
		mx_buf_adds(out, "do");
		return;
	case MX_TOK_TRUE:
	case MX_TOK_FALSE:
	case MX_TOK_NIL:
	case MX_TOK_END:
	case MX_TOK_FN:
	case MX_TOK_BLOCK:
		mx_buf_addf(out,
		            "%.*s. \"%.*s\" is a reserved word in Elixir and therefore its usage "
		            "is limited. For instance, it can't be used as a variable or be "
		            "defined nor invoked as a regular function",
		            (int)len, s, (int)len, s);
		return;
	case MX_TOK_IDENT:
		if (!(t->flags & MX_TOKF_QUOTED) && !erlang_plain_atom(s, len)) {
			/* an operator used as a name (&+/2): quoted like one */
			mx_buf_addch(out, '\'');
			mx_buf_add(out, s, len);
			mx_buf_addch(out, '\'');
			return;
		}
		mx_buf_add(out, s, len > 40 ? 40 : len);
		return;
	case MX_TOK_ATOM_Q:
	case MX_TOK_CHAR:
		mx_buf_add(out, s, len > 40 ? 40 : len);
		return;
	case MX_TOK_CAPTURE_INT:
		mx_buf_adds(out, "'&'");
		return;
	case MX_TOK_OP:
		if (s[0] >= 'a' && s[0] <= 'z') {
			/* and, or, not, in, when: reserved words */
			size_t wl = 0;
			while (wl < len && s[wl] >= 'a' && s[wl] <= 'z')
				wl++;
			mx_buf_addf(out,
			            "%.*s. \"%.*s\" is a reserved word in Elixir and therefore its "
			            "usage is limited. For instance, it can't be used as a "
			            "variable or be defined nor invoked as a regular function",
			            (int)wl, s, (int)wl, s);
			return;
		}
		mx_buf_addch(out, '\'');
		for (size_t i = 0; i < len; i++) {
			if (s[i] == '\\')
				mx_buf_addch(out, '\\');
			mx_buf_addch(out, s[i]);
		}
		mx_buf_addch(out, '\'');
		return;
	case MX_TOK_PERCENT_BRACE:
		mx_buf_adds(out, "'%{}'");
		return;
	default:
		mx_buf_addch(out, '\'');
		for (size_t i = 0; i < len; i++) {
			if (s[i] == '\\') /* printed as an Erlang atom: \\ escaped */
				mx_buf_addch(out, '\\');
			mx_buf_addch(out, s[i]);
		}
		mx_buf_addch(out, '\'');
		return;
	}
}
