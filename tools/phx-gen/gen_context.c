/*
 * gen_context: what phx.gen.context asks of an existing context:
 * Context.function_count/1 (def and defdelegate nodes of the file's AST)
 * and Context.file_count/1 (the .ex files at any depth under the directory).
 */
#include <string.h>

#include "exs/ast.h"
#include "fsutil.h"
#include "gen_model.h"

struct counting {
	size_t n;
	int depth;
};

/* Macro.postwalk counting {:def, _, _} and {:defdelegate, _, _}: local
 * calls by those names, anywhere in the tree (to MX_EXS_MAX_DEPTH: an
 * operator chain nests as deep as it is long). */
static void count(struct mx_ast **slot, void *ctx)
{
	struct counting *c = ctx;
	const struct mx_ast *n = *slot;
	if (c->depth > MX_EXS_MAX_DEPTH)
		return;
	if (n->kind == MX_AST_CALL && !n->u.call.target && n->u.call.name &&
	    (!strcmp(n->u.call.name, "def") || !strcmp(n->u.call.name, "defdelegate")))
		c->n++;
	c->depth++;
	mx_ast_each_child(*slot, count, ctx);
	c->depth--;
}

int phx_gen_function_count(const char *file, const char *src, size_t len, size_t *out,
                           struct mx_err *err)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_ast *ast;
	int r = mx_exs_parse(&a, file, src, len, &ast, err);
	if (r == 0) {
		struct counting c = {0, 0};
		if (ast)
			count(&ast, &c);
		*out = c.n;
	}
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
