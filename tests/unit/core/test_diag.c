#include <errno.h>

#include "diag.h"
#include "unit.h"

TEST(err_set_returns_minus_one_and_formats)
{
	struct mx_err err = MX_ERR_INIT;
	CHECK_INT(mx_err_set(&err, MX_ERR_USAGE, "bad %s", "thing"), -1);
	CHECK_INT(err.kind, MX_ERR_USAGE);
	struct mx_buf b = MX_BUF_INIT;
	mx_err_format(&err, &b);
	CHECK_STR(b.buf, "bad thing");
	mx_buf_release(&b);
}

TEST(err_at_formats_file_line_col)
{
	struct mx_err err = MX_ERR_INIT;
	mx_err_at(&err, MX_ERR_SYNTAX, "priv/repo/migrations/1_a.exs", 12, 5,
		  "unsupported call %s", "Enum.each/2");
	struct mx_buf b = MX_BUF_INIT;
	mx_err_format(&err, &b);
	CHECK_STR(b.buf, "priv/repo/migrations/1_a.exs:12:5: unsupported call Enum.each/2");
	mx_buf_release(&b);
}

TEST(err_errno_names_path_and_reason)
{
	struct mx_err err = MX_ERR_INIT;
	errno = ENOENT;
	mx_err_errno(&err, "cannot open", "x/y");
	CHECK_STR(err.msg, "cannot open 'x/y': No such file or directory");
	CHECK_INT(err.sys_errno, ENOENT);
	CHECK_INT(err.kind, MX_ERR_IO);
}

TEST(err_null_is_allowed)
{
	CHECK_INT(mx_err_set(NULL, MX_ERR_OTHER, "x"), -1);
	CHECK_INT(mx_err_at(NULL, MX_ERR_OTHER, "f", 1, 1, "x"), -1);
}

TEST(color_respects_no_color_and_force)
{
	mx_diag_force_color(1);
	CHECK_STR(mx_diag_ansi(stdout, MX_GREEN), "\033[32m");
	mx_diag_force_color(0);
	CHECK_STR(mx_diag_ansi(stdout, MX_GREEN), "");
	mx_diag_force_color(-1);
	setenv("NO_COLOR", "1", 1);
	CHECK(!mx_diag_color(stdout));
}

TEST(err_clear_accepts_null)
{
	mx_err_clear(NULL);
	CHECK(1);
}

UNIT_MAIN()
