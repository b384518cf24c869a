/*
 * compile: EEx source to one exs AST, following Elixir's EEx.Compiler.
 *
 * The tokenizer cuts the template into text, comments and tags, and sorts
 * each tag by its Elixir tokens as EEx's token_key does: a tag ending in
 * `do` (or in `->` after a `fn`) starts a block, one ending in
 * else/after/rescue/catch (or a `->` clause) continues it, one starting with
 * `end` closes it. A block's tags are joined into one piece of Elixir with a
 * placeholder where each inner part of the template goes, as EEx joins
 * them with __EEX__(n), and parsed as a whole; the placeholders are then
 * replaced by the inner parts' own buffer blocks (eex_int.h).
 *
 * Positions: every piece of code is parsed where it stands in the template,
 * so each node carries its template line and column. A block's joined code
 * is laid out with newlines and spaces so that each tag's code starts at its
 * own line and column: the gap between two tags (their "%>" and "<%" at
 * least) always leaves room for the three-character placeholder " _;".
 */
#include "eex_int.h"

#include <stdlib.h>
#include <string.h>

#include "../exs/ast.h"
#include "../exs/lexer.h"

enum etok_kind { T_TEXT, T_COMMENT, T_EXPR, T_START, T_MIDDLE, T_END, T_EOF };

struct etok {
	enum etok_kind kind;
	char marker;        /* '=', '/', '|' or 0 */
	unsigned line, col; /* of "<%" */
	const char *text;   /* T_TEXT: the text, "<%%" already made "<%" */
	size_t len;
	size_t off, end;      /* a tag's code: [off, end) of the source */
	unsigned cline, ccol; /* where the code starts */
	size_t cls;           /* the offset where that line starts */
	unsigned eline, ecol; /* where the code ends (the "%>") */
};

struct compiler {
	struct mx_arena *a;
	const char *file;
	const char *src;
	size_t len;
	struct etok *t;
	size_t n, alloc, pos;
	const char **texts;
	size_t *text_lens;
	size_t ntexts, atexts, alens;
	struct mx_err *err;
};

/* ---- Tokenizer --------------------------------------------------------------- */

struct cursor {
	size_t off;
	unsigned line, col;
	size_t ls; /* where the current line starts */
};

static void advance(const struct compiler *c, struct cursor *cur, size_t n)
{
	for (size_t i = 0; i < n && cur->off < c->len; i++, cur->off++) {
		unsigned char ch = (unsigned char)c->src[cur->off];
		if (ch == '\n') {
			cur->line++;
			cur->col = 1;
			cur->ls = cur->off + 1;
		} else if ((ch & 0xc0) != 0x80) {
			cur->col++;
		}
	}
}

static bool starts(const struct compiler *c, const struct cursor *cur, const char *s)
{
	size_t n = strlen(s);
	return c->len - cur->off >= n && !memcmp(c->src + cur->off, s, n);
}

static struct etok *push_tok(struct compiler *c, enum etok_kind kind, unsigned line, unsigned col)
{
	MX_ALLOC_GROW(c->t, c->n + 1, c->alloc);
	struct etok *t = &c->t[c->n++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->line = line;
	t->col = col;
	return t;
}

static void flush_text(struct compiler *c, struct mx_buf *text, unsigned line, unsigned col)
{
	if (!text->len)
		return;
	struct etok *t = push_tok(c, T_TEXT, line, col);
	t->text = mx_arena_strndup(c->a, text->buf, text->len);
	t->len = text->len;
	mx_buf_reset(text);
}

/* Moves cur past the next `close` (the end of a tag); false at the end of
 * the source. */
static bool skip_to(const struct compiler *c, struct cursor *cur, const char *close)
{
	while (cur->off < c->len) {
		if (starts(c, cur, close))
			return true;
		advance(c, cur, 1);
	}
	return false;
}

/* EEx's token_key: what a tag's code does to blocks, from its tokens. */
static enum etok_kind classify(const char *code, size_t n)
{
	struct mx_toks toks = MX_TOKS_INIT;
	struct mx_err err = MX_ERR_INIT;
	enum etok_kind kind = T_EXPR;
	if (mx_exs_lex_fragment("eex", code, n, &toks, &err) < 0)
		goto out;
	size_t nt = toks.n - 1; /* without the EOF */
	/* Trailing newlines do not count; a ';' is a token of its own. */
	while (nt && toks.v[nt - 1].kind == MX_TOK_EOL && code[toks.v[nt - 1].off] != ';')
		nt--;
	if (!nt)
		goto out;
	int first = toks.v[0].kind;
	/* Elixir's tokenizer starts with an eol token when the code starts
	 * on the next line (`<%\nend %>` is no end tag); ours skips it. */
	size_t i0 = 0;
	while (i0 < n && (code[i0] == ' ' || code[i0] == '\t'))
		i0++;
	if (i0 < n && (code[i0] == '\n' || code[i0] == '\r' || code[i0] == '#'))
		first = MX_TOK_EOL;
	const struct mx_tok *last = &toks.v[nt - 1];
	if (last->kind == MX_TOK_DO) {
		kind = first == MX_TOK_END ? T_MIDDLE : T_START;
	} else if (last->kind == MX_TOK_BLOCK) {
		kind = T_MIDDLE;
	} else if (last->kind == MX_TOK_OP && last->op == MX_OP_STAB) {
		/* `fn x ->` opens a block, a clause `x ->` continues one: the
		 * nearest fn or end before the arrow decides. */
		kind = T_MIDDLE;
		if (first != MX_TOK_END) {
			for (size_t i = nt - 1; i-- > 0;) {
				if (toks.v[i].kind == MX_TOK_END)
					break;
				if (toks.v[i].kind == MX_TOK_FN) {
					kind = T_START;
					break;
				}
			}
		}
	} else {
		size_t i = 0;
		while (i < nt &&
		       (toks.v[i].kind == MX_TOK_LPAREN || toks.v[i].kind == MX_TOK_LBRACKET ||
		        toks.v[i].kind == MX_TOK_LBRACE))
			i++;
		if (first != MX_TOK_EOL && i < nt && toks.v[i].kind == MX_TOK_END)
			kind = T_END;
	}
out:
	mx_toks_release(&toks);
	return kind;
}

static int tokenize(struct compiler *c)
{
	struct cursor cur = {0, 1, 1, 0};
	struct mx_buf text = MX_BUF_INIT;
	unsigned tline = 1, tcol = 1;
	int ret = -1;
	while (cur.off < c->len) {
		if (!starts(c, &cur, "<%")) {
			if (!text.len) {
				tline = cur.line;
				tcol = cur.col;
			}
			mx_buf_addch(&text, c->src[cur.off]);
			advance(c, &cur, 1);
			continue;
		}
		if (starts(c, &cur, "<%%")) {
			if (!text.len) {
				tline = cur.line;
				tcol = cur.col;
			}
			mx_buf_adds(&text, "<%");
			advance(c, &cur, 3);
			continue;
		}
		struct cursor open = cur;
		bool comment = starts(c, &cur, "<%!--"), old_comment = starts(c, &cur, "<%#");
		const char *close = comment ? "--%>" : "%>";
		advance(c, &cur, comment ? 5 : old_comment ? 3 : 2);
		char marker = 0;
		if (!comment && !old_comment && cur.off < c->len &&
		    strchr("=/|", c->src[cur.off])) {
			marker = c->src[cur.off];
			advance(c, &cur, 1);
		}
		struct cursor code = cur;
		if (!skip_to(c, &cur, close)) {
			mx_err_at(c->err, MX_ERR_SYNTAX, c->file, open.line, open.col,
			          "expected closing '%s' for EEx expression", close);
			goto out;
		}
		flush_text(c, &text, tline, tcol);
		if (comment) {
			push_tok(c, T_COMMENT, open.line, open.col);
		} else if (!old_comment) {
			enum etok_kind kind = classify(c->src + code.off, cur.off - code.off);
			struct etok *t = push_tok(c, kind, open.line, open.col);
			/* EEx drops (with a warning) a marker on else or end. */
			t->marker = kind == T_MIDDLE || kind == T_END ? 0 : marker;
			t->off = code.off;
			t->end = cur.off;
			t->cline = code.line;
			t->ccol = code.col;
			t->cls = code.ls;
			t->eline = cur.line;
			t->ecol = cur.col;
		}
		advance(c, &cur, strlen(close));
	}
	flush_text(c, &text, tline, tcol);
	push_tok(c, T_EOF, cur.line, cur.col);
	ret = 0;
out:
	mx_buf_release(&text);
	return ret;
}

/* ---- AST construction ---------------------------------------------------------- */

static struct mx_ast *new_node(struct compiler *c, enum mx_ast_kind kind, unsigned line,
                               unsigned col)
{
	struct mx_ast *n = MX_ARENA_NEW(c->a, struct mx_ast);
	n->kind = kind;
	n->file = c->file;
	n->line = line;
	n->col = col;
	return n;
}

static struct mx_ast *new_var(struct compiler *c, const char *name, unsigned line, unsigned col)
{
	struct mx_ast *n = new_node(c, MX_AST_VAR, line, col);
	n->u.name.name = name;
	n->u.name.len = strlen(name);
	return n;
}

/* A local call name(args...) with parentheses. */
static struct mx_ast *new_call(struct compiler *c, const char *name, struct mx_ast **args,
                               size_t nargs, unsigned line, unsigned col)
{
	struct mx_ast *n = new_node(c, MX_AST_CALL, line, col);
	n->flags = MX_AST_F_PARENS;
	n->u.call.name = name;
	n->u.call.name_len = strlen(name);
	n->u.call.args = nargs ? mx_arena_memdup(c->a, args, nargs * sizeof(*args)) : NULL;
	n->u.call.nargs = nargs;
	return n;
}

/* A buffer being filled: the items of its block. */
struct ebuf {
	struct mx_ast **items;
	size_t n, alloc;
	unsigned depth;
	const char *var; /* __eex_buf<depth>__ */
};

static void buf_push(struct compiler *c, struct ebuf *b, struct mx_ast *item)
{
	if (b->n == b->alloc) {
		size_t na = b->alloc ? b->alloc * 2 : 8;
		struct mx_ast **v = MX_ARENA_NEWN(c->a, struct mx_ast *, na);
		if (b->n)
			memcpy(v, b->items, b->n * sizeof(*v));
		b->items = v;
		b->alloc = na;
	}
	b->items[b->n++] = item;
}

/* handle_begin: `__eex_buf<d>__ = __eex_begin__()`. */
static void buf_begin(struct compiler *c, struct ebuf *b, unsigned depth, unsigned line,
                      unsigned col)
{
	memset(b, 0, sizeof(*b));
	b->depth = depth;
	struct mx_buf name = MX_BUF_INIT;
	mx_buf_addf(&name, "__eex_buf%u__", depth);
	b->var = mx_arena_strndup(c->a, name.buf, name.len);
	mx_buf_release(&name);
	struct mx_ast *m = new_node(c, MX_AST_OP, line, col);
	m->u.op.op = "=";
	m->u.op.left = new_var(c, b->var, line, col);
	m->u.op.right = new_call(c, EEX_BEGIN, NULL, 0, line, col);
	m->u.op.op_line = line;
	m->u.op.op_col = col;
	buf_push(c, b, m);
}

/* handle_end: the block of the buffer, ending with `__eex_end__(buf)`. */
static struct mx_ast *buf_finish(struct compiler *c, struct ebuf *b, unsigned line, unsigned col)
{
	struct mx_ast *arg = new_var(c, b->var, line, col);
	buf_push(c, b, new_call(c, EEX_END, &arg, 1, line, col));
	struct mx_ast *block = new_node(c, MX_AST_BLOCK, b->items[0]->line, b->items[0]->col);
	block->u.list.items = b->items;
	block->u.list.n = b->n;
	return block;
}

static void handle_text(struct compiler *c, struct ebuf *b, const struct etok *t)
{
	if (c->ntexts == c->atexts) {
		size_t na = c->atexts ? c->atexts * 2 : 16;
		c->texts = mx_xrealloc(c->texts, na * sizeof(*c->texts));
		c->text_lens = mx_xrealloc(c->text_lens, na * sizeof(*c->text_lens));
		c->atexts = na;
	}
	c->texts[c->ntexts] = t->text;
	c->text_lens[c->ntexts] = t->len;
	struct mx_ast *args[2] = {new_var(c, b->var, t->line, t->col),
	                          new_node(c, MX_AST_INT, t->line, t->col)};
	args[1]->u.i.v = (int64_t)c->ntexts++;
	buf_push(c, b, new_call(c, EEX_TEXT, args, 2, t->line, t->col));
}

/* handle_expr: `<%= e %>` appends e's text, `<% e %>` only runs e. */
static int handle_expr(struct compiler *c, struct ebuf *b, const struct etok *t, struct mx_ast *e)
{
	if (t->marker == '/' || t->marker == '|')
		return mx_err_at(c->err, MX_ERR_SYNTAX, c->file, t->line, t->col,
		                 "unsupported EEx syntax <%%%c %%> (the syntax is valid but not "
		                 "supported by the current EEx engine)",
		                 t->marker);
	if (t->marker == '=') {
		struct mx_ast *args[2] = {new_var(c, b->var, e->line, e->col), e};
		e = new_call(c, EEX_OUT, args, 2, e->line, e->col);
	}
	buf_push(c, b, e);
	return 0;
}

/* ---- Placeholders and assigns ------------------------------------------------ */

struct holes {
	size_t *off;           /* offsets of the placeholders' "_" in the code */
	struct mx_ast **block; /* the buffer block that replaces each */
	size_t n, alloc;
};

struct rewriting {
	struct compiler *c;
	const struct holes *h;
};

/* Replaces the placeholders with their blocks and `@name` reads with
 * `__eex_assign__(assigns, :name)`, everywhere under *slot. */
static void rewrite_slot(struct mx_ast **slot, void *ctx)
{
	const struct rewriting *rw = ctx;
	struct mx_ast *n = *slot;
	if (n->kind == MX_AST_VAR) {
		for (size_t i = 0; rw->h && i < rw->h->n; i++) {
			if (n->off == rw->h->off[i] && n->u.name.len == 1 &&
			    n->u.name.name[0] == '_') {
				*slot = rw->h->block[i];
				return;
			}
		}
	} else if (n->kind == MX_AST_ATTR && !n->u.attr.value) {
		struct compiler *c = rw->c;
		struct mx_ast *args[2] = {new_var(c, "assigns", n->line, n->col),
		                          new_node(c, MX_AST_ATOM, n->line, n->col)};
		args[1]->u.name.name = n->u.attr.name;
		args[1]->u.name.len = n->u.attr.len;
		*slot = new_call(c, EEX_ASSIGN, args, 2, n->line, n->col);
	} else {
		mx_ast_each_child(n, rewrite_slot, ctx);
	}
}

static void rewrite(struct compiler *c, const struct holes *h, struct mx_ast **slot)
{
	struct rewriting rw = {c, h};
	if (*slot)
		rewrite_slot(slot, &rw);
}

/* Code.string_to_quoted! of one tag's code, where it stands. */
static int parse_tag(struct compiler *c, const struct etok *t, struct mx_ast **out)
{
	if (mx_exs_parse_at(c->a, c->file, c->src, t->end, t->off, t->cline, t->cls, out, c->err) <
	    0)
		return -1;
	rewrite(c, NULL, out);
	return 0;
}

/* ---- Blocks ------------------------------------------------------------------ */

/* Joined code of a block: the tags' code at their own lines and columns. */
struct joined {
	struct mx_buf code;
	unsigned line, col; /* the position reached at the end of code */
};

static void join_tag(struct compiler *c, struct joined *j, const struct etok *t)
{
	if (t->cline > j->line) {
		mx_buf_addchars(&j->code, '\n', t->cline - j->line);
		mx_buf_addchars(&j->code, ' ', t->ccol - 1);
	} else if (t->ccol > j->col) {
		mx_buf_addchars(&j->code, ' ', t->ccol - j->col);
	} else {
		mx_buf_addch(&j->code, ' '); /* (cannot happen: tags do not overlap) */
	}
	mx_buf_add(&j->code, c->src + t->off, t->end - t->off);
	j->line = t->eline;
	j->col = t->ecol;
}

/* The first non-blank character of a tag's code (EEx's non_whitespace_meta). */
static void code_start(const struct compiler *c, const struct etok *t, unsigned *line,
                       unsigned *col)
{
	*line = t->cline;
	*col = t->ccol;
	for (size_t i = t->off; i < t->end; i++) {
		char ch = c->src[i];
		if (ch == ' ' || ch == '\t') {
			(*col)++;
		} else if (ch == '\n') {
			(*line)++;
			*col = 1;
		} else {
			break;
		}
	}
}

static int fill(struct compiler *c, struct ebuf *b);

static bool only_spaces(const struct etok *t)
{
	for (size_t i = 0; i < t->len; i++)
		if (!strchr(" \t\r\n", t->text[i]))
			return false;
	return true;
}

/* A block from its start tag (at c->pos) to its end tag, parsed as one
 * expression and handled as an expression of b. */
static int block(struct compiler *c, struct ebuf *b)
{
	const struct etok *start = &c->t[c->pos++];
	struct joined j = {MX_BUF_INIT, start->cline, 1};
	struct holes h = {NULL, NULL, 0, 0};
	int ret = -1;
	if (b->depth + 1 >= EEX_MAX_DEPTH) {
		mx_err_at(c->err, MX_ERR_SYNTAX, c->file, start->line, start->col,
		          "EEx blocks nested too deeply");
		goto out;
	}
	join_tag(c, &j, start);
	/* look_ahead_middle: blank text and comments before the first middle
	 * tag belong to the start (`case x do %>\n  <% pattern ->`). */
	size_t k = c->pos;
	while (c->t[k].kind == T_COMMENT || (c->t[k].kind == T_TEXT && only_spaces(&c->t[k])))
		k++;
	if (c->t[k].kind == T_MIDDLE) {
		join_tag(c, &j, &c->t[k]);
		c->pos = k + 1;
	}
	for (;;) {
		struct ebuf inner;
		const struct etok *t = &c->t[c->pos];
		buf_begin(c, &inner, b->depth + 1, t->line, t->col);
		if (fill(c, &inner) < 0)
			goto out;
		t = &c->t[c->pos];
		if (t->kind == T_EOF) {
			unsigned line, col;
			code_start(c, start, &line, &col);
			mx_err_at(c->err, MX_ERR_SYNTAX, c->file, line, col,
			          "expected a closing '<%% end %%>' for block expression in EEx");
			goto out;
		}
		/* the placeholder, right after the code before it */
		if (h.n == h.alloc) {
			h.alloc = h.alloc ? h.alloc * 2 : 4;
			h.off = mx_xrealloc(h.off, h.alloc * sizeof(*h.off));
			h.block = mx_xrealloc(h.block, h.alloc * sizeof(*h.block));
		}
		h.off[h.n] = j.code.len + 1;
		h.block[h.n++] = buf_finish(c, &inner, t->line, t->col);
		mx_buf_adds(&j.code, " _;");
		j.col += 3;
		join_tag(c, &j, t);
		c->pos++;
		if (t->kind == T_END)
			break;
	}
	struct mx_ast *e;
	if (mx_exs_parse_at(c->a, c->file, j.code.buf, j.code.len, start->ccol - 1, start->cline, 0,
	                    &e, c->err) < 0)
		goto out;
	rewrite(c, &h, &e);
	ret = handle_expr(c, b, start, e);
out:
	mx_buf_release(&j.code);
	free(h.off);
	free(h.block);
	return ret;
}

/* Fills b until the end of the source or a middle or end tag (left at
 * c->pos for the block that waits for it). */
static int fill(struct compiler *c, struct ebuf *b)
{
	for (;;) {
		const struct etok *t = &c->t[c->pos];
		struct mx_ast *e;
		switch (t->kind) {
		case T_COMMENT:
			c->pos++;
			break;
		case T_TEXT:
			handle_text(c, b, t);
			c->pos++;
			break;
		case T_EXPR:
			if (parse_tag(c, t, &e) < 0 || handle_expr(c, b, t, e) < 0)
				return -1;
			c->pos++;
			break;
		case T_START:
			if (block(c, b) < 0)
				return -1;
			break;
		default:
			return 0;
		}
	}
}

/* ---- Entry points ---------------------------------------------------------------- */

static int check_utf8(struct compiler *c)
{
	struct cursor cur = {0, 1, 1, 0};
	while (cur.off < c->len) {
		uint32_t cp;
		size_t n = mx_term_utf8_decode(c->src + cur.off, c->len - cur.off, &cp);
		if (!n)
			return mx_err_at(
			    c->err, MX_ERR_SYNTAX, c->file, cur.line, cur.col,
			    "invalid UTF-8 in the template (EEx reads text as Unicode)");
		advance(c, &cur, n);
	}
	return 0;
}

int mx_eex_compile(struct mx_arena *a, const char *file, const char *src, size_t len,
                   struct mx_eex **out, struct mx_err *err)
{
	struct compiler c = {0};
	int ret = -1;
	*out = NULL;
	c.a = a;
	c.err = err;
	c.file = mx_arena_strdup(a, file);
	char *copy = mx_arena_alloc(a, len + 1);
	if (len)
		memcpy(copy, src, len);
	c.src = copy;
	c.len = len;
	if (check_utf8(&c) < 0 || tokenize(&c) < 0)
		goto out;
	struct ebuf top;
	buf_begin(&c, &top, 0, 1, 1);
	if (fill(&c, &top) < 0)
		goto out;
	const struct etok *t = &c.t[c.pos];
	if (t->kind != T_EOF) {
		mx_err_at(err, MX_ERR_SYNTAX, c.file, t->line, t->col,
		          "unexpected %s of expression <%%%.*s%%>",
		          t->kind == T_END ? "end" : "middle", (int)(t->end - t->off),
		          c.src + t->off);
		goto out;
	}
	struct mx_eex *e = MX_ARENA_NEW(a, struct mx_eex);
	e->file = c.file;
	e->body = buf_finish(&c, &top, t->line, t->col);
	e->ntexts = c.ntexts;
	e->texts = c.ntexts ? mx_arena_memdup(a, c.texts, c.ntexts * sizeof(*c.texts)) : NULL;
	e->text_lens =
	    c.ntexts ? mx_arena_memdup(a, c.text_lens, c.ntexts * sizeof(*c.text_lens)) : NULL;
	*out = e;
	ret = 0;
out:
	free(c.t);
	free(c.texts);
	free(c.text_lens);
	return ret;
}

const char *mx_eex_file(const struct mx_eex *t)
{
	return t->file;
}
