/*
 * diag: errors, exit codes and the few printing helpers every tool shares.
 *
 * Library code never prints and never exits. It returns a negative value and
 * fills a struct mx_err; the tool decides how to report it, normally with
 * mx_diag_error(), which prints "<prog>: <message>" or, when the error has a
 * source position, "<file>:<line>:<col>: <message>".
 */
#ifndef MX_DIAG_H
#define MX_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "buf.h"

/* Exit codes are categories, not one number per call site. */
enum {
	MX_EXIT_OK = 0,
	MX_EXIT_FAIL = 1,  /* the task failed */
	MX_EXIT_USAGE = 2, /* bad command line */
};

/* Error kinds, so a caller can tell "file not found" from "syntax error". */
enum mx_err_kind {
	MX_ERR_NONE = 0,
	MX_ERR_IO,       /* a system call failed; sys_errno holds errno */
	MX_ERR_SYNTAX,   /* a source file could not be parsed */
	MX_ERR_EVAL,     /* code that the evaluator cannot run ("not a constant") */
	MX_ERR_USAGE,    /* bad arguments to the task */
	MX_ERR_CONFIG,   /* project or config problem */
	MX_ERR_DB,       /* database error */
	MX_ERR_OTHER,
};

struct mx_err {
	enum mx_err_kind kind;
	int sys_errno;
	char file[1024]; /* empty when the error has no source position */
	unsigned line, col;
	char msg[2048];
};

#define MX_ERR_INIT { MX_ERR_NONE, 0, "", 0, 0, "" }

void mx_err_clear(struct mx_err *err);

/* Each setter fills err (when not NULL) and returns -1, so library code can
 * write `return mx_err_set(err, MX_ERR_USAGE, "bad %s", x);`. */
int mx_err_set(struct mx_err *err, enum mx_err_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int mx_err_vset(struct mx_err *err, enum mx_err_kind kind, const char *fmt,
		va_list ap);
/* A source error at file:line:col (line and col are 1-based). */
int mx_err_at(struct mx_err *err, enum mx_err_kind kind, const char *file,
	      unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* "<what> '<path>': <strerror(errno)>", e.g. "cannot open 'x': No such file
 * or directory". Reads errno itself, so call it straight after the failure. */
int mx_err_errno(struct mx_err *err, const char *what, const char *path);

/* Formats err as it is reported: "file:line:col: msg" or "msg". */
void mx_err_format(const struct mx_err *err, struct mx_buf *out);

/* ---- Reporting, for tools ------------------------------------------- */

/* The program name used in messages ("phx-digest"); set once by main(). */
void mx_diag_set_prog(const char *prog);
const char *mx_diag_prog(void);

/* True when colour should be used on this stream: a TTY and NO_COLOR unset
 * (https://no-color.org), unless forced with mx_diag_force_color(). */
bool mx_diag_color(FILE *f);
void mx_diag_force_color(int on); /* -1: automatic, 0: never, 1: always */

/* ANSI colours as Elixir's IO.ANSI names them. */
enum mx_color { MX_RESET, MX_RED, MX_GREEN, MX_YELLOW, MX_CYAN, MX_BRIGHT };
const char *mx_diag_ansi(FILE *f, enum mx_color c);

/* "<prog>: <message>" on stderr, or "file:line:col: message" for source
 * errors. Returns MX_EXIT_FAIL (or MX_EXIT_USAGE for MX_ERR_USAGE). */
int mx_diag_error(const struct mx_err *err);
/* "<prog>: <formatted message>" on stderr; returns code. */
int mx_diag_fail(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A usage error: message, then "Try '<prog> --help' for more information."
 * Returns MX_EXIT_USAGE. */
int mx_diag_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "warning: ..." on stderr, yellow on a TTY, as Mix.shell().error/IO.warn. */
void mx_diag_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Mix.shell().info with one coloured span: prints text in colour c on
 * stdout (plain when colour is off), then a newline. */
void mx_diag_info_color(enum mx_color c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
