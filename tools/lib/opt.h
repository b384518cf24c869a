/*
 * opt: command-line switches the way Elixir's OptionParser reads them in
 * `strict:` mode, driven by one table per tool whose rows also carry the help
 * text (a new option is one row).
 *
 *   --name VALUE, --name=VALUE, -n VALUE, -nVALUE; --flag, --no-flag for
 *   booleans; switches may follow positional arguments; "--" ends switches.
 *   Underscores and dashes are the same in names (--to_exclusive works, as
 *   OptionParser accepts both).
 *
 * An unknown switch, a missing value, or a value of the wrong type is a usage
 * error whose message names the switch ("unknown option '--bogus'").
 */
#ifndef MX_OPT_H
#define MX_OPT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "strvec.h"

enum mx_opt_type {
	MX_OPT_END = 0,
	MX_OPT_BOOL,   /* value: bool *; --no-NAME sets false */
	MX_OPT_STRING, /* value: const char ** (points into argv) */
	MX_OPT_INT,    /* value: long * */
	MX_OPT_LIST,   /* value: struct mx_strvec *; repeatable, each appended */
	MX_OPT_GROUP,  /* not an option: a heading in --help (help is the text) */
};

enum {
	MX_OPT_HIDDEN = 1 << 0,      /* accepted but left out of --help */
	MX_OPT_OPTIONAL_ARG = 1 << 1, /* --wait or --wait=30 (STRING/INT) */
};

struct mx_option {
	enum mx_opt_type type;
	const char *long_name; /* without the dashes; may be NULL */
	int short_name;        /* 0 for none */
	void *value;
	const char *argname;   /* "DIR", shown in help */
	const char *help;
	unsigned flags;
	int *seen;             /* optional: set to 1 when the switch is given */
	const char *optional_default; /* value for a bare OPTIONAL_ARG switch */
};

#define MX_OPT_BOOL_(l, s, v, h) { MX_OPT_BOOL, l, s, v, NULL, h, 0, NULL, NULL }
#define MX_OPT_STR_(l, s, v, a, h) { MX_OPT_STRING, l, s, v, a, h, 0, NULL, NULL }
#define MX_OPT_INT_(l, s, v, a, h) { MX_OPT_INT, l, s, v, a, h, 0, NULL, NULL }
#define MX_OPT_LIST_(l, s, v, a, h) { MX_OPT_LIST, l, s, v, a, h, 0, NULL, NULL }
#define MX_OPT_GROUP_(h) { MX_OPT_GROUP, NULL, 0, NULL, NULL, h, 0, NULL, NULL }
#define MX_OPT_END_ { MX_OPT_END, NULL, 0, NULL, NULL, NULL, 0, NULL, NULL }

/*
 * Parses argv[first..argc). Positional arguments are appended to positional
 * (which may be NULL when none are allowed: one is then a usage error).
 * Returns 0, or -1 with err->kind == MX_ERR_USAGE.
 */
int mx_opt_parse(int argc, char **argv, int first, const struct mx_option *opts,
		 struct mx_strvec *positional, struct mx_err *err);

/* Prints the option rows of the table, aligned, for --help. */
void mx_opt_print_help(FILE *out, const struct mx_option *opts);

/* Prints "<prog> <version> (Phoenix X, ecto_sql Y)" for --version. */
int mx_opt_version(FILE *out);

#endif
