#include "opt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mixless_version.h"

/* OptionParser treats "--to-exclusive" and "--to_exclusive" alike. */
static bool name_eq(const char *table, const char *arg, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		char a = table[i], b = arg[i];
		if (!a)
			return false;
		if (a == '_')
			a = '-';
		if (b == '_')
			b = '-';
		if (a != b)
			return false;
	}
	return table[i] == '\0';
}

static const struct mx_option *find_long(const struct mx_option *opts,
					 const char *name, size_t n)
{
	for (; opts->type != MX_OPT_END; opts++)
		if (opts->type != MX_OPT_GROUP && opts->long_name &&
		    name_eq(opts->long_name, name, n))
			return opts;
	return NULL;
}

static const struct mx_option *find_short(const struct mx_option *opts, int c)
{
	for (; opts->type != MX_OPT_END; opts++)
		if (opts->type != MX_OPT_GROUP && opts->short_name == c)
			return opts;
	return NULL;
}

static int set_value(const struct mx_option *o, const char *shown,
		     const char *val, struct mx_err *err)
{
	switch (o->type) {
	case MX_OPT_STRING:
		*(const char **)o->value = val;
		break;
	case MX_OPT_LIST:
		mx_strvec_push(o->value, val);
		break;
	case MX_OPT_INT: {
		char *end;
		errno = 0;
		long v = strtol(val, &end, 10);
		if (!*val || *end || errno)
			return mx_err_set(err, MX_ERR_USAGE,
					  "option '%s' expects an integer, got '%s'",
					  shown, val);
		*(long *)o->value = v;
		break;
	}
	default:
		break;
	}
	return 0;
}

/* OptionParser's value_in_tail?: the word after a switch is its value unless
 * it looks like a switch itself; "-" alone and negative numbers are values. */
static bool is_value(const char *word)
{
	char *end;
	if (word[0] != '-' || !word[1])
		return true;
	if (word[1] == ' ')
		return true;
	strtod(word, &end);
	return !*end;
}

struct parse {
	int argc;
	char **argv;
	const struct mx_option *opts;
	enum mx_opt_mode mode;
};

/* A switch the table does not know: an error, or (lenient) skipped with the
 * value OptionParser would give it. */
static int unknown_switch(const struct parse *ps, int *i, const char *shown, bool has_inline,
			  struct mx_err *err)
{
	if (ps->mode == MX_OPT_STRICT)
		return mx_err_set(err, MX_ERR_USAGE, "unknown option '%s'", shown);
	if (!has_inline && *i + 1 < ps->argc && is_value(ps->argv[*i + 1]))
		(*i)++;
	return 0;
}

/* The switch at argv[*i]; moves *i past a value taken from the next word. */
static int parse_switch(const struct parse *ps, int *i, struct mx_err *err)
{
	const char *arg = ps->argv[*i];
	const struct mx_option *o = NULL;
	const char *inline_val = NULL;
	char shown[256];

	if (arg[1] == '-') {
		const char *name = arg + 2;
		const char *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		snprintf(shown, sizeof(shown), "--%.*s", (int)n, name);
		o = find_long(ps->opts, name, n);
		if (!o && n > 3 && !strncmp(name, "no-", 3)) {
			const struct mx_option *neg = find_long(ps->opts, name + 3, n - 3);
			if (neg && neg->type == MX_OPT_BOOL && !eq) {
				*(bool *)neg->value = false;
				if (neg->seen)
					*neg->seen = 1;
				return 0;
			}
		}
		if (!o)
			return unknown_switch(ps, i, shown, eq != NULL, err);
		if (eq)
			inline_val = eq + 1;
	} else {
		snprintf(shown, sizeof(shown), "-%c", arg[1]);
		o = find_short(ps->opts, (unsigned char)arg[1]);
		if (!o)
			return unknown_switch(ps, i, shown, arg[2] != '\0', err);
		if (arg[2]) {
			if (o->type == MX_OPT_BOOL)
				return mx_err_set(err, MX_ERR_USAGE, "unknown option '%s'", arg);
			inline_val = arg + 2;
		}
	}
	if (o->type == MX_OPT_BOOL) {
		bool v = true;
		if (inline_val && !strcmp(inline_val, "false"))
			v = false;
		else if (inline_val && strcmp(inline_val, "true"))
			return mx_err_set(err, MX_ERR_USAGE,
					  "option '%s' expects true or false, got '%s'", shown,
					  inline_val);
		if (o->seen)
			*o->seen = 1;
		*(bool *)o->value = v;
		return 0;
	}
	if (!inline_val && (o->flags & MX_OPT_OPTIONAL_ARG)) {
		inline_val = o->optional_default ? o->optional_default : "";
	} else if (!inline_val) {
		bool has_next = *i + 1 < ps->argc;
		if (has_next && ps->mode == MX_OPT_LENIENT)
			has_next = is_value(ps->argv[*i + 1]);
		if (!has_next)
			return mx_err_set(err, MX_ERR_USAGE, "option '%s' requires a value", shown);
		inline_val = ps->argv[++*i];
	}
	if (o->seen)
		*o->seen = 1;
	return set_value(o, shown, inline_val, err);
}

int mx_opt_parse_mode(int argc, char **argv, int first, const struct mx_option *opts,
		      enum mx_opt_mode mode, struct mx_strvec *positional, struct mx_err *err)
{
	const struct parse ps = {argc, argv, opts, mode};
	bool only_positional = false;
	for (int i = first; i < argc; i++) {
		const char *arg = argv[i];
		if (only_positional || arg[0] != '-' || !arg[1]) {
			if (!positional)
				return mx_err_set(err, MX_ERR_USAGE, "unexpected argument '%s'", arg);
			mx_strvec_push(positional, arg);
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_positional = true;
			continue;
		}
		if (parse_switch(&ps, &i, err) < 0) {
			if (mode == MX_OPT_STRICT)
				return -1;
			/* OptionParser.parse lists it as invalid; the task ignores it */
			mx_err_clear(err);
		}
	}
	return 0;
}

int mx_opt_parse(int argc, char **argv, int first, const struct mx_option *opts,
		 struct mx_strvec *positional, struct mx_err *err)
{
	return mx_opt_parse_mode(argc, argv, first, opts, MX_OPT_STRICT, positional, err);
}

size_t mx_opt_count(const struct mx_option *opts)
{
	size_t n = 0;
	while (opts && opts[n].type != MX_OPT_END)
		n++;
	return n;
}

void mx_opt_print_help(FILE *out, const struct mx_option *opts)
{
	for (const struct mx_option *o = opts; o->type != MX_OPT_END; o++) {
		char left[128] = "";
		size_t n = 0;
		if (o->flags & MX_OPT_HIDDEN)
			continue;
		if (o->type == MX_OPT_GROUP) {
			fprintf(out, "\n%s\n", o->help);
			continue;
		}
		if (o->short_name && o->long_name)
			n = (size_t)snprintf(left, sizeof(left), "-%c, --%s",
					     o->short_name, o->long_name);
		else if (o->short_name)
			n = (size_t)snprintf(left, sizeof(left), "-%c", o->short_name);
		else
			n = (size_t)snprintf(left, sizeof(left), "    --%s", o->long_name);
		if (o->argname && n < sizeof(left)) {
			const char *fmt = (o->flags & MX_OPT_OPTIONAL_ARG) ? "[=%s]" : " %s";
			snprintf(left + n, sizeof(left) - n, fmt, o->argname);
		}
		if (strlen(left) > 24)
			fprintf(out, "  %s\n  %-24s  %s\n", left, "", o->help ? o->help : "");
		else
			fprintf(out, "  %-24s  %s\n", left, o->help ? o->help : "");
	}
}

int mx_opt_version(FILE *out)
{
	fprintf(out, "%s %s (Phoenix %s, ecto_sql %s)\n", mx_diag_prog(),
		MIXLESS_VERSION, MIXLESS_PHOENIX_VERSION, MIXLESS_ECTO_SQL_VERSION);
	return 0;
}
