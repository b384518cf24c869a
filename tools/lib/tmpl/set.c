/*
 * set: named templates, read on first use and linked: every include is
 * resolved to its template once, before the first rendering, so a missing
 * or cyclic include is found even when the include sits in a branch that
 * this run does not take, and rendering needs nothing but the tree.
 */
#include "tmpl_int.h"

#include <stdlib.h>
#include <string.h>

#include "../fsutil.h"

struct set_entry {
	char *name;
	struct mx_tmpl *t;
};

struct mx_tmpl_set {
	char *root;
	struct set_entry *v;
	size_t n, alloc;
};

struct mx_tmpl_set *mx_tmpl_set_new(const char *root)
{
	struct mx_tmpl_set *set = mx_xcalloc(1, sizeof(*set));
	set->root = root ? mx_xstrdup(root) : NULL;
	return set;
}

void mx_tmpl_set_free(struct mx_tmpl_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		free(set->v[i].name);
		tmpl_free(set->v[i].t);
	}
	free(set->v);
	free(set->root);
	free(set);
}

static struct mx_tmpl *find(const struct mx_tmpl_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++)
		if (!strcmp(set->v[i].name, name))
			return set->v[i].t;
	return NULL;
}

static void add(struct mx_tmpl_set *set, const char *name, struct mx_tmpl *t)
{
	MX_ALLOC_GROW(set->v, set->n + 1, set->alloc);
	set->v[set->n].name = mx_xstrdup(name);
	set->v[set->n].t = t;
	set->n++;
}

/* Names are relative paths below the root: no absolute path, no "..", no
 * empty segment, so no template can read a file outside the root. */
static bool valid_name(const char *name)
{
	if (!name[0] || name[0] == '/')
		return false;
	const char *seg = name;
	for (;;) {
		const char *slash = strchr(seg, '/');
		size_t n = slash ? (size_t)(slash - seg) : strlen(seg);
		if (n == 0 || (n == 2 && seg[0] == '.' && seg[1] == '.'))
			return false;
		if (!slash)
			return true;
		seg = slash + 1;
	}
}

int mx_tmpl_set_add(struct mx_tmpl_set *set, const char *name, const char *file, const char *src,
                    size_t len, struct mx_err *err)
{
	if (!valid_name(name))
		return mx_err_set(err, MX_ERR_USAGE, "invalid template name \"%s\"", name);
	if (find(set, name))
		return mx_err_set(err, MX_ERR_USAGE, "template \"%s\" is already in the set", name);
	struct mx_tmpl *t = tmpl_parse(name, file, src, len, err);
	if (!t)
		return -1;
	add(set, name, t);
	return 0;
}

/* The template called name, parsed (read from the root if needed) but not
 * necessarily linked; NULL with err. */
static struct mx_tmpl *load(struct mx_tmpl_set *set, const char *name, struct mx_err *err)
{
	struct mx_tmpl *t = find(set, name);
	if (t)
		return t;
	if (!valid_name(name)) {
		mx_err_set(err, MX_ERR_USAGE, "invalid template name \"%s\"", name);
		return NULL;
	}
	if (!set->root) {
		mx_err_set(err, MX_ERR_USAGE, "no template \"%s\"", name);
		return NULL;
	}
	struct mx_buf path = MX_BUF_INIT, src = MX_BUF_INIT;
	mx_buf_addf(&path, "%s/%s", set->root, name);
	if (mx_fs_read(path.buf, &src, err) == 0) {
		t = tmpl_parse(name, path.buf, src.buf, src.len, err);
		if (t)
			add(set, name, t);
	}
	mx_buf_release(&path);
	mx_buf_release(&src);
	return t;
}

static int link_includes(struct mx_tmpl_set *set, struct mx_tmpl *t, unsigned depth,
                         struct mx_err *err)
{
	if (t->state == TMPL_LINKED)
		return 0;
	t->state = TMPL_LINKING;
	for (size_t i = 0; i < t->nincludes; i++) {
		struct tmpl_node *inc = t->includes[i];
		const char *name = inc->u.include.name;
		if (depth >= TMPL_MAX_DEPTH)
			return mx_err_at(err, MX_ERR_SYNTAX, t->file, inc->line, inc->col,
			                 "includes nested too deeply");
		struct mx_err inner = MX_ERR_INIT;
		struct mx_tmpl *target = load(set, name, &inner);
		if (!target) {
			if (inner.kind == MX_ERR_SYNTAX) {
				*err = inner; /* the included file's own position */
				return -1;
			}
			return mx_err_at(err, MX_ERR_SYNTAX, t->file, inc->line, inc->col,
			                 "cannot include \"%s\": %s", name, inner.msg);
		}
		if (target->state == TMPL_LINKING)
			return mx_err_at(err, MX_ERR_SYNTAX, t->file, inc->line, inc->col,
			                 "including \"%s\" here makes a cycle", name);
		if (link_includes(set, target, depth + 1, err) < 0)
			return -1;
		inc->u.include.target = target;
	}
	t->state = TMPL_LINKED;
	return 0;
}

const struct mx_tmpl *mx_tmpl_set_get(struct mx_tmpl_set *set, const char *name, struct mx_err *err)
{
	struct mx_tmpl *t = load(set, name, err);
	if (!t)
		return NULL;
	if (link_includes(set, t, 0, err) < 0) {
		/* Leave nothing half-linked: a later get starts over. */
		for (size_t i = 0; i < set->n; i++)
			if (set->v[i].t->state == TMPL_LINKING)
				set->v[i].t->state = TMPL_PARSED;
		return NULL;
	}
	return t;
}

const char *mx_tmpl_name(const struct mx_tmpl *t)
{
	return t->name;
}

const char *mx_tmpl_file(const struct mx_tmpl *t)
{
	return t->file;
}
