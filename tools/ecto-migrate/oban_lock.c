/*
 * oban_lock: which oban release the project's mix.lock locks, read with the
 * Elixir reader (mix.lock is a map literal:
 * %{"oban": {:hex, :oban, "2.17.10", "<hash>", [:mix], [deps...], ...}}).
 */
#include <stdlib.h>
#include <string.h>

#include "exs/ast.h"
#include "exs/eval.h"
#include "fsutil.h"
#include "oban.h"

char *em_oban_locked_version(const char *root)
{
	struct mx_buf path = MX_BUF_INIT, text = MX_BUF_INIT;
	struct mx_arena arena = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eval ev;
	struct mx_ast *ast = NULL;
	struct mx_term *lock = NULL;
	const struct mx_term *dep;
	char *version = NULL;

	mx_buf_addf(&path, "%s/mix.lock", root ? root : ".");
	mx_eval_init(&ev, &arena);
	if (!mx_fs_is_file(path.buf) || mx_fs_read(path.buf, &text, &err) < 0 ||
	    mx_exs_parse(&arena, path.buf, text.buf, text.len, &ast, &err) < 0 ||
	    mx_eval_expr(&ev, ast, &lock, &err) < 0 || !lock || lock->type != MX_TERM_MAP)
		goto out;
	dep = mx_term_map_get_atom(lock, "oban");
	/* {:hex, :oban, "2.17.10", ...}; a git or path dep has no version. */
	if (dep && dep->type == MX_TERM_TUPLE && dep->u.tuple.n >= 3 &&
	    mx_term_is_atom(dep->u.tuple.items[0], "hex") &&
	    dep->u.tuple.items[2]->type == MX_TERM_BINARY)
		version = mx_xstrndup(dep->u.tuple.items[2]->u.bin.data,
		                      dep->u.tuple.items[2]->u.bin.len);
out:
	mx_eval_release(&ev);
	mx_arena_release(&arena);
	mx_buf_release(&text);
	mx_buf_release(&path);
	return version;
}
