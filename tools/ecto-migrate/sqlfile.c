/*
 * sqlfile: `-- +up` / `-- +down` SQL migrations (see sqlfile.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exs/term.h"
#include "sqlfile.h"

/* The line [s, e) with blanks trimmed equals marker (case-insensitive). */
static bool is_marker(const char *s, const char *e, const char *marker)
{
	size_t n = strlen(marker);
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	return (size_t)(e - s) == n && !strncasecmp(s, marker, n);
}

static bool is_blank_or_comment(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	return s == e || (e - s >= 2 && s[0] == '-' && s[1] == '-');
}

/* The section text with leading and trailing white space removed. */
static void trim(const char **s, const char **e)
{
	while (*s < *e && strchr(" \t\r\n", **s))
		(*s)++;
	while (*e > *s && strchr(" \t\r\n", (*e)[-1]))
		(*e)--;
}

static void set_plan(struct em_plan *plan, const char *op, const char *s, const char *e)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_buf log = MX_BUF_INIT;
	struct em_step *st;
	size_t len;

	plan->operation = op;
	plan->direction = " forward";
	trim(&s, &e);
	if (s == e)
		return;
	MX_ALLOC_GROW(plan->steps, plan->n + 1, plan->alloc);
	st = &plan->steps[plan->n++];
	memset(st, 0, sizeof(*st));
	st->sql = (struct mx_strvec)MX_STRVEC_INIT;
	mx_buf_adds(&log, "execute ");
	mx_term_inspect(mx_term_binary(&a, s, (size_t)(e - s)), &log);
	st->log = mx_buf_detach(&log, &len);
	mx_strvec_push_owned(&st->sql, mx_xstrndup(s, (size_t)(e - s)));
	mx_arena_release(&a);
}

int em_sqlfile_load(struct em_migration *m, const char *src, size_t len, struct mx_err *err)
{
	const char *end = src + len, *p = src;
	const char *up = NULL, *up_end = NULL, *down = NULL, *down_end = NULL;
	const char **open_end = NULL;
	unsigned line = 1;

	if (memchr(src, '\0', len))
		return mx_err_set(err, MX_ERR_SYNTAX, "%s: a SQL migration cannot hold NUL bytes",
		                  m->path);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *next = nl ? nl + 1 : end;

		if (is_marker(p, le, "-- +up") || is_marker(p, le, "-- +down")) {
			bool is_up = is_marker(p, le, "-- +up");
			if ((is_up && up) || (!is_up && down))
				return mx_err_at(err, MX_ERR_SYNTAX, m->path, line, 1,
				                 "second `-- +%s` section", is_up ? "up" : "down");
			if (open_end)
				*open_end = p;
			if (is_up) {
				up = next;
				open_end = &up_end;
			} else {
				down = next;
				open_end = &down_end;
			}
		} else if (!open_end) {
			if (is_marker(p, le, "-- +disable_ddl_transaction"))
				m->disable_ddl_transaction = true;
			else if (is_marker(p, le, "-- +disable_migration_lock"))
				m->disable_migration_lock = true;
			else if (!is_blank_or_comment(p, le))
				return mx_err_at(
				    err, MX_ERR_SYNTAX, m->path, line, 1,
				    "SQL before the `-- +up` line (a SQL migration is "
				    "`-- +up` then its SQL, optionally `-- +down` and its SQL)");
		}
		p = next;
		line++;
	}
	if (open_end)
		*open_end = end;
	if (!up)
		return mx_err_set(err, MX_ERR_SYNTAX, "%s: no `-- +up` section", m->path);

	{
		const char *base = strrchr(m->path, '/');
		m->module = mx_xstrdup(base ? base + 1 : m->path);
	}
	set_plan(&m->up, "up", up, up_end);
	if (down) {
		set_plan(&m->down, "down", down, down_end);
	} else {
		m->down.operation = "down";
		m->down.direction = " forward";
		m->down.failed = true;
		snprintf(m->down.exception, sizeof(m->down.exception), "Ecto.MigrationError");
		mx_err_clear(&m->down.error);
		mx_err_at(&m->down.error, MX_ERR_EVAL, m->path, 1, 1,
		          "%s has no `-- +down` section, so it cannot be rolled back", m->path);
	}
	return 0;
}
