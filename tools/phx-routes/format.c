/*
 * format: the routes table (see format.h). The text layout follows
 * ConsoleFormatter: helper column padded on the left, verb and path on the
 * right, two spaces between columns, then inspect(log_module) and
 * inspect(plug_opts); socket lines after the routes.
 */
#include <string.h>
#include <strings.h>

#include "format.h"
#include "json_escape.h"

struct widths {
	size_t verb, path, helper;
};

/* String.length/1 counts graphemes; for the ASCII and UTF-8 text of
 * routes, code points are what differs from bytes. */
static size_t slen(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void pad_leading(struct mx_buf *b, const char *s, size_t w)
{
	size_t n = slen(s);
	if (n < w)
		mx_buf_addchars(b, ' ', w - n);
	mx_buf_adds(b, s);
}

static void pad_trailing(struct mx_buf *b, const char *s, size_t w)
{
	size_t n = slen(s);
	mx_buf_adds(b, s);
	if (n < w)
		mx_buf_addchars(b, ' ', w - n);
}

static size_t max(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* The helper column's text: "<helper>_path" when the router has helpers. */
static void helper_name(const struct pr_table *t, const char *helper, struct mx_buf *b)
{
	mx_buf_reset(b);
	if (t->helpers && helper)
		mx_buf_addf(b, "%s_path", helper);
	else
		mx_buf_adds(b, "");
}

static struct widths widths(const struct pr_table *t)
{
	struct widths w = {0, 0, 0};
	struct mx_buf b = MX_BUF_INIT;
	for (size_t i = 0; i < t->n; i++) {
		const struct pr_route *r = &t->routes[i];
		helper_name(t, r->helper, &b);
		w.verb = max(w.verb, slen(r->verb));
		w.path = max(w.path, slen(r->path));
		w.helper = max(w.helper, slen(b.buf));
	}
	for (size_t i = 0; i < t->nsockets; i++) {
		const struct pr_socket *s = &t->sockets[i];
		w.verb = max(w.verb, pr_socket_longpoll(s) ? 4 : 2);
		w.path = max(w.path, slen(s->path) + strlen("/websocket"));
		w.helper = max(w.helper, t->helpers ? strlen("websocket") : 0);
	}
	mx_buf_release(&b);
	return w;
}

static bool keep(const struct pr_filter *f, const char *verb, const char *path, const char *mod,
                 const char *helper)
{
	if (!f)
		return true;
	if (f->method && strcasecmp(f->method, verb) && strcmp(verb, "*"))
		return false;
	if (f->pattern && !strstr(path, f->pattern) && !strstr(mod, f->pattern) &&
	    !(helper && strstr(helper, f->pattern)))
		return false;
	return true;
}

/* One output row, in whichever format: its fields in column order, as
 * named in the csv header and the json keys. opts is NULL for sockets. */
struct row {
	const char *helper, *verb, *path, *module, *opts;
};

static const char *const field_names[] = {"helper", "verb", "path", "module", "action"};
enum { NFIELDS = sizeof(field_names) / sizeof(*field_names) };

static void csv_field(struct mx_buf *out, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		mx_buf_adds(out, s);
		return;
	}
	mx_buf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			mx_buf_addch(out, '"');
		mx_buf_addch(out, *s);
	}
	mx_buf_addch(out, '"');
}

static void json_str(struct mx_buf *out, const char *s)
{
	if (!s) {
		mx_buf_adds(out, "null");
		return;
	}
	mx_json_add_string(out, s, strlen(s));
}

static void emit(struct mx_buf *out, enum pr_format f, const struct widths *w, const struct row *r,
                 size_t *count)
{
	switch (f) {
	case PR_FORMAT_TEXT:
		pad_leading(out, r->helper, w->helper);
		mx_buf_adds(out, "  ");
		pad_trailing(out, r->verb, w->verb);
		mx_buf_adds(out, "  ");
		pad_trailing(out, r->path, w->path);
		mx_buf_adds(out, "  ");
		mx_buf_adds(out, r->module);
		if (r->opts)
			mx_buf_addf(out, " %s", r->opts);
		mx_buf_addch(out, '\n');
		break;
	case PR_FORMAT_CSV: {
		const char *const v[NFIELDS] = {r->helper, r->verb, r->path, r->module,
		                                r->opts ? r->opts : ""};
		for (size_t i = 0; i < NFIELDS; i++) {
			csv_field(out, v[i]);
			mx_buf_addch(out, i + 1 < NFIELDS ? ',' : '\n');
		}
		break;
	}
	case PR_FORMAT_JSON: {
		/* An empty helper is null: the router has none for the route. */
		const char *const v[NFIELDS] = {*r->helper ? r->helper : NULL, r->verb, r->path,
		                                r->module, r->opts};
		mx_buf_adds(out, *count ? ",\n  {" : "\n  {");
		for (size_t i = 0; i < NFIELDS; i++) {
			mx_buf_adds(out, i ? ", \"" : "\"");
			mx_buf_adds(out, field_names[i]);
			mx_buf_adds(out, "\": ");
			json_str(out, v[i]);
		}
		mx_buf_addch(out, '}');
		break;
	}
	}
	(*count)++;
}

enum { CHUNK = 64 * 1024 };

static void drain(struct mx_buf *out, const struct pr_sink *sink)
{
	if (sink && out->len >= CHUNK) {
		sink->write(sink->ctx, out->buf, out->len);
		mx_buf_reset(out);
	}
}

void pr_format(const struct pr_table *t, enum pr_format f, const struct pr_filter *filter,
               struct mx_buf *out)
{
	pr_format_to(t, f, filter, out, NULL);
}

void pr_format_to(const struct pr_table *t, enum pr_format f, const struct pr_filter *filter,
                  struct mx_buf *out, const struct pr_sink *sink)
{
	struct widths w = widths(t);
	struct mx_buf helper = MX_BUF_INIT, mod = MX_BUF_INIT, opts = MX_BUF_INIT;
	size_t count = 0;

	mx_buf_grow(out, CHUNK + 1024);
	for (size_t i = 0; f == PR_FORMAT_CSV && i < NFIELDS; i++)
		mx_buf_addf(out, "%s%s", field_names[i], i + 1 < NFIELDS ? "," : "\n");
	if (f == PR_FORMAT_JSON)
		mx_buf_adds(out, "[");
	for (size_t i = 0; i < t->n; i++) {
		const struct pr_route *r = &t->routes[i];
		helper_name(t, r->helper, &helper);
		mx_buf_reset(&mod);
		mx_buf_reset(&opts);
		mx_term_inspect(r->log_module, &mod);
		mx_term_inspect(r->plug_opts, &opts);
		if (!keep(filter, r->verb, r->path, mod.buf, r->helper))
			continue;
		struct row row = {helper.buf, r->verb, r->path, mod.buf, opts.buf};
		emit(out, f, &w, &row, &count);
		drain(out, sink);
	}
	for (size_t i = 0; i < t->nsockets; i++) {
		const struct pr_socket *s = &t->sockets[i];
		static const char *const lp[] = {"GET", "POST"};
		if (pr_socket_hidden(s))
			continue;
		mx_buf_reset(&mod);
		mx_term_inspect(s->module, &mod);
		struct mx_buf path = MX_BUF_INIT;
		if (pr_socket_websocket(s)) {
			mx_buf_addf(&path, "%s/websocket", s->path);
			struct row row = {t->helpers ? "websocket" : "", "WS", path.buf, mod.buf,
			                  NULL};
			if (keep(filter, "WS", path.buf, mod.buf, NULL))
				emit(out, f, &w, &row, &count);
		}
		if (pr_socket_longpoll(s)) {
			mx_buf_reset(&path);
			mx_buf_addf(&path, "%s/longpoll", s->path);
			for (size_t k = 0; k < 2; k++) {
				struct row row = {t->helpers ? "longpoll" : "", lp[k], path.buf,
				                  mod.buf, NULL};
				if (keep(filter, lp[k], path.buf, mod.buf, NULL))
					emit(out, f, &w, &row, &count);
			}
		}
		mx_buf_release(&path);
	}
	if (f == PR_FORMAT_JSON)
		mx_buf_adds(out, count ? "\n]\n" : "]\n");
	mx_buf_release(&helper);
	mx_buf_release(&mod);
	mx_buf_release(&opts);
}
