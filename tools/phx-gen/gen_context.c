/*
 * gen_context: what phx.gen.context asks of an existing context:
 * Context.function_count/1 (def and defdelegate nodes of the file's AST)
 * and Context.file_count/1 (the .ex files at any depth under the directory).
 */
#include <string.h>

#include "exs/ast.h"
#include "fsutil.h"
#include "gen_model.h"

static size_t count(const struct mx_ast *n, int depth)
{
	size_t c = 0;
	if (!n || depth > MX_EXS_MAX_DEPTH)
		return 0;
	switch (n->kind) {
	case MX_AST_CALL:
		if (!n->u.call.target && n->u.call.name &&
		    (!strcmp(n->u.call.name, "def") || !strcmp(n->u.call.name, "defdelegate")))
			c++;
		c += count(n->u.call.target, depth + 1);
		for (size_t i = 0; i < n->u.call.nargs; i++)
			c += count(n->u.call.args[i], depth + 1);
		c += count(n->u.call.blocks, depth + 1);
		break;
	case MX_AST_LIST:
	case MX_AST_TUPLE:
	case MX_AST_BITSTRING:
	case MX_AST_BLOCK:
	case MX_AST_FN:
	case MX_AST_CLAUSES:
		for (size_t i = 0; i < n->u.list.n; i++)
			c += count(n->u.list.items[i], depth + 1);
		break;
	case MX_AST_KW:
	case MX_AST_ASSOC:
		c += count(n->u.pair.key, depth + 1) + count(n->u.pair.value, depth + 1);
		break;
	case MX_AST_MAP:
	case MX_AST_STRUCT:
		c += count(n->u.map.name, depth + 1) + count(n->u.map.update, depth + 1);
		for (size_t i = 0; i < n->u.map.n; i++)
			c += count(n->u.map.items[i], depth + 1);
		break;
	case MX_AST_OP:
	case MX_AST_UNARY:
	case MX_AST_CAPTURE:
		c += count(n->u.op.left, depth + 1) + count(n->u.op.right, depth + 1);
		break;
	case MX_AST_ATTR:
		c += count(n->u.attr.value, depth + 1);
		break;
	case MX_AST_ACCESS:
		c += count(n->u.access.target, depth + 1) + count(n->u.access.key, depth + 1);
		break;
	case MX_AST_STAB:
		for (size_t i = 0; i < n->u.stab.nargs; i++)
			c += count(n->u.stab.args[i], depth + 1);
		c += count(n->u.stab.guard, depth + 1) + count(n->u.stab.body, depth + 1);
		break;
	default:
		break;
	}
	return c;
}

int phx_gen_function_count(const char *file, const char *src, size_t len, size_t *out,
                           struct mx_err *err)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_ast *ast;
	int r = mx_exs_parse(&a, file, src, len, &ast, err);
	if (r == 0)
		*out = count(ast, 0);
	mx_arena_release(&a);
	return r;
}

static int count_ex(const char *path, const char *rel, const struct stat *st, void *ctx)
{
	size_t n = strlen(rel);
	if (S_ISREG(st->st_mode) && n > 3 && !strcmp(rel + n - 3, ".ex"))
		(*(size_t *)ctx)++;
	return MX_WALK_CONTINUE;
}

size_t phx_gen_file_count(const char *dir)
{
	size_t n = 0;
	struct mx_err err = MX_ERR_INIT;
	if (mx_fs_is_dir(dir))
		mx_fs_walk(dir, MX_WALK_FOLLOW, count_ex, &n, &err);
	return n;
}
