/* AST helpers and the S-expression printer (ast.h). */
#include "ast.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[MX_AST_KIND_COUNT] = {
    [MX_AST_INT] = "int",         [MX_AST_FLOAT] = "float",
    [MX_AST_ATOM] = "atom",       [MX_AST_ATOM_INTERP] = "atom_interp",
    [MX_AST_STRING] = "string",   [MX_AST_CHARLIST] = "charlist",
    [MX_AST_SIGIL] = "sigil",     [MX_AST_ALIAS] = "alias",
    [MX_AST_VAR] = "var",         [MX_AST_LIST] = "list",
    [MX_AST_TUPLE] = "tuple",     [MX_AST_BITSTRING] = "bitstring",
    [MX_AST_KW] = "kw",           [MX_AST_ASSOC] = "assoc",
    [MX_AST_MAP] = "map",         [MX_AST_STRUCT] = "struct",
    [MX_AST_CALL] = "call",       [MX_AST_OP] = "op",
    [MX_AST_UNARY] = "unary",     [MX_AST_ATTR] = "attr",
    [MX_AST_CAPTURE] = "capture", [MX_AST_CAPTURE_ARG] = "capture_arg",
    [MX_AST_ACCESS] = "access",   [MX_AST_BLOCK] = "block",
    [MX_AST_FN] = "fn",           [MX_AST_STAB] = "stab",
    [MX_AST_CLAUSES] = "clauses",
};

const char *mx_ast_kind_name(enum mx_ast_kind kind)
{
	if ((unsigned)kind >= MX_AST_KIND_COUNT)
		return "?";
	return kind_names[kind];
}

bool mx_ast_is_atom(const struct mx_ast *n, const char *name)
{
	return n && n->kind == MX_AST_ATOM && strlen(name) == n->u.name.len &&
	       !memcmp(n->u.name.name, name, n->u.name.len);
}

bool mx_ast_is_call(const struct mx_ast *n, const char *target_alias, const char *name)
{
	if (!n || n->kind != MX_AST_CALL || !n->u.call.name || !n->u.call.name_len ||
	    (n->flags & MX_AST_F_ANON))
		return false;
	if (strlen(name) != n->u.call.name_len || memcmp(n->u.call.name, name, n->u.call.name_len))
		return false;
	if (!target_alias)
		return true;
	const struct mx_ast *t = n->u.call.target;
	return t && t->kind == MX_AST_ALIAS && !t->u.alias.base &&
	       !strcmp(t->u.alias.name, target_alias);
}

bool mx_ast_str_literal(const struct mx_ast *n, const char **text, size_t *len)
{
	if (!n || (n->kind != MX_AST_STRING && n->kind != MX_AST_CHARLIST))
		return false;
	if (n->u.str.nparts == 0) {
		*text = "";
		*len = 0;
		return true;
	}
	if (n->u.str.nparts != 1 || n->u.str.parts[0].expr)
		return false;
	*text = n->u.str.parts[0].text;
	*len = n->u.str.parts[0].len;
	return true;
}

struct mx_ast *mx_ast_kw_get(const struct mx_ast *list, const char *key)
{
	if (!list || list->kind != MX_AST_LIST)
		return NULL;
	for (size_t i = 0; i < list->u.list.n; i++) {
		const struct mx_ast *kw = list->u.list.items[i];
		if (kw->kind == MX_AST_KW && mx_ast_is_atom(kw->u.pair.key, key))
			return kw->u.pair.value;
	}
	return NULL;
}

struct mx_ast *mx_ast_call_block(const struct mx_ast *call, const char *key)
{
	if (!call || call->kind != MX_AST_CALL)
		return NULL;
	struct mx_ast *v = mx_ast_kw_get(call->u.call.blocks, key);
	if (v)
		return v;
	if (call->u.call.nargs == 0)
		return NULL;
	return mx_ast_kw_get(call->u.call.args[call->u.call.nargs - 1], key);
}

size_t mx_ast_call_arity(const struct mx_ast *call)
{
	if (!call || call->kind != MX_AST_CALL)
		return 0;
	return call->u.call.nargs + (call->u.call.blocks ? 1 : 0);
}

/* ---- Walking --------------------------------------------------------- */

static void visit(struct mx_ast **slot, void (*f)(struct mx_ast **, void *), void *ctx)
{
	if (*slot)
		f(slot, ctx);
}

static void visit_parts(struct mx_ast_part *parts, size_t n, void (*f)(struct mx_ast **, void *),
                        void *ctx)
{
	for (size_t i = 0; i < n; i++)
		visit(&parts[i].expr, f, ctx);
}

void mx_ast_each_child(struct mx_ast *n, void (*f)(struct mx_ast **slot, void *ctx), void *ctx)
{
	switch (n->kind) {
	case MX_AST_ATOM_INTERP:
	case MX_AST_STRING:
	case MX_AST_CHARLIST:
		visit_parts(n->u.str.parts, n->u.str.nparts, f, ctx);
		break;
	case MX_AST_SIGIL:
		visit_parts(n->u.sigil.parts, n->u.sigil.nparts, f, ctx);
		break;
	case MX_AST_ALIAS:
		visit(&n->u.alias.base, f, ctx);
		break;
	case MX_AST_LIST:
	case MX_AST_TUPLE:
	case MX_AST_BITSTRING:
	case MX_AST_BLOCK:
	case MX_AST_FN:
	case MX_AST_CLAUSES:
		for (size_t i = 0; i < n->u.list.n; i++)
			visit(&n->u.list.items[i], f, ctx);
		break;
	case MX_AST_KW:
	case MX_AST_ASSOC:
		visit(&n->u.pair.key, f, ctx);
		visit(&n->u.pair.value, f, ctx);
		break;
	case MX_AST_MAP:
	case MX_AST_STRUCT:
		visit(&n->u.map.name, f, ctx);
		visit(&n->u.map.update, f, ctx);
		for (size_t i = 0; i < n->u.map.n; i++)
			visit(&n->u.map.items[i], f, ctx);
		break;
	case MX_AST_CALL:
		visit(&n->u.call.target, f, ctx);
		for (size_t i = 0; i < n->u.call.nargs; i++)
			visit(&n->u.call.args[i], f, ctx);
		visit(&n->u.call.blocks, f, ctx);
		break;
	case MX_AST_OP:
	case MX_AST_UNARY:
	case MX_AST_CAPTURE:
		visit(&n->u.op.left, f, ctx);
		visit(&n->u.op.right, f, ctx);
		visit(&n->u.op.step, f, ctx);
		break;
	case MX_AST_ATTR:
		visit(&n->u.attr.value, f, ctx);
		break;
	case MX_AST_ACCESS:
		visit(&n->u.access.target, f, ctx);
		visit(&n->u.access.key, f, ctx);
		break;
	case MX_AST_STAB:
		for (size_t i = 0; i < n->u.stab.nargs; i++)
			visit(&n->u.stab.args[i], f, ctx);
		visit(&n->u.stab.guard, f, ctx);
		visit(&n->u.stab.body, f, ctx);
		break;
	default:
		break;
	}
}

/* ---- Printer -------------------------------------------------------- */

static void print(const struct mx_ast *n, bool pos, struct mx_buf *out);

static void put_escaped(struct mx_buf *out, const char *s, size_t len, char quote)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '\n':
			mx_buf_adds(out, "\\n");
			break;
		case '\t':
			mx_buf_adds(out, "\\t");
			break;
		case '\r':
			mx_buf_adds(out, "\\r");
			break;
		case '\\':
			mx_buf_adds(out, "\\\\");
			break;
		case '#':
			if (i + 1 < len && s[i + 1] == '{')
				mx_buf_adds(out, "\\#");
			else
				mx_buf_addch(out, '#');
			break;
		default:
			if (c == (unsigned char)quote)
				mx_buf_addf(out, "\\%c", quote);
			else if (c < 0x20 || c == 0x7f)
				mx_buf_addf(out, "\\x%02X", c);
			else
				mx_buf_addch(out, c);
		}
	}
}

static void put_parts(struct mx_buf *out, const struct mx_ast_part *parts, size_t n, bool raw,
                      char quote, bool pos)
{
	for (size_t i = 0; i < n; i++) {
		if (parts[i].expr) {
			mx_buf_adds(out, "#{");
			print(parts[i].expr, pos, out);
			mx_buf_addch(out, '}');
		} else if (raw) {
			put_escaped(out, parts[i].raw, parts[i].raw_len, quote);
		} else {
			put_escaped(out, parts[i].text, parts[i].len, quote);
		}
	}
}

static bool plain_atom(const char *s, size_t len)
{
	if (!len)
		return false;
	unsigned char c = (unsigned char)s[0];
	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'))
		return false;
	for (size_t i = 1; i < len; i++) {
		c = (unsigned char)s[i];
		if ((c == '?' || c == '!') && i == len - 1)
			return true;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '@'))
			return false;
	}
	return true;
}

static void put_atom_name(struct mx_buf *out, const char *s, size_t len)
{
	if (plain_atom(s, len)) {
		mx_buf_add(out, s, len);
	} else {
		mx_buf_addch(out, '"');
		put_escaped(out, s, len, '"');
		mx_buf_addch(out, '"');
	}
}

static void put_float(struct mx_buf *out, double f)
{
	char b[64];
	if (isinf(f) || isnan(f)) {
		mx_buf_adds(out, isnan(f) ? "nan" : f > 0 ? "inf" : "-inf");
		return;
	}
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(b, sizeof(b), "%.*g", prec, f);
		if (strtod(b, NULL) == f)
			break;
	}
	mx_buf_adds(out, b);
	if (!strpbrk(b, ".e"))
		mx_buf_adds(out, ".0");
}

static void print_items(struct mx_ast *const *items, size_t n, const char *sep, bool pos,
                        struct mx_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			mx_buf_adds(out, sep);
		print(items[i], pos, out);
	}
}

/* A call: (call name args (block ...)), (call* ...) without parentheses,
 * (call. f args) for f.(args). */
static void print_call(const struct mx_ast *n, bool pos, struct mx_buf *out)
{
	if (n->flags & MX_AST_F_ANON) {
		mx_buf_adds(out, "(call. ");
		print(n->u.call.target, pos, out);
	} else if (!n->u.call.name_len && !(n->flags & MX_AST_F_QUOTED)) {
		/* unquote(name)(args) */
		mx_buf_adds(out, "(call ");
		print(n->u.call.target, pos, out);
	} else {
		mx_buf_adds(out, n->flags & MX_AST_F_PARENS ? "(call " : "(call* ");
		if (n->u.call.target) {
			print(n->u.call.target, pos, out);
			mx_buf_addch(out, '.');
		}
		mx_buf_add(out, n->u.call.name, n->u.call.name_len);
	}
	for (size_t i = 0; i < n->u.call.nargs; i++) {
		mx_buf_addch(out, ' ');
		print(n->u.call.args[i], pos, out);
	}
	if (n->u.call.blocks) {
		const struct mx_ast *b = n->u.call.blocks;
		for (size_t i = 0; i < b->u.list.n; i++) {
			const struct mx_ast *kw = b->u.list.items[i];
			mx_buf_adds(out, " (");
			mx_buf_add(out, kw->u.pair.key->u.name.name, kw->u.pair.key->u.name.len);
			mx_buf_addch(out, ' ');
			print(kw->u.pair.value, pos, out);
			mx_buf_addch(out, ')');
		}
	}
	mx_buf_addch(out, ')');
}

/* %{...}, %Name{...}, with an update's "base | ". */
static void print_map(const struct mx_ast *n, bool pos, struct mx_buf *out)
{
	mx_buf_addch(out, '%');
	if (n->kind == MX_AST_STRUCT)
		print(n->u.map.name, pos, out);
	mx_buf_addch(out, '{');
	if (n->u.map.update) {
		print(n->u.map.update, pos, out);
		mx_buf_adds(out, " | ");
	}
	print_items(n->u.map.items, n->u.map.n, ", ", pos, out);
	mx_buf_addch(out, '}');
}

/* One clause of fn/case/cond: (-> (args) (when guard) body). */
static void print_stab(const struct mx_ast *n, bool pos, struct mx_buf *out)
{
	mx_buf_adds(out, "(-> (");
	print_items(n->u.stab.args, n->u.stab.nargs, " ", pos, out);
	mx_buf_addch(out, ')');
	if (n->u.stab.guard) {
		mx_buf_adds(out, " (when ");
		print(n->u.stab.guard, pos, out);
		mx_buf_addch(out, ')');
	}
	mx_buf_addch(out, ' ');
	print(n->u.stab.body, pos, out);
	mx_buf_addch(out, ')');
}

static void print(const struct mx_ast *n, bool pos, struct mx_buf *out)
{
	if (!n) {
		mx_buf_adds(out, "<null>");
		return;
	}
	if (pos)
		mx_buf_addf(out, "%u:%u:", n->line, n->col);
	switch (n->kind) {
	case MX_AST_INT:
		if (n->u.i.big)
			mx_buf_adds(out, n->u.i.big);
		else
			mx_buf_addf(out, "%lld", (long long)n->u.i.v);
		break;
	case MX_AST_FLOAT:
		put_float(out, n->u.f);
		break;
	case MX_AST_ATOM:
		if (mx_ast_is_atom(n, "true") || mx_ast_is_atom(n, "false") ||
		    mx_ast_is_atom(n, "nil")) {
			if (!(n->flags & MX_AST_F_QUOTED)) {
				mx_buf_add(out, n->u.name.name, n->u.name.len);
				break;
			}
		}
		mx_buf_addch(out, ':');
		put_atom_name(out, n->u.name.name, n->u.name.len);
		break;
	case MX_AST_ATOM_INTERP:
		mx_buf_adds(out, ":\"");
		put_parts(out, n->u.str.parts, n->u.str.nparts, false, '"', pos);
		mx_buf_addch(out, '"');
		break;
	case MX_AST_STRING:
	case MX_AST_CHARLIST: {
		char q = n->kind == MX_AST_STRING ? '"' : '\'';
		mx_buf_addch(out, q);
		put_parts(out, n->u.str.parts, n->u.str.nparts, false, q, pos);
		mx_buf_addch(out, q);
		break;
	}
	case MX_AST_SIGIL:
		mx_buf_addf(out, "~%s\"", n->u.sigil.name);
		put_parts(out, n->u.sigil.parts, n->u.sigil.nparts, true, '"', pos);
		mx_buf_addf(out, "\"%s", n->u.sigil.mods);
		break;
	case MX_AST_ALIAS:
		if (n->u.alias.base) {
			mx_buf_adds(out, "(alias ");
			print(n->u.alias.base, pos, out);
			mx_buf_addf(out, " %s)", n->u.alias.name);
		} else {
			mx_buf_adds(out, n->u.alias.name);
		}
		break;
	case MX_AST_VAR:
		mx_buf_add(out, n->u.name.name, n->u.name.len);
		break;
	case MX_AST_LIST:
		mx_buf_addch(out, '[');
		print_items(n->u.list.items, n->u.list.n, ", ", pos, out);
		mx_buf_addch(out, ']');
		break;
	case MX_AST_TUPLE:
		mx_buf_addch(out, '{');
		print_items(n->u.list.items, n->u.list.n, ", ", pos, out);
		mx_buf_addch(out, '}');
		break;
	case MX_AST_BITSTRING:
		mx_buf_adds(out, "<<");
		print_items(n->u.list.items, n->u.list.n, ", ", pos, out);
		mx_buf_adds(out, ">>");
		break;
	case MX_AST_KW: {
		const struct mx_ast *k = n->u.pair.key;
		if (k->kind == MX_AST_ATOM)
			put_atom_name(out, k->u.name.name, k->u.name.len);
		else
			print(k, pos, out);
		mx_buf_adds(out, ": ");
		print(n->u.pair.value, pos, out);
		break;
	}
	case MX_AST_ASSOC:
		print(n->u.pair.key, pos, out);
		mx_buf_adds(out, " => ");
		print(n->u.pair.value, pos, out);
		break;
	case MX_AST_MAP:
	case MX_AST_STRUCT:
		print_map(n, pos, out);
		break;
	case MX_AST_CALL:
		print_call(n, pos, out);
		break;
	case MX_AST_OP:
		mx_buf_addf(out, "(%s ", n->u.op.op);
		print(n->u.op.left, pos, out);
		mx_buf_addch(out, ' ');
		print(n->u.op.right, pos, out);
		if (n->u.op.step) {
			mx_buf_addch(out, ' ');
			print(n->u.op.step, pos, out);
		}
		mx_buf_addch(out, ')');
		break;
	case MX_AST_UNARY:
	case MX_AST_CAPTURE:
		mx_buf_addf(out, "(%s ", n->u.op.op);
		print(n->u.op.right, pos, out);
		mx_buf_addch(out, ')');
		break;
	case MX_AST_ATTR:
		mx_buf_adds(out, "(@ ");
		mx_buf_add(out, n->u.attr.name, n->u.attr.len);
		if (n->u.attr.value) {
			mx_buf_addch(out, ' ');
			print(n->u.attr.value, pos, out);
		}
		mx_buf_addch(out, ')');
		break;
	case MX_AST_CAPTURE_ARG:
		mx_buf_addf(out, "&%lld", (long long)n->u.i.v);
		break;
	case MX_AST_ACCESS:
		mx_buf_adds(out, "(access ");
		print(n->u.access.target, pos, out);
		mx_buf_addch(out, ' ');
		print(n->u.access.key, pos, out);
		mx_buf_addch(out, ')');
		break;
	case MX_AST_BLOCK:
		mx_buf_adds(out, "(block");
		for (size_t i = 0; i < n->u.list.n; i++) {
			mx_buf_addch(out, ' ');
			print(n->u.list.items[i], pos, out);
		}
		mx_buf_addch(out, ')');
		break;
	case MX_AST_FN:
	case MX_AST_CLAUSES:
		mx_buf_adds(out, n->kind == MX_AST_FN ? "(fn" : "(clauses");
		for (size_t i = 0; i < n->u.list.n; i++) {
			mx_buf_addch(out, ' ');
			print(n->u.list.items[i], pos, out);
		}
		mx_buf_addch(out, ')');
		break;
	case MX_AST_STAB:
		print_stab(n, pos, out);
		break;
	default:
		mx_buf_adds(out, "<?>");
	}
}

void mx_ast_print(const struct mx_ast *n, bool positions, struct mx_buf *out)
{
	print(n, positions, out);
}
