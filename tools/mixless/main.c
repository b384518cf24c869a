/*
 * mixless: the front door. `mixless ecto.migrate --step 2` runs the task the
 * way `mix ecto.migrate --step 2` would, by handing it to the binary that
 * does it (ecto-migrate migrate --step 2); `mixless help` lists the tasks as
 * `mix help` does. The tasks are the other tools' command entries (tasks.c);
 * mixless's own commands (help, debug) are entries too, listed below.
 */
#include <stdio.h>

#include "command.h"
#include "commands.h"
#include "diag.h"
#include "tasks.h"

#define COMMANDS(X) X(mixless_cmd_help) X(mixless_cmd_debug)

MX_COMMAND_TABLE(commands, COMMANDS);

static void usage(FILE *out)
{
	fprintf(out, "Usage: mixless TASK [ARGS...]\n"
	             "       mixless help [TASK | --search PATTERN]\n"
	             "\n"
	             "Runs Phoenix and Ecto mix tasks without Elixir. TASK is spelled as mix\n"
	             "spells it (ecto.migrate, phx.digest, phx.gen.html ...) and takes the\n"
	             "task's own switches.\n"
	             "\n"
	             "Options:\n");
	mx_opt_print_help(
	    out, (const struct mx_option[]){MX_OPT_HELP(NULL), MX_OPT_VERSION(NULL), MX_OPT_END_});
	fprintf(out, "\nTasks:\n");
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		fprintf(out, "  %-20s %s\n", t->name, t->shortdoc);
}

/* A first word that is none of mixless's own commands names a task. */
static int run_task(int argc, char **argv)
{
	if (mixless_task_find(argv[0]))
		return mixless_exec_task(argv[0], argc - 1, argv + 1);
	return mx_diag_usage("The task \"%s\" could not be found", argv[0]);
}

static const struct mx_tool tool = {
    .name = "mixless",
    .summary = "run Phoenix and Ecto mix tasks without Elixir",
    .noun = "task",
    .commands = commands,
    .usage = usage,
    .fallback = run_task,
};

int main(int argc, char **argv)
{
	return mx_tool_main(&tool, argc, argv);
}
