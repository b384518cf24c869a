/*
 * libFuzzer harness for the Elixir lexer and parser: any input must parse or
 * fail with a positioned syntax error, without crashing, leaking, looping or
 * overflowing the stack. A successful parse is also printed, which walks the
 * whole tree (every pointer the parser set is followed).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/ast.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mx_arena arena = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_ast *tree = NULL;
	struct mx_buf out = MX_BUF_INIT;

	if (mx_exs_parse(&arena, "fuzz.exs", (const char *)data, size, &tree, &err) == 0) {
		mx_ast_print(tree, true, &out);
	} else {
		/* An error always carries a position inside the input. */
		if (err.kind != MX_ERR_SYNTAX || err.line == 0 || err.col == 0 ||
		    strcmp(err.file, "fuzz.exs"))
			__builtin_trap();
	}
	mx_buf_release(&out);
	mx_arena_release(&arena);
	return 0;
}
