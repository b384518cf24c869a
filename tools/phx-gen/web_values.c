/*
 * web_values: what a generated test's sample value becomes on the web side:
 * after Jason's encode/decode (phx.gen.json's controller tests) and in a
 * LiveView form (Mix.Phoenix.Schema.live_form_value/1 and
 * invalid_form_value/1). The values come inspected from the core
 * (phx_gen_sample); these work on that text, as the calendar sigils and
 * atoms it holds are all they change.
 */
#include <stdbool.h>
#include <string.h>

#include "web_model.h"

/* The text between "~X[" and "]" of a calendar sigil, or NULL. */
static const char *sigil(const char *v, char kind, size_t *len)
{
	if (v[0] != '~' || v[1] != kind || v[2] != '[')
		return NULL;
	const char *end = strchr(v + 3, ']');
	if (!end)
		return NULL;
	*len = (size_t)(end - (v + 3));
	return v + 3;
}

/* ~N[2024-01-01 10:00:00] -> "2024-01-01T10:00:00" (ISO 8601, as Jason
 * and to_iso8601 write it; ~U keeps its Z). */
static bool add_iso_datetime(const char *v, struct mx_buf *out)
{
	size_t n;
	const char *s = sigil(v, 'N', &n);
	if (!s)
		s = sigil(v, 'U', &n);
	if (!s)
		return false;
	mx_buf_addch(out, '"');
	for (size_t i = 0; i < n; i++)
		mx_buf_addch(out, s[i] == ' ' ? 'T' : s[i]);
	mx_buf_addch(out, '"');
	return true;
}

void phx_gen_json_value(const char *v, struct mx_buf *out)
{
	size_t n;
	const char *s;
	if ((s = sigil(v, 'D', &n)) || (s = sigil(v, 'T', &n))) {
		mx_buf_addf(out, "\"%.*s\"", (int)n, s);
	} else if (add_iso_datetime(v, out)) {
		/* done */
	} else if (v[0] == ':' && v[1] == '"') {
		mx_buf_adds(out, v + 1); /* :"in progress" -> "in progress" */
	} else if (v[0] == ':') {
		mx_buf_addf(out, "\"%s\"", v + 1);
	} else {
		mx_buf_adds(out, v);
	}
}

void phx_gen_live_value(const char *v, struct mx_buf *out)
{
	size_t n;
	const char *s;
	if ((s = sigil(v, 'D', &n))) {
		mx_buf_addf(out, "\"%.*s\"", (int)n, s); /* %Y-%m-%d */
	} else if ((s = sigil(v, 'T', &n))) {
		mx_buf_addf(out, "\"%.*s\"", n < 5 ? (int)n : 5, s); /* %H:%M */
	} else if (!add_iso_datetime(v, out)) {
		mx_buf_adds(out, v);
	}
}

const char *phx_gen_invalid_value(const char *v)
{
	if (v[0] == '[')
		return "[]";
	if (!strcmp(v, "true"))
		return "false";
	return "nil";
}
