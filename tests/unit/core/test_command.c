/* command: entries, dispatch, and what is built from them (--help, the task
 * list, the man page), on a small made-up tool. */
#include <stdlib.h>
#include <unistd.h>

#include "command.h"
#include "diag.h"
#include "unit.h"

#define ARGV(...) ((char *[]){ __VA_ARGS__ })
#define NARGS(...) ((int)(sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *)))

/* What the commands saw. */
static const char *ran;
static size_t nargs;
static char first_arg[64];
static bool force;

static int record(const struct mx_cmdline *cl)
{
	ran = cl->cmd->name ? cl->cmd->name : "(default)";
	nargs = cl->args.n;
	snprintf(first_arg, sizeof(first_arg), "%s", cl->args.n ? cl->args.v[0] : "");
	return 7;
}

static const struct mx_option frob_opts[] = {
	MX_OPT_BOOL_("force", 'f', &force, "Do it anyway"),
	MX_OPT_END_,
};

static const struct mx_command cmd_default = {
	.task = "ex.run",
	.tool = "ex",
	.shortdoc = "Runs the example",
	.synopsis = "[INPUT] [options]",
	.doc = "Runs the example, as `mix ex.run` does.\n\nA second paragraph, for the man page only.\n",
	.notes = "Notes:\n  a \\ backslash\n.a line with a dot\n",
	.max_args = 1,
	.fn = record,
};

static const struct mx_command cmd_frob = {
	.name = "frob",
	.task = "ex.frob",
	.tool = "ex",
	.shortdoc = "Frobs",
	.doc = "Frobs the example.\n",
	.options = frob_opts,
	.fn = record,
};

static const struct mx_command cmd_alias = {
	.name = "setup",
	.task = "ex.setup",
	.tool = "ex",
	.shortdoc = "frob + run",
	.flags = MX_CMD_MIX_ALIAS,
	.mode = MX_OPT_LENIENT,
	.max_args = -1,
	.fn = record,
};

static const struct mx_command cmd_inner = {
	.name = "inner",
	.tool = "ex",
	.shortdoc = "An inner command",
	.fn = record,
};

static const struct mx_command *const group_list[] = { &cmd_inner, NULL };

static const struct mx_command cmd_group = {
	.name = "group",
	.tool = "ex",
	.shortdoc = "Groups",
	.flags = MX_CMD_HIDDEN,
	.subcommands = group_list,
};

static const struct mx_command *const with_default[] = { &cmd_default, &cmd_frob, &cmd_alias,
							  &cmd_group, NULL };
static const struct mx_command *const without_default[] = { &cmd_frob, &cmd_alias, &cmd_group,
							     NULL };

static void usage(FILE *out)
{
	fputs("Usage: ex COMMAND\n", out);
}

static int fallback_argc;
static int fallback(int argc, char **argv)
{
	fallback_argc = argc;
	snprintf(first_arg, sizeof(first_arg), "%s", argv[0]);
	return 5;
}

static const struct mx_tool tool_default = { "ex", "an example", "command", with_default, NULL,
					     NULL };
static const struct mx_tool tool_plain = { "ex", "an example", "command", without_default, usage,
					   NULL };
static const struct mx_tool tool_fallback = { "ex", "an example", "task", without_default, usage,
					      fallback };

/* Runs mx_tool_main with stdout and stderr sent to /dev/null. */
static int quiet_main(const struct mx_tool *t, int argc, char **argv)
{
	int out = dup(1), err = dup(2);
	FILE *null = fopen("/dev/null", "w");
	fflush(stdout);
	fflush(stderr);
	dup2(fileno(null), 1);
	dup2(fileno(null), 2);
	ran = NULL;
	int ret = mx_tool_main(t, argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(out, 1);
	dup2(err, 2);
	close(out);
	close(err);
	fclose(null);
	return ret;
}

/* What a printer writes, as a string (caller frees). */
static char *printed(void (*fn)(FILE *, const struct mx_tool *, const struct mx_command *,
				const char *),
		     const struct mx_tool *t, const struct mx_command *c, const char *path)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	fn(f, t, c, path);
	fclose(f);
	return text;
}

TEST(command_find_by_name_or_task_name)
{
	CHECK(mx_command_find(with_default, "frob") == &cmd_frob);
	CHECK(mx_command_find(with_default, "ex.frob") == &cmd_frob);
	/* the default command answers to no word, not even its task */
	CHECK(mx_command_find(with_default, "ex.run") == NULL);
	CHECK(mx_command_find(with_default, "nope") == NULL);
	CHECK_STR(mx_command_mix_shortdoc(&cmd_alias), "Alias defined in mix.exs");
	CHECK_STR(mx_command_mix_shortdoc(&cmd_frob), "Frobs");
}

TEST(command_dispatch_runs_the_named_or_default_command)
{
	mx_diag_set_prog("ex");
	CHECK_INT(quiet_main(&tool_default, 3, ARGV("ex", "frob", "-f")), 7);
	CHECK_STR(ran, "frob");
	CHECK(force);
	CHECK_INT(quiet_main(&tool_default, 2, ARGV("ex", "ex.frob")), 7);
	CHECK_STR(ran, "frob");
	CHECK_INT(quiet_main(&tool_default, 2, ARGV("ex", "priv/static")), 7);
	CHECK_STR(ran, "(default)");
	CHECK_INT(nargs, 1);
	CHECK_STR(first_arg, "priv/static");
	/* max_args 1: a second argument is a usage error; the command never runs */
	CHECK_INT(quiet_main(&tool_default, 3, ARGV("ex", "a", "b")), MX_EXIT_USAGE);
	CHECK(ran == NULL);
	/* max_args 0: so is the first */
	CHECK_INT(quiet_main(&tool_default, 3, ARGV("ex", "frob", "x")), MX_EXIT_USAGE);
	CHECK(ran == NULL);
	/* strict: an unknown switch; lenient: ignored */
	CHECK_INT(quiet_main(&tool_default, 3, ARGV("ex", "frob", "--bogus")), MX_EXIT_USAGE);
	CHECK_INT(quiet_main(&tool_default, 4, ARGV("ex", "setup", "--bogus", "x")), 7);
	CHECK_STR(ran, "setup");
	CHECK_INT(nargs, 0);
}

TEST(command_help_and_version_are_on_every_command)
{
	CHECK_INT(quiet_main(&tool_default, 3, ARGV("ex", "frob", "--help")), MX_EXIT_OK);
	CHECK(ran == NULL);
	CHECK_INT(quiet_main(&tool_default, 3, ARGV("ex", "setup", "-h")), MX_EXIT_OK);
	CHECK(ran == NULL);
	CHECK_INT(quiet_main(&tool_default, 2, ARGV("ex", "--version")), MX_EXIT_OK);
	CHECK(ran == NULL);
	CHECK_INT(quiet_main(&tool_default, 2, ARGV("ex", "--list-commands")), MX_EXIT_OK);
	CHECK_INT(quiet_main(&tool_default, 2, ARGV("ex", "--man")), MX_EXIT_OK);
	CHECK(ran == NULL);
}

TEST(command_without_a_command)
{
	CHECK_INT(quiet_main(&tool_plain, 1, ARGV("ex")), MX_EXIT_USAGE);
	CHECK_INT(quiet_main(&tool_plain, 2, ARGV("ex", "--help")), MX_EXIT_OK);
	CHECK_INT(quiet_main(&tool_plain, 2, ARGV("ex", "--bogus")), MX_EXIT_USAGE);
	CHECK_INT(quiet_main(&tool_plain, 3, ARGV("ex", "--help", "frob")), MX_EXIT_USAGE);
	CHECK_INT(quiet_main(&tool_plain, 2, ARGV("ex", "nope")), MX_EXIT_USAGE);
	CHECK(ran == NULL);
	CHECK_INT(quiet_main(&tool_fallback, 3, ARGV("ex", "ex.other", "--x")), 5);
	CHECK_INT(fallback_argc, 2);
	CHECK_STR(first_arg, "ex.other");
}

TEST(command_subcommands)
{
	CHECK_INT(quiet_main(&tool_plain, 3, ARGV("ex", "group", "inner")), 7);
	CHECK_STR(ran, "inner");
	CHECK_INT(quiet_main(&tool_plain, 2, ARGV("ex", "group")), MX_EXIT_USAGE);
	CHECK_INT(quiet_main(&tool_plain, 3, ARGV("ex", "group", "nope")), MX_EXIT_USAGE);
	CHECK_INT(quiet_main(&tool_plain, 3, ARGV("ex", "group", "--help")), MX_EXIT_OK);
	CHECK(ran == NULL);
}

TEST(command_help_is_built_from_the_entry)
{
	char *h = printed(mx_command_print_help, &tool_default, &cmd_frob, "ex frob");
	CHECK_STR(h, "Usage: ex frob [options]\n"
		     "\n"
		     "Frobs the example.\n"
		     "\n"
		     "Options:\n"
		     "  -f, --force               Do it anyway\n"
		     "  -h, --help                Show this help\n"
		     "      --version             Show the version\n");
	free(h);
	/* the default command's help is the tool's: every command's usage,
	 * the first paragraph of the doc only, and the notes */
	h = printed(mx_command_print_help, &tool_default, &cmd_default, "ex");
	CHECK_STR(h, "Usage: ex [INPUT] [options]\n"
		     "       ex frob [options]\n"
		     "       ex setup [options]\n"
		     "\n"
		     "Runs the example, as `mix ex.run` does.\n"
		     "\n"
		     "Options:\n"
		     "  -h, --help                Show this help\n"
		     "      --version             Show the version\n"
		     "\n"
		     "Notes:\n  a \\ backslash\n.a line with a dot\n");
	free(h);
}

TEST(command_list_and_man_page_are_built_from_the_entries)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	mx_command_print_list(f, &tool_default);
	fclose(f);
	CHECK_STR(text, "ex.run\t\tRuns the example\n"
			"ex.frob\tfrob\tFrobs\n"
			"ex.setup\tsetup\tAlias defined in mix.exs\n");
	free(text);

	f = open_memstream(&text, &n);
	mx_command_print_man(f, &tool_default);
	fclose(f);
	CHECK(!strncmp(text, ".TH \"EX\" 1 ", 11));
	CHECK(strstr(text, ".SH NAME\nex \\- an example\n"));
	CHECK(strstr(text, ".SH \"ex frob\"\n"));
	CHECK(strstr(text, "A second paragraph, for the man page only."));
	CHECK(strstr(text, "  -f, --force               Do it anyway\n"));
	/* roff: backslashes escaped, a leading dot kept from being a request */
	CHECK(strstr(text, "  a \\e backslash\n\\&.a line with a dot\n"));
	/* hidden commands stay out */
	CHECK(!strstr(text, "group"));
	free(text);
}

UNIT_MAIN()
