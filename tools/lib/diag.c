#include "diag.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *prog_name = "mixless";
static int color_mode = -1;

void mx_err_clear(struct mx_err *err)
{
	if (!err)
		return;
	err->kind = MX_ERR_NONE;
	err->sys_errno = 0;
	err->file[0] = '\0';
	err->line = err->col = 0;
	err->msg[0] = '\0';
}

int mx_err_vset(struct mx_err *err, enum mx_err_kind kind, const char *fmt,
		va_list ap)
{
	if (!err)
		return -1;
	mx_err_clear(err);
	err->kind = kind;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return -1;
}

int mx_err_set(struct mx_err *err, enum mx_err_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mx_err_vset(err, kind, fmt, ap);
	va_end(ap);
	return -1;
}

int mx_err_at(struct mx_err *err, enum mx_err_kind kind, const char *file,
	      unsigned line, unsigned col, const char *fmt, ...)
{
	if (!err)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	mx_err_vset(err, kind, fmt, ap);
	va_end(ap);
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->col = col;
	return -1;
}

int mx_err_errno(struct mx_err *err, const char *what, const char *path)
{
	int e = errno;
	if (!err)
		return -1;
	mx_err_set(err, MX_ERR_IO, "%s '%s': %s", what, path, strerror(e));
	err->sys_errno = e;
	return -1;
}

void mx_err_format(const struct mx_err *err, struct mx_buf *out)
{
	if (err->file[0]) {
		mx_buf_adds(out, err->file);
		if (err->line) {
			mx_buf_addf(out, ":%u", err->line);
			if (err->col)
				mx_buf_addf(out, ":%u", err->col);
		}
		mx_buf_adds(out, ": ");
	}
	mx_buf_adds(out, err->msg);
}

void mx_diag_set_prog(const char *prog)
{
	const char *slash = strrchr(prog, '/');
	prog_name = slash ? slash + 1 : prog;
}

const char *mx_diag_prog(void)
{
	return prog_name;
}

void mx_diag_force_color(int on)
{
	color_mode = on;
}

bool mx_diag_color(FILE *f)
{
	if (color_mode >= 0)
		return color_mode;
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	return isatty(fileno(f));
}

const char *mx_diag_ansi(FILE *f, enum mx_color c)
{
	static const char *codes[] = {
		[MX_RESET] = "\033[0m",  [MX_RED] = "\033[31m",
		[MX_GREEN] = "\033[32m", [MX_YELLOW] = "\033[33m",
		[MX_CYAN] = "\033[36m",  [MX_BRIGHT] = "\033[1m",
	};
	return mx_diag_color(f) ? codes[c] : "";
}

int mx_diag_error(const struct mx_err *err)
{
	struct mx_buf b = MX_BUF_INIT;
	if (!err->file[0])
		mx_buf_addf(&b, "%s: ", prog_name);
	mx_err_format(err, &b);
	fprintf(stderr, "%s\n", b.buf);
	mx_buf_release(&b);
	return err->kind == MX_ERR_USAGE ? MX_EXIT_USAGE : MX_EXIT_FAIL;
}

int mx_diag_fail(int code, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", prog_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int mx_diag_usage(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", prog_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", prog_name);
	return MX_EXIT_USAGE;
}

void mx_diag_warn(const char *fmt, ...)
{
	va_list ap;
	fputs(mx_diag_ansi(stderr, MX_YELLOW), stderr);
	fputs("warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(mx_diag_ansi(stderr, MX_RESET), stderr);
	fputc('\n', stderr);
}

void mx_diag_info_color(enum mx_color c, const char *fmt, ...)
{
	va_list ap;
	fputs(mx_diag_ansi(stdout, c), stdout);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputs(mx_diag_ansi(stdout, MX_RESET), stdout);
	fputc('\n', stdout);
}
