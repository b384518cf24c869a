/*
 * render: walks a linked template's tree with the data. The only state is
 * the chain of loop scopes and the indentation of the includes being
 * rendered; the tree itself is never changed, so a template renders any
 * number of times.
 */
#include "tmpl_int.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* One for loop being rendered. */
struct scope {
	const char *var;
	const struct mx_tmpl_value *item;
	size_t index, length;
	const struct scope *up;
};

struct render {
	const struct mx_tmpl *t; /* the template being rendered, for messages */
	const struct mx_tmpl_value *root;
	const struct scope *scope;
	struct mx_buf *out;
	struct mx_err *err;
	/* Indentation of the includes being rendered, put before each
	 * non-empty line of template text; pending: at the start of such a
	 * line, the indentation not written yet. */
	const char *indent;
	size_t indent_len;
	bool pending;
	unsigned depth;
};

static int render_nodes(struct render *r, const struct tmpl_nodes *nodes);

static const char *type_name(const struct mx_tmpl_value *v)
{
	static const char *const names[] = {"nil",      "a boolean", "an integer",
	                                    "a string", "a list",    "a map"};
	return names[v->type];
}

static int fail_path(struct render *r, const struct tmpl_path *p, const char *fmt, const char *a1,
                     const char *a2)
{
	return mx_err_at(r->err, MX_ERR_EVAL, r->t->file, p->line, p->col, fmt, a1, a2);
}

/* Writes s[0..n) to the output. Template text (from_template) ends lines:
 * inside an indented include the next line gets the indentation, unless it
 * stays empty. Values are placed as they are. */
static void emit(struct render *r, const char *s, size_t n, bool from_template)
{
	if (!r->indent_len) {
		mx_buf_add(r->out, s, n);
		return;
	}
	while (n) {
		if (r->pending && s[0] != '\n' && !(s[0] == '\r' && n > 1 && s[1] == '\n')) {
			mx_buf_add(r->out, r->indent, r->indent_len);
			r->pending = false;
		}
		const char *nl = from_template ? memchr(s, '\n', n) : NULL;
		size_t k = nl ? (size_t)(nl - s) + 1 : n;
		mx_buf_add(r->out, s, k);
		if (nl)
			r->pending = true;
		s += k;
		n -= k;
	}
}

/* The value a path names. The loop meta values are made in *tmp. */
static int lookup(struct render *r, const struct tmpl_path *p, struct mx_tmpl_value *tmp,
                  const struct mx_tmpl_value **out)
{
	const char *first = p->segs[0];
	const struct mx_tmpl_value *v = NULL;
	size_t i = 1;
	for (const struct scope *s = r->scope; s && !v; s = s->up)
		if (!strcmp(s->var, first))
			v = s->item;
	if (!v && r->scope && !strcmp(first, "loop")) {
		const char *what = p->nsegs > 1 ? p->segs[1] : "";
		memset(tmp, 0, sizeof(*tmp));
		if (!strcmp(what, "index") || !strcmp(what, "length")) {
			tmp->type = MX_TMPL_INT;
			tmp->u.i = (int64_t)(what[0] == 'i' ? r->scope->index : r->scope->length);
		} else if (!strcmp(what, "first") || !strcmp(what, "last")) {
			tmp->type = MX_TMPL_BOOL;
			tmp->u.b = what[0] == 'f' ? r->scope->index == 0
			                          : r->scope->index + 1 == r->scope->length;
		} else {
			return fail_path(
			    r, p,
			    "unknown name \"%s\" (a loop has index, first, last and length)%s",
			    p->text, "");
		}
		v = tmp;
		i = 2;
	}
	if (!v)
		v = mx_tmpl_get(r->root, first);
	if (!v)
		return fail_path(r, p, "unknown name \"%s\"%s", first, "");
	for (; i < p->nsegs; i++) {
		if (v->type != MX_TMPL_MAP) {
			struct mx_buf prefix = MX_BUF_INIT;
			for (size_t k = 0; k < i; k++)
				mx_buf_addf(&prefix, "%s%s", k ? "." : "", p->segs[k]);
			int ret =
			    fail_path(r, p, "\"%s\" is %s, not a map", prefix.buf, type_name(v));
			mx_buf_release(&prefix);
			return ret;
		}
		const struct mx_tmpl_value *next = mx_tmpl_get(v, p->segs[i]);
		if (!next)
			return fail_path(r, p, "unknown name \"%s\" (no key \"%s\")", p->text,
			                 p->segs[i]);
		v = next;
	}
	*out = v;
	return 0;
}

static bool truthy(const struct mx_tmpl_value *v)
{
	switch (v->type) {
	case MX_TMPL_NIL:
		return false;
	case MX_TMPL_BOOL:
		return v->u.b;
	case MX_TMPL_STR:
		return v->u.str.len > 0;
	case MX_TMPL_LIST:
		return v->u.list.n > 0;
	default:
		return true;
	}
}

static int eval_cond(struct render *r, const struct tmpl_cond *c, bool *out)
{
	bool left;
	switch (c->kind) {
	case COND_PATH: {
		struct mx_tmpl_value tmp;
		const struct mx_tmpl_value *v;
		if (lookup(r, &c->path, &tmp, &v) < 0)
			return -1;
		*out = truthy(v);
		return 0;
	}
	case COND_NOT:
		if (eval_cond(r, c->left, &left) < 0)
			return -1;
		*out = !left;
		return 0;
	default: /* AND, OR: both sides are checked, so a misspelt name on
	          * the right is found whatever the left says */
		if (eval_cond(r, c->left, &left) < 0 || eval_cond(r, c->right, out) < 0)
			return -1;
		*out = c->kind == COND_AND ? left && *out : left || *out;
		return 0;
	}
}

static int render_value(struct render *r, const struct tmpl_path *p)
{
	struct mx_tmpl_value tmp;
	const struct mx_tmpl_value *v;
	if (lookup(r, p, &tmp, &v) < 0)
		return -1;
	if (v->type == MX_TMPL_STR) {
		emit(r, v->u.str.s, v->u.str.len, false);
		return 0;
	}
	if (v->type == MX_TMPL_INT) {
		char num[32];
		int n = snprintf(num, sizeof(num), "%" PRId64, v->u.i);
		emit(r, num, (size_t)n, false);
		return 0;
	}
	return fail_path(r, p, "cannot print \"%s\": it is %s", p->text, type_name(v));
}

static int render_if(struct render *r, const struct tmpl_node *node)
{
	for (size_t i = 0; i < node->u.if_.n; i++) {
		const struct tmpl_branch *b = &node->u.if_.br[i];
		bool take = true;
		if (b->cond && eval_cond(r, b->cond, &take) < 0)
			return -1;
		if (take)
			return render_nodes(r, &b->body);
	}
	return 0;
}

static int render_for(struct render *r, const struct tmpl_node *node)
{
	const struct tmpl_path *p = &node->u.for_.list;
	struct mx_tmpl_value tmp;
	const struct mx_tmpl_value *list;
	if (lookup(r, p, &tmp, &list) < 0)
		return -1;
	if (list->type != MX_TMPL_LIST)
		return fail_path(r, p, "cannot loop over \"%s\": it is %s", p->text,
		                 type_name(list));
	if (list->u.list.n == 0)
		return render_nodes(r, &node->u.for_.else_body);
	struct scope s = {node->u.for_.var, NULL, 0, list->u.list.n, r->scope};
	const struct scope *saved = r->scope;
	r->scope = &s;
	int ret = 0;
	for (size_t i = 0; i < list->u.list.n && ret == 0; i++) {
		s.item = list->u.list.items[i];
		s.index = i;
		if (i && node->u.for_.join)
			emit(r, node->u.for_.join, node->u.for_.join_len, true);
		ret = render_nodes(r, &node->u.for_.body);
	}
	r->scope = saved;
	return ret;
}

static int render_include(struct render *r, const struct tmpl_node *node)
{
	const struct mx_tmpl *saved_t = r->t;
	const char *saved_indent = r->indent;
	size_t saved_len = r->indent_len;
	char *indent = NULL;
	if (node->u.include.indent_len) {
		r->indent_len = saved_len + node->u.include.indent_len;
		indent = mx_xmalloc(r->indent_len);
		memcpy(indent, saved_indent, saved_len);
		memcpy(indent + saved_len, node->u.include.indent, node->u.include.indent_len);
		r->indent = indent;
		/* The include replaced a whole line: its output starts one. */
		r->pending = true;
	}
	r->t = node->u.include.target;
	int ret = render_nodes(r, &r->t->body);
	r->t = saved_t;
	r->indent = saved_indent;
	r->indent_len = saved_len;
	free(indent);
	return ret;
}

static int render_nodes(struct render *r, const struct tmpl_nodes *nodes)
{
	/* Each template nests at most TMPL_MAX_DEPTH blocks and includes
	 * chain at most TMPL_MAX_DEPTH deep; this bounds the product. */
	if (r->depth >= 4 * TMPL_MAX_DEPTH)
		return mx_err_at(r->err, MX_ERR_EVAL, r->t->file, 1, 1,
		                 "templates nested too deeply");
	r->depth++;
	int ret = 0;
	for (size_t i = 0; i < nodes->n && ret == 0; i++) {
		const struct tmpl_node *node = nodes->v[i];
		switch (node->kind) {
		case NODE_TEXT:
			emit(r, node->u.text.s, node->u.text.len, true);
			break;
		case NODE_LITERAL:
			emit(r, node->u.text.s, node->u.text.len, false);
			break;
		case NODE_VALUE:
			ret = render_value(r, &node->u.value);
			break;
		case NODE_IF:
			ret = render_if(r, node);
			break;
		case NODE_FOR:
			ret = render_for(r, node);
			break;
		case NODE_INCLUDE:
			ret = render_include(r, node);
			break;
		}
	}
	r->depth--;
	return ret;
}

int mx_tmpl_render(const struct mx_tmpl *t, const struct mx_tmpl_value *data, struct mx_buf *out,
                   struct mx_err *err)
{
	if (t->state != TMPL_LINKED)
		return mx_err_set(err, MX_ERR_USAGE, "template \"%s\" is not ready to render",
		                  t->name);
	if (!data || data->type != MX_TMPL_MAP)
		return mx_err_set(err, MX_ERR_USAGE, "the data of template \"%s\" is not a map",
		                  t->name);
	struct render r = {0};
	r.t = t;
	r.root = data;
	r.out = out;
	r.err = err;
	r.indent = "";
	return render_nodes(&r, &t->body);
}
