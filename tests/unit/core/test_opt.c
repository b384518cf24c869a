#include "opt.h"
#include "unit.h"

struct vals {
	bool all, vsn;
	const char *to;
	long step;
	struct mx_strvec repos;
	struct mx_strvec pos;
};

static int parse(struct vals *v, struct mx_err *err, int argc, char **argv)
{
	const struct mx_option opts[] = {
		MX_OPT_BOOL_("all", 0, &v->all, "Run all"),
		MX_OPT_BOOL_("vsn", 0, &v->vsn, "Add vsn"),
		MX_OPT_STR_("to-exclusive", 0, &v->to, "V", "Up to"),
		MX_OPT_INT_("step", 'n', &v->step, "N", "Steps"),
		MX_OPT_LIST_("repo", 'r', &v->repos, "REPO", "Repo"),
		MX_OPT_END_,
	};
	return mx_opt_parse(argc, argv, 0, opts, &v->pos, err);
}

#define ARGV(...) ((char *[]){ __VA_ARGS__ })
#define NARGS(...) ((int)(sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *)))

TEST(opt_parses_switch_forms)
{
	struct vals v = { 0, 1, NULL, 0, MX_STRVEC_INIT, MX_STRVEC_INIT };
	struct mx_err err = MX_ERR_INIT;
	char **a = ARGV("input", "--all", "-n", "3", "--to_exclusive=20240101", "-rA.Repo",
			"--repo", "B.Repo", "--no-vsn", "--", "--literal");
	CHECK_INT(parse(&v, &err, 11, a), 0);
	CHECK(v.all);
	CHECK(!v.vsn);
	CHECK_INT(v.step, 3);
	CHECK_STR(v.to, "20240101");
	CHECK_INT(v.repos.n, 2);
	CHECK_STR(v.repos.v[0], "A.Repo");
	CHECK_STR(v.repos.v[1], "B.Repo");
	CHECK_INT(v.pos.n, 2);
	CHECK_STR(v.pos.v[0], "input");
	CHECK_STR(v.pos.v[1], "--literal");
	mx_strvec_clear(&v.repos);
	mx_strvec_clear(&v.pos);
}

TEST(opt_errors_name_the_switch)
{
	struct vals v = { 0, 0, NULL, 0, MX_STRVEC_INIT, MX_STRVEC_INIT };
	struct mx_err err = MX_ERR_INIT;
	CHECK_INT(parse(&v, &err, 1, ARGV("--bogus")), -1);
	CHECK_STR(err.msg, "unknown option '--bogus'");
	CHECK_INT(err.kind, MX_ERR_USAGE);
	CHECK_INT(parse(&v, &err, 2, ARGV("--step", "two")), -1);
	CHECK_STR(err.msg, "option '--step' expects an integer, got 'two'");
	CHECK_INT(parse(&v, &err, 1, ARGV("-n")), -1);
	CHECK_STR(err.msg, "option '-n' requires a value");
	CHECK_INT(parse(&v, &err, 1, ARGV("-x")), -1);
	CHECK_STR(err.msg, "unknown option '-x'");
	mx_strvec_clear(&v.pos);
	(void)NARGS("a");
}

UNIT_MAIN()
