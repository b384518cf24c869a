/*
 * lock: the project's mix.lock, read as Mix reads it (Code.string_to_quoted
 * of one map literal; nothing in it runs). Tools ask it which version of a
 * dependency the project is locked to (ecto-migrate behaves as the locked
 * ecto_sql does), and which applications exist (the transitive deps).
 */
#include <string.h>

#include "exs/ast.h"
#include "exs/eval.h"
#include "fsutil.h"
#include "project.h"

/* The dep a key names: Mix writes `"ecto_sql": {...}`, an atom key. */
static const char *key_name(const struct mx_term *k)
{
	if (k->type == MX_TERM_ATOM)
		return k->u.atom.name;
	if (k->type == MX_TERM_BINARY)
		return k->u.bin.data;
	return NULL;
}

int mx_project_read_lock(struct mx_project *p, struct mx_err *err)
{
	struct mx_buf path = MX_BUF_INIT, src = MX_BUF_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *lock = NULL;
	int ret = -1;

	mx_eval_init(&ev, &p->arena);
	mx_project_path(p, "mix.lock", &path);
	if (!mx_fs_is_file(path.buf)) {
		ret = 0;
		goto out;
	}
	if (mx_fs_read(path.buf, &src, err) < 0)
		goto out;
	const char *file = mx_arena_strdup(&p->arena, path.buf);
	if (mx_exs_parse(&p->arena, file, src.buf, src.len, &ast, err) < 0)
		goto out;
	if (mx_eval_file(&ev, ast, &lock, err) < 0)
		goto out;
	if (!lock || lock->type != MX_TERM_MAP) {
		mx_err_at(err, MX_ERR_CONFIG, file, 1, 1, "mix.lock: expected a map");
		goto out;
	}
	p->lock = lock;
	for (size_t i = 0; i < lock->u.map.n; i++) {
		const char *name = key_name(lock->u.map.keys[i]);
		if (name)
			mx_strvec_push(&p->lock_deps, name);
	}
	ret = 0;
out:
	mx_eval_release(&ev);
	mx_buf_release(&path);
	mx_buf_release(&src);
	return ret;
}

const char *mx_project_locked_version(const struct mx_project *p, const char *dep)
{
	const struct mx_term *l = p->lock;
	for (size_t i = 0; l && i < l->u.map.n; i++) {
		const struct mx_term *k = l->u.map.keys[i], *v = l->u.map.vals[i];
		const char *name = key_name(k);
		/* {:hex, :ecto_sql, "3.12.1", checksum, managers, deps, repo, checksum} */
		if (!name || strcmp(name, dep))
			continue;
		if (v->type == MX_TERM_TUPLE && v->u.tuple.n >= 3 &&
		    mx_term_is_atom(v->u.tuple.items[0], "hex") &&
		    v->u.tuple.items[2]->type == MX_TERM_BINARY)
			return v->u.tuple.items[2]->u.bin.data;
		return NULL;
	}
	return NULL;
}
