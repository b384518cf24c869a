#include "fsutil.h"

#include <string.h>

void mx_depfile_add_target(struct mx_depfile *d, const char *path)
{
	mx_strvec_push(&d->targets, path);
}

void mx_depfile_add(struct mx_depfile *d, const char *path)
{
	mx_strvec_push(&d->deps, path);
}

/* Escaping as GNU make and CMake's depfile parser read gcc's output: a space
 * or '#' gets a backslash, a '$' is doubled, and a backslash before a space is
 * doubled. */
static void add_escaped(struct mx_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case ' ':
		case '#':
			mx_buf_addch(out, '\\');
			mx_buf_addch(out, *s);
			break;
		case '$':
			mx_buf_adds(out, "$$");
			break;
		case '\\':
			mx_buf_adds(out, s[1] == ' ' || s[1] == '#' ? "\\\\" : "\\");
			break;
		default:
			mx_buf_addch(out, *s);
		}
	}
}

void mx_depfile_format(const struct mx_depfile *d, struct mx_buf *out)
{
	struct mx_strvec deps = MX_STRVEC_INIT;
	for (size_t i = 0; i < d->deps.n; i++)
		mx_strvec_push(&deps, d->deps.v[i]);
	mx_strvec_sort(&deps);

	for (size_t i = 0; i < d->targets.n; i++) {
		if (i)
			mx_buf_addch(out, ' ');
		add_escaped(out, d->targets.v[i]);
	}
	mx_buf_addch(out, ':');
	for (size_t i = 0; i < deps.n; i++) {
		if (i && !strcmp(deps.v[i], deps.v[i - 1]))
			continue;
		mx_buf_adds(out, " \\\n  ");
		add_escaped(out, deps.v[i]);
	}
	mx_buf_addch(out, '\n');
	mx_strvec_clear(&deps);
}

int mx_depfile_write(const struct mx_depfile *d, const char *path,
		     struct mx_err *err)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_depfile_format(d, &b);
	int ret = mx_fs_write_atomic(path, b.buf, b.len, err);
	mx_buf_release(&b);
	return ret;
}

void mx_depfile_clear(struct mx_depfile *d)
{
	if (!d)
		return;
	mx_strvec_clear(&d->targets);
	mx_strvec_clear(&d->deps);
}
