/*
 * opt: command-line switches the way Elixir's OptionParser reads them, driven
 * by one table per command whose rows also carry the help text (a new option
 * is one row).
 *
 *   --name VALUE, --name=VALUE, -n VALUE, -nVALUE; --flag, --no-flag for
 *   booleans; switches may follow positional arguments; "--" ends switches.
 *   Underscores and dashes are the same in names (--to_exclusive works, as
 *   OptionParser accepts both).
 *
 * Two modes, as a mix task chooses between `strict:` and `switches:`:
 *
 *   MX_OPT_STRICT   (the ecto tasks, phx.gen.auth, phx.gen.cert) an unknown
 *                   switch, a missing value, or a value of the wrong type is a
 *                   usage error whose message names the switch ("unknown
 *                   option '--bogus'").
 *   MX_OPT_LENIENT  (the other Phoenix generators) what OptionParser.parse
 *                   would put in its `invalid` list is skipped without a word:
 *                   an unknown switch, a bad value, a missing value. As in
 *                   OptionParser, a switch without an inline value takes the
 *                   next word as its value only when that word does not look
 *                   like a switch ("-" and negative numbers are values), and
 *                   an unknown switch swallows that word too
 *                   (`--unknown Accounts` drops "Accounts").
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
 * The switches every tool and command spells the same way, with the same
 * help text: -C/--directory DIR, -q/--quiet (where a command has quiet),
 * -h/--help and --version. (mx_command adds -h/--help and --version to every
 * command by itself.)
 */
#define MX_OPT_DIRECTORY_HELP "Project root (default: the nearest directory upward with mix.exs)"
#define MX_OPT_QUIET_HELP     "Print nothing on success"
#define MX_OPT_HELP_HELP      "Show this help"
#define MX_OPT_VERSION_HELP   "Show the version"
#define MX_OPT_DIRECTORY(v)   MX_OPT_STR_("directory", 'C', v, "DIR", MX_OPT_DIRECTORY_HELP)
#define MX_OPT_QUIET(v)       MX_OPT_BOOL_("quiet", 'q', v, MX_OPT_QUIET_HELP)
#define MX_OPT_HELP(v)        MX_OPT_BOOL_("help", 'h', v, MX_OPT_HELP_HELP)
#define MX_OPT_VERSION(v)     MX_OPT_BOOL_("version", 0, v, MX_OPT_VERSION_HELP)

enum mx_opt_mode {
	MX_OPT_STRICT = 0, /* OptionParser's strict: */
	MX_OPT_LENIENT,    /* OptionParser's switches: */
};

/*
 * Parses argv[first..argc) in strict mode. Positional arguments are appended
 * to positional (which may be NULL when none are allowed: one is then a usage
 * error). Returns 0, or -1 with err->kind == MX_ERR_USAGE.
 */
int mx_opt_parse(int argc, char **argv, int first, const struct mx_option *opts,
		 struct mx_strvec *positional, struct mx_err *err);
/* The same in either mode; in MX_OPT_LENIENT only a positional argument
 * where none is allowed is an error. */
int mx_opt_parse_mode(int argc, char **argv, int first, const struct mx_option *opts,
		      enum mx_opt_mode mode, struct mx_strvec *positional, struct mx_err *err);

/* The rows of opts before its MX_OPT_END row. */
size_t mx_opt_count(const struct mx_option *opts);

/* Prints the option rows of the table, aligned, for --help. */
void mx_opt_print_help(FILE *out, const struct mx_option *opts);

/* Prints "<prog> <version> (Phoenix X, ecto_sql Y)" for --version. */
int mx_opt_version(FILE *out);

#endif
