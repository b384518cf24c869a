/*
 * mixproj: the aliases of mix.exs and the project's tasks/ folder.
 */
#include "mixproj.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"

/* mix help ALIAS (Elixir 1.17) shows the alias as inspect(task, pretty:
 * true, width: 0): a list one item a line, the later ones under the first. */
static char *inspect_steps(const struct mx_term *v)
{
	struct mx_buf b = MX_BUF_INIT;
	if (v->type != MX_TERM_LIST || !v->u.list.n) {
		mx_term_inspect(v, &b);
		return mx_buf_detach(&b, NULL);
	}
	mx_buf_addch(&b, '[');
	for (size_t i = 0; i < v->u.list.n; i++) {
		if (i)
			mx_buf_adds(&b, ",\n ");
		mx_term_inspect(v->u.list.items[i], &b);
	}
	mx_buf_addch(&b, ']');
	return mx_buf_detach(&b, NULL);
}

/* mix help's one-liner for an alias (Elixir 1.17): "Alias for " and its
 * steps joined by ", ", a function as "a function" (mix names a captured
 * one, &name/arity, which the reader does not keep). */
static char *alias_shortdoc(const struct mx_term *const *items, size_t n)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_adds(&b, "Alias for ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			mx_buf_adds(&b, ", ");
		if (items[i]->type == MX_TERM_BINARY)
			mx_buf_add(&b, items[i]->u.bin.data, items[i]->u.bin.len);
		else if (items[i]->type == MX_TERM_FUN)
			mx_buf_adds(&b, "a function");
		else
			mx_term_inspect(items[i], &b);
	}
	return mx_buf_detach(&b, NULL);
}

static void add_alias(struct mixless_proj *mp, const char *name, const struct mx_term *v)
{
	mp->aliases = mx_xrealloc(mp->aliases, (mp->naliases + 1) * sizeof(*mp->aliases));
	struct mixless_alias *a = &mp->aliases[mp->naliases++];
	/* An alias is a step or a list of them (List.wrap). */
	struct mx_term *const *items = (struct mx_term *const *)&v;
	size_t n = 1;
	if (v->type == MX_TERM_LIST) {
		items = v->u.list.items;
		n = v->u.list.n;
	}
	*a = (struct mixless_alias){mx_xstrdup(name), MX_STRVEC_INIT, inspect_steps(v),
	                            alias_shortdoc((const struct mx_term *const *)items, n)};
	for (size_t i = 0; i < n; i++) {
		if (items[i]->type == MX_TERM_BINARY)
			mx_strvec_push_owned(
			    &a->steps, mx_xstrndup(items[i]->u.bin.data, items[i]->u.bin.len));
		else
			mx_strvec_push_owned(&a->steps, NULL);
	}
}

static void read_aliases(struct mixless_proj *mp)
{
	const struct mx_term *kw = mx_term_kw_get(mp->p.project_kw, "aliases");
	if (!kw || kw->type != MX_TERM_LIST)
		return;
	for (size_t i = 0; i < kw->u.list.n; i++) {
		const struct mx_term *pair = kw->u.list.items[i];
		if (pair->type != MX_TERM_TUPLE || pair->u.tuple.n != 2 ||
		    pair->u.tuple.items[0]->type != MX_TERM_ATOM)
			continue;
		struct mx_buf name = MX_BUF_INIT;
		mx_buf_add(&name, pair->u.tuple.items[0]->u.atom.name,
		           pair->u.tuple.items[0]->u.atom.len);
		add_alias(mp, name.buf, pair->u.tuple.items[1]);
		mx_buf_release(&name);
	}
}

char *mixless_read_shortdoc(const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *found = NULL;
	/* Only the opening lines: a task's header, not its body. */
	for (int n = 0; n < 30 && !found && fgets(line, sizeof(line), f); n++) {
		char *p = line + strspn(line, " \t");
		if (*p != '#')
			continue;
		p += strspn(p + 1, " \t") + 1;
		if (strncmp(p, "@shortdoc", 9) || (p[9] != ' ' && p[9] != '\t'))
			continue;
		p += 9 + strspn(p + 9, " \t");
		size_t len = strcspn(p, "\r\n");
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len)
			found = mx_xstrndup(p, len);
	}
	fclose(f);
	return found;
}

void mixless_proj_tasks_dir(const struct mixless_proj *mp, struct mx_buf *out)
{
	const char *rel = getenv("MIXLESS_TASKS_DIR");
	mx_project_path(&mp->p, rel && *rel ? rel : "tasks", out);
}

int mixless_proj_load_tasks(struct mixless_proj *mp, struct mx_err *err)
{
	struct mx_buf dir = MX_BUF_INIT, path = MX_BUF_INIT;
	struct mx_strvec names = MX_STRVEC_INIT;
	int ret = 0;

	if (!mp->p.found)
		return 0;
	mixless_proj_tasks_dir(mp, &dir);
	if (!mx_fs_is_dir(dir.buf))
		goto out;
	if ((ret = mx_fs_list(dir.buf, 0, &names, err)) < 0)
		goto out;
	for (size_t i = 0; i < names.n; i++) {
		struct stat st;
		mx_buf_reset(&path);
		mx_path_join(&path, dir.buf, names.v[i]);
		if (stat(path.buf, &st) < 0 || !S_ISREG(st.st_mode) || access(path.buf, X_OK) < 0)
			continue;
		mp->customs = mx_xrealloc(mp->customs, (mp->ncustoms + 1) * sizeof(*mp->customs));
		mp->customs[mp->ncustoms++] =
		    (struct mixless_custom){mx_xstrdup(names.v[i]), mx_xstrdup(path.buf)};
	}
out:
	mx_strvec_clear(&names);
	mx_buf_release(&dir);
	mx_buf_release(&path);
	return ret;
}

int mixless_proj_load(struct mixless_proj *mp, struct mx_err *err)
{
	struct mx_project_opts o = {.no_config = true, .gently = true};
	if (mx_project_enter(&mp->p, &o, err) < 0)
		return -1;
	if (!mp->p.found)
		return 0;
	read_aliases(mp);
	return 0;
}

void mixless_proj_release(struct mixless_proj *mp)
{
	if (!mp)
		return;
	for (size_t i = 0; i < mp->naliases; i++) {
		free(mp->aliases[i].name);
		mx_strvec_clear(&mp->aliases[i].steps);
		free(mp->aliases[i].inspected);
		free(mp->aliases[i].shortdoc);
	}
	free(mp->aliases);
	for (size_t i = 0; i < mp->ncustoms; i++) {
		free(mp->customs[i].name);
		free(mp->customs[i].path);
	}
	free(mp->customs);
	mx_project_release(&mp->p);
	*mp = (struct mixless_proj)MIXLESS_PROJ_INIT;
}

const struct mixless_alias *mixless_proj_alias(const struct mixless_proj *mp, const char *name)
{
	for (size_t i = 0; i < mp->naliases; i++)
		if (!strcmp(mp->aliases[i].name, name))
			return &mp->aliases[i];
	return NULL;
}

const struct mixless_custom *mixless_proj_custom(const struct mixless_proj *mp, const char *name)
{
	for (size_t i = 0; i < mp->ncustoms; i++)
		if (!strcmp(mp->customs[i].name, name))
			return &mp->customs[i];
	return NULL;
}
