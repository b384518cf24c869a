/* opt in MX_OPT_LENIENT mode: OptionParser.parse(args, switches: ...) as the
 * Phoenix generators call it, next to the strict mode the ecto tasks use. */
#include "opt.h"
#include "unit.h"

struct vals {
	bool all, live;
	const char *table;
	long step;
	struct mx_strvec pos;
};

static int parse(struct vals *v, enum mx_opt_mode mode, struct mx_err *err, int argc, char **argv)
{
	const struct mx_option opts[] = {
		MX_OPT_BOOL_("all", 0, &v->all, "All"),
		MX_OPT_BOOL_("live", 0, &v->live, "Live"),
		MX_OPT_STR_("table", 't', &v->table, "NAME", "Table"),
		MX_OPT_INT_("step", 'n', &v->step, "N", "Steps"),
		MX_OPT_END_,
	};
	return mx_opt_parse_mode(argc, argv, 0, opts, mode, &v->pos, err);
}

#define ARGV(...) ((char *[]){ __VA_ARGS__ })
#define NARGS(...) ((int)(sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *)))
#define LENIENT(v, ...) parse(v, MX_OPT_LENIENT, &err, NARGS(__VA_ARGS__), ARGV(__VA_ARGS__))

static void reset(struct vals *v)
{
	mx_strvec_clear(&v->pos);
	*v = (struct vals){ false, false, NULL, 0, MX_STRVEC_INIT };
}

TEST(lenient_skips_an_unknown_switch_and_keeps_the_rest)
{
	struct vals v = { 0 };
	struct mx_err err = MX_ERR_INIT;
	reset(&v);
	CHECK_INT(LENIENT(&v, "Accounts", "--bogus", "--all", "User"), 0);
	CHECK(v.all);
	CHECK_INT(v.pos.n, 2);
	CHECK_STR(v.pos.v[0], "Accounts");
	CHECK_STR(v.pos.v[1], "User");
	CHECK_INT(err.kind, MX_ERR_NONE);
	reset(&v);
}

TEST(lenient_unknown_switch_swallows_the_next_word_when_it_is_a_value)
{
	struct vals v = { 0 };
	struct mx_err err = MX_ERR_INIT;
	reset(&v);
	/* OptionParser gives the unknown switch the next word as its value */
	CHECK_INT(LENIENT(&v, "--bogus", "Accounts", "User"), 0);
	CHECK_INT(v.pos.n, 1);
	CHECK_STR(v.pos.v[0], "User");
	reset(&v);
	/* an inline value takes nothing more */
	CHECK_INT(LENIENT(&v, "--bogus=1", "Accounts"), 0);
	CHECK_INT(v.pos.n, 1);
	CHECK_STR(v.pos.v[0], "Accounts");
	reset(&v);
	/* "-" and negative numbers are values; a switch is not */
	CHECK_INT(LENIENT(&v, "--bogus", "-", "--other", "-5", "--x", "-n", "3", "A"), 0);
	CHECK_INT(v.step, 3);
	CHECK_INT(v.pos.n, 1);
	CHECK_STR(v.pos.v[0], "A");
	reset(&v);
	/* unknown short switches and unknown negations alike */
	CHECK_INT(LENIENT(&v, "-x", "gone", "--no-such", "gone2", "kept"), 0);
	CHECK_INT(v.pos.n, 1);
	CHECK_STR(v.pos.v[0], "kept");
	reset(&v);
}

TEST(lenient_skips_bad_and_missing_values_of_known_switches)
{
	struct vals v = { 0 };
	struct mx_err err = MX_ERR_INIT;
	reset(&v);
	/* the bad value is taken as the switch's, then dropped with it */
	CHECK_INT(LENIENT(&v, "--step", "two", "Post"), 0);
	CHECK_INT(v.step, 0);
	CHECK_INT(v.pos.n, 1);
	CHECK_STR(v.pos.v[0], "Post");
	reset(&v);
	CHECK_INT(LENIENT(&v, "--all=maybe", "--table"), 0);
	CHECK(!v.all);
	CHECK(v.table == NULL);
	reset(&v);
	/* a word that looks like a switch is not a value: it is parsed itself */
	CHECK_INT(LENIENT(&v, "--table", "--live"), 0);
	CHECK(v.table == NULL);
	CHECK(v.live);
	reset(&v);
	CHECK_INT(LENIENT(&v, "-t", "posts", "--no-live", "--step=-2"), 0);
	CHECK_STR(v.table, "posts");
	CHECK(!v.live);
	CHECK_INT(v.step, -2);
	reset(&v);
}

TEST(lenient_still_ends_switches_at_double_dash_and_refuses_unwanted_arguments)
{
	struct vals v = { 0 };
	struct mx_err err = MX_ERR_INIT;
	const struct mx_option none[] = { MX_OPT_END_ };
	reset(&v);
	CHECK_INT(LENIENT(&v, "--", "--all"), 0);
	CHECK(!v.all);
	CHECK_INT(v.pos.n, 1);
	CHECK_STR(v.pos.v[0], "--all");
	reset(&v);
	CHECK_INT(mx_opt_parse_mode(2, ARGV("--x", "y"), 0, none, MX_OPT_LENIENT, NULL, &err), 0);
	CHECK_INT(mx_opt_parse_mode(1, ARGV("y"), 0, none, MX_OPT_LENIENT, NULL, &err), -1);
	CHECK_STR(err.msg, "unexpected argument 'y'");
}

TEST(strict_mode_is_unchanged_by_the_lenient_rules)
{
	struct vals v = { 0 };
	struct mx_err err = MX_ERR_INIT;
	reset(&v);
	CHECK_INT(parse(&v, MX_OPT_STRICT, &err, 2, ARGV("--bogus", "x")), -1);
	CHECK_STR(err.msg, "unknown option '--bogus'");
	reset(&v);
	/* strict takes the next word as the value, whatever it looks like */
	CHECK_INT(parse(&v, MX_OPT_STRICT, &err, 2, ARGV("--table", "--live")), 0);
	CHECK_STR(v.table, "--live");
	CHECK(!v.live);
	reset(&v);
	CHECK_INT(parse(&v, MX_OPT_STRICT, &err, 1, ARGV("--all=maybe")), -1);
	CHECK_STR(err.msg, "option '--all' expects true or false, got 'maybe'");
	reset(&v);
}

TEST(the_common_switches_are_spelt_once)
{
	const char *dir = NULL;
	bool quiet = false, help = false, version = false;
	struct mx_err err = MX_ERR_INIT;
	const struct mx_option opts[] = {
		MX_OPT_DIRECTORY(&dir), MX_OPT_QUIET(&quiet), MX_OPT_HELP(&help),
		MX_OPT_VERSION(&version), MX_OPT_END_,
	};
	CHECK_INT(mx_opt_count(opts), 4);
	CHECK_INT(mx_opt_count(NULL), 0);
	CHECK_INT(mx_opt_parse(5, ARGV("--directory", "app", "-q", "-h", "--version"), 0, opts,
			       NULL, &err),
		  0);
	CHECK_STR(dir, "app");
	CHECK(quiet && help && version);
	CHECK_INT(mx_opt_parse(2, ARGV("-C", "web"), 0, opts, NULL, &err), 0);
	CHECK_STR(dir, "web");
	CHECK_STR(opts[0].help, MX_OPT_DIRECTORY_HELP);
}

UNIT_MAIN()
