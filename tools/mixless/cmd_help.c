/* `mixless help [TASK]` and `mixless help --search PATTERN`, as mix help. */
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "commands.h"
#include "diag.h"
#include "tasks.h"

static const char *search;

static const struct mx_option options[] = {
    MX_OPT_STR_("search", 0, &search, "PATTERN", "List only the tasks whose name holds PATTERN"),
    MX_OPT_END_,
};

static void list(const char *pattern)
{
	size_t width = 0;
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		if (!pattern || strstr(t->name, pattern))
			width = strlen(t->name) > width ? strlen(t->name) : width;
	/* Mix pads task names to the longest one shown. */
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		if (!pattern || strstr(t->name, pattern))
			printf("mix %-*s # %s\n", (int)width, t->name, t->shortdoc);
}

static int run(const struct mx_cmdline *cl)
{
	if (search && cl->args.n)
		return mx_diag_usage("unexpected argument '%s'", cl->args.v[0]);
	if (!cl->args.n) {
		list(search);
		return MX_EXIT_OK;
	}
	if (!mixless_task_find(cl->args.v[0]))
		return mx_diag_fail(MX_EXIT_FAIL, "The task \"%s\" could not be found",
		                    cl->args.v[0]);
	char help[] = "--help";
	char *args[] = {help, NULL};
	return mixless_exec_task(cl->args.v[0], 1, args);
}

const struct mx_command mixless_cmd_help = {
    .name = "help",
    .tool = "mixless",
    .shortdoc = "Prints help information for tasks",
    .synopsis = "[TASK | --search PATTERN]",
    .doc = "Prints help information for tasks, as `mix help` does.\n"
           "\n"
           "Without arguments, every task mixless runs, one line each with its\n"
           "shortdoc, sorted and padded as mix help prints them (an alias of a\n"
           "Phoenix app's mix.exs reads \"Alias defined in mix.exs\"). With --search\n"
           "PATTERN, only the tasks whose name holds PATTERN. With TASK, that task's\n"
           "own --help.\n"
           "\n"
           "  mixless help\n"
           "  mixless help --search ecto\n"
           "  mixless help ecto.migrate\n",
    .options = options,
    .max_args = 1,
    .fn = run,
};
