/*
 * The Elixir parser: tokens (lexer.c) to the AST of ast.h.
 *
 * A hand-written Pratt parser rather than a port of elixir_parser.yrl: the
 * operator table and the rules that give Elixir its shape are the same
 * (no-parens calls take comma-separated arguments and trailing keywords,
 * a do-block belongs to the outermost no-parens call, `->` clauses are
 * split where a comma group is followed by `->`), but it accepts a little
 * more than Elixir does in corners no real file reaches (`[foo a, b]`).
 */
#include "parser.h"

#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "lexer.h"

/* State the parser of a file shares with those of its interpolations. */
struct pshared {
	int depth; /* nesting, bounded by MX_EXS_MAX_DEPTH */
	/* Strings are packed into arena chunks without the arena's 16-byte
	 * alignment: names are short and many. */
	char *pool;
	size_t left;
	/* Nodes too: 8-byte alignment is all they need, and a file has
	 * hundreds of thousands of them. */
	char *npool;
	size_t nleft;
};

struct parser {
	struct mx_arena *a;
	const char *file;
	const char *src;
	size_t len;
	struct mx_tok *t;
	size_t n, i;
	size_t last_end; /* end offset of the last consumed token */
	struct mx_err *err;
	struct pshared *sh; /* shared with sub-parsers of interpolations */
	int no_do;          /* inside no-parens call arguments */
	/* Where a call without parens may take several arguments (Elixir
	 * rejects `f a, g b, c` and `[g b, c]` as ambiguous): */
	int np_ctx;
	/* The binary operator whose right operand is being parsed: Elixir
	 * reports an ambiguous call there at the operator. */
	const struct mx_tok *pending_op;
	/* Scratch stack for building child arrays. */
	struct mx_ast **stk;
	size_t nstk, astk;
	/* Open delimiters ( [ { << do fn, innermost last, for messages. */
	const struct mx_tok **open;
	size_t nopen, aopen;
	int failed;
};

enum { LOWEST = 1 };
enum { NP_FREE, NP_NESTED, NP_CONTAINER };

static struct mx_ast *parse_expr(struct parser *p, int minprec);
static struct mx_ast *parse_body(struct parser *p, int top);
static int parse_paren_args(struct parser *p, struct mx_ast *call);
static size_t after_matching_paren(struct parser *p);

static struct mx_tok *cur(struct parser *p)
{
	return &p->t[p->i];
}
static struct mx_tok *peek(struct parser *p, size_t k)
{
	size_t j = p->i + k;
	return &p->t[j < p->n ? j : p->n - 1];
}
static int at(struct parser *p, int kind)
{
	return p->t[p->i].kind == kind;
}
static int at_op(struct parser *p, int op)
{
	return p->t[p->i].kind == MX_TOK_OP && p->t[p->i].op == op;
}

static void advance(struct parser *p)
{
	p->last_end = p->t[p->i].end;
	if (p->i + 1 < p->n)
		p->i++;
}

static void skip_eol(struct parser *p)
{
	while (at(p, MX_TOK_EOL))
		advance(p);
}

/* Newlines only: inside brackets and after operators a `;` still ends
 * an expression, which is an error there. */
static void skip_nl(struct parser *p)
{
	while (at(p, MX_TOK_EOL) && p->src[cur(p)->off] != ';')
		advance(p);
}

static void push(struct parser *p, struct mx_ast *n)
{
	MX_ALLOC_GROW(p->stk, p->nstk + 1, p->astk);
	p->stk[p->nstk++] = n;
}

/* Moves stk[mark..] into an arena array; *n gets the count. */
static struct mx_ast **pop_to(struct parser *p, size_t mark, size_t *n)
{
	*n = p->nstk - mark;
	struct mx_ast **v = NULL;
	if (*n) {
		v = MX_ARENA_NEWN(p->a, struct mx_ast *, *n);
		memcpy(v, p->stk + mark, *n * sizeof(*v));
	}
	p->nstk = mark;
	return v;
}

/* ---- Errors --------------------------------------------------------- */

static int fail_at(struct parser *p, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail_at(struct parser *p, unsigned line, unsigned col, const char *fmt, ...)
{
	if (p->failed)
		return -1;
	p->failed = 1;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return mx_err_at(p->err, MX_ERR_SYNTAX, p->file, line, col, "%s", msg);
}

static void open_push(struct parser *p, const struct mx_tok *t)
{
	MX_ALLOC_GROW(p->open, p->nopen + 1, p->aopen);
	p->open[p->nopen++] = t;
}

static void open_pop(struct parser *p)
{
	if (p->nopen)
		p->nopen--;
}

static int is_closer(int kind)
{
	return kind == MX_TOK_RPAREN || kind == MX_TOK_RBRACKET || kind == MX_TOK_RBRACE ||
	       kind == MX_TOK_RBITS || kind == MX_TOK_END;
}

/* Reports the token at hand as unexpected, the way Elixir words it. */
static void *unexpected(struct parser *p)
{
	struct mx_tok *t = cur(p);
	struct mx_buf b = MX_BUF_INIT;
	const struct mx_tok *open = p->nopen ? p->open[p->nopen - 1] : NULL;
	if (t->kind == MX_TOK_EOF) {
		/* Elixir points at the last token, or at the newline after it. */
		const struct mx_tok *prev = p->i > 0 ? &p->t[p->i - 1] : t;
		unsigned line = prev->line, col = prev->col;
		if (open && prev == t) {
			line = t->line;
			col = t->col;
		}
		size_t k = prev->end;
		while (prev != t && k < p->len && (p->src[k] == ' ' || p->src[k] == '\t'))
			k++;
		/* (a newline after a comma belongs to the comma in Elixir's
		 * tokens, so there the comma itself is the last token) */
		if (prev != t && prev->kind != MX_TOK_EOL && prev->kind != MX_TOK_COMMA &&
		    k < p->len && (p->src[k] == '\n' || p->src[k] == '\r') && prev->end <= k) {
			/* same line as prev: its column plus the distance */
			for (size_t j = prev->off; j < k; j++)
				col += ((unsigned char)p->src[j] & 0xc0) != 0x80;
		}
		if (open && mx_tok_closer_for(open->kind) != MX_TOK_END)
			fail_at(p, t->line, t->col,
			        "missing terminator: %s (for \"%s\" starting at line %u)",
			        mx_tok_closer_text(mx_tok_closer_for(open->kind)), mx_tok_opener_text(open->kind), open->line);
		else if (open)
			fail_at(p, t->line, t->col,
			        "missing terminator: end (for \"%s\" starting at line %u)",
			        mx_tok_opener_text(open->kind), open->line);
		else
			fail_at(p, line, col, "syntax error: expression is incomplete");
	} else if (t->kind == MX_TOK_EOL && p->src[t->off] != ';') {
		fail_at(p, t->line, t->col,
		        "unexpectedly reached end of line. The current expression is invalid or "
		        "incomplete");
	} else if (is_closer(t->kind) && (!open || mx_tok_closer_for(open->kind) != t->kind)) {
		const char *what =
		    t->kind == MX_TOK_END ? "unexpected reserved word" : "unexpected token";
		if (open)
			fail_at(p, t->line, t->col,
			        "%s: %s. The \"%s\" at line %u is missing terminator \"%s\"", what,
			        mx_tok_closer_text(t->kind), mx_tok_opener_text(open->kind), open->line,
			        mx_tok_closer_text(mx_tok_closer_for(open->kind)));
		else
			fail_at(p, t->line, t->col, "%s: %s", what, mx_tok_closer_text(t->kind));
	} else {
		mx_exs_tok_describe(p->src, t, &b);
		fail_at(p, t->line, t->col, "syntax error before: %s", b.buf);
	}
	mx_buf_release(&b);
	return NULL;
}

/* The token at hand where an expression should start: Elixir names a
 * keyword key there bare ("syntax error before: a", not 'a:'). */
static void *unexpected_at_start(struct parser *p)
{
	struct mx_tok *t = cur(p);
	if (t->kind == MX_TOK_KW && !(t->flags & MX_TOKF_QUOTED)) {
		fail_at(p, t->line, t->col, "syntax error before: %.*s", (int)(t->end - t->off - 1),
		        p->src + t->off);
		return NULL;
	}
	return unexpected(p);
}

/* Expects the closing token for the innermost open delimiter and pops it. */
static int expect_close(struct parser *p, int kind, const struct mx_tok *open, const char *otext)
{
	(void)open;
	(void)otext;
	if (at(p, kind)) {
		open_pop(p);
		advance(p);
		return 0;
	}
	unexpected(p);
	return -1;
}

/* ---- Nodes ---------------------------------------------------------- */

static struct mx_ast *new_node(struct parser *p)
{
	enum { CHUNK = 64 * 1024 };
	_Static_assert(sizeof(struct mx_ast) % 8 == 0, "nodes stay 8-byte aligned");
	if (p->sh->nleft < sizeof(struct mx_ast)) {
		p->sh->npool = mx_arena_alloc(p->a, CHUNK); /* zeroed */
		p->sh->nleft = CHUNK;
	}
	struct mx_ast *n = (struct mx_ast *)(void *)p->sh->npool;
	p->sh->npool += sizeof(struct mx_ast);
	p->sh->nleft -= sizeof(struct mx_ast);
	return n;
}

static struct mx_ast *node_at(struct parser *p, int kind, const struct mx_tok *t)
{
	struct mx_ast *n = new_node(p);
	n->kind = (enum mx_ast_kind)kind;
	n->file = p->file;
	n->line = t->line;
	n->col = t->col;
	n->off = t->off;
	n->end = t->end;
	return n;
}

static struct mx_ast *node_from(struct parser *p, int kind, const struct mx_ast *first)
{
	struct mx_ast *n = new_node(p);
	n->kind = (enum mx_ast_kind)kind;
	n->file = p->file;
	n->line = first->line;
	n->col = first->col;
	n->off = first->off;
	n->end = first->end;
	return n;
}

static void close_span(struct parser *p, struct mx_ast *n)
{
	if (p->last_end > n->off)
		n->end = p->last_end;
}

/* n + 1 bytes for a string, from the string pool (in the arena). */
static char *pool_alloc(struct parser *p, size_t n)
{
	enum { CHUNK = 8192 };
	if (n >= CHUNK / 4)
		return mx_arena_alloc(p->a, n + 1);
	if (n + 1 > p->sh->left) {
		p->sh->pool = mx_arena_alloc(p->a, CHUNK);
		p->sh->left = CHUNK;
	}
	char *r = p->sh->pool;
	p->sh->pool += n + 1;
	p->sh->left -= n + 1;
	return r;
}

/* Copies s[0..n) and a NUL into the string pool. */
static char *pstrndup(struct parser *p, const char *s, size_t n)
{
	char *r = pool_alloc(p, n);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

static const char *dup(struct parser *p, size_t off, size_t len)
{
	return pstrndup(p, p->src + off, len);
}

/* ---- Strings -------------------------------------------------------- */

enum str_mode {
	STR_PLAIN,   /* strings, charlists, atoms, keys: decode, interpolate */
	STR_SIGIL_L, /* lowercase sigil: decode and keep raw, interpolate */
	STR_SIGIL_U, /* uppercase sigil: raw only */
	STR_NAME,    /* quoted call name: decode, no interpolation */
};

struct parts {
	struct mx_ast_part *v;
	size_t n, alloc;
};

static void flush_part(struct parser *p, struct parts *ps, struct mx_buf *text, struct mx_buf *raw,
                       int have)
{
	if (!have)
		return;
	MX_ALLOC_GROW(ps->v, ps->n + 1, ps->alloc);
	struct mx_ast_part *part = &ps->v[ps->n++];
	memset(part, 0, sizeof(*part));
	part->text = pstrndup(p, text->buf, text->len);
	part->len = text->len;
	if (raw->len == text->len && !memcmp(raw->buf, text->buf, raw->len))
		part->raw = part->text; /* no escapes: one copy serves both */
	else
		part->raw = pstrndup(p, raw->buf, raw->len);
	part->raw_len = raw->len;
	mx_buf_reset(text);
	mx_buf_reset(raw);
}

static int parse_interp(struct parser *p, size_t off, unsigned line, size_t ls, struct mx_ast **out,
                        size_t *stop);

/*
 * Decodes the content src[a..b) of a string-like token into parts.
 * indent >= 0 for heredocs (the closing delimiter's indentation, stripped
 * from every line), close is the closing delimiter whose escape drops its
 * backslash. line/ls: position of offset a.
 */
static int decode(struct parser *p, const struct mx_tok *t, size_t a, size_t b, enum str_mode mode,
                  long indent, int close, unsigned line, size_t ls, struct mx_ast_part **pv,
                  size_t *pn)
{
	struct parts ps = {NULL, 0, 0};
	struct mx_buf text = MX_BUF_INIT, raw = MX_BUF_INIT;
	int have = 0, ret = -1;
	int interp = mode != STR_SIGIL_U && mode != STR_NAME;
	int heredoc = indent >= 0;
	int at_ls = heredoc;
	size_t i = a;
	const char *s = p->src;

	/* Most strings are one plain run: no escape, no #{, not a heredoc. */
	if (!heredoc && !(t->flags & (MX_TOKF_ESCAPE | MX_TOKF_INTERP))) {
		*pn = 0;
		*pv = NULL;
		if (b > a) {
			struct mx_ast_part *part = MX_ARENA_NEW(p->a, struct mx_ast_part);
			part->text = part->raw = dup(p, a, b - a);
			part->len = part->raw_len = b - a;
			*pv = part;
			*pn = 1;
		}
		return 0;
	}

	while (i < b) {
		if (at_ls) {
			long k = 0;
			while (k < indent && i < b && (s[i] == ' ' || s[i] == '\t')) {
				i++;
				k++;
			}
			at_ls = 0;
			continue;
		}
		char c = s[i];
		if (c == '\\' && i + 1 < b) {
			char nx = s[i + 1];
			/* An escaped closing delimiter loses its backslash, in
			 * every mode (Elixir's extract); in heredocs only the
			 * full triple counts. */
			int esc_close = heredoc ? (i + 3 < b && nx == close && s[i + 2] == close &&
			                           s[i + 3] == close)
			                        : nx == close;
			have = 1;
			if (esc_close) {
				int k = heredoc ? 3 : 1;
				mx_buf_addchars(&text, nx, (size_t)k);
				mx_buf_addchars(&raw, nx, (size_t)k);
				i += 1 + (size_t)k;
				continue;
			}
			if (mode == STR_SIGIL_U) {
				mx_buf_addch(&text, '\\');
				mx_buf_addch(&raw, '\\');
				i++;
				continue;
			}
			size_t used = mx_exs_unescape1(s + i, b - i, &text);
			if (!used && mode == STR_SIGIL_L) {
				/* a sigil's escapes are its macro's business: keep
				 * the text as written, as ~r and friends see it */
				mx_buf_add(&text, s + i, 2);
				used = 2;
			} else if (!used) {
				/* (the lexer reports these first; kept for safety) */
				char msg[160];
				if (!mx_exs_escape_error(s + i, b - i, msg, sizeof(msg)))
					snprintf(msg, sizeof(msg), "invalid escape");
				fail_at(p, t->line, t->col, "%s", msg);
				goto out;
			}
			mx_buf_add(&raw, s + i, used);
			for (size_t k = i; k < i + used; k++)
				if (s[k] == '\n') {
					line++;
					ls = k + 1;
					at_ls = heredoc;
				}
			i += used;
			continue;
		}
		if (interp && c == '#' && i + 1 < b && s[i + 1] == '{') {
			flush_part(p, &ps, &text, &raw, have);
			have = 0;
			struct mx_ast *e = NULL;
			size_t stop = 0;
			if (parse_interp(p, i + 2, line, ls, &e, &stop) < 0)
				goto out;
			for (size_t k = i; k < stop; k++)
				if (s[k] == '\n') {
					line++;
					ls = k + 1;
				}
			MX_ALLOC_GROW(ps.v, ps.n + 1, ps.alloc);
			memset(&ps.v[ps.n], 0, sizeof(ps.v[0]));
			ps.v[ps.n++].expr = e;
			i = stop;
			continue;
		}
		/* A run of plain bytes. */
		size_t j = i;
		while (j < b && s[j] != '\\' && s[j] != '#' && s[j] != '\n')
			j++;
		if (j == i)
			j++;
		mx_buf_add(&text, s + i, j - i);
		mx_buf_add(&raw, s + i, j - i);
		have = 1;
		if (s[j - 1] == '\n') {
			line++;
			ls = j;
			at_ls = heredoc;
		}
		i = j;
	}
	flush_part(p, &ps, &text, &raw, have);
	*pn = ps.n;
	*pv = NULL;
	if (ps.n) {
		*pv = MX_ARENA_NEWN(p->a, struct mx_ast_part, ps.n);
		memcpy(*pv, ps.v, ps.n * sizeof(ps.v[0]));
	}
	ret = 0;
out:
	free(ps.v);
	mx_buf_release(&text);
	mx_buf_release(&raw);
	return ret;
}

/* Line and line-start offset of byte off, from token t's position. */
static void pos_of(struct parser *p, const struct mx_tok *t, size_t off, unsigned *line, size_t *ls)
{
	unsigned l = t->line;
	size_t s = t->off - (t->col - 1);
	for (size_t k = t->off; k < off; k++)
		if (p->src[k] == '\n') {
			l++;
			s = k + 1;
		}
	*line = l;
	*ls = s;
}

static int decode_tok(struct parser *p, const struct mx_tok *t, enum str_mode mode, long indent,
                      int close, struct mx_ast_part **pv, size_t *pn)
{
	unsigned line;
	size_t ls;
	pos_of(p, t, t->a, &line, &ls);
	return decode(p, t, t->a, t->b, mode, indent, close, line, ls, pv, pn);
}

/* A string node (or quoted atom/key) from a token. */
static struct mx_ast *string_node(struct parser *p, const struct mx_tok *t, int kind)
{
	struct mx_ast *n = node_at(p, kind, t);
	long indent = t->kind == MX_TOK_HEREDOC ? (long)t->c : -1;
	int close =
	    t->kind == MX_TOK_HEREDOC ? ((t->flags & MX_TOKF_SQUOTE) ? '\'' : '"') : (int)t->c;
	if (t->kind == MX_TOK_HEREDOC)
		n->flags |= MX_AST_F_HEREDOC;
	if (decode_tok(p, t, STR_PLAIN, indent, close, &n->u.str.parts, &n->u.str.nparts) < 0)
		return NULL;
	return n;
}

/* :"..." and "...": turn into an ATOM unless interpolated. */
static struct mx_ast *atomize(struct parser *p, struct mx_ast *n)
{
	(void)p;
	if (!n)
		return NULL;
	for (size_t k = 0; k < n->u.str.nparts; k++)
		if (n->u.str.parts[k].expr) {
			n->kind = MX_AST_ATOM_INTERP;
			return n;
		}
	const char *text = n->u.str.nparts ? n->u.str.parts[0].text : "";
	size_t len = n->u.str.nparts ? n->u.str.parts[0].len : 0;
	n->kind = MX_AST_ATOM;
	n->flags |= MX_AST_F_QUOTED;
	n->u.name.name = text;
	n->u.name.len = len;
	return n;
}

static struct mx_ast *sigil_node(struct parser *p, const struct mx_tok *t)
{
	struct mx_ast *n = node_at(p, MX_AST_SIGIL, t);
	size_t ns = t->off + 1, ne = ns;
	while (ne < t->end && ((p->src[ne] >= 'a' && p->src[ne] <= 'z') ||
	                       (p->src[ne] >= 'A' && p->src[ne] <= 'Z') ||
	                       (p->src[ne] >= '0' && p->src[ne] <= '9')))
		ne++;
	if (ne > ns + 1 && p->src[ns] >= 'a' && p->src[ns] <= 'z')
		ne = ns + 1;
	n->u.sigil.name = dup(p, ns, ne - ns);
	/* modifiers: after the closing delimiter (or heredoc closing line) */
	size_t mods = t->b + 1;
	if (t->c >> 8)
		mods = t->b + (t->c >> 8) - 1 + 3;
	if (mods > t->end)
		mods = t->end;
	n->u.sigil.mods = dup(p, mods, t->end - mods);
	n->u.sigil.open = p->src[ne];
	n->u.sigil.close = (char)(t->c & 0xff);
	long indent = (t->c >> 8) ? (long)(t->c >> 8) - 1 : -1;
	if (indent >= 0)
		n->flags |= MX_AST_F_HEREDOC;
	int lower = p->src[ns] >= 'a' && p->src[ns] <= 'z';
	if (decode_tok(p, t, lower ? STR_SIGIL_L : STR_SIGIL_U, indent, (int)(t->c & 0xff),
	               &n->u.sigil.parts, &n->u.sigil.nparts) < 0)
		return NULL;
	return n;
}

/* The key of a `key:` token as an atom node (or ATOM_INTERP). */
static struct mx_ast *kw_key(struct parser *p, const struct mx_tok *t)
{
	if (t->flags & MX_TOKF_QUOTED)
		return atomize(p, string_node(p, t, MX_AST_STRING));
	struct mx_ast *n = node_at(p, MX_AST_ATOM, t);
	n->u.name.len = t->end - 1 - t->off;
	n->u.name.name = dup(p, t->off, n->u.name.len);
	return n;
}

/* Decimal digits of an integer literal too big for int64 (any base). */
static const char *big_decimal(struct parser *p, const struct mx_tok *t)
{
	const char *s = p->src + t->off;
	size_t n = t->end - t->off, i = 0;
	unsigned base = 10;
	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b')) {
		base = s[1] == 'x' ? 16 : s[1] == 'o' ? 8 : 2;
		i = 2;
	}
	/* little-endian decimal digits; n digits in base <= 16 need at most
	 * 1.21 * n decimal digits */
	size_t cap = n * 2 + 2, len = 1;
	unsigned char *d = calloc(cap, 1);
	for (; i < n; i++) {
		char c = s[i];
		unsigned v;
		if (c == '_')
			continue;
		v = c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
		unsigned carry = v;
		for (size_t k = 0; k < len; k++) {
			unsigned x = d[k] * base + carry;
			d[k] = (unsigned char)(x % 10);
			carry = x / 10;
		}
		while (carry && len < cap) {
			d[len++] = (unsigned char)(carry % 10);
			carry /= 10;
		}
	}
	for (size_t k = 0; k < len / 2; k++) {
		unsigned char tmp = d[k];
		d[k] = d[len - 1 - k];
		d[len - 1 - k] = tmp;
	}
	for (size_t k = 0; k < len; k++)
		d[k] = (unsigned char)('0' + d[k]);
	char *out = pstrndup(p, (const char *)d, len);
	free(d);
	return out;
}

/* ---- Containers ----------------------------------------------------- */

/* Whether t can begin an expression (for Elixir's choice of message). */
static int starts_expr(const struct mx_tok *t)
{
	switch (t->kind) {
	case MX_TOK_INT:
	case MX_TOK_FLOAT:
	case MX_TOK_CHAR:
	case MX_TOK_ATOM:
	case MX_TOK_ATOM_Q:
	case MX_TOK_STRING:
	case MX_TOK_CHARLIST:
	case MX_TOK_HEREDOC:
	case MX_TOK_SIGIL:
	case MX_TOK_ALIAS:
	case MX_TOK_IDENT:
	case MX_TOK_CAPTURE_INT:
	case MX_TOK_LBRACE:
	case MX_TOK_LBRACKET:
	case MX_TOK_LPAREN:
	case MX_TOK_PERCENT_BRACE:
	case MX_TOK_PERCENT:
	case MX_TOK_LBITS:
	case MX_TOK_FN:
	case MX_TOK_TRUE:
	case MX_TOK_FALSE:
	case MX_TOK_NIL:
		return 1;
	case MX_TOK_OP:
		return mx_exs_ops[t->op].unary || t->op == MX_OP_ELLIPSIS || t->op == MX_OP_RANGE;
	default:
		return 0;
	}
}

/* key: value, key: value ... pushed as KW nodes; stops before a closing
 * token or anything that is not `, key:`. */
static int parse_kw_pairs(struct parser *p, int call)
{
	for (;;) {
		struct mx_tok *t = cur(p);
		struct mx_ast *key = kw_key(p, t);
		if (!key)
			return -1;
		advance(p);
		skip_nl(p);
		struct mx_ast *kw = node_at(p, MX_AST_KW, t);
		kw->u.pair.key = key;
		kw->u.pair.value = parse_expr(p, LOWEST);
		if (!kw->u.pair.value)
			return -1;
		close_span(p, kw);
		push(p, kw);
		if (!at(p, MX_TOK_COMMA))
			return 0;
		if (peek(p, 1)->kind != MX_TOK_KW) {
			/* a trailing comma before the closer is fine */
			int k = peek(p, 1)->kind;
			if (k == MX_TOK_RPAREN || k == MX_TOK_RBRACKET || k == MX_TOK_RBRACE ||
			    k == MX_TOK_RBITS) {
				advance(p);
				return 0;
			}
			struct mx_tok *comma = cur(p);
			advance(p);
			struct mx_tok *e = cur(p);
			if (!starts_expr(e))
				return unexpected(p), -1;
			return fail_at(p, comma->line, comma->col, "%s",
			               call ? "unexpected expression after keyword list. Keyword "
			                      "lists must always come as the last argument. "
			                      "Therefore, this is not allowed:\n\n"
			                      "    function_call(1, some: :option, 2)\n\n"
			                      "Instead, wrap the keyword in brackets:\n\n"
			                      "    function_call(1, [some: :option], 2)\n\n"
			                      "Syntax error after: ','"
			                    : "unexpected expression after keyword list. Keyword "
			                      "lists must always come last in lists and maps. "
			                      "Therefore, this is not allowed:\n\n"
			                      "    [some: :value, :another]\n"
			                      "    %{some: :value, another => value}\n\n"
			                      "Instead, reorder it to be the last entry:\n\n"
			                      "    [:another, some: :value]\n"
			                      "    %{another => value, some: :value}\n\n"
			                      "Syntax error after: ','");
		}
		advance(p);
		skip_nl(p);
	}
}

/* A trailing keyword list as one implicit LIST node. */
static struct mx_ast *parse_kw_list(struct parser *p, int call)
{
	struct mx_tok *t = cur(p);
	size_t mark = p->nstk;
	if (parse_kw_pairs(p, call) < 0)
		return NULL;
	struct mx_ast *l = node_at(p, MX_AST_LIST, t);
	l->flags |= MX_AST_F_IMPLICIT;
	l->u.list.items = pop_to(p, mark, &l->u.list.n);
	close_span(p, l);
	return l;
}

/*
 * Comma-separated items up to the closer (which is consumed). kw_mode:
 * 0 keywords become KW items (lists), 1 they become one implicit LIST item
 * (tuples, call args). Pushes onto the stack from the current mark.
 */
static int parse_items(struct parser *p, int closer, int kw_mode, const struct mx_tok *open,
                       const char *open_text)
{
	int saved = p->no_do, saved_np = p->np_ctx;
	p->no_do = 0;
	open_push(p, open);
	skip_nl(p);
	size_t first = p->nstk;
	while (!at(p, closer) && !at(p, MX_TOK_EOF)) {
		/* foo(g a, b) is fine, foo(x, g a, b) and [g a, b] are not */
		p->np_ctx = closer != MX_TOK_RPAREN ? NP_CONTAINER
		            : p->nstk == first      ? NP_FREE
		                                    : NP_NESTED;
		if (at(p, MX_TOK_KW)) {
			/* {a: 1} and <<a: 1>> are errors; {x, a: 1} is fine */
			if ((closer == MX_TOK_RBRACE && p->nstk == first) ||
			    closer == MX_TOK_RBITS) {
				unexpected_at_start(p);
				goto fail;
			}
			if (kw_mode == 0) {
				if (parse_kw_pairs(p, 0) < 0)
					goto fail;
			} else {
				struct mx_ast *l = parse_kw_list(p, closer == MX_TOK_RPAREN);
				if (!l)
					goto fail;
				push(p, l);
			}
			skip_nl(p);
			break;
		}
		struct mx_ast *e = parse_expr(p, LOWEST);
		if (!e)
			goto fail;
		push(p, e);
		skip_nl(p);
		if (!at(p, MX_TOK_COMMA))
			break;
		advance(p);
		skip_nl(p);
		/* lists, tuples and bitstrings take a trailing comma, calls not */
		if (closer == MX_TOK_RPAREN && at(p, closer)) {
			unexpected(p);
			goto fail;
		}
	}
	p->no_do = saved;
	p->np_ctx = saved_np;
	return expect_close(p, closer, open, open_text);
fail:
	p->no_do = saved;
	p->np_ctx = saved_np;
	return -1;
}

static struct mx_ast *parse_list_like(struct parser *p, int kind, int closer, int kw_mode,
                                      const char *open_text)
{
	struct mx_tok *open = cur(p);
	struct mx_ast *n = node_at(p, kind, open);
	size_t mark = p->nstk;
	advance(p);
	if (parse_items(p, closer, kw_mode, open, open_text) < 0)
		return NULL;
	n->u.list.items = pop_to(p, mark, &n->u.list.n);
	close_span(p, n);
	return n;
}

/* The {...} of a map or struct: [base |] pairs. cur is at `{`. */
static int parse_map_body(struct parser *p, struct mx_ast *m, const struct mx_tok *open)
{
	int saved = p->no_do, saved_np = p->np_ctx;
	size_t mark = p->nstk;
	p->no_do = 0;
	p->np_ctx = NP_CONTAINER;
	open_push(p, open);
	advance(p);
	skip_nl(p);
	int first = 1;
	while (!at(p, MX_TOK_RBRACE) && !at(p, MX_TOK_EOF)) {
		if (at(p, MX_TOK_KW)) {
			if (parse_kw_pairs(p, 0) < 0)
				goto fail;
			skip_nl(p);
			break;
		}
		/* Above `=>` and `|`, so both stay for us. */
		struct mx_ast *k = parse_expr(p, 81);
		if (!k)
			goto fail;
		skip_nl(p);
		if (first && at_op(p, MX_OP_PIPE)) {
			m->u.map.update = k;
			advance(p);
			skip_nl(p);
			first = 0;
			continue;
		}
		first = 0;
		if (at_op(p, MX_OP_ASSOC)) {
			struct mx_ast *pair = node_from(p, MX_AST_ASSOC, k);
			advance(p);
			skip_nl(p);
			pair->u.pair.key = k;
			pair->u.pair.value = parse_expr(p, LOWEST);
			if (!pair->u.pair.value)
				goto fail;
			close_span(p, pair);
			push(p, pair);
		} else if ((at(p, MX_TOK_COMMA) || at(p, MX_TOK_RBRACE)) &&
		           !(k->kind != MX_AST_CALL && (k->flags & MX_AST_F_PARENS)) &&
		           ((k->kind == MX_AST_VAR && strcmp(k->u.name.name, "..")) ||
		            k->kind == MX_AST_CALL || k->kind == MX_AST_ACCESS ||
		            (k->kind == MX_AST_UNARY && !strcmp(k->u.op.op, "...")))) {
			/* Macro code: %{unquote_splicing(pairs)} */
			push(p, k);
		} else {
			unexpected(p);
			goto fail;
		}
		skip_nl(p);
		if (!at(p, MX_TOK_COMMA))
			break;
		advance(p);
		skip_nl(p);
	}
	p->no_do = saved;
	p->np_ctx = saved_np;
	if (expect_close(p, MX_TOK_RBRACE, open, "{") < 0)
		return -1;
	m->u.map.items = pop_to(p, mark, &m->u.map.n);
	close_span(p, m);
	return 0;
fail:
	p->no_do = saved;
	p->np_ctx = saved_np;
	return -1;
}

static struct mx_ast *alias_node(struct parser *p, const struct mx_tok *t, struct mx_ast *base)
{
	struct mx_ast *n = node_at(p, MX_AST_ALIAS, t);
	if (base) {
		n->line = base->line;
		n->col = base->col;
		n->off = base->off;
	}
	n->u.alias.base = base;
	n->u.alias.segs = MX_ARENA_NEWN(p->a, const char *, 1);
	n->u.alias.segs[0] = dup(p, t->off, t->end - t->off);
	n->u.alias.nsegs = 1;
	n->u.alias.name = n->u.alias.segs[0];
	n->end = t->end;
	return n;
}

static void alias_append(struct parser *p, struct mx_ast *n, const struct mx_tok *t)
{
	size_t k = n->u.alias.nsegs;
	const char **segs = MX_ARENA_NEWN(p->a, const char *, k + 1);
	memcpy(segs, n->u.alias.segs, k * sizeof(*segs));
	segs[k] = dup(p, t->off, t->end - t->off);
	n->u.alias.segs = segs;
	n->u.alias.nsegs = k + 1;
	size_t l1 = strlen(n->u.alias.name), l2 = t->end - t->off;
	char *name = pool_alloc(p, l1 + 1 + l2);
	memcpy(name, n->u.alias.name, l1);
	name[l1] = '.';
	memcpy(name + l1 + 1, p->src + t->off, l2);
	name[l1 + 1 + l2] = '\0';
	n->u.alias.name = name;
	n->end = t->end;
}

/* %Name{...}: the struct name. */
static struct mx_ast *parse_struct_name(struct parser *p)
{
	struct mx_tok *t = cur(p);
	struct mx_ast *n;
	if (t->kind == MX_TOK_ALIAS) {
		n = alias_node(p, t, NULL);
		advance(p);
	} else if (t->kind == MX_TOK_IDENT) {
		n = node_at(p, MX_AST_VAR, t);
		n->u.name.len = t->end - t->off;
		n->u.name.name = dup(p, t->off, n->u.name.len);
		advance(p);
		if (at(p, MX_TOK_LPAREN) && !(cur(p)->flags & MX_TOKF_SPACE)) {
			/* %unquote(mod){...} in macro code */
			struct mx_ast *call = node_at(p, MX_AST_CALL, t);
			call->u.call.name = n->u.name.name;
			call->u.call.name_len = n->u.name.len;
			if (parse_paren_args(p, call) < 0)
				return NULL;
			n = call;
		}
	} else if (t->kind == MX_TOK_ATOM_Q) {
		n = atomize(p, string_node(p, t, MX_AST_STRING));
		if (!n)
			return NULL;
		advance(p);
	} else if (t->kind == MX_TOK_OP && (t->op == MX_OP_AT || t->op == MX_OP_CARET) &&
	           peek(p, 1)->kind == MX_TOK_IDENT) {
		struct mx_tok *id = peek(p, 1);
		if (t->op == MX_OP_AT) {
			n = node_at(p, MX_AST_ATTR, t);
			n->u.attr.len = id->end - id->off;
			n->u.attr.name = dup(p, id->off, n->u.attr.len);
		} else {
			n = node_at(p, MX_AST_UNARY, t);
			n->u.op.op = "^";
			struct mx_ast *v = node_at(p, MX_AST_VAR, id);
			v->u.name.len = id->end - id->off;
			v->u.name.name = dup(p, id->off, v->u.name.len);
			n->u.op.right = v;
		}
		advance(p);
		advance(p);
		close_span(p, n);
	} else if (t->kind == MX_TOK_ATOM) {
		n = node_at(p, MX_AST_ATOM, t);
		n->u.name.len = t->end - t->off - 1;
		n->u.name.name = dup(p, t->off + 1, n->u.name.len);
		advance(p);
	} else {
		return unexpected(p);
	}
	while (at(p, MX_TOK_DOT) && peek(p, 1)->kind == MX_TOK_ALIAS) {
		advance(p);
		if (n->kind == MX_AST_ALIAS && !n->u.alias.base) {
			alias_append(p, n, cur(p));
		} else {
			n = alias_node(p, cur(p), n);
		}
		advance(p);
	}
	return n;
}

/* ---- Calls ---------------------------------------------------------- */

/* Whether token t can start the first argument of a call without parens
 * written after the identifier id. */
static int starts_noparens_arg(const struct mx_tok *id, const struct mx_tok *t)
{
	switch (t->kind) {
	case MX_TOK_INT:
	case MX_TOK_FLOAT:
	case MX_TOK_CHAR:
	case MX_TOK_ATOM:
	case MX_TOK_ATOM_Q:
	case MX_TOK_STRING:
	case MX_TOK_CHARLIST:
	case MX_TOK_HEREDOC:
	case MX_TOK_SIGIL:
	case MX_TOK_ALIAS:
	case MX_TOK_IDENT:
	case MX_TOK_KW:
	case MX_TOK_CAPTURE_INT:
	case MX_TOK_LBRACE:
	case MX_TOK_PERCENT_BRACE:
	case MX_TOK_PERCENT:
	case MX_TOK_LBITS:
	case MX_TOK_FN:
	case MX_TOK_TRUE:
	case MX_TOK_FALSE:
	case MX_TOK_NIL:
		return 1;
	case MX_TOK_LBRACKET:
	case MX_TOK_LPAREN:
		return (t->flags & MX_TOKF_SPACE) != 0;
	case MX_TOK_OP:
		switch (t->op) {
		case MX_OP_BANG:
		case MX_OP_CARET:
		case MX_OP_NOT:
		case MX_OP_TILDE3:
		case MX_OP_AT:
		case MX_OP_CAPTURE:
			return 1;
		case MX_OP_PLUS:
		case MX_OP_MINUS:
			return (id->flags & MX_TOKF_OPIDENT) != 0;
		case MX_OP_ELLIPSIS:
			return 1; /* a ... is a(...) */
		default:
			return 0;
		}
	default:
		return 0;
	}
}

/* (args) of a call with parentheses; cur at `(`. */
static int parse_paren_args(struct parser *p, struct mx_ast *call)
{
	struct mx_tok *open = cur(p);
	size_t mark = p->nstk;
	advance(p);
	if (parse_items(p, MX_TOK_RPAREN, 1, open, "(") < 0)
		return -1;
	call->u.call.args = pop_to(p, mark, &call->u.call.nargs);
	call->flags |= MX_AST_F_PARENS;
	close_span(p, call);
	return 0;
}

/* Arguments of a call without parens: a, b, key: v. */
static int parse_noparens_args(struct parser *p, struct mx_ast *call)
{
	size_t mark = p->nstk;
	int saved = p->no_do, outer = p->np_ctx;
	p->no_do = 1;
	for (size_t i = 0;; i++) {
		/* `f g a, b` is f(g(a, b)); after a comma, g may take one */
		p->np_ctx = i == 0 ? NP_FREE : NP_NESTED;
		if (at(p, MX_TOK_KW)) {
			p->np_ctx = NP_FREE;
			struct mx_ast *l = parse_kw_list(p, 1);
			if (!l)
				goto fail;
			push(p, l);
			break;
		}
		struct mx_ast *e = parse_expr(p, LOWEST);
		if (!e)
			goto fail;
		push(p, e);
		if (!at(p, MX_TOK_COMMA))
			break;
		advance(p);
		skip_nl(p);
	}
	p->no_do = saved;
	p->np_ctx = outer;
	call->u.call.args = pop_to(p, mark, &call->u.call.nargs);
	close_span(p, call);
	return 0;
fail:
	p->no_do = saved;
	p->np_ctx = outer;
	p->nstk = mark;
	return -1;
}

static struct mx_ast *block_key(struct parser *p, const struct mx_tok *t)
{
	struct mx_ast *k = node_at(p, MX_AST_ATOM, t);
	k->u.name.len = t->end - t->off;
	k->u.name.name = dup(p, t->off, k->u.name.len);
	return k;
}

/* do ... [else ...] end; cur at `do`. */
static int parse_do_block(struct parser *p, struct mx_ast *call)
{
	struct mx_tok *dot = cur(p);
	size_t mark = p->nstk;
	int saved = p->no_do;
	p->no_do = 0;
	open_push(p, dot);
	struct mx_tok *kt = dot;
	for (;;) {
		advance(p);
		struct mx_ast *kw = node_at(p, MX_AST_KW, kt);
		kw->u.pair.key = block_key(p, kt);
		kw->u.pair.value = parse_body(p, 0);
		if (!kw->u.pair.value)
			goto fail;
		close_span(p, kw);
		push(p, kw);
		if (!at(p, MX_TOK_BLOCK))
			break;
		kt = cur(p);
	}
	p->no_do = saved;
	if (expect_close(p, MX_TOK_END, dot, "do") < 0)
		return -1;
	struct mx_ast *l = node_at(p, MX_AST_LIST, dot);
	l->u.list.items = pop_to(p, mark, &l->u.list.n);
	close_span(p, l);
	call->u.call.blocks = l;
	call->flags |= MX_AST_F_DO;
	close_span(p, call);
	return 0;
fail:
	p->no_do = saved;
	p->nstk = mark;
	return -1;
}

static int check_ambiguous(struct parser *p, struct mx_ast *call, const struct mx_tok *op)
{
	/* A call without parens and without a do-block that took several
	 * arguments where only one is allowed. */
	if (p->np_ctx == NP_FREE || (call->flags & (MX_AST_F_PARENS | MX_AST_F_DO)) ||
	    call->u.call.nargs < 2)
		return 0;
	return fail_at(
	    p, op ? op->line : call->line, op ? op->col : call->col, "%s",
	    p->np_ctx == NP_NESTED
	        ? "unexpected comma. Parentheses are required to solve ambiguity in nested "
	          "calls.\n\n"
	          "This error happens when you have nested function calls without parentheses. "
	          "For example:\n\n"
	          "    parent_call a, nested_call b, c, d\n\n"
	          "In the example above, we don't know if the parameters \"c\" and \"d\" apply "
	          "to the function \"parent_call\" or \"nested_call\". You can solve this by "
	          "explicitly adding parentheses:\n\n"
	          "    parent_call a, nested_call(b, c, d)\n\n"
	          "Or by adding commas (in case a nested call is not intended):\n\n"
	          "    parent_call a, nested_call, b, c, d\n\n"
	          "Elixir cannot compile otherwise. Syntax error before: ','"
	        : "unexpected comma. Parentheses are required to solve ambiguity inside "
	          "containers.\n\n"
	          "This error may happen when you forget a comma in a list or other container:\n\n"
	          "    [a, b c, d]\n\n"
	          "Or when you have ambiguous calls:\n\n"
	          "    [function a, b, c]\n\n"
	          "In the example above, we don't know if the values \"b\" and \"c\" "
	          "belongs to the list or the function \"function\". You can solve this by "
	          "explicitly "
	          "adding parentheses:\n\n"
	          "    [one, function(a, b, c)]\n\n"
	          "Elixir cannot compile otherwise. Syntax error before: ','");
}

/* After a call's name (local or remote): (args), no-parens args, do. */
static struct mx_ast *finish_call(struct parser *p, struct mx_ast *call, const struct mx_tok *id,
                                  int allow_noparens, const struct mx_tok *op)
{
	if (at(p, MX_TOK_LPAREN) && !(cur(p)->flags & MX_TOKF_SPACE)) {
		if (parse_paren_args(p, call) < 0)
			return NULL;
	} else if (allow_noparens && !at(p, MX_TOK_DO) && starts_noparens_arg(id, cur(p))) {
		if (parse_noparens_args(p, call) < 0)
			return NULL;
	} else if (!at(p, MX_TOK_DO) || p->no_do) {
		return NULL; /* not a call: caller makes a variable / field */
	}
	if (at(p, MX_TOK_DO) && !p->no_do)
		if (parse_do_block(p, call) < 0)
			return NULL;
	if (check_ambiguous(p, call, op) < 0)
		return NULL;
	return call;
}

/* ---- Primary expressions -------------------------------------------- */

static struct mx_ast *parse_postfix(struct parser *p, struct mx_ast *left);

/* The name an identifier token spells (decoded when quoted). */
static int ident_name(struct parser *p, const struct mx_tok *t, const char **name, size_t *len)
{
	if (t->flags & MX_TOKF_QUOTED) {
		struct mx_ast_part *pv;
		size_t pn;
		if (decode_tok(p, t, STR_NAME, -1, p->src[t->off], &pv, &pn) < 0)
			return -1;
		*name = pn ? pv[0].text : "";
		*len = pn ? pv[0].len : 0;
	} else {
		*len = t->end - t->off;
		*name = dup(p, t->off, *len);
	}
	return 0;
}

static struct mx_ast *var_node(struct parser *p, const struct mx_tok *t, const char *name,
                               size_t len)
{
	struct mx_ast *n = node_at(p, MX_AST_VAR, t);
	n->u.name.name = name;
	n->u.name.len = len;
	if (t->flags & MX_TOKF_QUOTED)
		n->flags |= MX_AST_F_QUOTED;
	return n;
}

static struct mx_ast *parse_identifier(struct parser *p, const struct mx_tok *op)
{
	struct mx_tok *id = cur(p);
	const char *name;
	size_t len;
	if (ident_name(p, id, &name, &len) < 0)
		return NULL;
	advance(p);
	int could_call = (at(p, MX_TOK_LPAREN) && !(cur(p)->flags & MX_TOKF_SPACE)) ||
	                 (at(p, MX_TOK_DO) && !p->no_do) || starts_noparens_arg(id, cur(p));
	if (!could_call)
		return var_node(p, id, name, len);
	struct mx_ast *call = node_at(p, MX_AST_CALL, id);
	call->u.call.name = name;
	call->u.call.name_len = len;
	struct mx_ast *r = finish_call(p, call, id, 1, op);
	if (!r && !p->failed)
		return var_node(p, id, name, len);
	return r;
}

static struct mx_ast *parse_fn(struct parser *p)
{
	struct mx_tok *fnt = cur(p);
	open_push(p, fnt);
	advance(p);
	int saved = p->no_do;
	p->no_do = 0;
	struct mx_ast *body = parse_body(p, 2);
	p->no_do = saved;
	if (!body)
		return NULL;
	if (body->kind != MX_AST_CLAUSES) {
		struct mx_tok *t = fnt;
		fail_at(p, t->line, t->col,
		        "expected anonymous functions to be defined with -> inside: 'fn'");
		return NULL;
	}
	if (expect_close(p, MX_TOK_END, fnt, "fn") < 0)
		return NULL;
	struct mx_ast *n = node_at(p, MX_AST_FN, fnt);
	n->u.list.items = body->u.list.items;
	n->u.list.n = body->u.list.n;
	close_span(p, n);
	return n;
}

static struct mx_ast *parse_paren_expr(struct parser *p)
{
	struct mx_tok *open = cur(p);
	open_push(p, open);
	advance(p);
	int saved = p->no_do;
	p->no_do = 0;
	struct mx_ast *body = parse_body(p, 1);
	p->no_do = saved;
	if (!body)
		return NULL;
	if (expect_close(p, MX_TOK_RPAREN, open, "(") < 0)
		return NULL;
	if (body->kind == MX_AST_BLOCK && body->u.list.n == 0) {
		body->off = open->off;
		body->line = open->line;
		body->col = open->col;
		close_span(p, body);
	}
	if (body->kind != MX_AST_CALL)
		body->flags |= MX_AST_F_PARENS;
	return body;
}

static struct mx_ast *parse_primary(struct parser *p)
{
	struct mx_tok *t = cur(p);
	struct mx_ast *n;
	switch (t->kind) {
	case MX_TOK_INT:
		n = node_at(p, MX_AST_INT, t);
		n->u.i.v = mx_tok_int(t);
		if (t->flags & MX_TOKF_BIGINT) {
			n->flags |= MX_AST_F_BIGINT;
			n->u.i.big = big_decimal(p, t);
		}
		advance(p);
		return n;
	case MX_TOK_CHAR:
		n = node_at(p, MX_AST_INT, t);
		n->u.i.v = t->a;
		n->flags |= MX_AST_F_CHAR;
		advance(p);
		return n;
	case MX_TOK_FLOAT:
		n = node_at(p, MX_AST_FLOAT, t);
		n->u.f = mx_tok_float(t);
		advance(p);
		return n;
	case MX_TOK_CAPTURE_INT:
		n = node_at(p, MX_AST_CAPTURE_ARG, t);
		n->u.i.v = t->a;
		advance(p);
		return n;
	case MX_TOK_TRUE:
	case MX_TOK_FALSE:
	case MX_TOK_NIL:
		n = node_at(p, MX_AST_ATOM, t);
		n->u.name.len = t->end - t->off;
		n->u.name.name = dup(p, t->off, n->u.name.len);
		advance(p);
		return n;
	case MX_TOK_ATOM:
		n = node_at(p, MX_AST_ATOM, t);
		n->u.name.len = t->end - t->off - 1;
		n->u.name.name = dup(p, t->off + 1, n->u.name.len);
		advance(p);
		return n;
	case MX_TOK_ATOM_Q:
		n = atomize(p, string_node(p, t, MX_AST_STRING));
		advance(p);
		return n;
	case MX_TOK_STRING:
		n = string_node(p, t, MX_AST_STRING);
		advance(p);
		return n;
	case MX_TOK_CHARLIST:
		n = string_node(p, t, MX_AST_CHARLIST);
		advance(p);
		return n;
	case MX_TOK_HEREDOC:
		n = string_node(p, t,
		                (t->flags & MX_TOKF_SQUOTE) ? MX_AST_CHARLIST : MX_AST_STRING);
		advance(p);
		return n;
	case MX_TOK_SIGIL:
		n = sigil_node(p, t);
		advance(p);
		return n;
	case MX_TOK_ALIAS:
		n = alias_node(p, t, NULL);
		advance(p);
		return n;
	case MX_TOK_IDENT:
		return parse_identifier(p, NULL);
	case MX_TOK_LBRACKET:
		return parse_list_like(p, MX_AST_LIST, MX_TOK_RBRACKET, 0, "[");
	case MX_TOK_LBRACE:
		return parse_list_like(p, MX_AST_TUPLE, MX_TOK_RBRACE, 1, "{");
	case MX_TOK_LBITS:
		return parse_list_like(p, MX_AST_BITSTRING, MX_TOK_RBITS, 1, "<<");
	case MX_TOK_PERCENT_BRACE:
		n = node_at(p, MX_AST_MAP, t);
		if (parse_map_body(p, n, t) < 0)
			return NULL;
		return n;
	case MX_TOK_PERCENT: {
		advance(p);
		struct mx_ast *name = parse_struct_name(p);
		if (!name)
			return NULL;
		if (!at(p, MX_TOK_LBRACE))
			return unexpected(p);
		n = node_at(p, MX_AST_STRUCT, t);
		n->u.map.name = name;
		if (parse_map_body(p, n, cur(p)) < 0)
			return NULL;
		return n;
	}
	case MX_TOK_LPAREN:
		return parse_paren_expr(p);
	case MX_TOK_FN:
		return parse_fn(p);
	case MX_TOK_OP:
		if (t->op == MX_OP_ELLIPSIS) {
			struct mx_tok *nx = peek(p, 1);
			if (starts_expr(nx) &&
			    !(nx->kind == MX_TOK_OP && mx_exs_ops[nx->op].prec)) {
				/* ...x: Elixir's ellipsis prefix (typespecs, macros) */
				advance(p);
				struct mx_ast *operand = parse_expr(p, 91);
				if (!operand)
					return NULL;
				n = node_at(p, MX_AST_UNARY, t);
				n->u.op.op = "...";
				n->u.op.right = operand;
				n->u.op.op_line = t->line;
				n->u.op.op_col = t->col;
				close_span(p, n);
				return n;
			}
		}
		if (t->op == MX_OP_ELLIPSIS || t->op == MX_OP_RANGE) {
			/* `...` and `..` standing alone */
			n = node_at(p, MX_AST_VAR, t);
			n->u.name.name = mx_exs_ops[t->op].s;
			n->u.name.len = strlen(n->u.name.name);
			advance(p);
			return n;
		}
		return unexpected(p);
	case MX_TOK_KW:
		return unexpected_at_start(p);
	default:
		return unexpected(p);
	}
}

/* Dots, remote calls, fun.(args), access: the highest precedence. */
static struct mx_ast *parse_postfix(struct parser *p, struct mx_ast *left)
{
	while (left) {
		struct mx_tok *t = cur(p);
		if (t->kind == MX_TOK_DOT) {
			struct mx_tok *nx = peek(p, 1);
			if (nx->kind == MX_TOK_ALIAS) {
				if (left->kind == MX_AST_ATOM && !(left->flags & MX_AST_F_QUOTED) &&
				    left->off + 1 < p->len && p->src[left->off] == ':') {
					fail_at(p, nx->line, nx->col,
					        "atom cannot be followed by an alias. If the '.' "
					        "was meant to be part of the atom's name, the atom "
					        "name must be quoted. Syntax error before: '.'");
					return NULL;
				}
				advance(p);
				if (left->kind == MX_AST_ALIAS && !(left->flags & MX_AST_F_PARENS))
					alias_append(p, left, cur(p));
				else
					left = alias_node(p, cur(p), left);
				advance(p);
				continue;
			}
			if (nx->kind == MX_TOK_LBRACE) {
				/* alias Foo.{A, B} */
				advance(p);
				struct mx_tok *open = cur(p);
				struct mx_ast *call = node_from(p, MX_AST_CALL, left);
				call->u.call.target = left;
				call->u.call.name = "{}";
				call->u.call.name_len = 2;
				size_t mark = p->nstk;
				advance(p);
				if (parse_items(p, MX_TOK_RBRACE, 1, open, "{") < 0)
					return NULL;
				call->u.call.args = pop_to(p, mark, &call->u.call.nargs);
				call->flags |= MX_AST_F_PARENS; /* closed, like (...) */
				close_span(p, call);
				left = call;
				continue;
			}
			if (nx->kind == MX_TOK_IDENT || nx->kind == MX_TOK_FN ||
			    nx->kind == MX_TOK_DO || nx->kind == MX_TOK_END ||
			    nx->kind == MX_TOK_TRUE || nx->kind == MX_TOK_FALSE ||
			    nx->kind == MX_TOK_NIL || nx->kind == MX_TOK_BLOCK ||
			    (nx->kind == MX_TOK_OP && nx->off == t->end)) {
				advance(p);
				struct mx_tok *id = cur(p);
				const char *name;
				size_t len;
				if (ident_name(p, id, &name, &len) < 0)
					return NULL;
				advance(p);
				struct mx_ast *call = node_from(p, MX_AST_CALL, left);
				call->u.call.target = left;
				call->u.call.name = name;
				call->u.call.name_len = len;
				if (id->flags & MX_TOKF_QUOTED)
					call->flags |= MX_AST_F_QUOTED;
				call->end = id->end;
				struct mx_ast *r = finish_call(p, call, id, 1, NULL);
				if (!r) {
					if (p->failed)
						return NULL;
					r = call; /* a field: a.b */
				}
				left = r;
				continue;
			}
			advance(p);
			return unexpected(p);
		}
		if (t->kind == MX_TOK_DOT_CALL) {
			advance(p);
			struct mx_ast *call = node_from(p, MX_AST_CALL, left);
			call->u.call.target = left;
			call->flags |= MX_AST_F_ANON;
			if (parse_paren_args(p, call) < 0)
				return NULL;
			if (at(p, MX_TOK_DO) && !p->no_do && parse_do_block(p, call) < 0)
				return NULL;
			left = call;
			continue;
		}
		if (t->kind == MX_TOK_LPAREN && !(t->flags & MX_TOKF_SPACE) &&
		    left->kind == MX_AST_CALL && (left->flags & MX_AST_F_PARENS) &&
		    !left->u.call.blocks) {
			/* unquote(name)(args): the callee is an expression; the
			 * name is "" so code that compares names stays safe */
			struct mx_ast *call = node_from(p, MX_AST_CALL, left);
			call->u.call.target = left;
			call->u.call.name = "";
			call->u.call.name_len = 0;
			if (parse_paren_args(p, call) < 0)
				return NULL;
			if (at(p, MX_TOK_DO) && !p->no_do && parse_do_block(p, call) < 0)
				return NULL;
			left = call;
			continue;
		}
		if (t->kind == MX_TOK_LBRACKET && !(t->flags & MX_TOKF_SPACE)) {
			struct mx_ast *acc = node_from(p, MX_AST_ACCESS, left);
			open_push(p, t);
			advance(p);
			int saved = p->no_do, saved_np = p->np_ctx;
			p->no_do = 0;
			p->np_ctx = NP_FREE;
			skip_nl(p);
			acc->u.access.target = left;
			if (at(p, MX_TOK_KW))
				acc->u.access.key = parse_kw_list(p, 0);
			else
				acc->u.access.key = parse_expr(p, LOWEST);
			p->no_do = saved;
			p->np_ctx = saved_np;
			if (!acc->u.access.key)
				return NULL;
			skip_nl(p);
			if (expect_close(p, MX_TOK_RBRACKET, t, "[") < 0)
				return NULL;
			close_span(p, acc);
			left = acc;
			continue;
		}
		break;
	}
	return left;
}

/* @name, @name value, @name(value) */
static struct mx_ast *parse_attr(struct parser *p)
{
	struct mx_tok *at_t = cur(p);
	advance(p);
	struct mx_tok *id = cur(p);
	if (id->kind != MX_TOK_IDENT || (id->flags & MX_TOKF_QUOTED)) {
		struct mx_ast *operand = parse_expr(p, mx_exs_ops[MX_OP_AT].unary);
		if (!operand)
			return NULL;
		struct mx_ast *u = node_at(p, MX_AST_UNARY, at_t);
		u->u.op.op = "@";
		u->u.op.right = operand;
		close_span(p, u);
		return u;
	}
	struct mx_ast *n = node_at(p, MX_AST_ATTR, at_t);
	n->u.attr.len = id->end - id->off;
	n->u.attr.name = dup(p, id->off, n->u.attr.len);
	advance(p);
	n->end = id->end;
	/* Read the rest as the call `name ...` that Elixir sees under the @. */
	struct mx_ast *c = node_at(p, MX_AST_CALL, id);
	c->u.call.name = n->u.attr.name;
	c->u.call.name_len = n->u.attr.len;
	if (at(p, MX_TOK_LPAREN) && !(cur(p)->flags & MX_TOKF_SPACE)) {
		if (parse_paren_args(p, c) < 0)
			return NULL;
	} else if (starts_noparens_arg(id, cur(p))) {
		if (parse_noparens_args(p, c) < 0)
			return NULL;
	}
	if (at(p, MX_TOK_DO) && !p->no_do && parse_do_block(p, c) < 0)
		return NULL;
	size_t arity = mx_ast_call_arity(c);
	if (arity == 1) {
		n->u.attr.value = c->u.call.nargs ? c->u.call.args[0] : c->u.call.blocks;
	} else if (arity > 1) {
		/* @foo a, b: Elixir rejects it when compiling; keep its shape */
		n->kind = MX_AST_UNARY;
		memset(&n->u, 0, sizeof(n->u));
		n->u.op.op = "@";
		n->u.op.right = c;
		n->u.op.op_line = at_t->line;
		n->u.op.op_col = at_t->col;
	}
	close_span(p, n);
	return n;
}

static struct mx_ast *parse_prefix(struct parser *p)
{
	struct mx_tok *t = cur(p);
	const struct mx_tok *op = p->pending_op;
	p->pending_op = NULL;
	if (t->kind == MX_TOK_IDENT)
		return parse_postfix(p, parse_identifier(p, op));
	if (t->kind == MX_TOK_OP) {
		const struct mx_exs_opinfo *oi = &mx_exs_ops[t->op];
		if (t->op == MX_OP_AT)
			return parse_postfix(p, parse_attr(p));
		if (oi->unary) {
			advance(p);
			skip_nl(p);
			struct mx_ast *operand = parse_expr(p, oi->unary);
			if (!operand)
				return NULL;
			if (t->op == MX_OP_MINUS && !(operand->flags & MX_AST_F_PARENS) &&
			    operand->off == t->end &&
			    ((operand->kind == MX_AST_INT &&
			      !(operand->flags & (MX_AST_F_CHAR | MX_AST_F_BIGINT))) ||
			     operand->kind == MX_AST_FLOAT)) {
				/* -1 is a literal, as Elixir folds it */
				if (operand->kind == MX_AST_INT)
					operand->u.i.v = -operand->u.i.v;
				else
					operand->u.f = -operand->u.f;
				operand->off = t->off;
				operand->line = t->line;
				operand->col = t->col;
				return operand;
			}
			struct mx_ast *u =
			    node_at(p, t->op == MX_OP_CAPTURE ? MX_AST_CAPTURE : MX_AST_UNARY, t);
			u->u.op.op = oi->s;
			u->u.op.right = operand;
			u->u.op.op_line = t->line;
			u->u.op.op_col = t->col;
			close_span(p, u);
			return u;
		}
	}
	return parse_postfix(p, parse_primary(p));
}

static struct mx_ast *parse_expr(struct parser *p, int minprec)
{
	if (++p->sh->depth > MX_EXS_MAX_DEPTH) {
		struct mx_tok *t = cur(p);
		fail_at(p, t->line, t->col, "expression nested too deeply (more than %d levels)",
		        MX_EXS_MAX_DEPTH);
		--p->sh->depth;
		return NULL;
	}
	struct mx_ast *left = parse_prefix(p);
	while (left) {
		struct mx_tok *t = cur(p);
		if (t->kind != MX_TOK_OP)
			break;
		const struct mx_exs_opinfo *oi = &mx_exs_ops[t->op];
		if (!oi->prec || oi->prec < minprec)
			break;
		if (t->op == MX_OP_ASSOC)
			break; /* `=>` belongs to maps only (parse_map_body) */
		advance(p);
		skip_nl(p);
		struct mx_ast *right;
		if (t->op == MX_OP_WHEN && at(p, MX_TOK_KW))
			right = parse_kw_list(p, 0); /* typespecs: ... when a: term */
		else {
			p->pending_op = t;
			right = parse_expr(p, oi->right ? oi->prec : oi->prec + 1);
			p->pending_op = NULL;
		}
		if (!right) {
			left = NULL;
			break;
		}
		struct mx_ast *op = node_from(p, MX_AST_OP, left);
		op->u.op.op_line = t->line;
		op->u.op.op_col = t->col;
		if (t->op == MX_OP_TERNARY &&
		    !(left->kind == MX_AST_OP && !strcmp(left->u.op.op, ".."))) {
			fail_at(p, t->line, t->col,
			        "the range step operator (//) must immediately follow the range "
			        "definition operator (..), for example: 1..9//2. If you wanted to "
			        "define a default argument, use (\\\\) instead. Syntax error "
			        "before: '//'");
			left = NULL;
			break;
		}
		if (t->op == MX_OP_TERNARY) {
			op->u.op.op = "..//";
			op->u.op.left = left->u.op.left;
			op->u.op.right = left->u.op.right;
			op->u.op.step = right;
		} else {
			op->u.op.op = oi->s;
			op->u.op.left = left;
			op->u.op.right = right;
		}
		close_span(p, op);
		left = op;
	}
	--p->sh->depth;
	return left;
}

/* ---- Bodies and clauses --------------------------------------------- */

static int is_body_end(struct parser *p)
{
	int k = cur(p)->kind;
	return k == MX_TOK_END || k == MX_TOK_BLOCK || k == MX_TOK_RPAREN || k == MX_TOK_EOF;
}

/* Index of the token after the `)` matching the `(` at p->i, or 0. */
static size_t after_matching_paren(struct parser *p)
{
	int depth = 0;
	for (size_t j = p->i; j < p->n; j++) {
		int k = p->t[j].kind;
		if (k == MX_TOK_LPAREN || k == MX_TOK_LBRACKET || k == MX_TOK_LBRACE ||
		    k == MX_TOK_LBITS || k == MX_TOK_PERCENT_BRACE || k == MX_TOK_FN ||
		    k == MX_TOK_DO)
			depth++;
		else if (k == MX_TOK_RPAREN || k == MX_TOK_RBRACKET || k == MX_TOK_RBRACE ||
		         k == MX_TOK_RBITS || k == MX_TOK_END) {
			if (--depth == 0)
				return k == MX_TOK_RPAREN ? j + 1 : 0;
			if (depth < 0)
				return 0;
		} else if (k == MX_TOK_EOF) {
			return 0;
		}
	}
	return 0;
}

/* Finishes the open clause: body from stk[body_mark..]. */
static void close_clause(struct parser *p, struct mx_ast *stab, size_t body_mark,
                         const struct mx_tok *arrow)
{
	size_t n;
	struct mx_ast **items = pop_to(p, body_mark, &n);
	struct mx_ast *body;
	if (n == 1) {
		body = items[0];
	} else if (n == 0) {
		/* `x -> end`: Elixir reads the missing body as nil */
		body = node_at(p, MX_AST_ATOM, arrow);
		body->off = body->end = arrow->end;
		body->col += 2;
		body->u.name.name = "nil";
		body->u.name.len = 3;
	} else {
		body = node_at(p, MX_AST_BLOCK, arrow);
		if (n) {
			body->line = items[0]->line;
			body->col = items[0]->col;
			body->off = items[0]->off;
			body->end = items[n - 1]->end;
		}
		body->u.list.items = items;
		body->u.list.n = n;
	}
	stab->u.stab.body = body;
	if (body->end > stab->end)
		stab->end = body->end;
	push(p, stab);
}

/*
 * A sequence of expressions up to end/else/.../)/EOF (not consumed), or of
 * `->` clauses. top: 0 do-block, 1 parens, 2 fn (clauses required), 3 file.
 * Returns an expression, a BLOCK (several or none) or a CLAUSES.
 */
static struct mx_ast *parse_body(struct parser *p, int top)
{
	struct mx_tok *start = cur(p);
	size_t mark = p->nstk;
	size_t body_mark = mark;
	struct mx_ast *stab = NULL;
	const struct mx_tok *arrow = NULL;
	int nclauses = 0;

	int saved_np = p->np_ctx;
	p->np_ctx = NP_FREE;
	if (++p->sh->depth > MX_EXS_MAX_DEPTH) {
		fail_at(p, start->line, start->col,
		        "expression nested too deeply (more than %d levels)", MX_EXS_MAX_DEPTH);
		goto fail;
	}
	skip_eol(p);
	while (!is_body_end(p)) {
		size_t gmark = p->nstk;
		struct mx_tok *gstart = cur(p);
		int parens_group = 0;
		struct mx_ast *guard = NULL;
		/* (a, b) -> ... and () -> ... */
		if (at(p, MX_TOK_LPAREN) && top != 3) {
			size_t j = after_matching_paren(p);
			if (j && p->t[j].kind == MX_TOK_OP &&
			    (p->t[j].op == MX_OP_STAB || p->t[j].op == MX_OP_WHEN)) {
				struct mx_tok *open = cur(p);
				advance(p);
				if (parse_items(p, MX_TOK_RPAREN, 1, open, "(") < 0)
					goto fail;
				parens_group = 1;
				if (at_op(p, MX_OP_WHEN)) {
					advance(p);
					skip_eol(p);
					guard = parse_expr(p, LOWEST);
					if (!guard)
						goto fail;
				}
			}
		}
		int kw_group = 0;
		if (!parens_group && !at_op(p, MX_OP_STAB)) {
			for (;;) {
				struct mx_ast *e;
				if (at(p, MX_TOK_KW) && top != 3) {
					/* fn a, opt: 1 -> ...: keywords end a clause head */
					e = parse_kw_list(p, 1);
					kw_group = 1;
				} else {
					e = parse_expr(p, LOWEST);
				}
				if (!e)
					goto fail;
				push(p, e);
				if (kw_group || !at(p, MX_TOK_COMMA))
					break;
				if (top == 3) {
					/* no clauses at file level: a comma is wrong here */
					unexpected(p);
					goto fail;
				}
				advance(p);
				skip_eol(p);
			}
		}
		if (at_op(p, MX_OP_STAB)) {
			if (top == 3) {
				unexpected(p);
				goto fail;
			}
			struct mx_tok *ar = cur(p);
			if (!stab && gmark > body_mark) {
				/* expressions before the first clause */
				fail_at(p, ar->line, ar->col,
				        "unexpected operator ->. If you want to define multiple "
				        "clauses, the first expression must use ->. Syntax error "
				        "before: '->'");
				goto fail;
			}
			size_t nargs;
			struct mx_ast **args = pop_to(p, gmark, &nargs);
			if (!parens_group && nargs > 0) {
				struct mx_ast *last = args[nargs - 1];
				if (last->kind == MX_AST_OP && !(last->flags & MX_AST_F_PARENS) &&
				    !strcmp(last->u.op.op, "when")) {
					guard = last->u.op.right;
					args[nargs - 1] = last->u.op.left;
				}
			}
			if (stab)
				close_clause(p, stab, body_mark, arrow);
			stab = node_at(p, MX_AST_STAB, gstart);
			if (nargs == 0 && !parens_group)
				stab = node_at(p, MX_AST_STAB, ar);
			stab->u.stab.args = args;
			stab->u.stab.nargs = nargs;
			stab->u.stab.guard = guard;
			stab->end = ar->end;
			arrow = ar;
			nclauses++;
			advance(p);
			skip_eol(p);
			body_mark = p->nstk;
			continue;
		}
		if (top == 1 && !parens_group && p->nopen &&
		    p->open[p->nopen - 1]->kind == MX_TOK_LPAREN &&
		    (p->open[p->nopen - 1]->flags & MX_TOKF_SPACE) &&
		    p->open[p->nopen - 1] > p->t &&
		    p->open[p->nopen - 1][-1].kind == MX_TOK_IDENT &&
		    (kw_group || p->nstk - gmark > 1)) {
			/* f (a, b): a call with a space before its parens */
			const struct mx_tok *o = p->open[p->nopen - 1];
			fail_at(p, o->line, o->col,
			        "unexpected parentheses. If you are making a function call, do not "
			        "insert spaces between the function name and the opening "
			        "parentheses. Syntax error before: '('");
			goto fail;
		}
		if (parens_group || kw_group || p->nstk - gmark > 1) {
			/* a comma group that is not a clause head */
			struct mx_ast *e = p->stk[gmark + 1 < p->nstk ? gmark + 1 : gmark];
			(void)e;
			unexpected(p);
			goto fail;
		}
		if (at(p, MX_TOK_EOL)) {
			skip_eol(p);
			continue;
		}
		if (!is_body_end(p)) {
			unexpected(p);
			goto fail;
		}
	}
	--p->sh->depth;
	p->np_ctx = saved_np;
	if (stab) {
		close_clause(p, stab, body_mark, arrow);
		struct mx_ast *c = node_from(p, MX_AST_CLAUSES, p->stk[mark]);
		c->u.list.items = pop_to(p, mark, &c->u.list.n);
		c->end = c->u.list.items[c->u.list.n - 1]->end;
		return c;
	}
	size_t n;
	struct mx_ast **items = pop_to(p, mark, &n);
	if (n == 1)
		return items[0];
	struct mx_ast *b = node_at(p, MX_AST_BLOCK, start);
	if (n) {
		b->line = items[0]->line;
		b->col = items[0]->col;
		b->off = items[0]->off;
		b->end = items[n - 1]->end;
	} else {
		/* empty: a zero-length span right after what came before */
		b->off = b->end = p->last_end;
	}
	b->u.list.items = items;
	b->u.list.n = n;
	return b;
fail:
	--p->sh->depth;
	p->np_ctx = saved_np;
	p->nstk = mark;
	return NULL;
}

/* ---- Entry points --------------------------------------------------- */

static void parser_release(struct parser *p)
{
	if (!p)
		return;
	free(p->open);
	free(p->stk);
	free(p->t);
}

static int parse_interp(struct parser *p, size_t off, unsigned line, size_t ls, struct mx_ast **out,
                        size_t *stop)
{
	struct mx_toks toks = MX_TOKS_INIT;
	if (p->sh->depth > MX_EXS_MAX_DEPTH)
		return fail_at(p, line, (unsigned)(off - ls + 1),
		               "interpolation nested too deeply");
	if (mx_exs_lex(p->file, p->src, p->len, off, line, ls, true, &toks, stop, p->err) < 0) {
		p->failed = 1;
		mx_toks_release(&toks);
		return -1;
	}
	struct parser sub = {0};
	sub.a = p->a;
	sub.file = p->file;
	sub.src = p->src;
	sub.len = p->len;
	sub.t = toks.v;
	sub.n = toks.n;
	sub.err = p->err;
	sub.sh = p->sh;
	sub.last_end = off;
	struct mx_ast *body = parse_body(&sub, 3);
	int ret = 0;
	if (!body) {
		ret = -1;
	} else if (!at(&sub, MX_TOK_EOF)) {
		unexpected(&sub);
		ret = -1;
	}
	if (ret == 0 && body->kind == MX_AST_BLOCK && body->u.list.n == 0) {
		body->off = off;
		body->end = off;
		body->line = line;
		body->col = (unsigned)(off - ls + 1);
	}
	if (ret < 0)
		p->failed = 1;
	*out = body;
	parser_release(&sub);
	return ret;
}

int mx_exs_parse(struct mx_arena *a, const char *file, const char *src, size_t len,
                 struct mx_ast **out, struct mx_err *err)
{
	return mx_exs_parse_at(a, file, src, len, 0, 1, 0, out, err);
}

int mx_exs_parse_at(struct mx_arena *a, const char *file, const char *src, size_t len, size_t off,
                    unsigned line, size_t line_start, struct mx_ast **out, struct mx_err *err)
{
	struct mx_toks toks = MX_TOKS_INIT;
	struct parser p = {0};
	struct pshared sh = {0, NULL, 0, NULL, 0};
	int ret = -1;
	*out = NULL;
	if (mx_exs_lex(file, src, len, off, line, line_start, false, &toks, NULL, err) < 0)
		goto out;
	p.a = a;
	p.file = file;
	p.src = src;
	p.len = len;
	p.t = toks.v;
	p.n = toks.n;
	toks.v = NULL;
	p.err = err;
	p.sh = &sh;
	p.last_end = off;
	/* (the lexer has already paired brackets and do/fn ... end) */
	struct mx_ast *body = parse_body(&p, 3);
	if (!body)
		goto out;
	if (!at(&p, MX_TOK_EOF)) {
		unexpected(&p);
		goto out;
	}
	if (body->kind == MX_AST_BLOCK && body->u.list.n == 0) {
		body->line = line;
		body->col = (unsigned)(off - line_start + 1);
		body->off = body->end = off;
	}
	*out = body;
	ret = 0;
out:
	parser_release(&p);
	mx_toks_release(&toks);
	return ret;
}
