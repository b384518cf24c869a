/*
 * catalog: the rows of `mixless help`.
 */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "commands.h"
#include "fsutil.h"
#include "tasks.h"

static struct mixless_row *find(struct mixless_catalog *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->rows[i].name, name))
			return &c->rows[i];
	return NULL;
}

/* A name already listed keeps its row unless replace (an alias). */
static void add(struct mixless_catalog *c, const char *name, const char *shortdoc, bool replace)
{
	struct mixless_row *r = find(c, name);
	if (r && !replace)
		return;
	if (!r) {
		c->rows = mx_xrealloc(c->rows, (c->n + 1) * sizeof(*c->rows));
		r = &c->rows[c->n++];
		r->name = mx_xstrdup(name);
	} else {
		free(r->shortdoc);
	}
	r->shortdoc = mx_xstrdup(shortdoc);
}

/* An alias replaces a task of its name, as in mix. */
static void add_aliases(struct mixless_catalog *c, const struct mixless_proj *mp)
{
	for (size_t i = 0; i < mp->naliases; i++)
		add(c, mp->aliases[i].name, mp->aliases[i].shortdoc, true);
}

static int add_extra(struct mixless_catalog *c, const char *path, struct mx_err *err)
{
	struct mx_buf text = MX_BUF_INIT;
	if (mx_fs_read(path, &text, err) < 0)
		return -1;
	for (char *line = text.buf, *eol; line && *line; line = eol ? eol + 1 : NULL) {
		eol = strchr(line, '\n');
		if (eol)
			*eol = '\0';
		line += strspn(line, " ");
		char *tab = strchr(line, '\t');
		if (!tab || tab == line)
			continue;
		*tab = '\0';
		add(c, line, tab + 1, false);
	}
	mx_buf_release(&text);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct mixless_row *)a)->name, ((const struct mixless_row *)b)->name);
}

int mixless_catalog_build(struct mixless_catalog *c, const struct mixless_proj *mp,
                          const char *extra, struct mx_err *err)
{
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		add(c, t->name, t->shortdoc, false);
	for (size_t i = 0; mixless_tool.commands[i]; i++) {
		const struct mx_command *cmd = mixless_tool.commands[i];
		if (cmd->task && !(cmd->flags & MX_CMD_HIDDEN))
			add(c, cmd->task, mx_command_mix_shortdoc(cmd), false);
	}
	if (mp)
		add_aliases(c, mp);
	/* mix help leaves out a task without a @shortdoc. */
	for (size_t i = 0; mp && i < mp->ncustoms; i++) {
		char *shortdoc = mixless_read_shortdoc(mp->customs[i].path);
		if (shortdoc)
			add(c, mp->customs[i].name, shortdoc, false);
		free(shortdoc);
	}
	if (extra && add_extra(c, extra, err) < 0)
		return -1;
	qsort(c->rows, c->n, sizeof(*c->rows), by_name);
	return 0;
}

void mixless_catalog_aliases(struct mixless_catalog *c, const struct mixless_proj *mp)
{
	add_aliases(c, mp);
	qsort(c->rows, c->n, sizeof(*c->rows), by_name);
}

void mixless_catalog_search(FILE *out, const char *pattern)
{
	struct mixless_catalog c = MIXLESS_CATALOG_INIT;
	struct mixless_proj mp = MIXLESS_PROJ_INIT;
	struct mx_err err = MX_ERR_INIT;
	if (mixless_proj_load(&mp, &err) < 0 || mixless_proj_load_tasks(&mp, &err) < 0)
		mx_err_clear(&err);
	mixless_catalog_build(&c, &mp, NULL, &err);
	mixless_catalog_print(out, &c, pattern);
	mixless_catalog_release(&c);
	mixless_proj_release(&mp);
}

void mixless_catalog_release(struct mixless_catalog *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->rows[i].name);
		free(c->rows[i].shortdoc);
	}
	free(c->rows);
	*c = (struct mixless_catalog)MIXLESS_CATALOG_INIT;
}

void mixless_catalog_print(FILE *out, const struct mixless_catalog *c, const char *pattern)
{
	/* Mix pads "mix <task>" to the longest one shown, then " # ". */
	size_t width = 0;
	for (size_t i = 0; i < c->n; i++)
		if (!pattern || strstr(c->rows[i].name, pattern))
			width = strlen(c->rows[i].name) > width ? strlen(c->rows[i].name) : width;
	for (size_t i = 0; i < c->n; i++)
		if (!pattern || strstr(c->rows[i].name, pattern))
			fprintf(out, "mixless %-*s # %s\n", (int)width, c->rows[i].name,
			        c->rows[i].shortdoc);
}
