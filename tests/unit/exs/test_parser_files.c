/*
 * Whole files: every .ex/.exs of the Phoenix-shaped fixtures in
 * tests/fixtures/exs/ and of the example app examples/hello must parse,
 * with every node's span inside its parent's, and the fixtures with a
 * golden tree (<file>.ast, the output of `mixless debug parse --ast`) must
 * give exactly that tree.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/ast.h"
#include "fsutil.h"
#include "unit.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

/* Every node's span lies inside its parent's, and a variable's span is
 * exactly its name: tools cut and paste source by these spans. */
static int span_errors;

static void check_spans(const char *src, size_t len, const struct mx_ast *n,
                        const struct mx_ast *parent)
{
	if (!n)
		return;
	if (n->off > n->end || n->end > len ||
	    (parent && parent->kind != MX_AST_STAB && parent->kind != MX_AST_CLAUSES &&
	     parent->kind != MX_AST_FN && (n->off < parent->off || n->end > parent->end)) ||
	    (n->kind == MX_AST_VAR && !(n->flags & MX_AST_F_QUOTED) &&
	     (n->end - n->off != n->u.name.len ||
	      memcmp(src + n->off, n->u.name.name, n->u.name.len)))) {
		if (span_errors++ < 5)
			fprintf(stderr, "%s:%u:%u: bad span [%zu,%zu) of %s\n", n->file, n->line,
			        n->col, n->off, n->end, mx_ast_kind_name(n->kind));
		return;
	}
	switch (n->kind) {
	case MX_AST_LIST:
	case MX_AST_TUPLE:
	case MX_AST_BITSTRING:
	case MX_AST_BLOCK:
	case MX_AST_FN:
	case MX_AST_CLAUSES:
		for (size_t i = 0; i < n->u.list.n; i++)
			check_spans(src, len, n->u.list.items[i], n);
		break;
	case MX_AST_KW:
	case MX_AST_ASSOC:
		check_spans(src, len, n->u.pair.key, n);
		check_spans(src, len, n->u.pair.value, n);
		break;
	case MX_AST_MAP:
	case MX_AST_STRUCT:
		check_spans(src, len, n->u.map.name, n);
		check_spans(src, len, n->u.map.update, n);
		for (size_t i = 0; i < n->u.map.n; i++)
			check_spans(src, len, n->u.map.items[i], n);
		break;
	case MX_AST_CALL:
		check_spans(src, len, n->u.call.target, n);
		for (size_t i = 0; i < n->u.call.nargs; i++)
			check_spans(src, len, n->u.call.args[i], n);
		if (n->u.call.blocks)
			for (size_t i = 0; i < n->u.call.blocks->u.list.n; i++)
				check_spans(src, len, n->u.call.blocks->u.list.items[i], n);
		break;
	case MX_AST_OP:
	case MX_AST_UNARY:
	case MX_AST_CAPTURE:
		check_spans(src, len, n->u.op.left, n);
		check_spans(src, len, n->u.op.right, n);
		check_spans(src, len, n->u.op.step, n);
		break;
	case MX_AST_ATTR:
		check_spans(src, len, n->u.attr.value, n);
		break;
	case MX_AST_ACCESS:
		check_spans(src, len, n->u.access.target, n);
		check_spans(src, len, n->u.access.key, n);
		break;
	case MX_AST_STAB:
		for (size_t i = 0; i < n->u.stab.nargs; i++)
			check_spans(src, len, n->u.stab.args[i], n);
		check_spans(src, len, n->u.stab.guard, n);
		check_spans(src, len, n->u.stab.body, n);
		break;
	case MX_AST_ALIAS:
		check_spans(src, len, n->u.alias.base, n);
		break;
	default:
		break;
	}
}

/* Parses every .ex/.exs under dir; returns the number of files parsed, or
 * -1 after printing the first failure. */
static int parse_tree(const char *dir, int *failed)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "deps") ||
		    !strcmp(e->d_name, "_build"))
			continue;
		struct mx_buf path = MX_BUF_INIT;
		mx_buf_addf(&path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path.buf, &st) == 0 && S_ISDIR(st.st_mode)) {
			n += parse_tree(path.buf, failed);
		} else if (ends_with(e->d_name, ".ex") || ends_with(e->d_name, ".exs")) {
			struct mx_buf src = MX_BUF_INIT, golden = MX_BUF_INIT, out = MX_BUF_INIT,
			              gpath = MX_BUF_INIT;
			struct mx_arena a = MX_ARENA_INIT;
			struct mx_err err = MX_ERR_INIT;
			struct mx_ast *t;
			n++;
			if (mx_fs_read(path.buf, &src, &err) < 0 ||
			    mx_exs_parse(&a, path.buf, src.buf, src.len, &t, &err) < 0) {
				fprintf(stderr, "%s:%u:%u: %s\n", err.file, err.line, err.col,
				        err.msg);
				(*failed)++;
			} else {
				int before = span_errors;
				check_spans(src.buf, src.len, t, NULL);
				if (span_errors != before)
					(*failed)++;
				mx_buf_addf(&gpath, "%s.ast", path.buf);
				if (mx_fs_read(gpath.buf, &golden, &err) == 0) {
					mx_ast_print(t, false, &out);
					mx_buf_addch(&out, '\n');
					if (strcmp(out.buf, golden.buf)) {
						fprintf(stderr,
						        "%s: tree differs from %s\n got: %s\n",
						        path.buf, gpath.buf, out.buf);
						(*failed)++;
					}
				}
			}
			mx_arena_release(&a);
			mx_buf_release(&src);
			mx_buf_release(&golden);
			mx_buf_release(&out);
			mx_buf_release(&gpath);
		}
		mx_buf_release(&path);
	}
	closedir(d);
	return n;
}

TEST(fixtures)
{
	int failed = 0;
	int n = parse_tree("exs", &failed);
	CHECK_INT(failed, 0);
	CHECK(n >= 11);
}

TEST(examples_hello)
{
	const char *srcdir = getenv("MIXLESS_SOURCE_DIR");
	CHECK(srcdir);
	struct mx_buf dir = MX_BUF_INIT;
	mx_buf_addf(&dir, "%s/examples/hello", srcdir);
	int failed = 0;
	int n = parse_tree(dir.buf, &failed);
	mx_buf_release(&dir);
	CHECK_INT(failed, 0);
	/* mix.exs, the config files, lib, test, priv/repo ... */
	CHECK(n >= 20);
}

UNIT_MAIN()
