/*
 * inflect: Macro.camelize/underscore and Phoenix.Naming, byte for byte.
 * Each function follows the clauses of the Elixir original in order; the
 * comments name the clause being matched.
 */
#include "inflect.h"

#include <stdlib.h>
#include <string.h>

static bool up(int c)
{
	return c >= 'A' && c <= 'Z';
}
static bool low(int c)
{
	return c >= 'a' && c <= 'z';
}
static bool dig(int c)
{
	return c >= '0' && c <= '9';
}
static int to_upper(int c)
{
	return low(c) ? c - 32 : c;
}
static int to_lower(int c)
{
	return up(c) ? c + 32 : c;
}

void mx_inflect_camelize(const char *s, struct mx_buf *out)
{
	/* camelize(<<?_, t>>) drops leading underscores; the first byte is
	 * upcased; do_camelize then walks the rest. */
	for (;;) {
		while (*s == '_')
			s++;
		if (!*s)
			return;
		mx_buf_addch(out, to_upper((unsigned char)*s++));
		for (;;) {
			if (s[0] == '_' && s[1] == '_') {
				s++; /* "__" is "_" */
			} else if (s[0] == '_' && low((unsigned char)s[1])) {
				mx_buf_addch(out, to_upper((unsigned char)s[1]));
				s += 2;
			} else if (s[0] == '_' && dig((unsigned char)s[1])) {
				mx_buf_addch(out, s[1]);
				s += 2;
			} else if (s[0] == '_' && !s[1]) {
				return;
			} else if (s[0] == '/') {
				mx_buf_addch(out, '.');
				s++;
				break; /* camelize(t) again */
			} else if (!s[0]) {
				return;
			} else {
				mx_buf_addch(out, s[0]);
				s++;
			}
		}
	}
}

void mx_inflect_camelize_lower(const char *s, struct mx_buf *out)
{
	while (*s == '_')
		s++;
	if (!*s)
		return;
	size_t mark = out->len;
	mx_inflect_camelize(s, out);
	if (out->len > mark)
		out->buf[mark] = (char)to_lower((unsigned char)s[0]);
}

static void underscore_from(const char *s, struct mx_buf *out);

/* do_underscore(t, prev) */
static void do_underscore(const char *s, int prev, struct mx_buf *out)
{
	while (*s) {
		int h = (unsigned char)s[0], t = (unsigned char)s[1];
		if (up(h) && t && !up(t) && !dig(t) && t != '.' && t != '_') {
			mx_buf_addch(out, '_');
			mx_buf_addch(out, to_lower(h));
			mx_buf_addch(out, t);
			prev = t;
			s += 2;
		} else if (up(h) && !up(prev) && prev != '_') {
			mx_buf_addch(out, '_');
			mx_buf_addch(out, to_lower(h));
			prev = h;
			s++;
		} else if (h == '.') {
			mx_buf_addch(out, '/');
			underscore_from(s + 1, out);
			return;
		} else {
			mx_buf_addch(out, to_lower(h));
			prev = h;
			s++;
		}
	}
}

static void underscore_from(const char *s, struct mx_buf *out)
{
	if (!*s)
		return;
	mx_buf_addch(out, to_lower((unsigned char)s[0]));
	do_underscore(s + 1, (unsigned char)s[0], out);
}

void mx_inflect_underscore(const char *s, struct mx_buf *out)
{
	underscore_from(s, out);
}

void mx_inflect_underscore_alias(const char *alias, struct mx_buf *out)
{
	if (!strncmp(alias, "Elixir.", 7))
		alias += 7;
	underscore_from(alias, out);
}

void mx_inflect_humanize(const char *s, struct mx_buf *out)
{
	size_t n = strlen(s);
	if (n >= 3 && !strcmp(s + n - 3, "_id"))
		n -= 3;
	/* String.replace("_", " ") |> String.capitalize: first letter up,
	 * the rest down. */
	for (size_t i = 0; i < n; i++) {
		int c = s[i] == '_' ? ' ' : (unsigned char)s[i];
		mx_buf_addch(out, i == 0 ? to_upper(c) : to_lower(c));
	}
}

void mx_inflect_unsuffix(const char *s, const char *suffix, struct mx_buf *out)
{
	size_t n = strlen(s), k = strlen(suffix);
	if (k <= n && !strcmp(s + n - k, suffix))
		mx_buf_add(out, s, n - k);
	else
		mx_buf_adds(out, s);
}

void mx_inflect_resource_name(const char *alias, const char *suffix, struct mx_buf *out)
{
	if (!strncmp(alias, "Elixir.", 7))
		alias += 7;
	const char *last = strrchr(alias, '.');
	last = last ? last + 1 : alias;
	struct mx_buf t = MX_BUF_INIT;
	mx_inflect_unsuffix(last, suffix, &t);
	mx_inflect_underscore(t.buf, out);
	mx_buf_release(&t);
}

void mx_inflect_web_module(const char *base, struct mx_buf *out)
{
	size_t n = strlen(base);
	mx_buf_adds(out, base);
	if (!(n >= 3 && !strcmp(base + n - 3, "Web")))
		mx_buf_adds(out, "Web");
}

void mx_inflect(const char *base, const char *singular, struct mx_inflection *inf)
{
	struct mx_buf b = MX_BUF_INIT;
	inf->base = mx_xstrdup(base);
	mx_inflect_web_module(base, &b);
	inf->web_module = mx_buf_detach(&b, NULL);
	mx_inflect_camelize(singular, &b);
	inf->scoped = mx_buf_detach(&b, NULL);
	mx_inflect_underscore(inf->scoped, &b);
	inf->path = mx_buf_detach(&b, NULL);
	const char *last = strrchr(inf->path, '/');
	inf->singular = mx_xstrdup(last ? last + 1 : inf->path);
	/* Module.concat(base, scoped) */
	if (*base && *inf->scoped)
		mx_buf_addf(&b, "%s.%s", base, inf->scoped);
	else
		mx_buf_adds(&b, *base ? base : inf->scoped);
	inf->module = mx_buf_detach(&b, NULL);
	const char *dot = strrchr(inf->module, '.');
	inf->alias = mx_xstrdup(dot ? dot + 1 : inf->module);
	mx_inflect_humanize(inf->singular, &b);
	inf->human = mx_buf_detach(&b, NULL);
}

void mx_inflection_release(struct mx_inflection *inf)
{
	if (!inf)
		return;
	free(inf->alias);
	free(inf->human);
	free(inf->base);
	free(inf->web_module);
	free(inf->module);
	free(inf->scoped);
	free(inf->singular);
	free(inf->path);
	memset(inf, 0, sizeof(*inf));
}
