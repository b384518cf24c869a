/*
 * `mixless debug parse [--ast] [--positions] FILE...`: reads each file with
 * the exs parser and prints "FILE: ok" or "FILE:line:col: message"; exits 1
 * when any file failed. With --ast the tree follows each "ok" line, in the
 * S-expression form of mx_ast_print (the unit tests' format); --positions
 * prefixes every node with line:col. Other tools' tests use it to check that
 * a file parses, and it is the first thing to run when a parse looks wrong.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "commands.h"
#include "diag.h"
#include "exs/ast.h"
#include "fsutil.h"
#include "opt.h"
#include "strvec.h"

static int parse_one(const char *path, bool ast, bool positions)
{
	struct mx_buf src = MX_BUF_INIT, out = MX_BUF_INIT;
	struct mx_arena arena = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_ast *tree = NULL;
	int ret = 1;

	if (mx_fs_read(path, &src, &err) < 0) {
		mx_diag_error(&err);
		goto out;
	}
	if (mx_exs_parse(&arena, path, src.buf, src.len, &tree, &err) < 0) {
		mx_err_format(&err, &out);
		printf("%s\n", out.buf);
		goto out;
	}
	printf("%s: ok\n", path);
	if (ast) {
		mx_ast_print(tree, positions, &out);
		printf("%s\n", out.buf);
	}
	ret = 0;
out:
	fflush(stdout);
	mx_arena_release(&arena);
	mx_buf_release(&src);
	mx_buf_release(&out);
	return ret;
}

int mixless_cmd_debug_parse(int argc, char **argv)
{
	bool ast = false, positions = false, help = false;
	struct mx_strvec files = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	const struct mx_option opts[] = {
	    MX_OPT_BOOL_("ast", 0, &ast, "Print the syntax tree of each file"),
	    MX_OPT_BOOL_("positions", 0, &positions, "With --ast, prefix nodes with line:col"),
	    MX_OPT_BOOL_("help", 'h', &help, "Show this help"),
	    MX_OPT_END_,
	};
	int ret = 0;

	if (mx_opt_parse(argc, argv, 1, opts, &files, &err) < 0) {
		ret = mx_diag_usage("%s", err.msg);
		goto out;
	}
	if (help) {
		printf("Usage: mixless debug parse [--ast] [--positions] FILE...\n\n");
		mx_opt_print_help(stdout, opts);
		goto out;
	}
	if (!files.n) {
		ret = mx_diag_usage("debug parse expects at least one file");
		goto out;
	}
	for (size_t i = 0; i < files.n; i++)
		if (parse_one(files.v[i], ast, positions))
			ret = MX_EXIT_FAIL;
out:
	mx_strvec_clear(&files);
	return ret;
}
