/*
 * locate: a module's source file, found by its defmodule (see locate.h).
 */
#include <ctype.h>
#include <string.h>
#include <sys/stat.h>

#include "exs/ast.h"
#include "fsutil.h"
#include "project/locate.h"
#include "project/inflect.h"

/* The name of the next `defmodule` at the start of a line (after
 * indentation) at or after *at: its [name, *end) span, *at moved to the
 * line after it. NULL when there is none. */
static const char *next_defmodule(const char **at, const char *end, const char **name_end)
{
	for (const char *p = *at; p < end;) {
		const char *q = p;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
		if ((size_t)(end - q) <= 10 || memcmp(q, "defmodule ", 10))
			continue;
		const char *n = q + 10, *e = n;
		while (e < end && (isalnum((unsigned char)*e) || *e == '_' || *e == '.'))
			e++;
		if (e > n) {
			*at = p;
			*name_end = e;
			return n;
		}
	}
	*at = end;
	return NULL;
}

bool mx_text_defines_module(const char *text, size_t len, const char *module)
{
	size_t ml = strlen(module);
	const char *at = text, *end = text + len, *n, *e;
	while ((n = next_defmodule(&at, end, &e)))
		if ((size_t)(e - n) == ml && !memcmp(n, module, ml) && e < end && *e &&
		    strchr(" ,\t\n\r", *e))
			return true;
	return false;
}

/* Whether the file at path defines module; when it does and keep is not
 * NULL, the text read moves into keep (its old contents freed). */
static bool file_defines(const char *path, const char *module, struct mx_buf *keep)
{
	struct mx_buf text = MX_BUF_INIT;
	bool yes = mx_fs_read(path, &text, NULL) == 0 &&
	           mx_text_defines_module(text.buf ? text.buf : "", text.len, module);
	if (yes && keep) {
		struct mx_buf old = *keep;
		*keep = text;
		text = old;
	}
	mx_buf_release(&text);
	return yes;
}

struct walk {
	const char *module;
	const char *dir;
	struct mx_buf *out, *text;
	bool found;
};

static int visit(const char *path, const char *rel, const struct stat *st, void *ctx)
{
	struct walk *w = ctx;
	size_t n = strlen(rel);
	(void)st;
	if (n < 3 || strcmp(rel + n - 3, ".ex") || !file_defines(path, w->module, w->text))
		return MX_WALK_CONTINUE;
	mx_path_join(w->out, w->dir, rel);
	w->found = true;
	return -1;
}

bool mx_project_locate_module(const struct mx_project *p, const char *module,
                              struct mx_buf *out, struct mx_buf *text)
{
	struct mx_buf conv = MX_BUF_INIT, u = MX_BUF_INIT;
	bool found = false;

	mx_inflect_underscore_alias(module, &u);
	mx_buf_addf(&conv, "lib/%s.ex", u.buf ? u.buf : "");
	if (file_defines(conv.buf, module, text)) {
		mx_buf_add(out, conv.buf, conv.len);
		found = true;
	}
	for (size_t i = 0; !found && i < (p && p->elixirc_paths.n ? p->elixirc_paths.n : 1); i++) {
		const char *dir = p && p->elixirc_paths.n ? p->elixirc_paths.v[i] : "lib";
		struct walk w = {module, dir, out, text, false};
		if (mx_fs_is_dir(dir))
			mx_fs_walk(dir, 0, visit, &w, NULL);
		found = w.found;
	}
	mx_buf_release(&conv);
	mx_buf_release(&u);
	return found;
}

bool mx_text_first_module(const char *text, size_t len, struct mx_buf *out)
{
	const char *at = text, *e;
	const char *n = next_defmodule(&at, text + len, &e);
	if (n)
		mx_buf_add(out, n, (size_t)(e - n));
	return n != NULL;
}

struct find {
	bool (*f)(const struct mx_ast *n, const void *ctx);
	const void *ctx;
	const struct mx_ast *hit;
};

static void find_in_child(struct mx_ast **slot, void *vs)
{
	struct find *s = vs;
	if (!s->hit)
		s->hit = mx_ast_find(*slot, s->f, s->ctx);
}

const struct mx_ast *mx_ast_find(const struct mx_ast *n,
                                 bool (*f)(const struct mx_ast *n, const void *ctx),
                                 const void *ctx)
{
	if (!n)
		return NULL;
	if (f(n, ctx))
		return n;
	struct find s = {f, ctx, NULL};
	/* The core's one list of a node's children; it hands out writable
	 * slots for the EEx rewrite, this walk only reads them. */
	mx_ast_each_child((struct mx_ast *)n, find_in_child, &s);
	return s.hit;
}
