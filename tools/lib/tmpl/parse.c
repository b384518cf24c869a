/*
 * parse: template text to the node tree of tmpl_int.h, in three passes.
 *
 *   1. scan: the source becomes pieces: text (split after every newline, so
 *      a piece never spans two lines), tags ({% ... %}, parsed into a struct
 *      tag on the spot) and the {%% escape.
 *   2. standalone: each line made only of blank text and block tags loses
 *      its text, newline included (Mustache's rule), and an include on such
 *      a line takes the line's indentation.
 *   3. build: the pieces become nodes, with a stack for if/for ... end.
 *
 * Positions are 1-based lines and columns counted in characters (UTF-8 code
 * points), as the Elixir tools count them, so an editor finds the spot.
 */
#include "tmpl_int.h"

#include <stdlib.h>
#include <string.h>

enum tag_kind {
	TAG_VALUE,
	TAG_LITERAL,
	TAG_COMMENT,
	TAG_IF,
	TAG_ELIF,
	TAG_ELSE,
	TAG_END,
	TAG_FOR,
	TAG_INCLUDE,
};

struct tag {
	enum tag_kind kind;
	struct tmpl_path path;  /* VALUE; FOR: the list */
	struct tmpl_cond *cond; /* IF, ELIF */
	const char *str;        /* LITERAL text, INCLUDE name, FOR join */
	size_t str_len;
	const char *var; /* FOR */
};

enum piece_kind { P_TEXT, P_TAG, P_ESCAPE };

struct piece {
	enum piece_kind kind;
	bool removed;    /* text of a standalone line */
	size_t off, end; /* text span; a tag's whole {% ... %} */
	unsigned line, col;
	struct tag tag;
	const char *indent; /* INCLUDE on a standalone line */
	size_t indent_len;
};

struct parser {
	struct mx_tmpl *t;
	const char *src;
	size_t len;
	struct piece *p;
	size_t n, alloc;
	struct mx_err *err;
	/* the scan position */
	size_t off;
	unsigned line;
	size_t line_start;
};

static bool is_word_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_word(int c)
{
	return is_word_start(c) || (c >= '0' && c <= '9');
}

static bool is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Line and column of byte off inside (or after) piece pc. */
static void locate(const struct parser *ps, const struct piece *pc, size_t off, unsigned *line,
                   unsigned *col)
{
	unsigned l = pc->line, c = pc->col;
	for (size_t i = pc->off; i < off; i++) {
		if (ps->src[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)ps->src[i] & 0xc0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static int fail_at(struct parser *ps, const struct piece *pc, size_t off, const char *fmt,
                   const char *arg)
{
	unsigned line, col;
	locate(ps, pc, off, &line, &col);
	return mx_err_at(ps->err, MX_ERR_SYNTAX, ps->t->file, line, col, fmt, arg);
}

/* ---- Tag contents ---------------------------------------------------------- */

static const char *const reserved[] = {"if",   "elif",    "else", "end", "for", "in",
                                       "join", "include", "not",  "and", "or"};

static bool is_reserved(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (strlen(reserved[i]) == n && !memcmp(reserved[i], s, n))
			return true;
	return false;
}

/* A cursor over one tag's contents. */
struct tagscan {
	struct parser *ps;
	struct piece *pc;
	size_t p, end;
};

static void skip_blank(struct tagscan *ts)
{
	while (ts->p < ts->end && is_blank((unsigned char)ts->ps->src[ts->p]))
		ts->p++;
}

/* True (and consumes it) when the next word is exactly w. */
static bool accept_word(struct tagscan *ts, const char *w)
{
	skip_blank(ts);
	size_t n = strlen(w), p = ts->p;
	if (ts->end - p < n || memcmp(ts->ps->src + p, w, n))
		return false;
	if (p + n < ts->end &&
	    (is_word((unsigned char)ts->ps->src[p + n]) || ts->ps->src[p + n] == '.'))
		return false;
	ts->p = p + n;
	return true;
}

static bool at_end(struct tagscan *ts)
{
	skip_blank(ts);
	return ts->p >= ts->end;
}

/* Describes what is at the cursor, for "unexpected ..." messages. */
static int unexpected(struct tagscan *ts, const char *what)
{
	skip_blank(ts);
	if (ts->p >= ts->end)
		return fail_at(ts->ps, ts->pc, ts->p, "%s", what);
	size_t q = ts->p;
	if (is_word_start((unsigned char)ts->ps->src[q]))
		while (q < ts->end &&
		       (is_word((unsigned char)ts->ps->src[q]) || ts->ps->src[q] == '.'))
			q++;
	else
		q++;
	char buf[64];
	size_t n = q - ts->p < sizeof(buf) - 1 ? q - ts->p : sizeof(buf) - 1;
	memcpy(buf, ts->ps->src + ts->p, n);
	buf[n] = '\0';
	struct mx_buf msg = MX_BUF_INIT;
	mx_buf_addf(&msg, "%s, found \"%s\"", what, buf);
	int r = fail_at(ts->ps, ts->pc, ts->p, "%s", msg.buf);
	mx_buf_release(&msg);
	return r;
}

/* A name or dotted path: word(.word)*, none of them reserved. */
static int parse_path(struct tagscan *ts, struct tmpl_path *path, const char *what)
{
	struct mx_arena *a = &ts->ps->t->arena;
	const char *s = ts->ps->src;
	skip_blank(ts);
	size_t start = ts->p;
	size_t nsegs = 0, alloc = 4;
	const char **segs = MX_ARENA_NEWN(a, const char *, alloc);
	for (;;) {
		size_t w = ts->p;
		if (w >= ts->end || !is_word_start((unsigned char)s[w]))
			return unexpected(ts, what);
		while (ts->p < ts->end && is_word((unsigned char)s[ts->p]))
			ts->p++;
		if (is_reserved(s + w, ts->p - w)) {
			ts->p = w;
			return unexpected(ts, what);
		}
		if (nsegs == alloc) {
			const char **bigger = MX_ARENA_NEWN(a, const char *, alloc * 2);
			memcpy(bigger, segs, alloc * sizeof(*segs));
			segs = bigger;
			alloc *= 2;
		}
		segs[nsegs++] = mx_arena_strndup(a, s + w, ts->p - w);
		if (ts->p < ts->end && s[ts->p] == '.') {
			ts->p++;
			continue;
		}
		break;
	}
	path->segs = segs;
	path->nsegs = nsegs;
	path->text = mx_arena_strndup(a, s + start, ts->p - start);
	locate(ts->ps, ts->pc, start, &path->line, &path->col);
	return 0;
}

/* "text" with \" \\ \n \t escapes; the decoded bytes go to the arena. */
static int parse_string(struct tagscan *ts, const char **out, size_t *out_len, const char *what)
{
	const char *s = ts->ps->src;
	skip_blank(ts);
	if (ts->p >= ts->end || s[ts->p] != '"')
		return unexpected(ts, what);
	struct mx_buf b = MX_BUF_INIT;
	size_t q = ts->p + 1;
	for (;;) {
		if (q >= ts->end) {
			mx_buf_release(&b);
			return fail_at(ts->ps, ts->pc, ts->p, "%s", "unterminated string");
		}
		char c = s[q];
		if (c == '"')
			break;
		if (c == '\\') {
			char e = q + 1 < ts->end ? s[q + 1] : '\0';
			char d = e == 'n'    ? '\n'
			         : e == 't'  ? '\t'
			         : e == '"'  ? '"'
			         : e == '\\' ? '\\'
			                     : 0;
			if (!d) {
				mx_buf_release(&b);
				return fail_at(
				    ts->ps, ts->pc, q, "%s",
				    "unknown escape in string (use \\\" \\\\ \\n or \\t)");
			}
			mx_buf_addch(&b, d);
			q += 2;
			continue;
		}
		mx_buf_addch(&b, c);
		q++;
	}
	*out = mx_arena_strndup(&ts->ps->t->arena, b.buf, b.len);
	*out_len = b.len;
	mx_buf_release(&b);
	ts->p = q + 1;
	return 0;
}

static struct tmpl_cond *parse_or(struct tagscan *ts, int depth);

static struct tmpl_cond *parse_unary(struct tagscan *ts, int depth)
{
	struct mx_arena *a = &ts->ps->t->arena;
	if (depth > TMPL_MAX_DEPTH) {
		fail_at(ts->ps, ts->pc, ts->p, "%s", "condition nested too deeply");
		return NULL;
	}
	if (accept_word(ts, "not")) {
		struct tmpl_cond *c = MX_ARENA_NEW(a, struct tmpl_cond);
		c->kind = COND_NOT;
		c->left = parse_unary(ts, depth + 1);
		return c->left ? c : NULL;
	}
	struct tmpl_cond *c = MX_ARENA_NEW(a, struct tmpl_cond);
	c->kind = COND_PATH;
	if (parse_path(ts, &c->path, "expected a name in the condition") < 0)
		return NULL;
	return c;
}

static struct tmpl_cond *parse_and(struct tagscan *ts, int depth)
{
	struct tmpl_cond *left = parse_unary(ts, depth);
	while (left && accept_word(ts, "and")) {
		struct tmpl_cond *c = MX_ARENA_NEW(&ts->ps->t->arena, struct tmpl_cond);
		c->kind = COND_AND;
		c->left = left;
		c->right = parse_unary(ts, depth);
		left = c->right ? c : NULL;
	}
	return left;
}

static struct tmpl_cond *parse_or(struct tagscan *ts, int depth)
{
	struct tmpl_cond *left = parse_and(ts, depth);
	while (left && accept_word(ts, "or")) {
		struct tmpl_cond *c = MX_ARENA_NEW(&ts->ps->t->arena, struct tmpl_cond);
		c->kind = COND_OR;
		c->left = left;
		c->right = parse_and(ts, depth);
		left = c->right ? c : NULL;
	}
	return left;
}

static int expect_end(struct tagscan *ts, const char *after)
{
	if (at_end(ts))
		return 0;
	struct mx_buf msg = MX_BUF_INIT;
	mx_buf_addf(&msg, "expected %%} after %s", after);
	int r = unexpected(ts, msg.buf);
	mx_buf_release(&msg);
	return r;
}

static int parse_for(struct tagscan *ts, struct tag *tag)
{
	const char *s = ts->ps->src;
	skip_blank(ts);
	size_t w = ts->p;
	while (ts->p < ts->end && is_word((unsigned char)s[ts->p]))
		ts->p++;
	if (w == ts->p || !is_word_start((unsigned char)s[w]) || is_reserved(s + w, ts->p - w) ||
	    (ts->p - w == 4 && !memcmp(s + w, "loop", 4))) {
		ts->p = w;
		return unexpected(ts, "expected a variable name after for");
	}
	tag->var = mx_arena_strndup(&ts->ps->t->arena, s + w, ts->p - w);
	if (!accept_word(ts, "in"))
		return unexpected(ts, "expected \"in\" after the loop variable");
	if (parse_path(ts, &tag->path, "expected the name of a list after in") < 0)
		return -1;
	if (accept_word(ts, "join") &&
	    parse_string(ts, &tag->str, &tag->str_len, "expected a string after join") < 0)
		return -1;
	return expect_end(ts, "the list");
}

/* Parses the contents [b, e) of a tag into pc->tag. */
static int parse_tag(struct parser *ps, struct piece *pc, size_t b, size_t e)
{
	struct tagscan ts = {ps, pc, b, e};
	struct tag *tag = &pc->tag;
	skip_blank(&ts);
	if (ts.p < e && ps->src[ts.p] == '#') {
		tag->kind = TAG_COMMENT;
		return 0;
	}
	if (ts.p < e && ps->src[ts.p] == '"') {
		tag->kind = TAG_LITERAL;
		if (parse_string(&ts, &tag->str, &tag->str_len, "") < 0)
			return -1;
		return expect_end(&ts, "the string");
	}
	bool is_if = accept_word(&ts, "if");
	if (is_if || accept_word(&ts, "elif")) {
		tag->kind = is_if ? TAG_IF : TAG_ELIF;
		tag->cond = parse_or(&ts, 0);
		if (!tag->cond)
			return -1;
		return expect_end(&ts, "the condition");
	}
	if (accept_word(&ts, "else")) {
		tag->kind = TAG_ELSE;
		return expect_end(&ts, "else");
	}
	if (accept_word(&ts, "end")) {
		tag->kind = TAG_END;
		return expect_end(&ts, "end");
	}
	if (accept_word(&ts, "for")) {
		tag->kind = TAG_FOR;
		return parse_for(&ts, tag);
	}
	if (accept_word(&ts, "include")) {
		tag->kind = TAG_INCLUDE;
		if (parse_string(&ts, &tag->str, &tag->str_len,
		                 "expected the template name in quotes after include") < 0)
			return -1;
		return expect_end(&ts, "the template name");
	}
	tag->kind = TAG_VALUE;
	if (parse_path(&ts, &tag->path, "expected a name, a string or a block tag") < 0)
		return -1;
	return expect_end(&ts, "the name");
}

/* ---- Pass 1: scan ---------------------------------------------------------- */

static struct piece *push_piece(struct parser *ps, enum piece_kind kind, size_t off, size_t end,
                                unsigned line, unsigned col)
{
	MX_ALLOC_GROW(ps->p, ps->n + 1, ps->alloc);
	struct piece *pc = &ps->p[ps->n++];
	memset(pc, 0, sizeof(*pc));
	pc->kind = kind;
	pc->off = off;
	pc->end = end;
	pc->line = line;
	pc->col = col;
	return pc;
}

/* Text [b, e) starting at line:col, one piece per line. */
static void push_text(struct parser *ps, size_t b, size_t e, unsigned line, unsigned col)
{
	while (b < e) {
		const char *nl = memchr(ps->src + b, '\n', e - b);
		size_t stop = nl ? (size_t)(nl - ps->src) + 1 : e;
		push_piece(ps, P_TEXT, b, stop, line, col);
		b = stop;
		line++;
		col = 1;
	}
}

/* The end of the tag opened at off (just after its "%}"), or 0 after an
 * error. Strings inside a tag may hold "%}"; comments end at the first. */
static size_t tag_end(struct parser *ps, struct piece *pc)
{
	const char *s = ps->src;
	size_t n = ps->len, i = pc->off + 2;
	while (i < n && is_blank((unsigned char)s[i]))
		i++;
	bool comment = i < n && s[i] == '#';
	while (i < n) {
		if (s[i] == '%' && i + 1 < n && s[i + 1] == '}')
			return i + 2;
		if (s[i] == '"' && !comment) {
			size_t q = i + 1;
			while (q < n && s[q] != '"')
				q += s[q] == '\\' ? 2 : 1;
			if (q >= n) {
				fail_at(ps, pc, i, "%s", "unterminated string");
				return 0;
			}
			i = q + 1;
			continue;
		}
		i++;
	}
	fail_at(ps, pc, pc->off, "%s", "unclosed tag: missing %}");
	return 0;
}

static int scan(struct parser *ps)
{
	const char *s = ps->src;
	size_t n = ps->len, i = 0, text = 0;
	unsigned line = 1, col = 1, tline = 1, tcol = 1;
	while (i < n) {
		if (s[i] != '{' || i + 1 >= n || s[i + 1] != '%') {
			if (s[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)s[i] & 0xc0) != 0x80) {
				col++;
			}
			i++;
			continue;
		}
		push_text(ps, text, i, tline, tcol);
		if (i + 2 < n && s[i + 2] == '%') {
			push_piece(ps, P_ESCAPE, i, i + 3, line, col);
			i += 3;
			col += 3;
		} else {
			struct piece *pc = push_piece(ps, P_TAG, i, 0, line, col);
			size_t end = tag_end(ps, pc);
			if (!end)
				return -1;
			pc->end = end;
			if (parse_tag(ps, pc, i + 2, end - 2) < 0)
				return -1;
			for (; i < end; i++) {
				if (s[i] == '\n') {
					line++;
					col = 1;
				} else if (((unsigned char)s[i] & 0xc0) != 0x80) {
					col++;
				}
			}
		}
		text = i;
		tline = line;
		tcol = col;
	}
	push_text(ps, text, n, tline, tcol);
	return 0;
}

/* ---- Pass 2: standalone lines -------------------------------------------------- */

static bool blank_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (s[i] == '\n' && i == n - 1)
			continue;
		if (s[i] == '\r' && i == n - 2 && s[i + 1] == '\n')
			continue;
		return false;
	}
	return true;
}

/* Pieces [first, last) are one line. */
static void standalone_line(struct parser *ps, size_t first, size_t last)
{
	size_t ntags = 0;
	struct piece *include = NULL, *first_tag = NULL;
	for (size_t k = first; k < last; k++) {
		struct piece *pc = &ps->p[k];
		if (pc->kind == P_ESCAPE)
			return;
		if (pc->kind == P_TEXT) {
			if (!blank_text(ps->src + pc->off, pc->end - pc->off))
				return;
			continue;
		}
		if (pc->tag.kind == TAG_VALUE || pc->tag.kind == TAG_LITERAL)
			return;
		if (pc->tag.kind == TAG_INCLUDE) {
			if (include)
				return;
			include = pc;
		}
		if (!first_tag)
			first_tag = pc;
		ntags++;
	}
	if (!ntags)
		return;
	for (size_t k = first; k < last; k++)
		if (ps->p[k].kind == P_TEXT)
			ps->p[k].removed = true;
	if (include && ps->p[first].kind == P_TEXT) {
		include->indent = ps->src + ps->p[first].off;
		include->indent_len = first_tag->off - ps->p[first].off;
	}
}

static void standalone(struct parser *ps)
{
	size_t first = 0;
	for (size_t k = 0; k < ps->n; k++) {
		struct piece *pc = &ps->p[k];
		if (pc->kind == P_TEXT && ps->src[pc->end - 1] == '\n') {
			standalone_line(ps, first, k + 1);
			first = k + 1;
		}
	}
	if (first < ps->n)
		standalone_line(ps, first, ps->n);
}

/* ---- Pass 3: build the tree ------------------------------------------------------ */

static void push_node(struct mx_arena *a, struct tmpl_nodes *list, struct tmpl_node *node)
{
	if (list->n == list->alloc) {
		size_t na = list->alloc ? list->alloc * 2 : 8;
		struct tmpl_node **v = MX_ARENA_NEWN(a, struct tmpl_node *, na);
		if (list->n)
			memcpy(v, list->v, list->n * sizeof(*v));
		list->v = v;
		list->alloc = na;
	}
	list->v[list->n++] = node;
}

static struct tmpl_node *new_node(struct mx_tmpl *t, enum tmpl_node_kind kind,
                                  const struct piece *pc)
{
	struct tmpl_node *node = MX_ARENA_NEW(&t->arena, struct tmpl_node);
	node->kind = kind;
	node->line = pc->line;
	node->col = pc->col;
	return node;
}

/* Text src[off, off+len) at the end of list, merged with text just before
 * it in the source. */
static void add_text(struct parser *ps, struct tmpl_nodes *list, const struct piece *pc, size_t off,
                     size_t len)
{
	if (list->n) {
		struct tmpl_node *last = list->v[list->n - 1];
		if (last->kind == NODE_TEXT && last->u.text.s + last->u.text.len == ps->src + off) {
			last->u.text.len += len;
			return;
		}
	}
	struct tmpl_node *node = new_node(ps->t, NODE_TEXT, pc);
	node->u.text.s = ps->src + off;
	node->u.text.len = len;
	push_node(&ps->t->arena, list, node);
}

static struct tmpl_branch *add_branch(struct mx_tmpl *t, struct tmpl_node *node)
{
	if (node->u.if_.n == node->u.if_.alloc) {
		size_t na = node->u.if_.alloc ? node->u.if_.alloc * 2 : 4;
		struct tmpl_branch *br = MX_ARENA_NEWN(&t->arena, struct tmpl_branch, na);
		if (node->u.if_.n)
			memcpy(br, node->u.if_.br, node->u.if_.n * sizeof(*br));
		node->u.if_.br = br;
		node->u.if_.alloc = na;
	}
	struct tmpl_branch *b = &node->u.if_.br[node->u.if_.n++];
	memset(b, 0, sizeof(*b));
	return b;
}

struct frame {
	struct tmpl_node *node; /* IF or FOR */
	const struct piece *pc;
	struct tmpl_nodes *cur; /* where the body goes */
	bool in_else;
};

static int block_error(struct parser *ps, const struct piece *pc, const char *what)
{
	return mx_err_at(ps->err, MX_ERR_SYNTAX, ps->t->file, pc->line, pc->col, "%s", what);
}

/* A block tag: opens, continues or closes the frame on top of the stack. */
static int build_block(struct parser *ps, struct piece *pc, struct frame *stack, size_t *depth,
                       struct tmpl_nodes *cur)
{
	struct mx_tmpl *t = ps->t;
	struct tag *tag = &pc->tag;
	struct frame *top = *depth ? &stack[*depth - 1] : NULL;
	struct tmpl_node *node;
	switch (tag->kind) {
	case TAG_IF:
	case TAG_FOR:
		if (*depth >= TMPL_MAX_DEPTH)
			return block_error(ps, pc, "blocks nested too deeply");
		node = new_node(t, tag->kind == TAG_IF ? NODE_IF : NODE_FOR, pc);
		push_node(&t->arena, cur, node);
		top = &stack[(*depth)++];
		top->node = node;
		top->pc = pc;
		top->in_else = false;
		if (tag->kind == TAG_IF) {
			struct tmpl_branch *b = add_branch(t, node);
			b->cond = tag->cond;
			top->cur = &b->body;
		} else {
			node->u.for_.var = tag->var;
			node->u.for_.list = tag->path;
			node->u.for_.join = tag->str;
			node->u.for_.join_len = tag->str_len;
			top->cur = &node->u.for_.body;
		}
		return 0;
	case TAG_ELIF:
		if (!top || top->node->kind != NODE_IF)
			return block_error(ps, pc, "elif without an open if");
		if (top->in_else)
			return block_error(ps, pc, "elif after else");
		struct tmpl_branch *b = add_branch(t, top->node);
		b->cond = tag->cond;
		top->cur = &b->body;
		return 0;
	case TAG_ELSE:
		if (!top)
			return block_error(ps, pc, "else without an open if or for");
		if (top->in_else)
			return block_error(ps, pc, "a second else in the same block");
		top->in_else = true;
		if (top->node->kind == NODE_IF)
			top->cur = &add_branch(t, top->node)->body;
		else
			top->cur = &top->node->u.for_.else_body;
		return 0;
	default: /* TAG_END */
		if (!top)
			return block_error(ps, pc, "end without an open if or for");
		(*depth)--;
		return 0;
	}
}

static int build(struct parser *ps)
{
	struct mx_tmpl *t = ps->t;
	struct frame stack[TMPL_MAX_DEPTH];
	size_t depth = 0;
	for (size_t k = 0; k < ps->n; k++) {
		struct piece *pc = &ps->p[k];
		struct tmpl_nodes *cur = depth ? stack[depth - 1].cur : &t->body;
		struct tmpl_node *node;
		if (pc->kind == P_TEXT) {
			if (!pc->removed)
				add_text(ps, cur, pc, pc->off, pc->end - pc->off);
			continue;
		}
		if (pc->kind == P_ESCAPE) {
			add_text(ps, cur, pc, pc->off, 2);
			continue;
		}
		switch (pc->tag.kind) {
		case TAG_COMMENT:
			break;
		case TAG_VALUE:
			node = new_node(t, NODE_VALUE, pc);
			node->u.value = pc->tag.path;
			push_node(&t->arena, cur, node);
			break;
		case TAG_LITERAL:
			node = new_node(t, NODE_LITERAL, pc);
			node->u.text.s = pc->tag.str;
			node->u.text.len = pc->tag.str_len;
			push_node(&t->arena, cur, node);
			break;
		case TAG_INCLUDE:
			node = new_node(t, NODE_INCLUDE, pc);
			node->u.include.name = pc->tag.str;
			node->u.include.indent = mx_arena_strndup(
			    &t->arena, pc->indent ? pc->indent : "", pc->indent_len);
			node->u.include.indent_len = pc->indent_len;
			push_node(&t->arena, cur, node);
			MX_ALLOC_GROW(t->includes, t->nincludes + 1, t->aincludes);
			t->includes[t->nincludes++] = node;
			break;
		default:
			if (build_block(ps, pc, stack, &depth, cur) < 0)
				return -1;
		}
	}
	if (depth) {
		const struct frame *f = &stack[depth - 1];
		return block_error(ps, f->pc,
		                   f->node->kind == NODE_IF ? "if without a matching {% end %}"
		                                            : "for without a matching {% end %}");
	}
	return 0;
}

/* ---- Entry points --------------------------------------------------------------- */

struct mx_tmpl *tmpl_parse(const char *name, const char *file, const char *src, size_t len,
                           struct mx_err *err)
{
	struct mx_tmpl *t = mx_xcalloc(1, sizeof(*t));
	t->name = mx_arena_strdup(&t->arena, name);
	t->file = mx_arena_strdup(&t->arena, file ? file : name);
	struct parser ps = {0};
	ps.t = t;
	char *copy = mx_arena_alloc(&t->arena, len + 1);
	if (len)
		memcpy(copy, src, len);
	ps.src = copy;
	ps.len = len;
	ps.err = err;
	int r = scan(&ps);
	if (r == 0) {
		standalone(&ps);
		r = build(&ps);
	}
	free(ps.p);
	if (r < 0) {
		tmpl_free(t);
		return NULL;
	}
	return t;
}

void tmpl_free(struct mx_tmpl *t)
{
	if (!t)
		return;
	free(t->includes);
	mx_arena_release(&t->arena);
	free(t);
}
