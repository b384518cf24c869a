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
#include "command.h"
#include "diag.h"
#include "exs/ast.h"
#include "fsutil.h"
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

static bool show_ast, show_positions;

static const struct mx_option options[] = {
    MX_OPT_BOOL_("ast", 0, &show_ast, "Print the syntax tree of each file"),
    MX_OPT_BOOL_("positions", 0, &show_positions, "With --ast, prefix nodes with line:col"),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	int ret = MX_EXIT_OK;
	if (!cl->args.n)
		return mx_diag_usage("debug parse expects at least one file");
	for (size_t i = 0; i < cl->args.n; i++)
		if (parse_one(cl->args.v[i], show_ast, show_positions))
			ret = MX_EXIT_FAIL;
	return ret;
}

const struct mx_command mixless_cmd_debug_parse = {
    .name = "parse",
    .tool = "mixless",
    .shortdoc = "Reads files with the Elixir parser, as the tools read them",
    .synopsis = "[--ast] [--positions] FILE...",
    .doc = "Reads files with the Elixir parser, as the tools read them, and prints\n"
           "\"FILE: ok\" or \"FILE:line:col: message\" for each; exit 1 when any\n"
           "failed.\n"
           "\n"
           "With --ast the syntax tree follows each \"ok\" line, in the S-expression\n"
           "form the unit tests use; --positions prefixes every node with\n"
           "line:col. It is the first thing to run when a migration, a config file\n"
           "or a router is read differently from what Elixir would read.\n"
           "\n"
           "  mixless debug parse priv/repo/migrations/*.exs\n"
           "  mixless debug parse --ast --positions config/config.exs\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
